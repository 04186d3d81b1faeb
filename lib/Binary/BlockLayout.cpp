//===- BlockLayout.cpp - a tensor in blocks over a rectangle of PEs -------===//

#include "wafer/Binary/BlockLayout.h"

namespace wafer::wfb {

bool BlockLayout::make(const std::vector<int64_t> &shape, int64_t columnDim,
                       int64_t rowDim, int64_t columns, int64_t rows,
                       BlockLayout &out, std::string &error) {
  const int64_t rank = int64_t(shape.size());
  auto dimOk = [&](int64_t d) { return d >= -1 && d < rank; };
  if (!dimOk(columnDim) || !dimOk(rowDim)) {
    error = "splits dimension " +
            std::to_string(dimOk(columnDim) ? rowDim : columnDim) +
            " of a rank-" + std::to_string(rank) + " tensor";
    return false;
  }
  if (columnDim >= 0 && columnDim == rowDim) {
    error = "splits dimension " + std::to_string(columnDim) +
            " over both the columns and the rows";
    return false;
  }
  if (columns < 1 || rows < 1) {
    error = "spreads over " + std::to_string(columns) + " x " +
            std::to_string(rows) + " PEs";
    return false;
  }
  BlockLayout l;
  l.shape_ = shape;
  l.block_ = shape;
  l.columnDim_ = columnDim;
  l.rowDim_ = rowDim;
  l.columns_ = columns;
  l.rows_ = rows;
  if (columnDim >= 0)
    l.block_[size_t(columnDim)] = (shape[size_t(columnDim)] + columns - 1) / columns;
  if (rowDim >= 0)
    l.block_[size_t(rowDim)] = (shape[size_t(rowDim)] + rows - 1) / rows;
  constexpr int64_t kMaxBlock = int64_t(1) << 40;
  for (int64_t d : l.block_) {
    if (d < 0 || (d > 0 && l.blockElements_ > kMaxBlock / d)) {
      error = "has blocks of more than 2^40 elements";
      return false;
    }
    l.blockElements_ *= d;
  }
  out = std::move(l);
  return true;
}

bool BlockLayout::makeFlat(const std::vector<int64_t> &shape, int64_t columns,
                           int64_t rows, BlockLayout &out, std::string &error) {
  if (columns < 1 || rows < 1) {
    error = "spreads over " + std::to_string(columns) + " x " +
            std::to_string(rows) + " PEs";
    return false;
  }
  constexpr int64_t kMaxElements = int64_t(1) << 40;
  int64_t elements = 1;
  for (int64_t d : shape) {
    if (d < 0 || (d > 0 && elements > kMaxElements / d)) {
      error = "has more than 2^40 elements";
      return false;
    }
    elements *= d;
  }
  BlockLayout l;
  l.shape_ = shape;
  l.flat_ = true;
  l.columns_ = columns;
  l.rows_ = rows;
  l.elements_ = elements;
  const int64_t pes = columns > kMaxElements / rows ? kMaxElements : columns * rows;
  l.blockElements_ = (elements + pes - 1) / pes;
  l.block_ = {l.blockElements_};
  out = std::move(l);
  return true;
}

bool BlockLayout::place(int64_t column, int64_t row, int64_t width,
                        int64_t height, std::string &error) {
  if (column < 0 || row < 0 || width < 1 || height < 1 ||
      column > columns_ - width || row > rows_ - height) {
    error = "places a program of " + std::to_string(width) + " x " +
            std::to_string(height) + " PEs at block (" +
            std::to_string(column) + ", " + std::to_string(row) +
            ") of a grid of " + std::to_string(columns_) + " x " +
            std::to_string(rows_) + " blocks, past its edge";
    return false;
  }
  atColumn_ = column;
  atRow_ = row;
  return true;
}

} // namespace wafer::wfb
