// The sign-off grid: questions by co-signatories (signoff_grid.h). The rules live in
// core/signoff.h; this file draws them and carries out what a person clicks.
//
// Index of this file
//   Cache (the grid, worked out once per change to the draft)
//   Changes (a sign-off, an exception, the status)
//   The cell popup
//   Mark the response as agreed
//   The grid
//   The view

#include "signoff_grid.h"
#include "a11y_table.h"

#include "core/field_history.h"   // revision_time_words
#include "core/signoff.h"
#include "core/value_text.h"
#include "fonts.h"
#include "theme.h"
#include "widgets.h"
#include "item_hooks.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"

#include <algorithm>

using parley::SignOff;

static const SignOff kChoices[] = {SignOff::Unseen, SignOff::Agreed, SignOff::Discuss, SignOff::Objects};
static const char* kCellPopup = "##signoff-cell";

// Each state has a symbol as well as a colour: the grid must read without colour.
static const char* Symbol(SignOff s)
{
    switch (s) {
    case SignOff::Agreed:  return "\xE2\x9C\x93";   // ✓
    case SignOff::Discuss: return "?";
    case SignOff::Objects: return "\xE2\x9C\x97";   // ✗
    default:               return "\xE2\x97\x8B";   // ○
    }
}

static unsigned int TextColour(SignOff s)
{
    const ThemeColors& c = Theme_Colors();
    switch (s) {
    case SignOff::Agreed:  return c.inserted_text;
    case SignOff::Objects: return c.deleted_text;
    case SignOff::Discuss: return c.text;
    default:               return c.text_muted;
    }
}

static unsigned int Tint(SignOff s)   // behind the cell; 0: none
{
    const ThemeColors& c = Theme_Colors();
    switch (s) {
    case SignOff::Agreed:  return (c.inserted_bg & 0x00FFFFFF) | 0x80000000;
    case SignOff::Objects: return (c.deleted_bg & 0x00FFFFFF) | 0x90000000;
    case SignOff::Discuss: return (c.moved_bg & 0x00FFFFFF) | 0xA0000000;
    default:               return 0;
    }
}

static std::string When(const std::string& utc)
{
    return utc.empty() ? std::string() : parley::revision_time_words(utc) + " UTC";
}

// ---------------------------------------------------------------------------------------
// Cache

static struct {
    int generation = -1, edits = -1;
    parley::SignOffGrid grid;
    std::vector<parley::SignOffBlocker> blockers;
    std::string summary;
    std::vector<std::string> question_labels;   // "3  Do you agree ..."
    std::vector<std::string> fitted;            // the same, cut to the column
    float fitted_width = -1;
} g_cache;

static void Refresh(Views& views)
{
    const EditSession& s = views.session;
    if (g_cache.generation == s.generation && g_cache.edits == s.edits) return;
    g_cache.generation = s.generation;
    g_cache.edits = s.edits;
    g_cache.grid = parley::signoff_grid(s.doc);
    g_cache.blockers = parley::agreement_blockers(s.doc);
    g_cache.summary = parley::signoff_summary_line(g_cache.grid.totals);
    g_cache.question_labels.clear();
    for (int i = 0; i < (int)s.doc.questions.size(); i++) {
        const parley::Question& q = s.doc.questions[i];
        size_t cut = std::min<size_t>(q.text.size(), 160);   // the fitting below cuts it to the column
        while (cut < q.text.size() && cut > 0 && ((unsigned char)q.text[cut] & 0xC0) == 0x80) cut--;   // never inside a character
        std::string text = q.text.empty() ? "(no text yet)" : q.text.substr(0, cut);
        for (char& ch : text)
            if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
        g_cache.question_labels.push_back((q.number.empty() ? std::to_string(i + 1) : q.number) + "  " + text);
    }
    g_cache.fitted.clear();
    g_cache.fitted_width = -1;
}

const char* SignOffGrid_Unavailable(const parley::Document& doc)
{
    if (doc.kind == parley::DocumentKind::Proposal) return "Sign-off is for joint consultation responses; this draft is a framework proposal.";
    if (doc.kind == parley::DocumentKind::Workshop) return "Sign-off is for joint consultation responses; this draft is a workshop comparison.";
    return nullptr;
}

