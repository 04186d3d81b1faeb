//===- PeDesignCheck.cpp - validate a PE-DESIGN section -------------------===//

#include "PeDesignCheck.h"

#include "wafer/Binary/HostIo.h"
#include "wafer/Binary/Ports.h"
#include "wafer/Binary/Reader.h"

#include <limits>

namespace wafer::wfb {
namespace {

/// a + b and a * b without overflow, for non-negative operands.
bool addFits(int64_t a, int64_t b) {
  return a <= std::numeric_limits<int64_t>::max() - b;
}
bool mulFits(int64_t a, int64_t b) {
  return b == 0 || a <= std::numeric_limits<int64_t>::max() / b;
}

bool rectInMesh(int64_t x, int64_t y, int64_t w, int64_t h,
                const Target &target) {
  return x >= 0 && y >= 0 && w > 0 && h > 0 && x <= target.width() - w &&
         y <= target.height() - h;
}

std::string rectText(int64_t x, int64_t y, int64_t w, int64_t h) {
  return "at [" + std::to_string(x) + ", " + std::to_string(y) + "] size [" +
         std::to_string(w) + ", " + std::to_string(h) + "]";
}

/// Ranges each opcode takes, which of them is a one-element scalar (-1:
/// none), whether the others are elementwise (of one length), and whether
/// it takes a color or a task.
struct Shape {
  int ranges;
  int scalar = -1;
  bool elementwise = true;
  bool color = false, task = false;
};
bool shapeOf(PeInstruction::Opcode opcode, Shape &shape) {
  switch (opcode) {
  case PeInstruction::FILL:
    shape = {1};
    return true;
  case PeInstruction::FMOV:
  case PeInstruction::EXP:
  case PeInstruction::RSQRT:
    shape = {2};
    return true;
  case PeInstruction::REDUCE_ADD:
  case PeInstruction::REDUCE_MAX:
    shape = {2, /*scalar=*/0, /*elementwise=*/false};
    return true;
  case PeInstruction::FADD:
  case PeInstruction::FSUB:
  case PeInstruction::FMUL:
  case PeInstruction::FMAX:
    shape = {3};
    return true;
  case PeInstruction::FMAC:
    shape = {4, /*scalar=*/3};
    return true;
  case PeInstruction::SEND:
  case PeInstruction::RECV:
    shape = {1, -1, true, /*color=*/true};
    return true;
  case PeInstruction::ACTIVATE:
  case PeInstruction::BLOCK:
  case PeInstruction::UNBLOCK:
    shape = {0, -1, true, false, /*task=*/true};
    return true;
  default:
    return false;
  }
}

} // namespace

bool checkPeDesign(const PeDesign &design, const Manifest &manifest,
                   std::string &error) {
  const Target &target = manifest.target();
  auto fail = [&](const std::string &why) {
    error = "the pe-design section: " + why;
    return false;
  };
  const int64_t dataBytes = target.sram_bytes() - target.code_bytes();
  auto colorOk = [&](int64_t color) {
    return color >= 0 && color < target.colors();
  };

  for (int p = 0; p < design.programs_size(); ++p) {
    const PeProgram &program = design.programs(p);
    const std::string where = "program " + std::to_string(p) + " '" +
                              program.name() + "'";
    if (!rectInMesh(program.x(), program.y(), program.width(),
                    program.height(), target))
      return fail(where + " " +
                  rectText(program.x(), program.y(), program.width(),
                           program.height()) +
                  " is not inside the " + std::to_string(target.width()) + "x" +
                  std::to_string(target.height()) + " mesh");
    if (program.slot() < 0)
      return fail(where + " has slot " + std::to_string(program.slot()));
    if (program.has_kernel()) {
      if (program.kernel() < 0 || program.kernel() >= manifest.kernels_size())
        return fail(where + " implements kernel " +
                    std::to_string(program.kernel()) + "; the manifest has " +
                    std::to_string(manifest.kernels_size()) + " kernels");
      const Kernel &kernel = manifest.kernels(program.kernel());
      if (kernel.slot() != program.slot())
        return fail(where + " runs in slot " + std::to_string(program.slot()) +
                    " but implements kernel '" + kernel.name() +
                    "' of slot " + std::to_string(kernel.slot()));
    }

    for (int b = 0; b < program.buffers_size(); ++b) {
      const PeBuffer &buffer = program.buffers(b);
      const std::string what = where + " buffer '" + buffer.name() + "'";
      const int64_t element = static_cast<int64_t>(dtypeBytes(buffer.dtype()));
      if (buffer.dtype() != F32 && buffer.dtype() != F16 &&
          buffer.dtype() != BF16 && buffer.dtype() != I32)
        return fail(what + " has element type " + dtypeName(buffer.dtype()) +
                    "; PE buffers hold f32, f16, bf16 or i32");
      if (buffer.length() <= 0 || !mulFits(buffer.length(), element) ||
          buffer.address() < 0 ||
          !addFits(buffer.address(), buffer.length() * element) ||
          buffer.address() + buffer.length() * element > dataBytes)
        return fail(what + " of " + std::to_string(buffer.length()) +
                    " elements at address " + std::to_string(buffer.address()) +
                    " does not fit the " + std::to_string(dataBytes) +
                    " bytes of SRAM for data");
      if (buffer.address() % element)
        return fail(what + " at address " + std::to_string(buffer.address()) +
                    " is not aligned to its elements");
    }

    for (int i = 0; i < program.io_size(); ++i) {
      const PeIo &io = program.io(i);
      std::string problem = hostIoProblem(io, program, manifest);
      if (!problem.empty())
        return fail(where + (io.output() ? " output " : " input ") +
                    std::to_string(i) + " " + problem);
    }
    for (int i = 0; i < program.weights_size(); ++i)
      if (std::string problem =
              weightProblem(program.weights(i), program, manifest);
          !problem.empty())
        return fail(where + " weight " + std::to_string(i) + " " + problem);

    for (int t = 0; t < program.tasks_size(); ++t) {
      const PeTask &task = program.tasks(t);
      const std::string what = where + " task '" + task.name() + "'";
      if (task.data() && (!colorOk(task.color()) || task.entry()))
        return fail(what + " is a data task on color " +
                    std::to_string(task.color()) +
                    (task.entry() ? " marked as an entry task"
                                  : ", outside the target's colors"));
      if (task.load() && (task.data() || task.entry()))
        return fail(what + " is a load task marked as " +
                    (task.data() ? "a data" : "an entry") + " task");
      for (int i = 0; i < task.body_size(); ++i) {
        const PeInstruction &inst = task.body(i);
        const std::string at = what + " instruction " + std::to_string(i);
        if (task.load() && (inst.opcode() == PeInstruction::SEND ||
                            inst.opcode() == PeInstruction::RECV ||
                            inst.opcode() == PeInstruction::ACTIVATE ||
                            inst.opcode() == PeInstruction::BLOCK ||
                            inst.opcode() == PeInstruction::UNBLOCK))
          return fail(at + " is " + PeInstruction::Opcode_Name(inst.opcode()) +
                      "; a load task runs vector instructions only");
        Shape shape;
        if (!shapeOf(inst.opcode(), shape))
          return fail(at + " has unknown opcode " +
                      std::to_string(static_cast<int>(inst.opcode())));
        if (inst.ranges_size() != shape.ranges)
          return fail(at + " has " + std::to_string(inst.ranges_size()) +
                      " ranges; its opcode takes " +
                      std::to_string(shape.ranges));
        if (shape.color && !colorOk(inst.color()))
          return fail(at + " uses color " + std::to_string(inst.color()) +
                      "; the target has " + std::to_string(target.colors()));
        if (shape.task &&
            (inst.task() < 0 || inst.task() >= program.tasks_size()))
          return fail(at + " names task " + std::to_string(inst.task()) +
                      ", which the program does not have");
        if (shape.task && program.tasks(inst.task()).load())
          return fail(at + " names load task '" +
                      program.tasks(inst.task()).name() +
                      "', which runs once when the program is loaded");
        int64_t firstLength = -1;
        for (int r = 0; r < inst.ranges_size(); ++r) {
          const PeRange &range = inst.ranges(r);
          if (range.buffer() < 0 || range.buffer() >= program.buffers_size())
            return fail(at + " range " + std::to_string(r) + " names buffer " +
                        std::to_string(range.buffer()) +
                        ", which the program does not have");
          const int64_t length = program.buffers(range.buffer()).length();
          // The last element, offset + (length - 1) * stride, inside the
          // buffer; each step checked so that nothing overflows.
          if (range.offset() < 0 || range.length() <= 0 ||
              range.stride() <= 0 || range.offset() >= length ||
              !mulFits(range.length() - 1, range.stride()) ||
              (range.length() - 1) * range.stride() >= length - range.offset())
            return fail(at + " range " + std::to_string(r) + " [" +
                        std::to_string(range.offset()) + " : " +
                        std::to_string(range.length()) + " : " +
                        std::to_string(range.stride()) +
                        "] is not inside its buffer of " +
                        std::to_string(length) + " elements");
          if (r == shape.scalar) {
            if (range.length() != 1)
              return fail(at + " range " + std::to_string(r) +
                          " must be one element");
          } else if (shape.elementwise) {
            if (firstLength < 0)
              firstLength = range.length();
            else if (range.length() != firstLength)
              return fail(at + ": its ranges differ in length");
          }
        }
      }
    }
  }

  if (std::string problem = hostIoCoverageProblem(design, manifest);
      !problem.empty())
    return fail(problem);

  for (int r = 0; r < design.routes_size(); ++r) {
    const PeRoute &route = design.routes(r);
    const std::string where = "route " + std::to_string(r);
    if (!rectInMesh(route.x(), route.y(), route.width(), route.height(),
                    target))
      return fail(where + " " +
                  rectText(route.x(), route.y(), route.width(), route.height()) +
                  " is not inside the mesh");
    if (!colorOk(route.color()) || route.slot() < 0)
      return fail(where + " has color " + std::to_string(route.color()) +
                  " and slot " + std::to_string(route.slot()));
    const uint32_t from = route.from(), to = route.to();
    if (from == 0 || (from & (from - 1)) || (from & ~ports::kAll) || to == 0 ||
        (to & ~ports::kAll) || (to & from))
      return fail(where + " maps ports " + std::to_string(from) + " to " +
                  std::to_string(to) +
                  "; it needs one input port and other output ports");
  }
  return true;
}

} // namespace wafer::wfb
