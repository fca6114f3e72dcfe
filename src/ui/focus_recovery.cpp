#include "focus_recovery.h"

#include "a11y_mirror.h"
#include "item_hooks.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

static std::vector<unsigned int> g_stops;       // the tab stops of the last frame that drew the keyboard's item, in order
static int g_frames_unseen = 0;                 // frames since then
static ImGuiWindow* g_nav_window = nullptr;     // the window the keyboard was in then
static ImVec2 g_nav_scroll;                     // and its scroll

void FocusRecovery_EndFrame()
{
    ImGuiContext& g = *GImGui;
    const std::vector<UiItem>& items = ItemHooks_LastFrame();
    ImGuiWindow* w = g.NavWindow;
    bool nav_drawn = false;
    for (const UiItem& it : items)
        if (it.id == g.NavId) { nav_drawn = true; break; }
    if (nav_drawn || !g.NavId || !w) {
        g_stops.clear();
        for (const UiItem& it : items)
            if (ItemHooks_IsTabStop(it)) g_stops.push_back(it.id);
        g_frames_unseen = 0;
        g_nav_window = w;
        g_nav_scroll = w ? w->Scroll : ImVec2();
        return;
    }
    // Gone, not scrolled away: just now (ImGui lets go of a pressed item the frame after it
    // went), in the same window, unscrolled (a far part of a long page is not drawn, and the
    // keyboard stays on it while the user scrolls), with no menu or dialog open.
    const bool just_gone = ++g_frames_unseen <= 2 && w == g_nav_window && w->Active && w->Scroll.x == g_nav_scroll.x &&
                           w->Scroll.y == g_nav_scroll.y && (!g.ActiveId || g.ActiveId == g.NavId) && g.OpenPopupStack.empty();
    if (!just_gone) return;
    const auto at = std::find(g_stops.begin(), g_stops.end(), g.NavId);
    if (at == g_stops.end()) return;
    std::unordered_set<unsigned int> now;
    for (const UiItem& it : items)
        if (ItemHooks_IsTabStop(it)) now.insert(it.id);
    unsigned int target = 0;
    for (auto next = at + 1; next != g_stops.end() && !target; ++next)
        if (now.count(*next)) target = *next;
    for (auto before = at; before != g_stops.begin() && !target;)
        if (now.count(*--before)) target = *before;
    if (!target) return;
    A11yMirror_RequestFocus(target);
    g_frames_unseen = 3;   // once
}
