#include "compare_view.h"

#include "a11y_table.h"

#include "core/assert.h"
#include "core/compare.h"
#include "core/value_text.h"
#include "diff_text.h"
#include "fonts.h"
#include "theme.h"
#include "widgets.h"
#include "item_hooks.h"
#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <chrono>
#include <memory>

using parley::RowState;

// The comparisons are worked out once per change of what they compare, not every frame: the
// key is the document's generation and edit count and the view's own version. Two versions are
// compared over frames (`job`, a slice each frame) so that two long drafts never freeze the page.
struct CompareCache {
    int generation = -1, edits = -1, version = -1;
    parley::RegimeComparison regimes;
    parley::DocumentComparison versions;
    std::unique_ptr<parley::ComparisonJob> job;   // the version comparison under way, or null
};
static CompareCache g_cache;

// The word diffs of one comparison share this much work (word_diff.h's units, about one token
// compared each; some 10 to 20 ns each in the browser), so a hostile pair of drafts (blocks
// swapped throughout) ends in a coarse result in a second or two, not minutes. An ordinary
// comparison of two 100,000-word drafts spends 1 to 6 million.
static const uint64_t kCompareWorkBudget = 12000000;

// The time a frame may give to the comparison under way. The frame's drawing comes on top (43-62
// ms in software-rendered Chromium), so the page stays responsive while a long comparison runs.
static const double kCompareSliceMs = 30.0;

static const char kOther[] = "other:";

// The regime a column names: "<id>" in the open draft, "other:<id>" in the other file.
static parley::RegimeRef FindColumn(const Views& views, const std::string& column)
{
    const bool other = column.compare(0, sizeof(kOther) - 1, kOther) == 0;
    const parley::Document& doc = other ? views.compare.other : views.session.doc;
    if (other && !views.compare.has_other) return {};
    const std::string id = other ? column.substr(sizeof(kOther) - 1) : column;
    const parley::Regime* r = parley::find_by_id(doc.regimes, id);
    return r ? parley::RegimeRef{&doc, r} : parley::RegimeRef{};
}

static std::string RegimeTitle(const parley::RegimeRef& ref)
{
    return ref.regime->name.empty() ? std::string(parley::role_label(ref.regime->role)) : ref.regime->name;
}

// Current, then proposed, then alternatives: the order a workshop reads them in.
static void DefaultColumns(Views& views)
{
    std::vector<std::string>& cols = views.compare.columns;
    cols.clear();
    for (parley::RegimeRole role : {parley::RegimeRole::Current, parley::RegimeRole::Proposed, parley::RegimeRole::Alternative})
        for (const parley::Regime& r : views.session.doc.regimes)
            if (r.role == role && cols.size() < 3) cols.push_back(r.id);
}

void CompareView_Open(Views& views, CompareMode mode)
{
    views.compare.open = true;
    views.compare.mode = mode;
    bool valid = views.compare.columns.size() >= 2;
    for (const std::string& c : views.compare.columns) valid = valid && FindColumn(views, c).regime;
    if (!valid) DefaultColumns(views);
    views.compare.version++;
}

void CompareView_SetOther(Views& views, parley::Document other, const std::string& name)
{
    views.compare.other = std::move(other);
    views.compare.other_name = name;
    views.compare.has_other = true;
    views.compare.open = true;
    views.compare.version++;
    // Columns that named regimes of the previous other file are gone with it.
    auto& cols = views.compare.columns;
    cols.erase(std::remove_if(cols.begin(), cols.end(), [&](const std::string& c) { return !FindColumn(views, c).regime; }), cols.end());
    views.status_message = "Comparing with " + name;
}

// A slice of the version comparison under way, until this frame's time for it is spent; once it
// is done, the result is shown and each change told whose revision made it.
static void WorkOnComparison(Views& views, std::chrono::steady_clock::time_point start)
{
    if (!g_cache.job) return;
    while (!g_cache.job->step(20000))
        if (std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() > kCompareSliceMs) return;
    g_cache.versions = g_cache.job->take();
    g_cache.job.reset();
    parley::attribute_changes(g_cache.versions, views.session.doc, views.compare.other);
    DiffText_ClearCache();
}

