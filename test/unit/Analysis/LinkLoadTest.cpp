//===- LinkLoadTest.cpp - bytes per step over the links of a design -------===//

#include "wafer/Analysis/LinkLoad.h"
#include "wafer/Analysis/FabricReport.h"

#include "wafer/InitAllDialects.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

#include <string>

using namespace mlir;
using namespace wafer;

namespace {

/// Four 1x1 kernels on an 8x2 mesh, one per slot: @a (slot 0) streams to
/// @b (slot 1) and @c (slot 2) to @d (slot 3), both along the three links
/// east from (0, 0) to (3, 0). With `aAlsoFeedsD`, @d consumes @a's stream
/// too, which then lives until slot 3, alongside @c's.
std::string designText(bool aAlsoFeedsD) {
  const std::string t = "tensor<1x4xf32>";
  auto kernel = [&](const std::string &name, int slot, int x,
                    const std::string &inputs, int numInputs) {
    std::string types, args;
    for (int i = 0; i < numInputs; ++i) {
      types += (i ? ", " : "") + t;
      args +=
          (i ? ", " : "") + std::string("%a") + std::to_string(i) + ": " + t;
    }
    return "  %" + name + " = fabric.kernel @" + name + " elementwise(" +
           inputs +
           ") {region = array<i64: 1, 1>, blocks = array<i64: 1>, "
           "weight_bytes = 100, buffer_bytes = 16, cycles = 4, slot = " +
           std::to_string(slot) + ", origin = array<i64: " + std::to_string(x) +
           ", 0>} : (" + types + ") -> " + t + " {\n  ^bb0(" + args +
           "):\n    fabric.yield %a0 : " + t + "\n  }\n";
  };
  auto stream = [&](const std::string &name, const std::string &from, int bytes,
                    int color) {
    return "  %" + name + " = fabric.stream %" + from +
           " {bytes = " + std::to_string(bytes) +
           ", cycles = 10, color = " + std::to_string(color) +
           ", route = array<i64: 0, 0, 1, 0, 1, 0, 2, 0, 2, 0, 3, 0>} : " + t +
           "\n";
  };
  return "fabric.design pipeline target = #fabric.target<name = \"custom\", "
         "width = 8, height = 2, sram_bytes = 49152, code_bytes = 8192, "
         "colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, "
         "link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, "
         "fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, "
         "mem_write_bytes_per_cycle = 4> {\n"
         "func.func @main(%x: " +
         t + ") -> " + t + " {\n" + kernel("a", 0, 0, "%x", 1) +
         stream("sa", "a", 256, 0) + kernel("b", 1, 3, "%sa", 1) +
         kernel("c", 2, 0, "%x", 1) + stream("sc", "c", 1024, 1) +
         kernel("d", 3, 3, aAlsoFeedsD ? "%sc, %sa" : "%sc",
                aAlsoFeedsD ? 2 : 1) +
         "  return %d : " + t + "\n}\n}\n";
}

class LinkLoadTest : public ::testing::Test {
protected:
  void SetUp() override {
    registerAllDialects(registry);
    context = std::make_unique<MLIRContext>(registry);
    context->loadAllAvailableDialects();
  }
  OwningOpRef<ModuleOp> parse(const std::string &text) {
    return parseSourceString<ModuleOp>(text, context.get());
  }
  DialectRegistry registry;
  std::unique_ptr<MLIRContext> context;
};

TEST(MeshLink, OfHopAndBack) {
  for (auto [x1, y1] : {std::pair{3, 2}, {1, 2}, {2, 3}, {2, 1}}) {
    MeshLink link = MeshLink::ofHop(2, 2, x1, y1);
    EXPECT_EQ(link.x, 2);
    EXPECT_EQ(link.y, 2);
    EXPECT_EQ(link.toX(), x1);
    EXPECT_EQ(link.toY(), y1);
    EXPECT_EQ(link.horizontal(), y1 == 2);
  }
}

TEST_F(LinkLoadTest, StreamsOfSlotsApartDoNotAddUp) {
  OwningOpRef<ModuleOp> module = parse(designText(/*aAlsoFeedsD=*/false));
  ASSERT_TRUE(module);
  std::vector<LinkLoad> loads = linkLoads(fabric::getDesign(*module));
  ASSERT_EQ(loads.size(), 3u);
  for (int64_t x = 0; x < 3; ++x) {
    EXPECT_EQ(loads[x].link.x, x); // row-major order
    EXPECT_EQ(loads[x].link.y, 0);
    EXPECT_EQ(loads[x].link.direction, MeshLink::East);
    // @a's 256 bytes are gone (slots 0-1) before @c's 1024 come (2-3).
    EXPECT_EQ(loads[x].bytes, 1024);
  }
  EXPECT_EQ(FabricReport::of(*module).maxLinkLoadBytes, 1024);
}

TEST_F(LinkLoadTest, StreamsAliveTogetherAddUp) {
  OwningOpRef<ModuleOp> module = parse(designText(/*aAlsoFeedsD=*/true));
  ASSERT_TRUE(module);
  std::vector<LinkLoad> loads = linkLoads(fabric::getDesign(*module));
  ASSERT_EQ(loads.size(), 3u);
  for (const LinkLoad &load : loads)
    EXPECT_EQ(load.bytes, 256 + 1024);
  EXPECT_EQ(FabricReport::of(*module).maxLinkLoadBytes, 256 + 1024);
}

TEST_F(LinkLoadTest, NoneBeforeRouting) {
  std::string text = designText(/*aAlsoFeedsD=*/false);
  for (const char *routed :
       {", color = 0, route = array<i64: 0, 0, 1, 0, 1, 0, 2, 0, 2, 0, 3, 0>",
        ", color = 1, route = array<i64: 0, 0, 1, 0, 1, 0, 2, 0, 2, 0, 3, 0>"})
    text.erase(text.find(routed), std::string(routed).size());
  OwningOpRef<ModuleOp> module = parse(text);
  ASSERT_TRUE(module);
  EXPECT_TRUE(linkLoads(fabric::getDesign(*module)).empty());
}

} // namespace
