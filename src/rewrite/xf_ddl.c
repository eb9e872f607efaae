/* rewrite: DDL and DML statements. Tables lose what the target has no place
 * for (storage options, filegroups, partition clauses, CLUSTERED) with one
 * item per statement listing it; columns get identity, generated-column and
 * boolean-default treatment and the CHECK constraints that ENUM and UNSIGNED
 * leave behind; indexes become what the target can build (full-text -> GIN
 * over to_tsvector, spatial -> GiST) or stay verbatim; synonyms become views;
 * alias types become domains. INSERT/UPDATE values are fixed where the target
 * types differ (0/1 into boolean columns, Oracle's '' meaning NULL). */
#include "rewrite/xf.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ==== helpers ================================================================ */

static const char *table_text(Rw *w)
{
    return w->table_name && w->table_name->n ? rw_qname_text(w, w->table_name) : "";
}

static const char *column_text(Rw *w, const ColumnDef *c)
{
    const char *t = table_text(w);
    return *t ? rw_cat(w, t, ".", rw_ident_text(w, &c->name), NULL) : rw_ident_text(w, &c->name);
}

/* Texts that name a column or constraint in findings: most statements
 * record none, so they are made on first use. */
#define LAZY_TEXT(var, make) ((var) ? (var) : ((var) = (make)))
#define COL_TEXT LAZY_TEXT(col, column_text(w, c))
#define WHAT_TEXT LAZY_TEXT(what, constraint_text(w, k))

static const char *option_text(Rw *w, const OptionItem *o)
{
    if (o->value && *o->value)
        return rw_cat(w, o->name ? o->name : "", " ", o->value, NULL);
    return o->name ? o->name : "";
}

static int same_dialect(const Rw *w)
{
    return (int)w->cx->source == (int)w->cx->target;
}

/* The catalogue column `name` of the statement's table. */
static const CatColumn *table_column(Rw *w, const QName *table, const Ident *name)
{
    CatTable *t = rw_find_table(w, table);
    return t && name->text ? cat_column(t, name->text, name->len) : NULL;
}

static int is_zero_date(const Node *e)
{
    return rw_is_string_literal(e) && !strncmp(((const Literal *)e)->value, "0000-00-00", 10);
}

static int is_empty_string(const Node *e)
{
    return rw_is_string_literal(e) && ((const Literal *)e)->len == 0;
}

/* sscanf(s, "%2d/%2d/%4d%n", m, d, y, n) == 3 for what data scripts hold
 * (digits and '/'), without sscanf's cost on every value of a date column:
 * 1 matched, 0 not, -1 a number starts with a space or sign (sscanf decides). */
