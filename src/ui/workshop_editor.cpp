// Index of this file
//   Criteria
//   Columns
//   Participants
//   Scores
//   Results

#include "workshop_editor.h"
#include "a11y_table.h"
#include "item_hooks.h"

#include "comment_marker.h"

#include "views.h"
#include "core/edit.h"
#include "core/text_fields.h"
#include "core/workshop.h"
#include "fonts.h"
#include "prose_field.h"
#include "theme.h"
#include "widgets.h"
#include "workshop_results.h"
#include "imgui.h"
#include "imgui_internal.h"   // the item hooks' macro, for the score buttons' checked state

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using parley::Criterion;
using parley::Document;
using parley::Participant;

// The participant whose scores the grid shows. Not part of the document: a view setting, like
// the question filter, that falls back to the first participant when it names nobody.
static std::string g_scorer;

// "Ruth Callender" from "Ruth Callender, Director of Children's Services": names in a workshop
// often carry a role after a comma, too long for a button.
static std::string ShortName(const Participant& p, int index)
{
    if (p.name.empty()) return "Participant " + std::to_string(index + 1);
    const size_t comma = p.name.find(',');
    return comma == std::string::npos || comma < 3 ? p.name : p.name.substr(0, comma);
}

// Cells of the current columns and criteria this participant has scored.
static int ScoredCells(const Document& doc, const std::string& participant, const std::vector<std::string>& columns)
{
    int n = 0;
    for (const parley::Score& s : doc.workshop.scores)
        if (s.participant == participant && std::find(columns.begin(), columns.end(), s.regime) != columns.end())
            for (const Criterion& k : doc.workshop.criteria)
                if (k.id == s.criterion) { n++; break; }
    return n;
}

// Quiet buttons' widths, to line actions up at the right edge of the column.
static float QuietButtonsWidth(std::initializer_list<const char*> labels)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    float w = 0;
    for (const char* l : labels) w += ImGui::CalcTextSize(l, nullptr, true).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    return w - style.ItemSpacing.x;
}

// ---------------------------------------------------------------------------------------
// Criteria

