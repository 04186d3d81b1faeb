//===- Core.cpp - wafer._core, the Python extension -----------------------===//
//
// The compiler (wafer/Driver/CompileOptions.h), the fast host runtime
// (wafer/Runtime/Runtime.h) and the fabric simulator's run of a pe design
// (wafer/Simulator/SimRun.h), bound with nanobind. The Python package
// (python/wafer/_api.py) is the public interface: it checks names, dtypes
// and shapes, allocates the outputs and raises the package's exceptions;
// this module does the work with the GIL released and refuses what would
// be undefined (a buffer of the wrong size) without crashing.
//
// MLIR-free: it is compiled with RTTI (nanobind needs it), which LLVM's
// and MLIR's headers are not built for.
//
//===----------------------------------------------------------------------===//

#include "wafer/Binary/Reader.h"
#include "wafer/Driver/CompileOptions.h"
#include "wafer/Runtime/Float16.h"
#include "wafer/Runtime/Generate.h"
#include "wafer/Runtime/Runtime.h"
#include "wafer/Simulator/SimRun.h"

#include <nanobind/nanobind.h>
#include <nanobind/ndarray.h>
#include <nanobind/stl/optional.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace nb = nanobind;
using namespace nb::literals;
using wafer::runtime::TensorSpec;

namespace {

/// A failure of the runtime or the simulator: raised as wafer.RuntimeError.
struct RuntimeFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The signature as (name, element type name, shape list) tuples.
nb::list specList(const std::vector<TensorSpec> &specs) {
  nb::list out;
  for (const TensorSpec &s : specs)
    out.append(nb::make_tuple(s.name, wafer::runtime::elementTypeName(s.type),
                              nb::cast(s.shape)));
  return out;
}

nb::dict diagnosticDict(const wafer::driver::Diagnostic &d) {
  nb::dict out;
  out["severity"] = d.severity;
  out["message"] = d.message;
  out["location"] = d.location;
  out["onnx_node"] = d.onnxNode;
  nb::list notes;
  for (const wafer::driver::Diagnostic &n : d.notes)
    notes.append(diagnosticDict(n));
  out["notes"] = notes;
  return out;
}

using InArray = nb::ndarray<nb::ro, nb::c_contig, nb::device::cpu>;
using OutArray = nb::ndarray<nb::c_contig, nb::device::cpu>;

/// The buffers of `arrays` (each a C-contiguous CPU array, never a
/// converted copy: outputs must be written where the caller reads them),
/// each of `specs[i].numBytes` bytes.
template <typename Array>
std::vector<Array> buffersOf(const nb::list &arrays,
                             const std::vector<TensorSpec> &specs,
                             const char *what, size_t elementBytes = 0) {
  if (arrays.size() != specs.size())
    throw nb::value_error((std::string(what) + ": " +
                           std::to_string(arrays.size()) + " arrays for " +
                           std::to_string(specs.size()) + " tensors")
                              .c_str());
  std::vector<Array> out;
  for (size_t i = 0; i < specs.size(); ++i) {
    Array a;
    if (!nb::try_cast<Array>(arrays[i], a, /*convert=*/false))
      throw nb::value_error((std::string(what) + " '" + specs[i].name +
                             "': not a C-contiguous CPU array")
                                .c_str());
    const size_t want = elementBytes
                            ? size_t(specs[i].numElements) * elementBytes
                            : size_t(specs[i].numBytes);
    if (a.nbytes() != want)
      throw nb::value_error((std::string(what) + " '" + specs[i].name +
                             "': " + std::to_string(a.nbytes()) +
                             " bytes, the tensor has " + std::to_string(want))
                                .c_str());
    out.push_back(std::move(a));
  }
  return out;
}

nb::tuple compileModel(const std::string &input,
                       std::optional<nb::bytes> model,
                       const std::string &output,
                       const std::vector<std::string> &dims,
                       const std::string &target, const std::string &mesh,
                       int64_t sramKb, int64_t colors, int64_t clockMhz,
                       const std::string &strategy, uint64_t seed,
                       int64_t effort, const std::vector<std::string> &pins,
                       const std::vector<std::string> &bands,
                       const std::string &pe, bool noFuse,
                       const std::string &externalWeights,
                       std::optional<int64_t> maxSeq,
                       const std::vector<int64_t> &prefillLengths) {
  wafer::driver::CompileOptions options;
  options.maxSeq = maxSeq;
  options.prefillLengths = prefillLengths;
  options.input = input;
  options.output = output;
  options.stage = wafer::driver::Stage::Wfb;
  options.dims = dims;
  options.target = target;
  options.mesh = mesh;
  options.sramKb = sramKb;
  options.colors = colors;
  options.clockMhz = clockMhz;
  options.strategy = strategy;
  options.seed = seed;
  options.effort = effort;
  options.pins = pins;
  options.bands = bands;
  options.noFuse = noFuse;
  if (pe == "auto")
    options.pe = wafer::driver::PeMode::Auto;
  else if (pe == "on")
    options.pe = wafer::driver::PeMode::On;
  else if (pe == "off")
    options.pe = wafer::driver::PeMode::Off;
  else
    throw nb::value_error("pe must be 'auto', 'on' or 'off'");
  if (externalWeights == "auto")
    options.externalWeights = wafer::ExternalWeights::Auto;
  else if (externalWeights == "reference")
    options.externalWeights = wafer::ExternalWeights::Reference;
  else if (externalWeights == "copy")
    options.externalWeights = wafer::ExternalWeights::Copy;
  else
    throw nb::value_error(
        "external_weights must be 'auto', 'reference' or 'copy'");

  // The bytes stay alive: `model` holds a reference to them.
  std::string_view modelBytes;
  if (model)
    modelBytes = std::string_view(model->c_str(), model->size());
  wafer::driver::BinaryCompileResult result;
  {
    nb::gil_scoped_release release;
    result = wafer::driver::compileToBinary(options, modelBytes);
  }
  nb::list diagnostics;
  for (const wafer::driver::Diagnostic &d : result.diagnostics)
    diagnostics.append(diagnosticDict(d));
  return nb::make_tuple(result.ok, diagnostics, result.reportJson);
}

/// (inputs, outputs, target name, has a pe design) of the binary at `path`.
nb::tuple readBinary(const std::string &path) {
  std::string error;
  std::unique_ptr<wafer::wfb::BinaryFile> binary;
  std::vector<TensorSpec> inputs, outputs;
  {
    nb::gil_scoped_release release;
    binary = wafer::wfb::BinaryFile::open(path, error);
    if (binary &&
        !wafer::runtime::signatureSpecs(*binary, inputs, outputs, error))
      binary.reset();
  }
  if (!binary)
    throw RuntimeFailure(error);
  return nb::make_tuple(specList(inputs), specList(outputs),
                        binary->manifest().target().name(),
                        binary->peDesign() != nullptr);
}

/// The fast host runtime over one binary. One run at a time: Runtime is
/// not reentrant, and with the GIL released two Python threads could
/// otherwise enter it together.
class FastRuntime {
public:
  FastRuntime(const std::string &path, int threads, const std::string &weights,
              const std::string &expectTarget) {
    wafer::runtime::RuntimeOptions options;
    options.threads = threads;
    options.expectTarget = expectTarget;
    if (weights == "f32")
      options.weights = wafer::runtime::WeightStorage::F32;
    else if (weights == "bf16")
      options.weights = wafer::runtime::WeightStorage::BF16;
    else
      throw nb::value_error("weights must be 'f32' or 'bf16'");
    std::string error;
    {
      nb::gil_scoped_release release;
      runtime_ = wafer::runtime::Runtime::load(path, options, error);
    }
    if (!runtime_)
      throw RuntimeFailure(error);
  }

