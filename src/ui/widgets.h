// Small pieces every editor draws the same way: muted labels above fields, section headings
// the outline can jump to, cards around a question, rules as wide as the text column.
#pragma once
#include "imgui.h"

#include <string>

struct Views;

void LabelAbove(const char* text);
void Rule(float width);                       // a hairline as wide as the column (Separator spans the window)
void MutedText(const char* text);             // wrapped, in the muted colour
void WrappedText(const char* text);           // ImGui::TextWrapped, read by the accessibility mirror
// A heading for a part of the document. `anchor` is what the outline jumps to: when
// views.editor.scroll_to names it, the page scrolls so the heading is at the top.
void SectionHeading(Views& views, const char* text, const std::string& anchor);
void ScrollHereIfAsked(Views& views, const std::string& anchor);
// Before the first field of the part `anchor`: if that part was just added, the field takes
// the keyboard (and a text field starts being edited).
void FocusIfAdded(Views& views, const std::string& anchor);
// True while `anchor` is to be scrolled to or kept at the top after a jump: its lazy block
// (lazy_blocks.h) must be drawn wherever it is.
bool ScrollWanted(const Views& views, const std::string& anchor);
// A card: a paper-coloured rounded box drawn behind whatever is drawn between Begin and End.
void BeginCard(float width, float zoom);
void EndCard(float zoom);
// A quiet button for actions beside content ("Move up", "Remove"), sized to its text.
bool QuietButton(const char* label);
// Buttons and checkboxes that keep their names while scrolled out of view (the mirror reads
// past the window's edge; ImGui names an item only once it is in view).
bool PlainButton(const char* label, const ImVec2& size = ImVec2(0, 0));
bool PlainSmallButton(const char* label);
bool PlainCheckbox(const char* label, bool* v);
// ImGui's Selectable and RadioButton, with what the accessibility mirror needs to know and
// ImGui's hooks do not say: whether the choice is the selected one.
bool SelectableItem(const char* label, bool selected = false, int selectable_flags = 0, const ImVec2& size = ImVec2(0, 0));
bool RadioItem(const char* label, bool active);
// Radio buttons between BeginRadios and EndRadios are one group, read as `name` (a radiogroup
// in the accessibility mirror) and one Tab stop (WAI-ARIA's radio group): the checked one, or
// the first while none is (`any_checked` false); the arrow keys move between them, Space or
// Enter chooses. Without it every radio would be a Tab stop of its own.
void BeginRadios(const char* name, bool any_checked);
// The last item's tooltip: shown on hover (`hovered_flags`: ImGuiHoveredFlags), and always
// its description for a screen reader, who never hovers.
void ItemTooltip(const char* text, int hovered_flags = 0);
void EndRadios();
// Puts the next item (`width` wide) on this line when it fits in the window, else on a new
// line: a row of choices wraps in a narrow window (400 % zoom, a phone) instead of running off
// its edge. RadioWidth: what RadioItem(label) takes.
void SameLineIfRoom(float width, float spacing);
float RadioWidth(const char* label);
// ImGui 1.90's BeginCombo reports no label to the item hooks, so browser tests (and the
// accessibility mirror) could not find a combo by name. This one does. Ends with ImGui::EndCombo.
// `a11y_name`, when given, is what a screen reader calls it where the label above it does not
// say (a row's combo: "Position of LGA").
bool BeginNamedCombo(const char* label, const char* preview, int combo_flags = 0, const char* a11y_name = nullptr);
// The longest start of `text` that fits `width` in the current font, with an ellipsis when cut
// (never inside a character, no space before the ellipsis).
std::string FitText(const std::string& text, float width);
// Text that matters on its own (an answer's word count against its limit): drawn like
// TextUnformatted, but reported to the item hooks with `text` as its label, so tests and the
// screen-reader mirror can read it. `id` keeps it apart from others like it.
void NamedText(const std::string& id, const char* text, unsigned int color, float wrap_width = 0);   // 0: one line

// A view that takes the editor's place (the compare view, the merge view): one window over the
// whole work area, no title, padded like the page. Ends with ImGui::End.
void BeginViewWindow(const char* name, float zoom, int extra_window_flags = 0);
