// Undo must take back every kind of edit, in sensible steps, and never lose the redo path
// except when a new change makes it meaningless.
#include <doctest/doctest.h>
#include "examples.h"
#include "core/history.h"

using namespace parley;

static Document titled(const std::string& title)
{
    Document d;
    d.title = title;
    return d;
}

TEST_CASE("typing in one field with short pauses is one step; a pause or another field starts a new one")
{
    History h;
    Document doc;
    const char* steps[] = {"R", "Re", "Res", "Resp"};
    double t = 0;
    for (const char* s : steps) { history_record(h, doc, "title", t); doc.title = s; t += 200; }
    history_record(h, doc, "title", t + 1500);   // a long pause
    doc.title = "Resp!";
    history_record(h, doc, "summary", t + 1600); // another field
    doc.summary.text = "Broadly welcomes";
    history_commit(h, doc);   // the app commits the change under way at the end of each frame
    CHECK(h.undo.size() == 3);
    REQUIRE(history_undo(h, doc));
    CHECK(doc.summary.text.empty());
    CHECK(doc.title == "Resp!");
    REQUIRE(history_undo(h, doc));
    CHECK(doc.title == "Resp");
    REQUIRE(history_undo(h, doc));
    CHECK(doc.title.empty());
    CHECK_FALSE(history_undo(h, doc));
}

TEST_CASE("redo replays what was undone, and a new change clears it")
{
    History h;
    Document doc = titled("A");
    history_record(h, doc, "", 0);
    doc.regimes.emplace_back();   // adding is a step of its own
    history_record(h, doc, "", 10);
    doc.regimes.clear();          // and so is removing
    REQUIRE(history_undo(h, doc));
    CHECK(doc.regimes.size() == 1);
    REQUIRE(history_undo(h, doc));
    CHECK(doc.regimes.empty());
    REQUIRE(history_redo(h, doc));
    CHECK(doc.regimes.size() == 1);
    history_record(h, doc, "title", 20);
    doc.title = "B";
    CHECK_FALSE(history_redo(h, doc));
    CHECK(doc.title == "B");
}

TEST_CASE("after an undo, typing in the same field starts a new step rather than joining the undone one")
{
    History h;
    Document doc;
    history_record(h, doc, "title", 0);
    doc.title = "abc";
    REQUIRE(history_undo(h, doc));
    history_record(h, doc, "title", 100);
    doc.title = "x";
    REQUIRE(history_undo(h, doc));
    CHECK(doc.title.empty());
}

TEST_CASE("the oldest steps are forgotten beyond the limit; the newest are kept")
{
    History h;
    h.max_steps = 3;
    Document doc;
    for (int i = 0; i < 5; i++) { history_record(h, doc, "", i); doc.title = std::to_string(i); }
    CHECK(h.undo.size() == 3);
    while (history_undo(h, doc)) {}
    CHECK(doc.title == "1");
}

// ---------------------------------------------------------------------------------------------
// Steps hold only what changed, so undo fits a memory budget whatever the draft's size.

#include "core/document_json.h"
#include "core/edit.h"
#include "core/text_fields.h"

#include <fstream>
#include <random>
#include <sstream>


TEST_CASE("typing in a field keeps a copy of that field only, not of the document")
{
    History h;
    Document doc = load_example("jtai-joint-response.parley.json");
    REQUIRE(!doc.answers.empty());
    const std::string key = text_field_key(doc.answers[0].id, "reasoning");
    const std::string before = doc.answers[0].reasoning;
    for (int i = 0; i < 200; i++) {
        history_record(h, doc, key, i * 100.0);
        CHECK(history_pending_bytes(h) < before.size() + 1000);   // the field, not the draft
        find_text_field(doc, key)->push_back('x');
    }
    history_commit(h, doc);
    REQUIRE(h.undo.size() == 1);                 // one burst of typing, one step
    CHECK(h.undo[0].entries.size() == 1);        // the oldest copy of the field only
    CHECK(h.bytes < before.size() + 1000);
    REQUIRE(history_undo(h, doc));
    CHECK(doc.answers[0].reasoning == before);
    REQUIRE(history_redo(h, doc));
    CHECK(doc.answers[0].reasoning == before + std::string(200, 'x'));
}

TEST_CASE("removing a question and its answer is one small step; undo puts both back where they were")
{
    History h;
    Document doc = load_example("jtai-joint-response.parley.json");
    REQUIRE(doc.questions.size() > 2);
    const std::string original = export_document(doc);
    const std::string id = doc.questions[1].id;
    history_record(h, doc, "", 0);
    REQUIRE(remove_question(doc, id));
    history_commit(h, doc);
    REQUIRE(h.undo.size() == 1);
    CHECK(h.bytes < approx_bytes(doc) / 4);      // the question, its answer and comments: not the draft
    REQUIRE(history_undo(h, doc));
    CHECK(export_document(doc) == original);
    REQUIRE(history_redo(h, doc));
    CHECK(find_by_id(doc.questions, id) == nullptr);
}

