// Index of this file
//   Text in a given font at a given place
//   The table
//   Presentation

#include "workshop_results.h"
#include "a11y_table.h"
#include "item_hooks.h"

#include "views.h"
#include "fonts.h"
#include "theme.h"
#include "widgets.h"
#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using parley::WorkshopCell;
using parley::WorkshopResults;
using parley::WorkshopTotal;

// Participants this many points apart on a cell (out of 5) disagree enough to talk about it.
static const double kSplit = 2.0;

// ---------------------------------------------------------------------------------------
// Text in a given font at a given place. The table is laid out by hand (column widths follow
// the page or the screen, cells are shaded), so text is placed rather than flowed.

static ImVec2 TextSize(ImFont* font, const std::string& text)
{
    ImGui::PushFont(font);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    ImGui::PopFont();
    return size;
}

static float LineHeight(ImFont* font)
{
    ImGui::PushFont(font);
    const float h = ImGui::GetFontSize();
    ImGui::PopFont();
    return h;
}

// How far a font's baseline is below the top of its line: text of two sizes on one line is
// placed by its baseline, or the smaller one looks as if it floats.
static float Ascent(ImFont* font)
{
    ImGui::PushFont(font);
    const float a = font->Ascent * ImGui::GetFontSize() / font->FontSize;
    ImGui::PopFont();
    return a;
}

static void TextAt(ImFont* font, ImVec2 pos, ImU32 color, const std::string& text)
{
    ImGui::PushFont(font);
    ImGui::GetWindowDrawList()->AddText(pos, color, text.c_str());
    ImGui::PopFont();
}

// Text that matters on its own (a rank, a score), reported to items() like NamedText.
static void NamedTextAt(ImFont* font, ImVec2 pos, const std::string& id, const std::string& text, ImU32 color)
{
    ImGui::PushFont(font);
    ImGui::SetCursorScreenPos(pos);
    NamedText(id, text.c_str(), color);
    ImGui::PopFont();
}

// `text` broken into lines no wider than `width`, at most `max_lines`; the last one ends in an
// ellipsis when the text goes on. Long regime names are the rule, not the exception.
std::vector<std::string> Workshop_WrapLines(ImFont* font, const std::string& text, float width, int max_lines)
{
    std::vector<std::string> lines;
    ImGui::PushFont(font);
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end && (int)lines.size() < max_lines) {
        if ((int)lines.size() == max_lines - 1) {   // the last line takes the rest, cut to fit
            lines.push_back(FitText(std::string(s, end), width));
            break;
        }
        const char* brk = font->CalcWordWrapPositionA(scale, s, end, width);
        if (brk <= s) {   // not even one character fits: take one anyway, or nothing would ever move on
            brk = s + 1;
            while (brk < end && ((unsigned char)*brk & 0xC0) == 0x80) brk++;
        }
        std::string line(s, brk);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(line);
        s = brk;
        while (s < end && (*s == ' ' || *s == '\n')) s++;
    }
    ImGui::PopFont();
    return lines;
}


static ImU32 WithAlpha(ImU32 color, float alpha)
{
    return (color & ~IM_COL32_A_MASK) | ((ImU32)(std::clamp(alpha, 0.0f, 1.0f) * 255.0f) << IM_COL32_A_SHIFT);
}

// A score from 0 to 5 as a bar: a track and the filled part.
static void ScoreBar(ImDrawList* dl, ImVec2 a, float width, float height, double score)
{
    const ThemeColors& c = Theme_Colors();
    const float r = height * 0.5f;
    dl->AddRectFilled(a, ImVec2(a.x + width, a.y + height), WithAlpha(c.border, 0.7f), r);
    const float filled = width * (float)std::clamp(score / 5.0, 0.0, 1.0);
    if (filled > 0.5f) dl->AddRectFilled(a, ImVec2(a.x + std::max(filled, height), a.y + height), c.accent, r);
}

// "1st" on an accent pill, reported to items() under `id`. Returns its width.
static float RankPill(ImFont* font, ImVec2 pos, const std::string& id, const std::string& text, float unit)
{
    const ImVec2 size = TextSize(font, text);
    const ImVec2 pad(unit * 0.45f, unit * 0.12f);
    const ThemeColors& c = Theme_Colors();
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + size.x + pad.x * 2, pos.y + size.y + pad.y * 2), c.accent, size.y);
    NamedTextAt(font, ImVec2(pos.x + pad.x, pos.y + pad.y), id, text, c.paper);   // paper on accent: readable in every theme
    return size.x + pad.x * 2;
}

