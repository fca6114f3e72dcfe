// A strict JSON reader that remembers where every value came from.
//
// Parley's import must say "line 12, column 7: /regimes/1/dimensions/4/value: expected a
// number of months" for any error, report duplicate keys (which most JSON libraries silently
// resolve one way or the other), refuse invalid UTF-8, absurd nesting and oversized files, and
// never crash on hostile input. nlohmann/json keeps no positions, so this reader builds its own
// small tree; the model reader (document_json.cpp) walks it.
#pragma once
#include "json_list.h"

#include <cstdint>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {

struct TextPos {
    int line = 0;     // 1-based; 0 = unknown
    int column = 0;   // 1-based, counted in characters (what an editor shows), not bytes
};

// Raw: a value kept as its compact JSON text instead of a tree (unknown members as imported):
// whitespace outside strings dropped, strings escaped as the writer escapes them, numbers exactly
// as written. Two copies that differ only in layout hold the same text. About one byte per byte
// of the file, where a tree costs ~100 bytes per value (a 20 MB list of zeros would take 2.5 GB).
// RawMembers: consecutive members of an object, all kept as text, as one member whose key is
// empty, whose text is theirs without braces (`"a":1,"b":[2]`) and whose `integer` is how many
// they are; see JsonLimits::members_apart.
struct JsonValue {
    enum Type : unsigned char { Null, Bool, Number, String, Array, Object, Raw, RawMembers };
    Type        type = Null;
    bool        boolean = false;
    bool        is_integer = false;  // written without fraction or exponent, and fits in int64
    TextPos     pos;                 // where the value starts
    double      number = 0;
    long long   integer = 0;
    std::string text;                // String: the decoded string; Number: the literal as written; Raw: compact JSON
    JsonList<JsonValue> items;       // Array
    JsonList<std::pair<std::string, JsonValue>> members;      // Object, in file order

    const JsonValue* find(std::string_view key) const;        // first member with this key (never a RawMembers)
    const char* type_name() const;                            // "text", "number", "a list", ...
};

struct JsonIssue {
    enum Kind {
        Syntax,        // not JSON at all: reading stopped here
        DuplicateKey,  // well-formed, but a key repeats in one object
        Limit,         // well-formed as far as read, but too large or too deeply nested
    };
    Kind        kind = Syntax;
    std::string pointer;   // JSON Pointer of the value concerned ("" = whole file)
    TextPos     pos;
    std::string message;
};

struct JsonLimits {
    size_t max_bytes = 64u << 20;   // a 10 MB draft is already very large
    int    max_depth = 64;
    size_t max_issues = 50;         // stop collecting after this many
    // Memory the tree and the document made from it may take, estimated as it is read (each
    // value ~kJsonValueCost, text as long as it is). Past it reading stops with a Limit issue
    // where it stood: a file dense in small values (a value every few bytes) costs 20 to 40
    // times its size, and in the browser, whose heap is bounded, it must be refused before it
    // runs the heap out, never abort the app with the open draft in it. Natively: no bound.
    size_t max_memory = SIZE_MAX;
    // Members kept as text (those JsonTreeKey says no to) are each their own member, at ~100
    // bytes apiece, for the first `members_apart` of them in the file; past that, consecutive
    // ones in one object become one RawMembers member, at the cost of their text alone (a file
    // of objects with twenty small unknown members each took 25 times its size). The import
    // keeps the first ones apart so that each of its notices points at its own member.
    size_t members_apart = SIZE_MAX;
};

// Estimated bytes one value costs once read: its JsonValue, its member's key, its share of the
// document built from the tree and of the import's tables (measured natively with peak RSS on
// the adversarial shapes of `make bench-adversarial`: 180 to 230 bytes a value; in the 32-bit
// browser build pointers and sizes are half as long, so this errs on the safe side there).
constexpr size_t kJsonValueCost = 250;

struct JsonReadResult {
    bool      ok = false;           // true when the text is well-formed and within limits
    JsonValue root;
    std::vector<JsonIssue> issues;  // duplicate keys, then at most one Syntax or Limit issue (reading stops there)
    size_t    tree_values = 0;      // values built as tree nodes (tests: a raw member builds none)
    size_t    key_compares = 0;     // key comparisons made finding duplicate keys (tests: stays linear)
};

// Which object members to build as trees. A member whose key this returns false for is kept as
// one Raw value (its whole contents validated, but no tree built). Null: build everything.
// The model reader passes "is this a name the format uses anywhere" (document_json.cpp).
using JsonTreeKey = bool (*)(std::string_view key);

JsonReadResult json_read(std::string_view text, const JsonLimits& limits = JsonLimits(), JsonTreeKey tree_key = nullptr);

// Raw values: the tree a Raw value stands for (other values are returned as they are), every
// Raw inside `v` replaced by its tree (RawMembers by their members), and the compact text of
// any value (what Raw holds).
JsonValue   json_expand(const JsonValue& v);
void        json_materialize(JsonValue& v);
std::string json_compact(const JsonValue& v);
void        json_compact_append(std::string& out, const JsonValue& v);   // the same, added to `out`

// Escapes a key for use in a JSON Pointer ("~" -> "~0", "/" -> "~1").
std::string json_pointer_escape(std::string_view key);

} // namespace parley
