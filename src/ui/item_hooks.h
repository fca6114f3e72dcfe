// Collects what ImGui reports through its test-engine hooks: every item drawn in a frame,
// with its id, rectangle, visible label, window and status. Browser tests click items by
// label from this list; the accessibility mirror will build its DOM from it.
#pragma once
#include <string>
#include <vector>

struct ImGuiContext;

struct UiItem {
    unsigned int id = 0;
    std::string  label;       // visible label ("Save" for "Save##file"), or the id part when there is none
    std::string  name;        // the whole label with its id part ("Reasoning##ans-x/reasoning"): unique where labels repeat
    std::string  window;      // name of the ImGui window that holds the item
    float        x = 0, y = 0, w = 0, h = 0;   // in ImGui display units (CSS pixels of the canvas)
    int          status = 0;  // ImGuiItemStatusFlags
    int          item_flags = 0; // ImGuiItemFlags (disabled, ...)
    bool         active = false;
    bool         focused = false;
    bool         visible = true;  // false when scrolled out of its window
    bool         partly = false;  // only partly in view: x, y, w, h are the part that shows
};

void ItemHooks_Install(ImGuiContext* ctx);
void ItemHooks_EndFrame();                        // call after ImGui::Render(): publishes the frame
const std::vector<UiItem>& ItemHooks_LastFrame();
std::string ItemHooks_LastFrameJson();            // [{id,label,x,y,w,h,window,flags:[...]}]
size_t ItemHooks_LastFrameDropped();              // items past the cap (20,000 a frame) that were not listed
