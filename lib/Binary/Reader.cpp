//===- Reader.cpp - open and validate a .wfb ------------------------------===//

#include "wafer/Binary/Reader.h"

#include "PeDesignCheck.h"

#include "wafer/Binary/Writer.h"
#include "wafer/Support/ElementCount.h"
#include "wafer/Support/TargetLimits.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wafer::wfb {

size_t dtypeBytes(DType type) {
  switch (type) {
  case F32:
  case I32:
    return 4;
  case F16:
  case BF16:
    return 2;
  case F64:
  case I64:
    return 8;
  case BOOL:
    return 1;
  default:
    return 0;
  }
}

const char *dtypeName(DType type) {
  switch (type) {
  case F32:
    return "f32";
  case F16:
    return "f16";
  case BF16:
    return "bf16";
  case F64:
    return "f64";
  case I64:
    return "i64";
  case I32:
    return "i32";
  case BOOL:
    return "bool";
  default:
    return "unknown";
  }
}

/// A file mapped read-only, or bytes held in memory.
class MappedFile {
public:
  static std::unique_ptr<MappedFile> map(const std::string &path,
                                         std::string &error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error = "cannot open '" + path + "': " + std::strerror(errno);
      return nullptr;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      error = "'" + path + "' is not a regular file";
      ::close(fd);
      return nullptr;
    }
    auto file = std::unique_ptr<MappedFile>(new MappedFile());
    file->size_ = static_cast<uint64_t>(st.st_size);
    if (file->size_) {
      void *p = ::mmap(nullptr, file->size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) {
        error = "cannot map '" + path + "': " + std::strerror(errno);
        ::close(fd);
        return nullptr;
      }
      file->mapped_ = p;
    }
    ::close(fd);
    return file;
  }
  static std::unique_ptr<MappedFile> hold(std::string bytes) {
    auto file = std::unique_ptr<MappedFile>(new MappedFile());
    file->bytes_ = std::move(bytes);
    file->size_ = file->bytes_.size();
    return file;
  }
  ~MappedFile() {
    if (mapped_)
      ::munmap(mapped_, size_);
  }
  const char *data() const {
    return mapped_ ? static_cast<const char *>(mapped_) : bytes_.data();
  }
  uint64_t size() const { return size_; }

private:
  MappedFile() = default;
  void *mapped_ = nullptr;
  std::string bytes_;
  uint64_t size_ = 0;
};

namespace {

uint32_t getU32(const char *p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= uint32_t(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}
uint64_t getU64(const char *p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i)
    v |= uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

TargetFigures figuresOf(const Target &t) {
  TargetFigures f;
  f.width = t.width();
  f.height = t.height();
  f.sramBytes = t.sram_bytes();
  f.codeBytes = t.code_bytes();
  f.colors = t.colors();
  f.reservedColors.assign(t.reserved_colors().begin(),
                          t.reserved_colors().end());
  f.clockKhz = t.clock_khz();
  f.linkBytesPerCycle = t.link_bytes_per_cycle();
  f.hopLatencyCycles = t.hop_latency_cycles();
  f.fmacF32 = t.fmac_f32();
  f.fmacF16 = t.fmac_f16();
  f.fmacF16F32 = t.fmac_f16_f32();
  f.memReadBytesPerCycle = t.mem_read_bytes_per_cycle();
  f.memWriteBytesPerCycle = t.mem_write_bytes_per_cycle();
  return f;
}

/// [offset, offset + size) lies within `total`, without overflowing.
bool within(uint64_t offset, uint64_t size, uint64_t total) {
  return offset <= total && size <= total - offset;
}

std::string hex(uint64_t v) {
  char text[19];
  std::snprintf(text, sizeof(text), "0x%016llx",
                static_cast<unsigned long long>(v));
  return text;
}

/// Whether `path` is relative and never climbs out of the folder it is
/// resolved in (no ".." component).
bool staysInsideFolder(const std::string &path) {
  if (path.empty() || path.front() == '/')
    return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos)
      end = path.size();
    if (path.compare(start, end - start, "..") == 0)
      return false;
    start = end + 1;
  }
  return true;
}

} // namespace

