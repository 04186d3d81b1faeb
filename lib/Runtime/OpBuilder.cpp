//===- OpBuilder.cpp - load-time checks and the op table ------------------===//

#include "Element.h"
#include "Ops.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "wafer/Kernels/Parallel.h"

namespace wafer::runtime::detail {

namespace {

const char *attributeTypeName(const wfb::Attribute &a) {
  switch (a.value_case()) {
  case wfb::Attribute::kI:
    return "an integer";
  case wfb::Attribute::kF:
    return "a float";
  case wfb::Attribute::kS:
    return "a string";
  case wfb::Attribute::kInts:
    return "a list of integers";
  case wfb::Attribute::kFloats:
    return "a list of floats";
  case wfb::Attribute::VALUE_NOT_SET:
    break;
  }
  return "no value";
}

} // namespace

OpBuilder::OpBuilder(const wfb::HostOp &op, std::vector<TensorInfo> &tensors,
                     const RuntimeOptions &options, MemorySummary &summary,
                     PackedWeightCache &packed)
    : op_(op), tensors_(tensors), options_(options), summary_(summary),
      packed_(packed) {
  plan_.inputs.assign(op.inputs().begin(), op.inputs().end());
  plan_.outputs.assign(op.outputs().begin(), op.outputs().end());
}

bool OpBuilder::fail(const std::string &message) {
  if (error_.empty())
    error_ = message;
  return false;
}

bool OpBuilder::expectArity(int minIn, int maxIn, int outputs) {
  int n = numInputs();
  if (n < minIn || n > maxIn) {
    std::string want = minIn == maxIn ? std::to_string(minIn)
                                      : std::to_string(minIn) + " to " +
                                            std::to_string(maxIn);
    return fail("takes " + want + " inputs, not " + std::to_string(n));
  }
  for (int i = 0; i < n; ++i)
    if (input(i) < 0)
      return fail("input " + std::to_string(i) + " is absent");
  if (outputs >= 0 && numOutputs() != outputs)
    return fail("has " + std::to_string(numOutputs()) + " outputs, not " +
                std::to_string(outputs));
  return true;
}

bool OpBuilder::expectAttributes(std::initializer_list<const char *> known) {
  for (const wfb::Attribute &a : op_.attributes()) {
    if (a.name().find('.') != std::string::npos)
      continue;
    bool found = false;
    for (const char *k : known)
      found |= a.name() == k;
    if (!found) {
      std::string list;
      for (const char *k : known)
        list += std::string(list.empty() ? "" : ", ") + k;
      return fail("has an unknown attribute '" + a.name() + "' (" +
                  kind() + " takes " + (list.empty() ? "none" : list) + ")");
    }
  }
  return true;
}

const wfb::Attribute *OpBuilder::attribute(const char *name) const {
  for (const wfb::Attribute &a : op_.attributes())
    if (a.name() == name)
      return &a;
  return nullptr;
}

#define WAFER_ATTR(KIND, CASE, WHAT, GET)                                      \
  const wfb::Attribute *a = attribute(name);                                   \
  if (!a) {                                                                    \
    if (fallback) {                                                            \
      value = *fallback;                                                       \
      return true;                                                             \
    }                                                                          \
    return fail(std::string("needs attribute '") + name + "'");                \
  }                                                                            \
  if (a->value_case() != wfb::Attribute::CASE)                                 \
    return fail(std::string("attribute '") + name + "' must be " + WHAT +      \
                ", not " + attributeTypeName(*a));                             \
  value = GET;                                                                 \
  return true;

bool OpBuilder::intAttr(const char *name, int64_t &value,
                        std::optional<int64_t> fallback) {
  WAFER_ATTR(int, kI, "an integer", a->i())
}

bool OpBuilder::floatAttr(const char *name, double &value,
                          std::optional<double> fallback) {
  WAFER_ATTR(float, kF, "a float", a->f())
}

bool OpBuilder::stringAttr(const char *name, std::string &value,
                           std::optional<std::string> fallback) {
  WAFER_ATTR(string, kS, "a string", a->s())
}
#undef WAFER_ATTR

bool OpBuilder::boolAttr(const char *name, bool &value,
                         std::optional<bool> fallback) {
  int64_t v;
  std::optional<int64_t> f;
  if (fallback)
    f = *fallback ? 1 : 0;
  if (!intAttr(name, v, f))
    return false;
  if (v != 0 && v != 1)
    return fail(std::string("attribute '") + name + "' must be 0 or 1, not " +
                std::to_string(v));
  value = v != 0;
  return true;
}

bool OpBuilder::intsAttr(const char *name, std::vector<int64_t> &value) {
  const wfb::Attribute *a = attribute(name);
  if (!a)
    return fail(std::string("needs attribute '") + name + "'");
  if (a->value_case() != wfb::Attribute::kInts)
    return fail(std::string("attribute '") + name +
                "' must be a list of integers, not " + attributeTypeName(*a));
  value.assign(a->ints().values().begin(), a->ints().values().end());
  return true;
}

bool OpBuilder::expectType(const TensorInfo &t, const char *what,
                           std::initializer_list<ElementType> allowed) {
  for (ElementType e : allowed)
    if (t.type == e)
      return true;
  std::string list;
  for (ElementType e : allowed)
    list += std::string(list.empty() ? "" : ", ") + elementTypeName(e);
  return fail(std::string(what) + " is " + elementTypeName(t.type) +
              "; " + kind() + " takes " + list);
}

bool OpBuilder::expectSameType(const TensorInfo &a, const TensorInfo &b,
                               const char *what) {
  if (a.type == b.type)
    return true;
  return fail(std::string(what) + " is " + elementTypeName(b.type) +
              ", not " + elementTypeName(a.type));
}

bool OpBuilder::expectShape(const TensorInfo &t, const char *what,
                            const std::vector<int64_t> &shape) {
  if (t.shape == shape)
    return true;
  return fail(std::string(what) + " is " + elementTypeName(t.type) + "[" +
              formatShape(t.shape) + "]; " + kind() + " computes [" +
              formatShape(shape) + "] from its inputs");
}

void OpBuilder::viewOf(int output, int input, int64_t byteOffset) {
  if (plan_.views.size() <= size_t(output))
    plan_.views.resize(output + 1);
  plan_.views[output] = PlanView{input, byteOffset};
}

void OpBuilder::inPlace(int output, int input) {
  if (plan_.inPlace.size() <= size_t(output))
    plan_.inPlace.resize(output + 1, -1);
  plan_.inPlace[output] = input;
}

int64_t OpBuilder::scratch(int64_t bytes) {
  int64_t offset = (plan_.scratchBytes + 63) / 64 * 64;
  plan_.scratchBytes = offset + bytes;
  return offset;
}

//===----------------------------------------------------------------------===//
// The table.
//===----------------------------------------------------------------------===//

namespace {

const std::map<std::string, BuildFn, std::less<>> &table() {
  static const std::map<std::string, BuildFn, std::less<>> t = {
      // Elementwise.
      {"neg", buildUnary},
      {"abs", buildUnary},
      {"sqrt", buildUnary},
      {"reciprocal", buildUnary},
      {"exp", buildUnary},
      {"log", buildUnary},
      {"erf", buildUnary},
      {"tanh", buildUnary},
      {"sigmoid", buildUnary},
      {"cos", buildUnary},
      {"sin", buildUnary},
      {"relu", buildUnary},
      {"not", buildUnary},
      {"silu", buildUnary},
      {"gelu", buildGelu},
      {"add", buildBinary},
      {"sub", buildBinary},
      {"mul", buildBinary},
      {"div", buildBinary},
      {"pow", buildBinary},
      {"max", buildBinary},
      {"min", buildBinary},
      {"equal", buildBinary},
      {"less", buildBinary},
      {"less_equal", buildBinary},
      {"greater", buildBinary},
      {"greater_equal", buildBinary},
      {"and", buildBinary},
      {"or", buildBinary},
      {"where", buildWhere},
      {"cast", buildCast},
      // Data movement.
      {"shape", buildShape},
      {"range", buildRange},
      {"reshape", buildReshape},
      {"transpose", buildTranspose},
      {"expand", buildExpand},
      {"concat", buildConcat},
      {"cache_append", buildCacheAppend},
      {"split", buildSplit},
      {"slice", buildSlice},
      {"gather", buildGather},
      {"trilu", buildTrilu},
      // Linear algebra, normalization, reductions.
      {"matmul", buildMatmul},
      {"linear", buildLinear},
      {"softmax", buildSoftmax},
      {"layer_norm", buildLayerNorm},
      {"rms_norm", buildRmsNorm},
      {"reduce_sum", buildReduce},
      {"reduce_mean", buildReduce},
      {"reduce_max", buildReduce},
      {"reduce_min", buildReduce},
      {"reduce_prod", buildReduce},
      // Transformer blocks.
      {"rotary_embedding", buildRotary},
      {"attention", buildAttention},
  };
  return t;
}

} // namespace

BuildFn findBuilder(std::string_view kind) {
  auto it = table().find(kind);
  return it == table().end() ? nullptr : it->second;
}

std::string knownKinds() {
  std::string out;
  for (const auto &[name, fn] : table())
    out += (out.empty() ? "" : ", ") + name;
  return out;
}

//===----------------------------------------------------------------------===//
// Shared helpers.
//===----------------------------------------------------------------------===//

std::string formatShape(const std::vector<int64_t> &shape) {
  if (shape.empty())
    return "";
  std::string s;
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? "x" : "") + std::to_string(shape[i]);
  return s;
}

