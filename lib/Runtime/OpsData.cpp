//===- OpsData.cpp - shapes, views and data movement ----------------------===//
//
// Reshape, a cast to the same type, an expand that adds only unit
// dimensions, a split along a leading axis and a slice that is one
// contiguous block are views: they cost nothing at run time. The others
// copy bytes, whatever the element type, through strided loop nests.
//
//===----------------------------------------------------------------------===//

#include "Element.h"
#include "Ops.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace wafer::runtime::detail {

namespace {

constexpr ElementType kI64 = ElementType::I64, kI32 = ElementType::I32;

/// Copies `in` to `out` (contiguous) through the nest's operand 1.
std::unique_ptr<Step> stridedCopy(const LoopNest &nest, int in, int out,
                                  size_t size) {
  return makeStep([=](const RunContext &ctx) {
    const char *src = ctx.ptr<const char>(in);
    char *dst = ctx.ptr<char>(out);
    const auto &s = nest.innerStrides();
    forEachRow(nest, ctx.threads,
               [&](const std::array<int64_t, kMaxOperands> &o, int64_t n) {
                 copyRow(dst + o[0] * int64_t(size), s[0],
                         src + o[1] * int64_t(size), s[1], n, size);
               });
  });
}

bool normalizeAxis(OpBuilder &b, int64_t &axis, size_t rank,
                   const char *what = "axis") {
  int64_t r = int64_t(rank);
  if (axis < -r || axis >= r)
    return b.fail(std::string(what) + " " + std::to_string(axis) +
                  " is out of range for rank " + std::to_string(rank));
  if (axis < 0)
    axis += r;
  return true;
}

} // namespace

std::unique_ptr<Step> buildShape(OpBuilder &b) {
  int64_t start, end;
  const wfb::Attribute *endAttr = b.attribute("end");
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({"start", "end"}) ||
      !b.intAttr("start", start, 0))
    return nullptr;
  const TensorInfo &x = b.in(0), &y = b.out(0);
  int64_t rank = int64_t(x.shape.size());
  if (endAttr) {
    if (!b.intAttr("end", end))
      return nullptr;
  } else {
    end = rank;
  }
  auto clamp = [&](int64_t v) {
    return std::clamp<int64_t>(v < 0 ? v + rank : v, 0, rank);
  };
  std::vector<int64_t> values;
  for (int64_t d = clamp(start); d < clamp(end); ++d)
    values.push_back(x.shape[d]);
  if (!b.expectType(y, "the output", {kI64}) ||
      !b.expectShape(y, "the output", {int64_t(values.size())}))
    return nullptr;
  int out = b.output(0);
  return makeStep([=](const RunContext &ctx) {
    if (!values.empty())
      std::memcpy(ctx.ptr(out), values.data(), values.size() * 8);
  });
}

std::unique_ptr<Step> buildRange(OpBuilder &b) {
  if (!b.expectArity(0, 0, 1) || !b.expectAttributes({"start", "delta"}))
    return nullptr;
  const TensorInfo &y = b.out(0);
  if (!b.expectType(y, "the output",
                    {ElementType::F32, ElementType::F64, kI64, kI32}))
    return nullptr;
  if (y.shape.size() != 1) {
    b.fail("the output is [" + formatShape(y.shape) + "], not 1-D");
    return nullptr;
  }
  int out = b.output(0);
  int64_t n = y.numElements;
  if (isInteger(y.type)) {
    int64_t start, delta;
    if (!b.intAttr("start", start) || !b.intAttr("delta", delta))
      return nullptr;
    bool i64 = y.type == kI64;
    return makeStep([=](const RunContext &ctx) {
      for (int64_t i = 0; i < n; ++i) {
        int64_t v = wrapAdd(start, wrapMul(i, delta));
        if (i64)
          ctx.ptr<int64_t>(out)[i] = v;
        else
          ctx.ptr<int32_t>(out)[i] = int32_t(uint32_t(uint64_t(v)));
      }
    });
  }
  double start, delta;
  if (!b.floatAttr("start", start) || !b.floatAttr("delta", delta))
    return nullptr;
  bool f64 = y.type == ElementType::F64;
  return makeStep([=](const RunContext &ctx) {
    for (int64_t i = 0; i < n; ++i) {
      double v = start + double(i) * delta;
      if (f64)
        ctx.ptr<double>(out)[i] = v;
      else
        ctx.ptr<float>(out)[i] = float(v);
    }
  });
}

