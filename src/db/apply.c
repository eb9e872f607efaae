/* db: loading converted output into statements grouped per object
 * (apply.h). The statement boundaries come from sqlshift's lexers, so a ';'
 * inside a string, a quoted name, a comment or a $tag$ body never splits;
 * header comments are only recognised between statements. */
#include "db/apply.h"
#include "diag/diag.h"
#include "input/decode.h"
#include "lex/lexer.h"
#include "util/arena.h"
#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_INCLUDE_DEPTH 16

static char *xstrndup(const char *s, size_t n)
{
    char *p = strndup(s, n);
    if (!p)
        abort();
    return p;
}

/* ---- loading ------------------------------------------------------------ */

typedef struct Loader {
    ApplyPlan *plan;
    DbEngine target;
    int cur;          /* object receiving statements, -1: start a headerless one */
    char **err;
} Loader;

static ApplyObject *new_object(Loader *l)
{
    ApplyPlan *p = l->plan;
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->objs = realloc(p->objs, sizeof *p->objs * (size_t)p->cap);
        if (!p->objs)
            abort();
    }
    ApplyObject *o = &p->objs[p->n];
    memset(o, 0, sizeof *o);
    l->cur = p->n++;
    return o;
}

/* The kinds of converted output's headers (pipeline.c), multi-word ones
 * first: the rest of the header is the name. Another kind is one word. */
static const char *const header_kinds[] = {
    "foreign keys", "package body", "type body", "materialized view", "alter table", "bulk load",
    "identity insert", "control flow", NULL,
};
/* "-- <kind> <name> (<file>:<line>:<col>)": fills o and returns 1. */
static int parse_header(const char *s, size_t n, ApplyObject *o)
{
    if (n < 4 || memcmp(s, "-- ", 3) != 0 || s[n - 1] != ')')
        return 0;
    s += 3, n -= 3;
    /* the location, read from the right: file names may hold ':' and ' (' */
    size_t close = n - 1, i = close;
    while (i > 0 && isdigit((unsigned char)s[i - 1]))
        i--;
    if (i == close || i == 0 || s[i - 1] != ':')
        return 0;
    int col = atoi(s + i);
    size_t j = i - 1;
    while (j > 0 && isdigit((unsigned char)s[j - 1]))
        j--;
    if (j == i - 1 || j == 0 || s[j - 1] != ':')
        return 0;
    int line = atoi(s + j);
    size_t fend = j - 1, k = fend;
    /* the file starts after the last " (" before it */
    while (k >= 2 && !(s[k - 1] == '(' && s[k - 2] == ' '))
        k--;
    if (k < 2 || k == fend)
        return 0;
    size_t pre = k - 2; /* "<kind> <name>" */
    const char *kind = NULL;
    for (const char *const *kk = header_kinds; *kk; kk++) {
        size_t kl = strlen(*kk);
        if (pre >= kl && !strncmp(s, *kk, kl) && (pre == kl || s[kl] == ' ')) {
            kind = *kk;
            break;
        }
    }
    size_t kl = kind ? strlen(kind) : 0;
    if (!kind) {
        while (kl < pre && s[kl] != ' ')
            kl++;
        if (!kl)
            return 0;
        kind = s;
    }
    o->kind = xstrndup(kind, kl);
    o->name = pre > kl ? xstrndup(s + kl + 1, pre - kl - 1) : xstrndup("", 0);
    o->src_file = xstrndup(s + k, fend - k);
    o->src_line = line;
    o->src_col = col;
    return 1;
}

/* Header comments in the text between two statements start new objects. */
static void scan_gap(Loader *l, const SourceFile *f, const char *fname, uint32_t from, uint32_t to)
{
    uint32_t p = from;
    while (p < to) {
        uint32_t e = p;
        while (e < to && f->text[e] != '\n')
            e++;
        size_t n = e - p;
        if (n && f->text[p + n - 1] == '\r')
            n--;
        int line_start = p == 0 || f->text[p - 1] == '\n';
        ApplyObject tmp;
        memset(&tmp, 0, sizeof tmp);
        if (line_start && parse_header(f->text + p, n, &tmp)) {
            ApplyObject *o = new_object(l);
            *o = tmp;
            o->file = fname;
            o->line = src_pos(f, p).line;
        }
        p = e + 1;
    }
}