static void DrawCriteria(Views& views, float column)
{
    const float z = views.zoom;
    Document& doc = views.session.doc;
    SectionHeading(views, "Criteria", "criteria");
    MutedText("What each regime is judged on, one row each. The weight says how much a criterion counts: weight 3 counts three "
              "times as much as weight 1, and 0 leaves it out of the totals.");
    ImGui::Dummy(ImVec2(0, 2 * z));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float actions_w = QuietButtonsWidth({"Move up", "Move down", "Remove"});
    const float weight_w = 120 * z;
    const float weight_label_w = ImGui::CalcTextSize("Weight").x;
    const float label_w = column - actions_w - weight_w - weight_label_w - style.ItemSpacing.x * 3;
    double total_weight = 0;
    for (const Criterion& k : doc.workshop.criteria) total_weight += k.weight;

    enum { None, Up, Down, Remove } action = None;
    std::string action_id;
    for (size_t i = 0; i < doc.workshop.criteria.size(); i++) {
        Criterion& k = doc.workshop.criteria[i];
        ImGui::PushID(k.id.c_str());
        ScrollHereIfAsked(views, k.id);
        LineField(views, ("##label/" + k.id).c_str(), parley::text_field_key(k.id, "label"), &k.label, label_w, "Name of the criterion");
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        LabelAbove("Weight");
        ImGui::SameLine();
        double weight = k.weight;
        ImGui::SetNextItemWidth(weight_w);
        if (ImGui::InputDouble(("##weight/" + k.id).c_str(), &weight, 0.5, 1.0, "%.10g") && std::isfinite(weight) && weight != k.weight) {
            Session_BeforeEdit(views.session, (k.id + "/weight").c_str());
            parley::set_weight(doc, k.id, weight);   // clamped: the file takes no weight below 0
        }
        if (ImGui::IsItemDeactivated()) Session_EndGroup(views.session);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal) && total_weight > 0)
            ImGui::SetTooltip("%s of the total weight", (parley::score_text(100 * k.weight / total_weight, 0) + "%").c_str());
        ImGui::SameLine(column - actions_w);
        if (QuietButton(("Move up##criterion/" + k.id).c_str())) { action = Up; action_id = k.id; }
        ImGui::SameLine();
        if (QuietButton(("Move down##criterion/" + k.id).c_str())) { action = Down; action_id = k.id; }
        ImGui::SameLine();
        if (QuietButton(("Remove##criterion/" + k.id).c_str())) { action = Remove; action_id = k.id; }
        ItemTooltip("Remove this criterion and every score given on it (Undo brings them back)");
        CommentMarker_At(views, ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize("Description").x + 10 * z, ImGui::GetCursorScreenPos().y - 2 * z, k.id);
        ProseField(views, "Description", parley::text_field_key(k.id, "description"), k.description, column,
                   "What this criterion asks of a regime (optional)", 1);
        ImGui::Dummy(ImVec2(0, 4 * z));
        ImGui::PopID();
    }
    if (action != None) {
        Session_BeforeEdit(views.session, "", action == Remove ? parley::remove_criterion_scope(doc, action_id) : "document/workshop");
        std::vector<Criterion>& list = doc.workshop.criteria;
        const int at = (int)(std::find_if(list.begin(), list.end(), [&](const Criterion& k) { return k.id == action_id; }) - list.begin());
        if (action == Remove) parley::remove_criterion(doc, action_id);
        else parley::move_item(list, at, action == Up ? -1 : +1);
    }

    const int missing = parley::missing_default_criteria(doc);
    if (missing > 0) {
        const std::string label = missing == 6 ? "Add the six usual criteria" : "Add the usual criteria not here yet (" + std::to_string(missing) + ")";
        if (PlainButton((label + "###defaults").c_str())) {
            Session_BeforeEdit(views.session, "", "document/workshop");
            parley::add_default_criteria(doc, views.session.ids);
        }
        ItemTooltip("Burden on frontline staff, proportionality, clarity, focus on the child, multi-agency reach and support for "
                    "improvement, each with a description and weight 1: change them as the workshop agrees");
        ImGui::SameLine();
    }
    if (PlainButton("Add a criterion")) {
        Session_BeforeEdit(views.session, "", "document/workshop");
        Criterion k;
        k.id = views.session.ids.next("crit");
        k.weight = 1;
        doc.workshop.criteria.push_back(std::move(k));
    }
}

// ---------------------------------------------------------------------------------------
// Columns: which regimes are compared, in what order

static void DrawColumns(Views& views, float column)
{
    Document& doc = views.session.doc;
    SectionHeading(views, "Regimes compared", "columns");
    if (doc.regimes.empty()) {
        MutedText("Add the regimes to compare under Regimes above: the current arrangements, the proposal, any alternatives. "
                  "Each becomes a column to score.");
        return;
    }
    MutedText("The ticked regimes are the columns of the scores and the results, left to right in this order.");
    const std::vector<std::string> columns = parley::workshop_columns(doc);
    std::vector<std::string> list = columns;   // the columns in order, then the regimes left out
    for (const parley::Regime& r : doc.regimes)
        if (std::find(list.begin(), list.end(), r.id) == list.end()) list.push_back(r.id);

    const float actions_w = QuietButtonsWidth({"Move up", "Move down"});
    std::string toggle_id, move_id;
    bool toggle_to = false;
    int move_delta = 0;
    for (size_t i = 0; i < list.size(); i++) {
        const std::string& id = list[i];
        const bool in = i < columns.size();
        ImGui::PushID(id.c_str());
        bool ticked = in;
        ImGui::BeginDisabled(in && columns.size() == 1);   // one column at least: none would mean every regime
        if (PlainCheckbox((parley::regime_name(doc, id) + "##column/" + id).c_str(), &ticked)) { toggle_id = id; toggle_to = ticked; }
        ImGui::EndDisabled();
        if (in && columns.size() == 1) ItemTooltip("The workshop compares one regime at least: tick another before this one goes", ImGuiHoveredFlags_AllowWhenDisabled);
        if (in && columns.size() > 1) {
            ImGui::SameLine(column - actions_w);
            ImGui::BeginDisabled(i == 0);
            if (QuietButton(("Move up##column/" + id).c_str())) { move_id = id; move_delta = -1; }
            ImGui::EndDisabled();
            ImGui::SameLine();
            ImGui::BeginDisabled(i + 1 == columns.size());
            if (QuietButton(("Move down##column/" + id).c_str())) { move_id = id; move_delta = +1; }
            ImGui::EndDisabled();
        }
        ImGui::PopID();
    }
    if (!toggle_id.empty()) {
        Session_BeforeEdit(views.session, "", "document/workshop");
        parley::set_column(doc, toggle_id, toggle_to);
    }
    if (!move_id.empty()) {
        Session_BeforeEdit(views.session, "", "document/workshop");
        parley::move_column(doc, move_id, move_delta);
    }
}

