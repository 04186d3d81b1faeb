//===- Elementwise.cpp - an elementwise kernel as one program -------------===//
//
// Every tensor of the kernel flattened and in equal chunks over its whole
// region, as the cost model prices it (elements over PEs): one program, a
// buffer per input, constant and op (of the kernel's type: f32, f16 or
// bf16), one vector op per graph op, and the constants' fills in a load
// task (once, not every step).
//
//===----------------------------------------------------------------------===//

#include "Plan.h"

#include "wafer/Binary/BlockLayout.h"
#include "wafer/Dialect/Graph/IR/GraphOps.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;

namespace wafer::pelower {

std::string planElementwise(fabric::KernelOp kernel, func::FuncOp main,
                            KernelPlan &plan) {
  const std::string name = kernel.getRef();
  plan.kernel = kernel;
  if (kernel.getNumResults() == 0)
    return "kernel " + name + " has no results";
  const FloatType element = computeTypeOf(kernel.getResult(0).getType());
  if (!element)
    return "kernel " + name +
           " computes a tensor that is not f32, f16 or bf16; the elementwise "
           "lowering handles those";
  const SmallVector<int64_t> shape(
      cast<RankedTensorType>(kernel.getResult(0).getType()).getShape());

  ArrayRef<int64_t> region = kernel.getRegion();
  ArrayRef<int64_t> origin = *kernel.getOrigin();
  ProgramPlan program;
  program.name = kernel.getSymName().str();
  program.x = origin[0];
  program.y = origin[1];
  program.width = region[0];
  program.height = region[1];
  wfb::BlockLayout layout;
  std::string why;
  if (!wfb::BlockLayout::makeFlat({shape.begin(), shape.end()}, program.width,
                                  program.height, layout, why))
    return "kernel " + name + ": its layout " + why;
  const int64_t n = std::max<int64_t>(1, layout.blockElements());
  Blocks flat;
  flat.flat = true;
  auto whole = [&](const std::string &buffer) { return Range{buffer, 0, n}; };

  Block &body = kernel.getBody().front();
  llvm::DenseMap<Value, std::string> bufferOf;
  auto fresh = [&](const char *prefix) {
    std::string buffer = prefix + std::to_string(program.buffers.size());
    program.buffers.push_back({buffer, n, element});
    return buffer;
  };
  for (auto [i, operand] : llvm::enumerate(kernel.getInputs())) {
    std::string tensor;
    if (std::string why = modelInputOf(kernel, main, unsigned(i), tensor);
        !why.empty())
      return why;
    if (!isTensorOf(operand.getType(), element, shape))
      return "kernel " + name + "'s input " + std::to_string(i) +
             " is not a tensor of its result's type and shape; the "
             "elementwise lowering does not broadcast or convert yet";
    const std::string buffer = "in" + std::to_string(i);
    program.buffers.push_back({buffer, n, element});
    program.bindings.push_back(
        {Binding::Kind::Input, tensor, 0, buffer, flat});
    bufferOf[body.getArgument(unsigned(i))] = buffer;
  }

  // Fills (constants, and the zeros of relu and neg) run once, when the
  // program is loaded.
  std::vector<Step> fills, ops;
  std::string zero;
  auto zeros = [&]() {
    if (zero.empty()) {
      zero = fresh("zero");
      fills.insert(fills.begin(), Step{Step::Kind::Fill, whole(zero)});
    }
    return zero;
  };
  for (Operation &op : body.without_terminator()) {
    const std::string what = "kernel " + name + ": '" +
                             op.getName().getStringRef().str() + "'";
    if (auto constant = dyn_cast<graph::ConstantOp>(op)) {
      auto splat = dyn_cast<SplatElementsAttr>(constant.getValue());
      if (!splat || splat.getElementType() != element)
        return what + " is not a splat of the kernel's type; the "
                      "elementwise lowering has no weights yet";
      const std::string buffer = fresh("c");
      Step fill{Step::Kind::Fill, whole(buffer)};
      fill.value = splat.getSplatValue<APFloat>().convertToFloat();
      fills.insert(fills.begin(), fill);
      bufferOf[constant.getResult()] = buffer;
      continue;
    }
    if (op.getNumResults() != 1 ||
        !isTensorOf(op.getResult(0).getType(), element, shape))
      return what + " does not compute a tensor of the kernel's type and "
                    "shape";
    for (Value operand : op.getOperands()) {
      auto it = bufferOf.find(operand);
      if (it == bufferOf.end())
        return what + " reads a value defined outside the kernel's body";
      Operation *def = operand.getDefiningOp();
      if (!isa_and_nonnull<graph::ConstantOp>(def) &&
          !isTensorOf(operand.getType(), element, shape))
        return what + " broadcasts; the elementwise lowering does not yet";
    }
    auto in = [&](unsigned i) { return bufferOf[op.getOperand(i)]; };
    using K = Step::Kind;
    auto vector = [&](K kind, const std::string &lhs, const std::string &rhs) {
      Step s{kind};
      s.lhs = whole(lhs);
      if (!rhs.empty())
        s.rhs = whole(rhs);
      return std::optional<Step>(s);
    };
    std::optional<Step> step =
        llvm::TypeSwitch<Operation *, std::optional<Step>>(&op)
            .Case([&](graph::AddOp) { return vector(K::Add, in(0), in(1)); })
            .Case([&](graph::SubOp) { return vector(K::Sub, in(0), in(1)); })
            .Case([&](graph::MulOp) { return vector(K::Mul, in(0), in(1)); })
            .Case([&](graph::MaxOp) { return vector(K::Max, in(0), in(1)); })
            .Case([&](graph::ExpOp) { return vector(K::Exp, in(0), ""); })
            .Case([&](graph::ReluOp) { return vector(K::Max, in(0), zeros()); })
            .Case([&](graph::NegOp) { return vector(K::Sub, zeros(), in(0)); })
            .Default([](Operation *) { return std::nullopt; });
    if (!step)
      return what + " has no lowering to the pe dialect yet (the elementwise "
                    "lowering takes add, sub, mul, max, exp, relu, neg and "
                    "splat constants)";
    const std::string dst = fresh("t");
    step->dst = whole(dst);
    bufferOf[op.getResult(0)] = dst;
    ops.push_back(*step);
  }
  program.loadSteps = std::move(fills);
  program.steps = std::move(ops);

  Operation *yield = body.getTerminator();
  for (unsigned i = 0; i < kernel.getNumResults(); ++i) {
    std::string tensor;
    if (std::string why = modelOutputOf(kernel, main, i, tensor); !why.empty())
      return why;
    program.bindings.push_back({Binding::Kind::Output, tensor, 0,
                                bufferOf[yield->getOperand(i)], flat});
  }
  plan.programs.push_back(std::move(program));
  return "";
}

} // namespace wafer::pelower
