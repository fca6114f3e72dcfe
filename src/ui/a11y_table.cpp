#include "a11y_table.h"

#include "item_hooks.h"


void A11yTable_Begin(A11yTable& t, const char* name)
{
    t = A11yTable();
    ItemHooks_BeginGroup(A11yRole::Table, name, "a11y-table");
}

static void EndCell(A11yTable& t)
{
    if (t.column >= 0) ItemHooks_EndGroup();
}

void A11yTable_Row(A11yTable& t, const char* key)
{
    EndCell(t);
    if (t.row >= 0) ItemHooks_EndGroup();
    t.row++;
    t.column = -1;
    t.row_key = "a11y-row/";
    t.row_key += key ? key : std::to_string(t.row);
    ItemHooks_BeginGroup(A11yRole::Row, "", t.row_key.c_str());
}

void A11yTable_Cell(A11yTable& t, A11yRole role)
{
    if (t.row < 0) A11yTable_Row(t);
    EndCell(t);
    t.column++;
    const std::string key = t.row_key + "/" + std::to_string(t.column);
    ItemHooks_BeginGroup(role, "", key.c_str());
}

void A11yTable_End(A11yTable& t)
{
    EndCell(t);
    if (t.row >= 0) ItemHooks_EndGroup();
    ItemHooks_EndGroup();
    t = A11yTable();
}
