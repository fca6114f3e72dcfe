// What a dimension's typed value may hold, and how it changes (value_rules.h): one set of
// rules for the importer and the regime editor.
//
// Index of this file
//   Types and problems
//   Making and changing values
//   Items from words
//   Words
//   Keys of one's own dimensions

#include "value_rules.h"

#include "catalogue.h"
#include "utf8.h"
#include "value_text.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace parley {

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

// The words as same_words() compares them (trimmed, ASCII lower case), to hash them: a list or
// a set may hold 100,000 entries, so matching one against the other is never a scan per entry.
std::string folded(const std::string& s)
{
    std::string f = trimmed(s);
    for (char& c : f) c = lower_ascii(c);
    return f;
}

// The first number written in a text ("about 6 weeks" -> 6), so a text turned into a number
// keeps what it said. 0 when there is none.
double first_number(const std::string& text)
{
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] < '0' || text[i] > '9') continue;
        const double n = strtod(text.c_str() + i, nullptr);
        return std::isfinite(n) ? n : 0;
    }
    return 0;
}

// Latin-1 letters U+00C0..U+00FF as plain letters; "" for the two signs in the block (x, ÷).
const char* const kLatin1Fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

} // namespace

// ---------------------------------------------------------------------------------------
// Types and problems

bool value_type_allowed(const CatalogueDimension* cat, ValueType t)
{
    if (!cat || t == ValueType::Text || t == cat->type) return true;
    return value_type_is_numeric(t) && value_type_is_numeric(cat->type);
}

// The limits import applies to the format's own numbers (number_literal_problem in
// document_json.cpp): whole numbers stay exact up to 2^53, and a number so close to 0 that a
// double loses its digits would be saved as something else.
const char* number_problem(double n)
{
    if (!std::isfinite(n) || std::fabs(n) > 9007199254740992.0) return "That number is too large to keep.";
    if (n != 0 && std::fabs(n) < 2.2250738585072014e-308) return "That number is too small to keep: write 0 if you mean none.";
    return nullptr;
}

// The same checks, in the same order, as read_value in document_json.cpp; the messages are
// shorter because the editor says them under the row being edited, not at a line of a file.
const char* value_problem(const std::vector<NamedList>& lists, const std::string& key, const Value& v)
{
    const CatalogueDimension* cat = catalogue_find_dimension(key);
    if (!value_type_allowed(cat, v.type)) return "The catalogue does not allow that kind of value for this dimension.";
    std::vector<OptionRef> options;
    switch (v.type) {
    case ValueType::Text:
    case ValueType::YesNo:
        break;
    case ValueType::Number:
    case ValueType::Bound:
        if (const char* problem = number_problem(v.number)) return problem;
        break;
    case ValueType::Range:
        if (const char* problem = number_problem(v.min)) return problem;
        if (const char* problem = number_problem(v.max)) return problem;
        if (v.min > v.max) return "A range cannot end before it starts.";
        break;
    case ValueType::Choice:
        if (v.list.empty() || !list_options(lists, v.list, &options) || options.empty()) return "A choice needs a list with options to choose from.";
        if (!list_has_option(lists, v.list, v.option)) return "Pick one of the list's options.";
        break;
    case ValueType::Set: {
        // No list: free items, any words. Hashed: a set may hold 100,000 items.
        OptionIndex index(lists);
        const OptionIndexList* in_list = v.list.empty() ? nullptr : index.find(v.list);
        if (!v.list.empty() && !in_list) return "That list is not in this document.";
        std::unordered_set<std::string_view> seen;
        seen.reserve(v.items.size());
        for (const std::string& item : v.items) {
            if (in_list && !in_list->has.count(item)) return "Only the list's options can be in this set.";
            if (!seen.insert(item).second) return "Each item can be in the set only once.";
        }
        break;
    }
    }
    if (cat && *cat->list && (v.type == ValueType::Choice || v.type == ValueType::Set) && v.list != cat->list)
        return "The catalogue fixes the list for this dimension.";
    return nullptr;
}

// ---------------------------------------------------------------------------------------
// Making and changing values

Value new_value(const std::vector<NamedList>& lists, ValueType type, const std::string& unit, const std::string& list)
{
    Value v;
    v.type = type;
    if (value_type_is_numeric(type)) v.unit = unit;
    if (type == ValueType::Choice || type == ValueType::Set) v.list = list;
    std::vector<OptionRef> options;
    if (type == ValueType::Choice && list_options(lists, list, &options) && !options.empty()) v.option = options[0].key;
    return v;
}