static void add_stmt(Loader *l, const SourceFile *f, const char *fname, uint32_t off, uint32_t end)
{
    while (end > off && isspace((unsigned char)f->text[end - 1]))
        end--;
    if (end <= off)
        return;
    ApplyObject *o;
    if (l->cur < 0) {
        o = new_object(l);
        o->kind = xstrndup("", 0);
        o->name = xstrndup("", 0);
        o->file = fname;
        o->line = src_pos(f, off).line;
    } else
        o = &l->plan->objs[l->cur];
    if (o->nstmts == o->capstmts) {
        o->capstmts = o->capstmts ? o->capstmts * 2 : 4;
        o->stmts = realloc(o->stmts, sizeof *o->stmts * (size_t)o->capstmts);
        if (!o->stmts)
            abort();
    }
    ApplyStmt *s = &o->stmts[o->nstmts++];
    s->sql = xstrndup(f->text + off, end - off);
    s->file = fname;
    s->line = src_pos(f, off).line;
    l->plan->nstmts++;
}

static int load_file(Loader *l, const char *path, int depth);

/* An include line's file name: the rest of the line, quotes and a trailing
 * ';' removed; relative to the including file's folder. */
static int include(Loader *l, const char *from, int line, const char *arg, size_t n, int depth)
{
    while (n && isspace((unsigned char)*arg))
        arg++, n--;
    while (n && (isspace((unsigned char)arg[n - 1]) || arg[n - 1] == ';'))
        n--;
    if (n >= 2 && (arg[0] == '\'' || arg[0] == '"') && arg[n - 1] == arg[0])
        arg++, n -= 2;
    if (!n) {
        if (asprintf(l->err, "%s:%d: include without a file name", from, line) < 0)
            *l->err = NULL;
        return -1;
    }
    char *name = xstrndup(arg, n);
    char *path;
    if (name[0] == '/') {
        path = name;
    } else {
        char *dcopy = strdup(from);
        if (!dcopy || asprintf(&path, "%s/%s", dirname(dcopy), name) < 0)
            abort();
        free(dcopy);
        free(name);
    }
    if (depth >= MAX_INCLUDE_DEPTH) {
        if (asprintf(l->err, "%s:%d: includes nested too deeply", from, line) < 0)
            *l->err = NULL;
        free(path);
        return -1;
    }
    int rc = load_file(l, path, depth + 1);
    free(path);
    return rc;
}

