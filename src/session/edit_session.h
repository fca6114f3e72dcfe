// The edit session: the open document, its undo history, the edit counter, and the one
// function every change to the document goes through. It sits below every view (editors,
// compare view, workshop) and above the core; it knows nothing of ImGui or the browser, so it
// is tested natively like the core.
//
// The rule every view keeps: call Session_BeforeEdit just before changing `doc`, naming what
// is about to change (core/history.h says how the name decides what the undo step keeps). The
// shell commits the change at the end of each frame (Session_EndFrame); with `verify` on (the
// unit tests), a change made without Session_BeforeEdit fails a PARLEY_ASSERT there.
#pragma once
#include "core/document.h"
#include "core/history.h"

#include <string>

struct EditSession {
    parley::Document    doc;
    parley::History     history;     // undo and redo of every edit to `doc`
    parley::IdGenerator ids;         // seeded at start-up: ids must differ between browsers
    int    edits = 0;                // every change counts one; the shell compares it with what was saved
    int    generation = 0;           // bumped whenever another document takes the place of `doc`
    double now_ms = 0;               // the shell's clock, set each frame: pauses in typing are measured on it
    bool   verify = false;           // check at each frame's end that nothing changed unannounced (slow)
    std::string verified;            // the canonical text as last committed (only with `verify`)
};

// Every change to the document goes through here first: it becomes undoable and unsaved.
// `group` names what is about to change: a field's key ("<object id>/<member>") for typing,
// so a burst of typing in one field is one undo step; "" for a step of its own (add, remove, move).
// `scope`, for a change that is not one field's, names what it touches so the undo step copies
// only that (core/history.h, history_record): "document/questions" for adding or moving a
// question. Without it the whole document is copied for the length of the change.
void Session_BeforeEdit(EditSession& s, const std::string& group, const std::string& scope = "");
void Session_EndGroup(EditSession& s);        // the user left the field: the next change is a new step
void Session_EndFrame(EditSession& s);        // the changes of this frame are done
bool Session_CanUndo(const EditSession& s);
bool Session_CanRedo(const EditSession& s);
bool Session_Undo(EditSession& s);
bool Session_Redo(EditSession& s);
// Saving adds a revision record (history, not content: no undo step); a save that failed
// takes it back. Returns the new revision's id.
std::string Session_AddRevision(EditSession& s, const std::string& organisation, const std::string& utc_time);
void Session_TakeBackRevision(EditSession& s, const std::string& revision_id);
// Another document takes the place of the open one: the history starts afresh.
void Session_Replace(EditSession& s, parley::Document doc);
