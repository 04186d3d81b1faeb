// The fabric simulator on small hand-built designs: results against a naive
// computation, cycle counts against the ones worked out by hand from the
// machine model in FabricSimulator.h, and deadlocks reported, never hung.
#include "wafer/Simulator/FabricSimulator.h"
#include "wafer/Runtime/Float16.h"
#include "../PeDesignBuilder.h"
#include "../WfbTestTarget.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace wafer;
using namespace wafer::sim;
using wfb::PeInstruction;

namespace {

using unit::Builder;
using unit::ramp;
using namespace wfb::ports;

wfb::Target target() { return unit::smallTarget(); }

std::unique_ptr<FabricSimulator> make(const Builder &b) {
  std::string error;
  auto sim = FabricSimulator::create(b.design, target(), 0, error);
  EXPECT_TRUE(sim) << error;
  return sim;
}


TEST(FabricSimulator, VectorOpsComputeOnSram) {
  // One PE: y = exp(max(a * b, c)) then a strided fmac and both reductions.
  Builder b;
  wfb::PeProgram *p = b.program("k", 2, 3, 1, 1);
  Builder::buffer(p, "a", 8);
  Builder::buffer(p, "b", 8);
  Builder::buffer(p, "y", 8);
  Builder::buffer(p, "s", 2);
  wfb::PeTask *t = Builder::task(p, "main", true);
  Builder::op(t, PeInstruction::FMUL, {{2, 0, 8}, {0, 0, 8}, {1, 0, 8}});
  Builder::op(t, PeInstruction::FMAX, {{2, 0, 8}, {2, 0, 8}, {1, 0, 8}});
  Builder::op(t, PeInstruction::EXP, {{2, 0, 8}, {2, 0, 8}});
  // a[0, 2, 4, 6] += b[1, 3, 5, 7] * s[1]
  Builder::op(t, PeInstruction::FMAC,
              {{0, 0, 4, 2}, {0, 0, 4, 2}, {1, 1, 4, 2}, {3, 1, 1}});
  Builder::op(t, PeInstruction::REDUCE_ADD, {{3, 0, 1}, {2, 0, 8}});
  Builder::op(t, PeInstruction::REDUCE_MAX, {{3, 1, 1}, {0, 0, 8}});
  // b[4 ..] = -0.75, after b was read.
  Builder::op(t, PeInstruction::FILL, {{1, 4, 4}})->set_value(-0.75f);
  auto sim = make(b);
  const std::vector<float> a = ramp(8, 0.5f), bv = ramp(8, -0.25f);
  const std::vector<float> s = {0.0f, 2.0f};
  std::string error;
  ASSERT_TRUE(sim->setBuffer("k", 2, 3, "a", a, error)) << error;
  ASSERT_TRUE(sim->setBuffer("k", 2, 3, "b", bv, error)) << error;
  ASSERT_TRUE(sim->setBuffer("k", 2, 3, "s", s, error)) << error;
  SimResult r = sim->run();
  ASSERT_EQ(r.status, SimResult::Status::Finished);

  std::vector<float> y(8), a2 = a;
  float sum = 0;
  for (int i = 0; i < 8; ++i) {
    y[i] = std::exp(std::max(a[i] * bv[i], bv[i]));
    sum += y[i];
  }
  for (int i = 0; i < 4; ++i)
    a2[2 * i] += bv[2 * i + 1] * s[1];
  std::vector<float> got;
  ASSERT_TRUE(sim->readBuffer("k", 2, 3, "y", got, error)) << error;
  EXPECT_EQ(got, y);
  ASSERT_TRUE(sim->readBuffer("k", 2, 3, "a", got, error)) << error;
  EXPECT_EQ(got, a2);
  ASSERT_TRUE(sim->readBuffer("k", 2, 3, "s", got, error)) << error;
  EXPECT_FLOAT_EQ(got[0], sum);
  EXPECT_EQ(got[1], *std::max_element(a2.begin(), a2.end()));
  ASSERT_TRUE(sim->readBuffer("k", 2, 3, "b", got, error)) << error;
  EXPECT_EQ(got, (std::vector<float>{bv[0], bv[1], bv[2], bv[3], -0.75f,
                                     -0.75f, -0.75f, -0.75f}));
  // Cycles: fmul, fmax, exp at elementRate(f32, 1) = min(8, 4) / 4 = 1
  // element per cycle: 8 each; fmac at fmacRate 1: 4; the two reductions
  // over 8 elements: 8 each; the fill over 4: 4. 8 + 8 + 8 + 4 + 8 + 8 + 4.
  EXPECT_EQ(r.cycles, 48);
  EXPECT_EQ(r.hops, 0);
}

/// Program `name` on PE (0, 0): acc (f32[8]) = 0, acc += w (f16[8]) *
/// x (f16[1]), h (f16[8]) = acc rounded; buffers w, x, acc, h. Its task.
wfb::PeTask *halfGemvStep(Builder &b, const char *name) {
  wfb::PeProgram *p = b.program(name, 0, 0, 1, 1);
  Builder::buffer(p, "w", 8);
  Builder::buffer(p, "x", 1);
  Builder::buffer(p, "acc", 8);
  Builder::buffer(p, "h", 8);
  for (int i : {0, 1, 3})
    p->mutable_buffers(i)->set_dtype(wfb::F16);
  wfb::PeTask *t = Builder::task(p, "main", true);
  Builder::op(t, PeInstruction::FILL, {{2, 0, 8}});
  Builder::op(t, PeInstruction::FMAC,
              {{2, 0, 8}, {2, 0, 8}, {0, 0, 8}, {1, 0, 1}});
  Builder::op(t, PeInstruction::FMOV, {{3, 0, 8}, {2, 0, 8}});
  return t;
}

TEST(FabricSimulator, SixteenBitBuffersRoundAndMoveTheirBits) {
  // PE (0, 0): acc (f32) = w (f16) * x (f16), h (f16) = acc rounded, then
  // h sent east; PE (1, 0) receives it into g (f16) and widens it into
  // y (bf16 then f32 through z).
  Builder b;
  wfb::PeTask *t = halfGemvStep(b, "src");
  Builder::op(t, PeInstruction::SEND, {{3, 0, 8}}, 1);
  wfb::PeProgram *dst = b.program("dst", 1, 0, 1, 1);
  Builder::buffer(dst, "g", 8);
  Builder::buffer(dst, "y", 8);
  Builder::buffer(dst, "z", 8);
  dst->mutable_buffers(0)->set_dtype(wfb::F16);
  dst->mutable_buffers(1)->set_dtype(wfb::BF16);
  wfb::PeTask *in = Builder::task(dst, "main", true);
  Builder::op(in, PeInstruction::RECV, {{0, 0, 8}}, 1);
  Builder::op(in, PeInstruction::FMOV, {{1, 0, 8}, {0, 0, 8}});
  Builder::op(in, PeInstruction::FMOV, {{2, 0, 8}, {1, 0, 8}});
  b.route(1, 0, 0, 1, 1, kRamp, kEast);
  b.route(1, 1, 0, 1, 1, kWest, kRamp);
  auto sim = make(b);
  std::vector<float> w(8);
  for (int i = 0; i < 8; ++i)
    w[size_t(i)] = 0.1f * float(i + 1) - 0.37f;
  const std::vector<float> x = {3.3f};
  std::string error;
  ASSERT_TRUE(sim->setBuffer("src", 0, 0, "w", w, error)) << error;
  ASSERT_TRUE(sim->setBuffer("src", 0, 0, "x", x, error)) << error;
  SimResult r = sim->run();
  ASSERT_EQ(r.status, SimResult::Status::Finished) << r.report.front();

  auto half = [](float v) {
    return runtime::halfToFloat(runtime::floatToHalf(v));
  };
  auto bf16 = [](float v) {
    return runtime::bf16ToFloat(runtime::floatToBf16(v));
  };
  std::vector<float> acc(8), h(8), z(8), got;
  for (int i = 0; i < 8; ++i) {
    acc[size_t(i)] = half(w[size_t(i)]) * half(x[0]);
    h[size_t(i)] = half(acc[size_t(i)]);
    z[size_t(i)] = bf16(h[size_t(i)]);
  }
  ASSERT_TRUE(sim->readBuffer("src", 0, 0, "w", got, error)) << error;
  EXPECT_NE(got, w); // stored rounded to f16
  ASSERT_TRUE(sim->readBuffer("src", 0, 0, "acc", got, error)) << error;
  EXPECT_EQ(got, acc);
  ASSERT_TRUE(sim->readBuffer("dst", 1, 0, "g", got, error)) << error;
  EXPECT_EQ(got, h);
  ASSERT_TRUE(sim->readBuffer("dst", 1, 0, "z", got, error)) << error;
  EXPECT_EQ(got, z);
  // One wavelet per element, each moving twice: over the link east and
  // down the receiver's ramp.
  EXPECT_EQ(r.hops, 16);
}

TEST(FabricSimulator, SixteenBitOpsRunAtTheirRates) {
  // The cost model's rates on the test target (fmac_f16_f32 = 2, 8 bytes
  // read and 4 written a cycle): fill of 8 f32: 8 cycles; fmac of 8 f16
  // into f32: min(2, 8 / 2) = 2 a cycle, 4; fmov of 8 into f16:
  // min(8 / 2, 4 / 2) = 2 a cycle, 4.
  Builder b;
  halfGemvStep(b, "k");
  SimResult r = make(b)->run();
  ASSERT_EQ(r.status, SimResult::Status::Finished);
  EXPECT_EQ(r.cycles, 8 + 4 + 4);
}

TEST(FabricSimulator, LoadTasksRunBeforeTheSlotInNoCycles) {
  // c = 0.5 at load, then y = x * c in the slot: 8 cycles, not 16.
  Builder b;
  wfb::PeProgram *p = b.program("k", 0, 0, 1, 1);
  Builder::buffer(p, "x", 8);
  Builder::buffer(p, "c", 8);
  Builder::buffer(p, "y", 8);
  wfb::PeTask *main = Builder::task(p, "main", true);
  Builder::op(main, PeInstruction::FMUL, {{2, 0, 8}, {0, 0, 8}, {1, 0, 8}});
  wfb::PeTask *load = Builder::task(p, "constants", false);
  load->set_load(true);
  Builder::op(load, PeInstruction::FILL, {{1, 0, 8}})->set_value(0.5f);
  auto sim = make(b);
  const std::vector<float> x = ramp(8, 1.5f);
  std::string error;
  ASSERT_TRUE(sim->setBuffer("k", 0, 0, "x", x, error)) << error;
  SimResult r = sim->run();
  ASSERT_EQ(r.status, SimResult::Status::Finished);
  EXPECT_EQ(r.cycles, 8);
  std::vector<float> y;
  ASSERT_TRUE(sim->readBuffer("k", 0, 0, "y", y, error)) << error;
  for (size_t i = 0; i < 8; ++i)
    EXPECT_EQ(y[i], x[i] * 0.5f);
}

TEST(FabricSimulator, MulticastDeliversToEveryReceiver) {
  // @src at (0, 0) sends 16 wavelets east; routers (1, 0) and (2, 0)
  // deliver them to @dst's two PEs, (1, 0) also forwarding them on.
  Builder b;
  wfb::PeProgram *src = b.program("src", 0, 0, 1, 1);
  Builder::buffer(src, "x", 16);
  Builder::op(Builder::task(src, "main", true), PeInstruction::SEND,
              {{0, 0, 16}}, 2);
  wfb::PeProgram *dst = b.program("dst", 1, 0, 2, 1);
  Builder::buffer(dst, "y", 16);
  Builder::op(Builder::task(dst, "in", false, 2), PeInstruction::RECV,
              {{0, 0, 16}}, 2);
  b.route(2, 0, 0, 1, 1, kRamp, kEast);
  b.route(2, 1, 0, 1, 1, kWest, kEast | kRamp);
  b.route(2, 2, 0, 1, 1, kWest, kRamp);
  auto sim = make(b);
  std::string error;
  const std::vector<float> x = ramp(16, 1.5f);
  ASSERT_TRUE(sim->setBuffer("src", 0, 0, "x", x, error)) << error;
  SimResult r = sim->run();
  ASSERT_EQ(r.status, SimResult::Status::Finished);
  for (int64_t px : {1, 2}) {
    std::vector<float> y;
    ASSERT_TRUE(sim->readBuffer("dst", px, 0, "y", y, error)) << error;
    EXPECT_EQ(y, x) << "PE " << px;
  }
  // The last wavelet enters router (0, 0) on cycle 16, router (1, 0) on 17
  // and (2, 0) on 18, and is received there on 19.
  EXPECT_EQ(r.cycles, 19);
  // Per wavelet: (0,0)->(1,0), (1,0)->(2,0), (1,0)->ramp, (2,0)->ramp.
  EXPECT_EQ(r.hops, 16 * 4);
}

TEST(FabricSimulator, BackPressureStallsTheSender) {
  // A receiver that first computes for 100 cycles: the sender fills the
  // queues on its path (router, router, inbox: 3 x depth) and waits.
  Builder b;
  wfb::PeProgram *src = b.program("src", 0, 0, 1, 1);
  Builder::buffer(src, "x", 32);
  Builder::op(Builder::task(src, "main", true), PeInstruction::SEND,
              {{0, 0, 32}}, 5);
  wfb::PeProgram *dst = b.program("dst", 1, 0, 1, 1);
  Builder::buffer(dst, "y", 100);
  Builder::buffer(dst, "z", 32);
  wfb::PeTask *main = Builder::task(dst, "main", true);
  Builder::op(main, PeInstruction::FMOV, {{0, 0, 100}, {0, 0, 100}});
  Builder::op(main, PeInstruction::RECV, {{1, 0, 32}}, 5);
  b.route(5, 0, 0, 1, 1, kRamp, kEast);
  b.route(5, 1, 0, 1, 1, kWest, kRamp);
  auto sim = make(b);
  std::string error;
  ASSERT_TRUE(sim->setBuffer("src", 0, 0, "x", ramp(32, 1.0f), error));
  SimResult r = sim->run({/*cycleLimit=*/100000, /*queueDepth=*/2});
  ASSERT_EQ(r.status, SimResult::Status::Finished);
  std::vector<float> z;
  ASSERT_TRUE(sim->readBuffer("dst", 1, 0, "z", z, error));
  EXPECT_EQ(z, ramp(32, 1.0f));
  // The receive starts on cycle 101 with a full inbox and takes one
  // wavelet per cycle, the rest flowing behind: done on cycle 132.
  EXPECT_EQ(r.cycles, 132);
  // Activity. The sender fills the three queues of depth 2 on its path on
  // cycles 1-6 and stalls from 7; the receive frees the inbox on 101, the
  // router beside it moves on 102 and the sender's router on 103, when the
  // sender pushes again, one a cycle: its 26 other wavelets by cycle 128.
  ASSERT_EQ(r.programs.size(), 2u);
  const ProgramActivity &sent = r.programs[0], &received = r.programs[1];
  EXPECT_EQ(sent.program, 0);
  EXPECT_EQ(sent.pes, 1);
  EXPECT_EQ(sent.firstCycle, 1);
  EXPECT_EQ(sent.lastCycle, 128);
  EXPECT_EQ(sent.sendStallCycles, 102 - 7 + 1);
  EXPECT_EQ(sent.computeCycles, 0);
  EXPECT_EQ(sent.recvStallCycles, 0);
  // The receiver computes on 1-100 and receives on 101-132 without a gap.
  EXPECT_EQ(received.program, 1);
  EXPECT_EQ(received.span(), 132);
  EXPECT_EQ(received.computeCycles, 100);
  EXPECT_EQ(received.recvStallCycles, 0);
  // Every wavelet crossed the one link, east out of router (0, 0).
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].x, 0);
  EXPECT_EQ(r.links[0].y, 0);
  EXPECT_EQ(r.links[0].port, kEast);
  EXPECT_EQ(r.links[0].wavelets, 32);
}

