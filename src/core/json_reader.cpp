#include "json_reader.h"

#include "json_writer.h"
#include "utf8.h"

#include <cmath>
#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <deque>
#include <memory>

namespace parley {

const JsonValue* JsonValue::find(std::string_view key) const
{
    for (const auto& m : members)
        if (m.first == key && m.second.type != RawMembers) return &m.second;
    return nullptr;
}

const char* JsonValue::type_name() const
{
    switch (type) {
    case Null: return "null";
    case Bool: return "true/false";
    case Number: return "a number";
    case String: return "text";
    case Array: return "a list";
    case Object: return "an object";
    case Raw: return !text.empty() && text[0] == '[' ? "a list" : "an object";
    case RawMembers: return "members";
    }
    return "?";
}

std::string json_pointer_escape(std::string_view key)
{
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

namespace {

// The keys met so far in one object, to report a repeated one. A few keys are compared one by
// one; past that they go into a hash table, so an object of 100,000 keys costs 100,000 lookups,
// not 5 billion comparisons. The table is open-addressed in one array (a node per key, as
// std::unordered_map allocates, was a third of the time of an object of 100,000 keys). Keys
// point into the file's text where they have no escapes.
class KeysSeen {
public:
    // The line where `key` first appeared, or 0 (and `key` is remembered at `line`).
    int add(std::string_view key, int line, size_t* compares)
    {
        if (slots_.empty()) {
            for (const auto& k : few_) {
                ++*compares;
                if (k.first == key) return k.second;
            }
            if (few_.size() < kFew) { few_.emplace_back(key, line); return 0; }
            slots_.resize(4 * kFew);
            for (const auto& k : few_) place(k.first, k.second);
        }
        ++*compares;
        if ((used_ + 1) * 10 > slots_.size() * 7) grow();
        return place(key, line);
    }
    // A key with escapes, decoded: kept here so the view stays valid.
    std::string_view keep(std::string key) { owned_.push_back(std::move(key)); return owned_.back(); }

private:
    struct Slot {   // 24 bytes
        std::string_view key;
        uint32_t         hash = 0;
        int              line = 0;   // 0: empty (lines start at 1)
    };
    static constexpr size_t kFew = 8;
    std::vector<std::pair<std::string_view, int>> few_;
    std::vector<Slot> slots_;   // a power of two long, at most 70 % full
    size_t used_ = 0;
    std::deque<std::string> owned_;

    int place(std::string_view key, int line)
    {
        const uint32_t hash = (uint32_t)std::hash<std::string_view>()(key);
        const size_t mask = slots_.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot& s = slots_[i];
            if (s.line == 0) { s = {key, hash, line}; used_++; return 0; }
            if (s.hash == hash && s.key == key) return s.line;
        }
    }
    void grow()
    {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        const size_t mask = slots_.size() - 1;
        for (const Slot& s : old) {
            if (s.line == 0) continue;
            size_t i = s.hash & mask;
            while (slots_[i].line != 0) i = (i + 1) & mask;
            slots_[i] = s;
        }
    }
};

std::string describe_char(const char* p, const char* end)
{
    if (p >= end) return "the end of the file";
    const unsigned char c = (unsigned char)*p;
    char buf[32];
    if (c >= 0x21 && c < 0x7F) { snprintf(buf, sizeof(buf), "'%c'", c); return buf; }
    if (c == ' ') return "a space";
    if (c == '\n' || c == '\r') return "a line break";
    if (c == '\t') return "a tab";
    snprintf(buf, sizeof(buf), "byte 0x%02X", c);
    return buf;
}

class Reader {
public:
    Reader(std::string_view text, const JsonLimits& limits, JsonTreeKey tree_key, JsonReadResult& result)
        : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), limits_(limits), tree_key_(tree_key), r_(result) {}

    void run()
    {
        // A UTF-8 byte order mark (Windows Notepad writes one) is not content.
        if (end_ - p_ >= 3 && (unsigned char)p_[0] == 0xEF && (unsigned char)p_[1] == 0xBB && (unsigned char)p_[2] == 0xBF) p_ += 3;
        skip_space();
        if (p_ >= end_) { fail(here(), "the file is empty"); return; }
        if (!value(r_.root, 0)) return;
        skip_space();
        if (p_ < end_) fail(here(), "unexpected " + describe_char(p_, end_) + " after the end of the document");
        if (!failed_) r_.ok = true;
    }

private:
    const char*        begin_;
    const char*        p_;
    const char*        end_;
    const JsonLimits&  limits_;
    JsonTreeKey        tree_key_;
    JsonReadResult&    r_;
    std::string*       raw_ = nullptr;   // set while a value is kept as compact text: it is appended here
    int                line_ = 1, col_ = 1;
    bool               failed_ = false;
    std::string        pointer_;
    size_t             held_ = 0;        // memory the values read so far will take (JsonLimits::max_memory)
    size_t             kept_apart_ = 0;  // members kept as text, each its own member (JsonLimits::members_apart)
    // The members and items of the object or list open at each depth (one at a time), gathered
    // here and then moved into a list of exactly their number: a list grown one by one
    // reallocates and moves its values at every doubling and keeps up to half its room empty,
    // which cost a file dense in small values a third of its memory and most of its time in malloc.
    // They gather in blocks that never move and are kept for the next container at the same
    // depth, so a list of 100,000 items is not moved 17 times over, nor given fresh memory.
    template <class T>
    struct Blocks {
        static constexpr size_t kBlock = 256;
        std::vector<std::unique_ptr<T[]>> blocks;
        size_t count = 0;
        T& at(size_t i) { return blocks[i / kBlock][i % kBlock]; }
        void add(T&& value)
        {
            if (count == blocks.size() * kBlock) blocks.push_back(std::make_unique<T[]>(kBlock));
            at(count++) = std::move(value);
        }
    };
    std::vector<Blocks<std::pair<std::string, JsonValue>>> members_at_;
    std::vector<Blocks<JsonValue>> items_at_;

    // On leaving object() or array(), success or failure alike (a partial tree is still a tree):
    // what was gathered at `depth` moves into `out`, sized exactly. The stack is indexed afresh,
    // never held by reference: reading a child may grow it.
    template <class T>
    struct Gathered {
        std::vector<Blocks<T>>* stack;   // null: nothing gathered (the value is kept as text)
        size_t depth;
        JsonList<T>& out;
        Gathered(std::vector<Blocks<T>>* s, int d, JsonList<T>& o) : stack(s), depth((size_t)d), out(o)
        {
            if (stack && depth >= stack->size()) stack->resize(depth + 1);
        }
        void add(T&& value) { (*stack)[depth].add(std::move(value)); }
        T* last()
        {
            Blocks<T>& b = (*stack)[depth];
            return b.count ? &b.at(b.count - 1) : nullptr;
        }
        ~Gathered()
        {
            if (!stack) return;
            Blocks<T>& gathered = (*stack)[depth];
            out.reserve(gathered.count);
            for (size_t i = 0; i < gathered.count; i++) out.push_back(std::move(gathered.at(i)));
            gathered.count = 0;
        }
    };

    TextPos here() const { return {line_, col_}; }

    // Lines as editors count them: CR, LF and CRLF are each one line break.
    void bump()
    {
        const unsigned char c = (unsigned char)*p_++;
        if (c == '\r' || (c == '\n' && !(p_ - 1 > begin_ && p_[-2] == '\r'))) { line_++; col_ = 1; }
        else if (c == '\n') { /* the LF of a CRLF: the CR already ended the line */ }
        else if ((c & 0xC0) != 0x80) col_++;
    }

    void issue(JsonIssue::Kind kind, TextPos at, std::string message)
    {
        if (r_.issues.size() < limits_.max_issues) r_.issues.push_back({kind, pointer_, at, std::move(message)});
    }

    // Records why reading stops here; the first such reason is the one reported.
    bool fail(TextPos at, std::string message, JsonIssue::Kind kind = JsonIssue::Syntax)
    {
        if (!failed_) issue(kind, at, std::move(message));
        failed_ = true;
        return false;
    }

    void skip_space()
    {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) bump();
    }

