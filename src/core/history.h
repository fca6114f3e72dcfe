// Undo and redo for every kind of edit: typing, adding, removing, reordering.
//
// Each step keeps a whole copy of the document as it was before the step. That is simple,
// cannot get out of step with the model as it grows, and is cheap at the sizes people write
// (a long response is tens of kilobytes). Typing is grouped: changes to the same field with
// short pauses form one step, so Undo takes back a burst of typing, not one letter.
#pragma once
#include "document.h"

#include <string>
#include <vector>

namespace parley {

struct History {
    std::vector<Document> undo;      // states before each step, oldest first
    std::vector<Document> redo;      // states undone, most recent last
    std::string group;               // the step a further change may join ("" = none open)
    double      group_last_ms = 0;   // when that step last grew
    size_t      max_steps = 200;     // the oldest steps are forgotten beyond this
};

constexpr double kHistoryPauseMs = 1000;   // a longer pause in typing starts a new step

// Call just before changing `doc`. `group` names what is being edited ("title",
// "answer:ans-3:reasoning"); "" makes the change a step of its own (adding, removing).
void history_record(History& h, const Document& doc, const std::string& group, double now_ms);
void history_end_group(History& h);                 // the user moved on: the next change is a new step
bool history_undo(History& h, Document& doc);       // false when there is nothing to undo
bool history_redo(History& h, Document& doc);
void history_clear(History& h);                     // a different document was opened

} // namespace parley
