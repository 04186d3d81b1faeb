//===- FabricPlotTest.cpp - mesh plots of placed and routed modules -------===//

#include "wafer/Analysis/FabricPlot.h"

#include "wafer/InitAllDialects.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace mlir;
using namespace wafer;

namespace {

//===----------------------------------------------------------------------===//
// Modules written as text, so the tests go through the parser and verifier
// like waferc's input does.
//===----------------------------------------------------------------------===//

struct KernelSpec {
  std::string name, scheme;
  int64_t x, y, width, height, slot = 0;
  bool placed = true;
};

struct StreamSpec {
  int from;
  std::vector<int> to;
  int64_t bytes = 256;
  std::optional<int64_t> color;
  std::vector<int64_t> route; // empty: not routed, unless local
  bool local = false;         // routed, staying on shared PEs
};

int64_t centerX(const KernelSpec &k) { return k.x + k.width / 2; }
int64_t centerY(const KernelSpec &k) { return k.y + k.height / 2; }

/// X then Y from the producer's centre to each consumer's, merged into one
/// tree (XY paths from one source never cross except along a shared prefix).
std::vector<int64_t> xyRoute(const std::vector<KernelSpec> &kernels, int from,
                             const std::vector<int> &to) {
  std::vector<int64_t> route;
  std::set<std::vector<int64_t>> seen;
  auto hop = [&](int64_t x0, int64_t y0, int64_t x1, int64_t y1) {
    std::vector<int64_t> h = {x0, y0, x1, y1};
    if (seen.insert(h).second)
      route.insert(route.end(), h.begin(), h.end());
  };
  for (int t : to) {
    int64_t x = centerX(kernels[from]), y = centerY(kernels[from]);
    int64_t tx = centerX(kernels[t]), ty = centerY(kernels[t]);
    for (; x != tx; x += tx > x ? 1 : -1)
      hop(x, y, x + (tx > x ? 1 : -1), y);
    for (; y != ty; y += ty > y ? 1 : -1)
      hop(x, y, x, y + (ty > y ? 1 : -1));
  }
  return route;
}

std::string moduleText(int64_t width, int64_t height,
                       const std::string &strategy,
                       const std::vector<KernelSpec> &kernels,
                       const std::vector<StreamSpec> &streams) {
  const std::string type = "tensor<1x4xf32>";
  std::string text =
      "module {\nfabric.design " + strategy +
      " target = #fabric.target<name = \"custom\", width = " +
      std::to_string(width) + ", height = " + std::to_string(height) +
      ", sram_bytes = 49152, code_bytes = 8192, colors = 24, "
      "reserved_colors = [21, 22, 23], clock_khz = 1100000, "
      "link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, "
      "fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, "
      "mem_write_bytes_per_cycle = 4> {\n"
      "func.func @main(%x: " +
      type + ") -> " + type + " {\n";
  for (size_t i = 0; i < kernels.size(); ++i) {
    const KernelSpec &k = kernels[i];
    std::vector<std::string> inputs;
    for (size_t s = 0; s < streams.size(); ++s)
      for (int t : streams[s].to)
        if (t == int(i))
          inputs.push_back("%s" + std::to_string(s));
    if (inputs.empty())
      inputs.push_back("%x");
    std::string operands, types, args;
    for (size_t a = 0; a < inputs.size(); ++a) {
      operands += (a ? ", " : "") + inputs[a];
      types += (a ? ", " : "") + type;
      args += (a ? ", %a" : "%a") + std::to_string(a) + ": " + type;
    }
    text += "  %k" + std::to_string(i) + " = fabric.kernel @\"" + k.name +
            "\" " + k.scheme + "(" + operands +
            ") {region = array<i64: " + std::to_string(k.width) + ", " +
            std::to_string(k.height) +
            ">, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = "
            "16, cycles = 4, slot = " +
            std::to_string(k.slot);
    if (k.placed)
      text += ", origin = array<i64: " + std::to_string(k.x) + ", " +
              std::to_string(k.y) + ">";
    text += "} : (" + types + ") -> " + type + " {\n  ^bb0(" + args +
            "):\n    fabric.yield %a0 : " + type + "\n  }\n";
    for (size_t s = 0; s < streams.size(); ++s) {
      if (streams[s].from != int(i))
        continue;
      text += "  %s" + std::to_string(s) + " = fabric.stream %k" +
              std::to_string(i) +
              " {bytes = " + std::to_string(streams[s].bytes) + ", cycles = 10";
      if (streams[s].color)
        text += ", color = " + std::to_string(*streams[s].color);
      if (streams[s].local)
        text += ", route = array<i64>";
      if (!streams[s].route.empty()) {
        text += ", route = array<i64: ";
        for (size_t r = 0; r < streams[s].route.size(); ++r)
          text += (r ? ", " : "") + std::to_string(streams[s].route[r]);
        text += ">";
      }
      text += "} : " + type + "\n";
    }
  }
  text += "  return %k" + std::to_string(kernels.size() - 1) + " : " + type +
          "\n}\n}\n}\n";
  return text;
}

/// A GPT-2-like layer on a 16x16 mesh: attention feeds the MLP, which feeds
/// the head; the attention output is multicast to the MLP and the head.
struct SmallModel {
  std::vector<KernelSpec> kernels = {
      {"/h.0/attn/Attention", "attention", 0, 0, 6, 4},
      {"/h.0/mlp/c_fc/MatMul", "mesh_gemm", 8, 0, 6, 6},
      {"/h.0/mlp/c_proj/MatMul", "mesh_gemm", 8, 8, 6, 6},
      {"/lm_head/MatMul", "mesh_gemv", 0, 10, 5, 5},
  };
  std::vector<StreamSpec> streams = {
      {0, {1, 3}, 256, 0, {}},
      {1, {2}, 1024, 1, {}},
      {2, {3}, 256, 2, {}},
  };
  SmallModel(bool routed = true) {
    if (routed)
      for (StreamSpec &s : streams)
        s.route = xyRoute(kernels, s.from, s.to);
    else
      for (StreamSpec &s : streams)
        s.color.reset();
  }
  std::string text() const {
    return moduleText(16, 16, "pipeline", kernels, streams);
  }
};

/// The full WSE-3 mesh with 300 kernels on a grid, 25 GPT-2-like layers of
/// 12, in snake order so neighbours in the pipeline are neighbours on the
/// mesh; every sixth kernel multicasts to the next one and the sixth after.
std::string largeModelText() {
  const char *ops[12][2] = {{"ln_1/LayerNormalization", "row_reduce"},
                            {"attn/q/MatMul", "mesh_gemm"},
                            {"attn/k/MatMul", "mesh_gemm"},
                            {"attn/v/MatMul", "mesh_gemm"},
                            {"attn/Attention", "attention"},
                            {"attn/c_proj/MatMul", "mesh_gemm"},
                            {"Add", "elementwise"},
                            {"ln_2/LayerNormalization", "row_reduce"},
                            {"mlp/c_fc/MatMul", "mesh_gemm"},
                            {"mlp/act/Gelu", "elementwise"},
                            {"mlp/c_proj/MatMul", "mesh_gemm"},
                            {"Add_1", "elementwise"}};
  std::vector<KernelSpec> kernels;
  const int columns = 15, rows = 20;
  for (int i = 0; i < columns * rows; ++i) {
    int row = i / columns, column = i % columns;
    if (row % 2)
      column = columns - 1 - column;
    kernels.push_back({"/h." + std::to_string(i / 12) + "/" + ops[i % 12][0],
                       ops[i % 12][1], column * 50 + 4, row * 58 + 4,
                       36 + (i % 3) * 4, 40 + (i % 4) * 4});
  }
  std::vector<StreamSpec> streams;
  for (int i = 0; i + 1 < int(kernels.size()); ++i) {
    StreamSpec s{i, {i + 1}, i % 12 == 8 ? 12288 : 3072, i % 21, {}};
    if (i % 6 == 0 && i + 6 < int(kernels.size()))
      s.to.push_back(i + 6);
    s.route = xyRoute(kernels, s.from, s.to);
    streams.push_back(s);
  }
  return moduleText(762, 1172, "pipeline", kernels, streams);
}

class FabricPlotTest : public ::testing::Test {
protected:
  void SetUp() override {
    DialectRegistry registry;
    registerAllDialects(registry);
    context = std::make_unique<MLIRContext>(registry);
    context->loadAllAvailableDialects();
    // Set WAFER_PLOT_TEST_OUTPUT to a folder to keep the pictures.
    if (const char *keep = std::getenv("WAFER_PLOT_TEST_OUTPUT")) {
      dir = keep;
      keepFiles = true;
    } else {
      llvm::SmallString<128> made;
      ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("wafer-plot", made));
      dir = made.str().str();
    }
  }
  void TearDown() override {
    if (!keepFiles)
      llvm::sys::fs::remove_directories(dir);
  }