TEST(FabricSimulator, DeadlockIsReportedNotHung) {
  // Each PE waits to receive from the other before it sends.
  Builder b;
  for (int i = 0; i < 2; ++i) {
    wfb::PeProgram *p = b.program(i ? "b" : "a", i, 0, 1, 1);
    Builder::buffer(p, "x", 4);
    wfb::PeTask *t = Builder::task(p, "main", true);
    Builder::op(t, PeInstruction::RECV, {{0, 0, 4}}, i ? 2 : 3);
    Builder::op(t, PeInstruction::SEND, {{0, 0, 4}}, i ? 3 : 2);
  }
  b.route(2, 0, 0, 1, 1, kRamp, kEast);
  b.route(2, 1, 0, 1, 1, kWest, kRamp);
  b.route(3, 1, 0, 1, 1, kRamp, kWest);
  b.route(3, 0, 0, 1, 1, kEast, kRamp);
  auto sim = make(b);
  SimResult r = sim->run();
  EXPECT_EQ(r.status, SimResult::Status::Deadlock);
  EXPECT_EQ(r.cycles, 2); // cycle 1 starts both tasks; nothing moves on 2
  ASSERT_EQ(r.report.size(), 2u);
  EXPECT_EQ(r.report[0], "PE (0, 0) of 'a' waits in task 'main' to receive "
                         "color 3 (0 of 4 received)");
  EXPECT_EQ(r.report[1], "PE (1, 0) of 'b' waits in task 'main' to receive "
                         "color 2 (0 of 4 received)");
  // Both waited to receive on both cycles; nothing crossed a link.
  ASSERT_EQ(r.programs.size(), 2u);
  for (const ProgramActivity &a : r.programs) {
    EXPECT_EQ(a.span(), 2);
    EXPECT_EQ(a.recvStallCycles, 2);
    EXPECT_EQ(a.sendStallCycles + a.computeCycles, 0);
  }
  EXPECT_TRUE(r.links.empty());
}

