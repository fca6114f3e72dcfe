// Merging copies of a draft that came back from other organisations (core/merge.h,
// core/copy_merge.h) and the history files carry so that they can (core/revision_changes.h).
// The randomized proof is test_merge_property.cpp; these are the cases people meet.
#include <doctest/doctest.h>
#include "core/copy_merge.h"
#include "core/document_json.h"
#include "core/paths.h"
#include "core/revision_changes.h"
#include "examples.h"
#include "../../bench/joint_response.h"

#include <random>

using namespace parley;

namespace {

// The content alone: what people wrote, not the history of it.
std::string content(Document d)
{
    d.revisions.clear();
    d.merge = PendingMerge{};
    return export_document(d);
}

const Conflict* conflict_at(const Document& d, const std::string& at)
{
    for (const Conflict& c : d.merge.conflicts)
        if (c.at == at) return &c;
    return nullptr;
}

bool came_in(const MergeResult& r, const std::string& at)
{
    for (const MergeChange& c : r.incoming)
        if (c.at == at) return true;
    return false;
}

Document small_response() { return joint::make_response(6, 7); }

// Saves `d` as `who` would: a revision that keeps what changed since `saved`; returns the new saved content.
Document save(Document& d, const Document& saved, IdGenerator& ids, const std::string& who, const std::string& time)
{
    record_revision_with_changes(d, saved, ids, who, "", time);
    return d;
}

} // namespace

TEST_CASE("merge: a change on one side is taken, the same change on both sides once, and nothing else moves")
{
    const Document base = small_response();
    Document ours = base, theirs = base;
    ours.title = "Joint response (ADCS draft 2)";
    theirs.answers[1].position = Position::Disagree;
    theirs.answers[2].signatories[1].position = Position::Disagree;
    ours.summary.position = theirs.summary.position = Position::Agree;   // both did the same

    const MergeResult r = merge_documents(base, ours, theirs);
    CHECK(r.conflicts() == 0);
    CHECK(r.doc.title == ours.title);
    CHECK(r.doc.answers[1].position == Position::Disagree);
    CHECK(r.doc.answers[2].signatories[1].position == Position::Disagree);
    CHECK(r.doc.summary.position == Position::Agree);
    CHECK(came_in(r, "answers/ans-2/position"));
    CHECK(came_in(r, "answers/ans-3/signatories/org-solace/position"));
    CHECK_FALSE(came_in(r, "title"));   // ours' own change did not come in from theirs
    Document expected = ours;
    expected.answers[1].position = Position::Disagree;
    expected.answers[2].signatories[1].position = Position::Disagree;
    CHECK(content(r.doc) == content(expected));
}

TEST_CASE("merge: prose both sides edited in different sentences keeps both edits; the same sentence is a conflict")
{
    const Document base = small_response();
    Document ours = base, theirs = base;
    joint::replace_sentence(ours.answers[4].reasoning, 1, "ADCS rewrote this second sentence.");
    const int last = joint::sentence_count(base.answers[4].reasoning) - 1;
    joint::replace_sentence(theirs.answers[4].reasoning, last, "Solace rewrote the last sentence.");
    MergeResult r = merge_documents(base, ours, theirs);
    CHECK(r.conflicts() == 0);
    CHECK(r.doc.answers[4].reasoning.find("ADCS rewrote this second sentence.") != std::string::npos);
    CHECK(r.doc.answers[4].reasoning.find("Solace rewrote the last sentence.") != std::string::npos);

    joint::replace_sentence(theirs.answers[4].reasoning, 1, "LGA rewrote the second sentence its own way.");
    r = merge_documents(base, ours, theirs);
    REQUIRE(r.conflicts() == 1);
    const Conflict c = r.doc.merge.conflicts[0];   // a copy: settling it removes it from the document
    CHECK(c.at == "answers/ans-5/reasoning");
    // Ours holds its own words where the two collide and everything that merged elsewhere.
    CHECK(r.doc.answers[4].reasoning.find("ADCS rewrote this second sentence.") != std::string::npos);
    CHECK(r.doc.answers[4].reasoning.find("Solace rewrote the last sentence.") != std::string::npos);
    CHECK(c.ours.text == r.doc.answers[4].reasoning);
    CHECK(c.theirs.text.find("LGA rewrote the second sentence its own way.") != std::string::npos);
    CHECK(c.theirs.text.find("Solace rewrote the last sentence.") != std::string::npos);
    CHECK(c.base.text == base.answers[4].reasoning);

    SUBCASE("take theirs") {
        std::string why;
        REQUIRE(merge_resolve(r.doc, 0, Resolution::Theirs, {}, &why));
        CHECK(r.doc.answers[4].reasoning == c.theirs.text);
    }
    SUBCASE("take both: ours' words, then theirs', where they collide") {
        const std::string theirs_text = c.theirs.text;
        std::string why;
        REQUIRE(merge_resolve(r.doc, 0, Resolution::Both, {}, &why));
        const std::string& t = r.doc.answers[4].reasoning;
        const size_t a = t.find("ADCS rewrote this second sentence."), l = t.find("LGA rewrote the second sentence its own way.");
        CHECK(a != std::string::npos);
        CHECK(l != std::string::npos);
        CHECK(a < l);
        CHECK(t.find("Solace rewrote the last sentence.") != std::string::npos);
        CHECK(r.doc.merge.conflicts.empty());
        (void)theirs_text;
    }
}

