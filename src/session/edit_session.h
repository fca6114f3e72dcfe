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

    // The content as revisions saved it: what the next revision records its changes against
    // (core/revision_changes.h). Two are kept, by revision id, so undoing a merge (whose
    // revision then leaves the draft) still finds the one before it.
    struct Saved {
        std::string      revision;   // the revision whose content this is ("" = none known)
        parley::Document content;
    };
    Saved  saved[2];
    std::string saving_revision;     // a save under way: its revision, and the content it saved
    parley::Document saving;
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
// Saving adds a revision record (history, not content: no undo step) that keeps what changed
// since the content last saved; a save that failed takes it back, one that worked makes its
// content the saved one. Returns the new revision's id.
std::string Session_AddRevision(EditSession& s, const std::string& organisation, const std::string& utc_time, const std::string& author = "");
void Session_TakeBackRevision(EditSession& s, const std::string& revision_id);
void Session_RevisionSaved(EditSession& s, const std::string& revision_id);
// Another document takes the place of the open one: the history starts afresh. `in_a_file`:
// the content is its last revision's (opened from a file); false for a draft restored from
// autosave, whose unsaved changes no revision knows of (its next revision keeps no changes).
void Session_Replace(EditSession& s, parley::Document doc, bool in_a_file = true);
// The content as the draft's last revision saved it; null when it is not known.
const parley::Document* Session_SavedContent(const EditSession& s);
// Merging another organisation's copy is finished: `merged` (with the merge's revision last)
// takes the place of the draft as one undo step, and `merge_content` (the merge revision's
// content: the merged draft before any conflict was settled) becomes the saved content.
void Session_FinishMerge(EditSession& s, parley::Document merged, parley::Document merge_content);
