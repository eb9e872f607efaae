/* pipeline: a whole run (see pipeline.h). Statements stream through the
 * stages one at a time with a per-statement arena; what outlives a statement
 * (objects, findings, output units, the catalogue) lives in run storage. */
#include "config.h"
#include "pipeline/pipeline.h"
#include "pipeline/objnames.h"
#include "cli/cli.h"
#include "emit/emit.h"
#include "input/decode.h"
#include "parse/parser.h"
#include "report/assessment.h"
#include "rewrite/rewrite.h"
#include "util/fsutil.h"
#include "util/intern.h"
#include "util/mapguard.h"
#include "util/spool.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Units are read back mostly in the order they were written, and most
 * are small: when the spool is a file, one read of a window serves many of
 * them (it was one pread per unit, 5000 system calls for the T-SQL
 * corpus). */
#define SPOOL_READ_MIN (16 * 1024)
/* The spools stay in memory up to these sizes (see util/spool.h): every
 * schema script of the corpus, a few MB of output, never touches a file;
 * a 100 MB data script spills. */
#define UNITS_MEM_MAX (16u << 20)
/* records reserved per run (see pipeline_run) */
#define RUN_RESERVE (64 * 1024)
/* see write_single */
#define OUT_PIECE (64 * 1024)
#define TEXTS_MEM_MAX (4u << 20)

/* A unit of output. Its text lives in the run's spool (a temporary file
 * once it is large), so converted SQL does not stay in memory while a large
 * input is processed; only these small records do. */
typedef struct Unit {
    int phase;          /* Phase */
    int object;         /* index into objects */
    int seq;            /* emission order, for stable sorting */
    int view_rank;      /* dependency rank within PH_VIEW */
    const char *kind, *schema, *name;
    long off;           /* text: offset in the spool */
    size_t len;         /* and length */
} Unit;

/* Where the texts of a finding are in the findings' spool: its message,
 * recommendation and snippet follow each other from off, each with its
 * NUL, those that are spooled only (the ItemRec field is NULL until
 * map_item_texts). */
typedef struct ItemText {
    long off;
    uint32_t msg_len, hint_len;
} ItemText;

typedef struct Run {
    const PipelineOpts *o;
    Arena arena;                    /* run storage: names, messages */
    Interner strings;               /* objects' schemas and names (in arena) */
    DiagList diags;
    RuleSet rules;
    Catalog catalog;
    VEC(SourceFile *) files;
    VEC(ObjectRec) objects;         /* malloc'd (HVEC): grows to one per statement */
    VEC(SrcSpan) object_spans;
    VEC(Unit) units;
    VEC(ItemRec) items;             /* findings as report records, collected per statement */
    VEC(ItemText) item_text;        /* per item: where its texts are in texts_spool;
                                       parallel to items until build_items */
    Arena diag_arena;               /* the findings of the statement at hand (reset per statement) */
    Spool spool;                    /* unit texts */
    Spool texts;                    /* findings' texts (see spool_item_text) */
    const char *texts_map;          /* all of texts, for reading */
    const char *default_schema;     /* see ConvCtx.default_schema */
    ObjNames names;                 /* kept-verbatim objects, index names */
    NameCache *spellings;           /* ConvCtx.names of every statement */
    StrBuf scratch[3];              /* ConvCtx.scratch of every statement */
    StrBuf lead_buf;                /* unit_sink's leading comments, reused */
    int needs_postgis;              /* a converted column is geometry/geography */
    const char *lead;               /* comments to put before the next unit */
    size_t lead_len;
    int input_failed;
    struct {                        /* the last codes looked up: see action_of */
        char code[8];
        const ActionDef *ad;
    } actions[64];
} Run;

/* ---- objects ---- */

static const char *routine_kind(int rk)
{
    static const char *const k[] = {"procedure", "function", "trigger", "package", "package body",
                                    "type body", "event", "block"};
    return k[rk];
}

static const char *other_kind(int w)
{
    static const char *const k[] = {"grant", "database", "database", "user", "exec", "bulk load",
                                    "identity insert", "print", "control flow", "other",
                                    "statistics", "data", "maintenance"};
    return k[w];
}

/* Kind, schema and name of a statement for the object table; NULL kind
 * means "no object" (pure separators: GO, DELIMITER, '/'). */
static const char *stmt_kind(const Node *n, const QName **name, Arena *a, const char **single)
{
    *name = NULL;
    *single = NULL;
    switch (n->kind) {
    case N_CREATE_TABLE: *name = &((const CreateTable *)n)->name; return "table";
    case N_CREATE_VIEW: *name = &((const CreateView *)n)->name;
        return ((const CreateView *)n)->materialized ? "materialized view" : "view";
    case N_CREATE_INDEX: {
        const CreateIndex *c = (const CreateIndex *)n;
        if (c->name.text)
            *single = c->name.text;
        *name = &c->table;
        return "index";
    }
    case N_CREATE_SEQUENCE: *name = &((const CreateSequence *)n)->name; return "sequence";
    case N_CREATE_SYNONYM: *name = &((const CreateSynonym *)n)->name; return "synonym";
    case N_CREATE_SCHEMA: *single = ((const CreateSchema *)n)->name.text; return "schema";
    case N_CREATE_TYPE: *name = &((const CreateType *)n)->name; return "type";
    case N_COMMENT: *name = &((const CommentStmt *)n)->obj; return "comment";
    case N_ALTER_TABLE: *name = &((const AlterTable *)n)->name; return "alter table";
    case N_DROP: {
        const DropStmt *d = (const DropStmt *)n;
        if (d->names.n && d->names.items[0]->kind == N_NAME)
            *name = &((const NameRef *)d->names.items[0])->name;
        return "drop";
    }
    case N_ROUTINE: *name = &((const RoutineStmt *)n)->name; return routine_kind(((const RoutineStmt *)n)->rkind);
    case N_INSERT: *name = &((const InsertStmt *)n)->table; return "data";
    case N_UPDATE: case N_DELETE: return "data";
    case N_SELECT: case N_SETOP: case N_WITH: case N_VALUES: return "query";
    case N_SESSION: return "session";
    case N_SCRIPT_CMD: {
        int c = ((const ScriptCmd *)n)->cmd;
        if (c == SC_GO || c == SC_DELIMITER)
            return NULL;
        return "script";
    }
    case N_OTHER_STMT: *name = &((const OtherStmt *)n)->name; return other_kind(((const OtherStmt *)n)->what);
    case N_RAW:
        if (((const RawNode *)n)->obj_kind) { /* a CREATE that failed after its name */
            *name = &((const RawNode *)n)->obj_name;
            return ((const RawNode *)n)->obj_kind;
        }
        return "unparsed";
    default: (void)a; return "statement";
    }
}

