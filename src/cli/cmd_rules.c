/* cli: `sqlshift rules` - lists and shows the action-item catalogue, lists
 * the type and function rules of a source/target pair, and checks rule
 * files (sqlshift-rules(1)). Reads rules only through rewrite/rules.h. */
#include "cli/cli.h"
#include "diag/diag.h"
#include "rewrite/rules.h"
#include "rewrite/xf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_main[] =
    "usage: sqlshift rules list [-s SRC -t TGT] [--types | --functions] [-r FILE]...\n"
    "       sqlshift rules show [-s SRC -t TGT] [-r FILE]... CODE\n"
    "       sqlshift rules check [-s SRC -t TGT] FILE...\n"
    "\n"
    "subcommands:\n"
    "  list   one line per action code: code, severity, category, effort, title\n"
    "         (tab separated, sorted by code); with --types or --functions the\n"
    "         type or function rules of a pair instead\n"
    "  show   every field of one action code\n"
    "  check  validate rule files against the schema and load them\n"
    "\n"
    "sqlshift rules SUBCOMMAND --help shows the options of a subcommand.\n";

static const char usage_list[] =
    "usage: sqlshift rules list [-s SRC -t TGT] [--types | --functions] [-r FILE]...\n"
    "\n"
    "Lists the action-item catalogue, one line per code: code, severity,\n"
    "category, effort in minutes and title, separated by tabs, sorted by code.\n"
    "\n"
    "options:\n"
    "  -s, --source SRC   source dialect: tsql, oracle, mysql (or an alias)\n"
    "  -t, --target TGT   target dialect: postgresql, mysql (or an alias)\n"
    "      --types        list the type rules of the pair instead (needs -s and -t):\n"
    "                     name, conditions, target, item, file:line\n"
    "      --functions    list the function rules of the pair instead (needs -s and\n"
    "                     -t): name, argument counts, template, item, file:line\n"
    "  -r, --rules FILE   load a rule file on top of the built-in rules of the pair\n"
    "                     (repeatable; needs -s and -t)\n"
    "  -h, --help         show this help\n";

static const char usage_show[] =
    "usage: sqlshift rules show [-s SRC -t TGT] [-r FILE]... CODE\n"
    "\n"
    "Shows every field of one action code: severity, category, effort, title\n"
    "and recommendation.\n"
    "\n"
    "options:\n"
    "  -s, --source SRC   source dialect: tsql, oracle, mysql (or an alias)\n"
    "  -t, --target TGT   target dialect: postgresql, mysql (or an alias)\n"
    "  -r, --rules FILE   load a rule file on top of the built-in rules of the pair\n"
    "                     (repeatable; needs -s and -t)\n"
    "  -h, --help         show this help\n";

static const char usage_check[] =
    "usage: sqlshift rules check [-s SRC -t TGT] FILE...\n"
    "\n"
    "Validates each rule file against the schema and loads it (patterns,\n"
    "template slots, action codes; with -s and -t the templates are also\n"
    "parsed as target SQL); prints FILE: ok, or FILE:LINE: message for each\n"
    "problem. Exit status 0 if all files are valid, 3 if a file cannot be\n"
    "read, 4 if a file is invalid.\n"
    "\n"
    "options:\n"
    "  -s, --source SRC   check the files as layers on the rules of this pair\n"
    "  -t, --target TGT   (both needed; then the files' source and target must fit)\n"
    "  -h, --help         show this help\n";

enum { OPT_TYPES = 256, OPT_FUNCTIONS };

