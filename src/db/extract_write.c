/* db: the extraction sink. Readers hand over one object at a time; its text
 * goes straight to a part file in a temporary folder next to the output and
 * only the metadata stays in memory. At the end the objects are ordered
 * (kind, then dependencies within a kind, then schema and name: the order
 * the server listed them in never matters, so two extracts of the same
 * database are byte-identical) and the result is renamed into place: a
 * folder of NNNN_<kind>_<schema>.<name>.sql files plus manifest.tsv, or one
 * script. Nothing is left behind on failure. */
#include "db/extract.h"
#include "util/arena.h"
#include "util/fsutil.h"
#include "util/strbuf.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define MANIFEST "manifest.tsv"
#define MANIFEST_HEAD "# sqlshift extract manifest"

typedef struct Obj {
    ExtractKind kind;
    const char *schema, *name, *key; /* key: "schema.name" */
    const char **deps;
    int ndeps;
    const char *note;
    long seq;       /* arrival order: names the part file */
    int done;       /* placed in the output order */
} Obj;

typedef struct PatList {
    pcre2_code **re;
    int n;
} PatList;

struct ExtractSink {
    Arena arena;
    char *final;      /* output path, NULL for stdout */
    int as_dir;
    char *tmpdir;     /* folder of the part files (and, as_dir, the result) */
    char *tmpfile;    /* FILE output: the script before its rename */
    PatList schemas, include, exclude;
    Obj *objs;
    long n, cap, total;
    long unread;  /* objects listed but not readable */
    int progress;
    const char *engine;
};

static int sink_err(DbError *err, DbErrKind kind, const char *fmt, ...)
{
    va_list ap;
    memset(err, 0, sizeof *err);
    err->kind = kind;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- patterns ---------------------------------------------------------- */

static int compile_all(PatList *l, const char *const *pats, int n, const char *opt, DbError *err)
{
    l->n = 0;
    l->re = calloc((size_t)n + 1, sizeof *l->re);
    if (!l->re)
        abort();
    for (int i = 0; i < n; i++) {
        int ec;
        PCRE2_SIZE off;
        /* anchored at both ends: "film" selects film, not film_text */
        pcre2_code *re = pcre2_compile((PCRE2_SPTR)pats[i], PCRE2_ZERO_TERMINATED,
                                       PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_UTF, &ec, &off, NULL);
        if (!re) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(ec, msg, sizeof msg);
            return sink_err(err, DBE_URL, "--%s '%s': bad pattern at offset %zu: %s", opt, pats[i], (size_t)off,
                            (const char *)msg);
        }
        l->re[l->n++] = re;
    }
    return 0;
}

static void free_pats(PatList *l)
{
    for (int i = 0; i < l->n; i++)
        pcre2_code_free(l->re[i]);
    free(l->re);
    l->re = NULL;
    l->n = 0;
}

