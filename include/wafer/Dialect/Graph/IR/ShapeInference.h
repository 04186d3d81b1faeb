//===- ShapeInference.h - result shapes of graph ops ------------*- C++ -*-===//
//
// The shape rules of the graph ops, shared by the op verifiers and the ONNX
// importer (which must know every result type before it creates an op).
// Each function returns failure with a human-readable reason.
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
/// starting at `start` (already clamped) towards `end` (clamped) by `step`.
int64_t sliceLength(int64_t start, int64_t end, int64_t step);

/// ONNX Slice index normalization: negative values count from the end, and
/// starts/ends clamp to the valid range for the step's direction.
void clampSliceBounds(int64_t dim, int64_t step, int64_t &start,
                      int64_t &end);

int64_t numElements(llvm::ArrayRef<int64_t> shape);

} // namespace wafer::graph

#endif // WAFER_DIALECT_GRAPH_IR_SHAPEINFERENCE_H
