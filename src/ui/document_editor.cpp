// Index of this file
//   Filter
//   Outline
//   Details and organisations
//   Sections (rationale, general points)
//   Questions
//   Regimes

#include "document_editor.h"

#include "views.h"
#include "comment_marker.h"
#include "comments_pane.h"
#include "compare_view.h"
#include "keyboard_entry.h"
#include "core/comments.h"
#include "core/edit.h"
#include "core/export.h"
#include "core/signoff.h"
#include "core/text_fields.h"
#include "core/value_text.h"
#include "document_view.h"
#include "fonts.h"
#include "lazy_blocks.h"
#include "prose_field.h"
#include "regime_editor.h"
#include "signoff_grid.h"
#include "theme.h"
#include "widgets.h"
#include "item_hooks.h"
#include "workshop_editor.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <unordered_map>

using parley::Position;

static const Position kPositions[] = {Position::Agree, Position::PartlyAgree, Position::Disagree, Position::NoView};

// Edits found while drawing a list are carried out after it, so no reference into a vector
// is used after the vector changed under it.
enum class ListAction { None, MoveUp, MoveDown, Remove };

// The heights of the page's cards (questions, regimes, sections), by id: only those in view
// are laid out each frame (lazy_blocks.h).
static LazyList g_page_blocks;

// ---------------------------------------------------------------------------------------
// Filter: a question is shown when every word typed is in its number, text or answer.

static std::string Lower(const std::string& s)
{
    std::string out = s;
    for (char& c : out) c = (char)std::tolower((unsigned char)c);   // ASCII only: enough for finding words
    return out;
}

// Which questions the filter shows, worked out once a frame for the outline and the page.
static std::vector<char> ShownQuestions(const parley::Document& doc, const std::string& filter)
{
    std::vector<char> shown(doc.questions.size(), 1);
    if (filter.empty()) return shown;
    std::vector<std::string> needles;
    const std::string lowered = Lower(filter);
    for (size_t i = 0, j; i < lowered.size(); i = j + 1) {
        j = lowered.find(' ', i);
        if (j == std::string::npos) j = lowered.size();
        if (j > i) needles.push_back(lowered.substr(i, j - i));
    }
    std::unordered_map<std::string_view, std::string> answers;   // each question's answer text, found once
    for (const parley::Answer& a : doc.answers) answers[a.question] += " " + Lower(parley::searchable_text(a));
    for (size_t q = 0; q < doc.questions.size(); q++) {
        const parley::Question& question = doc.questions[q];
        std::string hay = Lower(question.number + " " + parley::searchable_text(question));
        if (const auto a = answers.find(question.id); a != answers.end()) hay += a->second;
        for (const std::string& n : needles)
            if (hay.find(n) == std::string::npos) { shown[q] = 0; break; }
    }
    return shown;
}

// "Question 3", or the question's own number ("Q3a") when it has one.
static std::string QuestionName(const parley::Question& q, int index)
{
    return q.number.empty() ? "Question " + std::to_string(index + 1) : "Question " + q.number;
}

// ---------------------------------------------------------------------------------------
// Outline

static void OutlineEntry(Views& views, const char* label, const std::string& anchor, float indent = 0)
{
    if (indent > 0) ImGui::Indent(indent);
    ImGui::PushID(anchor.c_str());
    const std::string fitted = FitText(label, ImGui::GetContentRegionAvail().x);
    if (SelectableItem(fitted.c_str(), false)) {
        views.editor.scroll_to = anchor;
        // Chosen by keyboard (Enter on it, not a click): like a link to a part of a web page, the
        // keyboard goes there too, so Tab goes on from the part, not from the outline.
        if (ImGui::GetItemID() == GImGui->NavActivateId) views.editor.focus_jumped = anchor;
    }
    ItemHooks_Describe(A11yRole::Link, 0, label);   // a jump to a part of the page, named in full
    if (fitted.size() != strlen(label) && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) ImGui::SetTooltip("%s", label);
    ImGui::PopID();
    if (indent > 0) ImGui::Unindent(indent);
}

// A line of the outline: the first words of a text, cut to fit.
static std::string Gist(const std::string& text, size_t max_bytes)
{
    if (text.size() <= max_bytes) return text;
    size_t cut = max_bytes;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) cut--;   // never inside a character
    const size_t space = text.rfind(' ', cut);
    if (space != std::string::npos && space > max_bytes / 2) cut = space;
    return text.substr(0, cut) + "\xE2\x80\xA6";
}

// The regimes under their heading, one line each: only the lines in view are laid out.
static void OutlineRegimes(Views& views)
{
    const std::vector<parley::Regime>& regimes = views.session.doc.regimes;
    ImGuiListClipper clipper;
    clipper.Begin((int)regimes.size());
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; i++)
            OutlineEntry(views, Gist(parley::regime_name(regimes[i]), 120).c_str(), regimes[i].id, 12 * views.zoom);
}