int64_t product(const std::vector<int64_t> &dims, size_t from, size_t to) {
  int64_t p = 1;
  for (size_t i = from; i < dims.size() && i < to; ++i)
    p *= dims[i];
  return p;
}

std::vector<int64_t> contiguousStrides(const std::vector<int64_t> &shape) {
  std::vector<int64_t> s(shape.size(), 1);
  for (size_t i = shape.size(); i-- > 1;)
    s[i - 1] = s[i] * shape[i];
  return s;
}

bool broadcastShapes(const std::vector<int64_t> &a,
                     const std::vector<int64_t> &b, std::vector<int64_t> &out) {
  size_t rank = std::max(a.size(), b.size());
  out.assign(rank, 1);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da != db && da != 1 && db != 1)
      return false;
    out[i] = da == 1 ? db : da;
  }
  return true;
}

std::vector<int64_t> broadcastStrides(const std::vector<int64_t> &in,
                                      const std::vector<int64_t> &out) {
  std::vector<int64_t> strides(out.size(), 0);
  std::vector<int64_t> own = contiguousStrides(in);
  size_t lead = out.size() - in.size();
  for (size_t i = 0; i < in.size(); ++i)
    strides[lead + i] = in[i] == 1 ? 0 : own[i];
  return strides;
}

void parallelChunks(int64_t n, int threads, int64_t grain,
                    const std::function<void(int64_t, int64_t)> &f) {
  if (n <= 0)
    return;
  int64_t chunks = std::min<int64_t>(std::max(threads, 1),
                                     std::max<int64_t>(1, n / std::max<int64_t>(grain, 1)));
  if (chunks <= 1) {
    f(0, n);
    return;
  }
  kernels::parallelFor(size_t(chunks), int(chunks), [&](size_t c, int) {
    f(n * int64_t(c) / chunks, n * (int64_t(c) + 1) / chunks);
  });
}

