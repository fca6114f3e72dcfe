// Comparisons a person can read: regimes side by side, dimension by dimension, and two versions
// of one draft, field by field. The compare view, `parley diff` and (later) merging all draw on
// these; none of them compares anything itself.
//
// Regimes line up by dimension key, never by position: two organisations may list the same
// dimensions in any order. Typed values are compared as values ("25 -> 50 cases (+25,
// doubled)"), prose word by word (word_diff.h).
#pragma once
#include "document.h"
#include "word_diff.h"

#include <memory>
#include <string>
#include <vector>

namespace parley {

// ---------------------------------------------------------------------------------------------
// Values

// How value b differs from value a, in words: "+25, doubled", "earliest moved from 18 to 24, no
// upper bound", "added: CQC; removed: Probation", "yes to no". "" when they are the same value.
// The docs supply the named lists' labels; either may be null.
std::string describe_value_change(const Value& a, const Document* doc_a, const Value& b, const Document* doc_b);
bool        values_equal(const Value& a, const Value& b);

// ---------------------------------------------------------------------------------------------
// Regimes side by side

// A regime to compare and the document it lives in (regimes may come from different files).
struct RegimeRef {
    const Document* doc = nullptr;
    const Regime*   regime = nullptr;
};

enum class RowState { Unchanged, Changed, Added, Removed };
const char* row_state_label(RowState s);    // "unchanged", "changed", "added", "removed"

// One regime's dimension in a row. The first column is the base every other column is read
// against: its cells carry no change.
struct RowCell {
    const Dimension* dimension = nullptr;   // null: this regime has no such dimension
    std::string value;                      // as read: "50 cases"
    std::string change;                     // against the base: "+25, doubled" ("" = same, or base)
    bool        value_changed = false;
    bool        rationale_changed = false;
    TextDiff    rationale;                  // base rationale -> this rationale (empty for the base)
    TextDiff    value_diff;                 // base text -> this text, for a text value that changed (else empty)
};

struct ComparisonRow {
    std::string key;
    std::string label;
    RowState    state = RowState::Unchanged;
    bool        values_differ = false;      // a changed row: some value differs (else only rationales do)
    std::vector<RowCell> cells;             // one per regime, in column order
};

struct RegimeComparison {
    std::vector<RegimeRef>     regimes;
    std::vector<ComparisonRow> rows;
    std::vector<TextDiff>      summaries;   // base summary -> each regime's summary
    int unchanged = 0, changed = 0, added = 0, removed = 0;
    int rationale_only = 0;                 // changed rows whose values all agree with the base
    // "9 dimensions: 5 changed (1 only in its rationale), 2 added, 1 removed, 1 unchanged"
    std::string summary_line() const;
};

// Rows follow the base regime's order; a dimension the base lacks comes after the one it
// follows in the first regime that has it. With more than two regimes a row is "changed" when
// any column differs from the base, "added" when the base lacks it, "removed" when any other
// column lacks it.
RegimeComparison compare_regimes(const std::vector<RegimeRef>& regimes);

// ---------------------------------------------------------------------------------------------
// Two versions of one document

enum class ChangeKind { Added, Removed, Changed };
const char* change_kind_label(ChangeKind k);   // "added", "removed", "changed"

struct FieldChange {
    std::string part;        // where in the document, as headings read: "Question 3", "Proposed regime"
    std::string field;       // "Reasoning", "Notice given", "Title"
    std::string id;          // the object's id ("" for the document's own fields)
    ChangeKind  kind = ChangeKind::Changed;
    std::string before, after;   // the field as text in each version ("" when absent)
    std::string change;      // a typed value's change in words ("+25, doubled"), or ""
    bool        prose = false;   // compared word by word: `diff` holds the pieces
    TextDiff    diff;
    std::string path;        // where it is (paths.h): the member, or the element added or removed ("" = not said)
    std::string changed_by;  // whose revision made it (attribute_changes): "changed by LGA, 27 Nov 2026, revision of Sam Patel"
};

struct DocumentComparison {
    std::vector<FieldChange> changes;   // in the reading order of the newer version
    int revisions_only_in_a = 0, revisions_only_in_b = 0;   // history, not content
    bool identical() const { return changes.empty(); }
    std::string summary_line() const;   // "12 changes: 3 added, 1 removed, 8 changed"
    int coarse_fields() const;          // prose fields whose diff ran out of work budget (TextDiff::coarse)
};

// Every difference in content between two versions of a draft: objects line up by id. The
// revision records are history, not content, and only counted. Members this version does not
// know (`extra`) are not compared.
// `work_budget` bounds the word diffs' work across all fields together (0: each field only its
// own, DiffOptions' default): the compare view spends one frame on a comparison, so the whole of
// it needs a bound; fields past it are compared coarsely (TextDiff::coarse), never wrongly.
DocumentComparison compare_documents(const Document& a, const Document& b, uint64_t work_budget = 0);

// The same comparison worked out a slice at a time, so a view can go on drawing while two long
// drafts are compared (no frame may freeze the page). The constructor lines the versions up and
// finds the changed fields (linear in their size); step() then diffs the prose fields in order,
// about `units` of word-diff work a call (TextDiffJob), and says whether all are done. The result
// is compare_documents' whatever the slices. The documents need not outlive the constructor.
class ComparisonJob {
public:
    ComparisonJob(const Document& older, const Document& newer, uint64_t work_budget = 0);
    bool step(uint64_t units);
    bool done() const { return next_ >= result_.changes.size(); }
    int prose_fields() const { return prose_fields_; }   // prose fields to diff, and how many are done
    int prose_done() const { return prose_done_; }
    float progress() const;   // 0 to 1, roughly: for a progress bar
    DocumentComparison take();   // the result, finishing the work first if it is not done
private:
    DocumentComparison result_;
    uint64_t work_left_;                  // for the word diffs of all fields together
    size_t next_ = 0;                     // the change being diffed
    std::unique_ptr<TextDiffJob> job_;    // its diff, under way
    int prose_fields_ = 0, prose_done_ = 0;
};

// Says on each change of compare_documents(older, newer) which of the newer draft's revisions
// made it: the newest revision after the older version's last one (back along the parents)
// whose recorded changes touch it. Changes no revision records yet (not saved) and drafts whose
// history does not reach the older version's last revision are left unsaid, never guessed.
void attribute_changes(DocumentComparison& c, const Document& newer, const Document& older);

// The same comparison as plain text (for `parley diff`): deleted words in [-...-] and inserted
// words in {+...+}, as `git diff --word-diff` writes them.
std::string comparison_text(const DocumentComparison& c, const Document& a, const Document& b);
std::string comparison_json(const DocumentComparison& c, const Document& a, const Document& b);

} // namespace parley
