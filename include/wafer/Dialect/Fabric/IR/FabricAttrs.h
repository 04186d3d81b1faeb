//===- FabricAttrs.h - the target machine model -----------------*- C++ -*-===//

#ifndef WAFER_DIALECT_FABRIC_IR_FABRICATTRS_H
#define WAFER_DIALECT_FABRIC_IR_FABRICATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"

#include "wafer/Dialect/Fabric/IR/FabricDialect.h"

#define GET_ATTRDEF_CLASSES
#include "wafer/Dialect/Fabric/IR/FabricAttrs.h.inc"

#include <string>
#include <vector>

namespace wafer::fabric {

/// The documented machines: "wse2", "wse3".
std::vector<std::string> targetPresetNames();

/// A preset by name, or null when there is none of that name.
TargetAttr targetPreset(mlir::MLIRContext *context, llvm::StringRef name);

/// Changes to a preset requested on the command line; zero keeps the
/// preset's value.
struct TargetOverrides {
  int64_t width = 0, height = 0, sramBytes = 0, colors = 0, clockKhz = 0;
};

/// Parses "WIDTHxHEIGHT" into the overrides; returns an error message or "".
std::string parseMesh(llvm::StringRef mesh, TargetOverrides &overrides);

/// `base` with the overrides applied, named "custom" if anything changed.
TargetAttr withOverrides(TargetAttr base, const TargetOverrides &overrides);

/// The module's target, or null.
TargetAttr getTarget(mlir::ModuleOp module);

} // namespace wafer::fabric

#endif // WAFER_DIALECT_FABRIC_IR_FABRICATTRS_H
