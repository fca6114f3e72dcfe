// The regime editor refuses an edit when value_problem() says import would refuse the value,
// so the two must never drift apart: an editor more lenient than import writes files that do
// not open again; one stricter than import refuses edits people are entitled to. Each value
// here is written into a whole document, saved and imported, and value_problem() must agree
// with import on whether the value is refused. Conversions between types must keep what a
// person wrote, and option lists must be found the same way wherever they are defined.
#include <doctest/doctest.h>
#include "examples.h"
#include "core/catalogue.h"
#include "core/document_json.h"
#include "core/value_rules.h"
#include "core/value_text.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

using namespace parley;

namespace {

const char* const kValuePointer = "/regimes/0/dimensions/0/value";

NamedList named_list(const std::string& key, const std::string& label, std::vector<std::pair<std::string, std::string>> options)
{
    NamedList l;
    l.key = key;
    l.label = label;
    for (auto& o : options) l.options.push_back({o.first, o.second, {}});
    return l;
}

// The file's own lists the tests draw from: one labelled, one whose option has no label, one
// with no options at all (a set may use it; a choice has nothing to choose from it).
std::vector<NamedList> own_lists()
{
    return {named_list("tiers", "Tiers", {{"t1", "Tier one"}, {"t2", "Tier two"}, {"t3", ""}}),
            named_list("empty", "", {})};
}

// A proposal with one regime holding one dimension with this key and value.
Document document_with(const std::vector<NamedList>& lists, const std::string& key, const Value& v)
{
    Document d;
    d.id = "doc-1";
    d.kind = DocumentKind::Proposal;
    d.title = "Values";
    d.lists = lists;
    Regime g;
    g.id = "reg-1";
    g.name = "Proposed";
    Dimension dim;
    dim.id = "dim-1";
    dim.key = key;
    if (!catalogue_find_dimension(key)) dim.label = "Own dimension";
    dim.value = v;
    g.dimensions.push_back(dim);
    d.regimes.push_back(g);
    return d;
}

bool at_value(const ImportError& e)
{
    return e.pointer.compare(0, std::string(kValuePointer).size(), kValuePointer) == 0;
}

// Whether import refuses the value in this JSON text. Every error must be at the value: an
// error elsewhere means the test's document itself is wrong, and proves nothing.
bool import_refuses_text(const std::string& json)
{
    const ImportResult r = import_document(json);
    for (const ImportError& e : r.errors) {
        CAPTURE(format_error(e));
        CHECK(at_value(e));
    }
    CHECK(r.ok == r.errors.empty());
    return !r.ok;
}

bool import_refuses(const std::vector<NamedList>& lists, const std::string& key, const Value& v)
{
    return import_refuses_text(export_document(document_with(lists, key, v)));
}

// The check every case goes through: value_problem() and import agree, and (when the case
// says) agree with what a person expects.
void check_agrees(const std::vector<NamedList>& lists, const std::string& key, const Value& v)
{
    const char* problem = value_problem(lists, key, v);
    CAPTURE(key);
    CAPTURE(value_type_name(v.type));
    CAPTURE(export_document(document_with(lists, key, v)));
    CAPTURE(problem ? problem : "(no problem)");
    CHECK(import_refuses(lists, key, v) == (problem != nullptr));
}

void check_case(const std::vector<NamedList>& lists, const std::string& key, const Value& v, bool accepted)
{
    check_agrees(lists, key, v);
    CAPTURE(key);
    CAPTURE(value_type_name(v.type));
    CHECK((value_problem(lists, key, v) == nullptr) == accepted);
}

Value text(const std::string& t) { Value v; v.type = ValueType::Text; v.text = t; return v; }
Value number(double n, const std::string& unit = "") { Value v; v.type = ValueType::Number; v.number = n; v.unit = unit; return v; }
Value range(double a, double b, const std::string& unit = "") { Value v; v.type = ValueType::Range; v.min = a; v.max = b; v.unit = unit; return v; }
Value bound(BoundKind k, double n, const std::string& unit = "") { Value v; v.type = ValueType::Bound; v.bound = k; v.number = n; v.unit = unit; return v; }
Value choice(const std::string& list, const std::string& option) { Value v; v.type = ValueType::Choice; v.list = list; v.option = option; return v; }
Value set(const std::string& list, std::vector<std::string> items) { Value v; v.type = ValueType::Set; v.list = list; v.items = std::move(items); return v; }
Value yes_no(bool yes) { Value v; v.type = ValueType::YesNo; v.yes = yes; return v; }

// A sample of valid values of every type, for the conversions.
std::vector<Value> sample_values()
{
    return {text("about 6 weeks"), text("Police, Health"), text("yes"), text(""),
            number(50, "cases"), number(1.5, "days"), range(18, 24, "months"), range(3, 3),
            bound(BoundKind::AtMost, 24, "months"), bound(BoundKind::AtLeast, 2),
            choice("notice", "short_notice"), choice("tiers", "t2"),
            set("agencies", {"council", "police"}), set("tiers", {"t1", "t3"}), set("", {"leadership", "help and protection"}),
            set("", {}), set("empty", {}), yes_no(true), yes_no(false)};
}

// Keys of dimensions of one's own and every catalogue key.
std::vector<std::string> all_keys()
{
    std::vector<std::string> keys = {"own_setting"};
    int n = 0;
    const CatalogueDimension* dims = catalogue_dimensions(&n);
    for (int i = 0; i < n; i++) keys.push_back(dims[i].key);
    return keys;
}

std::vector<std::string> option_keys(const std::vector<OptionRef>& options)
{
    std::vector<std::string> keys;
    for (const OptionRef& o : options) keys.push_back(o.key);
    return keys;
}

} // namespace

