// The items of a JSON list or the members of an object, held by one pointer.
//
// A file dense in small values ({"id":"src-1"} a hundred thousand times) is mostly containers of
// one to five children, and most values hold no container at all. A std::vector costs 24 bytes
// in every value whether it holds anything or not, and JsonValue has two of them; this list
// costs 8 and keeps its size and room in front of its items on the heap. It has the part of
// std::vector's interface the core uses, with plain pointers as iterators.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <new>
#include <utility>

namespace parley {

template <class T>
class JsonList {
public:
    JsonList() = default;
    JsonList(std::initializer_list<T> init)
    {
        reserve(init.size());
        for (const T& v : init) emplace_back(v);
    }
    JsonList(const JsonList& o)
    {
        reserve(o.size());
        for (const T& v : o) emplace_back(v);
    }
    JsonList(JsonList&& o) noexcept : h_(o.h_) { o.h_ = nullptr; }
    JsonList& operator=(const JsonList& o)
    {
        if (this != &o) { JsonList copy(o); swap(copy); }
        return *this;
    }
    JsonList& operator=(JsonList&& o) noexcept
    {
        if (this != &o) { release(); h_ = o.h_; o.h_ = nullptr; }
        return *this;
    }
    ~JsonList() { release(); }

    size_t size() const { return h_ ? (size_t)h_->size : 0; }
    size_t capacity() const { return h_ ? (size_t)h_->capacity : 0; }
    bool empty() const { return size() == 0; }

    T* data() { return h_ ? reinterpret_cast<T*>(h_ + 1) : nullptr; }
    const T* data() const { return h_ ? reinterpret_cast<const T*>(h_ + 1) : nullptr; }
    T* begin() { return data(); }
    T* end() { return data() + size(); }
    const T* begin() const { return data(); }
    const T* end() const { return data() + size(); }
    T& operator[](size_t i) { return data()[i]; }
    const T& operator[](size_t i) const { return data()[i]; }
    T& back() { return data()[size() - 1]; }
    const T& back() const { return data()[size() - 1]; }

    void reserve(size_t n)
    {
        if (n > capacity()) move_to(n);
    }
    void push_back(const T& v) { emplace_back(v); }
    void push_back(T&& v) { emplace_back(std::move(v)); }
    template <class... A>
    T& emplace_back(A&&... args)
    {
        const size_t n = size();
        if (n < capacity()) {
            new (data() + n) T(std::forward<A>(args)...);
        } else {
            // The new item is built in the new room before the old ones move, so an argument
            // that refers to one of them (list.push_back(list[0])) is still valid.
            Header* grown = allocate(n ? n * 2 : 1);
            T* to = reinterpret_cast<T*>(grown + 1);
            new (to + n) T(std::forward<A>(args)...);
            for (size_t i = 0; i < n; i++) { new (to + i) T(std::move(data()[i])); data()[i].~T(); }
            ::operator delete(h_);
            h_ = grown;
        }
        h_->size = n + 1;
        return data()[n];
    }
    T* erase(T* first, T* last)
    {
        if (first == last) return first;
        T* out = first;
        for (T* in = last; in != end(); ++in, ++out) *out = std::move(*in);
        for (T* p = out; p != end(); ++p) p->~T();
        h_->size = (size_t)(out - data());
        return first;
    }
    T* erase(T* at) { return erase(at, at + 1); }
    void clear()
    {
        for (T& v : *this) v.~T();
        if (h_) h_->size = 0;
    }
    void swap(JsonList& o) noexcept { std::swap(h_, o.h_); }

private:
    struct Header {   // 16 bytes on 32-bit wasm too: the items after it are aligned for a double
        uint64_t size;
        uint64_t capacity;
    };
    static_assert(sizeof(Header) == 16, "the items start 16 bytes in");
    Header* h_ = nullptr;

    static Header* allocate(size_t capacity)
    {
        Header* h = static_cast<Header*>(::operator new(sizeof(Header) + capacity * sizeof(T)));
        h->size = 0;
        h->capacity = capacity;
        return h;
    }
    void move_to(size_t capacity)
    {
        Header* grown = allocate(capacity);
        const size_t n = size();
        T* to = reinterpret_cast<T*>(grown + 1);
        for (size_t i = 0; i < n; i++) { new (to + i) T(std::move(data()[i])); data()[i].~T(); }
        grown->size = n;
        ::operator delete(h_);
        h_ = grown;
    }
    void release()
    {
        if (!h_) return;
        clear();
        ::operator delete(h_);
        h_ = nullptr;
    }
};

} // namespace parley
