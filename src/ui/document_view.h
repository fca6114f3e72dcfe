// A read-only overview of what a document holds: consultation, organisations, regimes as
// tables of dimensions, questions with their answers' positions, workshop set-up. The editors
// draw everything else; this still shows a workshop's criteria, participants and scores until
// the comparison views (issue 5) edit them.
#pragma once
#include "core/document.h"

void DocumentView_Draw(const parley::Document& doc, float column_width, float zoom);
bool DocumentView_HasContent(const parley::Document& doc);   // anything beyond title and organisation
