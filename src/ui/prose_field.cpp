#include "prose_field.h"

#include "views.h"
#include "field_history_view.h"
#include "widgets.h"
#include "item_hooks.h"
#include "core/document.h"
#include "core/text_fields.h"
#include "core/utf8.h"
#include "fonts.h"
#include "theme.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "text_layout.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

static ProseOverlay g_overlay;

// Wrapping beyond what is in view, shared by all fields in a frame: a field of tens of
// megabytes is wrapped over several frames, none of them long.
static const size_t kWrapAheadPerFrame = 1 << 20;
static const size_t kWrapMaxPerField = 8 << 20;   // however far the view jumped in one frame
static size_t g_wrap_budget = 0;
static bool g_wrap_pending = false;

ProseOverlay& Prose_Overlay() { return g_overlay; }

void Prose_BeginFrame()
{
    g_overlay.drawn = false;
    g_wrap_budget = kWrapAheadPerFrame;
    g_wrap_pending = false;
}

void Prose_StopEditing(Views& views)
{
    if (g_overlay.key.empty()) return;
    g_overlay = ProseOverlay{};
    Session_EndGroup(views.session);   // the next burst of typing is a new undo step
}

// Prose reads better with air between lines than ImGui's tight default.
static const float kLineSpacing = 1.5f;

// Where the lines of each field break (text_layout.h), kept between frames and brought up to
// date by the edits typed (Prose_Splice) rather than found again: wrapping a field of several
// megabytes on every change would cost more than drawing it. Any other change to the text
// (undo, another draft) is noticed by its hash, checked only when the session says something
// changed since the field was last drawn.
struct ProseLayout {
    std::string key;
    uint64_t hash = 0;              // of the text the lines are for
    const char* data = nullptr;     // the text, and the session's counters, when last checked
    int edits = -1, generation = -1;
    TextLayout lines;
    int words = 0;
};
static std::unordered_map<ImGuiID, ProseLayout> g_layouts;

static bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Words as parley::count_words counts them, in part of a text.
static int CountWords(const char* s, size_t n)
{
    int words = 0;
    bool in_word = false;
    for (size_t i = 0; i < n; i++) {
        const bool space = IsSpace((unsigned char)s[i]);
        if (!space && !in_word) words++;
        in_word = !space;
    }
    return words;
}

static bool IsCurrent(const ProseLayout& l, const EditSession& s, const std::string& text)
{
    return l.data == text.data() && l.lines.size == text.size() && l.edits == s.edits && l.generation == s.generation;
}

static void Stamp(ProseLayout& l, const EditSession& s, const std::string& text)
{
    l.data = text.data();
    l.edits = s.edits;
    l.generation = s.generation;
}

bool Prose_Splice(Views& views, size_t pos, size_t removed, const char* inserted, size_t inserted_len)
{
    std::string* target = parley::find_text_field(views.session.doc, g_overlay.key);
    if (!target) { Prose_StopEditing(views); return false; }
    std::string& text = *target;
    if (pos > text.size() || removed > text.size() - pos) return false;
    if (removed == inserted_len && memcmp(text.data() + pos, inserted, inserted_len) == 0) return true;
    // Layouts of this text that are up to date follow the edit; the others find out by its hash.
    std::vector<ProseLayout*> follow;
    for (auto& [id, l] : g_layouts)
        if (l.key == g_overlay.key && IsCurrent(l, views.session, text)) follow.push_back(&l);
    // Words are counted again only between the blanks around the edit.
    size_t a = pos, b = pos + removed;
    while (a > 0 && !IsSpace((unsigned char)text[a - 1])) a--;
    while (b < text.size() && !IsSpace((unsigned char)text[b])) b++;
    const int words_before = follow.empty() ? 0 : CountWords(text.data() + a, b - a);

    Session_BeforeEdit(views.session, g_overlay.key.c_str());
    text.replace(pos, removed, inserted, inserted_len);

    if (!follow.empty()) {
        const int words_after = CountWords(text.data() + a, b - removed + inserted_len - a);
        const uint64_t hash = TextLayout_Hash(text.data(), text.size());
        for (ProseLayout* l : follow) {
            TextLayout_Edit(l->lines, pos, removed, inserted_len);
            l->words += words_after - words_before;
            l->hash = hash;
            Stamp(*l, views.session, text);
        }
    }
    return true;
}

bool Prose_Input(Views& views, const std::string& text)
{
    std::string* target = parley::find_text_field(views.session.doc, g_overlay.key);
    if (!target) { Prose_StopEditing(views); return false; }
    if (*target != text) {
        Session_BeforeEdit(views.session, g_overlay.key.c_str());
        *target = text;
    }
    return true;
}

