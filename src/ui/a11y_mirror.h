// The accessibility mirror: each drawn frame, what the item hooks saw becomes a list of
// accessibility nodes (a11y_tree.h) with roles, names, states and landmarks, in reading order;
// the page (web/mirror.js) keeps a DOM copy of it, changed only where the frame changed, so
// screen readers find the canvas's menus, buttons, fields and headings. Focus goes both ways:
// the item ImGui's keyboard is on is the mirror's focused node, and a screen reader that
// focuses or activates a node asks the app to do the same.
#pragma once
#include "a11y_tree.h"

#include <string>
#include <vector>

void A11yMirror_BeginFrame();   // after ImGui::NewFrame: carries out the page's requests
void A11yMirror_EndFrame();     // after ItemHooks_EndFrame: builds the nodes and the changes

const std::string& A11yMirror_Changes();          // what the page must apply ("" = nothing)
const std::vector<A11yNode>& A11yMirror_Nodes();  // the last frame's nodes, in reading order
uint32_t A11yMirror_Focus();                       // the focused node's id, 0 for none
double A11yMirror_LastMs();                        // time the last EndFrame took
bool A11yMirror_WantsFrame();                      // a request waits for the next frame

// From the page: a screen reader (or a click on a mirrored element) moved the focus to, or
// activated, the node `id`.
void A11yMirror_RequestFocus(uint32_t id);
void A11yMirror_RequestActivate(uint32_t id);
