// The regime editor: a regime's name, role, owner, what it is based on and its summary, then
// its dimensions as a table-like list (label | value | actions, the rationale underneath).
//
// The editor never writes a document that would fail to open again: every change a user can
// make is checked against the rules document_json.cpp applies on import (ValueProblem below
// mirrors read_value), and an edit that would break one is refused or adjusted with a short
// hint under the row, in words a policy officer uses.
#include "regime_editor.h"

#include "app.h"
#include "core/catalogue.h"
#include "core/edit.h"
#include "core/history.h"
#include "core/json_writer.h"
#include "core/text_fields.h"
#include "core/value_text.h"
#include "fonts.h"
#include "prose_field.h"
#include "theme.h"
#include "widgets.h"
#include "imgui.h"
#include "imgui_internal.h"   // the item hooks' macro, for combos
#include "imgui_stdlib.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

using parley::BoundKind;
using parley::CatalogueDimension;
using parley::Dimension;
using parley::Document;
using parley::Regime;
using parley::RegimeRole;
using parley::Value;
using parley::ValueType;

static const int kValueTypeCount = 7;   // ValueType::Text .. ValueType::YesNo

// ---------------------------------------------------------------------------------------
// Small text helpers

static bool IsBlank(const std::string& s)
{
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

static std::string Trimmed(const std::string& s)
{
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) b++;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
    return s.substr(b, e - b);
}

static char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

// The same words, ignoring ASCII case and surrounding spaces ("notice given" = "Notice given ").
static bool SameWords(const std::string& a, const std::string& b)
{
    const std::string x = Trimmed(a), y = Trimmed(b);
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); i++)
        if (LowerAscii(x[i]) != LowerAscii(y[i])) return false;
    return true;
}

// "current regime" -> "Current regime": role_label() is written to sit inside a sentence.
static std::string Capitalised(const char* s)
{
    std::string out = s;
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = (char)(out[0] - 'a' + 'A');
    return out;
}

// The first number written in a text ("about 6 weeks" -> 6), so a text turned into a number
// keeps what it said. 0 when there is none.
static double FirstNumber(const std::string& text)
{
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] < '0' || text[i] > '9') continue;
        const double n = strtod(text.c_str() + i, nullptr);
        return std::isfinite(n) ? n : 0;
    }
    return 0;
}

// Free set items typed as "leadership, help and protection": split at commas, trimmed, empty
// ones dropped, each kept once (import refuses an item listed twice).
static std::vector<std::string> SplitItems(const std::string& text, bool* repeated)
{
    std::vector<std::string> items;
    *repeated = false;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        const std::string item = Trimmed(text.substr(start, comma - start));
        if (!item.empty()) {
            if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
            else *repeated = true;
        }
        start = comma + 1;
    }
    return items;
}

static std::string JoinItems(const std::vector<std::string>& items)
{
    std::string s;
    for (const std::string& item : items) s += (s.empty() ? "" : ", ") + item;
    return s;
}

// ---------------------------------------------------------------------------------------
// Keys for one's own dimensions: "Early review (months)" -> "early_review_months"

// Latin-1 letters U+00C0..U+00FF as plain letters; "" for the two signs in the block (x, ÷).
static const char* const kLatin1Fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

