// Three-way merge of two copies of a draft that grew from one original: the work of several
// organisations brought back together field by field, as document.h declares the fields.
//
//  - A change made on one side only is taken; the same change on both sides is taken once.
//  - Lists of objects are matched by key (paths.h: an id, or a co-signatory's organisation, a
//    score's participant, regime and criterion), never by position. Elements added on either
//    side come in after the element they followed there; order changes made on one side are
//    kept; both sides reordering the same list differently is a conflict.
//  - Prose changed on both sides is merged word by word (text_merge.h) when the edits do not
//    touch the same words; otherwise it is a conflict.
//  - Anything else changed differently on both sides - a typed value, a position, a score - is
//    a conflict of values; so is an element edited on one side and removed on the other: an
//    edit is never lost silently.
//  - Lists of texts (sources an answer cites, the regimes a workshop compares) merge as
//    ordered sets: what one side added or removed is added or removed.
//  - The history (revisions) is the union of both; an open merge is never merged.
//
// Conflicts are left in the result's `merge.conflicts` with each side's value; the document
// holds ours' value at each one (for prose: every change that merged, with ours' words where
// the two collide) until a person decides (merge_resolve).
#pragma once
#include "document.h"

#include <string>
#include <vector>

namespace parley {

enum class MergeSide : unsigned char { Ours, Theirs };

// A change that came in from the other copy.
struct MergeChange {
    enum Kind : unsigned char { Changed, Added, Removed, Moved };
    std::string at;      // its path (paths.h)
    Kind        kind = Changed;
};

struct MergeResult {
    Document doc;                        // the merged draft; its merge.conflicts are the open conflicts
    std::vector<MergeChange> incoming;   // what theirs brought in, in document order
    size_t conflicts() const { return doc.merge.conflicts.size(); }
};

MergeResult merge_documents(const Document& base, const Document& ours, const Document& theirs);
// When no original can be found (files from before Parley kept history, and no original file):
// what both copies agree on is taken, and every difference is a conflict for a person to settle.
MergeResult merge_without_base(const Document& ours, const Document& theirs);

// How a conflict is settled.
enum class Resolution : unsigned char {
    Ours,     // keep what the document holds
    Theirs,   // take the other copy's value
    Both,     // prose: ours' words, then theirs', at each place they collide; lists of texts: both
    Edited,   // a value the person wrote (`edited`)
};

// Settles conflict `index` of doc.merge.conflicts and removes it from the open ones. False,
// with why, when the value does not fit (the document is then unchanged).
bool merge_resolve(Document& doc, size_t index, Resolution how, const JsonValue& edited, std::string* error);

// What `Both` gives for a prose conflict: at each place the two collide, ours' words then theirs'.
std::string merge_text_both(const std::string& base, const std::string& ours, const std::string& theirs);

} // namespace parley