static int mdy_digits(const char *s, int *m, int *d, int *y, int *n)
{
    static const int width[3] = {2, 2, 4};
    int v[3], i = 0;
    for (int f = 0; f < 3; f++) {
        if (f && s[i++] != '/')
            return 0;
        if ((unsigned)(s[i] - '0') >= 10u) /* isdigit in the C locale */
            return isspace((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' ? -1 : 0;
        v[f] = 0;
        for (int k = 0; k < width[f] && (unsigned)(s[i] - '0') < 10u; k++, i++)
            v[f] = v[f] * 10 + (s[i] - '0');
    }
    *m = v[0];
    *d = v[1];
    *y = v[2];
    *n = i;
    return 1;
}

/* T-SQL reads '9/17/1996' as month/day/year (us_english DATEFORMAT mdy);
 * MySQL rejects it and PostgreSQL reads it by its DateStyle: ISO instead. */
static Node *iso_date_literal(Rw *w, Node *v)
{
    if (!rw_is_string_literal(v))
        return v;
    const Literal *l = (const Literal *)v;
    int m, d, y, n = 0;
    int got = mdy_digits(l->value, &m, &d, &y, &n);
    if (got < 0)
        got = sscanf(l->value, "%2d/%2d/%4d%n", &m, &d, &y, &n) == 3;
    if (!got || n < 6 || m < 1 || m > 12 || d < 1 || d > 31)
        return v;
    /* two-digit years: SQL Server's default cutoff (two digit year cutoff 2049) */
    if (y < 100 && l->value[n - 3] == '/')
        y += y <= 49 ? 2000 : 1900;
    const char *rest = l->value + n;
    if (*rest && *rest != ' ')
        return v;
    if (y < 0 || y > 9999) /* (sscanf read a sign) */
        return mk_str(w, v->span, arena_printf(w->cx->arena, "%04d-%02d-%02d%s", y, m, d, rest));
    /* "%04d-%02d-%02d%s" by hand: this runs for every date of a data script
     * (0 <= y <= 9999, 1 <= m <= 12, 1 <= d <= 31 here) */
    size_t rl = strlen(rest);
    char *t = arena_alloc(w->cx->arena, 11 + rl);
    t[0] = (char)('0' + y / 1000);
    t[1] = (char)('0' + y / 100 % 10);
    t[2] = (char)('0' + y / 10 % 10);
    t[3] = (char)('0' + y % 10);
    t[4] = '-';
    t[5] = (char)('0' + m / 10);
    t[6] = (char)('0' + m % 10);
    t[7] = '-';
    t[8] = (char)('0' + d / 10);
    t[9] = (char)('0' + d % 10);
    memcpy(t + 10, rest, rl + 1);
    return mk_str_arena(w, v->span, t, 10 + rl);
}

/* A value going into a column (is_bool: rw_column_is_bool(col)): booleans
 * from 0/1, Oracle '' as NULL, T-SQL m/d/y dates as ISO dates. */
static Node *fix_value(Rw *w, Node *v, const CatColumn *col, int is_bool)
{
    if (!v)
        return v;
    if (w->cx->source == DIALECT_TSQL && col && col->is_datetime)
        v = iso_date_literal(w, v);
    if (w->cx->source == DIALECT_ORACLE && is_empty_string(v))
        return mk_null(w, v->span);
    if (is_bool)
        return xf_bool_literal(w, v);
    return v;
}

static Node *column_value(Rw *w, Node *v, const CatColumn *col)
{
    return fix_value(w, v, col, col && rw_column_is_bool(w, col));
}

/* 1 if some column of t may need its values fixed (boolean for
 * PostgreSQL, T-SQL dates). Asked on every INSERT of a data script, so the
 * answer is kept in the table until the catalogue changes. */
static int table_needs_value_fix(Rw *w, CatTable *t)
{
    if (!t)
        return 0;
    const Catalog *c = w->cx->catalog;
    if (c && t->value_fix && t->value_fix_gen == c->gen)
        return t->value_fix == 2;
    int pg = rw_target_pg(w), need = 0;
    for (int i = 0; i < t->cols.n && !need; i++)
        need = (pg && rw_column_is_bool(w, &t->cols.items[i])) ||
               (w->cx->source == DIALECT_TSQL && t->cols.items[i].is_datetime);
    if (c) {
        t->value_fix = need ? 2 : 1;
        t->value_fix_gen = c->gen;
    }
    return need;
}

static Constraint *mk_check(Rw *w, SrcSpan sp, Node *expr)
{
    Constraint *k = NODE_NEW(w->cx->arena, Constraint, CONSTRAINT, sp);
    k->h.flags |= NF_SYNTHETIC;
    k->ck = CK_CHECK;
    k->expr = expr;
    return k;
}

/* A table-level constraint inside CREATE TABLE, else a column constraint. */
static void add_check(Rw *w, ColumnDef *c, Constraint *k)
{
    if (w->table && w->stmt->kind == N_CREATE_TABLE)
        nl_push(w->cx->arena, &w->table->constraints, k);
    else
        nl_push(w->cx->arena, &c->constraints, k);
}

/* First line of a statement, for messages. */
static const char *snippet_text(Rw *w, SrcSpan sp)
{
    const char *t = rw_span_text(w, sp);
    size_t n = strcspn(t, "\r\n");
    if (n > 60)
        return arena_printf(w->cx->arena, "%.60s...", t);
    return arena_strndup(w->cx->arena, t, n);
}

static int starts_ci(const char *s, const char *p)
{
    return s && strncasecmp(s, p, strlen(p)) == 0;
}

/* ==== DML ===================================================================== */

Node *xf_insert(Rw *w, Node *n)
{
    InsertStmt *ins = (InsertStmt *)n;
    int pg = rw_target_pg(w);
    if (ins->table.n >= 3)
        rw_item_once(w, "SS3024", NULL, n->span, "%s names another database: the extra parts are dropped",
                     rw_qname_text(w, &ins->table));
    if (ins->output && !same_dialect(w)) {
        rw_keep_verbatim(w, "SS6009", n->span, "INSERT with an OUTPUT clause kept verbatim: rewrite it "
                         "with RETURNING (columns without inserted.)");
        return n;
    }
    if (pg && w->cx->source == DIALECT_MYSQL) {
        if (ins->replace) {
            rw_keep_verbatim(w, "SS2019", n->span, "REPLACE INTO deletes and re-inserts conflicting rows: "
                             "statement kept verbatim; use INSERT ... ON CONFLICT (key) DO UPDATE");
            return n;
        }
        if (ins->on_dup.n) {
            rw_keep_verbatim(w, "SS2019", n->span, "INSERT ... ON DUPLICATE KEY UPDATE kept verbatim: use "
                             "INSERT ... ON CONFLICT (key columns) DO UPDATE SET col = EXCLUDED.col");
            return n;
        }
        if (ins->ignore)
            rw_item(w, "SS6001", n->span, "INSERT IGNORE became INSERT ... ON CONFLICT DO NOTHING: only "
                    "duplicate keys are skipped, other errors are raised");
    }
    CatTable *t = rw_insert_table(w, n);
    /* T-SQL INSERT without a column list skips identity, computed and
     * rowversion columns; the target matches VALUES to every column */
    if (w->cx->source == DIALECT_TSQL && t && t->kind == OK_TABLE && !ins->cols.n && !ins->default_values) {
        int gen = 0;
        for (int i = 0; i < t->cols.n; i++)
            gen += t->cols.items[i].generated;
        if (gen) {
            for (int i = 0; i < t->cols.n; i++)
                if (!t->cols.items[i].generated) {
                    Ident id = t->cols.items[i].ident.text ? t->cols.items[i].ident
                                                           : ident_make(w->cx->arena, t->cols.items[i].name);
                    id.span = n->span;
                    il_push(w->cx->arena, &ins->cols, id);
                }
        }
    }
    /* INSERT ... SELECT 0/1 into a bit column that became boolean (T-SQL converts) */
    if (pg && t && ins->source && ins->source->kind == N_SELECT) {
        SelectStmt *q = (SelectStmt *)ins->source;
        for (int i = 0; i < q->targets.n; i++) {
            TargetItem *ti = (TargetItem *)q->targets.items[i];
            const CatColumn *col = ins->cols.n ? (i < ins->cols.n ? cat_column_near(t, ins->cols.items[i].text,
                                                                                    ins->cols.items[i].len, i)
                                                                  : NULL)
                                               : (i < t->cols.n ? &t->cols.items[i] : NULL);
            long v;
            if (ti->h.kind == N_TARGET && col && rw_column_is_bool(w, col) && rw_int_literal(ti->expr, &v))
                ti->expr = xf_bool_literal(w, ti->expr);
        }
    }
    /* values into boolean columns, Oracle '' */
    if (!ins->source || ins->source->kind != N_VALUES)
        return n;
    if (w->cx->source != DIALECT_ORACLE && !table_needs_value_fix(w, t))
        return n;
    /* the column of each position, looked up once for all the rows (the
     * next column of the table tried first), and whether it is boolean */
    int ncols = t ? (ins->cols.n ? ins->cols.n : t->cols.n) : 0;
    if (ncols < 0) /* (never: list sizes are counts; says so to the compiler) */
        ncols = 0;
    const CatColumn **cols = NULL;
    signed char *is_bool = NULL;
    if (ncols && ins->cols.n && w->cx->catalog) {
        /* the catalogue keeps the last list's columns: the next INSERT
         * names the same ones; aux keeps whether each is boolean */
        CatListColumns lc = cat_list_columns(w->cx->catalog, t, &ins->cols);
        cols = lc.cols;
        is_bool = lc.aux;
        for (int i = 0; i < ncols; i++)
            if (is_bool[i] < 0)
                is_bool[i] = cols[i] && rw_column_is_bool(w, cols[i]);
    } else if (ncols) {
        cols = ARENA_NEW_ARRAY(w->cx->arena, const CatColumn *, ncols);
        is_bool = ARENA_NEW_ARRAY(w->cx->arena, signed char, ncols);
        for (int i = 0; i < ncols; i++) {
            cols[i] = &t->cols.items[i];
            is_bool[i] = (signed char)rw_column_is_bool(w, cols[i]);
        }
    }
    /* the positions whose values may change (fix_value returns the others
     * as they are): most columns of a data script are neither boolean nor
     * T-SQL dates; past the columns, only Oracle '' changes */
    int oracle = w->cx->source == DIALECT_ORACLE, tsql = w->cx->source == DIALECT_TSQL;
    char *fix = ncols ? ARENA_NEW_ARRAY(w->cx->arena, char, ncols) : NULL;
    for (int i = 0; i < ncols; i++)
        fix[i] = (char)(oracle || is_bool[i] || (tsql && cols[i] && cols[i]->is_datetime));
    ValuesList *vl = (ValuesList *)ins->source;
    for (int r = 0; r < vl->rows.n; r++) {
        Node *row = vl->rows.items[r];
        NodeList *items = row && row->kind == N_ROW ? &((RowExpr *)row)->items : NULL;
        if (!items)
            continue;
        for (int i = 0; i < items->n; i++)
            if (i < ncols ? fix[i] : oracle)
                items->items[i] = i < ncols ? fix_value(w, items->items[i], cols[i], is_bool[i])
                                            : fix_value(w, items->items[i], NULL, 0);
    }
    return n;
}

Node *xf_assign(Rw *w, Node *n)
{
    Assignment *a = (Assignment *)n;
    if (!a->target || a->target->kind != N_NAME || a->op)
        return n;
    const CatColumn *col = rw_resolve_column(w, (NameRef *)a->target, NULL);
    a->value = column_value(w, a->value, col);
    return n;
}

Node *xf_dml_target(Rw *w, Node *n)
{
    const char *output = n->kind == N_UPDATE ? ((UpdateStmt *)n)->output : ((DeleteStmt *)n)->output;
    if (output && !same_dialect(w))
        rw_keep_verbatim(w, "SS6009", n->span, "%s with an OUTPUT clause kept verbatim: rewrite it with "
                         "RETURNING (columns without inserted./deleted.)", n->kind == N_UPDATE ? "UPDATE" : "DELETE");
    return n;
}

/* ==== columns ================================================================== */

static const char *guess_type(Rw *w, int cls)
{
    int pg = rw_target_pg(w);
    switch (cls) {
    case CLS_NUMERIC: return pg ? "numeric" : "decimal(38,10)";
    case CLS_DATETIME: return pg ? "timestamp" : "datetime(6)";
    case CLS_BOOL: return pg ? "boolean" : "tinyint(1)";
    case CLS_BINARY: return pg ? "bytea" : "longblob";
    default: return pg ? "text" : "varchar(4000)";
    }
}

static int integer_target(const char *t)
{
    return t && (starts_ci(t, "smallint") || starts_ci(t, "integer") || starts_ci(t, "bigint") ||
                 starts_ci(t, "int"));
}

static void column_identity(Rw *w, ColumnDef *c)
{
    const char *col = column_text(w, c);
    int pg = rw_target_pg(w);
    if (pg && c->type && c->type->target_text && !integer_target(c->type->target_text)) {
        /* PostgreSQL identity columns are smallint, integer or bigint */
        rw_item(w, "SS1001", c->type->h.span, "identity column %s: %s became bigint (identity columns "
                "must be integers)", col, c->type->target_text);
        c->type->target_text = "bigint";
    }
    long inc = 1;
    if (c->ident_incr)
        rw_int_literal(c->ident_incr, &inc);
    const char *extra = c->not_for_replication ? "; NOT FOR REPLICATION dropped" : "";
    c->not_for_replication = 0;
    if (pg) {
        rw_itemh(w, "SS3007", c->h.span,
                 "after loading rows with explicit values, move the sequence past them: "
                 "SELECT setval(pg_get_serial_sequence('table', 'column'), max(column)) FROM table",
                 "identity column %s became GENERATED %s AS IDENTITY%s",
                 col, c->identity_always ? "ALWAYS" : "BY DEFAULT", extra);
    } else if (w->cx->source != DIALECT_MYSQL) {
        rw_item(w, "SS3007", c->h.span, "identity column %s became AUTO_INCREMENT%s%s", col,
                inc != 1 ? "; the increment is server-wide in MySQL (auto_increment_increment)" : "", extra);
    }
}

/* MySQL: does the expression read an AUTO_INCREMENT column of the table
 * being created? (MySQL refuses that in a generated column: the value does
 * not exist yet when the generated one is computed.) */
typedef struct IdRefs { const CreateTable *t; const char *hit; } IdRefs;

static void idref_node(RwVisit *v, Node **slot);
static void idref_list(RwVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        idref_node(v, &l->items[i]);
}

static void idref_node(RwVisit *v, Node **slot)
{
    IdRefs *r = v->data;
    const Node *n = *slot;
    if (!n || r->hit)
        return;
    if (n->kind == N_NAME) {
        const QName *q = &((const NameRef *)n)->name;
        const Ident *last = q->n ? &q->parts[q->n - 1] : NULL;
        for (int i = 0; last && i < r->t->columns.n; i++) {
            const ColumnDef *c = (const ColumnDef *)r->t->columns.items[i];
            if (c->h.kind == N_COLUMN_DEF && c->identity && c->name.len == last->len &&
                !strncasecmp(c->name.text, last->text, last->len)) {
                r->hit = c->name.text;
                return;
            }
        }
        return;
    }
    rw_children(*slot, v);
}

static int reads_auto_increment(Rw *w, ColumnDef *c)
{
    if (rw_target_pg(w) || !w->table || !c->computed)
        return 0;
    IdRefs r = {w->table, NULL};
    RwVisit v = {idref_node, idref_list, &r};
    idref_node(&v, &c->computed);
    return r.hit != NULL;
}

static void column_computed(Rw *w, ColumnDef *c)
{
    const char *col = column_text(w, c);
    if (reads_auto_increment(w, c)) {
        if (!c->type)
            c->type = mk_type(w, c->h.span, guess_type(w, rw_expr_class(w, c->computed)));
        rw_itemh(w, "SS3034", c->h.span, "compute the value in a view or in the application",
                 "computed column %s reads the AUTO_INCREMENT column, which MySQL does not allow in a "
                 "generated column (%s): created as a plain %s column", col,
                 rw_span_text(w, c->computed->span), c->type->target_text ? c->type->target_text : "typed");
        c->computed = NULL;
        c->persisted = 0;
        return;
    }
    if (c->h.flags & NF_SYNTHETIC) { /* marked by the walk: calls code the target lacks */
        if (!c->type)
            c->type = mk_type(w, c->h.span, guess_type(w, rw_expr_class(w, c->computed)));
        rw_item(w, "SS3034", c->h.span, "computed column %s calls a function or method the target does not "
                "have (%s): created as a plain %s column; fill it, or add the generated column once "
                "the function exists", col, rw_span_text(w, c->computed->span),
                c->type->target_text ? c->type->target_text : "typed");
        c->computed = NULL;
        c->persisted = 0;
        c->h.flags &= (uint16_t)~NF_SYNTHETIC;
        return;
    }
    const char *limits = rw_target_pg(w)
        ? "; PostgreSQL allows only immutable functions and no references to other generated columns"
        : "";
    if (!c->type) {
        int cls = rw_expr_class(w, c->computed);
        const char *ty = guess_type(w, cls);
        c->type = mk_type(w, c->h.span, ty);
        rw_item(w, "SS3006", c->h.span, "computed column %s became a %sgenerated column of type %s "
                "(guessed from the expression: check it)%s", col, rw_target_pg(w) ? "stored " : "", ty, limits);
    } else if (!c->persisted && rw_target_pg(w)) {
        rw_item(w, "SS3006", c->h.span, "virtual column %s became a stored generated column: its values "
                "are now stored%s", col, limits);
    }
    if (rw_target_pg(w))
        c->persisted = 1; /* PostgreSQL 15 has STORED generated columns only */
}

Node *xf_column(Rw *w, Node *n)
{
    ColumnDef *c = (ColumnDef *)n;
    int pg = rw_target_pg(w);
    TypeName *t = c->type;
    SrcSpan sp = c->h.span;
    const char *col = NULL; /* column_text, made when a finding needs it */
    Arena *a = w->cx->arena;

    /* ENUM -> CHECK (col IN (...)) */
    if (pg && t && t->upper && !strcmp(t->upper, "ENUM") && t->values.n) {
        InExpr *in = NODE_NEW(a, InExpr, IN, sp);
        in->h.flags |= NF_SYNTHETIC;
        in->expr = mk_name(w, sp, rw_ident_text(w, &c->name));
        ((NameRef *)in->expr)->name.parts[0] = c->name;
        for (int i = 0; i < t->values.n; i++)
            nl_push(a, &in->list, rw_copy(w, t->values.items[i]));
        add_check(w, c, mk_check(w, sp, &in->h));
    }
    /* UNSIGNED -> CHECK (col >= 0) */
    if (pg && t && t->is_unsigned) {
        NameRef *nm = (NameRef *)mk_name(w, sp, "x");
        nm->name.parts[0] = c->name;
        add_check(w, c, mk_check(w, sp, mk_bin(w, sp, B_GE, &nm->h, mk_int(w, sp, 0))));
    }
    /* defaults */
    if (c->default_) {
        if (w->cx->source == DIALECT_ORACLE && is_empty_string(c->default_))
            c->default_ = NULL; /* DEFAULT '' is DEFAULT NULL in Oracle */
        else if (!same_dialect(w) && is_zero_date(c->default_)) {
            rw_item(w, "SS1022", c->default_->span, "column %s: zero date default %s dropped (the target "
                    "rejects it)", COL_TEXT, rw_span_text(w, c->default_->span));
            c->default_ = NULL;
        } else if (pg && rw_type_is_bool(w, t)) {
            c->default_ = xf_bool_literal(w, c->default_);
        }
    }
    if (c->identity)
        column_identity(w, c);
    if (c->computed)
        column_computed(w, c);
    if (c->on_update && pg) {
        rw_itemh(w, "SS3015", c->on_update->span,
                 "add a BEFORE UPDATE trigger that sets the column to CURRENT_TIMESTAMP",
                 "column %s: ON UPDATE CURRENT_TIMESTAMP dropped", COL_TEXT);
        c->on_update = NULL;
    }
    if (c->collate.text && !xf_collation(w, &c->collate, c->collate.span.len ? c->collate.span : sp))
        c->collate.text = NULL;
    /* (most columns have none of these: no buffer then) */
    if (!same_dialect(w) && (c->rowguidcol || c->sparse || c->filestream || c->invisible || c->options.n ||
                             c->not_for_replication)) {
        StrBuf b;
        sb_init(&b);
        if (c->rowguidcol) sb_puts(&b, ", ROWGUIDCOL");
        if (c->sparse) sb_puts(&b, ", SPARSE");
        if (c->filestream) sb_puts(&b, ", FILESTREAM");
        if (c->invisible) sb_puts(&b, ", INVISIBLE");
        for (int i = 0; i < c->options.n; i++) {
            const OptionItem *o = (const OptionItem *)c->options.items[i];
            if (!o || o->h.kind != N_OPTION || !o->name)
                continue;
            if (!strcmp(o->name, "GENERATED ALWAYS AS")) { /* ROW START / ROW END */
                rw_item(w, "SS3031", o->h.span, "column %s: period column (GENERATED ALWAYS AS %s) became an "
                        "ordinary column: maintain it with a trigger", COL_TEXT, o->value ? o->value : "");
                continue;
            }
            sb_printf(&b, ", %s", option_text(w, o));
        }
        if (b.len)
            rw_item(w, "SS3029", sp, "column %s: %s dropped", COL_TEXT, b.s + 2);
        sb_free(&b);
        c->rowguidcol = c->sparse = c->filestream = c->invisible = 0;
        c->options.n = 0;
        if (c->not_for_replication) {
            rw_item(w, "SS3016", sp, "column %s: NOT FOR REPLICATION dropped", COL_TEXT);
            c->not_for_replication = 0;
        }
    }
    return n;
}

/* ==== constraints ================================================================ */

/* Numeric type families whose members can be compared by a foreign key. */
static int num_family(const char *t)
{
    if (!t)
        return 0;
    if (starts_ci(t, "smallint") || starts_ci(t, "integer") || starts_ci(t, "bigint") ||
        starts_ci(t, "int2") || starts_ci(t, "int4") || starts_ci(t, "int8") || !strcasecmp(t, "int"))
        return 1;
    if (starts_ci(t, "numeric") || starts_ci(t, "decimal"))
        return 2;
    if (starts_ci(t, "real") || starts_ci(t, "double") || starts_ci(t, "float"))
        return 3;
    return 0;
}

/* The target type of a catalogue column (identity columns are integers). */
static const char *column_target(Rw *w, const CatColumn *c)
{
    const char *t = xf_quiet_type_text(w, c->type);
    if (t && c->identity && num_family(t) != 1 && rw_target_pg(w))
        t = "bigint";
    return t;
}

static ColumnDef *table_coldef(Rw *w, const Ident *name)
{
    if (!w->table)
        return NULL;
    for (int i = 0; i < w->table->columns.n; i++) {
        ColumnDef *c = (ColumnDef *)w->table->columns.items[i];
        if (c->h.kind == N_COLUMN_DEF && c->name.text && name->text && c->name.len == name->len &&
            !strncasecmp(c->name.text, name->text, name->len))
            return c;
    }
    return NULL;
}

/* A foreign key compares its columns with the referenced ones: PostgreSQL
 * refuses numeric against integer ("cannot be implemented"), which Oracle's
 * NUMBER / NUMBER(6) pairs produce. The referencing column takes the
 * referenced column's type (its values are among the referenced ones). */
static void fk_align_types(Rw *w, Constraint *k)
{
    if (!rw_target_pg(w) || k->ck != CK_FOREIGN)
        return;
    CatTable *ref = rw_find_table(w, &k->ref_table);
    if (!ref)
        return;
    int n = k->cols.n ? k->cols.n : 1;
    for (int i = 0; i < n && i < k->ref_cols.n; i++) {
        const Ident *local;
        if (k->cols.n) {
            const IndexCol *ic = (const IndexCol *)k->cols.items[i];
            if (!ic || ic->h.kind != N_INDEX_COL || !ic->expr || ic->expr->kind != N_NAME)
                continue;
            const QName *q = &((const NameRef *)ic->expr)->name;
            local = &q->parts[q->n - 1];
        } else if (w->column) {
            local = &w->column->name;
        } else {
            continue;
        }
        const CatColumn *rc = cat_column(ref, k->ref_cols.items[i].text, k->ref_cols.items[i].len);
        const char *rt = rc ? column_target(w, rc) : NULL;
        ColumnDef *cd = w->column && !k->cols.n ? w->column : table_coldef(w, local);
        const char *lt = NULL;
        if (cd && cd->type)
            lt = cd->type->target_text;
        else if (!cd && w->table_name) {
            const CatColumn *lc = table_column(w, w->table_name, local);
            lt = lc ? column_target(w, lc) : NULL;
        }
        int lf = num_family(lt), rf = num_family(rt);
        if (!lf || !rf || lf == rf)
            continue;
        if (cd && cd->type) {
            cd->type->target_text = rt;
        } else if (w->stmt->kind == N_ALTER_TABLE) {
            /* the column exists already: change its type before the key
             * (xf_alter_table puts the action first) */
            ColumnDef *nc = NODE_NEW(w->cx->arena, ColumnDef, COLUMN_DEF, k->h.span);
            nc->h.flags |= NF_SYNTHETIC;
            nc->name = *local;
            nc->type = mk_type(w, k->h.span, rt);
            AlterAction *x = NODE_NEW(w->cx->arena, AlterAction, ALTER_ACTION, k->h.span);
            x->h.flags |= NF_SYNTHETIC;
            x->ak = AK_ALTER_COLUMN;
            x->def = &nc->h;
            nl_push(w->cx->arena, &w->prepend, x);
        } else {
            continue;
        }
        rw_item(w, "SS1001", k->h.span, "column %s became %s to match %s.%s (%s cannot reference %s in "
                "a foreign key)", rw_ident_text(w, local), rt, rw_qname_text(w, &k->ref_table),
                rw_ident_text(w, &k->ref_cols.items[i]), lt, rt);
    }
}

static const char *constraint_text(Rw *w, const Constraint *k)
{
    static const char *const kinds[] = {"primary key", "unique constraint", "foreign key",
                                        "check constraint", "default", "not null", "null"};
    const char *kind = k->ck >= 0 && k->ck <= CK_NULL ? kinds[k->ck] : "constraint";
    if (k->name.text)
        return rw_cat(w, kind, " ", rw_ident_text(w, &k->name), NULL);
    const char *t = table_text(w);
    return *t ? rw_cat(w, kind, " on ", t, NULL) : kind;
}

Node *xf_constraint(Rw *w, Node *n)
{
    Constraint *k = (Constraint *)n;
    if (same_dialect(w))
        return n;
    int pg = rw_target_pg(w);
    const char *what = NULL; /* constraint_text, made when a finding needs it */
    if (k->clustered == 1)
        rw_item_once(w, "SS3002", NULL, n->span, "CLUSTERED dropped from %s: %s (reported once per statement)",
                     WHAT_TEXT, pg ? "PostgreSQL tables are heaps; run CLUSTER once if the physical order matters"
                              : "InnoDB clusters by the primary key");
    k->clustered = 0;
    for (int i = 0; i < k->options.n; i++) {
        const OptionItem *o = (const OptionItem *)k->options.items[i];
        if (!o || o->h.kind != N_OPTION || !o->name)
            continue;
        /* a column PK's DESC and a default's WITH VALUES change nothing */
        if (!strcmp(o->name, "DESC") || !strcmp(o->name, "WITH VALUES"))
            continue;
        rw_drop_option(w, option_text(w, o), o->h.span);
    }
    k->options.n = 0;
    if (k->not_for_replication) {
        rw_item(w, "SS3016", n->span, "%s: NOT FOR REPLICATION dropped", WHAT_TEXT);
        k->not_for_replication = 0;
    }
    if (k->using_index.text) {
        if (ident_eq(&k->using_index, "HASH"))
            rw_item(w, "SS3012", n->span, "%s: USING HASH dropped (a B-tree index enforces it)", WHAT_TEXT);
        k->using_index.text = NULL;
    }
    int validatable = k->ck == CK_CHECK || k->ck == CK_FOREIGN;
    if (k->disabled) {
        if (pg && validatable) {
            rw_item(w, "SS3016", n->span, "%s was disabled: it became NOT VALID, which still checks new and "
                    "updated rows", WHAT_TEXT);
            k->disabled = 0;
            k->novalidate = 1;
        } else if (!pg && k->ck == CK_CHECK) {
            /* MySQL: CHECK ... NOT ENFORCED */
        } else {
            rw_item(w, "SS3016", n->span, "%s was disabled: the target enforces it", WHAT_TEXT);
            k->disabled = 0;
        }
    }
    if (k->novalidate) {
        if (pg && validatable) {
            rw_item(w, "SS3016", n->span, "%s: WITH NOCHECK/NOVALIDATE became NOT VALID (existing rows are not "
                    "checked; run ALTER TABLE ... VALIDATE CONSTRAINT after cleaning them)", WHAT_TEXT);
        } else {
            rw_item(w, "SS3016", n->span, "%s: NOVALIDATE dropped: existing rows are checked", WHAT_TEXT);
            k->novalidate = 0;
        }
    }
    if (!pg && k->deferrable) {
        rw_item(w, "SS3016", n->span, "%s: DEFERRABLE dropped: MySQL checks constraints at once", WHAT_TEXT);
        k->deferrable = k->initially_deferred = 0;
    }
    fk_align_types(w, k);
    if (k->ck == CK_FOREIGN && k->ref_table.n >= 3)
        rw_item_once(w, "SS3024", NULL, n->span, "%s references %s in another database: the extra parts are "
                     "dropped", WHAT_TEXT, rw_qname_text(w, &k->ref_table));
    if (k->ck == CK_DEFAULT && k->expr && k->cols.n == 1 && w->table_name) {
        const IndexCol *ic = (const IndexCol *)k->cols.items[0];
        if (ic && ic->expr && ic->expr->kind == N_NAME) {
            const QName *q = &((const NameRef *)ic->expr)->name;
            k->expr = column_value(w, k->expr, table_column(w, w->table_name, &q->parts[q->n - 1]));
        }
    }
    return n;
}

/* ==== CREATE TABLE ================================================================ */

typedef struct TimeScan { RwVisit v; int found; } TimeScan;

static void time_slot(RwVisit *v, Node **slot);
static void time_list(RwVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        time_slot(v, &l->items[i]);
}
static void time_slot(RwVisit *v, Node **slot)
{
    Node *n = *slot;
    if (!n)
        return;
    if (n->kind == N_FUNC && ((FuncCall *)n)->upper) {
        static const char *const fns[] = {"CURRENT_TIMESTAMP", "NOW", "LOCALTIMESTAMP", "CURDATE",
                                          "CURRENT_DATE", "SYSDATE", "GETDATE", "UTC_TIMESTAMP",
                                          "CURTIME", "CURRENT_TIME", "RAND", "UUID", NULL};
        for (int i = 0; fns[i]; i++)
            if (!strcmp(((FuncCall *)n)->upper, fns[i]))
                ((TimeScan *)v)->found = 1;
    }
    rw_children(n, v);
}

/* MySQL refuses CHECK constraints that call the clock or other
 * non-deterministic functions. */
static int nondeterministic_check(const Node *k)
{
    if (!k || k->kind != N_CONSTRAINT || ((const Constraint *)k)->ck != CK_CHECK)
        return 0;
    TimeScan ts = {{time_slot, time_list, NULL}, 0};
    Node *e = ((const Constraint *)k)->expr;
    time_slot(&ts.v, &e);
    return ts.found;
}

static void drop_clock_checks(Rw *w, NodeList *l, const char *table)
{
    int k = 0;
    for (int i = 0; i < l->n; i++) {
        Node *c = l->items[i];
        if (nondeterministic_check(c)) {
            rw_itemh(w, "SS3016", c->span, "enforce it in a BEFORE INSERT/UPDATE trigger",
                     "%s of %s dropped: MySQL does not allow the current time in a CHECK constraint (%s)",
                     constraint_text(w, (Constraint *)c), table, rw_span_text(w, c->span));
            continue;
        }
        l->items[k++] = c;
    }
    l->n = k;
}

/* PRE on CREATE TABLE / CREATE VIEW (Oracle): object tables and views. */
Node *xf_object_table(Rw *w, Node *n)
{
    if (n->kind == N_CREATE_TABLE && ((CreateTable *)n)->object_type.len)
        rw_keep_verbatim(w, "SS3019", ((CreateTable *)n)->object_type, "object table %s kept verbatim: create a "
                         "table with the type's attributes as columns",
                         rw_qname_text(w, &((CreateTable *)n)->name));
    else if (n->kind == N_CREATE_VIEW && ((CreateView *)n)->object_view.len)
        rw_keep_verbatim(w, "SS3019", ((CreateView *)n)->object_view, "object view %s kept verbatim: create an "
                         "ordinary view", rw_qname_text(w, &((CreateView *)n)->name));
    return n;
}

static int first_col_is(const NodeList *cols, const Ident *name)
{
    if (!cols->n)
        return 0;
    const IndexCol *ic = (const IndexCol *)cols->items[0];
    if (!ic || ic->h.kind != N_INDEX_COL || !ic->expr || ic->expr->kind != N_NAME)
        return 0;
    const QName *q = &((const NameRef *)ic->expr)->name;
    const Ident *id = &q->parts[q->n - 1];
    return id->text && name->text && id->len == name->len && !strncasecmp(id->text, name->text, id->len);
}

/* Is column c the first column of a key or index of the table? */
static int leads_index(const CreateTable *t, const ColumnDef *c)
{
    for (int i = 0; i < c->constraints.n; i++) {
        const Constraint *k = (const Constraint *)c->constraints.items[i];
        if (k->ck == CK_PRIMARY || k->ck == CK_UNIQUE)
            return 1;
    }
    for (int i = 0; i < t->constraints.n; i++) {
        const Constraint *k = (const Constraint *)t->constraints.items[i];
        if ((k->ck == CK_PRIMARY || k->ck == CK_UNIQUE) && first_col_is(&k->cols, &c->name))
            return 1;
    }
    for (int i = 0; i < t->indexes.n; i++)
        if (first_col_is(&((const CreateIndex *)t->indexes.items[i])->cols, &c->name))
            return 1;
    return 0;
}

static int charset_option(const char *name)
{
    return starts_ci(name, "CHARSET") || starts_ci(name, "CHARACTER SET") ||
           starts_ci(name, "DEFAULT CHARSET") || starts_ci(name, "DEFAULT CHARACTER SET") ||
           starts_ci(name, "COLLATE") || starts_ci(name, "DEFAULT COLLATE");
}

Node *xf_create_table(Rw *w, Node *n)
{
    CreateTable *t = (CreateTable *)n;
    const char *name = rw_qname_text(w, &t->name);
    int pg = rw_target_pg(w);
    if (t->object_type.len) {
        rw_keep_verbatim(w, "SS3019", t->object_type.len ? t->object_type : n->span,
                         "object table %s kept verbatim: create a table with the type's attributes as columns", name);
        return n;
    }
    if (t->name.n >= 3)
        rw_item_once(w, "SS3024", NULL, n->span, "table %s is named with its database: the extra parts are dropped",
                     name);
    if (same_dialect(w))
        return n;
    if (t->memory_optimized) {
        const char *dur = NULL;
        for (int i = 0; i < t->options.n; i++) {
            const OptionItem *o = (const OptionItem *)t->options.items[i];
            if (o->h.kind == N_OPTION && o->name && !strcasecmp(o->name, "DURABILITY"))
                dur = o->value;
        }
        rw_item(w, "SS3014", n->span, "memory-optimized table %s became an ordinary table%s", name,
                dur && !strncasecmp(dur, "SCHEMA_ONLY", 11) ? " (it was SCHEMA_ONLY: consider UNLOGGED)" : "");
        t->memory_optimized = 0;
    }
    if (t->temporary == 2) {
        rw_item(w, "SS3021", n->span, "global temporary table %s became a temporary table: in the target it exists "
                "only in the session that creates it, so each session must create it", name);
        t->temporary = 1;
    } else if (t->temporary == 1) {
        rw_item(w, "SS3030", n->span, "temporary table %s: created when this script runs, gone when its "
                "session ends", name);
    }
    /* table options */
    StrBuf cs;
    sb_init(&cs);
    for (int i = 0; i < t->options.n; i++) {
        Node *o = t->options.items[i];
        if (!o || o->kind != N_OPTION)
            continue;
        OptionItem *op = (OptionItem *)o;
        const char *on = op->name ? op->name : "";
        if (!strcasecmp(on, "AUTO_INCREMENT") && op->value) {
            /* AUTO_INCREMENT=n: the identity column starts there */
            for (int c = 0; c < t->columns.n; c++) {
                ColumnDef *cd = (ColumnDef *)t->columns.items[c];
                if (cd->h.kind == N_COLUMN_DEF && cd->identity && !cd->ident_start)
                    cd->ident_start = &mk_lit(w, o->span, LIT_INTEGER, op->value)->h;
            }
            continue;
        }
        if (!strcasecmp(on, "COMMENT"))
            continue;
        if (charset_option(on)) {
            sb_printf(&cs, "%s%s", cs.len ? ", " : "", option_text(w, op));
            continue;
        }
        if (!strcasecmp(on, "MEMORY_OPTIMIZED") || !strcasecmp(on, "DURABILITY"))
            continue; /* SS3014 above */
        if (!strcasecmp(on, "ON") && op->value && strchr(op->value, '(')) {
            /* ON scheme(col): a partition scheme */
            rw_itemh(w, "SS3008", o->span,
                     pg ? "recreate it with PARTITION BY RANGE/LIST/HASH and CREATE TABLE ... PARTITION OF"
                        : "recreate it with MySQL's PARTITION BY syntax",
                     "partitioning of %s (partition scheme %s) dropped", name, op->value);
            continue;
        }
        if (strstr(on, "SYSTEM_VERSIONING") || strstr(on, "PERIOD")) {
            rw_item(w, "SS3031", o->span, "system-versioned table %s: %s dropped; keep history with a trigger "
                    "and a history table (or the temporal_tables extension)", name, option_text(w, op));
            continue;
        }
        rw_drop_option(w, option_text(w, op), o->span);
    }
    if (cs.len)
        rw_item(w, "SS3027", n->span, "table %s: %s dropped (the target database encoding applies)", name, cs.s);
    sb_free(&cs);
    t->options.n = 0;
    if (t->partition.len) {
        rw_itemh(w, "SS3008", t->partition,
                 pg ? "recreate it with PARTITION BY RANGE/LIST/HASH and CREATE TABLE ... PARTITION OF"
                    : "recreate it with MySQL's PARTITION BY syntax",
                 "partitioning of %s dropped", name);
        t->partition.len = 0;
    }
    if (!pg) {
        drop_clock_checks(w, &t->constraints, name);
        for (int i = 0; i < t->columns.n; i++)
            if (t->columns.items[i]->kind == N_COLUMN_DEF)
                drop_clock_checks(w, &((ColumnDef *)t->columns.items[i])->constraints, name);
    }
    /* MySQL: an AUTO_INCREMENT column must lead an index when the table is
     * created (T-SQL often adds the primary key later with ALTER TABLE) */
    if (!pg)
        for (int i = 0; i < t->columns.n; i++) {
            ColumnDef *c = (ColumnDef *)t->columns.items[i];
            if (c->h.kind != N_COLUMN_DEF || !c->identity || leads_index(t, c))
                continue;
            CreateIndex *ix = NODE_NEW(w->cx->arena, CreateIndex, CREATE_INDEX, c->h.span);
            ix->h.flags |= NF_SYNTHETIC;
            IndexCol *ic = NODE_NEW(w->cx->arena, IndexCol, INDEX_COL, c->h.span);
            ic->h.flags |= NF_SYNTHETIC;
            NameRef *nm = (NameRef *)mk_name(w, c->h.span, "x");
            nm->name.parts[0] = c->name;
            ic->expr = &nm->h;
            nl_push(w->cx->arena, &ix->cols, ic);
            nl_push(w->cx->arena, &t->indexes, ix);
            rw_item(w, "SS3007", c->h.span, "AUTO_INCREMENT column %s.%s got an index: MySQL requires one when "
                    "the table is created (the primary key comes later)", name, rw_ident_text(w, &c->name));
        }
    /* inline indexes the target cannot build (T-SQL INDEX ... COLUMNSTORE) */
    int k = 0;
    for (int i = 0; i < t->indexes.n; i++) {
        CreateIndex *ix = (CreateIndex *)t->indexes.items[i];
        if (ix && ix->h.kind == N_CREATE_INDEX && (ix->ik == IK_XML || ix->ik == IK_COLUMNSTORE)) {
            rw_item(w, "SS3011", ix->h.span, "%s index %s of %s dropped: %s", ix->ik == IK_XML ? "XML" : "columnstore",
                    ix->name.text ? rw_ident_text(w, &ix->name) : "", name, rw_span_text(w, ix->h.span));
            continue;
        }
        t->indexes.items[k++] = t->indexes.items[i];
    }
    t->indexes.n = k;
    return n;
}

/* ==== CREATE INDEX ================================================================ */

static Node *fts_document(Rw *w, CreateIndex *ix, const QName *table, SrcSpan sp)
{
    Node *doc = NULL;
    for (int i = 0; i < ix->cols.n; i++) {
        IndexCol *ic = (IndexCol *)ix->cols.items[i];
        if (!ic || ic->h.kind != N_INDEX_COL || !ic->expr)
            continue;
        Node *e = ic->expr;
        /* xml and other non-character columns are indexed as their text */
        const CatColumn *col = NULL;
        if (e->kind == N_NAME && table) {
            const QName *q = &((NameRef *)e)->name;
            col = table_column(w, table, &q->parts[q->n - 1]);
        }
        if (!col || !col->is_string)
            e = mk_cast(w, sp, e, "text");
        Node *part = &mk_call(w, sp, "coalesce", 2, e, mk_str(w, sp, ""))->h;
        doc = doc ? mk_bin(w, sp, B_CONCAT, mk_bin(w, sp, B_CONCAT, doc, mk_str(w, sp, " ")), part) : part;
    }
    return doc;
}

Node *xf_create_index(Rw *w, Node *n)
{
    CreateIndex *ix = (CreateIndex *)n;
    int pg = rw_target_pg(w);
    int inline_ = ix->table.n == 0;
    const char *tname = inline_ ? table_text(w) : rw_qname_text(w, &ix->table);
    const char *iname = ix->name.text ? rw_ident_text(w, &ix->name) : "(unnamed)";
    SrcSpan sp = n->span;
    Arena *a = w->cx->arena;
    if (same_dialect(w))
        return n;
    if (!inline_ && ix->table.n >= 3)
        rw_item_once(w, "SS3024", NULL, sp, "%s is named with its database: the extra parts are dropped", tname);
    if (!inline_ && w->cx->catalog) {
        CatTable *t = rw_find_table(w, &ix->table);
        if (t && t->kind == OK_VIEW) {
            rw_keep_verbatim(w, "SS3032", sp, "index %s on view %s (an indexed view) kept verbatim: use a "
                             "materialized view with an index", iname, tname);
            return n;
        }
    }
    if (ix->ik == IK_XML || ix->ik == IK_COLUMNSTORE) {
        if (!inline_)
            rw_keep_verbatim(w, "SS3011", sp, "%s index %s on %s kept verbatim: %s", ix->ik == IK_XML ? "XML" : "columnstore",
                             iname, tname, ix->ik == IK_XML ? "index an expression over xpath() instead"
                                                             : "the target has no columnstore indexes");
        return n;
    }
    for (int i = 0; i < ix->options.n; i++)
        if (ix->options.items[i] && ix->options.items[i]->kind == N_OPTION)
            rw_drop_option(w, option_text(w, (OptionItem *)ix->options.items[i]), ix->options.items[i]->span);
    ix->options.n = 0;
    switch (ix->ik) {
    case IK_CLUSTERED:
        rw_item_once(w, "SS3002", NULL, sp, "clustered index %s became a plain index%s", iname,
                     pg ? ": run CLUSTER once if the physical order matters" : "");
        ix->ik = IK_PLAIN;
        break;
    case IK_NONCLUSTERED:
        ix->ik = IK_PLAIN;
        break;
    case IK_BITMAP:
        rw_item(w, "SS3005", sp, "bitmap index %s became a B-tree index", iname);
        ix->ik = IK_PLAIN;
        break;
    case IK_FULLTEXT:
        if (!ix->name.text) { /* T-SQL full-text indexes have no name; the targets need one */
            const char *base = w->table_name && w->table_name->n
                                   ? rw_ident_text(w, &w->table_name->parts[w->table_name->n - 1])
                                   : ix->table.n ? rw_ident_text(w, &ix->table.parts[ix->table.n - 1]) : "t";
            ix->name = ident_make(a, arena_printf(a, "%s_fts", rw_lower(w, base, strlen(base))));
            iname = rw_ident_text(w, &ix->name);
        }
        if (!pg) {
            rw_item(w, "SS3003", sp, "full-text index %s on %s became a FULLTEXT index: queries must use "
                    "MATCH ... AGAINST", iname, tname);
            break;
        } else {
            Node *doc = fts_document(w, ix, inline_ ? w->table_name : &ix->table, sp);
            if (!doc) {
                rw_keep_verbatim(w, "SS3003", sp, "full-text index %s on %s kept verbatim", iname, tname);
                return n;
            }
            IndexCol *ic = NODE_NEW(a, IndexCol, INDEX_COL, sp);
            ic->h.flags |= NF_SYNTHETIC;
            ic->expr = &mk_call(w, sp, "to_tsvector", 2, mk_str(w, sp, "simple"), doc)->h;
            ix->cols.n = 0;
            nl_push(a, &ix->cols, ic);
            ix->ik = IK_PLAIN;
            ix->unique = 0;
            ix->using_ = ident_make(a, "gin");
            ix->include.n = 0;
            rw_item(w, "SS3003", sp, "full-text index %s on %s became a GIN index on to_tsvector('simple', ...): "
                    "queries must use to_tsvector('simple', ...) @@ to_tsquery(...), and the search "
                    "configuration may need a language", ix->name.text ? rw_ident_text(w, &ix->name) : iname, tname);
        }
        break;
    case IK_SPATIAL:
        if (pg) {
            rw_item(w, "SS3004", sp, "spatial index %s on %s became a GiST index: needs PostGIS (geometry columns)",
                    iname, tname);
            ix->ik = IK_PLAIN;
            ix->using_ = ident_make(a, "gist");
        }
        break;
    default:
        break;
    }
    if (ix->using_.text && !(ix->h.flags & NF_SYNTHETIC)) {
        if (ident_eq(&ix->using_, "BTREE"))
            ix->using_.text = NULL;
        else if (ident_eq(&ix->using_, "HASH") && (ix->unique || !pg)) {
            rw_item(w, "SS3012", sp, "index %s: USING HASH dropped (%s)", iname,
                    pg ? "PostgreSQL hash indexes cannot be unique" : "InnoDB has B-tree indexes only");
            ix->using_.text = NULL;
        }
    }
    if (!pg) {
        if (ix->include.n) {
            rw_item(w, "SS3012", sp, "index %s: INCLUDE columns dropped (MySQL has no covering columns)", iname);
            ix->include.n = 0;
        }
        if (ix->where) {
            rw_item(w, "SS3012", sp, "index %s: filter WHERE %s dropped: %s", iname, rw_span_text(w, ix->where->span),
                    ix->unique ? "the unique constraint now covers every row" : "the index covers every row");
            ix->where = NULL;
        }
    }
    /* MySQL prefix indexes: col(10) */
    for (int i = 0; i < ix->cols.n && pg; i++) {
        IndexCol *ic = (IndexCol *)ix->cols.items[i];
        if (!ic || ic->h.kind != N_INDEX_COL || ic->prefix_len <= 0)
            continue;
        ic->expr = &mk_call(w, ic->h.span, "substr", 3, ic->expr, mk_int(w, ic->h.span, 1),
                            mk_int(w, ic->h.span, ic->prefix_len))->h;
        if (!ix->unique)
            rw_item(w, "SS3012", ic->h.span, "index %s: prefix length %d became an index on substr(): only "
                    "queries on that expression use it", iname, ic->prefix_len);
        ic->prefix_len = 0;
    }
    return n;
}

/* ==== views, sequences, synonyms, types, comments ================================== */

Node *xf_create_view(Rw *w, Node *n)
{
    CreateView *v = (CreateView *)n;
    const char *name = rw_qname_text(w, &v->name);
    int pg = rw_target_pg(w);
    if (v->object_view.len) {
        rw_keep_verbatim(w, "SS3019", v->object_view, "object view %s kept verbatim: create an ordinary view", name);
        return n;
    }
    if (v->name.n >= 3)
        rw_item_once(w, "SS3024", NULL, n->span, "view %s is named with its database: the extra parts are dropped", name);
    if (same_dialect(w))
        return n;
    if (v->materialized) {
        if (!pg) {
            rw_keep_verbatim(w, "SS3032", n->span, "materialized view %s kept verbatim: MySQL has none; use a "
                             "table refreshed by an event", name);
            return n;
        }
        rw_item(w, "SS3032", n->span, "materialized view %s: refresh it with REFRESH MATERIALIZED VIEW "
                "(the source's refresh options are dropped)", name);
    }
    if (v->schemabinding)
        v->schemabinding = 0; /* PostgreSQL views always depend on their tables */
    if (v->read_only) {
        rw_drop_option(w, "WITH READ ONLY", n->span);
        v->read_only = 0;
    }
    v->force = 0;
    for (int i = 0; i < v->options.n; i++)
        if (v->options.items[i] && v->options.items[i]->kind == N_OPTION)
            rw_drop_option(w, option_text(w, (OptionItem *)v->options.items[i]), v->options.items[i]->span);
    v->options.n = 0;
    return n;
}

static int digits_beyond_bigint(const Node *e)
{
    const Node *x = e;
    if (x && x->kind == N_UNARY && ((const UnaryExpr *)x)->op == U_NEG)
        x = ((const UnaryExpr *)x)->arg;
    if (!x || x->kind != N_LITERAL)
        return 0;
    const Literal *l = (const Literal *)x;
    if (l->lk != LIT_INTEGER && l->lk != LIT_DECIMAL)
        return 0;
    size_t d = 0;
    for (uint32_t i = 0; i < l->len; i++)
        if (isdigit((unsigned char)l->value[i]))
            d++;
    if (d > 19)
        return 1;
    if (d == 19)
        return strcmp(l->value, "9223372036854775807") > 0;
    return 0;
}

Node *xf_create_sequence(Rw *w, Node *n)
{
    CreateSequence *s = (CreateSequence *)n;
    const char *name = rw_qname_text(w, &s->name);
    if (same_dialect(w))
        return n;
    if (!rw_target_pg(w)) {
        rw_keep_verbatim(w, "SS2019", n->span, "sequence %s kept verbatim: MySQL has no sequences (use "
                         "AUTO_INCREMENT or a table)", name);
        return n;
    }
    StrBuf b;
    sb_init(&b);
    if (s->as_type && s->as_type->target_text && !integer_target(s->as_type->target_text)) {
        sb_printf(&b, ", AS %s (became bigint)", s->as_type->target_text);
        s->as_type->target_text = "bigint";
    }
    if (s->order) {
        sb_puts(&b, ", ORDER");
        s->order = 0;
    }
    /* bounds beyond bigint (Oracle's default 28 nines) mean "none" */
    if (digits_beyond_bigint(s->maxvalue))
        s->maxvalue = NULL;
    if (digits_beyond_bigint(s->minvalue))
        s->minvalue = NULL;
    for (int i = 0; i < s->options.n; i++)
        if (s->options.items[i] && s->options.items[i]->kind == N_OPTION)
            sb_printf(&b, ", %s", option_text(w, (OptionItem *)s->options.items[i]));
    s->options.n = 0;
    if (b.len)
        rw_item(w, "SS3023", n->span, "sequence %s: %s dropped", name, b.s + 2);
    sb_free(&b);
    return n;
}

static int remote_name(const QName *q)
{
    for (int i = 0; i < q->n; i++)
        if (q->parts[i].text && memchr(q->parts[i].text, '@', q->parts[i].len))
            return 1;
    return q->n >= 3;
}

Node *xf_create_synonym(Rw *w, Node *n)
{
    CreateSynonym *s = (CreateSynonym *)n;
    const char *name = rw_qname_text(w, &s->name), *target = rw_qname_text(w, &s->target);
    if (same_dialect(w))
        return n;
    if (remote_name(&s->target)) {
        rw_keep_verbatim(w, "SS3010", n->span, "synonym %s for remote object %s kept verbatim: use a foreign "
                         "table (postgres_fdw / oracle_fdw / tds_fdw)", name, target);
        return n;
    }
    CatTable *t = rw_find_table(w, &s->target);
    if (!t || !(t->kind == OK_TABLE || t->kind == OK_VIEW || t->kind == OK_SYNONYM)) {
        rw_keep_verbatim(w, "SS3010", n->span, "synonym %s for %s kept verbatim: the target is not a table or "
                         "view of this input (a routine, a sequence or an object defined elsewhere)", name, target);
        return n;
    }
    Arena *a = w->cx->arena;
    SrcSpan sp = n->span;
    TableRef *tr = NODE_NEW(a, TableRef, TABLE_REF, sp);
    tr->h.flags |= NF_SYNTHETIC;
    tr->name = s->target;
    StarRef *star = NODE_NEW(a, StarRef, STAR, sp);
    star->h.flags |= NF_SYNTHETIC;
    TargetItem *ti = NODE_NEW(a, TargetItem, TARGET, sp);
    ti->h.flags |= NF_SYNTHETIC;
    ti->expr = &star->h;
    SelectStmt *sel = NODE_NEW(a, SelectStmt, SELECT, sp);
    sel->h.flags |= NF_SYNTHETIC;
    nl_push(a, &sel->targets, ti);
    nl_push(a, &sel->from, tr);
    CreateView *v = NODE_NEW(a, CreateView, CREATE_VIEW, sp);
    v->h.flags |= NF_SYNTHETIC;
    v->name = s->name;
    v->query = &sel->h;
    v->or_replace = s->or_replace;
    rw_item(w, "SS3009", sp, "%ssynonym %s became view %s over %s", s->public_ ? "public " : "", name, name, target);
    return &v->h;
}

/* A T-SQL table type becomes a composite type with the same columns, so that
 * a table-valued parameter of it becomes an array of it (xf_proc.c). A
 * composite type has no constraints, defaults or identity: SS4191 lists what
 * is not enforced any more. 0 if it cannot be (a computed column). */
static int table_type_composite(Rw *w, CreateType *t, const char *name)
{
    StrBuf lost;
    sb_init(&lost);
    for (int i = 0; i < t->columns.n; i++) {
        const ColumnDef *c = (const ColumnDef *)t->columns.items[i];
        if (c->h.kind != N_COLUMN_DEF || !c->type) {
            sb_free(&lost);
            return 0;
        }
        const char *cn = rw_ident_text(w, &c->name);
        if (c->nullable == 2)
            sb_printf(&lost, "%sNOT NULL on %s", lost.len ? ", " : "", cn);
        if (c->default_)
            sb_printf(&lost, "%sDEFAULT of %s", lost.len ? ", " : "", cn);
        if (c->identity)
            sb_printf(&lost, "%sIDENTITY of %s", lost.len ? ", " : "", cn);
        if (c->constraints.n)
            sb_printf(&lost, "%sconstraints of %s", lost.len ? ", " : "", cn);
    }
    if (t->constraints.n)
        sb_printf(&lost, "%s%d table constraint%s", lost.len ? ", " : "", t->constraints.n,
                  t->constraints.n > 1 ? "s" : "");
    xf_qualify_user_type(w, &t->name);
    rw_item(w, "SS4190", t->h.span, "table type %s became composite type %s: a table-valued parameter of this "
            "type becomes an array %s[]", name, name, name);
    if (lost.len)
        rw_item(w, "SS4191", t->h.span, "table type %s: %s not carried over (a composite type has no "
                "constraints or defaults)", name, lost.s);
    sb_free(&lost);
    return 1;
}

Node *xf_create_type(Rw *w, Node *n)
{
    CreateType *t = (CreateType *)n;
    const char *name = rw_qname_text(w, &t->name);
    int pg = rw_target_pg(w);
    if (same_dialect(w))
        return n;
    switch (t->tyk) {
    case TYK_ALIAS:
        if (pg) {
            xf_qualify_user_type(w, &t->name);
            rw_item(w, "SS1019", n->span, "alias type %s became DOMAIN %s AS %s", name, name,
                    t->base && t->base->target_text ? t->base->target_text : "(its base type)");
        } else {
            rw_keep_verbatim(w, "SS1019", n->span, "alias type %s kept as a comment: MySQL has no domains; "
                             "columns of this type use %s", name,
                             t->base && t->base->target_text ? t->base->target_text : "its base type");
        }
        break;
    case TYK_TABLE:
        if (!pg || !table_type_composite(w, t, name))
            rw_keep_verbatim(w, "SS3013", n->span, "table type %s kept verbatim: use a temporary table or an array "
                             "of a composite type for table-valued parameters", name);
        break;
    case TYK_OBJECT: case TYK_COLLECTION:
        rw_keep_verbatim(w, "SS3019", n->span, "%s type %s kept verbatim: use a composite type%s",
                         t->tyk == TYK_OBJECT ? "object" : "collection", name,
                         t->tyk == TYK_OBJECT ? " (methods go into functions)" : " or an array");
        break;
    case TYK_XMLSCHEMA:
        rw_keep_verbatim(w, "SS1004", n->span, "XML schema collection %s kept verbatim: PostgreSQL validates no "
                         "XML schemas", name);
        break;
    default:
        if (!pg)
            rw_keep_verbatim(w, "SS2019", n->span, "type %s kept verbatim: use ENUM columns in MySQL", name);
        break;
    }
    return n;
}

Node *xf_comment(Rw *w, Node *n)
{
    CommentStmt *c = (CommentStmt *)n;
    const char *obj = rw_qname_text(w, &c->obj);
    if (same_dialect(w))
        return n;
    if (!rw_target_pg(w) && c->target != CT_TABLE) {
        rw_keep_verbatim(w, "SS3020", n->span, "comment on %s kept as a comment: MySQL stores column comments "
                         "in the column definition (ALTER TABLE ... MODIFY with the full definition)", obj);
        return n;
    }
    if (c->from_extprop)
        rw_item(w, "SS3020", n->span, "extended property on %s became COMMENT ON", obj);
    if (c->target == CT_TABLE) {
        /* Oracle's COMMENT ON TABLE also names views */
        CatTable *t = rw_find_table(w, &c->obj);
        if (t && t->kind == OK_VIEW)
            c->target = CT_VIEW;
    }
    return n;
}

/* ==== ALTER TABLE, DROP ================================================================ */

Node *xf_alter_table(Rw *w, Node *n)
{
    AlterTable *at = (AlterTable *)n;
    const char *name = rw_qname_text(w, &at->name);
    if (at->name.n >= 3)
        rw_item_once(w, "SS3024", NULL, n->span, "table %s is named with its database: the extra parts are dropped",
                     name);
    if (same_dialect(w))
        return n;
    int pg = rw_target_pg(w);
    int kept = 0;
    for (int i = 0; i < at->actions.n; i++) {
        AlterAction *x = (AlterAction *)at->actions.items[i];
        if (!x || x->h.kind != N_ALTER_ACTION)
            continue;
        switch (x->ak) {
        case AK_OTHER:
            rw_keep_verbatim(w, "SS3026", x->h.span, "ALTER TABLE %s: action not convertible: %s", name,
                             rw_span_text(w, x->h.span));
            return n;
        case AK_CHECK_CONSTRAINT:
            if (x->nocheck) {
                rw_keep_verbatim(w, "SS3026", x->h.span, "ALTER TABLE %s NOCHECK CONSTRAINT: %s cannot disable a "
                                 "constraint (drop it, or recreate it NOT VALID later)", name,
                                 pg ? "PostgreSQL" : "MySQL");
                return n;
            }
            break; /* CHECK CONSTRAINT: always enabled in the target (the emitter says so) */
        case AK_ENABLE_TRIGGER: case AK_DISABLE_TRIGGER:
            rw_keep_verbatim(w, "SS3026", x->h.span, "ALTER TABLE %s %s TRIGGER kept verbatim: the triggers are "
                             "kept verbatim too", name, x->ak == AK_ENABLE_TRIGGER ? "ENABLE" : "DISABLE");
            return n;
        case AK_ADD_CONSTRAINT:
            /* WITH NOCHECK ADD: the parser marked the constraint NOVALIDATE
             * and xf_constraint reported it */
            x->nocheck = 0;
            if (!pg && nondeterministic_check(x->def)) {
                rw_keep_verbatim(w, "SS3026", x->h.span, "ALTER TABLE %s: %s uses the current time, which MySQL "
                                 "does not allow in a CHECK constraint: kept verbatim (use a trigger)", name,
                                 constraint_text(w, (Constraint *)x->def));
                return n;
            }
            break;
        case AK_SET_DEFAULT:
            if (x->expr && x->name.text)
                x->expr = column_value(w, x->expr, table_column(w, &at->name, &x->name));
            break;
        default:
            break;
        }
        at->actions.items[kept++] = &x->h;
    }
    at->actions.n = kept;
    if (w->prepend.n) {
        NodeList l = {0, 0, NULL};
        for (int j = 0; j < w->prepend.n; j++)
            nl_push(w->cx->arena, &l, w->prepend.items[j]);
        for (int j = 0; j < at->actions.n; j++)
            nl_push(w->cx->arena, &l, at->actions.items[j]);
        at->actions = l;
        w->prepend.n = 0;
    }
    return n;
}

/* DROPs the target cannot run: of objects that are kept verbatim themselves,
 * or that have no target form. */
Node *xf_drop(Rw *w, Node *n)
{
    DropStmt *d = (DropStmt *)n;
    if (same_dialect(w))
        return n;
    const char *what = NULL;
    switch (d->what) {
    case OK_TRIGGER: what = "the trigger is kept verbatim"; break;
    case OK_PACKAGE: what = "the package is kept verbatim"; break;
    case OK_PROCEDURE: case OK_FUNCTION: what = "stored code is kept verbatim"; break;
    case OK_DATABASE:
        rw_keep_verbatim(w, "SS7011", n->span, "DROP DATABASE kept as a comment");
        return n;
    case OK_CONSTRAINT: case OK_OTHER: what = "it has no form in the target"; break;
    case OK_TYPE: case OK_SEQUENCE:
        if (!rw_target_pg(w))
            what = "MySQL has no such objects";
        break;
    default: break;
    }
    if (what)
        rw_keep_verbatim(w, "SS3022", n->span, "%s kept as a comment: %s", snippet_text(w, n->span), what);
    return n;
}
