//===- GraphTraits.h - invariants shared by every graph op ------*- C++ -*-===//

#ifndef WAFER_DIALECT_GRAPH_IR_GRAPHTRAITS_H
#define WAFER_DIALECT_GRAPH_IR_GRAPHTRAITS_H

#include "mlir/IR/OpDefinition.h"

namespace wafer::graph {

namespace traits {
namespace impl {
mlir::LogicalResult verifyValidTensors(mlir::Operation *op);
} // namespace impl

/// Every operand and result is a tensor the graph dialect can hold: ranked,
/// static, non-empty, its element and byte counts within int64_t (see
/// tensorSizeError in ShapeInference.h). Attached to every graph op by
/// Graph_Op in GraphDialect.td; it runs after the ODS type constraints and
/// before the op's own verifier, which may therefore multiply dims freely.
template <typename ConcreteType>
class ValidTensors
    : public mlir::OpTrait::TraitBase<ConcreteType, ValidTensors> {
public:
  static mlir::LogicalResult verifyTrait(mlir::Operation *op) {
    return impl::verifyValidTensors(op);
  }
};
} // namespace traits

} // namespace wafer::graph

#endif // WAFER_DIALECT_GRAPH_IR_GRAPHTRAITS_H
