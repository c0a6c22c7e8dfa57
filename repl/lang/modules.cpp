// The import system (builtin modules registered from C++, then NAME.py next to the script or in
// the current directory) and the small standard modules the language layer owns: sys, math,
// time (struct_time, localtime, strftime on the C library, as CPython's), traceback; os is
// os_module.cpp.
#include "repl/lang/interpreter.h"
#include "repl/lang/numbers.h"
#include "repl/lang/parser.h"
#include "repl/lang/resolver.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>

namespace ormsh::lang {

Value make_sink_file(int which); // files.cpp

namespace {

void fn(Module& m, const char* name, NativeFn f) {
    m.dict->set_str(intern(name), make_native_function(name, f, false));
}

double num_arg(Interpreter& in, Args& a, size_t i, const char* fname) {
    if (a.size() <= i) in.raise("TypeError", std::string(fname) + "() missing required argument");
    auto d = to_double(a[i]);
    if (!d) {
        if (a[i].is_obj() && !a[i].type()->lookup("__float__").empty())
            return in.call_method(a[i], "__float__", {}).as_float();
        in.raise("TypeError", "must be real number, not " + in.type_name(a[i]));
    }
    return *d;
}

// ---- sys ----
Value sys_exit(Interpreter& in, const Value&, Args& a) {
    std::vector<Value> args(a.pos.begin(), a.pos.end());
    in.raise_value(in.new_exception(builtin_type("SystemExit"), std::move(args)));
}
Value sys_getrecursionlimit(Interpreter& in, const Value&, Args&) {
    return Value::integer(in.recursion_limit);
}
Value sys_setrecursionlimit(Interpreter& in, const Value&, Args& a) {
    int64_t n = in.index_value(a[0]);
    if (n < 1) in.raise("ValueError", "recursion limit must be greater or equal than 1");
    in.recursion_limit = static_cast<int>(std::min<int64_t>(n, in.max_recursion_limit));
    return Value::none();
}
Value sys_getsizeof(Interpreter&, const Value&, Args&) {
    return Value::integer(64);
}
Value sys_intern(Interpreter&, const Value&, Args& a) {
    return Value(intern(as_str(a[0])->s));
}

// sys.exc_info(): the exception being handled (tracebacks are not objects here: None).
Value sys_exc_info(Interpreter& in, const Value&, Args&) {
    if (in.handling.empty()) return new_tuple({Value::none(), Value::none(), Value::none()});
    Value exc = in.handling.back();
    return new_tuple({Value(exc.type()), exc, Value::none()});
}
Value sys_exception(Interpreter& in, const Value&, Args&) {
    return in.handling.empty() ? Value::none() : in.handling.back();
}

// sys._getframe(depth): a snapshot of the calling frame (f_lineno, f_code.co_name /
// co_filename, f_globals, f_back), what logging reads for %(lineno)d and %(funcName)s.
Type* snapshot_type(const char* name) {
    TypeBuilder b(name);
    b.instance_dict(true);
    return b.build();
}
Value frame_snapshot(Interpreter& in, Frame* f) {
    static Type* frame_type = snapshot_type("frame");
    static Type* code_type = snapshot_type("code");
    if (!f) return Value::none();
    Value code = in.call(Value(code_type), {});
    in.setattr(code, intern("co_name"), new_str(f->code ? f->code->name : "<module>"));
    in.setattr(code, intern("co_filename"), new_str(f->code ? f->code->file : ""));
    Value frame = in.call(Value(frame_type), {});
    in.setattr(frame, intern("f_code"), code);
    in.setattr(frame, intern("f_lineno"), Value::integer(f->line));
    in.setattr(frame, intern("f_globals"), f->module ? Value(f->module->dict) : Value::none());
    in.setattr(frame, intern("f_back"), frame_snapshot(in, f->back));
    return frame;
}
Value sys_getframe(Interpreter& in, const Value&, Args& a) {
    int64_t depth = a.size() ? in.index_value(a[0]) : 0;
    Frame* f = in.frame;
    for (int64_t i = 0; i < depth && f; ++i)
        f = f->back;
    if (!f) in.raise("ValueError", "call stack is not deep enough");
    return frame_snapshot(in, f);
}

void make_sys(Interpreter& in, Module& m) {
    Dict& d = *m.dict;
    std::vector<Value> argv;
    for (auto& s : in.argv)
        argv.push_back(new_str(s));
    d.set_str(intern("argv"), new_list(std::move(argv)));
    d.set_str(intern("stdout"), make_sink_file(1));
    d.set_str(intern("stderr"), make_sink_file(2));
    d.set_str(intern("__stdout__"), d.get_str(intern("stdout")));
    d.set_str(intern("__stderr__"), d.get_str(intern("stderr")));
    d.set_str(intern("path"), new_list({new_str(in.script_dir.empty() ? "" : in.script_dir)}));
    d.set_str(intern("version"), new_str("3.11.2 (ormsh)"));
    d.set_str(intern("version_info"),
              new_tuple({Value::integer(3), Value::integer(11), Value::integer(2), new_str("final"),
                         Value::integer(0)}));
    d.set_str(intern("platform"), new_str("linux"));
    d.set_str(intern("maxsize"), Value::integer(INT64_MAX));
    d.set_str(intern("byteorder"), new_str("little"));
    d.set_str(intern("executable"), new_str("ormsh"));
    d.set_str(intern("implementation"), new_str("ormsh"));
    fn(m, "exit", sys_exit);
    fn(m, "getrecursionlimit", sys_getrecursionlimit);
    fn(m, "setrecursionlimit", sys_setrecursionlimit);
    fn(m, "getsizeof", sys_getsizeof);
    fn(m, "intern", sys_intern);
    fn(m, "exc_info", sys_exc_info);
    fn(m, "exception", sys_exception);
    fn(m, "_getframe", sys_getframe);
}

// ---- traceback: the uncaught-exception text, on demand ----
// The exception named by format_exception/print_exception's arguments: (exc) or (type, value, tb).
Value exception_arg(Args& a) {
    if (a.size() >= 2 && !a[1].is_none()) return a[1];
    return a.size() ? a[0] : Value::none();
}
std::string current_traceback(Interpreter& in) {
    if (in.handling.empty()) return "NoneType: None\n";
    return in.format_exception(in.handling.back());
}
Value tb_format_exc(Interpreter& in, const Value&, Args&) {
    return new_str(current_traceback(in));
}
Value tb_print_exc(Interpreter& in, const Value&, Args& a) {
    std::string text = current_traceback(in);
    Value file;
    for (auto& kw : a.kw)
        if (kw.name->s == "file") file = kw.value;
    if (file.empty() || file.is_none())
        in.write_err(text);
    else
        in.call_method(file, "write", {new_str(text)});
    return Value::none();
}
Value tb_format_exception(Interpreter& in, const Value&, Args& a) {
    Value exc = exception_arg(a);
    if (exc.is_none()) return new_list({new_str("NoneType: None\n")});
    return new_list({new_str(in.format_exception(exc))});
}
Value tb_print_exception(Interpreter& in, const Value&, Args& a) {
    Value exc = exception_arg(a);
    in.write_err(exc.is_none() ? "NoneType: None\n" : in.format_exception(exc));
    return Value::none();
}

void make_traceback(Interpreter&, Module& m) {
    fn(m, "format_exc", tb_format_exc);
    fn(m, "print_exc", tb_print_exc);
    fn(m, "format_exception", tb_format_exception);
    fn(m, "print_exception", tb_print_exception);
}

// ---- math ----
#define MATH1(name, expr)                                                                          \
    Value math_##name(Interpreter& in, const Value&, Args& a) {                                    \
        double x = num_arg(in, a, 0, #name);                                                       \
        return expr;                                                                               \
    }
MATH1(sqrt,
      x < 0 ? (in.raise("ValueError", "math domain error"), Value()) : Value::flt(std::sqrt(x)))
MATH1(exp, Value::flt(std::exp(x)))
MATH1(sin, Value::flt(std::sin(x)))
MATH1(cos, Value::flt(std::cos(x)))
MATH1(tan, Value::flt(std::tan(x)))
MATH1(atan, Value::flt(std::atan(x)))
MATH1(asin, Value::flt(std::asin(x)))
MATH1(acos, Value::flt(std::acos(x)))
MATH1(fabs, Value::flt(std::fabs(x)))
MATH1(log10,
      x <= 0 ? (in.raise("ValueError", "math domain error"), Value()) : Value::flt(std::log10(x)))
MATH1(log2,
      x <= 0 ? (in.raise("ValueError", "math domain error"), Value()) : Value::flt(std::log2(x)))
MATH1(isnan, Value::boolean(std::isnan(x)))
MATH1(isinf, Value::boolean(std::isinf(x)))
MATH1(isfinite, Value::boolean(std::isfinite(x)))
MATH1(degrees, Value::flt(x * 180.0 / M_PI))
MATH1(radians, Value::flt(x* M_PI / 180.0))
Value math_floor(Interpreter& in, const Value&, Args& a) {
    if (is_int_like(a[0])) return a[0].is_bool() ? Value::integer(a[0].as_bool()) : a[0];
    if (a[0].is_obj() && !a[0].type()->lookup("__floor__").empty())
        return in.call_method(a[0], "__floor__", {});
    return int_from_double(in, std::floor(num_arg(in, a, 0, "floor")));
}
Value math_ceil(Interpreter& in, const Value&, Args& a) {
    if (is_int_like(a[0])) return a[0].is_bool() ? Value::integer(a[0].as_bool()) : a[0];
    if (a[0].is_obj() && !a[0].type()->lookup("__ceil__").empty())
        return in.call_method(a[0], "__ceil__", {});
    return int_from_double(in, std::ceil(num_arg(in, a, 0, "ceil")));
}
Value math_trunc(Interpreter& in, const Value&, Args& a) {
    if (is_int_like(a[0])) return a[0];
    return int_from_double(in, std::trunc(num_arg(in, a, 0, "trunc")));
}
Value math_log(Interpreter& in, const Value&, Args& a) {
    double x = num_arg(in, a, 0, "log");
    if (x <= 0) in.raise("ValueError", "math domain error");
    double r = std::log(x);
    if (a.size() > 1) r /= std::log(num_arg(in, a, 1, "log"));
    return Value::flt(r);
}
Value math_pow(Interpreter& in, const Value&, Args& a) {
    return Value::flt(std::pow(num_arg(in, a, 0, "pow"), num_arg(in, a, 1, "pow")));
}
Value math_atan2(Interpreter& in, const Value&, Args& a) {
    return Value::flt(std::atan2(num_arg(in, a, 0, "atan2"), num_arg(in, a, 1, "atan2")));
}
Value math_hypot(Interpreter& in, const Value&, Args& a) {
    double s = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        double x = num_arg(in, a, i, "hypot");
        s += x * x;
    }
    return Value::flt(std::sqrt(s));
}
Value math_fmod(Interpreter& in, const Value&, Args& a) {
    return Value::flt(std::fmod(num_arg(in, a, 0, "fmod"), num_arg(in, a, 1, "fmod")));
}
Value math_copysign(Interpreter& in, const Value&, Args& a) {
    return Value::flt(std::copysign(num_arg(in, a, 0, "copysign"), num_arg(in, a, 1, "copysign")));
}
Value math_gcd(Interpreter& in, const Value&, Args& a) {
    int64_t g = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int64_t x = std::llabs(in.index_value(a[i]));
        while (x) {
            int64_t t = g % x;
            g = x;
            x = t;
        }
    }
    return Value::integer(g);
}
Value math_factorial(Interpreter& in, const Value&, Args& a) {
    if (a[0].is_float())
        in.raise("TypeError", "'float' object cannot be interpreted as an integer");
    int64_t n = in.index_value(a[0]);
    if (n < 0) in.raise("ValueError", "factorial() not defined for negative values");
    Value r = Value::integer(1);
    for (int64_t i = 2; i <= n; ++i)
        r = in.binary_op(BinOpKind::Mul, r, Value::integer(i));
    return r;
}
Value math_isclose(Interpreter& in, const Value&, Args& a) {
    double x = num_arg(in, a, 0, "isclose"), y = num_arg(in, a, 1, "isclose");
    double rel = 1e-9, abs_tol = 0;
    for (auto& kw : a.kw) {
        if (kw.name->s == "rel_tol") rel = *to_double(kw.value);
        if (kw.name->s == "abs_tol") abs_tol = *to_double(kw.value);
    }
    if (x == y) return Value::boolean(true);
    double diff = std::fabs(x - y);
    return Value::boolean(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) ||
                          diff <= abs_tol);
}
Value math_prod(Interpreter& in, const Value&, Args& a) {
    Value r = Value::integer(1);
    for (auto& x : in.to_vector(a[0]))
        r = in.binary_op(BinOpKind::Mul, r, x);
    return r;
}
Value math_fsum(Interpreter& in, const Value&, Args& a) {
    // Neumaier summation: exact enough for the common cases.
    double s = 0, c = 0;
    for (auto& x : in.to_vector(a[0])) {
        double v = *to_double(x);
        double t = s + v;
        c += std::fabs(s) >= std::fabs(v) ? (s - t) + v : (v - t) + s;
        s = t;
    }
    return Value::flt(s + c);
}