std::string targetProblemOf(const Target &target) {
  return targetProblem(figuresOf(target));
}

BinaryFile::~BinaryFile() = default;

std::unique_ptr<BinaryFile> BinaryFile::open(const std::string &path,
                                             std::string &error,
                                             const OpenOptions &options) {
  auto binary = std::unique_ptr<BinaryFile>(new BinaryFile());
  binary->path_ = path;
  binary->file_ = MappedFile::map(path, error);
  if (!binary->file_)
    return nullptr;
  size_t slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
  if (dir.empty())
    dir = "/";
  if (!binary->load(error, options, dir))
    return nullptr;
  return binary;
}

std::unique_ptr<BinaryFile>
BinaryFile::fromBytes(std::string bytes, const std::string &name,
                      std::string &error, const OpenOptions &options,
                      const std::string &baseDir) {
  auto binary = std::unique_ptr<BinaryFile>(new BinaryFile());
  binary->path_ = name;
  binary->file_ = MappedFile::hold(std::move(bytes));
  if (!binary->load(error, options, baseDir))
    return nullptr;
  return binary;
}

std::string_view BinaryFile::section(uint32_t id) const {
  for (const SectionInfo &s : sections_)
    if (s.id == id)
      return {data_ + s.offset, static_cast<size_t>(s.size)};
  return {};
}

std::string_view BinaryFile::tensorData(int32_t tensor) const {
  if (tensor < 0 || size_t(tensor) >= tensorData_.size())
    return {};
  return tensorData_[tensor];
}

int64_t BinaryFile::numElements(int32_t tensor) const {
  return tensor < 0 || size_t(tensor) >= numElements_.size()
             ? 0
             : numElements_[tensor];
}

int64_t BinaryFile::numBytes(int32_t tensor) const {
  return tensor < 0 || size_t(tensor) >= numBytes_.size() ? 0
                                                          : numBytes_[tensor];
}

