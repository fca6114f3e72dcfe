// The strict reader behind import: every error must say where (line:column and JSON Pointer)
// and what, in plain words; hostile input must be refused, never crash or be half-read.
#include <doctest/doctest.h>
#include "core/json_reader.h"

#include <string>

using namespace parley;

static JsonIssue only_issue(const JsonReadResult& r)
{
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.issues.size() == 1);
    return r.issues[0];
}

TEST_CASE("values keep the line and character column where they start")
{
    JsonReadResult r = json_read("{\n  \"title\": \"ŵŷ\",\n  \"n\": [1, 2.5, -3e2]\n}");
    REQUIRE(r.ok);
    const JsonValue* title = r.root.find("title");
    REQUIRE(title);
    CHECK(title->pos.line == 2);
    CHECK(title->pos.column == 12);
    CHECK(title->text == "ŵŷ");
    const JsonValue* n = r.root.find("n");
    REQUIRE(n);
    CHECK(n->items[1].pos.column == 12);
    CHECK(n->items[0].is_integer);
    CHECK(n->items[0].integer == 1);
    CHECK_FALSE(n->items[1].is_integer);
    CHECK(n->items[2].number == -300.0);
    CHECK(n->items[2].text == "-3e2");
}

TEST_CASE("columns count characters, not bytes")
{
    JsonReadResult r = json_read("[\"£€…\", x]");   // 'x' is character 9, byte 14
    JsonIssue e = only_issue(r);
    CHECK(e.pos.line == 1);
    CHECK(e.pos.column == 9);
    CHECK(e.pointer == "/1");
}

TEST_CASE("a syntax error names the place and what was found")
{
    JsonIssue e = only_issue(json_read("{\"regimes\": [{\"name\": \"a\"} {\"name\": \"b\"}]}"));
    CHECK(e.pos.column == 28);
    CHECK(e.pointer == "/regimes");
    CHECK(e.message == "expected ',' or ']' after an item of this list, found '{'");
}

TEST_CASE("a cut-short file says so")
{
    CHECK(only_issue(json_read("{\"title\": \"Joint resp")).message.find("never closed") != std::string::npos);
    CHECK(only_issue(json_read("{\"a\": [1, 2")).message.find("closing ] is missing") != std::string::npos);
    CHECK(only_issue(json_read("")).message == "the file is empty");
}

TEST_CASE("duplicate keys are errors, reported at the second key, all of them")
{
    JsonReadResult r = json_read("{\"a\": 1,\n \"b\": {\"x\": 1, \"x\": 2},\n \"a\": 3}");
    CHECK_FALSE(r.ok);
    REQUIRE(r.issues.size() == 2);
    CHECK(r.issues[0].pointer == "/b/x");
    CHECK(r.issues[0].message.find("\"x\" appears twice") != std::string::npos);
    CHECK(r.issues[1].pointer == "/a");
    CHECK(r.issues[1].pos.line == 3);
    CHECK(r.issues[1].pos.column == 2);
}

TEST_CASE("invalid UTF-8 is refused with its position")
{
    for (const char* bad : {"\xC3\x28", "\xE2\x82", "\xED\xA0\x80" /* surrogate */, "\xC0\xAF" /* overlong */, "\xF4\x90\x80\x80" /* > U+10FFFF */, "\xFF"}) {
        const std::string text = std::string("[\"ok\", \"a") + bad + "\"]";
        JsonIssue e = only_issue(json_read(text));
        CHECK(e.message.find("not valid UTF-8") != std::string::npos);
        CHECK(e.pos.column == 10);
        CHECK(e.pointer == "/1");
    }
}

TEST_CASE("escapes decode, and unpaired surrogates are refused")
{
    JsonReadResult r = json_read("\"\\u0175 \\ud83d\\ude00 \\n\"");
    REQUIRE(r.ok);
    CHECK(r.root.text == "ŵ 😀 \n");
    CHECK(only_issue(json_read("\"\\ud83d\"")).message.find("unpaired surrogate") != std::string::npos);
    CHECK(only_issue(json_read("\"\\ude00\"")).message.find("unpaired surrogate") != std::string::npos);
    CHECK(only_issue(json_read("\"\\q\"")).message.find("unknown escape \\q") != std::string::npos);
}

TEST_CASE("raw control characters and line breaks inside text are refused")
{
    CHECK(only_issue(json_read("\"a\nb\"")).message.find("line break") != std::string::npos);
    CHECK(only_issue(json_read("\"a\x01\"")).message.find("U+0001") != std::string::npos);
}

TEST_CASE("what people write by hand but JSON forbids gets a specific message")
{
    CHECK(only_issue(json_read("{\"a\": 1,}")).message.find("comma before }") != std::string::npos);
    CHECK(only_issue(json_read("[1,]")).message.find("comma before ]") != std::string::npos);
    CHECK(only_issue(json_read("{'a': 1}")).message.find("double quotes") != std::string::npos);
    CHECK(only_issue(json_read("// note\n{}")).message.find("comments") != std::string::npos);
    CHECK(only_issue(json_read("[07]")).message.find("cannot start with 0") != std::string::npos);
    CHECK(only_issue(json_read("[1.]")).message.find("decimal point") != std::string::npos);
    CHECK(only_issue(json_read("[NaN]")).message.find("expected a value") != std::string::npos);
    CHECK(only_issue(json_read("{} {}")).message.find("after the end of the document") != std::string::npos);
    CHECK(only_issue(json_read("[1e999]")).message.find("too large") != std::string::npos);
}

TEST_CASE("nesting beyond the limit is refused without exhausting the stack")
{
    std::string deep(100000, '[');
    JsonIssue e = only_issue(json_read(deep));
    CHECK(e.message.find("nested more than 64 levels") != std::string::npos);
    std::string ok = std::string(64, '[') + std::string(64, ']');
    CHECK(json_read(ok).ok);
}

TEST_CASE("files beyond the size limit are refused before reading")
{
    JsonLimits limits;
    limits.max_bytes = 10;
    JsonIssue e = only_issue(json_read("[1,2,3,4,5,6,7]", limits));
    CHECK(e.message.find("Parley opens files of up to") != std::string::npos);
}

TEST_CASE("a UTF-8 byte order mark is skipped, and big integers stay exact")
{
    JsonReadResult r = json_read("\xEF\xBB\xBF[9007199254740993]");
    REQUIRE(r.ok);
    CHECK(r.root.items[0].is_integer);
    CHECK(r.root.items[0].integer == 9007199254740993LL);
}

TEST_CASE("JSON Pointer escapes ~ and /")
{
    CHECK(json_pointer_escape("a/b~c") == "a~1b~0c");
    JsonIssue e = only_issue(json_read("{\"a/b\": [tru]}"));
    CHECK(e.pointer == "/a~1b/0");
}

TEST_CASE("each issue says what kind it is: syntax, duplicate key or limit")
{
    CHECK(only_issue(json_read("[tru]")).kind == JsonIssue::Syntax);
    CHECK(only_issue(json_read("{\"a\":1,\"a\":2}")).kind == JsonIssue::DuplicateKey);
    CHECK(only_issue(json_read(std::string(100, '['))).kind == JsonIssue::Limit);
    JsonLimits small;
    small.max_bytes = 2;
    CHECK(only_issue(json_read("[1]", small)).kind == JsonIssue::Limit);
}
