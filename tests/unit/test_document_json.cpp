// The document travels between organisations as JSON: what one exports, another must import
// unchanged; a bad file must be refused whole, with every problem said plainly and located;
// fields a newer Parley wrote must survive a round trip through this one.
#include <doctest/doctest.h>
#include "core/document_json.h"

#include <string>

using namespace parley;

namespace {

// A small valid document; tests splice members into it.
std::string doc_with(const std::string& members)
{
    return "{\"format\":\"parley\",\"version\":1,\"id\":\"doc-1\",\"kind\":\"response\",\"title\":\"T\",\"status\":\"draft\"" +
           (members.empty() ? std::string() : "," + members) + "}";
}

const ImportError* find_error(const ImportResult& r, const std::string& pointer)
{
    for (const ImportError& e : r.errors)
        if (e.pointer == pointer) return &e;
    return nullptr;
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

Document sample_document()
{
    Document d;
    d.id = "doc-a";
    d.kind = DocumentKind::Response;
    d.title = "“Ofsted’s — £5 – ŵ ŷ …”";
    d.status = DocumentStatus::Agreed;
    d.consultation.owners = {"Ofsted", "CQC"};
    d.consultation.closes = "2016-01-04";
    d.organisations.push_back({"org-adcs", "Association of Directors of Children's Services", "ADCS", "lead", {}, {}});
    Regime g;
    g.id = "reg-1";
    g.name = "Proposed";
    g.role = RegimeRole::Proposed;
    g.owner = "org-adcs";
    Dimension dim;
    dim.id = "dim-1";
    dim.key = "reinspection";
    dim.value.type = ValueType::Range;
    dim.value.min = 18;
    dim.value.max = 24.5;
    dim.value.unit = "months";
    dim.rationale = "Line one\nline \"two\"\t\\ end";
    g.dimensions.push_back(dim);
    d.regimes.push_back(g);
    d.questions.push_back({"q1", "1", "Do you agree?", 300, {}});
    Answer a;
    a.id = "ans-1";
    a.question = "q1";
    a.position = Position::PartlyAgree;
    a.reasoning = std::string(5000, 'x');
    a.signatories.push_back({"org-adcs", Position::Disagree, "", {}});
    d.answers.push_back(a);
    return d;
}

} // namespace

TEST_CASE("export then import gives the same document, and export of that gives the same bytes")
{
    const Document d = sample_document();
    const std::string text = export_document(d);
    ImportResult r = import_document(text);
    REQUIRE(r.ok);
    CHECK(r.notices.empty());
    CHECK(r.document.title == d.title);
    CHECK(r.document.regimes[0].dimensions[0].value.max == 24.5);
    CHECK(r.document.regimes[0].dimensions[0].rationale == d.regimes[0].dimensions[0].rationale);
    CHECK(r.document.answers[0].signatories[0].position == Position::Disagree);
    CHECK(r.document.answers[0].reasoning.size() == 5000);
    CHECK(export_document(r.document) == text);
}

TEST_CASE("export is canonical: fixed member order, two-space indent, empty optionals left out, one trailing newline")
{
    Document d;
    d.id = "d";
    d.title = "T";
    CHECK(export_document(d) ==
          "{\n  \"format\": \"parley\",\n  \"version\": 1,\n  \"id\": \"d\",\n  \"kind\": \"response\",\n  \"title\": \"T\",\n"
          "  \"status\": \"draft\"\n}\n");
}

TEST_CASE("a non-canonical file becomes canonical on save, and stays so (idempotent)")
{
    // Compact, members out of order, \u escapes, a number written 1.50: all valid, none canonical.
    const std::string messy = "{\"title\":\"caf\\u00e9\",\"status\":\"draft\",\"kind\":\"proposal\",\"id\":\"d\",\"version\":1,\"format\":\"parley\","
                              "\"regimes\":[{\"role\":\"current\",\"name\":\"R\",\"id\":\"r\",\"dimensions\":[{\"value\":{\"unit\":\"cases\",\"value\":25.0,\"type\":\"number\"},"
                              "\"key\":\"cases_sampled\",\"id\":\"x\"}]}],\"summary\":{\"text\":\"\"}}";
    ImportResult first = import_document(messy);
    REQUIRE(first.ok);
    const std::string once = export_document(first.document);
    CHECK(contains(once, "\"title\": \"café\""));
    CHECK(contains(once, "\"value\": 25,"));
    CHECK_FALSE(contains(once, "summary"));   // empty optional object left out
    ImportResult second = import_document(once);
    REQUIRE(second.ok);
    CHECK(export_document(second.document) == once);
}

TEST_CASE("text is escaped where JSON requires it or a character would act on the reader (U+2028 and the like); stray bytes in memory never make invalid JSON")
{
    Document d;
    d.id = "d";
    d.title = std::string("tab\there \x01 \"q\" \\ é \xE2\x80\xA8 bad:\xFF.");
    const std::string text = export_document(d);
    CHECK(contains(text, "\"tab\\there \\u0001 \\\"q\\\" \\\\ é \\u2028 bad:\xEF\xBF\xBD.\""));
    CHECK(import_document(text).ok);
}

TEST_CASE("unknown members are kept where they were, written back unchanged, and listed as notices")
{
    const std::string text = doc_with(
        "\"regimes\":[{\"id\":\"r\",\"name\":\"R\",\"role\":\"current\",\"colour\":\"#c00\",\"dimensions\":[{\"id\":\"x\",\"key\":\"cycle\","
        "\"value\":{\"type\":\"number\",\"value\":3,\"unit\":\"years\",\"confidence\":0.50},\"weighting\":{\"a\":[1.50,true,null]}}]}],"
        "\"future_block\":{\"nested\":[\"é\",{\"k\":1e3}]}");
    ImportResult r = import_document(text);
    REQUIRE(r.ok);
    REQUIRE(r.notices.size() == 4);
    CHECK(r.notices[0].pointer == "/regimes/0/dimensions/0/value/confidence");
    CHECK(r.notices[1].pointer == "/regimes/0/dimensions/0/weighting");
    CHECK(r.notices[2].pointer == "/regimes/0/colour");
    CHECK(r.notices[3].pointer == "/future_block");
    CHECK(contains(r.notices[0].message, "kept and written back unchanged"));
    const std::string out = export_document(r.document);
    // Numbers keep the literal they were written with (0.50 stays 0.50, 1e3 stays 1e3).
    // Unknown members come after the known ones of their object.
    CHECK(contains(out, "\"unit\": \"years\",\n            \"confidence\": 0.50\n          },"));
    CHECK(contains(out, "\"weighting\": {\n            \"a\": [\n              1.50,\n              true,\n              null\n"));
    CHECK(contains(out, "      ],\n      \"colour\": \"#c00\"\n    }"));
    CHECK(contains(out, "\"future_block\": {\n    \"nested\": [\n      \"é\",\n      {\n        \"k\": 1e3\n"));
    ImportResult again = import_document(out);
    REQUIRE(again.ok);
    CHECK(export_document(again.document) == out);
}

TEST_CASE("a syntax error is reported with its line and column, and called invalid JSON")
{
    ImportResult r = import_document("{\n  \"format\": \"parley\",\n  \"version\": 1,\n  \"title\": tru\n}");
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].pointer == "/title");
    CHECK(r.errors[0].line == 4);
    CHECK(r.errors[0].column == 12);
    CHECK(contains(r.errors[0].message, "not valid JSON"));
}