static const struct option long_opts[] = {
    {"source", required_argument, NULL, 's'},
    {"target", required_argument, NULL, 't'},
    {"types", no_argument, NULL, OPT_TYPES},
    {"functions", no_argument, NULL, OPT_FUNCTIONS},
    {"rules", required_argument, NULL, 'r'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* What the subcommands' options gave. */
typedef struct RulesOpts {
    int source, target;      /* Dialect, or -1 if not given */
    int types, functions;    /* list --types / --functions */
    const char **rules;      /* --rules files, in order (malloc'd array) */
    int nrules;
    int help;
} RulesOpts;

/* Parses options of a subcommand; argv[0] is the subcommand. `allowed`
 * holds the option characters that subcommand accepts (T types, F
 * functions, R rules). Returns 0, or EXIT_USAGE after a message. */
static int parse_opts(int argc, char **argv, const char *allowed, const char *usage,
                      RulesOpts *o)
{
    memset(o, 0, sizeof *o);
    o->source = o->target = -1;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":s:t:r:h", long_opts, NULL)) != -1) {
        switch (c) {
        case 's':
        case 't': {
            int d = dialect_parse(optarg);
            int ok = c == 's' ? (d == DIALECT_TSQL || d == DIALECT_ORACLE || d == DIALECT_MYSQL)
                              : (d == DIALECT_POSTGRES || d == DIALECT_MYSQL);
            if (!ok) {
                fprintf(stderr, "sqlshift rules: unknown %s dialect '%s'\n",
                        c == 's' ? "source" : "target", optarg);
                return EXIT_USAGE;
            }
            if (c == 's')
                o->source = d;
            else
                o->target = d;
            break;
        }
        case OPT_TYPES:
        case OPT_FUNCTIONS:
        case 'r':
            if (!strchr(allowed, c == OPT_TYPES ? 'T' : c == OPT_FUNCTIONS ? 'F' : 'R')) {
                fprintf(stderr, "sqlshift rules %s: option '%s' is not accepted here\n%s",
                        argv[0], argv[optind - 1], usage);
                return EXIT_USAGE;
            }
            if (c == OPT_TYPES)
                o->types = 1;
            else if (c == OPT_FUNCTIONS)
                o->functions = 1;
            else {
                const char **n = realloc(o->rules, sizeof *n * (size_t)(o->nrules + 1));
                if (!n) {
                    fputs("sqlshift rules: out of memory\n", stderr);
                    return EXIT_INTERNAL;
                }
                o->rules = n;
                o->rules[o->nrules++] = optarg;
            }
            break;
        case 'h':
            o->help = 1;
            break;
        case ':':
            fprintf(stderr, "sqlshift rules %s: option '%s' needs an argument\n%s", argv[0],
                    argv[optind - 1], usage);
            return EXIT_USAGE;
        default:
            fprintf(stderr, "sqlshift rules %s: unknown option '%s'\n%s", argv[0],
                    argv[optind - 1], usage);
            return EXIT_USAGE;
        }
    }
    if ((o->source < 0) != (o->target < 0)) {
        fprintf(stderr, "sqlshift rules %s: -s and -t go together\n%s", argv[0], usage);
        return EXIT_USAGE;
    }
    /* A rule file is loaded as a conversion would load it, which needs the
     * pair its source and target attributes are checked against. */
    if (o->nrules && o->source < 0) {
        fprintf(stderr, "sqlshift rules %s: -r needs -s and -t\n%s", argv[0], usage);
        return EXIT_USAGE;
    }
    return 0;
}

/* Loads the built-in rules of the pair (any pair when none was given: the
 * catalogue is the same for all) and the --rules layers. */
static int load(const RulesOpts *o, RuleSet *rs)
{
    Dialect s = o->source >= 0 ? (Dialect)o->source : DIALECT_TSQL;
    Dialect t = o->target >= 0 ? (Dialect)o->target : DIALECT_POSTGRES;
    char *err = NULL;
    if (rules_init(rs, s, t, &err) != 0) {
        fprintf(stderr, "sqlshift rules: %s\n", err ? err : "cannot load the built-in rules");
        free(err);
        return EXIT_INTERNAL;
    }
    for (int i = 0; i < o->nrules; i++) {
        int rc = rules_load_file(rs, o->rules[i], &err);
        if (rc != 0) {
            fprintf(stderr, "%s\n", err ? err : o->rules[i]);
            free(err);
            rules_free(rs);
            return rc == -2 ? EXIT_INPUT : EXIT_INTERNAL;
        }
    }
    rules_expand(rs); /* the listings go through every rule */
    return 0;
}

static int cmp_action(const void *a, const void *b)
{
    return strcmp((*(const ActionDef *const *)a)->code, (*(const ActionDef *const *)b)->code);
}

