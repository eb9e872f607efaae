/* db: a throwaway PostgreSQL server from the local installation, for
 * `validate` and `convert --validate`: initdb in a fresh temporary folder,
 * a unix socket in that folder only (no TCP), durability off, removed
 * afterwards (also when the run is interrupted by SIGINT or SIGTERM). */
#ifndef SQLSHIFT_PG_THROWAWAY_H
#define SQLSHIFT_PG_THROWAWAY_H

typedef struct PgThrowaway PgThrowaway;

/* Starts a server. Returns it, or NULL with *err set (malloc'd, one line:
 * no installation found, initdb or start-up failed with the log's last
 * line). verbose: progress on stderr. */
PgThrowaway *pg_throwaway_start(int verbose, char **err);
/* libpq conninfo of the server ("host=/tmp/... port=5432 user=postgres dbname=postgres"). */
const char *pg_throwaway_conninfo(const PgThrowaway *t);
/* The folder holding the server programs used. */
const char *pg_throwaway_bindir(const PgThrowaway *t);
/* Stops the server (immediate shutdown) and removes its folder. NULL is a no-op. */
void pg_throwaway_stop(PgThrowaway *t);

/* Where the server programs are: $PG_BINDIR, `pg_config --bindir`, else the
 * newest /usr/lib/postgresql/N/bin holding initdb, pg_ctl and postgres.
 * Returns a malloc'd path or NULL. */
char *pg_throwaway_find_bindir(void);

#endif
