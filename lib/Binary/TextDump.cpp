//===- TextDump.cpp - a .wfb as readable text -----------------------------===//

#include "wafer/Binary/TextDump.h"

#include "wafer/Binary/Ports.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

namespace wafer::wfb {

namespace {

const char *opcodeText(PeInstruction::Opcode opcode) {
  switch (opcode) {
  case PeInstruction::FMOV: return "fmov";
  case PeInstruction::FILL: return "fill";
  case PeInstruction::EXP: return "exp";
  case PeInstruction::RSQRT: return "rsqrt";
  case PeInstruction::FADD: return "fadd";
  case PeInstruction::FSUB: return "fsub";
  case PeInstruction::FMUL: return "fmul";
  case PeInstruction::FMAX: return "fmax";
  case PeInstruction::FMAC: return "fmac";
  case PeInstruction::REDUCE_ADD: return "reduce add";
  case PeInstruction::REDUCE_MAX: return "reduce max";
  case PeInstruction::SEND: return "send";
  case PeInstruction::RECV: return "recv";
  case PeInstruction::ACTIVATE: return "activate";
  case PeInstruction::BLOCK: return "block";
  case PeInstruction::UNBLOCK: return "unblock";
  default: return "unknown";
  }
}

/// The pe-design section, in the pe dialect's spelling.
/// `blocks<...>` as the pe dialect spells a layout.
template <typename Message>
void printBlocks(const Message &m, bool flat, std::ostream &os) {
  std::vector<std::string> parts;
  if (flat)
    parts.push_back("flat = true");
  if (m.column_dim() >= 0)
    parts.push_back("columns = " + std::to_string(m.column_dim()));
  if (m.row_dim() >= 0)
    parts.push_back("rows = " + std::to_string(m.row_dim()));
  auto pair = [](const auto &v) {
    return "[" + std::to_string(v[0]) + ", " + std::to_string(v[1]) + "]";
  };
  if (m.grid_size() == 2)
    parts.push_back("grid = " + pair(m.grid()));
  if (m.at_size() == 2)
    parts.push_back("at = " + pair(m.at()));
  os << "blocks<";
  for (size_t i = 0; i < parts.size(); ++i)
    os << (i ? ", " : "") << parts[i];
  os << ">\n";
}

void printPeDesign(const PeDesign &design, const Manifest &manifest,
                   std::ostream &os) {
  os << "\n// ---- pe design (" << design.programs_size() << " programs, "
     << design.routes_size() << " routes)\n";
  for (const PeProgram &program : design.programs()) {
    int64_t bytes = 0;
    for (const PeBuffer &b : program.buffers())
      bytes += b.length() * static_cast<int64_t>(dtypeBytes(b.dtype()));
    os << "  program '" << program.name() << "'";
    if (program.has_kernel())
      os << " for kernel '" << manifest.kernels(program.kernel()).name()
         << "'";
    os << " at [" << program.x() << ", "
       << program.y() << "] size [" << program.width() << ", "
       << program.height() << "] slot " << program.slot() << ": "
       << program.buffers_size() << " buffers (" << bytes << " B per PE), "
       << program.tasks_size() << " tasks\n";
    for (const PeBuffer &b : program.buffers())
      os << "    buffer '" << b.name() << "' " << dtypeName(b.dtype()) << "["
         << b.length() << "] at " << b.address() << "\n";
    for (const PeIo &io : program.io()) {
      const auto &bindings = io.output() ? manifest.signature().outputs()
                                         : manifest.signature().inputs();
      os << "    " << (io.output() ? "output '" : "input '")
         << bindings[io.binding()].name() << "' "
         << (io.output() ? "from " : "into ")
         << program.buffers(io.buffer()).name() << " as ";
      printBlocks(io, io.flat(), os);
    }
    for (const PeWeight &w : program.weights()) {
      os << "    weight tensor " << w.tensor() << " ('"
         << manifest.tensors(w.tensor()).name() << "') into "
         << program.buffers(w.buffer()).name() << " as ";
      printBlocks(w, false, os);
    }
    for (const PeTask &task : program.tasks()) {
      os << "    task '" << task.name() << "' "
         << (task.data()   ? "data color " + std::to_string(task.color())
             : task.load() ? std::string("load")
                           : std::string(task.entry() ? "local entry" : "local"))
         << "\n";
      for (const PeInstruction &inst : task.body()) {
        os << "      " << opcodeText(inst.opcode());
        if (inst.opcode() == PeInstruction::RECV)
          os << " color " << inst.color() << " into";
        for (int r = 0; r < inst.ranges_size(); ++r) {
          const PeRange &range = inst.ranges(r);
          os << (r ? ", " : " ") << program.buffers(range.buffer()).name()
             << "[" << range.offset() << " : " << range.length();
          if (range.stride() != 1)
            os << " : " << range.stride();
          os << "]";
        }
        if (inst.opcode() == PeInstruction::SEND)
          os << " on color " << inst.color();
        if (inst.opcode() == PeInstruction::FILL)
          os << ", " << inst.value();
        if (inst.opcode() == PeInstruction::ACTIVATE ||
            inst.opcode() == PeInstruction::BLOCK ||
            inst.opcode() == PeInstruction::UNBLOCK)
          os << " " << program.tasks(inst.task()).name();
        os << "\n";
      }
    }
  }
  for (const PeRoute &route : design.routes())
    os << "  route color " << route.color() << " slot " << route.slot()
       << " at [" << route.x() << ", " << route.y() << "] size ["
       << route.width() << ", " << route.height() << "] from "
       << ports::setText(route.from()) << " to " << ports::setText(route.to()) << "\n";
}


std::string shapeText(const Tensor &t) {
  std::string s = std::string(dtypeName(t.dtype())) + "[";
  for (int i = 0; i < t.shape_size(); ++i)
    s += (i ? "x" : "") + std::to_string(t.shape(i));
  return s + "]";
}

std::string formatBytes(uint64_t bytes) {
  char text[32];
  if (bytes < 1024)
    std::snprintf(text, sizeof(text), "%" PRIu64 " B", bytes);
  else if (bytes < (1 << 20))
    std::snprintf(text, sizeof(text), "%.2f KiB", bytes / 1024.0);
  else if (bytes < (uint64_t(1) << 30))
    std::snprintf(text, sizeof(text), "%.2f MiB", bytes / 1048576.0);
  else
    std::snprintf(text, sizeof(text), "%.2f GiB", bytes / 1073741824.0);
  return text;
}

std::string hex(uint64_t v) {
  char text[19];
  std::snprintf(text, sizeof(text), "%016" PRIx64, v);
  return text;
}

/// The first few values of a constant, for a person to recognize it.
std::string preview(DType type, std::string_view data, bool splat) {
  size_t width = dtypeBytes(type);
  size_t count = std::min<size_t>(data.size() / std::max<size_t>(width, 1), 4);
  std::ostringstream os;
  os << (splat ? "splat " : "") << "[";
  for (size_t i = 0; i < count; ++i) {
    const char *p = data.data() + i * width;
    if (i)
      os << ", ";
    switch (type) {
    case F32: {
      float v;
      std::memcpy(&v, p, 4);
      os << v;
      break;
    }
    case F64: {
      double v;
      std::memcpy(&v, p, 8);
      os << v;
      break;
    }
    case I64: {
      int64_t v;
      std::memcpy(&v, p, 8);
      os << v;
      break;
    }
    case I32: {
      int32_t v;
      std::memcpy(&v, p, 4);
      os << v;
      break;
    }
    case BOOL:
      os << (*p ? "true" : "false");
      break;
    case F16:
    case BF16: {
      uint16_t v;
      std::memcpy(&v, p, 2);
      os << "0x" << std::hex << v << std::dec;
      break;
    }
    default:
      os << "?";
    }
  }
  if (!splat && data.size() / std::max<size_t>(width, 1) > count)
    os << ", ...";
  os << "]";
  return os.str();
}

void printAttribute(const Attribute &a, std::ostream &os) {
  os << a.name() << " = ";
  switch (a.value_case()) {
  case Attribute::kI:
    os << a.i();
    break;
  case Attribute::kF:
    os << a.f();
    break;
  case Attribute::kS:
    os << '"' << a.s() << '"';
    break;
  case Attribute::kInts:
    os << "[";
    for (int i = 0; i < a.ints().values_size(); ++i)
      os << (i ? ", " : "") << a.ints().values(i);
    os << "]";
    break;
  case Attribute::kFloats:
    os << "[";
    for (int i = 0; i < a.floats().values_size(); ++i)
      os << (i ? ", " : "") << a.floats().values(i);
    os << "]";
    break;
  case Attribute::VALUE_NOT_SET:
    os << "<unset>";
  }
}

} // namespace

void printBinary(const BinaryFile &binary, std::ostream &os) {
  const Manifest &m = binary.manifest();
  os << "// ---- header\n"
     << "file: " << binary.path() << " (" << binary.fileSize() << " bytes)\n"
     << "format: " << binary.versionMajor() << "." << binary.versionMinor()
     << "\n"
     << "target hash: " << hex(binary.targetHash()) << "\n";

  os << "\n// ---- sections\n";
  for (const SectionInfo &s : binary.sections()) {
    char line[160];
    std::snprintf(line, sizeof(line),
                  "%-13s offset %10" PRIu64 "  size %10" PRIu64
                  "  align %5" PRIu64 "  xxh64 %s%s\n",
                  sectionName(s.id).c_str(), s.offset, s.size, s.alignment,
                  hex(s.checksum).c_str(), s.required() ? "  required" : "");
    os << line;
  }

  const Target &t = m.target();
  os << "\n// ---- manifest\n"
     << "producer: " << m.producer() << "\n"
     << "source: " << m.source() << " (ONNX opset " << m.onnx_opset() << ")\n"
     << "target: " << t.name() << ", " << t.width() << "x" << t.height()
     << " PEs, " << t.sram_bytes() << " B SRAM (" << t.code_bytes()
     << " for code), " << t.colors() << " colors, " << t.clock_khz() / 1000
     << " MHz\n"
     << "strategy: " << m.strategy() << "\n"
     << "modeled step: " << m.modeled_step_cycles() << " cycles\n";

  os << "\nkernels (" << m.kernels_size() << "):\n";
  for (int k = 0; k < m.kernels_size(); ++k) {
    const Kernel &kernel = m.kernels(k);
    os << "  #" << k << " " << kernel.name() << "  " << kernel.scheme()
       << "  region " << (kernel.region_size() == 2 ? kernel.region(0) : 0)
       << "x" << (kernel.region_size() == 2 ? kernel.region(1) : 0);
    if (kernel.origin_size() == 2)
      os << " at (" << kernel.origin(0) << ", " << kernel.origin(1) << ")";
    os << "  slot " << kernel.slot() << "  " << kernel.cycles()
       << " cycles  " << kernel.weight_bytes() << "+" << kernel.buffer_bytes()
       << " B/PE  ops [";
    for (int i = 0; i < kernel.host_ops_size(); ++i)
      os << (i ? ", " : "") << kernel.host_ops(i);
    os << "]\n";
  }
  int routed = 0;
  for (const Stream &s : m.streams())
    routed += s.route_size() > 0;
  os << "streams: " << m.streams_size() << " (" << routed << " routed)\n";

  uint64_t constantBytes = 0;
  int constants = 0;
  os << "\ntensors (" << m.tensors_size() << "):\n";
  for (int i = 0; i < m.tensors_size(); ++i) {
    const Tensor &tensor = m.tensors(i);
    if (tensor.kind() == Tensor::INTERMEDIATE)
      continue;
    os << "  %" << i << " " << shapeText(tensor) << " '" << tensor.name()
       << "' ";
    if (tensor.kind() == Tensor::INPUT) {
      os << "input\n";
      continue;
    }
    if (tensor.kind() == Tensor::STATE) {
      os << "state\n";
      continue;
    }
    ++constants;
    std::string_view data = binary.tensorData(i);
    constantBytes += data.size();
    switch (tensor.data_case()) {
    case Tensor::kWeight:
      os << "weights @" << tensor.weight().offset() << " ";
      break;
    case Tensor::kExternal:
      os << "external '" << tensor.external().path() << "' @"
         << tensor.external().offset() << " ";
      break;
    default:
      os << "inline ";
    }
    os << formatBytes(data.size()) << " xxh64 "
       << hex(checksum(data.data(), data.size())) << " "
       << preview(tensor.dtype(), data, tensor.splat()) << "\n";
  }
  os << "  (" << m.tensors_size() << " tensors: " << constants
     << " constants of " << formatBytes(constantBytes)
     << ", the rest inputs, state and intermediates)\n";

  os << "\nsignature:\n";
  for (const Binding &b : m.signature().inputs())
    os << "  input  '" << b.name() << "' %" << b.tensor() << " "
       << shapeText(m.tensors(b.tensor())) << "\n";
  for (const Binding &b : m.signature().outputs())
    os << "  output '" << b.name() << "' %" << b.tensor() << " "
       << shapeText(m.tensors(b.tensor())) << "\n";

  const HostProgram &program = binary.hostProgram();
  if (m.has_decode()) {
    const Decode &d = m.decode();
    os << "\ndecode: caches of " << d.capacity()
       << " positions; prefills behind " << d.masked_past()
       << " masked position(s)\n";
    for (const Cache &c : d.caches())
      os << "  cache '" << c.name() << "' %" << c.tensor() << " "
         << shapeText(m.tensors(c.tensor())) << " axis " << c.axis() << "\n";
  }
  os << "\n// ---- host program (" << program.ops_size() << " ops)\n";
  for (int i = 0; i < program.ops_size(); ++i) {
    const HostOp &op = program.ops(i);
    for (const Entry &e : program.entries()) {
      if (e.begin() != i)
        continue;
      os << "  entry '" << e.name() << "' (" << e.tokens()
         << " positions a run): ops " << e.begin() << " to " << e.end() - 1;
      for (const Binding &b : e.signature().inputs())
        os << "\n    input  '" << b.name() << "' %" << b.tensor() << " "
           << shapeText(m.tensors(b.tensor()));
      for (const Binding &b : e.signature().outputs())
        os << "\n    output '" << b.name() << "' %" << b.tensor() << " "
           << shapeText(m.tensors(b.tensor()));
      os << (e.signature().inputs_size() ? "" : " (the signature above)")
         << "\n";
    }
    os << "  " << i << ": ";
    for (int o = 0; o < op.outputs_size(); ++o)
      os << (o ? ", %" : "%") << op.outputs(o);
    os << (op.outputs_size() ? " = " : "") << op.kind() << "(";
    for (int in = 0; in < op.inputs_size(); ++in) {
      os << (in ? ", " : "");
      if (op.inputs(in) < 0)
        os << "none";
      else
        os << "%" << op.inputs(in);
    }
    os << ")";
    if (op.attributes_size()) {
      os << " {";
      for (int a = 0; a < op.attributes_size(); ++a) {
        os << (a ? ", " : "");
        printAttribute(op.attributes(a), os);
      }
      os << "}";
    }
    if (op.outputs_size())
      os << " : " << shapeText(m.tensors(op.outputs(0)));
    if (!op.location().empty())
      os << "  loc(\"" << op.location() << "\")";
    if (op.kernel() >= 0)
      os << "  kernel #" << op.kernel();
    os << "\n";
  }
  if (const PeDesign *design = binary.peDesign())
    printPeDesign(*design, m, os);
}

} // namespace wafer::wfb