bool BinaryFile::load(std::string &error, const OpenOptions &options,
                      const std::string &baseDir) {
  data_ = file_->data();
  size_ = file_->size();
  auto fail = [&](const std::string &why) {
    error = "'" + path_ + "': " + why;
    return false;
  };

  // --- Header.
  if (size_ < kHeaderSize)
    return fail("not a Wafer binary: " + std::to_string(size_) +
                " bytes, fewer than the " + std::to_string(kHeaderSize) +
                "-byte header");
  if (std::memcmp(data_, kMagic, sizeof(kMagic)) != 0)
    return fail("not a Wafer binary (wrong magic; expected \"WAFERWFB\")");
  versionMajor_ = getU32(data_ + 8);
  versionMinor_ = getU32(data_ + 12);
  if (versionMajor_ > kVersionMajor)
    return fail("written in format " + std::to_string(versionMajor_) + "." +
                std::to_string(versionMinor_) +
                " by a newer Wafer; this one reads format " +
                std::to_string(kVersionMajor) + ".x");
  if (versionMajor_ == 0)
    return fail("format version 0 does not exist");
  if (getU64(data_ + 56) != checksum(data_, 56))
    return fail("header checksum mismatch (the file is corrupt)");
  uint64_t flags = getU64(data_ + 16);
  if (flags)
    return fail("unknown header flags " + hex(flags));
  targetHash_ = getU64(data_ + 24);
  uint64_t tableOffset = getU64(data_ + 32);
  uint32_t count = getU32(data_ + 40);
  if (getU32(data_ + 44))
    return fail("reserved header bytes are not zero");
  uint64_t declaredSize = getU64(data_ + 48);
  if (declaredSize != size_)
    return fail("truncated or padded: the header says " +
                std::to_string(declaredSize) + " bytes, the file has " +
                std::to_string(size_));
  if (count > kMaxSections)
    return fail(std::to_string(count) + " sections; at most " +
                std::to_string(kMaxSections) + " are allowed");
  if (tableOffset < kHeaderSize ||
      !within(tableOffset, uint64_t(count) * kSectionEntrySize, size_))
    return fail("the section table at " + std::to_string(tableOffset) +
                " does not fit the file");

  // --- Section table.
  std::set<uint32_t> seen;
  std::vector<SectionInfo> all;
  for (uint32_t i = 0; i < count; ++i) {
    const char *e = data_ + tableOffset + uint64_t(i) * kSectionEntrySize;
    SectionInfo s;
    s.id = getU32(e);
    s.flags = getU32(e + 4);
    s.offset = getU64(e + 8);
    s.size = getU64(e + 16);
    s.alignment = getU64(e + 24);
    s.checksum = getU64(e + 32);
    std::string name = sectionName(s.id);
    if (getU64(e + 40))
      return fail("reserved bytes of the " + name + " entry are not zero");
    if (!seen.insert(s.id).second)
      return fail("two sections with id " + std::to_string(s.id) + " (" +
                  name + ")");
    if (s.flags & ~kSectionRequired)
      return fail(name + " has unknown flags " + hex(s.flags));
    if (s.alignment == 0 || (s.alignment & (s.alignment - 1)) ||
        s.alignment > (uint64_t(1) << 20))
      return fail(name + " has alignment " + std::to_string(s.alignment) +
                  ", not a power of two up to 1 MiB");
    if (s.offset % s.alignment)
      return fail(name + " at offset " + std::to_string(s.offset) +
                  " is not aligned to " + std::to_string(s.alignment));
    if (s.offset < kHeaderSize || !within(s.offset, s.size, size_) ||
        (s.offset < tableOffset + uint64_t(count) * kSectionEntrySize &&
         tableOffset < s.offset + s.size))
      return fail(name + " [" + std::to_string(s.offset) + ", +" +
                  std::to_string(s.size) +
                  ") overlaps the header or the table or leaves the file");
    for (const SectionInfo &o : all)
      if (s.offset < o.offset + o.size && o.offset < s.offset + s.size)
        return fail(name + " overlaps " + sectionName(o.id));
    all.push_back(s);
    uint64_t sum = checksum(data_ + s.offset, s.size);
    if (sum != s.checksum)
      return fail(name + " checksum mismatch (stored " + hex(s.checksum) +
                  ", computed " + hex(sum) + "): the file is corrupt");
    bool known = s.id == uint32_t(SectionId::Manifest) ||
                 s.id == uint32_t(SectionId::HostProgram) ||
                 s.id == uint32_t(SectionId::Weights) ||
                 s.id == uint32_t(SectionId::PeDesign);
    if (!known && s.required())
      return fail("required " + name +
                  " is unknown to this Wafer (written by a newer one?)");
    if (known)
      sections_.push_back(s);
  }

  // --- Protobuf sections.
  std::string_view manifestBytes = section(uint32_t(SectionId::Manifest));
  std::string_view programBytes = section(uint32_t(SectionId::HostProgram));
  if (!seen.count(uint32_t(SectionId::Manifest)))
    return fail("no manifest section");
  if (!seen.count(uint32_t(SectionId::HostProgram)))
    return fail("no host-program section");
  if (manifestBytes.size() > size_t(INT32_MAX) ||
      !manifest_.ParseFromArray(manifestBytes.data(),
                                int(manifestBytes.size())))
    return fail("the manifest section does not parse");
  if (programBytes.size() > size_t(INT32_MAX) ||
      !hostProgram_.ParseFromArray(programBytes.data(),
                                   int(programBytes.size())))
    return fail("the host-program section does not parse");
  if (seen.count(uint32_t(SectionId::PeDesign))) {
    std::string_view peBytes = section(uint32_t(SectionId::PeDesign));
    peDesign_.emplace();
    if (peBytes.size() > size_t(INT32_MAX) ||
        !peDesign_->ParseFromArray(peBytes.data(), int(peBytes.size())))
      return fail("the pe-design section does not parse");
  }
  if (wfb::targetHash(manifest_.target()) != targetHash_)
    return fail("the header's target hash does not match the manifest's "
                "target");
  if (std::string problem = targetProblemOf(manifest_.target());
      !problem.empty())
    return fail("the manifest's target '" + manifest_.target().name() +
                "' is not one Wafer models: " + problem);
  if (!options.expectTarget.empty() &&
      manifest_.target().name() != options.expectTarget)
    return fail("compiled for target '" + manifest_.target().name() +
                "', not '" + options.expectTarget + "'");

  // --- Tensors.
  std::string_view weights = section(uint32_t(SectionId::Weights));
  int32_t numTensors = manifest_.tensors_size();
  tensorData_.assign(numTensors, {});
  numElements_.assign(numTensors, 0);
  numBytes_.assign(numTensors, 0);
  for (int32_t t = 0; t < numTensors; ++t) {
    const Tensor &tensor = manifest_.tensors(t);
    std::string what = "tensor " + std::to_string(t) + " ('" +
                       tensor.name() + "')";
    size_t width = dtypeBytes(tensor.dtype());
    if (!width)
      return fail(what + " has unknown element type " +
                  std::to_string(int(tensor.dtype())));
    for (int64_t d : tensor.shape())
      if (d < 0)
        return fail(what + " has a negative dimension " + std::to_string(d));
    std::optional<int64_t> elements = checkedElementCount(tensor.shape());
    std::optional<int64_t> bytes =
        elements ? checkedMul(*elements, int64_t(width)) : std::nullopt;
    if (!bytes)
      return fail(what + " has more elements than 64 bits count");
    numElements_[t] = *elements;
    numBytes_[t] = *bytes;
    bool hasData = tensor.data_case() != Tensor::DATA_NOT_SET;
    if (tensor.kind() != Tensor::CONSTANT) {
      if (hasData || tensor.splat())
        return fail(what + " is not a constant but carries data");
      continue;
    }
    uint64_t expected = tensor.splat() ? width : uint64_t(*bytes);
    std::string_view bytesOf;
    switch (tensor.data_case()) {
    case Tensor::kWeight: {
      const WeightRef &w = tensor.weight();
      if (w.offset() % kWeightAlignment)
        return fail(what + " starts at weights offset " +
                    std::to_string(w.offset()) + ", not 64-byte aligned");
      if (!within(w.offset(), w.length(), weights.size()))
        return fail(what + " needs weights bytes [" +
                    std::to_string(w.offset()) + ", +" +
                    std::to_string(w.length()) + "), beyond the " +
                    std::to_string(weights.size()) + "-byte weights section");
      bytesOf = weights.substr(w.offset(), w.length());
      break;
    }
    case Tensor::kExternal: {
      const ExternalRef &x = tensor.external();
      if (!staysInsideFolder(x.path()))
        return fail(what + " refers to '" + x.path() +
                    "', which is not a relative path inside the binary's "
                    "folder");
      std::unique_ptr<MappedFile> &file = external_[x.path()];
      if (!file) {
        std::string fileError;
        file = MappedFile::map(baseDir + "/" + x.path(), fileError);
        if (!file) {
          external_.erase(x.path());
          return fail(what + ": " + fileError);
        }
      }
      if (!within(x.offset(), x.length(), file->size()))
        return fail(what + " needs bytes [" + std::to_string(x.offset()) +
                    ", +" + std::to_string(x.length()) + ") of '" +
                    x.path() + "', which has " +
                    std::to_string(file->size()));
      bytesOf = std::string_view(file->data() + x.offset(), x.length());
      if (options.verifyExternalChecksums &&
          checksum(bytesOf.data(), bytesOf.size()) != x.xxh64())
        return fail(what + ": the bytes of '" + x.path() +
                    "' changed since the binary was written (checksum "
                    "mismatch)");
      break;
    }
    case Tensor::kInlineData:
      bytesOf = tensor.inline_data();
      break;
    case Tensor::DATA_NOT_SET:
      return fail(what + " is a constant without data");
    }
    if (bytesOf.size() != expected)
      return fail(what + " has " + std::to_string(bytesOf.size()) +
                  " bytes of data; its " + dtypeName(tensor.dtype()) +
                  " shape needs " + std::to_string(expected));
    tensorData_[t] = bytesOf;
  }

  // --- Entries: the programs of the host program, one after another.
  auto validTensor = [&](int32_t t) { return t >= 0 && t < numTensors; };
  int numOps = hostProgram_.ops_size();
  struct EntryView {
    std::string what;
    int begin, end;
    const Signature *signature;
  };
  std::vector<EntryView> entries;
  if (hostProgram_.entries_size() == 0) {
    entries.push_back({"the host program", 0, numOps,
                       &manifest_.signature()});
  } else {
    int next = 0;
    for (int e = 0; e < hostProgram_.entries_size(); ++e) {
      const Entry &entry = hostProgram_.entries(e);
      std::string what = "entry " + std::to_string(e) + " ('" +
                         entry.name() + "')";
      if (entry.name().empty())
        return fail("entry " + std::to_string(e) + " has no name");
      if (entry.begin() != next || entry.end() < entry.begin() ||
          entry.end() > numOps)
        return fail(what + " runs host ops [" +
                    std::to_string(entry.begin()) + ", " +
                    std::to_string(entry.end()) + "), not a range from " +
                    std::to_string(next) + " within the " +
                    std::to_string(numOps) + " ops");
      if (entry.tokens() < 1)
        return fail(what + " takes " + std::to_string(entry.tokens()) +
                    " positions per run");
      if (e == 0 && (entry.signature().inputs_size() ||
                     entry.signature().outputs_size()))
        return fail(what + " has a signature of its own; the first entry's "
                           "is the manifest's");
      next = entry.end();
      entries.push_back({what, entry.begin(), entry.end(),
                         e == 0 ? &manifest_.signature() : &entry.signature()});
    }
    if (next != numOps)
      return fail("the entries end at host op " + std::to_string(next) +
                  " of " + std::to_string(numOps));
  }

  // --- Signatures: every input tensor bound by exactly one entry.
  std::vector<int> boundBy(numTensors, -1), bound(numTensors, 0);
  for (size_t e = 0; e < entries.size(); ++e) {
    const Signature &sig = *entries[e].signature;
    std::string of = entries.size() > 1 ? " of " + entries[e].what : "";
    std::set<std::string> names;
    for (const Binding &b : sig.inputs()) {
      if (b.name().empty() || !names.insert(b.name()).second)
        return fail("input name '" + b.name() + "'" + of +
                    " is empty or repeated");
      if (!validTensor(b.tensor()) ||
          manifest_.tensors(b.tensor()).kind() != Tensor::INPUT)
        return fail("input '" + b.name() + "'" + of + " binds tensor " +
                    std::to_string(b.tensor()) + ", which is no input tensor");
      ++bound[b.tensor()];
      boundBy[b.tensor()] = int(e);
    }
    names.clear();
    for (const Binding &b : sig.outputs()) {
      if (b.name().empty() || !names.insert(b.name()).second)
        return fail("output name '" + b.name() + "'" + of +
                    " is empty or repeated");
      if (!validTensor(b.tensor()))
        return fail("output '" + b.name() + "'" + of + " binds tensor " +
                    std::to_string(b.tensor()) + ", which does not exist");
    }
    if (sig.outputs_size() == 0)
      return fail(entries.size() > 1 ? entries[e].what + " has no outputs"
                                     : "the signature has no outputs");
  }
  for (int32_t t = 0; t < numTensors; ++t)
    if (manifest_.tensors(t).kind() == Tensor::INPUT && bound[t] != 1)
      return fail("input tensor " + std::to_string(t) + " is bound " +
                  std::to_string(bound[t]) + " times by the signature");

  // --- Host program: every tensor defined once, before its uses, in the
  // entry that uses it (constants and state belong to all).
  std::vector<int> definedIn(numTensors, -1);
  constexpr int kEveryEntry = -2;
  for (int32_t t = 0; t < numTensors; ++t) {
    Tensor::Kind kind = manifest_.tensors(t).kind();
    if (kind == Tensor::INPUT)
      definedIn[t] = boundBy[t];
    else if (kind != Tensor::INTERMEDIATE)
      definedIn[t] = kEveryEntry;
  }
  for (size_t e = 0; e < entries.size(); ++e) {
    for (int i = entries[e].begin; i < entries[e].end; ++i) {
      const HostOp &op = hostProgram_.ops(i);
      std::string what =
          "host op " + std::to_string(i) + " (" + op.kind() +
          (op.location().empty() ? "" : " '" + op.location() + "'") + ")";
      if (op.kind().empty())
        return fail(what + " has no kind");
      for (int32_t t : op.inputs()) {
        if (t == -1)
          continue;
        if (!validTensor(t))
          return fail(what + " reads tensor " + std::to_string(t) +
                      ", which does not exist");
        if (definedIn[t] != kEveryEntry && definedIn[t] != int(e))
          return fail(what + " reads tensor " + std::to_string(t) +
                      (definedIn[t] < 0 ? " before any op computes it"
                                        : ", which another entry computes"));
      }
      for (int32_t t : op.outputs()) {
        if (!validTensor(t))
          return fail(what + " writes tensor " + std::to_string(t) +
                      ", which does not exist");
        Tensor::Kind kind = manifest_.tensors(t).kind();
        if (kind == Tensor::STATE)
          continue; // written in place, run after run
        if (kind != Tensor::INTERMEDIATE)
          return fail(what + " writes tensor " + std::to_string(t) +
                      ", which is no intermediate tensor");
        if (definedIn[t] != -1)
          return fail(what + " writes tensor " + std::to_string(t) +
                      ", which is already computed");
        definedIn[t] = int(e);
      }
      if (op.kernel() < -1 || op.kernel() >= manifest_.kernels_size())
        return fail(what + " belongs to kernel " +
                    std::to_string(op.kernel()) + ", which does not exist");
    }
    for (const Binding &b : entries[e].signature->outputs())
      if (definedIn[b.tensor()] != int(e) &&
          definedIn[b.tensor()] != kEveryEntry)
        return fail("output '" + b.name() + "'" +
                    (entries.size() > 1 ? " of " + entries[e].what : "") +
                    " is computed by no host op");
  }

  // --- The decode caches.
  if (manifest_.has_decode()) {
    const Decode &d = manifest_.decode();
    if (d.capacity() < 1)
      return fail("the decode caches hold " + std::to_string(d.capacity()) +
                  " positions");
    if (d.masked_past() < 0)
      return fail("the prefill's masked past is negative");
    if (d.caches_size() == 0 || hostProgram_.entries_size() == 0)
      return fail("a decode binary needs caches and entries");
    std::set<std::string> names;
    for (const Cache &c : d.caches()) {
      if (c.name().empty() || !names.insert(c.name()).second)
        return fail("cache name '" + c.name() + "' is empty or repeated");
      if (!validTensor(c.tensor()) ||
          manifest_.tensors(c.tensor()).kind() != Tensor::STATE)
        return fail("cache '" + c.name() + "' is tensor " +
                    std::to_string(c.tensor()) + ", which is no state tensor");
      const Tensor &t = manifest_.tensors(c.tensor());
      if (c.axis() < 0 || c.axis() >= t.shape_size() ||
          t.shape(int(c.axis())) != d.capacity())
        return fail("cache '" + c.name() + "' has no axis " +
                    std::to_string(c.axis()) + " of the capacity " +
                    std::to_string(d.capacity()));
    }
  }
  for (int32_t t = 0; t < numTensors; ++t)
    if (manifest_.tensors(t).kind() == Tensor::STATE &&
        !manifest_.has_decode())
      return fail("tensor " + std::to_string(t) +
                  " is state, but the binary has no decode caches");

  // --- Kernels and streams.
  int32_t numKernels = manifest_.kernels_size();
  for (int32_t k = 0; k < numKernels; ++k)
    for (int32_t op : manifest_.kernels(k).host_ops())
      if (op < 0 || op >= hostProgram_.ops_size())
        return fail("kernel '" + manifest_.kernels(k).name() +
                    "' lists host op " + std::to_string(op) +
                    ", which does not exist");
  for (const Stream &s : manifest_.streams()) {
    if (s.producer() < 0 || s.producer() >= numKernels)
      return fail("a stream's producer " + std::to_string(s.producer()) +
                  " is no kernel");
    for (int32_t c : s.consumers())
      if (c < 0 || c >= numKernels)
        return fail("a stream's consumer " + std::to_string(c) +
                    " is no kernel");
  }

  // --- The pe design, last: its host I/O names signature entries.
  if (peDesign_) {
    std::string why;
    if (!checkPeDesign(*peDesign_, manifest_, why))
      return fail(why);
  }
  return true;
}

} // namespace wafer::wfb
