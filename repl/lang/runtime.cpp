// Interpreter lifecycle and the user-facing edges: raising exceptions from C++, formatting
// tracebacks and syntax errors exactly as CPython prints them, running a script as __main__ on
// a big stack, and the interactive "single" mode.
#include "repl/lang/interpreter.h"
#include "repl/lang/parser.h"
#include "repl/lang/resolver.h"
#include "repl/lang/stack_switch.h"
#include "repl/lang/suggestions.h"
#include "repl/lang/text/utf8.h"

#include <cstring>
#include <fstream>
#include <iostream>
#include <new>
#include <pthread.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

namespace ormsh::lang {

void init_builtin_types();
void install_builtins(Interpreter& in, Module& b);
void register_core_modules(Interpreter& in);

namespace {
Interpreter* g_current = nullptr;
constexpr size_t kMainStackSize = 512u << 20;

std::string strip(const std::string& s) {
    size_t a = s.find_first_not_of(" \t\f\r\n");
    if (a == std::string::npos) return "";
    size_t b = s.find_last_not_of(" \t\f\r\n");
    return s.substr(a, b - a + 1);
}
} // namespace

bool OutputSink::read_line(std::string& line) {
    if (!std::getline(std::cin, line)) return false;
    return true;
}

namespace {
class StdSink : public OutputSink {
public:
    void write_out(std::string_view s) override { std::fwrite(s.data(), 1, s.size(), stdout); }
    void write_err(std::string_view s) override {
        std::fflush(stdout);
        std::fwrite(s.data(), 1, s.size(), stderr);
    }
    void flush() override { std::fflush(stdout); }
};
StdSink g_std_sink;
} // namespace

Interpreter::Interpreter() : sink_(&g_std_sink) {
    init_builtin_types();
    g_current = this;
    builtins_ = make<Module>("builtins");
    install_builtins(*this, *builtins_);
    modules_ = make<Dict>();
    modules_->set_str(intern("builtins"), builtins_);
    register_core_modules(*this);
    main_ = make<Module>("__main__");
    main_->dict->set_str(intern("__name__"), new_str("__main__"));
    main_->dict->set_str(intern("__builtins__"), builtins_);
    main_->dict->set_str(intern("__doc__"), Value::none());
    modules_->set_str(intern("__main__"), main_);
}

Interpreter::~Interpreter() {
    handling.clear();
    // Break module-level cycles (functions -> module dict -> functions) before collecting.
    std::vector<Value> mods;
    for (auto& e : modules_->entries)
        if (!e.key.empty()) mods.push_back(e.value);
    for (auto& m : mods)
        if (has_layout(m, Layout::Module)) m.as<Module>()->dict->clear();
    mods.clear();
    modules_->clear();
    main_.reset();
    builtins_.reset();
    gc::collect();
    if (g_current == this) g_current = nullptr;
}

Interpreter& Interpreter::current() {
    return *g_current;
}

Module& Interpreter::main_module() {
    return *main_;
}

// ---- exceptions ----

Value Interpreter::new_exception(Type* type, std::vector<Value> args) {
    Args a{std::span<const Value>(args), {}};
    return construct(type, a);
}

void Interpreter::raise(Type* type, const std::string& msg) {
    std::vector<Value> args;
    if (!msg.empty() || type->name != "KeyboardInterrupt") args.push_back(new_str(msg));
    if (type->name == "KeyboardInterrupt" && msg.empty()) args.clear();
    Ref<ExceptionObj> e(new ExceptionObj(type));
    e->args = Tuple::create(std::move(args));
    raise_value(Value(e.get()));
}

void Interpreter::raise(std::string_view type_name, const std::string& msg) {
    Type* t = builtin_type(type_name);
    if (!t) {
        if (type_name.starts_with("io."))
            t = builtin_type("OSError");
        else
            t = builtin_type("RuntimeError");
    }
    raise(t, msg);
}

void push_traceback(const Value& exc, const Frame& f) {
    if (!has_layout(exc, Layout::Exception) || !f.code) return;
    exc.as<ExceptionObj>()->traceback.push_back({f.code->file, f.line, f.code->name});
}

void Interpreter::raise_value(Value exc) {
    if (frame) push_traceback(exc, *frame);
    if (has_layout(exc, Layout::Exception) && !handling.empty()) {
        ExceptionObj* e = exc.as<ExceptionObj>();
        if (e->context.empty() && !handling.back().is(exc)) e->context = handling.back();
    }
    throw PyException{std::move(exc)};
}

void throw_error(Interpreter& in, std::string_view type_name, const std::string& msg) {
    in.raise(type_name, msg);
}

Type* Interpreter::new_exception_type(const std::string& name, Type* base,
                                      const std::string& module) {
    Ref<Dict> ns = make<Dict>();
    ns->set_str(intern("__module__"), new_str(module));
    ns->set_str(intern("__qualname__"), new_str(name));
    Ref<Type> t = create_class(name, {Ref<Type>(base ? base : builtin_type("Exception"))}, ns);
    t->module = module;
    t->make_immortal();
    immortal_types().push_back(t.get());
    return t.get();
}

bool Interpreter::exception_matches(const Value& exc, const Value& spec) {
    if (has_layout(spec, Layout::Tuple)) {
        for (auto& s : spec.as<Tuple>()->items)
            if (exception_matches(exc, s)) return true;
        return false;
    }
    if (!has_layout(spec, Layout::Type) || !spec.as<Type>()->is_subtype(Types::base_exception))
        raise("TypeError",
              "catching classes that do not inherit from BaseException is not allowed");
    return exc.type()->is_subtype(spec.as<Type>());
}

std::string Interpreter::format_syntax_error(const SyntaxErrorInfo& info) {
    if (!info.show_location) return info.type + ": " + info.msg + "\n";
    std::string out = "  File \"" + info.file + "\", line " + std::to_string(info.line) + "\n";
    std::string line;
    auto it = sources.find(info.file);
    if (it != sources.end()) line = Lexer::source_line(*it->second, info.line);
    line = line.substr(0, line.find('\0')); // CPython shows a line up to its NUL byte
    if (!info.caret) {
        size_t lead = line.find_first_not_of(" \t\f");
        line = lead == std::string::npos ? std::string() : line.substr(lead);
        return out + "    " + line + "\n" + info.type + ": " + info.msg + "\n";
    }
    bool no_caret = info.type == "IndentationError" && info.msg == "unexpected indent";
    if (no_caret && !line.empty()) {
        size_t lead = line.find_first_not_of(" \t\f");
        out += "    " + line.substr(lead == std::string::npos ? 0 : lead) + "\n";
    } else if (!line.empty() || info.col > 0) {
        size_t lead = line.find_first_not_of(" \t\f");
        if (lead == std::string::npos) lead = line.size();
        std::string shown = line.substr(lead);
        while (!shown.empty() &&
               (shown.back() == ' ' || shown.back() == '\t' || shown.back() == '\r'))
            shown.pop_back();
        out += "    " + shown + "\n";
        // Caret position counts code points.
        int col = info.col - static_cast<int>(lead);
        if (col < 0) col = 0;
        std::string prefix =
            line.substr(lead, std::min(line.size() - lead, static_cast<size_t>(col)));
        size_t cp = text::utf8_length(prefix);
        if (static_cast<int>(line.size() - lead) < col) cp = static_cast<size_t>(col);
        int width = 1;
        if (info.end_col > info.col) {
            std::string span = line.substr(std::min(line.size(), static_cast<size_t>(info.col)),
                                           static_cast<size_t>(info.end_col - info.col));
            width = static_cast<int>(text::utf8_length(span));
            if (width < 1) width = 1;
        }
        out += "    " + std::string(cp, ' ') + std::string(static_cast<size_t>(width), '^') + "\n";
    }
    out += info.type + ": " + info.msg + "\n";
    return out;
}

Value Interpreter::syntax_error_value(const SyntaxErrorInfo& info) {
    Value e = new_exception(builtin_type(info.type), {new_str(info.msg)});
    setattr(e, intern("msg"), new_str(info.msg));
    setattr(e, intern("filename"), new_str(info.file));
    setattr(e, intern("lineno"), Value::integer(info.line));
    setattr(e, intern("offset"), Value::integer(info.col + 1));
    std::string line;
    auto it = sources.find(info.file);
    if (it != sources.end()) line = Lexer::source_line(*it->second, info.line);
    setattr(e, intern("text"), new_str(line));
    setattr(e, intern("_ormsh_formatted"), new_str(format_syntax_error(info)));
    return e;
}

std::string Interpreter::format_exception(const Value& exc) {
    std::string out;
    if (!has_layout(exc, Layout::Exception)) return "Exception: " + repr(exc) + "\n";
    ExceptionObj* e = exc.as<ExceptionObj>();
    if (!e->cause.empty()) {
        out += format_exception(e->cause);
        out += "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (!e->context.empty() && !e->suppress_context) {
        out += format_exception(e->context);
        out += "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    if (!e->traceback.empty()) {
        out += "Traceback (most recent call last):\n";
        for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
            out += "  File \"" + it->file + "\", line " + std::to_string(it->line) + ", in " +
                   it->func + "\n";
            // Code run by exec() and eval() has no lines to show, as in Python.
            auto src = it->file == "<string>" ? sources.end() : sources.find(it->file);
            if (src != sources.end()) {
                std::string line = strip(Lexer::source_line(*src->second, it->line));
                if (!line.empty()) out += "    " + line + "\n";
            }
        }
    }
    Value formatted =
        e->attrs ? static_cast<Dict*>(e->attrs)->get_str(intern("_ormsh_formatted")) : Value();
    if (is_str(formatted)) {
        out += as_str(formatted)->s;
        return out;
    }
    Type* t = exc.type();
    std::string name = t->name;
    if (t->module != "builtins" && t->module != "__main__") name = t->module + "." + name;
    std::string msg;
    try {
        msg = str(exc);
    } catch (PyException&) {
        msg = "<exception str() failed>";
    }
    out += msg.empty() ? name : name + ": " + msg;
    if (auto suggestion = suggestion_for(exc)) out += ". Did you mean: '" + *suggestion + "'?";
    return out + "\n";
}