static void DrawOutline(Views& views, const std::vector<char>& shown)
{
    const float z = views.zoom;
    parley::Document& doc = views.session.doc;
    ImGui::PushFont(Fonts_Get(Font_Small));
    LabelAbove("CONTENTS");
    ImGui::PopFont();
    OutlineEntry(views, "Details", "details");
    OutlineEntry(views, doc.kind == parley::DocumentKind::Response ? "Organisations responding" : "Organisations", "organisations");
    OutlineEntry(views, "Summary", "summary");
    if (doc.kind == parley::DocumentKind::Proposal) OutlineEntry(views, "Rationale", "sections");
    if (doc.kind != parley::DocumentKind::Response) {
        OutlineEntry(views, "Regimes", "regimes");
        OutlineRegimes(views);
    }
    if (doc.kind == parley::DocumentKind::Workshop) {   // the anchors of workshop_editor.cpp's sections
        ImGui::Dummy(ImVec2(0, 4 * z));
        OutlineEntry(views, "Criteria", "criteria");
        OutlineEntry(views, "Regimes compared", "columns");
        OutlineEntry(views, "Participants", "participants");
        OutlineEntry(views, "Scores", "scores");
        OutlineEntry(views, "Results", "results");
    }
    if (doc.kind != parley::DocumentKind::Workshop) {
        ImGui::Dummy(ImVec2(0, 4 * z));
        OutlineEntry(views, "Questions", "questions");
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint("##filter", "Find a question", &views.editor.question_filter);
        ItemHooks_Describe(A11yRole::Textbox, 0, "Find a question");
        ItemHooks_DescribeValue(views.editor.question_filter.data(), views.editor.question_filter.size());
        const parley::CommentThreads& threads = CommentsPane_Threads(views);
        std::vector<int> listed;   // the questions the filter shows, one line each: only those in view are laid out
        listed.reserve(doc.questions.size());
        for (int i = 0; i < (int)doc.questions.size(); i++)
            if (shown[i]) listed.push_back(i);
        ImGuiListClipper clipper;
        clipper.Begin((int)listed.size());
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; row++) {
                const int i = listed[row];
                const parley::Question& q = doc.questions[i];
                std::string label = (q.number.empty() ? std::to_string(i + 1) : q.number) + "  " +
                                    Gist(q.text.empty() ? "(no text yet)" : q.text, 120);
                // Open comment threads on the question and its answer, after the words cut to fit.
                if (const auto open = threads.open_on_question.find(q.id); open != threads.open_on_question.end()) {
                    const std::string count = "  (" + std::to_string(open->second) + ")";
                    label = FitText(label, ImGui::GetContentRegionAvail().x - 12 * z - ImGui::CalcTextSize(count.c_str()).x) + count;
                }
                OutlineEntry(views, label.c_str(), q.id, 12 * z);
            }
        }
    }
    if (doc.kind == parley::DocumentKind::Response) {
        ImGui::Dummy(ImVec2(0, 4 * z));
        OutlineEntry(views, "General points", "general_points");
        OutlineEntry(views, "Alternative proposals", "regimes");
        OutlineRegimes(views);
    }
}

// The outline in a narrow window: a bar with a "Contents" button above the page. Opened, the
// outline fills the window in the page's place (there is no room beside it); choosing an entry
// closes it and the page comes back at that part; Escape or the button closes it where it was.
// The bar is the outline's own child window, so it stays the Outline landmark and Tab from the
// page's last control wraps to it as to the outline beside the page (pane_tabbing.cpp).
// Returns true while the outline takes the page's place.
static bool DrawContentsBar(Views& views, const std::vector<char>& shown)
{
    const float z = views.zoom;
    bool& open = views.editor.contents_open;
    const float bar_h = ImGui::GetFrameHeight() + 12 * z;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12 * z, 6 * z));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, Theme_Colors().paper);
    ImGui::BeginChild("Outline", ImVec2(0, open ? 0.0f : bar_h), ImGuiChildFlags_AlwaysUseWindowPadding,
                      open ? 0 : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    static unsigned int button_id = 0;
    static bool had_keyboard = false;   // the outline's window (or a child) had the keyboard last frame
    const bool pressed = PlainButton(open ? "Close contents###contents" : "Contents###contents");   // one id, open or not: the keyboard stays on it
    ItemHooks_Describe(A11yRole::Button, A11yState_Expandable | (open ? A11yState_Expanded : 0), "Contents");
    button_id = ImGui::GetItemID();
    const bool by_keyboard = pressed && button_id == GImGui->NavActivateId;
    bool close = false;
    if (open) {
        ImGui::Dummy(ImVec2(0, 4 * z));
        if (views.editor.focus_contents) ItemHooks_FocusNextTabStop();
        views.editor.focus_contents = false;
        DrawOutline(views, shown);
        // An entry chosen (it asked the page to go somewhere), or Escape while the outline had
        // the keyboard last frame (by now ImGui's own Escape may have handed it to the parent)
        // and no text field did (Escape in the filter leaves the filter only).
        if (!views.editor.scroll_to.empty()) close = true;
        else if (had_keyboard && !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
            close = true;
            ItemHooks_FocusWhenDrawn(button_id);
        }
    }
    had_keyboard = ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    const ImVec2 bar_min = ImGui::GetItemRectMin(), bar_max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(bar_min.x, bar_max.y - 1), ImVec2(bar_max.x, bar_max.y - 1), Theme_Colors().border);
    if (pressed) {
        open = !open;
        // Opened by keyboard: the keyboard goes to the outline's first entry (the button is
        // drawn first, so the next tab stop is it); closed by it, it stays on the button.
        if (open && by_keyboard) views.editor.focus_contents = true;
    } else if (close) {
        open = false;
    }
    return open;
}

