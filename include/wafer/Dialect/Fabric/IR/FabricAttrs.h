//===- FabricAttrs.h - the target machine model -----------------*- C++ -*-===//

#ifndef WAFER_DIALECT_FABRIC_IR_FABRICATTRS_H
#define WAFER_DIALECT_FABRIC_IR_FABRICATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"

#include "wafer/Dialect/Fabric/IR/FabricDialect.h"
#include "wafer/Support/TargetLimits.h"

#include "wafer/Dialect/Fabric/IR/FabricEnums.h.inc"

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

/// Sets the SRAM (KiB), color and clock (MHz) overrides after checking each
/// against what Wafer models; returns an error message or "".
std::string setTargetOverrides(int64_t sramKb, int64_t colors,
                               int64_t clockMhz, TargetOverrides &overrides);

/// Parses "WIDTHxHEIGHT" into the overrides; returns an error message or "".
std::string parseMesh(llvm::StringRef mesh, TargetOverrides &overrides);

/// `base` with the overrides applied, named "custom" if anything changed.
TargetAttr withOverrides(TargetAttr base, const TargetOverrides &overrides);

/// Colors a kernel of `scheme` holds on every router of its region for its
/// own collectives: an operand broadcast and a reduction (or a shift ring
/// and a drain), and a third for attention's softmax statistics.
int64_t collectiveColors(KernelScheme scheme);

/// Every scheme, in declaration order.
llvm::ArrayRef<KernelScheme> allKernelSchemes();

/// The bounds of a target's figures (wafer/Support/TargetLimits.h), which
/// the command-line overrides and the attribute's verifier both keep.
using wafer::kMaxClockKhz;
using wafer::kMaxColors;
using wafer::kMaxMeshPEs;
using wafer::kMaxMeshSide;
using wafer::kMaxSramBytes;

} // namespace wafer::fabric

#endif // WAFER_DIALECT_FABRIC_IR_FABRICATTRS_H
