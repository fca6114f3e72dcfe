// The merge view (merge_view.h). It draws what core/copy_merge.h worked out and turns the
// person's choices into core/merge.h's merge_resolve calls when they finish; it merges nothing
// itself.
//
// Index of this file
//   Starting ........... the copy, the original, or the conflicts left open in the draft
//   Words .............. a conflict's values as a person reads them
//   Drawing ............ the summary, the list of conflicts, one conflict side by side
//   Finishing .......... applying the choices as one undo step
#include "merge_view.h"

#include "core/document_json.h"
#include "core/utf8.h"
#include "core/paths.h"
#include "core/revision_changes.h"
#include "core/value_text.h"
#include "core/word_diff.h"
#include "diff_text.h"
#include "fonts.h"
#include "theme.h"
#include "widgets.h"
#include "item_hooks.h"
#include "imgui.h"
#include "imgui_stdlib.h"

#include <algorithm>
#include <cstring>
#include <map>

using parley::Conflict;
using parley::JsonValue;
using parley::Resolution;

// ---------------------------------------------------------------------------------------------
// Starting

// Versions are never reused, not even by the next merge: what is worked out once per version
// (the words, the diffs) can never be taken for another merge's.
static int NextVersion()
{
    static int version = 0;
    return ++version;
}

static const std::vector<Conflict>& Conflicts(const Views& views) { return views.merge.merge.result.doc.merge.conflicts; }

static void Prepare(Views& views)
{
    MergeState& m = views.merge;
    m.choice.assign(Conflicts(views).size(), -1);
    m.edited.assign(Conflicts(views).size(), std::string());
    m.current = 0;
    m.problem.clear();
    m.version = NextVersion();
    m.open = true;
}

void MergeView_Start(Views& views)
{
    MergeState& m = views.merge;
    if (!views.session.doc.merge.conflicts.empty()) {   // an earlier merge is still open: settle it first
        m.Reset();
        m.continuing = true;
        m.merge.status = parley::CopyMergeStatus::Merged;
        m.merge.result.doc = views.session.doc;
        m.from_file = views.session.doc.merge.from;
        Prepare(views);
        return;
    }
    m.Reset();
    m.open = true;   // shows what is asked for while the file picker is open
    m.open_for_merge = true;
    views.request_open = true;
}

static void Merge(Views& views, const parley::CopyMergeOptions& options)
{
    MergeState& m = views.merge;
    const parley::Document* saved = Session_SavedContent(views.session);
    m.merge = parley::merge_copies(views.session.doc, saved ? *saved : views.session.doc, m.theirs, views.session.ids, options);
    if (m.merge.status == parley::CopyMergeStatus::Merged) Prepare(views);
    m.version = NextVersion();
}

static parley::CopyMergeOptions Options(const Views& views)
{
    parley::CopyMergeOptions o;
    const parley::Document& doc = views.session.doc;
    o.organisation = doc.organisations.empty() ? std::string() : parley::organisation_name(doc.organisations[0]);
    o.utc_time = views.clock_utc.empty() ? "2000-01-01T00:00:00Z" : views.clock_utc;   // the platform sets it as a file arrives
    return o;
}

void MergeView_SetTheirs(Views& views, parley::Document theirs, const std::string& name)
{
    MergeState& m = views.merge;
    m.open = true;
    m.open_for_merge = false;
    m.from_file = name;
    m.theirs = std::move(theirs);
    Merge(views, Options(views));
}

void MergeView_SetOriginal(Views& views, const parley::Document& original, const std::string& name)
{
    MergeState& m = views.merge;
    m.open_for_original = false;
    if (original.id != m.theirs.id) {
        m.merge.status = parley::CopyMergeStatus::NoOriginal;
        m.merge.message = name + " is not an earlier version of this draft (it is another document), so it cannot be the original";
        m.version = NextVersion();
        return;
    }
    parley::CopyMergeOptions o = Options(views);
    o.original = &original;
    Merge(views, o);
}

// ---------------------------------------------------------------------------------------------
// Words

static bool EndsWith(const std::string& s, const char* tail)
{
    const size_t n = std::strlen(tail);
    return s.size() >= n && s.compare(s.size() - n, n, tail) == 0;
}

