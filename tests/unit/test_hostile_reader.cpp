// Hostile and huge inputs to the JSON reader (issue 17): work and memory must grow with the
// file, not faster. Nothing here is timed: each test counts the work done (key comparisons,
// tree values built), so it fails on the quadratic or tree-building version on any machine.
#include <doctest/doctest.h>
#include "core/document_json.h"
#include "core/json_reader.h"
#include "core/json_writer.h"
#include "core/merge.h"
#include "core/paths.h"
#include "core/sameness.h"

#include <string>

using namespace parley;

static std::string draft_with(const std::string& members)
{
    return "{\"format\":\"parley\",\"version\":1,\"id\":\"d\",\"kind\":\"response\",\"title\":\"T\",\"status\":\"draft\"," + members + "}";
}

static bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST_CASE("an object of 100,000 distinct keys is checked for repeats with a lookup per key, not a comparison with every earlier key")
{
    std::string text = "{";
    const size_t n = 100000;
    for (size_t i = 0; i < n; i++) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
    text += "}";
    JsonReadResult r = json_read(text);
    REQUIRE(r.ok);
    CHECK(r.root.members.size() == n);
    // Quadratic: n*(n-1)/2 = 5 billion comparisons. Hashed: about one lookup per key.
    CHECK(r.key_compares < 2 * n);
}

TEST_CASE("a repeated key is still found past the first few keys, with escapes, and inside unknown members")
{
    std::string text = "{\n";
    for (int i = 0; i < 20; i++) text += "\"k" + std::to_string(i) + "\": 0,\n";
    text += "\"k\\u0031\": 1\n}";   // "k1" written with an escape, line 22; first at line 3
    JsonReadResult r = json_read(text);
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].kind == JsonIssue::DuplicateKey);
    CHECK(r.issues[0].pointer == "/k1");
    CHECK(r.issues[0].pos.line == 22);
    CHECK(has(r.issues[0].message, "first at line 3"));

    // A member kept as text is checked the same way.
    ImportResult doc = import_document(draft_with("\"future\":{\"a\":{\"x\":1,\"x\":2}}"));
    REQUIRE_FALSE(doc.ok);
    CHECK(doc.errors[0].pointer == "/future/a/x");
}

TEST_CASE("a huge unknown member is kept as compact text: no tree is built for it")
{
    std::string zeros = "[";
    const size_t n = 200000;
    for (size_t i = 0; i < n; i++) zeros += i ? ", 0" : "0";
    zeros += "]";
    const std::string text = "{\"known\": [1, 2], \"unknown\": {\"zeros\": " + zeros + "}}";

    JsonReadResult tree = json_read(text);
    REQUIRE(tree.ok);
    CHECK(tree.tree_values > n);   // without a key filter: every value a tree node, as before

    JsonReadResult r = json_read(text, JsonLimits(), [](std::string_view key) { return key == "known"; });
    REQUIRE(r.ok);
    CHECK(r.tree_values < 10);     // the root, "known" and its two items
    const JsonValue* unknown = r.root.find("unknown");
    REQUIRE(unknown);
    CHECK(unknown->type == JsonValue::Raw);
    CHECK(unknown->text.size() == 11 + 2 * n);   // {"zeros":[0,0,...]}: whitespace dropped
    CHECK(unknown->pos.column == 30);

    // It writes back exactly as the tree would, and compares equal to it.
    JsonWriter a, b;
    a.value(*tree.root.find("unknown"));
    b.value(*unknown);
    CHECK(a.text() == b.text());
    CHECK(Same(*unknown, *tree.root.find("unknown")));
    CHECK(Same(json_expand(*unknown), *tree.root.find("unknown")));
}