/* Start and end of a span. Only the reports show where a span ends, and
 * finding the column of the end of a statement counts the characters of
 * its last line (a whole INSERT of a data script): without a report the
 * end is left equal to the start. */
static void span_pos(const Run *r, const SourceFile *f, SrcSpan s, SrcPos *start, SrcPos *end)
{
    if (r->o->report_dir) {
        src_span_pos(f, s, start, end);
        return;
    }
    *start = src_pos(f, s.off);
    *end = *start;
}

static int add_object(Run *r, const SourceFile *f, const Node *n, SrcSpan span)
{
    const QName *q;
    const char *single;
    const char *kind = stmt_kind(n, &q, &r->arena, &single);
    if (!kind)
        return -1;
    /* SQL*Plus '/' lines are separators too */
    if (n->kind == N_SCRIPT_CMD && span.len == 1 && f->text[span.off] == '/')
        return -1;
    ObjectRec o;
    memset(&o, 0, sizeof o);
    o.kind = kind;
    o.schema = "";
    o.name = "";
    /* interned: the schema repeats, and so does the table of every
     * INSERT, index and comment on it */
    if (single) {
        o.name = intern(&r->strings, single, strlen(single));
    } else if (q && q->n) {
        o.name = intern(&r->strings, q->parts[q->n - 1].text, q->parts[q->n - 1].len);
        if (q->n >= 2)
            o.schema = intern(&r->strings, q->parts[q->n - 2].text, q->parts[q->n - 2].len);
    }
    o.file = f->id;
    SrcSpan s = span;
    span_pos(r, f, s, &o.start, &o.end);
    o.max_sev = -1;
    o.validated = "";
    HVEC_PUSH(r->objects, o);
    HVEC_PUSH(r->object_spans, s);
    return r->objects.n - 1;
}

/* ---- output units ---- */

/* Comments between statements, carried as "--" lines (valid in every target;
 * block comments would not nest the same way everywhere). */
static void lead_comments(StrBuf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && s[e] != '\n')
            e++;
        size_t a = i, z = e;
        while (a < z && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
            a++;
        while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t' || s[z - 1] == '\r'))
            z--;
        /* MySQL version-comment brackets around code are not comments */
        if (z - a >= 3 && s[a] == '/' && s[a + 1] == '*' && s[a + 2] == '!') {
            size_t k = a + 3;
            while (k < z && ((s[k] >= '0' && s[k] <= '9') || s[k] == 'M' || s[k] == '!'))
                k++;
            while (k < z && (s[k] == ' ' || s[k] == '\t'))
                k++;
            a = k;
        }
        if (z - a == 2 && s[a] == '*' && s[a + 1] == '/')
            a = z;
        if (z > a) {
            if (z - a >= 2 && s[a] == '-' && s[a + 1] == '-') {
                sb_putn(b, s + a, z - a);
            } else if (s[a] == '#') {
                sb_puts(b, "--");
                sb_putn(b, s + a + 1, z - a - 1);
            } else {
                sb_puts(b, "-- ");
                sb_putn(b, s + a, z - a);
            }
            sb_putc(b, '\n');
        }
        i = e + 1;
    }
}

/* A spool that cannot be written or read back leaves no way to finish the
 * run (its output is half gone): stop with the reason. */
static void spool_failed(const char *what)
{
    fprintf(stderr, "sqlshift: cannot %s the temporary spool file: %s\n", what, strerror(errno));
    abort();
}

static long unit_put(Run *r, const char *s, size_t n)
{
    long off = spool_put(&r->spool, s, n);
    if (off < 0)
        spool_failed("write");
    return off;
}

/* Strings that already live as long as the run are kept, others copied. */
static const char *run_str(Run *r, const char *s, int object)
{
    if (!s)
        return "";
    if (object >= 0) {
        const ObjectRec *o = &r->objects.items[object];
        if (s == o->kind || s == o->schema || s == o->name)
            return s;
    }
    if (!*s)
        return "";
    if (!strcmp(s, "foreign keys"))
        return "foreign keys";
    if (!strcmp(s, "indexes"))
        return "indexes";
    return arena_strdup(&r->arena, s);
}

static void unit_sink(ConvCtx *cx, int phase, const char *kind, const char *schema,
                      const char *name, const char *sql, size_t len)
{
    Run *r = cx->sink_data;
    Unit u;
    memset(&u, 0, sizeof u);
    u.phase = phase;
    u.object = cx->object;
    u.seq = r->units.n;
    u.kind = run_str(r, kind, u.object);
    u.schema = run_str(r, schema, u.object);
    u.name = run_str(r, name, u.object);
    u.off = (long)r->spool.len;
    if (r->lead_len) {
        StrBuf *b = &r->lead_buf;
        sb_reset(b);
        lead_comments(b, r->lead, r->lead_len);
        r->lead_len = 0;
        unit_put(r, b->s, b->len);
        if (b->cap > 1 << 20) { /* a huge comment block: not kept */
            sb_free(b);
            sb_init(b);
        }
    }
    unit_put(r, sql, len);
    u.len = r->spool.len - (size_t)u.off;
    HVEC_PUSH(r->units, u);
}

/* The u->len bytes of a unit's text, read back from the spool (valid until
 * the next call; not NUL-terminated). */
