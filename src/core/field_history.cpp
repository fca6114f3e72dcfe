// Who wrote what (field_history.h): one field's text walked back through the revisions.
#include "field_history.h"

#include "paths.h"
#include "revision_changes.h"

#include <unordered_map>
#include <unordered_set>

namespace parley {

namespace {

std::vector<std::string> Segments(const std::string& path)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t slash = path.find('/', start);
        out.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return out;
}

// The text the path names in a document ("" when absent: an object not there yet, an empty field).
std::string TextAt(const Document& doc, const std::string& path)
{
    JsonValue v;
    if (!path_get(doc, path, &v) || v.type != JsonValue::String) return "";
    return v.text;
}

// The text under an element kept whole by a revision (an answer it added or removed), found by
// the rest of the path: members by name, list elements by id.
std::string TextInside(const JsonValue& element, const std::vector<std::string>& rest)
{
    const JsonValue* v = &element;
    for (const std::string& s : rest) {
        if (v->type == JsonValue::Object) {
            v = v->find(s);
        } else if (v->type == JsonValue::Array) {
            const JsonValue* found = nullptr;
            for (const JsonValue& item : v->items) {
                const JsonValue* id = item.type == JsonValue::Object ? item.find("id") : nullptr;
                if (id && id->type == JsonValue::String && id->text == s) { found = &item; break; }
            }
            v = found;
        } else {
            v = nullptr;
        }
        if (!v) return "";
    }
    return v->type == JsonValue::String ? v->text : std::string();
}

// How a recorded change bears on the field: it is the field itself, or an element the field
// is in (added or removed whole). A list's new order (its keys, an array) changes no words.
enum class Bearing { None, Field, Holder };
Bearing BearingOf(const RevisionChange& c, const std::string& path)
{
    if (c.at == path) return Bearing::Field;
    if (c.at.size() < path.size() && path.compare(0, c.at.size(), c.at) == 0 && path[c.at.size()] == '/')
        return c.was.type == JsonValue::Array ? Bearing::None : Bearing::Holder;
    return Bearing::None;
}

// Undoes one revision's changes to the field, in the order they were recorded.
bool UndoRevision(const Revision& r, const std::string& path, std::string& text)
{
    for (const RevisionChange& c : r.changes) {
        const Bearing b = BearingOf(c, path);
        if (b == Bearing::None) continue;
        if (b == Bearing::Field) {
            if (c.edits.type != JsonValue::Null) {
                if (!apply_word_edits(text, c.edits, nullptr)) return false;
            } else if (c.was.type == JsonValue::String || c.was.type == JsonValue::Null) {
                text = c.was.type == JsonValue::String ? c.was.text : std::string();
            } else {
                return false;
            }
        } else {   // the element the field is in, as it was: absent (null) or whole
            const std::vector<std::string> rest = Segments(path.substr(c.at.size() + 1));
            text = c.was.type == JsonValue::Object ? TextInside(c.was, rest) : std::string();
        }
    }
    return true;
}

bool Touches(const Revision& r, const std::string& path)
{
    for (const RevisionChange& c : r.changes)
        if (BearingOf(c, path) != Bearing::None) return true;
    return false;
}

using RevisionIndex = std::unordered_map<std::string, size_t>;


std::string WhoOf(const Revision& r) { return !r.organisation.empty() ? r.organisation : r.author; }

// A merge revision: whose copy came in, and which revision of that copy (not already in ours)
// last changed the field, back along the copy's parents.
void FillMerge(const Document& doc, const RevisionIndex& at, const Revision& r, const std::string& path, FieldHistoryEntry& e)
{
    auto theirs = at.find(r.merged);
    if (theirs == at.end()) return;
    e.merged_from = WhoOf(doc.revisions[theirs->second]);
    const std::unordered_set<std::string> ours = revision_ancestors(doc, r.parent);
    std::unordered_set<std::string> seen;
    std::string id = r.merged;
    while (!id.empty() && !ours.count(id) && seen.insert(id).second) {
        auto it = at.find(id);
        if (it == at.end()) return;
        const Revision& t = doc.revisions[it->second];
        if (!t.kept) return;   // that copy's history stops: say only whose copy it was
        if (Touches(t, path)) {
            e.origin_organisation = t.organisation;
            e.origin_author = t.author;
            e.origin_time = t.time;
            return;
        }
        id = t.parent;
    }
}

FieldHistoryEntry FromRevision(const Revision& r, FieldEntryKind kind)
{
    FieldHistoryEntry e;
    e.kind = kind;
    e.revision = r.id;
    e.organisation = r.organisation;
    e.author = r.author;
    e.time = r.time;
    e.note = r.note;
    return e;
}

std::string Plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// Runs of words of one kind (deleted or inserted), joined, trimmed and cut to about max_chars.
std::string Runs(const FieldHistoryEntry& e, DiffOp op, size_t max_chars)
{
    std::string out;
    for (const DiffPiece& p : e.diff.pieces) {
        if (p.op != op) continue;
        const std::string& from = op == DiffOp::Insert ? e.after : e.before;
        const size_t b = op == DiffOp::Insert ? p.b_begin : p.a_begin, end = op == DiffOp::Insert ? p.b_end : p.a_end;
        std::string run = from.substr(b, end - b);
        for (char& ch : run) if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
        const size_t first = run.find_first_not_of(' '), last = run.find_last_not_of(' ');
        if (first == std::string::npos) continue;
        run = run.substr(first, last - first + 1);
        if (!out.empty()) out += " \xE2\x80\xA6 ";
        out += run;
        if (out.size() > max_chars) break;
    }
    if (out.size() > max_chars) {
        size_t cut = max_chars;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) cut--;   // never inside a character
        out = out.substr(0, cut) + "\xE2\x80\xA6";
    }
    return out;
}

