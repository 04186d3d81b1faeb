//===- StableSort.h - a stable sort without std::stable_sort ----*- C++ -*-===//
//
// std::stable_sort (and llvm::stable_sort, which calls it) makes clang warn
// in every file that uses it with GCC 12's libstdc++: its temporary buffer
// calls the deprecated std::get_temporary_buffer, and clang reports that
// inside the system header. This sorts indices with a total order (ties
// broken by position), which is stable by construction, then permutes.
// Header-only, no MLIR or LLVM: the runtime uses it too.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_SUPPORT_STABLESORT_H
#define WAFER_SUPPORT_STABLESORT_H

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <numeric>
#include <utility>
#include <vector>

namespace wafer {

/// Sorts `range` (random access, movable elements) by `less`, keeping the
/// order of elements that compare equal.
template <typename Range, typename Less>
void stableSort(Range &range, Less less) {
  using std::begin;
  using std::end;
  auto first = begin(range);
  const size_t n = static_cast<size_t>(std::distance(first, end(range)));
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t(0));
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (less(first[a], first[b]))
      return true;
    if (less(first[b], first[a]))
      return false;
    return a < b;
  });
  using Value = std::decay_t<decltype(*first)>;
  std::vector<Value> sorted;
  sorted.reserve(n);
  for (size_t i : order)
    sorted.push_back(std::move(first[i]));
  std::move(sorted.begin(), sorted.end(), first);
}

} // namespace wafer

#endif // WAFER_SUPPORT_STABLESORT_H
