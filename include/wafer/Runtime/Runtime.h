//===- Runtime.h - run a Wafer kernel binary on the host --------*- C++ -*-===//
//
// wafer::runtime::Runtime loads a .wfb and runs its host program with the
// optimized host kernels (lib/Kernels). Loading does all the work that does
// not depend on the inputs, once:
//   - the reader validates the file (wafer/Binary/Reader.h);
//   - every host op is resolved to an implementation and checked: its kind
//     is known, its attributes have their types, its operand and result
//     types and shapes are the ones its graph op defines. Anything wrong is
//     a load error that names the op, its kind and its ONNX node;
//   - matmul and linear weights that are constants are packed for the GEMM
//     (in f32, or in bf16 with RuntimeOptions::weights);
//   - a memory plan (wafer/Runtime/MemoryPlan.h) places every intermediate
//     tensor in one arena, allocated here; constants are read in place from
//     the mapped binary where their alignment allows.
// A run then binds the inputs, runs the steps and copies the outputs out; it
// allocates nothing (the kernels keep per-thread workspaces that grow on
// their first calls). One Runtime runs one call at a time.
//
// MLIR- and LLVM-free: it links the format library, the kernels, protobuf
// and OpenMP only.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_RUNTIME_RUNTIME_H
#define WAFER_RUNTIME_RUNTIME_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wafer::wfb {
class BinaryFile;
} // namespace wafer::wfb

namespace wafer::runtime {

/// The element types of a binary's tensors.
enum class ElementType { F32, F16, BF16, F64, I64, I32, Bool };

/// "f32", "f16", "bf16", "f64", "i64", "i32", "bool".
const char *elementTypeName(ElementType type);
/// Bytes per element (1 for bool).
size_t elementSize(ElementType type);

/// A model input or output.
struct TensorSpec {
  std::string name; ///< the ONNX graph input or output name
  ElementType type = ElementType::F32;
  std::vector<int64_t> shape;
  int64_t numElements = 0;
  int64_t numBytes = 0;
};

/// Index of the spec named `name` in `specs`, or -1.
int findSpec(const std::vector<TensorSpec> &specs, std::string_view name);

/// A model input or output as it is bound in `binary`'s signature (what
/// Runtime::inputs() and outputs() give), read without loading the model:
/// for the fabric simulator's host I/O. False with `error` for a type the
/// runtime has no ElementType for.
bool signatureSpecs(const wfb::BinaryFile &binary,
                    std::vector<TensorSpec> &inputs,
                    std::vector<TensorSpec> &outputs, std::string &error);

/// How constant matmul and linear weights are stored for the GEMM.
enum class WeightStorage {
  F32,  ///< as they are
  BF16, ///< rounded to bf16 (to nearest even), accumulated in f32
};
const char *weightStorageName(WeightStorage storage);

struct RuntimeOptions {
  /// Threads of the kernels and loops (the caller and the kernels' pool,
  /// wafer/Kernels/Parallel.h); 0: OpenMP's default count.
  int threads = 0;
  WeightStorage weights = WeightStorage::F32;
  /// When non-empty, the binary must have been compiled for this target.
  std::string expectTarget;
  /// Times every host op (Runtime::opSeconds()).
  bool profile = false;
};

/// A fabric kernel of the binary, for reports.
struct KernelSpec {
  std::string name;   ///< its ONNX node
  std::string scheme; ///< mesh_gemm, attention, ...
  int64_t cycles = 0; ///< the cost model's cycles per step
  std::vector<int> hostOps;
};

/// A host op of the binary, for reports.
struct HostOpSpec {
  std::string kind;     ///< "linear", "attention", ...
  std::string location; ///< its ONNX node
  int kernel = -1;      ///< index into kernels(), or -1
};

/// A program of the binary: the whole host program, or one of a decode
/// binary's entries (waferc --max-seq: the one-token "step" first, then the
/// "prefill" programs by prompt length).
struct EntrySpec {
  std::string name;
  int64_t tokens = 1; ///< positions a run takes
  std::vector<TensorSpec> inputs, outputs;
  int firstOp = 0, endOp = 0; ///< its host ops: hostOps()[firstOp, endOp)
};

/// A decode binary's KV caches (wfb::Decode): state the runtime keeps
/// across runs, zeros at load.
struct DecodeSpec {
  int64_t capacity = 0;   ///< positions each cache holds
  int64_t maskedPast = 0; ///< masked positions ahead of a prefill's prompt
  int caches = 0;
  int64_t cacheBytes = 0; ///< all caches together
};

/// What the memory plan and the constant handling came to.
struct MemorySummary {
  int64_t arenaBytes = 0;    ///< the one allocation runs use
  int64_t unsharedBytes = 0; ///< every planned buffer side by side
  int buffers = 0;           ///< planned buffers (tensors and scratch)
  int views = 0;             ///< tensors that alias another's bytes
  int inPlace = 0;           ///< outputs computed over a dead input
  int constantsInPlace = 0;  ///< constants read from the mapped binary
  int constantsCopied = 0;   ///< constants copied (inline, splat, unaligned)
  int64_t constantCopyBytes = 0;
  int packedWeights = 0; ///< weights packed for the GEMM at load
  int64_t packedWeightBytes = 0;
};

class Runtime {
public:
  ~Runtime();
  Runtime(const Runtime &) = delete;
  Runtime &operator=(const Runtime &) = delete;

