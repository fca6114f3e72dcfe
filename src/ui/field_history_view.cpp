#include "field_history_view.h"

#include "views.h"
#include "core/field_history.h"
#include "core/paths.h"
#include "core/revision_changes.h"
#include "core/text_fields.h"
#include "diff_text.h"
#include "fonts.h"
#include "theme.h"
#include "widgets.h"
#include "item_hooks.h"
#include "imgui.h"
#include "imgui_internal.h"   // BeginViewportSideBar

#include <algorithm>

// The history is worked out once per change of what it depends on: another document, another
// field, a new revision (a save, a merge), or the field's own words (its unsaved edits). Typing
// in other fields does not walk the history again.
struct HistoryCache {
    int generation = -1, edits = -1;
    std::string key, head;
    size_t revisions = 0, size = 0;
    ImU32 hash = 0;
    const void* saved = nullptr;
    bool missing = false;                    // the field is no longer in the draft
    std::string where;                       // "Question 3 › Reasoning"
    parley::FieldHistoryList list;
    std::vector<float> heights;              // each entry's height when last drawn: entries out of view are skipped
    int version = 0;                         // new for every walk: DiffText's layouts are keyed by it
};
static HistoryCache g_cache;

void FieldHistoryView_Open(Views& views, const std::string& key, const char* label)
{
    FieldHistoryState& s = views.field_history;
    s.open = true;
    s.key = key;
    s.label = label ? label : "";
    s.focus = true;
}

static void Refresh(Views& views)
{
    EditSession& session = views.session;
    HistoryCache& c = g_cache;
    // Nothing changed at all since the last frame: not even the field needs finding again.
    if (c.generation == session.generation && c.edits == session.edits && c.key == views.field_history.key && c.revisions == session.doc.revisions.size() &&
        c.head == parley::head_revision(session.doc) && c.saved == Session_SavedContent(session))
        return;
    c.edits = session.edits;
    const std::string* text = parley::find_text_field(session.doc, views.field_history.key);
    const parley::Document* saved = Session_SavedContent(session);
    const std::string head = parley::head_revision(session.doc);
    const ImU32 hash = text ? ImHashStr(text->data(), text->size()) : 0;
    if (c.generation == session.generation && c.key == views.field_history.key && c.head == head && c.revisions == session.doc.revisions.size() &&
        c.saved == saved && c.hash == hash && c.size == (text ? text->size() : 0) && c.missing == !text)
        return;
    c.generation = session.generation;
    c.key = views.field_history.key;
    c.head = head;
    c.revisions = session.doc.revisions.size();
    c.saved = saved;
    c.hash = hash;
    c.size = text ? text->size() : 0;
    c.missing = !text;
    c.version++;
    c.list = parley::FieldHistoryList{};
    c.heights.clear();
    c.where.clear();
    if (!text) return;
    const std::string path = parley::text_field_path(session.doc, c.key);
    if (path.empty()) { c.missing = true; return; }
    const parley::PathWords words = parley::path_words(session.doc, path);
    c.where = words.part.empty() ? words.field : words.field.empty() ? words.part : words.part + " \xE2\x80\xBA " + words.field;
    c.list = parley::field_history(session.doc, saved, path);
    c.heights.assign(c.list.entries.size(), 0.0f);
}

// "3 saved changes by 2 organisations": what the list holds, before it.
static std::string SummaryLine(const parley::FieldHistoryList& list)
{
    int saved = 0;
    bool unsaved = false;
    std::vector<std::string> who;
    for (const parley::FieldHistoryEntry& e : list.entries) {
        if (e.kind == parley::FieldEntryKind::Unsaved) unsaved = true;
        if (e.kind != parley::FieldEntryKind::Revision && e.kind != parley::FieldEntryKind::Merge && e.kind != parley::FieldEntryKind::First) continue;
        saved++;
        const std::string& name = e.organisation.empty() ? e.author : e.organisation;
        if (!name.empty() && std::find(who.begin(), who.end(), name) == who.end()) who.push_back(name);
    }
    if (saved == 0 && !unsaved) return "No saved revision changed this field.";
    std::string s = saved == 0 ? std::string("No saved revision changed this field yet")
                               : std::to_string(saved) + (saved == 1 ? " saved revision" : " saved revisions") + " changed this field";
    if (!who.empty()) s += ", by " + parley::join_names(who);
    if (unsaved) s += "; it also has changes not saved yet";
    return s + ".";
}

