// Where the lines of a long text break when it is wrapped to a width: found lazily (only as far
// as what is shown, plus a bounded amount more each frame) and kept between frames, so a prose
// field of several megabytes with no line break draws as fast as a short one. An edit re-wraps
// only from the line before it until the new breaks meet the old ones again; the lines after
// are the old ones, moved by the length the edit added or removed.
//
// Breaks as ImGui's ImFont::CalcWordWrapPositionA does (after blanks and after . , ; ! ? "),
// but never looks past the line being wrapped: ImGui's callers search each line's end with
// memchr over the rest of the text, which made a 5 MB paragraph take 23 s to draw.
// Knows nothing of ImGui, so it is unit-tested natively (tests/unit/test_text_layout.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

// How wide characters are, at the size they are drawn.
struct TextMetrics {
    const float* ascii = nullptr;    // advances of characters 0..127 (128 of them)
    float (*other)(const void* user, unsigned int codepoint) = nullptr;   // the rest
    const void* user = nullptr;
};

struct TextLayout {
    float  width = -1, font_size = 0;    // what the breaks were found for
    size_t size = 0;                     // length of the text, bytes
    // Byte offsets where lines start. Every line but the last is wrapped; the last one's end is
    // not known yet unless `complete`. A line ends where the next starts, less its '\n' and blanks.
    std::vector<uint32_t> starts{0};
    // For each wrapped line, the end of what deciding its break read (the word that did not
    // fit may run on past the next line's start): an edit before it can move the break.
    std::vector<uint32_t> reach;
    bool   complete = false;
    // After an edit: line starts of the layout before it, moved by the edit, beyond it. Wrapping
    // that lands on one of them continues as the old layout did (the text from there is the same).
    std::vector<uint32_t> tail, tail_reach;
    bool   tail_complete = false;
    // Work counters, for tests and benchmarks: characters measured (wrapping and clicks).
    uint64_t measured = 0;
};

// Starts again for another width, size of font or text of `size` bytes: nothing is wrapped.
void TextLayout_Reset(TextLayout& l, float width, float font_size, size_t size);
// The text changed: `removed` bytes at `pos` were replaced by `inserted` bytes.
void TextLayout_Edit(TextLayout& l, size_t pos, size_t removed, size_t inserted);
// Wraps on until line `need_line` is known (its start and the next line's) or the text ends,
// then `extra_bytes` further. Returns the bytes wrapped. `max_bytes` bounds the whole call,
// so no frame wraps more than that however far the view jumped.
size_t TextLayout_Extend(TextLayout& l, const char* text, size_t size, const TextMetrics& m,
                         size_t need_line, size_t extra_bytes, size_t max_bytes);
// Lines known so far (wrapped, plus the last one).
inline size_t TextLayout_KnownLines(const TextLayout& l) { return l.starts.size(); }
// The number of lines the whole text takes: exact when complete, else the lines known plus an
// estimate for the rest at the density of the lines wrapped so far.
size_t TextLayout_EstimatedLines(const TextLayout& l, float average_advance);
// The end of line `i` for drawing: before its '\n' and trailing blanks.
size_t TextLayout_LineEnd(const TextLayout& l, const char* text, size_t i);
// A 64-bit hash of a text, eight bytes a step: telling whether a field changed costs about a
// millisecond for 5 MB in the browser.
uint64_t TextLayout_Hash(const char* text, size_t size);
