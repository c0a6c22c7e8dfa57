// Object-model tests through the C++ API: native types built with TypeBuilder and subclassed
// from Python, the subclass hook, native descriptors, exceptions created at run time, weak
// handles, the cycle collector and a module's deferred names.
#include "repl/lang/interpreter.h"

#include <gtest/gtest.h>

using namespace ormsh::lang;

namespace {

struct Script {
    Interpreter in;
    StringSink sink;
    Script() { in.set_output(&sink); }
    int run(const std::string& src) { return in.run_main(src, "t.py", {"t.py"}).exit_code; }
};

} // namespace

TEST(ObjectModel, NativeTypeSubclassedFromPython) {
    Script r;
    std::vector<std::string> created;
    Type* model =
        TypeBuilder("Model", {}, "db")
            .instance_dict(true)
            .method("__init__", NativeClosure([](Interpreter& in, const Value& self, Args& a) {
                        for (auto& kw : a.kw)
                            in.setattr(self, kw.name, kw.value);
                        return Value::none();
                    }))
            .property("table", [](Interpreter&,
                                  const Value& self) { return new_str("t_" + self.type()->name); })
            .on_subclass_created([&](Interpreter&, Type& cls) { created.push_back(cls.name); })
            .build();
    r.in.register_builtin_module(
        "db", [model](Interpreter&, Module& m) { m.dict->set_str("Model", Value(model)); });
    EXPECT_EQ(r.run("from db import Model\n"
                    "class User(Model):\n"
                    "    def greet(self):\n"
                    "        return 'hi ' + self.name\n"
                    "u = User(name='ann')\n"
                    "print(u.greet(), u.table, isinstance(u, Model))\n"),
              0);
    EXPECT_EQ(r.sink.out, "hi ann t_User True\n");
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0], "User");
}

namespace {

// A module `lazy` with `eager` defined at import and `late` deferred; `loads` counts the hook's
// calls that defined it.
void register_lazy_module(Interpreter& in, int& loads) {
    in.register_builtin_module("lazy", [&loads](Interpreter&, Module& m) {
        m.dict->set_str("eager", Value::integer(1));
        m.deferred_names = [&loads](Interpreter&, Module& m, Str* name) {
            if (name && name->s != "late") return true;
            ++loads;
            m.dict->set_str("late", Value::integer(2));
            return false;
        };
    });
}

} // namespace

TEST(ObjectModel, DeferredModuleNamesLoadOnFirstUse) {
    struct Case {
        const char* use;
        const char* out;
    };
    for (const Case& c :
         {Case{"print(lazy.late)", "2"}, Case{"from lazy import late; print(late)", "2"},
          Case{"from lazy import *; print(late)", "2"}, Case{"print('late' in dir(lazy))", "True"},
          Case{"print('late' in vars(lazy))", "True"},
          Case{"print(getattr(lazy, 'late', 0))", "2"}}) {
        Script r;
        int loads = 0;
        register_lazy_module(r.in, loads);
        ASSERT_EQ(r.run(std::string("import lazy\n"
                                    "print(lazy.eager, hasattr(lazy, 'other'))\n") +
                        c.use + "\n" + c.use + "\n"),
                  0)
            << c.use << r.sink.err;
        EXPECT_EQ(r.sink.out, std::string("1 False\n") + c.out + "\n" + c.out + "\n") << c.use;
        EXPECT_EQ(loads, 1) << c.use;
    }
}

TEST(ObjectModel, OperatorsReturnAnyObject) {
    Script r;
    Type* col =
        TypeBuilder("Column", {}, "sql")
            .method("__eq__", NativeClosure([](Interpreter& in, const Value& self, Args& a) {
                        return new_str("expr(" + in.repr(a[0]) + ")");
                        (void)self;
                    }))
            .build();
    r.in.register_builtin_module(
        "sql", [col](Interpreter&, Module& m) { m.dict->set_str("Column", Value(col)); });
    EXPECT_EQ(r.run("from sql import Column\nc = Column()\nprint(c == 5)\n"), 0);
    EXPECT_EQ(r.sink.out, "expr(5)\n");
}

TEST(ObjectModel, RuntimeExceptionClasses) {
    Script r;
    r.in.register_builtin_module("myexc", [](Interpreter& in, Module& m) {
        Type* base = in.new_exception_type("SQLAlchemyError", nullptr, "sqlalchemy.exc");
        Type* integ = in.new_exception_type("IntegrityError", base, "sqlalchemy.exc");
        m.dict->set_str("SQLAlchemyError", Value(base));
        m.dict->set_str("IntegrityError", Value(integ));
        m.dict->set_str(
            "fail",
            make_native_closure("fail", [integ](Interpreter& in, const Value&, Args&) -> Value {
                Value e = in.new_exception(integ, {new_str("UNIQUE constraint failed")});
                in.setattr(e, intern("code"), Value::integer(42));
                in.raise_value(e);
            }));
    });
    EXPECT_EQ(r.run("from myexc import *\n"
                    "try:\n"
                    "    fail()\n"
                    "except SQLAlchemyError as e:\n"
                    "    print(type(e).__name__, e, e.code)\n"
                    "fail()\n"),
              1);
    EXPECT_EQ(r.sink.out, "IntegrityError UNIQUE constraint failed 42\n");
    EXPECT_NE(r.sink.err.find("sqlalchemy.exc.IntegrityError: UNIQUE constraint failed"),
              std::string::npos);
}

TEST(ObjectModel, WeakHandleAndCycleCollection) {
    Script r;
    ASSERT_EQ(r.run("class N:\n    pass\na = N()\nb = N()\na.other = b\nb.other = a\n"), 0);
    Value a = r.in.globals().get_str("a");
    WeakHandle w(a.obj());
    EXPECT_NE(w.get(), nullptr);
    a = Value();
    r.in.globals().remove_str(intern("a"));
    r.in.globals().remove_str(intern("b"));
    EXPECT_NE(w.get(), nullptr); // kept alive by the cycle until a collection
    gc::collect();
    EXPECT_EQ(w.get(), nullptr);
}

TEST(ObjectModel, SingleModeEchoes) {
    Script r;
    EXPECT_TRUE(r.in.run_single("1 + 2\n"));
    EXPECT_TRUE(r.in.run_single("None\n"));
    EXPECT_TRUE(r.in.run_single("_ * 10\n"));
    EXPECT_EQ(r.sink.out, "3\n30\n");
    EXPECT_FALSE(r.in.run_single("undefined_name\n"));
    EXPECT_NE(r.sink.err.find("NameError: name 'undefined_name' is not defined"),
              std::string::npos);
}
