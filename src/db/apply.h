/* db: running converted output on a live target (`apply`, `validate`).
 * apply_load reads a --split folder (its install.sql: `\ir FILE` lines for
 * PostgreSQL, `source FILE` for MySQL) or one file, splits it into
 * statements with sqlshift's own lexers (comments, quoted names, E'' strings,
 * dollar quotes, DELIMITER blocks) and groups them per object by the header
 * comments "-- <kind> <name> (<file>:<line>:<col>)" of converted output
 * (docs/CONTRACTS.md), which carry the original source location.
 * apply_run sends them in order: PostgreSQL in one transaction with a
 * savepoint per object; MySQL statement by statement (DDL is not
 * transactional there). */
#ifndef SQLSHIFT_APPLY_H
#define SQLSHIFT_APPLY_H
#include "db/db.h"
#include <stdio.h>

typedef enum ApplyStatus {
    AP_PENDING = 0, /* not applied (an earlier failure stopped the run) */
    AP_APPLIED,
    AP_FAILED,
    AP_EMPTY        /* only comments: an object kept verbatim, nothing to run */
} ApplyStatus;

typedef struct ApplyStmt {
    char *sql;           /* the statement without its terminator */
    const char *file;    /* converted file it comes from (owned by the plan) */
    int line;            /* its first line there */
} ApplyStmt;

typedef struct ApplyObject {
    char *kind;          /* "table", "foreign keys", ...; "" before the first header */
    char *name;          /* "schema.name" as in the header, "" if none */
    char *src_file;      /* original source location from the header; NULL if none */
    int src_line, src_col;
    const char *file;    /* converted file and line of the header (or first statement) */
    int line;
    ApplyStmt *stmts;
    int nstmts, capstmts;
    ApplyStatus status;
    /* when failed: the server's answer and where (converted file:line) */
    char *error;
    char sqlstate[6];
    const char *err_file;
    int err_line;
    /* validate: plpgsql_check errors, one malloc'd line each */
    char **checks;
    int nchecks;
    unsigned *oids;      /* PL/pgSQL functions this object created (validate) */
    int noids;
} ApplyObject;

typedef struct ApplyPlan {
    ApplyObject *objs;
    int n, cap;
    char **files;        /* every converted file read, in order */
    int nfiles;
    int nstmts;
} ApplyPlan;

typedef struct ApplyOpts {
    int on_error_continue;
    int dry_run;         /* PostgreSQL: roll back at the end */
    int allow_existing;  /* MySQL: accept a database that already has tables */
    int plpgsql_check;   /* validate: check every PL/pgSQL function (PostgreSQL) */
    int verbose;         /* progress on stderr */
} ApplyOpts;

typedef struct ApplyResult {
    int applied, failed, pending, empty;
    int check_errors;    /* plpgsql_check errors found */
    int checked;         /* functions checked (-1: plpgsql_check not available) */
    int committed;       /* 1 when the work was committed */
} ApplyResult;

/* Loads path (a folder with install.sql, or a file). target: DB_POSTGRES or
 * DB_MYSQL (decides the lexer and the include syntax). 0, or -1 with *err
 * (malloc'd, "file:line: cause"). */
int apply_load(const char *path, DbEngine target, ApplyPlan *plan, char **err);
void apply_plan_free(ApplyPlan *plan);

/* Runs the plan. Returns 0 when it ran to its end (objects may have failed:
 * see res and each object's status), or -1 when the server could not be used
 * any more (connection lost, a refused non-empty MySQL database): *fatal set. */
int apply_run(const DbDriver *d, DbConn *c, ApplyPlan *plan, const ApplyOpts *o,
              ApplyResult *res, DbError *fatal);

/* Per-object lines and a closing count, for people. */
void apply_print_summary(FILE *f, const ApplyPlan *plan, const ApplyResult *res,
                         const char *server, int only_problems);

#endif
