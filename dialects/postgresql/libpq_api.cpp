// Loading libpq with dlopen() the first time a PostgreSQL connection is made.
#include "dialects/postgresql/libpq_api.h"

#include "core/engine/errors.h"

#include <dlfcn.h>
#include <string>

namespace ormsh::dialects {
namespace {

// The soname of libpq 10 and later.
constexpr const char* kLibPqName = "libpq.so.5";

[[noreturn]] void fail(const std::string& what) {
    throw engine::DBAPIError(engine::DBErrorKind::Operational, "psycopg2",
                             "could not load the PostgreSQL client library: " + what);
}

LibPq load() {
    void* handle = dlopen(kLibPqName, RTLD_NOW | RTLD_LOCAL);
    if (!handle) fail(dlerror());
    LibPq api;
#define ORMSH_LIBPQ_RESOLVE(name)                                                                  \
    api.name = reinterpret_cast<decltype(api.name)>(dlsym(handle, #name));                         \
    if (!api.name) fail(std::string(kLibPqName) + " has no " #name);
    ORMSH_LIBPQ_FUNCTIONS(ORMSH_LIBPQ_RESOLVE)
#undef ORMSH_LIBPQ_RESOLVE
    // The handle stays open for the life of the process.
    return api;
}

} // namespace

const LibPq& pq() {
    static const LibPq api = load();
    return api;
}

} // namespace ormsh::dialects
