//===- PeDesignEmitter.cpp - the pe dialect as the PE-DESIGN section ------===//
//
// Names become indices (buffers and tasks of their program), so that the
// simulator resolves nothing by name.
//
//===----------------------------------------------------------------------===//

#include "PeDesignEmitter.h"

#include "DType.h"

#include "wafer/Binary/HostIo.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
namespace wfb = wafer::wfb;

namespace wafer {
namespace {

/// The element types a PE buffer holds in the binary.
wfb::DType bufferType(Type type) {
  FailureOr<wfb::DType> dtype = dtypeOf(type);
  if (failed(dtype) || (*dtype != wfb::F32 && *dtype != wfb::F16 &&
                        *dtype != wfb::BF16 && *dtype != wfb::I32))
    return wfb::DTYPE_UNSPECIFIED;
  return *dtype;
}

/// Where the blocks of a layout go, as the binary stores them.
template <typename Message>
void setPlacement(pe::BlockLayoutAttr layout, Message &out) {
  out.set_column_dim(int32_t(layout.columnDim()));
  out.set_row_dim(int32_t(layout.rowDim()));
  for (int64_t v : layout.getGrid())
    out.add_grid(v);
  for (int64_t v : layout.getAt())
    out.add_at(v);
}

struct ProgramEmitter {
  pe::ProgramOp program;
  const llvm::StringMap<int32_t> &kernels;
  const KernelConstants &constants;
  const wfb::Manifest &manifest;
  llvm::StringMap<int32_t> buffers, tasks;

  void range(pe::MemRangeAttr attr, wfb::PeInstruction &out) {
    wfb::PeRange *r = out.add_ranges();
    r->set_buffer(buffers.lookup(attr.getBuffer().getValue()));
    r->set_offset(attr.getOffset());
    r->set_length(attr.getLength());
    r->set_stride(attr.getStride());
  }

  LogicalResult instruction(Operation &op, wfb::PeInstruction &out) {
    using I = wfb::PeInstruction;
    auto unary = [&](I::Opcode code, pe::MemRangeAttr dst,
                     pe::MemRangeAttr src) {
      out.set_opcode(code);
      range(dst, out);
      range(src, out);
    };
    auto binary = [&](I::Opcode code, auto op) {
      out.set_opcode(code);
      range(op.getDst(), out);
      range(op.getLhs(), out);
      range(op.getRhs(), out);
    };
    auto control = [&](I::Opcode code, FlatSymbolRefAttr task) {
      out.set_opcode(code);
      out.set_task(tasks.lookup(task.getValue()));
    };
    bool known = true;
    llvm::TypeSwitch<Operation *>(&op)
        .Case([&](pe::FmovOp o) { unary(I::FMOV, o.getDst(), o.getSrc()); })
        .Case([&](pe::FillOp o) {
          out.set_opcode(I::FILL);
          range(o.getDst(), out);
          out.set_value(o.getValue().convertToFloat());
        })
        .Case([&](pe::ExpOp o) { unary(I::EXP, o.getDst(), o.getSrc()); })
        .Case([&](pe::RsqrtOp o) { unary(I::RSQRT, o.getDst(), o.getSrc()); })
        .Case([&](pe::FaddOp o) { binary(I::FADD, o); })
        .Case([&](pe::FsubOp o) { binary(I::FSUB, o); })
        .Case([&](pe::FmulOp o) { binary(I::FMUL, o); })
        .Case([&](pe::FmaxOp o) { binary(I::FMAX, o); })
        .Case([&](pe::FmacOp o) {
          out.set_opcode(I::FMAC);
          for (pe::MemRangeAttr r :
               {o.getDst(), o.getAcc(), o.getSrc(), o.getScalar()})
            range(r, out);
        })
        .Case([&](pe::ReduceOp o) {
          unary(o.getKind() == pe::ReduceKind::add ? I::REDUCE_ADD
                                                   : I::REDUCE_MAX,
                o.getDst(), o.getSrc());
        })
        .Case([&](pe::SendOp o) {
          out.set_opcode(I::SEND);
          range(o.getSrc(), out);
          out.set_color(o.getColor());
        })
        .Case([&](pe::RecvOp o) {
          out.set_opcode(I::RECV);
          range(o.getDst(), out);
          out.set_color(o.getColor());
        })
        .Case([&](pe::ActivateOp o) { control(I::ACTIVATE, o.getTaskAttr()); })
        .Case([&](pe::BlockOp o) { control(I::BLOCK, o.getTaskAttr()); })
        .Case([&](pe::UnblockOp o) { control(I::UNBLOCK, o.getTaskAttr()); })
        .Default([&](Operation *) { known = false; });
    if (!known)
      return op.emitOpError() << "has no encoding in the binary's pe-design "
                                 "section";
    return success();
  }

