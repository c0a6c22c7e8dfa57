// The table of dialects by URL backend name. Filled once at start-up by
// dialects/registry.cpp; core/ itself never names a concrete dialect.
#include "core/engine/dialect.h"
#include "core/engine/errors.h"

#include <map>
#include <mutex>

namespace ormsh::engine {

namespace {

struct Registry {
    std::mutex mutex;
    std::map<std::string, std::unique_ptr<Dialect>, std::less<>> dialects;
    std::map<std::string, std::string, std::less<>> aliases;
};

Registry& registry() {
    static Registry r;
    return r;
}

} // namespace

void register_dialect(std::string backend, std::unique_ptr<Dialect> dialect) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    r.dialects[std::move(backend)] = std::move(dialect);
}

void register_dialect_alias(std::string alias, std::string backend) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    r.aliases[std::move(alias)] = std::move(backend);
}

std::string resolve_backend_alias(const std::string& scheme) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    auto it = r.aliases.find(scheme);
    return it == r.aliases.end() ? scheme : it->second;
}

const Dialect& dialect_for(const Url& url) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    std::string backend = url.backend;
    if (auto alias = r.aliases.find(backend); alias != r.aliases.end()) backend = alias->second;
    auto it = r.dialects.find(backend);
    if (it == r.dialects.end()) {
        std::string name = url.drivername;
        for (char& c : name)
            if (c == '+') c = '.';
        throw NoSuchModuleError("Can't load plugin: sqlalchemy.dialects:" + name);
    }
    return *it->second;
}

} // namespace ormsh::engine
