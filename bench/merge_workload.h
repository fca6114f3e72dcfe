// make bench, merge part: two copies of one draft, edited by two organisations, brought back
// together. Shared by the native and the WASM bench so both merge the same copies.
//
// Two workloads:
//  - the joint response: joint::make_response() (40 questions, about 60,000 words), sent round
//    by ADCS; ADCS (ours) and LGA (theirs) each edit their copy and save it. Ours rewrites a
//    sentence in five answers' reasoning, one in the summary, and changes two answers'
//    positions; theirs rewrites the last sentence of four answers (one of them an answer ours
//    rewrote another sentence of), a sentence of one answer's recommendations, changes its own
//    position on one answer, comments on an answer, adds a question with its answer and removes
//    the last question with its answer. Nothing collides: the merge has no conflict.
//  - the 10 MB draft (bench/make-draft.mjs), saved once as the original, then a few hundred
//    fields edited on each side, spread over the whole draft (make_draft_copies says which).
//
// Each copy is saved with record_revision_with_changes, so its file carries what it changed
// and the original can be rebuilt from either file (revision_changes.h). Timed, over `runs`
// runs after one warm-up:
//  (a) merge_documents(base, ours, theirs) alone, the three documents already in memory;
//  (b) the whole path from the files, as File > Merge changes from another copy... and
//      `parley merge OURS THEIRS` take it: import both texts, merge_copies (find the shared
//      original in the histories and rebuild it, merge, record the merge's revision), export
//      the merged draft.
// The whole path runs first: its warm-up run is the first merge the process (or the page) makes.
// Checked, untimed: the merged file imports again, merge_copies found the original both grew
// from and gives the same content as merge_documents from that original.
#pragma once
#include "core/copy_merge.h"
#include "core/document_json.h"
#include "core/edit.h"
#include "core/revision_changes.h"
#include "joint_response.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

