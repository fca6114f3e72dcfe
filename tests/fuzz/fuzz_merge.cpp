// libFuzzer target for merging copies of a draft (core/merge.h, core/copy_merge.h) and for the
// history a file carries (core/revision_changes.h).
//
// Copies to merge arrive by email from other organisations, history and all, so neither the
// merge nor the change records a file carries may crash, hang or read out of bounds whatever
// the files hold. The input is up to three drafts separated by NUL bytes (JSON text never holds
// one): base, ours, theirs. With one draft, ours is that draft and theirs the same draft with
// every list in reverse order; with two, the second is ours. Drafts that do not import are
// skipped. Then:
//  - merge_documents both ways round and merge_without_base; each conflict settled every way
//    (merge_resolve), and every conflict settled with ours and with theirs in turn;
//  - merge_copies, with the original found from the copies' own histories;
//  - rebuild_revision for every revision of every draft: hostile change records (revisions
//    with `changes`) must fail with a reason, never crash;
//  - promises, checked always (a broken one ends in __builtin_trap() after a line on stderr, so
//    libFuzzer keeps the input): no PARLEY_ASSERT fails; merge(a, b) and merge(b, a) report
//    the same number of conflicts; merging a draft with itself changes nothing and finds no
//    conflict.
//  - a merged draft that does not import again is a finding too, but a merge of unrelated
//    drafts can make one (two answers to one question, a regime with a key twice), so by
//    default it is only told once per kind on stderr; PARLEY_FUZZ_STRICT=1 makes it trap.
#include "core/assert.h"
#include "core/copy_merge.h"
#include "core/document_json.h"
#include "core/merge.h"
#include "core/paths.h"
#include "core/revision_changes.h"
#include "core/sameness.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using namespace parley;

[[noreturn]] void broken(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "fuzz_merge: %s%s%s\n", what, detail.empty() ? "" : ": ", detail.c_str());
    __builtin_trap();
}

void assert_trap(const char* expression, const char* file, int line)
{
    std::fprintf(stderr, "%s:%d: PARLEY_ASSERT(%s) failed\n", file, line, expression);
    broken("a PARLEY_ASSERT failed", expression);
}

bool strict()
{
    static const bool on = [] { const char* s = std::getenv("PARLEY_FUZZ_STRICT"); return s && *s && *s != '0'; }();
    return on;
}

// A merged or settled draft that does not import: a trap when strict, else said once per kind.
void must_open(const Document& doc, const char* what)
{
    const ImportResult r = import_document(export_document(doc));
    if (r.ok) return;
    const std::string message = r.errors.empty() ? "no error" : format_error(r.errors[0]);
    if (strict()) broken(what, message);
    // The kind: the message without its position, pointer and quoted ids.
    std::string kind = r.errors.empty() ? "" : r.errors[0].message;
    for (size_t q = kind.find('"'); q != std::string::npos; q = kind.find('"')) {
        const size_t e = kind.find('"', q + 1);
        kind.replace(q, e == std::string::npos ? std::string::npos : e - q + 1, "_");
    }
    static std::set<std::string> told;
    if (told.size() < 64 && told.insert(std::string(what) + ": " + kind).second)
        std::fprintf(stderr, "fuzz_merge: note: %s (%s)\n", what, message.c_str());
}

template <typename M> using Plain = std::remove_const_t<std::remove_reference_t<M>>;

template <typename T> void reverse_lists(T& obj)
{
    for_each_field(obj, [](const Field& f, auto& m) {
        using M = Plain<decltype(m)>;
        if (f.is(FieldHistory)) return;
        if constexpr (is_object_list_v<M>) {
            std::reverse(m.begin(), m.end());
            for (auto& e : m) reverse_lists(e);
        } else if constexpr (is_described_v<M>) {
            reverse_lists(m);
        } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
            std::reverse(m.begin(), m.end());
        }
    });
}

bool same_content(const Document& a, const Document& b)
{
    bool same = Same(a.extra, b.extra);
    for_each_field_pair(a, b, [&](const Field& f, const auto& x, const auto& y) { same = same && (f.is(FieldHistory) || Same(x, y)); });
    return same;
}

