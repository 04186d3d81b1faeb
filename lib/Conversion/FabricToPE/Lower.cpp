//===- Lower.cpp - a placed fabric design as per-PE programs --------------===//
//
// Two steps, so that a design is either lowered whole or left as it was:
// plan every kernel (its layout, program rectangle, buffers and the vector
// op of each graph op), failing with the reason on the first that has no
// lowering; then build the pe.design from the plans.
//
//===----------------------------------------------------------------------===//

#include "wafer/Conversion/FabricToPE.h"
#include "wafer/Conversion/Passes.h"

#include "wafer/Binary/BlockLayout.h"
#include "wafer/Dialect/Fabric/IR/FabricOps.h"
#include "wafer/Dialect/Graph/IR/GraphOps.h"
#include "wafer/Dialect/PE/IR/PEOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"

namespace wafer {
#define GEN_PASS_DEF_PELOWER
#include "wafer/Conversion/Passes.h.inc"
} // namespace wafer

using namespace mlir;
using namespace wafer;

namespace {

/// The vector op a graph op becomes; operands and result are buffers.
enum class VectorOp { Add, Sub, Mul, Max, Exp };

/// One instruction of the kernel's task: `dst = lhs op rhs` (rhs unused
/// for exp), or a fill of `dst` with `value`.
struct Step {
  bool fill = false;
  VectorOp op = VectorOp::Add;
  std::string dst, lhs, rhs;
  float value = 0;
};

/// Everything the program of one elementwise kernel needs.
struct KernelPlan {
  fabric::KernelOp kernel;
  int64_t width = 1, height = 1; // the program's rectangle: the region
  int64_t blockElements = 1;     // per PE
  std::vector<std::string> buffers; // in creation order
  std::vector<Step> steps;
  /// (model input name, buffer) and (model output name, buffer).
  std::vector<std::pair<std::string, std::string>> inputs, outputs;
};

/// Whether `type` is an f32 tensor of `shape`.
bool isF32Of(Type type, ArrayRef<int64_t> shape) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  return ranked && ranked.getElementType().isF32() &&
         ranked.getShape() == shape;
}

