//===- Npy.cpp - NumPy .npy files -----------------------------------------===//
//
// The format: "\x93NUMPY", a major and minor version byte, the header's
// length (2 bytes in 1.0, 4 in 2.0 and 3.0), then the header: a Python dict
// literal {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// padded with spaces and a newline so the data starts 64-byte aligned.
//
//===----------------------------------------------------------------------===//

#include "wafer/Runtime/Npy.h"

#include "wafer/Support/ElementCount.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace wafer::runtime {

namespace {
struct TypeInfo {
  NpyType type;
  const char *descr, *name;
  size_t size;
};
constexpr TypeInfo kTypes[] = {
    {NpyType::F32, "<f4", "float32", 4}, {NpyType::F16, "<f2", "float16", 2},
    {NpyType::F64, "<f8", "float64", 8}, {NpyType::I64, "<i8", "int64", 8},
    {NpyType::I32, "<i4", "int32", 4},   {NpyType::Bool, "|b1", "bool", 1},
    {NpyType::U16, "<u2", "uint16", 2},
};
const TypeInfo &info(NpyType type) {
  for (const TypeInfo &t : kTypes)
    if (t.type == type)
      return t;
  return kTypes[0];
}

/// A cursor over the header dictionary's text.
class HeaderParser {
public:
  explicit HeaderParser(const std::string &text) : text(text) {}
  void skipSpace() {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos])))
      ++pos;
  }
  bool consume(char c) {
    skipSpace();
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }
  bool string(std::string &out) {
    skipSpace();
    if (pos >= text.size() || (text[pos] != '\'' && text[pos] != '"'))
      return false;
    char quote = text[pos++];
    size_t end = text.find(quote, pos);
    if (end == std::string::npos)
      return false;
    out = text.substr(pos, end - pos);
    pos = end + 1;
    return true;
  }
  bool word(std::string &out) {
    skipSpace();
    size_t start = pos;
    while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos])))
      ++pos;
    out = text.substr(start, pos - start);
    return !out.empty();
  }
  bool integer(int64_t &out) {
    skipSpace();
    size_t start = pos;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])))
      ++pos;
    if (start == pos || pos - start > 18)
      return false;
    out = std::stoll(text.substr(start, pos - start));
    // NumPy writes `3L` in files from Python 2.
    if (pos < text.size() && text[pos] == 'L')
      ++pos;
    return true;
  }
  bool atEnd() {
    skipSpace();
    return pos == text.size();
  }

private:
  const std::string &text;
  size_t pos = 0;
};
} // namespace

const char *npyDescr(NpyType type) { return info(type).descr; }
const char *npyTypeName(NpyType type) { return info(type).name; }
size_t npyItemSize(NpyType type) { return info(type).size; }

int64_t NpyArray::numElements() const {
  return checkedElementCount(shape).value_or(-1);
}