  OwningOpRef<ModuleOp> parse(const std::string &text) {
    return parseSourceString<ModuleOp>(text, context.get());
  }
  std::string pathFor(const std::string &name) { return dir + "/" + name; }

  static std::string read(const std::string &path) {
    auto buffer = llvm::MemoryBuffer::getFile(path);
    return buffer ? (*buffer)->getBuffer().str() : std::string();
  }

  /// Width and height from the IHDR chunk, which must come first.
  static std::pair<uint32_t, uint32_t> pngSize(const std::string &png) {
    auto be32 = [&](size_t at) {
      return uint32_t((unsigned char)png[at]) << 24 |
             uint32_t((unsigned char)png[at + 1]) << 16 |
             uint32_t((unsigned char)png[at + 2]) << 8 |
             uint32_t((unsigned char)png[at + 3]);
    };
    if (png.size() < 24 || png.compare(12, 4, "IHDR") != 0)
      return {0, 0};
    return {be32(16), be32(20)};
  }

  std::unique_ptr<MLIRContext> context;
  std::string dir;
  bool keepFiles = false;
};

const std::string kPngSignature = "\x89PNG\r\n\x1a\n";

TEST(ShortKernelLabel, LayerAndModule) {
  EXPECT_EQ(shortKernelLabel("/layers.3/attn/Attention"), "L3 attn");
  EXPECT_EQ(shortKernelLabel("/h.0/mlp/c_fc/MatMul"), "L0 c_fc");
  EXPECT_EQ(shortKernelLabel("/model/layer.11/output/dense/MatMul"),
            "L11 dense");
  EXPECT_EQ(shortKernelLabel("/h.2/mlp/c_fc/MatMul#1"), "L2 c_fc");
  EXPECT_EQ(shortKernelLabel("/lm_head/MatMul"), "lm_head");
  EXPECT_EQ(shortKernelLabel("embed"), "embed");
  EXPECT_EQ(shortKernelLabel("/h.4/Add_1"), "L4 Add_1");
}

