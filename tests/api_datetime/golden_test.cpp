// Runs every golden program in golden/ through a fresh interpreter with the datetime and
// decimal modules registered, and compares stdout with the .out file CPython 3.11 printed
// (regenerate with: for f in golden/*.py; do python3 $f > ${f%.py}.out; done).
#include "repl/api/datetime_objects.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::vector<std::string> golden_programs() {
    std::vector<std::string> names;
    for (auto& e : fs::directory_iterator(ORMSH_DATETIME_GOLDEN_DIR))
        if (e.path().extension() == ".py") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesCPython) {
    fs::path dir(ORMSH_DATETIME_GOLDEN_DIR);
    fs::path py = dir / (GetParam() + ".py");
    // NAME.skip documents a dependency on a language feature that is not there yet.
    if (fs::exists(dir / (GetParam() + ".skip")))
        GTEST_SKIP() << read_file(dir / (GetParam() + ".skip"));
    std::string expected = read_file(dir / (GetParam() + ".out"));
    ormsh::lang::Interpreter in;
    ormsh::lang::StringSink sink;
    in.set_output(&sink);
    ormsh::api::register_datetime_module(in);
    ormsh::api::register_decimal_module(in);
    in.script_dir = dir.string();
    auto r = in.run_main(read_file(py), py.string(), {py.string()});
    EXPECT_EQ(r.exit_code, 0) << sink.err;
    EXPECT_EQ(sink.out, expected) << sink.err;
}

INSTANTIATE_TEST_SUITE_P(DateTime, Golden, ::testing::ValuesIn(golden_programs()),
                         [](const ::testing::TestParamInfo<std::string>& i) { return i.param; });

} // namespace
