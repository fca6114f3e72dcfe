// The built-in catalogue of regime dimensions and named option lists.
//
// Two regimes written by different people only line up row by row if they use the same keys
// for the same things. The catalogue offers the usual dimensions of an inspection regime
// (from DOMAIN.md and the seeds), each with a label, the value type it normally takes, a
// default unit and, for choices and sets, its named list. Users may still add dimensions of
// their own; those carry their own label.
#pragma once
#include "document.h"

namespace parley {

struct CatalogueOption {
    const char* key;
    const char* label;
};

struct CatalogueList {
    const char* key;
    const char* label;
    const CatalogueOption* options;
    int option_count;
};

struct CatalogueDimension {
    const char* key;
    const char* label;
    ValueType   type;       // the usual type; text is always accepted as well
    const char* unit;       // default unit for number, range and bound ("" = none)
    const char* list;       // named list for choice and set ("" = none: free items)
    const char* help;       // one line shown when the user picks it
};

const CatalogueDimension* catalogue_dimensions(int* count);
const CatalogueDimension* catalogue_find_dimension(const std::string& key);
const CatalogueList*      catalogue_lists(int* count);
const CatalogueList*      catalogue_find_list(const std::string& key);

// Numbers, ranges and bounds are one family: a regime may say "18-24 months" where another
// says "at least 24 months", and comparison must still line them up.
bool value_type_is_numeric(ValueType t);

} // namespace parley
