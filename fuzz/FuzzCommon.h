//===- FuzzCommon.h - shared pieces of Wafer's libFuzzer harnesses -*- C++ -*-===//
//
// Both harnesses build a fresh MLIRContext per input (no state carries over
// from one input to the next, so every crash reproduces from its input
// alone), swallow diagnostics (errors are fine; crashes, sanitizer reports,
// timeouts and running out of memory are bugs) and run passes one at a time
// with two oracles on top of "does not crash":
//
//  * a pass that succeeds leaves IR that verifies, and
//  * IR that verifies prints as text that parses back (round trip).
//
// A broken oracle prints what it saw and aborts, which libFuzzer reports as
// a crash with the input saved.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_FUZZ_FUZZCOMMON_H
#define WAFER_FUZZ_FUZZCOMMON_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "wafer/InitAllDialects.h"
#include "wafer/InitAllPasses.h"

namespace wafer::fuzz {

/// With WAFER_FUZZ_RECENT_INPUTS=DIR, every input is written to DIR/N
/// (N = its number modulo 16) before it runs: for a crash that a later
/// input only detects (heap corruption caught by glibc in a build without
/// ASan), the inputs that ran just before it.
inline void recordRecentInput(const uint8_t *data, size_t size) {
  static const char *dir = std::getenv("WAFER_FUZZ_RECENT_INPUTS");
  static unsigned long count = 0;
  if (!dir)
    return;
  std::string path = std::string(dir) + "/" + std::to_string(count++ % 16);
  if (FILE *f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
}

/// The dialects every context gets; built once.
inline mlir::DialectRegistry &registry() {
  static mlir::DialectRegistry *r = [] {
    auto *registry = new mlir::DialectRegistry;
    registerAllDialects(*registry);
    registerAllPasses();
    return registry;
  }();
  return *r;
}

/// A context for one input: Wafer's dialects, no threads (a thread pool per
/// input would cost more than most inputs), diagnostics dropped.
class FuzzContext {
public:
  FuzzContext()
      : context(registry(), mlir::MLIRContext::Threading::DISABLED),
        handler(&context, [](mlir::Diagnostic &) { return mlir::success(); }) {
    context.printOpOnDiagnostic(false);
    context.printStackTraceOnDiagnostic(false);
  }
  mlir::MLIRContext context;

private:
  mlir::ScopedDiagnosticHandler handler;
};

/// Prints `what` and the diagnostics of verifying `op` (to stderr, through a
/// handler that outranks the swallowing one), then aborts.
[[noreturn]] inline void oracleFailed(mlir::Operation *op,
                                      const std::string &what) {
  llvm::errs() << "wafer-fuzz: ORACLE FAILED: " << what << "\n";
  {
    mlir::ScopedDiagnosticHandler print(op->getContext(),
                                        [](mlir::Diagnostic &d) {
                                          llvm::errs() << d << "\n";
                                          return mlir::success();
                                        });
    (void)mlir::verify(op);
  }
  llvm::errs().flush();
  std::abort();
}

/// Printed IR parses back and verifies: the custom form, and with
/// `generic` the generic form too.
inline void checkRoundTrip(mlir::ModuleOp module, const std::string &when,
                           bool generic = true) {
  for (bool printGeneric : {false, true}) {
    if (printGeneric && !generic)
      break;
    std::string text;
    {
      llvm::raw_string_ostream os(text);
      mlir::OpPrintingFlags flags;
      if (printGeneric)
        flags.printGenericOpForm();
      module->print(os, flags);
    }
    mlir::ParserConfig config(module->getContext());
    mlir::OwningOpRef<mlir::ModuleOp> reparsed =
        mlir::parseSourceString<mlir::ModuleOp>(text, config, "round-trip");
    if (!reparsed) {
      llvm::errs() << "wafer-fuzz: printed IR (" << when << "):\n"
                   << text << "\n";
      mlir::ScopedDiagnosticHandler print(module->getContext(),
                                          [](mlir::Diagnostic &d) {
                                            llvm::errs() << d << "\n";
                                            return mlir::success();
                                          });
      (void)mlir::parseSourceString<mlir::ModuleOp>(text, config,
                                                    "round-trip");
      llvm::errs() << "wafer-fuzz: ORACLE FAILED: the "
                   << (printGeneric ? "generic" : "custom")
                   << " form printed " << when << " does not parse back\n";
      llvm::errs().flush();
      std::abort();
    }
  }
}

/// Runs each textual pass pipeline of `pipelines` (e.g.
/// "fabric-tile{mesh=16x16}") on `module` in turn, stopping at the first
/// that fails; each that succeeds must leave IR that verifies and, with
/// `roundTrip`, prints (custom form) and parses back. Returns whether all
/// succeeded.
inline bool runPassesChecked(mlir::ModuleOp module,
                             llvm::ArrayRef<std::string> pipelines,
                             bool roundTrip) {
  for (const std::string &pipeline : pipelines) {
    mlir::PassManager pm(module->getContext());
    pm.enableVerifier(false);
    std::string error;
    llvm::raw_string_ostream errorStream(error);
    if (mlir::failed(mlir::parsePassPipeline(pipeline, pm, errorStream))) {
      llvm::errs() << "wafer-fuzz: bad pipeline '" << pipeline
                   << "': " << error << "\n";
      std::abort();
    }
    if (mlir::failed(pm.run(module)))
      return false;
    if (mlir::failed(mlir::verify(module)))
      oracleFailed(module, "'" + pipeline +
                               "' succeeded but left IR that does not verify");
    if (roundTrip)
      checkRoundTrip(module, "after " + pipeline, /*generic=*/false);
  }
  return true;
}

/// Whether any op of `module` belongs to `dialect`.
inline bool containsDialect(mlir::ModuleOp module, llvm::StringRef dialect) {
  bool found = false;
  module->walk([&](mlir::Operation *op) {
    if (op->getName().getDialectNamespace() == dialect) {
      found = true;
      return mlir::WalkResult::interrupt();
    }
    return mlir::WalkResult::advance();
  });
  return found;
}

} // namespace wafer::fuzz

#endif // WAFER_FUZZ_FUZZCOMMON_H
