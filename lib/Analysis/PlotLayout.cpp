//===- PlotLayout.cpp - where the plot's panels and legend go -------------===//

#include "PlotLayout.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace wafer::plot {

namespace {

constexpr double kPixelBudget = 1600; // longer side of the whole picture
constexpr double kMaxPixelsPerPE = 64;
constexpr double kMinSegmentPixels = 8; // a heat-map cell's edge

double legendHeight(const PlotModel &model, bool routed) {
  // A line per scheme that some kernel uses.
  std::set<fabric::KernelScheme> schemes;
  for (const PlotKernel &k : model.kernels)
    schemes.insert(k.scheme);
  double h = 24 + 20 * schemes.size();
  bool anyGroup = llvm::any_of(
      model.groups, [](const KernelGroup &g) { return g.members.size() > 1; });
  if (anyGroup)
    h += 20;
  if (!model.streams.empty())
    h += 44 + 22 * ((model.colorsUsed + 7) / 8) + 20 +
         (model.localStreams ? 20 : 0);
  if (routed)
    h += 44 + 200 + 70;
  return h;
}

} // namespace

Layout computeLayout(const PlotModel &model) {
  Layout layout;
  // The load panel only when some route uses a link.
  bool routed = llvm::any_of(
      model.streams, [](const PlotStream &s) { return !s.hops.empty(); });
  layout.panels = routed ? 2 : 1;
  double w = model.width, h = model.height, n = layout.panels;

  // Panels go side by side or stacked, whichever leaves them bigger.
  double fixedWideX = 2 * kMargin + n * kAxisLeft + (n - 1) * kPanelGap +
                      kLegendGap + kLegendWidth;
  double fixedWideY = 2 * kMargin + kTitleHeight + kCaptionHeight + kAxisTop;
  double wide = std::min((kPixelBudget - fixedWideX) / (n * w),
                         (kPixelBudget - fixedWideY) / h);
  double fixedTallX = 2 * kMargin + kAxisLeft + kLegendGap + kLegendWidth;
  double fixedTallY = 2 * kMargin + kTitleHeight +
                      n * (kCaptionHeight + kAxisTop) + (n - 1) * kPanelGap;
  double tall = std::min((kPixelBudget - fixedTallX) / w,
                         (kPixelBudget - fixedTallY) / (n * h));
  bool sideBySide = wide >= tall || layout.panels == 1;
  layout.scale = std::min(std::max(wide, tall), kMaxPixelsPerPE);
  if (layout.panels == 1)
    layout.scale = std::min(wide, kMaxPixelsPerPE);
  layout.cell = std::max<int64_t>(
      1, int64_t(std::ceil(kMinSegmentPixels / layout.scale - 1e-9)));

  double meshW = w * layout.scale, meshH = h * layout.scale;
  double top = kMargin + kTitleHeight;
  double right = 0, bottom = 0;
  for (int p = 0; p < layout.panels; ++p) {
    if (sideBySide) {
      layout.panelX[p] =
          kMargin + kAxisLeft + p * (meshW + kPanelGap + kAxisLeft);
      layout.panelY[p] = top + kCaptionHeight + kAxisTop;
    } else {
      layout.panelX[p] = kMargin + kAxisLeft;
      layout.panelY[p] = top + kCaptionHeight + kAxisTop +
                         p * (meshH + kPanelGap + kCaptionHeight + kAxisTop);
    }
    right = std::max(right, layout.panelX[p] + meshW);
    bottom = std::max(bottom, layout.panelY[p] + meshH);
  }
  layout.legendX = right + kLegendGap;
  layout.legendY = top;
  bottom = std::max(bottom, top + legendHeight(model, routed));
  layout.widthPx = int(std::ceil(layout.legendX + kLegendWidth + kMargin));
  layout.heightPx = int(std::ceil(bottom + kMargin));
  return layout;
}

} // namespace wafer::plot
