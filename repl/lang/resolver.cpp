// Resolver implementation: pass 1 collects bindings and references per scope, pass 2 finds the
// scope that provides each free name (turning it into a cell there), pass 3 assigns slots.
#include "repl/lang/resolver.h"

#include "repl/lang/mangler.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace ormsh::lang {

namespace {

// An ordered set of interned names. Most scopes name a handful, found by a linear search; a
// module may bind hundreds, which get a hash index once there are more than a few.
class NameSet {
public:
    // The name's position in insertion order, or -1.
    int find(Str* n) const {
        if (index_) {
            auto it = index_->find(n);
            return it == index_->end() ? -1 : it->second;
        }
        for (size_t i = 0; i < items_.size(); ++i)
            if (items_[i] == n) return static_cast<int>(i);
        return -1;
    }
    bool count(Str* n) const { return find(n) >= 0; }
    // Adds `n` unless present; says whether it was added.
    bool insert(Str* n) {
        if (count(n)) return false;
        int position = static_cast<int>(items_.size());
        items_.push_back(n);
        if (index_) {
            index_->emplace(n, position);
        } else if (items_.size() > kLinearLimit) {
            index_ = std::make_unique<std::unordered_map<Str*, int>>();
            for (size_t i = 0; i < items_.size(); ++i)
                index_->emplace(items_[i], static_cast<int>(i));
        }
        return true;
    }
    std::vector<Str*>::const_iterator begin() const { return items_.begin(); }
    std::vector<Str*>::const_iterator end() const { return items_.end(); }

private:
    static constexpr size_t kLinearLimit = 16;
    std::vector<Str*> items_;
    std::unique_ptr<std::unordered_map<Str*, int>> index_;
};

struct ScopeInfo {
    CodeInfo* code = nullptr;
    ScopeInfo* parent = nullptr;
    bool is_function = false;
    bool is_class = false;
    // Names bound here live in a namespace dict: a class body's, or exec()'s separate locals.
    bool binds_in_namespace = false;
    NameSet bound; // in binding order
    NameSet globals;
    NameSet nonlocals;
    NameSet cells;           // bound here and captured by an inner scope
    NameSet frees;           // free names passed through this scope, in order
    std::vector<Node*> refs; // Name nodes belonging to this scope
    std::vector<std::unique_ptr<ScopeInfo>> children;
    std::vector<Node*> child_nodes; // defining node per child
    NameSet slotted;                // names with a slot; a name's position is its slot
};

bool is_hidden(Str* s) {
    return !s->s.empty() && s->s[0] == '.';
}

class Resolver {
public:
    explicit Resolver(Program& p) : prog_(p) {}

    void run(TopLevelNames top_level) {
        root_.code = prog_.code.get();
        root_.is_function = false;
        root_.binds_in_namespace = top_level == TopLevelNames::Namespace;
        for (Node* s : prog_.code->body)
            stmt(root_, s);
        classify(root_);
        assign(root_);
    }

private:
    Node* make_name(Str* n, int line, int col) {
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::Name;
        node->name = n;
        node->line = line;
        node->col = col;
        Node* p = node.get();
        prog_.arena->push_back(std::move(node));
        return p;
    }

    void bind(ScopeInfo& sc, Str* n) { sc.bound.insert(n); }

    Str* rename(Str* n) {
        for (auto it = comp_names_.rbegin(); it != comp_names_.rend(); ++it) {
            auto f = it->find(n);
            if (f != it->end()) return f->second;
        }
        return n;
    }

    void target(ScopeInfo& sc, Node* t) {
        if (!t) return;
        switch (t->kind) {
        case NodeKind::Name:
            t->name = rename(t->name);
            bind(sc, t->name);
            sc.refs.push_back(t);
            break;
        case NodeKind::TupleLit:
        case NodeKind::ListLit:
            for (Node* e : t->list)
                target(sc, e);
            break;
        case NodeKind::Starred:
            target(sc, t->a);
            break;
        case NodeKind::Attribute:
            expr(sc, t->a);
            break;
        case NodeKind::Subscript:
            expr(sc, t->a);
            expr(sc, t->b);
            break;
        default:
            expr(sc, t);
            break;
        }
    }

