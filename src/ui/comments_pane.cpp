// Index of this file
//   The threads, cached
//   Changes (post, reply, resolve, edit, delete)
//   A thread's card
//   The pane

#include "comments_pane.h"

#include "core/comments.h"
#include "fonts.h"
#include "identity.h"
#include "theme.h"
#include "views.h"
#include "widgets.h"
#include "item_hooks.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"

#include <algorithm>
#include <unordered_map>

using parley::Comment;
using parley::CommentThread;

// ---------------------------------------------------------------------------------------
// The threads, cached: worked out again only when the draft changed, so a draft with
// thousands of comments costs nothing per frame beyond what is drawn.

struct ThreadCache {
    int generation = -1, edits = -1;
    parley::CommentThreads threads;
    std::vector<parley::CommentPlace> places;   // per thread, filled when first drawn
    std::vector<char> placed;
};
static ThreadCache g_cache;

const parley::CommentThreads& CommentsPane_Threads(Views& views)
{
    const EditSession& s = views.session;
    if (g_cache.generation != s.generation || g_cache.edits != s.edits) {
        g_cache.threads = parley::build_comment_threads(s.doc);
        g_cache.places.assign(g_cache.threads.threads.size(), {});
        g_cache.placed.assign(g_cache.threads.threads.size(), 0);
        g_cache.generation = s.generation;
        g_cache.edits = s.edits;
    }
    return g_cache.threads;
}

static const parley::CommentPlace& PlaceOf(Views& views, int thread)
{
    CommentsPane_Threads(views);
    if (!g_cache.placed[thread]) {
        g_cache.places[thread] = parley::comment_place(views.session.doc, views.session.doc.comments[g_cache.threads.threads[thread].root]);
        g_cache.placed[thread] = 1;
    }
    return g_cache.places[thread];
}

void CommentsPane_Show(Views& views, const std::string& target, const std::string& field)
{
    CommentsState& c = views.comments;
    c.open = true;
    c.new_target = target;
    c.new_field = field;
    c.problem.clear();
    // Its first thread in view (open ones first), else the new comment box ready for typing.
    const parley::CommentThreads& t = CommentsPane_Threads(views);
    c.show_thread.clear();
    for (int pass = 0; pass < 2 && c.show_thread.empty(); pass++)
        for (const CommentThread& th : t.threads) {
            const Comment& root = views.session.doc.comments[th.root];
            if (root.target == target && root.field == field && root.resolved == (pass == 1)) { c.show_thread = root.id; break; }
        }
    if (!c.show_thread.empty() && views.session.doc.comments[parley::index_by_id(views.session.doc.comments, c.show_thread)].resolved &&
        c.filter == (int)parley::CommentFilter::Open)
        c.filter = (int)parley::CommentFilter::All;   // only resolved ones: show them rather than nothing
    c.focus_composer = c.show_thread.empty();
}

// ---------------------------------------------------------------------------------------
// Changes: each through the session, one undo step each.

static bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

static void PostComment(Views& views, const std::string& target, const std::string& field, const std::string& text)
{
    parley::Document& doc = views.session.doc;
    Comment c;
    c.id = views.session.ids.next("cmt");
    c.target = target.empty() ? doc.id : target;
    c.field = field;
    c.about = parley::comment_about(doc, c.target, field);
    c.author = views.me.name;
    c.organisation = views.me.organisation;
    c.time = views.now_utc;
    c.text = text;
    Session_BeforeEdit(views.session, "", "document/comments");
    doc.comments.push_back(std::move(c));
}

static void PostNew(Views& views)
{
    CommentsState& s = views.comments;
    const std::string target = s.new_target.empty() ? views.session.doc.id : s.new_target;
    PostComment(views, target, s.new_field, s.new_text);
    s.new_text.clear();
    s.show_thread = views.session.doc.comments.back().id;
    views.status_message = "Commented on " + parley::comment_about(views.session.doc, target, s.new_field);
}