  /// Opens, validates and compiles `path`; null with `error` set when the
  /// file or any host op is not one this runtime can run.
  static std::unique_ptr<Runtime> load(const std::string &path,
                                       const RuntimeOptions &options,
                                       std::string &error);
  /// The same over an opened binary (RuntimeOptions::expectTarget is then
  /// checked against its manifest).
  static std::unique_ptr<Runtime> load(std::unique_ptr<wfb::BinaryFile> binary,
                                       const RuntimeOptions &options,
                                       std::string &error);

  const std::vector<TensorSpec> &inputs() const;
  const std::vector<TensorSpec> &outputs() const;
  /// Index into inputs() / outputs(), or -1.
  int findInput(std::string_view name) const;
  int findOutput(std::string_view name) const;

  /// Runs the model once. inputs[i] points at inputs()[i].numBytes bytes
  /// (C order, little-endian; bools one byte each), outputs[i] receives
  /// outputs()[i].numBytes. False with `error` set on a wrong number of
  /// buffers, a null buffer, or an input whose values the model cannot take
  /// (a gather index out of range).
  bool run(const std::vector<const void *> &inputs,
           const std::vector<void *> &outputs, std::string &error);

  /// The binary's programs; entries()[0] is the one run() runs, with
  /// inputs() and outputs().
  const std::vector<EntrySpec> &entries() const;
  /// Runs entries()[entry] as run() runs the first.
  bool runEntry(int entry, const std::vector<const void *> &inputs,
                const std::vector<void *> &outputs, std::string &error);

  /// Set for a decode binary.
  const DecodeSpec *decode() const;
  /// Positions the caches hold: cache_append ops write at this position
  /// (0 after load). A run leaves it where it was; the caller, who knows
  /// how many of a padded prompt's positions were real, advances it.
  int64_t cacheLength() const;
  /// False with `error` when `length` is negative or beyond the capacity.
  bool setCacheLength(int64_t length, std::string &error);

  /// With RuntimeOptions::profile: seconds each host op took in the last
  /// run (zeros before the first).
  const std::vector<double> &opSeconds() const;

  const std::vector<HostOpSpec> &hostOps() const;
  const std::vector<KernelSpec> &kernels() const;
  const std::string &targetName() const;
  /// The target's clock (Hz) and the cost model's cycles for one step.
  double clockHz() const;
  double modeledStepCycles() const;
  const MemorySummary &memory() const;
  const RuntimeOptions &options() const;
  /// The team size runs use.
  int threads() const;
  const wfb::BinaryFile &binary() const;

  struct Impl;

private:
  explicit Runtime(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

} // namespace wafer::runtime

#endif // WAFER_RUNTIME_RUNTIME_H
