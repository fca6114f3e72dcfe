// Three-way merge of prose over the word diff: see text_merge.h for the rules and why.
//
// Index of this file
//   Changes, tokens and sentences
//   The merger
//     the diff of each side: sentences first, then words; clean-up within sentences
//     sliding: where else a pure insertion or deletion could stand
//     the walk: both lists in base order, chunk by chunk, and what is written out
#include "text_merge.h"

#include "assert.h"
#include "word_diff.h"

#include <algorithm>
#include <unordered_map>

namespace parley {
namespace {

// ---------------------------------------------------------------------------------------------
// Changes, tokens and sentences

// One change of one side: base tokens [t0, t1) replaced by the side's bytes [s0, s1). t0 == t1
// is an insertion before base token t0; s0 == s1 a deletion. A side's changes are in base order
// with at least one unchanged token between two of them (the diff never lets changes touch, and
// sliding keeps it so).
struct Change {
    uint32_t t0 = 0, t1 = 0;
    uint32_t s0 = 0, s1 = 0;
    bool point() const { return t0 == t1; }
    bool deletion() const { return s0 == s1 && t0 < t1; }
    bool insertion() const { return t0 == t1 && s0 < s1; }
};

// Runs of consecutive Delete/Insert pieces of a diff of base[base_at...] against side[side_at...]
// become changes, their base ends as token numbers of the whole base (piece ends are token
// boundaries and only grow, so one forward cursor, kept across calls, maps them).
void AppendChanges(const TextDiff& diff, uint32_t base_at, uint32_t side_at, const std::vector<uint32_t>& starts, size_t* cursor,
                   std::vector<Change>* out)
{
    size_t& t = *cursor;
    auto token_at = [&](uint32_t byte) {
        while (starts[t] < byte) t++;
        PARLEY_ASSERT(starts[t] == byte);
        return (uint32_t)t;
    };
    const std::vector<DiffPiece>& p = diff.pieces;
    for (size_t i = 0; i < p.size();) {
        if (p[i].op == DiffOp::Equal) { i++; continue; }
        size_t j = i;
        while (j < p.size() && p[j].op != DiffOp::Equal) j++;
        Change c;
        c.t0 = token_at(base_at + p[i].a_begin);
        c.t1 = token_at(base_at + p[j - 1].a_end);
        c.s0 = side_at + p[i].b_begin;
        c.s1 = side_at + p[j - 1].b_end;
        out->push_back(c);
        i = j;
    }
}

// Words in token ranges of a text, in O(1): prefix sums of the word flags.
struct WordSums {
    std::vector<uint32_t> starts;   // token boundaries
    std::vector<uint32_t> sum;      // words before token t
    void Count(std::string_view text)
    {
        starts = tokenize_text(text);
        sum.assign(starts.size(), 0);
        for (size_t t = 0; t + 1 < starts.size(); t++) sum[t + 1] = sum[t] + (token_kind_at(text, starts[t]) == TokenKind::Word);
    }
    uint32_t Token(uint32_t byte) const { return (uint32_t)(std::lower_bound(starts.begin(), starts.end(), byte) - starts.begin()); }
    uint32_t Words(uint32_t t0, uint32_t t1) const { return sum[t1] - sum[t0]; }
};

// Which tokens of a text are sentence breaks: a run of white space with a line break in it, or
// after . ! ? (or after a closing quote or bracket that follows one of those).
std::vector<uint8_t> SentenceBreaks(std::string_view text, const std::vector<uint32_t>& starts)
{
    const size_t n = starts.size() - 1;
    std::vector<uint8_t> out(n, 0);
    auto token = [&](size_t t) { return text.substr(starts[t], starts[t + 1] - starts[t]); };
    auto ends_sentence = [&](size_t t) {
        const std::string_view x = token(t);
        return x == "." || x == "!" || x == "?";
    };
    for (size_t t = 1; t < n; t++) {
        if (token_kind_at(text, starts[t]) != TokenKind::Space) continue;
        const std::string_view before = token(t - 1);
        out[t] = token(t).find('\n') != std::string_view::npos || ends_sentence(t - 1) ||
                 (t > 1 && (before == ")" || before == "\"" || before == "'" || before == "\xE2\x80\x9D") && ends_sentence(t - 2));
    }
    return out;
}

// Where a text's pieces for the sentence alignment begin, and its end: each sentence, and each
// break after one as a piece of its own (so a sentence that became the last one, losing the
// space after it, still matches).
std::vector<uint32_t> SentenceStarts(const std::vector<uint32_t>& starts, const std::vector<uint8_t>& breaks)
{
    std::vector<uint32_t> out{0};
    for (size_t t = 0; t < breaks.size(); t++) {
        if (!breaks[t]) continue;
        if (starts[t] != out.back()) out.push_back(starts[t]);
        out.push_back(starts[t + 1]);
    }
    if (starts.back() != out.back()) out.push_back(starts.back());
    return out;
}

struct Side {
    std::string_view text;
    WordSums words;
    std::vector<Change> changes;
    size_t head = 0;   // the next change the walk takes
};

// ---------------------------------------------------------------------------------------------
// The merger

class Merger {
public:
    // whole_changes: the clean-up that makes a rewrite one change (off for the word-by-word look
    // at a collision, below).
    Merger(std::string_view base, std::string_view ours, std::string_view theirs, bool whole_changes = true) : base_(base), whole_changes_(whole_changes)
    {
        base_words_.Count(base);
        tokens_ = (uint32_t)starts_.size() - 1;
        const std::vector<uint8_t> base_breaks = SentenceBreaks(base_, starts_);
        breaks_.assign(starts_.size(), 0);
        for (uint32_t t = 0; t < tokens_; t++) breaks_[t + 1] = breaks_[t] + base_breaks[t];
        const std::vector<uint32_t> base_sentences = SentenceStarts(starts_, base_breaks);
        side_[0].text = ours;
        side_[1].text = theirs;
        for (int s = 0; s < 2; s++) {
            side_[s].words.Count(side_[s].text);
            DiffSide(s, base_sentences);
            if (whole_changes_) CleanUp(s);
            SlideToWords(s);
        }
        result_.merged.reserve(std::max(ours.size(), theirs.size()) + 16);
    }

