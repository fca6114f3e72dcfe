#include "value_text.h"

#include "catalogue.h"
#include "json_writer.h"
#include "option_lists.h"

namespace parley {

namespace {

const std::vector<NamedList> kNoLists;   // for a value said without a document

// Units are stored in the plural ("weeks"); one of them reads "1 week".
std::string with_unit(const std::string& number, const std::string& unit, bool singular = false)
{
    if (unit.empty()) return number;
    if (singular && unit.size() > 1 && unit.back() == 's') return number + " " + unit.substr(0, unit.size() - 1);
    return number + " " + unit;
}

} // namespace

// The label of an option in a named list: option_lists.cpp has the one lookup of lists.
std::string option_label(const std::string& list, const std::string& option, const Document* doc)
{
    return list_option_label(doc ? doc->lists : kNoLists, list, option);
}

std::string value_text(const Value& v, const Document* doc)
{
    return value_text(v, doc ? doc->lists : kNoLists);
}

std::string value_text(const Value& v, const std::vector<NamedList>& lists)
{
    switch (v.type) {
    case ValueType::Text: return v.text;
    case ValueType::Number: return with_unit(json_format_number(v.number), v.unit, v.number == 1);
    case ValueType::Range: return with_unit(json_format_number(v.min) + "\xE2\x80\x93" + json_format_number(v.max), v.unit);   // en dash
    case ValueType::Bound: return (v.bound == BoundKind::AtLeast ? "at least " : "at most ") + with_unit(json_format_number(v.number), v.unit, v.number == 1);
    case ValueType::Choice: return list_option_label(lists, v.list, v.option);
    case ValueType::Set: {
        if (v.items.empty()) return "none";
        std::string s;
        for (const std::string& item : v.items) s += (s.empty() ? "" : ", ") + list_option_label(lists, v.list, item);
        return s;
    }
    case ValueType::YesNo: return v.yes ? "Yes" : "No";
    }
    return "";
}

// Indexed by the enums' values, like the file's names in document.cpp.
const char* status_label(DocumentStatus s) { return status_name(s); }

const char* kind_label(DocumentKind k)
{
    static const char* const kLabels[] = {"Framework proposal", "Consultation response", "Workshop comparison"};
    return kLabels[(int)k];
}

const char* position_label(Position p)
{
    static const char* const kLabels[] = {"No position yet", "Agree", "Partly agree", "Disagree", "No view"};
    return kLabels[(int)p];
}

const char* signoff_label(SignOff s)
{
    static const char* const kLabels[] = {"Not yet seen", "Agreed", "Needs discussion", "Objects"};
    return kLabels[(int)s];
}

const char* role_label(RegimeRole r)
{
    static const char* const kLabels[] = {"current regime", "proposed regime", "alternative proposal"};
    return kLabels[(int)r];
}

std::string dimension_label(const Dimension& d)
{
    if (!d.label.empty()) return d.label;
    if (const CatalogueDimension* c = catalogue_find_dimension(d.key)) return c->label;
    return d.key;
}

std::string thousands(long long n)
{
    std::string digits = std::to_string(n < 0 ? -n : n), out = n < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); i++) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace parley
