// The comment marker: a small speech bubble beside anything that can be commented on (a
// question card, an answer's field, a section, the summary, a regime, a dimension, a workshop
// criterion). Filled, with a number, when open threads are on it; a quiet outline with a plus
// when none are. A click opens the comments pane on it: its threads, and a new comment on it.
//
// Tests and the screen-reader mirror find it by name: "<label>###comment/<target>[/<field>]",
// where the label is "Comment" or "2 open".
#pragma once
#include <string>

struct Views;

float CommentMarker_Width(float zoom);
// Inline, where the cursor is (after SameLine): takes its place in the layout like a button.
void CommentMarker(Views& views, const std::string& target, const std::string& field = "");
// At a screen position, taking no space: beside a label another widget has drawn (a prose
// field's label line). The layout and the cursor are left as they were.
void CommentMarker_At(Views& views, float screen_x, float screen_y, const std::string& target, const std::string& field = "");
