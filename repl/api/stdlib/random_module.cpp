// The `random` module: random.Random on the Mersenne Twister, with CPython's seeding (ints by
// their 32-bit words, str/bytes through SHA-512, None from the OS), its reductions (random()
// from two draws, _randbelow by rejection on getrandbits) and its algorithms for every method,
// so a seeded script draws exactly the numbers it draws under CPython. The module functions
// are bound methods of one hidden instance, as in CPython.
#include "repl/api/stdlib/digest.h"
#include "repl/api/stdlib/mersenne_twister.h"
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

#include <bit>
#include <cmath>
#include <unordered_set>

namespace ormsh::api::stdlib {

namespace {

using lang::text::BigInt;

constexpr int kStateVersion = 3; // Random.VERSION
constexpr double kTwoTo53 = 9007199254740992.0;
constexpr double kTwoTo26 = 67108864.0;

struct RandomObj : lang::Object {
    explicit RandomObj(Type* t) : Object(t) {}
    MersenneTwister mt;
    bool has_gauss_next = false;
    double gauss_next = 0;
};

Type* random_type();

RandomObj* self_of(Interpreter& in, const Value& self) {
    if (!self.is_obj() || !self.type()->is_subtype(random_type()))
        in.raise("TypeError", "descriptor requires a 'random.Random' object but received '" +
                                  in.type_name(self) + "'");
    return self.as<RandomObj>();
}

// ---- the core generators ----

double random_float(MersenneTwister& mt) {
    uint32_t a = mt.next_u32() >> 5, b = mt.next_u32() >> 6;
    return (a * kTwoTo26 + b) * (1.0 / kTwoTo53);
}

// getrandbits(k) for k <= 64: the 32-bit words fill the result from the low end; the last one
// keeps only its top bits.
uint64_t bits_u64(MersenneTwister& mt, int k) {
    if (k <= 32) return k == 0 ? 0 : mt.next_u32() >> (32 - k);
    uint64_t low = mt.next_u32();
    uint64_t high = mt.next_u32() >> (64 - k);
    return low | (high << 32);
}

BigInt bits_big(MersenneTwister& mt, uint64_t k) {
    std::vector<uint32_t> words;
    words.reserve(k / 32 + 1);
    for (uint64_t left = k; left > 0;) {
        uint32_t r = mt.next_u32();
        if (left < 32) r >>= (32 - left);
        words.push_back(r);
        left = left < 32 ? 0 : left - 32;
    }
    return BigInt::from_limbs(std::move(words), false);
}

int bit_length_u64(uint64_t n) {
    return 64 - std::countl_zero(n);
}

// A random int in [0, n) for n > 0, by rejection on n.bit_length() random bits.
Value randbelow(MersenneTwister& mt, const Value& n) {
    if (n.is_int()) {
        uint64_t un = static_cast<uint64_t>(n.as_int());
        int k = bit_length_u64(un);
        uint64_t r = bits_u64(mt, k);
        while (r >= un)
            r = bits_u64(mt, k);
        return Value::integer(static_cast<int64_t>(r));
    }
    BigInt bn = lang::to_bigint(n);
    uint64_t k = bn.bit_length();
    BigInt r = bits_big(mt, k);
    while (r >= bn)
        r = bits_big(mt, k);
    return lang::make_int(r);
}

int64_t randbelow_i64(MersenneTwister& mt, int64_t n) {
    return randbelow(mt, Value::integer(n)).as_int();
}

// ---- seeding ----

void seed_from_bigint(MersenneTwister& mt, const BigInt& v) {
    mt.seed_words(v.abs().limbs());
}

void seed_from_os(MersenneTwister& mt) {
    std::string raw = secure_random_bytes(MersenneTwister::kStateWords * 4);
    std::vector<uint32_t> key(MersenneTwister::kStateWords);
    for (size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<uint32_t>(static_cast<unsigned char>(raw[4 * i])) |
                 static_cast<uint32_t>(static_cast<unsigned char>(raw[4 * i + 1])) << 8 |
                 static_cast<uint32_t>(static_cast<unsigned char>(raw[4 * i + 2])) << 16 |
                 static_cast<uint32_t>(static_cast<unsigned char>(raw[4 * i + 3])) << 24;
    mt.seed_words(key);
}

// int.from_bytes(data, 'big') as 32-bit words, least significant first.
BigInt from_big_endian(const std::string& data) {
    std::vector<uint32_t> words((data.size() + 3) / 4, 0);
    for (size_t i = 0; i < data.size(); ++i) {
        size_t from_end = data.size() - 1 - i;
        words[from_end / 4] |= static_cast<uint32_t>(static_cast<unsigned char>(data[i]))
                               << (8 * (from_end % 4));
    }
    return BigInt::from_limbs(std::move(words), false);
}

void do_seed(Interpreter& in, RandomObj* r, const Value& a) {
    r->has_gauss_next = false;
    if (a.empty() || a.is_none()) return seed_from_os(r->mt);
    if (lang::is_int_like(a)) return seed_from_bigint(r->mt, lang::to_bigint(a));
    std::string data;
    if (bytes_like(a, data))
        return seed_from_bigint(r->mt, from_big_endian(data + digest_of("sha512", data)));
    if (a.is_float()) {
        // CPython seeds other hashables by their hash, read as an unsigned machine word.
        uint64_t h = static_cast<uint64_t>(in.hash(a));
        return seed_from_bigint(r->mt, BigInt::from_uint64(h));
    }
    in.raise("TypeError",
             "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
}

// ---- argument helpers ----

Value index_arg(Interpreter& in, const Value& v, const char* which) {
    if (lang::is_int_like(v)) return v.is_bool() ? Value::integer(v.as_bool()) : v;
    if (v.is_float()) {
        double d = v.as_float();
        if (std::floor(d) != d || !std::isfinite(d))
            in.raise("ValueError", std::string("non-integer ") + which + " for randrange()");
        return lang::int_from_double(in, d);
    }
    return Value::integer(in.index_value(v));
}

bool int_positive(Interpreter& in, const Value& v) {
    return in.truthy(in.compare(lang::CmpKind::Gt, v, Value::integer(0)));
}

Value add(Interpreter& in, const Value& a, const Value& b) {
    return in.binary_op(lang::BinOpKind::Add, a, b);
}

std::string int_text(const Value& v) {
    return lang::int_repr(v);
}

double float_arg(Interpreter& in, const Value& v) {
    auto d = lang::to_double(v);
    if (!d) {
        if (v.is_obj() && !v.type()->lookup("__float__").empty())
            return in.call_method(v, "__float__", {}).as_float();
        in.raise("TypeError", "must be real number, not " + in.type_name(v));
    }
    return *d;
}

// ---- methods ----

Value m_seed(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    lang::parse_args(in, "seed", args, {"a", "version"}, 0, p);
    if (!p[1].empty() && !(p[1].is_int() && p[1].as_int() == 2))
        in.raise("ValueError", "only version 2 seeding is supported by ormsh");
    do_seed(in, self_of(in, self), p[0]);
    return Value::none();
}

Value m_random(Interpreter& in, const Value& self, Args&) {
    return Value::flt(random_float(self_of(in, self)->mt));
}

Value m_getrandbits(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "getrandbits", args, {"k"}, 1, p);
    int64_t k = in.index_value(p[0]);
    if (k < 0) in.raise("ValueError", "number of bits must be non-negative");
    MersenneTwister& mt = self_of(in, self)->mt;
    if (k <= 63) return Value::integer(static_cast<int64_t>(bits_u64(mt, static_cast<int>(k))));
    return lang::make_int(bits_big(mt, static_cast<uint64_t>(k)));
}

Value randrange_impl(Interpreter& in, MersenneTwister& mt, const Value& start, const Value& stop,
                     const Value& step) {
    Value istart = index_arg(in, start, "arg 1");
    if (stop.empty() || stop.is_none()) {
        if (!step.empty()) in.raise("TypeError", "Missing a non-None stop argument");
        if (int_positive(in, istart)) return randbelow(mt, istart);
        in.raise("ValueError", "empty range for randrange()");
    }
    Value istop = index_arg(in, stop, "stop");
    Value istep = step.empty() ? Value::integer(1) : index_arg(in, step, "step");
    if (istart.is_int() && istop.is_int() && istep.is_int() && istep.as_int() == 1) {
        int64_t a = istart.as_int(), b = istop.as_int(), width = 0;
        if (!__builtin_sub_overflow(b, a, &width)) {
            if (width > 0) return Value::integer(a + randbelow_i64(mt, width));
            in.raise("ValueError", "empty range for randrange() (" + std::to_string(a) + ", " +
                                       std::to_string(b) + ", " + std::to_string(width) + ")");
        }
    }
    Value width = in.binary_op(lang::BinOpKind::Sub, istop, istart);
    Value one = Value::integer(1);
    if (in.eq(istep, one)) {
        if (int_positive(in, width)) return add(in, istart, randbelow(mt, width));
        in.raise("ValueError", "empty range for randrange() (" + int_text(istart) + ", " +
                                   int_text(istop) + ", " + int_text(width) + ")");
    }
    Value n;
    if (int_positive(in, istep))
        n = in.binary_op(lang::BinOpKind::FloorDiv,
                         in.binary_op(lang::BinOpKind::Sub, add(in, width, istep), one), istep);
    else if (in.eq(istep, Value::integer(0)))
        in.raise("ValueError", "zero step for randrange()");
    else
        n = in.binary_op(lang::BinOpKind::FloorDiv, add(in, add(in, width, istep), one), istep);
    if (!int_positive(in, n)) in.raise("ValueError", "empty range for randrange()");
    return add(in, istart, in.binary_op(lang::BinOpKind::Mul, istep, randbelow(mt, n)));
}

Value m_randrange(Interpreter& in, const Value& self, Args& args) {
    Value p[3];
    lang::parse_args(in, "randrange", args, {"start", "stop", "step"}, 1, p);
    return randrange_impl(in, self_of(in, self)->mt, p[0], p[1], p[2]);
}

Value m_randint(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    lang::parse_args(in, "randint", args, {"a", "b"}, 2, p);
    Value b = index_arg(in, p[1], "stop");
    return randrange_impl(in, self_of(in, self)->mt, p[0], add(in, b, Value::integer(1)), Value());
}

Value m_choice(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "choice", args, {"seq"}, 1, p);
    MersenneTwister& mt = self_of(in, self)->mt;
    int64_t n = in.len(p[0]);
    if (n == 0) in.raise("IndexError", "Cannot choose from an empty sequence");
    int64_t i = randbelow_i64(mt, n);
    if (lang::has_layout(p[0], lang::Layout::List) && !p[0].type()->heap)
        return p[0].as<lang::List>()->items[static_cast<size_t>(i)];
    if (lang::has_layout(p[0], lang::Layout::Tuple) && !p[0].type()->heap)
        return p[0].as<lang::Tuple>()->items[static_cast<size_t>(i)];
    return in.getitem(p[0], Value::integer(i));
}

Value m_shuffle(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "shuffle", args, {"x"}, 1, p);
    MersenneTwister& mt = self_of(in, self)->mt;
    const Value& x = p[0];
    int64_t n = in.len(x);
    if (lang::has_layout(x, lang::Layout::List) && !x.type()->heap) {
        auto& items = x.as<lang::List>()->items;
        for (int64_t i = n - 1; i > 0; --i) {
            int64_t j = randbelow_i64(mt, i + 1);
            std::swap(items[static_cast<size_t>(i)], items[static_cast<size_t>(j)]);
        }
        return Value::none();
    }
    for (int64_t i = n - 1; i > 0; --i) {
        int64_t j = randbelow_i64(mt, i + 1);
        Value xi = in.getitem(x, Value::integer(i)), xj = in.getitem(x, Value::integer(j));
        in.setitem(x, Value::integer(i), xj);
        in.setitem(x, Value::integer(j), xi);
    }
    return Value::none();
}

bool is_sequence(const Value& v) {
    switch (v.type()->layout) {
    case lang::Layout::List:
    case lang::Layout::Tuple:
    case lang::Layout::Str:
    case lang::Layout::Range:
    case lang::Layout::Bytes:
        return true;
    case lang::Layout::Dict:
    case lang::Layout::Set:
        return false;
    default:
        return !v.type()->lookup("__getitem__").empty() && !v.type()->lookup("__len__").empty();
    }
}

// bisect.bisect_right(a, x, 0, hi) with Python comparisons.
int64_t bisect_right(Interpreter& in, const std::vector<Value>& a, const Value& x, int64_t hi) {
    int64_t lo = 0;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (in.lt(x, a[static_cast<size_t>(mid)]))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

std::vector<Value> accumulate(Interpreter& in, const Value& iterable) {
    std::vector<Value> out = in.to_vector(iterable);
    for (size_t i = 1; i < out.size(); ++i)
        out[i] = add(in, out[i - 1], out[i]);
    return out;
}

Value sample_impl(Interpreter& in, MersenneTwister& mt, const Value& population, const Value& kv,
                  const Value& counts) {
    if (!is_sequence(population))
        in.raise("TypeError", "Population must be a sequence.  For dicts or sets, use sorted(d).");
    int64_t n = in.len(population);
    if (!counts.empty() && !counts.is_none()) {
        std::vector<Value> cum = accumulate(in, counts);
        if (static_cast<int64_t>(cum.size()) != n)
            in.raise("ValueError", "The number of counts does not match the population");
        if (cum.empty()) in.raise("IndexError", "pop from empty list");
        Value total = cum.back();
        cum.pop_back();
        if (!lang::is_int_like(total)) in.raise("TypeError", "Counts must be integers");
        if (!int_positive(in, total))
            in.raise("ValueError", "Total of counts must be greater than zero");
        Value range = in.call(in.builtins()->dict->get_str("range"), {total});
        Value picks = sample_impl(in, mt, range, kv, Value());
        std::vector<Value> out;
        for (auto& s : picks.as<lang::List>()->items)
            out.push_back(in.getitem(
                population,
                Value::integer(bisect_right(in, cum, s, static_cast<int64_t>(cum.size())))));
        return lang::new_list(std::move(out));
    }
    int64_t k = in.index_value(kv);
    if (k < 0 || k > n) in.raise("ValueError", "Sample larger than population or is negative");
    std::vector<Value> result(static_cast<size_t>(k));
    int64_t setsize = 21; // CPython's estimate of a small set's size, in list slots
    if (k > 5)
        setsize += static_cast<int64_t>(
            std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
    if (n <= setsize) {
        std::vector<Value> pool = in.to_vector(population);
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = randbelow_i64(mt, n - i);
            result[static_cast<size_t>(i)] = pool[static_cast<size_t>(j)];
            pool[static_cast<size_t>(j)] = pool[static_cast<size_t>(n - i - 1)];
        }
    } else {
        std::unordered_set<int64_t> selected;
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = randbelow_i64(mt, n);
            while (selected.count(j))
                j = randbelow_i64(mt, n);
            selected.insert(j);
            result[static_cast<size_t>(i)] = in.getitem(population, Value::integer(j));
        }
    }
    return lang::new_list(std::move(result));
}

Value m_sample(Interpreter& in, const Value& self, Args& args) {
    Value p[3];
    lang::parse_args(in, "sample", args, {"population", "k", "counts"}, 2, p);
    return sample_impl(in, self_of(in, self)->mt, p[0], p[1], p[2]);
}

Value m_choices(Interpreter& in, const Value& self, Args& args) {
    Value p[4];
    lang::parse_args(in, "choices", args, {"population", "weights", "cum_weights", "k"}, 1, p);
    MersenneTwister& mt = self_of(in, self)->mt;
    const Value& population = p[0];
    int64_t n = in.len(population);
    int64_t k = p[3].empty() ? 1 : in.index_value(p[3]);
    std::vector<Value> out;
    bool no_weights = p[1].empty() || p[1].is_none();
    bool no_cum = p[2].empty() || p[2].is_none();
    if (no_cum && no_weights) {
        double fn = static_cast<double>(n);
        for (int64_t i = 0; i < k; ++i)
            out.push_back(in.getitem(population, Value::integer(static_cast<int64_t>(
                                                     std::floor(random_float(mt) * fn)))));
        return lang::new_list(std::move(out));
    }
    std::vector<Value> cum;
    if (no_cum) {
        if (lang::is_int_like(p[1]))
            in.raise("TypeError",
                     "The number of choices must be a keyword argument: k=" + int_text(p[1]));
        cum = accumulate(in, p[1]);
    } else if (!no_weights) {
        in.raise("TypeError", "Cannot specify both weights and cumulative weights");
    } else {
        cum = in.to_vector(p[2]);
    }
    if (static_cast<int64_t>(cum.size()) != n)
        in.raise("ValueError", "The number of weights does not match the population");
    if (cum.empty()) in.raise("IndexError", "list index out of range");
    double total = float_arg(in, add(in, cum.back(), Value::flt(0.0)));
    if (total <= 0.0) in.raise("ValueError", "Total of weights must be greater than zero");
    if (!std::isfinite(total)) in.raise("ValueError", "Total of weights must be finite");
    for (int64_t i = 0; i < k; ++i) {
        Value x = Value::flt(random_float(mt) * total);
        out.push_back(in.getitem(population, Value::integer(bisect_right(in, cum, x, n - 1))));
    }
    return lang::new_list(std::move(out));
}

Value m_uniform(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    lang::parse_args(in, "uniform", args, {"a", "b"}, 2, p);
    double a = float_arg(in, p[0]), b = float_arg(in, p[1]);
    return Value::flt(a + (b - a) * random_float(self_of(in, self)->mt));
}

Value m_triangular(Interpreter& in, const Value& self, Args& args) {
    Value p[3];
    lang::parse_args(in, "triangular", args, {"low", "high", "mode"}, 0, p);
    double low = p[0].empty() ? 0.0 : float_arg(in, p[0]);
    double high = p[1].empty() ? 1.0 : float_arg(in, p[1]);
    double u = random_float(self_of(in, self)->mt);
    double c = 0.5;
    if (!p[2].empty() && !p[2].is_none()) {
        if (high == low) return p[0].empty() ? Value::flt(low) : p[0];
        c = (float_arg(in, p[2]) - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        std::swap(low, high);
    }
    return Value::flt(low + (high - low) * std::sqrt(u * c));
}

Value m_gauss(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    lang::parse_args(in, "gauss", args, {"mu", "sigma"}, 0, p);
    double mu = p[0].empty() ? 0.0 : float_arg(in, p[0]);
    double sigma = p[1].empty() ? 1.0 : float_arg(in, p[1]);
    RandomObj* r = self_of(in, self);
    double z;
    if (r->has_gauss_next) {
        z = r->gauss_next;
        r->has_gauss_next = false;
    } else {
        double x2pi = random_float(r->mt) * 2 * M_PI;
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - random_float(r->mt)));
        z = std::cos(x2pi) * g2rad;
        r->gauss_next = std::sin(x2pi) * g2rad;
        r->has_gauss_next = true;
    }
    return Value::flt(mu + z * sigma);
}

