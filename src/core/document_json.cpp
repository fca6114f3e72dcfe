#include "document_json.h"

#include "json_reader.h"

#include <nlohmann/json.hpp>

namespace parley {

namespace {

void expect_string(const JsonValue& obj, const char* key, bool required, std::string* out, std::vector<ImportError>* errors)
{
    const JsonValue* v = obj.find(key);
    if (!v) {
        if (required) errors->push_back({std::string("/") + key, obj.pos.line, obj.pos.column, std::string("missing field \"") + key + "\""});
        return;
    }
    if (v->type != JsonValue::String) {
        errors->push_back({std::string("/") + key, v->pos.line, v->pos.column, std::string("expected text, got ") + v->type_name()});
        return;
    }
    *out = v->text;
}

ImportError at(const JsonValue& v, const char* pointer, std::string message)
{
    return {pointer, v.pos.line, v.pos.column, std::move(message)};
}

} // namespace

ImportResult import_document(const std::string& text)
{
    ImportResult result;
    JsonReadResult json = json_read(text);
    for (const JsonIssue& issue : json.issues) {
        const char* prefix = issue.kind == JsonIssue::Syntax ? "the file is not valid JSON: " : "";
        result.errors.push_back({issue.pointer, issue.pos.line, issue.pos.column, prefix + issue.message});
    }
    if (!json.ok) return result;

    const JsonValue& root = json.root;
    if (root.type != JsonValue::Object) {
        result.errors.push_back(at(root, "", std::string("expected a Parley document (a JSON object), got ") + root.type_name()));
        return result;
    }
    const JsonValue* format = root.find("format");
    if (!format || format->type != JsonValue::String || format->text != "parley") {
        result.errors.push_back(at(format ? *format : root, "/format", "this is not a Parley document: \"format\" must be \"parley\""));
        return result;
    }
    const JsonValue* version = root.find("version");
    if (!version || version->type != JsonValue::Number || !version->is_integer) {
        result.errors.push_back(at(version ? *version : root, "/version", "missing or non-integer \"version\""));
        return result;
    }
    const long long v = version->integer;
    if (v > kFormatVersion) {
        result.errors.push_back(at(*version, "/version", "this file was written by a newer Parley (format version " + std::to_string(v) +
                                                         "); this copy reads version " + std::to_string(kFormatVersion) + ": update Parley to open it"));
        return result;
    }
    if (v < 1) {
        result.errors.push_back(at(*version, "/version", "format version " + std::to_string(v) + " does not exist; versions start at 1"));
        return result;
    }

    Document doc;
    std::string kind;
    expect_string(root, "kind", true, &kind, &result.errors);
    if (!kind.empty() && !kind_from_name(kind, &doc.kind))
        result.errors.push_back(at(*root.find("kind"), "/kind", "unknown kind \"" + kind + "\": expected proposal, response or workshop"));
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