static const char *unit_text(Run *r, const Unit *u)
{
    /* from a file, read u and the units that follow it in the output order
     * as long as they follow it in the spool too: units are sorted by
     * phase, so a fixed read-ahead would mostly read text not used next
     * (4-6x the output for the corpus) */
    size_t ahead = u->len;
    if (!spool_in_memory(&r->spool)) {
        long end = u->off + (long)u->len;
        const Unit *first = r->units.items, *last = first + r->units.n;
        if (u >= first && u < last)
            for (const Unit *v = u + 1; v < last && v->off == end &&
                                        (size_t)(end + (long)v->len - u->off) <= SPOOL_WINDOW; v++)
                end += (long)v->len;
        if (end - u->off < SPOOL_READ_MIN) /* and a little around it */
            end = u->off + SPOOL_READ_MIN;
        ahead = (size_t)(end - u->off);
    }
    const char *t = spool_get(&r->spool, (size_t)u->off, u->len, ahead);
    if (!t)
        spool_failed("read");
    return t;
}

/* Spatial columns need PostGIS on a PostgreSQL target. */
static int spatial_type(const TypeName *t)
{
    return t && t->target_text &&
           (!strncmp(t->target_text, "geometry", 8) || !strncmp(t->target_text, "geography", 9));
}

static int uses_spatial(const Node *n)
{
    if (n->kind == N_CREATE_TABLE) {
        const CreateTable *t = (const CreateTable *)n;
        for (int i = 0; i < t->columns.n; i++)
            if (spatial_type(((const ColumnDef *)t->columns.items[i])->type))
                return 1;
    } else if (n->kind == N_ALTER_TABLE) {
        const AlterTable *a = (const AlterTable *)n;
        for (int i = 0; i < a->actions.n; i++) {
            const AlterAction *x = (const AlterAction *)a->actions.items[i];
            if (x->def && x->def->kind == N_COLUMN_DEF && spatial_type(((const ColumnDef *)x->def)->type))
                return 1;
        }
    }
    return 0;
}

static void take_items(Run *r, const SourceFile *f);

/* ---- one file ---- */

static void convert_file(Run *r, SourceFile *f)
{
    Arena sa;
    arena_init(&sa, 64 * 1024);
    Parser p;
    ps_init(&p, r->o->source, f, &sa, &r->diags);
    ConvCtx cx;
    memset(&cx, 0, sizeof cx);
    cx.source = r->o->source;
    cx.target = r->o->target;
    cx.rules = &r->rules;
    cx.catalog = &r->catalog;
    cx.src = f;
    cx.arena = &sa;
    cx.diags = &r->diags;
    cx.keep_case = r->o->keep_case;
    cx.default_schema = r->default_schema;
    cx.sink = unit_sink;
    cx.sink_data = r;
    cx.names = r->spellings;
    cx.scratch = r->scratch;
    if (f->len == 0 || f->len == (size_t)f->nlines - 1) {
        SrcSpan s = {(uint32_t)f->id, 0, 0};
        diag_add(&r->diags, "SS0020", s, -1, "input %s is empty", f->name);
    }
    Stmt st;
    int first_stmt = 1;
    for (;;) {
        int first_diag = r->diags.v.n;
        if (!ps_next(&p, &st))
            break;
        if (!st.node) { /* trailing comments */
            StrBuf b;
            sb_init(&b);
            lead_comments(&b, f->text + st.lead.off, st.lead.len);
            if (b.len) {
                cx.object = -1;
                r->lead_len = 0;
                unit_sink(&cx, PH_POST, "", "", "", b.s, b.len);
            }
            sb_free(&b);
            break;
        }
        int obj = add_object(r, f, st.node, st.span);
        for (int i = first_diag; i < r->diags.v.n; i++)
            if (r->diags.v.items[i].object < 0)
                r->diags.v.items[i].object = obj;
        r->lead = f->text + st.lead.off;
        r->lead_len = st.lead.len;
        if (first_stmt && st.lead.len) {
            /* the comments that open a file stay at the top of the output */
            StrBuf hb;
            sb_init(&hb);
            lead_comments(&hb, r->lead, r->lead_len);
            r->lead_len = 0;
            if (hb.len) {
                cx.object = -1;
                unit_sink(&cx, PH_PRE, "", "", "", hb.s, hb.len);
            }
            sb_free(&hb);
        }
        first_stmt = 0;
        /* MySQL: names qualified with the current database are unqualified
         * in the target (the database becomes the target's default schema) */
        if (st.node->kind == N_SESSION && ((SessionStmt *)st.node)->what == SS_USE &&
            r->o->source == DIALECT_MYSQL && ((SessionStmt *)st.node)->name.text) {
            const Ident *db = &((SessionStmt *)st.node)->name;
            r->default_schema = arena_strndup(&r->arena, db->text, db->len);
            cx.default_schema = r->default_schema;
        }
        if (obj >= 0) {
            cx.object = obj;
            cat_add_statement(&r->catalog, st.node, obj);
            Node *n = st.node;
            const char *dep = on_unconverted_dependency(&r->names, n);
            if (dep) {
                /* it would fail on the target: keep it with the object it needs */
                RawNode *raw = NODE_NEW(&sa, RawNode, RAW, n->span);
                raw->code = "SS3033";
                diag_add(&r->diags, "SS3033", n->span, obj,
                         "depends on %s, which was not converted: kept verbatim", dep);
                n = &raw->h;
            } else {
                n = rw_statement(&cx, n);
                if (n->kind == N_RAW && n != st.node)
                    n->span = st.span; /* kept verbatim: all of it */
                on_unique_index_names(&r->names, &cx, n);
                if (r->o->target == DIALECT_POSTGRES && uses_spatial(n))
                    r->needs_postgis = 1;
            }
            const ObjectRec *o = &r->objects.items[obj];
            if (!em_statement(&cx, n, o->kind, o->schema, o->name)) {
                if (st.node->kind == N_RAW)
                    on_mark_unconverted_named(&r->names, o->kind, o->name);
                else if (!(st.node->kind == N_CREATE_TYPE && ((const CreateType *)st.node)->tyk == TYK_ALIAS &&
                           r->o->target == DIALECT_MYSQL))
                    on_mark_unconverted(&r->names, st.node); /* (MySQL: alias types are inlined) */
            }
        } else {
            r->lead_len = 0; /* comments before GO: keep them with the next statement */
            r->lead = NULL;
        }
        take_items(r, f);
        /* the text up to here has been converted and its findings taken */
        src_release_before(f, st.span.off);
        arena_reset(&sa);
    }
    ps_free(&p);
    arena_free(&sa);
}