static void PostReply(Views& views)
{
    CommentsState& s = views.comments;
    if (parley::index_by_id(views.session.doc.comments, s.reply_to) < 0) {   // the thread went (undo) while typing: keep the words
        s.problem = "The comment you were answering is no longer in the draft. Your reply is kept in the box above: post it as a new comment.";
        s.new_text = s.reply_text;
        s.reply_to.clear();
        s.reply_text.clear();
        return;
    }
    PostComment(views, s.reply_to, "", s.reply_text);
    s.show_thread = s.reply_to;
    s.reply_to.clear();
    s.reply_text.clear();
}

// Posting needs a name and an organisation: asked once, then what was typed is posted.
static bool ReadyToPost(Views& views, const char* which)
{
    if (views.me.Known()) return true;
    views.comments.pending = which;
    Identity_Ask(views, "when you comment");
    return false;
}

static void CarryOutPending(Views& views)
{
    CommentsState& s = views.comments;
    if (s.pending.empty()) return;
    if (views.me.Known()) {
        if (s.pending == "new" && !Blank(s.new_text)) PostNew(views);
        if (s.pending == "reply" && !Blank(s.reply_text)) PostReply(views);
        s.pending.clear();
    } else if (!views.identity_ask && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) {
        s.pending.clear();   // they cancelled: the words stay in the box, nothing is posted
    }
}

static void SetResolved(Views& views, const std::string& root_id, bool resolved)
{
    Comment* root = parley::find_by_id(views.session.doc.comments, root_id);
    if (!root || root->resolved == resolved) return;
    Session_BeforeEdit(views.session, "", "document/comments");
    root->resolved = resolved;
    views.status_message = resolved ? "Resolved the thread: it is under Resolved in the comments pane" : "Reopened the thread";
}

// ---------------------------------------------------------------------------------------
// A thread's card

static float g_width = 0;   // the pane's text width this frame

// A box for writing: several lines, growing with the text up to a limit.
static bool Composer(const char* id, std::string* text, const char* hint, float z, bool focus)
{
    if (focus) {   // the click that asked for it was in another window (a marker on the page)
        ImGui::SetWindowFocus();
        ImGui::SetKeyboardFocusHere();
    }
    int lines = 1;
    for (char ch : *text) lines += ch == '\n';
    const float h = ImGui::GetTextLineHeight() * std::clamp(lines + 1, 3, 10) + ImGui::GetStyle().FramePadding.y * 2;
    const bool changed = ImGui::InputTextMultiline(id, text, ImVec2(g_width, h));
    ItemHooks_Describe(A11yRole::Textbox, A11yState_Multiline);
    ItemHooks_DescribeValue(text->data(), text->size());
    if (text->empty()) {   // InputTextMultiline has no hint: draw it as InputTextWithHint does
        const ImVec2 p = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + ImGui::GetStyle().FramePadding.x, p.y + ImGui::GetStyle().FramePadding.y),
                                            Theme_Colors().text_muted, hint);
    }
    (void)z;
    return changed;
}

static void CommentBody(Views& views, const Comment& c, bool* edit, bool* remove)
{
    const float z = views.zoom;
    const bool mine = parley::comment_is_mine(c, views.me.name, views.me.organisation);
    std::string who = c.author.empty() ? std::string("Someone") : c.author;
    if (!c.organisation.empty()) who += "  \xC2\xB7  " + c.organisation;
    if (!c.time.empty()) who += "  \xC2\xB7  " + parley::comment_time_text(c.time);
    if (!c.edited.empty()) who += "  (edited)";
    ImGui::PushFont(Fonts_Get(Font_Small));
    ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().text_muted);
    ImGui::TextWrapped("%s", who.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    CommentsState& s = views.comments;
    if (s.editing == c.id) {
        Composer(("##edit/" + c.id).c_str(), &s.edit_text, "Your comment", z, false);
        ImGui::BeginDisabled(Blank(s.edit_text));
        if (PlainSmallButton(("Save##edit/" + c.id).c_str())) *edit = true;
        ImGui::EndDisabled();
        if (Blank(s.edit_text)) ItemTooltip("Save: the comment is empty", ImGuiHoveredFlags_AllowWhenDisabled);
        ImGui::SameLine();
        if (QuietButton(("Cancel##edit/" + c.id).c_str())) { s.editing.clear(); s.edit_text.clear(); }
        return;
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + g_width);
    NamedText("text/" + c.id, c.text.c_str(), Theme_Colors().text, g_width);
    ImGui::PopTextWrapPos();
    if (mine) {
        if (QuietButton(("Edit##" + c.id).c_str())) {
            s.editing = c.id;
            s.edit_text = c.text;
        }
        ImGui::SameLine();
        if (QuietButton(("Delete##" + c.id).c_str())) *remove = true;
    }
}

