// Who wrote what (core/field_history.h): one field's revisions, newest first, each with who
// saved it and the words it changed; merges, histories that stop, the budget; and the version
// comparison saying whose revision made each change (core/compare.h, attribute_changes).
#include <doctest/doctest.h>
#include "core/compare.h"
#include "core/copy_merge.h"
#include "core/document_json.h"
#include "core/field_history.h"
#include "core/revision_changes.h"
#include "../../bench/joint_response.h"


using namespace parley;

namespace {

// Saves `d` as `org` would: a revision that keeps what changed since `saved`; returns the new saved content.
Document save(Document& d, const Document& saved, IdGenerator& ids, const std::string& org, const std::string& author, const std::string& time,
              const std::string& note = "")
{
    record_revision_with_changes(d, saved, ids, org, author, time, note);
    return import_document(export_document(d)).document;   // as the file is read back
}

const std::string kReasoning = "answers/ans-1/reasoning";

bool has_words(const std::string& text, const TextDiff& d, DiffOp op, const std::string& words)
{
    for (const DiffPiece& p : d.pieces)
        if (p.op == op) {
            const std::string s = op == DiffOp::Insert ? text.substr(p.b_begin, p.b_end - p.b_begin) : text.substr(p.a_begin, p.a_end - p.a_begin);
            if (s.find(words) != std::string::npos) return true;
        }
    return false;
}

} // namespace

TEST_CASE("field history: revisions by different organisations, newest first, only those that changed the field")
{
    IdGenerator ids{7};
    Document d = joint::make_response(3, 11);
    const std::string first = d.answers[0].reasoning;
    Document saved = save(d, d, ids, "ADCS", "Jane Smith", "2026-11-02T09:00:00Z", "First draft");

    joint::replace_sentence(d.answers[0].reasoning, 0, "Councils must set the thematic focus with inspectors.");   // long text: kept as word edits
    saved = save(d, saved, ids, "LGA", "Sam Patel", "2026-11-27T10:15:00Z", "LGA's points");
    const std::string by_lga = d.answers[0].reasoning;

    d.answers[0].evidence += " Solace added evidence.";   // another field of the same answer
    d.answers[1].reasoning += " Solace wrote in answer two.";
    saved = save(d, saved, ids, "Solace", "", "2026-11-27T16:00:00Z");

    d.answers[0].reasoning += " ADCS closes the argument.";
    saved = save(d, saved, ids, "ADCS", "Jane Smith", "2026-11-28T14:02:00Z", "Tightened");
    const std::string by_adcs = d.answers[0].reasoning;

    Document draft = saved;   // and an edit not saved yet
    draft.answers[0].reasoning = "Unsaved opening. " + draft.answers[0].reasoning;

    const FieldHistoryList h = field_history(draft, &saved, kReasoning);
    REQUIRE(h.entries.size() == 4);
    CHECK(h.revisions_walked == (int)saved.revisions.size());   // the example's own first revision, then four saves
    CHECK(h.entries[0].kind == FieldEntryKind::Unsaved);
    CHECK(field_history_heading(h.entries[0]) == "Not saved yet");
    CHECK(h.entries[0].before == by_adcs);
    CHECK(has_words(h.entries[0].after, h.entries[0].diff, DiffOp::Insert, "Unsaved opening."));

    CHECK(h.entries[1].kind == FieldEntryKind::Revision);
    CHECK(field_history_heading(h.entries[1]) == "ADCS \xC2\xB7 Jane Smith \xC2\xB7 28 Nov 2026 14:02 \xC2\xB7 Tightened");
    CHECK(h.entries[1].before == by_lga);
    CHECK(h.entries[1].after == by_adcs);
    CHECK(field_change_words(h.entries[1]) == "Added \xE2\x80\x9C" "ADCS closes the argument.\xE2\x80\x9D.");

    CHECK(h.entries[2].organisation == "LGA");
    CHECK(h.entries[2].author == "Sam Patel");
    CHECK(h.entries[2].before == first);
    CHECK(h.entries[2].after == by_lga);
    CHECK(has_words(h.entries[2].after, h.entries[2].diff, DiffOp::Insert, "thematic focus"));
    CHECK(h.entries[2].diff.words_deleted > 0);

    CHECK(h.entries[3].kind == FieldEntryKind::First);   // the words as first saved, by whom
    CHECK(h.entries[3].revision == saved.revisions[0].id);
    CHECK(h.entries[3].after == first);

    // The evidence was changed by Solace alone.
    const FieldHistoryList ev = field_history(saved, &saved, "answers/ans-1/evidence");
    REQUIRE(ev.entries.size() == 2);
    CHECK(ev.entries[0].organisation == "Solace");
    CHECK(ev.entries[1].kind == FieldEntryKind::First);
    // Keys name fields as the editors do.
    CHECK(text_field_path(saved, "ans-1/reasoning") == kReasoning);
    CHECK(text_field_path(saved, "summary/text") == "summary/text");
    CHECK(text_field_path(saved, "document/title") == "title");
    CHECK(text_field_path(saved, "nobody/reasoning").empty());
}

