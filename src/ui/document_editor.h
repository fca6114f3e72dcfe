// The document as an editable page: an outline on the left (parts of the document, a filter
// for questions), and the page itself: details, organisations, then what the document's kind
// holds. A response: question cards with positions, prose and co-signatories' positions,
// general points and alternative regimes. A proposal: rationale sections, regimes, questions.
#pragma once

struct Views;

void DocumentEditor_Draw(Views& views);
