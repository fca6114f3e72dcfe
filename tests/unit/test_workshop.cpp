// Workshop results are what a room argues over: the weighted scores, the ranking and the
// spread of opinion must be exactly right, missing scores must neither count as 0 nor vanish
// unnoticed, and the edits must only ever write a file that opens again.
#include <doctest/doctest.h>
#include "core/document_json.h"
#include "core/edit.h"
#include "core/export.h"
#include "core/text_fields.h"
#include "core/workshop.h"

#include <cmath>
#include <fstream>
#include <sstream>

using namespace parley;

// Three regimes, two criteria (weights 3 and 1), two participants.
static Document workshop()
{
    Document d;
    d.id = "doc-w";
    d.kind = DocumentKind::Workshop;
    d.title = "Workshop";
    d.organisations.push_back({"org-a", "Association of Directors", "ADCS", "", {}, {}});
    for (const char* id : {"r-cur", "r-prop", "r-alt"}) {
        Regime r;
        r.id = id;
        r.name = std::string("Regime ") + id;
        d.regimes.push_back(r);
    }
    d.workshop.criteria.push_back({"k-burden", "Burden", "", 3, {}});
    d.workshop.criteria.push_back({"k-clarity", "Clarity", "", 1, {}});
    d.workshop.participants.push_back({"p-1", "Ruth", "org-a", {}});
    d.workshop.participants.push_back({"p-2", "Peter", "", {}});
    return d;
}

static void score(Document& d, const char* p, const char* r, const char* k, double s) { REQUIRE(set_score(d, p, r, k, s)); }

static int column(const WorkshopResults& res, const std::string& regime)
{
    for (size_t i = 0; i < res.regimes.size(); i++)
        if (res.regimes[i] == regime) return (int)i;
    FAIL("no column " << regime);
    return -1;
}

TEST_CASE("workshop: weighted scores use the weights and the means of each cell")
{
    Document d = workshop();
    score(d, "p-1", "r-cur", "k-burden", 1);
    score(d, "p-2", "r-cur", "k-burden", 2);   // mean 1.5
    score(d, "p-1", "r-cur", "k-clarity", 5);
    score(d, "p-2", "r-cur", "k-clarity", 4);  // mean 4.5
    score(d, "p-1", "r-prop", "k-burden", 4);
    score(d, "p-2", "r-prop", "k-burden", 4);  // mean 4
    score(d, "p-1", "r-prop", "k-clarity", 2);
    score(d, "p-2", "r-prop", "k-clarity", 2); // mean 2
    score(d, "p-1", "r-alt", "k-burden", 3);
    score(d, "p-2", "r-alt", "k-burden", 3);
    score(d, "p-1", "r-alt", "k-clarity", 3);
    score(d, "p-2", "r-alt", "k-clarity", 3);
    const WorkshopResults res = workshop_results(d);
    REQUIRE(res.regimes == std::vector<std::string>{"r-cur", "r-prop", "r-alt"});   // no column list: every regime, in file order
    const WorkshopTotal& cur = res.totals[column(res, "r-cur")];
    const WorkshopTotal& prop = res.totals[column(res, "r-prop")];
    const WorkshopTotal& alt = res.totals[column(res, "r-alt")];
    CHECK(cur.weighted == doctest::Approx(3 * 1.5 + 1 * 4.5));
    CHECK(cur.score == doctest::Approx(9.0 / 4));        // 2.25 of 5
    CHECK(prop.score == doctest::Approx((12.0 + 2) / 4)); // 3.5: burden weighs three times clarity
    CHECK(alt.score == doctest::Approx(3.0));
    CHECK(prop.rank == 1);
    CHECK(alt.rank == 2);
    CHECK(cur.rank == 3);
    CHECK_FALSE(prop.tied);
    CHECK(res.order == std::vector<int>{1, 2, 0});
    CHECK(res.unscored_cells == 0);
    CHECK(cur.unscored == 0);

    // With equal weights all three come out at 3.0: the weights alone decided the order above.
    REQUIRE(set_weight(d, "k-burden", 1));
    const WorkshopResults equal = workshop_results(d);
    CHECK(equal.totals[0].score == doctest::Approx(3.0));
    CHECK(equal.totals[0].rank == 1);
    CHECK(equal.totals[0].tied);   // 3.0, 3.0 and 3.0: every regime shares first place
    CHECK(equal.totals[1].rank == 1);
    CHECK(equal.totals[2].rank == 1);
}

