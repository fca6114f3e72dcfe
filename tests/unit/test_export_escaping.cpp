// Exports and terminals that cannot be turned against their reader. Markdown is rendered by
// wikis, mail clients and code hosts that pass raw HTML through and follow any link: what a
// user typed must render as the text typed, never as markup, script or a javascript: link.
// Terminals act on escape sequences: text from a file is shown with its controls escaped.
#include <doctest/doctest.h>
#include "core/export.h"
#include "core/json_reader.h"
#include "core/json_writer.h"
#include "core/markdown_text.h"
#include "core/terminal_text.h"

#include <string>

using namespace parley;

namespace {

// Everything an attacker would put in a field; each line is also a line-start case.
const char kHostile[] =
    "<script>alert(1)</script>\n"
    "<img src=x onerror=alert(2)>\n"
    "[x](javascript:alert(3))\n"
    "<a href=\"javascript:alert(4)\">y</a>\n"
    "<javascript:alert(5)>\n"
    "[ref]\n"
    "[ref]: javascript:alert(6)\n"
    "&lt;b&gt; &#60;i&#62; &amp;\n"
    "# heading\n"
    "> quote\n"
    "- item\n"
    "+ item\n"
    "1. item\n"
    "    code\n"
    "```\n"
    "| a | b |\n"
    "*em* _em_ **strong** ~~gone~~ `code`\n"
    "![img](x)\n"
    "===";

// Every '<', '[', ']', '`', '*', '_' and '|' in Markdown source is written escaped, except the
// autolinks the export makes itself for http(s) and mailto.
bool only_escaped_markup(const std::string& md, std::string* where)
{
    for (size_t i = 0; i < md.size(); i++) {
        const char c = md[i];
        if (c != '<' && c != '[' && c != ']' && c != '`' && c != '_' && c != '~') continue;
        if (c == '<' && (md.compare(i, 9, "<https://") == 0 || md.compare(i, 8, "<http://") == 0 || md.compare(i, 8, "<mailto:") == 0)) continue;
        size_t slashes = 0;
        while (slashes < i && md[i - 1 - slashes] == '\\') slashes++;
        if (slashes % 2 == 0) { *where = md.substr(i < 40 ? 0 : i - 40, 80); return false; }
    }
    return true;
}

Document hostile_draft()
{
    Document d;
    d.kind = DocumentKind::Response;
    d.title = kHostile;
    d.consultation.title = kHostile;
    d.organisations.push_back({"org-a", kHostile, "<b>ADCS</b>", "", {}, {}});
    d.questions.push_back({"q1", "<i>1</i>", kHostile, 0, {}});
    Answer a;
    a.id = "a1";
    a.question = "q1";
    a.position = Position::Agree;
    a.reasoning = kHostile;
    a.evidence = kHostile;
    d.answers.push_back(a);
    d.summary.text = kHostile;
    d.sections.push_back({"s1", kHostile, kHostile, {}});
    Regime g;
    g.id = "r";
    g.name = kHostile;
    g.role = RegimeRole::Alternative;
    g.summary = kHostile;
    d.regimes.push_back(g);
    d.sources.push_back({"src1", kHostile, kHostile, "<2026>", "javascript:alert(7)", {}});
    d.sources.push_back({"src2", "Guidance", "DfE", "", "https://www.gov.uk/guidance?a=1&b=2", {}});
    return d;
}

} // namespace

