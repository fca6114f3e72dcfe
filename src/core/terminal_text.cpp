#include "terminal_text.h"

#include "utf8.h"

#include <cstdio>

namespace parley {

namespace {

// Is code point c one a terminal acts on rather than shows?
bool acts_on_terminal(unsigned c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string escaped(std::string_view s, bool keep_line_breaks)
{
    const unsigned char* p = (const unsigned char*)s.data();
    const unsigned char* end = p + s.size();
    std::string out;
    out.reserve(s.size());
    char buf[16];
    while (p < end) {
        const size_t n = utf8_sequence_length(p, (size_t)(end - p));
        if (n == 0) {   // not UTF-8: a lone 0x9B byte is a CSI to an 8-bit terminal
            std::snprintf(buf, sizeof buf, "\\x%02x", *p);
            out += buf;
            p++;
            continue;
        }
        unsigned c = p[0];
        if (n == 2) c = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        else if (n == 3) c = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        else if (n == 4) c = 0x10000;   // nothing above the BMP acts on a terminal
        if (!acts_on_terminal(c) || (keep_line_breaks && (c == '\n' || c == '\t'))) {
            out.append((const char*)p, n);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        }
        p += n;
    }
    return out;
}

} // namespace

std::string terminal_text(std::string_view s) { return escaped(s, true); }
std::string terminal_line(std::string_view s) { return escaped(s, false); }

} // namespace parley