static void Refresh(Views& views)
{
    const auto start = std::chrono::steady_clock::now();
    if (g_cache.generation != views.session.generation || g_cache.edits != views.session.edits || g_cache.version != views.compare.version) {
        g_cache.generation = views.session.generation;
        g_cache.edits = views.session.edits;
        g_cache.version = views.compare.version;
        std::vector<parley::RegimeRef> refs;
        for (const std::string& c : views.compare.columns) {
            parley::RegimeRef ref = FindColumn(views, c);
            if (ref.regime) refs.push_back(ref);
        }
        // Only what the shown mode needs (switching modes bumps the version).
        g_cache.regimes = views.compare.mode == CompareMode::Regimes ? parley::compare_regimes(refs) : parley::RegimeComparison{};
        g_cache.versions = parley::DocumentComparison{};
        g_cache.job.reset();
        // Lining the versions up is linear and done now; the word diffs follow a slice a frame,
        // the first in this one: an ordinary comparison is done at once, with no "Comparing..."
        // flashing up for a frame.
        if (views.compare.mode == CompareMode::Versions && views.compare.has_other)
            g_cache.job.reset(new parley::ComparisonJob(views.compare.other, views.session.doc, kCompareWorkBudget));
        DiffText_ClearCache();
    }
    WorkOnComparison(views, start);
}

bool CompareView_Working(const Views& views)
{
    return views.compare.open && g_cache.job != nullptr;
}

// A small coloured word for a row's state, named so tests and the screen-reader mirror find it.
// A row whose values all agree and whose rationales differ says so: a reader scanning for
// what would change in practice can tell it from a changed setting.
static void StateBadge(const std::string& id, const parley::ComparisonRow& row)
{
    const ThemeColors& c = Theme_Colors();
    const RowState state = row.state;
    const unsigned int colour = state == RowState::Added ? c.inserted_text : state == RowState::Removed ? c.deleted_text
                              : state == RowState::Changed && row.values_differ ? c.accent : c.text_muted;
    const char* label = state == RowState::Changed && !row.values_differ ? "rationale changed" : parley::row_state_label(state);
    ImGui::PushFont(Fonts_Get(Font_Small));
    NamedText(id, label, colour);
    ImGui::PopFont();
}

// Two texts that share under a third of their words are two texts, not an edit: marking every
// word of both would only shout, so they are shown plainly. Everything else is marked.
static bool WorthMarking(const parley::TextDiff& d)
{
    return !d.all_equal && d.words_equal * 2 >= std::max(d.words_deleted, d.words_inserted);
}

static void OpenOtherFile(Views& views)
{
    views.compare.open_for_compare = true;
    views.request_open = true;
}

// ---------------------------------------------------------------------------------------------
// Regimes side by side

static void DrawColumnPickers(Views& views)
{
    const float z = views.zoom;
    std::vector<std::string>& cols = views.compare.columns;
    // Every regime there is to choose from: this draft's, then the other file's.
    std::vector<std::pair<std::string, std::string>> choices;   // column key, label
    for (const parley::Regime& r : views.session.doc.regimes)
        choices.push_back({r.id, RegimeTitle({&views.session.doc, &r})});
    if (views.compare.has_other)
        for (const parley::Regime& r : views.compare.other.regimes)
            choices.push_back({kOther + r.id, RegimeTitle({&views.compare.other, &r}) + " (" + views.compare.other_name + ")"});

    int remove = -1;
    for (int i = 0; i < (int)cols.size(); i++) {
        ImGui::PushID(i);
        std::string preview;
        for (const auto& ch : choices)
            if (ch.first == cols[i]) preview = ch.second;
        const std::string label = std::string(i == 0 ? "Compare##column/" : "with##column/") + std::to_string(i);
        const char* word = i == 0 ? "Compare" : i == 1 ? "with" : "and";
        const float combo_w = std::min(std::min(380 * z, ImGui::GetContentRegionAvail().x * 0.6f), ImGui::CalcTextSize(preview.c_str()).x + 48 * z);
        if (i > 0) SameLineIfRoom(ImGui::CalcTextSize(word).x + combo_w + 90 * z, 12 * z);   // room for a Remove too
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(word);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(combo_w);
        if (BeginNamedCombo(("##" + label).c_str(), preview.c_str())) {
            for (const auto& ch : choices)
                if (SelectableItem((ch.second + "##" + ch.first).c_str(), ch.first == cols[i])) {
                    cols[i] = ch.first;
                    views.compare.version++;
                }
            ImGui::EndCombo();
        }
        if (i >= 2) {
            ImGui::SameLine(0, 4 * z);
            if (QuietButton(("Remove##column/" + std::to_string(i)).c_str())) remove = i;
        }
        ImGui::PopID();
    }
    if (remove >= 0) { cols.erase(cols.begin() + remove); views.compare.version++; }
    if (cols.size() < choices.size()) {
        SameLineIfRoom(ImGui::CalcTextSize("Add a column").x + 32 * z, 16 * z);
        if (PlainButton("Add a column")) {
            for (const auto& ch : choices)
                if (std::find(cols.begin(), cols.end(), ch.first) == cols.end()) { cols.push_back(ch.first); break; }
            views.compare.version++;
        }
    }
    const char* from_file = views.compare.has_other ? "Regimes from another file..." : "Add regimes from a file...";
    SameLineIfRoom(ImGui::CalcTextSize(from_file).x + 32 * z, 16 * z);
    if (PlainButton(from_file)) OpenOtherFile(views);
}