std::unique_ptr<Step> buildReshape(OpBuilder &b) {
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({}))
    return nullptr;
  const TensorInfo &x = b.in(0), &y = b.out(0);
  if (!b.expectSameType(x, y, "the output"))
    return nullptr;
  if (x.numElements != y.numElements) {
    b.fail("turns [" + formatShape(x.shape) + "] (" +
           std::to_string(x.numElements) + " elements) into [" +
           formatShape(y.shape) + "] (" + std::to_string(y.numElements) + ")");
    return nullptr;
  }
  b.viewOf(0, 0);
  return makeStep([](const RunContext &) {});
}

std::unique_ptr<Step> buildTranspose(OpBuilder &b) {
  std::vector<int64_t> perm;
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({"perm"}) ||
      !b.intsAttr("perm", perm))
    return nullptr;
  const TensorInfo &x = b.in(0), &y = b.out(0);
  size_t rank = x.shape.size();
  std::vector<bool> seen(rank, false);
  bool valid = perm.size() == rank;
  for (int64_t p : perm) {
    valid &= p >= 0 && p < int64_t(rank) && !seen[p];
    if (valid)
      seen[p] = true;
  }
  if (!valid) {
    std::string text;
    for (int64_t p : perm)
      text += (text.empty() ? "" : ", ") + std::to_string(p);
    b.fail("perm [" + text + "] is no permutation of a rank-" +
           std::to_string(rank) + " tensor's dimensions");
    return nullptr;
  }
  std::vector<int64_t> shape(rank), strides(rank);
  std::vector<int64_t> own = contiguousStrides(x.shape);
  for (size_t d = 0; d < rank; ++d) {
    shape[d] = x.shape[perm[d]];
    strides[d] = own[perm[d]];
  }
  if (!b.expectSameType(x, y, "the output") ||
      !b.expectShape(y, "the output", shape))
    return nullptr;
  LoopNest nest = makeLoopNest(shape, {contiguousStrides(shape), strides});
  // An identity permutation, or one that moves only unit dimensions, is a
  // view.
  if (nest.dims.size() == 1 && nest.innerStrides()[1] == 1) {
    b.viewOf(0, 0);
    return makeStep([](const RunContext &) {});
  }
  return stridedCopy(nest, b.input(0), b.output(0), elementSize(x.type));
}

std::unique_ptr<Step> buildExpand(OpBuilder &b) {
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({}))
    return nullptr;
  const TensorInfo &x = b.in(0), &y = b.out(0);
  std::vector<int64_t> shape;
  if (!b.expectSameType(x, y, "the output"))
    return nullptr;
  if (!broadcastShapes(x.shape, y.shape, shape) || shape != y.shape) {
    b.fail("[" + formatShape(x.shape) + "] does not broadcast to the output [" +
           formatShape(y.shape) + "]");
    return nullptr;
  }
  if (x.numElements == y.numElements) {
    b.viewOf(0, 0);
    return makeStep([](const RunContext &) {});
  }
  LoopNest nest = makeLoopNest(shape, {contiguousStrides(shape),
                                       broadcastStrides(x.shape, shape)});
  return stridedCopy(nest, b.input(0), b.output(0), elementSize(x.type));
}