// The lead text of an element, as JSON: what a person recognises it by.
static std::string ElementWords(const JsonValue& v)
{
    static const char* const kLead[] = {"text", "reasoning", "body", "heading", "name", "label", "title", "summary", "note"};
    std::string s;
    for (const char* name : kLead)
        if (const JsonValue* m = v.find(name); m && m->type == JsonValue::String && !m->text.empty()) {
            s = m->text;
            break;
        }
    if (const JsonValue* pos = v.find("position"); pos && pos->type == JsonValue::String) {
        parley::Position p;
        if (parley::position_from_name(pos->text, &p)) s = std::string(parley::position_label(p)) + (s.empty() ? "" : ". " + s);
    }
    if (const JsonValue* score = v.find("score"); score && score->type == JsonValue::Number) s = "Score " + score->text + (s.empty() ? "" : ". " + s);
    return s.size() > 600 ? s.substr(0, parley::utf8_prefix_length(s.data(), s.size(), 600)) + "..." : s;
}

// A value of a conflict as a person reads it.
static std::string ValueWords(const parley::Document& doc, const Conflict& c, const JsonValue& v, bool* removed)
{
    *removed = v.type == JsonValue::Null;
    switch (v.type) {
    case JsonValue::Null: return c.base.type == JsonValue::Null && &v != &c.base ? "(not there)" : "(removed)";
    case JsonValue::Bool: return v.boolean ? "Yes" : "No";
    case JsonValue::Number: return v.text;
    case JsonValue::String:
        if (EndsWith(c.at, "position")) {
            parley::Position p;
            return v.text.empty() ? "No position" : parley::position_from_name(v.text, &p) ? parley::position_label(p) : v.text;
        }
        return v.text.empty() ? "(empty)" : v.text;
    case JsonValue::Array: {   // texts, or the keys of a list in order
        std::vector<std::string> names;
        for (const JsonValue& item : v.items) {
            const parley::PathWords w = parley::path_words(doc, c.at + "/" + item.text);
            names.push_back(w.part.empty() ? item.text : w.part.substr(w.part.rfind("\xE2\x80\xBA") == std::string::npos ? 0 : w.part.rfind("\xE2\x80\xBA") + 4));
        }
        return parley::join_names(names, "; ");
    }
    case JsonValue::Object:
        if (EndsWith(c.at, "/value")) {
            parley::Value value;
            std::string why;
            if (parley::member_from_json(v, &value, doc.lists, &why)) return parley::value_text(value, &doc);
        }
        return ElementWords(v);
    case JsonValue::Raw:   // a member this version does not know, kept as its JSON text
        return v.text.size() > 600 ? v.text.substr(0, parley::utf8_prefix_length(v.text.data(), v.text.size(), 600)) + "..." : v.text;
    }
    return "";
}

static bool IsProse(const Conflict& c)
{
    return c.ours.type == JsonValue::String && c.theirs.type == JsonValue::String && c.base.type == JsonValue::String &&
           (c.ours.text.size() > 80 || c.theirs.text.size() > 80 || c.base.text.find(' ') != std::string::npos);
}

// Who last changed a side, and when, as its revisions say.
static std::string Who(const parley::Document& doc, const std::string& at, const std::string& stop, const std::string& fallback)
{
    const parley::Revision* r = parley::last_change_to(doc, at, stop);
    if (!r) return fallback;
    std::string who = r->organisation.empty() ? r->author : r->organisation;
    return (who.empty() ? std::string("Saved") : who) + ", " + r->time.substr(0, 10) + " " + r->time.substr(11, 5);
}

// ---------------------------------------------------------------------------------------------
// Drawing

// The diffs of the conflict in view, worked out once per conflict and version.
struct ConflictDiffs {
    int version = -1, index = -1;
    parley::TextDiff ours, theirs;
    std::string ours_who, theirs_who;   // who changed each side, and when
};
static ConflictDiffs g_diffs;

static const char* kChoiceNames[] = {"ours", "theirs", "both", "your own words"};

static std::string OursName(const Views& views)
{
    const parley::Document& doc = views.session.doc;
    return doc.organisations.empty() ? std::string("this draft") : parley::organisation_name(doc.organisations[0]);
}

