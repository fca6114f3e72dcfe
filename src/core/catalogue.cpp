#include "catalogue.h"

namespace parley {

namespace {

const CatalogueOption kNotice[] = {
    {"none", "No notice"},
    {"on_the_day", "Told on the day inspectors arrive"},
    {"short_notice", "Short notice (a few working days)"},
    {"announced", "Announced well in advance"},
};
const CatalogueOption kJudgementStyle[] = {
    {"graded", "Graded (outstanding, good, requires improvement, inadequate)"},
    {"narrative", "Narrative findings, no grade"},
    {"mixed", "Narrative with some graded areas"},
};
const CatalogueOption kAgencies[] = {
    {"council", "Council children's services"},
    {"health", "Health"},
    {"police", "Police"},
    {"probation", "Probation"},
    {"youth_justice", "Youth justice"},
    {"education", "Schools and education"},
    {"lscb", "Local safeguarding children board"},
    {"prisons", "Prisons and secure settings"},
};
const CatalogueOption kMethods[] = {
    {"file_reading", "Reading case files"},
    {"case_tracking", "Tracking individual cases"},
    {"shadowing", "Shadowing social workers"},
    {"observation", "Observing multi-agency work"},
    {"talking_to_children", "Talking to children and families"},
    {"talking_to_staff", "Talking to staff and managers"},
    {"data_review", "Reviewing performance data"},
    {"audit", "Reviewing the council's own audits"},
};
const CatalogueOption kReinspectionScope[] = {
    {"all_areas", "All service areas"},
    {"inadequate_only", "Only the areas judged inadequate"},
};

#define PARLEY_LIST(key, label, options) {key, label, options, (int)(sizeof(options) / sizeof(options[0]))}
const CatalogueList kLists[] = {
    PARLEY_LIST("notice", "Notice given", kNotice),
    PARLEY_LIST("judgement_style", "Judgement style", kJudgementStyle),
    PARLEY_LIST("agencies", "Agencies", kAgencies),
    PARLEY_LIST("methods", "Inspection methods", kMethods),
    PARLEY_LIST("reinspection_scope", "What is re-inspected", kReinspectionScope),
};
#undef PARLEY_LIST

const CatalogueDimension kDimensions[] = {
    {"notice", "Notice given", ValueType::Choice, "", "notice", "How much warning the council gets before inspectors arrive."},
    {"team", "Inspection team", ValueType::Text, "", "", "Who inspects, and when each inspector joins."},
    {"on_site_length", "Time on site", ValueType::Number, "weeks", "", "How long inspectors spend on site."},
    {"cases_sampled", "Cases examined", ValueType::Number, "cases", "", "How many children's cases inspectors look at."},
    {"methods", "Inspection methods", ValueType::Set, "", "methods", "How inspectors gather evidence."},
    {"judgement_areas", "Judgement areas", ValueType::Set, "", "", "What inspectors reach judgements on."},
    {"judgement_style", "Judgement style", ValueType::Choice, "", "judgement_style", "Grades, narrative, or both."},
    {"scope_agencies", "Agencies in scope", ValueType::Set, "", "agencies", "Which agencies the inspection covers."},
    {"reinspection", "Re-inspection after inadequate", ValueType::Range, "months", "", "When a council judged inadequate is inspected again."},
    {"reinspection_scope", "What is re-inspected", ValueType::Choice, "", "reinspection_scope", "Whether re-inspection covers every area or only failing ones."},
    {"cycle", "Inspection cycle", ValueType::Number, "years", "", "How often every council is inspected."},
    {"notified", "Who is told of an inspection", ValueType::Set, "", "agencies", "Who hears that inspectors are coming."},
};

} // namespace

const CatalogueDimension* catalogue_dimensions(int* count)
{
    *count = (int)(sizeof(kDimensions) / sizeof(kDimensions[0]));
    return kDimensions;
}

const CatalogueDimension* catalogue_find_dimension(const std::string& key)
{
    for (const CatalogueDimension& d : kDimensions)
        if (key == d.key) return &d;
    return nullptr;
}

const CatalogueList* catalogue_lists(int* count)
{
    *count = (int)(sizeof(kLists) / sizeof(kLists[0]));
    return kLists;
}

const CatalogueList* catalogue_find_list(const std::string& key)
{
    for (const CatalogueList& l : kLists)
        if (key == l.key) return &l;
    return nullptr;
}

bool value_type_is_numeric(ValueType t)
{
    return t == ValueType::Number || t == ValueType::Range || t == ValueType::Bound;
}

} // namespace parley
