// The interpreter: runs resolved ASTs, and is the C++ API for everything else — calling
// values, attribute access with the descriptor protocol, operators through type slots,
// raising Python exceptions, modules and output. The shell and the ORM bindings use this.
#pragma once

#include "repl/lang/ast.h"
#include "repl/lang/object.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ormsh::lang {

// Where program output goes (STYLE.md item 8): the shell writes to the terminal, tests capture.
class OutputSink {
public:
    virtual ~OutputSink() = default;
    virtual void write_out(std::string_view s) = 0;
    virtual void write_err(std::string_view s) = 0;
    virtual void flush() {}
    // Reads one line for input(); returns false at end of input.
    virtual bool read_line(std::string& line);
};

// An OutputSink collecting into strings (tests).
class StringSink : public OutputSink {
public:
    std::string out, err;
    void write_out(std::string_view s) override { out += s; }
    void write_err(std::string_view s) override { err += s; }
};

struct Frame {
    CodeInfo* code = nullptr;
    Value* slots = nullptr;
    Module* module = nullptr;
    Dict* ns = nullptr; // class body namespace
    Function* func = nullptr;
    Frame* back = nullptr;
    int line = 0;
    Value ret;
    struct Generator* gen = nullptr;
    List* collect = nullptr; // a generator expression run to completion: yields append here
};

enum class Flow : uint8_t { Normal, Break, Continue, Return };

using ModuleFactory = std::function<void(Interpreter&, Module&)>;

// Result of running a program as __main__.
struct RunResult {
    int exit_code = 0; // 0 ok, 1 uncaught exception (traceback written to stderr), n sys.exit(n)
};

class Interpreter {
public:
    Interpreter();
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    // The interpreter running on this thread (for helpers deep inside native code).
    static Interpreter& current();

    void set_output(OutputSink* sink) { sink_ = sink; }
    OutputSink& output() { return *sink_; }
    void write_out(std::string_view s) { sink_->write_out(s); }
    void write_err(std::string_view s) { sink_->write_err(s); }

    // ---- running code ----
    // Runs `source` as the __main__ module (sys.argv = argv); prints an uncaught exception's
    // traceback (or SyntaxError) to stderr. Runs on a thread with a large stack.
    RunResult run_main(const std::string& source, const std::string& filename,
                       const std::vector<std::string>& argv);
    // Runs one interactive input in "single" mode in __main__: expression statements echo
    // repr(result) and set builtins._ (None is not echoed). Errors are printed; returns false.
    bool run_single(const std::string& source, const std::string& filename = "<stdin>");
    // When set, run_single hands each value to echo here instead of writing its repr (the
    // shell's table / JSON / CSV modes). `_` is set before the hook runs.
    std::function<void(const Value&)> display_hook;
    // Executes code in a module's namespace; exceptions propagate as PyException.
    void exec_in_module(const std::string& source, const std::string& filename, Module& m);
    Value eval_string(const std::string& source, Module& m);
    // exec() (a program) and eval() (an expression, whose value is returned) of `source` with
    // the given globals and locals dicts, as Python runs them: names bind in `locals` (the same
    // dict as `globals` at module level), functions defined there see `globals` as theirs, and
    // `globals` gains __builtins__ when it lacks one.
    enum class SourceKind : uint8_t { Program, Expression };
    Value run_string(const std::string& source, SourceKind kind, Dict& globals, Dict& locals);
    Module& main_module();
    Dict& globals() { return *main_module().dict; }
    // Runs `fn` on a thread with a big stack (so deep recursion raises RecursionError).
    static void run_with_big_stack(const std::function<void()>& fn);

    // ---- errors ----
    [[noreturn]] void raise(Type* type, const std::string& msg);
    [[noreturn]] void raise(std::string_view type_name, const std::string& msg);
    [[noreturn]] void raise_value(Value exc);
    Value new_exception(Type* type, std::vector<Value> args);
    // Creates an exception class at run time (e.g. sqlalchemy.exc.IntegrityError).
    Type* new_exception_type(const std::string& name, Type* base,
                             const std::string& module = "builtins");
    bool exception_matches(const Value& exc, const Value& spec);
    // "Traceback (most recent call last): ..." text for an exception, as CPython prints it.
    std::string format_exception(const Value& exc);
    std::string format_syntax_error(const struct SyntaxErrorInfo& info);
    // Records `obj` and `name` on an AttributeError raised by `obj.name`, so the traceback
    // can suggest a close attribute name (CPython 3.11's AttributeError.name / .obj).
    void note_attribute_error(const Value& exc, const Value& obj, Str* name);
    // The close name a NameError / AttributeError traceback suggests, if any.
    std::optional<std::string> suggestion_for(const Value& exc);
    Value syntax_error_value(const struct SyntaxErrorInfo& info);