    TextMerge Run()
    {
        for (;;) {
            const int s = Next();
            if (s < 0) break;
            const Change& n = side_[s].changes[side_[s].head];
            if (members_.empty()) { Start(s); continue; }
            if (!Overlaps(begin_, end_, n.t0, n.t1)) {
                if (members_.size() == 1 && DropRepeatedInsertion(s)) continue;
                Flush();
                Start(s);
                continue;
            }
            if (members_.size() == 1) {
                // Two changes collide. Before it is a conflict: do both sides read the same
                // there, could one of them stand elsewhere, or do they share only a space?
                const Member c = members_[0];
                const Change& cc = side_[c.side].changes[c.index];
                const bool same_range = cc.t0 == n.t0 && cc.t1 == n.t1;
                if (!same_range && !SameText(c, s)) {
                    if (SlideApart(c, s)) continue;
                    resolved_ = SharesOnlyASpace(cc, n);
                }
            } else {
                resolved_ = false;
            }
            Add(s);
        }
        Flush();
        result_.merged.append(base_.substr(cursor_));
        return std::move(result_);
    }

private:
    struct Member { int side; size_t index; };

    std::string_view base_;
    bool whole_changes_ = true;
    WordSums base_words_;
    const std::vector<uint32_t>& starts_ = base_words_.starts;   // base token boundaries
    std::vector<uint32_t> breaks_;   // how many base tokens before token t are sentence breaks
    uint32_t tokens_ = 0;
    Side side_[2];
    TextMerge result_;
    uint32_t cursor_ = 0;            // base bytes up to here are in merged
    // The chunk being gathered: changes that collide, one after another, and the base tokens
    // they cover together.
    std::vector<Member> members_;
    uint32_t begin_ = 0, end_ = 0;
    bool resolved_ = false;          // two changes that share only a space: both taken
    // The last chunk written out.
    bool have_last_ = false;
    uint32_t last_begin_ = 0, last_end_ = 0;

