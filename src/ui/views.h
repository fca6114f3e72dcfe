// What the views of a draft share: the edit session below them (the document and every change
// to it) and each view's own state, owned by the app shell and handed down. Views include this
// and never app.h, so the shell sits above them and nothing runs back up.
//
// Each feature's state has a Reset(): the shell calls it when another document takes the
// place of the open one, so no view keeps ids or positions that named the old one.
#pragma once
#include "core/copy_merge.h"
#include "identity.h"
#include "session/edit_session.h"

#include <map>
#include <string>
#include <vector>

// The document editor's view: where the outline asked to jump (a section name or an object id,
// taken by the next frame that draws it) and the words that filter the questions.
struct EditorState {
    std::string scroll_to;
    // After a jump the page keeps its target at the top for a few frames: the cards above it,
    // laid out for the first time as it comes into view (lazy_blocks.h), turn out taller or
    // shorter than their estimate, and each frame's scroll is taken again from where the target
    // now stands. Any wheel, click or key ends it, so the reader's own scrolling always wins.
    std::string scroll_pin;
    int pin_frames = 0;
    std::string question_filter;
    // A part just added (a question, an organisation, a section, a regime): its first field
    // takes the keyboard when it is drawn, so Tab and typing go on in what was added
    // (FocusIfAdded, widgets.h).
    std::string focus_added;
    std::string focus_jumped;      // an outline entry chosen by keyboard: the first control after its heading takes the keyboard
    // In a window too narrow for the outline beside the page (200 % zoom, a phone), the outline
    // is a "Contents" bar over the page; open, it takes the page's place until an entry is chosen.
    bool contents_open = false;
    bool focus_contents = false;   // opened by keyboard: its first entry takes the keyboard
    // Another document has just taken the open one's place (Reset): the page starts at its top,
    // not at the scroll position the old one was left at (ImGui keeps it with the window).
    bool start_at_top = true;
    // The welcome (heading and a line on what Parley is) shows on a draft that was empty when it
    // took its place, decided once: it stays while the first words are typed, so the page does
    // not jump up under the caret at the first key.
    enum class Welcome { Undecided, Shown, Hidden };
    Welcome welcome = Welcome::Undecided;
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

// The sign-off grid (signoff_grid.h): a joint response's questions by co-signatories, in place
// of the editor while `open`. What a person typed there (a reason, an exception) is kept here
// until it is recorded, so closing a popup or leaving the view loses nothing.
struct SignOffState {
    bool open = false;
    bool only_open = false;                 // only the questions that wait or where positions differ
    std::string message;                    // why the view opened (the status "Agreed" was refused)
    std::string cell_answer, cell_organisation;   // the cell whose popup is open
    parley::SignOff cell_choice = parley::SignOff::Unseen;
    std::string cell_reason;
    bool record_when_known = false;         // the sign-off waits for "Who are you?"
    bool asked_identity = false;            // ... which has been asked (so a Cancel there is seen)
    bool show_blockers = false;             // "Mark the response as agreed" lists what stops it
    std::map<std::string, std::string> exception_text;   // "<answer id>/<organisation id>": typed, not yet recorded
    void Reset() { *this = SignOffState{}; }
};

// A workshop's results full-window for a room (workshop_results.h).
struct PresentationState {
    bool presenting = false;
    void Reset() { *this = PresentationState{}; }
};

// The comments pane (comments_pane.h): beside the editor while `open`. What a person is typing
// there lives here, so nothing typed is lost while the pane asks who they are.
struct CommentsState {
    bool open = false;
    int  filter = 0;                  // parley::CommentFilter: open, resolved, all
    std::string organisation;         // filter: threads this organisation took part in ("" = any)
    std::string new_target, new_field;   // the composer's target ("" = the whole draft)
    std::string new_text;             // the composer's text
    bool focus_composer = false;      // a marker was clicked: put the caret in the composer
    std::string show_thread;          // scroll the pane to this thread (its root's id) next frame
    std::string reply_to, reply_text; // the reply being written (one at a time) and its thread
    std::string editing, edit_text;   // one's own comment being edited, and its new text
    std::string pending;              // "new" or "reply": posting waits for the person's name
    std::string problem;              // why the last action could not be done, shown in the pane
    void Reset() { const bool was_open = open; *this = CommentsState{}; open = was_open; }   // the pane stays where it was
};

// Who wrote what (field_history_view.h): the revisions that changed one prose field, in a
// panel over the right of the page while `open`. Opened from the field's History button.
struct FieldHistoryState {
    bool open = false;
    std::string key;      // the field (core/text_fields.h key: "ans-3/reasoning")
    std::string label;    // its label ("Reasoning")
    bool focus = false;   // just opened: the panel takes the keyboard focus
    void Reset() { *this = FieldHistoryState{}; }
};

struct Views {
    EditSession       session;
    EditorState       editor;
    CompareState      compare;
    PresentationState presentation;
    SignOffState      signoff;
    MergeState        merge;
    CommentsState     comments;
    FieldHistoryState field_history;
    float       zoom = 1.0f;              // the app's zoom (View > Zoom): views scale their sizes by it
    bool        style_dirty = true;       // theme, zoom or presentation changed: fonts and style need rebuilding
    bool        request_open = false;     // a view asks the shell for a file (the compare view's other version)
    std::string status_message;           // a short line for the status bar ("Saved as ...", "Removed ...")
    std::string clock_utc;                // the page's clock (UTC) when the last file arrived: a merge's revision time
    std::string now_utc;                  // the page's clock (UTC) at this frame, YYYY-MM-DDTHH:MM:SSZ: a comment's or sign-off's time

    // Who is using this browser (identity.h): remembered by the platform, not by the draft.
    Identity     me;
    bool         identity_ask = false;        // open the "Who are you?" modal next frame
    std::string  identity_why;                // what it is for, said in the modal
    bool         identity_changed = false;    // the platform stores `me` and clears this
};
