// The edit session is the one way changes reach the document: every change is counted (so the
// draft shows as unsaved) and undoable, and, with `verify` on, a change that skipped
// Session_BeforeEdit is caught at the end of the frame.
#include <doctest/doctest.h>
#include "examples.h"
#include "core/assert.h"
#include "core/revision_changes.h"
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

TEST_CASE("session: a save keeps what changed since the file was opened or last saved; a restored autosave's does not guess")
{
    EditSession s;
    s.ids.state = 7;
    parley::Document opened = load_example("jtai-joint-response.parley.json");
    Session_Replace(s, opened);
    Session_BeforeEdit(s, "ans/reasoning");
    s.doc.answers[0].reasoning += " A sentence added.";
    const std::string first = Session_AddRevision(s, "ADCS", "2026-11-30T10:00:00Z");
    REQUIRE(s.doc.revisions.back().kept);
    REQUIRE(s.doc.revisions.back().changes.size() == 1);
    CHECK(s.doc.revisions.back().changes[0].at == "answers/" + s.doc.answers[0].id + "/reasoning");
    Session_RevisionSaved(s, first);
    // The next save records its changes against the content that save wrote, not the file opened.
    Session_BeforeEdit(s, "doc/title");
    s.doc.title += " (second draft)";
    Session_AddRevision(s, "ADCS", "2026-11-30T11:00:00Z");
    REQUIRE(s.doc.revisions.back().changes.size() == 1);
    CHECK(s.doc.revisions.back().changes[0].at == "title");
    parley::Document rebuilt;
    std::string why;
    REQUIRE(parley::rebuild_revision(s.doc, opened.revisions.back().id, &rebuilt, &why));
    CHECK(rebuilt.answers[0].reasoning == opened.answers[0].reasoning);
    CHECK(rebuilt.title == opened.title);

    // A draft restored from autosave: what changed since its last revision is not known.
    Session_Replace(s, opened, false);
    Session_BeforeEdit(s, "doc/title");
    s.doc.title = "Restored";
    Session_AddRevision(s, "ADCS", "2026-11-30T12:00:00Z");
    CHECK_FALSE(s.doc.revisions.back().kept);
    CHECK(s.doc.revisions.back().changes.empty());
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

#include "core/document_json.h"
#include "core/edit.h"

#include <fstream>
#include <sstream>

static parley::Document LoadExample(const char* name) { return load_example(name); }

// Each removal in core/edit.h names what it touches; with verify on, the session undoes each
// step on a copy and checks it gives back the draft as it was. A scope that misses a list the
// removal changed fails here.
TEST_CASE("session: every removal's scope covers all it changes: undo gives the draft back exactly")
{
    parley::AssertHandler previous = parley::set_assert_handler(Catch);
    g_caught = 0;
    for (const char* name : {"jtai-joint-response.parley.json", "reinspection-workshop.parley.json", "no-notice-child-protection.parley.json"}) {
        CAPTURE(name);
        const parley::Document original = LoadExample(name);
        const std::string original_text = parley::export_document(original);
        EditSession s;
        s.verify = true;
        Session_Replace(s, original);
        int removed = 0;
        auto remove = [&](const std::string& scope, auto&& change) {
            Session_BeforeEdit(s, "", scope);
            change();
            Session_EndFrame(s);
            removed++;
        };
        while (!s.doc.questions.empty()) {
            const std::string id = s.doc.questions[s.doc.questions.size() / 2].id;
            remove(parley::remove_question_scope(s.doc, id), [&] { parley::remove_question(s.doc, id); });
        }
        while (!s.doc.regimes.empty() && !s.doc.regimes[0].dimensions.empty()) {
            const std::string id = s.doc.regimes[0].dimensions.back().id;
            remove(parley::remove_dimension_scope(s.doc, id), [&] { parley::remove_dimension(s.doc, id); });
        }
        while (!s.doc.workshop.criteria.empty()) {
            const std::string id = s.doc.workshop.criteria[0].id;
            remove(parley::remove_criterion_scope(s.doc, id), [&] { parley::remove_criterion(s.doc, id); });
        }
        while (!s.doc.workshop.participants.empty()) {
            const std::string id = s.doc.workshop.participants[0].id;
            remove(parley::remove_participant_scope(s.doc, id), [&] { parley::remove_participant(s.doc, id); });
        }
        while (!s.doc.regimes.empty()) {
            const std::string id = s.doc.regimes.back().id;
            remove(parley::remove_regime_scope(s.doc, id), [&] { parley::remove_regime(s.doc, id); });
        }
        while (!s.doc.sections.empty() || !s.doc.general_points.empty()) {
            const std::string id = s.doc.sections.empty() ? s.doc.general_points[0].id : s.doc.sections[0].id;
            remove(parley::remove_section_scope(s.doc, id), [&] { parley::remove_section(s.doc, id); });
        }
        CHECK(removed > 5);
        while (Session_Undo(s)) {}
        CHECK(parley::export_document(s.doc) == original_text);
    }
    CHECK(g_caught == 0);
    parley::set_assert_handler(previous);
}

TEST_CASE("session: a scope that misses part of the change is caught by verify")
{
    parley::AssertHandler previous = parley::set_assert_handler(Catch);
    g_caught = 0;
    EditSession s;
    s.verify = true;
    Session_Replace(s, LoadExample("jtai-joint-response.parley.json"));
    const std::string id = s.doc.questions[0].id;
    Session_BeforeEdit(s, "", "document/questions");   // but the answer and comments go too
    parley::remove_question(s.doc, id);
    Session_EndFrame(s);
    CHECK(g_caught >= 1);
    parley::set_assert_handler(previous);
}
