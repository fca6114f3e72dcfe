// Who wrote what: a panel at the right of the editor listing the revisions that changed one
// prose field, newest first: "ADCS · Jane Smith · 28 Nov 2026 14:02 · note", each with its
// change marked word by word as the compare view marks it (core/field_history.h works it out).
// Opened from a prose field's History button or its right-click menu; Escape or Close shuts it.
#pragma once
#include <string>

struct Views;

void FieldHistoryView_Open(Views& views, const std::string& key, const char* label);
// Draws the panel when views.field_history.open. Call before the editor's window: like the
// comments pane, it takes its width from the right of the work area.
void FieldHistoryView_Draw(Views& views);
