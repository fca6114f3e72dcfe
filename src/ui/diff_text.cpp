#include "diff_text.h"
#include "item_hooks.h"

#include "theme.h"
#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace {

enum FragStyle : unsigned char { Frag_Equal, Frag_Deleted, Frag_Inserted, Frag_MovedFrom, Frag_MovedTo };

struct Frag {
    unsigned begin, end;   // bytes of the before (deleted, moved from, equal) or after text
    float x, w;
    FragStyle style;
    bool from_after;
};
struct Line { unsigned first, count; };

// A layout made as far as it has been needed: the lines down to the last one shown so far.
// It goes on from where it stopped (piece, byte, x) when the reader scrolls further, so
// opening a 100,000-word comparison lays out one screenful, not the whole text.
struct Layout {
    int version = -1;
    float width = 0, font_size = 0;
    DiffSide side = DiffSide_Both;
    std::vector<Frag> frags;
    std::vector<Line> lines;
    size_t piece = 0;        // where the layout stopped
    unsigned at = 0;         // byte in that piece's text (0: its start)
    float x = 0;
    bool done = false;
    size_t bytes_total = 0, bytes_done = 0;   // for the estimate of the height still to come
    std::string said;        // what a screen reader reads: the side's own text, cut (A11y_CutText)
};

std::unordered_map<ImGuiID, Layout> g_layouts;

void Start(Layout& L, const parley::TextDiff& diff)
{
    L.frags.clear();
    L.lines.assign(1, Line{0, 0});
    L.piece = 0;
    L.at = 0;
    L.x = 0;
    L.done = false;
    L.bytes_done = 0;
    L.bytes_total = 0;
    for (const parley::DiffPiece& p : diff.pieces) {
        if (p.op != parley::DiffOp::Insert && L.side != DiffSide_After) L.bytes_total += p.a_end - p.a_begin;
        else if (p.op != parley::DiffOp::Delete && L.side != DiffSide_Before) L.bytes_total += p.b_end - p.b_begin;
    }
}

// Lays out until there are `want` lines (or the text ends).
void Continue(Layout& L, const std::string& before, const std::string& after, const parley::TextDiff& diff, size_t want)
{
    ImFont* font = ImGui::GetFont();
    const float size = L.font_size;
    const float space = font->CalcTextSizeA(size, FLT_MAX, 0, " ").x;
    auto new_line = [&] {
        L.lines.push_back(Line{(unsigned)L.frags.size(), 0});
        L.x = 0;
    };
    auto add = [&](unsigned b, unsigned e, float w, FragStyle style, bool from_after) {
        Frag* last = L.frags.empty() || !L.lines.back().count ? nullptr : &L.frags.back();
        if (last && last->style == style && last->end == b && last->from_after == from_after) {
            last->end = e;
            last->w += w;
        } else {
            L.frags.push_back(Frag{b, e, L.x, w, style, from_after});
            L.lines.back().count++;
        }
        L.x += w;
    };
    while (L.piece < diff.pieces.size() && L.lines.size() < want) {
        const parley::DiffPiece& p = diff.pieces[L.piece];
        FragStyle style = Frag_Equal;
        bool from_after = false;
        if (p.op == parley::DiffOp::Delete) style = p.move >= 0 ? Frag_MovedFrom : Frag_Deleted;
        if (p.op == parley::DiffOp::Insert) { style = p.move >= 0 ? Frag_MovedTo : Frag_Inserted; from_after = true; }
        if ((p.op == parley::DiffOp::Delete && L.side == DiffSide_After) || (p.op == parley::DiffOp::Insert && L.side == DiffSide_Before)) {
            L.piece++;
            continue;
        }
        const std::string& text = from_after ? after : before;
        const unsigned begin = from_after ? p.b_begin : p.a_begin;
        const unsigned end = from_after ? p.b_end : p.a_end;
        unsigned pos = L.at ? L.at : begin;
        // Tokens a window at a time; the window's last token may be cut, so it is only taken
        // when the window reaches the piece's end.
        while (pos < end && L.lines.size() < want) {
            const unsigned window_end = std::min(end, pos + 4096u);
            const std::vector<uint32_t> tokens = parley::tokenize_text(std::string_view(text).substr(pos, window_end - pos));
            const size_t usable = window_end == end || tokens.size() <= 2 ? tokens.size() - 1 : tokens.size() - 2;
            unsigned next = pos;   // the end of the last token laid out
            for (size_t t = 0; t < usable && L.lines.size() < want; t++) {
                const unsigned b = pos + tokens[t], e = pos + tokens[t + 1];
                next = e;
                L.bytes_done += e - b;
                const char c = text[b];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    int breaks = 0;
                    for (unsigned k = b; k < e; k++) breaks += text[k] == '\n';
                    for (int k = 0; k < breaks; k++) new_line();
                    if (!breaks && L.x > 0) add(b, e, space * (float)(e - b), style, from_after);   // a tint runs on across a space
                    continue;
                }
                const float w = font->CalcTextSizeA(size, FLT_MAX, 0, text.data() + b, text.data() + e).x;
                if (L.x > 0 && L.x + w > L.width) new_line();
                add(b, e, w, style, from_after);
            }
            pos = next;
        }
        if (pos >= end) { L.piece++; L.at = 0; }
        else L.at = pos;
    }
    L.done = L.piece >= diff.pieces.size();
}

} // namespace