// ---------------------------------------------------------------------------------------
// value_problem() against import

TEST_CASE("every value type: a value import accepts has no problem, one it refuses has one")
{
    const std::vector<NamedList> lists = own_lists();
    SUBCASE("text: any words, for any dimension (the catalogue always allows text)")
    {
        check_case(lists, "own_setting", text("Two inspectors for two weeks"), true);
        check_case(lists, "notice", text("Told the evening before"), true);
        check_case(lists, "cases_sampled", text(""), true);
    }
    SUBCASE("number")
    {
        check_case(lists, "own_setting", number(3, "people"), true);
        check_case(lists, "cycle", number(3, "years"), true);
        check_case(lists, "reinspection", number(24, "months"), true);   // a range dimension takes a number
        check_case(lists, "notice", number(2, "days"), false);           // a choice dimension does not
        check_case(lists, "own_setting", number(-0.25), true);
    }
    SUBCASE("range")
    {
        check_case(lists, "reinspection", range(18, 24, "months"), true);
        check_case(lists, "own_setting", range(5, 5), true);
        check_case(lists, "reinspection", range(24, 18, "months"), false);
        check_case(lists, "methods", range(1, 2), false);
    }
    SUBCASE("bound")
    {
        check_case(lists, "reinspection", bound(BoundKind::AtLeast, 24, "months"), true);
        check_case(lists, "cases_sampled", bound(BoundKind::AtMost, 50, "cases"), true);
        check_case(lists, "judgement_style", bound(BoundKind::AtLeast, 1), false);
    }
    SUBCASE("choice")
    {
        check_case(lists, "notice", choice("notice", "none"), true);
        check_case(lists, "own_setting", choice("tiers", "t1"), true);
        check_case(lists, "own_setting", choice("notice", "announced"), true);
        check_case(lists, "notice", choice("notice", "bogus"), false);          // not an option
        check_case(lists, "own_setting", choice("notice", "police"), false);    // another list's option
        check_case(lists, "own_setting", choice("", "t1"), false);              // no list
        check_case(lists, "own_setting", choice("missing", "t1"), false);       // a list nobody defined
        check_case(lists, "own_setting", choice("empty", ""), false);           // nothing to choose
        check_case(lists, "notice", choice("judgement_style", "graded"), false);   // the catalogue fixes the list
        check_case(lists, "notice", choice("tiers", "t1"), false);
    }
    SUBCASE("set")
    {
        check_case(lists, "own_setting", set("", {"leadership", "help and protection"}), true);
        check_case(lists, "own_setting", set("", {}), true);
        check_case(lists, "own_setting", set("empty", {}), true);               // a set may draw from an empty list
        check_case(lists, "methods", set("methods", {"shadowing", "audit"}), true);
        check_case(lists, "judgement_areas", set("", {"leadership"}), true);    // the catalogue fixes no list here
        check_case(lists, "judgement_areas", set("agencies", {"police"}), true);
        check_case(lists, "own_setting", set("tiers", {"t3", "t1"}), true);     // any order
        check_case(lists, "own_setting", set("", {"a", "a"}), false);           // twice
        check_case(lists, "methods", set("methods", {"audit", "audit"}), false);
        check_case(lists, "methods", set("methods", {"bogus"}), false);
        check_case(lists, "own_setting", set("tiers", {"t9"}), false);
        check_case(lists, "own_setting", set("empty", {"anything"}), false);
        check_case(lists, "own_setting", set("missing", {}), false);
        check_case(lists, "scope_agencies", set("", {"police"}), false);        // the catalogue fixes the list
        check_case(lists, "scope_agencies", set("methods", {"audit"}), false);
    }
    SUBCASE("yes or no")
    {
        check_case(lists, "own_setting", yes_no(true), true);
        check_case(lists, "own_setting", yes_no(false), true);
        check_case(lists, "cycle", yes_no(true), false);
    }
}

