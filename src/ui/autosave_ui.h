// What the user sees of autosave besides the status bar: the list of unsaved drafts the
// browser kept (offered at start-up: Restore, Download or Discard each) and the one-time
// notice that autosave has stopped working. The page keeps the copies (web/autosave.js: one
// per draft and per tab); this only shows them and says what the user chose. The platform
// carries the choice out after the frame and answers (web_main.cpp, "Autosave").
#pragma once
#include <string>
#include <vector>

// A copy no open tab is writing: a closed or crashed tab's, or this tab's before a reload.
struct RecoveryCopy {
    std::string key;            // the page's name for it; passed back with the user's choice
    std::string title;          // the draft's title ("" untitled)
    std::string organisation;   // its lead organisation, if it names one
    std::string when;           // "30 November 2026 at 19:40" as the page's clock tells it
    double      characters = 0; // size of its text
};

enum RecoveryAction { Recovery_None, Recovery_Restore, Recovery_Download, Recovery_Discard };
struct RecoveryRequest {
    RecoveryAction action = Recovery_None;
    std::string key;
};

void Recovery_Offer(std::vector<RecoveryCopy> copies);   // opens the list (nothing if empty)
void Recovery_Reopen();                                  // File menu: the list again, after "Decide later"
bool Recovery_IsOpen();                                  // the list waits for an answer
bool Recovery_TakeRequest(RecoveryRequest* request);     // the platform: once per choice
// The page restored a copy into this tab (closes the list) or could not (it stays listed).
void Recovery_Restored(const std::string& key, const std::string& title);
int  Recovery_Remaining();                               // copies still listed
void Recovery_Forget(const std::string& key);            // gone from storage: listed no more

// Autosave failed: the notice shows once per visit (the status bar keeps saying it).
void AutosaveNotice_Show();
void AutosaveNotice_Hide();                              // autosave works again

void Recovery_DrawModals(const std::string& autosave_problem, float zoom);   // with the app's other modals
