//===- CompileOptions.h - what a compile is asked to do ---------*- C++ -*-===//
//
// The options of the compile pipeline (wafer/Driver/Compile.h) and an
// entry point that compiles a model to a kernel binary and hands back its
// diagnostics as plain values. Only the standard library: the Python
// extension includes it, and is compiled with RTTI, which LLVM's and MLIR's
// headers are not meant for.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_DRIVER_COMPILEOPTIONS_H
#define WAFER_DRIVER_COMPILEOPTIONS_H

#include "wafer/Target/ExternalWeights.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wafer::driver {

/// Where the pipeline stops.
enum class Stage { Graph, Fabric, Placed, Routed, Pe, Wfb };

/// Whether a .wfb holds the per-PE programs.
enum class PeMode {
  Auto, ///< when pe-lower can lower the design; otherwise a note says why
  On,   ///< always: an error when pe-lower cannot
  Off,  ///< never
};

struct CompileOptions {
  /// The model's path. For a model in memory, what its diagnostics and the
  /// binary's manifest call it; its external data is relative to it.
  std::string input;
  /// Sizes of symbolic input dimensions, each "name=size".
  std::vector<std::string> dims;
  Stage stage = Stage::Graph;
  PeMode pe = PeMode::Auto;
  /// The kernel binary's path (Stage::Wfb).
  std::string output;
  ExternalWeights externalWeights = ExternalWeights::Auto;
  /// The producer the binary's manifest names.
  std::string producer = "waferc";

  // fabric-tile
  std::string target = "wse3";
  std::string mesh; ///< "WxH"; empty: the target's
  int64_t sramKb = 0, colors = 0, clockMhz = 0; ///< 0: the target's
  std::string strategy = "auto";
  // fabric-place
  uint64_t seed = 1;
  int64_t effort = 200;
  std::vector<std::string> pins;  ///< "name=x:y"
  std::vector<std::string> bands; ///< "name=y0-y1"

  /// A decode binary (waferc --max-seq): a with_past decode model compiled
  /// into a one-token step whose KV cache holds this many positions, and
  /// (Stage::Wfb) prefill programs for the prompt lengths of
  /// `prefillLengths` (empty: 16, 32, 64, ... below maxSeq - 1, and
  /// maxSeq - 1).
  std::optional<int64_t> maxSeq;
  std::vector<int64_t> prefillLengths;

  /// Skip graph-fuse (the graph as imported, shapes folded).
  bool noFuse = false;
  /// Print "[k/n] step" lines on stderr.
  bool progress = false;
};

/// A diagnostic of a compile, as plain values.
struct Diagnostic {
  std::string severity; ///< "error", "warning", "note" or "remark"
  std::string message;
  /// The location as MLIR prints it ("" when unknown).
  std::string location;
  /// The ONNX node (or initializer, or graph input) it is about, where the
  /// location names one.
  std::string onnxNode;
  std::vector<Diagnostic> notes;
};

struct BinaryCompileResult {
  bool ok = false;
  /// Every diagnostic the compile emitted, in order (warnings and notes
  /// too, also when it succeeded).
  std::vector<Diagnostic> diagnostics;
  /// The mapping report as waferc --report-json writes it (on success).
  std::string reportJson;
};

/// Compiles `options.input` (or, when `model` is not empty, the serialized
/// ONNX model it holds) to the kernel binary `options.output`, whatever
/// `options.stage` says. Uses its own MLIR context and prints nothing (but
/// progress lines, when asked): every diagnostic is in the result. Safe to
/// call from several threads at once.
BinaryCompileResult compileToBinary(const CompileOptions &options,
                                    std::string_view model = {});

} // namespace wafer::driver

#endif // WAFER_DRIVER_COMPILEOPTIONS_H
