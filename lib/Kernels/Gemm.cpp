// The BLIS-style GEMM driver: cache blocking over K (kc) and M (mc), A packed
// per block into row panels, B pre-packed in the handle, the register-blocked
// microkernel of the handle's dispatch path on every mr x nr tile, and the
// bias/activation epilogue applied to each tile while it is still in L1.
#include "wafer/Kernels/Gemm.h"
#include "wafer/Kernels/Gemv.h"

#include "GemmPacking.h"
#include "KernelTable.h"
#include "PackedWeightsData.h"
#include "wafer/Kernels/Parallel.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace wafer::kernels {

using detail::ceilDiv;

const char *elementTypeName(ElementType type) {
  return type == ElementType::F32 ? "f32" : "bf16";
}

PackedWeights::PackedWeights() = default;
PackedWeights::~PackedWeights() = default;
PackedWeights::PackedWeights(PackedWeights &&) noexcept = default;
PackedWeights &PackedWeights::operator=(PackedWeights &&) noexcept = default;

namespace {

void checkPackArguments(const void *weights, size_t K, size_t N) {
  if (!weights)
    throw std::invalid_argument("PackedWeights::pack: null weights");
  if (K == 0 || N == 0)
    throw std::invalid_argument("PackedWeights::pack: K and N must be >= 1 (got K=" +
                                std::to_string(K) + ", N=" + std::to_string(N) +
                                ")");
}

// Sets `data` up for K x N weights of `type` on the active path; the panel
// buffer only grows.
void shapeData(PackedWeights::Data *data, ElementType type, size_t K,
               size_t N) {
  data->type = type;
  data->isa = activeIsa();
  data->K = K;
  data->N = N;
  const detail::Microkernel &mk = type == ElementType::F32
                                      ? detail::gemmMicrokernelF32(data->isa)
                                      : detail::gemmMicrokernelBf16(data->isa);
  data->nr = mk.nr;
  data->kSteps = type == ElementType::F32 ? K : ceilDiv(K, 2);
  data->panelCount = ceilDiv(N, data->nr);
  data->panels.resize(data->panelCount * data->kSteps * data->nr);
}

std::unique_ptr<PackedWeights::Data> makeData(ElementType type, size_t K,
                                              size_t N) {
  auto data = std::make_unique<PackedWeights::Data>();
  shapeData(data.get(), type, K, N);
  return data;
}

} // namespace

PackedWeights PackedWeights::pack(const float *weights, size_t K, size_t N,
                                  WeightLayout layout, ElementType storage) {
  checkPackArguments(weights, K, N);
  PackedWeights result;
  result.data_ = makeData(storage, K, N);
  Data &d = *result.data_;
  if (storage == ElementType::F32)
    detail::packColumnPanelsF32(weights, K, N, layout, d.nr,
                                reinterpret_cast<float *>(d.panels.data()));
  else
    detail::packColumnPanelsBf16(weights, K, N, layout, d.nr, d.panels.data());
  return result;
}

PackedWeights PackedWeights::pack(const BFloat16 *weights, size_t K, size_t N,
                                  WeightLayout layout) {
  checkPackArguments(weights, K, N);
  PackedWeights result;
  result.data_ = makeData(ElementType::BF16, K, N);
  detail::packColumnPanelsBf16(weights, K, N, layout, result.data_->nr,
                               result.data_->panels.data());
  return result;
}

void PackedWeights::repack(const float *weights, size_t K, size_t N,
                           WeightLayout layout) {
  checkPackArguments(weights, K, N);
  if (!data_)
    data_ = std::make_unique<Data>();
  shapeData(data_.get(), ElementType::F32, K, N);
  detail::packColumnPanelsF32(weights, K, N, layout, data_->nr,
                              reinterpret_cast<float *>(data_->panels.data()));
}