// A cell as words, for its tooltip and the screen-reader mirror.
static std::string CellSummary(const WorkshopCell& cell, int participants)
{
    if (!cell.count) return "Nobody has scored this yet.";
    std::string s = "Mean " + parley::score_text(cell.mean) + " from " + std::to_string(cell.count) + " of " +
                    std::to_string(participants) + (participants == 1 ? " participant" : " participants");
    if (cell.count > 1 && cell.spread == 0)
        s += "\nEvery one of them gave " + parley::score_text(cell.min, cell.min == std::floor(cell.min) ? 0 : 1);
    else if (cell.count > 1)
        s += "\nLowest " + parley::score_text(cell.min) + ", highest " + parley::score_text(cell.max) +
             " (spread " + parley::score_text(cell.spread) + "), standard deviation " + parley::score_text(cell.deviation);
    if (cell.spread >= kSplit) s += "\nParticipants were far apart here: worth discussing.";
    return s;
}

// ---------------------------------------------------------------------------------------
// The table

struct Layout {
    float label_w = 0, col_w = 0, pad = 0;
    float name_h = 0, head_h = 0, row_h = 0, person_h = 0;
    std::vector<std::vector<std::string>> names;   // each column's name, in lines
    bool  any_unscored = false;
};

static float LabelWidth(float width, float unit) { return std::clamp(width * 0.3f, 10 * unit, 16 * unit); }

float WorkshopResults_TableWidth(const WorkshopResults& res, const ResultsLook& look)
{
    const float cols = 7 * look.unit * (float)std::max<size_t>(res.regimes.size(), 1);
    return LabelWidth(10 * look.unit + cols, look.unit) + cols;
}

static Layout LayOut(const Views& views, const WorkshopResults& res, const ResultsLook& look, float width)
{
    Layout l;
    const float u = look.unit;
    l.pad = 0.6f * u;
    l.label_w = LabelWidth(width, u);
    l.col_w = (width - l.label_w) / (float)std::max<size_t>(res.regimes.size(), 1);
    int lines = 1;
    for (const std::string& id : res.regimes) {
        l.names.push_back(Workshop_WrapLines(look.name, parley::regime_name(views.session.doc, id), l.col_w - 2 * l.pad, 3));
        lines = std::max(lines, (int)l.names.back().size());
    }
    for (const WorkshopTotal& t : res.totals) l.any_unscored |= t.unscored > 0 && t.weight > 0;
    l.name_h = lines * LineHeight(look.name) * 1.2f;
    // Name, then the rank pill beside the weighted score, then its bar (and a "not scored" line).
    l.head_h = l.name_h + 0.4f * u + LineHeight(look.big) * 1.15f + 0.5f * u + 0.35f * u + 0.8f * u +
               (l.any_unscored ? LineHeight(look.body) * 1.2f : 0);
    l.row_h = std::max(2.3f * u, LineHeight(look.strong) + 1.1f * u);
    l.person_h = look.by_participant && !views.session.doc.workshop.participants.empty()
                     ? 0.9f * u + LineHeight(look.body) * 1.4f + views.session.doc.workshop.participants.size() * LineHeight(look.body) * 1.7f : 0;
    return l;
}

float WorkshopResults_TableHeight(const Views& views, const WorkshopResults& res, const ResultsLook& look, float width)
{
    const Layout l = LayOut(views, res, look, width);
    return l.head_h + res.criteria.size() * l.row_h + l.person_h + 0.6f * look.unit + LineHeight(look.body) * 1.3f;
}

