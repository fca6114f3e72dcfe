// The Parley application as ImGui draws it. Knows the core and ImGui, nothing of the
// browser: the platform layer feeds input, calls App_Frame once a frame, and reads back the
// few things only it can act on (window title, font scale).
#pragma once
#include "core/document.h"
#include "core/export.h"
#include "theme.h"
#include "views.h"
#include <string>
#include <vector>

// What File > Export writes. The numbers are this file's alone: the page only passes them back.
enum class ExportFormat { Markdown, WebPage, PlainText };

// The app shell's own state: files, modals, autosave, the window. What the views of the draft
// share (the edit session, the editor, the compare view, the workshop presentation) is `views`,
// handed to them; they never see the rest.
struct AppState {
    // Bytes the heap can still give (the platform's; null natively: no bound). An opened file
    // may take three quarters of it, less twice its own size: one too dense for that is refused
    // (import_document's memory_budget) rather than run the heap out with the draft in it.
    size_t (*memory_left)() = nullptr;
    Views  views;
    Theme  theme = Theme_Light;
    bool   open_about = false;
    bool   open_shortcuts = false;
    bool   open_trim_history = false;   // File > Trim history...
    std::string trim_from;            // the revision chosen there: its changes and the later ones are kept

    // Unsaved work: `views.session.edits` counts every edit; saving or opening catches up.
    int    saved_edits = 0;
    int    saving_edits = -1;        // `edits` when the save under way was asked for (-1: none)
    std::string saving_revision;     // the revision that save added, taken back if it fails

    // The file the document came from or was saved to, as the page's token for its handle
    // (0: none). It travels with the document, so Save never writes into another draft's file.
    int    file_token = 0;
    int    pending_file_token = 0;

    // The document's word count, worked out once per change rather than every frame.
    int    words = 0;
    int    words_generation = -1, words_edits = -1;

    // A document waiting to replace the open one once the user agrees to discard changes.
    bool   confirm_replace = false;
    parley::Document pending_doc;
    std::string pending_what;        // "open the example", "start a new draft", ...
    std::string pending_status;      // shown once it has replaced the open one ("Opened ...")

    // Requests the platform layer carries out after the frame (file picker, download).
    bool   request_open = false;
    bool   request_save = false;
    bool   request_export = false;
    ExportFormat export_format = ExportFormat::Markdown;
    parley::ExportOptions export_options;   // what the requested export holds
    bool   export_comments = false;   // File > Export > Include comments (the draft's exports only)
    bool   open_joint_export = false; // File > Export > Joint response...: its modal

    // A file that did not open: its problems, shown until dismissed. The document is untouched.
    bool   show_open_errors = false;
    std::string open_errors_source;
    std::vector<std::string> open_errors;

    // Autosave to the browser's storage (the platform writes it; the app shows what happened).
    std::string autosave_problem;    // "" while autosave works; else why not, in plain words
    bool   open_autosave_help = false;
    // Drafts kept from earlier visits are listed by ui/autosave_ui.h, restored by the platform.
    std::string window_title;        // what the browser tab should say
};

void  App_Init(AppState& app, unsigned long long random_seed);
bool  App_HasUnsavedChanges(const AppState& app);
// Opens a document's JSON text (from a file, a drop or a paste). On failure the problems are
// shown and the open document is kept. `source` names where it came from ("draft.parley.json");
// `what` ends the question asked before unsaved work is replaced ("Discard and open the file").
bool  App_OpenText(AppState& app, const std::string& text, const std::string& source, int file_token = 0,
                   const char* what = "open the file");
// Bytes an import of `text_size` bytes may take (import_document's memory_budget).
size_t App_ImportBudget(const AppState& app, size_t text_size);
void  App_ShowOpenProblems(AppState& app, const std::string& source, std::vector<std::string> problems);
// Puts `doc` in place of the open one at once (no question asked): undo history starts afresh.
// `unsaved`: the document is not in any file yet (restored from autosave).
void  App_SetDocument(AppState& app, parley::Document doc, bool unsaved = false, int file_token = 0);
// Saving: records a revision, returns the canonical text and a file name for it. When the page
// reports back, a failed save takes the revision back; a successful one may bring a new file token.
std::string App_PrepareSave(AppState& app, const std::string& utc_time, std::string* file_name);
void  App_SaveFinished(AppState& app, bool saved, const std::string& message, int file_token);
int   App_WordCount(AppState& app);
// The requested export: its text, a file name and a media type.
std::string App_Export(AppState& app, ExportFormat format, std::string* file_name, const char** mime);
void  App_Undo(AppState& app);
void  App_Redo(AppState& app);
void  App_Frame(AppState& app);     // between ImGui::NewFrame() and ImGui::Render()
void  App_SetZoom(AppState& app, float zoom);
const char* App_Version();
