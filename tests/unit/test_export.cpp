// Exports go to people outside Parley: a web page must never run or break on what was typed,
// and every format must carry the same content: titles, positions, prose, regimes.
#include <doctest/doctest.h>
#include "core/export.h"
#include "core/send_check.h"

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
    CHECK(html.find("<p>LGA disagrees with this proposal: Members were split.</p>") != std::string::npos);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
}

TEST_CASE("Markdown export: headings, positions, prose paragraphs, regimes as tables that typed pipes cannot break")
{
    const std::string md = export_markdown(response());
    CHECK(md.rfind("# Joint response \\<draft>\n", 0) == 0);   // escaped: renders as typed (test_export_escaping.cpp)
    CHECK(md.find("## Question 1: Do you agree?\n\n**Position**: Partly agree\n") != std::string::npos);
    CHECK(md.find("\n\nSecond paragraph,\\\nwith a line break.\n") != std::string::npos);   // a hard break, as typed
    CHECK(md.find("## Proposed \\| new (proposed regime)") != std::string::npos);
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
    CHECK(answer.rfind("Position: Partly agree\n\nFirst paragraph", 0) == 0);
    CHECK(answer.find("with a line break.\n\nLGA disagrees with this proposal: Members were split.") != std::string::npos);
    CHECK(answer.find("**") == std::string::npos);
}

// The joint response goes to the inspectorate: the organisations, the agreed answers, one
// sentence per co-signatory that differs, and nothing the organisations said among themselves.
static Document joint()
{
    Document d = response();
    d.id = "doc-j";
    d.organisations.push_back({"org-s", "Solace", "", "", {}, {}});
    d.consultation.title = "Inspecting children\u2019s services";
    d.consultation.owners = {"Ofsted", "CQC"};
    d.summary.position = Position::PartlyAgree;
    d.summary.text = "We welcome the aims.";
    Answer& a = d.answers[0];
    a.signatories[0].signoff = SignOff::Objects;
    a.signatories[0].reason = "Internal: our board meets on Friday";
    a.signatories[0].exception = "Internal: agreed by phone";
    Signatory solace;
    solace.organisation = "org-s";
    solace.position = Position::Disagree;
    solace.note = "Two weeks on site\nis too long for small councils.";
    solace.signoff = SignOff::Agreed;
    a.signatories.push_back(solace);
    Signatory same;                       // agrees with the answer: no sentence
    same.organisation = "org-a";
    same.signoff = SignOff::Agreed;
    a.signatories.push_back(same);
    Signatory adds;                       // the answer's own position, with more to say
    adds.organisation = "org-x";
    adds.position = Position::PartlyAgree;
    adds.note = "We would go further.";
    adds.signoff = SignOff::Agreed;
    a.signatories.push_back(adds);
    d.organisations.push_back({"org-x", "BASW", "", "", {}, {}});
    d.questions.push_back({"q2", "2", "And this?", 0, {}});
    Comment c;
    c.id = "cmt-1"; c.target = "a1"; c.text = "Internal comment <b>"; c.author = "Sam"; c.organisation = "LGA";
    d.comments.push_back(c);
    Regime alt = d.regimes[0];
    alt.id = "alt"; alt.name = "Shorter visits"; alt.role = RegimeRole::Alternative;
    alt.dimensions[0].id = "alt-x";
    d.regimes.push_back(alt);
    return d;
}

TEST_CASE("joint response: organisations, overall position, agreed answers and one sentence per differing co-signatory")
{
    const Document d = joint();
    const ExportOptions joint_response{ExportContent::JointResponse, true};   // comments asked for: still left out
    const std::string md = export_markdown(d, joint_response);
    CHECK(md.find("**A joint response from**: Association of Directors (ADCS), Local Government Association (LGA), Solace and BASW") != std::string::npos);
    CHECK(md.find("**To the consultation**: Inspecting children\u2019s services (Ofsted, CQC)") != std::string::npos);
    CHECK(md.find("**Overall position**: Partly agree\n\nWe welcome the aims.") != std::string::npos);
    CHECK(md.find("## Question 1: Do you agree?\n\n**Position**: Partly agree\n\nFirst paragraph") != std::string::npos);
    CHECK(md.find("LGA disagrees with this proposal: Members were split.") != std::string::npos);
    CHECK(md.find("Solace disagrees with this proposal: Two weeks on site is too long for small councils.") != std::string::npos);
    CHECK(md.find("ADCS agrees") == std::string::npos);            // the same position as the answer: nothing said
    CHECK(md.find("BASW adds: We would go further.") != std::string::npos);
    CHECK(md.find("## Question 2: And this?\n\nNo answer given.") != std::string::npos);
    CHECK(md.find("## Our alternative: Shorter visits") != std::string::npos);
    CHECK(md.find("Proposed \\| new") == std::string::npos);          // the inspectorate's own regime is not repeated
    for (const char* internal : {"Internal", "Sign-off", "Comments", "Objects"}) {
        CAPTURE(internal);
        CHECK(md.find(internal) == std::string::npos);
    }
    const std::string text = export_text(d, joint_response);
    CHECK(text.find("Solace disagrees with this proposal: Two weeks on site is too long for small councils.") != std::string::npos);
    CHECK(text.find("Internal") == std::string::npos);
    const std::string html = export_html(d, joint_response);
    CHECK(html.find("<p>Solace disagrees with this proposal: Two weeks on site is too long for small councils.</p>") != std::string::npos);
    CHECK(html.find("Internal") == std::string::npos);
}