std::unique_ptr<Step> buildConcat(OpBuilder &b) {
  int64_t axis;
  if (!b.expectArity(1, 1 << 20, 1) || !b.expectAttributes({"axis"}) ||
      !b.intAttr("axis", axis))
    return nullptr;
  const TensorInfo &first = b.in(0), &y = b.out(0);
  size_t rank = first.shape.size();
  if (rank == 0) {
    b.fail("concatenates scalars");
    return nullptr;
  }
  if (!normalizeAxis(b, axis, rank))
    return nullptr;
  std::vector<int64_t> shape = first.shape;
  shape[axis] = 0;
  std::vector<int> inputs;
  std::vector<int64_t> widths; // bytes per outer index, per input
  size_t size = elementSize(first.type);
  int64_t inner = product(first.shape, axis + 1) * int64_t(size);
  for (int i = 0; i < b.numInputs(); ++i) {
    const TensorInfo &t = b.in(i);
    if (!b.expectSameType(first, t, ("input " + std::to_string(i)).c_str()))
      return nullptr;
    bool fits = t.shape.size() == rank;
    for (size_t d = 0; fits && d < rank; ++d)
      fits = int64_t(d) == axis || t.shape[d] == first.shape[d];
    if (!fits) {
      b.fail("input " + std::to_string(i) + " [" + formatShape(t.shape) +
             "] does not fit input 0 [" + formatShape(first.shape) +
             "] along axis " + std::to_string(axis));
      return nullptr;
    }
    shape[axis] += t.shape[axis];
    inputs.push_back(b.input(i));
    widths.push_back(t.shape[axis] * inner);
  }
  if (!b.expectSameType(first, y, "the output") ||
      !b.expectShape(y, "the output", shape))
    return nullptr;
  int64_t outer = product(shape, 0, axis);
  int64_t total = shape[axis] * inner;
  int out = b.output(0);
  return makeStep([=](const RunContext &ctx) {
    char *dst = ctx.ptr<char>(out);
    parallelChunks(outer, ctx.threads,
                   std::max<int64_t>(1, (1 << 16) / std::max<int64_t>(total, 1)),
                   [&](int64_t s, int64_t e) {
                     for (int64_t o = s; o < e; ++o) {
                       char *row = dst + o * total;
                       for (size_t i = 0; i < inputs.size(); ++i) {
                         std::memcpy(row, ctx.ptr<const char>(inputs[i]) +
                                              o * widths[i],
                                     size_t(widths[i]));
                         row += widths[i];
                       }
                     }
                   });
  });
}

std::unique_ptr<Step> buildCacheAppend(OpBuilder &b) {
  int64_t axis;
  std::string cache;
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({"axis", "cache"}) ||
      !b.intAttr("axis", axis) || !b.stringAttr("cache", cache))
    return nullptr;
  const TensorInfo &update = b.in(0), &state = b.out(0);
  if (!state.state) {
    b.fail("writes tensor '" + state.name +
           "', which is no cache (state tensor)");
    return nullptr;
  }
  size_t rank = state.shape.size();
  if (!normalizeAxis(b, axis, rank) ||
      !b.expectSameType(state, update, "the update"))
    return nullptr;
  std::vector<int64_t> shape = state.shape;
  shape[axis] = update.shape.size() == rank ? update.shape[axis] : -1;
  if (shape[axis] < 1 || shape[axis] > state.shape[axis] ||
      !b.expectShape(update, "the update", shape))
    return nullptr;
  size_t size = elementSize(state.type);
  int64_t inner = product(state.shape, axis + 1) * int64_t(size);
  int64_t outer = product(state.shape, 0, axis);
  int64_t capacity = state.shape[axis], length = shape[axis];
  int in = b.input(0), out = b.output(0);
  // The cache is not the planner's: it outlives the run.
  b.plan().outputs.clear();
  return makeStep([=](const RunContext &ctx, std::string &error) {
    int64_t at = ctx.cacheLength;
    if (at < 0 || at + length > capacity) {
      error = "cache '" + cache + "' holds " + std::to_string(capacity) +
              " positions; appending " + std::to_string(length) + " at " +
              std::to_string(at) + " overflows it";
      return false;
    }
    char *dst = ctx.ptr<char>(out);
    const char *src = ctx.ptr<const char>(in);
    for (int64_t o = 0; o < outer; ++o)
      std::memcpy(dst + (o * capacity + at) * inner,
                  src + o * length * inner, size_t(length * inner));
    return true;
  });
}

