// libpq, loaded on first use. A script on SQLite never maps libpq nor the Kerberos, LDAP and
// TLS libraries it depends on, which were most of the dynamic loader's work at every start.
// The dialect calls libpq through pq().PQxxx(...), with libpq's own names and types.
#pragma once

#include <libpq-fe.h>

namespace ormsh::dialects {

// Every libpq function the dialect uses (X-macro: one line per function).
#define ORMSH_LIBPQ_FUNCTIONS(X)                                                                   \
    X(PQcancel)                                                                                    \
    X(PQclear)                                                                                     \
    X(PQcmdTuples)                                                                                 \
    X(PQconnectdbParams)                                                                           \
    X(PQenterPipelineMode)                                                                         \
    X(PQerrorMessage)                                                                              \
    X(PQexec)                                                                                      \
    X(PQexecParams)                                                                                \
    X(PQexecPrepared)                                                                              \
    X(PQexitPipelineMode)                                                                          \
    X(PQfinish)                                                                                    \
    X(PQfname)                                                                                     \
    X(PQfreeCancel)                                                                                \
    X(PQftype)                                                                                     \
    X(PQgetCancel)                                                                                 \
    X(PQgetisnull)                                                                                 \
    X(PQgetlength)                                                                                 \
    X(PQgetResult)                                                                                 \
    X(PQgetvalue)                                                                                  \
    X(PQnfields)                                                                                   \
    X(PQntuples)                                                                                   \
    X(PQpipelineSync)                                                                              \
    X(PQprepare)                                                                                   \
    X(PQputCopyData)                                                                               \
    X(PQputCopyEnd)                                                                                \
    X(PQresultErrorField)                                                                          \
    X(PQresultErrorMessage)                                                                        \
    X(PQresultStatus)                                                                              \
    X(PQsendQueryPrepared)                                                                         \
    X(PQsetNoticeProcessor)                                                                        \
    X(PQstatus)

struct LibPq {
#define ORMSH_LIBPQ_MEMBER(name) decltype(&::name) name = nullptr;
    ORMSH_LIBPQ_FUNCTIONS(ORMSH_LIBPQ_MEMBER)
#undef ORMSH_LIBPQ_MEMBER
};

// The loaded library; the first call loads it (thread-safe). Throws engine::DBAPIError
// (OperationalError) naming the library when it cannot be loaded.
const LibPq& pq();

} // namespace ormsh::dialects
