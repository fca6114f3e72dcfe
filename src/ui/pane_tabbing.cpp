#include "pane_tabbing.h"

#include "item_hooks.h"
#include "views.h"

#include "imgui.h"
#include "imgui_internal.h"   // the tabbing request in progress

#include <cstring>

enum class Pane { None, Outline, Page };

static Pane PaneOf(const char* window_name)
{
    if (strncmp(window_name, "Document/Outline", 16) == 0) return Pane::Outline;
    if (strncmp(window_name, "Document/Page", 13) == 0) return Pane::Page;
    return Pane::None;
}

// The first or last tab stop of `pane` in the last frame drawn, 0 if none was drawn.
static unsigned int EdgeOf(Pane pane, bool last)
{
    unsigned int found = 0;
    for (const UiItem& it : ItemHooks_LastFrame()) {
        if (PaneOf(it.window.c_str()) != pane || !ItemHooks_IsTabStop(it)) continue;
        found = it.id;
        if (!last) break;
    }
    return found;
}

void PaneTabbing_EndFrame(Views& views)
{
    ImGuiContext& g = *GImGui;
    if (!g.NavMoveSubmitted || !(g.NavMoveFlags & ImGuiNavMoveFlags_IsTabbing) || (g.NavMoveFlags & ImGuiNavMoveFlags_FocusApi)) return;
    if (!g.NavWindow) return;
    const Pane from = PaneOf(g.NavWindow->Name);
    if (from == Pane::None) return;
    // ImGui's own wrap, about to happen: forward, nothing came after the current item (it will
    // take the window's first); backward, the current item was reached with nothing before it
    // and the search went on to the window's last.
    const bool forward_wrap = g.NavTabbingDir == +1 && g.NavMoveResultLocal.ID == 0 && g.NavTabbingCounter == 1;
    const bool backward_wrap = g.NavTabbingDir == -1 && g.NavMoveScoringItems && g.NavMoveResultLocal.ID != 0;
    if (!forward_wrap && !backward_wrap) return;
    const Pane to = from == Pane::Outline ? Pane::Page : Pane::Outline;
    unsigned int target = EdgeOf(to, backward_wrap);
    if (to == Pane::Page && forward_wrap) {
        // The page's first control is the first drawn only while the page is at its top; else
        // it may be far above, in a part not drawn: the page goes to its top and it takes the
        // keyboard when drawn (its id is the one seen there last).
        ImGuiWindow* page = nullptr;
        for (const UiItem& it : ItemHooks_LastFrame())
            if (PaneOf(it.window.c_str()) == Pane::Page) { page = ImGui::FindWindowByName(it.window.c_str()); break; }
        static unsigned int page_first = 0;
        if (page && page->Scroll.y <= 0) page_first = target;
        else if (page_first) { target = page_first; views.editor.scroll_to = "details"; }
    }
    if (target == 0) return;   // nothing there to go to: ImGui's wrap stands
    ImGui::NavMoveRequestCancel();
    ItemHooks_FocusWhenDrawn(target);
}