void SignOffGrid_Open(Views& views, const char* message)
{
    if (SignOffGrid_Unavailable(views.session.doc)) return;
    views.signoff.open = true;
    views.signoff.message = message ? message : "";
    views.compare.open = false;   // one view in the editor's place at a time
}

bool SignOffGrid_AllowAgreed(Views& views)
{
    if (views.session.doc.kind != parley::DocumentKind::Response) return true;
    Refresh(views);
    const size_t n = g_cache.blockers.size();
    if (n == 0) return true;
    const std::string message = "The response cannot be marked agreed yet: " + std::to_string(n) + (n == 1 ? " thing stops it" : " things stop it") +
                                ". Each is listed below: record the sign-off, answer the question, or record why the response goes ahead without it.";
    SignOffGrid_Open(views, message.c_str());
    views.signoff.show_blockers = true;
    views.status_message = "Not marked agreed: see Sign-off by organisation";
    return false;
}

// ---------------------------------------------------------------------------------------
// Changes: each is one undo step, and names what it changes (the answer's co-signatories).

static void RecordSignOff(Views& views)
{
    SignOffState& st = views.signoff;
    parley::Document& doc = views.session.doc;
    const int a = parley::index_by_id(doc.answers, st.cell_answer);
    if (a < 0 || !parley::find_by_id(doc.organisations, st.cell_organisation)) {
        st.message = "That sign-off was not recorded: its question or organisation is no longer in the draft.";
        return;
    }
    Session_BeforeEdit(views.session, "", st.cell_answer + "/signatories");
    parley::set_signoff(doc.answers[a], st.cell_organisation, st.cell_choice, st.cell_reason, views.me.name, views.now_utc);
    const int q = parley::index_by_id(doc.questions, doc.answers[a].question);
    views.status_message = "Recorded " + parley::organisation_name(doc, st.cell_organisation) + "'s sign-off of " +
                           (q >= 0 ? parley::question_label(doc, q) : std::string("the answer")) + ": " + parley::signoff_label(st.cell_choice);
    st.cell_answer.clear();
    st.cell_organisation.clear();
    st.cell_reason.clear();
}

static void RecordException(Views& views, const parley::SignOffBlocker& b, const std::string& reason)
{
    parley::Document& doc = views.session.doc;
    const int a = parley::index_by_id(doc.answers, b.answer);
    if (a < 0) return;
    Session_BeforeEdit(views.session, "", b.answer + "/signatories");
    parley::record_exception(doc.answers[a], b.organisation, reason);
    views.signoff.exception_text.erase(b.answer + "/" + b.organisation);
}

static void OpenQuestion(Views& views, const std::string& question_id)
{
    views.editor.scroll_to = question_id;
    views.editor.question_filter.clear();   // the question must be on the page to be scrolled to
    views.signoff.open = false;
}

// ---------------------------------------------------------------------------------------
// The cell popup: the sign-off to record, with a reason; who and when are the person's and now.

