// The runtime's memory plan: buffers whose lifetimes overlap never share
// bytes, dead ones are reused, views and in-place outputs alias what they
// should, and inconsistent programs are refused. Every plan here is also
// checked by verifyMemoryPlan, and random programs check the checker's and
// the planner's agreement at scale.

#include "wafer/Runtime/MemoryPlan.h"

#include <gtest/gtest.h>

#include <random>

using namespace wafer::runtime;

namespace {

/// A program under construction: tensors and ops in execution order.
struct Program {
  std::vector<PlanTensor> tensors;
  std::vector<PlanOp> ops;

  int tensor(int64_t bytes, Home kind = Home::Arena, bool output = false) {
    tensors.push_back({bytes, kind, output});
    return int(tensors.size()) - 1;
  }
  PlanOp &op(std::vector<int> inputs, std::vector<int> outputs) {
    ops.push_back({});
    ops.back().inputs = std::move(inputs);
    ops.back().outputs = std::move(outputs);
    return ops.back();
  }
  MemoryPlan plan() const {
    MemoryPlan p;
    std::string error;
    EXPECT_TRUE(planMemory(tensors, ops, p, error)) << error;
    EXPECT_TRUE(verifyMemoryPlan(tensors, ops, p, error)) << error;
    return p;
  }
  std::string planError() const {
    MemoryPlan p;
    std::string error;
    EXPECT_FALSE(planMemory(tensors, ops, p, error));
    return error;
  }
};

TEST(MemoryPlan, ChainPingPongsBetweenTwoBuffers) {
  // x -> a -> b -> c -> y: at most two tensors are alive at once.
  Program p;
  int x = p.tensor(1024, Home::Input);
  int prev = x;
  for (int i = 0; i < 4; ++i) {
    int t = p.tensor(1024, Home::Arena, i == 3);
    p.op({prev}, {t});
    prev = t;
  }
  MemoryPlan plan = p.plan();
  EXPECT_EQ(plan.arenaBytes, 2 * 1024);
  EXPECT_EQ(plan.unsharedBytes, 4 * 1024);
  EXPECT_EQ(plan.buffers, 4);
  EXPECT_EQ(plan.tensors[x].home, Home::Input);
}

TEST(MemoryPlan, InPlaceChainUsesOneBuffer) {
  Program p;
  int x = p.tensor(256, Home::Input);
  int a = p.tensor(256);
  p.op({x}, {a}); // the input is never written: fresh bytes
  int prev = a;
  for (int i = 0; i < 3; ++i) {
    int t = p.tensor(256, Home::Arena, i == 2);
    p.op({prev}, {t}).inPlace = {0};
    prev = t;
  }
  MemoryPlan plan = p.plan();
  EXPECT_EQ(plan.arenaBytes, 256);
  EXPECT_EQ(plan.inPlace, 3);
  EXPECT_EQ(plan.tensors[prev].offset, plan.tensors[a].offset);
}

TEST(MemoryPlan, InPlaceNeedsTheInputDead) {
  // a is read again after b = f(a) in place: b must get its own bytes.
  Program p;
  int x = p.tensor(64, Home::Input);
  int a = p.tensor(64), b = p.tensor(64), c = p.tensor(64, Home::Arena, true);
  p.op({x}, {a});
  p.op({a}, {b}).inPlace = {0};
  p.op({a, b}, {c});
  MemoryPlan plan = p.plan();
  EXPECT_EQ(plan.inPlace, 0);
  EXPECT_NE(plan.tensors[a].offset, plan.tensors[b].offset);
}

TEST(MemoryPlan, ViewsKeepTheirBytesAlive) {
  // v views a; a's bytes must outlive v's last use, so t (computed while v
  // is alive) cannot take them.
  Program p;
  int x = p.tensor(128, Home::Input);
  int a = p.tensor(128), v = p.tensor(64), t = p.tensor(128),
      y = p.tensor(64, Home::Arena, true);
  p.op({x}, {a});
  p.op({a}, {v}).views = {{0, 64}};
  p.op({x}, {t});
  p.op({v, t}, {y});
  MemoryPlan plan = p.plan();
  EXPECT_EQ(plan.views, 1);
  EXPECT_EQ(plan.tensors[v].offset, plan.tensors[a].offset + 64);
  EXPECT_GE(plan.arenaBytes, 128 + 128 + 64);
}

TEST(MemoryPlan, ViewsOfInputsAndConstantsReadInPlace) {
  Program p;
  int x = p.tensor(64, Home::Input), w = p.tensor(64, Home::Constant);
  int vx = p.tensor(32), vw = p.tensor(64), y = p.tensor(32, Home::Arena, true);
  p.op({x}, {vx}).views = {{0, 32}};
  p.op({w}, {vw}).views = {{0, 0}};
  p.op({vx, vw}, {y});
  MemoryPlan plan = p.plan();
  EXPECT_EQ(plan.tensors[vx].home, Home::Input);
  EXPECT_EQ(plan.tensors[vx].base, x);
  EXPECT_EQ(plan.tensors[vx].offset, 32);
  EXPECT_EQ(plan.tensors[vw].home, Home::Constant);
  EXPECT_EQ(plan.tensors[vw].base, w);
  EXPECT_EQ(plan.arenaBytes, 64); // y alone (aligned)
}

TEST(MemoryPlan, ModelOutputsLiveToTheEnd) {
  Program p;
  int x = p.tensor(64, Home::Input);
  int out = p.tensor(64, Home::Arena, true);
  p.op({x}, {out});
  int prev = x;
  for (int i = 0; i < 3; ++i) {
    int t = p.tensor(64, Home::Arena, i == 2);
    p.op({prev}, {t});
    prev = t;
  }
  MemoryPlan plan = p.plan();
  for (size_t t = 2; t < p.tensors.size(); ++t)
    EXPECT_NE(plan.tensors[t].offset, plan.tensors[out].offset) << t;
}

TEST(MemoryPlan, ScratchLivesForItsOpOnly) {
  Program p;
  int x = p.tensor(64, Home::Input);
  int a = p.tensor(64), b = p.tensor(64, Home::Arena, true);
  p.op({x}, {a}).scratchBytes = 1000;
  p.op({a}, {b}).scratchBytes = 1000;
  MemoryPlan plan = p.plan();
  ASSERT_GE(plan.scratchOffsets[0], 0);
  ASSERT_GE(plan.scratchOffsets[1], 0);
  // Both scratches fit in one place: they are never alive together.
  EXPECT_EQ(plan.scratchOffsets[0], plan.scratchOffsets[1]);
  EXPECT_EQ(plan.arenaBytes, 1024 + 64 + 64);
}

TEST(MemoryPlan, RefusesInconsistentPrograms) {
  {
    Program p;
    int a = p.tensor(64), b = p.tensor(64);
    p.op({a}, {b});
    EXPECT_NE(p.planError().find("before it is computed"), std::string::npos);
  }
  {
    Program p;
    int x = p.tensor(64, Home::Input), a = p.tensor(64);
    p.op({x}, {a});
    p.op({x}, {a});
    EXPECT_NE(p.planError().find("already computed"), std::string::npos);
  }
  {
    Program p;
    int x = p.tensor(64, Home::Input);
    p.op({x}, {x});
    EXPECT_NE(p.planError().find("an input, a constant"), std::string::npos);
  }
  {
    Program p;
    int x = p.tensor(64, Home::Input), v = p.tensor(64);
    p.op({x}, {v}).views = {{0, 32}};
    EXPECT_NE(p.planError().find("outside"), std::string::npos);
  }
}

TEST(MemoryPlan, VerifierCatchesOverlappingLiveBuffers) {
  Program p;
  int x = p.tensor(64, Home::Input);
  int a = p.tensor(64), b = p.tensor(64), c = p.tensor(64, Home::Arena, true);
  p.op({x}, {a});
  p.op({x}, {b});
  p.op({a, b}, {c});
  MemoryPlan plan = p.plan();
  plan.tensors[b].offset = plan.tensors[a].offset; // b overwrites a
  std::string error;
  EXPECT_FALSE(verifyMemoryPlan(p.tensors, p.ops, plan, error));
  EXPECT_NE(error.find("overwritten"), std::string::npos) << error;
}

TEST(MemoryPlan, RandomProgramsPlanAndVerify) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 300; ++round) {
    Program p;
    std::uniform_int_distribution<int> sizes(0, 8);
    int inputs = 1 + int(rng() % 3);
    for (int i = 0; i < inputs; ++i)
      p.tensor(64 * sizes(rng), i == 0 ? Home::Input : Home::Constant);
    int numOps = 1 + int(rng() % 20);
    for (int i = 0; i < numOps; ++i) {
      int available = int(p.tensors.size());
      std::vector<int> in;
      int arity = 1 + int(rng() % 3);
      for (int k = 0; k < arity; ++k)
        in.push_back(int(rng() % available));
      int outs = 1 + int(rng() % 2);
      std::vector<int> out;
      for (int k = 0; k < outs; ++k)
        out.push_back(p.tensor(64 * sizes(rng), Home::Arena, rng() % 5 == 0));
      PlanOp &op = p.op(in, out);
      for (int k = 0; k < outs; ++k) {
        int64_t bytes = p.tensors[out[k]].bytes;
        int src = int(rng() % arity);
        int64_t srcBytes = p.tensors[in[src]].bytes;
        switch (rng() % 3) {
        case 0:
          if (bytes <= srcBytes) {
            op.views.resize(out.size());
            op.views[k] = {src, (srcBytes - bytes) / 64 * 64 * int64_t(rng() % 2)};
          }
          break;
        case 1:
          op.inPlace.resize(out.size(), -1);
          op.inPlace[k] = src;
          break;
        default:
          break;
        }
      }
      if (rng() % 4 == 0)
        op.scratchBytes = int64_t(rng() % 500);
    }
    p.tensors.back().modelOutput = true;
    MemoryPlan plan = p.plan();
    EXPECT_LE(plan.arenaBytes, plan.unsharedBytes) << "round " << round;
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "round " << round;
      return;
    }
  }
}

} // namespace
