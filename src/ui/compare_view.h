// The compare view: regimes side by side (one row per dimension, lined up by key) or this draft
// against another version of it, field by field. It draws what core/compare.h works out; it
// compares nothing itself. Shown in place of the editor while views.compare.open.
#pragma once
#include "views.h"

void CompareView_Open(Views& views, CompareMode mode);
void CompareView_Draw(Views& views);
// A file chosen from the compare view: the other version, and a source of more regimes.
void CompareView_SetOther(Views& views, parley::Document other, const std::string& name);
// A version comparison is under way (worked out a slice a frame): the page must keep drawing.
bool CompareView_Working(const Views& views);
