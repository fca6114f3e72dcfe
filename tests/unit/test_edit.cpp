// Removing things from a document must leave a document that still opens: everything that
// pointed at the removed object goes with it. Each test removes every object of one kind from
// each example, one at a time, and checks the saved text imports without an error.
#include <doctest/doctest.h>
#include "examples.h"
#include "core/document_json.h"
#include "core/edit.h"
#include "core/text_fields.h"

#include <fstream>
#include <functional>
#include <sstream>

using namespace parley;

static std::vector<Document> examples() { return example_documents(); }

static void check_still_opens(const Document& doc, const std::string& what)
{
    ImportResult r = import_document(export_document(doc));
    CAPTURE(what);
    for (const ImportError& e : r.errors) FAIL_CHECK(format_error(e));
    CHECK(r.ok);
}

// Removes each id returned by `ids` from a fresh copy of every example with `remove`.
static int remove_each(std::function<std::vector<std::string>(const Document&)> ids,
                       std::function<bool(Document&, const std::string&)> remove)
{
    int removed = 0;
    for (const Document& original : examples())
        for (const std::string& id : ids(original)) {
            Document doc = original;
            CHECK(remove(doc, id));
            check_still_opens(doc, original.title + " without " + id);
            removed++;
        }
    return removed;
}

TEST_CASE("removing a question takes its answer")
{
    const int n = remove_each([](const Document& d) { std::vector<std::string> v; for (auto& q : d.questions) v.push_back(q.id); return v; },
                              remove_question);
    CHECK(n > 5);
    for (Document doc : examples()) {
        if (doc.questions.empty()) continue;
        const std::string q = doc.questions[0].id;
        const bool had_answer = find_answer(doc, q) != nullptr;
        const size_t answers = doc.answers.size();
        remove_question(doc, q);
        CHECK(find_answer(doc, q) == nullptr);
        CHECK(doc.answers.size() == answers - (had_answer ? 1 : 0));
    }
}

TEST_CASE("removing a question keeps the comments on it and on its answer, saying what they were on")
{
    Document doc = load_example("jtai-joint-response.parley.json");
    const Answer& a = doc.answers[0];
    const Question* q = find_by_id(doc.questions, a.question);
    REQUIRE(q);
    const std::string number = q->number;
    auto comment = [](const char* id, std::string target, const char* text) {
        Comment c;
        c.id = id; c.target = std::move(target); c.text = text;
        return c;
    };
    doc.comments.push_back(comment("cmt-on-answer", a.id, "Is this strong enough?"));
    doc.comments.push_back(comment("cmt-reply", "cmt-on-answer", "Yes."));
    doc.comments.push_back(comment("cmt-on-question", a.question, "Reword?"));
    doc.comments.back().about = "the question as first written";   // said at the time: kept
    REQUIRE(remove_question(doc, a.question));
    REQUIRE(find_by_id(doc.comments, "cmt-on-answer"));
    CHECK(find_by_id(doc.comments, "cmt-on-answer")->about == "the answer to question " + number);
    CHECK(find_by_id(doc.comments, "cmt-reply")->about.empty());          // its comment is still there
    CHECK(find_by_id(doc.comments, "cmt-on-question")->about == "the question as first written");
    check_still_opens(doc, "a question whose answer had a thread of comments");
}

TEST_CASE("removing an organisation clears its positions, ownerships and participants")
{
    const int n = remove_each([](const Document& d) { std::vector<std::string> v; for (auto& o : d.organisations) v.push_back(o.id); return v; },
                              remove_organisation);
    CHECK(n > 5);
}

TEST_CASE("removing a regime clears what was based on it and its workshop columns and scores")
{
    const int n = remove_each([](const Document& d) { std::vector<std::string> v; for (auto& r : d.regimes) v.push_back(r.id); return v; },
                              remove_regime);
    CHECK(n > 5);
}

TEST_CASE("removing dimensions and sections")
{
    remove_each([](const Document& d) { std::vector<std::string> v; for (auto& r : d.regimes) for (auto& x : r.dimensions) v.push_back(x.id); return v; },
                remove_dimension);
    remove_each([](const Document& d) { std::vector<std::string> v; for (auto& s : d.sections) v.push_back(s.id);
                                        for (auto& s : d.general_points) v.push_back(s.id); return v; },
                remove_section);
    Document doc;
    CHECK_FALSE(remove_question(doc, "q-none"));
    CHECK_FALSE(remove_regime(doc, "r-none"));
}

TEST_CASE("move_item swaps with the neighbour and refuses to run off either end")
{
    std::vector<int> v = {1, 2, 3};
    CHECK(move_item(v, 0, +1));
    CHECK(v == std::vector<int>{2, 1, 3});
    CHECK_FALSE(move_item(v, 0, -1));
    CHECK_FALSE(move_item(v, 2, +1));
    CHECK(move_item(v, 2, -1));
    CHECK(v == std::vector<int>{2, 3, 1});
}

TEST_CASE("text field keys name one field by object id and member, and go stale when the object goes")
{
    for (Document doc : examples()) {
        CAPTURE(doc.title);
        CHECK(find_text_field(doc, "document/title") == &doc.title);
        CHECK(find_text_field(doc, "summary/text") == &doc.summary.text);
        for (Answer& a : doc.answers) {
            CHECK(find_text_field(doc, text_field_key(a.id, "reasoning")) == &a.reasoning);
            CHECK(find_text_field(doc, text_field_key(a.id, "evidence")) == &a.evidence);
            CHECK(find_text_field(doc, text_field_key(a.id, "recommendations")) == &a.recommendations);
        }
        for (Regime& r : doc.regimes) {
            CHECK(find_text_field(doc, text_field_key(r.id, "summary")) == &r.summary);
            for (Dimension& d : r.dimensions) CHECK(find_text_field(doc, text_field_key(d.id, "rationale")) == &d.rationale);
        }
        for (Section& s : doc.sections) CHECK(find_text_field(doc, text_field_key(s.id, "body")) == &s.body);
        CHECK(find_text_field(doc, "nothing-has-this-id/body") == nullptr);
        CHECK(find_text_field(doc, "no-slash") == nullptr);
        if (!doc.questions.empty()) {
            const std::string q = doc.questions[0].id;
            CHECK(find_text_field(doc, text_field_key(q, "text")) != nullptr);
            CHECK(find_text_field(doc, text_field_key(q, "colour")) == nullptr);   // not a member
            remove_question(doc, q);
            CHECK(find_text_field(doc, text_field_key(q, "text")) == nullptr);
        }
    }
}

TEST_CASE("removing by a reference into the document's own list removes the right things")
{
    // The editor passes doc.questions[i].id; erasing the question moves the next one into that
    // place, so a reference would then name the next question and take its answer instead.
    for (Document doc : examples()) {
        if (doc.questions.size() < 2 || doc.answers.size() < 2) continue;
        const std::string first = doc.questions[0].id, second = doc.questions[1].id;
        const Answer* kept_before = find_answer(doc, second);
        if (!kept_before || !find_answer(doc, first)) continue;
        const std::string kept = kept_before->id;
        REQUIRE(remove_question(doc, doc.questions[0].id));
        CHECK(find_answer(doc, first) == nullptr);
        REQUIRE(find_answer(doc, second) != nullptr);
        CHECK(find_answer(doc, second)->id == kept);
        check_still_opens(doc, "after removing the first question by reference");
    }
}
