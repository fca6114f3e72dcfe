// The history a file carries (revision_changes.h): recording what a revision changed, and
// undoing revisions to rebuild an earlier one.
//
// Index of this file
//   Recording ........... two versions, member by member, lists by key, text word by word
//   Applying ............ one change at a time, through paths (paths.h)
//   Revisions ........... heads, ancestors, rebuilding, the shared original, trimming
#include "revision_changes.h"

#include "document_json.h"
#include "paths.h"
#include "sameness.h"
#include "word_diff.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace parley {

namespace {

template <typename M> using Plain = std::remove_const_t<std::remove_reference_t<M>>;

constexpr size_t kWordEditsFrom = 160;   // shorter texts are kept whole: as small, and readable

JsonValue Text(std::string s)
{
    JsonValue v;
    v.type = JsonValue::String;
    v.text = std::move(s);
    return v;
}

JsonValue Number(size_t n)
{
    JsonValue v;
    v.type = JsonValue::Number;
    v.number = (double)n;
    v.is_integer = true;
    v.integer = (long long)n;
    v.text = std::to_string(n);
    return v;
}

// ---------------------------------------------------------------------------------------------
// Recording

struct Recorder {
    std::vector<RevisionChange>& out;
    void Add(std::string at, JsonValue was, std::string after = "")
    {
        RevisionChange c;
        c.at = std::move(at);
        c.after = std::move(after);
        c.was = std::move(was);
        out.push_back(std::move(c));
    }
};

// [[start, length, "older words"], ...] over `newer`: what to put where to get `older` back.
JsonValue WordEdits(const std::string& newer, const std::string& older)
{
    DiffOptions options;
    options.find_moves = false;
    const TextDiff d = diff_text(newer, older, options);
    JsonValue edits;
    edits.type = JsonValue::Array;
    size_t i = 0;
    while (i < d.pieces.size()) {
        if (d.pieces[i].op == DiffOp::Equal) { i++; continue; }
        const size_t start = d.pieces[i].a_begin;
        size_t end = start;
        std::string text;
        for (; i < d.pieces.size() && d.pieces[i].op != DiffOp::Equal; i++) {
            const DiffPiece& p = d.pieces[i];
            if (p.op == DiffOp::Delete) end = p.a_end;
            else text.append(older, p.b_begin, p.b_end - p.b_begin);
        }
        JsonValue e;
        e.type = JsonValue::Array;
        e.items.push_back(Number(start));
        e.items.push_back(Number(end - start));
        e.items.push_back(Text(std::move(text)));
        edits.items.push_back(std::move(e));
    }
    return edits;
}

template <typename T> void RecordObject(Recorder& r, const std::string& path, const T& n, const T& o);

template <typename E>
void RecordList(Recorder& r, const std::string& path, const std::vector<E>& n, const std::vector<E>& o)
{
    std::unordered_map<std::string, size_t> in_n, in_o;
    for (size_t i = 0; i < n.size(); i++) in_n.emplace(element_key(n[i]), i);
    for (size_t i = 0; i < o.size(); i++) in_o.emplace(element_key(o[i]), i);
    if (in_n.size() != n.size() || in_o.size() != o.size()) return;   // keys repeat: never in a document that was read
    for (const E& e : n)
        if (!in_o.count(element_key(e))) r.Add(path_join(path, element_key(e)), JsonValue{});
    std::string before;
    for (const E& e : o) {
        const std::string k = element_key(e);
        if (!in_n.count(k)) r.Add(path_join(path, k), member_to_json(e), before);
        before = k;
    }
    std::vector<std::string> order_n, order_o;
    for (const E& e : n) {
        const std::string k = element_key(e);
        auto it = in_o.find(k);
        if (it == in_o.end()) continue;
        order_n.push_back(k);
        RecordObject(r, path_join(path, k), e, o[it->second]);
    }
    for (const E& e : o)
        if (in_n.count(element_key(e))) order_o.push_back(element_key(e));
    if (order_n != order_o) {
        JsonValue keys;
        keys.type = JsonValue::Array;
        for (const E& e : o) keys.items.push_back(Text(element_key(e)));
        r.Add(path, std::move(keys));
    }
}

template <typename M>
void RecordMember(Recorder& r, const Field& f, const std::string& path, const M& n, const M& o)
{
    if constexpr (is_object_list_v<M>) {
        RecordList(r, path, n, o);
    } else if constexpr (is_described_v<M>) {
        RecordObject(r, path, n, o);
    } else {
        if (Same(n, o)) return;
        if constexpr (std::is_same_v<M, std::string>) {
            if (f.is(FieldProse) && n.size() + o.size() >= kWordEditsFrom) {
                RevisionChange c;
                c.at = path;
                c.edits = WordEdits(n, o);
                r.out.push_back(std::move(c));
                return;
            }
        }
        r.Add(path, member_to_json(o));
    }
}

const JsonValue* Find(const std::vector<JsonMember>& e, const std::string& name)
{
    for (const auto& m : e)
        if (m.first == name) return &m.second;
    return nullptr;
}

template <typename T>
void RecordObject(Recorder& r, const std::string& path, const T& n, const T& o)
{
    for_each_field_pair(n, o, [&](const Field& f, const auto& mn, const auto& mo) {
        if constexpr (std::is_same_v<T, Document>)
            if (f.is(FieldHistory)) return;   // revisions and an open merge are not content
        RecordMember(r, f, path_join(path, f.name), mn, mo);
    });
    if (Same(n.extra, o.extra)) return;
    const std::vector<JsonMember> now_extra = n.extra.list(), old_extra = o.extra.list();
    for (const auto& m : now_extra)
        if (!Find(old_extra, m.first)) r.Add(path_join(path, json_pointer_escape(m.first)), JsonValue{});
    for (const auto& m : old_extra) {
        const JsonValue* now = Find(now_extra, m.first);
        if (!now || !Same(*now, m.second)) r.Add(path_join(path, json_pointer_escape(m.first)), m.second);
    }
}

// ---------------------------------------------------------------------------------------------
// Applying

bool IsBoundary(const std::string& s, size_t at) { return at >= s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80; }

std::unordered_map<std::string, size_t> RevisionIndex(const Document& doc)
{
    std::unordered_map<std::string, size_t> at;
    for (size_t i = 0; i < doc.revisions.size(); i++) at.emplace(doc.revisions[i].id, i);
    return at;
}


// The head and the revisions its content can be rebuilt as, newest first: back along the
// parents while each revision has kept its changes.
std::vector<std::string> Rebuildable(const Document& doc)
{
    const auto at = RevisionIndex(doc);
    std::vector<std::string> chain;
    std::unordered_set<std::string> seen;
    std::string id = head_revision(doc);
    while (!id.empty() && seen.insert(id).second) {
        chain.push_back(id);
        auto it = at.find(id);
        if (it == at.end()) break;
        const Revision& r = doc.revisions[it->second];
        if (!r.kept) break;
        id = r.parent;
    }
    return chain;
}

} // namespace

