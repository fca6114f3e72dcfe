// The history a file carries, so that two copies that grew from one saved draft can be merged
// with no third file (merge.h needs the original both started from).
//
// Each revision keeps what it changed, the other way round: the changes that turn the content
// as that revision saved it back into its parent's (RevisionChange in document.h). Starting from the
// content of the file, which is its last revision's, undoing revision after revision along
// the parents rebuilds any earlier revision. Text is kept word by word (only the words that
// changed), everything else as its earlier value, so a file grows by what people changed,
// not by copies of the draft: docs/format.md, "History", has the figures.
//
// A revision written before Parley kept changes, or whose changes were trimmed away, has
// `kept` false: nothing before it can be rebuilt through it.
#pragma once
#include "document.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace parley {

// The changes that turn `newer` back into `older`, member by member (revisions and an open
// merge are history, not content: not included).
std::vector<RevisionChange> changes_between(const Document& newer, const Document& older);

// Applies changes in order. False, with why, when one does not fit (a damaged or hostile
// file): `doc` may then be partly changed; callers work on a copy.
bool apply_changes(Document& doc, const std::vector<RevisionChange>& changes, std::string* error);

// Applies a change's word edits ([[start, length, "earlier words"], ...]) to one text. False,
// with why, when they do not fit it (a damaged or hostile file); `text` is then unchanged.
bool apply_word_edits(std::string& text, const JsonValue& edits, std::string* error);

// Appends a revision (record_revision) that keeps its changes: `saved` is the content as the
// previous revision saved it (what the file held when it was opened or last saved).
const Revision& record_revision_with_changes(Document& doc, const Document& saved, IdGenerator& ids, const std::string& organisation,
                                             const std::string& author, const std::string& utc_time, const std::string& note = "");

// The revision a document's content is: its last one ("" when it has none).
std::string head_revision(const Document& doc);

// Every revision `head` grew from, itself included, by parents and merges.
std::unordered_set<std::string> revision_ancestors(const Document& doc, const std::string& head);

// True when revision `id` is `head` or one of its ancestors, by parents and merges.
bool revision_is_ancestor(const Document& doc, const std::string& id, const std::string& head);

// The content as revision `id` saved it, rebuilt from `doc` by undoing its revisions' changes
// back along the parents. False, with why, when a revision on the way has not kept its changes.
bool rebuild_revision(const Document& doc, const std::string& id, Document* out, std::string* error);

// The original two copies grew from: the newest revision both have that one of them can
// rebuild. `from_theirs` says which copy it was rebuilt from. False when there is none.
struct SharedOriginal {
    std::string revision;
    Document    content;
};
bool find_shared_original(const Document& ours, const Document& theirs, SharedOriginal* out);

// The newest revision, back along the parents from the head and not past `stop` (exclusive),
// whose changes touch `path` or something in it or around it; null when none does (or the
// history does not say). Who changed a field, and when, in the merge view.
const Revision* last_change_to(const Document& doc, const std::string& path, const std::string& stop);

// Forgets the changes of every revision older than `keep_from` (an ancestor of the head):
// the file gets smaller and revisions before it can no longer be rebuilt. Returns the bytes
// of change records dropped, roughly.
size_t trim_history(Document& doc, const std::string& keep_from);

} // namespace parley
