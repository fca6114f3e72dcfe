#include "present.h"

#include "webgl_renderer.h"
#include <GLES3/gl3.h>
#include <cstdint>
#include <cstring>
#include <cfloat>
#include <vector>
#include <algorithm>
#include <cmath>

// One triangle as drawn: a hash of its three vertices (position, texture coordinates, colour),
// its texture and clip rectangle, and the box it can touch (its bounds within the clip).
struct DrawnTriangle {
    uint64_t hash;
    ImVec4   box;   // x0, y0, x1, y1 in display coordinates
};

// A frame's triangles, list by list (a window's list is the same ImDrawList from frame to frame).
struct DrawnList {
    const ImDrawList* list;
    size_t begin, end;   // its triangles in DrawnFrame::triangles
};
struct DrawnFrame {
    std::vector<DrawnTriangle> triangles;
    std::vector<DrawnList> lists;
};

static DrawnFrame g_shown;   // the frame on the canvas
static DrawnFrame g_next;    // the frame being presented
static ImU32 g_shown_clear = 0;
static int   g_shown_w = 0, g_shown_h = 0;
static bool  g_invalid = true;
static int   g_drawn = 0;
static ImDrawList g_patch(nullptr);   // the changed part's triangles, when few (BuildPatch)
static float g_drawn_part = 0;

static uint64_t Mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

static uint64_t HashVertex(uint64_t h, const ImDrawVert& v)
{
    uint64_t a, b;
    memcpy(&a, &v.pos, 8);
    memcpy(&b, &v.uv, 8);
    return Mix(Mix(Mix(h, a), b), v.col);
}

// The box a triangle can touch: its bounds within the clip rectangle (empty when clipped away).
static ImVec4 TriangleBox(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const ImVec4& clip)
{
    return ImVec4(std::max(std::min(std::min(a.pos.x, b.pos.x), c.pos.x), clip.x),
                  std::max(std::min(std::min(a.pos.y, b.pos.y), c.pos.y), clip.y),
                  std::min(std::max(std::max(a.pos.x, b.pos.x), c.pos.x), clip.z),
                  std::min(std::max(std::max(a.pos.y, b.pos.y), c.pos.y), clip.w));
}

static bool Empty(const ImVec4& r) { return r.z <= r.x || r.w <= r.y; }
static float Area(const ImVec4& r) { return Empty(r) ? 0.0f : (r.z - r.x) * (r.w - r.y); }

// The frame's visible triangles in drawing order; triangles wholly outside their clip
// rectangle draw nothing and are left out.
static void CollectTriangles(const ImDrawData* dd, DrawnFrame& frame)
{
    std::vector<DrawnTriangle>& out = frame.triangles;
    out.clear();
    frame.lists.clear();
    for (int n = 0; n < dd->CmdListsCount; n++) {
        const ImDrawList* list = dd->CmdLists[n];
        frame.lists.push_back({ list, out.size(), out.size() });
        const ImDrawVert* vtx = list->VtxBuffer.Data;
        const ImDrawIdx* idx = list->IdxBuffer.Data;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            const ImVec4 clip = cmd.ClipRect;
            uint64_t base, clip_lo, clip_hi;
            memcpy(&clip_lo, &clip.x, 8);
            memcpy(&clip_hi, &clip.z, 8);
            base = Mix(Mix(Mix(0x243F6A8885A308D3ull, (uint64_t)(uintptr_t)cmd.TextureId), clip_lo), clip_hi);
            if (cmd.UserCallback) {   // drawn by code we cannot see into: treat as covering its clip, always new
                out.push_back({ Mix(base, (uint64_t)(uintptr_t)cmd.UserCallback ^ (uint64_t)g_drawn), clip });
                continue;
            }
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert& a = vtx[cmd.VtxOffset + idx[cmd.IdxOffset + i]];
                const ImDrawVert& b = vtx[cmd.VtxOffset + idx[cmd.IdxOffset + i + 1]];
                const ImDrawVert& c = vtx[cmd.VtxOffset + idx[cmd.IdxOffset + i + 2]];
                const ImVec4 box = TriangleBox(a, b, c, clip);
                if (Empty(box)) continue;
                out.push_back({ HashVertex(HashVertex(HashVertex(base, a), b), c), box });
            }
        }
        frame.lists.back().end = out.size();
    }
}

