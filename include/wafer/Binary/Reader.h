//===- Reader.h - open and validate a .wfb ----------------------*- C++ -*-===//
//
// Opening a binary maps it read-only and checks everything before anything
// reads it: the header, every section's bounds, alignment and checksum, the
// protobuf sections, and the consistency of the manifest with the host
// program and the weights (tensor ids, shapes against data lengths, ops in
// order). A file that fails any check is refused with one message that says
// what is wrong; nothing past open() can read out of bounds.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_BINARY_READER_H
#define WAFER_BINARY_READER_H

#include "wafer/Binary/Format.h"
#include "wafer/Binary/wfb.pb.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wafer::wfb {

struct SectionInfo {
  uint32_t id = 0, flags = 0;
  uint64_t offset = 0, size = 0, alignment = 0, checksum = 0;
  bool required() const { return flags & kSectionRequired; }
};

/// Bytes of `DType` elements (1 for BOOL); 0 for an unknown type.
size_t dtypeBytes(DType type);
/// "f32", "bf16", "i64", "bool", ...
const char *dtypeName(DType type);
/// What is wrong with a binary's target (wafer::targetProblem: the
/// figures Wafer models, the same checks as #fabric.target's), or "".
std::string targetProblemOf(const Target &target);

/// What a caller may skip when opening a binary.
struct OpenOptions {
  /// Verify the xxh64 of every external weight file's bytes (reads them).
  bool verifyExternalChecksums = true;
  /// When non-empty, the target name the binary must have been compiled for.
  std::string expectTarget;
};

class MappedFile;

class BinaryFile {
public:
  ~BinaryFile();

  /// Maps and validates `path`; null with `error` set when anything is
  /// wrong.
  static std::unique_ptr<BinaryFile> open(const std::string &path,
                                          std::string &error,
                                          const OpenOptions &options = {});
  /// The same over bytes in memory (the fuzzer and tests); `name` appears
  /// in errors, and external weights resolve relative to `baseDir`.
  static std::unique_ptr<BinaryFile>
  fromBytes(std::string bytes, const std::string &name, std::string &error,
            const OpenOptions &options = {}, const std::string &baseDir = ".");

  const std::string &path() const { return path_; }
  uint32_t versionMajor() const { return versionMajor_; }
  uint32_t versionMinor() const { return versionMinor_; }
  uint64_t targetHash() const { return targetHash_; }
  uint64_t fileSize() const { return size_; }
  const std::vector<SectionInfo> &sections() const { return sections_; }
  /// The bytes of a section, or empty when the binary has none of that id.
  std::string_view section(uint32_t id) const;

  const Manifest &manifest() const { return manifest_; }
  const HostProgram &hostProgram() const { return hostProgram_; }
  /// The per-PE programs and routes, when the binary has them.
  const PeDesign *peDesign() const {
    return peDesign_ ? &*peDesign_ : nullptr;
  }

  /// The bytes of a CONSTANT tensor (one element when it is a splat): in
  /// the mapped weights, an external file or the manifest. Empty for other
  /// tensors.
  std::string_view tensorData(int32_t tensor) const;
  /// Elements of a tensor (checked at open not to overflow).
  int64_t numElements(int32_t tensor) const;
  /// Bytes of a tensor's full value (elements x element size).
  int64_t numBytes(int32_t tensor) const;

private:
  BinaryFile() = default;
  bool load(std::string &error, const OpenOptions &options,
            const std::string &baseDir);

  std::string path_;
  std::unique_ptr<MappedFile> file_;
  /// External weight files by their path in the manifest, each mapped once
  /// however many tensors it holds.
  std::map<std::string, std::unique_ptr<MappedFile>> external_;
  const char *data_ = nullptr;
  uint64_t size_ = 0;
  uint32_t versionMajor_ = 0, versionMinor_ = 0;
  uint64_t targetHash_ = 0;
  std::vector<SectionInfo> sections_;
  Manifest manifest_;
  HostProgram hostProgram_;
  std::optional<PeDesign> peDesign_;
  std::vector<std::string_view> tensorData_;
  std::vector<int64_t> numElements_, numBytes_;
};

} // namespace wafer::wfb

#endif // WAFER_BINARY_READER_H
