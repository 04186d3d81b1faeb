//===- PEOps.td - programs, tasks, vector ops and routes -----*- tablegen -*-===//

#ifndef WAFER_PE_OPS
#define WAFER_PE_OPS

include "Fabric/FabricAttrs.td"
include "PE/PEAttrs.td"
include "PE/PEDialect.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/SymbolInterfaces.td"

//===----------------------------------------------------------------------===//
// Containers
//===----------------------------------------------------------------------===//

def PE_DesignOp : PE_Op<"design", [IsolatedFromAbove, SymbolTable,
    SingleBlock, NoTerminator, NoRegionArguments]> {
  let summary = "The programs and router configurations of one wafer";
  let description = [{
    Holds a `pe.program` per kernel and the `pe.route`s between them, for
    the target it carries. Once every nested op has verified, the design
    checks them against the target: program and route rectangles inside the
    mesh, programs of one time slot on disjoint PEs, every buffer inside
    the SRAM left for data (`sram_bytes - code_bytes`), every color within
    the budget, and at most one configuration per color on each router in
    each slot (a router maps a color's one input port to its output ports).

    ```mlir
    pe.design target = #fabric.target<name = "custom", ...> {
      pe.program @k at [0, 0] size [4, 4] slot 0 { ... }
      pe.route color 2 slot 0 at [0, 0] size [4, 1] from west to east|ramp
    }
    ```
  }];
  let arguments = (ins Fabric_TargetAttr:$target);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat =
      "`target` `=` qualified($target) attr-dict-with-keyword $body";
  let hasRegionVerifier = 1;
}

def PE_ProgramOp : PE_Op<"program", [IsolatedFromAbove, SymbolTable,
    Symbol, SingleBlock, NoTerminator, NoRegionArguments,
    HasParent<"DesignOp">]> {
  let summary = "What every PE of one kernel's rectangle runs";
  let description = [{
    One program serves all PEs of the rectangle `[x, y]`, `[width,
    height]` in time slot `slot`. It holds the buffers and tasks it
    names. `for @kernel` names the fabric kernel it implements (one of
    several programs may), so that the simulator's report sets the
    program's cycles beside the kernel's ONNX nodes and the cost model's
    prediction; the binary's writer resolves it against the fabric
    design. Once its ops have verified, it checks that every memory range
    names one of its buffers and lies inside it, that every task it
    activates, blocks or unblocks is one of its tasks, that no two data
    tasks share a color, and that allocated buffers do not overlap.

    ```mlir
    pe.program @"h.0/mlp/fc" for @"h.0/mlp/fc" at [0, 0] size [16, 8] slot 3 {
      pe.buffer @x f32[64] at 0
      pe.task @recv_x data color 2 {
        pe.recv color 2 into #pe.mem<@x[0 : 64]>
      }
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       OptionalAttr<FlatSymbolRefAttr>:$kernel,
                       PE_CoordinateAttr:$origin, PE_ExtentAttr:$size,
                       PE_CountAttr:$slot);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat =
      "$sym_name (`for` $kernel^)? `at` $origin `size` $size `slot` $slot "
      "attr-dict-with-keyword $body";
  let hasRegionVerifier = 1;
}

def PE_BufferOp : PE_Op<"buffer", [Symbol, HasParent<"ProgramOp">]> {
  let summary = "A buffer in each PE's SRAM";
  let description = [{
    `length` elements of `element_type` in the SRAM of every PE that runs
    the program; `address` (bytes from the start of the data SRAM, aligned
    to the element size) once `pe-allocate` has placed it.

    ```mlir
    pe.buffer @acc f32[64] at 256
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<AnyTypeOf<[F32, F16, BF16, I32, I16]>>:$element_type,
                       PE_PositiveCountAttr:$length,
                       OptionalAttr<PE_CountAttr>:$address);
  let assemblyFormat =
      "$sym_name $element_type `[` $length `]` (`at` $address^)? attr-dict";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Bytes per element.
    int64_t elementBytes();
    /// Bytes of the whole buffer, or nothing when the product overflows.
    std::optional<int64_t> bytes();
  }];
}

class PE_HostIoOp<string mnemonic, string what, string direction>
    : PE_Op<mnemonic, [HasParent<"ProgramOp">]> {
  let summary = what;
  let arguments = (ins StrAttr:$tensor, FlatSymbolRefAttr:$buffer,
                       PE_BlockLayoutAttr:$layout);
  let assemblyFormat =
      "$tensor " # direction # " $buffer `as` qualified($layout) attr-dict";
}

def PE_InputOp : PE_HostIoOp<"input", "A model input loaded into every PE's buffer",
                             "`into`"> {
  let description = [{
    Before the program's slot starts, the host writes model input `tensor`
    (its ONNX name) into `buffer` of every PE of the program, in blocks by
    `layout`. One input may be loaded into several programs. The binary's
    writer checks that the model has that input, that it and the buffer
    hold f32, and that a block fits the buffer.

    ```mlir
    pe.input "x" into @x as #pe.blocks<columns = 1, rows = 0>
    ```
  }];
}

