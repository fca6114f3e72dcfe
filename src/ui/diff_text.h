// Text with its differences marked, wrapped to a width: words deleted struck through on a red
// tint, words inserted underlined on a green tint, moved blocks on a blue tint. Long texts are
// laid out once per width and only the lines in view are drawn, so a 100,000-word comparison
// scrolls as smoothly as a short one.
#pragma once
#include "core/word_diff.h"
#include <string>

enum DiffSide {
    DiffSide_Before,   // the older text: equal words and deletions
    DiffSide_After,    // the newer text: equal words and insertions
    DiffSide_Both,     // one text, deletions then insertions in place, as a tracked-changes view
};

// `id` names the item (and its cached layout); `version` changes whenever the texts or the
// diff do, so a stale layout is never drawn. The texts must outlive the call only.
void DiffText(const std::string& id, int version, const std::string& before, const std::string& after,
              const parley::TextDiff& diff, DiffSide side, float width);
// Forgets every cached layout (a new comparison).
void DiffText_ClearCache();
