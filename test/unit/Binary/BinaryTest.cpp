// The .wfb container: a round trip through the writer and the reader, and
// every refusal of the reader on a damaged file. MLIR-free, like the format.

#include "wafer/Binary/BlockLayout.h"
#include "wafer/Binary/Reader.h"
#include "wafer/Binary/TextDump.h"
#include "wafer/Binary/Writer.h"
#include "../WfbTestTarget.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unistd.h>

using namespace wafer::wfb;

namespace {

std::string tempPath(const std::string &name) {
  return ::testing::TempDir() + "/" + std::to_string(::getpid()) + "-" + name;
}

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

using wafer::unit::smallTarget;

/// y = relu(x + w): an input, a 64-byte-aligned weight, an inline scalar
/// and two host ops.
struct Sample {
  Manifest manifest;
  HostProgram program;
  std::vector<float> weight = {1, 2, 3, 4};
};

Sample sample() {
  Sample s;
  Manifest &m = s.manifest;
  m.set_producer("test");
  *m.mutable_target() = smallTarget();
  auto tensor = [&](const char *name, Tensor::Kind kind) {
    Tensor *t = m.add_tensors();
    t->set_name(name);
    t->set_dtype(F32);
    t->add_shape(4);
    t->set_kind(kind);
    return t;
  };
  tensor("x", Tensor::INPUT);
  Tensor *w = tensor("w", Tensor::CONSTANT);
  w->mutable_weight()->set_offset(64);
  w->mutable_weight()->set_length(16);
  Tensor *c = tensor("c", Tensor::CONSTANT);
  c->set_splat(true);
  float zero = 0;
  c->set_inline_data(std::string(reinterpret_cast<char *>(&zero), 4));
  tensor("sum", Tensor::INTERMEDIATE);
  tensor("y", Tensor::INTERMEDIATE);
  Binding *in = m.mutable_signature()->add_inputs();
  in->set_name("x");
  in->set_tensor(0);
  Binding *out = m.mutable_signature()->add_outputs();
  out->set_name("y");
  out->set_tensor(4);
  HostOp *add = s.program.add_ops();
  add->set_kind("add");
  add->add_inputs(0);
  add->add_inputs(1);
  add->add_outputs(3);
  add->set_kernel(-1);
  HostOp *relu = s.program.add_ops();
  relu->set_kind("max");
  relu->add_inputs(3);
  relu->add_inputs(2);
  relu->add_outputs(4);
  relu->set_kernel(-1);
  return s;
}

/// Writes `s` (and an optional extra section) to `path`.
void write(const Sample &s, const std::string &path, uint32_t extraId = 0,
           uint32_t extraFlags = 0, const PeDesign *pe = nullptr) {
  BinaryWriter w;
  std::string error;
  ASSERT_TRUE(w.open(path, error)) << error;
  std::string manifest = serialize(s.manifest);
  w.beginSection(SectionId::Manifest, kSectionRequired, 8);
  w.append(manifest.data(), manifest.size());
  w.endSection();
  std::string program = serialize(s.program);
  w.beginSection(SectionId::HostProgram, kSectionRequired, 8);
  w.append(program.data(), program.size());
  w.endSection();
  w.beginSection(SectionId::Weights, kSectionRequired, kWeightAlignment);
  char pad[64] = {};
  w.append(pad, 3);
  EXPECT_EQ(w.alignTo(64), 64u); // the weight lives at offset 64
  w.append(s.weight.data(), s.weight.size() * sizeof(float));
  w.endSection();
  if (pe) {
    std::string bytes = serialize(*pe);
    w.beginSection(SectionId::PeDesign, 0, 8);
    w.append(bytes.data(), bytes.size());
    w.endSection();
  }
  if (extraId) {
    w.beginSection(extraId, extraFlags, 8);
    w.append("future", 6);
    w.endSection();
  }
  ASSERT_TRUE(w.finish(targetHash(s.manifest.target()), error)) << error;
}

std::string openError(const std::string &bytes,
                      const OpenOptions &options = {}) {
  std::string error;
  auto binary = BinaryFile::fromBytes(bytes, "damaged.wfb", error, options);
  EXPECT_FALSE(binary) << "a damaged file was accepted";
  return error;
}

void putU32(std::string &bytes, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    bytes[at + i] = char(v >> (8 * i));
}

/// Re-seals the header checksum after a deliberate header edit, so that
/// the check after it is reached.
void resealHeader(std::string &bytes) {
  uint64_t sum = checksum(bytes.data(), 56);
  for (int i = 0; i < 8; ++i)
    bytes[56 + i] = char(sum >> (8 * i));
}

TEST(Binary, RoundTrip) {
  std::string path = tempPath("round.wfb");
  write(sample(), path);
  std::string error;
  auto binary = BinaryFile::open(path, error);
  ASSERT_TRUE(binary) << error;
  EXPECT_EQ(binary->manifest().tensors_size(), 5);
  EXPECT_EQ(binary->hostProgram().ops_size(), 2);
  std::string_view w = binary->tensorData(1);
  ASSERT_EQ(w.size(), 16u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(w.data()) % 64, 0u)
      << "weights must be 64-byte aligned in the mapping";
  float values[4];
  std::memcpy(values, w.data(), 16);
  EXPECT_EQ(values[3], 4.0f);
  EXPECT_EQ(binary->tensorData(2).size(), 4u); // the splat's one element
  EXPECT_EQ(binary->numBytes(2), 16);
  std::ostringstream text;
  printBinary(*binary, text);
  EXPECT_NE(text.str().find("1: %4 = max(%3, %2)"), std::string::npos)
      << text.str();
  EXPECT_NE(text.str().find("splat [0]"), std::string::npos) << text.str();
}

TEST(Binary, SameInputSameBytes) {
  std::string a = tempPath("a.wfb"), b = tempPath("b.wfb");
  write(sample(), a);
  write(sample(), b);
  EXPECT_EQ(readFile(a), readFile(b));
}

TEST(Binary, UnknownOptionalSectionIsSkipped) {
  std::string path = tempPath("optional.wfb");
  write(sample(), path, /*extraId=*/77, /*flags=*/0);
  std::string error;
  auto binary = BinaryFile::open(path, error);
  ASSERT_TRUE(binary) << error;
  EXPECT_TRUE(binary->section(77).empty());
}

TEST(Binary, UnknownRequiredSectionIsRefused) {
  std::string path = tempPath("required.wfb");
  write(sample(), path, /*extraId=*/77, kSectionRequired);
  EXPECT_NE(openError(readFile(path)).find(
                "required section 77 is unknown to this Wafer"),
            std::string::npos);
}

TEST(Binary, EveryTruncationIsRefused) {
  std::string path = tempPath("trunc.wfb");
  write(sample(), path);
  std::string bytes = readFile(path);
  for (size_t n = 0; n < bytes.size(); ++n)
    EXPECT_FALSE(openError(bytes.substr(0, n)).empty()) << "length " << n;
}

TEST(Binary, EveryFlippedByteIsRefused) {
  std::string path = tempPath("flip.wfb");
  write(sample(), path);
  std::string bytes = readFile(path);
  // Every byte is covered by a checksum or must be zero, except the padding
  // between sections, which no reader looks at: sections are checksummed,
  // the header seals itself and the table's entries hold the section
  // checksums.
  std::string error;
  auto intact = BinaryFile::fromBytes(bytes, "flip.wfb", error);
  ASSERT_TRUE(intact) << error;
  size_t padding = bytes.size() - kHeaderSize -
                   intact->sections().size() * kSectionEntrySize;
  for (const SectionInfo &s : intact->sections())
    padding -= s.size;
  size_t accepted = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] ^= 0x5a;
    if (BinaryFile::fromBytes(damaged, "flip.wfb", error))
      ++accepted;
  }
  EXPECT_EQ(accepted, padding);
}

