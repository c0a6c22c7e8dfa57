// Attribute-site inline caches (attr_cache.h): classification of a class's attribute into the
// cases the evaluator handles directly, and the cached load and store paths. Everything the
// classification reads (the MRO's dicts, descriptor types) is covered by type_epoch, so a
// site stays exact until some class changes; anything unusual takes Interpreter::getattr /
// setattr, which remain the reference behaviour.
#include "repl/lang/attr_cache.h"

#include "repl/lang/interpreter.h"

#include <cstddef>
#include <deque>

namespace ormsh::lang {

namespace {

Str* dunder_getattr() {
    static Str* const s = intern("__getattr__");
    return s;
}
Str* dunder_setattr() {
    static Str* const s = intern("__setattr__");
    return s;
}

AttrLoad classify_load(const Value& d, const NativeDescriptorHooks* hooks) {
    if (d.empty()) return AttrLoad::InstanceDict;
    if (!d.is_obj()) return AttrLoad::ClassValue;
    if (hooks) return AttrLoad::NativeHook;
    Type* dt = d.obj()->type;
    switch (dt->layout) {
    case Layout::Property:
        return AttrLoad::Property;
    case Layout::NativeProperty:
        return AttrLoad::NativeProperty;
    case Layout::Function:
        return AttrLoad::Method;
    case Layout::NativeFunction:
        return d.as<NativeFunction>()->is_method ? AttrLoad::Method : AttrLoad::ClassValue;
    case Layout::ClassMethod:
    case Layout::StaticMethod:
        return AttrLoad::Generic;
    case Layout::Str:
    case Layout::Tuple:
    case Layout::List:
    case Layout::Dict:
    case Layout::Type:
        return AttrLoad::ClassValue;
    default:
        // Python classes and plain objects may define __get__ (and __set__).
        if (dt->heap || dt->layout == Layout::Object) return AttrLoad::Generic;
        return AttrLoad::ClassValue;
    }
}

AttrStore classify_store(Type* t, const Value& d, const NativeDescriptorHooks* hooks) {
    if (t->heap || t->instance_dict) {
        Value sa = t->lookup(dunder_setattr());
        if (!sa.empty() &&
            (!has_layout(sa, Layout::NativeFunction) || sa.as<NativeFunction>()->closure))
            return AttrStore::Generic;
    }
    if (t->layout == Layout::Function) return AttrStore::Generic;
    if (d.is_obj()) {
        if (hooks) return AttrStore::NativeHook;
        Layout l = d.obj()->type->layout;
        if (l == Layout::Property) return AttrStore::Property;
        if (l == Layout::NativeProperty || is_data_descriptor(d)) return AttrStore::Generic;
    }
    if (!t->heap && !t->instance_dict) return AttrStore::Generic;
    return AttrStore::InstanceDict;
}

// The instance dict's value for the site's name (null when absent), through the entry the
// site remembers while the dict's layout holds. The site keeps to the first dict it learnt (it
// relearns only that dict's new layout): a site that sees a new object every time (self.x in a
// method) then costs one comparison more, not a rewrite of the site per access.
inline const Value* find_in_instance_dict(AttrSite& site, Object* attrs, Str* name) {
    const auto* d = static_cast<const Dict*>(attrs);
    if (d != site.dict && site.dict) return d->find_str(name);
    if (site.dict && d->keys_version == site.dict_version) return &d->entries[site.dict_ix].value;
    const Value* v = d->find_str(name);
    if (v) {
        auto* entry = reinterpret_cast<const Dict::Entry*>(reinterpret_cast<const char*>(v) -
                                                           offsetof(Dict::Entry, value));
        site.dict = d;
        site.dict_version = d->keys_version;
        site.dict_ix = static_cast<size_t>(entry - d->entries.data());
    }
    return v;
}

} // namespace

AttrSite* new_attr_site() {
    static auto* sites = new std::deque<AttrSite>();
    return &sites->emplace_back();
}

NameSite* new_name_site() {
    static auto* sites = new std::deque<NameSite>();
    return &sites->emplace_back();
}

void fill_attr_site(AttrSite& site, Type* t, Str* name) {
    site.type = t;
    site.epoch = type_epoch();
    site.descr = Value();
    site.hooks = nullptr;
    site.load = AttrLoad::Generic;
    site.store = AttrStore::Generic;
    // Classes, modules and super objects resolve attributes their own way.
    if (t->layout == Layout::Type || t == Types::type || t->layout == Layout::Module ||
        t->layout == Layout::Super)
        return;
    site.descr = t->lookup(name);
    if (site.descr.is_obj()) site.hooks = native_descriptor_hooks(site.descr.obj()->type);
    site.load = classify_load(site.descr, site.hooks);
    // __getattr__ runs only when the normal lookup fails. The instance dict, a plain class value
    // and a method cannot fail, and a miss of the instance dict goes the generic way; getters
    // that may raise AttributeError (and so reach __getattr__) stay generic. Proxies such as
    // scoped_session and Flask-SQLAlchemy's SQLAlchemy object keep their cached sites this way.
    bool has_getattr = (t->heap || t->instance_dict) && !t->lookup(dunder_getattr()).empty();
    if (has_getattr && site.load != AttrLoad::InstanceDict && site.load != AttrLoad::ClassValue &&
        site.load != AttrLoad::Method)
        site.load = AttrLoad::Generic;
    site.store = classify_store(t, site.descr, site.hooks);
}

AttrSite& Interpreter::attr_site(Node* n, Type* t) {
    if (!n->site) n->site = new_attr_site();
    AttrSite& site = *n->site;
    if (!site.valid_for(t)) fill_attr_site(site, t, n->name);
    return site;
}

Value Interpreter::load_attr(Node* n, const Value& obj) {
    Object* o = obj.obj_or_null();
    if (o) {
        AttrSite& site = attr_site(n, o->type);
        switch (site.load) {
        case AttrLoad::InstanceDict:
            if (o->attrs)
                if (const Value* v = find_in_instance_dict(site, o->attrs, n->name)) return *v;
            break;
        case AttrLoad::ClassValue:
            if (o->attrs)
                if (const Value* v = find_in_instance_dict(site, o->attrs, n->name)) return *v;
            return site.descr;
        case AttrLoad::Method:
            if (o->attrs)
                if (const Value* v = find_in_instance_dict(site, o->attrs, n->name)) return *v;
            return Value::steal(new BoundMethod(obj, site.descr));
        case AttrLoad::Property: {
            Value d = site.descr; // the getter may change the class and refill this site
            Property* p = d.as<Property>();
            if (p->fget.empty()) break;
            Value fget = p->fget;
            return call(fget, {obj});
        }
        case AttrLoad::NativeProperty: {
            Value d = site.descr;
            return d.as<NativeProperty>()->get(*this, obj);
        }
        case AttrLoad::NativeHook: {
            Value d = site.descr;
            return site.hooks->get(*this, d, obj, o->type);
        }
        case AttrLoad::Generic:
            break;
        }
    }
    return getattr(obj, n->name);
}

void Interpreter::store_attr(Node* n, const Value& obj, Value v) {
    Object* o = obj.obj_or_null();
    if (o) {
        AttrSite& site = attr_site(n, o->type);
        switch (site.store) {
        case AttrStore::InstanceDict:
            if (!o->attrs) {
                o->attrs = new Dict();
                o->attrs->incref();
                o->track(); // an instance dict can close a reference cycle
            }
            static_cast<Dict*>(o->attrs)->set_str(n->name, std::move(v));
            return;
        case AttrStore::Property: {
            Value d = site.descr;
            Property* p = d.as<Property>();
            if (p->fset.empty()) break;
            Value fset = p->fset;
            call(fset, {obj, v});
            return;
        }
        case AttrStore::NativeHook: {
            Value d = site.descr;
            site.hooks->set(*this, d, obj, v);
            return;
        }
        case AttrStore::Generic:
            break;
        }
    }
    setattr(obj, n->name, std::move(v));
}

} // namespace ormsh::lang
