// INSERT, UPDATE and DELETE statements, built generatively as SQLAlchemy's insert(table)
// .values(...), update(table).where(...).values(...), delete(table).where(...). Plain values
// become bound parameters named after the column key (":name"), expressions stay as given.
#pragma once

#include "core/sql/selectable.h"

#include <string>
#include <vector>

namespace ormsh::sql {

// Column key -> value or expression, in the order given.
using ValueMap = std::vector<std::pair<std::string, Operand>>;

NodePtr insert(const schema::TablePtr& table);
// .values(name='x'): one row; calling again merges into that row.
NodePtr values(const NodePtr& stmt, const ValueMap& values);
// .values([{...}, {...}]): a multi-row VALUES insert.
NodePtr values_multi(const NodePtr& insert_stmt, const std::vector<ValueMap>& rows);
NodePtr returning(const NodePtr& stmt, const NodeList& columns);
NodePtr from_select(const NodePtr& insert_stmt, std::vector<std::string> keys,
                    const NodePtr& select);

NodePtr update(const schema::TablePtr& table);
NodePtr delete_(const schema::TablePtr& table);

} // namespace ormsh::sql
