// Comments as the pane shows them (core/comments.h): threads built from plain comments, what a
// thread is on in words (and after its target was removed), open counts per target and per
// question, the filters, whose a comment is, deleting without deleting others' words, and a
// hostile file (reply loops, 10,000 comments) staying correct and fast.
#include <doctest/doctest.h>
#include "core/comments.h"
#include "core/edit.h"
#include "session/edit_session.h"


using namespace parley;

namespace {

Comment Make(const std::string& id, const std::string& target, const std::string& author = "Sam", const std::string& org = "LGA",
             const std::string& time = "2026-11-28T14:02:00Z", const std::string& field = "")
{
    Comment c;
    c.id = id;
    c.target = target;
    c.field = field;
    c.author = author;
    c.organisation = org;
    c.time = time;
    c.text = "Words of " + id;
    return c;
}

Document Draft()
{
    Document doc;
    doc.id = "doc-1";
    Question q1; q1.id = "q-1"; q1.number = "1"; q1.text = "First?";
    Question q3; q3.id = "q-3"; q3.number = "3"; q3.text = "Third?";
    doc.questions = {q1, q3};
    Answer a; a.id = "ans-3"; a.question = "q-3";
    doc.answers = {a};
    Regime r; r.id = "reg-1"; r.name = "ADCS alternative";
    Dimension d; d.id = "dim-1"; d.key = "notice";
    r.dimensions.push_back(d);
    doc.regimes = {r};
    Criterion k; k.id = "crit-1"; k.label = "Burden";
    doc.workshop.criteria = {k};
    return doc;
}

} // namespace

TEST_CASE("comments: replies chain to their root, oldest first, and each comment is in one thread")
{
    Document doc = Draft();
    doc.comments = {Make("c1", "q-3"), Make("c2", "c1", "Ann", "ADCS", "2026-11-28T15:00:00Z"), Make("c3", "c2", "Sam", "LGA", "2026-11-28T14:30:00Z"),
                    Make("c4", "doc-1")};
    const CommentThreads t = build_comment_threads(doc);
    REQUIRE(t.threads.size() == 2);
    CHECK(t.threads[0].root == 0);
    CHECK(t.threads[0].replies == std::vector<int>{2, 1});   // by time: c3 (14:30) before c2 (15:00)
    CHECK(t.threads[1].root == 3);
    CHECK(t.thread_of == std::vector<int>{0, 0, 0, 1});
    CHECK(t.organisations == std::vector<std::string>{"ADCS", "LGA"});
}

TEST_CASE("comments: a hostile file's reply loops are kept as threads, none dropped, none hidden")
{
    Document doc = Draft();
    doc.comments = {Make("a", "b"), Make("b", "a"), Make("self", "self"), Make("tail", "a"), Make("ok", "q-1")};
    const CommentThreads t = build_comment_threads(doc);
    REQUIRE(t.threads.size() == 3);
    CHECK(t.threads[0].root == 0);   // the loop's earliest comment
    CHECK(t.threads[0].looped);
    CHECK(t.threads[0].replies == std::vector<int>{1, 3});
    CHECK(t.threads[1].root == 2);
    CHECK(t.threads[1].looped);
    CHECK_FALSE(t.threads[2].looped);
    for (int th : t.thread_of) CHECK(th >= 0);
    CHECK(comment_place(doc, doc.comments[0]).words == "a reply whose thread loops back on itself");
    CHECK(t.open_on.count("b") == 0);   // a loop is on nothing in the draft: no marker counts it
    CHECK(t.open == 3);
}

