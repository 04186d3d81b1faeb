//===- CompileToBinary.cpp - compile to a .wfb, diagnostics as values -----===//

#include "wafer/Driver/Compile.h"
#include "wafer/Driver/CompileOptions.h"

#include "wafer/Analysis/FabricReport.h"
#include "wafer/InitAllDialects.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace wafer::driver {

namespace {

const char *severityName(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Error:
    return "error";
  case DiagnosticSeverity::Warning:
    return "warning";
  case DiagnosticSeverity::Note:
    return "note";
  case DiagnosticSeverity::Remark:
    return "remark";
  }
  return "error";
}

/// The ONNX node a location names: the importer locates every op at a
/// NameLoc of its node (initializers and graph inputs at their names);
/// passes fuse and nest those.
std::string onnxNodeOf(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().str();
  if (auto fused = dyn_cast<FusedLoc>(loc)) {
    for (Location inner : fused.getLocations()) {
      std::string node = onnxNodeOf(inner);
      if (!node.empty())
        return node;
    }
    return "";
  }
  if (auto callSite = dyn_cast<CallSiteLoc>(loc))
    return onnxNodeOf(callSite.getCallee());
  return "";
}

Diagnostic toValue(mlir::Diagnostic &diag) {
  Diagnostic out;
  out.severity = severityName(diag.getSeverity());
  out.message = diag.str();
  if (!isa<UnknownLoc>(diag.getLocation())) {
    llvm::raw_string_ostream os(out.location);
    diag.getLocation().print(os);
    // loc("model.onnx":0:0) -> "model.onnx":0:0
    llvm::StringRef text(out.location);
    if (text.consume_front("loc(") && text.consume_back(")"))
      out.location = text.str();
  }
  out.onnxNode = onnxNodeOf(diag.getLocation());
  for (mlir::Diagnostic &note : diag.getNotes())
    out.notes.push_back(toValue(note));
  return out;
}

} // namespace

BinaryCompileResult compileToBinary(const CompileOptions &options,
                                    std::string_view model) {
  BinaryCompileResult result;
  DialectRegistry registry;
  wafer::registerAllDialects(registry);
  MLIRContext context(registry);
  context.printOpOnDiagnostic(false);
  // Every diagnostic is recorded; nothing reaches stderr.
  ScopedDiagnosticHandler capture(&context, [&](mlir::Diagnostic &diag) {
    result.diagnostics.push_back(toValue(diag));
    return success();
  });

  CompileOptions binary = options;
  binary.stage = Stage::Wfb;
  CompileHooks hooks;
  hooks.note = [&](const std::string &note) {
    result.diagnostics.push_back({"note", note, "", "", {}});
  };
  hooks.noPePrograms = [&](const std::string &why) {
    result.diagnostics.push_back(
        {"note",
         "the binary has no per-PE programs (the fabric simulator needs "
         "them): " +
             why,
         "", "", {}});
  };
  CompileResult compiled =
      compile(context, binary, hooks,
              llvm::StringRef(model.data(), model.size()));
  if (!compiled.error.empty())
    result.diagnostics.push_back({"error", compiled.error, "", "", {}});
  if (!compiled.module) {
    // A failure always says why; an importer or pass that failed without
    // a word would otherwise leave the caller with nothing to show.
    bool anyError = false;
    for (const Diagnostic &d : result.diagnostics)
      anyError = anyError || d.severity == "error";
    if (!anyError)
      result.diagnostics.push_back(
          {"error", "the compile failed without a diagnostic", "", "", {}});
    return result;
  }
  FabricReport report = FabricReport::of(*compiled.module);
  if (report.valid())
    result.reportJson = llvm::formatv("{0:2}", report.toJSON()).str();
  result.ok = true;
  return result;
}

} // namespace wafer::driver
