// How core errors become Python exceptions: the sqlalchemy.exc module's classes (created at
// start-up with the right hierarchy, SQLAlchemyError under Exception) and the translation of
// a C++ engine::SQLAlchemyError / orm error into the matching Python exception. Every native
// function that calls into core/ runs its body through guard().
#pragma once

#include <exception>
#include <string>
#include <utility>

#include "repl/lang/interpreter.h"

namespace ormsh::api {

// The sqlalchemy.exc class named `name` ("IntegrityError", "NoResultFound" ...), creating the
// hierarchy on first use.
lang::Type* exc_type(lang::Interpreter& in, const std::string& name);

// Raises the Python exception matching a C++ exception thrown by core/ (DBAPIError subclasses
// keep the SQLAlchemy rendering as their message and get .orig / .statement / .params;
// StatementInterrupted becomes KeyboardInterrupt; std::bad_alloc MemoryError; other
// std::exception RuntimeError). PyException passes through unchanged.
[[noreturn]] void rethrow_as_python(lang::Interpreter& in, std::exception_ptr error);

// Runs `body`, translating core errors into Python exceptions.
template <class F>
auto guard(lang::Interpreter& in, F&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const lang::PyException&) {
        throw;
    } catch (...) {
        rethrow_as_python(in, std::current_exception());
    }
}

// Registers the module sqlalchemy.exc (and sqlalchemy.orm.exc).
void register_exc_module(lang::Interpreter& in);

} // namespace ormsh::api
