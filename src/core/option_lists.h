// The one option-list lookup: a named list's options, from the document's own lists first,
// then the catalogue's. The importer, the regime editor, value text and value rules all ask
// here, so a list means the same everywhere.
#pragma once
#include "document.h"

#include <string>
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

} // namespace parley