    void body(ScopeInfo& sc, const std::vector<Node*>& b) {
        for (Node* s : b)
            stmt(sc, s);
    }

    void new_scope(ScopeInfo& sc, Node* def, CodeInfo* code) {
        auto child = std::make_unique<ScopeInfo>();
        child->code = code;
        child->parent = &sc;
        child->is_function = !code->is_class;
        child->is_class = code->is_class;
        child->binds_in_namespace = code->is_class;
        ScopeInfo& c = *child;
        sc.children.push_back(std::move(child));
        sc.child_nodes.push_back(def);
        auto saved = std::move(comp_names_);
        comp_names_.clear();
        if (!code->is_class) {
            for (Str* p : code->params)
                bind(c, p);
        }
        body(c, code->body);
        comp_names_ = std::move(saved);
    }

    // A generator expression's hidden function (see Parser::generator_function). Like a lambda
    // it sees the comprehension variables of the expression it stands in.
    void generator_scope(ScopeInfo& sc, Node* e) {
        auto child = std::make_unique<ScopeInfo>();
        child->code = e->code.get();
        child->parent = &sc;
        child->is_function = true;
        ScopeInfo& c = *child;
        sc.children.push_back(std::move(child));
        sc.child_nodes.push_back(e);
        for (Str* p : e->code->params)
            bind(c, p);
        body(c, e->code->body);
    }

    void stmt(ScopeInfo& sc, Node* s) {
        switch (s->kind) {
        case NodeKind::ExprStmt:
            expr(sc, s->a);
            break;
        case NodeKind::Assign:
            expr(sc, s->a);
            for (Node* t : s->list)
                target(sc, t);
            break;
        case NodeKind::AugAssign:
            expr(sc, s->b);
            target(sc, s->a);
            break;
        case NodeKind::AnnAssign:
            if (s->c) expr(sc, s->c);
            if (!sc.is_function) expr(sc, s->b); // annotations of locals are not evaluated
            if (s->c || s->a->kind == NodeKind::Name) target(sc, s->a);
            break;
        case NodeKind::If:
        case NodeKind::While:
            expr(sc, s->a);
            body(sc, s->list);
            body(sc, s->list3);
            break;
        case NodeKind::For:
            expr(sc, s->b);
            target(sc, s->a);
            body(sc, s->list);
            body(sc, s->list3);
            break;
        case NodeKind::FunctionDef: {
            for (Node* d : s->list2)
                expr(sc, d);
            for (Node* d : s->code->defaults)
                expr(sc, d);
            for (Node* d : s->code->kw_defaults)
                if (d) expr(sc, d);
            for (Node* d : s->code->annotations)
                expr(sc, d);
            s->a = make_name(s->name, s->line, s->col);
            target(sc, s->a);
            new_scope(sc, s, s->code.get());
            break;
        }
        case NodeKind::ClassDef: {
            for (Node* d : s->list2)
                expr(sc, d);
            for (Node* b : s->list)
                expr(sc, b->kind == NodeKind::Keyword ? b->a : b);
            s->a = make_name(s->name, s->line, s->col);
            target(sc, s->a);
            new_scope(sc, s, s->code.get());
            break;
        }
        case NodeKind::Return:
            if (s->a) expr(sc, s->a);
            break;
        case NodeKind::Global:
            for (Node* n : s->list)
                sc.globals.insert(n->name);
            break;
        case NodeKind::Nonlocal:
            for (Node* n : s->list)
                sc.nonlocals.insert(n->name);
            break;
        case NodeKind::Try:
            body(sc, s->list);
            for (Node* h : s->list2) {
                if (h->a) expr(sc, h->a);
                if (h->name) {
                    h->b = make_name(h->name, h->line, h->col);
                    target(sc, h->b);
                }
                body(sc, h->list);
            }
            body(sc, s->list3);
            body(sc, s->list4);
            break;
        case NodeKind::Raise:
            if (s->a) expr(sc, s->a);
            if (s->b) expr(sc, s->b);
            break;
        case NodeKind::With:
            for (Node* it : s->list2) {
                expr(sc, it->a);
                if (it->b) target(sc, it->b);
            }
            body(sc, s->list);
            break;
        case NodeKind::Import:
            for (Node* a : s->list) {
                Str* bound = a->name2;
                if (!bound) {
                    std::string full = a->name->s;
                    bound = intern(full.substr(0, full.find('.')));
                }
                a->a = make_name(bound, a->line, a->col);
                target(sc, a->a);
            }
            break;
        case NodeKind::ImportFrom:
            for (Node* a : s->list) {
                if (a->name->s == "*") continue;
                a->a = make_name(a->name2 ? a->name2 : a->name, a->line, a->col);
                target(sc, a->a);
            }
            break;
        case NodeKind::Delete:
            for (Node* t : s->list)
                target(sc, t);
            break;
        case NodeKind::Assert:
            expr(sc, s->a);
            if (s->b) expr(sc, s->b);
            break;
        default:
            break;
        }
    }

