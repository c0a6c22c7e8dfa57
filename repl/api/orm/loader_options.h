// joinedload / selectinload / lazyload / subqueryload: loader options as Python objects,
// chained along relationship paths (joinedload(A.b).joinedload(B.c)), and their translation
// into orm::LoaderOption for a query.
#pragma once

#include <vector>

#include "core/orm/query.h"
#include "repl/lang/interpreter.h"

namespace ormsh::api {

lang::Value make_loader_option_function(const std::string& name, orm::LoadStrategy strategy);
// The core options a Python option object stands for, relative to `query`'s first entity.
std::vector<orm::LoaderOption> loader_options_of(lang::Interpreter& in, const lang::Value& option,
                                                 const orm::Query& query);
// The same relative to `root` (the first entity of a select()); lazyload('*') names every
// relationship of the mapper it applies to.
std::vector<orm::LoaderOption> loader_options_of(lang::Interpreter& in, const lang::Value& option,
                                                 const orm::Mapper* root);

} // namespace ormsh::api
