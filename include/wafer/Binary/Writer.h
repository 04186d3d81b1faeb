//===- Writer.h - write a .wfb ----------------------------------*- C++ -*-===//
//
// Streams sections into a file: weights of gigabytes are appended as they
// come and never held whole in memory; the section table and the header,
// which hold the checksums, are written last. The same manifest, host
// program and weights give the same bytes.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_BINARY_WRITER_H
#define WAFER_BINARY_WRITER_H

#include "wafer/Binary/Format.h"
#include "wafer/Binary/wfb.pb.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace wafer::wfb {

/// Serializes a message deterministically (the same message, the same
/// bytes).
std::string serialize(const google::protobuf::MessageLite &message);

class BinaryWriter {
public:
  BinaryWriter();
  ~BinaryWriter();
  BinaryWriter(const BinaryWriter &) = delete;
  BinaryWriter &operator=(const BinaryWriter &) = delete;

  /// Creates `path` (replacing it); false with `error` set on failure.
  bool open(const std::string &path, std::string &error);

  /// Starts a section; its bytes follow through append(). Sections are
  /// written in the order they begin.
  void beginSection(SectionId id, uint32_t flags, uint64_t alignment);
  void beginSection(uint32_t id, uint32_t flags, uint64_t alignment);
  /// Pads the current section with zeros to a multiple of `alignment` from
  /// its start and returns the offset reached.
  uint64_t alignTo(uint64_t alignment);
  void append(const void *data, size_t size);
  /// Offset of the next byte from the start of the current section.
  uint64_t sectionOffset() const { return sectionSize_; }
  void endSection();

  /// Writes the table and the header and closes the file; false with
  /// `error` set when any write failed.
  bool finish(uint64_t targetHash, std::string &error);

private:
  void write(const void *data, size_t size);

  std::FILE *file_ = nullptr;
  std::string path_;
  bool failed_ = false;
  uint64_t position_ = 0;
  uint64_t sectionSize_ = 0;
  bool inSection_ = false;
  struct Entry {
    uint32_t id, flags;
    uint64_t offset, size, alignment, checksum;
  };
  std::vector<Entry> entries_;
  struct HashState;
  std::unique_ptr<HashState> hash_;
};

/// The target hash a header carries: xxh64 of the serialized Target.
uint64_t targetHash(const Target &target);

} // namespace wafer::wfb

#endif // WAFER_BINARY_WRITER_H