MATH1(log1p,
      x <= -1 ? (in.raise("ValueError", "math domain error"), Value()) : Value::flt(std::log1p(x)))
MATH1(expm1, Value::flt(std::expm1(x)))
MATH1(sinh, Value::flt(std::sinh(x)))
MATH1(cosh, Value::flt(std::cosh(x)))
MATH1(tanh, Value::flt(std::tanh(x)))
MATH1(asinh, Value::flt(std::asinh(x)))
MATH1(acosh, Value::flt(std::acosh(x)))
MATH1(atanh, Value::flt(std::atanh(x)))
MATH1(erf, Value::flt(std::erf(x)))
MATH1(erfc, Value::flt(std::erfc(x)))
MATH1(gamma, Value::flt(std::tgamma(x)))
MATH1(lgamma, Value::flt(std::lgamma(x)))
MATH1(cbrt, Value::flt(std::cbrt(x)))
MATH1(exp2, Value::flt(std::exp2(x)))
Value math_modf(Interpreter& in, const Value&, Args& a) {
    double ip = 0;
    double fp = std::modf(num_arg(in, a, 0, "modf"), &ip);
    return new_tuple({Value::flt(fp), Value::flt(ip)});
}
Value math_frexp(Interpreter& in, const Value&, Args& a) {
    int e = 0;
    double m = std::frexp(num_arg(in, a, 0, "frexp"), &e);
    return new_tuple({Value::flt(m), Value::integer(e)});
}
Value math_ldexp(Interpreter& in, const Value&, Args& a) {
    return Value::flt(
        std::ldexp(num_arg(in, a, 0, "ldexp"), static_cast<int>(in.index_value(a[1]))));
}
Value math_remainder(Interpreter& in, const Value&, Args& a) {
    return Value::flt(
        std::remainder(num_arg(in, a, 0, "remainder"), num_arg(in, a, 1, "remainder")));
}
Value math_dist(Interpreter& in, const Value&, Args& a) {
    auto p = in.to_vector(a[0]), q = in.to_vector(a[1]);
    if (p.size() != q.size())
        in.raise("ValueError", "both points must have the same number of dimensions");
    double s = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        double d = *to_double(p[i]) - *to_double(q[i]);
        s += d * d;
    }
    return Value::flt(std::sqrt(s));
}
Value int_arg(Interpreter& in, const Value& v) {
    if (!is_int_like(v) && (v.is_float() || v.type()->lookup("__index__").empty()))
        in.raise("TypeError",
                 "'" + in.type_name(v) + "' object cannot be interpreted as an integer");
    return is_int_like(v) ? v : Value::integer(in.index_value(v));
}
// n! / (n-k)!, exactly, with Python ints.
Value falling_product(Interpreter& in, const Value& n, int64_t k) {
    Value r = Value::integer(1);
    for (int64_t i = 0; i < k; ++i)
        r = in.binary_op(BinOpKind::Mul, r, in.binary_op(BinOpKind::Sub, n, Value::integer(i)));
    return r;
}
Value math_perm(Interpreter& in, const Value&, Args& a) {
    Value n = int_arg(in, a[0]);
    if (in.lt(n, Value::integer(0))) in.raise("ValueError", "n must be a non-negative integer");
    Value kv = a.size() > 1 && !a[1].is_none() ? int_arg(in, a[1]) : n;
    int64_t k = in.index_value(kv);
    if (k < 0) in.raise("ValueError", "k must be a non-negative integer");
    if (in.lt(n, kv)) return Value::integer(0);
    return falling_product(in, n, k);
}
Value math_comb(Interpreter& in, const Value&, Args& a) {
    Value n = int_arg(in, a[0]);
    int64_t k = in.index_value(int_arg(in, a[1]));
    if (in.lt(n, Value::integer(0))) in.raise("ValueError", "n must be a non-negative integer");
    if (k < 0) in.raise("ValueError", "k must be a non-negative integer");
    if (in.lt(n, Value::integer(k))) return Value::integer(0);
    int64_t nk = in.index_value(in.binary_op(BinOpKind::Sub, n, Value::integer(k)));
    if (nk < k) k = nk;
    Value r = Value::integer(1);
    for (int64_t i = 0; i < k; ++i) {
        r = in.binary_op(BinOpKind::Mul, r, in.binary_op(BinOpKind::Sub, n, Value::integer(i)));
        r = in.binary_op(BinOpKind::FloorDiv, r, Value::integer(i + 1));
    }
    return r;
}
Value math_isqrt(Interpreter& in, const Value&, Args& a) {
    Value n = int_arg(in, a[0]);
    if (in.lt(n, Value::integer(0))) in.raise("ValueError", "isqrt() argument must be nonnegative");
    if (in.eq(n, Value::integer(0))) return Value::integer(0);
    // Newton's iteration on Python ints: exact for any size.
    Value x = n;
    for (;;) {
        Value y =
            in.binary_op(BinOpKind::FloorDiv,
                         in.binary_op(BinOpKind::Add, x, in.binary_op(BinOpKind::FloorDiv, n, x)),
                         Value::integer(2));
        if (!in.lt(y, x)) return x;
        x = y;
    }
}
Value math_lcm(Interpreter& in, const Value&, Args& a) {
    int64_t l = 1;
    for (size_t i = 0; i < a.size(); ++i) {
        int64_t x = std::llabs(in.index_value(int_arg(in, a[i])));
        if (x == 0) return Value::integer(0);
        int64_t g = l, y = x;
        while (y) {
            int64_t t = g % y;
            g = y;
            y = t;
        }
        l = l / g * x;
    }
    return Value::integer(l);
}

