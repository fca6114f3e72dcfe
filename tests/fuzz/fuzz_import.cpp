// libFuzzer target for Parley's import (make fuzz).
//
// Import reads files that arrive by email from other organisations, so it must never crash,
// hang or read out of bounds whatever the bytes (ASan and UBSan catch the quiet cases). On
// top of "does not crash" it checks the promises the format makes (docs/format.md):
//  - a failed read or import always says why (never "not ok" with no message);
//  - canonical form is a fixed point: whatever import accepts, export writes text that import
//    accepts again and that exports to the very same bytes. A mismatch would mean two copies
//    of one draft could drift apart just by being opened and saved.
// A broken promise ends in __builtin_trap() after a line on stderr, so libFuzzer keeps the input.
#include "core/document_json.h"
#include "core/json_reader.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "fuzz_import: %s%s%s\n", what, detail.empty() ? "" : ": ", detail.c_str());
    __builtin_trap();
}

size_t first_difference(const std::string& a, const std::string& b)
{
    size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) i++;
    return i;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);

    // The reader on its own: it is also used for unknown members, and a bug here would be
    // hidden behind import's early "not a Parley document" for most inputs.
    const parley::JsonReadResult json = parley::json_read(text);
    if (!json.ok && json.issues.empty()) broken("json_read failed without saying why", "");
    if (json.ok)
        for (const parley::JsonIssue& issue : json.issues)
            if (issue.kind != parley::JsonIssue::DuplicateKey) broken("json_read is ok but reports", issue.message);

    const parley::ImportResult first = parley::import_document(text);
    if (!first.ok) {
        if (first.errors.empty()) broken("import failed without an error", "");
        return 0;
    }

    const std::string saved = parley::export_document(first.document);
    const parley::ImportResult again = parley::import_document(saved);
    if (!again.ok)
        broken("the exported text does not import", again.errors.empty() ? "" : parley::format_error(again.errors[0]));
    const std::string resaved = parley::export_document(again.document);
    if (resaved != saved)
        broken("export is not canonical (import + export changed the bytes)",
               "first difference at byte " + std::to_string(first_difference(saved, resaved)));
    return 0;
}
