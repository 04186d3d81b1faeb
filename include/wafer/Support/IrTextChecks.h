//===- NestingLimit.h - refuse textual IR nested too deep -------*- C++ -*-===//
//
// MLIR's textual parser (and the verifier and printer after it) recurse once
// or more per nesting level of regions, attribute lists, dictionaries and
// types, so input such as 5,000 nested `module {` runs the tools out of
// stack and they crash. Wafer's tools (wafer-opt, wafer-translate's MLIR
// inputs, the fuzz harnesses) scan the text first and refuse anything that
// nests brackets deeper than kMaxIrNesting, before the parser runs.
// MLIR- and LLVM-free.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_SUPPORT_NESTINGLIMIT_H
#define WAFER_SUPPORT_NESTINGLIMIT_H

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

} // namespace wafer

#endif // WAFER_SUPPORT_NESTINGLIMIT_H
