// Keyboard ways into the page and the menu bar: see keyboard_entry.h.
#include "keyboard_entry.h"

#include "imgui.h"
#include "imgui_internal.h"   // FocusWindow, SetFocusID: the menu bar is another window

namespace {

struct KeyboardEntry {
    bool  page_had_keyboard = false;   // the page took the keyboard once after loading
    bool  alt_alone = false;           // Alt is down and nothing else was pressed or typed since
    bool  want_menu_bar = false;       // F10 or a lone Alt this frame
    bool  in_menu_bar = false;         // the keyboard was put on the menu bar by F10 or Alt
    bool  menu_was_open = false;       // a menu of the bar was open last frame
    ImGuiID back_to = 0;               // the window the keyboard came from, for Escape
    ImGuiID last_menu = 0;             // the menu of the bar last highlighted
    ImGuiID page_last = 0;             // the item of the page that had the keyboard last
};
KeyboardEntry g_entry;

// Any key but Alt pressed this frame, or any character typed: Alt is then a modifier
// (Alt+F4, AltGr characters), not a way to the menu bar.
bool OtherKeyPressed()
{
    ImGuiIO& io = ImGui::GetIO();
    if (io.InputQueueCharacters.Size > 0 || io.KeyCtrl || io.KeyShift || io.KeySuper) return true;
    for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END; k++) {
        if (k == ImGuiKey_LeftAlt || k == ImGuiKey_RightAlt || k == ImGuiMod_Alt) continue;
        if (k >= ImGuiKey_ReservedForModCtrl && k <= ImGuiKey_ReservedForModSuper) continue;
        if (ImGui::IsKeyPressed((ImGuiKey)k, false)) return true;
    }
    return false;
}

void LeaveMenuBar()
{
    g_entry.in_menu_bar = false;
    if (ImGuiWindow* back = ImGui::FindWindowByID(g_entry.back_to)) {
        ImGui::FocusWindow(back);
        // The page before anything on it had the keyboard: its first item gets it, so Tab and
        // the arrows go on from there (with no item, Tab would find nothing to start from).
        if (GImGui->NavId == 0) ImGui::NavInitWindow(back, true);
    }
    g_entry.back_to = 0;
}

} // namespace

void KeyboardEntry_Frame()
{
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = ImGui::GetIO();
    g_entry.want_menu_bar = false;
    if (ImGui::IsKeyPressed(ImGuiKey_F10, false) && !io.KeyCtrl && !io.KeyShift && !io.KeyAlt) g_entry.want_menu_bar = true;
    if (ImGui::IsKeyPressed(ImGuiMod_Alt, false)) g_entry.alt_alone = true;
    if (g_entry.alt_alone && OtherKeyPressed()) g_entry.alt_alone = false;   // in the same frame too
    if (g_entry.alt_alone && ImGui::IsKeyReleased(ImGuiMod_Alt)) {
        g_entry.alt_alone = false;
        if (g.ActiveId == 0) g_entry.want_menu_bar = true;   // not while dragging or typing into a field
    }
    if (g_entry.want_menu_bar && g_entry.in_menu_bar) {   // F10 or Alt again: back where it was
        g_entry.want_menu_bar = false;
        LeaveMenuBar();
    }
}

void KeyboardEntry_MenuBar(const char* first_menu)
{
    ImGuiContext& g = *GImGui;
    ImGuiWindow* bar = ImGui::GetCurrentWindow();
    if (g_entry.want_menu_bar) {
        g_entry.back_to = g.NavWindow && g.NavWindow != bar ? g.NavWindow->ID : 0;
        ImGui::ClosePopupsOverWindow(bar, false);
        ImGui::FocusWindow(bar);
        ImGui::SetFocusID(ImGui::GetID(first_menu), bar);   // on the menu layer, where BeginMenu will be
        g.NavDisableHighlight = false;                        // the highlight shows where the keyboard is
        g.NavDisableMouseHover = true;
        g.NavInputSource = ImGuiInputSource_Keyboard;
        g_entry.in_menu_bar = true;
        g_entry.menu_was_open = false;
        return;
    }
    if (!g_entry.in_menu_bar) return;
    const bool menu_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    const bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    if (g.NavWindow == bar && g.NavId != 0) g_entry.last_menu = g.NavId;
    if (!menu_open && g_entry.menu_was_open) {
        g_entry.menu_was_open = false;
        if (escape) {
            // Escape closed the menu: the keyboard stays on the bar, on that menu, as in desktop
            // applications (ImGui would give it back to the window under the menu).
            ImGui::FocusWindow(bar);
            ImGui::SetFocusID(g_entry.last_menu, bar);
            g.NavDisableHighlight = false;
        } else if (!ImGui::IsKeyPressed(ImGuiKey_LeftArrow) && !ImGui::IsKeyPressed(ImGuiKey_RightArrow)) {
            LeaveMenuBar();   // a choice was made (or its dialog closed): back to the page
        }                     // an arrow: the bar moves on to the next menu
        return;
    }
    g_entry.menu_was_open = menu_open;
    if (menu_open) return;
    if (g.NavWindow != bar) { g_entry.in_menu_bar = false; return; }   // a click elsewhere took the keyboard
    if (escape) {
        // Nothing else hears it: the compare view would close on it.
        ImGui::SetKeyOwner(ImGuiKey_Escape, bar->ID, ImGuiInputFlags_LockThisFrame);
        LeaveMenuBar();
    }
}

void KeyboardEntry_Page()
{
    const ImGuiContext& g = *GImGui;
    ImGuiWindow* page = ImGui::GetCurrentWindow();
    if (!g_entry.page_had_keyboard) {
        // The first frames lay the page out; then, if nothing has the keyboard, the page takes it.
        if (ImGui::GetFrameCount() < 3) return;
        g_entry.page_had_keyboard = true;
        // A menu or dialog the user opened in the first frames (a click as soon as the page
        // shows) keeps the keyboard: taking it for the page would close the menu just opened.
        if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) || ImGui::IsAnyMouseDown()) return;
        // ImGui focuses the first window it creates, the page's parent: Tab there would only go
        // between the outline and the page as two boxes, never to a field.
        if (g.NavWindow == nullptr || (g.NavWindow == page->ParentWindow && g.NavId == 0)) ImGui::SetWindowFocus();
        return;
    }
    // Back from a view that took the page's place (the compare view, the sign-off grid), ImGui
    // gives the keyboard to the page's parent again, on the page as a box (or on nothing): the
    // page takes it back, on the item it had last, so Tab goes on from there.
    if (g.NavWindow == page && g.NavId) g_entry.page_last = g.NavId;
    if (g.NavWindow != page->ParentWindow || g_entry.in_menu_bar) return;
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) || ImGui::IsAnyMouseDown()) return;
    // (Escape or Alt back from the menu bar asked the parent for its first item: not that.)
    GImGui->NavInitRequest = false;
    GImGui->NavInitResult.ID = 0;
    ImGui::FocusWindow(page);
    if (g_entry.page_last) ImGui::SetFocusID(g_entry.page_last, page);   // ImGui's own memory of it is not kept across the parent
    else ImGui::NavInitWindow(page, true);
}

bool KeyboardEntry_InMenuBar() { return g_entry.in_menu_bar; }