bool parseNpy(const std::string &bytes, NpyArray &out, std::string &error) {
  static const char magic[] = "\x93NUMPY";
  if (bytes.size() < 10 || bytes.compare(0, 6, magic, 6) != 0) {
    error = "not a .npy file (no \\x93NUMPY magic)";
    return false;
  }
  unsigned major = static_cast<unsigned char>(bytes[6]);
  size_t headerLength, start;
  if (major == 1) {
    headerLength = static_cast<unsigned char>(bytes[8]) |
                   size_t(static_cast<unsigned char>(bytes[9])) << 8;
    start = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12) {
      error = "truncated .npy header";
      return false;
    }
    headerLength = 0;
    for (int i = 0; i < 4; ++i)
      headerLength |= size_t(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
    start = 12;
  } else {
    error = ".npy format version " + std::to_string(major) +
            " is not supported (1.0 to 3.0 are)";
    return false;
  }
  if (headerLength > bytes.size() - start) {
    error = "truncated .npy header: it says " + std::to_string(headerLength) +
            " bytes, " + std::to_string(bytes.size() - start) + " follow";
    return false;
  }
  std::string header = bytes.substr(start, headerLength);
  HeaderParser p(header);
  std::string descr;
  bool haveDescr = false, haveOrder = false, haveShape = false;
  bool fortran = false;
  out.shape.clear();
  if (!p.consume('{')) {
    error = "the .npy header is not a dictionary";
    return false;
  }
  while (!p.consume('}')) {
    std::string key;
    if (!p.string(key) || !p.consume(':')) {
      error = "the .npy header dictionary is malformed";
      return false;
    }
    if (key == "descr") {
      if (!p.string(descr)) {
        error = "the .npy 'descr' is not a string (structured arrays are "
                "not supported)";
        return false;
      }
      haveDescr = true;
    } else if (key == "fortran_order") {
      std::string value;
      if (!p.word(value) || (value != "True" && value != "False")) {
        error = "the .npy 'fortran_order' is not True or False";
        return false;
      }
      fortran = value == "True";
      haveOrder = true;
    } else if (key == "shape") {
      if (!p.consume('(')) {
        error = "the .npy 'shape' is not a tuple";
        return false;
      }
      while (!p.consume(')')) {
        int64_t d;
        if (!p.integer(d)) {
          error = "the .npy 'shape' holds something other than sizes";
          return false;
        }
        out.shape.push_back(d);
        if (out.shape.size() > 64) {
          error = "the .npy 'shape' has more than 64 dimensions";
          return false;
        }
        p.consume(',');
      }
      haveShape = true;
    } else {
      error = "unknown key '" + key + "' in the .npy header";
      return false;
    }
    p.consume(',');
  }
  if (!p.atEnd() || !haveDescr || !haveOrder || !haveShape) {
    error = "the .npy header lacks 'descr', 'fortran_order' or 'shape'";
    return false;
  }
  if (fortran) {
    error = "the .npy data is in Fortran order; save it in C order "
            "(numpy.ascontiguousarray)";
    return false;
  }
  bool known = false;
  for (const TypeInfo &t : kTypes) {
    // A byte order of '=' is the machine's: little-endian here.
    std::string alt = t.descr;
    alt[0] = alt[0] == '|' ? '|' : '=';
    if (descr == t.descr || descr == alt ||
        (t.type == NpyType::Bool && descr == "?")) {
      out.type = t.type;
      known = true;
    }
  }
  if (!known) {
    error = "the .npy element type '" + descr +
            "' is not supported (float32, float16, float64, int64, int32, "
            "bool, uint16; little-endian)";
    return false;
  }
  std::optional<int64_t> count = checkedElementCount(out.shape);
  std::optional<int64_t> size =
      count ? checkedMul(*count, int64_t(npyItemSize(out.type)))
            : std::nullopt;
  size_t dataStart = start + headerLength;
  if (!size || uint64_t(*size) != bytes.size() - dataStart) {
    error = "the .npy data has " + std::to_string(bytes.size() - dataStart) +
            " bytes; its shape of " + npyTypeName(out.type) + " needs " +
            (size ? std::to_string(*size) : std::string("more than 2^63"));
    return false;
  }
  out.data = bytes.substr(dataStart);
  return true;
}

bool readNpy(const std::string &path, NpyArray &out, std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open '" + path + "': " + std::strerror(errno);
    return false;
  }
  std::string bytes{std::istreambuf_iterator<char>(in), {}};
  if (!parseNpy(bytes, out, error)) {
    error = "'" + path + "': " + error;
    return false;
  }
  return true;
}

std::string serializeNpy(const NpyArray &array) {
  std::string header = "{'descr': '" + std::string(npyDescr(array.type)) +
                       "', 'fortran_order': False, 'shape': (";
  for (size_t i = 0; i < array.shape.size(); ++i)
    header += std::to_string(array.shape[i]) + ", ";
  if (array.shape.size() > 1)
    header.resize(header.size() - 2);
  else if (array.shape.size() == 1)
    header.resize(header.size() - 1); // "(3,)"
  header += "), }";
  // Pad so that the data starts 64-byte aligned; the header ends in '\n'.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::string bytes = "\x93NUMPY";
  bytes += char(1);
  bytes += char(0);
  bytes += char(header.size() & 0xff);
  bytes += char(header.size() >> 8);
  bytes += header;
  bytes += array.data;
  return bytes;
}

bool writeNpy(const std::string &path, const NpyArray &array,
              std::string &error) {
  std::ofstream out(path, std::ios::binary);
  std::string bytes = serializeNpy(array);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  if (!out) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

} // namespace wafer::runtime
