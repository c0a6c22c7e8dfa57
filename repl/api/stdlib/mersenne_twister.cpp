// MT19937 as published by Matsumoto and Nishimura (1998), with the 2002 array initialisation
// that CPython's random.seed() uses; the constants below are the algorithm's own.
#include "repl/api/stdlib/mersenne_twister.h"

namespace ormsh::api::stdlib {

namespace {
constexpr int kShift = 397; // the "middle word" offset M of MT19937
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpperMask = 0x80000000u;
constexpr uint32_t kLowerMask = 0x7fffffffu;
constexpr uint32_t kArraySeed = 19650218u; // init_by_array starts from this single seed
} // namespace

void MersenneTwister::seed_single(uint32_t s) {
    mt_[0] = s;
    for (int i = 1; i < kStateWords; ++i)
        mt_[i] = 1812433253u * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + static_cast<uint32_t>(i);
    index_ = kStateWords;
}

void MersenneTwister::seed_words(std::span<const uint32_t> key) {
    static const uint32_t zero = 0;
    if (key.empty()) key = std::span<const uint32_t>(&zero, 1);
    seed_single(kArraySeed);
    const int n = kStateWords;
    const int len = static_cast<int>(key.size());
    int i = 1, j = 0;
    for (int k = n > len ? n : len; k > 0; --k) {
        mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) + key[j] +
                 static_cast<uint32_t>(j);
        if (++i >= n) {
            mt_[0] = mt_[n - 1];
            i = 1;
        }
        if (++j >= len) j = 0;
    }
    for (int k = n - 1; k > 0; --k) {
        mt_[i] =
            (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
        if (++i >= n) {
            mt_[0] = mt_[n - 1];
            i = 1;
        }
    }
    mt_[0] = 0x80000000u; // guarantees a non-zero initial state
    index_ = kStateWords;
}

void MersenneTwister::twist() {
    for (int k = 0; k < kStateWords; ++k) {
        uint32_t y = (mt_[k] & kUpperMask) | (mt_[(k + 1) % kStateWords] & kLowerMask);
        mt_[k] = mt_[(k + kShift) % kStateWords] ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
    }
    index_ = 0;
}

uint32_t MersenneTwister::next_u32() {
    if (index_ >= kStateWords) twist();
    uint32_t y = mt_[index_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

} // namespace ormsh::api::stdlib
