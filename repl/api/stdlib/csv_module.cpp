// The `csv` module: reader and writer with CPython's dialect parameters and quoting rules (the
// reader is the same state machine as _csv.c: quoted fields spanning lines, doubled quotes,
// escape characters, skipinitialspace), DictReader and DictWriter, and the excel, excel-tab
// and unix dialects. Readers take any iterable of lines (files from open(), lists).
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"
#include "repl/lang/text/float_repr.h"

namespace ormsh::api::stdlib {

namespace {

enum Quoting : int64_t { kQuoteMinimal = 0, kQuoteAll = 1, kQuoteNonNumeric = 2, kQuoteNone = 3 };

struct Dialect {
    char delimiter = ',';
    int quotechar = '"'; // -1: none
    int escapechar = -1; // -1: none
    bool doublequote = true;
    bool skipinitialspace = false;
    bool strict = false;
    std::string lineterminator = "\r\n";
    int64_t quoting = kQuoteMinimal;
};

Type* error_type() {
    static Type* t = [] {
        Type* e = Interpreter::current().new_exception_type(
            "Error", lang::builtin_type("Exception"), "_csv");
        e->make_immortal();
        return e;
    }();
    return t;
}

[[noreturn]] void csv_error(Interpreter& in, const std::string& msg) {
    in.raise(error_type(), msg);
}

// A one-character parameter: a str of length 1, or None (-1) where allowed.
int char_param(Interpreter& in, const Value& v, const char* name, bool allow_none) {
    if (v.is_none() && allow_none) return -1;
    if (!lang::is_str(v))
        in.raise("TypeError", std::string("\"") + name + "\" must be string" +
                                  (allow_none ? " or None" : "") + ", not " + in.type_name(v));
    const lang::StrText& s = lang::as_str(v)->s;
    if (s.size() != 1)
        in.raise("TypeError", std::string("\"") + name + "\" must be a 1-character string");
    return static_cast<unsigned char>(s[0]);
}

void apply_param(Interpreter& in, Dialect& d, const std::string& name, const Value& v) {
    if (name == "delimiter")
        d.delimiter = static_cast<char>(char_param(in, v, "delimiter", false));
    else if (name == "quotechar")
        d.quotechar = char_param(in, v, "quotechar", true);
    else if (name == "escapechar")
        d.escapechar = char_param(in, v, "escapechar", true);
    else if (name == "doublequote")
        d.doublequote = in.truthy(v);
    else if (name == "skipinitialspace")
        d.skipinitialspace = in.truthy(v);
    else if (name == "strict")
        d.strict = in.truthy(v);
    else if (name == "lineterminator")
        d.lineterminator = in.str(v);
    else if (name == "quoting") {
        d.quoting = in.index_value(v);
        if (d.quoting < kQuoteMinimal || d.quoting > kQuoteNone)
            in.raise("TypeError", "bad \"quoting\" value");
    } else
        in.raise("TypeError", "'" + name + "' is an invalid keyword argument for this function");
}

Dialect named_dialect(Interpreter& in, const std::string& name) {
    Dialect d;
    if (name == "excel") return d;
    if (name == "excel-tab") {
        d.delimiter = '\t';
        return d;
    }
    if (name == "unix") {
        d.lineterminator = "\n";
        d.quoting = kQuoteAll;
        return d;
    }
    csv_error(in, "unknown dialect");
}

// dialect= (a name or an object with the dialect attributes) then keyword overrides.
Dialect dialect_from(Interpreter& in, const Value& dialect, std::span<const lang::KwArg> kw) {
    Dialect d;
    if (!dialect.empty() && !dialect.is_none()) {
        if (lang::is_str(dialect)) {
            d = named_dialect(in, lang::as_str(dialect)->s);
        } else {
            for (const char* name : {"delimiter", "quotechar", "escapechar", "doublequote",
                                     "skipinitialspace", "strict", "lineterminator", "quoting"}) {
                Value v = in.getattr_opt(dialect, lang::intern(name));
                if (!v.empty()) apply_param(in, d, name, v);
            }
        }
    }
    for (auto& k : kw)
        if (k.name->s != "dialect") apply_param(in, d, k.name->s, k.value);
    if (d.quotechar < 0 && d.quoting != kQuoteNone)
        in.raise("TypeError", "quotechar must be set if quoting enabled");
    return d;
}

// ---- reader ----

struct ReaderObj : lang::Object {
    explicit ReaderObj(Type* t) : Object(t) { track(); }
    Value source; // an iterator of lines
    Dialect dialect;
    int64_t line_num = 0;
    void traverse(lang::Visitor& v) override {
        if (source.is_obj()) v.visit(source.obj());
    }
    void clear_refs() override { source = Value(); }
};

Type* reader_type();

enum class State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
};

constexpr int kEndOfLine = -1; // fed after each line's characters, as _csv.c does

class RecordParser {
public:
    RecordParser(Interpreter& in, const Dialect& d) : in_(in), d_(d) {}

