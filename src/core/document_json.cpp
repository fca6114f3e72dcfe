// Reading (strict, every problem reported with where it is) and writing (canonical) of the
// Parley format v1. docs/format.md is the description for people; this file must agree
// with it member for member, and so must assets/schema/parley-v1.schema.json.
#include "document_json.h"

#include "catalogue.h"
#include "json_reader.h"
#include "json_writer.h"
#include "utf8.h"

#include <unordered_map>
#include <unordered_set>

namespace parley {

namespace {

// ---------------------------------------------------------------------------------------
// Reading

enum class IdKind { Document, Organisation, Section, Regime, Dimension, Question, Answer, Criterion, Participant, Source, Comment, Revision };

const char* id_kind_word(IdKind k)
{
    switch (k) {
    case IdKind::Document: return "document";
    case IdKind::Organisation: return "organisation";
    case IdKind::Section: return "section";
    case IdKind::Regime: return "regime";
    case IdKind::Dimension: return "dimension";
    case IdKind::Question: return "question";
    case IdKind::Answer: return "answer";
    case IdKind::Criterion: return "criterion";
    case IdKind::Participant: return "participant";
    case IdKind::Source: return "source";
    case IdKind::Comment: return "comment";
    case IdKind::Revision: return "revision";
    }
    return "thing";
}

std::string id_kind_noun(IdKind k)   // "a regime", "an answer", "the document"
{
    if (k == IdKind::Document) return "the document";
    const char* word = id_kind_word(k);
    return (word[0] == 'a' || word[0] == 'o' ? "an " : "a ") + std::string(word);
}

// "text (\"two years\")", "a number", ...: what the file holds, as the user would recognise it.
std::string describe(const JsonValue& v)
{
    if (v.type == JsonValue::String) {
        const size_t keep = utf8_prefix_length(v.text.data(), v.text.size(), 40);   // never inside a character
        const std::string shown = keep < v.text.size() ? v.text.substr(0, keep) + "..." : v.text;
        return "text (\"" + shown + "\")";
    }
    if (v.type == JsonValue::Number) return "the number " + v.text;
    return v.type_name();
}

std::string quoted_list(const std::vector<std::string>& words)
{
    std::string s;
    for (size_t i = 0; i < words.size(); i++) {
        if (i) s += i + 1 == words.size() ? " or " : ", ";
        s += words[i];
    }
    return s;
}

struct IdEntry {
    IdKind      kind;
    std::string pointer;
};

struct PendingRef {   // a reference to an id, checked once the whole file has been read
    std::string id;
    IdKind      want;
    bool        any;      // a comment may point at anything that has an id
    std::string pointer;
    TextPos     pos;
};

struct Ctx {
    explicit Ctx(ImportResult& r) : result(r) {}
    ImportResult& result;
    size_t dropped = 0;
    std::unordered_map<std::string, IdEntry> ids;
    std::vector<PendingRef> refs;
    std::unordered_map<std::string, std::vector<std::string>> lists;   // the file's own lists: key -> option keys