void make_math(Interpreter&, Module& m) {
    struct {
        const char* n;
        NativeFn f;
    } fns[] = {{"sqrt", math_sqrt},
               {"exp", math_exp},
               {"sin", math_sin},
               {"cos", math_cos},
               {"tan", math_tan},
               {"atan", math_atan},
               {"asin", math_asin},
               {"acos", math_acos},
               {"fabs", math_fabs},
               {"log10", math_log10},
               {"log2", math_log2},
               {"isnan", math_isnan},
               {"isinf", math_isinf},
               {"isfinite", math_isfinite},
               {"degrees", math_degrees},
               {"radians", math_radians},
               {"floor", math_floor},
               {"ceil", math_ceil},
               {"trunc", math_trunc},
               {"log", math_log},
               {"pow", math_pow},
               {"atan2", math_atan2},
               {"hypot", math_hypot},
               {"fmod", math_fmod},
               {"copysign", math_copysign},
               {"gcd", math_gcd},
               {"factorial", math_factorial},
               {"isclose", math_isclose},
               {"prod", math_prod},
               {"fsum", math_fsum},
               {"log1p", math_log1p},
               {"expm1", math_expm1},
               {"sinh", math_sinh},
               {"cosh", math_cosh},
               {"tanh", math_tanh},
               {"asinh", math_asinh},
               {"acosh", math_acosh},
               {"atanh", math_atanh},
               {"erf", math_erf},
               {"erfc", math_erfc},
               {"gamma", math_gamma},
               {"lgamma", math_lgamma},
               {"cbrt", math_cbrt},
               {"exp2", math_exp2},
               {"modf", math_modf},
               {"frexp", math_frexp},
               {"ldexp", math_ldexp},
               {"remainder", math_remainder},
               {"dist", math_dist},
               {"perm", math_perm},
               {"comb", math_comb},
               {"isqrt", math_isqrt},
               {"lcm", math_lcm}};
    for (auto& f : fns)
        fn(m, f.n, f.f);
    m.dict->set_str(intern("pi"), Value::flt(M_PI));
    m.dict->set_str(intern("e"), Value::flt(M_E));
    m.dict->set_str(intern("tau"), Value::flt(2 * M_PI));
    m.dict->set_str(intern("inf"), Value::flt(INFINITY));
    m.dict->set_str(intern("nan"), Value::flt(NAN));
}