TEST_CASE("a file from a newer Parley is refused with a clear message")
{
    ImportResult r = import_document(R"({"format":"parley","version":7,"kind":"response","title":""})");
    REQUIRE_FALSE(r.ok);
    CHECK(r.errors[0].pointer == "/version");
    CHECK(contains(r.errors[0].message, "newer Parley"));
}

TEST_CASE("JSON that is not a Parley document is refused")
{
    CHECK(import_document("[1,2,3]").errors[0].message == "expected a Parley document (a JSON object {...}), got a list");
    CHECK(import_document(R"({"format":"other","version":1})").errors[0].pointer == "/format");
    CHECK(contains(import_document("").errors[0].message, "empty"));
}

TEST_CASE("wrong types, unknown names and missing members are all reported at once, by pointer and position")
{
    ImportResult r = import_document(R"({"format":"parley","version":1,"kind":"memo","title":42})");
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.errors.size() == 4);
    CHECK(r.errors[0].pointer == "/id");
    CHECK(r.errors[0].message == "a Parley document needs \"id\"");
    CHECK(r.errors[1].pointer == "/kind");
    CHECK(r.errors[1].message == "\"memo\" is not a kind Parley knows: expected proposal, response or workshop");
    CHECK(r.errors[2].pointer == "/title");
    CHECK(r.errors[2].message == "expected text, got the number 42");
    CHECK(r.errors[2].line == 1);
    CHECK(r.errors[2].column == 54);
    CHECK(r.errors[3].pointer == "/status");
}

