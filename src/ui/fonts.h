// The fonts Parley draws with, rasterised for the current zoom and device pixel ratio.
// Text is rasterised at (size x zoom x dpr) physical pixels and drawn at 1/dpr scale, so it
// stays crisp on HiDPI screens and at any browser or app zoom.
#pragma once
#include <string>

struct ImFont;

enum FontRole {
    Font_Body,       // prose and controls
    Font_Small,      // status bar, hints
    Font_Subheading, // card and section titles
    Font_Heading,    // document title, page headings
    Font_COUNT
};

void        Fonts_Build(float zoom, float dpr);   // rebuilds ImGui's font atlas (call between frames)
ImFont*     Fonts_Get(FontRole role);
std::string Fonts_MissingGlyphs(const char* utf8); // "U+0174 U+2026" for characters without a glyph