TEST_CASE("merge: an edit against a removal is a conflict, never a silent loss")
{
    const Document base = small_response();
    Document ours = base, theirs = base;
    ours.answers[3].evidence += " ADCS added evidence.";
    theirs.questions.erase(theirs.questions.begin() + 3);
    theirs.answers.erase(theirs.answers.begin() + 3);
    MergeResult r = merge_documents(base, ours, theirs);
    // The edited answer stays until someone decides, and so does its question, which it refers to.
    REQUIRE(r.conflicts() == 2);
    const Conflict c = r.doc.merge.conflicts[0];
    CHECK(c.at == "answers/ans-4");
    CHECK(c.theirs.type == JsonValue::Null);
    CHECK(c.ours.type == JsonValue::Object);
    CHECK(find_by_id(r.doc.answers, "ans-4") != nullptr);
    CHECK(r.doc.merge.conflicts[1].at == "questions/q-4");
    CHECK(index_by_id(r.doc.questions, "q-4") == 3);
    std::string why;
    {   // The question cannot go while the answer is there; once the answer has gone, it can.
        Document d = r.doc;
        CHECK_FALSE(merge_resolve(d, 1, Resolution::Theirs, {}, &why));
        CHECK(why.find("Question 4") != std::string::npos);
        REQUIRE(merge_resolve(d, 0, Resolution::Theirs, {}, &why));
        REQUIRE(merge_resolve(d, 0, Resolution::Theirs, {}, &why));
        CHECK(find_by_id(d.questions, "q-4") == nullptr);
        CHECK(find_by_id(d.answers, "ans-4") == nullptr);
        CHECK(import_document(export_document(d)).ok);
    }
    CHECK(import_document(export_document(r.doc)).ok);

    // And the other way round: theirs edited what ours removed; taking theirs puts it back in place.
    // Its question stays for now too, so that taking theirs finds it: the same two conflicts, mirrored.
    r = merge_documents(base, theirs, ours);
    REQUIRE(r.conflicts() == 2);
    CHECK(r.doc.merge.conflicts[0].at == "answers/ans-4");
    CHECK(r.doc.merge.conflicts[1].at == "questions/q-4");
    CHECK(find_by_id(r.doc.answers, "ans-4") == nullptr);
    CHECK(r.doc.merge.conflicts[0].after == "ans-3");
    CHECK(import_document(export_document(r.doc)).ok);
    {
        Document d = r.doc;
        REQUIRE(merge_resolve(d, 1, Resolution::Ours, {}, &why));   // the question goes after all
        CHECK(find_by_id(d.questions, "q-4") == nullptr);
        CHECK_FALSE(merge_resolve(d, 0, Resolution::Theirs, {}, &why));   // so the answer cannot come back
        CHECK(why.find("q-4") != std::string::npos);
        CHECK(find_by_id(d.answers, "ans-4") == nullptr);
    }
    REQUIRE(merge_resolve(r.doc, 0, Resolution::Theirs, {}, &why));
    REQUIRE(index_by_id(r.doc.answers, "ans-4") == 3);
    CHECK(r.doc.answers[3].evidence == ours.answers[3].evidence);
    REQUIRE(merge_resolve(r.doc, 0, Resolution::Theirs, {}, &why));
    CHECK(find_by_id(r.doc.questions, "q-4") != nullptr);
    CHECK(import_document(export_document(r.doc)).ok);
}

