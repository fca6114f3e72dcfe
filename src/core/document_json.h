// Reading and writing a Document as JSON text (format v1, docs/format.md).
// Import never half-loads: either every check passes and `document` is filled, or `errors`
// says everything that is wrong and where, and the caller keeps whatever it had.
#pragma once
#include "document.h"
#include <cstdint>
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
    std::vector<ImportError> notices;   // fields this version does not know: kept, written back (the first kMaxImportErrors)
    size_t                   unknown_fields = 0;   // all of them, noticed or not
};

constexpr int    kFormatVersion = 1;
constexpr size_t kMaxImportErrors = 50;

// `memory_budget`: bytes the import may take (JsonLimits::max_memory); a file that would need
// more is refused with an error where reading stopped. The browser passes what its heap has left.
ImportResult import_document(const std::string& json_text, size_t memory_budget = SIZE_MAX);
std::string  export_document(const Document& doc);             // canonical, ends with '\n'
std::string  format_error(const ImportError& e);               // "line:col: /pointer: message"

// One member or object alone, as the file writes it (never left out: "" for empty text, a
// position as "" when there is none): what change records and merge conflicts keep.
template <typename M> JsonValue member_to_json(const M& m);
// And read back with the reader's checks, except that references are not followed (whoever
// puts it in a document validates the whole). `lists`: the document's own named lists.
// False, with the first problem in `error`, when the value is not one of these.
template <typename M> bool member_from_json(const JsonValue& v, M* out, const std::vector<NamedList>& lists, std::string* error);

} // namespace parley
