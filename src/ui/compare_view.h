// The compare view: regimes side by side (one row per dimension, lined up by key) or this draft
// against another version of it, field by field. It draws what core/compare.h works out; it
// compares nothing itself. Shown in place of the editor while app.compare.open.
#pragma once
#include "app.h"

void CompareView_Open(AppState& app, int mode);   // 0 regimes side by side, 1 two versions
void CompareView_Draw(AppState& app);
// A file chosen from the compare view: the other version, and a source of more regimes.
void CompareView_SetOther(AppState& app, parley::Document other, const std::string& name);
