//===- FabricOps.cpp - kernels and streams --------------------------------===//

#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace wafer::fabric;

ArrayRef<StringRef> wafer::fabric::knownSchemes() {
  static const StringRef schemes[] = {"mesh_gemm", "mesh_gemv",  "attention",
                                      "row_reduce", "elementwise", "gather"};
  return schemes;
}

void KernelOp::build(OpBuilder &builder, OperationState &state,
                     TypeRange resultTypes, StringRef name,
                     ValueRange inputs) {
  state.addTypes(resultTypes);
  state.addOperands(inputs);
  state.addAttribute(getSymNameAttrName(state.name),
                     builder.getStringAttr(name));
  Region *body = state.addRegion();
  Block *block = new Block();
  body->push_back(block);
  for (Value v : inputs)
    block->addArgument(v.getType(), v.getLoc());
}

LogicalResult KernelOp::verify() {
  ArrayRef<int64_t> region = getRegion();
  if (region.size() != 2 || region[0] < 1 || region[1] < 1)
    return emitOpError() << "region must be [width, height] with positive "
                            "sizes";
  if (!llvm::is_contained(knownSchemes(), getScheme()))
    return emitOpError() << "unknown scheme '" << getScheme() << "'";
  // I64Attr getters return uint64_t; read the signed values.
  if (getWeightBytesAttr().getInt() < 0 || getBufferBytesAttr().getInt() < 0 ||
      getCyclesAttr().getInt() < 0 || getSlotAttr().getInt() < 0)
    return emitOpError() << "weight_bytes, buffer_bytes, cycles and slot "
                            "must be non-negative";
  if (auto origin = getOrigin())
    if (origin->size() != 2 || (*origin)[0] < 0 || (*origin)[1] < 0)
      return emitOpError() << "origin must be [x, y] with non-negative "
                              "coordinates";
  return success();
}

LogicalResult KernelOp::verifyRegions() {
  Block &block = getBody().front();
  if (block.getNumArguments() != getInputs().size())
    return emitOpError() << "body takes " << block.getNumArguments()
                         << " arguments for " << getInputs().size()
                         << " inputs";
  for (auto [arg, input] : llvm::zip(block.getArguments(), getInputs()))
    if (arg.getType() != input.getType())
      return emitOpError() << "body argument type " << arg.getType()
                           << " differs from input type " << input.getType();
  auto yield = cast<YieldOp>(block.getTerminator());
  if (yield.getValues().getTypes() != getOutputs().getTypes())
    return emitOpError() << "yields types that differ from its results";
  return success();
}

#define GET_OP_CLASSES
#include "wafer/Dialect/Fabric/IR/FabricOps.cpp.inc"