def PE_OutputOp : PE_HostIoOp<"output", "A model output read from every PE's buffer",
                              "`from`"> {
  let description = [{
    After the program's slot ends, the host reads model output `tensor`
    from `buffer` of the program's PEs, in blocks by `layout` (where a
    dimension is not split, from the first PE along that axis). A design
    that has host I/O gives each output from exactly one program and loads
    every input.

    ```mlir
    pe.output "y" from @y as #pe.blocks<columns = 1, rows = 0>
    ```
  }];
}

def PE_WeightOp : PE_Op<"weight", [HasParent<"ProgramOp">]> {
  let summary = "A weight of the program's kernel in every PE's buffer";
  let description = [{
    Constant number `index` of the fabric kernel the program implements (the
    kernel body's `graph.constant` ops in order) lies in `buffer` of every
    PE of the program, in blocks by `layout`, for the kernel's whole life:
    the binary stores the weight once and each PE's block is a view of it,
    loaded before the program's first slot. The binary's writer checks that
    the kernel has that constant, that it and the buffer hold f32, and that
    a block fits the buffer.

    ```mlir
    pe.program @fc.row0 for @fc at [0, 0] size [8, 1] slot 0 {
      pe.buffer @w f32[96]
      // w: f32[64, 96]: K over an 8x8 grid's rows, N over its columns
      pe.weight 0 into @w as #pe.blocks<columns = 1, rows = 0, grid = [8, 8], at = [0, 0]>
      ...
    }
    ```
  }];
  let arguments = (ins PE_CountAttr:$index, FlatSymbolRefAttr:$buffer,
                       PE_BlockLayoutAttr:$layout);
  let assemblyFormat = "$index `into` $buffer `as` qualified($layout) attr-dict";
}

def PE_TaskOp : PE_Op<"task", [Symbol, SingleBlock, NoTerminator,
    NoRegionArguments, HasParent<"ProgramOp">]> {
  let summary = "A task: a data task bound to a color, or a local task";
  let description = [{
    A `data` task runs for the wavelets that arrive on `color`; a `local`
    task runs when activated and not blocked. A local `entry` task is
    activated when its time slot starts: it is where the program begins.
    A body runs in order, once per activation. A `load` task runs once when
    the program is loaded, before its slot and in no cycles: it sets what
    does not change from step to step (constants), with vector ops only.

    ```mlir
    pe.task @recv_x data color 2 { ... }
    pe.task @main local entry { ... }
    pe.task @step local { ... }
    pe.task @constants load { pe.fill #pe.mem<@half[0 : 8]>, 5.0e-01 }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, PE_TaskKindAttr:$kind,
                       OptionalAttr<PE_CountAttr>:$color, UnitAttr:$entry);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name `` $kind (`color` $color^)? "
                       "(`entry` $entry^)? attr-dict-with-keyword $body";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Vector operations over memory ranges (DSD-style)
//===----------------------------------------------------------------------===//

class PE_TaskBodyOp<string mnemonic, list<Trait> traits = []>
    : PE_Op<mnemonic, !listconcat(traits, [HasParent<"TaskOp">])>;

class PE_UnaryVectorOp<string mnemonic, string what>
    : PE_TaskBodyOp<mnemonic> {
  let summary = what;
  let description = [{
    Elementwise over ranges of equal length: `dst[i] = f(src[i])`.
  }];
  let arguments = (ins PE_MemRangeAttr:$dst, PE_MemRangeAttr:$src);
  let assemblyFormat = "qualified($dst) `,` qualified($src) attr-dict";
  let hasVerifier = 1;
}

class PE_BinaryVectorOp<string mnemonic, string what>
    : PE_TaskBodyOp<mnemonic> {
  let summary = what;
  let description = [{
    Elementwise over ranges of equal length: `dst[i] = lhs[i] op rhs[i]`.
  }];
  let arguments = (ins PE_MemRangeAttr:$dst, PE_MemRangeAttr:$lhs,
                       PE_MemRangeAttr:$rhs);
  let assemblyFormat =
      "qualified($dst) `,` qualified($lhs) `,` qualified($rhs) attr-dict";
  let hasVerifier = 1;
}

def PE_FmovOp : PE_UnaryVectorOp<"fmov", "Copy a range">;
def PE_FillOp : PE_TaskBodyOp<"fill"> {
  let summary = "Set every element of a range to a constant";
  let description = [{
    `dst[i] = value`, at the rate of the other elementwise ops (CSL's
    `@fmovs` with a scalar source). How a program sets the zeros of a relu
    or the splat constants of an elementwise kernel.

    ```mlir
    pe.fill #pe.mem<@zero[0 : 64]>, 0.000000e+00
    ```
  }];
  let arguments = (ins PE_MemRangeAttr:$dst, F32Attr:$value);
  let assemblyFormat = "qualified($dst) `,` $value attr-dict";
}
def PE_ExpOp : PE_UnaryVectorOp<"exp", "Exponential of each element">;
def PE_RsqrtOp : PE_UnaryVectorOp<"rsqrt",
    "Reciprocal square root of each element">;
def PE_FaddOp : PE_BinaryVectorOp<"fadd", "Add two ranges">;
def PE_FsubOp : PE_BinaryVectorOp<"fsub", "Subtract two ranges">;
def PE_FmulOp : PE_BinaryVectorOp<"fmul", "Multiply two ranges">;
def PE_FmaxOp : PE_BinaryVectorOp<"fmax", "Elementwise maximum of two ranges">;

def PE_FmacOp : PE_TaskBodyOp<"fmac"> {
  let summary = "Multiply-accumulate by a scalar";
  let description = [{
    `dst[i] = acc[i] + src[i] * scalar[0]` over ranges of equal length, the
    scalar a one-element range (CSL's `@fmacs`): the inner step of a GEMV
    or GEMM on one PE.

    ```mlir
    pe.fmac #pe.mem<@y[0 : 64]>, #pe.mem<@y[0 : 64]>, #pe.mem<@w[0 : 64]>,
            #pe.mem<@x[5 : 1]>
    ```
  }];
  let arguments = (ins PE_MemRangeAttr:$dst, PE_MemRangeAttr:$acc,
                       PE_MemRangeAttr:$src, PE_MemRangeAttr:$scalar);
  let assemblyFormat = "qualified($dst) `,` qualified($acc) `,` "
                       "qualified($src) `,` qualified($scalar) attr-dict";
  let hasVerifier = 1;
}

def PE_ReduceOp : PE_TaskBodyOp<"reduce"> {
  let summary = "Fold a range into one element";
  let description = [{
    `dst[0] = src[0] op src[1] op ...` with `add` or `max`; `dst` is a
    one-element range.

    ```mlir
    pe.reduce max #pe.mem<@m[0 : 1]>, #pe.mem<@row[0 : 128]>
    ```
  }];
  let arguments = (ins PE_ReduceKindAttr:$kind, PE_MemRangeAttr:$dst,
                       PE_MemRangeAttr:$src);
  let assemblyFormat = "`` $kind qualified($dst) `,` qualified($src) attr-dict";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// The fabric and task control
//===----------------------------------------------------------------------===//

def PE_SendOp : PE_TaskBodyOp<"send"> {
  let summary = "Send a range onto a color";
  let description = [{
    One wavelet per element of `src`, onto `color` through the PE's ramp.

    ```mlir
    pe.send #pe.mem<@y[0 : 64]> on color 3
    ```
  }];
  let arguments = (ins PE_MemRangeAttr:$src, PE_CountAttr:$color);
  let assemblyFormat = "qualified($src) `on` `color` $color attr-dict";
}

def PE_RecvOp : PE_TaskBodyOp<"recv"> {
  let summary = "Receive wavelets of a color into a range";
  let description = [{
    One wavelet of `color` into each element of `dst`, in order.

    ```mlir
    pe.recv color 2 into #pe.mem<@x[0 : 64]>
    ```
  }];
  let arguments = (ins PE_CountAttr:$color, PE_MemRangeAttr:$dst);
  let assemblyFormat = "`color` $color `into` qualified($dst) attr-dict";
}

class PE_TaskControlOp<string mnemonic, string what>
    : PE_TaskBodyOp<mnemonic> {
  let summary = what;
  let arguments = (ins FlatSymbolRefAttr:$task);
  let assemblyFormat = "$task attr-dict";
}

def PE_ActivateOp : PE_TaskControlOp<"activate",
    "Make a local task ready to run">;
def PE_BlockOp : PE_TaskControlOp<"block",
    "Keep a task from running until it is unblocked">;
def PE_UnblockOp : PE_TaskControlOp<"unblock", "Let a blocked task run">;

//===----------------------------------------------------------------------===//
// Routers
//===----------------------------------------------------------------------===//

def PE_RouteOp : PE_Op<"route", [HasParent<"DesignOp">]> {
  let summary = "One color's setting on a rectangle of routers";
  let description = [{
    Every router of the rectangle `[x, y]`, `[width, height]` forwards the
    wavelets of `color` that enter through the one port `from` to every
    port of `to` (a multicast when there are several), which does not
    include `from`, during time slot `slot`. Settings are stored by
    rectangle, never one per router.

    ```mlir
    pe.route color 2 slot 0 at [0, 0] size [4, 1] from west to east|ramp
    ```
  }];
  let arguments = (ins PE_CountAttr:$color, PE_CountAttr:$slot,
                       PE_CoordinateAttr:$origin, PE_ExtentAttr:$size,
                       PE_PortsAttr:$from, PE_PortsAttr:$to);
  let assemblyFormat = "`color` $color `slot` $slot `at` $origin `size` $size "
                       "`from` `` $from `to` `` $to attr-dict";
  let hasVerifier = 1;
}

#endif // WAFER_PE_OPS
