// What the views of a draft share: the edit session below them (the document and every change
// to it) and each view's own state, owned by the app shell and handed down. Views include this
// and never app.h, so the shell sits above them and nothing runs back up.
//
// Each feature's state has a Reset(): the shell calls it when another document takes the
// place of the open one, so no view keeps ids or positions that named the old one.
#pragma once
#include "core/copy_merge.h"
#include "session/edit_session.h"

#include <string>
#include <vector>

// The document editor's view: where the outline asked to jump (a section name or an object id,
// taken by the next frame that draws it) and the words that filter the questions.
struct EditorState {
    std::string scroll_to;
    std::string question_filter;
    void Reset() { *this = EditorState{}; }
};

enum class CompareMode { Regimes, Versions };   // regimes side by side; this draft against another version

// The compare view (compare_view.h), in place of the editor while `open`.
struct CompareState {
    bool open = false;
    CompareMode mode = CompareMode::Regimes;
    std::vector<std::string> columns;     // regime ids: "<id>" in the draft, "other:<id>" in `other`
    bool only_differences = false;
    bool has_other = false;
    parley::Document other;               // the other version (the older one: compared with the draft)
    std::string other_name;
    bool open_for_compare = false;        // the next file opened goes to `other`, not to the editor
    int  version = 0;                     // bumped when `other` or the columns change
    void Reset() { *this = CompareState{}; }
};

// The merge view (merge_view.h): another organisation's copy brought in, shown before anything
// changes, in place of the editor while `open`. Nothing touches the draft until Finish merge.
struct MergeState {
    bool open = false;
    bool open_for_merge = false;      // the next file opened is the copy to merge
    bool open_for_original = false;   // the next file opened is the original both copies grew from
    bool continuing = false;          // settling conflicts an earlier merge left open in the draft
    std::string from_file;            // the copy's file name
    parley::Document theirs;          // the copy, kept to merge again once an original is given
    parley::CopyMerge merge;          // the merge worked out: the merged draft, what came in, conflicts
    std::vector<int>  choice;         // per open conflict: -1 undecided, else a parley::Resolution
    std::vector<std::string> edited;  // per conflict: the text a person wrote for it
    int  current = 0;                 // the conflict in view
    int  version = 0;                 // new whenever the merge or a choice changes (never reused)
    std::string problem;              // why Finish merge could not settle a conflict
    void Reset() { *this = MergeState{}; }
};

// A workshop's results full-window for a room (workshop_results.h).
struct PresentationState {
    bool presenting = false;
    void Reset() { *this = PresentationState{}; }
};

struct Views {
    EditSession       session;
    EditorState       editor;
    CompareState      compare;
    PresentationState presentation;
    MergeState        merge;
    float       zoom = 1.0f;              // the app's zoom (View > Zoom): views scale their sizes by it
    bool        style_dirty = true;       // theme, zoom or presentation changed: fonts and style need rebuilding
    bool        request_open = false;     // a view asks the shell for a file (the compare view's other version)
    std::string status_message;           // a short line for the status bar ("Saved as ...", "Removed ...")
    std::string clock_utc;                // the page's clock (UTC) when the last file arrived: a merge's revision time
};
