// session.execute(update(User).where(...).values(...)) / delete(User).where(...): a bulk
// UPDATE / DELETE of a mapped table runs through the ORM, keeping the session's objects in
// step as the statement's synchronize_session execution option asks ('evaluate' by default),
// as SQLAlchemy 1.4 does for statements on mapped entities.
#pragma once

#include "core/orm/session.h"
#include "repl/api/orm/model.h"

namespace ormsh::api {

// The rowcount result, or an empty Value when `statement` is not an ORM-enabled bulk UPDATE
// / DELETE (no mapped table, RETURNING, or execution parameters): it then runs as Core.
Value execute_orm_dml(Interpreter& in, orm::Session& session, const sql::NodePtr& statement,
                      bool has_params);

} // namespace ormsh::api
