//===- Runtime.cpp - load a .wfb once, run it many times ------------------===//

#include "wafer/Runtime/Runtime.h"

#include "Element.h"
#include "Ops.h"

#include "wafer/Binary/Reader.h"
#include "wafer/Kernels/CpuFeatures.h"

#include <chrono>
#include <optional>
#include <cstdlib>
#include <cstring>
#include <exception>

#include <omp.h>
#include <sys/mman.h>

namespace wafer::runtime {

const char *elementTypeName(ElementType type) {
  switch (type) {
  case ElementType::F32:
    return "f32";
  case ElementType::F16:
    return "f16";
  case ElementType::BF16:
    return "bf16";
  case ElementType::F64:
    return "f64";
  case ElementType::I64:
    return "i64";
  case ElementType::I32:
    return "i32";
  case ElementType::Bool:
    return "bool";
  }
  return "unknown";
}

size_t elementSize(ElementType type) {
  switch (type) {
  case ElementType::F32:
  case ElementType::I32:
    return 4;
  case ElementType::F16:
  case ElementType::BF16:
    return 2;
  case ElementType::F64:
  case ElementType::I64:
    return 8;
  case ElementType::Bool:
    return 1;
  }
  return 0;
}

const char *weightStorageName(WeightStorage storage) {
  return storage == WeightStorage::BF16 ? "bf16" : "f32";
}

namespace {

/// A 64-byte aligned allocation that is never resized.
class AlignedBytes {
public:
  AlignedBytes() = default;
  ~AlignedBytes() { std::free(data_); }
  AlignedBytes(const AlignedBytes &) = delete;
  AlignedBytes &operator=(const AlignedBytes &) = delete;
  bool allocate(int64_t bytes) {
    // Arenas of 2 MiB or more get transparent huge pages (as the packed
    // weights do): the GPT-2 logits alone are 25 MB, written in rows 201 KB
    // apart, one 4 KiB page per row of every tile.
    constexpr size_t kHugePage = size_t{2} << 20;
    const size_t alignment = bytes >= int64_t(kHugePage) ? kHugePage : 64;
    size_t size = (size_t(std::max<int64_t>(bytes, 64)) + alignment - 1) /
                  alignment * alignment;
    data_ = static_cast<char *>(std::aligned_alloc(alignment, size));
    if (!data_)
      return false;
#ifdef MADV_HUGEPAGE
    if (alignment == kHugePage)
      madvise(data_, size, MADV_HUGEPAGE); // a hint; failure is harmless
#endif
    std::memset(data_, 0, size); // touch the pages now, not in the first run
    return true;
  }
  char *data() const { return data_; }

private:
  char *data_ = nullptr;
};

bool elementTypeOf(wfb::DType dtype, ElementType &out) {
  switch (dtype) {
  case wfb::F32:
    out = ElementType::F32;
    return true;
  case wfb::F16:
    out = ElementType::F16;
    return true;
  case wfb::BF16:
    out = ElementType::BF16;
    return true;
  case wfb::F64:
    out = ElementType::F64;
    return true;
  case wfb::I64:
    out = ElementType::I64;
    return true;
  case wfb::I32:
    out = ElementType::I32;
    return true;
  case wfb::BOOL:
    out = ElementType::Bool;
    return true;
  default:
    return false;
  }
}

std::string opLabel(const wfb::HostOp &op, int index) {
  std::string s = "host op " + std::to_string(index) + " '" + op.kind() + "'";
  if (!op.location().empty())
    s += " (ONNX node '" + op.location() + "')";
  return s;
}

} // namespace

bool signatureSpecs(const wfb::BinaryFile &binary,
                    std::vector<TensorSpec> &inputs,
                    std::vector<TensorSpec> &outputs, std::string &error) {
  const wfb::Manifest &m = binary.manifest();
  auto specs = [&](const auto &bindings, std::vector<TensorSpec> &out) {
    out.clear();
    for (const wfb::Binding &b : bindings) {
      const wfb::Tensor &t = m.tensors(b.tensor());
      TensorSpec spec;
      spec.name = b.name();
      if (!elementTypeOf(t.dtype(), spec.type)) {
        error = "'" + binary.path() + "': '" + b.name() +
                "' has an unknown type";
        return false;
      }
      spec.shape.assign(t.shape().begin(), t.shape().end());
      spec.numElements = binary.numElements(b.tensor());
      spec.numBytes = binary.numBytes(b.tensor());
      out.push_back(std::move(spec));
    }
    return true;
  };
  return specs(m.signature().inputs(), inputs) &&
         specs(m.signature().outputs(), outputs);
}

struct Runtime::Impl {
  std::unique_ptr<wfb::BinaryFile> binary;
  RuntimeOptions options;
  std::vector<TensorSpec> inputs, outputs;
  std::vector<int> inputTensors, outputTensors;
  /// Tensors whose address is an input tensor's plus an offset, set at
  /// every run of the entry that binds the input.
  struct InputView {
    int tensor, input; ///< tensor ids
    int64_t offset;
  };
  /// Per entry: its I/O tensors, its ops [begin, end) and the views of its
  /// inputs.
  struct Entry {
    std::vector<int> inputTensors, outputTensors;
    int begin = 0, end = 0;
    std::vector<InputView> inputViews;
  };
  std::vector<EntrySpec> entrySpecs;
  std::vector<Entry> entries;
  std::optional<DecodeSpec> decode;
  AlignedBytes stateBytes;
  detail::PackedWeightCache packedWeights;
  int64_t cacheLength = 0;
  std::vector<detail::TensorInfo> tensors;
  std::vector<std::unique_ptr<detail::Step>> steps;
  std::vector<HostOpSpec> hostOps;
  std::vector<KernelSpec> kernels;
  MemoryPlan plan;
  AlignedBytes arena, constantPool;
  std::vector<void *> addresses;
  std::vector<double> opSeconds;
  MemorySummary memory;
  std::string targetName;
  double clockHz = 0, modeledStepCycles = 0;

