#include "lazy_blocks.h"

#include "prose_field.h"
#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <cfloat>
#include <vector>

// A block whose edge is this close to the view is drawn too: scrolling a notch never shows a
// hole, and the block next to the keyboard focus is there for Tab to move into.
static const float kMargin = 120.0f;

struct OpenBlock {
    LazyList*   list = nullptr;
    std::string id;
    float       width = 0;
    float       start_y = 0;
    bool        active_alive = false;   // the active item had been drawn before the block
    bool        prose_drawn = false;    // the edited prose field had been drawn before the block
    int         popups = 0;             // popups drawn so far this frame
};
static std::vector<OpenBlock> g_open;   // blocks being drawn: a regime's dimension rows are blocks inside its block

static int g_frame = -1;
static LazyBlockCounts g_counts;

static void CountFrame()
{
    const int frame = ImGui::GetFrameCount();
    if (frame != g_frame) { g_counts = {}; g_frame = frame; }
}

LazyBlockCounts LazyBlocks_LastFrame()
{
    // Read between frames: the frame just drawn is complete. A frame with no lazy list (the
    // compare view, say) laid out none.
    return g_frame == ImGui::GetFrameCount() ? g_counts : LazyBlockCounts{};
}

static int PopupsDrawnThisFrame()
{
    ImGuiContext& g = *GImGui;
    int n = 0;
    for (const ImGuiPopupData& p : g.OpenPopupStack)
        if (p.Window && p.Window->LastFrameActive == g.FrameCount) n++;
    return n;
}

void LazyList_Prepare(LazyList& list, int generation)
{
    if (list.generation == generation) return;
    list.heights.clear();
    list.measured_sum = 0;
    list.measured = 0;
    list.holder.clear();
    list.generation = generation;
}

bool LazyBlock_Begin(LazyList& list, const std::string& id, float width, bool must_draw)
{
    CountFrame();
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = g.CurrentWindow;
    const float y = window->DC.CursorPos.y;
    // A block never drawn at this width gets an estimate, which it keeps until drawn: were the
    // estimate to follow the average, every block above the view would move as others are measured.
    LazyBlockHeight& known = list.heights[id];
    if (known.width != width) {
        if (known.measured) { list.measured_sum -= known.height; list.measured--; }
        known.height = list.measured ? (float)(list.measured_sum / list.measured) : 200.0f;
        known.width = width;
        known.measured = false;
    }
    const float h = known.height;
    auto near = [&](float lo, float hi) { return y + h >= lo - kMargin && y <= hi + kMargin; };

    bool draw = must_draw || id == list.holder || near(window->ClipRect.Min.y, window->ClipRect.Max.y);
    // The keyboard focus, even scrolled out of view, stays drawn, as in ImGui's list clipper:
    // Tab moves from it to the item after it, which must be there to be found.
    if (!draw && g.NavId != 0 && window->NavLastIds[0] == g.NavId) {
        const ImRect nav = ImGui::WindowRectRelToAbs(window, window->NavRectRel[0]);
        draw = near(nav.Min.y, nav.Max.y);
    }
    if (!draw && g.NavMoveScoringItems && g.NavWindow && g.NavWindow->RootWindowForNav == window->RootWindowForNav &&
        !g.NavScoringNoClipRect.IsInverted())
        draw = near(g.NavScoringNoClipRect.Min.y, g.NavScoringNoClipRect.Max.y);

    if (!draw) {
        // A spacer as tall as the block: Dummy adds the item spacing back, and the half pixel
        // keeps the truncation of the cursor from losing a pixel a block.
        ImGui::Dummy(ImVec2(0, std::max(0.0f, h - g.Style.ItemSpacing.y + 0.5f)));
        g_counts.skipped++;
        return false;
    }
    OpenBlock open;
    open.list = &list;
    open.id = id;
    open.width = width;
    open.start_y = y;
    open.active_alive = g.ActiveId != 0 && g.ActiveIdIsAlive == g.ActiveId;
    open.prose_drawn = Prose_Overlay().drawn;
    open.popups = PopupsDrawnThisFrame();
    g_open.push_back(std::move(open));
    g_counts.drawn++;
    return true;
}

void LazyBlock_End(LazyList& list)
{
    IM_ASSERT(!g_open.empty() && g_open.back().list == &list);
    const OpenBlock open = std::move(g_open.back());
    g_open.pop_back();
    ImGuiContext& g = *GImGui;
    const float h = g.CurrentWindow->DC.CursorPos.y - open.start_y;
    LazyBlockHeight& entry = list.heights[open.id];
    // A block above the view that turns out taller or shorter than was thought (measured for
    // the first time, or changed by an undo) would move everything in view: the scroll follows
    // it, so what the reader looks at, or the card just jumped to, stays where it is. A block
    // reaching into the view, say the one being typed in, grows downwards as before.
    ImGuiWindow* window = g.CurrentWindow;
    const float delta = h - entry.height;
    const bool above = entry.measured ? open.start_y + h <= window->ClipRect.Min.y : open.start_y < window->ClipRect.Min.y;
    if (delta != 0 && above) {
        const float base = window->ScrollTarget.y < FLT_MAX ? window->ScrollTarget.y : window->Scroll.y;
        window->ScrollTarget.y = base + delta;
        window->ScrollTargetCenterRatio.y = 0.0f;
        window->ScrollTargetEdgeSnapDist.y = 0.0f;
    }
    if (entry.measured) list.measured_sum += h - entry.height;
    else { list.measured_sum += h; list.measured++; }
    entry.height = h;
    entry.width = open.width;
    entry.measured = true;

    // What must not vanish when its block scrolls away: the field being typed in, the prose
    // field being edited (editing ends when it is not drawn), a popup opened from the block.
    const bool holds = (g.ActiveId != 0 && g.ActiveIdIsAlive == g.ActiveId && !open.active_alive) ||
                       (Prose_Overlay().drawn && !open.prose_drawn) || PopupsDrawnThisFrame() > open.popups;
    if (holds) list.holder = open.id;
    else if (list.holder == open.id) list.holder.clear();
}
