//===- Ops.h - host op implementations and how they are built ---*- C++ -*-===//
//
// Each host op kind has a builder that runs once, at load: it checks the
// op's attributes (names and types), operand and result types and shapes
// against the graph op's definition (dialects/Graph/GraphOps.td), tells the
// memory planner which outputs are views or may be computed in place and
// how much scratch the op needs, packs constant weights, and returns a Step
// that the runtime runs on every call. Steps read their tensors through the
// addresses of the run; they allocate nothing. Internal to lib/Runtime.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_RUNTIME_OPS_H
#define WAFER_RUNTIME_OPS_H

#include "wafer/Binary/wfb.pb.h"
#include "wafer/Runtime/MemoryPlan.h"
#include "wafer/Runtime/Runtime.h"

#include <array>
#include <map>
#include <tuple>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wafer::kernels {
class PackedWeights;
} // namespace wafer::kernels

namespace wafer::runtime::detail {

/// A tensor of the program as the builders see it.
struct TensorInfo {
  std::string name;
  ElementType type = ElementType::F32;
  std::vector<int64_t> shape;
  int64_t numElements = 0;
  int64_t numBytes = 0;
  bool constant = false;
  /// Kept across runs (a KV cache): `data` is the runtime's state buffer.
  bool state = false;
  /// A constant's full value (splats expanded), aligned; valid from load on.
  const void *data = nullptr;
};

/// What a step sees while it runs.
struct RunContext {
  void *const *addresses = nullptr; ///< per tensor id
  char *scratch = nullptr;          ///< the op's scratch bytes
  int threads = 1;
  /// Positions the KV caches hold before this run (cache_append writes
  /// there).
  int64_t cacheLength = 0;
  template <typename T = void> T *ptr(int tensor) const {
    return static_cast<T *>(addresses[tensor]);
  }
};

class Step {
public:
  virtual ~Step() = default;
  /// False with `error` set when the inputs hold values the op cannot take.
  virtual bool run(const RunContext &ctx, std::string &error) = 0;
};

template <typename F> class LambdaStep final : public Step {
public:
  explicit LambdaStep(F f) : f_(std::move(f)) {}
  bool run(const RunContext &ctx, std::string &error) override {
    if constexpr (std::is_same_v<decltype(f_(ctx, error)), bool>)
      return f_(ctx, error);
    else {
      f_(ctx);
      return true;
    }
  }

private:
  F f_;
};

/// A step from a lambda taking (const RunContext &) or
/// (const RunContext &, std::string &error) -> bool.
template <typename F> std::unique_ptr<Step> makeStep(F f) {
  if constexpr (std::is_invocable_v<F, const RunContext &, std::string &>)
    return std::make_unique<LambdaStep<F>>(std::move(f));
  else {
    auto g = [f = std::move(f)](const RunContext &ctx, std::string &) {
      f(ctx);
      return true;
    };
    return std::make_unique<LambdaStep<decltype(g)>>(std::move(g));
  }
}

/// Weights packed for the GEMM, by weight data and [K, N], shared by the
/// ops (and a decode binary's programs) that multiply by the same tensor.
using PackedWeightCache =
    std::map<std::tuple<const void *, int64_t, int64_t>,
             std::shared_ptr<kernels::PackedWeights>>;

/// The load-time view of one host op.
class OpBuilder {
public:
  OpBuilder(const wfb::HostOp &op, std::vector<TensorInfo> &tensors,
            const RuntimeOptions &options, MemorySummary &summary,
            PackedWeightCache &packed);

  const wfb::HostOp &op() const { return op_; }
  const std::string &kind() const { return op_.kind(); }
  int numInputs() const { return op_.inputs_size(); }
  int numOutputs() const { return op_.outputs_size(); }
  /// Tensor ids; -1 for an absent optional input.
  int input(int i) const { return op_.inputs(i); }
  int output(int i) const { return op_.outputs(i); }
  const TensorInfo &in(int i) const { return tensors_[op_.inputs(i)]; }
  const TensorInfo &out(int i) const { return tensors_[op_.outputs(i)]; }
  const TensorInfo &tensor(int id) const { return tensors_[id]; }

  /// Records `message` as the op's error; always false.
  bool fail(const std::string &message);
  const std::string &error() const { return error_; }