TEST_CASE("field history: a field in an answer added in a later revision starts there; short texts kept whole")
{
    IdGenerator ids{8};
    Document d = joint::make_response(2, 3);
    Document saved = save(d, d, ids, "ADCS", "", "2026-11-02T09:00:00Z");
    Question q;
    q.id = "q-new";
    q.text = "Do you agree?";
    d.questions.push_back(q);
    Answer a;
    a.id = "ans-new";
    a.question = "q-new";
    a.reasoning = "Yes.";
    d.answers.push_back(a);
    saved = save(d, saved, ids, "LGA", "", "2026-11-03T09:00:00Z");
    d.answers.back().reasoning = "Yes, with care.";   // short: kept as the whole earlier text
    saved = save(d, saved, ids, "Solace", "", "2026-11-04T09:00:00Z");
    const FieldHistoryList h = field_history(saved, &saved, "answers/ans-new/reasoning");
    REQUIRE(h.entries.size() == 2);
    CHECK(h.entries[0].organisation == "Solace");
    CHECK(h.entries[0].before == "Yes.");
    CHECK(h.entries[1].organisation == "LGA");   // the answer came in whole with LGA's revision
    CHECK(h.entries[1].before == "");
    CHECK(h.entries[1].after == "Yes.");
}

TEST_CASE("field history: a merge says whose copy it brought in and who changed the field there")
{
    IdGenerator adcs_ids{1}, lga_ids{2};
    Document adcs = joint::make_response(3, 5);
    Document adcs_saved = save(adcs, adcs, adcs_ids, "ADCS", "Jane Smith", "2026-11-02T09:00:00Z");
    Document lga = adcs_saved, lga_saved = adcs_saved;
    joint::replace_sentence(lga.answers[0].reasoning, 0, "LGA asks for councils to be heard first.");
    lga_saved = save(lga, lga_saved, lga_ids, "LGA", "Sam Patel", "2026-11-27T10:15:00Z");
    joint::replace_sentence(adcs.answers[1].reasoning, 0, "ADCS rewrote answer two meanwhile.");

    CopyMergeOptions who;
    who.organisation = "ADCS";
    who.author = "Jane Smith";
    who.utc_time = "2026-11-28T14:02:00Z";
    const CopyMerge m = merge_copies(adcs, adcs_saved, lga_saved, adcs_ids, who);
    REQUIRE(m.status == CopyMergeStatus::Merged);
    const Document merged = import_document(export_document(m.result.doc)).document;

    const FieldHistoryList h = field_history(merged, &merged, kReasoning);
    REQUIRE(h.entries.size() == 2);
    const FieldHistoryEntry& e = h.entries[0];
    CHECK(e.kind == FieldEntryKind::Merge);
    CHECK(e.organisation == "ADCS");
    CHECK(e.merged_from == "LGA");
    CHECK(e.origin_author == "Sam Patel");
    CHECK(field_history_origin(e) == "Brought in from LGA's copy, where Sam Patel (LGA) changed it on 27 Nov 2026 10:15.");
    CHECK(has_words(e.after, e.diff, DiffOp::Insert, "councils to be heard first"));
    CHECK(h.entries[1].kind == FieldEntryKind::First);

    // Answer two: changed in ADCS's own draft before the merge; the merge revision recorded it.
    const FieldHistoryList two = field_history(merged, &merged, "answers/ans-2/reasoning");
    REQUIRE(!two.entries.empty());
    CHECK(two.entries[0].kind == FieldEntryKind::Merge);
    CHECK(two.entries[0].origin_author.empty());   // LGA's copy did not change it
}

TEST_CASE("field history: a history that was trimmed or never kept stops with a note")
{
    IdGenerator ids{3};
    Document d = joint::make_response(2, 9);
    Document saved = save(d, d, ids, "ADCS", "", "2026-11-02T09:00:00Z");
    d.answers[0].reasoning += " One.";
    saved = save(d, saved, ids, "LGA", "", "2026-11-03T09:00:00Z");
    const std::string lga_rev = saved.revisions.back().id;
    d.answers[0].reasoning += " Two.";
    saved = save(d, saved, ids, "Solace", "", "2026-11-04T09:00:00Z");
    trim_history(saved, lga_rev);   // only the newest keeps its changes

    const FieldHistoryList h = field_history(saved, &saved, kReasoning);
    REQUIRE(h.entries.size() == 2);
    CHECK(h.entries[0].organisation == "Solace");
    CHECK(h.entries[1].kind == FieldEntryKind::NotRecorded);
    CHECK(h.entries[1].revision == lga_rev);
    CHECK(h.entries[1].message == "Earlier changes are not recorded in this file.");

    // A draft restored from autosave: the content its last revision saved is not known.
    const FieldHistoryList restored = field_history(saved, nullptr, kReasoning);
    REQUIRE(restored.entries.size() == 1);
    CHECK(restored.entries[0].kind == FieldEntryKind::NotRecorded);
    // A draft never saved: only its unsaved words.
    Document fresh = joint::make_response(1, 2);
    fresh.revisions.clear();
    const FieldHistoryList none = field_history(fresh, nullptr, kReasoning);
    REQUIRE(none.entries.size() == 1);
    CHECK(none.entries[0].kind == FieldEntryKind::Unsaved);
}

