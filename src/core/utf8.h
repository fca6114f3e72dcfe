// UTF-8 validation shared by the reader (which refuses invalid text) and the writer (which
// never emits it).
#pragma once
#include <cstddef>
#include <string>

namespace parley {

// Length of the valid UTF-8 sequence starting at s (1 to 4), or 0 if it is not valid:
// stray continuation bytes, overlong forms, UTF-16 surrogates and code points above U+10FFFF
// are all invalid. `left` is how many bytes remain (at least 1).
inline size_t utf8_sequence_length(const unsigned char* s, size_t left)
{
    if (s[0] < 0x80) return 1;
    auto cont = [&](size_t i) { return i < left && (s[i] & 0xC0) == 0x80; };
    if (s[0] >= 0xC2 && s[0] <= 0xDF) return cont(1) ? 2 : 0;
    if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0)) return 0;   // overlong; surrogate
        return 3;
    }
    if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        if ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)) return 0;   // overlong; above U+10FFFF
        return 4;
    }
    return 0;
}

// The longest prefix of `s` of at most `max_bytes` bytes that does not end inside a UTF-8
// sequence, so a shortened text is still valid text.
inline size_t utf8_prefix_length(const char* s, size_t size, size_t max_bytes)
{
    if (size <= max_bytes) return size;
    size_t cut = max_bytes;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
    return cut;
}

// How many UTF-16 units the `n` bytes of UTF-8 at `s` make (what a browser's text field counts:
// a character beyond U+FFFF is two).
inline size_t utf16_units(const char* s, size_t n)
{
    size_t units = 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
    }
    return units;
}

// The code point that starts at byte `*i` of `s`, moving `*i` past it; a byte that starts no
// valid UTF-8 sequence reads as U+FFFD and moves one byte.
inline unsigned utf8_next_code_point(const std::string& s, size_t* i)
{
    const unsigned char* p = (const unsigned char*)s.data() + *i;
    const size_t n = utf8_sequence_length(p, s.size() - *i);
    if (n == 0) {
        (*i)++;
        return 0xFFFD;
    }
    unsigned cp = n == 1 ? p[0] : n == 2 ? p[0] & 0x1Fu : n == 3 ? p[0] & 0x0Fu : p[0] & 0x07u;
    for (size_t k = 1; k < n; k++) cp = (cp << 6) | (p[k] & 0x3Fu);
    *i += n;
    return cp;
}

} // namespace parley
