//===- KnownValues.h - what is known of a graph value at compile time -*- C++ -*-===//
//
// Folding materializes small constants; verifiers and the importer also
// need facts about values too big to materialize: the indices of a 2^40
// position Range are known to end at 2^40 - 1 without listing them. These
// helpers answer such questions without walking or allocating per element
// beyond kMaxFoldElements.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_DIALECT_GRAPH_IR_KNOWNVALUES_H
#define WAFER_DIALECT_GRAPH_IR_KNOWNVALUES_H

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"

#include <cstdint>
#include <optional>

namespace wafer::graph {

/// Folders materialize at most this many elements per result that is not a
/// splat; above it the op stays unfolded (so that a fold never turns a mask
/// or a 2^40-element broadcast into an attribute). Splats fold at any size,
/// without walking their elements.
constexpr int64_t kMaxFoldElements = int64_t(1) << 20;

/// The smallest and the largest element of an integer tensor, both attained.
struct IntegerBounds {
  int64_t min, max;
};

/// The bounds of `v` when known at compile time: a dense constant, a splat
/// of any size, a graph.range (of any length), and whatever keeps exactly
/// those values: cast between integer types that holds them, reshape,
/// expand, transpose, and concat of known parts. Null for anything else,
/// and for values that are not integer tensors.
std::optional<IntegerBounds> knownIntegerBounds(mlir::Value v);

/// The first index of `indices` known to fall outside a dimension of `dim`
/// entries: [-dim, dim) when negative indices count from the end (ONNX
/// Gather), [0, dim) otherwise. The smallest offender if one is below the
/// range, else the largest above it; null when none is known to be outside.
std::optional<int64_t> knownIndexOutOfRange(mlir::Value indices, int64_t dim,
                                            bool allowNegative);

/// The op at which constant folding of `v` stopped at kMaxFoldElements: an
/// integer-valued graph op, on the way to `v`, whose operands are all
/// constants but whose result has more elements than a fold materializes.
/// Null when `v`'s value is unknown for another reason (it depends on a
/// model input). For the note on "must be known at compile time" errors.
mlir::Operation *foldStoppedAtSizeLimit(mlir::Value v);

} // namespace wafer::graph

#endif // WAFER_DIALECT_GRAPH_IR_KNOWNVALUES_H
