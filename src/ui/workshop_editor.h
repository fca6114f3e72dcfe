// The workshop editor, drawn in a workshop document's page under its regimes: the criteria
// (label, description, weight; the six usual ones in a click), which regimes are the columns
// and in what order, the participants, a score grid for one participant at a time (0 to 5 per
// cell, by click or by typing a digit), and the results with the button that presents them to
// the room (workshop_results.h).
#pragma once

struct Views;

void WorkshopEditor_Draw(Views& views, float column);