bool Prose_LayoutPending() { return g_wrap_pending; }

float Prose_CaretY(size_t offset)
{
    const ProseOverlay& o = g_overlay;
    for (const auto& [id, l] : g_layouts) {
        if (l.key != o.key || l.lines.size == 0) continue;
        const TextLayout& tl = l.lines;
        double line = 0;
        if (offset <= tl.starts.back() || tl.complete) {
            line = (double)(std::upper_bound(tl.starts.begin(), tl.starts.end(), (uint32_t)offset) - tl.starts.begin() - 1);
        } else {   // not wrapped so far yet: where it would be at the density estimated for the rest
            const double known = (double)tl.starts.size() - 1, all = (double)TextLayout_EstimatedLines(tl, o.font_size * 0.5f);
            const double left = (double)(tl.size - tl.starts.back());
            line = known + (all - known) * (double)(offset - tl.starts.back()) / std::max(1.0, left);
        }
        return o.pad_y + (float)line * o.line_height;
    }
    return 0;
}

uint64_t Prose_CharactersMeasured()
{
    uint64_t n = 0;
    for (const auto& [id, l] : g_layouts) n += l.lines.measured;
    return n;
}

// Advances of the body font at the size drawn, for text_layout's wrapping.
static float g_other_scale = 1;
static float OtherAdvance(const void* user, unsigned int c)
{
    return ((const ImFont*)user)->GetCharAdvance((ImWchar)c) * g_other_scale;
}

static const TextMetrics& Metrics(ImFont* font, float font_size)
{
    static float ascii[128];
    static TextMetrics m;
    static const ImFont* for_font = nullptr;
    static float for_size = 0;
    if (for_font != font || for_size != font_size) {
        const float scale = font_size / font->FontSize;
        for (int c = 0; c < 128; c++) ascii[c] = font->GetCharAdvance((ImWchar)c) * scale;
        m.ascii = ascii;
        m.other = OtherAdvance;
        m.user = font;
        g_other_scale = scale;
        for_font = font;
        for_size = font_size;
    }
    return m;
}

static ProseLayout& Layout(Views& views, ImGuiID id, const std::string& key, const std::string& text, float font_size, float width)
{
    ProseLayout& l = g_layouts[id];
    const EditSession& s = views.session;
    if (l.key != key || !IsCurrent(l, s, text)) {
        const uint64_t hash = TextLayout_Hash(text.data(), text.size());
        if (l.key != key || l.hash != hash || l.lines.size != text.size()) {
            l.key = key;
            l.hash = hash;
            l.words = parley::count_words(text);
            TextLayout_Reset(l.lines, width, font_size, text.size());
        }
        Stamp(l, s, text);
    }
    if (l.lines.width != width || l.lines.font_size != font_size) TextLayout_Reset(l.lines, width, font_size, text.size());
    return l;
}

// Wraps on until a line starts beyond byte `to`, or the text ends.
static void WrapTo(TextLayout& tl, const std::string& text, const TextMetrics& m, size_t to)
{
    while (!tl.complete && tl.starts.back() <= to)
        if (TextLayout_Extend(tl, text.data(), text.size(), m, 0, to - tl.starts.back() + 1, kWrapMaxPerField) == 0) break;
}

void Prose_PlaceWindow(Views& views, const std::string& text, size_t caret, size_t* begin, size_t* end)
{
    *begin = 0;
    *end = text.size();
    for (auto& [id, l] : g_layouts) {
        if (l.key != g_overlay.key || l.lines.width <= 0) continue;
        TextLayout& tl = Layout(views, id, l.key, text, l.lines.font_size, l.lines.width).lines;
        caret = std::min(caret, text.size());
        const size_t lo = caret > kProseWindowHalf ? caret - kProseWindowHalf : 0, hi = caret + kProseWindowHalf;
        WrapTo(tl, text, Metrics(Fonts_Get(Font_Body), tl.font_size), hi);
        *begin = *(std::upper_bound(tl.starts.begin(), tl.starts.end(), (uint32_t)lo) - 1);
        const auto after = std::lower_bound(tl.starts.begin(), tl.starts.end(), (uint32_t)std::min(hi, text.size()));
        if (after != tl.starts.end() && hi < text.size()) *end = *after;
        return;
    }
}

