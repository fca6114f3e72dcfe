// Reading and writing a Document as JSON text (format v1, docs/format.md).
// Import never half-loads: either every check passes and `document` is filled, or `errors`
// says everything that is wrong and where, and the caller keeps whatever it had.
#pragma once
#include "document.h"
#include <string>
#include <vector>

namespace parley {

struct ImportError {
    std::string pointer;    // JSON Pointer of the offending value ("" = the whole file)
    int         line = 0;   // 1-based; 0 when unknown
    int         column = 0; // 1-based, in characters (not bytes); 0 when unknown
    std::string message;    // plain words, no jargon a council officer would not follow
};

struct ImportResult {
    bool                     ok = false;
    Document                 document;
    std::vector<ImportError> errors;    // at most kMaxImportErrors, then one "and N more"
    std::vector<ImportError> notices;   // fields this version does not know: kept, written back
};

constexpr int    kFormatVersion = 1;
constexpr size_t kMaxImportErrors = 50;

ImportResult import_document(const std::string& json_text);
std::string  export_document(const Document& doc);             // canonical, ends with '\n'
std::string  format_error(const ImportError& e);               // "line:col: /pointer: message"

} // namespace parley
