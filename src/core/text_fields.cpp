#include "text_fields.h"

#include <type_traits>

namespace parley {

std::string text_field_key(const std::string& object_id, const char* member)
{
    return object_id + "/" + member;
}

// The text member named `member` of one object, as document.h declares it: free text only
// (not ids, references, keys or dates, which the editors never let people type over). A
// dimension's typed value lends its text and its unit.
template <typename T>
static std::string* TextMember(T& obj, const std::string& member)
{
    std::string* found = nullptr;
    for_each_field(obj, [&](const Field& f, auto& m) {
        using M = std::remove_reference_t<decltype(m)>;
        if (found || member != f.name) return;
        if constexpr (std::is_same_v<M, std::string>) {
            if (f.text_kind == TextKind::Text) found = &m;
        } else if constexpr (std::is_same_v<M, Value>) {
            if (m.type == ValueType::Text) found = &m.text;
        }
    });
    if constexpr (std::is_same_v<T, Dimension>)
        if (!found && member == "unit") found = &obj.value.unit;
    return found;
}

std::string* find_text_field(Document& doc, const std::string& key)
{
    const size_t slash = key.rfind('/');
    if (slash == std::string::npos || slash == 0) return nullptr;
    const std::string id = key.substr(0, slash);
    const std::string member = key.substr(slash + 1);

    // Two objects without ids of their own have names instead.
    if (id == "document") return TextMember(doc, member);
    if (id == "summary") return TextMember(doc.summary, member);
    std::string* found = nullptr;
    walk_objects(doc, [&](auto& obj, const Field*) {
        using T = std::remove_reference_t<decltype(obj)>;
        if constexpr (has_id_v<T>) {
            if (obj.id == id) { found = TextMember(obj, member); return false; }
        }
        return true;
    });
    return found;
}

} // namespace parley