// Cuts an unchanged stretch to `keep` bytes either side (at a space where one is near), so the
// change shows with its context and not the whole text around it. The first stretch keeps only
// its end, the last only its start.
std::string Shorten(std::string_view text, bool first, bool last, size_t keep)
{
    if (text.size() <= 2 * keep + 40) return std::string(text);
    auto boundary = [&](size_t at, bool forward) {   // a space near `at`, else a character boundary
        size_t p = at;
        for (size_t n = 0; n < 24 && p > 0 && p < text.size() && text[p] != ' '; n++) p += forward ? 1 : -1;
        if (p == 0 || p >= text.size() || text[p] != ' ') p = at;
        while (p > 0 && p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) p--;
        return p;
    };
    if (first && last) return std::string(text);
    const std::string ellipsis = "\xE2\x80\xA6";
    std::string out;
    if (!first) out.append(text.substr(0, boundary(keep, true))).append(" " + ellipsis);
    if (!last) {
        const size_t tail = boundary(text.size() - keep, false);
        out.append((first ? ellipsis : std::string()) + " ").append(text.substr(tail + (text[tail] == ' ' ? 1 : 0)));
    }
    return out;
}

void Excerpt(FieldHistoryEntry& e, size_t keep)
{
    e.shown_before.clear();
    e.shown_after.clear();
    e.shown_diff = TextDiff{};
    e.shown_diff.words_equal = e.diff.words_equal;
    e.shown_diff.words_deleted = e.diff.words_deleted;
    e.shown_diff.words_inserted = e.diff.words_inserted;
    e.shown_diff.moves = e.diff.moves;
    e.shown_diff.all_equal = e.diff.all_equal;
    const size_t n = e.diff.pieces.size();
    for (size_t i = 0; i < n; i++) {
        const DiffPiece& p = e.diff.pieces[i];
        DiffPiece q = p;
        q.a_begin = q.a_end = (uint32_t)e.shown_before.size();
        q.b_begin = q.b_end = (uint32_t)e.shown_after.size();
        if (p.op == DiffOp::Equal) {
            const std::string s = Shorten(std::string_view(e.before).substr(p.a_begin, p.a_end - p.a_begin), i == 0, i + 1 == n, keep);
            e.shown_before += s;
            e.shown_after += s;
        } else if (p.op == DiffOp::Delete) {
            e.shown_before.append(e.before, p.a_begin, p.a_end - p.a_begin);
        } else {
            e.shown_after.append(e.after, p.b_begin, p.b_end - p.b_begin);
        }
        q.a_end = (uint32_t)e.shown_before.size();
        q.b_end = (uint32_t)e.shown_after.size();
        e.shown_diff.pieces.push_back(q);
    }
}

} // namespace