static int any_match(const PatList *l, const char *s)
{
    for (int i = 0; i < l->n; i++) {
        pcre2_match_data *md = pcre2_match_data_create_from_pattern(l->re[i], NULL);
        int rc = pcre2_match(l->re[i], (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
        pcre2_match_data_free(md);
        if (rc >= 0)
            return 1;
    }
    return 0;
}

int extract_sink_has_schema_patterns(const ExtractSink *s)
{
    return s->schemas.n > 0;
}

int extract_sink_selects_schema(const ExtractSink *s, const char *schema)
{
    return s->schemas.n == 0 || any_match(&s->schemas, schema);
}

int extract_sink_selects(const ExtractSink *s, const char *schema, const char *name)
{
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "%s.%s", schema ? schema : "", name);
    int in = s->include.n == 0 || any_match(&s->include, b.s) || any_match(&s->include, name);
    int ex = s->exclude.n > 0 && (any_match(&s->exclude, b.s) || any_match(&s->exclude, name));
    sb_free(&b);
    return in && !ex;
}

/* ---- files ------------------------------------------------------------- */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

/* Removes a folder this sink created, with everything in it. */
static void rm_tree(const char *dir)
{
    if (dir)
        nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static char *part_path(const ExtractSink *s, long seq)
{
    char *p;
    if (asprintf(&p, "%s/.part-%08ld", s->tmpdir, seq) < 0)
        abort();
    return p;
}

static int ends_with_sql(const char *p)
{
    size_t n = strlen(p);
    return n > 4 && !strcasecmp(p + n - 4, ".sql");
}

/* An existing output folder may be replaced when it is empty or holds an
 * earlier extract; anything else could be the user's own files. */
static int replaceable_dir(const char *dir)
{
    char *m;
    if (asprintf(&m, "%s/" MANIFEST, dir) < 0)
        abort();
    FILE *f = fopen(m, "r");
    free(m);
    if (f) {
        char line[64] = "";
        int ok = fgets(line, sizeof line, f) && !strncmp(line, MANIFEST_HEAD, strlen(MANIFEST_HEAD));
        fclose(f);
        return ok;
    }
    DIR *d = opendir(dir);
    if (!d)
        return errno == ENOENT;
    int empty = 1;
    for (struct dirent *e; empty && (e = readdir(d));)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            empty = 0;
    closedir(d);
    return empty;
}

int extract_sink_open(const ExtractSinkOpts *o, ExtractSink **out, DbError *err)
{
    *out = NULL;
    memset(err, 0, sizeof *err);
    ExtractSink *s = calloc(1, sizeof *s);
    if (!s)
        abort();
    arena_init(&s->arena, 0);
    s->progress = o->progress;
    s->engine = o->engine ? o->engine : "";
    const ExtractFilter *f = o->filter;
    static const ExtractFilter none = {0};
    if (!f)
        f = &none;
    if (compile_all(&s->schemas, f->schemas, f->nschemas, "schema", err) ||
        compile_all(&s->include, f->include, f->ninclude, "include", err) ||
        compile_all(&s->exclude, f->exclude, f->nexclude, "exclude", err))
        goto fail;
    long pid = (long)getpid();
    if (!o->output || !strcmp(o->output, "-")) {
        const char *td = getenv("TMPDIR");
        if (asprintf(&s->tmpdir, "%s/sqlshift-extract.XXXXXX", td && *td ? td : "/tmp") < 0)
            abort();
        if (!mkdtemp(s->tmpdir)) {
            sink_err(err, DBE_INTERNAL, "%s: cannot create a temporary folder: %s", s->tmpdir, strerror(errno));
            free(s->tmpdir);
            s->tmpdir = NULL;
            goto fail;
        }
        *out = s;
        return 0;
    }
    s->final = strdup(o->output);
    size_t n = strlen(s->final);
    while (n > 1 && s->final[n - 1] == '/')
        s->final[--n] = 0;
    struct stat st;
    int exists = stat(s->final, &st) == 0;
    s->as_dir = exists ? S_ISDIR(st.st_mode) : !ends_with_sql(s->final);
    if (s->as_dir && exists && !replaceable_dir(s->final)) {
        sink_err(err, DBE_URL, "%s: the folder exists and is not an earlier extract (no %s): not replaced",
                 s->final, MANIFEST);
        goto fail;
    }
    char *slash = strrchr(s->final, '/');
    if (slash && slash != s->final) { /* the parent folders, as convert -o does */
        *slash = 0;
        int mk = fs_mkdirs(s->final);
        *slash = '/';
        if (mk != 0) {
            sink_err(err, DBE_INTERNAL, "%s: cannot create its folder: %s", s->final, strerror(errno));
            goto fail;
        }
    }
    int special = !s->as_dir && fs_is_special(s->final);
    if (special) {
        /* the parts of a script for /dev/null or a FIFO: in $TMPDIR */
        const char *td = getenv("TMPDIR");
        if (asprintf(&s->tmpdir, "%s/sqlshift-extract.XXXXXX", td && *td ? td : "/tmp") < 0)
            abort();
    } else if (asprintf(&s->tmpdir, s->as_dir ? "%s.tmp.%ld" : "%s.tmp.%ld.d", s->final, pid) < 0) {
        abort();
    }
    if (special ? mkdtemp(s->tmpdir) == NULL : mkdir(s->tmpdir, 0777) != 0) {
        sink_err(err, DBE_INTERNAL, "%s: cannot create: %s", s->tmpdir, strerror(errno));
        free(s->tmpdir);
        s->tmpdir = NULL;
        goto fail;
    }
    /* a device (/dev/null) is written in place: a rename would replace it */
    if (!s->as_dir && !special &&
        asprintf(&s->tmpfile, "%s.tmp.%ld", s->final, pid) < 0)
        abort();
    *out = s;
    return 0;
fail:
    extract_sink_close(s, 0, &(DbError){0});
    return -1;
}

long extract_sink_count(const ExtractSink *s)
{
    return s->n;
}

void extract_sink_total(ExtractSink *s, long total)
{
    s->total = total;
}

static void show_progress(ExtractSink *s, int last)
{
    if (!s->progress)
        return;
    if (s->progress == 1) { /* a terminal: one line, rewritten */
        if (last || s->n % 10 == 0) {
            if (s->total > 0)
                fprintf(stderr, "\rextract: %ld/%ld objects", s->n, s->total);
            else
                fprintf(stderr, "\rextract: %ld objects", s->n);
            if (last)
                fputc('\n', stderr);
            fflush(stderr);
        }
    } else if (last || s->n % 100 == 0) {
        if (s->total > 0)
            fprintf(stderr, "extract: %ld/%ld objects\n", s->n, s->total);
        else
            fprintf(stderr, "extract: %ld objects\n", s->n);
    }
}

int extract_sink_put(ExtractSink *s, const ExtractObject *o, DbError *err)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->objs = realloc(s->objs, (size_t)s->cap * sizeof *s->objs);
        if (!s->objs)
            abort();
    }
    Obj *b = &s->objs[s->n];
    memset(b, 0, sizeof *b);
    b->kind = o->kind;
    b->schema = arena_strdup(&s->arena, o->schema ? o->schema : "");
    b->name = arena_strdup(&s->arena, o->name);
    b->key = arena_printf(&s->arena, "%s.%s", b->schema, b->name);
    b->note = o->note ? arena_strdup(&s->arena, o->note) : NULL;
    b->seq = s->n;
    if (o->ndeps > 0) {
        b->deps = arena_alloc(&s->arena, sizeof(char *) * (size_t)o->ndeps);
        for (int i = 0; i < o->ndeps; i++)
            b->deps[i] = arena_strdup(&s->arena, o->deps[i]);
        b->ndeps = o->ndeps;
    }
    if (!o->ddl) { /* listed, not readable: only the manifest has it */
        b->seq = -1;
        s->n++;
        s->unread++;
        show_progress(s, 0);
        return 0;
    }
    char *p = part_path(s, b->seq);
    FILE *f = fopen(p, "wb");
    size_t len = strlen(o->ddl);
    int ok = f && fwrite(o->ddl, 1, len, f) == len;
    if (f && fclose(f) != 0)
        ok = 0;
    if (!ok) {
        sink_err(err, DBE_INTERNAL, "%s: cannot write: %s", p, strerror(errno));
        free(p);
        return -1;
    }
    free(p);
    s->n++;
    show_progress(s, 0);
    return 0;
}