TEST(Binary, ReasonsAreSpecific) {
  std::string path = tempPath("reasons.wfb");
  write(sample(), path);
  std::string bytes = readFile(path);

  std::string magic = bytes;
  magic[0] = 'X';
  EXPECT_NE(openError(magic).find("wrong magic"), std::string::npos);

  std::string newer = bytes;
  putU32(newer, 8, kVersionMajor + 1);
  resealHeader(newer);
  EXPECT_NE(openError(newer).find("by a newer Wafer"), std::string::npos);

  std::string header = bytes;
  header[20] ^= 1;
  EXPECT_NE(openError(header).find("header checksum"), std::string::npos);

  std::string section = bytes;
  section[kHeaderSize + 2] ^= 1; // inside the manifest
  EXPECT_NE(openError(section).find("manifest checksum mismatch"),
            std::string::npos);

  std::string padded = bytes + "x";
  EXPECT_NE(openError(padded).find("truncated or padded"), std::string::npos);

  OpenOptions wse3;
  wse3.expectTarget = "wse3";
  EXPECT_NE(openError(bytes, wse3).find("compiled for target 'custom', not "
                                        "'wse3'"),
            std::string::npos);
}

TEST(Binary, InconsistentManifestsAreRefused) {
  auto refused = [](Sample s, const char *why) {
    std::string path = tempPath("bad.wfb");
    write(s, path);
    std::string error = openError(readFile(path));
    EXPECT_NE(error.find(why), std::string::npos) << error;
  };
  Sample s = sample();
  s.manifest.mutable_tensors(1)->mutable_weight()->set_offset(128);
  refused(s, "beyond the");
  s = sample();
  s.manifest.mutable_tensors(1)->mutable_weight()->set_offset(32);
  refused(s, "not 64-byte aligned");
  s = sample();
  s.manifest.mutable_tensors(1)->add_shape(2);
  refused(s, "bytes of data; its f32 shape needs 32");
  s = sample();
  s.manifest.mutable_tensors(0)->add_shape(-3);
  refused(s, "negative dimension");
  s = sample();
  for (int i = 0; i < 4; ++i)
    s.manifest.mutable_tensors(3)->add_shape(int64_t(1) << 20);
  refused(s, "more elements than 64 bits count");
  s = sample();
  s.program.mutable_ops(0)->set_inputs(0, 4);
  refused(s, "reads tensor 4 before any op computes it");
  s = sample();
  s.program.mutable_ops(1)->set_outputs(0, 3);
  refused(s, "writes tensor 3, which is already computed");
  s = sample();
  s.program.mutable_ops(0)->set_inputs(1, 99);
  refused(s, "reads tensor 99, which does not exist");
  s = sample();
  s.manifest.mutable_signature()->mutable_outputs(0)->set_tensor(42);
  refused(s, "binds tensor 42, which does not exist");
  s = sample();
  s.manifest.mutable_signature()->clear_inputs();
  refused(s, "is bound 0 times");
  s = sample();
  s.manifest.mutable_tensors(1)->mutable_external()->set_path("../w.bin");
  refused(s, "not a relative path inside the binary's folder");
}

