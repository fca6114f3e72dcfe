// Tab through the outline and the page as one order (issue 14, part 2). They are two child
// windows, and ImGui's Tab stays in the window it is in, wrapping at its end: the outline was
// never reached by Tab from the page. Here Tab past the page's last control goes to the
// outline's first, and past the outline's last back to the page's first; Shift+Tab the other
// way. Reading order and Tab order are then the same: outline, then page.
#pragma once

struct Views;

// At the end of the frame, after every window is drawn (a Tab's result is known then, and not
// yet applied).
void PaneTabbing_EndFrame(Views& views);