/// Plans an elementwise kernel; "" on success, the reason otherwise.
std::string planElementwise(fabric::KernelOp kernel, func::FuncOp main,
                            KernelPlan &plan) {
  const std::string name = kernel.getRef();
  plan.kernel = kernel;
  if (kernel.getNumResults() == 0)
    return "kernel " + name + " has no results";
  auto resultType = dyn_cast<RankedTensorType>(kernel.getResult(0).getType());
  if (!resultType || !resultType.getElementType().isF32())
    return "kernel " + name +
           " computes a non-f32 tensor; the elementwise lowering handles f32 "
           "only";
  const SmallVector<int64_t> shape(resultType.getShape());

  // Every tensor of the kernel flattened and in equal chunks over the whole
  // region, as the cost model prices it (elements / PEs).
  ArrayRef<int64_t> region = kernel.getRegion();
  plan.width = region[0];
  plan.height = region[1];
  wfb::BlockLayout layout;
  std::string why;
  if (!wfb::BlockLayout::makeFlat({shape.begin(), shape.end()}, plan.width,
                                  plan.height, layout, why))
    return "kernel " + name + ": its layout " + why;
  plan.blockElements = std::max<int64_t>(1, layout.blockElements());

  // Inputs: model inputs only (streams are not lowered yet).
  Block &body = kernel.getBody().front();
  llvm::DenseMap<Value, std::string> bufferOf;
  for (auto [i, operand] : llvm::enumerate(kernel.getInputs())) {
    auto arg = dyn_cast<BlockArgument>(operand);
    if (!arg || arg.getOwner() != &main.getBody().front())
      return "kernel " + name + " takes input " + std::to_string(i) +
             " from a stream; pe-lower does not lower streams between "
             "kernels yet";
    if (!isF32Of(operand.getType(), shape))
      return "kernel " + name + "'s input " + std::to_string(i) +
             " is not an f32 tensor of its result's shape; the elementwise "
             "lowering does not broadcast yet";
    const std::string buffer = "in" + std::to_string(i);
    plan.buffers.push_back(buffer);
    plan.inputs.emplace_back(
        fabric::signatureName(main, false, arg.getArgNumber()), buffer);
    bufferOf[body.getArgument(unsigned(i))] = buffer;
  }

  // The body, op by op.
  auto fresh = [&](const char *prefix) {
    std::string buffer = prefix + std::to_string(plan.buffers.size());
    plan.buffers.push_back(buffer);
    return buffer;
  };
  std::string zero;
  auto zeros = [&]() {
    if (zero.empty()) {
      zero = fresh("zero");
      plan.steps.insert(plan.steps.begin(), Step{true, {}, zero, "", "", 0});
    }
    return zero;
  };
  for (Operation &op : body.without_terminator()) {
    const std::string what = "kernel " + name + ": '" +
                             op.getName().getStringRef().str() + "'";
    if (auto constant = dyn_cast<graph::ConstantOp>(op)) {
      auto splat = dyn_cast<SplatElementsAttr>(constant.getValue());
      if (!splat || !splat.getElementType().isF32())
        return what + " is not an f32 splat; the elementwise lowering has "
                      "no weights yet";
      const std::string buffer = fresh("c");
      plan.steps.insert(plan.steps.begin(),
                        Step{true, {}, buffer, "", "",
                             splat.getSplatValue<APFloat>().convertToFloat()});
      bufferOf[constant.getResult()] = buffer;
      continue;
    }
    if (op.getNumResults() != 1 || !isF32Of(op.getResult(0).getType(), shape))
      return what + " does not compute an f32 tensor of the kernel's shape";
    for (Value operand : op.getOperands()) {
      auto it = bufferOf.find(operand);
      if (it == bufferOf.end())
        return what + " reads a value defined outside the kernel's body";
      Operation *def = operand.getDefiningOp();
      if (!isa_and_nonnull<graph::ConstantOp>(def) &&
          !isF32Of(operand.getType(), shape))
        return what + " broadcasts; the elementwise lowering does not yet";
    }
    auto in = [&](unsigned i) { return bufferOf[op.getOperand(i)]; };
    auto vector = [](VectorOp v, std::string lhs, std::string rhs) {
      return std::optional<Step>(Step{false, v, "", std::move(lhs),
                                      std::move(rhs), 0});
    };
    std::optional<Step> step =
        llvm::TypeSwitch<Operation *, std::optional<Step>>(&op)
            .Case([&](graph::AddOp) { return vector(VectorOp::Add, in(0), in(1)); })
            .Case([&](graph::SubOp) { return vector(VectorOp::Sub, in(0), in(1)); })
            .Case([&](graph::MulOp) { return vector(VectorOp::Mul, in(0), in(1)); })
            .Case([&](graph::MaxOp) { return vector(VectorOp::Max, in(0), in(1)); })
            .Case([&](graph::ExpOp) { return vector(VectorOp::Exp, in(0), ""); })
            .Case([&](graph::ReluOp) {
              return vector(VectorOp::Max, in(0), zeros());
            })
            .Case([&](graph::NegOp) {
              return vector(VectorOp::Sub, zeros(), in(0));
            })
            .Default([](Operation *) { return std::nullopt; });
    if (!step)
      return what + " has no lowering to the pe dialect yet (the elementwise "
                    "lowering takes add, sub, mul, max, exp, relu, neg and "
                    "splat constants)";
    step->dst = fresh("t");
    bufferOf[op.getResult(0)] = step->dst;
    plan.steps.push_back(*step);
  }

  // Outputs: model outputs only.
  Operation *yield = body.getTerminator();
  for (auto [i, result] : llvm::enumerate(kernel.getResults())) {
    std::optional<unsigned> index;
    for (OpOperand &use : result.getUses()) {
      if (!isa<func::ReturnOp>(use.getOwner()) || index)
        return "kernel " + name + "'s result " + std::to_string(i) +
               " feeds a stream or more than one model output; pe-lower "
               "does not lower streams between kernels yet";
      index = use.getOperandNumber();
    }
    if (!index)
      return "kernel " + name + "'s result " + std::to_string(i) +
             " is not a model output";
    plan.outputs.emplace_back(fabric::signatureName(main, true, *index),
                              bufferOf[yield->getOperand(unsigned(i))]);
  }
  return "";
}

/// Plans every kernel; "" with the plans, or the first kernel's reason.
std::string planDesign(ModuleOp module, std::vector<KernelPlan> &plans,
                       Operation *&where) {
  fabric::DesignOp design = fabric::getDesign(module);
  where = module;
  if (!design || !design.getMain() || design.getMain().isExternal())
    return "pe-lower needs a placed fabric.design (run fabric-tile and "
           "fabric-place first)";
  func::FuncOp main = design.getMain();
  // What has no lowering at all first, then streams, then each kernel.
  auto kernels = main.getBody().front().getOps<fabric::KernelOp>();
  for (fabric::KernelOp kernel : kernels) {
    where = kernel;
    if (!kernel.getOrigin())
      return "kernel " + kernel.getRef() +
             " is not placed (run fabric-place first)";
    if (kernel.getScheme() != fabric::KernelScheme::elementwise)
      return "kernel " + kernel.getRef() + " is " +
             fabric::stringifyKernelScheme(kernel.getScheme()).str() +
             "; pe-lower lowers elementwise kernels only so far";
  }
  for (auto stream : main.getBody().front().getOps<fabric::StreamOp>()) {
    where = stream;
    return "the design streams between kernels; pe-lower does not lower "
           "streams yet";
  }
  for (fabric::KernelOp kernel : kernels) {
    where = kernel;
    KernelPlan plan;
    if (std::string why = planElementwise(kernel, main, plan); !why.empty())
      return why;
    plans.push_back(std::move(plan));
  }
  for (Operation &op : main.getBody().front())
    if (auto ret = dyn_cast<func::ReturnOp>(op))
      for (Value v : ret.getOperands())
        if (isa<BlockArgument>(v)) {
          where = ret;
          return "a model output is a model input as it is; pe-lower has no "
                 "program to give it";
        }
  return "";
}