TEST(Binary, TargetsBeyondWhatWaferModelsAreRefused) {
  auto refused = [](void (*edit)(Target &), const char *why) {
    Sample s = sample();
    edit(*s.manifest.mutable_target());
    std::string path = tempPath("bad-target.wfb");
    write(s, path);
    std::string error = openError(readFile(path));
    EXPECT_NE(error.find("the manifest's target 'custom' is not one Wafer "
                         "models"),
              std::string::npos)
        << error;
    EXPECT_NE(error.find(why), std::string::npos) << error;
  };
  refused([](Target &t) { t.set_width(0); }, "mesh must be at least 1x1");
  refused([](Target &t) { t.set_height(int64_t(1) << 40); },
          "exceeds what Wafer models");
  refused([](Target &t) { t.set_code_bytes(49152); },
          "must leave room for data");
  refused([](Target &t) { t.set_colors(65); }, "colors must be between");
  refused([](Target &t) { t.add_reserved_colors(24); },
          "reserved color 24 outside 0..23");
  refused([](Target &t) { t.set_fmac_f32(0); }, "must be positive");
  refused([](Target &t) { t.set_mem_read_bytes_per_cycle(-8); },
          "must be positive");
  refused([](Target &t) { t.set_link_bytes_per_cycle(int64_t(1) << 40); },
          "at most 1048576 per cycle");
}

