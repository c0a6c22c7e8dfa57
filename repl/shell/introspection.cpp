// The `_ormsh_shell` helper module. Its functions take the interactive namespace or an engine
// and return plain strings and lists, which the C++ side prints.
#include "repl/shell/introspection.h"

namespace ormsh::shell {
namespace {

constexpr const char* kHelperSource = R"py(
import sqlalchemy
import _ormsh_orm


def engine_of(ns):
    engine = ns.get('engine')
    if engine is None and ns.get('db') is not None:
        engine = ns['db'].engine
    if engine is None:
        raise RuntimeError('no database: start ormsh with --db URL or use .open URL')
    return engine


def tables(ns):
    return sorted(sqlalchemy.inspect(engine_of(ns)).get_table_names())


def schema(ns, name):
    engine = engine_of(ns)
    names = [name] if name else tables(ns)
    out = []
    for table_name in names:
        if table_name not in sqlalchemy.inspect(engine).get_table_names():
            raise LookupError('no such table: %s' % table_name)
        table = sqlalchemy.Table(table_name, sqlalchemy.MetaData(), autoload_with=engine)
        lines = []
        for column in table.columns:
            line = '    %s %s' % (column.name, column.type)
            if not column.nullable and not column.primary_key:
                line += ' NOT NULL'
            lines.append(line)
        keys = [column.name for column in table.primary_key]
        if keys:
            lines.append('    PRIMARY KEY (%s)' % ', '.join(keys))
        for fk in table.foreign_keys:
            lines.append('    FOREIGN KEY (%s) REFERENCES %s (%s)'
                         % (fk.parent.name, fk.column.table.name, fk.column.name))
        out.append('CREATE TABLE %s (\n%s\n);' % (table_name, ',\n'.join(lines)))
    return '\n'.join(out)


def is_model(value):
    return isinstance(value, type) and _ormsh_orm.is_mapped(value)


def models(ns):
    found = {}
    for name, value in list(ns.items()):
        if is_model(value) and not name.startswith('_'):
            found[name] = value
    return found


def model_names(ns):
    return sorted(models(ns))


def model_lines(ns):
    lines = []
    for name, cls in sorted(models(ns).items()):
        lines.append('%-20s table %s' % (name, cls.__table__.name))
    return lines


def relationship_names(cls):
    return [name for name, target, uselist in _ormsh_orm.relationships(cls)]


def column_names(cls):
    return [column.key for column in cls.__table__.columns]


def run_sql(ns, sql):
    db = ns.get('db')
    session = db.session if db is not None else ns.get('session')
    if session is None:
        raise RuntimeError('no session: start ormsh with --db URL or use .open URL')
    result = session.execute(sqlalchemy.text(sql))
    keys = list(result.keys())
    if keys:
        return result.fetchall()
    return result.rowcount


def describe(ns, name):
    cls = models(ns).get(name)
    if cls is None:
        raise LookupError('no model named %r (see .models)' % name)
    table = cls.__table__
    lines = ['%s (table %s)' % (name, table.name)]
    width = max([len(column.key) for column in table.columns] + [4])
    for column in table.columns:
        notes = []
        if column.primary_key:
            notes.append('primary key')
        for fk in column.foreign_keys:
            notes.append('-> %s.%s' % (fk.column.table.name, fk.column.name))
        if not column.nullable and not column.primary_key:
            notes.append('not null')
        if getattr(column, 'unique', False):
            notes.append('unique')
        lines.append('  %s  %-14s %s' % (column.key.ljust(width), column.type, ', '.join(notes)))
    rels = _ormsh_orm.relationships(cls)
    if rels:
        lines.append('relationships:')
        for rel_name, target_cls, uselist in rels:
            target = target_cls.__name__ if target_cls is not None else '?'
            shape = 'list of %s' % target if uselist else target
            lines.append('  %s  %s' % (rel_name.ljust(width), shape))
    return '\n'.join(lines)
)py";

} // namespace

lang::Module& shell_helpers(lang::Interpreter& in) {
    static lang::Module* helpers = nullptr;
    if (!helpers) {
        lang::Ref<lang::Module> m = lang::make<lang::Module>("_ormsh_shell");
        in.exec_in_module(kHelperSource, "<ormsh shell helpers>", *m);
        helpers = m.get();
        helpers->incref(); // intentionally leaked: lives as long as the process
    }
    return *helpers;
}

lang::Value call_helper(lang::Interpreter& in, const char* name,
                        std::initializer_list<lang::Value> args) {
    lang::Value fn = shell_helpers(in).dict->get_str(lang::intern(name));
    return in.call(fn, args);
}

std::vector<std::string> helper_strings(lang::Interpreter& in, const char* name,
                                        std::initializer_list<lang::Value> args) {
    std::vector<std::string> out;
    try {
        for (const lang::Value& v : in.to_vector(call_helper(in, name, args)))
            if (lang::is_str(v)) out.push_back(lang::as_str(v)->s);
    } catch (lang::PyException&) {
    }
    return out;
}

} // namespace ormsh::shell
