//===- Wfb.h - a mapped design as a kernel binary (.wfb) --------*- C++ -*-===//
//
// The emitter: a module holding a fabric.design becomes a .wfb whose
// manifest carries the target, the kernels and streams as placed and
// routed, the tensor table and the signature, whose host program lists the
// graph ops of every kernel in program order, and whose weights section
// stores every constant once, 64-byte aligned.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_TARGET_WFB_H
#define WAFER_TARGET_WFB_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace wafer {

struct WfbOptions {
  /// Written into the manifest: who made the binary, and from what.
  std::string producer = "waferc";
  std::string source;
};

/// Writes `module` to `path`. Errors are diagnostics on the module (or the
/// op that cannot be encoded); nothing is left at `path` on failure.
mlir::LogicalResult writeWfb(mlir::ModuleOp module, llvm::StringRef path,
                             const WfbOptions &options = {});

/// Registers the `--mlir-to-wfb` and `--wfb-to-text` translations.
void registerWfbTranslations();

} // namespace wafer

#endif // WAFER_TARGET_WFB_H
