// Every member document.h declares is read, written, counted, exported, compared and found by
// its key, with no test written for it by name: these tests iterate the declarations. A member
// added to a struct and its field list is covered here the moment it exists; one forgotten by
// the reader, the writer or the comparison fails here.
#include <doctest/doctest.h>
#include "core/compare.h"
#include "core/document_json.h"
#include "core/export.h"
#include "core/sameness.h"
#include "core/text_fields.h"

#include <fstream>
#include <sstream>
#include <string>
#include <type_traits>

using namespace parley;

namespace {

template <typename M> using Plain = std::remove_const_t<std::remove_reference_t<M>>;

// One of every kind of object, with the references between them valid. Members are left
// empty here: fill() gives each a value from its declaration, so new members get one too.
Document skeleton()
{
    Document d;
    d.id = "doc-1";
    d.kind = DocumentKind::Response;
    d.status = DocumentStatus::Draft;
    d.organisations.push_back({"org-a", "", "", "", {}, {}});
    d.organisations.push_back({"org-b", "", "", "", {}, {}});
    d.sections.push_back({"sec-1", "", "", {}});
    d.general_points.push_back({"gp-1", "", "", {}});
    NamedList list;
    list.key = "support";
    list.options.push_back({"high", "", {}});
    list.options.push_back({"low", "", {}});
    d.lists.push_back(list);
    d.sources.push_back({"src-1", "", "", "", "", {}});
    Regime g;
    g.id = "reg-1";
    g.role = RegimeRole::Current;
    Dimension text_dim;
    text_dim.id = "dim-1";
    text_dim.key = "team";
    text_dim.value.type = ValueType::Text;
    text_dim.value.text = "Lead inspector";
    Dimension choice_dim;
    choice_dim.id = "dim-2";
    choice_dim.key = "own_support";
    choice_dim.value.type = ValueType::Choice;
    choice_dim.value.list = "support";
    choice_dim.value.option = "high";
    g.dimensions = {text_dim, choice_dim};
    d.regimes.push_back(g);
    Regime alt = g;
    alt.id = "reg-2";
    alt.role = RegimeRole::Alternative;
    alt.owner = "org-a";
    alt.based_on = "reg-1";
    alt.dimensions[0].id = "dim-3";
    alt.dimensions[1].id = "dim-4";
    d.regimes.push_back(alt);
    d.questions.push_back({"q-1", "", "", 0, {}});
    Answer a;
    a.id = "ans-1";
    a.question = "q-1";
    a.signatories.push_back({"org-b", Position::Disagree, "", {}});
    d.answers.push_back(a);
    d.workshop.regimes = {"reg-1", "reg-2"};
    d.workshop.criteria.push_back({"crit-1", "", "", 1, {}});
    d.workshop.participants.push_back({"who-1", "", "", {}});
    d.workshop.scores.push_back({"who-1", "reg-1", "crit-1", 3, "", {}});
    d.comments.push_back({"cmt-1", "ans-1", "", "", "", "", "", "", "", false, {}});
    d.revisions.push_back({"rev-1", "", "", "", "", "", {}});
    d.revisions.push_back({"rev-2", "rev-1", "", "", "", "", "", {}, false, {}});
    d.revisions[1].changes.push_back({});
    d.revisions.push_back({"rev-3", "rev-2", "rev-1", "", "", "", "", {}, false, {}});
    d.merge.base = "rev-1";
    d.merge.theirs = "rev-2";
    d.merge.conflicts.push_back({});
    return d;
}

// A value for every empty member, as its declaration says it may hold. References and ids
// were set by skeleton(); keys are the structs' own rules.
template <typename T>
void fill(T& obj)
{
    for_each_field(obj, [&](const Field& f, auto& m) {
        using M = Plain<decltype(m)>;
        if constexpr (std::is_same_v<M, std::string>) {
            if (!m.empty()) return;
            if (f.text_kind == TextKind::Date) m = "2016-01-04";
            else if (f.text_kind == TextKind::Time) m = "2016-01-04T10:00:00Z";
            else if (f.text_kind == TextKind::Text) m = std::string("Words for the ") + f.name + " – ŵ";
        } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
            if (m.empty() && f.text_kind == TextKind::Text) m = {"First", "Second"};
            if (m.empty() && f.text_kind == TextKind::Ref && f.id_kind == IdKind::Source) m = {"src-1"};
        } else if constexpr (std::is_same_v<M, Position>) {
            if (m == Position::Unset) m = Position::PartlyAgree;
        } else if constexpr (std::is_same_v<M, SignOff>) {
            if (m == SignOff::Unseen) m = SignOff::Discuss;
        } else if constexpr (std::is_same_v<M, int>) {
            if (m == 0) m = 300;
        } else if constexpr (std::is_same_v<M, JsonValue>) {
            if (m.type == JsonValue::Null) { m.type = JsonValue::String; m.text = std::string("Words for the ") + f.name; }
        } else if constexpr (std::is_same_v<M, bool>) {
            m = true;
        } else if constexpr (is_object_list_v<M>) {
            for (auto& item : m) fill(item);
        } else if constexpr (is_described_v<M>) {
            fill(m);
        }
    });
}