namespace merge_bench {

inline double now_ms()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Two copies of one saved original, each saved once more with its own edits, as files.
struct Copies {
    std::string      name;
    parley::Document base;                              // the original, as its file reads
    parley::Document ours, theirs;                      // each copy, as its file reads
    std::string      base_file, ours_file, theirs_file; // the files (canonical text)
    int              changes_ours = 0, changes_theirs = 0;   // fields each side's revision records
    std::string      error;                             // a file import refused ("" = none)
};

// Words in the prose people wrote (answers, summary, sections, regimes, comments).
inline size_t prose_words(const parley::Document& d)
{
    size_t n = (size_t)parley::count_words(d.summary.text);
    for (const parley::Answer& a : d.answers)
        n += (size_t)(parley::count_words(a.reasoning) + parley::count_words(a.evidence) + parley::count_words(a.recommendations));
    for (const parley::Section& s : d.sections) n += (size_t)parley::count_words(s.body);
    for (const parley::Section& s : d.general_points) n += (size_t)parley::count_words(s.body);
    for (const parley::Regime& r : d.regimes) {
        n += (size_t)parley::count_words(r.summary);
        for (const parley::Dimension& m : r.dimensions) n += (size_t)parley::count_words(m.rationale);
    }
    for (const parley::Comment& c : d.comments) n += (size_t)parley::count_words(c.text);
    return n;
}

// A file as File > Open reads it; a file it refuses leaves the first reason in `error`.
inline parley::Document read_file(const std::string& text, const char* which, std::string* error)
{
    parley::ImportResult r = parley::import_document(text);
    if (!r.ok && error->empty()) *error = std::string(which) + ": " + (r.errors.empty() ? "?" : parley::format_error(r.errors[0]));
    return std::move(r.document);
}

// The original is `original` saved by ADCS; each side edits a copy of that file and saves it.
template <typename EditOurs, typename EditTheirs>
Copies make_copies(const std::string& name, parley::Document original, EditOurs edit_ours, EditTheirs edit_theirs)
{
    Copies c;
    c.name = name;
    parley::IdGenerator adcs{11}, lga{12}, ours_ids{13};
    const parley::Document as_opened = original;
    parley::record_revision_with_changes(original, as_opened, adcs, "ADCS", "Policy officer", "2026-11-02T09:00:00Z", "Sent to LGA for comment");
    c.base_file = parley::export_document(original);
    c.base = read_file(c.base_file, "the original", &c.error);
    parley::Document ours = c.base, theirs = c.base;
    edit_ours(ours);
    edit_theirs(theirs);
    c.changes_ours = (int)parley::record_revision_with_changes(ours, c.base, ours_ids, "ADCS", "Policy officer", "2026-11-04T10:00:00Z").changes.size();
    c.changes_theirs = (int)parley::record_revision_with_changes(theirs, c.base, lga, "LGA", "Policy adviser", "2026-11-03T15:00:00Z").changes.size();
    c.ours_file = parley::export_document(ours);
    c.theirs_file = parley::export_document(theirs);
    c.ours = read_file(c.ours_file, "ours", &c.error);
    c.theirs = read_file(c.theirs_file, "theirs", &c.error);
    return c;
}

// remove_question takes the comments on the question and its answer, but not comments on those
// comments (a comment's target may be another comment), which would then point at nothing and
// the file would not open again: they go too, until none is left.
inline void remove_orphan_replies(parley::Document& d)
{
    for (;;) {
        std::unordered_set<std::string> ids;
        parley::walk_objects(d, [&](const auto& obj, const parley::Field*) {
            if constexpr (parley::has_id_v<std::remove_const_t<std::remove_reference_t<decltype(obj)>>>) ids.insert(obj.id);
            return true;
        });
        ids.insert(d.id);
        const size_t before = d.comments.size();
        d.comments.erase(std::remove_if(d.comments.begin(), d.comments.end(), [&](const parley::Comment& c) { return !ids.count(c.target); }),
                         d.comments.end());
        if (d.comments.size() == before) return;
    }
}

inline parley::Position other_position(parley::Position p)
{
    return p == parley::Position::Agree ? parley::Position::Disagree : parley::Position::Agree;
}

inline parley::Comment comment(const std::string& id, const std::string& target, const std::string& org, const std::string& text)
{
    parley::Comment c;
    c.id = id;
    c.target = target;
    c.author = "Policy adviser";
    c.organisation = org;
    c.time = "2026-11-03T14:00:00Z";
    c.text = text;
    return c;
}

inline Copies make_response_copies()
{
    return make_copies("joint response", joint::make_response(),
        [](parley::Document& d) {   // ADCS
            for (int i : {0, 4, 8, 12, 16})
                joint::replace_sentence(d.answers[(size_t)i].reasoning, 2, "ADCS rewrote this sentence of answer " + std::to_string(i + 1) + " after the LGA call.");
            joint::replace_sentence(d.summary.text, 0, "We support the direction of the proposals, with the conditions set out below.");
            d.answers[8].position = parley::Position::Agree;
            d.answers[16].position = parley::Position::Disagree;
        },
        [](parley::Document& d) {   // LGA
            for (int i : {2, 4, 6, 10}) {
                std::string& text = d.answers[(size_t)i].reasoning;
                joint::replace_sentence(text, joint::sentence_count(text) - 1, "LGA closes answer " + std::to_string(i + 1) + " with the councils' view.");
            }
            joint::replace_sentence(d.answers[19].recommendations, 1, "Inspectors should share their findings with elected members on the last day.");
            d.answers[2].signatories[0].position = parley::Position::Disagree;   // LGA's own view on question 3
            d.comments.push_back(comment("cmt-lga-1", d.answers[6].id, "LGA", "Could we give an example from a shire county here?"));
            parley::Question q;
            q.id = "q-lga-1";
            q.number = "20a";
            q.text = "Do you have any views on how the proposals affect councils' workforce planning?";
            d.questions.insert(d.questions.begin() + 20, q);
            parley::Answer a;
            a.id = "ans-lga-1";
            a.question = q.id;
            a.position = parley::Position::PartlyAgree;
            std::mt19937 rng(41);
            a.reasoning = joint::paragraph(rng, 300);
            d.answers.insert(d.answers.begin() + 20, a);
            parley::remove_question(d, d.questions.back().id);
        });
}

// A few hundred fields edited on each side, spread over the whole draft. Per side:
//  ours   every 5th answer (0, 5, ...): its reasoning's second sentence rewritten; every 50th
//         answer: its position; every regime: one dimension (a number one higher, or a
//         sentence of its rationale rewritten); 30 workshop scores; 20 comments added; the
//         summary's first sentence;
//  theirs every 5th answer (2, 7, ...): a sentence of its evidence; every 50th answer (which
//         ours edited too): the last sentence of its reasoning; every 25th answer (10, 35, ...):
//         a co-signatory's position; every regime: another dimension's rationale; 30 other
//         workshop scores; 10 sections' bodies; 5 questions removed with their answers (and the
//         comments on them), 5 added with answers.
inline Copies make_draft_copies(const parley::Document& draft)
{
    auto edit_dimension = [](parley::Dimension& m, const std::string& who) {
        if (m.value.type == parley::ValueType::Number) m.value.number += 1;
        else joint::replace_sentence(m.rationale, 0, who + " rewrote the first sentence of this rationale.");
    };
    return make_copies("10 MB draft", draft,
        [&](parley::Document& d) {   // ours
            for (size_t i = 0; i < d.answers.size(); i += 5)
                joint::replace_sentence(d.answers[i].reasoning, 1, "Ours rewrote the second sentence of this answer.");
            for (size_t i = 0; i < d.answers.size(); i += 50) d.answers[i].position = other_position(d.answers[i].position);
            for (size_t g = 0; g < d.regimes.size(); g++)
                if (!d.regimes[g].dimensions.empty()) edit_dimension(d.regimes[g].dimensions[g % d.regimes[g].dimensions.size()], "Ours");
            for (size_t i = 0; i < d.workshop.scores.size() && i < 30 * 96; i += 96) d.workshop.scores[i].score = d.workshop.scores[i].score >= 3 ? 1 : 4;
            for (int k = 0; k < 20 && !d.answers.empty(); k++)
                d.comments.push_back(comment("cmt-ours-" + std::to_string(k), d.answers[(size_t)k * 35 % d.answers.size()].id, "ADCS", "Ours asks whether this still holds."));
            joint::replace_sentence(d.summary.text, 0, "Ours rewrote the opening of the summary.");
        },
        [&](parley::Document& d) {   // theirs
            for (size_t i = 2; i < d.answers.size(); i += 5) joint::replace_sentence(d.answers[i].evidence, 0, "Theirs rewrote the first sentence of the evidence.");
            for (size_t i = 0; i < d.answers.size(); i += 50) {
                std::string& text = d.answers[i].reasoning;
                joint::replace_sentence(text, joint::sentence_count(text) - 1, "Theirs rewrote the last sentence of this answer.");
            }
            for (size_t i = 10; i < d.answers.size(); i += 25)
                if (!d.answers[i].signatories.empty()) d.answers[i].signatories[0].position = other_position(d.answers[i].signatories[0].position);
            for (size_t g = 0; g < d.regimes.size(); g++) {
                std::vector<parley::Dimension>& dims = d.regimes[g].dimensions;
                if (dims.size() > 1) joint::replace_sentence(dims[(g + dims.size() / 2) % dims.size()].rationale, 0, "Theirs rewrote the first sentence of this rationale.");
            }
            for (size_t i = 48; i < d.workshop.scores.size() && i < 30 * 96; i += 96) d.workshop.scores[i].score = d.workshop.scores[i].score >= 3 ? 0 : 5;
            for (size_t i = 0; i < d.sections.size() && i < 30; i += 3) joint::replace_sentence(d.sections[i].body, 0, "Theirs rewrote the start of this section.");
            // Removed: questions whose answers ours did not touch (answers 3, 13, 23, ...: i % 5 == 3).
            std::vector<std::string> gone;
            for (size_t i = 3; i < d.answers.size() && gone.size() < 5; i += 10 * 13) gone.push_back(d.answers[i].question);
            for (const std::string& id : gone) parley::remove_question(d, id);
            remove_orphan_replies(d);
            std::mt19937 rng(7);
            for (int k = 0; k < 5; k++) {
                parley::Question q;
                q.id = "q-theirs-" + std::to_string(k);
                q.number = "new " + std::to_string(k + 1);
                q.text = "A question theirs added?";
                const size_t at = std::min(d.questions.size(), (size_t)(k + 1) * 100);
                d.questions.insert(d.questions.begin() + (long)at, q);
                parley::Answer a;
                a.id = "ans-theirs-" + std::to_string(k);
                a.question = q.id;
                a.position = parley::Position::Agree;
                a.reasoning = joint::paragraph(rng, 200);
                d.answers.insert(d.answers.begin() + (long)std::min(d.answers.size(), at), a);
            }
        });
}

// ---------------------------------------------------------------------------------------------
// Timing

struct Figures {
    std::string name;
    size_t words = 0, bytes_ours = 0, bytes_theirs = 0;
    int changes_ours = 0, changes_theirs = 0;
    std::vector<double> merge_ms;   // (a) merge_documents alone
    std::vector<double> full_ms;    // (b) import both + merge_copies + export
    // The warm-up runs. The whole path runs first, so its first run is the first merge of a
    // process or page (in WASM: on code V8 has not optimised yet); `runs` 0 times only these.
    double first_merge_ms = 0, first_full_ms = 0;
    // (b) stage by stage, one entry per run
    std::vector<double> import_ms, copies_ms, export_ms;
    // parts of merge_copies, timed apart
    std::vector<double> original_ms, changes_ms;
    size_t conflicts = 0, incoming = 0, merged_bytes = 0;
    bool found_original = false;   // merge_copies rebuilt the original both copies grew from
    bool same_as_direct = false;   // and its merge has the content merge_documents gives from it
    bool valid = false;            // the merged file imports again
    std::string error;             // a copy's file was refused: nothing was timed
};

// The content alone: what people wrote, not the history of it.
inline std::string content(parley::Document d)
{
    d.revisions.clear();
    d.merge = parley::PendingMerge{};
    return parley::export_document(d);
}

inline Figures run(const Copies& c, int runs)
{
    Figures f;
    f.name = c.name;
    f.words = prose_words(c.base);
    f.bytes_ours = c.ours_file.size();
    f.bytes_theirs = c.theirs_file.size();
    f.changes_ours = c.changes_ours;
    f.changes_theirs = c.changes_theirs;
    f.error = c.error;
    if (!f.error.empty()) return f;

    parley::CopyMergeOptions options;
    options.organisation = "ADCS";
    options.author = "Policy officer";
    options.utc_time = "2026-11-05T09:00:00Z";
    std::string merged;
    parley::CopyMerge last;
    for (int i = 0; i <= runs; i++) {
        parley::IdGenerator ids{99};
        const double t0 = now_ms();
        parley::ImportResult ours = parley::import_document(c.ours_file);
        parley::ImportResult theirs = parley::import_document(c.theirs_file);
        const double t1 = now_ms();
        parley::CopyMerge m = parley::merge_copies(ours.document, ours.document, theirs.document, ids, options);
        const double t2 = now_ms();
        merged = parley::export_document(m.result.doc);
        const double t3 = now_ms();
        if (i > 0) {
            f.full_ms.push_back(t3 - t0);
            f.import_ms.push_back(t1 - t0);
            f.copies_ms.push_back(t2 - t1);
            f.export_ms.push_back(t3 - t2);
        } else {
            f.first_full_ms = t3 - t0;
        }
        if (i == runs) last = std::move(m);
    }
    parley::MergeResult direct;
    for (int i = 0; i <= runs; i++) {
        const double t0 = now_ms();
        parley::MergeResult r = parley::merge_documents(c.base, c.ours, c.theirs);
        const double ms = now_ms() - t0;
        if (i > 0) f.merge_ms.push_back(ms);   // run 0 is the warm-up
        else f.first_merge_ms = ms;
        if (i == runs) direct = std::move(r);
    }

    // The parts of merge_copies besides the merge itself.
    for (int i = 0; i <= runs; i++) {
        parley::SharedOriginal shared;
        double t0 = now_ms();
        parley::find_shared_original(c.ours, c.theirs, &shared);
        const double original = now_ms() - t0;
        t0 = now_ms();
        const std::vector<parley::RevisionChange> changes = parley::changes_between(direct.doc, c.ours);
        const double ms = now_ms() - t0;
        if (i > 0) { f.original_ms.push_back(original); f.changes_ms.push_back(ms); }
    }

    f.conflicts = last.result.conflicts();
    f.incoming = last.result.incoming.size();
    f.merged_bytes = merged.size();
    f.found_original = last.status == parley::CopyMergeStatus::Merged && last.original == parley::head_revision(c.base);
    f.same_as_direct = f.found_original && content(last.result.doc) == content(direct.doc);
    f.valid = parley::import_document(merged).ok;
    return f;
}

inline std::string list_json(const std::vector<double>& v)
{
    std::string s = "[";
    char buf[32];
    for (size_t i = 0; i < v.size(); i++) {
        snprintf(buf, sizeof(buf), "%s%.3f", i ? "," : "", v[i]);
        s += buf;
    }
    return s + "]";
}

inline std::string json_string(const std::string& text)
{
    std::string s = "\"";
    for (const char ch : text) {
        if (ch == '"' || ch == '\\') s += '\\';
        if ((unsigned char)ch < 0x20) { s += ' '; continue; }
        s += ch;
    }
    return s + "\"";
}

inline std::string json(const Figures& f)
{
    char buf[512];
    snprintf(buf, sizeof(buf),
             "{\"name\":\"%s\",\"words\":%zu,\"bytes_ours\":%zu,\"bytes_theirs\":%zu,\"changes_ours\":%d,\"changes_theirs\":%d,"
             "\"conflicts\":%zu,\"incoming\":%zu,\"merged_bytes\":%zu,\"found_original\":%s,\"same_as_direct\":%s,\"valid\":%s,",
             f.name.c_str(), f.words, f.bytes_ours, f.bytes_theirs, f.changes_ours, f.changes_theirs, f.conflicts, f.incoming,
             f.merged_bytes, f.found_original ? "true" : "false", f.same_as_direct ? "true" : "false", f.valid ? "true" : "false");
    std::string s = buf;
    snprintf(buf, sizeof(buf), "\"first_merge_ms\":%.3f,\"first_full_ms\":%.3f,", f.first_merge_ms, f.first_full_ms);
    s += buf;
    s += "\"merge_ms\":" + list_json(f.merge_ms) + ",\"full_ms\":" + list_json(f.full_ms) + ",\"import_ms\":" + list_json(f.import_ms) +
         ",\"copies_ms\":" + list_json(f.copies_ms) + ",\"export_ms\":" + list_json(f.export_ms) + ",\"original_ms\":" + list_json(f.original_ms) +
         ",\"changes_ms\":" + list_json(f.changes_ms) + ",\"error\":" + json_string(f.error) + "}";
    return s;
}

} // namespace merge_bench