  /// The op has minIn..maxIn inputs (none absent) and `outputs` outputs.
  bool expectArity(int minIn, int maxIn, int outputs);
  /// Every attribute is one of `known` (names with a '.', which dialects
  /// add, are ignored).
  bool expectAttributes(std::initializer_list<const char *> known);
  const wfb::Attribute *attribute(const char *name) const;
  /// Typed attributes: an absent one takes `fallback` when given, and is an
  /// error otherwise; one of another type is an error.
  bool intAttr(const char *name, int64_t &value,
               std::optional<int64_t> fallback = std::nullopt);
  bool boolAttr(const char *name, bool &value,
                std::optional<bool> fallback = std::nullopt);
  bool floatAttr(const char *name, double &value,
                 std::optional<double> fallback = std::nullopt);
  bool stringAttr(const char *name, std::string &value,
                  std::optional<std::string> fallback = std::nullopt);
  bool intsAttr(const char *name, std::vector<int64_t> &value);

  /// Type and shape checks with messages that name the operand.
  bool expectType(const TensorInfo &t, const char *what,
                  std::initializer_list<ElementType> allowed);
  bool expectSameType(const TensorInfo &a, const TensorInfo &b,
                      const char *what);
  bool expectShape(const TensorInfo &t, const char *what,
                   const std::vector<int64_t> &shape);

  /// Memory plan requests.
  void viewOf(int output, int input, int64_t byteOffset = 0);
  void inPlace(int output, int input);
  /// Reserves `bytes` of scratch (64-byte aligned) and returns its offset
  /// into the op's scratch.
  int64_t scratch(int64_t bytes);
  PlanOp &plan() { return plan_; }

