// The accessibility mirror's model: a flat list of nodes (what a screen reader should find in
// the page for one frame) and the changes from one frame's list to the next, as the text the
// page applies to its mirror DOM (web/mirror.js). Knows nothing of ImGui or the browser, so the
// diff is unit-tested natively; src/ui/a11y_mirror.cpp fills the list from the item hooks.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

// ARIA roles the mirror uses. Containers (landmarks, menus, dialogs, groups) are nodes like the
// rest: a node's `parent` is the id of the container it sits in, 0 for the top.
enum class A11yRole : uint8_t {
    None,
    // containers
    Menubar, Menu, Navigation, Main, ContentInfo, Dialog, Listbox, RadioGroup, Group, Region, Table, Row,
    // items
    Button, Link, Checkbox, Radio, MenuItem, MenuItemCheckbox, MenuItemRadio, Combobox, Option, Textbox,
    SpinButton, Heading, Text, Status, Cell, ColumnHeader, RowHeader,
    Count
};

const char* A11y_RoleName(A11yRole role);   // "button", "menuitemcheckbox", ...
bool A11y_IsContainer(A11yRole role);
bool A11y_IsFocusable(A11yRole role);      // what a keyboard (and so the mirror's focus) can land on

enum A11yState : uint16_t {
    A11yState_Disabled  = 1 << 0,
    A11yState_Checked   = 1 << 1,
    A11yState_Selected  = 1 << 2,
    A11yState_Expanded  = 1 << 3,   // with HasPopup or Expandable: open
    A11yState_Expandable= 1 << 4,   // opens and closes (a menu, a combo, a section)
    A11yState_HasPopup  = 1 << 5,
    A11yState_Invalid   = 1 << 6,
    A11yState_Required  = 1 << 7,
    A11yState_Multiline = 1 << 8,
    A11yState_ReadOnly  = 1 << 9,
    A11yState_Modal     = 1 << 10,
    A11yState_Range     = 1 << 12,  // value_now/min/max mean something (a spin button)
    A11yState_Live      = 1 << 13,  // a live region: changes to its text are announced
};

struct A11yNode {
    uint32_t    id = 0;        // the ImGui id of the item (or a hash for text and containers)
    uint32_t    parent = 0;    // the container's id, 0 at the top
    A11yRole    role = A11yRole::None;
    uint16_t    states = 0;    // A11yState bits
    uint8_t     level = 0;     // heading level
    std::string name;          // accessible name
    std::string value;         // a text field's text, a combo's choice
    std::string hint;          // a text field's placeholder
    std::string description;   // what its tooltip says (a remove button's "and every score given on it")
    double      value_now = 0, value_min = 0, value_max = 0;   // with A11yState_Range
    int         x = 0, y = 0, w = 0, h = 0;   // CSS pixels over the canvas, rounded
    int         caret = -1, anchor = -1;      // the field being typed in: caret and selection's other end, in characters

    bool SameContent(const A11yNode& o) const;   // everything but the rectangle
    bool SameRect(const A11yNode& o) const { return x == o.x && y == o.y && w == o.w && h == o.h; }
};

// What the page has to do to turn `before` into `after`, as one line of JSON, or "" when
// nothing changed (an idle frame writes nothing to the DOM):
//   {"put":[[id,parent,"role","name","value","hint",states,level,x,y,w,h,now,min,max,caret,anchor,"description"],...],
//    "pos":[[id,x,y,w,h],...], "del":[id,...], "order":[id,...], "focus":id}
// "put" brings a node that is new or whose content changed; "pos" a node that only moved;
// "order" (every node, in reading order; containers before what they hold) is sent only when
// the nodes or their parents changed; "focus" only when the focused node changed (0: none).
// Cost: linear in the two lists (one hash lookup per node).
std::string A11y_Diff(const std::vector<A11yNode>& before, uint32_t focus_before,
                      const std::vector<A11yNode>& after, uint32_t focus_after);

// Text longer than this (bytes) goes into the mirror cut, at a character boundary, with an
// ellipsis: a name or value of megabytes would cost its copy every frame.
const size_t kA11yMaxText = 4096;
std::string A11y_CutText(const char* text, size_t len);
