//===- PlotPalette.cpp - the plot's colours -------------------------------===//

#include "PlotPalette.h"

#include "llvm/ADT/STLExtras.h"

#include <iterator>

namespace wafer::plot {

namespace {

/// In the order of allKernelSchemes().
const uint32_t kSchemeColors[] = {0x6baed6, 0x9ecae1, 0xfd8d3c, 0x74c476,
                                  0xbcbddc, 0xfdd0a2, 0xe7969c, 0xc7e9c0};

/// Distinct hues for the virtual channels (24 on the WSE).
const uint32_t kChannelColors[] = {
    0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd, 0xff7f0e, 0x17becf,
    0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x393b79, 0x637939,
    0x8c6d31, 0x843c39, 0x7b4173, 0x3182bd, 0xe6550d, 0x31a354,
    0x756bb1, 0x636363, 0x000075, 0x808000, 0xf032e6, 0x469990};

} // namespace

Rgb schemeColor(fabric::KernelScheme scheme) {
  llvm::ArrayRef<fabric::KernelScheme> all = fabric::allKernelSchemes();
  size_t index = llvm::find(all, scheme) - all.begin();
  return hex(kSchemeColors[index % std::size(kSchemeColors)]);
}

Rgb channelColor(std::optional<int64_t> color) {
  if (!color)
    return hex(0x444444);
  return hex(kChannelColors[*color % std::size(kChannelColors)]);
}

} // namespace wafer::plot
