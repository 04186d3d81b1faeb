//===- PlotPainter.cpp - the plot drawn with cairo ------------------------===//
//
// One drawing path serves both formats (FabricPlot.cpp picks the surface).
//
//===----------------------------------------------------------------------===//

#include "PlotPainter.h"

#include "KernelLabels.h"
#include "PlotPalette.h"

#include "wafer/CostModel/CostModel.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace wafer::plot {

namespace {

enum class Align { Left, Center, Right };

void setColor(cairo_t *cr, Rgb c, double alpha = 1) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

void setFont(cairo_t *cr, double size, bool bold = false) {
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD
                              : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}

double textWidth(cairo_t *cr, const std::string &text) {
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  return extents.x_advance;
}

/// Draws `text` with its baseline at y.
void drawText(cairo_t *cr, double x, double y, const std::string &text,
              Align align = Align::Left) {
  double w = textWidth(cr, text);
  if (align == Align::Center)
    x -= w / 2;
  else if (align == Align::Right)
    x -= w;
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, text.c_str());
}

std::string formatCount(int64_t n, const char *singular, const char *plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

class Painter {
public:
  Painter(cairo_t *cr, const PlotModel &model, const Layout &layout,
          const HeatMap &heat, FabricPlotInfo &info)
      : cr(cr), model(model), layout(layout), heat(heat), info(info) {}

  void paint() {
    setColor(cr, hex(0xffffff));
    cairo_paint(cr);
    paintTitle();
    paintPlacementPanel(0, model.routedStreams || model.streams.empty()
                               ? "Placement and routes"
                               : "Placement and streams (not routed)");
    if (layout.panels == 2)
      paintLoadPanel(1);
    paintLegend();
  }

private:
  double px(int panel, double peX) const {
    return layout.panelX[panel] + peX * layout.scale;
  }
  double py(int panel, double peY) const {
    return layout.panelY[panel] + peY * layout.scale;
  }

  /// Strokes the current path in the dark outline colour.
  void strokeOutline(double width) {
    setColor(cr, hex(0x333333));
    cairo_set_line_width(cr, width);
    cairo_stroke(cr);
  }

  void paintTitle() {
    setColor(cr, hex(0x111111));
    setFont(cr, 20, /*bold=*/true);
    std::string title = model.target + " \u00b7 " +
                        std::to_string(model.width) + "\u00d7" +
                        std::to_string(model.height) + " PEs";
    if (!model.strategy.empty())
      title += " \u00b7 " + model.strategy + " strategy";
    drawText(cr, kMargin, kMargin + 20, title);

    setColor(cr, hex(0x555555));
    setFont(cr, 13);
    std::string subtitle =
        formatCount(model.kernels.size(), "kernel", "kernels") + " in " +
        formatCount(model.numSlots, "slot", "slots") + " \u00b7 " +
        formatCount(model.streams.size(), "stream", "streams");
    int64_t overLinks = model.routedStreams - model.localStreams;
    int64_t unrouted = model.streams.size() - model.routedStreams;
    if (overLinks)
      subtitle += ", " + std::to_string(overLinks) + " routed on " +
                  formatCount(model.colorsUsed, "colour", "colours");
    if (model.localStreams)
      subtitle +=
          ", " + std::to_string(model.localStreams) + " staying on shared PEs";
    if (unrouted && model.routedStreams)
      subtitle += ", " + std::to_string(unrouted) + " not routed";
    if (layout.panels == 2 && layout.cell > 1)
      subtitle += " \u00b7 heat map cells of " + std::to_string(layout.cell) +
                  "\u00d7" + std::to_string(layout.cell) + " PEs";
    drawText(cr, kMargin, kMargin + 42, subtitle);
  }

  void paintMesh(int panel, const char *caption) {
    double x = px(panel, 0), y = py(panel, 0);
    double w = model.width * layout.scale, h = model.height * layout.scale;
    setColor(cr, hex(0x111111));
    setFont(cr, 14, /*bold=*/true);
    drawText(cr, x, y - kAxisTop - 8, caption);

    setColor(cr, hex(0xf3f3f3));
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
    // Individual PEs only when they are big enough to see.
    if (layout.scale >= 8) {
      setColor(cr, hex(0xe2e2e2));
      cairo_set_line_width(cr, 1);
      for (int64_t i = 1; i < model.width; ++i) {
        cairo_move_to(cr, px(panel, i), y);
        cairo_line_to(cr, px(panel, i), y + h);
      }
      for (int64_t j = 1; j < model.height; ++j) {
        cairo_move_to(cr, x, py(panel, j));
        cairo_line_to(cr, x + w, py(panel, j));
      }
      cairo_stroke(cr);
    }
    cairo_rectangle(cr, x, y, w, h);
    strokeOutline(1.5);
    paintTicks(panel);
  }

  /// Coordinates of PE centres along the top and left edges, at a round
  /// step at least 40 px apart.
  void paintTicks(int panel) {
    double raw = 40 / layout.scale;
    int64_t step = 1; // 1, 2, 5, 10, 20, 50, ...
    while (step < raw) {
      if (2 * step >= raw) {
        step *= 2;
        break;
      }
      if (5 * step >= raw) {
        step *= 5;
        break;
      }
      step *= 10;
    }
    setColor(cr, hex(0x666666));
    setFont(cr, 10);
    cairo_set_line_width(cr, 1);
    double x0 = px(panel, 0), y0 = py(panel, 0);
    for (int64_t i = 0; i < model.width; i += step) {
      double x = px(panel, i + 0.5);
      cairo_move_to(cr, x, y0);
      cairo_line_to(cr, x, y0 - 4);
      cairo_stroke(cr);
      drawText(cr, x, y0 - 6, std::to_string(i), Align::Center);
    }
    for (int64_t j = 0; j < model.height; j += step) {
      double y = py(panel, j + 0.5);
      cairo_move_to(cr, x0, y);
      cairo_line_to(cr, x0 - 4, y);
      cairo_stroke(cr);
      drawText(cr, x0 - 6, y + 3.5, std::to_string(j), Align::Right);
    }
  }

  void groupRect(int panel, const KernelGroup &g) {
    cairo_rectangle(cr, px(panel, g.box.x0), py(panel, g.box.y0),
                    g.box.width() * layout.scale,
                    g.box.height() * layout.scale);
  }

  void paintKernels(int panel, bool faint) {
    double outline = std::clamp(layout.scale * 0.15, 0.6, 1.5);
    for (const KernelGroup &g : model.groups) {
      const PlotKernel &first = model.kernels[g.members.front()];
      bool oneScheme = llvm::all_of(g.members, [&](int i) {
        return model.kernels[i].scheme == first.scheme;
      });
      setColor(cr, faint       ? hex(0xe4e4e4)
                   : oneScheme ? schemeColor(first.scheme)
                               : hex(0xdddddd));
      groupRect(panel, g);
      cairo_fill_preserve(cr);
      setColor(cr, faint ? hex(0xaaaaaa) : hex(0x333333));
      cairo_set_line_width(cr, outline);
      cairo_stroke(cr);
      if (faint || g.members.size() == 1)
        continue;
      // Each member's own region, nested from the shared corner, inset so
      // the one as big as the group still shows inside its border.
      double line = std::max(outline, 2.0), inset = outline / 2 + line / 2;
      cairo_set_line_width(cr, line);
      for (int i : g.members) {
        const PlotKernel &k = model.kernels[i];
        setColor(cr, schemeColor(k.scheme));
        cairo_rectangle(cr, px(panel, k.rect.x0) + inset,
                        py(panel, k.rect.y0) + inset,
                        k.rect.width() * layout.scale - 2 * inset,
                        k.rect.height() * layout.scale - 2 * inset);
        cairo_stroke(cr);
      }
    }
  }

  void paintStreams(int panel) {
    double width = std::clamp(layout.scale * 0.3, 1.0, 3.0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (const PlotStream &s : model.streams) {
      if (s.hops.empty())
        continue;
      setColor(cr, channelColor(s.color), 0.9);
      cairo_set_line_width(cr, width);
      traceRoute(panel, s);
      cairo_stroke(cr);
    }
    // Unrouted: straight from region centre to region centre, dashed so
    // they are not mistaken for links.
    double dash[] = {5, 3};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, 1.5);
    for (const PlotStream &s : model.streams) {
      if (s.routed || s.producer < 0)
        continue;
      const PlotKernel &from = model.kernels[s.producer];
      for (int c : s.consumers) {
        // Within one shared region the centres say nothing.
        if (model.groupOfKernel[c] == model.groupOfKernel[s.producer])
          continue;
        const PlotKernel &to = model.kernels[c];
        // From the producer's edge to the consumer's, where the arrow head
        // stays clear of the labels at the centres.
        double ax = from.centreX(), ay = from.centreY();
        double bx = to.centreX(), by = to.centreY();
        double leave = 1 - entryAlong(bx, by, ax, ay, from);
        double enter = entryAlong(ax, ay, bx, by, to);
        if (enter <= leave)
          continue;
        double x0 = px(panel, ax + leave * (bx - ax));
        double y0 = py(panel, ay + leave * (by - ay));
        double x1 = px(panel, ax + enter * (bx - ax));
        double y1 = py(panel, ay + enter * (by - ay));
        setColor(cr, hex(0x444444), 0.8);
        cairo_move_to(cr, x0, y0);
        cairo_line_to(cr, x1, y1);
        cairo_stroke(cr);
        paintArrowHead(x0, y0, x1, y1);
      }
    }
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  }

  /// Where the segment from (ax, ay) to the centre (bx, by) of `k` enters
  /// its region, as a fraction of the segment (0 when it starts inside).
  static double entryAlong(double ax, double ay, double bx, double by,
                           const PlotKernel &k) {
    auto enterAxis = [](double a, double b, double lo, double hi) {
      if (a >= lo && a <= hi)
        return 0.0;
      return ((a < lo ? lo : hi) - a) / (b - a);
    };
    return std::max(enterAxis(ax, bx, k.rect.x0, k.rect.x1),
                    enterAxis(ay, by, k.rect.y0, k.rect.y1));
  }

  void paintArrowHead(double x0, double y0, double x1, double y1) {
    double dx = x1 - x0, dy = y1 - y0, len = std::hypot(dx, dy);
    if (len < 1)
      return;
    dx /= len;
    dy /= len;
    double size = 7;
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x1 - size * dx + size * 0.45 * dy,
                  y1 - size * dy - size * 0.45 * dx);
    cairo_line_to(cr, x1 - size * dx - size * 0.45 * dy,
                  y1 - size * dy + size * 0.45 * dx);
    cairo_close_path(cr);
    cairo_fill(cr);
  }

  /// The route's hops as polylines through router centres; straight runs
  /// become one segment, so a long route costs a few path commands.
  void traceRoute(int panel, const PlotStream &s) {
    bool open = false;
    int64_t endX = 0, endY = 0, dirX = 0, dirY = 0;
    auto to = [&](int64_t x, int64_t y) {
      cairo_line_to(cr, px(panel, x + 0.5), py(panel, y + 0.5));
    };
    for (const Hop &h : s.hops) {
      int64_t dx = h.x1 - h.x0, dy = h.y1 - h.y0;
      bool continues = open && h.x0 == endX && h.y0 == endY;
      if (continues && dx == dirX && dy == dirY) {
        endX = h.x1;
        endY = h.y1;
        continue;
      }
      if (open)
        to(endX, endY);
      if (!continues)
        cairo_move_to(cr, px(panel, h.x0 + 0.5), py(panel, h.y0 + 0.5));
      open = true;
      endX = h.x1;
      endY = h.y1;
      dirX = dx;
      dirY = dy;
    }
    if (open)
      to(endX, endY);
  }

  bool fits(const std::vector<std::string> &lines, int size, double boxW,
            double boxH) {
    if (lines.size() * size * 1.25 > boxH - 2)
      return false;
    setFont(cr, size);
    for (const std::string &line : lines)
      if (textWidth(cr, line) > boxW - 4)
        return false;
    return true;
  }

  /// What to write in a rectangle, most informative first; the last is the
  /// least that still identifies it.
  std::vector<std::vector<std::string>> labelChoices(const KernelGroup &g) {
    if (g.members.size() == 1) {
      const PlotKernel &k = model.kernels[g.members.front()];
      std::string label = shortKernelLabel(k.name);
      auto [layer, op] = labelParts(k.name);
      std::vector<std::vector<std::string>> choices = {
          {label, std::to_string(k.rect.width()) + "\u00d7" +
                      std::to_string(k.rect.height())},
          {label}};
      if (!layer.empty() && !op.empty())
        choices.push_back({layer, op});
      choices.push_back({layer.empty() ? op : layer});
      return choices;
    }
    std::set<int64_t> slots, layers;
    for (int i : g.members) {
      slots.insert(model.kernels[i].slot);
      if (model.kernels[i].layer)
        layers.insert(*model.kernels[i].layer);
    }
    std::vector<std::string> lines = {
        formatCount(g.members.size(), "kernel", "kernels") + " share this",
        "region in " + formatCount(slots.size(), "slot", "slots")};
    if (!layers.empty())
      lines.push_back(*layers.begin() == *layers.rbegin()
                          ? "L" + std::to_string(*layers.begin())
                          : "L" + std::to_string(*layers.begin()) + "\u2013L" +
                                std::to_string(*layers.rbegin()));
    std::vector<std::vector<std::string>> choices = {lines};
    choices.push_back({lines[0], lines[1]});
    choices.push_back({"\u00d7" + std::to_string(g.members.size())});
    return choices;
  }

  void paintLabels(int panel) {
    std::vector<std::vector<std::vector<std::string>>> choices;
    for (const KernelGroup &g : model.groups)
      choices.push_back(labelChoices(g));
    auto boxOf = [&](const KernelGroup &g) {
      return std::make_pair(g.box.width() * layout.scale,
                            g.box.height() * layout.scale);
    };
    // One font size for every label, the largest at which nearly all
    // rectangles hold more than their last-resort label: mixed sizes read
    // as differences that are not there.
    int size = 14;
    for (; size > 7; --size) {
      size_t good = 0;
      for (size_t i = 0; i < model.groups.size(); ++i) {
        auto [boxW, boxH] = boxOf(model.groups[i]);
        for (size_t c = 0; c + 1 < choices[i].size(); ++c)
          if (fits(choices[i][c], size, boxW, boxH)) {
            ++good;
            break;
          }
      }
      if (good >= 0.95 * model.groups.size())
        break;
    }

    for (size_t i = 0; i < model.groups.size(); ++i) {
      const KernelGroup &g = model.groups[i];
      auto [boxW, boxH] = boxOf(g);
      const std::vector<std::string> *lines = nullptr;
      for (const std::vector<std::string> &choice : choices[i])
        if (fits(choice, size, boxW, boxH)) {
          lines = &choice;
          break;
        }
      if (!lines)
        continue;
      setFont(cr, size);
      double lineH = size * 1.25, widest = 0;
      for (const std::string &line : *lines)
        widest = std::max(widest, textWidth(cr, line));
      double cx = px(panel, (g.box.x0 + g.box.x1) / 2.0);
      double cy = py(panel, (g.box.y0 + g.box.y1) / 2.0);
      double top = cy - lineH * lines->size() / 2;
      // A translucent plate keeps labels legible over routes.
      setColor(cr, hex(0xffffff), 0.7);
      cairo_rectangle(cr, cx - widest / 2 - 2, top - 1, widest + 4,
                      lineH * lines->size() + 2);
      cairo_fill(cr);
      setColor(cr, hex(0x111111));
      for (size_t l = 0; l < lines->size(); ++l)
        drawText(cr, cx, top + lineH * (l + 0.8), (*lines)[l], Align::Center);
      std::string joined = lines->front();
      for (size_t l = 1; l < lines->size(); ++l)
        joined += "; " + (*lines)[l];
      info.labels.push_back(joined);
    }
  }

  void paintPlacementPanel(int panel, const char *caption) {
    paintMesh(panel, caption);
    paintKernels(panel, /*faint=*/false);
    paintStreams(panel);
    paintLabels(panel);
    info.kernelBoxes = model.groups.size();
  }

  void paintLoadPanel(int panel) {
    paintMesh(panel, "Link load (bytes per step)");
    paintKernels(panel, /*faint=*/true);
    // Segments bucketed by colour level, one path per level.
    std::vector<std::vector<std::array<double, 4>>> byLevel(kHeatLevels);
    double c = heat.cell;
    auto center = [&](int64_t i, int64_t extent) {
      return (i * c + std::min((i + 1) * c, double(extent))) / 2;
    };
    for (int64_t j = 0; j < heat.cellsY; ++j)
      for (int64_t i = 0; i < heat.cellsX; ++i) {
        size_t index = j * heat.cellsX + i;
        double x = center(i, model.width), y = center(j, model.height);
        if (int64_t bytes = heat.horizontal[index]) {
          double end = std::min(x + c, model.width - 0.5);
          byLevel[level(bytes)].push_back({x, y, end, y});
        }
        if (int64_t bytes = heat.vertical[index]) {
          double end = std::min(y + c, model.height - 0.5);
          byLevel[level(bytes)].push_back({x, y, x, end});
        }
      }
    cairo_set_line_width(cr, std::clamp(0.4 * c * layout.scale, 1.5, 8.0));
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (int l = 0; l < kHeatLevels; ++l) {
      if (byLevel[l].empty())
        continue;
      for (const auto &[x0, y0, x1, y1] : byLevel[l]) {
        cairo_move_to(cr, px(panel, x0), py(panel, y0));
        cairo_line_to(cr, px(panel, x1), py(panel, y1));
      }
      setColor(cr, heatColor(double(l) / (kHeatLevels - 1)));
      cairo_stroke(cr);
    }
  }

  int level(int64_t bytes) const {
    return int(std::lround(heat.scaleOf(bytes) * (kHeatLevels - 1)));
  }

  void paintLegend() {
    double x = layout.legendX, y = layout.legendY + 14;
    auto heading = [&](const std::string &text) {
      setColor(cr, hex(0x111111));
      setFont(cr, 13, /*bold=*/true);
      drawText(cr, x, y, text);
      y += 20;
    };
    // A filled box, outlined, at the start of the line whose text
    // swatchLine writes.
    auto swatch = [&](Rgb fill) {
      setColor(cr, fill);
      cairo_rectangle(cr, x, y - 11, 16, 13);
      cairo_fill_preserve(cr);
      strokeOutline(1);
    };
    auto swatchLine = [&](const std::string &text) {
      setColor(cr, hex(0x222222));
      setFont(cr, 12);
      drawText(cr, x + 24, y, text);
      y += 20;
    };

    heading("Kernel schemes");
    std::map<fabric::KernelScheme, int64_t> perScheme;
    for (const PlotKernel &k : model.kernels)
      ++perScheme[k.scheme];
    for (fabric::KernelScheme scheme : fabric::allKernelSchemes()) {
      auto it = perScheme.find(scheme);
      if (it == perScheme.end())
        continue;
      swatch(schemeColor(scheme));
      swatchLine(fabric::stringifyKernelScheme(scheme).str() + " (" +
                 std::to_string(it->second) + ")");
    }
    if (llvm::any_of(model.groups, [](const KernelGroup &g) {
          return g.members.size() > 1;
        })) {
      swatch(hex(0xdddddd));
      swatchLine("shared region, outlined per kernel");
    }

    if (!model.streams.empty()) {
      y += 8;
      heading("Streams");
      if (model.colorsUsed) {
        setColor(cr, hex(0x222222));
        setFont(cr, 12);
        drawText(cr, x, y, "routed, coloured by colour index:");
        y += 18;
        std::set<int64_t> colors;
        for (const PlotStream &s : model.streams)
          if (!s.hops.empty() && s.color)
            colors.insert(*s.color);
        int column = 0;
        setFont(cr, 10);
        for (int64_t color : colors) {
          double cx = x + column * 30;
          setColor(cr, channelColor(color));
          cairo_rectangle(cr, cx, y - 9, 10, 10);
          cairo_fill(cr);
          setColor(cr, hex(0x222222));
          drawText(cr, cx + 12, y, std::to_string(color));
          if (++column == 8) {
            column = 0;
            y += 22;
          }
        }
        if (column)
          y += 22;
      }
      if (model.localStreams) {
        setColor(cr, hex(0x222222));
        setFont(cr, 12);
        drawText(cr, x, y,
                 std::to_string(model.localStreams) +
                     " stay on PEs their kernels share");
        y += 20;
      }
      if (model.routedStreams < int64_t(model.streams.size())) {
        setColor(cr, hex(0x444444));
        double dash[] = {5, 3};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_set_line_width(cr, 1.2);
        cairo_move_to(cr, x, y - 4);
        cairo_line_to(cr, x + 18, y - 4);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        swatchLine("not routed: centre to centre");
      }
    }

    if (layout.panels < 2)
      return;
    y += 8;
    heading("Link load, bytes per step");
    setColor(cr, hex(0x222222));
    setFont(cr, 11);
    drawText(cr, x, y - 4,
             heat.cell > 1 ? "hottest link per " + std::to_string(heat.cell) +
                                 "\u00d7" + std::to_string(heat.cell) + " PEs" +
                                 (heat.logScale ? ", log scale" : "")
                           : std::string("per link pair") +
                                 (heat.logScale ? ", log scale" : ""));
    y += 10;
    // The bar: the same quantized levels the map uses, hottest on top.
    double barH = 200, barW = 18;
    for (int l = 0; l < kHeatLevels; ++l) {
      setColor(cr, heatColor(double(l) / (kHeatLevels - 1)));
      double top = y + barH * (1 - double(l + 1) / kHeatLevels);
      cairo_rectangle(cr, x, top, barW, barH / kHeatLevels + 0.5);
      cairo_fill(cr);
    }
    cairo_rectangle(cr, x, y, barW, barH);
    strokeOutline(1);
    double low = heat.logScale ? heat.minBytes : 0;
    double mid = heat.logScale
                     ? std::sqrt(double(heat.minBytes) * heat.maxBytes)
                     : heat.maxBytes / 2.0;
    setFont(cr, 11);
    setColor(cr, hex(0x222222));
    drawText(cr, x + barW + 6, y + 4, cost::formatBytes(heat.maxBytes));
    drawText(cr, x + barW + 6, y + barH / 2 + 4, cost::formatBytes(mid));
    drawText(cr, x + barW + 6, y + barH + 4, cost::formatBytes(low));
    y += barH + 26;
    setFont(cr, 11);
    drawText(cr, x, y,
             formatCount(heat.linksUsed, "link", "links") + " carry traffic");
    y += 16;
    const Hop &h = heat.hottest;
    drawText(cr, x, y,
             "hottest: (" + std::to_string(h.x0) + "," + std::to_string(h.y0) +
                 ")\u2192(" + std::to_string(h.x1) + "," +
                 std::to_string(h.y1) + ") " +
                 cost::formatBytes(heat.maxBytes));
  }

  cairo_t *cr;
  const PlotModel &model;
  const Layout &layout;
  const HeatMap &heat;
  FabricPlotInfo &info;
};

} // namespace

void paintPlot(cairo_t *cr, const PlotModel &model, const Layout &layout,
               const HeatMap &heat, FabricPlotInfo &info) {
  Painter(cr, model, layout, heat, info).paint();
}

} // namespace wafer::plot
