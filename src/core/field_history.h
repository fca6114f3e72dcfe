// Who wrote what: the revisions that changed one text field, newest first, each with who saved
// it (organisation, author), when, its note, and the field's words before and after it.
//
// It walks back from the last revision along the parents, undoing each revision's recorded
// changes (revision_changes.h) for this one field only: the field's text is the only thing
// rebuilt, so the walk costs what the history of that field holds, not the size of the draft
// times the number of revisions. A revision that did not keep its changes (an old file, a
// trimmed history) ends the walk: what came before it is not in the file, and the list says so.
#pragma once
#include "document.h"
#include "word_diff.h"

#include <string>
#include <vector>

namespace parley {

enum class FieldEntryKind : unsigned char {
    Unsaved,       // the draft's own edits since it was last saved
    Revision,      // a saved revision changed the field
    Merge,         // a merge revision brought a change in from another organisation's copy
    First,         // the first revision: the words as first saved
    NotRecorded,   // the history stops here: earlier changes are not recorded in the file
    NotShown,      // the budget ran out: `hidden` earlier revisions were not searched
};

struct FieldHistoryEntry {
    FieldEntryKind kind = FieldEntryKind::Revision;
    std::string revision;                           // its id ("" for the others)
    std::string organisation, author, time, note;   // as the revision says (time: UTC, as in the file)
    // A merge: whose copy came in ("LGA"), and who had made this change in that copy, when the
    // copy's own revisions say so (its organisation, author and time; empty when they do not).
    std::string merged_from;
    std::string origin_organisation, origin_author, origin_time;
    std::string before, after;                      // the field's words before and after this entry
    TextDiff    diff;                               // before -> after, word by word (compare view's marking)
    // The same change with long unchanged stretches cut to a few words either side ("…"), to show:
    // a one-word change in a 5,000-word answer reads as that word and its sentence.
    std::string shown_before, shown_after;
    TextDiff    shown_diff;
    int         hidden = 0;                         // NotShown: how many revisions were not searched
    std::string message;                            // NotRecorded, NotShown: what to tell the reader
};

// A walk that can grow with the file gets a budget: past any of these it stops and says how
// many revisions it did not search (FieldEntryKind::NotShown).
struct FieldHistoryBudget {
    size_t max_revisions = 20000;       // revisions walked
    size_t max_entries = 200;           // entries listed
    size_t max_bytes = 16u << 20;       // text kept for the entries (before + after)
};

struct FieldHistoryList {
    std::string path;                         // the field (paths.h): "answers/ans-3/reasoning"
    std::vector<FieldHistoryEntry> entries;   // newest first
    int revisions_walked = 0;
};

// The history of the text field at `path` in `draft`. `saved` is the draft's content as its
// last revision saved it (Session_SavedContent; `&draft` for a draft just opened or saved): when
// the field differs from it, the first entry is the unsaved edits. Null when that content is not
// known (a draft restored from autosave): the history cannot be read back through words no
// revision recorded, and the single entry says so.
FieldHistoryList field_history(const Document& draft, const Document* saved, const std::string& path, const FieldHistoryBudget& budget = {});

// The path (paths.h) of the field a text key names (text_fields.h: "ans-3/reasoning",
// "summary/text", "document/title"); "" when no object has that id.
std::string text_field_path(const Document& doc, const std::string& key);

// A revision's time as people read it: "28 Nov 2026 14:02" (UTC); with `clock` false only the
// day, "28 Nov 2026". A time not written as the file format says is given back as it is.
std::string revision_time_words(const std::string& utc, bool clock = true);

// The entry's heading: "ADCS · Jane Smith · 28 Nov 2026 14:02 · Tightened the wording";
// "Not saved yet"; for a merge, "ADCS · 28 Nov 2026 14:02 · merged in from LGA's copy".
std::string field_history_heading(const FieldHistoryEntry& e);

// A merge entry's second line: "Brought in from LGA's copy, where Sam Patel (LGA) changed it on
// 27 Nov 2026 10:00." ("" for other entries).
std::string field_history_origin(const FieldHistoryEntry& e);

// What an entry's change did, in a line a screen reader can say: `Added "a, b"; removed "c"`
// (each run of words cut to about `max_chars`).
std::string field_change_words(const FieldHistoryEntry& e, size_t max_chars = 120);

} // namespace parley