  nb::list inputs() const { return specList(runtime_->inputs()); }
  nb::list outputs() const { return specList(runtime_->outputs()); }
  int threads() const { return runtime_->threads(); }

  /// Runs once: `inputs` and `outputs` in signature order, each exactly
  /// its tensor's bytes; the outputs are written in place.
  void run(const nb::list &inputs, const nb::list &outputs) {
    auto in = buffersOf<InArray>(inputs, runtime_->inputs(), "input");
    auto out = buffersOf<OutArray>(outputs, runtime_->outputs(), "output");
    std::vector<const void *> inPtrs;
    std::vector<void *> outPtrs;
    for (const InArray &a : in)
      inPtrs.push_back(a.data());
    for (OutArray &a : out)
      outPtrs.push_back(a.data());
    std::string error;
    bool ok;
    {
      nb::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex_);
      ok = runtime_->run(inPtrs, outPtrs, error);
    }
    if (!ok)
      throw RuntimeFailure(error);
  }

  /// Greedy generation with a decode binary (wafer/Runtime/Generate.h):
  /// `prompt` int64 [batch, length]; the tokens go to `tokens` (int64
  /// [batch, newTokens]). Returns (first token seconds, step seconds,
  /// prefill positions, modeled wafer tokens per second).
  nb::tuple generate(
      nb::ndarray<const int64_t, nb::ndim<2>, nb::c_contig, nb::device::cpu>
          prompt,
      int64_t newTokens,
      nb::ndarray<int64_t, nb::ndim<2>, nb::c_contig, nb::device::cpu> tokens) {
    const int64_t batch = int64_t(prompt.shape(0)),
                  length = int64_t(prompt.shape(1));
    if (int64_t(tokens.shape(0)) != batch ||
        int64_t(tokens.shape(1)) != newTokens)
      throw nb::value_error("the tokens array must be [batch, new tokens]");
    std::vector<int64_t> ids(prompt.data(), prompt.data() + batch * length);
    wafer::runtime::GenerateResult result;
    std::string error;
    bool ok;
    {
      nb::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex_);
      ok = wafer::runtime::generate(*runtime_, ids, batch, length, newTokens,
                                    result, error);
    }
    if (!ok)
      throw RuntimeFailure(error);
    std::memcpy(tokens.data(), result.tokens.data(),
                result.tokens.size() * sizeof(int64_t));
    return nb::make_tuple(result.firstTokenSeconds, result.stepSeconds,
                          result.prefillTokens,
                          wafer::runtime::modeledTokensPerSecond(*runtime_));
  }

  bool isDecoder() const { return runtime_->decode() != nullptr; }

