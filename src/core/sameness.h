// Exact sameness of two values of any member type of the model: text byte for byte, lists in
// order, unknown members included. Not how a reader compares (a set in another order is a
// change here): undo needs to know what to keep, merge what each side did.
#pragma once
#include "document.h"

#include <type_traits>

namespace parley {

inline bool Same(const JsonValue& a, const JsonValue& b)
{
    // A member kept as compact text is the same as any value that writes the same text.
    if (a.type == JsonValue::Raw || b.type == JsonValue::Raw)
        return a.type == b.type ? a.text == b.text : json_compact(a) == json_compact(b);
    if (a.type != b.type || a.boolean != b.boolean || a.text != b.text || a.items.size() != b.items.size() || a.members.size() != b.members.size())
        return false;
    if (a.type == JsonValue::Number && a.text.empty() && a.number != b.number) return false;
    for (size_t i = 0; i < a.items.size(); i++)
        if (!Same(a.items[i], b.items[i])) return false;
    for (size_t i = 0; i < a.members.size(); i++)
        if (a.members[i].first != b.members[i].first || !Same(a.members[i].second, b.members[i].second)) return false;
    return true;
}

// Unknown members are kept as compact text, one spelling for the same members (extra_members.h).
inline bool Same(const ExtraMembers& a, const ExtraMembers& b) { return a == b; }

inline bool Same(const Value& a, const Value& b)
{
    return a.type == b.type && a.text == b.text && a.number == b.number && a.min == b.min && a.max == b.max && a.bound == b.bound &&
           a.unit == b.unit && a.list == b.list && a.option == b.option && a.items == b.items && a.yes == b.yes && Same(a.extra, b.extra);
}

template <typename M> bool Same(const M& a, const M& b);

template <typename T> bool SameObject(const T& a, const T& b)
{
    bool same = Same(a.extra, b.extra);
    for_each_field_pair(a, b, [&](const Field&, const auto& x, const auto& y) { same = same && Same(x, y); });
    return same;
}

template <typename M> bool Same(const M& a, const M& b)
{
    if constexpr (is_described_v<M>) {
        return SameObject(a, b);
    } else if constexpr (is_object_list_v<M>) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); i++)
            if (!SameObject(a[i], b[i])) return false;
        return true;
    } else {
        return a == b;
    }
}

} // namespace parley
