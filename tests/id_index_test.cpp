// IdIndex (store/id_index.hpp) against a std::unordered_map model: inserts, repeats, lookups of
// absent ids and erasures in random order, through several growths of the table. Erasure moves
// later slots of a probe run back (backward shift): every id still present must stay findable.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/id_index.hpp"

using parallax::IdIndex;

TEST_CASE("IdIndex finds what an unordered_map finds, through inserts and erasures") {
  std::vector<std::string> ids;  // the column the index reads ids from, by position
  for (int i = 0; i < 5000; ++i) ids.push_back("doc-" + std::to_string(i * 7919 % 100003));
  const auto id_at = [&](std::size_t position) -> const std::string& { return ids[position]; };

  IdIndex index;
  std::unordered_map<std::string, std::size_t> model;
  for (std::size_t p = 0; p < ids.size(); ++p) {
    CHECK(index.insert(ids[p], p, id_at) == model.emplace(ids[p], p).second);
    CHECK_FALSE(index.insert(ids[p], p + 1, id_at));  // a present id keeps its position
  }
  std::mt19937 rng(7);
  std::vector<std::size_t> order(ids.size());
  for (std::size_t p = 0; p < order.size(); ++p) order[p] = p;
  std::shuffle(order.begin(), order.end(), rng);
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k % 3 != 0) continue;  // erase a third of them
    index.erase(ids[order[k]], id_at);
    model.erase(ids[order[k]]);
    index.erase(ids[order[k]], id_at);  // erasing again changes nothing
  }
  for (std::size_t p = 0; p < ids.size(); ++p) {
    const auto it = model.find(ids[p]);
    const auto found = index.find(ids[p], id_at);
    REQUIRE(found.has_value() == (it != model.end()));
    if (found) CHECK(*found == it->second);
  }
  CHECK_FALSE(index.find("absent", id_at).has_value());

  // Erased ids can come back, at new positions.
  for (std::size_t p = 0; p < ids.size(); ++p)
    if (!model.count(ids[p])) CHECK(index.insert(ids[p], p, id_at));
  for (std::size_t p = 0; p < ids.size(); ++p) CHECK(index.find(ids[p], id_at) == p);

  index.clear();
  CHECK_FALSE(index.find(ids[0], id_at).has_value());
}
