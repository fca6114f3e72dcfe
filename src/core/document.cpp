#include "document.h"

namespace parley {

// Each enum's names as the file spells them. Index = enum value.
namespace {
const char* const kKindNames[] = {"proposal", "response", "workshop"};
const char* const kStatusNames[] = {"draft", "agreed", "submitted"};
const char* const kRoleNames[] = {"current", "proposed", "alternative"};
const char* const kPositionNames[] = {"", "agree", "partly_agree", "disagree", "no_view"};
const char* const kSignOffNames[] = {"", "agreed", "discuss", "objects"};
const char* const kValueTypeNames[] = {"text", "number", "range", "bound", "choice", "set", "yes_no"};

template <typename E, size_t N>
bool from_name(const char* const (&names)[N], const std::string& name, E* out, size_t first = 0)
{
    for (size_t i = first; i < N; i++)
        if (name == names[i]) { *out = (E)i; return true; }
    return false;
}
} // namespace

const char* kind_name(DocumentKind k)        { return kKindNames[(int)k]; }
const char* status_name(DocumentStatus s)    { return kStatusNames[(int)s]; }
const char* role_name(RegimeRole r)          { return kRoleNames[(int)r]; }
const char* position_name(Position p)        { return kPositionNames[(int)p]; }
const char* value_type_name(ValueType t)     { return kValueTypeNames[(int)t]; }
const char* signoff_name(SignOff s)          { return kSignOffNames[(int)s]; }

bool kind_from_name(const std::string& n, DocumentKind* out)       { return from_name(kKindNames, n, out); }
bool status_from_name(const std::string& n, DocumentStatus* out)   { return from_name(kStatusNames, n, out); }
bool role_from_name(const std::string& n, RegimeRole* out)         { return from_name(kRoleNames, n, out); }
bool position_from_name(const std::string& n, Position* out)       { return from_name(kPositionNames, n, out, 1); }
bool value_type_from_name(const std::string& n, ValueType* out)    { return from_name(kValueTypeNames, n, out); }
bool signoff_from_name(const std::string& n, SignOff* out)         { return from_name(kSignOffNames, n, out, 1); }

// A word is a run of characters that are not ASCII whitespace. Non-ASCII bytes (UTF-8
// continuation and lead bytes) always count as word characters, so "café" and "ŵyn" are
// one word each. Dashes standing alone ("a – b") count as a word, as most word processors do.
int count_words(const std::string& text)
{
    int words = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (!space && !in_word) words++;
        in_word = !space;
    }
    return words;
}

// Walks the draft's declared fields; lists flagged as history or asides (comments) are not its text.
template <typename T, typename F>
static bool VisitText(const T& obj, F& fn)
{
    bool go = true;
    for_each_field(obj, [&](const Field& f, const auto& m) {
        using M = std::remove_const_t<std::remove_reference_t<decltype(m)>>;
        if (!go) return;
        if constexpr (std::is_same_v<M, std::string>) {
            if (f.words()) go = fn(m);
        } else if constexpr (std::is_same_v<M, Value>) {
            if (m.type == ValueType::Text) go = fn(m.text);
        } else if constexpr (is_object_list_v<M>) {
            if (f.is(FieldHistory | FieldAside)) return;
            for (const auto& item : m)
                if (go) go = VisitText(item, fn);
        } else if constexpr (is_described_v<M>) {
            go = VisitText(m, fn);
        }
    });
    return go;
}

bool visit_draft_text(const Document& d, const std::function<bool(const std::string&)>& fn)
{
    return VisitText(d, fn);
}

int count_document_words(const Document& d)
{
    int n = 0;
    visit_draft_text(d, [&n](const std::string& text) { n += count_words(text); return true; });
    return n;
}

bool document_has_words(const Document& d)
{
    // A word is anything but blanks: stop at the first one rather than count them (the shell
    // asks every frame, and a field can hold megabytes).
    return !visit_draft_text(d, [](const std::string& text) { return text.find_first_not_of(" \t\n\r\f\v") == std::string::npos; });
}

std::string join_names(const std::vector<std::string>& names, const char* separator)
{
    std::string s;
    for (const std::string& n : names)
        if (!n.empty()) s += (s.empty() ? "" : separator) + n;
    return s;
}

std::string organisation_name(const Organisation& o) { return o.short_name.empty() ? o.name : o.short_name; }

std::string organisation_full_name(const Organisation& o)
{
    if (!o.name.empty()) return o.name;
    return o.short_name.empty() ? "Unnamed organisation" : o.short_name;
}

std::string organisation_name(const Document& doc, const std::string& id)
{
    const Organisation* o = find_by_id(doc.organisations, id);
    return o ? organisation_name(*o) : id;
}

std::string question_label(const Document& doc, int question_index)
{
    const Question& q = doc.questions[(size_t)question_index];
    return "Question " + (q.number.empty() ? std::to_string(question_index + 1) : q.number);
}

std::string regime_name(const Regime& r) { return r.name.empty() ? kUntitledRegime : r.name; }

std::string regime_name(const Document& doc, const std::string& id)
{
    const Regime* r = find_by_id(doc.regimes, id);
    return r ? regime_name(*r) : id;
}

// splitmix64: small, fast, and good enough for ids that only need to be unlikely to collide.
std::string IdGenerator::next(const char* prefix)
{
    static const char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";   // no l/o/0/1: read aloud safely
    state += 0x9E3779B97F4A7C15ull;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    std::string id = prefix;
    id += '-';
    for (int i = 0; i < 12; i++) { id += kAlphabet[z & 31]; z >>= 5; }
    return id;
}

bool is_valid_id(const std::string& id)
{
    if (id.empty() || id.size() > 64) return false;
    for (size_t i = 0; i < id.size(); i++) {
        const char c = id[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
    }
    return true;
}

const Revision& record_revision(Document& doc, IdGenerator& ids, const std::string& organisation,
                                const std::string& author, const std::string& utc_time, const std::string& note)
{
    Revision r;
    r.id = ids.next("rev");
    r.parent = doc.revisions.empty() ? std::string() : doc.revisions.back().id;
    r.organisation = organisation;
    r.author = author;
    r.time = utc_time;
    r.note = note;
    doc.revisions.push_back(std::move(r));
    return doc.revisions.back();
}

} // namespace parley
