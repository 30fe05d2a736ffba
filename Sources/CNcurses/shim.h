#ifndef SPARKLER_CNCURSES_SHIM_H
#define SPARKLER_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide-character API must be asked for here.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncurses.h>
#endif