// One regime's cell of a row: its value, the change against the base, the rationale.
static void DrawCell(const parley::ComparisonRow& row, int column, float width)
{
    const ThemeColors& c = Theme_Colors();
    const parley::RowCell& cell = row.cells[column];
    const std::string where = row.key + "/" + std::to_string(column);
    if (!cell.dimension) {
        MutedText("Not in this regime");
        return;
    }
    const bool text_value = cell.dimension->value.type == parley::ValueType::Text;
    const parley::RowCell& base = row.cells[0];
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    // A text value marked against the base: a changed column shows what it put in, the base what
    // the first changed column took out. The diffs come worked out with the comparison.
    const parley::RowCell* marked = column > 0 ? &cell : nullptr;
    for (size_t k = 1; column == 0 && k < row.cells.size() && !marked; k++)
        if (row.cells[k].dimension && !row.cells[k].value_diff.all_equal) marked = &row.cells[k];
    if (text_value && marked && WorthMarking(marked->value_diff))
        DiffText("textvalue/" + where, g_cache.version, base.value, marked->value, marked->value_diff, column == 0 ? DiffSide_Before : DiffSide_After, width);
    else if (text_value)
        WrappedText(cell.value.c_str());
    else
        NamedText("value/" + where, cell.value.c_str(), c.text, width);
    ImGui::PopFont();
    // "was 25 cases · +25, doubled": what it was and what that means, under the new value (text
    // values show their words marked instead).
    if (column > 0 && cell.value_changed && base.dimension && !(text_value && base.dimension->value.type == parley::ValueType::Text)) {
        std::string line = "was " + base.value;
        if (!cell.change.empty()) line += "  \xC2\xB7  " + cell.change;
        ImGui::PushFont(Fonts_Get(Font_Small));
        NamedText("change/" + where, line.c_str(), c.accent, width);
        ImGui::PopFont();
    }
    const std::string& rationale = cell.dimension->rationale;
    if (rationale.empty() && !(column > 0 && cell.rationale_changed)) return;
    ImGui::Dummy(ImVec2(0, 2));
    // The base shows what the other columns took out of its rationale (the first of them with a
    // different one), so deletions are seen where they were; the others show what they put in.
    // Rationales that share little are shown plainly, with a note saying so.
    const parley::RowCell* other = column > 0 ? (cell.rationale_changed ? &cell : nullptr) : nullptr;
    for (size_t k = 1; column == 0 && k < row.cells.size() && !other; k++)
        if (row.cells[k].dimension && row.cells[k].rationale_changed) other = &row.cells[k];
    const bool rewritten = other && !WorthMarking(other->rationale);
    if (other && base.dimension && !rewritten) {
        const std::string& before = base.dimension->rationale;
        const std::string& after = other->dimension->rationale;
        DiffText("rationale/" + where, g_cache.version, before, after, other->rationale, column == 0 ? DiffSide_Before : DiffSide_After, width);
        return;
    }
    MutedText(rationale.c_str());
    if (rewritten && column > 0) {
        ImGui::PushFont(Fonts_Get(Font_Small));
        NamedText("rewritten/" + where, "rationale rewritten", c.accent);
        ImGui::PopFont();
    }
}

