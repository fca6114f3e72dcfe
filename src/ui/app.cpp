// Index of this file
//   Zoom and shortcuts
//   The open document: replacing it, undo, opening
//   Saving, exporting, restoring
//   Menu bar and status bar
//   Modals
//   The frame

#include "app.h"

#include "core/file_names.h"
#include "core/document_json.h"
#include "core/export.h"
#include "core/revision_changes.h"
#include "core/utf8.h"
#include "core/value_text.h"
#include "compare_view.h"
#include "signoff_grid.h"
#include "merge_view.h"
#include "document_editor.h"
#include "prose_field.h"
#include "item_hooks.h"
#include "pane_tabbing.h"
#include "workshop_results.h"
#include "share_link_modal.h"
#include "autosave_ui.h"
#include "comments_pane.h"
#include "field_history_view.h"
#include "examples.h"
#include "identity.h"
#include "joint_export_modal.h"
#include "fonts.h"
#include "keyboard_entry.h"
#include "theme.h"
#include "widgets.h"
#include "imgui.h"
#include "imgui_internal.h"   // BeginViewportSideBar
#include "imgui_stdlib.h"     // InputText on std::string

#include <algorithm>
#include <cmath>
#include <cstring>

static const float kZoomSteps[] = {0.67f, 0.75f, 0.8f, 0.9f, 1.0f, 1.1f, 1.25f, 1.5f, 1.75f, 2.0f, 2.5f, 3.0f};

const char* App_Version() { return "0.1.0"; }

// A fresh document of a kind, with the id every copy of it will keep.
static parley::Document NewDocument(AppState& app, parley::DocumentKind kind)
{
    parley::Document doc;
    doc.id = app.views.session.ids.next("doc");
    doc.kind = kind;
    return doc;
}

void App_Init(AppState& app, unsigned long long seed)
{
    app.views.session.ids.state ^= seed;
    Session_Replace(app.views.session, NewDocument(app, parley::DocumentKind::Response));
    app.views.style_dirty = true;
}

void App_SetZoom(AppState& app, float zoom)
{
    zoom = std::clamp(zoom, kZoomSteps[0], kZoomSteps[IM_ARRAYSIZE(kZoomSteps) - 1]);
    if (std::fabs(zoom - app.views.zoom) > 0.001f) {
        app.views.zoom = zoom;
        app.views.style_dirty = true;
    }
}

// ---------------------------------------------------------------------------------------
// Zoom and shortcuts

static void ZoomStep(AppState& app, int direction)
{
    const int n = IM_ARRAYSIZE(kZoomSteps);
    if (direction > 0) {
        for (int i = 0; i < n; i++)
            if (kZoomSteps[i] > app.views.zoom + 0.001f) { App_SetZoom(app, kZoomSteps[i]); return; }
    } else {
        for (int i = n - 1; i >= 0; i--)
            if (kZoomSteps[i] < app.views.zoom - 0.001f) { App_SetZoom(app, kZoomSteps[i]); return; }
    }
}

// Ctrl on Windows/Linux, Cmd on macOS (ImGui swaps them when ConfigMacOSXBehaviors is set).
static bool ShortcutPressed(ImGuiKey key, bool shift = false)
{
    const ImGuiIO& io = ImGui::GetIO();
    const bool mod = io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl;
    return mod && io.KeyShift == shift && ImGui::IsKeyPressed(key, false);
}

static const char* ShortcutLabel(const char* key)
{
    static char buf[32];
    snprintf(buf, sizeof(buf), "%s+%s", ImGui::GetIO().ConfigMacOSXBehaviors ? "Cmd" : "Ctrl", key);
    return buf;
}

static bool DocumentHasContent(const parley::Document& doc)
{
    return parley::document_has_words(doc) || (!doc.organisations.empty() && !doc.organisations[0].name.empty());
}

int App_WordCount(AppState& app)
{
    if (app.words_generation != app.views.session.generation || app.words_edits != app.views.session.edits) {
        app.words = parley::count_document_words(app.views.session.doc);
        app.words_generation = app.views.session.generation;
        app.words_edits = app.views.session.edits;
    }
    return app.words;
}

