// Edits that touch more than one place in a document. Removing something another part of the
// document points at must take the pointers with it, or the saved file would no longer open
// (a co-signatory's position naming a removed organisation). Comments are the exception: they
// outlive what they are on, and learn what it was (Comment::about) if they did not say.
// The editors call these; undo brings everything back in one step, because the app records
// the whole document before each edit.
#pragma once
#include "document.h"
#include <string>
#include <vector>

namespace parley {

// Each returns false when nothing has that id. The id is taken by value: callers often pass a
// reference into the very list being changed (`doc.questions[i].id`), which the removal would
// overwrite halfway (it once removed the next question's answer). Each removal's undo scope (core/history.h) says
// what it may change, so the undo step copies only that; an editor passes it to
// Session_BeforeEdit. A scope that misses something fails the session's verify check.
std::string remove_question_scope(const Document& doc, const std::string& question_id);
std::string remove_regime_scope(const Document& doc, const std::string& regime_id);
std::string remove_dimension_scope(const Document& doc, const std::string& dimension_id);
std::string remove_section_scope(const Document& doc, const std::string& section_id);
std::string remove_criterion_scope(const Document& doc, const std::string& criterion_id);
std::string remove_participant_scope(const Document& doc, const std::string& participant_id);
// remove_organisation reaches into every answer's co-signatories: its scope is the whole draft ("").

bool remove_question(Document& doc, std::string question_id);        // with its answer
bool remove_organisation(Document& doc, std::string organisation_id); // its positions, ownerships, participants
bool remove_regime(Document& doc, std::string regime_id);             // regimes based on it, workshop columns and scores
bool remove_dimension(Document& doc, std::string dimension_id);
bool remove_section(Document& doc, std::string section_id);          // sections and general points
bool remove_criterion(Document& doc, std::string criterion_id);      // a workshop row with its scores
bool remove_participant(Document& doc, std::string participant_id);  // a workshop participant with their scores

// Moves element `index` one place up (delta -1) or down (+1); false at either end.
template <typename T>
bool move_item(std::vector<T>& list, int index, int delta)
{
    const int to = index + delta;
    if (index < 0 || index >= (int)list.size() || to < 0 || to >= (int)list.size()) return false;
    std::swap(list[index], list[to]);
    return true;
}

// The answer to a question, or null when it has none yet.
Answer* find_answer(Document& doc, const std::string& question_id);

} // namespace parley