TEST_CASE("unknown members that differ only in layout or escapes are the same, so they merge cleanly")
{
    auto keep_nothing = [](std::string_view) { return false; };
    JsonReadResult a = json_read("{\"x\": {\"b\": [1, \"\\u00e9\\/\", {}], \"c\": null}}", JsonLimits(), keep_nothing);
    JsonReadResult b = json_read("{\"x\":{\n  \"b\":[1,\"é/\",{ }],\"c\" :null\n}}", JsonLimits(), keep_nothing);
    REQUIRE(a.ok);
    REQUIRE(b.ok);
    CHECK(a.root.find("x")->text == "{\"b\":[1,\"é/\",{}],\"c\":null}");
    CHECK(Same(*a.root.find("x"), *b.root.find("x")));
    JsonReadResult c = json_read("{\"x\": {\"b\": [1.0, \"é/\", {}], \"c\": null}}", JsonLimits(), keep_nothing);
    CHECK_FALSE(Same(*a.root.find("x"), *c.root.find("x")));   // 1.0 is not written as 1: kept as written
}

TEST_CASE("numbers in unknown members survive import and export exactly as written")
{
    ImportResult r = import_document(draft_with("\"future\":{\"tiny\":1e-400,\"big\":123456789012345678901234567890,\"list\":[-0.0,1E+2]}"));
    REQUIRE(r.ok);
    const std::string out = export_document(r.document);
    CHECK(has(out, "\"tiny\": 1e-400"));
    CHECK(has(out, "\"big\": 123456789012345678901234567890"));
    CHECK(has(out, "    \"list\": [\n      -0.0,\n      1E+2\n    ]"));
    ImportResult again = import_document(out);
    REQUIRE(again.ok);
    CHECK(export_document(again.document) == out);
}

TEST_CASE("a draft with a huge unknown member imports without a tree for it and writes it back unchanged")
{
    std::string zeros = "[";
    for (size_t i = 0; i < 100000; i++) zeros += i ? ",0" : "0";
    zeros += "]";
    ImportResult r = import_document(draft_with("\"future\":{\"zeros\":" + zeros + "}"));
    REQUIRE(r.ok);
    const std::vector<JsonMember> extra = r.document.extra.list();
    REQUIRE(extra.size() == 1);
    CHECK(extra[0].second.type == JsonValue::Raw);
    CHECK(r.document.extra.text().size() < 210000);
    const std::string out = export_document(r.document);
    CHECK(has(out, "\"future\": {\n    \"zeros\": [\n      0,\n      0,\n"));
    CHECK(export_document(import_document(out).document) == out);
}

TEST_CASE("past the first few, consecutive members kept as text become one run of text: no value apiece")
{
    auto known = [](std::string_view key) { return key.empty() || key[0] != 'x'; };
    const std::string text = "{\"a\": 1, \"x1\": 0, \"x2\": [1, 2], \"b\": 2, \"x3\": \"q\\u00e9\", \"x4\": {}}";
    JsonLimits limits;
    limits.members_apart = 1;
    JsonReadResult r = json_read(text, limits, known);
    REQUIRE(r.ok);
    REQUIRE(r.root.members.size() == 5);   // a, x1 apart, [x2], b, [x3, x4]
    CHECK(r.root.members[1].first == "x1");
    CHECK(r.root.members[2].second.type == JsonValue::RawMembers);
    CHECK(r.root.members[2].second.text == "\"x2\":[1,2]");
    CHECK(r.root.members[4].second.text == "\"x3\":\"q\u00e9\",\"x4\":{}");
    CHECK(r.root.members[4].second.pos.column == 41);   // where the run's first key starts
    CHECK(r.root.find("x2") == nullptr);   // a run is no member to look up, nor is its empty key
    CHECK(r.root.find("") == nullptr);
    CHECK(r.root.find("b")->text == "2");

    // Written, compacted and expanded, it is the object read as a tree.
    JsonReadResult tree = json_read(text);
    JsonWriter a, b;
    a.value(tree.root);
    b.value(r.root);
    CHECK(a.text() == b.text());
    CHECK(json_compact(r.root) == json_compact(tree.root));
    JsonValue expanded = r.root;
    json_materialize(expanded);
    REQUIRE(expanded.members.size() == 6);
    CHECK(expanded.members[2].first == "x2");
    CHECK(expanded.members[2].second.type == JsonValue::Array);
    CHECK(Same(expanded, tree.root));

    // 1,000 small unknown members: a member (key and value, ~100 bytes) each when kept apart;
    // past the first ten, one run.
    std::string wide = "{";
    for (int i = 0; i < 1000; i++) wide += (i ? ",\"x" : "\"x") + std::to_string(i) + "\":" + std::to_string(i);
    wide += "}";
    CHECK(json_read(wide, JsonLimits(), known).root.members.size() == 1000);
    limits.members_apart = 10;
    JsonReadResult runs = json_read(wide, limits, known);
    REQUIRE(runs.ok);
    CHECK(runs.root.members.size() == 11);
    CHECK(json_compact(runs.root) == wide);
}

