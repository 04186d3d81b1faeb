//===- PEAttrs.td - ports, task kinds and data ranges --------*- tablegen -*-===//

#ifndef WAFER_PE_ATTRS
#define WAFER_PE_ATTRS

include "PE/PEDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Closed sets
//===----------------------------------------------------------------------===//

def PE_PortsEnum : I32BitEnumAttr<"Ports", "A set of router ports", [
      I32BitEnumAttrCaseNone<"none">,
      I32BitEnumAttrCaseBit<"north", 0>,
      I32BitEnumAttrCaseBit<"south", 1>,
      I32BitEnumAttrCaseBit<"east", 2>,
      I32BitEnumAttrCaseBit<"west", 3>,
      I32BitEnumAttrCaseBit<"ramp", 4>
    ]> {
  let cppNamespace = "::wafer::pe";
  let genSpecializedAttr = 0;
}
def PE_PortsAttr : EnumAttr<PE_Dialect, PE_PortsEnum, "ports"> {
  let summary = "A set of router ports";
  let description = [{
    The four links to the neighbouring routers (`north` is towards row 0)
    and the `ramp` between a router and its own PE, written `west` or
    `east|ramp`.
  }];
}

def PE_TaskKindEnum : I32EnumAttr<"TaskKind", "What starts a task", [
      I32EnumAttrCase<"data", 0>,
      I32EnumAttrCase<"local", 1>,
      I32EnumAttrCase<"load", 2>
    ]> {
  let cppNamespace = "::wafer::pe";
  let genSpecializedAttr = 0;
}
def PE_TaskKindAttr : EnumAttr<PE_Dialect, PE_TaskKindEnum, "task_kind"> {
  let summary = "What starts a task";
  let description = [{
    A `data` task runs for the wavelets that arrive on its color; a `local`
    task runs when activated (`pe.activate`) and not blocked; a `load` task
    runs once, when the program is loaded (what the loader would put in
    SRAM with the program: constants), before its slot and in no cycles.
  }];
}

def PE_ReduceKindEnum : I32EnumAttr<"ReduceKind", "A reduction", [
      I32EnumAttrCase<"add", 0>,
      I32EnumAttrCase<"max", 1>
    ]> {
  let cppNamespace = "::wafer::pe";
  let genSpecializedAttr = 0;
}
def PE_ReduceKindAttr : EnumAttr<PE_Dialect, PE_ReduceKindEnum, "reduce_kind"> {
  let summary = "The operation a `pe.reduce` folds a range with";
}

//===----------------------------------------------------------------------===//
// Signed counts
//===----------------------------------------------------------------------===//

// As fabric's counts: read back as int64_t, verified non-negative.
def PE_CountAttr : TypedSignlessIntegerAttrBase<I64, "int64_t",
    "non-negative 64-bit integer attribute"> {
  let predicate = And<[
    CPred<"::llvm::isa<::mlir::IntegerAttr>($_self)">,
    CPred<"::llvm::cast<::mlir::IntegerAttr>($_self).getType()"
          ".isSignlessInteger(64)">,
    IntNonNegative.predicate]>;
  let convertFromStorage = "$_self.getValue().getSExtValue()";
}
def PE_PositiveCountAttr : TypedSignlessIntegerAttrBase<I64, "int64_t",
    "positive 64-bit integer attribute"> {
  let predicate = And<[
    CPred<"::llvm::isa<::mlir::IntegerAttr>($_self)">,
    CPred<"::llvm::cast<::mlir::IntegerAttr>($_self).getType()"
          ".isSignlessInteger(64)">,
    IntPositive.predicate]>;
  let convertFromStorage = "$_self.getValue().getSExtValue()";
}

// [x, y] of a rectangle's corner and [width, height] of it, in PEs.
def PE_CoordinateAttr : ConfinedAttr<DenseI64ArrayAttr,
    [DenseArrayCount<2>, DenseArrayNonNegative<DenseI64ArrayAttr>]>;
def PE_ExtentAttr : ConfinedAttr<DenseI64ArrayAttr,
    [DenseArrayCount<2>, DenseArrayStrictlyPositive<DenseI64ArrayAttr>]>;

//===----------------------------------------------------------------------===//
// Data structure descriptors
//===----------------------------------------------------------------------===//