TEST_CASE("a number too large for the file is refused by both")
{
    // The writer cannot write infinity (JSON has none), so the file says 1e999, which the
    // reader cannot hold in a double; the editor's value holds infinity.
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<NamedList> lists;
    const std::string marker = "1234567";
    struct Case { Value with_marker, with_inf; };
    const Case cases[] = {
        {number(1234567, "cases"), number(inf, "cases")},
        {bound(BoundKind::AtMost, 1234567), bound(BoundKind::AtMost, inf)},
        {range(0, 1234567), range(0, inf)},
        {range(-1234567, 0), range(-inf, 0)},
    };
    for (const Case& c : cases) {
        std::string json = export_document(document_with(lists, "own_setting", c.with_marker));
        const size_t at = json.find(marker);
        REQUIRE(at != std::string::npos);
        json.replace(at, marker.size(), "1e999");
        CAPTURE(json);
        CHECK(import_refuses_text(json));
        CHECK(value_problem(lists, "own_setting", c.with_inf) == std::string("That number is too large to keep."));
        CHECK(value_problem(lists, "own_setting", c.with_marker) == nullptr);
    }
    CHECK(number_problem(inf) == std::string("That number is too large to keep."));   // what the fields say as one types
    CHECK(number_problem(-inf) != nullptr);
    CHECK(number_problem(std::nan("")) != nullptr);
    CHECK(number_problem(9007199254740992.0) == nullptr);
    CHECK(number_problem(1e308) != nullptr);   // beyond 2^53 import refuses it too (issue 17: no digits lost on save)
}

TEST_CASE("every kind of value for every dimension, as the editor makes them, is judged as import judges it")
{
    // new_value() for every type and every key (with each list a choice or set may use), and
    // every sample value converted to every type for every key: both allowed and refused ones.
    const std::vector<NamedList> lists = own_lists();
    int checked = 0, refused = 0;
    for (const std::string& key : all_keys()) {
        const CatalogueDimension* cat = catalogue_find_dimension(key);
        for (int t = 0; t < kValueTypeCount; t++) {
            const ValueType type = (ValueType)t;
            std::vector<std::string> lists_to_try = {cat ? cat->list : ""};
            if (!cat) lists_to_try = list_keys(lists, false);
            for (const std::string& list : lists_to_try) {
                const Value v = new_value(lists, type, cat ? cat->unit : "", list);
                check_agrees(lists, key, v);
                refused += value_problem(lists, key, v) ? 1 : 0;
                checked++;
            }
            for (const Value& from : sample_values()) {
                const Value v = convert_value(lists, from, type, cat);
                check_agrees(lists, key, v);
                refused += value_problem(lists, key, v) ? 1 : 0;
                checked++;
            }
        }
    }
    CHECK(checked > 1000);
    CHECK(refused > 100);              // both kinds, many of each: the catalogue's type rules
    CHECK(checked - refused > 100);    // refuse most types for most catalogue dimensions
}

