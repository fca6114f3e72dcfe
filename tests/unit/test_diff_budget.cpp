// The word diff's work budget (word_diff.h, DiffOptions::work_budget): hostile pairs of texts
// that made the matcher do n x m work (9.6 s for `parley diff` on two 100,000-word texts with
// adjacent two-word blocks swapped, a 25 s freeze in the compare view) must cost work in
// proportion to their length, come back flagged as coarse and still rebuild the newer text
// exactly; ordinary edits must never meet the budget, so their diffs do not change.
// Work is counted, not timed: the counter is what the budget bounds.
#include "core/compare.h"
#include "core/word_diff.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace parley;

namespace {

// Made-up words from a fixed vocabulary, drawn with a small fixed-seed generator.
struct Words {
    std::vector<std::string> vocabulary;
    uint32_t seed = 12345;
    uint32_t Next() { seed = seed * 1664525u + 1013904223u; return seed >> 8; }
    explicit Words(int size)
    {
        const char* syllables[] = {"ba", "ke", "li", "mo", "nu", "ra", "si", "to", "vo", "we", "da", "fi", "go", "hu", "pe", "zu"};
        for (int i = 0; i < size; i++) {
            std::string w;
            for (int k = i, n = 0; n < 3 || k > 0; n++, k /= 16) w += syllables[(k + n * 7) % 16];
            vocabulary.push_back(w);
        }
    }
    std::vector<std::string> Draw(int count)
    {
        std::vector<std::string> out;
        for (int i = 0; i < count; i++) out.push_back(vocabulary[Next() % vocabulary.size()]);
        return out;
    }
};

// Words to prose: a paragraph break every 100 words.
std::string Render(const std::vector<std::string>& words)
{
    std::string s;
    for (size_t i = 0; i < words.size(); i++) {
        if (i) s += i % 100 == 0 ? ".\n\n" : " ";
        s += words[i];
    }
    return s + ".";
}

// "a b c d" -> "c d a b" all through: every word is still there, almost no run stays in place.
std::vector<std::string> SwapTwoWordBlocks(std::vector<std::string> w)
{
    for (size_t i = 0; i + 4 <= w.size(); i += 4) {
        std::swap(w[i], w[i + 2]);
        std::swap(w[i + 1], w[i + 3]);
    }
    return w;
}

uint64_t DefaultBudget(const std::string& a, const std::string& b)
{
    const uint64_t tokens = tokenize_text(a).size() - 1 + tokenize_text(b).size() - 1;
    return kDiffWorkPerToken * tokens + kDiffWorkBase;
}

DiffOptions Unbounded()
{
    DiffOptions o;
    o.work_budget = UINT64_MAX;
    return o;
}

} // namespace

TEST_CASE("diff budget: adjacent two-word blocks swapped cost linear work, flagged coarse, still exact")
{
    Words words(2000);
    const std::vector<std::string> w = words.Draw(40000);
    const std::string a = Render(w), b = Render(SwapTwoWordBlocks(w));
    const uint64_t budget = DefaultBudget(a, b);

    const TextDiff d = diff_text(a, b);
    CHECK(d.coarse);
    // The budget is checked between steps, never in the middle of one: a little overshoot.
    CHECK(d.work <= budget + budget / 10);
    CHECK(apply_diff(a, b, d) == b);

    // Without the budget the same pair costs far more: the work the budget saves (the engine
    // before the budget spent 27 million units here, 170 million on 100,000 words).
    const TextDiff unbounded = diff_text(a, b, Unbounded());
    CHECK_FALSE(unbounded.coarse);
    CHECK(unbounded.work > 2 * budget);
    CHECK(apply_diff(a, b, unbounded) == b);
}