void Interpreter::note_attribute_error(const Value& exc, const Value& obj, Str* name) {
    if (!exc.type()->is_subtype(builtin_type("AttributeError"))) return;
    if (!getattr_opt(exc, intern("name")).empty()) return;
    generic_setattr(exc, intern("name"), Value(name));
    generic_setattr(exc, intern("obj"), obj);
}

std::optional<std::string> Interpreter::suggestion_for(const Value& exc) {
    bool attribute_error = exc.type()->is_subtype(builtin_type("AttributeError"));
    if (!attribute_error && !exc.type()->is_subtype(builtin_type("NameError"))) return std::nullopt;
    try {
        Value name = getattr_opt(exc, intern("name"));
        if (!is_str(name)) return std::nullopt;
        std::vector<std::string> candidates;
        if (attribute_error) {
            Value obj = getattr_opt(exc, intern("obj"));
            if (obj.empty()) return std::nullopt;
            for (const Value& n : to_vector(call(builtins_->dict->get_str(intern("dir")), {obj})))
                if (is_str(n)) candidates.push_back(as_str(n)->s);
        } else {
            for (Dict* d : {main_->dict.get(), builtins_->dict.get()})
                for (const Value& k : to_vector(Value(d)))
                    if (is_str(k)) candidates.push_back(as_str(k)->s);
        }
        return closest_name(as_str(name)->s, candidates);
    } catch (PyException&) {
        return std::nullopt; // a broken __dir__ must not hide the original error
    }
}

