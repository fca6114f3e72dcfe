// The word diff: what a reader of a comparison sees changed, and that the pieces always rebuild
// both texts exactly (merging will replay them).
#include "core/word_diff.h"

#include <doctest/doctest.h>
#include <random>
#include <string>
#include <vector>

using namespace parley;

// The pieces as "=text", "-text", "+text" strings, for readable expectations.
static std::vector<std::string> Pieces(const std::string& a, const std::string& b, const DiffOptions& options = {})
{
    const TextDiff d = diff_text(a, b, options);
    std::vector<std::string> out;
    for (const DiffPiece& p : d.pieces) {
        if (p.op == DiffOp::Equal) out.push_back("=" + a.substr(p.a_begin, p.a_end - p.a_begin));
        if (p.op == DiffOp::Delete) out.push_back((p.move >= 0 ? "-move:" : "-") + a.substr(p.a_begin, p.a_end - p.a_begin));
        if (p.op == DiffOp::Insert) out.push_back((p.move >= 0 ? "+move:" : "+") + b.substr(p.b_begin, p.b_end - p.b_begin));
    }
    return out;
}

// Every piece lies where it should: Equal and Delete pieces cover a in order, Equal and Insert
// pieces cover b in order, equal pieces really are equal, and replaying gives b.
static void CheckCovers(const std::string& a, const std::string& b, const TextDiff& d)
{
    uint32_t at_a = 0, at_b = 0;
    for (const DiffPiece& p : d.pieces) {
        if (p.op != DiffOp::Insert) { REQUIRE(p.a_begin == at_a); at_a = p.a_end; }
        else REQUIRE(p.a_begin == p.a_end);
        if (p.op != DiffOp::Delete) { REQUIRE(p.b_begin == at_b); at_b = p.b_end; }
        else REQUIRE(p.b_begin == p.b_end);
        if (p.op == DiffOp::Equal) REQUIRE(a.compare(p.a_begin, p.a_end - p.a_begin, b, p.b_begin, p.b_end - p.b_begin) == 0);
        REQUIRE((p.op == DiffOp::Equal || p.a_end > p.a_begin || p.b_end > p.b_begin));
    }
    REQUIRE(at_a == a.size());
    REQUIRE(at_b == b.size());
    REQUIRE(apply_diff(a, b, d) == b);
}

TEST_CASE("tokens: words keep apostrophes, hyphens and non-ASCII letters; spaces and marks stand alone")
{
    const std::string text = "The child's co-operation, 18-24 months\xE2\x80\x94Ynys M\xC3\xB4n\xC2\xA0\xC2\xA0ok.";
    const std::vector<uint32_t> t = tokenize_text(text);
    std::vector<std::string> tokens;
    for (size_t i = 0; i + 1 < t.size(); i++) tokens.push_back(text.substr(t[i], t[i + 1] - t[i]));
    const std::vector<std::string> expected = {"The", " ", "child's", " ", "co-operation", ",", " ", "18-24", " ", "months",
                                               "\xE2\x80\x94", "Ynys", " ", "M\xC3\xB4n", "\xC2\xA0\xC2\xA0", "ok", "."};
    CHECK(tokens == expected);
    CHECK(tokenize_text("") == std::vector<uint32_t>{0});
}

TEST_CASE("identical texts give one equal piece and count as identical")
{
    const std::string a = "Inspections should be proportionate.";
    const TextDiff d = diff_text(a, a);
    REQUIRE(d.pieces.size() == 1);
    CHECK(d.pieces[0].op == DiffOp::Equal);
    CHECK(d.identical());
    CHECK(d.words_equal == 4);
    CHECK(diff_text("", "").pieces.empty());
    CHECK(diff_text("", "").identical());
}

TEST_CASE("one word replaced: exactly that word deleted and the new one inserted")
{
    CHECK(Pieces("Local authorities get some notice of inspection.", "Local authorities get no notice of inspection.") ==
          std::vector<std::string>{"=Local authorities get ", "-some", "+no", "= notice of inspection."});
}

