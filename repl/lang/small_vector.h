// SmallVector: a vector whose first N elements live inside it, for the argument lists built
// on every call (positional values, keyword pairs) so that a call allocates nothing.
#pragma once

#include <cstddef>
#include <new>
#include <span>
#include <utility>

namespace ormsh::lang {

template <class T, size_t N> class SmallVector {
public:
    SmallVector() = default;
    SmallVector(const SmallVector&) = delete;
    SmallVector& operator=(const SmallVector&) = delete;
    ~SmallVector() {
        for (size_t i = 0; i < size_; ++i)
            data_[i].~T();
        if (data_ != inline_data()) ::operator delete(data_);
    }

    void push_back(T v) {
        if (size_ == capacity_) grow();
        new (&data_[size_]) T(std::move(v));
        ++size_;
    }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }
    T& operator[](size_t i) { return data_[i]; }
    std::span<const T> span() const { return {data_, size_}; }

private:
    T* inline_data() { return reinterpret_cast<T*>(storage_); }
    void grow() {
        size_t cap = capacity_ * 2;
        T* bigger = static_cast<T*>(::operator new(cap * sizeof(T)));
        for (size_t i = 0; i < size_; ++i) {
            new (&bigger[i]) T(std::move(data_[i]));
            data_[i].~T();
        }
        if (data_ != inline_data()) ::operator delete(data_);
        data_ = bigger;
        capacity_ = cap;
    }

    alignas(T) unsigned char storage_[N * sizeof(T)];
    T* data_ = inline_data();
    size_t size_ = 0;
    size_t capacity_ = N;
};

} // namespace ormsh::lang