// ---------------------------------------------------------------------------------------
// Participants

static void DrawParticipants(Views& views, float column)
{
    const float z = views.zoom;
    Document& doc = views.session.doc;
    SectionHeading(views, "Participants", "participants");
    MutedText("Everyone who scores: a person, or an organisation scoring as one.");
    ImGui::Dummy(ImVec2(0, 2 * z));
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::vector<std::string> columns = parley::workshop_columns(doc);
    const int cells = (int)(columns.size() * doc.workshop.criteria.size());
    const float remove_w = QuietButtonsWidth({"Remove"});
    const float name_w = column * 0.44f, org_w = column * 0.27f;
    if (!doc.workshop.participants.empty()) {
        LabelAbove("Name");
        ImGui::SameLine(name_w + style.ItemSpacing.x);
        LabelAbove("Organisation");
    }
    std::string remove_id;
    for (size_t i = 0; i < doc.workshop.participants.size(); i++) {
        Participant& p = doc.workshop.participants[i];
        ImGui::PushID(p.id.c_str());
        LineField(views, ("##participant/" + p.id).c_str(), parley::text_field_key(p.id, "name"), &p.name, name_w,
                  "e.g. Director of children's services, a shire county");
        ImGui::SameLine();
        const parley::Organisation* org = nullptr;
        for (const parley::Organisation& o : doc.organisations)
            if (o.id == p.organisation) org = &o;
        const std::string preview = !org ? "No organisation" : org->short_name.empty() ? org->name : org->short_name;
        ImGui::SetNextItemWidth(org_w);
        ImGui::BeginDisabled(doc.organisations.empty());
        if (BeginNamedCombo(("##organisation/" + p.id).c_str(), preview.c_str())) {
            if (SelectableItem("No organisation", !org) && org) {
                Session_BeforeEdit(views.session, "", p.id + "/organisation");
                p.organisation.clear();
            }
            for (const parley::Organisation& o : doc.organisations) {
                const std::string label = (o.name.empty() ? o.short_name : o.name) + "##" + o.id;
                if (SelectableItem(label.c_str(), org == &o) && org != &o) {
                    Session_BeforeEdit(views.session, "", p.id + "/organisation");
                    p.organisation = o.id;
                }
            }
            ImGui::EndCombo();
        }
        ImGui::EndDisabled();
        if (doc.organisations.empty()) ItemTooltip("Add the organisations taking part under Organisations above", ImGuiHoveredFlags_AllowWhenDisabled);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        char progress[48];
        snprintf(progress, sizeof(progress), "%d of %d scored", ScoredCells(doc, p.id, columns), cells);
        LabelAbove(progress);
        ImGui::SameLine(column - remove_w);
        if (QuietButton(("Remove##participant/" + p.id).c_str())) remove_id = p.id;
        ItemTooltip(("Remove " + (p.name.empty() ? std::string("this participant") : p.name) + " and their scores (Undo brings them back)").c_str());
        ImGui::PopID();
    }
    if (!remove_id.empty()) {
        Session_BeforeEdit(views.session, "", parley::remove_participant_scope(doc, remove_id));
        parley::remove_participant(doc, remove_id);
    }
    if (PlainButton("Add a participant")) {
        Session_BeforeEdit(views.session, "", "document/workshop");
        g_scorer = parley::add_participant(doc, views.session.ids, "").id;   // the grid turns to them: they are about to score
    }
}

// ---------------------------------------------------------------------------------------
// Scores: one participant at a time, a row of 0..5 buttons per cell

