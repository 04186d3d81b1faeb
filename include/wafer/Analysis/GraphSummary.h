//===- GraphSummary.h - what an imported model contains ---------*- C++ -*-===//

#ifndef WAFER_ANALYSIS_GRAPHSUMMARY_H
#define WAFER_ANALYSIS_GRAPHSUMMARY_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <string>
#include <vector>

namespace wafer {

/// Counts and sizes of one graph-dialect module: its signature, its weights
/// and how many ops of each kind it has.
struct GraphSummary {
  struct Port {
    std::string name, type;
  };
  int64_t opset = 0;
  std::string producer;
  std::vector<Port> inputs, outputs;
  int64_t weightTensors = 0, parameters = 0, weightBytes = 0;
  /// Op name -> count, constants excluded.
  std::map<std::string, int64_t> ops;
  int64_t totalOps = 0;

  static GraphSummary of(mlir::ModuleOp module);
  void printText(llvm::raw_ostream &os) const;
  llvm::json::Value toJSON() const;
};

} // namespace wafer

#endif // WAFER_ANALYSIS_GRAPHSUMMARY_H
