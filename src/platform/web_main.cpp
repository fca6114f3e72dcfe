// Browser entry points. The page's script (web/shell.js) owns the DOM: it listens to
// pointer, wheel, keyboard, text, clipboard and resize events and calls the parley_*
// functions below; it also runs the frame loop, asking for frames only while parley_frame
// says it needs them. This file turns those calls into ImGui input and draws with WebGL2.
//
// Index of this file
//   What the page and the wasm share
//   Input plumbing
//   Start-up and size
//   Autosave
//   The prose overlay
//   Requests carried out after the frame
//   The frame
//   Input from the page
//   Documents, items and the prose textarea
//   Share links
#include <emscripten.h>
#include <emscripten/html5.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include "imgui.h"
#include "imgui_internal.h"   // InputEventsQueue

#include "core/assert.h"
#include "core/document_json.h"
#include "core/file_names.h"
#include "ui/app.h"
#include "ui/fonts.h"
#include "ui/a11y_mirror.h"
#include "ui/item_hooks.h"
#include "ui/focus_recovery.h"
#include "ui/lazy_blocks.h"
#include "ui/prose_field.h"
#include "core/utf8.h"
#include "ui/share_link_modal.h"
#include "ui/autosave_ui.h"
#include "ui/compare_view.h"
#include "core/text_fields.h"
#include "ui/theme.h"
#include "web_keys.h"
#include "present.h"
#include "webgl_renderer.h"

#include <nlohmann/json.hpp>
#include <algorithm>
#include <cfloat>
#include <cstring>
#include <ctime>
#include <memory>
#include <new>
#include <vector>
#include <string>

// Implemented in web/parley_library.js.
extern "C" {
void parley_js_clipboard_write(const char* utf8);
void parley_js_set_cursor(int imgui_cursor);
void parley_js_set_text_input(int active, float x, float y, float line_height);
void parley_js_set_title(const char* utf8);
void parley_js_open_file();
void parley_js_download(const char* name, const char* mime, const char* text);
void parley_js_autosave(const char* text, int length, const char* draft_id, const char* title, const char* organisation);
void parley_js_autosave_clear(const char* draft_id);
void parley_js_autosave_copy(int action, const char* key);   // 0 restore, 1 download, 2 discard
void parley_js_store_identity(const char* name, const char* organisation);
void parley_js_save_file(const char* name, const char* text, int file_token);
void parley_js_prose(const char* json);
void parley_js_out_of_memory();
void parley_js_share_link(const char* text);   // share links: see "Share links" below
void parley_js_mirror(const char* changes);    // the accessibility mirror's changes (web/mirror.js)
}

// ---------------------------------------------------------------------------------------
// What the page and the wasm share

// The numbers the page and the wasm exchange, written once on each side. The page's side is
// web/shell.js (modsOf, and autosave() in the shell object), web/parley_library.js says the same.
enum PageModifier { PageMod_Ctrl = 1, PageMod_Shift = 2, PageMod_Alt = 4, PageMod_Meta = 8 };
enum AutosaveResult { Autosave_Kept = 0, Autosave_Unavailable = 1, Autosave_Full = 2 };
// What parley_frame returns; any other number is a wait in milliseconds (shell.js frame()).
enum FrameWait { Frame_Next = 0, Frame_Idle = -1 };

static AppState  g_app;
static EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_gl = 0;
static float     g_css_w = 1, g_css_h = 1, g_dpr = 1;
static int       g_fb_w = 1, g_fb_h = 1;
static float     g_fonts_dpr = 0;        // dpr the font atlas was built for
static double    g_last_frame_ms = 0;
static double    g_awake_until_ms = 0;   // keep drawing until then after input (hover delays, trickled events)
static int       g_mods = 0;             // last modifier state from the page: PageModifier bits
static int       g_last_cursor = -2;
static std::string g_last_title;
static std::string g_clipboard;          // ImGui's view of the OS clipboard (see parley_paste)
static std::string g_result;             // storage for strings handed back to JS

// After input, keep drawing for a while and for at least a few frames: ImGui needs more
// than one frame to settle some changes (a popup opens, is measured while hidden, then
// shows), and on a slow or busy machine 600 ms can pass in fewer frames than that.
static int g_frames_owed = 0;

// ---------------------------------------------------------------------------------------
// Input plumbing: waking the loop, clipboard, IME, modifiers

static void Wake()
{
    g_awake_until_ms = emscripten_get_now() + 600.0;
    g_frames_owed = 4;
}

static const char* GetClipboard(void*) { return g_clipboard.c_str(); }

static void SetClipboard(void*, const char* text)
{
    g_clipboard = text ? text : "";
    parley_js_clipboard_write(g_clipboard.c_str());
}

// Moves the page's hidden text element to the caret, so IME candidate windows and
// on-screen keyboards appear in the right place.
static void SetImeData(ImGuiViewport*, ImGuiPlatformImeData* data)
{
    parley_js_set_text_input(data->WantVisible ? 1 : 0, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

static void ApplyMods(int mods)
{
    ImGuiIO& io = ImGui::GetIO();
    g_mods = mods;
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & PageMod_Ctrl) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & PageMod_Shift) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & PageMod_Alt) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & PageMod_Meta) != 0);
}

// ---------------------------------------------------------------------------------------
// Start-up and size: WebGL, ImGui, fonts, the out-of-memory and contract handlers

static void RebuildStyleAndFonts()
{
    Theme_Apply(g_app.theme, g_app.views.zoom);
    Fonts_Build(g_app.views.zoom, g_dpr);
    Renderer_UploadFonts();
    Present_Invalidate();   // same draw lists, new glyphs
    g_fonts_dpr = g_dpr;
    g_app.views.style_dirty = false;
}

// Bytes the heap can still give: what it may grow by, plus what is free inside it.
static size_t HeapLeft()
{
    const struct mallinfo m = mallinfo();
    return emscripten_get_heap_max() - emscripten_get_heap_size() + (size_t)m.fordblks;
}

int main() { return 0; }   // nothing to do until the page calls parley_init