    bool value(JsonValue& v, int depth)
    {
        skip_space();
        v.pos = here();
        if (!raw_) {
            r_.tree_values++;
            if ((held_ += kJsonValueCost) > limits_.max_memory) return out_of_memory();
        }
        if (p_ >= end_) return fail(here(), "the file ends where a value was expected (is it cut short?)");
        switch (*p_) {
        case '{': return object(v, depth + 1);
        case '[': return array(v, depth + 1);
        case '"':
            v.type = JsonValue::String;
            if (!string(v.text)) return false;
            if (raw_) json_quote(*raw_, v.text);   // as the writer escapes it, so equal texts compare equal
            else if ((held_ += v.text.size()) > limits_.max_memory) return out_of_memory();
            return true;
        case 't': v.type = JsonValue::Bool; v.boolean = true; return literal("true");
        case 'f': v.type = JsonValue::Bool; v.boolean = false; return literal("false");
        case 'n': v.type = JsonValue::Null; return literal("null");
        case '/': return fail(here(), "comments are not allowed in JSON");
        case '\'': return fail(here(), "text must be in double quotes (\"...\"), not single quotes");
        default:
            if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) return number(v);
            return fail(here(), "expected a value (text in double quotes, a number, true, false, null, a list [...] or an object {...}), found " +
                                describe_char(p_, end_));
        }
    }

    bool out_of_memory()
    {
        char buf[320];
        snprintf(buf, sizeof(buf),
                 "this file holds too many separate values for the memory this page has left (%.0f MB): reading it had "
                 "used all of that by here. Nothing was opened; the open draft is unchanged",
                 limits_.max_memory / 1048576.0);
        return fail(here(), buf, JsonIssue::Limit);
    }

    bool literal(const char* word)
    {
        const TextPos at = here();
        const char* w = word;
        while (*w && p_ < end_ && *p_ == *w) { bump(); w++; }
        if (*w) return fail(at, std::string("expected ") + word + ", found " + describe_char(p_, end_));
        if (raw_) *raw_ += word;
        return true;
    }

    bool too_deep(int depth)
    {
        if (depth <= limits_.max_depth) return false;
        fail(here(), "the document is nested more than " + std::to_string(limits_.max_depth) + " levels deep", JsonIssue::Limit);
        return true;
    }

    // Reads one member or item, with the JSON Pointer extended by `segment` while inside it.
    bool child(JsonValue& v, const std::string& segment, int depth)
    {
        const size_t saved = pointer_.size();
        pointer_ += '/';
        pointer_ += segment;
        if (!value(v, depth)) return false;
        pointer_.resize(saved);
        return true;
    }

    // After a member or item: 1 on ',' (another follows), 0 on the closing bracket, -1 on error.
    int after_child(char close, const char* container, const char* thing)
    {
        skip_space();
        if (p_ < end_ && *p_ == ',') { bump(); return 1; }
        if (p_ < end_ && *p_ == close) { bump(); return 0; }
        if (p_ >= end_) fail(here(), std::string("the file ends inside ") + container + ": a closing " + close + " is missing");
        else fail(here(), std::string("expected ',' or '") + close + "' after " + thing + ", found " + describe_char(p_, end_));
        return -1;
    }

    // A member whose key the caller does not build trees for: one Raw value holding its compact
    // text (a scalar stays as it is: it costs no more than its text).
    bool raw_member(JsonValue& m, const std::string& segment, int depth)
    {
        std::string out;
        raw_ = &out;
        const bool ok = child(m, segment, depth);
        raw_ = nullptr;
        if (ok && (m.type == JsonValue::Array || m.type == JsonValue::Object)) {
            m.type = JsonValue::Raw;
            m.text = std::move(out);
            m.text.shrink_to_fit();
        }
        if (ok && (held_ += kJsonValueCost + m.text.size()) > limits_.max_memory) return out_of_memory();
        return ok;
    }

    // A member kept as text past JsonLimits::members_apart: appended to the run of such members
    // just before it in this object, or the start of a new run.
    bool run_member(Gathered<std::pair<std::string, JsonValue>>& members, const std::string& key, TextPos key_pos,
                    const std::string& segment, int depth)
    {
        std::pair<std::string, JsonValue>* run = members.last();
        if (!run || run->second.type != JsonValue::RawMembers) {
            JsonValue start;
            start.type = JsonValue::RawMembers;
            start.pos = key_pos;
            members.add({std::string(), std::move(start)});
            run = members.last();
            if ((held_ += kJsonValueCost) > limits_.max_memory) return out_of_memory();
        }
        run->second.integer++;
        std::string& text = run->second.text;
        const size_t before = text.size();
        if (before) text += ',';
        json_quote(text, key);
        text += ':';
        JsonValue scratch;
        raw_ = &text;
        const bool ok = child(scratch, segment, depth);
        raw_ = nullptr;
        if (ok && (held_ += text.size() - before) > limits_.max_memory) return out_of_memory();
        return ok;
    }

    bool object(JsonValue& v, int depth)
    {
        if (too_deep(depth)) return false;
        v.type = JsonValue::Object;
        bump();   // {
        if (raw_) *raw_ += '{';
        skip_space();
        if (p_ < end_ && *p_ == '}') { bump(); if (raw_) *raw_ += '}'; return true; }
        KeysSeen seen;
        JsonValue scratch;   // compact text: each member is read here and only its text kept
        Gathered<std::pair<std::string, JsonValue>> members(raw_ ? nullptr : &members_at_, depth, v.members);
        for (bool first = true;; first = false) {
            skip_space();
            const TextPos key_pos = here();
            if (p_ >= end_) return fail(here(), "the file ends inside an object: a closing } is missing");
            if (*p_ == '}') return fail(here(), "a comma before } is not allowed in JSON");
            if (*p_ == '\'') return fail(here(), "keys must be in double quotes (\"...\"), not single quotes");
            if (*p_ != '"') return fail(here(), "expected a key in double quotes, found " + describe_char(p_, end_));
            std::string key;
            const char* key_src = p_ + 1;
            if (!string(key)) return false;
            // Unescaped keys (nearly all) are looked up as the file's own bytes: no copy.
            const std::string_view as_written(key_src, (size_t)(p_ - 1 - key_src));
            const std::string_view view = as_written == key ? as_written : seen.keep(key);
            if (const int first_line = seen.add(view, key_pos.line, &r_.key_compares)) {
                // Pointed at the repeated member itself, like every other error about a member.
                const size_t saved = pointer_.size();
                pointer_ += '/';
                pointer_ += json_pointer_escape(key);
                issue(JsonIssue::DuplicateKey, key_pos, "the key \"" + key + "\" appears twice in this object (first at line " +
                      std::to_string(first_line) + "); Parley will not guess which one is meant");
                pointer_.resize(saved);
            }
            skip_space();
            if (p_ >= end_ || *p_ != ':') return fail(here(), "expected ':' after the key \"" + key + "\", found " + describe_char(p_, end_));
            bump();
            const std::string segment = json_pointer_escape(key);
            if (raw_) {
                if (!first) *raw_ += ',';
                json_quote(*raw_, key);
                *raw_ += ':';
                scratch = JsonValue();
                if (!child(scratch, segment, depth)) return false;
            } else {
                const bool tree = !tree_key_ || tree_key_(key);
                if (!tree && kept_apart_ >= limits_.members_apart) {
                    if (!run_member(members, key, key_pos, segment, depth)) return false;
                } else {
                    kept_apart_ += !tree;
                    JsonValue member;
                    const bool ok = tree ? child(member, segment, depth) : raw_member(member, segment, depth);
                    members.add({std::move(key), std::move(member)});
                    if (!ok) return false;
                }
            }
            const int more = after_child('}', "an object", "a member of this object");
            if (more == 0 && raw_) *raw_ += '}';
            if (more <= 0) return more == 0;
        }
    }

    bool array(JsonValue& v, int depth)
    {
        if (too_deep(depth)) return false;
        v.type = JsonValue::Array;
        bump();   // [
        if (raw_) *raw_ += '[';
        skip_space();
        if (p_ < end_ && *p_ == ']') { bump(); if (raw_) *raw_ += ']'; return true; }
        JsonValue scratch;   // compact text: each item is read here and only its text kept
        Gathered<JsonValue> items(raw_ ? nullptr : &items_at_, depth, v.items);   // as object()
        for (size_t index = 0;; index++) {
            skip_space();
            if (p_ < end_ && *p_ == ']') return fail(here(), "a comma before ] is not allowed in JSON");
            const std::string segment = std::to_string(index);
            if (raw_) {
                if (index) *raw_ += ',';
                scratch = JsonValue();
                if (!child(scratch, segment, depth)) return false;
            } else {
                JsonValue item;
                const bool ok = child(item, segment, depth);
                items.add(std::move(item));
                if (!ok) return false;
            }
            const int more = after_child(']', "a list", "an item of this list");
            if (more == 0 && raw_) *raw_ += ']';
            if (more <= 0) return more == 0;
        }
    }

    static void append_utf8(std::string& out, unsigned int c)
    {
        if (c < 0x80) out += (char)c;
        else if (c < 0x800) { out += (char)(0xC0 | (c >> 6)); out += (char)(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) { out += (char)(0xE0 | (c >> 12)); out += (char)(0x80 | ((c >> 6) & 0x3F)); out += (char)(0x80 | (c & 0x3F)); }
        else { out += (char)(0xF0 | (c >> 18)); out += (char)(0x80 | ((c >> 12) & 0x3F)); out += (char)(0x80 | ((c >> 6) & 0x3F)); out += (char)(0x80 | (c & 0x3F)); }
    }

    bool hex4(unsigned int* out)
    {
        unsigned int v = 0;
        for (int i = 0; i < 4; i++) {
            if (p_ >= end_) return false;
            const char c = *p_;
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return false;
            v = v * 16 + (unsigned)d;
            bump();
        }
        *out = v;
        return true;
    }

    size_t utf8_length() const { return utf8_sequence_length((const unsigned char*)p_, (size_t)(end_ - p_)); }

    bool string(std::string& out)
    {
        const TextPos start = here();
        bump();   // opening quote
        for (;;) {
            // Fast path: a run of ordinary characters is appended in one go (prose is long).
            const char* run = p_;
            while (p_ < end_) {
                const unsigned char b = (unsigned char)*p_;
                if (b == '"' || b == '\\' || b < 0x20) break;
                if (b < 0x80) { p_++; col_++; continue; }
                const size_t n = utf8_length();
                if (n == 0) break;
                p_ += n;   // one character, never a line break
                col_++;
            }
            if (p_ > run) out.append(run, (size_t)(p_ - run));
            if (p_ >= end_) return fail(start, "this text is never closed: a closing \" is missing");
            const unsigned char c = (unsigned char)*p_;
            if (c == '"') { bump(); return true; }
            if (c == '\\') {
                const TextPos esc = here();
                bump();
                if (p_ >= end_) return fail(start, "this text is never closed: a closing \" is missing");
                const char e = *p_;
                bump();
                switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned int cp;
                    if (!hex4(&cp)) return fail(esc, "\\u must be followed by four hexadecimal digits");
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(esc, "\\u escape is the second half of a character with no first half (an unpaired surrogate)");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        unsigned int lo;
                        if (p_ + 1 < end_ && p_[0] == '\\' && p_[1] == 'u') { bump(); bump(); }
                        else return fail(esc, "\\u escape is the first half of a character with no second half (an unpaired surrogate)");
                        if (!hex4(&lo) || lo < 0xDC00 || lo > 0xDFFF) return fail(esc, "\\u escape is the first half of a character with no valid second half (an unpaired surrogate)");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    return fail(esc, std::string("unknown escape \\") + (e >= 0x21 && e < 0x7F ? std::string(1, e) : describe_char(p_ - 1, end_)) +
                                     " in text (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
                }
                continue;
            }
            if (c < 0x20) {
                if (c == '\n' || c == '\r') return fail(here(), "a line break inside text must be written as \\n");
                char buf[64];
                snprintf(buf, sizeof(buf), "control character U+%04X inside text must be written as \\u%04X", c, c);
                return fail(here(), buf);
            }
            // The fast path stops at a byte that starts no valid UTF-8 sequence.
            char buf[160];
            snprintf(buf, sizeof(buf), "the file is not valid UTF-8 here (byte 0x%02X); save it as UTF-8 and open it again", c);
            return fail(here(), buf);
        }
    }

    bool number(JsonValue& v)
    {
        const TextPos start = here();
        const char* s = p_;
        auto digit = [&]() { return p_ < end_ && *p_ >= '0' && *p_ <= '9'; };
        if (*p_ == '-') bump();
        if (!digit()) return fail(start, "a number needs digits after '-'");
        if (*p_ == '0') {
            bump();
            if (digit()) return fail(start, "numbers cannot start with 0 (write 7, not 07)");
        } else {
            while (digit()) bump();
        }
        bool integral = true;
        if (p_ < end_ && *p_ == '.') {
            integral = false;
            bump();
            if (!digit()) return fail(start, "a number needs digits after the decimal point");
            while (digit()) bump();
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            integral = false;
            bump();
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) bump();
            if (!digit()) return fail(start, "a number needs digits in its exponent");
            while (digit()) bump();
        }
        v.type = JsonValue::Number;
        v.text.assign(s, (size_t)(p_ - s));
        if (raw_) *raw_ += v.text;   // exactly as written: 1e-400 and 30-digit integers survive
        v.number = strtod(v.text.c_str(), nullptr);
        if (!std::isfinite(v.number)) return fail(start, "the number " + v.text + " is too large");
        if (integral) {   // exact when it fits in a long long (strtoll reports ERANGE otherwise)
            errno = 0;
            char* endp = nullptr;
            const long long i = strtoll(v.text.c_str(), &endp, 10);
            if (errno == 0) { v.is_integer = true; v.integer = i; }
        }
        return true;
    }
};

} // namespace