    // ---- the object protocol ----
    Value getattr(const Value& obj, Str* name);
    Value getattr(const Value& obj, std::string_view name) { return getattr(obj, intern(name)); }
    Value getattr_opt(const Value& obj, Str* name); // empty instead of AttributeError
    bool hasattr(const Value& obj, Str* name);
    void setattr(const Value& obj, Str* name, Value v);
    void delattr(const Value& obj, Str* name);
    // Generic (object.__getattribute__ / __setattr__) versions, bypassing user hooks.
    Value generic_getattr(const Value& obj, Str* name, bool raise_missing);
    void generic_setattr(const Value& obj, Str* name, Value v);

    Value call(const Value& f, Args& args);
    Value call(const Value& f, std::initializer_list<Value> pos);
    Value call(const Value& f, std::vector<Value> pos, std::vector<KwArg> kw);
    Value call_method(const Value& obj, std::string_view name, std::initializer_list<Value> pos);
    Value call_function(Function* f, const Value* self, Args& args);

    Value binary_op(BinOpKind op, const Value& a, const Value& b, bool inplace = false);
    Value unary_op(UnaryKind op, const Value& a);
    Value compare(CmpKind op, const Value& a, const Value& b);
    bool eq(const Value& a, const Value& b);
    bool lt(const Value& a, const Value& b);
    bool truthy(const Value& v);
    int64_t hash(const Value& v);
    // `builtin_only`: use the builtin base's implementation even when a Python subclass
    // overrides the protocol (super().__setitem__ in a dict subclass).
    bool contains(const Value& container, const Value& item, bool builtin_only = false);
    Value getitem(const Value& obj, const Value& key, bool builtin_only = false);
    void setitem(const Value& obj, const Value& key, Value v, bool builtin_only = false);
    void delitem(const Value& obj, const Value& key, bool builtin_only = false);
    int64_t len(const Value& v, bool builtin_only = false);
    std::string repr(const Value& v);
    std::string str(const Value& v);
    std::string format(const Value& v, std::string_view spec);
    Value to_str_value(const Value& v);
    Value iter(const Value& v);
    bool next(const Value& it, Value& out);
    std::vector<Value> to_vector(const Value& iterable);
    int64_t index_value(const Value& v, const char* what = nullptr); // __index__ semantics
    std::string type_name(const Value& v) const { return v.type()->name; }
    bool isinstance(const Value& v, Type* t) const { return v.type()->is_subtype(t); }

    // ---- classes ----
    // Creates a class like a `class` statement does (runs __set_name__, __init_subclass__
    // and the native on_subclass_created hooks).
    Ref<Type> create_class(const std::string& name, std::vector<Ref<Type>> bases, Ref<Dict> ns,
                           std::vector<KwArg> kwargs = {});
    Value construct(Type* cls, Args& args);

    // ---- modules ----
    // Registers a module implemented in C++, created on first import. Dotted names are
    // packages: "sqlalchemy.orm" is reachable as `import sqlalchemy.orm` and as an attribute
    // of the "sqlalchemy" module once imported.
    void register_builtin_module(const std::string& name, ModuleFactory factory);
    Module* import_module(const std::string& name);
    Module* builtins() { return builtins_.get(); }
    Module* find_loaded_module(const std::string& name);
    std::string script_dir;

    // ---- execution state ----
    std::atomic<bool> interrupt{false};
    // A time budget for untrusted code (the fuzzer): past it, every interrupt check raises
    // KeyboardInterrupt again, so an `except:` in a loop cannot swallow it. Unset: no budget.
    std::chrono::steady_clock::time_point deadline{};
    int recursion_limit = 1000;
    // The most sys.setrecursionlimit() may set: what the 512 MB interpreter stack holds.
    int max_recursion_limit = 100000;
    // The largest str/bytes/list/tuple a repetition may build; bigger is MemoryError.
    uint64_t max_sequence_bytes = uint64_t{1} << 40;
    int depth = 0;
    Frame* frame = nullptr;
    std::vector<Value> handling; // exceptions being handled (bare raise, __context__)
    std::map<std::string, std::shared_ptr<std::string>> sources; // file -> text, tracebacks
    std::vector<std::string> argv;
    Value none_value = Value::none();

