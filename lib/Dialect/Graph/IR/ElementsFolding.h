//===- ElementsFolding.h - constant evaluation on dense tensors -*- C++ -*-===//
//
// The folders evaluate graph ops on `dense` constants: the small integer
// tensors of ONNX shape arithmetic and masks. Weights are `dense_resource`
// and never reach these helpers. A splat is evaluated once, whatever its
// size (ConstantOfShape makes splats of 2^40 elements); a result that is
// not a splat folds only up to kMaxFoldElements, and every helper checks
// that before it walks or allocates anything per element.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_LIB_DIALECT_GRAPH_IR_ELEMENTSFOLDING_H
#define WAFER_LIB_DIALECT_GRAPH_IR_ELEMENTSFOLDING_H

#include "wafer/Dialect/Graph/IR/KnownValues.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <optional>

namespace wafer::graph::folding {

/// The operand as a dense constant, or null when it is not one.
mlir::DenseElementsAttr asDense(mlir::Attribute attr);

/// Every element of `in` converted to `to`'s element type (the semantics of
/// graph.cast), in a tensor of type `to`; null when a float does not fit
/// the integer type. Callers check the size.
mlir::Attribute castElements(mlir::DenseElementsAttr in, mlir::ShapedType to);

/// Whether a result of this type may be materialized by a folder.
bool mayFoldInto(mlir::ShapedType type, bool splat);

llvm::SmallVector<int64_t> stridesOf(llvm::ArrayRef<int64_t> shape);

/// Calls `fn(index, linear)` for every multi-index of `shape` in row-major
/// order; callers have checked the shape against kMaxFoldElements.
void forEachIndex(llvm::ArrayRef<int64_t> shape,
                  llvm::function_ref<void(llvm::ArrayRef<int64_t>, int64_t)> fn);

/// Builds a tensor of `type` whose element i is `input`'s element
/// `source[i]`: the core of every data-movement fold. A splat input gives a
/// splat (and needs no `source`).
mlir::DenseElementsAttr pickElements(mlir::DenseElementsAttr input,
                                     mlir::ShapedType type,
                                     llvm::ArrayRef<int64_t> source);

/// Source index, in an operand of `operandShape`, of each element of a
/// result of `resultShape` under NumPy broadcasting.
llvm::SmallVector<int64_t> broadcastSources(llvm::ArrayRef<int64_t> operandShape,
                                            llvm::ArrayRef<int64_t> resultShape);

using IntBinaryFn = llvm::function_ref<std::optional<llvm::APInt>(
    const llvm::APInt &, const llvm::APInt &)>;
using FloatBinaryFn = llvm::function_ref<std::optional<llvm::APFloat>(
    const llvm::APFloat &, const llvm::APFloat &)>;

/// Elementwise binary evaluation with broadcasting. Either function may be
/// null (that element kind does not fold) or return nullopt (this value does
/// not fold, e.g. integer division by zero).
mlir::Attribute foldBinary(mlir::Attribute lhs, mlir::Attribute rhs,
                           mlir::ShapedType resultType, IntBinaryFn intFn,
                           FloatBinaryFn floatFn);

/// Elementwise unary evaluation; float functions compute in double.
mlir::Attribute foldUnaryFloat(mlir::Attribute input,
                               mlir::ShapedType resultType,
                               double (*fn)(double));
mlir::Attribute
foldUnaryInt(mlir::Attribute input, mlir::ShapedType resultType,
             llvm::function_ref<llvm::APInt(const llvm::APInt &)> fn);

/// A float of `semantics` holding `value`, rounded to nearest.
llvm::APFloat toFloat(double value, const llvm::fltSemantics &semantics);

} // namespace wafer::graph::folding

#endif // WAFER_LIB_DIALECT_GRAPH_IR_ELEMENTSFOLDING_H
