// parley: the command-line tool. Same core as the app, so a file the tool accepts is a file
// the app opens, and the other way round.
//   parley validate FILE...        check files; errors as file:line:col: pointer: message
//   parley fmt [--check|--write] FILE...   canonical form (to stdout, checked, or in place)
//   parley info FILE...            a short summary of each file
//   parley diff [--json] A B       what changed from draft A to draft B (exit 0 same, 1 different)
//   parley merge [--base BASE] OURS THEIRS [-o OUT]   two copies of one draft brought together
//                                  (exit 0 clean, 1 conflicts left open in the output, 2 error)
// Exit status: 0 all good, 1 a file has problems (or is not canonical with --check),
// 2 the command itself was wrong (unknown command, unreadable file).
#include "core/catalogue.h"
#include "core/compare.h"
#include "core/copy_merge.h"
#include "core/document_json.h"
#include "core/paths.h"
#include "core/revision_changes.h"

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
        std::fprintf(stderr, "parley merge: nothing was merged: %s cannot be read as a Parley draft (above)\n",
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
        std::fprintf(stderr, "parley merge: nothing was merged: %s\n", m.message.c_str());
        return 2;
    case parley::CopyMergeStatus::NoOriginal:
        std::fprintf(stderr, "parley merge: nothing was merged: %s.\nGive the original file with --base BASE, or use --no-base to make every difference a conflict.\n",
                     m.message.c_str());
        return 2;
    case parley::CopyMergeStatus::AlreadyMerged:
        std::fprintf(stderr, "parley merge: %s; %s is unchanged\n", m.message.c_str(), a.ours.c_str());
        m.result.doc = ours.document;
        break;
    case parley::CopyMergeStatus::Merged: break;
    }
    const parley::Document& d = m.result.doc;
    const std::string merged = parley::export_document(d);
    const parley::ImportResult check = parley::import_document(merged);
    if (!check.ok) {   // never write a file File > Open would refuse
        std::fprintf(stderr, "parley merge: nothing was written: the merged draft breaks a rule of the format:\n");
        for (const parley::ImportError& e : check.errors) std::fprintf(stderr, "  %s\n", parley::format_error(e).c_str());
        return 2;
    }
    if (m.status == parley::CopyMergeStatus::Merged) {
        const std::string who = parley::copy_from(theirs.document);
        const std::string from = "from " + (who.empty() ? std::string("the other copy") : who);
        const size_t n = m.result.incoming.size();
        std::fprintf(stderr, "parley merge: %zu change%s came in %s%s\n", n, n == 1 ? "" : "s", from.c_str(),
                     m.original.empty() ? (a.base.empty() ? " (no original: every difference is a conflict)" : "") : (", merged from revision " + m.original).c_str());
        for (const parley::MergeChange& c : m.result.incoming) {
            const parley::PathWords w = parley::path_words(d, c.at);
            std::fprintf(stderr, "  %-9s %s%s%s\n", change_word(c.kind), w.part.c_str(), w.part.empty() || w.field.empty() ? "" : " › ", w.field.c_str());
        }
        if (!d.merge.conflicts.empty()) {
            std::fprintf(stderr, "parley merge: %zu conflict%s left open (settle them in Parley):\n", d.merge.conflicts.size(), d.merge.conflicts.size() == 1 ? "" : "s");
            for (const parley::Conflict& c : d.merge.conflicts) {
                const parley::PathWords w = parley::path_words(d, c.at);
                std::fprintf(stderr, "  conflict  %s%s%s  (%s)\n", w.part.c_str(), w.part.empty() || w.field.empty() ? "" : " › ", w.field.c_str(), c.at.c_str());
            }
        }
    }
    if (a.out.empty() || a.out == "-") {
        std::fwrite(merged.data(), 1, merged.size(), stdout);
    } else {
        // Written beside it and renamed over it: OUT is either the old file or the whole new one.
        const std::string temp = a.out + ".parley-merge-" + std::to_string(getpid());
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << merged;
        out.close();
        if (!out || std::rename(temp.c_str(), a.out.c_str()) != 0) {
            std::fprintf(stderr, "parley merge: cannot write %s: %s\n", a.out.c_str(), std::strerror(errno));
            std::remove(temp.c_str());
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
            if (i + 1 >= argc) { std::fprintf(stderr, "parley merge: %s needs a value\n\n%s", s.c_str(), kUsage); return false; }
            *out = argv[++i];
            return true;
        };
        if (s == "--base") { if (!value(&a.base)) return 2; }
        else if (s == "-o" || s == "--output") { if (!value(&a.out)) return 2; }
        else if (s == "--organisation") { if (!value(&a.organisation)) return 2; }
        else if (s == "--no-base") a.no_base = true;
        else if (s.size() > 1 && s[0] == '-') { std::fprintf(stderr, "parley merge: unknown option %s\n\n%s", s.c_str(), kUsage); return 2; }
        else files.push_back(s);
    }
    if (files.size() != 2) { std::fprintf(stderr, "parley merge: give two files, ours then theirs\n\n%s", kUsage); return 2; }
    if (a.no_base && !a.base.empty()) { std::fprintf(stderr, "parley merge: --base and --no-base do not go together\n"); return 2; }
    a.ours = files[0];
    a.theirs = files[1];
    return cmd_merge(a);
}

int run(int argc, char** argv)
{
    if (argc < 2) { std::fputs(kUsage, stderr); return 2; }
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") { std::fputs(kUsage, stdout); return 0; }
    if (cmd == "--version") { std::printf("parley (format version %d)\n", parley::kFormatVersion); return 0; }
    if (cmd == "merge") return run_merge(argc, argv);
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
