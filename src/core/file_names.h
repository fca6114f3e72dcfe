// A file name made from a draft's title, for saving and exporting. The files travel by email
// and sit on councils' file shares (SharePoint, OneDrive, Windows servers), which refuse or
// mangle some characters: curly quotes, most symbols, characters Windows reserves. Letters of
// any script stay as typed (a Welsh ŵ, an Urdu title); punctuation becomes its plain form.
#pragma once
#include <string>

namespace parley {

// `title` as a file name without its extension: ’ becomes ', “ ” go, – and — become -, & becomes
// "and", a colon " -"; characters Windows and file shares refuse (\ / : * ? " < > | # % and
// control characters) and symbols (✔, emoji, £, ©) go; spaces run together; no leading or
// trailing space or dot; at most 100 bytes, never cut inside a character; "Untitled draft" when
// nothing is left. Invalid UTF-8 is dropped.
std::string file_base_name(const std::string& title);

} // namespace parley
