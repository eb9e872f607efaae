/* cli: the option table shared by convert and assess. One table drives
 * getopt_long and the --help text, so help and parsing cannot drift apart
 * (tests/man.sh checks the man pages against --help). */
#include "cli/cli.h"
#include "cli/options.h"
#include "diag/diag.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const CliOption opts_all[] = {
    {'s', "source", "DIALECT", "source dialect: tsql, oracle or mysql", CMD_CONVERT | CMD_ASSESS | CMD_PARSE},
    {'t', "target", "DIALECT", "target dialect: postgresql or mysql", CMD_CONVERT | CMD_ASSESS | CMD_VALIDATE},
    {'o', "output", "PATH", "convert: output file (default stdout), or directory with --split; assess: report directory (required); validate: report directory; extract: folder, or one script if it ends in .sql (default stdout)", CMD_CONVERT | CMD_ASSESS | CMD_VALIDATE | CMD_EXTRACT},
    {'S', "split", NULL, "write one file per object into the -o directory, plus install.sql", CMD_CONVERT},
    {'R', "report", "DIR", "also write the assessment (CSV, HTML, JSON) into DIR", CMD_CONVERT},
    {'r', "rules", "FILE", "load a rule file on top of the built-in rules (repeatable; later files win)", CMD_CONVERT | CMD_ASSESS},
    {'F', "fail-on", "SEVERITY", "exit with status 1 if an action item of this severity or higher is found (info, low, medium, high, critical)", CMD_CONVERT | CMD_ASSESS},
    {'K', "keep-case", NULL, "keep mixed-case names as written (quoted) instead of folding them to lower case", CMD_CONVERT | CMD_ASSESS},
    {'q', "quiet", NULL, "print no summary and no action items on stderr, except input and parse errors", CMD_CONVERT | CMD_ASSESS | CMD_APPLY | CMD_VALIDATE},
    {'v', "verbose", NULL, "print every action item on stderr (extract: progress and a summary)", CMD_CONVERT | CMD_ASSESS | CMD_APPLY | CMD_VALIDATE | CMD_EXTRACT},
    {'U', "from", "URL", "read the source objects from a live server (mssql://, mysql://, postgresql://) instead of files", CMD_EXTRACT | CMD_CONVERT | CMD_ASSESS},
    {'T', "to", "URL", "the target server (postgresql:// or mysql://); validate: default a throwaway PostgreSQL", CMD_APPLY | CMD_VALIDATE},
    {'H', "schema", "PATTERN", "extract only schemas matching this PCRE2 pattern (repeatable)", CMD_EXTRACT | CMD_CONVERT | CMD_ASSESS},
    {'I', "include", "PATTERN", "extract only objects whose schema.name or name matches (repeatable)", CMD_EXTRACT | CMD_CONVERT | CMD_ASSESS},
    {'E', "exclude", "PATTERN", "skip objects whose schema.name or name matches (repeatable)", CMD_EXTRACT | CMD_CONVERT | CMD_ASSESS},
    {'P', "password-file", "FILE", "read the password from FILE (one line, or .pgpass format)", CMD_EXTRACT | CMD_CONVERT | CMD_ASSESS | CMD_APPLY | CMD_VALIDATE},
    {'C', "connect-timeout", "SECONDS", "give up connecting after SECONDS (default 10)", CMD_EXTRACT | CMD_CONVERT | CMD_ASSESS | CMD_APPLY | CMD_VALIDATE},
    {'Q', "query-timeout", "SECONDS", "cancel a statement running longer than SECONDS (default: none)", CMD_EXTRACT | CMD_CONVERT | CMD_ASSESS | CMD_APPLY | CMD_VALIDATE},
    {'D', "dry-run", NULL, "apply everything, then roll back (PostgreSQL)", CMD_APPLY},
    {'O', "on-error", "stop|continue", "on a failing object: stop (default), or report it and go on", CMD_APPLY},
    {'A', "allow-existing", NULL, "MySQL: apply into a database that already has tables", CMD_APPLY},
    {'V', "validate", NULL, "apply the output (-o, -t postgresql) to a throwaway PostgreSQL and report what it rejects", CMD_CONVERT},
    {'h', "help", NULL, "show this help", CMD_CONVERT | CMD_ASSESS | CMD_PARSE | CMD_EXTRACT | CMD_APPLY | CMD_VALIDATE},
    {0, NULL, NULL, NULL, 0},
};

void cli_usage(FILE *f, int cmd, const char *synopsis)
{
    fprintf(f, "usage: %s\n\noptions:\n", synopsis);
    for (const CliOption *o = opts_all; o->name; o++) {
        if (!(o->cmds & cmd))
            continue;
        char left[64];
        char sh[8] = "    ";
        if (o->shortopt >= 'a')
            snprintf(sh, sizeof sh, "-%c, ", o->shortopt);
        if (o->arg)
            snprintf(left, sizeof left, "%s--%s %s", sh, o->name, o->arg);
        else
            snprintf(left, sizeof left, "%s--%s", sh, o->name);
        fprintf(f, "  %-26s %s\n", left, o->help);
    }
    if (cmd & (CMD_CONVERT | CMD_ASSESS))
        fprintf(f, "\nexit status: 0 done, 1 action items at or above --fail-on, 2 usage error,\n"
                   "3 an input could not be read, 4 internal error, 5 the --from server could not be used\n"
                   "or (--validate) no throwaway PostgreSQL could be started\n");
    else if (cmd & (CMD_APPLY | CMD_VALIDATE))
        fprintf(f, "\nexit status: 0 done, 2 usage error, 3 an input could not be read, 4 internal error,\n"
                   "5 the server could not be used, 6 the server rejected at least one object\n");
    else if (cmd & CMD_EXTRACT)
        fprintf(f, "\nexit status: 0 done, 2 usage error, 4 internal error (e.g. output not writable),\n"
                   "5 the server could not be used (unreachable, login refused, unknown database, TLS,\n"
                   "timeout, connection lost, unsupported version, no driver in this build)\n");
    else
        fprintf(f, "\nexit status: 0 done, 2 usage error, 3 an input could not be read\n");
}

