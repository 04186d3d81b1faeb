//===- PlotLayout.h - where the plot's panels and legend go -----*- C++ -*-===//
//
// Geometry is in PE units and scaled once, so the picture is to scale; the
// scale keeps the whole picture within a pixel budget, and big meshes are
// summarized into square cells for the heat map so that the output size
// depends on that budget, not on the number of links.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_LIB_ANALYSIS_PLOTLAYOUT_H
#define WAFER_LIB_ANALYSIS_PLOTLAYOUT_H

#include "PlotModel.h"

#include <array>
#include <cstdint>

namespace wafer::plot {

/// Margins, in pixels, that the painter shares with the layout.
constexpr double kMargin = 20, kTitleHeight = 58, kCaptionHeight = 24,
                 kAxisLeft = 34, kAxisTop = 16, kPanelGap = 36, kLegendGap = 30,
                 kLegendWidth = 250;

struct Layout {
  double scale = 1; // pixels per PE
  int64_t cell = 1;
  int panels = 1;
  std::array<double, 2> panelX{}, panelY{}; // mesh corners
  double legendX = 0, legendY = 0;
  int widthPx = 0, heightPx = 0;
};

/// The placement panel, and beside or below it the load panel when some
/// route uses a link; the legend to their right.
Layout computeLayout(const PlotModel &model);

} // namespace wafer::plot

#endif // WAFER_LIB_ANALYSIS_PLOTLAYOUT_H
