#include "item_hooks.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <nlohmann/json.hpp>
#include <cstring>

struct BuildingItem { UiItem item; ImGuiWindow* window; };
static std::vector<BuildingItem> g_building;   // items of the frame being drawn
static std::vector<UiItem> g_published;  // items of the last complete frame

// A frame reports at most this many items, so a huge draft (or a list drawn whole by mistake)
// cannot run the app out of memory through items(): what is left out is counted and said.
static const size_t kMaxItems = 20000;
static size_t g_building_dropped = 0, g_published_dropped = 0;

void ItemHooks_Install(ImGuiContext* ctx)
{
    ctx->TestEngineHookItems = true;
}

static ImGuiID g_focus_when_drawn = 0;
static ImGuiWindow* g_focus_next_in = nullptr;   // ItemHooks_FocusNextTabStop: the root window asked in

void ItemHooks_FocusWhenDrawn(unsigned int id)
{
    g_focus_when_drawn = id;
}

void ItemHooks_FocusNextTabStop()
{
    ImGuiWindow* window = GImGui->CurrentWindow;
    g_focus_next_in = window ? window->RootWindow : nullptr;
}

void ItemHooks_EndFrame()
{
    g_focus_next_in = nullptr;   // asked for this frame only
    // Keep only items of windows that were really shown: ImGui's implicit "Debug" window, for
    // one, is begun every frame and hidden again when nothing was drawn in it.
    g_published.clear();
    for (BuildingItem& b : g_building)
        if (!b.window || (b.window->Active && !b.window->Hidden)) g_published.push_back(std::move(b.item));
    g_building.clear();
    g_published_dropped = g_building_dropped;
    g_building_dropped = 0;
}

size_t ItemHooks_LastFrameDropped()
{
    return g_published_dropped;
}

const std::vector<UiItem>& ItemHooks_LastFrame()
{
    return g_published;
}

// "Save##file" -> "Save", "##title" -> "title", "Open...###open" -> "Open..."
static std::string VisibleLabel(const char* label)
{
    const char* hash = strstr(label, "##");
    if (hash == label) {
        const char* id = label;
        while (*id == '#') id++;
        return id;
    }
    return hash ? std::string(label, hash) : std::string(label);
}

// ImGui calls this for every item with an id, before clipping, so scrolled-out items are
// reported too (marked not visible).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data)
{
    ImGuiWindow* window = ctx->CurrentWindow;
    if (g_focus_next_in && window && window->RootWindow == g_focus_next_in && item_data &&
        !(item_data->InFlags & (ImGuiItemFlags_NoNav | ImGuiItemFlags_NoTabStop | ImGuiItemFlags_Disabled))) {
        g_focus_next_in = nullptr;
        g_focus_when_drawn = id;
    }
    if (id == g_focus_when_drawn && window) {
        g_focus_when_drawn = 0;
        ImGui::FocusWindow(window);
        ImGui::SetFocusID(id, window);
        ctx->NavDisableHighlight = false;   // the focus is shown, as after a Tab
        ctx->NavDisableMouseHover = true;
        ImGui::ScrollToRectEx(window, bb, ImGuiScrollFlags_KeepVisibleEdgeY | ImGuiScrollFlags_KeepVisibleEdgeX);
    }
    if (g_building.size() >= kMaxItems) { g_building_dropped++; return; }
    UiItem item;
    item.id = id;
    item.window = window ? window->Name : "";
    ImRect r = bb;
    item.visible = window ? r.Overlaps(window->ClipRect) : true;
    if (window && item.visible) {
        r.ClipWith(window->ClipRect);
        item.partly = r.GetHeight() < bb.GetHeight() - 0.5f || r.GetWidth() < bb.GetWidth() - 0.5f;
    }
    item.x = r.Min.x;
    item.y = r.Min.y;
    item.full_y = bb.Min.y;
    item.full_h = bb.GetHeight();
    item.w = r.GetWidth();
    item.h = r.GetHeight();
    item.item_flags = item_data ? item_data->InFlags : 0;
    item.active = ctx->ActiveId == id;
    item.focused = ctx->NavId == id && ctx->NavWindow == window;
    g_building.push_back({item, window});
}

