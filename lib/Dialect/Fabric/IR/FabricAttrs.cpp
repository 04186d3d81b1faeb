//===- FabricAttrs.cpp - the target machine model -------------------------===//
//
// Preset figures and their sources are in shared/REFERENCES.md and
// docs/cost-model.md.
//
//===----------------------------------------------------------------------===//

#include "wafer/Dialect/Fabric/IR/FabricAttrs.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;

#include "wafer/Dialect/Fabric/IR/FabricEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "wafer/Dialect/Fabric/IR/FabricAttrs.cpp.inc"

namespace wafer::fabric {

int64_t collectiveColors(KernelScheme scheme) {
  switch (scheme) {
  case KernelScheme::attention:
    return 3;
  case KernelScheme::mesh_gemv:
  case KernelScheme::mesh_gemm:
  case KernelScheme::row_reduce:
    return 2;
  case KernelScheme::gather:
    return 1;
  case KernelScheme::elementwise:
    return 0;
  }
  llvm_unreachable("every scheme is listed");
}

ArrayRef<KernelScheme> allKernelSchemes() {
  static const SmallVector<KernelScheme> schemes = [] {
    SmallVector<KernelScheme> all;
    for (uint32_t i = 0; i <= getMaxEnumValForKernelScheme(); ++i)
      all.push_back(*symbolizeKernelScheme(i));
    return all;
  }();
  return schemes;
}

void FabricDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "wafer/Dialect/Fabric/IR/FabricAttrs.cpp.inc"
      >();
}

LogicalResult
TargetAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                   StringRef /*name*/, int64_t width, int64_t height,
                   int64_t sramBytes, int64_t codeBytes, int64_t colors,
                   DenseI64ArrayAttr reservedColors, int64_t clockKhz,
                   int64_t linkBytes, int64_t hopCycles, int64_t fmacF32,
                   int64_t fmacF16, int64_t fmacF16F32, int64_t memRead,
                   int64_t memWrite) {
  if (!reservedColors)
    return emitError() << "reserved_colors missing";
  TargetFigures figures;
  figures.width = width;
  figures.height = height;
  figures.sramBytes = sramBytes;
  figures.codeBytes = codeBytes;
  figures.colors = colors;
  figures.reservedColors.assign(reservedColors.asArrayRef().begin(),
                                reservedColors.asArrayRef().end());
  figures.clockKhz = clockKhz;
  figures.linkBytesPerCycle = linkBytes;
  figures.hopLatencyCycles = hopCycles;
  figures.fmacF32 = fmacF32;
  figures.fmacF16 = fmacF16;
  figures.fmacF16F32 = fmacF16F32;
  figures.memReadBytesPerCycle = memRead;
  figures.memWriteBytesPerCycle = memWrite;
  std::string problem = targetProblem(figures);
  if (!problem.empty())
    return emitError() << problem;
  return success();
}

