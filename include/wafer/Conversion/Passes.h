//===- Passes.h - conversions between Wafer's dialects ----------*- C++ -*-===//

#ifndef WAFER_CONVERSION_PASSES_H
#define WAFER_CONVERSION_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace wafer {

#define GEN_PASS_DECL
#include "wafer/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "wafer/Conversion/Passes.h.inc"

} // namespace wafer

#endif // WAFER_CONVERSION_PASSES_H
