#include "file_names.h"

#include "utf8.h"

#include <cstring>

namespace parley {

// A letter or digit of a script people write in (not punctuation, symbols or emoji): Latin with
// its accents, Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic and South-East Asian
// scripts, Georgian, Hangul, kana and CJK ideographs. Rough, by block: the blocks listed hold
// few symbols, and a file name with a letter dropped is still a file name.
static bool IsScriptLetter(unsigned cp)
{
    if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;   // not × and ÷
    return (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x52F) || (cp >= 0x531 && cp <= 0x58A) ||
           (cp >= 0x5D0 && cp <= 0x5EA) || (cp >= 0x620 && cp <= 0x64A) || (cp >= 0x660 && cp <= 0x669) ||
           (cp >= 0x671 && cp <= 0x6D3) || (cp >= 0x6F0 && cp <= 0x6FF) || (cp >= 0x900 && cp <= 0xDFF) ||
           (cp >= 0xE00 && cp <= 0xEFF) || (cp >= 0x10A0 && cp <= 0x10FF) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
           (cp >= 0x3041 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0x64B && cp <= 0x65F);   // Arabic vowel marks, which belong to their letters
}

// What a typographic character becomes in a file name, or nullptr to keep or drop it by the
// rules above.
static const char* PlainForm(unsigned cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return "'";   // ‘ ’ ‛ ′
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: return "";   // “ ” „ « »
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return "-";
    case 0x2026: return "...";
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x202F: return " ";
    default: return nullptr;
    }
}

std::string file_base_name(const std::string& title)
{
    std::string name;
    auto add = [&name](const char* text) {
        for (const char* p = text; *p; p++) {
            if (*p == ' ' && (name.empty() || name.back() == ' ')) continue;   // spaces run together, none leading
            name += *p;
        }
    };
    for (size_t i = 0; i < title.size();) {
        const size_t start = i;
        const unsigned cp = utf8_next_code_point(title, &i);   // not text reads as U+FFFD: dropped below
        if (cp < 0x80) {
            const char c = (char)cp;
            if (c == ':') add(" -");                                   // "Inspections: a response" -> "Inspections - a response"
            else if (c == '&') add(name.empty() || name.back() == ' ' ? "and " : " and ");
            else if (c == '\t' || c == '\n' || c == '\r') add(" ");
            else if (cp < 0x20 || cp == 0x7F || std::strchr("\\/*?\"<>|#%{}~$^`[];=+!@", c)) add("");   // refused by some file share or mail system
            else { const char one[2] = {c, 0}; add(one); }
        } else if (const char* plain = PlainForm(cp)) {
            add(plain);
        } else if (IsScriptLetter(cp)) {
            name.append(title, start, i - start);
        }   // other symbols (✔, emoji, £, ©, •) are dropped
    }
    // An "and" or dash left at the end by a dropped symbol is fine; spaces and dots are not
    // (Windows drops a trailing dot, and the extension follows).
    while (!name.empty() && (name.back() == ' ' || name.back() == '.' || name.back() == '-')) name.pop_back();
    name.resize(utf8_prefix_length(name.data(), name.size(), 100));
    while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
    size_t lead = 0;   // nor a leading dot (a hidden file on a Mac or Linux)
    while (lead < name.size() && (name[lead] == '.' || name[lead] == ' ')) lead++;
    name.erase(0, lead);
    if (name.empty()) name = "Untitled draft";
    return name;
}

} // namespace parley
