// The themes' colours as plain data (0xRRGGBB), apart from ImGui, so a unit test can measure
// their contrast (tests/unit/test_theme_contrast.cpp: WCAG 1.4.3 for text, 1.4.11 for the
// boundaries of controls and the focus highlight) without drawing anything. theme.cpp derives
// every ImGui colour from these.
#pragma once

struct Palette {
    unsigned int page, paper, surface, surface_hover, surface_active, text, text_muted,
                 accent, accent_hover, accent_text,
                 border,           // lines that only decorate (cards, rules)
                 control_border,   // the edge of a field, a button, a check box: 3:1 against what is around it
                 selection, status_bar, danger;
    // Comparisons: words inserted and deleted (a tint behind, a colour for the text) and moved blocks.
    unsigned int inserted_bg, inserted_text, deleted_bg, deleted_text, moved_bg;
};

// Light, Dark, High contrast (theme.h's Theme order).
static const Palette kPalettes[3] = {
    // Light: warm off-white page, white paper, ink-blue accent.
    { 0xF3F2EE, 0xFFFFFF, 0xF1F3F5, 0xE6EAEE, 0xDDE2E7, 0x1D232B, 0x5B6470,
      0x1F5E8C, 0x2A72A8, 0xFFFFFF, 0xD3D7DC, 0x7A828C, 0xD3E5F4, 0xE9E7E1, 0xB42318,
      0xD5F0DA, 0x0B5A1E, 0xFAD9D6, 0x9A1B1B, 0xDCE6FA },
    // Dark: low-glare slate, softened white text.
    { 0x16191D, 0x1E2227, 0x2A2F36, 0x343A42, 0x383E47, 0xE4E7EB, 0xA3ABB5,
      0x6CB2E8, 0x8CC4EE, 0x0F1214, 0x3A4048, 0x858D98, 0x263F57, 0x121417, 0xFF8A80,
      0x1E4A2A, 0xC2F2CB, 0x5A2424, 0xFFD0D0, 0x27395A },
    // High contrast: black on white, strong borders, deep blue accent; black text on strong tints.
    { 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xE8E8E8, 0xCCCCCC, 0x000000, 0x1A1A1A,
      0x0000B8, 0x00008A, 0xFFFFFF, 0x000000, 0x000000, 0xFFE066, 0xFFFFFF, 0xA00000,
      0xB9F5C0, 0x000000, 0xFFC4C4, 0x000000, 0xC9DCFF },
};

// ImGui draws a selected list entry in `selection` at this opacity over `paper`.
const float kHeaderAlpha = 0.7f;