TEST_CASE("a draft whose objects carry many small unknown members keeps them as text and writes, finds, sets and merges them")
{
    // 60 objects of 20 unknown members: past the first 50 in the file (one notice each), runs.
    std::string answers, questions;
    for (int q = 0; q < 60; q++) {
        const std::string n = std::to_string(q);
        questions += (q ? "," : "") + std::string("{\"id\":\"q-") + n + "\",\"text\":\"Q\"}";
        answers += (q ? "," : "") + std::string("{\"id\":\"ans-") + n + "\",\"question\":\"q-" + n + "\"";
        for (int k = 0; k < 20; k++) answers += ",\"x_" + std::to_string(k) + "\":" + (k == 7 ? "{\"deep\":[1,\"two\"]}" : std::to_string(k));
        answers += "}";
    }
    ImportResult r = import_document(draft_with("\"questions\":[" + questions + "],\"answers\":[" + answers + "]"));
    REQUIRE(r.ok);
    CHECK(r.notices.size() == kMaxImportErrors);
    CHECK(r.unknown_fields == 60 * 20);   // counted all the same, in runs or apart
    CHECK(r.document.answers[59].extra.text() == r.document.answers[0].extra.text());
    const std::string out = export_document(r.document);
    CHECK(has(out, "      \"x_6\": 6,\n      \"x_7\": {\n        \"deep\": [\n          1,\n          \"two\"\n        ]\n      },\n      \"x_8\": 8,\n"));
    CHECK(export_document(import_document(out).document) == out);

    JsonValue got;
    REQUIRE(path_get(r.document, "answers/ans-59/x_7", &got));
    CHECK(got.type == JsonValue::Raw);
    CHECK(got.text == "{\"deep\":[1,\"two\"]}");
    CHECK_FALSE(path_get(r.document, "answers/ans-59/x_20", &got));

    // One side changes a member inside a run, the other removes another: both land.
    Document ours = r.document, theirs = r.document;
    JsonValue changed;
    changed.type = JsonValue::String;
    changed.text = "changed";
    std::string error;
    REQUIRE(path_set(theirs, "answers/ans-59/x_3", changed, "", &error));
    REQUIRE(path_set(ours, "answers/ans-59/x_4", JsonValue{}, "", &error));
    const MergeResult m = merge_documents(r.document, ours, theirs);
    CHECK(m.conflicts() == 0);
    REQUIRE(path_get(m.doc, "answers/ans-59/x_3", &got));
    CHECK(got.text == "changed");
    CHECK_FALSE(path_get(m.doc, "answers/ans-59/x_4", &got));
    REQUIRE(path_get(m.doc, "answers/ans-59/x_19", &got));
    CHECK(got.text == "19");
}

