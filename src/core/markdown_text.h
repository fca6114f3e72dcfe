// User text written into Markdown so that it renders as the text typed. Markdown turns
// punctuation into structure and passes raw HTML through: a title "<img src=x onerror=...>",
// an answer "[click](javascript:...)" or a line "# Heading" would become markup, and code, in
// whatever renders the export (a wiki, a mail client, a code host). Each character that can
// start markup is backslash-escaped where it could; ordinary sentences come out unchanged.
#pragma once
#include <string>
#include <string_view>

namespace parley {

// Text inside a line of Markdown (after "**Label**: ", in a table cell, in a heading): no
// emphasis, code, links, images, raw HTML, entities, strikethrough or table pipes. Line
// breaks become spaces.
std::string markdown_inline(std::string_view text);
// Text that starts a line of its own (a heading's or paragraph's line): markdown_inline, and
// nothing at its start that would make it a heading, list item, quote, rule or code block.
std::string markdown_line(std::string_view text);
// A paragraph of prose: each line as markdown_line, kept as a line of its own with a hard
// line break (a backslash at its end), as the HTML export keeps it with <br>.
std::string markdown_paragraph(std::string_view text);
// A link the reader can follow, only for http, https and mailto addresses written without
// spaces or angle brackets ("<https://example.org/a>"); anything else (javascript:, data:,
// file:, relative) comes out as escaped text that is not a link.
std::string markdown_url(std::string_view url);

} // namespace parley