  /// A pe.input or pe.output: the signature entry it names, and what the
  /// loader checks of it (wfb::hostIoProblem), reported at the op.
  LogicalResult hostIo(Operation &op, wfb::PeProgram &out) {
    auto input = dyn_cast<pe::InputOp>(op);
    auto output = dyn_cast<pe::OutputOp>(op);
    StringRef tensorName = input ? input.getTensor() : output.getTensor();
    FlatSymbolRefAttr buffer =
        input ? input.getBufferAttr() : output.getBufferAttr();
    pe::BlockLayoutAttr layout = input ? input.getLayout() : output.getLayout();
    const auto &bindings = input ? manifest.signature().inputs()
                                 : manifest.signature().outputs();
    int32_t binding = -1;
    for (int32_t i = 0; i < bindings.size(); ++i)
      if (bindings[i].name() == tensorName)
        binding = i;
    const char *kind = input ? "input" : "output";
    if (binding < 0) {
      std::string names;
      for (const wfb::Binding &b : bindings)
        names += (names.empty() ? "'" : ", '") + b.name() + "'";
      return op.emitOpError()
             << "of program @" << program.getSymName() << " names '"
             << tensorName << "', which is not an " << kind
             << " of the model; its " << kind << "s are " << names;
    }
    wfb::PeIo io;
    io.set_output(output != nullptr);
    io.set_binding(binding);
    io.set_buffer(buffers.lookup(buffer.getValue()));
    setPlacement(layout, io);
    io.set_flat(layout.getFlat());
    if (std::string problem = wfb::hostIoProblem(io, out, manifest);
        !problem.empty())
      return op.emitOpError() << problem;
    *out.add_io() = std::move(io);
    return success();
  }

  /// A pe.weight: the tensor of its kernel's constant, and what the loader
  /// checks of it (wfb::weightProblem), reported at the op.
  LogicalResult weight(pe::WeightOp op, wfb::PeProgram &out) {
    // The verifier has made sure the program names a kernel.
    StringRef kernel = program.getKernelAttr().getValue();
    auto it = constants.find(kernel);
    const size_t count = it == constants.end() ? 0 : it->second.size();
    if (size_t(op.getIndex()) >= count)
      return op.emitOpError()
             << "of program @" << program.getSymName() << " loads weight "
             << op.getIndex() << " of @" << kernel << ", which has " << count
             << " constant" << (count == 1 ? "" : "s");
    if (op.getLayout().getFlat())
      return op.emitOpError() << "lays a weight out flat; weights are split "
                                 "by dimensions";
    wfb::PeWeight w;
    w.set_tensor(it->second[size_t(op.getIndex())]);
    w.set_buffer(buffers.lookup(op.getBufferAttr().getValue()));
    setPlacement(op.getLayout(), w);
    if (std::string problem = wfb::weightProblem(w, out, manifest);
        !problem.empty())
      return op.emitOpError() << problem;
    *out.add_weights() = std::move(w);
    return success();
  }