static void DrawRegimes(Views& views)
{
    const float z = views.zoom;
    const ThemeColors& c = Theme_Colors();
    DrawColumnPickers(views);
    // The rows point into the draft's regimes: the draft must be as it was when they were worked out.
    PARLEY_ASSERT(g_cache.generation == views.session.generation && g_cache.edits == views.session.edits);
    const parley::RegimeComparison& cmp = g_cache.regimes;
    if (cmp.regimes.size() < 2) {
        ImGui::Dummy(ImVec2(0, 24 * z));
        MutedText(views.session.doc.regimes.size() < 2 && !views.compare.has_other
                      ? "This draft has fewer than two regimes. Add a current or an alternative regime in the editor, or add regimes from another file."
                      : "Choose two regimes to compare.");
        return;
    }
    ImGui::Dummy(ImVec2(0, 8 * z));
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    NamedText("compare/summary", cmp.summary_line().c_str(), c.text);
    ImGui::PopFont();
    ImGui::SameLine(0, 24 * z);
    if (PlainCheckbox("Only differences##compare", &views.compare.only_differences)) {}
    ImGui::Dummy(ImVec2(0, 4 * z));

    // One table: the columns scroll together because they are one scrolling region, and the
    // header with the regimes' names stays in view.
    const int columns = 1 + (int)cmp.regimes.size();
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_PadOuterX | ImGuiTableFlags_Resizable;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(12 * z, 10 * z));
    if (ImGui::BeginTable("compare/regimes", columns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Dimension", ImGuiTableColumnFlags_WidthFixed, std::min(210 * z, ImGui::GetContentRegionAvail().x * 0.18f));
        for (int i = 0; i < (int)cmp.regimes.size(); i++)
            ImGui::TableSetupColumn(RegimeTitle(cmp.regimes[i]).c_str(), ImGuiTableColumnFlags_WidthStretch);
        // For a screen reader a table of rows and columns, each cell read with its dimension and
        // its regime (the row and column headers).
        A11yTable marks;
        A11yTable_Begin(marks, "Regimes side by side");
        // The header: each regime's name, role and who put it forward.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        A11yTable_Row(marks);
        ImGui::TableSetColumnIndex(0);
        A11yTable_Cell(marks, A11yRole::ColumnHeader);
        ImGui::PushFont(Fonts_Get(Font_Small));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.text_muted), "Dimension");
        ItemHooks_Text(A11yRole::Text, "Dimension");
        ImGui::PopFont();
        for (int i = 0; i < (int)cmp.regimes.size(); i++) {
            ImGui::TableSetColumnIndex(i + 1);
            A11yTable_Cell(marks, A11yRole::ColumnHeader);
            const parley::RegimeRef& ref = cmp.regimes[i];
            ImGui::PushFont(Fonts_Get(Font_Subheading));
            WrappedText(RegimeTitle(ref).c_str());
            ImGui::PopFont();
            std::string sub = parley::role_label(ref.regime->role);
            for (const parley::Organisation& o : ref.doc->organisations)
                if (o.id == ref.regime->owner) sub += ", " + (o.short_name.empty() ? o.name : o.short_name);
            if (ref.doc != &views.session.doc) sub += "  \xC2\xB7  from " + views.compare.other_name;
            if (i == 0 && cmp.regimes.size() > 1) sub += "  \xC2\xB7  the base";
            ImGui::PushFont(Fonts_Get(Font_Small));
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.text_muted), "%s", sub.c_str());
            ItemHooks_Text(A11yRole::Text, sub.c_str());
            ImGui::PopFont();
        }

        // The regimes' summaries, word by word, when any differ.
        bool summaries_differ = false;
        for (size_t i = 1; i < cmp.summaries.size(); i++) summaries_differ = summaries_differ || !cmp.summaries[i].all_equal;
        if (summaries_differ || !views.compare.only_differences) {
            ImGui::TableNextRow();
            A11yTable_Row(marks);
            ImGui::TableSetColumnIndex(0);
            A11yTable_Cell(marks, A11yRole::RowHeader);
            WrappedText("Summary");
            for (int i = 0; i < (int)cmp.regimes.size(); i++) {
                ImGui::TableSetColumnIndex(i + 1);
                A11yTable_Cell(marks);
                const float w = ImGui::GetContentRegionAvail().x;
                const std::string& base = cmp.regimes[0].regime->summary;
                const std::string& mine = cmp.regimes[i].regime->summary;
                if (i > 0 && WorthMarking(cmp.summaries[i])) DiffText("summary/" + std::to_string(i), g_cache.version, base, mine, cmp.summaries[i], DiffSide_After, w);
                else if (i == 0 && cmp.summaries.size() > 1 && WorthMarking(cmp.summaries[1]))
                    DiffText("summary/0", g_cache.version, base, cmp.regimes[1].regime->summary, cmp.summaries[1], DiffSide_Before, w);
                else WrappedText(mine.c_str());
            }
        }

        for (const parley::ComparisonRow& row : cmp.rows) {
            if (views.compare.only_differences && row.state == RowState::Unchanged) continue;
            ImGui::TableNextRow();
            // A tint for the rows that differ, so the eye finds them while scrolling.
            if (row.state == RowState::Added) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, (c.inserted_bg & 0x00FFFFFF) | 0x60000000);
            if (row.state == RowState::Removed) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, (c.deleted_bg & 0x00FFFFFF) | 0x60000000);
            A11yTable_Row(marks);
            ImGui::TableSetColumnIndex(0);
            A11yTable_Cell(marks, A11yRole::RowHeader);
            ImGui::PushFont(Fonts_Get(Font_Subheading));
            WrappedText(row.label.c_str());
            ImGui::PopFont();
            StateBadge("state/" + row.key, row);
            for (int i = 0; i < (int)row.cells.size(); i++) {
                ImGui::TableSetColumnIndex(i + 1);
                A11yTable_Cell(marks);
                DrawCell(row, i, ImGui::GetContentRegionAvail().x);
            }
        }
        A11yTable_End(marks);
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
}