    std::vector<Value> fields;
    State state = State::StartRecord;

    // One line, its own terminator included.
    void feed(const std::string& line) {
        for (char c : line)
            step(static_cast<unsigned char>(c));
        step(kEndOfLine);
    }

    // At the end of the input; true when a record cut short inside quotes was kept.
    bool finish() {
        if (field_.empty() && state != State::InQuotedField) return false;
        if (d_.strict) csv_error(in_, "unexpected end of data");
        save_field();
        return true;
    }

    bool done() const { return state == State::StartRecord; }

private:
    void save_field() {
        if (numeric_) {
            auto f = lang::text::parse_float(field_);
            if (!f) in_.raise("ValueError", lang::text::float_parse_error_message(field_));
            fields.push_back(Value::flt(*f));
        } else {
            fields.push_back(lang::new_str(field_));
        }
        field_.clear();
        numeric_ = false;
    }

    void add(int c) { field_ += static_cast<char>(c); }
    bool is_quote(int c) const {
        return d_.quotechar >= 0 && c == d_.quotechar && d_.quoting != kQuoteNone;
    }
    bool is_escape(int c) const { return d_.escapechar >= 0 && c == d_.escapechar; }
    static bool is_newline(int c) { return c == '\n' || c == '\r'; }

    void end_field_or_record(int c) {
        save_field();
        state = c == kEndOfLine ? State::StartRecord : State::EatCrnl;
    }

    void step(int c) {
        switch (state) {
        case State::StartRecord:
            if (c == kEndOfLine) return; // an empty line: an empty record
            if (is_newline(c)) {
                state = State::EatCrnl;
                return;
            }
            state = State::StartField;
            [[fallthrough]];
        case State::StartField:
            if (is_newline(c) || c == kEndOfLine) {
                end_field_or_record(c);
            } else if (is_quote(c)) {
                state = State::InQuotedField;
            } else if (is_escape(c)) {
                state = State::EscapedChar;
            } else if (c == ' ' && d_.skipinitialspace) {
            } else if (c == d_.delimiter) {
                save_field();
            } else {
                numeric_ = d_.quoting == kQuoteNonNumeric;
                add(c);
                state = State::InField;
            }
            return;
        case State::EscapedChar:
            if (is_newline(c)) {
                add(c);
                state = State::AfterEscapedCrnl;
                return;
            }
            add(c == kEndOfLine ? '\n' : c);
            state = State::InField;
            return;
        case State::AfterEscapedCrnl:
            if (c == kEndOfLine) return;
            state = State::InField;
            [[fallthrough]];
        case State::InField:
            if (is_newline(c) || c == kEndOfLine) {
                end_field_or_record(c);
            } else if (is_escape(c)) {
                state = State::EscapedChar;
            } else if (c == d_.delimiter) {
                save_field();
                state = State::StartField;
            } else {
                add(c);
            }
            return;
        case State::InQuotedField:
            if (c == kEndOfLine) {
            } else if (is_escape(c)) {
                state = State::EscapeInQuotedField;
            } else if (is_quote(c)) {
                state = d_.doublequote ? State::QuoteInQuotedField : State::InField;
            } else {
                add(c);
            }
            return;
        case State::EscapeInQuotedField:
            add(c == kEndOfLine ? '\n' : c);
            state = State::InQuotedField;
            return;
        case State::QuoteInQuotedField:
            if (is_quote(c)) {
                add(c); // a doubled quote
                state = State::InQuotedField;
            } else if (c == d_.delimiter) {
                save_field();
                state = State::StartField;
            } else if (is_newline(c) || c == kEndOfLine) {
                end_field_or_record(c);
            } else if (!d_.strict) {
                add(c);
                state = State::InField;
            } else {
                csv_error(in_, std::string("'") + d_.delimiter + "' expected after '" +
                                   static_cast<char>(d_.quotechar) + "'");
            }
            return;
        case State::EatCrnl:
            if (c == kEndOfLine)
                state = State::StartRecord;
            else if (!is_newline(c))
                csv_error(in_, "new-line character seen in unquoted field - do you need to open "
                               "the file with newline=''?");
            return;
        }
    }

