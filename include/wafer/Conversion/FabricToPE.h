//===- FabricToPE.h - what pe-lower can lower -------------------*- C++ -*-===//

#ifndef WAFER_CONVERSION_FABRICTOPE_H
#define WAFER_CONVERSION_FABRICTOPE_H

#include "mlir/IR/BuiltinOps.h"

#include <string>

namespace wafer {

/// Why pe-lower cannot lower `module`'s fabric design (the first kernel or
/// stream it has no lowering for), or "" when it can: for a driver that
/// lowers where it can instead of failing.
std::string peLoweringProblem(mlir::ModuleOp module);

} // namespace wafer

#endif // WAFER_CONVERSION_FABRICTOPE_H
