// Comparisons as a reader sees them: typed values compared as values, regimes lined up by
// dimension key, and two versions of a draft compared field by field.
#include "core/compare.h"
#include "core/document_json.h"
#include "core/json_reader.h"

#include <doctest/doctest.h>
#include "examples.h"
#include <fstream>
#include <sstream>

using namespace parley;

static Value Number(double n, const char* unit)
{
    Value v;
    v.type = ValueType::Number;
    v.number = n;
    v.unit = unit;
    return v;
}
static Value Range(double lo, double hi, const char* unit)
{
    Value v;
    v.type = ValueType::Range;
    v.min = lo;
    v.max = hi;
    v.unit = unit;
    return v;
}
static Value Bound(BoundKind k, double n, const char* unit)
{
    Value v;
    v.type = ValueType::Bound;
    v.bound = k;
    v.number = n;
    v.unit = unit;
    return v;
}
static Value Choice(const char* list, const char* option)
{
    Value v;
    v.type = ValueType::Choice;
    v.list = list;
    v.option = option;
    return v;
}
static Value Set(const char* list, std::vector<std::string> items)
{
    Value v;
    v.type = ValueType::Set;
    v.list = list;
    v.items = std::move(items);
    return v;
}

static std::string Change(const Value& a, const Value& b) { return describe_value_change(a, nullptr, b, nullptr); }

TEST_CASE("numbers: the difference and how it grew")
{
    CHECK(Change(Number(25, "cases"), Number(50, "cases")) == "+25, doubled");
    CHECK(Change(Number(50, "cases"), Number(25, "cases")) == "\xE2\x88\x92" "25, halved");
    CHECK(Change(Number(10, "days"), Number(12, "days")) == "+2, +20%");
    CHECK(Change(Number(0, "days"), Number(5, "days")) == "+5");
    CHECK(Change(Number(3, "weeks"), Number(3, "weeks")) == "");
    // Units of one quantity are converted into the newer one; others are a change of unit.
    CHECK(Change(Number(2, "weeks"), Number(10, "days")) == "\xE2\x88\x92" "4, \xE2\x88\x92" "29% (2 weeks is 14 days)");
    CHECK(Change(Number(1, "years"), Number(12, "months")) == "the same (1 year is 12 months)");
    CHECK(Change(Range(1, 2, "years"), Bound(BoundKind::AtLeast, 18, "months")) == "earliest moved from 12 to 18, no upper bound (1\xE2\x80\x93" "2 years is 12\xE2\x80\x93" "24 months)");
    CHECK(Change(Number(2, "weeks"), Number(1, "months")) == "unit changed from weeks to months");
    CHECK(Change(Number(5, "cases"), Number(5, "days")) == "unit changed from cases to days");
}

TEST_CASE("ranges and bounds: what happened to each end")
{
    CHECK(Change(Range(18, 24, "months"), Bound(BoundKind::AtLeast, 24, "months")) == "earliest moved from 18 to 24, no upper bound");
    CHECK(Change(Range(18, 24, "months"), Range(12, 24, "months")) == "earliest moved from 18 to 12");
    CHECK(Change(Range(1, 3, "cases"), Range(1, 5, "cases")) == "highest moved from 3 to 5");
    CHECK(Change(Bound(BoundKind::AtMost, 5, "days"), Bound(BoundKind::AtLeast, 5, "days")) == "earliest now 5, no upper bound");
    CHECK(Change(Number(3, "years"), Range(3, 5, "years")) == "latest moved from 3 to 5");
    CHECK(values_equal(Range(1, 2, "weeks"), Range(1, 2, "weeks")));
    CHECK_FALSE(values_equal(Range(1, 2, "weeks"), Range(1, 2, "days")));
}

