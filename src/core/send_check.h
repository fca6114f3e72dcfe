// What is unfinished in a joint response before it goes to the inspectorate: open comment
// threads and questions not yet signed off (or not answered). File > Export > Joint response
// lists them first, so nothing unfinished is sent by mistake. No ImGui: the export modal draws it.
#pragma once
#include "document.h"

#include <string>
#include <vector>

namespace parley {

struct Unfinished {
    enum Kind { OpenComment, NotSignedOff, NotAnswered } kind;
    std::string text;      // "Open comment on question 3 · Reasoning: “Is this strong…” (Sam Patel, LGA)"
    std::string object;    // the id of what the editor shows for it ("" : nothing to open)
};

struct SendCheck {
    std::vector<Unfinished> items;   // at most `limit`, open comments first, then sign-offs in question order
    int open_comments = 0, not_signed_off = 0, not_answered = 0;   // all of them, listed or not
    bool Ready() const { return open_comments + not_signed_off + not_answered == 0; }
};

// `limit` keeps the list a person reads short; the counts are always whole.
SendCheck check_before_sending(const Document& doc, size_t limit = 200);

} // namespace parley
