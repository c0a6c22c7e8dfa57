// What the joinedload baselines build from the joined rows: each category with its posts, as
// the ORM's joined eager loader would, and the checksum every joinedload workload prints.
#pragma once

#include "bench/baselines/schema.h"

#include <unordered_map>
#include <vector>

namespace ormsh::bench {

struct Category {
    long id = 0;
    std::string name;
    std::vector<Post> posts;
};

// Collects joined rows into categories; a category without posts has a NULL post id.
class CategoryCollector {
public:
    Category& category(long id, const char* name) {
        auto [it, inserted] = index_.try_emplace(id, categories_.size());
        if (inserted) categories_.push_back(Category{id, name, {}});
        return categories_[it->second];
    }

    // Prints "<categories> <posts> <sum of post id + title length>" after touching every post.
    void print_checksum() const {
        long posts = 0, checksum = 0;
        for (const auto& c : categories_)
            for (const auto& p : c.posts) {
                ++posts;
                checksum += p.id + static_cast<long>(p.title.size());
            }
        std::printf("%zu %ld %ld\n", categories_.size(), posts, checksum);
    }

private:
    std::vector<Category> categories_;
    std::unordered_map<long, std::size_t> index_;
};

} // namespace ormsh::bench
