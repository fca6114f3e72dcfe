// The document travels between organisations as JSON: what one exports, another must
// import unchanged, and a bad file must be refused with a message that says where.
#include <doctest/doctest.h>
#include "core/document_json.h"

using namespace parley;

TEST_CASE("export then import gives the same document, Unicode intact")
{
    Document doc;
    doc.kind = DocumentKind::Proposal;
    doc.title = "“Ofsted’s — £5 – ŵ ŷ …”";
    doc.organisation = "ADCS";
    const std::string text = export_document(doc);
    ImportResult r = import_document(text);
    REQUIRE(r.ok);
    CHECK(r.document.kind == DocumentKind::Proposal);
    CHECK(r.document.title == doc.title);
    CHECK(r.document.organisation == "ADCS");
    CHECK(export_document(r.document) == text);
}

TEST_CASE("export is canonical: fixed key order, two-space indent, one trailing newline")
{
    Document doc;
    doc.title = "T";
    CHECK(export_document(doc) ==
          "{\n  \"format\": \"parley\",\n  \"version\": 1,\n  \"kind\": \"response\",\n  \"title\": \"T\",\n  \"organisation\": \"\"\n}\n");
}

TEST_CASE("a syntax error is reported with its line and column")
{
    ImportResult r = import_document("{\n  \"format\": \"parley\",\n  \"version\": 1,\n  \"title\": tru\n}");
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 4);
    CHECK(r.errors[0].column >= 12);
    CHECK(r.errors[0].message.find("not valid JSON") != std::string::npos);
}

TEST_CASE("a file from a newer Parley is refused with a clear message")
{
    ImportResult r = import_document(R"({"format":"parley","version":7,"kind":"response","title":""})");
    REQUIRE_FALSE(r.ok);
    CHECK(r.errors[0].pointer == "/version");
    CHECK(r.errors[0].message.find("newer Parley") != std::string::npos);
}

TEST_CASE("wrong types and unknown kinds are reported by pointer, all at once")
{
    ImportResult r = import_document(R"({"format":"parley","version":1,"kind":"memo","title":42})");
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].pointer == "/kind");
    CHECK(r.errors[1].pointer == "/title");
    CHECK(r.errors[1].message == "expected text, got a number");
    CHECK(r.errors[1].line == 1);
    CHECK(r.errors[1].column == 54);
}

TEST_CASE("duplicate keys are refused: Parley does not guess which title was meant")
{
    ImportResult r = import_document("{\"format\":\"parley\",\"version\":1,\"kind\":\"response\",\n\"title\":\"A\",\n\"title\":\"B\"}");
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 3);
    CHECK(r.errors[0].message.find("\"title\" appears twice") != std::string::npos);
}

TEST_CASE("only syntax errors are called invalid JSON; a too-deep file is valid JSON, just refused")
{
    ImportResult deep = import_document(std::string(100, '[') + std::string(100, ']'));
    REQUIRE_FALSE(deep.ok);
    CHECK(deep.errors[0].message.rfind("the document is nested more than", 0) == 0);
    ImportResult dup = import_document("{\"a\":1,\"a\":2}");
    REQUIRE_FALSE(dup.ok);
    CHECK(dup.errors[0].message.rfind("the key \"a\" appears twice", 0) == 0);
}

TEST_CASE("JSON that is not a Parley document is refused")
{
    CHECK_FALSE(import_document("[1,2,3]").ok);
    CHECK_FALSE(import_document(R"({"format":"other","version":1})").ok);
    CHECK_FALSE(import_document("").ok);
}

TEST_CASE("invalid UTF-8 is refused, not loaded as garbage")
{
    std::string bad = "{\"format\":\"parley\",\"version\":1,\"kind\":\"response\",\"title\":\"\xC3\x28\"}";
    ImportResult r = import_document(bad);
    REQUIRE_FALSE(r.ok);
    CHECK(r.errors[0].line == 1);
}