TEST_CASE("merge: typed values conflict as values, with the original")
{
    const Document base = load_example("reinspection-workshop.parley.json");
    Document ours = base, theirs = base;   // reinspection: a range of 18 to 24 months
    Dimension* o = &ours.regimes[0].dimensions[0];
    Dimension* t = &theirs.regimes[0].dimensions[0];
    REQUIRE(o->key == "reinspection");
    o->value.type = ValueType::Number;   // Solace: 24 months
    o->value.number = 24;
    t->value.min = 12;                   // LGA: 12-24 months
    const MergeResult r = merge_documents(base, ours, theirs);
    REQUIRE(r.conflicts() == 1);
    const Conflict& c = r.doc.merge.conflicts[0];
    CHECK(c.at == "regimes/" + base.regimes[0].id + "/dimensions/" + base.regimes[0].dimensions[0].id + "/value");
    CHECK(c.base.find("min")->number == 18);
    CHECK(c.ours.find("value")->number == 24);
    CHECK(c.theirs.find("min")->number == 12);
    CHECK(r.doc.regimes[0].dimensions[0].value.type == ValueType::Number);   // ours until decided
    const PathWords words = path_words(r.doc, c.at);
    CHECK(words.part.find("Regime") != std::string::npos);
    CHECK(words.field == "Setting");
    std::string why;
    Document d = r.doc;
    REQUIRE(merge_resolve(d, 0, Resolution::Theirs, {}, &why));
    CHECK(d.regimes[0].dimensions[0].value.type == ValueType::Range);
    CHECK(d.regimes[0].dimensions[0].value.min == 12);
    // A value that is not one is refused, and the conflict stays open.
    d = r.doc;
    JsonValue bad;
    bad.type = JsonValue::String;
    bad.text = "two years";
    CHECK_FALSE(merge_resolve(d, 0, Resolution::Edited, bad, &why));
    CHECK(!why.empty());
    CHECK(d.merge.conflicts.size() == 1);
}

TEST_CASE("merge: lists are matched by id: additions on both sides come in where they were made; a move on one side is kept")
{
    const Document base = small_response();
    Document ours = base, theirs = base;
    Question q;
    q.id = "q-lga";
    q.text = "A question LGA added";
    theirs.questions.insert(theirs.questions.begin() + 2, q);
    Comment cm;
    cm.id = "cmt-lga";
    cm.target = "ans-2";
    cm.text = "LGA's comment";
    theirs.comments.push_back(cm);
    Question q2 = q;
    q2.id = "q-adcs";
    q2.text = "A question ADCS added";
    ours.questions.push_back(q2);
    std::swap(ours.answers[0], ours.answers[5]);   // ours moved two answers
    const MergeResult r = merge_documents(base, ours, theirs);
    CHECK(r.conflicts() == 0);
    REQUIRE(r.doc.questions.size() == base.questions.size() + 2);
    CHECK(r.doc.questions[2].id == "q-lga");
    CHECK(r.doc.questions.back().id == "q-adcs");
    CHECK(r.doc.answers[0].id == "ans-6");
    REQUIRE(r.doc.comments.size() == 1);
    CHECK(came_in(r, "questions/q-lga"));
    CHECK(came_in(r, "comments/cmt-lga"));

    // Both sides reordering the same list differently is a conflict of order.
    std::swap(theirs.answers[1], theirs.answers[2]);
    const MergeResult r2 = merge_documents(base, ours, theirs);
    REQUIRE(conflict_at(r2.doc, "answers") != nullptr);
    CHECK(conflict_at(r2.doc, "answers")->theirs.items[1].text == "ans-3");
}

