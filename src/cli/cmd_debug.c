/* cli: `parse` and `lex`: dumps used by tests and when debugging the front
 * ends. Diagnostics go to stderr as file:line:col: severity[CODE]: message. */
#include "cli/cli.h"
#include "cli/options.h"
#include "input/decode.h"
#include "parse/parser.h"
#include "util/fsutil.h"
#include "util/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_diags(const DiagList *d, const SourceFile *f, int from)
{
    for (int i = from; i < d->v.n; i++) {
        const Diag *x = &d->v.items[i];
        SrcPos p = src_pos(f, x->span.off);
        fprintf(stderr, "%s:%d:%d: [%s]: %s\n", f->name, p.line, p.col, x->code,
                x->message ? x->message : "");
    }
}

static int dump(int argc, char **argv, int tokens)
{
    const char *syn = tokens ? "sqlshift lex -s SOURCE FILE...|-" : "sqlshift parse -s SOURCE FILE...|-";
    CliArgs a;
    int rc = cli_parse(argc, argv, CMD_PARSE, syn, &a);
    if (rc >= 0)
        return rc;
    if (a.source < 0 || a.ninputs == 0) {
        fprintf(stderr, "sqlshift: -s SOURCE and at least one input are required\n");
        cli_usage(stderr, CMD_PARSE, syn);
        return EXIT_USAGE;
    }
    int status = EXIT_DONE;
    PathList paths = {0, 0, NULL, 0};
    char *err = NULL;
    for (int i = 0; i < a.ninputs; i++)
        if (fs_collect_inputs(a.inputs[i], &paths, &err) != 0) {
            fprintf(stderr, "sqlshift: %s\n", err);
            free(err);
            err = NULL;
            status = EXIT_INPUT;
        }
    StrBuf out;
    sb_init(&out);
    for (int i = 0; i < paths.n; i++) {
        Arena run, sa;
        arena_init(&run, 0);
        arena_init(&sa, 0);
        DiagList d;
        diag_init(&d, &run);
        SourceFile f;
        memset(&f, 0, sizeof f);
        if (input_read(paths.items[i], &f, &d, &err) != 0) {
            fprintf(stderr, "sqlshift: %s\n", err);
            free(err);
            err = NULL;
            status = EXIT_INPUT;
            arena_free(&run);
            arena_free(&sa);
            continue;
        }
        if (tokens) {
            LexCtx lx;
            lex_init(&lx, (Dialect)a.source, &f, &d);
            Token t;
            do {
                lex_next(&lx, &t);
                SrcPos p = src_pos(&f, t.off);
                sb_printf(&out, "%d:%d %s", p.line, p.col, tok_kind_name(t.kind));
                if (t.kw)
                    sb_printf(&out, " kw=%s", kw_name(t.kw));
                sb_printf(&out, " '%.*s'\n", (int)(t.len > 60 ? 60 : t.len), f.text + t.off);
                fwrite(out.s, 1, out.len, stdout);
                sb_reset(&out);
            } while (t.kind != TK_EOF);
        } else {
            Parser p;
            ps_init(&p, (Dialect)a.source, &f, &sa, &d);
            Stmt st;
            while (ps_next(&p, &st)) {
                if (!st.node)
                    break;
                ast_dump(&out, st.node, &f, 0);
                fwrite(out.s, 1, out.len, stdout);
                sb_reset(&out);
                arena_free(&sa);
                arena_init(&sa, 0);
                p.arena = &sa;
            }
            ps_free(&p);
        }
        print_diags(&d, &f, 0);
        src_free(&f);
        arena_free(&sa);
        arena_free(&run);
    }
    sb_free(&out);
    fs_pathlist_free(&paths);
    return status;
}

int cmd_parse(int argc, char **argv) { return dump(argc, argv, 0); }
int cmd_lex(int argc, char **argv) { return dump(argc, argv, 1); }
