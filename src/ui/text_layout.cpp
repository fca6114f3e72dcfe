#include "text_layout.h"

#include "core/utf8.h"

#include <algorithm>
#include <cstring>

// One character at `s` (at least one byte left): its code point and length. Invalid UTF-8
// (the document never holds it, but a layout must not loop on it) counts as U+FFFD, one byte.
static size_t Decode(const char* s, size_t left, unsigned int* c)
{
    const unsigned char* u = (const unsigned char*)s;
    const size_t n = parley::utf8_sequence_length(u, left);
    switch (n) {
    case 1: *c = u[0]; return 1;
    case 2: *c = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu); return 2;
    case 3: *c = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu); return 3;
    case 4: *c = ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) | (u[3] & 0x3Fu); return 4;
    default: *c = 0xFFFD; return 1;
    }
}

static bool IsBlank(unsigned int c) { return c == ' ' || c == '\t' || c == 0x3000; }

// Wraps the line starting at `s`: returns where the next line starts. `*last`: the text ended
// within this line (no '\n' after it), so there is no next line. `*reach`: the end of what was
// read to decide, this line's characters and the word that did not fit.
static size_t WrapLine(const char* text, size_t s, size_t size, float width, const TextMetrics& m,
                       uint64_t& measured, bool* last, size_t* reach)
{
    float line_w = 0, word_w = 0, blank_w = 0;
    size_t word_end = s, prev_word_end = (size_t)-1;
    bool inside_word = true;
    size_t i = s;
    *last = false;
    while (i < size) {
        unsigned int c = (unsigned char)text[i];
        const size_t next = c < 0x80 ? i + 1 : i + Decode(text + i, size - i, &c);
        if (c == '\n') { *reach = next; return next; }
        if (c == '\r') { i = next; continue; }
        measured++;
        const float w = c < 128 ? m.ascii[c] : m.other(m.user, c);
        if (IsBlank(c)) {
            if (inside_word) { line_w += blank_w; blank_w = 0; word_end = i; }
            blank_w += w;
            inside_word = false;
        } else {
            word_w += w;
            if (inside_word) word_end = next;
            else { prev_word_end = word_end; line_w += word_w + blank_w; word_w = blank_w = 0; }
            inside_word = c != '.' && c != ',' && c != ';' && c != '!' && c != '?' && c != '"';   // break after punctuation
        }
        if (line_w + word_w > width) {   // blanks at the end of a line do not count
            *reach = next;
            size_t brk = i;   // a word longer than the line is cut where it overflows
            if (word_w < width) brk = prev_word_end != (size_t)-1 ? prev_word_end : word_end;
            if (brk <= s) brk = next;   // nothing fits: one character per line rather than none
            if (brk >= size) break;      // ...and that was the last one
            while (brk < size && (text[brk] == ' ' || text[brk] == '\t')) brk++;   // a line does not start with blanks
            *reach = std::max(*reach, std::min(brk + 1, size));   // the blanks skipped were read too
            return brk;
        }
        i = next;
    }
    *last = true;
    *reach = size;
    return size;
}

void TextLayout_Reset(TextLayout& l, float width, float font_size, size_t size)
{
    l.width = width;
    l.font_size = font_size;
    l.size = size;
    l.starts.assign(1, 0);
    l.reach.clear();
    l.complete = false;
    l.tail.clear();
    l.tail_reach.clear();
    l.tail_complete = false;
}

