// Index of this file
//   Held values and their sizes ...... type tags, approx_bytes
//   Sameness ......................... strict equality of leaf members, extras and values
//   Paths ............................ from an address to a path, from a path to a member
//   Diffing .......................... before and after, member by member, lists by splice
//   Applying ......................... one entry, by swapping
//   Recording, undo, redo ............ the public functions
#include "history.h"

#include "assert.h"
#include "sameness.h"
#include "text_fields.h"

#include <iterator>
#include <string_view>
#include <unordered_set>
#include <type_traits>

namespace parley {

namespace {

template <typename M> using Plain = std::remove_const_t<std::remove_reference_t<M>>;

// ---------------------------------------------------------------------------------------------
// Held values and their sizes

template <typename M> const void* TypeTag()
{
    static const char tag = 0;
    return &tag;
}

size_t Bytes(const std::string& s) { return sizeof(s) + (s.capacity() > 15 ? s.capacity() : 0); }

size_t Bytes(const JsonValue& v)
{
    size_t n = sizeof(v) + (v.text.capacity() > 15 ? v.text.capacity() : 0);
    for (const JsonValue& i : v.items) n += Bytes(i);
    for (const auto& m : v.members) n += Bytes(m.first) + Bytes(m.second);
    return n;
}

size_t Bytes(const ExtraMembers& e) { return e.bytes(); }

size_t Bytes(const Value& v)
{
    size_t n = sizeof(v) + Bytes(v.text) + Bytes(v.unit) + Bytes(v.list) + Bytes(v.option) + Bytes(v.extra);
    for (const std::string& s : v.items) n += Bytes(s);
    return n;
}

template <typename M> size_t Bytes(const M& m);

template <typename T> size_t ObjectBytes(const T& obj)
{
    size_t n = sizeof(T) + Bytes(obj.extra) - sizeof(obj.extra);
    for_each_field(obj, [&](const Field&, const auto& m) { n += Bytes(m) - sizeof(m); });
    return n;
}

template <typename M> size_t Bytes(const M& m)
{
    if constexpr (is_described_v<M>) {
        return ObjectBytes(m);
    } else if constexpr (std::is_same_v<M, std::vector<std::string>> || is_object_list_v<M>) {
        size_t n = sizeof(m) + (m.capacity() - m.size()) * sizeof(typename M::value_type);
        for (const auto& item : m) n += Bytes(item);
        return n;
    } else {
        return sizeof(m);
    }
}

template <typename M> struct HeldAs final : Held {
    M value;
};

template <typename M> std::unique_ptr<Held> Hold(M value)
{
    auto h = std::make_unique<HeldAs<M>>();
    h->type = TypeTag<M>();
    h->bytes = Bytes(value);
    h->value = std::move(value);
    return h;
}

template <typename M> M& HeldValue(Held& h)
{
    PARLEY_ASSERT(h.type == TypeTag<M>());   // an entry applied to a member of another type: paths out of step
    return static_cast<HeldAs<M>&>(h).value;
}

// ---------------------------------------------------------------------------------------------
// Sameness: exact, not as a reader compares (sameness.h).

// Two list elements are "the same one" when their ids agree; elements without ids when they
// are equal in every member.
template <typename E> bool SameOne(const E& a, const E& b)
{
    if constexpr (has_id_v<E>) return a.id == b.id;
    else return SameObject(a, b);
}

// ---------------------------------------------------------------------------------------------
// Paths

// True when objects of type T hold further objects (lists of them, or nested ones).
template <typename T> bool HasChildren()
{
    static const bool children = [] {
        bool any = false;
        for_each_declared<T>([&](const Field&, auto* m) {
            using M = Plain<decltype(*m)>;
            if constexpr (is_object_list_v<M> || is_described_v<M>) any = true;
        });
        return any;
    }();
    return children;
}

// The path from `obj` to the innermost declared member that holds `addr` or, with
// `want_object`, to the object that starts at `addr`. False when nothing below holds it.
// An object's own members lie inside it; the items of its lists lie in each list's storage,
// so a list is entered where the address falls in its storage, and otherwise searched item
// by item where items hold lists of their own.
template <typename T>
bool Locate(const T& obj, const void* addr, bool want_object, Path& path)
{
    const char* a = static_cast<const char*>(addr);
    bool found = false;
    int k = 0;
    for_each_field(obj, [&](const Field&, const auto& m) {
        using M = Plain<decltype(m)>;
        const int member = k++;
        if (found) return;
        const char* lo = reinterpret_cast<const char*>(&m);
        if (a >= lo && a < lo + sizeof(M)) {
            path.push_back({member, -1});
            if constexpr (is_described_v<M>) {
                if (!(want_object && a == lo)) Locate(m, addr, want_object, path);   // else: this nested object itself
            }
            found = true;
            return;
        }
        if constexpr (is_described_v<M>) {   // a nested object's lists
            path.push_back({member, -1});
            if (Locate(m, addr, want_object, path)) { found = true; return; }
            path.pop_back();
        }
        if constexpr (is_object_list_v<M>) {
            if (m.empty()) return;
            using E = Plain<decltype(m[0])>;
            const char* first = reinterpret_cast<const char*>(m.data());
            if (a >= first && a < first + m.size() * sizeof(E)) {
                const int i = (int)((a - first) / sizeof(E));
                path.push_back({member, i});
                if (!(want_object && a == reinterpret_cast<const char*>(&m[i]))) Locate(m[i], addr, want_object, path);   // else the item itself
                found = true;
                return;
            }
            if (HasChildren<E>()) {
                for (size_t i = 0; i < m.size() && !found; i++) {
                    path.push_back({member, (int)i});
                    if (Locate(m[i], addr, want_object, path)) found = true;
                    else path.pop_back();
                }
            }
        }
    });
    return found;
}

// Calls fn(target) with the object, list or member `path` leads to from `obj`.
template <typename T, typename F>
void VisitPath(T& obj, const Path& path, size_t depth, F& fn)
{
    if (depth == path.size()) { fn(obj); return; }
    const PathStep step = path[depth];
    int k = 0;
    bool reached = false;
    for_each_field(obj, [&](const Field&, auto& m) {
        using M = Plain<decltype(m)>;
        if (k++ != step.member) return;
        reached = true;
        if (step.element >= 0) {
            if constexpr (is_object_list_v<M>) {
                PARLEY_ASSERT(step.element < (int)m.size());
                if (step.element < (int)m.size()) VisitPath(m[step.element], path, depth + 1, fn);
            } else {
                PARLEY_ASSERT(!"a path steps into an element of something that is not a list");
            }
        } else if (depth + 1 == path.size()) {
            fn(m);
        } else if constexpr (is_described_v<M>) {
            VisitPath(m, path, depth + 1, fn);
        } else {
            PARLEY_ASSERT(!"a path goes on below a member that has no members");
        }
    });
    PARLEY_ASSERT(reached);
}

template <typename D, typename F> void VisitPath(D& doc, const Path& path, F&& fn) { VisitPath(doc, path, 0, fn); }

Path With(const Path& p, PathStep s)
{
    Path out = p;
    out.push_back(s);
    return out;
}

Path AtElement(const Path& list, int i)
{
    Path out = list;
    out.back().element = i;
    return out;
}

// ---------------------------------------------------------------------------------------------
// Diffing: entries that turn `after` back into `before` when undone.

template <typename T> void DiffObject(const T& before, const T& after, const Path& path, std::vector<UndoEntry>& out);

// A list: the elements the same at both ends are compared member by member; between them,
// elements with ids are matched by id, so removing three comments far apart records those
// three, not everything between them. Elements without ids, and reorderings, are one splice.
// Splices are recorded first, left to right, at their positions in `after`; then the entries
// of matched elements, also at their positions in `after` (history.h: undone last to first).
template <typename E>
void DiffList(const std::vector<E>& before, const std::vector<E>& after, const Path& path, std::vector<UndoEntry>& out)
{
    const size_t n = before.size(), m = after.size();
    size_t p = 0, s = 0;
    while (p < n && p < m && SameOne(before[p], after[p])) p++;
    while (s < n - p && s < m - p && SameOne(before[n - 1 - s], after[m - 1 - s])) s++;
    std::vector<std::pair<size_t, size_t>> pairs;   // (index in before, index in after) to compare member by member
    for (size_t i = 0; i < p; i++) pairs.emplace_back(i, i);
    auto splice = [&](size_t b0, size_t b1, size_t a0, size_t a1) {
        UndoEntry e;
        e.kind = UndoEntry::Splice;
        e.path = path;
        e.start = a0;
        e.count = a1 - a0;
        e.held = Hold(std::vector<E>(before.begin() + (long)b0, before.begin() + (long)b1));
        out.push_back(std::move(e));
    };
    const size_t b_end = n - s, a_end = m - s;
    if constexpr (has_id_v<E>) {
        std::unordered_set<std::string_view> in_before, in_after;
        for (size_t i = p; i < b_end; i++) in_before.insert(before[i].id);
        for (size_t j = p; j < a_end; j++) in_after.insert(after[j].id);
        size_t i = p, j = p;
        while (i < b_end || j < a_end) {
            if (i < b_end && j < a_end && before[i].id == after[j].id) { pairs.emplace_back(i++, j++); continue; }
            const size_t bi = i, aj = j;
            while (i < b_end && !in_after.count(before[i].id)) i++;    // removed
            while (j < a_end && !in_before.count(after[j].id)) j++;    // added
            if (i == bi && j == aj) { i = b_end; j = a_end; }          // moved about: the rest as one
            splice(bi, i, aj, j);
        }
    } else if (p < b_end || p < a_end) {
        splice(p, b_end, p, a_end);
    }
    for (size_t k = 0; k < s; k++) pairs.emplace_back(n - 1 - k, m - 1 - k);
    for (const auto& ij : pairs) DiffObject(before[ij.first], after[ij.second], AtElement(path, (int)ij.second), out);
}

template <typename M>
void DiffMember(const M& before, const M& after, const Path& path, std::vector<UndoEntry>& out)
{
    if constexpr (is_object_list_v<M>) {
        DiffList(before, after, path, out);
    } else if constexpr (is_described_v<M>) {
        DiffObject(before, after, path, out);
    } else if (!Same(before, after)) {
        UndoEntry e;
        e.kind = UndoEntry::Member;
        e.path = path;
        e.held = Hold(before);
        out.push_back(std::move(e));
    }
}

template <typename T>
void DiffObject(const T& before, const T& after, const Path& path, std::vector<UndoEntry>& out)
{
    int k = 0;
    for_each_field_pair(before, after, [&](const Field&, const auto& b, const auto& a) { DiffMember(b, a, With(path, {k++, -1}), out); });
    if (!Same(before.extra, after.extra)) {
        UndoEntry e;
        e.kind = UndoEntry::Extra;
        e.path = path;
        e.held = Hold(before.extra);
        out.push_back(std::move(e));
    }
}

// ---------------------------------------------------------------------------------------------
// Applying: swap what the entry holds with what the document has, so it can be applied back.

// An entry that does not fit where its path leads (a bug: the paths went out of step) fails the
// contract check and is left alone, so a user's tab never writes memory of the wrong type.
void Apply(Document& doc, UndoEntry& e)
{
    VisitPath(doc, e.path, [&](auto& target) {
        using T = Plain<decltype(target)>;
        const void* want = e.kind == UndoEntry::Extra ? TypeTag<ExtraMembers>() : TypeTag<T>();
        if (!e.held || e.held->type != want) { PARLEY_ASSERT(!"an undo entry applied to a member of another type"); return; }
        if (e.kind == UndoEntry::Member) {
            if constexpr (!is_described_v<T>) {
                std::swap(target, HeldValue<T>(*e.held));
                e.held->bytes = Bytes(HeldValue<T>(*e.held));
            } else {
                PARLEY_ASSERT(!"a member entry on an object");
            }
        } else if (e.kind == UndoEntry::Extra) {
            if constexpr (is_described_v<T>) {
                std::swap(target.extra, HeldValue<ExtraMembers>(*e.held));
                e.held->bytes = Bytes(HeldValue<ExtraMembers>(*e.held));
            } else {
                PARLEY_ASSERT(!"an extra entry on a member");
            }
        } else if constexpr (is_object_list_v<T>) {
            T& other = HeldValue<T>(*e.held);
            if (e.start + e.count > target.size()) { PARLEY_ASSERT(!"a splice beyond the end of its list"); return; }
            T now(std::make_move_iterator(target.begin() + e.start), std::make_move_iterator(target.begin() + e.start + e.count));
            target.erase(target.begin() + e.start, target.begin() + e.start + e.count);
            target.insert(target.begin() + e.start, std::make_move_iterator(other.begin()), std::make_move_iterator(other.end()));
            e.count = other.size();
            other = std::move(now);
            e.held->bytes = Bytes(other);
        } else {
            PARLEY_ASSERT(!"a splice entry on something that is not a list");
        }
    });
}

size_t StepBytes(const UndoStep& s)
{
    size_t n = sizeof(UndoStep);
    for (const UndoEntry& e : s.entries) n += sizeof(UndoEntry) + e.path.size() * sizeof(PathStep) + (e.held ? e.held->bytes : 0);
    return n;
}

void Recount(History& h)
{
    h.bytes = 0;
    for (const UndoStep& s : h.undo) h.bytes += s.bytes;
    for (const UndoStep& s : h.redo) h.bytes += s.bytes;
}

// Forgets the oldest steps beyond the budget; the newest step always stays.
void Trim(History& h)
{
    size_t drop = 0;
    size_t bytes = h.bytes;
    while (h.undo.size() - drop > 1 && (bytes > h.max_bytes || h.undo.size() - drop > h.max_steps)) bytes -= h.undo[drop++].bytes;
    if (drop) {
        h.undo.erase(h.undo.begin(), h.undo.begin() + (long)drop);
        h.bytes = bytes;
        h.forgotten += drop;
    }
}

bool SamePath(const Path& a, const Path& b)
{
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++)
        if (a[i].member != b[i].member || a[i].element != b[i].element) return false;
    return true;
}

// The path a scope key names: a text field by its key; "<id>/<member>" any declared member of
// the object with that id ("document" and "summary" name the document and its summary);
// "<id>" the object itself. False when it names nothing.
bool ScopePath(const Document& doc, const std::string& key, Path* path)
{
    path->clear();
    Document& d = const_cast<Document&>(doc);   // find_text_field only looks
    if (const std::string* text = find_text_field(d, key)) {
        if (Locate(doc, text, false, *path)) return true;
        path->clear();
    }
    const size_t slash = key.find('/');
    const std::string id = key.substr(0, slash);
    const std::string member = slash == std::string::npos ? std::string() : key.substr(slash + 1);
    // The object: its path, and a function that finds its member's index by name.
    bool found = false;
    auto member_path = [&](const auto& obj) {
        if (member.empty()) { found = true; return; }
        int k = 0;
        for_each_field(obj, [&](const Field& f, const auto&) {
            if (!found && member == f.name) { path->push_back({k, -1}); found = true; }
            k++;
        });
    };
    if (id == "document") { member_path(doc); return found; }
    if (id == "summary") {
        if (Locate(doc, &doc.summary, true, *path)) member_path(doc.summary);
        return found;
    }
    walk_objects(doc, [&](const auto& obj, const Field* in) {
        using T = Plain<decltype(obj)>;
        if constexpr (has_id_v<T>) {
            if (in && obj.id == id) {
                if (Locate(doc, &obj, true, *path)) member_path(obj);
                return false;
            }
        }
        return true;
    });
    return found;
}

// Every copy the scope (or, without one, the group) asks for; the whole document when none.
std::vector<History::Copy> ScopeCopies(const Document& doc, const std::string& group, const std::string& scope)
{
    std::vector<History::Copy> copies;
    const std::string& keys = scope.empty() ? group : scope;
    size_t start = 0;
    while (!keys.empty() && start <= keys.size()) {
        size_t end = keys.find(';', start);
        if (end == std::string::npos) end = keys.size();
        std::string key = keys.substr(start, end - start);
        start = end + 1;
        History::Copy copy;
        copy.removal = !key.empty() && key[0] == '-';
        if (copy.removal) key.erase(0, 1);
        // A removal names an element of a list: its path ends with the element's index.
        if (key.empty() || !ScopePath(doc, key, &copy.path) || (copy.removal && (copy.path.empty() || copy.path.back().element < 0))) continue;
        copies.push_back(std::move(copy));
    }
    if (copies.empty()) copies.emplace_back();   // the whole document
    return copies;
}

// Calls fn((T*)nullptr) for T and every described type its members hold, all the way down.
template <typename T, typename F>
void ForEachType(F&& fn)
{
    fn((T*)nullptr);
    for_each_declared<T>([&](const Field&, auto* m) {
        using M = Plain<decltype(*m)>;
        if constexpr (is_object_list_v<M>) ForEachType<typename M::value_type>(fn);
        else if constexpr (is_described_v<M>) ForEachType<M>(fn);
    });
}

// A removal: the element that stood at the copy's path is gone from its list. The splice that
// puts it back goes first among the entries (history.h), at its index in the list as it is now.
template <typename T>
void RemovalEntry(const Document& doc, History::Copy& copy, std::vector<UndoEntry>& out)
{
    Path list = copy.path;
    const int index = list.back().element;
    list.back().element = -1;
    VisitPath(doc, list, [&](const auto& target) {
        using L = Plain<decltype(target)>;
        if constexpr (std::is_same_v<L, std::vector<T>>) {
            T& removed = HeldValue<T>(*copy.before);
            PARLEY_ASSERT(index <= (int)target.size() && (index == (int)target.size() || target[index].id != removed.id));   // it went
            UndoEntry e;
            e.kind = UndoEntry::Splice;
            e.path = list;
            e.start = (size_t)index;
            e.count = 0;
            e.held = Hold(std::vector<T>{std::move(removed)});
            out.insert(out.begin(), std::move(e));
        } else {
            PARLEY_ASSERT(!"a removal scope that does not name an element of a list");
        }
    });
}

} // namespace

