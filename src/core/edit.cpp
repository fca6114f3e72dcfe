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

// Comments point at anything by id: those on something removed go with it.
// Comments on what went, and the replies to those (a comment on a comment), and so on: a
// reply left pointing at nothing would make the file one that cannot be opened.
static void RemoveCommentsOn(Document& doc, const std::vector<std::string>& ids)
{
    std::unordered_set<std::string> gone(ids.begin(), ids.end());
    for (bool more = true; more;) {
        more = false;
        for (const Comment& c : doc.comments)
            if (gone.count(c.target) && gone.insert(c.id).second) more = true;
    }
    EraseIf(doc.comments, [&](const Comment& c) { return gone.count(c.id) > 0; });
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
    if (!EraseIf(doc.questions, [&](const Question& q) { return q.id == id; })) return false;
    std::vector<std::string> gone = {id};
    EraseIf(doc.answers, [&](const Answer& a) {
        if (a.question != id) return false;
        gone.push_back(a.id);
        return true;
    });
    RemoveCommentsOn(doc, gone);
    return true;
}

bool remove_organisation(Document& doc, std::string id)
{
    if (!EraseIf(doc.organisations, [&](const Organisation& o) { return o.id == id; })) return false;
    for (Answer& a : doc.answers)
        EraseIf(a.signatories, [&](const Signatory& s) { return s.organisation == id; });
    for (Regime& r : doc.regimes)
        if (r.owner == id) r.owner.clear();
    for (Participant& p : doc.workshop.participants)
        if (p.organisation == id) p.organisation.clear();
    RemoveCommentsOn(doc, {id});
    return true;
}

bool remove_regime(Document& doc, std::string id)
{
    std::vector<std::string> gone = {id};
    bool found = false;
    EraseIf(doc.regimes, [&](const Regime& r) {
        if (r.id != id) return false;
        found = true;
        for (const Dimension& d : r.dimensions) gone.push_back(d.id);
        return true;
    });
    if (!found) return false;
    for (Regime& r : doc.regimes)
        if (r.based_on == id) r.based_on.clear();   // an alternative outlives what it amended
    EraseIf(doc.workshop.regimes, [&](const std::string& r) { return r == id; });
    EraseIf(doc.workshop.scores, [&](const Score& s) { return s.regime == id; });
    RemoveCommentsOn(doc, gone);
    return true;
}

bool remove_dimension(Document& doc, std::string id)
{
    for (Regime& r : doc.regimes)
        if (EraseIf(r.dimensions, [&](const Dimension& d) { return d.id == id; })) {
            RemoveCommentsOn(doc, {id});
            return true;
        }
    return false;
}

bool remove_section(Document& doc, std::string id)
{
    auto is = [&](const Section& s) { return s.id == id; };
    if (!EraseIf(doc.sections, is) && !EraseIf(doc.general_points, is)) return false;
    RemoveCommentsOn(doc, {id});
    return true;
}

bool remove_criterion(Document& doc, std::string id)
{
    if (!EraseIf(doc.workshop.criteria, [&](const Criterion& k) { return k.id == id; })) return false;
    EraseIf(doc.workshop.scores, [&](const Score& s) { return s.criterion == id; });
    RemoveCommentsOn(doc, {id});
    return true;
}

bool remove_participant(Document& doc, std::string id)
{
    if (!EraseIf(doc.workshop.participants, [&](const Participant& p) { return p.id == id; })) return false;
    EraseIf(doc.workshop.scores, [&](const Score& s) { return s.participant == id; });
    RemoveCommentsOn(doc, {id});
    return true;
}

} // namespace parley
