//===- wafer-run.cpp - run a Wafer kernel binary --------------------------===//
//
//   wafer-run model.wfb --mode=fast --input NAME=FILE.npy ... --output-dir DIR
//
// Loads the binary with wafer::runtime::Runtime, feeds it .npy inputs by
// name, writes one .npy per output, and optionally checks the outputs
// against reference .npy files, times repeated runs and prints a per-kernel
// time table beside the cost model's. MLIR- and LLVM-free: it links the
// runtime alone. Every error exits 1 with a message.
//
//===----------------------------------------------------------------------===//

#include "wafer/Runtime/Float16.h"
#include "wafer/Runtime/Generate.h"
#include "wafer/Runtime/Npy.h"
#include "wafer/Runtime/Runtime.h"
#include "wafer/Binary/Reader.h"
#include "wafer/Simulator/FabricSimulator.h"
#include "wafer/Simulator/SimPlot.h"
#include "wafer/Simulator/SimReport.h"
#include "wafer/Simulator/SimRun.h"
#include "wafer/Support/Canvas.h"
#include "wafer/Support/JsonText.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <new>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <vector>

using namespace wafer::runtime;

namespace {

const char *kUsage = R"(USAGE: wafer-run MODEL.wfb [options]

Runs a Wafer kernel binary (waferc model.onnx --dim ... -o MODEL.wfb) on the
host and writes its outputs as .npy files.

Options:
  --mode=fast|sim         fast: the fast host runtime, the host program on
                          the optimized kernels (default). sim: the
                          cycle-level fabric simulator of the binary's pe
                          design, slot by slot (lib/Simulator). Where the
                          design has host I/O (pe.input, pe.output), the
                          inputs are loaded into the PEs' buffers before
                          their slot and the outputs read after it, and
                          --input, --output-dir and --check work as in fast
                          mode; otherwise the programs run on zeroed SRAM
                          and report cycles, deadlocks and stalls.
  --cycle-limit N         sim: stop a slot after N cycles (1 to 10^12;
                          default 10^8), reported like a deadlock
  --queue-depth N         sim: wavelets per router and receive queue (1 to
                          1024; default 4)
  --report-json FILE      sim: what --report prints, as JSON:
                          {"cycles": N, "kernels": [{"name", "onnx_node",
                          "scheme", "predicted_cycles", "simulated_cycles",
                          ...}], "links": {...}, ...}
  --plot FILE.svg|png     sim: a link-utilization heat map of the mesh and
                          a per-kernel timeline
  --input NAME=FILE.npy   the value of model input NAME (repeat for each
                          input; every input is required, unknown names are
                          refused). The file's type and shape must be the
                          input's; float32 files are accepted for f16 and
                          bf16 inputs (rounded to nearest even), and uint16
                          files for bf16 inputs (their bits).
  --output-dir DIR        write DIR/<output name>.npy for every output (DIR
                          is created). Characters of the name other than
                          letters, digits, '_', '-' and a '.' that does not
                          start it are written as %XX, their byte in hex:
                          output 'a/b:0' goes to a%2Fb%3A0.npy. bf16 outputs
                          are written as float32 (exactly).
  --check DIR             compare every output with DIR/<output name>.npy
                          (named the same way) and print the largest absolute
                          and relative error (relative to the reference's
                          largest magnitude); exit 1 when one is beyond
                          tolerance
  --rtol X                the relative tolerance of float outputs for --check
                          (default 1e-4); integer and bool outputs must be
                          exact
  --threads N             1 to 1024. fast: threads of the kernels and
                          loops, the caller and a persistent pool (default:
                          OpenMP's, i.e. OMP_NUM_THREADS or the cores). A
                          call never waits for a pool thread that has not
                          started. What still runs on OpenMP sleeps between
                          regions (OMP_WAIT_POLICY=passive) unless
                          OMP_WAIT_POLICY or GOMP_SPINCOUNT is set. sim:
                          threads that each simulate a band of mesh rows
                          (default: the cores; small designs use fewer);
                          the results are the same for every count
  --repeat N              run N times after the warm-up runs and print the
                          median and the minimum latency
  --warmup N              with --repeat: untimed runs before the timed ones
                          (0 to 1000; default 1)
  --timing-json FILE      write {"median_ms": ..., "min_ms": ..., "runs": N}
                          (with the mode, weights and threads) to FILE
  --report                print a per-kernel table keyed by the kernels'
                          ONNX node names. fast: the host time with the
                          cost model's modeled wafer time beside each (its
                          cycles at the target's clock), and the memory
                          plan. sim: simulated cycles beside the cost
                          model's prediction and their ratio, compute and
                          stall shares, the stalls and the busiest links
  --report-ops            with --report: also every host op's median time,
                          kind and location (in program order)
  --generate N            a decode binary (waferc --max-seq): greedy-decode
                          N tokens (1 to 1000000) after --prompt: prefill,
                          then N - 1 one-token steps with the KV cache kept
                          in place. Prints the tokens, the host's tokens per
                          second (the steps), the time to the first token
                          (the prefill) and the modeled wafer tokens per
                          second (the cost model's cycles per step at the
                          target's clock). --output-dir DIR writes
                          DIR/tokens.npy (int64 [batch, N]); --timing-json
                          writes {"tokens_per_s", "first_token_ms",
                          "modeled_tokens_per_s", ...}
  --prompt FILE.npy       with --generate: the prompt's token ids, int64 or
                          int32, [batch, length] or [length]
  --weights f32|bf16      store constant matmul and linear weights as f32
                          (default) or bf16 (accumulating in f32)
  --target NAME           refuse a binary compiled for another target
  --signature             print the inputs and outputs and exit
  -h, --help              print this and exit
)";

[[noreturn]] void die(const std::string &message) {
  std::fflush(stdout); // what was printed before the error comes before it
  std::fprintf(stderr, "wafer-run: error: %s\n", message.c_str());
  std::exit(1);
}

std::string shapeText(const std::vector<int64_t> &shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? "x" : "") + std::to_string(shape[i]);
  return s + "]";
}

std::string typeText(ElementType type, const std::vector<int64_t> &shape) {
  return std::string(elementTypeName(type)) + shapeText(shape);
}

/// The whole of `text` as an integer in [lo, hi].
bool parseInt(const std::string &text, long long lo, long long hi,
              long long &out) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0])))
    return false;
  errno = 0;
  char *end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (errno || *end || v < lo || v > hi)
    return false;
  out = v;
  return true;
}