double normal(MersenneTwister& mt, double mu, double sigma) {
    // Kinderman and Monahan's ratio-of-uniforms method, as CPython uses it.
    static const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0);
    double z;
    for (;;) {
        double u1 = random_float(mt);
        double u2 = 1.0 - random_float(mt);
        z = magic * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -std::log(u2)) break;
    }
    return mu + z * sigma;
}

Value m_normalvariate(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    lang::parse_args(in, "normalvariate", args, {"mu", "sigma"}, 0, p);
    return Value::flt(normal(self_of(in, self)->mt, p[0].empty() ? 0.0 : float_arg(in, p[0]),
                             p[1].empty() ? 1.0 : float_arg(in, p[1])));
}

Value m_lognormvariate(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    lang::parse_args(in, "lognormvariate", args, {"mu", "sigma"}, 2, p);
    return Value::flt(
        std::exp(normal(self_of(in, self)->mt, float_arg(in, p[0]), float_arg(in, p[1]))));
}

Value m_expovariate(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "expovariate", args, {"lambd"}, 0, p);
    double lambd = p[0].empty() ? 1.0 : float_arg(in, p[0]);
    double u = random_float(self_of(in, self)->mt);
    if (lambd == 0) in.raise("ZeroDivisionError", "float division by zero");
    return Value::flt(-std::log(1.0 - u) / lambd);
}