  const RuntimeOptions &options() const { return options_; }
  MemorySummary &summary() { return summary_; }
  PackedWeightCache &packedWeights() { return packed_; }

private:
  const wfb::HostOp &op_;
  std::vector<TensorInfo> &tensors_;
  const RuntimeOptions &options_;
  MemorySummary &summary_;
  PackedWeightCache &packed_;
  PlanOp plan_;
  std::string error_;
};

using BuildFn = std::unique_ptr<Step> (*)(OpBuilder &);

/// The builder of `kind`, or null.
BuildFn findBuilder(std::string_view kind);
/// Every kind, sorted, comma-separated.
std::string knownKinds();

// The builders, by file.
// OpsElementwise.cpp
std::unique_ptr<Step> buildUnary(OpBuilder &);
std::unique_ptr<Step> buildGelu(OpBuilder &);
std::unique_ptr<Step> buildBinary(OpBuilder &);
std::unique_ptr<Step> buildWhere(OpBuilder &);
std::unique_ptr<Step> buildCast(OpBuilder &);
// OpsData.cpp
std::unique_ptr<Step> buildShape(OpBuilder &);
std::unique_ptr<Step> buildRange(OpBuilder &);
std::unique_ptr<Step> buildReshape(OpBuilder &);
std::unique_ptr<Step> buildTranspose(OpBuilder &);
std::unique_ptr<Step> buildExpand(OpBuilder &);
std::unique_ptr<Step> buildConcat(OpBuilder &);
std::unique_ptr<Step> buildCacheAppend(OpBuilder &);
std::unique_ptr<Step> buildSplit(OpBuilder &);
std::unique_ptr<Step> buildSlice(OpBuilder &);
std::unique_ptr<Step> buildGather(OpBuilder &);
std::unique_ptr<Step> buildTrilu(OpBuilder &);
// OpsMath.cpp
std::unique_ptr<Step> buildMatmul(OpBuilder &);
std::unique_ptr<Step> buildLinear(OpBuilder &);
std::unique_ptr<Step> buildSoftmax(OpBuilder &);
std::unique_ptr<Step> buildLayerNorm(OpBuilder &);
std::unique_ptr<Step> buildRmsNorm(OpBuilder &);
std::unique_ptr<Step> buildReduce(OpBuilder &);
std::unique_ptr<Step> buildRotary(OpBuilder &);
// OpsAttention.cpp
std::unique_ptr<Step> buildAttention(OpBuilder &);

//===----------------------------------------------------------------------===//
// Loops shared by the implementations.
//===----------------------------------------------------------------------===//

/// "2x3x4", "scalar" for rank 0.
std::string formatShape(const std::vector<int64_t> &shape);
int64_t product(const std::vector<int64_t> &dims, size_t from = 0,
                size_t to = SIZE_MAX);
/// Row-major strides in elements.
std::vector<int64_t> contiguousStrides(const std::vector<int64_t> &shape);
/// NumPy broadcasting of two shapes; false when they do not broadcast.
bool broadcastShapes(const std::vector<int64_t> &a,
                     const std::vector<int64_t> &b, std::vector<int64_t> &out);
/// Strides (in elements) that read `in` at every index of `out`, which it
/// broadcasts to (0 along broadcast dimensions).
std::vector<int64_t> broadcastStrides(const std::vector<int64_t> &in,
                                      const std::vector<int64_t> &out);

/// Splits [0, n) into at most `threads` chunks of at least `grain` items
/// and runs f(begin, end) on each, in parallel when there are several.
void parallelChunks(int64_t n, int threads, int64_t grain,
                    const std::function<void(int64_t, int64_t)> &f);

/// A loop nest over up to kMaxOperands operands, each with its own strides
/// (in elements), with dimensions of size 1 dropped and dimensions merged
/// where every operand is contiguous across them.
constexpr int kMaxOperands = 4;
struct LoopNest {
  int operands = 0;
  std::vector<int64_t> dims; ///< outermost first; never empty
  std::vector<std::array<int64_t, kMaxOperands>> strides; ///< per dim
  std::array<int64_t, kMaxOperands> base{}; ///< starting offsets
  int64_t total = 0;
  int64_t inner() const { return dims.back(); }
  const std::array<int64_t, kMaxOperands> &innerStrides() const {
    return strides.back();
  }
};
LoopNest makeLoopNest(const std::vector<int64_t> &shape,
                      const std::vector<std::vector<int64_t>> &strides,
                      const std::vector<int64_t> &base = {});

/// Runs inner(offsets, count) for every innermost row of the nest: the
/// operands' element offsets at the row's start and the row's length (the
/// inner strides are nest.innerStrides()). Rows run in parallel.
template <typename Inner>
void forEachRow(const LoopNest &nest, int threads, Inner &&inner) {
  const int64_t innerSize = nest.inner();
  const int64_t rows = innerSize ? nest.total / innerSize : 0;
  const size_t outerDims = nest.dims.size() - 1;
  const int k = nest.operands;
  int64_t grain = std::max<int64_t>(1, (1 << 14) / std::max<int64_t>(innerSize, 1));
  parallelChunks(rows, threads, grain, [&](int64_t begin, int64_t end) {
    std::array<int64_t, kMaxOperands> offsets = nest.base;
    std::vector<int64_t> index(outerDims, 0);
    int64_t rest = begin;
    for (size_t d = outerDims; d-- > 0;) {
      index[d] = rest % nest.dims[d];
      rest /= nest.dims[d];
      for (int o = 0; o < k; ++o)
        offsets[o] += index[d] * nest.strides[d][o];
    }
    for (int64_t r = begin; r < end; ++r) {
      inner(offsets, innerSize);
      for (size_t d = outerDims; d-- > 0;) {
        for (int o = 0; o < k; ++o)
          offsets[o] += nest.strides[d][o];
        if (++index[d] < nest.dims[d])
          break;
        for (int o = 0; o < k; ++o)
          offsets[o] -= index[d] * nest.strides[d][o];
        index[d] = 0;
      }
    }
  });
}

/// Copies elements of `size` bytes along a strided row.
void copyRow(char *dst, int64_t dstStride, const char *src, int64_t srcStride,
             int64_t count, size_t size);

/// The f32 data of a constant (converted from f16/bf16/f64 into `storage`
/// when it is not f32), or null when `t` is no float constant.
const float *constantAsFloat(const TensorInfo &t, std::vector<float> &storage);

/// Converts `count` elements of a float tensor of `type` to f32 and back.
void toFloat(ElementType type, const void *in, float *out, int64_t count);
void fromFloat(ElementType type, const float *in, void *out, int64_t count);

} // namespace wafer::runtime::detail

#endif // WAFER_RUNTIME_OPS_H