// ---- time ----
Value time_time(Interpreter&, const Value&, Args&) {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    return Value::flt(std::chrono::duration<double>(now).count());
}
Value time_perf_counter(Interpreter&, const Value&, Args&) {
    auto now = std::chrono::steady_clock::now().time_since_epoch();
    return Value::flt(std::chrono::duration<double>(now).count());
}
Value time_sleep(Interpreter& in, const Value&, Args& a) {
    double s = num_arg(in, a, 0, "sleep");
    if (s < 0) in.raise("ValueError", "sleep length must be non-negative");
    auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(s);
    while (std::chrono::steady_clock::now() < end) {
        in.check_interrupt();
        auto left = std::chrono::duration_cast<std::chrono::microseconds>(
            end - std::chrono::steady_clock::now());
        std::this_thread::sleep_for(
            std::min<std::chrono::microseconds>(left, std::chrono::milliseconds(50)));
    }
    return Value::none();
}
Value time_ns(Interpreter&, const Value&, Args&) {
    return Value::integer(std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count());
}

// time.struct_time: a 9-item tuple with tm_* names (tm_zone and tm_gmtoff as attributes).
const char* const kStructTimeFields[] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                         "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};
constexpr size_t kStructTimeSize = 9;

Type* struct_time_type();

Value new_struct_time(std::vector<Value> items) {
    Ref<Tuple> t = Ref<Tuple>(Tuple::create(std::move(items)));
    t->type->decref();
    t->type = struct_time_type();
    t->type->incref();
    return Value(t.get());
}