size_t approx_bytes(const Document& doc) { return Bytes(doc); }

void history_record(History& h, const Document& doc, const std::string& group, double now_ms, const std::string& scope)
{
    history_commit(h, doc);
    const bool joins = !group.empty() && group == h.group && now_ms - h.group_last_ms < kHistoryPauseMs && !h.undo.empty();
    h.group = group;
    h.group_last_ms = now_ms;
    if (!h.redo.empty()) {   // a new change forks history: what was undone can no longer be redone
        h.redo.clear();
        Recount(h);
    }
    History::Pending& p = h.pending;
    p.open = true;
    p.joins = joins;
    p.copies = ScopeCopies(doc, group, scope);
    for (History::Copy& copy : p.copies)
        VisitPath(doc, copy.path, [&](const auto& target) { copy.before = Hold(target); });
}

void history_commit(History& h, const Document& doc)
{
    History::Pending& p = h.pending;
    if (!p.open) return;
    std::vector<UndoEntry> entries;
    for (History::Copy& copy : p.copies) {
        if (copy.removal) {   // the element is gone: what the copy holds says its type
            bool done = false;
            ForEachType<Document>([&](auto* tag) {
                using T = Plain<decltype(*tag)>;
                if constexpr (has_id_v<T>) {
                    if (!done && copy.before && copy.before->type == TypeTag<T>()) { RemovalEntry<T>(doc, copy, entries); done = true; }
                }
            });
            PARLEY_ASSERT(done);
            continue;
        }
        VisitPath(doc, copy.path, [&](const auto& target) {
            using T = Plain<decltype(target)>;
            if (!copy.before || copy.before->type != TypeTag<T>()) { PARLEY_ASSERT(!"the document's shape changed under a copy"); return; }
            DiffMember(HeldValue<T>(*copy.before), target, copy.path, entries);
        });
    }
    const bool joins = p.joins;
    p.open = false;
    p.copies.clear();
    if (entries.empty()) {
        if (!joins) h.group.clear();   // nothing changed: a later change in this group starts its own step
        return;
    }
    if (joins && !h.undo.empty()) {
        // Typing in one field: keep only the oldest copy of each member, unless the step also
        // moved list elements about (then paths may not mean the same any more).
        UndoStep& top = h.undo.back();
        bool splices = false;
        for (const UndoEntry& e : top.entries) splices = splices || e.kind == UndoEntry::Splice;
        for (UndoEntry& e : entries) {
            bool known = false;
            if (!splices && e.kind != UndoEntry::Splice)
                for (const UndoEntry& t : top.entries) known = known || (t.kind == e.kind && SamePath(t.path, e.path));
            if (!known) top.entries.push_back(std::move(e));
        }
        h.bytes -= top.bytes;
        top.bytes = StepBytes(top);
        h.bytes += top.bytes;
    } else {
        UndoStep step;
        step.entries = std::move(entries);
        step.bytes = StepBytes(step);
        h.bytes += step.bytes;
        h.undo.push_back(std::move(step));
    }
    Trim(h);
}