TEST_CASE("comments: what a thread is on, in words, and where the editor shows it")
{
    Document doc = Draft();
    CHECK(comment_about(doc, "doc-1") == "the whole draft");
    CHECK(comment_about(doc, "doc-1", "summary") == "the summary");
    CHECK(comment_about(doc, "q-3") == "question 3");
    CHECK(comment_about(doc, "ans-3") == "the answer to question 3");
    CHECK(comment_about(doc, "ans-3", "reasoning") == "question 3 \u00B7 Reasoning");
    CHECK(comment_about(doc, "reg-1") == "regime \u201C" "ADCS alternative\u201D");
    CHECK(comment_about(doc, "dim-1").find("regime \u201C" "ADCS alternative\u201D \u00B7 ") == 0);
    CHECK(comment_about(doc, "crit-1") == "criterion \u201C" "Burden\u201D");
    CHECK(comment_about(doc, "nothing") == "");
    Comment on_reasoning = Make("c", "ans-3", "Sam", "LGA", "", "reasoning");
    CHECK(comment_place(doc, on_reasoning).object == "q-3");   // the answer is shown on its question's card
    CHECK(comment_place(doc, Make("c", "dim-1")).object == "reg-1");
    CHECK(comment_place(doc, Make("c", "crit-1")).object == "crit-1");
    CHECK_FALSE(comment_place(doc, on_reasoning).removed);
}

TEST_CASE("comments: a comment on a removed question is kept and says it was on a removed question")
{
    EditSession s;
    s.verify = true;
    Session_Replace(s, Draft());
    Session_BeforeEdit(s, "", "document/comments");
    Comment c = Make("c1", "q-3");
    c.about = comment_about(s.doc, "q-3");
    s.doc.comments.push_back(c);
    Comment f = Make("c2", "ans-3", "Sam", "LGA", "", "evidence");
    f.about = comment_about(s.doc, "ans-3", "evidence");
    s.doc.comments.push_back(f);
    s.doc.comments.push_back(Make("c3", "c1"));   // a reply
    Session_EndFrame(s);
    Session_BeforeEdit(s, "", remove_question_scope(s.doc, "q-3"));
    remove_question(s.doc, "q-3");
    Session_EndFrame(s);
    REQUIRE(s.doc.comments.size() == 3);
    const CommentThreads t = build_comment_threads(s.doc);
    REQUIRE(t.threads.size() == 2);
    const CommentPlace p = comment_place(s.doc, s.doc.comments[0]);
    CHECK(p.removed);
    CHECK(p.words == "a removed question 3");
    CHECK(p.object.empty());
    CHECK(comment_place(s.doc, s.doc.comments[1]).words == "a removed question 3 \u00B7 Evidence");
    CHECK(t.threads[0].replies.size() == 1);
    CHECK(comment_place(s.doc, Make("x", "gone-id")).words == "something since removed");
    CHECK(comment_place(s.doc, [] { Comment c = Make("x", "gone"); c.about = "the answer to question 2"; return c; }()).words ==
          "the answer to a removed question 2");
}

TEST_CASE("comments: open threads counted per target, per field and per question with its answer")
{
    Document doc = Draft();
    doc.comments = {Make("c1", "q-3"), Make("c2", "ans-3", "Sam", "LGA", "", "reasoning"), Make("c3", "ans-3"), Make("c4", "c1"),
                    Make("c5", "q-3"), Make("c6", "q-1")};
    doc.comments[4].resolved = true;
    const CommentThreads t = build_comment_threads(doc);
    CHECK(t.open_on.at("q-3") == 1);             // c5 is resolved; the reply c4 is not a thread
    CHECK(t.open_on.at("ans-3/reasoning") == 1);
    CHECK(t.open_on.at("ans-3") == 1);
    CHECK(t.open_on_question.at("q-3") == 3);     // the question, its answer and the answer's fields
    CHECK(t.open_on_question.at("q-1") == 1);
    CHECK(t.open == 4);
    CHECK(t.resolved == 1);
}

TEST_CASE("comments: the pane's filters: open, resolved, all, and by organisation (starting or replying)")
{
    Document doc = Draft();
    doc.comments = {Make("c1", "q-3", "Sam", "LGA"), Make("c2", "c1", "Ann", "ADCS"), Make("c3", "q-1", "Ann", "ADCS"), Make("c4", "q-1", "Kim", "BASW")};
    doc.comments[2].resolved = true;
    const CommentThreads t = build_comment_threads(doc);
    REQUIRE(t.threads.size() == 3);
    auto shown = [&](CommentFilter f, const std::string& org) {
        std::vector<int> out;
        for (const CommentThread& th : t.threads)
            if (comment_thread_shown(doc, th, f, org)) out.push_back(th.root);
        return out;
    };
    CHECK(shown(CommentFilter::Open, "") == std::vector<int>{0, 3});
    CHECK(shown(CommentFilter::Resolved, "") == std::vector<int>{2});
    CHECK(shown(CommentFilter::All, "") == std::vector<int>{0, 2, 3});
    CHECK(shown(CommentFilter::All, "ADCS") == std::vector<int>{0, 2});   // replied to c1, started c3
    CHECK(shown(CommentFilter::Open, "BASW") == std::vector<int>{3});
}