/// One program on a 2x1 rectangle: a buffer of 8 floats, an entry task
/// that scales it and sends it east, and its route.
PeDesign samplePeDesign() {
  PeDesign d;
  PeProgram *p = d.add_programs();
  p->set_name("k");
  p->set_x(1);
  p->set_y(2);
  p->set_width(2);
  p->set_height(1);
  PeBuffer *b = p->add_buffers();
  b->set_name("x");
  b->set_dtype(F32);
  b->set_length(8);
  b->set_address(64);
  PeTask *t = p->add_tasks();
  t->set_name("main");
  t->set_entry(true);
  auto range = [](PeInstruction *inst, int64_t offset, int64_t length) {
    PeRange *r = inst->add_ranges();
    r->set_buffer(0);
    r->set_offset(offset);
    r->set_length(length);
    r->set_stride(1);
  };
  PeInstruction *mul = t->add_body();
  mul->set_opcode(PeInstruction::FMUL);
  range(mul, 0, 4);
  range(mul, 0, 4);
  range(mul, 4, 4);
  PeInstruction *send = t->add_body();
  send->set_opcode(PeInstruction::SEND);
  range(send, 0, 8);
  send->set_color(3);
  PeRoute *r = d.add_routes();
  r->set_color(3);
  r->set_x(1);
  r->set_y(2);
  r->set_width(1);
  r->set_height(1);
  r->set_from(16); // ramp
  r->set_to(4);    // east
  return d;
}

TEST(Binary, PeDesignRoundTrips) {
  std::string path = tempPath("pe.wfb");
  PeDesign design = samplePeDesign();
  write(sample(), path, 0, 0, &design);
  std::string error;
  auto binary = BinaryFile::open(path, error);
  ASSERT_TRUE(binary) << error;
  ASSERT_NE(binary->peDesign(), nullptr);
  EXPECT_EQ(binary->peDesign()->SerializeAsString(), design.SerializeAsString());
  std::ostringstream text;
  printBinary(*binary, text);
  EXPECT_NE(text.str().find("// ---- pe design (1 programs, 1 routes)"),
            std::string::npos)
      << text.str();
  EXPECT_NE(text.str().find("      fmul x[0 : 4], x[0 : 4], x[4 : 4]\n"
                            "      send x[0 : 8] on color 3\n"),
            std::string::npos)
      << text.str();
  EXPECT_NE(text.str().find("route color 3 slot 0 at [1, 2] size [1, 1] from "
                            "ramp to east"),
            std::string::npos)
      << text.str();
  // A binary without one has none.
  write(sample(), path);
  binary = BinaryFile::open(path, error);
  ASSERT_TRUE(binary) << error;
  EXPECT_EQ(binary->peDesign(), nullptr);
}

