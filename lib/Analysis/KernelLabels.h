//===- KernelLabels.h - short names for kernels in pictures -----*- C++ -*-===//
//
// What the plot writes in a kernel's rectangle, read from the ONNX node
// name the kernel carries: the layer index and the module that names the
// op. Heuristics over naming conventions (GPT-2's "h.3", PyTorch's
// "model.layers.3"), not IR. shortKernelLabel, in FabricPlot.h, is the
// public face.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_LIB_ANALYSIS_KERNELLABELS_H
#define WAFER_LIB_ANALYSIS_KERNELLABELS_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace wafer::plot {

/// The layer index of the first part of a '/'-separated node name that
/// names one ("layers.3", "h.0", "model.layers.3"); none otherwise.
std::optional<int64_t> layerOfName(llvm::StringRef name);

/// "L3" and "attn" for "/layers.3/attn/Attention"; either may be empty.
std::pair<std::string, std::string> labelParts(llvm::StringRef kernelName);

} // namespace wafer::plot

#endif // WAFER_LIB_ANALYSIS_KERNELLABELS_H
