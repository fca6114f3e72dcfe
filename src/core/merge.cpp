// Three-way merge over the field declarations (merge.h). One walk over base, ours and theirs
// together, member by member; lists by key; leaves compared exactly (sameness.h).
//
// Index of this file
//   The merger ........... where conflicts and incoming changes are written down
//   Leaves ............... values, texts, prose
//   Lists ................ membership, then order
//   Objects .............. every declared member, then the unknown ones
//   Resolving ............ what a person decides
#include "merge.h"

#include "assert.h"
#include "document_json.h"
#include "paths.h"
#include "sameness.h"
#include "text_merge.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace parley {

namespace {

template <typename M> using Plain = std::remove_const_t<std::remove_reference_t<M>>;

// ---------------------------------------------------------------------------------------------
// The merger

struct Merger {
    std::vector<Conflict>& conflicts;
    std::vector<MergeChange>& incoming;
    bool no_base = false;   // no original: every difference is a choice for a person

    void Conflicting(const std::string& at, JsonValue base, JsonValue ours, JsonValue theirs, std::string after = "")
    {
        Conflict c;
        c.at = at;
        c.after = std::move(after);
        c.base = std::move(base);
        c.ours = std::move(ours);
        c.theirs = std::move(theirs);
        conflicts.push_back(std::move(c));
    }
    void Took(const std::string& at, MergeChange::Kind kind) { incoming.push_back({at, kind}); }
};

JsonValue Text(std::string s)
{
    JsonValue v;
    v.type = JsonValue::String;
    v.text = std::move(s);
    return v;
}

JsonValue Keys(const std::vector<std::string>& keys)
{
    JsonValue v;
    v.type = JsonValue::Array;
    for (const std::string& k : keys) v.items.push_back(Text(k));
    return v;
}

template <typename T> void MergeObject(Merger& g, const std::string& path, const T& b, const T& o, const T& t, T& out);
template <typename E> void MergeList(Merger& g, const std::string& path, const std::vector<E>& b, const std::vector<E>& o, const std::vector<E>& t, std::vector<E>& out);

// ---------------------------------------------------------------------------------------------
// Leaves

// `merged` with theirs' words in place of ours' at each collision the text merge found.
std::string WithTheirs(const TextMerge& m, std::string_view theirs)
{
    std::string s;
    size_t at = 0;
    for (const TextConflict& c : m.conflicts) {
        s.append(m.merged, at, c.merged_begin - at);
        s.append(theirs.substr(c.theirs_begin, c.theirs_end - c.theirs_begin));
        at = c.merged_end;
    }
    s.append(m.merged, at, std::string::npos);
    return s;
}

template <typename M>
void MergeLeaf(Merger& g, const Field& f, const std::string& path, const M& b, const M& o, const M& t, M& out)
{
    if (Same(o, t)) { out = o; return; }
    if (g.no_base) {
        out = o;
        g.Conflicting(path, JsonValue{}, member_to_json(o), member_to_json(t));
        return;
    }
    if (Same(o, b)) { out = t; g.Took(path, MergeChange::Changed); return; }
    if (Same(t, b)) { out = o; return; }
    if constexpr (std::is_same_v<M, std::string>) {
        if (f.is(FieldProse)) {
            TextMerge m = merge_text(b, o, t);
            if (m.merged != o) g.Took(path, MergeChange::Changed);
            if (m.clean()) { out = std::move(m.merged); return; }
            std::string theirs = WithTheirs(m, t);
            out = m.merged;
            g.Conflicting(path, Text(b), Text(std::move(m.merged)), Text(std::move(theirs)));
            return;
        }
    }
    out = o;
    g.Conflicting(path, member_to_json(b), member_to_json(o), member_to_json(t));
}

// ---------------------------------------------------------------------------------------------
// Lists

const std::string& KeyOf(const std::string& s) { return s; }
template <typename E> std::string KeyOf(const E& e) { return element_key(e); }

template <typename E> std::vector<std::string> KeysOf(const std::vector<E>& list)
{
    std::vector<std::string> keys;
    keys.reserve(list.size());
    for (const E& e : list) keys.push_back(KeyOf(e));
    return keys;
}

using KeyIndex = std::unordered_map<std::string, size_t>;

bool Index(const std::vector<std::string>& keys, KeyIndex* index)   // false: a key repeats
{
    index->reserve(keys.size());
    for (size_t i = 0; i < keys.size(); i++)
        if (!index->emplace(keys[i], i).second) return false;
    return true;
}

// True when the keys `a` and `b` both hold (and `also` holds) come in the same order in both.
bool SameOrder(const std::vector<std::string>& a, const KeyIndex& in_a, const std::vector<std::string>& b, const KeyIndex& in_b, const KeyIndex& also)
{
    size_t j = 0;
    for (const std::string& k : a) {
        if (!in_b.count(k) || !also.count(k)) continue;
        while (j < b.size() && (!in_a.count(b[j]) || !also.count(b[j]))) j++;
        if (j == b.size() || b[j] != k) return false;
        j++;
    }
    return true;
}

// The merged order: `primary`'s keys that are kept, and each kept key `primary` lacks after the
// key it follows in `secondary`. Where both sides put new elements after the same key, the run
// whose first key sorts first goes first, so merging copies in any order gives one order.
std::vector<std::string> Arrange(const std::vector<std::string>& primary, const std::vector<std::string>& secondary,
                                 const std::unordered_set<std::string>& kept, const KeyIndex& in_base, const KeyIndex& in_secondary)
{
    std::unordered_set<std::string> placed;
    std::vector<std::string> spine;
    for (const std::string& k : primary)
        if (kept.count(k)) { spine.push_back(k); placed.insert(k); }
    // Runs of secondary's keys that primary lacks, by the key they follow ("" = the start).
    std::unordered_map<std::string, std::vector<std::string>> runs;
    std::string anchor;
    for (const std::string& k : secondary) {
        if (placed.count(k)) { anchor = k; continue; }
        if (kept.count(k)) runs[anchor].push_back(k);
    }
    if (runs.empty()) return spine;
    auto is_new = [&](const std::string& k) { return !in_base.count(k) && !in_secondary.count(k); };
    std::vector<std::string> out;
    out.reserve(kept.size());
    size_t i = 0;
    auto emit_after = [&](const std::string& at) {
        auto it = runs.find(at);
        if (it == runs.end()) return;
        // primary's own new elements right here and secondary's, merged by key one element at
        // a time (each side's own order kept), so that merging three copies in any order puts
        // what each added in one same order
        size_t end = i;
        while (end < spine.size() && is_new(spine[end])) end++;
        const std::vector<std::string>& run = it->second;
        size_t r = 0;
        while (i < end && r < run.size()) out.push_back(spine[i] < run[r] ? spine[i++] : run[r++]);
        out.insert(out.end(), spine.begin() + (long)i, spine.begin() + (long)end);
        i = end;
        out.insert(out.end(), run.begin() + (long)r, run.end());
    };
    emit_after("");
    while (i < spine.size()) {
        const std::string k = spine[i++];
        out.push_back(k);
        emit_after(k);
    }
    return out;
}

template <typename E> JsonValue ElementJson(const E& e)
{
    if constexpr (std::is_same_v<E, std::string>) return Text(e);
    else return member_to_json(e);
}

template <typename E>
void MergeList(Merger& g, const std::string& path, const std::vector<E>& b, const std::vector<E>& o, const std::vector<E>& t, std::vector<E>& out)
{
    if (Same(o, t)) { out = o; return; }   // most lists: nothing to line up, nothing came in
    if constexpr (std::is_same_v<E, std::string>) {
        if (g.no_base) {   // a list of texts with no original: one choice over the whole list (its items have no paths)
            out = o;
            if (!Same(o, t)) g.Conflicting(path, JsonValue{}, Keys(o), Keys(t));
            return;
        }
    }
    const std::vector<std::string> kb = KeysOf(b), ko = KeysOf(o), kt = KeysOf(t);
    KeyIndex ib, io, it;
    if (!Index(kb, &ib) || !Index(ko, &io) || !Index(kt, &it)) {
        // Elements that cannot be told apart (none of the file's own lists): the list as one value.
        if (Same(o, t) || Same(t, b)) { out = o; return; }
        if (Same(o, b)) { out = t; g.Took(path, MergeChange::Changed); return; }
        JsonValue jb, jo, jt;
        jb.type = jo.type = jt.type = JsonValue::Array;
        for (const E& e : b) jb.items.push_back(ElementJson(e));
        for (const E& e : o) jo.items.push_back(ElementJson(e));
        for (const E& e : t) jt.items.push_back(ElementJson(e));
        out = o;
        g.Conflicting(path, std::move(jb), std::move(jo), std::move(jt));
        return;
    }

    // Membership, and each element both keep merged member by member.
    std::unordered_map<std::string, E> merged;
    std::unordered_set<std::string> kept;
    for (size_t i = 0; i < o.size(); i++) {
        const std::string& k = ko[i];
        const auto in_t = it.find(k);
        const auto in_b = ib.find(k);
        if (in_t != it.end()) {
            E m{};
            if constexpr (std::is_same_v<E, std::string>) m = o[i];
            else MergeObject(g, path_join(path, k), in_b != ib.end() ? b[in_b->second] : E{}, o[i], t[in_t->second], m);
            merged.emplace(k, std::move(m));
            kept.insert(k);
        } else if (in_b == ib.end()) {   // ours added it
            merged.emplace(k, o[i]);
            kept.insert(k);
            if (g.no_base) g.Conflicting(path_join(path, k), JsonValue{}, ElementJson(o[i]), JsonValue{});
        } else if (Same(o[i], b[in_b->second])) {   // theirs removed it, ours left it alone
            g.Took(path_join(path, k), MergeChange::Removed);
        } else {   // theirs removed what ours edited: ours stays until someone decides
            merged.emplace(k, o[i]);
            kept.insert(k);
            g.Conflicting(path_join(path, k), ElementJson(b[in_b->second]), ElementJson(o[i]), JsonValue{});
        }
    }
    for (size_t i = 0; i < t.size(); i++) {
        const std::string& k = kt[i];
        if (io.count(k)) continue;
        const auto in_b = ib.find(k);
        if (g.no_base) {
            g.Conflicting(path_join(path, k), JsonValue{}, JsonValue{}, ElementJson(t[i]), i ? kt[i - 1] : "");
        } else if (in_b == ib.end()) {   // theirs added it
            merged.emplace(k, t[i]);
            kept.insert(k);
            g.Took(path_join(path, k), MergeChange::Added);
        } else if (!Same(t[i], b[in_b->second])) {   // ours removed what theirs edited
            g.Conflicting(path_join(path, k), ElementJson(b[in_b->second]), JsonValue{}, ElementJson(t[i]), i ? kt[i - 1] : "");
        }
    }

    // Order: a side that moved elements keeps its order; both moving them differently collide.
    const bool ours_moved = !SameOrder(kb, ib, ko, io, ib);
    const bool theirs_moved = !SameOrder(kb, ib, kt, it, ib);
    bool theirs_first = false;
    if (theirs_moved && !ours_moved) {
        theirs_first = true;
        g.Took(path, MergeChange::Moved);
    } else if (theirs_moved && ours_moved && !SameOrder(ko, io, kt, it, io)) {
        g.Conflicting(path, Keys(kb), Keys(ko), Keys(kt));
    } else if (g.no_base && !SameOrder(ko, io, kt, it, io)) {   // with no original, another order is a difference too
        g.Conflicting(path, JsonValue{}, Keys(ko), Keys(kt));
    }
    const std::vector<std::string> order = theirs_first ? Arrange(kt, ko, kept, ib, io) : Arrange(ko, kt, kept, ib, it);
    PARLEY_ASSERT(order.size() == kept.size());
    out.clear();
    out.reserve(order.size());
    for (const std::string& k : order) out.push_back(std::move(merged[k]));
}

// ---------------------------------------------------------------------------------------------
// Objects

template <typename T, typename F> struct FourVisitor {
    const T& b;
    const T& o;
    const T& t;
    T& out;
    F& fn;
    template <typename M> void operator()(M T::*member, const Field& f) { fn(f, b.*member, o.*member, t.*member, out.*member); }
};

template <typename M>
void MergeMember(Merger& g, const Field& f, const std::string& path, const M& b, const M& o, const M& t, M& out)
{
    if constexpr (is_object_list_v<M> || std::is_same_v<M, std::vector<std::string>>) MergeList(g, path, b, o, t, out);
    else if constexpr (is_described_v<M>) MergeObject(g, path, b, o, t, out);
    else MergeLeaf(g, f, path, b, o, t, out);
}

const JsonValue* Find(const std::vector<JsonMember>& e, const std::string& name)
{
    for (const auto& m : e)
        if (m.first == name) return &m.second;
    return nullptr;
}

// Members this version does not know, one by one: whole values, in ours' order then theirs' new.
void MergeExtra(Merger& g, const std::string& path, const ExtraMembers& eb, const ExtraMembers& eo, const ExtraMembers& et, ExtraMembers& out)
{
    if (Same(eo, et)) { out = eo; return; }
    const std::vector<JsonMember> b = eb.list(), o = eo.list(), t = et.list();
    const JsonValue none;
    auto merge_one = [&](const std::string& name) {
        const JsonValue* pb = Find(b, name);
        const JsonValue* po = Find(o, name);
        const JsonValue* pt = Find(t, name);
        const JsonValue& vb = pb ? *pb : none;
        const JsonValue& vo = po ? *po : none;
        const JsonValue& vt = pt ? *pt : none;
        JsonValue v = vo;
        const std::string at = path_join(path, json_pointer_escape(name));
        if (Same(vo, vt) || (!g.no_base && Same(vt, vb))) v = vo;
        else if (g.no_base) g.Conflicting(at, JsonValue{}, vo, vt);
        else if (Same(vo, vb)) { v = vt; g.Took(at, MergeChange::Changed); }
        else g.Conflicting(at, vb, vo, vt);
        if (v.type != JsonValue::Null) out.add(name, v);
    };
    out.clear();
    for (const auto& m : o) merge_one(m.first);
    for (const auto& m : t)
        if (!Find(o, m.first)) merge_one(m.first);
}

// Both copies' revisions, each once: the ones they share are the original of this list.
void UniteRevisions(Merger& g, const std::string& path, const std::vector<Revision>& o, const std::vector<Revision>& t, std::vector<Revision>& out)
{
    std::unordered_set<std::string> in_t;
    for (const Revision& r : t) in_t.insert(r.id);
    std::vector<Revision> shared;
    for (const Revision& r : o)
        if (in_t.count(r.id)) shared.push_back(r);
    std::vector<MergeChange> not_content;   // history is not a change a person reviews
    Merger history{g.conflicts, not_content};
    MergeList(history, path, shared, o, t, out);
}

template <typename T>
void MergeObject(Merger& g, const std::string& path, const T& b, const T& o, const T& t, T& out)
{
    auto fn = [&](const Field& f, const auto& mb, const auto& mo, const auto& mt, auto& mout) {
        using M = Plain<decltype(mb)>;
        const std::string at = path_join(path, f.name);
        if constexpr (std::is_same_v<T, Document>) {
            // History is not content: both copies' revisions, ours' open merge (there is none).
            if constexpr (std::is_same_v<M, std::vector<Revision>>) { UniteRevisions(g, at, mo, mt, mout); return; }
            if constexpr (std::is_same_v<M, PendingMerge>) { mout = mo; return; }
        }
        MergeMember(g, f, at, mb, mo, mt, mout);
    };
    FourVisitor<T, decltype(fn)> v{b, o, t, out, fn};
    describe(v, (const T*)nullptr);
    MergeExtra(g, path, b.extra, o.extra, t.extra, out.extra);
}

// An element one side removed that the merged draft still refers to (ours edited an answer
// theirs removed with its question; theirs commented on a section ours removed) cannot go
// without leaving a reference to nothing: it is put back, and the removal is a conflict.
const Conflict* FindConflict(const std::vector<Conflict>& conflicts, const std::string& at)
{
    for (const Conflict& c : conflicts)
        if (c.at == at) return &c;
    return nullptr;
}

void KeepWhatIsReferenced(Merger& g, const Document& base, const Document& ours, const Document& theirs, Document& out)
{
    for (int round = 0; round < 16; round++) {   // a put-back element may refer on in turn
        std::unordered_set<std::string> present;
        std::vector<std::string> refs;
        walk_objects(out, [&](const auto& obj, const Field*) {
            using T = Plain<decltype(obj)>;
            if constexpr (has_id_v<T>) present.insert(obj.id);
            for_each_field(obj, [&](const Field& f, const auto& m) {
                using M = Plain<decltype(m)>;
                if ((f.text_kind != TextKind::Ref && f.text_kind != TextKind::AnyRef) || f.is(FieldMayDangle)) return;
                if constexpr (std::is_same_v<M, std::string>) { if (!m.empty()) refs.push_back(m); }
                else if constexpr (std::is_same_v<M, std::vector<std::string>>) refs.insert(refs.end(), m.begin(), m.end());
            });
            return true;
        });
        // What theirs would put back if a person takes it must find what it refers to as well.
        for (const Conflict& c : g.conflicts)
            if (c.ours.type == JsonValue::Null && c.theirs.type == JsonValue::Object) {
                const std::vector<std::string> more = references_within(theirs, c.at);
                refs.insert(refs.end(), more.begin(), more.end());
            }
        bool put_back = false;
        std::unordered_set<std::string> tried;
        for (const std::string& id : refs) {
            if (present.count(id) || !tried.insert(id).second) continue;
            const Document* from = nullptr;
            std::string at;
            for (const Document* side : {&ours, &theirs, &base})
                if (!from && !(at = path_of_id(*side, id)).empty()) from = side;
            if (!from) continue;
            JsonValue element;
            path_get(*from, at, &element);
            // After the element it followed there.
            JsonValue order;
            const size_t slash = at.rfind('/');
            std::string after;
            if (slash != std::string::npos && path_get(*from, at.substr(0, slash), &order))
                for (size_t i = 1; i < order.items.size(); i++)
                    if (order.items[i].text == at.substr(slash + 1)) after = order.items[i - 1].text;
            std::string why;
            if (!path_set(out, at, element, after, &why)) continue;
            put_back = true;
            if (FindConflict(g.conflicts, at)) continue;
            JsonValue b, o, t;
            path_get(base, at, &b);
            path_get(ours, at, &o);
            path_get(theirs, at, &t);
            g.Conflicting(at, b, o, t, after);
        }
        if (!put_back) return;
    }
}

} // namespace