// ---- running code ----

void Interpreter::exec_in_module(const std::string& source, const std::string& filename,
                                 Module& m) {
    Program prog;
    try {
        sources[filename] = std::make_shared<std::string>(source);
        prog = parse_program(source, filename);
        resolve_program(prog);
    } catch (SyntaxErrorEx& e) {
        raise_value(syntax_error_value(e.info));
    }
    // Keep the program alive as long as functions reference it (CodeInfo holds the arena).
    auto code = prog.code;
    run_module_code(*code, m);
}

Value Interpreter::eval_string(const std::string& source, Module& m) {
    Program prog;
    try {
        sources["<string>"] = std::make_shared<std::string>(source);
        prog = parse_expression(source, "<string>");
        resolve_program(prog);
    } catch (SyntaxErrorEx& e) {
        raise_value(syntax_error_value(e.info));
    }
    std::vector<Value> slots(static_cast<size_t>(prog.code->n_slots));
    Frame fr;
    fr.code = prog.code.get();
    fr.slots = slots.data();
    fr.module = &m;
    fr.back = frame;
    frame = &fr;
    try {
        exec_block(prog.code->body, fr);
    } catch (...) {
        frame = fr.back;
        throw;
    }
    frame = fr.back;
    return fr.ret;
}

Value Interpreter::run_string(const std::string& source, SourceKind kind, Dict& globals,
                              Dict& locals) {
    Str* builtins_name = intern("__builtins__");
    if (!globals.find_str(builtins_name))
        globals.set_str(builtins_name, Value(builtins_->dict.get()));
    Program prog;
    try {
        sources["<string>"] = std::make_shared<std::string>(source);
        prog = kind == SourceKind::Expression ? parse_expression(source, "<string>")
                                              : parse_program(source, "<string>");
        resolve_program(prog,
                        &locals == &globals ? TopLevelNames::Module : TopLevelNames::Namespace);
    } catch (SyntaxErrorEx& e) {
        raise_value(syntax_error_value(e.info));
    }
    // Functions and classes defined here belong to the module whose globals these are: the
    // running one, or a module made for this dict, named by its __name__ (as __module__ reads
    // it; a class made without one is a builtins class in Python).
    Ref<Module> module;
    if (frame && frame->module->dict.get() == &globals) {
        module = Ref<Module>(frame->module);
    } else {
        Value name = globals.get_str(intern("__name__"));
        module = make<Module>(is_str(name) ? std::string(as_str(name)->s) : std::string("builtins"));
        module->dict = Ref<Dict>(&globals);
    }
    auto code = prog.code; // functions defined by the program keep it alive
    return run_top_level(*code, *module, &locals == &globals ? nullptr : &locals);
}

