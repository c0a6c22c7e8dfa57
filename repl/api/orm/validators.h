// @validates (sqlalchemy.orm.validates): methods of a mapped class (or its mixins) that check or
// convert values assigned to named attributes. The decorator only marks the method; the
// validators of a class are collected when its mapper is configured and run as attribute
// listeners (events.h), before the value is stored.
#pragma once

#include "repl/lang/interpreter.h"

#include <string>
#include <vector>

namespace ormsh::api {

struct ValidatorSpec {
    std::string key; // the attribute validated
    lang::Value fn;  // fn(self, key, value[, is_remove]) -> value to store
    bool include_removes = false;
    bool include_backrefs = true;
};

// sqlalchemy.orm.validates(*names, include_removes=False, include_backrefs=True).
lang::Value validates_function(lang::Interpreter& in, const lang::Value& self, lang::Args& args);

// The validators declared on `cls` and the classes it inherits from (a subclass's method of the
// same name hides its base's). Two validators for one attribute raise InvalidRequestError, as
// SQLAlchemy does; `mapper_name` is how the message names the mapper.
std::vector<ValidatorSpec> collect_validators(lang::Interpreter& in, lang::Type& cls,
                                              const std::string& mapper_name);

} // namespace ormsh::api