std::unordered_set<std::string> revision_ancestors(const Document& doc, const std::string& head)
{
    const auto at = RevisionIndex(doc);
    std::unordered_set<std::string> seen;
    std::vector<std::string> todo{head};
    while (!todo.empty()) {
        const std::string id = todo.back();
        todo.pop_back();
        auto it = at.find(id);
        if (id.empty() || it == at.end() || !seen.insert(id).second) continue;
        const Revision& r = doc.revisions[it->second];
        todo.push_back(r.parent);
        todo.push_back(r.merged);
    }
    return seen;
}

bool apply_word_edits(std::string& text, const JsonValue& edits, std::string* error)
{
    auto fail = [&](const char* why) { if (error) *error = why; return false; };
    if (edits.type != JsonValue::Array) return fail("the word changes are not a list");
    std::string out;
    out.reserve(text.size());
    size_t at = 0;
    for (const JsonValue& e : edits.items) {
        if (e.type != JsonValue::Array || e.items.size() != 3 || !e.items[0].is_integer || !e.items[1].is_integer || e.items[2].type != JsonValue::String)
            return fail("a word change is not [start, length, \"words\"]");
        const long long start = e.items[0].integer, length = e.items[1].integer;
        if (start < (long long)at || length < 0 || start > (long long)text.size() || length > (long long)text.size() - start)
            return fail("a word change points outside the text it changes");
        if (!IsBoundary(text, (size_t)start) || !IsBoundary(text, (size_t)(start + length)))
            return fail("a word change cuts a character in two");
        out.append(text, at, (size_t)start - at);
        out += e.items[2].text;
        at = (size_t)(start + length);
    }
    out.append(text, at, std::string::npos);
    text = std::move(out);
    return true;
}