/* ---- order --------------------------------------------------------------- */

static int obj_cmp(const Obj *a, const Obj *b)
{
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    int c = strcmp(a->schema, b->schema);
    return c ? c : strcmp(a->name, b->name);
}

static int obj_qcmp(const void *a, const void *b)
{
    return obj_cmp(a, b);
}

/* Index of the object of the same kind named key among objs[lo..hi), or -1
 * (objs sorted by kind, schema, name). */
static long find_key(const Obj *objs, long lo, long hi, const char *key)
{
    for (long i = lo; i < hi; i++)
        if (!strcmp(objs[i].key, key))
            return i;
    return -1;
}

/* Orders one kind's objects [lo, hi): an object comes after those of its
 * dependencies that are of the same kind; among the objects whose
 * dependencies are placed, the smallest (schema, name) first; a cycle is
 * broken at its smallest member. O(n^2) per kind: fine for catalogues of
 * thousands of views. */
static void order_kind(Obj *objs, long lo, long hi, long *order, long *k)
{
    long n = hi - lo;
    /* deps resolved to indexes once */
    long **dep = calloc((size_t)n + 1, sizeof *dep);
    if (!dep)
        abort();
    for (long i = 0; i < n; i++) {
        Obj *o = &objs[lo + i];
        if (o->ndeps == 0)
            continue;
        dep[i] = calloc((size_t)o->ndeps + 1, sizeof **dep);
        if (!dep[i])
            abort();
        for (int d = 0; d < o->ndeps; d++)
            dep[i][d] = strcmp(o->deps[d], o->key) ? find_key(objs, lo, hi, o->deps[d]) : -1;
    }
    for (long placed = 0; placed < n; placed++) {
        long pick = -1;
        for (long i = 0; i < n && pick < 0; i++) {
            Obj *o = &objs[lo + i];
            if (o->done)
                continue;
            int ready = 1;
            for (int d = 0; d < o->ndeps && ready; d++)
                if (dep[i][d] >= 0 && !objs[dep[i][d]].done)
                    ready = 0;
            if (ready)
                pick = i;
        }
        if (pick < 0) /* a cycle: the smallest remaining object */
            for (long i = 0; i < n && pick < 0; i++)
                if (!objs[lo + i].done)
                    pick = i;
        objs[lo + pick].done = 1;
        order[(*k)++] = lo + pick;
    }
    for (long i = 0; i < n; i++)
        free(dep[i]);
    free(dep);
}

