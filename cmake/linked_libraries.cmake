# The C and C++ libraries ormsh links, as interface targets every folder uses:
# ormsh::sqlite3, ormsh::readline, ormsh::pcre2 and ormsh::fmt.
#
# Startup is a workload (a script that declares a model and runs one query should cost little
# more than the sqlite3 shell): each shared library costs the dynamic loader symbol lookups and
# relocations on every run, and libfmt.so drags libstdc++.so in with it. With ORMSH_STATIC_DEPS
# the libraries Debian ships as archives are linked in, fmt is compiled from its headers, and
# the executable carries its own libstdc++ (ormsh_link_cxx_runtime_statically below), which cut
# the loader's work for `print(1)` from 4.3M instructions to 0.4M. Sanitizer and fuzz builds
# keep shared libraries: the sanitizers' runtimes expect them.
option(ORMSH_STATIC_DEPS "Link SQLite, readline, PCRE2, fmt and libstdc++ statically into ormsh" ON)
if(ORMSH_SANITIZE OR ORMSH_FUZZ)
    set(ORMSH_STATIC_DEPS OFF)
endif()

find_package(fmt REQUIRED)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
find_library(READLINE_LIBRARY readline REQUIRED)

add_library(ormsh_sqlite3 INTERFACE)
add_library(ormsh_readline INTERFACE)
add_library(ormsh_pcre2 INTERFACE)
add_library(ormsh_fmt INTERFACE)
add_library(ormsh::sqlite3 ALIAS ormsh_sqlite3)
add_library(ormsh::readline ALIAS ormsh_readline)
add_library(ormsh::pcre2 ALIAS ormsh_pcre2)
add_library(ormsh::fmt ALIAS ormsh_fmt)

# The archive of `name` beside its shared library, or the shared one when there is none.
function(ormsh_prefer_archive out name)
    find_library(${out} NAMES lib${name}.a ${name})
endfunction()

if(ORMSH_STATIC_DEPS)
    ormsh_prefer_archive(ORMSH_SQLITE3_LIBRARY sqlite3)
    ormsh_prefer_archive(ORMSH_READLINE_LIBRARY readline)
    ormsh_prefer_archive(ORMSH_TINFO_LIBRARY tinfo)
    ormsh_prefer_archive(ORMSH_PCRE2_LIBRARY pcre2-8)
    target_link_libraries(ormsh_sqlite3 INTERFACE ${ORMSH_SQLITE3_LIBRARY} m ${CMAKE_DL_LIBS}
                                                  Threads::Threads)
    target_include_directories(ormsh_sqlite3 INTERFACE ${SQLITE3_INCLUDE_DIRS})
    target_link_libraries(ormsh_readline INTERFACE ${ORMSH_READLINE_LIBRARY} ${ORMSH_TINFO_LIBRARY})
    target_link_libraries(ormsh_pcre2 INTERFACE ${ORMSH_PCRE2_LIBRARY})
    target_include_directories(ormsh_pcre2 INTERFACE ${PCRE2_INCLUDE_DIRS})
    target_link_libraries(ormsh_fmt INTERFACE fmt::fmt-header-only)
else()
    target_link_libraries(ormsh_sqlite3 INTERFACE PkgConfig::SQLITE3)
    target_link_libraries(ormsh_readline INTERFACE ${READLINE_LIBRARY})
    target_link_libraries(ormsh_pcre2 INTERFACE PkgConfig::PCRE2)
    target_link_libraries(ormsh_fmt INTERFACE fmt::fmt)
endif()

# For executables that link no C++ shared library of their own (ormsh itself; not the tests,
# which load libgtest.so and so must share its libstdc++.so).
function(ormsh_link_cxx_runtime_statically target)
    if(ORMSH_STATIC_DEPS)
        target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
    endif()
endfunction()
