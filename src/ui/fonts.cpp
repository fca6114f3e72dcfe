#include "fonts.h"

#include "imgui.h"
#include "imgui_internal.h"   // ImTextCharFromUtf8
#include <cstdio>
#include <cstring>

extern const unsigned char font_regular[];
extern const unsigned int  font_regular_size;
extern const unsigned char font_semibold[];
extern const unsigned int  font_semibold_size;

static ImFont* g_fonts[Font_COUNT] = {};
static float   g_present_px = 0;   // presentation body size (0: not presenting)

static const float kFontSizes[Font_COUNT] = {
    16.0f, // Font_Body
    13.5f, // Font_Small
    19.0f, // Font_Subheading
    26.0f, // Font_Heading
    1.0f,  // Font_PresentBody: times g_present_px
    1.0f,  // Font_PresentStrong
    1.6f,  // Font_PresentTitle
};

// Everything British and Irish public-sector prose needs, and then some: Latin-1, Latin
// Extended-A/B (Welsh ŵ ŷ, Irish, Polish...), Greek and Cyrillic (names), general punctuation
// (curly quotes, dashes, ellipsis), currency (£ €), letterlike symbols (№ ™), arrows (→ in
// comparisons), maths operators (≤ ≥ ≠ −), geometric shapes (• ◦ ▲), and the replacement char.
static const ImWchar kGlyphRanges[] = {
    0x0020, 0x024F,
    0x0370, 0x03FF,
    0x0400, 0x04FF,
    0x1E00, 0x1EFF, // Latin Extended Additional (Welsh ẁ ẃ ẅ ỳ)
    0x2000, 0x206F,
    0x20A0, 0x20CF,
    0x2100, 0x214F,
    0x2190, 0x21FF,
    0x2200, 0x22FF,
    0x2400, 0x2400, // the symbol for NUL (one-line fields show a NUL from a file as it)
    0x25A0, 0x25FF,
    0x2713, 0x2717, // check marks
    0xFFFD, 0xFFFD,
    0,
};

// The presentation's large sizes take a lot of atlas per glyph: Latin, punctuation, currency,
// arrows, maths and shapes are what regime names and scores need (others show as U+FFFD).
static const ImWchar kPresentGlyphRanges[] = {
    0x0020, 0x017F,
    0x2000, 0x206F,
    0x20A0, 0x20CF,
    0x2190, 0x21FF,
    0x2200, 0x22FF,
    0x2400, 0x2400, // the symbol for NUL (one-line fields show a NUL from a file as it)
    0x25A0, 0x25FF,
    0xFFFD, 0xFFFD,
    0,
};

ImFont* Fonts_Get(FontRole role) { return g_fonts[role]; }

void  Fonts_SetPresentation(float body_px) { g_present_px = body_px; }
float Fonts_PresentationSize() { return g_present_px; }

void Fonts_Build(float zoom, float dpr)
{
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float raster = zoom * dpr;
    for (int role = 0; role < Font_COUNT; role++) {
        const bool present = role >= Font_PresentBody;
        g_fonts[role] = nullptr;
        if (present && g_present_px <= 0) continue;
        // Presentation sizes follow the window, not the zoom: a room reads the screen, not the settings.
        const float px = present ? kFontSizes[role] * g_present_px * dpr : kFontSizes[role] * raster;
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;   // the bytes live in the wasm's static data
        cfg.OversampleH = 1;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;              // whole-pixel advances: sharper stems at UI sizes
        const bool bold = role == Font_Subheading || role == Font_Heading || role == Font_PresentStrong || role == Font_PresentTitle;
        snprintf(cfg.Name, sizeof(cfg.Name), "%s %.1fpx", bold ? "SemiBold" : "Regular", px / dpr);
        void* data = (void*)(bold ? font_semibold : font_regular);
        const int size = (int)(bold ? font_semibold_size : font_regular_size);
        g_fonts[role] = io.Fonts->AddFontFromMemoryTTF(data, size, px, &cfg, present ? kPresentGlyphRanges : kGlyphRanges);
    }
    io.Fonts->Build();
    io.FontDefault = g_fonts[Font_Body];
    io.FontGlobalScale = 1.0f / dpr;   // layout in CSS pixels, glyphs at physical resolution
}

std::string Fonts_MissingGlyphs(const char* text)
{
    std::string missing;
    ImFont* font = g_fonts[Font_Body];
    const char* end = text + strlen(text);
    while (font && text < end) {
        unsigned int c = 0;
        text += ImTextCharFromUtf8(&c, text, end);
        if (c < 0x20) continue;
        if (!font->FindGlyphNoFallback((ImWchar)c)) {
            char buf[16];
            snprintf(buf, sizeof(buf), "%sU+%04X", missing.empty() ? "" : " ", c);
            missing += buf;
        }
    }
    return missing;
}