bool PackedWeights::empty() const { return !data_; }
size_t PackedWeights::rows() const { return data_ ? data_->K : 0; }
size_t PackedWeights::columns() const { return data_ ? data_->N : 0; }
ElementType PackedWeights::elementType() const {
  return data_ ? data_->type : ElementType::F32;
}
Isa PackedWeights::isa() const { return data_ ? data_->isa : Isa::Portable; }
size_t PackedWeights::panelWidth() const { return data_ ? data_->nr : 0; }
size_t PackedWeights::bytes() const {
  return data_ ? data_->panelCount * data_->kSteps * data_->nr * 4 : 0;
}
const PackedWeights::Data &PackedWeights::data() const {
  if (!data_)
    throw std::invalid_argument("PackedWeights: empty handle");
  return *data_;
}

namespace {

struct Blocking {
  size_t kc;       // k steps per block (see chooseBlocking)
  size_t mcPanels; // A row panels per block: the packed A block fills ~L2/2
};

// The largest k block whose B micro-panel (kc x nr) stays in the L1 while A
// micro-panels (mr x kc) stream through it: B may take the L1 ways that one
// A micro-panel and one spare way (C, the stack) leave, the rule of the
// analytical BLIS model (Low et al., "Analytical modeling is enough for
// high-performance BLIS", 2016). The rule before, kc = L1 / (nr * 4), filled
// the whole L1 with B: kc 512 (32 KiB of B) for the 6 x 16 AVX2 kernel on a
// 32 KiB, 8-way Zen 3 L1, where this rule gives 320. Results: 320 there,
// 512 for AVX2 and 256 for AVX-512 on a 48 KiB 12-way L1 (Zen 5, the Intel
// Xeon); on the Xeon 256 measured as fast as 384 for AVX-512 or faster.
size_t l1BlockSteps(const detail::Microkernel &mk, const CacheSizes &caches) {
  const size_t itemBytes = 4; // an fp32 value or a bf16 pair
  const size_t ways = static_cast<size_t>(std::max(caches.l1dWays, 2));
  const size_t wayBytes = static_cast<size_t>(caches.l1d) / ways;
  size_t best = 64;
  for (size_t kc = 64; kc <= 1024; kc += 16) {
    const size_t bWays = ceilDiv(kc * mk.nr * itemBytes, wayBytes);
    const size_t aWays = ceilDiv(kc * mk.mr * itemBytes, wayBytes);
    if (bWays + aWays + 1 <= ways)
      best = kc;
  }
  return best;
}

Blocking chooseBlocking(const detail::Microkernel &mk, size_t kSteps) {
  const CacheSizes &caches = cacheSizes();
  Blocking b;
  const size_t itemBytes = 4;
  size_t kc = l1BlockSteps(mk, caches);
  // Tuning knobs for experiments (docs/performance.md), not for production.
  if (const char *env = std::getenv("WAFER_KERNELS_KC"))
    kc = std::max(1, std::atoi(env));
  // Equal blocks (K = 1024 with kc = 320: 4 x 256, not 3 x 320 + 64): a short
  // last block pays the per-call costs (C update, edge handling) for little
  // work. Rounded up to the kernels' 4-step unroll.
  const size_t blocks = ceilDiv(kSteps, kc);
  b.kc = std::min(kSteps, (ceilDiv(kSteps, blocks) + 3) / 4 * 4);
  const size_t mc = static_cast<size_t>(caches.l2) / 2 / (b.kc * itemBytes);
  b.mcPanels = std::max<size_t>(1, mc / mk.mr);
  if (const char *env = std::getenv("WAFER_KERNELS_MC"))
    b.mcPanels = std::max<size_t>(1, std::atoi(env) / mk.mr);
  return b;
}

struct TaskGrid {
  size_t blocksM, blocksN;
};

// Splits the mr-panel rows and nr-panel columns into blocks (tasks). Several
// tasks per thread with dynamic scheduling keep all cores busy even when one
// of them is slowed down by other work on the machine.
//
// Every column block packs its rows of A again and every row block streams
// its columns of B again, so among the grids with enough tasks the one that
// re-reads the least wins: cost = 4 * blocksN * M + blocksM * N (elements
// per k step). The weight 4 fits the grids measured on the Intel Xeon with
// each grid's calls interleaved (docs/performance.md): 1024^3 runs 8 x 1 and
// 4 x 2 equally fast and 1 x 8 25% slower, while 128 x 3072 x 768 with cold
// weights, as in a model, runs 1 x 8 7% faster than 4 x 2 (splitting rows
// first, the rule before, streamed each weight four times there).
TaskGrid chooseTaskGrid(size_t panelsM, size_t panelsN, size_t mr, size_t nr,
                        size_t mcPanels, int threads) {
  const size_t minBlocksM = ceilDiv(panelsM, mcPanels);
  if (threads <= 1)
    return {minBlocksM, 1};
  const size_t t = static_cast<size_t>(threads);
  const size_t wanted = 4 * t;
  constexpr size_t kMinPanelsPerBlock = 4;
  constexpr size_t kAWeight = 4;
  const size_t maxBlocksM =
      std::max(minBlocksM, std::min(panelsM, std::max<size_t>(
                                                 wanted, panelsM / kMinPanelsPerBlock)));
  const size_t maxBlocksN = std::max<size_t>(1, panelsN / kMinPanelsPerBlock);
  const size_t M = panelsM * mr, N = panelsN * nr;

  TaskGrid best{minBlocksM, 1};
  // Ranked by: at least two tasks per thread, then whole rounds of
  // `threads` tasks (a remainder idles cores at the end: 13 tasks on 2
  // threads lose 7%), then the re-read cost, then fewer column blocks.
  auto rank = [&](const TaskGrid &g) {
    const size_t tasks = g.blocksM * g.blocksN;
    return std::make_tuple(tasks < 2 * t, tasks % t != 0,
                           kAWeight * g.blocksN * M + g.blocksM * N, g.blocksN);
  };
  for (size_t bm = minBlocksM; bm <= maxBlocksM; ++bm) {
    TaskGrid g{bm, std::min(maxBlocksN, ceilDiv(wanted, bm))};
    // An odd task count on an even thread count: one more column block.
    if ((g.blocksM * g.blocksN) % t != 0 && g.blocksN < maxBlocksN)
      ++g.blocksN;
    if (rank(g) < rank(best))
      best = g;
  }
  if (const char *env = std::getenv("WAFER_KERNELS_GRID")) {
    // Tuning knob for experiments: "MxN" blocks.
    unsigned long m = 0, n = 0;
    if (std::sscanf(env, "%lux%lu", &m, &n) == 2 && m > 0 && n > 0)
      best = {std::min<size_t>(m, panelsM), std::min<size_t>(n, panelsN)};
  }
  return best;
}

// Evenly sized sub-range i of n items in `parts` parts.
inline size_t rangeStart(size_t n, size_t parts, size_t i) {
  return n / parts * i + std::min(i, n % parts);
}

template <typename AElement>
void runGemm(const AElement *A, size_t M, const PackedWeights::Data &w,
             float *C, const GemmEpilogue &epilogue) {
  const bool bf16 = w.type == ElementType::BF16;
  const detail::Microkernel &mk = bf16 ? detail::gemmMicrokernelBf16(w.isa)
                                       : detail::gemmMicrokernelF32(w.isa);
  const detail::VectorKernels &vk = detail::vectorKernels(w.isa);
  const size_t mr = mk.mr, nr = mk.nr, N = w.N, K = w.K;
  const Blocking blocking = chooseBlocking(mk, w.kSteps);
  const size_t panelsM = ceilDiv(M, mr), panelsN = w.panelCount;

  const double flops = 2.0 * M * N * K;
  const int threads = flops < 2.0e6 ? 1 : kernelThreads();
  const TaskGrid grid = chooseTaskGrid(panelsM, panelsN, mr, nr,
                                       blocking.mcPanels, threads);
  const size_t tasks = grid.blocksM * grid.blocksN;
  const bool hasEpilogue =
      epilogue.bias || epilogue.activation != Activation::None;

  // Packs rows [rowBegin, rowBegin + rowCount) of A, k steps [step0,
  // step0 + steps), into consecutive row panels at dst.
  auto packA = [&](size_t rowBegin, size_t rowCount, size_t step0,
                   size_t steps, uint32_t *dst) {
    if constexpr (std::is_same_v<AElement, float>) {
      if (bf16)
        detail::packRowPanelsBf16(A + rowBegin * K, K, rowCount, K, mr, step0,
                                  steps, dst);
      else
        detail::packRowPanelsF32(A + rowBegin * K, K, rowCount, mr, step0,
                                 steps, reinterpret_cast<float *>(dst),
                                 mk.packPanelF32);
    } else {
      detail::packRowPanelsBf16(A + rowBegin * K, K, rowCount, K, mr, step0,
                                steps, dst);
    }
  };

  // Every column block multiplies all its rows of A, so with several
  // column blocks each task packing its own copy packs A blocksN times: at
  // M = 128 on two threads (grid 1 x 8) every thread packed the whole of A
  // four times. When the packed A is small enough to share, the threads
  // pack it once, together, before the tasks start, and every task reads
  // its panels from that copy. Layout: k block by k block (each before it
  // has kc steps), all row panels of a block side by side.
  constexpr size_t kMaxSharedPackedABytes = size_t{8} << 20;
  // Tuning knobs for experiments (docs/performance.md):
  // WAFER_KERNELS_SHARED_A=0 and WAFER_KERNELS_SPILL_CHUNKS=0 turn the
  // shared A and the chunks for spilling C blocks off.
  auto knobOff = [](const char *name) {
    const char *env = std::getenv(name);
    return env && std::strcmp(env, "0") == 0;
  };
  const bool sharedA =
      threads > 1 && grid.blocksN > 1 &&
      panelsM * mr * w.kSteps * sizeof(uint32_t) <= kMaxSharedPackedABytes &&
      !knobOff("WAFER_KERNELS_SHARED_A");
  thread_local detail::AlignedBuffer<uint32_t> sharedBlock;
  if (sharedA) {
    sharedBlock.resize(panelsM * mr * w.kSteps);
    uint32_t *shared = sharedBlock.data();
    constexpr size_t kPanelsPerPackJob = 4;
    const size_t groups = ceilDiv(panelsM, kPanelsPerPackJob);
    const size_t kBlocks = ceilDiv(w.kSteps, blocking.kc);
    parallelFor(groups * kBlocks, threads, [&](size_t job, int) {
      const size_t pm0 = job / kBlocks * kPanelsPerPackJob;
      const size_t pm1 = std::min(panelsM, pm0 + kPanelsPerPackJob);
      const size_t step0 = job % kBlocks * blocking.kc;
      const size_t steps = std::min(blocking.kc, w.kSteps - step0);
      const size_t rowBegin = pm0 * mr;
      packA(rowBegin, std::min(M, pm1 * mr) - rowBegin, step0, steps,
            shared + step0 * panelsM * mr + pm0 * steps * mr);
    });
  }

  // A task's C block that outgrows the L2 (the 128 x 6282 columns of a
  // GPT-2 LM-head task: 3.2 MB) would travel to the L3 and back once per k
  // block. Instead, with A packed for every k step up front (shared, or the
  // task's own rows), the columns run in chunks whose C block fits in a
  // quarter of the L2, all k blocks per chunk. A task packs its own rows
  // for every k step whenever they fit a quarter of the L2 (they then stay
  // there), and also, up to kMaxPackedABytes, when its C block would
  // spill, since A's k blocks then stream from the L3 once per chunk while
  // C stays put (128 x 4096 x 4096 on one Intel Xeon thread: 105 to 113
  // GFLOP/s, the variants interleaved in one process).
  constexpr size_t kMaxPackedABytes = size_t{8} << 20;
  const size_t maxPanelsPerBlock = ceilDiv(panelsM, grid.blocksM);
  const size_t maxPanelsPerTask = ceilDiv(panelsN, grid.blocksN);
  const size_t l2Quarter = static_cast<size_t>(cacheSizes().l2) / 4;
  const size_t packedABytes = maxPanelsPerBlock * mr * w.kSteps * 4;
  const bool cBlockSpills =
      maxPanelsPerBlock * mr * maxPanelsPerTask * nr * sizeof(float) >
      l2Quarter;
  const bool packAllSteps =
      !sharedA && (packedABytes <= l2Quarter ||
                   (cBlockSpills && packedABytes <= kMaxPackedABytes &&
                    !knobOff("WAFER_KERNELS_SPILL_CHUNKS")));
  const bool allStepsPacked = sharedA || packAllSteps;
  size_t chunkPanels =
      allStepsPacked ? std::max<size_t>(1, l2Quarter / (maxPanelsPerBlock * mr *
                                                         nr * sizeof(float)))
                     : panelsN;
  // Tuning knob for experiments and tests: column panels per chunk.
  if (const char *env = std::getenv("WAFER_KERNELS_NC"); env && allStepsPacked)
    chunkPanels = std::max(1, std::atoi(env));
  const uint32_t *shared = sharedA ? sharedBlock.data() : nullptr;
  parallelFor(tasks, threads, [&](size_t task, int) {
    // Per-thread workspaces that persist across calls (the pool keeps its
    // threads): allocating them per call costs page faults on every call.
    thread_local detail::AlignedBuffer<uint32_t> aBlock;
    thread_local detail::AlignedBuffer<float> edgeTile;
    if (!sharedA)
      aBlock.resize(maxPanelsPerBlock * mr *
                    (packAllSteps ? w.kSteps : blocking.kc));
    edgeTile.resize(mr * nr);

    const size_t bm = task / grid.blocksN, bn = task % grid.blocksN;
    const size_t pm0 = rangeStart(panelsM, grid.blocksM, bm);
    const size_t pm1 = rangeStart(panelsM, grid.blocksM, bm + 1);
    const size_t pn0 = rangeStart(panelsN, grid.blocksN, bn);
    const size_t pn1 = rangeStart(panelsN, grid.blocksN, bn + 1);
    if (pm0 == pm1 || pn0 == pn1)
      return;
    const size_t rowBegin = pm0 * mr;
    const size_t rowCount = std::min(M, pm1 * mr) - rowBegin;
    const size_t blockPanels = pm1 - pm0;

    // Where the task's first row panel of k block step0 (of `steps` steps)
    // is packed: in the shared copy; in the task's own copy of every block
    // (each block before it has kc steps); or in the one reused slot.
    auto packedBlock = [&](size_t step0, size_t steps) -> const uint32_t * {
      if (sharedA)
        return shared + step0 * panelsM * mr + pm0 * steps * mr;
      return aBlock.data() + (packAllSteps ? step0 * blockPanels * mr : 0);
    };
    if (packAllSteps)
      for (size_t step0 = 0; step0 < w.kSteps; step0 += blocking.kc)
        packA(rowBegin, rowCount, step0,
              std::min(blocking.kc, w.kSteps - step0),
              aBlock.data() + step0 * blockPanels * mr);

    for (size_t chunk0 = pn0; chunk0 < pn1; chunk0 += chunkPanels) {
      const size_t chunk1 = std::min(pn1, chunk0 + chunkPanels);
      for (size_t step0 = 0; step0 < w.kSteps; step0 += blocking.kc) {
        const size_t steps = std::min(blocking.kc, w.kSteps - step0);
        const bool accumulate = step0 > 0;
        const bool lastBlock = step0 + steps == w.kSteps;
        if (!allStepsPacked)
          packA(rowBegin, rowCount, step0, steps, aBlock.data());
        const uint32_t *aBase = packedBlock(step0, steps);

        for (size_t pn = chunk0; pn < chunk1; ++pn) {
          const uint32_t *bPanel =
              w.panels.data() + (pn * w.kSteps + step0) * nr;
          const size_t col0 = pn * nr;
          const size_t width = std::min(nr, N - col0);
          // The first tile of each panel prefetches the next panel.
          const void *nextPanel =
              pn + 1 < chunk1 ? bPanel + w.kSteps * nr : nullptr;
          for (size_t pm = pm0; pm < pm1; ++pm) {
            const void *prefetch = pm == pm0 ? nextPanel : nullptr;
            const uint32_t *aPanel = aBase + (pm - pm0) * steps * mr;
            const size_t row0 = pm * mr;
            const size_t height = std::min(mr, M - row0);
            float *c = C + row0 * N + col0;
            if (height == mr && width == nr) {
              mk.run(steps, aPanel, bPanel, c, N, accumulate, prefetch);
            } else if (width == nr && mk.runRows) {
              mk.runRows(height, steps, aPanel, bPanel, c, N, accumulate,
                         prefetch);
            } else {
              // Edge tile: run the full-size kernel on a scratch tile.
              float *tile = edgeTile.data();
              if (accumulate)
                for (size_t r = 0; r < height; ++r)
                  std::memcpy(tile + r * nr, c + r * N, width * sizeof(float));
              mk.run(steps, aPanel, bPanel, tile, nr, accumulate, prefetch);
              for (size_t r = 0; r < height; ++r)
                std::memcpy(c + r * N, tile + r * nr, width * sizeof(float));
            }
            if (lastBlock && hasEpilogue)
              for (size_t r = 0; r < height; ++r)
                vk.biasActivation(c + r * N, width,
                                  epilogue.bias ? epilogue.bias + col0 : nullptr,
                                  epilogue.activation);
          }
        }
      }
    }
  });
}

void checkGemmArguments(const void *A, size_t M, const PackedWeights &weights,
                        const float *C) {
  if (weights.empty())
    throw std::invalid_argument("gemm: empty PackedWeights handle");
  if (!A || !C)
    throw std::invalid_argument("gemm: null A or C");
  if (M == 0)
    throw std::invalid_argument("gemm: M must be >= 1");
}

} // namespace

