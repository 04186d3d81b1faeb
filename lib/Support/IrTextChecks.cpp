//===- IrTextChecks.cpp - refuse textual IR that MLIR cannot take ---------===//

#include "wafer/Support/IrTextChecks.h"

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

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

std::string location(std::string_view bufferName, std::size_t line,
                     std::size_t column) {
  std::string name(bufferName.empty() ? "<input>" : bufferName);
  return name + ":" + std::to_string(line) + ":" + std::to_string(column);
}

} // namespace

std::optional<BadBlobAlignment> findZeroBlobAlignment(std::string_view text) {
  const std::size_t metadata = text.find("{-#");
  if (metadata == std::string_view::npos)
    return std::nullopt;
  for (std::size_t i = text.find('"', metadata); i != std::string_view::npos;
       i = text.find('"', i + 1)) {
    const std::size_t open = i;
    // The literal's end, as the nesting scan reads it.
    for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i)
      if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n')
        ++i;
    std::string_view literal = text.substr(open + 1, i - open - 1);
    if (literal.size() < 10 || literal[0] != '0' ||
        (literal[1] != 'x' && literal[1] != 'X'))
      continue;
    bool zero = true, hex = true;
    for (std::size_t k = 2; k < 10; ++k) {
      const int v = hexValue(literal[k]);
      hex = hex && v >= 0;
      zero = zero && v == 0;
    }
    if (!hex || !zero)
      continue; // MLIR reports a malformed blob itself
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
