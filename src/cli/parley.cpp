// parley: the command-line tool. Same core as the app, so a file the tool accepts is a file
// the app opens, and the other way round.
//   parley validate FILE...        check files; errors as file:line:col: pointer: message
//   parley fmt [--check|--write] FILE...   canonical form (to stdout, checked, or in place)
//   parley info FILE...            a short summary of each file
//   parley diff [--json] A B       what changed from draft A to draft B (exit 0 same, 1 different)
//   parley merge [--base BASE] OURS THEIRS [-o OUT]   two copies of one draft brought together
//                                  (exit 0 clean, 1 conflicts left open in the output, 2 error)
//   parley export [--format F] FILE [-o OUT]   Markdown, a web page or plain text
// Text from a file is printed with its control characters escaped (say() below), and every
// file is written whole or not at all (atomic_write.h).
// Exit status: 0 all good, 1 a file has problems (or is not canonical with --check),
// 2 the command itself was wrong (unknown command, unreadable file).
#include "core/catalogue.h"
#include "core/compare.h"
#include "core/copy_merge.h"
#include "core/document_json.h"
#include "core/export.h"
#include "core/paths.h"
#include "core/revision_changes.h"
#include "core/terminal_text.h"
#include "atomic_write.h"

#include <csignal>
#include <cstdarg>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

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
    "  merge OURS THEIRS [-o OUT] bring the changes of another organisation's copy THEIRS into\n"
    "                            OURS; the original both grew from is rebuilt from the files'\n"
    "                            history. Writes the merged draft to OUT (default: standard\n"
    "                            output) and what came in and what collides to standard error.\n"
    "                            Conflicts stay open in the merged file, for Parley to settle.\n"
    "                            Exit status 0 clean, 1 conflicts left open, 2 error.\n"
    "    --base BASE             the original both copies grew from, given as a file (a git\n"
    "                            merge driver: parley merge --base %O %A %B -o %A)\n"
    "    --no-base               no original: every difference becomes a conflict\n"
    "    --organisation NAME     who is merging, for the merge's revision\n"
    "  export [--format F] FILE [-o OUT]  the draft for people who do not use Parley, F one of\n"
    "                            markdown (the default), html (a web page for printing) or text\n"
    "    --joint                 the joint response for the inspectorate, not the whole draft\n"
    "    --comments              the draft's comment threads at the end\n"
    "\n"
    "FILE may be - for standard input. Exit status: 0 fine, 1 problems found, 2 usage or read error.\n"
    "The format is described in docs/format.md.\n";

// Everything printed for a person goes through say(): text from a file (titles, ids, values
// quoted in messages) can hold terminal escape sequences and bidi overrides, shown escaped
// (core/terminal_text.h). Drafts themselves (fmt, merge and export output) go out as they are.
void say(FILE* to, const char* format, ...) __attribute__((format(printf, 2, 3)));
void say(FILE* to, const char* format, ...)
{
    va_list args, again;
    va_start(args, format);
    va_copy(again, args);
    const int n = std::vsnprintf(nullptr, 0, format, args);
    va_end(args);
    std::string s(n > 0 ? (size_t)n : 0, '\0');
    if (n > 0) std::vsnprintf(&s[0], (size_t)n + 1, format, again);
    va_end(again);
    const std::string shown = parley::terminal_text(s);
    std::fwrite(shown.data(), 1, shown.size(), to);
}

// A value shown inside one line (a title, a name, a quoted value): its line breaks escaped
// too, so it cannot start a line that passes for another message.
std::string one(const std::string& s) { return parley::terminal_line(s); }

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
    say(to, "%s: %s%s%s%s\n", one(where).c_str(), label, one(e.pointer).c_str(), e.pointer.empty() ? "" : ": ", one(e.message).c_str());
}

