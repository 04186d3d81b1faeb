//===- KernelCosting.cpp - cost model applied to fabric kernels -----------===//

#include "wafer/Analysis/KernelCosting.h"

#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "wafer/Dialect/Graph/IR/GraphOps.h"
#include "wafer/Dialect/Graph/IR/ShapeInference.h"

#include "llvm/ADT/TypeSwitch.h"

#include <algorithm>

using namespace mlir;
using namespace wafer::graph;
using wafer::cost::DType;
using wafer::cost::KernelCost;

namespace wafer::fabric {

cost::Machine machineOf(TargetAttr t) {
  cost::Machine m;
  m.width = t.getWidth();
  m.height = t.getHeight();
  m.dataBytes = t.dataBytes();
  m.clockHz = t.clockHz();
  m.linkBytesPerCycle = t.getLinkBytesPerCycle();
  m.hopLatencyCycles = t.getHopLatencyCycles();
  m.fmacF32 = t.getFmacF32();
  m.fmacF16 = t.getFmacF16();
  m.fmacF16F32 = t.getFmacF16F32();
  m.memReadBytesPerCycle = t.getMemReadBytesPerCycle();
  m.memWriteBytesPerCycle = t.getMemWriteBytesPerCycle();
  return m;
}

static ShapedType shapedOf(Value v) { return cast<ShapedType>(v.getType()); }

static DType dtypeOf(Value v) {
  Type e = shapedOf(v).getElementType();
  if (e.isF16())
    return DType::F16;
  if (e.isBF16())
    return DType::BF16;
  return DType::F32;
}

int64_t bytesOf(Value v) {
  ShapedType t = shapedOf(v);
  return t.getNumElements() *
         std::max<int64_t>(t.getElementTypeBitWidth() / 8, 1);
}

static bool isWeight(Value v) {
  return isa_and_present<ConstantOp>(v.getDefiningOp());
}

KernelScheme schemeFor(Operation *anchor) {
  return TypeSwitch<Operation *, KernelScheme>(anchor)
      .Case<MatmulOp, LinearOp>([](Operation *op) {
        ArrayRef<int64_t> lhs = shapedOf(op->getOperand(0)).getShape();
        int64_t rows = numElements(lhs) / std::max<int64_t>(lhs.back(), 1);
        return rows == 1 ? KernelScheme::mesh_gemv : KernelScheme::mesh_gemm;
      })
      .Case<AttentionOp>([](auto) { return KernelScheme::attention; })
      .Case<LayerNormOp, RmsNormOp, SoftmaxOp, ReduceSumOp, ReduceMeanOp,
            ReduceMaxOp, ReduceMinOp, ReduceProdOp>(
          [](auto) { return KernelScheme::row_reduce; })
      .Case<GatherOp>([](GatherOp g) {
        return isWeight(g.getData()) ? KernelScheme::gather
                                     : KernelScheme::elementwise;
      })
      .Default([](Operation *) { return KernelScheme::elementwise; });
}

/// Rows and columns of a reduction over trailing dimensions [axis, rank).
static std::pair<int64_t, int64_t> rowsAndCols(Value v, int64_t axis) {
  ArrayRef<int64_t> shape = shapedOf(v).getShape();
  int64_t cols = numElements(shape.drop_front(axis));
  return {numElements(shape) / std::max<int64_t>(cols, 1), cols};
}

static KernelCost anchorCost(const cost::Machine &m, cost::Region r,
                             Operation *anchor) {
  return TypeSwitch<Operation *, KernelCost>(anchor)
      .Case<MatmulOp, LinearOp>([&](Operation *op) {
        Value lhs = op->getOperand(0), rhs = op->getOperand(1);
        ArrayRef<int64_t> a = shapedOf(lhs).getShape();
        int64_t k = a.back(), n = shapedOf(rhs).getShape().back();
        int64_t rows = numElements(a) / std::max<int64_t>(k, 1);
        // Batched products: every lhs row (batch dims included) meets one
        // K x N slice, so the work is rows x K x N either way.
        KernelCost c = rows == 1 ? cost::gemv(m, r, k, n, dtypeOf(lhs))
                                 : cost::gemm(m, r, rows, k, n, dtypeOf(lhs));
        if (!isWeight(rhs)) {
          // An activation operand streams in; it is a buffer, not resident.
          c.bufferBytes += 2 * cost::ceilDiv(bytesOf(rhs), r.pes());
          c.weightBytes = 0;
        }
        // A linear's epilogue: one pass each for the bias and activation,
        // over the output blocks where they lie: spread over the region
        // for a GEMM; for a GEMV the reduction leaves y on the region's
        // first row, a block of ceil(N / width) f32 partial sums per PE
        // (as the simulated lowering runs it).
        if (auto linear = dyn_cast<LinearOp>(op)) {
          int passes = (linear.getBias() ? 1 : 0) +
                       (linear.getActivation() != graph::Activation::None);
          if (passes && rows == 1)
            c.computeCycles += passes * double(cost::ceilDiv(n, r.width)) /
                               m.elementRate(DType::F32, 1);
          else if (passes)
            c.computeCycles +=
                cost::elementwise(m, r,
                                  shapedOf(linear.getOutput()).getNumElements(),
                                  passes, dtypeOf(linear.getOutput()))
                    .computeCycles;
          if (Value bias = linear.getBias())
            c.weightBytes += cost::ceilDiv(n, r.width) * bytesOf(bias) /
                             std::max<int64_t>(n, 1);
        }
        return c;
      })
      .Case<AttentionOp>([&](AttentionOp op) {
        ArrayRef<int64_t> q = shapedOf(op.getQuery()).getShape();
        ArrayRef<int64_t> k = shapedOf(op.getKey()).getShape();
        return cost::attention(m, r, q[0], q[1], k[1], q[2], k[2], q[3],
                               dtypeOf(op.getQuery()));
      })
      .Case<LayerNormOp>([&](LayerNormOp op) {
        auto [rows, cols] = rowsAndCols(op.getInput(), op.getAxis());
        return cost::rowReduce(m, r, rows, cols, /*passes=*/2,
                               /*opsPerElement=*/2, dtypeOf(op.getInput()));
      })
      .Case<RmsNormOp>([&](RmsNormOp op) {
        auto [rows, cols] = rowsAndCols(op.getInput(), op.getAxis());
        return cost::rowReduce(m, r, rows, cols, 1, 1, dtypeOf(op.getInput()));
      })
      .Case<SoftmaxOp>([&](SoftmaxOp op) {
        auto [rows, cols] = rowsAndCols(op.getInput(), op.getAxis());
        return cost::rowReduce(m, r, rows, cols, 2, 2, dtypeOf(op.getInput()));
      })
      .Case<ReduceSumOp, ReduceMeanOp, ReduceMaxOp, ReduceMinOp,
            ReduceProdOp>([&](auto op) {
        ArrayRef<int64_t> axes = op.getAxes();
        int64_t first = axes.empty() ? 0 : axes.front();
        auto [rows, cols] = rowsAndCols(op.getInput(), first);
        return cost::rowReduce(m, r, rows, cols, 1, 0, dtypeOf(op.getInput()));
      })
      .Case<GatherOp>([&](GatherOp op) -> KernelCost {
        ArrayRef<int64_t> data = shapedOf(op.getData()).getShape();
        if (!isWeight(op.getData()) || data.empty())
          return cost::elementwise(m, r, shapedOf(op.getOutput()).getNumElements(),
                                   1, dtypeOf(op.getOutput()));
        return cost::gather(m, r, shapedOf(op.getIndices()).getNumElements(),
                            data.front(), numElements(data.drop_front()),
                            dtypeOf(op.getData()));
      })
      .Default([&](Operation *op) {
        Value out = op->getResult(0);
        return cost::elementwise(m, r, shapedOf(out).getNumElements(), 1,
                                 dtypeOf(out));
      });
}

bool isCacheAppend(Operation *op) {
  if (isa<CacheAppendOp>(op))
    return true;
  if (!isa<ConcatOp>(op))
    return false;
  bool feedsAttention = false;
  for (Operation *user : op->getUsers()) {
    if (user->hasTrait<OpTrait::IsTerminator>())
      continue; // the cache handed back as a model output
    auto attention = dyn_cast<AttentionOp>(user);
    if (!attention || (attention.getKey() != op->getResult(0) &&
                       attention.getValue() != op->getResult(0)))
      return false;
    feedsAttention = true;
  }
  return feedsAttention;
}

/// Reshapes only relabel a layout, and cache appends write in place;
/// everything else folded into a kernel is one elementwise pass over its
/// result in the producer's layout.
static bool isFree(Operation *op) {
  return isa<ReshapeOp, ConstantOp>(op) || isCacheAppend(op);
}

KernelCost KernelWork::costOn(const cost::Machine &m, cost::Region r) const {
  KernelCost total = anchorCost(m, r, anchor);
  for (Operation *op : ops) {
    if (op == anchor || isFree(op) || op->getNumResults() == 0)
      continue;
    KernelCost extra = cost::elementwise(
        m, r, shapedOf(op->getResult(0)).getNumElements(), 1,
        dtypeOf(op->getResult(0)));
    total.computeCycles += extra.computeCycles;
    total.bufferBytes = std::max(total.bufferBytes, extra.bufferBytes);
  }
  return total;
}

bool isAnchorOp(Operation *op) {
  return isa<MatmulOp, LinearOp, AttentionOp, LayerNormOp, RmsNormOp,
             SoftmaxOp, ReduceSumOp, ReduceMeanOp, ReduceMaxOp, ReduceMinOp,
             ReduceProdOp>(op) ||
         (isa<GatherOp>(op) && isWeight(cast<GatherOp>(op).getData()));
}

std::optional<cost::KernelCost> costKernel(KernelOp kernel,
                                           const cost::Machine &m,
                                           cost::Region region) {
  KernelWork work;
  for (Operation &op : kernel.getBody().front().without_terminator()) {
    if (isa<ConstantOp>(op))
      continue;
    work.ops.push_back(&op);
    if (!work.anchor || (isAnchorOp(&op) && !isAnchorOp(work.anchor)))
      work.anchor = &op;
  }
  if (!work.anchor)
    return std::nullopt;
  work.scheme = schemeFor(work.anchor);
  return work.costOn(m, region);
}

double streamCycles(const cost::Machine &m, int64_t bytes, int64_t hops,
                    int64_t lanes) {
  return hops * m.hopLatencyCycles +
         double(bytes) / (double(m.linkBytesPerCycle) *
                          std::max<int64_t>(lanes, 1));
}

} // namespace wafer::fabric