// Whose copy it is, as its last revision says; its file name where that says no more than ours
// would (the app signs a save with the draft's lead organisation until people can say who they are).
static std::string FromName(const Views& views)
{
    const MergeState& m = views.merge;
    const std::string who = m.continuing ? views.session.doc.merge.from : parley::copy_from(m.theirs);
    if (!who.empty() && (m.continuing || who != OursName(views))) return who;
    return m.from_file.empty() ? (who.empty() ? std::string("the other copy") : who) : m.from_file;
}

// The words the view shows, worked out once per change of the merge or a choice (path_words
// walks the draft: never every frame).
struct MergeWords {
    int version = -1;
    std::string summary, original, parts;   // the summary's lines
    std::vector<std::string> incoming;      // "Question 2 › Reasoning  ·  changed", at most kShownIncoming
    std::vector<std::string> conflicts;     // "Question 7 › Reasoning"
};
static MergeWords g_words;
constexpr size_t kShownIncoming = 300;

static std::string PartAndField(const parley::PathWords& w)
{
    return w.part + (w.part.empty() || w.field.empty() ? "" : " \xE2\x80\xBA ") + w.field;
}

static const MergeWords& Words(const Views& views)
{
    const MergeState& m = views.merge;
    if (g_words.version == m.version) return g_words;
    g_words = MergeWords{};
    g_words.version = m.version;
    const parley::Document& doc = m.merge.result.doc;
    for (const Conflict& c : Conflicts(views)) g_words.conflicts.push_back(PartAndField(parley::path_words(doc, c.at)));
    if (m.continuing) return g_words;

    // What came in, counted by part ("Question 2 (3)"), and each change for the list.
    static const char* const kKind[] = {"changed", "added", "removed", "reordered"};
    std::map<std::string, int> parts;
    std::vector<std::string> order;
    for (const parley::MergeChange& ch : m.merge.result.incoming) {
        const bool removed = ch.kind == parley::MergeChange::Removed;
        const parley::PathWords w = parley::path_words(removed ? views.session.doc : doc, ch.at);   // what went is named from ours
        std::string part = w.part.empty() ? (w.field.empty() ? std::string("The draft") : w.field) : w.part.substr(0, w.part.find(" \xE2\x80\xBA "));
        if (ch.kind == parley::MergeChange::Added || removed) {
            const size_t slash = ch.at.rfind('/');
            const parley::PathWords list = parley::path_words(doc, ch.at.substr(0, slash == std::string::npos ? 0 : slash));
            part = (list.field.empty() ? part : list.field) + (removed ? " removed" : " added");
        }
        if (!parts.count(part)) order.push_back(part);
        parts[part]++;
        if (g_words.incoming.size() < kShownIncoming)
            g_words.incoming.push_back((removed ? w.part : PartAndField(w)) + "  \xC2\xB7  " + kKind[ch.kind]);
    }
    for (const std::string& p : order) g_words.parts += (g_words.parts.empty() ? "" : "   \xC2\xB7   ") + p + (parts[p] > 1 ? " (" + std::to_string(parts[p]) + ")" : "");
    char line[256];
    const size_t n = m.merge.result.incoming.size(), k = Conflicts(views).size();
    snprintf(line, sizeof(line), "%zu change%s from %s come%s in without a conflict; %zu conflict%s to settle.", n, n == 1 ? "" : "s",
             FromName(views).c_str(), n == 1 ? "s" : "", k, k == 1 ? "" : "s");
    g_words.summary = line;
    if (!m.merge.original.empty()) {
        const parley::Revision* r = parley::find_by_id(doc.revisions, m.merge.original);
        g_words.original = "Both copies grew from the draft saved " + (r ? r->time.substr(0, 10) + (r->organisation.empty() ? "" : " by " + r->organisation) : m.merge.original) + ".";
    }
    return g_words;
}

static void Summary(Views& views, float width)
{
    const ThemeColors& c = Theme_Colors();
    if (views.merge.continuing) {
        MutedText("These conflicts were left open when this draft was merged. Settle each one, or leave some open for later.");
        return;
    }
    const MergeWords& w = Words(views);
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    NamedText("merge/summary", w.summary.c_str(), c.text, width);
    ImGui::PopFont();
    if (!w.original.empty()) MutedText(w.original.c_str());
    ImGui::Dummy(ImVec2(0, 4 * views.zoom));
    if (!w.parts.empty()) NamedText("merge/incoming", w.parts.c_str(), c.text_muted, width);
}

