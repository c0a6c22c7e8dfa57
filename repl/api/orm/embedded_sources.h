// The modules written in the language itself (repl/api/py/*.py), compiled into the binary.
#pragma once

#include <string_view>

namespace ormsh::api::embedded {

extern const std::string_view flask_py;
extern const std::string_view flask_sqlalchemy_py;
extern const std::string_view sqlalchemy_ext_associationproxy_py;
extern const std::string_view sqlalchemy_ext_automap_py;
extern const std::string_view sqlalchemy_orm_annotated_py;
extern const std::string_view sqlalchemy_orm_registry_py;
extern const std::string_view werkzeug_exceptions_py;

} // namespace ormsh::api::embedded