    std::string_view Token(uint32_t t) const { return base_.substr(starts_[t], starts_[t + 1] - starts_[t]); }

    // The side whose next change comes first in base order (by start, then end); ours on a tie,
    // which only happens for two changes of the same range, whose order does not matter.
    int Next() const
    {
        const bool more0 = side_[0].head < side_[0].changes.size();
        const bool more1 = side_[1].head < side_[1].changes.size();
        if (!more0 && !more1) return -1;
        if (!more1) return 0;
        if (!more0) return 1;
        const Change& a = side_[0].changes[side_[0].head];
        const Change& b = side_[1].changes[side_[1].head];
        return (b.t0 < a.t0 || (b.t0 == a.t0 && b.t1 < a.t1)) ? 1 : 0;
    }

    // Whether a change of tokens [t0, t1) collides with the chunk [b, e): they share a token,
    // both are insertions at one point, or one inserts strictly inside the other. Touching is
    // not colliding.
    static bool Overlaps(uint32_t b, uint32_t e, uint32_t t0, uint32_t t1)
    {
        if (b == e && t0 == t1) return b == t0;
        if (t0 == t1) return b < t0 && t0 < e;
        if (b == e) return t0 < b && b < t1;
        return std::max(b, t0) < std::min(e, t1);
    }

    void Start(int s)
    {
        members_.assign(1, Member{s, side_[s].head});
        const Change& c = side_[s].changes[side_[s].head++];
        begin_ = c.t0;
        end_ = c.t1;
        resolved_ = false;
    }

    void Add(int s)
    {
        members_.push_back(Member{s, side_[s].head});
        const Change& c = side_[s].changes[side_[s].head++];
        begin_ = std::min(begin_, c.t0);
        end_ = std::max(end_, c.t1);
    }

    // The bytes of side s that stand for base tokens [u0, u1), given that its changes first..last
    // are all it changed there. False when a neighbouring change of the side reaches into the
    // range (then the span is not one of these changes' making).
    bool SideSpan(int s, size_t first, size_t last, uint32_t u0, uint32_t u1, uint32_t* b, uint32_t* e) const
    {
        const std::vector<Change>& ch = side_[s].changes;
        if (first > 0 && ch[first - 1].t1 > u0) return false;
        if (last + 1 < ch.size() && ch[last + 1].t0 < u1) return false;
        *b = ch[first].s0 - (starts_[ch[first].t0] - starts_[u0]);
        *e = ch[last].s1 + (starts_[u1] - starts_[ch[last].t1]);
        return true;
    }

    // Whether the chunk's one change c and side s's next change read the same over both ranges:
    // the same edit, cut differently by the two diffs ("b " against " b").
    bool SameText(Member c, int s) const
    {
        const Change& a = side_[c.side].changes[c.index];
        const Change& n = side_[s].changes[side_[s].head];
        const uint32_t u0 = std::min(a.t0, n.t0), u1 = std::max(a.t1, n.t1);
        uint32_t ab, ae, nb, ne;
        if (!SideSpan(c.side, c.index, c.index, u0, u1, &ab, &ae)) return false;
        if (!SideSpan(s, side_[s].head, side_[s].head, u0, u1, &nb, &ne)) return false;
        return side_[c.side].text.substr(ab, ae - ab) == side_[s].text.substr(nb, ne - nb);
    }

    // -----------------------------------------------------------------------------------------
    // The diff of base against one side, in two steps, as line-then-word diffs do: first whole
    // sentences, then word by word inside each run of sentences that did not match. Unchanged
    // sentences pin the two texts together: a word diff alone, minimal in tokens, would as soon
    // pair a deleted sentence with an inserted one through their spaces and commas as call them
    // a deletion and an insertion, and the other side's edits would then land in the wrong place.

