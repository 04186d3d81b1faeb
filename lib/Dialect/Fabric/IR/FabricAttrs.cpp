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

#define GET_ATTRDEF_CLASSES
#include "wafer/Dialect/Fabric/IR/FabricAttrs.cpp.inc"

namespace wafer::fabric {

// Placement and routing keep a few words per router: 2^24 PEs (19 times a
// WSE-3) stays around a gigabyte.
constexpr int64_t kMaxMeshSide = 1 << 14;
constexpr int64_t kMaxMeshPEs = int64_t(1) << 24;

void FabricDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "wafer/Dialect/Fabric/IR/FabricAttrs.cpp.inc"
      >();
}

LogicalResult
TargetAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                   StringRef name, int64_t width, int64_t height,
                   int64_t sramBytes, int64_t codeBytes, int64_t colors,
                   DenseI64ArrayAttr reservedColors, int64_t clockKhz,
                   int64_t linkBytes, int64_t hopCycles, int64_t fmacF32,
                   int64_t fmacF16, int64_t fmacF16F32, int64_t memRead,
                   int64_t memWrite) {
  if (width < 1 || height < 1)
    return emitError() << "mesh must be at least 1x1, got " << width << "x"
                       << height;
  if (width > kMaxMeshSide || height > kMaxMeshSide ||
      width * height > kMaxMeshPEs)
    return emitError() << "a " << width << "x" << height
                       << " mesh exceeds what Wafer models (sides up to "
                       << kMaxMeshSide << ", " << kMaxMeshPEs << " PEs)";
  if (sramBytes < 1024)
    return emitError() << "SRAM per PE must be at least 1 KiB, got "
                       << sramBytes << " bytes";
  if (codeBytes < 0 || codeBytes >= sramBytes)
    return emitError() << "code allowance " << codeBytes
                       << " must leave room for data in " << sramBytes
                       << " bytes of SRAM";
  if (colors < 1)
    return emitError() << "needs at least one color";
  if (!reservedColors)
    return emitError() << "reserved_colors missing";
  for (int64_t c : reservedColors.asArrayRef())
    if (c < 0 || c >= colors)
      return emitError() << "reserved color " << c << " outside 0.."
                         << colors - 1;
  if (static_cast<int64_t>(reservedColors.size()) >= colors)
    return emitError() << "every color is reserved";
  if (clockKhz < 1 || linkBytes < 1 || hopCycles < 1 || fmacF32 < 1 ||
      fmacF16 < 1 || fmacF16F32 < 1 || memRead < 1 || memWrite < 1)
    return emitError() << "clock, link width, hop latency, FMAC rates and "
                          "memory ports must be positive";
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

TargetAttr getTarget(ModuleOp module) {
  return module->getAttrOfType<TargetAttr>(FabricDialect::kTargetAttrName);
}

} // namespace wafer::fabric