TEST(FabricSimulator, CycleLimitStopsARun) {
  // Two local tasks that activate each other forever.
  Builder b;
  wfb::PeProgram *p = b.program("k", 0, 0, 1, 1);
  Builder::op(Builder::task(p, "ping", true), PeInstruction::ACTIVATE, {}, 0, 1);
  Builder::op(Builder::task(p, "pong", false), PeInstruction::ACTIVATE, {}, 0, 0);
  auto sim = make(b);
  SimResult r = sim->run({/*cycleLimit=*/1000, /*queueDepth=*/4});
  EXPECT_EQ(r.status, SimResult::Status::CycleLimit);
  EXPECT_EQ(r.cycles, 1000);
  ASSERT_FALSE(r.report.empty());
  // Each task takes its one cycle: ping runs on odd cycles, pong on even
  // ones, so cycle 1000 ends with pong having activated ping.
  EXPECT_EQ(r.report[0], "PE (0, 0) of 'k' has task 'ping' activated, "
                         "waiting to run");
}

TEST(FabricSimulator, SameDesignSameResult) {
  // A 4x4 program whose PEs each send their buffer south into a 4x4
  // receiver, all over one color per column: identical results and cycles
  // on every run.
  auto once = [] {
    Builder b;
    wfb::PeProgram *src = b.program("src", 0, 0, 4, 1);
    Builder::buffer(src, "x", 8);
    Builder::op(Builder::task(src, "main", true), PeInstruction::SEND,
                {{0, 0, 8}}, 1);
    wfb::PeProgram *dst = b.program("dst", 0, 1, 4, 3);
    Builder::buffer(dst, "y", 8);
    Builder::op(Builder::task(dst, "in", false, 1), PeInstruction::RECV,
                {{0, 0, 8}}, 1);
    b.route(1, 0, 0, 4, 1, kRamp, kSouth);
    b.route(1, 0, 1, 4, 2, kNorth, kSouth | kRamp);
    b.route(1, 0, 3, 4, 1, kNorth, kRamp);
    auto sim = make(b);
    std::string error;
    for (int x = 0; x < 4; ++x)
      EXPECT_TRUE(sim->setBuffer("src", x, 0, "x", ramp(8, float(x + 1)), error));
    SimResult r = sim->run();
    std::vector<float> all;
    for (int y = 1; y < 4; ++y)
      for (int x = 0; x < 4; ++x) {
        std::vector<float> v;
        EXPECT_TRUE(sim->readBuffer("dst", x, y, "y", v, error));
        EXPECT_EQ(v, ramp(8, float(x + 1)));
        all.insert(all.end(), v.begin(), v.end());
      }
    return std::make_pair(r.cycles, all);
  };
  auto first = once();
  EXPECT_EQ(first, once());
  // 8 wavelets, 3 routers below the senders' own: 8 + 3 + 1.
  EXPECT_EQ(first.first, 12);
}