static void AddBox(ImVec4& into, const ImVec4& box)
{
    into.x = std::min(into.x, box.x);
    into.y = std::min(into.y, box.y);
    into.z = std::max(into.z, box.z);
    into.w = std::max(into.w, box.w);
}

// The box around the triangles of two runs that differ: both are the same up to a common start
// and from a common end; what lies between changed (in either). Empty when they are the same.
static ImVec4 ChangedBox(const DrawnTriangle* shown, size_t shown_n, const DrawnTriangle* now, size_t now_n)
{
    const size_t common = std::min(shown_n, now_n);
    size_t start = 0;
    while (start < common && shown[start].hash == now[start].hash) start++;
    size_t end = 0;
    while (end < common - start && shown[shown_n - 1 - end].hash == now[now_n - 1 - end].hash) end++;
    ImVec4 box(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
    for (size_t i = start; i < shown_n - end; i++) AddBox(box, shown[i].box);
    for (size_t i = start; i < now_n - end; i++) AddBox(box, now[i].box);
    return box;
}

// Adds `box` to the damaged rectangles, merging it with one it overlaps or nearly touches, and
// all of them into one when there would be too many.
static void AddDamage(std::vector<ImVec4>& rects, const ImVec4& box)
{
    if (Empty(box)) return;
    ImVec4 merged = box;
    for (size_t i = 0; i < rects.size();) {
        ImVec4 both = rects[i];
        AddBox(both, merged);
        // Merge when one rectangle around both costs little more than the two apart.
        if (Area(both) <= 1.3f * (Area(rects[i]) + Area(merged)) + 2000.0f) {
            merged = both;
            rects.erase(rects.begin() + (long)i);
            i = 0;
        } else {
            i++;
        }
    }
    rects.push_back(merged);
    if (rects.size() > 4) {
        ImVec4 all = rects[0];
        for (const ImVec4& r : rects) AddBox(all, r);
        rects.assign(1, all);
    }
}

// Where `now` differs from `shown`, window by window: each window's list is compared with the
// same list in the frame shown, and a list new or gone is damaged where it lies. Exact as long as
// the lists the two frames share are drawn in the same order; when they are not (a window came
// to the front), the whole display.
static void ChangedRects(const DrawnFrame& shown, const DrawnFrame& now, const ImVec4& display, std::vector<ImVec4>& rects)
{
    rects.clear();
    size_t s = 0;   // the next list of `shown` not yet matched
    for (const DrawnList& list : now.lists) {
        size_t match = s;
        while (match < shown.lists.size() && shown.lists[match].list != list.list) match++;
        if (match == shown.lists.size()) {   // new, or drawn earlier than before
            bool earlier = false;
            for (size_t i = 0; i < s && !earlier; i++) earlier = shown.lists[i].list == list.list;
            if (earlier) { rects.assign(1, display); return; }
            AddDamage(rects, ChangedBox(nullptr, 0, now.triangles.data() + list.begin, list.end - list.begin));
            continue;
        }
        for (size_t gone = s; gone < match; gone++)   // lists no longer drawn
            AddDamage(rects, ChangedBox(shown.triangles.data() + shown.lists[gone].begin, shown.lists[gone].end - shown.lists[gone].begin, nullptr, 0));
        const DrawnList& was = shown.lists[match];
        AddDamage(rects, ChangedBox(shown.triangles.data() + was.begin, was.end - was.begin,
                                    now.triangles.data() + list.begin, list.end - list.begin));
        s = match + 1;
    }
    for (size_t gone = s; gone < shown.lists.size(); gone++)
        AddDamage(rects, ChangedBox(shown.triangles.data() + shown.lists[gone].begin, shown.lists[gone].end - shown.lists[gone].begin, nullptr, 0));
}

// The triangles that reach `damage`, in drawing order, copied into one small list with their
// clip rectangles cut to it: what WebGL is handed when a few words changed, instead of every
// vertex of the page (handing over the page's megabyte of vertices costs more than drawing a
// word). False when a command draws with a callback: the caller draws the lists instead.
static bool BuildPatch(const ImDrawData* dd, const ImVec4& damage, ImDrawList& patch)
{
    patch.CmdBuffer.resize(0);
    patch.IdxBuffer.resize(0);
    patch.VtxBuffer.resize(0);
    for (int n = 0; n < dd->CmdListsCount; n++) {
        const ImDrawList* list = dd->CmdLists[n];
        const ImDrawVert* vtx = list->VtxBuffer.Data;
        const ImDrawIdx* idx = list->IdxBuffer.Data;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) return false;
            const ImVec4 clip(std::max(cmd.ClipRect.x, damage.x), std::max(cmd.ClipRect.y, damage.y),
                              std::min(cmd.ClipRect.z, damage.z), std::min(cmd.ClipRect.w, damage.w));
            if (Empty(clip)) continue;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert& a = vtx[cmd.VtxOffset + idx[cmd.IdxOffset + i]];
                const ImDrawVert& b = vtx[cmd.VtxOffset + idx[cmd.IdxOffset + i + 1]];
                const ImDrawVert& c = vtx[cmd.VtxOffset + idx[cmd.IdxOffset + i + 2]];
                if (Empty(TriangleBox(a, b, c, clip))) continue;
                ImDrawCmd* last = patch.CmdBuffer.Size ? &patch.CmdBuffer.back() : nullptr;
                if (!last || last->TextureId != cmd.TextureId || memcmp(&last->ClipRect, &clip, sizeof(clip)) != 0) {
                    ImDrawCmd next;
                    next.ClipRect = clip;
                    next.TextureId = cmd.TextureId;
                    next.IdxOffset = (unsigned)patch.IdxBuffer.Size;
                    patch.CmdBuffer.push_back(next);
                    last = &patch.CmdBuffer.back();
                }
                const ImDrawIdx first = (ImDrawIdx)patch.VtxBuffer.Size;
                patch.VtxBuffer.push_back(a);
                patch.VtxBuffer.push_back(b);
                patch.VtxBuffer.push_back(c);
                patch.IdxBuffer.push_back(first);
                patch.IdxBuffer.push_back((ImDrawIdx)(first + 1));
                patch.IdxBuffer.push_back((ImDrawIdx)(first + 2));
                last->ElemCount += 3;
            }
        }
    }
    return true;
}

