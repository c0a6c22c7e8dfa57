// register_stdlib_modules: every module of repl/api/stdlib, registered lazily.
#include "repl/api/stdlib/stdlib_modules.h"

namespace ormsh::api {

void register_stdlib_modules(lang::Interpreter& in) {
    stdlib::register_random_module(in);
    stdlib::register_json_module(in);
    stdlib::register_re_module(in);
    stdlib::register_collections_module(in);
    stdlib::register_enum_module(in);
    stdlib::register_csv_module(in);
    stdlib::register_string_module(in);
    stdlib::register_uuid_module(in);
    stdlib::register_itertools_module(in);
    stdlib::register_bisect_and_heapq_modules(in);
    stdlib::register_operator_module(in);
    stdlib::register_copy_module(in);
    stdlib::register_base64_module(in);
    stdlib::register_io_module(in);
    stdlib::register_pprint_module(in);
    stdlib::register_hashlib_module(in);
    stdlib::register_secrets_and_hmac_modules(in);
    stdlib::register_werkzeug_security_module(in);
}

} // namespace ormsh::api
