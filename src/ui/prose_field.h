// Long text that people spend hours in (reasoning, evidence, rationale), edited as in a word
// processor. ImGui draws the text wrapped to the column with comfortable line spacing; a click
// (or Enter on the focused field) puts a real <textarea> from the page exactly over it, so
// spell-checking (en-GB), dead keys, IME, the OS clipboard and tablet keyboards all come from
// the browser. Every change typed there reaches the document through the field's key, as an
// undoable edit grouped per field (see Prose_Input). One field is edited at a time.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

struct Views;

// `key` names the field for the document ("<object id>/<member>", see core/text_fields.h);
// `text` is its current value; `label` is what items() and screen readers call it.
// Returns true while this field is the one being edited. `words`, when given, receives the
// field's word count (counted once per change of the text, with its line breaks).
bool ProseField(Views& views, const char* label, const std::string& key, const std::string& text,
                float width, const char* hint, int min_lines = 3, int* words = nullptr);

// A one-line text field for short things (names, headings, units) with the app's undo rules:
// edits are recorded before they land, grouped until the field is left.
// Returns true when the text changed this frame.
bool LineField(Views& views, const char* label_id, const std::string& key, std::string* text, float width,
               const char* hint = nullptr);

// ---------------------------------------------------------------------------------------
// The overlay, as the platform layer sees it. The app fills it while drawing; after the
// frame the platform places the page's <textarea> from it (or hides it), and feeds back what
// the page measured and what the user typed.

struct ProseOverlay {
    std::string key;                // field being edited ("" = none)
    std::string label;              // its label, for the textarea's aria-label
    bool  drawn = false;            // the field was drawn this frame; if not, editing ends
    bool  focus = false;            // editing just began: focus the textarea, put the caret at `caret`
    int   caret = -1;               // caret in UTF-16 units (what the textarea counts), -1: end
    float x = 0, y = 0, w = 0, h = 0;                  // the text box, display coordinates
    float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;   // the visible part of its window
    float font_size = 16, line_height = 24, pad_x = 0, pad_y = 0;
    // From the page: the height the text needs in the textarea (its wrapping may differ from
    // ImGui's by a word), and where the caret is, so the document scrolls to keep it in view.
    float page_height = 0;
    float caret_y = -1;
    bool  caret_moved = false;
    size_t caret_byte = 0;          // where editing began, in bytes of the field (with `caret`)

    // A field longer than kProseWindowFrom is never put whole in the textarea: Chromium takes
    // seconds to lay out a paragraph of megabytes at each change. The textarea holds a window
    // of it around the caret, from one of the app's own line starts to another, so the browser
    // wraps it as the app does; the app draws the lines before and after it, those after moved
    // by the difference between the textarea's height and its own for the window's lines.
    bool   windowed = false;
    size_t window_begin = 0, window_end = 0;   // bytes of the field the textarea holds
    float  window_top = 0;        // from the top of the field to the window's first line
    bool   window_stale = false;  // window_begin is no longer a line start (a re-wrap moved it)
    bool   all_selected = false;  // Ctrl+A in a windowed field: the whole text, not the window
};

// Fields longer than this (bytes) are edited through a window of about kProseWindowHalf bytes
// each side of the caret.
const size_t kProseWindowFrom = 64 * 1024;
const size_t kProseWindowHalf = 12 * 1024;

ProseOverlay& Prose_Overlay();
void Prose_BeginFrame();                          // before App_Frame
void Prose_StopEditing(Views& views);            // focus left the textarea (or Escape, Tab)
// Text typed in the textarea (the whole field each time). Returns false when the field no
// longer exists (its question was removed by an undo): editing stops.
bool Prose_Input(Views& views, const std::string& text);
// A change typed in the textarea, as what it replaced: `removed` bytes at byte `pos` of the
// field became `inserted` (any bytes, NUL included). Only the lines and words around it are
// found again, so typing in a field of megabytes costs what typing in a short one does.
// Returns false when the field no longer exists, or `pos`/`removed` do not fit its text.
bool Prose_Splice(Views& views, size_t pos, size_t removed, const char* inserted, size_t inserted_len);
// The window of the field being edited (its current `text`) around byte `caret`: line starts
// of the app's wrap about kProseWindowHalf bytes each side, the end at the text's end if near.
// Wraps as far as needed (bounded per call), so it may take a moment for a text of megabytes.
void Prose_PlaceWindow(Views& views, const std::string& text, size_t caret, size_t* begin, size_t* end);
// How far below the top of the field being edited its byte `offset` is drawn, by the app's own
// lines (the page measures this itself for short texts only).
float Prose_CaretY(size_t offset);
// Some field is not wrapped to its end yet: the shell keeps drawing frames until it is.
bool Prose_LayoutPending();
// Characters measured for wrapping since start-up (tests and benchmarks count the work).
uint64_t Prose_CharactersMeasured();
