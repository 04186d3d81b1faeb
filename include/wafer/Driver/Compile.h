//===- Compile.h - the compile pipeline, model to binary --------*- C++ -*-===//
//
// The one home of what waferc does between reading its options and
// printing its outputs: import the ONNX model, fold shapes and fuse, tile
// onto the target, place, route, lower to per-PE programs, compile a decode
// binary's prefill programs and write the kernel binary, each stage only as
// far as CompileOptions::stage asks.
// tools/waferc and the Python extension (through compileToBinary,
// wafer/Driver/CompileOptions.h) both run it.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_DRIVER_COMPILE_H
#define WAFER_DRIVER_COMPILE_H

#include "wafer/Driver/CompileOptions.h"
#include "wafer/Import/OnnxImporter.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"

#include <functional>
#include <string>
#include <vector>

namespace wafer::driver {

/// What a caller adds to the pipeline.
struct CompileHooks {
  /// Called on every stage's pass manager before its passes are added
  /// (waferc applies MLIR's command-line options here); a failure stops
  /// the compile.
  std::function<mlir::LogicalResult(mlir::PassManager &)> configurePassManager;
  /// Every stage's timing nests here (MLIR's --mlir-timing).
  mlir::TimingScope *timing = nullptr;
  /// A note about the compile rather than an op (what bounds --max-seq
  /// when a decode model's import fails). Unset: a remark on the context.
  std::function<void(const std::string &)> note;
  /// With PeMode::Auto, called with the reason when the binary goes
  /// without per-PE programs (pe-lower has no lowering for a kernel).
  /// Unset: a remark on the context says so.
  std::function<void(const std::string &why)> noPePrograms;
};

struct CompileResult {
  /// The module after the last stage run; null when the compile failed.
  mlir::OwningOpRef<mlir::ModuleOp> module;
  /// A failure that is not a diagnostic (a malformed dimension binding);
  /// the other failures are diagnostics on the context.
  std::string error;
  /// The external-data files the import mapped: weights of `module` may
  /// point into them, so they live as long as it.
  std::vector<OnnxExternalFile> externalFiles;
};

/// Runs the pipeline on `options.input`, or on `model` (a serialized ONNX
/// model, named `options.input`) when it is not empty. With Stage::Wfb,
/// writes the binary to `options.output`.
CompileResult compile(mlir::MLIRContext &context,
                      const CompileOptions &options,
                      const CompileHooks &hooks = {},
                      llvm::StringRef model = {});

} // namespace wafer::driver

#endif // WAFER_DRIVER_COMPILE_H
