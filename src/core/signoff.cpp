// Sign-off by organisation: the grid, its totals, the rule for "agreed" (signoff.h).

#include "signoff.h"

#include "revision_changes.h"

#include <algorithm>
#include <type_traits>

namespace parley {

bool answer_is_answered(const Answer& answer)
{
    if (answer.position != Position::Unset) return true;
    bool words = false;
    for_each_field(answer, [&](const Field& f, const auto& m) {
        if constexpr (std::is_same_v<std::remove_const_t<std::remove_reference_t<decltype(m)>>, std::string>)
            if (f.words() && !m.empty()) words = true;
    });
    return words;
}

Signatory* find_signatory(Answer& answer, const std::string& organisation)
{
    for (Signatory& s : answer.signatories)
        if (s.organisation == organisation) return &s;
    return nullptr;
}

const Signatory* find_signatory(const Answer& answer, const std::string& organisation)
{
    for (const Signatory& s : answer.signatories)
        if (s.organisation == organisation) return &s;
    return nullptr;
}

Signatory& signatory_entry(Answer& answer, const std::string& organisation)
{
    if (Signatory* s = find_signatory(answer, organisation)) return *s;
    Signatory s;
    s.organisation = organisation;
    answer.signatories.push_back(std::move(s));
    return answer.signatories.back();
}

bool signatory_is_empty(const Signatory& s)
{
    return s.position == Position::Unset && s.note.empty() && s.signoff == SignOff::Unseen && s.reason.empty() && s.signed_by.empty() &&
           s.signed_time.empty() && s.exception.empty() && s.extra.empty();
}

bool drop_empty_signatory(Answer& answer, const std::string& organisation)
{
    auto it = std::find_if(answer.signatories.begin(), answer.signatories.end(),
                           [&](const Signatory& s) { return s.organisation == organisation; });
    if (it == answer.signatories.end() || !signatory_is_empty(*it)) return false;
    answer.signatories.erase(it);
    return true;
}

void set_signoff(Answer& answer, const std::string& organisation, SignOff signoff, const std::string& reason,
                 const std::string& signed_by, const std::string& signed_time)
{
    Signatory& s = signatory_entry(answer, organisation);
    s.signoff = signoff;
    s.exception.clear();
    if (signoff == SignOff::Unseen) {
        s.reason.clear();
        s.signed_by.clear();
        s.signed_time.clear();
        drop_empty_signatory(answer, organisation);
        return;
    }
    s.reason = reason;
    s.signed_by = signed_by;
    s.signed_time = signed_time;
}

void record_exception(Answer& answer, const std::string& organisation, const std::string& reason)
{
    if (reason.empty() && !find_signatory(answer, organisation)) return;
    signatory_entry(answer, organisation).exception = reason;
    drop_empty_signatory(answer, organisation);
}

// The newest saved revision that changed what the co-signatories signed: the answer's own
// members (not their sign-offs) and the question's text. Null when the history does not say.
static const Revision* LastContentChange(const Document& doc, const Answer& answer, const Question& question)
{
    const Revision* newest = nullptr;
    auto consider = [&](const std::string& path) {
        const Revision* r = last_change_to(doc, path, "");
        if (r && (!newest || r->time > newest->time)) newest = r;
    };
    for_each_field(answer, [&](const Field& f, const auto& m) {
        using M = std::remove_const_t<std::remove_reference_t<decltype(m)>>;
        if constexpr (!std::is_same_v<M, std::vector<Signatory>>)
            if (!f.is(FieldIdentity) && std::string(f.name) != "id") consider("answers/" + answer.id + "/" + f.name);
    });
    consider("questions/" + question.id + "/text");
    return newest;
}

SignOffGrid signoff_grid(const Document& doc)
{
    SignOffGrid grid;
    for (int i = 1; i < (int)doc.organisations.size(); i++) grid.columns.push_back(i);
    const bool joint = !grid.columns.empty();
    grid.rows.reserve(doc.questions.size());
    for (int q = 0; q < (int)doc.questions.size(); q++) {
        const Question& question = doc.questions[q];
        SignOffRow row;
        row.question = q;
        for (int a = 0; a < (int)doc.answers.size(); a++)
            if (doc.answers[a].question == question.id) { row.answer = a; break; }
        const Answer* answer = row.answer >= 0 ? &doc.answers[row.answer] : nullptr;
        row.answered = answer && answer_is_answered(*answer);
        bool looked_for_change = false;
        const Revision* changed = nullptr;
        row.cells.resize(grid.columns.size());
        for (size_t c = 0; c < grid.columns.size() && answer; c++) {
            const Organisation& o = doc.organisations[grid.columns[c]];
            SignOffCell& cell = row.cells[c];
            for (int s = 0; s < (int)answer->signatories.size(); s++)
                if (answer->signatories[s].organisation == o.id) { cell.entry = s; break; }
            if (cell.entry < 0) continue;
            const Signatory& s = answer->signatories[cell.entry];
            cell.signoff = s.signoff;
            cell.position = s.position;
            cell.differs = s.position != Position::Unset && s.position != answer->position;
            cell.excepted = s.signoff != SignOff::Agreed && !s.exception.empty();
            if (s.signoff == SignOff::Agreed && !s.signed_time.empty()) {
                if (!looked_for_change) { changed = LastContentChange(doc, *answer, question); looked_for_change = true; }
                // A sign-off saved in the same revision as the change cannot be told apart from
                // one made after it: only a later revision counts.
                if (changed && changed->time > s.signed_time &&
                    last_change_to(doc, "answers/" + answer->id + "/signatories/" + o.id, "") != changed)
                    cell.changed_since = true;
            }
            row.diverges = row.diverges || cell.differs;
        }
        if (joint) {
            if (!row.answered) {
                row.waiting = true;
                grid.totals.unanswered++;
                grid.totals.blockers++;
            } else {
                for (const SignOffCell& cell : row.cells) {
                    grid.totals.cells++;
                    switch (cell.signoff) {
                    case SignOff::Unseen:  grid.totals.waiting++; break;
                    case SignOff::Agreed:  grid.totals.agreed++; break;
                    case SignOff::Discuss: grid.totals.discuss++; break;
                    case SignOff::Objects: grid.totals.objects++; break;
                    }
                    if (cell.excepted) grid.totals.excepted++;
                    if (cell.changed_since) grid.totals.changed_since++;
                    if (cell.signoff != SignOff::Agreed && !cell.excepted) {
                        row.waiting = true;
                        grid.totals.blockers++;
                    }
                }
            }
        }
        if (row.diverges) grid.totals.diverging_questions++;
        grid.rows.push_back(std::move(row));
    }
    return grid;
}

std::string signoff_summary_line(const SignOffTotals& t)
{
    const std::string dot = " \xC2\xB7 ";
    std::string line = std::to_string(t.waiting) + " of " + std::to_string(t.cells) + " waiting";
    line += dot + std::to_string(t.agreed) + " agreed";
    if (t.discuss) line += dot + std::to_string(t.discuss) + (t.discuss == 1 ? " needs discussion" : " need discussion");
    if (t.objects) line += dot + std::to_string(t.objects) + " objects";
    if (t.excepted) line += dot + std::to_string(t.excepted) + (t.excepted == 1 ? " exception" : " exceptions");
    if (t.changed_since) line += dot + std::to_string(t.changed_since) + " changed since agreed";
    line += dot + (t.diverging_questions ? "positions differ on " + std::to_string(t.diverging_questions) +
                                               (t.diverging_questions == 1 ? " question" : " questions")
                                         : std::string("no positions differ"));
    if (t.unanswered) line += dot + std::to_string(t.unanswered) + (t.unanswered == 1 ? " question has no answer" : " questions have no answer");
    return line;
}

std::vector<SignOffBlocker> agreement_blockers(const Document& doc)
{
    std::vector<SignOffBlocker> out;
    const SignOffGrid grid = signoff_grid(doc);
    for (const SignOffRow& row : grid.rows) {
        if (!row.waiting) continue;
        const Question& q = doc.questions[row.question];
        if (!row.answered) {
            out.push_back({q.id, row.answer >= 0 ? doc.answers[row.answer].id : "", "", SignOff::Unseen});
            continue;
        }
        for (size_t c = 0; c < row.cells.size(); c++) {
            const SignOffCell& cell = row.cells[c];
            if (cell.signoff == SignOff::Agreed || cell.excepted) continue;
            out.push_back({q.id, doc.answers[row.answer].id, doc.organisations[grid.columns[c]].id, cell.signoff});
        }
    }
    return out;
}


std::string blocker_text(const Document& doc, const SignOffBlocker& b)
{
    const int q = index_by_id(doc.questions, b.question);
    const std::string question = q >= 0 ? question_label(doc, q) : "A question";
    if (b.organisation.empty()) return question + " has no answer yet";
    const std::string org = organisation_name(doc, b.organisation);
    switch (b.signoff) {
    case SignOff::Discuss: return question + ": " + org + " needs discussion";
    case SignOff::Objects: return question + ": " + org + " objects";
    default:               return question + ": " + org + " has not signed it off yet";
    }
}

} // namespace parley