    // Sentence alignment, patience style: common first and last sentences, then the sentences
    // found once in each range, kept in the longest order both agree on, with the ranges between
    // them done the same way (a few levels deep; what is left is a changed run). Only sentences
    // anchor, never the breaks between them (a lone break found once in each range would pin
    // anything to anything). The counts are zero for every id on entry and on return; `where_b`
    // is scratch.
    static void AlignSentences(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, size_t a0, size_t a1, size_t b0, size_t b1,
                               const std::vector<uint8_t>& is_break, int depth, std::vector<uint32_t>& count_a,
                               std::vector<uint32_t>& count_b, std::vector<uint32_t>& where_b, std::vector<std::pair<size_t, size_t>>& pairs)
    {
        while (a0 < a1 && b0 < b1 && a[a0] == b[b0]) pairs.emplace_back(a0++, b0++);
        size_t tail = 0;
        while (a1 - tail > a0 && b1 - tail > b0 && a[a1 - tail - 1] == b[b1 - tail - 1]) tail++;
        a1 -= tail;
        b1 -= tail;
        if (a0 < a1 && b0 < b1 && depth < 8) {
            for (size_t i = a0; i < a1; i++) count_a[a[i]]++;
            for (size_t j = b0; j < b1; j++) count_b[b[j]]++;
            std::vector<std::pair<size_t, size_t>> unique;   // in order of a
            for (size_t j = b0; j < b1; j++)
                if (count_a[b[j]] == 1 && count_b[b[j]] == 1) where_b[b[j]] = (uint32_t)j;
            for (size_t i = a0; i < a1; i++)
                if (count_a[a[i]] == 1 && count_b[a[i]] == 1 && !is_break[a[i]]) unique.emplace_back(i, (size_t)where_b[a[i]]);
            for (size_t i = a0; i < a1; i++) count_a[a[i]] = 0;
            for (size_t j = b0; j < b1; j++) count_b[b[j]] = 0;
            // Longest chain increasing in b (patience sorting).
            std::vector<size_t> tails, back(unique.size(), SIZE_MAX);
            for (size_t k = 0; k < unique.size(); k++) {
                auto it = std::lower_bound(tails.begin(), tails.end(), unique[k].second,
                                           [&](size_t t, size_t j) { return unique[t].second < j; });
                if (it != tails.begin()) back[k] = *(it - 1);
                if (it == tails.end()) tails.push_back(k); else *it = k;
            }
            std::vector<std::pair<size_t, size_t>> chain;
            for (size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = back[k]) chain.push_back(unique[k]);
            std::reverse(chain.begin(), chain.end());
            size_t i = a0, j = b0;
            for (const auto& anchor : chain) {
                AlignSentences(a, b, i, anchor.first, j, anchor.second, is_break, depth + 1, count_a, count_b, where_b, pairs);
                pairs.push_back(anchor);
                i = anchor.first + 1;
                j = anchor.second + 1;
            }
            if (!chain.empty()) AlignSentences(a, b, i, a1, j, b1, is_break, depth + 1, count_a, count_b, where_b, pairs);
        }
        for (size_t k = 0; k < tail; k++) pairs.emplace_back(a1 + k, b1 + k);
    }

