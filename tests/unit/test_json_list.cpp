// JsonList: the one-pointer list inside every JsonValue (json_list.h). It must behave as the
// std::vector it replaced wherever the core uses it, or trees would lose or corrupt values.
#include <doctest/doctest.h>
#include "core/json_reader.h"

#include <string>

using namespace parley;

TEST_CASE("a JsonList costs one pointer in a value, and holds values as a vector would")
{
    CHECK(sizeof(JsonList<JsonValue>) == sizeof(void*));
    JsonList<std::string> l;
    CHECK(l.empty());
    CHECK(l.begin() == l.end());
    for (int i = 0; i < 100; i++) l.push_back("item number " + std::to_string(i));   // past SSO: real moves
    REQUIRE(l.size() == 100);
    CHECK(l[0] == "item number 0");
    CHECK(l.back() == "item number 99");
    CHECK(l.capacity() >= 100);

    // An argument that is one of its own items survives the growth it causes.
    JsonList<std::string> self = {"the first item, long enough to live on the heap"};
    for (int i = 0; i < 10; i++) self.push_back(self[0]);
    CHECK(self.size() == 11);
    CHECK(self[10] == "the first item, long enough to live on the heap");

    // Copies are deep; moves leave the source empty.
    JsonList<std::string> copy = l;
    copy[0] = "changed";
    CHECK(l[0] == "item number 0");
    JsonList<std::string> moved = std::move(copy);
    CHECK(copy.empty());
    CHECK(moved[0] == "changed");

    // Erase keeps the order of what is left.
    l.erase(l.begin() + 1, l.begin() + 98);
    REQUIRE(l.size() == 3);
    CHECK(l[1] == "item number 98");
    l.erase(l.begin());
    CHECK(l[0] == "item number 98");
    l.clear();
    CHECK(l.empty());
    l.push_back("again");
    CHECK(l.size() == 1);

    // Reserve keeps the items and makes room at once.
    JsonList<JsonValue> values;
    JsonValue v;
    v.type = JsonValue::String;
    v.text = "kept across a reserve";
    values.push_back(v);
    values.reserve(50);
    CHECK(values.capacity() == 50);
    CHECK(values[0].text == "kept across a reserve");
}
