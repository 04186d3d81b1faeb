// The vector kernels compiled for the avx512 dispatch path (flags in CMakeLists).
#define WAFER_ISA_NAMESPACE avx512
#include "VectorKernels.inc"