int cli_parse(int argc, char **argv, int cmd, const char *synopsis, CliArgs *a)
{
    memset(a, 0, sizeof *a);
    a->source = -1;
    a->target = -1;
    a->fail_on = -1;
    struct option lo[40];
    char so[64];
    int n = 0, k = 0;
    for (const CliOption *o = opts_all; o->name; o++) {
        if (!(o->cmds & cmd))
            continue;
        lo[n].name = o->name;
        lo[n].has_arg = o->arg ? required_argument : no_argument;
        lo[n].flag = NULL;
        lo[n].val = o->shortopt;
        n++;
        if (o->shortopt >= 'a' && o->shortopt <= 'z') {
            so[k++] = (char)o->shortopt;
            if (o->arg)
                so[k++] = ':';
        }
    }
    memset(&lo[n], 0, sizeof lo[n]);
    so[k] = 0;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, so, lo, NULL)) != -1) {
        switch (c) {
        case 's':
            a->source = dialect_parse(optarg);
            if (a->source < 0 || a->source == DIALECT_POSTGRES) {
                fprintf(stderr, "sqlshift: unknown source dialect '%s' (tsql, oracle, mysql)\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 't':
            a->target = dialect_parse(optarg);
            if (a->target != DIALECT_POSTGRES && a->target != DIALECT_MYSQL) {
                fprintf(stderr, "sqlshift: unknown target dialect '%s' (postgresql, mysql)\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'o': a->output = optarg; break;
        case 'S': a->split = 1; break;
        case 'R': a->report = optarg; break;
        case 'r':
            if (a->nrules < CLI_MAX_RULES)
                a->rules[a->nrules++] = optarg;
            else {
                fprintf(stderr, "sqlshift: too many --rules files (at most %d)\n", CLI_MAX_RULES);
                return EXIT_USAGE;
            }
            break;
        case 'F':
            a->fail_on = sev_parse(optarg);
            if (a->fail_on < 0) {
                fprintf(stderr, "sqlshift: unknown severity '%s' (info, low, medium, high, critical)\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'K': a->keep_case = 1; break;
        case 'q': a->quiet = 1; break;
        case 'v': a->verbose = 1; break;
        case 'U': a->from = optarg; break;
        case 'T': a->to = optarg; break;
        case 'P': a->password_file = optarg; break;
        case 'C':
        case 'Q': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*optarg == 0 || *end || v < 0 || v > 86400) {
                fprintf(stderr, "sqlshift: --%s wants a number of seconds (0-86400), not '%s'\n",
                        c == 'C' ? "connect-timeout" : "query-timeout", optarg);
                return EXIT_USAGE;
            }
            if (c == 'C')
                a->connect_timeout = (int)v;
            else
                a->query_timeout = (int)v;
            break;
        }
        case 'H':
        case 'I':
        case 'E': {
            const char **arr = c == 'H' ? a->schemas : c == 'I' ? a->include : a->exclude;
            int *cnt = c == 'H' ? &a->nschemas : c == 'I' ? &a->ninclude : &a->nexclude;
            if (*cnt >= CLI_MAX_PATTERNS) {
                fprintf(stderr, "sqlshift: too many patterns (at most %d per option)\n", CLI_MAX_PATTERNS);
                return EXIT_USAGE;
            }
            arr[(*cnt)++] = optarg;
            break;
        }
        case 'D': a->dry_run = 1; break;
        case 'A': a->allow_existing = 1; break;
        case 'V': a->validate = 1; break;
        case 'O':
            if (!strcmp(optarg, "stop"))
                a->on_error_continue = 0;
            else if (!strcmp(optarg, "continue"))
                a->on_error_continue = 1;
            else {
                fprintf(stderr, "sqlshift: --on-error wants stop or continue, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'h': cli_usage(stdout, cmd, synopsis); a->help = 1; return EXIT_DONE;
        default:
            if (optopt >= 'a' && optopt <= 'z')
                fprintf(stderr, "sqlshift: option -%c: unknown or missing its argument\n", optopt);
            else if (optopt)
                fprintf(stderr, "sqlshift: option %s: missing its argument\n", argv[optind - 1]);
            else
                fprintf(stderr, "sqlshift: unknown option '%s'\n", argv[optind - 1]);
            cli_usage(stderr, cmd, synopsis);
            return EXIT_USAGE;
        }
    }
    a->inputs = argv + optind;
    a->ninputs = argc - optind;
    return -1;
}