// ---------------------------------------------------------------------------------------
// Details and organisations

static void DrawDetails(Views& views, float column)
{
    const float z = views.zoom;
    parley::Document& doc = views.session.doc;
    ScrollHereIfAsked(views, "details");
    LabelAbove("This draft is a");
    BeginRadios("This draft is a", true);   // a draft is always one kind
    for (parley::DocumentKind kind : {parley::DocumentKind::Response, parley::DocumentKind::Proposal, parley::DocumentKind::Workshop}) {
        if (kind != parley::DocumentKind::Response) SameLineIfRoom(RadioWidth(parley::kind_label(kind)), 20 * z);
        if (RadioItem(parley::kind_label(kind), doc.kind == kind) && doc.kind != kind) {
            Session_BeforeEdit(views.session, "", "document/kind");
            doc.kind = kind;
        }
    }
    EndRadios();
    ImGui::Dummy(ImVec2(0, 2 * z));
    CommentMarker_At(views, ImGui::GetCursorScreenPos().x + column - CommentMarker_Width(z), ImGui::GetCursorScreenPos().y - 2 * z, doc.id);
    LabelAbove("Title");
    LineField(views, "##title", "document/title", &doc.title, column, "e.g. Joint response to the proposed joint targeted area inspections");
    LabelAbove(doc.kind == parley::DocumentKind::Proposal ? "Consultation (title)" : "The consultation this answers");
    LineField(views, "##consultation", "consultation/title", &doc.consultation.title, column, "e.g. Proposals for a new approach to area SEND inspections");
    // The status. A joint response becomes "agreed" only once every co-signatory has agreed
    // every answer, or the lead recorded why it goes ahead without one (signoff_grid.h).
    LabelAbove("Status");
    static const parley::DocumentStatus kStatuses[] = {parley::DocumentStatus::Draft, parley::DocumentStatus::Agreed, parley::DocumentStatus::Submitted};
    static const char* const kStatusLabels[] = {"Draft", "Agreed", "Submitted"};
    // Wide enough for "Submitted" and its arrow, however narrow the column.
    ImGui::SetNextItemWidth(std::max(column * 0.3f, ImGui::CalcTextSize("Submitted").x + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x));
    if (BeginNamedCombo("##status", kStatusLabels[(int)doc.status])) {
        for (int i = 0; i < 3; i++)
            if (SelectableItem(kStatusLabels[i], doc.status == kStatuses[i]) && doc.status != kStatuses[i] &&
                (kStatuses[i] != parley::DocumentStatus::Agreed || SignOffGrid_AllowAgreed(views))) {
                Session_BeforeEdit(views.session, "", "document/status");
                doc.status = kStatuses[i];
            }
        ImGui::EndCombo();
    }
    if (doc.kind == parley::DocumentKind::Response && doc.organisations.size() > 1) {
        SameLineIfRoom(ImGui::CalcTextSize("Sign-off by organisation").x + 2 * ImGui::GetStyle().FramePadding.x, ImGui::GetStyle().ItemSpacing.x);
        if (QuietButton("Sign-off by organisation")) SignOffGrid_Open(views);
        ItemTooltip("Each co-signatory's sign-off of each answer: what is agreed, what waits, where positions differ");
    }
}

