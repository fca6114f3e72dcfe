#include "json_writer.h"

#include "assert.h"
#include "utf8.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace parley {

std::string json_format_number(double n)
{
    if (!std::isfinite(n)) return "0";   // JSON has no NaN or infinity; the model never holds them
    char buf[40];
    if (n == std::floor(n) && std::fabs(n) < 9007199254740992.0) {   // whole and exact as a double
        snprintf(buf, sizeof(buf), "%.0f", n);
        if (buf[0] == '-' && buf[1] == '0' && buf[2] == 0) return "0";   // -0
        return buf;
    }
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(buf, sizeof(buf), "%.*g", precision, n);
        if (strtod(buf, nullptr) == n) break;
    }
    return buf;
}

void JsonWriter::before_value()
{
    if (after_key_) { after_key_ = false; return; }
    if (counts_.empty()) return;
    out_ += counts_.back()++ ? ",\n" : "\n";
    out_.append(counts_.size() * 2, ' ');
}

void JsonWriter::key(std::string_view k)
{
    PARLEY_ASSERT(!after_key_);   // two keys in a row: the first has no value
    before_value();
    quoted(k);
    out_ += ": ";
    after_key_ = true;
}

std::string& JsonWriter::text()
{
    PARLEY_ASSERT(counts_.empty() && !after_key_);   // opens and closes match
    return out_;
}

void JsonWriter::begin_object() { before_value(); out_ += '{'; counts_.push_back(0); }
void JsonWriter::begin_array()  { before_value(); out_ += '['; counts_.push_back(0); }
void JsonWriter::end_object()   { close('}'); }
void JsonWriter::end_array()    { close(']'); }

void JsonWriter::close(char bracket)
{
    PARLEY_ASSERT(!counts_.empty() && !after_key_);   // a close without its open, or after a key with no value
    if (counts_.empty()) return;
    const int count = counts_.back();
    counts_.pop_back();
    if (count) {
        out_ += '\n';
        out_.append(counts_.size() * 2, ' ');
    }
    out_ += bracket;
}

void JsonWriter::string(std::string_view s)
{
    before_value();
    quoted(s);
}

void JsonWriter::quoted(std::string_view s) { json_quote(out_, s); }

// Characters written as \uXXXX though JSON allows them raw: C1 controls (U+0080-U+009F, of
// which U+009B starts a terminal escape sequence), the bidirectional overrides and isolates
// (U+202A-U+202E, U+2066-U+2069: "Trojan Source", text that reads differently from what it
// is) and the line and paragraph separators (U+2028, U+2029). A file from another organisation
// printed by `parley fmt` or opened in an editor then shows them for what they are; the
// value read back is the same.
static bool escaped_anyway(const unsigned char* p, size_t n)
{
    if (n == 2) return p[0] == 0xC2 && p[1] <= 0x9F;
    if (n == 3 && p[0] == 0xE2 && p[1] == 0x80) return p[2] >= 0xA8 && p[2] <= 0xAE;
    if (n == 3 && p[0] == 0xE2 && p[1] == 0x81) return p[2] >= 0xA6 && p[2] <= 0xA9;
    return false;
}

void json_quote(std::string& out_, std::string_view s)
{
    out_ += '"';
    const unsigned char* p = (const unsigned char*)s.data();
    const unsigned char* end = p + s.size();
    while (p < end) {
        // Fast path: a run of characters that need no escaping is appended in one go.
        const unsigned char* run = p;
        while (p < end) {
            const unsigned char b = *p;
            if (b == '"' || b == '\\' || b < 0x20) break;
            if (b < 0x80) { p++; continue; }
            const size_t n = utf8_sequence_length(p, (size_t)(end - p));
            if (n == 0 || escaped_anyway(p, n)) break;
            p += n;
        }
        if (p > run) out_.append((const char*)run, (size_t)(p - run));
        if (p >= end) break;
        const unsigned char c = *p;
        if (c == '"') { out_ += "\\\""; p++; continue; }
        if (c == '\\') { out_ += "\\\\"; p++; continue; }
        if (c < 0x20) {
            switch (c) {
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            default: {
                char buf[8];
                snprintf(buf, sizeof(buf), "\\u%04x", c);
                out_ += buf;
            }
            }
            p++;
            continue;
        }
        if (const size_t n = utf8_sequence_length(p, (size_t)(end - p)); n != 0) {   // one of escaped_anyway's
            const unsigned cp = n == 2 ? ((c & 0x1Fu) << 6 | (p[1] & 0x3Fu)) : ((c & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu));
            char buf[8];
            snprintf(buf, sizeof(buf), "\\u%04x", cp);
            out_ += buf;
            p += n;
            continue;
        }
        out_ += "\xEF\xBF\xBD";   // the fast path stopped at a stray byte: U+FFFD for it
        p++;
    }
    out_ += '"';
}

