//===- waferc.cpp - the Wafer compiler driver -----------------------------===//
//
// model.onnx -> graph IR today; later stages (fabric, routed, pe, wfb) hang
// off the same --emit switch. MLIR's own pass-manager, timing and printing
// options pass straight through.
//
// The pipeline itself is the driver library's (wafer/Driver/Compile.h),
// which the Python extension shares; this file is its command line and
// what it prints.
//
//===----------------------------------------------------------------------===//

#include "wafer/Analysis/FabricPlot.h"
#include "wafer/Analysis/FabricReport.h"
#include "wafer/Analysis/GraphSummary.h"
#include "wafer/Driver/Compile.h"
#include "wafer/Import/OnnxImporter.h"
#include "wafer/InitAllDialects.h"
#include "wafer/InitAllPasses.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
namespace cl = llvm::cl;

namespace {

using wafer::driver::PeMode;
using wafer::driver::Stage;

cl::OptionCategory waferCategory("Wafer options");

cl::opt<std::string> inputFile(cl::Positional, cl::desc("<model.onnx>"),
                               cl::cat(waferCategory));
cl::opt<bool> listOnnxOps("list-onnx-ops",
                          cl::desc("Print the ONNX ops Wafer imports and exit"),
                          cl::init(false), cl::cat(waferCategory));
cl::opt<std::string> outputFile("o",
                                cl::desc("Write the IR (or, for a .wfb file, "
                                         "the kernel binary) to this file"),
                                cl::value_desc("file"), cl::init("-"),
                                cl::cat(waferCategory));
cl::opt<Stage> emitStage(
    "emit", cl::desc("Stop after this stage and print its IR"),
    cl::values(clEnumValN(Stage::Graph, "graph",
                          "the imported model in the graph dialect, with "
                          "shape arithmetic folded and subgraphs fused"),
               clEnumValN(Stage::Fabric, "fabric",
                          "kernels on rectangles of PEs (fabric-tile)"),
               clEnumValN(Stage::Placed, "placed",
                          "every region with an origin on the mesh "
                          "(fabric-place)"),
               clEnumValN(Stage::Routed, "routed",
                          "every stream routed with a color "
                          "(fabric-route)"),
               clEnumValN(Stage::Pe, "pe",
                          "the per-PE programs beside the fabric design "
                          "(pe-lower, pe-allocate, pe-verify)"),
               clEnumValN(Stage::Wfb, "wfb",
                          "the kernel binary (the default when -o names a "
                          ".wfb file)")),
    cl::init(Stage::Graph), cl::cat(waferCategory));
cl::opt<PeMode> peMode(
    "pe", cl::desc("Whether a .wfb holds the per-PE programs that "
                   "wafer-run --mode=sim runs"),
    cl::values(clEnumValN(PeMode::Auto, "auto",
                          "when pe-lower can lower the design; otherwise a "
                          "note says why not (default)"),
               clEnumValN(PeMode::On, "on",
                          "always: an error when pe-lower cannot"),
               clEnumValN(PeMode::Off, "off", "never")),
    cl::init(PeMode::Auto), cl::cat(waferCategory));
cl::opt<wafer::ExternalWeights> externalWeights(
    "external-weights",
    cl::desc("Where a .wfb keeps the weights of a model with external data"),
    cl::values(clEnumValN(wafer::ExternalWeights::Auto, "auto",
                          "refer to the data file when it lies in the "
                          "binary's folder, copy otherwise (default)"),
               clEnumValN(wafer::ExternalWeights::Reference, "reference",
                          "refer to the data file; an error when it is not "
                          "in the binary's folder"),
               clEnumValN(wafer::ExternalWeights::Copy, "copy",
                          "copy the weights into the binary")),
    cl::init(wafer::ExternalWeights::Auto), cl::cat(waferCategory));
cl::opt<std::string> targetName(
    "target", cl::desc("Target machine preset: wse2 or wse3"),
    cl::init("wse3"), cl::cat(waferCategory));
cl::opt<std::string> meshSize(
    "mesh", cl::desc("Custom mesh size, e.g. --mesh 64x64 (overrides the "
                     "preset's)"),
    cl::value_desc("WxH"), cl::cat(waferCategory));
cl::opt<int64_t> sramKb("sram-kb", cl::desc("SRAM per PE in KiB"),
                        cl::init(0), cl::cat(waferCategory));
cl::opt<int64_t> colors("colors", cl::desc("Routable colors"), cl::init(0),
                        cl::cat(waferCategory));
cl::opt<int64_t> clockMhz("clock-mhz", cl::desc("Clock in MHz"), cl::init(0),
                          cl::cat(waferCategory));
cl::opt<std::string> strategy(
    "strategy",
    cl::desc("Mapping strategy: pipeline (a region per kernel, many tokens "
             "in flight), shared (all layers on one region, one after "
             "another: the lowest single-token latency) or auto (the better "
             "single-stream figure)"),
    cl::init("auto"), cl::cat(waferCategory));
cl::opt<uint64_t> seed("seed", cl::desc("Seed of the placer's annealing"),
                       cl::init(1), cl::cat(waferCategory));
cl::opt<int64_t> effort("effort",
                        cl::desc("Annealing moves per kernel (0: the "
                                 "serpentine layout only)"),
                        cl::init(200), cl::cat(waferCategory));
cl::list<std::string> pins("pin",
                           cl::desc("Fix a kernel's origin: NAME=X:Y"),
                           cl::value_desc("name=x:y"), cl::cat(waferCategory));
cl::list<std::string> bands("band",
                            cl::desc("Confine a kernel to rows: NAME=Y0-Y1"),
                            cl::value_desc("name=y0-y1"),
                            cl::cat(waferCategory));
cl::opt<std::string> plotFile(
    "plot",
    cl::desc("Draw the placed (and routed) mesh: kernels, streams and link "
             "load, as SVG or PNG by the file's extension (implies "
             "--emit=placed)"),
    cl::value_desc("file.svg|file.png"), cl::cat(waferCategory));
cl::opt<bool> report("report",
                     cl::desc("Print the mapping report: one row per kernel "
                              "and the totals (implies --emit=fabric)"),
                     cl::init(false), cl::cat(waferCategory));
cl::opt<std::string> reportJson("report-json",
                                cl::desc("Write the mapping report as JSON"),
                                cl::value_desc("file"),
                                cl::cat(waferCategory));
cl::list<std::string>
    dims("dim",
         cl::desc("Bind a symbolic input dimension, e.g. --dim seq=128 "
                  "(repeat for each)"),
         cl::value_desc("name=size"), cl::cat(waferCategory));
cl::opt<int64_t> maxSeq(
    "max-seq",
    cl::desc("Compile a decode model (Hugging Face with_past I/O) into a "
             "decode binary whose KV cache holds this many positions: a "
             "one-token step and prefill programs for prompts of up to this "
             "many tokens (wafer-run --generate)"),
    cl::init(0), cl::cat(waferCategory));
cl::list<int64_t> prefillLengths(
    "prefill-lengths",
    cl::desc("With --max-seq: the prompt lengths the prefill programs take "
             "(a prompt runs on the shortest that holds it, padded); default "
             "16, 32, 64, ... below --max-seq - 1, and --max-seq - 1"),
    cl::CommaSeparated, cl::value_desc("n,n,..."), cl::cat(waferCategory));
cl::opt<bool> noFuse(
    "no-fuse",
    cl::desc("Print the graph as imported: skip graph-fuse, which raises "
             "decomposed norms, activations, layers and attention into fused "
             "ops"),
    cl::init(false), cl::cat(waferCategory));
cl::opt<bool> keepWeights(
    "keep-weights",
    cl::desc("Print weight data in full so that the IR round-trips exactly "
             "(by default weights are elided: a model of gigabytes prints in "
             "a moment)"),
    cl::init(false), cl::cat(waferCategory));
cl::opt<bool> summary("summary",
                      cl::desc("Print a summary of the model (signature, "
                               "weights, ops per kind) after the IR"),
                      cl::init(false), cl::cat(waferCategory));
cl::opt<std::string> summaryJson("summary-json",
                                 cl::desc("Write the summary as JSON"),
                                 cl::value_desc("file"),
                                 cl::cat(waferCategory));
cl::opt<bool> progress(
    "progress",
    cl::desc("Print [k/n] progress lines on stderr (default: when stderr is "
             "a terminal)"),
    cl::init(llvm::sys::Process::StandardErrIsDisplayed()),
    cl::cat(waferCategory));

LogicalResult writeJson(llvm::StringRef path, const llvm::json::Value &value) {
  std::string error;
  auto file = openOutputFile(path, &error);
  if (!file) {
    llvm::errs() << "waferc: error: " << error << "\n";
    return failure();
  }
  file->os() << llvm::formatv("{0:2}", value) << "\n";
  file->keep();
  return success();
}

int compile(MLIRContext &context) {
  bool wantsReport = report || !reportJson.empty();
  if (wantsReport && emitStage.getNumOccurrences() &&
      emitStage < Stage::Fabric) {
    llvm::errs() << "waferc: error: --report needs --emit=fabric or later\n";
    return 1;
  }
  // A .wfb output is a full compile unless --emit says otherwise.
  bool binaryOutput = llvm::StringRef(outputFile).ends_with(".wfb");
  Stage requested = emitStage.getNumOccurrences() || !binaryOutput
                        ? emitStage.getValue()
                        : Stage::Wfb;
  if (requested == Stage::Wfb && (outputFile == "-" || !binaryOutput)) {
    llvm::errs() << "waferc: error: --emit=wfb writes a binary: name the "
                    "output file with -o model.wfb\n";
    return 1;
  }
  if (binaryOutput && requested != Stage::Wfb) {
    llvm::errs() << "waferc: error: -o " << outputFile
                 << " names a kernel binary, but --emit asks for IR\n";
    return 1;
  }
  Stage stage = wantsReport ? std::max(requested, Stage::Fabric) : requested;
  if (!plotFile.empty()) {
    if (emitStage.getNumOccurrences() && emitStage < Stage::Placed) {
      llvm::errs() << "waferc: error: --plot needs --emit=placed or later\n";
      return 1;
    }
    stage = std::max(stage, Stage::Placed);
  }

  DefaultTimingManager timingManager;
  applyDefaultTimingManagerCLOptions(timingManager);
  TimingScope timing = timingManager.getRootScope();

  wafer::driver::CompileOptions options;
  options.input = inputFile;
  options.dims.assign(dims.begin(), dims.end());
  options.stage = stage;
  options.pe = peMode;
  options.output = outputFile;
  options.externalWeights = externalWeights;
  options.target = targetName;
  options.mesh = meshSize;
  options.sramKb = sramKb;
  options.colors = colors;
  options.clockMhz = clockMhz;
  options.strategy = strategy;
  options.seed = seed;
  options.effort = effort;
  options.pins.assign(pins.begin(), pins.end());
  options.bands.assign(bands.begin(), bands.end());
  if (maxSeq.getNumOccurrences())
    options.maxSeq = maxSeq;
  options.prefillLengths.assign(prefillLengths.begin(), prefillLengths.end());
  options.noFuse = noFuse;
  options.progress = progress;
  wafer::driver::CompileHooks hooks;
  // MLIR's options (IR printing, timing, reproducers) apply to every stage.
  hooks.configurePassManager = [](PassManager &pm) {
    return applyPassManagerCLOptions(pm);
  };
  hooks.timing = &timing;
  hooks.note = [](const std::string &note) {
    llvm::errs() << "waferc: note: " << note << "\n";
  };
  hooks.noPePrograms = [](const std::string &why) {
    llvm::errs() << "waferc: note: " << outputFile
                 << " has no per-PE programs (wafer-run --mode=sim needs "
                    "them): "
                 << why << "\n";
  };
  wafer::driver::CompileResult compiled =
      wafer::driver::compile(context, options, hooks);
  if (!compiled.error.empty()) {
    llvm::errs() << "waferc: error: " << compiled.error << "\n";
    return 1;
  }
  if (!compiled.module)
    return 1;
  OwningOpRef<ModuleOp> &module = compiled.module;

  std::string error;
  auto output =
      stage == Stage::Wfb ? nullptr : openOutputFile(outputFile, &error);
  if (stage != Stage::Wfb && !output) {
    llvm::errs() << "waferc: error: " << error << "\n";
    return 1;
  }
  if (output) {
    OpPrintingFlags flags;
    if (!keepWeights)
      flags.elideLargeResourceString(0).elideLargeElementsAttrs(1024);
    TimingScope printTiming = timing.nest("Print IR");
    module->print(output->os(), flags);
    output->os() << "\n";
    output->keep();
  }

  if (!plotFile.empty()) {
    std::string plotError;
    if (failed(wafer::plotFabric(*module, plotFile, plotError))) {
      llvm::errs() << "waferc: error: " << plotError << "\n";
      return 1;
    }
  }

  if (wantsReport) {
    wafer::FabricReport r = wafer::FabricReport::of(*module);
    if (report) {
      llvm::outs() << "// ---- mapping report of " << inputFile << "\n";
      r.printText(llvm::outs());
    }
    if (!reportJson.empty() && failed(writeJson(reportJson, r.toJSON())))
      return 1;
  }

  if (summary || !summaryJson.empty()) {
    wafer::GraphSummary s = wafer::GraphSummary::of(*module);
    if (summary) {
      llvm::outs() << "// ---- summary of " << inputFile << "\n";
      s.printText(llvm::outs());
    }
    if (!summaryJson.empty() && failed(writeJson(summaryJson, s.toJSON())))
      return 1;
  }
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  registerDefaultTimingManagerCLOptions();
  wafer::registerAllPasses();
  // --help shows Wafer's options and MLIR's, not every flag libLLVM has.
  static cl::OptionCategory mlirCategory("MLIR options");
  for (auto &[name, option] : cl::getRegisteredOptions())
    if (name.starts_with("mlir-"))
      option->addCategory(mlirCategory);
  cl::HideUnrelatedOptions({&waferCategory, &mlirCategory});
  cl::ParseCommandLineOptions(
      argc, argv,
      "waferc: compile an ONNX transformer for a wafer-scale dataflow "
      "machine\n\n"
      "  waferc model.onnx --emit=graph --dim batch=1 --dim seq=128 "
      "[-o out.mlir]\n"
      "  waferc model.onnx --dim batch=1 --dim seq=1 --target wse3 "
      "--strategy auto --report\n");

  if (listOnnxOps) {
    for (const std::string &op : wafer::supportedOnnxOps())
      llvm::outs() << op << "\n";
    return 0;
  }
  if (inputFile.empty()) {
    llvm::errs() << "waferc: error: no input model (see waferc --help)\n";
    return 1;
  }

  DialectRegistry registry;
  wafer::registerAllDialects(registry);
  MLIRContext context(registry);
  // Diagnostics point at ONNX nodes; dumping the op would bury the message.
  context.printOpOnDiagnostic(false);
  // Prints errors with their notes (hints, the supported-op list) and
  // warnings, located at the ONNX node.
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  return compile(context);
}
