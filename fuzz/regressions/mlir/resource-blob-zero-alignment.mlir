// A resource blob whose first 4 bytes (its alignment) are 0: MLIR 22 parses
// it and then aborts allocating the blob ("LLVM ERROR: out of memory").
// Found by wafer-fuzz-mlir at 3.8M execs; refused by wafer::checkIrText.
module attributes {graph.w = dense_resource<blob> : tensor<2xf32>} {}
{-#
  dialect_resources: {
    builtin: {
      blob: "0x000000000000803F00000040"
    }
  }
#-}