void JsonWriter::number(double n)     { before_value(); out_ += json_format_number(n); }
void JsonWriter::integer(long long n) { before_value(); out_ += std::to_string(n); }
void JsonWriter::boolean(bool b)      { before_value(); out_ += b ? "true" : "false"; }
void JsonWriter::null()               { before_value(); out_ += "null"; }

void JsonWriter::value(const JsonValue& v)
{
    switch (v.type) {
    case JsonValue::Null: null(); break;
    case JsonValue::Bool: boolean(v.boolean); break;
    case JsonValue::Number:   // as written, so 1.50 stays 1.50; a value built in code has no literal
        before_value();
        out_ += v.text.empty() ? json_format_number(v.number) : v.text;
        break;
    case JsonValue::String: string(v.text); break;
    case JsonValue::Array:
        begin_array();
        for (const JsonValue& item : v.items) value(item);
        end_array();
        break;
    case JsonValue::Object:
        begin_object();
        for (const auto& m : v.members) {
            if (m.second.type == JsonValue::RawMembers) { members(m.second.text); continue; }
            key(m.first);
            value(m.second);
        }
        end_object();
        break;
    case JsonValue::Raw:
        before_value();
        raw(v.text);
        break;
    case JsonValue::RawMembers:   // only ever a member of an object, written there
        PARLEY_ASSERT(!"members written as a value");
        break;
    }
}

// The first member's key goes where key() would put it; raw() lays out the rest, each on its
// own line at this depth, exactly as key()/value() would.
void JsonWriter::members(std::string_view compact)
{
    PARLEY_ASSERT(!after_key_ && !counts_.empty());
    if (compact.empty()) return;
    before_value();
    raw(compact);
}

// Lays out compact JSON exactly as begin_*/key/end_* would lay out the same tree: one member
// or item per line, two spaces per level, empty containers as {} and []. Streams over the text:
// a 20 MB list of zeros is written without building 10 million values.
void JsonWriter::raw(std::string_view t)
{
    size_t level = counts_.size();
    auto newline = [&](size_t depth) { out_ += '\n'; out_.append(depth * 2, ' '); };
    for (size_t i = 0; i < t.size(); i++) {
        const char c = t[i];
        if (c == '"') {   // a string: copied as it is (already escaped as quoted() escapes)
            const size_t start = i++;
            while (i < t.size() && t[i] != '"') i += t[i] == '\\' ? 2 : 1;
            out_.append(t.data() + start, i + 1 - start);
        } else if (c == '{' || c == '[') {
            out_ += c;
            if (i + 1 < t.size() && (t[i + 1] == '}' || t[i + 1] == ']')) { out_ += t[++i]; continue; }
            newline(++level);
        } else if (c == '}' || c == ']') {
            newline(--level);
            out_ += c;
        } else if (c == ',') {
            out_ += ',';
            newline(level);
        } else if (c == ':') {
            out_ += ": ";
        } else {
            out_ += c;
        }
    }
}

namespace {

void compact(std::string& out, const JsonValue& v)
{
    switch (v.type) {
    case JsonValue::Null: out += "null"; break;
    case JsonValue::Bool: out += v.boolean ? "true" : "false"; break;
    case JsonValue::Number: out += v.text.empty() ? json_format_number(v.number) : v.text; break;
    case JsonValue::String: json_quote(out, v.text); break;
    case JsonValue::Raw: out += v.text; break;
    case JsonValue::Array:
        out += '[';
        for (size_t i = 0; i < v.items.size(); i++) { if (i) out += ','; compact(out, v.items[i]); }
        out += ']';
        break;
    case JsonValue::Object:
        out += '{';
        for (size_t i = 0; i < v.members.size(); i++) {
            if (i) out += ',';
            if (v.members[i].second.type == JsonValue::RawMembers) { out += v.members[i].second.text; continue; }
            json_quote(out, v.members[i].first);
            out += ':';
            compact(out, v.members[i].second);
        }
        out += '}';
        break;
    case JsonValue::RawMembers: out += v.text; break;   // only ever inside an object
    }
}

} // namespace

void json_compact_append(std::string& out, const JsonValue& v) { compact(out, v); }

std::string json_compact(const JsonValue& v)
{
    std::string out;
    compact(out, v);
    return out;
}

} // namespace parley
