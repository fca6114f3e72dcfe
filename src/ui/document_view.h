// What the editors ask of a document as a whole, without drawing it. (The read-only overview
// that once lived here went when the workshop editor took over its last part.)
#pragma once
#include "core/document.h"

bool DocumentView_HasContent(const parley::Document& doc);   // anything beyond title and organisation