FieldHistoryList field_history(const Document& draft, const Document* saved, const std::string& path, const FieldHistoryBudget& budget)
{
    FieldHistoryList h;
    h.path = path;
    const std::string now = TextAt(draft, path);
    if (!saved && !draft.revisions.empty()) {
        FieldHistoryEntry e;
        e.kind = FieldEntryKind::NotRecorded;
        e.message = "This draft was restored with changes no revision records, so its history shows again after the next save.";
        h.entries.push_back(std::move(e));
        return h;
    }
    std::string text = saved ? TextAt(*saved, path) : std::string();
    if (text != now) {
        FieldHistoryEntry e;
        e.kind = FieldEntryKind::Unsaved;
        e.before = text;
        e.after = now;
        h.entries.push_back(std::move(e));
    }

    RevisionIndex at;
    for (size_t i = 0; i < draft.revisions.size(); i++) at.emplace(draft.revisions[i].id, i);
    size_t bytes = 0;
    std::unordered_set<std::string> seen;
    std::string id = head_revision(draft);
    while (!id.empty()) {
        if ((size_t)h.revisions_walked >= budget.max_revisions || h.entries.size() >= budget.max_entries || bytes >= budget.max_bytes) {
            FieldHistoryEntry e;
            e.kind = FieldEntryKind::NotShown;
            std::unordered_set<std::string> counted;
            for (std::string k = id; !k.empty() && counted.insert(k).second;) {
                auto it = at.find(k);
                if (it == at.end()) break;
                k = draft.revisions[it->second].parent;
            }
            e.hidden = (int)counted.size();
            e.message = (h.entries.size() >= budget.max_entries ? "This list stops at " + Plural(budget.max_entries, "change", "changes")
                                                               : std::string("This list stops here to stay quick")) +
                        ": " + Plural(counted.size(), "earlier revision was", "earlier revisions were") + " not searched.";
            h.entries.push_back(std::move(e));
            break;
        }
        auto it = at.find(id);
        if (it == at.end() || !seen.insert(id).second) {
            FieldHistoryEntry e;
            e.kind = FieldEntryKind::NotRecorded;
            e.message = "Earlier changes are not recorded in this file (a revision it names is missing).";
            h.entries.push_back(std::move(e));
            break;
        }
        const Revision& r = draft.revisions[it->second];
        h.revisions_walked++;
        if (!r.kept) {
            if (r.parent.empty()) {   // the first revision: what it saved is where the words start
                if (!text.empty()) {
                    FieldHistoryEntry e = FromRevision(r, FieldEntryKind::First);
                    e.after = text;
                    h.entries.push_back(std::move(e));
                }
            } else {
                FieldHistoryEntry e = FromRevision(r, FieldEntryKind::NotRecorded);
                e.message = "Earlier changes are not recorded in this file.";
                h.entries.push_back(std::move(e));
            }
            break;
        }
        const std::string after = text;
        if (!UndoRevision(r, path, text)) {
            FieldHistoryEntry e = FromRevision(r, FieldEntryKind::NotRecorded);
            e.message = "Earlier changes cannot be shown: the changes recorded by the revision saved " + revision_time_words(r.time) + " do not fit this text.";
            h.entries.push_back(std::move(e));
            break;
        }
        if (text != after) {
            FieldHistoryEntry e = FromRevision(r, r.merged.empty() ? FieldEntryKind::Revision : FieldEntryKind::Merge);
            if (!r.merged.empty()) FillMerge(draft, at, r, path, e);
            e.before = text;
            e.after = after;
            bytes += e.before.size() + e.after.size();
            h.entries.push_back(std::move(e));
        }
        id = r.parent;
    }
    for (FieldHistoryEntry& e : h.entries)
        if (e.kind == FieldEntryKind::Unsaved || e.kind == FieldEntryKind::Revision || e.kind == FieldEntryKind::Merge || e.kind == FieldEntryKind::First)
        {
            e.diff = diff_text(e.before, e.after);
            Excerpt(e, 160);
        }
    return h;
}

