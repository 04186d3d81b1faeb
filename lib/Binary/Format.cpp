//===- Format.cpp - names and checksums of the .wfb container -------------===//

#include "wafer/Binary/Format.h"

#include <xxhash.h>

namespace wafer::wfb {

std::string sectionName(uint32_t id) {
  switch (static_cast<SectionId>(id)) {
  case SectionId::Manifest:
    return "manifest";
  case SectionId::HostProgram:
    return "host-program";
  case SectionId::Weights:
    return "weights";
  case SectionId::PeDesign:
    return "pe-design";
  }
  return "section " + std::to_string(id);
}

uint64_t checksum(const void *data, size_t size) {
  return XXH64(data, size, /*seed=*/0);
}

} // namespace wafer::wfb