// Loads and reports problems on stderr. Returns 0 ok, 1 invalid, 2 unreadable.
int load(const std::string& path, parley::ImportResult* result, std::string* text, bool show_notices)
{
    std::string why;
    if (!read_file(path, text, &why)) {
        say(stderr, "%s: cannot read: %s\n", path.c_str(), why.c_str());
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
        if (s == 0) say(stdout, "%s: valid %s, %d words\n", f.c_str(), parley::kind_name(r.document.kind), parley::count_document_words(r.document));
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
                if (canonical != text) { say(stdout, "%s: not in canonical form (parley fmt --write %s fixes it)\n", f.c_str(), f.c_str()); s = 1; }
            } else if (write && f != "-") {
                std::string why;   // whole or not at all: a full disk must not leave half a draft
                if (canonical != text && !parley_cli::write_file_atomically(f, canonical, &why)) {
                    say(stderr, "%s: cannot write: %s; the file is unchanged\n", one(f).c_str(), why.c_str());
                    s = 2;
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
        say(stdout, "%s\n", f.c_str());
        say(stdout, "  title:          %s\n", d.title.empty() ? "(untitled)" : one(d.title).c_str());
        say(stdout, "  kind:           %s, %s\n", parley::kind_name(d.kind), parley::status_name(d.status));
        if (!d.consultation.title.empty()) {
            std::string owners;
            for (const std::string& o : d.consultation.owners) owners += (owners.empty() ? "" : ", ") + one(o);
            say(stdout, "  consultation:   %s%s%s\n", one(d.consultation.title).c_str(), owners.empty() ? "" : " (", owners.empty() ? "" : (owners + ")").c_str());
            if (!d.consultation.closes.empty()) say(stdout, "  closes:         %s\n", one(d.consultation.closes).c_str());
        }
        if (!d.organisations.empty()) {
            std::string orgs;
            for (const parley::Organisation& o : d.organisations) orgs += (orgs.empty() ? "" : ", ") + one(o.short_name.empty() ? o.name : o.short_name);
            say(stdout, "  organisations:  %s\n", orgs.c_str());
        }
        for (const parley::Regime& g : d.regimes)
            say(stdout, "  regime:         %s (%s, %zu dimensions)\n", one(g.name).c_str(), parley::role_name(g.role), g.dimensions.size());
        if (!d.questions.empty()) {
            std::map<std::string, int> positions;
            for (const parley::Answer& a : d.answers) positions[a.position == parley::Position::Unset ? "no position" : parley::position_name(a.position)]++;
            std::string tally;
            for (const auto& p : positions) tally += (tally.empty() ? "" : ", ") + std::to_string(p.second) + " " + p.first;
            say(stdout, "  questions:      %zu, %zu answered%s%s%s\n", d.questions.size(), d.answers.size(),
                        tally.empty() ? "" : " (", tally.c_str(), tally.empty() ? "" : ")");
        }
        if (!d.workshop.criteria.empty())
            say(stdout, "  workshop:       %zu criteria, %zu participants, %zu scores\n", d.workshop.criteria.size(), d.workshop.participants.size(), d.workshop.scores.size());
        say(stdout, "  words:          %d\n", parley::count_document_words(d));
        if (!d.revisions.empty()) {
            const parley::Revision& last = d.revisions.back();
            say(stdout, "  revisions:      %zu, last %s by %s%s%s\n", d.revisions.size(), one(last.time).c_str(), last.author.empty() ? "?" : one(last.author).c_str(),
                        last.organisation.empty() ? "" : ", ", one(last.organisation).c_str());
        }
        if (r.unknown_fields) say(stdout, "  unknown fields: %zu (kept as they are)\n", r.unknown_fields);
    }
    return status;
}

// Two versions of a draft: saved revisions are history and do not count as a difference.
int cmd_diff(const std::vector<std::string>& files, bool json)
{
    if (files.size() != 2) { say(stderr, "parley diff: give exactly two files, the older draft first\n\n%s", kUsage); return 2; }
    parley::ImportResult a, b;
    std::string text_a, text_b;
    const int status_a = load(files[0], &a, &text_a, false);
    const int status_b = load(files[1], &b, &text_b, false);
    if (status_a || status_b) {
        say(stderr, "parley diff: cannot compare: %s\n", (status_a ? files[0] : files[1]).c_str());
        return 2;
    }
    const parley::DocumentComparison c = parley::compare_documents(a.document, b.document);
    const std::string out = json ? parley::comparison_json(c, a.document, b.document) : parley::comparison_text(c, a.document, b.document);
    const std::string shown = parley::terminal_text(out);   // JSON's meaning is kept: \u escapes stand only in strings
    std::fwrite(shown.data(), 1, shown.size(), stdout);
    if (const int coarse = c.coarse_fields())   // the word diff's work budget ran out (word_diff.h)
        say(stderr, "parley diff: note: %d field%s differ%s too much to compare word by word in time: shown as whole passages "
                     "deleted and inserted where the budget ran out (still exact)\n", coarse, coarse == 1 ? "" : "s", coarse == 1 ? "s" : "");
    return c.identical() ? 0 : 1;
}

std::string utc_now()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

const char* change_word(parley::MergeChange::Kind k)
{
    switch (k) {
    case parley::MergeChange::Changed: return "changed";
    case parley::MergeChange::Added: return "added";
    case parley::MergeChange::Removed: return "removed";
    case parley::MergeChange::Moved: return "reordered";
    }
    return "changed";
}

struct MergeArgs {
    std::string base, ours, theirs, out, organisation;
    bool no_base = false;
};

// The merged draft, or the reason there is none. Files are read with File > Open's checks.
int cmd_merge(const MergeArgs& a)
{
    parley::ImportResult ours, theirs, base;
    std::string text;
    const int so = load(a.ours, &ours, &text, false);
    const int st = load(a.theirs, &theirs, &text, false);
    const int sb = a.base.empty() ? 0 : load(a.base, &base, &text, false);
    if (so || st || sb) {
        say(stderr, "parley merge: nothing was merged: %s cannot be read as a Parley draft (above)\n",
                     (so ? a.ours : st ? a.theirs : a.base).c_str());
        return 2;
    }
    parley::IdGenerator ids;
    ids.state ^= (uint64_t)std::time(nullptr) * 0x9E3779B97F4A7C15ull ^ (uint64_t)getpid();
    parley::CopyMergeOptions options;
    options.original = a.base.empty() ? nullptr : &base.document;
    options.without_original = a.no_base;
    options.organisation = a.organisation.empty() ? parley::copy_from(ours.document) : a.organisation;
    options.utc_time = utc_now();
    parley::CopyMerge m = parley::merge_copies(ours.document, ours.document, theirs.document, ids, options);
    switch (m.status) {
    case parley::CopyMergeStatus::Refused:
        say(stderr, "parley merge: nothing was merged: %s\n", m.message.c_str());
        return 2;
    case parley::CopyMergeStatus::NoOriginal:
        say(stderr, "parley merge: nothing was merged: %s.\nGive the original file with --base BASE, or use --no-base to make every difference a conflict.\n",
                     m.message.c_str());
        return 2;
    case parley::CopyMergeStatus::AlreadyMerged:
        say(stderr, "parley merge: %s; %s is unchanged\n", m.message.c_str(), a.ours.c_str());
        m.result.doc = ours.document;
        break;
    case parley::CopyMergeStatus::Merged: break;
    }
    const parley::Document& d = m.result.doc;
    const std::string merged = parley::export_document(d);
    const parley::ImportResult check = parley::import_document(merged);
    if (!check.ok) {   // never write a file File > Open would refuse
        say(stderr, "parley merge: nothing was written: the merged draft breaks a rule of the format:\n");
        for (const parley::ImportError& e : check.errors) say(stderr, "  %s\n", parley::format_error(e).c_str());
        return 2;
    }
    if (m.status == parley::CopyMergeStatus::Merged) {
        const std::string who = parley::copy_from(theirs.document);
        const std::string from = "from " + (who.empty() ? std::string("the other copy") : who);
        const size_t n = m.result.incoming.size();
        say(stderr, "parley merge: %zu change%s came in %s%s\n", n, n == 1 ? "" : "s", from.c_str(),
                     m.original.empty() ? (a.base.empty() ? " (no original: every difference is a conflict)" : "") : (", merged from revision " + m.original).c_str());
        for (const parley::MergeChange& c : m.result.incoming) {
            const parley::PathWords w = parley::path_words(d, c.at);
            say(stderr, "  %-9s %s%s%s\n", change_word(c.kind), one(w.part).c_str(), w.part.empty() || w.field.empty() ? "" : " › ", one(w.field).c_str());
        }
        if (!d.merge.conflicts.empty()) {
            say(stderr, "parley merge: %zu conflict%s left open (settle them in Parley):\n", d.merge.conflicts.size(), d.merge.conflicts.size() == 1 ? "" : "s");
            for (const parley::Conflict& c : d.merge.conflicts) {
                const parley::PathWords w = parley::path_words(d, c.at);
                say(stderr, "  conflict  %s%s%s  (%s)\n", one(w.part).c_str(), w.part.empty() || w.field.empty() ? "" : " › ", one(w.field).c_str(), one(c.at).c_str());
            }
        }
    }
    if (a.out.empty() || a.out == "-") {
        std::fwrite(merged.data(), 1, merged.size(), stdout);
    } else {
        // Written beside it and renamed over it: OUT is either the old file or the whole new one.
        std::string why;
        if (!parley_cli::write_file_atomically(a.out, merged, &why)) {
            say(stderr, "parley merge: cannot write %s: %s; the file is unchanged\n", one(a.out).c_str(), why.c_str());
            return 2;
        }
    }
    return d.merge.conflicts.empty() ? 0 : 1;
}

int run_merge(int argc, char** argv)
{
    MergeArgs a;
    std::vector<std::string> files;
    for (int i = 2; i < argc; i++) {
        const std::string s = argv[i];
        auto value = [&](std::string* out) {
            if (i + 1 >= argc) { say(stderr, "parley merge: %s needs a value\n\n%s", s.c_str(), kUsage); return false; }
            *out = argv[++i];
            return true;
        };
        if (s == "--base") { if (!value(&a.base)) return 2; }
        else if (s == "-o" || s == "--output") { if (!value(&a.out)) return 2; }
        else if (s == "--organisation") { if (!value(&a.organisation)) return 2; }
        else if (s == "--no-base") a.no_base = true;
        else if (s.size() > 1 && s[0] == '-') { say(stderr, "parley merge: unknown option %s\n\n%s", s.c_str(), kUsage); return 2; }
        else files.push_back(s);
    }
    if (files.size() != 2) { say(stderr, "parley merge: give two files, ours then theirs\n\n%s", kUsage); return 2; }
    if (a.no_base && !a.base.empty()) { say(stderr, "parley merge: --base and --no-base do not go together\n"); return 2; }
    a.ours = files[0];
    a.theirs = files[1];
    return cmd_merge(a);
}

// The exports File > Export gives, for scripts and mail merges: written to OUT whole or not at all.
int run_export(int argc, char** argv)
{
    std::string format = "markdown", file, out;
    parley::ExportOptions options;
    for (int i = 2; i < argc; i++) {
        const std::string s = argv[i];
        if ((s == "--format" || s == "-o" || s == "--output") && i + 1 >= argc) { say(stderr, "parley export: %s needs a value\n\n%s", s.c_str(), kUsage); return 2; }
        if (s == "--format") format = argv[++i];
        else if (s == "-o" || s == "--output") out = argv[++i];
        else if (s == "--joint") options.content = parley::ExportContent::JointResponse;
        else if (s == "--comments") options.comments = true;
        else if (s.size() > 1 && s[0] == '-') { say(stderr, "parley export: unknown option %s\n\n%s", s.c_str(), kUsage); return 2; }
        else if (!file.empty()) { say(stderr, "parley export: give one file\n\n%s", kUsage); return 2; }
        else file = s;
    }
    if (file.empty()) { say(stderr, "parley export: no file given\n\n%s", kUsage); return 2; }
    if (format != "markdown" && format != "md" && format != "html" && format != "text" && format != "txt") {
        say(stderr, "parley export: unknown format \"%s\": use markdown, html or text\n", one(format).c_str());
        return 2;
    }
    parley::ImportResult r;
    std::string text;
    if (const int s = load(file, &r, &text, false)) return s == 1 ? 1 : 2;
    const std::string result = format == "html" ? parley::export_html(r.document, options)
                             : format == "text" || format == "txt" ? parley::export_text(r.document, options)
                                                                    : parley::export_markdown(r.document, options);
    if (out.empty() || out == "-") { std::fwrite(result.data(), 1, result.size(), stdout); return 0; }
    std::string why;
    if (!parley_cli::write_file_atomically(out, result, &why)) {
        say(stderr, "parley export: cannot write %s: %s; the file is unchanged\n", one(out).c_str(), why.c_str());
        return 2;
    }
    return 0;
}

int run(int argc, char** argv)
{
    if (argc < 2) { std::fputs(kUsage, stderr); return 2; }
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") { std::fputs(kUsage, stdout); return 0; }
    if (cmd == "--version") { say(stdout, "parley (format version %d)\n", parley::kFormatVersion); return 0; }
    if (cmd == "merge") return run_merge(argc, argv);
    if (cmd == "export") return run_export(argc, argv);
    bool check = false, write = false, json = false;
    std::vector<std::string> files;
    for (int i = 2; i < argc; i++) {
        const std::string a = argv[i];
        if (cmd == "fmt" && a == "--check") check = true;
        else if (cmd == "fmt" && (a == "--write" || a == "-w")) write = true;
        else if (cmd == "diff" && a == "--json") json = true;
        else if (a.size() > 1 && a[0] == '-') { say(stderr, "parley %s: unknown option %s\n\n%s", cmd.c_str(), a.c_str(), kUsage); return 2; }
        else files.push_back(a);
    }
    if (cmd == "diff") return cmd_diff(files, json);
    if (cmd != "validate" && cmd != "fmt" && cmd != "info") { say(stderr, "parley: unknown command \"%s\"\n\n%s", cmd.c_str(), kUsage); return 2; }
    if (files.empty()) { say(stderr, "parley %s: no file given\n\n%s", cmd.c_str(), kUsage); return 2; }
    if (check && write) { say(stderr, "parley fmt: --check and --write do not go together\n"); return 2; }
    if (cmd == "validate") return cmd_validate(files);
    if (cmd == "fmt") return cmd_fmt(files, check, write);
    return cmd_info(files);
}

} // namespace

int main(int argc, char** argv)
{
    // Past a file-size limit (ulimit -f) a write fails with EFBIG instead of killing the tool
    // mid-write, so the message saying which file was left unchanged gets printed.
    std::signal(SIGXFSZ, SIG_IGN);
    try {
        return run(argc, argv);
    } catch (const std::bad_alloc&) {
        say(stderr, "parley: out of memory\n");
    } catch (const std::exception& e) {
        say(stderr, "parley: %s\n", e.what());
    }
    return 2;
}