TEST_CASE("merge: workshop scores from different participants never conflict; one participant's two scores for one cell do")
{
    const Document base = load_example("reinspection-workshop.parley.json");
    Document ours = base, theirs = base;
    ours.workshop.scores.clear();
    theirs.workshop.scores.clear();
    Document empty = base;
    empty.workshop.scores.clear();
    ours.workshop.scores.push_back({"p-dcs", "reg-current", "crit-burden", 1, "", {}});
    theirs.workshop.scores.push_back({"p-lga", "reg-current", "crit-burden", 4, "", {}});
    MergeResult r = merge_documents(empty, ours, theirs);
    CHECK(r.conflicts() == 0);
    CHECK(r.doc.workshop.scores.size() == 2);

    theirs.workshop.scores.push_back({"p-dcs", "reg-current", "crit-burden", 3, "", {}});
    r = merge_documents(empty, ours, theirs);
    REQUIRE(r.conflicts() == 1);
    CHECK(r.doc.merge.conflicts[0].at == "workshop/scores/p-dcs+reg-current+crit-burden/score");
    CHECK(r.doc.workshop.scores.size() == 2);
}

TEST_CASE("merge: unknown members from a newer Parley merge as whole values")
{
    const Document base = small_response();
    Document ours = base, theirs = base;
    JsonValue v;
    v.type = JsonValue::String;
    v.text = "from a newer copy";
    theirs.answers[0].extra.add("x/future", v);
    const MergeResult r = merge_documents(base, ours, theirs);
    CHECK(r.conflicts() == 0);
    REQUIRE(r.doc.answers[0].extra.list().size() == 1);
    CHECK(came_in(r, "answers/ans-1/x~1future"));
    JsonValue got;
    CHECK(path_get(r.doc, "answers/ans-1/x~1future", &got));
    CHECK(got.text == "from a newer copy");
}

TEST_CASE("history: every revision of twenty rounds is rebuilt exactly from the last file, and the file stays under 3 times its size")
{
    Document d = joint::make_response();
    IdGenerator ids;
    std::mt19937 rng(11);
    std::vector<std::string> saved_texts{content(d)};
    Document saved = d;
    for (int round = 1; round <= 20; round++) {
        joint::edit_round(d, rng, round);
        saved = save(d, saved, ids, round % 2 ? "LGA" : "ADCS", "2026-11-05T10:00:00Z");
        saved_texts.push_back(content(d));
    }
    // The file as written and read back, as another organisation would receive it.
    const std::string file = export_document(d);
    const ImportResult read = import_document(file);
    REQUIRE(read.ok);
    for (size_t i = 0; i < read.document.revisions.size(); i++) {
        CAPTURE(i);
        Document old;
        std::string why;
        REQUIRE_MESSAGE(rebuild_revision(read.document, read.document.revisions[i].id, &old, &why), why);
        CHECK(content(old) == saved_texts[i]);
    }
    Document without = read.document;
    for (Revision& r : without.revisions) { r.changes.clear(); r.kept = false; }
    const double ratio = (double)file.size() / (double)export_document(without).size();
    MESSAGE("20 rounds: file " << file.size() << " bytes, " << ratio << " times the size without history");
    CHECK(ratio < 3.0);

    SUBCASE("trimming history drops the changes before a revision, and it cannot be rebuilt any more") {
        Document t = read.document;
        const std::string keep_from = t.revisions[15].id;
        CHECK(trim_history(t, keep_from) > 0);
        Document old;
        std::string why;
        CHECK(rebuild_revision(t, keep_from, &old, &why));
        CHECK(content(old) == saved_texts[15]);
        CHECK_FALSE(rebuild_revision(t, t.revisions[14].id, &old, &why));
        CHECK(why.find("did not keep its changes") != std::string::npos);
        CHECK(export_document(t).size() < file.size());
    }
}

