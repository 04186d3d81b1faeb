//===- ColorRamp.cpp - colours shared by the pictures ---------------------===//

#include "wafer/Support/ColorRamp.h"

#include <algorithm>
#include <array>
#include <utility>

namespace wafer {

Rgb hex(uint32_t rgb) {
  return {((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
          (rgb & 0xff) / 255.0};
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

} // namespace wafer
