// The members of an object that this version of Parley does not know, kept so they are
// written back unchanged (a newer version's fields, another tool's notes).
//
// They are kept as one compact JSON text, the object's text without its braces and without
// the members Parley knows: `"colour":"red","x_review":[1,2]`, in the order they were read,
// strings escaped as the writer escapes them and numbers as written, so the same members
// always give the same text. A tree would cost about a hundred bytes a member: a file whose
// objects each carry twenty small unknown members took 25 times its size in memory; as text
// they take their own size. They are taken apart only where one is wanted by name (merge,
// revision records, paths), which is rare and linear in their size.
#pragma once
#include "json_reader.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {

using JsonMember = std::pair<std::string, JsonValue>;

class ExtraMembers {
public:
    ExtraMembers() = default;
    ExtraMembers(const ExtraMembers& o) : text_(o.text_ ? std::make_unique<std::string>(*o.text_) : nullptr) {}
    ExtraMembers(ExtraMembers&&) noexcept = default;
    ExtraMembers& operator=(const ExtraMembers& o)
    {
        if (this != &o) text_ = o.text_ ? std::make_unique<std::string>(*o.text_) : nullptr;
        return *this;
    }
    ExtraMembers& operator=(ExtraMembers&&) noexcept = default;

    bool empty() const { return !text_; }
    const std::string& text() const;                      // compact, no braces ("" when none)
    size_t bytes() const { return sizeof(*this) + (text_ ? sizeof(std::string) + text_->capacity() : 0); }
    bool operator==(const ExtraMembers& o) const { return text() == o.text(); }
    bool operator!=(const ExtraMembers& o) const { return !(*this == o); }

    // Each member, in order: scalars as values, lists and objects as Raw (json_expand for a
    // tree). A text of 20 MB in one member is not built into 20 MB of values.
    std::vector<JsonMember> list() const;
    bool find(std::string_view key, JsonValue* out) const;   // false: no member has this key

    void add(std::string_view key, const JsonValue& value);   // appended after the others
    void add_members(std::string_view compact);                // members already as compact text, no braces
    void set(std::string_view key, const JsonValue& value);   // replaced in place or appended; a null removes it
    void clear() { text_.reset(); }

private:
    // Nearly every object has no unknown members: a pointer costs each of them 8 bytes where a
    // string would cost 32 (a file of 100,000 small sources holds 100,000 of them).
    std::unique_ptr<std::string> text_;   // null when none; never an empty string
};

} // namespace parley