void buildProgram(OpBuilder &b, const KernelPlan &plan) {
  fabric::KernelOp kernel = plan.kernel;
  Location loc = kernel.getLoc();
  MLIRContext *ctx = b.getContext();
  ArrayRef<int64_t> origin = *kernel.getOrigin();
  auto program = pe::ProgramOp::create(
      b, loc, kernel.getSymNameAttr(), FlatSymbolRefAttr::get(kernel.getSymNameAttr()),
      b.getDenseI64ArrayAttr(origin),
      b.getDenseI64ArrayAttr({plan.width, plan.height}),
      b.getI64IntegerAttr(kernel.getSlot()));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&program.getBody().emplaceBlock());
  const int64_t n = plan.blockElements;
  for (const std::string &buffer : plan.buffers)
    pe::BufferOp::create(b, loc, b.getStringAttr(buffer),
                         TypeAttr::get(b.getF32Type()),
                         b.getI64IntegerAttr(n), IntegerAttr());
  auto layout = pe::BlockLayoutAttr::get(ctx, std::nullopt, std::nullopt,
                                         /*flat=*/true);
  for (const auto &[tensor, buffer] : plan.inputs)
    pe::InputOp::create(b, loc, b.getStringAttr(tensor),
                        FlatSymbolRefAttr::get(ctx, buffer), layout);
  for (const auto &[tensor, buffer] : plan.outputs)
    pe::OutputOp::create(b, loc, b.getStringAttr(tensor),
                         FlatSymbolRefAttr::get(ctx, buffer), layout);
  auto task = pe::TaskOp::create(
      b, loc, b.getStringAttr("main"),
      pe::TaskKindAttr::get(ctx, pe::TaskKind::local), IntegerAttr(),
      b.getUnitAttr());
  b.setInsertionPointToStart(&task.getBody().emplaceBlock());
  auto range = [&](const std::string &buffer) {
    return pe::MemRangeAttr::get(ctx, FlatSymbolRefAttr::get(ctx, buffer), 0,
                                 n, 1);
  };
  for (const Step &s : plan.steps) {
    if (s.fill) {
      pe::FillOp::create(b, loc, range(s.dst), b.getF32FloatAttr(s.value));
      continue;
    }
    switch (s.op) {
    case VectorOp::Add:
      pe::FaddOp::create(b, loc, range(s.dst), range(s.lhs), range(s.rhs));
      break;
    case VectorOp::Sub:
      pe::FsubOp::create(b, loc, range(s.dst), range(s.lhs), range(s.rhs));
      break;
    case VectorOp::Mul:
      pe::FmulOp::create(b, loc, range(s.dst), range(s.lhs), range(s.rhs));
      break;
    case VectorOp::Max:
      pe::FmaxOp::create(b, loc, range(s.dst), range(s.lhs), range(s.rhs));
      break;
    case VectorOp::Exp:
      pe::ExpOp::create(b, loc, range(s.dst), range(s.lhs));
      break;
    }
  }
}

struct PeLowerPass : wafer::impl::PeLowerBase<PeLowerPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!module.getOps<pe::DesignOp>().empty()) {
      module.emitError() << "pe-lower: the module has a pe.design already";
      return signalPassFailure();
    }
    std::vector<KernelPlan> plans;
    Operation *where = nullptr;
    if (std::string why = planDesign(module, plans, where); !why.empty()) {
      where->emitError() << "pe-lower: " << why;
      return signalPassFailure();
    }
    fabric::DesignOp design = fabric::getDesign(module);
    OpBuilder b(module.getContext());
    b.setInsertionPointAfter(design);
    auto pe = pe::DesignOp::create(b, design.getLoc(), design.getTarget());
    b.setInsertionPointToStart(&pe.getBody().emplaceBlock());
    for (const KernelPlan &plan : plans)
      buildProgram(b, plan);
    numPrograms += int64_t(plans.size());
  }
};

} // namespace

std::string wafer::peLoweringProblem(ModuleOp module) {
  std::vector<KernelPlan> plans;
  Operation *where = nullptr;
  return planDesign(module, plans, where);
}
