// Reading (strict, every problem reported with where it is) and writing (canonical) of the
// Parley format v1. docs/format.md is the description for people; this file must agree
// with it member for member, and so must assets/schema/parley-v1.schema.json.
//
// Index of this file
//   Reading
//   Members by their C++ type
//   Writing
#include "document_json.h"

#include "assert.h"
#include "catalogue.h"
#include "json_reader.h"
#include "json_writer.h"
#include "utf8.h"
#include "value_rules.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <memory>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace parley {

namespace {

// ---------------------------------------------------------------------------------------
// Reading

const char* id_kind_word(IdKind k)
{
    switch (k) {
    case IdKind::Document: return "document";
    case IdKind::Organisation: return "organisation";
    case IdKind::Section: return "section";
    case IdKind::Regime: return "regime";
    case IdKind::Dimension: return "dimension";
    case IdKind::Question: return "question";
    case IdKind::Answer: return "answer";
    case IdKind::Criterion: return "criterion";
    case IdKind::Participant: return "participant";
    case IdKind::Source: return "source";
    case IdKind::Comment: return "comment";
    case IdKind::Revision: return "revision";
    }
    return "thing";
}

std::string id_kind_noun(IdKind k)   // "a regime", "an answer", "the document"
{
    if (k == IdKind::Document) return "the document";
    const char* word = id_kind_word(k);
    return (word[0] == 'a' || word[0] == 'o' ? "an " : "a ") + std::string(word);
}

// "text (\"two years\")", "a number", ...: what the file holds, as the user would recognise it.
std::string describe(const JsonValue& v)
{
    if (v.type == JsonValue::String) {
        const size_t keep = utf8_prefix_length(v.text.data(), v.text.size(), 40);   // never inside a character
        const std::string shown = keep < v.text.size() ? v.text.substr(0, keep) + "..." : v.text;
        return "text (\"" + shown + "\")";
    }
    if (v.type == JsonValue::Number) return "the number " + v.text;
    return v.type_name();
}

// Ids and references are remembered by where their values start in the file, and their ids
// as views of the JSON tree's texts (which outlive the read): a file of 100,000 ids and
// references would otherwise keep a string and a JSON Pointer for each, only for the few error
// messages that need them (Ctx::pointer_at finds the pointer from the place).
struct IdEntry {
    IdKind  kind;
    TextPos pos;
};

// Room for `more` elements, made at once when a list says how many are coming (100,000
// references rehash or move the lot at every doubling otherwise), but never less than double:
// reserving exactly for each of 10,000 small lists would move everything each time.
template <class V> void room_for(std::vector<V>& v, size_t more)
{
    if (v.size() + more > v.capacity()) v.reserve(std::max(v.size() + more, 2 * v.capacity()));
}
template <class K, class V> void room_for(std::unordered_map<K, V>& m, size_t more)
{
    if ((float)(m.size() + more) > m.bucket_count() * m.max_load_factor()) m.reserve(std::max(m.size() + more, 2 * m.size()));
}

struct PendingRef {   // a reference to an id, checked once the whole file has been read
    std::string_view id;
    IdKind      want;
    bool        any;      // a comment may point at anything that has an id
    TextPos     pos;
};

bool Before(TextPos a, TextPos b) { return a.line < b.line || (a.line == b.line && a.column < b.column); }
bool SamePlace(TextPos a, TextPos b) { return a.line == b.line && a.column == b.column; }

struct Ctx {
    explicit Ctx(ImportResult& r) : result(r) {}
    ImportResult& result;
    size_t dropped = 0;
    std::unordered_map<std::string_view, IdEntry> ids;   // views of the tree's texts
    std::vector<PendingRef> refs;
    const JsonValue* root = nullptr;   // the tree read, for pointer_at

    // The JSON Pointer of the value that starts at `pos`: the tree's children are in file
    // order, so each level is a binary search (depth x log n, not a walk of the whole tree).
    // "" when no value starts there (or there is no tree).
    std::string pointer_at(TextPos pos) const
    {
        std::string p;
        const JsonValue* v = root;
        while (v && !SamePlace(v->pos, pos)) {
            const JsonValue* next = nullptr;
            if (v->type == JsonValue::Array) {
                const JsonValue* it = std::upper_bound(v->items.begin(), v->items.end(), pos,
                                                       [](TextPos at, const JsonValue& item) { return Before(at, item.pos); });
                if (it != v->items.begin()) { next = it - 1; p += "/" + std::to_string(next - v->items.begin()); }
            } else if (v->type == JsonValue::Object) {
                const auto* it = std::upper_bound(v->members.begin(), v->members.end(), pos,
                                                  [](TextPos at, const std::pair<std::string, JsonValue>& m) { return Before(at, m.second.pos); });
                if (it != v->members.begin()) { next = &(it - 1)->second; p += "/" + json_pointer_escape((it - 1)->first); }
            }
            v = next;
        }
        return v ? p : std::string();
    }
    std::unordered_set<std::string> list_keys;       // the keys of the file's own lists read so far
    const std::vector<NamedList>* lists = nullptr;   // the file's own lists (read first): option_lists.h looks options up in them
    std::unique_ptr<OptionIndex> option_index;       // made at the first lookup, once the lists are read

    // A list's options, hashed: one index per read, so a set of 100,000 items is checked in linear time.
    const OptionIndexList* options_of(const std::string& list)
    {
        if (!option_index) option_index = std::make_unique<OptionIndex>(*lists);
        return option_index->find(list);
    }
    bool errors_full() const { return result.errors.size() >= kMaxImportErrors; }   // a message now would only be counted
    std::deque<JsonValue> expanded;                  // trees of known members the reader kept as text (see Obj::get)

    void error(const std::string& pointer, TextPos pos, std::string message)
    {
        if (result.errors.size() < kMaxImportErrors) result.errors.push_back({pointer, pos.line, pos.column, std::move(message)});
        else dropped++;
    }
    void notice(const std::string& pointer, TextPos pos, std::string message)
    {
        if (result.notices.size() < kMaxImportErrors) result.notices.push_back({pointer, pos.line, pos.column, std::move(message)});
    }
    bool notices_full() const { return result.notices.size() >= kMaxImportErrors; }   // a notice now would be dropped
};

bool is_valid_key(const std::string& key)
{
    if (key.empty() || key.size() > 64) return false;
    for (size_t i = 0; i < key.size(); i++) {
        const char c = key[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '_' || c == '.' || c == '-'));
        if (!ok) return false;
    }
    return true;
}

