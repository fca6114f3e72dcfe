// The Parley document as the core sees it: plain structs, no ImGui, no browser.
//
// One Document is one *.parley.json file: a framework proposal, a consultation response or a
// workshop comparison. docs/format.md describes every field for people who never read code;
// document_json.cpp reads and writes it. Three rules shape everything here:
//  - every object another organisation may compare, merge or comment on carries an `id` that
//    is unique in the document and never changes, so copies held by different bodies line up;
//  - every object keeps the members this version does not know in `extra`, in file order, and
//    writes them back unchanged: a newer colleague's file survives a trip through an older copy;
//  - the file records its revisions (who saved it, from which earlier revision), so a received
//    draft knows what it grew from.
//
// Each struct is followed by its field list, `describe()`: the one place a member is declared
// for the reader, the writer, word counts, text search, exports and comparisons (fields.h).
// A member added to a struct must be added to its list in the same order as the file has it.
#pragma once
#include "fields.h"
#include "extra_members.h"
#include "json_reader.h"

#include <cstdint>
#include <functional>
#include <type_traits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace parley {

enum class DocumentKind { Proposal, Response, Workshop };
enum class DocumentStatus { Draft, Agreed, Submitted };
enum class RegimeRole { Current, Proposed, Alternative };
enum class Position { Unset, Agree, PartlyAgree, Disagree, NoView };
enum class SignOff { Unseen, Agreed, Discuss, Objects };   // a co-signatory's sign-off of one answer
enum class ValueType { Text, Number, Range, Bound, Choice, Set, YesNo };
enum class BoundKind { AtLeast, AtMost };

// The reader's word for each kind of object ("an answer"), used in its messages.
#define PARLEY_OBJECT_NOUN(T, noun) constexpr const char* object_noun(const T*) { return noun; }

// A typed dimension value. Only the members of `type` mean anything; the others stay empty.
// Numbers are doubles: "50 cases", "2 weeks", "1.5 days".
struct Value {
    ValueType   type = ValueType::Text;
    std::string text;                      // Text
    double      number = 0;                // Number; Bound (the limit)
    double      min = 0, max = 0;          // Range
    BoundKind   bound = BoundKind::AtLeast;
    std::string unit;                      // Number, Range, Bound: "cases", "months", ... ("" = none)
    std::string list;                      // Choice (required), Set (optional): a named list's key
    std::string option;                    // Choice: the key of the chosen option
    std::vector<std::string> items;        // Set: option keys (from `list`) or free words
    bool        yes = false;               // YesNo
    ExtraMembers extra;
};

struct Source {
    std::string id, title, publisher, date, url;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Source, "a source")
template <typename V> void describe(V& v, const Source*)
{
    v(&Source::id,        Field::id(IdKind::Source));
    v(&Source::title,     Field::text("title", "Title", FieldRequired));
    v(&Source::publisher, Field::text("publisher", "Publisher"));
    v(&Source::date,      Field::date("date", "Date"));
    v(&Source::url,       Field::text("url", "Web address"));
}

struct Dimension {
    std::string id;
    std::string key;          // lines rows up across regimes: a catalogue key or the user's own
    std::string label;        // "" = the catalogue's label
    Value       value;
    std::string rationale;    // prose: why this setting
    std::vector<std::string> sources;   // Source ids
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Dimension, "a dimension")
template <typename V> void describe(V& v, const Dimension*)
{
    v(&Dimension::id,        Field::id(IdKind::Dimension));
    v(&Dimension::key,       Field::key("key", nullptr, FieldRequired));
    v(&Dimension::label,     Field::text("label", "Label"));
    v(&Dimension::value,     Field::object("value", "Setting", FieldRequired | FieldCustom));
    v(&Dimension::rationale, Field::prose("rationale", "Rationale", "Why this setting: what it changes and for whom.", FieldLead));
    v(&Dimension::sources,   Field::ref("sources", "Sources", IdKind::Source));
}

struct Regime {
    std::string id;
    std::string name;
    RegimeRole  role = RegimeRole::Proposed;
    std::string owner;        // Organisation id of whoever put it forward ("" = unknown)
    std::string based_on;     // Regime id it amends, e.g. an alternative based on the proposal
    std::string summary;      // prose
    std::vector<Dimension> dimensions;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Regime, "a regime")