Document full_document()
{
    Document d = skeleton();
    fill(d);
    return d;
}

// Every declared member of two objects is the same, all the way down.
template <typename T>
bool same(const T& a, const T& b)
{
    bool equal = a.extra == b.extra;
    for_each_field_pair(a, b, [&](const Field& f, const auto& p, const auto& q) {
        using M = Plain<decltype(p)>;
        const std::string name = f.name; CAPTURE(name);
        if constexpr (is_object_list_v<M>) {
            if (p.size() != q.size()) { equal = false; return; }
            for (size_t i = 0; i < p.size(); i++) equal = equal && same(p[i], q[i]);
        } else if constexpr (is_described_v<M>) {
            equal = equal && same(p, q);
        } else if constexpr (std::is_same_v<M, Value>) {
            equal = equal && values_equal(p, q);
        } else if constexpr (std::is_same_v<M, JsonValue>) {
            equal = equal && Same(p, q);
        } else {
            equal = equal && p == q;
        }
    });
    return equal;
}

// Calls fn(copy, field, member, list_field) once for each declared member of each object of
// `base`, each time on a fresh copy of it, so fn may change the member and look at the result.
template <typename F>
void for_each_member_copy(const Document& base, F fn)
{
    int objects = 0;
    walk_objects(base, [&](const auto&, const Field*) { objects++; return true; });
    for (int i = 0; i < objects; i++) {
        int members = 0;
        int seen = 0;
        walk_objects(base, [&](const auto& obj, const Field*) {
            if (seen++ == i) for_each_field(obj, [&](const Field&, const auto&) { members++; });
            return seen <= i;
        });
        for (int k = 0; k < members; k++) {
            Document copy = base;
            int at = 0;
            walk_objects(copy, [&](auto& obj, const Field* in) {
                if (at++ != i) return true;
                int field = 0;
                for_each_field(obj, [&](const Field& f, auto& m) {
                    if (field++ == k) fn(copy, f, m, in);
                });
                return false;
            });
        }
    }
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("fields: the full document uses every kind of object and is valid")
{
    const Document d = full_document();
    const ImportResult r = import_document(export_document(d));
    for (const ImportError& e : r.errors) FAIL_CHECK(format_error(e));
    REQUIRE(r.ok);
    CHECK(r.notices.empty());
}

TEST_CASE("fields: every declared member survives export and import, and canonical output is stable")
{
    const Document d = full_document();
    const std::string text = export_document(d);
    const ImportResult r = import_document(text);
    REQUIRE(r.ok);
    CHECK(same(d, r.document));
    CHECK(export_document(r.document) == text);
    // And every member is in the file under its declared name.
    walk_objects(d, [&](const auto& obj, const Field*) {
        for_each_field(obj, [&](const Field& f, const auto&) {
            const std::string name = f.name; CAPTURE(name);
            CHECK(has(text, std::string("\"") + f.name + "\":"));
        });
        return true;
    });
}

TEST_CASE("fields: a member left out of the file is refused when required, and reported where it belongs")
{
    // Removing each required member in turn from the written file must make import refuse it
    // with an error at that object; an optional member removed must still import.
    const Document d = full_document();
    for_each_member_copy(d, [&](Document& copy, const Field& f, auto& m, const Field*) {
        using M = Plain<decltype(m)>;
        if constexpr (std::is_same_v<M, std::string>) {
            if (f.text_kind != TextKind::Text || !f.is(FieldRequired)) return;
            const std::string name = f.name; CAPTURE(name);
            m.clear();
            // An empty required text is written (as ""), so it still reads: what is refused is
            // the member missing, which we make by writing the file without it.
            std::string text = export_document(copy);
            const std::string needle = std::string("\"") + f.name + "\": \"\"";
            const size_t at = text.find(needle);
            REQUIRE(at != std::string::npos);
            size_t start = text.rfind('\n', at), end = text.find('\n', at);
            std::string line = text.substr(start, end - start);
            const bool last = line.back() != ',';
            text.erase(start, end - start);
            if (last) {   // the member before it loses its comma
                const size_t comma = text.rfind(',', start);
                text.erase(comma, 1);
            }
            const ImportResult r = import_document(text);
            CHECK_FALSE(r.ok);
            bool named = false;
            for (const ImportError& e : r.errors) named = named || has(e.message, std::string("\"") + f.name + "\"");
            CHECK(named);
        }
    });
}

TEST_CASE("fields: every member a person reads shows in the version comparison when it changes")
{
    const Document base = full_document();
    int checked = 0;
    for_each_member_copy(base, [&](Document& copy, const Field& f, auto& m, const Field* in) {
        using M = Plain<decltype(m)>;
        if (!f.label || (in && in->is(FieldHistory))) return;   // history is counted, not compared
        if (f.text_kind == TextKind::Id || f.text_kind == TextKind::Ref || f.text_kind == TextKind::AnyRef || f.text_kind == TextKind::Key) return;
        const std::string name = f.name; CAPTURE(name);
        if constexpr (std::is_same_v<M, std::string>) {
            if (f.text_kind == TextKind::Date) m = "2017-12-01";
            else if (f.text_kind == TextKind::Time) m = "2017-12-01T09:00:00Z";
            else m += " and more";
        } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
            m.push_back("Third");
        } else if constexpr (std::is_enum_v<M>) {
            m = M((int)m == 0 ? 1 : 0);
        } else if constexpr (std::is_same_v<M, double> || std::is_same_v<M, int>) {
            m = M(m + 1);
        } else if constexpr (std::is_same_v<M, bool>) {
            m = !m;
        } else {
            return;   // lists, nested objects and typed values have comparisons of their own
        }
        const DocumentComparison c = compare_documents(base, copy);
        CHECK_FALSE(c.identical());
        checked++;
    });
    CHECK(checked > 40);
}