TEST_CASE("workshop: ties share a rank and the next rank is skipped")
{
    Document d = workshop();
    for (const char* p : {"p-1", "p-2"})
        for (const char* k : {"k-burden", "k-clarity"}) {
            score(d, p, "r-cur", k, 4);
            score(d, p, "r-prop", k, 2);
            score(d, p, "r-alt", k, 2);
        }
    const WorkshopResults res = workshop_results(d);
    CHECK(res.totals[0].rank == 1);
    CHECK_FALSE(res.totals[0].tied);
    CHECK(res.totals[1].rank == 2);
    CHECK(res.totals[2].rank == 2);
    CHECK(res.totals[1].tied);
    CHECK(res.totals[2].tied);
    CHECK(rank_label(res.totals[1].rank, res.totals[1].tied) == "=2nd");
    CHECK(rank_label(1, false) == "1st");
    CHECK(rank_label(3, false) == "3rd");
    CHECK(rank_label(4, false) == "4th");
    CHECK(rank_label(11, false) == "11th");
    CHECK(rank_label(12, true) == "=12th");
    CHECK(rank_label(22, false) == "22nd");
    CHECK(rank_label(0, false) == "");
}

TEST_CASE("workshop: a cell nobody scored is left out of the score and counted as missing, not as 0")
{
    Document d = workshop();
    score(d, "p-1", "r-cur", "k-burden", 4);   // clarity unscored for the current regime
    score(d, "p-1", "r-prop", "k-burden", 2);
    score(d, "p-1", "r-prop", "k-clarity", 2);
    const WorkshopResults res = workshop_results(d);
    const WorkshopTotal& cur = res.totals[0];
    CHECK(cur.score == doctest::Approx(4.0));   // its one scored criterion, not (3*4 + 0) / 4 = 3
    CHECK(cur.weight == doctest::Approx(3.0));
    CHECK(cur.unscored == 1);
    CHECK(res.cell(1, 0).count == 0);
    CHECK(res.unscored_cells == 3);            // clarity for the current regime, both for the alternative
    CHECK(res.totals[2].rank == 0);            // nothing scored: not ranked, not last
    CHECK(res.totals[2].unscored == 2);
    CHECK(res.order.back() == 2);
    CHECK(res.totals[0].rank == 1);
    CHECK(res.totals[1].rank == 2);

    // A criterion of weight 0 counts for nothing, so leaving it unscored is not "missing".
    REQUIRE(set_weight(d, "k-clarity", 0));
    CHECK(workshop_results(d).totals[0].unscored == 0);
}

TEST_CASE("workshop: the spread of opinion per cell: lowest, highest, range and standard deviation")
{
    Document d = workshop();
    score(d, "p-1", "r-cur", "k-burden", 1);
    score(d, "p-2", "r-cur", "k-burden", 5);
    score(d, "p-1", "r-prop", "k-burden", 3);
    const WorkshopResults res = workshop_results(d);
    const WorkshopCell& split = res.cell(0, 0);
    CHECK(split.count == 2);
    CHECK(split.mean == doctest::Approx(3.0));
    CHECK(split.min == 1);
    CHECK(split.max == 5);
    CHECK(split.spread == doctest::Approx(4.0));
    CHECK(split.deviation == doctest::Approx(2.0));
    const WorkshopCell& one = res.cell(0, 1);
    CHECK(one.count == 1);
    CHECK(one.spread == 0);
    CHECK(one.deviation == 0);
    CHECK(score_text(2.25) == "2.3");
    CHECK(score_text(4) == "4.0");
    CHECK(score_text(3.4167, 2) == "3.42");
}

TEST_CASE("workshop: set_score clamps to 0..5, replaces an earlier score and refuses unknown ids")
{
    Document d = workshop();
    score(d, "p-1", "r-cur", "k-burden", 7);
    REQUIRE(find_score(d, "p-1", "r-cur", "k-burden"));
    CHECK(find_score(d, "p-1", "r-cur", "k-burden")->score == 5);
    d.workshop.scores[0].note = "kept";
    score(d, "p-1", "r-cur", "k-burden", -2);
    CHECK(d.workshop.scores.size() == 1);      // replaced, not added: one score per cell and participant
    CHECK(d.workshop.scores[0].score == 0);
    CHECK(d.workshop.scores[0].note == "kept");
    CHECK_FALSE(set_score(d, "p-9", "r-cur", "k-burden", 3));
    CHECK_FALSE(set_score(d, "p-1", "r-none", "k-burden", 3));
    CHECK_FALSE(set_score(d, "p-1", "r-cur", "k-none", 3));
    CHECK_FALSE(set_score(d, "p-1", "r-cur", "k-burden", NAN));
    CHECK(d.workshop.scores.size() == 1);
    CHECK(clear_score(d, "p-1", "r-cur", "k-burden"));
    CHECK_FALSE(clear_score(d, "p-1", "r-cur", "k-burden"));
    CHECK(d.workshop.scores.empty());
    CHECK(set_weight(d, "k-burden", -1));
    CHECK(d.workshop.criteria[0].weight == 0);
    CHECK_FALSE(set_weight(d, "k-burden", INFINITY));
}

