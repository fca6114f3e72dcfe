// Hostile shapes (issue 17): small files whose cost grows with one thing repeated must be read
// in near-linear time, and whatever they hold, every message stays short. Nothing here is
// timed: the option lookups count their work (option_lookup_work(), one per option visited or
// hashed lookup), so a lookup that scans a list per item fails by its count, on any machine.
// Also: the format's own numbers are refused, with where they are, when Parley could not keep
// them as written (1e-400 would be saved as 0, a 30-digit count would lose its digits).
// The big inputs are made here, never committed; bench/adversarial-shapes.mjs makes the same
// shapes at full size for make bench-adversarial and the fuzzer's large mode.
#include <doctest/doctest.h>
#include "core/document_json.h"
#include "core/option_lists.h"
#include "core/paths.h"
#include "core/revision_changes.h"
#include "core/value_rules.h"

#include <string>

using namespace parley;

namespace {

std::string document_with(const std::string& members)
{
    return "{\"format\":\"parley\",\"version\":1,\"id\":\"doc-1\",\"kind\":\"proposal\",\"title\":\"\",\"status\":\"draft\"" + members + "}";
}

// A list of the file's own, "big", with options o0 .. o<n-1>.
std::string big_list(size_t n)
{
    std::string s = ",\"lists\":[{\"key\":\"big\",\"label\":\"Big\",\"options\":[";
    for (size_t i = 0; i < n; i++) s += (i ? "," : "") + std::string("{\"key\":\"o") + std::to_string(i) + "\",\"label\":\"Option " + std::to_string(i) + "\"}";
    return s + "]}]";
}

std::string regime_with_values(const std::vector<std::string>& values)
{
    std::string s = ",\"regimes\":[{\"id\":\"reg-1\",\"name\":\"R\",\"role\":\"proposed\",\"dimensions\":[";
    for (size_t i = 0; i < values.size(); i++)
        s += (i ? "," : "") + std::string("{\"id\":\"dim-") + std::to_string(i) + "\",\"key\":\"own_" + std::to_string(i) +
             "\",\"label\":\"Own\",\"value\":" + values[i] + "}";
    return s + "]}]";
}

std::string set_of(const char* prefix, size_t n)
{
    std::string s = "{\"type\":\"set\",\"list\":\"big\",\"items\":[";
    for (size_t i = 0; i < n; i++) s += (i ? ",\"" : "\"") + std::string(prefix) + std::to_string(i) + "\"";
    return s + "]}";
}

size_t longest_message(const ImportResult& r)
{
    size_t n = 0;
    for (const ImportError& e : r.errors) n = std::max(n, e.message.size());
    return n;
}

} // namespace

TEST_CASE("hostile shapes: a bad option of a list of 100,000 options gets a short message naming a few")
{
    // Before: the message named every option, 1.3 MB for this one item.
    const ImportResult r = import_document(document_with(big_list(100000) +
                                                         regime_with_values({"{\"type\":\"choice\",\"list\":\"big\",\"option\":\"nope\"}"})));
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].pointer == "/regimes/0/dimensions/0/value/option");
    CHECK(r.errors[0].message == "\"nope\" is not an option of the list \"big\": expected o0, o1, o2, o3, o4, o5, o6, o7 and 99,992 more");
}

TEST_CASE("hostile shapes: a short list is still named in full")
{
    const ImportResult r = import_document(document_with(big_list(3) + regime_with_values({set_of("bad", 1)})));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message == "\"bad0\" is not an option of the list \"big\": expected o0, o1 or o2");
}

TEST_CASE("hostile shapes: 20,000 bad items in a set: errors capped, each short, linear work")
{
    const size_t n = 20000;
    option_lookup_work() = 0;
    const ImportResult r = import_document(document_with(big_list(n) + regime_with_values({set_of("bad", n)})));
    REQUIRE_FALSE(r.ok);
    CHECK(r.errors.size() == kMaxImportErrors + 1);   // 50, then "and 19,950 more problems not listed"
    CHECK(r.errors.back().message.find("19950 more problems") != std::string::npos);
    CHECK(longest_message(r) < 200);
    CHECK(option_lookup_work() < 4 * n);   // a scan per item would be n * n / 2 = 200,000,000
}

TEST_CASE("hostile shapes: a set of n items from a list of n options is checked in linear work")
{
    for (size_t n : {1000u, 20000u}) {
        option_lookup_work() = 0;
        const ImportResult r = import_document(document_with(big_list(n) + regime_with_values({set_of("o", n)})));
        CHECK(r.ok);
        CHECK(option_lookup_work() < 4 * n);
    }
}