// This frame's entry of item `id`. What is said of an item (its label, its role) follows its
// Add closely: search backwards, not far (an item past the cap has no entry, and a search
// through all of them for each would cost a frame of 20,000 items seconds).
static UiItem* FindBuilding(ImGuiID id)
{
    if (id == 0) return nullptr;
    const size_t stop = g_building.size() > 256 ? g_building.size() - 256 : 0;
    for (size_t i = g_building.size(); i-- > stop;)
        if (g_building[i].item.id == id) return &g_building[i].item;
    return nullptr;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags)
{
    UiItem* item = FindBuilding(id);
    if (!item) return;
    item->label = label ? VisibleLabel(label) : "";
    item->name = label ? label : "";
    item->status = flags;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

// The entry of ImGui's last item in this frame.
static UiItem* LastItem()
{
    return FindBuilding(GImGui->LastItemData.ID);
}

void ItemHooks_Describe(A11yRole role, uint16_t states, const char* name)
{
    UiItem* item = LastItem();
    if (!item) return;
    item->role = role;
    item->a11y_states |= states;
    if (name) item->a11y_name = name;
}

void ItemHooks_DescribeId(unsigned int id, const char* name, const char* value)
{
    UiItem* item = FindBuilding(id);
    if (!item) return;
    if (name) item->a11y_name = name;
    if (value) item->a11y_value = A11y_CutText(value, strlen(value));
}

void ItemHooks_LabelIfUnseen(const char* label)
{
    UiItem* item = LastItem();
    if (!item || !item->name.empty() || !label) return;
    item->label = VisibleLabel(label);
    item->name = label;
}

void ItemHooks_DescribeTip(const char* text)
{
    UiItem* item = LastItem();
    if (item && text) item->a11y_description = A11y_CutText(text, strlen(text));
}

void ItemHooks_DescribeValue(const char* value, size_t len, const char* hint)
{
    UiItem* item = LastItem();
    if (!item) return;
    item->a11y_value = A11y_CutText(value, len);
    if (hint) item->a11y_hint = hint;
}

void ItemHooks_DescribeStepper(const char* name, double now, double min, double max, const char* less, const char* more)
{
    // ImGui's InputInt is three items (the field, then its "-" and "+" buttons) and leaves none
    // of them as the last item: they are the last three of this window.
    ImGuiWindow* window = GImGui->CurrentWindow;
    int seen = 0;
    for (size_t i = g_building.size(); i-- > 0 && seen < 3;) {
        BuildingItem& b = g_building[i];
        if (b.window != window) continue;
        seen++;
        UiItem& it = b.item;
        // By place, not only by label: scrolled out of view, ImGui gives the buttons no label.
        if (seen == 1 && (it.label == "+" || it.label.empty())) it.a11y_name = more;
        else if (seen == 2 && (it.label == "-" || it.label.empty())) it.a11y_name = less;
        else if (seen == 3) {
            it.role = A11yRole::SpinButton;
            it.a11y_name = name;
            it.a11y_states |= A11yState_Range;
            it.value_now = now; it.value_min = min; it.value_max = max;
        }
    }
}

static void AddText(A11yRole role, const char* text, int level, bool labels_next, const char* key, const ImRect& bb)
{
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = g.CurrentWindow;
    if (!window || !text || (!*text && !key)) return;   // a keyed node (a live region) stays when empty
    if (g_building.size() >= kMaxItems) { g_building_dropped++; return; }
    UiItem item;
    // Not an ImGui id: a hash of the text where it is drawn, kept apart from the widget of the
    // same label (the mirror makes repeats unique).
    item.id = ImHashStr(key ? key : text, 0, window->IDStack.back() ^ 0x7E47u);
    item.label = A11y_CutText(text, strlen(text));
    item.window = window->Name;
    item.visible = bb.Overlaps(window->ClipRect);
    ImRect r = bb;
    if (item.visible) r.ClipWith(window->ClipRect);
    item.x = r.Min.x; item.y = r.Min.y; item.w = r.GetWidth(); item.h = r.GetHeight();
    item.full_y = bb.Min.y;
    item.full_h = bb.GetHeight();
    item.item_flags = ImGuiItemFlags_NoNav;
    item.role = role;
    item.level = (uint8_t)level;
    item.labels_next = labels_next;
    g_building.push_back({std::move(item), window});
}

void ItemHooks_Text(A11yRole role, const char* text, int level, const char* key)
{
    AddText(role, text, level, false, key, GImGui->LastItemData.Rect);
}

void ItemHooks_TextAt(A11yRole role, const char* text, float x, float y, float w, float h)
{
    AddText(role, text, 0, false, nullptr, ImRect(x, y, x + w, y + h));
}

void ItemHooks_LabelNext(const char* text)
{
    AddText(A11yRole::Text, text, 0, true, nullptr, GImGui->LastItemData.Rect);
}

static void AddGroupMark(A11yRole role, const char* name, const char* key, int group)
{
    ImGuiWindow* window = GImGui->CurrentWindow;
    if (!window || g_building.size() >= kMaxItems) return;   // past the cap a frame's list is cut anyway
    UiItem item;
    item.id = ImHashStr(key ? key : name, 0, window->IDStack.back() ^ 0x6A09u);
    item.label = name;
    item.window = window->Name;
    item.role = role;
    item.group = group;
    g_building.push_back({std::move(item), window});
}

void ItemHooks_BeginGroup(A11yRole role, const char* name, const char* key)
{
    AddGroupMark(role, name, key, +1);
}

void ItemHooks_EndGroup()
{
    AddGroupMark(A11yRole::None, "", nullptr, -1);
}

bool ItemHooks_IsTabStop(const UiItem& it)
{
    if (it.id == 0 || it.group != 0 || it.labels_next) return false;
    if (it.item_flags & (ImGuiItemFlags_NoNav | ImGuiItemFlags_NoTabStop | ImGuiItemFlags_Disabled)) return false;
    if (it.role == A11yRole::Text || it.role == A11yRole::Heading || it.role == A11yRole::Status) return false;
    if (it.label == it.window) return false;
    return !it.name.empty() || (it.status & ImGuiItemStatusFlags_Inputable) || it.role != A11yRole::None;
}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id)
{
    for (const UiItem& item : g_published)
        if (item.id == id) return item.label.c_str();
    return nullptr;
}