static int load_file(Loader *l, const char *path, int depth)
{
    Arena arena;
    arena_init(&arena, 16 * 1024);
    DiagList diags;
    diag_init(&diags, &arena);
    SourceFile f;
    memset(&f, 0, sizeof f);
    char *e = NULL;
    if (input_read(path, &f, &diags, &e) != 0) {
        *l->err = e;
        arena_free(&arena);
        return -1;
    }
    ApplyPlan *p = l->plan;
    p->files = realloc(p->files, sizeof *p->files * (size_t)(p->nfiles + 1));
    if (!p->files)
        abort();
    const char *fname = p->files[p->nfiles++] = xstrndup(path, strlen(path));
    /* statements before the first header of a file belong to no object of
     * an earlier file */
    l->cur = -1;
    int pg = l->target == DB_POSTGRES;
    LexCtx cx;
    lex_init(&cx, pg ? DIALECT_POSTGRES : DIALECT_MYSQL, &f, &diags);
    uint32_t prev_end = 0;
    int in_stmt = 0;
    uint32_t st_off = 0, st_end = 0;
    int rc = 0;
    for (;;) {
        Token t;
        lex_next(&cx, &t);
        if (!in_stmt)
            scan_gap(l, &f, fname, prev_end, t.kind == TK_EOF ? (uint32_t)f.len : t.off);
        if (t.kind == TK_EOF) {
            if (in_stmt)
                add_stmt(l, &f, fname, st_off, st_end);
            break;
        }
        const char *tx = f.text + t.off;
        int line_start = t.off == 0 || (t.flags & TF_LINE_START);
        /* client commands: psql's \ir / \i (others ignored with a note),
         * the mysql client's source / \. */
        int meta = !in_stmt && line_start &&
                   (tx[0] == '\\' ||
                    (!pg && t.kind == TK_IDENT && t.len == 6 && !strncasecmp(tx, "source", 6)));
        if (meta) {
            uint32_t eol = t.off;
            while (eol < f.len && f.text[eol] != '\n')
                eol++;
            int line = src_pos(&f, t.off).line;
            const char *arg = NULL;
            size_t alen = 0;
            size_t n = eol - t.off;
            if (pg && (n > 3 && (!strncmp(tx, "\\ir", 3) || !strncmp(tx, "\\i ", 3)) && isspace((unsigned char)tx[tx[2] == 'r' ? 3 : 2]))) {
                size_t k = tx[2] == 'r' ? 3 : 2;
                arg = tx + k, alen = n - k;
            } else if (!pg && tx[0] == '\\' && n > 2 && tx[1] == '.') {
                arg = tx + 2, alen = n - 2;
            } else if (!pg && tx[0] != '\\') {
                arg = tx + 6, alen = n - 6;
            }
            if (arg) {
                int keep = l->cur;
                if (include(l, fname, line, arg, alen, depth) != 0) {
                    rc = -1;
                    break;
                }
                l->cur = keep;
            } else {
                fprintf(stderr, "sqlshift: %s:%d: client command ignored: %.*s\n", fname, line,
                        (int)(n > 60 ? 60 : n), tx);
            }
            cx.cur = eol;
            prev_end = eol;
            continue;
        }
        int term = pg ? t.kind == TK_SEMI : t.kind == TK_DELIM;
        if (term) {
            if (in_stmt)
                add_stmt(l, &f, fname, st_off, st_end);
            in_stmt = 0;
        } else if (t.kind == TK_DELIMITER_CMD) {
            /* the mysql client's own command: statements are sent one by one */
        } else {
            if (!in_stmt)
                st_off = t.off, in_stmt = 1;
            st_end = t.off + t.len;
        }
        prev_end = t.off + t.len;
    }
    src_free(&f);
    arena_free(&arena);
    return rc;
}

int apply_load(const char *path, DbEngine target, ApplyPlan *plan, char **err)
{
    memset(plan, 0, sizeof *plan);
    *err = NULL;
    struct stat st;
    if (stat(path, &st) != 0) {
        if (asprintf(err, "%s: %s", path, strerror(errno)) < 0)
            *err = NULL;
        return -1;
    }
    Loader l = {plan, target, -1, err};
    if (S_ISDIR(st.st_mode)) {
        char *inst;
        if (asprintf(&inst, "%s/install.sql", path) < 0)
            abort();
        if (access(inst, R_OK) != 0) {
            if (asprintf(err, "%s: not a folder written by convert --split (no install.sql)", path) < 0)
                *err = NULL;
            free(inst);
            return -1;
        }
        int rc = load_file(&l, inst, 0);
        free(inst);
        return rc;
    }
    return load_file(&l, path, 0);
}

void apply_plan_free(ApplyPlan *plan)
{
    for (int i = 0; i < plan->n; i++) {
        ApplyObject *o = &plan->objs[i];
        for (int j = 0; j < o->nstmts; j++)
            free(o->stmts[j].sql);
        free(o->stmts);
        free(o->kind);
        free(o->name);
        free(o->src_file);
        free(o->error);
        for (int j = 0; j < o->nchecks; j++)
            free(o->checks[j]);
        free(o->checks);
        free(o->oids);
    }
    free(plan->objs);
    for (int i = 0; i < plan->nfiles; i++)
        free(plan->files[i]);
    free(plan->files);
    memset(plan, 0, sizeof *plan);
}
