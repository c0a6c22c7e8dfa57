// Session.bulk_save_objects / bulk_insert_mappings / bulk_update_mappings: rows written
// straight to the mapper's table without entering the session (no identity map, no cascades,
// no relationship handling), one INSERT or UPDATE per row as SQLAlchemy 1.4 emits them.
#pragma once

#include "core/engine/value.h"
#include "core/orm/mapper.h"

#include <optional>
#include <vector>

namespace ormsh::orm {

class Session;

// The values of one row by mapper slot; an empty optional is a column the row does not set.
using BulkRow = std::vector<std::optional<engine::Value>>;

// Inserts each row; columns the row leaves out get their Python-side defaults (or SQL
// expression defaults) as in a flush. The generated primary key is fetched with RETURNING
// where the dialect has it, else only for `return_defaults`; the keys are returned with
// `return_defaults` (Null where none was generated).
std::vector<engine::Value> bulk_insert(Session& session, const Mapper& mapper,
                                       const std::vector<BulkRow>& rows, bool return_defaults);

// Updates each row by its primary key, setting the other columns it carries plus onupdate
// defaults. A row without its full primary key is an InvalidRequestError.
void bulk_update(Session& session, const Mapper& mapper, const std::vector<BulkRow>& rows);

} // namespace ormsh::orm
