// declared_attr: a descriptor that calls its function with the class it is read from.
#include "repl/api/orm/declared_attr.h"

#include "repl/api/orm/args.h"

namespace ormsh::api {

using lang::Interpreter;
using lang::Value;

namespace {

struct DeclaredAttrObj : lang::Object {
    using Object::Object;
    Value fget;
    // declared_attr.cascading: run again for each mapped subclass. ormsh maps no class
    // hierarchies, so every class already gets its own call.
    bool cascading = false;
    void traverse(lang::Visitor& v) override {
        Object::traverse(v);
        if (fget.is_obj()) v.visit(fget.obj());
    }
    void clear_refs() override {
        fget = Value();
        Object::clear_refs();
    }
};

Value make_declared_attr(Interpreter& in, const Value& fget, bool cascading) {
    if (!fget.is_obj()) in.raise("TypeError", "declared_attr() needs a function");
    auto* d = new DeclaredAttrObj(declared_attr_type());
    d->fget = fget;
    d->cascading = cascading;
    d->track();
    return Value::steal(d);
}

Value declared_attr_ctor(Interpreter& in, lang::Type*, lang::Args& args) {
    if (args.pos.size() != 1 || !args.kw.empty())
        in.raise("TypeError", "declared_attr() takes exactly one function");
    return make_declared_attr(in, args.pos[0], false);
}

} // namespace

lang::Type* declared_attr_type() {
    static lang::Type* type = [] {
        return lang::TypeBuilder("declared_attr", {}, "sqlalchemy.orm.decl_api")
            .ctor(declared_attr_ctor)
            .method(
                "__get__",
                +[](Interpreter& in, const Value& self, lang::Args& args) -> Value {
                    Value owner = args.pos.size() > 1 && !args.pos[1].is_none()
                                      ? args.pos[1]
                                      : Value(arg_at(in, args, 0).type());
                    return in.call(static_cast<DeclaredAttrObj*>(self.obj())->fget, {owner});
                })
            .property("fget",
                      [](Interpreter&, const Value& self) {
                          return static_cast<DeclaredAttrObj*>(self.obj())->fget;
                      })
            .static_method("cascading",
                           [](Interpreter& in, const Value&, lang::Args& args) {
                               return make_declared_attr(in, arg_at(in, args, 0), true);
                           })
            .static_method("directive",
                           [](Interpreter& in, const Value&, lang::Args& args) {
                               return make_declared_attr(in, arg_at(in, args, 0), false);
                           })
            .build();
    }();
    return type;
}

bool is_declared_attr(const Value& v) {
    return dynamic_cast<DeclaredAttrObj*>(v.obj_or_null()) != nullptr;
}

Value evaluate_declared_attr(Interpreter& in, const Value& v, lang::Type& cls) {
    auto* d = dynamic_cast<DeclaredAttrObj*>(v.obj_or_null());
    if (!d) return v;
    return in.call(d->fget, {Value(&cls)});
}

} // namespace ormsh::api