static bool g_focus_reply = false;   // Reply was clicked: the caret goes in its box

static void DrawThread(Views& views, int thread_index)
{
    const float z = views.zoom;
    parley::Document& doc = views.session.doc;
    CommentsState& s = views.comments;
    const CommentThread& t = g_cache.threads.threads[thread_index];
    const std::string root_id = doc.comments[t.root].id;
    const bool resolved = doc.comments[t.root].resolved;
    const parley::CommentPlace& place = PlaceOf(views, thread_index);
    ImGui::PushID(root_id.c_str());
    BeginCard(g_width + 24 * z, 0.6f * z);

    // What it is on: a link to the place, or (removed) plain words.
    const std::string on = "On " + place.words;
    if (place.removed || place.object.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().text_muted);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + g_width);
        NamedText("on/" + root_id, on.c_str(), Theme_Colors().text_muted, g_width);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().accent);
        const std::string label = FitText(on, g_width - (resolved ? 80 * z : 0)) + "##jump/" + root_id;
        if (SelectableItem(label.c_str(), false, 0, ImVec2(ImGui::CalcTextSize(label.c_str(), nullptr, true).x, 0))) {
            const Comment& root = doc.comments[t.root];
            std::string anchor = place.object;
            if (anchor == doc.id) anchor = root.field == "summary" ? "summary" : "details";
            if (parley::find_by_id(doc.questions, anchor)) views.editor.question_filter.clear();   // the question must be on the page
            views.editor.scroll_to = anchor;
        }
        ItemTooltip(("Go to " + place.words).c_str());
        ImGui::PopStyleColor();
    }
    if (resolved) {
        ImGui::SameLine();
        ImGui::PushFont(Fonts_Get(Font_Small));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(Theme_Colors().text_muted), "Resolved");
        ImGui::PopFont();
    }

    // The comments, the root first.
    std::string edit_id, delete_id;
    for (int k = -1; k < (int)t.replies.size(); k++) {
        const Comment& c = doc.comments[k < 0 ? t.root : t.replies[k]];
        ImGui::PushID(c.id.c_str());
        if (k >= 0) {
            ImGui::Dummy(ImVec2(0, 2 * z));
            ImGui::Indent(14 * z);
            g_width -= 14 * z;
        }
        bool edit = false, remove = false;
        CommentBody(views, c, &edit, &remove);
        if (edit) edit_id = c.id;
        if (remove) delete_id = c.id;
        if (k >= 0) {
            ImGui::Unindent(14 * z);
            g_width += 14 * z;
        }
        ImGui::PopID();
    }

    // Reply, resolve or reopen.
    ImGui::Dummy(ImVec2(0, 2 * z));
    if (s.reply_to == root_id) {
        Composer("##reply", &s.reply_text, "Your reply", z, g_focus_reply);
        g_focus_reply = false;
        ImGui::BeginDisabled(Blank(s.reply_text));
        const bool post = PlainSmallButton(("Post reply##" + root_id).c_str());
        ImGui::EndDisabled();
        if (Blank(s.reply_text)) ItemTooltip("Post reply: write the reply first", ImGuiHoveredFlags_AllowWhenDisabled);
        ImGui::SameLine();
        if (QuietButton(("Cancel##reply/" + root_id).c_str())) { s.reply_to.clear(); s.reply_text.clear(); }
        if (post && ReadyToPost(views, "reply")) PostReply(views);
    } else {
        if (QuietButton(("Reply##" + root_id).c_str())) {
            if (!Blank(s.reply_text) && s.reply_to != root_id) {   // a reply half written elsewhere is not thrown away
                s.problem = "Post or cancel the reply you are writing first.";
                s.show_thread = s.reply_to;
            } else {
                s.reply_to = root_id;
                g_focus_reply = true;
            }
        }
        ImGui::SameLine();
        if (QuietButton(((resolved ? "Reopen##" : "Resolve##") + root_id).c_str())) SetResolved(views, root_id, !resolved);
    }
    EndCard(0.6f * z);
    ImGui::PopID();

    if (!edit_id.empty()) {
        if (Comment* c = parley::find_by_id(doc.comments, edit_id); c && c->text != s.edit_text) {
            Session_BeforeEdit(views.session, "", "document/comments");
            c->text = s.edit_text;
            c->edited = views.now_utc;
        }
        s.editing.clear();
        s.edit_text.clear();
    }
    if (!delete_id.empty()) {
        s.problem = parley::comment_delete_refusal(doc, delete_id, views.me.name, views.me.organisation);
        if (s.problem.empty()) {
            Session_BeforeEdit(views.session, "", "document/comments");
            parley::delete_comment(doc, delete_id);
            views.status_message = "Deleted your comment. Edit > Undo brings it back.";
        } else {
            s.show_thread = root_id;
        }
    }
}

