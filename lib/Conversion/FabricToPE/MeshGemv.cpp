//===- MeshGemv.cpp - y = x W (+ b) over a W x H region -------------------===//
//
// The MeshGEMV scheme the cost model prices (cost::gemv): K in blocks over
// the region's rows, N over its columns. PE (c, r) holds the weight block
// W[r-th K block, c-th N block] for the kernel's life and the r-th block
// of x, computes its partial y block with one fmac per k, and the partials
// of each column meet in a binary tree up the column: at level l (span
// s = 2^l) row r + s sends its partial north to row r (r a multiple of
// 2s), which adds it. Row 0 ends with the column's y block, adds the bias
// and applies relu. x, W, the bias and y are f32, f16 or bf16; partial
// sums are f32 (as the cost model counts them), y rounded once at the end. One color per level; the columns' flows are side by
// side on the same colors, and every setting spans the region's width.
//
// PEs of one row do the same, rows differ by their place in the tree, so
// there is one program per row, each spreading the kernel's tensors over
// the whole region (#pe.blocks with grid and at).
//
// x is loaded by the host into every PE of its row: streams between
// kernels are not lowered yet, so the cost model's fill (x across the
// row) is not simulated.
//
//===----------------------------------------------------------------------===//

#include "Plan.h"

#include "wafer/CostModel/CostModel.h"
#include "wafer/Dialect/Graph/IR/GraphOps.h"

using namespace mlir;