TEST_CASE("the oldest steps are forgotten once the log is over its byte budget")
{
    History h;
    h.max_bytes = 64 * 1024;
    Document doc;
    doc.sections.push_back({"sec-1", "", "", {}});
    for (int i = 0; i < 100; i++) {
        history_record(h, doc, "", i * 2000.0);   // each a step of its own
        doc.sections[0].body = std::string(4000, (char)('a' + i % 26));
        CHECK(h.bytes <= h.max_bytes + 8000);
    }
    history_commit(h, doc);
    CHECK(h.bytes <= h.max_bytes);
    CHECK(h.undo.size() < 20);
    CHECK(h.undo.size() > 5);
    while (history_undo(h, doc)) {}
    CHECK(doc.sections[0].body == std::string(4000, (char)('a' + (100 - h.redo.size() - 1) % 26)));
}

// Random edits of every kind, each recorded as the app records them: undoing them all gives the
// first document back byte for byte, and redoing them all gives the last.
TEST_CASE("property: any sequence of edits undoes and redoes exactly")
{
    std::mt19937 rng(7);
    for (int round = 0; round < 20; round++) {
        History h;
        Document doc = load_example(round % 2 ? "reinspection-workshop.parley.json" : "jtai-joint-response.parley.json");
        const std::string first = export_document(doc);
        IdGenerator ids;
        ids.state = (uint64_t)round * 977;
        for (int step = 0; step < 40; step++) {
            const int what = (int)(rng() % 8);
            if (what <= 2 && !doc.answers.empty()) {          // typing in a prose field, sometimes grouped
                Answer& a = doc.answers[rng() % doc.answers.size()];
                const std::string key = text_field_key(a.id, what == 0 ? "reasoning" : "evidence");
                history_record(h, doc, key, step * (what == 2 ? 2000.0 : 100.0));
                find_text_field(doc, key)->append(" more words");
            } else if (what == 3) {                          // adding a question
                history_record(h, doc, "", step * 2000.0);
                doc.questions.insert(doc.questions.begin() + (long)(rng() % (doc.questions.size() + 1)), Question{ids.next("q"), "", "New?", 0, {}});
            } else if (what == 4 && !doc.questions.empty()) { // removing one, with its answer
                history_record(h, doc, "", step * 2000.0);
                remove_question(doc, doc.questions[rng() % doc.questions.size()].id);
            } else if (what == 5 && doc.questions.size() > 1) { // moving one
                history_record(h, doc, "", step * 2000.0);
                move_item(doc.questions, (int)(rng() % (doc.questions.size() - 1)), +1);
            } else if (what == 6 && !doc.regimes.empty() && !doc.regimes[0].dimensions.empty()) { // a typed value
                Dimension& d = doc.regimes[0].dimensions[rng() % doc.regimes[0].dimensions.size()];
                history_record(h, doc, d.id + "/value", step * 2000.0);
                d.value.type = ValueType::Text;
                d.value.text = "changed " + std::to_string(step);
            } else if (!doc.organisations.empty()) {         // an organisation goes, with its positions
                history_record(h, doc, "", step * 2000.0);
                remove_organisation(doc, doc.organisations.back().id);
            }
        }
        history_commit(h, doc);
        const std::string last = export_document(doc);
        while (history_undo(h, doc)) {}
        CHECK(export_document(doc) == first);
        while (history_redo(h, doc)) {}
        CHECK(export_document(doc) == last);
    }
}

TEST_CASE("a change that names what it touches copies only that: adding and moving questions copy the question list")
{
    History h;
    Document doc = load_example("jtai-joint-response.parley.json");
    const std::string original = export_document(doc);
    history_record(h, doc, "", 0, "document/questions");
    CHECK(history_pending_bytes(h) < approx_bytes(doc) / 4);
    doc.questions.push_back(Question{"q-added", "9", "Anything else?", 0, {}});
    history_record(h, doc, "", 10, "document/questions");
    REQUIRE(move_item(doc.questions, 0, +1));
    history_commit(h, doc);
    CHECK(h.undo.size() == 2);
    REQUIRE(history_undo(h, doc));
    REQUIRE(history_undo(h, doc));
    CHECK(export_document(doc) == original);
}

TEST_CASE("scopes that name nothing fall back to the whole document, so no change is ever lost")
{
    History h;
    Document doc = load_example("jtai-joint-response.parley.json");
    const std::string original = export_document(doc);
    history_record(h, doc, "", 0, "nothing/here;q-missing");
    CHECK(history_pending_bytes(h) * 10 >= approx_bytes(doc) * 9);   // a copy of all of it (a copy holds no spare capacity)
    doc.title = "Changed";
    doc.questions.clear();
    history_commit(h, doc);
    REQUIRE(history_undo(h, doc));
    CHECK(export_document(doc) == original);
}
