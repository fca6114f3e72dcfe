// The regime editor: a regime's name, role, owner, what it is based on and its summary, then
// its dimensions as a table-like list (label | value | actions, the rationale underneath).
//
// The editor never writes a document that would fail to open again: every change a user can
// make is checked with value_problem() from core/value_rules.h, which applies the rules import
// applies, and an edit that would break one is refused or adjusted with a short hint under the
// row, in words a policy officer uses. What a value may hold, turning one type into another,
// option lists and the keys of one's own dimensions are all core/value_rules.h: this file only
// draws them and turns clicks into calls.
//
// Index of this file
//   Small text helpers
//   Hints
//   Writing to the document
//   Value editors, one per type
//   The left cell of a row
//   The regime's own fields
//   Adding a dimension
#include "regime_editor.h"

#include "comment_marker.h"

#include "views.h"
#include "core/catalogue.h"
#include "core/edit.h"
#include "core/json_writer.h"
#include "core/text_fields.h"
#include "core/value_rules.h"
#include "core/value_text.h"
#include "fonts.h"
#include "lazy_blocks.h"
#include "prose_field.h"
#include "theme.h"
#include "widgets.h"
#include "item_hooks.h"
#include "imgui.h"
#include "imgui_internal.h"   // the item hooks' macro, for combos
#include "imgui_stdlib.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

using parley::BoundKind;
using parley::CatalogueDimension;
using parley::Dimension;
using parley::Document;
using parley::kValueTypeCount;
using parley::OptionRef;
using parley::Regime;
using parley::RegimeRole;
using parley::Value;
using parley::ValueType;

// ---------------------------------------------------------------------------------------
// Small text helpers

// "current regime" -> "Current regime": role_label() is written to sit inside a sentence.
static std::string Capitalised(const char* s)
{
    std::string out = s;
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = (char)(out[0] - 'a' + 'A');
    return out;
}

