// Reading and writing a Document as JSON text.
// Import never half-loads: either every check passes and `document` is filled, or `errors`
// says what is wrong and where, and the caller keeps whatever it had.
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
    std::vector<ImportError> errors;
};

constexpr int kFormatVersion = 1;

ImportResult import_document(const std::string& json_text);
std::string  export_document(const Document& doc);             // canonical, ends with '\n'
std::string  format_error(const ImportError& e);               // "line:col: /pointer: message"

} // namespace parley