extern "C" {

EMSCRIPTEN_KEEPALIVE void parley_resize(float css_w, float css_h, int fb_w, int fb_h, float dpr)
{
    g_css_w = std::max(css_w, 1.0f);
    g_css_h = std::max(css_h, 1.0f);
    g_fb_w = std::max(fb_w, 1);
    g_fb_h = std::max(fb_h, 1);
    g_dpr = dpr > 0 ? dpr : 1.0f;
    Present_Invalidate();   // a resized canvas is blank until drawn
    Wake();
}

EM_JS(double, NowMs, (), { return Date.now(); });

// "2026-11-23T10:04:05Z": revision times are UTC, to the second.
static std::string UtcNow()
{
    const time_t t = (time_t)(NowMs() / 1000.0);
    struct tm utc;
    gmtime_r(&t, &utc);
    char buf[32];
    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

// 53 random bits from the browser's crypto, so ids made in two browsers never collide.
EM_JS(double, RandomSeed, (), {
    const a = new Uint32Array(2);
    crypto.getRandomValues(a);
    return (a[0] & 0x1FFFFF) * 4294967296 + a[1];
});

// Returns 1 on success, 0 when no WebGL2 context could be made (the page then explains).
// An allocation failed: the heap is at its ceiling (CMakeLists.txt). This build has no
// exceptions, so nothing can unwind: tell the page why before stopping, so it says "out of
// memory" and gives the autosaved draft back (shell.js, stopped()).
static void OutOfMemory()
{
    parley_js_out_of_memory();
    abort();
}

// A failed contract check (core/assert.h) in a user's tab: say where in the console and go on.
// Stopping would lose the draft; the check is there to find the bug, not to punish the user.
static void AssertFailed(const char* expression, const char* file, int line)
{
    fprintf(stderr, "%s:%d: PARLEY_ASSERT(%s) failed\n", file, line, expression);
}

EMSCRIPTEN_KEEPALIVE int parley_init(float css_w, float css_h, int fb_w, int fb_h, float dpr, int is_mac)
{
    std::set_new_handler(OutOfMemory);
    parley::set_assert_handler(AssertFailed);
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.depth = false;
    attrs.stencil = false;
    attrs.antialias = false;   // ImGui anti-aliases its own shapes
    attrs.preserveDrawingBuffer = true;   // a frame redraws only what changed (present.h)
    g_gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (g_gl <= 0) return 0;
    emscripten_webgl_make_context_current(g_gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigMacOSXBehaviors = is_mac != 0;
    io.ConfigInputTrickleEventQueue = true;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;   // Tab, arrows, Space, Escape: usable without a mouse
    io.BackendPlatformName = "parley_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.SetClipboardTextFn = SetClipboard;
    io.GetClipboardTextFn = GetClipboard;
    io.SetPlatformImeDataFn = SetImeData;
    ItemHooks_Install(ImGui::GetCurrentContext());

    parley_resize(css_w, css_h, fb_w, fb_h, dpr);
    App_Init(g_app, (unsigned long long)RandomSeed());
    g_app.memory_left = HeapLeft;   // a file too dense for the heap is refused, not opened into an abort
    Theme_Apply(g_app.theme, g_app.views.zoom);
    Fonts_Build(g_app.views.zoom, g_dpr);
    g_fonts_dpr = g_dpr;
    g_app.views.style_dirty = false;
    io.BackendRendererName = "parley_webgl2";
    if (!Renderer_Init()) return 0;
    Renderer_UploadFonts();   // the atlas built above
    return 1;
}

// A text field of the app has the keyboard: typed characters go to it as text, not keys.
EMSCRIPTEN_KEEPALIVE int parley_wants_text() { return ImGui::GetIO().WantTextInput ? 1 : 0; }

// Number of input events ImGui has not processed yet.
EMSCRIPTEN_KEEPALIVE int parley_input_pending()
{
    return ImGui::GetCurrentContext()->InputEventsQueue.Size;
}

// ---------------------------------------------------------------------------------------
// Autosave

// Autosave: a copy of the open document goes to the browser's storage once typing pauses,
// while it has changes not saved to a file. The page keeps one copy per draft and per tab
// (web/autosave.js), so tabs never overwrite, offer or delete each other's work. Saving the
// draft to a file removes its copy; so does replacing it after the user agreed to discard
// its changes. Writing is asynchronous: the page answers parley_autosave_finished at once,
// and a failure is shown then, not at the next input.
static const double kAutosaveDelayMs = 800;
static int    g_seen_edits = 0;          // app.views.session.edits when last looked at
static double g_last_edit_ms = 0;        // when it last changed
static int    g_autosaved_edits = -1;    // app.views.session.edits when last written to storage
// The draft this tab's copy belongs to ("" none): set when a write is asked for, whether or
// not it lands, so a copy written before storage filled up is still removed by the save.
static std::string g_autosave_draft;

static bool AutosaveDue(double now_ms)
{
    return App_HasUnsavedChanges(g_app) && g_app.views.session.edits != g_autosaved_edits && now_ms - g_last_edit_ms >= kAutosaveDelayMs;
}

// The person's name and organisation (ui/identity.h) live in the browser's storage.
static void StoreIdentity()
{
    if (!g_app.views.identity_changed) return;
    g_app.views.identity_changed = false;
    parley_js_store_identity(g_app.views.me.name.c_str(), g_app.views.me.organisation.c_str());
}

static void Autosave(double now_ms)
{
    if (g_app.views.session.edits != g_seen_edits) { g_seen_edits = g_app.views.session.edits; g_last_edit_ms = now_ms; }
    const parley::Document& doc = g_app.views.session.doc;
    const bool unsaved = App_HasUnsavedChanges(g_app);
    if (!g_autosave_draft.empty() && (!unsaved || g_autosave_draft != doc.id)) {
        // Saved to a file, or replaced by a file or a new draft after the user agreed to lose
        // its changes: its copy goes. Replaced by a restored draft (still unsaved), it stays,
        // kept for the next tab: nothing the user typed is removed without their say.
        if (!unsaved || g_autosave_draft == doc.id) parley_js_autosave_clear(g_autosave_draft.c_str());
        g_autosave_draft.clear();
    }
    if (!unsaved) { g_autosaved_edits = -1; return; }
    if (!AutosaveDue(now_ms)) return;
    g_autosaved_edits = g_app.views.session.edits;
    g_autosave_draft = doc.id;
    const std::string text = parley::export_document(doc);
    const std::string organisation = doc.organisations.empty() ? std::string() : parley::organisation_name(doc.organisations[0]);
    parley_js_autosave(text.c_str(), (int)text.size(), doc.id.c_str(), doc.title.c_str(), organisation.c_str());
}

// How the last write went (AutosaveResult), as soon as the page knows.
EMSCRIPTEN_KEEPALIVE void parley_autosave_finished(int result)
{
    std::string& problem = g_app.autosave_problem;
    if (result == Autosave_Kept) {
        if (!problem.empty()) {
            problem.clear();
            AutosaveNotice_Hide();
            g_app.views.status_message = "Autosave is back on: a copy of your draft is kept in this browser again";
        }
    } else {
        problem = result == Autosave_Unavailable
            ? "This browser does not let Parley keep a copy of your draft (a private window, or a setting "
              "or policy that blocks site storage)."
            : "The browser's storage for Parley is full, so the latest copy of your draft could not be kept "
              "(other sites' data, or other drafts kept by Parley, may be filling it).";
        AutosaveNotice_Show();   // once per visit; the status bar keeps saying it
    }
    Wake();
}

// A title as a file name (core/file_names.h), for the files the page names itself (a kept
// draft downloaded from the recovery list). Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* parley_file_base_name(const char* title)
{
    static std::string name;
    name = parley::file_base_name(title ? title : "");
    return name.c_str();
}

// Drafts kept from earlier visits that no open tab is writing, as the page lists them:
// [{key, title, organisation, size, time, when}]. The list waits for the user's choices.
EMSCRIPTEN_KEEPALIVE void parley_offer_recovery(const char* json)
{
    const nlohmann::json list = nlohmann::json::parse(json ? json : "[]", nullptr, false);
    if (!list.is_array()) return;
    std::vector<RecoveryCopy> copies;
    for (const nlohmann::json& c : list) {
        if (!c.is_object()) continue;
        RecoveryCopy copy;
        copy.key = c.value("key", "");
        copy.title = c.value("title", "");
        copy.organisation = c.value("organisation", "");
        copy.when = c.value("when", "");
        copy.characters = c.value("size", 0.0);
        if (!copy.key.empty()) copies.push_back(std::move(copy));
    }
    Recovery_Offer(std::move(copies));
    Wake();
}

// The text of a kept copy the user chose to restore. Returns 1 when it is the open draft now
// (the page then makes the copy this tab's own), 0 when it could not be read (left as it was)
// or is gone (`length` -1).
EMSCRIPTEN_KEEPALIVE int parley_restore_copy(const char* key, const char* text, int length)
{
    Wake();
    if (!text || length < 0) {   // gone from storage since the list was made
        Recovery_Forget(key ? key : "");
        g_app.views.status_message = "That kept draft is no longer in this browser's storage: another tab restored or discarded it";
        return 0;
    }
    parley::ImportResult r = parley::import_document(std::string(text, (size_t)length));
    if (!r.ok) {
        g_app.views.status_message = "A kept draft could not be read: " + (r.errors.empty() ? std::string() : parley::format_error(r.errors[0])) +
                                     ". It is still kept: download it from the list to look at it.";
        return 0;
    }
    const std::string title = r.document.title;
    ImGui::ClearActiveID();   // a field being typed in would write its old text into the restored draft
    App_SetDocument(g_app, std::move(r.document), true);   // restored work is still not in a file
    g_autosave_draft = g_app.views.session.doc.id;          // its copy is this tab's now
    Recovery_Restored(key ? key : "", title);
    const int others = Recovery_Remaining();
    g_app.views.status_message = "Restored from the browser's storage: save it to a file";
    if (others > 0)
        g_app.views.status_message += ". " + std::to_string(others) + (others == 1 ? " more kept draft is" : " more kept drafts are") +
                                      " offered in a new tab";
    return 1;
}

// The user's choices in the list of kept drafts, carried out by the page after the frame.
static void CarryOutRecoveryRequests()
{
    RecoveryRequest request;
    while (Recovery_TakeRequest(&request))
        parley_js_autosave_copy((int)request.action - 1, request.key.c_str());
}

// ---------------------------------------------------------------------------------------
// The prose overlay

// The page's textarea over the prose field being edited (see ui/prose_field.h). After each
// frame it is placed over the field, or hidden when editing ended; its text is replaced only
// when the document changed under it (undo, redo), never while it already holds that text.
static std::string g_prose_sent;        // the last message sent to the page
static std::string g_prose_page_key;    // the field the textarea holds ("" = hidden)
static std::string g_prose_page_text;   // what the textarea holds: the field, or a window of it
static size_t g_prose_window_begin = 0; // bytes of the field before what the textarea holds
static size_t g_prose_window_after = 0; // and after it
static size_t g_prose_caret = 0;        // the caret as the page last said, bytes of the field
static int g_prose_page_edits = -1;     // the session's counters when the field last held it
static int g_prose_page_generation = -1;

static std::string CssColor(ImU32 c)
{
    char buf[48];
    snprintf(buf, sizeof(buf), "rgba(%u,%u,%u,%.3f)", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF, ((c >> 24) & 0xFF) / 255.0);
    return buf;
}

// Bytes of UTF-8 at the start (or the end) of `s` that hold `units` UTF-16 units, as the
// textarea counts: a character beyond U+FFFF is two.
static size_t Utf8BytesOfUnits(const std::string& s, size_t units, bool from_end)
{
    size_t bytes = 0, counted = 0;
    while (counted < units && bytes < s.size()) {
        size_t n = 1;
        if (!from_end) {
            while (bytes + n < s.size() && ((unsigned char)s[bytes + n] & 0xC0) == 0x80) n++;
            counted += (unsigned char)s[bytes] >= 0xF0 ? 2 : 1;
        } else {
            while (n < s.size() - bytes && ((unsigned char)s[s.size() - bytes - n] & 0xC0) == 0x80) n++;
            counted += (unsigned char)s[s.size() - bytes - n] >= 0xF0 ? 2 : 1;
        }
        bytes += n;
    }
    return bytes;
}

// The text of the field being edited, or null (none, or its object was removed).
static std::string* EditedField()
{
    const ProseOverlay& o = Prose_Overlay();
    return o.key.empty() ? nullptr : parley::find_text_field(g_app.views.session.doc, o.key);
}

// Where the overlay is and how it looks, from the last frame.
static nlohmann::json ProseMessage()
{
    const ProseOverlay& o = Prose_Overlay();
    const ImGuiStyle& style = ImGui::GetStyle();
    return {
        {"show", true}, {"key", o.key}, {"label", o.label},
        {"x", o.x}, {"y", o.y}, {"w", o.w}, {"h", o.h},
        {"clip", {o.clip_x0, o.clip_y0, o.clip_x1, o.clip_y1}},
        {"fontSize", o.font_size}, {"lineHeight", o.line_height}, {"padX", o.pad_x}, {"padY", o.pad_y},
        {"radius", style.FrameRounding}, {"border", std::max(2.0f, 2.0f * g_app.views.zoom)},
        {"background", CssColor(ImGui::GetColorU32(ImGuiCol_FrameBgActive))},
        {"color", CssColor(ImGui::GetColorU32(ImGuiCol_Text))},
        {"borderColor", CssColor(ImGui::GetColorU32(ImGuiCol_NavHighlight))},
        {"selection", CssColor(ImGui::GetColorU32(ImGuiCol_TextSelectedBg))},
        {"windowed", o.windowed}, {"windowTop", o.window_top},
    };
}

static void SendProseMessage(const nlohmann::json& m)
{
    std::string text = m.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text != g_prose_sent) {
        parley_js_prose(text.c_str());
        g_prose_sent = std::move(text);
    }
}

// The field still holds what the textarea holds, where the textarea's window says.
static bool PageMatches(const std::string& field)
{
    return field.size() == g_prose_window_begin + g_prose_page_text.size() + g_prose_window_after &&
           field.compare(g_prose_window_begin, g_prose_page_text.size(), g_prose_page_text) == 0;
}

// Puts the field's text in the textarea: all of it, or for a long field the window around byte
// `caret` (see ProseOverlay), with the caret and the selection's other end (`anchor`, kept
// when it falls in the window) as UTF-16 units of what the textarea holds.
static void TakeWindow(nlohmann::json& m, const std::string& field, size_t caret, size_t anchor)
{
    ProseOverlay& o = Prose_Overlay();
    caret = std::min(caret, field.size());
    size_t b = 0, e = field.size();
    o.windowed = field.size() > kProseWindowFrom;
    if (o.windowed) Prose_PlaceWindow(g_app.views, field, caret, &b, &e);
    o.window_begin = b;
    o.window_end = e;
    o.window_stale = false;
    o.page_height = 0;   // the page measures the new text
    g_prose_window_begin = b;
    g_prose_window_after = field.size() - e;
    g_prose_page_text.assign(field, b, e - b);
    g_prose_caret = caret = std::clamp(caret, b, e);
    if (anchor < b || anchor > e) anchor = caret;
    m["text"] = g_prose_page_text;
    m["caret"] = parley::utf16_units(field.data() + b, caret - b);
    m["anchor"] = parley::utf16_units(field.data() + b, anchor - b);
    m["windowed"] = o.windowed;
    m["atStart"] = b == 0;
    m["atEnd"] = e == field.size();
}

static void UpdateProseOverlay()
{
    ProseOverlay& o = Prose_Overlay();
    // A field that was not drawn (another document, filtered out) or a modal over it ends editing.
    if (!o.key.empty() && (!o.drawn || ImGui::GetTopMostPopupModal() != nullptr)) Prose_StopEditing(g_app.views);
    std::string* target = EditedField();
    if (!o.key.empty() && !target) Prose_StopEditing(g_app.views);   // its question was removed (by an undo)
    if (o.key.empty()) {
        if (!g_prose_page_key.empty()) {
            parley_js_prose("{\"show\":false}");
            g_prose_page_key.clear();
            g_prose_sent.clear();
        }
        return;
    }
    nlohmann::json m = ProseMessage();
    // The field changed under the textarea (undo, redo): only then compare, and send it again.
    // A long field's window is taken again when a re-wrap moved its first line, or the field
    // grew past (or shrank below) the length that needs one.
    const EditSession& session = g_app.views.session;
    const bool unchanged = o.key == g_prose_page_key && session.edits == g_prose_page_edits && session.generation == g_prose_page_generation;
    if (o.key != g_prose_page_key || o.focus || o.window_stale || (target->size() > kProseWindowFrom) != o.windowed ||
        (!unchanged && !PageMatches(*target))) {
        const size_t caret = o.focus ? o.caret_byte : g_prose_caret;
        g_prose_page_key = o.key;
        TakeWindow(m, *target, caret, caret);
    }
    g_prose_page_edits = session.edits;
    g_prose_page_generation = session.generation;
    if (o.focus) {
        m["focus"] = true;
        o.focus = false;
    }
    SendProseMessage(m);
}

// ---------------------------------------------------------------------------------------
// Requests carried out after the frame: files, exports, presentation

// What the app asked for during the frame that only the page can do.
static void CarryOutRequests()
{
    if (g_app.request_open) {
        g_app.request_open = false;
        parley_js_open_file();
    }
    if (g_app.request_save) {
        g_app.request_save = false;
        std::string name;
        const std::string text = App_PrepareSave(g_app, UtcNow(), &name);
        parley_js_save_file(name.c_str(), text.c_str(), g_app.file_token);
    }
    if (g_app.request_export) {
        std::string name;
        const char* mime = "text/plain";
        const std::string text = App_Export(g_app, g_app.export_format, &name, &mime);
        g_app.request_export = false;
        parley_js_download(name.c_str(), mime, text.c_str());
        g_app.views.status_message = "Exported " + name + " to your downloads";
    }
}

// Presentation mode (a workshop's results for a room) asks the browser for the whole screen.
// Browsers only grant it within a few seconds of a click, which the frame that handles the
// click is; if refused, the app still fills the window. The browser's own Escape leaves full
// screen without telling the page's keys, so leaving full screen ends the presentation too
// (the resize that comes with it brings the frame that notices).
static bool g_fullscreen_asked = false;   // we asked for full screen for this presentation
static bool g_fullscreen_seen = false;    // and the browser gave it

static void FollowPresentation()
{
    if (g_app.views.presentation.presenting && !g_fullscreen_asked) {
        g_fullscreen_asked = true;
        g_fullscreen_seen = false;
        EM_ASM({
            const el = document.documentElement;
            if (!document.fullscreenElement && el.requestFullscreen) el.requestFullscreen().catch(() => {});
        });
    } else if (g_app.views.presentation.presenting) {
        const bool full = EM_ASM_INT({ return document.fullscreenElement ? 1 : 0; }) != 0;
        if (full) g_fullscreen_seen = true;
        else if (g_fullscreen_seen) g_app.views.presentation.presenting = false;   // the app lets go of its large fonts next frame
    } else if (g_fullscreen_asked) {
        g_fullscreen_asked = false;
        EM_ASM({
            if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
        });
    }
}

// ---------------------------------------------------------------------------------------
// Share links (File > Copy share link; a link opened in this page). web/share_link.js holds
// the link's format; the draft in it goes through App_OpenText exactly like a file.

// The draft as File > Save would write it, but without recording a revision: copying a link is
// not saving, and the draft stays "not saved to a file". The page answers parley_share_link_ready.
static void MakeShareLinkIfAsked()
{
    if (!ShareLink_TakeRequest()) return;
    parley_js_share_link(parley::export_document(g_app.views.session.doc).c_str());
}

// A draft from a link, waiting for the question about an autosaved draft from an earlier visit
// to be answered. Asked together, one answer would silently undo the other: the link's draft
// would replace the restored work, or the restored work the link's draft. So the restore
// question comes first; then the link's draft is offered like any file: if the user restored
// their work, they are asked before it is replaced ("Keep my draft" keeps it, and autosave
// keeps protecting it).
static std::string g_link_draft;
static bool        g_link_waiting = false;

static void OpenLinkWhenFree()
{
    if (!g_link_waiting || Recovery_IsOpen()) return;   // the list of kept drafts still open
    g_link_waiting = false;
    ImGui::ClearActiveID();   // a field being typed in would write its old text into the new draft
    // A file chooser opened for a comparison or a merge and then cancelled must not take the link.
    g_app.views.compare.open_for_compare = false;
    g_app.views.merge.open_for_merge = g_app.views.merge.open_for_original = false;
    static const char* const kSource = "The draft in the link";
    if (App_OpenText(g_app, g_link_draft, kSource, 0, "open the draft from the link")) {
        std::string& status = g_app.confirm_replace ? g_app.pending_status : g_app.views.status_message;
        const std::string opened = std::string("Opened ") + kSource;
        if (status.compare(0, opened.size(), opened) == 0) status = "Opened the draft from the link" + status.substr(opened.size());
    }
    g_link_draft.clear();
    g_link_draft.shrink_to_fit();
}

// ---------------------------------------------------------------------------------------
// The frame

// The app's own work in the last frame (layout and draw lists, not the GPU's drawing): what
// the benchmarks hold to "a few milliseconds a frame", apart from the graphics driver.
static double g_ui_ms = 0;
EMSCRIPTEN_KEEPALIVE double parley_ui_ms() { return g_ui_ms; }
// Characters measured to wrap prose so far: the long-text test holds it to the text in view.
EMSCRIPTEN_KEEPALIVE double parley_chars_measured() { return (double)Prose_CharactersMeasured(); }
// Cards of the page laid out and skipped in the last frame (only those in view are laid out:
// ui/lazy_blocks.h), and items() entries left out past its cap: for window.parley.stats().
EMSCRIPTEN_KEEPALIVE int parley_blocks_drawn() { return LazyBlocks_LastFrame().drawn; }
EMSCRIPTEN_KEEPALIVE int parley_blocks_skipped() { return LazyBlocks_LastFrame().skipped; }
EMSCRIPTEN_KEEPALIVE int parley_items_dropped() { return (int)ItemHooks_LastFrameDropped(); }
// The accessibility mirror (src/ui/a11y_mirror.h): its cost in the last frame, its size, and a
// screen reader's focus or activation of a mirrored element.
EMSCRIPTEN_KEEPALIVE double parley_mirror_ms() { return A11yMirror_LastMs(); }
EMSCRIPTEN_KEEPALIVE int parley_mirror_nodes() { return (int)A11yMirror_Nodes().size(); }
EMSCRIPTEN_KEEPALIVE void parley_mirror_focus(unsigned int id) { A11yMirror_RequestFocus(id); }
EMSCRIPTEN_KEEPALIVE void parley_mirror_activate(unsigned int id) { A11yMirror_RequestActivate(id); }

// One pass of the app: input, layout, draw lists, and what only the page can do after it.
// Draws nothing: Present_Frame does, once the passes of this animation frame are done.
static void RunApp(double now_ms)
{
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = g_last_frame_ms > 0 ? (float)std::clamp((now_ms - g_last_frame_ms) / 1000.0, 0.0001, 0.25) : 1.0f / 60.0f;
    g_last_frame_ms = now_ms;

    if (g_app.views.style_dirty || g_fonts_dpr != g_dpr) RebuildStyleAndFonts();

    io.DisplaySize = ImVec2(g_css_w, g_css_h);
    io.DisplayFramebufferScale = ImVec2((float)g_fb_w / g_css_w, (float)g_fb_h / g_css_h);
    const double ui_start = emscripten_get_now();
    ImGui::NewFrame();
    Prose_BeginFrame();
    A11yMirror_BeginFrame();
    OpenLinkWhenFree();
    g_app.views.now_utc = UtcNow();   // a comment or a sign-off made this frame says when
    App_Frame(g_app);
    ImGui::Render();
    g_ui_ms += emscripten_get_now() - ui_start;
    ItemHooks_EndFrame();
    FocusRecovery_EndFrame();   // the item with the keyboard went: the keyboard goes to the next
    A11yMirror_EndFrame();
    if (!A11yMirror_Changes().empty()) parley_js_mirror(A11yMirror_Changes().c_str());
    UpdateProseOverlay();

    CarryOutRequests();
    MakeShareLinkIfAsked();
    FollowPresentation();
    CarryOutRecoveryRequests();
    Autosave(now_ms);
    StoreIdentity();
    const int cursor = ImGui::GetMouseCursor();
    if (cursor != g_last_cursor) { parley_js_set_cursor(cursor); g_last_cursor = cursor; }
    if (g_app.window_title != g_last_title) { g_last_title = g_app.window_title; parley_js_set_title(g_last_title.c_str()); }
}

// How long the page may wait before the next frame (FrameWait, or N ms).
static int NextWait(double now_ms)
{
    ImGuiIO& io = ImGui::GetIO();
    if (g_app.views.style_dirty) return Frame_Next;
    // ImGui trickles queued input over several passes (one key change per pass); stopping
    // while events are still queued would leave a click or typed text unprocessed.
    if (parley_input_pending() > 0) return Frame_Next;
    if (g_frames_owed > 0) { g_frames_owed--; return Frame_Next; }
    if (A11yMirror_WantsFrame()) return Frame_Next;   // a screen reader's focus or activation, carried out
    if (Prose_LayoutPending()) return Frame_Next;   // a long text is still being wrapped, a part a frame
    if (CompareView_Working(g_app.views)) return Frame_Next;   // two versions are being compared, a slice a frame
    if (emscripten_get_now() < g_awake_until_ms) return Frame_Next;
    for (int b = 0; b < ImGuiMouseButton_COUNT; b++)
        if (io.MouseDown[b]) return Frame_Next;
    for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END; k++)
        if (ImGui::IsKeyDown((ImGuiKey)k)) return Frame_Next;   // held keys auto-repeat inside ImGui
    if (App_HasUnsavedChanges(g_app) && g_app.views.session.edits != g_autosaved_edits)   // wake for the autosave
        return std::max(1, (int)(kAutosaveDelayMs - (now_ms - g_last_edit_ms)) + 1);
    if (io.WantTextInput) return 200;   // caret blink
    return Frame_Idle;
}

// Passes of the app one animation frame may take to use up queued input before drawing.
// ImGui takes one key change or click per pass; a pass costs about a millisecond, a drawn
// frame in software WebGL tens of them, so a typed character (key down, text, key up) is
// shown by the first frame drawn after it, not the third.
static const int    kMaxPassesPerFrame = 12;
static const double kPassBudgetMs = 12.0;

// Draws one frame. Returns how long the page may wait before the next one: Frame_Next (the
// next animation frame), N > 0 (after N ms: caret blink, autosave), Frame_Idle (until input).
EMSCRIPTEN_KEEPALIVE int parley_frame(double now_ms)
{
    g_ui_ms = 0;
    const double start = emscripten_get_now();
    const bool had_input = parley_input_pending() > 0;
    RunApp(now_ms);
    int pass = 1;
    for (; pass < kMaxPassesPerFrame && parley_input_pending() > 0 && emscripten_get_now() - start < kPassBudgetMs; pass++)
        RunApp(now_ms);
    // One more pass after input: what is drawn before the widget that took the input (the
    // status bar's word count, a heading) shows its change a pass later. Drawn together, a
    // key costs one drawn frame, not two.
    if (had_input && pass < kMaxPassesPerFrame && emscripten_get_now() - start < kPassBudgetMs) RunApp(now_ms);
    Present_Frame(ImGui::GetDrawData(), Theme_Colors().page, g_fb_w, g_fb_h);
    return NextWait(now_ms);
}

// The same, drawn whether or not it changed (for the benchmarks' frame cost).
EMSCRIPTEN_KEEPALIVE int parley_frame_full(double now_ms)
{
    Present_Invalidate();
    return parley_frame(now_ms);
}

// The next frame is drawn even if it looks the same (the page was hidden, the context restored).
EMSCRIPTEN_KEEPALIVE void parley_redraw() { Present_Invalidate(); Wake(); }

// How many times over the last frame covers the canvas (for the benchmarks).
EMSCRIPTEN_KEEPALIVE float parley_overdraw() { return Present_Overdraw(ImGui::GetDrawData(), g_fb_w, g_fb_h); }

// Frames drawn so far; frames the app ran but did not need to draw are not counted.
EMSCRIPTEN_KEEPALIVE int parley_frames_drawn() { return Present_FramesDrawn(); }
EMSCRIPTEN_KEEPALIVE float parley_drawn_part() { return Present_LastDrawnPart(); }

// ---------------------------------------------------------------------------------------
// Input from the page

EMSCRIPTEN_KEEPALIVE void parley_mouse_move(float x, float y)
{
    ImGui::GetIO().AddMousePosEvent(x, y);
    Wake();
}

EMSCRIPTEN_KEEPALIVE void parley_mouse_leave()
{
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    Wake();
}

EMSCRIPTEN_KEEPALIVE void parley_mouse_button(int button, int down, int mods)
{
    ApplyMods(mods);
    if (button >= 0 && button < ImGuiMouseButton_COUNT) ImGui::GetIO().AddMouseButtonEvent(button, down != 0);
    Wake();
}

EMSCRIPTEN_KEEPALIVE void parley_mouse_wheel(float dx, float dy, int mods)
{
    ApplyMods(mods);
    ImGui::GetIO().AddMouseWheelEvent(dx, dy);
    Wake();
}

EMSCRIPTEN_KEEPALIVE void parley_key(const char* code, const char* key, int down, int mods)
{
    ApplyMods(mods);
    const ImGuiKey k = WebKeys_ToImGui(code, key);
    if (k != ImGuiKey_None) ImGui::GetIO().AddKeyEvent(k, down != 0);
    Wake();
}

EMSCRIPTEN_KEEPALIVE void parley_text(const char* utf8)
{
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    Wake();
}

// The page received a paste event: make its text ImGui's clipboard, then replay the paste
// shortcut so whatever widget has focus pastes it as if it had read the OS clipboard.
EMSCRIPTEN_KEEPALIVE void parley_paste(const char* utf8)
{
    ImGuiIO& io = ImGui::GetIO();
    g_clipboard = utf8;
    const ImGuiKey mod = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
    const bool mod_was_down = (g_mods & (io.ConfigMacOSXBehaviors ? PageMod_Meta : PageMod_Ctrl)) != 0;
    io.AddKeyEvent(mod, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    if (!mod_was_down) io.AddKeyEvent(mod, false);
    Wake();
}

EMSCRIPTEN_KEEPALIVE void parley_focus(int focused)
{
    ImGui::GetIO().AddFocusEvent(focused != 0);
    Wake();
}

// ---------------------------------------------------------------------------------------
// Documents, items and the prose textarea

EMSCRIPTEN_KEEPALIVE const char* parley_items_json()
{
    g_result = ItemHooks_LastFrameJson();
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* parley_document_json()
{
    g_result = parley::export_document(g_app.views.session.doc);
    return g_result.c_str();
}

// Loads a document. Returns {"ok":true} or {"ok":false,"errors":[...]}; on failure the open
// document is left exactly as it was.
EMSCRIPTEN_KEEPALIVE const char* parley_load_json(const char* text)
{
    parley::ImportResult r = parley::import_document(text, App_ImportBudget(g_app, strlen(text)));
    nlohmann::json out;
    out["ok"] = r.ok;
    if (r.ok) {
        App_SetDocument(g_app, std::move(r.document));
        out["notices"] = nlohmann::json::array();
        for (const parley::ImportError& e : r.notices)
            out["notices"].push_back({{"pointer", e.pointer}, {"line", e.line}, {"column", e.column}, {"message", e.message}});
    } else {
        out["errors"] = nlohmann::json::array();
        for (const parley::ImportError& e : r.errors)
            out["errors"].push_back({{"pointer", e.pointer}, {"line", e.line}, {"column", e.column},
                                     {"message", e.message}, {"text", parley::format_error(e)}});
    }
    Wake();
    g_result = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return g_result.c_str();
}

// A file the user chose or dropped: its raw bytes (not decoded by the browser, so invalid
// UTF-8 is reported rather than silently replaced), and the page's token for its file handle
// (0: none). Returns 1 if it is valid (opened, or waiting for the user to discard changes).
EMSCRIPTEN_KEEPALIVE int parley_open_bytes(const char* bytes, int length, const char* source, int file_token)
{
    g_app.views.clock_utc = UtcNow();   // a merge records when it was made
    const bool ok = App_OpenText(g_app, std::string(bytes, (size_t)std::max(length, 0)), source, file_token);
    Wake();
    return ok ? 1 : 0;
}

// The page could not read a file at all (too large, unreadable): say so like any other problem.
EMSCRIPTEN_KEEPALIVE void parley_open_failed(const char* source, const char* message)
{
    App_ShowOpenProblems(g_app, source, {message});
    Wake();
}

// Bytes the heap can still give: what it may grow by, plus what is free inside it. The page
// refuses a file whose opening would need more (shell.js, openFileObject) before reading it,
// so a file too big for memory never aborts the app and the open draft with it.
EMSCRIPTEN_KEEPALIVE double parley_memory_available()
{
    return (double)HeapLeft();
}

// `file_token`: the file the page wrote to, when it is one it can write to again (0: a download).
EMSCRIPTEN_KEEPALIVE void parley_save_finished(int saved, const char* message, int file_token)
{
    App_SaveFinished(g_app, saved != 0, message, file_token);
    Wake();
}

EMSCRIPTEN_KEEPALIVE void parley_set_identity(const char* name, const char* organisation)
{
    g_app.views.me.name = name ? name : "";
    g_app.views.me.organisation = organisation ? organisation : "";
    Wake();
}

EMSCRIPTEN_KEEPALIVE int parley_has_unsaved()
{
    return App_HasUnsavedChanges(g_app) ? 1 : 0;
}

// The prose textarea: a change the user made in it. Of the text the page held before, the first
// `prefix` and the last `suffix` UTF-16 units stayed; `length` bytes of UTF-8 (any character,
// NUL included: the length says where they end) replaced what was between. With `whole` (after
// Ctrl+A in a windowed field) they replaced the whole field, not only the window. With
// `own_step` (a paste, or the whole text replaced) the change is an undo step of its own, not
// joined to the typing around it. Only the change crosses, so typing in a field of megabytes
// copies a few bytes, not the field.
EMSCRIPTEN_KEEPALIVE void parley_prose_splice(int prefix, int suffix, const char* bytes, int length, int whole, int own_step)
{
    if (own_step) Session_EndGroup(g_app.views.session);
    std::string& page = g_prose_page_text;
    const size_t n = (size_t)std::max(length, 0);
    std::string* field = EditedField();
    size_t a = 0, b = page.size();
    if (whole) {
        g_prose_window_begin = g_prose_window_after = 0;
        if (field) b = field->size();
    } else {
        a = Utf8BytesOfUnits(page, (size_t)std::max(prefix, 0), false);
        b = page.size() - std::min(page.size() - a, Utf8BytesOfUnits(page, (size_t)std::max(suffix, 0), true));
    }
    const EditSession& s = g_app.views.session;
    // The field still holds what the page held (nothing else changed it since): edit it in
    // place. Otherwise it takes the page's text, as typed, in place of the window.
    const bool in_step = whole || (s.edits == g_prose_page_edits && s.generation == g_prose_page_generation);
    const size_t at = g_prose_window_begin + a, removed = b - a;
    if (whole) page.assign(bytes, n);
    else page.replace(a, removed, bytes, n);
    if (!in_step || !Prose_Splice(g_app.views, at, removed, bytes, n)) {
        std::string text = page;
        if (field) {
            const size_t before = std::min(g_prose_window_begin, field->size());
            const size_t after = std::min(g_prose_window_after, field->size() - before);
            text = field->substr(0, before) + page + field->substr(field->size() - after);
        }
        Prose_Input(g_app.views, text);
    }
    ProseOverlay& o = Prose_Overlay();
    o.window_begin = g_prose_window_begin;
    o.window_end = g_prose_window_begin + page.size();
    g_prose_caret = at + n;
    g_prose_page_edits = s.edits;
    g_prose_page_generation = s.generation;
    if (own_step) Session_EndGroup(g_app.views.session);
    // The page asks for the frame that shows the new word count and height (at most every
    // 120 ms while typing): the textarea draws the text itself, so no run of frames is needed.
}

// A long field's window is taken again around the caret: at `caret` UTF-16 units into what
// the textarea holds (with the selection's other end at `anchor`, or -1), or -1 the field's
// start, -2 its end, -3 just after the last change (a paste). The page gets it at once.
EMSCRIPTEN_KEEPALIVE void parley_prose_window(int caret, int anchor)
{
    std::string* field = EditedField();
    if (!field) return;
    const size_t at = caret == -1 ? 0 : caret == -2 ? field->size() : caret == -3 ? g_prose_caret
                    : g_prose_window_begin + Utf8BytesOfUnits(g_prose_page_text, (size_t)std::max(caret, 0), false);
    const size_t other = anchor < 0 ? at : g_prose_window_begin + Utf8BytesOfUnits(g_prose_page_text, (size_t)anchor, false);
    nlohmann::json m = ProseMessage();
    TakeWindow(m, *field, at, other);
    SendProseMessage(m);
    g_frames_owed = std::max(g_frames_owed, 2);   // place the textarea at the new window's lines (the page asks for the frame)
}

// Ctrl+A in a windowed field selects the whole text: the app shows the lines outside the
// window selected too.
EMSCRIPTEN_KEEPALIVE void parley_prose_select_all(int on)
{
    Prose_Overlay().all_selected = on != 0;
    g_frames_owed = std::max(g_frames_owed, 1);
}

// The whole text of the field being edited (copy and cut after Ctrl+A in a windowed field).
EMSCRIPTEN_KEEPALIVE const char* parley_prose_text()
{
    const std::string* field = EditedField();
    return field ? field->data() : "";
}
EMSCRIPTEN_KEEPALIVE int parley_prose_text_size()
{
    const std::string* field = EditedField();
    return field ? (int)field->size() : 0;
}

// What the page measured: the height the text needs, and the caret's distance from the top of
// the field (-1 for a long text the page does not measure: the app's own lines say), and where
// the caret is, UTF-16 units into what the textarea holds.
EMSCRIPTEN_KEEPALIVE void parley_prose_metrics(float height, float caret_y, int caret)
{
    ProseOverlay& o = Prose_Overlay();
    g_prose_caret = g_prose_window_begin + Utf8BytesOfUnits(g_prose_page_text, (size_t)std::max(caret, 0), false);
    if (caret_y < 0) caret_y = Prose_CaretY(g_prose_caret);
    o.page_height = height;
    if (caret_y != o.caret_y) { o.caret_y = caret_y; o.caret_moved = true; }
    g_frames_owed = std::max(g_frames_owed, 1);   // lay out the new height, then place the textarea
}

// The textarea lost the focus (a click elsewhere, Escape, Tab).
EMSCRIPTEN_KEEPALIVE void parley_prose_blur()
{
    Prose_StopEditing(g_app.views);
    Wake();
}

// Tab (or Shift+Tab) in the textarea: leave the field and let the Tab that follows move on
// from it. ImGui treats the first Tab after a mouse click as "show where the focus is" and
// would reopen the same field; with the highlight on, it moves to the next field instead.
EMSCRIPTEN_KEEPALIVE void parley_prose_tab()
{
    Prose_StopEditing(g_app.views);
    ImGui::GetCurrentContext()->NavDisableHighlight = false;
    Wake();
}

// For the browser test of running out of memory (window.parley.testing.holdMemory): holds on to
// `megabytes` more memory, touched so it is really taken. The app never calls it. An allocation
// that fails stops the module (no exceptions in this build); the page then gives the draft back.
EMSCRIPTEN_KEEPALIVE int parley_test_hold_memory(int megabytes)
{
    static std::vector<std::unique_ptr<char[]>> held;
    const size_t bytes = (size_t)megabytes << 20;
    held.emplace_back(new char[bytes]);
    memset(held.back().get(), 1, bytes);
    return (int)held.size();
}

// Undo and redo typed in the textarea act on the document, not the textarea's own history,
// so one undo list covers typing, adding and removing alike.
EMSCRIPTEN_KEEPALIVE void parley_prose_undo(int redo)
{
    if (redo) App_Redo(g_app);
    else App_Undo(g_app);
    UpdateProseOverlay();   // the textarea holds the field's new text before the next key comes
    Wake();
}

// The font the app draws with, for the textarea: text looks the same while it is edited.
extern const unsigned char font_regular[];
extern const unsigned int  font_regular_size;
EMSCRIPTEN_KEEPALIVE const unsigned char* parley_font_data() { return font_regular; }
EMSCRIPTEN_KEEPALIVE int parley_font_size() { return (int)font_regular_size; }

EMSCRIPTEN_KEEPALIVE const char* parley_missing_glyphs(const char* utf8)
{
    g_result = Fonts_MissingGlyphs(utf8);
    return g_result.c_str();
}

// Share links: what the page made of File > Copy share link (a ShareLinkStatus; `link` is empty
// when none is offered, `length` its characters either way).
EMSCRIPTEN_KEEPALIVE void parley_share_link_ready(int status, const char* link, int length, const char* detail)
{
    ShareLink_Show((ShareLinkStatus)status, link ? link : "", length, detail ? detail : "");
    Wake();
}

// A share link opened in the page: the draft's raw bytes, unpacked but not decoded (so invalid
// UTF-8 is reported, not mended), opened at the next frame that has no restore question open.
EMSCRIPTEN_KEEPALIVE void parley_open_link(const char* bytes, int length)
{
    g_link_draft.assign(bytes, (size_t)std::max(length, 0));
    g_link_waiting = true;
    Wake();
}

// A share link whose draft could not be unpacked (damaged, cut short, too large).
EMSCRIPTEN_KEEPALIVE void parley_open_link_failed(const char* message)
{
    ShareLink_ShowProblem(message);
    Wake();
}

} // extern "C"
