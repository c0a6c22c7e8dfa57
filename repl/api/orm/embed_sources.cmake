# Writes OUT: one C++ string_view per Python module in SRC_DIR/NAME.py, in namespace
# ormsh::api::embedded, so the modules written in the language ship inside the binary.
set(content "// Generated from repl/api/py/*.py by embed_sources.cmake; do not edit.\n")
string(APPEND content "#include \"repl/api/orm/embedded_sources.h\"\n\nnamespace ormsh::api::embedded {\n")
foreach(name ${NAMES})
    file(READ ${SRC_DIR}/${name}.py text)
    string(APPEND content "const std::string_view ${name}_py = R\"ormsh_py(${text})ormsh_py\";\n")
endforeach()
string(APPEND content "} // namespace ormsh::api::embedded\n")
file(WRITE ${OUT} "${content}")
