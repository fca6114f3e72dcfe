#include "document.h"

namespace parley {

const char* kind_name(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Proposal: return "proposal";
    case DocumentKind::Response: return "response";
    case DocumentKind::Workshop: return "workshop";
    }
    return "response";
}

bool kind_from_name(const std::string& name, DocumentKind* out)
{
    if (name == "proposal") { *out = DocumentKind::Proposal; return true; }
    if (name == "response") { *out = DocumentKind::Response; return true; }
    if (name == "workshop") { *out = DocumentKind::Workshop; return true; }
    return false;
}

// A word is a run of characters that are not ASCII whitespace. Non-ASCII bytes (UTF-8
// continuation and lead bytes) always count as word characters, so "café" and "ŵyn" are
// one word each. Dashes standing alone ("a – b") count as a word, as most word processors do.
int count_words(const std::string& text)
{
    int words = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (!space && !in_word) words++;
        in_word = !space;
    }
    return words;
}

} // namespace parley