    void DiffSide(int s, const std::vector<uint32_t>& base_sentences)
    {
        const std::string_view side = side_[s].text;
        const WordSums& words = side_[s].words;
        const std::vector<uint32_t> side_sentences = SentenceStarts(words.starts, SentenceBreaks(side, words.starts));
        const size_t nb = base_sentences.size() - 1, ns = side_sentences.size() - 1;
        DiffOptions raw;
        raw.find_moves = false;   // a move is a deletion and an insertion to a merge
        raw.clean_up = false;     // CleanUp below does it, within sentences
        std::vector<Change>& changes = side_[s].changes;
        changes.clear();
        size_t cursor = 0;
        auto diff_region = [&](size_t b0, size_t b1, size_t s0, size_t s1) {
            const uint32_t bb = base_sentences[b0], be = base_sentences[b1], sb = side_sentences[s0], se = side_sentences[s1];
            if (bb == be && sb == se) return;
            AppendChanges(diff_text(base_.substr(bb, be - bb), side.substr(sb, se - sb), raw), bb, sb, starts_, &cursor, &changes);
        };
        std::unordered_map<std::string_view, uint32_t> ids;
        ids.reserve(nb + ns);
        std::vector<uint8_t> is_break;   // per id: a run of white space, not a sentence
        auto sentence_ids = [&](std::string_view text, const std::vector<uint32_t>& sentences) {
            std::vector<uint32_t> out;
            out.reserve(sentences.size() - 1);
            for (size_t i = 0; i + 1 < sentences.size(); i++) {
                const std::string_view piece = text.substr(sentences[i], sentences[i + 1] - sentences[i]);
                const auto found = ids.emplace(piece, (uint32_t)ids.size());
                if (found.second) is_break.push_back(token_kind_at(piece, 0) == TokenKind::Space);
                out.push_back(found.first->second);
            }
            return out;
        };
        const std::vector<uint32_t> a = sentence_ids(base_, base_sentences), b = sentence_ids(side, side_sentences);
        std::vector<uint32_t> count_a(ids.size(), 0), count_b(ids.size(), 0), where_b(ids.size(), 0);
        std::vector<std::pair<size_t, size_t>> pairs;
        AlignSentences(a, b, 0, nb, 0, ns, is_break, 0, count_a, count_b, where_b, pairs);
        // A run of changed sentences as many on both sides, sentence for sentence and break for
        // break, is diffed piece by piece: each sentence was edited in its place, and its changes
        // stay inside it, as they would if its neighbours had not changed too.
        auto diff_run = [&](size_t b0, size_t b1, size_t s0, size_t s1) {
            bool paired = b1 - b0 == s1 - s0;
            for (size_t k = 0; paired && k < b1 - b0; k++) paired = is_break[a[b0 + k]] == is_break[b[s0 + k]];
            if (!paired || b1 - b0 < 2) {
                diff_region(b0, b1, s0, s1);
                return;
            }
            for (size_t k = 0; k < b1 - b0; k++) diff_region(b0 + k, b0 + k + 1, s0 + k, s0 + k + 1);
        };
        size_t at_b = 0, at_s = 0;
        for (const auto& pair : pairs) {
            diff_run(at_b, pair.first, at_s, pair.second);
            at_b = pair.first + 1;
            at_s = pair.second + 1;
        }
        diff_run(at_b, nb, at_s, ns);
    }

    // -----------------------------------------------------------------------------------------
    // Clean-up, as diff_text's (docs/diff.md, step 5) but within sentences: an unchanged stretch
    // between two changes of one side that has no word, or no more words than either change,
    // joins them, so a rewritten sentence is one change and two rewrites of it collide instead
    // of interleaving word by word. Only when the left change ends and the right one begins in
    // the same sentence, though: the edits of two neighbouring sentences stay two changes, as
    // they must when the other side edited the sentence between them, or merges a merge again.

    uint32_t SideWords(int s, const Change& c) const
    {
        const WordSums& w = side_[s].words;
        return w.Words(w.Token(c.s0), w.Token(c.s1));
    }

    void CleanUp(int s)
    {
        std::vector<Change>& changes = side_[s].changes;
        std::vector<Change> out;
        out.reserve(changes.size());
        for (const Change& c : changes) {
            out.push_back(c);
            while (out.size() >= 2) {
                Change& left = out[out.size() - 2];
                const Change& right = out.back();
                const uint32_t words = base_words_.Words(left.t1, right.t0);
                // The sentence of the left change's last token and of the right change's first
                // (a break belongs to the sentence it ends).
                const bool same_sentence = breaks_[left.t1 > 0 ? left.t1 - 1 : 0] == breaks_[right.t0];
                if (!same_sentence) break;
                if (words > 0 && (words > std::max(base_words_.Words(left.t0, left.t1), SideWords(s, left)) ||
                                  words > std::max(base_words_.Words(right.t0, right.t1), SideWords(s, right))))
                    break;
                left.t1 = right.t1;
                left.s1 = right.s1;
                out.pop_back();
            }
        }
        changes.swap(out);
    }

