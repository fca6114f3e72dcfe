#include "export.h"

#include "catalogue.h"
#include "json_writer.h"
#include "value_text.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace parley {

namespace {

// What the walk says; each format writes it its own way.
struct Sink {
    virtual ~Sink() = default;
    virtual void heading(int level, const std::string& text) = 0;
    virtual void prose(const std::string& text) = 0;                            // paragraphs split by blank lines
    virtual void field(const std::string& label, const std::string& value) = 0; // "Position: Agree"
    virtual void table(const char* left, const char* right, const std::vector<std::pair<std::string, std::string>>& rows) = 0;
};

std::string organisation_name(const Document& d, const std::string& id)
{
    for (const Organisation& o : d.organisations)
        if (o.id == id) return o.short_name.empty() ? o.name : o.short_name;
    return id;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string s;
    for (const std::string& i : items) s += (s.empty() ? "" : ", ") + i;
    return s;
}

void walk_answer(const Document& d, const Answer& a, Sink& out)
{
    if (a.position != Position::Unset) out.field("Position", position_label(a.position));
    for (const Signatory& s : a.signatories)
        out.field(organisation_name(d, s.organisation), std::string(position_label(s.position)) + (s.note.empty() ? "" : ". " + s.note));
    if (!a.reasoning.empty()) out.prose(a.reasoning);
    if (!a.evidence.empty()) { out.field("Evidence", ""); out.prose(a.evidence); }
    if (!a.recommendations.empty()) { out.field("Recommendations", ""); out.prose(a.recommendations); }
}

void walk(const Document& d, Sink& out)
{
    out.heading(1, d.title.empty() ? "Untitled draft" : d.title);
    out.field(kind_label(d.kind), d.status == DocumentStatus::Draft ? "draft" : d.status == DocumentStatus::Agreed ? "agreed" : "submitted");
    const Consultation& c = d.consultation;
    if (!c.title.empty()) out.field("Consultation", c.title + (c.owners.empty() ? "" : " (" + joined(c.owners) + ")"));
    if (!c.closes.empty()) out.field("Closes", c.closes);
    if (!d.organisations.empty()) {
        std::vector<std::string> names;
        for (const Organisation& o : d.organisations) names.push_back(o.name);
        out.field(d.organisations.size() > 1 ? "Organisations" : "Organisation", joined(names));
    }
    if (d.summary.position != Position::Unset || !d.summary.text.empty()) {
        out.heading(2, "Summary");
        if (d.summary.position != Position::Unset) out.field("Overall position", position_label(d.summary.position));
        out.prose(d.summary.text);
    }
    for (const Section& s : d.sections) {
        if (!s.heading.empty()) out.heading(2, s.heading);
        out.prose(s.body);
    }
    for (const Question& q : d.questions) {
        out.heading(2, (q.number.empty() ? "Question" : "Question " + q.number) + ": " + q.text);
        for (const Answer& a : d.answers)
            if (a.question == q.id) walk_answer(d, a, out);
    }
    if (!d.general_points.empty()) {
        out.heading(2, "General points");
        for (const Section& s : d.general_points) {
            if (!s.heading.empty()) out.heading(3, s.heading);
            out.prose(s.body);
        }
    }
    for (const Regime& g : d.regimes) {
        out.heading(2, g.name + " (" + role_label(g.role) + ")");
        if (!g.summary.empty()) out.prose(g.summary);
        std::vector<std::pair<std::string, std::string>> rows;
        for (const Dimension& dim : g.dimensions) rows.emplace_back(dimension_label(dim), value_text(dim.value, &d));
        if (!rows.empty()) out.table("Dimension", "Setting", rows);
        for (const Dimension& dim : g.dimensions)
            if (!dim.rationale.empty()) { out.heading(3, "Why: " + dimension_label(dim)); out.prose(dim.rationale); }
    }
    if (!d.workshop.criteria.empty()) {
        out.heading(2, "Workshop criteria");
        std::vector<std::pair<std::string, std::string>> rows;
        for (const Criterion& k : d.workshop.criteria) rows.emplace_back(k.label, json_format_number(k.weight));
        out.table("Criterion", "Weight", rows);
    }
    if (!d.sources.empty()) {
        out.heading(2, "Sources");
        for (const Source& s : d.sources) out.field(s.title, joined({s.publisher, s.date, s.url}));
    }
}

// ---------------------------------------------------------------------------------------

std::string escape_html(const std::string& s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

// Paragraphs are separated by a blank line; a single line break stays a line break.
std::vector<std::string> paragraphs(const std::string& text)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find("\n\n", start);
        if (end == std::string::npos) end = text.size();
        std::string p = text.substr(start, end - start);
        while (!p.empty() && (p.back() == '\n' || p.back() == ' ')) p.pop_back();
        while (!p.empty() && p.front() == '\n') p.erase(0, 1);
        if (!p.empty()) out.push_back(p);
        start = end + 2;
    }
    return out;
}

