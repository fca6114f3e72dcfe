// Values and dimensions as a person reads them: "50 cases", "18–24 months",
// "at least 24 months", "No notice", "Council, Police". Used by every view that shows a
// regime, by the command-line tool and, later, by exports and comparisons.
#pragma once
#include "document.h"

namespace parley {

// `doc` supplies the file's own named lists (for option labels); may be null.
std::string value_text(const Value& v, const Document* doc = nullptr);
std::string value_text(const Value& v, const std::vector<NamedList>& lists);   // the same, given the document's lists
std::string dimension_label(const Dimension& d);
std::string thousands(long long n);   // "1,555,100": counts and lengths as people read them
// An option's label from the file's own lists (`doc` may be null) or the catalogue; the key
// itself when neither has it. The same lookup as list_option_label in value_rules.h.
std::string option_label(const std::string& list, const std::string& option, const Document* doc);

// Enum values as people read them (the file's names are in document.h).
const char* kind_label(DocumentKind k);             // "Consultation response"
const char* position_label(Position p);             // "Partly agree"; "No position yet" for Unset
const char* role_label(RegimeRole r);               // "proposed regime"
const char* signoff_label(SignOff s);               // "Needs discussion"; "Not yet seen" for Unseen
const char* status_label(DocumentStatus s);         // "draft", "agreed", "submitted"
// The same by overload, for code that treats every enum alike (comparisons).
inline const char* enum_label(DocumentKind e)   { return kind_label(e); }
inline const char* enum_label(DocumentStatus e) { return status_label(e); }
inline const char* enum_label(RegimeRole e)     { return role_label(e); }
inline const char* enum_label(Position e)       { return position_label(e); }
inline const char* enum_label(SignOff e)        { return signoff_label(e); }

} // namespace parley