void history_end_group(History& h)
{
    h.group.clear();
}

bool history_undo(History& h, Document& doc)
{
    history_commit(h, doc);
    if (h.undo.empty()) return false;
    UndoStep step = std::move(h.undo.back());
    h.undo.pop_back();
    for (size_t i = step.entries.size(); i-- > 0;) Apply(doc, step.entries[i]);
    step.bytes = StepBytes(step);
    h.redo.push_back(std::move(step));
    h.group.clear();
    Recount(h);
    return true;
}

bool history_redo(History& h, Document& doc)
{
    history_commit(h, doc);
    if (h.redo.empty()) return false;
    UndoStep step = std::move(h.redo.back());
    h.redo.pop_back();
    for (UndoEntry& e : step.entries) Apply(doc, e);
    step.bytes = StepBytes(step);
    h.undo.push_back(std::move(step));
    h.group.clear();
    Recount(h);
    return true;
}

void history_clear(History& h)
{
    const size_t max_steps = h.max_steps, max_bytes = h.max_bytes;
    h = History{};   // `forgotten` too: it counts this document's steps
    h.max_steps = max_steps;
    h.max_bytes = max_bytes;
}

size_t history_pending_bytes(const History& h)
{
    size_t n = 0;
    for (const History::Copy& c : h.pending.copies) n += c.before ? c.before->bytes : 0;
    return n;
}

} // namespace parley