// The character offset nearest a point in the drawn text, so the caret lands where the user clicked.
static int CaretAt(const std::string& text, const TextLayout& l, ImFont* font, float font_size, ImVec2 local, float line_h, size_t* byte)
{
    *byte = 0;
    if (text.empty()) return 0;
    const int drawn = (int)l.starts.size() - (l.complete ? 0 : 1);   // lines whose end is known
    if (drawn <= 0) { *byte = l.starts.back(); return (int)parley::utf16_units(text.c_str(), l.starts.back()); }
    int line = (int)(local.y / line_h);
    line = std::clamp(line, 0, drawn - 1);
    const char* s = text.c_str() + l.starts[line];
    const char* e = text.c_str() + TextLayout_LineEnd(l, text.c_str(), line);
    float x = 0;
    while (s < e) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, s, e);
        const float adv = font->GetCharAdvance((ImWchar)c) * font_size / font->FontSize;
        if (x + adv * 0.5f > local.x) break;
        x += adv;
        s += n > 0 ? n : 1;
    }
    *byte = (size_t)(s - text.c_str());
    return (int)parley::utf16_units(text.c_str(), *byte);   // the textarea counts UTF-16 units
}

bool ProseField(Views& views, const char* label, const std::string& key, const std::string& text,
                float width, const char* hint, int min_lines, int* words)
{
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const float z = views.zoom;
    ImFont* font = Fonts_Get(Font_Body);
    const float font_size = ImGui::GetFontSize();
    const float line_h = IM_ROUND(font_size * kLineSpacing);
    const ImVec2 pad(IM_ROUND(12 * z), IM_ROUND(10 * z));
    const ImGuiID id = window->GetID(key.c_str());
    const bool editing = g_overlay.key == key;

    ProseLayout& layout = Layout(views, id, key, text, font_size, width - pad.x * 2);
    if (words) *words = layout.words;

    // The label above, with the field's word count on the right.
    const float start_x = ImGui::GetCursorScreenPos().x;
    ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().text_muted);
    ImGui::TextUnformatted(label);
    // On the right: who wrote what (once the draft has a history, each field offers its own:
    // the panel lists the revisions that changed it; a button, so the keyboard reaches it as the
    // mouse does), then the word count. The left of the label row is the comment marker's.
    char count[32] = "";
    if (layout.words > 0) snprintf(count, sizeof(count), "%d %s", layout.words, layout.words == 1 ? "word" : "words");
    const float count_w = count[0] ? ImGui::CalcTextSize(count).x : 0.0f;
    if (!views.session.doc.revisions.empty()) {
        ImGui::PushFont(Fonts_Get(Font_Small));
        const float button_w = ImGui::CalcTextSize("History").x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine();
        ImGui::SetCursorScreenPos(ImVec2(start_x + width - count_w - (count[0] ? 12 * z : 0) - button_w, ImGui::GetCursorScreenPos().y + 2 * z));
        if (QuietButton(("History##history/" + key).c_str())) FieldHistoryView_Open(views, key, label);
        ImGui::PopFont();
    }
    if (count[0]) {
        ImGui::SameLine();
        ImGui::SetCursorScreenPos(ImVec2(start_x + width - count_w, ImGui::GetCursorScreenPos().y));
        ImGui::TextUnformatted(count);
    }
    ImGui::PopStyleColor();

    // Wrap as far as the lines in view (and a little more each frame, until the whole text is
    // wrapped): the height of the part not wrapped yet is estimated from the part that is.
    TextLayout& tl = layout.lines;
    const TextMetrics& metrics = Metrics(font, font_size);
    {
        const float text_top = window->DC.CursorPos.y + pad.y;
        const ImRect& clip = window->ClipRect;
        size_t need = 0;
        if (!tl.complete && text_top < clip.Max.y) {
            const double last = std::floor((clip.Max.y - text_top) / line_h);
            const double first = std::floor((clip.Min.y - text_top) / line_h);
            if (first <= (double)TextLayout_EstimatedLines(tl, metrics.ascii[(int)'n'])) need = (size_t)std::max(0.0, last);
        }
        if (!tl.complete) TextLayout_Extend(tl, text.data(), text.size(), metrics, need, 0, kWrapMaxPerField);
        if (!tl.complete && g_wrap_budget > 0)
            g_wrap_budget -= std::min(g_wrap_budget, TextLayout_Extend(tl, text.data(), text.size(), metrics, 0, g_wrap_budget, g_wrap_budget));
        if (!tl.complete) g_wrap_pending = true;
    }
    const int lines = (int)std::min<size_t>(std::max<size_t>(TextLayout_EstimatedLines(tl, metrics.ascii[(int)'n']), std::max(min_lines, 1)), 1u << 30);
    float height = lines * line_h + pad.y * 2;
    // Edited through a window (see ProseOverlay): the textarea holds lines [win_first, win_last)
    // and is as tall as the browser wraps them; the app's lines after it move by the difference.
    ProseOverlay& o = g_overlay;
    bool windowed = editing && o.windowed;
    size_t win_first = 0, win_last = 0;
    float win_shift = 0;
    if (windowed) {
        WrapTo(tl, text, metrics, o.window_end);
        const std::vector<uint32_t>& st = tl.starts;
        const auto first = std::lower_bound(st.begin(), st.end(), (uint32_t)o.window_begin);
        const auto last = std::lower_bound(st.begin(), st.end(), (uint32_t)o.window_end);
        const bool to_end = o.window_end == text.size();
        if (o.window_end > text.size() || first == st.end() || *first != o.window_begin ||
            (!to_end && (last == st.end() || *last != o.window_end))) {
            o.window_stale = true;   // a re-wrap moved its first line: the platform takes a new window
            windowed = false;
        } else {
            win_first = (size_t)(first - st.begin());
            win_last = to_end ? std::max((size_t)lines, win_first) : (size_t)(last - st.begin());
            const float app_h = (float)(win_last - win_first) * line_h;
            win_shift = (o.page_height > 0 ? o.page_height : app_h) - app_h;
            height += win_shift;
            o.window_top = pad.y + (float)win_first * line_h;
        }
    } else if (editing && o.page_height > 0) {
        height = std::max(height, o.page_height);
    }
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, ImVec2(pos.x + width, pos.y + height));
    ImGui::ItemSize(bb);
    const std::string item_label = std::string(label) + "##" + key;
    const bool shown = ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_Inputable);
    ItemHooks_Describe(A11yRole::Textbox, A11yState_Multiline, label);
    ItemHooks_DescribeValue(text.data(), text.size(), hint);
    if (!shown) {   // scrolled out of view
        if (editing) {   // still being edited: the overlay stays, clipped away with the field
            g_overlay.drawn = true;
            g_overlay.x = bb.Min.x; g_overlay.y = bb.Min.y; g_overlay.w = width; g_overlay.h = height;
        }
        return editing;
    }
    bool hovered = false, held = false;
    const bool pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held, ImGuiButtonFlags_PressedOnClick);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    ImGuiContext& g = *GImGui;   // IMGUI_TEST_ENGINE_ITEM_INFO expects it
    IMGUI_TEST_ENGINE_ITEM_INFO(id, item_label.c_str(), ImGui::GetItemStatusFlags() | ImGuiItemStatusFlags_Inputable);
    // A right click offers the field's history too, as a word processor's context menu would.
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) ImGui::OpenPopup(id);
    if (ImGui::BeginPopupEx(id, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::MenuItem("Who wrote what...")) FieldHistoryView_Open(views, key, label);
        ImGui::EndPopup();
    }

    if (pressed && !editing) {
        Prose_StopEditing(views);   // one field at a time
        g_overlay.key = key;
        g_overlay.label = label;
        g_overlay.focus = true;
        const ImGuiIO& io = ImGui::GetIO();
        const bool by_mouse = bb.Contains(io.MousePos) && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
        g_overlay.caret = -1;
        g_overlay.caret_byte = text.size();
        if (by_mouse) g_overlay.caret = CaretAt(text, tl, font, font_size, ImVec2(io.MousePos.x - bb.Min.x - pad.x, io.MousePos.y - bb.Min.y - pad.y), line_h, &g_overlay.caret_byte);
    }
    const bool now_editing = g_overlay.key == key;

    // The box; its text is drawn by ImGui except while the page's textarea lies over it.
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImU32 bg = ImGui::GetColorU32(now_editing ? ImGuiCol_FrameBgActive : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
    window->DrawList->AddRectFilled(bb.Min, bb.Max, bg, style.FrameRounding);
    const ImU32 border = now_editing ? ImGui::GetColorU32(ImGuiCol_NavHighlight) : ImGui::GetColorU32(ImGuiCol_Border);
    window->DrawList->AddRect(bb.Min, bb.Max, border, style.FrameRounding, 0, now_editing ? 2.0f * z : std::max(1.0f, style.FrameBorderSize));
    ImGui::RenderNavHighlight(bb, id);
    if (!now_editing || windowed) {
        const ImVec2 origin(bb.Min.x + pad.x, bb.Min.y + pad.y + IM_ROUND((line_h - font_size) * 0.5f));
        if (text.empty()) {
            if (hint) {
                ImGui::PushClipRect(bb.Min, bb.Max, true);
                window->DrawList->AddText(font, font_size, origin, Theme_Colors().text_muted, hint);
                ImGui::PopClipRect();
            }
        } else {
            const ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
            const ImU32 selected = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
            const bool all_selected = windowed && o.all_selected;
            const ImRect clip = window->ClipRect;
            // Only the lines in view are drawn, each measured over its own bytes.
            const size_t drawn = tl.starts.size() - (tl.complete ? 0 : 1);   // lines whose end is known
            auto draw_lines = [&](size_t from, size_t to, float dy) {
                from = std::max(from, (size_t)std::max(0.0f, std::floor((clip.Min.y - origin.y - dy) / line_h)));
                for (size_t i = from; i < std::min(to, drawn); i++) {
                    const float y = origin.y + i * line_h + dy;
                    if (y > clip.Max.y) break;
                    const char* s = text.c_str() + tl.starts[i];
                    const char* e = text.c_str() + TextLayout_LineEnd(tl, text.c_str(), i);
                    if (all_selected) {
                        const float top = bb.Min.y + pad.y + i * line_h + dy;
                        const float w = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, s, e).x;
                        window->DrawList->AddRectFilled(ImVec2(origin.x, top), ImVec2(origin.x + w, top + line_h), selected);
                    }
                    window->DrawList->AddText(font, font_size, ImVec2(origin.x, y), col, s, e);
                }
            };
            if (windowed) {
                draw_lines(0, win_first, 0);
                draw_lines(win_last, drawn, win_shift);
            } else {
                draw_lines(0, drawn, 0);
            }
        }
    }

    if (now_editing) {
        o.drawn = true;
        o.x = bb.Min.x; o.y = bb.Min.y; o.w = width; o.h = height;
        o.clip_x0 = window->ClipRect.Min.x; o.clip_y0 = window->ClipRect.Min.y;
        o.clip_x1 = window->ClipRect.Max.x; o.clip_y1 = window->ClipRect.Max.y;
        o.font_size = font_size; o.line_height = line_h; o.pad_x = pad.x; o.pad_y = pad.y;
        // Keep the caret in view while typing runs past the bottom of the window.
        if (o.caret_moved && o.caret_y >= 0) {
            o.caret_moved = false;
            const float caret_top = bb.Min.y + o.caret_y, caret_bottom = caret_top + line_h;
            const float margin = line_h;
            if (caret_bottom + margin > window->ClipRect.Max.y)
                ImGui::SetScrollY(window, window->Scroll.y + caret_bottom + margin - window->ClipRect.Max.y);
            else if (caret_top - margin < window->ClipRect.Min.y)
                ImGui::SetScrollY(window, std::max(0.0f, window->Scroll.y - (window->ClipRect.Min.y - (caret_top - margin))));
        }
    }
    return now_editing;
}

