/* db: validation of converted PostgreSQL output: apply it (continue on
 * errors) to a server, a throwaway one by default, run plpgsql_check on the
 * PL/pgSQL functions it created, and keep what was rejected, per object. */
#ifndef SQLSHIFT_VALIDATE_H
#define SQLSHIFT_VALIDATE_H
#include "db/apply.h"

typedef enum ValidateStatus { VAL_OK = 0, VAL_INPUT, VAL_SERVER } ValidateStatus;

typedef struct Validation {
    ApplyPlan plan;
    ApplyResult res;
    char server[64];   /* "PostgreSQL 15.4" */
} Validation;

/* Validates path (file or --split folder). to: a postgresql URL, or NULL for
 * a throwaway server (the work on a given server is rolled back). Returns
 * VAL_OK, or VAL_INPUT / VAL_SERVER with *err set (malloc'd, one line
 * "<server>: <cause>" or "<file>: <cause>"). validation_free afterwards. */
ValidateStatus validate_output(const char *path, const char *to, const DbOpts *dbo, int verbose,
                               Validation *v, char **err);
/* The same for n inputs, v[n]: one server, each input in a database of its
 * own (on a --to server, each in its own transaction, rolled back). */
ValidateStatus validate_outputs(char *const *paths, int n, const char *to, const DbOpts *dbo,
                                int verbose, Validation *v, char **err);
void validation_free(Validation *v);

/* What validation found, per original source object: objects sharing one
 * source location (a table, its foreign keys, its indexes) are one object.
 * For each location, in plan order, fn is called once with code NULL and the
 * report column value (e.g. "accepted on PostgreSQL 15.4", "rejected on
 * PostgreSQL 15.4", "not applied", "kept verbatim, not applied"), then once
 * per finding with its action code (SS8001 rejected, SS8003 rejected for a
 * missing object, SS8004 plpgsql_check error) and message. o is the first
 * plan object of that location (its src_file is NULL for statements outside
 * any object). */
typedef void (*ValidationFn)(void *ctx, const ApplyObject *o, const char *code, const char *text);
void validation_each(const Validation *v, ValidationFn fn, void *ctx);

#endif
