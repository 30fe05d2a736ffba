// SQLite settings GRDB does not reach: sqlite3_db_config is variadic, which Swift cannot call, and a WAL hook is
// a C callback.
#include <stdint.h>
#include <sqlite3.h>

/// Closing the last connection no longer checkpoints the WAL and deletes it (HistoryStore says why).
static inline int sparkler_sqlite_keep_wal_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}

static int sparkler_sqlite_truncate_long_wal(void *limit, sqlite3 *db, const char *schema, int pages) {
    // Best effort: a checkpoint that cannot finish (a reader still busy) is retried after the next commit.
    if (pages >= (int)(intptr_t)limit) {
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_TRUNCATE, 0, 0);
    }
    return SQLITE_OK;
}

/// After a commit that leaves `pages` or more in the WAL, copies them into the database and empties the WAL file,
/// in place of SQLite's automatic checkpoint (which copies but leaves the WAL's frames for the next process to
/// index again).
static inline void sparkler_sqlite_truncate_wal_after(sqlite3 *db, int pages) {
    sqlite3_wal_hook(db, sparkler_sqlite_truncate_long_wal, (void *)(intptr_t)pages);
}
