// Word-level differences between two texts: what every comparison in Parley shows (regimes side
// by side, two versions of a draft, `parley diff`) and what merging will build on.
//
// How it works, and why (docs/diff.md has the long version):
//  - Both texts are cut into tokens: a word (letters, digits, and any non-ASCII character, so
//    "child's", "co-operate" and "Ōtautahi" each stay one word... see tokenize_text), a run of
//    white space, or one punctuation mark. Joining the tokens gives back the text byte for byte.
//  - Tokens are interned to integers, so every comparison after that is an integer compare.
//  - The common prefix and suffix are trimmed: most edits touch a small part of a long text.
//  - What is left is split at anchors, runs that occur rarely in both texts (the histogram
//    method of git), recursively; small regions without a rare anchor go to Myers' O(ND).
//  - A clean-up pass turns near-meaningless matches ("the", a space) stranded between changes
//    into part of the change, so a rewritten sentence reads as one replacement, not confetti.
//  - Blocks of eight words or more deleted in one place and inserted unchanged in another are
//    paired as a move, so a moved paragraph is not shown as a deletion and an insertion.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

enum class DiffOp : uint8_t { Equal, Delete, Insert };

// One piece of the difference. Pieces come in reading order; together the Equal and Delete
// pieces cover `a` exactly once in order, and the Equal and Insert pieces cover `b`.
struct DiffPiece {
    DiffOp   op = DiffOp::Equal;
    uint32_t a_begin = 0, a_end = 0;   // bytes of a (Equal, Delete); a_begin == a_end for Insert
    uint32_t b_begin = 0, b_end = 0;   // bytes of b (Equal, Insert); b_begin == b_end for Delete
    int32_t  move = -1;                // a Delete and an Insert that are one moved block share a number >= 0
};

struct TextDiff {
    std::vector<DiffPiece> pieces;
    int words_equal = 0;               // words (not spaces or punctuation) in each kind of piece
    int words_deleted = 0;
    int words_inserted = 0;
    int moves = 0;                     // moved blocks (each is one Delete and one Insert)
    bool identical() const { return words_deleted == 0 && words_inserted == 0 && all_equal; }
    bool all_equal = true;             // no Delete or Insert piece at all (spaces and marks included)
    // The work budget ran out (DiffOptions::work_budget): some changed stretches are shown whole,
    // as one deletion and one insertion, rather than word by word. Still exact: apply_diff gives b.
    bool coarse = false;
    uint64_t work = 0;                 // work units the matching spent (about one token compared each)
};

// Work units a diff may spend per token of both texts, plus a fixed allowance for short texts.
// Ordinary edits of long drafts spend 3 to 30 per token (docs/diff.md, "A budget for the work");
// hostile pairs (blocks swapped throughout) spent over 400 per token, n x m without a bound.
constexpr uint64_t kDiffWorkPerToken = 100;
constexpr uint64_t kDiffWorkBase = 1000000;

struct DiffOptions {
    bool find_moves = true;
    bool clean_up = true;              // merge stranded small matches into the changes around them
    // Most work units to spend. The default is kDiffWorkPerToken x (tokens of a and b) +
    // kDiffWorkBase; a budget given here can only lower it (a comparison sharing one budget among
    // its fields), except UINT64_MAX: no bound at all, for tests and measurements. Past the
    // budget the stretches not yet matched are left whole (TextDiff::coarse).
    uint64_t work_budget = 0;
};

TextDiff diff_text(std::string_view a, std::string_view b, const DiffOptions& options = {});

// The same diff worked out a slice at a time, for a view that must go on drawing frames while
// it runs (the compare view on two long drafts): step() does about `units` of work (a token cut,
// interned or compared each) and says whether the diff is done. How it is sliced changes nothing
// in the result, which is diff_text's. Finding the unique words and the clean-up at the end are
// not cut (both linear: some milliseconds for 100,000 words). The texts must outlive the job.
class TextDiffJob {
public:
    TextDiffJob(std::string_view a, std::string_view b, const DiffOptions& options = {});
    ~TextDiffJob();
    bool step(uint64_t units);
    bool done() const;
    float progress() const;   // 0 to 1, roughly: for a progress bar
    TextDiff take();   // the result, finishing the work first if it is not done
private:
    struct State;
    std::unique_ptr<State> s_;
};

// Rebuilds b from a and the difference: a test of the pieces and the way merging replays them.
std::string apply_diff(std::string_view a, std::string_view b, const TextDiff& diff);

// The token boundaries of a text (byte offsets, first 0, last text.size()): for tests and for
// laying out a difference word by word.
std::vector<uint32_t> tokenize_text(std::string_view text);

// What the token starting at byte i of a text is: a word, white space, or a punctuation mark
// (the tokenizer's own rule, so other code reads tokens as the diff does).
enum class TokenKind : uint8_t { Word, Space, Mark };
TokenKind token_kind_at(std::string_view text, size_t i);

} // namespace parley
