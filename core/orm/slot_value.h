// SlotValue: one column value as a mapped object's slot holds it, with a few bits of its
// owner's bookkeeping, in 16 bytes instead of an engine::Value's 40. Null, booleans, integers,
// floats and text up to 14 bytes live inline; longer text has one exact-size heap block; the rarer
// kinds (dates, times, decimals, blobs) are boxed engine::Values. A seed of many objects holds one
// slot per column per object, so this is most of an object's size. Values cross to the rest of
// ormsh as engine::Value.
#pragma once

#include "core/engine/value.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace ormsh::orm {

class SlotValue {
public:
    SlotValue() = default;
    SlotValue(const SlotValue&) = delete;
    SlotValue& operator=(const SlotValue&) = delete;
    ~SlotValue() { release(); }

    void set(const engine::Value& value);
    void set(engine::Value&& value);
    void set_text(std::string_view text);
    void set_null() {
        release();
        kind_ = Kind::Null;
    }
    // The value as an engine::Value.
    engine::Value get() const;
    // The same into `out`, reusing the text buffer `out` already holds.
    void get_into(engine::Value& out) const;

    bool is_null() const { return kind_ == Kind::Null; }
    // The integer held, if the value is one.
    std::optional<std::int64_t> if_int() const {
        if (kind_ != Kind::Int) return std::nullopt;
        return word<std::int64_t>();
    }
    // Equality as engine::Value's: same kind and same value.
    bool equals(const engine::Value& value) const;

    // Five bits the slot's owner keeps with the value (InstanceState's loaded / modified
    // flags), in the slot's spare bits; setting the value leaves them as they are.
    static constexpr std::uint8_t kMarkBits = 5;
    std::uint8_t marks() const { return marks_; }
    void set_marks(std::uint8_t marks) { marks_ = marks & ((1u << kMarkBits) - 1); }

private:
    enum class Kind : std::uint8_t { Null, Bool, Int, Double, ShortText, LongText, Boxed };
    // Text up to this many bytes is kept in the slot itself.
    static constexpr std::size_t kShortTextMax = 14;
    // Where a long text's size is kept, after its pointer.
    static constexpr std::size_t kLongSizeOffset = 8;

    void release();
    // Holds `value` in a heap copy (the kinds without an inline form).
    void box(engine::Value&& value);
    template <class T> void set_scalar(T value, Kind kind) {
        release();
        set_word(value);
        kind_ = kind;
    }
    void assign_text(const char* data, std::size_t size);
    std::string_view text() const;
    std::uint32_t long_size() const;

    // The first word of the storage as a T (an integer, a float, a pointer).
    template <class T> T word(std::size_t offset = 0) const {
        T value;
        std::memcpy(&value, storage_ + offset, sizeof value);
        return value;
    }
    template <class T> void set_word(T value, std::size_t offset = 0) {
        std::memcpy(storage_ + offset, &value, sizeof value);
    }

    // Inline text, or a word (integer, float, bool, text pointer, boxed Value pointer)
    // followed by a long text's size.
    alignas(8) char storage_[kShortTextMax];
    std::uint8_t short_size_ = 0;
    Kind kind_ : 3 = Kind::Null;
    std::uint8_t marks_ : kMarkBits = 0;
};

static_assert(sizeof(SlotValue) == 16, "a slot is two words");

} // namespace ormsh::orm
