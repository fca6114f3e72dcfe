// merge_text: a word-level three-way merge of prose. Edits that do not share words of the
// original merge; edits that do are conflicts with their ranges in every text; the merge is
// symmetric in its two sides and merging again changes nothing.
#include "core/assert.h"
#include "core/text_merge.h"

#include <doctest/doctest.h>
#include <chrono>
#include <random>
#include <string>
#include <vector>

using namespace parley;

static std::string Slice(std::string_view text, uint32_t begin, uint32_t end) { return std::string(text.substr(begin, end - begin)); }

// Merges both ways round and checks what must hold of any merge: conflicts in order, within
// the texts, ours' words where the merged text says; the mirrored merge has the same conflicts
// with ours and theirs swapped, and putting theirs' words in at the conflicts gives its text;
// merging the result again with either side changes nothing.
static TextMerge Merge(const std::string& base, const std::string& ours, const std::string& theirs)
{
    const int failures = assert_failures();
    const TextMerge m = merge_text(base, ours, theirs);
    const TextMerge mirror = merge_text(base, theirs, ours);
    CHECK(assert_failures() == failures);
    uint32_t at_base = 0, at_merged = 0;
    for (const TextConflict& c : m.conflicts) {
        REQUIRE(c.base_begin >= at_base);
        REQUIRE(c.base_begin <= c.base_end);
        REQUIRE(c.base_end <= base.size());
        REQUIRE(c.ours_begin <= c.ours_end);
        REQUIRE(c.ours_end <= ours.size());
        REQUIRE(c.theirs_begin <= c.theirs_end);
        REQUIRE(c.theirs_end <= theirs.size());
        REQUIRE(c.merged_begin >= at_merged);
        REQUIRE(c.merged_end <= m.merged.size());
        CHECK(Slice(m.merged, c.merged_begin, c.merged_end) == Slice(ours, c.ours_begin, c.ours_end));
        CHECK(Slice(ours, c.ours_begin, c.ours_end) != Slice(theirs, c.theirs_begin, c.theirs_end));
        at_base = c.base_end;
        at_merged = c.merged_end;
    }
    REQUIRE(mirror.conflicts.size() == m.conflicts.size());
    std::string swapped;   // m.merged with theirs' words at each conflict: the mirrored merge
    uint32_t copied = 0;
    for (size_t i = 0; i < m.conflicts.size(); i++) {
        const TextConflict& a = m.conflicts[i];
        const TextConflict& b = mirror.conflicts[i];
        CHECK(a.base_begin == b.base_begin);
        CHECK(a.base_end == b.base_end);
        CHECK(a.ours_begin == b.theirs_begin);
        CHECK(a.ours_end == b.theirs_end);
        CHECK(a.theirs_begin == b.ours_begin);
        CHECK(a.theirs_end == b.ours_end);
        swapped += Slice(m.merged, copied, a.merged_begin) + Slice(theirs, a.theirs_begin, a.theirs_end);
        copied = a.merged_end;
    }
    swapped += m.merged.substr(copied);
    CHECK(swapped == mirror.merged);
    CHECK(merge_text(ours, m.merged, ours).merged == m.merged);
    CHECK(merge_text(theirs, m.merged, theirs).merged == m.merged);
    CHECK(merge_text(ours, ours, m.merged).merged == m.merged);
    CHECK(merge_text(theirs, theirs, m.merged).merged == m.merged);
    return m;
}

static const std::string kParagraph =
    "Inspections should be short and focused. The team will give two weeks' notice. "
    "Inspectors will speak to children and their families. The local authority will see the report first. "
    "Leaders may challenge any judgement within ten days. Reports are published after four weeks.";

TEST_CASE("merge_text: fast paths take the changed side whole")
{
    const std::string base = "Reports are published.";
    const std::string edited = "Reports are published at once.";
    CHECK(Merge(base, base, edited).merged == edited);
    CHECK(Merge(base, edited, base).merged == edited);
    CHECK(Merge(base, edited, edited).merged == edited);
    CHECK(Merge(base, base, base).merged == base);
    CHECK(Merge(base, edited, edited).clean());
}