// ---------------------------------------------------------------------------------------
// The pane

static const char* const kFilterNames[] = {"Open", "Resolved", "All"};

static void DrawHeader(Views& views)
{
    const float z = views.zoom;
    CommentsState& s = views.comments;
    const parley::CommentThreads& t = CommentsPane_Threads(views);
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Comments");
    ItemHooks_Text(A11yRole::Heading, "Comments", 2);
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("Close").x - ImGui::GetStyle().FramePadding.x * 2);
    if (QuietButton("Close##comments")) s.open = false;

    // Open / Resolved / All, with how many each.
    const int counts[] = {t.open, t.resolved, t.open + t.resolved};
    BeginRadios("Show comments", true);
    for (int i = 0; i < 3; i++) {
        if (i > 0) ImGui::SameLine(0, 14 * z);
        const std::string label = std::string(kFilterNames[i]) + " (" + std::to_string(counts[i]) + ")##filter";
        if (RadioItem(label.c_str(), s.filter == i)) s.filter = i;
    }
    EndRadios();
    const char* preview = s.organisation.empty() ? "Every organisation" : s.organisation.c_str();
    ImGui::SetNextItemWidth(g_width);
    if (BeginNamedCombo("##comments-organisation", preview)) {
        if (SelectableItem("Every organisation", s.organisation.empty())) s.organisation.clear();
        for (const std::string& o : t.organisations)
            if (SelectableItem(o.c_str(), s.organisation == o)) s.organisation = o;
        ImGui::EndCombo();
    }
    if (!s.organisation.empty() && std::find(t.organisations.begin(), t.organisations.end(), s.organisation) == t.organisations.end())
        s.organisation.clear();   // nobody from it comments any more (deleted, undone)
}

static void DrawComposer(Views& views)
{
    const float z = views.zoom;
    CommentsState& s = views.comments;
    parley::Document& doc = views.session.doc;
    const bool whole = s.new_target.empty() || s.new_target == doc.id;
    std::string about = parley::comment_about(doc, whole ? doc.id : s.new_target, s.new_field);
    if (about.empty()) {   // what the box was on went away (undo, remove): the words stay, on the whole draft
        s.new_target.clear();
        s.new_field.clear();
        about = "the whole draft";
    }
    const std::string heading = "New comment on " + about;
    NamedText("new-comment-on", FitText(heading, g_width).c_str(), Theme_Colors().text_muted);
    Composer("##new-comment", &s.new_text, "Write a comment...", z, s.focus_composer);
    s.focus_composer = false;
    ImGui::BeginDisabled(Blank(s.new_text));
    const bool post = PlainSmallButton("Post comment");
    ImGui::EndDisabled();
    if (Blank(s.new_text)) ItemTooltip("Post comment: write the comment first", ImGuiHoveredFlags_AllowWhenDisabled);
    if (post && ReadyToPost(views, "new")) PostNew(views);
    if (!whole || !s.new_field.empty()) {
        ImGui::SameLine();
        if (QuietButton("On the whole draft instead")) { s.new_target.clear(); s.new_field.clear(); }
    }
    if (!views.me.Known()) {
        ImGui::PushFont(Fonts_Get(Font_Small));
        MutedText("Parley asks your name and organisation the first time you comment.");
        ImGui::PopFont();
    }
}

