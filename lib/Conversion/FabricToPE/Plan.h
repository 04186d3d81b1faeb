//===- Plan.h - what pe-lower builds for one kernel -------------*- C++ -*-===//
//
// pe-lower plans every kernel before it builds anything, so that a design
// is lowered whole or left as it was. A plan is plain data: the programs
// (rectangles, buffers, host I/O and weights, one entry task of steps) and
// the route settings of one kernel. Each scheme's lowering fills one; the
// pass turns them into pe ops in one place (Lower.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_LIB_CONVERSION_FABRICTOPE_PLAN_H
#define WAFER_LIB_CONVERSION_FABRICTOPE_PLAN_H

#include "wafer/Dialect/Fabric/IR/FabricOps.h"
#include "wafer/Dialect/PE/IR/PEAttrs.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace wafer::pelower {

/// A #pe.blocks layout.
struct Blocks {
  std::optional<int64_t> columns, rows;
  bool flat = false;
  /// The grid of blocks and the program's corner in it, when the kernel's
  /// tensor spreads over several programs.
  std::optional<std::array<int64_t, 2>> grid, at;
};

/// A pe.input, pe.output or pe.weight.
struct Binding {
  enum class Kind { Input, Output, Weight };
  Kind kind = Kind::Input;
  std::string tensor; // the model's name of an input or output
  int64_t weight = 0; // the kernel's constant number, for a weight
  std::string buffer;
  Blocks layout;
};

/// `length` elements of `buffer` from `offset`, stride 1.
struct Range {
  std::string buffer;
  int64_t offset = 0, length = 1;
};

/// One instruction of a program's entry task.
struct Step {
  enum class Kind { Fill, Fmov, Add, Sub, Mul, Max, Exp, Fmac, Send, Recv };
  Kind kind = Kind::Fill;
  /// Fill: dst. Fmov: dst = lhs (converting). Exp: dst = exp(lhs).
  /// Add .. Max: dst = lhs op rhs.
  /// Fmac: dst = lhs + rhs * scalar. Send: lhs. Recv: dst.
  Range dst, lhs, rhs, scalar;
  float value = 0;   // Fill
  int64_t color = 0; // Send, Recv
};

/// A buffer of `length` elements of a float type.
struct BufferPlan {
  std::string name;
  int64_t length = 1;
  mlir::FloatType type;
};

struct ProgramPlan {
  std::string name;
  int64_t x = 0, y = 0, width = 1, height = 1; // on the mesh
  std::vector<BufferPlan> buffers;
  std::vector<Binding> bindings;
  /// The entry task's steps, and those of the load task (run once when the
  /// program is loaded: constants).
  std::vector<Step> steps, loadSteps;
};

/// One color's setting on a rectangle of routers.
struct RoutePlan {
  int64_t color = 0;
  int64_t x = 0, y = 0, width = 1, height = 1;
  pe::Ports from = pe::Ports::none, to = pe::Ports::none;
};

struct KernelPlan {
  fabric::KernelOp kernel;
  std::vector<ProgramPlan> programs;
  std::vector<RoutePlan> routes;
};

// One lowering per scheme: "" with `plan` filled, or the reason.
std::string planElementwise(fabric::KernelOp kernel, mlir::func::FuncOp main,
                            KernelPlan &plan);
std::string planMeshGemv(fabric::KernelOp kernel, mlir::func::FuncOp main,
                         fabric::TargetAttr target, KernelPlan &plan);

/// The element type of `type` when it is a tensor of f32, f16 or bf16
/// (the types the simulator computes with), else null.
mlir::FloatType computeTypeOf(mlir::Type type);

/// Whether `type` is a tensor of `element` and `shape`.
bool isTensorOf(mlir::Type type, mlir::Type element,
                llvm::ArrayRef<int64_t> shape);

/// The model's name of kernel input `i` into `name`: "" when it is a model
/// input, else why not (streams are not lowered yet).
std::string modelInputOf(fabric::KernelOp kernel, mlir::func::FuncOp main,
                         unsigned i, std::string &name);

/// The model's name of kernel result `i` into `name`: "" when it is
/// exactly one model output and nothing else, else why not.
std::string modelOutputOf(fabric::KernelOp kernel, mlir::func::FuncOp main,
                          unsigned i, std::string &name);

} // namespace wafer::pelower

#endif // WAFER_LIB_CONVERSION_FABRICTOPE_PLAN_H