static void DrawCellPopup(Views& views)
{
    const float z = views.zoom;
    SignOffState& st = views.signoff;
    ImGui::SetNextWindowSize(ImVec2(580 * z, 0));
    if (!ImGui::BeginPopup(kCellPopup)) return;
    parley::Document& doc = views.session.doc;
    const int a = parley::index_by_id(doc.answers, st.cell_answer);
    const parley::Organisation* o = parley::find_by_id(doc.organisations, st.cell_organisation);
    if (a < 0 || !o) {   // gone under it (undo): nothing to sign off
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const parley::Answer& answer = doc.answers[a];
    const int q = parley::index_by_id(doc.questions, answer.question);
    const std::string org = parley::organisation_name(*o);
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    ImGui::TextUnformatted((org + " on " + (q >= 0 ? parley::question_label(doc, q) : std::string("this answer"))).c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    const parley::Signatory* s = parley::find_signatory(answer, o->id);
    std::string positions = std::string("The response: ") + parley::position_label(answer.position);
    if (s && s->position != parley::Position::Unset && s->position != answer.position)
        positions += std::string(" \xC2\xB7 ") + org + "'s own position: " + parley::position_label(s->position);
    ImGui::TextDisabled("%s", positions.c_str());
    if (s && !s->signed_by.empty())
        ImGui::TextDisabled("Last recorded by %s, %s", s->signed_by.c_str(), When(s->signed_time).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 4 * z));

    BeginRadios("Sign-off", std::find(std::begin(kChoices), std::end(kChoices), st.cell_choice) != std::end(kChoices));
    for (SignOff choice : kChoices) {
        const std::string label = std::string(Symbol(choice)) + " " + parley::signoff_label(choice) + "##choice";
        ImGui::PushID((int)choice);
        if (RadioItem(label.c_str(), st.cell_choice == choice)) st.cell_choice = choice;
        ImGui::PopID();
        if (choice != kChoices[IM_ARRAYSIZE(kChoices) - 1]) ImGui::SameLine(0, 14 * z);
    }
    EndRadios();
    ImGui::Dummy(ImVec2(0, 2 * z));
    LabelAbove("Reason (between the organisations; never in the response)");
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const char* hint = st.cell_choice == SignOff::Objects   ? "What you object to, in a sentence"
                     : st.cell_choice == SignOff::Discuss   ? "What needs discussing, in a sentence"
                                                            : "Optional";
    const bool enter = ImGui::InputTextWithHint("##reason", hint, &st.cell_reason, ImGuiInputTextFlags_EnterReturnsTrue);
    ItemHooks_DescribeValue(st.cell_reason.data(), st.cell_reason.size(), hint);
    ImGui::Dummy(ImVec2(0, 4 * z));
    const bool record = PlainButton("Record sign-off") || enter;
    ImGui::SameLine();
    if (PlainButton("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        st.cell_answer.clear();
        ImGui::CloseCurrentPopup();
    }
    if (s && !s->exception.empty()) {
        ImGui::Dummy(ImVec2(0, 4 * z));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("The lead's exception: %s", s->exception.c_str());
        ImGui::PopTextWrapPos();
        if (QuietButton("Remove the exception")) RecordException(views, {answer.question, answer.id, o->id, s->signoff}, "");
    }
    if (!views.me.Known()) ImGui::TextDisabled("Parley asks your name first: a sign-off says who recorded it.");
    if (record) {
        if (views.me.Known()) RecordSignOff(views);
        else {   // recorded once "Who are you?" is answered (SignOffGrid_Draw)
            st.record_when_known = true;
            st.asked_identity = false;
            Identity_Ask(views, "when you record a sign-off");
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// A sign-off waiting for the person's name: recorded once it is given; a Cancel there keeps the
// choice in the popup for next time and says why nothing changed.
static void RecordWhenKnown(Views& views)
{
    SignOffState& st = views.signoff;
    if (!st.record_when_known) return;
    if (views.me.Known()) {
        st.record_when_known = false;
        RecordSignOff(views);
        return;
    }
    const bool modal_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    if (views.identity_ask || modal_open) { st.asked_identity = st.asked_identity || modal_open; return; }
    if (!st.asked_identity) return;
    st.record_when_known = false;
    st.message = "The sign-off was not recorded: Parley needs your name and organisation to say who recorded it. Click the cell again to record it.";
}

// ---------------------------------------------------------------------------------------
// Mark the response as agreed: refused while anything blocks, with each blocker listed and a
// box for the lead's reason to go ahead without it.

static void DrawBlockers(Views& views)
{
    const float z = views.zoom;
    const parley::Document& doc = views.session.doc;
    const std::vector<parley::SignOffBlocker>& blockers = g_cache.blockers;
    const float row_h = ImGui::GetFrameHeightWithSpacing();
    const float height = std::min(row_h * (float)blockers.size() + 2 * ImGui::GetStyle().WindowPadding.y,
                                  std::max(row_h * 3, ImGui::GetContentRegionAvail().y * 0.35f));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, Theme_Colors().paper);
    ImGui::BeginChild("blockers", ImVec2(0, height), ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened);   // in the Tab order
    const float avail = ImGui::GetContentRegionAvail().x;
    const float text_w = std::min(avail * 0.42f, 420 * z);
    const parley::SignOffBlocker* record = nullptr;
    std::string record_text;
    const parley::SignOffBlocker* open = nullptr;
    ImGuiListClipper clipper;   // a long list draws only what is in view
    clipper.Begin((int)blockers.size(), row_h);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; i++) {
            const parley::SignOffBlocker& b = blockers[i];
            const std::string key = b.answer + "/" + b.organisation;
            ImGui::PushID(key.c_str());
            ImGui::AlignTextToFramePadding();
            const std::string text = parley::blocker_text(doc, b);
            NamedText("blocker/" + key, FitText(text, text_w).c_str(), TextColour(b.signoff == SignOff::Unseen ? SignOff::Discuss : b.signoff));
            ImGui::SameLine(text_w + 12 * z);
            if (b.organisation.empty()) {   // no answer: nobody can sign off nothing
                if (QuietButton("Open the question")) open = &b;
                ImGui::SameLine();
                ImGui::TextDisabled("Answer it, or choose \xE2\x80\x9CNo view\xE2\x80\x9D.");
            } else {
                std::string& typed = views.signoff.exception_text[key];
                const float button_w = ImGui::CalcTextSize("Record exception").x + ImGui::GetStyle().FramePadding.x * 2;
                ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - button_w - ImGui::GetStyle().ItemSpacing.x);
                const bool enter = ImGui::InputTextWithHint("##exception", "Why the response goes ahead without it", &typed,
                                                            ImGuiInputTextFlags_EnterReturnsTrue);
                ItemHooks_DescribeValue(typed.data(), typed.size(), "Why the response goes ahead without it");
                ImGui::SameLine();
                ImGui::BeginDisabled(typed.empty());
                if ((PlainButton("Record exception") || enter) && !typed.empty()) { record = &b; record_text = typed; }
                ImGui::EndDisabled();
                if (typed.empty()) ItemTooltip("Record exception: say first why the response goes ahead without it", ImGuiHoveredFlags_AllowWhenDisabled);
            }
            ImGui::PopID();
        }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (record) RecordException(views, *record, record_text);
    if (open) OpenQuestion(views, open->question);
}

static void DrawMarkAgreed(Views& views)
{
    const float z = views.zoom;
    SignOffState& st = views.signoff;
    parley::Document& doc = views.session.doc;
    const size_t n = g_cache.blockers.size();
    const bool agreed = doc.status == parley::DocumentStatus::Agreed;
    if (agreed && n == 0) {
        NamedText("signoff/status", "\xE2\x9C\x93 The response is marked agreed by every organisation.", Theme_Colors().inserted_text);
        return;
    }
    if (!agreed) {
        if (PlainButton("Mark the response as agreed")) {
            if (n == 0) {
                Session_BeforeEdit(views.session, "", "document/status");
                doc.status = parley::DocumentStatus::Agreed;
                st.show_blockers = false;
                st.message.clear();
                views.status_message = "The response is marked agreed";
                return;
            }
            st.show_blockers = true;
            st.message = "Not yet: " + std::to_string(n) + (n == 1 ? " thing stops" : " things stop") +
                         " the response being agreed. Settle each in the grid, or record why the response goes ahead without it.";
        }
        ImGui::SameLine(0, 16 * z);
    }
    const std::string count = std::to_string(n) + (n == 1 ? " thing stops it" : " things stop it");
    const std::string line = agreed ? "The response is marked agreed, but " + count + " now: a sign-off not agreed, or a question with no answer."
                                    : count + ": a sign-off not agreed, or a question with no answer.";
    NamedText("signoff/blocked", line.c_str(), agreed ? Theme_Colors().danger : Theme_Colors().text_muted);
    if (!st.show_blockers) {
        ImGui::SameLine();
        if (QuietButton("List them")) st.show_blockers = true;
    } else {
        ImGui::SameLine();
        if (QuietButton("Hide the list")) st.show_blockers = false;
    }
    if (st.show_blockers) DrawBlockers(views);
}

// ---------------------------------------------------------------------------------------
// The grid: one row per question, one column per co-signatory; the header row and the
// question column stay while the rest scrolls.

struct GridClick {
    int row = -1, column = -1;      // a cell: open its popup
    std::string question;           // a question: open it in the editor
};

static void DrawCell(Views& views, const parley::SignOffRow& row, int c, const parley::Organisation& org, float line_h, GridClick* click)
{
    const float z = views.zoom;
    const parley::Document& doc = views.session.doc;
    const ThemeColors& colours = Theme_Colors();
    if (!row.answered) {
        ImGui::TextDisabled("no answer");
        return;
    }
    const parley::Answer& answer = doc.answers[row.answer];
    const parley::SignOffCell& cell = row.cells[c];
    const parley::Signatory* s = cell.entry >= 0 ? &answer.signatories[cell.entry] : nullptr;
    if (unsigned int tint = Tint(cell.signoff)) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, tint);
    const std::string id = "signoff/" + answer.id + "/" + org.id;
    const std::string label = std::string(Symbol(cell.signoff)) + " " + parley::signoff_label(cell.signoff) + "###" + id;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Text, TextColour(cell.signoff));
    if (SelectableItem(label.c_str(), false, ImGuiSelectableFlags_None, ImVec2(0, line_h * 2))) { click->row = row.question; click->column = c; }
    ImGui::PopStyleColor();
    const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort);
    // The second line: what else there is to know at a glance.
    std::string more;
    auto add = [&](const std::string& part) { more += (more.empty() ? "" : " \xC2\xB7 ") + part; };
    if (cell.differs) add(std::string("differs: ") + parley::position_label(cell.position));
    if (cell.excepted) add("exception");
    if (cell.changed_since) add("answer changed since");
    if (more.empty() && s && !s->reason.empty()) add("\xE2\x80\x9C" + s->reason + "\xE2\x80\x9D");
    if (!more.empty()) {
        const float w = ImGui::GetContentRegionAvail().x;
        ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + line_h));
        ImGui::PushFont(Fonts_Get(Font_Small));
        NamedText(id + "/more", FitText(more, w).c_str(), cell.differs || cell.changed_since ? colours.danger : colours.text_muted);
        ImGui::PopFont();
    }
    if (hovered && !ImGui::IsPopupOpen(kCellPopup)) {
        ImGui::SetNextWindowSize(ImVec2(380 * z, 0));
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::Text("%s: %s", parley::organisation_name(org).c_str(), parley::signoff_label(cell.signoff));
        if (s && !s->reason.empty()) ImGui::Text("Reason: %s", s->reason.c_str());
        if (s && !s->signed_by.empty()) ImGui::TextDisabled("Recorded by %s, %s", s->signed_by.c_str(), When(s->signed_time).c_str());
        else if (s && !s->signed_time.empty()) ImGui::TextDisabled("Recorded %s", When(s->signed_time).c_str());
        if (cell.differs) ImGui::Text("Its position: %s (the response: %s)", parley::position_label(cell.position), parley::position_label(answer.position));
        if (s && !s->exception.empty()) ImGui::Text("The lead's exception: %s", s->exception.c_str());
        if (cell.changed_since) ImGui::TextDisabled("The answer was changed in a revision saved after this sign-off.");
        ImGui::TextDisabled("Click to record a sign-off.");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

static void DrawGrid(Views& views)
{
    const float z = views.zoom;
    const parley::Document& doc = views.session.doc;
    const parley::SignOffGrid& grid = g_cache.grid;
    const ThemeColors& colours = Theme_Colors();
    // The rows shown: all, or those still waiting or diverging.
    std::vector<int> shown;
    shown.reserve(grid.rows.size());
    for (int i = 0; i < (int)grid.rows.size(); i++)
        if (!views.signoff.only_open || grid.rows[i].waiting || grid.rows[i].diverges) shown.push_back(i);
    if (shown.empty()) {
        MutedText(grid.rows.empty() ? "This response has no questions yet." : "Nothing is waiting and no positions differ.");
        return;
    }

    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float question_w = std::min(std::max(260 * z, avail_w * 0.34f), 460 * z);
    // The columns share what is left after the question column, the borders, the cell padding
    // and the vertical scrollbar; below 170 each, the grid scrolls sideways.
    const float per_column_extra = 2 * 8 * z + 1;
    const float rest = avail_w - question_w - per_column_extra - ImGui::GetStyle().ScrollbarSize - 4;
    const float org_w = std::max(170 * z, rest / (float)std::max<size_t>(1, grid.columns.size()) - per_column_extra);
    if (g_cache.fitted_width != question_w) {   // cut once per width, not every frame
        g_cache.fitted.clear();
        ImGui::PushFont(Fonts_Get(Font_Body));
        for (const std::string& l : g_cache.question_labels) g_cache.fitted.push_back(FitText(l, question_w - 8 * z));
        ImGui::PopFont();
        g_cache.fitted_width = question_w;
    }
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(8 * z, 6 * z));
    GridClick click;
    if (ImGui::BeginTable("signoff/grid", 1 + (int)grid.columns.size(), flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("Question", ImGuiTableColumnFlags_WidthFixed, question_w);
        for (int col : grid.columns) ImGui::TableSetupColumn(parley::organisation_name(doc.organisations[col]).c_str(), ImGuiTableColumnFlags_WidthFixed, org_w);
        A11yTable marks;
        A11yTable_Begin(marks, "Sign-off by organisation");
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        A11yTable_Row(marks, "head");
        ImGui::TableSetColumnIndex(0);
        A11yTable_Cell(marks, A11yRole::ColumnHeader);
        ImGui::PushFont(Fonts_Get(Font_Small));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colours.text_muted), "Question (click to open it)");
        ItemHooks_Text(A11yRole::Text, "Question");
        ImGui::PopFont();
        for (size_t c = 0; c < grid.columns.size(); c++) {
            ImGui::TableSetColumnIndex((int)c + 1);
            A11yTable_Cell(marks, A11yRole::ColumnHeader);
            const parley::Organisation& o = doc.organisations[grid.columns[c]];
            ImGui::PushFont(Fonts_Get(Font_Subheading));
            NamedText("signoff/column/" + o.id, FitText(parley::organisation_name(o), org_w).c_str(), colours.text);
            ImGui::PopFont();
        }
        ImGuiListClipper clipper;   // only the rows in view are drawn: a long response stays fast
        clipper.Begin((int)shown.size());
        while (clipper.Step())
            for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; k++) {
                const parley::SignOffRow& row = grid.rows[shown[k]];
                const parley::Question& q = doc.questions[row.question];
                ImGui::TableNextRow(0, line_h * 2);
                A11yTable_Row(marks, q.id.c_str());
                ImGui::TableSetColumnIndex(0);
                A11yTable_Cell(marks, A11yRole::RowHeader);
                const ImVec2 top = ImGui::GetCursorScreenPos();
                const std::string label = g_cache.fitted[row.question] + "###signoff/q/" + q.id;
                if (SelectableItem(label.c_str(), false, ImGuiSelectableFlags_None, ImVec2(0, line_h * 2))) click.question = q.id;
                if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
                    ImGui::SetNextWindowSize(ImVec2(420 * z, 0));
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(0.0f);
                    ImGui::TextUnformatted(q.text.c_str());
                    ImGui::TextDisabled("Click to open the question in the draft.");
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + line_h));
                ImGui::PushFont(Fonts_Get(Font_Small));
                if (row.answered) {
                    std::string sub = std::string("Response: ") + parley::position_label(doc.answers[row.answer].position);
                    if (row.diverges) sub += " \xC2\xB7 positions differ";
                    NamedText("signoff/position/" + q.id, sub.c_str(), row.diverges ? colours.danger : colours.text_muted);
                } else {
                    NamedText("signoff/position/" + q.id, "No answer yet", colours.danger);
                }
                ImGui::PopFont();
                for (size_t c = 0; c < grid.columns.size(); c++) {
                    ImGui::TableSetColumnIndex((int)c + 1);
                    A11yTable_Cell(marks);
                    ImGui::PushID((int)c);
                    DrawCell(views, row, (int)c, doc.organisations[grid.columns[c]], line_h, &click);
                    ImGui::PopID();
                }
            }
        A11yTable_End(marks);
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();

    if (!click.question.empty()) OpenQuestion(views, click.question);
    if (click.row >= 0) {   // the cell's popup opens on what is recorded, or on what was typed there before
        SignOffState& st = views.signoff;
        const parley::SignOffRow& row = grid.rows[click.row];
        const parley::Answer& answer = doc.answers[row.answer];
        const std::string& org = doc.organisations[grid.columns[click.column]].id;
        if (st.cell_answer != answer.id || st.cell_organisation != org) {
            st.cell_answer = answer.id;
            st.cell_organisation = org;
            const parley::Signatory* s = parley::find_signatory(answer, org);
            st.cell_choice = s ? s->signoff : SignOff::Unseen;
            st.cell_reason = s ? s->reason : "";
            if (st.cell_choice == SignOff::Unseen) st.cell_choice = SignOff::Agreed;   // what most clicks are for
        }
        ImGui::OpenPopup(kCellPopup);
    }
}

