// SQLite settings GRDB does not reach: sqlite3_db_config is variadic, which Swift cannot call, and a WAL hook is
// a C callback. These functions are compiled into SparklerCore, and SwiftPM does not rebuild it when only this
// header changes: touch HistoryStore.swift after editing here.
#include <stdint.h>
#include <sqlite3.h>

/// Closing the last connection no longer checkpoints the WAL and deletes it (HistoryStore says why).
static inline int sparkler_sqlite_keep_wal_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}

/// The hook's context: the WAL's length in pages that starts a checkpoint (low 32 bits), and the connection's busy
/// timeout in milliseconds, restored after it (high 32 bits).
static int sparkler_sqlite_truncate_long_wal(void *context, sqlite3 *db, const char *schema, int pages) {
    intptr_t packed = (intptr_t)context;
    if (pages >= (int)(packed & 0x7FFFFFFF)) {
        // Without waiting: a reader still busy (another process's) leaves the WAL for a later commit to empty, rather
        // than holding this commit for up to the busy timeout. What can be copied is copied either way.
        sqlite3_busy_timeout(db, 0);
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_TRUNCATE, 0, 0);
        sqlite3_busy_timeout(db, (int)(packed >> 32));
    }
    return SQLITE_OK;
}

/// After a commit that leaves `pages` or more in the WAL, copies them into the database and empties the WAL file,
/// in place of SQLite's automatic checkpoint (which copies but leaves the WAL's frames for the next process to
/// index again). `busyMilliseconds` is the connection's busy timeout, set again after the checkpoint.
static inline void sparkler_sqlite_truncate_wal_after(sqlite3 *db, int pages, int busyMilliseconds) {
    intptr_t packed = ((intptr_t)busyMilliseconds << 32) | (intptr_t)pages;
    sqlite3_wal_hook(db, sparkler_sqlite_truncate_long_wal, (void *)packed);
}
