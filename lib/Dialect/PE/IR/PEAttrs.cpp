//===- PEAttrs.cpp - ports, task kinds and data ranges --------------------===//

#include "wafer/Dialect/PE/IR/PEAttrs.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;

#include "wafer/Dialect/PE/IR/PEEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "wafer/Dialect/PE/IR/PEAttrs.cpp.inc"

namespace wafer::pe {

void PEDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "wafer/Dialect/PE/IR/PEAttrs.cpp.inc"
      >();
}

LogicalResult MemRangeAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                   FlatSymbolRefAttr buffer, int64_t offset,
                                   int64_t length, int64_t stride) {
  if (offset < 0)
    return emitError() << "memory range of " << buffer
                       << ": offset must be non-negative, got " << offset;
  if (length < 1)
    return emitError() << "memory range of " << buffer
                       << ": length must be at least 1, got " << length;
  if (stride < 1)
    return emitError() << "memory range of " << buffer
                       << ": stride must be at least 1, got " << stride;
  // end() = offset + (length - 1) * stride + 1 must be representable.
  int64_t span = 0, end = 0;
  if (llvm::MulOverflow(length - 1, stride, span) ||
      llvm::AddOverflow(offset, span, end) || end == INT64_MAX)
    return emitError() << "memory range of " << buffer << " [" << offset
                       << " : " << length << " : " << stride
                       << "] reaches past 2^63 elements";
  return success();
}

FailureOr<SmallVector<int64_t>> parsePair(AsmParser &parser) {
  SmallVector<int64_t> values;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&]() {
        int64_t v = 0;
        if (parser.parseInteger(v))
          return failure();
        values.push_back(v);
        return success();
      }))
    return failure();
  return values;
}

void printPair(AsmPrinter &printer, ArrayRef<int64_t> values) {
  printer << '[';
  llvm::interleaveComma(values, printer);
  printer << ']';
}

LogicalResult
BlockLayoutAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                        std::optional<int64_t> columns,
                        std::optional<int64_t> rows, bool flat,
                        ArrayRef<int64_t> grid, ArrayRef<int64_t> at) {
  if (!grid.empty() && (grid.size() != 2 || grid[0] < 1 || grid[1] < 1))
    return emitError() << "a block layout's grid is [columns, rows], each at "
                          "least 1";
  if (!at.empty() && (at.size() != 2 || at[0] < 0 || at[1] < 0))
    return emitError() << "a block layout's corner `at` is [column, row], "
                          "each non-negative";
  if (!at.empty() && grid.empty())
    return emitError() << "a block layout with a corner `at` needs the "
                          "`grid` it is a corner of";
  if (flat && (columns || rows))
    return emitError() << "a flat block layout splits no dimension; drop "
                          "`columns` and `rows`";
  for (std::optional<int64_t> dim : {columns, rows})
    if (dim && *dim < 0)
      return emitError() << "a block layout splits tensor dimensions 0 and "
                            "up, not "
                         << *dim;
  if (columns && rows && *columns == *rows)
    return emitError() << "a block layout cannot split dimension " << *rows
                       << " over both the columns and the rows";
  return success();
}

} // namespace wafer::pe
