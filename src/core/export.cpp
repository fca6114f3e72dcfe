#include "export.h"

#include "catalogue.h"
#include "comments.h"
#include "json_writer.h"
#include "markdown_text.h"
#include "value_text.h"
#include "workshop.h"

#include <algorithm>
#include <type_traits>
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
    // A table of any width: a workshop's criteria x regimes. Every row has head.size() cells.
    virtual void grid(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows) = 0;
    // A source: "Title: publisher, date, url". Markdown makes the url a link when it is safe to follow.
    virtual void source(const std::string& title, const std::string& about, const std::string& url)
    {
        field(title, join_names({about, url}));
    }
};

// An object's prose as document.h declares it: the lead text as it stands, each other one under
// its label, in declared order. A prose member added to an answer is exported with no change here.
template <typename T>
void walk_prose(const T& object, Sink& out)
{
    for_each_field(object, [&](const Field& f, const auto& m) {
        using M = std::remove_const_t<std::remove_reference_t<decltype(m)>>;
        if constexpr (std::is_same_v<M, std::string>) {
            if (!f.is(FieldProse) || m.empty()) return;
            if (!f.is(FieldLead)) out.field(f.label, "");
            out.prose(m);
        }
    });
}

// One paragraph of a note, as a sentence goes on: line breaks become spaces, blank lines too.
std::string run_on(const std::string& text)
{
    std::string out;
    for (char c : text) {
        const char k = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
        if (k == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += k;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// Who signed the answer off, and who has not, for the organisations drafting it (the draft
// export); never in the joint response.
void walk_signoffs(const Document& d, const Answer& a, Sink& out)
{
    std::string said;
    for (const Signatory& s : a.signatories) {
        if (s.signoff == SignOff::Unseen && s.exception.empty()) continue;
        std::string one = organisation_name(d, s.organisation) + ": " + signoff_label(s.signoff);
        if (!s.reason.empty()) one += " (" + run_on(s.reason) + ")";
        if (!s.exception.empty()) one += "; agreed without it: " + run_on(s.exception);
        said += (said.empty() ? "" : "; ") + one;
    }
    if (!said.empty()) out.field("Sign-off", said);
}

void walk_answer(const Document& d, const Answer& a, Sink& out, ExportContent content)
{
    if (a.position != Position::Unset) out.field("Position", position_label(a.position));
    walk_prose(a, out);
    for (const Signatory& s : a.signatories) {
        const std::string sentence = signatory_sentence(d, a, s);
        if (!sentence.empty()) out.prose(sentence);
    }
    if (content == ExportContent::Draft) walk_signoffs(d, a, out);
}

// A cell as the room saw it: the mean, and the lowest and highest score when they differ.
std::string cell_text(const WorkshopCell& c)
{
    if (!c.count) return "not scored";
    return score_text(c.mean) + (c.spread > 0 ? " (" + json_format_number(c.min) + "\xE2\x80\x93" + json_format_number(c.max) + ")" : "");
}

// The results first (ranking, then the table the room scored), then what they rest on: the
// criteria, who scored, and what participants noted against their scores.
void walk_workshop(const Document& d, Sink& out)
{
    const Workshop& w = d.workshop;
    if (w.criteria.empty() && w.participants.empty()) return;
    const WorkshopResults res = workshop_results(d);
    out.heading(2, "Workshop results");
    if (!w.participants.empty()) {
        std::string names;   // "; " between them: a participant's name often has a comma of its own
        for (const Participant& p : w.participants)
            names += (names.empty() ? "" : "; ") + p.name + (p.organisation.empty() ? "" : " (" + organisation_name(d, p.organisation) + ")");
        out.field("Scored by", names);
    }
    if (!res.regimes.empty() && !res.criteria.empty()) {
        std::vector<std::vector<std::string>> ranking;
        for (int c : res.order) {
            const WorkshopTotal& t = res.totals[c];
            std::string score = t.weight > 0 ? score_text(t.score, 2) + " of 5" : "not scored";
            if (t.weight > 0 && t.unscored > 0)
                score += " (" + std::to_string(t.unscored) + (t.unscored == 1 ? " criterion" : " criteria") + " not scored)";
            ranking.push_back({t.rank ? rank_label(t.rank, t.tied) : "not ranked", regime_name(d, t.regime), score});
        }
        out.grid({"Rank", "Regime", "Weighted score"}, ranking);

        std::vector<std::string> head = {"Criterion", "Weight"};
        for (const std::string& id : res.regimes) head.push_back(regime_name(d, id));
        std::vector<std::vector<std::string>> rows;
        for (size_t k = 0; k < res.criteria.size(); k++) {
            std::vector<std::string> row = {w.criteria[k].label, json_format_number(w.criteria[k].weight)};
            for (size_t c = 0; c < res.regimes.size(); c++) row.push_back(cell_text(res.cell((int)k, (int)c)));
            rows.push_back(std::move(row));
        }
        std::vector<std::string> totals = {"Weighted score", ""}, ranks = {"Rank", ""};
        for (const WorkshopTotal& t : res.totals) {
            totals.push_back(t.weight > 0 ? score_text(t.score, 2) : "not scored");
            ranks.push_back(t.rank ? rank_label(t.rank, t.tied) : "not ranked");
        }
        rows.push_back(std::move(totals));
        rows.push_back(std::move(ranks));
        out.grid(head, rows);
        out.prose("Scores are from 0 to 5. Each cell gives the mean of the participants' scores, with the lowest and highest "
                  "in brackets where they differ. A regime's weighted score is the mean of its cells, each counted as many "
                  "times as its criterion's weight; criteria nobody scored are left out of it.");

        if (w.participants.size() > 1) {   // how far each person's view differs from the room's
            out.heading(3, "Weighted scores by participant");
            std::vector<std::string> by_head = {"Participant"};
            for (const std::string& id : res.regimes) by_head.push_back(regime_name(d, id));
            std::vector<std::vector<std::string>> by_rows;
            for (const Participant& p : w.participants) {
                std::vector<int> scored;
                const std::vector<double> mine = participant_scores(d, res, p.id, &scored);
                std::vector<std::string> row = {p.name};
                for (size_t c = 0; c < mine.size(); c++) row.push_back(scored[c] ? score_text(mine[c], 2) : "not scored");
                by_rows.push_back(std::move(row));
            }
            out.grid(by_head, by_rows);
        }
    }
    if (!w.criteria.empty()) {
        out.heading(3, "Criteria");
        std::vector<std::pair<std::string, std::string>> rows;
        for (const Criterion& k : w.criteria)
            rows.emplace_back(k.label + " (weight " + json_format_number(k.weight) + ")", k.description);
        out.table("Criterion", "What it asks", rows);
    }
    bool notes = false;
    for (const Score& s : w.scores) {
        if (s.note.empty()) continue;
        if (!notes) out.heading(3, "Participants' notes");
        notes = true;
        const Participant* p = find_by_id(w.participants, s.participant);
        const Criterion* k = find_by_id(w.criteria, s.criterion);
        const std::string who = p ? p->name : s.participant, what = k ? k->label : s.criterion;
        out.field(who + " on " + regime_name(d, s.regime) + ", " + what + " (" + json_format_number(s.score) + ")", s.note);
    }
}

// The parts both the draft and the joint response give the same way.
void walk_summary(const Document& d, Sink& out, const char* heading)
{
    if (d.summary.position == Position::Unset && d.summary.text.empty()) return;
    out.heading(2, heading);
    if (d.summary.position != Position::Unset) out.field("Overall position", position_label(d.summary.position));
    out.prose(d.summary.text);
}

void walk_sections(const Document& d, Sink& out)
{
    for (const Section& s : d.sections) {
        if (!s.heading.empty()) out.heading(2, s.heading);
        out.prose(s.body);
    }
}

void walk_general_points(const Document& d, Sink& out)
{
    if (!d.general_points.empty()) {
        out.heading(2, "General points");
        for (const Section& s : d.general_points) {
            if (!s.heading.empty()) out.heading(3, s.heading);
            out.prose(s.body);
        }
    }
}

// A regime under `heading`: its summary, its dimensions as a table, then why each is set so.
void walk_regime(const Document& d, const Regime& g, const std::string& heading, Sink& out)
{
    out.heading(2, heading);
    if (!g.summary.empty()) out.prose(g.summary);
    std::vector<std::pair<std::string, std::string>> rows;
    for (const Dimension& dim : g.dimensions) rows.emplace_back(dimension_label(dim), value_text(dim.value, &d));
    if (!rows.empty()) out.table("Dimension", "Setting", rows);
    for (const Dimension& dim : g.dimensions)
        if (!dim.rationale.empty()) { out.heading(3, "Why: " + dimension_label(dim)); out.prose(dim.rationale); }
}

void walk_sources(const Document& d, Sink& out)
{
    if (!d.sources.empty()) {
        out.heading(2, "Sources");
        for (const Source& s : d.sources) out.source(s.title, join_names({s.publisher, s.date}), s.url);
    }
}

// "the Association of Directors of Children's Services (ADCS), the Local Government
// Association (LGA) and Solace": every organisation once, its short name where it has one.
std::string organisations_in_words(const Document& d)
{
    std::vector<std::string> names;
    for (const Organisation& o : d.organisations) {
        std::string n = o.name.empty() ? o.short_name : o.name;
        if (!o.name.empty() && !o.short_name.empty() && o.short_name != o.name) n += " (" + o.short_name + ")";
        if (!n.empty()) names.push_back(n);
    }
    std::string out;
    for (size_t i = 0; i < names.size(); i++)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return out;
}

// The text that goes to the inspectorate (ExportContent::JointResponse in export.h).
void walk_joint_response(const Document& d, Sink& out)
{
    out.heading(1, d.title.empty() ? "Response" : d.title);
    const Consultation& c = d.consultation;
    if (!d.organisations.empty())
        out.field(d.organisations.size() > 1 ? "A joint response from" : "A response from", organisations_in_words(d));
    if (!c.title.empty()) out.field("To the consultation", c.title + (c.owners.empty() ? "" : " (" + join_names(c.owners) + ")"));
    if (!c.reference.empty()) out.field("Reference", c.reference);
    walk_summary(d, out, "Our overall position");
    walk_sections(d, out);
    for (size_t i = 0; i < d.questions.size(); i++) {
        const Question& q = d.questions[i];
        out.heading(2, question_label(d, (int)i) + ": " + q.text);
        const Answer* answer = nullptr;
        for (const Answer& a : d.answers)
            if (a.question == q.id) answer = &a;
        if (answer) walk_answer(d, *answer, out, ExportContent::JointResponse);
        else out.prose("No answer given.");
    }
    walk_general_points(d, out);
    for (const Regime& g : d.regimes) {   // what the response proposes instead; the inspectorate knows its own
        if (g.role != RegimeRole::Alternative) continue;
        walk_regime(d, g, "Our alternative: " + regime_name(g), out);
    }
    walk_sources(d, out);
}

// The comment threads (core/comments.h), each under what it is on: the first comment, then
// its replies. Every comment once, even from a file whose replies loop.
void walk_comments(const Document& d, Sink& out)
{
    if (d.comments.empty()) return;
    const CommentThreads threads = build_comment_threads(d);
    out.heading(2, "Comments");
    for (const CommentThread& t : threads.threads) {
        const Comment& first = d.comments[(size_t)t.root];
        std::string place = comment_place(d, first).words;
        if (!place.empty() && place[0] >= 'a' && place[0] <= 'z') place[0] = (char)(place[0] - 'a' + 'A');
        out.heading(3, (place.empty() ? "Comment" : place) + (first.resolved ? " (resolved)" : ""));
        std::vector<int> all = {t.root};
        all.insert(all.end(), t.replies.begin(), t.replies.end());
        for (int i : all) {
            const Comment& c = d.comments[(size_t)i];
            std::string who = join_names({c.author, c.organisation.empty() ? "" : "(" + c.organisation + ")"}, " ");
            if (!c.time.empty()) who += (who.empty() ? "" : ", ") + comment_time_text(c.time);
            out.field(i == t.root ? (who.empty() ? "Comment" : who) : "Reply" + (who.empty() ? "" : " from " + who), "");
            out.prose(c.text);
        }
    }
}

void walk(const Document& d, Sink& out, const ExportOptions& options)
{
    if (options.content == ExportContent::JointResponse) { walk_joint_response(d, out); return; }
    out.heading(1, d.title.empty() ? "Untitled draft" : d.title);
    out.field(kind_label(d.kind), d.status == DocumentStatus::Draft ? "draft" : d.status == DocumentStatus::Agreed ? "agreed" : "submitted");
    const Consultation& c = d.consultation;
    if (!c.title.empty()) out.field("Consultation", c.title + (c.owners.empty() ? "" : " (" + join_names(c.owners) + ")"));
    if (!c.closes.empty()) out.field("Closes", c.closes);
    if (!d.organisations.empty()) {
        std::vector<std::string> names;
        for (const Organisation& o : d.organisations) names.push_back(o.name);
        out.field(d.organisations.size() > 1 ? "Organisations" : "Organisation", join_names(names));
    }
    walk_summary(d, out, "Summary");
    walk_sections(d, out);
    for (size_t i = 0; i < d.questions.size(); i++) {
        const Question& q = d.questions[i];
        out.heading(2, question_label(d, (int)i) + ": " + q.text);
        for (const Answer& a : d.answers)
            if (a.question == q.id) walk_answer(d, a, out, ExportContent::Draft);
    }
    walk_general_points(d, out);
    for (const Regime& g : d.regimes) walk_regime(d, g, g.name + " (" + role_label(g.role) + ")", out);
    walk_workshop(d, out);
    walk_sources(d, out);
    if (options.comments) walk_comments(d, out);
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
    void grid(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows) override
    {
        out += "<table class=\"grid\">\n<thead><tr>";
        for (const std::string& h : head) out += "<th>" + escape_html(h) + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (const auto& row : rows) {
            out += "<tr>";
            for (const std::string& cell : row) out += "<td>" + escape_html(cell) + "</td>";
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
};

// Markdown is for people and programs that render it, so user text is escaped to render as
// typed (core/markdown_text.h): no markup, raw HTML or links but the ones written here. Table
// cells and headings are kept on one line so what was typed cannot break the structure.
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
    void heading(int level, const std::string& text) override
    {
        std::string line = markdown_line(one_line(text, false));
        // A run of '#' at the end after a space would close the heading and vanish.
        size_t run = line.size();
        while (run > 0 && line[run - 1] == '#') run--;
        if (run < line.size() && run > 0 && line[run - 1] == ' ') line.insert(run, 1, '\\');
        out += std::string((size_t)level, '#') + " " + line + "\n\n";
    }
    void prose(const std::string& text) override
    {
        for (const std::string& p : paragraphs(text)) {
            const std::string md = markdown_paragraph(p);
            if (!md.empty()) out += md + "\n\n";
        }
    }
    void field(const std::string& label, const std::string& value) override
    {
        const std::string name = markdown_line(one_line(label, false));
        const std::string said = markdown_inline(one_line(value, false));
        if (name.empty()) { out += markdown_line(said) + "\n\n"; return; }
        out += "**" + name + "**" + (value.empty() ? "" : ": " + said) + "\n\n";
    }
    void source(const std::string& title, const std::string& about, const std::string& url) override
    {
        std::string line = about.empty() ? "" : markdown_inline(one_line(about, false));
        if (!url.empty()) line += (line.empty() ? "" : ", ") + markdown_url(one_line(url, false));
        const std::string name = markdown_line(one_line(title, false));
        out += "**" + (name.empty() ? std::string("Untitled source") : name) + "**" + (line.empty() ? "" : ": " + line) + "\n\n";
    }
    void table(const char* left, const char* right, const std::vector<std::pair<std::string, std::string>>& rows) override
    {
        out += std::string("| ") + left + " | " + right + " |\n|---|---|\n";
        for (const auto& r : rows) out += "| " + markdown_inline(r.first) + " | " + markdown_inline(r.second) + " |\n";
        out += "\n";
    }
    void grid(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows) override
    {
        auto line = [&](const std::vector<std::string>& cells) {
            out += "|";
            for (const std::string& c : cells) out += " " + markdown_inline(c) + " |";
            out += "\n";
        };
        line(head);
        out += "|";
        for (size_t i = 0; i < head.size(); i++) out += "---|";
        out += "\n";
        for (const auto& row : rows) line(row);
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
    // Plain text has no tables that survive a web form: one line per row, each cell named by
    // its column ("- Clarity: Weight: 1.5; A: 3.7 (3–4); B: 2.3 (2–3)"). Columns with long
    // names (regimes) go by a letter, with a key line first, or every line would repeat them.
    void grid(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows) override
    {
        std::vector<std::string> names;
        std::string key;
        size_t n = 0;   // columns given a letter so far
        for (size_t i = 0; i < head.size(); i++) {
            std::string name = one_line(head[i], false);
            if (i > 0 && name.size() > 24) {
                const std::string letter = n < 26 ? std::string(1, (char)('A' + n)) : "C" + std::to_string(n + 1);
                n++;
                key += (key.empty() ? "" : "; ") + letter + " = " + name;
                name = letter;
            }
            names.push_back(name);
        }
        if (!key.empty()) out += "Columns: " + key + "\n";
        for (const auto& row : rows) {
            std::string line = "- " + one_line(row.empty() ? "" : row[0], false) + ":";
            bool first = true;
            for (size_t i = 1; i < row.size() && i < names.size(); i++) {
                if (row[i].empty()) continue;
                line += std::string(first ? " " : "; ") + names[i] + ": " + one_line(row[i], false);
                first = false;
            }
            out += line + "\n";
        }
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

std::string export_html(const Document& d, const ExportOptions& options)
{
    HtmlSink sink;
    walk(d, sink, options);
    return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape_html(d.title.empty() ? "Untitled draft" : d.title) +
           "</title>\n<style>" + kHtmlStyle + "</style>\n</head>\n<body>\n" + sink.out + "</body>\n</html>\n";
}

std::string export_markdown(const Document& d, const ExportOptions& options)
{
    MarkdownSink sink;
    walk(d, sink, options);
    while (sink.out.size() > 1 && sink.out[sink.out.size() - 2] == '\n') sink.out.pop_back();
    return sink.out;
}

std::string export_text(const Document& d, const ExportOptions& options)
{
    TextSink sink;
    walk(d, sink, options);
    while (sink.out.size() > 1 && sink.out[sink.out.size() - 2] == '\n') sink.out.pop_back();
    return sink.out;
}

std::string answer_as_text(const Document& d, const Answer& a)
{
    TextSink sink;
    walk_answer(d, a, sink, ExportContent::JointResponse);
    while (!sink.out.empty() && sink.out.back() == '\n') sink.out.pop_back();
    return sink.out;
}

std::string signatory_sentence(const Document& d, const Answer& a, const Signatory& s)
{
    const std::string who = organisation_name(d, s.organisation);
    const std::string note = run_on(s.note);
    const Position own = s.position == a.position ? Position::Unset : s.position;   // the same is not another position
    const char* stance = nullptr;
    switch (own) {
    case Position::Agree: stance = " agrees with this proposal"; break;
    case Position::PartlyAgree: stance = " partly agrees with this proposal"; break;
    case Position::Disagree: stance = " disagrees with this proposal"; break;
    case Position::NoView: stance = " takes no view on this question"; break;
    case Position::Unset:
        return note.empty() ? std::string() : who + " adds: " + note;
    }
    return who + stance + (note.empty() ? "." : ": " + note);
}

} // namespace parley
