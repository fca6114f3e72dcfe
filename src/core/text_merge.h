// Three-way merge of prose, word by word: what merging copies of a draft from other
// organisations does with a text field both copies changed. "Prose changed on both sides is
// merged word by word (a diff3 over the existing word diff) when the edits do not overlap, and
// is otherwise a conflict."
//
// How it works (text_merge.cpp has the details):
//  - Fast paths: both sides the same, or one side unchanged, take the other side whole.
//  - Otherwise base -> ours and base -> theirs are each diffed in two steps, as line-then-word
//    diffs do: whole sentences first (unchanged sentences pin the texts together, so a sentence
//    inserted next to one deleted is not read as a rewrite of it), then word by word with
//    diff_text inside each run of sentences that differ. A clean-up like diff_text's joins a
//    side's changes across stranded small matches, but only within a sentence: a rewritten
//    sentence is one change, so two rewrites of it collide instead of interleaving as word
//    confetti, while edits of two neighbouring sentences stay apart. No moves: to a merge a
//    move is a deletion and an insertion.
//  - Each diff is a list of changes over base tokens (a base range and the side's text that
//    stands there). Both lists are walked together in base order. A change on one side only is
//    taken; the same change on both sides is taken once.
//  - Two changes collide when they share a base token, when both insert at the same point, or
//    when one inserts strictly inside the other's range. Changes that merely touch (one ends
//    where the other begins, or an insertion at the edge of the other's range) do not collide:
//    both are taken, an insertion before a change that starts where it stands and after one that
//    ends there.
//  - Before a collision is called a conflict: if both sides read the same over the region, it is
//    one change; a pure insertion or deletion that could equally stand a few tokens away ("b "
//    or " b" when a word goes) is slid clear of the other change; and when two changes share only
//    one space and one of them just deletes, both are taken (the two sides deleting neighbouring
//    words leave one space, not a conflict). An insertion touching the other side's change whose
//    words the other side already has there is taken once (the same edit, cut differently).
//  - What still collides is a conflict: merged holds ours' text there, and the conflict says
//    where the region is in base, ours, theirs and merged.
//  - Near-linear: two diffs, hashing of sentences, and one walk.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// One region where both sides changed the same words of the original differently.
struct TextConflict {
    uint32_t base_begin = 0, base_end = 0;     // bytes of base the region covers
    uint32_t ours_begin = 0, ours_end = 0;     // bytes of ours that stand there
    uint32_t theirs_begin = 0, theirs_end = 0; // bytes of theirs that stand there
    uint32_t merged_begin = 0, merged_end = 0; // where ours' words for this region sit in `merged`
};

struct TextMerge {
    std::string merged;                   // every non-colliding change of both sides; at each conflict, ours' text
    std::vector<TextConflict> conflicts;  // in reading order; empty = a clean merge
    bool clean() const { return conflicts.empty(); }
};

// base: the common original; ours and theirs: two edited copies of it. Symmetric: swapping ours
// and theirs gives the same conflicts (with ours and theirs swapped) and, when clean, the same
// merged text.
TextMerge merge_text(std::string_view base, std::string_view ours, std::string_view theirs);

} // namespace parley