    Interpreter& in_;
    const Dialect& d_;
    std::string field_;
    bool numeric_ = false; // an unquoted field under QUOTE_NONNUMERIC
};

Value stop_iteration(Interpreter& in) {
    in.raise_value(in.new_exception(lang::builtin_type("StopIteration"), {}));
}

// The next record, or empty at the end of the input.
Value read_record(Interpreter& in, ReaderObj* r) {
    RecordParser parser(in, r->dialect);
    Value line;
    while (in.next(r->source, line)) {
        ++r->line_num;
        if (!lang::is_str(line))
            csv_error(in, "iterator should return strings, not " + in.type_name(line) +
                              " (the file should be opened in text mode)");
        parser.feed(lang::as_str(line)->s);
        if (parser.done()) return lang::new_list(std::move(parser.fields));
    }
    if (!parser.finish()) return Value();
    return lang::new_list(std::move(parser.fields));
}

Value reader_next(Interpreter& in, const Value& self, Args&) {
    Value row = read_record(in, self.as<ReaderObj>());
    if (row.empty()) stop_iteration(in);
    return row;
}

Type* reader_type() {
    static Type* t = [] {
        lang::TypeBuilder b("reader", {}, "_csv");
        b.method(
             "__iter__", +[](Interpreter&, const Value& s, Args&) { return s; })
            .method("__next__", reader_next)
            .property("line_num", [](Interpreter&, const Value& s) {
                return Value::integer(s.as<ReaderObj>()->line_num);
            });
        Type* type = b.build();
        type->basetype = false;
        return type;
    }();
    return t;
}

Value make_reader(Interpreter& in, const Value& source, const Value& dialect,
                  std::span<const lang::KwArg> kw) {
    auto* r = new ReaderObj(reader_type());
    Value result = Value::steal(r);
    r->source = in.iter(source);
    r->dialect = dialect_from(in, dialect, kw);
    return result;
}

Value csv_reader(Interpreter& in, const Value&, Args& args) {
    if (args.size() < 1) in.raise("TypeError", "expected at least 1 argument, got 0");
    Value dialect = args.size() > 1 ? args[1] : Value();
    for (auto& k : args.kw)
        if (k.name->s == "dialect") dialect = k.value;
    return make_reader(in, args[0], dialect, args.kw);
}

// ---- writer ----

struct WriterObj : lang::Object {
    explicit WriterObj(Type* t) : Object(t) { track(); }
    Value write; // the file's bound write method
    Dialect dialect;
    void traverse(lang::Visitor& v) override {
        if (write.is_obj()) v.visit(write.obj());
    }
    void clear_refs() override { write = Value(); }
};

Type* writer_type();

std::string field_text(Interpreter& in, const Value& v) {
    if (v.is_none()) return "";
    if (v.is_float()) return lang::text::float_repr(v.as_float());
    return in.str(v);
}

bool is_number(const Value& v) {
    return v.is_int() || v.is_float() || lang::has_layout(v, lang::Layout::BigInt);
}

std::string format_row(Interpreter& in, const Dialect& d, const std::vector<Value>& row) {
    std::string out;
    for (size_t i = 0; i < row.size(); ++i) {
        if (i) out += d.delimiter;
        std::string text = field_text(in, row[i]);
        bool quote = false;
        switch (d.quoting) {
        case kQuoteAll:
            quote = true;
            break;
        case kQuoteNonNumeric:
            quote = !is_number(row[i]) && !row[i].is_bool();
            break;
        default:
            break;
        }
        if (text.empty() && row.size() == 1) { // a lone empty field must not read as no field
            if (d.quoting == kQuoteNone) csv_error(in, "single empty field record must be quoted");
            quote = true;
        }
        std::string body;
        for (char c : text) {
            bool special = c == d.delimiter ||
                           (d.escapechar >= 0 && static_cast<unsigned char>(c) == d.escapechar) ||
                           (d.quotechar >= 0 && static_cast<unsigned char>(c) == d.quotechar) ||
                           c == '\n' || c == '\r' || d.lineterminator.find(c) != std::string::npos;
            if (!special) {
                body += c;
                continue;
            }
            bool is_q = d.quotechar >= 0 && static_cast<unsigned char>(c) == d.quotechar;
            if (d.quoting == kQuoteNone) {
                if (d.escapechar < 0) csv_error(in, "need to escape, but no escapechar set");
                body += static_cast<char>(d.escapechar);
                body += c;
                continue;
            }
            quote = true;
            if (is_q) {
                if (d.doublequote) {
                    body += c;
                } else if (d.escapechar >= 0) {
                    body += static_cast<char>(d.escapechar);
                } else {
                    csv_error(in, "need to escape, but no escapechar set");
                }
            } else if (d.escapechar >= 0 && static_cast<unsigned char>(c) == d.escapechar) {
                body += c;
            }
            body += c;
        }
        if (quote) {
            out += static_cast<char>(d.quotechar);
            out += body;
            out += static_cast<char>(d.quotechar);
        } else {
            out += body;
        }
    }
    return out + d.lineterminator;
}

Value write_row(Interpreter& in, WriterObj* w, const Value& row) {
    if (lang::is_str(row) || !(row.is_obj() && (lang::has_layout(row, lang::Layout::List) ||
                                                lang::has_layout(row, lang::Layout::Tuple) ||
                                                !row.type()->lookup("__iter__").empty() ||
                                                lang::has_layout(row, lang::Layout::Dict) ||
                                                row.type()->layout == lang::Layout::Iterator ||
                                                row.type()->layout == lang::Layout::Range)))
        csv_error(in, "iterable expected, not " + in.type_name(row));
    std::string line = format_row(in, w->dialect, in.to_vector(row));
    return in.call(w->write, {lang::new_str(line)});
}

Value writer_writerow(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "writerow", args, {"row"}, 1, p);
    return write_row(in, self.as<WriterObj>(), p[0]);
}

