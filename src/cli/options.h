/* cli: shared option table and parsed arguments of the commands. */
#ifndef SQLSHIFT_OPTIONS_H
#define SQLSHIFT_OPTIONS_H
#include "dialect/dialect.h"
#include <stdio.h>

enum { CMD_CONVERT = 1, CMD_ASSESS = 2, CMD_PARSE = 4, CMD_EXTRACT = 8, CMD_APPLY = 16, CMD_VALIDATE = 32 };
#define CLI_MAX_RULES 32
#define CLI_MAX_PATTERNS 64

typedef struct CliOption {
    int shortopt;        /* letter, or a code >= 'A' <= 'Z' for long-only options */
    const char *name;    /* long name */
    const char *arg;     /* argument name, NULL for flags */
    const char *help;
    int cmds;            /* CMD_* where the option exists */
} CliOption;

typedef struct CliArgs {
    int source, target;  /* Dialect or -1 */
    const char *output, *report;
    int split, keep_case, quiet, verbose, help;
    int fail_on;
    const char *rules[CLI_MAX_RULES];
    int nrules;
    char **inputs;
    int ninputs;
    /* live databases (extract, apply, validate; convert/assess --from) */
    const char *from, *to, *password_file;
    int connect_timeout, query_timeout; /* seconds, 0 = default */
    const char *schemas[CLI_MAX_PATTERNS], *include[CLI_MAX_PATTERNS], *exclude[CLI_MAX_PATTERNS];
    int nschemas, ninclude, nexclude;
    int dry_run, allow_existing, validate;
    int on_error_continue; /* --on-error continue (default stop) */
} CliArgs;

/* Returns -1 to go on, or an exit status (help printed, usage error). */
int cli_parse(int argc, char **argv, int cmd, const char *synopsis, CliArgs *a);
void cli_usage(FILE *f, int cmd, const char *synopsis);

#endif