TEST(FabricSimulator, ThreadsDoNotChangeTheOutcome) {
  // unit::broadcastDesign on a 16x16 mesh: bands of rows on 1 to 5
  // threads give the same cycles, counts, activity, links and SRAM, and
  // the SRAM holds what a naive computation gives.
  constexpr int kSide = 16, kN = 24;
  auto once = [&](int threads) {
    Builder b = unit::broadcastDesign(kSide, kN);
    wfb::Target t = target();
    t.set_width(kSide);
    t.set_height(kSide);
    std::string error;
    auto sim = FabricSimulator::create(b.design, t, 0, error);
    EXPECT_TRUE(sim) << error;
    for (int x = 0; x < kSide; ++x)
      EXPECT_TRUE(
          sim->setBuffer("src", x, 0, "x", ramp(kN, 0.1f * float(x)), error));
    SimOptions options;
    options.threads = threads;
    SimResult r = sim->run(options);
    EXPECT_EQ(r.status, SimResult::Status::Finished) << threads;
    std::vector<float> sram;
    for (int y = 1; y < kSide; ++y)
      for (int x = 0; x < kSide; ++x) {
        std::vector<float> xs = ramp(kN, 0.1f * float(x)), y1, z, sum;
        float expectSum = 0;
        for (float &v : xs) {
          v *= v;
          expectSum += v;
        }
        EXPECT_TRUE(sim->readBuffer("dst", x, y, "y", y1, error));
        EXPECT_TRUE(sim->readBuffer("dst", x, y, "z", z, error));
        EXPECT_TRUE(sim->readBuffer("dst", x, y, "s", sum, error));
        EXPECT_EQ(z, xs);
        for (int i = 0; i < kN; ++i)
          EXPECT_EQ(y1[size_t(i)], std::exp(xs[size_t(i)]));
        EXPECT_FLOAT_EQ(sum[0], expectSum);
        sram.insert(sram.end(), y1.begin(), y1.end());
        sram.insert(sram.end(), sum.begin(), sum.end());
      }
    return std::make_pair(r, sram);
  };
  const auto [one, sram] = once(1);
  EXPECT_EQ(one.pes, kSide * kSide);
  // Two colors share each link down a column: each hop carries 2 x kN
  // wavelets, so the run takes more than twice kN cycles.
  EXPECT_GT(one.cycles, 2 * kN);
  ASSERT_EQ(one.links.size(), size_t(kSide * (kSide - 1)));
  for (const LinkActivity &l : one.links)
    EXPECT_EQ(l.wavelets, 2 * kN);
  for (int threads = 2; threads <= 5; ++threads) {
    const auto [r, s] = once(threads);
    EXPECT_EQ(r.cycles, one.cycles) << threads;
    EXPECT_EQ(r.hops, one.hops) << threads;
    EXPECT_EQ(r.elements, one.elements) << threads;
    EXPECT_EQ(s, sram) << threads;
    auto activity = [](const SimResult &x) {
      std::vector<std::vector<int64_t>> rows;
      for (const ProgramActivity &a : x.programs)
        rows.push_back({a.program, a.firstCycle, a.lastCycle, a.computeCycles,
                        a.sendStallCycles, a.recvStallCycles});
      for (const LinkActivity &l : x.links)
        rows.push_back({l.x, l.y, int64_t(l.port), l.wavelets});
      return rows;
    };
    EXPECT_EQ(activity(r), activity(one)) << threads;
  }
}

