// Row and Result as SQLAlchemy 1.4 shows them: a Row is a tuple (index, slice, unpacking,
// == with tuples, tuple repr) that also answers row.name, row['name'] (legacy) and
// row._mapping; a Result is buffered and offers fetchone / fetchmany / fetchall, first, one,
// scalar, scalars() and mappings().
#include "repl/api/result_objects.h"

#include "repl/api/sqlalchemy/binding.h"
#include "repl/api/sqlalchemy/column_collection.h"

namespace ormsh::api {

namespace {

using lang::Layout;

struct RowObj : lang::Object {
    explicit RowObj(Type* t) : Object(t) {}
    std::shared_ptr<const RowKeys> keys;
    std::vector<Value> values;
    void traverse(lang::Visitor& v) override {
        Object::traverse(v);
        for (auto& x : values)
            if (x.is_obj()) v.visit(x.obj());
    }
    void clear_refs() override {
        Object::clear_refs();
        values.clear();
    }
};

// A Result, ScalarResult or MappingResult: the rows still to be fetched, already converted.
struct ResultObj : lang::Object {
    explicit ResultObj(Type* t) : Object(t) {}
    std::shared_ptr<const RowKeys> keys;
    std::vector<Value> rows; // Row objects (Result), values (ScalarResult) or dicts (MappingResult)
    size_t pos = 0;
    std::int64_t rowcount = -1;
    Value inserted_primary_key;
    bool returns_rows = true;
    bool closed = false;
    // Rows of a joined eager load of a collection: fetching them needs unique() first.
    bool needs_unique = false;
    void traverse(lang::Visitor& v) override {
        Object::traverse(v);
        for (auto& x : rows)
            if (x.is_obj()) v.visit(x.obj());
        if (inserted_primary_key.is_obj()) v.visit(inserted_primary_key.obj());
    }
    void clear_refs() override {
        Object::clear_refs();
        rows.clear();
        inserted_primary_key = Value();
    }
};

struct ResultTypes {
    Type* row = nullptr;
    Type* result = nullptr;
    Type* scalar_result = nullptr;
    Type* mapping_result = nullptr;
};
ResultTypes& result_types() {
    static ResultTypes t;
    return t;
}

RowObj* row_of(const Value& v) {
    return v.as<RowObj>();
}
ResultObj* res_of(const Value& v) {
    return v.as<ResultObj>();
}

Value row_tuple(const Value& row) {
    return lang::new_tuple(row_of(row)->values);
}

int key_index(Interpreter& in, const RowObj* r, const Value& key) {
    std::string name;
    if (lang::is_str(key)) {
        name = lang::as_str(key)->s;
    } else if (sql::NodePtr n = clause_of(in, key)) {
        if (n->is(sql::NodeKind::ColumnRef))
            name = n->as<sql::ColumnRef>().name;
        else if (n->is(sql::NodeKind::Label))
            name = n->as<sql::Label>().name;
    }
    int i = r->keys ? r->keys->index_of(name) : -1;
    if (i < 0 && !lang::is_str(key) && clause_of(in, key) &&
        clause_of(in, key)->is(sql::NodeKind::ColumnRef))
        i = r->keys->index_of(clause_of(in, key)->as<sql::ColumnRef>().key);
    return i;
}

Value mapping_of(Interpreter& in, const RowObj* r) {
    auto d = lang::make<lang::Dict>();
    for (size_t i = 0; i < r->values.size(); ++i) {
        std::string k =
            r->keys && i < r->keys->names.size() ? r->keys->names[i] : std::to_string(i);
        if (d->get_str(k).empty()) d->set(in, lang::new_str(k), r->values[i]);
    }
    return Value(d.get());
}

// `fetching`: rows are about to be handed out (scalars() / mappings() only derive a result).
void check_rows(Interpreter& in, ResultObj* r, bool fetching = true) {
    if (!r->returns_rows)
        raise_sa(in, "ResourceClosedError",
                 "This result object does not return rows. It has been closed automatically.");
    if (r->closed) raise_sa(in, "ResourceClosedError", "This result object is closed.");
    if (fetching && r->needs_unique && r->pos < r->rows.size())
        raise_sa(in, "InvalidRequestError",
                 "The unique() method must be invoked on this Result, as it contains results "
                 "that include joined eager loads against collections");
}

Value take(ResultObj* r) {
    if (r->pos >= r->rows.size()) return Value::none();
    return r->rows[r->pos++];
}

std::vector<Value> take_all(ResultObj* r) {
    std::vector<Value> out(r->rows.begin() + static_cast<std::ptrdiff_t>(r->pos), r->rows.end());
    r->pos = r->rows.size();
    return out;
}

Value one_impl(Interpreter& in, ResultObj* r, bool allow_none, bool scalar) {
    check_rows(in, r);
    std::vector<Value> rest = take_all(r);
    r->closed = true;
    if (rest.empty()) {
        if (allow_none) return Value::none();
        raise_sa(in, "NoResultFound", "No row was found when one was required");
    }
    if (rest.size() > 1)
        raise_sa(in, "MultipleResultsFound",
                 allow_none ? "Multiple rows were found when one or none was required"
                            : "Multiple rows were found when exactly one was required");
    if (scalar && r->type == result_types().result) return row_of(rest[0])->values.at(0);
    return rest[0];
}

Value derived_result(ResultObj* r, Type* t, const std::function<Value(const Value&)>& map) {
    auto* o = new ResultObj(t);
    o->track();
    Value v(o);
    o->keys = r->keys;
    o->needs_unique = r->needs_unique;
    for (const Value& row : take_all(r))
        o->rows.push_back(map(row));
    return v;
}

// RMKeyView: result.keys(), a sequence of names that prints as RMKeyView(['id', 'name']).
Type* key_view_type() {
    static Type* t = nullptr;
    if (t) return t;
    t = lang::TypeBuilder("RMKeyView", {}, "sqlalchemy.engine.result").build();
    auto list_of = [](const Value& self) { return lang::new_list(row_of(self)->values); };
    def(t, "__repr__", [list_of](Interpreter& in, const Value& self, Args&) -> Value {
        return lang::new_str("RMKeyView(" + in.repr(list_of(self)) + ")");
    });
    def(t, "__iter__", [list_of](Interpreter& in, const Value& self, Args&) -> Value {
        return in.iter(list_of(self));
    });
    def(t, "__len__", [](Interpreter&, const Value& self, Args&) -> Value {
        return Value::integer(static_cast<int64_t>(row_of(self)->values.size()));
    });
    def(t, "__getitem__", [list_of](Interpreter& in, const Value& self, Args& args) -> Value {
        return in.getitem(list_of(self), args[0]);
    });
    def(t, "__contains__", [list_of](Interpreter& in, const Value& self, Args& args) -> Value {
        return Value::boolean(in.contains(list_of(self), args[0]));
    });
    def(t, "__eq__", [list_of](Interpreter& in, const Value& self, Args& args) -> Value {
        return Value::boolean(in.eq(list_of(self), args[0]));
    });
    return t;
}

void def_fetch_methods(Type* t) {
    def(t, "__iter__", [](Interpreter& in, const Value& self, Args&) -> Value {
        ResultObj* r = res_of(self);
        check_rows(in, r);
        return in.iter(lang::new_list(take_all(r)));
    });
    def(t, "fetchone", [](Interpreter& in, const Value& self, Args&) -> Value {
        check_rows(in, res_of(self));
        return take(res_of(self));
    });
    def(t, "fetchmany", [](Interpreter& in, const Value& self, Args& args) -> Value {
        ResultObj* r = res_of(self);
        check_rows(in, r);
        int64_t n = args.size() >= 1 && !args[0].is_none() ? in.index_value(args[0]) : 1;
        if (Value s = kwarg(args, "size"); !s.empty() && !s.is_none()) n = in.index_value(s);
        std::vector<Value> out;
        for (int64_t i = 0; i < n && r->pos < r->rows.size(); ++i)
            out.push_back(take(r));
        return lang::new_list(std::move(out));
    });
    for (const char* n : {"fetchall", "all"})
        def(t, n, [](Interpreter& in, const Value& self, Args&) -> Value {
            check_rows(in, res_of(self));
            return lang::new_list(take_all(res_of(self)));
        });
    def(t, "first", [](Interpreter& in, const Value& self, Args&) -> Value {
        ResultObj* r = res_of(self);
        check_rows(in, r);
        Value v = take(r);
        r->pos = r->rows.size();
        r->closed = true;
        return v;
    });
    def(t, "one", [](Interpreter& in, const Value& self, Args&) -> Value {
        return one_impl(in, res_of(self), false, false);
    });
    def(t, "one_or_none", [](Interpreter& in, const Value& self, Args&) -> Value {
        return one_impl(in, res_of(self), true, false);
    });
    def(t, "unique", [](Interpreter& in, const Value& self, Args&) -> Value {
        ResultObj* r = res_of(self);
        std::vector<Value> kept;
        // Objects compare by identity, other values by equality (SQLAlchemy's unique filters).
        auto same = [&in](const Value& a, const Value& b) { return a.is(b) || in.eq(a, b); };
        auto same_row = [&](const Value& a, const Value& b) {
            if (!(a.is_obj() && a.type() == result_types().row && b.is_obj() &&
                  b.type() == result_types().row))
                return same(a, b);
            const auto& x = row_of(a)->values;
            const auto& y = row_of(b)->values;
            if (x.size() != y.size()) return false;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (!same(x[i], y[i])) return false;
            return true;
        };
        for (const Value& v : take_all(r)) {
            bool seen = false;
            for (const Value& k : kept)
                if (same_row(k, v)) seen = true;
            if (!seen) kept.push_back(v);
        }
        r->rows = std::move(kept);
        r->pos = 0;
        r->needs_unique = false;
        return self;
    });
    def(t, "close", [](Interpreter&, const Value& self, Args&) -> Value {
        res_of(self)->closed = true;
        return Value::none();
    });
    def(t, "keys", [](Interpreter&, const Value& self, Args&) -> Value {
        auto* view = new RowObj(key_view_type());
        Value v(view);
        if (res_of(self)->keys)
            for (const auto& k : res_of(self)->keys->names)
                view->values.push_back(lang::new_str(k));
        return v;
    });
}

void init_row(Type* t) {
    def(t, "__getitem__", [](Interpreter& in, const Value& self, Args& args) -> Value {
        RowObj* r = row_of(self);
        const Value& key = args[0];
        if (key.is_int() || key.is_bool() || has_layout(key, Layout::Slice))
            return in.getitem(row_tuple(self), key);
        int i = key_index(in, r, key);
        if (i < 0 || static_cast<size_t>(i) >= r->values.size()) {
            if (lang::is_str(key))
                raise_sa(in, "NoSuchColumnError",
                         "Could not locate column in row for column '" + lang::as_str(key)->s +
                             "'");
            raise_sa(in, "NoSuchColumnError",
                     "Could not locate column in row for column '" + in.str(key) + "'");
        }
        return r->values[static_cast<size_t>(i)];
    });
    def_getattr(t, [](Interpreter& in, const Value& self, const std::string& name) -> Value {
        RowObj* r = row_of(self);
        int i = r->keys ? r->keys->index_of(name) : -1;
        if (i < 0 || static_cast<size_t>(i) >= r->values.size())
            in.raise("AttributeError", "Could not locate column in row for column '" + name + "'");
        return r->values[static_cast<size_t>(i)];
    });
    def(t, "__len__", [](Interpreter&, const Value& self, Args&) -> Value {
        return Value::integer(static_cast<int64_t>(row_of(self)->values.size()));
    });
    def(t, "__iter__", [](Interpreter& in, const Value& self, Args&) -> Value {
        return in.iter(row_tuple(self));
    });
    def(t, "__contains__", [](Interpreter& in, const Value& self, Args& args) -> Value {
        // LegacyRow (1.4): `x in row` asks whether x is one of the row's keys.
        return Value::boolean(key_index(in, row_of(self), args[0]) >= 0);
    });
    def(t, "__repr__", [](Interpreter& in, const Value& self, Args&) -> Value {
        return lang::new_str(in.repr(row_tuple(self)));
    });
    def(t, "__hash__", [](Interpreter& in, const Value& self, Args&) -> Value {
        return Value::integer(in.hash(row_tuple(self)));
    });
    auto other_tuple = [](const Value& v) {
        if (v.is_obj() && v.type() == result_types().row) return row_tuple(v);
        return v;
    };
    struct Cmp {
        const char* name;
        lang::CmpKind op;
    };
    for (Cmp c : {Cmp{"__eq__", lang::CmpKind::Eq}, Cmp{"__ne__", lang::CmpKind::Ne},
                  Cmp{"__lt__", lang::CmpKind::Lt}, Cmp{"__le__", lang::CmpKind::Le},
                  Cmp{"__gt__", lang::CmpKind::Gt}, Cmp{"__ge__", lang::CmpKind::Ge}}) {
        lang::CmpKind op = c.op;
        def(t, c.name, [op, other_tuple](Interpreter& in, const Value& self, Args& args) -> Value {
            Value other = other_tuple(args[0]);
            if (!has_layout(other, Layout::Tuple)) {
                if (op == lang::CmpKind::Eq) return Value::boolean(false);
                if (op == lang::CmpKind::Ne) return Value::boolean(true);
                return Value(lang::Singletons::not_implemented);
            }
            return in.compare(op, row_tuple(self), other);
        });
    }
    def(t, "__add__", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return in.binary_op(lang::BinOpKind::Add, row_tuple(self), args[0]);
    });
    def(t, "keys", [](Interpreter&, const Value& self, Args&) -> Value {
        std::vector<Value> out;
        if (row_of(self)->keys)
            for (const auto& k : row_of(self)->keys->names)
                out.push_back(lang::new_str(k));
        return lang::new_list(std::move(out));
    });
    def(t, "_asdict", [](Interpreter& in, const Value& self, Args&) -> Value {
        return mapping_of(in, row_of(self));
    });
    def_property(t, "_mapping", [](Interpreter& in, const Value& self) -> Value {
        return mapping_of(in, row_of(self));
    });
    def_property(t, "_fields", [](Interpreter&, const Value& self) -> Value {
        std::vector<Value> out;
        if (row_of(self)->keys)
            for (const auto& k : row_of(self)->keys->names)
                out.push_back(lang::new_str(k));
        return lang::new_tuple(std::move(out));
    });
    def(t, "count", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return in.call_method(row_tuple(self), "count", {args[0]});
    });
    def(t, "index", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return in.call_method(row_tuple(self), "index", {args[0]});
    });
    def(t, "_tuple",
        [](Interpreter&, const Value& self, Args&) -> Value { return row_tuple(self); });
}

} // namespace

