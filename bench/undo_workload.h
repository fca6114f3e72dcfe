// make bench, undo part: 1,000 edits of a big draft as people make them, through the edit
// session (src/session), timed one by one with the end-of-frame commit, and the memory the
// undo log holds. Shared by the native and the WASM bench so both run the same edits.
//
// The mix, in every ten edits: seven keys typed into an answer (bursts of 20 keys in one field,
// 100 ms apart, so they group as the app groups them; then the next answer), one dimension's
// value changed, one question added or moved (the change names the question list), one
// question removed with its answer and comments (the change names what core/edit.h says it
// touches: the question list, that answer alone, the comments).
//
// The peer is the undo Parley had before: a whole copy of the document per step (200 steps
// kept). It runs the same edits until it has made `peer_steps` copies (a thousand would not
// fit in memory), and its memory per step is what it would hold at 200 steps.
#pragma once
#include "core/document_json.h"
#include "core/edit.h"
#include "core/text_fields.h"
#include "session/edit_session.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace undo_bench {

inline double now_ms()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

enum Kind { Typing, Value, AddOrMove, Remove, KindCount };
inline const char* kind_name(int k)
{
    static const char* const names[] = {"typing", "value", "add_or_move", "remove"};
    return names[k];
}

struct Figures {
    int    edits = 0;
    double ms[KindCount] = {}, max_ms[KindCount] = {};
    int    count[KindCount] = {};
    size_t log_bytes = 0, max_log_bytes = 0, max_pending_bytes = 0, doc_bytes = 0;
    int    steps = 0;
    size_t forgotten = 0;        // steps dropped to keep within the budget
    double undo_all_ms = 0, redo_all_ms = 0;
    bool   round_trip = false;   // undoing everything gave the first document back, redoing the last
    // The peer (whole copies).
    int    peer_steps = 0;
    double peer_ms_per_step = 0;
    size_t peer_bytes_per_step = 0;
};

// One edit of the mix on `doc`, through `record` (called with group and scope before the change).
template <typename Record>
Kind edit(parley::Document& doc, int i, double* clock_ms, Record record)
{
    const int slot = i % 10;
    if (slot < 7 && !doc.answers.empty()) {
        const int key = i - (i / 10) * 3;   // the typing keys so far
        parley::Answer& a = doc.answers[(size_t)(key / 20) % doc.answers.size()];
        *clock_ms += key % 20 == 0 ? 2000 : 100;   // a new field after a pause, then keys 100 ms apart
        const std::string group = parley::text_field_key(a.id, "reasoning");
        record(group, "");
        a.reasoning += (char)('a' + key % 26);
        return Typing;
    }
    *clock_ms += 2000;
    if (slot == 7 && !doc.regimes.empty()) {
        parley::Regime& g = doc.regimes[(size_t)i % doc.regimes.size()];
        if (!g.dimensions.empty()) {
            parley::Dimension& d = g.dimensions[(size_t)(i / 10) % g.dimensions.size()];
            record(d.id + "/value", "");
            d.value.type = parley::ValueType::Text;
            d.value.text = "changed in edit " + std::to_string(i);
        }
        return Value;
    }
    if (slot == 8) {
        record("", "document/questions");
        if ((i / 10) % 2 == 0) {
            parley::Question q;
            q.id = "q-bench-" + std::to_string(i);
            q.text = "A question added by the benchmark?";
            doc.questions.insert(doc.questions.begin() + (long)(doc.questions.size() / 2), q);
        } else if (doc.questions.size() > 1) {
            parley::move_item(doc.questions, (int)(doc.questions.size() / 3), +1);
        }
        return AddOrMove;
    }
    if (!doc.questions.empty()) {
        const std::string id = doc.questions[(size_t)i * 7 % doc.questions.size()].id;
        record("", parley::remove_question_scope(doc, id));   // the question list, its answer alone, the comments
        parley::remove_question(doc, id);
    }
    return Remove;
}

