// Textual IR nested deeper than 1000 brackets is refused before MLIR's
// parser runs (whose recursion would run out of stack at a few thousand
// levels), with an error at the first bracket too many and exit code 1.
// The inputs are generated here; see wafer/Support/IrTextChecks.h.

// RUN: %python -c "print('module {' * 5000 + '}' * 5000)" > %t.5000.mlir
// RUN: not wafer-opt %t.5000.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEEP
// RUN: not wafer-opt < %t.5000.mlir 2>&1 | FileCheck %s --check-prefix=STDIN
// DEEP: 5000.mlir:1:8008: error: input nests brackets deeper than 1000 levels; Wafer's tools refuse such IR before parsing it
// STDIN: <stdin>:1:8008: error: input nests brackets deeper than 1000 levels

// One level over the limit is refused; the limit itself is fine.
// RUN: %python -c "print('module {' * 1001 + '}' * 1001)" > %t.1001.mlir
// RUN: not wafer-opt %t.1001.mlir 2>&1 | FileCheck %s --check-prefix=OVER
// OVER: 1001.mlir:1:8008: error: input nests brackets deeper than 1000 levels
// RUN: %python -c "print('module {' * 1000 + '}' * 1000)" > %t.1000.mlir
// RUN: wafer-opt %t.1000.mlir --cse | FileCheck %s --check-prefix=LIMIT
// LIMIT-COUNT-1000: module {

// Every kind of bracket counts: the generic form opens ( and { per level,
// types nest <, attributes [.
// RUN: %python -c "print('\"builtin.module\"() ({\n' * 501 + '}) : () -> ()\n' * 501)" > %t.generic.mlir
// RUN: not wafer-opt %t.generic.mlir 2>&1 | FileCheck %s --check-prefix=GENERIC
// GENERIC: generic.mlir:501:17: error: input nests brackets deeper than 1000 levels
// RUN: %python -c "print('module attributes {graph.t = ' + 'tuple<' * 1000 + 'f32' + '>' * 1000 + '} {}')" > %t.tuple.mlir
// RUN: not wafer-opt %t.tuple.mlir 2>&1 | FileCheck %s --check-prefix=TUPLE
// TUPLE: tuple.mlir:1:6029: error: input nests brackets deeper than 1000 levels
// RUN: %python -c "print('module attributes {graph.a = ' + '[' * 999 + ']' * 999 + '} {}')" > %t.array.mlir
// RUN: wafer-opt %t.array.mlir | FileCheck %s --check-prefix=ARRAY
// ARRAY: module attributes {graph.a = {{\[+}}

// Brackets in string literals and comments do not count; neither do the
// > of -> and >=, which close nothing, so long IR does not drift.
// RUN: %python -c "q = chr(34); print('module attributes {graph.s = ' + q + '(' * 5000 + chr(92) + q + '[' * 5000 + q + '} {}' + chr(10) + '// ' + '{' * 5000)" > %t.string.mlir
// RUN: wafer-opt %t.string.mlir | FileCheck %s --check-prefix=STRING
// STRING: module attributes {graph.s = "((((
// RUN: %python -c "print('module attributes {graph.f = [' + ', '.join(['(i32) -> i32', 'affine_set<(d0) : (d0 >= 0)>'] * 3000) + ']} {}')" > %t.arrows.mlir
// RUN: wafer-opt %t.arrows.mlir | FileCheck %s --check-prefix=ARROWS
// ARROWS: #set = affine_set<(d0) : (d0 >= 0)>
// ARROWS: module attributes {graph.f = [(i32) -> i32, #set, (i32) -> i32, #set,
