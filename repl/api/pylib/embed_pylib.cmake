# Writes OUT: the table of embedded library modules (see CMakeLists.txt), one entry per file
# in FILES (paths relative to SRC_DIR), each source kept verbatim in a raw string literal.
set(content "// Generated from repl/api/pylib/**.py by embed_pylib.cmake; do not edit.\n")
string(APPEND content "#include \"pylib_sources.h\"\n\nnamespace ormsh::api::pylib {\n\n")
string(APPEND content "const std::vector<Source>& sources() {\n    static const auto* table = new std::vector<Source>{\n")
foreach(file ${FILES})
    file(READ ${SRC_DIR}/${file} text)
    string(REGEX REPLACE "\\.py$" "" module ${file})
    string(REGEX REPLACE "/__init__$" "" module ${module})
    string(REPLACE "/" "." module ${module})
    string(APPEND content "        {\"${module}\", \"${file}\", R\"ormsh_py(${text})ormsh_py\"},\n")
endforeach()
string(APPEND content "    };\n    return *table;\n}\n\n} // namespace ormsh::api::pylib\n")
file(WRITE ${OUT} "${content}")
