// A workshop's results as a room sees them: the regimes in columns with their rank and
// weighted score, the criteria in rows, each cell the mean score with the lowest and highest,
// shaded by the mean and marked where participants were far apart. The same drawing serves the
// page (at the app's sizes) and the presentation (full window, sized for a projector), so what
// the room is shown is what the file says.
#pragma once
#include "core/workshop.h"

#include <string>
#include <vector>

struct Views;
struct ImFont;

// Fonts and spacing for one use of the results: the page's or the presentation's.
struct ResultsLook {
    ImFont* body = nullptr;     // criteria, ranges, the legend
    ImFont* name = nullptr;     // regime names over the columns
    ImFont* strong = nullptr;   // regime names, means, rank labels
    ImFont* big = nullptr;      // weighted scores
    float   unit = 16;          // spacing unit: the body text's size in pixels
    bool    tooltips = true;    // the page explains a cell on hover; a room has no mouse on it
    bool    by_participant = false;   // rows of each participant's own weighted scores under the criteria
};

// The width the table needs to show every column readably (wider than the page: scroll).
float WorkshopResults_TableWidth(const parley::WorkshopResults& res, const ResultsLook& look);
float WorkshopResults_TableHeight(const Views& views, const parley::WorkshopResults& res, const ResultsLook& look, float width);
// Draws the table at the cursor, `width` wide, and moves the cursor below it.
void  WorkshopResults_DrawTable(Views& views, const parley::WorkshopResults& res, const ResultsLook& look, float width);
// The regimes in rank order with a bar each: the answer to "which came out best".
void  WorkshopResults_DrawRanking(Views& views, const parley::WorkshopResults& res, const ResultsLook& look, float width);

// Presentation mode: when views.presentation.presenting (and the document is a workshop), draws the results
// alone over the whole window and returns true; the caller draws nothing else. Escape or
// "Leave presentation" ends it. Returns false otherwise (and lets go of the large fonts).
bool  WorkshopPresentation_Frame(Views& views);

// `text` in at most `max_lines` lines of `width` in `font` (the last cut with an ellipsis; the
// cut itself is widgets.h's FitText), shared with the score grid.
std::vector<std::string> Workshop_WrapLines(ImFont* font, const std::string& text, float width, int max_lines);