TEST(FabricSimulator, HostIoMovesBlocks) {
  // x: f32[2, 3] loaded into a 2x2 program with dim 1 over its columns
  // (blocks of 2x2, the second column's padded) and the rows unsplit (both
  // rows hold the same); y read back the same way, from row 0.
  wfb::Manifest m;
  for (const char *name : {"x", "y"}) {
    wfb::Tensor *t = m.add_tensors();
    t->set_name(name);
    t->set_dtype(wfb::F32);
    t->add_shape(2);
    t->add_shape(3);
  }
  wfb::Binding *in = m.mutable_signature()->add_inputs();
  in->set_name("x");
  in->set_tensor(0);
  wfb::Binding *out = m.mutable_signature()->add_outputs();
  out->set_name("y");
  out->set_tensor(1);
  Builder b;
  wfb::PeProgram *p = b.program("k", 0, 0, 2, 2);
  Builder::buffer(p, "v", 4);
  for (bool output : {false, true}) {
    wfb::PeIo *io = p->add_io();
    io->set_output(output);
    io->set_buffer(0);
    io->set_column_dim(1);
    io->set_row_dim(-1);
  }
  auto sim = make(b);
  const std::vector<float> x = {1, 2, 3, 4, 5, 6};
  sim->loadInputs(m, {x.data()});
  std::string error;
  std::vector<float> v;
  for (int64_t row : {0, 1}) {
    ASSERT_TRUE(sim->readBuffer("k", 0, row, "v", v, error)) << error;
    EXPECT_EQ(v, (std::vector<float>{1, 2, 4, 5})) << row;
    ASSERT_TRUE(sim->readBuffer("k", 1, row, "v", v, error)) << error;
    EXPECT_EQ(v, (std::vector<float>{3, 0, 6, 0})) << row;
  }
  // Row 1 changed: the output still comes from row 0.
  ASSERT_TRUE(sim->setBuffer("k", 0, 1, "v", {9, 9, 9, 9}, error));
  std::vector<float> y(6, -1);
  sim->readOutputs(m, {y.data()});
  EXPECT_EQ(y, x);
}

