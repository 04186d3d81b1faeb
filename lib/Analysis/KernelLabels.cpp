//===- KernelLabels.cpp - short names for kernels in pictures -------------===//

#include "KernelLabels.h"

#include "wafer/Analysis/FabricPlot.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using llvm::SmallVector;
using llvm::StringRef;

namespace wafer {

namespace {

/// The layer index in an ONNX node name part such as "layers.3" or "h.0".
std::optional<int64_t> layerOfPart(StringRef part) {
  auto [prefix, index] = part.rsplit('.');
  if (index.empty() || prefix == part)
    return std::nullopt;
  // "model.layers.3" (PyTorch-style paths) ends in the prefix we want.
  auto [head, tail] = prefix.rsplit('.');
  StringRef lastWord = tail.empty() ? head : tail;
  if (!llvm::is_contained({"layers", "layer", "h", "blocks", "block"},
                          lastWord))
    return std::nullopt;
  int64_t n;
  if (index.getAsInteger(10, n))
    return std::nullopt;
  return n;
}

/// ONNX op types ("MatMul", "Attention") end most node names and say less
/// than the module path before them.
bool looksLikeOpType(StringRef part) {
  return !part.empty() && llvm::isUpper(part.front());
}

} // namespace

std::optional<int64_t> plot::layerOfName(StringRef name) {
  SmallVector<StringRef> parts;
  name.split(parts, '/', -1, /*KeepEmpty=*/false);
  for (StringRef part : parts)
    if (std::optional<int64_t> layer = layerOfPart(part))
      return layer;
  return std::nullopt;
}

std::pair<std::string, std::string> plot::labelParts(StringRef kernelName) {
  // Tiling appends "#N" to keep repeated names unique.
  StringRef name = kernelName.split('#').first;
  SmallVector<StringRef> parts;
  name.split(parts, '/', -1, /*KeepEmpty=*/false);
  std::optional<int64_t> layer;
  SmallVector<StringRef> rest;
  for (StringRef part : parts) {
    if (!layer)
      if ((layer = layerOfPart(part)))
        continue;
    rest.push_back(part);
  }
  if (rest.size() > 1 && looksLikeOpType(rest.back()))
    rest.pop_back();
  std::string op = rest.empty() ? "" : rest.back().str();
  constexpr size_t kMaxOpChars = 14;
  if (op.size() > kMaxOpChars)
    op = op.substr(0, kMaxOpChars - 1) + "\u2026";
  if (!layer && op.empty())
    op = name.str();
  return {layer ? "L" + std::to_string(*layer) : "", op};
}

std::string shortKernelLabel(StringRef kernelName) {
  auto [layer, op] = plot::labelParts(kernelName);
  if (layer.empty() || op.empty())
    return layer + op;
  return layer + " " + op;
}

} // namespace wafer
