#ifndef MULU_CGZIP_SHIM_H
#define MULU_CGZIP_SHIM_H
#include <zlib.h>

/// deflateInit2 is a macro; this wraps it for Swift.
static inline int mulu_deflate_init_gzip(z_streamp stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
}

/// inflateInit2 for a gzip stream (several members one after another are read by calling it
/// again after each member's end).
static inline int mulu_inflate_init_gzip(z_streamp stream) {
  return inflateInit2(stream, 31);
}
#endif