TEST_CASE("diff budget: word soup against itself reversed, and endlessly repeated words, stay within it")
{
    Words words(2000);
    std::vector<std::string> soup = words.Draw(30000);
    std::vector<std::string> reversed(soup.rbegin(), soup.rend());
    Words three(3);
    three.seed = 99;
    const std::vector<std::string> r1 = three.Draw(30000), r2 = three.Draw(30000);
    for (const auto& pair : {std::make_pair(Render(soup), Render(reversed)), std::make_pair(Render(r1), Render(r2))}) {
        const TextDiff d = diff_text(pair.first, pair.second);
        CHECK(d.work <= DefaultBudget(pair.first, pair.second) * 11 / 10);
        CHECK(apply_diff(pair.first, pair.second, d) == pair.second);
    }
}

TEST_CASE("diff budget: a small budget gives a coarse result that still rebuilds b, whatever the pair")
{
    Words words(300);
    const std::vector<std::string> w = words.Draw(3000);
    std::vector<std::string> edited = w;
    for (size_t i = 0; i < edited.size(); i += 37) edited[i] = "changed";
    const std::string a = Render(w);
    for (const std::string& b : {Render(edited), Render(SwapTwoWordBlocks(w)), std::string("something else entirely"), std::string()}) {
        for (uint64_t budget : {1ull, 1000ull, 20000ull}) {
            DiffOptions o;
            o.work_budget = budget;
            const TextDiff d = diff_text(a, b, o);
            CHECK(apply_diff(a, b, d) == b);
            CHECK(d.work <= budget + 70000);   // one step past the budget at most (a region's histogram)
        }
    }
}

TEST_CASE("diff budget: ordinary edits of a long text never meet it, so their diff is unchanged")
{
    Words words(4000);
    std::vector<std::string> w = words.Draw(60000);
    std::vector<std::string> edited;
    for (size_t i = 0; i < w.size(); i++) {
        if (i % 97 == 0) continue;                                     // words deleted
        edited.push_back(i % 53 == 0 ? std::string("replaced") : w[i]);   // words replaced
        if (i % 211 == 0) { edited.push_back("new"); edited.push_back("words"); }   // inserted
    }
    // A paragraph's worth moved from near the start to near the end.
    edited.insert(edited.end() - 500, edited.begin() + 1000, edited.begin() + 1100);
    edited.erase(edited.begin() + 1000, edited.begin() + 1100);
    const std::string a = Render(w), b = Render(edited);

    const TextDiff d = diff_text(a, b);
    CHECK_FALSE(d.coarse);
    CHECK(d.work < DefaultBudget(a, b) / 3);   // far from it, not just under it
    CHECK(apply_diff(a, b, d) == b);
    const TextDiff unbounded = diff_text(a, b, Unbounded());
    REQUIRE(unbounded.pieces.size() == d.pieces.size());
    for (size_t i = 0; i < d.pieces.size(); i++) {
        CHECK(unbounded.pieces[i].op == d.pieces[i].op);
        CHECK(unbounded.pieces[i].a_begin == d.pieces[i].a_begin);
        CHECK(unbounded.pieces[i].b_begin == d.pieces[i].b_begin);
    }

    // Half the text rewritten: the heaviest ordinary case (bench/make-text.mjs's b-rewritten).
    std::vector<std::string> half(w.begin(), w.begin() + 30000);
    const std::vector<std::string> fresh = words.Draw(30000);
    half.insert(half.end(), fresh.begin(), fresh.end());
    const std::string c = Render(half);
    const TextDiff rewritten = diff_text(a, c);
    CHECK_FALSE(rewritten.coarse);
    CHECK(apply_diff(a, c, rewritten) == c);
}

TEST_CASE("diff budget: a comparison of two drafts says which prose fields were compared coarsely")
{
    Words words(2000);
    const std::vector<std::string> w = words.Draw(20000);
    Document older, newer;
    older.id = newer.id = "doc-budget";
    Section s;
    s.id = "sec-1";
    s.heading = "Body";
    s.body = Render(w);
    older.sections.push_back(s);
    s.body = Render(SwapTwoWordBlocks(w));
    newer.sections.push_back(s);
    const DocumentComparison c = compare_documents(older, newer);
    bool coarse = false;
    for (const FieldChange& f : c.changes)
        if (f.prose && f.diff.coarse) coarse = true;
    CHECK(coarse);
    CHECK(c.coarse_fields() == 1);
}

