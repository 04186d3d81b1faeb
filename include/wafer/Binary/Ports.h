//===- Ports.h - a router's ports, as the binary encodes them ---*- C++ -*-===//
//
// The bits of a pe.route's input and output port sets in the pe-design
// section; the pe dialect's Ports enum has the same values (checked where
// the compiler uses both). MLIR-free, for the loader and the simulator.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_BINARY_PORTS_H
#define WAFER_BINARY_PORTS_H

#include <cstdint>
#include <string>

namespace wafer::wfb::ports {

inline constexpr uint32_t kNorth = 1; ///< towards row 0
inline constexpr uint32_t kSouth = 2;
inline constexpr uint32_t kEast = 4;
inline constexpr uint32_t kWest = 8;
inline constexpr uint32_t kRamp = 16; ///< between a router and its PE
inline constexpr uint32_t kAll = 31;
/// The four links to neighbouring routers.
inline constexpr uint32_t kLinks[] = {kNorth, kSouth, kEast, kWest};

/// The port a wavelet leaving through link `port` enters the neighbour by.
constexpr uint32_t opposite(uint32_t port) {
  return port == kNorth   ? kSouth
         : port == kSouth ? kNorth
         : port == kEast  ? kWest
                          : kEast;
}

/// The neighbour's offset through link `port`.
constexpr int dx(uint32_t port) {
  return port == kEast ? 1 : port == kWest ? -1 : 0;
}
constexpr int dy(uint32_t port) {
  return port == kSouth ? 1 : port == kNorth ? -1 : 0;
}

/// "north", ..., "ramp" for one port.
constexpr const char *name(uint32_t port) {
  return port == kNorth   ? "north"
         : port == kSouth ? "south"
         : port == kEast  ? "east"
         : port == kWest  ? "west"
                          : "ramp";
}

/// A set as the IR spells it: "east|ramp"; "none" when empty.
inline std::string setText(uint32_t ports) {
  std::string text;
  for (uint32_t port : {kNorth, kSouth, kEast, kWest, kRamp})
    if (ports & port)
      text += (text.empty() ? "" : "|") + std::string(name(port));
  return text.empty() ? "none" : text;
}

} // namespace wafer::wfb::ports

#endif // WAFER_BINARY_PORTS_H