// ---------------------------------------------------------------------------------------------
// Two versions

static void DrawVersions(Views& views, float column)
{
    const float z = views.zoom;
    const ThemeColors& c = Theme_Colors();
    if (!views.compare.has_other) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
        MutedText("Choose the other version of this draft: for instance the copy you sent to another association, "
                  "to see what they changed in the one they sent back. Every changed field is listed question by "
                  "question, with the words deleted and inserted.");
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, 8 * z));
        if (PlainButton("Choose the other version...")) OpenOtherFile(views);
        return;
    }
    const parley::DocumentComparison& cmp = g_cache.versions;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::TextWrapped("From %s (older) to this draft (newer).", views.compare.other_name.c_str());
    if (!views.compare.other.id.empty() && views.compare.other.id != views.session.doc.id) {
        ImGui::PushStyleColor(ImGuiCol_Text, c.danger);
        ImGui::TextWrapped("This file is another document (its id differs), so most parts show as added or removed.");
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    if (PlainButton("Choose another file...")) OpenOtherFile(views);
    ImGui::Dummy(ImVec2(0, 8 * z));
    if (g_cache.job) {   // still comparing: the page keeps drawing, a slice of the work a frame
        char progress[160];
        const int total = g_cache.job->prose_fields(), done = g_cache.job->prose_done();
        snprintf(progress, sizeof(progress), "Comparing the two versions word by word... %d of %d text%s compared.", done, total, total == 1 ? "" : "s");
        ImGui::PushFont(Fonts_Get(Font_Subheading));
        NamedText("compare/working", progress, c.text_muted);
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, 4 * z));
        ImGui::ProgressBar(g_cache.job->progress(), ImVec2(std::min(column, 420 * z), 6 * z), "");
        return;
    }
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    NamedText("compare/summary", cmp.summary_line().c_str(), c.text);
    ImGui::PopFont();
    if (cmp.revisions_only_in_a || cmp.revisions_only_in_b) {
        char history[160];
        snprintf(history, sizeof(history), "History: %d saved revision%s only in the older file, %d only in this draft.", cmp.revisions_only_in_a,
                 cmp.revisions_only_in_a == 1 ? "" : "s", cmp.revisions_only_in_b);
        MutedText(history);
    }
    if (const int coarse = cmp.coarse_fields()) {   // the work budget ran out: say so, never show it as fine-grained
        char note[320];
        snprintf(note, sizeof(note),
                 "These texts differ too much to compare word by word in time: %s shown with whole passages deleted and "
                 "inserted where the comparison stopped. Everything shown is still exactly what each version says.",
                 coarse == 1 ? "one field is" : (std::to_string(coarse) + " fields are").c_str());
        ImGui::Dummy(ImVec2(0, 4 * z));
        NamedText("compare/coarse", note, c.danger, column);
    }
    ImGui::Dummy(ImVec2(0, 8 * z));

    std::string part;
    for (size_t i = 0; i < cmp.changes.size(); i++) {
        const parley::FieldChange& f = cmp.changes[i];
        if (f.part != part) {
            part = f.part;
            ImGui::Dummy(ImVec2(0, 10 * z));
            ImGui::PushFont(Fonts_Get(Font_Subheading));
            ImGui::TextWrapped("%s", part.c_str());
            ImGui::PopFont();
            Rule(column);
        }
        ImGui::PushID((int)i);
        const unsigned int colour = f.kind == parley::ChangeKind::Added ? c.inserted_text : f.kind == parley::ChangeKind::Removed ? c.deleted_text : c.accent;
        NamedText("fieldname/" + std::to_string(i), f.field.c_str(), c.text);
        ImGui::SameLine(0, 8 * z);
        ImGui::PushFont(Fonts_Get(Font_Small));
        NamedText("kind/" + std::to_string(i), parley::change_kind_label(f.kind), colour);
        if (!f.changed_by.empty()) {   // "changed by LGA, 27 Nov 2026, revision of Sam Patel"
            ImGui::SameLine(0, 8 * z);
            NamedText("by/" + std::to_string(i), f.changed_by.c_str(), c.text_muted);
        }
        if (f.prose && f.diff.coarse) {
            ImGui::SameLine(0, 8 * z);
            NamedText("coarse/" + std::to_string(i), "compared in whole passages: too many differences to go word by word in time", c.text_muted);
        }
        ImGui::PopFont();
        if (f.kind == parley::ChangeKind::Changed && f.prose) {
            DiffText("field/" + std::to_string(i), g_cache.version, f.before, f.after, f.diff, DiffSide_Both, column);
        } else if (f.kind == parley::ChangeKind::Changed) {
            std::string line = (f.before.empty() ? std::string("(none)") : f.before) + "  \xE2\x86\x92  " + (f.after.empty() ? std::string("(none)") : f.after);
            if (!f.change.empty()) line += "   (" + f.change + ")";
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
            ImGui::TextWrapped("%s", line.c_str());
            ImGui::PopTextWrapPos();
        } else {
            // Whole objects added or removed: their text, tinted as one insertion or deletion.
            const std::string& text = f.kind == parley::ChangeKind::Added ? f.after : f.before;
            static parley::TextDiff whole;
            whole.pieces.assign(1, parley::DiffPiece{});
            parley::DiffPiece& p = whole.pieces[0];
            p.op = f.kind == parley::ChangeKind::Added ? parley::DiffOp::Insert : parley::DiffOp::Delete;
            if (p.op == parley::DiffOp::Insert) p.b_end = (uint32_t)text.size(); else p.a_end = (uint32_t)text.size();
            DiffText("field/" + std::to_string(i), g_cache.version, text, text, whole, DiffSide_Both, column);
        }
        ImGui::Dummy(ImVec2(0, 6 * z));
        ImGui::PopID();
    }
}

