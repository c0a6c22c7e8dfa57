// Mapped objects and the cycle collector: an object that references no other (most rows of a
// large seed) stays out of the collector's table, and one that does joins it as it starts to,
// so that a garbage cycle through relationships or instance attributes is still freed.
#include "dialects/registry.h"
#include "repl/api/modules.h"
#include "repl/lang/interpreter.h"

#include <gtest/gtest.h>
#include <string>

using namespace ormsh::lang;

namespace {

// One interpreter for the whole test program, with the models declared (intentionally leaked:
// the bindings keep process-wide registries of the classes they map).
struct Script {
    Interpreter in;
    StringSink sink;
    Script() {
        ormsh::dialects::register_builtin_dialects();
        in.set_output(&sink);
        ormsh::api::register_all_modules(in);
    }
    static Script& with_models();
    int run(const std::string& src) { return in.run_main(src, "t.py", {"t.py"}).exit_code; }
    WeakHandle watch(const char* name) { return WeakHandle(in.globals().get_str(name).obj()); }
    void drop(const char* name) { in.globals().remove_str(intern(name)); }
};

const char* const kModels = "from sqlalchemy import Column, ForeignKey, Integer, String\n"
                            "from sqlalchemy.orm import declarative_base, relationship\n"
                            "Base = declarative_base()\n"
                            "class Parent(Base):\n"
                            "    __tablename__ = 'parent'\n"
                            "    id = Column(Integer, primary_key=True)\n"
                            "    name = Column(String(20))\n"
                            "    children = relationship('Child', backref='parent')\n"
                            "class Child(Base):\n"
                            "    __tablename__ = 'child'\n"
                            "    id = Column(Integer, primary_key=True)\n"
                            "    parent_id = Column(Integer, ForeignKey('parent.id'))\n";

Script& Script::with_models() {
    static Script* s = [] {
        auto* script = new Script();
        EXPECT_EQ(script->run(kModels), 0) << script->sink.err;
        return script;
    }();
    return *s;
}

} // namespace

TEST(ModelCollection, ObjectsReferencingNothingAreNotTracked) {
    Script& s = Script::with_models();
    ASSERT_EQ(s.run("warm = Parent(name='warm')\n"), 0) << s.sink.err;
    std::size_t before = gc::tracked_count();
    ASSERT_EQ(s.run("rows = [Parent(name='p%d' % i) for i in range(1000)]\n"), 0) << s.sink.err;
    EXPECT_LT(gc::tracked_count() - before, 100u);
}

TEST(ModelCollection, CycleThroughRelationshipsIsFreed) {
    Script& s = Script::with_models();
    ASSERT_EQ(s.run("p = Parent(name='p')\n"
                    "c = Child()\n"
                    "c.parent = p\n"
                    "assert p.children == [c]\n"),
              0)
        << s.sink.err;
    WeakHandle parent = s.watch("p"), child = s.watch("c");
    s.drop("p");
    s.drop("c");
    EXPECT_NE(parent.get(), nullptr); // kept alive by the cycle until a collection
    gc::collect();
    EXPECT_EQ(parent.get(), nullptr);
    EXPECT_EQ(child.get(), nullptr);
}

TEST(ModelCollection, CycleThroughAnInstanceAttributeIsFreed) {
    Script& s = Script::with_models();
    ASSERT_EQ(s.run("p = Parent(name='p')\n"
                    "p.me = p\n"),
              0)
        << s.sink.err;
    WeakHandle parent = s.watch("p");
    s.drop("p");
    EXPECT_NE(parent.get(), nullptr);
    gc::collect();
    EXPECT_EQ(parent.get(), nullptr);
}