bool is_digits(const std::string& s, size_t at, size_t n)
{
    for (size_t i = at; i < at + n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

int two_digits(const std::string& s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

// YYYY-MM-DD, a day that exists.
bool is_valid_date(const std::string& s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !is_digits(s, 0, 4) || !is_digits(s, 5, 2) || !is_digits(s, 8, 2)) return false;
    const int year = std::stoi(s.substr(0, 4)), month = two_digits(s, 5), day = two_digits(s, 8);
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// YYYY-MM-DDTHH:MM:SSZ, UTC.
bool is_valid_time(const std::string& s)
{
    if (s.size() != 20 || !is_valid_date(s.substr(0, 10)) || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return false;
    if (!is_digits(s, 11, 2) || !is_digits(s, 14, 2) || !is_digits(s, 17, 2)) return false;
    return two_digits(s, 11) < 24 && two_digits(s, 14) < 60 && two_digits(s, 17) < 60;
}

// A number as written, reduced to its significant digits and the place of the decimal point:
// "1.50e2" and "150" both give ("15", 3). Zero gives ("", 0). The sign is dropped.
std::pair<std::string, long> significant_digits(const std::string& literal)
{
    std::string digits;
    long point = 0;   // digits before the decimal point, before trimming zeros
    bool fraction = false;
    long exponent = 0;
    for (size_t i = 0; i < literal.size(); i++) {
        const char ch = literal[i];
        if (ch >= '0' && ch <= '9') { digits += ch; if (!fraction) point++; }
        else if (ch == '.') fraction = true;
        else if (ch == 'e' || ch == 'E') {
            size_t at = i + 1;
            const bool negative = at < literal.size() && literal[at] == '-';
            if (at < literal.size() && (literal[at] == '-' || literal[at] == '+')) at++;
            while (at + 1 < literal.size() && literal[at] == '0') at++;
            const std::string e = literal.substr(at);
            exponent = e.size() > 9 ? 1000000000L : std::strtol(e.c_str(), nullptr, 10);   // 10^9: far beyond any double
            if (negative) exponent = -exponent;
            break;
        }
    }
    size_t lead = 0;
    while (lead < digits.size() && digits[lead] == '0') lead++;
    digits.erase(0, lead);
    point -= (long)lead;
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    if (digits.empty()) return {"", 0};
    return {digits, point + exponent};
}

// What is wrong with a number of the format's own (a value, a weight, a score) that Parley
// could not keep as written, or "": numbers are held as doubles, and saving must not turn
// 1e-400 into 0, a 30-digit count into 1e29, or 0.30000000000000000001 into 0.3.
std::string number_literal_problem(const JsonValue& m)
{
    constexpr double kLargestExact = 9007199254740992.0;   // 2^53: every whole number up to it is exact
    const std::string& written = m.text.empty() ? json_format_number(m.number) : m.text;
    const size_t keep = utf8_prefix_length(written.data(), written.size(), 40);
    const std::string shown = keep < written.size() ? written.substr(0, keep) + "..." : written;
    if (std::fabs(m.number) > kLargestExact)
        return shown + " is too large: Parley keeps numbers up to 9,007,199,254,740,992 (2^53) exactly";
    const std::string saved = json_format_number(m.number);
    const auto as_written = significant_digits(written);
    if (as_written.first.empty()) return "";   // zero, however written
    if (m.number == 0 || std::fabs(m.number) < 2.2250738585072014e-308)   // DBL_MIN: below it a double loses digits, then becomes 0
        return shown + " is too small for Parley to keep: it would be saved as " + saved + " (write 0 if you mean none)";
    if (significant_digits(saved) != as_written)
        return shown + " has more digits than Parley can keep: it would be saved as " + saved + " (write " + saved + ", or fewer digits)";
    return "";
}

// One JSON object being read into one struct. Every member asked for is remembered as known;
// finish() keeps the rest in `extra` and reports each as a notice.
class Obj {
public:
    Obj(Ctx& c, const JsonValue& v, std::string pointer, const char* what)
        : c_(c), v_(v), ptr_(std::move(pointer)), what_(what)
    {
        ok_ = v.type == JsonValue::Object;
        if (!ok_) c.error(ptr_, v.pos, std::string("expected ") + what + " (an object {...}), got " + describe(v));
    }

    bool ok() const { return ok_; }
    std::string at(const char* key) const { return ptr_ + "/" + key; }   // known keys need no escaping

    const JsonValue* get(const char* key, bool required = false)
    {
        known_.push_back(key);
        if (!ok_) return nullptr;
        const JsonValue* m = v_.find(key);
        // Only names the format uses are read as trees (format_key); a name it uses elsewhere
        // but not in this object cannot be kept as text, so this is a safety net, not a path.
        if (m && m->type == JsonValue::Raw) m = &c_.expanded.emplace_back(json_expand(*m));
        if (!m && required) c_.error(at(key), v_.pos, std::string(what_) + " needs \"" + key + "\"");
        return m;
    }

    void fail(const char* key, const JsonValue& m, std::string message) { c_.error(at(key), m.pos, std::move(message)); }

    bool text(const char* key, std::string* out, bool required = false)
    {
        const JsonValue* m = get(key, required);
        if (!m) return false;
        if (m->type != JsonValue::String) { fail(key, *m, "expected text, got " + describe(*m)); return false; }
        *out = m->text;
        return true;
    }

    void id(std::string* out, IdKind kind)
    {
        if (!text("id", out, true)) return;
        const JsonValue& m = *v_.find("id");
        if (!is_valid_id(*out)) {
            fail("id", m, "\"" + *out + "\" cannot be an id: ids are 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return;
        }
        auto inserted = c_.ids.emplace(std::string_view(m.text), IdEntry{kind, m.pos});
        if (!inserted.second) {
            const IdEntry& first = inserted.first->second;
            fail("id", m, "the id \"" + *out + "\" is already used by " + id_kind_noun(first.kind) + " (" + c_.pointer_at(first.pos) +
                          "); every id must be unique in the document");
        }
    }

    // A reference to another object's id: checked after the whole file is read.
    void ref(const char* key, std::string* out, IdKind want, bool required = false, bool any = false)
    {
        if (!text(key, out, required)) return;
        const JsonValue& m = *v_.find(key);
        if (out->empty()) {
            if (required) fail(key, m, std::string("\"") + key + "\" is empty: it must name " + id_kind_noun(want) + " by its id");
            return;
        }
        c_.refs.push_back({std::string_view(m.text), want, any, m.pos});
    }

    const JsonValue* array(const char* key, bool required = false)
    {
        const JsonValue* m = get(key, required);
        if (!m) return nullptr;
        if (m->type != JsonValue::Array) { fail(key, *m, "expected a list [...], got " + describe(*m)); return nullptr; }
        return m;
    }

    // A list of texts. `check(text, pointer, pos)` may report more about each one.
    template <typename F>
    void texts(const char* key, std::vector<std::string>* out, bool required, F check)
    {
        const JsonValue* a = array(key, required);
        if (!a) return;
        const std::string base = at(key) + "/";
        room_for(*out, a->items.size());   // grown one by one, a list of 100,000 moved them all 17 times
        std::string p;   // one buffer for every item's pointer: a list may have 100,000 items
        for (size_t i = 0; i < a->items.size(); i++) {
            const JsonValue& item = a->items[i];
            char index[24];
            p.assign(base).append(index, (size_t)snprintf(index, sizeof(index), "%zu", i));
            if (item.type != JsonValue::String) { c_.error(p, item.pos, "expected text, got " + describe(item)); continue; }
            out->push_back(item.text);
            check(item.text, p, item.pos);
        }
    }

    void texts(const char* key, std::vector<std::string>* out, bool required = false)
    {
        texts(key, out, required, [](const std::string&, const std::string&, TextPos) {});
    }

    // A list of ids of other objects, each at most once.
    void refs(const char* key, std::vector<std::string>* out, IdKind want)
    {
        std::unordered_set<std::string_view> seen;   // views of the JSON tree's texts, which outlive this call
        if (const JsonValue* a = v_.find(key); a && a->type == JsonValue::Array) {
            seen.reserve(a->items.size());
            room_for(c_.refs, a->items.size());
        }
        texts(key, out, false, [&](const std::string& id, const std::string& p, TextPos pos) {
            if (!seen.insert(id).second) c_.error(p, pos, "\"" + id + "\" is listed twice");
            else c_.refs.push_back({id, want, false, pos});
        });
    }

    template <typename E>
    void name(const char* key, E* out, bool required, bool (*parse)(const std::string&, E*), const char* allowed)
    {
        std::string s;
        if (!text(key, &s, required)) return;
        if (!parse(s, out)) fail(key, *v_.find(key), "\"" + s + "\" is not a " + key + " Parley knows: expected " + allowed);
    }

    bool number(const char* key, double* out, bool required = false, const std::string& expected = "a number")
    {
        const JsonValue* m = get(key, required);
        if (!m) return false;
        if (m->type != JsonValue::Number) { fail(key, *m, "expected " + expected + ", got " + describe(*m)); return false; }
        if (const std::string problem = number_literal_problem(*m); !problem.empty()) { fail(key, *m, problem); return false; }
        *out = m->number;
        return true;
    }

    void flag(const char* key, bool* out, bool required = false)
    {
        const JsonValue* m = get(key, required);
        if (!m) return;
        if (m->type != JsonValue::Bool) fail(key, *m, "expected true or false, got " + describe(*m));
        else *out = m->boolean;
    }

    void date(const char* key, std::string* out, bool with_time, bool required = false)
    {
        if (!text(key, out, required)) return;
        if (with_time ? !is_valid_time(*out) : !is_valid_date(*out))
            fail(key, *v_.find(key), with_time ? "expected a UTC time written YYYY-MM-DDTHH:MM:SSZ (e.g. 2016-01-04T09:30:00Z), got " + describe(*v_.find(key))
                                               : "expected a date written YYYY-MM-DD (e.g. 2016-01-04), got " + describe(*v_.find(key)));
    }

    // A list of objects, each read by read(ctx, json, pointer, &item).
    template <typename T, typename F>
    void list(const char* key, std::vector<T>* out, F read, bool required = false)
    {
        const JsonValue* a = array(key, required);
        if (!a) return;
        out->reserve(a->items.size());
        room_for(c_.ids, a->items.size());   // most objects in a list have an id
        for (size_t i = 0; i < a->items.size(); i++) {
            out->emplace_back();
            read(c_, a->items[i], at(key) + "/" + std::to_string(i), &out->back());
        }
    }

    void finish(ExtraMembers* extra)
    {
        if (!ok_) return;
        auto is_known = [&](const std::string& key) {
            for (const char* k : known_)
                if (key == k) return true;
            return false;
        };
        for (const auto& m : v_.members) {
            // Runs of unknown members past the first few in the file (JsonLimits::members_apart)
            // come as text already; by then the notices are full.
            if (m.second.type == JsonValue::RawMembers) {
                extra->add_members(m.second.text);
                c_.result.unknown_fields += (size_t)m.second.integer;
                continue;
            }
            if (is_known(m.first)) continue;
            extra->add(m.first, m.second);
            // The tree is the import's own and nothing reads this member from it again: its text
            // goes now, so a 20 MB unknown member is not held twice until the tree is freed.
            if (m.second.type == JsonValue::Raw) std::string().swap(const_cast<std::string&>(m.second.text));
            c_.result.unknown_fields++;
            // Past the notices kept, building the text of one more would be the whole cost of
            // an object of 100,000 unknown keys.
            if (c_.notices_full()) continue;
            c_.notice(ptr_ + "/" + json_pointer_escape(m.first), m.second.pos,
                      "\"" + m.first + "\" is not known to this version of Parley; it is kept and written back unchanged");
        }
    }

private:
    Ctx&              c_;
    const JsonValue&  v_;
    std::string       ptr_;
    const char*       what_;
    bool              ok_ = false;
    std::vector<const char*> known_;
};

// ---------------------------------------------------------------------------------------
// Members by their C++ type, as document.h declares them. Rules no declaration can state
// (a list key that is not built in, one answer per question...) are each struct's own
// `read_rules` below.

// Enums: the file's names and the words the reader uses for what it expected.
const char* enum_allowed(const DocumentKind*)   { return "proposal, response or workshop"; }
const char* enum_allowed(const DocumentStatus*) { return "draft, agreed or submitted"; }
const char* enum_allowed(const RegimeRole*)     { return "current, proposed or alternative"; }
const char* enum_allowed(const Position*)       { return "agree, partly_agree, disagree or no_view"; }
const char* enum_allowed(const SignOff*)        { return "agreed, discuss or objects (leave it out: not yet seen)"; }

template <typename T> void read_object(Ctx& c, const JsonValue& v, const std::string& p, T* out);

template <typename M>
void read_member(Ctx& c, Obj& r, const Field& f, M& m)
{
    const bool required = f.is(FieldRequired);
    if constexpr (std::is_same_v<M, std::string>) {
        switch (f.text_kind) {
        case TextKind::Id: r.id(&m, f.id_kind); break;
        case TextKind::Ref: r.ref(f.name, &m, f.id_kind, required); break;
        case TextKind::AnyRef:
            if (f.is(FieldMayDangle)) r.text(f.name, &m, required);   // what it named may have been removed since
            else r.ref(f.name, &m, f.id_kind, required, true);
            break;
        case TextKind::Date: r.date(f.name, &m, false, required); break;
        case TextKind::Time: r.date(f.name, &m, true, required); break;
        case TextKind::Text:
        case TextKind::Key: r.text(f.name, &m, required); break;   // keys: checked by the struct's rules, which know what the key is for
        }
    } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
        if (f.text_kind == TextKind::Ref) r.refs(f.name, &m, f.id_kind);
        else r.texts(f.name, &m, required);
    } else if constexpr (std::is_enum_v<M>) {
        r.name(f.name, &m, required, static_cast<bool (*)(const std::string&, M*)>(enum_from_name), enum_allowed((const M*)nullptr));
    } else if constexpr (std::is_same_v<M, double>) {
        r.number(f.name, &m, required, f.expected ? f.expected : "a number");
    } else if constexpr (std::is_same_v<M, int>) {   // counts people set (a word limit): 1 to a million
        if (const JsonValue* j = r.get(f.name, required)) {
            if (j->type != JsonValue::Number || !j->is_integer || j->integer < 1 || j->integer > 1000000)
                r.fail(f.name, *j, std::string("expected ") + (f.expected ? f.expected : "a whole number above 0") + ", got " + describe(*j));
            else m = (int)j->integer;
        }
    } else if constexpr (std::is_same_v<M, bool>) {
        r.flag(f.name, &m, required);
    } else if constexpr (is_object_list_v<M>) {
        r.list(f.name, &m, [](Ctx& c, const JsonValue& v, const std::string& p, auto* item) { read_object(c, v, p, item); }, required);
    } else if constexpr (is_described_v<M>) {
        if (const JsonValue* j = r.get(f.name, required)) read_object(c, *j, r.at(f.name), &m);
    } else if constexpr (std::is_same_v<M, JsonValue>) {   // any JSON, kept as read (history, conflicts)
        if (const JsonValue* j = r.get(f.name, required)) { m = *j; json_materialize(m); }   // whoever reads it walks a tree
    } else {
        static_assert(std::is_same_v<M, Value>, "a member type the reader does not know");
        // FieldCustom: read by the struct's own rules (read_rules), which know its context.
    }
}

// Every declared member; those flagged FieldReadFirst before the others.
template <typename T>
void read_fields(Ctx& c, Obj& r, T& out)
{
    for (int pass = 0; pass < 2; pass++)
        for_each_field(out, [&](const Field& f, auto& m) {
            if (f.is(FieldReadFirst) == (pass == 0)) read_member(c, r, f, m);
        });
}

// The members of one object and the rules of its kind; what is left goes to `extra`.
template <typename T> void read_rules(Ctx&, Obj&, const JsonValue&, T&) {}


// A list key: not a built-in list's, not used twice; its options' keys each once and valid.
void read_rules(Ctx& c, Obj& r, const JsonValue& v, NamedList& o)
{
    if (!r.ok()) return;
    if (const JsonValue* k = v.find("key"); k && k->type == JsonValue::String) {
        if (!is_valid_key(o.key)) r.fail("key", *k, "\"" + o.key + "\" cannot be a list key: use lower-case letters, digits, '_', '.' or '-'");
        else if (catalogue_find_list(o.key)) r.fail("key", *k, "\"" + o.key + "\" is the name of a built-in list; give this list another key");
        else if (c.list_keys.count(o.key)) r.fail("key", *k, "there is already a list with the key \"" + o.key + "\"");
    }
    std::unordered_set<std::string_view> keys;
    keys.reserve(o.options.size());
    const JsonValue* options = v.find("options");
    for (size_t i = 0; options && options->type == JsonValue::Array && i < o.options.size(); i++) {
        const JsonValue* k = options->items[i].type == JsonValue::Object ? options->items[i].find("key") : nullptr;
        if (!k || k->type != JsonValue::String) continue;
        const std::string& key = o.options[i].key;
        const std::string p = r.at("options") + "/" + std::to_string(i) + "/key";
        if (!keys.insert(key).second) c.error(p, k->pos, "the option \"" + key + "\" is already in this list");
        else if (!is_valid_key(key)) c.error(p, k->pos, "\"" + key + "\" cannot be an option key: use lower-case letters, digits, '_', '.' or '-'");
    }
    c.list_keys.insert(o.key);
}

std::string amount_of(const std::string& unit) { return unit.empty() ? "a number" : "a number of " + unit; }

// Reads the "list" a choice or set draws from; returns its options (hashed, option_lists.h)
// when it names a list that exists (the file's own or a built-in one), else null.
const OptionIndexList* read_list_name(Ctx& c, Obj& r, const JsonValue& v, bool required, Value* out)
{
    if (!r.text("list", &out->list, required)) return nullptr;
    if (out->list.empty() && !required) return nullptr;   // a set of free items
    if (const OptionIndexList* options = c.options_of(out->list)) return options;
    r.fail("list", *v.find("list"), "there is no list called \"" + out->list + "\": use a built-in list or define it under \"lists\"");
    return nullptr;
}

// Names at most a few options: a list may have 100,000 of them, and a file as many bad items.
std::string not_an_option(const std::string& key, const std::string& list, const OptionIndexList& options)
{
    const size_t keep = utf8_prefix_length(key.data(), key.size(), 40);
    const std::string shown = keep < key.size() ? key.substr(0, keep) + "..." : key;
    return "\"" + shown + "\" is not an option of the list \"" + list + "\": expected " + options_in_words(options.keys);
}

void read_value(Ctx& c, const JsonValue& v, const std::string& p, const CatalogueDimension* cat, Value* out)
{
    Obj r(c, v, p, "a value");
    std::string type;
    if (!r.text("type", &type, true)) return;
    if (!value_type_from_name(type, &out->type)) {
        r.fail("type", *v.find("type"), "\"" + type + "\" is not a value type Parley knows: expected text, number, range, bound, choice, set or yes_no");
        return;
    }
    // Messages name the unit: "expected a number of months", from the value or else the catalogue.
    std::string unit = cat ? cat->unit : "";
    switch (out->type) {
    case ValueType::Text:
        r.text("text", &out->text, true);
        break;
    case ValueType::Number:
        if (r.text("unit", &out->unit) && !out->unit.empty()) unit = out->unit;
        r.number("value", &out->number, true, amount_of(unit));
        break;
    case ValueType::Range: {
        if (r.text("unit", &out->unit) && !out->unit.empty()) unit = out->unit;
        const bool has_min = r.number("min", &out->min, true, amount_of(unit));
        const bool has_max = r.number("max", &out->max, true, amount_of(unit));
        if (has_min && has_max && out->min > out->max)
            r.fail("min", *v.find("min"), "this range starts at " + json_format_number(out->min) + " but ends at " + json_format_number(out->max) +
                                          ": write the smaller number as \"min\"");
        break;
    }
    case ValueType::Bound:
        r.name("bound", &out->bound, true, +[](const std::string& s, BoundKind* k) {
            if (s == "at_least") { *k = BoundKind::AtLeast; return true; }
            if (s == "at_most") { *k = BoundKind::AtMost; return true; }
            return false;
        }, "at_least or at_most");
        if (r.text("unit", &out->unit) && !out->unit.empty()) unit = out->unit;
        r.number("value", &out->number, true, amount_of(unit));
        break;
    case ValueType::Choice: {
        const OptionIndexList* options = read_list_name(c, r, v, true, out);
        if (r.text("option", &out->option, true) && options && !options->has.count(out->option))
            r.fail("option", *v.find("option"), not_an_option(out->option, out->list, *options));
        break;
    }
    case ValueType::Set: {
        const OptionIndexList* options = read_list_name(c, r, v, false, out);
        std::unordered_set<std::string_view> seen;   // views of the JSON tree's texts
        r.texts("items", &out->items, true, [&](const std::string& item, const std::string& ip, TextPos pos) {
            if (options && !options->has.count(item)) {
                if (!c.errors_full()) c.error(ip, pos, not_an_option(item, out->list, *options));
                else c.dropped++;
            } else if (!seen.insert(item).second) {
                c.error(ip, pos, "\"" + item + "\" is in this set twice");
            }
        });
        break;
    }
    case ValueType::YesNo:
        r.flag("value", &out->yes, true);
        break;
    }
    // Catalogue dimensions keep their usual type (or plain text), so regimes line up.
    if (!value_type_allowed(cat, out->type))
        r.fail("type", *v.find("type"), "the catalogue's \"" + std::string(cat->key) + "\" takes a " + value_type_name(cat->type) +
                                        " value (or text), not a " + type + " value");
    else if (cat && *cat->list && (out->type == ValueType::Choice || out->type == ValueType::Set) && out->list != cat->list)
        r.fail(out->list.empty() ? "type" : "list", *v.find(out->list.empty() ? "type" : "list"),
               "the catalogue's \"" + std::string(cat->key) + "\" uses the list \"" + cat->list + "\"");
    r.finish(&out->extra);
}


// A dimension's key says which row it is in; its value follows the catalogue's rules for that key.
void read_rules(Ctx& c, Obj& r, const JsonValue& v, Dimension& d)
{
    if (!r.ok()) return;
    const JsonValue* key = v.find("key");
    const bool has_key = key && key->type == JsonValue::String;
    if (has_key && !is_valid_key(d.key))
        r.fail("key", *key, "\"" + d.key + "\" cannot be a dimension key: use lower-case letters, digits, '_', '.' or '-' (e.g. \"early_review\")");
    const CatalogueDimension* cat = has_key ? catalogue_find_dimension(d.key) : nullptr;
    if (has_key && !cat && d.label.empty() && is_valid_key(d.key))
        c.error(r.at("label"), v.pos, "\"" + d.key + "\" is not in the catalogue, so this dimension needs a \"label\" saying what it is");
    if (const JsonValue* value = r.get("value", true)) read_value(c, *value, r.at("value"), cat, &d.value);
}

// A regime is not based on itself, and has each dimension key at most once.
void read_rules(Ctx& c, Obj& r, const JsonValue& v, Regime& g)
{
    if (!r.ok()) return;
    if (!g.based_on.empty() && g.based_on == g.id) r.fail("based_on", *v.find("based_on"), "a regime cannot be based on itself");
    std::unordered_map<std::string, std::string> keys;   // key -> pointer of the dimension that has it
    const JsonValue* dims = v.find("dimensions");
    for (size_t i = 0; dims && dims->type == JsonValue::Array && i < g.dimensions.size(); i++) {
        const Dimension& d = g.dimensions[i];
        const JsonValue* k = dims->items[i].type == JsonValue::Object ? dims->items[i].find("key") : nullptr;
        if (d.key.empty() || !k) continue;
        const std::string p = r.at("dimensions") + "/" + std::to_string(i);
        auto it = keys.emplace(d.key, p);
        if (!it.second)
            c.error(p + "/key", k->pos, "the key \"" + d.key + "\" is already used in this regime (" + it.first->second + "); each key at most once per regime");
    }
}

// Each organisation signs an answer at most once.
void read_rules(Ctx& c, Obj& r, const JsonValue& v, Answer& a)
{
    if (!r.ok()) return;
    std::unordered_set<std::string> orgs;
    const JsonValue* list = v.find("signatories");
    for (size_t i = 0; list && list->type == JsonValue::Array && i < a.signatories.size(); i++) {
        const std::string& org = a.signatories[i].organisation;
        if (!org.empty() && !orgs.insert(org).second)
            c.error(r.at("signatories") + "/" + std::to_string(i) + "/organisation", list->items[i].find("organisation")->pos,
                    "\"" + org + "\" already signs this answer");
    }
}

void read_rules(Ctx&, Obj& r, const JsonValue& v, Criterion& k)
{
    if (r.ok() && k.weight < 0 && v.find("weight")) r.fail("weight", *v.find("weight"), "a weight cannot be below 0, got " + json_format_number(k.weight));
}

void read_rules(Ctx&, Obj& r, const JsonValue& v, Score& s)
{
    if (r.ok() && (s.score < 0 || s.score > 5) && v.find("score")) r.fail("score", *v.find("score"), "a score is from 0 to 5, got " + json_format_number(s.score));
}

// One score per participant, regime and criterion.
void read_rules(Ctx& c, Obj& r, const JsonValue& v, Workshop& w)
{
    if (!r.ok()) return;
    std::unordered_set<std::string> cells;
    const JsonValue* list = v.find("scores");
    for (size_t i = 0; list && list->type == JsonValue::Array && i < w.scores.size(); i++) {
        const Score& s = w.scores[i];
        if (list->items[i].type != JsonValue::Object || s.participant.empty() || s.regime.empty() || s.criterion.empty()) continue;
        if (!cells.insert(s.participant + '\n' + s.regime + '\n' + s.criterion).second)
            c.error(r.at("scores") + "/" + std::to_string(i), list->items[i].pos,
                    "\"" + s.participant + "\" has already scored \"" + s.regime + "\" on \"" + s.criterion + "\"");
    }
}

// Revisions are oldest first: a revision's parent comes before it. One answer per question.
void read_rules(Ctx& c, Obj& r, const JsonValue& v, Document& doc)
{
    if (!r.ok()) return;
    std::unordered_map<std::string, size_t> revision_at;
    const JsonValue* revisions = v.find("revisions");
    for (size_t i = 0; revisions && revisions->type == JsonValue::Array && i < doc.revisions.size(); i++) {
        const Revision& k = doc.revisions[i];
        revision_at.emplace(k.id, i);
        if (k.parent.empty() || revisions->items[i].type != JsonValue::Object) continue;
        auto it = revision_at.find(k.parent);
        const bool later = it == revision_at.end() || it->second == i;
        if (later && c.ids.count(k.parent))   // a parent that is nowhere is a dangling reference, said once by resolve_references
            c.error(r.at("revisions") + "/" + std::to_string(i) + "/parent", revisions->items[i].find("parent")->pos,
                    "\"" + k.parent + "\" is not an earlier revision in this file");
    }
    std::unordered_set<std::string> answered;
    const JsonValue* list = v.find("answers");
    for (size_t i = 0; list && list->type == JsonValue::Array && i < doc.answers.size(); i++) {
        const Answer& a = doc.answers[i];
        if (a.question.empty()) continue;
        if (!answered.insert(a.question).second)
            c.error(r.at("answers") + "/" + std::to_string(i) + "/question", list->items[i].find("question")->pos,
                    "the question \"" + a.question + "\" already has an answer; one answer per question");
    }
}

template <typename T>
void read_object(Ctx& c, const JsonValue& v, const std::string& p, T* out)
{
    Obj r(c, v, p, object_noun(out));
    read_fields(c, r, *out);
    read_rules(c, r, v, *out);
    r.finish(&out->extra);
}

void resolve_references(Ctx& c)
{
    for (const PendingRef& ref : c.refs) {
        auto it = c.ids.find(ref.id);
        if (it == c.ids.end()) {
            c.error(c.pointer_at(ref.pos), ref.pos, ref.any ? "nothing in this document has the id \"" + std::string(ref.id) + "\""
                                                  : std::string("there is no ") + id_kind_word(ref.want) + " with the id \"" + std::string(ref.id) + "\" in this document");
        } else if (!ref.any && it->second.kind != ref.want) {
            c.error(c.pointer_at(ref.pos), ref.pos, "\"" + std::string(ref.id) + "\" is " + id_kind_noun(it->second.kind) + " (" + c.pointer_at(it->second.pos) + "), not " + id_kind_noun(ref.want));
        }
    }
}

// Every member name the format uses, in any object: the import builds trees only for members
// with these names, and keeps every other member as compact text (JsonValue::Raw), so memory
// stays within a small multiple of the file's size whatever an unknown member holds.
template <typename T> void add_field_names(std::unordered_set<std::string_view>& names)
{
    for_each_declared<T>([&](const Field& f, auto* member) {
        using M = std::remove_pointer_t<decltype(member)>;
        names.insert(f.name);
        if constexpr (is_object_list_v<M>) add_field_names<typename M::value_type>(names);
        else if constexpr (is_described_v<M>) add_field_names<M>(names);
    });
}

bool format_key(std::string_view key)
{
    static const std::unordered_set<std::string_view> names = [] {
        std::unordered_set<std::string_view> n = {"format", "version",
            // a Value's members (read by read_value, not declared)
            "type", "text", "unit", "value", "min", "max", "bound", "list", "option", "items"};
        add_field_names<Document>(n);
        return n;
    }();
    return names.count(key) != 0;
}

ImportError at(const JsonValue& v, const char* pointer, std::string message)
{
    return {pointer, v.pos.line, v.pos.column, std::move(message)};
}

} // namespace

ImportResult import_document(const std::string& text, size_t memory_budget)
{
    ImportResult result;
    JsonLimits limits;
    limits.max_memory = memory_budget;
    // Unknown members each with its own notice and position while notices are kept; after
    // that, runs of them as text (JsonLimits::members_apart).
    limits.members_apart = kMaxImportErrors;
    JsonReadResult json = json_read(text, limits, format_key);
    for (const JsonIssue& issue : json.issues) {
        const char* prefix = issue.kind == JsonIssue::Syntax ? "the file is not valid JSON: " : "";
        result.errors.push_back({issue.pointer, issue.pos.line, issue.pos.column, prefix + issue.message});
    }
    if (!json.ok) return result;

    const JsonValue& root = json.root;
    if (root.type != JsonValue::Object) {
        result.errors.push_back(at(root, "", std::string("expected a Parley document (a JSON object {...}), got ") + root.type_name()));
        return result;
    }
    const JsonValue* format = root.find("format");
    if (!format || format->type != JsonValue::String || format->text != "parley") {
        result.errors.push_back(at(format ? *format : root, "/format", "this is not a Parley document: \"format\" must be \"parley\""));
        return result;
    }
    const JsonValue* version = root.find("version");
    if (!version || version->type != JsonValue::Number || !version->is_integer) {
        result.errors.push_back(at(version ? *version : root, "/version", "\"version\" must be a whole number (this Parley writes 1)"));
        return result;
    }
    const long long v = version->integer;
    if (v > kFormatVersion) {
        result.errors.push_back(at(*version, "/version", "this file was written by a newer Parley (format version " + std::to_string(v) +
                                                         "); this copy reads version " + std::to_string(kFormatVersion) + ": update Parley to open it"));
        return result;
    }
    if (v < 1) {
        result.errors.push_back(at(*version, "/version", "format version " + std::to_string(v) + " does not exist; versions start at 1"));
        return result;
    }

    Ctx c(result);
    Document doc;
    c.lists = &doc.lists;
    c.root = &root;
    Obj r(c, root, "", object_noun(&doc));
    r.get("format");
    r.get("version");
    read_fields(c, r, doc);
    read_rules(c, r, root, doc);
    r.finish(&doc.extra);
    resolve_references(c);

    if (c.dropped)
        result.errors.push_back({"", 0, 0, "and " + std::to_string(c.dropped) + " more problems not listed: fix the ones above first"});
    if (result.errors.empty()) {
        result.ok = true;
        result.document = std::move(doc);
    }
    return result;
}

// ---------------------------------------------------------------------------------------
// Writing: members in the order document.h declares them (that of docs/format.md), empty
// optional members left out, unknown members last in the order they were read.

namespace {

void write_extra(JsonWriter& w, const ExtraMembers& e)
{
    w.members(e.text());
}

void write_value(JsonWriter& w, const Value& v)
{
    w.begin_object();
    w.key("type");
    w.string(value_type_name(v.type));
    auto unit = [&] { if (!v.unit.empty()) { w.key("unit"); w.string(v.unit); } };
    switch (v.type) {
    case ValueType::Text: w.key("text"); w.string(v.text); break;
    case ValueType::Number: w.key("value"); w.number(v.number); unit(); break;
    case ValueType::Range: w.key("min"); w.number(v.min); w.key("max"); w.number(v.max); unit(); break;
    case ValueType::Bound:
        w.key("bound"); w.string(v.bound == BoundKind::AtLeast ? "at_least" : "at_most");
        w.key("value"); w.number(v.number);
        unit();
        break;
    case ValueType::Choice: w.key("list"); w.string(v.list); w.key("option"); w.string(v.option); break;
    case ValueType::Set:
        if (!v.list.empty()) { w.key("list"); w.string(v.list); }
        w.key("items");
        w.begin_array();
        for (const std::string& s : v.items) w.string(s);
        w.end_array();
        break;
    case ValueType::YesNo: w.key("value"); w.boolean(v.yes); break;
    }
    write_extra(w, v.extra);
    w.end_object();
}

// True when an object would say nothing: every member empty and nothing unknown kept.
template <typename T>
bool is_empty_object(const T& o)
{
    bool empty = o.extra.empty();
    for_each_field(o, [&](const Field&, const auto& m) {
        using M = std::remove_const_t<std::remove_reference_t<decltype(m)>>;
        if constexpr (std::is_same_v<M, std::string> || is_object_list_v<M> || std::is_same_v<M, std::vector<std::string>>) empty = empty && m.empty();
        else if constexpr (is_described_v<M>) empty = empty && is_empty_object(m);
        else if constexpr (std::is_same_v<M, Value>) empty = false;
        else if constexpr (std::is_same_v<M, JsonValue>) empty = empty && m.type == JsonValue::Null;
        else empty = empty && m == M{};
    });
    return empty;
}

template <typename T> void write_object(JsonWriter& w, const T& o);

template <typename M>
void write_member(JsonWriter& w, const Field& f, const M& m)
{
    const bool required = f.is(FieldRequired);
    if constexpr (std::is_same_v<M, std::string>) {
        if (required || !m.empty()) { w.key(f.name); w.string(m); }
    } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
        if (required || !m.empty()) {
            w.key(f.name);
            w.begin_array();
            for (const std::string& s : m) w.string(s);
            w.end_array();
        }
    } else if constexpr (std::is_same_v<M, Position>) {   // Unset: left out, or "no_view" where a position is required
        if (m != Position::Unset || required) { w.key(f.name); w.string(position_name(m == Position::Unset ? Position::NoView : m)); }
    } else if constexpr (std::is_same_v<M, SignOff>) {   // Unseen: left out
        if (m != SignOff::Unseen) { w.key(f.name); w.string(signoff_name(m)); }
    } else if constexpr (std::is_enum_v<M>) {
        w.key(f.name);
        w.string(enum_name(m));
    } else if constexpr (std::is_same_v<M, double>) {
        if (required || m != 0) { w.key(f.name); w.number(m); }
    } else if constexpr (std::is_same_v<M, int>) {
        if (required || m > 0) { w.key(f.name); w.integer(m); }
    } else if constexpr (std::is_same_v<M, bool>) {
        if (required || m) { w.key(f.name); w.boolean(m); }
    } else if constexpr (is_object_list_v<M>) {
        if (required || !m.empty()) {
            w.key(f.name);
            w.begin_array();
            for (const auto& item : m) write_object(w, item);
            w.end_array();
        }
    } else if constexpr (is_described_v<M>) {
        if (required || !is_empty_object(m)) { w.key(f.name); write_object(w, m); }
    } else if constexpr (std::is_same_v<M, JsonValue>) {
        if (required || m.type != JsonValue::Null) { w.key(f.name); w.value(m); }
    } else {
        static_assert(std::is_same_v<M, Value>, "a member type the writer does not know");
        w.key(f.name);
        write_value(w, m);
    }
}

template <typename T>
void write_fields(JsonWriter& w, const T& o)
{
    for_each_field(o, [&](const Field& f, const auto& m) { write_member(w, f, m); });
    write_extra(w, o.extra);
}

template <typename T>
void write_object(JsonWriter& w, const T& o)
{
    w.begin_object();
    write_fields(w, o);
    w.end_object();
}

} // namespace

std::string export_document(const Document& d)
{
    JsonWriter w;
    w.begin_object();
    w.key("format");
    w.string("parley");
    w.key("version");
    w.integer(kFormatVersion);
    write_fields(w, d);
    w.end_object();
    w.text() += '\n';
    return std::move(w.text());
}

std::string format_error(const ImportError& e)
{
    std::string s;
    if (e.line > 0) s += std::to_string(e.line) + ":" + std::to_string(e.column) + ": ";
    if (!e.pointer.empty()) s += e.pointer + ": ";
    return s + e.message;
}

} // namespace parley

// ---------------------------------------------------------------------------------------
// One member alone, for change records and merge conflicts (core/paths.h).

namespace parley {

namespace {

JsonValue parse_written(std::string text)
{
    JsonReadResult r = json_read(text);
    PARLEY_ASSERT(r.ok);   // the writer's own output
    return r.ok && !r.root.members.empty() ? std::move(r.root.members[0].second) : JsonValue{};
}

} // namespace

template <typename M>
JsonValue member_to_json(const M& m)
{
    if constexpr (std::is_same_v<M, Position> || std::is_same_v<M, SignOff>) {
        JsonValue v;
        v.type = JsonValue::String;
        v.text = enum_name(m);   // "" for no position, a sign-off not yet given
        return v;
    } else if constexpr (std::is_same_v<M, JsonValue>) {
        return m;
    } else {
        JsonWriter w;
        w.begin_object();
        if constexpr (is_described_v<M>) {
            w.key("m");
            write_object(w, m);
        } else {
            write_member(w, Field::text("m", nullptr, FieldRequired), m);
        }
        w.end_object();
        return parse_written(std::move(w.text()));
    }
}

template <typename M>
bool member_from_json(const JsonValue& v, M* out, const std::vector<NamedList>& lists, std::string* error)
{
    if constexpr (std::is_same_v<M, JsonValue>) {
        *out = v;
        return true;
    } else {
        ImportResult result;
        Ctx c(result);
        c.lists = &lists;
        M m{};
        if constexpr (std::is_same_v<M, Position> || std::is_same_v<M, SignOff>) {
            if (v.type == JsonValue::String && v.text.empty()) { *out = M{}; return true; }
        }
        if constexpr (std::is_same_v<M, int>) {   // 0: none (a word limit not set), which the file leaves out
            if (v.type == JsonValue::Number && v.is_integer && v.integer == 0) { *out = 0; return true; }
        }
        if constexpr (is_described_v<M>) {
            read_object(c, v, "", &m);
        } else if constexpr (std::is_same_v<M, Value>) {
            read_value(c, v, "", nullptr, &m);
        } else {
            JsonValue holder;
            holder.type = JsonValue::Object;
            holder.members.emplace_back("m", v);
            Obj r(c, holder, "", "a member");
            read_member(c, r, Field::text("m", nullptr, FieldRequired), m);
        }
        if (!result.errors.empty()) {
            if (error) *error = format_error(result.errors[0]);
            return false;
        }
        *out = std::move(m);
        return true;
    }
}

#define PARLEY_MEMBER_JSON(M)                                \
    template JsonValue member_to_json<M>(const M&);          \
    template bool member_from_json<M>(const JsonValue&, M*, const std::vector<NamedList>&, std::string*);
PARLEY_MEMBER_JSON(std::string)
PARLEY_MEMBER_JSON(std::vector<std::string>)
PARLEY_MEMBER_JSON(double)
PARLEY_MEMBER_JSON(int)
PARLEY_MEMBER_JSON(bool)
PARLEY_MEMBER_JSON(DocumentKind)
PARLEY_MEMBER_JSON(DocumentStatus)
PARLEY_MEMBER_JSON(RegimeRole)
PARLEY_MEMBER_JSON(Position)
PARLEY_MEMBER_JSON(SignOff)
PARLEY_MEMBER_JSON(Value)
PARLEY_MEMBER_JSON(JsonValue)
PARLEY_MEMBER_JSON(Source)
PARLEY_MEMBER_JSON(Dimension)
PARLEY_MEMBER_JSON(Regime)
PARLEY_MEMBER_JSON(ListOption)
PARLEY_MEMBER_JSON(NamedList)
PARLEY_MEMBER_JSON(Consultation)
PARLEY_MEMBER_JSON(Organisation)
PARLEY_MEMBER_JSON(Section)
PARLEY_MEMBER_JSON(Question)
PARLEY_MEMBER_JSON(Signatory)
PARLEY_MEMBER_JSON(Answer)
PARLEY_MEMBER_JSON(Summary)
PARLEY_MEMBER_JSON(Criterion)
PARLEY_MEMBER_JSON(Participant)
PARLEY_MEMBER_JSON(Score)
PARLEY_MEMBER_JSON(Workshop)
PARLEY_MEMBER_JSON(Comment)
PARLEY_MEMBER_JSON(RevisionChange)
PARLEY_MEMBER_JSON(Revision)
PARLEY_MEMBER_JSON(Conflict)
PARLEY_MEMBER_JSON(PendingMerge)
#undef PARLEY_MEMBER_JSON

} // namespace parley
