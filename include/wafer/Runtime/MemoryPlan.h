//===- MemoryPlan.h - one arena for every intermediate tensor ---*- C++ -*-===//
//
// The runtime computes this plan once, when it loads a binary, so that a run
// allocates nothing. Every host op declares, for each of its outputs, whether
// it is
//   - a view of one of its inputs (reshape, a contiguous split or slice): the
//     output aliases the input's bytes at an offset, and the bytes stay alive
//     until the last use of any view of them;
//   - computable in place over an input (elementwise ops, norms): when that
//     input's bytes are used by nothing after the op, the output reuses them;
//   - or fresh bytes;
// and how many scratch bytes it needs while it runs. Tensors live in the
// arena from the op that computes them to their last use (model outputs to
// the end of the run); buffers whose lifetimes overlap never share bytes, and
// the others are packed greedily, largest first, at the lowest offset that
// fits. Inputs and constants are never written: views of them read them in
// place. MLIR- and LLVM-free.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_RUNTIME_MEMORYPLAN_H
#define WAFER_RUNTIME_MEMORYPLAN_H

#include <cstdint>
#include <string>
#include <vector>

namespace wafer::runtime {

/// Where the bytes of a tensor live.
enum class Home {
  Arena,    ///< the run's arena
  Input,    ///< a caller's input buffer (read-only)
  Constant, ///< the binary's constant data (read-only)
};

/// One tensor as the planner sees it.
struct PlanTensor {
  int64_t bytes = 0;
  /// What the tensor is before planning: Input and Constant tensors are given;
  /// every other tensor is computed by an op and planned.
  Home kind = Home::Arena;
  /// Read after the last op (a model output): alive to the end.
  bool modelOutput = false;
};

/// An output that shares an input's bytes.
struct PlanView {
  int input = -1;     ///< index into PlanOp::inputs; -1: not a view
  int64_t offset = 0; ///< byte offset into that input
};

/// One op as the planner sees it.
struct PlanOp {
  std::vector<int> inputs;  ///< tensor ids (-1 entries are ignored)
  std::vector<int> outputs; ///< tensor ids
  /// Per output (may be shorter than outputs: the rest are fresh).
  std::vector<PlanView> views;
  /// Per output: the index into inputs that the op may overwrite with this
  /// output (same size or larger, element i written after element i is
  /// read), or -1.
  std::vector<int> inPlace;
  /// Bytes the op needs while it runs, in the arena too.
  int64_t scratchBytes = 0;
};

/// Where each tensor's bytes are.
struct TensorPlacement {
  Home home = Home::Arena;
  /// Arena: the byte offset in the arena. Input/Constant: the tensor whose
  /// data this one views (itself when it is that tensor), and `offset` is
  /// the byte offset into that tensor's data.
  int base = -1;
  int64_t offset = 0;
};

struct MemoryPlan {
  std::vector<TensorPlacement> tensors;
  std::vector<int64_t> scratchOffsets; ///< per op; -1 without scratch
  int64_t arenaBytes = 0;
  /// What planning saved: the bytes of every planned buffer side by side,
  /// tensors that are views, outputs computed in place.
  int64_t unsharedBytes = 0;
  int buffers = 0;
  int views = 0;
  int inPlace = 0;
};

/// Plans `ops` (in execution order) over `tensors`. False with `error` set
/// when the description is inconsistent (a view out of its input's bounds, a
/// tensor computed twice, a use before its definition); the runtime checks
/// the ops before it plans, so that is an internal error there.
bool planMemory(const std::vector<PlanTensor> &tensors,
                const std::vector<PlanOp> &ops, MemoryPlan &plan,
                std::string &error, int64_t alignment = 64);

/// An independent check of a plan: no two arena buffers whose lifetimes
/// overlap share a byte, every buffer lies inside the arena, and every view
/// lies inside the bytes it views. False with `error` naming the conflict.
/// The runtime runs it on every plan it makes (once, at load), the tests on
/// random programs.
bool verifyMemoryPlan(const std::vector<PlanTensor> &tensors,
                      const std::vector<PlanOp> &ops, const MemoryPlan &plan,
                      std::string &error);

} // namespace wafer::runtime

#endif // WAFER_RUNTIME_MEMORYPLAN_H
