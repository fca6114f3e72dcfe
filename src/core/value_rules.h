// The rules of a dimension's typed value, in one place: what types a dimension may take, what
// import would refuse in a value, turning a value into another type, the option lists values
// draw from, and the keys of one's own dimensions.
//
// The regime editor never writes a document that would fail to open again, so before it
// changes a value it asks value_problem(), which applies the rules read_value in
// document_json.cpp applies on import (tests/unit/test_value_rules.cpp checks the two agree,
// value by value). Editors only call these functions; they keep no rules of their own.
//
// Option lists are looked up in one way everywhere (editing, value_text, conversions): the
// document's own lists first, then the catalogue's, the order import looks them up in. Each
// function takes the document's lists rather than the whole document, so a value can be
// checked against a file that is not the one open (a regime added from another draft).
#pragma once
#include "document.h"
#include "option_lists.h"

#include <string>
#include <vector>

namespace parley {

struct CatalogueDimension;

constexpr int kValueTypeCount = 7;   // ValueType::Text .. ValueType::YesNo, in that order

// ---------------------------------------------------------------------------------------
// Types and problems

// A catalogue dimension keeps its usual type, or text; the number types stand in for one
// another ("18-24 months" where another regime says "at least 24 months"). A dimension of
// one's own (`cat` null) may take any type.
bool value_type_allowed(const CatalogueDimension* cat, ValueType t);

// What is wrong with a number typed into a value, or null: import refuses what a double
// cannot keep as written (beyond 2^53, or so near 0 it would become 0). Fields check each
// number as it is typed.
const char* number_problem(double n);

// What import would find wrong with `v` as the value of a dimension keyed `key`, said briefly
// in words a policy officer uses; null when nothing is. `lists` are the document's own lists.
const char* value_problem(const std::vector<NamedList>& lists, const std::string& key, const Value& v);

// ---------------------------------------------------------------------------------------
// Making and changing values

// A new dimension's value: the type's empty value, with `unit` for the number types and `list`
// for a choice or set; a choice starts at the list's first option.
Value new_value(const std::vector<NamedList>& lists, ValueType type, const std::string& unit, const std::string& list);

// The value as another type, keeping what it can: "50 cases" stays 50 as a range or a limit,
// any value becomes its words as text, words become set items or pick a choice's option.
// `cat` is the dimension's catalogue entry (null for one's own): it supplies the unit and the
// list. Members this version does not know stay with the value, unless the new type gives them
// a meaning (a member written twice would not read back).
Value convert_value(const std::vector<NamedList>& lists, const Value& from, ValueType to, const CatalogueDimension* cat);

// A choice or set of one's own moved to another list (or, for a set, "" = free items): the
// option or items carry over where the new list has them, matched by key or by label; a set's
// items end up in the list's order. `*dropped` counts the items the new list has no place for.
Value value_with_list(const std::vector<NamedList>& lists, const Value& from, const std::string& list, int* dropped);

// A set drawn from a list with `option` ticked (`on`) or not: its items stay in the list's
// order, whatever order they were ticked in; items the list does not have are left out.
Value set_with_option(const std::vector<NamedList>& lists, const Value& set, const std::string& option, bool on);

// ---------------------------------------------------------------------------------------
// Option lists (the lookups themselves are option_lists.h)

// The option keys of `list` that `words` name, by key or by label, in the list's order.
std::vector<std::string> items_in_list(const std::vector<NamedList>& lists, const std::string& list, const std::vector<std::string>& words);

// ---------------------------------------------------------------------------------------
// Words

bool        is_blank(const std::string& s);        // only spaces, tabs and line breaks (or nothing)
std::string trimmed(const std::string& s);         // without the spaces and tabs around it
// The same words, ignoring ASCII case and surrounding spaces ("notice given" = "Notice given ").
bool        same_words(const std::string& a, const std::string& b);
// Free set items typed as "leadership, help and protection": split at commas, trimmed, empty
// ones dropped, each kept once (import refuses an item listed twice); `*repeated` says one was.
std::vector<std::string> split_items(const std::string& text, bool* repeated);
std::string join_items(const std::vector<std::string>& items);   // "a, b, c": split_items reads it back

// ---------------------------------------------------------------------------------------
// Keys of one's own dimensions: "Early review (months)" -> "early_review_months"

// A key import accepts, made from a label: lower case, words joined by '_', accents dropped,
// at most 56 characters (room for unique_key's "_NN"); "own" when nothing is left.
std::string key_from_label(const std::string& label);
bool        regime_has_key(const Regime& g, const std::string& key);
// `base`, or `base_2`, `base_3`...: a key no dimension of `g` has and the catalogue does not
// use (a catalogue key would bring the catalogue's type rules with it).
std::string unique_key(const Regime& g, const std::string& base);

} // namespace parley
