// The merge view: what another organisation's copy brings in, before anything changes. A
// summary of what comes in, by part and question; each conflict side by side (the original,
// ours and theirs, words marked as in the compare view, who changed each side and when); take
// ours, theirs, both, or write the result; F8 and Shift+F8 go from conflict to conflict.
// Finish merge applies it all as one undo step; conflicts left undecided stay open in the
// draft (and its file) and can be settled later from here. The merging is core/copy_merge.h.
#pragma once
#include "views.h"

// File > Merge changes from another copy...: asks for the file (or, when the draft still has
// open conflicts, shows them to settle).
void MergeView_Start(Views& views);
// The file chosen: worked out at once; the view shows what it would do.
void MergeView_SetTheirs(Views& views, parley::Document theirs, const std::string& name);
// The original both copies grew from, chosen when their files share no revision.
void MergeView_SetOriginal(Views& views, const parley::Document& original, const std::string& name);
void MergeView_Draw(Views& views);