static void DrawOrganisations(Views& views, float column)
{
    parley::Document& doc = views.session.doc;
    const bool response = doc.kind == parley::DocumentKind::Response;
    SectionHeading(views, response ? "Organisations responding" : "Organisations", "organisations");
    if (response) MutedText("The first is the lead. A joint response lists every co-signatory; where one takes a different position on a question, say so on that question.");
    // The name takes what the short name and Remove leave (a narrow window: Remove stays in it).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float remove_w = ImGui::CalcTextSize("Remove").x + 2 * style.FramePadding.x + 2 * style.ItemSpacing.x;
    const float short_w = column * 0.2f;
    const float name_w = std::max(60 * views.zoom, std::min(column * 0.56f, column - short_w - remove_w));
    LabelAbove("Name");
    ImGui::SameLine(name_w + ImGui::GetStyle().ItemSpacing.x);
    LabelAbove("Short name");
    // The lead's name field is there from the start, before any organisation exists, and keeps
    // one id when typing creates the organisation, so the first keystrokes never lose the focus.
    const bool none_yet = doc.organisations.empty();   // the field below is drawn once a frame, whatever happens
    if (none_yet) {
        std::string name;
        ImGui::SetNextItemWidth(name_w);
        if (ImGui::InputTextWithHint("##organisation", "e.g. Association of Directors of Children's Services", &name)) {
            Session_BeforeEdit(views.session, "organisation");
            parley::Organisation o;
            o.id = views.session.ids.next("org");
            o.role = response ? "lead" : "";
            o.name = name;
            doc.organisations.push_back(std::move(o));
        }
        if (ImGui::IsItemDeactivated()) Session_EndGroup(views.session);
    }
    std::string remove_id;
    for (size_t i = 0; i < doc.organisations.size() && !none_yet; i++) {
        parley::Organisation& o = doc.organisations[i];
        if (i == 0) LineField(views, "##organisation", "organisation", &o.name, name_w, "e.g. Association of Directors of Children's Services");
        ImGui::PushID(o.id.c_str());
        if (i > 0) FocusIfAdded(views, o.id);
        if (i > 0) LineField(views, "##name", parley::text_field_key(o.id, "name"), &o.name, name_w, "e.g. Local Government Association");
        ImGui::SameLine();
        LineField(views, "##short", parley::text_field_key(o.id, "short_name"), &o.short_name, short_w, "Short name");
        if (i > 0) ItemHooks_Describe(A11yRole::Textbox, 0, "Short name");   // the labels are drawn over the first row only
        ImGui::SameLine();
        if (QuietButton(("Remove##org-" + o.id).c_str())) remove_id = o.id;
        ItemTooltip(("Remove " + (o.name.empty() ? std::string("this organisation") : o.name) + " (Undo brings it back)").c_str());
        ImGui::PopID();
    }
    if (!remove_id.empty()) {
        Session_BeforeEdit(views.session, "");
        parley::remove_organisation(doc, remove_id);
    }
    const char* add = response ? "Add a co-signatory" : "Add an organisation";
    ImGui::BeginDisabled(doc.organisations.empty());   // the lead first, in the field above
    const bool add_pressed = PlainButton(add);
    ImGui::EndDisabled();
    if (doc.organisations.empty())
        ItemTooltip(response ? "Add a co-signatory: name the lead organisation first" : "Add an organisation: name the first one above first",
                    ImGuiHoveredFlags_AllowWhenDisabled);
    if (add_pressed) {
        Session_BeforeEdit(views.session, "", "document/organisations");
        parley::Organisation o;
        o.id = views.session.ids.next("org");
        o.role = doc.organisations.empty() ? "lead" : response ? "co-signatory" : "";
        views.editor.focus_added = o.id;
        doc.organisations.push_back(std::move(o));
    }
}

static void DrawSummary(Views& views, float column)
{
    const float z = views.zoom;
    parley::Document& doc = views.session.doc;
    SectionHeading(views, "Summary", "summary");
    if (doc.kind == parley::DocumentKind::Response) {
        LabelAbove("Overall position");
        BeginRadios("Overall position", doc.summary.position != Position::Unset);
        for (int i = 0; i < 4; i++) {
            const std::string label = std::string(parley::position_label(kPositions[i])) + "##summary";
            if (i > 0) SameLineIfRoom(RadioWidth(label.c_str()), 18 * z);
            if (RadioItem(label.c_str(), doc.summary.position == kPositions[i])) {
                Session_BeforeEdit(views.session, "", "summary/position");
                doc.summary.position = doc.summary.position == kPositions[i] ? Position::Unset : kPositions[i];
            }
        }
        EndRadios();
        ImGui::Dummy(ImVec2(0, 2 * z));
    }
    CommentMarker_At(views, ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize("Summary").x + 10 * z, ImGui::GetCursorScreenPos().y - 2 * z,
                     doc.id, "summary");
    ProseField(views, "Summary", "summary/text", doc.summary.text, column,
               doc.kind == parley::DocumentKind::Response ? "The response in a paragraph: what you support, what you would change, and why."
                                                          : "The proposal in a paragraph: what changes and why.", 3);
}

// ---------------------------------------------------------------------------------------
// Sections (rationale, general points): a heading and prose each

