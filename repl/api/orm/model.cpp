// Declarative mapping: turning a class statement into a Table, an orm::Mapper and
// instrumented attributes, and making ModelObj instances.
#include "repl/api/orm/model.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <new>
#include <typeinfo>

#include <fmt/core.h>

#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/orm/annotated_declarative.h"
#include "repl/api/orm/attribute_objects.h"
#include "repl/api/orm/declared_attr.h"
#include "repl/api/orm/events.h"
#include "repl/api/orm/relationship_object.h"

namespace ormsh::api {
namespace {

// False once configure_mappers() found every registry configured, until a class is mapped or a
// registry made: session.add() asks once per object.
bool g_maybe_unconfigured = true;

// Every registry made in this process, for configure_mappers() and mapping_of().
// Never destroyed: at process exit they would release Python objects after the interpreter
// is gone.
std::vector<std::weak_ptr<DeclarativeRegistry>>& all_registries() {
    static auto* registries = new std::vector<std::weak_ptr<DeclarativeRegistry>>();
    return *registries;
}

// The registries kept alive by their base classes (a Type holds no C++ pointer of ours).
std::vector<std::shared_ptr<DeclarativeRegistry>>& owned_registries() {
    static auto* registries = new std::vector<std::shared_ptr<DeclarativeRegistry>>();
    return *registries;
}

bool is_column(const Value& v) {
    return v.is_obj() && v.obj()->type->is_subtype(api_types().column);
}

// A copy of a mixin's column for one mapped class (a column belongs to one table).
schema::ColumnPtr copy_column(const schema::Column& c) {
    auto copy = schema::Column::make(c.name, c.type);
    copy->key = c.key;
    copy->primary_key = c.primary_key;
    copy->autoincrement = c.autoincrement;
    copy->nullable_flag = c.nullable_flag;
    copy->unique = c.unique;
    copy->index = c.index;
    copy->default_value = c.default_value;
    copy->onupdate = c.onupdate;
    copy->server_default = c.server_default;
    copy->server_onupdate = c.server_onupdate;
    copy->comment = c.comment;
    for (const auto& fk : c.foreign_keys()) {
        auto fk_copy = std::make_shared<schema::ForeignKey>(fk->target_fullname());
        fk_copy->name = fk->name;
        fk_copy->ondelete = fk->ondelete;
        fk_copy->onupdate = fk->onupdate;
        copy->add_foreign_key(fk_copy);
    }
    return copy;
}

Value make_table_object(const schema::TablePtr& table, const Value& metadata) {
    auto* t = new TableObj(api_types().table);
    t->table = table;
    t->node = sql::table(table);
    t->metadata = metadata;
    Value table_value = Value::steal(t);
    if (auto* md = dynamic_cast<MetaDataObj*>(metadata.obj_or_null())) {
        if (!md->tables) md->tables = lang::make<lang::Dict>();
        md->tables->set_str(table->name(), table_value);
    }
    return table_value;
}

void set_class_attr(lang::Type& cls, const std::string& name, Value v) {
    cls.dict->set_str(lang::intern(name), std::move(v));
    lang::type_modified();
}

Value lookup_in_mro(const lang::Type& cls, std::string_view name) {
    return cls.lookup(name);
}

} // namespace

// --- ModelObj ---------------------------------------------------------------------------------

std::string ModelObj::describe() const {
    return fmt::format("<{} at 0x{:x}>", type->name, reinterpret_cast<std::uintptr_t>(this));
}

ModelObj* ModelObj::make(lang::Type* cls, const orm::Mapper& mapper) {
    // The state is the last member, with no padding after it: its slots follow the object.
    static_assert(sizeof(ModelObj) ==
                      sizeof(lang::Object) + sizeof(orm::InstanceHost) + sizeof(orm::InstanceState),
                  "slots follow the state");
    void* memory = ::operator new(sizeof(ModelObj) + orm::InstanceState::slot_storage_size(mapper));
    // Not tracked by the cycle collector until it references another object: a row of a large
    // seed never does.
    return new (memory) ModelObj(cls, mapper);
}

void ModelObj::traverse(lang::Visitor& v) {
    Object::traverse(v);
    state_.for_each_reference([&](orm::InstanceState& s) { v.visit(&model_of(s)); });
}

void ModelObj::clear_refs() {
    state_.clear_references();
    Object::clear_refs();
}

ModelObj* as_model(const lang::Value& v) {
    if (!v.is_obj()) return nullptr;
    lang::Object* o = v.obj();
    // Mapped instances are exactly ModelObj: comparing the dynamic type is cheaper than the
    // cast, which runs on every attribute access.
    if (typeid(*o) == typeid(ModelObj)) return static_cast<ModelObj*>(o);
    return dynamic_cast<ModelObj*>(o);
}

ModelObj& require_model(Interpreter& in, const lang::Value& v) {
    if (ModelObj* m = as_model(v)) return *m;
    std::string module = v.type()->module;
    in.raise(exc_type(in, "UnmappedInstanceError"),
             fmt::format("Class '{}.{}' is not mapped", module, v.type()->name));
}

// --- registries ---------------------------------------------------------------------------------

ClassMapping* DeclarativeRegistry::find(const lang::Type* cls) const {
    for (const auto& c : classes)
        if (c->cls == cls) return c.get();
    return nullptr;
}

ClassMapping* DeclarativeRegistry::find(std::string_view class_name) const {
    for (const auto& c : classes)
        if (c->cls->name == class_name) return c.get();
    return nullptr;
}

ClassMapping* mapping_of(const lang::Type* cls) {
    for (lang::Type* t : cls->mro) {
        for (const auto& weak : all_registries()) {
            if (auto reg = weak.lock())
                if (ClassMapping* m = reg->find(t)) return m;
        }
    }
    return nullptr;
}

void for_each_registry(const std::function<void(DeclarativeRegistry&)>& fn) {
    for (const auto& weak : all_registries())
        if (auto reg = weak.lock()) fn(*reg);
}

const orm::Mapper* find_mapper_for_table(const schema::Table* table) {
    for (const auto& weak : all_registries()) {
        if (auto reg = weak.lock())
            if (orm::Mapper* m = reg->mappers.find_by_table(*table)) return m;
    }
    return nullptr;
}

std::string camel_to_snake(const std::string& name) {
    // Flask-SQLAlchemy 3: insert "_" before an upper-case letter that follows a lower-case
    // letter or digit, or that starts a new word after an acronym ("HTTPRequest" ->
    // "http_request"), then lower-case everything.
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        bool upper = std::isupper(static_cast<unsigned char>(c));
        if (upper && i > 0) {
            char prev = name[i - 1];
            bool prev_lower = std::islower(static_cast<unsigned char>(prev)) ||
                              std::isdigit(static_cast<unsigned char>(prev));
            bool next_lower = i + 1 < name.size() &&
                              std::islower(static_cast<unsigned char>(name[i + 1]));
            bool prev_upper = std::isupper(static_cast<unsigned char>(prev));
            if (prev_lower || (prev_upper && next_lower)) out += '_';
        }
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// --- mapping a class ----------------------------------------------------------------------------

void map_declarative_class(Interpreter& in, lang::Type& cls, DeclarativeRegistry& registry) {
    lang::Dict& ns = *cls.dict;
    Value abstract = ns.get_str("__abstract__");
    if (!abstract.empty() && in.truthy(abstract)) return;

    // Columns and relationships: mixins' first (base to derived), then the class's own.
    struct Found {
        std::string key;
        Value value;
        bool own;
        bool declared;     // made by a declared_attr for this class
        std::size_t depth; // 0 for the class itself, then its bases' places in the MRO
        int sort_order;    // mapped_column(sort_order=)
    };
    std::vector<Found> found;
    for (std::size_t depth = cls.mro.size(); depth-- > 0;) {
        lang::Type* t = cls.mro[depth];
        if (t == lang::Types::object || mapping_of(t) || t->dict.get() == nullptr) continue;
        if (t != &cls && !t->heap) continue;
        for (auto& attr : declared_attributes(in, *t, cls, registry)) {
            const std::string& key = attr.key;
            bool rel = attr.value.is_obj() && dynamic_cast<RelationshipObj*>(attr.value.obj());
            bool declared = is_declared_attr(attr.value) && !key.starts_with("__");
            if (!is_column(attr.value) && !rel && !declared) continue;
            // 1.4's rule for Column objects on mixins; 2.0's mapped_column() copies them.
            if (t != &cls && !registry.strict_annotations && is_column(attr.value) &&
                !static_cast<ColumnObj*>(attr.value.obj())->column->foreign_keys().empty())
                in.raise(exc_type(in, "InvalidRequestError"),
                         "Columns with foreign keys to other columns must be declared as "
                         "@declared_attr callables on declarative mixin classes.  For dataclass "
                         "field() objects, use a lambda:.");
            std::erase_if(found, [&](const Found& f) { return f.key == key; });
            found.push_back(Found{key, attr.value, t == &cls, declared, depth, attr.sort_order});
        }
    }
    // declared_attr: called with this class, so it gets a column or relationship of its own.
    // Its columns come after the others, as SQLAlchemy orders columns by creation. Any other
    // value it returns becomes a plain class attribute.
    for (auto& f : found) {
        if (!f.declared) continue;
        f.value = evaluate_declared_attr(in, f.value, cls);
        f.own = true;
        if (!is_column(f.value) && !dynamic_cast<RelationshipObj*>(f.value.obj_or_null())) {
            set_class_attr(cls, f.key, f.value);
            f.key.clear();
        }
    }
    std::erase_if(found, [](const Found& f) { return f.key.empty(); });
    std::stable_partition(found.begin(), found.end(), [](const Found& f) { return !f.declared; });
    // SQLAlchemy 2.0 places the class's own columns first, then its mixins' (1.4 keeps the
    // order the Column objects were made in: mixins first); sort_order= comes before both.
    if (registry.strict_annotations)
        std::stable_sort(found.begin(), found.end(),
                         [](const Found& a, const Found& b) { return a.depth < b.depth; });
    std::stable_sort(found.begin(), found.end(),
                     [](const Found& a, const Found& b) { return a.sort_order < b.sort_order; });

    // Checked before anything is registered: a failed class statement leaves no mapping.
    for (const auto& f : found) {
        auto* rel = dynamic_cast<RelationshipObj*>(f.value.obj_or_null());
        if (rel && (rel->argument.empty() || rel->argument.is_none()))
            in.raise(exc_type(in, "ArgumentError"),
                     fmt::format("relationship '{}' expects a class or a mapper argument "
                                 "(received: <class 'NoneType'>)",
                                 f.key));
    }

    Value explicit_table = ns.get_str("__table__");
    schema::TablePtr table;
    Value table_value;
    if (!explicit_table.empty() && dynamic_cast<TableObj*>(explicit_table.obj_or_null())) {
        table_value = explicit_table;
        table = static_cast<TableObj*>(explicit_table.obj())->table;
    } else {
        std::string tablename;
        Value tn = evaluate_declared_attr(in, lookup_in_mro(cls, "__tablename__"), cls);
        if (!tn.empty() && lang::is_str(tn)) {
            tablename = lang::as_str(tn)->s;
        } else if (registry.snake_case_tablenames) {
            tablename = camel_to_snake(cls.name);
        } else {
            in.raise(exc_type(in, "InvalidRequestError"),
                     fmt::format("Class <class '{}.{}'> does not have a __table__ or __tablename__ "
                                 "specified and does not inherit from an existing table-mapped "
                                 "class.",
                                 cls.module, cls.name));
        }
        std::vector<schema::ColumnPtr> columns;
        for (const auto& f : found) {
            if (!is_column(f.value)) continue;
            auto* col = static_cast<ColumnObj*>(f.value.obj());
            schema::ColumnPtr column = col->column;
            if (!f.own || column->table()) column = copy_column(*column);
            if (column->name.empty()) column->name = f.key;
            if (column->key.empty()) column->key = column->name;
            columns.push_back(column);
        }
        auto* md = dynamic_cast<MetaDataObj*>(registry.metadata.obj_or_null());
        if (!md) in.raise("RuntimeError", "declarative base has no MetaData");
        guard(in, [&] { table = schema::Table::make(*md->metadata, tablename, columns); });
        table_value = make_table_object(table, registry.metadata);
        // Own columns now belong to the table: their Python objects become its columns.
        for (const auto& f : found) {
            if (!f.own || !is_column(f.value)) continue;
            auto* col = static_cast<ColumnObj*>(f.value.obj());
            if (col->column->table() == table.get()) col->node = nullptr;
        }
        Value args = evaluate_declared_attr(in, lookup_in_mro(cls, "__table_args__"), cls);
        if (!args.empty()) apply_table_args(in, table_value, args);
    }
    if (table->primary_key().empty()) {
        // SQLAlchemy 2.0 names the mapper Mapper[User(user)]; 1.4 "mapped class User->user".
        std::string mapper_name = registry.strict_annotations
                                      ? fmt::format("Mapper[{}({})]", cls.name, table->name())
                                      : fmt::format("mapped class {}->{}", cls.name, table->name());
        in.raise(exc_type(in, "ArgumentError"),
                 fmt::format("Mapper {} could not assemble any primary key columns for mapped "
                             "table '{}'",
                             mapper_name, table->name()));
    }

    auto mapper = std::make_unique<orm::Mapper>(cls.name, table);
    mapper->class_module = cls.module;
    mapper->class_handle = &cls;
    // Attribute keys: the class attribute name for declared columns, the column key otherwise.
    std::vector<std::pair<std::string, schema::ColumnPtr>> mapped;
    for (const auto& column : table->columns()) {
        std::string key = column->key;
        for (const auto& f : found) {
            if (!is_column(f.value)) continue;
            auto* col = static_cast<ColumnObj*>(f.value.obj());
            if (col->column == column || (col->column->name == column->name && !f.own))
                key = f.key;
        }
        mapped.emplace_back(key, column);
    }
    for (auto& [key, column] : mapped) mapper->add_column(key, column);

    orm::Mapper& m = registry.mappers.add(std::move(mapper));
    auto mapping = std::make_unique<ClassMapping>();
    mapping->cls = &cls;
    mapping->mapper = &m;
    mapping->registry = &registry;
    mapping->table = table_value;
    ClassMapping* cm = mapping.get();
    registry.classes.push_back(std::move(mapping));

    for (const auto& f : found) {
        auto* rel = dynamic_cast<RelationshipObj*>(f.value.obj_or_null());
        if (!rel) continue;
        orm::RelationshipConfig config = relationship_config(in, *rel, f.key);
        orm::RelationshipProperty* prop = nullptr;
        guard(in, [&] { prop = &m.add_relationship(std::move(config)); });
        registry.pending.push_back({&m, f.key, f.value});
        set_class_attr(cls, f.key, make_relationship_attribute(in, *cm, *prop));
    }
    for (const auto& prop : m.columns())
        set_class_attr(cls, prop.key, make_column_attribute(in, *cm, prop));
    set_class_attr(cls, "__table__", table_value);
    set_class_attr(cls, "__tablename__", lang::new_str(table->name()));
    registry.configured = false;
    g_maybe_unconfigured = true;
    note_class_mapped(in, *cm);
}

void configure_mappers(Interpreter& in) {
    if (!g_maybe_unconfigured) return;
    // Cleared first: a class mapped by a listener below sets it again.
    g_maybe_unconfigured = false;
    try {
        for (const auto& weak : all_registries()) {
            auto registry = weak.lock();
            if (!registry || registry->configured) continue;
            std::vector<orm::RelationshipProperty*> created;
            // Targets given as classes, lambdas or strings become class names first.
            for (auto& pending : registry->pending)
                resolve_relationship_target(in, *registry, pending);
            guard(in, [&] { created = registry->mappers.configure(); });
            for (orm::RelationshipProperty* back : created) {
                auto* cls = static_cast<lang::Type*>(back->parent().class_handle);
                ClassMapping* cm = registry->find(cls);
                if (cls && cm)
                    set_class_attr(*cls, back->key(), make_relationship_attribute(in, *cm, *back));
            }
            for (auto& pending : registry->pending)
                resolve_relationship_arguments(in, *registry, pending);
            registry->pending.clear();
            registry->configured = true;
            note_registry_configured(in, *registry);
        }
    } catch (...) {
        g_maybe_unconfigured = true;
        throw;
    }
}

namespace {

lang::Object* alloc_model(lang::Type* cls) {
    Interpreter& in = Interpreter::current();
    // A seed loop makes one class's instances over and over: remember the last class's mapping
    // (mappings live as long as the process, see owned_registries()).
    static const lang::Type* last_class = nullptr;
    static ClassMapping* last_mapping = nullptr;
    ClassMapping* mapping = cls == last_class ? last_mapping : mapping_of(cls);
    if (!mapping)
        in.raise(exc_type(in, "InvalidRequestError"),
                 fmt::format("Class '{}' is not mapped", cls->name));
    last_class = cls;
    last_mapping = mapping;
    if (!mapping->registry->configured) configure_mappers(in);
    return ModelObj::make(cls, *mapping->mapper);
}

// Whether `cls` has no __setattr__ of its own (only object's native one), so that setting an
// attribute is the plain descriptor protocol.
bool sets_attributes_plainly(const lang::Type& cls) {
    static lang::Str* const name = lang::intern("__setattr__");
    Value setattr = cls.lookup(name);
    return setattr.empty() || (lang::has_layout(setattr, lang::Layout::NativeFunction) &&
                               !setattr.as<lang::NativeFunction>()->closure);
}

// What model_init resolved for the keywords of one class, valid while no class changes (the
// type epoch also moves when a class is made, so a class reusing a freed one's address
// misses). A seed loop constructs one class over and over with the same keywords: this skips
// the MRO lookups of __setattr__ and of every keyword per object.
struct InitPlan {
    const lang::Type* cls = nullptr;
    std::uint64_t epoch = 0;
    bool direct = false;
    // An interned keyword name and the mapped attribute it sets directly (nullptr: setattr).
    std::vector<std::pair<lang::Str*, AttributeObj*>> keywords;

    bool valid_for(const lang::Type* t) const { return cls == t && epoch == lang::type_epoch(); }
    void reset(const lang::Type* t, bool plain_setattr) {
        cls = t;
        epoch = lang::type_epoch();
        direct = plain_setattr;
        keywords.clear();
    }
    // The entry of `name`, looked for first where the keyword stood last time.
    const std::pair<lang::Str*, AttributeObj*>* find(lang::Str* name, std::size_t hint) const {
        if (hint < keywords.size() && keywords[hint].first == name) return &keywords[hint];
        for (const auto& entry : keywords)
            if (entry.first == name) return &entry;
        return nullptr;
    }
};

// The default constructor of mapped classes: keyword arguments set mapped attributes.
Value model_init(Interpreter& in, const Value& self, lang::Args& args) {
    if (!args.pos.empty())
        in.raise("TypeError", fmt::format("__init__() takes 1 positional argument but {} were given",
                                          args.pos.size() + 1));
    static auto* plan = new InitPlan();
    lang::Type* cls = self.type();
    ModelObj* model = as_model(self);
    for (std::size_t i = 0; i < args.kw.size(); ++i) {
        const auto& kw = args.kw[i];
        // Checked per keyword: a validator or listener run by the previous one may change a
        // class.
        if (!plan->valid_for(cls)) plan->reset(cls, model && sets_attributes_plainly(*cls));
        const auto* entry = kw.name->interned ? plan->find(kw.name, i) : nullptr;
        AttributeObj* target = entry ? entry->second : nullptr;
        if (!entry) {
            Value attr = cls->lookup(kw.name);
            if (attr.empty())
                in.raise("TypeError", fmt::format("'{}' is an invalid keyword argument for {}",
                                                  kw.name->s, cls->name));
            // A mapped attribute takes the value itself: what setattr would reach in the end.
            if (plan->direct && attr.type() == instrumented_attribute_type())
                target = static_cast<AttributeObj*>(attr.obj());
            if (kw.name->interned) plan->keywords.emplace_back(kw.name, target);
        }
        if (target)
            set_attribute(in, *target, *model, kw.value);
        else
            in.setattr(self, kw.name, kw.value);
    }
    return Value::none();
}

} // namespace

Value flask_model_repr(Interpreter& in, const Value& self, lang::Args&) {
    ModelObj& m = require_model(in, self);
    const orm::InstanceState& st = m.state_;
    std::string pk;
    if (st.status == orm::Status::Transient)
        pk = fmt::format("(transient {})", reinterpret_cast<std::uintptr_t>(&m));
    else if (st.status == orm::Status::Pending)
        pk = fmt::format("(pending {})", reinterpret_cast<std::uintptr_t>(&m));
    else if (st.has_identity()) {
        orm::IdentityKey key = st.identity();
        for (std::size_t i = 0; i < key.primary_key.size(); ++i) {
            if (i) pk += ", ";
            pk += in.str(from_db(in, key.primary_key[i]));
        }
    }
    return lang::new_str(fmt::format("<{} {}>", self.type()->name, pk));
}

void adopt_registry(std::shared_ptr<DeclarativeRegistry> registry) {
    g_maybe_unconfigured = true;
    all_registries().push_back(registry);
    owned_registries().push_back(std::move(registry));
}

lang::Type* make_model_base_type(const std::string& name, const std::string& module,
                                 lang::SubclassHook hook) {
    return lang::TypeBuilder(name, {}, module)
        .layout(lang::Layout::Object, alloc_model)
        .instance_dict(true)
        .method("__init__", model_init)
        .on_subclass_created(std::move(hook))
        .build();
}

lang::Type* make_declarative_base(Interpreter& in, const std::string& name,
                                  std::shared_ptr<DeclarativeRegistry> registry,
                                  lang::Type* extra_base) {
    adopt_registry(registry);
    DeclarativeRegistry* reg = registry.get();
    std::vector<lang::Type*> bases;
    if (extra_base) bases.push_back(extra_base);
    lang::TypeBuilder builder(name, bases, "sqlalchemy.orm.decl_api");
    builder.layout(lang::Layout::Object, alloc_model)
        .instance_dict(true)
        .method("__init__", model_init)
        .on_subclass_created(
            [reg](Interpreter& in, lang::Type& cls) { map_declarative_class(in, cls, *reg); });
    if (registry->snake_case_tablenames) builder.method("__repr__", flask_model_repr);
    lang::Type* base = builder.build();
    base->set_attr("metadata", registry->metadata);
    if (!registry->registry_object.empty()) base->set_attr("registry", registry->registry_object);
    (void)in;
    return base;
}

void map_class_to_table(Interpreter& in, lang::Type* cls, const Value& table_value,
                        const Value& properties, std::shared_ptr<DeclarativeRegistry> registry) {
    auto* table_obj = dynamic_cast<TableObj*>(table_value.obj_or_null());
    if (!table_obj) in.raise("TypeError", "mapper() needs a Table as its second argument");
    if (std::find_if(all_registries().begin(), all_registries().end(), [&](const auto& w) {
            return w.lock() == registry;
        }) == all_registries().end()) {
        all_registries().push_back(registry);
        owned_registries().push_back(registry);
    }
    // The class gets the model layout: instances made from now on are ModelObj.
    cls->alloc = alloc_model;
    if (cls->lookup("__init__").empty() || cls->lookup("__init__").type() != lang::Types::function)
        cls->set_attr("__init__", lang::make_native_function("__init__", model_init, true));
    auto mapper = std::make_unique<orm::Mapper>(cls->name, table_obj->table);
    mapper->class_module = cls->module;
    mapper->class_handle = cls;
    for (const auto& column : table_obj->table->columns()) mapper->add_column(column->key, column);
    orm::Mapper& m = registry->mappers.add(std::move(mapper));
    auto mapping = std::make_unique<ClassMapping>();
    mapping->cls = cls;
    mapping->mapper = &m;
    mapping->registry = registry.get();
    mapping->table = table_value;
    ClassMapping* cm = mapping.get();
    registry->classes.push_back(std::move(mapping));
    if (!properties.empty() && !properties.is_none()) {
        for (const Value& key : in.to_vector(properties)) {
            Value v = in.getitem(properties, key);
            auto* rel = dynamic_cast<RelationshipObj*>(v.obj_or_null());
            if (!rel) continue;
            std::string k = in.str(key);
            orm::RelationshipConfig config = relationship_config(in, *rel, k);
            orm::RelationshipProperty* prop = nullptr;
            guard(in, [&] { prop = &m.add_relationship(std::move(config)); });
            registry->pending.push_back({&m, k, v});
            set_class_attr(*cls, k, make_relationship_attribute(in, *cm, *prop));
        }
    }
    for (const auto& prop : m.columns())
        set_class_attr(*cls, prop.key, make_column_attribute(in, *cm, prop));
    set_class_attr(*cls, "__table__", table_value);
    registry->configured = false;
    g_maybe_unconfigured = true;
    note_class_mapped(in, *cm);
}

orm::StateRef ModelFactory::create(const orm::Mapper& mapper) {
    auto* cls = static_cast<lang::Type*>(mapper.class_handle);
    return orm::StateRef(&ModelObj::make(cls, mapper)->state_);
}

ModelFactory& model_factory() {
    static ModelFactory factory;
    return factory;
}

} // namespace ormsh::api