Value struct_time_ctor(Interpreter& in, Type*, Args& a) {
    std::vector<Value> items = in.to_vector(a.size() ? a[0] : new_tuple({}));
    if (items.size() < kStructTimeSize)
        in.raise("TypeError", "time.struct_time() takes an at least 9-sequence (" +
                                  std::to_string(items.size()) + "-sequence given)");
    items.resize(kStructTimeSize);
    return new_struct_time(std::move(items));
}

Type* struct_time_type() {
    static Type* t = [] {
        TypeBuilder b("time.struct_time", {Types::tuple});
        b.ctor(struct_time_ctor);
        for (size_t i = 0; i < kStructTimeSize; ++i)
            b.property(kStructTimeFields[i],
                       [i](Interpreter&, const Value& s) { return s.as<Tuple>()->items[i]; });
        b.method(
            "__repr__", +[](Interpreter& in, const Value& s, Args&) {
                std::string out = "time.struct_time(";
                for (size_t i = 0; i < kStructTimeSize; ++i)
                    out += std::string(i ? ", " : "") + kStructTimeFields[i] + "=" +
                           in.repr(s.as<Tuple>()->items[i]);
                return new_str(out + ")");
            });
        return b.build();
    }();
    return t;
}

Value from_tm(const std::tm& tm) {
    std::vector<Value> items = {Value::integer(tm.tm_year + 1900),
                                Value::integer(tm.tm_mon + 1),
                                Value::integer(tm.tm_mday),
                                Value::integer(tm.tm_hour),
                                Value::integer(tm.tm_min),
                                Value::integer(tm.tm_sec),
                                Value::integer((tm.tm_wday + 6) % 7),
                                Value::integer(tm.tm_yday + 1),
                                Value::integer(tm.tm_isdst)};
    return new_struct_time(std::move(items));
}