static void DrawSections(Views& views, std::vector<parley::Section> parley::Document::*list, const char* heading,
                         const char* anchor /* the list's name in the file */, const char* add_label, const char* id_prefix, float column)
{
    const float z = views.zoom;
    SectionHeading(views, heading, anchor);
    int action_index = -1;
    ListAction action = ListAction::None;
    std::vector<parley::Section>& sections = views.session.doc.*list;
    for (int i = 0; i < (int)sections.size(); i++) {
        parley::Section& s = sections[i];
        if (!LazyBlock_Begin(g_page_blocks, s.id, column, ScrollWanted(views, s.id))) continue;   // out of view
        ImGui::PushID(s.id.c_str());
        ScrollHereIfAsked(views, s.id);
        FocusIfAdded(views, s.id);
        LineField(views, "##heading", parley::text_field_key(s.id, "heading"), &s.heading, column * 0.7f, "Heading");
        ImGui::SameLine();
        if (QuietButton("Move up")) { action = ListAction::MoveUp; action_index = i; }
        ImGui::SameLine();
        if (QuietButton("Move down")) { action = ListAction::MoveDown; action_index = i; }
        ImGui::SameLine();
        if (QuietButton("Remove")) { action = ListAction::Remove; action_index = i; }
        CommentMarker_At(views, ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize("Text").x + 10 * z, ImGui::GetCursorScreenPos().y - 2 * z, s.id);
        ProseField(views, "Text", parley::text_field_key(s.id, "body"), s.body, column, "Write here.", 3);
        ImGui::Dummy(ImVec2(0, 6 * z));
        ImGui::PopID();
        LazyBlock_End(g_page_blocks);
    }
    if (action != ListAction::None) {
        Session_BeforeEdit(views.session, "", action == ListAction::Remove ? parley::remove_section_scope(views.session.doc, sections[action_index].id)
                                                                           : std::string("document/") + anchor);
        if (action == ListAction::Remove) parley::remove_section(views.session.doc, sections[action_index].id);
        else parley::move_item(sections, action_index, action == ListAction::MoveUp ? -1 : +1);
    }
    if (PlainButton(add_label)) {
        Session_BeforeEdit(views.session, "", std::string("document/") + anchor);
        parley::Section s;
        s.id = views.session.ids.next(id_prefix);
        views.editor.scroll_to = s.id;
        views.editor.focus_added = s.id;
        (views.session.doc.*list).push_back(std::move(s));
    }
}

// ---------------------------------------------------------------------------------------
// Questions

static parley::Answer& AddAnswer(Views& views, const std::string& question_id)
{
    parley::Answer a;
    a.id = views.session.ids.next("ans");
    a.question = question_id;
    views.session.doc.answers.push_back(std::move(a));
    return views.session.doc.answers.back();
}

static void DrawPositionRadios(Views& views, Position* position, const std::string& id, float z)
{
    BeginRadios("Position", *position != Position::Unset);
    for (int i = 0; i < 4; i++) {
        const std::string label = std::string(parley::position_label(kPositions[i])) + "##" + id;
        if (i > 0) SameLineIfRoom(RadioWidth(label.c_str()), 18 * z);
        if (RadioItem(label.c_str(), *position == kPositions[i])) {
            Session_BeforeEdit(views.session, "", id + "/position");
            *position = *position == kPositions[i] ? Position::Unset : kPositions[i];   // a second click clears it
        }
    }
    EndRadios();
}

// Each co-signatory after the lead may take its own position on an answer, with a note.
static void DrawSignatories(Views& views, parley::Answer& answer, float width)
{
    parley::Document& doc = views.session.doc;
    if (doc.organisations.size() < 2) return;
    const float z = views.zoom;
    ImGui::Dummy(ImVec2(0, 2 * z));
    LabelAbove("Co-signatories' positions, where they differ");
    const float name_w = width * 0.3f, combo_w = width * 0.28f;
    for (size_t i = 1; i < doc.organisations.size(); i++) {
        const parley::Organisation& o = doc.organisations[i];
        ImGui::PushID(o.id.c_str());
        const std::string name = o.short_name.empty() ? (o.name.empty() ? "Co-signatory " + std::to_string(i + 1) : o.name) : o.short_name;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(Gist(name, 40).c_str());
        ImGui::SameLine(name_w);
        // An entry also holds the organisation's sign-off (signoff_grid.h), so "Same as the
        // response" clears the position and its note and keeps the entry while it holds anything.
        parley::Signatory* entry = parley::find_signatory(answer, o.id);
        const bool differs = entry && entry->position != Position::Unset;
        const char* current = differs ? parley::position_label(entry->position) : "Same as the response";
        ImGui::SetNextItemWidth(combo_w);
        const std::string combo_id = "##position/" + answer.id + "/" + o.id;
        const std::string said = "Position of " + name;
        if (BeginNamedCombo(combo_id.c_str(), current, 0, said.c_str())) {
            if (SelectableItem("Same as the response", !differs) && differs) {
                Session_BeforeEdit(views.session, "", answer.id + "/signatories");
                entry->position = Position::Unset;
                entry->note.clear();   // why it differed: it no longer does (Undo brings it back)
                parley::drop_empty_signatory(answer, o.id);
                entry = parley::find_signatory(answer, o.id);
            }
            for (Position p : kPositions) {
                const bool selected = differs && entry->position == p;
                if (SelectableItem(parley::position_label(p), selected) && !selected) {
                    Session_BeforeEdit(views.session, "", answer.id + "/signatories");
                    entry = &parley::signatory_entry(answer, o.id);
                    entry->position = p;
                }
            }
            ImGui::EndCombo();
        }
        if (entry && entry->position != Position::Unset) {
            ImGui::SameLine();
            LineField(views, "##note", answer.id + "/signatory/" + o.id, &entry->note, width - name_w - combo_w - ImGui::GetStyle().ItemSpacing.x,
                      "Why (optional)");
            ItemHooks_Describe(A11yRole::Textbox, 0, ("Why " + name + " differs").c_str());
        } else if (entry && entry->signoff != parley::SignOff::Unseen) {
            ImGui::SameLine();
            ImGui::TextDisabled("Sign-off: %s", parley::signoff_label(entry->signoff));
        }
        ImGui::PopID();
    }
}

