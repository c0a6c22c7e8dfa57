// SlotValue: conversion between the compact slot form and engine::Value.
#include "core/orm/slot_value.h"

#include <limits>
#include <new>
#include <string>
#include <type_traits>
#include <utility>

namespace ormsh::orm {
namespace {

// The position of T among engine::Value's alternatives, for a switch on Value::index().
template <class T, std::size_t I = 0> constexpr std::size_t variant_index() {
    if constexpr (std::is_same_v<std::variant_alternative_t<I, engine::Value>, T>)
        return I;
    else
        return variant_index<T, I + 1>();
}

} // namespace

void SlotValue::release() {
    if (kind_ == Kind::LongText)
        ::operator delete(word<char*>());
    else if (kind_ == Kind::Boxed)
        delete word<engine::Value*>();
    kind_ = Kind::Null;
}

void SlotValue::assign_text(const char* data, std::size_t size) {
    if (size <= kShortTextMax) {
        release();
        std::memcpy(storage_, data, size);
        short_size_ = static_cast<std::uint8_t>(size);
        kind_ = Kind::ShortText;
        return;
    }
    // A long text of the same size (a value set again) keeps its block.
    if (kind_ == Kind::LongText && long_size() == size) {
        std::memcpy(word<char*>(), data, size);
        return;
    }
    release();
    auto* block = static_cast<char*>(::operator new(size));
    std::memcpy(block, data, size);
    set_word(block);
    set_word(static_cast<std::uint32_t>(size), kLongSizeOffset);
    kind_ = Kind::LongText;
}

void SlotValue::set_text(std::string_view text) {
    if (text.size() <= std::numeric_limits<std::uint32_t>::max()) {
        assign_text(text.data(), text.size());
        return;
    }
    set(engine::Value(std::string(text)));
}

std::string_view SlotValue::text() const {
    if (kind_ == Kind::ShortText) return {storage_, short_size_};
    return {word<const char*>(), long_size()};
}

std::uint32_t SlotValue::long_size() const {
    return word<std::uint32_t>(kLongSizeOffset);
}

void SlotValue::set(const engine::Value& value) {
    switch (value.index()) {
    case variant_index<engine::Null>():
        set_null();
        return;
    case variant_index<bool>():
        set_scalar(std::get<bool>(value), Kind::Bool);
        return;
    case variant_index<std::int64_t>():
        set_scalar(std::get<std::int64_t>(value), Kind::Int);
        return;
    case variant_index<double>():
        set_scalar(std::get<double>(value), Kind::Double);
        return;
    case variant_index<std::string>(): {
        const auto& text = std::get<std::string>(value);
        if (text.size() <= std::numeric_limits<std::uint32_t>::max()) {
            assign_text(text.data(), text.size());
            return;
        }
        break;
    }
    default:
        break;
    }
    box(engine::Value(value));
}

void SlotValue::set(engine::Value&& value) {
    // Only a value that will be boxed gains from the move; the slot copies anything else.
    bool boxed = value.index() > variant_index<std::string>() ||
                 (value.index() == variant_index<std::string>() &&
                  std::get<std::string>(value).size() > std::numeric_limits<std::uint32_t>::max());
    if (boxed)
        box(std::move(value));
    else
        set(static_cast<const engine::Value&>(value));
}

void SlotValue::box(engine::Value&& value) {
    auto* boxed = new engine::Value(std::move(value));
    release();
    set_word(boxed);
    kind_ = Kind::Boxed;
}

engine::Value SlotValue::get() const {
    engine::Value out;
    get_into(out);
    return out;
}

void SlotValue::get_into(engine::Value& out) const {
    switch (kind_) {
    case Kind::Null:
        out = engine::Null{};
        return;
    case Kind::Bool:
        out = word<bool>();
        return;
    case Kind::Int:
        out = word<std::int64_t>();
        return;
    case Kind::Double:
        out = word<double>();
        return;
    case Kind::ShortText:
    case Kind::LongText: {
        std::string_view t = text();
        engine::assign_text(out, t.data(), t.size());
        return;
    }
    case Kind::Boxed:
        out = *word<const engine::Value*>();
        return;
    }
}

bool SlotValue::equals(const engine::Value& value) const {
    switch (kind_) {
    case Kind::Null:
        return std::holds_alternative<engine::Null>(value);
    case Kind::Bool: {
        const auto* b = std::get_if<bool>(&value);
        return b && *b == word<bool>();
    }
    case Kind::Int: {
        const auto* i = std::get_if<std::int64_t>(&value);
        return i && *i == word<std::int64_t>();
    }
    case Kind::Double: {
        const auto* d = std::get_if<double>(&value);
        return d && *d == word<double>();
    }
    case Kind::ShortText:
    case Kind::LongText: {
        const auto* s = std::get_if<std::string>(&value);
        return s && std::string_view(*s) == text();
    }
    case Kind::Boxed:
        return *word<const engine::Value*>() == value;
    }
    return false;
}

} // namespace ormsh::orm
