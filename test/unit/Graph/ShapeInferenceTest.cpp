//===- ShapeInferenceTest.cpp - shape rules against hand-computed cases ---===//

#include "wafer/Dialect/Graph/IR/ShapeInference.h"

#include <gtest/gtest.h>

using namespace wafer::graph;
using llvm::SmallVector;

namespace {

Shape S(std::initializer_list<int64_t> dims) { return Shape(dims); }

TEST(Broadcast, NumpyRules) {
  EXPECT_EQ(broadcastShapes(S({2, 3}), S({3})).shape, S({2, 3}));
  EXPECT_EQ(broadcastShapes(S({2, 1, 4}), S({3, 1})).shape, S({2, 3, 4}));
  EXPECT_EQ(broadcastShapes(S({}), S({5})).shape, S({5}));
  EXPECT_EQ(broadcastShapes(S({1}), S({1})).shape, S({1}));
}

TEST(Broadcast, MismatchNamesBothShapes) {
  ShapeResult r = broadcastShapes(S({2, 3}), S({4}));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.find("[2, 3]"), std::string::npos);
  EXPECT_NE(r.error.find("[4]"), std::string::npos);
}

TEST(Broadcast, BroadcastsTo) {
  EXPECT_TRUE(broadcastsTo(S({1, 8}), S({4, 8})));
  EXPECT_FALSE(broadcastsTo(S({4, 8}), S({1, 8})));
  EXPECT_FALSE(broadcastsTo(S({3}), S({4})));
}

TEST(Matmul, BatchBroadcast) {
  EXPECT_EQ(matmulShape(S({2, 1, 5, 7}), S({3, 7, 9})).shape,
            S({2, 3, 5, 9}));
  EXPECT_EQ(matmulShape(S({5, 7}), S({7, 9})).shape, S({5, 9}));
}

TEST(Matmul, Errors) {
  EXPECT_FALSE(matmulShape(S({5, 7}), S({8, 9})).ok());
  EXPECT_FALSE(matmulShape(S({7}), S({7, 9})).ok());
  EXPECT_FALSE(matmulShape(S({2, 5, 7}), S({3, 7, 9})).ok());
}

TEST(Reduce, KeepAndDrop) {
  EXPECT_EQ(reduceShape(S({2, 3, 4}), {1}, true).shape, S({2, 1, 4}));
  EXPECT_EQ(reduceShape(S({2, 3, 4}), {0, 2}, false).shape, S({3}));
  EXPECT_EQ(reduceShape(S({2, 3}), {}, true).shape, S({2, 3}));
  EXPECT_FALSE(reduceShape(S({2, 3}), {2}, true).ok());
  EXPECT_FALSE(reduceShape(S({2, 3}), {1, 1}, true).ok());
}

TEST(Transpose, Permutes) {
  EXPECT_EQ(transposeShape(S({2, 3, 4}), {2, 0, 1}).shape, S({4, 2, 3}));
  EXPECT_FALSE(transposeShape(S({2, 3}), {0, 0}).ok());
  EXPECT_FALSE(transposeShape(S({2, 3}), {0}).ok());
}

TEST(Gather, IndicesReplaceAxis) {
  EXPECT_EQ(gatherShape(S({256, 64}), S({2, 8}), 0).shape, S({2, 8, 64}));
  EXPECT_EQ(gatherShape(S({3}), S({}), 0).shape, S({}));
  EXPECT_EQ(gatherShape(S({2, 5, 7}), S({3}), 1).shape, S({2, 3, 7}));
  EXPECT_FALSE(gatherShape(S({2}), S({1}), 1).ok());
}

TEST(Concat, SumsAxis) {
  EXPECT_EQ(concatShape({S({2, 3}), S({2, 5})}, 1).shape, S({2, 8}));
  EXPECT_FALSE(concatShape({S({2, 3}), S({3, 3})}, 1).ok());
  EXPECT_FALSE(concatShape({S({2, 3}), S({2, 3, 1})}, 0).ok());
}

TEST(Axis, Normalize) {
  EXPECT_EQ(*normalizeAxis(-1, 3), 2);
  EXPECT_EQ(*normalizeAxis(0, 3), 0);
  EXPECT_TRUE(mlir::failed(normalizeAxis(3, 3)));
  EXPECT_TRUE(mlir::failed(normalizeAxis(-4, 3)));
}

