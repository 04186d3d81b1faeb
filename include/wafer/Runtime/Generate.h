//===- Generate.h - greedy decoding with a decode binary ---------*- C++ -*-===//
//
// wafer::runtime::generate runs a decode binary (waferc --max-seq) as
// Hugging Face's greedy `generate` runs the model it was compiled from:
//   1. prefill: the prompt [batch, P] on the shortest prefill entry that
//      holds it, padded at the end (its positions masked), behind the
//      entry's masked past; the last prompt position's logits give the
//      first token, and the prompt's keys and values are in the caches;
//   2. N - 1 steps: the previous token at the next position, on the step
//      entry, which appends its keys and values in place and attends over
//      the cache with the positions not yet written masked.
// The caches are the runtime's state: no step copies them. Tokens are the
// argmax of the logits (the first index on ties, as numpy and torch).
// MLIR- and LLVM-free, like the runtime.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_RUNTIME_GENERATE_H
#define WAFER_RUNTIME_GENERATE_H

#include "wafer/Runtime/Runtime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wafer::runtime {

struct GenerateResult {
  std::vector<int64_t> tokens; ///< [batch, newTokens], row-major
  int64_t batch = 0;
  double firstTokenSeconds = 0; ///< the prefill, input to first token
  double stepSeconds = 0;       ///< the newTokens - 1 steps together
  int64_t prefillTokens = 0;    ///< the prefill entry's (padded) length
  /// Decode speed: steps per second (0 without steps).
  double tokensPerSecond() const {
    return stepSeconds > 0 ? double(tokens.size() / batch - 1) / stepSeconds
                           : 0.0;
  }
};

/// Generates `newTokens` (>= 1) tokens after `prompt` ([batch, promptLength]
/// int64, row-major) with `runtime`'s decode binary, starting from empty
/// caches. False with `error` when the binary is not a decode binary, the
/// prompt does not fit it (batch, length, token ids) or a run fails.
bool generate(Runtime &runtime, const std::vector<int64_t> &prompt,
              int64_t batch, int64_t promptLength, int64_t newTokens,
              GenerateResult &result, std::string &error);

/// Wafer's modeled decode speed: the target's clock over the cost model's
/// cycles per step of the step entry (0 when the binary has no model).
double modeledTokensPerSecond(const Runtime &runtime);

} // namespace wafer::runtime

#endif // WAFER_RUNTIME_GENERATE_H