LoopNest makeLoopNest(const std::vector<int64_t> &shape,
                      const std::vector<std::vector<int64_t>> &strides,
                      const std::vector<int64_t> &base) {
  LoopNest nest;
  nest.operands = int(strides.size());
  nest.total = product(shape);
  for (size_t o = 0; o < base.size(); ++o)
    nest.base[o] = base[o];
  for (size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] == 1)
      continue;
    std::array<int64_t, kMaxOperands> s{};
    for (size_t o = 0; o < strides.size(); ++o)
      s[o] = strides[o][d];
    if (!nest.dims.empty()) {
      bool merge = true;
      for (size_t o = 0; o < strides.size(); ++o)
        merge &= nest.strides.back()[o] == s[o] * shape[d];
      if (merge) {
        nest.dims.back() *= shape[d];
        nest.strides.back() = s;
        continue;
      }
    }
    nest.dims.push_back(shape[d]);
    nest.strides.push_back(s);
  }
  if (nest.dims.empty()) {
    nest.dims.push_back(nest.total == 0 ? 0 : 1);
    nest.strides.push_back({});
  }
  if (nest.total == 0)
    nest.dims.back() = 0;
  return nest;
}

void copyRow(char *dst, int64_t dstStride, const char *src, int64_t srcStride,
             int64_t count, size_t size) {
  if (dstStride == 1 && srcStride == 1) {
    std::memcpy(dst, src, size_t(count) * size);
    return;
  }
  auto strided = [&](auto tag) {
    using T = typename decltype(tag)::type;
    T *d = reinterpret_cast<T *>(dst);
    const T *s = reinterpret_cast<const T *>(src);
    for (int64_t i = 0; i < count; ++i)
      d[i * dstStride] = s[i * srcStride];
  };
  switch (size) {
  case 1:
    return strided(TypeTag<uint8_t>{});
  case 2:
    return strided(TypeTag<uint16_t>{});
  case 4:
    return strided(TypeTag<uint32_t>{});
  case 8:
    return strided(TypeTag<uint64_t>{});
  default:
    for (int64_t i = 0; i < count; ++i)
      std::memcpy(dst + i * dstStride * int64_t(size),
                  src + i * srcStride * int64_t(size), size);
  }
}

