//===- SimPlot.cpp - a picture of a simulated run -------------------------===//

#include "wafer/Simulator/SimPlot.h"

#include "wafer/Binary/Ports.h"
#include "wafer/Support/Canvas.h"
#include "wafer/Support/ColorRamp.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace wafer::sim {
namespace {

constexpr int kWidthPx = 1120, kMapPx = 520, kMapX = 20, kTop = 56;
constexpr int kTimelineX = 580, kLabelPx = 190, kRowPx = 16;
constexpr size_t kMaxRows = 48;
/// Cells per side of the heat map at most: larger boxes bin routers.
constexpr int64_t kMaxCells = 260;

void color(cairo_t *cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void text(cairo_t *cr, double x, double y, const std::string &s,
          double size = 11) {
  cairo_set_font_size(cr, size);
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, s.c_str());
}

std::string shortened(const std::string &s, size_t n) {
  return s.size() <= n ? s : s.substr(0, n - 3) + "...";
}

/// The mesh box the picture covers: every program and every used link's
/// ends, one PE of margin, inside the mesh.
struct Box {
  int64_t x0, y0, x1, y1; // inclusive
};

Box boxOf(const SimReport &r) {
  Box b{r.width, r.height, -1, -1};
  auto take = [&](int64_t x, int64_t y) {
    b.x0 = std::min(b.x0, x);
    b.y0 = std::min(b.y0, y);
    b.x1 = std::max(b.x1, x);
    b.y1 = std::max(b.y1, y);
  };
  for (const auto &rect : r.rectangles) {
    take(rect[0], rect[1]);
    take(rect[0] + rect[2] - 1, rect[1] + rect[3] - 1);
  }
  for (const LinkLoadRow &l : r.links) {
    take(l.x, l.y);
    take(l.x + wfb::ports::dx(l.port), l.y + wfb::ports::dy(l.port));
  }
  if (b.x1 < 0)
    return {0, 0, std::min<int64_t>(r.width, 8) - 1,
            std::min<int64_t>(r.height, 8) - 1};
  b.x0 = std::max<int64_t>(0, b.x0 - 1);
  b.y0 = std::max<int64_t>(0, b.y0 - 1);
  b.x1 = std::min<int64_t>(r.width - 1, b.x1 + 1);
  b.y1 = std::min<int64_t>(r.height - 1, b.y1 + 1);
  return b;
}

/// The heat map's cells: `cell` x `cell` routers each, `px` pixels a side.
struct MapGeometry {
  Box box;
  int64_t cell, cellsX, cellsY;
  double px;
  double heightPx() const { return cellsY * px; }
};

MapGeometry geometryOf(const SimReport &r) {
  MapGeometry g;
  g.box = boxOf(r);
  const int64_t w = g.box.x1 - g.box.x0 + 1, h = g.box.y1 - g.box.y0 + 1;
  g.cell = (std::max(w, h) + kMaxCells - 1) / kMaxCells;
  g.cellsX = (w + g.cell - 1) / g.cell;
  g.cellsY = (h + g.cell - 1) / g.cell;
  g.px = std::min(
      {double(kMapPx) / double(g.cellsX), double(kMapPx) / double(g.cellsY),
       40.0});
  return g;
}

void paintHeatMap(cairo_t *cr, const SimReport &r, const MapGeometry &g) {
  const Box &box = g.box;
  const int64_t cell = g.cell, cellsX = g.cellsX, cellsY = g.cellsY;
  const double px = g.px;
  std::vector<double> load(size_t(cellsX * cellsY), 0.0);
  double maxLoad = 0;
  for (const LinkLoadRow &l : r.links) {
    if (l.x < box.x0 || l.x > box.x1 || l.y < box.y0 || l.y > box.y1)
      continue;
    double &v = load[size_t((l.y - box.y0) / cell * cellsX +
                            (l.x - box.x0) / cell)];
    v = std::max(v, l.utilization);
    maxLoad = std::max(maxLoad, l.utilization);
  }
  char title[160];
  std::snprintf(title, sizeof title,
                "link utilization: busiest link out of each %s (max %.1f%%)",
                cell == 1 ? "router" : (std::to_string(cell) + "x" +
                                        std::to_string(cell) + " cell")
                                           .c_str(),
                100.0 * maxLoad);
  color(cr, hex(0x222222));
  text(cr, kMapX, kTop - 10, title, 12);
  for (int64_t cy = 0; cy < cellsY; ++cy)
    for (int64_t cx = 0; cx < cellsX; ++cx) {
      const double v = load[size_t(cy * cellsX + cx)];
      color(cr, v > 0 ? heatColor(maxLoad > 0 ? v / maxLoad : 1)
                      : hex(0xf2f2f2));
      cairo_rectangle(cr, kMapX + cx * px, kTop + cy * px, px, px);
      cairo_fill(cr);
    }
  // Program rectangles, clipped to the box.
  color(cr, hex(0x08306b));
  cairo_set_line_width(cr, 1.2);
  for (const auto &rect : r.rectangles) {
    const double x = double(rect[0] - box.x0) / cell * px,
                 y = double(rect[1] - box.y0) / cell * px;
    cairo_rectangle(cr, kMapX + x + 0.5, kTop + y + 0.5,
                    std::max(1.0, double(rect[2]) / cell * px - 1),
                    std::max(1.0, double(rect[3]) / cell * px - 1));
    cairo_stroke(cr);
  }
  char extent[160];
  std::snprintf(extent, sizeof extent,
                "PEs (%lld, %lld) to (%lld, %lld) of the %lldx%lld mesh; "
                "outlines: programs",
                static_cast<long long>(box.x0), static_cast<long long>(box.y0),
                static_cast<long long>(box.x1), static_cast<long long>(box.y1),
                static_cast<long long>(r.width),
                static_cast<long long>(r.height));
  color(cr, hex(0x555555));
  text(cr, kMapX, kTop + cellsY * px + 16, extent, 10);
  // The ramp, 0 to the maximum.
  const double legendY = kTop + cellsY * px + 26;
  for (int i = 0; i < 100; ++i) {
    color(cr, heatColor(i / 99.0));
    cairo_rectangle(cr, kMapX + 2 * i, legendY, 2, 10);
    cairo_fill(cr);
  }
  color(cr, hex(0x555555));
  char high[32];
  std::snprintf(high, sizeof high, "%.1f%% of the slot's cycles",
                100.0 * maxLoad);
  text(cr, kMapX + 206, legendY + 9, high, 10);
}

void paintTimeline(cairo_t *cr, const SimReport &r) {
  color(cr, hex(0x222222));
  text(cr, kTimelineX, kTop - 10,
       "per-kernel timeline: first to last cycle a PE ran a task", 12);
  const double x0 = kTimelineX + kLabelPx, x1 = kWidthPx - 20;
  const double scale = r.cycles > 0 ? (x1 - x0) / double(r.cycles) : 0;
  const size_t rows = std::min(r.rows.size(), kMaxRows);
  const double bottom = kTop + rows * kRowPx;
  // Slot boundaries.
  int64_t offset = 0;
  cairo_set_line_width(cr, 1);
  for (const SlotRun &s : r.slots) {
    color(cr, hex(0xbbbbbb));
    cairo_move_to(cr, x0 + offset * scale + 0.5, kTop - 2);
    cairo_line_to(cr, x0 + offset * scale + 0.5, bottom + 2);
    cairo_stroke(cr);
    color(cr, hex(0x888888));
    text(cr, x0 + offset * scale + 3, bottom + 14,
         "slot " + std::to_string(s.slot), 9);
    offset += s.result.cycles;
  }
  for (size_t i = 0; i < rows; ++i) {
    const ActivityRow &row = r.rows[i];
    const double y = kTop + i * kRowPx;
    color(cr, hex(0x222222));
    text(cr, kTimelineX, y + 12,
         shortened(row.kernel >= 0 ? row.onnxNode : "(" + row.name + ")", 30),
         10);
    if (row.simulatedCycles <= 0)
      continue;
    color(cr, hex(row.kernel >= 0 ? 0x6baed6 : 0xbdbdbd));
    cairo_rectangle(cr, x0 + (row.startCycle - 1) * scale, y + 3,
                    std::max(1.0, row.simulatedCycles * scale), kRowPx - 6);
    cairo_fill(cr);
  }
  if (r.rows.size() > rows) {
    color(cr, hex(0x555555));
    text(cr, kTimelineX, bottom + 14,
         std::to_string(r.rows.size() - rows) + " more rows in the report", 10);
  }
  color(cr, hex(0x555555));
  char axis[64];
  std::snprintf(axis, sizeof axis, "%lld cycles",
                static_cast<long long>(r.cycles));
  text(cr, x1 - 70, bottom + 28, axis, 10);
  text(cr, x0, bottom + 28, "0", 10);
}

} // namespace

bool plotReport(const SimReport &report, const std::string &path,
                std::string &error) {
  CanvasFormat format;
  if (!canvasFormatOf(path, format, error))
    return false;
  const size_t rows = std::min(report.rows.size(), kMaxRows);
  const MapGeometry map = geometryOf(report);
  const int heightPx = int(std::ceil(
      kTop + std::max(map.heightPx() + 50, double(rows * kRowPx + 40))));
  std::string bytes;
  const bool drawn = renderCanvas(
      format, kWidthPx, heightPx,
      [&](cairo_t *cr) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                               CAIRO_FONT_WEIGHT_NORMAL);
        char title[256];
        std::snprintf(title, sizeof title,
                      "simulated run: %lld cycles = %.3f us at %.0f MHz (%s)",
                      static_cast<long long>(report.cycles),
                      report.clockHz > 0 ? report.cycles / report.clockHz * 1e6
                                         : 0.0,
                      report.clockHz / 1e6, report.target.c_str());
        color(cr, hex(0x000000));
        text(cr, kMapX, 22, title, 14);
        paintHeatMap(cr, report, map);
        paintTimeline(cr, report);
      },
      bytes, error);
  return drawn && writeFileBytes(path, bytes, error);
}

} // namespace wafer::sim
