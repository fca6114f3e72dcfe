// A read-only overview of what a document holds: consultation, organisations, regimes as
// tables of dimensions, questions with their answers' positions, workshop set-up. Shown under
// the title fields until the editors arrive, so an opened file can be seen to be complete.
#pragma once
#include "core/document.h"

void DocumentView_Draw(const parley::Document& doc, float column_width, float zoom);
bool DocumentView_HasContent(const parley::Document& doc);   // anything beyond title and organisation
