//===- FabricAttrs.td - the target machine model -------------*- tablegen -*-===//

#ifndef WAFER_FABRIC_ATTRS
#define WAFER_FABRIC_ATTRS

include "Fabric/FabricDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinAttributes.td"

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