static void print_actions(const RuleSet *rs)
{
    int n = rs->actions.n;
    const ActionDef **v = malloc(sizeof *v * (size_t)(n ? n : 1));
    if (!v)
        return;
    for (int i = 0; i < n; i++)
        v[i] = &rs->actions.items[i];
    qsort(v, (size_t)n, sizeof *v, cmp_action);
    for (int i = 0; i < n; i++)
        printf("%s\t%s\t%s\t%d\t%s\n", v[i]->code, sev_name(v[i]->sev), v[i]->category,
               v[i]->effort_min, v[i]->title);
    free(v);
}

/* Rules are listed in lookup order: the latest layer first, then file order. */
static void print_types(const RuleSet *rs)
{
    for (int layer = rs->nlayers - 1; layer >= 0; layer--)
        for (int i = 0; i < rs->types.n; i++) {
            const TypeRule *r = &rs->types.items[i];
            if (r->layer != layer)
                continue;
            char cond[160];
            int o = 0;
            cond[0] = 0;
#define ADD(...) o += snprintf(cond + o, sizeof cond - (size_t)o, __VA_ARGS__)
            if (r->nargs >= 0)
                ADD("%sargs=%d", o ? " " : "", r->nargs);
            if (r->max)
                ADD("%smax", o ? " " : "");
            if (r->pmin >= 0)
                ADD("%sp>=%d", o ? " " : "", r->pmin);
            if (r->pmax >= 0)
                ADD("%sp<=%d", o ? " " : "", r->pmax);
            if (r->scale != -1)
                ADD("%sscale=%d", o ? " " : "", r->scale);
            if (r->is_unsigned >= 0)
                ADD("%s%s", o ? " " : "", r->is_unsigned ? "unsigned" : "signed");
#undef ADD
            printf("%s\t%s\t%s\t%s\t%s:%d\n", r->name, o ? cond : "-", r->to ? r->to : "-",
                   r->item ? r->item : "-", r->file, r->line);
        }
}

static void print_funcs(const RuleSet *rs)
{
    for (int layer = rs->nlayers - 1; layer >= 0; layer--)
        for (int i = 0; i < rs->funcs.n; i++) {
            const FuncRule *r = &rs->funcs.items[i];
            if (r->layer != layer)
                continue;
            char args[32];
            if (r->min_args == r->max_args)
                snprintf(args, sizeof args, "%d", r->min_args);
            else if (r->max_args < 0)
                snprintf(args, sizeof args, "%d-", r->min_args);
            else
                snprintf(args, sizeof args, "%d-%d", r->min_args, r->max_args);
            const char *to = !r->to ? "-" : r->to[0] ? r->to : "(C transform)";
            printf("%s\t%s\t%s\t%s\t%s:%d\n", r->name, args, to, r->item ? r->item : "-",
                   r->file, r->line);
        }
}

static int cmd_list(int argc, char **argv)
{
    RulesOpts o;
    int rc = parse_opts(argc, argv, "TFR", usage_list, &o);
    if (rc == 0 && o.help) {
        fputs(usage_list, stdout);
    } else if (rc == 0 && optind < argc) {
        fprintf(stderr, "sqlshift rules list: unexpected argument '%s'\n%s", argv[optind],
                usage_list);
        rc = EXIT_USAGE;
    } else if (rc == 0 && (o.types || o.functions) && o.source < 0) {
        fprintf(stderr, "sqlshift rules list: --types and --functions need -s and -t\n%s",
                usage_list);
        rc = EXIT_USAGE;
    } else if (rc == 0 && o.types && o.functions) {
        fprintf(stderr, "sqlshift rules list: give --types or --functions, not both\n%s",
                usage_list);
        rc = EXIT_USAGE;
    } else if (rc == 0) {
        RuleSet rs;
        rc = load(&o, &rs);
        if (rc == 0) {
            if (o.types)
                print_types(&rs);
            else if (o.functions)
                print_funcs(&rs);
            else
                print_actions(&rs);
            rules_free(&rs);
        }
    }
    free(o.rules);
    return rc;
}

/* Prints text after a label, wrapped at 79 columns with continuation lines
 * indented like the first. */
