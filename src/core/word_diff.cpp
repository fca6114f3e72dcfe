// Word-level differences: tokens, interning, histogram anchoring, Myers for what is left, a
// clean-up for reading, and moved blocks. See word_diff.h for the outline, docs/diff.md for why.
//
// Index of this file
//   Tokens
//   Matching
//   From runs to readable pieces
//   Moves
#include "word_diff.h"

#include <algorithm>
#include <cstring>
#include <memory>

namespace parley {

// ---------------------------------------------------------------------------------------------
// Tokens

enum CharClass { Char_Word, Char_Space, Char_Mark };

// The class of the character at text[i] and its length in bytes. Any letter or digit, and any
// character outside ASCII that is not one of the common Unicode spaces or punctuation marks,
// is part of a word: Welsh, Polish or Māori names must not fall apart into letters.
static CharClass ClassAt(std::string_view text, size_t i, size_t* len)
{
    const unsigned char c = (unsigned char)text[i];
    *len = 1;
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return Char_Word;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return Char_Space;
        return Char_Mark;
    }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > text.size()) n = text.size() - i;   // a cut-off sequence at the end: one token of its own
    *len = n;
    if (n == 2 && c == 0xC2) {
        const unsigned char d = (unsigned char)text[i + 1];
        if (d == 0xA0) return Char_Space;                        // no-break space
        if (d < 0xC0 && d != 0xAA && d != 0xB2 && d != 0xB3 && d != 0xB5 && d != 0xB9 && d != 0xBA) return Char_Mark;   // « » © ° ...
    }
    if (n == 3 && c == 0xE2 && (unsigned char)text[i + 1] == 0x80) {
        const unsigned char d = (unsigned char)text[i + 2];
        if (d <= 0x8A || d == 0xAF) return Char_Space;            // en/em/thin spaces, narrow no-break space
        if (d == 0x99) return Char_Word;                          // ’ as an apostrophe: "child’s"
        return Char_Mark;                                         // dashes, quotes, bullets, ellipsis
    }
    if (n == 3 && c == 0xE3 && (unsigned char)text[i + 1] == 0x80 && (unsigned char)text[i + 2] == 0x80) return Char_Space;   // ideographic space
    return Char_Word;
}

TokenKind token_kind_at(std::string_view text, size_t i)
{
    size_t len = 0;
    const CharClass k = ClassAt(text, i, &len);
    return k == Char_Word ? TokenKind::Word : k == Char_Space ? TokenKind::Space : TokenKind::Mark;
}

// Cuts text into tokens from byte `*at` on, until `*at` reaches `stop` (a whole token at a
// time, so it may pass it). `starts` gets each token's first byte and, once the end is reached,
// text.size(). A word goes on through an apostrophe or hyphen with a word character on both
// sides ("child's", "co-operate", "18-24"), so such a word changes as one.
static void Tokenize(std::string_view text, size_t* at, size_t stop, std::vector<uint32_t>& starts, std::vector<uint8_t>* is_word)
{
    size_t i = *at;
    while (i < text.size() && i < stop) {
        starts.push_back((uint32_t)i);
        size_t len;
        const CharClass cls = ClassAt(text, i, &len);
        i += len;
        if (cls == Char_Word) {
            while (i < text.size()) {
                const CharClass next = ClassAt(text, i, &len);
                if (next == Char_Word) { i += len; continue; }
                if ((text[i] == '\'' || text[i] == '-') && i + 1 < text.size()) {
                    size_t len2;
                    if (ClassAt(text, i + 1, &len2) == Char_Word) { i += 1 + len2; continue; }
                }
                break;
            }
        } else if (cls == Char_Space) {
            while (i < text.size() && ClassAt(text, i, &len) == Char_Space) i += len;
        }
        if (is_word) is_word->push_back(cls == Char_Word);
    }
    if (i >= text.size()) starts.push_back((uint32_t)text.size());
    *at = i;
}

std::vector<uint32_t> tokenize_text(std::string_view text)
{
    std::vector<uint32_t> starts;
    size_t at = 0;
    Tokenize(text, &at, text.size(), starts, nullptr);
    return starts;
}

// Interns token texts to dense integers with an open-addressing table: both texts share one
// table, so equal tokens get equal numbers and the diff compares integers only.
struct Interner {
    struct Slot { uint64_t hash; uint32_t begin, len; uint32_t id; const char* base; };
    std::vector<Slot> slots;
    uint32_t count = 0;
    size_t mask = 0;