    // A pure insertion or deletion slides left as far as it goes (a few tokens), then right until
    // it starts on a word, as diff_text places them: "We now add a sentence. We support..."
    // rather than "We {now add a sentence. We }support".
    void SlideToWords(int s)
    {
        std::vector<Change>& changes = side_[s].changes;
        for (size_t k = 0; k < changes.size(); k++) {
            Change c = changes[k], next;
            if (!c.deletion() && !c.insertion()) continue;
            for (int step = 0; step < 8 && SlideLeft(s, k, c, &next); step++) c = next;
            auto on_word = [&] {
                return c.deletion() ? token_kind_at(base_, starts_[c.t0]) == TokenKind::Word : token_kind_at(side_[s].text, c.s0) == TokenKind::Word;
            };
            for (int step = 0; step < 8 && !on_word() && SlideRight(s, k, c, &next); step++) c = next;
            changes[k] = c;
        }
    }

    // -----------------------------------------------------------------------------------------
    // Sliding: a pure insertion or deletion next to a repeat of its own edge can stand one token
    // over and give the same text ("a b c" less "b " is "a b c" less " b"). Each step keeps at
    // least one unchanged token between the change and its own side's neighbours.

    bool SlideLeft(int s, size_t k, const Change& c, Change* out) const
    {
        const std::vector<Change>& ch = side_[s].changes;
        const uint32_t lowest = k > 0 ? ch[k - 1].t1 + 1 : 0;   // the new t0 may not go below this
        if (c.t0 == 0 || c.t0 - 1 < lowest) return false;
        const std::string_view token = Token(c.t0 - 1);
        const uint32_t len = (uint32_t)token.size();
        if (c.deletion()) {
            if (Token(c.t1 - 1) != token) return false;
        } else if (c.insertion()) {
            if (c.s1 - c.s0 < len || side_[s].text.substr(c.s1 - len, len) != token) return false;
        } else {
            return false;
        }
        *out = Change{c.t0 - 1, c.t1 - 1, c.s0 - len, c.s1 - len};
        return true;
    }

    bool SlideRight(int s, size_t k, const Change& c, Change* out) const
    {
        const std::vector<Change>& ch = side_[s].changes;
        const uint32_t highest = k + 1 < ch.size() ? ch[k + 1].t0 - 1 : tokens_;   // the new t1 may not pass this
        if (c.t1 >= highest || c.t0 >= tokens_) return false;
        const std::string_view token = Token(c.t0);
        const uint32_t len = (uint32_t)token.size();
        if (c.deletion()) {
            if (Token(c.t1) != token) return false;
        } else if (c.insertion()) {
            if (c.s1 - c.s0 < len || side_[s].text.substr(c.s0, len) != token) return false;
        } else {
            return false;
        }
        *out = Change{c.t0 + 1, c.t1 + 1, c.s0 + len, c.s1 + len};
        return true;
    }

    // -----------------------------------------------------------------------------------------
    // Collisions that need not be conflicts, and writing chunks out

