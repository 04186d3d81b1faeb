//===- Format.h - the container of a Wafer kernel binary (.wfb) -*- C++ -*-===//
//
// A .wfb file is a header, a section table and sections, all little-endian:
//
//   offset 0   header (64 bytes)
//     0  magic "WAFERWFB"
//     8  u32 format major version, u32 minor version
//    16  u64 flags (none defined yet; a reader refuses bits it does not know)
//    24  u64 target hash: xxh64 of the serialized Target message
//    32  u64 section table offset
//    40  u32 section count, u32 reserved (0)
//    48  u64 file size
//    56  u64 xxh64 of bytes 0..55
//   section table: one 48-byte entry per section
//     0  u32 section id, u32 flags (bit 0: required)
//     8  u64 offset, 16 u64 size, 24 u64 alignment (a power of two)
//    32  u64 xxh64 of the section's bytes, 40 u64 reserved (0)
//   sections, each at an offset that is a multiple of its alignment
//
// A reader refuses a newer major version, any unknown required section and
// any check that fails; it skips unknown optional sections, so that later
// formats can add them. MLIR- and LLVM-free: the runtime links it alone.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_BINARY_FORMAT_H
#define WAFER_BINARY_FORMAT_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace wafer::wfb {

inline constexpr char kMagic[8] = {'W', 'A', 'F', 'E', 'R', 'W', 'F', 'B'};
inline constexpr uint32_t kVersionMajor = 1;
inline constexpr uint32_t kVersionMinor = 0;
inline constexpr size_t kHeaderSize = 64;
inline constexpr size_t kSectionEntrySize = 48;
/// Weights start on cache lines, so that a kernel can read a mapped
/// tensor in place.
inline constexpr uint64_t kWeightAlignment = 64;
/// More sections than any real binary has; bounds what a reader allocates
/// for a corrupted count.
inline constexpr uint32_t kMaxSections = 1024;

enum class SectionId : uint32_t {
  Manifest = 1,    ///< wafer.wfb.Manifest (protobuf)
  HostProgram = 2, ///< wafer.wfb.HostProgram (protobuf)
  Weights = 3,     ///< raw tensor bytes, each 64-byte aligned
  PeDesign = 4,    ///< wafer.wfb.PeDesign (protobuf), optional: the per-PE
                   ///< programs and routes the simulator runs
};

inline constexpr uint32_t kSectionRequired = 1;

/// "manifest", "host-program", "weights", or "section 17".
std::string sectionName(uint32_t id);

/// xxh64 with seed 0, the checksum of every part of the format.
uint64_t checksum(const void *data, size_t size);

} // namespace wafer::wfb

#endif // WAFER_BINARY_FORMAT_H