Value m_randbytes(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "randbytes", args, {"n"}, 1, p);
    int64_t n = in.index_value(p[0]);
    if (n < 0) in.raise("ValueError", "number of bits must be non-negative");
    BigInt v = bits_big(self_of(in, self)->mt, static_cast<uint64_t>(n) * 8);
    std::string out(static_cast<size_t>(n), '\0');
    const auto& limbs = v.limbs();
    for (size_t i = 0; i < out.size(); ++i) {
        size_t w = i / 4;
        out[i] = static_cast<char>(w < limbs.size() ? (limbs[w] >> (8 * (i % 4))) & 0xff : 0);
    }
    return new_bytes(std::move(out));
}

Value m_getstate(Interpreter& in, const Value& self, Args&) {
    RandomObj* r = self_of(in, self);
    std::vector<Value> words;
    words.reserve(MersenneTwister::kStateWords + 1);
    for (uint32_t w : r->mt.state())
        words.push_back(Value::integer(w));
    words.push_back(Value::integer(r->mt.index()));
    return lang::new_tuple({Value::integer(kStateVersion), lang::new_tuple(std::move(words)),
                            r->has_gauss_next ? Value::flt(r->gauss_next) : Value::none()});
}

Value m_setstate(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "setstate", args, {"state"}, 1, p);
    RandomObj* r = self_of(in, self);
    std::vector<Value> state = in.to_vector(p[0]);
    if (state.size() != 3 || !state[0].is_int() || (state[0].as_int() != kStateVersion))
        in.raise("ValueError", "state with version " +
                                   (state.empty() ? std::string("None") : in.repr(state[0])) +
                                   " passed to Random.setstate() of version 3");
    std::vector<Value> words = in.to_vector(state[1]);
    if (words.size() != MersenneTwister::kStateWords + 1)
        in.raise("ValueError", "state vector is the wrong size");
    std::array<uint32_t, MersenneTwister::kStateWords> mt{};
    for (int i = 0; i < MersenneTwister::kStateWords; ++i)
        mt[static_cast<size_t>(i)] =
            static_cast<uint32_t>(in.index_value(words[static_cast<size_t>(i)]));
    int64_t index = in.index_value(words.back());
    if (index < 0 || index > MersenneTwister::kStateWords) in.raise("ValueError", "invalid state");
    r->mt.set_state(mt, static_cast<int>(index));
    r->has_gauss_next = !state[2].is_none();
    if (r->has_gauss_next) r->gauss_next = float_arg(in, state[2]);
    return Value::none();
}

