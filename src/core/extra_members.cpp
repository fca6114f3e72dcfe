#include "extra_members.h"

#include "json_writer.h"

namespace parley {

namespace {

bool no_tree(std::string_view) { return false; }

} // namespace

const std::string& ExtraMembers::text() const
{
    static const std::string none;
    return text_ ? *text_ : none;
}

std::vector<JsonMember> ExtraMembers::list() const
{
    if (!text_) return {};
    std::string object;
    object.reserve(text_->size() + 2);
    object += '{';
    object += *text_;
    object += '}';
    JsonLimits limits;
    limits.max_bytes = object.size();   // read once already, within the limits
    JsonReadResult r = json_read(object, limits, no_tree);
    // A key added twice (by code, never by the reader) is a DuplicateKey issue: the members
    // are all there all the same, in order.
    std::vector<JsonMember> out;
    out.reserve(r.root.members.size());
    for (JsonMember& m : r.root.members) out.push_back(std::move(m));
    return out;
}

bool ExtraMembers::find(std::string_view key, JsonValue* out) const
{
    for (JsonMember& m : list())
        if (m.first == key) { *out = std::move(m.second); return true; }
    return false;
}

void ExtraMembers::add(std::string_view key, const JsonValue& value)
{
    if (text_) *text_ += ',';
    else text_ = std::make_unique<std::string>();
    // One allocation for a member kept as text: a 20 MB one is not copied twice on its way in.
    if (value.type == JsonValue::Raw) text_->reserve(text_->size() + key.size() + 4 + value.text.size());
    json_quote(*text_, key);
    *text_ += ':';
    json_compact_append(*text_, value);
}

void ExtraMembers::add_members(std::string_view compact)
{
    if (compact.empty()) return;
    if (text_) *text_ += ',';
    else text_ = std::make_unique<std::string>();
    *text_ += compact;
}

void ExtraMembers::set(std::string_view key, const JsonValue& value)
{
    ExtraMembers out;
    bool found = false;
    for (const JsonMember& m : list()) {
        if (m.first != key) { out.add(m.first, m.second); continue; }
        if (!found && value.type != JsonValue::Null) out.add(key, value);
        found = true;
    }
    if (!found && value.type != JsonValue::Null) out.add(key, value);
    *this = std::move(out);
}

} // namespace parley