// Every conflict settled each way on its own, then all of them one way.
void settle(const MergeResult& m, const char* what)
{
    const Resolution ways[] = {Resolution::Ours, Resolution::Theirs, Resolution::Both, Resolution::Edited};
    const size_t n = std::min<size_t>(m.doc.merge.conflicts.size(), 32);
    for (size_t i = 0; i < n; i++) {
        const Conflict& c = m.doc.merge.conflicts[i];
        (void)path_words(m.doc, c.at);
        for (Resolution how : ways) {
            Document d = m.doc;
            std::string why;
            const size_t before = d.merge.conflicts.size();
            const bool ok = merge_resolve(d, i, how, how == Resolution::Edited ? c.base : JsonValue{}, &why);
            if (ok && d.merge.conflicts.size() != before - 1) broken("merge_resolve settled but the conflict is still open", c.at);
            if (!ok && why.empty()) broken("merge_resolve failed without saying why", c.at);
        }
    }
    for (Resolution how : {Resolution::Ours, Resolution::Theirs}) {
        Document d = m.doc;
        for (int rounds = 0; rounds < 64 && !d.merge.conflicts.empty(); rounds++) {
            bool any = false;
            for (size_t i = 0; i < d.merge.conflicts.size() && !any; i++) any = merge_resolve(d, i, how, JsonValue{}, nullptr);
            if (!any) break;
        }
        if (d.merge.conflicts.empty()) must_open(d, what);
    }
}

void rebuild_all(const Document& doc)
{
    const size_t n = std::min<size_t>(doc.revisions.size(), 16);
    for (size_t i = 0; i < n; i++) {
        Document out;
        std::string why;
        if (!rebuild_revision(doc, doc.revisions[i].id, &out, &why) && why.empty()) broken("rebuild_revision failed without saying why", doc.revisions[i].id);
    }
    // The change records applied to the draft itself, whatever they say.
    for (size_t i = 0; i < n; i++) {
        Document d = doc;
        std::string why;
        if (!apply_changes(d, doc.revisions[i].changes, &why) && why.empty()) broken("apply_changes failed without saying why", doc.revisions[i].id);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    set_assert_handler(assert_trap);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> parts;
    for (size_t start = 0; parts.size() < 3;) {
        const size_t nul = input.find('\0', start);
        parts.push_back(input.substr(start, nul == std::string::npos ? std::string::npos : nul - start));
        if (nul == std::string::npos) break;
        start = nul + 1;
    }
    std::vector<Document> docs;
    for (const std::string& p : parts) {
        ImportResult r = import_document(p);
        if (!r.ok) return 0;
        docs.push_back(std::move(r.document));
    }
    for (const Document& d : docs) rebuild_all(d);

    Document base = docs[0], ours = docs.size() > 1 ? docs[1] : docs[0], theirs;
    if (docs.size() > 2) {
        theirs = docs[2];
    } else {
        theirs = docs[0];
        reverse_lists(theirs);
    }

    const MergeResult m = merge_documents(base, ours, theirs);
    const MergeResult w = merge_documents(base, theirs, ours);
    if (m.conflicts() != w.conflicts())
        broken("merge(a, b) and merge(b, a) report different numbers of conflicts", std::to_string(m.conflicts()) + " and " + std::to_string(w.conflicts()));
    must_open(m.doc, "a merged draft does not import again");
    settle(m, "a merged draft settled does not import again");

    const MergeResult self = merge_documents(base, ours, ours);
    if (self.conflicts() || !same_content(self.doc, ours)) broken("merging a draft with itself changes it", "");

    const MergeResult nb = merge_without_base(ours, theirs);
    const MergeResult nbw = merge_without_base(theirs, ours);
    if (nb.conflicts() != nbw.conflicts())
        broken("merge_without_base(a, b) and (b, a) report different numbers of conflicts", std::to_string(nb.conflicts()) + " and " + std::to_string(nbw.conflicts()));
    must_open(nb.doc, "a merge with no original does not import again");
    settle(nb, "a merge with no original settled does not import again");

    // As File > Merge does it: the original from the copies' histories.
    IdGenerator ids;
    CopyMergeOptions options;
    options.organisation = "Fuzz";
    options.utc_time = "2024-01-01T00:00:00Z";
    const CopyMerge cm = merge_copies(ours, ours, theirs, ids, options);
    if (cm.status == CopyMergeStatus::Merged) {
        must_open(cm.result.doc, "a merged copy does not import again");
        rebuild_all(cm.result.doc);
    } else if (cm.message.empty()) {
        broken("merge_copies did not merge and does not say why", "");
    }
    return 0;
}
