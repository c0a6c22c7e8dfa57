// The errors the ORM raises beyond core/engine's, named after sqlalchemy.exc and
// sqlalchemy.orm.exc so the language layer maps each to the class a user catches.
#pragma once

#include "core/engine/errors.h"

namespace ormsh::orm {

using engine::ArgumentError;
using engine::InvalidRequestError;
using engine::SQLAlchemyError;

#define ORMSH_ORM_ERROR(Name, Base)                                                            \
    class Name : public Base {                                                                 \
    public:                                                                                    \
        using Base::Base;                                                                      \
        const char* class_name() const override { return #Name; }                              \
    };
ORMSH_ORM_ERROR(PendingRollbackError, InvalidRequestError)
ORMSH_ORM_ERROR(DetachedInstanceError, InvalidRequestError)
ORMSH_ORM_ERROR(ObjectDeletedError, InvalidRequestError)
ORMSH_ORM_ERROR(StaleDataError, SQLAlchemyError)
ORMSH_ORM_ERROR(FlushError, InvalidRequestError)
ORMSH_ORM_ERROR(NoResultFound, InvalidRequestError)
ORMSH_ORM_ERROR(MultipleResultsFound, InvalidRequestError)
ORMSH_ORM_ERROR(UnmappedInstanceError, InvalidRequestError)
// A relationship whose join cannot be worked out from the foreign keys.
ORMSH_ORM_ERROR(NoForeignKeysError, ArgumentError)
ORMSH_ORM_ERROR(AmbiguousForeignKeysError, ArgumentError)
#undef ORMSH_ORM_ERROR
} // namespace ormsh::orm
