// Edits one regime: its name, role, owner, summary and its table of dimensions (add from the
// catalogue or one's own, edit typed values, reorder, remove, rationale per dimension).
// Used by the proposal editor (current and proposed regimes) and the response editor
// (alternative proposals).
#pragma once

struct Views;

// Draws the editor for views.session.doc.regimes[regime_index] in a column `width` wide.
// Returns false when the user removed the regime this frame (the caller stops drawing it).
bool RegimeEditor_Draw(Views& views, int regime_index, float width);
