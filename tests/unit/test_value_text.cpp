// Values are shown to people in tables and summaries: each type must read naturally, with
// its unit, and choices must show their option's label rather than its key.
#include <doctest/doctest.h>
#include "core/catalogue.h"
#include "core/value_text.h"

using namespace parley;

TEST_CASE("each value type reads as a person would write it")
{
    Value v;
    v.type = ValueType::Number; v.number = 50; v.unit = "cases";
    CHECK(value_text(v) == "50 cases");
    v.type = ValueType::Range; v.min = 18; v.max = 24; v.unit = "months";
    CHECK(value_text(v) == "18\xE2\x80\x93" "24 months");
    v.type = ValueType::Bound; v.bound = BoundKind::AtLeast; v.number = 24;
    CHECK(value_text(v) == "at least 24 months");
    v.type = ValueType::Number; v.number = 1.5; v.unit = "";
    CHECK(value_text(v) == "1.5");
    v.type = ValueType::Number; v.number = 1; v.unit = "weeks";
    CHECK(value_text(v) == "1 week");                  // units are stored plural, read singular for one
    v.type = ValueType::Bound; v.bound = BoundKind::AtMost;
    CHECK(value_text(v) == "at most 1 week");
    v.type = ValueType::YesNo; v.yes = false;
    CHECK(value_text(v) == "No");
}

TEST_CASE("choices and sets show option labels, from the catalogue or the file's own lists")
{
    Value v;
    v.type = ValueType::Choice; v.list = "notice"; v.option = "none";
    CHECK(value_text(v) == "No notice");
    v.type = ValueType::Set; v.list = "agencies"; v.items = {"council", "police"};
    CHECK(value_text(v) == "Council children's services, Police");
    Document d;
    d.lists.push_back({"tiers", "Tiers", {{"t1", "Tier one", {}}}, {}});
    v.type = ValueType::Choice; v.list = "tiers"; v.option = "t1";
    CHECK(value_text(v, &d) == "Tier one");
    v.option = "unknown";
    CHECK(value_text(v, &d) == "unknown");
}

TEST_CASE("a dimension is labelled by its own label, else the catalogue's, else its key")
{
    Dimension d;
    d.key = "notice";
    CHECK(dimension_label(d) == "Notice given");
    d.label = "Warning given";
    CHECK(dimension_label(d) == "Warning given");
    d.label = "";
    d.key = "own_key";
    CHECK(dimension_label(d) == "own_key");
}

TEST_CASE("the catalogue is consistent: every named list exists and choices always have one")
{
    int dims = 0, lists = 0;
    const CatalogueDimension* d = catalogue_dimensions(&dims);
    catalogue_lists(&lists);
    CHECK(dims >= 11);
    CHECK(lists >= 5);
    for (int i = 0; i < dims; i++) {
        CAPTURE(d[i].key);
        if (d[i].type == ValueType::Choice) CHECK(*d[i].list);
        if (*d[i].list) CHECK(catalogue_find_list(d[i].list) != nullptr);
        CHECK(catalogue_find_dimension(d[i].key) == &d[i]);
    }
}

TEST_CASE("people's labels for kinds, positions and roles")
{
    CHECK(std::string(kind_label(DocumentKind::Workshop)) == "Workshop comparison");
    CHECK(std::string(position_label(Position::PartlyAgree)) == "Partly agree");
    CHECK(std::string(position_label(Position::Unset)) == "No position yet");
    CHECK(std::string(role_label(RegimeRole::Alternative)) == "alternative proposal");
}

TEST_CASE("counts are grouped in thousands as people read them")
{
    CHECK(thousands(0) == "0");
    CHECK(thousands(999) == "999");
    CHECK(thousands(1000) == "1,000");
    CHECK(thousands(1555100) == "1,555,100");
    CHECK(thousands(-12345) == "-12,345");
}
