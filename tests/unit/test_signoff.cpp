// Sign-off by organisation (core/signoff.h): the grid counts what waits and what diverges, a
// sign-off keeps an organisation's position, an entry goes only when it holds nothing, and the
// response cannot be agreed while a co-signatory has not agreed an answered question, unless the
// lead recorded an exception.
#include <doctest/doctest.h>
#include "examples.h"
#include "core/document_json.h"
#include "core/edit.h"
#include "core/revision_changes.h"
#include "core/signoff.h"

using namespace parley;

// A joint response: a lead and two co-signatories, three questions, two answered.
static Document Joint()
{
    Document d;
    d.id = "doc-joint";
    d.kind = DocumentKind::Response;
    d.title = "Joint";
    d.organisations = {{"org-adcs", "ADCS", "ADCS", "lead", {}, {}}, {"org-lga", "LGA", "LGA", "", {}, {}}, {"org-sol", "Solace", "", "", {}, {}}};
    for (int i = 1; i <= 3; i++) d.questions.push_back({"q" + std::to_string(i), std::to_string(i), "Question text " + std::to_string(i), 0, {}});
    Answer a1;
    a1.id = "a1";
    a1.question = "q1";
    a1.position = Position::Agree;
    Answer a2;
    a2.id = "a2";
    a2.question = "q2";
    a2.reasoning = "Because.";
    d.answers = {a1, a2};
    return d;
}

TEST_CASE("signoff: a fresh joint response waits for every co-signatory on every answered question")
{
    const Document d = Joint();
    const SignOffGrid g = signoff_grid(d);
    REQUIRE(g.columns == std::vector<int>{1, 2});
    REQUIRE(g.rows.size() == 3);
    CHECK(g.totals.cells == 4);
    CHECK(g.totals.waiting == 4);
    CHECK(g.totals.unanswered == 1);
    CHECK(g.totals.blockers == 5);
    CHECK_FALSE(g.rows[2].answered);
    CHECK(signoff_summary_line(g.totals) == "4 of 4 waiting \xC2\xB7 0 agreed \xC2\xB7 no positions differ \xC2\xB7 1 question has no answer");
    const auto blockers = agreement_blockers(d);
    REQUIRE(blockers.size() == 5);
    CHECK(blocker_text(d, blockers[0]) == "Question 1: LGA has not signed it off yet");
    CHECK(blocker_text(d, blockers[4]) == "Question 3 has no answer yet");
}

TEST_CASE("signoff: a response with no co-signatories has nothing to wait for")
{
    Document d = Joint();
    d.organisations.resize(1);
    const SignOffGrid g = signoff_grid(d);
    CHECK(g.columns.empty());
    CHECK(g.totals.blockers == 0);
    CHECK(agreement_blockers(d).empty());
}

TEST_CASE("signoff: sign-offs, reasons and positions show in the totals")
{
    Document d = Joint();
    set_signoff(d.answers[0], "org-lga", SignOff::Agreed, "", "Sam Patel", "2026-03-01T10:00:00Z");
    set_signoff(d.answers[0], "org-sol", SignOff::Discuss, "Wording of “priority” – ŵ", "Jo", "2026-03-01T10:05:00Z");
    set_signoff(d.answers[1], "org-lga", SignOff::Objects, "No.", "Sam Patel", "2026-03-01T10:06:00Z");
    signatory_entry(d.answers[1], "org-sol").position = Position::Disagree;   // the answer has no position: differs
    const SignOffGrid g = signoff_grid(d);
    CHECK(g.totals.waiting == 1);
    CHECK(g.totals.agreed == 1);
    CHECK(g.totals.discuss == 1);
    CHECK(g.totals.objects == 1);
    CHECK(g.totals.diverging_questions == 1);
    CHECK(g.rows[1].diverges);
    CHECK(g.rows[1].cells[1].differs);
    CHECK(g.rows[1].cells[1].position == Position::Disagree);
    CHECK(signoff_summary_line(g.totals) ==
          "1 of 4 waiting \xC2\xB7 1 agreed \xC2\xB7 1 needs discussion \xC2\xB7 1 objects \xC2\xB7 positions differ on 1 question \xC2\xB7 1 question has no answer");
    const Signatory* s = find_signatory(d.answers[0], "org-sol");
    REQUIRE(s);
    CHECK(s->reason == "Wording of “priority” – ŵ");
    CHECK(s->signed_by == "Jo");
    CHECK(s->signed_time == "2026-03-01T10:05:00Z");
    // A position equal to the answer's is not a divergence.
    signatory_entry(d.answers[0], "org-lga").position = Position::Agree;
    CHECK_FALSE(signoff_grid(d).rows[0].diverges);
}

