//===- ShapeInference.h - result shapes of graph ops ------------*- C++ -*-===//
//
// The shape rules of the graph ops, shared by the op verifiers and the ONNX
// importer (which must know every result type before it creates an op).
// Each function returns failure with a human-readable reason, also when the
// result would be empty or hold more elements than int64_t counts: the
// graph dialect has no such tensors (see traits::ValidTensors in GraphTraits.h).
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_DIALECT_GRAPH_IR_SHAPEINFERENCE_H
#define WAFER_DIALECT_GRAPH_IR_SHAPEINFERENCE_H

#include "mlir/Support/LLVM.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace wafer::graph {

using Shape = llvm::SmallVector<int64_t, 4>;

/// A shape or the reason there is none.
struct ShapeResult {
  Shape shape;
  std::string error;
  bool ok() const { return error.empty(); }
  static ShapeResult failure(std::string why) { return {{}, std::move(why)}; }
};

std::string formatShape(llvm::ArrayRef<int64_t> shape);

/// Maps a possibly negative axis into [0, rank); fails when out of range.
mlir::FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank);

/// NumPy broadcasting of two shapes.
ShapeResult broadcastShapes(llvm::ArrayRef<int64_t> lhs,
                            llvm::ArrayRef<int64_t> rhs);

/// Whether `from` broadcasts to exactly `to`.
bool broadcastsTo(llvm::ArrayRef<int64_t> from, llvm::ArrayRef<int64_t> to);

/// [..., M, K] x [..., K, N] with broadcast batch dims; ranks >= 2.
ShapeResult matmulShape(llvm::ArrayRef<int64_t> lhs,
                        llvm::ArrayRef<int64_t> rhs);

/// Reduction over normalized `axes` (empty reduces nothing).
ShapeResult reduceShape(llvm::ArrayRef<int64_t> input,
                        llvm::ArrayRef<int64_t> axes, bool keepdims);

ShapeResult transposeShape(llvm::ArrayRef<int64_t> input,
                           llvm::ArrayRef<int64_t> perm);

ShapeResult gatherShape(llvm::ArrayRef<int64_t> data,
                        llvm::ArrayRef<int64_t> indices, int64_t axis);

ShapeResult concatShape(llvm::ArrayRef<llvm::SmallVector<int64_t, 4>> inputs,
                        int64_t axis);

/// Number of elements a strided slice takes from a dimension of size `dim`
/// starting at `start` (already clamped) towards `end` (clamped) by `step`
/// (non-zero; any value, INT64_MIN included).
int64_t sliceLength(int64_t start, int64_t end, int64_t step);

/// ONNX Slice index normalization: negative values count from the end, and
/// starts/ends clamp to the valid range for the step's direction.
void clampSliceBounds(int64_t dim, int64_t step, int64_t &start,
                      int64_t &end);

/// ONNX Slice of every dimension of `input`: `starts` and `ends` as ONNX
/// gives them (normalized and clamped here; `starts` is updated to the first
/// index taken), `steps` non-zero. Fails when a dimension would be empty.
ShapeResult sliceShape(llvm::ArrayRef<int64_t> input,
                       llvm::MutableArrayRef<int64_t> starts,
                       llvm::ArrayRef<int64_t> ends,
                       llvm::ArrayRef<int64_t> steps);

/// A shape an importer computed itself (Split pieces, Range, Reshape and
/// ConstantOfShape targets), checked as the rules check theirs.
ShapeResult resultShape(llvm::ArrayRef<int64_t> shape);

/// Why no graph tensor can have `shape` ("" when one can): a dimension that
/// is not positive, or more elements than int64_t counts.
std::string shapeSizeError(llvm::ArrayRef<int64_t> shape);

/// Same, and also more bytes of `elementBitWidth`-bit elements than int64_t
/// counts.
std::string tensorSizeError(llvm::ArrayRef<int64_t> shape,
                            int64_t elementBitWidth);

/// The element count of a shape whose count fits int64_t, as that of every
/// tensor in verified graph IR does. A shape that comes from input (ONNX
/// dims, attributes, a folder's arithmetic) is checked first, with
/// shapeSizeError or wafer::checkedElementCount; this never wraps: it
/// saturates at INT64_MAX, and a dynamic dimension counts as 0.
int64_t numElements(llvm::ArrayRef<int64_t> shape);

} // namespace wafer::graph

#endif // WAFER_DIALECT_GRAPH_IR_SHAPEINFERENCE_H