struct ScoreAction {
    std::string regime, criterion;
    double score = -1;   // -1: clear
    bool   any = false;
};

// The buttons 0..5 of one cell. A click on the chosen score clears it; a digit typed while the
// cell is pointed at or has the keyboard focus sets it (Backspace or Delete clears).
static void ScoreCell(Views& views, const std::string& participant, const std::string& regime, const Criterion& k,
                      ImVec2 pos, float button, float gap, ImVec2 cell_min, ImVec2 cell_max, ScoreAction* action)
{
    const ThemeColors& c = Theme_Colors();
    const parley::Score* s = parley::find_score(views.session.doc, participant, regime, k.id);
    const std::string cell = participant + "/" + regime + "/" + k.id;
    const std::string popup = "note/" + cell;
    bool focused = false;
    // One Tab stop a cell (a radio group's): the score given, or 0 while none (or a half) is;
    // the arrows move along the cell, a digit gives that score.
    const bool whole = s && s->score == std::floor(s->score);
    for (int v = 0; v <= 5; v++) {
        const bool full = s && std::fabs(s->score - v) < 1e-9;
        const bool tab_stop = full || (!whole && v == 0);
        if (!tab_stop) ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop | ImGuiItemFlags_NoNavDefaultFocus, true);   // nor where the keyboard lands first
        const bool half = s && !full && s->score != std::floor(s->score) && (v == (int)std::floor(s->score) || v == (int)std::ceil(s->score));
        ImGui::SetCursorScreenPos(ImVec2(pos.x + v * (button + gap), pos.y));
        ImGui::PushStyleColor(ImGuiCol_Button, full ? c.accent : half ? (c.accent & ~IM_COL32_A_MASK) | (90u << IM_COL32_A_SHIFT) : c.paper);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, full ? c.accent : ImGui::GetColorU32(ImGuiCol_ButtonHovered));
        ImGui::PushStyleColor(ImGuiCol_Text, full ? c.paper : c.text);
        const std::string label = std::to_string(v) + "##score/" + cell;
        if (PlainButton(label.c_str(), ImVec2(button, button))) {
            action->any = true;
            action->regime = regime;
            action->criterion = k.id;
            action->score = full ? -1 : v;   // the chosen score again: take it back
        }
        ImGui::PopStyleColor(3);
        if (!tab_stop) ImGui::PopItemFlag();
        {   // reported as a checkable item, checked when it is the score given: tests and screen readers see the choice
            ImGuiContext& g = *GImGui;
            IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, label.c_str(), ImGuiItemStatusFlags_Checkable | (full ? ImGuiItemStatusFlags_Checked : 0));
        }
        ItemHooks_Describe(A11yRole::Radio, full ? A11yState_Checked : 0);
        focused |= ImGui::IsItemFocused();
        if (ImGui::IsItemClicked(ImGuiMouseButton_Right) && s) ImGui::OpenPopup(popup.c_str());
    }
    const bool hovered = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(cell_min, cell_max);
    if ((hovered || focused) && !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        for (int v = 0; v <= 5; v++)
            if (ImGui::IsKeyPressed((ImGuiKey)(ImGuiKey_0 + v), false) || ImGui::IsKeyPressed((ImGuiKey)(ImGuiKey_Keypad0 + v), false)) {
                action->any = true;
                action->regime = regime;
                action->criterion = k.id;
                action->score = v;
            }
        if (s && (ImGui::IsKeyPressed(ImGuiKey_Backspace, false) || ImGui::IsKeyPressed(ImGuiKey_Delete, false))) {
            action->any = true;
            action->regime = regime;
            action->criterion = k.id;
            action->score = -1;
        }
    }
    // A note: a dot in the corner, the text on hover; right-click a scored cell to write one.
    if (s && !s->note.empty())
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + 6 * (button + gap) - gap + 4 * views.zoom, pos.y + 2 * views.zoom), 3 * views.zoom, c.accent);
    if (hovered && s && !s->note.empty() && !ImGui::IsPopupOpen(popup.c_str())) ImGui::SetTooltip("Note: %s", s->note.c_str());
    if (ImGui::BeginPopup(popup.c_str())) {
        std::vector<parley::Score>& scores = views.session.doc.workshop.scores;
        auto it = std::find_if(scores.begin(), scores.end(), [&](const parley::Score& x) {
            return x.participant == participant && x.regime == regime && x.criterion == k.id;
        });
        if (it == scores.end()) ImGui::CloseCurrentPopup();   // the score went (undo): nothing to note
        else {
            LabelAbove(("Note on " + (k.label.empty() ? std::string("this criterion") : k.label)).c_str());
            if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
            LineField(views, ("##note/" + cell).c_str(), cell + "/note", &it->note, 360 * views.zoom, "Why this score (optional)");
            if (ImGui::IsKeyPressed(ImGuiKey_Enter, false)) ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

static void ScoreGrid(Views& views, const std::string& participant, const std::vector<std::string>& columns, float column)
{
    const float z = views.zoom;
    const Document& doc = views.session.doc;
    const ThemeColors& c = Theme_Colors();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button = std::round(26 * z), gap = std::round(3 * z);
    const float segment = 6 * button + 5 * gap;
    const int n = (int)columns.size();
    const float cell_min = segment + 16 * z;
    // The criteria's column gives way first (down to 150), so three regimes fit a 760 page.
    const float label_w = std::clamp(column - n * cell_min, 150 * z, 240 * z);
    const float cell_w = std::max((column - label_w) / n, cell_min);
    const float content_w = label_w + cell_w * n;
    const bool scroll = content_w > column + 0.5f;   // many regimes: the grid scrolls sideways, the buttons keep their size
    const float line_h = ImGui::GetTextLineHeight();
    const float head_h = 2 * line_h * 1.15f + 10 * z;
    const float row_h = button + 16 * z;
    const float height = head_h + row_h * doc.workshop.criteria.size() + (scroll ? style.ScrollbarSize : 0) + 2;

    // Flattened: Tab goes through the score buttons as through the page (a child window is
    // otherwise one stop that Tab passes over).
    ImGui::BeginChild("##score-grid", ImVec2(column, height), ImGuiChildFlags_None, ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NavFlattened);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    // For a screen reader a table: criteria down, regimes across, each cell a group of six
    // radio buttons read with its criterion and regime.
    A11yTable marks;
    A11yTable_Begin(marks, "Scores");
    A11yTable_Row(marks, "head");
    A11yTable_Cell(marks, A11yRole::ColumnHeader);
    ItemHooks_TextAt(A11yRole::Text, "Criterion", o.x, o.y, label_w, head_h);
    for (int col = 0; col < n; col++) {   // regime names over their columns, up to two lines
        const float x = o.x + label_w + col * cell_w + (cell_w - segment) * 0.5f;
        A11yTable_Cell(marks, A11yRole::ColumnHeader);
        ItemHooks_TextAt(A11yRole::Text, parley::regime_name(doc, columns[col]).c_str(), x, o.y, segment, head_h);
        const std::vector<std::string> lines = Workshop_WrapLines(Fonts_Get(Font_Body), parley::regime_name(doc, columns[col]), segment + 8 * z, 2);
        float y = o.y + head_h - 10 * z - lines.size() * line_h * 1.15f;
        for (const std::string& line : lines) {
            dl->AddText(ImVec2(x, y), c.text, line.c_str());
            y += line_h * 1.15f;
        }
        if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(ImVec2(x, o.y), ImVec2(x + segment, o.y + head_h)))
            ImGui::SetTooltip("%s", parley::regime_name(doc, columns[col]).c_str());
    }
    dl->AddLine(ImVec2(o.x, o.y + head_h - 1), ImVec2(o.x + content_w, o.y + head_h - 1), c.border);

    ScoreAction action;
    for (size_t row = 0; row < doc.workshop.criteria.size(); row++) {
        const Criterion& k = doc.workshop.criteria[row];
        const float y = o.y + head_h + row * row_h;
        const std::string weight = "\xC3\x97" + parley::score_text(k.weight, k.weight == std::floor(k.weight) ? 0 : 1);
        const float weight_w = ImGui::CalcTextSize(weight.c_str()).x;
        const std::string label = FitText(k.label.empty() ? "Untitled criterion" : k.label, label_w - weight_w - 24 * z);
        dl->AddText(ImVec2(o.x, y + (row_h - line_h) * 0.5f), c.text, label.c_str());
        dl->AddText(ImVec2(o.x + label_w - weight_w - 12 * z, y + (row_h - line_h) * 0.5f), c.text_muted, weight.c_str());
        A11yTable_Row(marks, k.id.c_str());
        A11yTable_Cell(marks, A11yRole::RowHeader);
        const std::string said = (k.label.empty() ? std::string("Untitled criterion") : k.label) + ", weight " + parley::score_text(k.weight, 2);
        ItemHooks_TextAt(A11yRole::Text, said.c_str(), o.x, y, label_w, row_h);
        if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(ImVec2(o.x, y), ImVec2(o.x + label_w, y + row_h)))
            ImGui::SetTooltip("%s (weight %s)%s%s", k.label.c_str(), parley::score_text(k.weight, 2).c_str(), k.description.empty() ? "" : "\n",
                              k.description.c_str());
        for (int col = 0; col < n; col++) {
            const ImVec2 cell_min(o.x + label_w + col * cell_w, y), cell_max(cell_min.x + cell_w, y + row_h);
            ImGui::PushID(col);
            A11yTable_Cell(marks);
            ItemHooks_BeginGroup(A11yRole::RadioGroup, "Score", ("score/" + k.id).c_str());
            ScoreCell(views, participant, columns[col], k, ImVec2(cell_min.x + (cell_w - segment) * 0.5f, y + (row_h - button) * 0.5f), button, gap,
                      cell_min, cell_max, &action);
            ItemHooks_EndGroup();
            ImGui::PopID();
        }
        dl->AddLine(ImVec2(o.x, y + row_h - 1), ImVec2(o.x + content_w, y + row_h - 1), c.border);
    }
    A11yTable_End(marks);
    ImGui::SetCursorScreenPos(o);
    ImGui::Dummy(ImVec2(content_w, head_h + row_h * doc.workshop.criteria.size()));
    ImGui::EndChild();

    if (action.any) {
        Session_BeforeEdit(views.session, "", "document/workshop");
        if (action.score < 0) parley::clear_score(views.session.doc, participant, action.regime, action.criterion);
        else parley::set_score(views.session.doc, participant, action.regime, action.criterion, action.score);
    }
}