std::unique_ptr<Step> buildSplit(OpBuilder &b) {
  int64_t axis;
  if (!b.expectArity(1, 1, -1) || !b.expectAttributes({"axis"}) ||
      !b.intAttr("axis", axis))
    return nullptr;
  const TensorInfo &x = b.in(0);
  size_t rank = x.shape.size();
  if (rank == 0) {
    b.fail("splits a scalar");
    return nullptr;
  }
  if (b.numOutputs() < 1) {
    b.fail("has no outputs");
    return nullptr;
  }
  if (!normalizeAxis(b, axis, rank))
    return nullptr;
  size_t size = elementSize(x.type);
  int64_t inner = product(x.shape, axis + 1) * int64_t(size);
  int64_t outer = product(x.shape, 0, axis);
  int64_t covered = 0;
  std::vector<int> outputs;
  std::vector<int64_t> widths, starts;
  for (int i = 0; i < b.numOutputs(); ++i) {
    const TensorInfo &t = b.out(i);
    std::string what = "output " + std::to_string(i);
    if (!b.expectSameType(x, t, what.c_str()))
      return nullptr;
    bool fits = t.shape.size() == rank;
    for (size_t d = 0; fits && d < rank; ++d)
      fits = int64_t(d) == axis || t.shape[d] == x.shape[d];
    if (!fits) {
      b.fail(what + " [" + formatShape(t.shape) + "] is no piece of [" +
             formatShape(x.shape) + "] along axis " + std::to_string(axis));
      return nullptr;
    }
    starts.push_back(covered * inner);
    covered += t.shape[axis];
    outputs.push_back(b.output(i));
    widths.push_back(t.shape[axis] * inner);
  }
  if (covered != x.shape[axis]) {
    b.fail("the outputs cover " + std::to_string(covered) + " of the " +
           std::to_string(x.shape[axis]) + " entries along axis " +
           std::to_string(axis));
    return nullptr;
  }
  if (outer == 1) {
    for (size_t i = 0; i < outputs.size(); ++i)
      b.viewOf(int(i), 0, starts[i]);
    return makeStep([](const RunContext &) {});
  }
  int in = b.input(0);
  int64_t total = x.shape[axis] * inner;
  return makeStep([=](const RunContext &ctx) {
    const char *src = ctx.ptr<const char>(in);
    parallelChunks(outer, ctx.threads,
                   std::max<int64_t>(1, (1 << 16) / std::max<int64_t>(total, 1)),
                   [&](int64_t s, int64_t e) {
                     for (int64_t o = s; o < e; ++o)
                       for (size_t i = 0; i < outputs.size(); ++i)
                         std::memcpy(ctx.ptr<char>(outputs[i]) + o * widths[i],
                                     src + o * total + starts[i],
                                     size_t(widths[i]));
                   });
  });
}

std::unique_ptr<Step> buildSlice(OpBuilder &b) {
  std::vector<int64_t> starts, steps;
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({"starts", "steps"}) ||
      !b.intsAttr("starts", starts) || !b.intsAttr("steps", steps))
    return nullptr;
  const TensorInfo &x = b.in(0), &y = b.out(0);
  size_t rank = x.shape.size();
  if (!b.expectSameType(x, y, "the output"))
    return nullptr;
  if (starts.size() != rank || steps.size() != rank || y.shape.size() != rank) {
    b.fail("needs one start and step per dimension of its rank-" +
           std::to_string(rank) + " input and a rank-" +
           std::to_string(rank) + " output");
    return nullptr;
  }
  std::vector<int64_t> own = contiguousStrides(x.shape);
  std::vector<int64_t> strides(rank);
  int64_t base = 0;
  for (size_t d = 0; d < rank; ++d) {
    int64_t n = y.shape[d], dim = x.shape[d];
    if (steps[d] == 0) {
      b.fail("step of dimension " + std::to_string(d) + " is zero");
      return nullptr;
    }
    if (n > 0) {
      // The first and the last element taken lie in the dimension.
      __int128 last = __int128(starts[d]) + __int128(n - 1) * steps[d];
      if (starts[d] < 0 || starts[d] >= dim || last < 0 || last >= dim) {
        b.fail("takes " + std::to_string(n) + " elements of dimension " +
               std::to_string(d) + " (size " + std::to_string(dim) +
               ") from " + std::to_string(starts[d]) + " by " +
               std::to_string(steps[d]) + ", past its end");
        return nullptr;
      }
      base += starts[d] * own[d];
    }
    strides[d] = own[d] * steps[d];
  }
  size_t size = elementSize(x.type);
  // One contiguous block: unit dimensions, then one sliced dimension with
  // step 1, then whole dimensions.
  bool block = true;
  size_t d = 0;
  while (d < rank && y.shape[d] == 1)
    ++d;
  if (d < rank && steps[d] != 1)
    block = false;
  for (size_t e = d + 1; e < rank && block; ++e)
    block = y.shape[e] == x.shape[e] && steps[e] == 1 && starts[e] == 0;
  if (y.numElements == 0)
    block = true, base = 0;
  if (block) {
    b.viewOf(0, 0, base * int64_t(size));
    return makeStep([](const RunContext &) {});
  }
  LoopNest nest =
      makeLoopNest(y.shape, {contiguousStrides(y.shape), strides}, {0, base});
  return stridedCopy(nest, b.input(0), b.output(0), size);
}