    // Internal: evaluation (interpreter.cpp).
    Value eval(Node* n, Frame& f);
    Flow exec_block(const std::vector<Node*>& body, Frame& f);
    Flow exec(Node* n, Frame& f);
    void check_interrupt();
    // Raises KeyboardInterrupt when interrupted or past the deadline (no collection: safe
    // inside native iteration). Called every kPollInterval calls and iterations.
    void poll_interrupt();
    void poll_interrupt_sometimes() {
        if ((++poll_count_ & kPollInterval) == 0) poll_interrupt();
    }
    void run_module_code(CodeInfo& code, Module& m);
    // Top-level code of module `m`; names bind in `locals` when given (see run_string).
    Value run_top_level(CodeInfo& code, Module& m, Dict* locals);

private:
    friend struct Generator;
    // Attribute nodes through their inline caches (attr_cache.cpp).
    AttrSite& attr_site(Node* n, Type* t);
    Value load_attr(Node* n, const Value& obj);
    void store_attr(Node* n, const Value& obj, Value v);
    Value eval_slow(Node* n, Frame& f);
    Value eval_global(Node* n, Frame& f);
    Flow exec_slow(Node* n, Frame& f);
    Value eval_attribute(Node* n, Frame& f);
    Value eval_subscript(Node* n, Frame& f);
    Value eval_binop(Node* n, Frame& f);
    Value eval_compare(Node* n, Frame& f);
    void exec_augassign(Node* n, Frame& f);
    Value eval_call(Node* n, Frame& f);
    Value eval_name(Node* n, Frame& f);
    void store(Node* target, Value v, Frame& f);
    void del_target(Node* target, Frame& f);
    Value make_function(Node* n, Frame& f);
    void record_annotation(Frame& f, Str* name, const Value& annotation);
    bool consumes_whole_iterable(const Value& fn, const Value& self);
    Value collect_generator_expression(Node* n, Frame& f);
    Value make_class(Node* n, Frame& f);
    Value eval_comprehension(Node* n, Frame& f);
    void comp_loop(Node* n, size_t level, Frame& f, const std::function<void()>& emit);
    Flow exec_try(Node* n, Frame& f);
    Flow exec_with(Node* n, Frame& f, size_t item);
    Flow exec_for(Node* n, Frame& f);
    void exec_import(Node* n, Frame& f);
    void exec_import_from(Node* n, Frame& f);
    Value eval_fstring(Node* n, Frame& f);
    [[noreturn]] void raise_stmt(Node* n, Frame& f);
    Module* load_module_from_file(const std::string& name, const std::string& path);

    static constexpr uint32_t kPollInterval = 1023;
    uint32_t poll_count_ = 0;
    OutputSink* sink_;
    Ref<Module> builtins_;
    Ref<Module> main_;
    Ref<Dict> modules_; // sys.modules
    std::unordered_map<std::string, ModuleFactory> factories_;
};

// Appends frame `f` (file, current line, function) to an exception's traceback.
void push_traceback(const Value& exc, const Frame& f);

// Throws the Python exception `type_name` (a builtin exception class name) with `msg`.
[[noreturn]] void throw_error(Interpreter& in, std::string_view type_name, const std::string& msg);

// Parses positional/keyword arguments of a native function against parameter names, giving
// CPython's TypeErrors. `out` receives one Value per name (empty when not passed).
void parse_args(Interpreter& in, const char* fname, Args& args,
                std::initializer_list<const char*> names, size_t n_required, Value* out,
                bool allow_extra_kw = false);

// Builder for native types (see README.md): name, bases, methods, properties, hooks.
class TypeBuilder {
public:
    TypeBuilder(std::string name, std::vector<Type*> bases = {}, std::string module = "builtins");
    TypeBuilder& method(const std::string& name, NativeFn fn);
    TypeBuilder& method(const std::string& name, NativeClosure fn);
    TypeBuilder& static_method(const std::string& name, NativeClosure fn);
    TypeBuilder& class_method(const std::string& name, NativeClosure fn);
    TypeBuilder& property(const std::string& name, NativeGetter get, NativeSetter set = nullptr);
    TypeBuilder& attr(const std::string& name, Value v);
    TypeBuilder& layout(Layout l, Object* (*alloc)(Type*));
    TypeBuilder& ctor(CtorFn fn);
    TypeBuilder& on_subclass_created(SubclassHook hook);
    TypeBuilder& instance_dict(bool on);
    Type* build();

private:
    Ref<Type> type_;
};

Value make_native_function(const std::string& name, NativeFn fn, bool is_method = false);
Value make_native_closure(const std::string& name, NativeClosure fn, bool is_method = false);
void type_modified();
std::vector<Type*>& immortal_types(); // native types that live for the whole process
int64_t hash_str(const Str* s);

} // namespace ormsh::lang
