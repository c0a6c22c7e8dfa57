// The identity map on its own: many keys of several shapes added, found (by key and by a
// borrowed view), replaced by nothing, and discarded in an order that empties probe runs from
// the middle, with every survivor still found afterwards.
#include "core/orm/identity_map.h"
#include "core/orm/mapper.h"
#include "core/schema/column.h"
#include "core/schema/table.h"
#include "core/schema/types.h"

#include <cstddef>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

namespace ormsh::orm {
namespace {

// A mapped object with nothing behind it but its state, and room for the state's column slots
// right after it (the mappers here have at most kMaxColumns columns).
struct Row : InstanceHost {
    static constexpr std::size_t kMaxColumns = 4;
    Row(const Mapper& mapper, std::vector<engine::Value> key) : state_(mapper, *this) {
        state_.set_identity(IdentityKey{&mapper, std::move(key)});
    }
    void retain() override {}
    void release() override {}
    InstanceState& state() override { return state_; }
    std::string describe() const override { return "<Row>"; }
    InstanceState state_;
    alignas(SlotValue) std::byte slots_[kMaxColumns * sizeof(SlotValue)];
};

std::unique_ptr<Mapper> make_mapper(const std::string& name, int key_columns) {
    std::vector<schema::ColumnPtr> columns;
    for (int i = 0; i < key_columns; ++i) {
        auto c = schema::Column::make("k" + std::to_string(i), schema::Integer());
        c->primary_key = true;
        columns.push_back(c);
    }
    return std::make_unique<Mapper>(name, schema::Table::make_detached(name, columns));
}

InstanceState* find_view(const IdentityMap& map, const Mapper& mapper,
                         const std::vector<engine::Value>& key) {
    return map.find(IdentityKeyView{&mapper, key.data(), key.size()});
}

TEST(IdentityMap, FindsAddsAndDiscardsManyKeys) {
    auto mapper = make_mapper("item", 1);
    IdentityMap map;
    std::vector<std::unique_ptr<Row>> rows;
    // Consecutive ids, ids sharing their low bits, and negative ones.
    std::vector<std::int64_t> ids;
    for (std::int64_t i = 1; i <= 3000; ++i)
        ids.push_back(i);
    for (std::int64_t i = 1; i <= 500; ++i)
        ids.push_back(i * 4096 + 7);
    for (std::int64_t i = 1; i <= 100; ++i)
        ids.push_back(-i);
    for (std::int64_t id : ids) {
        rows.push_back(std::make_unique<Row>(*mapper, std::vector<engine::Value>{id}));
        EXPECT_EQ(map.add(rows.back()->state_), &rows.back()->state_);
    }
    EXPECT_EQ(map.size(), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        EXPECT_EQ(map.find(IdentityKey{mapper.get(), {ids[i]}}), &rows[i]->state_);
        EXPECT_EQ(find_view(map, *mapper, {ids[i]}), &rows[i]->state_);
        EXPECT_TRUE(map.contains(rows[i]->state_));
    }
    EXPECT_EQ(find_view(map, *mapper, {std::int64_t{999999}}), nullptr);
    EXPECT_EQ(find_view(map, *mapper, {std::string("1")}), nullptr);

    // Every third object goes; the rest stay findable.
    for (std::size_t i = 0; i < rows.size(); i += 3)
        map.discard(rows[i]->state_);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        InstanceState* found = find_view(map, *mapper, {ids[i]});
        EXPECT_EQ(found, i % 3 == 0 ? nullptr : &rows[i]->state_) << "id " << ids[i];
    }
    EXPECT_EQ(map.size(), ids.size() - (ids.size() + 2) / 3);
    EXPECT_EQ(map.states().size(), map.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        map.discard(rows[i]->state_);
    EXPECT_EQ(map.size(), 0u);
    EXPECT_EQ(find_view(map, *mapper, {ids[1]}), nullptr);
}

TEST(IdentityMap, KeepsTheFirstObjectOfAnIdentity) {
    auto mapper = make_mapper("item", 1);
    IdentityMap map;
    Row first(*mapper, {std::int64_t{5}});
    Row second(*mapper, {std::int64_t{5}});
    EXPECT_EQ(map.add(first.state_), &first.state_);
    EXPECT_EQ(map.add(second.state_), &first.state_);
    EXPECT_FALSE(map.contains(second.state_));
    // Discarding an object that is not the registered one leaves the registered one.
    map.discard(second.state_);
    EXPECT_EQ(find_view(map, *mapper, {std::int64_t{5}}), &first.state_);
    map.clear();
    EXPECT_EQ(map.size(), 0u);
    EXPECT_EQ(find_view(map, *mapper, {std::int64_t{5}}), nullptr);
    EXPECT_EQ(map.add(second.state_), &second.state_);
}

TEST(IdentityMap, KeysOfOtherClassesTextAndCompositeKeys) {
    auto items = make_mapper("item", 1);
    auto others = make_mapper("other", 1);
    auto pairs = make_mapper("pair", 2);
    IdentityMap map;
    Row item(*items, {std::int64_t{1}});
    Row other(*others, {std::int64_t{1}});
    Row text(*items, {std::string("1")});
    Row pair(*pairs, {std::int64_t{1}, std::string("a")});
    for (Row* r : {&item, &other, &text, &pair})
        EXPECT_EQ(map.add(r->state_), &r->state_);
    EXPECT_EQ(find_view(map, *items, {std::int64_t{1}}), &item.state_);
    EXPECT_EQ(find_view(map, *others, {std::int64_t{1}}), &other.state_);
    EXPECT_EQ(find_view(map, *items, {std::string("1")}), &text.state_);
    EXPECT_EQ(find_view(map, *pairs, {std::int64_t{1}, std::string("a")}), &pair.state_);
    EXPECT_EQ(find_view(map, *pairs, {std::int64_t{1}, std::string("b")}), nullptr);
    EXPECT_EQ(find_view(map, *pairs, {std::int64_t{1}}), nullptr);
}

} // namespace
} // namespace ormsh::orm
