// File > Export > Joint response...: what is unfinished first (open comments, questions not
// signed off or not answered, core/send_check.h), then the format. Each unfinished item opens
// its place in the editor, so it can be settled before sending.
#pragma once

struct Views;

// Draws the modal when open. Returns the format chosen this frame (0 Markdown, 1 web page,
// 2 plain text), or -1. `open` asks for it to open this frame.
int JointExport_DrawModal(Views& views, bool open);