std::vector<RevisionChange> changes_between(const Document& newer, const Document& older)
{
    std::vector<RevisionChange> out;
    Recorder r{out};
    RecordObject(r, "", newer, older);
    return out;
}

bool apply_changes(Document& doc, const std::vector<RevisionChange>& changes, std::string* error)
{
    for (const RevisionChange& c : changes) {
        std::string why;
        if (c.edits.type != JsonValue::Null) {
            std::string* text = path_text(doc, c.at);
            if (!text) why = "\"" + c.at + "\" is not a text in this document";
            else apply_word_edits(*text, c.edits, &why);
        } else {
            path_set(doc, c.at, c.was, c.after, &why);
        }
        if (!why.empty()) {
            if (error) *error = c.at + ": " + why;
            return false;
        }
    }
    return true;
}

const Revision& record_revision_with_changes(Document& doc, const Document& saved, IdGenerator& ids, const std::string& organisation,
                                             const std::string& author, const std::string& utc_time, const std::string& note)
{
    std::vector<RevisionChange> changes = doc.revisions.empty() ? std::vector<RevisionChange>{} : changes_between(doc, saved);
    Revision& r = const_cast<Revision&>(record_revision(doc, ids, organisation, author, utc_time, note));
    r.changes = std::move(changes);
    r.kept = !r.parent.empty();
    return r;
}

std::string head_revision(const Document& doc) { return doc.revisions.empty() ? std::string() : doc.revisions.back().id; }

bool revision_is_ancestor(const Document& doc, const std::string& id, const std::string& head)
{
    return !id.empty() && revision_ancestors(doc, head).count(id) > 0;
}

namespace {

// Elements in every list of objects, all the way down: what one change's lookup and insertion
// may have to pass over.
template <typename T> size_t Elements(const T& obj)
{
    size_t n = 0;
    for_each_field(obj, [&](const Field&, const auto& m) {
        using M = Plain<decltype(m)>;
        if constexpr (is_object_list_v<M>) {
            n += m.size();
            for (const auto& e : m) n += Elements(e);
        } else if constexpr (is_described_v<M>) {
            n += Elements(m);
        }
    });
    return n;
}

} // namespace