struct HtmlSink : Sink {
    std::string out;
    void heading(int level, const std::string& text) override
    {
        const std::string tag = "h" + std::to_string(level);
        out += "<" + tag + ">" + escape_html(text) + "</" + tag + ">\n";
    }
    void prose(const std::string& text) override
    {
        for (const std::string& p : paragraphs(text)) {
            std::string html = escape_html(p);
            for (size_t i = 0; (i = html.find('\n', i)) != std::string::npos; i += 5) html.replace(i, 1, "<br>");
            out += "<p>" + html + "</p>\n";
        }
    }
    void field(const std::string& label, const std::string& value) override
    {
        out += "<p class=\"field\"><strong>" + escape_html(label) + "</strong>" + (value.empty() ? "" : ": " + escape_html(value)) + "</p>\n";
    }
    void table(const char* left, const char* right, const std::vector<std::pair<std::string, std::string>>& rows) override
    {
        out += std::string("<table>\n<thead><tr><th>") + left + "</th><th>" + right + "</th></tr></thead>\n<tbody>\n";
        for (const auto& r : rows) out += "<tr><td>" + escape_html(r.first) + "</td><td>" + escape_html(r.second) + "</td></tr>\n";
        out += "</tbody>\n</table>\n";
    }
};

// Markdown: prose as written (people write Markdown-ish text anyway); table cells and
// headings kept on one line so the structure cannot be broken by what was typed.
std::string one_line(std::string s, bool in_table)
{
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    if (!in_table) return s;
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

struct MarkdownSink : Sink {
    std::string out;
    void heading(int level, const std::string& text) override { out += std::string((size_t)level, '#') + " " + one_line(text, false) + "\n\n"; }
    void prose(const std::string& text) override
    {
        for (const std::string& p : paragraphs(text)) out += p + "\n\n";
    }
    void field(const std::string& label, const std::string& value) override
    {
        out += "**" + one_line(label, false) + "**" + (value.empty() ? "" : ": " + one_line(value, false)) + "\n\n";
    }
    void table(const char* left, const char* right, const std::vector<std::pair<std::string, std::string>>& rows) override
    {
        out += std::string("| ") + left + " | " + right + " |\n|---|---|\n";
        for (const auto& r : rows) out += "| " + one_line(r.first, true) + " | " + one_line(r.second, true) + " |\n";
        out += "\n";
    }
};

struct TextSink : Sink {
    std::string out;
    void heading(int level, const std::string& text) override
    {
        const std::string line = one_line(text, false);
        out += line + "\n";
        if (level <= 2) {   // underlined, as plain-text documents do: one mark per character
            size_t chars = 0;
            for (unsigned char c : line) chars += (c & 0xC0) != 0x80;
            out += std::string(std::min<size_t>(chars, 78), level == 1 ? '=' : '-') + "\n";
        }
        out += "\n";
    }
    void prose(const std::string& text) override
    {
        for (const std::string& p : paragraphs(text)) out += p + "\n\n";
    }
    void field(const std::string& label, const std::string& value) override { out += label + (value.empty() ? ":" : ": " + value) + "\n\n"; }
    void table(const char*, const char*, const std::vector<std::pair<std::string, std::string>>& rows) override
    {
        for (const auto& r : rows) out += "- " + one_line(r.first, false) + ": " + one_line(r.second, false) + "\n";
        out += "\n";
    }
};

const char kHtmlStyle[] =
    "body{font:16px/1.55 Georgia,'Times New Roman',serif;color:#1d232b;max-width:46em;margin:2.5em auto;padding:0 1.5em}"
    "h1,h2,h3{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.25}h1{font-size:1.8em}"
    "h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #d3d7dc;padding-bottom:.2em}h3{font-size:1.05em}"
    "table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #d3d7dc;padding:.4em .6em;text-align:left;vertical-align:top}"
    "th{background:#f1f3f5}.field{margin:.3em 0}@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";

} // namespace

std::string export_html(const Document& d)
{
    HtmlSink sink;
    walk(d, sink);
    return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape_html(d.title.empty() ? "Untitled draft" : d.title) +
           "</title>\n<style>" + kHtmlStyle + "</style>\n</head>\n<body>\n" + sink.out + "</body>\n</html>\n";
}

std::string export_markdown(const Document& d)
{
    MarkdownSink sink;
    walk(d, sink);
    while (sink.out.size() > 1 && sink.out[sink.out.size() - 2] == '\n') sink.out.pop_back();
    return sink.out;
}

std::string export_text(const Document& d)
{
    TextSink sink;
    walk(d, sink);
    while (sink.out.size() > 1 && sink.out[sink.out.size() - 2] == '\n') sink.out.pop_back();
    return sink.out;
}

std::string answer_as_text(const Document& d, const Answer& a)
{
    TextSink sink;
    walk_answer(d, a, sink);
    while (!sink.out.empty() && sink.out.back() == '\n') sink.out.pop_back();
    return sink.out;
}

} // namespace parley
