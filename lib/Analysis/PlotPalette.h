//===- PlotPalette.h - the plot's colours -----------------------*- C++ -*-===//

#ifndef WAFER_LIB_ANALYSIS_PLOTPALETTE_H
#define WAFER_LIB_ANALYSIS_PLOTPALETTE_H

#include "wafer/Dialect/Fabric/IR/FabricAttrs.h"
#include "wafer/Support/ColorRamp.h"

#include <cstdint>
#include <optional>

namespace wafer::plot {

using wafer::hex;
using wafer::heatColor;
using wafer::Rgb;

/// A kernel's fill, one per scheme.
Rgb schemeColor(fabric::KernelScheme scheme);

/// A routed stream's colour index (a virtual channel) as a distinct hue;
/// grey without one.
Rgb channelColor(std::optional<int64_t> color);

/// Levels the heat ramp is quantized to. Segments of one level share a
/// path, which keeps the SVG small.
constexpr int kHeatLevels = 64;

} // namespace wafer::plot

#endif // WAFER_LIB_ANALYSIS_PLOTPALETTE_H