std::string ItemHooks_LastFrameJson()
{
    // One item at a time into the text, so the JSON tree of a whole frame never exists at once.
    std::string out = "[";
    for (const UiItem& it : g_published) {
        nlohmann::json flags = nlohmann::json::array();
        if (it.status & ImGuiItemStatusFlags_HoveredRect) flags.push_back("hovered");
        if (it.status & ImGuiItemStatusFlags_Openable)    flags.push_back("openable");
        if (it.status & ImGuiItemStatusFlags_Opened)      flags.push_back("opened");
        if (it.status & ImGuiItemStatusFlags_Checkable)   flags.push_back("checkable");
        if (it.status & ImGuiItemStatusFlags_Checked)     flags.push_back("checked");
        if (it.status & ImGuiItemStatusFlags_Inputable)   flags.push_back("inputable");
        if (it.status & ImGuiItemStatusFlags_Edited)      flags.push_back("edited");
        if (it.item_flags & ImGuiItemFlags_Disabled)      flags.push_back("disabled");
        if (it.active)   flags.push_back("active");
        if (it.focused)  flags.push_back("focused");
        if (!it.visible) flags.push_back("clipped");
        if (it.partly)   flags.push_back("partly");
        const nlohmann::json item = {{"id", it.id}, {"label", it.label}, {"name", it.name}, {"window", it.window},
                                     {"x", it.x}, {"y", it.y}, {"w", it.w}, {"h", it.h}, {"flags", flags}};
        if (out.size() > 1) out += ',';
        out += item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    if (g_published_dropped > 0) {   // the cap, said where a test or a reader of the list sees it
        const nlohmann::json note = {{"id", 0}, {"label", ""}, {"name", ""}, {"window", ""}, {"x", 0}, {"y", 0}, {"w", 0}, {"h", 0},
                                     {"flags", {"clipped", "note"}},
                                     {"note", "items() lists the first " + std::to_string(kMaxItems) + " items of a frame; " +
                                                  std::to_string(g_published_dropped) + " more were left out"}};
        if (out.size() > 1) out += ',';
        out += note.dump();
    }
    out += ']';
    return out;
}
