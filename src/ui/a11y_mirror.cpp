#include "a11y_mirror.h"

#include "item_hooks.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

static std::vector<A11yNode> g_nodes, g_next;

// ImGui tells an item's label only when the item is in view (a button scrolled out is added,
// then clipped before its label is given). What each item was called when last seen names it
// while it is out of view, so the mirror keeps reading in order past the window's edge.
struct Remembered { std::string label, name; int status = 0; };
static std::unordered_map<uint32_t, Remembered> g_remembered;
static const size_t kMaxRemembered = 50000;   // past this it starts again: a bound, not a cache policy
static uint32_t g_focus = 0;
static std::string g_changes;
static double g_last_ms = 0;
static uint32_t g_activate = 0;     // asked by the page, carried out at the next BeginFrame
static int g_frames_wanted = 0;     // an activation takes effect a frame after it is asked

// ---------------------------------------------------------------------------------------
// Containers: the landmarks and menus a screen reader lists, in the order it reads them.

struct Container {
    uint32_t id = 0;
    A11yRole role = A11yRole::None;   // None: the items of this window are not mirrored (a tooltip)
    std::string name;
    int rank = 0;                      // reading order of the containers
    uint16_t states = 0;
    std::vector<size_t> items;         // indices into g_next, in drawing order
};

