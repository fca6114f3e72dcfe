// Writes JSON in Parley's canonical form: two-space indent, "\n" line ends, "key": value,
// empty containers as {} and [], text escaped only where JSON requires it, numbers in their
// shortest exact form. The same document always gives the same bytes, so drafts diff cleanly.
#pragma once
#include "json_reader.h"

#include <string>
#include <string_view>
#include <vector>

namespace parley {

class JsonWriter {
public:
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void key(std::string_view k);           // inside an object, before each value

    void string(std::string_view s);        // invalid UTF-8 becomes U+FFFD: output is always valid JSON
    void number(double n);
    void integer(long long n);
    void boolean(bool b);
    void null();
    void value(const JsonValue& v);         // a value as read, numbers kept as written
    void members(std::string_view compact); // inside an object: members as compact text, no braces (ExtraMembers)

    std::string& text();                    // call after the last end_*: every open closed (PARLEY_ASSERT)

private:
    std::string out_;
    std::vector<int> counts_;               // values written so far in each open container
    bool after_key_ = false;

    void before_value();
    void quoted(std::string_view s);   // a JSON string literal, escaped
    void raw(std::string_view compact);  // a Raw value's compact text, laid out like the rest
    void close(char bracket);
};

std::string json_format_number(double n);   // shortest text that reads back as exactly n

// Appends `s` as a JSON string literal, escaped as the writer escapes it (only where JSON
// requires; invalid UTF-8 becomes U+FFFD). The reader uses it for Raw values' compact text.
void json_quote(std::string& out, std::string_view s);

} // namespace parley