static ListAction DrawQuestionCard(Views& views, int index, float column)
{
    const float z = views.zoom;
    parley::Document& doc = views.session.doc;
    const bool response = doc.kind == parley::DocumentKind::Response;
    ListAction action = ListAction::None;
    parley::Question& q = doc.questions[index];
    ImGui::PushID(q.id.c_str());
    ScrollHereIfAsked(views, q.id);
    BeginCard(column, z);
    const float width = column - 40 * z;

    // Heading line: the question's name, its actions on the right.
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(QuestionName(q, index).c_str());
    ItemHooks_Text(A11yRole::Heading, QuestionName(q, index).c_str(), 3);
    ImGui::PopFont();
    const parley::Answer* answer_view = parley::find_answer(doc, q.id);
    // Copy answer belongs to a response (answers are pasted into online forms); a proposal asks.
    const char* actions[] = {"Copy answer", "Move up", "Move down", "Remove"};
    float actions_w = CommentMarker_Width(z) + ImGui::GetStyle().ItemSpacing.x;
    for (int i = response ? 0 : 1; i < IM_ARRAYSIZE(actions); i++)
        actions_w += ImGui::CalcTextSize(actions[i]).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine(width - actions_w + ImGui::GetStyle().ItemSpacing.x);
    CommentMarker(views, q.id);
    ImGui::SameLine();
    if (response) {
        const std::string copy_label = "Copy answer##" + q.id;
        ImGui::BeginDisabled(!answer_view);
        if (QuietButton(copy_label.c_str()) && answer_view) {
            ImGui::SetClipboardText(parley::answer_as_text(doc, *answer_view).c_str());
            views.status_message = "Copied the answer to " + QuestionName(q, index) + ": paste it into the consultation form";
        }
        ImGui::EndDisabled();
        ItemTooltip("Copies the position and the answer as plain text, for pasting into an online form", ImGuiHoveredFlags_AllowWhenDisabled);
        ImGui::SameLine();
    }
    if (QuietButton(("Move up##" + q.id).c_str())) action = ListAction::MoveUp;
    ImGui::SameLine();
    if (QuietButton(("Move down##" + q.id).c_str())) action = ListAction::MoveDown;
    ImGui::SameLine();
    if (QuietButton(("Remove##" + q.id).c_str())) action = ListAction::Remove;

    // The question as the consultation asks it, and its number and word limit.
    FocusIfAdded(views, q.id);
    ProseField(views, "Question", parley::text_field_key(q.id, "text"), q.text, width, "The question as the consultation asks it", 2);
    LabelAbove("Number");
    ImGui::SameLine(width * 0.3f);
    LabelAbove("Word limit for the answer (0: none)");
    LineField(views, "##number", parley::text_field_key(q.id, "number"), &q.number, width * 0.3f - ImGui::GetStyle().ItemSpacing.x, "e.g. 3a");
    ImGui::SameLine(width * 0.3f);
    int limit = q.word_limit;
    ImGui::SetNextItemWidth(width * 0.25f);
    const bool limit_changed = ImGui::InputInt("##word_limit", &limit, 50, 100);
    ItemHooks_DescribeStepper("Word limit for the answer", limit, 0, 100000, "50 words fewer", "50 words more");
    if (limit_changed) {
        limit = std::clamp(limit, 0, 100000);
        if (limit != q.word_limit) {
            Session_BeforeEdit(views.session, (q.id + "/word_limit").c_str());
            q.word_limit = limit;
        }
    }
    if (ImGui::IsItemDeactivated()) Session_EndGroup(views.session);

    if (response) {
        parley::Answer* answer = parley::find_answer(doc, q.id);
        if (!answer) {
            ImGui::Dummy(ImVec2(0, 2 * z));
            if (PlainButton(("Answer this question##" + q.id).c_str())) {
                Session_BeforeEdit(views.session, "");
                answer = &AddAnswer(views, q.id);
            }
        }
        if (answer) {
            ImGui::Dummy(ImVec2(0, 2 * z));
            LabelAbove("Your position");
            DrawPositionRadios(views, &answer->position, answer->id, z);
            ImGui::Dummy(ImVec2(0, 2 * z));
            // The answer's prose as document.h declares it: a prose member added there gets its box here.
            int words = 0;
            parley::for_each_field(*answer, [&](const parley::Field& f, auto& member) {
                if constexpr (std::is_same_v<std::remove_reference_t<decltype(member)>, std::string>) {
                    if (!f.is(parley::FieldProse)) return;
                    int field_words = 0;
                    CommentMarker_At(views, ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(f.label).x + 10 * z,
                                     ImGui::GetCursorScreenPos().y - 2 * z, answer->id, f.name);
                    ProseField(views, f.label, parley::text_field_key(answer->id, f.name), member, width, f.hint, f.is(parley::FieldLead) ? 4 : 2,
                               &field_words);
                    words += field_words;
                }
            });
            // The answer's length against the form's limit, which online forms enforce.
            char count[96];
            if (q.word_limit > 0)
                snprintf(count, sizeof(count), "Answer: %d of %d words%s", words, q.word_limit, words > q.word_limit ? ", over the limit" : "");
            else
                snprintf(count, sizeof(count), "Answer: %d %s", words, words == 1 ? "word" : "words");
            NamedText(answer->id + "/words", count, q.word_limit > 0 && words > q.word_limit ? Theme_Colors().danger : Theme_Colors().text_muted);
            DrawSignatories(views, *answer, width);
        }
    }
    EndCard(z);
    ImGui::Dummy(ImVec2(0, 6 * z));
    ImGui::PopID();
    return action;
}