static void print_wrapped(const char *label, const char *text)
{
    const int indent = 16, width = 79;
    printf("%-*s", indent, label);
    int col = indent;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        int n = (int)(p - w);
        if (n == 0)
            break;
        if (col > indent && col + 1 + n > width) {
            printf("\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            putchar(' ');
            col++;
        }
        printf("%.*s", n, w);
        col += n;
    }
    putchar('\n');
}

static int cmd_show(int argc, char **argv)
{
    RulesOpts o;
    int rc = parse_opts(argc, argv, "R", usage_show, &o);
    if (rc == 0 && o.help) {
        fputs(usage_show, stdout);
    } else if (rc == 0 && optind != argc - 1) {
        fprintf(stderr, "sqlshift rules show: give exactly one action code\n%s", usage_show);
        rc = EXIT_USAGE;
    } else if (rc == 0) {
        RuleSet rs;
        rc = load(&o, &rs);
        if (rc == 0) {
            const ActionDef *a = rules_action(&rs, argv[optind]);
            if (!a) {
                fprintf(stderr, "sqlshift rules show: unknown action code '%s'"
                                " (sqlshift rules list shows them all)\n", argv[optind]);
                rc = EXIT_USAGE;
            } else {
                char effort[32];
                snprintf(effort, sizeof effort, "%d minute%s", a->effort_min,
                         a->effort_min == 1 ? "" : "s");
                print_wrapped("code:", a->code);
                print_wrapped("severity:", sev_name(a->sev));
                print_wrapped("category:", a->category);
                print_wrapped("effort:", effort);
                print_wrapped("title:", a->title);
                print_wrapped("recommendation:", a->recommendation);
            }
            rules_free(&rs);
        }
    }
    free(o.rules);
    return rc;
}

static int cmd_check(int argc, char **argv)
{
    RulesOpts o;
    int rc = parse_opts(argc, argv, "", usage_check, &o);
    if (rc == 0 && o.help) {
        fputs(usage_check, stdout);
    } else if (rc == 0 && optind >= argc) {
        fprintf(stderr, "sqlshift rules check: no rule file given\n%s", usage_check);
        rc = EXIT_USAGE;
    } else if (rc == 0) {
        int unreadable = 0, invalid = 0;
        for (int i = optind; i < argc; i++) {
            char *err = NULL;
            int r;
            if (o.source >= 0) {
                /* As a layer on the pair's rules: source/target and
                 * overrides are checked as a conversion would. */
                RuleSet rs;
                if (rules_init(&rs, (Dialect)o.source, (Dialect)o.target, &err) != 0) {
                    fprintf(stderr, "sqlshift rules: %s\n", err ? err : "cannot load rules");
                    free(err);
                    free(o.rules);
                    return EXIT_INTERNAL;
                }
                r = rules_load_file(&rs, argv[i], &err);
                /* Templates are parsed with the target's parser, as a
                 * conversion does before it starts. */
                if (r == 0 && rw_prepare_templates(&rs, (Dialect)o.target, &err) != 0)
                    r = -1;
                rules_free(&rs);
            } else {
                r = rules_check_file(argv[i], &err);
            }
            if (r == 0) {
                printf("%s: ok\n", argv[i]);
            } else {
                fprintf(stderr, "%s\n", err ? err : argv[i]);
                if (r == -2)
                    unreadable++;
                else
                    invalid++;
            }
            free(err);
        }
        rc = invalid ? EXIT_INTERNAL : unreadable ? EXIT_INPUT : EXIT_DONE;
    }
    free(o.rules);
    return rc;
}

int cmd_rules(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_main, stderr);
        return EXIT_USAGE;
    }
    const char *sub = argv[1];
    if (!strcmp(sub, "--help") || !strcmp(sub, "-h") || !strcmp(sub, "help")) {
        fputs(usage_main, stdout);
        return EXIT_DONE;
    }
    if (!strcmp(sub, "list"))
        return cmd_list(argc - 1, argv + 1);
    if (!strcmp(sub, "show"))
        return cmd_show(argc - 1, argv + 1);
    if (!strcmp(sub, "check"))
        return cmd_check(argc - 1, argv + 1);
    fprintf(stderr, "sqlshift rules: unknown subcommand '%s'\n%s", sub, usage_main);
    return EXIT_USAGE;
}
