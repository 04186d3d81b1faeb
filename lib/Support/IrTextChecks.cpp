//===- IrTextChecks.cpp - refuse textual IR that MLIR cannot take ---------===//

#include "wafer/Support/IrTextChecks.h"

#include <vector>

namespace wafer {

namespace {

/// Where the string literal whose opening quote is at `quote` ends: at its
/// closing quote (backslash escapes skipped) or, as MLIR's lexer refuses a
/// newline inside one, at the newline; at the end of the text if neither.
std::size_t stringLiteralEnd(std::string_view text, std::size_t quote) {
  const std::size_t n = text.size();
  std::size_t i = quote + 1;
  for (; i < n && text[i] != '"' && text[i] != '\n'; ++i)
    if (text[i] == '\\' && i + 1 < n && text[i + 1] != '\n')
      ++i;
  return i;
}

std::string location(std::string_view bufferName, std::size_t line,
                     std::size_t column) {
  std::string name(bufferName.empty() ? "<input>" : bufferName);
  return name + ":" + std::to_string(line) + ":" + std::to_string(column);
}

} // namespace

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
      i = stringLiteralEnd(text, i);
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
  return location(bufferName, violation.line, violation.column) +
         ": error: input nests brackets deeper than " +
         std::to_string(violation.limit) +
         " levels; Wafer's tools refuse such IR before parsing it (the "
         "parser would run out of stack)";
}

std::optional<BadBlobAlignment> findZeroBlobAlignment(std::string_view text) {
  const std::size_t metadata = text.find("{-#");
  if (metadata == std::string_view::npos)
    return std::nullopt;
  for (std::size_t i = text.find('"', metadata); i != std::string_view::npos;
       i = text.find('"', i + 1)) {
    const std::size_t open = i;
    i = stringLiteralEnd(text, open);
    std::string_view literal = text.substr(open + 1, i - open - 1);
    // "0x" and the alignment's 8 hex digits, all 0. Any other alignment,
    // or a malformed blob, is MLIR's to judge.
    if (literal.size() < 10 || literal[0] != '0' ||
        (literal[1] != 'x' && literal[1] != 'X') ||
        literal.substr(2, 8) != "00000000")
      continue;
    std::size_t line = 1, lineStart = 0;
    for (std::size_t k = 0; k < open; ++k)
      if (text[k] == '\n') {
        ++line;
        lineStart = k + 1;
      }
    return BadBlobAlignment{open, line, open - lineStart + 1};
  }
  return std::nullopt;
}

std::string checkIrText(std::string_view bufferName, std::string_view text) {
  if (auto tooDeep = findExcessiveNesting(text))
    return describeExcessiveNesting(bufferName, *tooDeep);
  if (auto blob = findZeroBlobAlignment(text))
    return location(bufferName, blob->line, blob->column) +
           ": error: resource blob encodes an alignment of 0 in its first 4 "
           "bytes; expected a power of 2 (Wafer's tools refuse it before "
           "parsing: MLIR would abort allocating it)";
  return "";
}

} // namespace wafer
