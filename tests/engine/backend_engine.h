// The engine a backend-parameterised engine test runs against: PostgreSQL from
// ORMSH_TEST_PG_URL, or a fresh SQLite file in a folder of the test's own.
#pragma once

#include "core/engine/engine.h"
#include "dialects/registry.h"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <unistd.h>

namespace ormsh::engine {

enum class Backend { SQLite, PostgreSQL };

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
    return info.param == Backend::SQLite ? "SQLite" : "PostgreSQL";
}

// Null on PostgreSQL when ORMSH_TEST_PG_URL is unset: the caller skips. For SQLite, `dir` is
// set to the folder made for the file (named after `prefix`, the process and the test), which
// the caller removes when the test ends.
inline std::shared_ptr<Engine> open_backend_engine(Backend backend, const std::string& prefix,
                                                   std::filesystem::path& dir) {
    dialects::register_builtin_dialects();
    if (backend == Backend::PostgreSQL) {
        const char* url = std::getenv("ORMSH_TEST_PG_URL");
        if (!url || !*url) return nullptr;
        return Engine::create(url);
    }
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir = std::filesystem::temp_directory_path() /
          fmt::format("{}_{}_{}", prefix, ::getpid(), info->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return Engine::create("sqlite:///" + (dir / "test.db").string());
}

} // namespace ormsh::engine
