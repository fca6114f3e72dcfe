// Lays out only what is in view on a long page of blocks of varying height (question cards,
// regimes, sections), as ImGui's list clipper does for rows of one height. Each block's height
// is remembered by its id the last time it was drawn; a block out of view is a spacer of that
// height, so a draft of thousands of cards costs a frame what the few in view cost.
//
//     if (LazyBlock_Begin(list, id, width, ScrollWanted(views, id))) {
//         ...draw the card...
//         LazyBlock_End(list);
//     }
//
// A block is drawn, whatever its place, when asked to be (`must_draw`: the page is to scroll
// to it), when it holds the item being typed in, the prose field being edited, an open popup,
// or the keyboard focus, and while a keyboard move (Tab, arrows) looks for the next item near
// the focus. A block never measured is taken to be as tall as the average one measured.
// Blocks nest (a regime's dimension rows inside the regime), each list with its own heights.
#pragma once
#include <string>
#include <unordered_map>

struct LazyBlockHeight {
    float height = 0;
    float width = 0;      // the column it was measured in: another width, another height
    bool  measured = false;   // false: an estimate, kept until the block is drawn so nothing above the view moves
};

struct LazyList {
    std::unordered_map<std::string, LazyBlockHeight> heights;
    double measured_sum = 0;   // of the heights measured, for the estimate of the others
    int    measured = 0;
    int    generation = -1;     // the document the heights belong to (EditSession::generation)
    std::string holder;         // the block that held the active item, an edited field or a popup last frame
};

// Forget heights that belong to another document or column. Call once a frame, before the list.
void LazyList_Prepare(LazyList& list, int generation);

// True: draw the block now and call LazyBlock_End after it. False: a spacer took its place.
bool LazyBlock_Begin(LazyList& list, const std::string& id, float width, bool must_draw = false);
void LazyBlock_End(LazyList& list);

// Blocks drawn and blocks skipped in the last complete frame, for window.parley.stats() and the
// tests that check a frame lays out only what is in view.
struct LazyBlockCounts { int drawn = 0, skipped = 0; };
LazyBlockCounts LazyBlocks_LastFrame();