TEST_CASE("the example drafts' values have no problem")
{
    int values = 0;
    for (const Document& doc : example_documents()) {
        CAPTURE(doc.title);
        for (const Regime& g : doc.regimes)
            for (const Dimension& dim : g.dimensions) {
                CAPTURE(dim.key);
                CHECK(value_problem(doc.lists, dim.key, dim.value) == nullptr);
                values++;
            }
    }
    CHECK(values > 20);
}

TEST_CASE("problems are said in the editor's words")
{
    const std::vector<NamedList> lists = own_lists();
    auto says = [&](const std::string& key, const Value& v) { const char* p = value_problem(lists, key, v); return std::string(p ? p : ""); };
    CHECK(says("notice", number(1)) == "The catalogue does not allow that kind of value for this dimension.");
    CHECK(says("own_setting", range(2, 1)) == "A range cannot end before it starts.");
    CHECK(says("own_setting", choice("empty", "")) == "A choice needs a list with options to choose from.");
    CHECK(says("own_setting", choice("tiers", "t9")) == "Pick one of the list's options.");
    CHECK(says("own_setting", set("missing", {})) == "That list is not in this document.");
    CHECK(says("own_setting", set("tiers", {"t9"})) == "Only the list's options can be in this set.");
    CHECK(says("own_setting", set("", {"a", "b", "a"})) == "Each item can be in the set only once.");
    CHECK(says("notice", choice("judgement_style", "graded")) == "The catalogue fixes the list for this dimension.");
    CHECK(says("own_setting", text("fine")) == "");
}

TEST_CASE("which types a dimension may take")
{
    for (int t = 0; t < kValueTypeCount; t++) CHECK(value_type_allowed(nullptr, (ValueType)t));   // one's own: any
    const CatalogueDimension* notice = catalogue_find_dimension("notice");        // a choice
    const CatalogueDimension* cases = catalogue_find_dimension("cases_sampled");  // a number
    const CatalogueDimension* team = catalogue_find_dimension("team");            // text
    REQUIRE(notice);
    REQUIRE(cases);
    REQUIRE(team);
    CHECK(value_type_allowed(notice, ValueType::Choice));
    CHECK(value_type_allowed(notice, ValueType::Text));
    CHECK_FALSE(value_type_allowed(notice, ValueType::Set));
    CHECK_FALSE(value_type_allowed(notice, ValueType::Number));
    CHECK(value_type_allowed(cases, ValueType::Number));
    CHECK(value_type_allowed(cases, ValueType::Range));
    CHECK(value_type_allowed(cases, ValueType::Bound));
    CHECK_FALSE(value_type_allowed(cases, ValueType::YesNo));
    int allowed = 0;
    for (int t = 0; t < kValueTypeCount; t++) allowed += value_type_allowed(team, (ValueType)t) ? 1 : 0;
    CHECK(allowed == 1);   // only text: the editor shows no type menu
}

// ---------------------------------------------------------------------------------------
// Making and converting values

TEST_CASE("a new value is the type's empty value; a choice starts at its list's first option")
{
    const std::vector<NamedList> lists = own_lists();
    CHECK(new_value(lists, ValueType::Number, "weeks", "").unit == "weeks");
    CHECK(new_value(lists, ValueType::Text, "weeks", "").unit == "");
    CHECK(new_value(lists, ValueType::Choice, "", "notice").option == "none");
    CHECK(new_value(lists, ValueType::Choice, "", "tiers").option == "t1");
    CHECK(new_value(lists, ValueType::Choice, "", "empty").option == "");
    const Value s = new_value(lists, ValueType::Set, "", "methods");
    CHECK(s.list == "methods");
    CHECK(s.items.empty());
    CHECK(new_value(lists, ValueType::Range, "months", "").min == 0);
}

