// parley_bench_diff_native: how long the native core's word diff (diff_text) takes on two
// text files, for the diff benchmark of `make bench` (bench/diff-bench.mjs).
//   parley_bench_diff_native A B [--json]
// One warm-up run, then the median of 5 timed runs, as parley_bench does. --json prints one
// line with the times and the engine's counts for the benchmark's table.
#include "core/word_diff.h"

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

bool read_all(const char* path, std::string* out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buf;
    buf << in.rdbuf();
    *out = buf.str();
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3 || argc > 4 || (argc == 4 && std::strcmp(argv[3], "--json") != 0)) {
        std::fprintf(stderr, "usage: parley_bench_diff_native A B [--json]\n");
        return 2;
    }
    std::string a, b;
    if (!read_all(argv[1], &a) || !read_all(argv[2], &b)) {
        std::fprintf(stderr, "parley_bench_diff_native: cannot read %s\n", read_all(argv[1], &a) ? argv[2] : argv[1]);
        return 2;
    }

    std::vector<double> times;
    parley::TextDiff diff;
    for (int i = 0; i <= kRuns; i++) {
        const auto start = std::chrono::steady_clock::now();
        diff = parley::diff_text(a, b);
        const auto stop = std::chrono::steady_clock::now();
        if (i > 0) times.push_back(std::chrono::duration<double, std::milli>(stop - start).count());   // run 0 is the warm-up
    }
    const bool sound = parley::apply_diff(a, b, diff) == b;
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];

    if (argc == 4) {
        std::string list;
        char buf[32];
        for (size_t i = 0; i < times.size(); i++) {
            std::snprintf(buf, sizeof(buf), "%s%.3f", i ? "," : "", times[i]);
            list += buf;
        }
        std::printf("{\"diff_ms\":[%s],\"median_ms\":%.3f,\"pieces\":%zu,\"words_equal\":%d,\"words_deleted\":%d,"
                    "\"words_inserted\":%d,\"moves\":%d,\"sound\":%s}\n",
                    list.c_str(), median, diff.pieces.size(), diff.words_equal, diff.words_deleted,
                    diff.words_inserted, diff.moves, sound ? "true" : "false");
    } else {
        std::printf("diff_text %s %s: median %.1f ms of %d runs; %zu pieces, %d words equal, %d deleted, %d inserted, "
                    "%d moves; apply_diff %s\n",
                    argv[1], argv[2], median, kRuns, diff.pieces.size(), diff.words_equal, diff.words_deleted,
                    diff.words_inserted, diff.moves, sound ? "gives b back" : "does NOT give b back");
    }
    return sound ? 0 : 1;
}