TEST_CASE("joint response: what a co-signatory typed is escaped in the web page and cannot break the Markdown")
{
    Document d = joint();
    d.answers[0].signatories[1].note = "<img src=x onerror=alert(1)> & \u201Cquotes\u201D \U0001F600\n\n# not a heading";
    d.organisations[2].name = "Solace <b>";
    const ExportOptions joint_response{ExportContent::JointResponse, false};
    const std::string html = export_html(d, joint_response);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("<p>Solace &lt;b&gt; disagrees with this proposal: &lt;img src=x onerror=alert(1)&gt; &amp; \u201Cquotes\u201D \U0001F600 # not a heading</p>") != std::string::npos);
    const std::string md = export_markdown(d, joint_response);
    CHECK(md.find("\n# not a heading") == std::string::npos);      // a note is one sentence: its breaks are spaces
}

TEST_CASE("draft export: sign-offs with their reasons, and comments only when asked for, each thread once even in a loop")
{
    Document d = joint();
    CHECK(export_markdown(d).find("**Sign-off**: LGA: Objects (Internal: our board meets on Friday); agreed without it: Internal: agreed by phone; "
                                  "Solace: Agreed; ADCS: Agreed; BASW: Agreed\n") != std::string::npos);
    CHECK(export_markdown(d).find("Internal comment") == std::string::npos);
    Comment reply;
    reply.id = "cmt-2"; reply.target = "cmt-1"; reply.text = "A reply."; reply.author = "Jo"; reply.organisation = "ADCS";
    d.comments.push_back(reply);
    Comment loop_a, loop_b;                      // a hostile file: two replies to each other
    loop_a.id = "cmt-a"; loop_a.target = "cmt-b"; loop_a.text = "Loop A.";
    loop_b.id = "cmt-b"; loop_b.target = "cmt-a"; loop_b.text = "Loop B.";
    d.comments.push_back(loop_a);
    d.comments.push_back(loop_b);
    Comment orphan;
    orphan.id = "cmt-o"; orphan.target = "q-gone"; orphan.about = "question 7"; orphan.text = "Still worth reading.";
    d.comments.push_back(orphan);
    const ExportOptions with_comments{ExportContent::Draft, true};
    const std::string md = export_markdown(d, with_comments);
    CHECK(md.find("## Comments\n\n### The answer to question 1\n\n**Sam (LGA)**\n\nInternal comment \\<b>\n\n**Reply from Jo (ADCS)**\n\nA reply.") != std::string::npos);
    CHECK(md.find("Loop A.") != std::string::npos);
    CHECK(md.find("Loop B.") != std::string::npos);
    CHECK(md.find("### A removed question 7\n\n**Comment**\n\nStill worth reading.") != std::string::npos);
    CHECK(export_html(d, with_comments).find("Internal comment &lt;b&gt;") != std::string::npos);
}

// Before a joint response is sent: every open thread and every question not signed off is listed,
// so nothing unfinished goes to the inspectorate by mistake.
TEST_CASE("send check: open comment threads, questions not signed off and unanswered questions are listed; resolved ones are not")
{
    Document d = joint();
    SendCheck check = check_before_sending(d);
    CHECK(check.open_comments == 1);
    CHECK(check.not_answered == 1);       // question 2
    CHECK(check.not_signed_off == 0);     // LGA objects, with the lead's exception; Solace and ADCS agreed
    REQUIRE(check.items.size() == 2);
    CHECK(check.items[0].kind == Unfinished::OpenComment);
    CHECK(check.items[0].text == "Open comment on the answer to question 1: \u201CInternal comment <b>\u201D (Sam, LGA)");
    CHECK(check.items[0].object == "q1");
    CHECK(check.items[1].text == "Question 2 has no answer yet");
    CHECK_FALSE(check.Ready());

    d.comments[0].resolved = true;
    d.answers[0].signatories[0].exception.clear();            // LGA's objection now blocks
    d.questions.pop_back();
    check = check_before_sending(d);
    CHECK(check.open_comments == 0);
    CHECK(check.not_signed_off == 1);
    CHECK(check.items.at(0).text == "Question 1: LGA objects");
    d.answers[0].signatories[0].signoff = SignOff::Agreed;
    CHECK(check_before_sending(d).Ready());
}

TEST_CASE("send check: the list keeps to its limit while the counts stay whole")
{
    Document d = joint();
    for (int i = 0; i < 500; i++) {
        Comment c;
        c.id = "cmt-x" + std::to_string(i);
        c.target = "q1";
        c.text = std::string(300, 'w');
        d.comments.push_back(c);
    }
    const SendCheck check = check_before_sending(d, 50);
    CHECK(check.items.size() == 50);
    CHECK(check.open_comments == 501);
    CHECK(check.items[1].text.size() < 200);    // a long comment is cut to its first words
}

TEST_CASE("every export numbers every question: one without a number is named by its place (issue 15)")
{
    Document d = response();
    d.questions.push_back({"q-unnumbered", "", "Anything else?", 0, {}});
    const std::string expected = "Question " + std::to_string(d.questions.size()) + ": Anything else?";
    CHECK(export_markdown(d).find("## " + expected) != std::string::npos);
    CHECK(export_text(d).find(expected) != std::string::npos);
    CHECK(export_html(d).find(expected) != std::string::npos);
    const ExportOptions joint_response{ExportContent::JointResponse, false};
    CHECK(export_markdown(d, joint_response).find("## " + expected) != std::string::npos);
    CHECK(export_markdown(d).find("## Question: ") == std::string::npos);
}