TEST_CASE("a dangling reference in a long list is pointed at exactly, found from where it starts in the file")
{
    std::string sources, cited;
    for (int i = 0; i < 2000; i++) {
        sources += (i ? "," : "") + std::string("{\"id\":\"src-") + std::to_string(i) + "\",\"title\":\"S\"}";
        cited += (i ? ",\n" : "") + std::string("\"src-") + std::to_string(i == 1777 ? 99999 : i) + "\"";
    }
    ImportResult r = import_document(draft_with("\"sources\":[" + sources + "],\"questions\":[{\"id\":\"q-1\",\"text\":\"Q\"}],"
                                                "\"answers\":[{\"id\":\"ans-1\",\"question\":\"q-1\",\"sources\":[" + cited + "]},"
                                                "{\"id\":\"src-5\",\"question\":\"q-1\"}]"));
    REQUIRE(r.errors.size() == 4);
    // Answers are read before sources (FieldReadFirst): the source's id is the repeat.
    CHECK(r.errors[0].pointer == "/sources/5/id");
    CHECK(r.errors[0].message == "the id \"src-5\" is already used by an answer (/answers/1/id); every id must be unique in the document");
    CHECK(r.errors[1].pointer == "/answers/1/question");
    CHECK(r.errors[2].pointer == "/answers/0/sources/5");
    CHECK(r.errors[2].message == "\"src-5\" is an answer (/answers/1/id), not a source");
    CHECK(r.errors[3].pointer == "/answers/0/sources/1777");
    CHECK(r.errors[3].line == 1778);
    CHECK(r.errors[3].message == "there is no source with the id \"src-99999\" in this document");
}

TEST_CASE("lines are counted as editors count them: CR, LF and CRLF each end one line")
{
    for (const char* br : {"\r", "\n", "\r\n"}) {
        const std::string b = br;
        JsonReadResult r = json_read("{" + b + "\"a\": 1," + b + b + "\"b\": tru" + b + "}");
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.issues.size() == 1);
        CHECK(r.issues[0].pos.line == 4);
        CHECK(r.issues[0].pos.column == 6);
    }
    // A value's position, which import errors use, counts the same way.
    JsonReadResult r = json_read("{\r\"a\":\r\r 5}");
    REQUIRE(r.ok);
    CHECK(r.root.find("a")->pos.line == 4);
    CHECK(r.root.find("a")->pos.column == 2);

    ImportResult doc = import_document("{\r\"format\": \"parley\",\r\"version\": 1,\r\"id\": \"d\",\r\"kind\": \"response\",\r\"title\": 42,\r\"status\": \"draft\"\r}");
    REQUIRE_FALSE(doc.ok);
    CHECK(doc.errors[0].pointer == "/title");
    CHECK(doc.errors[0].line == 6);
}

TEST_CASE("a file dense in small values is refused within a memory budget, where reading reached it; a huge unknown member is not")
{
    // 2,000 dimensions of 20 small members each: some 50,000 values in about 0.4 MB, which
    // would cost 20 MB once read. With 4 MB to spend the import stops where the budget ran out.
    std::string dims;
    for (int i = 0; i < 2000; i++) {
        if (i) dims += ",";
        dims += "{\"id\":\"dim-" + std::to_string(i) + "\",\"key\":\"own_" + std::to_string(i) + "\",\"label\":\"Own\",\"value\":{\"type\":\"yes_no\",\"value\":true}";
        for (int k = 0; k < 20; k++) dims += ",\"x_" + std::to_string(k) + "\":" + std::to_string(k);
        dims += "}";
    }
    const std::string dense = draft_with("\"regimes\":[{\"id\":\"reg-1\",\"name\":\"R\",\"role\":\"proposed\",\"dimensions\":[" + dims + "]}]");
    ImportResult refused = import_document(dense, 4u << 20);
    REQUIRE_FALSE(refused.ok);
    REQUIRE(refused.errors.size() == 1);
    CHECK(has(refused.errors[0].message, "too many separate values for the memory this page has left (4 MB)"));
    CHECK(refused.errors[0].line == 1);
    CHECK(refused.errors[0].column > 1000);                 // where the budget ran out, not the start
    CHECK(has(refused.errors[0].pointer, "/regimes/0/dimensions/"));
    CHECK(import_document(dense).ok);                       // no budget (the command-line tool): it opens

    // A list of 1,000,000 zeros in a member Parley does not know is kept as its text: 2 MB of
    // a 4 MB budget, so it opens.
    std::string zeros = "[0";
    for (int i = 1; i < 1000000; i++) zeros += ",0";
    zeros += "]";
    CHECK(import_document(draft_with("\"future\":" + zeros), 4u << 20).ok);
}
