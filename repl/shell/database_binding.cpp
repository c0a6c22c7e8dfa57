// Pre-binding a database in the interactive namespace. The automap base has a MetaData of its
// own, so a model the user then declares on db.Model for an existing table does not collide
// with the reflected one; the reflected classes still get Flask-SQLAlchemy's `Model.query`.
#include "repl/shell/database_binding.h"

namespace ormsh::shell {
namespace {

constexpr const char* kBindSource = R"py(
import flask as _ormsh_flask
import flask_sqlalchemy as _ormsh_flask_sqlalchemy
import sqlalchemy.ext.automap as _ormsh_automap
app = _ormsh_flask.Flask('ormsh')
app.config['SQLALCHEMY_DATABASE_URI'] = _ormsh_url
db = _ormsh_flask_sqlalchemy.SQLAlchemy(app)
engine = db.engine
session = db.session
Base = _ormsh_automap.automap_base()
Base.query = db.session.query_property()
Base.prepare(autoload_with=engine)
)py";

// Names the shell binds itself; a table with one of these names keeps its class only in
// Base.classes.
constexpr const char* kReservedNames[] = {"app", "db", "engine", "session", "Base"};

} // namespace

BoundDatabase bind_database(lang::Interpreter& in, const std::string& url) {
    lang::Dict& globals = in.globals();
    globals.set_str(lang::intern("_ormsh_url"), lang::new_str(url));
    in.exec_in_module(kBindSource, "<ormsh --db>", in.main_module());
    for (const char* name :
         {"_ormsh_url", "_ormsh_flask", "_ormsh_flask_sqlalchemy", "_ormsh_automap"})
        globals.remove_str(lang::intern(name));

    BoundDatabase bound;
    bound.url = url;
    lang::Value classes = in.getattr(globals.get_str(lang::intern("Base")), "classes");
    for (const lang::Value& item : in.to_vector(in.call_method(classes, "items", {}))) {
        std::vector<lang::Value> pair = in.to_vector(item);
        std::string name = in.str(pair[0]);
        bool reserved = false;
        for (const char* r : kReservedNames)
            reserved = reserved || name == r;
        if (reserved || !globals.get_str(lang::intern(name)).empty()) {
            bound.skipped.push_back(name);
            continue;
        }
        globals.set_str(lang::intern(name), pair[1]);
        bound.models.push_back(name);
    }
    return bound;
}

} // namespace ormsh::shell
