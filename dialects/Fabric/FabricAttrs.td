//===- FabricAttrs.td - the target machine model -------------*- tablegen -*-===//

#ifndef WAFER_FABRIC_ATTRS
#define WAFER_FABRIC_ATTRS

include "Fabric/FabricDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Closed sets
//===----------------------------------------------------------------------===//

// The one list of distribution schemes: tiling picks one per kernel, the
// cost model prices it, routing reserves its collectives' colors, the report
// and the plot name and colour it.
def Fabric_KernelSchemeEnum : I32EnumAttr<"KernelScheme",
    "How a kernel spreads its work over its region", [
      I32EnumAttrCase<"mesh_gemm", 0>,
      I32EnumAttrCase<"mesh_gemv", 1>,
      I32EnumAttrCase<"attention", 2>,
      I32EnumAttrCase<"row_reduce", 3>,
      I32EnumAttrCase<"elementwise", 4>,
      I32EnumAttrCase<"gather", 5>
    ]> {
  let cppNamespace = "::wafer::fabric";
  let genSpecializedAttr = 0;
}
def Fabric_KernelSchemeAttr
    : EnumAttr<Fabric_Dialect, Fabric_KernelSchemeEnum, "scheme"> {
  let summary = "A kernel's distribution scheme";
  let description = [{
    `mesh_gemm` (MeshGEMM, prefill), `mesh_gemv` (MeshGEMV, decode),
    `attention` (the KV cache sharded over the region), `row_reduce`
    (norms, softmax, reductions), `elementwise` (in the producer's layout),
    `gather` (an embedding table sharded by rows).
  }];
}

def Fabric_MappingStrategyEnum : I32EnumAttr<"MappingStrategy",
    "How the kernels of a model share the mesh", [
      I32EnumAttrCase<"pipeline", 0>,
      I32EnumAttrCase<"shared", 1>
    ]> {
  let cppNamespace = "::wafer::fabric";
  let genSpecializedAttr = 0;
}
def Fabric_MappingStrategyAttr
    : EnumAttr<Fabric_Dialect, Fabric_MappingStrategyEnum, "strategy"> {
  let summary = "The mapping strategy of a design";
  let description = [{
    `pipeline`: every kernel has a region of its own and activations flow
    region to region. `shared`: the kernels take turns on one region, one
    time slot each.
  }];
}

//===----------------------------------------------------------------------===//
// Signed counts
//===----------------------------------------------------------------------===//

// Counts and sizes read back as int64_t (I64Attr's getters return uint64_t,
// which turns a negative value into a huge one) and verify non-negative, as
// mlir-aie does for its integer attributes.
def Fabric_CountAttr : TypedSignlessIntegerAttrBase<I64, "int64_t",
    "non-negative 64-bit integer attribute"> {
  let predicate = And<[
    CPred<"::llvm::isa<::mlir::IntegerAttr>($_self)">,
    CPred<"::llvm::cast<::mlir::IntegerAttr>($_self).getType()"
          ".isSignlessInteger(64)">,
    IntNonNegative.predicate]>;
  let convertFromStorage = "$_self.getValue().getSExtValue()";
}

// [width, height] of a region, in PEs.
def Fabric_ExtentAttr : ConfinedAttr<DenseI64ArrayAttr,
    [DenseArrayCount<2>, DenseArrayStrictlyPositive<DenseI64ArrayAttr>]>;
// [x, y] of a region's corner on the mesh.
def Fabric_CoordinateAttr : ConfinedAttr<DenseI64ArrayAttr,
    [DenseArrayCount<2>, DenseArrayNonNegative<DenseI64ArrayAttr>]>;
// A per-PE block shape.
def Fabric_BlockShapeAttr : ConfinedAttr<DenseI64ArrayAttr,
    [DenseArrayStrictlyPositive<DenseI64ArrayAttr>]>;

//===----------------------------------------------------------------------===//
// The machine
//===----------------------------------------------------------------------===//

def Fabric_TargetAttr : AttrDef<Fabric_Dialect, "Target"> {
  let mnemonic = "target";
  let summary = "The wafer the model is compiled for";
  let description = [{
    Every machine parameter the cost model and the verifiers use.
    `code_bytes` is the part of each PE's SRAM set aside for the programs
    it runs (a few KiB in CSL; one allowance covers all kernels on a PE). Presets
    `wse2` and `wse3` carry the documented figures (see
    docs/cost-model.md for sources); custom meshes as small as 4x4 serve
    tests.

    ```mlir
    #fabric.target<name = "wse3", width = 762, height = 1172,
                   sram_bytes = 49152, code_bytes = 8192, colors = 24,
                   reserved_colors = [21, 22, 23],
                   clock_khz = 1100000, link_bytes_per_cycle = 4,
                   hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8,
                   fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8,
                   mem_write_bytes_per_cycle = 4>
    ```
  }];
  let parameters = (ins
    StringRefParameter<"preset or `custom`">:$name,
    "int64_t":$width,
    "int64_t":$height,
    "int64_t":$sram_bytes,
    "int64_t":$code_bytes,
    "int64_t":$colors,
    "::mlir::DenseI64ArrayAttr":$reserved_colors,
    "int64_t":$clock_khz,
    "int64_t":$link_bytes_per_cycle,
    "int64_t":$hop_latency_cycles,
    "int64_t":$fmac_f32,
    "int64_t":$fmac_f16,
    "int64_t":$fmac_f16_f32,
    "int64_t":$mem_read_bytes_per_cycle,
    "int64_t":$mem_write_bytes_per_cycle
  );
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    int64_t numPEs() const { return getWidth() * getHeight(); }
    /// Colors a route may use: the budget minus the reserved ones.
    int64_t usableColors() const {
      return getColors() - static_cast<int64_t>(getReservedColors().size());
    }
    double clockHz() const { return getClockKhz() * 1e3; }
    /// SRAM left for data once the PE programs are loaded.
    int64_t dataBytes() const { return getSramBytes() - getCodeBytes(); }
  }];
}

#endif // WAFER_FABRIC_ATTRS
