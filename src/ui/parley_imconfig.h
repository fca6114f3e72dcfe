// Dear ImGui compile-time configuration for Parley (passed as IMGUI_USER_CONFIG).
#pragma once

// Report every item (id, rectangle, label, status) to our hooks each frame: the basis of
// window.parley.items() for browser tests and, later, the screen-reader mirror.
#define IMGUI_ENABLE_TEST_ENGINE

// WebGL has no glDrawElementsBaseVertex, so with 16-bit indices one draw list holds at most
// 64K vertices (~16K glyphs). A page of prose exceeds that; 32-bit indices lift the cap.
#define ImDrawIdx unsigned int

#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_FILE_FUNCTIONS           // no imgui.ini, no fopen in the browser
