// Maps a DOM KeyboardEvent (its `code` and `key`) to an ImGuiKey.
#pragma once
#include "imgui.h"

// Letters and digits follow `key` (what the layout types), so Ctrl+Z is Ctrl+Z on AZERTY
// too; everything else follows `code` (the physical key).
ImGuiKey WebKeys_ToImGui(const char* code, const char* key);
