//===- HostIo.cpp - checks of a pe design's host I/O ----------------------===//

#include "wafer/Binary/HostIo.h"

#include "wafer/Binary/BlockLayout.h"
#include "wafer/Binary/Reader.h"

#include <vector>

namespace wafer::wfb {

bool layoutOf(const PeIo &io, const Tensor &tensor, const PeProgram &program,
              BlockLayout &layout, std::string &error) {
  const std::vector<int64_t> shape(tensor.shape().begin(),
                                   tensor.shape().end());
  if (!io.flat())
    return BlockLayout::make(shape, io.column_dim(), io.row_dim(),
                             program.width(), program.height(), layout, error);
  if (io.column_dim() != -1 || io.row_dim() != -1) {
    error = "is flat and splits dimensions as well";
    return false;
  }
  return BlockLayout::makeFlat(shape, program.width(), program.height(), layout,
                               error);
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
  const Tensor &tensor = manifest.tensors(binding.tensor());
  const std::string name = "'" + binding.name() + "'";
  if (io.buffer() < 0 || io.buffer() >= program.buffers_size())
    return "of " + name + " names buffer " + std::to_string(io.buffer()) +
           ", which the program does not have";
  const PeBuffer &buffer = program.buffers(io.buffer());
  if (tensor.dtype() != F32 || buffer.dtype() != F32)
    return "moves " + name + " (" + dtypeName(tensor.dtype()) +
           ") through buffer '" + buffer.name() + "' (" +
           dtypeName(buffer.dtype()) +
           "); host I/O moves f32 tensors through f32 buffers";
  BlockLayout layout;
  std::string why;
  if (!layoutOf(io, tensor, program, layout, why))
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