// ---------------------------------------------------------------------------------------------

void CompareView_Draw(Views& views)
{
    const float z = views.zoom;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        views.compare.open = false;
        return;
    }
    Refresh(views);
    // The regimes' table scrolls itself (its header stays); the versions page scrolls as a whole.
    BeginViewWindow("Compare", z, views.compare.mode == CompareMode::Regimes ? ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse : 0);

    if (PlainButton("\xE2\x86\x90 Back to the draft")) views.compare.open = false;
    ImGui::SameLine(0, 24 * z);
    ImGui::PushFont(Fonts_Get(Font_Heading));
    ImGui::TextUnformatted(views.compare.mode == CompareMode::Regimes ? "Regimes side by side" : "Two versions of this draft");
    ItemHooks_Text(A11yRole::Heading, views.compare.mode == CompareMode::Regimes ? "Regimes side by side" : "Two versions of this draft", 1);
    ImGui::PopFont();
    ImGui::SameLine(0, 24 * z);
    BeginRadios("Compare", true);
    if (RadioItem("Regimes##compare/mode", views.compare.mode == CompareMode::Regimes)) { views.compare.mode = CompareMode::Regimes; views.compare.version++; }
    ImGui::SameLine();
    if (RadioItem("Versions##compare/mode", views.compare.mode == CompareMode::Versions)) { views.compare.mode = CompareMode::Versions; views.compare.version++; }
    EndRadios();
    ImGui::Dummy(ImVec2(0, 6 * z));
    Rule(ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, 6 * z));

    if (views.compare.mode == CompareMode::Regimes) {
        DrawRegimes(views);
    } else {
        const float avail = ImGui::GetContentRegionAvail().x;
        const float column = std::min(avail, 860 * z);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - column) * 0.5f));
        ImGui::BeginGroup();
        DrawVersions(views, column);
        ImGui::EndGroup();
    }
    ImGui::End();
}
