//===- HostIo.cpp - checks of a pe design's host I/O ----------------------===//

#include "wafer/Binary/HostIo.h"

#include "wafer/Binary/BlockLayout.h"
#include "wafer/Binary/Reader.h"

#include <vector>

namespace wafer::wfb {

namespace {

/// What a PeIo or a PeWeight says of its blocks.
struct Placement {
  int64_t columnDim, rowDim;
  bool flat;
  const google::protobuf::RepeatedField<int64_t> &grid, &at;
};

bool layoutIn(const Placement &p, const Tensor &tensor,
              const PeProgram &program, BlockLayout &layout,
              std::string &error) {
  if ((p.grid.size() != 0 && p.grid.size() != 2) ||
      (p.at.size() != 0 && p.at.size() != 2) ||
      (p.at.size() == 2 && p.grid.empty())) {
    error = "has a grid of " + std::to_string(p.grid.size()) +
            " numbers and a corner of " + std::to_string(p.at.size()) +
            "; a grid is [columns, rows] and a corner [column, row], and a "
            "corner needs a grid";
    return false;
  }
  const int64_t columns = p.grid.empty() ? program.width() : p.grid[0];
  const int64_t rows = p.grid.empty() ? program.height() : p.grid[1];
  const std::vector<int64_t> shape(tensor.shape().begin(),
                                   tensor.shape().end());
  if (p.flat && (p.columnDim != -1 || p.rowDim != -1)) {
    error = "is flat and splits dimensions as well";
    return false;
  }
  if (!(p.flat ? BlockLayout::makeFlat(shape, columns, rows, layout, error)
               : BlockLayout::make(shape, p.columnDim, p.rowDim, columns,
                                   rows, layout, error)))
    return false;
  return layout.place(p.at.empty() ? 0 : p.at[0], p.at.empty() ? 0 : p.at[1],
                      program.width(), program.height(), error);
}

/// What is wrong with putting blocks of `tensor` (called `name`) by
/// `placement` into buffer `bufferIndex` of `program`, or "".
std::string blocksProblem(const Placement &placement, const Tensor &tensor,
                          const std::string &name, int32_t bufferIndex,
                          const PeProgram &program, const char *movement) {
  if (bufferIndex < 0 || bufferIndex >= program.buffers_size())
    return "of " + name + " names buffer " + std::to_string(bufferIndex) +
           ", which the program does not have";
  const PeBuffer &buffer = program.buffers(bufferIndex);
  const bool isFloat = tensor.dtype() == F32 || tensor.dtype() == F16 ||
                       tensor.dtype() == BF16;
  if (!isFloat || buffer.dtype() != tensor.dtype())
    return "moves " + name + " (" + dtypeName(tensor.dtype()) +
           ") through buffer '" + buffer.name() + "' (" +
           dtypeName(buffer.dtype()) + "); " + movement;
  BlockLayout layout;
  std::string why;
  if (!layoutIn(placement, tensor, program, layout, why))
    return "of " + name + " " + why;
  if (layout.blockElements() > buffer.length()) {
    std::string shape;
    for (int64_t d : layout.blockShape())
      shape += (shape.empty() ? "" : "x") + std::to_string(d);
    return "puts blocks of " + std::to_string(layout.blockElements()) +
           " elements (" + (shape.empty() ? "a scalar" : shape) + ") of " +
           name + " in buffer '" + buffer.name() + "', which holds " +
           std::to_string(buffer.length());
  }
  return "";
}

Placement placementOf(const PeIo &io) {
  return {io.column_dim(), io.row_dim(), io.flat(), io.grid(), io.at()};
}

Placement placementOf(const PeWeight &w) {
  return {w.column_dim(), w.row_dim(), false, w.grid(), w.at()};
}

} // namespace

bool layoutOf(const PeIo &io, const Tensor &tensor, const PeProgram &program,
              BlockLayout &layout, std::string &error) {
  return layoutIn(placementOf(io), tensor, program, layout, error);
}

bool layoutOf(const PeWeight &weight, const Tensor &tensor,
              const PeProgram &program, BlockLayout &layout,
              std::string &error) {
  return layoutIn(placementOf(weight), tensor, program, layout, error);
}

std::string weightProblem(const PeWeight &weight, const PeProgram &program,
                          const Manifest &manifest) {
  if (weight.tensor() < 0 || weight.tensor() >= manifest.tensors_size())
    return "names tensor " + std::to_string(weight.tensor()) + "; there are " +
           std::to_string(manifest.tensors_size());
  const Tensor &tensor = manifest.tensors(weight.tensor());
  const std::string name = "tensor " + std::to_string(weight.tensor()) +
                           " ('" + tensor.name() + "')";
  if (tensor.kind() != Tensor::CONSTANT)
    return "names " + name + ", which is not a constant";
  return blocksProblem(placementOf(weight), tensor, name, weight.buffer(),
                       program,
                       "weights are f32, f16 or bf16 tensors in buffers of "
                       "their type");
}

std::string hostIoProblem(const PeIo &io, const PeProgram &program,
                          const Manifest &manifest) {
  const auto &bindings = io.output() ? manifest.signature().outputs()
                                     : manifest.signature().inputs();
  const char *kind = io.output() ? "output" : "input";
  if (io.binding() < 0 || io.binding() >= bindings.size())
    return std::string("names signature ") + kind + " " +
           std::to_string(io.binding()) + "; there are " +
           std::to_string(bindings.size());
  const Binding &binding = bindings[io.binding()];
  if (binding.tensor() < 0 || binding.tensor() >= manifest.tensors_size())
    return "names '" + binding.name() + "', which has no tensor";
  return blocksProblem(placementOf(io), manifest.tensors(binding.tensor()),
                       "'" + binding.name() + "'", io.buffer(), program,
                       "host I/O moves f32, f16 and bf16 tensors through "
                       "buffers of their type");
}

std::string hostIoCoverageProblem(const PeDesign &design,
                                  const Manifest &manifest) {
  std::vector<int> inputs(size_t(manifest.signature().inputs_size()), 0),
      outputs(size_t(manifest.signature().outputs_size()), 0);
  bool any = false;
  for (const PeProgram &program : design.programs())
    for (const PeIo &io : program.io()) {
      std::vector<int> &count = io.output() ? outputs : inputs;
      if (io.binding() >= 0 && size_t(io.binding()) < count.size())
        ++count[size_t(io.binding())];
      any = true;
    }
  if (!any)
    return "";
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!inputs[i])
      return "no program loads model input '" +
             manifest.signature().inputs(int(i)).name() +
             "'; a design with host I/O loads every input (pe.input)";
  for (size_t i = 0; i < outputs.size(); ++i)
    if (outputs[i] != 1)
      return std::to_string(outputs[i]) + " programs give model output '" +
             manifest.signature().outputs(int(i)).name() +
             "'; a design with host I/O gives each output from exactly one "
             "(pe.output)";
  return "";
}

} // namespace wafer::wfb