// ONNX Slice lengths against a brute-force walk over the clamped range.
// The clamping is Python's slice.indices() except that, as the ONNX spec and
// onnxruntime have it, a start before the beginning clamps to 0 even for
// negative steps (Python would clamp it to -1 and take nothing).
TEST(Slice, MatchesBruteForce) {
  for (int64_t dim : {1, 4, 7}) {
    for (int64_t step : {-3, -1, 1, 2}) {
      for (int64_t start = -9; start <= 9; ++start) {
        for (int64_t end = -9; end <= 9; ++end) {
          int64_t s = start, e = end;
          clampSliceBounds(dim, step, s, e);
          int64_t expected = 0;
          int64_t ps = start < 0 ? std::max<int64_t>(start + dim, 0)
                                 : std::min<int64_t>(start, step < 0 ? dim - 1 : dim);
          int64_t pe = end < 0 ? std::max<int64_t>(end + dim, step < 0 ? -1 : 0)
                               : std::min<int64_t>(end, step < 0 ? dim - 1 : dim);
          for (int64_t i = ps; step > 0 ? i < pe : i > pe; i += step)
            ++expected;
          EXPECT_EQ(sliceLength(s, e, step), expected)
              << "dim " << dim << " start " << start << " end " << end
              << " step " << step;
        }
      }
    }
  }
}

TEST(Elements, Count) {
  EXPECT_EQ(numElements(S({})), 1);
  EXPECT_EQ(numElements(S({2, 3, 4})), 24);
  EXPECT_EQ(formatShape(S({2, 3})), "[2, 3]");
}

// Counts never wrap: past int64_t they saturate (for shapes that verified IR
// cannot hold), and the size checks name the reason.
TEST(Elements, NeverWraps) {
  const int64_t big = int64_t(1) << 32;
  EXPECT_EQ(numElements(S({big, big, big})), INT64_MAX);
  EXPECT_EQ(numElements(S({big, big})), INT64_MAX); // 2^64
  EXPECT_EQ(numElements(S({big, big / 2})), INT64_MAX); // exactly 2^63
  EXPECT_EQ(numElements(S({big, big / 4})), int64_t(1) << 62);
  EXPECT_EQ(numElements(S({3, 0, 5})), 0);
  EXPECT_EQ(shapeSizeError(S({2, 3})), "");
  EXPECT_EQ(shapeSizeError(S({})), "");
  EXPECT_EQ(shapeSizeError(S({2, 0})),
            "[2, 0] would be empty (dimension 1 is 0); empty tensors are not "
            "supported");
  EXPECT_EQ(shapeSizeError(S({big, big})),
            "[4294967296, 4294967296] has more elements than a 64-bit count "
            "holds (2^63 - 1)");
  EXPECT_EQ(tensorSizeError(S({int64_t(1) << 60}), 32), "");
  EXPECT_EQ(tensorSizeError(S({int64_t(1) << 62}), 32),
            "[4611686018427387904] of 32-bit elements takes more bytes than "
            "a 64-bit count holds (2^63 - 1)");
  EXPECT_EQ(tensorSizeError(S({int64_t(1) << 62}), 1), "");
}

// Every rule refuses a result that no tensor can have.
TEST(Rules, RefuseOverflowingResults) {
  const int64_t big = int64_t(1) << 32;
  EXPECT_FALSE(broadcastShapes(S({big, 1}), S({1, big})).ok());
  EXPECT_FALSE(matmulShape(S({big, 1}), S({1, big})).ok());
  EXPECT_FALSE(gatherShape(S({4, big}), S({big}), 0).ok());
  SmallVector<Shape> halves{S({INT64_MAX}), S({1})};
  ShapeResult concat = concatShape(halves, 0);
  ASSERT_FALSE(concat.ok());
  EXPECT_EQ(concat.error,
            "concat operands add up to more than 2^63 - 1 along axis 0");
  // Broadcasting [1] to [0] would make an empty tensor.
  EXPECT_FALSE(broadcastShapes(S({1}), S({0})).ok());
  EXPECT_TRUE(resultShape(S({2, 3})).ok());
  EXPECT_FALSE(resultShape(S({2, 0})).ok());
}

// The extreme steps: no overflow in the length arithmetic.
TEST(Slice, ExtremeSteps) {
  EXPECT_EQ(sliceLength(0, 5, INT64_MAX), 1);
  EXPECT_EQ(sliceLength(4, -1, INT64_MIN), 1);
  EXPECT_EQ(sliceLength(0, 5, 2), 3);
  EXPECT_EQ(sliceLength(4, -1, -2), 3);
  SmallVector<int64_t> starts{0, -1};
  ShapeResult r = sliceShape(S({2, 3}), starts, {INT64_MAX, INT64_MIN},
                             {INT64_MAX, INT64_MIN});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.shape, S({1, 1}));
  EXPECT_EQ(starts, (SmallVector<int64_t>{0, 2}));
}

TEST(Slice, RefusesEmptyWindows) {
  SmallVector<int64_t> starts{0, 2};
  ShapeResult r = sliceShape(S({2, 3}), starts, {2, 1}, {1, 1});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error, "slice of dimension 1 (size 3) from 2 to 1 by 1 takes no "
                     "elements; empty tensors are not supported");
}

} // namespace
