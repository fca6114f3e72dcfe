// The machinery behind "every field is declared once" (document.h).
//
// Each model struct has one `describe(v, (const T*)nullptr)` next to it that lists its members
// in file order, each with a `Field`: its name in the file, its label as a person reads it, and
// what it is (prose, a reference, a date...). Everything that has to visit every field - the
// reader, the canonical writer, word counts, text search, exports, the version comparison, the
// undo log - walks these lists, so a member added to a struct and to its list is read, written,
// counted, compared and exported without another line (docs/architecture.md, "Adding a field").
//
// The same idea as nlohmann's NLOHMANN_DEFINE_TYPE_* macros or sokol's X-macro lists, written
// as plain functions over member pointers so that one list serves one object, two objects side
// by side (comparing, undo) and no object at all (tests that iterate the declarations).
//
// Index of this file
//   Field and its flags ............ what one declaration line says
//   Member categories .............. which members are lists, objects, values
//   for_each_field / _pair ......... visiting one object's fields, or two objects' together
//   walk_objects ................... every object of a document tree, depth first, in file order
#pragma once
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace parley {

// ---------------------------------------------------------------------------------------------
// Field and its flags

// What an id names, and what a reference must point at.
enum class IdKind { Document, Organisation, Section, Regime, Dimension, Question, Answer, Criterion, Participant, Source, Comment, Revision };

// How the text of a string member is read and checked.
enum class TextKind : unsigned char {
    Text,     // any text
    Id,       // this object's own id: unique in the document, never changes
    Ref,      // the id of another object of kind `Field::ref`
    AnyRef,   // the id of anything in the document (a comment's target)
    Key,      // a key: lower-case letters, digits, '_', '.', '-' (checked by the struct's own rules)
    Date,     // YYYY-MM-DD
    Time,     // YYYY-MM-DDTHH:MM:SSZ
};

enum FieldFlags : unsigned {
    FieldRequired  = 1u << 0,   // the reader refuses an object without it; the writer always writes it
    FieldProse     = 1u << 1,   // long text a person writes: counted, searched, compared word by word,
                                // exported as paragraphs, edited in the wrapped text box
    FieldCounted   = 1u << 2,   // short text that still counts as words (titles, headings, questions)
    FieldLead      = 1u << 3,   // the object's main text: exports give it without a label
    FieldReadFirst = 1u << 4,   // read before the other members (named lists: values anywhere need them)
    FieldHistory   = 1u << 5,   // history, not content: not compared between versions (revisions)
    FieldCustom    = 1u << 6,   // read and written by the struct's own rules (a dimension's typed value)
    FieldAside     = 1u << 7,   // about the draft, not part of its text (comments): not in its word count
    FieldIdentity  = 1u << 8,   // for objects without an id: what makes a list element the one it is, so
                                // copies line up (a co-signatory's organisation, a score's participant,
                                // regime and criterion, a list's key). Merging and history match by it.
    FieldMayDangle = 1u << 9,   // a reference that may outlive what it names (a comment on a question since
                                // removed): the reader keeps it, and it keeps nothing from being removed
};

struct Field {
    const char* name = "";           // the member's name in the file (docs/format.md)
    const char* label = nullptr;     // as a person reads it ("Web address"); null: never shown by itself
    unsigned    flags = 0;
    TextKind    text_kind = TextKind::Text;
    IdKind      id_kind = IdKind::Document;   // Id: the kind this id names; Ref: the kind it must point at
    const char* expected = nullptr;  // numbers: what the reader asks for ("a score from 0 to 5")
    const char* hint = nullptr;      // prose: what to write, shown in an empty box

    bool is(unsigned f) const { return (flags & f) != 0; }
    bool words() const { return (flags & (FieldProse | FieldCounted)) != 0; }

    // One maker per kind of member, so a declaration line reads as what the member is.
    static constexpr Field id(IdKind kind) { return {"id", nullptr, FieldRequired, TextKind::Id, kind}; }
    static constexpr Field text(const char* name, const char* label, unsigned flags = 0) { return {name, label, flags}; }
    static constexpr Field prose(const char* name, const char* label, const char* hint, unsigned flags = 0)
    {
        return {name, label, flags | FieldProse, TextKind::Text, IdKind::Document, nullptr, hint};
    }
    static constexpr Field ref(const char* name, const char* label, IdKind kind, unsigned flags = 0) { return {name, label, flags, TextKind::Ref, kind}; }
    static constexpr Field any_ref(const char* name, const char* label, unsigned flags = 0) { return {name, label, flags, TextKind::AnyRef}; }
    static constexpr Field key(const char* name, const char* label, unsigned flags = 0) { return {name, label, flags, TextKind::Key}; }
    static constexpr Field date(const char* name, const char* label, unsigned flags = 0) { return {name, label, flags, TextKind::Date}; }
    static constexpr Field time(const char* name, const char* label, unsigned flags = 0) { return {name, label, flags, TextKind::Time}; }
    static constexpr Field number(const char* name, const char* label, const char* expected, unsigned flags = 0)
    {
        return {name, label, flags, TextKind::Text, IdKind::Document, expected};
    }
    static constexpr Field choice(const char* name, const char* label, unsigned flags = 0) { return {name, label, flags}; }   // an enum
    static constexpr Field flag(const char* name, const char* label, unsigned flags = 0) { return {name, label, flags}; }     // true or false
    static constexpr Field list(const char* name, const char* label, unsigned flags = 0) { return {name, label, flags}; }
    static constexpr Field object(const char* name, const char* label, unsigned flags = 0) { return {name, label, flags}; }
    static constexpr Field json(const char* name, const char* label, unsigned flags = 0) { return {name, label, flags}; }     // any JSON value, kept as read
};

// ---------------------------------------------------------------------------------------------
// Member categories

// A struct with a field list: describe(v, (const T*)nullptr) exists for it.
template <typename T, typename = void> struct is_described : std::false_type {};
struct DescribeProbe { template <typename M, typename S> void operator()(M S::*, const Field&) {} };
template <typename T>
struct is_described<T, std::void_t<decltype(describe(std::declval<DescribeProbe&>(), (const T*)nullptr))>> : std::true_type {};
template <typename T> constexpr bool is_described_v = is_described<T>::value;

template <typename T> struct is_object_list : std::false_type {};
template <typename T> struct is_object_list<std::vector<T>> : std::bool_constant<is_described_v<T>> {};
template <typename T> constexpr bool is_object_list_v = is_object_list<T>::value;

// A struct whose objects carry an id of their own.
template <typename T, typename = void> struct has_id : std::false_type {};
template <typename T> struct has_id<T, std::void_t<decltype(std::declval<const T&>().id)>> : std::true_type {};
template <typename T> constexpr bool has_id_v = has_id<T>::value;

// ---------------------------------------------------------------------------------------------
// for_each_field / for_each_field_pair

namespace fields_detail {
template <typename T, typename F> struct OneVisitor {
    T& obj;
    F& fn;
    template <typename M> void operator()(M std::remove_const_t<T>::*member, const Field& f) { fn(f, obj.*member); }
};
template <typename A, typename B, typename F> struct PairVisitor {
    A& a;
    B& b;
    F& fn;
    template <typename M> void operator()(M std::remove_const_t<A>::*member, const Field& f) { fn(f, a.*member, b.*member); }
};
template <typename T, typename F> struct DeclVisitor {
    F& fn;
    template <typename M> void operator()(M T::*, const Field& f) { fn(f, (M*)nullptr); }
};
} // namespace fields_detail

// Calls fn(field, member) for each declared member of `obj`, in file order. With a const
// object the members are const.
template <typename T, typename F>
void for_each_field(T& obj, F&& fn)
{
    fields_detail::OneVisitor<T, F> v{obj, fn};
    describe(v, (const std::remove_const_t<T>*)nullptr);
}

// The same over two objects of one type: fn(field, member_of_a, member_of_b).
template <typename A, typename B, typename F>
void for_each_field_pair(A& a, B& b, F&& fn)
{
    static_assert(std::is_same_v<std::remove_const_t<A>, std::remove_const_t<B>>, "a pair of the same type");
    fields_detail::PairVisitor<A, B, F> v{a, b, fn};
    describe(v, (const std::remove_const_t<A>*)nullptr);
}

// The declarations alone (no object): fn(field, (M*)nullptr). Tests iterate these.
template <typename T, typename F>
void for_each_declared(F&& fn)
{
    fields_detail::DeclVisitor<T, F> v{fn};
    describe(v, (const T*)nullptr);
}

// ---------------------------------------------------------------------------------------------
// walk_objects

// Calls fn(object, field_it_sits_in) for `root` and every described object below it (nested
// objects and the items of object lists), parents before children, in file order. `field` is
// null for the root. fn returns false to stop the walk; walk_objects then returns false.
template <typename T, typename F>
bool walk_objects(T& root, F&& fn, const Field* in = nullptr)
{
    if (!fn(root, in)) return false;
    bool go = true;
    for_each_field(root, [&](const Field& f, auto& member) {
        using M = std::remove_const_t<std::remove_reference_t<decltype(member)>>;
        if (!go) return;
        if constexpr (is_object_list_v<M>) {
            for (auto& item : member)
                if (go && !walk_objects(item, fn, &f)) go = false;
        } else if constexpr (is_described_v<M>) {
            if (!walk_objects(member, fn, &f)) go = false;
        }
    });
    return go;
}

} // namespace parley
