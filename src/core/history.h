// Undo and redo for every kind of edit: typing, adding, removing, reordering, within a memory
// budget whatever the size of the draft.
//
// A step keeps only what changed, found by comparing the document before and after the change
// member by member, as document.h declares the members (fields.h): the old text of one field,
// the elements a list lost or gained, the old value of a dimension. Applying an entry swaps
// what it holds with what is in the document, so the same entry undoes and redoes.
//
// To know "before", the caller says what it is about to change, by the same group key that
// joins typing into one step: a text field's key ("ans-3k2.../reasoning") keeps a copy of that
// field alone; "<id>/<member>" of another member keeps a copy of that object; "" (adding,
// removing, moving) keeps a copy of the whole document until the change is done. The copy is
// turned into entries and dropped at the next record, undo, redo or history_commit (the app
// commits at the end of every frame), so at most one copy lives at a time.
//
// Typing is grouped: changes to the same field with short pauses form one step, so Undo
// takes back a burst of typing, not one letter. The oldest steps are forgotten once the log
// holds more than `max_bytes` (or `max_steps`).
//
// Index of this file
//   UndoEntry, UndoStep, History .... the log
//   history_* ....................... recording, committing, undoing, redoing
#pragma once
#include "document.h"

#include <memory>
#include <string>
#include <vector>

namespace parley {

// Where an entry applies: member `member` of the object reached so far, then, for a list,
// element `element` (-1: the member itself). Paths are valid because steps are undone in
// exactly the reverse order they were made.
struct PathStep {
    int member = 0;
    int element = -1;
};
using Path = std::vector<PathStep>;

// A value of any member type, kept by an entry. `type` tells which, so an entry can never be
// applied to a member of another type (PARLEY_ASSERT).
struct Held {
    const void* type = nullptr;
    size_t      bytes = 0;
    virtual ~Held() = default;
};

struct UndoEntry {
    enum Kind { Member, Splice, Extra };
    Kind   kind = Member;
    Path   path;               // Member: to the member; Splice: to the list; Extra: to the object
    size_t start = 0;          // Splice: the first element that differs
    size_t count = 0;          // Splice: how many elements stand there in the document now
    std::unique_ptr<Held> held;   // the other value, or the other elements of the splice
};

struct UndoStep {
    std::vector<UndoEntry> entries;   // undone last to first, redone first to last
    size_t bytes = 0;
};

struct History {
    std::vector<UndoStep> undo;       // oldest first
    std::vector<UndoStep> redo;       // most recent last
    std::string group;                // the step a further change may join ("" = none open)
    double      group_last_ms = 0;    // when that step last grew
    size_t      max_steps = 500;
    size_t      max_bytes = 32u << 20;   // the budget of the log (docs/architecture.md)
    size_t      bytes = 0;            // held by undo and redo steps now
    size_t      forgotten = 0;        // steps dropped so far to stay within the budget

    // The change under way: what was copied before it, and where each copy sits.
    struct Copy {
        Path path;                    // of the copied member, list or object ([] = the document)
        std::unique_ptr<Held> before;
        bool removal = false;         // a "-<id>" scope: `path` ends at the element about to be removed
    };
    struct Pending {
        bool  open = false;
        bool  joins = false;          // its entries go to the top step (typing in one field)
        std::vector<Copy> copies;
    } pending;
};

constexpr double kHistoryPauseMs = 1000;   // a longer pause in typing starts a new step

// Call just before changing `doc`. `group` names what is being edited (see above); "" makes
// the change a step of its own. `scope`, when given, says what the change touches instead of
// the group: keys "<id>/<member>" (a member of any kind: a list such as "document/questions",
// a nested object, a text), "<id>" (a whole object) or "-<id>" (an object about to be removed
// from its list, and nothing else in that list changes), separated by ';'. Keys that name
// nothing are ignored; when none names anything, the whole document is copied. core/edit.h
// gives the scope of each removal it makes.
void   history_record(History& h, const Document& doc, const std::string& group, double now_ms, const std::string& scope = "");
// The change announced by history_record is done: turn it into entries. Idempotent.
void   history_commit(History& h, const Document& doc);
void   history_end_group(History& h);                 // the user moved on: the next change is a new step
bool   history_undo(History& h, Document& doc);       // false when there is nothing to undo
bool   history_redo(History& h, Document& doc);
void   history_clear(History& h);                     // a different document was opened
size_t history_pending_bytes(const History& h);      // the copy held for the change under way

// The memory a value takes, roughly: its text and list storage and their objects.
size_t approx_bytes(const Document& doc);

} // namespace parley
