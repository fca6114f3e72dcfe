// Paths: where a member, a list element or a list is in a document, in words that mean the
// same thing in every copy of it. What history records (Change::at) and what merging leaves
// open (Conflict::at) point with these.
//
//   "title"                                   a member of the document
//   "answers/ans-3k2.../reasoning"            a member of a list element, found by its key
//   "answers/ans-3k2.../signatories/org-lga"  an element: an object in a list
//   "answers"                                 a list of objects itself: its order, as keys
//   "workshop/scores/who-1+reg-1+crit-2/score"
//
// Members go by their names in the file; an element by its key: its id, or for objects that
// have none the members declared FieldIdentity joined by '+' (a score: participant, regime,
// criterion). Ids and keys never hold '/' or '+'. A member this version does not know (kept in
// `extra`) goes by its name escaped as in a JSON Pointer (json_pointer_escape: '~' "~0", '/' "~1").
#pragma once
#include "document.h"

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace parley {

// The key that lines an element up across copies: its id, or its identity members.
template <typename T> std::string element_key(const T& item)
{
    if constexpr (has_id_v<T>) {
        return item.id;
    } else {
        std::string key;
        int n = 0;
        for_each_field(item, [&](const Field& f, const auto& m) {
            if constexpr (std::is_same_v<std::remove_const_t<std::remove_reference_t<decltype(m)>>, std::string>)
                if (f.is(FieldIdentity)) key += (n++ ? "+" : "") + m;
        });
        return key;
    }
}

std::string path_join(std::string_view path, std::string_view segment);   // "a/b" + "c" -> "a/b/c"

// What a path names in a document, as JSON (document_json.h, member_to_json): a member's value,
// an element, a list's order (its keys). False when nothing is there: a path through or to an
// element the document does not have, or a name no object declares. `*out` is then null.
bool path_get(const Document& doc, std::string_view path, JsonValue* out);

// Puts `value` where the path points: a member takes it (read with the reader's checks); an
// element is replaced, or put in after the element keyed `after` ("" or absent: first) when
// the list lacks it, or removed when `value` is null; a list is put in the order of the keys
// `value` lists (those it does not list keep their order, after them). False, with why, when
// the path names nothing or the value does not fit; the document is then unchanged.
bool path_set(Document& doc, std::string_view path, const JsonValue& value, std::string_view after, std::string* error);

// The text member a path names, for changes made word by word; null when it is not text.
std::string* path_text(Document& doc, std::string_view path);

// The path of the object with this id ("" when none has it).
std::string path_of_id(const Document& doc, const std::string& id);

// Every id in the document with the name of the list its object is in ("questions",
// "dimensions"): two copies that give one id to different kinds of thing cannot be merged.
std::vector<std::pair<std::string, std::string>> ids_and_lists(const Document& doc);

// Every reference (a member declared Ref or AnyRef, or a list of them) to one of `ids`, outside
// the objects whose paths start with `except`: the paths of the members that hold them.
std::vector<std::string> references_to(const Document& doc, const std::vector<std::string>& ids, std::string_view except = {});

// The ids the objects at and below `path` refer to.
std::vector<std::string> references_within(const Document& doc, std::string_view path);

// Every id an object and the objects in it have, given as JSON (an element a path names).
void ids_in(const JsonValue& element, std::vector<std::string>* out);

// How a person reads a path: "Question 5 › Reasoning", "Answer to question 3 › LGA's position".
struct PathWords {
    std::string part;    // the object: "Question 5", "Regime: Ofsted 2026 › Dimension: Notice"
    std::string field;   // the member's label ("Reasoning"); "" when the path is an element or a list
};
PathWords path_words(const Document& doc, std::string_view path);

} // namespace parley