/* Schemas that converted objects are created in but that the input does not
 * create itself (T-SQL dbo, Oracle owners): created first, IF NOT EXISTS. */
static int creates_in_schema(const char *kind)
{
    static const char *const k[] = {"table", "view", "materialized view", "sequence", "type",
                                    "synonym", NULL};
    for (int i = 0; k[i]; i++)
        if (!strcmp(kind, k[i]))
            return 1;
    return 0;
}

static void add_schema_unit(Run *r)
{
    VEC(const char *) names = {0, 0, NULL};
    VEC(const char *) created = {0, 0, NULL}; /* by the input: listed once, not searched per object */
    for (int i = 0; i < r->objects.n; i++)
        if (!strcmp(r->objects.items[i].kind, "schema"))
            VEC_PUSH(&r->arena, created, r->objects.items[i].name);
    for (int i = 0; i < r->objects.n; i++) {
        const ObjectRec *o = &r->objects.items[i];
        if (!o->schema[0] || !creates_in_schema(o->kind) ||
            (r->default_schema && !strcasecmp(o->schema, r->default_schema)))
            continue;
        int seen = 0;
        for (int k = 0; k < names.n && !seen; k++)
            seen = strcasecmp(names.items[k], o->schema) == 0;
        for (int k = 0; k < created.n && !seen; k++)
            seen = strcasecmp(created.items[k], o->schema) == 0;
        if (!seen)
            VEC_PUSH(&r->arena, names, o->schema);
    }
    if (!names.n && !r->needs_postgis)
        return;
    ConvCtx cx;
    memset(&cx, 0, sizeof cx);
    cx.source = r->o->source;
    cx.target = r->o->target;
    cx.rules = &r->rules;
    cx.arena = &r->arena;
    cx.diags = &r->diags;
    cx.object = -1;
    cx.keep_case = r->o->keep_case;
    cx.names = r->spellings;
    StrBuf b;
    sb_init(&b);
    if (r->needs_postgis)
        sb_puts(&b, "-- geometry/geography columns need PostGIS (see the SS1003 items)\n"
                    "CREATE EXTENSION IF NOT EXISTS postgis;\n");
    if (names.n)
        sb_puts(&b, "-- schemas the converted objects live in (not created by the input)\n");
    for (int k = 0; k < names.n; k++) {
        sb_puts(&b, "CREATE SCHEMA IF NOT EXISTS ");
        nm_put_name(&cx, &b, names.items[k], strlen(names.items[k]));
        sb_puts(&b, ";\n");
    }
    Unit u;
    memset(&u, 0, sizeof u);
    u.phase = PH_PRE;
    u.object = -1;
    u.seq = -1; /* before everything */
    u.kind = "schemas";
    u.schema = "";
    u.name = "";
    u.off = unit_put(r, b.s, b.len);
    u.len = b.len;
    sb_free(&b);
    HVEC_PUSH(r->units, u);
}

/* ---- ordering and writing ---- */

/* Dependency rank of each view object: 1 + the highest rank among the views
 * it reads (tables rank 0). Cycles (invalid input) are cut where met. */
static int view_rank(const Catalog *c, int ti, int *memo, int depth)
{
    if (memo[ti] >= 0)
        return memo[ti];
    if (depth > 200)
        return 0;
    memo[ti] = 0; /* cycle guard */
    const CatTable *t = c->tables.items[ti];
    int best = 0;
    for (int i = 0; i < t->deps.n; i++) {
        const char *dep = t->deps.items[i];
        const char *dot = strrchr(dep, '.');
        const CatTable *d = dot ? cat_find_text(c, arena_strndup((Arena *)&c->arena, dep, (size_t)(dot - dep)), dot + 1)
                                : cat_find_text(c, "", dep);
        if (!d || d == t || d->kind != OK_VIEW)
            continue;
        for (int k = 0; k < c->tables.n; k++)
            if (c->tables.items[k] == d) {
                int rk = view_rank(c, k, memo, depth + 1) + 1;
                if (rk > best)
                    best = rk;
                break;
            }
    }
    memo[ti] = best;
    return best;
}

static void view_ranks(const Catalog *c, int *rank, int nobj)
{
    for (int i = 0; i < nobj; i++)
        rank[i] = 0;
    int n = c->tables.n;
    int *memo = malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (!memo)
        abort();
    for (int i = 0; i < n; i++)
        memo[i] = -1;
    for (int i = 0; i < n; i++) {
        const CatTable *t = c->tables.items[i];
        if (t->kind == OK_VIEW && t->object >= 0 && t->object < nobj)
            rank[t->object] = view_rank(c, i, memo, 0);
    }
    free(memo);
}