TEST_CASE("hostile shapes: 1,000 choices from a list of 20,000 options index the list once")
{
    const size_t n = 20000;
    std::vector<std::string> values;
    for (size_t i = 0; i < 1000; i++)
        values.push_back("{\"type\":\"choice\",\"list\":\"big\",\"option\":\"o" + std::to_string(n - 1 - i) + "\"}");
    option_lookup_work() = 0;
    const ImportResult r = import_document(document_with(big_list(n) + regime_with_values(values)));
    CHECK(r.ok);
    CHECK(option_lookup_work() < 2 * n);   // copying the list for each choice would be 20,000,000
}

TEST_CASE("hostile shapes: a list with the same option key twice is found in linear time, and said once per repeat")
{
    std::string list = ",\"lists\":[{\"key\":\"big\",\"label\":\"Big\",\"options\":[";
    for (size_t i = 0; i < 40000; i++) list += (i ? "," : "") + std::string("{\"key\":\"o") + std::to_string(i % 20000) + "\",\"label\":\"x\"}";
    const ImportResult r = import_document(document_with(list + "]}]"));
    REQUIRE_FALSE(r.ok);
    CHECK(r.errors[0].pointer == "/lists/0/options/20000/key");
    CHECK(r.errors[0].message == "the option \"o0\" is already in this list");
}

TEST_CASE("hostile shapes: the regime editor checks a set of n items against n options in linear work")
{
    const size_t n = 20000;
    NamedList l;
    l.key = "big";
    l.label = "Big";
    Value set;
    set.type = ValueType::Set;
    set.list = "big";
    for (size_t i = 0; i < n; i++) {
        l.options.push_back({"o" + std::to_string(i), "", {}});
        set.items.push_back("o" + std::to_string(n - 1 - i));
    }
    const std::vector<NamedList> lists = {l};
    option_lookup_work() = 0;
    CHECK(value_problem(lists, "own", set) == nullptr);
    CHECK(option_lookup_work() < 4 * n);
    set.items.push_back("o7");
    CHECK(std::string(value_problem(lists, "own", set)) == "Each item can be in the set only once.");
}

// ---------------------------------------------------------------------------------------
// The format's own numbers

namespace {

// A one-dimension regime whose number is on line 4 at column 13 (after `   "value": `).
std::string numeric_value_file(const std::string& number)
{
    return "{\"format\": \"parley\", \"version\": 1, \"id\": \"doc-1\", \"kind\": \"proposal\", \"title\": \"\", \"status\": \"draft\",\n"
           " \"regimes\": [{\"id\": \"reg-1\", \"name\": \"R\", \"role\": \"proposed\", \"dimensions\": [\n"
           "  {\"id\": \"dim-1\", \"key\": \"cases_sampled\", \"value\": {\"type\": \"number\", \"unit\": \"cases\",\n"
           "   \"value\": " + number + "}}]}]}\n";
}

std::string first_error(const std::string& text)
{
    const ImportResult r = import_document(text);
    return r.errors.empty() ? "" : format_error(r.errors[0]);
}

} // namespace

TEST_CASE("numbers: a value Parley could not keep as written is refused, saying where and what it would become")
{
    // Before: 1e-400 was read as 0 and the 30-digit count saved as 1.2345678901234568e+29.
    CHECK(first_error(numeric_value_file("1e-400")) ==
          "4:13: /regimes/0/dimensions/0/value/value: 1e-400 is too small for Parley to keep: it would be saved as 0 (write 0 if you mean none)");
    CHECK(first_error(numeric_value_file("-4.9e-324")).find("-4.9e-324 is too small") != std::string::npos);
    CHECK(first_error(numeric_value_file("123456789012345678901234567890")) ==
          "4:13: /regimes/0/dimensions/0/value/value: 123456789012345678901234567890 is too large: Parley keeps numbers up to 9,007,199,254,740,992 (2^53) exactly");
    CHECK(first_error(numeric_value_file("1e20")).find("1e20 is too large") != std::string::npos);
    CHECK(first_error(numeric_value_file("9007199254740993")) ==
          "4:13: /regimes/0/dimensions/0/value/value: 9007199254740993 has more digits than Parley can keep: it would be saved as 9007199254740992 (write 9007199254740992, or fewer digits)");
    CHECK(first_error(numeric_value_file("0.30000000000000000001")).find("it would be saved as 0.3") != std::string::npos);
    CHECK(first_error(numeric_value_file("1e400")).find("too large") != std::string::npos);   // the reader's own limit
}