// A damaged rectangle in whole framebuffer pixels (a pixel more on each side for rounding at
// fractional scales), and the same in display coordinates.
struct PixelRect {
    int x0, y0, x1, y1;
    ImVec4 display;
};

static PixelRect ToPixels(const ImDrawData* dd, const ImVec4& box, int fb_w, int fb_h)
{
    const ImVec2 scale = dd->FramebufferScale, pos = dd->DisplayPos;
    PixelRect r;
    r.x0 = std::max(0, (int)std::floor((box.x - pos.x) * scale.x) - 1);
    r.y0 = std::max(0, (int)std::floor((box.y - pos.y) * scale.y) - 1);
    r.x1 = std::min(fb_w, (int)std::ceil((box.z - pos.x) * scale.x) + 1);
    r.y1 = std::min(fb_h, (int)std::ceil((box.w - pos.y) * scale.y) + 1);
    r.display = ImVec4(pos.x + r.x0 / scale.x, pos.y + r.y0 / scale.y, pos.x + r.x1 / scale.x, pos.y + r.y1 / scale.y);
    return r;
}

static void ClearRect(const PixelRect& r, ImU32 clear, int fb_h)
{
    glEnable(GL_SCISSOR_TEST);
    glScissor(r.x0, fb_h - r.y1, r.x1 - r.x0, r.y1 - r.y0);   // GL counts rows from the bottom
    glClearColor((clear & 0xFF) / 255.0f, ((clear >> 8) & 0xFF) / 255.0f, ((clear >> 16) & 0xFF) / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
}

// Draws the lists that reach `damage`, their commands clipped to it (changes them in place).
static void DrawListsWithin(ImDrawData* dd, const ImVec4& damage, int fb_w, int fb_h)
{
    ImDrawData part = *dd;
    part.CmdLists.resize(0);
    part.TotalIdxCount = part.TotalVtxCount = 0;
    for (int n = 0; n < dd->CmdListsCount; n++) {
        ImDrawList* list = dd->CmdLists[n];
        bool reaches = false;
        for (ImDrawCmd& cmd : list->CmdBuffer) {
            cmd.ClipRect = ImVec4(std::max(cmd.ClipRect.x, damage.x), std::max(cmd.ClipRect.y, damage.y),
                                  std::min(cmd.ClipRect.z, damage.z), std::min(cmd.ClipRect.w, damage.w));
            reaches |= !Empty(cmd.ClipRect);
        }
        if (!reaches) continue;
        part.CmdLists.push_back(list);
        part.TotalIdxCount += list->IdxBuffer.Size;
        part.TotalVtxCount += list->VtxBuffer.Size;
    }
    part.CmdListsCount = part.CmdLists.Size;
    Renderer_Draw(&part, fb_w, fb_h);
}

bool Present_Frame(ImDrawData* dd, ImU32 clear, int fb_w, int fb_h)
{
    CollectTriangles(dd, g_next);
    const ImVec4 display(dd->DisplayPos.x, dd->DisplayPos.y, dd->DisplayPos.x + dd->DisplaySize.x, dd->DisplayPos.y + dd->DisplaySize.y);
    static std::vector<ImVec4> boxes;
    if (g_invalid || clear != g_shown_clear || fb_w != g_shown_w || fb_h != g_shown_h) boxes.assign(1, display);
    else ChangedRects(g_shown, g_next, display, boxes);
    std::swap(g_shown, g_next);
    g_shown_clear = clear;
    g_shown_w = fb_w;
    g_shown_h = fb_h;
    g_invalid = false;

    std::vector<PixelRect> rects;
    double pixels = 0;
    ImVec4 around(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
    for (const ImVec4& box : boxes) {
        const PixelRect r = ToPixels(dd, box, fb_w, fb_h);
        if (r.x1 <= r.x0 || r.y1 <= r.y0) continue;
        rects.push_back(r);
        pixels += (double)(r.x1 - r.x0) * (r.y1 - r.y0);
        AddBox(around, r.display);
    }
    if (rects.empty()) return false;   // nothing differs: the canvas shows this frame already

    g_drawn++;
    g_drawn_part = (float)std::min(1.0, pixels / ((double)fb_w * fb_h));
    glViewport(0, 0, fb_w, fb_h);

    // A few words changed: each damaged rectangle cleared and drawn from a small list of the
    // triangles that reach it.
    if (g_drawn_part < 0.5f) {
        bool patched = true;
        for (const PixelRect& r : rects) {
            if (!BuildPatch(dd, r.display, g_patch)) { patched = false; break; }
            ClearRect(r, clear, fb_h);
            ImDrawData part = *dd;
            part.CmdLists.resize(0);
            part.CmdLists.push_back(&g_patch);
            part.CmdListsCount = 1;
            part.TotalVtxCount = g_patch.VtxBuffer.Size;
            part.TotalIdxCount = g_patch.IdxBuffer.Size;
            Renderer_Draw(&part, fb_w, fb_h);
        }
        if (patched) return true;
    }

    // Much changed (or a command draws with a callback): one rectangle around it all, the lists
    // drawn clipped to it.
    const PixelRect all = ToPixels(dd, around, fb_w, fb_h);
    ClearRect(all, clear, fb_h);
    DrawListsWithin(dd, all.display, fb_w, fb_h);
    return true;
}

void Present_Invalidate() { g_invalid = true; }

int Present_FramesDrawn() { return g_drawn; }

float Present_LastDrawnPart() { return g_drawn_part; }


// Pixels the last frame's triangles cover, counted once per triangle (clipped to its command's
// clip rectangle by bounding box only), over the framebuffer's: how many times over each pixel
// is drawn. Software WebGL pays for every one of them.
float Present_Overdraw(const ImDrawData* dd, int fb_w, int fb_h)
{
    double area = 0;
    for (int n = 0; n < dd->CmdListsCount; n++) {
        const ImDrawList* list = dd->CmdLists[n];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const ImVec4 clip = cmd.ClipRect;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert& a = list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + i]];
                const ImDrawVert& b = list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + i + 1]];
                const ImDrawVert& c = list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + i + 2]];
                const double tri = 0.5 * std::abs((double)(b.pos.x - a.pos.x) * (c.pos.y - a.pos.y) - (double)(c.pos.x - a.pos.x) * (b.pos.y - a.pos.y));
                area += std::min(tri, (double)Area(TriangleBox(a, b, c, clip)));
            }
        }
    }
    const ImVec2 scale = dd->FramebufferScale;
    return (float)(area * scale.x * scale.y / ((double)fb_w * fb_h));
}