TEST_CASE("sets: items added and removed, order no change; choices and yes/no")
{
    CHECK(Change(Set("agencies", {"council", "police"}), Set("agencies", {"council", "health", "police"})) == "added Health");
    CHECK(Change(Set("agencies", {"council", "police"}), Set("agencies", {"police", "council"})) == "");
    CHECK(values_equal(Set("agencies", {"council", "police"}), Set("agencies", {"police", "council"})));
    const std::string both = Change(Set("agencies", {"council", "probation"}), Set("agencies", {"council", "police"}));
    CHECK(both == "added Police; removed Probation");
    CHECK_FALSE(values_equal(Choice("notice", "some"), Choice("notice", "none")));
    Value yes, no;
    yes.type = no.type = ValueType::YesNo;
    yes.yes = true;
    CHECK_FALSE(values_equal(yes, no));
    CHECK(values_equal(yes, yes));
}

static Dimension Dim(const char* key, Value v, const char* rationale = "")
{
    Dimension d;
    d.id = std::string("dim-") + key;
    d.key = key;
    d.value = std::move(v);
    d.rationale = rationale;
    return d;
}

TEST_CASE("regime rows line up by key whatever the order, and each is marked")
{
    Document doc;
    Regime current, proposed;
    current.name = "Current";
    proposed.name = "Proposed";
    current.dimensions = {Dim("notice", Choice("notice", "some")), Dim("sample_size", Number(25, "cases")),
                          Dim("reinspection", Range(18, 24, "months")), Dim("dropped", Number(1, "days"))};
    // Written by another body, in another order, with one dimension of its own.
    proposed.dimensions = {Dim("reinspection", Bound(BoundKind::AtLeast, 24, "months")), Dim("sample_size", Number(50, "cases")),
                           Dim("brand_new", Number(2, "weeks")), Dim("notice", Choice("notice", "some"), "Kept as it is.")};
    const RegimeComparison c = compare_regimes({RegimeRef{&doc, &current}, RegimeRef{&doc, &proposed}});
    REQUIRE(c.rows.size() == 5);
    CHECK(c.rows[0].key == "notice");
    CHECK(c.rows[1].key == "sample_size");
    CHECK(c.rows[2].key == "brand_new");   // after the row it follows in the regime that has it
    CHECK(c.rows[3].key == "reinspection");
    CHECK(c.rows[4].key == "dropped");
    CHECK(c.rows[0].state == RowState::Changed);   // same value, new rationale
    CHECK_FALSE(c.rows[0].cells[1].value_changed);
    CHECK(c.rows[0].cells[1].rationale_changed);
    CHECK(c.rows[1].state == RowState::Changed);
    CHECK(c.rows[1].cells[1].change == "+25, doubled");
    CHECK(c.rows[1].cells[1].value == "50 cases");
    CHECK(c.rows[3].cells[1].change == "earliest moved from 18 to 24, no upper bound");
    CHECK(c.rows[2].state == RowState::Added);
    CHECK(c.rows[2].cells[0].dimension == nullptr);
    CHECK(c.rows[4].state == RowState::Removed);
    CHECK(c.summary_line() == "5 dimensions: 3 changed (1 only in its rationale), 1 added, 1 removed");
    CHECK_FALSE(c.rows[0].values_differ);
    CHECK(c.rows[1].values_differ);

    // A text value that changed carries its word diff against the base; other types do not.
    Regime worded = current;
    worded.dimensions[0] = Dim("notice", Value{});
    worded.dimensions[0].value.text = "Some notice, given by phone";
    Regime reworded = worded;
    reworded.dimensions[0].value.text = "Some notice, given in writing";
    const RegimeComparison t = compare_regimes({RegimeRef{&doc, &worded}, RegimeRef{&doc, &reworded}});
    CHECK(t.rows[0].cells[1].value_diff.words_deleted == 2);
    CHECK(t.rows[0].cells[1].value_diff.words_inserted == 2);
    CHECK(c.rows[1].cells[1].value_diff.pieces.empty());

    const RegimeComparison same = compare_regimes({RegimeRef{&doc, &current}, RegimeRef{&doc, &current}});
    CHECK(same.summary_line() == "4 dimensions: 4 unchanged");
}