TEST_CASE("merge_text: edits in different sentences of a paragraph merge cleanly and both are kept")
{
    std::string ours = kParagraph, theirs = kParagraph;
    ours.replace(ours.find("two weeks'"), 10, "three working days'");
    theirs.replace(theirs.find("ten days"), 8, "fifteen working days");
    const TextMerge m = Merge(kParagraph, ours, theirs);
    CHECK(m.clean());
    std::string expected = kParagraph;
    expected.replace(expected.find("two weeks'"), 10, "three working days'");
    expected.replace(expected.find("ten days"), 8, "fifteen working days");
    CHECK(m.merged == expected);

    // A deleted sentence on one side and an inserted one elsewhere on the other.
    std::string deleted = kParagraph, inserted = kParagraph;
    deleted.erase(deleted.find("Inspectors will"), std::string("Inspectors will speak to children and their families. ").size());
    inserted.insert(inserted.find("Reports are"), "Every report names its lead inspector. ");
    const TextMerge d = Merge(kParagraph, deleted, inserted);
    CHECK(d.clean());
    CHECK(d.merged.find("Inspectors will speak") == std::string::npos);
    CHECK(d.merged.find("ten days. Every report names its lead inspector. Reports are") != std::string::npos);
}

TEST_CASE("merge_text: the same edit on both sides is taken once")
{
    std::string ours = kParagraph, theirs = kParagraph;
    ours.replace(ours.find("two weeks'"), 10, "no");
    theirs.replace(theirs.find("two weeks'"), 10, "no");
    ours.replace(ours.find("short"), 5, "brief");   // so the sides differ and the fast path is not taken
    const TextMerge m = Merge(kParagraph, ours, theirs);
    CHECK(m.clean());
    CHECK(m.merged == ours);

    // The same word deleted on both sides, one of them with another edit.
    const TextMerge w = Merge("We will do it quickly. Then stop.", "We will do it. Then stop.", "We will do it. Then we stop.");
    CHECK(w.clean());
    CHECK(w.merged == "We will do it. Then we stop.");
}

TEST_CASE("merge_text: overlapping edits are a conflict with the right ranges in every text")
{
    const std::string base = "The team will visit for two weeks. Reports follow.";
    const std::string ours = "The team will visit for three weeks. Reports follow.";
    const std::string theirs = "The team will visit for four weeks. Reports follow soon.";
    const TextMerge m = Merge(base, ours, theirs);
    REQUIRE(m.conflicts.size() == 1);
    const TextConflict& c = m.conflicts[0];
    CHECK(Slice(base, c.base_begin, c.base_end) == "two");
    CHECK(Slice(ours, c.ours_begin, c.ours_end) == "three");
    CHECK(Slice(theirs, c.theirs_begin, c.theirs_end) == "four");
    CHECK(Slice(m.merged, c.merged_begin, c.merged_end) == "three");
    CHECK(m.merged == "The team will visit for three weeks. Reports follow soon.");   // theirs' other edit is still taken
    CHECK_FALSE(m.clean());

    // Two overlapping word ranges: the conflict covers both.
    const TextMerge o = Merge("one two three four five", "one TWO THREE four five", "one two 3 4 five");
    REQUIRE(o.conflicts.size() == 1);
    CHECK(Slice("one two three four five", o.conflicts[0].base_begin, o.conflicts[0].base_end) == "two three four");
    CHECK(o.merged == "one TWO THREE four five");

    // Both sides rewrite one sentence differently: one conflict, never the words interleaved.
    const std::string a = "Opening. The cat sat on the mat by the door. Closing.";
    const std::string b = "Opening. A dog lay on a rug near the window. Closing.";
    const std::string t = "Opening. The cat slept on the bed by the fire. Closing.";
    const TextMerge r = Merge(a, b, t);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.merged == b);
}

TEST_CASE("merge_text: an edit against a deletion of the same sentence is a conflict")
{
    const std::string sentence = "The local authority will see the report first. ";
    std::string ours = kParagraph, theirs = kParagraph;
    ours.replace(ours.find("see the report first"), 20, "see a draft of the report first");
    theirs.erase(theirs.find(sentence), sentence.size());
    const TextMerge m = Merge(kParagraph, ours, theirs);
    REQUIRE(m.conflicts.size() == 1);
    const TextConflict& c = m.conflicts[0];
    CHECK(Slice(kParagraph, c.base_begin, c.base_end).find("the report") != std::string::npos);
    CHECK(Slice(ours, c.ours_begin, c.ours_end).find("a draft of") != std::string::npos);
    CHECK(c.theirs_begin == c.theirs_end);
    CHECK(m.merged == ours);
}

