#include "markdown_text.h"

namespace parley {

namespace {

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_punct(char c) { return c > ' ' && c < 0x7F && !is_alnum(c); }

// Characters that open or close markup anywhere in a line. Others are escaped only where they
// mean something: '&' before a name or number (an entity such as &lt;), '\' before
// punctuation or at the end (an escape or a hard break), '#' in headings (see markdown_line).
bool always_escaped(char c)
{
    switch (c) {
    case '*': case '_': case '`': case '[': case ']': case '<': case '|': case '~': return true;
    default: return false;
    }
}

void append_inline(std::string& out, std::string_view s)
{
    for (size_t i = 0; i < s.size(); i++) {
        const char c = s[i];
        const char next = i + 1 < s.size() ? s[i + 1] : '\0';
        if (c == '\n' || c == '\r') { out += ' '; continue; }
        if (always_escaped(c) || (c == '&' && (is_alnum(next) || next == '#')) || (c == '\\' && (next == '\0' || is_punct(next))))
            out += '\\';
        out += c;
    }
}

} // namespace

std::string markdown_inline(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_inline(out, text);
    return out;
}

std::string markdown_line(std::string_view text)
{
    // Leading blanks would make an indented code block (and render as nothing); trailing ones
    // a hard break. Neither shows in the rendered text.
    size_t b = 0, e = text.size();
    while (b < e && (text[b] == ' ' || text[b] == '\t')) b++;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) e--;
    text = text.substr(b, e - b);

    std::string out;
    out.reserve(text.size() + text.size() / 8 + 2);
    if (text.empty()) return out;
    const char c = text[0];
    // A heading, quote, bullet, setext underline or thematic break starts with one of these.
    if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') out += '\\';
    // An ordered list item: up to nine digits, then '.' or ')'.
    size_t digits = 0;
    while (digits < text.size() && digits < 10 && text[digits] >= '0' && text[digits] <= '9') digits++;
    if (digits > 0 && digits <= 9 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) {
        append_inline(out, text.substr(0, digits));
        out += '\\';
        append_inline(out, text.substr(digits));
        return out;
    }
    append_inline(out, text);
    return out;
}

std::string markdown_paragraph(std::string_view text)
{
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string line = markdown_line(text.substr(start, end - start));
        if (!line.empty()) {   // a blank line inside would end the paragraph: left out
            if (!out.empty()) out += "\\\n";
            out += line;
        }
        if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') end++;
        start = end + 1;
    }
    return out;
}

std::string markdown_url(std::string_view url)
{
    auto starts = [&](const char* scheme) {
        size_t i = 0;
        for (; scheme[i]; i++)
            if (i >= url.size() || (char)(url[i] | 0x20) != scheme[i]) return false;
        return url.size() > i;
    };
    bool plain = starts("http://") || starts("https://") || starts("mailto:");
    for (char c : url)
        if ((unsigned char)c <= ' ' || c == '<' || c == '>' || c == 0x7F) plain = false;   // an autolink holds none of these
    if (plain) return "<" + std::string(url) + ">";
    return markdown_inline(url);
}

} // namespace parley