std::string text_field_path(const Document& doc, const std::string& key)
{
    const size_t slash = key.rfind('/');
    if (slash == std::string::npos || slash == 0) return "";
    const std::string id = key.substr(0, slash), member = key.substr(slash + 1);
    if (id == "document") return member;    // the two objects without ids (text_fields.h)
    if (id == "summary") return "summary/" + member;
    const std::string object = path_of_id(doc, id);
    return object.empty() ? std::string() : path_join(object, member);
}

std::string revision_time_words(const std::string& utc, bool clock)
{
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    auto digits = [&](size_t from, size_t n) {
        for (size_t i = from; i < from + n; i++)
            if (i >= utc.size() || utc[i] < '0' || utc[i] > '9') return false;
        return true;
    };
    if (utc.size() < 16 || !digits(0, 4) || utc[4] != '-' || !digits(5, 2) || utc[7] != '-' || !digits(8, 2) || utc[10] != 'T' || !digits(11, 2) ||
        utc[13] != ':' || !digits(14, 2))
        return utc;
    const int month = std::stoi(utc.substr(5, 2)), day = std::stoi(utc.substr(8, 2));
    if (month < 1 || month > 12) return utc;
    std::string s = std::to_string(day) + " " + months[month - 1] + " " + utc.substr(0, 4);
    if (clock) s += " " + utc.substr(11, 5);
    return s;
}

std::string field_history_heading(const FieldHistoryEntry& e)
{
    if (e.kind == FieldEntryKind::Unsaved) return "Not saved yet";
    if (e.kind == FieldEntryKind::NotShown) return e.message;
    const char* dot = " \xC2\xB7 ";
    std::string s = e.organisation.empty() && e.author.empty() ? std::string("Organisation not given") : e.organisation;
    if (!e.author.empty()) s += (s.empty() ? "" : dot) + e.author;
    if (!e.time.empty()) s += dot + revision_time_words(e.time);
    if (!e.note.empty()) s += dot + e.note;
    else if (e.kind == FieldEntryKind::Merge) s += dot + std::string("merged in from ") + (e.merged_from.empty() ? std::string("another copy") : e.merged_from + "'s copy");
    return s;
}

std::string field_history_origin(const FieldHistoryEntry& e)
{
    if (e.kind != FieldEntryKind::Merge) return "";
    std::string s = "Brought in from " + (e.merged_from.empty() ? std::string("another copy") : e.merged_from + "'s copy");
    std::string who = e.origin_author;
    if (!e.origin_organisation.empty()) who += who.empty() ? e.origin_organisation : " (" + e.origin_organisation + ")";
    if (!e.origin_time.empty())
        s += (who.empty() ? std::string(", changed there on ") : ", where " + who + " changed it on ") + revision_time_words(e.origin_time);
    return s + ".";
}

std::string field_change_words(const FieldHistoryEntry& e, size_t max_chars)
{
    if (e.kind == FieldEntryKind::First) return "First saved with " + Plural((size_t)e.diff.words_inserted, "word", "words") + ".";
    const std::string added = Runs(e, DiffOp::Insert, max_chars), removed = Runs(e, DiffOp::Delete, max_chars);
    if (added.empty() && removed.empty()) return "Only spacing or line breaks changed.";
    std::string s;
    if (!added.empty()) s += "Added \xE2\x80\x9C" + added + "\xE2\x80\x9D";
    if (!removed.empty()) s += (s.empty() ? "Removed \xE2\x80\x9C" : "; removed \xE2\x80\x9C") + removed + "\xE2\x80\x9D";
    return s + ".";
}

} // namespace parley
