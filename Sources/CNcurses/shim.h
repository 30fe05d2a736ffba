#ifndef SPARKLER_CNCURSES_SHIM_H
#define SPARKLER_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide-character API must be asked for here.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncurses.h>

// Swift 6 rejects C globals and does not import macros built from other macros: the terminal layer
// reaches them through these accessors.
static inline WINDOW *sparkler_stdscr(void) { return stdscr; }
static inline WINDOW *sparkler_curscr(void) { return curscr; }
static inline int sparkler_lines(void) { return LINES; }
static inline int sparkler_cols(void) { return COLS; }
static inline int sparkler_colors(void) { return COLORS; }
static inline int sparkler_color_pairs(void) { return COLOR_PAIRS; }
// newterm instead of initscr: initscr exits the process when TERM is unknown, newterm returns NULL.
// A NULL type is TERM's.
static inline SCREEN *sparkler_newterm(const char *type) { return newterm(type, stdout, stdin); }

static inline attr_t sparkler_attr_bold(void) { return A_BOLD; }
static inline attr_t sparkler_attr_dim(void) { return A_DIM; }
static inline attr_t sparkler_attr_italic(void) { return A_ITALIC; }
static inline attr_t sparkler_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t sparkler_attr_reverse(void) { return A_REVERSE; }
static inline attr_t sparkler_attr_invisible(void) { return A_INVIS; }

static inline mmask_t sparkler_button_pressed(int button) { return NCURSES_MOUSE_MASK(button, NCURSES_BUTTON_PRESSED); }
static inline mmask_t sparkler_button_released(int button) { return NCURSES_MOUSE_MASK(button, NCURSES_BUTTON_RELEASED); }
static inline mmask_t sparkler_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

#endif
