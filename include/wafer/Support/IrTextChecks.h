//===- IrTextChecks.h - refuse textual IR that MLIR cannot take -*- C++ -*-===//
//
// Textual IR that crashes MLIR's parser instead of failing it, refused by
// a scan of the text before the parser runs. Wafer's tools (wafer-opt,
// wafer-translate's --mlir-to-wfb, the fuzz harnesses) call checkIrText
// first.
//  - Nesting: the parser (and the verifier and printer after it) recurse
//    once or more per level of regions, attribute lists, dictionaries and
//    types, so 5,000 nested `module {` run the tools out of stack.
//  - Resource blobs: a blob of `dialect_resources` encodes its alignment in
//    its first 4 bytes; MLIR 22 accepts an alignment of 0 and then aborts
//    with "LLVM ERROR: out of memory" when it allocates the blob with it
//    (found by the MLIR fuzzer).
// MLIR- and LLVM-free.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_SUPPORT_IRTEXTCHECKS_H
#define WAFER_SUPPORT_IRTEXTCHECKS_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace wafer {

/// The deepest bracket nesting Wafer's tools accept in textual IR: a bracket
/// is any of ( [ { <, and each open one is a level. Real IR nests a few dozen
/// levels at most. On an 8 MiB stack, wafer-opt (sanitizer build) first
/// overflows in MLIR's parser at about 3,400 levels of nested
/// `fabric.kernel` regions, 3,900 of `module {` and 4,100 brackets of the
/// generic form `"builtin.module"() ({`; passes and the printer go deeper
/// (docs/testing.md). 1,000 keeps every form under a third of the stack.
constexpr std::size_t kMaxIrNesting = 1000;

/// Where textual IR first nests deeper than the limit (line and column are
/// 1-based, the column counted in bytes).
struct NestingViolation {
  std::size_t offset = 0;
  std::size_t line = 0;
  std::size_t column = 0;
  std::size_t limit = 0;
};

/// Scans `text` for brackets, skipping string literals ("..." with
/// backslash escapes, ending at the closing quote or the end of the line as
/// in MLIR's lexer) and `//` comments, and returns the first bracket that
/// opens level `maxDepth + 1`, or nothing. `->` and `>=` do not close a `<`;
/// a closer that matches no open bracket is ignored, so the count never
/// falls below what the parser sees (it may count more on malformed input,
/// which the parser refuses anyway).
std::optional<NestingViolation>
findExcessiveNesting(std::string_view text,
                     std::size_t maxDepth = kMaxIrNesting);

/// "NAME:LINE:COL: error: ..." in the format of MLIR's diagnostics.
std::string describeExcessiveNesting(std::string_view bufferName,
                                     const NestingViolation &violation);

/// Where a string literal in the file metadata (`{-# ... #-}`) holds a hex
/// blob ("0x...") whose first 4 bytes, the alignment, are 0.
struct BadBlobAlignment {
  std::size_t offset = 0;
  std::size_t line = 0;
  std::size_t column = 0;
};
std::optional<BadBlobAlignment> findZeroBlobAlignment(std::string_view text);

/// Both checks: "NAME:LINE:COL: error: ..." for the first problem, or "".
std::string checkIrText(std::string_view bufferName, std::string_view text);

} // namespace wafer

#endif // WAFER_SUPPORT_IRTEXTCHECKS_H
