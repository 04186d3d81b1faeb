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

#include "wafer/Target/ExternalWeights.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace wafer {

/// A file whose bytes weights may still point into: the ONNX model's
/// external data, mapped by the importer.
struct WfbExternalFile {
  std::string path;      ///< as the importer opened it
  llvm::StringRef bytes; ///< the mapping; outlives the emitter
};

/// The programs a decode binary adds to its one-token step (the module
/// writeWfb is given): graph-level modules after graph-kv-cache.
struct WfbDecode {
  int64_t capacity = 0;   ///< positions each cache holds
  int64_t maskedPast = 1; ///< masked positions before a prefill's prompt
  struct Prefill {
    int64_t tokens;        ///< prompt positions it takes
    mlir::ModuleOp module; ///< graph-kv-cache'd with prefill=1
  };
  std::vector<Prefill> prefills; ///< by increasing tokens
};

struct WfbOptions {
  /// Written into the manifest: who made the binary, and from what.
  std::string producer = "waferc";
  std::string source;
  /// The importer's external-data files (OnnxImportOptions::externalFiles).
  std::vector<WfbExternalFile> externalFiles;
  ExternalWeights externalWeights = ExternalWeights::Auto;
  /// Set for a decode binary (waferc --max-seq).
  std::optional<WfbDecode> decode;
};

/// Writes `module` to `path`. Errors are diagnostics on the module (or the
/// op that cannot be encoded); nothing is left at `path` on failure.
mlir::LogicalResult writeWfb(mlir::ModuleOp module, llvm::StringRef path,
                             const WfbOptions &options = {});

/// Registers the `--mlir-to-wfb` and `--wfb-to-text` translations.
void registerWfbTranslations();

} // namespace wafer

#endif // WAFER_TARGET_WFB_H
