#include "prose_field.h"

#include "views.h"
#include "field_history_view.h"
#include "widgets.h"
#include "core/document.h"
#include "core/text_fields.h"
#include "fonts.h"
#include "theme.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"

#include <algorithm>
#include <unordered_map>

static ProseOverlay g_overlay;

ProseOverlay& Prose_Overlay() { return g_overlay; }

void Prose_BeginFrame()
{
    g_overlay.drawn = false;
}

void Prose_StopEditing(Views& views)
{
    if (g_overlay.key.empty()) return;
    g_overlay = ProseOverlay{};
    Session_EndGroup(views.session);   // the next burst of typing is a new undo step
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

// Prose reads better with air between lines than ImGui's tight default.
static const float kLineSpacing = 1.5f;

// Where the lines of a text break at a width: cached per field, because wrapping every prose
// field of a long response on every frame would cost more than drawing it.
struct ProseLayout {
    ImU32 hash = 0;
    size_t size = 0;
    float width = 0, font_size = 0;
    std::vector<int> line_starts;   // byte offsets; a line ends where the next starts (or at a '\n')
    int words = 0;
};
static std::unordered_map<ImGuiID, ProseLayout> g_layouts;

static const ProseLayout& Layout(ImGuiID id, const std::string& text, ImFont* font, float font_size, float width)
{
    ProseLayout& l = g_layouts[id];
    const ImU32 hash = ImHashStr(text.data(), text.size());
    if (l.hash == hash && l.size == text.size() && l.width == width && l.font_size == font_size && !l.line_starts.empty())
        return l;
    l.hash = hash;
    l.size = text.size();
    l.width = width;
    l.font_size = font_size;
    l.line_starts.clear();
    l.words = parley::count_words(text);
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    const char* s = begin;
    const float scale = font_size / font->FontSize;
    do {
        l.line_starts.push_back((int)(s - begin));
        const char* line_end = (const char*)memchr(s, '\n', end - s);
        if (!line_end) line_end = end;
        const char* wrap = font->CalcWordWrapPositionA(scale, s, line_end, width);
        if (wrap == s && s < line_end) wrap = s + 1;   // a glyph wider than the box: take it anyway
        if (wrap >= line_end) {
            s = line_end < end ? line_end + 1 : end;   // past the newline
            if (line_end == end) break;
        } else {
            s = wrap;
            while (s < line_end && *s == ' ') s++;   // a wrapped line does not start with spaces
        }
    } while (s <= end && (s < end || (s == end && end > begin && end[-1] == '\n')));
    return l;
}

static const char* LineEnd(const std::string& text, const ProseLayout& l, size_t i)
{
    const char* begin = text.c_str();
    const char* e = i + 1 < l.line_starts.size() ? begin + l.line_starts[i + 1] : begin + text.size();
    while (e > begin + l.line_starts[i] && (e[-1] == '\n' || e[-1] == ' ')) e--;
    return e;
}

// The textarea counts UTF-16 units; the document holds UTF-8.
static int Utf16Units(const char* s, const char* e)
{
    int n = 0;
    for (; s < e; s++) {
        const unsigned char c = (unsigned char)*s;
        if ((c & 0xC0) == 0x80) continue;
        n += c >= 0xF0 ? 2 : 1;
    }
    return n;
}

// The character offset nearest a point in the drawn text, so the caret lands where the user clicked.
static int CaretAt(const std::string& text, const ProseLayout& l, ImFont* font, float font_size, ImVec2 local, float line_h)
{
    if (text.empty()) return 0;
    int line = (int)(local.y / line_h);
    line = std::clamp(line, 0, (int)l.line_starts.size() - 1);
    const char* s = text.c_str() + l.line_starts[line];
    const char* e = LineEnd(text, l, line);
    float x = 0;
    while (s < e) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, s, e);
        const float adv = font->GetCharAdvance((ImWchar)c) * font_size / font->FontSize;
        if (x + adv * 0.5f > local.x) break;
        x += adv;
        s += n > 0 ? n : 1;
    }
    return Utf16Units(text.c_str(), s);
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

    const ProseLayout& layout = Layout(id, text, font, font_size, width - pad.x * 2);
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

    const int lines = std::max((int)layout.line_starts.size(), std::max(min_lines, 1));
    float height = lines * line_h + pad.y * 2;
    if (editing && g_overlay.page_height > 0) height = std::max(height, g_overlay.page_height);
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, ImVec2(pos.x + width, pos.y + height));
    ImGui::ItemSize(bb);
    const std::string item_label = std::string(label) + "##" + key;
    if (!ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_Inputable)) {   // scrolled out of view
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
        g_overlay.caret = by_mouse ? CaretAt(text, layout, font, font_size, ImVec2(io.MousePos.x - bb.Min.x - pad.x, io.MousePos.y - bb.Min.y - pad.y), line_h) : -1;
    }
    const bool now_editing = g_overlay.key == key;

    // The box; its text is drawn by ImGui except while the page's textarea lies over it.
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImU32 bg = ImGui::GetColorU32(now_editing ? ImGuiCol_FrameBgActive : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
    window->DrawList->AddRectFilled(bb.Min, bb.Max, bg, style.FrameRounding);
    const ImU32 border = now_editing ? ImGui::GetColorU32(ImGuiCol_NavHighlight) : ImGui::GetColorU32(ImGuiCol_Border);
    window->DrawList->AddRect(bb.Min, bb.Max, border, style.FrameRounding, 0, now_editing ? 2.0f * z : std::max(1.0f, style.FrameBorderSize));
    ImGui::RenderNavHighlight(bb, id);
    if (!now_editing) {
        const ImVec2 origin(bb.Min.x + pad.x, bb.Min.y + pad.y + IM_ROUND((line_h - font_size) * 0.5f));
        if (text.empty()) {
            if (hint) {
                ImGui::PushClipRect(bb.Min, bb.Max, true);
                window->DrawList->AddText(font, font_size, origin, Theme_Colors().text_muted, hint);
                ImGui::PopClipRect();
            }
        } else {
            const ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
            const ImRect clip = window->ClipRect;
            for (size_t i = 0; i < layout.line_starts.size(); i++) {
                const float y = origin.y + i * line_h;
                if (y + line_h < clip.Min.y) continue;   // only the lines in view are drawn
                if (y > clip.Max.y) break;
                window->DrawList->AddText(font, font_size, ImVec2(origin.x, y), col, text.c_str() + layout.line_starts[i], LineEnd(text, layout, i));
            }
        }
    }

    if (now_editing) {
        ProseOverlay& o = g_overlay;
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

bool LineField(Views& views, const char* label_id, const std::string& key, std::string* text, float width, const char* hint)
{
    std::string copy = *text;   // edited as a copy, so the change is recorded before it lands
    ImGui::SetNextItemWidth(width);
    const bool changed = hint ? ImGui::InputTextWithHint(label_id, hint, &copy) : ImGui::InputText(label_id, &copy);
    if (changed) {
        Session_BeforeEdit(views.session, key.c_str());
        *text = std::move(copy);
    }
    if (ImGui::IsItemDeactivated()) Session_EndGroup(views.session);
    return changed;
}
