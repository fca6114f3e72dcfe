#include "edit_session.h"

#include "core/assert.h"
#include "core/document_json.h"
#include "core/revision_changes.h"

// With `verify`: the document may differ from what was last seen only through a change that
// was announced. Commits what is pending either way.
// A step that was just made must also take the document back to what it was: undoing it on a
// copy must give the last checked text (a scope that missed part of the change fails here).
static void Check(EditSession& s)
{
    const bool announced = s.history.pending.open;
    const size_t steps = s.history.undo.size();
    parley::history_commit(s.history, s.doc);
    if (!s.verify) return;
    std::string now = parley::export_document(s.doc);
    PARLEY_ASSERT(announced || s.verified.empty() || s.verified == now);   // changed without Session_BeforeEdit
    if (announced && s.history.undo.size() > steps && !s.verified.empty()) {
        parley::Document copy = s.doc;
        const std::string group = s.history.group;
        const double group_last_ms = s.history.group_last_ms;
        parley::history_undo(s.history, copy);
        PARLEY_ASSERT(parley::export_document(copy) == s.verified);   // the step does not undo all the change did
        parley::history_redo(s.history, copy);
        s.history.group = group;
        s.history.group_last_ms = group_last_ms;
    }
    s.verified = std::move(now);
}

void Session_BeforeEdit(EditSession& s, const std::string& group, const std::string& scope)
{
    Check(s);
    parley::history_record(s.history, s.doc, group, s.now_ms, scope);
    s.edits++;
}

void Session_EndGroup(EditSession& s)
{
    parley::history_end_group(s.history);
}

void Session_EndFrame(EditSession& s)
{
    Check(s);
}

bool Session_CanUndo(const EditSession& s) { return !s.history.undo.empty() || s.history.pending.open; }
bool Session_CanRedo(const EditSession& s) { return !s.history.redo.empty(); }

// Undo and redo change the document as much as any edit: they count as one.
static bool Replay(EditSession& s, bool (*step)(parley::History&, parley::Document&))
{
    Check(s);
    if (!step(s.history, s.doc)) return false;
    s.edits++;
    if (s.verify) s.verified = parley::export_document(s.doc);
    return true;
}

bool Session_Undo(EditSession& s) { return Replay(s, parley::history_undo); }
bool Session_Redo(EditSession& s) { return Replay(s, parley::history_redo); }

void Session_Replace(EditSession& s, parley::Document doc, bool in_a_file)
{
    s.doc = std::move(doc);
    s.generation++;
    s.edits = 0;
    parley::history_clear(s.history);   // undo never crosses into another document
    s.verified = s.verify ? parley::export_document(s.doc) : std::string();
    s.saved[1] = EditSession::Saved{};
    s.saved[0] = EditSession::Saved{};
    if (in_a_file) s.saved[0] = {parley::head_revision(s.doc), s.doc};
}

const parley::Document* Session_SavedContent(const EditSession& s)
{
    const std::string head = parley::head_revision(s.doc);
    for (const EditSession::Saved& k : s.saved)
        if (!k.revision.empty() && k.revision == head) return &k.content;
    return nullptr;
}

static void KeepSaved(EditSession& s, std::string revision, parley::Document content)
{
    if (s.saved[0].revision == revision) return;
    s.saved[1] = std::move(s.saved[0]);
    s.saved[0] = {std::move(revision), std::move(content)};
}

std::string Session_AddRevision(EditSession& s, const std::string& organisation, const std::string& utc_time, const std::string& author)
{
    Check(s);
    std::string id;
    if (const parley::Document* saved = Session_SavedContent(s)) {
        id = parley::record_revision_with_changes(s.doc, *saved, s.ids, organisation, author, utc_time).id;
    } else {   // what changed since the last revision is not known: say so, never guess
        id = parley::record_revision(s.doc, s.ids, organisation, author, utc_time).id;
    }
    s.saving_revision = id;
    s.saving = s.doc;
    if (s.verify) s.verified = parley::export_document(s.doc);
    return id;
}

void Session_TakeBackRevision(EditSession& s, const std::string& revision_id)
{
    Check(s);
    if (s.saving_revision == revision_id) { s.saving_revision.clear(); s.saving = parley::Document{}; }
    if (s.doc.revisions.empty() || s.doc.revisions.back().id != revision_id) return;   // nothing was written: the file history must not claim it was
    s.doc.revisions.pop_back();
    if (s.verify) s.verified = parley::export_document(s.doc);
}

void Session_RevisionSaved(EditSession& s, const std::string& revision_id)
{
    if (s.saving_revision != revision_id) return;
    KeepSaved(s, revision_id, std::move(s.saving));
    s.saving_revision.clear();
    s.saving = parley::Document{};
}

void Session_FinishMerge(EditSession& s, parley::Document merged, parley::Document merge_content)
{
    Session_BeforeEdit(s, "");   // the whole merge is one undo step
    s.doc = std::move(merged);
    KeepSaved(s, parley::head_revision(merge_content), std::move(merge_content));
}