TEST(FabricSimulator, RefusesATargetWaferDoesNotModel) {
  // A rate of 0 would make every vector op take forever; the simulator
  // refuses the target as the loader does, instead of clamping it.
  Builder b;
  Builder::buffer(b.program("k", 0, 0, 1, 1), "x", 4);
  wfb::Target t = target();
  t.set_fmac_f32(0);
  std::string error;
  EXPECT_FALSE(FabricSimulator::create(b.design, t, 0, error));
  EXPECT_NE(error.find("the target 'custom' is not one Wafer models: "),
            std::string::npos)
      << error;
}

TEST(FabricSimulator, RefusesWhatItCannotRun) {
  Builder b;
  wfb::PeProgram *p = b.program("k", 0, 0, 1, 1);
  Builder::buffer(p, "h", 4);
  p->mutable_buffers(0)->set_dtype(wfb::I32);
  std::string error;
  EXPECT_FALSE(FabricSimulator::create(b.design, target(), 0, error));
  EXPECT_EQ(error, "buffer 'h' of program 'k' holds I32; the simulator "
                   "computes with f32, f16 and bf16 buffers");

  Builder c;
  c.route(4, 7, 0, 1, 1, kRamp, kEast);
  EXPECT_FALSE(FabricSimulator::create(c.design, target(), 0, error));
  EXPECT_EQ(error, "router (7, 0) sends color 4 to a neighbour that does not "
                   "take it from that side");

  // A slot too large to hold is refused before anything is allocated:
  // 24 whole-mesh routes on a 16384 x 1024 mesh.
  Builder big;
  wfb::Target wide = target();
  wide.set_width(16384);
  wide.set_height(1024);
  for (int color = 0; color < 24; ++color)
    big.route(color, 0, 0, 16384, 1024, kWest, kEast);
  EXPECT_FALSE(FabricSimulator::create(big.design, wide, 0, error));
  EXPECT_EQ(error, "simulating slot 0 needs about 60.0 GiB of memory; the "
                   "simulator's limit is 16 GiB");

  Builder d;
  wfb::PeProgram *q = d.program("k", 0, 0, 1, 1);
  Builder::buffer(q, "x", 4);
  auto sim = make(d);
  std::vector<float> v;
  EXPECT_FALSE(sim->readBuffer("k", 1, 0, "x", v, error));
  EXPECT_EQ(error, "no PE at (1, 0) runs program 'k'");
  EXPECT_FALSE(sim->readBuffer("k", 0, 0, "w", v, error));
  EXPECT_EQ(error, "program 'k' has no buffer 'w'");
  EXPECT_FALSE(sim->setBuffer("k", 0, 0, "x", {1, 2}, error));
  EXPECT_EQ(error, "buffer 'x' holds 4 elements, not 2");
}

} // namespace