TEST_CASE("numbers: what a double keeps exactly as written still reads, however it is written")
{
    for (const char* ok : {"0", "-0", "0.0", "25", "2.5e1", "250E-1", "1.50", "0.1", "-3.75", "1e-300", "9007199254740992", "-9007199254740992",
                           "0.000001", "1e0000000000000002"}) {
        CAPTURE(ok);
        const ImportResult r = import_document(numeric_value_file(ok));
        CHECK(r.ok);
        if (!r.ok) CHECK(format_error(r.errors[0]) == "");
    }
}

TEST_CASE("numbers: ranges, limits, weights and scores are checked the same way")
{
    auto value_file = [](const std::string& value) {
        return document_with(regime_with_values({value}));
    };
    CHECK(first_error(value_file("{\"type\":\"range\",\"min\":1e-400,\"max\":2}")).find("/value/min: 1e-400 is too small") != std::string::npos);
    CHECK(first_error(value_file("{\"type\":\"range\",\"min\":1,\"max\":1e30}")).find("/value/max: 1e30 is too large") != std::string::npos);
    CHECK(first_error(value_file("{\"type\":\"bound\",\"bound\":\"at_least\",\"value\":99999999999999999999}")).find("too large") != std::string::npos);
    auto workshop = [](const std::string& weight, const std::string& score) {
        return "{\"format\":\"parley\",\"version\":1,\"id\":\"doc-1\",\"kind\":\"workshop\",\"title\":\"\",\"status\":\"draft\","
               "\"regimes\":[{\"id\":\"reg-1\",\"name\":\"R\",\"role\":\"proposed\"}],"
               "\"workshop\":{\"criteria\":[{\"id\":\"c-1\",\"label\":\"C\",\"weight\":" + weight + "}],"
               "\"participants\":[{\"id\":\"p-1\",\"name\":\"P\"}],"
               "\"scores\":[{\"participant\":\"p-1\",\"regime\":\"reg-1\",\"criterion\":\"c-1\",\"score\":" + score + "}]}}";
    };
    CHECK(import_document(workshop("1.5", "4.25")).ok);
    CHECK(first_error(workshop("1e-400", "4")).find("/workshop/criteria/0/weight: 1e-400 is too small") != std::string::npos);
    CHECK(first_error(workshop("1", "4.00000000000000000001")).find("/workshop/scores/0/score: 4.00000000000000000001 has more digits") != std::string::npos);
}

TEST_CASE("numbers: the regime editor refuses what import would")
{
    CHECK(number_problem(25) == nullptr);
    CHECK(number_problem(9007199254740992.0) == nullptr);
    CHECK(number_problem(1e20) != nullptr);
    CHECK(number_problem(-1e20) != nullptr);
    CHECK(number_problem(1e-310) != nullptr);
    CHECK(number_problem(0) == nullptr);
}

TEST_CASE("replaying a made-up revision record of tens of thousands of changes has a budget, and ordering a long list is linear")
{
    // 20,000 comments and a revision record of 5,000 changes: replaying it would search the
    // list for each change (10^8 steps, minutes in a fuzzer's build). Past the budget the
    // original is not rebuilt, and says why; a merge then goes on without it.
    Document doc;
    doc.kind = DocumentKind::Response;
    for (int i = 0; i < 20000; i++) {
        Comment c;
        c.id = "com-" + std::to_string(i);
        c.target = "doc";
        c.text = "re";
        doc.comments.push_back(c);
    }
    Revision first, second;
    first.id = "rev-1";
    second.id = "rev-2";
    second.parent = "rev-1";
    second.kept = true;
    second.changes.resize(5000);
    for (size_t i = 0; i < second.changes.size(); i++) second.changes[i].at = "comments/com-" + std::to_string(i) + "/text";
    doc.revisions = {first, second};
    Document out;
    std::string why;
    CHECK_FALSE(rebuild_revision(doc, "rev-1", &out, &why));
    CHECK(why.find("too many changes for a draft this size") != std::string::npos);

    // Settling the order of the 20,000 (a merge's order conflict) puts them in the order given.
    JsonValue order;
    order.type = JsonValue::Array;
    for (int i = 19999; i >= 0; i--) {
        JsonValue key;
        key.type = JsonValue::String;
        key.text = "com-" + std::to_string(i);
        order.items.push_back(key);
    }
    REQUIRE(path_set(doc, "comments", order, "", &why));
    CHECK(doc.comments.front().id == "com-19999");
    CHECK(doc.comments.back().id == "com-0");
}