TEST_CASE("workshop: the six usual criteria are added once, each with a description")
{
    Document d = workshop();   // already has "Burden" and "Clarity" (not the usual labels, except Clarity)
    IdGenerator ids;
    CHECK(missing_default_criteria(d) == 5);
    CHECK(add_default_criteria(d, ids) == 5);
    CHECK(d.workshop.criteria.size() == 7);
    CHECK(missing_default_criteria(d) == 0);
    CHECK(add_default_criteria(d, ids) == 0);
    for (const Criterion& k : d.workshop.criteria) {
        if (k.id.rfind("crit-", 0) != 0) continue;
        CHECK(!k.description.empty());
        CHECK(k.weight == 1);
        CHECK(is_valid_id(k.id));
    }
    CHECK(d.workshop.criteria[2].label == "Burden on frontline staff");
    CHECK(d.workshop.criteria.back().label == "Support for improvement");
    ImportResult r = import_document(export_document(d));
    CHECK(r.ok);
}

TEST_CASE("workshop: columns: an empty list means every regime; taking one out keeps its scores; the last stays")
{
    Document d = workshop();
    score(d, "p-1", "r-prop", "k-burden", 3);
    REQUIRE(set_column(d, "r-prop", false));
    CHECK(d.workshop.regimes == std::vector<std::string>{"r-cur", "r-alt"});
    CHECK(workshop_results(d).regimes.size() == 2);
    CHECK(d.workshop.scores.size() == 1);
    REQUIRE(set_column(d, "r-prop", true));
    CHECK(d.workshop.regimes == std::vector<std::string>{"r-cur", "r-alt", "r-prop"});
    CHECK(move_column(d, "r-prop", -1));
    CHECK(d.workshop.regimes == std::vector<std::string>{"r-cur", "r-prop", "r-alt"});
    CHECK_FALSE(move_column(d, "r-cur", -1));
    CHECK(set_column(d, "r-cur", false));
    CHECK(set_column(d, "r-alt", false));
    CHECK_FALSE(set_column(d, "r-prop", false));   // the last column
    CHECK(d.workshop.regimes == std::vector<std::string>{"r-prop"});
    CHECK_FALSE(set_column(d, "r-none", true));
}

TEST_CASE("workshop: removing a participant or a criterion takes its scores, and the file still opens")
{
    Document d = workshop();
    IdGenerator ids;
    score(d, "p-1", "r-cur", "k-burden", 3);
    score(d, "p-2", "r-cur", "k-burden", 5);
    score(d, "p-2", "r-cur", "k-clarity", 1);
    Comment c;
    c.id = "c1";
    c.target = "p-2";
    c.text = "Joined late.";
    d.comments.push_back(c);
    Participant& added = add_participant(d, ids, "Janet", "org-unknown");
    CHECK(added.organisation.empty());   // an organisation that does not exist is not referred to
    REQUIRE(remove_participant(d, "p-2"));
    CHECK(d.workshop.scores.size() == 1);
    REQUIRE(d.comments.size() == 1);                       // a comment outlives what it was on,
    CHECK(d.comments[0].about.rfind("participant ", 0) == 0); // and says what that was
    CHECK(workshop_results(d).cell(0, 0).mean == 3);
    REQUIRE(remove_criterion(d, "k-burden"));
    CHECK(d.workshop.scores.empty());
    CHECK_FALSE(remove_criterion(d, "k-burden"));
    CHECK(import_document(export_document(d)).ok);
}