std::unique_ptr<Step> buildGather(OpBuilder &b) {
  int64_t axis;
  if (!b.expectArity(2, 2, 1) || !b.expectAttributes({"axis"}) ||
      !b.intAttr("axis", axis))
    return nullptr;
  const TensorInfo &data = b.in(0), &indices = b.in(1), &y = b.out(0);
  if (!b.expectType(indices, "the indices", {kI64, kI32}) ||
      !b.expectSameType(data, y, "the output"))
    return nullptr;
  if (data.shape.empty()) {
    b.fail("gathers from a scalar");
    return nullptr;
  }
  if (!normalizeAxis(b, axis, data.shape.size()))
    return nullptr;
  std::vector<int64_t> shape(data.shape.begin(), data.shape.begin() + axis);
  shape.insert(shape.end(), indices.shape.begin(), indices.shape.end());
  shape.insert(shape.end(), data.shape.begin() + axis + 1, data.shape.end());
  if (!b.expectShape(y, "the output", shape))
    return nullptr;
  size_t size = elementSize(data.type);
  int64_t outer = product(data.shape, 0, axis);
  int64_t dim = data.shape[axis];
  int64_t inner = product(data.shape, axis + 1) * int64_t(size);
  int64_t count = indices.numElements;
  bool i64 = indices.type == kI64;
  int src = b.input(0), idx = b.input(1), out = b.output(0);
  return makeStep([=](const RunContext &ctx, std::string &error) {
    auto index = [&](int64_t j) -> int64_t {
      return i64 ? ctx.ptr<const int64_t>(idx)[j]
                 : ctx.ptr<const int32_t>(idx)[j];
    };
    for (int64_t j = 0; j < count; ++j) {
      int64_t v = index(j);
      if (v < -dim || v >= dim) {
        error = "index " + std::to_string(v) + " (element " +
                std::to_string(j) + " of the indices) is out of range for "
                "dimension " + std::to_string(axis) + " of size " +
                std::to_string(dim);
        return false;
      }
    }
    const char *data = ctx.ptr<const char>(src);
    char *dst = ctx.ptr<char>(out);
    parallelChunks(outer * count, ctx.threads,
                   std::max<int64_t>(1, (1 << 15) / std::max<int64_t>(inner, 1)),
                   [&](int64_t s, int64_t e) {
                     for (int64_t r = s; r < e; ++r) {
                       int64_t o = r / count, j = r % count;
                       int64_t v = index(j);
                       if (v < 0)
                         v += dim;
                       std::memcpy(dst + r * inner,
                                   data + (o * dim + v) * inner, size_t(inner));
                     }
                   });
    return true;
  });
}

std::unique_ptr<Step> buildTrilu(OpBuilder &b) {
  int64_t k;
  bool upper;
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({"k", "upper"}) ||
      !b.intAttr("k", k, 0) || !b.boolAttr("upper", upper, true))
    return nullptr;
  const TensorInfo &x = b.in(0), &y = b.out(0);
  if (x.shape.size() < 2) {
    b.fail("needs rank 2 or more, not [" + formatShape(x.shape) + "]");
    return nullptr;
  }
  if (!b.expectSameType(x, y, "the output") ||
      !b.expectShape(y, "the output", x.shape))
    return nullptr;
  b.inPlace(0, 0);
  size_t rank = x.shape.size();
  int64_t rows = x.shape[rank - 2], cols = x.shape[rank - 1];
  int64_t size = int64_t(elementSize(x.type));
  int64_t matrices = rows * cols != 0 ? x.numElements / (rows * cols) : 0;
  int in = b.input(0), out = b.output(0);
  return makeStep([=](const RunContext &ctx) {
    const char *src = ctx.ptr<const char>(in);
    char *dst = ctx.ptr<char>(out);
    parallelChunks(matrices * rows, ctx.threads, 64, [&](int64_t s, int64_t e) {
      for (int64_t r = s; r < e; ++r) {
        int64_t i = r % rows;
        // Columns [lo, hi) are kept.
        __int128 bound = __int128(i) + k;
        int64_t lo = 0, hi = cols;
        if (upper)
          lo = int64_t(std::clamp<__int128>(bound, 0, cols));
        else
          hi = int64_t(std::clamp<__int128>(bound + 1, 0, cols));
        if (hi < lo)
          hi = lo;
        const char *a = src + r * cols * size;
        char *c = dst + r * cols * size;
        std::memset(c, 0, size_t(lo * size));
        if (a != c)
          std::memcpy(c + lo * size, a + lo * size, size_t((hi - lo) * size));
        std::memset(c + hi * size, 0, size_t((cols - hi) * size));
      }
    });
  });
}

} // namespace wafer::runtime::detail
