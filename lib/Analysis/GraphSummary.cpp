//===- GraphSummary.cpp - what an imported model contains -----------------===//

#include "wafer/Analysis/GraphSummary.h"

#include "wafer/Dialect/Graph/IR/GraphOps.h"
#include "wafer/Support/StableSort.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/Format.h"

#include <algorithm>

using namespace mlir;

namespace wafer {

static std::string typeString(Type type) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << type;
  return s;
}

static std::string portName(func::FuncOp func, unsigned i, bool result) {
  auto name = result ? func.getResultAttrOfType<StringAttr>(i, "graph.name")
                     : func.getArgAttrOfType<StringAttr>(i, "graph.name");
  return name ? name.str() : (result ? "result" : "arg") + std::to_string(i);
}

GraphSummary GraphSummary::of(ModuleOp module) {
  GraphSummary s;
  if (auto opset = module->getAttrOfType<IntegerAttr>("graph.onnx_opset"))
    s.opset = opset.getInt();
  if (auto producer = module->getAttrOfType<StringAttr>("graph.producer"))
    s.producer = producer.str();
  module.walk([&](func::FuncOp func) {
    for (unsigned i = 0; i < func.getNumArguments(); ++i)
      s.inputs.push_back(
          {portName(func, i, false), typeString(func.getArgument(i).getType())});
    for (unsigned i = 0; i < func.getNumResults(); ++i)
      s.outputs.push_back(
          {portName(func, i, true), typeString(func.getResultTypes()[i])});
  });
  module.walk([&](Operation *op) {
    if (!isa<graph::GraphDialect>(op->getDialect()))
      return;
    if (auto constant = dyn_cast<graph::ConstantOp>(op)) {
      auto type = cast<ShapedType>(constant.getType());
      if (isa<DenseResourceElementsAttr>(constant.getValue())) {
        ++s.weightTensors;
        s.parameters += type.getNumElements();
        s.weightBytes +=
            type.getNumElements() * type.getElementTypeBitWidth() / 8;
      }
      return;
    }
    ++s.ops[op->getName().getStringRef().str()];
    ++s.totalOps;
  });
  return s;
}

void GraphSummary::printText(llvm::raw_ostream &os) const {
  os << "ONNX opset " << opset;
  if (!producer.empty())
    os << ", produced by " << producer;
  os << "\n";
  for (const Port &p : inputs)
    os << "  input  " << p.name << ": " << p.type << "\n";
  for (const Port &p : outputs)
    os << "  output " << p.name << ": " << p.type << "\n";
  os << "weights: " << weightTensors << " tensors, " << parameters
     << " parameters, " << llvm::format("%.2f", weightBytes / 1048576.0)
     << " MiB\n";
  os << "ops: " << totalOps << " (constants not counted)\n";
  std::vector<std::pair<std::string, int64_t>> rows(ops.begin(), ops.end());
  wafer::stableSort(rows, [](const auto &a, const auto &b) {
    return a.second > b.second;
  });
  for (const auto &[name, count] : rows)
    os << llvm::format("  %-24s %6lld\n", name.c_str(),
                       static_cast<long long>(count));
}

llvm::json::Value GraphSummary::toJSON() const {
  auto ports = [](const std::vector<Port> &list) {
    llvm::json::Array out;
    for (const Port &p : list)
      out.push_back(llvm::json::Object{{"name", p.name}, {"type", p.type}});
    return out;
  };
  llvm::json::Object opCounts;
  for (const auto &[name, count] : ops)
    opCounts[name] = count;
  return llvm::json::Object{
      {"opset", opset},
      {"producer", producer},
      {"inputs", ports(inputs)},
      {"outputs", ports(outputs)},
      {"weights", llvm::json::Object{{"tensors", weightTensors},
                                     {"parameters", parameters},
                                     {"bytes", weightBytes}}},
      {"total_ops", totalOps},
      {"ops", std::move(opCounts)}};
}

} // namespace wafer