static void ConflictList(Views& views, float width)
{
    MergeState& m = views.merge;
    const ThemeColors& c = Theme_Colors();
    const MergeWords& words = Words(views);
    for (int i = 0; i < (int)words.conflicts.size(); i++) {
        const bool decided = m.choice[i] >= 0;
        const std::string label = std::string(decided ? "\xE2\x9C\x93  " : "\xE2\x97\x8F  ") + words.conflicts[i];
        ImGui::PushStyleColor(ImGuiCol_Text, decided ? c.text_muted : c.text);
        if (SelectableItem((FitText(label, width - 8 * views.zoom) + "##conflict/" + std::to_string(i)).c_str(), m.current == i)) m.current = i;
        ImGui::PopStyleColor();
    }
}

// One side of a conflict: a heading, who changed it, and its words.
static void Side(Views& views, const char* id, const std::string& heading, const std::string& who, const Conflict& c, const JsonValue& v,
                 const parley::TextDiff* diff, float width)
{
    const ThemeColors& col = Theme_Colors();
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    NamedText(std::string("merge/heading/") + id, heading.c_str(), col.text);
    ImGui::PopFont();
    ImGui::PushFont(Fonts_Get(Font_Small));
    NamedText(std::string("merge/who/") + id, who.c_str(), col.text_muted, width);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 4 * views.zoom));
    if (diff && c.base.type == JsonValue::String && v.type == JsonValue::String) {
        DiffText(std::string("merge/text/") + id, views.merge.version * 1000 + views.merge.current, c.base.text, v.text, *diff, DiffSide_After, width);
        return;
    }
    if (IsProse(c) && v.type == JsonValue::String) {   // the original, laid out as the two sides are
        static parley::TextDiff same;
        same.pieces.assign(1, parley::DiffPiece{});
        same.pieces[0].a_end = same.pieces[0].b_end = (uint32_t)v.text.size();
        DiffText(std::string("merge/text/") + id, views.merge.version * 1000 + views.merge.current, v.text, v.text, same, DiffSide_After, width);
        return;
    }
    bool removed = false;
    const std::string words = ValueWords(views.merge.merge.result.doc, c, v, &removed);
    NamedText(std::string("merge/value/") + id, words.c_str(), removed ? col.deleted_text : col.text, width);
}

static void NextConflict(Views& views, int step)
{
    MergeState& m = views.merge;
    const int n = (int)Conflicts(views).size();
    if (n == 0) return;
    m.current = ((m.current + step) % n + n) % n;
}

static void Choose(Views& views, Resolution how)
{
    MergeState& m = views.merge;
    if (m.current < 0 || m.current >= (int)m.choice.size()) return;
    m.choice[m.current] = (int)how;
    if (how == Resolution::Edited && m.edited[m.current].empty()) {
        const Conflict& c = Conflicts(views)[m.current];
        m.edited[m.current] = c.ours.type == JsonValue::String ? c.ours.text : std::string();
    }
    m.problem.clear();
    m.version = NextVersion();
}

