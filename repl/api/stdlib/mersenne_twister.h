// MT19937, the Mersenne Twister generator behind CPython's random module: seeding from an array
// of 32-bit words (init_by_array), 32-bit outputs, and the raw state for getstate/setstate.
// Pure C++; the random module (random_module.cpp) builds CPython's methods on top of it.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace ormsh::api::stdlib {

class MersenneTwister {
public:
    static constexpr int kStateWords = 624;

    MersenneTwister() { seed_words(std::span<const uint32_t>()); }

    // Seeds from key words, least significant first (an empty key seeds like the key {0}).
    void seed_words(std::span<const uint32_t> key);
    uint32_t next_u32();

    const std::array<uint32_t, kStateWords>& state() const { return mt_; }
    int index() const { return index_; }
    void set_state(const std::array<uint32_t, kStateWords>& words, int index) {
        mt_ = words;
        index_ = index;
    }

private:
    void seed_single(uint32_t s);
    void twist();

    std::array<uint32_t, kStateWords> mt_{};
    int index_ = kStateWords + 1;
};

} // namespace ormsh::api::stdlib