TEST_CASE("merge_text: different insertions at the same point are a conflict; the same one is taken once")
{
    const std::string base = "Inspections are short. Reports are published.";
    const std::string ours = "Inspections are short. Leaders are told first. Reports are published.";
    const std::string theirs = "Inspections are short. Parents are asked first. Reports are published.";
    const TextMerge m = Merge(base, ours, theirs);
    REQUIRE(m.conflicts.size() == 1);
    const TextConflict& c = m.conflicts[0];
    CHECK(c.base_begin == c.base_end);
    CHECK(c.base_begin == base.find("Reports"));
    CHECK(Slice(ours, c.ours_begin, c.ours_end) == "Leaders are told first. ");
    CHECK(Slice(theirs, c.theirs_begin, c.theirs_end) == "Parents are asked first. ");
    CHECK(m.merged == ours);

    const TextMerge same = Merge(base + " End.", ours + " End.", ours + " The end.");
    CHECK(same.clean());
    CHECK(same.merged == ours + " The end.");
}

TEST_CASE("merge_text: touching edits both apply, and neighbouring deletions leave one space")
{
    // One word each, next to each other: no base word is shared, so both are taken.
    const TextMerge words = Merge("a b c d", "a B c d", "a b C d");
    CHECK(words.clean());
    CHECK(words.merged == "a B C d");
    // Neighbouring words deleted by the two sides: one space between what is left.
    const TextMerge gone = Merge("a b c d", "a c d", "a b d");
    CHECK(gone.clean());
    CHECK(gone.merged == "a d");
    const TextMerge end = Merge("We will do it quickly.", "We will do it.", "We will do quickly.");
    CHECK(end.clean());
    CHECK(end.merged == "We will do.");
    const TextMerge whole = Merge("a b", "b", "a");
    CHECK(whole.clean());
    CHECK(whole.merged == "");
    // An insertion where the other side's change begins, and one where it ends.
    const TextMerge before = Merge("We support the plan.", "We strongly support the plan.", "We oppose the plan.");
    CHECK(before.clean());
    CHECK(before.merged == "We strongly oppose the plan.");
    const TextMerge after = Merge("We support the plan.", "We support fully the plan.", "We oppose the plan.");
    CHECK(after.clean());
    CHECK(after.merged == "We oppose fully the plan.");
    // Adjacent sentences: the end of one and the start of the next.
    const TextMerge sentences = Merge("First one here. Second one here.", "First one there. Second one here.",
                                      "First one here. Next one here.");
    CHECK(sentences.clean());
    CHECK(sentences.merged == "First one there. Next one here.");
}

TEST_CASE("merge_text: UTF-8 text with curly quotes and accented letters")
{
    const std::string base = "The \xE2\x80\x9C" "caf\xC3\xA9 model\xE2\x80\x9D worked in Ynys M\xC3\xB4n. Leaders\xE2\x80\x99 views differ. It ends here.";
    const std::string ours = "The \xE2\x80\x9C" "caf\xC3\xA9 approach\xE2\x80\x9D worked in Ynys M\xC3\xB4n. Leaders\xE2\x80\x99 views differ. It ends here.";
    const std::string theirs = "The \xE2\x80\x9C" "caf\xC3\xA9 model\xE2\x80\x9D worked in Ynys M\xC3\xB4n. Leaders\xE2\x80\x99 views differ. It ends na\xC3\xAFvely here.";
    const TextMerge m = Merge(base, ours, theirs);
    CHECK(m.clean());
    CHECK(m.merged == "The \xE2\x80\x9C" "caf\xC3\xA9 approach\xE2\x80\x9D worked in Ynys M\xC3\xB4n. Leaders\xE2\x80\x99 views differ. It ends na\xC3\xAFvely here.");

    // A conflict on an accented word: its bytes are whole in every range.
    const std::string t2 = "The \xE2\x80\x9C" "caf\xC3\xA8 model\xE2\x80\x9D worked in Ynys M\xC3\xB4n. Leaders\xE2\x80\x99 views differ. It ends here.";
    const std::string o2 = "The \xE2\x80\x9C" "bistro model\xE2\x80\x9D worked in Ynys M\xC3\xB4n. Leaders\xE2\x80\x99 views differ. It ends here.";
    const TextMerge c = Merge(base, o2, t2);
    REQUIRE(c.conflicts.size() == 1);
    CHECK(Slice(base, c.conflicts[0].base_begin, c.conflicts[0].base_end) == "caf\xC3\xA9");
    CHECK(Slice(o2, c.conflicts[0].ours_begin, c.conflicts[0].ours_end) == "bistro");
    CHECK(Slice(t2, c.conflicts[0].theirs_begin, c.conflicts[0].theirs_end) == "caf\xC3\xA8");
}

