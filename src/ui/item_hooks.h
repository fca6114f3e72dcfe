// Collects what ImGui reports through its test-engine hooks: every item drawn in a frame,
// with its id, rectangle, visible label, window and status. Browser tests click items by
// label from this list; the accessibility mirror will build its DOM from it.
#pragma once
#include "a11y_tree.h"

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
    float        full_y = 0, full_h = 0;  // the whole item, clipped or not (the mirror places it there)
    // What the accessibility mirror says of it (a11y_mirror.cpp), where ImGui's own status
    // flags do not tell: set by the ItemHooks_Describe* calls below, None to infer from flags.
    A11yRole     role = A11yRole::None;
    uint16_t     a11y_states = 0;     // A11yState bits, added to what the flags say
    uint8_t      level = 0;           // a heading's level
    std::string  a11y_name;           // an accessible name that is not the visible label ("" = the label)
    std::string  a11y_value;          // a text field's text, a combo's choice
    std::string  a11y_hint;           // a text field's placeholder
    std::string  a11y_description;    // what its tooltip says, read after its name and role
    double       value_now = 0, value_min = 0, value_max = 0;
    bool         labels_next = false; // a label drawn above a field (ItemHooks_LabelNext)
    int          group = 0;           // +1: a group (role, label) begins here; -1: the last one begun ends
};

void ItemHooks_Install(ImGuiContext* ctx);
// Gives the keyboard to item `id` when it is next drawn (the window, layer and focus scope are
// only right while it is being added), scrolled into view. For the accessibility mirror: a
// screen reader moved its focus there.
void ItemHooks_FocusWhenDrawn(unsigned int id);
// Gives the keyboard to the next item drawn this frame, in this window or its children, that
// Tab would stop on (after a heading jumped to from the outline).
void ItemHooks_FocusNextTabStop();
void ItemHooks_EndFrame();                        // call after ImGui::Render(): publishes the frame
const std::vector<UiItem>& ItemHooks_LastFrame();
std::string ItemHooks_LastFrameJson();            // [{id,label,x,y,w,h,window,flags:[...]}]
size_t ItemHooks_LastFrameDropped();
// An item Tab can stop on: one with an id that takes the keyboard (not text, not a heading,
// not a window's own entry, not a scrollbar, not disabled).
bool ItemHooks_IsTabStop(const UiItem& item);              // items past the cap (20,000 a frame) that were not listed

// ---------------------------------------------------------------------------------------
// What the widgets tell the accessibility mirror that ImGui's hooks do not (a radio button's
// state, a text field's text, a heading). Each applies to the item just drawn.

// The last item (ImGui's last item id) is a `role` with these A11yState bits; `name`, when
// given, is its accessible name in place of the visible label (an icon, a "##filter").
void ItemHooks_Describe(A11yRole role, uint16_t states = 0, const char* name = nullptr);
// Item `id` of this frame (not necessarily the last: a combo has opened its list since) is
// called `name` and holds `value`, where given.
void ItemHooks_DescribeId(unsigned int id, const char* name, const char* value);
// The last item's label when ImGui did not give it (an item scrolled out of its window is
// clipped before its label is told): `label` as passed to the widget ("Save##file").
void ItemHooks_LabelIfUnseen(const char* label);
// What the last item's tooltip says, for a screen reader (aria-description): a tooltip shows
// only on hover, so what it explains would otherwise be lost to the keyboard and to readers.
void ItemHooks_DescribeTip(const char* text);
// A text field's text and placeholder (cut to kA11yMaxText for the mirror).
void ItemHooks_DescribeValue(const char* value, size_t len, const char* hint = nullptr);
// ImGui's InputInt just drawn (a field and its "-" and "+" buttons): the field a spin button
// named `name` with its value and limits, the buttons named `less` and `more`.
void ItemHooks_DescribeStepper(const char* name, double now, double min, double max, const char* less, const char* more);
// Text that is not an item (a heading, a label, a status message): listed with the last item's
// rectangle (call it right after drawing the text), as `role` (Heading with `level`, Text, Status).
// `key`, when given, keeps the node the same while its text changes (a status message that a
// live region announces as it changes); otherwise the text names the node.
void ItemHooks_Text(A11yRole role, const char* text, int level = 0, const char* key = nullptr);
// Text drawn straight into a draw list (no ImGui item of its own): listed as `role` over the
// rectangle given, in screen coordinates.
void ItemHooks_TextAt(A11yRole role, const char* text, float x, float y, float w, float h);
// A visible label drawn above the next field ("Title" over "##title"): the next item in this
// window whose label is hidden takes it as its accessible name.
void ItemHooks_LabelNext(const char* text);
// The items drawn between these are one group: a radio group, a table, a row, a cell (`role`),
// named `name` ("" for a row or cell, named by what it holds). `key`, when given, tells apart
// groups of the same name (the cells of a table), as the name does otherwise. Groups nest;
// each Begin has its End in the same window.
void ItemHooks_BeginGroup(A11yRole role, const char* name, const char* key = nullptr);
void ItemHooks_EndGroup();