namespace {
// CSL programs are a few KiB; one allowance covers every kernel on a PE.
constexpr int64_t kCodeBytes = 8 * 1024;

struct Preset {
  const char *name;
  int64_t width, height, sramBytes, colors, clockKhz, fmacF16, fmacF16F32;
};
// WSE-2: 757x996 fabric, 48 KiB per PE, 24 colors (21-23 reserved by the
// memcpy host interface), 850 MHz as in the SDK examples, 4 fp16 / 2 mixed
// FMACs per cycle. WSE-3: 762x1172, same SRAM and colors, 8 / 4 FMACs,
// 1.1 GHz as in WaferLLM's code. Both: one 32-bit wavelet per link per
// cycle, ~1 cycle per hop, 2x32-bit reads + 1x32-bit write per cycle.
constexpr Preset kPresets[] = {
    {"wse2", 757, 996, 48 * 1024, 24, 850'000, 4, 2},
    {"wse3", 762, 1172, 48 * 1024, 24, 1'100'000, 8, 4},
};

TargetAttr makeTarget(MLIRContext *ctx, StringRef name, int64_t width,
                      int64_t height, int64_t sramBytes, int64_t colors,
                      int64_t clockKhz, int64_t fmacF16, int64_t fmacF16F32) {
  // The memcpy interface reserves the three top colors when it fits.
  SmallVector<int64_t> reserved;
  for (int64_t c = std::max<int64_t>(colors - 3, 1); c < colors; ++c)
    reserved.push_back(c);
  return TargetAttr::get(ctx, name, width, height, sramBytes,
                         std::min<int64_t>(kCodeBytes, sramBytes / 4), colors,
                         DenseI64ArrayAttr::get(ctx, reserved), clockKhz,
                         /*link_bytes_per_cycle=*/4,
                         /*hop_latency_cycles=*/1, /*fmac_f32=*/1, fmacF16,
                         fmacF16F32, /*mem_read_bytes_per_cycle=*/8,
                         /*mem_write_bytes_per_cycle=*/4);
}
} // namespace

std::vector<std::string> targetPresetNames() {
  std::vector<std::string> names;
  for (const Preset &p : kPresets)
    names.push_back(p.name);
  return names;
}

TargetAttr targetPreset(MLIRContext *ctx, StringRef name) {
  for (const Preset &p : kPresets)
    if (name == p.name)
      return makeTarget(ctx, p.name, p.width, p.height, p.sramBytes, p.colors,
                        p.clockKhz, p.fmacF16, p.fmacF16F32);
  return {};
}

std::string parseMesh(StringRef mesh, TargetOverrides &overrides) {
  auto [w, h] = mesh.lower().find('x') == std::string::npos
                    ? std::pair<StringRef, StringRef>{mesh, ""}
                    : mesh.split(mesh.contains('x') ? 'x' : 'X');
  int64_t width, height;
  if (w.getAsInteger(10, width) || h.getAsInteger(10, height) || width < 1 ||
      height < 1)
    return "mesh must be WIDTHxHEIGHT with positive sizes, got '" +
           mesh.str() + "'";
  if (width > kMaxMeshSide || height > kMaxMeshSide ||
      width * height > kMaxMeshPEs)
    return "a " + mesh.str() + " mesh exceeds what Wafer models (sides up to " +
           std::to_string(kMaxMeshSide) + ", " + std::to_string(kMaxMeshPEs) +
           " PEs)";
  overrides.width = width;
  overrides.height = height;
  return "";
}

std::string setTargetOverrides(int64_t sramKb, int64_t colors,
                               int64_t clockMhz, TargetOverrides &overrides) {
  // Zero keeps the preset's value; anything else must be a value the
  // target attribute accepts, checked here before it is multiplied.
  auto outside = [](int64_t v, int64_t lo, int64_t hi) {
    return v != 0 && (v < lo || v > hi);
  };
  if (outside(sramKb, 1, kMaxSramBytes / 1024))
    return "sram-kb must be between 1 and " +
           std::to_string(kMaxSramBytes / 1024) + " KiB, got " +
           std::to_string(sramKb);
  if (outside(colors, 1, kMaxColors))
    return "colors must be between 1 and " + std::to_string(kMaxColors) +
           ", got " + std::to_string(colors);
  if (outside(clockMhz, 1, kMaxClockKhz / 1000))
    return "clock-mhz must be between 1 and " +
           std::to_string(kMaxClockKhz / 1000) + ", got " +
           std::to_string(clockMhz);
  overrides.sramBytes = sramKb * 1024;
  overrides.colors = colors;
  overrides.clockKhz = clockMhz * 1000;
  return "";
}

TargetAttr withOverrides(TargetAttr base, const TargetOverrides &o) {
  bool changed = o.width || o.height || o.sramBytes || o.colors || o.clockKhz;
  if (!changed)
    return base;
  auto pick = [](int64_t override, int64_t value) {
    return override ? override : value;
  };
  return makeTarget(base.getContext(), "custom", pick(o.width, base.getWidth()),
                    pick(o.height, base.getHeight()),
                    pick(o.sramBytes, base.getSramBytes()),
                    pick(o.colors, base.getColors()),
                    pick(o.clockKhz, base.getClockKhz()), base.getFmacF16(),
                    base.getFmacF16F32());
}

} // namespace wafer::fabric
