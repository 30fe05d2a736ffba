#ifndef SPARKLER_CCHAFA_SHIM_H
#define SPARKLER_CCHAFA_SHIM_H
#include <chafa.h>

/* glib's TRUE is a macro Swift cannot import; this frees a GString and its text. */
static inline void sparkler_gstring_free(GString *string) {
    g_string_free(string, TRUE);
}

#endif
