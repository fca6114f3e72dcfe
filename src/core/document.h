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
#pragma once
#include "json_reader.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace parley {

// Members a reader did not know, kept with their values in the order they came.
using ExtraMembers = std::vector<std::pair<std::string, JsonValue>>;

enum class DocumentKind { Proposal, Response, Workshop };
enum class DocumentStatus { Draft, Agreed, Submitted };
enum class RegimeRole { Current, Proposed, Alternative };
enum class Position { Unset, Agree, PartlyAgree, Disagree, NoView };
enum class ValueType { Text, Number, Range, Bound, Choice, Set, YesNo };
enum class BoundKind { AtLeast, AtMost };

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

struct Dimension {
    std::string id;
    std::string key;          // lines rows up across regimes: a catalogue key or the user's own
    std::string label;        // "" = the catalogue's label
    Value       value;
    std::string rationale;    // prose: why this setting
    std::vector<std::string> sources;   // Source ids
    ExtraMembers extra;
};

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

struct ListOption {
    std::string key, label;
    ExtraMembers extra;
};

// A named list of options for choice and set values, defined by the user. The catalogue's
// built-in lists (notice, judgement_style, agencies, ...) need no definition in the file.
struct NamedList {
    std::string key, label;
    std::vector<ListOption> options;
    ExtraMembers extra;
};

struct Consultation {
    std::vector<std::string> owners;   // "Ofsted", "CQC", ...
    std::string title, reference, opened, closes, url;   // dates as YYYY-MM-DD
    ExtraMembers extra;
};

struct Organisation {
    std::string id, name, short_name, role;   // role: free words ("lead", "co-signatory", "inspectorate")
    std::vector<std::string> contacts;
    ExtraMembers extra;
};

struct Section {      // a heading and prose: rationale, introduction, a general point
    std::string id, heading, body;
    ExtraMembers extra;
};

struct Question {
    std::string id, number, text;
    int         word_limit = 0;     // 0 = none
    ExtraMembers extra;
};

struct Signatory {    // one co-signatory's own view on an answer of a joint response
    std::string organisation;       // Organisation id
    Position    position = Position::Unset;
    std::string note;
    ExtraMembers extra;
};

struct Answer {
    std::string id;
    std::string question;           // Question id
    Position    position = Position::Unset;
    std::string reasoning, evidence, recommendations;   // prose
    std::vector<std::string> sources;
    std::vector<Signatory> signatories;
    ExtraMembers extra;
};

struct Summary {
    Position    position = Position::Unset;
    std::string text;
    ExtraMembers extra;
};

struct Criterion {
    std::string id, label, description;
    double      weight = 1;
    ExtraMembers extra;
};

struct Participant {
    std::string id, name;
    std::string organisation;       // Organisation id ("" = none)
    ExtraMembers extra;
};

struct Score {
    std::string participant, regime, criterion;   // ids
    double      score = 0;          // 0 to 5
    std::string note;
    ExtraMembers extra;
};

struct Workshop {
    std::vector<std::string> regimes;     // Regime ids in column order ("" list = all regimes)
    std::vector<Criterion>   criteria;
    std::vector<Participant> participants;
    std::vector<Score>       scores;
    ExtraMembers extra;
};

struct Comment {
    std::string id, target;         // target: the id of anything in the document
    std::string author, organisation, time, text;
    bool        resolved = false;
    ExtraMembers extra;
};

struct Revision {
    std::string id, parent;         // parent: the revision this one was saved from ("" = first)
    std::string organisation, author, time, note;   // time: UTC, YYYY-MM-DDTHH:MM:SSZ
    ExtraMembers extra;
};

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
    ExtraMembers   extra;
};

const char* kind_name(DocumentKind kind);                       // "proposal", "response", "workshop"
bool        kind_from_name(const std::string& name, DocumentKind* out);
const char* status_name(DocumentStatus s);
bool        status_from_name(const std::string& name, DocumentStatus* out);
const char* role_name(RegimeRole r);
bool        role_from_name(const std::string& name, RegimeRole* out);
const char* position_name(Position p);                           // "" for Unset
bool        position_from_name(const std::string& name, Position* out);
const char* value_type_name(ValueType t);
bool        value_type_from_name(const std::string& name, ValueType* out);

int         count_words(const std::string& utf8_text);           // words as a reader counts them
int         count_document_words(const Document& doc);           // every prose and title field
bool        document_has_words(const Document& doc);             // the same fields; stops at the first word

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
