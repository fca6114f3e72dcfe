// Parley's visual themes. Colours and spacing are chosen for long reading and writing
// sessions: a calm paper-like light theme by default, a dark one, and a high-contrast one
// that meets WCAG AAA contrast for text.
#pragma once

enum Theme { Theme_Light, Theme_Dark, Theme_HighContrast, Theme_COUNT };

// Colours the UI uses beyond ImGui's own style slots.
struct ThemeColors {
    unsigned int page;        // background behind the document column
    unsigned int paper;       // cards and fields on the page
    unsigned int accent;      // links, focus, the selected outline entry
    unsigned int text;
    unsigned int text_muted;  // hints, secondary labels
    unsigned int border;
    unsigned int status_bar;
    unsigned int danger;      // warnings that must be seen (autosave off), readable on the page
    // Comparisons: words inserted and deleted (a tint behind, a colour for the text, readable
    // in every theme) and moved blocks.
    unsigned int inserted_bg, inserted_text, deleted_bg, deleted_text, moved_bg;
};

void               Theme_Apply(Theme theme, float zoom);   // sets ImGui's style (sizes scaled by zoom)
const ThemeColors& Theme_Colors();
Theme              Theme_Current();
const char*        Theme_Name(Theme theme);
