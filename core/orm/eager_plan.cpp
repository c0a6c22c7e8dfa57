// Building the eager-loading tree from loader options and relationship defaults.
#include "core/orm/eager_plan.h"

#include <algorithm>

namespace ormsh::orm {

namespace {

bool loads_eagerly(LoadStrategy s) {
    return s == LoadStrategy::Joined || s == LoadStrategy::Selectin;
}

std::vector<LoaderNode> build_level(const Mapper& mapper,
                                    const std::vector<const LoaderOption*>& options,
                                    std::size_t depth, std::vector<const Mapper*>& chain) {
    std::vector<LoaderNode> nodes;
    for (const auto& owned : mapper.relationships()) {
        const RelationshipProperty* rel = owned.get();
        const LoaderOption* explicit_option = nullptr;
        std::vector<const LoaderOption*> nested;
        for (const LoaderOption* o : options) {
            if (o->path.size() <= depth || o->path[depth] != rel) continue;
            if (o->path.size() == depth + 1)
                explicit_option = o;
            else
                nested.push_back(o);
        }
        const Mapper* target = rel->target();
        if (!target) continue;
        LoadStrategy strategy = explicit_option ? explicit_option->strategy : rel->config().lazy;
        if (!loads_eagerly(strategy)) continue;
        bool revisits = std::find(chain.begin(), chain.end(), target) != chain.end();
        if (!explicit_option && revisits) continue;
        LoaderNode node{rel, strategy, {}};
        chain.push_back(target);
        node.children = build_level(*target, nested, depth + 1, chain);
        chain.pop_back();
        nodes.push_back(std::move(node));
    }
    return nodes;
}

void collect_options(const LoaderNode& node, std::vector<const RelationshipProperty*>& path,
                     std::vector<LoaderOption>& out) {
    path.push_back(node.rel);
    out.push_back(LoaderOption{path, node.strategy});
    for (const auto& child : node.children)
        collect_options(child, path, out);
    path.pop_back();
}

} // namespace

std::vector<LoaderNode> eager_tree(const Mapper& mapper, const std::vector<LoaderOption>& options) {
    std::vector<const LoaderOption*> all;
    for (const auto& o : options)
        all.push_back(&o);
    std::vector<const Mapper*> chain{&mapper};
    return build_level(mapper, all, 0, chain);
}

std::vector<LoaderOption> options_below(const LoaderNode& node) {
    std::vector<LoaderOption> out;
    std::vector<const RelationshipProperty*> path;
    for (const auto& child : node.children)
        collect_options(child, path, out);
    return out;
}

} // namespace ormsh::orm