TEST(Binary, PeProgramsNameTheirKernels) {
  std::string path = tempPath("pe-kernel.wfb");
  Sample s = sample();
  Kernel *k = s.manifest.add_kernels();
  k->set_name("fc");
  k->set_scheme("elementwise");
  k->set_cycles(10);
  PeDesign d = samplePeDesign();
  d.mutable_programs(0)->set_kernel(0);
  write(s, path, 0, 0, &d);
  std::string error;
  auto binary = BinaryFile::open(path, error);
  ASSERT_TRUE(binary) << error;
  std::ostringstream text;
  printBinary(*binary, text);
  EXPECT_NE(text.str().find("program 'k' for kernel 'fc' at [1, 2]"),
            std::string::npos)
      << text.str();
  // A kernel the manifest does not have, and one of another slot.
  d.mutable_programs(0)->set_kernel(1);
  write(s, path, 0, 0, &d);
  error = openError(readFile(path));
  EXPECT_NE(error.find("program 0 'k' implements kernel 1; the manifest has 1 "
                       "kernels"),
            std::string::npos)
      << error;
  d.mutable_programs(0)->set_kernel(0);
  k->set_slot(1);
  write(s, path, 0, 0, &d);
  error = openError(readFile(path));
  EXPECT_NE(error.find("program 0 'k' runs in slot 0 but implements kernel "
                       "'fc' of slot 1"),
            std::string::npos)
      << error;
}

