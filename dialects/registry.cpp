// Registers every dialect ormsh ships under its URL scheme. Adding a dialect is one line here.
#include "dialects/registry.h"

namespace ormsh::dialects {

void register_builtin_dialects() {
}

} // namespace ormsh::dialects
