// The keyboard is never left nowhere (issue 14). When the item that has it goes (its Remove
// pressed, a part undone, a list filtered), ImGui keeps the gone item's id, and Tab, which
// counts from that item, then finds nowhere to start: nothing has the keyboard, Tab does
// nothing, and a keyboard or screen reader user is stranded. Here the keyboard goes to the tab
// stop drawn after the gone item in the last frame it was drawn (or the one before it, at the
// end), as a document editor moves the caret to what follows a deleted line.
#pragma once

// After ItemHooks_EndFrame: the frame's items are known.
void FocusRecovery_EndFrame();
