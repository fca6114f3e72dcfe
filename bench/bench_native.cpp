// parley_bench: how long the native core takes to load (import_document: parse, validate,
// build the Document) and save (export_document: canonical text) one Parley file.
//   parley_bench FILE [--json]
//   parley_bench FILE --undo        1,000 edits through the edit session (undo_workload.h), one JSON line
//   parley_bench FILE --merge [DIR] merges of two edited copies (merge_workload.h): the joint response
//                                   and FILE, one JSON line; with DIR, also writes each workload's
//                                   original and copies there as files, for the peer (git merge-file)
// One warm-up run, then the median of 5 timed runs, so a cold cache or a page-fault burst
// on the first run does not decide the figure. --json prints one line for bench/bench.mjs,
// which puts these figures in one table with the WASM and JSON.parse ones.
#include "core/document_json.h"
#include "merge_workload.h"
#include "undo_workload.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr int kRuns = 5;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template <typename F>
double time_ms(F&& work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    const auto stop = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::milli>(stop - start).count();
}

using merge_bench::list_json;   // times as a JSON list, as every mode prints them

bool write_file(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    return (bool)out;
}

// The three files of a workload (NAME-base, -ours, -theirs .parley.json), and the same with the
// history left out (NAME-content-...): what a line-based merge is given.
bool write_copies(const std::string& dir, const std::string& name, const merge_bench::Copies& c)
{
    return write_file(dir + "/" + name + "-base.parley.json", c.base_file) && write_file(dir + "/" + name + "-ours.parley.json", c.ours_file) &&
           write_file(dir + "/" + name + "-theirs.parley.json", c.theirs_file) &&
           write_file(dir + "/" + name + "-content-base.parley.json", merge_bench::content(c.base) + "\n") &&
           write_file(dir + "/" + name + "-content-ours.parley.json", merge_bench::content(c.ours) + "\n") &&
           write_file(dir + "/" + name + "-content-theirs.parley.json", merge_bench::content(c.theirs) + "\n");
}

} // namespace

int main(int argc, char** argv)
{
    const bool undo = argc == 3 && std::strcmp(argv[2], "--undo") == 0;
    const bool merge = argc >= 3 && std::strcmp(argv[2], "--merge") == 0;
    if (argc < 2 || (argc == 3 && std::strcmp(argv[2], "--json") != 0 && !undo && !merge) || (argc == 4 && !merge) || argc > 4) {
        std::fprintf(stderr, "usage: parley_bench FILE [--json | --undo | --merge [DIR]]\n");
        return 2;
    }
    const bool json = argc == 3;
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) { std::fprintf(stderr, "parley_bench: cannot read %s\n", argv[1]); return 2; }
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();

    // Load as the app does: the whole result (tree, document, errors) is built and thrown
    // away each run, so freeing it is part of the cost, as it is in real use.
    parley::Document doc;
    std::vector<double> load;
    for (int i = 0; i <= kRuns; i++) {
        parley::ImportResult r;
        const double ms = time_ms([&] { r = parley::import_document(text); });
        if (!r.ok) {
            std::fprintf(stderr, "parley_bench: %s is not a valid Parley file: %s\n", argv[1],
                         r.errors.empty() ? "?" : parley::format_error(r.errors[0]).c_str());
            return 1;
        }
        if (i > 0) load.push_back(ms);   // run 0 is the warm-up
        doc = std::move(r.document);
    }

    if (merge) {
        // 11 runs of the response, 5 of the big draft (a run of its whole path takes about half a second).
        const merge_bench::Copies response = merge_bench::make_response_copies();
        const merge_bench::Copies draft = merge_bench::make_draft_copies(doc);
        if (argc == 4 && (!write_copies(argv[3], "response", response) || !write_copies(argv[3], "draft", draft))) {
            std::fprintf(stderr, "parley_bench: cannot write the copies into %s\n", argv[3]);
            return 2;
        }
        const merge_bench::Figures r = merge_bench::run(response, 11);
        const merge_bench::Figures d = merge_bench::run(draft, 5);
        std::printf("{\"response\":%s,\"draft\":%s}\n", merge_bench::json(r).c_str(), merge_bench::json(d).c_str());
        return r.error.empty() && d.error.empty() ? 0 : 1;
    }

    if (undo) {
        std::printf("%s\n", undo_bench::json(undo_bench::run(doc, 1000, 20)).c_str());
        return 0;
    }

    std::vector<double> save;
    std::string out;
    for (int i = 0; i <= kRuns; i++) {
        const double ms = time_ms([&] { out = parley::export_document(doc); });
        if (i > 0) save.push_back(ms);
    }
    // A canonical input saves to the same bytes: a cheap proof that the timed work is the
    // real thing and not something the optimiser could skip.
    const bool same = out == text;

    const double mb = text.size() / 1e6;
    const double load_ms = median(load), save_ms = median(save);
    if (json) {
        std::printf("{\"bytes\":%zu,\"load_ms\":%s,\"save_ms\":%s,\"same_bytes\":%s}\n", text.size(),
                    list_json(load).c_str(), list_json(save).c_str(), same ? "true" : "false");
    } else {
        std::printf("%s: %.2f MB, median of %d runs after 1 warm-up\n", argv[1], mb, kRuns);
        std::printf("load+validate  %8.1f ms  (%.0f MB/s)\n", load_ms, mb / (load_ms / 1000));
        std::printf("save           %8.1f ms  (%.0f MB/s)  %s\n", save_ms, mb / (save_ms / 1000),
                    same ? "same bytes as the file" : "differs from the file (not canonical)");
    }
    return 0;
}