static void DrawScores(Views& views, float column)
{
    const float z = views.zoom;
    Document& doc = views.session.doc;
    SectionHeading(views, "Scores", "scores");
    const std::vector<std::string> columns = parley::workshop_columns(doc);
    if (columns.empty() || doc.workshop.criteria.empty() || doc.workshop.participants.empty()) {
        std::string missing;
        if (columns.empty()) missing = "regimes to compare";
        if (doc.workshop.criteria.empty()) missing += std::string(missing.empty() ? "" : ", ") + "criteria";
        if (doc.workshop.participants.empty()) missing += std::string(missing.empty() ? "" : " and ") + "participants";
        MutedText(("Scoring starts once the workshop has " + missing + ".").c_str());
        return;
    }
    const std::vector<Participant>& people = doc.workshop.participants;
    if (!parley::find_by_id(doc.workshop.participants, g_scorer)) g_scorer = people[0].id;

    // The participant whose scores are shown: one button each, wrapping to the column.
    LabelAbove("Scoring for");
    const ThemeColors& c = Theme_Colors();
    const float start_x = ImGui::GetCursorPosX();
    for (size_t i = 0; i < people.size(); i++) {
        const bool chosen = people[i].id == g_scorer;
        const std::string label = FitText(ShortName(people[i], (int)i), 260 * z) + "##scorer/" + people[i].id;
        const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
        if (i > 0) {
            ImGui::SameLine(0, 6 * z);
            if (ImGui::GetCursorPosX() + w > start_x + column) ImGui::NewLine();
        }
        ImGui::PushStyleColor(ImGuiCol_Button, chosen ? c.accent : c.paper);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, chosen ? c.accent : ImGui::GetColorU32(ImGuiCol_ButtonHovered));
        ImGui::PushStyleColor(ImGuiCol_Text, chosen ? c.paper : c.text);
        if (PlainButton(label.c_str())) g_scorer = people[i].id;
        ImGui::PopStyleColor(3);
        ImGuiContext& g = *GImGui;
        IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, label.c_str(), ImGuiItemStatusFlags_Checkable | (chosen ? ImGuiItemStatusFlags_Checked : 0));
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal) && !people[i].name.empty()) ImGui::SetTooltip("%s", people[i].name.c_str());
    }
    ImGui::Dummy(ImVec2(0, 2 * z));
    MutedText("Click a score from 0 (very poor) to 5 (very good); click it again to take it back. Or point at a cell and type "
              "a digit from 0 to 5. Right-click a scored cell to note why.");
    ImGui::Dummy(ImVec2(0, 2 * z));
    ScoreGrid(views, g_scorer, columns, column);

    const Participant* p = parley::find_by_id(doc.workshop.participants, g_scorer);
    const int scored = ScoredCells(doc, g_scorer, columns), cells = (int)(columns.size() * doc.workshop.criteria.size());
    char line[96];
    snprintf(line, sizeof(line), "%d of %d cells scored%s", scored, cells, scored == cells ? ": all done" : "");
    ImGui::AlignTextToFramePadding();
    NamedText("progress/" + g_scorer, line, scored == cells ? c.text : c.text_muted);
    if (people.size() > 1) {
        ImGui::SameLine();
        const size_t at = (size_t)(p - people.data());
        const std::string next = "Next: " + FitText(ShortName(people[(at + 1) % people.size()], (int)((at + 1) % people.size())), 220 * z) + "##next-scorer";
        ImGui::SetCursorPosX(start_x + column - ImGui::CalcTextSize(next.c_str(), nullptr, true).x - ImGui::GetStyle().FramePadding.x * 2);
        if (PlainButton(next.c_str())) g_scorer = people[(at + 1) % people.size()].id;
    }
}

