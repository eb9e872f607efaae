/* cli: command table and per-command entry points. */
#ifndef SQLSHIFT_CLI_H
#define SQLSHIFT_CLI_H

/* Exit statuses (documented in sqlshift(1)). */
enum {
    EXIT_DONE = 0,        /* finished; no action item at or above --fail-on */
    EXIT_ITEMS = 1,       /* action items at or above --fail-on */
    EXIT_USAGE = 2,       /* bad command line */
    EXIT_INPUT = 3,       /* an input could not be read */
    EXIT_INTERNAL = 4,    /* internal error (e.g. a rule file failed to load, output not writable) */
    EXIT_CONNECT = 5,     /* a live server could not be used: unreachable, login refused, unknown
                           * database, TLS failure, timeout, connection lost, unsupported version */
    EXIT_APPLY = 6        /* apply/validate: the target rejected at least one object */
};

int cli_main(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_assess(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_lex(int argc, char **argv);
int cmd_apply(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_extract(int argc, char **argv);
/* extract --from into output (folder, FILE.sql or NULL for stdout); used by
 * extract and by convert/assess --from. Returns an exit status. */
struct CliArgs;
int cli_extract_to(const struct CliArgs *a, const char *output);

#endif