// The compare view works a comparison out over frames (TextDiffJob, ComparisonJob) so that no
// frame freezes the page: how the work is sliced must change nothing in what it shows.
namespace {
bool SamePieces(const TextDiff& x, const TextDiff& y)
{
    if (x.pieces.size() != y.pieces.size() || x.coarse != y.coarse || x.moves != y.moves || x.words_equal != y.words_equal) return false;
    for (size_t i = 0; i < x.pieces.size(); i++) {
        const DiffPiece &p = x.pieces[i], &q = y.pieces[i];
        if (p.op != q.op || p.a_begin != q.a_begin || p.a_end != q.a_end || p.b_begin != q.b_begin || p.b_end != q.b_end || p.move != q.move) return false;
    }
    return true;
}
} // namespace

TEST_CASE("diff slices: a diff worked out a slice at a time is the diff worked out at once")
{
    Words words(500);
    const std::vector<std::string> w = words.Draw(12000);
    std::vector<std::string> edited = w;
    for (size_t i = 0; i < edited.size(); i += 41) edited[i] = "changed";
    edited.insert(edited.end() - 300, edited.begin() + 200, edited.begin() + 260);   // a moved passage
    edited.erase(edited.begin() + 200, edited.begin() + 260);
    const std::string a = Render(w);
    for (const std::string& b : {Render(edited), Render(SwapTwoWordBlocks(w)), std::string(), std::string("one word")}) {
        for (uint64_t budget : {0ull, 50000ull}) {
            DiffOptions o;
            o.work_budget = budget;
            const TextDiff whole = diff_text(a, b, o);
            for (uint64_t slice : {1ull, 97ull, 5000ull}) {
                TextDiffJob job(a, b, o);
                int steps = 0;
                float last = job.progress();
                bool steady = last == 0.0f;
                while (!job.step(slice)) {
                    steps++;
                    steady = steady && job.progress() >= last && job.progress() < 1.0f;
                    last = job.progress();
                }
                CHECK(steady);   // the progress bar never goes back, and shows done only when done
                CHECK(job.progress() == 1.0f);
                CHECK(job.done());
                const TextDiff sliced = job.take();
                CHECK(SamePieces(whole, sliced));
                CHECK(apply_diff(a, b, sliced) == b);
                if (slice == 97 && !b.empty()) CHECK(steps > 100);   // it really was cut up
            }
        }
    }
    // The empty pair: a handful of steps, however small.
    TextDiffJob empty("", "");
    int steps = 0;
    while (!empty.step(1) && steps < 20) steps++;
    CHECK(empty.done());
    CHECK(empty.take().identical());
}

TEST_CASE("diff slices: a comparison of two drafts worked out a slice at a time shares its budget as at once")
{
    Words words(2000);
    const std::vector<std::string> w = words.Draw(8000);
    Document older, newer;
    older.id = newer.id = "doc-slices";
    for (int i = 0; i < 3; i++) {
        Section s;
        s.id = "sec-" + std::to_string(i);
        s.heading = "Part " + std::to_string(i);
        s.body = Render(w);
        older.sections.push_back(s);
        std::vector<std::string> changed = i == 1 ? SwapTwoWordBlocks(w) : w;
        changed[100 + i] = "edited";
        s.body = Render(changed);
        newer.sections.push_back(s);
    }
    const DocumentComparison whole = compare_documents(older, newer, 400000);
    ComparisonJob job(older, newer, 400000);
    CHECK(job.prose_fields() == 3);
    int steps = 0;
    while (!job.step(1000)) steps++;
    CHECK(steps > 10);
    CHECK(job.prose_done() == 3);
    const DocumentComparison sliced = job.take();
    REQUIRE(sliced.changes.size() == whole.changes.size());
    for (size_t i = 0; i < whole.changes.size(); i++) CHECK(SamePieces(whole.changes[i].diff, sliced.changes[i].diff));
    CHECK(whole.coarse_fields() == sliced.coarse_fields());
    CHECK(whole.coarse_fields() >= 1);   // the swapped section spent the shared budget
}
