// Internal: a 64-byte aligned, uninitialized buffer (cache line and zmm size),
// so packed panels can use aligned vector loads.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>

#include <sys/mman.h>

namespace wafer::kernels::detail {

template <typename T> class AlignedBuffer {
public:
  AlignedBuffer() = default;
  explicit AlignedBuffer(size_t count) { resize(count); }
  ~AlignedBuffer() { std::free(data_); }
  AlignedBuffer(AlignedBuffer &&other) noexcept
      : data_(other.data_), size_(other.size_) {
    other.data_ = nullptr;
    other.size_ = 0;
  }
  AlignedBuffer &operator=(AlignedBuffer &&other) noexcept {
    if (this != &other) {
      std::free(data_);
      data_ = other.data_;
      size_ = other.size_;
      other.data_ = nullptr;
      other.size_ = 0;
    }
    return *this;
  }
  AlignedBuffer(const AlignedBuffer &) = delete;
  AlignedBuffer &operator=(const AlignedBuffer &) = delete;

  // Grows only; contents are not preserved.
  void resize(size_t count) {
    if (count <= size_)
      return;
    std::free(data_);
    // Large buffers (packed weights, streamed panel by panel) get 2 MiB
    // alignment and transparent huge pages: with 4 KiB pages every panel
    // switch costs TLB misses.
    const size_t alignment = count * sizeof(T) >= kHugePageBytes ? kHugePageBytes : 64;
    const size_t bytes = ((count * sizeof(T) + alignment - 1) / alignment) * alignment;
    data_ = static_cast<T *>(std::aligned_alloc(alignment, bytes));
    if (!data_)
      throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    if (alignment == kHugePageBytes)
      madvise(data_, bytes, MADV_HUGEPAGE); // a hint; failure is harmless
#endif
    size_ = count;
  }

  T *data() { return data_; }
  const T *data() const { return data_; }
  size_t size() const { return size_; }

private:
  static constexpr size_t kHugePageBytes = size_t{2} << 20;
  T *data_ = nullptr;
  size_t size_ = 0;
};

} // namespace wafer::kernels::detail
