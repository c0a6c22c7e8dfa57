// Private name mangling over the AST (see mangler.h). One recursive walk carrying the name of
// the innermost enclosing class; only a class body changes it, so methods, lambdas and
// comprehensions inside a class mangle with that class's name.
#include "repl/lang/mangler.h"

namespace ormsh::lang {

namespace {

// The class name with its leading underscores stripped: what the prefix is built from. Empty
// outside classes and for classes named only with underscores (which mangle nothing).
std::string mangling_prefix(const std::string& class_name) {
    size_t first = class_name.find_first_not_of('_');
    return first == std::string::npos ? std::string() : class_name.substr(first);
}

bool is_private(const std::string& s) {
    if (s.size() < 3 || s[0] != '_' || s[1] != '_') return false;
    if (s.size() >= 4 && s[s.size() - 1] == '_' && s[s.size() - 2] == '_') return false;
    return s.find('.') == std::string::npos;
}

class Mangler {
public:
    void walk_all(const std::vector<Node*>& nodes, const std::string& prefix) {
        for (Node* n : nodes)
            walk(n, prefix);
    }

    void walk(Node* n, const std::string& prefix) {
        if (!n) return;
        switch (n->kind) {
        case NodeKind::Name:
        case NodeKind::Attribute:
        case NodeKind::ExceptHandler:
            n->name = rename(n->name, prefix);
            break;
        case NodeKind::FunctionDef:
        case NodeKind::Lambda:
        case NodeKind::GenExp:
            if (n->name) n->name = rename(n->name, prefix);
            code(*n->code, prefix, prefix);
            break;
        case NodeKind::ClassDef:
            n->name = rename(n->name, prefix);
            code(*n->code, prefix, mangling_prefix(n->code->name));
            break;
        default: // Keyword (argument names) and Alias (module paths) keep their names
            break;
        }
        walk(n->a, prefix);
        walk(n->b, prefix);
        walk(n->c, prefix);
        walk_all(n->list, prefix);
        walk_all(n->list2, prefix);
        walk_all(n->list3, prefix);
        walk_all(n->list4, prefix);
    }

private:
    static Str* rename(Str* name, const std::string& prefix) {
        if (!name || prefix.empty() || !is_private(name->s)) return name;
        return intern("_" + prefix + name->s);
    }

    // Defaults and annotations are evaluated where the definition stands (`outer`); parameters
    // and the body belong to the definition's own scope (`inner`, which differs for classes).
    void code(CodeInfo& c, const std::string& outer, const std::string& inner) {
        walk_all(c.defaults, outer);
        walk_all(c.kw_defaults, outer);
        walk_all(c.annotations, outer);
        for (Str*& p : c.params)
            p = rename(p, inner);
        for (Str*& a : c.annotation_names)
            a = rename(a, inner);
        walk_all(c.body, inner);
    }
};

} // namespace

void mangle_private_names(Program& prog) {
    Mangler m;
    m.walk_all(prog.code->body, std::string());
}

} // namespace ormsh::lang