TEST_CASE("comments: one's own is the same author and organisation; deleting never takes others' words")
{
    Document doc = Draft();
    doc.comments = {Make("c1", "q-3", "Sam", "LGA"), Make("c2", "c1", "Ann", "ADCS"), Make("c3", "q-1", "Sam", "LGA"), Make("c4", "c3", "Sam", "LGA"),
                    Make("anon", "q-1", "", "")};
    CHECK(comment_is_mine(doc.comments[0], "Sam", "LGA"));
    CHECK_FALSE(comment_is_mine(doc.comments[0], "Sam", "ADCS"));   // same name, another organisation: not the same person
    CHECK_FALSE(comment_is_mine(doc.comments[4], "", ""));          // an anonymous comment is nobody's
    CHECK(comment_delete_refusal(doc, "c2", "Sam", "LGA") == "Only the person who wrote a comment can delete it.");
    const std::string refusal = comment_delete_refusal(doc, "c1", "Sam", "LGA");
    CHECK(refusal.find("Ann (ADCS) replied to it") == 0);
    CHECK(comment_delete_refusal(doc, "c3", "Sam", "LGA") == "");   // only one's own reply under it
    REQUIRE(delete_comment(doc, "c3"));
    REQUIRE(doc.comments.size() == 3);   // c3 and its own reply c4
    CHECK(doc.comments[0].id == "c1");
    CHECK(doc.comments[1].id == "c2");
    CHECK(doc.comments[2].id == "anon");
    CHECK_FALSE(delete_comment(doc, "c3"));
}

TEST_CASE("comments: times read as people write them")
{
    CHECK(comment_time_text("2026-11-28T14:02:00Z") == "28 Nov 2026 14:02");
    CHECK(comment_time_text("2026-01-05T09:30:00Z") == "5 Jan 2026 09:30");
    CHECK(comment_time_text("yesterday") == "yesterday");
    CHECK(comment_time_text("2026-13-05T09:30:00Z") == "2026-13-05T09:30:00Z");
}

TEST_CASE("comments: 15,000 comments with long reply chains and a loop build into threads, every comment in one, without recursion")
{
    Document doc = Draft();
    doc.comments.reserve(10000);
    for (int i = 0; i < 10000; i++) {
        const std::string id = "c" + std::to_string(i);
        const std::string target = i % 100 == 0 ? (i % 200 == 0 ? "q-3" : "ans-3") : "c" + std::to_string(i - 1);   // chains of 99 replies
        doc.comments.push_back(Make(id, target, "Sam", i % 3 ? "LGA" : "ADCS"));
    }
    doc.comments[9900].target = "c9999";   // c9900 .. c9999 answer each other round in a loop
    // One long chain as well: 5,000 deep replies would overflow a recursive walk's stack in wasm.
    for (int i = 0; i < 5000; i++) doc.comments.push_back(Make("d" + std::to_string(i), i ? "d" + std::to_string(i - 1) : "doc-1"));
    const CommentThreads t = build_comment_threads(doc);   // speed: benchmarks, not unit tests
    CHECK(t.threads.size() == 101);   // 99 chains, the loop, the long chain
    size_t in_threads = 0;
    for (const CommentThread& th : t.threads) in_threads += 1 + th.replies.size();
    CHECK(in_threads == doc.comments.size());
    CHECK(t.threads[99].looped);
    CHECK(t.threads[100].replies.size() == 4999);
    CHECK(t.open_on_question.at("q-3") == 99);
}
