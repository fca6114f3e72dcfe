// The Parley application as ImGui draws it. Knows the core and ImGui, nothing of the
// browser: the platform layer feeds input, calls App_Frame once a frame, and reads back the
// few things only it can act on (window title, font scale).
#pragma once
#include "core/document.h"
#include "theme.h"
#include <string>

struct AppState {
    parley::Document doc;
    Theme  theme = Theme_Light;
    float  zoom = 1.0f;              // app zoom (View > Zoom), on top of the browser's
    bool   style_dirty = true;       // theme or zoom changed: fonts and style need rebuilding
    bool   open_about = false;
    bool   open_shortcuts = false;
    bool   confirm_new = false;
    parley::DocumentKind pending_new_kind = parley::DocumentKind::Response;
    int    pending_example = -1;     // index into g_examples when the confirm is for opening one
    parley::IdGenerator ids;         // seeded at start-up: ids must differ between browsers
    std::string window_title;        // what the browser tab should say
};

void  App_Init(AppState& app, unsigned long long random_seed);
void  App_Frame(AppState& app);     // between ImGui::NewFrame() and ImGui::Render()
void  App_SetZoom(AppState& app, float zoom);
const char* App_Version();