static int unit_cmp(const void *a, const void *b)
{
    const Unit *x = a, *y = b;
    if (x->phase != y->phase)
        return x->phase < y->phase ? -1 : 1;
    if (x->view_rank != y->view_rank)
        return x->view_rank < y->view_rank ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Puts the units in output order (unit_cmp). They arrive in emission
 * order, so one stable pass by phase sorts almost all of them; only a
 * phase left out of order (views by dependency rank, the schemas unit made
 * last but printed first) is sorted further. */
static void sort_units(Run *r)
{
    int n = r->units.n, start[PH__COUNT + 1];
    if (n == 0)
        return;
    memset(start, 0, sizeof start);
    for (int i = 0; i < n; i++) {
        int ph = r->units.items[i].phase;
        if (ph < 0 || ph >= PH__COUNT) { /* (never): the general sort */
            qsort(r->units.items, (size_t)n, sizeof(Unit), unit_cmp);
            return;
        }
        start[ph + 1]++;
    }
    for (int p = 0; p < PH__COUNT; p++)
        start[p + 1] += start[p];
    /* where each unit goes, then moved there in place, cycle by cycle: an
     * int per unit, not a second copy of the units (a large input has
     * hundreds of thousands; peak memory is bounded by tests/robustness.sh) */
    Unit *u = r->units.items;
    int *dest = malloc(sizeof(int) * (size_t)n);
    if (!dest)
        abort();
    int pos[PH__COUNT];
    memcpy(pos, start, sizeof pos);
    for (int i = 0; i < n; i++)
        dest[i] = pos[u[i].phase]++;
    for (int i = 0; i < n; i++)
        while (dest[i] != i) {
            int j = dest[i];
            Unit tu = u[i];
            u[i] = u[j];
            u[j] = tu;
            dest[i] = dest[j];
            dest[j] = j;
        }
    free(dest);
    for (int p = 0; p < PH__COUNT; p++)
        for (int i = start[p] + 1; i < start[p + 1]; i++)
            if (unit_cmp(&u[i - 1], &u[i]) > 0) {
                qsort(u + start[p], (size_t)(start[p + 1] - start[p]), sizeof(Unit), unit_cmp);
                break;
            }
}

/* A non-negative int in decimal (unit headers: one per unit, no printf). */
static void put_uint(StrBuf *b, int v)
{
    char d[12];
    int n = sizeof d;
    unsigned u = v < 0 ? 0u : (unsigned)v;
    do
        d[--n] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    sb_putn(b, d + n, sizeof d - (size_t)n);
}

static void put_int(StrBuf *b, int v)
{
    if (v < 0)
        sb_printf(b, "%d", v); /* (not seen: positions count from 1) */
    else
        put_uint(b, v);
}

/* Digits of v (>= 0) written backwards ending at end; returns the first. */
static char *uint_digits(char *end, unsigned v)
{
    do
        *--end = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    return end;
}

/* "-- kind schema.name (file:line:col)\n": one per unit, so the parts are
 * measured first and copied into room made once (a put per part, each
 * testing the room and terminating the text, showed in profiles). */
static void unit_header(Run *r, StrBuf *b, const Unit *u)
{
    if (u->object < 0)
        return;
    const ObjectRec *o = &r->objects.items[u->object];
    const SourceFile *f = r->files.items[o->file];
    const char *kind = u->kind[0] ? u->kind : o->kind;
    int named = u->schema[0] || u->name[0];
    size_t kl = strlen(kind), sl = strlen(u->schema), nl = strlen(u->name), fl = strlen(f->name);
    char nums[24], *ne = nums + sizeof nums;
    char *nb = uint_digits(ne, o->start.col > 0 ? (unsigned)o->start.col : 0u);
    *--nb = ':';
    nb = uint_digits(nb, o->start.line > 0 ? (unsigned)o->start.line : 0u);
    size_t numl = (size_t)(ne - nb);
    size_t total = 3 + kl + (named ? 1 + sl + (sl ? 1 : 0) + nl : 0) + 2 + fl + 1 + numl + 2;
    sb_grow(b, total);
    char *p = b->s + b->len;
    memcpy(p, "-- ", 3);
    p += 3;
    memcpy(p, kind, kl);
    p += kl;
    if (named) {
        *p++ = ' ';
        memcpy(p, u->schema, sl);
        p += sl;
        if (sl)
            *p++ = '.';
        memcpy(p, u->name, nl);
        p += nl;
    }
    memcpy(p, " (", 2);
    p += 2;
    memcpy(p, f->name, fl);
    p += fl;
    *p++ = ':';
    memcpy(p, nb, numl);
    p += numl;
    memcpy(p, ")\n", 2);
    p += 2;
    b->len = (size_t)(p - b->s);
    b->s[b->len] = 0;
}

static int write_single(Run *r, const char *path)
{
    int to_stdout = !path || !strcmp(path, "-");
    FsOut out = {stdout, NULL, path};
    /* written under a temporary name and renamed when complete */
    if (!to_stdout && fs_out_open(&out, path) != 0) {
        fprintf(stderr, "sqlshift: %s: cannot write: %s\n", path, strerror(errno));
        return -1;
    }
    FILE *out_f = out.f;
    int wfail = 0;
    StrBuf b;
    sb_init(&b);
    /* written in pieces of OUT_PIECE bytes: small enough to stay in the
     * cache and not to grow the process (a 1 MB piece cost ~300 page
     * faults), large enough for few system calls */
    sb_grow(&b, 2 * OUT_PIECE);
    sb_printf(&b, "-- sqlshift %s: %s -> %s\n", PACKAGE_VERSION, dialect_name(r->o->source),
              dialect_name(r->o->target));
    for (int i = 0; i < r->files.n; i++)
        sb_printf(&b, "-- input: %s\n", r->files.items[i]->name);
    for (int i = 0; i < r->units.n; i++) {
        const Unit *u = &r->units.items[i];
        sb_putc(&b, '\n');
        unit_header(r, &b, u);
        sb_putn(&b, unit_text(r, u), u->len);
        /* stream: the whole output never sits in memory at once */
        if (b.len > OUT_PIECE) {
            if (fwrite(b.s, 1, b.len, out_f) != b.len)
                wfail = 1;
            sb_reset(&b);
        }
    }
    if (b.len && fwrite(b.s, 1, b.len, out_f) != b.len)
        wfail = 1;
    sb_free(&b);
    if (to_stdout)
        return fflush(stdout) == 0 && !wfail ? 0 : -1;
    int e = errno;
    if (wfail) {
        fs_out_abort(&out);
    } else if (fs_out_commit(&out) != 0) {
        wfail = 1;
        e = errno;
    }
    if (wfail) {
        fprintf(stderr, "sqlshift: %s: cannot write: %s\n", path, strerror(e));
        return -1;
    }
    return 0;
}

static void file_part(StrBuf *b, const char *s)
{
    for (; *s; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '$' || c == '-'))
            c = '_';
        sb_putc(b, c);
    }
}