TEST_CASE("history: change records that do not fit the text are refused with where, never applied blindly")
{
    Document d = small_response();
    RevisionChange c;
    c.at = "answers/ans-1/reasoning";
    c.edits.type = JsonValue::Array;
    JsonValue e;
    e.type = JsonValue::Array;
    JsonValue n;
    n.type = JsonValue::Number;
    n.is_integer = true;
    n.integer = 1u << 30;
    e.items = {n, n, JsonValue{}};
    e.items[2].type = JsonValue::String;
    c.edits.items.push_back(e);
    std::string why;
    CHECK_FALSE(apply_changes(d, {c}, &why));
    CHECK(why.find("answers/ans-1/reasoning") != std::string::npos);
    c.at = "answers/nobody/reasoning";
    CHECK_FALSE(apply_changes(d, {c}, &why));
}

TEST_CASE("merge copies: ADCS, LGA and Solace, round after round, from the files alone")
{
    IdGenerator adcs_ids{1}, lga_ids{2}, solace_ids{3};
    Document adcs = joint::make_response();
    Document adcs_saved = adcs;
    adcs_saved = save(adcs, adcs_saved, adcs_ids, "ADCS", "2026-11-02T10:00:00Z");
    const std::string sent = export_document(adcs);

    for (int round = 1; round <= 2; round++) {
        CAPTURE(round);
        // Each co-signatory opens the file that was sent round.
        Document lga = import_document(export_document(adcs)).document, solace = lga;
        Document lga_saved = lga, solace_saved = solace;
        const Document original = lga;
        // LGA rewrites answers 2 and 5, comments, adds a question.
        joint::replace_sentence(lga.answers[1].reasoning, 0, "LGA rewrote answer two in round " + std::to_string(round) + ".");
        joint::replace_sentence(lga.answers[4].reasoning, 0, "LGA rewrote the start of answer five.");
        Comment cm;
        cm.id = "cmt-lga-" + std::to_string(round);
        cm.target = "ans-2";
        cm.text = "Is this strong enough?";
        lga.comments.push_back(cm);
        Question q;
        q.id = "q-lga-" + std::to_string(round);
        q.text = "A question LGA added";
        lga.questions.push_back(q);
        lga_saved = save(lga, lga_saved, lga_ids, "LGA", "2026-11-03T10:00:00Z");
        // Solace edits the last paragraph of answer 5, its own position on 3, removes question 40.
        const int last = joint::sentence_count(solace.answers[4].reasoning) - 1;
        joint::replace_sentence(solace.answers[4].reasoning, last, "Solace rewrote the end of answer five.");
        solace.answers[2].signatories[1].position = round == 1 ? Position::Disagree : Position::NoView;
        const std::string gone = "q-" + std::to_string(41 - round);
        const int answer = index_by_id(solace.answers, std::to_string(41 - round).insert(0, "ans-"));
        REQUIRE(answer >= 0);
        solace.answers.erase(solace.answers.begin() + answer);
        solace.questions.erase(solace.questions.begin() + index_by_id(solace.questions, gone));
        solace_saved = save(solace, solace_saved, solace_ids, "Solace", "2026-11-03T11:00:00Z");
        // Meanwhile ADCS keeps editing answer 1 (not saved yet).
        joint::replace_sentence(adcs.answers[0].reasoning, 2, "ADCS kept editing answer one.");

        // The files travel as text.
        const Document from_lga = import_document(export_document(lga)).document;
        const Document from_solace = import_document(export_document(solace)).document;
        CopyMergeOptions who;
        who.organisation = "ADCS";
        who.utc_time = "2026-11-04T09:00:00Z";
        CopyMerge m1 = merge_copies(adcs, adcs_saved, from_lga, adcs_ids, who);
        REQUIRE(m1.status == CopyMergeStatus::Merged);
        CHECK(m1.result.conflicts() == 0);
        adcs = m1.result.doc;
        adcs_saved = adcs;
        CopyMerge m2 = merge_copies(adcs, adcs_saved, from_solace, adcs_ids, who);
        REQUIRE(m2.status == CopyMergeStatus::Merged);
        CHECK(m2.result.conflicts() == 0);
        adcs = m2.result.doc;
        adcs_saved = adcs;

        const Answer& five = adcs.answers[4];
        CHECK(five.reasoning.find("LGA rewrote the start of answer five.") != std::string::npos);
        CHECK(five.reasoning.find("Solace rewrote the end of answer five.") != std::string::npos);
        CHECK(adcs.answers[0].reasoning.find("ADCS kept editing answer one.") != std::string::npos);
        CHECK(adcs.answers[1].reasoning.find("LGA rewrote answer two in round " + std::to_string(round) + ".") != std::string::npos);
        CHECK(adcs.answers[2].signatories[1].position == (round == 1 ? Position::Disagree : Position::NoView));
        CHECK(find_by_id(adcs.questions, gone) == nullptr);
        CHECK(find_by_id(adcs.questions, q.id) != nullptr);
        CHECK(find_by_id(adcs.comments, cm.id) != nullptr);
        CHECK(adcs.revisions.back().merged == from_solace.revisions.back().id);

        // Merging the same copy again changes nothing.
        const CopyMerge again = merge_copies(adcs, adcs_saved, from_lga, adcs_ids, who);
        CHECK(again.status == CopyMergeStatus::AlreadyMerged);
        // The merged file reads back and its history rebuilds the draft that was sent round.
        const ImportResult back = import_document(export_document(adcs));
        for (const ImportError& e : back.errors) FAIL_CHECK(format_error(e));
        REQUIRE(back.ok);
        Document rebuilt;
        std::string why;
        REQUIRE_MESSAGE(rebuild_revision(back.document, original.revisions.back().id, &rebuilt, &why), why);
        CHECK(content(rebuilt) == content(original));
        adcs_saved = save(adcs, adcs_saved, adcs_ids, "ADCS", "2026-11-04T10:00:00Z");
    }
    (void)sent;
}