std::tm to_tm(Interpreter& in, const Value& t) {
    std::vector<Value> items = in.to_vector(t);
    if (items.size() < kStructTimeSize)
        in.raise("TypeError",
                 "function takes exactly 9 arguments (" + std::to_string(items.size()) + " given)");
    std::tm tm{};
    tm.tm_year = static_cast<int>(in.index_value(items[0]) - 1900);
    tm.tm_mon = static_cast<int>(in.index_value(items[1]) - 1);
    tm.tm_mday = static_cast<int>(in.index_value(items[2]));
    tm.tm_hour = static_cast<int>(in.index_value(items[3]));
    tm.tm_min = static_cast<int>(in.index_value(items[4]));
    tm.tm_sec = static_cast<int>(in.index_value(items[5]));
    tm.tm_wday = static_cast<int>((in.index_value(items[6]) + 1) % 7);
    tm.tm_yday = static_cast<int>(in.index_value(items[7]) - 1);
    tm.tm_isdst = static_cast<int>(in.index_value(items[8]));
    return tm;
}

std::time_t seconds_arg(Interpreter& in, Args& a, const char* fname) {
    if (a.size() == 0 || a[0].is_none()) return std::time(nullptr);
    return static_cast<std::time_t>(std::floor(num_arg(in, a, 0, fname)));
}

Value time_localtime(Interpreter& in, const Value&, Args& a) {
    std::time_t t = seconds_arg(in, a, "localtime");
    std::tm tm{};
    localtime_r(&t, &tm);
    return from_tm(tm);
}
Value time_gmtime(Interpreter& in, const Value&, Args& a) {
    std::time_t t = seconds_arg(in, a, "gmtime");
    std::tm tm{};
    gmtime_r(&t, &tm);
    return from_tm(tm);
}
Value time_mktime(Interpreter& in, const Value&, Args& a) {
    std::tm tm = to_tm(in, a[0]);
    std::time_t t = std::mktime(&tm);
    if (t == -1) in.raise("OverflowError", "mktime argument out of range");
    return Value::flt(static_cast<double>(t));
}
std::tm tm_or_now(Interpreter& in, Args& a, size_t i) {
    if (a.size() > i && !a[i].is_none()) return to_tm(in, a[i]);
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm;
}
Value time_strftime(Interpreter& in, const Value&, Args& a) {
    if (a.size() < 1 || !is_str(a[0])) in.raise("TypeError", "strftime() argument 1 must be str");
    std::tm tm = tm_or_now(in, a, 1);
    const StrText& fmt = as_str(a[0])->s;
    if (fmt.empty()) return new_str("");
    std::vector<char> buf(256 + fmt.size() * 16);
    size_t n = std::strftime(buf.data(), buf.size(), fmt.c_str(), &tm);
    return new_str(std::string(buf.data(), n));
}
std::string asctime_text(const std::tm& tm) {
    char buf[64];
    std::strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm);
    return buf;
}
Value time_asctime(Interpreter& in, const Value&, Args& a) {
    return new_str(asctime_text(tm_or_now(in, a, 0)));
}
Value time_ctime(Interpreter& in, const Value&, Args& a) {
    std::time_t t = seconds_arg(in, a, "ctime");
    std::tm tm{};
    localtime_r(&t, &tm);
    return new_str(asctime_text(tm));
}

