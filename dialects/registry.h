// The dialects ormsh ships with; call once at start-up before parsing any URL.
#pragma once

namespace ormsh::dialects {

void register_builtin_dialects();

} // namespace ormsh::dialects
