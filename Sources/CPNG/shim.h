#ifndef SPARKLER_CPNG_SHIM_H
#define SPARKLER_CPNG_SHIM_H
#include <png.h>

// PNG_FORMAT_RGBA and PNG_IMAGE_SIZE are compound macros, which Swift does not import.
static inline png_uint_32 sparkler_png_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline png_uint_32 sparkler_png_format_rgb(void) { return PNG_FORMAT_RGB; }
#endif
