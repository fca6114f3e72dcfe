// The one option-list lookup: a named list's options, from the document's own lists first,
// then the catalogue's. The importer, the regime editor, value text and value rules all ask
// here, so a list means the same everywhere.
#pragma once
#include "document.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace parley {

struct OptionRef {
    std::string key;
    std::string label;   // the option's label; its key when it has none
};

// The options of `list` in order; false (and `out` empty) when no list has that key.
bool list_options(const std::vector<NamedList>& lists, const std::string& list, std::vector<OptionRef>* out);
bool list_has_option(const std::vector<NamedList>& lists, const std::string& list, const std::string& option);
// An option's label; the key itself when the list or the option is unknown.
std::string list_option_label(const std::vector<NamedList>& lists, const std::string& list, const std::string& option);
// A list's label; its key when it has none or is unknown.
std::string list_label(const std::vector<NamedList>& lists, const std::string& list);
// The keys of the lists a value of one's own may draw from: the document's, then the
// catalogue's. A choice needs a list with options to choose from (`for_choice`); a set may
// draw from an empty list. Never empty: the catalogue has lists.
std::vector<std::string> list_keys(const std::vector<NamedList>& lists, bool for_choice);

// Many lookups in one go (import, checking a set of 100,000 items): every list by its key and
// each list's options hashed, built once, so a lookup costs the same in a list of 100,000
// options as in one of 5. A list's options are indexed the first time it is asked for. It
// points into `lists`: keep them unchanged while the index is used.
struct OptionIndexList {
    std::vector<std::string_view>        keys;   // the options' keys, in the list's order
    std::unordered_set<std::string_view> has;    // the same keys, hashed
};
class OptionIndex {
public:
    explicit OptionIndex(const std::vector<NamedList>& lists) : lists_(lists) {}
    // The list called `list` (the document's own first, then the catalogue's); null when none is.
    const OptionIndexList* find(std::string_view list);
private:
    const std::vector<NamedList>& lists_;
    bool own_indexed_ = false;
    std::unordered_map<std::string_view, const NamedList*> own_;    // first list of each key, as list_options finds it
    std::unordered_map<std::string_view, OptionIndexList> options_;
};

// Work done by the option lookups since the counter was last reset: one per option visited
// by a scan or while indexing, one per hashed lookup. Tests use it to show that checking n
// items against a list of n options is linear, without timing anything.
size_t& option_lookup_work();

// "a, b, c, d, e, f, g or h", or past `shown` keys "a, b, ..., h and 99,992 more": the options
// a message names, bounded in length however long the list is.
std::string options_in_words(const std::vector<std::string_view>& keys, size_t shown = 8);

} // namespace parley
