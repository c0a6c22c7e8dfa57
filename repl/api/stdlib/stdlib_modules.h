// Registration of the standard-library modules implemented in this folder: random, json, csv,
// collections, enum, string, uuid, itertools, bisect, heapq, operator, copy, base64, io, pprint,
// re, hashlib, hmac, secrets and werkzeug.security.
#pragma once

#include "repl/lang/interpreter.h"

namespace ormsh::api {

// Registers every module of this folder with the interpreter (each is created on first import).
void register_stdlib_modules(lang::Interpreter& in);

namespace stdlib {
void register_random_module(lang::Interpreter& in);
void register_json_module(lang::Interpreter& in);
void register_csv_module(lang::Interpreter& in);
void register_collections_module(lang::Interpreter& in);
void register_enum_module(lang::Interpreter& in);
void register_string_module(lang::Interpreter& in);
void register_uuid_module(lang::Interpreter& in);
void register_itertools_module(lang::Interpreter& in);
void register_bisect_and_heapq_modules(lang::Interpreter& in);
void register_operator_module(lang::Interpreter& in);
void register_copy_module(lang::Interpreter& in);
void register_base64_module(lang::Interpreter& in);
void register_io_module(lang::Interpreter& in);
void register_pprint_module(lang::Interpreter& in);
void register_re_module(lang::Interpreter& in);
void register_hashlib_module(lang::Interpreter& in);
void register_werkzeug_security_module(lang::Interpreter& in);
void register_secrets_and_hmac_modules(lang::Interpreter& in);
} // namespace stdlib

} // namespace ormsh::api
