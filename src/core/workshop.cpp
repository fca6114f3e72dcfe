#include "workshop.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parley {

namespace {

// Scores are read from files and typed by people: two regimes 1e-12 apart are equal.
const double kSame = 1e-9;

template <typename T>
int IndexOf(const std::vector<T>& list, const std::string& id) { return index_by_id(list, id); }

int IndexOf(const std::vector<std::string>& list, const std::string& id)
{
    const auto it = std::find(list.begin(), list.end(), id);
    return it == list.end() ? -1 : (int)(it - list.begin());
}

struct DefaultCriterion { const char* label; const char* description; };

// The six criteria workshops of councils and associations usually judge regimes by.
const DefaultCriterion kDefaults[] = {
    {"Burden on frontline staff",
     "How much time social workers, their managers and senior leaders spend preparing for and taking part in inspection instead of working with children and families."},
    {"Proportionality",
     "Whether the amount and depth of inspection follow the risks and weaknesses found, so effort goes where it is needed."},
    {"Clarity",
     "Whether councils and partners can tell in advance what will be inspected, when, how it will be judged and who decides."},
    {"Focus on the child",
     "How far the arrangements look at what children and families actually experience, rather than at processes and paperwork."},
    {"Multi-agency reach",
     "How far inspection covers the part health, police, probation, schools and the safeguarding partnership play, not only the council."},
    {"Support for improvement",
     "Whether the timing, findings and follow-up help a council improve and keep improving, rather than interrupt the work."},
};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

bool SameLabel(const std::string& a, const std::string& b)
{
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++)
        if (Lower(a[i]) != Lower(b[i])) return false;
    return true;
}

bool HasCriterionLabelled(const Document& doc, const char* label)
{
    for (const Criterion& k : doc.workshop.criteria)
        if (SameLabel(k.label, label)) return true;
    return false;
}

bool Exists(const Document& doc, const std::string& participant, const std::string& regime, const std::string& criterion)
{
    return IndexOf(doc.workshop.participants, participant) >= 0 && IndexOf(doc.regimes, regime) >= 0 &&
           IndexOf(doc.workshop.criteria, criterion) >= 0;
}

} // namespace

std::vector<std::string> workshop_columns(const Document& doc)
{
    if (!doc.workshop.regimes.empty()) return doc.workshop.regimes;
    std::vector<std::string> ids;
    for (const Regime& r : doc.regimes) ids.push_back(r.id);
    return ids;
}

WorkshopResults workshop_results(const Document& doc)
{
    WorkshopResults res;
    res.regimes = workshop_columns(doc);
    for (const Criterion& k : doc.workshop.criteria) res.criteria.push_back(k.id);
    const size_t cols = res.regimes.size(), rows = res.criteria.size();
    res.cells.assign(rows * cols, WorkshopCell{});

    // Sums first (count, sum, sum of squares, min, max), then means and deviations. Only
    // participants still in the workshop count: a score of a removed one cannot be in a
    // valid file, but a document being edited is not a file.
    std::vector<double> sums(rows * cols, 0), squares(rows * cols, 0);
    for (const Score& s : doc.workshop.scores) {
        const int r = IndexOf(res.criteria, s.criterion), c = IndexOf(res.regimes, s.regime);
        if (r < 0 || c < 0 || IndexOf(doc.workshop.participants, s.participant) < 0) continue;
        const size_t i = (size_t)r * cols + c;
        WorkshopCell& cell = res.cells[i];
        cell.min = cell.count ? std::min(cell.min, s.score) : s.score;
        cell.max = cell.count ? std::max(cell.max, s.score) : s.score;
        cell.count++;
        sums[i] += s.score;
        squares[i] += s.score * s.score;
    }
    for (size_t i = 0; i < res.cells.size(); i++) {
        WorkshopCell& cell = res.cells[i];
        if (!cell.count) { res.unscored_cells++; continue; }
        cell.mean = sums[i] / cell.count;
        cell.spread = cell.max - cell.min;
        const double variance = squares[i] / cell.count - cell.mean * cell.mean;
        cell.deviation = variance > 0 ? std::sqrt(variance) : 0;   // never the root of a rounding error below 0
    }

    for (size_t c = 0; c < cols; c++) {
        WorkshopTotal t;
        t.regime = res.regimes[c];
        for (size_t r = 0; r < rows; r++) {
            const double w = doc.workshop.criteria[r].weight;
            const WorkshopCell& cell = res.cell((int)r, (int)c);
            if (!cell.count) {
                if (w > 0) t.unscored++;
                continue;
            }
            t.weighted += w * cell.mean;
            t.weight += w;
        }
        t.score = t.weight > 0 ? t.weighted / t.weight : 0;
        res.totals.push_back(t);
    }

    // Ranking: best first; a regime with nothing scored (no weight behind its score) is not ranked.
    for (size_t c = 0; c < cols; c++) res.order.push_back((int)c);
    std::stable_sort(res.order.begin(), res.order.end(), [&](int a, int b) {
        const WorkshopTotal &x = res.totals[a], &y = res.totals[b];
        if ((x.weight > 0) != (y.weight > 0)) return x.weight > 0;
        return x.score > y.score + kSame;
    });
    for (size_t i = 0; i < res.order.size(); i++) {
        WorkshopTotal& t = res.totals[res.order[i]];
        if (t.weight <= 0) continue;
        const WorkshopTotal* before = i > 0 ? &res.totals[res.order[i - 1]] : nullptr;
        if (before && before->weight > 0 && std::fabs(before->score - t.score) <= kSame) {
            t.rank = before->rank;   // standard competition ranking: 1, =2, =2, 4
            t.tied = true;
            res.totals[res.order[i - 1]].tied = true;
        } else {
            t.rank = (int)i + 1;
        }
    }
    return res;
}