Value convert_value(const std::vector<NamedList>& lists, const Value& from, ValueType to, const CatalogueDimension* cat)
{
    Value v;
    v.type = to;
    static const char* const kKnown[] = {"type", "text", "value", "min", "max", "bound", "unit", "list", "option", "items"};
    for (const auto& member : from.extra.list()) {
        bool known = false;
        for (const char* k : kKnown) known = known || member.first == k;
        if (!known) v.extra.add(member.first, member.second);
    }
    const bool was_numeric = value_type_is_numeric(from.type);
    const double number = from.type == ValueType::Range ? from.min : was_numeric ? from.number : from.type == ValueType::Text ? first_number(from.text) : 0;
    const std::string unit = was_numeric ? from.unit : cat ? cat->unit : "";
    const bool had_list = (from.type == ValueType::Choice || from.type == ValueType::Set) && !from.list.empty();
    std::vector<OptionRef> options;
    switch (to) {
    case ValueType::Text:
        // An empty set would read "none": as text it is simply empty.
        v.text = from.type == ValueType::Set && from.items.empty() ? "" : value_text(from, lists);
        break;
    case ValueType::Number:
        v.number = number;
        v.unit = unit;
        break;
    case ValueType::Range:
        v.min = from.type == ValueType::Range ? from.min : number;
        v.max = from.type == ValueType::Range ? from.max : number;
        v.unit = unit;
        break;
    case ValueType::Bound:
        v.bound = from.type == ValueType::Bound ? from.bound : BoundKind::AtLeast;
        v.number = number;
        v.unit = unit;
        break;
    case ValueType::Choice: {
        if (cat && *cat->list) v.list = cat->list;
        else if (had_list) v.list = from.list;
        else v.list = list_keys(lists, true).front();   // the catalogue's lists are never empty
        list_options(lists, v.list, &options);
        if (options.empty()) break;   // value_problem refuses it
        v.option = options[0].key;
        std::string want;   // the option the old value named, if any
        if (from.type == ValueType::Choice) want = from.option;
        else if (from.type == ValueType::Set && !from.items.empty()) want = from.items[0];
        else if (from.type == ValueType::Text) want = from.text;
        for (const OptionRef& o : options)
            if (!want.empty() && (o.key == want || same_words(o.label, want))) {
                v.option = o.key;
                break;
            }
        break;
    }
    case ValueType::Set: {
        if (cat) v.list = cat->list;
        else if (had_list) v.list = from.list;
        std::vector<std::string> words;
        bool repeated = false;
        if (from.type == ValueType::Choice) words.push_back(from.option);
        else if (from.type == ValueType::Set) words = from.items;
        else if (from.type == ValueType::Text) words = split_items(from.text, &repeated);
        v.items = v.list.empty() ? words : items_in_list(lists, v.list, words);
        break;
    }
    case ValueType::YesNo:
        v.yes = from.type == ValueType::YesNo ? from.yes : from.type == ValueType::Text && same_words(from.text, "yes");
        break;
    }
    return v;
}

Value value_with_list(const std::vector<NamedList>& lists, const Value& from, const std::string& list, int* dropped)
{
    Value v = from;
    v.list = list;
    *dropped = 0;
    std::vector<OptionRef> options;
    list_options(lists, list, &options);
    if (from.type == ValueType::Choice) {
        const std::string label = list_option_label(lists, from.list, from.option);
        v.option = options.empty() ? "" : options[0].key;
        for (const OptionRef& o : options)
            if (o.key == from.option || same_words(o.label, label)) { v.option = o.key; break; }
        return v;
    }
    // A set: each item is read as the words people see (a list's items by their labels) and
    // kept where the new list has an option of that key or label (the first such option);
    // free items keep the words.
    std::unordered_map<std::string, size_t> by_key, by_label;   // first option with that key / those words
    for (size_t i = 0; i < options.size(); i++) {
        by_key.emplace(options[i].key, i);
        by_label.emplace(folded(options[i].label), i);
    }
    std::unordered_map<std::string, std::string> old_labels;   // the old list's labels, by key
    std::vector<OptionRef> old_options;
    if (!from.list.empty() && list_options(lists, from.list, &old_options))
        for (const OptionRef& o : old_options) old_labels.emplace(o.key, o.label);
    v.items.clear();
    std::unordered_set<std::string> kept_already;
    for (const std::string& item : from.items) {
        auto old = old_labels.find(item);
        const std::string word = from.list.empty() || old == old_labels.end() ? item : old->second;
        std::string kept = list.empty() ? word : "";
        if (kept.empty()) {
            size_t best = options.size();
            if (auto k = by_key.find(item); k != by_key.end()) best = k->second;
            if (auto l = by_label.find(folded(word)); l != by_label.end()) best = std::min(best, l->second);
            if (best < options.size()) kept = options[best].key;
        }
        if (kept.empty()) (*dropped)++;
        else if (kept_already.insert(kept).second) v.items.push_back(kept);
    }
    if (!list.empty()) {   // in the list's order, as the checkboxes show them
        std::vector<std::string> ordered;
        for (const OptionRef& o : options)
            if (kept_already.count(o.key)) ordered.push_back(o.key);
        v.items = std::move(ordered);
    }
    return v;
}