namespace wafer::pelower {

namespace {

/// The colors a kernel's collectives may use: the target's, less the
/// reserved ones, lowest first. Regions of one slot do not overlap, so
/// kernels share them.
std::vector<int64_t> freeColors(fabric::TargetAttr target) {
  std::vector<int64_t> colors;
  ArrayRef<int64_t> reserved = target.getReservedColors().asArrayRef();
  for (int64_t c = 0; c < target.getColors(); ++c)
    if (!llvm::is_contained(reserved, c))
      colors.push_back(c);
  return colors;
}

/// Whether every dimension but the last is 1: one row of activations.
bool isOneRow(ArrayRef<int64_t> shape) {
  return !shape.empty() &&
         llvm::all_of(shape.drop_back(), [](int64_t d) { return d == 1; });
}

} // namespace

std::string planMeshGemv(fabric::KernelOp kernel, func::FuncOp main,
                         fabric::TargetAttr target, KernelPlan &plan) {
  const std::string name = kernel.getRef();
  plan.kernel = kernel;
  Block &body = kernel.getBody().front();

  // The body: one matmul or linear, and its constants.
  Operation *anchor = nullptr;
  std::vector<Value> constants;
  for (Operation &op : body.without_terminator()) {
    if (auto c = dyn_cast<graph::ConstantOp>(op)) {
      constants.push_back(c.getResult());
      continue;
    }
    if (!anchor && isa<graph::MatmulOp, graph::LinearOp>(op)) {
      anchor = &op;
      continue;
    }
    return "kernel " + name + ": '" + op.getName().getStringRef().str() +
           "' has no place in the mesh_gemv lowering, which takes one "
           "matmul or linear and its constant weights";
  }
  if (!anchor)
    return "kernel " + name + " has no matmul or linear";
  auto constantIndex = [&](Value v) -> int64_t {
    auto it = llvm::find(constants, v);
    return it == constants.end() ? -1 : int64_t(it - constants.begin());
  };
  Value input = anchor->getOperand(0), weight = anchor->getOperand(1), bias;
  bool relu = false;
  if (auto linear = dyn_cast<graph::LinearOp>(anchor)) {
    bias = linear.getBias();
    if (linear.getActivation() == graph::Activation::Relu)
      relu = true;
    else if (linear.getActivation() != graph::Activation::None)
      return "kernel " + name + " applies " +
             graph::stringifyActivation(linear.getActivation()).str() +
             "; the mesh_gemv lowering applies none or relu so far";
  }

  const int64_t weightIndex = constantIndex(weight);
  auto weightType = dyn_cast<RankedTensorType>(weight.getType());
  if (weightIndex < 0)
    return "kernel " + name +
           " multiplies by an operand that is not one of its constants; the "
           "mesh_gemv lowering needs its weights";
  const FloatType element = computeTypeOf(weight.getType());
  if (!element || weightType.getRank() != 2)
    return "kernel " + name +
           "'s weight is not a 2-D f32, f16 or bf16 tensor; the mesh_gemv "
           "lowering handles [K, N] weights of those";
  const int64_t K = weightType.getDimSize(0), N = weightType.getDimSize(1);

  if (input != body.getArgument(0))
    return "kernel " + name + " multiplies a value other than its input";
  std::string inputName, outputName;
  if (std::string why = modelInputOf(kernel, main, 0, inputName); !why.empty())
    return why;
  auto inputType = dyn_cast<RankedTensorType>(input.getType());
  if (!inputType || inputType.getElementType() != element ||
      !isOneRow(inputType.getShape()) || inputType.getShape().back() != K)
    return "kernel " + name + "'s input is not one row of " +
           std::to_string(K) + " elements of its weight's type";
  int64_t biasIndex = -1;
  if (bias) {
    biasIndex = constantIndex(bias);
    if (biasIndex < 0 || !isTensorOf(bias.getType(), element, {N}))
      return "kernel " + name + "'s bias is not a constant of " +
             std::to_string(N) + " elements of its weight's type";
  }
  if (kernel.getNumResults() != 1 ||
      body.getTerminator()->getOperand(0) != anchor->getResult(0))
    return "kernel " + name + " gives something other than its product";
  if (std::string why = modelOutputOf(kernel, main, 0, outputName);
      !why.empty())
    return why;
  auto outputType = cast<RankedTensorType>(kernel.getResult(0).getType());

  const int64_t width = kernel.regionWidth(), height = kernel.regionHeight();
  const int64_t kBlock = cost::ceilDiv(K, height);
  const int64_t nBlock = cost::ceilDiv(N, width);
  const int64_t depth = cost::treeDepth(height);
  // A PE's weight block must fit its SRAM (pe-allocate then places every
  // buffer), and the programs stay bounded: one fmac per k in each.
  const int64_t elementBytes = int64_t(weightType.getElementTypeBitWidth()) / 8;
  if (kBlock > target.dataBytes() / elementBytes / nBlock)
    return "kernel " + name + "'s weight blocks of " + std::to_string(kBlock) +
           " x " + std::to_string(nBlock) +
           " elements do not fit the " + std::to_string(target.dataBytes()) +
           " bytes of SRAM a PE has for data";
  constexpr int64_t kMaxInstructions = int64_t(1) << 22;
  if (height > kMaxInstructions / (kBlock + depth + 4))
    return "kernel " + name + " would need about " +
           std::to_string(height * (kBlock + depth + 4)) +
           " instructions over its " + std::to_string(height) +
           " programs (one fmac per k); pe-lower builds at most 2^22 for a "
           "kernel";
  const std::vector<int64_t> colors = freeColors(target);
  if (int64_t(colors.size()) < depth)
    return "kernel " + name + "'s reduction tree over " +
           std::to_string(height) + " rows needs " + std::to_string(depth) +
           " colors; the target has " + std::to_string(colors.size()) +
           " free";

  ArrayRef<int64_t> origin = *kernel.getOrigin();
  const std::array<int64_t, 2> grid{width, height};
  const FloatType f32 = Float32Type::get(kernel.getContext());
  const int64_t inputRank = inputType.getRank();
  const int64_t outputRank = outputType.getRank();
  for (int64_t r = 0; r < height; ++r) {
    ProgramPlan p;
    p.name = kernel.getSymName().str() + ".row" + std::to_string(r);
    p.x = origin[0];
    p.y = origin[1] + r;
    p.width = width;
    p.height = 1;
    const std::array<int64_t, 2> at{0, r};
    p.buffers = {{"x", kBlock, element},
                 {"w", kBlock * nBlock, element},
                 {"acc", nBlock, f32},
                 {"zero", nBlock, f32}};
    p.bindings.push_back({Binding::Kind::Input, inputName, 0, "x",
                          {std::nullopt, inputRank - 1, false, grid, at}});
    p.bindings.push_back({Binding::Kind::Weight, "", weightIndex, "w",
                          {1, 0, false, grid, at}});

    using K = Step::Kind;
    // Zeros, once at load: the first fmac starts from them (no fill per
    // step), and relu compares with them.
    p.loadSteps.push_back(Step{K::Fill, {"zero", 0, nBlock}});
    for (int64_t k = 0; k < kBlock; ++k) {
      Step fmac{K::Fmac, {"acc", 0, nBlock},
                {k == 0 ? "zero" : "acc", 0, nBlock},
                {"w", k * nBlock, nBlock}, {"x", k, 1}};
      p.steps.push_back(fmac);
    }
    // The tree: receive from the rows below until this row sends.
    bool receives = false;
    for (int64_t l = 0; l < depth; ++l) {
      const int64_t span = int64_t(1) << l;
      if (r % (2 * span) == span) {
        Step send{K::Send};
        send.lhs = {"acc", 0, nBlock};
        send.color = colors[size_t(l)];
        p.steps.push_back(send);
        break;
      }
      if (r + span < height) {
        receives = true;
        Step recv{K::Recv, {"part", 0, nBlock}};
        recv.color = colors[size_t(l)];
        p.steps.push_back(recv);
        p.steps.push_back(Step{K::Add, {"acc", 0, nBlock}, {"acc", 0, nBlock},
                               {"part", 0, nBlock}});
      }
    }
    if (receives)
      p.buffers.push_back({"part", nBlock, f32});
    if (r == 0) {
      if (bias) {
        p.buffers.push_back({"bias", nBlock, element});
        p.bindings.push_back({Binding::Kind::Weight, "", biasIndex, "bias",
                              {0, std::nullopt, false, grid, at}});
        p.steps.push_back(Step{K::Add, {"acc", 0, nBlock}, {"acc", 0, nBlock},
                               {"bias", 0, nBlock}});
      }
      if (relu)
        p.steps.push_back(Step{K::Max, {"acc", 0, nBlock}, {"acc", 0, nBlock},
                               {"zero", 0, nBlock}});
      // Partial sums are f32; a 16-bit result is rounded once, at the end.
      std::string result = "acc";
      if (element != f32) {
        result = "y";
        p.buffers.push_back({"y", nBlock, element});
        p.steps.push_back(
            Step{K::Fmov, {"y", 0, nBlock}, {"acc", 0, nBlock}});
      }
      p.bindings.push_back({Binding::Kind::Output, outputName, 0, result,
                            {outputRank - 1, std::nullopt, false, grid, at}});
    }
    plan.programs.push_back(std::move(p));
  }

  // Level l's color: from the sender's ramp north through the rows between
  // into the receiver's ramp, one flow per column.
  for (int64_t l = 0; l < depth; ++l) {
    const int64_t span = int64_t(1) << l;
    const int64_t color = colors[size_t(l)];
    for (int64_t r = 0; r + span < height; r += 2 * span) {
      auto rows = [&](int64_t first, int64_t count, pe::Ports from,
                      pe::Ports to) {
        plan.routes.push_back({color, origin[0], origin[1] + first, width,
                               count, from, to});
      };
      rows(r + span, 1, pe::Ports::ramp, pe::Ports::north);
      if (span > 1)
        rows(r + 1, span - 1, pe::Ports::south, pe::Ports::north);
      rows(r, 1, pe::Ports::south, pe::Ports::ramp);
    }
  }
  return "";
}

} // namespace wafer::pelower
