// The core's load and save as plain C functions, for bench/bench.mjs to call from Node.
// The module keeps one document and one output buffer between calls, as the app would, so
// the JavaScript side only copies bytes in and out and times exactly the core's work.
// Built with -fno-exceptions like the app: no try/catch here.
#include "core/document_json.h"
#include "merge_workload.h"
#include "undo_workload.h"

#include <emscripten/emscripten.h>

#include <string>

namespace {
parley::Document g_document;
std::string      g_output;
std::string      g_error;
} // namespace

extern "C" {

// Loads `length` bytes of UTF-8 at `text`. Returns 1 when the file is valid (the document is
// then kept for bench_export), 0 when not (bench_first_error says why).
EMSCRIPTEN_KEEPALIVE int bench_import(const char* text, int length)
{
    parley::ImportResult r = parley::import_document(std::string(text, (size_t)length));
    if (!r.ok) {
        g_error = r.errors.empty() ? "unknown error" : parley::format_error(r.errors[0]);
        return 0;
    }
    g_document = std::move(r.document);
    return 1;
}

// Writes the kept document in canonical form; returns its length in bytes (see bench_output).
EMSCRIPTEN_KEEPALIVE int bench_export()
{
    g_output = parley::export_document(g_document);
    return (int)g_output.size();
}

// 1,000 edits of the kept document through the edit session (undo_workload.h); the figures as
// JSON text (read with bench_output, its length is returned). The peer makes `peer_steps` copies.
EMSCRIPTEN_KEEPALIVE int bench_undo(int edits, int peer_steps)
{
    g_output = undo_bench::json(undo_bench::run(g_document, edits, peer_steps));
    return (int)g_output.size();
}

// Merges of two edited copies (merge_workload.h), `runs` timed runs after a warm-up: `which` 0 is
// the joint response (made here), 1 two copies of the kept document. The figures as JSON text
// (read with bench_output, its length is returned).
EMSCRIPTEN_KEEPALIVE int bench_merge(int which, int runs)
{
    const merge_bench::Copies copies = which == 0 ? merge_bench::make_response_copies() : merge_bench::make_draft_copies(g_document);
    g_output = merge_bench::json(merge_bench::run(copies, runs));
    return (int)g_output.size();
}

EMSCRIPTEN_KEEPALIVE const char* bench_output() { return g_output.data(); }
EMSCRIPTEN_KEEPALIVE const char* bench_first_error() { return g_error.c_str(); }

} // extern "C"