TEST_F(FabricPlotTest, SvgLabelsEveryKernel) {
  SmallModel small;
  OwningOpRef<ModuleOp> module = parse(small.text());
  ASSERT_TRUE(module);
  std::string error, path = pathFor("small.svg");
  FabricPlotInfo info;
  ASSERT_TRUE(succeeded(plotFabric(*module, path, error, &info))) << error;
  std::string svg = read(path);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("width=\"" + std::to_string(info.widthPx) + "px\""),
            std::string::npos);
  EXPECT_EQ(info.kernelBoxes, 4);
  ASSERT_EQ(info.labels.size(), 4u);
  EXPECT_EQ(info.labels[0], "L0 attn; 6\u00d74");
  EXPECT_EQ(info.labels[1], "L0 c_fc; 6\u00d76");
  EXPECT_EQ(info.labels[2], "L0 c_proj; 6\u00d76");
  EXPECT_EQ(info.labels[3], "lm_head; 5\u00d75");
  EXPECT_EQ(info.routedStreams, 3);
  EXPECT_EQ(info.unroutedStreams, 0);
  EXPECT_EQ(info.pesPerCell, 1);
  // The c_fc -> c_proj stream carries the most bytes.
  EXPECT_EQ(info.maxLinkBytes, 1024);
  EXPECT_GT(info.linksUsed, 0);
}