TEST(Binary, BlockLayoutSpreadsATensorInBlocks) {
  // [3, 5] with dim 1 over 2 columns and dim 0 over 2 rows: blocks of 2x3,
  // the last column's and the last row's padded.
  BlockLayout l;
  std::string error;
  ASSERT_TRUE(BlockLayout::make({3, 5}, 1, 0, 2, 2, l, error)) << error;
  EXPECT_EQ(l.blockShape(), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(l.blockElements(), 6);
  auto pairs = [&](int64_t column, int64_t row) {
    std::vector<std::pair<int64_t, int64_t>> out;
    l.forEachElement(column, row,
                     [&](int64_t t, int64_t b) { out.emplace_back(t, b); });
    return out;
  };
  using P = std::vector<std::pair<int64_t, int64_t>>;
  // (r, c) is element 5r + c; the block is row-major over 2x3.
  EXPECT_EQ(pairs(0, 0), (P{{0, 0}, {1, 1}, {2, 2}, {5, 3}, {6, 4}, {7, 5}}));
  EXPECT_EQ(pairs(1, 0), (P{{3, 0}, {4, 1}, {8, 3}, {9, 4}}));
  EXPECT_EQ(pairs(1, 1), (P{{13, 0}, {14, 1}}));
  // Not split: every PE holds the whole tensor.
  ASSERT_TRUE(BlockLayout::make({2, 2}, -1, -1, 3, 3, l, error)) << error;
  EXPECT_EQ(pairs(2, 1), (P{{0, 0}, {1, 1}, {2, 2}, {3, 3}}));
  // A scalar.
  ASSERT_TRUE(BlockLayout::make({}, -1, -1, 1, 1, l, error)) << error;
  EXPECT_EQ(pairs(0, 0), (P{{0, 0}}));
  // Flat: 15 elements in chunks of 4 over 2x2 PEs in row-major order, the
  // last chunk (PE (1, 1)) 3 long.
  ASSERT_TRUE(BlockLayout::makeFlat({3, 5}, 2, 2, l, error)) << error;
  EXPECT_EQ(l.blockElements(), 4);
  EXPECT_EQ(pairs(1, 0), (P{{4, 0}, {5, 1}, {6, 2}, {7, 3}}));
  EXPECT_EQ(pairs(0, 1), (P{{8, 0}, {9, 1}, {10, 2}, {11, 3}}));
  EXPECT_EQ(pairs(1, 1), (P{{12, 0}, {13, 1}, {14, 2}}));
  EXPECT_FALSE(BlockLayout::make({3, 5}, 2, 0, 2, 2, l, error));
  EXPECT_EQ(error, "splits dimension 2 of a rank-2 tensor");
  EXPECT_FALSE(BlockLayout::make({3, 5}, 1, 1, 2, 2, l, error));
  EXPECT_EQ(error, "splits dimension 1 over both the columns and the rows");
}

/// The text dump of the sample binary with pe design `d`, written to
/// `path` ("" when it does not load).
std::string peDesignText(const PeDesign &d, const std::string &path) {
  write(sample(), path, 0, 0, &d);
  std::string error;
  auto binary = BinaryFile::open(path, error);
  EXPECT_TRUE(binary) << error;
  if (!binary)
    return "";
  std::ostringstream text;
  printBinary(*binary, text);
  return text.str();
}

/// Expects the sample binary with pe design `d` to be refused for `why`.
void expectRefused(const PeDesign &d, const std::string &path,
                   const char *why) {
  write(sample(), path, 0, 0, &d);
  std::string error = openError(readFile(path));
  EXPECT_NE(error.find(why), std::string::npos) << error;
}

TEST(Binary, BlockLayoutPlacesAProgramInAGrid) {
  // [8, 6]: dim 0 over 4 grid rows, dim 1 over 3 grid columns (blocks of
  // 2x2); a program of 2 x 1 PEs at block (1, 2) holds blocks (1, 2) and
  // (2, 2).
  BlockLayout l;
  std::string error;
  ASSERT_TRUE(BlockLayout::make({8, 6}, 1, 0, 3, 4, l, error)) << error;
  ASSERT_TRUE(l.place(1, 2, 2, 1, error)) << error;
  auto pairs = [&](int64_t column, int64_t row) {
    std::vector<std::pair<int64_t, int64_t>> out;
    l.forEachElement(column, row,
                     [&](int64_t t, int64_t b) { out.emplace_back(t, b); });
    return out;
  };
  using P = std::vector<std::pair<int64_t, int64_t>>;
  // Element (r, c) is 6r + c: block (1, 2) is rows 4-5, columns 2-3.
  EXPECT_EQ(pairs(0, 0), (P{{26, 0}, {27, 1}, {32, 2}, {33, 3}}));
  EXPECT_EQ(pairs(1, 0), (P{{28, 0}, {29, 1}, {34, 2}, {35, 3}}));
  // Flat chunks follow the grid's row-major order too: 48 elements in
  // chunks of 4 over 3 x 4; PE (0, 0) at (1, 2) holds chunk 2 * 3 + 1.
  ASSERT_TRUE(BlockLayout::makeFlat({8, 6}, 3, 4, l, error)) << error;
  ASSERT_TRUE(l.place(1, 2, 2, 1, error)) << error;
  EXPECT_EQ(pairs(0, 0), (P{{28, 0}, {29, 1}, {30, 2}, {31, 3}}));
  // Past the grid's edge.
  EXPECT_FALSE(l.place(2, 2, 2, 1, error));
  EXPECT_EQ(error, "places a program of 2 x 1 PEs at block (2, 2) of a grid "
                   "of 3 x 4 blocks, past its edge");
  EXPECT_FALSE(l.place(0, 4, 1, 1, error));
}

TEST(Binary, PeWeightsAreChecked) {
  // The sample's weight w (tensor 1, f32[4]) in blocks of 2 over program
  // k's two columns, as the first two of a 4-column grid.
  auto withWeight = [] {
    PeDesign d = samplePeDesign();
    PeWeight *w = d.mutable_programs(0)->add_weights();
    w->set_tensor(1);
    w->set_buffer(0);
    w->set_column_dim(0);
    w->set_row_dim(-1);
    w->add_grid(4);
    w->add_grid(1);
    w->add_at(0);
    w->add_at(0);
    return d;
  };
  std::string path = tempPath("pe-weight.wfb");
  PeDesign d = withWeight();
  const std::string text = peDesignText(d, path);
  EXPECT_NE(text.find("    weight tensor 1 ('w') into x as "
                      "blocks<columns = 0, grid = [4, 1], at = [0, 0]>"),
            std::string::npos)
      << text;
  auto refused = [&](const PeDesign &bad, const char *why) {
    expectRefused(bad, path, why);
  };
  auto weight = [](PeDesign &x) {
    return x.mutable_programs(0)->mutable_weights(0);
  };
  d = withWeight();
  weight(d)->set_tensor(9);
  refused(d, "program 0 'k' weight 0 names tensor 9; there are 5");
  d = withWeight();
  weight(d)->set_tensor(0);
  refused(d, "program 0 'k' weight 0 names tensor 0 ('x'), which is not a "
             "constant");
  d = withWeight();
  weight(d)->set_at(0, 3);
  refused(d, "program 0 'k' weight 0 of tensor 1 ('w') places a program of "
             "2 x 1 PEs at block (3, 0) of a grid of 4 x 1 blocks, past its "
             "edge");
  d = withWeight();
  weight(d)->clear_grid();
  refused(d, "a corner needs a grid");
  d = withWeight();
  weight(d)->set_buffer(2);
  refused(d, "program 0 'k' weight 0 of tensor 1 ('w') names buffer 2, which "
             "the program does not have");
}

TEST(Binary, PeHostIoIsChecked) {
  // The sample's x and y, f32[4], in blocks of 2 over program k's two
  // columns (its buffer holds 8).
  auto withIo = [] {
    PeDesign d = samplePeDesign();
    for (bool output : {false, true}) {
      PeIo *io = d.mutable_programs(0)->add_io();
      io->set_output(output);
      io->set_binding(0);
      io->set_buffer(0);
      io->set_column_dim(0);
      io->set_row_dim(-1);
    }
    return d;
  };
  std::string path = tempPath("pe-io.wfb");
  PeDesign d = withIo();
  const std::string text = peDesignText(d, path);
  EXPECT_NE(text.find("    input 'x' into x as blocks<columns = 0>\n"
                      "    output 'y' from x as blocks<columns = 0>\n"),
            std::string::npos)
      << text;
  auto refused = [&](const PeDesign &bad, const char *why) {
    expectRefused(bad, path, why);
  };
  auto io = [](PeDesign &x, int i) {
    return x.mutable_programs(0)->mutable_io(i);
  };
  d = withIo();
  io(d, 0)->set_binding(1);
  refused(d, "program 0 'k' input 0 names signature input 1; there are 1");
  d = withIo();
  io(d, 1)->set_buffer(3);
  refused(d, "program 0 'k' output 1 of 'y' names buffer 3, which the "
             "program does not have");
  d = withIo();
  io(d, 0)->set_column_dim(1);
  refused(d, "program 0 'k' input 0 of 'x' splits dimension 1 of a rank-1 "
             "tensor");
  d = withIo();
  io(d, 0)->set_column_dim(-1);
  d.mutable_programs(0)->mutable_buffers(0)->set_length(3);
  refused(d, "program 0 'k' input 0 puts blocks of 4 elements (4) of 'x' in "
             "buffer 'x', which holds 3");
  d = withIo();
  io(d, 0)->set_flat(true);
  refused(d, "program 0 'k' input 0 of 'x' is flat and splits dimensions as "
             "well");
  d = withIo();
  d.mutable_programs(0)->mutable_buffers(0)->set_dtype(I32);
  refused(d, "program 0 'k' input 0 moves 'x' (f32) through buffer 'x' "
             "(i32); host I/O moves f32, f16 and bf16 tensors through "
             "buffers of their type");
  d = withIo();
  d.mutable_programs(0)->mutable_io()->RemoveLast();
  refused(d, "0 programs give model output 'y'; a design with host I/O gives "
             "each output from exactly one (pe.output)");
  d = withIo();
  d.mutable_programs(0)->mutable_io()->DeleteSubrange(0, 1);
  refused(d, "no program loads model input 'x'; a design with host I/O loads "
             "every input (pe.input)");
}

TEST(Binary, BadPeDesignsAreRefused) {
  auto refused = [](const PeDesign &d, const char *why) {
    std::string path = tempPath("bad-pe.wfb");
    write(sample(), path, 0, 0, &d);
    std::string error = openError(readFile(path));
    EXPECT_NE(error.find(why), std::string::npos) << error;
  };
  auto body = [](PeDesign &d, int i) {
    return d.mutable_programs(0)->mutable_tasks(0)->mutable_body(i);
  };
  PeDesign d = samplePeDesign();
  d.mutable_programs(0)->set_x(7);
  refused(d, "program 0 'k' at [7, 2] size [2, 1] is not inside the 8x8 mesh");
  d = samplePeDesign();
  d.mutable_programs(0)->mutable_buffers(0)->set_address(40960 - 16);
  refused(d, "does not fit the 40960 bytes of SRAM for data");
  d = samplePeDesign();
  d.mutable_programs(0)->mutable_buffers(0)->set_length(int64_t(1) << 62);
  refused(d, "does not fit");
  d = samplePeDesign();
  d.mutable_programs(0)->mutable_buffers(0)->set_address(2);
  refused(d, "is not aligned to its elements");
  d = samplePeDesign();
  d.mutable_programs(0)->mutable_buffers(0)->set_dtype(I64);
  refused(d, "PE buffers hold f32, f16, bf16 or i32");
  d = samplePeDesign();
  body(d, 0)->set_opcode(static_cast<PeInstruction::Opcode>(99));
  refused(d, "instruction 0 has unknown opcode 99");
  // A load task runs vector instructions once at load: not an entry task,
  // no sends, never activated.
  d = samplePeDesign();
  d.mutable_programs(0)->mutable_tasks(0)->set_load(true);
  refused(d, "task 'main' is a load task marked as an entry task");
  d = samplePeDesign();
  {
    PeTask *load = d.mutable_programs(0)->add_tasks();
    load->set_name("constants");
    load->set_load(true);
    *load->add_body() = d.programs(0).tasks(0).body(0);
    PeInstruction *send = load->add_body();
    send->set_opcode(PeInstruction::SEND);
    *send->add_ranges() = d.programs(0).tasks(0).body(0).ranges(0);
  }
  refused(d, "task 'constants' instruction 1 is SEND; a load task runs vector "
             "instructions only");
  d.mutable_programs(0)->mutable_tasks(1)->mutable_body()->RemoveLast();
  {
    PeInstruction *activate =
        d.mutable_programs(0)->mutable_tasks(0)->add_body();
    activate->set_opcode(PeInstruction::ACTIVATE);
    activate->set_task(1);
  }
  refused(d, "names load task 'constants', which runs once when the program "
             "is loaded");
  d = samplePeDesign();
  body(d, 0)->mutable_ranges()->RemoveLast();
  refused(d, "has 2 ranges; its opcode takes 3");
  d = samplePeDesign();
  body(d, 0)->mutable_ranges(1)->set_buffer(5);
  refused(d, "range 1 names buffer 5, which the program does not have");
  d = samplePeDesign();
  body(d, 0)->mutable_ranges(2)->set_offset(6);
  refused(d, "range 2 [6 : 4 : 1] is not inside its buffer of 8 elements");
  d = samplePeDesign();
  body(d, 0)->mutable_ranges(2)->set_stride(int64_t(1) << 62);
  refused(d, "is not inside its buffer");
  d = samplePeDesign();
  body(d, 0)->mutable_ranges(2)->set_length(3);
  refused(d, "its ranges differ in length");
  d = samplePeDesign();
  body(d, 1)->set_color(24);
  refused(d, "uses color 24; the target has 24");
  d = samplePeDesign();
  body(d, 1)->set_opcode(PeInstruction::ACTIVATE);
  body(d, 1)->clear_ranges();
  body(d, 1)->set_task(1);
  refused(d, "names task 1, which the program does not have");
  d = samplePeDesign();
  d.mutable_routes(0)->set_from(16 | 8);
  refused(d, "route 0 maps ports 24 to 4; it needs one input port and other "
             "output ports");
  d = samplePeDesign();
  d.mutable_routes(0)->set_to(16);
  refused(d, "maps ports 16 to 16");
  d = samplePeDesign();
  d.mutable_routes(0)->set_width(8);
  refused(d, "route 0 at [1, 2] size [8, 1] is not inside the mesh");
}

} // namespace
