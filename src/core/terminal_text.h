// Text from a file, made safe to print on a terminal. A title or id can hold escape sequences
// (ESC ] 0 ; ... retitles the window, ESC [ ... moves the cursor or recolours the screen, the
// C1 control U+009B does the same in one character) and bidi overrides (U+202E) that make a
// line read differently from what it holds. Escaped at the output boundary, never in the
// model: the draft keeps every character; only what is shown changes.
#pragma once
#include <string>
#include <string_view>

namespace parley {

// Every character a terminal would act on instead of showing, written as \u001b (C0 controls
// and DEL, C1 controls U+0080-U+009F, bidi embeddings, overrides and isolates U+202A-U+202E,
// U+2066-U+2069) and bytes that are not UTF-8 as \xff. Line breaks and tabs are kept: use it
// on whole messages and on multi-line output such as a diff.
std::string terminal_text(std::string_view s);
// The same, and line breaks and tabs escaped too (\n, \r, \t): for a value printed inside one
// line (a title, a file name, an id), so it cannot start a line of its own and pass for
// another message.
std::string terminal_line(std::string_view s);

} // namespace parley