    // The chunk's one change c and side s's next change n collide. Each of them that is a pure
    // insertion or deletion may slide either way (up to kSteps tokens); the fewest steps in all
    // that part them win. Neither may reach back into the last chunk written nor past the other
    // side's next change. Which moves where depends only on where they stand in the base,
    // never on which side is ours. When n ends up first, c goes back to its list and the walk
    // takes them in their new order.
    bool SlideApart(Member cm, int s)
    {
        constexpr int kSteps = 16;
        // at[kSteps + k]: the change slid k tokens (left for k < 0); valid for k in [-lo, hi]
        Change c_at[2 * kSteps + 1], n_at[2 * kSteps + 1];
        int c_lo = 0, c_hi = 0, n_lo = 0, n_hi = 0;
        const size_t n_index = side_[s].head;
        c_at[kSteps] = side_[cm.side].changes[cm.index];
        n_at[kSteps] = side_[s].changes[n_index];
        while (c_lo < kSteps && SlideLeft(cm.side, cm.index, c_at[kSteps - c_lo], &c_at[kSteps - c_lo - 1])) c_lo++;
        while (c_hi < kSteps && SlideRight(cm.side, cm.index, c_at[kSteps + c_hi], &c_at[kSteps + c_hi + 1])) c_hi++;
        while (n_lo < kSteps && SlideLeft(s, n_index, n_at[kSteps - n_lo], &n_at[kSteps - n_lo - 1])) n_lo++;
        while (n_hi < kSteps && SlideRight(s, n_index, n_at[kSteps + n_hi], &n_at[kSteps + n_hi + 1])) n_hi++;
        if (c_lo + c_hi + n_lo + n_hi == 0) return false;
        const std::vector<Change>& c_side = side_[cm.side].changes;
        const std::vector<Change>& n_side = side_[s].changes;
        const Change* after_c = cm.index + 1 < c_side.size() ? &c_side[cm.index + 1] : nullptr;   // the other side's next, for n
        const Change* after_n = n_index + 1 < n_side.size() ? &n_side[n_index + 1] : nullptr;     // ... and for c
        auto same_point = [](const Change& x, const Change& y) { return x.point() && y.point() && x.t0 == y.t0; };
        auto placed = [&](const Change& x, const Change* other_next) {
            if (have_last_ && (x.t0 < last_end_ || (x.point() && last_begin_ == last_end_ && x.t0 == last_end_))) return false;
            return !other_next || (x.t1 <= other_next->t0 && !same_point(x, *other_next));
        };
        auto apart = [&](const Change& x, const Change& y) { return x.t1 <= y.t0 && !same_point(x, y); };
        for (int total = 1; total <= 4 * kSteps; total++)
            for (int i = -std::min(total, c_lo); i <= std::min(total, c_hi); i++) {
                const int rest = total - (i < 0 ? -i : i);
                for (int j : {-rest, rest}) {
                    if (j < -n_lo || j > n_hi) continue;
                    const Change& c = c_at[kSteps + i];
                    const Change& n = n_at[kSteps + j];
                    if (!placed(c, after_n) || !placed(n, after_c)) continue;
                    const bool c_first = apart(c, n);
                    if (!c_first && !apart(n, c)) continue;
                    side_[cm.side].changes[cm.index] = c;
                    side_[s].changes[n_index] = n;
                    if (c_first) {
                        begin_ = c.t0;
                        end_ = c.t1;
                    } else {
                        side_[cm.side].head = cm.index;   // c again waits its turn, after n
                        members_.clear();
                    }
                    return true;
                }
            }
        return false;
    }

    // The chunk's one change and side s's next change do not collide, but one of them is a pure
    // insertion that the other side's text already holds where it stands: the chunk an insertion
    // that n's side's text begins with at that point, or n an insertion that the chunk's side's
    // text ends with there. Then the insertion is dropped: taking both would write the words
    // twice. This is the same edit on both sides, cut differently by the two diffs (a sentence
    // inserted before a neighbour that the other side rewrote, seen again when a merged text is
    // merged with one of its sides). The inserted words must reach into the other change: words
    // the base already has there are a deliberate repeat.
    bool DropRepeatedInsertion(int s)
    {
        const Member cm = members_[0];
        const Change& c = side_[cm.side].changes[cm.index];
        const Change& n = side_[s].changes[side_[s].head];
        // The base between the two is unchanged on both sides: the other side's next change
        // comes after n in the walk, and its last one before the chunk.
        if (c.insertion() && n.t0 >= c.t0) {
            const uint32_t gap = starts_[n.t0] - starts_[c.t0];
            const std::string_view inserted = side_[cm.side].text.substr(c.s0, c.s1 - c.s0);
            if (inserted.size() > gap && side_[s].text.substr(n.s0 - gap, inserted.size()) == inserted) {
                members_.clear();   // nothing written: the chunk's words come with n
                return true;
            }
        }
        if (n.insertion() && n.t0 >= c.t1) {
            const uint32_t gap = starts_[n.t0] - starts_[c.t1];
            const std::string_view inserted = side_[s].text.substr(n.s0, n.s1 - n.s0);
            const uint32_t end = c.s1 + gap;
            if (inserted.size() > gap && end >= inserted.size() &&
                side_[cm.side].text.substr(end - inserted.size(), inserted.size()) == inserted) {
                side_[s].head++;    // n is already in the chunk's words
                return true;
            }
        }
        return false;
    }