static const char *kind_word(ExtractKind k)
{
    switch (k) {
    case EX_SCHEMA: return "schema";
    case EX_TYPE: return "type";
    case EX_SEQUENCE: return "sequence";
    case EX_TABLE: return "table";
    case EX_INDEX: return "index";
    case EX_FOREIGN_KEY: return "foreign_key";
    case EX_VIEW: return "view";
    case EX_FUNCTION: return "function";
    case EX_PROCEDURE: return "procedure";
    case EX_TRIGGER: return "trigger";
    case EX_EVENT: return "event";
    case EX_SYNONYM: return "synonym";
    case EX_PROPERTY: return "property";
    }
    return "object";
}

/* The file-name rules of `convert --split` (docs/CONTRACTS.md). */
static void file_part(StrBuf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '$' || c == '-'))
            c = '_';
        sb_putc(b, (char)c);
    }
}

/* TSV field: tab, newline, carriage return and backslash escaped. */
static void tsv(StrBuf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '\t': sb_puts(b, "\\t"); break;
        case '\n': sb_puts(b, "\\n"); break;
        case '\r': sb_puts(b, "\\r"); break;
        case '\\': sb_puts(b, "\\\\"); break;
        default: sb_putc(b, *s);
        }
    }
}

static int copy_into(FILE *out, const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return -1;
    char buf[65536];
    size_t r;
    int rc = 0;
    while ((r = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, r, out) != r) {
            rc = -1;
            break;
        }
    if (ferror(in))
        rc = -1;
    fclose(in);
    return rc;
}