def PE_MemRangeAttr : AttrDef<PE_Dialect, "MemRange"> {
  let mnemonic = "mem";
  let summary = "A strided range of elements of a program's buffer";
  let description = [{
    Elements `offset`, `offset + stride`, ... (`length` of them) of the
    buffer `@name` of the enclosing program, as a CSL memory DSD describes
    them; `stride` defaults to 1. The program checks that the buffer
    exists and that the range lies inside it.

    ```mlir
    #pe.mem<@acc[0 : 64]>       // elements 0 .. 63
    #pe.mem<@w[3 : 16 : 8]>     // 16 elements from 3, every 8th
    ```
  }];
  let parameters = (ins
    "::mlir::FlatSymbolRefAttr":$buffer,
    "int64_t":$offset,
    "int64_t":$length,
    DefaultValuedParameter<"int64_t", "1">:$stride
  );
  let assemblyFormat =
      "`<` $buffer `[` $offset `:` $length (`:` $stride^)? `]` `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// One past the last element the range touches.
    int64_t end() const {
      return getOffset() + (getLength() - 1) * getStride() + 1;
    }
  }];
}

// `[a, b]`: two non-negative integers, as `grid` and `at` spell them.
class PE_PairParameter<string desc> : OptionalArrayRefParameter<"int64_t", desc> {
  let parser = [{ ::wafer::pe::parsePair($_parser) }];
  let printer = [{ ::wafer::pe::printPair($_printer, $_self) }];
}

def PE_BlockLayoutAttr : AttrDef<PE_Dialect, "BlockLayout"> {
  let mnemonic = "blocks";
  let summary = "A tensor in equal blocks over a program's rectangle";
  let description = [{
    Tensor dimension `columns` split in equal blocks over the rectangle's
    columns and `rows` over its rows; a dimension not named is whole in
    every PE, and a PE holds the same data as the others of its column (no
    `columns`) or row (no `rows`). Each PE's block lies row-major at the
    start of its buffer; a block reaching past the tensor's end is padded
    with zeros when loaded and the padding ignored when read back
    (wfb::BlockLayout).

    With `flat = true` instead, the tensor's elements in row-major order
    are split in equal chunks over the rectangle's PEs in row-major order,
    whatever its shape: how an elementwise kernel uses its whole region.

    `grid = [columns, rows]` and `at = [column, row]` place the program's
    rectangle inside a larger grid of blocks: the tensor is split over the
    grid, and the program's PE (i, j) holds the grid's block (column + i,
    row + j). A kernel whose PEs run different programs (one per row of a
    reduction tree, say) spreads one tensor over all of them this way.
    Without them the grid is the program's rectangle.

    ```mlir
    #pe.blocks<columns = 1, rows = 0>  // [M, N]: M over the rows, N over the columns
    #pe.blocks<columns = 0>            // dim 0 over the columns, each column whole
    #pe.blocks<>                       // the whole tensor in every PE
    #pe.blocks<flat = true>            // equal chunks of the flattened tensor
    ```
  }];
  let parameters = (ins
    OptionalParameter<"std::optional<int64_t>">:$columns,
    OptionalParameter<"std::optional<int64_t>">:$rows,
    DefaultValuedParameter<"bool", "false">:$flat,
    PE_PairParameter<"grid of blocks [columns, rows]">:$grid,
    PE_PairParameter<"the program's corner in the grid [column, row]">:$at
  );
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The dimensions as the binary stores them: -1 when not split.
    int64_t columnDim() const { return getColumns().value_or(-1); }
    int64_t rowDim() const { return getRows().value_or(-1); }
    /// The grid's [columns, rows] for a program of `size`, and the
    /// program's corner in it.
    std::array<int64_t, 2> gridFor(::llvm::ArrayRef<int64_t> size) const {
      return getGrid().empty() ? std::array<int64_t, 2>{size[0], size[1]}
                               : std::array<int64_t, 2>{getGrid()[0], getGrid()[1]};
    }
    std::array<int64_t, 2> corner() const {
      return getAt().empty() ? std::array<int64_t, 2>{0, 0}
                             : std::array<int64_t, 2>{getAt()[0], getAt()[1]};
    }
  }];
}

#endif // WAFER_PE_ATTRS
