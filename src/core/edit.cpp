#include "edit.h"

#include <algorithm>
#include <unordered_set>

namespace parley {

template <typename T, typename F>
static bool EraseIf(std::vector<T>& list, F pred)
{
    const size_t before = list.size();
    list.erase(std::remove_if(list.begin(), list.end(), pred), list.end());
    return list.size() != before;
}

// Comments point at anything by id and outlive it: what a colleague wrote about a question is
// still worth reading once the question is gone (the comments pane says "on a removed
// question"). A comment that does not yet say what it was on learns it here, while that is
// still known; replies need nothing, the comment they answer is still there.
static void KeepCommentsOn(Document& doc, const std::vector<std::pair<std::string, std::string>>& gone)
{
    for (Comment& c : doc.comments)
        if (c.about.empty())
            for (const auto& g : gone)
                if (c.target == g.first) { c.about = g.second; break; }
}

static std::string QuestionAbout(const Question& q)
{
    return q.number.empty() ? "a question" : "question " + q.number;
}

Answer* find_answer(Document& doc, const std::string& question_id)
{
    for (Answer& a : doc.answers)
        if (a.question == question_id) return &a;
    return nullptr;
}

std::string remove_question_scope(const Document& doc, const std::string& id)
{
    std::string scope = "document/questions;document/comments";
    for (const Answer& a : doc.answers)
        if (a.question == id) scope += ";-" + a.id;   // its answer: copied alone, not the answers of every question
    return scope;
}

std::string remove_regime_scope(const Document&, const std::string&) { return "document/regimes;document/workshop;document/comments"; }

std::string remove_dimension_scope(const Document& doc, const std::string& id)
{
    for (const Regime& r : doc.regimes)
        for (const Dimension& d : r.dimensions)
            if (d.id == id) return r.id + "/dimensions;document/comments";
    return "";
}

std::string remove_section_scope(const Document&, const std::string&) { return "document/sections;document/general_points;document/comments"; }
std::string remove_criterion_scope(const Document&, const std::string&) { return "document/workshop;document/comments"; }
std::string remove_participant_scope(const Document&, const std::string&) { return "document/workshop;document/comments"; }

bool remove_question(Document& doc, std::string id)
{
    const Question* q = find_by_id(doc.questions, id);
    if (!q) return false;
    const std::string about = QuestionAbout(*q);
    std::vector<std::pair<std::string, std::string>> gone = {{id, about}};
    EraseIf(doc.questions, [&](const Question& x) { return x.id == id; });
    EraseIf(doc.answers, [&](const Answer& a) {
        if (a.question != id) return false;
        gone.push_back({a.id, "the answer to " + about});
        return true;
    });
    KeepCommentsOn(doc, gone);
    return true;
}

bool remove_organisation(Document& doc, std::string id)
{
    if (const Organisation* o = find_by_id(doc.organisations, id)) KeepCommentsOn(doc, {{id, "organisation " + organisation_name(*o)}});
    if (!EraseIf(doc.organisations, [&](const Organisation& o) { return o.id == id; })) return false;
    for (Answer& a : doc.answers)
        EraseIf(a.signatories, [&](const Signatory& s) { return s.organisation == id; });
    for (Regime& r : doc.regimes)
        if (r.owner == id) r.owner.clear();
    for (Participant& p : doc.workshop.participants)
        if (p.organisation == id) p.organisation.clear();
    return true;
}

bool remove_regime(Document& doc, std::string id)
{
    std::vector<std::pair<std::string, std::string>> gone;
    bool found = false;
    EraseIf(doc.regimes, [&](const Regime& r) {
        if (r.id != id) return false;
        found = true;
        gone.push_back({id, "regime \u201C" + regime_name(r) + "\u201D"});
        for (const Dimension& d : r.dimensions) gone.push_back({d.id, "a dimension of " + gone[0].second});
        return true;
    });
    if (!found) return false;
    for (Regime& r : doc.regimes)
        if (r.based_on == id) r.based_on.clear();   // an alternative outlives what it amended
    EraseIf(doc.workshop.regimes, [&](const std::string& r) { return r == id; });
    EraseIf(doc.workshop.scores, [&](const Score& s) { return s.regime == id; });
    KeepCommentsOn(doc, gone);
    return true;
}

bool remove_dimension(Document& doc, std::string id)
{
    for (Regime& r : doc.regimes)
        if (EraseIf(r.dimensions, [&](const Dimension& d) { return d.id == id; })) {
            KeepCommentsOn(doc, {{id, "a dimension of regime \u201C" + regime_name(r) + "\u201D"}});
            return true;
        }
    return false;
}

bool remove_section(Document& doc, std::string id)
{
    auto is = [&](const Section& s) { return s.id == id; };
    const Section* s = find_by_id(doc.sections, id);
    if (!s) s = find_by_id(doc.general_points, id);
    if (!s) return false;
    KeepCommentsOn(doc, {{id, s->heading.empty() ? std::string("a section") : "section \u201C" + s->heading + "\u201D"}});
    if (!EraseIf(doc.sections, is)) EraseIf(doc.general_points, is);
    return true;
}

bool remove_criterion(Document& doc, std::string id)
{
    if (const Criterion* k = find_by_id(doc.workshop.criteria, id)) KeepCommentsOn(doc, {{id, "criterion \u201C" + k->label + "\u201D"}});
    if (!EraseIf(doc.workshop.criteria, [&](const Criterion& k) { return k.id == id; })) return false;
    EraseIf(doc.workshop.scores, [&](const Score& s) { return s.criterion == id; });
    return true;
}

bool remove_participant(Document& doc, std::string id)
{
    if (const Participant* p = find_by_id(doc.workshop.participants, id)) KeepCommentsOn(doc, {{id, "participant " + p->name}});
    if (!EraseIf(doc.workshop.participants, [&](const Participant& p) { return p.id == id; })) return false;
    EraseIf(doc.workshop.scores, [&](const Score& s) { return s.participant == id; });
    return true;
}

} // namespace parley
