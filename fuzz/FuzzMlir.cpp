//===- FuzzMlir.cpp - libFuzzer harness: textual IR through Wafer's passes ===//
//
// bytes -> the text checks (wafer/Support/IrTextChecks.h, as wafer-opt
// applies it) -> parse as textual MLIR with the func, graph and fabric
// dialects -> verify -> print and parse back. IR that verifies then goes
// through the passes, each on its own copy of the module:
//
//  * any IR: canonicalize (the graph ops' folders and patterns);
//  * IR with graph ops (fabric IR too: kernels hold graph ops):
//    graph-fold-shapes, cse, graph-fuse, then fabric-tile on a 16x16 mesh,
//    fabric-place (low effort), fabric-route;
//  * fabric IR: fabric-place, fabric-route; fabric-route alone (for IR
//    that is placed already); fabric-place, then pe-lower, pe-allocate and
//    pe-verify (the per-PE programs of whatever it can lower);
//  * pe IR: pe-allocate then pe-verify, and pe-verify alone.
//
// Errors are fine; crashes, sanitizer reports, timeouts, running out of
// memory, a pass that succeeds but leaves IR that does not verify and
// verified IR that does not print and parse back are bugs (FuzzCommon.h).
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "wafer/Support/IrTextChecks.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

void runPipelines(mlir::ModuleOp original,
                  llvm::ArrayRef<std::string> pipelines) {
  mlir::OwningOpRef<mlir::ModuleOp> copy = original.clone();
  (void)wafer::fuzz::runPassesChecked(*copy, pipelines, /*roundTrip=*/true);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  (void)wafer::fuzz::registry();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wafer::fuzz::recordRecentInput(data, size);
  std::string_view text(reinterpret_cast<const char *>(data), size);
  if (!wafer::checkIrText("input", text).empty())
    return 0; // wafer-opt refuses it before parsing, and so do we

  wafer::fuzz::FuzzContext fuzz;
  // A copy, NUL-terminated as MLIR's lexer expects its buffers to be.
  llvm::SourceMgr sources;
  sources.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(text), "input"),
      llvm::SMLoc());
  mlir::ParserConfig config(&fuzz.context, /*verifyAfterParse=*/true);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(sources, config);
  if (!module)
    return 0;
  wafer::fuzz::checkRoundTrip(*module, "after parsing");

  bool graph = wafer::fuzz::containsDialect(*module, "graph");
  bool fabric = wafer::fuzz::containsDialect(*module, "fabric");
  runPipelines(*module, {"canonicalize"});
  if (graph) {
    runPipelines(*module, {"graph-fold-shapes", "cse", "graph-fuse",
                           "fabric-tile{mesh=16x16 strategy=auto}",
                           "fabric-place{seed=1 effort=4}",
                           "fabric-route{max-iterations=8}"});
  }
  if (fabric) {
    runPipelines(*module, {"fabric-place{seed=1 effort=4}",
                           "fabric-route{max-iterations=8}"});
    runPipelines(*module, {"fabric-route{max-iterations=8}"});
    runPipelines(*module, {"fabric-place{seed=1 effort=4}", "pe-lower",
                           "pe-allocate", "pe-verify"});
  }
  if (wafer::fuzz::containsDialect(*module, "pe")) {
    runPipelines(*module, {"pe-allocate", "pe-verify"});
    runPipelines(*module, {"pe-verify"});
  }
  return 0;
}