TEST_CASE("signoff: an entry is kept while it holds anything and removed when it holds nothing")
{
    Document d = Joint();
    Answer& a = d.answers[0];
    Signatory& s = signatory_entry(a, "org-lga");
    s.position = Position::Disagree;
    s.note = "LGA would go further.";
    set_signoff(a, "org-lga", SignOff::Agreed, "", "Sam", "2026-03-01T10:00:00Z");
    set_signoff(a, "org-lga", SignOff::Unseen, "", "Sam", "2026-03-01T10:01:00Z");   // back to not yet seen
    REQUIRE(a.signatories.size() == 1);
    CHECK(a.signatories[0].position == Position::Disagree);   // its position and note stay
    CHECK(a.signatories[0].note == "LGA would go further.");
    CHECK(a.signatories[0].signed_by.empty());
    CHECK(a.signatories[0].signed_time.empty());
    // "Same as the response" in the editor: position Unset, the note too; then it says nothing.
    a.signatories[0].position = Position::Unset;
    CHECK_FALSE(drop_empty_signatory(a, "org-lga"));   // the note is still there
    a.signatories[0].note.clear();
    CHECK(drop_empty_signatory(a, "org-lga"));
    CHECK(a.signatories.empty());
    // A sign-off alone, then back to not yet seen: nothing is left.
    set_signoff(a, "org-sol", SignOff::Objects, "Too soon", "Jo", "2026-03-01T10:00:00Z");
    CHECK(a.signatories.size() == 1);
    set_signoff(a, "org-sol", SignOff::Unseen, "", "Jo", "2026-03-01T10:02:00Z");
    CHECK(a.signatories.empty());
    // Members this version does not know keep an entry.
    signatory_entry(a, "org-sol").extra.add("future", JsonValue{});
    CHECK_FALSE(drop_empty_signatory(a, "org-sol"));
}

TEST_CASE("signoff: the lead's exceptions unblock agreement; a new sign-off replaces the exception")
{
    Document d = Joint();
    d.answers.push_back(Answer{});
    d.answers.back().id = "a3";
    d.answers.back().question = "q3";
    d.answers.back().position = Position::NoView;   // "No view" is an answer
    for (Answer& a : d.answers) set_signoff(a, "org-lga", SignOff::Agreed, "", "Sam", "2026-03-01T10:00:00Z");
    set_signoff(d.answers[0], "org-sol", SignOff::Agreed, "", "Jo", "2026-03-01T10:00:00Z");
    set_signoff(d.answers[1], "org-sol", SignOff::Objects, "We cannot support this.", "Jo", "2026-03-01T10:00:00Z");
    auto blockers = agreement_blockers(d);
    REQUIRE(blockers.size() == 2);
    CHECK(blocker_text(d, blockers[0]) == "Question 2: Solace objects");
    CHECK(blocker_text(d, blockers[1]) == "Question 3: Solace has not signed it off yet");
    record_exception(d.answers[1], "org-sol", "Solace's objection is stated in its own response.");
    record_exception(d.answers[2], "org-sol", "Solace did not reply in time; agreed at the meeting of 3 March.");
    CHECK(agreement_blockers(d).empty());
    const SignOffGrid g = signoff_grid(d);
    CHECK(g.totals.excepted == 2);
    CHECK(g.rows[1].cells[1].excepted);
    CHECK(g.rows[1].cells[1].signoff == SignOff::Objects);   // the objection is still recorded
    // Solace now needs discussion instead: the lead's exception was about the objection.
    set_signoff(d.answers[1], "org-sol", SignOff::Discuss, "Let's talk.", "Jo", "2026-03-02T10:00:00Z");
    CHECK(agreement_blockers(d).size() == 1);
    // An exception cleared with "" leaves no empty entry behind.
    record_exception(d.answers[2], "org-sol", "");
    CHECK(d.answers[2].signatories.size() == 1);   // LGA's
}

TEST_CASE("signoff: a sign-off saved before a later revision changed the answer is flagged")
{
    Document d = Joint();
    IdGenerator ids;
    Document saved = d;
    set_signoff(d.answers[0], "org-lga", SignOff::Agreed, "", "Sam", "2026-03-01T10:00:00Z");
    set_signoff(d.answers[1], "org-lga", SignOff::Agreed, "", "Sam", "2026-03-01T10:00:00Z");
    record_revision_with_changes(d, saved, ids, "LGA", "Sam", "2026-03-01T10:30:00Z");
    CHECK(signoff_grid(d).totals.changed_since == 0);   // the sign-off and nothing else
    saved = d;
    d.answers[0].reasoning = "A new argument.";
    record_revision_with_changes(d, saved, ids, "ADCS", "Ana", "2026-03-02T09:00:00Z");
    const SignOffGrid g = signoff_grid(d);
    CHECK(g.rows[0].cells[0].changed_since);
    CHECK_FALSE(g.rows[1].cells[0].changed_since);
    CHECK(g.totals.changed_since == 1);
    CHECK(agreement_blockers(d).size() == 3);   // flagged, not blocking: Solace twice and question 3 remain
}

TEST_CASE("signoff: the joint response example keeps its co-signatories' positions through a sign-off and a save")
{
    for (const std::string& path : example_files()) {
        if (path.find("jtai-joint-response") == std::string::npos) continue;
        ImportResult r = import_document(read_example_text(path));
        REQUIRE(r.ok);
        Document& d = r.document;
        const SignOffGrid before = signoff_grid(d);
        CHECK(before.columns.size() == 2);
        CHECK(before.totals.diverging_questions == 2);   // LGA on question 2, Solace on 4 (LGA on 7 takes the answer's position)
        Answer* a = nullptr;
        for (Answer& x : d.answers)
            if (x.question == "q2") a = &x;
        REQUIRE(a);
        set_signoff(*a, "org-lga", SignOff::Discuss, std::string(3000, 'x') + " “ŵ”", "Sam", "2026-03-01T10:00:00Z");
        ImportResult again = import_document(export_document(d));
        REQUIRE(again.ok);
        const Signatory* s = find_signatory(*find_answer(again.document, "q2"), "org-lga");
        REQUIRE(s);
        CHECK(s->position == Position::Agree);
        CHECK(!s->note.empty());
        CHECK(s->signoff == SignOff::Discuss);
        CHECK(s->reason == std::string(3000, 'x') + " “ŵ”");
    }
}