TEST_CASE("a typed value of the wrong kind names the unit expected and what was found")
{
    const std::string text = doc_with("\"regimes\":[{\"id\":\"r\",\"name\":\"R\",\"role\":\"proposed\",\"dimensions\":[\n"
                                      "{\"id\":\"x\",\"key\":\"reinspection\",\"value\":{\"type\":\"number\",\"value\":\"two years\",\"unit\":\"months\"}}]}]");
    ImportResult r = import_document(text);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].pointer == "/regimes/0/dimensions/0/value/value");
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].column == 65);
    CHECK(r.errors[0].message == "expected a number of months, got text (\"two years\")");
}

TEST_CASE("choices and sets must use options of their list; catalogue dimensions keep their type")
{
    ImportResult r = import_document(doc_with(
        "\"regimes\":[{\"id\":\"r\",\"name\":\"R\",\"role\":\"proposed\",\"dimensions\":["
        "{\"id\":\"a\",\"key\":\"notice\",\"value\":{\"type\":\"choice\",\"list\":\"notice\",\"option\":\"some\"}},"
        "{\"id\":\"b\",\"key\":\"scope_agencies\",\"value\":{\"type\":\"set\",\"list\":\"agencies\",\"items\":[\"police\",\"fire\",\"police\"]}},"
        "{\"id\":\"c\",\"key\":\"cases_sampled\",\"value\":{\"type\":\"yes_no\",\"value\":true}},"
        "{\"id\":\"d\",\"key\":\"cycle\",\"value\":{\"type\":\"bound\",\"bound\":\"at_least\",\"value\":3,\"unit\":\"years\"}},"
        "{\"id\":\"e\",\"key\":\"team\",\"value\":{\"type\":\"text\",\"text\":\"three inspectors\"}},"
        "{\"id\":\"f\",\"key\":\"own_thing\",\"value\":{\"type\":\"choice\",\"list\":\"mine\",\"option\":\"b\"}}]}],"
        "\"lists\":[{\"key\":\"mine\",\"label\":\"Mine\",\"options\":[{\"key\":\"a\",\"label\":\"A\"}]}]"));
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.errors.size() == 6);
    CHECK(r.errors[0].pointer == "/regimes/0/dimensions/0/value/option");
    CHECK(r.errors[0].message == "\"some\" is not an option of the list \"notice\": expected none, on_the_day, short_notice or announced");
    CHECK(r.errors[1].pointer == "/regimes/0/dimensions/1/value/items/1");
    CHECK(r.errors[2].pointer == "/regimes/0/dimensions/1/value/items/2");
    CHECK(contains(r.errors[2].message, "twice"));
    CHECK(r.errors[3].pointer == "/regimes/0/dimensions/2/value/type");   // a yes/no where the catalogue counts cases
    CHECK(r.errors[4].pointer == "/regimes/0/dimensions/5/label");         // own key, no label
    CHECK(r.errors[5].pointer == "/regimes/0/dimensions/5/value/option");  // the file's own list has no "b"
    CHECK(r.errors[5].message == "\"b\" is not an option of the list \"mine\": expected a");
}

TEST_CASE("duplicate keys are refused with where the first one was")
{
    ImportResult r = import_document("{\"format\":\"parley\",\"version\":1,\"kind\":\"response\",\n\"title\":\"A\",\n\"title\":\"B\"}");
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].pointer == "/title");
    CHECK(r.errors[0].line == 3);
    CHECK(r.errors[0].column == 1);
    CHECK(contains(r.errors[0].message, "\"title\" appears twice in this object (first at line 2)"));
}

TEST_CASE("duplicate ids are refused, naming what already has the id")
{
    ImportResult r = import_document(doc_with("\"questions\":[{\"id\":\"q1\",\"text\":\"A?\"},{\"id\":\"q1\",\"text\":\"B?\"}],"
                                              "\"sections\":[{\"id\":\"doc-1\"}]"));
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].pointer == "/sections/0/id");
    CHECK(r.errors[0].message == "the id \"doc-1\" is already used by the document (/id); every id must be unique in the document");
    CHECK(r.errors[1].pointer == "/questions/1/id");
    CHECK(r.errors[1].message == "the id \"q1\" is already used by a question (/questions/0/id); every id must be unique in the document");
}

