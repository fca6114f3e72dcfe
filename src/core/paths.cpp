// Paths over the field declarations (paths.h): one walker finds what a path names; getting,
// setting and naming are what is done when it gets there.
#include "paths.h"

#include "document_json.h"
#include "value_text.h"

#include <unordered_map>
#include <vector>

namespace parley {

namespace {

template <typename M> using Plain = std::remove_const_t<std::remove_reference_t<M>>;

std::vector<std::string_view> Split(std::string_view path)
{
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t slash = path.find('/', start);
        const size_t end = slash == std::string_view::npos ? path.size() : slash;
        parts.push_back(path.substr(start, end - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return parts;
}

std::string Unescape(std::string_view s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); i++) {
        if (s[i] == '~' && i + 1 < s.size() && (s[i + 1] == '0' || s[i + 1] == '1')) { out += s[i + 1] == '0' ? '~' : '/'; i++; }
        else out += s[i];
    }
    return out;
}

template <typename E> int IndexOfKey(const std::vector<E>& list, std::string_view key)
{
    for (size_t i = 0; i < list.size(); i++)
        if (element_key(list[i]) == key) return (int)i;
    return -1;
}

// Walks `path` from `obj` and calls, at its end, one of the visitor's:
//   v.member(field, member)               a declared member (of any type)
//   v.element(field, list, key, index)    an element of a list of objects (index -1: not there)
//   v.extra(extra, name)                  a member this version does not know
// and returns what it returns; false when the path leads nowhere.
template <typename T, typename V>
bool Walk(T& obj, const std::vector<std::string_view>& parts, size_t i, V& v)
{
    if (i >= parts.size()) return false;
    bool declared = false, ok = false;
    for_each_field(obj, [&](const Field& f, auto& m) {
        using M = Plain<decltype(m)>;
        if (declared || parts[i] != f.name) return;
        declared = true;
        if (i + 1 == parts.size()) { ok = v.member(f, m); return; }
        if constexpr (is_object_list_v<M>) {
            const int at = IndexOfKey(m, parts[i + 1]);
            if (i + 2 == parts.size()) ok = v.element(f, m, parts[i + 1], at);
            else if (at >= 0) ok = Walk(m[at], parts, i + 2, v);
        } else if constexpr (is_described_v<M>) {
            ok = Walk(m, parts, i + 1, v);
        }
    });
    if (!declared && i + 1 == parts.size()) ok = v.extra(obj.extra, Unescape(parts[i]));
    return ok;
}

// ---------------------------------------------------------------------------------------------
// Getting

struct Getter {
    JsonValue* out;

    template <typename M> bool member(const Field&, const M& m)
    {
        if constexpr (is_object_list_v<M>) {
            out->type = JsonValue::Array;
            for (const auto& item : m) {
                JsonValue key;
                key.type = JsonValue::String;
                key.text = element_key(item);
                out->items.push_back(std::move(key));
            }
        } else {
            *out = member_to_json(m);
        }
        return true;
    }
    template <typename L> bool element(const Field&, const L& list, std::string_view, int at)
    {
        if (at < 0) return false;
        *out = member_to_json(list[at]);
        return true;
    }
    bool extra(const ExtraMembers& extra, const std::string& name) { return extra.find(name, out); }
};

// ---------------------------------------------------------------------------------------------
// Setting

struct Setter {
    const JsonValue& value;
    std::string_view after;
    const std::vector<NamedList>& lists;   // a copy: the document's own lists may be what is set
    std::string* error;

    bool Fail(std::string why)
    {
        if (error) *error = std::move(why);
        return false;
    }

    template <typename M> bool member(const Field& f, M& m)
    {
        if constexpr (is_object_list_v<M>) {
            if (value.type != JsonValue::Array) return Fail(std::string("the order of \"") + f.name + "\" must be a list of keys");
            M ordered;
            std::vector<bool> taken(m.size(), false);
            // Each key looked up in a table made once: a search of the list for each key made
            // settling the order of 50,000 comments take minutes.
            std::unordered_map<std::string, int> index;
            index.reserve(m.size());
            for (size_t i = 0; i < m.size(); i++) index.emplace(element_key(m[i]), (int)i);
            for (const JsonValue& key : value.items) {
                if (key.type != JsonValue::String) return Fail(std::string("the order of \"") + f.name + "\" must be a list of keys");
                const auto found = index.find(key.text);
                const int at = found == index.end() ? -1 : found->second;
                if (at < 0 || taken[at]) continue;
                taken[at] = true;
                ordered.push_back(m[at]);
            }
            for (size_t i = 0; i < m.size(); i++)
                if (!taken[i]) ordered.push_back(m[i]);
            m = std::move(ordered);
            return true;
        } else {
            M read{};
            std::string why;
            if (!member_from_json(value, &read, lists, &why)) return Fail(std::string("\"") + f.name + "\": " + why);
            m = std::move(read);
            return true;
        }
    }