TEST_CASE("a sentence inserted or deleted is one piece, starting with a word")
{
    const std::string a = "Inspections are short. Reports are published.";
    const std::string b = "Inspections are short. Leaders are told first. Reports are published.";
    CHECK(Pieces(a, b) == std::vector<std::string>{"=Inspections are short. ", "+Leaders are told first. ", "=Reports are published."});
    CHECK(Pieces(b, a) == std::vector<std::string>{"=Inspections are short. ", "-Leaders are told first. ", "=Reports are published."});
}

TEST_CASE("a repeated word added: the highlight starts on a word, not on a space")
{
    const std::vector<std::string> p = Pieces("a big dog", "a big big dog");
    REQUIRE(p.size() == 3);
    CHECK(p[1] == "+big ");
}

TEST_CASE("a rewritten sentence reads as one replacement, not word-by-word confetti")
{
    const std::string a = "Opening. The cat sat on the mat by the door. Closing.";
    const std::string b = "Opening. A dog lay on a rug near the window. Closing.";
    const std::vector<std::string> p = Pieces(a, b);
    CHECK(p.size() == 4);
    CHECK(p.front() == "=Opening. ");
    CHECK(p.back() == "=. Closing.");
    // Without the clean-up the shared "on" and "the" stay, cut between changes.
    DiffOptions raw;
    raw.clean_up = false;
    CHECK(Pieces(a, b, raw).size() > 4);
}

TEST_CASE("a paragraph moved elsewhere is paired as a move, not shown as lost")
{
    const std::string moved = "Inspectors will speak to children and their families before they judge the service. ";
    // The longer stretch stays put and the shorter one is the move: here the middle paragraph.
    const std::string middle = "Second paragraph follows on after the first one. ";
    const std::string a = "First paragraph stays here. " + moved + middle + "Third paragraph ends the text.";
    const std::string b = "First paragraph stays here. " + middle + moved + "Third paragraph ends the text.";
    const TextDiff d = diff_text(a, b);
    CheckCovers(a, b, d);
    CHECK(d.moves == 1);
    int moved_pieces = 0;
    for (const DiffPiece& p : d.pieces)
        if (p.move == 0) moved_pieces++;
    CHECK(moved_pieces == 2);
    DiffOptions no_moves;
    no_moves.find_moves = false;
    CHECK(diff_text(a, b, no_moves).moves == 0);
}

TEST_CASE("a block moved into a rewritten passage is found inside the bigger insertion")
{
    const std::string block = "the director of children's services will be told on the first day";
    const std::string middle = "A long middle paragraph stays where it was, longer than the block that moves past it, so it is kept. ";
    const std::string a = "Intro words here. Old passage that goes: " + block + ". " + middle + "Outro words here.";
    const std::string b = "Intro words here. " + middle + "A wholly new paragraph says " + block + " and more besides. Outro words here.";
    const TextDiff d = diff_text(a, b);
    CheckCovers(a, b, d);
    CHECK(d.moves >= 1);
}

TEST_CASE("texts with nothing in common: everything deleted and inserted")
{
    const TextDiff d = diff_text("alpha beta", "gamma delta");
    CheckCovers("alpha beta", "gamma delta", d);
    CHECK(d.words_deleted == 2);
    CHECK(d.words_inserted == 2);
    CHECK(d.words_equal == 0);
    CHECK_FALSE(d.identical());
}

TEST_CASE("only white space changed: not identical, but no word changed")
{
    const TextDiff d = diff_text("two  spaces", "two spaces");
    CheckCovers("two  spaces", "two spaces", d);
    CHECK(d.words_deleted == 0);
    CHECK(d.words_inserted == 0);
    CHECK_FALSE(d.identical());
}

TEST_CASE("one side empty")
{
    const TextDiff d = diff_text("", "Some new words.");
    CheckCovers("", "Some new words.", d);
    CHECK(d.words_inserted == 3);
    const TextDiff e = diff_text("Old words.", "");
    CheckCovers("Old words.", "", e);
    CHECK(e.words_deleted == 2);
}

