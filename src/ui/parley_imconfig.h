// Dear ImGui compile-time configuration for Parley (passed as IMGUI_USER_CONFIG).
#pragma once

// Report every item (id, rectangle, label, status) to our hooks each frame: the basis of
// window.parley.items() for browser tests and, later, the screen-reader mirror.
#define IMGUI_ENABLE_TEST_ENGINE

// WebGL has no glDrawElementsBaseVertex, so with 16-bit indices one draw list holds at most
// 64K vertices (~16K glyphs). A page of prose exceeds that; 32-bit indices lift the cap.
#define ImDrawIdx unsigned int

// Characters beyond U+FFFF (emoji, some CJK, mathematical letters) must survive a one-line
// field: with 16-bit ImWchar, ImGui's InputText turns each into U+FFFD when the field is edited,
// and the person's words are changed without a word said. 32-bit characters keep them.
#define IMGUI_USE_WCHAR32

#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_FILE_FUNCTIONS           // no imgui.ini, no fopen in the browser