static void DrawQuestions(Views& views, float column, const std::vector<char>& shown_questions)
{
    parley::Document& doc = views.session.doc;
    SectionHeading(views, "Questions", "questions");
    int shown = 0;
    int action_index = -1;
    ListAction action = ListAction::None;
    for (int i = 0; i < (int)doc.questions.size(); i++) {
        if (i < (int)shown_questions.size() && !shown_questions[i]) continue;
        shown++;
        const std::string& id = doc.questions[i].id;
        if (!LazyBlock_Begin(g_page_blocks, id, column, ScrollWanted(views, id))) continue;   // out of view
        const ListAction a = DrawQuestionCard(views, i, column);
        LazyBlock_End(g_page_blocks);
        if (a != ListAction::None) { action = a; action_index = i; }
    }
    if (!views.editor.question_filter.empty()) {
        char line[160];
        snprintf(line, sizeof(line), "Showing %d of %d questions with \xE2\x80\x9C%s\xE2\x80\x9D.", shown, (int)doc.questions.size(),
                 Gist(views.editor.question_filter, 60).c_str());
        MutedText(line);
        ImGui::SameLine();
        if (QuietButton("Show all questions")) views.editor.question_filter.clear();
    }
    if (action != ListAction::None) {
        const std::string& id = doc.questions[action_index].id;
        Session_BeforeEdit(views.session, "", action == ListAction::Remove ? parley::remove_question_scope(doc, id) : "document/questions");
        if (action == ListAction::Remove) parley::remove_question(doc, doc.questions[action_index].id);
        else parley::move_item(doc.questions, action_index, action == ListAction::MoveUp ? -1 : +1);
    }
    if (PlainButton("Add a question")) {
        Session_BeforeEdit(views.session, "", "document/questions");
        parley::Question q;
        q.id = views.session.ids.next("q");
        const std::string id = q.id;
        doc.questions.push_back(std::move(q));
        if (doc.kind == parley::DocumentKind::Response) AddAnswer(views, id);   // a response question is there to be answered
        views.editor.question_filter.clear();   // the new card must be seen
        views.editor.scroll_to = id;
        views.editor.focus_added = id;
    }
}

// ---------------------------------------------------------------------------------------
// Regimes

static void DrawRegimes(Views& views, float column)
{
    parley::Document& doc = views.session.doc;
    const bool response = doc.kind == parley::DocumentKind::Response;
    SectionHeading(views, response ? "Alternative proposals" : "Regimes", "regimes");
    if (response && doc.regimes.empty())
        MutedText("Put forward a regime of your own, dimension by dimension, so it can be compared with the proposal side by side.");
    if (doc.regimes.size() >= 2) {   // the way to the compare view from where regimes are written
        if (PlainButton("Compare these regimes side by side")) CompareView_Open(views, CompareMode::Regimes);
        ImGui::Dummy(ImVec2(0, 6 * views.zoom));
    }
    for (int i = 0; i < (int)views.session.doc.regimes.size(); i++) {
        const std::string id = views.session.doc.regimes[i].id;
        if (!LazyBlock_Begin(g_page_blocks, id, column, ScrollWanted(views, id))) continue;   // out of view
        ImGui::PushID(id.c_str());
        ScrollHereIfAsked(views, id);
        const bool kept = RegimeEditor_Draw(views, i, column);
        ImGui::PopID();
        if (kept) ImGui::Dummy(ImVec2(0, 10 * views.zoom));
        LazyBlock_End(g_page_blocks);
        if (!kept) break;   // removed: the rest are drawn next frame
    }
    const char* add = response ? "Add an alternative regime" : doc.regimes.empty() ? "Add the current regime" : "Add a regime";
    if (PlainButton(add)) {
        Session_BeforeEdit(views.session, "", "document/regimes");
        parley::Regime r;
        r.id = views.session.ids.next("reg");
        if (response) {
            r.role = parley::RegimeRole::Alternative;
            if (!doc.organisations.empty()) r.owner = doc.organisations[0].id;
            for (const parley::Regime& other : doc.regimes)   // an alternative usually amends the proposal
                if (other.role == parley::RegimeRole::Proposed) { r.based_on = other.id; break; }
        } else {
            r.role = doc.regimes.empty() ? parley::RegimeRole::Current : parley::RegimeRole::Proposed;
        }
        r.name = response ? "Our alternative" : r.role == parley::RegimeRole::Current ? "Current regime" : "Proposed regime";
        const std::string id = r.id;
        doc.regimes.push_back(std::move(r));
        views.editor.scroll_to = id;
        views.editor.focus_added = id;
    }
}

