//===- Compile.cpp - the compile pipeline, model to binary ----------------===//

#include "wafer/Driver/Compile.h"

#include "wafer/Conversion/FabricToPE.h"
#include "wafer/Conversion/Passes.h"
#include "wafer/Dialect/Fabric/Transforms/Passes.h"
#include "wafer/Dialect/Graph/Transforms/Passes.h"
#include "wafer/Dialect/PE/Transforms/Passes.h"
#include "wafer/Target/Wfb.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace wafer::driver {

namespace {

/// `[k/n] what` lines for people watching a long compile.
class Progress {
public:
  Progress(bool enabled, int total) : enabled(enabled), total(total) {}
  void step(llvm::StringRef what) {
    if (enabled)
      llvm::errs() << "[" << ++done << "/" << total << "] " << what << "\n";
  }
  /// A step that turned out not to be needed.
  void drop() { --total; }

private:
  bool enabled;
  int total, done = 0;
};

} // namespace

CompileResult compile(MLIRContext &context, const CompileOptions &options,
                      const CompileHooks &hooks, llvm::StringRef model) {
  CompileResult result;
  OnnxImportOptions importOptions;
  importOptions.externalFiles = &result.externalFiles;
  for (const std::string &binding : options.dims) {
    result.error = parseDimBinding(binding, importOptions);
    if (!result.error.empty())
      return result;
  }

  // A decode binary: the step is the module compiled below; the prefills
  // are compiled before the write.
  constexpr int64_t kMaxCapacity = int64_t(1) << 20;
  std::vector<int64_t> prefills;
  if (options.maxSeq) {
    const int64_t maxSeq = *options.maxSeq;
    if (maxSeq < 2 || maxSeq > kMaxCapacity) {
      result.error = "--max-seq " + std::to_string(maxSeq) +
                     " is out of range: the cache holds 2 to " +
                     std::to_string(kMaxCapacity) + " positions";
      return result;
    }
    if (options.prefillLengths.empty()) {
      // The longest prefill runs behind one masked position: N - 1 prompt
      // positions need the N positions of the step's attention.
      for (int64_t n = 16; n < maxSeq - 1; n *= 2)
        prefills.push_back(n);
      prefills.push_back(maxSeq - 1);
    } else {
      prefills = options.prefillLengths;
    }
    for (size_t i = 0; i < prefills.size(); ++i)
      if (prefills[i] < 1 || prefills[i] > maxSeq ||
          (i && prefills[i] <= prefills[i - 1])) {
        result.error = "--prefill-lengths must increase from 1 to --max-seq "
                       "(" +
                       std::to_string(maxSeq) + "); " +
                       std::to_string(prefills[i]) + " does not";
        return result;
      }
    importOptions.decode = {/*tokens=*/1, /*past=*/maxSeq - 1};
  } else if (!options.prefillLengths.empty()) {
    result.error = "--prefill-lengths needs --max-seq";
    return result;
  }

  const Stage stage = options.stage;
  // A timing scope that records nothing when the caller has none.
  TimingScope noTiming;
  TimingScope &timing = hooks.timing ? *hooks.timing : noTiming;
  // The per-PE programs: for Stage::Pe, and in a binary unless PeMode::Off
  // (with PeMode::Auto, only where pe-lower has a lowering for every
  // kernel; that is known once the design is routed).
  bool lowerToPe = stage == Stage::Pe ||
                   (stage == Stage::Wfb && options.pe != PeMode::Off);
  // import, fold and fuse, one step per later stage, and the write.
  Progress steps(options.progress,
                 /*total=*/3 + int(std::min(stage, Stage::Routed)) -
                     int(Stage::Graph) + int(lowerToPe) +
                     (stage == Stage::Wfb ? int(prefills.size()) : 0));

  auto note = [&](const std::string &text) {
    if (hooks.note)
      hooks.note(text);
    else
      emitRemark(UnknownLoc::get(&context)) << text;
  };
  auto importModel = [&](const OnnxImportOptions &importWith) {
    if (model.empty())
      return importOnnxFile(options.input, &context, importWith);
    return importOnnx(llvm::MemoryBufferRef(model, options.input), &context,
                      importWith);
  };
  steps.step("import " + options.input);
  OwningOpRef<ModuleOp> module;
  {
    TimingScope importTiming = timing.nest("Import ONNX");
    module = importModel(importOptions);
  }
  if (!module) {
    if (options.maxSeq)
      note("the step was compiled with a past of " +
           std::to_string(*options.maxSeq - 1) + " positions (--max-seq " +
           std::to_string(*options.maxSeq) +
           "); a model's position tables bound --max-seq");
    return result;
  }

  // One pass manager per stage, so that each gets its progress line and
  // the caller's configuration (IR printing, timing, reproducers) applies
  // to all.
  auto runStage = [&](const std::string &label,
                      function_ref<void(PassManager &)> addPasses) {
    steps.step(label);
    PassManager pm(&context);
    if (hooks.configurePassManager && failed(hooks.configurePassManager(pm)))
      return failure();
    if (hooks.timing)
      pm.enableTiming(timing);
    addPasses(pm);
    return pm.run(*module);
  };
  if (failed(runStage(options.noFuse ? "fold shapes" : "fold shapes, fuse",
                      [&](PassManager &pm) {
                        pm.addPass(graph::createGraphFoldShapes());
                        pm.addPass(createCSEPass());
                        if (!options.noFuse)
                          pm.addPass(graph::createGraphFuse());
                        if (options.maxSeq)
                          pm.addPass(graph::createGraphKvCache());
                      })))
    return result;
  if (stage >= Stage::Fabric &&
      failed(runStage("tile onto " + options.target + " (" +
                          options.strategy + ")",
                      [&](PassManager &pm) {
                        FabricTileOptions tile;
                        tile.target = options.target;
                        tile.mesh = options.mesh;
                        tile.sramKb = options.sramKb;
                        tile.colors = options.colors;
                        tile.clockMhz = options.clockMhz;
                        tile.strategy = options.strategy;
                        pm.addPass(createFabricTile(tile));
                      })))
    return result;
  if (stage >= Stage::Placed &&
      failed(runStage("place (seed " + std::to_string(options.seed) + ")",
                      [&](PassManager &pm) {
                        fabric::FabricPlaceOptions place;
                        place.seed = options.seed;
                        place.effort = options.effort;
                        place.pins.assign(options.pins.begin(),
                                          options.pins.end());
                        place.bands.assign(options.bands.begin(),
                                           options.bands.end());
                        pm.addPass(fabric::createFabricPlace(place));
                      })))
    return result;
  if (stage >= Stage::Routed &&
      failed(runStage("route", [&](PassManager &pm) {
        pm.addPass(fabric::createFabricRoute());
      })))
    return result;
  if (lowerToPe && stage == Stage::Wfb && options.pe == PeMode::Auto) {
    std::string why = peLoweringProblem(*module);
    if (!why.empty()) {
      if (hooks.noPePrograms)
        hooks.noPePrograms(why);
      else
        emitRemark(UnknownLoc::get(&context))
            << options.output << " has no per-PE programs: " << why;
      lowerToPe = false;
      steps.drop();
    }
  }
  if (lowerToPe &&
      failed(runStage("lower to per-PE programs", [&](PassManager &pm) {
        pm.addPass(createPeLower());
        pm.addPass(pe::createPEAllocate());
        pm.addPass(pe::createPEVerify());
      })))
    return result;

  // The prefill programs of a decode binary: host programs over the same
  // weights, one per prompt length (each a graph-level module).
  std::vector<OwningOpRef<ModuleOp>> prefillModules;
  if (stage == Stage::Wfb) {
    for (int64_t tokens : prefills) {
      OnnxImportOptions prefillOptions = importOptions;
      prefillOptions.decode = {tokens, /*past=*/1};
      std::vector<OnnxExternalFile> files;
      prefillOptions.externalFiles = &files;
      steps.step("compile the prefill of " + std::to_string(tokens) +
                 " tokens");
      OwningOpRef<ModuleOp> prefill = importModel(prefillOptions);
      if (!prefill) {
        note("the prefill of " + std::to_string(tokens) +
             " tokens runs behind one masked position (" +
             std::to_string(tokens + 1) +
             " positions); a model's position tables bound "
             "--prefill-lengths");
        return result;
      }
      PassManager pm(&context);
      if (hooks.configurePassManager &&
          failed(hooks.configurePassManager(pm)))
        return result;
      if (hooks.timing)
        pm.enableTiming(timing);
      pm.addPass(graph::createGraphFoldShapes());
      pm.addPass(createCSEPass());
      if (!options.noFuse)
        pm.addPass(graph::createGraphFuse());
      graph::GraphKvCacheOptions cacheOptions;
      cacheOptions.prefill = true;
      cacheOptions.capacity = *options.maxSeq;
      pm.addPass(graph::createGraphKvCache(cacheOptions));
      if (failed(pm.run(*prefill)))
        return result;
      result.externalFiles.insert(result.externalFiles.end(), files.begin(),
                                  files.end());
      prefillModules.push_back(std::move(prefill));
    }
  }

  steps.step("write " + options.output);
  if (stage == Stage::Wfb) {
    TimingScope writeTiming = timing.nest("Write the kernel binary");
    WfbOptions wfb;
    if (options.maxSeq) {
      WfbDecode decode;
      decode.capacity = *options.maxSeq;
      decode.maskedPast = 1;
      for (auto [tokens, prefill] : llvm::zip(prefills, prefillModules))
        decode.prefills.push_back({tokens, *prefill});
      wfb.decode = std::move(decode);
    }
    wfb.producer = options.producer;
    wfb.source = options.input;
    wfb.externalWeights = options.externalWeights;
    for (const OnnxExternalFile &f : result.externalFiles)
      wfb.externalFiles.push_back({f.path, f.buffer->getBuffer()});
    if (failed(writeWfb(*module, options.output, wfb)))
      return result;
  }
  result.module = std::move(module);
  return result;
}

} // namespace wafer::driver
