// Undo must take back every kind of edit, in sensible steps, and never lose the redo path
// except when a new change makes it meaningless.
#include <doctest/doctest.h>
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