// ---------------------------------------------------------------------------------------
// The view

void SignOffGrid_Draw(Views& views)
{
    const float z = views.zoom;
    SignOffState& st = views.signoff;
    if (SignOffGrid_Unavailable(views.session.doc)) {   // the draft became a proposal under it
        st.open = false;
        return;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        st.open = false;
        return;
    }
    RecordWhenKnown(views);
    Refresh(views);
    BeginViewWindow("Sign-off", z, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (PlainButton("\xE2\x86\x90 Back to the draft")) st.open = false;
    ImGui::SameLine(0, 24 * z);
    ImGui::PushFont(Fonts_Get(Font_Heading));
    ImGui::TextUnformatted("Sign-off by organisation");
    ItemHooks_Text(A11yRole::Heading, "Sign-off by organisation", 1);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 6 * z));
    Rule(ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, 6 * z));

    const parley::Document& doc = views.session.doc;
    if (g_cache.grid.columns.empty()) {
        ImGui::PushTextWrapPos(std::min(ImGui::GetContentRegionAvail().x, 760 * z));
        NamedText("signoff/none", "This response has no co-signatories, so there is nobody to sign it off.", Theme_Colors().text);
        MutedText("A joint response lists its organisations in the draft, the lead first: use Add a co-signatory under "
                  "Organisations responding. A response from one organisation can be marked agreed in its details.");
        ImGui::PopTextWrapPos();
        ImGui::End();
        return;
    }

    ImGui::PushFont(Fonts_Get(Font_Subheading));
    NamedText("signoff/summary", g_cache.summary.c_str(), Theme_Colors().text);
    ImGui::PopFont();
    ImGui::SameLine(0, 24 * z);
    PlainCheckbox("Only what is waiting or differs", &st.only_open);
    ImGui::PushFont(Fonts_Get(Font_Small));
    std::string key;
    for (SignOff s : kChoices) key += std::string(key.empty() ? "" : "     ") + Symbol(s) + " " + parley::signoff_label(s);
    ImGui::TextDisabled("%s     Click a cell to record a sign-off; hover it for the reason, who and when.", key.c_str());
    ImGui::PopFont();
    if (!st.message.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        NamedText("signoff/message", st.message.c_str(), Theme_Colors().danger, ImGui::GetContentRegionAvail().x);
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(0, 4 * z));
    DrawMarkAgreed(views);
    ImGui::Dummy(ImVec2(0, 6 * z));
    Refresh(views);   // an exception or the status recorded just now
    (void)doc;
    DrawGrid(views);
    DrawCellPopup(views);
    ImGui::End();
}
