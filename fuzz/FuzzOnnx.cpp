//===- FuzzOnnx.cpp - libFuzzer harness: ONNX bytes through waferc --------===//
//
// bytes -> wafer::importOnnx -> graph-fold-shapes, cse, graph-fuse ->
// fabric-tile on a 16x16 mesh -> fabric-place (low effort) -> fabric-route,
// as waferc --emit=routed runs them. Every symbolic dimension of the model's
// inputs is bound to 2 so that inputs get past the import. Errors are fine;
// crashes, sanitizer reports, timeouts and running out of memory are bugs,
// and so is a pass that succeeds but leaves IR that does not verify, or
// imported IR that does not print and parse back (FuzzCommon.h).
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "wafer/Import/OnnxImporter.h"

#include "llvm/Support/MemoryBufferRef.h"

#include <onnx/onnx_pb.h>

#include <cstddef>
#include <cstdint>

namespace {

/// The size every symbolic dimension of the model's inputs is bound to.
constexpr int64_t kBoundDimSize = 2;

/// Binds every dim_param of the graph's inputs; inputs that do not parse as
/// a model are left to the importer's errors.
void bindSymbolicDims(const uint8_t *data, size_t size,
                      wafer::OnnxImportOptions &options) {
  onnx::ModelProto model;
  if (size > size_t(INT32_MAX) || !model.ParseFromArray(data, int(size)))
    return;
  for (const onnx::ValueInfoProto &input : model.graph().input()) {
    if (!input.type().has_tensor_type())
      continue;
    for (const auto &dim : input.type().tensor_type().shape().dim())
      if (dim.has_dim_param() && !dim.dim_param().empty())
        options.dims[dim.dim_param()] = kBoundDimSize;
  }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  (void)wafer::fuzz::registry();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wafer::fuzz::recordRecentInput(data, size);
  wafer::OnnxImportOptions options;
  bindSymbolicDims(data, size, options);

  wafer::fuzz::FuzzContext fuzz;
  // External data is looked up beside the model: in a folder that does not
  // exist, so that no input reads files.
  llvm::MemoryBufferRef model(
      llvm::StringRef(reinterpret_cast<const char *>(data), size),
      "/nonexistent/wafer-fuzz/model.onnx");
  mlir::OwningOpRef<mlir::ModuleOp> module =
      wafer::importOnnx(model, &fuzz.context, options);
  if (!module)
    return 0;
  if (mlir::failed(mlir::verify(*module)))
    wafer::fuzz::oracleFailed(*module, "the importer succeeded but its IR "
                                       "does not verify");
  wafer::fuzz::checkRoundTrip(*module, "after the import");

  static const std::string pipelines[] = {
      "graph-fold-shapes", "cse", "graph-fuse",
      "fabric-tile{mesh=16x16 strategy=auto}",
      "fabric-place{seed=1 effort=4}",
      "fabric-route{max-iterations=8}"};
  (void)wafer::fuzz::runPassesChecked(*module, pipelines,
                                      /*roundTrip=*/false);
  return 0;
}
