#include "widgets.h"

#include "views.h"
#include "fonts.h"
#include "theme.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "item_hooks.h"

void LabelAbove(const char* text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().text_muted);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ItemHooks_LabelNext(text);   // the field below takes it as its accessible name
}

void MutedText(const char* text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().text_muted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
    ItemHooks_Text(A11yRole::Text, text);
}

void WrappedText(const char* text)
{
    ImGui::TextWrapped("%s", text);
    ItemHooks_Text(A11yRole::Text, text);
}

void Rule(float width)
{
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), Theme_Colors().border, 1.0f);
    ImGui::Dummy(ImVec2(width, 1.0f));
}

// A wheel turn, a click or a key pressed after the jump: the reader moves on their own.
// (Pressed, not held: the Enter or click that asked for the jump may still be down.)
static bool UserMovedThisFrame()
{
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseWheel != 0 || io.MouseWheelH != 0) return true;
    for (int b = 0; b < ImGuiMouseButton_COUNT; b++)
        if (ImGui::IsMouseClicked(b)) return true;
    for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_ReservedForModCtrl; k++)
        if (ImGui::IsKeyPressed((ImGuiKey)k, false)) return true;
    return false;
}

bool ScrollWanted(const Views& views, const std::string& anchor)
{
    return (!views.editor.scroll_to.empty() && views.editor.scroll_to == anchor) ||
           (views.editor.pin_frames > 0 && views.editor.scroll_pin == anchor);
}

void ScrollHereIfAsked(Views& views, const std::string& anchor)
{
    EditorState& e = views.editor;
    if (!e.scroll_to.empty() && e.scroll_to == anchor) {
        ImGui::SetScrollHereY(0.0f);
        e.scroll_to.clear();
        if (e.focus_jumped == anchor) ItemHooks_FocusNextTabStop();
        e.focus_jumped.clear();
        e.scroll_pin = anchor;
        e.pin_frames = 8;
        return;
    }
    if (e.pin_frames <= 0 || e.scroll_pin != anchor) return;
    if (UserMovedThisFrame()) { e.pin_frames = 0; e.scroll_pin.clear(); return; }
    ImGui::SetScrollHereY(0.0f);
    if (--e.pin_frames == 0) e.scroll_pin.clear();
}

void FocusIfAdded(Views& views, const std::string& anchor)
{
    if (views.editor.focus_added.empty() || views.editor.focus_added != anchor) return;
    views.editor.focus_added.clear();
    ImGui::SetKeyboardFocusHere();
}

void SectionHeading(Views& views, const char* text, const std::string& anchor)
{
    ImGui::Dummy(ImVec2(0, 14 * views.zoom));
    ScrollHereIfAsked(views, anchor);
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    ItemHooks_Text(A11yRole::Heading, text, 2);
    ImGui::Dummy(ImVec2(0, 2 * views.zoom));
}

// Cards are drawn content first (channel 1), then the box behind it (channel 0) once its
// size is known: no frame of lag, and nothing to remember between frames.
static float g_card_width = 0;

void BeginCard(float width, float zoom)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    g_card_width = width;
    const float pad = 20 * zoom;
    ImGui::Dummy(ImVec2(0, pad - ImGui::GetStyle().ItemSpacing.y));   // the group starts `pad` below the card's top
    ImGui::Indent(pad);
    ImGui::BeginGroup();
}

void EndCard(float zoom)
{
    const float pad = 20 * zoom;
    ImGui::EndGroup();
    ImGui::Unindent(pad);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::Dummy(ImVec2(0, pad - ImGui::GetStyle().ItemSpacing.y));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    const ImVec2 a(min.x - pad, min.y - pad), b(min.x - pad + g_card_width, max.y + pad);   // content is indented by `pad`
    const float rounding = 8 * zoom;
    dl->AddRectFilled(a, b, Theme_Colors().paper, rounding);
    dl->AddRect(a, b, Theme_Colors().border, rounding, 0, Theme_Current() == Theme_HighContrast ? 2.0f : 1.0f);
    dl->ChannelsMerge();
}

bool QuietButton(const char* label)
{
    ImGui::PushStyleColor(ImGuiCol_Button, 0);
    ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().accent);
    const bool pressed = PlainSmallButton(label);
    ImGui::PopStyleColor(2);
    return pressed;
}

bool PlainButton(const char* label, const ImVec2& size)
{
    const bool pressed = ImGui::Button(label, size);
    ItemHooks_LabelIfUnseen(label);
    return pressed;
}

bool PlainSmallButton(const char* label)
{
    const bool pressed = ImGui::SmallButton(label);
    ItemHooks_LabelIfUnseen(label);
    return pressed;
}

