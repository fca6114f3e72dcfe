// Text fields named by key, so the page's text overlay, undo groups and (later) comments and
// the accessibility mirror can point at one field without holding a pointer into the document.
//
// A key is "<object id>/<member>": "ans-3k2.../reasoning", "dim-x7.../rationale". Ids are
// unique in a document and never change, so a key stays right while questions are added,
// moved or removed around it. Two keys name fields of objects without ids:
// "document/title" and "summary/text".
#pragma once
#include "document.h"
#include <string>

namespace parley {

std::string text_field_key(const std::string& object_id, const char* member);
// The text a key names, or null when the object is gone (removed, undone) or has no such member.
std::string* find_text_field(Document& doc, const std::string& key);

} // namespace parley