  LogicalResult run(wfb::PeProgram &out) {
    out.set_name(program.getSymName().str());
    out.set_x(program.getOrigin()[0]);
    out.set_y(program.getOrigin()[1]);
    out.set_width(program.getSize()[0]);
    out.set_height(program.getSize()[1]);
    out.set_slot(program.getSlot());
    if (FlatSymbolRefAttr kernel = program.getKernelAttr()) {
      auto it = kernels.find(kernel.getValue());
      if (it == kernels.end())
        return program.emitOpError()
               << "@" << program.getSymName() << " implements " << kernel
               << ", which is not a kernel of the fabric design";
      const wfb::Kernel &k = manifest.kernels(it->second);
      if (k.slot() != program.getSlot())
        return program.emitOpError()
               << "@" << program.getSymName() << " runs in slot "
               << program.getSlot() << " but implements " << kernel
               << ", which runs in slot " << k.slot();
      out.set_kernel(it->second);
    }
    for (pe::BufferOp buffer : program.getBody().getOps<pe::BufferOp>()) {
      if (!buffer.getAddress())
        return buffer.emitOpError()
               << "@" << buffer.getSymName() << " of program @"
               << program.getSymName()
               << " has no SRAM address; run pe-allocate before writing the "
                  "binary";
      wfb::DType type = bufferType(buffer.getElementType());
      if (type == wfb::DTYPE_UNSPECIFIED)
        return buffer.emitOpError()
               << "@" << buffer.getSymName() << ": the binary stores f32, "
               << "f16, bf16 and i32 buffers, not " << buffer.getElementType();
      buffers[buffer.getSymName()] = out.buffers_size();
      wfb::PeBuffer *b = out.add_buffers();
      b->set_name(buffer.getSymName().str());
      b->set_dtype(type);
      b->set_length(buffer.getLength());
      b->set_address(*buffer.getAddress());
    }
    for (Operation &op : program.getBody().front()) {
      if (isa<pe::InputOp, pe::OutputOp>(op) && failed(hostIo(op, out)))
        return failure();
      if (auto w = dyn_cast<pe::WeightOp>(op); w && failed(weight(w, out)))
        return failure();
    }
    for (pe::TaskOp task : program.getBody().getOps<pe::TaskOp>())
      tasks[task.getSymName()] = static_cast<int32_t>(tasks.size());
    for (pe::TaskOp task : program.getBody().getOps<pe::TaskOp>()) {
      wfb::PeTask *t = out.add_tasks();
      t->set_name(task.getSymName().str());
      t->set_data(task.getKind() == pe::TaskKind::data);
      t->set_load(task.getKind() == pe::TaskKind::load);
      t->set_color(task.getColor().value_or(0));
      t->set_entry(task.getEntry());
      for (Operation &op : task.getBody().front())
        if (failed(instruction(op, *t->add_body())))
          return failure();
    }
    return success();
  }
};

} // namespace

LogicalResult emitPeDesign(pe::DesignOp design, const wfb::Manifest &manifest,
                           const KernelConstants &constants,
                           wfb::PeDesign &out) {
  llvm::StringMap<int32_t> kernels;
  for (int32_t k = 0; k < manifest.kernels_size(); ++k)
    kernels[manifest.kernels(k).name()] = k;
  for (Operation &op : design.getBody().front()) {
    if (auto program = dyn_cast<pe::ProgramOp>(op)) {
      if (failed(ProgramEmitter{program, kernels, constants, manifest, {}, {}}.run(
              *out.add_programs())))
        return failure();
    } else if (auto route = dyn_cast<pe::RouteOp>(op)) {
      wfb::PeRoute *r = out.add_routes();
      r->set_color(route.getColor());
      r->set_slot(route.getSlot());
      r->set_x(route.getOrigin()[0]);
      r->set_y(route.getOrigin()[1]);
      r->set_width(route.getSize()[0]);
      r->set_height(route.getSize()[1]);
      r->set_from(static_cast<uint32_t>(route.getFrom()));
      r->set_to(static_cast<uint32_t>(route.getTo()));
    }
  }
  if (std::string problem = wfb::hostIoCoverageProblem(out, manifest);
      !problem.empty())
    return design.emitOpError() << problem;
  return success();
}

} // namespace wafer