#if !defined(ORMSH_ASAN)
namespace {

// Bytes left unmapped below the big stack, so that overflowing it faults.
constexpr size_t kStackGuard = 64u << 10;

struct BigStackRun {
    const std::function<void()>* fn;
    std::exception_ptr error;
    ucontext_t caller{};
    ucontext_t ctx{};
    const void* caller_bottom = nullptr;
    size_t caller_size = 0;
};

void big_stack_entry(unsigned lo, unsigned hi) {
    auto* run = reinterpret_cast<BigStackRun*>((static_cast<uintptr_t>(hi) << 32) | lo);
    ORMSH_FINISH_SWITCH(nullptr, &run->caller_bottom, &run->caller_size);
    try {
        (*run->fn)();
    } catch (...) {
        run->error = std::current_exception();
    }
    ORMSH_START_SWITCH(nullptr, run->caller_bottom, run->caller_size);
    swapcontext(&run->ctx, &run->caller);
}

} // namespace
#endif

// The big stack is switched to on this thread, as a generator's is: a thread of its own would
// cost its creation and, at its end, the allocator's teardown of the thread's heap (a good
// part of a short script's run time).
void Interpreter::run_with_big_stack(const std::function<void()>& fn) {
#if defined(ORMSH_ASAN)
    // AddressSanitizer warns on stderr at the first swapcontext() of a process, which would
    // change every script's error output: its builds keep a thread of their own.
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, kMainStackSize);
    struct ThreadRun {
        const std::function<void()>* fn;
        std::exception_ptr error;
    } thread_run{&fn, nullptr};
    auto entry = [](void* p) -> void* {
        auto* r = static_cast<ThreadRun*>(p);
        try {
            (*r->fn)();
        } catch (...) {
            r->error = std::current_exception();
        }
        return nullptr;
    };
    pthread_t thread;
    bool started = pthread_create(&thread, &attr, entry, &thread_run) == 0;
    pthread_attr_destroy(&attr);
    if (!started) {
        fn();
        return;
    }
    pthread_join(thread, nullptr);
    if (thread_run.error) std::rethrow_exception(thread_run.error);
#else
    size_t size = kMainStackSize + kStackGuard;
    void* stack = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) {
        fn();
        return;
    }
    mprotect(stack, kStackGuard, PROT_NONE);
    BigStackRun run{&fn, nullptr};
    getcontext(&run.ctx);
    run.ctx.uc_stack.ss_sp = stack;
    run.ctx.uc_stack.ss_size = size;
    run.ctx.uc_link = nullptr;
    auto p = reinterpret_cast<uintptr_t>(&run);
    makecontext(&run.ctx, reinterpret_cast<void (*)()>(big_stack_entry), 2,
                static_cast<unsigned>(p & 0xffffffffu), static_cast<unsigned>(p >> 32));
    void* fake_stack = nullptr;
    ORMSH_START_SWITCH(&fake_stack, stack, size);
    swapcontext(&run.caller, &run.ctx);
    ORMSH_FINISH_SWITCH(fake_stack, nullptr, nullptr);
    munmap(stack, size);
    if (run.error) std::rethrow_exception(run.error);