Value writer_writerows(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "writerows", args, {"rows"}, 1, p);
    for (auto& row : in.to_vector(p[0]))
        write_row(in, self.as<WriterObj>(), row);
    return Value::none();
}

Type* writer_type() {
    static Type* t = [] {
        lang::TypeBuilder b("writer", {}, "_csv");
        b.method("writerow", writer_writerow).method("writerows", writer_writerows);
        Type* type = b.build();
        type->basetype = false;
        return type;
    }();
    return t;
}

Value make_writer(Interpreter& in, const Value& file, const Value& dialect,
                  std::span<const lang::KwArg> kw) {
    Value write = in.getattr_opt(file, lang::intern("write"));
    if (write.empty()) in.raise("TypeError", "argument 1 must have a \"write\" method");
    auto* w = new WriterObj(writer_type());
    Value result = Value::steal(w);
    w->write = write;
    w->dialect = dialect_from(in, dialect, kw);
    return result;
}

Value csv_writer(Interpreter& in, const Value&, Args& args) {
    if (args.size() < 1) in.raise("TypeError", "expected at least 1 argument, got 0");
    Value dialect = args.size() > 1 ? args[1] : Value();
    for (auto& k : args.kw)
        if (k.name->s == "dialect") dialect = k.value;
    return make_writer(in, args[0], dialect, args.kw);
}

// ---- DictReader / DictWriter (state kept as attributes, as in CPython's csv.py) ----

std::vector<lang::KwArg> dialect_kwargs(Args& args, std::initializer_list<const char*> skip) {
    std::vector<lang::KwArg> out;
    for (auto& k : args.kw) {
        bool skipped = false;
        for (const char* s : skip)
            skipped = skipped || k.name->s == s;
        if (!skipped) out.push_back(k);
    }
    return out;
}