bool App_HasUnsavedChanges(const AppState& app)
{
    return app.views.session.edits != app.saved_edits && DocumentHasContent(app.views.session.doc);
}

// ---------------------------------------------------------------------------------------
// The open document: replacing it, undo, opening

void App_SetDocument(AppState& app, parley::Document doc, bool unsaved, int file_token)
{
    Prose_StopEditing(app.views);        // the field being edited belonged to the old one
    Session_Replace(app.views.session, std::move(doc), !unsaved);
    app.views.session.edits = unsaved ? 1 : 0;
    app.saved_edits = 0;
    app.saving_edits = -1;
    app.file_token = file_token;
    app.views.editor.Reset();            // jumps and filters named the old one's parts
    app.views.compare.Reset();           // its columns named the old one's regimes
    app.views.merge.Reset();             // a merge into the old one is not one into this
    app.views.presentation.Reset();
    app.views.comments.Reset();          // a reply or an edit named the old one's comments
    app.views.field_history.Reset();     // its field was the old one's
    app.views.signoff.Reset();           // its cells and typed exceptions named the old one's answers
    app.views.status_message.clear();    // "Saved as ..." was about the old one
}

static void ReplaceDocument(AppState& app)
{
    App_SetDocument(app, std::move(app.pending_doc), false, app.pending_file_token);
    app.pending_doc = parley::Document{};
    app.pending_file_token = 0;
    if (!app.pending_status.empty()) app.views.status_message = std::move(app.pending_status);
    app.pending_status.clear();
}

// Undo and redo replace the document under any text field being edited, so the field is
// let go first: ImGui would otherwise keep showing (and run its own undo on) its copy.
void App_Undo(AppState& app)
{
    if (!Session_CanUndo(app.views.session)) return;
    ImGui::ClearActiveID();
    Session_Undo(app.views.session);
}

void App_Redo(AppState& app)
{
    if (!Session_CanRedo(app.views.session)) return;
    ImGui::ClearActiveID();
    Session_Redo(app.views.session);
}

// Puts `doc` in place of the open document, asking first when that has unsaved work.
static void OfferDocument(AppState& app, parley::Document doc, const char* what, std::string status = "", int file_token = 0)
{
    app.pending_doc = std::move(doc);
    app.pending_what = what;
    app.pending_status = std::move(status);
    app.pending_file_token = file_token;
    if (App_HasUnsavedChanges(app)) {
        app.confirm_replace = true;   // never throw away typed words without asking
        return;
    }
    ReplaceDocument(app);
}

static void StartNew(AppState& app, parley::DocumentKind kind)
{
    OfferDocument(app, NewDocument(app, kind), "start a new draft");
}

static void OpenExample(AppState& app, int index)
{
    parley::ImportResult r = parley::import_document(g_examples[index].json);
    if (r.ok) OfferDocument(app, std::move(r.document), "open the example");   // examples are tested to load
}

void App_ShowOpenProblems(AppState& app, const std::string& source, std::vector<std::string> problems)
{
    app.open_errors = std::move(problems);
    app.open_errors_source = source;
    app.show_open_errors = true;
}

size_t App_ImportBudget(const AppState& app, size_t text_size)
{
    if (!app.memory_left) return SIZE_MAX;
    const size_t usable = app.memory_left() / 4 * 3;
    return usable > 2 * text_size ? usable - 2 * text_size : 0;
}

