//===- OnnxImporter.h - ONNX to graph dialect -------------------*- C++ -*-===//

#ifndef WAFER_IMPORT_ONNXIMPORTER_H
#define WAFER_IMPORT_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/MemoryBufferRef.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wafer {

/// Oldest and newest default-domain opset the importer accepts.
constexpr int64_t kMinOnnxOpset = 13;
constexpr int64_t kMaxOnnxOpset = 25;

/// An external-data file the importer mapped. The weights imported from it
/// point into `buffer` (until a pass rewrites them), so that a kernel
/// binary can refer to the file instead of copying them.
struct OnnxExternalFile {
  std::string path; ///< the model's folder joined with the location
  std::shared_ptr<llvm::MemoryBuffer> buffer;
};

struct OnnxImportOptions {
  /// Sizes for the symbolic dimensions (dim_param) of the model's inputs.
  llvm::StringMap<int64_t> dims;
  /// When set, receives every external-data file the import mapped, sorted
  /// by path (it keeps them mapped).
  std::vector<OnnxExternalFile> *externalFiles = nullptr;
  /// Binds a decode model's sequence dimensions by the inputs' roles, as
  /// Hugging Face exports name them: `tokens` for dimension 1 of input_ids
  /// and position_ids, `past` for dimension 2 of past_key_values.*, and
  /// their sum for dimension 1 of attention_mask (waferc --max-seq).
  struct DecodeLengths {
    int64_t tokens = 1, past = 0;
  };
  std::optional<DecodeLengths> decode;
};

/// Parses "name=value" into `options.dims`; returns an error message or "".
std::string parseDimBinding(llvm::StringRef binding,
                            OnnxImportOptions &options);

/// Reads an .onnx file (with any external data beside it) into a module
/// holding one `func.func @main` of graph ops. On failure the reasons have
/// been emitted as diagnostics on `context` and the result is null.
mlir::OwningOpRef<mlir::ModuleOp>
importOnnxFile(llvm::StringRef path, mlir::MLIRContext *context,
               const OnnxImportOptions &options);

/// Same, for a model already in memory; its buffer identifier is the path
/// that external data locations are relative to.
mlir::OwningOpRef<mlir::ModuleOp>
importOnnx(llvm::MemoryBufferRef model, mlir::MLIRContext *context,
           const OnnxImportOptions &options);

/// The ONNX op types the importer supports, sorted.
std::vector<std::string> supportedOnnxOps();

} // namespace wafer

#endif // WAFER_IMPORT_ONNXIMPORTER_H