void make_time(Interpreter&, Module& m) {
    fn(m, "localtime", time_localtime);
    fn(m, "gmtime", time_gmtime);
    fn(m, "mktime", time_mktime);
    fn(m, "strftime", time_strftime);
    fn(m, "asctime", time_asctime);
    fn(m, "ctime", time_ctime);
    m.dict->set_str(intern("struct_time"), Value(struct_time_type()));
    fn(m, "time", time_time);
    fn(m, "perf_counter", time_perf_counter);
    fn(m, "monotonic", time_perf_counter);
    fn(m, "process_time", time_perf_counter);
    fn(m, "sleep", time_sleep);
    fn(m, "time_ns", time_ns);
}

bool file_exists(const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

} // namespace

void Interpreter::register_builtin_module(const std::string& name, ModuleFactory factory) {
    factories_[name] = std::move(factory);
}

namespace {

// Runs m's deferred-names hook, unset while it runs (it may import modules that look names up
// in `m` again) and kept afterwards while it has names left, or when it failed.
void run_deferred_names(Interpreter& in, Module& m, Str* name) {
    DeferredNames hook = std::move(m.deferred_names);
    m.deferred_names = nullptr;
    bool remaining = true;
    try {
        remaining = hook(in, m, name);
    } catch (...) {
        m.deferred_names = std::move(hook);
        throw;
    }
    if (remaining) m.deferred_names = std::move(hook);
}

} // namespace

Value module_lookup(Interpreter& in, Module& m, Str* name) {
    Value v = m.dict->get_str(name);
    if (!v.empty() || !m.deferred_names) return v;
    run_deferred_names(in, m, name);
    return m.dict->get_str(name);
}

void define_deferred_names(Interpreter& in, Module& m) {
    if (m.deferred_names) run_deferred_names(in, m, nullptr);
}

Module* Interpreter::find_loaded_module(const std::string& name) {
    Value m = modules_->get_str(intern(name));
    return has_layout(m, Layout::Module) ? m.as<Module>() : nullptr;
}

void register_os_modules(Interpreter& in); // os_module.cpp

void register_core_modules(Interpreter& in) {
    in.register_builtin_module("sys", make_sys);
    register_os_modules(in);
    in.register_builtin_module("traceback", make_traceback);
    in.register_builtin_module("math", make_math);
    in.register_builtin_module("time", make_time);
    // The features are always on or do not apply; importing them must work. `annotations`
    // (annotations kept as text) is handled by the parser.
    in.register_builtin_module("__future__", [](Interpreter&, Module& m) {
        for (const char* feature :
             {"annotations", "division", "absolute_import", "print_function", "unicode_literals",
              "generator_stop", "with_statement", "nested_scopes", "generators"})
            m.dict->set_str(intern(feature), Value::boolean(true));
    });
}

Module* Interpreter::load_module_from_file(const std::string& name, const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    Ref<Module> m = make<Module>(name);
    m->file = path;
    m->dict->set_str(intern("__name__"), new_str(name));
    m->dict->set_str(intern("__file__"), new_str(path));
    modules_->set_str(intern(name), m);
    try {
        exec_in_module(ss.str(), path, *m);
    } catch (...) {
        modules_->remove_str(intern(name));
        throw;
    }
    return m.get();
}

