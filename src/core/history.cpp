#include "history.h"

namespace parley {

void history_record(History& h, const Document& doc, const std::string& group, double now_ms)
{
    const bool joins = !group.empty() && group == h.group && now_ms - h.group_last_ms < kHistoryPauseMs && !h.undo.empty();
    h.group = group;
    h.group_last_ms = now_ms;
    h.redo.clear();   // a new change forks history: what was undone can no longer be redone
    if (joins) return;
    h.undo.push_back(doc);
    if (h.undo.size() > h.max_steps) h.undo.erase(h.undo.begin());
}

void history_end_group(History& h)
{
    h.group.clear();
}

bool history_undo(History& h, Document& doc)
{
    if (h.undo.empty()) return false;
    h.redo.push_back(std::move(doc));
    doc = std::move(h.undo.back());
    h.undo.pop_back();
    h.group.clear();
    return true;
}

bool history_redo(History& h, Document& doc)
{
    if (h.redo.empty()) return false;
    h.undo.push_back(std::move(doc));
    doc = std::move(h.redo.back());
    h.redo.pop_back();
    h.group.clear();
    return true;
}

void history_clear(History& h)
{
    h = History{};
}

} // namespace parley