int RowKeys::index_of(std::string_view name) const {
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<int>(i);
    return -1;
}

Value make_row(Interpreter&, std::shared_ptr<const RowKeys> keys, std::vector<Value> values) {
    api_types();
    auto* o = new RowObj(result_types().row);
    o->track();
    Value v(o);
    o->keys = std::move(keys);
    o->values = std::move(values);
    return v;
}

Value make_result(Interpreter& in, std::shared_ptr<const RowKeys> keys,
                  std::vector<std::vector<Value>> rows, std::int64_t rowcount,
                  std::vector<Value> inserted_primary_key) {
    api_types();
    auto* o = new ResultObj(result_types().result);
    o->track();
    Value v(o);
    o->returns_rows = keys && !keys->names.empty();
    o->keys = keys;
    o->rows.reserve(rows.size());
    for (auto& r : rows)
        o->rows.push_back(make_row(in, keys, std::move(r)));
    o->rowcount = rowcount;
    if (!inserted_primary_key.empty())
        o->inserted_primary_key =
            make_row(in, std::make_shared<RowKeys>(), std::move(inserted_primary_key));
    return v;
}

void require_unique(const Value& result) {
    if (auto* r = dynamic_cast<ResultObj*>(result.obj_or_null())) r->needs_unique = true;
}