void TextLayout_Edit(TextLayout& l, size_t pos, size_t removed, size_t inserted)
{
    const size_t edit_end = pos + removed;   // in the text before the edit
    const int64_t delta = (int64_t)inserted - (int64_t)removed;
    // Wrap again from the first line whose wrapping read as far as the edit: the line holding
    // it, and those before it whose last word ran on into it (a break after punctuation can
    // leave a short line whose decision read two lines on).
    size_t j = (size_t)(std::upper_bound(l.starts.begin(), l.starts.end(), (uint32_t)std::min<size_t>(pos, UINT32_MAX)) - l.starts.begin()) - 1;
    while (j > 0 && l.reach[j - 1] >= pos) j--;
    // Old line starts at or past the edit's end are where the new layout may meet the old one,
    // as long as they run on unbroken to the end of what was known: landing on one means the
    // ones after it are the next lines. After an edit not yet caught up with, that run is the
    // tail it left (the lines known before that edit end where the gap before the tail begins).
    std::vector<uint32_t> tail, tail_reach;
    const bool from_starts = l.tail.empty();
    const std::vector<uint32_t>& run = from_starts ? l.starts : l.tail;
    const std::vector<uint32_t>& run_reach = from_starts ? l.reach : l.tail_reach;
    if (from_starts) l.tail_complete = l.complete;
    for (size_t i = from_starts ? j + 1 : 0; i < run.size(); i++) {
        if (run[i] < edit_end) continue;
        tail.push_back((uint32_t)(run[i] + delta));
        if (i < run_reach.size()) tail_reach.push_back((uint32_t)(run_reach[i] + delta));
    }
    l.tail = std::move(tail);
    l.tail_reach = std::move(tail_reach);
    l.starts.resize(j + 1);
    l.reach.resize(j);
    l.complete = false;
    l.size = (size_t)((int64_t)l.size + delta);
}

size_t TextLayout_Extend(TextLayout& l, const char* text, size_t size, const TextMetrics& m,
                         size_t need_line, size_t extra_bytes, size_t max_bytes)
{
    size_t wrapped = 0, target = (size_t)-1, tail_at = 0;
    while (!l.complete) {
        if (l.starts.size() > need_line + 1) {   // the line needed and its end are known
            if (target == (size_t)-1) target = l.starts.back() + extra_bytes;
            if (l.starts.back() >= target) break;
        }
        if (wrapped >= max_bytes) break;
        const size_t s = l.starts.back();
        bool last = false;
        size_t reach = 0;
        const size_t next = WrapLine(text, s, size, l.width, m, l.measured, &last, &reach);
        wrapped += next - s;
        l.reach.push_back((uint32_t)reach);
        if (last) { l.complete = true; l.tail.clear(); l.tail_reach.clear(); tail_at = 0; break; }
        l.starts.push_back((uint32_t)next);
        // Met the old layout again: the rest of it holds, moved by the edit.
        while (tail_at < l.tail.size() && l.tail[tail_at] < next) tail_at++;
        if (tail_at < l.tail.size() && l.tail[tail_at] == next) {
            l.starts.insert(l.starts.end(), l.tail.begin() + tail_at + 1, l.tail.end());
            if (tail_at < l.tail_reach.size()) l.reach.insert(l.reach.end(), l.tail_reach.begin() + tail_at, l.tail_reach.end());
            l.complete = l.tail_complete;
            l.tail.clear();
            l.tail_reach.clear();
            tail_at = 0;
        }
    }
    if (tail_at > 0) {   // passed without meeting
        l.tail.erase(l.tail.begin(), l.tail.begin() + tail_at);
        l.tail_reach.erase(l.tail_reach.begin(), l.tail_reach.begin() + std::min(tail_at, l.tail_reach.size()));
    }
    return wrapped;
}

size_t TextLayout_EstimatedLines(const TextLayout& l, float average_advance)
{
    const size_t known = l.starts.size();
    if (l.complete) return known;
    const size_t covered = l.starts.back();
    const size_t left = l.size > covered ? l.size - covered : 0;
    double bytes_per_line = known > 1 && covered > 0 ? (double)covered / (double)(known - 1)
                                                     : std::max(1.0, (double)l.width / std::max(1.0f, average_advance));
    return known + (size_t)((double)left / std::max(1.0, bytes_per_line));
}

size_t TextLayout_LineEnd(const TextLayout& l, const char* text, size_t i)
{
    const size_t begin = l.starts[i];
    size_t e = i + 1 < l.starts.size() ? l.starts[i + 1] : l.size;
    while (e > begin && (text[e - 1] == '\n' || text[e - 1] == '\r' || text[e - 1] == ' ' || text[e - 1] == '\t')) e--;
    return e;
}

uint64_t TextLayout_Hash(const char* text, size_t size)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ size;
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        uint64_t v;
        memcpy(&v, text + i, 8);
        h = (h ^ v) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    uint64_t v = 0;
    memcpy(&v, text + i, size - i);
    h = (h ^ v) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}
