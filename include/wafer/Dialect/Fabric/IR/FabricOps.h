//===- FabricOps.h - designs, kernels and streams ---------------*- C++ -*-===//

#ifndef WAFER_DIALECT_FABRIC_IR_FABRICOPS_H
#define WAFER_DIALECT_FABRIC_IR_FABRICOPS_H

// Generated op headers reference the bytecode interface; it must come first.
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "wafer/Dialect/Fabric/IR/FabricAttrs.h"
#include "wafer/Dialect/Fabric/IR/FabricDialect.h"

#include <cstdlib>
#include <optional>
#include <utility>

#define GET_OP_CLASSES
#include "wafer/Dialect/Fabric/IR/FabricOps.h.inc"

namespace wafer::fabric {

/// The module's design, or null when it has none (or several).
DesignOp getDesign(mlir::ModuleOp module);

/// The design's target, or null when the module has no design.
TargetAttr getTarget(mlir::ModuleOp module);

/// The design and its @main that a fabric pass works on, or an error
/// (emitted on the module) saying which passes must run before `pass`.
mlir::FailureOr<std::pair<DesignOp, mlir::func::FuncOp>>
getMappedDesign(mlir::ModuleOp module, llvm::StringRef pass,
                llvm::StringRef prerequisites);

/// The ONNX name of @main's input (or output) `index`: its `graph.name`,
/// or `input<index>` (`output<index>`) without one. The binary's
/// signature and pe-lower's host I/O name them the same way.
std::string signatureName(mlir::func::FuncOp main, bool output,
                          unsigned index);

/// A kernel's placed rectangle [x0, x1) x [y0, y1) on the mesh, in
/// routers (one per PE).
struct PlacedRect {
  int64_t x0, y0, x1, y1;
  int64_t width() const { return x1 - x0; }
  int64_t height() const { return y1 - y0; }
  bool overlaps(const PlacedRect &o) const {
    return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
  }
  bool contains(int64_t x, int64_t y) const {
    return x0 <= x && x < x1 && y0 <= y && y < y1;
  }
  /// Twice the centre's coordinates, which stay integral: the centre of
  /// routers x0 .. x1 - 1 is (x0 + x1 - 1) / 2, half a router off the
  /// grid when the side is even.
  int64_t centreX2() const { return x0 + x1 - 1; }
  int64_t centreY2() const { return y0 + y1 - 1; }
  /// The router at the centre; on an even side, the nearer one to the
  /// origin of the two in the middle.
  int64_t centreRouterX() const { return x0 + (width() - 1) / 2; }
  int64_t centreRouterY() const { return y0 + (height() - 1) / 2; }
};
/// The rectangle of a placed kernel; nothing before placement.
std::optional<PlacedRect> placedRect(KernelOp kernel);

/// What a placed kernel keeps on every PE of a rectangle: its weights stay
/// for the whole program, its buffers only in its time slot.
struct PeOccupant {
  PlacedRect rect;
  int64_t slot = 0, weightBytes = 0, bufferBytes = 0;
};
/// A PE that holds more than it has for data.
struct PeOverflow {
  int64_t x = 0, y = 0;       ///< the PE
  int64_t residentBytes = 0;  ///< weights of every occupant, all slots
  int64_t peakBufferBytes = 0; ///< buffers of its busiest slot
};
/// The first PE (by x, then y) whose occupants' weights plus the buffers of
/// its busiest slot exceed `dataBytes`. Each occupant's own bytes must be
/// within the PE's SRAM, so that the sums cannot overflow.
std::optional<PeOverflow> findPeOverflow(llvm::ArrayRef<PeOccupant> occupants,
                                         int64_t dataBytes);

/// Hops between the centres of two rectangles: their Manhattan distance in
/// routers, rounded down where the centres lie half a router off the grid.
/// Placement minimizes it (bytes x hops); reports give it for unrouted
/// streams.
inline int64_t centreDistance(const PlacedRect &a, const PlacedRect &b) {
  return (std::llabs(a.centreX2() - b.centreX2()) +
          std::llabs(a.centreY2() - b.centreY2())) /
         2;
}

/// Checks the physical rules over a whole design: regions inside the mesh,
/// no overlap within a time slot, per-PE memory summed over the kernels
/// that occupy each PE within SRAM, kernel names unique.
mlir::LogicalResult verifyPhysics(DesignOp design);

/// Checks every routed stream: hops follow links inside the mesh and form a
/// tree from the producer's region that reaches each consumer's and enters
/// no router twice; its color is within the budget and not reserved; and no
/// router carries two streams of one color at once (a router's setting for
/// a color is one input port to a set of output ports: it cannot keep two
/// streams apart).
mlir::LogicalResult verifyRoutes(DesignOp design);

} // namespace wafer::fabric

#endif // WAFER_DIALECT_FABRIC_IR_FABRICOPS_H
