// sqlalchemy's ColumnCollection as Python sees it (table.c, alias.c, select.selected_columns):
// columns by key as attributes and items, in order when iterated.
#pragma once

#include "repl/lang/interpreter.h"

#include <string>
#include <utility>
#include <vector>

namespace ormsh::api {

struct ColumnCollectionObj : lang::Object {
    explicit ColumnCollectionObj(lang::Type* t) : Object(t) {}
    std::vector<std::pair<std::string, lang::Value>> items;
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;
    // The column under `key`, or empty.
    lang::Value get(std::string_view key) const;
};

lang::Value make_column_collection();
// A collection that also answers .columns and .name, as table.primary_key does.
lang::Value make_primary_key_collection();
void column_collection_add(const lang::Value& coll, std::string key, lang::Value column);

// Defines __getattr__ on a native type (the interpreter calls it unbound: (obj, name)).
void def_getattr(
    lang::Type* t,
    std::function<lang::Value(lang::Interpreter&, const lang::Value& self, const std::string& name)>
        fn);

} // namespace ormsh::api