TEST_CASE("conversions keep what the value said, and come back")
{
    const std::vector<NamedList> lists = own_lists();
    const CatalogueDimension* cases = catalogue_find_dimension("cases_sampled");
    const CatalogueDimension* notice = catalogue_find_dimension("notice");
    const CatalogueDimension* methods = catalogue_find_dimension("methods");
    const CatalogueDimension* on_site = catalogue_find_dimension("on_site_length");

    SUBCASE("the number family: 50 cases as a range, a limit and back")
    {
        const Value r = convert_value(lists, number(50, "cases"), ValueType::Range, cases);
        CHECK(r.min == 50);
        CHECK(r.max == 50);
        CHECK(r.unit == "cases");
        const Value b = convert_value(lists, r, ValueType::Bound, cases);
        CHECK(b.bound == BoundKind::AtLeast);
        CHECK(b.number == 50);
        CHECK(b.unit == "cases");
        const Value n = convert_value(lists, b, ValueType::Number, cases);
        CHECK(value_text(n) == "50 cases");
        CHECK(convert_value(lists, range(18, 24, "months"), ValueType::Number, nullptr).number == 18);   // a range's start
        CHECK(convert_value(lists, bound(BoundKind::AtMost, 3), ValueType::Bound, nullptr).bound == BoundKind::AtMost);
    }
    SUBCASE("text: the first number it names, with the catalogue's unit")
    {
        const Value n = convert_value(lists, text("about 6 weeks"), ValueType::Number, on_site);
        CHECK(n.number == 6);
        CHECK(n.unit == "weeks");
        CHECK(convert_value(lists, text("none given"), ValueType::Number, nullptr).number == 0);
        CHECK(convert_value(lists, range(1.5, 2, "days"), ValueType::Text, nullptr).text == "1.5\xE2\x80\x93" "2 days");
    }
    SUBCASE("a choice as its option's words, and back by label")
    {
        const Value t = convert_value(lists, choice("notice", "short_notice"), ValueType::Text, notice);
        CHECK(t.text == "Short notice (a few working days)");
        const Value c = convert_value(lists, t, ValueType::Choice, notice);
        CHECK(c.list == "notice");
        CHECK(c.option == "short_notice");
        CHECK(convert_value(lists, text("  ANNOUNCED well in advance "), ValueType::Choice, notice).option == "announced");
        CHECK(convert_value(lists, text("nothing like it"), ValueType::Choice, notice).option == "none");   // the first option
        const Value own = convert_value(lists, choice("tiers", "t3"), ValueType::Text, nullptr);
        CHECK(own.text == "t3");   // an option without a label reads as its key
        const Value back = convert_value(lists, own, ValueType::Choice, nullptr);
        CHECK(back.list == list_keys(lists, true).front());
        CHECK(back.option == "t3");
    }
    SUBCASE("a set as words, and back")
    {
        const Value t = convert_value(lists, set("methods", {"shadowing", "audit"}), ValueType::Text, methods);
        CHECK(t.text == "Shadowing social workers, Reviewing the council's own audits");
        const Value s = convert_value(lists, t, ValueType::Set, methods);
        CHECK(s.list == "methods");
        CHECK(s.items == std::vector<std::string>{"shadowing", "audit"});
        const Value free_text = convert_value(lists, set("", {"leadership", "help and protection"}), ValueType::Text, nullptr);
        CHECK(free_text.text == "leadership, help and protection");
        const Value back = convert_value(lists, free_text, ValueType::Set, nullptr);
        CHECK(back.list == "");
        CHECK(back.items == std::vector<std::string>{"leadership", "help and protection"});
        CHECK(convert_value(lists, set("", {}), ValueType::Text, nullptr).text == "");   // not "none"
        const Value one = convert_value(lists, choice("tiers", "t2"), ValueType::Set, nullptr);
        CHECK(one.list == "tiers");
        CHECK(one.items == std::vector<std::string>{"t2"});
        CHECK(convert_value(lists, one, ValueType::Choice, nullptr).option == "t2");
    }
    SUBCASE("yes or no")
    {
        for (bool yes : {true, false}) {
            const Value t = convert_value(lists, yes_no(yes), ValueType::Text, nullptr);
            CHECK(t.text == (yes ? "Yes" : "No"));
            CHECK(convert_value(lists, t, ValueType::YesNo, nullptr).yes == yes);
        }
        CHECK_FALSE(convert_value(lists, text("maybe"), ValueType::YesNo, nullptr).yes);
    }
    SUBCASE("members this version does not know stay, unless the new type reads them")
    {
        Value from = text("x");
        JsonValue note;
        note.type = JsonValue::String;
        note.text = "from a newer Parley";
        from.extra.add("note", note);
        from.extra.add("unit", note);   // a number would write its own "unit"
        const Value n = convert_value(lists, from, ValueType::Number, nullptr);
        const std::vector<JsonMember> kept = n.extra.list();
        REQUIRE(kept.size() == 1);
        CHECK(kept[0].first == "note");
    }
}

