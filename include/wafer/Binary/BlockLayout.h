//===- BlockLayout.h - a tensor in blocks over a rectangle of PEs -*- C++ -*-===//
//
// How a model input or output is spread over the PEs of a program's
// rectangle: one tensor dimension split in equal blocks over its columns,
// one over its rows (either may be absent: every PE along that axis then
// holds the same), each PE's block stored row-major at the start of its
// buffer. A block reaching past the tensor's end holds zeros there (when
// loaded) and is ignored (when read back). The one home of this arithmetic
// for the compiler's checks, the loader's and the simulator's host I/O.
// MLIR-free.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_BINARY_BLOCKLAYOUT_H
#define WAFER_BINARY_BLOCKLAYOUT_H

#include <cstdint>
#include <string>
#include <vector>

namespace wafer::wfb {

class BlockLayout {
public:
  /// The layout of a tensor of `shape` with dimension `columnDim` split
  /// over `columns` columns and `rowDim` over `rows` rows (-1: not split).
  /// False with `error` when a dimension is out of range, both name the
  /// same one, or the block would not fit 2^40 elements.
  static bool make(const std::vector<int64_t> &shape, int64_t columnDim,
                   int64_t rowDim, int64_t columns, int64_t rows,
                   BlockLayout &out, std::string &error);

  /// The tensor's elements in row-major order, in equal chunks over the
  /// rectangle's PEs in row-major order (PE (column, row) is chunk
  /// row * columns + column): how an elementwise kernel spreads a tensor
  /// over its whole region whatever its shape. False with `error` when a
  /// chunk would not fit 2^40 elements.
  static bool makeFlat(const std::vector<int64_t> &shape, int64_t columns,
                       int64_t rows, BlockLayout &out, std::string &error);

  /// Places a program of `width` x `height` PEs at block (`column`, `row`)
  /// of the layout's grid (the columns and rows it was made for): its PE
  /// (i, j) then holds block (column + i, row + j). False with `error` when
  /// the program does not lie inside the grid.
  bool place(int64_t column, int64_t row, int64_t width, int64_t height,
             std::string &error);

  /// The shape of every PE's block, and its element count.
  const std::vector<int64_t> &blockShape() const { return block_; }
  int64_t blockElements() const { return blockElements_; }

  /// Calls `f(tensorIndex, blockIndex)` (row-major flat indices) for each
  /// element of the block of the PE in column `column` and row `row` of
  /// the program (placed by `place`, else the whole grid) that lies inside
  /// the tensor.
  template <typename F>
  void forEachElement(int64_t column, int64_t row, F &&f) const {
    column += atColumn_;
    row += atRow_;
    if (flat_) {
      const int64_t first = (row * columns_ + column) * blockElements_;
      for (int64_t b = 0; b < blockElements_ && first + b < elements_; ++b)
        f(first + b, b);
      return;
    }
    const size_t rank = shape_.size();
    std::vector<int64_t> origin(rank, 0), at(rank, 0);
    if (columnDim_ >= 0)
      origin[size_t(columnDim_)] = column * block_[size_t(columnDim_)];
    if (rowDim_ >= 0)
      origin[size_t(rowDim_)] = row * block_[size_t(rowDim_)];
    for (int64_t b = 0; b < blockElements_; ++b) {
      bool inside = true;
      int64_t t = 0;
      for (size_t d = 0; d < rank; ++d) {
        const int64_t i = origin[d] + at[d];
        inside = inside && i < shape_[d];
        t = t * shape_[d] + i;
      }
      if (inside)
        f(t, b);
      for (size_t d = rank; d-- > 0;) {
        if (++at[d] < block_[d])
          break;
        at[d] = 0;
      }
    }
  }

private:
  std::vector<int64_t> shape_, block_;
  int64_t columnDim_ = -1, rowDim_ = -1, blockElements_ = 1;
  bool flat_ = false;
  int64_t columns_ = 1, rows_ = 1, elements_ = 1;
  int64_t atColumn_ = 0, atRow_ = 0;
};

} // namespace wafer::wfb

#endif // WAFER_BINARY_BLOCKLAYOUT_H