bool PlainCheckbox(const char* label, bool* v)
{
    const bool pressed = ImGui::Checkbox(label, v);
    ItemHooks_LabelIfUnseen(label);
    ItemHooks_Describe(A11yRole::Checkbox, *v ? A11yState_Checked : 0);   // a check box when scrolled out too
    return pressed;
}

bool SelectableItem(const char* label, bool selected, int selectable_flags, const ImVec2& size)
{
    const bool pressed = ImGui::Selectable(label, selected, selectable_flags, size);
    ItemHooks_LabelIfUnseen(label);
    if (selected) ItemHooks_Describe(A11yRole::None, A11yState_Selected);
    return pressed;
}

void SameLineIfRoom(float width, float spacing)
{
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(0, spacing);
    if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

float RadioWidth(const char* label)
{
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

void ItemTooltip(const char* text, int hovered_flags)
{
    ItemHooks_DescribeTip(text);
    if (ImGui::IsItemHovered(hovered_flags)) ImGui::SetTooltip("%s", text);
}

// The group RadioItem is in (BeginRadios), for its Tab stop.
static struct { bool open = false, any_checked = false; int drawn = 0; } g_radios;

void BeginRadios(const char* name, bool any_checked)
{
    ItemHooks_BeginGroup(A11yRole::RadioGroup, name);
    g_radios.open = true;
    g_radios.any_checked = any_checked;
    g_radios.drawn = 0;
}

void EndRadios()
{
    ItemHooks_EndGroup();
    g_radios.open = false;
}

bool RadioItem(const char* label, bool active)
{
    const bool tab_stop = !g_radios.open || active || (!g_radios.any_checked && g_radios.drawn == 0);
    g_radios.drawn++;
    if (!tab_stop) ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop | ImGuiItemFlags_NoNavDefaultFocus, true);   // nor where the keyboard lands first
    const bool pressed = ImGui::RadioButton(label, active);
    if (!tab_stop) ImGui::PopItemFlag();
    ItemHooks_LabelIfUnseen(label);
    ItemHooks_Describe(A11yRole::Radio, active ? A11yState_Checked : 0);
    return pressed;
}

bool BeginNamedCombo(const char* label, const char* preview, int combo_flags, const char* a11y_name)
{
    // The id is taken first: an open combo has begun its popup window by the time BeginCombo returns.
    const ImGuiID id = ImGui::GetID(label);
    const bool open = ImGui::BeginCombo(label, preview, combo_flags);
    ImGuiContext& g = *GImGui;   // IMGUI_TEST_ENGINE_ITEM_INFO expects it
    IMGUI_TEST_ENGINE_ITEM_INFO(id, label, ImGuiItemStatusFlags_Openable | (open ? ImGuiItemStatusFlags_Opened : 0));
    (void)g;
    ItemHooks_DescribeId(id, a11y_name, preview);   // its choice is its value, read with its name
    return open;
}

void NamedText(const std::string& id, const char* text, unsigned int color, float wrap_width)
{
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, wrap_width > 0 ? wrap_width : -1.0f);
    const ImRect bb(window->DC.CursorPos, ImVec2(window->DC.CursorPos.x + size.x, window->DC.CursorPos.y + size.y));
    ImGui::ItemSize(size);
    const ImGuiID item_id = window->GetID(id.c_str());
    if (!ImGui::ItemAdd(bb, item_id, nullptr, ImGuiItemFlags_NoNav)) return;
    window->DrawList->AddText(ImGui::GetFont(), ImGui::GetFontSize(), bb.Min, color, text, nullptr, wrap_width > 0 ? wrap_width : 0.0f);
    const std::string label = std::string(text) + "##" + id;
    ImGuiContext& g = *GImGui;   // IMGUI_TEST_ENGINE_ITEM_INFO expects it
    IMGUI_TEST_ENGINE_ITEM_INFO(item_id, label.c_str(), 0);
    (void)g;
}

std::string FitText(const std::string& text, float width)
{
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    size_t n = text.size();
    std::string out;
    do {
        n--;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) n--;   // never inside a character
        size_t end = n;
        while (end > 0 && text[end - 1] == ' ') end--;
        out = text.substr(0, end) + "\xE2\x80\xA6";
    } while (n > 0 && ImGui::CalcTextSize(out.c_str()).x > width);
    return out;
}

void BeginViewWindow(const char* name, float zoom, int extra_window_flags)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28 * zoom, 20 * zoom));
    // No background of its own: it fills the screen with the page colour the frame is cleared
    // to (Theme_Colors().page), and software WebGL pays for every pixel filled twice.
    ImGui::Begin(name, nullptr, flags | extra_window_flags | ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
}
