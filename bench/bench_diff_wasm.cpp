// Parley's word diff as plain C functions, for the diff benchmark page (bench/diff.html, run
// by bench/diff-bench.mjs in Chromium). The page copies the two texts in once, then times
// bench_diff_run with performance.now(), exactly as it times jsdiff and diff-match-patch, and
// reads the figures and the pieces afterwards (not timed).
// Built with -fno-exceptions like the app: no try/catch here.
#include "core/word_diff.h"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {
std::string     g_text[2];
parley::TextDiff g_diff;
std::vector<int> g_pieces;   // 6 ints a piece: op, a_begin, a_end, b_begin, b_end, move
} // namespace

extern "C" {

// Room for `capacity` bytes of text `which` (0: a, 1: b): the page encodes the text as UTF-8
// straight into it (TextEncoder.encodeInto), then gives the length it wrote.
EMSCRIPTEN_KEEPALIVE char* bench_diff_text(int which, int capacity)
{
    g_text[which & 1].resize((size_t)capacity);
    return &g_text[which & 1][0];
}

EMSCRIPTEN_KEEPALIVE void bench_diff_text_length(int which, int length)
{
    g_text[which & 1].resize((size_t)length);
}

// Diffs a against b with the default options (moves found, clean-up on) and keeps the result.
// Returns the number of pieces.
EMSCRIPTEN_KEEPALIVE int bench_diff_run(int find_moves, int clean_up)
{
    parley::DiffOptions options;
    options.find_moves = find_moves != 0;
    options.clean_up = clean_up != 0;
    g_diff = parley::diff_text(g_text[0], g_text[1], options);
    return (int)g_diff.pieces.size();
}

// The engine's own counts for the last run: 0 words_equal, 1 words_deleted, 2 words_inserted,
// 3 moves, 4 pieces, 5 all_equal.
EMSCRIPTEN_KEEPALIVE int bench_diff_stat(int which)
{
    switch (which) {
    case 0: return g_diff.words_equal;
    case 1: return g_diff.words_deleted;
    case 2: return g_diff.words_inserted;
    case 3: return g_diff.moves;
    case 4: return (int)g_diff.pieces.size();
    case 5: return g_diff.all_equal ? 1 : 0;
    default: return -1;
    }
}

// The pieces of the last run as 6 ints each (op 0 Equal, 1 Delete, 2 Insert; byte ranges;
// move number or -1), so the page measures every engine's hunks with the same code.
EMSCRIPTEN_KEEPALIVE const int* bench_diff_pieces()
{
    g_pieces.clear();
    g_pieces.reserve(g_diff.pieces.size() * 6);
    for (const parley::DiffPiece& p : g_diff.pieces) {
        g_pieces.push_back((int)p.op);
        g_pieces.push_back((int)p.a_begin);
        g_pieces.push_back((int)p.a_end);
        g_pieces.push_back((int)p.b_begin);
        g_pieces.push_back((int)p.b_end);
        g_pieces.push_back((int)p.move);
    }
    return g_pieces.data();
}

// 1 when apply_diff rebuilds b exactly from a and the last result: the pieces are sound.
EMSCRIPTEN_KEEPALIVE int bench_diff_check()
{
    return parley::apply_diff(g_text[0], g_text[1], g_diff) == g_text[1] ? 1 : 0;
}

} // extern "C"