bool rebuild_revision(const Document& doc, const std::string& id, Document* out, std::string* error)
{
    const auto at = RevisionIndex(doc);
    if (!at.count(id)) { if (error) *error = "this file has no revision \"" + id + "\""; return false; }
    // A change finds its element by a search of its list and may insert into the middle of it,
    // so replaying costs up to changes x elements. Files Parley writes keep that small (a record
    // per save); a made-up one of 50,000 changes to a list of 50,000 would take minutes. Past
    // the budget the original is not rebuilt, and the merge goes on without it (it asks).
    constexpr double kReplayBudget = 5e7;   // about a quarter of a second natively
    double work = 0;
    size_t elements = Elements(doc);
    Document content = doc;
    std::unordered_set<std::string> seen;
    std::string now = head_revision(doc);
    while (now != id) {
        auto it = at.find(now);
        if (now.empty() || it == at.end() || !seen.insert(now).second) {
            if (error) *error = "revision \"" + id + "\" is not one this file's content grew from";
            return false;
        }
        const Revision& r = doc.revisions[it->second];
        if (!r.kept) {
            if (error) *error = "the revision saved " + r.time + " did not keep its changes, so earlier revisions cannot be rebuilt";
            return false;
        }
        work += (double)r.changes.size() * (double)(elements + 1);
        elements += r.changes.size();   // each change adds at most one element
        if (work > kReplayBudget) {
            if (error) *error = "the revisions to replay hold too many changes for a draft this size, so the original cannot be rebuilt";
            return false;
        }
        std::string why;
        if (!apply_changes(content, r.changes, &why)) {
            if (error) *error = "the changes of the revision saved " + r.time + " do not fit: " + why;
            return false;
        }
        now = r.parent;
    }
    *out = std::move(content);
    return true;
}

bool find_shared_original(const Document& ours, const Document& theirs, SharedOriginal* out)
{
    const std::string ours_head = head_revision(ours), theirs_head = head_revision(theirs);
    if (ours_head.empty() || theirs_head.empty()) return false;
    const std::unordered_set<std::string> ours_all = revision_ancestors(ours, ours_head), theirs_all = revision_ancestors(theirs, theirs_head);
    // The newest shared revision each copy can rebuild; of the two, the one that grew from the other.
    std::string from_ours, from_theirs;
    for (const std::string& id : Rebuildable(ours))
        if (theirs_all.count(id)) { from_ours = id; break; }
    for (const std::string& id : Rebuildable(theirs))
        if (ours_all.count(id)) { from_theirs = id; break; }
    const Document* source = nullptr;
    if (!from_ours.empty() && (from_theirs.empty() || from_ours == from_theirs || revision_is_ancestor(ours, from_theirs, from_ours)))
        { source = &ours; out->revision = from_ours; }
    else if (!from_theirs.empty())
        { source = &theirs; out->revision = from_theirs; }
    if (!source) return false;
    std::string why;
    return rebuild_revision(*source, out->revision, &out->content, &why);
}

const Revision* last_change_to(const Document& doc, const std::string& path, const std::string& stop)
{
    auto related = [&](const std::string& at) {   // the same, or one holds the other
        const size_t n = std::min(at.size(), path.size());
        return at.compare(0, n, path, 0, n) == 0 && (at.size() == path.size() || (at.size() > n ? at[n] : path[n]) == '/');
    };
    const auto at = RevisionIndex(doc);
    std::unordered_set<std::string> seen;
    std::string id = head_revision(doc);
    while (!id.empty() && id != stop && seen.insert(id).second) {
        auto it = at.find(id);
        if (it == at.end()) return nullptr;
        const Revision& r = doc.revisions[it->second];
        if (!r.kept) return nullptr;
        for (const RevisionChange& c : r.changes)
            if (related(c.at)) return &r;
        id = r.parent;
    }
    return nullptr;
}

size_t trim_history(Document& doc, const std::string& keep_from)
{
    // The revisions from the head back to keep_from keep their changes; the others drop them.
    std::unordered_set<std::string> keep;
    const auto at = RevisionIndex(doc);
    std::string id = head_revision(doc);
    while (!id.empty() && id != keep_from && keep.insert(id).second) {
        auto it = at.find(id);
        if (it == at.end()) break;
        id = doc.revisions[it->second].parent;
    }
    size_t dropped = 0;
    for (Revision& r : doc.revisions) {
        if (keep.count(r.id)) continue;
        for (const RevisionChange& c : r.changes) dropped += c.at.size() + c.after.size() + c.was.text.size() + 16;   // roughly: text is most of it
        r.changes.clear();
        r.kept = false;
    }
    return dropped;
}

} // namespace parley