TEST_CASE("three regimes: a row is changed when any column differs from the base")
{
    Document doc;
    Regime a, b, c;
    a.dimensions = {Dim("x", Number(1, "days")), Dim("y", Number(2, "days"))};
    b.dimensions = {Dim("x", Number(1, "days")), Dim("y", Number(2, "days"))};
    c.dimensions = {Dim("x", Number(1, "days")), Dim("y", Number(3, "days"))};
    const RegimeComparison r = compare_regimes({RegimeRef{&doc, &a}, RegimeRef{&doc, &b}, RegimeRef{&doc, &c}});
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].state == RowState::Unchanged);
    CHECK(r.rows[1].state == RowState::Changed);
    CHECK_FALSE(r.rows[1].cells[1].value_changed);
    CHECK(r.rows[1].cells[2].value_changed);
}

static Document Load(const char* name) { return load_example(name); }

TEST_CASE("two versions of a draft: every changed field, word-level prose, added and removed")
{
    const Document a = Load("jtai-joint-response.parley.json");
    CHECK(compare_documents(a, a).identical());
    CHECK(compare_documents(a, a).summary_line() == "No changes");

    Document b = a;
    REQUIRE(!b.answers.empty());
    b.title = a.title + " (revised)";
    b.answers[0].reasoning = "A new opening sentence. " + a.answers[0].reasoning;
    b.questions.pop_back();
    Question q;
    q.id = "q-new";
    q.text = "A brand new question?";
    b.questions.push_back(q);
    Revision r;
    r.id = "rev-extra";
    b.revisions.push_back(r);

    const DocumentComparison c = compare_documents(a, b);
    CHECK_FALSE(c.identical());
    CHECK(c.revisions_only_in_b == 1);
    bool title = false, reasoning = false, added = false, removed = false;
    for (const FieldChange& f : c.changes) {
        if (f.field == "Title" && f.part == "Document") title = f.after == b.title;
        if (f.field == "Reasoning" && f.prose) reasoning = f.diff.words_inserted == 4 && f.diff.words_deleted == 0;
        if (f.kind == ChangeKind::Added && f.id == "q-new") added = true;
        if (f.kind == ChangeKind::Removed && f.id == a.questions.back().id) removed = true;
    }
    CHECK(title);
    CHECK(reasoning);
    CHECK(added);
    CHECK(removed);
    const std::string text = comparison_text(c, a, b);
    CHECK(text.find("{+A new opening sentence. +}") != std::string::npos);
    const std::string json = comparison_json(c, a, b);
    CHECK(json_read(json).ok);
    CHECK(json.find("\"identical\": false") != std::string::npos);
}

TEST_CASE("a regime edited between versions: typed value changes in words")
{
    const Document a = Load("no-notice-child-protection.parley.json");
    REQUIRE(!a.regimes.empty());
    REQUIRE(!a.regimes[0].dimensions.empty());
    Document b = a;
    Dimension d = Dim("early_help_review", Number(4, "weeks"));
    d.label = "Early help review";
    b.regimes[0].dimensions.push_back(d);
    b.regimes[0].dimensions.erase(b.regimes[0].dimensions.begin());
    const DocumentComparison c = compare_documents(a, b);
    int added = 0, removed = 0;
    for (const FieldChange& f : c.changes) {
        if (f.kind == ChangeKind::Added && f.field == "Early help review") added++;
        if (f.kind == ChangeKind::Removed) removed++;
    }
    CHECK(added == 1);
    CHECK(removed == 1);
}

TEST_CASE("parley diff's text shortens long unchanged prose to the words around each change, with an ellipsis")
{
    Document a;
    a.title = "Draft";
    Section s;
    s.id = "sec-1";
    s.heading = "Introduction";
    for (int i = 0; i < 200; i++) s.body += "word" + std::to_string(i) + " ";
    a.sections.push_back(s);
    Document b = a;
    b.sections[0].body += "and a new ending.";
    const DocumentComparison c = compare_documents(a, b);
    REQUIRE(c.changes.size() == 1);
    const std::string text = comparison_text(c, a, b);
    CHECK(text.find("\xE2\x80\xA6") != std::string::npos);   // U+2026, encoded once
    CHECK(text.find("word0 ") == std::string::npos);         // the far-away start is left out
    CHECK(text.find("word199 {+and a new ending.+}") != std::string::npos);
}