void CommentsPane_Draw(Views& views)
{
    CommentsState& s = views.comments;
    if (!s.open) return;
    const float z = views.zoom;
    CarryOutPending(views);
    ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(std::max(360 * z, viewport->Size.x * 0.28f), std::max(260 * z, viewport->Size.x * 0.42f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16 * z, 14 * z));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, Theme_Colors().page);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    if (ImGui::BeginViewportSideBar("Comments##pane", viewport, ImGuiDir_Right, width, flags)) {
        ImGuiWindow* w = ImGui::GetCurrentWindow();   // a hairline between the page and the pane
        w->DrawList->AddLine(ImVec2(w->Pos.x, w->Pos.y), ImVec2(w->Pos.x, w->Pos.y + w->Size.y), Theme_Colors().border);
        g_width = ImGui::GetContentRegionAvail().x;
        DrawHeader(views);
        ImGui::Dummy(ImVec2(0, 4 * z));
        DrawComposer(views);
        if (!s.problem.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().danger);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + g_width);
            NamedText("comments-problem", s.problem.c_str(), Theme_Colors().danger, g_width);
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
            if (QuietButton("OK##comments-problem")) s.problem.clear();
        }
        ImGui::Dummy(ImVec2(0, 4 * z));
        Rule(g_width);

        // The threads, in a list of their own that scrolls. Cards out of view are stood in for by
        // their last height, so thousands of threads cost a few microseconds each per frame.
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 6 * z));
        ImGui::BeginChild("threads", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NavFlattened);   // in the Tab order
        ImGui::PopStyleVar();
        g_width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize - 24 * z;   // the card's padding inside
        static std::unordered_map<std::string, float> heights;   // per root id, at the last width drawn
        static float heights_width = 0;
        if (heights_width != g_width) { heights.clear(); heights_width = g_width; }
        const parley::CommentThreads& t = CommentsPane_Threads(views);
        const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
        int shown = 0;
        for (int i = 0; i < (int)t.threads.size(); i++) {
            if (!parley::comment_thread_shown(views.session.doc, t.threads[i], (parley::CommentFilter)s.filter, s.organisation)) continue;
            shown++;
            const std::string id = views.session.doc.comments[t.threads[i].root].id;   // a copy: a delete below moves the comments
            const float y = ImGui::GetCursorPosY();
            const auto known = heights.find(id);
            const float h = known != heights.end() ? known->second : 110 * z;
            if (s.show_thread == id) {
                ImGui::SetScrollHereY(0.0f);
                s.show_thread.clear();
            } else if (y + h < top - 200 * z || y > bottom + 200 * z) {   // out of view: its room only
                ImGui::Dummy(ImVec2(g_width, h - ImGui::GetStyle().ItemSpacing.y));
                continue;
            }
            DrawThread(views, i);
            ImGui::Dummy(ImVec2(0, 4 * z));
            heights[id] = ImGui::GetCursorPosY() - y;
            if (g_cache.edits != views.session.edits) break;   // a change: the threads are worked out again, the rest drawn next frame
        }
        if (shown == 0) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + g_width);
            const char* none = t.threads.empty() ? "No comments yet. Write one above, or click a comment marker beside a question, a regime or a section."
                               : s.filter == 0 ? "No open comments here." : s.filter == 1 ? "No resolved comments here." : "No comments here.";
            MutedText(none);
            ImGui::PopTextWrapPos();
        }
        ImGui::EndChild();
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}
