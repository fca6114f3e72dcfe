// The Parley document as the core sees it.
// Walking-skeleton shape: a title and the organisation behind the draft. The full model
// (regimes, questions, responses, workshops, revisions) arrives with the document-model issue;
// what is fixed already is that the UI and the browser only ever touch a document through
// the functions declared here and in document_json.h.
#pragma once
#include <string>

namespace parley {

enum class DocumentKind { Proposal, Response, Workshop };

struct Document {
    DocumentKind kind = DocumentKind::Response;
    std::string  title;
    std::string  organisation;
};

const char*  kind_name(DocumentKind kind);                       // "proposal", "response", "workshop"
bool         kind_from_name(const std::string& name, DocumentKind* out);
int          count_words(const std::string& utf8_text);           // words as a reader counts them

} // namespace parley