// The kinds of value as the type menus offer them.
static const char* TypeLabel(ValueType t)
{
    static const char* const kLabels[] = {"Text", "Number", "Range (from, to)", "Limit (at least, at most)",
                                          "One option from a list", "Several items", "Yes or no"};
    return kLabels[(int)t];
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
static Dimension& DimAt(Views& views, int ri, int di) { return views.session.doc.regimes[ri].dimensions[di]; }

// Replaces a dimension's whole value, unless import would refuse it (then the hint says why).
static bool CommitValue(Views& views, int ri, int di, const char* group, const Value& v)
{
    const std::string id = DimAt(views, ri, di).id;
    if (const char* problem = parley::value_problem(views.session.doc.lists, DimAt(views, ri, di).key, v)) {
        SetHint(id, problem);
        return false;
    }
    Session_BeforeEdit(views.session, group);
    DimAt(views, ri, di).value = v;
    ClearHint(id);
    return true;
}

// ---------------------------------------------------------------------------------------
// Value editors, one per type. Field ids carry the dimension id ("##value/dim-..."), so the
// items list names each field; the visible labels are muted words above the fields.

static const char* kNumberFormat = "%.10g";   // 50, 1.5, 0.25: no trailing zeros

// A number written while it is typed (a burst is one undo step); never infinity, which JSON
// cannot hold. `member` names the field for undo and for its id: "value".
static void NumberField(Views& views, int ri, int di, const char* member, double Value::*field, float width)
{
    const std::string id = DimAt(views, ri, di).id;
    double n = DimAt(views, ri, di).value.*field;
    ImGui::SetNextItemWidth(width);
    if (ImGui::InputDouble(("##" + std::string(member) + "/" + id).c_str(), &n, 0.0, 0.0, kNumberFormat)) {
        if (const char* problem = parley::number_problem(n)) {
            SetHint(id, problem);
        } else {
            Session_BeforeEdit(views.session, (id + "/" + member).c_str());
            DimAt(views, ri, di).value.*field = n;
            ClearHint(id);
        }
    }
    if (ImGui::IsItemDeactivated()) Session_EndGroup(views.session);
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

static void RangeEnd(Views& views, int ri, int di, bool is_min, float width)
{
    const std::string id = DimAt(views, ri, di).id;
    const std::string group = id + (is_min ? "/min" : "/max");
    const Value& v = DimAt(views, ri, di).value;
    const double other = is_min ? v.max : v.min;
    const std::string unit = v.unit.empty() ? "" : " " + v.unit;
    double n = is_min ? v.min : v.max;
    const bool mine_before = g_pending.id == id && g_pending.is_min == is_min;
    ImGui::SetNextItemWidth(width);
    if (ImGui::InputDouble(((is_min ? "##min/" : "##max/") + id).c_str(), &n, 0.0, 0.0, kNumberFormat)) {
        if (mine_before) g_pending.id.clear();
        if (const char* problem = parley::number_problem(n)) {
            SetHint(id, problem);
        } else if (is_min ? n <= other : n >= other) {
            Session_BeforeEdit(views.session, group.c_str());
            Value& w = DimAt(views, ri, di).value;
            (is_min ? w.min : w.max) = n;
            ClearHint(id);
        } else if (v.min == v.max) {
            // A single point so far (a new range is 0 to 0): the other end simply follows when
            // the field is left, nothing to warn about.
            g_pending = PendingEnd{id, is_min, n, views.session.edits, views.session.generation, true};
            ClearHint(id);
        } else {
            g_pending = PendingEnd{id, is_min, n, views.session.edits, views.session.generation, false};
            char text[200];
            snprintf(text, sizeof(text), is_min ? "The range ends at %s%s, so it cannot start after it: leaving this field moves the end up to %s too."
                                                : "The range starts at %s%s, so it cannot end before it: leaving this field moves the start down to %s too.",
                     parley::json_format_number(other).c_str(), unit.c_str(), parley::json_format_number(n).c_str());
            SetHint(id, text, false);
        }
    }
    if (g_pending.id == id && g_pending.is_min == is_min && !ImGui::IsItemActive()) {
        const bool escaped = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
        if (!escaped && g_pending.edits == views.session.edits && g_pending.generation == views.session.generation) {
            Session_BeforeEdit(views.session, group.c_str());
            Value& w = DimAt(views, ri, di).value;
            w.min = w.max = g_pending.value;
            const std::string both = parley::json_format_number(g_pending.value) + unit;
            if (g_pending.quiet) ClearHint(id);
            else SetHint(id, "The range is now " + both + " to " + both + ": set the other end if it should differ.", false);
        } else {
            ClearHint(id);
        }
        g_pending.id.clear();
    }
    if (ImGui::IsItemDeactivated()) Session_EndGroup(views.session);
}

static void UnitField(Views& views, int ri, int di, float width)
{
    Dimension& d = DimAt(views, ri, di);
    const CatalogueDimension* cat = parley::catalogue_find_dimension(d.key);
    const std::string hint = std::string("e.g. ") + (cat && *cat->unit ? cat->unit : "weeks");
    LineField(views, ("##unit/" + d.id).c_str(), parley::text_field_key(d.id, "unit"), &d.value.unit, width, hint.c_str());
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

static void DrawChoice(Views& views, int ri, int di, float width)
{
    const std::string id = DimAt(views, ri, di).id;
    const Value& v = DimAt(views, ri, di).value;
    std::vector<OptionRef> options;
    if (!parley::list_options(views.session.doc.lists, v.list, &options) || options.empty()) {
        MutedText("This list has no options to choose from.");
        return;
    }
    ImGui::SetNextItemWidth(width);
    if (!BeginNamedCombo(("##value/" + id).c_str(), parley::list_option_label(views.session.doc.lists, v.list, v.option).c_str(), ImGuiComboFlags_HeightLarge)) return;
    for (const OptionRef& o : options) {
        const bool selected = DimAt(views, ri, di).value.option == o.key;
        if (SelectableItem((o.label + "##" + o.key).c_str(), selected) && !selected) {
            Value w = DimAt(views, ri, di).value;
            w.option = o.key;
            CommitValue(views, ri, di, "", w);
        }
        if (selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
}

static void DrawSet(Views& views, int ri, int di, float width)
{
    const std::string id = DimAt(views, ri, di).id;
    const std::string list = DimAt(views, ri, di).value.list;
    if (list.empty()) {
        // Free items: one line, separated by commas.
        std::string text = parley::join_items(DimAt(views, ri, di).value.items);
        if (LineField(views, ("##value/" + id).c_str(), parley::text_field_key(id, "items"), &text, width, "e.g. leadership, help and protection")) {
            bool repeated = false;
            DimAt(views, ri, di).value.items = parley::split_items(text, &repeated);
            if (repeated) SetHint(id, "An item written twice is kept once.", false);
            else ClearHint(id);
        }
        ImGui::PushFont(Fonts_Get(Font_Small));
        MutedText("Separate items with commas.");
        ImGui::PopFont();
        return;
    }
    std::vector<OptionRef> options;
    parley::list_options(views.session.doc.lists, list, &options);
    if (options.empty()) MutedText("This list has no options yet.");
    for (const OptionRef& o : options) {
        const std::vector<std::string>& items = DimAt(views, ri, di).value.items;
        bool on = std::find(items.begin(), items.end(), o.key) != items.end();
        if (PlainCheckbox((o.label + "##set/" + id + "/" + o.key).c_str(), &on))
            CommitValue(views, ri, di, "", parley::set_with_option(views.session.doc.lists, DimAt(views, ri, di).value, o.key, on));
    }
}

static void DrawValue(Views& views, int ri, int di, float width)
{
    const float z = views.zoom;
    const float gap = 10 * z;
    const std::string id = DimAt(views, ri, di).id;
    switch (DimAt(views, ri, di).value.type) {
    case ValueType::Text: {
        Dimension& d = DimAt(views, ri, di);
        LineField(views, ("##value/" + id).c_str(), parley::text_field_key(id, "value"), &d.value.text, width, "Describe the setting in a few words");
        break;
    }
    case ValueType::Number: {
        const float unit_w = std::floor(std::min(180 * z, (width - gap) * 0.45f));
        const float x = ImGui::GetCursorPosX();
        const char* const labels[] = {"Amount", "Unit"};
        const float offsets[] = {0, width - unit_w};
        LabelsLine(labels, offsets, 2);
        NumberField(views, ri, di, "value", &Value::number, width - gap - unit_w);
        NextField(x, offsets[1]);
        UnitField(views, ri, di, unit_w);
        break;
    }
    case ValueType::Range: {
        const float w = std::floor((width - 2 * gap) / 3);
        const float x = ImGui::GetCursorPosX();
        const char* const labels[] = {"From", "To", "Unit"};
        const float offsets[] = {0, w + gap, 2 * (w + gap)};
        LabelsLine(labels, offsets, 3);
        RangeEnd(views, ri, di, true, w);
        NextField(x, offsets[1]);
        RangeEnd(views, ri, di, false, w);
        NextField(x, offsets[2]);
        UnitField(views, ri, di, w);
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
        if (BeginNamedCombo(("##bound/" + id).c_str(), kBounds[(int)DimAt(views, ri, di).value.bound])) {
            for (int b = 0; b < 2; b++) {
                const bool selected = (int)DimAt(views, ri, di).value.bound == b;
                if (SelectableItem(kBounds[b], selected) && !selected) {
                    Session_BeforeEdit(views.session, "", DimAt(views, ri, di).id + "/value");
                    DimAt(views, ri, di).value.bound = (BoundKind)b;
                }
                if (selected) ImGui::SetItemDefaultFocus();
            }
            ImGui::EndCombo();
        }
        NextField(x, offsets[1]);
        NumberField(views, ri, di, "value", &Value::number, w);
        NextField(x, offsets[2]);
        UnitField(views, ri, di, w);
        break;
    }
    case ValueType::Choice:
        DrawChoice(views, ri, di, width);
        break;
    case ValueType::Set:
        DrawSet(views, ri, di, width);
        break;
    case ValueType::YesNo: {
        const bool yes = DimAt(views, ri, di).value.yes;
        BeginRadios(parley::dimension_label(DimAt(views, ri, di)).c_str(), true);   // yes or no
        if (RadioItem(("Yes##yes/" + id).c_str(), yes) && !yes) {
            Session_BeforeEdit(views.session, "", DimAt(views, ri, di).id + "/value");
            DimAt(views, ri, di).value.yes = true;
        }
        ImGui::SameLine(0, 24 * z);
        if (RadioItem(("No##no/" + id).c_str(), !yes) && yes) {
            Session_BeforeEdit(views.session, "", DimAt(views, ri, di).id + "/value");
            DimAt(views, ri, di).value.yes = false;
        }
        EndRadios();
        break;
    }
    }
}

// ---------------------------------------------------------------------------------------
// The left cell of a row: label, kind of value, list, and the row's actions

static void TypeCombo(Views& views, int ri, int di, float width)
{
    const Dimension& d = DimAt(views, ri, di);
    const std::string id = d.id;
    const CatalogueDimension* cat = parley::catalogue_find_dimension(d.key);
    int allowed = 0;
    for (int t = 0; t < kValueTypeCount; t++) allowed += parley::value_type_allowed(cat, (ValueType)t) ? 1 : 0;
    if (allowed < 2) return;   // nothing to choose: the catalogue keeps this one as text
    ImGui::SetNextItemWidth(width);
    const bool open = BeginNamedCombo(("##type/" + id).c_str(), TypeLabel(d.value.type), 0, "Kind of value");
    if (!open) {
        ImGui::SetItemTooltip("What kind of value this is. Changing it keeps what it can.");
        return;
    }
    for (int t = 0; t < kValueTypeCount; t++) {
        const ValueType type = (ValueType)t;
        if (!parley::value_type_allowed(cat, type)) continue;
        const bool selected = DimAt(views, ri, di).value.type == type;
        if (SelectableItem(TypeLabel(type), selected) && !selected)
            CommitValue(views, ri, di, "", parley::convert_value(views.session.doc.lists, DimAt(views, ri, di).value, type, cat));
        if (selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
}

static const char* kFreeItems = "Free items (no list)";

// One's own choice or set picks its list; a catalogue dimension's list is fixed.
static void ListCombo(Views& views, int ri, int di, float width)
{
    const Value& v = DimAt(views, ri, di).value;
    const std::string id = DimAt(views, ri, di).id;
    const bool choice = v.type == ValueType::Choice;
    const std::string preview = v.list.empty() ? kFreeItems : "List: " + parley::list_label(views.session.doc.lists, v.list);
    ImGui::SetNextItemWidth(width);
    if (!BeginNamedCombo(("##list/" + id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) return;
    std::vector<std::string> keys = parley::list_keys(views.session.doc.lists, choice);
    if (!choice) keys.insert(keys.begin(), "");
    for (const std::string& key : keys) {
        const Value& now = DimAt(views, ri, di).value;
        const bool selected = now.list == key;
        const std::string label = key.empty() ? std::string(kFreeItems) : parley::list_label(views.session.doc.lists, key) + "##" + key;
        if (SelectableItem(label.c_str(), selected) && !selected) {
            int dropped = 0;
            const Value w = parley::value_with_list(views.session.doc.lists, now, key, &dropped);
            if (CommitValue(views, ri, di, "", w) && dropped > 0)
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
static RowAction RowButtons(Views& views, int ri, int di, float right)
{
    const int count = (int)views.session.doc.regimes[ri].dimensions.size();
    const std::string id = DimAt(views, ri, di).id;
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

static RowAction DrawDimension(Views& views, int ri, int di, float width)
{
    const float z = views.zoom;
    const std::string id = DimAt(views, ri, di).id;
    const CatalogueDimension* cat = parley::catalogue_find_dimension(DimAt(views, ri, di).key);
    const float gap = 16 * z;
    const bool side_by_side = width >= 520 * z;   // else the value goes under the label
    const float label_w = side_by_side ? std::floor(std::max(190 * z, width * 0.38f)) : width;
    const float value_w = side_by_side ? width - label_w - gap : width;
    const float x0 = ImGui::GetCursorPosX();
    RowAction action = RowAction::None;

    // The label cell's first line sits level with the value's: a frame (text, choice, ...) or,
    // for numbers, the muted "Amount" / "From" labels above the fields.
    const bool value_has_labels = parley::value_type_is_numeric(DimAt(views, ri, di).value.type);
    ImGui::PushID(id.c_str());
    ImGui::BeginGroup();
    if (cat) {
        if (side_by_side && !value_has_labels) ImGui::AlignTextToFramePadding();
        ImGui::PushTextWrapPos(x0 + label_w);
        const std::string dimension = parley::dimension_label(DimAt(views, ri, di));
        ImGui::TextWrapped("%s", dimension.c_str());
        ItemHooks_Text(A11yRole::Heading, dimension.c_str(), 4);
        ImGui::PopTextWrapPos();
    } else {
        // One's own dimension: its label is all that says what it is, so it cannot be emptied.
        if (side_by_side && value_has_labels) LabelAbove("Name");
        std::string label = DimAt(views, ri, di).label;
        const bool changed = LineField(views, ("##label/" + id).c_str(), parley::text_field_key(id, "label"), &label, label_w, "Name of this dimension");
        if (!(side_by_side && value_has_labels)) ItemHooks_Describe(A11yRole::Textbox, 0, "Name of this dimension");   // no label drawn above
        if (changed) {
            if (parley::is_blank(label)) {
                SetHint(id, "A dimension of your own needs a name: the last one is kept.");
            } else {
                DimAt(views, ri, di).label = label;
                ClearHint(id);
            }
        }
    }
    TypeCombo(views, ri, di, label_w);
    const ValueType type = DimAt(views, ri, di).value.type;
    if (!cat && (type == ValueType::Choice || type == ValueType::Set)) ListCombo(views, ri, di, label_w);
    if (side_by_side) action = RowButtons(views, ri, di, x0 + label_w);
    ImGui::EndGroup();

    if (side_by_side) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(x0 + label_w + gap);
    }
    ImGui::BeginGroup();
    DrawValue(views, ri, di, value_w);
    DrawHint(id, value_w);
    ImGui::EndGroup();
    if (!side_by_side) action = RowButtons(views, ri, di, x0 + width);   // stacked: under the value

    ImGui::Dummy(ImVec2(0, 2 * z));
    CommentMarker_At(views, ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize("Rationale").x + 10 * z, ImGui::GetCursorScreenPos().y - 2 * z, id);
    // Named "Rationale"; the items list tells rows apart by the key ("Rationale##<dim id>/rationale").
    ProseField(views, "Rationale", parley::text_field_key(id, "rationale"), DimAt(views, ri, di).rationale, width,
               "Why this setting: the reasoning and the evidence behind it", 2);
    ImGui::PopID();
    return action;
}

// ---------------------------------------------------------------------------------------
// The regime's own fields

static void RoleCombo(Views& views, int ri, float width)
{
    const Regime& g = views.session.doc.regimes[ri];
    ImGui::SetNextItemWidth(width);
    if (!BeginNamedCombo(("##role/" + g.id).c_str(), Capitalised(parley::role_label(g.role)).c_str())) return;
    for (RegimeRole role : {RegimeRole::Current, RegimeRole::Proposed, RegimeRole::Alternative}) {
        const bool selected = views.session.doc.regimes[ri].role == role;
        if (SelectableItem(Capitalised(parley::role_label(role)).c_str(), selected) && !selected) {
            Session_BeforeEdit(views.session, "", views.session.doc.regimes[ri].id + "/role");
            views.session.doc.regimes[ri].role = role;
        }
        if (selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
}

static void OwnerCombo(Views& views, int ri, float width)
{
    const Regime& g = views.session.doc.regimes[ri];
    const parley::Organisation* owner = parley::find_by_id(views.session.doc.organisations, g.owner);
    const std::string preview = g.owner.empty() ? "Not stated" : owner ? parley::organisation_full_name(*owner) : g.owner;
    ImGui::SetNextItemWidth(width);
    if (!BeginNamedCombo(("##owner/" + g.id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) return;
    const bool none = views.session.doc.regimes[ri].owner.empty();
    if (SelectableItem("Not stated", none) && !none) {
        Session_BeforeEdit(views.session, "", views.session.doc.regimes[ri].id + "/owner");
        views.session.doc.regimes[ri].owner.clear();
    }
    for (size_t i = 0; i < views.session.doc.organisations.size(); i++) {
        const std::string oid = views.session.doc.organisations[i].id;
        const bool selected = views.session.doc.regimes[ri].owner == oid;
        if (SelectableItem((parley::organisation_full_name(views.session.doc.organisations[i]) + "##" + oid).c_str(), selected) && !selected && !oid.empty()) {
            Session_BeforeEdit(views.session, "", views.session.doc.regimes[ri].id + "/owner");
            views.session.doc.regimes[ri].owner = oid;
        }
        if (selected) ImGui::SetItemDefaultFocus();
    }
    if (views.session.doc.organisations.empty()) ImGui::TextDisabled("No organisations in this draft yet");
    ImGui::EndCombo();
}

static std::string RegimeName(const Regime& r)   // "ADCS counter-proposal (alternative regime)": a choice among regimes
{
    return parley::regime_name(r) + " (" + parley::role_label(r.role) + ")";
}

// The regimes that `rid` may be based on, in the draft's order: every other one whose own
// chain of "based on" does not come back to `rid` (a circle). Each chain is followed once for
// all regimes, ids looked up in a table: a draft of 10,000 regimes costs milliseconds, where
// following every chain from its start with a linear search for each step took seconds.
static std::vector<int> BaseCandidates(const Document& doc, const std::string& rid)
{
    const int n = (int)doc.regimes.size();
    std::unordered_map<std::string_view, int> index;
    index.reserve(n);
    for (int i = 0; i < n; i++) index.emplace(doc.regimes[i].id, i);   // the first of a repeated id, as find_by_id
    enum : char { Unknown, Leads, Free, Following };
    std::vector<char> state(n, Unknown);
    std::vector<int> path;
    for (int i = 0; i < n; i++) {
        path.clear();
        char result = Free;
        for (int at = i;;) {
            if (state[at] == Leads || state[at] == Free) { result = state[at]; break; }
            if (state[at] == Following) break;   // a circle already in the file, not through `rid`
            path.push_back(at);
            if (doc.regimes[at].id == rid) { result = Leads; break; }
            state[at] = Following;
            const auto next = index.find(doc.regimes[at].based_on);
            if (doc.regimes[at].based_on.empty() || next == index.end()) break;
            at = next->second;
        }
        for (int p : path) state[p] = result;
    }
    std::vector<int> out;
    for (int i = 0; i < n; i++)
        if (!doc.regimes[i].id.empty() && state[i] == Free) out.push_back(i);
    return out;
}

static std::string LowerAscii(std::string s)
{
    for (char& c : s) c = (char)std::tolower((unsigned char)c);
    return s;
}

static LazyList g_dimension_rows;   // the heights of every regime's dimension rows, by the dimension's id
static std::string g_base_filter;   // what was typed in the open "Based on" list (one list is open at a time)

static void BasedOnCombo(Views& views, int ri, float width)
{
    const Regime& g = views.session.doc.regimes[ri];
    const Regime* base = g.based_on.empty() ? nullptr : parley::find_by_id(views.session.doc.regimes, g.based_on);
    const std::string preview = g.based_on.empty() ? "Nothing" : base ? RegimeName(*base) : g.based_on;
    ImGui::SetNextItemWidth(width);
    if (!BeginNamedCombo(("##based_on/" + g.id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) return;
    const std::string rid = g.id;
    const bool appearing = ImGui::IsWindowAppearing();
    std::vector<int> candidates = BaseCandidates(views.session.doc, rid);
    // A long list can be narrowed by typing: the box takes the keyboard when the list opens.
    const bool searchable = candidates.size() > 12;
    if (appearing) g_base_filter.clear();
    if (searchable) {
        if (appearing) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint("##find_base", "Type to find a regime", &g_base_filter);
        ItemHooks_DescribeValue(g_base_filter.data(), g_base_filter.size(), "Type to find a regime");
        if (!parley::is_blank(g_base_filter)) {
            const std::string needle = LowerAscii(g_base_filter);
            std::vector<int> found;
            for (int i : candidates)
                if (LowerAscii(RegimeName(views.session.doc.regimes[i])).find(needle) != std::string::npos) found.push_back(i);
            candidates.swap(found);
        }
    }
    const bool none = g.based_on.empty();
    if (SelectableItem("Nothing", none) && !none) {
        Session_BeforeEdit(views.session, "", views.session.doc.regimes[ri].id + "/based_on");
        views.session.doc.regimes[ri].based_on.clear();
    }
    // Only the rows in view are laid out; the chosen one is brought into view as the list opens.
    int selected_row = -1;
    for (int row = 0; row < (int)candidates.size() && appearing; row++)
        if (views.session.doc.regimes[candidates[row]].id == g.based_on) selected_row = row;
    ImGuiListClipper clipper;
    clipper.Begin((int)candidates.size());
    if (selected_row >= 0) clipper.IncludeItemByIndex(selected_row);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; row++) {
            const Regime& other = views.session.doc.regimes[candidates[row]];
            const std::string oid = other.id;
            const bool selected = views.session.doc.regimes[ri].based_on == oid;
            if (SelectableItem((RegimeName(other) + "##" + oid).c_str(), selected) && !selected) {
                Session_BeforeEdit(views.session, "", views.session.doc.regimes[ri].id + "/based_on");
                views.session.doc.regimes[ri].based_on = oid;
            }
            if (selected && appearing) {
                if (!searchable) ImGui::SetItemDefaultFocus();
                ImGui::SetScrollHereY(0.5f);
            }
        }
    }
    if (candidates.empty())
        ImGui::TextDisabled(searchable && !parley::is_blank(g_base_filter) ? "No regime has these words in its name" : "No other regime to build on");
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

static void AddDimension(Views& views, int ri, Dimension d)
{
    if (parley::value_problem(views.session.doc.lists, d.key, d.value)) return;   // cannot happen with the choices offered
    Session_BeforeEdit(views.session, "", views.session.doc.regimes[ri].id + "/dimensions");
    views.session.doc.regimes[ri].dimensions.push_back(std::move(d));
}

static void AddCatalogueDimension(Views& views, int ri, const CatalogueDimension& cat)
{
    Dimension d;
    d.id = views.session.ids.next("dim");
    d.key = cat.key;
    d.value = parley::new_value(views.session.doc.lists, cat.type, cat.unit, cat.list);
    AddDimension(views, ri, std::move(d));
}

static bool OwnFormReady()
{
    return !parley::is_blank(g_own.label) && (g_own.type != ValueType::Choice || !g_own.list.empty());
}

static void AddOwnDimension(Views& views, int ri)
{
    Dimension d;
    d.id = views.session.ids.next("dim");
    d.label = parley::trimmed(g_own.label);
    d.key = parley::unique_key(views.session.doc.regimes[ri], parley::key_from_label(d.label));
    d.value = parley::new_value(views.session.doc.lists, g_own.type, "", g_own.type == ValueType::Choice || g_own.type == ValueType::Set ? g_own.list : "");
    AddDimension(views, ri, std::move(d));
}

static void DrawOwnForm(Views& views, int ri, float width)
{
    LabelAbove("Name of your dimension");
    if (g_own.focus) {
        ImGui::SetKeyboardFocusHere();
        g_own.focus = false;
    }
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextWithHint("##own_label", "e.g. Time given to respond to findings", &g_own.label);
    ItemHooks_DescribeValue(g_own.label.data(), g_own.label.size(), "e.g. Time given to respond to findings");
    const bool enter = ImGui::IsItemDeactivated() && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false));

    // The catalogue may already have it: then rows line up with other people's regimes.
    int n = 0;
    const CatalogueDimension* dims = parley::catalogue_dimensions(&n);
    for (int i = 0; i < n; i++)
        if (parley::same_words(dims[i].label, g_own.label)) {
            const std::string note = parley::regime_has_key(views.session.doc.regimes[ri], dims[i].key)
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
            if (SelectableItem(TypeLabel(type), g_own.type == type) && g_own.type != type) {
                g_own.type = type;
                // A choice needs a list; a set starts with free items.
                g_own.list = type == ValueType::Choice ? parley::list_keys(views.session.doc.lists, true).front() : "";
            }
        }
        ImGui::EndCombo();
    }
    if (g_own.type == ValueType::Choice || g_own.type == ValueType::Set) {
        LabelAbove(g_own.type == ValueType::Choice ? "Options from the list" : "Items");
        ImGui::SetNextItemWidth(width);
        const std::string preview = g_own.list.empty() ? kFreeItems : parley::list_label(views.session.doc.lists, g_own.list);
        if (BeginNamedCombo("##own_list", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
            std::vector<std::string> keys = parley::list_keys(views.session.doc.lists, g_own.type == ValueType::Choice);
            if (g_own.type == ValueType::Set) keys.insert(keys.begin(), "");
            for (const std::string& key : keys) {
                const std::string label = key.empty() ? std::string(kFreeItems) : parley::list_label(views.session.doc.lists, key) + "##" + key;
                if (SelectableItem(label.c_str(), g_own.list == key)) g_own.list = key;
            }
            ImGui::EndCombo();
        }
    }

    ImGui::Dummy(ImVec2(0, 2 * views.zoom));
    const bool ready = OwnFormReady();
    ImGui::BeginDisabled(!ready);
    const bool add = PlainButton("Add this dimension");
    ImGui::EndDisabled();
    if (!ready) ItemTooltip("Add this dimension: type its name first", ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::SameLine();
    if (PlainButton("Back to the catalogue")) g_own.open = false;
    if (!ready) MutedText("Type a name to add it.");
    if ((add || enter) && ready) {
        AddOwnDimension(views, ri);
        g_own = OwnDimensionForm{};
        ImGui::CloseCurrentPopup();
    }
}

static void DrawAddDimension(Views& views, int ri)
{
    const float z = views.zoom;
    const ImGuiStyle& style = ImGui::GetStyle();
    if (PlainButton(("Add a dimension##" + views.session.doc.regimes[ri].id).c_str())) {
        g_own = OwnDimensionForm{};
        ImGui::OpenPopup("add_dimension");
    }
    const ImVec2 work = ImGui::GetMainViewport()->WorkSize;
    const float popup_w = std::floor(std::min(440 * z, work.x - 32 * z));
    ImGui::SetNextWindowSizeConstraints(ImVec2(popup_w, 0), ImVec2(popup_w, std::max(200 * z, work.y * 0.75f)));
    if (!ImGui::BeginPopup("add_dimension")) return;
    const float inner = popup_w - style.WindowPadding.x * 2;
    if (g_own.open) {
        DrawOwnForm(views, ri, inner);
        ImGui::EndPopup();
        return;
    }
    LabelAbove("From the catalogue");
    int n = 0, offered = 0;
    const CatalogueDimension* dims = parley::catalogue_dimensions(&n);
    for (int i = 0; i < n; i++) {
        if (parley::regime_has_key(views.session.doc.regimes[ri], dims[i].key)) continue;   // each key once per regime
        offered++;
        if (SelectableItem((std::string(dims[i].label) + "##cat/" + dims[i].key).c_str())) {
            AddCatalogueDimension(views, ri, dims[i]);
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
    if (SelectableItem("Your own dimension...", false, ImGuiSelectableFlags_DontClosePopups)) {
        g_own.open = true;
        g_own.focus = true;
    }
    ImGui::EndPopup();
}

// ---------------------------------------------------------------------------------------

bool RegimeEditor_Draw(Views& views, int regime_index, float width)
{
    const int ri = regime_index;
    if (ri < 0 || ri >= (int)views.session.doc.regimes.size()) return false;
    const float z = views.zoom;
    const float x0 = ImGui::GetCursorPosX();
    const std::string rid = views.session.doc.regimes[ri].id;
    ImGui::PushID(rid.c_str());

    // The name as a heading, and the way to remove the regime at its right.
    const std::string remove_label = "Remove this regime##" + rid;   // "##id": several regimes share the page
    const float remove_w = ImGui::CalcTextSize(remove_label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    ImGui::PushTextWrapPos(x0 + std::max(width * 0.5f, width - remove_w - 16 * z));
    const std::string regime_name = parley::regime_name(views.session.doc.regimes[ri]);
    ImGui::TextWrapped("%s", regime_name.c_str());
    ItemHooks_Text(A11yRole::Heading, regime_name.c_str(), 3);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosX(x0 + width - remove_w - CommentMarker_Width(z) - ImGui::GetStyle().ItemSpacing.x);
    CommentMarker(views, rid);
    ImGui::SameLine();
    const bool remove_regime = QuietButton(remove_label.c_str());

    LabelAbove("Name");
    FocusIfAdded(views, rid);
    LineField(views, ("##name/" + rid).c_str(), parley::text_field_key(rid, "name"), &views.session.doc.regimes[ri].name, width,
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
        RoleCombo(views, ri, col_w);
        NextField(x, offsets[1]);
        OwnerCombo(views, ri, col_w);
        NextField(x, offsets[2]);
        BasedOnCombo(views, ri, col_w);
    } else {
        LabelAbove("Role");
        RoleCombo(views, ri, col_w);
        LabelAbove("Put forward by");
        OwnerCombo(views, ri, col_w);
        LabelAbove("Based on");
        BasedOnCombo(views, ri, col_w);
    }
    ImGui::Dummy(ImVec2(0, 2 * z));
    ProseField(views, "Summary", parley::text_field_key(rid, "summary"), views.session.doc.regimes[ri].summary, width,
               "What this regime is and what it changes, in a few sentences", 3);

    // The dimensions, one row each.
    ImGui::Dummy(ImVec2(0, 6 * z));
    const int count = (int)views.session.doc.regimes[ri].dimensions.size();
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
    // Rows out of view stand in by their height (lazy_blocks.h): a regime may have thousands.
    LazyList_Prepare(g_dimension_rows, views.session.generation);
    for (int di = 0; di < (int)views.session.doc.regimes[ri].dimensions.size(); di++) {
        if (!LazyBlock_Begin(g_dimension_rows, views.session.doc.regimes[ri].dimensions[di].id, width)) continue;
        ImGui::Dummy(ImVec2(0, 4 * z));
        const RowAction a = DrawDimension(views, ri, di, width);
        if (a != RowAction::None) {
            action = a;
            action_index = di;
        }
        ImGui::Dummy(ImVec2(0, 4 * z));
        Rule(width);
        LazyBlock_End(g_dimension_rows);
    }

    // Rows move and go after the loop, so no row is drawn from a vector that changed under it.
    std::vector<Dimension>& dims = views.session.doc.regimes[ri].dimensions;
    if (action_index >= 0 && action_index < (int)dims.size()) {
        const int delta = action == RowAction::MoveUp ? -1 : 1;
        if (action == RowAction::Remove) {
            const std::string did = dims[action_index].id;
            const std::string label = parley::dimension_label(dims[action_index]);
            Session_BeforeEdit(views.session, "", parley::remove_dimension_scope(views.session.doc, did));
            parley::remove_dimension(views.session.doc, did);
            ClearHint(did);
            views.status_message = "Removed \"" + label + "\". Edit > Undo brings it back.";
        } else if (action_index + delta >= 0 && action_index + delta < (int)dims.size()) {
            Session_BeforeEdit(views.session, "", views.session.doc.regimes[ri].id + "/dimensions");
            parley::move_item(views.session.doc.regimes[ri].dimensions, action_index, delta);
        }
    }

    ImGui::Dummy(ImVec2(0, 4 * z));
    DrawAddDimension(views, ri);
    ImGui::PopID();

    if (remove_regime) {
        const std::string name = parley::regime_name(views.session.doc.regimes[ri]);
        Session_BeforeEdit(views.session, "", parley::remove_regime_scope(views.session.doc, rid));
        parley::remove_regime(views.session.doc, rid);
        views.status_message = "Removed \"" + name + "\". Edit > Undo brings it back.";
        return false;
    }
    return true;
}