static void DrawEntry(Views& views, const parley::FieldHistoryEntry& e, size_t i, float width)
{
    const float z = views.zoom;
    const ThemeColors& c = Theme_Colors();
    const std::string n = std::to_string(i);
    if (e.kind == parley::FieldEntryKind::NotRecorded || e.kind == parley::FieldEntryKind::NotShown) {
        std::string note = e.message;
        if (e.kind == parley::FieldEntryKind::NotRecorded && !e.time.empty())
            note += " The revision saved " + parley::revision_time_words(e.time) + (e.organisation.empty() ? "" : " by " + e.organisation) + " did not keep its changes.";
        NamedText("history/note/" + n, note.c_str(), c.text_muted, width);
        return;
    }
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    NamedText("history/heading/" + n, parley::field_history_heading(e).c_str(), e.kind == parley::FieldEntryKind::Unsaved ? c.accent : c.text, width);
    ImGui::PopFont();
    ImGui::PushFont(Fonts_Get(Font_Small));
    const std::string origin = parley::field_history_origin(e);
    if (!origin.empty()) NamedText("history/origin/" + n, origin.c_str(), c.text_muted, width);
    if (e.kind == parley::FieldEntryKind::First) NamedText("history/first/" + n, "The words as this field was first saved:", c.text_muted, width);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 2 * z));
    DiffText("history/diff/" + n, g_cache.version, e.shown_before, e.shown_after, e.shown_diff, DiffSide_Both, width);
    ImGui::PushFont(Fonts_Get(Font_Small));
    NamedText("history/change/" + n, parley::field_change_words(e).c_str(), c.text_muted, width);
    ImGui::PopFont();
}

void FieldHistoryView_Draw(Views& views)
{
    FieldHistoryState& s = views.field_history;
    if (!s.open) return;
    Refresh(views);
    const float z = views.zoom;
    const ThemeColors& c = Theme_Colors();
    ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(std::max(380 * z, viewport->Size.x * 0.3f), std::max(280 * z, viewport->Size.x * 0.45f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16 * z, 14 * z));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, c.page);
    if (s.focus) { ImGui::SetNextWindowFocus(); s.focus = false; }
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    if (ImGui::BeginViewportSideBar("Who wrote what##history", viewport, ImGuiDir_Right, width, flags)) {
        ImGuiWindow* w = ImGui::GetCurrentWindow();   // a hairline between the page and the panel
        w->DrawList->AddLine(ImVec2(w->Pos.x, w->Pos.y), ImVec2(w->Pos.x, w->Pos.y + w->Size.y), c.border);
        const float inner = ImGui::GetContentRegionAvail().x;
        ImGui::PushFont(Fonts_Get(Font_Subheading));
        ImGui::TextUnformatted("Who wrote what");
        ItemHooks_Text(A11yRole::Heading, "Who wrote what", 1);
        ImGui::PopFont();
        const char* close = "Close##history";
        ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Close").x - 2 * ImGui::GetStyle().FramePadding.x));
        bool closing = QuietButton(close);
        NamedText("history/where", (g_cache.where.empty() ? s.label : g_cache.where).c_str(), c.text_muted, inner);
        ImGui::Dummy(ImVec2(0, 4 * z));
        if (g_cache.missing) {
            NamedText("history/summary", "This field is no longer in the draft (its question or part was removed).", c.text_muted, inner);
        } else {
            ImGui::PushFont(Fonts_Get(Font_Small));
            NamedText("history/summary", SummaryLine(g_cache.list).c_str(), c.text, inner);
            ImGui::PopFont();
        }
        ImGui::Dummy(ImVec2(0, 4 * z));
        Rule(inner);
        // The entries scroll under the heading. An entry wholly out of view is not drawn, only
        // its height from the last time it was, so a long history costs what is on screen.
        if (ImGui::BeginChild("##entries", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened)) {
            const float column = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize * 0.5f;
            ImGuiWindow* child = ImGui::GetCurrentWindow();
            static float heights_width = 0;   // the heights hold at the width they were drawn at
            if (heights_width != column) { std::fill(g_cache.heights.begin(), g_cache.heights.end(), 0.0f); heights_width = column; }
            const auto& entries = g_cache.list.entries;
            for (size_t i = 0; i < entries.size(); i++) {
                ImGui::Dummy(ImVec2(0, 8 * z));
                const float top = ImGui::GetCursorScreenPos().y;
                float& h = g_cache.heights[i];
                if (h > 0 && (top > child->ClipRect.Max.y || top + h < child->ClipRect.Min.y)) {
                    ImGui::Dummy(ImVec2(column, h));
                } else {
                    ImGui::PushID((int)i);
                    ImGui::BeginGroup();
                    DrawEntry(views, entries[i], i, column);
                    ImGui::EndGroup();
                    ImGui::PopID();
                    h = std::max(1.0f, ImGui::GetItemRectSize().y);
                }
                ImGui::Dummy(ImVec2(0, 6 * z));
                Rule(column);
            }
        }
        ImGui::EndChild();
        // Escape shuts the panel when it has the keyboard (and no text field or popup does).
        if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::GetIO().WantTextInput &&
            !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
            closing = true;
        if (closing) s.open = false;
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}
