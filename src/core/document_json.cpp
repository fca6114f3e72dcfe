#include "document_json.h"

#include <nlohmann/json.hpp>

namespace parley {

using json = nlohmann::json;

namespace {

// 1-based line and character column of a byte offset. Columns count UTF-8 characters,
// because that is what an editor shows the user, not bytes.
void line_column_at(const std::string& text, size_t offset, int* line, int* column)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < offset && i < text.size(); i++) {
        const unsigned char ch = (unsigned char)text[i];
        if (ch == '\n') { l++; c = 1; }
        else if ((ch & 0xC0) != 0x80) c++;
    }
    *line = l;
    *column = c;
}

// Records where and why nlohmann's parser stopped; we only use it when parsing failed.
struct SyntaxErrorProbe : json::json_sax_t {
    size_t      position = 0;
    std::string what;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) override
    {
        position = pos;
        what = ex.what();
        return false;
    }
};

// nlohmann's messages look like "[json.exception.parse_error.101] parse error at line 1,
// column 5: syntax error while parsing object - invalid literal; last read: 'tru'".
// Keep the part after the location, which is the useful sentence.
std::string plain_syntax_message(const std::string& what)
{
    size_t p = what.find(": ", what.find("column"));
    std::string s = p == std::string::npos ? what : what.substr(p + 2);
    return "the file is not valid JSON: " + s;
}

void expect_string(const json& obj, const char* key, bool required, std::string* out, std::vector<ImportError>* errors)
{
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) errors->push_back({std::string("/") + key, 0, 0, std::string("missing field \"") + key + "\""});
        return;
    }
    if (!it->is_string()) {
        errors->push_back({std::string("/") + key, 0, 0, std::string("expected text, got ") + it->type_name()});
        return;
    }
    *out = it->get<std::string>();
}

} // namespace

ImportResult import_document(const std::string& text)
{
    ImportResult result;
    json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
        SyntaxErrorProbe probe;
        json::sax_parse(text, &probe);
        ImportError e;
        e.message = plain_syntax_message(probe.what);
        line_column_at(text, probe.position > 0 ? probe.position - 1 : 0, &e.line, &e.column);
        result.errors.push_back(e);
        return result;
    }
    if (!root.is_object()) {
        result.errors.push_back({"", 1, 1, std::string("expected a Parley document (a JSON object), got ") + root.type_name()});
        return result;
    }

    auto format = root.find("format");
    if (format == root.end() || !format->is_string() || *format != "parley") {
        result.errors.push_back({"/format", 0, 0, "this is not a Parley document: \"format\" must be \"parley\""});
        return result;
    }
    auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer()) {
        result.errors.push_back({"/version", 0, 0, "missing or non-integer \"version\""});
        return result;
    }
    const long long v = version->get<long long>();
    if (v > kFormatVersion) {
        result.errors.push_back({"/version", 0, 0, "this file was written by a newer Parley (format version " + std::to_string(v) +
                                                   "); this copy reads version " + std::to_string(kFormatVersion) + ": update Parley to open it"});
        return result;
    }
    if (v < 1) {
        result.errors.push_back({"/version", 0, 0, "format version " + std::to_string(v) + " does not exist; versions start at 1"});
        return result;
    }

    Document doc;
    std::string kind;
    expect_string(root, "kind", true, &kind, &result.errors);
    if (!kind.empty() && !kind_from_name(kind, &doc.kind))
        result.errors.push_back({"/kind", 0, 0, "unknown kind \"" + kind + "\": expected proposal, response or workshop"});
    expect_string(root, "title", true, &doc.title, &result.errors);
    expect_string(root, "organisation", false, &doc.organisation, &result.errors);

    if (result.errors.empty()) {
        result.ok = true;
        result.document = std::move(doc);
    }
    return result;
}

std::string export_document(const Document& doc)
{
    // ordered_json keeps insertion order: the order below is the canonical order.
    nlohmann::ordered_json out;
    out["format"] = "parley";
    out["version"] = kFormatVersion;
    out["kind"] = kind_name(doc.kind);
    out["title"] = doc.title;
    out["organisation"] = doc.organisation;
    // replace, never throw: a bad byte from anywhere must not lose the whole document.
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string format_error(const ImportError& e)
{
    std::string s;
    if (e.line > 0) s += std::to_string(e.line) + ":" + std::to_string(e.column) + ": ";
    if (!e.pointer.empty()) s += e.pointer + ": ";
    return s + e.message;
}

} // namespace parley
