/* cli: the command table, top-level --help and --version. */
#include "config.h"
#include "cli/cli.h"
#include <stdio.h>
#include <string.h>

typedef struct Command {
    const char *name;
    int (*fn)(int, char **);
    const char *summary;
} Command;

static const Command commands[] = {
    {"convert", cmd_convert, "convert scripts to PostgreSQL or MySQL"},
    {"assess", cmd_assess, "write the assessment report (CSV, HTML, JSON)"},
    {"apply", cmd_apply, "run converted output on a PostgreSQL or MySQL server"},
    {"validate", cmd_validate, "check converted output on a throwaway PostgreSQL, as action items"},
    {"extract", cmd_extract, "read the objects of a live server into scripts"},
    {"rules", cmd_rules, "list, show and check rules and action codes"},
    {"parse", cmd_parse, "dump the syntax tree of a script (debugging, tests)"},
    {"lex", cmd_lex, "dump the tokens of a script (debugging, tests)"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: sqlshift COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
    for (unsigned i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nsqlshift COMMAND --help shows the options of a command.\n"
               "  -h, --help     show this help\n"
               "  -V, --version  show the version\n");
}

int cli_main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return EXIT_DONE;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
        printf("sqlshift %s\n", PACKAGE_VERSION);
        return EXIT_DONE;
    }
    for (unsigned i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "sqlshift: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
