// Sign-off by organisation in a joint response: where each co-signatory stands on each answer,
// what is still waiting, and what stops the lead marking the whole response as agreed.
//
// The co-signatories are the organisations after the first (the lead). Each keeps, per answer,
// at most one Signatory entry (document.h): its own position where it differs, and its sign-off
// with a reason, who recorded it and when. An entry exists only while it holds something, so a
// file says nothing about organisations that have neither differed nor signed.
//
// The rule (docs/format.md, `signatories[]`): the response may be "agreed" only when every
// co-signatory has agreed every answered question, or the lead has recorded an exception for it.
// A joint response must also answer every question (a position, "No view" included, or words).
#pragma once
#include "document.h"

#include <string>
#include <vector>

namespace parley {

// One co-signatory on one question.
struct SignOffCell {
    int      entry = -1;                // index in the answer's signatories (-1: none)
    SignOff  signoff = SignOff::Unseen;
    Position position = Position::Unset;   // its own, when `differs`
    bool     differs = false;           // it takes another position than the answer's
    bool     excepted = false;          // not agreed, but the lead recorded an exception
    bool     changed_since = false;     // agreed, and a later revision changed the answer
};

// One question, in the draft's order, with one cell per co-signatory.
struct SignOffRow {
    int  question = -1;                 // index in doc.questions
    int  answer = -1;                   // index in doc.answers (-1: none)
    bool answered = false;              // a position or any words: see answer_is_answered
    bool diverges = false;              // a co-signatory's position differs from the answer's
    bool waiting = false;               // a cell blocks agreement, or the question has no answer
    std::vector<SignOffCell> cells;
};

struct SignOffTotals {
    int cells = 0;                      // answered questions x co-signatories
    int waiting = 0;                    // not yet seen (answered questions only)
    int agreed = 0, discuss = 0, objects = 0;
    int excepted = 0;                   // not agreed, with the lead's exception
    int changed_since = 0;              // agreed before the answer last changed
    int diverging_questions = 0;        // questions where any position differs
    int unanswered = 0;                 // questions with no answer
    int blockers = 0;                   // what agreement_blockers would list
};

// The grid the sign-off view draws: columns are co-signatories (indexes into doc.organisations,
// from 1). Indexes, not pointers: the view keeps it while the draft may grow under it.
struct SignOffGrid {
    std::vector<int>        columns;
    std::vector<SignOffRow> rows;
    SignOffTotals           totals;
};

SignOffGrid signoff_grid(const Document& doc);

// "12 of 40 waiting · 3 need discussion · 1 objects · positions differ on 2 questions"
std::string signoff_summary_line(const SignOffTotals& totals);

// True when an answer says anything: a position (No view included) or any words.
bool answer_is_answered(const Answer& answer);

// The co-signatory's entry on an answer, or null when it has none.
Signatory*       find_signatory(Answer& answer, const std::string& organisation);
const Signatory* find_signatory(const Answer& answer, const std::string& organisation);
// Its entry, made when it has none.
Signatory&       signatory_entry(Answer& answer, const std::string& organisation);
// True when an entry says nothing: no position, note, sign-off, reason, who, when, exception
// or member this version does not know.
bool signatory_is_empty(const Signatory& s);
// Removes the organisation's entry when it holds nothing; true when one was removed.
bool drop_empty_signatory(Answer& answer, const std::string& organisation);

// Records a co-signatory's sign-off of an answer, by whom and when (UTC). The position and note
// stay; the lead's exception goes, since it was about the sign-off this replaces. "Not yet seen"
// forgets the reason, who and when, and the entry goes once it holds nothing.
void set_signoff(Answer& answer, const std::string& organisation, SignOff signoff, const std::string& reason,
                 const std::string& signed_by, const std::string& signed_time);

// The lead's reason for agreeing the response without this co-signatory's sign-off ("" removes it).
void record_exception(Answer& answer, const std::string& organisation, const std::string& reason);

// What stops the response being marked agreed, in the draft's order.
struct SignOffBlocker {
    std::string question;       // question id
    std::string answer;         // answer id ("" : the question has no answer)
    std::string organisation;   // organisation id ("" : the question has no answer)
    SignOff     signoff = SignOff::Unseen;
};
std::vector<SignOffBlocker> agreement_blockers(const Document& doc);
// "Question 3: LGA needs discussion", "Question 6 has no answer yet"
std::string blocker_text(const Document& doc, const SignOffBlocker& blocker);


} // namespace parley
