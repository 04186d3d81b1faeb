//===- Generate.cpp - greedy decoding with a decode binary ----------------===//

#include "wafer/Runtime/Generate.h"

#include <chrono>
#include <cstring>

namespace wafer::runtime {

namespace {

/// The three inputs a decode entry takes, by name, with their buffers.
struct DecodeInputs {
  std::vector<int64_t> ids, mask, positions;
};

/// Binds `inputs` to `spec`'s inputs in order; false with `error` for an
/// input the generation loop has no value for, or one of another shape.
bool bindInputs(const EntrySpec &spec, const DecodeInputs &inputs,
                std::vector<const void *> &bound, std::string &error) {
  bound.clear();
  for (const TensorSpec &t : spec.inputs) {
    const std::vector<int64_t> *values =
        t.name == "input_ids"        ? &inputs.ids
        : t.name == "attention_mask" ? &inputs.mask
        : t.name == "position_ids"   ? &inputs.positions
                                     : nullptr;
    if (!values) {
      error = "the " + spec.name + " program takes input '" + t.name +
              "', which token generation has no value for (it feeds "
              "input_ids, attention_mask and position_ids)";
      return false;
    }
    if (t.type != ElementType::I64 ||
        t.numElements != int64_t(values->size())) {
      error = "the " + spec.name + " program's input '" + t.name + "' is " +
              elementTypeName(t.type) + " of " +
              std::to_string(t.numElements) + " elements; generation gives " +
              "i64 of " + std::to_string(values->size());
      return false;
    }
    bound.push_back(values->data());
  }
  return true;
}

/// The argmax of each batch row of `logits` ([batch, positions, vocab])
/// at `position`.
void argmaxAt(const std::vector<float> &logits, int64_t batch,
              int64_t positions, int64_t vocab, int64_t position,
              std::vector<int64_t> &tokens) {
  tokens.resize(size_t(batch));
  for (int64_t b = 0; b < batch; ++b) {
    const float *row = logits.data() + (b * positions + position) * vocab;
    int64_t best = 0;
    for (int64_t v = 1; v < vocab; ++v)
      if (row[v] > row[best])
        best = v;
    tokens[size_t(b)] = best;
  }
}

} // namespace

bool generate(Runtime &runtime, const std::vector<int64_t> &prompt,
              int64_t batch, int64_t promptLength, int64_t newTokens,
              GenerateResult &result, std::string &error) {
  const DecodeSpec *decode = runtime.decode();
  const std::vector<EntrySpec> &entries = runtime.entries();
  if (!decode || entries.empty() || entries[0].name != "step") {
    error = "the binary is not a decode binary: compile a model with "
            "past_key_values inputs with waferc --max-seq N";
    return false;
  }
  if (batch < 1 || promptLength < 1 ||
      int64_t(prompt.size()) != batch * promptLength) {
    error = "the prompt must be [batch, length] token ids with both at "
            "least 1";
    return false;
  }
  if (newTokens < 1) {
    error = "generation needs at least 1 new token, not " +
            std::to_string(newTokens);
    return false;
  }
  int64_t capacity = decode->capacity;
  if (promptLength + newTokens - 1 > capacity) {
    error = "a prompt of " + std::to_string(promptLength) + " tokens and " +
            std::to_string(newTokens) + " new ones need " +
            std::to_string(promptLength + newTokens - 1) +
            " cache positions; the binary's caches hold " +
            std::to_string(capacity) + " (waferc --max-seq)";
    return false;
  }
  int prefill = -1;
  for (size_t e = 1; e < entries.size(); ++e)
    if (entries[e].name == "prefill" && entries[e].tokens >= promptLength &&
        (prefill < 0 || entries[e].tokens < entries[size_t(prefill)].tokens))
      prefill = int(e);
  if (prefill < 0) {
    int64_t longest = 0;
    for (const EntrySpec &e : entries)
      if (e.name == "prefill")
        longest = std::max(longest, e.tokens);
    error = "the prompt has " + std::to_string(promptLength) +
            " tokens; the binary's longest prefill takes " +
            std::to_string(longest) + " (waferc --prefill-lengths)";
    return false;
  }
  const EntrySpec &pre = entries[size_t(prefill)], &step = entries[0];
  auto logitsOf = [&](const EntrySpec &spec, int64_t positions,
                      int64_t &vocab) -> int {
    for (size_t o = 0; o < spec.outputs.size(); ++o) {
      const TensorSpec &t = spec.outputs[o];
      if (t.name == "logits" && t.type == ElementType::F32 &&
          t.shape.size() == 3 && t.shape[0] == batch &&
          t.shape[1] == positions) {
        vocab = t.shape[2];
        return int(o);
      }
    }
    return -1;
  };
  int64_t vocab = 0, stepVocab = 0;
  int preLogits = logitsOf(pre, pre.tokens, vocab);
  int stepLogits = logitsOf(step, 1, stepVocab);
  if (preLogits < 0 || stepLogits < 0 || vocab != stepVocab || vocab < 1) {
    error = "the decode programs need a float 'logits' output of [" +
            std::to_string(batch) +
            ", positions, vocab] (is the prompt's batch the binary's?)";
    return false;
  }
  for (int64_t id : prompt)
    if (id < 0 || id >= vocab) {
      error = "prompt token " + std::to_string(id) +
              " is not in the vocabulary of " + std::to_string(vocab);
      return false;
    }

  // Output buffers: logits where generation reads them, the rest aside.
  auto outputsOf = [&](const EntrySpec &spec, int logits,
                       std::vector<float> &logitBuffer,
                       std::vector<std::vector<char>> &others) {
    std::vector<void *> out;
    others.assign(spec.outputs.size(), {});
    for (size_t o = 0; o < spec.outputs.size(); ++o) {
      if (int(o) == logits) {
        logitBuffer.resize(size_t(spec.outputs[o].numElements));
        out.push_back(logitBuffer.data());
      } else {
        others[o].resize(size_t(spec.outputs[o].numBytes));
        out.push_back(others[o].data());
      }
    }
    return out;
  };

  using Clock = std::chrono::steady_clock;
  result = GenerateResult();
  result.batch = batch;
  result.prefillTokens = pre.tokens;
  result.tokens.assign(size_t(batch * newTokens), 0);
  std::vector<int64_t> next;

  // --- Prefill: the prompt, then padding, behind the masked past.
  if (!runtime.setCacheLength(0, error))
    return false;
  int64_t padded = pre.tokens, past = decode->maskedPast;
  DecodeInputs in;
  in.ids.assign(size_t(batch * padded), 0);
  in.positions.assign(size_t(batch * padded), 0);
  in.mask.assign(size_t(batch * (past + padded)), 0);
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t i = 0; i < promptLength; ++i) {
      in.ids[size_t(b * padded + i)] = prompt[size_t(b * promptLength + i)];
      in.positions[size_t(b * padded + i)] = i;
      in.mask[size_t(b * (past + padded) + past + i)] = 1;
    }
  std::vector<const void *> bound;
  std::vector<float> logits;
  std::vector<std::vector<char>> others;
  if (!bindInputs(pre, in, bound, error))
    return false;
  std::vector<void *> out = outputsOf(pre, preLogits, logits, others);
  auto start = Clock::now();
  if (!runtime.runEntry(prefill, bound, out, error))
    return false;
  argmaxAt(logits, batch, padded, vocab, promptLength - 1, next);
  result.firstTokenSeconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  for (int64_t b = 0; b < batch; ++b)
    result.tokens[size_t(b * newTokens)] = next[size_t(b)];

