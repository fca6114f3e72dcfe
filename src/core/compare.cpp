// Comparisons a person can read (compare.h): typed value changes, regimes side by side,
// two versions of a draft field by field, and their text and JSON forms.
//
// Index of this file
//   Values
//   Regimes
//   Documents
//   Text and JSON

#include "compare.h"

#include "catalogue.h"
#include "field_history.h"
#include "json_writer.h"
#include "paths.h"
#include "revision_changes.h"
#include "value_text.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <type_traits>
#include <unordered_map>

namespace parley {

// ---------------------------------------------------------------------------------------------
// Values

static bool SameItems(std::vector<std::string> a, std::vector<std::string> b)
{
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

bool values_equal(const Value& a, const Value& b)
{
    if (a.type != b.type) return false;
    switch (a.type) {
    case ValueType::Text: return a.text == b.text;
    case ValueType::Number: return a.number == b.number && a.unit == b.unit;
    case ValueType::Range: return a.min == b.min && a.max == b.max && a.unit == b.unit;
    case ValueType::Bound: return a.bound == b.bound && a.number == b.number && a.unit == b.unit;
    case ValueType::Choice: return a.list == b.list && a.option == b.option;
    case ValueType::Set: return a.list == b.list && SameItems(a.items, b.items);   // a set: order is not a change
    case ValueType::YesNo: return a.yes == b.yes;
    }
    return false;
}

// A number as people write it: "24", "1.5", "-3".
static std::string Num(double n) { return json_format_number(n); }

static std::string Signed(double n) { return (n > 0 ? "+" : n < 0 ? "\xE2\x88\x92" : "") + Num(std::fabs(n)); }   // U+2212 minus

// Units of time, each as a multiple of its family's smallest. Days and weeks are one family,
// months and years another (a month is not a whole number of weeks, so the two never mix);
// working days and hours convert to nothing, but they are time, so ranges read earliest/latest.
static bool UnitSize(const std::string& unit, int* family, double* size)
{
    static const struct { const char* unit; int family; double size; } kUnits[] = {
        {"days", 1, 1}, {"day", 1, 1}, {"weeks", 1, 7}, {"week", 1, 7},
        {"months", 2, 1}, {"month", 2, 1}, {"years", 2, 12}, {"year", 2, 12},
        {"working days", 3, 1}, {"working day", 3, 1}, {"hours", 4, 1}, {"hour", 4, 1},
    };
    for (const auto& u : kUnits)
        if (unit == u.unit) { *family = u.family; *size = u.size; return true; }
    return false;
}

static bool IsTimeUnit(const std::string& unit)
{
    int family = 0;
    double size = 0;
    return UnitSize(unit, &family, &size);
}

// True when a value in unit `from` can be said in unit `to`; `factor` multiplies it.
static bool ConvertibleUnits(const std::string& from, const std::string& to, double* factor)
{
    int fa = 0, fb = 0;
    double sa = 0, sb = 0;
    if (!UnitSize(from, &fa, &sa) || !UnitSize(to, &fb, &sb) || fa != fb) return false;
    *factor = sa / sb;
    return true;
}

// A number, range or bound as the stretch of the number line it allows.
struct Interval {
    bool has_lo = true, has_hi = true;
    double lo = 0, hi = 0;
};

static Interval IntervalOf(const Value& v)
{
    Interval i;
    switch (v.type) {
    case ValueType::Number: i.lo = i.hi = v.number; break;
    case ValueType::Range: i.lo = v.min; i.hi = v.max; break;
    case ValueType::Bound:
        if (v.bound == BoundKind::AtLeast) { i.lo = v.number; i.has_hi = false; }
        else { i.hi = v.number; i.has_lo = false; }
        break;
    default: break;
    }
    return i;
}

// "+25, doubled", "−10, down by a third"... the change of one number to another.
static std::string NumberChange(double a, double b)
{
    std::string s = Signed(b - a);
    if (a > 0 && b > 0) {
        const double r = b / a;
        auto near = [r](double x) { return std::fabs(r - x) < 1e-9; };
        if (near(2)) s += ", doubled";
        else if (near(3)) s += ", tripled";
        else if (near(4)) s += ", quadrupled";
        else if (near(0.5)) s += ", halved";
        else {
            const long pct = std::lround((r - 1) * 100);
            if (pct != 0) s += ", " + std::string(pct > 0 ? "+" : "\xE2\x88\x92") + std::to_string(std::labs(pct)) + "%";
        }
    }
    return s;
}


std::string describe_value_change(const Value& a, const Document* doc_a, const Value& b, const Document* doc_b)
{
    if (values_equal(a, b)) return "";
    const bool numeric_a = value_type_is_numeric(a.type), numeric_b = value_type_is_numeric(b.type);
    if (numeric_a && numeric_b) {
        if (a.unit != b.unit) {
            // Days and weeks, months and years are one quantity: "2 weeks" against "10 days" is
            // 4 days fewer, said in the newer unit. Anything else is a change of unit, said so.
            double factor = 0;
            if (!ConvertibleUnits(a.unit, b.unit, &factor))
                return "unit changed from " + (a.unit.empty() ? std::string("none") : a.unit) + " to " + (b.unit.empty() ? std::string("none") : b.unit);
            Value in_b_units = a;
            in_b_units.unit = b.unit;
            in_b_units.number *= factor;
            in_b_units.min *= factor;
            in_b_units.max *= factor;
            const std::string change = describe_value_change(in_b_units, doc_a, b, doc_b);
            return (change.empty() ? "the same" : change) + " (" + value_text(a, doc_a) + " is " + value_text(in_b_units, doc_a) + ")";
        }
        if (a.type == ValueType::Number && b.type == ValueType::Number) return NumberChange(a.number, b.number);
        // Ranges and bounds: say what happened to each end. Time reads "earliest/latest".
        const bool time = IsTimeUnit(a.unit);
        const char* low = time ? "earliest" : "lowest";
        const char* high = time ? "latest" : "highest";
        const Interval x = IntervalOf(a), y = IntervalOf(b);
        std::vector<std::string> parts;
        if (x.has_lo && y.has_lo && x.lo != y.lo) parts.push_back(std::string(low) + " moved from " + Num(x.lo) + " to " + Num(y.lo));
        if (x.has_lo && !y.has_lo) parts.push_back("no lower bound");
        if (!x.has_lo && y.has_lo) parts.push_back(std::string(low) + " now " + Num(y.lo));
        if (x.has_hi && y.has_hi && x.hi != y.hi) parts.push_back(std::string(high) + " moved from " + Num(x.hi) + " to " + Num(y.hi));
        if (x.has_hi && !y.has_hi) parts.push_back("no upper bound");
        if (!x.has_hi && y.has_hi) parts.push_back(std::string(high) + " now " + Num(y.hi));
        std::string s;
        for (const std::string& p : parts) s += (s.empty() ? "" : ", ") + p;
        return s;
    }
    if (a.type == ValueType::Set && b.type == ValueType::Set) {
        std::string added, removed;
        for (const std::string& item : b.items)
            if (std::find(a.items.begin(), a.items.end(), item) == a.items.end()) added += (added.empty() ? "" : ", ") + option_label(b.list, item, doc_b);
        for (const std::string& item : a.items)
            if (std::find(b.items.begin(), b.items.end(), item) == b.items.end()) removed += (removed.empty() ? "" : ", ") + option_label(a.list, item, doc_a);
        std::string s;
        if (!added.empty()) s += "added " + added;
        if (!removed.empty()) s += std::string(s.empty() ? "" : "; ") + "removed " + removed;
        return s;
    }
    if (a.type == ValueType::Text && b.type == ValueType::Text) return "reworded";
    return "";   // a choice or yes/no changed, or another type: "before → after" says it all
}

// ---------------------------------------------------------------------------------------------
// Regimes

const char* row_state_label(RowState s)
{
    static const char* const kLabels[] = {"unchanged", "changed", "added", "removed"};
    return kLabels[(int)s];
}

const char* change_kind_label(ChangeKind k)
{
    static const char* const kLabels[] = {"added", "removed", "changed"};
    return kLabels[(int)k];
}

std::string RegimeComparison::summary_line() const
{
    const int total = (int)rows.size();
    std::string s = std::to_string(total) + (total == 1 ? " dimension" : " dimensions");
    std::vector<std::string> parts;
    if (changed) {
        std::string part = std::to_string(changed) + " changed";
        if (rationale_only) part += " (" + std::to_string(rationale_only) + " only in " + (rationale_only == 1 ? "its rationale)" : "their rationale)");
        parts.push_back(part);
    }
    if (added) parts.push_back(std::to_string(added) + " added");
    if (removed) parts.push_back(std::to_string(removed) + " removed");
    if (unchanged) parts.push_back(std::to_string(unchanged) + " unchanged");
    for (size_t i = 0; i < parts.size(); i++) s += (i == 0 ? ": " : ", ") + parts[i];
    return s;
}

static const Dimension* FindDimension(const Regime& r, const std::string& key)
{
    for (const Dimension& d : r.dimensions)
        if (d.key == key) return &d;
    return nullptr;
}

RegimeComparison compare_regimes(const std::vector<RegimeRef>& regimes)
{
    RegimeComparison c;
    c.regimes = regimes;
    if (regimes.empty()) return c;

    // The rows' keys in order: the base's, then each later regime's new keys after the key
    // they follow there, so a dimension only the alternative has sits beside its neighbours.
    std::vector<std::string> keys;
    for (const RegimeRef& ref : regimes) {
        std::string after;   // the key this regime lists just before the current one
        for (const Dimension& d : ref.regime->dimensions) {
            if (std::find(keys.begin(), keys.end(), d.key) == keys.end())
                keys.insert(after.empty() ? keys.begin() : std::find(keys.begin(), keys.end(), after) + 1, d.key);
            after = d.key;
        }
    }

    const RegimeRef& base = regimes[0];
    for (const std::string& key : keys) {
        ComparisonRow row;
        row.key = key;
        bool any_changed = false, missing_in_other = false;
        const Dimension* base_dim = FindDimension(*base.regime, key);
        for (size_t i = 0; i < regimes.size(); i++) {
            RowCell cell;
            cell.dimension = i == 0 ? base_dim : FindDimension(*regimes[i].regime, key);
            if (cell.dimension) {
                cell.value = value_text(cell.dimension->value, regimes[i].doc);
                if (row.label.empty()) row.label = dimension_label(*cell.dimension);
            } else if (i > 0) {
                missing_in_other = true;
            }
            if (i > 0 && cell.dimension && base_dim) {
                cell.value_changed = !values_equal(base_dim->value, cell.dimension->value);
                if (cell.value_changed) cell.change = describe_value_change(base_dim->value, base.doc, cell.dimension->value, regimes[i].doc);
                if (cell.value_changed && base_dim->value.type == ValueType::Text && cell.dimension->value.type == ValueType::Text)
                    cell.value_diff = diff_text(base_dim->value.text, cell.dimension->value.text);
                cell.rationale_changed = base_dim->rationale != cell.dimension->rationale;
                if (cell.rationale_changed) cell.rationale = diff_text(base_dim->rationale, cell.dimension->rationale);
                any_changed = any_changed || cell.value_changed || cell.rationale_changed;
                row.values_differ = row.values_differ || cell.value_changed;
            }
            row.cells.push_back(std::move(cell));
        }
        if (!base_dim) { row.state = RowState::Added; c.added++; }
        else if (missing_in_other) { row.state = RowState::Removed; c.removed++; }
        else if (any_changed) { row.state = RowState::Changed; c.changed++; c.rationale_only += row.values_differ ? 0 : 1; }
        else { row.state = RowState::Unchanged; c.unchanged++; }
        c.rows.push_back(std::move(row));
    }
    for (size_t i = 0; i < regimes.size(); i++)
        c.summaries.push_back(i == 0 ? TextDiff{} : diff_text(base.regime->summary, regimes[i].regime->summary));
    return c;
}

// ---------------------------------------------------------------------------------------------
// Documents

std::string DocumentComparison::summary_line() const
{
    int added = 0, removed = 0, changed = 0;
    for (const FieldChange& f : changes) {
        if (f.kind == ChangeKind::Added) added++;
        else if (f.kind == ChangeKind::Removed) removed++;
        else changed++;
    }
    const int total = (int)changes.size();
    if (total == 0) return "No changes";
    std::string s = std::to_string(total) + (total == 1 ? " change" : " changes");
    std::vector<std::string> parts;
    if (added) parts.push_back(std::to_string(added) + " added");
    if (removed) parts.push_back(std::to_string(removed) + " removed");
    if (changed) parts.push_back(std::to_string(changed) + " changed");
    for (size_t i = 0; i < parts.size(); i++) s += (i == 0 ? ": " : ", ") + parts[i];
    return s;
}

namespace {

// Every object with an id, by its path (paths.h), so each change can say where it is.
template <typename T>
void CollectPaths(const T& obj, const std::string& path, std::unordered_map<std::string, std::string>& out)
{
    if constexpr (has_id_v<T>)
        if (!path.empty()) out.emplace(obj.id, path);
    for_each_field(obj, [&](const parley::Field& f, const auto& m) {
        using M = std::remove_const_t<std::remove_reference_t<decltype(m)>>;
        if constexpr (is_object_list_v<M>) {
            if (f.is(FieldHistory)) return;
            const std::string list = path_join(path, f.name);
            for (const auto& item : m) CollectPaths(item, path_join(list, element_key(item)), out);
        } else if constexpr (is_described_v<M>) {
            if (!f.is(FieldHistory)) CollectPaths(m, path_join(path, f.name), out);
        }
    });
}

// Collects the changes of one comparison, part by part.
struct Collector {
    const Document& a;
    const Document& b;
    std::vector<FieldChange> changes;
    std::unordered_map<std::string, std::string> paths{};   // id -> path, in b, then a (CollectPaths)

    std::string PathOf(const std::string& id) const
    {
        auto it = paths.find(id);
        return id.empty() || it == paths.end() ? std::string() : it->second;
    }
    std::string MemberPath(const std::string& id, const char* member) const   // "" when the object has no path
    {
        const std::string at = PathOf(id);
        return at.empty() ? at : path_join(at, member);
    }
    void Field(const std::string& part, const std::string& field, const std::string& id, const std::string& before, const std::string& after, bool prose = false,
               const std::string& path = "")
    {
        if (before == after) return;
        FieldChange f;
        f.part = part;
        f.field = field;
        f.id = id;
        f.kind = ChangeKind::Changed;
        f.before = before;
        f.after = after;
        f.prose = prose;
        f.path = path;
        changes.push_back(std::move(f));   // prose fields are diffed afterwards (ComparisonJob), all from one budget
    }
    void Object(ChangeKind kind, const std::string& part, const std::string& what, const std::string& id, const std::string& text)
    {
        FieldChange f;
        f.part = part;
        f.field = what;
        f.id = id;
        f.kind = kind;
        f.path = PathOf(id);
        (kind == ChangeKind::Added ? f.after : f.before) = text;
        changes.push_back(std::move(f));
    }
};

// The path of an object whose members are compared: false when it has none to give (a score,
// an option list), so its changes say nothing about who made them. `id` is the owner's for a
// signatory (an answer's), else the object's own.
template <typename T>
bool ObjectPath(const Collector& c, const std::string& id, const T& y, std::string* out)
{
    if constexpr (std::is_same_v<T, Document>) { *out = ""; return true; }
    else if constexpr (std::is_same_v<T, Consultation>) { *out = "consultation"; return true; }
    else if constexpr (std::is_same_v<T, Summary>) { *out = "summary"; return true; }
    else if constexpr (std::is_same_v<T, Workshop>) { *out = "workshop"; return true; }
    else if constexpr (has_id_v<T>) { *out = c.PathOf(y.id); return !out->empty(); }
    else if constexpr (std::is_same_v<T, Signatory>) { *out = c.PathOf(id); if (out->empty()) return false; *out += "/signatories/" + element_key(y); return true; }
    else { (void)c; (void)id; (void)y; return false; }
}

// Lines up two lists of objects by id: `both` for each object in b found in a (in b's order,
// an added one where it stands), `only` for added objects and then for removed ones.
template <typename T, typename Key, typename Both, typename Only>
void Match(const std::vector<T>& in_a, const std::vector<T>& in_b, Key key, Both both, Only only)
{
    std::unordered_map<std::string, const T*> by_key;
    for (const T& x : in_a) by_key[key(x)] = &x;
    std::unordered_map<std::string, bool> seen;
    for (const T& y : in_b) {
        auto it = by_key.find(key(y));
        if (it != by_key.end()) { both(*it->second, y); seen[key(y)] = true; }
        else only(ChangeKind::Added, y);
    }
    for (const T& x : in_a)
        if (!seen.count(key(x))) only(ChangeKind::Removed, x);
}

template <typename T, typename Both, typename Only>
void ById(const std::vector<T>& in_a, const std::vector<T>& in_b, Both both, Only only)
{
    Match(in_a, in_b, [](const T& x) -> const std::string& { return x.id; }, both, only);
}

std::string QuestionPart(const Question& q, int index)
{
    return "Question " + (q.number.empty() ? std::to_string(index + 1) : q.number);
}

std::string RegimePart(const Regime& r)
{
    return "Regime: " + (r.name.empty() ? std::string(role_label(r.role)) : r.name);
}

// What an id names, as a person reads it in a comparison.
std::string NameOf(const Document& doc, IdKind kind, const std::string& id)
{
    switch (kind) {
    case IdKind::Organisation: return organisation_name(doc, id);
    case IdKind::Regime: return regime_name(doc, id);
    case IdKind::Criterion: { const Criterion* k = find_by_id(doc.workshop.criteria, id); return k ? k->label : id; }
    case IdKind::Participant: { const Participant* p = find_by_id(doc.workshop.participants, id); return p ? p->name : id; }
    case IdKind::Source: { const Source* s = find_by_id(doc.sources, id); return s ? s->title : id; }
    default: return id;
    }
}

// A member as text to compare: enums by their labels, references by the names of what they
// point at, numbers as written.
template <typename M>
std::string MemberText(const Document& doc, const parley::Field& f, const M& m)
{
    if constexpr (std::is_same_v<M, std::string>) {
        return f.text_kind == TextKind::Ref ? NameOf(doc, f.id_kind, m) : m;
    } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
        if (f.text_kind != TextKind::Ref) return join_names(m);
        std::vector<std::string> names;
        for (const std::string& id : m) names.push_back(NameOf(doc, f.id_kind, id));
        return join_names(names);
    } else if constexpr (std::is_enum_v<M>) {
        return enum_label(m);
    } else if constexpr (std::is_same_v<M, double>) {
        return Num(m);
    } else if constexpr (std::is_same_v<M, int>) {
        return m ? std::to_string(m) : std::string();
    } else if constexpr (std::is_same_v<M, bool>) {
        return m ? "yes" : "no";
    } else {
        return std::string();
    }
}

// Every declared member of two versions of one object that a person reads by itself (it has a
// label, and is neither an id nor a list of further objects), prose word by word. `prefix`
// goes before each label ("ADCS's "); `said` names a member the caller has already said in its
// own way. A member added to a struct is compared with no change here.
template <typename T>
void CompareMembers(Collector& c, const std::string& part, const std::string& id, const T& x, const T& y, const std::string& prefix = "",
                    const char* said = nullptr)
{
    std::string at;
    const bool located = ObjectPath(c, id, y, &at);
    for_each_field_pair(x, y, [&](const parley::Field& f, const auto& p, const auto& q) {
        using M = std::remove_const_t<std::remove_reference_t<decltype(p)>>;
        if constexpr (is_object_list_v<M> || is_described_v<M> || std::is_same_v<M, Value>) {
            return;   // lists and nested objects: compared object by object by their owners
        } else {
            if (!f.label || f.text_kind == TextKind::Id || (said && std::string(said) == f.name)) return;
            c.Field(part, prefix + f.label, id, MemberText(c.a, f, p), MemberText(c.b, f, q), f.is(FieldProse), located ? path_join(at, f.name) : std::string());
        }
    });
}

void CompareRegime(Collector& c, const Regime& x, const Regime& y)
{
    const std::string part = RegimePart(y);
    CompareMembers(c, part, y.id, x, y);
    const RegimeComparison rc = compare_regimes({RegimeRef{&c.a, &x}, RegimeRef{&c.b, &y}});
    for (const ComparisonRow& row : rc.rows) {
        const RowCell& before = row.cells[0];
        const RowCell& after = row.cells[1];
        if (row.state == RowState::Added) { c.Object(ChangeKind::Added, part, row.label, after.dimension->id, after.value); continue; }
        if (row.state == RowState::Removed) { c.Object(ChangeKind::Removed, part, row.label, before.dimension->id, before.value); continue; }
        if (after.value_changed) {
            FieldChange f;
            f.part = part;
            f.field = row.label;
            f.id = after.dimension->id;
            f.before = before.value;
            f.after = after.value;
            f.change = after.change;
            f.path = c.MemberPath(f.id, "value");
            if (before.dimension->value.type == ValueType::Text && after.dimension->value.type == ValueType::Text) {
                f.prose = true;
                f.diff = after.value_diff;   // value_text of a text value is the text itself
            }
            c.changes.push_back(std::move(f));
        }
        // The dimension's other members (rationale, label, sources) as declared, under the row's label.
        // The row is named by its label already: a changed label is said as the row's own, below.
        CompareMembers(c, part, after.dimension->id, *before.dimension, *after.dimension, row.label + ": ", "label");
        if (before.dimension->label != after.dimension->label)
            c.Field(part, row.label + ": label", after.dimension->id, dimension_label(*before.dimension), dimension_label(*after.dimension), false,
                    c.MemberPath(after.dimension->id, "label"));
    }
}

// An answer's members and its co-signatories' own views (lined up by organisation).
void CompareAnswer(Collector& c, const std::string& part, const Answer& p, const Answer& q)
{
    CompareMembers(c, part, q.id, p, q);
    Match(p.signatories, q.signatories, [](const Signatory& s) -> const std::string& { return s.organisation; },
          [&](const Signatory& x, const Signatory& y) { CompareMembers(c, part, q.id, x, y, organisation_name(c.b, y.organisation) + "'s "); },
          [&](ChangeKind k, const Signatory& s) {
              const std::string view = std::string(position_label(s.position)) + (s.note.empty() ? "" : "\n\n" + s.note);
              c.Object(k, part, organisation_name(k == ChangeKind::Added ? c.b : c.a, s.organisation) + "'s view", q.id, view);
          });
}

void CompareWorkshop(Collector& c)
{
    const Workshop& x = c.a.workshop;
    const Workshop& y = c.b.workshop;
    const std::string part = "Workshop";
    CompareMembers(c, part, "", x, y);
    ById(x.criteria, y.criteria, [&](const Criterion& p, const Criterion& q) { CompareMembers(c, "Criterion: " + q.label, q.id, p, q); },
         [&](ChangeKind k, const Criterion& q) { c.Object(k, part, "Criterion", q.id, q.label); });
    ById(x.participants, y.participants, [&](const Participant& p, const Participant& q) { CompareMembers(c, "Participant: " + q.name, q.id, p, q); },
         [&](ChangeKind k, const Participant& q) { c.Object(k, part, "Participant", q.id, q.name); });
    // Scores have no ids: a score is who gave it to which regime on which criterion.
    auto key = [](const Score& s) { return s.participant + "\n" + s.regime + "\n" + s.criterion; };
    auto where = [&](const Document& doc, const Score& s) {
        return NameOf(doc, IdKind::Participant, s.participant) + " on " + regime_name(doc, s.regime) + ", " + NameOf(doc, IdKind::Criterion, s.criterion);
    };
    Match(x.scores, y.scores, key,
          [&](const Score& p, const Score& q) {
              const std::string field = "Score: " + where(c.b, q);
              if (p.score != q.score) {
                  FieldChange f;
                  f.part = part;
                  f.field = field;
                  f.before = Num(p.score);
                  f.after = Num(q.score);
                  f.change = Signed(q.score - p.score);
                  c.changes.push_back(std::move(f));
              }
              CompareMembers(c, part, "", p, q, field + ": ", "score");   // the score is said above, with its change in points
          },
          [&](ChangeKind k, const Score& s) { c.Object(k, part, "Score: " + where(k == ChangeKind::Added ? c.b : c.a, s), "", Num(s.score)); });
}

// The user's own option lists, by key, and their options by key.
void CompareLists(Collector& c)
{
    auto key = [](const auto& l) -> const std::string& { return l.key; };
    Match(c.a.lists, c.b.lists, key,
          [&](const NamedList& p, const NamedList& q) {
              const std::string part = "List: " + q.label;
              CompareMembers(c, part, "", p, q);
              Match(p.options, q.options, key, [&](const ListOption& x, const ListOption& y) { CompareMembers(c, part, "", x, y, "Option " + y.key + ": "); },
                    [&](ChangeKind k, const ListOption& o) { c.Object(k, part, "Option", "", o.label); });
          },
          [&](ChangeKind k, const NamedList& l) { c.Object(k, "Lists", "List", "", l.label); });
}

} // namespace

int DocumentComparison::coarse_fields() const
{
    int n = 0;
    for (const FieldChange& f : changes) n += f.prose && f.diff.coarse;
    return n;
}

// Every changed field of the two versions, prose fields not yet diffed.
static DocumentComparison CollectChanges(const Document& a, const Document& b)
{
    Collector c{a, b, {}};
    CollectPaths(b, "", c.paths);
    CollectPaths(a, "", c.paths);   // objects only the older version has (removed): emplace keeps b's
    CompareMembers(c, "Document", "", a, b);
    CompareMembers(c, "Consultation", "", a.consultation, b.consultation);

    ById(a.organisations, b.organisations, [&](const Organisation& x, const Organisation& y) { CompareMembers(c, "Organisation: " + y.name, y.id, x, y); },
         [&](ChangeKind k, const Organisation& y) { c.Object(k, "Organisations", "Organisation", y.id, y.name); });

    CompareMembers(c, "Summary", "", a.summary, b.summary);

    auto sections = [&](const std::vector<Section>& x, const std::vector<Section>& y, const char* what) {
        ById(x, y,
             [&](const Section& p, const Section& q) { CompareMembers(c, std::string(what) + ": " + (q.heading.empty() ? p.heading : q.heading), q.id, p, q); },
             [&](ChangeKind k, const Section& q) { c.Object(k, what, q.heading.empty() ? "Untitled section" : q.heading, q.id, q.body); });
    };
    sections(a.sections, b.sections, "Section");

    ById(a.regimes, b.regimes, [&](const Regime& x, const Regime& y) { CompareRegime(c, x, y); },
         [&](ChangeKind k, const Regime& y) { c.Object(k, "Regimes", RegimePart(y).substr(8), y.id, y.summary); });

    // Questions, each with its answer: an answer lines up by its own id, or failing that by
    // the question it answers (two bodies may each have started the answer separately).
    std::unordered_map<std::string, int> index_b;
    for (size_t i = 0; i < b.questions.size(); i++) index_b[b.questions[i].id] = (int)i;
    std::unordered_map<std::string, const Answer*> answers_a, answers_b;
    for (const Answer& ans : a.answers) answers_a.emplace(ans.question, &ans);
    for (const Answer& ans : b.answers) answers_b.emplace(ans.question, &ans);
    auto answer_for = [](const std::unordered_map<std::string, const Answer*>& answers, const std::string& question) -> const Answer* {
        auto it = answers.find(question);
        return it == answers.end() ? nullptr : it->second;
    };
    auto answer_text = [](const Answer& ans) {   // the position, then every prose member as declared
        std::string s = position_label(ans.position);
        for_each_field(ans, [&](const parley::Field& f, const auto& m) {
            if constexpr (std::is_same_v<std::remove_const_t<std::remove_reference_t<decltype(m)>>, std::string>)
                if (f.is(FieldProse) && !m.empty()) s += "\n\n" + m;
        });
        return s;
    };
    ById(a.questions, b.questions,
         [&](const Question& x, const Question& y) {
             const std::string part = QuestionPart(y, index_b[y.id]);
             CompareMembers(c, part, y.id, x, y);
             const Answer* p = answer_for(answers_a, x.id);
             const Answer* q = answer_for(answers_b, y.id);
             if (p && q) CompareAnswer(c, part, *p, *q);
             else if (q) c.Object(ChangeKind::Added, part, "Answer", q->id, answer_text(*q));
             else if (p) c.Object(ChangeKind::Removed, part, "Answer", p->id, answer_text(*p));
         },
         [&](ChangeKind k, const Question& y) {
             const bool added = k == ChangeKind::Added;
             const int index = added ? index_b[y.id] : (int)(&y - &a.questions[0]);
             std::string text = y.text;
             if (const Answer* ans = answer_for(added ? answers_b : answers_a, y.id)) text += "\n\n" + answer_text(*ans);
             c.Object(k, QuestionPart(y, index), "Question", y.id, text);
         });
    sections(a.general_points, b.general_points, "General point");
    CompareWorkshop(c);
    CompareLists(c);

    ById(a.sources, b.sources, [&](const Source& x, const Source& y) { CompareMembers(c, "Source: " + y.title, y.id, x, y); },
         [&](ChangeKind k, const Source& y) { c.Object(k, "Sources", "Source", y.id, y.title); });
    ById(a.comments, b.comments, [&](const Comment& x, const Comment& y) { CompareMembers(c, "Comments", y.id, x, y); },
         [&](ChangeKind k, const Comment& y) { c.Object(k, "Comments", "Comment by " + (y.author.empty() ? y.organisation : y.author), y.id, y.text); });

    DocumentComparison result;
    result.changes = std::move(c.changes);
    std::unordered_map<std::string, bool> in_a, in_b;
    for (const Revision& r : a.revisions) in_a[r.id] = true;
    for (const Revision& r : b.revisions) in_b[r.id] = true;
    for (const Revision& r : a.revisions) result.revisions_only_in_a += in_b.count(r.id) ? 0 : 1;
    for (const Revision& r : b.revisions) result.revisions_only_in_b += in_a.count(r.id) ? 0 : 1;
    return result;
}

ComparisonJob::ComparisonJob(const Document& older, const Document& newer, uint64_t work_budget)
    : result_(CollectChanges(older, newer)), work_left_(work_budget ? work_budget : UINT64_MAX)
{
    for (const FieldChange& f : result_.changes) prose_fields_ += f.prose;
}

bool ComparisonJob::step(uint64_t units)
{
    uint64_t left = units ? units : 1;
    while (left > 0 && next_ < result_.changes.size()) {
        FieldChange& f = result_.changes[next_];
        if (!f.prose) { next_++; continue; }
        if (!job_) {
            DiffOptions options;
            if (work_left_ != UINT64_MAX) options.work_budget = std::max<uint64_t>(1, work_left_);   // 0 would mean "the default"
            job_.reset(new TextDiffJob(f.before, f.after, options));
        }
        if (!job_->step(left)) break;   // the slice is spent
        f.diff = job_->take();
        job_.reset();
        // What the diff cost, at most (some of it may have come from earlier calls): a diff that
        // finished within the slice leaves the rest of it for the next field.
        const uint64_t cost = (f.before.size() + f.after.size()) / 4 + f.diff.work + 1;
        left -= std::min(left, cost);
        if (work_left_ != UINT64_MAX) work_left_ -= std::min(work_left_, f.diff.work);
        prose_done_++;
        next_++;
    }
    return done();
}

float ComparisonJob::progress() const
{
    if (done() || prose_fields_ == 0) return done() ? 1.0f : 0.0f;
    return (prose_done_ + (job_ ? job_->progress() : 0.0f)) / prose_fields_;
}

DocumentComparison ComparisonJob::take()
{
    while (!step(UINT64_MAX)) {}
    return std::move(result_);
}

DocumentComparison compare_documents(const Document& a, const Document& b, uint64_t work_budget)
{
    ComparisonJob job(a, b, work_budget);
    return job.take();
}

// Whose revision made each change: one walk back from the newer draft's last revision to the
// older version's, each recorded change matched to the compared changes it touches by path.
void attribute_changes(DocumentComparison& c, const Document& newer, const Document& older)
{
    const std::string stop = head_revision(older);
    if (stop.empty() || c.changes.empty()) return;
    std::unordered_map<std::string, size_t> at;
    for (size_t i = 0; i < newer.revisions.size(); i++) at.emplace(newer.revisions[i].id, i);
    std::vector<const Revision*> chain;   // newest first, back to (not including) the older version's last
    std::unordered_map<std::string, bool> seen;
    std::string id = head_revision(newer);
    for (; !id.empty() && id != stop && !seen.count(id); ) {
        seen[id] = true;
        auto it = at.find(id);
        if (it == at.end()) return;
        chain.push_back(&newer.revisions[it->second]);
        id = newer.revisions[it->second].parent;
    }
    if (id != stop) return;   // the histories do not connect: say nothing rather than guess
    // Each compared change by its path, and by every path that holds it (an element added or
    // removed whole in a revision).
    std::unordered_map<std::string, std::vector<size_t>> exact, within;
    for (size_t i = 0; i < c.changes.size(); i++) {
        const std::string& p = c.changes[i].path;
        if (p.empty()) continue;
        exact[p].push_back(i);
        for (size_t slash = p.find('/'); slash != std::string::npos; slash = p.find('/', slash + 1)) within[p.substr(0, slash)].push_back(i);
    }
    std::vector<const Revision*> by(c.changes.size(), nullptr);
    auto claim = [&](const std::vector<size_t>& which, const Revision* r) { for (size_t i : which) if (!by[i]) by[i] = r; };
    for (const Revision* r : chain) {
        if (!r->kept) break;   // what came before it is not recorded: the rest stay unsaid
        for (const RevisionChange& ch : r->changes) {
            // The change itself, or something inside it.
            for (size_t slash = 0;; slash++) {
                slash = ch.at.find('/', slash);
                auto it = exact.find(slash == std::string::npos ? ch.at : ch.at.substr(0, slash));
                if (it != exact.end()) claim(it->second, r);
                if (slash == std::string::npos) break;
            }
            // An element holding it; a list's new order (its keys) changes nothing in it.
            if (ch.was.type != JsonValue::Array) {
                auto it = within.find(ch.at);
                if (it != within.end()) claim(it->second, r);
            }
        }
    }
    for (size_t i = 0; i < c.changes.size(); i++) {
        const Revision* r = by[i];
        if (!r) continue;
        const std::string day = revision_time_words(r->time, false);
        std::string s = change_kind_label(c.changes[i].kind);
        const std::string& who = r->organisation.empty() ? r->author : r->organisation;
        if (who.empty()) s += " in the revision saved " + day;
        else s += " by " + who + ", " + day;
        if (!r->organisation.empty() && !r->author.empty()) s += ", revision of " + r->author;
        if (!r->merged.empty()) {
            auto it = at.find(r->merged);
            const Revision* theirs = it == at.end() ? nullptr : &newer.revisions[it->second];
            const std::string from = theirs ? (theirs->organisation.empty() ? theirs->author : theirs->organisation) : std::string();
            s += from.empty() ? ", merging another copy" : ", merging " + from + "'s copy";
        }
        c.changes[i].changed_by = std::move(s);
    }
}

// ---------------------------------------------------------------------------------------------
// Text and JSON

// Unchanged text between changes, shortened to a few words either side of them: a reader of
// `parley diff` wants the changes and enough context to find them, not the whole answer again.
static std::string Context(std::string_view text, bool first, bool last)
{
    const size_t keep = 80;   // bytes of context on the side of each change
    if (text.size() <= 2 * keep + 40) return std::string(text);
    const std::vector<uint32_t> t = tokenize_text(text);
    size_t head = 0, tail = text.size();
    if (!first) { while (head < text.size() && head < keep) head = t[std::upper_bound(t.begin(), t.end(), (uint32_t)head) - t.begin()]; }
    if (!last) { size_t k = t.size() - 1; while (k > 0 && text.size() - t[k] < keep) k--; tail = t[k]; }
    if (head >= tail) return std::string(text);
    return std::string(text.substr(0, head)) + "\xE2\x80\xA6" + std::string(text.substr(tail));
}

static std::string WordDiffText(const FieldChange& f)
{
    std::string s;
    for (size_t i = 0; i < f.diff.pieces.size(); i++) {
        const DiffPiece& p = f.diff.pieces[i];
        if (p.op == DiffOp::Equal) s += Context(std::string_view(f.before).substr(p.a_begin, p.a_end - p.a_begin), i == 0, i + 1 == f.diff.pieces.size());
        else if (p.op == DiffOp::Delete) s += (p.move >= 0 ? "[-moved: " : "[-") + f.before.substr(p.a_begin, p.a_end - p.a_begin) + "-]";
        else s += (p.move >= 0 ? "{+moved: " : "{+") + f.after.substr(p.b_begin, p.b_end - p.b_begin) + "+}";
    }
    return s;
}

static std::string Indented(const std::string& text, const char* indent)
{
    std::string s = indent;
    for (char ch : text) {
        s += ch;
        if (ch == '\n') s += indent;
    }
    return s;
}

std::string comparison_text(const DocumentComparison& c, const Document& a, const Document& b)
{
    std::string s = "Comparing \"" + a.title + "\" with \"" + b.title + "\"\n" + c.summary_line() + "\n";
    if (c.revisions_only_in_a || c.revisions_only_in_b)
        s += "History: " + std::to_string(c.revisions_only_in_a) + " saved revision(s) only in the first, " +
             std::to_string(c.revisions_only_in_b) + " only in the second (not counted as changes)\n";
    std::string part;
    for (const FieldChange& f : c.changes) {
        if (f.part != part) {
            part = f.part;
            s += "\n== " + part + "\n";
        }
        s += "  " + f.field + " (" + change_kind_label(f.kind) + ")";
        if (f.kind == ChangeKind::Changed && f.prose) {
            s += ":\n" + Indented(WordDiffText(f), "    ") + "\n";
        } else if (f.kind == ChangeKind::Changed) {
            s += ": " + (f.before.empty() ? std::string("(none)") : f.before) + " -> " + (f.after.empty() ? std::string("(none)") : f.after);
            if (!f.change.empty()) s += " (" + f.change + ")";
            s += "\n";
        } else {
            const std::string& text = f.kind == ChangeKind::Added ? f.after : f.before;
            s += text.empty() ? "\n" : ":\n" + Indented(text, "    ") + "\n";
        }
    }
    return s;
}

std::string comparison_json(const DocumentComparison& c, const Document& a, const Document& b)
{
    JsonWriter w;
    w.begin_object();
    w.key("identical"); w.boolean(c.identical());
    w.key("summary"); w.string(c.summary_line());
    w.key("first"); w.string(a.title);
    w.key("second"); w.string(b.title);
    w.key("revisions_only_in_first"); w.integer(c.revisions_only_in_a);
    w.key("revisions_only_in_second"); w.integer(c.revisions_only_in_b);
    w.key("changes");
    w.begin_array();
    for (const FieldChange& f : c.changes) {
        w.begin_object();
        w.key("part"); w.string(f.part);
        w.key("field"); w.string(f.field);
        if (!f.id.empty()) { w.key("id"); w.string(f.id); }
        w.key("kind"); w.string(change_kind_label(f.kind));
        w.key("before"); w.string(f.before);
        w.key("after"); w.string(f.after);
        if (!f.change.empty()) { w.key("change"); w.string(f.change); }
        if (f.prose) {
            w.key("words_deleted"); w.integer(f.diff.words_deleted);
            w.key("words_inserted"); w.integer(f.diff.words_inserted);
            if (f.diff.coarse) { w.key("coarse"); w.boolean(true); }   // work budget ran out: whole passages, still exact
            w.key("diff");   // [op, text] pairs: "=" same, "-" deleted, "+" inserted
            w.begin_array();
            for (const DiffPiece& p : f.diff.pieces) {
                w.begin_array();
                w.string(p.op == DiffOp::Equal ? "=" : p.op == DiffOp::Delete ? "-" : "+");
                if (p.op == DiffOp::Insert) w.string(std::string_view(f.after).substr(p.b_begin, p.b_end - p.b_begin));
                else w.string(std::string_view(f.before).substr(p.a_begin, p.a_end - p.a_begin));
                if (p.move >= 0) w.integer(p.move);
                w.end_array();
            }
            w.end_array();
        }
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.text() += "\n";
    return w.text();
}

} // namespace parley
