//===- FabricPlot.cpp - a picture of the placed and routed mesh -----------===//
//
// One cairo drawing path serves both formats: an SVG surface written to
// memory, or an image surface encoded as PNG. Geometry is computed in PE
// units and scaled once, so the picture is to scale; big meshes are
// summarized into square cells for the heat map so that the output size
// depends on the pixel budget, not on the number of links.
//
//===----------------------------------------------------------------------===//

#include "wafer/Analysis/FabricPlot.h"

#include "wafer/CostModel/CostModel.h"
#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

using namespace mlir;

namespace wafer {

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

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

std::optional<int64_t> layerOfName(StringRef name) {
  SmallVector<StringRef> parts;
  name.split(parts, '/', -1, /*KeepEmpty=*/false);
  for (StringRef part : parts)
    if (std::optional<int64_t> layer = layerOfPart(part))
      return layer;
  return std::nullopt;
}

/// ONNX op types ("MatMul", "Attention") end most node names and say less
/// than the module path before them.
bool looksLikeOpType(StringRef part) {
  return !part.empty() && llvm::isUpper(part.front());
}

} // namespace

namespace {

/// "L3" and "attn" for "/layers.3/attn/Attention"; either may be empty.
std::pair<std::string, std::string> labelParts(StringRef kernelName) {
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

} // namespace

std::string shortKernelLabel(StringRef kernelName) {
  auto [layer, op] = labelParts(kernelName);
  if (layer.empty() || op.empty())
    return layer + op;
  return layer + " " + op;
}

namespace {

//===----------------------------------------------------------------------===//
// The module, read into plain data
//===----------------------------------------------------------------------===//

struct PlotKernel {
  std::string name, scheme;
  int64_t x, y, width, height, slot;
  std::optional<int64_t> layer;
  double centerX() const { return x + width / 2.0; }
  double centerY() const { return y + height / 2.0; }
};

/// Kernels at one origin: the `shared` strategy puts every kernel there,
/// and drawing them one over another would hide all but the last.
struct KernelGroup {
  std::vector<int> members;
  int64_t x0, y0, x1, y1; // bounding box [x0, x1) x [y0, y1)
};

struct Hop {
  int64_t x0, y0, x1, y1;
};

struct PlotStream {
  int64_t bytes = 0;
  std::optional<int64_t> color;
  std::vector<Hop> hops;
  int producer = -1;
  std::vector<int> consumers;
  /// After fabric-route; an empty route keeps the data on the producer's
  /// PEs, which its consumers share.
  bool routed = false;
};

struct PlotModel {
  std::string target, strategy;
  int64_t width = 0, height = 0;
  std::vector<PlotKernel> kernels;
  std::vector<KernelGroup> groups;
  std::vector<int> groupOfKernel;
  std::vector<PlotStream> streams;
  int64_t numSlots = 0, routedStreams = 0, localStreams = 0, colorsUsed = 0;
};

LogicalResult readModel(ModuleOp module, PlotModel &model, std::string &error) {
  fabric::DesignOp design = fabric::getDesign(module);
  if (!design) {
    error = "the module has no fabric.design: run fabric-tile first";
    return failure();
  }
  fabric::TargetAttr target = design.getTarget();
  model.target = target.getName().str();
  model.width = target.getWidth();
  model.height = target.getHeight();
  model.strategy =
      fabric::stringifyMappingStrategy(design.getStrategy()).str();

  llvm::DenseMap<Operation *, int> kernelIndex;
  std::set<int64_t> slots;
  WalkResult walk = module.walk([&](fabric::KernelOp k) -> WalkResult {
    std::optional<ArrayRef<int64_t>> origin = k.getOrigin();
    if (!origin) {
      error = "kernel '" + k.getSymName().str() +
              "' has no origin: run placement first";
      return WalkResult::interrupt();
    }
    PlotKernel pk{k.getSymName().str(), fabric::stringifyKernelScheme(k.getScheme()).str(),
                  (*origin)[0],         (*origin)[1],
                  k.regionWidth(),      k.regionHeight(),
                  int64_t(k.getSlot()), layerOfName(k.getSymName())};
    if (pk.x < 0 || pk.y < 0 || pk.x + pk.width > model.width ||
        pk.y + pk.height > model.height) {
      error = "kernel '" + pk.name + "' at [" + std::to_string(pk.x) + ", " +
              std::to_string(pk.y) + "] with region " +
              std::to_string(pk.width) + "x" + std::to_string(pk.height) +
              " leaves the " + std::to_string(model.width) + "x" +
              std::to_string(model.height) + " mesh";
      return WalkResult::interrupt();
    }
    kernelIndex[k] = model.kernels.size();
    slots.insert(pk.slot);
    model.kernels.push_back(std::move(pk));
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  model.numSlots = slots.size();

  std::map<std::pair<int64_t, int64_t>, int> groupAt;
  for (int i = 0, e = model.kernels.size(); i < e; ++i) {
    const PlotKernel &k = model.kernels[i];
    auto [it, inserted] = groupAt.try_emplace({k.x, k.y}, model.groups.size());
    if (inserted)
      model.groups.push_back({{}, k.x, k.y, k.x, k.y});
    KernelGroup &g = model.groups[it->second];
    g.members.push_back(i);
    g.x1 = std::max(g.x1, k.x + k.width);
    g.y1 = std::max(g.y1, k.y + k.height);
    model.groupOfKernel.push_back(it->second);
  }

  std::set<int64_t> colors;
  walk = module.walk([&](fabric::StreamOp s) -> WalkResult {
    PlotStream ps;
    ps.bytes = s.getBytes();
    ps.color = s.getColor();
    if (auto producer = s.getInput().getDefiningOp<fabric::KernelOp>())
      ps.producer = kernelIndex.lookup(producer);
    for (Operation *user : s.getOutput().getUsers())
      if (auto consumer = dyn_cast<fabric::KernelOp>(user))
        if (!llvm::is_contained(ps.consumers, kernelIndex.lookup(consumer)))
          ps.consumers.push_back(kernelIndex.lookup(consumer));
    std::string who =
        ps.producer >= 0
            ? "the stream from '" + model.kernels[ps.producer].name + "'"
            : std::string("a stream");
    if (std::optional<ArrayRef<int64_t>> route = s.getRoute()) {
      ps.routed = true;
      if (route->size() % 4 != 0) {
        error = who + " has a route of " + std::to_string(route->size()) +
                " numbers, not x0, y0, x1, y1 quadruples";
        return WalkResult::interrupt();
      }
      for (size_t i = 0; i < route->size(); i += 4) {
        Hop h{(*route)[i], (*route)[i + 1], (*route)[i + 2], (*route)[i + 3]};
        auto inside = [&](int64_t x, int64_t y) {
          return x >= 0 && y >= 0 && x < model.width && y < model.height;
        };
        if (!inside(h.x0, h.y0) || !inside(h.x1, h.y1) ||
            std::abs(h.x1 - h.x0) + std::abs(h.y1 - h.y0) != 1) {
          error = who + " has hop (" + std::to_string(h.x0) + ", " +
                  std::to_string(h.y0) + ") -> (" + std::to_string(h.x1) +
                  ", " + std::to_string(h.y1) +
                  "), not between neighbouring routers of the mesh";
          return WalkResult::interrupt();
        }
        ps.hops.push_back(h);
      }
    }
    if (ps.routed) {
      ++model.routedStreams;
      if (ps.hops.empty())
        ++model.localStreams;
      else if (ps.color)
        colors.insert(*ps.color);
    }
    model.streams.push_back(std::move(ps));
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  model.colorsUsed = colors.size();
  return success();
}

//===----------------------------------------------------------------------===//
// Link load
//===----------------------------------------------------------------------===//

/// Bytes per step on each directed link, summed over the streams that use
/// it, then the hottest link of each cell's horizontal and vertical
/// segments (a cell is `cell` x `cell` PEs; 1 on small meshes).
struct LinkLoad {
  int64_t cell = 1, cellsX = 0, cellsY = 0;
  std::vector<int64_t> horizontal, vertical; // per cell, row-major
  int64_t linksUsed = 0, maxBytes = 0, minBytes = 0;
  Hop hottest{0, 0, 0, 0};
  bool logScale = false;

  /// Position on the colour scale, 0 (lightest) to 1.
  double scaleOf(int64_t bytes) const {
    if (maxBytes <= minBytes)
      return 1;
    if (logScale)
      return std::log(double(bytes) / minBytes) /
             std::log(double(maxBytes) / minBytes);
    return double(bytes) / maxBytes;
  }
};

LinkLoad computeLinkLoad(const PlotModel &model, int64_t cell) {
  LinkLoad load;
  load.cell = cell;
  load.cellsX = (model.width + cell - 1) / cell;
  load.cellsY = (model.height + cell - 1) / cell;
  load.horizontal.assign(load.cellsX * load.cellsY, 0);
  load.vertical.assign(load.cellsX * load.cellsY, 0);

  // Key: the link's source router and its direction (E, W, S, N).
  llvm::DenseMap<uint64_t, int64_t> bytesOnLink;
  for (const PlotStream &s : model.streams) {
    // A tree uses each link once; a malformed one repeating a hop should
    // not count twice.
    std::set<uint64_t> seen;
    for (const Hop &h : s.hops) {
      uint64_t direction = h.x1 > h.x0   ? 0
                           : h.x1 < h.x0 ? 1
                           : h.y1 > h.y0 ? 2
                                         : 3;
      uint64_t key = (uint64_t(h.y0) * model.width + h.x0) * 4 + direction;
      if (seen.insert(key).second)
        bytesOnLink[key] += s.bytes;
    }
  }
  // Ordered, so ties for the hottest link resolve the same way every run.
  std::map<uint64_t, int64_t> ordered(bytesOnLink.begin(), bytesOnLink.end());
  load.linksUsed = ordered.size();
  for (const auto &[key, bytes] : ordered) {
    uint64_t direction = key % 4, router = key / 4;
    int64_t x = router % model.width, y = router / model.width;
    int64_t dx = direction == 0 ? 1 : direction == 1 ? -1 : 0;
    int64_t dy = direction == 2 ? 1 : direction == 3 ? -1 : 0;
    if (bytes > load.maxBytes) {
      load.maxBytes = bytes;
      load.hottest = {x, y, x + dx, y + dy};
    }
    load.minBytes = load.minBytes ? std::min(load.minBytes, bytes) : bytes;
    // Both directions of a link pair land on the segment from the left or
    // upper router, which on a 1-PE cell joins the two routers' centres.
    int64_t left = std::min(x, x + dx), top = std::min(y, y + dy);
    size_t index = (top / cell) * load.cellsX + left / cell;
    std::vector<int64_t> &segments = dx ? load.horizontal : load.vertical;
    segments[index] = std::max(segments[index], bytes);
  }
  // Loads span orders of magnitude (a token's activations next to a
  // whole prompt's); a linear scale would leave all but the top white.
  load.logScale = load.minBytes > 0 && load.maxBytes >= 16 * load.minBytes;
  return load;
}

//===----------------------------------------------------------------------===//
// Colours
//===----------------------------------------------------------------------===//

struct Rgb {
  double r, g, b;
};

Rgb hex(uint32_t rgb) {
  return {((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
          (rgb & 0xff) / 255.0};
}

/// The schemes FabricOps.td names, in a fixed order, then any others.
const char *const kKnownSchemes[] = {"mesh_gemm",  "mesh_gemv",   "attention",
                                     "row_reduce", "elementwise", "gather"};
const uint32_t kSchemeColors[] = {0x6baed6, 0x9ecae1, 0xfd8d3c, 0x74c476,
                                  0xbcbddc, 0xfdd0a2, 0xe7969c, 0xc7e9c0};

/// Distinct hues for the virtual channels (24 on the WSE).
const uint32_t kChannelColors[] = {
    0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd, 0xff7f0e, 0x17becf,
    0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x393b79, 0x637939,
    0x8c6d31, 0x843c39, 0x7b4173, 0x3182bd, 0xe6550d, 0x31a354,
    0x756bb1, 0x636363, 0x000075, 0x808000, 0xf032e6, 0x469990};

Rgb channelColor(std::optional<int64_t> color) {
  if (!color)
    return hex(0x444444);
  return hex(kChannelColors[*color % std::size(kChannelColors)]);
}

/// Sequential light-yellow to dark-red ramp: low load stays quiet on the
/// light mesh, hot links stand out.
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

/// Segments of one level share a path, which keeps the SVG small.
constexpr int kHeatLevels = 64;

//===----------------------------------------------------------------------===//
// Layout
//===----------------------------------------------------------------------===//

constexpr double kPixelBudget = 1600; // longer side of the whole picture
constexpr double kMaxPixelsPerPE = 64;
constexpr double kMinSegmentPixels = 8; // a heat-map cell's edge
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

double legendHeight(const PlotModel &model, size_t schemes, bool routed) {
  double h = 24 + 20 * schemes;
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

Layout computeLayout(const PlotModel &model, size_t schemes) {
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
  bottom = std::max(bottom, top + legendHeight(model, schemes, routed));
  layout.widthPx = int(std::ceil(layout.legendX + kLegendWidth + kMargin));
  layout.heightPx = int(std::ceil(bottom + kMargin));
  return layout;
}

//===----------------------------------------------------------------------===//
// Drawing
//===----------------------------------------------------------------------===//

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
          const LinkLoad &load, FabricPlotInfo &info)
      : cr(cr), model(model), layout(layout), load(load), info(info) {
    for (const char *s : kKnownSchemes)
      schemeOrder.push_back(s);
    std::set<std::string> others;
    for (const PlotKernel &k : model.kernels)
      if (!llvm::is_contained(schemeOrder, k.scheme))
        others.insert(k.scheme);
    schemeOrder.insert(schemeOrder.end(), others.begin(), others.end());
  }

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

  Rgb schemeColor(const std::string &scheme) const {
    size_t i = std::find(schemeOrder.begin(), schemeOrder.end(), scheme) -
               schemeOrder.begin();
    return hex(kSchemeColors[i % std::size(kSchemeColors)]);
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
    setColor(cr, hex(0x333333));
    cairo_set_line_width(cr, 1.5);
    cairo_rectangle(cr, x, y, w, h);
    cairo_stroke(cr);
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
    cairo_rectangle(cr, px(panel, g.x0), py(panel, g.y0),
                    (g.x1 - g.x0) * layout.scale, (g.y1 - g.y0) * layout.scale);
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
        cairo_rectangle(cr, px(panel, k.x) + inset, py(panel, k.y) + inset,
                        k.width * layout.scale - 2 * inset,
                        k.height * layout.scale - 2 * inset);
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
        double ax = from.centerX(), ay = from.centerY();
        double bx = to.centerX(), by = to.centerY();
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
    return std::max(enterAxis(ax, bx, k.x, k.x + k.width),
                    enterAxis(ay, by, k.y, k.y + k.height));
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
          {label,
           std::to_string(k.width) + "\u00d7" + std::to_string(k.height)},
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
      return std::make_pair((g.x1 - g.x0) * layout.scale,
                            (g.y1 - g.y0) * layout.scale);
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
      double cx = px(panel, (g.x0 + g.x1) / 2.0);
      double cy = py(panel, (g.y0 + g.y1) / 2.0);
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
    double c = load.cell;
    auto center = [&](int64_t i, int64_t extent) {
      return (i * c + std::min((i + 1) * c, double(extent))) / 2;
    };
    for (int64_t j = 0; j < load.cellsY; ++j)
      for (int64_t i = 0; i < load.cellsX; ++i) {
        size_t index = j * load.cellsX + i;
        double x = center(i, model.width), y = center(j, model.height);
        if (int64_t bytes = load.horizontal[index]) {
          double end = std::min(x + c, model.width - 0.5);
          byLevel[level(bytes)].push_back({x, y, end, y});
        }
        if (int64_t bytes = load.vertical[index]) {
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
    return int(std::lround(load.scaleOf(bytes) * (kHeatLevels - 1)));
  }

  void paintLegend() {
    double x = layout.legendX, y = layout.legendY + 14;
    auto heading = [&](const std::string &text) {
      setColor(cr, hex(0x111111));
      setFont(cr, 13, /*bold=*/true);
      drawText(cr, x, y, text);
      y += 20;
    };
    auto swatchLine = [&](const std::string &text) {
      setColor(cr, hex(0x222222));
      setFont(cr, 12);
      drawText(cr, x + 24, y, text);
      y += 20;
    };

    heading("Kernel schemes");
    std::map<std::string, int64_t> perScheme;
    for (const PlotKernel &k : model.kernels)
      ++perScheme[k.scheme];
    for (const std::string &scheme : schemeOrder) {
      auto it = perScheme.find(scheme);
      if (it == perScheme.end())
        continue;
      setColor(cr, schemeColor(scheme));
      cairo_rectangle(cr, x, y - 11, 16, 13);
      cairo_fill_preserve(cr);
      setColor(cr, hex(0x333333));
      cairo_set_line_width(cr, 1);
      cairo_stroke(cr);
      swatchLine(scheme + " (" + std::to_string(it->second) + ")");
    }
    if (llvm::any_of(model.groups, [](const KernelGroup &g) {
          return g.members.size() > 1;
        })) {
      setColor(cr, hex(0xdddddd));
      cairo_rectangle(cr, x, y - 11, 16, 13);
      cairo_fill_preserve(cr);
      setColor(cr, hex(0x333333));
      cairo_set_line_width(cr, 1);
      cairo_stroke(cr);
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
             load.cell > 1 ? "hottest link per " + std::to_string(load.cell) +
                                 "\u00d7" + std::to_string(load.cell) + " PEs" +
                                 (load.logScale ? ", log scale" : "")
                           : std::string("per link pair") +
                                 (load.logScale ? ", log scale" : ""));
    y += 10;
    // The bar: the same quantized levels the map uses, hottest on top.
    double barH = 200, barW = 18;
    for (int l = 0; l < kHeatLevels; ++l) {
      setColor(cr, heatColor(double(l) / (kHeatLevels - 1)));
      double top = y + barH * (1 - double(l + 1) / kHeatLevels);
      cairo_rectangle(cr, x, top, barW, barH / kHeatLevels + 0.5);
      cairo_fill(cr);
    }
    setColor(cr, hex(0x333333));
    cairo_set_line_width(cr, 1);
    cairo_rectangle(cr, x, y, barW, barH);
    cairo_stroke(cr);
    double low = load.logScale ? load.minBytes : 0;
    double mid = load.logScale
                     ? std::sqrt(double(load.minBytes) * load.maxBytes)
                     : load.maxBytes / 2.0;
    setFont(cr, 11);
    setColor(cr, hex(0x222222));
    drawText(cr, x + barW + 6, y + 4, cost::formatBytes(load.maxBytes));
    drawText(cr, x + barW + 6, y + barH / 2 + 4, cost::formatBytes(mid));
    drawText(cr, x + barW + 6, y + barH + 4, cost::formatBytes(low));
    y += barH + 26;
    setFont(cr, 11);
    drawText(cr, x, y,
             formatCount(load.linksUsed, "link", "links") + " carry traffic");
    y += 16;
    const Hop &h = load.hottest;
    drawText(cr, x, y,
             "hottest: (" + std::to_string(h.x0) + "," + std::to_string(h.y0) +
                 ")\u2192(" + std::to_string(h.x1) + "," +
                 std::to_string(h.y1) + ") " +
                 cost::formatBytes(load.maxBytes));
  }

  cairo_t *cr;
  const PlotModel &model;
  const Layout &layout;
  const LinkLoad &load;
  FabricPlotInfo &info;
  std::vector<std::string> schemeOrder;
};

cairo_status_t appendToString(void *closure, const unsigned char *data,
                              unsigned int length) {
  static_cast<std::string *>(closure)->append(
      reinterpret_cast<const char *>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

enum class Format { Svg, Png };

LogicalResult render(const PlotModel &model, Format format, std::string &bytes,
                     FabricPlotInfo &info, std::string &error) {
  std::set<std::string> schemes;
  for (const PlotKernel &k : model.kernels)
    schemes.insert(k.scheme);
  Layout layout = computeLayout(model, schemes.size());
  LinkLoad load = computeLinkLoad(model, layout.cell);

  cairo_surface_t *surface =
      format == Format::Svg
          ? cairo_svg_surface_create_for_stream(appendToString, &bytes,
                                                layout.widthPx, layout.heightPx)
          : cairo_image_surface_create(CAIRO_FORMAT_RGB24, layout.widthPx,
                                       layout.heightPx);
  if (format == Format::Svg)
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
  cairo_t *cr = cairo_create(surface);
  Painter(cr, model, layout, load, info).paint();
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (status == CAIRO_STATUS_SUCCESS) {
    if (format == Format::Png)
      status =
          cairo_surface_write_to_png_stream(surface, appendToString, &bytes);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS)
      status = cairo_surface_status(surface);
  }
  cairo_surface_destroy(surface);
  // cairo names the SVG page after a process-wide surface counter; a fixed
  // name keeps every run byte-identical.
  if (format == Format::Svg) {
    static constexpr llvm::StringLiteral kPageId = "<g id=\"surface";
    size_t at = bytes.find(kPageId.data());
    if (at != std::string::npos) {
      size_t end = bytes.find('"', at + kPageId.size());
      bytes.replace(at, end + 1 - at, "<g id=\"plot\"");
    }
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    error = std::string("cairo failed to draw the plot: ") +
            cairo_status_to_string(status);
    return failure();
  }

  info.widthPx = layout.widthPx;
  info.heightPx = layout.heightPx;
  info.pixelsPerPE = layout.scale;
  info.pesPerCell = layout.cell;
  info.routedStreams = model.routedStreams;
  info.unroutedStreams = model.streams.size() - model.routedStreams;
  info.linksUsed = load.linksUsed;
  info.maxLinkBytes = load.maxBytes;
  return success();
}

} // namespace

LogicalResult plotFabric(ModuleOp module, StringRef path, std::string &error,
                         FabricPlotInfo *info) {
  std::string extension = llvm::sys::path::extension(path).lower();
  Format format;
  if (extension == ".svg")
    format = Format::Svg;
  else if (extension == ".png")
    format = Format::Png;
  else {
    error = "cannot tell the format of '" + path.str() +
            "': the name must end in .svg or .png";
    return failure();
  }

  PlotModel model;
  if (failed(readModel(module, model, error)))
    return failure();
  FabricPlotInfo scratch;
  FabricPlotInfo &drawn = info ? *info : scratch;
  drawn = FabricPlotInfo();
  std::string bytes;
  if (failed(render(model, format, bytes, drawn, error)))
    return failure();

  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec) {
    error = "cannot write '" + path.str() + "': " + ec.message();
    return failure();
  }
  os << bytes;
  os.close();
  if (os.has_error()) {
    error = "cannot write '" + path.str() + "': " + os.error().message();
    os.clear_error();
    return failure();
  }
  return success();
}

} // namespace wafer