TEST_F(FabricPlotTest, PngHasSignatureAndSize) {
  OwningOpRef<ModuleOp> module = parse(SmallModel().text());
  ASSERT_TRUE(module);
  std::string error, path = pathFor("small.png");
  FabricPlotInfo info;
  ASSERT_TRUE(succeeded(plotFabric(*module, path, error, &info))) << error;
  std::string png = read(path);
  ASSERT_EQ(png.compare(0, 8, kPngSignature), 0);
  auto [width, height] = pngSize(png);
  EXPECT_EQ(int(width), info.widthPx);
  EXPECT_EQ(int(height), info.heightPx);
  EXPECT_LE(std::max(width, height), 1700u);
  EXPECT_GE(std::max(width, height), 1400u);
}

TEST_F(FabricPlotTest, OutputIsDeterministic) {
  OwningOpRef<ModuleOp> module = parse(SmallModel().text());
  ASSERT_TRUE(module);
  for (const char *extension : {".svg", ".png"}) {
    std::string error, first = pathFor(std::string("a") + extension),
                       second = pathFor(std::string("b") + extension);
    ASSERT_TRUE(succeeded(plotFabric(*module, first, error))) << error;
    ASSERT_TRUE(succeeded(plotFabric(*module, second, error))) << error;
    std::string a = read(first), b = read(second);
    EXPECT_FALSE(a.empty());
    EXPECT_TRUE(a == b) << extension << " differs between runs";
  }
}

TEST_F(FabricPlotTest, UnroutedStreamsAreStraightLines) {
  OwningOpRef<ModuleOp> module = parse(SmallModel(/*routed=*/false).text());
  ASSERT_TRUE(module);
  std::string error;
  FabricPlotInfo info;
  ASSERT_TRUE(
      succeeded(plotFabric(*module, pathFor("unrouted.png"), error, &info)))
      << error;
  EXPECT_EQ(info.routedStreams, 0);
  EXPECT_EQ(info.unroutedStreams, 3);
  EXPECT_EQ(info.linksUsed, 0);
  EXPECT_EQ(info.labels.size(), 4u);
}

TEST_F(FabricPlotTest, SharedRegionDrawnOnce) {
  std::vector<KernelSpec> kernels = {
      {"/layers.0/attn/Attention", "attention", 0, 0, 8, 8, 0},
      {"/layers.0/mlp/fc/MatMul", "mesh_gemm", 0, 0, 12, 10, 1},
      {"/layers.1/attn/Attention", "attention", 0, 0, 8, 8, 2}};
  // Routed: the data stays on the PEs the kernels share.
  std::vector<StreamSpec> streams = {{0, {1}, 64, {}, {}, /*local=*/true},
                                     {1, {2}, 64, {}, {}, /*local=*/true}};
  OwningOpRef<ModuleOp> module =
      parse(moduleText(16, 16, "shared", kernels, streams));
  ASSERT_TRUE(module);
  std::string error;
  FabricPlotInfo info;
  ASSERT_TRUE(
      succeeded(plotFabric(*module, pathFor("shared.png"), error, &info)))
      << error;
  EXPECT_EQ(info.kernelBoxes, 1);
  EXPECT_EQ(info.routedStreams, 2);
  EXPECT_EQ(info.linksUsed, 0);
  ASSERT_EQ(info.labels.size(), 1u);
  EXPECT_EQ(info.labels[0],
            "3 kernels share this; region in 3 slots; L0\u2013L1");
}