#endif
}

namespace {

// Handles an exception escaping the main program: SystemExit gives the exit code, anything
// else prints the traceback.
int report_uncaught(Interpreter& in, const Value& exc) {
    Type* se = builtin_type("SystemExit");
    if (exc.type()->is_subtype(se)) {
        auto& args = exc.as<ExceptionObj>()->args->items;
        if (args.empty() || args[0].is_none()) return 0;
        if (args.size() == 1 && args[0].is_int()) return static_cast<int>(args[0].as_int() & 0xff);
        in.write_err((args.size() == 1 ? in.str(args[0])
                                       : in.repr(Value(exc.as<ExceptionObj>()->args.get()))) +
                     "\n");
        return 1;
    }
    in.output().flush();
    in.write_err(in.format_exception(exc));
    if (exc.type()->is_subtype(builtin_type("KeyboardInterrupt"))) return 130;
    return 1;
}

} // namespace

RunResult Interpreter::run_main(const std::string& source, const std::string& filename,
                                const std::vector<std::string>& args) {
    RunResult result;
    argv = args;
    if (argv.empty()) argv.push_back(filename);
    size_t slash = filename.rfind('/');
    script_dir = slash == std::string::npos ? "." : filename.substr(0, slash);
    if (script_dir.empty()) script_dir = "/";
    Module& m = *main_;
    // CPython 3.11 reports the script by its absolute path in tracebacks and __file__
    // (Path(__file__).parent is the script's folder).
    std::string code_file = filename;
    if (!filename.empty() && filename[0] != '/' && filename[0] != '<') {
        char buf[4096];
        if (::getcwd(buf, sizeof buf)) code_file = std::string(buf) + "/" + filename;
    }
    m.dict->set_str(intern("__file__"), new_str(code_file));
    run_with_big_stack([&] {
        Interpreter* saved = g_current;
        g_current = this;
        Program prog;
        try {
            sources[code_file] = std::make_shared<std::string>(source);
            prog = parse_program(source, code_file);
            resolve_program(prog);
        } catch (SyntaxErrorEx& e) {
            write_err(format_syntax_error(e.info));
            result.exit_code = 1;
            g_current = saved;
            return;
        } catch (const std::bad_alloc&) {
            write_err("MemoryError\n");
            result.exit_code = 1;
            g_current = saved;
            return;
        }
        try {
            run_module_code(*prog.code, m);
        } catch (PyException& e) {
            result.exit_code = report_uncaught(*this, e.exc);
        }
        output().flush();
        g_current = saved;
    });
    return result;
}

bool Interpreter::run_single(const std::string& source, const std::string& filename) {
    bool ok = true;
    run_with_big_stack([&] {
        Interpreter* saved = g_current;
        g_current = this;
        Program prog;
        try {
            sources[filename] = std::make_shared<std::string>(source);
            prog = parse_program(source, filename);
            resolve_program(prog);
        } catch (SyntaxErrorEx& e) {
            write_err(format_syntax_error(e.info));
            ok = false;
            g_current = saved;
            return;
        }
        CodeInfo& code = *prog.code;
        std::vector<Value> slots(static_cast<size_t>(code.n_slots));
        Frame fr;
        fr.code = &code;
        fr.slots = slots.data();
        fr.module = main_.get();
        frame = &fr;
        try {
            for (Node* s : code.body) {
                fr.line = s->line;
                if (s->kind == NodeKind::ExprStmt) {
                    Value v = eval(s->a, fr);
                    if (!v.is_none()) {
                        builtins_->dict->set_str(intern("_"), v);
                        if (display_hook)
                            display_hook(v);
                        else
                            write_out(repr(v) + "\n");
                    }
                } else {
                    exec(s, fr);
                }
            }
        } catch (PyException& e) {

            if (e.exc.type()->is_subtype(builtin_type("SystemExit"))) {
                frame = nullptr;
                g_current = saved;
                throw;
            }
            output().flush();
            // sys.last_value, as CPython's interactive loop keeps it, for post-mortem checks.
            if (Module* sys = import_module("sys")) {
                sys->dict->set_str(intern("last_value"), e.exc);
                sys->dict->set_str(intern("last_type"), Value(e.exc.type()));
            }
            write_err(format_exception(e.exc));
            ok = false;
        }
        frame = nullptr;
        output().flush();
        g_current = saved;
    });
    return ok;
}

} // namespace ormsh::lang