Value dictreader_init(Interpreter& in, const Value& self, Args& args) {
    Value p[5];
    std::vector<lang::KwArg> fmt =
        dialect_kwargs(args, {"f", "fieldnames", "restkey", "restval", "dialect"});
    std::vector<lang::KwArg> own;
    for (auto& k : args.kw)
        if (k.name->s == "f" || k.name->s == "fieldnames" || k.name->s == "restkey" ||
            k.name->s == "restval" || k.name->s == "dialect")
            own.push_back(k);
    Args a{args.pos, own};
    lang::parse_args(in, "DictReader", a, {"f", "fieldnames", "restkey", "restval", "dialect"}, 1,
                     p);
    Value fieldnames = none_if_empty(p[1]);
    if (!fieldnames.is_none()) fieldnames = lang::new_list(in.to_vector(fieldnames));
    in.setattr(self, lang::intern("_fieldnames"), fieldnames);
    in.setattr(self, lang::intern("restkey"), none_if_empty(p[2]));
    in.setattr(self, lang::intern("restval"), none_if_empty(p[3]));
    in.setattr(self, lang::intern("reader"), make_reader(in, p[0], p[4], fmt));
    in.setattr(self, lang::intern("dialect"), p[4].empty() ? lang::new_str("excel") : p[4]);
    in.setattr(self, lang::intern("line_num"), Value::integer(0));
    return Value::none();
}

Value next_row(Interpreter& in, const Value& reader) {
    Value row = read_record(in, reader.as<ReaderObj>());
    if (row.empty()) stop_iteration(in);
    return row;
}

Value dictreader_fieldnames(Interpreter& in, const Value& self) {
    Value names = in.getattr(self, "_fieldnames");
    if (names.is_none()) {
        Value reader = in.getattr(self, "reader");
        Value row = read_record(in, reader.as<ReaderObj>());
        if (!row.empty()) names = row;
        in.setattr(self, lang::intern("_fieldnames"), names);
        in.setattr(self, lang::intern("line_num"),
                   Value::integer(reader.as<ReaderObj>()->line_num));
    }
    return names;
}

Value dictreader_next(Interpreter& in, const Value& self, Args&) {
    Value names = dictreader_fieldnames(in, self);
    Value reader = in.getattr(self, "reader");
    Value row = next_row(in, reader);
    while (row.as<lang::List>()->items.empty())
        row = next_row(in, reader);
    in.setattr(self, lang::intern("line_num"), Value::integer(reader.as<ReaderObj>()->line_num));
    auto& values = row.as<lang::List>()->items;
    std::vector<Value> keys = names.is_none() ? std::vector<Value>{} : in.to_vector(names);
    Ref<lang::Dict> d = lang::make<lang::Dict>();
    size_t n = std::min(keys.size(), values.size());
    for (size_t i = 0; i < n; ++i)
        d->set(in, keys[i], values[i]);
    if (values.size() > keys.size()) {
        std::vector<Value> rest(values.begin() + static_cast<long>(keys.size()), values.end());
        d->set(in, in.getattr(self, "restkey"), lang::new_list(std::move(rest)));
    } else {
        Value restval = in.getattr(self, "restval");
        for (size_t i = values.size(); i < keys.size(); ++i)
            d->set(in, keys[i], restval);
    }
    return Value(d.get());
}

Type* dictreader_type() {
    static Type* t = [] {
        lang::TypeBuilder b("DictReader", {}, "csv");
        b.instance_dict(true)
            .method("__init__", dictreader_init)
            .method(
                "__iter__", +[](Interpreter&, const Value& s, Args&) { return s; })
            .method("__next__", dictreader_next)
            .property("fieldnames", dictreader_fieldnames,
                      [](Interpreter& in, const Value& s, const Value& v) {
                          in.setattr(s, lang::intern("_fieldnames"), v);
                      });
        return b.build();
    }();
    return t;
}

