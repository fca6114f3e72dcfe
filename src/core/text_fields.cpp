#include "text_fields.h"

#include <cstring>

namespace parley {

std::string text_field_key(const std::string& object_id, const char* member)
{
    return object_id + "/" + member;
}

// Member names are the file's own (docs/format.md), so a key reads like a path into the JSON.
static std::string* SectionField(Section& s, const char* m)
{
    if (!strcmp(m, "heading")) return &s.heading;
    if (!strcmp(m, "body")) return &s.body;
    return nullptr;
}

std::string* find_text_field(Document& doc, const std::string& key)
{
    const size_t slash = key.rfind('/');
    if (slash == std::string::npos || slash == 0) return nullptr;
    const std::string id = key.substr(0, slash);
    const char* m = key.c_str() + slash + 1;

    if (id == "document") return !strcmp(m, "title") ? &doc.title : nullptr;
    if (id == "summary") return !strcmp(m, "text") ? &doc.summary.text : nullptr;
    for (Organisation& o : doc.organisations) {
        if (o.id != id) continue;
        if (!strcmp(m, "name")) return &o.name;
        if (!strcmp(m, "short_name")) return &o.short_name;
        if (!strcmp(m, "role")) return &o.role;
        return nullptr;
    }
    for (Section& s : doc.sections)
        if (s.id == id) return SectionField(s, m);
    for (Section& s : doc.general_points)
        if (s.id == id) return SectionField(s, m);
    for (Question& q : doc.questions) {
        if (q.id != id) continue;
        if (!strcmp(m, "number")) return &q.number;
        if (!strcmp(m, "text")) return &q.text;
        return nullptr;
    }
    for (Answer& a : doc.answers) {
        if (a.id != id) continue;
        if (!strcmp(m, "reasoning")) return &a.reasoning;
        if (!strcmp(m, "evidence")) return &a.evidence;
        if (!strcmp(m, "recommendations")) return &a.recommendations;
        return nullptr;
    }
    for (Regime& r : doc.regimes) {
        if (r.id == id) {
            if (!strcmp(m, "name")) return &r.name;
            if (!strcmp(m, "summary")) return &r.summary;
            return nullptr;
        }
        for (Dimension& d : r.dimensions) {
            if (d.id != id) continue;
            if (!strcmp(m, "label")) return &d.label;
            if (!strcmp(m, "rationale")) return &d.rationale;
            if (!strcmp(m, "value")) return d.value.type == ValueType::Text ? &d.value.text : nullptr;
            if (!strcmp(m, "unit")) return &d.value.unit;
            return nullptr;
        }
    }
    // A workshop's criteria and participants (the criterion's description is prose, edited in
    // the page's textarea, which finds it by this key).
    for (Criterion& k : doc.workshop.criteria) {
        if (k.id != id) continue;
        if (!strcmp(m, "label")) return &k.label;
        if (!strcmp(m, "description")) return &k.description;
        return nullptr;
    }
    for (Participant& p : doc.workshop.participants)
        if (p.id == id) return !strcmp(m, "name") ? &p.name : nullptr;
    return nullptr;
}

} // namespace parley