  bool load(std::string &error);
};

bool Runtime::Impl::load(std::string &error) {
  const wfb::Manifest &m = binary->manifest();
  const wfb::HostProgram &program = binary->hostProgram();
  auto fail = [&](const std::string &why) {
    error = "'" + binary->path() + "': " + why;
    return false;
  };
  targetName = m.target().name();
  clockHz = double(m.target().clock_khz()) * 1e3;
  modeledStepCycles = m.modeled_step_cycles();

  // --- Tensors and constants.
  int n = m.tensors_size();
  tensors.resize(n);
  int64_t poolBytes = 0;
  std::vector<int64_t> poolOffset(n, -1);
  for (int t = 0; t < n; ++t) {
    const wfb::Tensor &src = m.tensors(t);
    detail::TensorInfo &info = tensors[t];
    info.name = src.name();
    if (!elementTypeOf(src.dtype(), info.type))
      return fail("tensor " + std::to_string(t) + " has an unknown type");
    info.shape.assign(src.shape().begin(), src.shape().end());
    info.numElements = binary->numElements(t);
    info.numBytes = binary->numBytes(t);
    info.constant = src.kind() == wfb::Tensor::CONSTANT;
    info.state = src.kind() == wfb::Tensor::STATE;
    if (!info.constant)
      continue;
    std::string_view data = binary->tensorData(t);
    size_t size = elementSize(info.type);
    bool aligned = reinterpret_cast<uintptr_t>(data.data()) % size == 0;
    if (src.splat() || !aligned || info.numBytes == 0) {
      poolOffset[t] = poolBytes;
      poolBytes += (info.numBytes + 63) / 64 * 64;
      ++memory.constantsCopied;
      memory.constantCopyBytes += info.numBytes;
    } else {
      info.data = data.data();
      ++memory.constantsInPlace;
    }
  }
  if (!constantPool.allocate(poolBytes))
    return fail("cannot allocate " + std::to_string(poolBytes) +
                " bytes for constants");
  for (int t = 0; t < n; ++t) {
    if (poolOffset[t] < 0)
      continue;
    detail::TensorInfo &info = tensors[t];
    char *dst = constantPool.data() + poolOffset[t];
    std::string_view data = binary->tensorData(t);
    if (m.tensors(t).splat()) {
      size_t size = elementSize(info.type);
      for (int64_t i = 0; i < info.numElements; ++i)
        std::memcpy(dst + i * size, data.data(), size);
    } else if (info.numBytes) {
      std::memcpy(dst, data.data(), size_t(info.numBytes));
    }
    info.data = dst;
  }

  // --- State: the KV caches, zeros, side by side.
  int64_t stateTotal = 0;
  std::vector<int64_t> stateOffset(n, -1);
  for (int t = 0; t < n; ++t)
    if (tensors[t].state) {
      stateOffset[t] = stateTotal;
      stateTotal += (tensors[t].numBytes + 63) / 64 * 64;
    }
  if (!stateBytes.allocate(stateTotal))
    return fail("cannot allocate " + std::to_string(stateTotal) +
                " bytes for the KV caches");
  std::memset(stateBytes.data(), 0, size_t(stateTotal));
  for (int t = 0; t < n; ++t)
    if (stateOffset[t] >= 0)
      tensors[t].data = stateBytes.data() + stateOffset[t];
  if (m.has_decode()) {
    decode.emplace();
    decode->capacity = m.decode().capacity();
    decode->maskedPast = m.decode().masked_past();
    decode->caches = m.decode().caches_size();
    decode->cacheBytes = stateTotal;
  }

  // --- Signatures: the manifest's, and each further entry's.
  if (!signatureSpecs(*binary, inputs, outputs, error))
    return false;
  for (const wfb::Binding &b : m.signature().inputs())
    inputTensors.push_back(b.tensor());
  for (const wfb::Binding &b : m.signature().outputs())
    outputTensors.push_back(b.tensor());
  auto specOf = [&](const wfb::Binding &b) {
    const detail::TensorInfo &info = tensors[b.tensor()];
    TensorSpec spec;
    spec.name = b.name();
    spec.type = info.type;
    spec.shape = info.shape;
    spec.numElements = info.numElements;
    spec.numBytes = info.numBytes;
    return spec;
  };
  if (program.entries_size() == 0) {
    entrySpecs.push_back({"main", 1, inputs, outputs, 0, program.ops_size()});
    entries.push_back({inputTensors, outputTensors, 0, program.ops_size()});
  }
  for (int e = 0; e < program.entries_size(); ++e) {
    const wfb::Entry &src = program.entries(e);
    EntrySpec spec{src.name(), src.tokens(), {}, {}, src.begin(), src.end()};
    Entry entry{{}, {}, src.begin(), src.end()};
    if (e == 0) {
      spec.inputs = inputs;
      spec.outputs = outputs;
      entry.inputTensors = inputTensors;
      entry.outputTensors = outputTensors;
    } else {
      for (const wfb::Binding &b : src.signature().inputs()) {
        spec.inputs.push_back(specOf(b));
        entry.inputTensors.push_back(b.tensor());
      }
      for (const wfb::Binding &b : src.signature().outputs()) {
        spec.outputs.push_back(specOf(b));
        entry.outputTensors.push_back(b.tensor());
      }
    }
    entrySpecs.push_back(std::move(spec));
    entries.push_back(std::move(entry));
  }
  for (const wfb::Kernel &k : m.kernels())
    kernels.push_back({k.name(), k.scheme(), k.cycles(),
                       std::vector<int>(k.host_ops().begin(),
                                        k.host_ops().end())});

  // --- Host ops: resolve, check and build each.
  std::vector<PlanOp> planOps;
  for (int i = 0; i < program.ops_size(); ++i) {
    const wfb::HostOp &op = program.ops(i);
    hostOps.push_back({op.kind(), op.location(), op.kernel()});
    detail::BuildFn build = detail::findBuilder(op.kind());
    if (!build)
      return fail(opLabel(op, i) + ": unknown op kind '" + op.kind() +
                  "'; this runtime runs " + detail::knownKinds());
    detail::OpBuilder builder(op, tensors, options, memory, packedWeights);
    std::unique_ptr<detail::Step> step;
    try {
      step = build(builder);
    } catch (const std::exception &e) {
      return fail(opLabel(op, i) + ": " + e.what());
    }
    if (!step)
      return fail(opLabel(op, i) + ": " +
                  (builder.error().empty() ? "cannot be built"
                                           : builder.error()));
    steps.push_back(std::move(step));
    planOps.push_back(builder.plan());
  }

  // --- The memory plan.
  std::vector<PlanTensor> planTensors(n);
  for (int t = 0; t < n; ++t) {
    planTensors[t].bytes = tensors[t].numBytes;
    planTensors[t].kind = tensors[t].constant || tensors[t].state
                              ? Home::Constant
                          : m.tensors(t).kind() == wfb::Tensor::INPUT
                              ? Home::Input
                              : Home::Arena;
  }
  for (const Entry &entry : entries)
    for (int t : entry.outputTensors)
      planTensors[t].modelOutput = true;
  std::string planError;
  if (!planMemory(planTensors, planOps, plan, planError) ||
      !verifyMemoryPlan(planTensors, planOps, plan, planError))
    return fail("internal error in the memory plan: " + planError);
  memory.arenaBytes = plan.arenaBytes;
  memory.unsharedBytes = plan.unsharedBytes;
  memory.buffers = plan.buffers;
  memory.views = plan.views;
  memory.inPlace = plan.inPlace;
  if (!arena.allocate(plan.arenaBytes))
    return fail("cannot allocate the " + std::to_string(plan.arenaBytes) +
                "-byte arena");

  addresses.assign(n, nullptr);
  std::vector<int> entryOfInput(n, -1);
  for (size_t e = 0; e < entries.size(); ++e)
    for (int t : entries[e].inputTensors)
      entryOfInput[t] = int(e);
  for (int t = 0; t < n; ++t) {
    const TensorPlacement &p = plan.tensors[t];
    switch (p.home) {
    case Home::Arena:
      addresses[t] = arena.data() + p.offset;
      break;
    case Home::Constant:
      addresses[t] = const_cast<char *>(
          static_cast<const char *>(tensors[p.base].data) + p.offset);
      break;
    case Home::Input:
      entries[entryOfInput[p.base]].inputViews.push_back(
          {t, p.base, p.offset});
      break;
    }
  }
  opSeconds.assign(steps.size(), 0.0);
  return true;
}

Runtime::Runtime(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Runtime::~Runtime() = default;

std::unique_ptr<Runtime> Runtime::load(const std::string &path,
                                       const RuntimeOptions &options,
                                       std::string &error) {
  wfb::OpenOptions open;
  open.expectTarget = options.expectTarget;
  std::unique_ptr<wfb::BinaryFile> binary =
      wfb::BinaryFile::open(path, error, open);
  if (!binary)
    return nullptr;
  return load(std::move(binary), options, error);
}

std::unique_ptr<Runtime> Runtime::load(std::unique_ptr<wfb::BinaryFile> binary,
                                       const RuntimeOptions &options,
                                       std::string &error) {
  if (!binary) {
    error = "no binary to load";
    return nullptr;
  }
  if (options.threads < 0) {
    error = "the thread count must be 0 (OpenMP's default) or more, not " +
            std::to_string(options.threads);
    return nullptr;
  }
  if (!options.expectTarget.empty() &&
      binary->manifest().target().name() != options.expectTarget) {
    error = "'" + binary->path() + "': compiled for target '" +
            binary->manifest().target().name() + "', not '" +
            options.expectTarget + "'";
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  impl->binary = std::move(binary);
  impl->options = options;
  if (impl->options.threads == 0)
    impl->options.threads = std::max(1, omp_get_max_threads());
  if (!impl->load(error))
    return nullptr;
  return std::unique_ptr<Runtime>(new Runtime(std::move(impl)));
}

const std::vector<TensorSpec> &Runtime::inputs() const { return impl_->inputs; }
const std::vector<TensorSpec> &Runtime::outputs() const {
  return impl_->outputs;
}

int findSpec(const std::vector<TensorSpec> &specs, std::string_view name) {
  for (size_t i = 0; i < specs.size(); ++i)
    if (specs[i].name == name)
      return int(i);
  return -1;
}

int Runtime::findInput(std::string_view name) const {
  return findSpec(impl_->inputs, name);
}

int Runtime::findOutput(std::string_view name) const {
  return findSpec(impl_->outputs, name);
}

bool Runtime::run(const std::vector<const void *> &inputs,
                  const std::vector<void *> &outputs, std::string &error) {
  return runEntry(0, inputs, outputs, error);
}

bool Runtime::runEntry(int entryIndex, const std::vector<const void *> &inputs,
                       const std::vector<void *> &outputs,
                       std::string &error) {
  Impl &m = *impl_;
  if (entryIndex < 0 || entryIndex >= int(m.entries.size())) {
    error = "the binary has " + std::to_string(m.entries.size()) +
            " entries, not one numbered " + std::to_string(entryIndex);
    return false;
  }
  const Impl::Entry &entry = m.entries[entryIndex];
  const EntrySpec &spec = m.entrySpecs[entryIndex];
  if (inputs.size() != spec.inputs.size() ||
      outputs.size() != spec.outputs.size()) {
    error = "the model takes " + std::to_string(spec.inputs.size()) +
            " inputs and gives " + std::to_string(spec.outputs.size()) +
            " outputs; the call has " + std::to_string(inputs.size()) +
            " and " + std::to_string(outputs.size());
    return false;
  }
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!inputs[i] && spec.inputs[i].numBytes) {
      error = "input '" + spec.inputs[i].name + "' has no buffer";
      return false;
    }
  for (size_t i = 0; i < outputs.size(); ++i)
    if (!outputs[i] && spec.outputs[i].numBytes) {
      error = "output '" + spec.outputs[i].name + "' has no buffer";
      return false;
    }
  static const char empty[64] = {};
  for (size_t i = 0; i < inputs.size(); ++i)
    m.addresses[entry.inputTensors[i]] =
        const_cast<void *>(inputs[i] ? inputs[i] : empty);
  for (const Impl::InputView &v : entry.inputViews)
    m.addresses[v.tensor] = static_cast<char *>(m.addresses[v.input]) +
                            v.offset;

  kernels::setKernelThreads(m.options.threads);
  detail::RunContext ctx;
  ctx.addresses = m.addresses.data();
  ctx.threads = m.options.threads;
  ctx.cacheLength = m.cacheLength;
  const wfb::HostProgram &program = m.binary->hostProgram();
  using Clock = std::chrono::steady_clock;
  for (int i = entry.begin; i < entry.end; ++i) {
    int64_t scratch = m.plan.scratchOffsets[i];
    ctx.scratch = scratch >= 0 ? m.arena.data() + scratch : nullptr;
    Clock::time_point start;
    if (m.options.profile)
      start = Clock::now();
    std::string why;
    bool ok;
    try {
      ok = m.steps[i]->run(ctx, why);
    } catch (const std::exception &e) {
      ok = false;
      why = e.what();
    }
    if (!ok) {
      error = opLabel(program.ops(i), i) + ": " + why;
      return false;
    }
    if (m.options.profile)
      m.opSeconds[i] =
          std::chrono::duration<double>(Clock::now() - start).count();
  }
  for (size_t i = 0; i < outputs.size(); ++i)
    if (spec.outputs[i].numBytes)
      std::memcpy(outputs[i], m.addresses[entry.outputTensors[i]],
                  size_t(spec.outputs[i].numBytes));
  return true;
}

const std::vector<EntrySpec> &Runtime::entries() const {
  return impl_->entrySpecs;
}

const DecodeSpec *Runtime::decode() const {
  return impl_->decode ? &*impl_->decode : nullptr;
}

int64_t Runtime::cacheLength() const { return impl_->cacheLength; }

bool Runtime::setCacheLength(int64_t length, std::string &error) {
  if (!impl_->decode) {
    error = "the binary has no KV caches (compile it with waferc --max-seq)";
    return false;
  }
  if (length < 0 || length > impl_->decode->capacity) {
    error = "cache length " + std::to_string(length) + " is outside the "
            "caches' 0 to " + std::to_string(impl_->decode->capacity) +
            " positions";
    return false;
  }
  impl_->cacheLength = length;
  return true;
}

const std::vector<double> &Runtime::opSeconds() const {
  return impl_->opSeconds;
}
const std::vector<HostOpSpec> &Runtime::hostOps() const {
  return impl_->hostOps;
}
const std::vector<KernelSpec> &Runtime::kernels() const {
  return impl_->kernels;
}
const std::string &Runtime::targetName() const { return impl_->targetName; }
double Runtime::clockHz() const { return impl_->clockHz; }
double Runtime::modeledStepCycles() const { return impl_->modeledStepCycles; }
const MemorySummary &Runtime::memory() const { return impl_->memory; }
const RuntimeOptions &Runtime::options() const { return impl_->options; }
int Runtime::threads() const { return impl_->options.threads; }
const wfb::BinaryFile &Runtime::binary() const { return *impl_->binary; }

} // namespace wafer::runtime