  // --- Steps: one token at the cache's length, the rest masked.
  int64_t total = capacity;
  in.ids.assign(size_t(batch), 0);
  in.positions.assign(size_t(batch), 0);
  in.mask.assign(size_t(batch * total), 0);
  out = outputsOf(step, stepLogits, logits, others);
  start = Clock::now();
  for (int64_t t = 1; t < newTokens; ++t) {
    int64_t at = promptLength + t - 1;
    if (!runtime.setCacheLength(at, error))
      return false;
    for (int64_t b = 0; b < batch; ++b) {
      in.ids[size_t(b)] = next[size_t(b)];
      in.positions[size_t(b)] = at;
      for (int64_t j = 0; j <= at; ++j)
        in.mask[size_t(b * total + j)] = 1;
    }
    if (!bindInputs(step, in, bound, error) ||
        !runtime.runEntry(0, bound, out, error))
      return false;
    argmaxAt(logits, batch, 1, vocab, 0, next);
    for (int64_t b = 0; b < batch; ++b)
      result.tokens[size_t(b * newTokens + t)] = next[size_t(b)];
  }
  result.stepSeconds =
      newTokens > 1 ? std::chrono::duration<double>(Clock::now() - start).count()
                    : 0.0;
  std::string ignored;
  runtime.setCacheLength(promptLength + newTokens - 1, ignored);
  return true;
}

double modeledTokensPerSecond(const Runtime &runtime) {
  double cycles = runtime.modeledStepCycles();
  return cycles > 0 ? runtime.clockHz() / cycles : 0.0;
}

} // namespace wafer::runtime