void gemm(const float *A, size_t M, const PackedWeights &weights, float *C,
          const GemmEpilogue &epilogue) {
  checkGemmArguments(A, M, weights, C);
  if (M == 1) {
    if (weights.elementType() == ElementType::F32)
      return gemv(A, weights, C, epilogue);
    // Round like the M > 1 path does, so results do not depend on M.
    std::vector<float> x(weights.rows());
    for (size_t k = 0; k < x.size(); ++k)
      x[k] = toFloat(toBFloat16(A[k]));
    return gemv(x.data(), weights, C, epilogue);
  }
  runGemm(A, M, weights.data(), C, epilogue);
}

void gemm(const BFloat16 *A, size_t M, const PackedWeights &weights, float *C,
          const GemmEpilogue &epilogue) {
  checkGemmArguments(A, M, weights, C);
  if (weights.elementType() != ElementType::BF16)
    throw std::invalid_argument(
        "gemm: bf16 activations need a bf16 PackedWeights handle");
  if (M == 1) {
    // Widening bf16 to fp32 is exact, so the GEMV gives the same products.
    std::vector<float> x(weights.rows());
    convertToFloat(A, x.data(), x.size());
    return gemv(x.data(), weights, C, epilogue);
  }
  runGemm(A, M, weights.data(), C, epilogue);
}

void gemm(const float *A, const float *B, float *C, size_t M, size_t N,
          size_t K, WeightLayout layout, const GemmEpilogue &epilogue) {
  const PackedWeights packed = PackedWeights::pack(B, K, N, layout);
  gemm(A, M, packed, C, epilogue);
}

} // namespace wafer::kernels
