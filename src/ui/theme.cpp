#include "theme.h"

#include "theme_palette.h"

#include "imgui.h"

static Theme       g_theme = Theme_Light;
static ThemeColors g_colors;

static ImVec4 Rgb(unsigned int rgb, float a = 1.0f)
{
    return ImVec4(((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f, a);
}
static unsigned int U32(unsigned int rgb) { return ImGui::ColorConvertFloat4ToU32(Rgb(rgb)); }

// One palette per theme (theme_palette.h); every ImGui colour is derived from these few, so
// the themes stay consistent when widgets are added.

void Theme_Apply(Theme theme, float zoom)
{
    g_theme = theme;
    const Palette& p = kPalettes[theme];
    g_colors = { U32(p.page), U32(p.paper), U32(p.accent), U32(p.text), U32(p.text_muted), U32(p.border), U32(p.status_bar), U32(p.danger),
                 0, 0, 0, 0, 0 };
    // Insertions green, deletions red (also struck through, so colour is never the only sign).
    g_colors.inserted_bg = U32(p.inserted_bg);
    g_colors.inserted_text = U32(p.inserted_text);
    g_colors.deleted_bg = U32(p.deleted_bg);
    g_colors.deleted_text = U32(p.deleted_text);
    g_colors.moved_bg = U32(p.moved_bg);

    ImGuiStyle style;   // fresh default, then ours, then scaled: zoom never compounds
    style.WindowPadding = ImVec2(20, 16);
    style.FramePadding = ImVec2(10, 6);
    style.CellPadding = ImVec2(8, 6);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.TouchExtraPadding = ImVec2(0, 0);
    style.IndentSpacing = 22;
    style.ScrollbarSize = 14;
    style.GrabMinSize = 12;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = theme == Theme_HighContrast ? 2.0f : 1.0f;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 5;
    style.PopupRounding = 6;
    style.ScrollbarRounding = 7;
    style.GrabRounding = 4;
    style.TabRounding = 5;
    style.SeparatorTextBorderSize = 1;
    style.DisplaySafeAreaPadding = ImVec2(0, 0);
    style.ScaleAllSizes(zoom);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = Rgb(p.text);
    c[ImGuiCol_TextDisabled] = Rgb(p.text_muted);
    c[ImGuiCol_WindowBg] = Rgb(p.page);
    c[ImGuiCol_ChildBg] = Rgb(p.paper, 0.0f);
    c[ImGuiCol_PopupBg] = Rgb(p.paper);
    c[ImGuiCol_Border] = Rgb(p.control_border);   // fields, buttons, check boxes, menus: 3:1 (WCAG 1.4.11)
    c[ImGuiCol_BorderShadow] = Rgb(0, 0);
    c[ImGuiCol_FrameBg] = Rgb(p.paper);
    c[ImGuiCol_FrameBgHovered] = Rgb(p.surface_hover);
    c[ImGuiCol_FrameBgActive] = Rgb(p.paper);
    c[ImGuiCol_TitleBg] = Rgb(p.surface);
    c[ImGuiCol_TitleBgActive] = Rgb(p.surface_hover);
    c[ImGuiCol_TitleBgCollapsed] = Rgb(p.surface);
    c[ImGuiCol_MenuBarBg] = Rgb(p.paper);
    c[ImGuiCol_ScrollbarBg] = Rgb(p.page, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = Rgb(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = Rgb(p.text_muted);
    c[ImGuiCol_ScrollbarGrabActive] = Rgb(p.accent);
    c[ImGuiCol_CheckMark] = Rgb(p.accent);
    c[ImGuiCol_SliderGrab] = Rgb(p.accent);
    c[ImGuiCol_SliderGrabActive] = Rgb(p.accent_hover);
    c[ImGuiCol_Button] = Rgb(p.surface);
    c[ImGuiCol_ButtonHovered] = Rgb(p.surface_hover);
    c[ImGuiCol_ButtonActive] = Rgb(p.surface_active);
    c[ImGuiCol_Header] = Rgb(p.selection, kHeaderAlpha);
    c[ImGuiCol_HeaderHovered] = Rgb(p.surface_hover);
    c[ImGuiCol_HeaderActive] = Rgb(p.surface_active);
    c[ImGuiCol_Separator] = Rgb(p.border);
    c[ImGuiCol_SeparatorHovered] = Rgb(p.accent);
    c[ImGuiCol_SeparatorActive] = Rgb(p.accent);
    c[ImGuiCol_ResizeGrip] = Rgb(p.border, 0.5f);
    c[ImGuiCol_ResizeGripHovered] = Rgb(p.accent, 0.7f);
    c[ImGuiCol_ResizeGripActive] = Rgb(p.accent);
    c[ImGuiCol_Tab] = Rgb(p.surface);
    c[ImGuiCol_TabHovered] = Rgb(p.surface_hover);
    c[ImGuiCol_TabActive] = Rgb(p.paper);
    c[ImGuiCol_TabUnfocused] = Rgb(p.surface);
    c[ImGuiCol_TabUnfocusedActive] = Rgb(p.paper);
    c[ImGuiCol_TableHeaderBg] = Rgb(p.surface);
    c[ImGuiCol_TableBorderStrong] = Rgb(p.border);
    c[ImGuiCol_TableBorderLight] = Rgb(p.border, 0.6f);
    c[ImGuiCol_TableRowBg] = Rgb(p.paper, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = Rgb(p.surface, 0.5f);
    c[ImGuiCol_TextSelectedBg] = Rgb(p.selection);
    c[ImGuiCol_DragDropTarget] = Rgb(p.accent);
    c[ImGuiCol_NavHighlight] = Rgb(p.accent);
    c[ImGuiCol_NavWindowingHighlight] = Rgb(p.accent);
    c[ImGuiCol_NavWindowingDimBg] = Rgb(0x000000, 0.25f);
    c[ImGuiCol_ModalWindowDimBg] = Rgb(0x000000, theme == Theme_Dark ? 0.55f : 0.30f);
    c[ImGuiCol_PlotLines] = Rgb(p.accent);
    c[ImGuiCol_PlotHistogram] = Rgb(p.accent);
    ImGui::GetStyle() = style;
}

const ThemeColors& Theme_Colors() { return g_colors; }
Theme Theme_Current() { return g_theme; }

const char* Theme_Name(Theme theme)
{
    switch (theme) {
    case Theme_Light: return "Light";
    case Theme_Dark: return "Dark";
    case Theme_HighContrast: return "High contrast";
    default: return "";
    }
}
