// The `operator` module: the operators as functions (add, mul, lt, getitem, ...) and the
// callables itemgetter, attrgetter (dotted names) and methodcaller, as sort keys use them.
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

namespace ormsh::api::stdlib {

namespace {

using lang::BinOpKind;
using lang::CmpKind;

template <BinOpKind Op> Value binary(Interpreter& in, const Value&, Args& a) {
    if (a.size() != 2)
        in.raise("TypeError", "expected 2 arguments, got " + std::to_string(a.size()));
    return in.binary_op(Op, a[0], a[1]);
}

template <CmpKind Op> Value compare(Interpreter& in, const Value&, Args& a) {
    if (a.size() != 2)
        in.raise("TypeError", "expected 2 arguments, got " + std::to_string(a.size()));
    return in.compare(Op, a[0], a[1]);
}

Value getattr_path(Interpreter& in, Value obj, const std::string& path) {
    size_t start = 0;
    for (;;) {
        size_t dot = path.find('.', start);
        obj = in.getattr(obj, path.substr(start, dot == std::string::npos ? dot : dot - start));
        if (dot == std::string::npos) return obj;
        start = dot + 1;
    }
}

Value itemgetter(Interpreter& in, const Value&, Args& a) {
    if (a.size() == 0) in.raise("TypeError", "itemgetter expected 1 argument, got 0");
    std::vector<Value> items(a.pos.begin(), a.pos.end());
    return lang::make_native_closure("itemgetter", [items](Interpreter& in, const Value&, Args& b) {
        if (b.size() != 1) in.raise("TypeError", "itemgetter expected 1 argument");
        if (items.size() == 1) return in.getitem(b[0], items[0]);
        std::vector<Value> out;
        for (auto& i : items)
            out.push_back(in.getitem(b[0], i));
        return lang::new_tuple(std::move(out));
    });
}

Value attrgetter(Interpreter& in, const Value&, Args& a) {
    if (a.size() == 0) in.raise("TypeError", "attrgetter expected 1 argument, got 0");
    std::vector<std::string> names;
    for (size_t i = 0; i < a.size(); ++i)
        names.push_back(str_arg(in, a[i], "attrgetter"));
    return lang::make_native_closure("attrgetter", [names](Interpreter& in, const Value&, Args& b) {
        if (b.size() != 1) in.raise("TypeError", "attrgetter expected 1 argument");
        if (names.size() == 1) return getattr_path(in, b[0], names[0]);
        std::vector<Value> out;
        for (auto& n : names)
            out.push_back(getattr_path(in, b[0], n));
        return lang::new_tuple(std::move(out));
    });
}

Value methodcaller(Interpreter& in, const Value&, Args& a) {
    if (a.size() == 0)
        in.raise("TypeError", "methodcaller needs at least one argument, the method name");
    std::string name = str_arg(in, a[0], "methodcaller");
    std::vector<Value> pos(a.pos.begin() + 1, a.pos.end());
    std::vector<lang::KwArg> kw(a.kw.begin(), a.kw.end());
    std::vector<Value> keep; // keyword values are held by the closure
    for (auto& k : kw)
        keep.push_back(k.value);
    return lang::make_native_closure(
        "methodcaller", [name, pos, kw, keep](Interpreter& in, const Value&, Args& b) {
            if (b.size() != 1) in.raise("TypeError", "methodcaller expected 1 argument");
            return in.call(in.getattr(b[0], name), pos, kw);
        });
}

void make_operator_module(Interpreter&, lang::Module& m) {
    def_fn(m, "add", binary<BinOpKind::Add>);
    def_fn(m, "sub", binary<BinOpKind::Sub>);
    def_fn(m, "mul", binary<BinOpKind::Mul>);
    def_fn(m, "truediv", binary<BinOpKind::Div>);
    def_fn(m, "floordiv", binary<BinOpKind::FloorDiv>);
    def_fn(m, "mod", binary<BinOpKind::Mod>);
    def_fn(m, "pow", binary<BinOpKind::Pow>);
    def_fn(m, "and_", binary<BinOpKind::BitAnd>);
    def_fn(m, "or_", binary<BinOpKind::BitOr>);
    def_fn(m, "xor", binary<BinOpKind::BitXor>);
    def_fn(m, "lshift", binary<BinOpKind::LShift>);
    def_fn(m, "rshift", binary<BinOpKind::RShift>);
    def_fn(m, "eq", compare<CmpKind::Eq>);
    def_fn(m, "ne", compare<CmpKind::Ne>);
    def_fn(m, "lt", compare<CmpKind::Lt>);
    def_fn(m, "le", compare<CmpKind::Le>);
    def_fn(m, "gt", compare<CmpKind::Gt>);
    def_fn(m, "ge", compare<CmpKind::Ge>);
    def_fn(m, "is_", compare<CmpKind::Is>);
    def_fn(m, "is_not", compare<CmpKind::IsNot>);
    def_fn(
        m, "neg", +[](Interpreter& in, const Value&, Args& a) {
            return in.unary_op(lang::UnaryKind::Neg, a[0]);
        });
    def_fn(
        m, "pos", +[](Interpreter& in, const Value&, Args& a) {
            return in.unary_op(lang::UnaryKind::Pos, a[0]);
        });
    def_fn(
        m, "not_",
        +[](Interpreter& in, const Value&, Args& a) { return Value::boolean(!in.truthy(a[0])); });
    def_fn(
        m, "truth",
        +[](Interpreter& in, const Value&, Args& a) { return Value::boolean(in.truthy(a[0])); });
    def_fn(
        m, "contains", +[](Interpreter& in, const Value&, Args& a) {
            return Value::boolean(in.contains(a[0], a[1]));
        });
    def_fn(
        m, "getitem",
        +[](Interpreter& in, const Value&, Args& a) { return in.getitem(a[0], a[1]); });
    def_fn(
        m, "setitem", +[](Interpreter& in, const Value&, Args& a) {
            in.setitem(a[0], a[1], a[2]);
            return Value::none();
        });
    def_fn(
        m, "index", +[](Interpreter& in, const Value&, Args& a) {
            return Value::integer(in.index_value(a[0]));
        });
    def_fn(m, "itemgetter", itemgetter);
    def_fn(m, "attrgetter", attrgetter);
    def_fn(m, "methodcaller", methodcaller);
}

} // namespace

void register_operator_module(Interpreter& in) {
    in.register_builtin_module("operator", make_operator_module);
}

} // namespace ormsh::api::stdlib
