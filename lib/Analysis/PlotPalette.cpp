//===- PlotPalette.cpp - the plot's colours -------------------------------===//

#include "PlotPalette.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

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

Rgb hex(uint32_t rgb) {
  return {((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
          (rgb & 0xff) / 255.0};
}

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

Rgb heatColor(double t) {
  static const std::array<std::pair<double, uint32_t>, 5> stops = {
      {{0.0, 0xfee391},
       {0.3, 0xfdae61},
       {0.55, 0xf46d43},
       {0.8, 0xd73027},
       {1.0, 0x67001f}}};
  t = std::clamp(t, 0.0, 1.0);
  for (size_t i = 1; i < stops.size(); ++i)
    if (t <= stops[i].first) {
      double f =
          (t - stops[i - 1].first) / (stops[i].first - stops[i - 1].first);
      Rgb a = hex(stops[i - 1].second), b = hex(stops[i].second);
      return {a.r + f * (b.r - a.r), a.g + f * (b.g - a.g),
              a.b + f * (b.b - a.b)};
    }
  return hex(stops.back().second);
}

} // namespace wafer::plot