TEST_CASE("dangling and mistyped references are refused at the referring value; a comment may outlive its target")
{
    ImportResult r = import_document(doc_with(
        "\"organisations\":[{\"id\":\"org-a\",\"name\":\"A\"}],"
        "\"regimes\":[{\"id\":\"r\",\"name\":\"R\",\"role\":\"alternative\",\"owner\":\"org-b\",\"based_on\":\"org-a\"}],"
        "\"questions\":[{\"id\":\"q1\",\"text\":\"?\"}],"
        "\"answers\":[{\"id\":\"a1\",\"question\":\"q2\"},{\"id\":\"a2\",\"question\":\"q1\",\"signatories\":[{\"organisation\":\"org-z\",\"position\":\"agree\"}]},"
        "{\"id\":\"a3\",\"question\":\"q1\"}],"
        "\"comments\":[{\"id\":\"c1\",\"target\":\"a2\",\"text\":\"ok\"},{\"id\":\"c2\",\"target\":\"nowhere\",\"text\":\"?\"}],"
        "\"revisions\":[{\"id\":\"v1\",\"parent\":\"v2\",\"time\":\"2016-01-04T10:00:00Z\"},{\"id\":\"v2\",\"parent\":\"v1\",\"time\":\"2016-01-05T10:00:00Z\"}]"));
    REQUIRE_FALSE(r.ok);
    std::vector<std::string> pointers;
    for (const ImportError& e : r.errors) pointers.push_back(e.pointer);
    // Members first, in file order; then each object's own rules (one answer per question) once
    // its members are read; then references, which need the whole file.
    CHECK(pointers == std::vector<std::string>{"/revisions/0/parent", "/answers/2/question", "/regimes/0/owner", "/regimes/0/based_on",
                                               "/answers/0/question", "/answers/1/signatories/0/organisation"});
    CHECK(find_error(r, "/regimes/0/owner")->message == "there is no organisation with the id \"org-b\" in this document");
    CHECK(find_error(r, "/regimes/0/owner")->line == 1);
    CHECK(find_error(r, "/regimes/0/owner")->column == 197);   // where "org-b" starts
    CHECK(find_error(r, "/regimes/0/based_on")->message == "\"org-a\" is an organisation (/organisations/0/id), not a regime");
    CHECK(find_error(r, "/answers/2/question")->message == "the question \"q1\" already has an answer; one answer per question");
}

TEST_CASE("dates and times must be real and in the documented form")
{
    ImportResult r = import_document(doc_with("\"consultation\":{\"opened\":\"2016-02-30\",\"closes\":\"4 January 2016\"},"
                                              "\"sources\":[{\"id\":\"s\",\"title\":\"S\",\"date\":\"2016-02-29\"}]"));
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].pointer == "/consultation/opened");
    CHECK(r.errors[1].pointer == "/consultation/closes");
    CHECK(contains(r.errors[1].message, "expected a date written YYYY-MM-DD"));
}

TEST_CASE("range, score and weight limits are checked")
{
    ImportResult r = import_document(doc_with(
        "\"regimes\":[{\"id\":\"r\",\"name\":\"R\",\"role\":\"current\",\"dimensions\":[{\"id\":\"x\",\"key\":\"reinspection\",\"value\":{\"type\":\"range\",\"min\":24,\"max\":18}}]}],"
        "\"workshop\":{\"criteria\":[{\"id\":\"k\",\"label\":\"K\",\"weight\":-1}],\"participants\":[{\"id\":\"p\",\"name\":\"P\"}],"
        "\"scores\":[{\"participant\":\"p\",\"regime\":\"r\",\"criterion\":\"k\",\"score\":7},{\"participant\":\"p\",\"regime\":\"r\",\"criterion\":\"k\",\"score\":1}]}"));
    REQUIRE(r.errors.size() == 4);
    CHECK(r.errors[0].message == "this range starts at 24 but ends at 18: write the smaller number as \"min\"");
    CHECK(r.errors[1].pointer == "/workshop/criteria/0/weight");
    CHECK(r.errors[2].message == "a score is from 0 to 5, got 7");
    CHECK(r.errors[3].pointer == "/workshop/scores/1");
}

