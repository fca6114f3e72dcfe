// parley: the command-line tool. Same core as the app, so a file the tool accepts is a file
// the app opens, and the other way round.
//   parley validate FILE...        check files; errors as file:line:col: pointer: message
//   parley fmt [--check|--write] FILE...   canonical form (to stdout, checked, or in place)
//   parley info FILE...            a short summary of each file
//   parley diff [--json] A B       what changed from draft A to draft B (exit 0 same, 1 different)
// Exit status: 0 all good, 1 a file has problems (or is not canonical with --check),
// 2 the command itself was wrong (unknown command, unreadable file).
#include "core/catalogue.h"
#include "core/compare.h"
#include "core/document_json.h"

#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

const char kUsage[] =
    "usage: parley <command> FILE...\n"
    "\n"
    "commands:\n"
    "  validate FILE...          check Parley files; every problem is listed as\n"
    "                            file:line:column: /json/pointer: message\n"
    "  fmt FILE...               print the canonical form of a file\n"
    "  fmt --check FILE...       only say which files are not in canonical form\n"
    "  fmt --write FILE...       rewrite files in canonical form\n"
    "  info FILE...              a short summary of each file\n"
    "  diff [--json] A B         every change from draft A to draft B, field by field, with\n"
    "                            words deleted in [-...-] and inserted in {+...+};\n"
    "                            exit status 0 when the content is identical, 1 when not\n"
    "\n"
    "FILE may be - for standard input. Exit status: 0 fine, 1 problems found, 2 usage or read error.\n"
    "The format is described in docs/format.md.\n";

// Reads a whole file; refuses before reading when it is far beyond what import accepts.
bool read_file(const std::string& path, std::string* out, std::string* why)
{
    if (path == "-") {
        std::ostringstream s;
        s << std::cin.rdbuf();
        *out = s.str();
        return true;
    }
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    if (!f) { *why = std::strerror(errno); return false; }
    const std::streamoff size = f.tellg();
    if (size < 0) { *why = "cannot tell its size"; return false; }
    if (size > (std::streamoff)(256u << 20)) { *why = "the file is over 256 MB; Parley files are far smaller"; return false; }
    out->resize((size_t)size);
    f.seekg(0);
    if (size > 0 && !f.read(&(*out)[0], size)) { *why = "read failed"; return false; }
    return true;
}

void print_issue(FILE* to, const std::string& file, const parley::ImportError& e, const char* label)
{
    std::string where = file;
    if (e.line > 0) where += ":" + std::to_string(e.line) + ":" + std::to_string(e.column);
    std::fprintf(to, "%s: %s%s%s%s\n", where.c_str(), label, e.pointer.c_str(), e.pointer.empty() ? "" : ": ", e.message.c_str());
}

// Loads and reports problems on stderr. Returns 0 ok, 1 invalid, 2 unreadable.
int load(const std::string& path, parley::ImportResult* result, std::string* text, bool show_notices)
{
    std::string why;
    if (!read_file(path, text, &why)) {
        std::fprintf(stderr, "%s: cannot read: %s\n", path.c_str(), why.c_str());
        return 2;
    }
    *result = parley::import_document(*text);
    for (const parley::ImportError& e : result->errors) print_issue(stderr, path, e, "");
    if (show_notices)
        for (const parley::ImportError& e : result->notices) print_issue(stderr, path, e, "note: ");
    return result->ok ? 0 : 1;
}

int cmd_validate(const std::vector<std::string>& files)
{
    int status = 0;
    for (const std::string& f : files) {
        parley::ImportResult r;
        std::string text;
        const int s = load(f, &r, &text, true);
        if (s == 0) std::printf("%s: valid %s, %d words\n", f.c_str(), parley::kind_name(r.document.kind), parley::count_document_words(r.document));
        status = std::max(status, s);
    }
    return status;
}

int cmd_fmt(const std::vector<std::string>& files, bool check, bool write)
{
    int status = 0;
    for (const std::string& f : files) {
        parley::ImportResult r;
        std::string text;
        int s = load(f, &r, &text, false);
        if (s == 0) {
            const std::string canonical = parley::export_document(r.document);
            if (check) {
                if (canonical != text) { std::printf("%s: not in canonical form (parley fmt --write %s fixes it)\n", f.c_str(), f.c_str()); s = 1; }
            } else if (write && f != "-") {
                if (canonical != text) {
                    std::ofstream out(f, std::ios::binary | std::ios::trunc);
                    out << canonical;
                    if (!out) { std::fprintf(stderr, "%s: cannot write: %s\n", f.c_str(), std::strerror(errno)); s = 2; }
                }
            } else {
                std::fwrite(canonical.data(), 1, canonical.size(), stdout);
            }
        }
        status = std::max(status, s);
    }
    return status;
}