MergeResult merge_documents(const Document& base, const Document& ours, const Document& theirs)
{
    MergeResult r;
    std::vector<Conflict> conflicts;
    Merger g{conflicts, r.incoming};
    MergeObject(g, "", base, ours, theirs, r.doc);
    KeepWhatIsReferenced(g, base, ours, theirs, r.doc);
    r.doc.merge.conflicts = std::move(conflicts);
    return r;
}

MergeResult merge_without_base(const Document& ours, const Document& theirs)
{
    MergeResult r;
    std::vector<Conflict> conflicts;
    Merger g{conflicts, r.incoming, true};
    MergeObject(g, "", Document{}, ours, theirs, r.doc);
    KeepWhatIsReferenced(g, Document{}, ours, theirs, r.doc);
    r.doc.merge.conflicts = std::move(conflicts);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Resolving

// Where the sentence holding byte `at` starts, and where the one holding byte `end - 1` ends
// (its full stop included): "take both" gives whole sentences, not word confetti.
size_t SentenceStart(std::string_view s, size_t at)
{
    while (at > 0) {
        const char c = s[at - 1];
        if (c == '\n' || (at >= 2 && c == ' ' && (s[at - 2] == '.' || s[at - 2] == '!' || s[at - 2] == '?'))) break;
        at--;
    }
    return at;
}

size_t SentenceEnd(std::string_view s, size_t end)
{
    if (end > 0 && end <= s.size() && (s[end - 1] == '.' || s[end - 1] == '!' || s[end - 1] == '?')) return end;
    while (end < s.size() && s[end] != '\n') {
        const char c = s[end++];
        if (c == '.' || c == '!' || c == '?') break;
    }
    return end;
}

std::string merge_text_both(const std::string& base, const std::string& ours, const std::string& theirs)
{
    const TextMerge m = merge_text(base, ours, theirs);
    std::string s;
    size_t at = 0;
    for (size_t i = 0; i < m.conflicts.size();) {
        // The sentences the conflict is in; conflicts in the same sentences go together.
        size_t ours_begin = SentenceStart(m.merged, m.conflicts[i].merged_begin), ours_end = SentenceEnd(m.merged, m.conflicts[i].merged_end);
        size_t theirs_begin = SentenceStart(theirs, m.conflicts[i].theirs_begin), theirs_end = SentenceEnd(theirs, m.conflicts[i].theirs_end);
        for (i++; i < m.conflicts.size() && m.conflicts[i].merged_begin < ours_end; i++) {
            ours_end = std::max(ours_end, SentenceEnd(m.merged, m.conflicts[i].merged_end));
            theirs_end = std::max(theirs_end, SentenceEnd(theirs, m.conflicts[i].theirs_end));
        }
        ours_begin = std::max(ours_begin, at);
        s.append(m.merged, at, ours_end - at);   // up to and with ours' sentences
        const std::string_view words = std::string_view(theirs).substr(theirs_begin, theirs_end - theirs_begin);
        if (!s.empty() && !words.empty() && s.back() != ' ' && s.back() != '\n' && words.front() != ' ') s += ' ';
        s.append(words);
        at = ours_end;
    }
    s.append(m.merged, at, std::string::npos);
    return s;
}

bool merge_resolve(Document& doc, size_t index, Resolution how, const JsonValue& edited, std::string* error)
{
    if (index >= doc.merge.conflicts.size()) {
        if (error) *error = "there is no such conflict";
        return false;
    }
    const Conflict c = doc.merge.conflicts[index];
    JsonValue value;
    switch (how) {
    case Resolution::Ours: value = c.ours; break;
    case Resolution::Theirs: value = c.theirs; break;
    case Resolution::Edited: value = edited; break;
    case Resolution::Both:
        if (c.ours.type == JsonValue::String && c.theirs.type == JsonValue::String && c.base.type == JsonValue::String) {
            value = Text(merge_text_both(c.base.text, c.ours.text, c.theirs.text));
        } else if (c.ours.type == JsonValue::Array && c.theirs.type == JsonValue::Array) {   // texts or keys: ours', then theirs' not in ours
            // Looked up by compact text (the same text is the same value, as Same() says): a
            // search of ours for each of theirs made two lists of 100,000 take minutes.
            value = c.ours;
            std::unordered_set<std::string> mine;
            for (const JsonValue& item : c.ours.items) mine.insert(json_compact(item));
            for (const JsonValue& item : c.theirs.items)
                if (mine.insert(json_compact(item)).second) value.items.push_back(item);
        } else {
            if (error) *error = "only text and lists can take both sides";
            return false;
        }
        break;
    }
    // Ours is what the document holds already (or what a person has typed there since), except
    // where ours removed something the merge had to keep.
    const bool removal = value.type == JsonValue::Null;
    if (removal) {
        JsonValue element;
        std::vector<std::string> ids;
        if (path_get(doc, c.at, &element)) ids_in(element, &ids);
        const std::vector<std::string> refs = references_to(doc, ids, c.at);
        if (!refs.empty()) {
            if (error) {
                const PathWords w = path_words(doc, refs[0]);
                *error = "it cannot go while " + (w.part.empty() ? refs[0] : w.part) + " still refers to it: settle that first";
            }
            return false;
        }
    }
    JsonValue was;
    const bool there = path_get(doc, c.at, &was);
    if ((how != Resolution::Ours || removal) && !path_set(doc, c.at, value, c.after, error)) return false;   // path_set changes nothing when it fails
    if (!removal && !there) {   // an element put back: what it refers to must be in the draft
        for (const std::string& id : references_within(doc, c.at)) {
            if (!path_of_id(doc, id).empty()) continue;
            path_set(doc, c.at, JsonValue{}, "", nullptr);
            if (error) *error = "it refers to \"" + id + "\", which is no longer in the draft";
            return false;
        }
    }
    doc.merge.conflicts.erase(doc.merge.conflicts.begin() + (long)index);
    return true;
}

} // namespace parley