TEST_CASE("every valid value converted to a type its dimension allows is valid, unless its list has no options")
{
    const std::vector<NamedList> lists = own_lists();
    int checked = 0;
    for (const std::string& key : all_keys()) {
        const CatalogueDimension* cat = catalogue_find_dimension(key);
        for (const Value& from : sample_values()) {
            if (value_problem(lists, key, from)) continue;   // not a value this dimension holds
            for (int t = 0; t < kValueTypeCount; t++) {
                if (!value_type_allowed(cat, (ValueType)t)) continue;
                const Value v = convert_value(lists, from, (ValueType)t, cat);
                if (v.type == ValueType::Choice && from.list == "empty") continue;   // nothing to choose from
                CAPTURE(key);
                CAPTURE(value_text(from, lists));
                CAPTURE(value_type_name(v.type));
                CHECK(value_problem(lists, key, v) == nullptr);
                checked++;
            }
        }
    }
    CHECK(checked > 100);
}

TEST_CASE("a choice or set moved to another list keeps what the new list has")
{
    std::vector<NamedList> lists = own_lists();
    lists.push_back(named_list("levels", "Levels", {{"tier_2", "tier TWO"}, {"tier_1", "Tier one"}}));
    lists.push_back(named_list("partners", "Partners", {{"health", "Health"}, {"cops", "Police"}, {"other", "Others"}}));
    int dropped = -1;

    const Value c = value_with_list(lists, choice("tiers", "t2"), "levels", &dropped);
    CHECK(c.list == "levels");
    CHECK(c.option == "tier_2");   // by label, ignoring case
    CHECK(value_with_list(lists, choice("tiers", "t3"), "levels", &dropped).option == "tier_2");   // none matches: the first

    const Value s = value_with_list(lists, set("agencies", {"police", "council", "health"}), "partners", &dropped);
    CHECK(s.items == std::vector<std::string>{"health", "cops"});   // in the new list's order
    CHECK(dropped == 1);                                             // council
    CHECK(value_problem(lists, "own_setting", s) == nullptr);

    const Value free = value_with_list(lists, set("agencies", {"police", "health"}), "", &dropped);
    CHECK(free.items == std::vector<std::string>{"Police", "Health"});   // the words people saw
    CHECK(dropped == 0);
    const Value again = value_with_list(lists, free, "agencies", &dropped);
    CHECK(again.items == std::vector<std::string>{"health", "police"});
    CHECK(dropped == 0);
    value_with_list(lists, set("", {"police", "nobody", "Tier one"}), "tiers", &dropped);
    CHECK(dropped == 2);
}

TEST_CASE("ticking an option of a set keeps the list's order")
{
    const std::vector<NamedList> lists = own_lists();
    Value v = set("tiers", {});
    v = set_with_option(lists, v, "t3", true);
    v = set_with_option(lists, v, "t1", true);
    CHECK(v.items == std::vector<std::string>{"t1", "t3"});
    v = set_with_option(lists, v, "t3", false);
    CHECK(v.items == std::vector<std::string>{"t1"});
    CHECK(set_with_option(lists, set("tiers", {"t9", "t2"}), "t1", true).items == std::vector<std::string>{"t1", "t2"});
}