Value random_ctor(Interpreter& in, Type* cls, Args& args) {
    Value p[1];
    lang::parse_args(in, "Random", args, {"x"}, 0, p, cls != random_type());
    Ref<RandomObj> r(new RandomObj(cls));
    Value result(r.get());
    if (cls == random_type() || cls->lookup("seed").is(random_type()->lookup("seed")))
        do_seed(in, r.get(), p[0]);
    else
        in.call_method(result, "seed", {p[0].empty() ? Value::none() : p[0]});
    return result;
}

lang::Object* alloc_random(Type* t) {
    return new RandomObj(t);
}

const std::pair<const char*, lang::NativeFn> kMethods[] = {
    {"seed", m_seed},
    {"random", m_random},
    {"getrandbits", m_getrandbits},
    {"randrange", m_randrange},
    {"randint", m_randint},
    {"choice", m_choice},
    {"choices", m_choices},
    {"shuffle", m_shuffle},
    {"sample", m_sample},
    {"uniform", m_uniform},
    {"triangular", m_triangular},
    {"gauss", m_gauss},
    {"normalvariate", m_normalvariate},
    {"lognormvariate", m_lognormvariate},
    {"expovariate", m_expovariate},
    {"randbytes", m_randbytes},
    {"getstate", m_getstate},
    {"setstate", m_setstate},
};

Type* random_type() {
    static Type* t = [] {
        lang::TypeBuilder b("Random", {}, "random");
        b.layout(lang::Layout::Object, alloc_random).ctor(random_ctor).instance_dict(true);
        for (auto& [name, f] : kMethods)
            b.method(name, f);
        b.attr("VERSION", Value::integer(kStateVersion));
        return b.build();
    }();
    return t;
}

void make_random_module(Interpreter& in, lang::Module& m) {
    Type* t = random_type();
    def_value(m, "Random", Value(t));
    Value inst = in.call(Value(t), {});
    def_value(m, "_inst", inst);
    for (auto& [name, f] : kMethods)
        def_value(m, name, in.getattr(inst, name));
}

} // namespace

void register_random_module(Interpreter& in) {
    in.register_builtin_module("random", make_random_module);
}

} // namespace ormsh::api::stdlib
