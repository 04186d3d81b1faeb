//===- MemoryPlan.cpp - liveness-based arena planning ---------------------===//

#include "wafer/Runtime/MemoryPlan.h"
#include "wafer/Support/StableSort.h"

#include <algorithm>
#include <limits>
#include <map>

namespace wafer::runtime {

namespace {

int64_t alignUp(int64_t v, int64_t a) { return (v + a - 1) / a * a; }

std::string tensorName(int t) { return "tensor " + std::to_string(t); }

} // namespace

bool planMemory(const std::vector<PlanTensor> &tensors,
                const std::vector<PlanOp> &ops, MemoryPlan &plan,
                std::string &error, int64_t alignment) {
  const int n = static_cast<int>(tensors.size());
  const int numOps = static_cast<int>(ops.size());
  const int end = numOps; // "after the last op"
  plan = MemoryPlan();
  plan.tensors.assign(n, TensorPlacement());
  plan.scratchOffsets.assign(numOps, -1);
  if (alignment <= 0 || (alignment & (alignment - 1))) {
    error = "alignment " + std::to_string(alignment) + " is no power of two";
    return false;
  }

  // Each tensor's root (the tensor whose bytes it uses) and its offset in
  // them, with views resolved; in-place merges redirect roots later.
  std::vector<int> root(n), defOp(n, -1);
  std::vector<int64_t> rootOffset(n, 0);
  std::vector<bool> defined(n, false);
  for (int t = 0; t < n; ++t) {
    root[t] = t;
    defined[t] = tensors[t].kind != Home::Arena;
    if (tensors[t].bytes < 0) {
      error = tensorName(t) + " has a negative size";
      return false;
    }
  }
  auto valid = [&](int t) { return t >= 0 && t < n; };
  for (int i = 0; i < numOps; ++i) {
    const PlanOp &op = ops[i];
    for (int t : op.inputs) {
      if (t == -1)
        continue;
      if (!valid(t) || !defined[t]) {
        error = "op " + std::to_string(i) + " reads " + tensorName(t) +
                " before it is computed";
        return false;
      }
    }
    for (size_t o = 0; o < op.outputs.size(); ++o) {
      int t = op.outputs[o];
      if (!valid(t) || defined[t] || tensors[t].kind != Home::Arena) {
        error = "op " + std::to_string(i) + " writes " + tensorName(t) +
                ", which is an input, a constant or already computed";
        return false;
      }
      defined[t] = true;
      defOp[t] = i;
      if (o < op.views.size() && op.views[o].input >= 0) {
        const PlanView &v = op.views[o];
        if (size_t(v.input) >= op.inputs.size() || op.inputs[v.input] < 0) {
          error = "op " + std::to_string(i) + " views an input it lacks";
          return false;
        }
        int x = op.inputs[v.input];
        if (v.offset < 0 || v.offset > tensors[x].bytes ||
            tensors[t].bytes > tensors[x].bytes - v.offset) {
          error = "op " + std::to_string(i) + ": " + tensorName(t) +
                  " views bytes outside " + tensorName(x);
          return false;
        }
        root[t] = root[x];
        rootOffset[t] = rootOffset[x] + v.offset;
      }
    }
  }

  // Lifetimes of arena roots: from their op to their last use (through any
  // view), model outputs to the end.
  std::vector<int> first(n, -1), last(n, -1);
  for (int t = 0; t < n; ++t)
    if (tensors[t].kind == Home::Arena && root[t] == t && defOp[t] >= 0)
      first[t] = last[t] = defOp[t];
  auto use = [&](int t, int at) {
    int r = root[t];
    if (tensors[r].kind == Home::Arena)
      last[r] = std::max(last[r], at);
  };
  for (int i = 0; i < numOps; ++i)
    for (int t : ops[i].inputs)
      if (t != -1)
        use(t, i);
  for (int t = 0; t < n; ++t)
    if (tensors[t].modelOutput && defined[t])
      use(t, end);

  // In place: an output takes over an input's bytes when nothing reads them
  // after this op and no other input of the op shares them.
  std::vector<int> redirect(n, -1);
  std::vector<int64_t> redirectOffset(n, 0);
  auto finalRoot = [&](int t, int64_t &offset) {
    offset = rootOffset[t];
    int r = root[t];
    while (redirect[r] >= 0) {
      offset += redirectOffset[r];
      r = redirect[r];
    }
    return r;
  };
  for (int i = 0; i < numOps; ++i) {
    const PlanOp &op = ops[i];
    std::vector<int> claimed;
    for (size_t o = 0; o < op.outputs.size() && o < op.inPlace.size(); ++o) {
      int k = op.inPlace[o];
      int t = op.outputs[o];
      if (k < 0 || size_t(k) >= op.inputs.size() || op.inputs[k] < 0)
        continue;
      if (o < op.views.size() && op.views[o].input >= 0)
        continue;
      if (root[t] != t)
        continue;
      int x = op.inputs[k];
      int64_t xOffset;
      int r = finalRoot(x, xOffset);
      if (tensors[r].kind != Home::Arena || last[r] != i ||
          tensors[t].bytes > tensors[x].bytes ||
          std::count(claimed.begin(), claimed.end(), r))
        continue;
      bool shared = false;
      for (size_t j = 0; j < op.inputs.size(); ++j) {
        int y = op.inputs[j];
        int64_t yOffset;
        if (int(j) != k && y >= 0 && y != x && finalRoot(y, yOffset) == r)
          shared = true;
      }
      if (shared)
        continue;
      redirect[t] = r;
      redirectOffset[t] = xOffset;
      last[r] = std::max(last[r], last[t]);
      claimed.push_back(r);
      ++plan.inPlace;
    }
  }

  // The buffers: every arena root that is not merged into another, and the
  // ops' scratch.
  struct Buffer {
    int64_t bytes;
    int first, last;
    int tensor; // or -1 - op for scratch
    int64_t offset = -1;
  };
  std::vector<Buffer> buffers;
  for (int t = 0; t < n; ++t)
    if (tensors[t].kind == Home::Arena && root[t] == t && defOp[t] >= 0 &&
        redirect[t] < 0)
      buffers.push_back({alignUp(tensors[t].bytes, alignment), first[t],
                         last[t], t});
  for (int i = 0; i < numOps; ++i)
    if (ops[i].scratchBytes > 0)
      buffers.push_back({alignUp(ops[i].scratchBytes, alignment), i, i,
                         -1 - i});

  // Largest first, each at the lowest offset where it overlaps no placed
  // buffer that is alive at the same time.
  std::vector<size_t> order(buffers.size());
  for (size_t b = 0; b < order.size(); ++b)
    order[b] = b;
  wafer::stableSort(order, [&](size_t a, size_t b) {
    if (buffers[a].bytes != buffers[b].bytes)
      return buffers[a].bytes > buffers[b].bytes;
    return buffers[a].first < buffers[b].first;
  });
  std::vector<size_t> placed;
  for (size_t b : order) {
    Buffer &buf = buffers[b];
    plan.unsharedBytes += buf.bytes;
    ++plan.buffers;
    if (buf.bytes == 0) {
      buf.offset = 0;
      continue;
    }
    std::vector<std::pair<int64_t, int64_t>> busy;
    for (size_t p : placed) {
      const Buffer &o = buffers[p];
      if (o.first <= buf.last && buf.first <= o.last)
        busy.push_back({o.offset, o.offset + o.bytes});
    }
    std::sort(busy.begin(), busy.end());
    int64_t offset = 0;
    for (auto [s, e] : busy) {
      if (s >= offset + buf.bytes)
        break;
      offset = std::max(offset, e);
    }
    buf.offset = offset;
    plan.arenaBytes = std::max(plan.arenaBytes, offset + buf.bytes);
    placed.push_back(b);
  }

  std::vector<int64_t> bufferOffset(n, -1);
  for (const Buffer &b : buffers) {
    if (b.tensor >= 0)
      bufferOffset[b.tensor] = b.offset;
    else
      plan.scratchOffsets[-1 - b.tensor] = b.offset;
  }
  for (int t = 0; t < n; ++t) {
    TensorPlacement &p = plan.tensors[t];
    if (tensors[t].kind != Home::Arena) {
      p.home = tensors[t].kind;
      p.base = t;
      p.offset = 0;
      continue;
    }
    if (defOp[t] < 0) { // never computed: no bytes
      p.home = Home::Arena;
      p.base = -1;
      p.offset = 0;
      continue;
    }
    int64_t offset;
    int r = finalRoot(t, offset);
    if (r != t && root[t] != t)
      ++plan.views;
    if (tensors[r].kind == Home::Arena) {
      p.home = Home::Arena;
      p.base = -1;
      p.offset = bufferOffset[r] + offset;
    } else {
      p.home = tensors[r].kind;
      p.base = r;
      p.offset = offset;
    }
  }
  return true;
}

bool verifyMemoryPlan(const std::vector<PlanTensor> &tensors,
                      const std::vector<PlanOp> &ops, const MemoryPlan &plan,
                      std::string &error) {
  const int n = static_cast<int>(tensors.size());
  if (plan.tensors.size() != tensors.size() ||
      plan.scratchOffsets.size() != ops.size()) {
    error = "the plan does not match the program";
    return false;
  }
  // The arena as segments [start, end) -> the value they hold: a tensor id,
  // or -2 - op for an op's scratch. A tensor's value is `tag[t]`: its own id,
  // or, for a view, the value of the bytes it views.
  std::map<int64_t, std::pair<int64_t, int>> segments; // start -> (end, tag)
  std::vector<int> tag(n, -1);
  auto write = [&](int64_t s, int64_t e, int value) {
    if (s >= e)
      return;
    // Split the segments overlapping [s, e) and replace that part.
    auto it = segments.lower_bound(s);
    if (it != segments.begin()) {
      auto prev = std::prev(it);
      if (prev->second.first > s) {
        auto [pe, pt] = prev->second;
        prev->second.first = s;
        segments[s] = {pe, pt};
        it = segments.find(s);
      }
    }
    while (it != segments.end() && it->first < e) {
      auto [se, st] = it->second;
      it = segments.erase(it);
      if (se > e)
        segments[e] = {se, st};
    }
    segments[s] = {e, value};
  };
  auto intact = [&](int64_t s, int64_t e, int value) {
    int64_t at = s;
    auto it = segments.upper_bound(s);
    if (it != segments.begin())
      --it;
    for (; it != segments.end() && it->first < e; ++it) {
      if (it->second.first <= at)
        continue;
      if (it->first > at || it->second.second != value)
        return false;
      at = it->second.first;
    }
    return at >= e;
  };
  auto range = [&](int t) {
    const TensorPlacement &p = plan.tensors[t];
    return std::pair<int64_t, int64_t>(p.offset, p.offset + tensors[t].bytes);
  };
  auto overlaps = [](std::pair<int64_t, int64_t> a,
                     std::pair<int64_t, int64_t> b) {
    return a.first < b.second && b.first < a.second && a.first < a.second &&
           b.first < b.second;
  };
  auto inArena = [&](int t) {
    return tensors[t].kind == Home::Arena &&
           plan.tensors[t].home == Home::Arena;
  };
  for (int t = 0; t < n; ++t) {
    if (tensors[t].kind != Home::Arena) {
      const TensorPlacement &p = plan.tensors[t];
      if (p.home != tensors[t].kind || p.base != t || p.offset != 0) {
        error = tensorName(t) + " is an input or constant but placed elsewhere";
        return false;
      }
      tag[t] = t;
    }
  }
  for (size_t i = 0; i < ops.size(); ++i) {
    const PlanOp &op = ops[i];
    std::string at = "op " + std::to_string(i) + ": ";
    for (int t : op.inputs) {
      if (t < 0 || !inArena(t))
        continue;
      auto [s, e] = range(t);
      if (!intact(s, e, tag[t])) {
        error = at + tensorName(t) + " was overwritten before this use";
        return false;
      }
    }
    // What the op writes: scratch and its non-view outputs. None may touch
    // bytes it reads, except an in-place output over exactly its input.
    std::vector<std::pair<std::pair<int64_t, int64_t>, int>> writes;
    if (op.scratchBytes > 0) {
      int64_t s = plan.scratchOffsets[i];
      if (s < 0 || s + op.scratchBytes > plan.arenaBytes) {
        error = at + "scratch outside the arena";
        return false;
      }
      writes.push_back({{s, s + op.scratchBytes}, -2 - int(i)});
    }
    for (size_t o = 0; o < op.outputs.size(); ++o) {
      int t = op.outputs[o];
      const TensorPlacement &p = plan.tensors[t];
      bool view = o < op.views.size() && op.views[o].input >= 0;
      if (view) {
        int x = op.inputs[op.views[o].input];
        const TensorPlacement &px = plan.tensors[x];
        if (p.home != px.home || p.base != px.base ||
            p.offset != px.offset + op.views[o].offset) {
          error = at + tensorName(t) + " is not placed on the bytes it views";
          return false;
        }
        tag[t] = tag[x];
        continue;
      }
      if (!inArena(t)) {
        error = at + tensorName(t) + " is computed but not in the arena";
        return false;
      }
      auto r = range(t);
      if (r.first < 0 || r.second > plan.arenaBytes) {
        error = at + tensorName(t) + " lies outside the arena";
        return false;
      }
      writes.push_back({r, t});
    }
    for (size_t w = 0; w < writes.size(); ++w) {
      for (size_t v = w + 1; v < writes.size(); ++v)
        if (overlaps(writes[w].first, writes[v].first)) {
          error = at + "two outputs or scratch share bytes";
          return false;
        }
      for (size_t k = 0; k < op.inputs.size(); ++k) {
        int x = op.inputs[k];
        if (x < 0 || !inArena(x) || !overlaps(writes[w].first, range(x)))
          continue;
        int out = writes[w].second;
        bool allowed = false;
        if (out >= 0) {
          size_t o = std::find(op.outputs.begin(), op.outputs.end(), out) -
                     op.outputs.begin();
          allowed = o < op.inPlace.size() && op.inPlace[o] >= 0 &&
                    size_t(op.inPlace[o]) < op.inputs.size() &&
                    op.inputs[op.inPlace[o]] == x &&
                    range(x).first == writes[w].first.first;
          // Another input on the same bytes would be read while written.
          for (size_t j = 0; j < op.inputs.size() && allowed; ++j)
            if (j != k && op.inputs[j] >= 0 && op.inputs[j] != x &&
                inArena(op.inputs[j]) &&
                overlaps(range(op.inputs[j]), writes[w].first))
              allowed = false;
        }
        if (!allowed) {
          error = at + "writes over " + tensorName(x) + " while reading it";
          return false;
        }
      }
    }
    for (auto &[r, value] : writes) {
      write(r.first, r.second, value);
      if (value >= 0)
        tag[value] = value;
    }
  }
  for (int t = 0; t < n; ++t) {
    if (!tensors[t].modelOutput || !inArena(t) || tag[t] == -1)
      continue;
    auto [s, e] = range(t);
    if (!intact(s, e, tag[t])) {
      error = "model output " + tensorName(t) + " was overwritten";
      return false;
    }
  }
  return true;
}

} // namespace wafer::runtime
