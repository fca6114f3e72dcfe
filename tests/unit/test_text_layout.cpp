// Long prose is wrapped lazily and in linear time (src/ui/text_layout.h): these tests count
// the characters measured rather than time anything. The ImGui-based wrapping it replaced
// searched to the end of the text for every line, so a 5 MB paragraph took 23 s to draw.
#include <doctest/doctest.h>

#include "ui/text_layout.h"

#include <random>
#include <string>

static float g_ascii[128];
static float Other(const void*, unsigned int c) { return c == 0x3000 ? 2.0f : 1.5f; }
static TextMetrics Metrics()
{
    for (int c = 0; c < 128; c++) g_ascii[c] = c == 'm' || c == 'W' ? 1.8f : 1.0f;
    TextMetrics m;
    m.ascii = g_ascii;
    m.other = Other;
    return m;
}

static std::string Prose(size_t bytes, unsigned seed, bool newlines)
{
    static const char* words[] = {"inspection", "the", "of", "children's", "multi-agency", "a", "evidence,", "notice.",
                                  "Ŵales", "“quoted”", "safeguarding", "supercalifragilisticexpialidociousness-of-it-all"};
    std::mt19937 rng(seed);
    std::string s;
    while (s.size() < bytes) {
        s += words[rng() % 12];
        const unsigned r = rng() % 40;
        s += newlines && r == 0 ? "\n" : newlines && r == 1 ? "\n\n" : r == 2 ? "   " : " ";
    }
    return s;
}

// Wraps the whole text afresh.
static TextLayout Fresh(const std::string& text, float width)
{
    TextLayout l;
    TextLayout_Reset(l, width, 16, text.size());
    TextLayout_Extend(l, text.data(), text.size(), Metrics(), (size_t)-2, 0, (size_t)-1);
    return l;
}

TEST_CASE("text layout: a long paragraph is wrapped in linear time")
{
    const std::string text = Prose(2 << 20, 1, false);   // 2 MB, no line break
    TextLayout l = Fresh(text, 60);
    REQUIRE(l.complete);
    CHECK(l.starts.size() > 30000);
    // Each character once, and the word that did not fit on a line once more.
    CHECK(l.measured < text.size() * 3 / 2);
}

TEST_CASE("text layout: only the lines asked for are wrapped")
{
    const std::string text = Prose(5 << 20, 2, false);   // 5 MB, no line break
    TextLayout l;
    TextLayout_Reset(l, 60, 16, text.size());
    TextLayout_Extend(l, text.data(), text.size(), Metrics(), 40, 0, (size_t)-1);   // a screenful
    CHECK_FALSE(l.complete);
    CHECK(l.starts.size() == 42);
    CHECK(l.measured < 42 * 80);
    // The estimate of the whole is near what wrapping all of it gives.
    const size_t estimate = TextLayout_EstimatedLines(l, 1.0f);
    const TextLayout all = Fresh(text, 60);
    CHECK(estimate > all.starts.size() * 8 / 10);
    CHECK(estimate < all.starts.size() * 12 / 10);
    // Far down, in one call: bounded by max_bytes, the rest over later frames.
    const size_t known = l.starts.back();
    TextLayout_Extend(l, text.data(), text.size(), Metrics(), 1000000, 0, 1 << 20);
    CHECK(l.starts.back() <= known + (1u << 20) + 200);
    CHECK_FALSE(l.complete);
}

TEST_CASE("text layout: an edit re-wraps only near it, and gives the same lines as wrapping afresh")
{
    std::string text = Prose(1 << 20, 3, false);
    TextLayout l = Fresh(text, 60);
    const uint64_t before = l.measured;
    const size_t pos = text.size() / 2;
    text.insert(pos, "a few words typed ");
    TextLayout_Edit(l, pos, 0, 18);
    TextLayout_Extend(l, text.data(), text.size(), Metrics(), (size_t)-2, 0, (size_t)-1);
    CHECK(l.complete);
    CHECK(l.measured - before < 2000);   // a few lines, not the megabyte after the edit
    CHECK(l.starts == Fresh(text, 60).starts);
}

TEST_CASE("text layout: any run of edits, wrapped lazily or not, matches wrapping afresh")
{
    std::mt19937 rng(7);
    for (int round = 0; round < 60; round++) {
        std::string text = Prose(2000 + rng() % 6000, rng(), round % 2 == 0);
        const float width = 8.0f + (float)(rng() % 60);
        TextLayout l = Fresh(text, width);
        for (int e = 0; e < 12; e++) {
            const size_t pos = rng() % (text.size() + 1);
            const size_t removed = std::min<size_t>(rng() % 30, text.size() - pos);
            std::string inserted = Prose(rng() % 40, rng(), true).substr(0, rng() % 40);
            if (rng() % 5 == 0) inserted += std::string("\0b", 2);   // NUL is a character like any other
            text.replace(pos, removed, inserted);
            TextLayout_Edit(l, pos, removed, inserted.size());
            if (rng() % 3 == 0)   // sometimes wrap a little before the next edit, as frames do
                TextLayout_Extend(l, text.data(), text.size(), Metrics(), rng() % 50, rng() % 500, 1 << 20);
            REQUIRE(l.size == text.size());
        }
        TextLayout_Extend(l, text.data(), text.size(), Metrics(), (size_t)-2, 0, (size_t)-1);
        REQUIRE(l.complete);
        CHECK(l.starts == Fresh(text, width).starts);
    }
}

TEST_CASE("text layout: line ends, blank lines and text that does not fit")
{
    const std::string text = "one two\n\nthree  \nsupercalifragilistic\n";
    TextLayout l = Fresh(text, 8);
    std::vector<std::string> lines;
    for (size_t i = 0; i < l.starts.size(); i++)
        lines.push_back(text.substr(l.starts[i], TextLayout_LineEnd(l, text.data(), i) - l.starts[i]));
    CHECK(lines == std::vector<std::string>{"one two", "", "three", "supercal", "ifragili", "stic", ""});
    CHECK(Fresh("", 10).starts.size() == 1);
    CHECK(Fresh("", 10).complete);
    // A width too small for one character still takes one character a line, whole.
    const std::string wide = "ŴŴ";
    CHECK(Fresh(wide, 0.5f).starts == std::vector<uint32_t>{0, 2});
}

TEST_CASE("text layout: the hash tells texts apart, NUL and all")
{
    const std::string a("a\0b", 3), b("a\0c", 3);
    CHECK(TextLayout_Hash(a.data(), a.size()) != TextLayout_Hash(b.data(), b.size()));
    CHECK(TextLayout_Hash("abcdefghij", 10) != TextLayout_Hash("abcdefghik", 10));
    CHECK(TextLayout_Hash("", 0) != TextLayout_Hash("\0", 1));
}
