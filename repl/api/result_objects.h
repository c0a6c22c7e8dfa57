// Python-side results: sqlalchemy.engine.Row (a tuple with access by name and attribute, and
// ._mapping) and CursorResult / Result (iteration, fetchone/fetchmany/fetchall, first, one,
// scalar, scalars(), keys(), rowcount, inserted_primary_key). The ORM's session.execute()
// builds the same objects from loaded entities.
#pragma once

#include "repl/lang/interpreter.h"

#include <memory>
#include <string>
#include <vector>

namespace ormsh::api {

// The keys shared by every row of one result.
struct RowKeys {
    std::vector<std::string> names;
    // Position of a name (the first one when names repeat), -1 when absent.
    int index_of(std::string_view name) const;
};

// A Row of already converted Python values.
lang::Value make_row(lang::Interpreter& in, std::shared_ptr<const RowKeys> keys,
                     std::vector<lang::Value> values);

// A Result over rows produced ahead of time (buffered). `rowcount` is -1 when not applicable.
lang::Value make_result(lang::Interpreter& in, std::shared_ptr<const RowKeys> keys,
                        std::vector<std::vector<lang::Value>> rows, std::int64_t rowcount = -1,
                        std::vector<lang::Value> inserted_primary_key = {});

// Marks a result whose rows repeat objects of a joined eager collection: fetching from it
// raises InvalidRequestError until unique() is called, as SQLAlchemy's ORM results do.
void require_unique(const lang::Value& result);

} // namespace ormsh::api