void toFloat(ElementType type, const void *in, float *out, int64_t count) {
  dispatchType(type, [&](auto tag) {
    using S = typename decltype(tag)::type;
    const S *p = static_cast<const S *>(in);
    if constexpr (std::is_same_v<S, float>)
      std::memcpy(out, p, size_t(count) * 4);
    else if constexpr (std::is_same_v<S, BHalf>)
      kernels::convertToFloat(reinterpret_cast<const kernels::BFloat16 *>(p),
                              out, size_t(count));
    else
      for (int64_t i = 0; i < count; ++i)
        out[i] = float(Elem<S>::load(p + i));
  });
}

void fromFloat(ElementType type, const float *in, void *out, int64_t count) {
  dispatchType(type, [&](auto tag) {
    using S = typename decltype(tag)::type;
    S *p = static_cast<S *>(out);
    if constexpr (std::is_same_v<S, float>)
      std::memmove(p, in, size_t(count) * 4);
    else if constexpr (std::is_same_v<S, BHalf>)
      kernels::convertToBFloat16(in, reinterpret_cast<kernels::BFloat16 *>(p),
                                 size_t(count));
    else
      for (int64_t i = 0; i < count; ++i)
        Elem<S>::store(p + i, ComputeOf<S>(in[i]));
  });
}

const float *constantAsFloat(const TensorInfo &t, std::vector<float> &storage) {
  if (!t.constant || !t.data || !isFloat(t.type))
    return nullptr;
  if (t.type == ElementType::F32)
    return static_cast<const float *>(t.data);
  storage.resize(size_t(t.numElements));
  toFloat(t.type, t.data, storage.data(), t.numElements);
  return storage.data();
}

} // namespace wafer::runtime::detail