    template <typename L> bool element(const Field& f, L& list, std::string_view key, int at)
    {
        using E = typename L::value_type;
        if (value.type == JsonValue::Null) {
            if (at >= 0) list.erase(list.begin() + at);
            return true;
        }
        E item{};
        std::string why;
        if (!member_from_json(value, &item, lists, &why)) return Fail(std::string("an element of \"") + f.name + "\": " + why);
        if (element_key(item) != key) return Fail("the element put at \"" + std::string(key) + "\" has the key \"" + element_key(item) + "\"");
        if (at >= 0) {
            list[at] = std::move(item);
        } else {
            const int before = after.empty() ? -1 : IndexOfKey(list, after);
            list.insert(list.begin() + (before + 1), std::move(item));
        }
        return true;
    }

    bool extra(ExtraMembers& extra, const std::string& name)
    {
        extra.set(name, value);   // a null removes it
        return true;
    }
};

struct TextFinder {
    std::string* found = nullptr;
    template <typename M> bool member(const Field&, M& m)
    {
        if constexpr (std::is_same_v<M, std::string>) found = &m;
        return found != nullptr;
    }
    template <typename L> bool element(const Field&, L&, std::string_view, int) { return false; }
    bool extra(ExtraMembers&, const std::string&) { return false; }
};

// ---------------------------------------------------------------------------------------------
// Naming

std::string Named(const Document& doc, const Question& q)
{
    return question_label(doc, index_by_id(doc.questions, q.id));
}
std::string Named(const Document& doc, const Answer& a)
{
    const Question* q = find_by_id(doc.questions, a.question);
    return q ? Named(doc, *q) : "Answer";
}
std::string Named(const Document&, const Regime& r) { return "Regime: " + regime_name(r); }
std::string Named(const Document&, const Dimension& d) { return dimension_label(d); }
std::string Named(const Document&, const Section& s) { return s.heading.empty() ? "Section" : s.heading; }
std::string Named(const Document&, const Organisation& o) { return organisation_full_name(o); }
std::string Named(const Document& doc, const Signatory& s) { return organisation_name(doc, s.organisation) + "'s view"; }
std::string Named(const Document&, const Comment& c) { return "Comment" + (c.author.empty() && c.organisation.empty() ? std::string() : " by " + join_names({c.author, c.organisation})); }
std::string Named(const Document&, const Criterion& k) { return "Criterion: " + k.label; }
std::string Named(const Document&, const Participant& p) { return "Participant: " + p.name; }
std::string Named(const Document& doc, const Score& s)
{
    const Participant* p = find_by_id(doc.workshop.participants, s.participant);
    const Criterion* k = find_by_id(doc.workshop.criteria, s.criterion);
    return "Score: " + (p ? p->name : s.participant) + " on " + regime_name(doc, s.regime) + ", " + (k ? k->label : s.criterion);
}
std::string Named(const Document&, const Source& s) { return "Source: " + s.title; }
std::string Named(const Document&, const NamedList& l) { return "List: " + l.label; }
std::string Named(const Document&, const ListOption& o) { return "Option: " + o.label; }
std::string Named(const Document&, const Revision& r) { return "Revision of " + r.time; }
template <typename T> std::string Named(const Document&, const T&) { return object_noun((const T*)nullptr); }

struct Namer {
    const Document& doc;
    PathWords* words;
    template <typename M> bool member(const Field& f, const M&)
    {
        words->field = f.label ? f.label : f.name;
        return true;
    }
    template <typename L> bool element(const Field& f, const L& list, std::string_view key, int at)
    {
        Add(at >= 0 ? Named(doc, list[at]) : std::string(f.label ? f.label : f.name) + " " + std::string(key));
        return true;
    }
    bool extra(const ExtraMembers&, const std::string& name)
    {
        words->field = name;
        return true;
    }
    void Add(const std::string& name) { words->part += (words->part.empty() ? "" : " › ") + name; }
};

// The names of the elements a path passes through on its way.
template <typename T>
void NameAlong(const Document& doc, const T& obj, const std::vector<std::string_view>& parts, size_t i, Namer& n)
{
    if (i >= parts.size()) return;
    for_each_field(obj, [&](const Field& f, const auto& m) {
        using M = Plain<decltype(m)>;
        if (parts[i] != f.name || i + 1 >= parts.size()) return;
        if constexpr (is_object_list_v<M>) {
            const int at = IndexOfKey(m, parts[i + 1]);
            if (i + 2 < parts.size() && at >= 0) { n.Add(Named(doc, m[at])); NameAlong(doc, m[at], parts, i + 2, n); }
        } else if constexpr (is_described_v<M>) {
            if (f.label) n.Add(f.label);
            NameAlong(doc, m, parts, i + 1, n);
        }
    });
}

// Calls fn(path, object) for `obj` and every object in it, parents first, in file order.
template <typename T, typename F>
void ForEachObject(const T& obj, const std::string& path, F& fn)
{
    fn(path, obj);
    for_each_field(obj, [&](const Field& f, const auto& m) {
        using M = Plain<decltype(m)>;
        if constexpr (is_object_list_v<M>) {
            const std::string list = path_join(path, f.name);
            for (const auto& item : m) ForEachObject(item, path_join(list, element_key(item)), fn);
        } else if constexpr (is_described_v<M>) {
            ForEachObject(m, path_join(path, f.name), fn);
        }
    });
}

bool Under(std::string_view path, std::string_view prefix)
{
    return !prefix.empty() && path.substr(0, prefix.size()) == prefix && (path.size() == prefix.size() || path[prefix.size()] == '/');
}

} // namespace

std::string path_of_id(const Document& doc, const std::string& id)
{
    std::string found;
    auto fn = [&](const std::string& path, const auto& obj) {
        using T = Plain<decltype(obj)>;
        if constexpr (has_id_v<T>)
            if (found.empty() && !path.empty() && obj.id == id) found = path;
    };
    if (!id.empty()) ForEachObject(doc, "", fn);
    return found;
}

std::vector<std::pair<std::string, std::string>> ids_and_lists(const Document& doc)
{
    std::vector<std::pair<std::string, std::string>> out;
    auto fn = [&](const std::string& path, const auto& obj) {
        using T = Plain<decltype(obj)>;
        if constexpr (has_id_v<T>) {
            const size_t key = path.rfind('/');
            if (key == std::string::npos || key == 0) return;
            const size_t list = path.rfind('/', key - 1);
            out.emplace_back(obj.id, path.substr(list == std::string::npos ? 0 : list + 1, key - (list == std::string::npos ? 0 : list + 1)));
        }
    };
    ForEachObject(doc, "", fn);
    return out;
}

std::vector<std::string> references_to(const Document& doc, const std::vector<std::string>& ids, std::string_view except)
{
    std::vector<std::string> found;
    if (ids.empty()) return found;
    auto wanted = [&](const std::string& id) {
        for (const std::string& w : ids)
            if (w == id) return true;
        return false;
    };
    auto fn = [&](const std::string& path, const auto& obj) {
        if (Under(path, except)) return;
        for_each_field(obj, [&](const Field& f, const auto& m) {
            using M = Plain<decltype(m)>;
            if ((f.text_kind != TextKind::Ref && f.text_kind != TextKind::AnyRef) || f.is(FieldMayDangle)) return;
            bool hit = false;
            if constexpr (std::is_same_v<M, std::string>) hit = wanted(m);
            else if constexpr (std::is_same_v<M, std::vector<std::string>>)
                for (const std::string& id : m) hit = hit || wanted(id);
            if (hit) found.push_back(path_join(path, f.name));
        });
    };
    ForEachObject(doc, "", fn);
    return found;
}

std::vector<std::string> references_within(const Document& doc, std::string_view within)
{
    std::vector<std::string> ids;
    auto fn = [&](const std::string& path, const auto& obj) {
        if (path != within && !Under(path, within)) return;
        for_each_field(obj, [&](const Field& f, const auto& m) {
            using M = Plain<decltype(m)>;
            if ((f.text_kind != TextKind::Ref && f.text_kind != TextKind::AnyRef) || f.is(FieldMayDangle)) return;
            if constexpr (std::is_same_v<M, std::string>) { if (!m.empty()) ids.push_back(m); }
            else if constexpr (std::is_same_v<M, std::vector<std::string>>) ids.insert(ids.end(), m.begin(), m.end());
        });
    };
    ForEachObject(doc, "", fn);
    return ids;
}

void ids_in(const JsonValue& v, std::vector<std::string>* out)
{
    if (v.type == JsonValue::Object) {
        for (const auto& m : v.members) {
            if (m.first == "id" && m.second.type == JsonValue::String) out->push_back(m.second.text);
            else ids_in(m.second, out);
        }
    } else if (v.type == JsonValue::Array) {
        for (const JsonValue& item : v.items) ids_in(item, out);
    }
}

std::string path_join(std::string_view path, std::string_view segment)
{
    std::string s(path);
    if (!s.empty()) s += '/';
    s += segment;
    return s;
}

bool path_get(const Document& doc, std::string_view path, JsonValue* out)
{
    *out = JsonValue{};
    Getter g{out};
    const bool ok = Walk(doc, Split(path), 0, g);
    if (!ok) *out = JsonValue{};
    return ok;
}

bool path_set(Document& doc, std::string_view path, const JsonValue& value, std::string_view after, std::string* error)
{
    const std::vector<NamedList> lists = doc.lists;
    Setter s{value, after, lists, error};
    if (error) error->clear();
    const bool ok = Walk(doc, Split(path), 0, s);
    if (!ok && error && error->empty()) *error = "\"" + std::string(path) + "\" names nothing in this document";
    return ok;
}

std::string* path_text(Document& doc, std::string_view path)
{
    TextFinder t;
    Walk(doc, Split(path), 0, t);
    return t.found;
}

PathWords path_words(const Document& doc, std::string_view path)
{
    PathWords words;
    if (path.empty()) return words;
    Namer n{doc, &words};
    const std::vector<std::string_view> parts = Split(path);
    NameAlong(doc, doc, parts, 0, n);
    Walk(doc, parts, 0, n);
    if (words.part.empty() && words.field.empty()) words.field = std::string(path);
    return words;
}

} // namespace parley