TEST_CASE("workshop: the example workshop ranks the ADCS counter-proposal first, as its conclusions say")
{
    std::ifstream f(PARLEY_SOURCE_DIR "/assets/examples/reinspection-workshop.parley.json", std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    ImportResult r = import_document(s.str());
    REQUIRE(r.ok);
    const WorkshopResults res = workshop_results(r.document);
    REQUIRE(res.regimes.size() == 3);
    CHECK(res.unscored_cells == 0);
    CHECK(res.regimes[res.order[0]] == "reg-adcs");
    CHECK(res.regimes[res.order[1]] == "reg-proposed");
    CHECK(res.regimes[res.order[2]] == "reg-current");
    // "about 3.4", "about 2.8", "about 2.3" in the example's own conclusions.
    CHECK(std::fabs(res.totals[res.order[0]].score - 3.4) < 0.15);
    CHECK(std::fabs(res.totals[res.order[1]].score - 2.8) < 0.15);
    CHECK(std::fabs(res.totals[res.order[2]].score - 2.3) < 0.15);
}

TEST_CASE("workshop export: ranking, the criteria x regimes table with spreads, participants and notes, in every format")
{
    Document d = workshop();
    d.workshop.criteria[1].label = "Clarity <b>|</b>";
    d.workshop.criteria[1].description = "Who decides, and when.";
    score(d, "p-1", "r-prop", "k-burden", 4);
    score(d, "p-2", "r-prop", "k-burden", 2);   // mean 3, range 2-4
    score(d, "p-1", "r-prop", "k-clarity", 5);
    score(d, "p-1", "r-cur", "k-burden", 1);
    score(d, "p-1", "r-cur", "k-clarity", 1);
    d.workshop.scores.back().note = "Nobody could say when.";

    const std::string md = export_markdown(d);
    CHECK(md.find("## Workshop results\n") != std::string::npos);
    CHECK(md.find("**Scored by**: Ruth (ADCS); Peter") != std::string::npos);
    CHECK(md.find("| Rank | Regime | Weighted score |\n|---|---|---|\n| 1st | Regime r-prop | 3.50 of 5 |\n"
                  "| 2nd | Regime r-cur | 1.00 of 5 |\n| not ranked | Regime r-alt | not scored |") != std::string::npos);
    CHECK(md.find("| Criterion | Weight | Regime r-cur | Regime r-prop | Regime r-alt |") != std::string::npos);
    CHECK(md.find("| Burden | 3 | 1.0 | 3.0 (2\xE2\x80\x93" "4) | not scored |") != std::string::npos);
    CHECK(md.find("| Clarity \\<b>\\|\\</b> | 1 | 1.0 | 5.0 | not scored |") != std::string::npos);   // a typed pipe cannot break the table
    CHECK(md.find("| Weighted score |  | 1.00 | 3.50 | not scored |") != std::string::npos);
    CHECK(md.find("| Rank |  | 2nd | 1st | not ranked |") != std::string::npos);
    CHECK(md.find("### Weighted scores by participant") != std::string::npos);
    CHECK(md.find("| Peter | not scored | 2.00 | not scored |") != std::string::npos);
    CHECK(md.find("| Clarity \\<b>\\|\\</b> (weight 1) | Who decides, and when. |") != std::string::npos);
    CHECK(md.find("**Ruth on Regime r-cur, Clarity \\<b>\\|\\</b> (1)**: Nobody could say when.") != std::string::npos);

    const std::string html = export_html(d);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("<tr><td>1st</td><td>Regime r-prop</td><td>3.50 of 5</td></tr>") != std::string::npos);
    CHECK(html.find("<td>Clarity &lt;b&gt;|&lt;/b&gt;</td><td>1</td><td>1.0</td><td>5.0</td>") != std::string::npos);

    const std::string text = export_text(d);
    CHECK(text.find("- 1st: Regime: Regime r-prop; Weighted score: 3.50 of 5\n") != std::string::npos);
    CHECK(text.find("- Burden: Weight: 3; Regime r-cur: 1.0; Regime r-prop: 3.0 (2\xE2\x80\x93" "4); Regime r-alt: not scored\n") != std::string::npos);
    // Long regime names go by letter in plain text, with a key first.
    d.regimes[0].name = "Single inspection framework as it stands";
    const std::string keyed = export_text(d);
    CHECK(keyed.find("Columns: A = Single inspection framework as it stands\n- Burden: Weight: 3; A: 1.0; Regime r-prop: 3.0") != std::string::npos);
}

TEST_CASE("workshop: a criterion's label and description and a participant's name are text fields by key")
{
    Document d = workshop();
    CHECK(find_text_field(d, "k-burden/description") == &d.workshop.criteria[0].description);
    CHECK(find_text_field(d, "k-clarity/label") == &d.workshop.criteria[1].label);
    CHECK(find_text_field(d, "p-2/name") == &d.workshop.participants[1].name);
    CHECK(find_text_field(d, "p-2/organisation") == nullptr);
}