    // c (first) and n overlap by one white-space token only, each has tokens of its own, and one
    // of them just deletes: both are taken and the space goes with them ("a b" less "a " on one
    // side and less " b" on the other is "", not a conflict).
    bool SharesOnlyASpace(const Change& c, const Change& n) const
    {
        return c.t0 < n.t0 && c.t1 == n.t0 + 1 && c.t1 < n.t1 && (c.deletion() || n.deletion()) && token_kind_at(base_, starts_[n.t0]) == TokenKind::Space;
    }

    void Append(int s, const Change& c) { result_.merged.append(side_[s].text.substr(c.s0, c.s1 - c.s0)); }

    // Writes the base up to the chunk, then the chunk: its one change, both of two changes that
    // share only a space, the text both sides agree on, or ours' text as a conflict.
    void Flush()
    {
        if (members_.empty()) return;
        std::string& merged = result_.merged;
        merged.append(base_.substr(cursor_, starts_[begin_] - cursor_));
        if (members_.size() == 1) {
            Append(members_[0].side, side_[members_[0].side].changes[members_[0].index]);
        } else if (members_.size() == 2 && resolved_) {
            for (const Member& m : members_) Append(m.side, side_[m.side].changes[m.index]);
        } else {
            size_t first[2] = {SIZE_MAX, SIZE_MAX}, last[2] = {0, 0};
            for (const Member& m : members_) {
                first[m.side] = std::min(first[m.side], m.index);
                last[m.side] = std::max(last[m.side], m.index);
            }
            PARLEY_ASSERT(first[0] != SIZE_MAX && first[1] != SIZE_MAX);
            uint32_t b[2], e[2];
            for (int s = 0; s < 2; s++) {
                const bool ok = SideSpan(s, first[s], last[s], begin_, end_, &b[s], &e[s]);
                PARLEY_ASSERT(ok);   // a chunk holds every change of both sides in its range
                if (!ok) {
                    b[s] = side_[s].changes[first[s]].s0;
                    e[s] = side_[s].changes[last[s]].s1;
                }
            }
            std::string_view ours = side_[0].text.substr(b[0], e[0] - b[0]);
            const std::string_view theirs = side_[1].text.substr(b[1], e[1] - b[1]);
            // One side's words here may already hold the other side's change (a merged text merged
            // again with one of the copies it came from, where the clean-up made one change of
            // two): word by word the region then merges into that side's words, which are taken.
            bool subsumed = false;
            if (ours != theirs && whole_changes_) {
                const std::string_view base_region = base_.substr(starts_[begin_], starts_[end_] - starts_[begin_]);
                const TextMerge fine = Merger(base_region, ours, theirs, false).Run();
                if (fine.clean() && (fine.merged == ours || fine.merged == theirs)) {
                    subsumed = true;
                    if (fine.merged != ours) ours = theirs;
                }
            }
            if (ours != theirs && !subsumed) {
                TextConflict conflict;
                conflict.base_begin = starts_[begin_];
                conflict.base_end = starts_[end_];
                conflict.ours_begin = b[0];
                conflict.ours_end = e[0];
                conflict.theirs_begin = b[1];
                conflict.theirs_end = e[1];
                conflict.merged_begin = (uint32_t)merged.size();
                conflict.merged_end = (uint32_t)(merged.size() + ours.size());
                result_.conflicts.push_back(conflict);
            }
            merged.append(ours);
        }
        cursor_ = starts_[end_];
        have_last_ = true;
        last_begin_ = begin_;
        last_end_ = end_;
        members_.clear();
        resolved_ = false;
    }
};

} // namespace

TextMerge merge_text(std::string_view base, std::string_view ours, std::string_view theirs)
{
    TextMerge result;
    if (ours == theirs || theirs == base) {
        result.merged.assign(ours);
        return result;
    }
    if (ours == base) {
        result.merged.assign(theirs);
        return result;
    }
    return Merger(base, ours, theirs).Run();
}

} // namespace parley
