// Who is using this browser: a name and an organisation, asked once and remembered by the
// browser (web_main stores it), never by the draft. A comment, a sign-off and a saved revision
// carry them, so a merged draft can say which organisation wrote what.
#pragma once
#include <string>

struct Views;

struct Identity {
    std::string name;            // "Sam Patel"
    std::string organisation;    // in words, as the person gives it: "LGA"
    bool Known() const { return !name.empty() && !organisation.empty(); }
};

// Asks with the "Who are you?" modal: `why` says what it is for ("when you comment"). A view
// that needs the answer checks `views.me.Known()` again on a later frame; nothing else waits.
void Identity_Ask(Views& views, const char* why);
// The modal itself; the shell calls it every frame with its other modals.
void Identity_DrawModal(Views& views);