static void DrawConflict(Views& views, float width)
{
    MergeState& m = views.merge;
    const float z = views.zoom;
    const ThemeColors& col = Theme_Colors();
    const std::vector<Conflict>& all = Conflicts(views);
    if (all.empty()) {
        MutedText("Nothing collides. Finish merge brings every change in as one step you can undo.");
        ImGui::Dummy(ImVec2(0, 8 * z));
        LabelAbove("What comes in");
        const MergeWords& words = Words(views);
        for (size_t i = 0; i < words.incoming.size(); i++) NamedText("merge/in/" + std::to_string(i), words.incoming[i].c_str(), col.text, width);
        if (m.merge.result.incoming.size() > words.incoming.size())
            MutedText(("and " + std::to_string(m.merge.result.incoming.size() - words.incoming.size()) + " more").c_str());
        return;
    }
    m.current = std::clamp(m.current, 0, (int)all.size() - 1);
    const Conflict& c = all[m.current];
    const parley::Document& doc = m.merge.result.doc;
    const bool prose = IsProse(c);
    if (g_diffs.version != m.version || g_diffs.index != m.current) {   // once per conflict shown, not every frame
        g_diffs = ConflictDiffs{};
        g_diffs.version = m.version;
        g_diffs.index = m.current;
        if (prose) {
            g_diffs.ours = parley::diff_text(c.base.text, c.ours.text);
            g_diffs.theirs = parley::diff_text(c.base.text, c.theirs.text);
        }
        const std::string stop = m.merge.original.empty() ? doc.merge.base : m.merge.original;
        g_diffs.ours_who = m.continuing ? "This draft" : Who(views.session.doc, c.at, stop, "Changed in this draft since it was last saved");
        g_diffs.theirs_who = m.continuing ? FromName(views) : Who(m.theirs, c.at, stop, "Changed in " + FromName(views) + "'s copy");
    }

    char title[512];
    snprintf(title, sizeof(title), "Conflict %d of %zu:  %s", m.current + 1, all.size(), Words(views).conflicts[m.current].c_str());
    ImGui::PushFont(Fonts_Get(Font_Heading));
    NamedText("merge/conflict", title, col.text, width);
    ImGui::PopFont();
    MutedText(c.ours.type == JsonValue::Null ? "You removed this; the other copy changed it." :
              c.theirs.type == JsonValue::Null ? "You changed this; the other copy removed it." :
              prose ? "Both changed the same words. Everything else in this text merged." : "Both changed this, differently.");
    ImGui::Dummy(ImVec2(0, 8 * z));

    if (ImGui::BeginTable("merge/sides", 3, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableNextRow();
        const float column = (width - 40 * z) / 3;
        ImGui::TableSetColumnIndex(0);
        Side(views, "base", "Original", c.base.type == JsonValue::Null && m.merge.original.empty() && !m.continuing ? "No original was found" : "As both copies had it",
             c, c.base, nullptr, column);
        ImGui::TableSetColumnIndex(1);
        Side(views, "ours", "Ours: " + OursName(views), g_diffs.ours_who, c, c.ours, prose ? &g_diffs.ours : nullptr, column);
        ImGui::TableSetColumnIndex(2);
        Side(views, "theirs", "Theirs: " + FromName(views), g_diffs.theirs_who, c, c.theirs, prose ? &g_diffs.theirs : nullptr, column);
        ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0, 10 * z));

    // The choice. Keys: O ours, T theirs, B both, F8 / Shift+F8 the next and previous conflict.
    const int chosen = m.choice[m.current];
    auto choice_button = [&](const char* label, Resolution how) {
        const bool on = chosen == (int)how;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        const bool pressed = PlainButton(label);
        if (on) ImGui::PopStyleColor();
        if (pressed) Choose(views, how);
        ImGui::SameLine(0, 8 * z);
    };
    choice_button("Take ours", Resolution::Ours);
    choice_button("Take theirs", Resolution::Theirs);
    const bool texts = c.ours.type == JsonValue::String && c.theirs.type == JsonValue::String;
    if (prose || (c.ours.type == JsonValue::Array && c.theirs.type == JsonValue::Array)) choice_button("Take both", Resolution::Both);
    if (texts) choice_button("Write it myself", Resolution::Edited);
    ImGui::NewLine();
    if (chosen == (int)Resolution::Edited) {
        ImGui::Dummy(ImVec2(0, 4 * z));
        LabelAbove("The result");
        if (ImGui::InputTextMultiline("##merge/edited", &m.edited[m.current], ImVec2(width, 180 * z))) m.problem.clear();
        ItemHooks_Describe(A11yRole::Textbox, A11yState_Multiline);
        ItemHooks_DescribeValue(m.edited[m.current].data(), m.edited[m.current].size());
    } else if (chosen >= 0) {
        char said[160];
        snprintf(said, sizeof(said), "Settled: %s.", kChoiceNames[chosen]);
        NamedText("merge/settled", said, col.accent);
    }
    ImGui::Dummy(ImVec2(0, 8 * z));
    if (QuietButton("Previous conflict (Shift+F8)")) NextConflict(views, -1);
    ImGui::SameLine(0, 8 * z);
    if (QuietButton("Next conflict (F8)")) NextConflict(views, +1);
}