    void comprehension(ScopeInfo& sc, Node* n, const std::vector<Node*>& elts) {
        // The first iterable is evaluated in the enclosing scope, everything else sees the
        // comprehension's own (renamed) variables.
        comp_names_.emplace_back();
        bool first = true;
        for (Node* f : n->list) {
            if (first) {
                comp_names_.pop_back();
                expr(sc, f->b);
                comp_names_.emplace_back();
                first = false;
            } else {
                expr(sc, f->b);
            }
            declare_comp_targets(f->a);
            target(sc, f->a);
            for (Node* c : f->list)
                expr(sc, c);
        }
        for (Node* e : elts)
            if (e) expr(sc, e);
        comp_names_.pop_back();
    }

    void declare_comp_targets(Node* t) {
        if (t->kind == NodeKind::Name) {
            auto& m = comp_names_.back();
            if (!m.count(t->name))
                m[t->name] = intern("." + t->name->s + std::to_string(++counter_));
        } else if (t->kind == NodeKind::TupleLit || t->kind == NodeKind::ListLit) {
            for (Node* e : t->list)
                declare_comp_targets(e);
        } else if (t->kind == NodeKind::Starred) {
            declare_comp_targets(t->a);
        }
    }

    void expr(ScopeInfo& sc, Node* e) {
        if (!e) return;
        switch (e->kind) {
        case NodeKind::Name:
            e->name = rename(e->name);
            sc.refs.push_back(e);
            break;
        case NodeKind::Const:
            break;
        case NodeKind::Lambda:
            for (Node* d : e->code->defaults)
                expr(sc, d);
            for (Node* d : e->code->kw_defaults)
                if (d) expr(sc, d);
            {
                // Lambda bodies see comprehension variables of the enclosing expression.
                auto child = std::make_unique<ScopeInfo>();
                child->code = e->code.get();
                child->parent = &sc;
                child->is_function = true;
                ScopeInfo& c = *child;
                sc.children.push_back(std::move(child));
                sc.child_nodes.push_back(e);
                for (Str* p : e->code->params)
                    bind(c, p);
                // Parameters shadow comprehension names.
                comp_names_.emplace_back();
                for (Str* p : e->code->params)
                    comp_names_.back()[p] = p;
                body(c, e->code->body);
                comp_names_.pop_back();
            }
            break;
        case NodeKind::ListComp:
        case NodeKind::SetComp:
            comprehension(sc, e, {e->a});
            break;
        case NodeKind::GenExp:
            expr(sc, e->b);
            generator_scope(sc, e);
            break;
        case NodeKind::DictComp:
            comprehension(sc, e, {e->a, e->b});
            break;
        case NodeKind::NamedExpr:
            expr(sc, e->b);
            target(sc, e->a);
            break;
        case NodeKind::DictLit:
            for (Node* k : e->list)
                if (k) expr(sc, k);
            for (Node* v : e->list2)
                expr(sc, v);
            break;
        default:
            if (e->a) expr(sc, e->a);
            if (e->b) expr(sc, e->b);
            if (e->c) expr(sc, e->c);
            for (Node* x : e->list)
                expr(sc, x);
            for (Node* x : e->list2)
                expr(sc, x);
            break;
        }
    }