int cmd_info(const std::vector<std::string>& files)
{
    int status = 0;
    for (const std::string& f : files) {
        parley::ImportResult r;
        std::string text;
        const int s = load(f, &r, &text, false);
        status = std::max(status, s);
        if (s) continue;
        const parley::Document& d = r.document;
        std::printf("%s\n", f.c_str());
        std::printf("  title:          %s\n", d.title.empty() ? "(untitled)" : d.title.c_str());
        std::printf("  kind:           %s, %s\n", parley::kind_name(d.kind), parley::status_name(d.status));
        if (!d.consultation.title.empty()) {
            std::string owners;
            for (const std::string& o : d.consultation.owners) owners += (owners.empty() ? "" : ", ") + o;
            std::printf("  consultation:   %s%s%s\n", d.consultation.title.c_str(), owners.empty() ? "" : " (", owners.empty() ? "" : (owners + ")").c_str());
            if (!d.consultation.closes.empty()) std::printf("  closes:         %s\n", d.consultation.closes.c_str());
        }
        if (!d.organisations.empty()) {
            std::string orgs;
            for (const parley::Organisation& o : d.organisations) orgs += (orgs.empty() ? "" : ", ") + (o.short_name.empty() ? o.name : o.short_name);
            std::printf("  organisations:  %s\n", orgs.c_str());
        }
        for (const parley::Regime& g : d.regimes)
            std::printf("  regime:         %s (%s, %zu dimensions)\n", g.name.c_str(), parley::role_name(g.role), g.dimensions.size());
        if (!d.questions.empty()) {
            std::map<std::string, int> positions;
            for (const parley::Answer& a : d.answers) positions[a.position == parley::Position::Unset ? "no position" : parley::position_name(a.position)]++;
            std::string tally;
            for (const auto& p : positions) tally += (tally.empty() ? "" : ", ") + std::to_string(p.second) + " " + p.first;
            std::printf("  questions:      %zu, %zu answered%s%s%s\n", d.questions.size(), d.answers.size(),
                        tally.empty() ? "" : " (", tally.c_str(), tally.empty() ? "" : ")");
        }
        if (!d.workshop.criteria.empty())
            std::printf("  workshop:       %zu criteria, %zu participants, %zu scores\n", d.workshop.criteria.size(), d.workshop.participants.size(), d.workshop.scores.size());
        std::printf("  words:          %d\n", parley::count_document_words(d));
        if (!d.revisions.empty()) {
            const parley::Revision& last = d.revisions.back();
            std::printf("  revisions:      %zu, last %s by %s%s%s\n", d.revisions.size(), last.time.c_str(), last.author.empty() ? "?" : last.author.c_str(),
                        last.organisation.empty() ? "" : ", ", last.organisation.c_str());
        }
        if (!r.notices.empty()) std::printf("  unknown fields: %zu (kept as they are)\n", r.notices.size());
    }
    return status;
}

// Two versions of a draft: saved revisions are history and do not count as a difference.
int cmd_diff(const std::vector<std::string>& files, bool json)
{
    if (files.size() != 2) { std::fprintf(stderr, "parley diff: give exactly two files, the older draft first\n\n%s", kUsage); return 2; }
    parley::ImportResult a, b;
    std::string text_a, text_b;
    const int status_a = load(files[0], &a, &text_a, false);
    const int status_b = load(files[1], &b, &text_b, false);
    if (status_a || status_b) {
        std::fprintf(stderr, "parley diff: cannot compare: %s\n", (status_a ? files[0] : files[1]).c_str());
        return 2;
    }
    const parley::DocumentComparison c = parley::compare_documents(a.document, b.document);
    const std::string out = json ? parley::comparison_json(c, a.document, b.document) : parley::comparison_text(c, a.document, b.document);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return c.identical() ? 0 : 1;
}

int run(int argc, char** argv)
{
    if (argc < 2) { std::fputs(kUsage, stderr); return 2; }
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") { std::fputs(kUsage, stdout); return 0; }
    if (cmd == "--version") { std::printf("parley (format version %d)\n", parley::kFormatVersion); return 0; }
    bool check = false, write = false, json = false;
    std::vector<std::string> files;
    for (int i = 2; i < argc; i++) {
        const std::string a = argv[i];
        if (cmd == "fmt" && a == "--check") check = true;
        else if (cmd == "fmt" && (a == "--write" || a == "-w")) write = true;
        else if (cmd == "diff" && a == "--json") json = true;
        else if (a.size() > 1 && a[0] == '-') { std::fprintf(stderr, "parley %s: unknown option %s\n\n%s", cmd.c_str(), a.c_str(), kUsage); return 2; }
        else files.push_back(a);
    }
    if (cmd == "diff") return cmd_diff(files, json);
    if (cmd != "validate" && cmd != "fmt" && cmd != "info") { std::fprintf(stderr, "parley: unknown command \"%s\"\n\n%s", cmd.c_str(), kUsage); return 2; }
    if (files.empty()) { std::fprintf(stderr, "parley %s: no file given\n\n%s", cmd.c_str(), kUsage); return 2; }
    if (check && write) { std::fprintf(stderr, "parley fmt: --check and --write do not go together\n"); return 2; }
    if (cmd == "validate") return cmd_validate(files);
    if (cmd == "fmt") return cmd_fmt(files, check, write);
    return cmd_info(files);
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(argc, argv);
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "parley: out of memory\n");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "parley: %s\n", e.what());
    }
    return 2;
}