Value set_with_option(const std::vector<NamedList>& lists, const Value& set, const std::string& option, bool on)
{
    Value v = set;
    v.items.clear();
    std::vector<OptionRef> options;
    list_options(lists, set.list, &options);
    const std::unordered_set<std::string> had(set.items.begin(), set.items.end());
    for (const OptionRef& o : options) {
        const bool ticked = o.key == option ? on : had.count(o.key) > 0;
        if (ticked) v.items.push_back(o.key);
    }
    return v;
}

// ---------------------------------------------------------------------------------------
// Items from words

std::vector<std::string> items_in_list(const std::vector<NamedList>& lists, const std::string& list, const std::vector<std::string>& words)
{
    std::vector<std::string> items;
    std::vector<OptionRef> options;
    list_options(lists, list, &options);
    std::unordered_set<std::string> as_written, as_folded;
    for (const std::string& w : words) {
        as_written.insert(w);
        as_folded.insert(folded(w));
    }
    for (const OptionRef& o : options)
        if (as_written.count(o.key) || as_folded.count(folded(o.label))) items.push_back(o.key);
    return items;
}

// ---------------------------------------------------------------------------------------
// Words

bool is_blank(const std::string& s)
{
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

std::string trimmed(const std::string& s)
{
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) b++;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
    return s.substr(b, e - b);
}

bool same_words(const std::string& a, const std::string& b)
{
    const std::string x = trimmed(a), y = trimmed(b);
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); i++)
        if (lower_ascii(x[i]) != lower_ascii(y[i])) return false;
    return true;
}

std::vector<std::string> split_items(const std::string& text, bool* repeated)
{
    std::vector<std::string> items;
    *repeated = false;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        const std::string item = trimmed(text.substr(start, comma - start));
        if (!item.empty()) {
            if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
            else *repeated = true;
        }
        start = comma + 1;
    }
    return items;
}

std::string join_items(const std::vector<std::string>& items)
{
    std::string s;
    for (const std::string& item : items) s += (s.empty() ? "" : ", ") + item;
    return s;
}

// ---------------------------------------------------------------------------------------
// Keys of one's own dimensions

// Import accepts lower-case letters, digits, '_', '.' and '-', starting with a letter or digit,
// at most 64 characters. Words become lower case and are joined by '_'; accented Latin letters
// (Welsh ŵ and ŷ too) lose their accents; apostrophes join ("children's" -> "childrens");
// letters of other scripts are left out.
std::string key_from_label(const std::string& label)
{
    std::string key;
    bool gap = false;   // a word ended: the next letter starts a new one
    for (size_t i = 0; i < label.size();) {
        const unsigned cp = utf8_next_code_point(label, &i);
        char ascii[2] = {0, 0};
        const char* letters = nullptr;
        bool joins = false;
        if (cp < 0x80) {
            if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) ascii[0] = (char)cp;
            else if (cp >= 'A' && cp <= 'Z') ascii[0] = (char)(cp - 'A' + 'a');
            if (ascii[0]) letters = ascii;
            joins = cp == '\'';
        } else if (cp >= 0xC0 && cp <= 0xFF) {
            letters = kLatin1Fold[cp - 0xC0];
        } else if (cp == 0x174 || cp == 0x175) {
            letters = "w";
        } else if (cp == 0x176 || cp == 0x177) {
            letters = "y";
        } else {
            // Punctuation and spaces (Latin-1's and the general block) separate words; curly
            // apostrophes and letters Parley cannot spell in ASCII do not.
            const bool separator = cp <= 0xBF || (cp >= 0x2000 && cp <= 0x206F);
            joins = !separator || cp == 0x2018 || cp == 0x2019;
        }
        if (letters && *letters) {
            if (gap && !key.empty()) key += '_';
            key += letters;
            gap = false;
        } else if (!joins) {
            gap = true;
        }
    }
    if (key.size() > 56) key.resize(56);   // room for "_NN" within import's 64
    while (!key.empty() && key.back() == '_') key.pop_back();
    return key.empty() ? "own" : key;
}

bool regime_has_key(const Regime& g, const std::string& key)
{
    for (const Dimension& d : g.dimensions)
        if (d.key == key) return true;
    return false;
}

// Each key at most once per regime. A catalogue key would bring the catalogue's type rules
// with it, so one's own dimension called "Notice" becomes "notice_2", not "notice".
std::string unique_key(const Regime& g, const std::string& base)
{
    std::string key = base;
    for (int n = 2; catalogue_find_dimension(key) || regime_has_key(g, key); n++) key = base + "_" + std::to_string(n);
    return key;
}

} // namespace parley