    // Does `sc` provide a binding for `n` that inner functions can close over?
    static bool provides(ScopeInfo& sc, Str* n) {
        if (sc.globals.count(n)) return false;
        if (sc.is_function) return (sc.bound.count(n) && !sc.nonlocals.count(n)) || false;
        return is_hidden(n) && sc.bound.count(n);
    }

    // Marks `n` free in `sc` and every scope up to its provider; returns false if none.
    bool make_free(ScopeInfo& sc, Str* n) {
        ScopeInfo* p = sc.parent;
        std::vector<ScopeInfo*> path{&sc};
        while (p) {
            if (provides(*p, n)) {
                p->cells.insert(n);
                for (ScopeInfo* s : path)
                    s->frees.insert(n);
                return true;
            }
            if (p->globals.count(n)) return false;
            if (!p->is_function && !p->is_class) return false; // module
            if (p->is_function && p->bound.count(n) && !p->nonlocals.count(n)) return false;
            path.push_back(p);
            p = p->parent;
        }
        return false;
    }

    void classify(ScopeInfo& sc) {
        for (Str* n : sc.nonlocals) {
            if (!make_free(sc, n)) {
                // CPython: "no binding for nonlocal 'x' found"
                SyntaxErrorInfo info;
                info.msg = "no binding for nonlocal '" + n->s + "' found";
                info.file = sc.code->file;
                info.line = sc.code->line;
                throw SyntaxErrorEx(info);
            }
        }
        for (Node* r : sc.refs) {
            Str* n = r->name;
            if (sc.globals.count(n) || sc.nonlocals.count(n)) continue;
            if (sc.is_function && sc.bound.count(n)) continue;
            if (!sc.is_function && sc.bound.count(n)) continue;
            if (!sc.is_function && !sc.is_class && !is_hidden(n)) continue;
            make_free(sc, n);
        }
        for (auto& c : sc.children)
            classify(*c);
    }

    void assign(ScopeInfo& sc) {
        CodeInfo& code = *sc.code;
        int next = 0;
        auto add_slot = [&](Str* n) {
            if (!sc.slotted.insert(n)) return;
            ++next;
            code.slot_names.push_back(n);
        };
        if (sc.is_function) {
            for (Str* p : code.params)
                add_slot(p);
            for (Str* n : sc.bound)
                if (!sc.globals.count(n) && !sc.nonlocals.count(n)) add_slot(n);
        } else {
            for (Str* n : sc.bound)
                if (is_hidden(n)) add_slot(n);
        }
        for (Str* n : sc.frees)
            add_slot(n);
        for (Str* n : sc.cells)
            if (sc.slotted.count(n) && !sc.frees.count(n))
                code.cell_slots.push_back(sc.slotted.find(n));
        std::sort(code.cell_slots.begin(), code.cell_slots.end());
        for (Str* n : sc.frees)
            code.free_slots.push_back(sc.slotted.find(n));
        code.n_slots = next;

        for (Node* r : sc.refs) {
            Str* n = r->name;
            if (sc.globals.count(n)) {
                r->scope = Scope::Global;
                continue;
            }
            int slot = sc.slotted.find(n);
            bool is_cell = sc.cells.count(n) || sc.frees.count(n);
            if (slot >= 0 && (sc.is_function || is_hidden(n) ||
                              (sc.is_class && sc.frees.count(n) && !sc.bound.count(n)))) {
                r->scope = is_cell ? Scope::Cell : Scope::Local;
                r->slot = slot;
                continue;
            }
            r->scope = sc.binds_in_namespace ? Scope::ClassBody : Scope::Global;
        }
        for (size_t i = 0; i < sc.children.size(); ++i) {
            ScopeInfo& c = *sc.children[i];
            for (Str* n : c.frees) {
                int slot = sc.slotted.find(n);
                if (slot < 0) throw std::out_of_range("resolver: free name without a slot");
                c.code->free_src_slots.push_back(slot);
            }
            assign(c);
        }
    }

    Program& prog_;
    ScopeInfo root_;
    std::vector<std::unordered_map<Str*, Str*>> comp_names_;
    int counter_ = 0;
};

} // namespace

void resolve_program(Program& prog, TopLevelNames top_level) {
    if (prog.may_have_private_names) mangle_private_names(prog);
    Resolver r(prog);
    r.run(top_level);
}

} // namespace ormsh::lang