TEST_CASE("merge_text: empty base and empty sides")
{
    CHECK(Merge("", "", "").merged == "");
    CHECK(Merge("", "Some words.", "").merged == "Some words.");
    CHECK(Merge("", "", "Some words.").merged == "Some words.");
    const TextMerge both = Merge("", "Ours.", "Theirs.");
    REQUIRE(both.conflicts.size() == 1);
    CHECK(both.conflicts[0].base_begin == 0);
    CHECK(both.conflicts[0].base_end == 0);
    CHECK(both.merged == "Ours.");
    // One side empties the text, the other edits it: a conflict over the whole text.
    const TextMerge emptied = Merge("Old words stay.", "", "Old words go.");
    REQUIRE(emptied.conflicts.size() == 1);
    CHECK(emptied.merged == "");
    CHECK(Merge("Old words.", "", "").merged == "");
}

TEST_CASE("merge_text: a sentence inserted where another was deleted is not read as a rewrite of it")
{
    // Ours puts a sentence before "Weeks local..." and deletes "Report families...": a word diff
    // alone pairs them through "child." and the shared spaces and commas, as if "Weeks local..."
    // had been rewritten, and theirs' sentence then lands on the wrong side of it.
    const std::string base = "Will is local. Weeks local co-operate and, a caf\xC3\xA9 to in, in child. "
                             "Report families will the, children's and inspection, a team. Inspection local notice.";
    const std::string ours = "Will is local. Care social na\xC3\xAFve M\xC4\x81ori, children's will caf\xC3\xA9, child. "
                             "Weeks local co-operate and, a caf\xC3\xA9 to in, in child. Inspection local notice.";
    const std::string theirs = "Will is local. Weeks local co-operate and, a caf\xC3\xA9 to in, in child. "
                               "In leaders, families notice the to M\xC4\x81ori, a. "
                               "Report families will the, children's and inspection, a team. Inspection local notice.";
    const TextMerge m = Merge(base, ours, theirs);
    CHECK(m.clean());
    CHECK(m.merged == "Will is local. Care social na\xC3\xAFve M\xC4\x81ori, children's will caf\xC3\xA9, child. "
                      "Weeks local co-operate and, a caf\xC3\xA9 to in, in child. "
                      "In leaders, families notice the to M\xC4\x81ori, a. Inspection local notice.");
}

TEST_CASE("merge_text: merging the result again with one side over the base changes nothing")
{
    // Ours adds a sentence before the second, theirs edits the second: merged against the base
    // has both, and merging it with either side over the base again is clean and the same.
    const std::string base = "Inspections are short. Leaders are told first. Reports are published.";
    const std::string ours = "Inspections are short. Parents can ask for a meeting. Leaders are told first. Reports are published.";
    const std::string theirs = "Inspections are short. Leaders are shown the draft first. Reports are published.";
    const TextMerge m = Merge(base, ours, theirs);
    REQUIRE(m.clean());
    CHECK(m.merged == "Inspections are short. Parents can ask for a meeting. Leaders are shown the draft first. Reports are published.");
    for (const std::string& side : {ours, theirs}) {
        const TextMerge again = Merge(base, m.merged, side);
        CHECK(again.clean());
        CHECK(again.merged == m.merged);
    }
}