    void error(const std::string& pointer, TextPos pos, std::string message)
    {
        if (result.errors.size() < kMaxImportErrors) result.errors.push_back({pointer, pos.line, pos.column, std::move(message)});
        else dropped++;
    }
    void notice(const std::string& pointer, TextPos pos, std::string message)
    {
        if (result.notices.size() < kMaxImportErrors) result.notices.push_back({pointer, pos.line, pos.column, std::move(message)});
    }
};

bool is_valid_key(const std::string& key)
{
    if (key.empty() || key.size() > 64) return false;
    for (size_t i = 0; i < key.size(); i++) {
        const char c = key[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '_' || c == '.' || c == '-'));
        if (!ok) return false;
    }
    return true;
}

bool is_digits(const std::string& s, size_t at, size_t n)
{
    for (size_t i = at; i < at + n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

int two_digits(const std::string& s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

// YYYY-MM-DD, a day that exists.
bool is_valid_date(const std::string& s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !is_digits(s, 0, 4) || !is_digits(s, 5, 2) || !is_digits(s, 8, 2)) return false;
    const int year = std::stoi(s.substr(0, 4)), month = two_digits(s, 5), day = two_digits(s, 8);
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// YYYY-MM-DDTHH:MM:SSZ, UTC.
bool is_valid_time(const std::string& s)
{
    if (s.size() != 20 || !is_valid_date(s.substr(0, 10)) || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return false;
    if (!is_digits(s, 11, 2) || !is_digits(s, 14, 2) || !is_digits(s, 17, 2)) return false;
    return two_digits(s, 11) < 24 && two_digits(s, 14) < 60 && two_digits(s, 17) < 60;
}

// One JSON object being read into one struct. Every member asked for is remembered as known;
// finish() keeps the rest in `extra` and reports each as a notice.
class Obj {
public:
    Obj(Ctx& c, const JsonValue& v, std::string pointer, const char* what)
        : c_(c), v_(v), ptr_(std::move(pointer)), what_(what)
    {
        ok_ = v.type == JsonValue::Object;
        if (!ok_) c.error(ptr_, v.pos, std::string("expected ") + what + " (an object {...}), got " + describe(v));
    }

    bool ok() const { return ok_; }
    std::string at(const char* key) const { return ptr_ + "/" + key; }   // known keys need no escaping

    const JsonValue* get(const char* key, bool required = false)
    {
        known_.push_back(key);
        if (!ok_) return nullptr;
        const JsonValue* m = v_.find(key);
        if (!m && required) c_.error(at(key), v_.pos, std::string(what_) + " needs \"" + key + "\"");
        return m;
    }

    void fail(const char* key, const JsonValue& m, std::string message) { c_.error(at(key), m.pos, std::move(message)); }

    bool text(const char* key, std::string* out, bool required = false)
    {
        const JsonValue* m = get(key, required);
        if (!m) return false;
        if (m->type != JsonValue::String) { fail(key, *m, "expected text, got " + describe(*m)); return false; }
        *out = m->text;
        return true;
    }

    void id(std::string* out, IdKind kind)
    {
        if (!text("id", out, true)) return;
        const JsonValue& m = *v_.find("id");
        if (!is_valid_id(*out)) {
            fail("id", m, "\"" + *out + "\" cannot be an id: ids are 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return;
        }
        auto inserted = c_.ids.emplace(*out, IdEntry{kind, at("id")});
        if (!inserted.second) {
            const IdEntry& first = inserted.first->second;
            fail("id", m, "the id \"" + *out + "\" is already used by " + id_kind_noun(first.kind) + " (" + first.pointer +
                          "); every id must be unique in the document");
        }
    }

    // A reference to another object's id: checked after the whole file is read.
    void ref(const char* key, std::string* out, IdKind want, bool required = false, bool any = false)
    {
        if (!text(key, out, required)) return;
        const JsonValue& m = *v_.find(key);
        if (out->empty()) {
            if (required) fail(key, m, std::string("\"") + key + "\" is empty: it must name " + id_kind_noun(want) + " by its id");
            return;
        }
        c_.refs.push_back({*out, want, any, at(key), m.pos});
    }

    const JsonValue* array(const char* key, bool required = false)
    {
        const JsonValue* m = get(key, required);
        if (!m) return nullptr;
        if (m->type != JsonValue::Array) { fail(key, *m, "expected a list [...], got " + describe(*m)); return nullptr; }
        return m;
    }

    // A list of texts. `check(text, pointer, pos)` may report more about each one.
    template <typename F>
    void texts(const char* key, std::vector<std::string>* out, bool required, F check)
    {
        const JsonValue* a = array(key, required);
        if (!a) return;
        for (size_t i = 0; i < a->items.size(); i++) {
            const JsonValue& item = a->items[i];
            const std::string p = at(key) + "/" + std::to_string(i);
            if (item.type != JsonValue::String) { c_.error(p, item.pos, "expected text, got " + describe(item)); continue; }
            out->push_back(item.text);
            check(item.text, p, item.pos);
        }
    }

    void texts(const char* key, std::vector<std::string>* out, bool required = false)
    {
        texts(key, out, required, [](const std::string&, const std::string&, TextPos) {});
    }

    // A list of ids of other objects, each at most once.
    void refs(const char* key, std::vector<std::string>* out, IdKind want)
    {
        std::unordered_set<std::string> seen;
        texts(key, out, false, [&](const std::string& id, const std::string& p, TextPos pos) {
            if (!seen.insert(id).second) c_.error(p, pos, "\"" + id + "\" is listed twice");
            else c_.refs.push_back({id, want, false, p, pos});
        });
    }

    template <typename E>
    void name(const char* key, E* out, bool required, bool (*parse)(const std::string&, E*), const char* allowed)
    {
        std::string s;
        if (!text(key, &s, required)) return;
        if (!parse(s, out)) fail(key, *v_.find(key), "\"" + s + "\" is not a " + key + " Parley knows: expected " + allowed);
    }

    bool number(const char* key, double* out, bool required = false, const std::string& expected = "a number")
    {
        const JsonValue* m = get(key, required);
        if (!m) return false;
        if (m->type != JsonValue::Number) { fail(key, *m, "expected " + expected + ", got " + describe(*m)); return false; }
        *out = m->number;
        return true;
    }

    void flag(const char* key, bool* out, bool required = false)
    {
        const JsonValue* m = get(key, required);
        if (!m) return;
        if (m->type != JsonValue::Bool) fail(key, *m, "expected true or false, got " + describe(*m));
        else *out = m->boolean;
    }

    void date(const char* key, std::string* out, bool with_time, bool required = false)
    {
        if (!text(key, out, required)) return;
        if (with_time ? !is_valid_time(*out) : !is_valid_date(*out))
            fail(key, *v_.find(key), with_time ? "expected a UTC time written YYYY-MM-DDTHH:MM:SSZ (e.g. 2016-01-04T09:30:00Z), got " + describe(*v_.find(key))
                                               : "expected a date written YYYY-MM-DD (e.g. 2016-01-04), got " + describe(*v_.find(key)));
    }

    // A list of objects, each read by read(ctx, json, pointer, &item).
    template <typename T, typename F>
    void list(const char* key, std::vector<T>* out, F read, bool required = false)
    {
        const JsonValue* a = array(key, required);
        if (!a) return;
        out->reserve(a->items.size());
        for (size_t i = 0; i < a->items.size(); i++) {
            out->emplace_back();
            read(c_, a->items[i], at(key) + "/" + std::to_string(i), &out->back());
        }
    }

    void finish(ExtraMembers* extra)
    {
        if (!ok_) return;
        for (const auto& m : v_.members) {
            bool known = false;
            for (const char* k : known_) known = known || m.first == k;
            if (known) continue;
            extra->push_back(m);
            c_.notice(ptr_ + "/" + json_pointer_escape(m.first), m.second.pos,
                      "\"" + m.first + "\" is not known to this version of Parley; it is kept and written back unchanged");
        }
    }

private:
    Ctx&              c_;
    const JsonValue&  v_;
    std::string       ptr_;
    const char*       what_;
    bool              ok_ = false;
    std::vector<const char*> known_;
};

const char* const kPositions = "agree, partly_agree, disagree or no_view";

void read_organisation(Ctx& c, const JsonValue& v, const std::string& p, Organisation* o)
{
    Obj r(c, v, p, "an organisation");
    r.id(&o->id, IdKind::Organisation);
    r.text("name", &o->name, true);
    r.text("short_name", &o->short_name);
    r.text("role", &o->role);
    r.texts("contacts", &o->contacts);
    r.finish(&o->extra);
}

void read_consultation(Ctx& c, const JsonValue& v, const std::string& p, Consultation* o)
{
    Obj r(c, v, p, "the consultation");
    r.texts("owners", &o->owners);
    r.text("title", &o->title);
    r.text("reference", &o->reference);
    r.date("opened", &o->opened, false);
    r.date("closes", &o->closes, false);
    r.text("url", &o->url);
    r.finish(&o->extra);
}

void read_summary(Ctx& c, const JsonValue& v, const std::string& p, Summary* o)
{
    Obj r(c, v, p, "the summary");
    r.name("position", &o->position, false, position_from_name, kPositions);
    r.text("text", &o->text);
    r.finish(&o->extra);
}

void read_section(Ctx& c, const JsonValue& v, const std::string& p, Section* o)
{
    Obj r(c, v, p, "a section");
    r.id(&o->id, IdKind::Section);
    r.text("heading", &o->heading);
    r.text("body", &o->body);
    r.finish(&o->extra);
}

void read_named_list(Ctx& c, const JsonValue& v, const std::string& p, NamedList* o)
{
    Obj r(c, v, p, "a list");
    if (r.text("key", &o->key, true)) {
        const JsonValue& k = *v.find("key");
        if (!is_valid_key(o->key)) r.fail("key", k, "\"" + o->key + "\" cannot be a list key: use lower-case letters, digits, '_', '.' or '-'");
        else if (catalogue_find_list(o->key)) r.fail("key", k, "\"" + o->key + "\" is the name of a built-in list; give this list another key");
        else if (c.lists.count(o->key)) r.fail("key", k, "there is already a list with the key \"" + o->key + "\"");
    }
    r.text("label", &o->label, true);
    std::vector<std::string> keys;
    r.list("options", &o->options, [&keys](Ctx& c, const JsonValue& v, const std::string& p, ListOption* opt) {
        Obj o(c, v, p, "an option");
        if (o.text("key", &opt->key, true)) {
            bool twice = false;
            for (const std::string& k : keys) twice = twice || k == opt->key;
            if (twice) o.fail("key", *v.find("key"), "the option \"" + opt->key + "\" is already in this list");
            else if (!is_valid_key(opt->key)) o.fail("key", *v.find("key"), "\"" + opt->key + "\" cannot be an option key: use lower-case letters, digits, '_', '.' or '-'");
            keys.push_back(opt->key);
        }
        o.text("label", &opt->label, true);
        o.finish(&opt->extra);
    }, true);
    if (!o->key.empty() && !c.lists.count(o->key) && !catalogue_find_list(o->key)) c.lists[o->key] = keys;
    r.finish(&o->extra);
}

// The option keys of a named list, from the file's own lists or the catalogue; false if none.
bool list_options(const Ctx& c, const std::string& key, std::vector<std::string>* out)
{
    auto it = c.lists.find(key);
    if (it != c.lists.end()) { *out = it->second; return true; }
    if (const CatalogueList* l = catalogue_find_list(key)) {
        for (int i = 0; i < l->option_count; i++) out->push_back(l->options[i].key);
        return true;
    }
    return false;
}

std::string amount_of(const std::string& unit) { return unit.empty() ? "a number" : "a number of " + unit; }

// Reads the "list" a choice or set draws from; fills `options` and returns true when it names
// a list that exists (the file's own or a built-in one).
bool read_list_name(Ctx& c, Obj& r, const JsonValue& v, bool required, Value* out, std::vector<std::string>* options)
{
    if (!r.text("list", &out->list, required)) return false;
    if (out->list.empty() && !required) return false;   // a set of free items
    if (list_options(c, out->list, options)) return true;
    r.fail("list", *v.find("list"), "there is no list called \"" + out->list + "\": use a built-in list or define it under \"lists\"");
    return false;
}

bool is_option(const std::vector<std::string>& options, const std::string& key)
{
    for (const std::string& o : options)
        if (o == key) return true;
    return false;
}

std::string not_an_option(const std::string& key, const std::string& list, const std::vector<std::string>& options)
{
    return "\"" + key + "\" is not an option of the list \"" + list + "\": expected " + quoted_list(options);
}

void read_value(Ctx& c, const JsonValue& v, const std::string& p, const CatalogueDimension* cat, Value* out)
{
    Obj r(c, v, p, "a value");
    std::string type;
    if (!r.text("type", &type, true)) return;
    if (!value_type_from_name(type, &out->type)) {
        r.fail("type", *v.find("type"), "\"" + type + "\" is not a value type Parley knows: expected text, number, range, bound, choice, set or yes_no");
        return;
    }
    // Messages name the unit: "expected a number of months", from the value or else the catalogue.
    std::string unit = cat ? cat->unit : "";
    switch (out->type) {
    case ValueType::Text:
        r.text("text", &out->text, true);
        break;
    case ValueType::Number:
        if (r.text("unit", &out->unit) && !out->unit.empty()) unit = out->unit;
        r.number("value", &out->number, true, amount_of(unit));
        break;
    case ValueType::Range: {
        if (r.text("unit", &out->unit) && !out->unit.empty()) unit = out->unit;
        const bool has_min = r.number("min", &out->min, true, amount_of(unit));
        const bool has_max = r.number("max", &out->max, true, amount_of(unit));
        if (has_min && has_max && out->min > out->max)
            r.fail("min", *v.find("min"), "this range starts at " + json_format_number(out->min) + " but ends at " + json_format_number(out->max) +
                                          ": write the smaller number as \"min\"");
        break;
    }
    case ValueType::Bound:
        r.name("bound", &out->bound, true, +[](const std::string& s, BoundKind* k) {
            if (s == "at_least") { *k = BoundKind::AtLeast; return true; }
            if (s == "at_most") { *k = BoundKind::AtMost; return true; }
            return false;
        }, "at_least or at_most");
        if (r.text("unit", &out->unit) && !out->unit.empty()) unit = out->unit;
        r.number("value", &out->number, true, amount_of(unit));
        break;
    case ValueType::Choice: {
        std::vector<std::string> options;
        const bool known_list = read_list_name(c, r, v, true, out, &options);
        if (r.text("option", &out->option, true) && known_list && !is_option(options, out->option))
            r.fail("option", *v.find("option"), not_an_option(out->option, out->list, options));
        break;
    }
    case ValueType::Set: {
        std::vector<std::string> options;
        const bool known_list = read_list_name(c, r, v, false, out, &options);
        std::unordered_set<std::string> seen;
        r.texts("items", &out->items, true, [&](const std::string& item, const std::string& ip, TextPos pos) {
            if (known_list && !is_option(options, item)) c.error(ip, pos, not_an_option(item, out->list, options));
            else if (!seen.insert(item).second) c.error(ip, pos, "\"" + item + "\" is in this set twice");
        });
        break;
    }
    case ValueType::YesNo:
        r.flag("value", &out->yes, true);
        break;
    }
    // Catalogue dimensions keep their usual type (or plain text), so regimes line up.
    if (cat && out->type != ValueType::Text && out->type != cat->type &&
        !(value_type_is_numeric(out->type) && value_type_is_numeric(cat->type)))
        r.fail("type", *v.find("type"), "the catalogue's \"" + std::string(cat->key) + "\" takes a " + value_type_name(cat->type) +
                                        " value (or text), not a " + type + " value");
    else if (cat && *cat->list && (out->type == ValueType::Choice || out->type == ValueType::Set) && out->list != cat->list)
        r.fail(out->list.empty() ? "type" : "list", *v.find(out->list.empty() ? "type" : "list"),
               "the catalogue's \"" + std::string(cat->key) + "\" uses the list \"" + cat->list + "\"");
    r.finish(&out->extra);
}

void read_dimension(Ctx& c, const JsonValue& v, const std::string& p, Dimension* d)
{
    Obj r(c, v, p, "a dimension");
    r.id(&d->id, IdKind::Dimension);
    const bool has_key = r.text("key", &d->key, true);
    if (has_key && !is_valid_key(d->key))
        r.fail("key", *v.find("key"), "\"" + d->key + "\" cannot be a dimension key: use lower-case letters, digits, '_', '.' or '-' (e.g. \"early_review\")");
    r.text("label", &d->label);
    const CatalogueDimension* cat = has_key ? catalogue_find_dimension(d->key) : nullptr;
    if (has_key && !cat && d->label.empty() && is_valid_key(d->key))
        c.error(r.at("label"), v.pos, "\"" + d->key + "\" is not in the catalogue, so this dimension needs a \"label\" saying what it is");
    if (const JsonValue* value = r.get("value", true)) read_value(c, *value, r.at("value"), cat, &d->value);
    r.text("rationale", &d->rationale);
    r.refs("sources", &d->sources, IdKind::Source);
    r.finish(&d->extra);
}

void read_regime(Ctx& c, const JsonValue& v, const std::string& p, Regime* g)
{
    Obj r(c, v, p, "a regime");
    r.id(&g->id, IdKind::Regime);
    r.text("name", &g->name, true);
    r.name("role", &g->role, true, role_from_name, "current, proposed or alternative");
    r.ref("owner", &g->owner, IdKind::Organisation);
    r.ref("based_on", &g->based_on, IdKind::Regime);
    if (!g->based_on.empty() && g->based_on == g->id) r.fail("based_on", *v.find("based_on"), "a regime cannot be based on itself");
    r.text("summary", &g->summary);
    std::unordered_map<std::string, std::string> keys;   // key -> pointer of the dimension that has it
    r.list("dimensions", &g->dimensions, [&keys](Ctx& c, const JsonValue& v, const std::string& p, Dimension* d) {
        read_dimension(c, v, p, d);
        if (d->key.empty()) return;
        auto it = keys.emplace(d->key, p);
        if (!it.second)
            c.error(p + "/key", v.find("key")->pos, "the key \"" + d->key + "\" is already used in this regime (" + it.first->second +
                                                    "); each key at most once per regime");
    });
    r.finish(&g->extra);
}

void read_question(Ctx& c, const JsonValue& v, const std::string& p, Question* q)
{
    Obj r(c, v, p, "a question");
    r.id(&q->id, IdKind::Question);
    r.text("number", &q->number);
    r.text("text", &q->text, true);
    if (const JsonValue* m = r.get("word_limit")) {
        if (m->type != JsonValue::Number || !m->is_integer || m->integer < 1 || m->integer > 1000000)
            r.fail("word_limit", *m, "expected a whole number of words above 0, got " + describe(*m));
        else q->word_limit = (int)m->integer;
    }
    r.finish(&q->extra);
}

void read_signatory(Ctx& c, const JsonValue& v, const std::string& p, Signatory* s)
{
    Obj r(c, v, p, "a signatory");
    r.ref("organisation", &s->organisation, IdKind::Organisation, true);
    r.name("position", &s->position, true, position_from_name, kPositions);
    r.text("note", &s->note);
    r.finish(&s->extra);
}

void read_answer(Ctx& c, const JsonValue& v, const std::string& p, Answer* a)
{
    Obj r(c, v, p, "an answer");
    r.id(&a->id, IdKind::Answer);
    r.ref("question", &a->question, IdKind::Question, true);
    r.name("position", &a->position, false, position_from_name, kPositions);
    r.text("reasoning", &a->reasoning);
    r.text("evidence", &a->evidence);
    r.text("recommendations", &a->recommendations);
    r.refs("sources", &a->sources, IdKind::Source);
    std::unordered_set<std::string> orgs;
    r.list("signatories", &a->signatories, [&orgs](Ctx& c, const JsonValue& v, const std::string& p, Signatory* s) {
        read_signatory(c, v, p, s);
        if (!s->organisation.empty() && !orgs.insert(s->organisation).second)
            c.error(p + "/organisation", v.find("organisation")->pos, "\"" + s->organisation + "\" already signs this answer");
    });
    r.finish(&a->extra);
}

void read_workshop(Ctx& c, const JsonValue& v, const std::string& p, Workshop* w)
{
    Obj r(c, v, p, "the workshop");
    r.refs("regimes", &w->regimes, IdKind::Regime);
    r.list("criteria", &w->criteria, [](Ctx& c, const JsonValue& v, const std::string& p, Criterion* k) {
        Obj r(c, v, p, "a criterion");
        r.id(&k->id, IdKind::Criterion);
        r.text("label", &k->label, true);
        r.text("description", &k->description);
        if (r.number("weight", &k->weight, true, "a weight (a number, 0 or more)") && k->weight < 0)
            r.fail("weight", *v.find("weight"), "a weight cannot be below 0, got " + json_format_number(k->weight));
        r.finish(&k->extra);
    });
    r.list("participants", &w->participants, [](Ctx& c, const JsonValue& v, const std::string& p, Participant* t) {
        Obj r(c, v, p, "a participant");
        r.id(&t->id, IdKind::Participant);
        r.text("name", &t->name, true);
        r.ref("organisation", &t->organisation, IdKind::Organisation);
        r.finish(&t->extra);
    });
    std::unordered_set<std::string> cells;
    r.list("scores", &w->scores, [&cells](Ctx& c, const JsonValue& v, const std::string& p, Score* s) {
        Obj r(c, v, p, "a score");
        r.ref("participant", &s->participant, IdKind::Participant, true);
        r.ref("regime", &s->regime, IdKind::Regime, true);
        r.ref("criterion", &s->criterion, IdKind::Criterion, true);
        if (r.number("score", &s->score, true, "a score from 0 to 5") && (s->score < 0 || s->score > 5))
            r.fail("score", *v.find("score"), "a score is from 0 to 5, got " + json_format_number(s->score));
        r.text("note", &s->note);
        if (r.ok() && !s->participant.empty() && !s->regime.empty() && !s->criterion.empty() &&
            !cells.insert(s->participant + '\n' + s->regime + '\n' + s->criterion).second)
            c.error(p, v.pos, "\"" + s->participant + "\" has already scored \"" + s->regime + "\" on \"" + s->criterion + "\"");
        r.finish(&s->extra);
    });
    r.finish(&w->extra);
}

void read_source(Ctx& c, const JsonValue& v, const std::string& p, Source* s)
{
    Obj r(c, v, p, "a source");
    r.id(&s->id, IdKind::Source);
    r.text("title", &s->title, true);
    r.text("publisher", &s->publisher);
    r.date("date", &s->date, false);
    r.text("url", &s->url);
    r.finish(&s->extra);
}

void read_comment(Ctx& c, const JsonValue& v, const std::string& p, Comment* k)
{
    Obj r(c, v, p, "a comment");
    r.id(&k->id, IdKind::Comment);
    r.ref("target", &k->target, IdKind::Document, true, true);
    r.text("text", &k->text, true);
    r.text("author", &k->author);
    r.text("organisation", &k->organisation);
    r.date("time", &k->time, true);
    r.flag("resolved", &k->resolved);
    r.finish(&k->extra);
}

void read_revision(Ctx& c, const JsonValue& v, const std::string& p, Revision* k)
{
    Obj r(c, v, p, "a revision");
    r.id(&k->id, IdKind::Revision);
    // Revisions are oldest first, so a parent must already have been read.
    if (r.text("parent", &k->parent) && !k->parent.empty()) {
        auto it = c.ids.find(k->parent);
        if (it == c.ids.end() || it->second.kind != IdKind::Revision || k->parent == k->id)
            r.fail("parent", *v.find("parent"), "\"" + k->parent + "\" is not an earlier revision in this file");
    }
    r.date("time", &k->time, true, true);
    r.text("organisation", &k->organisation);
    r.text("author", &k->author);
    r.text("note", &k->note);
    r.finish(&k->extra);
}

void resolve_references(Ctx& c)
{
    for (const PendingRef& ref : c.refs) {
        auto it = c.ids.find(ref.id);
        if (it == c.ids.end()) {
            c.error(ref.pointer, ref.pos, ref.any ? "nothing in this document has the id \"" + ref.id + "\""
                                                  : std::string("there is no ") + id_kind_word(ref.want) + " with the id \"" + ref.id + "\" in this document");
        } else if (!ref.any && it->second.kind != ref.want) {
            c.error(ref.pointer, ref.pos, "\"" + ref.id + "\" is " + id_kind_noun(it->second.kind) + " (" + it->second.pointer + "), not " + id_kind_noun(ref.want));
        }
    }
}

ImportError at(const JsonValue& v, const char* pointer, std::string message)
{
    return {pointer, v.pos.line, v.pos.column, std::move(message)};
}

} // namespace

ImportResult import_document(const std::string& text)
{
    ImportResult result;
    JsonReadResult json = json_read(text);
    for (const JsonIssue& issue : json.issues) {
        const char* prefix = issue.kind == JsonIssue::Syntax ? "the file is not valid JSON: " : "";
        result.errors.push_back({issue.pointer, issue.pos.line, issue.pos.column, prefix + issue.message});
    }
    if (!json.ok) return result;

    const JsonValue& root = json.root;
    if (root.type != JsonValue::Object) {
        result.errors.push_back(at(root, "", std::string("expected a Parley document (a JSON object {...}), got ") + root.type_name()));
        return result;
    }
    const JsonValue* format = root.find("format");
    if (!format || format->type != JsonValue::String || format->text != "parley") {
        result.errors.push_back(at(format ? *format : root, "/format", "this is not a Parley document: \"format\" must be \"parley\""));
        return result;
    }
    const JsonValue* version = root.find("version");
    if (!version || version->type != JsonValue::Number || !version->is_integer) {
        result.errors.push_back(at(version ? *version : root, "/version", "\"version\" must be a whole number (this Parley writes 1)"));
        return result;
    }
    const long long v = version->integer;
    if (v > kFormatVersion) {
        result.errors.push_back(at(*version, "/version", "this file was written by a newer Parley (format version " + std::to_string(v) +
                                                         "); this copy reads version " + std::to_string(kFormatVersion) + ": update Parley to open it"));
        return result;
    }
    if (v < 1) {
        result.errors.push_back(at(*version, "/version", "format version " + std::to_string(v) + " does not exist; versions start at 1"));
        return result;
    }

    Ctx c(result);
    Document doc;
    Obj r(c, root, "", "a Parley document");
    r.get("format");
    r.get("version");
    r.list("lists", &doc.lists, read_named_list);   // first: choice values anywhere need them
    r.id(&doc.id, IdKind::Document);
    r.name("kind", &doc.kind, true, kind_from_name, "proposal, response or workshop");
    r.text("title", &doc.title, true);
    r.name("status", &doc.status, true, status_from_name, "draft, agreed or submitted");
    if (const JsonValue* m = r.get("consultation")) read_consultation(c, *m, "/consultation", &doc.consultation);
    r.list("organisations", &doc.organisations, read_organisation);
    if (const JsonValue* m = r.get("summary")) read_summary(c, *m, "/summary", &doc.summary);
    r.list("sections", &doc.sections, read_section);
    r.list("regimes", &doc.regimes, read_regime);
    r.list("questions", &doc.questions, read_question);
    std::unordered_map<std::string, size_t> answered;
    r.list("answers", &doc.answers, [&answered](Ctx& c, const JsonValue& v, const std::string& p, Answer* a) {
        read_answer(c, v, p, a);
        if (a->question.empty()) return;
        auto it = answered.emplace(a->question, answered.size());
        if (!it.second) c.error(p + "/question", v.find("question")->pos, "the question \"" + a->question + "\" already has an answer; one answer per question");
    });
    r.list("general_points", &doc.general_points, read_section);
    if (const JsonValue* m = r.get("workshop")) read_workshop(c, *m, "/workshop", &doc.workshop);
    r.list("sources", &doc.sources, read_source);
    r.list("comments", &doc.comments, read_comment);
    r.list("revisions", &doc.revisions, read_revision);
    r.finish(&doc.extra);
    resolve_references(c);

    if (c.dropped)
        result.errors.push_back({"", 0, 0, "and " + std::to_string(c.dropped) + " more problems not listed: fix the ones above first"});
    if (result.errors.empty()) {
        result.ok = true;
        result.document = std::move(doc);
    }
    return result;
}

// ---------------------------------------------------------------------------------------
// Writing: members in the order of docs/format.md, empty optional members left out, unknown
// members last in the order they were read.

namespace {

void extra(JsonWriter& w, const ExtraMembers& e)
{
    for (const auto& m : e) { w.key(m.first); w.value(m.second); }
}

void text(JsonWriter& w, const char* key, const std::string& s) { w.key(key); w.string(s); }
void opt_text(JsonWriter& w, const char* key, const std::string& s) { if (!s.empty()) text(w, key, s); }

void texts(JsonWriter& w, const char* key, const std::vector<std::string>& list, bool always = false)
{
    if (list.empty() && !always) return;
    w.key(key);
    w.begin_array();
    for (const std::string& s : list) w.string(s);
    w.end_array();
}

template <typename T, typename F>
void objects(JsonWriter& w, const char* key, const std::vector<T>& list, F write)
{
    if (list.empty()) return;
    w.key(key);
    w.begin_array();
    for (const T& item : list) {
        w.begin_object();
        write(w, item);
        extra(w, item.extra);
        w.end_object();
    }
    w.end_array();
}

void position(JsonWriter& w, Position p) { if (p != Position::Unset) text(w, "position", position_name(p)); }

void write_value(JsonWriter& w, const Value& v)
{
    text(w, "type", value_type_name(v.type));
    switch (v.type) {
    case ValueType::Text: text(w, "text", v.text); break;
    case ValueType::Number: w.key("value"); w.number(v.number); opt_text(w, "unit", v.unit); break;
    case ValueType::Range: w.key("min"); w.number(v.min); w.key("max"); w.number(v.max); opt_text(w, "unit", v.unit); break;
    case ValueType::Bound:
        text(w, "bound", v.bound == BoundKind::AtLeast ? "at_least" : "at_most");
        w.key("value"); w.number(v.number);
        opt_text(w, "unit", v.unit);
        break;
    case ValueType::Choice: text(w, "list", v.list); text(w, "option", v.option); break;
    case ValueType::Set: opt_text(w, "list", v.list); texts(w, "items", v.items, true); break;
    case ValueType::YesNo: w.key("value"); w.boolean(v.yes); break;
    }
}

void write_section(JsonWriter& w, const Section& s)
{
    text(w, "id", s.id);
    opt_text(w, "heading", s.heading);
    opt_text(w, "body", s.body);
}

bool is_empty(const Consultation& c)
{
    return c.owners.empty() && c.title.empty() && c.reference.empty() && c.opened.empty() && c.closes.empty() && c.url.empty() && c.extra.empty();
}

} // namespace

std::string export_document(const Document& d)
{
    JsonWriter w;
    w.begin_object();
    text(w, "format", "parley");
    w.key("version");
    w.integer(kFormatVersion);
    text(w, "id", d.id);
    text(w, "kind", kind_name(d.kind));
    text(w, "title", d.title);
    text(w, "status", status_name(d.status));
    if (!is_empty(d.consultation)) {
        const Consultation& c = d.consultation;
        w.key("consultation");
        w.begin_object();
        texts(w, "owners", c.owners);
        opt_text(w, "title", c.title);
        opt_text(w, "reference", c.reference);
        opt_text(w, "opened", c.opened);
        opt_text(w, "closes", c.closes);
        opt_text(w, "url", c.url);
        extra(w, c.extra);
        w.end_object();
    }
    objects(w, "organisations", d.organisations, [](JsonWriter& w, const Organisation& o) {
        text(w, "id", o.id);
        text(w, "name", o.name);
        opt_text(w, "short_name", o.short_name);
        opt_text(w, "role", o.role);
        texts(w, "contacts", o.contacts);
    });
    if (d.summary.position != Position::Unset || !d.summary.text.empty() || !d.summary.extra.empty()) {
        w.key("summary");
        w.begin_object();
        position(w, d.summary.position);
        opt_text(w, "text", d.summary.text);
        extra(w, d.summary.extra);
        w.end_object();
    }
    objects(w, "sections", d.sections, write_section);
    objects(w, "regimes", d.regimes, [](JsonWriter& w, const Regime& g) {
        text(w, "id", g.id);
        text(w, "name", g.name);
        text(w, "role", role_name(g.role));
        opt_text(w, "owner", g.owner);
        opt_text(w, "based_on", g.based_on);
        opt_text(w, "summary", g.summary);
        objects(w, "dimensions", g.dimensions, [](JsonWriter& w, const Dimension& dim) {
            text(w, "id", dim.id);
            text(w, "key", dim.key);
            opt_text(w, "label", dim.label);
            w.key("value");
            w.begin_object();
            write_value(w, dim.value);
            extra(w, dim.value.extra);
            w.end_object();
            opt_text(w, "rationale", dim.rationale);
            texts(w, "sources", dim.sources);
        });
    });
    objects(w, "questions", d.questions, [](JsonWriter& w, const Question& q) {
        text(w, "id", q.id);
        opt_text(w, "number", q.number);
        text(w, "text", q.text);
        if (q.word_limit > 0) { w.key("word_limit"); w.integer(q.word_limit); }
    });
    objects(w, "answers", d.answers, [](JsonWriter& w, const Answer& a) {
        text(w, "id", a.id);
        text(w, "question", a.question);
        position(w, a.position);
        opt_text(w, "reasoning", a.reasoning);
        opt_text(w, "evidence", a.evidence);
        opt_text(w, "recommendations", a.recommendations);
        texts(w, "sources", a.sources);
        objects(w, "signatories", a.signatories, [](JsonWriter& w, const Signatory& s) {
            text(w, "organisation", s.organisation);
            text(w, "position", s.position == Position::Unset ? "no_view" : position_name(s.position));
            opt_text(w, "note", s.note);
        });
    });
    objects(w, "general_points", d.general_points, write_section);
    const Workshop& ws = d.workshop;
    if (!ws.regimes.empty() || !ws.criteria.empty() || !ws.participants.empty() || !ws.scores.empty() || !ws.extra.empty()) {
        w.key("workshop");
        w.begin_object();
        texts(w, "regimes", ws.regimes);
        objects(w, "criteria", ws.criteria, [](JsonWriter& w, const Criterion& k) {
            text(w, "id", k.id);
            text(w, "label", k.label);
            opt_text(w, "description", k.description);
            w.key("weight");
            w.number(k.weight);
        });
        objects(w, "participants", ws.participants, [](JsonWriter& w, const Participant& t) {
            text(w, "id", t.id);
            text(w, "name", t.name);
            opt_text(w, "organisation", t.organisation);
        });
        objects(w, "scores", ws.scores, [](JsonWriter& w, const Score& s) {
            text(w, "participant", s.participant);
            text(w, "regime", s.regime);
            text(w, "criterion", s.criterion);
            w.key("score");
            w.number(s.score);
            opt_text(w, "note", s.note);
        });
        extra(w, ws.extra);
        w.end_object();
    }
    objects(w, "lists", d.lists, [](JsonWriter& w, const NamedList& l) {
        text(w, "key", l.key);
        text(w, "label", l.label);
        w.key("options");
        w.begin_array();
        for (const ListOption& o : l.options) {
            w.begin_object();
            text(w, "key", o.key);
            text(w, "label", o.label);
            extra(w, o.extra);
            w.end_object();
        }
        w.end_array();
    });
    objects(w, "sources", d.sources, [](JsonWriter& w, const Source& s) {
        text(w, "id", s.id);
        text(w, "title", s.title);
        opt_text(w, "publisher", s.publisher);
        opt_text(w, "date", s.date);
        opt_text(w, "url", s.url);
    });
    objects(w, "comments", d.comments, [](JsonWriter& w, const Comment& k) {
        text(w, "id", k.id);
        text(w, "target", k.target);
        text(w, "text", k.text);
        opt_text(w, "author", k.author);
        opt_text(w, "organisation", k.organisation);
        opt_text(w, "time", k.time);
        if (k.resolved) { w.key("resolved"); w.boolean(true); }
    });
    objects(w, "revisions", d.revisions, [](JsonWriter& w, const Revision& k) {
        text(w, "id", k.id);
        opt_text(w, "parent", k.parent);
        text(w, "time", k.time);
        opt_text(w, "organisation", k.organisation);
        opt_text(w, "author", k.author);
        opt_text(w, "note", k.note);
    });
    extra(w, d.extra);
    w.end_object();
    w.text() += '\n';
    return std::move(w.text());
}

std::string format_error(const ImportError& e)
{
    std::string s;
    if (e.line > 0) s += std::to_string(e.line) + ":" + std::to_string(e.column) + ": ";
    if (!e.pointer.empty()) s += e.pointer + ": ";
    return s + e.message;
}

} // namespace parley