bool App_OpenText(AppState& app, const std::string& text, const std::string& source, int file_token, const char* what)
{
    // A file chosen in the compare view is the other version, not a replacement for this draft.
    const bool for_compare = app.views.compare.open_for_compare;
    app.views.compare.open_for_compare = false;
    // And one chosen for a merge is the other organisation's copy, or the original of both.
    const bool for_merge = app.views.merge.open_for_merge, for_original = app.views.merge.open_for_original;
    app.views.merge.open_for_merge = app.views.merge.open_for_original = false;
    parley::ImportResult r = parley::import_document(text, App_ImportBudget(app, text.size()));
    if (!r.ok) {
        std::vector<std::string> problems;
        for (const parley::ImportError& e : r.errors) {   // "Line 5, column 11 · /kind · what is wrong"
            std::string line = e.line > 0 ? "Line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + "  \xC2\xB7  " : "";
            if (!e.pointer.empty()) line += e.pointer + "  \xC2\xB7  ";
            problems.push_back(line + e.message);
        }
        App_ShowOpenProblems(app, source, std::move(problems));
        return false;
    }
    if (for_compare) {
        CompareView_SetOther(app.views, std::move(r.document), source);
        return true;
    }
    if (for_original) {
        MergeView_SetOriginal(app.views, r.document, source);
        return true;
    }
    if (for_merge) {
        MergeView_SetTheirs(app.views, std::move(r.document), source);
        return true;
    }
    std::string status = "Opened " + source + (r.unknown_fields == 0 ? "" : " (" + parley::thousands((long long)r.unknown_fields) +
                         (r.unknown_fields == 1 ? " field" : " fields") + " from a newer Parley kept as they are)");
    OfferDocument(app, std::move(r.document), what, std::move(status), file_token);
    return true;
}

// ---------------------------------------------------------------------------------------
// Saving, exporting, restoring

std::string App_PrepareSave(AppState& app, const std::string& utc_time, std::string* file_name)
{
    // The revision says who saved it: the person using this browser when they have said
    // (File > Your name and organisation...), else the draft's lead, as Parley did before.
    const parley::Document& doc = app.views.session.doc;
    const Identity& me = app.views.me;
    const std::string organisation = !me.organisation.empty() ? me.organisation
                                   : doc.organisations.empty() ? std::string() : parley::organisation_name(doc.organisations[0]);
    app.saving_revision = Session_AddRevision(app.views.session, organisation, utc_time, me.name);
    app.saving_edits = app.views.session.edits;   // what the file will hold, whatever is typed while it is written
    *file_name = parley::file_base_name(app.views.session.doc.title) + ".parley.json";
    return parley::export_document(app.views.session.doc);
}

std::string App_Export(AppState& app, ExportFormat format, std::string* file_name, const char** mime)
{
    const parley::ExportOptions& options = app.export_options;
    const std::string base = parley::file_base_name(app.views.session.doc.title) + (options.content == parley::ExportContent::JointResponse ? " - joint response" : "");
    switch (format) {
    case ExportFormat::Markdown: *file_name = base + ".md"; *mime = "text/markdown"; return parley::export_markdown(app.views.session.doc, options);
    case ExportFormat::WebPage: *file_name = base + ".html"; *mime = "text/html"; return parley::export_html(app.views.session.doc, options);
    case ExportFormat::PlainText: break;
    }
    *file_name = base + ".txt";
    *mime = "text/plain";
    return parley::export_text(app.views.session.doc, options);
}

void App_SaveFinished(AppState& app, bool saved, const std::string& message, int file_token)
{
    if (app.saving_edits < 0) return;   // the document was replaced while the page was saving
    if (saved) {
        Session_RevisionSaved(app.views.session, app.saving_revision);
        app.saved_edits = app.saving_edits;
        if (file_token) app.file_token = file_token;
    } else {
        Session_TakeBackRevision(app.views.session, app.saving_revision);
    }
    app.saving_edits = -1;
    app.views.status_message = message;
}

// ---------------------------------------------------------------------------------------
// Menu bar and status bar

// Example titles, read once from the embedded files for the menu.
static const std::vector<std::string>& ExampleTitles()
{
    static std::vector<std::string> titles;
    if (titles.empty())
        for (int i = 0; i < g_example_count; i++) {
            parley::ImportResult r = parley::import_document(g_examples[i].json);
            titles.push_back(r.ok && !r.document.title.empty() ? r.document.title : g_examples[i].file_name);
        }
    return titles;
}

// A hairline along one edge of the current window, to separate bars from the page.
static void WindowEdgeLine(bool bottom)
{
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const float y = bottom ? w->Pos.y + w->Size.y - 1.0f : w->Pos.y;
    w->DrawList->PushClipRect(w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y), false);
    w->DrawList->AddLine(ImVec2(w->Pos.x, y + 0.5f), ImVec2(w->Pos.x + w->Size.x, y + 0.5f), Theme_Colors().border, 1.0f);
    w->DrawList->PopClipRect();
}