void WorkshopResults_DrawTable(Views& views, const WorkshopResults& res, const ResultsLook& look, float width)
{
    const ThemeColors& c = Theme_Colors();
    const Layout l = LayOut(views, res, look, width);
    const float u = look.unit;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const int participants = (int)views.session.doc.workshop.participants.size();
    const bool hover_ok = look.tooltips && ImGui::IsWindowHovered();

    // For a screen reader a table: criteria down, regimes across, each cell its mean and spread
    // in words, read with its criterion and regime.
    A11yTable marks;
    A11yTable_Begin(marks, "Workshop results");
    A11yTable_Row(marks, "head");
    A11yTable_Cell(marks, A11yRole::ColumnHeader);
    ItemHooks_TextAt(A11yRole::Text, "Weighted score (0 to 5)", o.x, o.y + l.name_h, l.label_w - l.pad, l.head_h - l.name_h);
    // Column heads: the regime's name, its rank and weighted score, a bar for the score.
    for (size_t col = 0; col < res.regimes.size(); col++) {
        const WorkshopTotal& t = res.totals[col];
        const float x = o.x + l.label_w + col * l.col_w + l.pad;
        A11yTable_Cell(marks, A11yRole::ColumnHeader);
        ItemHooks_TextAt(A11yRole::Text, parley::regime_name(views.session.doc, t.regime).c_str(), x, o.y, l.col_w - 2 * l.pad, l.name_h);
        float y = o.y + l.name_h - l.names[col].size() * LineHeight(look.name) * 1.2f;   // names sit on the line above the scores
        for (const std::string& line : l.names[col]) {
            TextAt(look.name, ImVec2(x, y), c.text, line);
            y += LineHeight(look.name) * 1.2f;
        }
        y = o.y + l.name_h + 0.4f * u;
        const float big_h = LineHeight(look.big);
        const std::string score = t.weight > 0 ? parley::score_text(t.score, 2) : "\xE2\x80\x93";
        float sx = x;
        if (t.rank > 0) {
            const float pill_h = LineHeight(look.strong) + 0.24f * u;
            sx += RankPill(look.strong, ImVec2(x, y + (big_h - pill_h) * 0.5f), "column-rank/" + t.regime,
                           parley::rank_label(t.rank, t.tied), u) + 0.5f * u;
        }
        NamedTextAt(look.big, ImVec2(sx, y), "column-total/" + t.regime, score, t.weight > 0 ? c.text : c.text_muted);
        y += big_h * 1.15f + 0.5f * u;
        ScoreBar(dl, ImVec2(x, y), l.col_w - 2 * l.pad, 0.35f * u, t.score);
        y += 0.35f * u + 0.4f * u;
        if (t.unscored > 0 && t.weight > 0) {
            std::string missing = std::to_string(t.unscored) + (t.unscored == 1 ? " criterion" : " criteria") + " not scored";
            if (TextSize(look.body, missing).x > l.col_w - 2 * l.pad) missing = std::to_string(t.unscored) + " not scored";
            ImGui::PushFont(look.body);
            TextAt(look.body, ImVec2(x, y), c.danger, FitText(missing, l.col_w - 2 * l.pad));
            ImGui::PopFont();
            const std::string said = std::to_string(t.unscored) + (t.unscored == 1 ? " criterion" : " criteria") + " not scored";
            ItemHooks_TextAt(A11yRole::Text, said.c_str(), x, y, l.col_w - 2 * l.pad, LineHeight(look.body));
        }
        if (hover_ok && ImGui::IsMouseHoveringRect(ImVec2(x - l.pad, o.y), ImVec2(x - l.pad + l.col_w, o.y + l.head_h))) {
            std::string tip = parley::regime_name(views.session.doc, t.regime);
            if (t.weight > 0) tip += "\nWeighted score " + parley::score_text(t.score, 2) + " of 5" + (t.rank ? ", " + parley::rank_label(t.rank, t.tied) : "");
            if (t.unscored > 0) tip += "\n" + std::to_string(t.unscored) + (t.unscored == 1 ? " criterion" : " criteria") + " nobody has scored: left out of the score";
            ImGui::SetTooltip("%s", tip.c_str());
        }
    }
    ImGui::PushFont(look.body);
    TextAt(look.body, ImVec2(o.x, o.y + l.name_h + 0.4f * u + (LineHeight(look.big) - LineHeight(look.body)) * 0.5f), c.text_muted,
           FitText("Weighted score (0 to 5)", l.label_w - l.pad));
    ImGui::PopFont();
    float y = o.y + l.head_h;
    dl->AddLine(ImVec2(o.x, y), ImVec2(o.x + width, y), c.text_muted, std::max(1.0f, u / 14));

    // Rows: the criterion and its weight, then each regime's mean, range and shading.
    for (size_t row = 0; row < res.criteria.size(); row++) {
        const parley::Criterion& k = views.session.doc.workshop.criteria[row];
        const float text_y = y + (l.row_h - LineHeight(look.strong)) * 0.5f;
        ImGui::PushFont(look.body);
        const std::string weight = "\xC3\x97" + parley::score_text(k.weight, k.weight == std::floor(k.weight) ? 0 : 1);   // "×3"
        const float weight_w = ImGui::CalcTextSize(weight.c_str()).x;
        const std::string label = FitText(k.label.empty() ? "Untitled criterion" : k.label, l.label_w - weight_w - 1.6f * l.pad);
        ImGui::PopFont();
        const float body_y = y + (l.row_h - LineHeight(look.body)) * 0.5f;
        TextAt(look.body, ImVec2(o.x, body_y), k.weight > 0 ? c.text : c.text_muted, label);
        TextAt(look.body, ImVec2(o.x + l.label_w - weight_w - l.pad, body_y), c.text_muted, weight);
        A11yTable_Row(marks, k.id.c_str());
        A11yTable_Cell(marks, A11yRole::RowHeader);
        const std::string said = (k.label.empty() ? std::string("Untitled criterion") : k.label) + ", weight " + parley::score_text(k.weight, 2);
        ItemHooks_TextAt(A11yRole::Text, said.c_str(), o.x, y, l.label_w - l.pad, l.row_h);
        if (hover_ok && ImGui::IsMouseHoveringRect(ImVec2(o.x, y), ImVec2(o.x + l.label_w, y + l.row_h)))
            ImGui::SetTooltip("%s (weight %s)%s%s", k.label.c_str(), parley::score_text(k.weight, 2).c_str(), k.description.empty() ? "" : "\n",
                              k.description.c_str());
        for (size_t col = 0; col < res.regimes.size(); col++) {
            const WorkshopCell& cell = res.cell((int)row, (int)col);
            const ImVec2 a(o.x + l.label_w + col * l.col_w, y), b(a.x + l.col_w, y + l.row_h);
            const ImVec2 inner_a(a.x + 0.15f * u, a.y + 0.15f * u), inner_b(b.x - 0.15f * u, b.y - 0.15f * u);
            if (cell.count) dl->AddRectFilled(inner_a, inner_b, WithAlpha(c.accent, 0.05f + 0.28f * (float)(cell.mean / 5.0)), 0.25f * u);
            const bool split = cell.count > 1 && cell.spread >= kSplit;
            if (split) dl->AddRectFilled(inner_a, ImVec2(inner_a.x + std::max(3.0f, 0.22f * u), inner_b.y), c.danger, 0.1f * u);
            const std::string id = "mean/" + res.regimes[col] + "/" + res.criteria[row];
            const float x = a.x + l.pad;
            A11yTable_Cell(marks);
            if (!cell.count) {
                NamedTextAt(look.strong, ImVec2(x, text_y), id, "\xE2\x80\x93", c.text_muted);
                ItemHooks_Describe(A11yRole::Text, 0, "Not scored");
            } else {
                const std::string mean = parley::score_text(cell.mean);
                NamedTextAt(look.strong, ImVec2(x, text_y), id, mean, c.text);
                std::string said = CellSummary(cell, participants);   // the mean and its spread, in words
                std::replace(said.begin(), said.end(), '\n', ' ');
                ItemHooks_Describe(A11yRole::Text, 0, said.c_str());
                if (cell.spread > 0) {
                    const std::string range = parley::score_text(cell.min, cell.min == std::floor(cell.min) ? 0 : 1) + "\xE2\x80\x93" +
                                              parley::score_text(cell.max, cell.max == std::floor(cell.max) ? 0 : 1);
                    TextAt(look.body, ImVec2(x + TextSize(look.strong, mean).x + 0.45f * u, text_y + Ascent(look.strong) - Ascent(look.body)),
                           split ? c.danger : c.text_muted, range);
                }
            }
            if (hover_ok && ImGui::IsMouseHoveringRect(a, b)) {
                std::string tip = (k.label.empty() ? "Untitled criterion" : k.label) + "  \xC2\xB7  " + parley::regime_name(views.session.doc, res.regimes[col]) +
                                  "\n" + CellSummary(cell, participants);
                for (const parley::Score& s : views.session.doc.workshop.scores)   // what participants noted against their scores
                    if (s.regime == res.regimes[col] && s.criterion == res.criteria[row] && !s.note.empty())
                        for (const parley::Participant& p : views.session.doc.workshop.participants)
                            if (p.id == s.participant) tip += "\n\n" + p.name + " (" + parley::score_text(s.score, 0) + "): " + s.note;
                ImGui::SetNextWindowSize(ImVec2(std::min(30 * u, ImGui::GetMainViewport()->Size.x * 0.6f), 0));
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(0);
                ImGui::TextUnformatted(tip.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        y += l.row_h;
        dl->AddLine(ImVec2(o.x, y), ImVec2(o.x + width, y), c.border, 1.0f);
    }

    A11yTable_End(marks);

    // Each participant's own weighted scores: how far one person's view is from the room's.
    if (l.person_h > 0) {
        const float body_h = LineHeight(look.body);
        y += 0.9f * u;
        TextAt(look.body, ImVec2(o.x, y), c.text_muted, "Each participant's weighted scores (their highest in bold)");
        A11yTable_Begin(marks, "Each participant's weighted scores");
        A11yTable_Row(marks, "people-head");
        A11yTable_Cell(marks, A11yRole::ColumnHeader);
        ItemHooks_TextAt(A11yRole::Text, "Each participant's weighted scores (their highest in bold)", o.x, y, l.label_w, body_h);
        for (size_t col = 0; col < res.regimes.size(); col++) {
            A11yTable_Cell(marks, A11yRole::ColumnHeader);   // the regimes' names are drawn once, at the top: read again here
            ItemHooks_TextAt(A11yRole::Text, parley::regime_name(views.session.doc, res.regimes[col]).c_str(),
                             o.x + l.label_w + col * l.col_w + l.pad, y, l.col_w - 2 * l.pad, body_h);
        }
        y += body_h * 1.4f;
        for (const parley::Participant& p : views.session.doc.workshop.participants) {
            std::vector<int> scored;
            const std::vector<double> mine = parley::participant_scores(views.session.doc, res, p.id, &scored);
            double best = -1;
            for (size_t col = 0; col < mine.size(); col++)
                if (scored[col]) best = std::max(best, mine[col]);
            const float row_y = y + body_h * 0.35f;
            ImGui::PushFont(look.body);
            TextAt(look.body, ImVec2(o.x, row_y), c.text, FitText(p.name.empty() ? "Unnamed participant" : p.name, l.label_w - l.pad));
            ImGui::PopFont();
            A11yTable_Row(marks, p.id.c_str());
            A11yTable_Cell(marks, A11yRole::RowHeader);
            ItemHooks_TextAt(A11yRole::Text, p.name.empty() ? "Unnamed participant" : p.name.c_str(), o.x, row_y, l.label_w - l.pad, body_h);
            for (size_t col = 0; col < mine.size(); col++) {
                A11yTable_Cell(marks);
                const bool top = scored[col] && mine[col] >= best - 1e-9;
                const std::string text = scored[col] ? parley::score_text(mine[col], 2) : "\xE2\x80\x93";
                NamedTextAt(top ? look.strong : look.body, ImVec2(o.x + l.label_w + col * l.col_w + l.pad, row_y - (top ? (LineHeight(look.strong) - body_h) * 0.5f : 0)),
                            "participant-total/" + p.id + "/" + res.regimes[col], text, scored[col] ? c.text : c.text_muted);
            }
            y += body_h * 1.7f;
            dl->AddLine(ImVec2(o.x, y), ImVec2(o.x + width, y), WithAlpha(c.border, 0.6f), 1.0f);
        }
        A11yTable_End(marks);
    }

    // The legend: how to read a cell, and what the red mark means.
    y += 0.6f * u;
    const float body_h = LineHeight(look.body);
    dl->AddRectFilled(ImVec2(o.x, y + body_h * 0.1f), ImVec2(o.x + std::max(3.0f, 0.22f * u), y + body_h * 0.9f), c.danger);
    ImGui::PushFont(look.body);
    const std::string legend = FitText("Participants " + parley::score_text(kSplit, 0) + " or more points apart.   Each cell: the mean, then the "
                                   "lowest\xE2\x80\x93highest score; darker is higher.", width - 0.8f * u);
    ImGui::PopFont();
    TextAt(look.body, ImVec2(o.x + 0.7f * u, y), c.text_muted, legend);
    ItemHooks_TextAt(A11yRole::Text, legend.c_str(), o.x + 0.7f * u, y, width - 0.8f * u, body_h);
    y += body_h * 1.3f;

    ImGui::SetCursorScreenPos(o);
    ImGui::Dummy(ImVec2(width, y - o.y));
}

void WorkshopResults_DrawRanking(Views& views, const WorkshopResults& res, const ResultsLook& look, float width)
{
    const ThemeColors& c = Theme_Colors();
    const float u = look.unit;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float row_h = std::max(2.2f * u, LineHeight(look.strong) + 0.9f * u);
    const float rank_w = TextSize(look.strong, "=10th").x + 1.2f * u;
    const float score_w = TextSize(look.strong, "5.00").x + 0.8f * u;
    const float bar_w = std::min(12 * u, width * 0.28f);
    const float name_w = width - rank_w - bar_w - score_w - 1.2f * u;
    float y = o.y;
    for (int col : res.order) {
        const WorkshopTotal& t = res.totals[col];
        const float text_y = y + (row_h - LineHeight(look.strong)) * 0.5f;
        if (t.rank > 0) RankPill(look.strong, ImVec2(o.x, text_y - 0.12f * u), "rank/" + t.regime, parley::rank_label(t.rank, t.tied), u);
        else NamedTextAt(look.body, ImVec2(o.x, text_y), "rank/" + t.regime, "not ranked", c.text_muted);
        ImGui::PushFont(look.body);
        const std::string full = parley::regime_name(views.session.doc, t.regime);
        const std::string name = FitText(full, name_w);
        ImGui::PopFont();
        TextAt(look.body, ImVec2(o.x + rank_w, y + (row_h - LineHeight(look.body)) * 0.5f), c.text, name);
        const float bar_x = o.x + rank_w + name_w + 0.6f * u;
        ScoreBar(dl, ImVec2(bar_x, y + row_h * 0.5f - 0.2f * u), bar_w, 0.4f * u, t.score);
        const std::string score = t.weight > 0 ? parley::score_text(t.score, 2) : "\xE2\x80\x93";
        const float score_x = o.x + width - TextSize(look.strong, score).x;
        NamedTextAt(look.strong, ImVec2(score_x, text_y), "total/" + t.regime, score, t.weight > 0 ? c.text : c.text_muted);
        // A tooltip only says what the row cannot: a name cut short, criteria nobody scored.
        if (look.tooltips && (name != full || t.unscored > 0) && ImGui::IsWindowHovered() &&
            ImGui::IsMouseHoveringRect(ImVec2(o.x, y), ImVec2(o.x + width, y + row_h))) {
            std::string tip = full;
            if (t.unscored > 0) tip += "\n" + std::to_string(t.unscored) + (t.unscored == 1 ? " criterion" : " criteria") + " not scored yet: left out of this score";
            ImGui::SetTooltip("%s", tip.c_str());
        }
        y += row_h;
    }
    ImGui::SetCursorScreenPos(o);
    ImGui::Dummy(ImVec2(width, y - o.y));
}

// ---------------------------------------------------------------------------------------
// Presentation

// The presentation's height in body units, measured on the last frame drawn (0: not yet).
// Everything in it scales with the body size, so the size that fills the screen is the
// screen's height over this; the first frame uses an estimate on the safe side.
static float g_units_high = 0;

// The body size that fills the screen: the height in body units (measured, or estimated from
// the layout: title, column heads, rows, legend), and the width of the label column and the
// regime columns. Only a clear gain changes it, and an overflow always does, so the size
// settles instead of hunting between two sizes a pixel apart.
static float PresentationUnit(ImVec2 screen, const WorkshopResults& res, float current)
{
    const float rows = (float)res.criteria.size();
    const float cols = (float)std::max<size_t>(res.regimes.size(), 1);
    const float units_high = g_units_high > 0 ? g_units_high : 2.4f + 2.2f + 1.6f + 0.8f + 9.0f + 2.35f * rows + 2.2f;
    const float units_wide = 4.0f + 12.0f + 7.5f * cols;
    const float unit = std::floor(std::clamp(std::min(screen.y * 0.98f / units_high, screen.x / units_wide), 14.0f, 72.0f));
    const bool overflows = current > 0 && g_units_high > 0 && current * g_units_high > screen.y;
    if (current > 0 && !overflows && unit >= current - 0.5f && unit < current + 1.5f) return current;
    return unit;
}

static void LeavePresentation(Views& views)
{
    views.presentation.presenting = false;
    Fonts_SetPresentation(0);   // the large fonts take atlas space the page does not need
    views.style_dirty = true;
}

bool WorkshopPresentation_Frame(Views& views)
{
    if (!views.presentation.presenting || views.session.doc.kind != parley::DocumentKind::Workshop) {
        if (views.presentation.presenting || Fonts_PresentationSize() > 0) LeavePresentation(views);   // ended elsewhere (another document, the browser)
        g_units_high = 0;
        return false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const WorkshopResults res = parley::workshop_results(views.session.doc);
    const float unit = PresentationUnit(vp->Size, res, Fonts_PresentationSize());
    if (Fonts_PresentationSize() != unit) {   // a new window size: fonts rasterised for it, crisp at any size
        Fonts_SetPresentation(unit);
        views.style_dirty = true;
    }

    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, Theme_Colors().paper);
    ImGui::Begin("Presentation", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();

    bool leave = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    ResultsLook look;
    look.body = Fonts_Get(Font_PresentBody);
    look.strong = Fonts_Get(Font_PresentStrong);
    look.name = look.strong;
    look.big = Fonts_Get(Font_PresentTitle);
    look.unit = unit;
    look.tooltips = false;
    // The leave button, top right, at the app's own size: for the presenter, not the room.
    const float margin = 2.0f * unit;
    const char* leave_label = "Leave presentation (Esc)";
    const ImVec2 leave_size = ImGui::CalcTextSize(leave_label);
    ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x + vp->Size.x - leave_size.x - ImGui::GetStyle().FramePadding.x * 2 - 1.2f * unit, vp->Pos.y + 1.0f * unit));
    if (PlainButton("Leave presentation (Esc)##present")) leave = true;

    if (look.body && look.strong && look.big) {   // the first frame has no large fonts yet: they come with the next
        const float width = vp->Size.x - 2 * margin;
        const ThemeColors& c = Theme_Colors();
        const parley::Document& doc = views.session.doc;
        ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x + margin, vp->Pos.y + 1.2f * unit));
        ImGui::PushFont(look.big);
        const std::string title = FitText(doc.title.empty() ? "Workshop results" : doc.title, width - leave_size.x - 2 * unit);
        ImGui::PopFont();
        NamedTextAt(look.big, ImVec2(vp->Pos.x + margin, vp->Pos.y + 1.2f * unit), "present/title", title, c.text);
        const int people = (int)doc.workshop.participants.size();
        const std::string sub = "Weighted scores from " + std::to_string(people) + (people == 1 ? " participant" : " participants") +
                                " on " + std::to_string(res.criteria.size()) + (res.criteria.size() == 1 ? " criterion" : " criteria") +
                                ", each scored from 0 to 5";
        TextAt(look.body, ImVec2(vp->Pos.x + margin, vp->Pos.y + 1.2f * unit + LineHeight(look.big) * 1.25f), c.text_muted, sub);
        ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x + margin, vp->Pos.y + 1.2f * unit + LineHeight(look.big) * 1.25f + LineHeight(look.body) * 1.3f + 1.2f * unit));
        if (res.regimes.empty() || res.criteria.empty())
            TextAt(look.body, ImGui::GetCursorScreenPos(), c.text_muted, "Nothing to show yet: add regimes, criteria and scores first.");
        else
            WorkshopResults_DrawTable(views, res, look, width);
        if (Fonts_PresentationSize() == unit && !views.style_dirty)   // measured with the fonts of this size
            g_units_high = (ImGui::GetCursorScreenPos().y - vp->Pos.y + 0.6f * unit) / unit;
    }
    ImGui::End();
    if (leave) LeavePresentation(views);
    return true;
}