template <typename V> void describe(V& v, const Regime*)
{
    v(&Regime::id,         Field::id(IdKind::Regime));
    v(&Regime::name,       Field::text("name", "Name", FieldRequired | FieldCounted));
    v(&Regime::role,       Field::choice("role", "Role", FieldRequired));
    v(&Regime::owner,      Field::ref("owner", "Put forward by", IdKind::Organisation));
    v(&Regime::based_on,   Field::ref("based_on", "Based on", IdKind::Regime));
    v(&Regime::summary,    Field::prose("summary", "Summary", "What this regime is, in a few sentences.", FieldLead));
    v(&Regime::dimensions, Field::list("dimensions", "Dimensions"));
}

struct ListOption {
    std::string key, label;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(ListOption, "an option")
template <typename V> void describe(V& v, const ListOption*)
{
    v(&ListOption::key,   Field::key("key", nullptr, FieldRequired | FieldIdentity));
    v(&ListOption::label, Field::text("label", "Label", FieldRequired));
}

// A named list of options for choice and set values, defined by the user. The catalogue's
// built-in lists (notice, judgement_style, agencies, ...) need no definition in the file.
struct NamedList {
    std::string key, label;
    std::vector<ListOption> options;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(NamedList, "a list")
template <typename V> void describe(V& v, const NamedList*)
{
    v(&NamedList::key,     Field::key("key", nullptr, FieldRequired | FieldIdentity));
    v(&NamedList::label,   Field::text("label", "Label", FieldRequired));
    v(&NamedList::options, Field::list("options", "Options", FieldRequired));
}

struct Consultation {
    std::vector<std::string> owners;   // "Ofsted", "CQC", ...
    std::string title, reference, opened, closes, url;   // dates as YYYY-MM-DD
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Consultation, "the consultation")
template <typename V> void describe(V& v, const Consultation*)
{
    v(&Consultation::owners,    Field::text("owners", "Run by"));
    v(&Consultation::title,     Field::text("title", "Title"));
    v(&Consultation::reference, Field::text("reference", "Reference"));
    v(&Consultation::opened,    Field::date("opened", "Opened"));
    v(&Consultation::closes,    Field::date("closes", "Closes"));
    v(&Consultation::url,       Field::text("url", "Web address"));
}

struct Organisation {
    std::string id, name, short_name, role;   // role: free words ("lead", "co-signatory", "inspectorate")
    std::vector<std::string> contacts;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Organisation, "an organisation")
template <typename V> void describe(V& v, const Organisation*)
{
    v(&Organisation::id,         Field::id(IdKind::Organisation));
    v(&Organisation::name,       Field::text("name", "Name", FieldRequired));
    v(&Organisation::short_name, Field::text("short_name", "Short name"));
    v(&Organisation::role,       Field::text("role", "Role"));
    v(&Organisation::contacts,   Field::text("contacts", "Contacts"));
}

struct Section {      // a heading and prose: rationale, introduction, a general point
    std::string id, heading, body;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Section, "a section")
template <typename V> void describe(V& v, const Section*)
{
    v(&Section::id,      Field::id(IdKind::Section));
    v(&Section::heading, Field::text("heading", "Heading", FieldCounted));
    v(&Section::body,    Field::prose("body", "Text", "Write here.", FieldLead));
}

struct Question {
    std::string id, number, text;
    int         word_limit = 0;     // 0 = none
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Question, "a question")
template <typename V> void describe(V& v, const Question*)
{
    v(&Question::id,         Field::id(IdKind::Question));
    v(&Question::number,     Field::text("number", "Number"));
    v(&Question::text,       Field::prose("text", "Question", "The question as the consultation asks it", FieldRequired | FieldLead));
    v(&Question::word_limit, Field::number("word_limit", "Word limit", "a whole number of words above 0"));
}

// One co-signatory's own view on an answer of a joint response: a position where it differs
// from the response's (Unset: the same), and its sign-off of the answer as drafted.
struct Signatory {
    std::string organisation;       // Organisation id
    Position    position = Position::Unset;
    std::string note;               // why it differs: goes to the inspectorate in the joint response
    SignOff     signoff = SignOff::Unseen;
    std::string reason;             // why it needs discussion or objects: between the organisations only
    std::string signed_by, signed_time;   // who recorded the sign-off, and when (UTC)
    std::string exception;          // the lead's reason for agreeing the response without this sign-off
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Signatory, "a signatory")
template <typename V> void describe(V& v, const Signatory*)
{
    v(&Signatory::organisation, Field::ref("organisation", "Organisation", IdKind::Organisation, FieldRequired | FieldIdentity));
    v(&Signatory::position,     Field::choice("position", "position"));
    v(&Signatory::note,         Field::prose("note", "note", "Why this organisation differs.", FieldLead));
    v(&Signatory::signoff,      Field::choice("signoff", "Sign-off"));
    v(&Signatory::reason,       Field::text("reason", "Reason"));
    v(&Signatory::signed_by,    Field::text("signed_by", "Signed off by"));
    v(&Signatory::signed_time,  Field::time("signed_time", "Signed off"));
    v(&Signatory::exception,    Field::text("exception", "Exception"));
}

struct Answer {
    std::string id;
    std::string question;           // Question id
    Position    position = Position::Unset;
    std::string reasoning, evidence, recommendations;   // prose
    std::vector<std::string> sources;
    std::vector<Signatory> signatories;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Answer, "an answer")
template <typename V> void describe(V& v, const Answer*)
{
    v(&Answer::id,              Field::id(IdKind::Answer));
    v(&Answer::question,        Field::ref("question", "Question", IdKind::Question, FieldRequired));
    v(&Answer::position,        Field::choice("position", "Position"));
    v(&Answer::reasoning,       Field::prose("reasoning", "Reasoning", "Why you take this position: the argument in full.", FieldLead));
    v(&Answer::evidence,        Field::prose("evidence", "Evidence", "What supports it: research, inspection findings, members' experience."));
    v(&Answer::recommendations, Field::prose("recommendations", "Recommendations", "What you ask the inspectorates to do instead or as well."));
    v(&Answer::sources,         Field::ref("sources", "Sources", IdKind::Source));
    v(&Answer::signatories,     Field::list("signatories", "Co-signatories"));
}

struct Summary {
    Position    position = Position::Unset;
    std::string text;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Summary, "the summary")
template <typename V> void describe(V& v, const Summary*)
{
    v(&Summary::position, Field::choice("position", "Overall position"));
    v(&Summary::text,     Field::prose("text", "Summary", "Your overall view in a few sentences.", FieldLead));
}

struct Criterion {
    std::string id, label, description;
    double      weight = 1;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Criterion, "a criterion")
template <typename V> void describe(V& v, const Criterion*)
{
    v(&Criterion::id,          Field::id(IdKind::Criterion));
    v(&Criterion::label,       Field::text("label", "Label", FieldRequired));
    v(&Criterion::description, Field::prose("description", "Description", "What the room should ask of each regime.", FieldLead));
    v(&Criterion::weight,      Field::number("weight", "Weight", "a weight (a number, 0 or more)", FieldRequired));
}

struct Participant {
    std::string id, name;
    std::string organisation;       // Organisation id ("" = none)
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Participant, "a participant")
template <typename V> void describe(V& v, const Participant*)
{
    v(&Participant::id,           Field::id(IdKind::Participant));
    v(&Participant::name,         Field::text("name", "Name", FieldRequired));
    v(&Participant::organisation, Field::ref("organisation", "Organisation", IdKind::Organisation));
}

struct Score {
    std::string participant, regime, criterion;   // ids
    double      score = 0;          // 0 to 5
    std::string note;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Score, "a score")
template <typename V> void describe(V& v, const Score*)
{
    v(&Score::participant, Field::ref("participant", "Participant", IdKind::Participant, FieldRequired | FieldIdentity));
    v(&Score::regime,      Field::ref("regime", "Regime", IdKind::Regime, FieldRequired | FieldIdentity));
    v(&Score::criterion,   Field::ref("criterion", "Criterion", IdKind::Criterion, FieldRequired | FieldIdentity));
    v(&Score::score,       Field::number("score", "Score", "a score from 0 to 5", FieldRequired));
    v(&Score::note,        Field::prose("note", "note", "Why this score.", FieldLead));
}

struct Workshop {
    std::vector<std::string> regimes;     // Regime ids in column order ("" list = all regimes)
    std::vector<Criterion>   criteria;
    std::vector<Participant> participants;
    std::vector<Score>       scores;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Workshop, "the workshop")
template <typename V> void describe(V& v, const Workshop*)
{
    v(&Workshop::regimes,      Field::ref("regimes", "Regimes compared", IdKind::Regime));
    v(&Workshop::criteria,     Field::list("criteria", "Criteria"));
    v(&Workshop::participants, Field::list("participants", "Participants"));
    v(&Workshop::scores,       Field::list("scores", "Scores"));
}

// A comment, or a reply (its target is the comment it answers). It stays when what it is on is
// removed, and says what that was from `about`.
struct Comment {
    std::string id, target;         // target: the id of anything in the document ("" never: the draft's own id)
    std::string field;              // a member of the target ("reasoning"); "" = the whole of it
    std::string about;              // what the target was when the comment was made: "question 3"
    std::string author, organisation, time, text;
    std::string edited;             // when its author last changed the text ("" = never)
    bool        resolved = false;
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Comment, "a comment")
template <typename V> void describe(V& v, const Comment*)
{
    v(&Comment::id,           Field::id(IdKind::Comment));
    v(&Comment::target,       Field::any_ref("target", "On", FieldRequired | FieldMayDangle));
    v(&Comment::field,        Field::text("field", "Field"));
    v(&Comment::about,        Field::text("about", "About"));
    v(&Comment::text,         Field::prose("text", "Comment", "Your comment.", FieldRequired | FieldLead));
    v(&Comment::author,       Field::text("author", "Author"));
    v(&Comment::organisation, Field::text("organisation", "Organisation"));
    v(&Comment::time,         Field::time("time", "Time"));
    v(&Comment::edited,       Field::time("edited", "Edited"));
    v(&Comment::resolved,     Field::flag("resolved", "Resolved"));
}

// One thing a revision changed, kept the other way round: what to do to the content as this
// revision saved it to get back the content its parent saved (history.h of the file:
// core/revision_changes.h). Paths: core/paths.h.
struct RevisionChange {
    std::string at;       // the member, list element or list: "answers/ans-1/reasoning"
    std::string after;    // an element put back: the key of the element it follows ("" = first)
    JsonValue   was;      // the earlier value (null: the member was empty, the element absent);
                          // a list: its earlier order, as keys
    JsonValue   edits;    // text: [[start, length, "earlier words"], ...] over this revision's text
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(RevisionChange, "a change")
template <typename V> void describe(V& v, const RevisionChange*)
{
    v(&RevisionChange::at,    Field::text("at", "At", FieldRequired));
    v(&RevisionChange::after, Field::text("after", "After"));
    v(&RevisionChange::was,   Field::json("was", "Was"));
    v(&RevisionChange::edits, Field::json("edits", "Edits"));
}

struct Revision {
    std::string id, parent;         // parent: the revision this one was saved from ("" = first)
    std::string merged;             // a merge: the other copy's revision it took in ("" = none)
    std::string organisation, author, time, note;   // time: UTC, YYYY-MM-DDTHH:MM:SSZ
    std::vector<RevisionChange> changes;    // from this revision's content back to its parent's
    bool        kept = false;       // `changes` is the whole record (false: written before Parley kept
                                    // changes, or trimmed away): the parent cannot be rebuilt from here
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Revision, "a revision")
template <typename V> void describe(V& v, const Revision*)
{
    v(&Revision::id,           Field::id(IdKind::Revision));
    v(&Revision::parent,       Field::ref("parent", "Saved from", IdKind::Revision));
    v(&Revision::merged,       Field::ref("merged", "Merged with", IdKind::Revision));
    v(&Revision::time,         Field::time("time", "Time", FieldRequired));
    v(&Revision::organisation, Field::text("organisation", "Organisation"));
    v(&Revision::author,       Field::text("author", "Author"));
    v(&Revision::note,         Field::text("note", "Note"));
    v(&Revision::changes,      Field::list("changes", "Changes", FieldHistory));
    v(&Revision::kept,         Field::flag("kept", "Changes kept"));
}

// One place where two merged copies changed the same thing differently, left for a person to
// decide. The document holds ours' value there until it is resolved (core/merge.h).
struct Conflict {
    std::string at;       // a path (core/paths.h)
    std::string after;    // theirs is an element ours removed: the key of the element it followed
    JsonValue   base, ours, theirs;   // each as the file writes it; null: absent or removed
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(Conflict, "a conflict")
template <typename V> void describe(V& v, const Conflict*)
{
    v(&Conflict::at,     Field::text("at", "At", FieldRequired));
    v(&Conflict::after,  Field::text("after", "After"));
    v(&Conflict::base,   Field::json("base", "Original"));
    v(&Conflict::ours,   Field::json("ours", "Ours"));
    v(&Conflict::theirs, Field::json("theirs", "Theirs"));
}

// A merge under way, saved with the file so it can be finished later.
struct PendingMerge {
    std::string base;          // the revision both copies share ("" = none was found)
    std::string theirs;        // the other copy's last revision: the merge's second parent
    std::string from;          // who the other copy came from, as its revisions say ("LGA")
    std::vector<Conflict> conflicts;   // still open
    ExtraMembers extra;
};

PARLEY_OBJECT_NOUN(PendingMerge, "the merge under way")
template <typename V> void describe(V& v, const PendingMerge*)
{
    v(&PendingMerge::base,      Field::ref("base", "Original", IdKind::Revision));
    v(&PendingMerge::theirs,    Field::ref("theirs", "Merging", IdKind::Revision));
    v(&PendingMerge::from,      Field::text("from", "From"));
    v(&PendingMerge::conflicts, Field::list("conflicts", "Open conflicts", FieldHistory));
}

struct Document {
    std::string    id;
    DocumentKind   kind = DocumentKind::Response;
    std::string    title;
    DocumentStatus status = DocumentStatus::Draft;
    Consultation   consultation;
    std::vector<Organisation> organisations;
    Summary        summary;
    std::vector<Section>   sections;
    std::vector<Regime>    regimes;
    std::vector<Question>  questions;
    std::vector<Answer>    answers;
    std::vector<Section>   general_points;
    Workshop       workshop;
    std::vector<NamedList> lists;
    std::vector<Source>    sources;
    std::vector<Comment>   comments;
    std::vector<Revision>  revisions;
    PendingMerge   merge;
    ExtraMembers   extra;
};

PARLEY_OBJECT_NOUN(Document, "a Parley document")
template <typename V> void describe(V& v, const Document*)
{
    v(&Document::id,             Field::id(IdKind::Document));
    v(&Document::kind,           Field::choice("kind", "Kind", FieldRequired));
    v(&Document::title,          Field::text("title", "Title", FieldRequired | FieldCounted));
    v(&Document::status,         Field::choice("status", "Status", FieldRequired));
    v(&Document::consultation,   Field::object("consultation", "Consultation"));
    v(&Document::organisations,  Field::list("organisations", "Organisations"));
    v(&Document::summary,        Field::object("summary", "Summary"));
    v(&Document::sections,       Field::list("sections", "Sections"));
    v(&Document::regimes,        Field::list("regimes", "Regimes"));
    v(&Document::questions,      Field::list("questions", "Questions"));
    v(&Document::answers,        Field::list("answers", "Answers"));
    v(&Document::general_points, Field::list("general_points", "General points"));
    v(&Document::workshop,       Field::object("workshop", "Workshop"));
    v(&Document::lists,          Field::list("lists", "Lists", FieldReadFirst));
    v(&Document::sources,        Field::list("sources", "Sources"));
    v(&Document::comments,       Field::list("comments", "Comments", FieldAside));
    v(&Document::revisions,      Field::list("revisions", "Revisions", FieldHistory));
    v(&Document::merge,          Field::object("merge", "Merge under way", FieldHistory));
}

const char* kind_name(DocumentKind kind);                       // "proposal", "response", "workshop"
bool        kind_from_name(const std::string& name, DocumentKind* out);
const char* status_name(DocumentStatus s);
bool        status_from_name(const std::string& name, DocumentStatus* out);
const char* role_name(RegimeRole r);
bool        role_from_name(const std::string& name, RegimeRole* out);
const char* position_name(Position p);                           // "" for Unset
bool        position_from_name(const std::string& name, Position* out);
const char* signoff_name(SignOff s);                             // "" for Unseen
bool        signoff_from_name(const std::string& name, SignOff* out);
const char* value_type_name(ValueType t);
bool        value_type_from_name(const std::string& name, ValueType* out);
// The same by overload, for code that treats every enum alike (the reader and the writer).
inline const char* enum_name(DocumentKind e)   { return kind_name(e); }
inline const char* enum_name(DocumentStatus e) { return status_name(e); }
inline const char* enum_name(RegimeRole e)     { return role_name(e); }
inline const char* enum_name(Position e)       { return position_name(e); }
inline const char* enum_name(SignOff e)        { return signoff_name(e); }
inline bool enum_from_name(const std::string& n, DocumentKind* out)   { return kind_from_name(n, out); }
inline bool enum_from_name(const std::string& n, DocumentStatus* out) { return status_from_name(n, out); }
inline bool enum_from_name(const std::string& n, RegimeRole* out)     { return role_from_name(n, out); }
inline bool enum_from_name(const std::string& n, Position* out)       { return position_from_name(n, out); }
inline bool enum_from_name(const std::string& n, SignOff* out)        { return signoff_from_name(n, out); }

int         count_words(const std::string& utf8_text);           // words as a reader counts them
// Calls fn(text) for every field of the draft's text (declared FieldProse or FieldCounted, and
// text values), not comments or history; stops when fn returns false (and returns false).
bool        visit_draft_text(const Document& doc, const std::function<bool(const std::string&)>& fn);
int         count_document_words(const Document& doc);           // every field visit_draft_text visits
// The prose and counted text members of one object (not of the objects in it), joined by
// spaces: what a text search looks in.
template <typename T> std::string searchable_text(const T& obj)
{
    std::string text;
    for_each_field(obj, [&](const Field& f, const auto& m) {
        if constexpr (std::is_same_v<std::remove_const_t<std::remove_reference_t<decltype(m)>>, std::string>)
            if (f.words() && !m.empty()) text += (text.empty() ? "" : " ") + m;
    });
    return text;
}
bool        document_has_words(const Document& doc);             // the same fields; stops at the first word

// ---------------------------------------------------------------------------------------------
// Lookups and names, written once for every view

template <typename T> T* find_by_id(std::vector<T>& list, const std::string& id)
{
    for (T& x : list)
        if (x.id == id) return &x;
    return nullptr;
}
template <typename T> const T* find_by_id(const std::vector<T>& list, const std::string& id)
{
    for (const T& x : list)
        if (x.id == id) return &x;
    return nullptr;
}
template <typename T> int index_by_id(const std::vector<T>& list, const std::string& id)   // -1 when absent
{
    for (size_t i = 0; i < list.size(); i++)
        if (list[i].id == id) return (int)i;
    return -1;
}

constexpr const char* kUntitledRegime = "Untitled regime";

std::string join_names(const std::vector<std::string>& names, const char* separator = ", ");  // empty names left out
std::string organisation_name(const Organisation& o);                        // its short name, else its name
std::string organisation_full_name(const Organisation& o);                   // its name, else its short name, else "Unnamed organisation"
std::string organisation_name(const Document& doc, const std::string& id);  // the id itself when nothing has it
std::string regime_name(const Regime& r);                                    // its name, else "Untitled regime"
std::string regime_name(const Document& doc, const std::string& id);        // the id itself when nothing has it
// "Question 3": its number as the consultation gives it, else its place in the draft, so every
// question is named by a number wherever it is shown or exported.
std::string question_label(const Document& doc, int question_index);

// Ids: "<prefix>-<12 lower-case base32 characters>" from a caller-owned generator, so tests
// can be deterministic and the app can seed from the clock and crypto.getRandomValues.
struct IdGenerator {
    uint64_t state = 0x9E3779B97F4A7C15ull;
    std::string next(const char* prefix);
};
bool is_valid_id(const std::string& id);                          // [A-Za-z0-9][A-Za-z0-9._-]{0,63}

// Appends a revision saying who saved the document and when; its parent is the last
// revision in the file. Call on every save to a file, never on autosave.
const Revision& record_revision(Document& doc, IdGenerator& ids, const std::string& organisation,
                                const std::string& author, const std::string& utc_time, const std::string& note = "");

} // namespace parley