static void RequestExport(AppState& app, ExportFormat format, parley::ExportContent content = parley::ExportContent::Draft)
{
    app.request_export = true;
    app.export_format = format;
    app.export_options.content = content;
    app.export_options.comments = content == parley::ExportContent::Draft && app.export_comments;
}

// File > Open: the next file opened replaces the draft (not a compare's or a merge's file).
static void OpenFile(AppState& app)
{
    app.request_open = true;
    app.views.compare.open_for_compare = false;
    app.views.merge.open_for_merge = app.views.merge.open_for_original = false;
}

static void DrawMenuBar(AppState& app)
{
    // The six menus' names and the room around them; in a narrow window (400 % zoom is 320
    // CSS pixels) the room shrinks so Help is not cut off the end of the bar.
    const float z = app.views.zoom;
    float names = 0;
    for (const char* name : {"File", "Edit", "Compare", "Review", "View", "Help"}) names += ImGui::CalcTextSize(name).x;
    const float room = std::clamp((ImGui::GetMainViewport()->WorkSize.x - 2 * 12 * z - names) / 12.0f, 3 * z, 10 * z);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12 * z, 8 * z));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(room, 10 * z));
    if (ImGui::BeginMainMenuBar()) {
        KeyboardEntry_MenuBar("File");
        if (ImGui::BeginMenu("File")) {
            if (ImGui::MenuItem("New consultation response")) StartNew(app, parley::DocumentKind::Response);
            if (ImGui::MenuItem("New framework proposal")) StartNew(app, parley::DocumentKind::Proposal);
            if (ImGui::MenuItem("New workshop comparison")) StartNew(app, parley::DocumentKind::Workshop);
            if (ImGui::BeginMenu("Examples")) {
                const std::vector<std::string>& titles = ExampleTitles();
                for (int i = 0; i < (int)titles.size(); i++)
                    if (ImGui::MenuItem(titles[i].c_str())) OpenExample(app, i);
                ImGui::EndMenu();
            }
            ImGui::Separator();
            if (ImGui::MenuItem("Open...", ShortcutLabel("O"))) OpenFile(app);
            if (const int kept = Recovery_Remaining(); kept > 0) {   // put off with "Decide later": still to be dealt with
                const std::string label = "Unsaved drafts (" + std::to_string(kept) + ")...";
                if (ImGui::MenuItem(label.c_str(), nullptr, false, !Recovery_IsOpen())) Recovery_Reopen();
            }
            const size_t open_conflicts = app.views.session.doc.merge.conflicts.size();
            if (ImGui::MenuItem(open_conflicts ? "Settle the open conflicts of a merge..." : "Merge changes from another copy...")) MergeView_Start(app.views);
            if (ImGui::MenuItem("Save", ShortcutLabel("S"))) app.request_save = true;
            if (ImGui::MenuItem("Copy share link")) ShareLink_Request();   // the draft in a link (share_link_modal.h)
            if (ImGui::MenuItem("Trim history...", nullptr, false, app.views.session.doc.revisions.size() > 1)) { app.open_trim_history = true; app.trim_from.clear(); }
            if (ImGui::MenuItem("Your name and organisation...")) Identity_Ask(app.views, "");
            if (ImGui::BeginMenu("Export")) {
                if (ImGui::MenuItem("Markdown (.md)")) RequestExport(app, ExportFormat::Markdown);
                if (ImGui::MenuItem("Web page for printing (.html)")) RequestExport(app, ExportFormat::WebPage);
                if (ImGui::MenuItem("Plain text (.txt)")) RequestExport(app, ExportFormat::PlainText);
                ImGui::MenuItem("Include comments", nullptr, &app.export_comments);
                ImGui::Separator();
                const bool response = app.views.session.doc.kind == parley::DocumentKind::Response;
                if (ImGui::MenuItem("Joint response...", nullptr, false, response)) app.open_joint_export = true;
                if (!response) ImGui::SetItemTooltip("Only a consultation response goes to the inspectorate as a joint response.");
                ImGui::EndMenu();
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Edit")) {
            if (ImGui::MenuItem("Undo", ShortcutLabel("Z"), false, Session_CanUndo(app.views.session))) App_Undo(app);
            if (ImGui::MenuItem("Redo", ShortcutLabel("Y"), false, Session_CanRedo(app.views.session))) App_Redo(app);
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Compare")) {
            if (ImGui::MenuItem("Regimes side by side", nullptr, app.views.compare.open && app.views.compare.mode == CompareMode::Regimes)) CompareView_Open(app.views, CompareMode::Regimes);
            if (ImGui::MenuItem("With another version of this draft...", nullptr, app.views.compare.open && app.views.compare.mode == CompareMode::Versions)) CompareView_Open(app.views, CompareMode::Versions);
            ImGui::Separator();
            if (ImGui::MenuItem("Back to the draft", "Esc", false, app.views.compare.open)) app.views.compare.open = false;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Review")) {   // a joint response's sign-off (signoff_grid.h)
            const char* why_not = SignOffGrid_Unavailable(app.views.session.doc);
            if (ImGui::MenuItem("Sign-off by organisation", nullptr, app.views.signoff.open, !why_not)) SignOffGrid_Open(app.views);
            if (why_not) ImGui::TextDisabled("%s", why_not);
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("View")) {
            if (ImGui::MenuItem("Zoom in", ShortcutLabel("+"))) ZoomStep(app, +1);
            if (ImGui::MenuItem("Zoom out", ShortcutLabel("-"))) ZoomStep(app, -1);
            if (ImGui::MenuItem("Actual size", ShortcutLabel("0"))) App_SetZoom(app, 1.0f);
            ImGui::Separator();
            if (ImGui::MenuItem("Comments", nullptr, app.views.comments.open)) app.views.comments.open = !app.views.comments.open;
            ImGui::Separator();
            for (int t = 0; t < Theme_COUNT; t++)
                if (ImGui::MenuItem(Theme_Name((Theme)t), nullptr, app.theme == t)) {
                    app.theme = (Theme)t;
                    app.views.style_dirty = true;
                }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Help")) {
            if (ImGui::MenuItem("Keyboard shortcuts")) app.open_shortcuts = true;
            if (ImGui::MenuItem("About Parley")) app.open_about = true;
            ImGui::EndMenu();
        }
        WindowEdgeLine(true);
        ImGui::EndMainMenuBar();
    }
    ImGui::PopStyleVar(2);
}

