#include "comment_marker.h"
#include "item_hooks.h"

#include "comments_pane.h"
#include "core/comments.h"
#include "fonts.h"
#include "theme.h"
#include "views.h"
#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <cstdio>

float CommentMarker_Width(float zoom) { return IM_ROUND(30 * zoom); }

static ImU32 WithAlpha(ImU32 c, float a)
{
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w *= a;
    return ImGui::ColorConvertFloat4ToU32(v);
}

// The bubble in `bb`: a rounded box with a tail at its lower left; the count or a plus inside.
static void DrawBubble(const ImRect& bb, int open, bool hovered, float z)
{
    const ThemeColors& c = Theme_Colors();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImRect box(bb.Min, ImVec2(bb.Max.x, bb.Max.y - 4 * z));
    const ImVec2 t0(box.Min.x + 6 * z, box.Max.y - 1), t1(box.Min.x + 12 * z, box.Max.y - 1), t2(box.Min.x + 5 * z, bb.Max.y);
    const float r = 5 * z;
    const ImU32 fill = open > 0 ? c.accent : hovered ? WithAlpha(c.accent, 0.12f) : c.paper;
    const ImU32 edge = open > 0 || hovered ? c.accent : c.border;
    dl->AddRectFilled(box.Min, box.Max, fill, r);
    dl->AddTriangleFilled(t0, t1, t2, fill);
    if (open == 0) {
        dl->AddRect(box.Min, box.Max, edge, r, 0, 1.0f);
        dl->AddLine(t1, t2, edge, 1.0f);
        dl->AddLine(t0, t2, edge, 1.0f);
        dl->AddLine(ImVec2(t0.x + 1, t0.y), ImVec2(t1.x - 1, t1.y), fill, 1.5f);   // the tail opens into the box
        const ImVec2 m = box.GetCenter();
        const float a = 4 * z;
        const ImU32 plus = hovered ? c.accent : c.text_muted;
        dl->AddLine(ImVec2(m.x - a, m.y), ImVec2(m.x + a, m.y), plus, 1.5f * z);
        dl->AddLine(ImVec2(m.x, m.y - a), ImVec2(m.x, m.y + a), plus, 1.5f * z);
    } else {
        char n[16];
        snprintf(n, sizeof(n), "%d", open > 99 ? 99 : open);
        ImFont* font = Fonts_Get(Font_Small);
        const float size = font->FontSize;
        const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, n);
        dl->AddText(font, size, ImVec2(IM_ROUND(box.GetCenter().x - ts.x * 0.5f), IM_ROUND(box.GetCenter().y - ts.y * 0.5f)), c.paper, n);
    }
}

static void Marker(Views& views, const ImRect& bb, const std::string& target, const std::string& field)
{
    const float z = views.zoom;
    const parley::CommentThreads& threads = CommentsPane_Threads(views);
    const std::string key = parley::comment_target_key(target, field);
    const auto it = threads.open_on.find(key);
    const int open = it == threads.open_on.end() ? 0 : it->second;
    const std::string label = (open > 0 ? std::to_string(open) + " open" : std::string("Comment")) + "###comment/" + key;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID(label.c_str());
    if (!ImGui::ItemAdd(bb, id)) return;
    bool hovered = false, held = false;
    const bool pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held);
    ImGuiContext& g = *GImGui;   // IMGUI_TEST_ENGINE_ITEM_INFO expects it
    IMGUI_TEST_ENGINE_ITEM_INFO(id, label.c_str(), g.LastItemData.StatusFlags);
    (void)g;
    // A screen reader hears what the bubble is for, as the tooltip says it: "Comment on Question 3".
    const std::string about = parley::comment_about(views.session.doc, target, field);
    const std::string spoken = open > 0 ? std::to_string(open) + (open == 1 ? " open comment on " : " open comments on ") + about
                                        : "Comment on " + about;
    ItemHooks_Describe(A11yRole::Button, 0, spoken.c_str());
    DrawBubble(bb, open, hovered, z);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (open > 0)
            ImGui::SetTooltip("%d open %s on %s: click to read and reply", open, open == 1 ? "comment" : "comments", about.c_str());
        else
            ImGui::SetTooltip("Comment on %s", about.c_str());
    }
    if (pressed) CommentsPane_Show(views, target, field);
}

void CommentMarker(Views& views, const std::string& target, const std::string& field)
{
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    const float z = views.zoom;
    const float h = IM_ROUND(22 * z);
    const float frame_h = ImGui::GetFrameHeight();
    ImVec2 pos = window->DC.CursorPos;
    pos.y += std::max(0.0f, (frame_h - h) * 0.5f);   // level with buttons on the same line
    ImGui::ItemSize(ImVec2(CommentMarker_Width(z), frame_h), ImGui::GetStyle().FramePadding.y);
    Marker(views, ImRect(pos, ImVec2(pos.x + CommentMarker_Width(z), pos.y + h)), target, field);
}

void CommentMarker_At(Views& views, float screen_x, float screen_y, const std::string& target, const std::string& field)
{
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    const float z = views.zoom;
    const ImVec2 pos(IM_ROUND(screen_x), IM_ROUND(screen_y));
    Marker(views, ImRect(pos, ImVec2(pos.x + CommentMarker_Width(z), pos.y + IM_ROUND(20 * z))), target, field);
}