// ---------------------------------------------------------------------------------------
// Option lists

TEST_CASE("options are found in the file's own lists and in the catalogue's")
{
    const std::vector<NamedList> lists = own_lists();
    std::vector<OptionRef> options;
    REQUIRE(list_options(lists, "tiers", &options));
    REQUIRE(options.size() == 3);
    CHECK(options[0].label == "Tier one");
    CHECK(options[2].key == "t3");
    CHECK(options[2].label == "t3");   // no label: its key
    REQUIRE(list_options(lists, "notice", &options));
    CHECK(option_keys(options) == std::vector<std::string>{"none", "on_the_day", "short_notice", "announced"});
    CHECK(options[0].label == "No notice");
    CHECK(list_options(lists, "empty", &options));
    CHECK(options.empty());
    CHECK_FALSE(list_options(lists, "missing", &options));
    CHECK(options.empty());
    CHECK_FALSE(list_options({}, "tiers", &options));

    CHECK(list_has_option(lists, "tiers", "t2"));
    CHECK(list_has_option(lists, "agencies", "police"));
    CHECK_FALSE(list_has_option(lists, "tiers", "police"));
    CHECK_FALSE(list_has_option(lists, "missing", "t2"));

    CHECK(list_option_label(lists, "tiers", "t1") == "Tier one");
    CHECK(list_option_label(lists, "tiers", "t3") == "t3");
    CHECK(list_option_label(lists, "notice", "announced") == "Announced well in advance");
    CHECK(list_option_label(lists, "notice", "bogus") == "bogus");
    CHECK(list_option_label(lists, "missing", "t1") == "t1");

    CHECK(list_label(lists, "tiers") == "Tiers");
    CHECK(list_label(lists, "empty") == "empty");   // no label: its key
    CHECK(list_label(lists, "methods") == "Inspection methods");
    CHECK(list_label(lists, "missing") == "missing");
}

TEST_CASE("value_text's option labels are the same lookup")
{
    Document d;
    d.lists = own_lists();
    for (const char* list : {"tiers", "notice", "agencies", "missing", ""})
        for (const char* option : {"t1", "t3", "none", "police", "bogus"}) {
            CAPTURE(list);
            CAPTURE(option);
            CHECK(option_label(list, option, &d) == list_option_label(d.lists, list, option));
            CHECK(option_label(list, option, nullptr) == list_option_label({}, list, option));
        }
    CHECK(value_text(choice("tiers", "t2"), &d) == value_text(choice("tiers", "t2"), d.lists));
}

TEST_CASE("the lists a value of one's own may use: the file's, then the catalogue's")
{
    const std::vector<NamedList> lists = own_lists();
    int n = 0;
    catalogue_lists(&n);
    const std::vector<std::string> for_set = list_keys(lists, false);
    const std::vector<std::string> for_choice = list_keys(lists, true);
    REQUIRE(for_set.size() == lists.size() + (size_t)n);
    CHECK(for_set[0] == "tiers");
    CHECK(for_set[1] == "empty");
    CHECK(for_set[2] == "notice");
    CHECK(for_choice.size() == for_set.size() - 1);   // a choice cannot use the empty list
    CHECK(for_choice[1] == "notice");
    CHECK(list_keys({}, true).size() == (size_t)n);
    for (const std::string& key : for_choice) {
        std::vector<OptionRef> options;
        CHECK(list_options(lists, key, &options));
        CHECK_FALSE(options.empty());
    }
}

TEST_CASE("words name a list's options by key or by label, in the list's order")
{
    const std::vector<NamedList> lists = own_lists();
    CHECK(items_in_list(lists, "agencies", {" police ", "HEALTH", "council", "nobody"}) == std::vector<std::string>{"council", "health", "police"});
    CHECK(items_in_list(lists, "tiers", {"t3", "tier two"}) == std::vector<std::string>{"t2", "t3"});
    CHECK(items_in_list(lists, "missing", {"t1"}).empty());
}

