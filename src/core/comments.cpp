#include "comments.h"

#include "value_text.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

namespace parley {

std::string comment_target_key(const std::string& target, const std::string& field)
{
    return field.empty() ? target : target + "/" + field;
}

// ---------------------------------------------------------------------------------------
// Threads

CommentThreads build_comment_threads(const Document& doc)
{
    const std::vector<Comment>& cs = doc.comments;
    const int n = (int)cs.size();
    std::unordered_map<std::string, int> index;
    index.reserve(cs.size() * 2);
    for (int i = 0; i < n; i++) index.emplace(cs[i].id, i);   // the first of a repeated id wins
    std::vector<int> parent(n, -1);
    for (int i = 0; i < n; i++) {
        auto it = index.find(cs[i].target);
        if (it != index.end()) parent[i] = it->second;   // a reply (to itself, in a hostile file: a loop of one)
    }

    // Each comment's root, found by walking up with an explicit stack; every comment is walked
    // over once, so a chain of 10,000 replies costs 10,000 steps and no recursion.
    enum : char { Unseen, OnStack, Done };
    std::vector<char> state(n, Unseen);
    std::vector<int> root_of(n, -1), stack;
    std::vector<char> looped(n, 0);
    for (int i = 0; i < n; i++) {
        if (state[i] == Done) continue;
        stack.clear();
        int j = i, root = -1;
        for (;;) {
            if (state[j] == Done) { root = root_of[j]; break; }
            if (state[j] == OnStack) {   // a loop: its earliest comment becomes the root
                const auto at = std::find(stack.begin(), stack.end(), j);
                root = *std::min_element(at, stack.end());
                looped[root] = 1;
                break;
            }
            if (parent[j] < 0) { root = j; state[j] = Done; root_of[j] = j; break; }
            state[j] = OnStack;
            stack.push_back(j);
            j = parent[j];
        }
        for (int s : stack) { state[s] = Done; root_of[s] = root; }
    }

    CommentThreads out;
    out.thread_of.assign(n, -1);
    for (int i = 0; i < n; i++)
        if (root_of[i] == i) {
            out.thread_of[i] = (int)out.threads.size();
            CommentThread t;
            t.root = i;
            t.looped = looped[i] != 0;
            out.threads.push_back(std::move(t));
        }
    for (int i = 0; i < n; i++)
        if (root_of[i] != i) {
            const int t = out.thread_of[root_of[i]];
            out.thread_of[i] = t;
            out.threads[t].replies.push_back(i);
        }
    for (CommentThread& t : out.threads)   // oldest first; the file's order where times are equal or missing
        std::stable_sort(t.replies.begin(), t.replies.end(), [&](int a, int b) { return cs[a].time < cs[b].time; });

    // Open threads per target, and per question with its answer.
    std::unordered_map<std::string, std::string> question_of;   // question or answer id -> question id
    for (const Question& q : doc.questions) question_of.emplace(q.id, q.id);
    for (const Answer& a : doc.answers) question_of.emplace(a.id, a.question);
    std::unordered_set<std::string> orgs;
    for (const Comment& c : cs)
        if (!c.organisation.empty()) orgs.insert(c.organisation);
    out.organisations.assign(orgs.begin(), orgs.end());
    std::sort(out.organisations.begin(), out.organisations.end());
    for (const CommentThread& t : out.threads) {
        const Comment& root = cs[t.root];
        if (root.resolved) { out.resolved++; continue; }
        out.open++;
        if (t.looped) continue;
        out.open_on[comment_target_key(root.target, root.field)]++;
        auto q = question_of.find(root.target);
        if (q != question_of.end()) out.open_on_question[q->second]++;
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// What a comment is on

template <typename T> static std::string FieldLabel(const T& obj, const std::string& field)
{
    std::string label;
    for_each_field(obj, [&](const Field& f, const auto&) {
        if (label.empty() && f.label && field == f.name) label = f.label;
    });
    if (!label.empty() || field.empty()) return label;
    label = field;   // a member this version does not declare: its name, readable
    std::replace(label.begin(), label.end(), '_', ' ');
    if (label[0] >= 'a' && label[0] <= 'z') label[0] = (char)(label[0] - 'a' + 'A');
    return label;
}

static std::string Quoted(const std::string& s) { return "\u201C" + s + "\u201D"; }

static std::string QuestionWords(const Document& doc, int i)
{
    const Question& q = doc.questions[i];
    return "question " + (q.number.empty() ? std::to_string(i + 1) : q.number);
}

// Where the target is: its words and the nearest thing the editor shows. False when nothing
// in the draft has that id.
static bool Locate(const Document& doc, const std::string& target, const std::string& field, std::string* words, std::string* object)
{
    auto with = [&](std::string w, const std::string& label, const std::string& obj) {
        *words = label.empty() ? w : w + " \u00B7 " + label;
        *object = obj;
        return true;
    };
    if (target.empty() || target == doc.id) {
        if (field == "summary") return with("the summary", "", doc.id);
        return with(field.empty() ? "the whole draft" : "the draft", FieldLabel(doc, field), doc.id);
    }
    for (int i = 0; i < (int)doc.questions.size(); i++)
        if (doc.questions[i].id == target) return with(QuestionWords(doc, i), FieldLabel(doc.questions[i], field), target);
    for (const Answer& a : doc.answers)
        if (a.id == target) {
            const int qi = index_by_id(doc.questions, a.question);
            const std::string q = qi >= 0 ? QuestionWords(doc, qi) : std::string("a question");
            if (field.empty()) return with("the answer to " + q, "", a.question);
            return with(q, FieldLabel(a, field), a.question);
        }
    for (const Regime& r : doc.regimes) {
        const std::string name = "regime " + Quoted(regime_name(r));
        if (r.id == target) return with(name, FieldLabel(r, field), r.id);
        for (const Dimension& d : r.dimensions)
            if (d.id == target) return with(name + " \u00B7 " + dimension_label(d), FieldLabel(d, field), r.id);
    }
    for (const Section& s : doc.sections)
        if (s.id == target) return with(s.heading.empty() ? "a section" : "section " + Quoted(s.heading), FieldLabel(s, field), s.id);
    for (const Section& s : doc.general_points)
        if (s.id == target) return with(s.heading.empty() ? "a general point" : "general point " + Quoted(s.heading), FieldLabel(s, field), s.id);
    for (const Criterion& k : doc.workshop.criteria)
        if (k.id == target) return with("criterion " + Quoted(k.label), FieldLabel(k, field), k.id);
    for (const Participant& p : doc.workshop.participants)
        if (p.id == target) return with("participant " + p.name, FieldLabel(p, field), "participants");
    for (const Organisation& o : doc.organisations)
        if (o.id == target) return with("organisation " + organisation_name(o), FieldLabel(o, field), "organisations");
    for (const Source& s : doc.sources)
        if (s.id == target) return with("source " + Quoted(s.title), FieldLabel(s, field), "");
    for (const Comment& c : doc.comments)
        if (c.id == target) return with("a comment", "", "");
    return false;
}

std::string comment_about(const Document& doc, const std::string& target, const std::string& field)
{
    std::string words, object;
    return Locate(doc, target, field, &words, &object) ? words : std::string();
}

// "question 3" -> "a removed question 3"; "the answer to question 3" -> "the answer to a removed
// question 3"; "a dimension of regime “X”" -> "a removed dimension of regime “X”".
static std::string RemovedWords(const std::string& about)
{
    if (about.empty()) return "something since removed";
    const char* answer = "the answer to ";
    if (about.compare(0, strlen(answer), answer) == 0) return answer + RemovedWords(about.substr(strlen(answer)));
    if (about.compare(0, 2, "a ") == 0) return "a removed " + about.substr(2);
    if (about.compare(0, 4, "the ") == 0) return about + " (since removed)";
    return "a removed " + about;
}

CommentPlace comment_place(const Document& doc, const Comment& root)
{
    CommentPlace place;
    if (Locate(doc, root.target, root.field, &place.words, &place.object)) {
        if (place.words == "a comment") place.words = "a reply whose thread loops back on itself";
        return place;
    }
    place.removed = true;
    place.words = RemovedWords(root.about);
    if (!root.field.empty() && root.about.find(" \u00B7 ") == std::string::npos) {
        std::string label = root.field;
        std::replace(label.begin(), label.end(), '_', ' ');
        if (label[0] >= 'a' && label[0] <= 'z') label[0] = (char)(label[0] - 'a' + 'A');
        place.words += " \u00B7 " + label;
    }
    return place;
}

// ---------------------------------------------------------------------------------------
// Filters, ownership, deleting

bool comment_thread_shown(const Document& doc, const CommentThread& t, CommentFilter filter, const std::string& organisation)
{
    const bool resolved = doc.comments[t.root].resolved;
    if (filter == CommentFilter::Open && resolved) return false;
    if (filter == CommentFilter::Resolved && !resolved) return false;
    if (organisation.empty() || doc.comments[t.root].organisation == organisation) return true;
    for (int r : t.replies)
        if (doc.comments[r].organisation == organisation) return true;
    return false;
}

bool comment_is_mine(const Comment& c, const std::string& name, const std::string& organisation)
{
    return !c.author.empty() && c.author == name && c.organisation == organisation;
}

// The comment and every comment whose chain of replies passes through it (itself first).
static std::vector<int> Subtree(const Document& doc, int at)
{
    std::unordered_map<std::string, std::vector<int>> answers;
    for (int i = 0; i < (int)doc.comments.size(); i++) answers[doc.comments[i].target].push_back(i);
    std::vector<int> out = {at};
    std::vector<char> seen(doc.comments.size(), 0);
    seen[at] = 1;
    for (size_t k = 0; k < out.size(); k++) {
        auto it = answers.find(doc.comments[out[k]].id);
        if (it == answers.end()) continue;
        for (int r : it->second)
            if (!seen[r]) { seen[r] = 1; out.push_back(r); }
    }
    return out;
}

std::string comment_delete_refusal(const Document& doc, const std::string& comment_id, const std::string& name, const std::string& organisation)
{
    const int at = index_by_id(doc.comments, comment_id);
    if (at < 0) return "This comment is no longer in the draft.";
    if (!comment_is_mine(doc.comments[at], name, organisation)) return "Only the person who wrote a comment can delete it.";
    for (int i : Subtree(doc, at)) {
        const Comment& c = doc.comments[i];
        if (!comment_is_mine(c, name, organisation)) {
            const std::string who = c.author.empty() ? std::string("Someone") : c.author + (c.organisation.empty() ? "" : " (" + c.organisation + ")");
            return who + " replied to it, and deleting it would delete their words too. Edit yours instead, or resolve the thread.";
        }
    }
    return "";
}

bool delete_comment(Document& doc, const std::string& comment_id)
{
    const int at = index_by_id(doc.comments, comment_id);
    if (at < 0) return false;
    std::vector<char> gone(doc.comments.size(), 0);
    for (int i : Subtree(doc, at)) gone[i] = 1;
    size_t w = 0;
    for (size_t i = 0; i < doc.comments.size(); i++)
        if (!gone[i]) {
            if (w != i) doc.comments[w] = std::move(doc.comments[i]);
            w++;
        }
    doc.comments.resize(w);
    return true;
}

std::string comment_time_text(const std::string& utc)
{
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    auto digits = [&](size_t from, size_t n) {
        for (size_t i = from; i < from + n; i++)
            if (i >= utc.size() || utc[i] < '0' || utc[i] > '9') return false;
        return true;
    };
    if (utc.size() < 16 || !digits(0, 4) || utc[4] != '-' || !digits(5, 2) || utc[7] != '-' || !digits(8, 2) || utc[10] != 'T' ||
        !digits(11, 2) || utc[13] != ':' || !digits(14, 2))
        return utc;
    const int month = std::stoi(utc.substr(5, 2)), day = std::stoi(utc.substr(8, 2));
    if (month < 1 || month > 12) return utc;
    return std::to_string(day) + " " + months[month - 1] + " " + utc.substr(0, 4) + " " + utc.substr(11, 5);
}

} // namespace parley