    explicit Interner(size_t expected)
    {
        size_t size = 64;
        while (size < expected * 2) size <<= 1;
        slots.assign(size, Slot{0, 0, 0, UINT32_MAX, nullptr});
        mask = size - 1;
    }
    static uint64_t Hash(const char* p, size_t n)
    {
        uint64_t h = 1469598103934665603ull;   // FNV-1a, then mixed: tokens are short
        for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
        h ^= h >> 29; h *= 0xBF58476D1CE4E5B9ull; h ^= h >> 32;
        return h;
    }
    void Grow()
    {
        std::vector<Slot> old;
        old.swap(slots);
        slots.assign(old.size() * 2, Slot{0, 0, 0, UINT32_MAX, nullptr});
        mask = slots.size() - 1;
        for (const Slot& s : old)
            if (s.id != UINT32_MAX) {
                size_t k = s.hash & mask;
                while (slots[k].id != UINT32_MAX) k = (k + 1) & mask;
                slots[k] = s;
            }
    }
    uint32_t Intern(const char* base, uint32_t begin, uint32_t len)
    {
        if ((size_t)(count + 1) * 2 > slots.size()) Grow();
        const uint64_t h = Hash(base + begin, len);
        size_t k = h & mask;
        for (;;) {
            Slot& s = slots[k];
            if (s.id == UINT32_MAX) {
                s = Slot{h, begin, len, count, base};
                return count++;
            }
            if (s.hash == h && s.len == len && memcmp(s.base + s.begin, base + begin, len) == 0) return s.id;
            k = (k + 1) & mask;
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Matching: which tokens of a and b stay. The result is a list of equal runs, in order.

struct Run { uint32_t a, b, len; };

struct Matcher {
    const uint32_t* A; const uint32_t* B;
    uint32_t vocabulary;
    // The histogram of one region of A: per token its count and the head of its chain of
    // positions; `stamp` says which region wrote an entry, so nothing is cleared between regions.
    std::vector<uint32_t> count, head, stamp, next;
    uint32_t generation = 0;
    std::vector<Run> runs;
    // The work budget (DiffOptions::work_budget): every token compared or counted costs one unit.
    // Once it is spent, no region is matched any more: what is left of each is trimmed of its
    // common ends (linear in all) and stays one change. `out_of_budget` then says so.
    uint64_t work = 0, budget = UINT64_MAX;
    bool out_of_budget = false;
    bool Spend(uint64_t units)
    {
        work += units;
        if (work > budget) out_of_budget = true;
        return !out_of_budget;
    }

    static constexpr uint32_t kMaxChain = 64;       // tokens more frequent than this never anchor (git's choice)
    static constexpr uint32_t kSmallRegion = 2048;  // tokens in both sides together: Myers' ground
    static constexpr int      kSmallEdits = 128;    // ... as long as they differ by no more than this

    struct Region { uint32_t a0, a1, b0, b1; };

    // The regions still to match, the next on top: Match works through them a slice at a time.
    std::vector<Region> todo;

    // Sets up the matching of a (n tokens) and b (m tokens): the skeleton of unique anchors and
    // the regions between them.
    void BeginMatch(uint32_t n, uint32_t m)
    {
        runs.clear();
        todo.clear();
        work = 0;
        out_of_budget = false;
        count.assign(vocabulary, 0);
        head.assign(vocabulary, 0);
        stamp.assign(vocabulary, 0);
        next.assign(n, 0);
        generation = 0;
        // First the skeleton: tokens found exactly once in each text, kept in the longest order
        // both agree on (patience). A paragraph moved far away cannot outvote the many unique
        // words around it, which histogram anchoring alone, taking the longest rare run, could.
        std::vector<Run> anchors;
        if (n + m > kSmallRegion) anchors = UniqueAnchors(n, m);
        uint32_t a = 0, b = 0;
        for (const Run& r : anchors) {
            todo.push_back(Region{a, r.a, b, r.b});
            runs.push_back(r);
            a = r.a + 1; b = r.b + 1;
        }
        todo.push_back(Region{a, n, b, m});
        std::reverse(todo.begin(), todo.end());
    }

    // Matches regions until about `slice` work units are spent or none is left; true when done
    // (the runs are then in order of a). The slices change nothing in the result: a region is
    // always matched whole, in the same order.
    bool Match(uint64_t slice)
    {
        const uint64_t until = work + slice < work ? UINT64_MAX : work + slice;
        while (!todo.empty() && work < until) {
            Region r = todo.back();
            todo.pop_back();
            // Common prefix and suffix: cheap, and most regions are mostly that.
            uint32_t k = 0;
            while (r.a0 + k < r.a1 && r.b0 + k < r.b1 && A[r.a0 + k] == B[r.b0 + k]) k++;
            if (k) { runs.push_back(Run{r.a0, r.b0, k}); r.a0 += k; r.b0 += k; }
            uint32_t k2 = 0;
            while (r.a1 - k2 > r.a0 && r.b1 - k2 > r.b0 && A[r.a1 - k2 - 1] == B[r.b1 - k2 - 1]) k2++;
            if (k2) { runs.push_back(Run{r.a1 - k2, r.b1 - k2, k2}); r.a1 -= k2; r.b1 -= k2; }
            work += k + k2 + 1;   // counted, never refused: the regions are disjoint, so this is linear
            if (r.a0 == r.a1 || r.b0 == r.b1) continue;
            if (out_of_budget || !Spend(0)) continue;   // left whole: one deletion and one insertion
            // A small region gets the minimal answer (Myers); anchoring on rare runs can
            // settle on a shifted copy when every token is common, as in short repetitive text.
            // The cap keeps a rewritten region from costing (size x size): past it, anchor.
            if ((r.a1 - r.a0) + (r.b1 - r.b0) <= kSmallRegion && Myers(r, kSmallEdits)) continue;
            Region left, right;
            if (Anchor(r, &left, &right)) {
                todo.push_back(right);
                todo.push_back(left);
            }
        }
        if (!todo.empty()) return false;
        std::sort(runs.begin(), runs.end(), [](const Run& x, const Run& y) { return x.a < y.a; });
        return true;
    }

    // Tokens that occur once in a and once in b, as runs of one, in the longest chain that is
    // increasing in both texts (patience sorting, O(k log k)).
    std::vector<Run> UniqueAnchors(uint32_t n, uint32_t m)
    {
        std::vector<uint32_t> in_a(vocabulary, 0), in_b(vocabulary, 0), where_b(vocabulary, 0);
        work += 2 * (uint64_t)(n + m);   // O(k log k) at most: counted, never refused
        for (uint32_t i = 0; i < n; i++) in_a[A[i]]++;
        for (uint32_t j = 0; j < m; j++) { in_b[B[j]]++; where_b[B[j]] = j; }
        std::vector<Run> pairs;   // in order of a
        for (uint32_t i = 0; i < n; i++)
            if (in_a[A[i]] == 1 && in_b[A[i]] == 1) pairs.push_back(Run{i, where_b[A[i]], 1});
        // tails[k]: index in `pairs` of the smallest b ending a chain of length k+1
        std::vector<uint32_t> tails, back(pairs.size(), UINT32_MAX);
        for (uint32_t p = 0; p < pairs.size(); p++) {
            auto it = std::lower_bound(tails.begin(), tails.end(), pairs[p].b,
                                       [&](uint32_t t, uint32_t b) { return pairs[t].b < b; });
            if (it != tails.begin()) back[p] = *(it - 1);
            if (it == tails.end()) tails.push_back(p); else *it = p;
        }
        std::vector<Run> chain;
        for (uint32_t p = tails.empty() ? UINT32_MAX : tails.back(); p != UINT32_MAX; p = back[p]) {
            // A unique word that an edit took out in one place and put in another would pin the
            // two texts together in the wrong place; a true anchor sits in shared context.
            const Run& r = pairs[p];
            uint32_t context = 0;
            for (uint32_t k = 1; k <= 8 && r.a >= k && r.b >= k && A[r.a - k] == B[r.b - k]; k++) context++;
            for (uint32_t k = 1; k <= 8 && r.a + k < n && r.b + k < m && A[r.a + k] == B[r.b + k]; k++) context++;
            if (context >= 6) chain.push_back(r);
        }
        std::reverse(chain.begin(), chain.end());
        return chain;
    }

    // Finds the longest run of the rarest tokens common to both sides of the region, records it
    // and gives the regions left and right of it. False when the region has no such anchor:
    // then Myers decides, or nothing matches at all.
    bool Anchor(const Region& r, Region* left, Region* right)
    {
        if (!Spend((uint64_t)(r.a1 - r.a0) + (r.b1 - r.b0))) return false;
        generation++;
        for (uint32_t i = r.a1; i-- > r.a0;) {
            const uint32_t t = A[i];
            if (stamp[t] != generation) { stamp[t] = generation; count[t] = 0; }
            count[t]++;
            next[i] = head[t];   // the chain runs in increasing order of position
            head[t] = i;
        }
        uint32_t best_len = 0, best_count = kMaxChain + 1, best_a = 0, best_b = 0;
        bool common = false;
        for (uint32_t j = r.b0; j < r.b1;) {
            const uint32_t t = B[j];
            uint32_t j_next = j + 1;
            if (stamp[t] == generation) {
                common = true;
                if (count[t] <= best_count) {
                    uint32_t i = head[t];
                    for (uint32_t c = count[t]; c > 0; c--, i = next[i]) {
                        uint32_t sa = i, sb = j;
                        while (sa > r.a0 && sb > r.b0 && A[sa - 1] == B[sb - 1]) { sa--; sb--; }
                        uint32_t ea = i + 1, eb = j + 1;
                        while (ea < r.a1 && eb < r.b1 && A[ea] == B[eb]) { ea++; eb++; }
                        uint32_t rarest = UINT32_MAX;
                        for (uint32_t x = sa; x < ea; x++) rarest = std::min(rarest, count[A[x]]);
                        work += 2 * (uint64_t)(ea - sa) + 1;
                        if ((ea - sa > best_len && rarest <= best_count) || rarest < best_count) {
                            best_len = ea - sa; best_count = rarest; best_a = sa; best_b = sb;
                        }
                        j_next = std::max(j_next, eb);
                    }
                }
            }
            j = j_next;
            if (!Spend(0)) return false;   // nothing recorded: the caller leaves the region whole
        }
        // In a big region, a best anchor of a word or two is chance, not shared text: the region
        // was rewritten. Left as one change, which the clean-up would make of it anyway.
        const uint32_t size = (r.a1 - r.a0) + (r.b1 - r.b0);
        if (best_len > 0 && best_len < 4 && size > 256) return false;
        if (best_len > 0) {
            runs.push_back(Run{best_a, best_b, best_len});
            *left = Region{r.a0, best_a, r.b0, best_b};
            *right = Region{best_a + best_len, r.a1, best_b + best_len, r.b1};
            return true;
        }
        if (common && !out_of_budget) Myers(r, 256);
        return false;
    }

    // Myers' O(ND): small regions, and regions whose common tokens are all frequent ones. The
    // edit distance is capped; past the cap nothing is recorded and false comes back, and the
    // caller anchors instead (or leaves the region as one change, what a reader sees anyway).
    bool Myers(const Region& r, int cap)
    {
        const int n = (int)(r.a1 - r.a0), m = (int)(r.b1 - r.b0);
        const int max_d = std::min(n + m, cap);
        const int offset = max_d + 1;
        std::vector<int> v(2 * offset + 1, 0);
        // The frontier before each step d, kept for k in [-d, d] only: the walk back needs it.
        std::vector<int> trace;
        std::vector<size_t> trace_at;
        int found = -1;
        for (int d = 0; d <= max_d && found < 0; d++) {
            if (!Spend((uint64_t)d + 1)) return false;   // nothing recorded: the region stays whole
            trace_at.push_back(trace.size());
            trace.insert(trace.end(), v.begin() + (offset - d), v.begin() + (offset + d + 1));
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                const int x0 = x;
                while (x < n && y < m && A[r.a0 + x] == B[r.b0 + y]) { x++; y++; }
                work += (uint64_t)(x - x0);
                v[offset + k] = x;
                if (x >= n && y >= m) { found = d; break; }
            }
        }
        if (found < 0) return false;
        // Walk back through the saved frontiers to recover the diagonals (the equal runs).
        int x = n, y = m;
        for (int d = found; d > 0; d--) {
            const int* pv = trace.data() + trace_at[d] + d;   // pv[k] for k in [-d, d]
            const int k = x - y;
            const bool down = (k == -d || (k != d && pv[k - 1] < pv[k + 1]));
            const int pk = down ? k + 1 : k - 1;
            const int px = pv[pk], py = px - pk;
            const int sx = down ? px : px + 1, sy = sx - k;   // where the snake after the edit starts
            if (x > sx) runs.push_back(Run{r.a0 + (uint32_t)sx, r.b0 + (uint32_t)sy, (uint32_t)(x - sx)});
            x = px; y = py;
        }
        if (x > 0) runs.push_back(Run{r.a0, r.b0, (uint32_t)x});
        return true;
    }
};

// ---------------------------------------------------------------------------------------------
// From runs to readable pieces

// A stretch of the texts in token numbers: equal, or a change (a deletion of [a0,a1) and an
// insertion of [b0,b1), either may be empty).
struct Seg { bool equal; uint32_t a0, a1, b0, b1; };

struct WordCounts {   // words in a token range, in O(1): prefix sums of the word flags
    std::vector<uint32_t> sum;
    void Count(const std::vector<uint8_t>& is_word)
    {
        sum.resize(is_word.size() + 1);
        sum[0] = 0;
        for (size_t i = 0; i < is_word.size(); i++) sum[i + 1] = sum[i] + is_word[i];
    }
    uint32_t operator()(uint32_t from, uint32_t to) const { return sum[to] - sum[from]; }
};

static std::vector<Seg> SegmentsFromRuns(const std::vector<Run>& runs, uint32_t n, uint32_t m)
{
    std::vector<Seg> segs;
    uint32_t a = 0, b = 0;
    auto equal = [&](uint32_t a0, uint32_t b0, uint32_t len) {
        if (!segs.empty() && segs.back().equal && segs.back().a1 == a0 && segs.back().b1 == b0) {
            segs.back().a1 += len; segs.back().b1 += len;
        } else {
            segs.push_back(Seg{true, a0, a0 + len, b0, b0 + len});
        }
    };
    for (const Run& r : runs) {
        if (r.a > a || r.b > b) segs.push_back(Seg{false, a, r.a, b, r.b});
        if (r.len) equal(r.a, r.b, r.len);
        a = r.a + r.len; b = r.b + r.len;
    }
    if (a < n || b < m) segs.push_back(Seg{false, a, n, b, m});
    return segs;
}

// An equality stranded between two changes and no longer than either ("the", a comma, two
// spaces) tells the reader nothing and cuts one rewrite into confetti: it becomes part of the
// change. The same rule as diff-match-patch's semantic clean-up, counted in words. The first
// and last stretches are never absorbed.
static std::vector<Seg> AbsorbStrandedEqualities(std::vector<Seg> segs, const WordCounts& wa, const WordCounts& wb)
{
    for (int pass = 0; pass < 8; pass++) {
        std::vector<Seg> out;
        out.reserve(segs.size());
        bool changed = false;
        for (size_t i = 0; i < segs.size(); i++) {
            const Seg& s = segs[i];
            if (s.equal && !out.empty() && !out.back().equal && i + 1 < segs.size() && !segs[i + 1].equal) {
                const Seg& left = out.back();
                const Seg& right = segs[i + 1];
                const uint32_t words = wa(s.a0, s.a1);
                const uint32_t left_words = std::max(wa(left.a0, left.a1), wb(left.b0, left.b1));
                const uint32_t right_words = std::max(wa(right.a0, right.a1), wb(right.b0, right.b1));
                if (words == 0 || (words <= left_words && words <= right_words)) {
                    out.back().a1 = right.a1;
                    out.back().b1 = right.b1;
                    i++;   // the right change is now part of the left one
                    changed = true;
                    continue;
                }
            }
            if (!s.equal && !out.empty() && !out.back().equal) {   // two changes in a row: one
                out.back().a1 = s.a1; out.back().b1 = s.b1;
                continue;
            }
            out.push_back(s);
        }
        segs.swap(out);
        if (!changed) break;
    }
    return segs;
}

// A pure insertion or deletion between equal text can often sit in several places ("a big,
// big dog": which "big, " was added?). Slide it so that it starts with a word rather than a
// space or a mark where it can, so highlights begin and end at words. Sliding by one moves
// the change's four ends on by one and hands one equal token from the stretch after it to
// the stretch before it. Only the first and last stretches may be emptied (an empty one
// in the middle would let two changes touch).
static void SlideToWords(std::vector<Seg>& segs, const uint32_t* A, const uint32_t* B, const std::vector<uint8_t>& word_a,
                         const std::vector<uint8_t>& word_b)
{
    for (size_t i = 1; i + 1 < segs.size(); i++) {
        Seg& s = segs[i];
        Seg& before = segs[i - 1];
        Seg& after = segs[i + 1];
        if (s.equal || !before.equal || !after.equal) continue;
        const bool insertion = s.a0 == s.a1;
        if (!insertion && s.b0 != s.b1) continue;
        const uint32_t* T = insertion ? B : A;
        const std::vector<uint8_t>& word = insertion ? word_b : word_a;
        auto lo = [&] { return insertion ? s.b0 : s.a0; };
        auto hi = [&] { return insertion ? s.b1 : s.a1; };
        auto shift = [&](int by) {
            s.a0 += by; s.a1 += by; s.b0 += by; s.b1 += by;
            before.a1 += by; before.b1 += by;
            after.a0 += by; after.b0 += by;
        };
        // Left as far as it goes (a few steps), then right until it starts on a word.
        // The first and last stretches may be used up entirely: the change then opens or
        // closes the text ("We now add..." before "We support...", not after its "We").
        const uint32_t keep_before = i == 1 ? 0 : 1, keep_after = i + 2 == segs.size() ? 0 : 1;
        for (int step = 0; step < 8 && before.a1 - before.a0 > keep_before && T[lo() - 1] == T[hi() - 1]; step++) shift(-1);
        for (int step = 0; step < 8 && !word[lo()] && after.a1 - after.a0 > keep_after && hi() < (insertion ? after.b1 : after.a1) && T[lo()] == T[hi()]; step++) shift(+1);
    }
}

// ---------------------------------------------------------------------------------------------
// Moves

struct TokPiece { DiffOp op; uint32_t a0, a1, b0, b1; int32_t move; };

// Runs of at least kMoveWords words deleted in one place and inserted unchanged in another,
// found anywhere inside the deleted and inserted pieces (a moved paragraph is often cut at one
// end by an edit). Each deleted piece is scanned word by word for runs that also start in an
// inserted piece (looked up by their first and third tokens), the longest run at each place
// is taken, and both pieces are split around it; the halves share one move number.
static int FindMoves(std::vector<TokPiece>& pieces, const uint32_t* A, const uint32_t* B, const WordCounts& wa, const WordCounts& wb,
                     const std::vector<uint8_t>& word_a, const std::vector<uint8_t>& word_b, uint64_t* work, uint64_t budget, bool* out_of_budget)
{
    const uint32_t kMoveWords = 8;   // shorter runs recur by chance ("the director of children's services")
    const int kCandidates = 16;   // places tried per word: a bound on the work for common words
    auto lo_of = [](const TokPiece& p, DiffOp op) { return op == DiffOp::Delete ? p.a0 : p.b0; };
    auto hi_of = [](const TokPiece& p, DiffOp op) { return op == DiffOp::Delete ? p.a1 : p.b1; };

    // Where each pair of tokens (a word and the token two on) starts in the inserted pieces: a
    // hash table of chains in flat arrays, built once (a map of vectors cost more than the diff).
    std::vector<uint32_t> at_y, chain;
    for (const TokPiece& p : pieces) {
        if (p.op != DiffOp::Insert || wb(p.b0, p.b1) < kMoveWords) continue;
        for (uint32_t y = p.b0; y + 2 < p.b1; y++)
            if (word_b[y]) at_y.push_back(y);
    }
    if (at_y.empty()) return 0;
    size_t table_size = 16;
    while (table_size < at_y.size() * 2) table_size <<= 1;
    std::vector<uint32_t> heads(table_size, UINT32_MAX);
    chain.resize(at_y.size());
    auto bucket = [&](uint32_t first, uint32_t third) {
        uint64_t h = ((uint64_t)first << 32 | third) * 0x9E3779B97F4A7C15ull;
        return (size_t)(h >> 32) & (table_size - 1);
    };
    for (uint32_t e = (uint32_t)at_y.size(); e-- > 0;) {   // chains in increasing order of y
        const size_t h = bucket(B[at_y[e]], B[at_y[e] + 2]);
        chain[e] = heads[h];
        heads[h] = e;
    }

    // The piece holding position y of b: positions only grow along the pieces.
    auto holder = [&](uint32_t y) -> size_t {
        size_t lo = 0, hi = pieces.size();
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            if (pieces[mid].b1 <= y) lo = mid + 1; else hi = mid;
        }
        return lo;
    };
    // Cuts piece `index` into before / [cut0, cut1) / after; returns the index of the middle.
    auto split = [&](size_t index, DiffOp op, uint32_t cut0, uint32_t cut1, int32_t number) -> size_t {
        const TokPiece p = pieces[index];
        TokPiece parts[3];
        int count = 0, middle = 0;
        const uint32_t bounds[4] = {lo_of(p, op), cut0, cut1, hi_of(p, op)};
        for (int k = 0; k < 3; k++) {
            if (bounds[k] == bounds[k + 1]) continue;
            TokPiece q = p;
            if (op == DiffOp::Delete) { q.a0 = bounds[k]; q.a1 = bounds[k + 1]; } else { q.b0 = bounds[k]; q.b1 = bounds[k + 1]; }
            q.move = k == 1 ? number : -1;
            if (k == 1) middle = count;
            parts[count++] = q;
        }
        pieces[index] = parts[0];
        pieces.insert(pieces.begin() + (long)index + 1, parts + 1, parts + count);
        return index + (size_t)middle;
    };

    int moves = 0;
    for (size_t i = 0; i < pieces.size(); i++) {
        // Past the budget the moves not yet found are left as deletions and insertions.
        if (*work > budget) { *out_of_budget = true; break; }
        if (pieces[i].op != DiffOp::Delete || pieces[i].move >= 0 || wa(pieces[i].a0, pieces[i].a1) < kMoveWords) continue;
        const uint32_t end = pieces[i].a1;
        for (uint32_t x = pieces[i].a0; x + 2 < end; x++) {
            if (!word_a[x]) continue;
            uint32_t best_len = 0, best_y = 0;
            size_t best_holder = 0;
            int tries = 0;
            for (uint32_t e = heads[bucket(A[x], A[x + 2])]; e != UINT32_MAX; e = chain[e]) {
                const uint32_t y = at_y[e];
                ++*work;
                if (B[y] != A[x] || B[y + 2] != A[x + 2]) continue;
                if (++tries > kCandidates) break;
                const size_t k = holder(y);
                if (k >= pieces.size() || pieces[k].op != DiffOp::Insert || pieces[k].move >= 0 || y < pieces[k].b0) continue;
                uint32_t len = 0;
                while (x + len < end && y + len < pieces[k].b1 && A[x + len] == B[y + len]) len++;
                *work += len;
                while (len > 0 && !word_a[x + len - 1]) len--;   // end on a word
                if (len > best_len) { best_len = len; best_y = y; best_holder = k; }
            }
            if (best_len == 0 || wa(x, x + best_len) < kMoveWords) continue;
            const int32_t number = moves++;
            // Split the later piece first, so the earlier one's index still holds.
            size_t middle;
            if (best_holder > i) {
                split(best_holder, DiffOp::Insert, best_y, best_y + best_len, number);
                middle = split(i, DiffOp::Delete, x, x + best_len, number);
            } else {
                middle = split(i, DiffOp::Delete, x, x + best_len, number);
                const size_t size_before = pieces.size();
                split(best_holder, DiffOp::Insert, best_y, best_y + best_len, number);
                middle += pieces.size() - size_before;
            }
            i = middle;   // carry on with what is left of the deleted piece after the moved run
            break;
        }
    }
    return moves;
}

// ---------------------------------------------------------------------------------------------

// The big arrays of one diff. They live on between diffs (one spare per thread): a comparison
// diffs many fields in a row, and fresh multi-megabyte buffers cost page faults that outweighed
// the diff itself.
struct Scratch {
    std::vector<uint32_t> sa, sb, ta, tb;
    std::vector<uint8_t> word_a, word_b;
    Matcher matcher;
    WordCounts wa, wb;
};

static thread_local std::unique_ptr<Scratch> t_spare_scratch;

// The steps of a diff, in order. Cutting and interning go a slice of tokens at a time and the
// matching a slice of work; the others are linear and short (some milliseconds natively for
// 100,000 words), so they run whole.
enum DiffStep { Step_CutA, Step_CutB, Step_InternA, Step_InternB, Step_Skeleton, Step_Match, Step_CleanUp, Step_Moves, Step_Done };

struct TextDiffJob::State {
    std::string_view a, b;
    DiffOptions options;
    std::unique_ptr<Scratch> scratch;
    Interner interner{1024};   // distinct tokens are few: start small and grow (clearing a table sized for every token cost more than the diff)
    DiffStep step = Step_CutA;
    size_t at = 0;             // the byte (cutting) or token (interning) the current step has reached
    uint32_t n = 0, m = 0;     // tokens of a and b, once cut
    std::vector<TokPiece> pieces;   // between the clean-up and the moves
    TextDiff result;
};

TextDiffJob::TextDiffJob(std::string_view a, std::string_view b, const DiffOptions& options) : s_(new State)
{
    s_->a = a;
    s_->b = b;
    s_->options = options;
    s_->scratch = t_spare_scratch ? std::move(t_spare_scratch) : std::unique_ptr<Scratch>(new Scratch);
    Scratch& sc = *s_->scratch;
    sc.sa.clear(); sc.sb.clear(); sc.word_a.clear(); sc.word_b.clear();
}

TextDiffJob::~TextDiffJob()
{
    if (s_->scratch && !t_spare_scratch) t_spare_scratch = std::move(s_->scratch);
}

bool TextDiffJob::done() const { return s_->step == Step_Done; }

float TextDiffJob::progress() const
{
    // Where each step starts, as a share of the whole: a rough but steady line for a progress bar.
    static const float kStart[] = {0.0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.45f, 0.9f, 0.95f, 1.0f};
    const State& s = *s_;
    if (s.step == Step_Done) return 1.0f;
    float within = 0;   // how far the current step has got
    switch (s.step) {
    case Step_CutA: within = s.a.empty() ? 0 : (float)s.at / s.a.size(); break;
    case Step_CutB: within = s.b.empty() ? 0 : (float)s.at / s.b.size(); break;
    case Step_InternA: within = s.n ? (float)s.at / s.n : 0; break;
    case Step_InternB: within = s.m ? (float)s.at / s.m : 0; break;
    case Step_Match: {
        const Matcher& matcher = s.scratch->matcher;   // the budget is the most the matching can spend
        within = matcher.budget == UINT64_MAX ? 0 : std::min(1.0f, (float)((double)matcher.work / (double)matcher.budget));
        break;
    }
    default: break;
    }
    return kStart[s.step] + within * (kStart[s.step + 1] - kStart[s.step]);
}

TextDiff TextDiffJob::take()
{
    while (!step(UINT64_MAX)) {}
    return std::move(s_->result);
}

// Turns the matched runs into token pieces, cleaned up for reading.
static void CleanUp(Scratch& sc, uint32_t n, uint32_t m, const DiffOptions& options, std::vector<TokPiece>& pieces)
{
    sc.wa.Count(sc.word_a);
    sc.wb.Count(sc.word_b);
    std::vector<Seg> segs = SegmentsFromRuns(sc.matcher.runs, n, m);
    if (options.clean_up) {
        segs = AbsorbStrandedEqualities(std::move(segs), sc.wa, sc.wb);
        SlideToWords(segs, sc.ta.data(), sc.tb.data(), sc.word_a, sc.word_b);
    }
    pieces.clear();
    pieces.reserve(segs.size() * 2);
    for (const Seg& s : segs) {
        if (s.equal) {
            if (s.a1 > s.a0) pieces.push_back(TokPiece{DiffOp::Equal, s.a0, s.a1, s.b0, s.b1, -1});
            continue;
        }
        if (s.a1 > s.a0) pieces.push_back(TokPiece{DiffOp::Delete, s.a0, s.a1, s.b0, s.b0, -1});
        if (s.b1 > s.b0) pieces.push_back(TokPiece{DiffOp::Insert, s.a1, s.a1, s.b0, s.b1, -1});
    }
}

// Finds the moves among the token pieces, then gives the result its byte ranges and counts.
static void FinishPieces(Scratch& sc, const DiffOptions& options, std::vector<TokPiece>& pieces, TextDiff& result)
{
    Matcher& matcher = sc.matcher;
    const WordCounts& wa = sc.wa;
    const WordCounts& wb = sc.wb;
    if (options.find_moves)
        result.moves = FindMoves(pieces, sc.ta.data(), sc.tb.data(), wa, wb, sc.word_a, sc.word_b, &matcher.work, matcher.budget, &matcher.out_of_budget);
    result.work = matcher.work;
    result.coarse = matcher.out_of_budget;

    const std::vector<uint32_t>& sa = sc.sa;
    const std::vector<uint32_t>& sb = sc.sb;
    result.pieces.reserve(pieces.size());
    for (const TokPiece& p : pieces) {
        DiffPiece d;
        d.op = p.op;
        d.move = p.move;
        if (p.op != DiffOp::Insert) { d.a_begin = sa[p.a0]; d.a_end = sa[p.a1]; } else { d.a_begin = d.a_end = sa[p.a0]; }
        if (p.op != DiffOp::Delete) { d.b_begin = sb[p.b0]; d.b_end = sb[p.b1]; } else { d.b_begin = d.b_end = sb[p.b0]; }
        switch (p.op) {
        case DiffOp::Equal: result.words_equal += (int)wa(p.a0, p.a1); break;
        case DiffOp::Delete: result.words_deleted += (int)wa(p.a0, p.a1); result.all_equal = false; break;
        case DiffOp::Insert: result.words_inserted += (int)wb(p.b0, p.b1); result.all_equal = false; break;
        }
        result.pieces.push_back(d);
    }
}

bool TextDiffJob::step(uint64_t units)
{
    State& s = *s_;
    Scratch& sc = *s.scratch;
    Matcher& matcher = sc.matcher;
    uint64_t left = units ? units : 1;   // a step of 0 still moves on
    while (left > 0 && s.step != Step_Done) {
        switch (s.step) {
        case Step_CutA:
        case Step_CutB: {
            const std::string_view text = s.step == Step_CutA ? s.a : s.b;
            // A slice of cutting: bytes count a quarter each, about what a token costs here.
            const uint64_t bytes = left > UINT64_MAX / 4 ? UINT64_MAX : left * 4;
            const size_t from = s.at;
            const size_t stop = bytes > text.size() - from ? text.size() : from + (size_t)bytes;
            Tokenize(text, &s.at, stop, s.step == Step_CutA ? sc.sa : sc.sb, s.step == Step_CutA ? &sc.word_a : &sc.word_b);
            left -= std::min<uint64_t>(left, (s.at - from) / 4 + 1);
            if (s.at >= text.size()) {
                s.at = 0;
                s.step = s.step == Step_CutA ? Step_CutB : Step_InternA;
                if (s.step == Step_InternA) {
                    s.n = (uint32_t)sc.sa.size() - 1;
                    s.m = (uint32_t)sc.sb.size() - 1;
                    sc.ta.resize(s.n);
                    sc.tb.resize(s.m);
                }
            }
            break;
        }
        case Step_InternA:
        case Step_InternB: {
            const bool in_a = s.step == Step_InternA;
            const uint32_t count = in_a ? s.n : s.m;
            const std::vector<uint32_t>& starts = in_a ? sc.sa : sc.sb;
            std::vector<uint32_t>& ids = in_a ? sc.ta : sc.tb;
            const char* base = in_a ? s.a.data() : s.b.data();
            const size_t until = left >= count - s.at ? count : s.at + (size_t)left;
            for (size_t i = s.at; i < until; i++) ids[i] = s.interner.Intern(base, starts[i], starts[i + 1] - starts[i]);
            left -= std::min<uint64_t>(left, until - s.at + 1);
            s.at = until;
            if (s.at >= count) {
                s.at = 0;
                s.step = in_a ? Step_InternB : Step_Skeleton;
            }
            break;
        }
        case Step_Skeleton: {
            matcher.A = sc.ta.data();
            matcher.B = sc.tb.data();
            matcher.vocabulary = s.interner.count;
            const uint64_t default_budget = kDiffWorkPerToken * ((uint64_t)s.n + s.m) + kDiffWorkBase;
            matcher.budget = s.options.work_budget == UINT64_MAX ? UINT64_MAX
                           : s.options.work_budget ? std::min(s.options.work_budget, default_budget) : default_budget;
            matcher.BeginMatch(s.n, s.m);
            left -= std::min<uint64_t>(left, (uint64_t)s.n + s.m + 1);
            s.step = Step_Match;
            break;
        }
        case Step_Match: {
            const uint64_t before = matcher.work;
            const bool matched = matcher.Match(left);
            left -= std::min<uint64_t>(left, matcher.work - before + 1);
            if (matched) { s.step = Step_CleanUp; left = 0; }
            break;
        }
        // The last two steps are not cut up; each begins and ends a call, so a caller slicing by
        // time looks at its clock before and after each.
        case Step_CleanUp:
            CleanUp(sc, s.n, s.m, s.options, s.pieces);
            left = 0;
            s.step = Step_Moves;
            break;
        case Step_Moves:
            FinishPieces(sc, s.options, s.pieces, s.result);
            std::vector<TokPiece>().swap(s.pieces);
            left = 0;
            s.step = Step_Done;
            break;
        case Step_Done:
            break;
        }
    }
    return s.step == Step_Done;
}

TextDiff diff_text(std::string_view a, std::string_view b, const DiffOptions& options)
{
    TextDiffJob job(a, b, options);
    return job.take();
}

std::string apply_diff(std::string_view a, std::string_view b, const TextDiff& diff)
{
    std::string out;
    out.reserve(b.size());
    for (const DiffPiece& p : diff.pieces) {
        if (p.op == DiffOp::Equal) out.append(a.substr(p.a_begin, p.a_end - p.a_begin));
        else if (p.op == DiffOp::Insert) out.append(b.substr(p.b_begin, p.b_end - p.b_begin));
    }
    return out;
}

} // namespace parley