// Random sentence edits on both sides of a generated paragraph of eight sentences, never the
// same sentence on both sides: one sentence each (2,000 trials), then three each (1,000).
// Words recur (as in prose) so the diffs have choices to make; the sentences can be neighbours,
// which is where touching edits meet. Every clean merge must hold every edited sentence; the
// rates of clean merges, of merges exactly as the sentences say, and of merges that merging
// again with a side over the base leaves alone are printed. (That last merge is clean less
// often: where one side deleted a sentence next to one the other rewrote, the base against the
// merged text cannot tell which sentence went and which was rewritten, and says conflict.)
TEST_CASE("merge_text: property: edits of different sentences merge cleanly and keep both edits")
{
    static const char* vocabulary[] = {
        "the", "child", "inspection", "of", "services", "notice", "local", "authority", "and", "judgement",
        "weeks", "a", "to", "in", "multi-agency", "report", "social", "care", "leaders", "will",
        "families", "team", "children's", "co-operate", "\xE2\x80\x9Cgood\xE2\x80\x9D", "caf\xC3\xA9", "M\xC4\x81ori", "na\xC3\xAFve", "is", "be"};
    const int kWords = (int)(sizeof vocabulary / sizeof *vocabulary);
    std::mt19937 rng(20240607);
    auto word = [&] { return std::string(vocabulary[rng() % (unsigned)kWords]); };
    auto sentence_words = [&] {
        std::vector<std::string> w;
        const int n = 5 + (int)(rng() % 10);
        for (int i = 0; i < n; i++) w.push_back(word());
        return w;
    };
    auto sentence_text = [](const std::vector<std::string>& w) {
        std::string s;
        for (size_t i = 0; i < w.size(); i++) {
            if (i) s += (i % 5 == 4) ? ", " : " ";
            s += w[i];
        }
        if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = (char)(s[0] - 'a' + 'A');
        return s + ".";
    };
    // One edit of a sentence: what replaces it in the paragraph ("" when it goes).
    auto edit = [&](std::vector<std::string> w) -> std::string {
        switch (rng() % 7) {
        case 0: {   // replace a word or two
            const int k = 1 + (int)(rng() % 2);
            for (int i = 0; i < k; i++) w[rng() % w.size()] = word() + "x";
            return sentence_text(w);
        }
        case 1: {   // insert words
            const int k = 1 + (int)(rng() % 3);
            const size_t at = rng() % (w.size() + 1);
            for (int i = 0; i < k; i++) w.insert(w.begin() + (long)at, word());
            return sentence_text(w);
        }
        case 2: {   // delete a word or two
            const int k = 1 + (int)(rng() % 2);
            for (int i = 0; i < k && w.size() > 2; i++) w.erase(w.begin() + (long)(rng() % w.size()));
            return sentence_text(w);
        }
        case 3: return sentence_text(sentence_words());                                // rewritten
        case 4: return "";                                                              // deleted
        case 5: return sentence_text(w) + " " + sentence_text(sentence_words());       // one added after it
        default: w.push_back("and"); w.push_back(word()); return sentence_text(w);     // a clause at the end
        }
    };
    auto join = [](const std::vector<std::string>& sentences) {
        std::string s;
        for (const std::string& x : sentences) {
            if (x.empty()) continue;
            if (!s.empty()) s += " ";
            s += x;
        }
        return s;
    };

    // Each trial: ours edits `per_side` sentences, theirs as many others.
    auto run = [&](int per_side, int trials) {
        const auto started = std::chrono::steady_clock::now();
        int clean = 0, exact = 0, kept = 0, again = 0, again_clean = 0;
        for (int trial = 0; trial < trials; trial++) {
            std::vector<std::vector<std::string>> words;
            std::vector<std::string> base_s;
            std::vector<size_t> order;
            for (size_t i = 0; i < 8; i++) {
                words.push_back(sentence_words());
                base_s.push_back(sentence_text(words.back()));
                order.push_back(i);
            }
            for (size_t i = order.size() - 1; i > 0; i--) std::swap(order[i], order[rng() % (i + 1)]);
            std::vector<std::string> ours_s = base_s, theirs_s = base_s, both_s = base_s;
            std::vector<std::string> edited;   // the sentences either side wrote
            for (int k = 0; k < 2 * per_side; k++) {
                const size_t i = order[(size_t)k];
                const std::string e = edit(words[i]);
                (k < per_side ? ours_s : theirs_s)[i] = both_s[i] = e;
                edited.push_back(e);
            }
            const std::string base = join(base_s), ours = join(ours_s), theirs = join(theirs_s), expected = join(both_s);
            CAPTURE(base);
            CAPTURE(ours);
            CAPTURE(theirs);
            const TextMerge m = Merge(base, ours, theirs);
            if (!m.clean()) continue;
            clean++;
            exact += m.merged == expected;
            // Every clean merge holds both sides' edited sentences.
            bool all = true;
            for (const std::string& e : edited) all = all && m.merged.find(e) != std::string::npos;
            CHECK(all);
            kept += all;
            // Merging the result with either side over the base changes nothing more.
            const TextMerge with_ours = merge_text(base, m.merged, ours), with_theirs = merge_text(base, m.merged, theirs);
            again += with_ours.merged == m.merged && with_theirs.merged == m.merged;
            again_clean += with_ours.clean() && with_theirs.clean();
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        MESSAGE("merge_text, " << per_side << " sentence(s) edited on each side: " << clean << "/" << trials << " clean ("
                << 100.0 * clean / trials << "%), " << exact << " exactly as expected, " << kept << " with every edit, "
                << again << " unchanged when merged again with a side over the base (" << again_clean
                << " of them without a conflict), in " << seconds << " s");
        CHECK(clean >= trials * 9 / 10);
        CHECK(kept == clean);
        CHECK(exact >= clean * 99 / 100);
        CHECK(again >= clean * 9 / 10);
    };
    run(1, 2000);
    run(3, 1000);
}