// ---------------------------------------------------------------------------------------
// Results

static void DrawResults(Views& views, float column)
{
    const float z = views.zoom;
    SectionHeading(views, "Results", "results");
    const parley::WorkshopResults res = parley::workshop_results(views.session.doc);
    const bool any = !res.cells.empty() && res.unscored_cells < (int)res.cells.size();
    ImGui::BeginDisabled(!any);
    if (PlainButton("Present results")) views.presentation.presenting = true;
    ImGui::EndDisabled();
    if (!any) ItemTooltip("Present results: give some scores first", ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    LabelAbove("The whole window, in large type, for the room. Esc ends it.");
    if (!any) {
        MutedText("The ranking and the table of scores appear here as soon as the first score is in.");
        return;
    }
    ResultsLook look;
    look.body = Fonts_Get(Font_Body);
    look.name = Fonts_Get(Font_Body);
    look.strong = Fonts_Get(Font_Subheading);
    look.big = Fonts_Get(Font_Heading);
    look.unit = ImGui::GetFontSize();
    look.by_participant = views.session.doc.workshop.participants.size() > 1;
    ImGui::Dummy(ImVec2(0, 4 * z));
    WorkshopResults_DrawRanking(views, res, look, column);
    if (res.unscored_cells > 0) {
        char line[200];
        snprintf(line, sizeof(line), "%d %s not scored by anyone yet: a regime's score leaves those criteria out until they are.",
                 res.unscored_cells, res.unscored_cells == 1 ? "cell is" : "cells are");
        MutedText(line);
    }
    ImGui::Dummy(ImVec2(0, 10 * z));
    const float needed = WorkshopResults_TableWidth(res, look);
    if (needed <= column) {
        WorkshopResults_DrawTable(views, res, look, column);
    } else {   // more regimes than the column holds readably: scroll sideways
        const float height = WorkshopResults_TableHeight(views, res, look, needed) + ImGui::GetStyle().ScrollbarSize + 2;
        ImGui::BeginChild("##results-table", ImVec2(column, height), ImGuiChildFlags_None, ImGuiWindowFlags_HorizontalScrollbar);
        WorkshopResults_DrawTable(views, res, look, needed);
        ImGui::EndChild();
    }
}

void WorkshopEditor_Draw(Views& views, float column)
{
    DrawCriteria(views, column);
    DrawColumns(views, column);
    DrawParticipants(views, column);
    DrawScores(views, column);
    DrawResults(views, column);
}
