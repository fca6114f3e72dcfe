// Ways in by keyboard alone that ImGui does not give an app of ours (issue 14, part 2): the
// page has the keyboard as soon as Parley has loaded, so Tab works without a click first; F10,
// or Alt pressed and released alone, puts the keyboard on the menu bar (File highlighted:
// arrows move along it and down a menu, Enter or Space acts, Escape, F10 or Alt again go back
// to where the keyboard was). ImGui toggles a window's own menu bar with Alt, but Parley's
// menu bar is the viewport's, a window of its own, which that toggle never reaches.
#pragma once

// Before the menu bar, each frame: reads F10 and a lone Alt.
void KeyboardEntry_Frame();
// Inside BeginMainMenuBar(), before the first BeginMenu(`first_menu`).
void KeyboardEntry_MenuBar(const char* first_menu);
// Inside the page's child window: takes the keyboard there once Parley has loaded, and again
// whenever the page's parent has it (back from a view that took the page's place).
void KeyboardEntry_Page();
// True while the keyboard is on the menu bar by F10 or Alt (tests, the status of the page).
bool KeyboardEntry_InMenuBar();