static void DrawStatusBar(AppState& app)
{
    ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float height = ImGui::GetFontSize() * 1.0f + 12 * app.views.zoom;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16 * app.views.zoom, 6 * app.views.zoom));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, Theme_Colors().status_bar);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar;
    if (ImGui::BeginViewportSideBar("##StatusBar", viewport, ImGuiDir_Down, height, flags)) {
        WindowEdgeLine(false);
        if (ImGui::BeginMenuBar()) {
            ImGui::PushFont(Fonts_Get(Font_Small));
            const int words = App_WordCount(app);
            char state[96], summary[160];
            snprintf(state, sizeof(state), "%d %s  \xC2\xB7  %s", words, words == 1 ? "word" : "words",
                     App_HasUnsavedChanges(app) ? "Not saved to a file yet" : "No unsaved changes");
            snprintf(summary, sizeof(summary), "%s  \xC2\xB7  %s", parley::kind_label(app.views.session.doc.kind), state);
            // A narrow window (400 % zoom) drops the kind of draft, which the page's title says.
            const char* shown = ImGui::CalcTextSize(summary).x > ImGui::GetContentRegionAvail().x ? state : summary;
            ImGui::TextUnformatted(shown);
            ItemHooks_Text(A11yRole::Text, shown, 0, "status/summary");
            if (!app.autosave_problem.empty()) {   // a warning that stays until autosave works again
                ImGui::SameLine(0, 24 * app.views.zoom);
                ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().danger);
                if (PlainSmallButton("Autosave is off: save to a file")) app.open_autosave_help = true;
                ImGui::PopStyleColor();
            }
            if (const size_t open = app.views.session.doc.merge.conflicts.size(); open && !app.views.merge.open) {   // a merge left half done
                ImGui::SameLine(0, 24 * app.views.zoom);
                ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().danger);
                const std::string label = std::to_string(open) + (open == 1 ? " conflict" : " conflicts") + " from a merge still open: settle";
                if (PlainSmallButton(label.c_str())) MergeView_Start(app.views);
                ImGui::PopStyleColor();
            }
            if (!app.views.status_message.empty()) {
                ImGui::SameLine(0, 24 * app.views.zoom);
                ImGui::TextDisabled("%s", app.views.status_message.c_str());
            }
            // The message is announced as it changes (saved, autosave problems, import errors,
            // merge results): a live region that is there, empty, before the first message.
            ItemHooks_Text(A11yRole::Status, app.views.status_message.c_str(), 0, "status/message");
            char right[64];
            snprintf(right, sizeof(right), "Zoom %d%%   \xC2\xB7   Parley %s", (int)std::lround(app.views.zoom * 100), App_Version());
            const float w = ImGui::CalcTextSize(right).x;
            // At the right end, when it fits after what the left says (a narrow window keeps
            // the draft's state and the message, not the zoom and the version).
            const float right_x = ImGui::GetWindowWidth() - w - 28 * app.views.zoom;
            if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 24 * app.views.zoom <= right_x) {
                ImGui::SameLine(right_x);
                ImGui::TextDisabled("%s", right);
            }
            ImGui::PopFont();
            ImGui::EndMenuBar();
        }
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