TEST_CASE("many problems are all reported up to a cap, then counted")
{
    std::string questions;
    for (int i = 0; i < 80; i++) questions += std::string(i ? "," : "") + "{\"id\":\"q" + std::to_string(i) + "\",\"text\":" + std::to_string(i) + "}";
    ImportResult r = import_document(doc_with("\"questions\":[" + questions + "]"));
    REQUIRE(r.errors.size() == kMaxImportErrors + 1);
    CHECK(r.errors[49].pointer == "/questions/49/text");
    CHECK(r.errors[50].message == "and 30 more problems not listed: fix the ones above first");
}

TEST_CASE("only syntax errors are called invalid JSON; a too-deep file is valid JSON, just refused")
{
    ImportResult deep = import_document(doc_with("\"x\":" + std::string(100, '[') + std::string(100, ']')));
    REQUIRE_FALSE(deep.ok);
    CHECK(deep.errors[0].message.rfind("the document is nested more than 64 levels deep", 0) == 0);
    CHECK(deep.errors[0].pointer.rfind("/x/0/0/0", 0) == 0);
}

TEST_CASE("invalid UTF-8 and unpaired surrogates are refused where they are")
{
    ImportResult bad = import_document(doc_with("\n\"sections\":[{\"id\":\"s\",\"body\":\"ab\xC3\x28\"}]"));
    REQUIRE_FALSE(bad.ok);
    CHECK(bad.errors[0].pointer == "/sections/0/body");
    CHECK(bad.errors[0].line == 2);
    CHECK(bad.errors[0].column == 33);
    CHECK(contains(bad.errors[0].message, "not valid UTF-8"));
    ImportResult lone = import_document(doc_with("\"sections\":[{\"id\":\"s\",\"body\":\"\\ud800\"}]"));
    REQUIRE_FALSE(lone.ok);
    CHECK(contains(lone.errors[0].message, "unpaired surrogate"));
}

TEST_CASE("a revision is recorded on save with its parent, so a returned draft knows where it came from")
{
    Document d = sample_document();
    IdGenerator ids;
    const std::string first = record_revision(d, ids, "ADCS", "A. Officer", "2016-01-04T09:30:00Z").id;
    const Revision& second = record_revision(d, ids, "LGA", "B. Officer", "2016-01-05T10:00:00Z", "merged comments");
    CHECK(d.revisions.front().parent.empty());
    CHECK(second.parent == first);
    CHECK(second.id != first);
    CHECK(is_valid_id(second.id));
    ImportResult r = import_document(export_document(d));
    REQUIRE(r.ok);
    REQUIRE(r.document.revisions.size() == 2);
    CHECK(r.document.revisions[1].parent == first);
    CHECK(r.document.revisions[1].organisation == "LGA");
}

TEST_CASE("generated ids are valid, distinct and repeatable from the same seed")
{
    IdGenerator a, b;
    const std::string x = a.next("dim"), y = a.next("dim");
    CHECK(x != y);
    CHECK(x.rfind("dim-", 0) == 0);
    CHECK(x.size() == 16);
    CHECK(is_valid_id(x));
    CHECK(b.next("dim") == x);
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("-x"));
    CHECK_FALSE(is_valid_id("a b"));
    CHECK_FALSE(is_valid_id(std::string(65, 'a')));
}

TEST_CASE("a long wrong value is shortened in the message without cutting a character in half")
{
    const std::string long_text(39, 'a');   // the 40th byte is the first of a two-byte "é"
    ImportResult r = import_document(doc_with("\"questions\":[{\"id\":\"q\",\"text\":\"?\",\"word_limit\":\"" + long_text + "éé\"}]"));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message == "expected a whole number of words above 0, got text (\"" + long_text + "...\")");
}

TEST_CASE("a choice must name its list: an empty list name is refused")
{
    ImportResult r = import_document(doc_with("\"regimes\":[{\"id\":\"r\",\"name\":\"R\",\"role\":\"current\",\"dimensions\":[{\"id\":\"x\",\"key\":\"own\","
                                              "\"label\":\"Own\",\"value\":{\"type\":\"choice\",\"list\":\"\",\"option\":\"a\"}}]}]"));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].pointer == "/regimes/0/dimensions/0/value/list");
}