TEST_CASE("Markdown escaping: markup is escaped, ordinary sentences come out unchanged")
{
    const std::string plain = "We support the proposal, with two reservations: time on site (3 days) and 50% more cases.";
    CHECK(markdown_inline(plain) == plain);
    CHECK(markdown_line(plain) == plain);
    CHECK(markdown_paragraph(plain) == plain);
    CHECK(markdown_inline("Noted & filed; 5 > 3") == "Noted & filed; 5 > 3");   // no entity, no tag: left alone

    CHECK(markdown_inline("<script>alert(1)</script>") == "\\<script>alert(1)\\</script>");
    CHECK(markdown_inline("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))");
    CHECK(markdown_inline("&amp; &#60; & b") == "\\&amp; \\&#60; & b");
    CHECK(markdown_inline("*a* _b_ `c` ~~d~~ e|f") == "\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ e\\|f");
    CHECK(markdown_inline("C:\\Users\\a \\*") == "C:\\Users\\a \\\\\\*");
    CHECK(markdown_inline("two\nlines") == "two lines");

    CHECK(markdown_line("# not a heading") == "\\# not a heading");
    CHECK(markdown_line("   > not a quote") == "\\> not a quote");
    CHECK(markdown_line("- not a bullet") == "\\- not a bullet");
    CHECK(markdown_line("2026. A year") == "2026\\. A year");
    CHECK(markdown_line("3) three") == "3\\) three");
    CHECK(markdown_line("1234567890. ten digits is no list") == "1234567890. ten digits is no list");
    CHECK(markdown_line("===") == "\\===");

    CHECK(markdown_paragraph("first\nsecond\r\nthird\n   \nfourth") == "first\\\nsecond\\\nthird\\\nfourth");

    CHECK(markdown_url("https://example.org/a?b=1&c=2") == "<https://example.org/a?b=1&c=2>");
    CHECK(markdown_url("MAILTO:someone@example.org") == "<MAILTO:someone@example.org>");
    CHECK(markdown_url("javascript:alert(1)") == "javascript:alert(1)");   // text, not a link
    CHECK(markdown_url("https://x.org/<script>") == "https://x.org/\\<script>");
    CHECK(markdown_url("https://x.org/a b") == "https://x.org/a b");
    CHECK(markdown_url("data:text/html,<script>") == "data:text/html,\\<script>");
}

TEST_CASE("Markdown export: no field can carry markup, raw HTML or a link of its own")
{
    for (ExportContent content : {ExportContent::Draft, ExportContent::JointResponse}) {
        ExportOptions options;
        options.content = content;
        const std::string md = export_markdown(hostile_draft(), options);
        std::string where;
        CHECK_MESSAGE(only_escaped_markup(md, &where), "unescaped markup near: " << where);
        CHECK(md.find("\n<") == std::string::npos);          // no line starts raw HTML
        CHECK(md.find("\\[x\\](javascript:alert(3))") != std::string::npos);   // a typed link is text
        CHECK(md.find("\n# heading") == std::string::npos);  // typed headings stay text
        CHECK(md.find("\n- item") == std::string::npos);
        CHECK(md.find("\n1. item") == std::string::npos);
        CHECK(md.find("\n    code") == std::string::npos);
        CHECK(md.find("<https://www.gov.uk/guidance?a=1&b=2>") != std::string::npos);   // a real link stays a link
        CHECK(md.find("\\<javascript:alert(5)>") != std::string::npos);        // so is a typed autolink
    }
}

TEST_CASE("Markdown export keeps typed lines as lines and ordinary text readable")
{
    Document d;
    d.kind = DocumentKind::Response;
    d.title = "Response to the JTAI consultation";
    d.summary.text = "We agree, in part.\nThree points follow.";
    const std::string md = export_markdown(d);
    CHECK(md.rfind("# Response to the JTAI consultation\n", 0) == 0);
    CHECK(md.find("\nWe agree, in part.\\\nThree points follow.") != std::string::npos);
    d.title = "Question about C #";   // a closing '#' run would vanish from the heading
    CHECK(export_markdown(d).rfind("# Question about C \\#\n", 0) == 0);
}

TEST_CASE("Terminal text: escape sequences, C1 controls and bidi overrides are shown, not obeyed")
{
    CHECK(terminal_line("Plain title, with accents: Gw\xC3\xAB""n \xE2\x80\x94 ok") == "Plain title, with accents: Gw\xC3\xAB""n \xE2\x80\x94 ok");
    CHECK(terminal_line("\x1B]0;owned\x07title") == "\\u001b]0;owned\\u0007title");
    CHECK(terminal_line("a\x1B[2Jb") == "a\\u001b[2Jb");
    CHECK(terminal_line("csi \xC2\x9B""31m") == "csi \\u009b31m");                 // U+009B, a one-character CSI
    CHECK(terminal_line("rev \xE2\x80\xAE""txt.exe") == "rev \\u202etxt.exe");     // RIGHT-TO-LEFT OVERRIDE
    CHECK(terminal_line("iso \xE2\x81\xA6x\xE2\x81\xA9") == "iso \\u2066x\\u2069");
    CHECK(terminal_line("raw \x9B byte \xFF") == "raw \\x9b byte \\xff");           // not UTF-8
    CHECK(terminal_line("del \x7F") == "del \\u007f");
    CHECK(terminal_line("line\nbreak\r\ttab") == "line\\nbreak\\r\\ttab");
    CHECK(terminal_text("line\nbreak\r\ttab\x1B") == "line\nbreak\\r\ttab\\u001b");
    CHECK(terminal_text("emoji \xF0\x9F\x98\x80") == "emoji \xF0\x9F\x98\x80");
    CHECK(terminal_text(std::string("nul\0x", 5)) == "nul\\u0000x");
}

TEST_CASE("JSON written by Parley shows C1 controls, bidi overrides and line separators as \\u escapes")
{
    // `parley fmt` prints the file to a terminal and people open it in editors: a U+009B there
    // starts an escape sequence, a U+202E makes the text read backwards. JSON may carry both
    // raw; Parley writes them escaped, and reading the escape back gives the same characters.
    std::string out;
    json_quote(out, "csi \xC2\x9B""31m rev \xE2\x80\xAE""txt.exe iso \xE2\x81\xA6x\xE2\x81\xA9 ls \xE2\x80\xA8 ok \xC2\xA0\xE2\x80\x94\xE2\x80\xAF");
    CHECK(out == "\"csi \\u009b31m rev \\u202etxt.exe iso \\u2066x\\u2069 ls \\u2028 ok \xC2\xA0\xE2\x80\x94\xE2\x80\xAF\"");
    JsonReadResult back = json_read(out);
    REQUIRE(back.ok);
    CHECK(back.root.text == "csi \xC2\x9B""31m rev \xE2\x80\xAE""txt.exe iso \xE2\x81\xA6x\xE2\x81\xA9 ls \xE2\x80\xA8 ok \xC2\xA0\xE2\x80\x94\xE2\x80\xAF");
}