// ---------------------------------------------------------------------------------------

static void DrawPage(Views& views, float column, const std::vector<char>& shown)
{
    const float z = views.zoom;
    parley::Document& doc = views.session.doc;
    EditorState::Welcome& welcome = views.editor.welcome;
    if (welcome == EditorState::Welcome::Undecided)
        welcome = !DocumentView_HasContent(doc) && doc.title.empty() && doc.organisations.empty() ? EditorState::Welcome::Shown
                                                                                                  : EditorState::Welcome::Hidden;
    const bool empty = welcome == EditorState::Welcome::Shown;
    ImGui::PushFont(Fonts_Get(Font_Heading));
    ImGui::TextUnformatted(empty ? "Welcome to Parley" : parley::kind_label(doc.kind));
    ItemHooks_Text(A11yRole::Heading, empty ? "Welcome to Parley" : parley::kind_label(doc.kind), 1);
    ImGui::PopFont();
    if (empty)
        MutedText("Draft inspection framework proposals and consultation responses, and put current, proposed and "
                  "alternative regimes side by side. Start typing below, or open a draft from File > Examples.");
    ImGui::Dummy(ImVec2(0, 8 * z));

    DrawDetails(views, column);
    DrawOrganisations(views, column);
    DrawSummary(views, column);
    switch (doc.kind) {
    case parley::DocumentKind::Response:
        DrawQuestions(views, column, shown);
        DrawSections(views, &parley::Document::general_points, "General points", "general_points", "Add a general point", "gp", column);
        DrawRegimes(views, column);
        break;
    case parley::DocumentKind::Proposal:
        DrawSections(views, &parley::Document::sections, "Rationale", "sections", "Add a section", "sec", column);
        DrawRegimes(views, column);
        DrawQuestions(views, column, shown);
        break;
    case parley::DocumentKind::Workshop:
        DrawRegimes(views, column);
        WorkshopEditor_Draw(views, column);   // criteria, participants, scores, results
        break;
    }
    ImGui::Dummy(ImVec2(0, 24 * z));
    Rule(column);
    ImGui::Dummy(ImVec2(0, 6 * z));
    MutedText("Parley runs entirely in this browser tab: nothing you type is sent anywhere. Drafts travel between "
              "organisations as .parley.json files (File > Save).");
    ImGui::Dummy(ImVec2(0, 40 * z));
}

void DocumentEditor_Draw(Views& views)
{
    const float z = views.zoom;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // No background of its own: it fills the screen with the page colour the frame is cleared
    // to (Theme_Colors().page), and software WebGL pays for every pixel filled twice.
    ImGui::Begin("Document", nullptr, flags | ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();

    // The outline is drawn before the page, so the filter typed there shows on the page a frame
    // later at most; each frame works out the questions it shows once, for both.
    // Worked out again only when the filter or the draft changed: a filter reads all the text.
    static std::vector<char> shown;
    static std::string shown_filter;
    static int shown_generation = -1, shown_edits = -1;
    if (shown_generation != views.session.generation || shown_edits != views.session.edits || shown_filter != views.editor.question_filter ||
        shown.size() != views.session.doc.questions.size()) {
        shown = ShownQuestions(views.session.doc, views.editor.question_filter);
        shown_filter = views.editor.question_filter;
        shown_generation = views.session.generation;
        shown_edits = views.session.edits;
    }

    // The outline takes the left when there is room for it beside a readable column; else it
    // is a "Contents" bar above the page.
    const float width = ImGui::GetContentRegionAvail().x;
    const bool outline = width >= 900 * z;
    if (!outline) {
        const bool page_hidden = DrawContentsBar(views, shown);
        if (page_hidden) { ImGui::End(); return; }
    } else {
        views.editor.contents_open = false;
    }
    const float outline_w = outline ? std::min(280 * z, width * 0.24f) : 0;
    if (outline) {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16 * z, 16 * z));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, Theme_Colors().paper);
        ImGui::BeginChild("Outline", ImVec2(outline_w, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
        DrawOutline(views, shown);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopStyleVar();
        ImGuiWindow* w = ImGui::GetCurrentWindow();   // a hairline between outline and page
        w->DrawList->AddLine(ImVec2(w->Pos.x + outline_w, w->Pos.y), ImVec2(w->Pos.x + outline_w, w->Pos.y + w->Size.y), Theme_Colors().border);
        ImGui::SameLine(0, 0);
    }

    // The page: a readable measure, about 75 characters a line, centred in what is left.
    ImGui::BeginChild("Page", ImVec2(0, 0), 0);
    if (views.editor.start_at_top) { ImGui::SetScrollY(0); views.editor.start_at_top = false; }
    KeyboardEntry_Page();
    LazyList_Prepare(g_page_blocks, views.session.generation);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float column = std::min(avail - 48 * z, 760 * z);
    const float left = std::max(24 * z, (avail - column) * 0.5f);
    ImGui::SetCursorPos(ImVec2(left, 32 * z));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    DrawPage(views, column, shown);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::EndChild();
    ImGui::End();
}