// ImGui's text input ends a text at its first NUL, so a one-line field holding one (from a
// file) shows and edits it as U+2400 (the symbol for NUL) and writes NUL back: editing the
// field keeps what follows it. A text holding both keeps the symbols as typed.
static const char kNulSymbol[] = "\xE2\x90\x80";

static std::string Replaced(const std::string& text, const std::string& from, const std::string& to)
{
    std::string out;
    size_t at = 0;
    for (size_t found; (found = text.find(from, at)) != std::string::npos; at = found + from.size())
        out.append(text, at, found - at).append(to);
    return out.append(text, at, std::string::npos);
}

bool LineField(Views& views, const char* label_id, const std::string& key, std::string* text, float width, const char* hint)
{
    const bool nul = text->find('\0') != std::string::npos;
    // Edited as a copy, so the change is recorded before it lands.
    std::string copy = nul ? Replaced(*text, std::string(1, '\0'), kNulSymbol) : *text;
    ImGui::SetNextItemWidth(width);
    const bool changed = hint ? ImGui::InputTextWithHint(label_id, hint, &copy) : ImGui::InputText(label_id, &copy);
    ItemHooks_DescribeValue(copy.data(), copy.size(), hint);
    if (changed && nul && text->find(kNulSymbol) == std::string::npos) copy = Replaced(copy, kNulSymbol, std::string(1, '\0'));
    if (changed) {
        Session_BeforeEdit(views.session, key.c_str());
        *text = std::move(copy);
    }
    if (ImGui::IsItemDeactivated()) Session_EndGroup(views.session);
    return changed;
}