bool parseDouble(const std::string &text, double &out) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0])))
    return false;
  errno = 0;
  char *end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (errno || *end || !std::isfinite(v))
    return false;
  out = v;
  return true;
}

/// The file name (without .npy) an output or reference of `name` uses.
std::string safeFileName(const std::string &name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    bool plain = std::isalnum(c) || c == '_' || c == '-' || (c == '.' && i);
    if (plain && c < 128) {
      out += char(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof(hex), "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

bool makeDirectories(const std::string &path, std::string &error) {
  std::string partial;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos)
      slash = path.size();
    partial = path.substr(0, slash);
    start = slash + 1;
    if (partial.empty())
      continue;
    struct stat st;
    if (::stat(partial.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) {
        error = "'" + partial + "' exists and is not a directory";
        return false;
      }
      continue;
    }
    if (::mkdir(partial.c_str(), 0777) != 0 && errno != EEXIST) {
      error = "cannot create '" + partial + "': " + std::strerror(errno);
      return false;
    }
  }
  return true;
}

std::string npyText(const NpyArray &a) {
  return std::string(npyTypeName(a.type)) + shapeText(a.shape);
}

/// The bytes of an input of `spec` from the .npy `array`, converted where
/// the runtime accepts another file type; false with `error` set.
bool inputBytes(const TensorSpec &spec, const NpyArray &array,
                const std::string &file, std::string &out,
                std::string &error) {
  auto mismatch = [&]() {
    error = "input '" + spec.name + "': '" + file + "' holds " +
            npyText(array) + "; the model takes " +
            typeText(spec.type, spec.shape);
    if (spec.type == ElementType::F16 || spec.type == ElementType::BF16)
      error += std::string(" (") + elementTypeName(spec.type) +
               " inputs also take float32 files" +
               (spec.type == ElementType::BF16 ? ", and uint16 bits)" : ")");
    return false;
  };
  if (array.shape != spec.shape)
    return mismatch();
  NpyType same;
  switch (spec.type) {
  case ElementType::F32:
    same = NpyType::F32;
    break;
  case ElementType::F16:
    same = NpyType::F16;
    break;
  case ElementType::BF16:
    same = NpyType::U16;
    break;
  case ElementType::F64:
    same = NpyType::F64;
    break;
  case ElementType::I64:
    same = NpyType::I64;
    break;
  case ElementType::I32:
    same = NpyType::I32;
    break;
  default:
    same = NpyType::Bool;
  }
  if (array.type == same) {
    out = array.data;
    return true;
  }
  if (array.type == NpyType::F32 &&
      (spec.type == ElementType::F16 || spec.type == ElementType::BF16)) {
    int64_t n = array.numElements();
    out.resize(size_t(n) * 2);
    for (int64_t i = 0; i < n; ++i) {
      float f;
      std::memcpy(&f, array.data.data() + i * 4, 4);
      uint16_t bits =
          spec.type == ElementType::F16 ? floatToHalf(f) : floatToBf16(f);
      std::memcpy(&out[size_t(i) * 2], &bits, 2);
    }
    return true;
  }
  return mismatch();
}

/// An output of `spec` as a .npy array (bf16 widened to float32).
NpyArray outputArray(const TensorSpec &spec, const std::string &bytes) {
  NpyArray a;
  a.shape = spec.shape;
  switch (spec.type) {
  case ElementType::F32:
    a.type = NpyType::F32;
    break;
  case ElementType::F16:
    a.type = NpyType::F16;
    break;
  case ElementType::F64:
    a.type = NpyType::F64;
    break;
  case ElementType::I64:
    a.type = NpyType::I64;
    break;
  case ElementType::I32:
    a.type = NpyType::I32;
    break;
  case ElementType::Bool:
    a.type = NpyType::Bool;
    break;
  case ElementType::BF16: {
    a.type = NpyType::F32;
    int64_t n = spec.numElements;
    a.data.resize(size_t(n) * 4);
    for (int64_t i = 0; i < n; ++i) {
      uint16_t bits;
      std::memcpy(&bits, bytes.data() + i * 2, 2);
      float f = bf16ToFloat(bits);
      std::memcpy(&a.data[size_t(i) * 4], &f, 4);
    }
    return a;
  }
  }
  a.data = bytes;
  return a;
}

/// Element i of a numeric .npy array as a double (bools 0/1).
double valueAt(const NpyArray &a, int64_t i) {
  const char *p = a.data.data();
  switch (a.type) {
  case NpyType::F32: {
    float f;
    std::memcpy(&f, p + i * 4, 4);
    return f;
  }
  case NpyType::F16: {
    uint16_t h;
    std::memcpy(&h, p + i * 2, 2);
    return halfToFloat(h);
  }
  case NpyType::F64: {
    double d;
    std::memcpy(&d, p + i * 8, 8);
    return d;
  }
  case NpyType::I64: {
    int64_t v;
    std::memcpy(&v, p + i * 8, 8);
    return double(v);
  }
  case NpyType::I32: {
    int32_t v;
    std::memcpy(&v, p + i * 4, 4);
    return v;
  }
  case NpyType::Bool:
    return p[i] ? 1.0 : 0.0;
  case NpyType::U16: {
    uint16_t v;
    std::memcpy(&v, p + i * 2, 2);
    return v;
  }
  }
  return 0;
}

int64_t intAt(const NpyArray &a, int64_t i) {
  const char *p = a.data.data();
  if (a.type == NpyType::I64) {
    int64_t v;
    std::memcpy(&v, p + i * 8, 8);
    return v;
  }
  if (a.type == NpyType::I32) {
    int32_t v;
    std::memcpy(&v, p + i * 4, 4);
    return v;
  }
  return p[i] ? 1 : 0;
}

bool isFloatNpy(NpyType t) {
  return t == NpyType::F32 || t == NpyType::F16 || t == NpyType::F64;
}

/// How an output compared with its reference.
enum class Verdict { Ok, Differs, BadReference };

/// Compares an output with its reference and prints one line. A reference
/// that cannot be read or does not fit the output is no comparison at all:
/// BadReference, which main reports apart from outputs beyond tolerance.
Verdict check(const TensorSpec &spec, const NpyArray &got,
              const std::string &file, double rtol) {
  NpyArray ref;
  std::string error;
  std::printf("check '%s': ", spec.name.c_str());
  if (!readNpy(file, ref, error)) {
    std::printf("FAILED: %s\n", error.c_str());
    return Verdict::BadReference;
  }
  if (ref.shape != spec.shape) {
    std::printf("FAILED: the reference '%s' is %s, the output %s\n",
                file.c_str(), npyText(ref).c_str(),
                typeText(spec.type, spec.shape).c_str());
    return Verdict::BadReference;
  }
  int64_t n = spec.numElements;
  bool floating = spec.type == ElementType::F32 ||
                  spec.type == ElementType::F16 ||
                  spec.type == ElementType::BF16 ||
                  spec.type == ElementType::F64;
  if (floating) {
    if (!isFloatNpy(ref.type)) {
      std::printf("FAILED: the reference '%s' is %s, not a float array\n",
                  file.c_str(), npyText(ref).c_str());
      return Verdict::BadReference;
    }
    double maxAbs = 0, scale = 0;
    int64_t worst = -1, nanMismatch = 0;
    for (int64_t i = 0; i < n; ++i) {
      double a = valueAt(got, i), r = valueAt(ref, i);
      if (std::isnan(a) || std::isnan(r)) {
        if (std::isnan(a) != std::isnan(r))
          ++nanMismatch;
        continue;
      }
      if (std::isinf(a) || std::isinf(r)) {
        if (a != r)
          ++nanMismatch;
        continue;
      }
      scale = std::max(scale, std::fabs(r));
      double d = std::fabs(a - r);
      if (d > maxAbs || worst < 0) {
        if (d > maxAbs)
          worst = i;
        maxAbs = std::max(maxAbs, d);
      }
    }
    double rel = scale > 0 ? maxAbs / scale
                           : (maxAbs > 0
                                  ? std::numeric_limits<double>::infinity()
                                  : 0.0);
    bool ok = rel <= rtol && nanMismatch == 0;
    std::printf("max abs error %.3g, max rel error %.3g (of max |ref| %.3g; "
                "rtol %.3g)",
                maxAbs, rel, scale, rtol);
    if (nanMismatch)
      std::printf(", %lld non-finite values differ", (long long)nanMismatch);
    if (!ok && worst >= 0)
      std::printf(", worst at element %lld: %.9g vs %.9g", (long long)worst,
                  valueAt(got, worst), valueAt(ref, worst));
    std::printf(": %s\n", ok ? "ok" : "FAILED");
    return ok ? Verdict::Ok : Verdict::Differs;
  }
  bool refOk = spec.type == ElementType::Bool
                   ? ref.type == NpyType::Bool
                   : (ref.type == NpyType::I64 || ref.type == NpyType::I32);
  if (!refOk) {
    std::printf("FAILED: the reference '%s' is %s; a %s output compares "
                "with %s arrays\n",
                file.c_str(), npyText(ref).c_str(), elementTypeName(spec.type),
                spec.type == ElementType::Bool ? "bool" : "integer");
    return Verdict::BadReference;
  }
  int64_t differ = 0, first = -1;
  for (int64_t i = 0; i < n; ++i)
    if (intAt(got, i) != intAt(ref, i)) {
      if (first < 0)
        first = i;
      ++differ;
    }
  if (differ) {
    std::printf("%lld of %lld elements differ (exact comparison), the first "
                "at element %lld: %lld vs %lld: FAILED\n",
                (long long)differ, (long long)n, (long long)first,
                (long long)intAt(got, first), (long long)intAt(ref, first));
    return Verdict::Differs;
  }
  std::printf("all %lld elements equal (exact comparison): ok\n", (long long)n);
  return Verdict::Ok;
}

double median(std::vector<double> v) {
  if (v.empty())
    return 0;
  std::sort(v.begin(), v.end());
  size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

std::string bytesText(int64_t b) {
  char text[32];
  if (b >= (int64_t(1) << 30))
    std::snprintf(text, sizeof text, "%.2f GiB", double(b) / (1 << 30));
  else if (b >= (1 << 20))
    std::snprintf(text, sizeof text, "%.2f MiB", double(b) / (1 << 20));
  else if (b >= (1 << 10))
    std::snprintf(text, sizeof text, "%.2f KiB", double(b) / (1 << 10));
  else
    std::snprintf(text, sizeof text, "%lld B", (long long)b);
  return text;
}

void printReport(const Runtime &rt,
                 const std::vector<std::vector<double>> &perRun, bool perOp) {
  // The program a plain run runs: a decode binary's step, not its prefills.
  const std::vector<HostOpSpec> ops(
      rt.hostOps().begin(), rt.hostOps().begin() + rt.entries().front().endOp);
  const auto &kernels = rt.kernels();
  size_t runs = perRun.size();
  // Per row (a kernel, or a host op outside any kernel): the median over
  // runs of the seconds its ops took.
  struct Row {
    std::string name, scheme;
    int index; // kernel index, or -1
    int ops = 0;
    double seconds = 0;
    double cycles = -1;
  };
  std::vector<Row> rows;
  std::vector<int> rowOf(ops.size(), -1);
  std::vector<int> kernelRow(kernels.size(), -1);
  for (size_t i = 0; i < ops.size(); ++i) {
    int k = ops[i].kernel;
    if (k >= 0 && size_t(k) < kernels.size()) {
      if (kernelRow[k] < 0) {
        kernelRow[k] = int(rows.size());
        rows.push_back({kernels[k].name, kernels[k].scheme, k, 0, 0,
                        double(kernels[k].cycles)});
      }
      rowOf[i] = kernelRow[k];
    } else {
      rowOf[i] = int(rows.size());
      rows.push_back({ops[i].location.empty() ? "(" + ops[i].kind + ")"
                                              : ops[i].location,
                      "host", -1, 0, 0, -1});
    }
    rows[rowOf[i]].ops++;
  }
  std::vector<double> total(runs, 0.0);
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<double> t(runs, 0.0);
    for (size_t i = 0; i < ops.size(); ++i)
      if (rowOf[i] == int(r))
        for (size_t k = 0; k < runs; ++k)
          t[k] += perRun[k][i];
    rows[r].seconds = median(t);
    for (size_t k = 0; k < runs; ++k)
      total[k] += t[k];
  }
  double totalSeconds = median(total);
  double clock = rt.clockHz();
  size_t width = 24;
  for (const Row &r : rows)
    width = std::max(width, std::min<size_t>(r.name.size(), 64));
  std::printf("per-kernel time: host (fast mode, weights %s, %d threads, "
              "median of %zu runs) beside the modeled wafer time (%s at %.0f "
              "MHz)\n",
              weightStorageName(rt.options().weights), rt.threads(), runs,
              rt.targetName().c_str(), clock / 1e6);
  std::printf("  %4s  %-*s  %-10s  %3s  %10s  %6s  %12s\n", "#", int(width),
              "kernel (ONNX node)", "scheme", "ops", "host ms", "share",
              "wafer us");
  double modeledSum = 0;
  for (const Row &r : rows) {
    std::string index = r.index >= 0 ? std::to_string(r.index) : "-";
    char wafer[32] = "-";
    if (r.cycles >= 0 && clock > 0) {
      std::snprintf(wafer, sizeof wafer, "%.3f", r.cycles / clock * 1e6);
      modeledSum += r.cycles;
    }
    std::printf("  %4s  %-*s  %-10s  %3d  %10.4f  %5.1f%%  %12s\n",
                index.c_str(), int(width), r.name.c_str(), r.scheme.c_str(),
                r.ops, r.seconds * 1e3,
                totalSeconds > 0 ? 100.0 * r.seconds / totalSeconds : 0.0,
                wafer);
  }
  std::printf("  %4s  %-*s  %-10s  %3zu  %10.4f  %5.1f%%  %12.3f\n", "", int(width),
              "total", "", ops.size(), totalSeconds * 1e3, 100.0,
              clock > 0 ? modeledSum / clock * 1e6 : 0.0);
  if (clock > 0)
    std::printf("modeled wafer step (single stream, the cost model's "
                "latency): %.0f cycles = %.3f us\n",
                rt.modeledStepCycles(), rt.modeledStepCycles() / clock * 1e6);
  if (perOp) {
    std::printf("per-op time (median of %zu runs):\n", runs);
    for (size_t i = 0; i < ops.size(); ++i) {
      std::vector<double> t(runs);
      for (size_t k = 0; k < runs; ++k)
        t[k] = perRun[k][i];
      std::printf("  %5zu  %10.4f ms  %-16s %s\n", i, median(t) * 1e3,
                  ops[i].kind.c_str(), ops[i].location.c_str());
    }
  }
  const MemorySummary &m = rt.memory();
  std::printf("memory plan: arena %s for %d buffers (%s unshared), %d views, "
              "%d computed in place; constants: %d read in place, %d copied "
              "(%s); %d weights packed (%s, %s)\n",
              bytesText(m.arenaBytes).c_str(), m.buffers,
              bytesText(m.unsharedBytes).c_str(), m.views, m.inPlace,
              m.constantsInPlace, m.constantsCopied,
              bytesText(m.constantCopyBytes).c_str(), m.packedWeights,
              bytesText(m.packedWeightBytes).c_str(),
              weightStorageName(rt.options().weights));
}


} // namespace