void DiffText_ClearCache() { g_layouts.clear(); }

void DiffText(const std::string& id, int version, const std::string& before, const std::string& after,
              const parley::TextDiff& diff, DiffSide side, float width)
{
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID item_id = window->GetID(id.c_str());
    Layout& L = g_layouts[item_id];
    const float size = ImGui::GetFontSize();
    if (L.version != version || L.width != width || L.font_size != size || L.side != side) {
        L.version = version;
        L.width = width;
        L.font_size = size;
        L.side = side;
        Start(L, diff);
        // A screen reader reads the side's own text (the marks are the eye's; the row says what
        // changed), cut once per layout, not every frame.
        const std::string& own = side == DiffSide_Before ? before : after;
        L.said = A11y_CutText(own.data(), own.size());
    }
    const float line_h = size * 1.45f;
    const ImVec2 origin = window->DC.CursorPos;
    // Lay out down to the last line in view (and a screenful more), then say how tall the rest
    // will be from what the laid-out part averages per line; exact once it is all laid out.
    const ImRect clip = window->ClipRect;
    const size_t needed = (size_t)ImMax(0.0f, (clip.Max.y - origin.y) / line_h) + 1;
    const size_t screen = (size_t)(clip.GetHeight() / line_h) + 1;
    if (!L.done && L.lines.size() < needed + screen) Continue(L, before, after, diff, needed + 2 * screen);
    float lines = (float)L.lines.size();
    if (!L.done && L.bytes_done > 0) lines *= (float)L.bytes_total / (float)L.bytes_done;
    const ImVec2 total(width, line_h * lines);
    const ImRect bb(origin, ImVec2(origin.x + total.x, origin.y + total.y));
    ImGui::ItemSize(total);
    const bool shown = ImGui::ItemAdd(bb, item_id, nullptr, ImGuiItemFlags_NoNav);
    ItemHooks_Describe(A11yRole::Text, 0, L.said.c_str());
    if (!shown) return;   // wholly out of view

    // Only the lines inside the window's visible area.
    int first = (int)((clip.Min.y - origin.y) / line_h);
    int last = (int)((clip.Max.y - origin.y) / line_h) + 1;
    first = ImMax(first, 0);
    last = ImMin(last, (int)L.lines.size());
    const ThemeColors& c = Theme_Colors();
    ImDrawList* dl = window->DrawList;
    ImFont* font = ImGui::GetFont();
    const float pad = (line_h - size) * 0.5f;
    for (int li = first; li < last; li++) {
        const Line& line = L.lines[li];
        const float y = origin.y + line_h * (float)li;
        for (unsigned k = line.first; k < line.first + line.count; k++) {
            const Frag& f = L.frags[k];
            const std::string& text = f.from_after ? after : before;
            const ImVec2 at(origin.x + f.x, y + pad);
            ImU32 colour = c.text;
            if (f.style != Frag_Equal) {
                const ImU32 bg = f.style == Frag_Deleted ? c.deleted_bg : f.style == Frag_Inserted ? c.inserted_bg : c.moved_bg;
                dl->AddRectFilled(ImVec2(at.x - 1, y + 1), ImVec2(at.x + f.w + 1, y + line_h - 1), bg, 2.0f);
                colour = f.style == Frag_Deleted || f.style == Frag_MovedFrom ? c.deleted_text : c.inserted_text;
            }
            dl->AddText(font, size, at, colour, text.data() + f.begin, text.data() + f.end);
            // Colour is never the only sign: deletions are struck through, insertions underlined.
            if (f.style == Frag_Deleted || f.style == Frag_MovedFrom)
                dl->AddLine(ImVec2(at.x, at.y + size * 0.55f), ImVec2(at.x + f.w, at.y + size * 0.55f), colour, 1.0f);
            else if (f.style == Frag_Inserted || f.style == Frag_MovedTo)
                dl->AddLine(ImVec2(at.x, at.y + size * 1.02f), ImVec2(at.x + f.w, at.y + size * 1.02f), colour, 1.0f);
        }
    }
}
