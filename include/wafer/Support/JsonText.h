//===- JsonText.h - a string as a JSON string literal -----------*- C++ -*-===//

#ifndef WAFER_SUPPORT_JSONTEXT_H
#define WAFER_SUPPORT_JSONTEXT_H

#include <cstdio>
#include <string>

namespace wafer {

/// `s` quoted, with '"', '\' and control characters escaped; other bytes
/// are copied (the names it quotes are UTF-8 already).
inline std::string jsonString(const std::string &s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c < 0x20) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\u%04x", c);
      out += hex;
    } else {
      out += char(c);
    }
  }
  return out + "\"";
}

} // namespace wafer

#endif // WAFER_SUPPORT_JSONTEXT_H
