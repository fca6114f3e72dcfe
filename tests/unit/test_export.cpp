// Exports go to people outside Parley: a web page must never run or break on what was typed,
// and every format must carry the same content: titles, positions, prose, regimes.
#include <doctest/doctest.h>
#include "core/export.h"

using namespace parley;

static Document response()
{
    Document d;
    d.title = "Joint response <draft>";
    d.kind = DocumentKind::Response;
    d.organisations.push_back({"org-a", "Association of Directors", "ADCS", "", {}, {}});
    d.organisations.push_back({"org-l", "Local Government Association", "LGA", "", {}, {}});
    d.questions.push_back({"q1", "1", "Do you agree?", 0, {}});
    Answer a;
    a.id = "a1";
    a.question = "q1";
    a.position = Position::PartlyAgree;
    a.reasoning = "First paragraph <script>alert('x')</script> & more.\n\nSecond paragraph,\nwith a line break.";
    a.signatories.push_back({"org-l", Position::Disagree, "Members were split.", {}});
    d.answers.push_back(a);
    Regime g;
    g.id = "r";
    g.name = "Proposed | new";
    g.role = RegimeRole::Proposed;
    Dimension dim;
    dim.id = "x";
    dim.key = "cases_sampled";
    dim.value.type = ValueType::Number;
    dim.value.number = 50;
    dim.value.unit = "cases";
    g.dimensions.push_back(dim);
    d.regimes.push_back(g);
    return d;
}

TEST_CASE("HTML export escapes every piece of user text: a typed <script> is shown, never run")
{
    const std::string html = export_html(response());
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more.") != std::string::npos);
    CHECK(html.find("<title>Joint response &lt;draft&gt;</title>") != std::string::npos);
    CHECK(html.find("<p>Second paragraph,<br>with a line break.</p>") != std::string::npos);
    CHECK(html.find("<td>Cases examined</td><td>50 cases</td>") != std::string::npos);
    CHECK(html.find("<strong>LGA</strong>: Disagree. Members were split.") != std::string::npos);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
}

TEST_CASE("Markdown export: headings, positions, prose paragraphs, regimes as tables that typed pipes cannot break")
{
    const std::string md = export_markdown(response());
    CHECK(md.rfind("# Joint response <draft>\n", 0) == 0);
    CHECK(md.find("## Question 1: Do you agree?\n\n**Position**: Partly agree\n") != std::string::npos);
    CHECK(md.find("\n\nSecond paragraph,\nwith a line break.\n") != std::string::npos);
    CHECK(md.find("## Proposed | new (proposed regime)") != std::string::npos);
    CHECK(md.find("| Cases examined | 50 cases |") != std::string::npos);
    CHECK(md.back() == '\n');
    CHECK(md[md.size() - 2] != '\n');
}

TEST_CASE("plain text export and the copy-answer text carry the words without markup")
{
    const Document d = response();
    const std::string text = export_text(d);
    CHECK(text.rfind("Joint response <draft>\n======================\n", 0) == 0);
    CHECK(text.find("- Cases examined: 50 cases") != std::string::npos);
    const std::string answer = answer_as_text(d, d.answers[0]);
    CHECK(answer.rfind("Position: Partly agree\n\nLGA: Disagree. Members were split.\n\nFirst paragraph", 0) == 0);
    CHECK(answer.find("**") == std::string::npos);
}