static int commit(ExtractSink *s, DbError *err)
{
    show_progress(s, 1);
    if (s->n)
        qsort(s->objs, (size_t)s->n, sizeof *s->objs, obj_qcmp);
    long *order = malloc(sizeof(long) * (size_t)(s->n + 1)), k = 0;
    if (!order)
        abort();
    for (long lo = 0; lo < s->n;) {
        long hi = lo;
        while (hi < s->n && s->objs[hi].kind == s->objs[lo].kind)
            hi++;
        order_kind(s->objs, lo, hi, order, &k);
        lo = hi;
    }
    int width = 4; /* as --split; wider only past 9999 objects, so names still sort */
    for (long m = 10000; s->n >= m; m *= 10)
        width++;
    StrBuf man, name;
    sb_init(&man);
    sb_init(&name);
    sb_printf(&man, MANIFEST_HEAD " (source: %s). Objects in the order to create them.\n", s->engine);
    sb_puts(&man, "# DEFINER clauses are removed from the scripts; the original definer is in the note column.\n");
    sb_puts(&man, "# Objects the server listed but did not show come last, position \"-\", with the reason.\n");
    sb_puts(&man, "position\tkind\tschema\tname\tfile\tdependencies\tnote\n");
    int rc = 0;
    FILE *one = NULL;
    if (!s->as_dir) {
        const char *to = s->tmpfile ? s->tmpfile : s->final;
        one = to ? fopen(to, "wb") : stdout;
        if (!one)
            rc = sink_err(err, DBE_INTERNAL, "%s: cannot write: %s", to, strerror(errno));
    }
    long pos = 0;
    for (long i = 0; i < k && rc == 0; i++) {
        const Obj *o = &s->objs[order[i]];
        if (o->seq < 0)
            continue; /* listed at the end of the manifest */
        pos++;
        sb_reset(&name);
        sb_printf(&name, "%0*ld_", width, pos);
        sb_puts(&name, kind_word(o->kind));
        sb_putc(&name, '_');
        if (o->schema[0]) {
            file_part(&name, o->schema);
            sb_putc(&name, '.');
        }
        file_part(&name, o->name);
        if (name.len > 120)
            name.len = 120, name.s[120] = 0;
        sb_puts(&name, ".sql");
        char *part = part_path(s, o->seq);
        if (s->as_dir) {
            char *dst;
            if (asprintf(&dst, "%s/%s", s->tmpdir, name.s) < 0)
                abort();
            if (rename(part, dst) != 0)
                rc = sink_err(err, DBE_INTERNAL, "%s: cannot rename: %s", dst, strerror(errno));
            free(dst);
        } else if (copy_into(one, part) != 0)
            rc = sink_err(err, DBE_INTERNAL, "%s: cannot write: %s", s->tmpfile ? s->tmpfile : "standard output",
                          strerror(errno));
        free(part);
        sb_printf(&man, "%ld\t%s\t", pos, kind_word(o->kind));
        tsv(&man, o->schema);
        sb_putc(&man, '\t');
        tsv(&man, o->name);
        sb_putc(&man, '\t');
        tsv(&man, s->as_dir ? name.s : "");
        sb_putc(&man, '\t');
        for (int d = 0; d < o->ndeps; d++) {
            if (d)
                sb_putc(&man, ',');
            tsv(&man, o->deps[d]);
        }
        sb_putc(&man, '\t');
        tsv(&man, o->note);
        sb_putc(&man, '\n');
    }
    for (long i = 0; i < k; i++) {
        const Obj *o = &s->objs[order[i]];
        if (o->seq >= 0)
            continue;
        sb_printf(&man, "-\t%s\t", kind_word(o->kind));
        tsv(&man, o->schema);
        sb_putc(&man, '\t');
        tsv(&man, o->name);
        sb_puts(&man, "\t\t\tnot extracted: ");
        tsv(&man, o->note);
        sb_putc(&man, '\n');
    }
    free(order);
    sb_free(&name);
    if (one && one != stdout) {
        if (fclose(one) != 0 && rc == 0)
            rc = sink_err(err, DBE_INTERNAL, "%s: cannot write: %s", s->tmpfile, strerror(errno));
    } else if (one == stdout && fflush(stdout) != 0 && rc == 0)
        rc = sink_err(err, DBE_INTERNAL, "standard output: %s", strerror(errno));
    if (rc == 0 && s->as_dir) {
        char *mp;
        if (asprintf(&mp, "%s/" MANIFEST, s->tmpdir) < 0)
            abort();
        FILE *mf = fopen(mp, "wb");
        if (!mf || fwrite(man.s, 1, man.len, mf) != man.len)
            rc = sink_err(err, DBE_INTERNAL, "%s: cannot write: %s", mp, strerror(errno));
        if (mf && fclose(mf) != 0 && rc == 0)
            rc = sink_err(err, DBE_INTERNAL, "%s: cannot write: %s", mp, strerror(errno));
        free(mp);
    }
    sb_free(&man);
    if (rc != 0 || !s->final)
        return rc;
    if (s->as_dir) {
        /* an earlier extract is moved aside, the new one renamed in, the old
         * one removed: at every moment one complete extract is in place */
        char *old = NULL;
        struct stat st;
        if (stat(s->final, &st) == 0) {
            if (!replaceable_dir(s->final))
                return sink_err(err, DBE_URL, "%s: the folder exists and is not an earlier extract (no %s): not replaced",
                                s->final, MANIFEST);
            if (stat(s->final, &st) == 0) {
                if (asprintf(&old, "%s.old.%ld", s->final, (long)getpid()) < 0)
                    abort();
                if (rename(s->final, old) != 0) {
                    rc = sink_err(err, DBE_INTERNAL, "%s: cannot move aside: %s", s->final, strerror(errno));
                    free(old);
                    return rc;
                }
            }
        }
        if (rename(s->tmpdir, s->final) != 0) {
            rc = sink_err(err, DBE_INTERNAL, "%s: cannot rename into place: %s", s->final, strerror(errno));
            if (old)
                rename(old, s->final);
        } else {
            free(s->tmpdir);
            s->tmpdir = NULL; /* it is the output now */
            if (old)
                rm_tree(old);
        }
        free(old);
        return rc;
    }
    if (!s->tmpfile)
        return 0; /* written in place */
    if (rename(s->tmpfile, s->final) != 0)
        return sink_err(err, DBE_INTERNAL, "%s: cannot rename into place: %s", s->final, strerror(errno));
    free(s->tmpfile);
    s->tmpfile = NULL;
    return 0;
}

int extract_sink_close(ExtractSink *s, int do_commit, DbError *err)
{
    if (!s)
        return 0;
    int rc = do_commit ? commit(s, err) : 0;
    if (s->tmpfile)
        remove(s->tmpfile);
    rm_tree(s->tmpdir);
    free(s->tmpfile);
    free(s->tmpdir);
    free(s->final);
    free(s->objs);
    free_pats(&s->schemas);
    free_pats(&s->include);
    free_pats(&s->exclude);
    arena_free(&s->arena);
    free(s);
    return rc;
}