// ---------------------------------------------------------------------------------------------
// Finishing

// Applies every choice to the merged draft; conflicts left undecided stay open in it. Choices
// that depend on each other (a question can go once its answer has) are tried until none moves.
static bool Finish(Views& views)
{
    MergeState& m = views.merge;
    parley::Document doc = m.merge.result.doc;
    struct Pending { std::string at; int choice; std::string edited; };
    std::vector<Pending> todo;
    for (size_t i = 0; i < m.choice.size(); i++)
        if (m.choice[i] >= 0) todo.push_back({Conflicts(views)[i].at, m.choice[i], m.edited[i]});
    std::string why, why_at;
    for (bool moved = true; moved && !todo.empty();) {
        moved = false;
        for (size_t i = 0; i < todo.size();) {
            size_t index = 0;
            while (index < doc.merge.conflicts.size() && doc.merge.conflicts[index].at != todo[i].at) index++;
            JsonValue edited;
            edited.type = JsonValue::String;
            edited.text = todo[i].edited;
            if (parley::merge_resolve(doc, index, (Resolution)todo[i].choice, edited, &why)) {
                todo.erase(todo.begin() + (long)i);
                moved = true;
            } else {
                why_at = todo[i].at;
                i++;
            }
        }
    }
    if (!todo.empty()) {
        const parley::PathWords w = parley::path_words(m.merge.result.doc, why_at);
        m.problem = w.part + (w.field.empty() ? "" : " \xE2\x80\xBA " + w.field) + ": " + why;
        for (size_t i = 0; i < Conflicts(views).size(); i++)
            if (Conflicts(views)[i].at == why_at) m.current = (int)i;
        return false;
    }
    if (doc.merge.conflicts.empty()) doc.merge = parley::PendingMerge{};
    // Never a draft that could not be saved and opened again (two copies that each answered one
    // question, say): said here, and nothing is applied.
    const parley::ImportResult check = parley::import_document(parley::export_document(doc));
    if (!check.ok) {
        m.problem = "The merged draft would break a rule of the format, so nothing was applied: " +
                    (check.errors.empty() ? std::string() : parley::format_error(check.errors[0])) + ". Settle it differently, or cancel the merge.";
        return false;
    }
    const size_t left = doc.merge.conflicts.size();
    if (m.continuing) {
        Session_BeforeEdit(views.session, "");
        views.session.doc = std::move(doc);
    } else {
        Session_FinishMerge(views.session, std::move(doc), m.merge.result.doc);
    }
    views.status_message = "Merged the changes from " + FromName(views) +
                           (left ? ": " + std::to_string(left) + " conflict" + (left == 1 ? " is" : "s are") + " still open (File \xE2\x80\xBA Merge changes from another copy... to settle them)" : "");
    m.Reset();
    return true;
}

// ---------------------------------------------------------------------------------------------

static void NotMerging(Views& views, float width)
{
    MergeState& m = views.merge;
    const float z = views.zoom;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    switch (m.merge.status) {
    case parley::CopyMergeStatus::NoOriginal:
        ImGui::PushFont(Fonts_Get(Font_Subheading));
        NamedText("merge/title", "Which draft did both copies start from?", Theme_Colors().text, width);
        ImGui::PopFont();
        ImGui::TextWrapped("%s. Choose the original file (the copy that was sent round), or merge without it: then every "
                           "difference between the two copies is a choice for you.", m.merge.message.c_str());
        ImGui::Dummy(ImVec2(0, 8 * z));
        if (PlainButton("Choose the original file...")) { m.open_for_original = true; views.request_open = true; }
        ImGui::SameLine(0, 8 * z);
        if (PlainButton("Merge without it")) {
            parley::CopyMergeOptions o = Options(views);
            o.without_original = true;
            Merge(views, o);
        }
        break;
    case parley::CopyMergeStatus::Refused:
        if (m.merge.message.empty()) {   // nothing chosen yet
            ImGui::TextWrapped("Choose the copy another organisation sent back. Nothing changes in this draft until you finish the merge.");
            ImGui::Dummy(ImVec2(0, 8 * z));
            if (PlainButton("Choose the file...")) { m.open_for_merge = true; views.request_open = true; }
            break;
        }
        [[fallthrough]];
    case parley::CopyMergeStatus::AlreadyMerged:
        ImGui::PushFont(Fonts_Get(Font_Subheading));
        NamedText("merge/title", m.merge.status == parley::CopyMergeStatus::Refused ? "This file cannot be merged into this draft" : "Nothing to merge",
                  Theme_Colors().text, width);
        ImGui::PopFont();
        NamedText("merge/message", (m.merge.message + ".").c_str(), Theme_Colors().text, width);
        ImGui::Dummy(ImVec2(0, 8 * z));
        if (PlainButton("Choose another file...")) { m.open_for_merge = true; views.request_open = true; }
        break;
    case parley::CopyMergeStatus::Merged: break;
    }
    ImGui::PopTextWrapPos();
}

