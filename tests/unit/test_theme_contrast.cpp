// Every theme's text and controls meet WCAG 2.2 AA contrast, measured from the colours the
// themes are made of (src/ui/theme_palette.h), not eyeballed: 4.5:1 for text (1.4.3) on each
// background it is drawn on; 3:1 for what identifies a control and its state (1.4.11): the
// edges of fields, buttons and check boxes, the focus highlight, the check mark.
#include <doctest/doctest.h>

#include "ui/theme_palette.h"

#include <cmath>
#include <string>

static double Channel(unsigned int c, int shift)
{
    const double v = ((c >> shift) & 0xFF) / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);   // sRGB to linear
}
static double Luminance(unsigned int c) { return 0.2126 * Channel(c, 16) + 0.7152 * Channel(c, 8) + 0.0722 * Channel(c, 0); }
static double Contrast(unsigned int a, unsigned int b)
{
    const double la = Luminance(a), lb = Luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
// `top` at opacity `alpha` over `under`, as ImGui blends it.
static unsigned int Over(unsigned int top, unsigned int under, float alpha)
{
    unsigned int out = 0;
    for (int shift : {16, 8, 0}) {
        const double v = ((top >> shift) & 0xFF) * alpha + ((under >> shift) & 0xFF) * (1 - alpha);
        out |= (unsigned int)std::lround(v) << shift;
    }
    return out;
}

TEST_CASE("the contrast formula matches WCAG's own figures")
{
    CHECK(Contrast(0x000000, 0xFFFFFF) == doctest::Approx(21.0));
    CHECK(Contrast(0x777777, 0xFFFFFF) == doctest::Approx(4.48).epsilon(0.01));   // the well-known just-failing grey
    CHECK(Over(0x000000, 0xFFFFFF, 0.5f) == 0x808080);
}

TEST_CASE("every theme's text is 4.5:1 on every background it is drawn on (WCAG 1.4.3)")
{
    const char* names[] = {"Light", "Dark", "High contrast"};
    for (int t = 0; t < 3; t++) {
        const Palette& p = kPalettes[t];
        const unsigned int header = Over(p.selection, p.paper, kHeaderAlpha);
        const struct { const char* what; unsigned int bg; } backgrounds[] = {
            {"page", p.page}, {"paper", p.paper}, {"button", p.surface}, {"hovered button", p.surface_hover},
            {"pressed button", p.surface_active}, {"status bar", p.status_bar}, {"selected entry", header},
        };
        const struct { const char* what; unsigned int fg; } texts[] = {
            {"text", p.text}, {"muted text", p.text_muted}, {"accent (links, quiet buttons)", p.accent}, {"warning", p.danger},
        };
        for (const auto& bg : backgrounds)
            for (const auto& fg : texts) {
                CAPTURE(std::string(names[t]) + ": " + fg.what + " on " + bg.what);
                CHECK(Contrast(fg.fg, bg.bg) >= 4.5);
            }
        CAPTURE(names[t]);
        CHECK(Contrast(p.text, p.selection) >= 4.5);          // selected text
        CHECK(Contrast(p.accent_text, p.accent) >= 4.5);      // text on the accent
        CHECK(Contrast(p.inserted_text, p.inserted_bg) >= 4.5);
        CHECK(Contrast(p.deleted_text, p.deleted_bg) >= 4.5);
        CHECK(Contrast(p.text, p.moved_bg) >= 4.5);
    }
}

TEST_CASE("every theme's controls and focus are 3:1 against what surrounds them (WCAG 1.4.11)")
{
    const char* names[] = {"Light", "Dark", "High contrast"};
    for (int t = 0; t < 3; t++) {
        const Palette& p = kPalettes[t];
        const struct { const char* what; unsigned int bg; } around[] = {
            {"page", p.page}, {"paper", p.paper}, {"button", p.surface}, {"hovered field", p.surface_hover},
        };
        for (const auto& bg : around) {
            CAPTURE(std::string(names[t]) + " on " + bg.what);
            CHECK(Contrast(p.control_border, bg.bg) >= 3.0);   // the edge of a field, button, check box, radio button
            CHECK(Contrast(p.accent, bg.bg) >= 3.0);           // the focus highlight and the check mark
        }
    }
}