static bool StartsWith(const char* s, const char* prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

// "Open draft###open-modal" -> "Open draft"
static std::string WindowTitle(const char* name)
{
    const char* hash = strstr(name, "##");
    return hash ? std::string(name, hash) : std::string(name);
}

static uint32_t KeyId(const char* key) { return ImHashStr(key, 0, 0xA11Fu); }

static Container ContainerFor(ImGuiWindow* window)
{
    Container c;
    if (!window) { c.role = A11yRole::Main; c.id = KeyId("main"); c.rank = 4; return c; }
    ImGuiWindow* root = window->RootWindow ? window->RootWindow : window;
    const ImGuiWindowFlags f = root->Flags;
    if (strcmp(root->Name, "##MainMenuBar") == 0) {
        c.role = A11yRole::Menubar; c.name = "Menu bar"; c.id = KeyId("menubar"); c.rank = 0;
    } else if (f & ImGuiWindowFlags_Tooltip) {
        c.role = A11yRole::None;
    } else if (f & ImGuiWindowFlags_Modal) {
        c.role = A11yRole::Dialog; c.name = WindowTitle(root->Name); c.id = root->ID; c.rank = 2;
        c.states = A11yState_Modal;
    } else if ((f & ImGuiWindowFlags_Popup) && StartsWith(root->Name, "##Combo_")) {
        c.role = A11yRole::Listbox; c.id = root->ID; c.rank = 1;
    } else if (f & ImGuiWindowFlags_Popup) {   // a menu of the bar, a submenu, a context menu
        c.role = A11yRole::Menu; c.id = root->ID; c.rank = 1;
    } else if (strcmp(root->Name, "##StatusBar") == 0) {
        c.role = A11yRole::ContentInfo; c.name = "Status bar"; c.id = KeyId("statusbar"); c.rank = 5;
    } else if (strstr(window->Name, "/Outline")) {
        c.role = A11yRole::Navigation; c.name = "Outline"; c.id = KeyId("outline"); c.rank = 3;
    } else {
        // Everything else in the work area (the page, the compare view, side panes) is the
        // page's one main landmark, read in the order it is drawn.
        c.role = A11yRole::Main; c.id = KeyId("main"); c.rank = 4;
    }
    return c;
}

// "share-link" -> "Share link": a name for a field with no visible label and no label above.
static std::string Humanize(const std::string& id)
{
    // "type/dim-cur-scope" is a field of a row: what follows the slash tells rows apart, for
    // ImGui, and means nothing to a reader.
    std::string s;
    for (char ch : id) {
        if (ch == '/') break;
        s += (ch == '-' || ch == '_') ? ' ' : ch;
    }
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

static bool HiddenLabel(const UiItem& it) { return StartsWith(it.name.c_str(), "##") || it.name.empty(); }

static A11yRole InferRole(const UiItem& it, A11yRole container, uint16_t* states)
{
    const int st = it.status;
    if (container == A11yRole::Menubar) {
        if (st & ImGuiItemStatusFlags_Openable) {
            *states |= A11yState_HasPopup | A11yState_Expandable;
            if (st & ImGuiItemStatusFlags_Opened) *states |= A11yState_Expanded;
        }
        return A11yRole::MenuItem;
    }
    if (container == A11yRole::Menu) {
        if (st & ImGuiItemStatusFlags_Openable) {
            *states |= A11yState_HasPopup | A11yState_Expandable;
            if (st & ImGuiItemStatusFlags_Opened) *states |= A11yState_Expanded;
            return A11yRole::MenuItem;
        }
        // ImGui marks every menu item checkable; only a ticked one is known to be a toggle.
        if (st & ImGuiItemStatusFlags_Checked) { *states |= A11yState_Checked; return A11yRole::MenuItemCheckbox; }
        return A11yRole::MenuItem;
    }
    if (container == A11yRole::Listbox) return A11yRole::Option;
    if (st & ImGuiItemStatusFlags_Inputable) return A11yRole::Textbox;
    if (st & ImGuiItemStatusFlags_Checkable) {
        if (st & ImGuiItemStatusFlags_Checked) *states |= A11yState_Checked;
        return A11yRole::Checkbox;
    }
    if (st & ImGuiItemStatusFlags_Openable) {
        *states |= A11yState_Expandable | A11yState_HasPopup;
        if (st & ImGuiItemStatusFlags_Opened) *states |= A11yState_Expanded;
        return A11yRole::Combobox;
    }
    if ((it.item_flags & ImGuiItemFlags_NoNav) && it.role == A11yRole::None) return A11yRole::Text;   // NamedText
    return A11yRole::Button;
}

// ---------------------------------------------------------------------------------------

void A11yMirror_RequestFocus(uint32_t id)
{
    ItemHooks_FocusWhenDrawn(id);
    g_frames_wanted = 2;
}

void A11yMirror_RequestActivate(uint32_t id)
{
    ItemHooks_FocusWhenDrawn(id);
    g_activate = id;
    g_frames_wanted = 3;
}

bool A11yMirror_WantsFrame()
{
    return g_frames_wanted > 0;
}

void A11yMirror_BeginFrame()
{
    if (g_frames_wanted > 0) g_frames_wanted--;
    if (g_activate) { ImGui::ActivateItemByID(g_activate); g_activate = 0; }
}

static A11yNode ContainerNode(const Container& c)
{
    A11yNode n;
    n.id = c.id;
    n.role = c.role;
    n.name = c.name;
    n.states = c.states;
    return n;
}

void A11yMirror_EndFrame()
{
    const auto t0 = std::chrono::steady_clock::now();
    ImGuiContext& g = *GImGui;
    const std::vector<UiItem>& items = ItemHooks_LastFrame();

    std::vector<Container> containers;
    g_next.clear();
    g_next.reserve(items.size());
    std::unordered_set<uint32_t> seen;
    seen.reserve(items.size() * 2);

    const std::string* last_window_name = nullptr;
    ImGuiWindow* window = nullptr;
    size_t container_at = 0;
    // Labels drawn above fields of this window, waiting for them: fields in a row take the
    // labels of that row in order ("Name", "Short name"). A label no field took in the next
    // few items was a caption of something else.
    std::vector<std::string> pending_labels;
    size_t pending_first = 0;
    int pending_for = 0;
    // The groups (ItemHooks_BeginGroup) open in each window: a popup drawn from inside a table's
    // cell does not end the table's groups.
    std::vector<std::pair<std::string, std::vector<uint32_t>>> open_groups;
    std::vector<uint32_t>* groups_of_window = nullptr;

    if (g_remembered.size() > kMaxRemembered) g_remembered.clear();
    UiItem recalled;
    for (const UiItem& item : items) {
        const UiItem* itp = &item;
        if (item.id && !item.group) {
            if (!item.name.empty()) {
                Remembered& r = g_remembered[item.id];
                if (r.name != item.name) { r.label = item.label; r.name = item.name; }
                r.status = item.status;
            } else if (!item.visible && item.label.empty()) {
                const auto found = g_remembered.find(item.id);
                if (found != g_remembered.end()) {
                    recalled = item;
                    recalled.label = found->second.label;
                    recalled.name = found->second.name;
                    recalled.status = found->second.status;
                    itp = &recalled;
                }
            }
        }
        const UiItem& it = *itp;
        if (!last_window_name || *last_window_name != it.window) {
            last_window_name = &item.window;   // the frame's own entry: `recalled` is reused
            window = ImGui::FindWindowByName(it.window.c_str());
            Container c = ContainerFor(window);
            container_at = containers.size();
            for (size_t i = 0; i < containers.size(); i++)
                if (containers[i].id == c.id) { container_at = i; break; }
            if (container_at == containers.size()) containers.push_back(std::move(c));
            pending_labels.clear();
            pending_first = 0;
            groups_of_window = nullptr;
            for (auto& w : open_groups)
                if (w.first == it.window) { groups_of_window = &w.second; break; }
            if (!groups_of_window) {
                open_groups.emplace_back(it.window, std::vector<uint32_t>());
                groups_of_window = &open_groups.back().second;
            }
        }
        std::vector<uint32_t>& groups = *groups_of_window;
        Container& c = containers[container_at];
        if (c.role == A11yRole::None) continue;
        if (it.group < 0) { if (!groups.empty()) groups.pop_back(); continue; }
        if (it.group > 0) {
            A11yNode n;
            n.id = it.id;
            while (!seen.insert(n.id).second) n.id = n.id * 2654435761u + 1;
            n.parent = groups.empty() ? c.id : groups.back();
            n.role = it.role;
            n.name = it.label;
            groups.push_back(n.id);
            c.items.push_back(g_next.size());
            g_next.push_back(std::move(n));
            continue;
        }
        if (it.id == 0) continue;
        if (it.label == it.window || (window && it.id == window->ID)) continue;   // the window's own item
        if (it.labels_next) { pending_labels.push_back(it.label); pending_for = 4; }
        else if (pending_for > 0 && --pending_for == 0) { pending_labels.clear(); pending_first = 0; }

        A11yNode n;
        n.states = it.a11y_states;
        n.role = it.role != A11yRole::None ? it.role : InferRole(it, c.role, &n.states);
        // Scrollbars, splitters and other unnamed parts of ImGui's own: nothing to read.
        if (it.role == A11yRole::None && it.name.empty() && it.label.empty() && !(it.status & ImGuiItemStatusFlags_Inputable)) continue;
        if (!it.a11y_name.empty()) n.name = it.a11y_name;
        else if (it.role == A11yRole::None && HiddenLabel(it)) {
            if (pending_first < pending_labels.size()) { n.name = pending_labels[pending_first++]; pending_for = 4; }
            else n.name = Humanize(it.label);
        } else n.name = it.label;
        if (n.name.empty() && n.role != A11yRole::Status) continue;

        n.id = it.id;
        while (!seen.insert(n.id).second) n.id = n.id * 2654435761u + 1;   // a repeated text: unique, stable in order
        n.parent = groups.empty() ? c.id : groups.back();
        n.level = it.level;
        n.value = it.a11y_value;
        n.hint = it.a11y_hint;
        n.description = it.a11y_description;
        n.value_now = it.value_now; n.value_min = it.value_min; n.value_max = it.value_max;
        if (it.item_flags & ImGuiItemFlags_Disabled) n.states |= A11yState_Disabled;
        n.x = (int)std::lround(it.x);
        n.y = (int)std::lround(it.full_h > 0 ? it.full_y : it.y);
        n.w = (int)std::lround(it.w);
        n.h = (int)std::lround(it.full_h > 0 ? it.full_h : it.h);
        c.items.push_back(g_next.size());
        g_next.push_back(std::move(n));
    }

    // A menu is named by the item that opened it (ImGui's popup id is that item's id).
    for (Container& c : containers) {
        if (c.role != A11yRole::Menu || !c.name.empty()) continue;
        for (const ImGuiPopupData& popup : g.OpenPopupStack) {
            if (!popup.Window || popup.Window->ID != c.id) continue;
            for (const A11yNode& n : g_next)
                if (n.id == popup.PopupId) { c.name = n.name; break; }
        }
    }

    // Reading order: containers by rank (then as first drawn), each followed by what it holds.
    std::stable_sort(containers.begin(), containers.end(), [](const Container& a, const Container& b) { return a.rank < b.rank; });
    // While a modal dialog is open nothing else can be used: only it (and a list or menu
    // opened from it) is read, as a screen reader would with aria-modal honoured everywhere.
    bool modal = false;
    for (const Container& c : containers) modal |= c.role == A11yRole::Dialog;
    std::vector<A11yNode> ordered;
    ordered.reserve(g_next.size() + containers.size());
    for (const Container& c : containers) {
        if (c.role == A11yRole::None || c.items.empty()) continue;
        if (modal && c.role != A11yRole::Dialog && c.role != A11yRole::Menu && c.role != A11yRole::Listbox) continue;
        ordered.push_back(ContainerNode(c));
        for (size_t i : c.items) ordered.push_back(std::move(g_next[i]));
    }

    // The focus: the item ImGui's keyboard is on (or the text field being typed in).
    uint32_t focus = 0;
    const uint32_t want = g.ActiveId && g.ActiveIdWindow && g.ActiveId == g.InputTextState.ID ? g.ActiveId : (g.NavWindow ? g.NavId : 0);
    if (want)
        for (const A11yNode& n : ordered)
            if (n.id == want && A11y_IsFocusable(n.role)) { focus = want; break; }

    // Where the caret is in the field being typed in, so the page's text input (which stands in
    // for it) has the caret there too and a screen reader reads the characters it passes.
    if (focus && focus == g.ActiveId && g.InputTextState.ID == focus) {
        const ImGuiInputTextState& st = g.InputTextState;
        for (A11yNode& n : ordered) {
            if (n.id != focus) continue;
            n.caret = st.Stb.cursor;
            n.anchor = st.Stb.select_start == st.Stb.select_end ? st.Stb.cursor
                     : st.Stb.cursor == st.Stb.select_end ? st.Stb.select_start : st.Stb.select_end;
            break;
        }
    }

    g_changes = A11y_Diff(g_nodes, g_focus, ordered, focus);
    g_nodes = std::move(ordered);
    g_focus = focus;
    g_last_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

const std::string& A11yMirror_Changes() { return g_changes; }
const std::vector<A11yNode>& A11yMirror_Nodes() { return g_nodes; }
uint32_t A11yMirror_Focus() { return g_focus; }
double A11yMirror_LastMs() { return g_last_ms; }
