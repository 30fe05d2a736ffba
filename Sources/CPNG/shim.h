#ifndef SPARKLER_CPNG_SHIM_H
#define SPARKLER_CPNG_SHIM_H
#include <png.h>

// PNG_FORMAT_RGBA and PNG_IMAGE_SIZE are compound macros, which Swift does not import.
static inline png_uint_32 sparkler_png_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline png_uint_32 sparkler_png_format_rgb(void) { return PNG_FORMAT_RGB; }
// The most bytes libpng can write for the image (its data stored uncompressed), so one pass suffices.
static inline png_alloc_size_t sparkler_png_size_max(png_image image) { return PNG_IMAGE_PNG_SIZE_MAX(image); }
#endif