void init_result_objects(Interpreter&) {
    ResultTypes& t = result_types();
    t.row = lang::TypeBuilder("LegacyRow", {}, "sqlalchemy.engine.row").instance_dict(true).build();
    t.result = lang::TypeBuilder("LegacyCursorResult", {}, "sqlalchemy.engine.cursor").build();
    t.scalar_result = lang::TypeBuilder("ScalarResult", {}, "sqlalchemy.engine.result").build();
    t.mapping_result = lang::TypeBuilder("MappingResult", {}, "sqlalchemy.engine.result").build();
    init_row(t.row);
    for (Type* x : {t.result, t.scalar_result, t.mapping_result})
        def_fetch_methods(x);

    Type* r = t.result;
    def(r, "scalar", [](Interpreter& in, const Value& self, Args&) -> Value {
        ResultObj* res = res_of(self);
        check_rows(in, res);
        Value row = take(res);
        res->pos = res->rows.size();
        res->closed = true;
        if (row.is_none()) return row;
        return row_of(row)->values.at(0);
    });
    def(r, "scalar_one", [](Interpreter& in, const Value& self, Args&) -> Value {
        return one_impl(in, res_of(self), false, true);
    });
    def(r, "scalar_one_or_none", [](Interpreter& in, const Value& self, Args&) -> Value {
        return one_impl(in, res_of(self), true, true);
    });
    def(r, "scalars", [](Interpreter& in, const Value& self, Args& args) -> Value {
        ResultObj* res = res_of(self);
        check_rows(in, res, false);
        size_t index = args.size() >= 1 ? static_cast<size_t>(in.index_value(args[0])) : 0;
        return derived_result(res, result_types().scalar_result,
                              [index](const Value& row) { return row_of(row)->values.at(index); });
    });
    def(r, "mappings", [](Interpreter& in, const Value& self, Args&) -> Value {
        ResultObj* res = res_of(self);
        check_rows(in, res, false);
        return derived_result(res, result_types().mapping_result,
                              [&in](const Value& row) { return mapping_of(in, row_of(row)); });
    });
    def_property(r, "rowcount", [](Interpreter&, const Value& self) -> Value {
        return Value::integer(res_of(self)->rowcount);
    });
    def_property(r, "returns_rows", [](Interpreter&, const Value& self) -> Value {
        return Value::boolean(res_of(self)->returns_rows);
    });
    def_property(r, "inserted_primary_key", [](Interpreter& in, const Value& self) -> Value {
        const Value& pk = res_of(self)->inserted_primary_key;
        if (pk.empty())
            raise_sa(in, "InvalidRequestError",
                     "Statement is not a compiled expression construct.");
        return pk;
    });
    def_property(r, "closed", [](Interpreter&, const Value& self) -> Value {
        return Value::boolean(res_of(self)->closed);
    });
}

} // namespace ormsh::api
