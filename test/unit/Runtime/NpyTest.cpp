// .npy files: what NumPy writes parses, what Wafer writes parses back, and
// damaged or unsupported files are refused with a reason.

#include "wafer/Runtime/Npy.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace wafer::runtime;

namespace {

std::string fromHex(const char *hex) {
  std::string out;
  for (size_t i = 0; hex[i] && hex[i + 1]; i += 2)
    out += char(std::stoi(std::string(hex + i, 2), nullptr, 16));
  return out;
}

// np.save of np.arange(6, dtype=np.float32).reshape(2, 3), as NumPy 2.4
// writes it (header padded for shape growth).
const char *kNumpyF32 =
    "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f"
    "6f72646572273a2046616c73652c20277368617065273a2028322c2033292c207d202020"
    "202020202020202020202020202020202020202020202020202020202020202020202020"
    "202020202020202020202020202020202020200a000000000000803f0000004000004040"
    "000080400000a040";
// np.array([7, -9], dtype=np.int64) and np.array(True).
const char *kNumpyI64 =
    "934e554d5059010076007b276465736372273a20273c6938272c2027666f727472616e5f"
    "6f72646572273a2046616c73652c20277368617065273a2028322c292c207d2020202020"
    "202020202020202020202020202020202020202020202020202020202020202020202020"
    "202020202020202020202020202020202020200a0700000000000000f7ffffffffffffff";
const char *kNumpyBool =
    "934e554d5059010076007b276465736372273a20277c6231272c2027666f727472616e5f"
    "6f72646572273a2046616c73652c20277368617065273a2028292c207d20202020202020"
    "202020202020202020202020202020202020202020202020202020202020202020202020"
    "202020202020202020202020202020202020200a01";

TEST(Npy, ReadsWhatNumpyWrites) {
  NpyArray a;
  std::string error;
  ASSERT_TRUE(parseNpy(fromHex(kNumpyF32), a, error)) << error;
  EXPECT_EQ(a.type, NpyType::F32);
  EXPECT_EQ(a.shape, (std::vector<int64_t>{2, 3}));
  float v[6];
  std::memcpy(v, a.data.data(), sizeof(v));
  EXPECT_EQ(v[5], 5.0f);

  ASSERT_TRUE(parseNpy(fromHex(kNumpyI64), a, error)) << error;
  EXPECT_EQ(a.type, NpyType::I64);
  EXPECT_EQ(a.shape, (std::vector<int64_t>{2}));
  int64_t i[2];
  std::memcpy(i, a.data.data(), sizeof(i));
  EXPECT_EQ(i[1], -9);

  ASSERT_TRUE(parseNpy(fromHex(kNumpyBool), a, error)) << error;
  EXPECT_EQ(a.type, NpyType::Bool);
  EXPECT_TRUE(a.shape.empty());
  EXPECT_EQ(a.data, std::string(1, '\1'));
}

TEST(Npy, RoundTrip) {
  for (std::vector<int64_t> shape :
       {std::vector<int64_t>{}, {3}, {2, 3}, {1, 4, 1, 2}}) {
    NpyArray a;
    a.type = NpyType::I32;
    a.shape = shape;
    a.data.assign(size_t(a.numElements()) * 4, '\x07');
    std::string bytes = serializeNpy(a);
    EXPECT_EQ((bytes.size() - a.data.size()) % 64, 0u) << "data not aligned";
    NpyArray b;
    std::string error;
    ASSERT_TRUE(parseNpy(bytes, b, error)) << error;
    EXPECT_EQ(b.shape, shape);
    EXPECT_EQ(b.data, a.data);
  }
}

TEST(Npy, RefusesWithAReason) {
  std::string good = fromHex(kNumpyF32);
  auto refused = [](std::string bytes, const char *why) {
    NpyArray a;
    std::string error;
    EXPECT_FALSE(parseNpy(bytes, a, error));
    EXPECT_NE(error.find(why), std::string::npos) << error;
  };
  refused("", "not a .npy file");
  refused(good.substr(0, 40), "truncated .npy header");
  refused(good.substr(0, good.size() - 1), "has 23 bytes; its shape of float32 needs 24");
  refused(good + "x", "has 25 bytes");
  std::string fortran = good;
  fortran.replace(fortran.find("False"), 5, "True ");
  refused(fortran, "Fortran order");
  std::string bigEndian = good;
  bigEndian[bigEndian.find("<f4")] = '>';
  refused(bigEndian, "element type '>f4' is not supported");
  std::string complex = good;
  complex.replace(complex.find("<f4"), 3, "<c8");
  refused(complex, "element type '<c8' is not supported");
  std::string version = good;
  version[6] = 9;
  refused(version, "format version 9");
  std::string huge = good;
  huge.replace(huge.find("(2, 3)"), 6, "(9999999999, 9999999999)");
  refused(huge, "needs more than 2^63");
}

} // namespace