void MergeView_Draw(Views& views)
{
    MergeState& m = views.merge;
    const float z = views.zoom;
    const bool typing = ImGui::GetIO().WantTextInput;
    const bool popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape) && !typing && !popup) { m.Reset(); return; }
    const bool merging = m.merge.status == parley::CopyMergeStatus::Merged;
    if (merging && !popup) {
        if (ImGui::IsKeyPressed(ImGuiKey_F8)) NextConflict(views, ImGui::GetIO().KeyShift ? -1 : +1);
        if (!typing && ImGui::IsKeyPressed(ImGuiKey_O, false)) Choose(views, Resolution::Ours);
        if (!typing && ImGui::IsKeyPressed(ImGuiKey_T, false)) Choose(views, Resolution::Theirs);
        if (!typing && ImGui::IsKeyPressed(ImGuiKey_B, false) && !Conflicts(views).empty() &&
            (IsProse(Conflicts(views)[m.current]) || Conflicts(views)[m.current].ours.type == JsonValue::Array)) Choose(views, Resolution::Both);
    }

    BeginViewWindow("Merge", z);

    if (PlainButton(merging ? "Cancel merge" : "\xE2\x86\x90 Back to the draft")) { m.Reset(); ImGui::End(); return; }
    ImGui::SameLine(0, 24 * z);
    ImGui::PushFont(Fonts_Get(Font_Heading));
    const std::string heading = m.continuing ? "Open conflicts from merging " + FromName(views) : merging ? "Merging changes from " + FromName(views) : "Merge changes from another copy";
    ImGui::TextUnformatted(heading.c_str());
    ItemHooks_Text(A11yRole::Heading, heading.c_str(), 1);
    ImGui::PopFont();
    if (merging) {
        const size_t open = std::count(m.choice.begin(), m.choice.end(), -1);
        const std::string finish = open ? "Finish merge, leave " + std::to_string(open) + " open" : std::string("Finish merge");
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(finish.c_str()).x - 2 * ImGui::GetStyle().FramePadding.x));
        if (PlainButton((finish + "##merge/finish").c_str()) && Finish(views)) { ImGui::End(); return; }
    }
    ImGui::Dummy(ImVec2(0, 6 * z));
    Rule(ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, 10 * z));

    const float avail = ImGui::GetContentRegionAvail().x;
    if (!merging) {
        const float column = std::min(avail, 760 * z);
        NotMerging(views, column);
        ImGui::End();
        return;
    }
    Summary(views, avail);
    if (!m.problem.empty()) {   // why Finish merge did not go through
        ImGui::Dummy(ImVec2(0, 6 * z));
        NamedText("merge/problem", m.problem.c_str(), Theme_Colors().danger, avail);
    }
    ImGui::Dummy(ImVec2(0, 12 * z));
    const float list_width = Conflicts(views).empty() ? 0 : std::min(300 * z, avail * 0.28f);
    if (list_width > 0) {
        ImGui::BeginChild("merge/list", ImVec2(list_width, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);   // Tab goes on into the detail
        LabelAbove("Conflicts");
        ConflictList(views, list_width);
        ImGui::EndChild();
        ImGui::SameLine(0, 20 * z);
    }
    ImGui::BeginChild("merge/detail", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
    DrawConflict(views, ImGui::GetContentRegionAvail().x - 8 * z);
    ImGui::EndChild();
    ImGui::End();
}
