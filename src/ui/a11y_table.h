// A table as the accessibility mirror reads it (table, rows, column and row headers, cells),
// for an ImGui table or a grid drawn by hand: a screen reader moves through it by row and
// column and says the headers of the cell it reaches. Only marks: nothing is drawn.
//
//   A11yTable t;
//   A11yTable_Begin(t, "Regimes side by side");      // after ImGui::BeginTable
//   A11yTable_Row(t);                                 // before each row's first cell
//   A11yTable_Cell(t, A11yRole::ColumnHeader);        // before each cell's content, in order
//   A11yTable_End(t);                                 // before ImGui::EndTable
//
// A row and a cell end when the next one begins. All of a table's marks are made in the same
// ImGui window (a scrolling ImGui table is its own child window: mark inside it).
#pragma once
#include "a11y_tree.h"

#include <string>

struct A11yTable {
    int row = -1;          // the row open, -1 before the first
    int column = -1;       // the cell open in it, -1 before the first
    std::string row_key;   // what tells the open row apart (its key, or its number)
};

void A11yTable_Begin(A11yTable& t, const char* name);
// `key`, when given, names the row for what it shows (a question's id), so a row keeps its node
// while rows above it come and go (a clipped list); by default rows are told apart by number.
void A11yTable_Row(A11yTable& t, const char* key = nullptr);
void A11yTable_Cell(A11yTable& t, A11yRole role = A11yRole::Cell);   // Cell, ColumnHeader or RowHeader
void A11yTable_End(A11yTable& t);