// ---------------------------------------------------------------------------------------
// Words and keys

TEST_CASE("free items typed with commas, and back")
{
    bool repeated = true;
    CHECK(split_items(" leadership ,help and protection,, ", &repeated) == std::vector<std::string>{"leadership", "help and protection"});
    CHECK_FALSE(repeated);
    CHECK(split_items("a, b, a", &repeated) == std::vector<std::string>{"a", "b"});
    CHECK(repeated);
    CHECK(split_items("", &repeated).empty());
    const std::vector<std::string> items = {"leadership", "help and protection", "care leavers"};
    CHECK(join_items(items) == "leadership, help and protection, care leavers");
    CHECK(split_items(join_items(items), &repeated) == items);
    CHECK(join_items({}) == "");
}

TEST_CASE("blank, trimmed and the same words")
{
    CHECK(is_blank(""));
    CHECK(is_blank(" \t\r\n"));
    CHECK_FALSE(is_blank(" x "));
    CHECK(trimmed("\t a b  ") == "a b");
    CHECK(same_words("Notice given ", "notice GIVEN"));
    CHECK_FALSE(same_words("notice given", "notice  given"));
    CHECK_FALSE(same_words("Café", "CAFÉ"));   // ASCII case only
}

TEST_CASE("a key from a label")
{
    CHECK(key_from_label("Early review (months)") == "early_review_months");
    CHECK(key_from_label("Children's services") == "childrens_services");
    CHECK(key_from_label("Children\xE2\x80\x99s services") == "childrens_services");            // curly apostrophe
    CHECK(key_from_label("Caf\xC3\xA9 Zo\xC3\xAB \xC3\x86sir") == "cafe_zoe_aesir");           // accents, ligature
    CHECK(key_from_label("\xC5\xB5yl \xC5\xB7 2016") == "wyl_y_2016");                          // Welsh ŵ, ŷ
    CHECK(key_from_label("Time \xE2\x80\x94 on site") == "time_on_site");                       // an em dash separates
    CHECK(key_from_label("\xE6\x97\xA5\xE6\x9C\xAC") == "own");                                 // nothing Parley can spell
    CHECK(key_from_label("  ") == "own");
    CHECK(key_from_label("3 x 4") == "3_x_4");
    CHECK(key_from_label(std::string(100, 'a')).size() == 56);
    CHECK(key_from_label(std::string(55, 'a') + " b") == std::string(55, 'a'));                // no '_' at the end
}

TEST_CASE("keys from labels are keys import accepts, once per regime")
{
    Regime g;
    g.dimensions.push_back({});
    g.dimensions.back().key = "own";
    g.dimensions.push_back({});
    g.dimensions.back().key = "own_2";
    CHECK(regime_has_key(g, "own_2"));
    CHECK_FALSE(regime_has_key(g, "own_3"));
    CHECK(unique_key(g, "own") == "own_3");
    CHECK(unique_key(g, "tiers") == "tiers");
    CHECK(unique_key(g, "notice") == "notice_2");   // a catalogue key brings the catalogue's rules

    const char* const labels[] = {"Early review (months)", "\xE6\x97\xA5\xE6\x9C\xAC", "9 lives", "Notice", "a.b-c_d",
                                  "\xC5\xB5yl", "Time given to respond to findings, in working days, after the draft report arrives"};
    for (const char* label : labels) {
        Document d = document_with({}, unique_key(g, key_from_label(label)), text("x"));
        d.regimes[0].dimensions[0].label = label;
        CAPTURE(label);
        CAPTURE(d.regimes[0].dimensions[0].key);
        const ImportResult r = import_document(export_document(d));
        std::string errors;
        for (const ImportError& e : r.errors) errors += format_error(e) + "\n";
        CAPTURE(errors);
        CHECK(r.ok);
        CHECK(catalogue_find_dimension(d.regimes[0].dimensions[0].key) == nullptr);
    }
}
