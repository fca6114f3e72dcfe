// Merging a copy that came back from another organisation into ours: the steps around the
// three-way merge (merge.h) that File > Merge changes from another copy... and `parley merge`
// share. Finds the original both grew from (revision_changes.h), refuses what cannot be
// merged, and records the merge as a revision with both parents.
#pragma once
#include "merge.h"

#include <string>

namespace parley {

enum class CopyMergeStatus : unsigned char {
    Merged,          // `result` is the merged draft (open conflicts in result.doc.merge)
    AlreadyMerged,   // everything in theirs is in ours already: nothing to do
    NoOriginal,      // no shared revision: ask for the original file, or merge with no original
    Refused,         // another document, or a merge is still open: `message` says which
};

struct CopyMerge {
    CopyMergeStatus status = CopyMergeStatus::Refused;
    std::string     message;       // Refused, NoOriginal, AlreadyMerged: in plain words
    MergeResult     result;
    std::string     original;      // the shared revision merged from ("" = an original file, or none)
};

struct CopyMergeOptions {
    const Document* original = nullptr;   // the original, given by the person (an older file)
    bool without_original = false;        // no original: every difference is a choice
    std::string organisation, author, utc_time;   // for the merge's revision
};

// `ours`: the draft as it is now; `ours_saved`: its content as its last revision saved it (what
// the merge's revision records its changes against). `ids` makes the revision's id.
CopyMerge merge_copies(const Document& ours, const Document& ours_saved, const Document& theirs, IdGenerator& ids, const CopyMergeOptions& options);

// Who a copy came from, as its last revision says ("LGA"; "" when it does not say).
std::string copy_from(const Document& doc);

} // namespace parley