Module* Interpreter::import_module(const std::string& name) {
    if (Module* m = find_loaded_module(name)) return m;
    // Import parents first: `import a.b` imports `a`.
    size_t dot = name.rfind('.');
    Module* parent = nullptr;
    if (dot != std::string::npos) parent = import_module(std::string(name.substr(0, dot)));
    if (Module* m = find_loaded_module(name)) return m;
    Module* result = nullptr;
    auto it = factories_.find(name);
    if (it != factories_.end()) {
        Ref<Module> m = make<Module>(name);
        m->dict->set_str(intern("__name__"), new_str(name));
        modules_->set_str(intern(name), m);
        try {
            it->second(*this, *m);
        } catch (...) {
            modules_->remove_str(intern(name));
            throw;
        }
        result = m.get();
    } else {
        std::string rel = name;
        for (auto& c : rel)
            if (c == '.') c = '/';
        std::vector<std::string> dirs;
        if (!script_dir.empty()) dirs.push_back(script_dir);
        dirs.push_back(".");
        for (auto& d : dirs) {
            std::string base = d + "/" + rel;
            if (file_exists(base + ".py")) {
                result = load_module_from_file(name, base + ".py");
                break;
            }
            if (file_exists(base + "/__init__.py")) {
                result = load_module_from_file(name, base + "/__init__.py");
                break;
            }
        }
    }
    if (!result) {
        Value exc = new_exception(builtin_type("ModuleNotFoundError"),
                                  {new_str("No module named '" + name + "'")});
        setattr(exc, intern("name"), new_str(name));
        raise_value(exc);
    }
    if (parent) parent->dict->set_str(intern(name.substr(dot + 1)), Value(result));
    return result;
}

void Interpreter::exec_import(Node* n, Frame& f) {
    for (Node* a : n->list) {
        const StrText& name = a->name->s;
        Module* m = import_module(name);
        if (a->name2) {
            store(a->a, Value(m), f);
        } else {
            size_t dot = name.find('.');
            store(a->a,
                  Value(dot == std::string::npos ? m
                                                 : import_module(std::string(name.substr(0, dot)))),
                  f);
        }
    }
}

void Interpreter::exec_import_from(Node* n, Frame& f) {
    std::string name = n->name ? std::string(n->name->s) : "";
    if (n->level > 0) {
        // Relative imports resolve against the current package (or the script folder).
        std::string pkg = f.module->name;
        Value path = f.module->dict->get_str(intern("__file__"));
        bool is_pkg = is_str(path) && as_str(path)->s.size() >= 11 &&
                      as_str(path)->s.ends_with("__init__.py");
        if (!is_pkg) {
            size_t d = pkg.rfind('.');
            pkg = d == std::string::npos ? "" : pkg.substr(0, d);
        }
        for (int i = 1; i < n->level; ++i) {
            size_t d = pkg.rfind('.');
            pkg = d == std::string::npos ? "" : pkg.substr(0, d);
        }
        if (pkg == "__main__") pkg = "";
        name = pkg.empty() ? name : (name.empty() ? pkg : pkg + "." + name);
    }
    Module* m = import_module(name);
    for (Node* a : n->list) {
        if (a->name->s == "*") {
            define_deferred_names(*this, *m);
            Value all = m->dict->get_str(intern("__all__"));
            if (!all.empty()) {
                for (auto& k : to_vector(all)) {
                    Str* kn = intern(as_str(k)->s);
                    Value v = m->dict->get_str(kn);
                    if (v.empty())
                        raise("AttributeError",
                              "module '" + m->name + "' has no attribute '" + kn->s + "'");
                    if (f.ns)
                        f.ns->set_str(kn, v);
                    else
                        f.module->dict->set_str(kn, v);
                }
            } else {
                std::vector<std::pair<Value, Value>> items;
                for (auto& e : m->dict->entries)
                    if (is_str(e.key) && as_str(e.key)->s[0] != '_')
                        items.emplace_back(e.key, e.value);
                for (auto& [k, v] : items) {
                    if (f.ns)
                        f.ns->set_str(intern(as_str(k)->s), v);
                    else
                        f.module->dict->set_str(intern(as_str(k)->s), v);
                }
            }
            continue;
        }
        Value v = module_lookup(*this, *m, a->name);
        if (v.empty()) {
            // A submodule?
            try {
                v = Value(import_module(name + "." + a->name->s));
            } catch (PyException& e) {
                if (!e.exc.type()->is_subtype(builtin_type("ImportError"))) throw;
                Value ga = m->dict->get_str(intern("__getattr__"));
                if (!ga.empty()) v = call(ga, {Value(a->name)});
            }
            if (v.empty()) {
                std::string where = m->file.empty() ? "unknown location" : m->file;
                Value exc = new_exception(builtin_type("ImportError"),
                                          {new_str("cannot import name '" + a->name->s +
                                                   "' from '" + name + "' (" + where + ")")});
                raise_value(exc);
            }
        }
        store(a->a, v, f);
    }
}

} // namespace ormsh::lang
