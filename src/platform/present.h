// Putting a frame on the screen: only what changed since the frame already there.
//
// Without a graphics card (council laptops behind remote desktops) the browser draws WebGL in
// software, and filling pixels costs far more than the app's own work. Most frames after input
// change a few words (a typed character, a caret, a hovered button) or nothing at all (ImGui
// takes a few frames to settle; a key's release shows nothing). So each frame's triangles are
// compared with the last drawn frame's, in drawing order: a frame with the same triangles is
// not drawn at all (the canvas keeps showing the last one), and otherwise only the rectangle
// around the triangles that differ is cleared and drawn again, every triangle clipped to it.
// Why that is exact: outside that rectangle every pixel is covered by the same triangles, in
// the same order, as in the frame on screen (the canvas keeps its pixels between frames,
// preserveDrawingBuffer). The comparison is window by window (each window keeps its ImDrawList
// from frame to frame), so a typed letter and the status bar's word count are two small
// rectangles, not one across the window; windows drawn in another order than before (one came
// to the front) redraw everything.
#pragma once
#include "imgui.h"

// Draws `draw_data` over the page colour `clear` (0xAABBGGRR, ImGui's colour order), only where
// it differs from the last frame drawn. Returns true when it drew anything.
bool Present_Frame(ImDrawData* draw_data, ImU32 clear, int fb_w, int fb_h);

// The next frame is drawn in full: the canvas was resized (which clears it), the font texture
// was rebuilt, or the page was hidden and may have lost what it showed.
void Present_Invalidate();

// For the benchmarks: frames drawn since start, and the part of the canvas the last one drew
// (1 = all of it).
int   Present_FramesDrawn();
float Present_LastDrawnPart();

// How many times over the last frame's triangles cover the framebuffer (1 = each pixel once),
// not counting the clear: for the benchmarks.
float Present_Overdraw(const ImDrawData* draw_data, int fb_w, int fb_h);
