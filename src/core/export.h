// Exports of a document for people who do not use Parley: Markdown (for wikis and email),
// a print-ready web page (one file, styled), and plain text (for pasting into online
// consultation forms). One walk over the document feeds three small writers, so the three
// always hold the same content in the same order.
#pragma once
#include "document.h"

#include <string>

namespace parley {

// What an export holds.
//  - The draft: everything in it, as the organisations drafting it read it, with each
//    co-signatory's sign-off; its comment threads at the end when asked for.
//  - The joint response: the text that goes to the inspectorate. The organisations, the
//    overall position, each question with the agreed answer and, where a co-signatory takes
//    another position, one sentence saying so. Nothing internal: no sign-offs, reasons,
//    exceptions, comments or history; no regimes but the alternatives the response proposes.
enum class ExportContent { Draft, JointResponse };
struct ExportOptions {
    ExportContent content = ExportContent::Draft;
    bool comments = false;      // the draft's comment threads (never in a joint response)
};

std::string export_markdown(const Document& doc, const ExportOptions& options = {});
std::string export_html(const Document& doc, const ExportOptions& options = {});   // every piece of user text is escaped
std::string export_text(const Document& doc, const ExportOptions& options = {});
// Copy answer: one answer as the joint response gives it, for a consultation's web form.
std::string answer_as_text(const Document& doc, const Answer& answer);
// A co-signatory's own position as the joint response says it: "Solace disagrees with this
// proposal: <its note>"; "LGA adds: <its note>" when it takes the answer's position but says
// more. Empty when it takes the answer's position and adds nothing.
std::string signatory_sentence(const Document& doc, const Answer& answer, const Signatory& s);

} // namespace parley
