// The edit session is the one way changes reach the document: every change is counted (so the
// draft shows as unsaved) and undoable, and, with `verify` on, a change that skipped
// Session_BeforeEdit is caught at the end of the frame.
#include <doctest/doctest.h>
#include "core/assert.h"
#include "session/edit_session.h"

namespace {
int g_caught = 0;
void Catch(const char*, const char*, int) { g_caught++; }
} // namespace

TEST_CASE("session: each change counts an edit and can be undone and redone")
{
    EditSession s;
    Session_Replace(s, parley::Document{});
    Session_BeforeEdit(s, "document/title");
    s.doc.title = "Draft";
    Session_EndFrame(s);
    CHECK(s.edits == 1);
    REQUIRE(Session_CanUndo(s));
    REQUIRE(Session_Undo(s));
    CHECK(s.doc.title.empty());
    REQUIRE(Session_Redo(s));
    CHECK(s.doc.title == "Draft");
    CHECK(s.edits == 3);   // undo and redo change the document too
}

TEST_CASE("session: with verify on, a change made without Session_BeforeEdit fails the contract check")
{
    parley::AssertHandler previous = parley::set_assert_handler(Catch);
    g_caught = 0;
    EditSession s;
    s.verify = true;
    Session_Replace(s, parley::Document{});
    Session_BeforeEdit(s, "document/title");
    s.doc.title = "Announced";
    Session_EndFrame(s);
    CHECK(g_caught == 0);
    s.doc.title = "Not announced";   // a view that forgot the session
    Session_EndFrame(s);
    CHECK(g_caught == 1);
    parley::set_assert_handler(previous);
}

TEST_CASE("session: a revision added by saving is history, not an undo step, and a failed save takes it back")
{
    EditSession s;
    Session_Replace(s, parley::Document{});
    const std::string id = Session_AddRevision(s, "ADCS", "2016-01-04T10:00:00Z");
    CHECK(s.doc.revisions.size() == 1);
    CHECK_FALSE(Session_CanUndo(s));
    Session_TakeBackRevision(s, id);
    CHECK(s.doc.revisions.empty());
}

#include "core/json_writer.h"

TEST_CASE("contract: the JSON writer's opens and closes must match")
{
    parley::AssertHandler previous = parley::set_assert_handler(Catch);
    g_caught = 0;
    parley::JsonWriter ok;
    ok.begin_object();
    ok.key("a");
    ok.integer(1);
    ok.end_object();
    ok.text();
    CHECK(g_caught == 0);
    parley::JsonWriter open;
    open.begin_array();
    open.text();           // the array was never closed
    CHECK(g_caught == 1);
    parley::JsonWriter extra;
    extra.end_object();    // closed without an open
    CHECK(g_caught == 2);
    parley::set_assert_handler(previous);
}