// ---------------------------------------------------------------------------------------
// Modals

static void CentreNextModal()
{
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
}

static void DrawModals(AppState& app)
{
    const float z = app.views.zoom;
    if (app.open_about) { ImGui::OpenPopup("About Parley"); app.open_about = false; }
    if (app.open_trim_history) { ImGui::OpenPopup("Trim history"); app.open_trim_history = false; }
    if (app.open_shortcuts) { ImGui::OpenPopup("Keyboard shortcuts"); app.open_shortcuts = false; }
    if (app.confirm_replace) { ImGui::OpenPopup("Discard unsaved changes?"); app.confirm_replace = false; }
    if (app.show_open_errors) { ImGui::OpenPopup("This file could not be opened"); app.show_open_errors = false; }
    if (app.open_autosave_help) { ImGui::OpenPopup("Autosave is off"); app.open_autosave_help = false; }
    Identity_DrawModal(app.views);
    const int joint = JointExport_DrawModal(app.views, app.open_joint_export);
    app.open_joint_export = false;
    if (joint >= 0) RequestExport(app, (ExportFormat)joint, parley::ExportContent::JointResponse);

    Recovery_DrawModals(app.autosave_problem, z);   // drafts kept from earlier visits; autosave stopped

    CentreNextModal();
    ImGui::SetNextWindowSize(ImVec2(520 * z, 0));
    if (ImGui::BeginPopupModal("Autosave is off", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(app.autosave_problem.c_str());
        ItemHooks_Text(A11yRole::Text, app.autosave_problem.c_str());
        ImGui::TextUnformatted("Until this is fixed, nothing protects unsaved words if the tab closes: save to a file often (File > Save).");
        ItemHooks_Text(A11yRole::Text, "Until this is fixed, nothing protects unsaved words if the tab closes: save to a file often (File > Save).");
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, 4 * z));
        if (PlainButton("Close", ImVec2(120 * z, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    CentreNextModal();
    ImGui::SetNextWindowSize(ImVec2(460 * z, 0));
    if (ImGui::BeginPopupModal("About Parley", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::Text("Parley %s", App_Version());
        ImGui::TextWrapped("Drafting and comparing inspection framework proposals and consultation responses. "
                           "Runs in the browser with no install and no server; documents are plain JSON files.");
        ItemHooks_Text(A11yRole::Text, "Drafting and comparing inspection framework proposals and consultation responses. Runs in the browser with no install and no server; documents are plain JSON files.");
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, 4 * z));
        if (PlainButton("Close", ImVec2(120 * z, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    CentreNextModal();
    if (ImGui::BeginPopupModal("Trim history", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        // Each revision keeps what it changed, so copies can be merged from the files alone; older
        // changes can go once every copy in circulation has grown past them.
        parley::Document& doc = app.views.session.doc;
        ImGui::PushTextWrapPos(560 * z);
        ImGui::TextWrapped("Each saved revision keeps what it changed, so that copies coming back from other organisations can be merged "
                           "without the original. Choose the oldest revision whose changes to keep: older changes are forgotten and the "
                           "file gets smaller, but a copy that grew from an older revision can then only be merged with its original file.");
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, 6 * z));
        if (ImGui::BeginListBox("##revisions", ImVec2(560 * z, 220 * z))) {
            for (int i = (int)doc.revisions.size() - 1; i >= 0; i--) {   // newest first
                const parley::Revision& r = doc.revisions[i];
                std::string label = r.time.substr(0, 10) + " " + r.time.substr(11, 5) + "   " + (r.organisation.empty() ? r.author : r.organisation) +
                                    (r.note.empty() ? "" : "  \xC2\xB7  " + r.note) + (r.kept ? "" : "  (no changes kept)") + "##rev/" + r.id;
                if (SelectableItem(label.c_str(), app.trim_from == r.id)) app.trim_from = r.id;
            }
            ImGui::EndListBox();
        }
        ImGui::Dummy(ImVec2(0, 6 * z));
        ImGui::BeginDisabled(app.trim_from.empty());
        const bool forget = PlainButton("Forget the older changes");
        if (app.trim_from.empty()) ItemTooltip("Forget the older changes: choose in the list the oldest change to keep first", ImGuiHoveredFlags_AllowWhenDisabled);
        if (forget) {
            Session_BeforeEdit(app.views.session, "");   // undoable like any change
            const size_t bytes = parley::trim_history(doc, app.trim_from);
            app.views.status_message = "Forgot about " + std::to_string((bytes + 1023) / 1024) + " KB of older changes";
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (PlainButton("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    CentreNextModal();
    if (ImGui::BeginPopupModal("Keyboard shortcuts", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
            const char* rows[][2] = {
                {"Open a file", "O"}, {"Save to a file", "S"}, {"Undo", "Z"}, {"Redo", "Y"},
                {"Zoom in", "+"}, {"Zoom out", "-"}, {"Actual size", "0"},
                {"Copy / Cut / Paste", "C / X / V"}, {"Select all in a field", "A"},
            };
            for (auto& row : rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn(); ImGui::TextUnformatted(row[0]);
                ImGui::TableNextColumn(); ImGui::TextDisabled("%s", ShortcutLabel(row[1]));
            }
            ImGui::EndTable();
        }
        ImGui::Dummy(ImVec2(0, 4 * z));
        if (PlainButton("Close", ImVec2(120 * z, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    CentreNextModal();
    if (ImGui::BeginPopupModal("Discard unsaved changes?", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        const std::string why = "The open draft has changes that are not saved to a file. To " + app.pending_what + ", they are discarded.";
        ImGui::TextUnformatted(why.c_str());
        ItemHooks_Text(A11yRole::Text, why.c_str());
        ImGui::Dummy(ImVec2(0, 4 * z));
        const std::string discard = "Discard and " + app.pending_what;
        if (PlainButton(discard.c_str(), ImVec2(0, 0))) {
            ReplaceDocument(app);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (PlainButton("Keep my draft") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            app.pending_doc = parley::Document{};
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    // Every problem of a file that did not open, in words, with where it is; nothing changed.
    CentreNextModal();
    ImGui::SetNextWindowSize(ImVec2(std::min(760 * z, ImGui::GetMainViewport()->WorkSize.x - 40 * z), 0));
    if (ImGui::BeginPopupModal("This file could not be opened", nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(0.0f);
        const std::string what = app.open_errors_source + " has " + std::to_string(app.open_errors.size()) +
                                 (app.open_errors.size() == 1 ? " problem" : " problems") +
                                 ", listed below with the line and column where each is. Your open draft has not changed.";
        ImGui::TextUnformatted(what.c_str());
        ItemHooks_Text(A11yRole::Text, what.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, 4 * z));
        // Each problem wrapped, whole: a message says what is wrong and where, and a cut one
        // does not. The list is as tall as its lines, up to half the window, then scrolls.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float wrap = ImGui::GetContentRegionAvail().x - 2 * style.WindowPadding.x - style.ScrollbarSize;
        float list_height = 2 * style.WindowPadding.y;
        for (const std::string& e : app.open_errors)
            list_height += ImGui::CalcTextSize(e.c_str(), nullptr, false, wrap).y + style.ItemSpacing.y;
        list_height = std::min(list_height, ImGui::GetMainViewport()->WorkSize.y * 0.5f);
        if (ImGui::BeginChild("problems", ImVec2(0, list_height), ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened)) {
            for (size_t i = 0; i < app.open_errors.size(); i++)
                NamedText("problem-" + std::to_string(i), app.open_errors[i].c_str(), Theme_Colors().text, wrap);
        }
        ImGui::EndChild();
        ImGui::Dummy(ImVec2(0, 4 * z));
        if (PlainButton("Close", ImVec2(120 * z, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    ShareLink_DrawModals(z);   // File > Copy share link, and a link that could not be opened
}

// ---------------------------------------------------------------------------------------
// The frame

static void HandleShortcuts(AppState& app)
{
    if (ShortcutPressed(ImGuiKey_Equal) || ShortcutPressed(ImGuiKey_Equal, true) || ShortcutPressed(ImGuiKey_KeypadAdd)) ZoomStep(app, +1);
    if (ShortcutPressed(ImGuiKey_Minus) || ShortcutPressed(ImGuiKey_KeypadSubtract)) ZoomStep(app, -1);
    if (ShortcutPressed(ImGuiKey_0) || ShortcutPressed(ImGuiKey_Keypad0)) App_SetZoom(app, 1.0f);
    if (ShortcutPressed(ImGuiKey_Z)) App_Undo(app);
    if (ShortcutPressed(ImGuiKey_Y) || ShortcutPressed(ImGuiKey_Z, true)) App_Redo(app);   // Ctrl+Y, or Shift+Cmd+Z as on a Mac
    if (ShortcutPressed(ImGuiKey_O)) OpenFile(app);
    if (ShortcutPressed(ImGuiKey_S)) app.request_save = true;
    // Pasting outside a text field: a whole document pasted as JSON text opens like a file.
    if (ShortcutPressed(ImGuiKey_V) && !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        const char* clip = ImGui::GetClipboardText();
        const char* p = clip ? clip : "";
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') p++;
        if (*p == '{') App_OpenText(app, clip, "the pasted text");
    }
}

void App_Frame(AppState& app)
{
    app.views.session.now_ms = ImGui::GetTime() * 1000.0;   // pauses in typing are measured on the frame clock
    HandleShortcuts(app);
    if (!WorkshopPresentation_Frame(app.views)) {   // presenting: the results alone, no bars
        KeyboardEntry_Frame();
        DrawMenuBar(app);
        DrawStatusBar(app);
        if (app.views.merge.open) MergeView_Draw(app.views);
        else if (app.views.compare.open) CompareView_Draw(app.views);
        else if (app.views.signoff.open) SignOffGrid_Draw(app.views);
        else {
            CommentsPane_Draw(app.views);   // first: it takes its width from the right of the work area
            FieldHistoryView_Draw(app.views);   // so does who wrote what
            DocumentEditor_Draw(app.views);
            PaneTabbing_EndFrame(app.views);   // Tab from the page's last control to the outline, and back
        }
    }
    DrawModals(app);
    if (app.views.request_open) { app.request_open = true; app.views.request_open = false; }   // the compare view's "other version"
    Session_EndFrame(app.views.session);   // every change of this frame is in the undo log
    // A dot before the title while there are changes not saved to a file, as editors do.
    app.window_title = (App_HasUnsavedChanges(app) ? "\xE2\x80\xA2 " : "") +
                       (app.views.session.doc.title.empty() ? std::string("Parley") : app.views.session.doc.title + " \xE2\x80\x94 Parley");
}
