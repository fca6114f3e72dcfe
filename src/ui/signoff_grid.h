// The sign-off grid (Review > Sign-off by organisation): a joint response's questions by its
// co-signatories, each cell an organisation's sign-off of that answer and whether its position
// differs. A click on a cell records a sign-off with a reason; a click on a question opens it
// in the editor. Above the grid: the totals, and "Mark the response as agreed", which lists
// what stops it and takes the lead's exceptions. Shown in place of the editor while
// views.signoff.open; it draws what core/signoff.h works out.
#pragma once
#include "views.h"

// Why the grid cannot be opened for this draft (the menu item's tooltip), or null when it can.
const char* SignOffGrid_Unavailable(const parley::Document& doc);
// Opens the grid; `message` (may be null) says why, above the grid.
void SignOffGrid_Open(Views& views, const char* message = nullptr);
void SignOffGrid_Draw(Views& views);
// The editor's status control asks before it sets "Agreed": false (and the grid opens, saying
// what stops it) while a co-signatory's sign-off or an answer is missing.
bool SignOffGrid_AllowAgreed(Views& views);