Value dictwriter_init(Interpreter& in, const Value& self, Args& args) {
    Value p[5];
    std::vector<lang::KwArg> fmt =
        dialect_kwargs(args, {"f", "fieldnames", "restval", "extrasaction", "dialect"});
    std::vector<lang::KwArg> own;
    for (auto& k : args.kw)
        if (k.name->s == "f" || k.name->s == "fieldnames" || k.name->s == "restval" ||
            k.name->s == "extrasaction" || k.name->s == "dialect")
            own.push_back(k);
    Args a{args.pos, own};
    lang::parse_args(in, "DictWriter", a, {"f", "fieldnames", "restval", "extrasaction", "dialect"},
                     2, p);
    std::string action = p[3].empty() ? "raise" : in.str(p[3]);
    for (auto& c : action)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (action != "raise" && action != "ignore")
        in.raise("ValueError", "extrasaction (" + in.str(p[3]) + ") must be 'raise' or 'ignore'");
    in.setattr(self, lang::intern("fieldnames"), p[1]);
    in.setattr(self, lang::intern("restval"), p[2].empty() ? lang::new_str("") : p[2]);
    in.setattr(self, lang::intern("extrasaction"), lang::new_str(action));
    in.setattr(self, lang::intern("writer"), make_writer(in, p[0], p[4], fmt));
    return Value::none();
}

Value dict_row(Interpreter& in, const Value& self, const Value& rowdict) {
    std::vector<Value> names = in.to_vector(in.getattr(self, "fieldnames"));
    if (in.str(in.getattr(self, "extrasaction")) == "raise") {
        std::vector<std::string> wrong;
        for (auto& key : in.to_vector(rowdict)) {
            bool known = false;
            for (auto& n : names)
                known = known || in.eq(n, key);
            if (!known) wrong.push_back(in.repr(key));
        }
        if (!wrong.empty()) {
            std::string msg = "dict contains fields not in fieldnames: ";
            for (size_t i = 0; i < wrong.size(); ++i)
                msg += (i ? ", " : "") + wrong[i];
            in.raise("ValueError", msg);
        }
    }
    Value restval = in.getattr(self, "restval");
    std::vector<Value> out;
    for (auto& n : names) {
        Value v = in.call_method(rowdict, "get", {n, restval});
        out.push_back(v);
    }
    return lang::new_list(std::move(out));
}

Value dictwriter_writeheader(Interpreter& in, const Value& self, Args&) {
    Value names = lang::new_list(in.to_vector(in.getattr(self, "fieldnames")));
    return write_row(in, in.getattr(self, "writer").as<WriterObj>(), names);
}

Value dictwriter_writerow(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "writerow", args, {"rowdict"}, 1, p);
    return write_row(in, in.getattr(self, "writer").as<WriterObj>(), dict_row(in, self, p[0]));
}

Value dictwriter_writerows(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "writerows", args, {"rowdicts"}, 1, p);
    WriterObj* w = in.getattr(self, "writer").as<WriterObj>();
    for (auto& row : in.to_vector(p[0]))
        write_row(in, w, dict_row(in, self, row));
    return Value::none();
}

Type* dictwriter_type() {
    static Type* t = lang::TypeBuilder("DictWriter", {}, "csv")
                         .instance_dict(true)
                         .method("__init__", dictwriter_init)
                         .method("writeheader", dictwriter_writeheader)
                         .method("writerow", dictwriter_writerow)
                         .method("writerows", dictwriter_writerows)
                         .build();
    return t;
}

void make_csv_module(Interpreter&, lang::Module& m) {
    def_fn(m, "reader", csv_reader);
    def_fn(m, "writer", csv_writer);
    def_value(m, "DictReader", Value(dictreader_type()));
    def_value(m, "DictWriter", Value(dictwriter_type()));
    def_value(m, "Error", Value(error_type()));
    def_value(m, "QUOTE_MINIMAL", Value::integer(kQuoteMinimal));
    def_value(m, "QUOTE_ALL", Value::integer(kQuoteAll));
    def_value(m, "QUOTE_NONNUMERIC", Value::integer(kQuoteNonNumeric));
    def_value(m, "QUOTE_NONE", Value::integer(kQuoteNone));
    def_fn(
        m, "list_dialects", +[](Interpreter&, const Value&, Args&) {
            return lang::new_list(
                {lang::new_str("excel"), lang::new_str("excel-tab"), lang::new_str("unix")});
        });
}

} // namespace

void register_csv_module(Interpreter& in) {
    in.register_builtin_module("csv", make_csv_module);
}

} // namespace ormsh::api::stdlib
