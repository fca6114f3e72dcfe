// Exports of a document for people who do not use Parley: Markdown (for wikis and email),
// a print-ready web page (one file, styled), and plain text (for pasting into online
// consultation forms). One walk over the document feeds three small writers, so the three
// always hold the same content in the same order.
#pragma once
#include "document.h"

#include <string>

namespace parley {

std::string export_markdown(const Document& doc);
std::string export_html(const Document& doc);        // every piece of user text is escaped
std::string export_text(const Document& doc);
std::string answer_as_text(const Document& doc, const Answer& answer);   // for "copy answer"

} // namespace parley