private:
  std::unique_ptr<wafer::runtime::Runtime> runtime_;
  std::mutex mutex_;
};

/// The fabric simulator over a binary's pe design: every slot in order,
/// with the model's inputs and outputs as f32 where the design has host
/// I/O (the Python side converts 16-bit floats).
class SimRuntime {
public:
  SimRuntime(const std::string &path, int threads, int64_t cycleLimit,
             int64_t queueDepth, const std::string &expectTarget) {
    if (cycleLimit < 1 || cycleLimit > 1000000000000LL)
      throw nb::value_error("cycle_limit must be from 1 to 10**12");
    if (queueDepth < 1 || queueDepth > 1024)
      throw nb::value_error("queue_depth must be from 1 to 1024");
    options_.cycleLimit = cycleLimit;
    options_.queueDepth = queueDepth;
    options_.threads =
        threads > 0 ? threads
                    : int(std::max(1u, std::thread::hardware_concurrency()));
    wafer::wfb::OpenOptions open;
    open.expectTarget = expectTarget;
    std::string error;
    {
      nb::gil_scoped_release release;
      binary_ = wafer::wfb::BinaryFile::open(path, error, open);
      if (binary_ && !wafer::runtime::signatureSpecs(*binary_, inputs_,
                                                     outputs_, error))
        binary_.reset();
    }
    if (!binary_)
      throw RuntimeFailure(error);
    if (!binary_->peDesign())
      throw RuntimeFailure(
          "'" + path +
          "' has no pe-design section: compile it with its per-PE programs "
          "(pe='on') to simulate it");
    hostIo_ = wafer::sim::hasHostIo(*binary_->peDesign());
  }

  nb::list inputs() const { return specList(hostIo_ ? inputs_ : none_); }
  nb::list outputs() const { return specList(hostIo_ ? outputs_ : none_); }
  bool hostIo() const { return hostIo_; }
  int threads() const { return options_.threads; }

  /// Runs every slot: `inputs` and `outputs` are float32 arrays in
  /// signature order (none without host I/O). Returns the total cycles and
  /// one dict per slot.
  nb::dict run(const nb::list &inputs, const nb::list &outputs) {
    const auto &inSpecs = hostIo_ ? inputs_ : none_;
    const auto &outSpecs = hostIo_ ? outputs_ : none_;
    auto in = buffersOf<InArray>(inputs, inSpecs, "input", sizeof(float));
    auto out = buffersOf<OutArray>(outputs, outSpecs, "output", sizeof(float));
    std::vector<const float *> inPtrs;
    std::vector<float *> outPtrs;
    for (const InArray &a : in)
      inPtrs.push_back(static_cast<const float *>(a.data()));
    for (OutArray &a : out)
      outPtrs.push_back(static_cast<float *>(a.data()));
    wafer::sim::DesignRun run;
    std::string error;
    bool ok;
    {
      nb::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex_);
      // A value no slot writes stays zero, as in wafer-run.
      for (size_t i = 0; i < out.size(); ++i)
        std::memset(outPtrs[i], 0, out[i].nbytes());
      ok = wafer::sim::simulateDesign(*binary_, inPtrs, outPtrs, options_,
                                      run, error);
    }
    if (!ok)
      throw RuntimeFailure(error);
    using Status = wafer::sim::SimResult::Status;
    if (!run.finished()) {
      const wafer::sim::SlotRun &stuck = run.slots.back();
      const Status status = stuck.result.status;
      std::string message =
          "slot " + std::to_string(stuck.slot) + ": " +
          (status == Status::Deadlock     ? "deadlock"
           : status == Status::CycleLimit ? "cycle limit reached"
                                          : "cannot simulate") +
          " after " + std::to_string(stuck.result.cycles) + " cycles";
      for (const std::string &line : stuck.result.report)
        message += "\n  " + line;
      throw RuntimeFailure(message);
    }
    nb::dict result;
    result["cycles"] = run.totalCycles;
    nb::list slots;
    for (const wafer::sim::SlotRun &s : run.slots) {
      nb::dict d;
      d["slot"] = s.slot;
      d["cycles"] = s.result.cycles;
      d["hops"] = s.result.hops;
      d["elements"] = s.result.elements;
      d["pes"] = s.result.pes;
      d["seconds"] = s.seconds;
      slots.append(d);
    }
    result["slots"] = slots;
    return result;
  }

