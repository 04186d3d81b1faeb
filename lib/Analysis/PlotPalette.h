//===- PlotPalette.h - the plot's colours -----------------------*- C++ -*-===//

#ifndef WAFER_LIB_ANALYSIS_PLOTPALETTE_H
#define WAFER_LIB_ANALYSIS_PLOTPALETTE_H

#include "wafer/Dialect/Fabric/IR/FabricAttrs.h"

#include <cstdint>
#include <optional>

namespace wafer::plot {

struct Rgb {
  double r, g, b;
};

/// 0xRRGGBB.
Rgb hex(uint32_t rgb);

/// A kernel's fill, one per scheme.
Rgb schemeColor(fabric::KernelScheme scheme);

/// A routed stream's colour index (a virtual channel) as a distinct hue;
/// grey without one.
Rgb channelColor(std::optional<int64_t> color);

/// Sequential light-yellow to dark-red ramp over t in [0, 1]: low load
/// stays quiet on the light mesh, hot links stand out.
Rgb heatColor(double t);

/// Levels the heat ramp is quantized to. Segments of one level share a
/// path, which keeps the SVG small.
constexpr int kHeatLevels = 64;

} // namespace wafer::plot

#endif // WAFER_LIB_ANALYSIS_PLOTPALETTE_H
