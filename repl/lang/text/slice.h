// Python's slice-index normalisation (PySlice_Unpack + PySlice_AdjustIndices): given a sequence
// length and the optional start/stop/step of a slice, the concrete indices a slice visits.
// Shared by str, list, tuple and bytes slicing so they all clamp exactly like CPython.
#pragma once

#include "repl/lang/text/errors.h"

#include <cstdint>
#include <optional>

namespace ormsh::lang::text {

struct SliceIndices {
    int64_t start = 0;
    int64_t stop = 0;
    int64_t step = 1;
    int64_t length = 0; // number of items the slice selects
};

// Throws ValueError "slice step cannot be zero" when step == 0.
inline SliceIndices adjust_slice(int64_t length, std::optional<int64_t> start,
                                 std::optional<int64_t> stop, std::optional<int64_t> step) {
    SliceIndices r;
    r.step = step.value_or(1);
    if (r.step == 0) throw_value_error("slice step cannot be zero");
    // CPython clamps a step of INT64_MIN to -INT64_MAX so that -step cannot overflow.
    if (r.step < -INT64_MAX) r.step = -INT64_MAX;
    const bool back = r.step < 0;
    r.start = start ? *start : (back ? INT64_MAX : 0);
    r.stop = stop ? *stop : (back ? INT64_MIN : INT64_MAX);

    if (r.start < 0) {
        r.start += length;
        if (r.start < 0) r.start = back ? -1 : 0;
    } else if (r.start >= length) {
        r.start = back ? length - 1 : length;
    }
    if (r.stop < 0) {
        r.stop += length;
        if (r.stop < 0) r.stop = back ? -1 : 0;
    } else if (r.stop >= length) {
        r.stop = back ? length - 1 : length;
    }
    if (back) {
        r.length = r.stop < r.start ? (r.start - r.stop - 1) / (-r.step) + 1 : 0;
    } else {
        r.length = r.start < r.stop ? (r.stop - r.start - 1) / r.step + 1 : 0;
    }
    return r;
}

// Normalises a single subscript (s[i]); nullopt when out of range (the caller raises
// IndexError with its own type's message, e.g. "string index out of range").
inline std::optional<int64_t> adjust_index(int64_t length, int64_t index) {
    if (index < 0) index += length;
    if (index < 0 || index >= length) return std::nullopt;
    return index;
}

} // namespace ormsh::lang::text