TEST_F(FabricPlotTest, FullWaferStaysSmall) {
  OwningOpRef<ModuleOp> module = parse(largeModelText());
  ASSERT_TRUE(module);
  std::string error;
  FabricPlotInfo info;
  ASSERT_TRUE(
      succeeded(plotFabric(*module, pathFor("wafer.svg"), error, &info)))
      << error;
  EXPECT_EQ(info.kernelBoxes, 300);
  EXPECT_EQ(info.labels.size(), 300u);
  EXPECT_GT(info.pesPerCell, 1);
  EXPECT_EQ(info.routedStreams, 299);
  uint64_t svgBytes = 0;
  ASSERT_FALSE(llvm::sys::fs::file_size(pathFor("wafer.svg"), svgBytes));
  EXPECT_LT(svgBytes, 5u << 20);

  ASSERT_TRUE(
      succeeded(plotFabric(*module, pathFor("wafer.png"), error, &info)))
      << error;
  std::string png = read(pathFor("wafer.png"));
  auto [width, height] = pngSize(png);
  EXPECT_LE(std::max(width, height), 1700u);
  EXPECT_LT(png.size(), 3u << 20);
}

TEST_F(FabricPlotTest, Errors) {
  OwningOpRef<ModuleOp> module = parse(SmallModel().text());
  ASSERT_TRUE(module);
  std::string error;

  EXPECT_TRUE(failed(plotFabric(*module, pathFor("plot.jpg"), error)));
  EXPECT_NE(error.find(".svg or .png"), std::string::npos) << error;

  error.clear();
  std::string unwritable = pathFor("no/such/folder/plot.svg");
  EXPECT_TRUE(failed(plotFabric(*module, unwritable, error)));
  EXPECT_NE(error.find("cannot write '" + unwritable + "'"), std::string::npos)
      << error;

  error.clear();
  OwningOpRef<ModuleOp> untiled =
      parse("func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {\n"
            "  return %x : tensor<4xf32>\n}\n");
  ASSERT_TRUE(untiled);
  EXPECT_TRUE(failed(plotFabric(*untiled, pathFor("untiled.svg"), error)));
  EXPECT_NE(error.find("fabric-tile"), std::string::npos) << error;
  EXPECT_FALSE(llvm::sys::fs::exists(pathFor("untiled.svg")));

  error.clear();
  SmallModel unplaced(/*routed=*/false);
  unplaced.kernels[2].placed = false;
  OwningOpRef<ModuleOp> partly = parse(unplaced.text());
  ASSERT_TRUE(partly);
  EXPECT_TRUE(failed(plotFabric(*partly, pathFor("unplaced.png"), error)));
  EXPECT_NE(error.find("kernel '/h.0/mlp/c_proj/MatMul' has no origin"),
            std::string::npos)
      << error;

  error.clear();
  // The plot runs the fabric verifier itself rather than trust that it ran
  // (a pass may dump a broken module to look at it), and says what it found.
  SmallModel jumping;
  jumping.streams[1].route = {8, 2, 10, 2};
  OwningOpRef<ModuleOp> badRoute = parseSourceString<ModuleOp>(
      jumping.text(), ParserConfig(context.get(), /*verifyAfterParse=*/false));
  ASSERT_TRUE(badRoute);
  EXPECT_TRUE(failed(plotFabric(*badRoute, pathFor("bad.svg"), error)));
  EXPECT_NE(error.find("does not verify"), std::string::npos) << error;
  EXPECT_NE(error.find("does not follow a link"), std::string::npos) << error;
}

} // namespace
