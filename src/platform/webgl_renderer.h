// Draws ImGui's draw lists with WebGL 2: the one context on the page, which nothing else uses.
//
// Why not ImGui's own OpenGL 3 backend: it saves every piece of GL state it touches before
// drawing and restores it after (glGetIntegerv), for programs that share their context. In
// Chromium some of those reads (the scissor box, the blend functions) are not answered from
// the page's side: they wait for the GPU process to finish everything asked of it so far,
// which without a graphics card (SwiftShader draws in software) is the whole previous frame:
// up to 40 ms a frame spent waiting. This renderer sets the state it needs and reads none.
#pragma once
#include "imgui.h"

// Compiles the shader and makes the buffers. False when WebGL refused (the message is in the console).
bool Renderer_Init();

// Uploads ImGui's font atlas as a texture (again, after the fonts were rebuilt).
void Renderer_UploadFonts();

// Draws `draw_data` into the framebuffer of fb_w x fb_h pixels, over what is there.
void Renderer_Draw(const ImDrawData* draw_data, int fb_w, int fb_h);