std::vector<double> participant_scores(const Document& doc, const WorkshopResults& res, const std::string& participant, std::vector<int>* scored)
{
    const size_t cols = res.regimes.size();
    std::vector<double> weighted(cols, 0), weights(cols, 0);
    if (scored) scored->assign(cols, 0);
    for (const Score& s : doc.workshop.scores) {
        if (s.participant != participant) continue;
        const int r = IndexOf(res.criteria, s.criterion), c = IndexOf(res.regimes, s.regime);
        if (r < 0 || c < 0) continue;
        const double w = doc.workshop.criteria[r].weight;
        weighted[c] += w * s.score;
        weights[c] += w;
        if (scored) (*scored)[c]++;
    }
    for (size_t c = 0; c < cols; c++) weighted[c] = weights[c] > 0 ? weighted[c] / weights[c] : 0;
    return weighted;
}

std::string rank_label(int rank, bool tied)
{
    if (rank <= 0) return "";
    const int tens = rank % 100;
    const char* suffix = tens >= 11 && tens <= 13 ? "th" : rank % 10 == 1 ? "st" : rank % 10 == 2 ? "nd" : rank % 10 == 3 ? "rd" : "th";
    return (tied ? "=" : "") + std::to_string(rank) + suffix;
}

std::string score_text(double score, int decimals)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "%.*f", std::clamp(decimals, 0, 6), score + 1e-9);   // 2.25 shows as 2.3, as a person rounds it
    return buf;
}

const Score* find_score(const Document& doc, const std::string& participant, const std::string& regime, const std::string& criterion)
{
    for (const Score& s : doc.workshop.scores)
        if (s.participant == participant && s.regime == regime && s.criterion == criterion) return &s;
    return nullptr;
}

bool set_score(Document& doc, const std::string& participant, const std::string& regime, const std::string& criterion, double score)
{
    if (!std::isfinite(score) || !Exists(doc, participant, regime, criterion)) return false;
    score = std::clamp(score, 0.0, 5.0);
    for (Score& s : doc.workshop.scores)
        if (s.participant == participant && s.regime == regime && s.criterion == criterion) {
            s.score = score;
            return true;
        }
    Score s;
    s.participant = participant;
    s.regime = regime;
    s.criterion = criterion;
    s.score = score;
    doc.workshop.scores.push_back(std::move(s));
    return true;
}

bool clear_score(Document& doc, const std::string& participant, const std::string& regime, const std::string& criterion)
{
    std::vector<Score>& scores = doc.workshop.scores;
    for (size_t i = 0; i < scores.size(); i++)
        if (scores[i].participant == participant && scores[i].regime == regime && scores[i].criterion == criterion) {
            scores.erase(scores.begin() + (long)i);
            return true;
        }
    return false;
}

int missing_default_criteria(const Document& doc)
{
    int n = 0;
    for (const DefaultCriterion& d : kDefaults) n += !HasCriterionLabelled(doc, d.label);
    return n;
}

int add_default_criteria(Document& doc, IdGenerator& ids)
{
    int added = 0;
    for (const DefaultCriterion& d : kDefaults) {
        if (HasCriterionLabelled(doc, d.label)) continue;
        Criterion k;
        k.id = ids.next("crit");
        k.label = d.label;
        k.description = d.description;
        k.weight = 1;
        doc.workshop.criteria.push_back(std::move(k));
        added++;
    }
    return added;
}

Participant& add_participant(Document& doc, IdGenerator& ids, const std::string& name, const std::string& organisation)
{
    Participant p;
    p.id = ids.next("p");
    p.name = name;
    if (IndexOf(doc.organisations, organisation) >= 0) p.organisation = organisation;
    doc.workshop.participants.push_back(std::move(p));
    return doc.workshop.participants.back();
}

bool set_column(Document& doc, const std::string& regime, bool included)
{
    if (IndexOf(doc.regimes, regime) < 0) return false;
    std::vector<std::string> columns = workshop_columns(doc);
    const int at = IndexOf(columns, regime);
    if (included == (at >= 0)) return true;
    if (included) columns.push_back(regime);
    else if (columns.size() > 1) columns.erase(columns.begin() + at);
    else return false;   // the last column: an empty list would mean every regime again
    doc.workshop.regimes = std::move(columns);
    return true;
}

bool move_column(Document& doc, const std::string& regime, int delta)
{
    std::vector<std::string> columns = workshop_columns(doc);
    const int at = IndexOf(columns, regime), to = at + delta;
    if (at < 0 || to < 0 || to >= (int)columns.size()) return false;
    std::swap(columns[at], columns[to]);
    doc.workshop.regimes = std::move(columns);
    return true;
}

bool set_weight(Document& doc, const std::string& criterion, double weight)
{
    const int at = IndexOf(doc.workshop.criteria, criterion);
    if (at < 0 || !std::isfinite(weight)) return false;
    doc.workshop.criteria[at].weight = std::clamp(weight, 0.0, 1000.0);
    return true;
}

} // namespace parley
