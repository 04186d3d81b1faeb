//===- ShapeInference.cpp - result shapes of graph ops --------------------===//

#include "wafer/Dialect/Graph/IR/ShapeInference.h"

#include "wafer/Support/ElementCount.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <limits>

using namespace mlir;

namespace wafer::graph {

std::string formatShape(ArrayRef<int64_t> shape) {
  std::string out = "[";
  llvm::raw_string_ostream os(out);
  llvm::interleave(shape, os, ", ");
  os << "]";
  return out;
}

FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank) {
  // A scalar has no axis: every op that takes one refuses rank 0.
  if (axis < -rank || axis >= rank)
    return failure();
  return axis < 0 ? axis + rank : axis;
}

int64_t numElements(ArrayRef<int64_t> shape) {
  if (llvm::any_of(shape, [](int64_t d) { return d <= 0; }))
    return 0;
  return checkedElementCount(shape).value_or(
      std::numeric_limits<int64_t>::max());
}

std::string shapeSizeError(ArrayRef<int64_t> shape) {
  for (auto [d, size] : llvm::enumerate(shape)) {
    if (size == 0)
      return llvm::formatv("{0} would be empty (dimension {1} is 0); empty "
                           "tensors are not supported",
                           formatShape(shape), d)
          .str();
    if (size < 0)
      return llvm::formatv("{0} has a negative or dynamic dimension {1}",
                           formatShape(shape), d)
          .str();
  }
  if (!checkedElementCount(shape))
    return formatShape(shape) +
           " has more elements than a 64-bit count holds (2^63 - 1)";
  return "";
}

std::string tensorSizeError(ArrayRef<int64_t> shape, int64_t elementBitWidth) {
  std::string why = shapeSizeError(shape);
  if (!why.empty())
    return why;
  if (!checkedByteCount(*checkedElementCount(shape), elementBitWidth))
    return llvm::formatv("{0} of {1}-bit elements takes more bytes than a "
                         "64-bit count holds (2^63 - 1)",
                         formatShape(shape), elementBitWidth)
        .str();
  return "";
}

/// Every rule's result passes through here: a shape that no tensor can have
/// is the rule's failure, with the reason.
static ShapeResult finish(Shape shape) {
  std::string why = shapeSizeError(shape);
  if (!why.empty())
    return ShapeResult::failure("the result " + why);
  return {std::move(shape), {}};
}

ShapeResult resultShape(ArrayRef<int64_t> shape) { return finish(Shape(shape)); }

ShapeResult broadcastShapes(ArrayRef<int64_t> lhs, ArrayRef<int64_t> rhs) {
  size_t rank = std::max(lhs.size(), rhs.size());
  Shape out(rank, 1);
  for (size_t i = 0; i < rank; ++i) {
    int64_t l = i < rank - lhs.size() ? 1 : lhs[i - (rank - lhs.size())];
    int64_t r = i < rank - rhs.size() ? 1 : rhs[i - (rank - rhs.size())];
    if (l != r && l != 1 && r != 1)
      return ShapeResult::failure(
          llvm::formatv("shapes {0} and {1} do not broadcast (dimension {2}: "
                        "{3} vs {4})",
                        formatShape(lhs), formatShape(rhs), i, l, r)
              .str());
    out[i] = l == 1 ? r : l;
  }
  return finish(std::move(out));
}

bool broadcastsTo(ArrayRef<int64_t> from, ArrayRef<int64_t> to) {
  ShapeResult b = broadcastShapes(from, to);
  return b.ok() && ArrayRef<int64_t>(b.shape) == to;
}

ShapeResult matmulShape(ArrayRef<int64_t> lhs, ArrayRef<int64_t> rhs) {
  if (lhs.size() < 2 || rhs.size() < 2)
    return ShapeResult::failure("matmul operands need rank >= 2, got " +
                                formatShape(lhs) + " and " + formatShape(rhs));
  int64_t m = lhs[lhs.size() - 2], k = lhs.back();
  int64_t k2 = rhs[rhs.size() - 2], n = rhs.back();
  if (k != k2)
    return ShapeResult::failure(
        llvm::formatv("matmul contraction mismatch: {0} x {1} (K = {2} vs {3})",
                      formatShape(lhs), formatShape(rhs), k, k2)
            .str());
  ShapeResult batch = broadcastShapes(lhs.drop_back(2), rhs.drop_back(2));
  if (!batch.ok())
    return ShapeResult::failure("matmul batch dimensions: " + batch.error);
  batch.shape.push_back(m);
  batch.shape.push_back(n);
  return finish(std::move(batch.shape));
}

ShapeResult reduceShape(ArrayRef<int64_t> input, ArrayRef<int64_t> axes,
                        bool keepdims) {
  llvm::SmallVector<bool> reduced(input.size(), false);
  for (int64_t a : axes) {
    if (a < 0 || a >= static_cast<int64_t>(input.size()))
      return ShapeResult::failure(
          llvm::formatv("reduction axis {0} out of range for {1}", a,
                        formatShape(input))
              .str());
    if (reduced[a])
      return ShapeResult::failure(
          llvm::formatv("reduction axis {0} repeated", a).str());
    reduced[a] = true;
  }
  Shape out;
  for (auto [i, d] : llvm::enumerate(input)) {
    if (!reduced[i])
      out.push_back(d);
    else if (keepdims)
      out.push_back(1);
  }
  return finish(std::move(out));
}