static int write_split(Run *r, const char *dir)
{
    if (fs_mkdirs(dir) != 0) {
        fprintf(stderr, "sqlshift: %s: cannot create directory: %s\n", dir, strerror(errno));
        return -1;
    }
    StrBuf install, name, body;
    sb_init(&install);
    sb_init(&name);
    sb_init(&body);
    sb_printf(&install, "-- sqlshift %s: %s -> %s: install script, objects in dependency order\n",
              PACKAGE_VERSION, dialect_name(r->o->source), dialect_name(r->o->target));
    int rc = 0;
    for (int i = 0; i < r->units.n && rc == 0; i++) {
        const Unit *u = &r->units.items[i];
        sb_reset(&name);
        sb_printf(&name, "%04d_", i + 1);
        file_part(&name, u->kind[0] ? u->kind : "comments");
        if (u->schema[0] || u->name[0]) {
            sb_putc(&name, '_');
            if (u->schema[0]) {
                file_part(&name, u->schema);
                sb_putc(&name, '.');
            }
            file_part(&name, u->name);
        }
        if (name.len > 120)
            name.len = 120, name.s[120] = 0;
        sb_puts(&name, ".sql");
        sb_reset(&body);
        unit_header(r, &body, u);
        sb_putn(&body, unit_text(r, u), u->len);
        char *path;
        if (asprintf(&path, "%s/%s", dir, name.s) < 0)
            abort();
        if (fs_write_atomic(path, body.s, body.len) != 0) {
            fprintf(stderr, "sqlshift: %s: cannot write: %s\n", path, strerror(errno));
            rc = -1;
        }
        free(path);
        sb_printf(&install, r->o->target == DIALECT_POSTGRES ? "\\ir %s\n" : "source %s\n", name.s);
    }
    if (rc == 0) {
        char *path;
        if (asprintf(&path, "%s/install.sql", dir) < 0)
            abort();
        if (fs_write_atomic(path, install.s, install.len) != 0) {
            fprintf(stderr, "sqlshift: %s: cannot write: %s\n", path, strerror(errno));
            rc = -1;
        }
        free(path);
    }
    sb_free(&install);
    sb_free(&name);
    sb_free(&body);
    return rc;
}

/* ---- assessment ---- */

static char *snippet(Arena *a, const SourceFile *f, SrcSpan s)
{
    size_t n = s.len > 2000 ? 2000 : s.len;
    if (s.off + n > f->len)
        n = f->len > s.off ? f->len - s.off : 0;
    /* do not cut a UTF-8 sequence */
    while (n > 0 && n < s.len && ((unsigned char)f->text[s.off + n] & 0xC0) == 0x80)
        n--;
    char *o = arena_alloc(a, n + 1);
    size_t j = 0;
    for (size_t i = 0; i < n; i++)
        if (f->text[s.off + i] != '\r')
            o[j++] = f->text[s.off + i];
    o[j] = 0;
    return o;
}

/* A finding's texts that live only as long as its statement (message,
 * recommendation, snippet: NULL if not to be spooled) go to the findings'
 * spool, one after the other with their NULs. */
static ItemText spool_item_text(Run *r, const char *msg, const char *hint, const char *snip)
{
    ItemText t = {(long)r->texts.len, 0, 0};
    const char *s[3] = {msg, hint, snip};
    for (int k = 0; k < 3; k++) {
        if (!s[k])
            continue;
        size_t n = strlen(s[k]);
        if (k == 0)
            t.msg_len = (uint32_t)n;
        else if (k == 1)
            t.hint_len = (uint32_t)n;
        if (spool_put(&r->texts, s[k], n + 1) < 0)
            spool_failed("write");
    }
    return t;
}

/* rules_action for a finding's code, remembered: a run records the same
 * few dozen codes over and over, and the catalogue does not change while
 * it runs. */
static const ActionDef *action_of(Run *r, const char *code)
{
    size_t n = strlen(code);
    if (n >= sizeof r->actions[0].code)
        return rules_action(&r->rules, code);
    unsigned h = 0;
    for (size_t i = 0; i < n; i++)
        h = h * 31 + (unsigned char)code[i];
    h &= sizeof r->actions / sizeof r->actions[0] - 1;
    if (r->actions[h].ad && !strcmp(r->actions[h].code, code))
        return r->actions[h].ad;
    const ActionDef *ad = rules_action(&r->rules, code);
    if (ad) {
        memcpy(r->actions[h].code, code, n + 1);
        r->actions[h].ad = ad;
    }
    return ad;
}

static int item_cmp(const void *a, const void *b)
{
    const ItemRec *x = a, *y = b;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->start.line != y->start.line)
        return x->start.line < y->start.line ? -1 : 1;
    if (x->start.col != y->start.col)
        return x->start.col < y->start.col ? -1 : 1;
    return strcmp(x->code, y->code);
}

/* Turns the findings recorded so far into report records while their
 * source text is at hand, then empties the findings list: memory stays
 * proportional to the findings, not to the input. */
static void take_items(Run *r, const SourceFile *f)
{
    for (int i = 0; i < r->diags.v.n; i++) {
        const Diag *d = &r->diags.v.items[i];
        const ActionDef *ad = action_of(r, d->code);
        ItemRec it;
        memset(&it, 0, sizeof it);
        it.code = d->code;
        it.sev = d->sev >= 0 ? d->sev : ad ? ad->sev : SEV_MEDIUM;
        it.category = ad ? ad->category : "other";
        it.object = d->object;
        it.file = (int)d->span.file;
        const SourceFile *sf = (size_t)it.file < (size_t)r->files.n ? r->files.items[it.file] : f;
        span_pos(r, sf, d->span, &it.start, &it.end);
        SrcSpan sn = d->span;
        if (sn.len == 0 && d->object >= 0)
            sn = r->object_spans.items[d->object];
        /* snippets are for the report only */
        const char *snip = r->o->report_dir ? snippet(&r->diag_arena, sf, sn) : "";
        it.message = d->message ? NULL : ad ? ad->title : d->code;
        it.recommendation = d->hint ? NULL : ad ? ad->recommendation : "";
        it.snippet = *snip ? NULL : "";
        it.effort_min = ad ? ad->effort_min : 30;
        if (!ad)
            fprintf(stderr, "sqlshift: internal: action code %s is not in the catalogue\n", d->code);
        HVEC_PUSH(r->items, it);
        ItemText t = spool_item_text(r, d->message, d->hint, *snip ? snip : NULL);
        HVEC_PUSH(r->item_text, t);
    }
    /* the findings' own texts are in the spool now */
    r->diags.v.n = 0;
    r->diags.v.cap = 0;
    r->diags.v.items = NULL;
    arena_reset(&r->diag_arena);
}

/* Points each item's spooled texts into the findings' spool, mapped: a
 * page is read only when a text on it is used (printing a few items does
 * not load them all). */
