//===- Writer.cpp - write a .wfb ------------------------------------------===//

#include "wafer/Binary/Writer.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>

namespace wafer::wfb {

namespace {
void putU32(unsigned char *p, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    p[i] = static_cast<unsigned char>(v >> (8 * i));
}
void putU64(unsigned char *p, uint64_t v) {
  for (int i = 0; i < 8; ++i)
    p[i] = static_cast<unsigned char>(v >> (8 * i));
}
} // namespace

std::string serialize(const google::protobuf::MessageLite &message) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream raw(&bytes);
    google::protobuf::io::CodedOutputStream coded(&raw);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return bytes;
}

uint64_t targetHash(const Target &target) {
  std::string bytes = serialize(target);
  return checksum(bytes.data(), bytes.size());
}

struct BinaryWriter::HashState {
  XXH64_state_t *state = XXH64_createState();
  ~HashState() { XXH64_freeState(state); }
};

BinaryWriter::BinaryWriter() = default;

BinaryWriter::~BinaryWriter() {
  if (file_)
    std::fclose(file_);
}

bool BinaryWriter::open(const std::string &path, std::string &error) {
  path_ = path;
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) {
    error = "cannot create '" + path + "': " + std::strerror(errno);
    return false;
  }
  // The header is written last, once the table's offset is known.
  unsigned char header[kHeaderSize] = {};
  write(header, sizeof(header));
  hash_ = std::make_unique<HashState>();
  return !failed_;
}

void BinaryWriter::write(const void *data, size_t size) {
  if (!size)
    return;
  if (std::fwrite(data, 1, size, file_) != size)
    failed_ = true;
  position_ += size;
}

void BinaryWriter::beginSection(SectionId id, uint32_t flags,
                                uint64_t alignment) {
  beginSection(static_cast<uint32_t>(id), flags, alignment);
}

void BinaryWriter::beginSection(uint32_t id, uint32_t flags,
                                uint64_t alignment) {
  static const char zeros[4096] = {};
  while (position_ % alignment)
    write(zeros, std::min<uint64_t>(alignment - position_ % alignment,
                                    sizeof(zeros)));
  entries_.push_back({id, flags, position_, 0, alignment, 0});
  sectionSize_ = 0;
  inSection_ = true;
  XXH64_reset(hash_->state, 0);
}

uint64_t BinaryWriter::alignTo(uint64_t alignment) {
  static const char zeros[4096] = {};
  while (sectionSize_ % alignment)
    append(zeros, std::min<uint64_t>(alignment - sectionSize_ % alignment,
                                     sizeof(zeros)));
  return sectionSize_;
}

void BinaryWriter::append(const void *data, size_t size) {
  write(data, size);
  XXH64_update(hash_->state, data, size);
  sectionSize_ += size;
}

void BinaryWriter::endSection() {
  Entry &e = entries_.back();
  e.size = sectionSize_;
  e.checksum = XXH64_digest(hash_->state);
  inSection_ = false;
}

bool BinaryWriter::finish(uint64_t targetHashValue, std::string &error) {
  if (inSection_)
    endSection();
  while (position_ % 8) {
    char zero = 0;
    write(&zero, 1);
  }
  uint64_t tableOffset = position_;
  for (const Entry &e : entries_) {
    unsigned char entry[kSectionEntrySize] = {};
    putU32(entry, e.id);
    putU32(entry + 4, e.flags);
    putU64(entry + 8, e.offset);
    putU64(entry + 16, e.size);
    putU64(entry + 24, e.alignment);
    putU64(entry + 32, e.checksum);
    write(entry, sizeof(entry));
  }
  unsigned char header[kHeaderSize] = {};
  std::memcpy(header, kMagic, sizeof(kMagic));
  putU32(header + 8, kVersionMajor);
  putU32(header + 12, kVersionMinor);
  putU64(header + 16, 0);
  putU64(header + 24, targetHashValue);
  putU64(header + 32, tableOffset);
  putU32(header + 40, static_cast<uint32_t>(entries_.size()));
  putU64(header + 48, position_);
  putU64(header + 56, checksum(header, 56));
  if (std::fseek(file_, 0, SEEK_SET) != 0 ||
      std::fwrite(header, 1, sizeof(header), file_) != sizeof(header))
    failed_ = true;
  if (std::fclose(file_) != 0)
    failed_ = true;
  file_ = nullptr;
  if (failed_) {
    error = "cannot write '" + path_ + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

} // namespace wafer::wfb