TEST_CASE("broken UTF-8 and odd bytes are tokens like any other and rebuild exactly")
{
    const std::string a = std::string("caf\xC3") + " \xFF\xFE ok \xF0\x9F\x98\x80 end";
    const std::string b = std::string("caf\xC3\xA9") + " \xFF ok \xF0\x9F\x98\x80 end\xE2";
    CheckCovers(a, b, diff_text(a, b));
}

// Random edits of a text built from a small vocabulary (so the same words recur, as in prose):
// whatever was done, the pieces rebuild both texts; with few edits the diff is small.
TEST_CASE("property: for random edits, the pieces rebuild both texts and the change stays close to the edits")
{
    static const char* vocabulary[] = {"the", "child", "inspection", "of", "services", "notice", "local", "authority", "and",
                                       "judgement", "weeks", "a", "to", "in", "multi-agency", "report", ",", ".", "social", "care"};
    std::mt19937 rng(12345);
    auto word = [&] { return std::string(vocabulary[rng() % 20]); };
    for (int round = 0; round < 300; round++) {
        std::vector<std::string> words;
        const int n = 1 + (int)(rng() % 200);
        for (int i = 0; i < n; i++) words.push_back(word());
        std::vector<std::string> edited = words;
        const int edits = (int)(rng() % 6);
        for (int e = 0; e < edits; e++) {
            const size_t at = rng() % (edited.size() + 1);
            switch (rng() % 3) {
            case 0: edited.insert(edited.begin() + (long)at, word()); break;
            case 1: if (at < edited.size()) edited.erase(edited.begin() + (long)at); break;
            default: if (at < edited.size()) edited[at] = word(); break;
            }
        }
        auto join = [](const std::vector<std::string>& w) {
            std::string s;
            for (size_t i = 0; i < w.size(); i++) s += (i ? " " : "") + w[i];
            return s;
        };
        const std::string a = join(words), b = join(edited);
        for (int clean = 0; clean < 2; clean++) {
            DiffOptions options;
            options.clean_up = clean == 1;
            const TextDiff d = diff_text(a, b, options);
            CAPTURE(a);
            CAPTURE(b);
            CheckCovers(a, b, d);
            CheckCovers(b, a, diff_text(b, a, options));
            if (edits == 0) CHECK(d.identical());
        }
        DiffOptions exact;
        exact.clean_up = false;
        exact.find_moves = false;
        // Without clean-up or moves, each edit changes at most one word each way: short texts
        // are diffed by Myers, which is minimal.
        const TextDiff d = diff_text(a, b, exact);
        CHECK(d.words_deleted <= edits);
        CHECK(d.words_inserted <= edits);
    }
}

TEST_CASE("a long text with scattered edits: the diff finds each edit, no giant hunks")
{
    std::mt19937 rng(7);
    std::string a, b;
    int changed = 0;
    for (int i = 0; i < 20000; i++) {
        const std::string w = "w" + std::to_string(rng() % 3000);
        a += w + " ";
        if (rng() % 50 == 0) { b += "new" + std::to_string(i) + " "; changed++; }
        else b += w + " ";
    }
    const TextDiff d = diff_text(a, b);
    CheckCovers(a, b, d);
    CHECK(d.words_inserted >= changed);
    CHECK(d.words_inserted <= changed * 2);
    int biggest = 0;
    for (const DiffPiece& p : d.pieces)
        if (p.op == DiffOp::Insert) biggest = std::max(biggest, (int)(p.b_end - p.b_begin));
    CHECK(biggest < 200);
}

TEST_CASE("a sentence added at the very start is one insertion before the old first word")
{
    CHECK(Pieces("We support the principle.", "We now add a first sentence. We support the principle.") ==
          std::vector<std::string>{"+We now add a first sentence. ", "=We support the principle."});
}