// Import accepts lower-case letters, digits, '_', '.' and '-', starting with a letter or digit,
// at most 64 characters. Words become lower case and are joined by '_'; accented Latin letters
// (Welsh ŵ and ŷ too) lose their accents; apostrophes join ("children's" -> "childrens");
// letters of other scripts are left out.
static std::string KeyFromLabel(const std::string& label)
{
    std::string key;
    bool gap = false;   // a word ended: the next letter starts a new one
    for (size_t i = 0; i < label.size();) {
        unsigned cp = 0;   // ImGui's decoder: the text is valid UTF-8 (the document holds nothing else)
        i += (size_t)std::max(1, ImTextCharFromUtf8(&cp, label.c_str() + i, label.c_str() + label.size()));
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

static bool RegimeHasKey(const Regime& g, const std::string& key)
{
    for (const Dimension& d : g.dimensions)
        if (d.key == key) return true;
    return false;
}

// Each key at most once per regime. A catalogue key would bring the catalogue's type rules
// with it, so one's own dimension called "Notice" becomes "notice_2", not "notice".
static std::string UniqueKey(const Regime& g, const std::string& base)
{
    std::string key = base;
    for (int n = 2; parley::catalogue_find_dimension(key) || RegimeHasKey(g, key); n++) key = base + "_" + std::to_string(n);
    return key;
}

// ---------------------------------------------------------------------------------------
// Named lists: the file's own first, then the catalogue's (the order import looks them up)

struct OptionRef {
    std::string key, label;
};

// False when no list has that key.
static bool ListOptions(const Document& doc, const std::string& list, std::vector<OptionRef>* out)
{
    out->clear();
    for (const parley::NamedList& l : doc.lists)
        if (l.key == list) {
            for (const parley::ListOption& o : l.options) out->push_back({o.key, o.label.empty() ? o.key : o.label});
            return true;
        }
    if (const parley::CatalogueList* l = parley::catalogue_find_list(list)) {
        for (int i = 0; i < l->option_count; i++) out->push_back({l->options[i].key, l->options[i].label});
        return true;
    }
    return false;
}

static bool HasOption(const std::vector<OptionRef>& options, const std::string& key)
{
    for (const OptionRef& o : options)
        if (o.key == key) return true;
    return false;
}

static std::string OptionLabel(const std::vector<OptionRef>& options, const std::string& key)
{
    for (const OptionRef& o : options)
        if (o.key == key) return o.label;
    return key;
}

static std::string ListLabel(const Document& doc, const std::string& list)
{
    for (const parley::NamedList& l : doc.lists)
        if (l.key == list) return l.label.empty() ? l.key : l.label;
    if (const parley::CatalogueList* l = parley::catalogue_find_list(list)) return l->label;
    return list;
}

// The lists a value of one's own may draw from. A choice needs a list with options to choose.
static std::vector<std::string> ListKeys(const Document& doc, bool for_choice)
{
    std::vector<std::string> keys;
    for (const parley::NamedList& l : doc.lists)
        if (!l.key.empty() && (!for_choice || !l.options.empty())) keys.push_back(l.key);
    int n = 0;
    const parley::CatalogueList* lists = parley::catalogue_lists(&n);
    for (int i = 0; i < n; i++) keys.push_back(lists[i].key);
    return keys;
}

// The option keys of `list` that `words` name, by key or by label, in the list's order.
static std::vector<std::string> ItemsInList(const Document& doc, const std::string& list, const std::vector<std::string>& words)
{
    std::vector<OptionRef> options;
    ListOptions(doc, list, &options);
    std::vector<std::string> items;
    for (const OptionRef& o : options)
        for (const std::string& w : words)
            if (w == o.key || SameWords(w, o.label)) {
                items.push_back(o.key);
                break;
            }
    return items;
}

// ---------------------------------------------------------------------------------------
// Values: what import accepts, and turning one kind of value into another

static const char* TypeLabel(ValueType t)
{
    static const char* const kLabels[] = {"Text", "Number", "Range (from, to)", "Limit (at least, at most)",
                                          "One option from a list", "Several items", "Yes or no"};
    return kLabels[(int)t];
}

// A catalogue dimension keeps its usual type, or text; the number types stand in for one another.
static bool TypeAllowed(const CatalogueDimension* cat, ValueType t)
{
    if (!cat || t == ValueType::Text || t == cat->type) return true;
    return parley::value_type_is_numeric(t) && parley::value_type_is_numeric(cat->type);
}

// What import would find wrong with `v` as the value of a dimension keyed `key`, said briefly;
// null when nothing is. Mirrors read_value in document_json.cpp.
static const char* ValueProblem(const Document& doc, const std::string& key, const Value& v)
{
    const CatalogueDimension* cat = parley::catalogue_find_dimension(key);
    if (!TypeAllowed(cat, v.type)) return "The catalogue does not allow that kind of value for this dimension.";
    std::vector<OptionRef> options;
    switch (v.type) {
    case ValueType::Text:
    case ValueType::YesNo:
        break;
    case ValueType::Number:
    case ValueType::Bound:
        if (!std::isfinite(v.number)) return "That number is too large to keep.";
        break;
    case ValueType::Range:
        if (!std::isfinite(v.min) || !std::isfinite(v.max)) return "That number is too large to keep.";
        if (v.min > v.max) return "A range cannot end before it starts.";
        break;
    case ValueType::Choice:
        if (v.list.empty() || !ListOptions(doc, v.list, &options) || options.empty()) return "A choice needs a list with options to choose from.";
        if (!HasOption(options, v.option)) return "Pick one of the list's options.";
        break;
    case ValueType::Set:
        if (!v.list.empty() && !ListOptions(doc, v.list, &options)) return "That list is not in this document.";
        for (size_t i = 0; i < v.items.size(); i++) {
            if (!v.list.empty() && !HasOption(options, v.items[i])) return "Only the list's options can be in this set.";
            if (std::find(v.items.begin(), v.items.begin() + i, v.items[i]) != v.items.begin() + i) return "Each item can be in the set only once.";
        }
        break;
    }
    if (cat && *cat->list && (v.type == ValueType::Choice || v.type == ValueType::Set) && v.list != cat->list)
        return "The catalogue fixes the list for this dimension.";
    return nullptr;
}

// A new dimension's value: the type's empty value; a choice starts at the list's first option.
static Value NewValue(const Document& doc, ValueType type, const char* unit, const std::string& list)
{
    Value v;
    v.type = type;
    if (parley::value_type_is_numeric(type)) v.unit = unit;
    if (type == ValueType::Choice || type == ValueType::Set) v.list = list;
    std::vector<OptionRef> options;
    if (type == ValueType::Choice && ListOptions(doc, list, &options) && !options.empty()) v.option = options[0].key;
    return v;
}

// The value as another type, keeping what it can: "50 cases" stays 50 as a range or a limit,
// any value becomes its words as text, words become set items. Members this version does not
// know stay with it, unless the new type gives them a meaning (a member written twice would
// not read back).
static Value ConvertValue(const Document& doc, const Value& from, ValueType to, const CatalogueDimension* cat)
{
    Value v;
    v.type = to;
    static const char* const kKnown[] = {"type", "text", "value", "min", "max", "bound", "unit", "list", "option", "items"};
    for (const auto& member : from.extra) {
        bool known = false;
        for (const char* k : kKnown) known = known || member.first == k;
        if (!known) v.extra.push_back(member);
    }
    const bool was_numeric = parley::value_type_is_numeric(from.type);
    const double number = from.type == ValueType::Range ? from.min : was_numeric ? from.number : from.type == ValueType::Text ? FirstNumber(from.text) : 0;
    const std::string unit = was_numeric ? from.unit : cat ? cat->unit : "";
    const bool had_list = (from.type == ValueType::Choice || from.type == ValueType::Set) && !from.list.empty();
    std::vector<OptionRef> options;
    switch (to) {
    case ValueType::Text:
        v.text = from.type == ValueType::Set && from.items.empty() ? "" : parley::value_text(from, &doc);
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
        else v.list = ListKeys(doc, true).front();   // the catalogue's lists are never empty
        ListOptions(doc, v.list, &options);
        if (options.empty()) break;   // ValueProblem refuses it
        v.option = options[0].key;
        std::string want;   // the option the old value named, if any
        if (from.type == ValueType::Choice) want = from.option;
        else if (from.type == ValueType::Set && !from.items.empty()) want = from.items[0];
        else if (from.type == ValueType::Text) want = from.text;
        for (const OptionRef& o : options)
            if (!want.empty() && (o.key == want || SameWords(o.label, want))) {
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
        else if (from.type == ValueType::Text) words = SplitItems(from.text, &repeated);
        v.items = v.list.empty() ? words : ItemsInList(doc, v.list, words);
        break;
    }
    case ValueType::YesNo:
        v.yes = from.type == ValueType::YesNo ? from.yes : from.type == ValueType::Text && SameWords(from.text, "yes");
        break;
    }
    return v;
}

// A choice or set of one's own moved to another list (or, for a set, to free items): the
// option or items carry over where the new list has them, matched by key or label.
static Value WithList(const Document& doc, const Value& from, const std::string& list, int* dropped)
{
    Value v = from;
    v.list = list;
    *dropped = 0;
    std::vector<OptionRef> old_options, options;
    ListOptions(doc, from.list, &old_options);
    ListOptions(doc, list, &options);
    if (from.type == ValueType::Choice) {
        const std::string label = OptionLabel(old_options, from.option);
        v.option = options.empty() ? "" : options[0].key;
        for (const OptionRef& o : options)
            if (o.key == from.option || SameWords(o.label, label)) { v.option = o.key; break; }
        return v;
    }
    // A set: each item is read as the words people see (a list's items by their labels) and
    // kept where the new list has an option of that key or label; free items keep the words.
    v.items.clear();
    for (const std::string& item : from.items) {
        const std::string word = from.list.empty() ? item : OptionLabel(old_options, item);
        std::string kept = list.empty() ? word : "";
        for (size_t i = 0; i < options.size() && kept.empty(); i++)
            if (options[i].key == item || SameWords(options[i].label, word)) kept = options[i].key;
        if (kept.empty()) (*dropped)++;
        else if (std::find(v.items.begin(), v.items.end(), kept) == v.items.end()) v.items.push_back(kept);
    }
    if (!list.empty()) {   // in the list's order, as the checkboxes show them
        std::vector<std::string> ordered;
        for (const OptionRef& o : options)
            if (std::find(v.items.begin(), v.items.end(), o.key) != v.items.end()) ordered.push_back(o.key);
        v.items = std::move(ordered);
    }
    return v;
}

// ---------------------------------------------------------------------------------------
// Hints: a refused or adjusted edit says why, under its row, for a few seconds

struct Hint {
    std::string id;     // the dimension it is about
    std::string text;
    bool   refused = true;   // an edit was refused (danger colour), else adjusted (muted)
    double until = 0;
};
static Hint g_hint;

static void SetHint(const std::string& id, std::string text, bool refused = true)
{
    g_hint.id = id;
    g_hint.text = std::move(text);
    g_hint.refused = refused;
    g_hint.until = ImGui::GetTime() + 8.0;
}

static void ClearHint(const std::string& id)
{
    if (g_hint.id == id) g_hint = Hint{};
}

static void DrawHint(const std::string& id, float width)
{
    if (g_hint.id != id || ImGui::GetTime() > g_hint.until) return;
    ImGui::PushStyleColor(ImGuiCol_Text, g_hint.refused ? Theme_Colors().danger : Theme_Colors().text_muted);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextWrapped("%s", g_hint.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

// ---------------------------------------------------------------------------------------
// Writing to the document

// Always fetched afresh: recording an edit or adding a row may move what a reference held.
static Dimension& DimAt(AppState& app, int ri, int di) { return app.doc.regimes[ri].dimensions[di]; }

// Replaces a dimension's whole value, unless import would refuse it (then the hint says why).
static bool CommitValue(AppState& app, int ri, int di, const char* group, const Value& v)
{
    const std::string id = DimAt(app, ri, di).id;
    if (const char* problem = ValueProblem(app.doc, DimAt(app, ri, di).key, v)) {
        SetHint(id, problem);
        return false;
    }
    App_BeforeEdit(app, group);
    DimAt(app, ri, di).value = v;
    ClearHint(id);
    return true;
}

// ---------------------------------------------------------------------------------------
// Value editors, one per type. Field ids carry the dimension id ("##value/dim-..."), so the
// items list names each field; the visible labels are muted words above the fields.

static const char* kNumberFormat = "%.10g";   // 50, 1.5, 0.25: no trailing zeros

// A number written while it is typed (a burst is one undo step); never infinity, which JSON
// cannot hold. `member` names the field for undo and for its id: "value".
static void NumberField(AppState& app, int ri, int di, const char* member, double Value::*field, float width)
{
    const std::string id = DimAt(app, ri, di).id;
    double n = DimAt(app, ri, di).value.*field;
    ImGui::SetNextItemWidth(width);
    if (ImGui::InputDouble(("##" + std::string(member) + "/" + id).c_str(), &n, 0.0, 0.0, kNumberFormat)) {
        if (!std::isfinite(n)) {
            SetHint(id, "That number is too large to keep.");
        } else {
            App_BeforeEdit(app, (id + "/" + member).c_str());
            DimAt(app, ri, di).value.*field = n;
            ClearHint(id);
        }
    }
    if (ImGui::IsItemDeactivated()) parley::history_end_group(app.history);
}

// A range end typed past the other end ("from 30" while it ends at 24) is held back while the
// user types, since "3" on the way to "30" is fine; when they leave the field, the other end
// moves to meet it. Escape, or undo while typing, drops it.
struct PendingEnd {
    std::string id;     // dimension id ("" = nothing pending)
    bool   is_min = false;
    double value = 0;
    int    edits = 0, generation = 0;   // the document as it was when typed
    bool   quiet = false;                 // the range was a single point: no hint
};
static PendingEnd g_pending;

static void RangeEnd(AppState& app, int ri, int di, bool is_min, float width)
{
    const std::string id = DimAt(app, ri, di).id;
    const std::string group = id + (is_min ? "/min" : "/max");
    const Value& v = DimAt(app, ri, di).value;
    const double other = is_min ? v.max : v.min;
    const std::string unit = v.unit.empty() ? "" : " " + v.unit;
    double n = is_min ? v.min : v.max;
    const bool mine_before = g_pending.id == id && g_pending.is_min == is_min;
    ImGui::SetNextItemWidth(width);
    if (ImGui::InputDouble(((is_min ? "##min/" : "##max/") + id).c_str(), &n, 0.0, 0.0, kNumberFormat)) {
        if (mine_before) g_pending.id.clear();
        if (!std::isfinite(n)) {
            SetHint(id, "That number is too large to keep.");
        } else if (is_min ? n <= other : n >= other) {
            App_BeforeEdit(app, group.c_str());
            Value& w = DimAt(app, ri, di).value;
            (is_min ? w.min : w.max) = n;
            ClearHint(id);
        } else if (v.min == v.max) {
            // A single point so far (a new range is 0 to 0): the other end simply follows when
            // the field is left, nothing to warn about.
            g_pending = PendingEnd{id, is_min, n, app.edits, app.generation, true};
            ClearHint(id);
        } else {
            g_pending = PendingEnd{id, is_min, n, app.edits, app.generation, false};
            char text[200];
            snprintf(text, sizeof(text), is_min ? "The range ends at %s%s, so it cannot start after it: leaving this field moves the end up to %s too."
                                                : "The range starts at %s%s, so it cannot end before it: leaving this field moves the start down to %s too.",
                     parley::json_format_number(other).c_str(), unit.c_str(), parley::json_format_number(n).c_str());
            SetHint(id, text, false);
        }
    }
    if (g_pending.id == id && g_pending.is_min == is_min && !ImGui::IsItemActive()) {
        const bool escaped = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
        if (!escaped && g_pending.edits == app.edits && g_pending.generation == app.generation) {
            App_BeforeEdit(app, group.c_str());
            Value& w = DimAt(app, ri, di).value;
            w.min = w.max = g_pending.value;
            const std::string both = parley::json_format_number(g_pending.value) + unit;
            if (g_pending.quiet) ClearHint(id);
            else SetHint(id, "The range is now " + both + " to " + both + ": set the other end if it should differ.", false);
        } else {
            ClearHint(id);
        }
        g_pending.id.clear();
    }
    if (ImGui::IsItemDeactivated()) parley::history_end_group(app.history);
}

static void UnitField(AppState& app, int ri, int di, float width)
{
    Dimension& d = DimAt(app, ri, di);
    const CatalogueDimension* cat = parley::catalogue_find_dimension(d.key);
    const std::string hint = std::string("e.g. ") + (cat && *cat->unit ? cat->unit : "weeks");
    LineField(app, ("##unit/" + d.id).c_str(), parley::text_field_key(d.id, "unit"), &d.value.unit, width, hint.c_str());
}

// Fields side by side, each with a muted label above: the labels on one line, then the fields
// on the next, each starting `offsets[i]` from the left. (Groups placed with SameLine would be
// aligned by text baseline and the frames would no longer line up.)
static void LabelsLine(const char* const* labels, const float* offsets, int n)
{
    const float x = ImGui::GetCursorPosX();
    for (int i = 0; i < n; i++) {
        if (i > 0) {
            ImGui::SameLine();
            ImGui::SetCursorPosX(x + offsets[i]);
        }
        LabelAbove(labels[i]);
    }
}

static void NextField(float x, float offset)
{
    ImGui::SameLine();
    ImGui::SetCursorPosX(x + offset);
}

static void DrawChoice(AppState& app, int ri, int di, float width)
{
    const std::string id = DimAt(app, ri, di).id;
    const Value& v = DimAt(app, ri, di).value;
    std::vector<OptionRef> options;
    if (!ListOptions(app.doc, v.list, &options) || options.empty()) {
        MutedText("This list has no options to choose from.");
        return;
    }
    ImGui::SetNextItemWidth(width);
    if (!BeginNamedCombo(("##value/" + id).c_str(), OptionLabel(options, v.option).c_str(), ImGuiComboFlags_HeightLarge)) return;
    for (const OptionRef& o : options) {
        const bool selected = DimAt(app, ri, di).value.option == o.key;
        if (ImGui::Selectable((o.label + "##" + o.key).c_str(), selected) && !selected) {
            Value w = DimAt(app, ri, di).value;
            w.option = o.key;
            CommitValue(app, ri, di, "", w);
        }
        if (selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
}

static void DrawSet(AppState& app, int ri, int di, float width)
{
    const std::string id = DimAt(app, ri, di).id;
    const std::string list = DimAt(app, ri, di).value.list;
    if (list.empty()) {
        // Free items: one line, separated by commas.
        std::string text = JoinItems(DimAt(app, ri, di).value.items);
        if (LineField(app, ("##value/" + id).c_str(), parley::text_field_key(id, "items"), &text, width, "e.g. leadership, help and protection")) {
            bool repeated = false;
            DimAt(app, ri, di).value.items = SplitItems(text, &repeated);
            if (repeated) SetHint(id, "An item written twice is kept once.", false);
            else ClearHint(id);
        }
        ImGui::PushFont(Fonts_Get(Font_Small));
        MutedText("Separate items with commas.");
        ImGui::PopFont();
        return;
    }
    std::vector<OptionRef> options;
    ListOptions(app.doc, list, &options);
    if (options.empty()) MutedText("This list has no options yet.");
    for (const OptionRef& o : options) {
        const std::vector<std::string>& items = DimAt(app, ri, di).value.items;
        bool on = std::find(items.begin(), items.end(), o.key) != items.end();
        if (!ImGui::Checkbox((o.label + "##set/" + id + "/" + o.key).c_str(), &on)) continue;
        // Items stay in the list's order, whatever order they were ticked in.
        Value w = DimAt(app, ri, di).value;
        std::vector<std::string> next;
        for (const OptionRef& p : options)
            if (p.key == o.key ? on : std::find(w.items.begin(), w.items.end(), p.key) != w.items.end()) next.push_back(p.key);
        w.items = std::move(next);
        CommitValue(app, ri, di, "", w);
    }
}

static void DrawValue(AppState& app, int ri, int di, float width)
{
    const float z = app.zoom;
    const float gap = 10 * z;
    const std::string id = DimAt(app, ri, di).id;
    switch (DimAt(app, ri, di).value.type) {
    case ValueType::Text: {
        Dimension& d = DimAt(app, ri, di);
        LineField(app, ("##value/" + id).c_str(), parley::text_field_key(id, "value"), &d.value.text, width, "Describe the setting in a few words");
        break;
    }
    case ValueType::Number: {
        const float unit_w = std::floor(std::min(180 * z, (width - gap) * 0.45f));
        const float x = ImGui::GetCursorPosX();
        const char* const labels[] = {"Amount", "Unit"};
        const float offsets[] = {0, width - unit_w};
        LabelsLine(labels, offsets, 2);
        NumberField(app, ri, di, "value", &Value::number, width - gap - unit_w);
        NextField(x, offsets[1]);
        UnitField(app, ri, di, unit_w);
        break;
    }
    case ValueType::Range: {
        const float w = std::floor((width - 2 * gap) / 3);
        const float x = ImGui::GetCursorPosX();
        const char* const labels[] = {"From", "To", "Unit"};
        const float offsets[] = {0, w + gap, 2 * (w + gap)};
        LabelsLine(labels, offsets, 3);
        RangeEnd(app, ri, di, true, w);
        NextField(x, offsets[1]);
        RangeEnd(app, ri, di, false, w);
        NextField(x, offsets[2]);
        UnitField(app, ri, di, w);
        break;
    }
    case ValueType::Bound: {
        static const char* const kBounds[] = {"at least", "at most"};
        const float w = std::floor((width - 2 * gap) / 3);
        const float x = ImGui::GetCursorPosX();
        const char* const labels[] = {"Limit", "Amount", "Unit"};
        const float offsets[] = {0, w + gap, 2 * (w + gap)};
        LabelsLine(labels, offsets, 3);
        ImGui::SetNextItemWidth(w);
        if (BeginNamedCombo(("##bound/" + id).c_str(), kBounds[(int)DimAt(app, ri, di).value.bound])) {
            for (int b = 0; b < 2; b++) {
                const bool selected = (int)DimAt(app, ri, di).value.bound == b;
                if (ImGui::Selectable(kBounds[b], selected) && !selected) {
                    App_BeforeEdit(app, "");
                    DimAt(app, ri, di).value.bound = (BoundKind)b;
                }
                if (selected) ImGui::SetItemDefaultFocus();
            }
            ImGui::EndCombo();
        }
        NextField(x, offsets[1]);
        NumberField(app, ri, di, "value", &Value::number, w);
        NextField(x, offsets[2]);
        UnitField(app, ri, di, w);
        break;
    }
    case ValueType::Choice:
        DrawChoice(app, ri, di, width);
        break;
    case ValueType::Set:
        DrawSet(app, ri, di, width);
        break;
    case ValueType::YesNo: {
        const bool yes = DimAt(app, ri, di).value.yes;
        if (ImGui::RadioButton(("Yes##yes/" + id).c_str(), yes) && !yes) {
            App_BeforeEdit(app, "");
            DimAt(app, ri, di).value.yes = true;
        }
        ImGui::SameLine(0, 24 * z);
        if (ImGui::RadioButton(("No##no/" + id).c_str(), !yes) && yes) {
            App_BeforeEdit(app, "");
            DimAt(app, ri, di).value.yes = false;
        }
        break;
    }
    }
}

// ---------------------------------------------------------------------------------------
// The left cell of a row: label, kind of value, list, and the row's actions

static void TypeCombo(AppState& app, int ri, int di, float width)
{
    const Dimension& d = DimAt(app, ri, di);
    const std::string id = d.id;
    const CatalogueDimension* cat = parley::catalogue_find_dimension(d.key);
    int allowed = 0;
    for (int t = 0; t < kValueTypeCount; t++) allowed += TypeAllowed(cat, (ValueType)t) ? 1 : 0;
    if (allowed < 2) return;   // nothing to choose: the catalogue keeps this one as text
    ImGui::SetNextItemWidth(width);
    const bool open = BeginNamedCombo(("##type/" + id).c_str(), TypeLabel(d.value.type));
    if (!open) {
        ImGui::SetItemTooltip("What kind of value this is. Changing it keeps what it can.");
        return;
    }
    for (int t = 0; t < kValueTypeCount; t++) {
        const ValueType type = (ValueType)t;
        if (!TypeAllowed(cat, type)) continue;
        const bool selected = DimAt(app, ri, di).value.type == type;
        if (ImGui::Selectable(TypeLabel(type), selected) && !selected)
            CommitValue(app, ri, di, "", ConvertValue(app.doc, DimAt(app, ri, di).value, type, cat));
        if (selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
}

static const char* kFreeItems = "Free items (no list)";

// One's own choice or set picks its list; a catalogue dimension's list is fixed.
static void ListCombo(AppState& app, int ri, int di, float width)
{
    const Value& v = DimAt(app, ri, di).value;
    const std::string id = DimAt(app, ri, di).id;
    const bool choice = v.type == ValueType::Choice;
    const std::string preview = v.list.empty() ? kFreeItems : "List: " + ListLabel(app.doc, v.list);
    ImGui::SetNextItemWidth(width);
    if (!BeginNamedCombo(("##list/" + id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) return;
    std::vector<std::string> keys = ListKeys(app.doc, choice);
    if (!choice) keys.insert(keys.begin(), "");
    for (const std::string& key : keys) {
        const Value& now = DimAt(app, ri, di).value;
        const bool selected = now.list == key;
        const std::string label = key.empty() ? std::string(kFreeItems) : ListLabel(app.doc, key) + "##" + key;
        if (ImGui::Selectable(label.c_str(), selected) && !selected) {
            int dropped = 0;
            const Value w = WithList(app.doc, now, key, &dropped);
            if (CommitValue(app, ri, di, "", w) && dropped > 0)
                SetHint(id, dropped == 1 ? "One item is not in that list and was left out." : std::to_string(dropped) + " items are not in that list and were left out.", false);
        }
        if (selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
}

// Puts the next small button on this line when it fits before `right` (window-local x).
static void NextButtonOnLine(const char* label, float right)
{
    const float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
}

enum class RowAction { None, MoveUp, MoveDown, Remove };

// "Move up", "Move down", "Remove", wrapping before `right` (window-local x).
static RowAction RowButtons(AppState& app, int ri, int di, float right)
{
    const int count = (int)app.doc.regimes[ri].dimensions.size();
    const std::string id = DimAt(app, ri, di).id;
    const std::string up = "Move up##" + id, down = "Move down##" + id, remove = "Remove##" + id;
    RowAction action = RowAction::None;
    ImGui::BeginDisabled(di == 0);
    if (QuietButton(up.c_str())) action = RowAction::MoveUp;
    ImGui::EndDisabled();
    NextButtonOnLine(down.c_str(), right);
    ImGui::BeginDisabled(di == count - 1);
    if (QuietButton(down.c_str())) action = RowAction::MoveDown;
    ImGui::EndDisabled();
    NextButtonOnLine(remove.c_str(), right);
    if (QuietButton(remove.c_str())) action = RowAction::Remove;
    return action;
}

static RowAction DrawDimension(AppState& app, int ri, int di, float width)
{
    const float z = app.zoom;
    const std::string id = DimAt(app, ri, di).id;
    const CatalogueDimension* cat = parley::catalogue_find_dimension(DimAt(app, ri, di).key);
    const float gap = 16 * z;
    const bool side_by_side = width >= 520 * z;   // else the value goes under the label
    const float label_w = side_by_side ? std::floor(std::max(190 * z, width * 0.38f)) : width;
    const float value_w = side_by_side ? width - label_w - gap : width;
    const float x0 = ImGui::GetCursorPosX();
    RowAction action = RowAction::None;

    // The label cell's first line sits level with the value's: a frame (text, choice, ...) or,
    // for numbers, the muted "Amount" / "From" labels above the fields.
    const bool value_has_labels = parley::value_type_is_numeric(DimAt(app, ri, di).value.type);
    ImGui::PushID(id.c_str());
    ImGui::BeginGroup();
    if (cat) {
        if (side_by_side && !value_has_labels) ImGui::AlignTextToFramePadding();
        ImGui::PushTextWrapPos(x0 + label_w);
        ImGui::TextWrapped("%s", parley::dimension_label(DimAt(app, ri, di)).c_str());
        ImGui::PopTextWrapPos();
    } else {
        // One's own dimension: its label is all that says what it is, so it cannot be emptied.
        if (side_by_side && value_has_labels) LabelAbove("Name");
        std::string label = DimAt(app, ri, di).label;
        if (LineField(app, ("##label/" + id).c_str(), parley::text_field_key(id, "label"), &label, label_w, "Name of this dimension")) {
            if (IsBlank(label)) {
                SetHint(id, "A dimension of your own needs a name: the last one is kept.");
            } else {
                DimAt(app, ri, di).label = label;
                ClearHint(id);
            }
        }
    }
    TypeCombo(app, ri, di, label_w);
    const ValueType type = DimAt(app, ri, di).value.type;
    if (!cat && (type == ValueType::Choice || type == ValueType::Set)) ListCombo(app, ri, di, label_w);
    if (side_by_side) action = RowButtons(app, ri, di, x0 + label_w);
    ImGui::EndGroup();

    if (side_by_side) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(x0 + label_w + gap);
    }
    ImGui::BeginGroup();
    DrawValue(app, ri, di, value_w);
    DrawHint(id, value_w);
    ImGui::EndGroup();
    if (!side_by_side) action = RowButtons(app, ri, di, x0 + width);   // stacked: under the value

    ImGui::Dummy(ImVec2(0, 2 * z));
    // Named "Rationale"; the items list tells rows apart by the key ("Rationale##<dim id>/rationale").
    ProseField(app, "Rationale", parley::text_field_key(id, "rationale"), DimAt(app, ri, di).rationale, width,
               "Why this setting: the reasoning and the evidence behind it", 2);
    ImGui::PopID();
    return action;
}

// ---------------------------------------------------------------------------------------
// The regime's own fields

static void RoleCombo(AppState& app, int ri, float width)
{
    const Regime& g = app.doc.regimes[ri];
    ImGui::SetNextItemWidth(width);
    if (!BeginNamedCombo(("##role/" + g.id).c_str(), Capitalised(parley::role_label(g.role)).c_str())) return;
    for (RegimeRole role : {RegimeRole::Current, RegimeRole::Proposed, RegimeRole::Alternative}) {
        const bool selected = app.doc.regimes[ri].role == role;
        if (ImGui::Selectable(Capitalised(parley::role_label(role)).c_str(), selected) && !selected) {
            App_BeforeEdit(app, "");
            app.doc.regimes[ri].role = role;
        }
        if (selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
}

static std::string OrganisationName(const parley::Organisation& o)
{
    if (!o.name.empty()) return o.name;
    return o.short_name.empty() ? "Unnamed organisation" : o.short_name;
}

static void OwnerCombo(AppState& app, int ri, float width)
{
    const Regime& g = app.doc.regimes[ri];
    std::string preview = g.owner.empty() ? "Not stated" : g.owner;
    for (const parley::Organisation& o : app.doc.organisations)
        if (o.id == g.owner) preview = OrganisationName(o);
    ImGui::SetNextItemWidth(width);
    if (!BeginNamedCombo(("##owner/" + g.id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) return;
    const bool none = app.doc.regimes[ri].owner.empty();
    if (ImGui::Selectable("Not stated", none) && !none) {
        App_BeforeEdit(app, "");
        app.doc.regimes[ri].owner.clear();
    }
    for (size_t i = 0; i < app.doc.organisations.size(); i++) {
        const std::string oid = app.doc.organisations[i].id;
        const bool selected = app.doc.regimes[ri].owner == oid;
        if (ImGui::Selectable((OrganisationName(app.doc.organisations[i]) + "##" + oid).c_str(), selected) && !selected && !oid.empty()) {
            App_BeforeEdit(app, "");
            app.doc.regimes[ri].owner = oid;
        }
        if (selected) ImGui::SetItemDefaultFocus();
    }
    if (app.doc.organisations.empty()) ImGui::TextDisabled("No organisations in this draft yet");
    ImGui::EndCombo();
}

static const Regime* FindRegime(const Document& doc, const std::string& id)
{
    for (const Regime& r : doc.regimes)
        if (r.id == id) return &r;
    return nullptr;
}

// True when `from`, following "based on" from regime to regime, reaches `target`: basing
// `target` on `from` would then go round in a circle.
static bool LeadsTo(const Document& doc, const std::string& from, const std::string& target)
{
    std::string at = from;
    for (size_t steps = 0; !at.empty() && steps <= doc.regimes.size(); steps++) {
        if (at == target) return true;
        const Regime* r = FindRegime(doc, at);
        if (!r) return false;
        at = r->based_on;
    }
    return false;
}

static std::string RegimeName(const Regime& r)
{
    return (r.name.empty() ? std::string("Untitled regime") : r.name) + " (" + parley::role_label(r.role) + ")";
}

static void BasedOnCombo(AppState& app, int ri, float width)
{
    const Regime& g = app.doc.regimes[ri];
    const Regime* base = g.based_on.empty() ? nullptr : FindRegime(app.doc, g.based_on);
    const std::string preview = g.based_on.empty() ? "Nothing" : base ? RegimeName(*base) : g.based_on;
    ImGui::SetNextItemWidth(width);
    if (!BeginNamedCombo(("##based_on/" + g.id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) return;
    const std::string rid = g.id;
    const bool none = g.based_on.empty();
    if (ImGui::Selectable("Nothing", none) && !none) {
        App_BeforeEdit(app, "");
        app.doc.regimes[ri].based_on.clear();
    }
    int shown = 0;
    for (size_t i = 0; i < app.doc.regimes.size(); i++) {
        const Regime& other = app.doc.regimes[i];
        if (other.id.empty() || LeadsTo(app.doc, other.id, rid)) continue;   // itself, or built on it
        const std::string oid = other.id;
        const bool selected = app.doc.regimes[ri].based_on == oid;
        if (ImGui::Selectable((RegimeName(other) + "##" + oid).c_str(), selected) && !selected) {
            App_BeforeEdit(app, "");
            app.doc.regimes[ri].based_on = oid;
        }
        if (selected) ImGui::SetItemDefaultFocus();
        shown++;
    }
    if (shown == 0) ImGui::TextDisabled("No other regime to build on");
    ImGui::EndCombo();
}

// ---------------------------------------------------------------------------------------
// Adding a dimension: from the catalogue, or one's own

struct OwnDimensionForm {
    bool open = false;     // the popup shows the form instead of the catalogue
    bool focus = false;    // the name field takes the keyboard on the next frame
    std::string label;
    ValueType type = ValueType::Text;
    std::string list;
};
static OwnDimensionForm g_own;   // one popup is open at a time

static void AddDimension(AppState& app, int ri, Dimension d)
{
    if (ValueProblem(app.doc, d.key, d.value)) return;   // cannot happen with the choices offered
    App_BeforeEdit(app, "");
    app.doc.regimes[ri].dimensions.push_back(std::move(d));
}

static void AddCatalogueDimension(AppState& app, int ri, const CatalogueDimension& cat)
{
    Dimension d;
    d.id = app.ids.next("dim");
    d.key = cat.key;
    d.value = NewValue(app.doc, cat.type, cat.unit, cat.list);
    AddDimension(app, ri, std::move(d));
}

static bool OwnFormReady()
{
    return !IsBlank(g_own.label) && (g_own.type != ValueType::Choice || !g_own.list.empty());
}

static void AddOwnDimension(AppState& app, int ri)
{
    Dimension d;
    d.id = app.ids.next("dim");
    d.label = Trimmed(g_own.label);
    d.key = UniqueKey(app.doc.regimes[ri], KeyFromLabel(d.label));
    d.value = NewValue(app.doc, g_own.type, "", g_own.type == ValueType::Choice || g_own.type == ValueType::Set ? g_own.list : "");
    AddDimension(app, ri, std::move(d));
}

static void DrawOwnForm(AppState& app, int ri, float width)
{
    LabelAbove("Name of your dimension");
    if (g_own.focus) {
        ImGui::SetKeyboardFocusHere();
        g_own.focus = false;
    }
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextWithHint("##own_label", "e.g. Time given to respond to findings", &g_own.label);
    const bool enter = ImGui::IsItemDeactivated() && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false));

    // The catalogue may already have it: then rows line up with other people's regimes.
    int n = 0;
    const CatalogueDimension* dims = parley::catalogue_dimensions(&n);
    for (int i = 0; i < n; i++)
        if (SameWords(dims[i].label, g_own.label)) {
            const std::string note = RegimeHasKey(app.doc.regimes[ri], dims[i].key)
                                         ? std::string("This regime already has \"") + dims[i].label + "\"."
                                         : std::string("The catalogue has \"") + dims[i].label + "\": pick it from the list instead, so regimes line up row by row.";
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
            MutedText(note.c_str());
            ImGui::PopTextWrapPos();
        }

    LabelAbove("Kind of value");
    ImGui::SetNextItemWidth(width);
    if (BeginNamedCombo("##own_type", TypeLabel(g_own.type))) {
        for (int t = 0; t < kValueTypeCount; t++) {
            const ValueType type = (ValueType)t;
            if (ImGui::Selectable(TypeLabel(type), g_own.type == type) && g_own.type != type) {
                g_own.type = type;
                // A choice needs a list; a set starts with free items.
                g_own.list = type == ValueType::Choice ? ListKeys(app.doc, true).front() : "";
            }
        }
        ImGui::EndCombo();
    }
    if (g_own.type == ValueType::Choice || g_own.type == ValueType::Set) {
        LabelAbove(g_own.type == ValueType::Choice ? "Options from the list" : "Items");
        ImGui::SetNextItemWidth(width);
        const std::string preview = g_own.list.empty() ? kFreeItems : ListLabel(app.doc, g_own.list);
        if (BeginNamedCombo("##own_list", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
            std::vector<std::string> keys = ListKeys(app.doc, g_own.type == ValueType::Choice);
            if (g_own.type == ValueType::Set) keys.insert(keys.begin(), "");
            for (const std::string& key : keys) {
                const std::string label = key.empty() ? std::string(kFreeItems) : ListLabel(app.doc, key) + "##" + key;
                if (ImGui::Selectable(label.c_str(), g_own.list == key)) g_own.list = key;
            }
            ImGui::EndCombo();
        }
    }

    ImGui::Dummy(ImVec2(0, 2 * app.zoom));
    const bool ready = OwnFormReady();
    ImGui::BeginDisabled(!ready);
    const bool add = ImGui::Button("Add this dimension");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Back to the catalogue")) g_own.open = false;
    if (!ready) MutedText("Type a name to add it.");
    if ((add || enter) && ready) {
        AddOwnDimension(app, ri);
        g_own = OwnDimensionForm{};
        ImGui::CloseCurrentPopup();
    }
}

static void DrawAddDimension(AppState& app, int ri)
{
    const float z = app.zoom;
    const ImGuiStyle& style = ImGui::GetStyle();
    if (ImGui::Button(("Add a dimension##" + app.doc.regimes[ri].id).c_str())) {
        g_own = OwnDimensionForm{};
        ImGui::OpenPopup("add_dimension");
    }
    const ImVec2 work = ImGui::GetMainViewport()->WorkSize;
    const float popup_w = std::floor(std::min(440 * z, work.x - 32 * z));
    ImGui::SetNextWindowSizeConstraints(ImVec2(popup_w, 0), ImVec2(popup_w, std::max(200 * z, work.y * 0.75f)));
    if (!ImGui::BeginPopup("add_dimension")) return;
    const float inner = popup_w - style.WindowPadding.x * 2;
    if (g_own.open) {
        DrawOwnForm(app, ri, inner);
        ImGui::EndPopup();
        return;
    }
    LabelAbove("From the catalogue");
    int n = 0, offered = 0;
    const CatalogueDimension* dims = parley::catalogue_dimensions(&n);
    for (int i = 0; i < n; i++) {
        if (RegimeHasKey(app.doc.regimes[ri], dims[i].key)) continue;   // each key once per regime
        offered++;
        if (ImGui::Selectable((std::string(dims[i].label) + "##cat/" + dims[i].key).c_str())) {
            AddCatalogueDimension(app, ri, dims[i]);
            ImGui::CloseCurrentPopup();
        }
        ImGui::PushFont(Fonts_Get(Font_Small));
        ImGui::Indent(12 * z);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - 12 * z);
        MutedText(dims[i].help);
        ImGui::PopTextWrapPos();
        ImGui::Unindent(12 * z);
        ImGui::PopFont();
    }
    if (offered == 0) MutedText("Every catalogue dimension is in this regime already.");
    ImGui::Separator();
    if (ImGui::Selectable("Your own dimension...", false, ImGuiSelectableFlags_DontClosePopups)) {
        g_own.open = true;
        g_own.focus = true;
    }
    ImGui::EndPopup();
}

// ---------------------------------------------------------------------------------------

bool RegimeEditor_Draw(AppState& app, int regime_index, float width)
{
    const int ri = regime_index;
    if (ri < 0 || ri >= (int)app.doc.regimes.size()) return false;
    const float z = app.zoom;
    const float x0 = ImGui::GetCursorPosX();
    const std::string rid = app.doc.regimes[ri].id;
    ImGui::PushID(rid.c_str());

    // The name as a heading, and the way to remove the regime at its right.
    const std::string remove_label = "Remove this regime##" + rid;   // "##id": several regimes share the page
    const float remove_w = ImGui::CalcTextSize(remove_label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    ImGui::PushTextWrapPos(x0 + std::max(width * 0.5f, width - remove_w - 16 * z));
    ImGui::TextWrapped("%s", app.doc.regimes[ri].name.empty() ? "Untitled regime" : app.doc.regimes[ri].name.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosX(x0 + width - remove_w);
    const bool remove_regime = QuietButton(remove_label.c_str());

    LabelAbove("Name");
    LineField(app, ("##name/" + rid).c_str(), parley::text_field_key(rid, "name"), &app.doc.regimes[ri].name, width,
              "e.g. Joint targeted area inspections (2016)");

    // Role, owner and what it amends: side by side when the column allows.
    const float gap = 16 * z;
    const bool one_row = width >= 540 * z;
    const float col_w = one_row ? std::floor((width - 2 * gap) / 3) : width;
    if (one_row) {
        const float x = ImGui::GetCursorPosX();
        const char* const labels[] = {"Role", "Put forward by", "Based on"};
        const float offsets[] = {0, col_w + gap, 2 * (col_w + gap)};
        LabelsLine(labels, offsets, 3);
        RoleCombo(app, ri, col_w);
        NextField(x, offsets[1]);
        OwnerCombo(app, ri, col_w);
        NextField(x, offsets[2]);
        BasedOnCombo(app, ri, col_w);
    } else {
        LabelAbove("Role");
        RoleCombo(app, ri, col_w);
        LabelAbove("Put forward by");
        OwnerCombo(app, ri, col_w);
        LabelAbove("Based on");
        BasedOnCombo(app, ri, col_w);
    }
    ImGui::Dummy(ImVec2(0, 2 * z));
    ProseField(app, "Summary", parley::text_field_key(rid, "summary"), app.doc.regimes[ri].summary, width,
               "What this regime is and what it changes, in a few sentences", 3);

    // The dimensions, one row each.
    ImGui::Dummy(ImVec2(0, 6 * z));
    const int count = (int)app.doc.regimes[ri].dimensions.size();
    if (count == 0) {
        ImGui::PushTextWrapPos(x0 + width);
        MutedText("No dimensions yet. Add what this regime sets, such as the notice given or the time inspectors spend on site.");
        ImGui::PopTextWrapPos();
    } else {
        const bool side_by_side = width >= 520 * z;   // as DrawDimension lays out
        LabelAbove("Dimension");
        if (side_by_side) {
            ImGui::SameLine();
            ImGui::SetCursorPosX(x0 + std::floor(std::max(190 * z, width * 0.38f)) + gap);
            LabelAbove("Setting");
        }
        Rule(width);
    }
    RowAction action = RowAction::None;
    int action_index = -1;
    for (int di = 0; di < (int)app.doc.regimes[ri].dimensions.size(); di++) {
        ImGui::Dummy(ImVec2(0, 4 * z));
        const RowAction a = DrawDimension(app, ri, di, width);
        if (a != RowAction::None) {
            action = a;
            action_index = di;
        }
        ImGui::Dummy(ImVec2(0, 4 * z));
        Rule(width);
    }

    // Rows move and go after the loop, so no row is drawn from a vector that changed under it.
    std::vector<Dimension>& dims = app.doc.regimes[ri].dimensions;
    if (action_index >= 0 && action_index < (int)dims.size()) {
        const int delta = action == RowAction::MoveUp ? -1 : 1;
        if (action == RowAction::Remove) {
            const std::string did = dims[action_index].id;
            const std::string label = parley::dimension_label(dims[action_index]);
            App_BeforeEdit(app, "");
            parley::remove_dimension(app.doc, did);
            ClearHint(did);
            app.status_message = "Removed \"" + label + "\". Edit > Undo brings it back.";
        } else if (action_index + delta >= 0 && action_index + delta < (int)dims.size()) {
            App_BeforeEdit(app, "");
            parley::move_item(app.doc.regimes[ri].dimensions, action_index, delta);
        }
    }

    ImGui::Dummy(ImVec2(0, 4 * z));
    DrawAddDimension(app, ri);
    ImGui::PopID();

    if (remove_regime) {
        const std::string name = app.doc.regimes[ri].name.empty() ? "Untitled regime" : app.doc.regimes[ri].name;
        App_BeforeEdit(app, "");
        parley::remove_regime(app.doc, rid);
        app.status_message = "Removed \"" + name + "\". Edit > Undo brings it back.";
        return false;
    }
    return true;
}
