//===- NestingLimit.cpp - refuse textual IR nested too deep ---------------===//

#include "wafer/Support/NestingLimit.h"

#include <vector>

namespace wafer {

std::optional<NestingViolation> findExcessiveNesting(std::string_view text,
                                                     std::size_t maxDepth) {
  std::vector<char> open; // the open brackets, innermost last
  std::size_t line = 1, lineStart = 0;
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    char c = text[i];
    switch (c) {
    case '\n':
      ++line;
      lineStart = i + 1;
      break;
    case '"':
      // A string literal ends at its closing quote; MLIR's lexer refuses a
      // newline inside one, so it ends there too.
      for (++i; i < n && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\' && i + 1 < n && text[i + 1] != '\n')
          ++i;
      if (i < n && text[i] == '\n') {
        ++line;
        lineStart = i + 1;
      }
      break;
    case '/':
      if (i + 1 < n && text[i + 1] == '/')
        while (i + 1 < n && text[i + 1] != '\n')
          ++i;
      break;
    case '(':
    case '[':
    case '{':
    case '<':
      if (open.size() == maxDepth)
        return NestingViolation{i, line, i - lineStart + 1, maxDepth};
      open.push_back(c);
      break;
    case '>':
      // `->` (function types, affine maps) and `>=` (integer sets) are not
      // closers; neither is a `>` with no `<` to close.
      if (i > 0 && text[i - 1] == '-')
        break;
      if (i + 1 < n && text[i + 1] == '=')
        break;
      if (!open.empty() && open.back() == '<')
        open.pop_back();
      break;
    case ')':
    case ']':
    case '}': {
      char opener = c == ')' ? '(' : c == ']' ? '[' : '{';
      // Closes the innermost matching bracket, and any `<` inside it that
      // was not a bracket after all; ignored when nothing matches.
      std::size_t k = open.size();
      while (k > 0 && open[k - 1] == '<')
        --k;
      if (k > 0 && open[k - 1] == opener)
        open.resize(k - 1);
      break;
    }
    default:
      break;
    }
  }
  return std::nullopt;
}

std::string describeExcessiveNesting(std::string_view bufferName,
                                     const NestingViolation &violation) {
  std::string name(bufferName.empty() ? "<input>" : bufferName);
  return name + ":" + std::to_string(violation.line) + ":" +
         std::to_string(violation.column) +
         ": error: input nests brackets deeper than " +
         std::to_string(violation.limit) +
         " levels; Wafer's tools refuse such IR before parsing it (the "
         "parser would run out of stack)";
}

} // namespace wafer