ShapeResult transposeShape(ArrayRef<int64_t> input, ArrayRef<int64_t> perm) {
  if (perm.size() != input.size())
    return ShapeResult::failure(
        llvm::formatv("permutation of {0} entries for a rank-{1} tensor",
                      perm.size(), input.size())
            .str());
  llvm::SmallVector<bool> seen(input.size(), false);
  Shape out;
  for (int64_t p : perm) {
    if (p < 0 || p >= static_cast<int64_t>(input.size()) || seen[p])
      return ShapeResult::failure("invalid permutation " + formatShape(perm));
    seen[p] = true;
    out.push_back(input[p]);
  }
  return finish(std::move(out));
}

ShapeResult gatherShape(ArrayRef<int64_t> data, ArrayRef<int64_t> indices,
                        int64_t axis) {
  if (axis < 0 || axis >= static_cast<int64_t>(data.size()))
    return ShapeResult::failure(
        llvm::formatv("gather axis {0} out of range for {1}", axis,
                      formatShape(data))
            .str());
  Shape out(data.begin(), data.begin() + axis);
  out.append(indices.begin(), indices.end());
  out.append(data.begin() + axis + 1, data.end());
  return finish(std::move(out));
}

ShapeResult concatShape(ArrayRef<llvm::SmallVector<int64_t, 4>> inputs,
                        int64_t axis) {
  if (inputs.empty())
    return ShapeResult::failure("concat of no tensors");
  Shape out(inputs.front());
  if (axis < 0 || axis >= static_cast<int64_t>(out.size()))
    return ShapeResult::failure(
        llvm::formatv("concat axis {0} out of range for rank {1}", axis,
                      out.size())
            .str());
  out[axis] = 0;
  for (const auto &in : inputs) {
    if (in.size() != out.size())
      return ShapeResult::failure("concat operands differ in rank: " +
                                  formatShape(inputs.front()) + " and " +
                                  formatShape(in));
    for (size_t d = 0; d < in.size(); ++d)
      if (static_cast<int64_t>(d) != axis && in[d] != out[d])
        return ShapeResult::failure(
            llvm::formatv("concat operands {0} and {1} differ in dimension "
                          "{2}",
                          formatShape(inputs.front()), formatShape(in), d)
                .str());
    std::optional<int64_t> sum = checkedAdd(out[axis], in[axis]);
    if (!sum)
      return ShapeResult::failure(
          llvm::formatv("concat operands add up to more than 2^63 - 1 "
                        "along axis {0}",
                        axis)
              .str());
    out[axis] = *sum;
  }
  return finish(std::move(out));
}

void clampSliceBounds(int64_t dim, int64_t step, int64_t &start,
                      int64_t &end) {
  if (dim == 0) {
    start = end = 0;
    return;
  }
  if (start < 0)
    start += dim;
  if (end < 0)
    end += dim;
  if (step > 0) {
    start = std::clamp<int64_t>(start, 0, dim);
    end = std::clamp<int64_t>(end, 0, dim);
  } else {
    start = std::clamp<int64_t>(start, 0, dim - 1);
    end = std::clamp<int64_t>(end, -1, dim - 1);
  }
}

int64_t sliceLength(int64_t start, int64_t end, int64_t step) {
  // ceil(distance / |step|) without forming distance + |step| - 1, which
  // overflows for steps near INT64_MAX, or -step, which overflows for
  // INT64_MIN. Clamped bounds keep the distance within the dimension.
  if (step > 0)
    return end > start ? (end - start - 1) / step + 1 : 0;
  if (start <= end)
    return 0;
  uint64_t magnitude = uint64_t(0) - static_cast<uint64_t>(step);
  return static_cast<int64_t>(static_cast<uint64_t>(start - end - 1) /
                              magnitude) +
         1;
}

ShapeResult sliceShape(ArrayRef<int64_t> input, MutableArrayRef<int64_t> starts,
                       ArrayRef<int64_t> ends, ArrayRef<int64_t> steps) {
  if (starts.size() != input.size() || ends.size() != input.size() ||
      steps.size() != input.size())
    return ShapeResult::failure(
        llvm::formatv("slice of a rank-{0} tensor needs {0} starts, ends and "
                      "steps, got {1}, {2} and {3}",
                      input.size(), starts.size(), ends.size(), steps.size())
            .str());
  Shape out;
  for (size_t d = 0; d < input.size(); ++d) {
    if (steps[d] == 0)
      return ShapeResult::failure(
          llvm::formatv("slice step of dimension {0} is zero", d).str());
    int64_t start = starts[d], end = ends[d];
    clampSliceBounds(input[d], steps[d], start, end);
    int64_t length = sliceLength(start, end, steps[d]);
    if (length == 0)
      return ShapeResult::failure(
          llvm::formatv("slice of dimension {0} (size {1}) from {2} to {3} by "
                        "{4} takes no elements; empty tensors are not "
                        "supported",
                        d, input[d], starts[d], ends[d], steps[d])
              .str());
    starts[d] = start;
    out.push_back(length);
  }
  return finish(std::move(out));
}

} // namespace wafer::graph