TEST_CASE("merge copies: another document is refused; copies with no shared history ask, or make every difference a choice")
{
    const Document base = small_response();
    Document other = base;
    other.id = "doc-another";
    IdGenerator ids;
    CopyMergeOptions o;
    CopyMerge m = merge_copies(base, base, other, ids, o);
    CHECK(m.status == CopyMergeStatus::Refused);
    CHECK(m.message.find("not a copy of this draft") != std::string::npos);

    // Two copies of an old file whose revisions kept no changes: no original can be rebuilt.
    Document ours = base, theirs = base;
    ours.revisions.push_back({"rev-a", "rev-first", "", "ADCS", "", "2026-11-03T10:00:00Z", "", {}, false, {}});
    theirs.revisions.push_back({"rev-b", "rev-first", "", "LGA", "", "2026-11-03T10:00:00Z", "", {}, false, {}});
    ours.title = "Ours";
    theirs.answers[0].position = Position::Disagree;
    m = merge_copies(ours, ours, theirs, ids, o);
    CHECK(m.status == CopyMergeStatus::NoOriginal);

    o.original = &base;   // the person found the original file
    m = merge_copies(ours, ours, theirs, ids, o);
    REQUIRE(m.status == CopyMergeStatus::Merged);
    CHECK(m.result.conflicts() == 0);
    CHECK(m.result.doc.title == "Ours");
    CHECK(m.result.doc.answers[0].position == Position::Disagree);

    o.original = nullptr;
    o.without_original = true;
    m = merge_copies(ours, ours, theirs, ids, o);
    REQUIRE(m.status == CopyMergeStatus::Merged);
    CHECK(conflict_at(m.result.doc, "title") != nullptr);
    CHECK(conflict_at(m.result.doc, "answers/ans-1/position") != nullptr);
    CHECK(m.result.conflicts() == 2);
}

TEST_CASE("merge copies: a merge left half done is saved with its open conflicts and read back")
{
    const Document base = small_response();
    Document ours = base, theirs = base;
    ours.title = "Ours";
    theirs.title = "Theirs";
    MergeResult r = merge_documents(base, ours, theirs);
    REQUIRE(r.conflicts() == 1);
    const ImportResult back = import_document(export_document(r.doc));
    for (const ImportError& e : back.errors) FAIL_CHECK(format_error(e));
    REQUIRE(back.ok);
    REQUIRE(back.document.merge.conflicts.size() == 1);
    CHECK(back.document.merge.conflicts[0].theirs.text == "Theirs");
    Document d = back.document;
    std::string why;
    REQUIRE(merge_resolve(d, 0, Resolution::Theirs, {}, &why));
    CHECK(d.title == "Theirs");
    CHECK(export_document(d).find("\"merge\"") == std::string::npos);
}
