//===- CostModelTest.cpp - cost formulas against hand-computed cases ------===//

#include "wafer/CostModel/CostModel.h"

#include <gtest/gtest.h>

using namespace wafer::cost;

namespace {

/// A WSE-3-like PE: 4 mixed FMACs per cycle, 8-byte read port.
Machine machine() {
  Machine m;
  m.width = 64;
  m.height = 32;
  m.dataBytes = 40 * 1024;
  m.clockHz = 1e9;
  m.linkBytesPerCycle = 4;
  m.hopLatencyCycles = 1;
  m.fmacF32 = 1;
  m.fmacF16 = 8;
  m.fmacF16F32 = 4;
  m.memReadBytesPerCycle = 8;
  m.memWriteBytesPerCycle = 4;
  return m;
}

TEST(CostModel, TreeDepth) {
  EXPECT_EQ(treeDepth(1), 0);
  EXPECT_EQ(treeDepth(2), 1);
  EXPECT_EQ(treeDepth(3), 2);
  EXPECT_EQ(treeDepth(1024), 10);
  EXPECT_EQ(treeDepth(1025), 11);
}

TEST(CostModel, FmacRateIsCappedByTheReadPort) {
  Machine m = machine();
  EXPECT_DOUBLE_EQ(m.fmacRate(DType::F32), 1.0);  // datapath 1, port 8/4 = 2
  EXPECT_DOUBLE_EQ(m.fmacRate(DType::F16), 4.0);  // datapath 4, port 8/2 = 4
  m.fmacF16F32 = 8;
  EXPECT_DOUBLE_EQ(m.fmacRate(DType::F16), 4.0);  // the port binds
}

TEST(CostModel, ElementRate) {
  Machine m = machine();
  // f32: 8/4 = 2 reads, 4/4 = 1 write per cycle -> 1 element per op.
  EXPECT_DOUBLE_EQ(m.elementRate(DType::F32, 1), 1.0);
  EXPECT_DOUBLE_EQ(m.elementRate(DType::F32, 2), 0.5);
  EXPECT_DOUBLE_EQ(m.elementRate(DType::F16, 1), 2.0);
}

TEST(CostModel, GemvHandComputed) {
  Machine m = machine();
  // K = 64 over 4 rows (16), N = 128 over 8 columns (16), fp16.
  KernelCost c = gemv(m, Region{8, 4}, 64, 128, DType::F16);
  EXPECT_EQ(c.blocks, (std::vector<int64_t>{1, 16, 16}));
  EXPECT_DOUBLE_EQ(c.computeCycles, 16.0 * 16 / 4);  // 64
  // x slice: 16 halves = 32 B over 4 B/cycle, across 7 hops.
  EXPECT_DOUBLE_EQ(c.fillCycles, 7 + 32.0 / 4);      // 15
  // 16 fp32 partials (64 B / 4) stream through 2 levels (3 cycles each)
  // and 3 hops up the column.
  EXPECT_DOUBLE_EQ(c.reduceCycles, 16.0 + 3 * 2 + 3);  // 25
  EXPECT_DOUBLE_EQ(c.cycles(), 64 + 25 + 15);
  EXPECT_EQ(c.weightBytes, 16 * 16 * 2);
  EXPECT_EQ(c.bufferBytes, 2 * 16 * 2 + 16 * 4);
}

TEST(CostModel, GemmHandComputed) {
  Machine m = machine();
  // M = 32, K = 64, N = 64 on 4x4, fp32.
  KernelCost c = gemm(m, Region{4, 4}, 32, 64, 64, DType::F32);
  EXPECT_EQ(c.blocks, (std::vector<int64_t>{8, 16, 16}));
  EXPECT_DOUBLE_EQ(c.computeCycles, 32.0 * 64 * 64 / 16 / 1.0);  // 8192
  // 4 steps, each shifting an 8x16 fp32 block (512 B) over 2 hops.
  EXPECT_DOUBLE_EQ(c.commCycles, 4 * (2 + 512.0 / 4));           // 520
  EXPECT_DOUBLE_EQ(c.fillCycles, (2 + 128) + (3 + 8 * 16 * 4 / 4.0));
  EXPECT_DOUBLE_EQ(c.cycles(), 8192 + c.fillCycles);
  EXPECT_EQ(c.weightBytes, 16 * 16 * 4);
}

TEST(CostModel, MoreProcessorsMeanFewerComputeCycles) {
  Machine m = machine();
  double small = gemm(m, Region{2, 2}, 64, 256, 256, DType::F16).computeCycles;
  double large = gemm(m, Region{8, 8}, 64, 256, 256, DType::F16).computeCycles;
  EXPECT_DOUBLE_EQ(small / large, 16.0);
}

TEST(CostModel, RowReduceHandComputed) {
  Machine m = machine();
  // 4 rows x 64 cols of f32 on 8 x 2: blocks of 2 rows x 8 cols.
  KernelCost c = rowReduce(m, Region{8, 2}, 4, 64, /*passes=*/2,
                           /*opsPerElement=*/2, DType::F32);
  EXPECT_EQ(c.blocks, (std::vector<int64_t>{2, 8}));
  EXPECT_DOUBLE_EQ(c.computeCycles, 16 / (1.0 / 4));  // 4 ops per element
  // Per pass: 2 fp32 (8 B / 4 = 2 cycles) through 3 levels (3 each) and
  // 7 hops, then the statistic back along the row (7 hops + 2 cycles).
  EXPECT_DOUBLE_EQ(c.reduceCycles, 2 * ((2.0 + 9 + 7) + (7 + 2.0)));
}

TEST(CostModel, AttentionKvShardIsResident) {
  Machine m = machine();
  // 8 query heads, 2 KV heads, 1 query, 4096 keys of 64 on 64x32 PEs: the
  // cache is sharded by (position, KV head), 8192 units over 2048 PEs.
  KernelCost c = attention(m, Region{64, 32}, 1, 8, 2, 1, 4096, 64,
                           DType::F16);
  int64_t units = 4, group = 4;
  EXPECT_EQ(c.blocks, (std::vector<int64_t>{units, group, 1, 64}));
  EXPECT_EQ(c.weightBytes, 2 * units * 64 * 2);
  EXPECT_DOUBLE_EQ(c.computeCycles, 2.0 * units * group * 64 / 4.0 +
                                        double(units) * group / 1.0);
  // q (8 x 64 halves) reaches the far corner; 8 x 66 fp32 partials reduce
  // over 6 + 5 levels pipelined, plus the 94 hops of the path.
  EXPECT_DOUBLE_EQ(c.fillCycles, 94 + 1024 / 4.0);
  EXPECT_DOUBLE_EQ(c.reduceCycles, 8 * 66 * 4 / 4.0 + 3 * 11 + 94);
}

TEST(CostModel, GatherMovesOneRowPerToken) {
  Machine m = machine();
  // 1000 x 64 f32 over 16 PEs: 4000 elements each, a row on one PE.
  KernelCost c = gather(m, Region{4, 4}, 3, 1000, 64, DType::F32);
  EXPECT_EQ(c.weightBytes, 4000 * 4);
  EXPECT_DOUBLE_EQ(c.commCycles, 3 * 256 / 4.0);
  EXPECT_DOUBLE_EQ(c.fillCycles, 6);
}

TEST(CostModel, FormatBytes) {
  EXPECT_EQ(formatBytes(512), "512 B");
  EXPECT_EQ(formatBytes(1536), "1.50 KiB");
  EXPECT_EQ(formatBytes(3.0 * (1 << 30)), "3.00 GiB");
}

} // namespace