TEST_CASE("field history: the walk keeps to its budget and says how many revisions it did not search")
{
    IdGenerator ids{4};
    Document d = joint::make_response(1, 13);
    Document saved = save(d, d, ids, "ADCS", "", "2026-11-02T09:00:00Z");
    for (int i = 0; i < 30; i++) {
        d.answers[0].reasoning += " Edit " + std::to_string(i) + ".";
        record_revision_with_changes(d, saved, ids, i % 2 ? "LGA" : "ADCS", "", "2026-11-03T09:00:00Z");
        saved = d;
    }
    FieldHistoryBudget budget;
    budget.max_entries = 10;
    const FieldHistoryList h = field_history(saved, &saved, kReasoning, budget);
    REQUIRE(h.entries.size() == 11);
    CHECK(h.entries[9].after.find("Edit 20.") != std::string::npos);
    CHECK(h.entries.back().kind == FieldEntryKind::NotShown);
    const int total = (int)saved.revisions.size();   // 30 edits, the first save and the example's own revision
    CHECK(h.entries.back().hidden == total - 10);
    CHECK(h.entries.back().message == "This list stops at 10 changes: 22 earlier revisions were not searched.");
    budget = FieldHistoryBudget{};
    budget.max_revisions = 5;
    CHECK(field_history(saved, &saved, kReasoning, budget).entries.back().hidden == total - 5);
}

TEST_CASE("field history: a long history is walked only as far as its budget, one field's text at a time")
{
    // 2,000 revisions of a 40-question response, each changing one sentence of answer 1 or
    // another answer: the walk rebuilds only the one field, never the document.
    IdGenerator ids{5};
    Document d = joint::make_response(40, 17);
    Document saved = d;
    record_revision_with_changes(d, saved, ids, "ADCS", "", "2026-11-02T09:00:00Z");
    saved = d;
    std::mt19937 rng(9);
    for (int i = 0; i < 2000; i++) {
        Answer& a = d.answers[i % 4 == 0 ? 0 : 1 + (int)(rng() % 39)];
        joint::replace_sentence(a.reasoning, (int)(rng() % 3), "Revision " + std::to_string(i) + " says this.");
        record_revision_with_changes(d, saved, ids, i % 2 ? "LGA" : "ADCS", "", "2026-11-03T09:00:00Z");
        saved.revisions = d.revisions;
        saved.answers = d.answers;
    }
    // Speed is for benchmarks, not unit tests: what is checked here is that the walk stops at
    // its budget (200 changes listed) rather than going through all 2,000 revisions.
    const FieldHistoryList h = field_history(d, &d, kReasoning);
    CHECK(h.revisions_walked == 800);      // every fourth revision changed the field: 200 of them in 800
    REQUIRE(h.entries.size() == 200 + 1);  // the default budget lists 200 changes, then says so
    CHECK(h.entries.back().hidden == (int)d.revisions.size() - 800);
}

TEST_CASE("version comparison: each change says whose revision made it, and nothing when histories do not connect")
{
    IdGenerator ids{6};
    Document d = joint::make_response(3, 19);
    Document saved = save(d, d, ids, "ADCS", "Jane Smith", "2026-11-02T09:00:00Z");
    const Document older = saved;   // the version sent round
    joint::replace_sentence(d.answers[0].reasoning, 0, "LGA changed this opening.");
    saved = save(d, saved, ids, "LGA", "Sam Patel", "2026-11-27T10:15:00Z");
    d.answers[1].evidence += " Solace's evidence.";
    saved = save(d, saved, ids, "Solace", "", "2026-11-28T08:00:00Z");
    d.answers[2].reasoning += " Not saved yet.";

    DocumentComparison c = compare_documents(older, d);
    attribute_changes(c, d, older);
    REQUIRE(c.changes.size() == 3);
    for (const FieldChange& f : c.changes) {
        CAPTURE(f.path);
        if (f.path == kReasoning) CHECK(f.changed_by == "changed by LGA, 27 Nov 2026, revision of Sam Patel");
        else if (f.path == "answers/ans-2/evidence") CHECK(f.changed_by == "changed by Solace, 28 Nov 2026");
        else CHECK(f.changed_by == "");   // not saved in any revision yet
    }
    // An older version whose head this draft did not grow from: no guessing.
    Document stranger = older;
    stranger.revisions.back().id = "rev-elsewhere";
    DocumentComparison s = compare_documents(stranger, d);
    attribute_changes(s, d, stranger);
    for (const FieldChange& f : s.changes) CHECK(f.changed_by == "");
}
