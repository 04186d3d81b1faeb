// wafer::stableSort against an insertion sort (stable by construction; not
// std::stable_sort, whose use warns under clang, see the header) on random
// inputs with many ties.
#include "wafer/Support/StableSort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

template <typename T, typename Less>
std::vector<T> insertionSorted(std::vector<T> v, Less less) {
  for (size_t i = 1; i < v.size(); ++i)
    for (size_t j = i; j > 0 && less(v[j], v[j - 1]); --j)
      std::swap(v[j], v[j - 1]);
  return v;
}

TEST(StableSort, MatchesAnInsertionSortWithTies) {
  std::mt19937 rng(5);
  for (int n : {0, 1, 2, 3, 17, 100, 1000}) {
    std::vector<std::pair<int, int>> v(n);
    for (int i = 0; i < n; ++i)
      v[i] = {int(rng() % 7), i}; // key, original position
    auto byKey = [](const auto &a, const auto &b) { return a.first > b.first; };
    auto want = insertionSorted(v, byKey);
    wafer::stableSort(v, byKey);
    EXPECT_EQ(v, want) << "n = " << n;
  }
}

TEST(StableSort, MovesMoveOnlyElements) {
  std::vector<std::unique_ptr<std::string>> v;
  for (const char *s : {"b", "a", "c", "a"})
    v.push_back(std::make_unique<std::string>(s));
  const std::string *firstA = v[1].get();
  wafer::stableSort(v, [](const auto &a, const auto &b) { return *a < *b; });
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(*v[0], "a");
  EXPECT_EQ(v[0].get(), firstA);
  EXPECT_EQ(*v[1], "a");
  EXPECT_EQ(*v[2], "b");
  EXPECT_EQ(*v[3], "c");
}

} // namespace
