#include "document_view.h"

bool DocumentView_HasContent(const parley::Document& d)
{
    return !d.regimes.empty() || !d.questions.empty() || !d.sections.empty() || !d.general_points.empty() ||
           !d.workshop.criteria.empty() || !d.consultation.title.empty() || !d.summary.text.empty();
}
