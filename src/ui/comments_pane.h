// The comments pane: a side bar at the right of the editor (View > Comments, or a comment
// marker) listing threads with their replies. Filter by open / resolved / all and by
// organisation; each thread says what it is on and jumps there; reply, resolve and reopen any
// thread; edit and delete one's own comments. A new comment goes on the whole draft, or on what
// a marker was clicked beside. Posting asks who the person is the first time (identity.h) and
// keeps what they typed until they have said.
#pragma once
#include <string>

struct Views;
namespace parley { struct CommentThreads; }

// Opens the pane on a target: its threads in view, and the new comment box on it.
void CommentsPane_Show(Views& views, const std::string& target, const std::string& field = "");
// Draws the pane when views.comments.open. Call before the editor's window: it takes its width
// from the right of the work area (as the status bar takes its height from the bottom).
void CommentsPane_Draw(Views& views);
// The draft's threads, worked out once per change of the draft (session generation and edits).
const parley::CommentThreads& CommentsPane_Threads(Views& views);
