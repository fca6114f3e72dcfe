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
    // A workshop's results on a projector: sized for the window (Fonts_SetPresentation), not
    // the zoom, and only built while presenting, so the atlas stays small the rest of the time.
    // Null when not built.
    Font_PresentBody,
    Font_PresentStrong,  // semibold, the same size
    Font_PresentTitle,   // semibold, 1.6 times the size
    Font_COUNT
};

void        Fonts_Build(float zoom, float dpr);   // rebuilds ImGui's font atlas (call between frames)
ImFont*     Fonts_Get(FontRole role);
// The presentation's body size in CSS pixels (0: no presentation fonts). Takes effect at the
// next Fonts_Build, which the caller asks for (app.style_dirty).
void        Fonts_SetPresentation(float body_px);
float       Fonts_PresentationSize();
std::string Fonts_MissingGlyphs(const char* utf8); // "U+0174 U+2026" for characters without a glyph