inline Figures run(const parley::Document& start, int edits, int peer_steps)
{
    Figures f;
    f.edits = edits;
    f.doc_bytes = parley::approx_bytes(start);
    EditSession s;
    Session_Replace(s, start);
    const std::string first = parley::export_document(s.doc);
    double clock = 0;
    for (int i = 0; i < edits; i++) {
        const double t0 = now_ms();
        const Kind k = edit(s.doc, i, &clock, [&](const std::string& group, const std::string& scope) {
            s.now_ms = clock;
            Session_BeforeEdit(s, group, scope);
            f.max_pending_bytes = std::max(f.max_pending_bytes, parley::history_pending_bytes(s.history));
        });
        Session_EndFrame(s);   // the app commits each frame; one edit per frame here
        const double ms = now_ms() - t0;
        f.ms[k] += ms;
        f.max_ms[k] = std::max(f.max_ms[k], ms);
        f.count[k]++;
        f.max_log_bytes = std::max(f.max_log_bytes, s.history.bytes);
    }
    f.log_bytes = s.history.bytes;
    f.steps = (int)s.history.undo.size();
    const std::string last = parley::export_document(s.doc);
    double t0 = now_ms();
    while (Session_Undo(s)) {}
    f.undo_all_ms = now_ms() - t0;
    // The log keeps the newest steps within its budget: undoing everything reaches the first
    // document only when no step was forgotten.
    f.forgotten = s.history.forgotten;
    const bool back_to_first = parley::export_document(s.doc) == first;
    t0 = now_ms();
    while (Session_Redo(s)) {}
    f.redo_all_ms = now_ms() - t0;
    f.round_trip = parley::export_document(s.doc) == last && (back_to_first || f.forgotten > 0);

    // The peer: a whole copy per step, same grouping rule (a new step after a pause or another field).
    parley::Document doc = start;
    std::vector<parley::Document> copies;
    std::string group;
    double last_ms = -1e9, copy_ms = 0;
    clock = 0;
    for (int i = 0; i < edits && (int)copies.size() < peer_steps; i++) {
        edit(doc, i, &clock, [&](const std::string& g, const std::string&) {
            const bool joins = !g.empty() && g == group && clock - last_ms < parley::kHistoryPauseMs;
            group = g;
            last_ms = clock;
            if (joins) return;
            const double c0 = now_ms();
            copies.push_back(doc);
            copy_ms += now_ms() - c0;
        });
    }
    f.peer_steps = (int)copies.size();
    f.peer_ms_per_step = copies.empty() ? 0 : copy_ms / copies.size();
    f.peer_bytes_per_step = copies.empty() ? 0 : parley::approx_bytes(copies.back());
    return f;
}

inline std::string json(const Figures& f)
{
    char buf[256];
    std::string s = "{";
    snprintf(buf, sizeof(buf), "\"edits\":%d,\"log_bytes\":%zu,\"max_log_bytes\":%zu,\"max_pending_bytes\":%zu,\"doc_bytes\":%zu,\"steps\":%d,\"forgotten\":%zu,",
             f.edits, f.log_bytes, f.max_log_bytes, f.max_pending_bytes, f.doc_bytes, f.steps, f.forgotten);
    s += buf;
    snprintf(buf, sizeof(buf), "\"undo_all_ms\":%.3f,\"redo_all_ms\":%.3f,\"round_trip\":%s,\"peer_steps\":%d,\"peer_ms_per_step\":%.3f,\"peer_bytes_per_step\":%zu,",
             f.undo_all_ms, f.redo_all_ms, f.round_trip ? "true" : "false", f.peer_steps, f.peer_ms_per_step, f.peer_bytes_per_step);
    s += buf;
    s += "\"kinds\":{";
    for (int k = 0; k < KindCount; k++) {
        snprintf(buf, sizeof(buf), "%s\"%s\":{\"count\":%d,\"mean_ms\":%.4f,\"max_ms\":%.3f}", k ? "," : "", kind_name(k), f.count[k],
                 f.count[k] ? f.ms[k] / f.count[k] : 0.0, f.max_ms[k]);
        s += buf;
    }
    double total = 0;
    for (int k = 0; k < KindCount; k++) total += f.ms[k];
    snprintf(buf, sizeof(buf), "},\"mean_ms\":%.4f}", f.edits ? total / f.edits : 0.0);
    return s + buf;
}

} // namespace undo_bench
