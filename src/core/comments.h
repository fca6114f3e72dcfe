// Comments as people read them: threads (a comment and its replies), what each thread is on in
// words, how many open threads each thing has, the pane's filters, and whose a comment is.
// The comments themselves are plain data in the document (Comment, document.h); nothing here is
// stored, everything is worked out from them, so a merged file (comments merge by id) needs
// nothing mended. No ImGui: the comments pane (ui/comments_pane.cpp) only draws this.
//
// A thread's root is a comment whose target is not a comment; a reply's target is the comment it
// answers, and a chain of replies leads to its root. A file may hold a chain that never reaches a
// root (a reply to itself, two replies answering each other: hand-edited or hostile files): the
// earliest comment of such a loop is taken as its root, so every comment is in exactly one thread
// and none is ever hidden or dropped.
#pragma once
#include "document.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace parley {

struct CommentThread {
    int  root = -1;                 // index in doc.comments
    std::vector<int> replies;       // indices of every comment under the root, oldest first
    bool looped = false;            // the root answers a comment inside its own chain (a loop in the file)
};

// Threads in the order their roots have in the file, with lookups the views need every frame.
struct CommentThreads {
    std::vector<CommentThread> threads;
    std::vector<int> thread_of;                           // per comment: its thread
    std::unordered_map<std::string, int> open_on;         // comment_target_key(target, field) -> open threads on exactly that
    std::unordered_map<std::string, int> open_on_question; // question id -> open threads on it, its answer and the answer's fields
    std::vector<std::string> organisations;               // who commented, sorted, each once: the pane's filter
    int open = 0, resolved = 0;
};

// Near-linear in the number of comments, with no recursion: 10,000 comments in a few ms.
CommentThreads build_comment_threads(const Document& doc);

std::string comment_target_key(const std::string& target, const std::string& field);   // "ans-1/reasoning", "q-3"

// What a comment is about, in words, while the target is there: "question 3", "the answer to
// question 3", "regime “ADCS alternative”", "the whole draft". Stored in Comment::about when a
// comment is made, so it still reads right once the target is gone.
std::string comment_about(const Document& doc, const std::string& target, const std::string& field = "");

// Where a thread is, for the pane's heading and its jump.
struct CommentPlace {
    std::string words;      // "question 3 · Reasoning", "a removed question 3", "the whole draft"
    std::string object;     // the id of the nearest thing the editor shows (a question for its answer,
                            // a regime for its dimension, the document for itself); "" when removed
    bool removed = false;
};
CommentPlace comment_place(const Document& doc, const Comment& root);

// The pane's filter: open threads, resolved ones or all; and an organisation ("" = any) that
// started or replied to the thread.
enum class CommentFilter { Open, Resolved, All };
bool comment_thread_shown(const Document& doc, const CommentThread& t, CommentFilter filter, const std::string& organisation);

// A comment is one's own when its author and organisation are the person's (as this browser
// knows them). An anonymous comment (no author) is nobody's.
bool comment_is_mine(const Comment& c, const std::string& name, const std::string& organisation);

// Deleting one's own comment takes the comments under it only when they are one's own too:
// nobody's words are deleted by someone else. Returns "" when it may go, else why not, in words.
std::string comment_delete_refusal(const Document& doc, const std::string& comment_id, const std::string& name, const std::string& organisation);
// Removes the comment and the (own) comments under it; false when it is not there.
bool delete_comment(Document& doc, const std::string& comment_id);

// "28 Nov 2026 14:02" from "2026-11-28T14:02:00Z"; the text itself when it is not such a time.
std::string comment_time_text(const std::string& utc);

} // namespace parley