static void map_item_texts(Run *r)
{
    if (r->item_text.n && !r->texts_map && !(r->texts_map = spool_map(&r->texts)))
        spool_failed("map");
    for (int i = 0; i < r->items.n && i < r->item_text.n; i++) {
        ItemRec *it = &r->items.items[i];
        const ItemText *t = &r->item_text.items[i];
        const char *p = r->texts_map + t->off;
        if (!it->message) {
            it->message = p;
            p += t->msg_len + 1;
        }
        if (!it->recommendation) {
            it->recommendation = p;
            p += t->hint_len + 1;
        }
        if (!it->snippet)
            it->snippet = p;
    }
    r->item_text.n = 0;
}

static void build_items(Run *r, int *worst)
{
    map_item_texts(r);
    *worst = -1;
    for (int i = 0; i < r->items.n; i++) {
        const ItemRec *it = &r->items.items[i];
        if (it->sev > *worst)
            *worst = it->sev;
        if (it->object >= 0) {
            ObjectRec *o = &r->objects.items[it->object];
            o->n_items++;
            o->effort_min += it->effort_min;
            if (it->sev > o->max_sev)
                o->max_sev = it->sev;
        }
    }
    for (int i = 0; i < r->objects.n; i++) {
        ObjectRec *o = &r->objects.items[i];
        o->status = o->max_sev >= SEV_HIGH ? OBJ_MANUAL : o->max_sev >= SEV_LOW ? OBJ_WARNINGS : OBJ_CONVERTED;
    }
    if (r->items.n)
        qsort(r->items.items, (size_t)r->items.n, sizeof(ItemRec), item_cmp);
}

/* PipelinePutFn: a validation result for the object whose definition
 * starts at src_file:line:col (findings outside any known object are
 * printed, so that nothing is lost). */
static void validation_put(void *pctx, const char *src_file, int line, int col, const char *code,
                           const char *text)
{
    Run *r = pctx;
    int obj = -1;
    for (int i = 0; src_file && i < r->objects.n && obj < 0; i++) {
        const ObjectRec *o = &r->objects.items[i];
        if (o->start.line == line && o->start.col == col && !strcmp(r->files.items[o->file]->name, src_file))
            obj = i;
    }
    if (obj < 0) {
        if (code)
            fprintf(stderr, "%s:%d:%d: [%s]: %s\n", src_file ? src_file : "-", line, col, code, text);
        return;
    }
    ObjectRec *o = &r->objects.items[obj];
    if (!code) {
        o->validated = arena_strdup(&r->arena, text);
        return;
    }
    const ActionDef *ad = action_of(r, code);
    const SourceFile *sf = r->files.items[o->file];
    ItemRec it;
    memset(&it, 0, sizeof it);
    it.code = code;
    it.sev = ad ? ad->sev : SEV_HIGH;
    it.category = ad ? ad->category : "validation";
    it.object = obj;
    it.file = o->file;
    it.start = o->start;
    it.end = o->end;
    it.snippet = r->o->report_dir && sf->text ? snippet(&r->arena, sf, r->object_spans.items[obj]) : "";
    it.message = arena_strdup(&r->arena, text);
    it.recommendation = ad ? ad->recommendation : "";
    it.effort_min = ad ? ad->effort_min : 30;
    HVEC_PUSH(r->items, it);
    ItemText none = {0, 0, 0}; /* (every text is set) */
    HVEC_PUSH(r->item_text, none);
}

/* Assessment.drop_texts: the inputs and the findings' texts are mapped
 * files, so what the report writers have read can be given back. */
static void drop_texts(void *ctx)
{
    Run *r = ctx;
    for (int i = 0; i < r->files.n; i++)
        src_release_text(r->files.items[i]);
    spool_drop_pages(&r->texts);
}

static void print_items(Run *r, const ItemRec *items, int n)
{
    int counts[SEV_CRITICAL + 1] = {0};
    /* stderr is unbuffered: the lines are gathered and written at once,
     * not one write per finding */
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < n; i++) {
        const ItemRec *it = &items[i];
        counts[it->sev]++;
        /* input and parse errors are always shown; -q hides the rest */
        int show = r->o->verbose || it->code[2] == '0' || (!r->o->quiet && it->sev >= SEV_HIGH);
        if (!show)
            continue;
        sb_puts(&b, r->files.items[it->file]->name);
        sb_putc(&b, ':');
        put_int(&b, it->start.line);
        sb_putc(&b, ':');
        put_int(&b, it->start.col);
        sb_puts(&b, ": ");
        sb_puts(&b, sev_name(it->sev));
        sb_putc(&b, '[');
        sb_puts(&b, it->code);
        sb_puts(&b, "]: ");
        sb_puts(&b, it->message);
        sb_putc(&b, '\n');
        if (b.len >= 65536) {
            fwrite(b.s, 1, b.len, stderr);
            sb_reset(&b);
        }
    }
    fwrite(b.s, 1, b.len, stderr);
    sb_free(&b);
    if (!r->o->quiet)
        fprintf(stderr,
                "sqlshift: %d objects, %d action items (critical %d, high %d, medium %d, low %d, info %d)\n",
                r->objects.n, n, counts[SEV_CRITICAL], counts[SEV_HIGH], counts[SEV_MEDIUM],
                counts[SEV_LOW], counts[SEV_INFO]);
}