JsonReadResult json_read(std::string_view text, const JsonLimits& limits, JsonTreeKey tree_key)
{
    JsonReadResult result;
    if (text.size() > limits.max_bytes) {
        char buf[160];
        snprintf(buf, sizeof(buf), "the file is %.1f MB; Parley opens files of up to %.0f MB", text.size() / 1048576.0, limits.max_bytes / 1048576.0);
        result.issues.push_back({JsonIssue::Limit, "", {}, buf});
        return result;
    }
    Reader(text, limits, tree_key, result).run();
    if (!result.issues.empty()) result.ok = false;   // duplicate keys
    return result;
}

JsonValue json_expand(const JsonValue& v)
{
    if (v.type != JsonValue::Raw) return v;
    JsonLimits limits;
    limits.max_bytes = v.text.size();   // it was read once already, within the limits
    JsonReadResult r = json_read(v.text, limits);
    if (!r.ok) return JsonValue{};      // cannot happen: the reader wrote this text
    r.root.pos = v.pos;                 // positions inside are of the compact text; the start is the file's
    return std::move(r.root);
}

void json_materialize(JsonValue& v)
{
    if (v.type == JsonValue::Raw) { v = json_expand(v); return; }
    for (JsonValue& i : v.items) json_materialize(i);
    bool runs = false;
    for (auto& m : v.members) {
        runs = runs || m.second.type == JsonValue::RawMembers;
        json_materialize(m.second);
    }
    if (!runs) return;
    JsonList<std::pair<std::string, JsonValue>> members;
    for (auto& m : v.members) {
        if (m.second.type != JsonValue::RawMembers) { members.push_back(std::move(m)); continue; }
        JsonValue run;
        run.type = JsonValue::Raw;
        run.text = "{" + m.second.text + "}";
        for (auto& inner : json_expand(run).members) members.push_back(std::move(inner));
    }
    v.members = std::move(members);
}

} // namespace parley
