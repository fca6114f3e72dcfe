// A workshop's results worked out from its scores, and the edits its editor makes.
//
// A workshop puts regimes in columns and criteria in rows; each participant scores each cell
// from 0 to 5. The results are plain numbers the editor, the presentation and the exports all
// draw from, so the three always agree:
//  - per cell: the mean over the participants who scored it, how many did, lowest, highest,
//    the spread (highest - lowest) and the standard deviation;
//  - per regime: the weighted score, sum(weight x mean) / sum(weight) over the criteria that
//    were scored, on the same 0-5 scale as the scores (so "3.4 of 5" reads like a score), and
//    its rank. A criterion nobody scored for a regime is left out of that regime's score rather
//    than counted as 0, and the regime says how many it is missing: a half-scored column is
//    shown as incomplete, not silently punished.
// Removing a criterion or a participant is in edit.h, with the other removals.
#pragma once
#include "document.h"

#include <string>
#include <vector>

namespace parley {

struct WorkshopCell {
    int    count = 0;               // participants who scored it (0: nobody; the rest mean nothing)
    double mean = 0, min = 0, max = 0;
    double spread = 0;              // max - min: how far apart the room was
    double deviation = 0;           // population standard deviation of the scores
};

struct WorkshopTotal {
    std::string regime;             // its id
    double weighted = 0;            // sum over scored criteria of weight x mean
    double weight = 0;              // sum of the weights of the criteria scored for it
    double score = 0;               // weighted / weight: 0 to 5 (0 when nothing was scored)
    int    rank = 0;                // 1 = best; equal scores share a rank ("=2nd"); 0 = not ranked (no scores)
    bool   tied = false;            // another regime has the same rank
    int    unscored = 0;            // criteria of weight > 0 nobody scored for this regime
};

struct WorkshopResults {
    std::vector<std::string>   regimes;    // column regime ids, in column order
    std::vector<std::string>   criteria;   // row criterion ids, in row order
    std::vector<WorkshopCell>  cells;      // criteria.size() x regimes.size(), row by row
    std::vector<WorkshopTotal> totals;     // one per column, in column order (not rank order)
    std::vector<int>           order;      // column indices from the best score to the worst
    int unscored_cells = 0;                // cells nobody scored
    const WorkshopCell& cell(int criterion, int regime) const { return cells[(size_t)criterion * regimes.size() + regime]; }
};

// Regimes a workshop compares: workshop.regimes, or every regime when that list is empty.
std::vector<std::string> workshop_columns(const Document& doc);
WorkshopResults workshop_results(const Document& doc);
// One participant's own weighted score (0-5) for each column, with how many of its cells they
// scored: how far each person's view differs from the room's.
std::vector<double> participant_scores(const Document& doc, const WorkshopResults& results, const std::string& participant,
                                       std::vector<int>* scored = nullptr);

// "1st", "2nd", "=3rd" for a tie, "" for not ranked.
std::string rank_label(int rank, bool tied);
// A score or mean as a room reads it: one decimal ("3.5", "4.0"); totals take two, so two
// regimes ranked apart never show the same number.
std::string score_text(double score, int decimals = 1);

// Edits. Each refuses (returns false) ids the document does not have, so nothing it writes
// can fail to open again.
const Score* find_score(const Document& doc, const std::string& participant, const std::string& regime, const std::string& criterion);
// Sets one participant's score for a cell, replacing any earlier one; the score is clamped to
// 0..5 (a number that is not finite is refused). An existing score keeps its note.
bool set_score(Document& doc, const std::string& participant, const std::string& regime, const std::string& criterion, double score);
bool clear_score(Document& doc, const std::string& participant, const std::string& regime, const std::string& criterion);
// Adds those of the six usual criteria (burden on frontline staff, proportionality, clarity,
// focus on the child, multi-agency reach, support for improvement) whose labels the workshop
// does not have yet, each with a description and weight 1. Returns how many it added.
int  add_default_criteria(Document& doc, IdGenerator& ids);
int  missing_default_criteria(const Document& doc);   // how many of the six add_default_criteria would add
Participant& add_participant(Document& doc, IdGenerator& ids, const std::string& name, const std::string& organisation = "");
// Puts a regime in the columns or takes it out. An empty column list means "every regime", so
// the first change writes the list out in full; the last column cannot be taken out (an empty
// list would bring every regime back). Scores for a column taken out are kept: putting it
// back brings them back.
bool set_column(Document& doc, const std::string& regime, bool included);
bool move_column(Document& doc, const std::string& regime, int delta);   // -1 left, +1 right
// Clamps a weight to what the file accepts (0 or more; not finite: refused).
bool set_weight(Document& doc, const std::string& criterion, double weight);

} // namespace parley
