// The Session's bulk_* methods (bulk_save_objects, bulk_insert_mappings, bulk_update_mappings).
#pragma once

#include "repl/lang/interpreter.h"

namespace ormsh::api {

void add_bulk_methods(lang::TypeBuilder& session_type);

} // namespace ormsh::api