// OpenMP's threads (left to the decode attention kernel; the rest runs on
// the kernels' pool, Parallel.h) wait passively (sleep) between parallel
// regions unless OMP_WAIT_POLICY or GOMP_SPINCOUNT says otherwise. A spinning team is a
// little faster on an idle machine, but where other processes compete for
// the cores (a shared build machine) every region ends waiting for a
// descheduled spinner: bert-base at seq 128 on 2 loaded cores took 490 to
// 1900 ms spinning and 260 to 280 ms passive. libgomp reads the variable in
// its own initializer, before main and before this executable's
// constructors; .preinit_array functions run before every initializer.
static void defaultWaitPolicy(int, char **, char **) {
  if (!std::getenv("OMP_WAIT_POLICY") && !std::getenv("GOMP_SPINCOUNT"))
    setenv("OMP_WAIT_POLICY", "passive", 0);
}
__attribute__((section(".preinit_array"), used)) static void (
    *const preinitWaitPolicy)(int, char **, char **) = defaultWaitPolicy;

namespace {

/// The --input arguments against the model's inputs: each input's bytes,
/// in signature order. Dies on an unknown, repeated, missing or invalid one.
std::vector<std::string> readInputs(const std::vector<TensorSpec> &specs,
                                    const std::vector<std::string> &inputArgs) {
  std::string error;
  std::vector<std::string> inputData(specs.size());
  std::vector<bool> given(specs.size(), false);
  auto knownInputs = [&]() {
    std::string list;
    for (const TensorSpec &s : specs)
      list += (list.empty() ? "'" : ", '") + s.name + "'";
    return list.empty() ? std::string("none") : list;
  };
  for (const std::string &arg : inputArgs) {
    // The name is the longest prefix before a '=' that names an input
    // (names may hold '=' themselves).
    int index = -1;
    size_t split = std::string::npos;
    for (size_t eq = arg.find('='); eq != std::string::npos;
         eq = arg.find('=', eq + 1)) {
      int found = findSpec(specs, arg.substr(0, eq));
      if (found >= 0) {
        index = found;
        split = eq;
      }
    }
    if (arg.find('=') == std::string::npos)
      die("--input '" + arg + "' is not NAME=FILE.npy");
    if (index < 0)
      die("unknown input '" + arg.substr(0, arg.find('=')) +
          "'; the model's inputs are " + knownInputs());
    if (given[index])
      die("input '" + specs[index].name + "' is given twice");
    std::string file = arg.substr(split + 1);
    if (file.empty())
      die("input '" + specs[index].name + "' has no file");
    NpyArray array;
    if (!readNpy(file, array, error))
      die("input '" + specs[index].name + "': " + error);
    if (!inputBytes(specs[index], array, file, inputData[index], error))
      die(error);
    given[index] = true;
  }
  std::string missing;
  for (size_t i = 0; i < specs.size(); ++i)
    if (!given[i])
      missing += (missing.empty() ? "'" : ", '") + specs[i].name + "' " +
                 typeText(specs[i].type, specs[i].shape);
  if (!missing.empty())
    die("missing inputs: " + missing + " (give each as --input NAME=FILE.npy)");
  return inputData;
}

/// Where the results go and what they are checked against, before any run:
/// a typo there should not cost a long run first.
void prepareOutputs(const std::string &checkDir, const std::string &outputDir) {
  std::string error;
  if (!checkDir.empty()) {
    struct stat st;
    if (::stat(checkDir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
      die("--check: '" + checkDir + "' is not a directory of reference .npy "
          "files");
  }
  if (!outputDir.empty() && !makeDirectories(outputDir, error))
    die("--output-dir: " + error);
}

struct CheckCounts {
  int differ = 0, badReferences = 0;
};

/// Writes every output to --output-dir and compares it with --check's
/// references, printing each comparison.
CheckCounts finishOutputs(const std::vector<TensorSpec> &outSpecs,
                          const std::vector<std::string> &outputData,
                          const std::string &outputDir,
                          const std::string &checkDir, double rtol) {
  std::string error;
  if (!outputDir.empty()) {
    for (size_t i = 0; i < outSpecs.size(); ++i) {
      std::string path =
          outputDir + "/" + safeFileName(outSpecs[i].name) + ".npy";
      if (!writeNpy(path, outputArray(outSpecs[i], outputData[i]), error))
        die("output '" + outSpecs[i].name + "': " + error);
    }
  }
  CheckCounts counts;
  if (!checkDir.empty())
    for (size_t i = 0; i < outSpecs.size(); ++i) {
      Verdict v = check(outSpecs[i], outputArray(outSpecs[i], outputData[i]),
                        checkDir + "/" + safeFileName(outSpecs[i].name) +
                            ".npy",
                        rtol);
      counts.differ += v == Verdict::Differs;
      counts.badReferences += v == Verdict::BadReference;
    }
  return counts;
}

/// What --check found, as the exit code: 1 when an output differs or has
/// no usable reference.
int checkVerdict(const CheckCounts &counts, size_t outputs,
                 const std::string &checkDir) {
  std::fflush(stdout); // the comparisons come before the verdict
  if (counts.badReferences)
    std::fprintf(stderr, "wafer-run: error: %d of %zu outputs have no usable "
                         "reference in '%s' (see above)\n",
                 counts.badReferences, outputs, checkDir.c_str());
  if (counts.differ)
    std::fprintf(stderr, "wafer-run: error: %d of %zu outputs differ from the "
                         "references in '%s' beyond tolerance\n",
                 counts.differ, outputs, checkDir.c_str());
  return counts.differ || counts.badReferences ? 1 : 0;
}

} // namespace

/// --mode=sim: every slot of the binary's pe design in the fabric
/// simulator, in slot order. Exit 1 on a deadlock, the cycle limit or an
/// error, with what is stuck.
struct SimRequest {
  long long cycleLimit = 100000000, queueDepth = 4;
  int threads = 1;
  std::vector<std::string> inputArgs;
  std::string outputDir, checkDir;
  double rtol = 1e-4;
  bool report = false;
  std::string reportJson, plot;
};

/// A tensor's bytes (f32, f16 or bf16) as f32 values, and back, rounding
/// to nearest even: the simulator's host I/O moves f32.
static std::vector<float> toFloats(ElementType type, const std::string &bytes,
                                   int64_t elements) {
  std::vector<float> out(size_t(elements), 0.0f);
  for (size_t i = 0; i < out.size(); ++i) {
    if (type == ElementType::F16 || type == ElementType::BF16) {
      uint16_t h;
      std::memcpy(&h, bytes.data() + 2 * i, 2);
      out[i] = type == ElementType::F16 ? halfToFloat(h) : bf16ToFloat(h);
    } else {
      std::memcpy(&out[i], bytes.data() + 4 * i, 4);
    }
  }
  return out;
}

static std::string fromFloats(ElementType type,
                              const std::vector<float> &values) {
  const bool half = type == ElementType::F16 || type == ElementType::BF16;
  std::string out(values.size() * (half ? 2 : 4), '\0');
  for (size_t i = 0; i < values.size(); ++i) {
    if (half) {
      const uint16_t h = type == ElementType::F16 ? floatToHalf(values[i])
                                                  : floatToBf16(values[i]);
      std::memcpy(out.data() + 2 * i, &h, 2);
    } else {
      std::memcpy(out.data() + 4 * i, &values[i], 4);
    }
  }
  return out;
}

static int runSim(const std::string &model, const std::string &target,
                  const SimRequest &request) {
  wafer::wfb::OpenOptions open;
  open.expectTarget = target;
  std::string error;
  auto binary = wafer::wfb::BinaryFile::open(model, error, open);
  if (!binary)
    die(error);
  const wafer::wfb::PeDesign *design = binary->peDesign();
  if (!design)
    die("'" + model +
        "' has no pe-design section: compile it with its per-PE programs "
        "to simulate it");
  // Host I/O: with pe.input / pe.output in the design, the inputs, outputs
  // and checks of fast mode; without, the programs run on zeroed SRAM.
  const bool hostIo = wafer::sim::hasHostIo(*design);
  if (!hostIo && (!request.inputArgs.empty() || !request.outputDir.empty() ||
                  !request.checkDir.empty()))
    die("the pe design of '" + model +
        "' has no host I/O (pe.input, pe.output): --mode=sim runs its "
        "programs on zeroed SRAM and takes no --input, --check or "
        "--output-dir");
  std::vector<TensorSpec> inSpecs, outSpecs;
  std::vector<std::string> outputData;
  // The simulator moves f32 values; 16-bit floats are widened on the way in
  // and rounded on the way out (the loader checks that host I/O binds
  // floating-point tensors only). A value no slot writes stays zero.
  std::vector<std::vector<float>> inputValues, outputValues;
  std::vector<const float *> inputs;
  std::vector<float *> outputs;
  if (hostIo) {
    if (!signatureSpecs(*binary, inSpecs, outSpecs, error))
      die(error);
    const std::vector<std::string> inputData =
        readInputs(inSpecs, request.inputArgs);
    prepareOutputs(request.checkDir, request.outputDir);
    for (size_t i = 0; i < inSpecs.size(); ++i)
      inputValues.push_back(
          toFloats(inSpecs[i].type, inputData[i], inSpecs[i].numElements));
    for (const auto &v : inputValues)
      inputs.push_back(v.data());
    for (const TensorSpec &spec : outSpecs) {
      outputValues.emplace_back(size_t(spec.numElements), 0.0f);
      outputs.push_back(outputValues.back().data());
    }
  }

  wafer::sim::DesignRun run;
  auto printSlot = [](const wafer::sim::SlotRun &slotRun) {
    const wafer::sim::SimResult &r = slotRun.result;
    std::printf("slot %lld: finished in %lld cycles (%lld wavelet hops, "
                "%lld vector elements; %lld PEs, %.3g simulated PE-cycles/s "
                "on %d thread%s)\n",
                static_cast<long long>(slotRun.slot),
                static_cast<long long>(r.cycles),
                static_cast<long long>(r.hops),
                static_cast<long long>(r.elements),
                static_cast<long long>(r.pes),
                slotRun.seconds > 0
                    ? double(r.cycles) * double(r.pes) / slotRun.seconds
                    : 0.0,
                r.threads, r.threads == 1 ? "" : "s");
  };
  if (!wafer::sim::simulateDesign(
          *binary, inputs, outputs,
          {request.cycleLimit, request.queueDepth, request.threads}, run,
          error, printSlot))
    die(error);
  if (!run.finished()) {
    const wafer::sim::SlotRun &stuck = run.slots.back();
    using Status = wafer::sim::SimResult::Status;
    const Status status = stuck.result.status;
    std::fprintf(stderr, "wafer-run: error: slot %lld: %s after %lld cycles\n",
                 static_cast<long long>(stuck.slot),
                 status == Status::Deadlock     ? "deadlock"
                 : status == Status::CycleLimit ? "cycle limit reached"
                                                : "cannot simulate",
                 static_cast<long long>(stuck.result.cycles));
    for (const std::string &line : stuck.result.report)
      std::fprintf(stderr, "  %s\n", line.c_str());
    return 1;
  }
  const int64_t total = run.totalCycles;
  std::vector<wafer::sim::SlotRun> runs = std::move(run.slots);
  const auto &t = binary->manifest().target();
  std::printf("total: %lld cycles = %.3f us at %lld MHz (%s)\n",
              static_cast<long long>(total),
              double(total) / (double(t.clock_khz()) / 1e3),
              static_cast<long long>(t.clock_khz() / 1000), t.name().c_str());
  if (request.report || !request.reportJson.empty() || !request.plot.empty()) {
    const wafer::sim::SimReport report =
        wafer::sim::buildReport(*binary, std::move(runs));
    if (request.report)
      wafer::sim::printReport(report, stdout);
    if (!request.reportJson.empty() &&
        !wafer::writeFileBytes(request.reportJson,
                               wafer::sim::reportJson(report), error))
      die(error);
    if (!request.plot.empty() &&
        !wafer::sim::plotReport(report, request.plot, error))
      die(error);
  }
  if (!hostIo)
    return 0;
  for (size_t i = 0; i < outSpecs.size(); ++i)
    outputData.push_back(fromFloats(outSpecs[i].type, outputValues[i]));
  const CheckCounts checked = finishOutputs(outSpecs, outputData,
                                            request.outputDir,
                                            request.checkDir, request.rtol);
  return checkVerdict(checked, outSpecs.size(), request.checkDir);
}

/// --generate: the decode loop of wafer/Runtime/Generate.h on `rt`.
static int runGenerate(Runtime &rt, long long newTokens,
                       const std::string &promptFile,
                       const std::string &outputDir,
                       const std::string &timingJson,
                       const RuntimeOptions &options) {
  NpyArray prompt;
  std::string error;
  if (!readNpy(promptFile, prompt, error))
    die("--prompt " + promptFile + ": " + error);
  if (prompt.type != NpyType::I64 && prompt.type != NpyType::I32)
    die("--prompt " + promptFile + " holds " + npyTypeName(prompt.type) +
        "; token ids are int64 or int32");
  if (prompt.shape.size() == 1)
    prompt.shape.insert(prompt.shape.begin(), 1);
  if (prompt.shape.size() != 2 || prompt.shape[0] < 1 || prompt.shape[1] < 1)
    die("--prompt " + promptFile + " must be [batch, length] or [length] "
        "with at least one token, not [" + shapeText(prompt.shape) + "]");
  std::vector<int64_t> ids(size_t(prompt.numElements()));
  for (size_t i = 0; i < ids.size(); ++i)
    ids[i] = intAt(prompt, int64_t(i));
  if (!outputDir.empty())
    prepareOutputs("", outputDir);
  GenerateResult result;
  if (!generate(rt, ids, prompt.shape[0], prompt.shape[1], newTokens, result,
                error))
    die(error);
  for (int64_t b = 0; b < result.batch; ++b) {
    std::printf("tokens%s:", result.batch > 1
                                 ? (" [" + std::to_string(b) + "]").c_str()
                                 : "");
    for (long long t = 0; t < newTokens; ++t)
      std::printf(" %lld",
                  (long long)result.tokens[size_t(b * newTokens + t)]);
    std::printf("\n");
  }
  double modeled = modeledTokensPerSecond(rt);
  std::printf("generated %lld tokens after a prompt of %lld (prefill of %lld "
              "positions): first token %.3f ms, %.1f tokens/s on the host "
              "(fast mode, weights %s, %d threads); modeled wafer %.0f "
              "tokens/s (%s)\n",
              newTokens, (long long)prompt.shape[1],
              (long long)result.prefillTokens,
              result.firstTokenSeconds * 1e3, result.tokensPerSecond(),
              weightStorageName(options.weights), rt.threads(), modeled,
              rt.targetName().c_str());
  if (!outputDir.empty()) {
    NpyArray tokens;
    tokens.type = NpyType::I64;
    tokens.shape = {result.batch, newTokens};
    tokens.data.assign(reinterpret_cast<const char *>(result.tokens.data()),
                       result.tokens.size() * sizeof(int64_t));
    std::string path = outputDir + "/tokens.npy";
    if (!writeNpy(path, tokens, error))
      die(error);
  }
  if (!timingJson.empty()) {
    std::ofstream f(timingJson);
    f << "{\"tokens_per_s\": " << result.tokensPerSecond()
      << ", \"first_token_ms\": " << result.firstTokenSeconds * 1e3
      << ", \"modeled_tokens_per_s\": " << modeled
      << ", \"new_tokens\": " << newTokens
      << ", \"prompt_tokens\": " << prompt.shape[1]
      << ", \"batch\": " << result.batch
      << ", \"packed_weight_bytes\": " << rt.memory().packedWeightBytes
      << ", \"mode\": \"fast\", \"weights\": "
      << wafer::jsonString(weightStorageName(options.weights))
      << ", \"threads\": " << rt.threads() << "}\n";
    f.close();
    if (!f)
      die("cannot write '" + timingJson + "'");
  }
  return 0;
}

static int runMain(int argc, char **argv) {
  std::string model, mode = "fast", outputDir, checkDir, timingJson, target;
  std::string promptFile;
  long long generateTokens = 0;
  std::vector<std::string> inputArgs;
  double rtol = 1e-4;
  long long threads = 0, repeat = 0, warmup = 1;
  SimRequest sim;
  bool report = false, reportOps = false, signature = false, haveRepeat = false;
  RuntimeOptions options;

  std::vector<std::string> args(argv + 1, argv + argc);
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      if (!model.empty())
        die("more than one binary: '" + model + "' and '" + arg +
            "' (see --help)");
      model = arg;
      continue;
    }
    std::string name = arg, value;
    bool inlineValue = false;
    size_t eq = arg.find('=');
    if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      inlineValue = true;
    }
    auto takesValue = [&](const char *what) {
      if (inlineValue)
        return;
      if (i + 1 >= args.size())
        die(name + " needs " + what);
      value = args[++i];
    };
    if (name == "--mode") {
      takesValue("a mode (fast or sim)");
      mode = value;
    } else if (name == "--cycle-limit") {
      takesValue("a cycle count");
      if (!parseInt(value, 1, 1000000000000LL, sim.cycleLimit))
        die("--cycle-limit must be an integer from 1 to 10^12, not '" + value +
            "'");
    } else if (name == "--queue-depth") {
      takesValue("a wavelet count");
      if (!parseInt(value, 1, 1024, sim.queueDepth))
        die("--queue-depth must be an integer from 1 to 1024, not '" + value +
            "'");
    } else if (name == "--input") {
      takesValue("NAME=FILE.npy");
      inputArgs.push_back(value);
    } else if (name == "--output-dir") {
      takesValue("a directory");
      outputDir = value;
    } else if (name == "--check") {
      takesValue("a directory of reference .npy files");
      checkDir = value;
    } else if (name == "--rtol") {
      takesValue("a tolerance");
      if (!parseDouble(value, rtol) || rtol < 0)
        die("--rtol must be a finite number >= 0, not '" + value + "'");
    } else if (name == "--threads") {
      takesValue("a thread count");
      if (!parseInt(value, 1, 1024, threads))
        die("--threads must be an integer from 1 to 1024, not '" + value +
            "'");
    } else if (name == "--repeat") {
      takesValue("a run count");
      if (!parseInt(value, 1, 1000000, repeat))
        die("--repeat must be an integer from 1 to 1000000, not '" + value +
            "'");
      haveRepeat = true;
    } else if (name == "--warmup") {
      takesValue("a run count");
      if (!parseInt(value, 0, 1000, warmup))
        die("--warmup must be an integer from 0 to 1000, not '" + value +
            "'");
    } else if (name == "--timing-json") {
      takesValue("a file");
      timingJson = value;
    } else if (name == "--generate") {
      takesValue("a token count");
      if (!parseInt(value, 1, 1000000, generateTokens))
        die("--generate must be an integer from 1 to 1000000, not '" + value +
            "'");
    } else if (name == "--prompt") {
      takesValue("a .npy file of token ids");
      promptFile = value;
    } else if (name == "--weights") {
      takesValue("f32 or bf16");
      if (value == "f32")
        options.weights = WeightStorage::F32;
      else if (value == "bf16")
        options.weights = WeightStorage::BF16;
      else
        die("--weights must be f32 or bf16, not '" + value + "'");
    } else if (name == "--target") {
      takesValue("a target name");
      if (value.empty())
        die("--target needs a target name");
      target = value;
    } else if (name == "--report-json") {
      takesValue("a file");
      sim.reportJson = value;
    } else if (name == "--plot") {
      takesValue("a file (.svg or .png)");
      wafer::CanvasFormat format;
      std::string why;
      if (!wafer::canvasFormatOf(value, format, why))
        die("--plot: " + why);
      sim.plot = value;
    } else if (name == "--report" && !inlineValue) {
      report = true;
    } else if (name == "--report-ops" && !inlineValue) {
      report = reportOps = true;
    } else if (name == "--signature" && !inlineValue) {
      signature = true;
    } else {
      die("unknown option '" + arg + "' (see --help)");
    }
  }
  if (mode != "fast" && mode != "sim")
    die("unknown mode '" + mode + "'; the modes are fast and sim");
  if (model.empty())
    die("no binary given (wafer-run MODEL.wfb ...; see --help)");
  if (generateTokens > 0 || !promptFile.empty()) {
    if (generateTokens == 0 || promptFile.empty())
      die(generateTokens ? "--generate needs --prompt FILE.npy"
                         : "--prompt goes with --generate N");
    if (!inputArgs.empty() || !checkDir.empty() || haveRepeat)
      die("--generate feeds the model itself: it takes no --input, --check "
          "or --repeat");
    if (mode == "sim")
      die("--generate --mode=sim needs per-PE programs for every kernel of "
          "the step, and pe-lower does not lower attention yet: generate "
          "with --mode=fast");
  }
  if (mode == "sim") {
    sim.inputArgs = inputArgs;
    sim.outputDir = outputDir;
    sim.checkDir = checkDir;
    sim.rtol = rtol;
    sim.report = report;
    sim.threads = threads > 0 ? int(threads)
                              : int(std::max(1u, std::thread::hardware_concurrency()));
    return runSim(model, target, sim);
  }
  if (!sim.reportJson.empty() || !sim.plot.empty())
    die(std::string(sim.plot.empty() ? "--report-json" : "--plot") +
        " describes a simulated run: it is a --mode=sim option");

  options.threads = int(threads);
  options.expectTarget = target;
  options.profile = report;
  std::string error;
  std::unique_ptr<Runtime> rt = Runtime::load(model, options, error);
  if (!rt)
    die(error);

  if (generateTokens > 0)
    return runGenerate(*rt, generateTokens, promptFile, outputDir, timingJson,
                       rt->options());

  if (signature) {
    for (const TensorSpec &s : rt->inputs())
      std::printf("input  '%s' %s\n", s.name.c_str(),
                  typeText(s.type, s.shape).c_str());
    for (const TensorSpec &s : rt->outputs())
      std::printf("output '%s' %s -> %s.npy\n", s.name.c_str(),
                  typeText(s.type, s.shape).c_str(),
                  safeFileName(s.name).c_str());
    if (const DecodeSpec *d = rt->decode()) {
      std::printf("decode binary (--generate): %d KV caches of %lld "
                  "positions (%s); the signature above is the one-token "
                  "step's\n",
                  d->caches, (long long)d->capacity,
                  bytesText(d->cacheBytes).c_str());
      for (size_t e = 1; e < rt->entries().size(); ++e) {
        const EntrySpec &entry = rt->entries()[e];
        std::printf("%s of %lld positions:", entry.name.c_str(),
                    (long long)entry.tokens);
        for (const TensorSpec &s : entry.inputs)
          std::printf(" '%s' %s", s.name.c_str(),
                      typeText(s.type, s.shape).c_str());
        std::printf("\n");
      }
    }
    return 0;
  }

  // --- Inputs, by name.
  const std::vector<std::string> inputData = readInputs(rt->inputs(), inputArgs);

  prepareOutputs(checkDir, outputDir);

  // --- Run.
  const auto &outSpecs = rt->outputs();
  std::vector<std::string> outputData(outSpecs.size());
  std::vector<const void *> in;
  std::vector<void *> out;
  for (const std::string &d : inputData)
    in.push_back(d.data());
  for (size_t i = 0; i < outSpecs.size(); ++i) {
    outputData[i].resize(size_t(outSpecs[i].numBytes));
    out.push_back(outputData[i].data());
  }
  using Clock = std::chrono::steady_clock;
  std::vector<double> latencies;
  std::vector<std::vector<double>> perOp;
  long long runs = haveRepeat ? repeat : 1;
  long long warmups = haveRepeat ? warmup : 0; // --warmup goes with --repeat
  for (long long w = 0; w < warmups; ++w)
    if (!rt->run(in, out, error))
      die(error);
  for (long long r = 0; r < runs; ++r) {
    auto start = Clock::now();
    if (!rt->run(in, out, error))
      die(error);
    latencies.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - start)
            .count());
    if (report)
      perOp.push_back(rt->opSeconds());
  }
  double medianMs = median(latencies);
  double minMs = *std::min_element(latencies.begin(), latencies.end());

  const CheckCounts checked =
      finishOutputs(outSpecs, outputData, outputDir, checkDir, rtol);
  if (haveRepeat)
    std::printf("latency: median %.4f ms, min %.4f ms over %lld runs "
                "(fast mode, weights %s, %d threads)\n",
                medianMs, minMs, runs, weightStorageName(options.weights),
                rt->threads());
  if (report)
    printReport(*rt, perOp, reportOps);
  if (!timingJson.empty()) {
    std::ofstream f(timingJson);
    f << "{\"median_ms\": " << medianMs << ", \"min_ms\": " << minMs
      << ", \"runs\": " << runs << ", \"warmup\": " << warmups
      << ", \"mode\": \"fast\", \"weights\": "
      << wafer::jsonString(weightStorageName(options.weights))
      << ", \"threads\": " << rt->threads() << "}\n";
    f.close();
    if (!f)
      die("cannot write '" + timingJson + "'");
  }
  return checkVerdict(checked, outSpecs.size(), checkDir);
}

int main(int argc, char **argv) {
  // A binary whose tensors are too large for this machine (the reader
  // bounds element counts, not memory) fails an allocation: that is an
  // error like any other, not an abort.
  try {
    return runMain(argc, argv);
  } catch (const std::bad_alloc &) {
    die("out of memory (the model's tensors or weights do not fit this "
        "machine)");
  } catch (const std::exception &e) {
    die(std::string("internal error: ") + e.what());
  }
}