private:
  std::unique_ptr<wafer::wfb::BinaryFile> binary_;
  std::vector<TensorSpec> inputs_, outputs_, none_;
  wafer::sim::SimOptions options_;
  bool hostIo_ = false;
  std::mutex mutex_;
};

/// float32 values to bf16 bits, rounded as the runtime rounds them.
void floatToBf16(nb::ndarray<nb::ro, float, nb::c_contig, nb::device::cpu> in,
                 nb::ndarray<uint16_t, nb::c_contig, nb::device::cpu> out) {
  if (in.size() != out.size())
    throw nb::value_error("float_to_bf16: the arrays differ in size");
  const float *src = in.data();
  uint16_t *dst = out.data();
  for (size_t i = 0; i < in.size(); ++i)
    dst[i] = wafer::runtime::floatToBf16(src[i]);
}

} // namespace

NB_MODULE(_core, m) {
  m.doc() = "Wafer's compiler, host runtime and fabric simulator (the "
            "wafer package's extension; use wafer.compile and "
            "wafer.Runtime).";

  // wafer.RuntimeError is the package's (wafer/errors.py), so that it can
  // be caught without the extension.
  // Kept for the life of the process: a static nb::object would be
  // released after the interpreter is gone.
  static PyObject *runtimeError =
      nb::object(nb::module_::import_("wafer.errors").attr("RuntimeError"))
          .release()
          .ptr();
  nb::register_exception_translator(
      [](const std::exception_ptr &p, void *) {
        try {
          std::rethrow_exception(p);
        } catch (const RuntimeFailure &e) {
          PyErr_SetString(runtimeError, e.what());
        }
      });

  m.def("compile", &compileModel, "input"_a, "model"_a.none(), "output"_a,
        "dims"_a, "target"_a, "mesh"_a, "sram_kb"_a, "colors"_a,
        "clock_mhz"_a, "strategy"_a, "seed"_a, "effort"_a, "pins"_a,
        "bands"_a, "pe"_a, "no_fuse"_a, "external_weights"_a,
        "max_seq"_a.none(), "prefill_lengths"_a,
        "Compiles a model to the .wfb `output`: (ok, diagnostics, report "
        "JSON).");
  m.def("read_binary", &readBinary, "path"_a,
        "(inputs, outputs, target, has_pe_design) of a .wfb.");
  m.def("float_to_bf16", &floatToBf16, "values"_a, "bits"_a);

  nb::class_<FastRuntime>(m, "FastRuntime")
      .def(nb::init<const std::string &, int, const std::string &,
                    const std::string &>(),
           "path"_a, "threads"_a, "weights"_a, "expect_target"_a)
      .def_prop_ro("inputs", &FastRuntime::inputs)
      .def_prop_ro("outputs", &FastRuntime::outputs)
      .def_prop_ro("threads", &FastRuntime::threads)
      .def("run", &FastRuntime::run, "inputs"_a, "outputs"_a)
      .def_prop_ro("is_decoder", &FastRuntime::isDecoder)
      .def("generate", &FastRuntime::generate, "prompt"_a, "new_tokens"_a,
           "tokens"_a);

  nb::class_<SimRuntime>(m, "SimRuntime")
      .def(nb::init<const std::string &, int, int64_t, int64_t,
                    const std::string &>(),
           "path"_a, "threads"_a, "cycle_limit"_a, "queue_depth"_a,
           "expect_target"_a)
      .def_prop_ro("inputs", &SimRuntime::inputs)
      .def_prop_ro("outputs", &SimRuntime::outputs)
      .def_prop_ro("host_io", &SimRuntime::hostIo)
      .def_prop_ro("threads", &SimRuntime::threads)
      .def("run", &SimRuntime::run, "inputs"_a, "outputs"_a);
}