int pipeline_run(const PipelineOpts *o, char **inputs, int ninputs)
{
    Run r;
    memset(&r, 0, sizeof r);
    r.o = o;
    /* an input that shrinks while it is mapped: a message, not a crash */
    if (mapguard_install() != 0)
        fprintf(stderr, "sqlshift: warning: cannot install the SIGBUS handler: %s\n", strerror(errno));
    /* one record per object, unit and finding: reserved for inputs of a
     * few MB (see HVEC_RESERVE); larger ones grow the records in place */
    HVEC_RESERVE(r.objects, RUN_RESERVE);
    HVEC_RESERVE(r.object_spans, RUN_RESERVE);
    HVEC_RESERVE(r.units, RUN_RESERVE);
    HVEC_RESERVE(r.items, RUN_RESERVE);
    HVEC_RESERVE(r.item_text, RUN_RESERVE);
    arena_init(&r.arena, 256 * 1024);
    intern_init(&r.strings, &r.arena);
    arena_init(&r.diag_arena, 16 * 1024);
    diag_init(&r.diags, &r.diag_arena);
    cat_init(&r.catalog);
    on_init(&r.names);
    spool_init(&r.spool, UNITS_MEM_MAX);
    spool_init(&r.texts, TEXTS_MEM_MAX);
    if (o->source == DIALECT_TSQL)
        r.default_schema = "dbo"; /* SQL Server's default schema -> the target's default */
    char *err = NULL;
    int status = EXIT_DONE;
    if (rules_init(&r.rules, o->source, o->target, &err) != 0) {
        fprintf(stderr, "sqlshift: %s\n", err ? err : "cannot load the built-in rules");
        free(err);
        on_free(&r.names);
        cat_free(&r.catalog);
        arena_free(&r.arena);
        arena_free(&r.diag_arena);
        return EXIT_INTERNAL;
    }
    for (int i = 0; i < o->nrules; i++) {
        if (rules_load_file(&r.rules, o->rules_files[i], &err) != 0) {
            fprintf(stderr, "sqlshift: %s\n", err ? err : o->rules_files[i]);
            free(err);
            status = EXIT_INTERNAL;
            goto done;
        }
    }
    /* a broken function template of a --rules file fails here, with its
     * file and line (the built-in ones are parsed when first used) */
    if (rw_prepare_user_templates(&r.rules, o->target, &err) != 0) {
        fprintf(stderr, "sqlshift: %s\n", err ? err : "invalid function template");
        free(err);
        status = EXIT_INTERNAL;
        goto done;
    }
    r.spellings = nm_cache_new();
    for (int i = 0; i < 3; i++)
        sb_init(&r.scratch[i]);
    sb_init(&r.lead_buf);
    PathList paths = {0, 0, NULL, 0};
    for (int i = 0; i < ninputs; i++) {
        if (fs_collect_inputs(inputs[i], &paths, &err) != 0) {
            fprintf(stderr, "sqlshift: %s\n", err ? err : inputs[i]);
            free(err);
            err = NULL;
            r.input_failed = 1;
        }
    }
    /* the converted text is about as long as the input, or longer (an
     * input in UTF-16 is twice its UTF-8 text: a hint errs either way) */
    spool_expect(&r.spool, paths.bytes);
    for (int i = 0; i < paths.n; i++) {
        SourceFile *f = calloc(1, sizeof *f);
        if (!f)
            abort();
        f->id = r.files.n;
        if (input_read(paths.items[i], f, &r.diags, &err) != 0) {
            fprintf(stderr, "sqlshift: %s\n", err ? err : paths.items[i]);
            free(err);
            err = NULL;
            free(f);
            r.input_failed = 1;
            continue;
        }
        if (o->input_root && o->input_label) {
            size_t n = strlen(o->input_root);
            if (!strncmp(f->name, o->input_root, n) && f->name[n] == '/') {
                char *nm;
                if (asprintf(&nm, "%s%s", o->input_label, f->name + n) < 0)
                    abort();
                free(f->name);
                f->name = nm;
            }
        }
        VEC_PUSH(&r.arena, r.files, f);
        convert_file(&r, f);
        take_items(&r, f);
        if (!o->report_dir) {
            /* nothing needs the text any more: positions are computed */
            src_free_text(f);
        }
    }
    fs_pathlist_free(&paths);

    add_schema_unit(&r);
    /* views in dependency order; everything else keeps input order per phase */
    {
        int nobj = r.objects.n;
        int *rank = malloc(sizeof(int) * (size_t)(nobj ? nobj : 1));
        if (!rank)
            abort();
        view_ranks(&r.catalog, rank, nobj);
        for (int i = 0; i < r.units.n; i++) {
            Unit *u = &r.units.items[i];
            u->view_rank = u->phase == PH_VIEW && u->object >= 0 ? rank[u->object] : 0;
        }
        free(rank);
        sort_units(&r);
    }

    if (o->write_sql) {
        int rc = o->split ? write_split(&r, o->output ? o->output : ".") : write_single(&r, o->output);
        if (rc != 0)
            status = EXIT_INTERNAL;
    }
    /* convert --validate: the server's findings join the others before
     * they are counted and printed */
    if (o->validate && o->output && status == EXIT_DONE) {
        int rc = o->validate(o->validate_ctx, o->output, validation_put, &r);
        if (rc != 0)
            status = rc;
    }

    int worst;
    build_items(&r, &worst);
    const ItemRec *items = r.items.items;
    int nitems = r.items.n;
    print_items(&r, items, nitems);
    if (o->report_dir && status == EXIT_DONE) {
        Assessment a;
        memset(&a, 0, sizeof a);
        a.tool_version = PACKAGE_VERSION;
        a.source = dialect_name(o->source);
        a.target = dialect_name(o->target);
        a.files = (const SourceFile *const *)r.files.items;
        a.nfiles = r.files.n;
        a.objects = r.objects.items;
        a.nobjects = r.objects.n;
        a.items = items;
        a.nitems = nitems;
        a.drop_texts = drop_texts;
        a.drop_ctx = &r;
        if (report_write_all(&a, o->report_dir, &err) != 0) {
            fprintf(stderr, "sqlshift: %s\n", err ? err : o->report_dir);
            free(err);
            status = EXIT_INTERNAL;
        }
    }
    if (status == EXIT_DONE && r.input_failed)
        status = EXIT_INPUT;
    if (status == EXIT_DONE && o->fail_on >= 0 && worst >= o->fail_on)
        status = EXIT_ITEMS;
done:
    free(r.units.items);
    free(r.items.items);
    free(r.item_text.items);
    intern_free(&r.strings);
    spool_free(&r.texts);
    arena_free(&r.diag_arena);
    free(r.objects.items);
    free(r.object_spans.items);
    spool_free(&r.spool);
    for (int i = 0; i < r.files.n; i++) {
        src_free(r.files.items[i]);
        free(r.files.items[i]);
    }
    rules_free(&r.rules);
    cat_free(&r.catalog);
    on_free(&r.names);
    nm_cache_free(r.spellings);
    for (int i = 0; i < 3; i++)
        sb_free(&r.scratch[i]);
    sb_free(&r.lead_buf);
    arena_free(&r.arena);
    return status;
}