TEST_CASE("fields: every prose and counted member of the draft is in its word count; comments and history are not")
{
    const Document base = full_document();
    const int words = count_document_words(base);
    int checked = 0;
    for_each_member_copy(base, [&](Document& copy, const Field& f, auto& m, const Field* in) {
        if constexpr (std::is_same_v<Plain<decltype(m)>, std::string>) {
            if (f.text_kind != TextKind::Text) return;
            const std::string name = f.name; CAPTURE(name);
            m += " alpha beta gamma";
            const bool counted = f.words() && !(in && in->is(FieldHistory | FieldAside));
            CHECK(count_document_words(copy) == words + (counted ? 3 : 0));
            checked += counted;
        }
    });
    CHECK(checked >= 15);
}

TEST_CASE("fields: every prose member of the draft is in every export; comments are not")
{
    const Document base = full_document();
    int n = 0;
    for_each_member_copy(base, [&](Document& copy, const Field& f, auto& m, const Field* in) {
        if constexpr (std::is_same_v<Plain<decltype(m)>, std::string>) {
            if (!f.is(FieldProse)) return;
            const std::string name = f.name; CAPTURE(name);
            const std::string marker = "Zqxmarker" + std::to_string(++n);
            m = marker + " said plainly.";
            const bool aside = in && in->is(FieldAside | FieldHistory);
            CHECK(has(export_markdown(copy), marker) == !aside);
            CHECK(has(export_html(copy), marker) == !aside);
            CHECK(has(export_text(copy), marker) == !aside);
        }
    });
    CHECK(n >= 10);
}

TEST_CASE("fields: every free-text member of an object with an id is found by its key")
{
    Document d = full_document();
    int found = 0;
    walk_objects(d, [&](auto& obj, const Field*) {
        using T = Plain<decltype(obj)>;
        if constexpr (has_id_v<T> && !std::is_same_v<T, Document>) {
            for_each_field(obj, [&](const Field& f, auto& m) {
                if constexpr (std::is_same_v<Plain<decltype(m)>, std::string>) {
                    if (f.text_kind != TextKind::Text) return;
                    const std::string name = f.name; CAPTURE(name);
                    CHECK(find_text_field(d, text_field_key(obj.id, f.name)) == &m);
                    found++;
                }
            });
        }
        return true;
    });
    CHECK(find_text_field(d, "document/title") == &d.title);
    CHECK(find_text_field(d, "summary/text") == &d.summary.text);
    CHECK(find_text_field(d, "dim-1/value") == &d.regimes[0].dimensions[0].value.text);
    CHECK(find_text_field(d, "ans-1/nothing") == nullptr);
    CHECK(find_text_field(d, "nobody/text") == nullptr);
    CHECK(found >= 20);
}

TEST_CASE("fields: the declarations name each member once and label what people read")
{
    // Names are the file's; two members of one struct with one name would overwrite each other.
    auto check = [](auto* tag) {
        using T = Plain<decltype(*tag)>;
        std::vector<std::string> names;
        for_each_declared<T>([&](const Field& f, auto*) {
            const std::string name = f.name; CAPTURE(name);
            CHECK(std::find(names.begin(), names.end(), f.name) == names.end());
            names.push_back(f.name);
            if (f.is(FieldProse)) CHECK(f.label != nullptr);
            if (f.is(FieldProse)) CHECK(f.hint != nullptr);
        });
        CHECK(!names.empty());
    };
    check((Document*)nullptr);
    check((Answer*)nullptr);
    check((Regime*)nullptr);
    check((Dimension*)nullptr);
    check((Workshop*)nullptr);
    check((Comment*)nullptr);
}

TEST_CASE("fields: every declared member is described in docs/format.md")
{
    // The format is a contract with other organisations' copies and tools: a member the code
    // reads and writes must be in the description people read.
    std::ifstream f(PARLEY_SOURCE_DIR "/docs/format.md", std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    const std::string format = s.str();
    REQUIRE(format.size() > 1000);
    Document d = full_document();
    int members = 0;
    walk_objects(d, [&](const auto& obj, const Field*) {
        for_each_field(obj, [&](const Field& f, const auto&) {
            const std::string name = f.name;
            CAPTURE(name);
            CHECK(has(format, "`" + name + "`"));
            members++;
        });
        return true;
    });
    CHECK(members > 80);
}
