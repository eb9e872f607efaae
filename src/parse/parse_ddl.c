/* parse: DDL for every source dialect (T-SQL, Oracle, MySQL) and PostgreSQL
 * (round trips): CREATE / ALTER / DROP / COMMENT ON and T-SQL extended
 * properties. Tables, columns, constraints, indexes, views, sequences,
 * synonyms, schemas and types become their own nodes; storage and engine
 * clauses are kept as OPTION items (upper-case name, value as written) so the
 * rewrite stage can report what it drops. Stored code is handed to
 * ps_routine; objects sqlshift does not convert (databases, users, ...)
 * become OTHER_STMT after skipping to the statement end.
 *
 * The public functions are entered at their first token (CREATE, ALTER, ...)
 * and leave the parser at the statement terminator without consuming it. A
 * syntax error is recorded with ps_error and NULL is returned; the caller
 * keeps the text as RAW.
 *
 * Conventions the later stages rely on, where ast.h leaves a choice:
 * - MySQL UNIQUE [KEY|INDEX] [name] (..) is a CK_UNIQUE constraint (named
 *   after the index when no CONSTRAINT name is given); KEY / INDEX /
 *   FULLTEXT / SPATIAL are CREATE_INDEX nodes in CreateTable.indexes.
 * - Column-level constraints have no columns. A NOT NULL becomes a
 *   CK_NOT_NULL constraint only when it is named or carries Oracle state
 *   (ENABLE, NOVALIDATE, ..); ColumnDef.nullable is set either way.
 * - ALTER TABLE: T-SQL ADD CONSTRAINT d DEFAULT x FOR c is AK_SET_DEFAULT
 *   (name = column, def = the CK_DEFAULT constraint with the name d);
 *   AK_DROP_CONSTRAINT.def, when set, tells what a keyword form drops (a
 *   CONSTRAINT stub with ck for PRIMARY KEY / FOREIGN KEY / UNIQUE / CHECK, a
 *   CREATE_INDEX stub for MySQL DROP INDEX); AK_ALTER_COLUMN.def is a
 *   COLUMN_DEF whose type is NULL when only nullability or the default
 *   changes (Oracle MODIFY c NOT NULL, PostgreSQL SET NOT NULL); MySQL CHANGE
 *   a b .. has name = a; AlterAction.if_exists also marks ADD .. IF NOT EXISTS.
 * - A column without a data type is accepted only in an Oracle object table
 *   or before AS SELECT; otherwise it is an error.
 * - PostgreSQL ENUM types keep their labels in CreateType.base->values.
 * - Materialized view clauses before AS are one OPTION "MATERIALIZED".
 * - DROP of a materialized view, a type body or a package body is OK_OTHER,
 *   so that no plain DROP VIEW / TYPE / PACKAGE is ever emitted for them.
 * - Oracle REF types are TypeName with upper "REF <TYPE>". */
#include "parse/parser.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define IS(p, k) ps_is_kw((p), KW_##k)
#define ACCEPT(p, k) ps_accept_kw((p), KW_##k)
#define PEEK(p, n, k) ps_peek_kw((p), (n), KW_##k)

/* ---- small token helpers ---------------------------------------------- */

static int peek_kind(Parser *p, int k, int kind) { return ps_peek(p, k)->kind == kind; }

static int peek_word(Parser *p, int k, const char *w)
{
    const Token *t = ps_peek(p, k);
    size_t n = strlen(w);
    return t->kind == TK_IDENT && t->len == n && strncasecmp(p->src->text + t->off, w, n) == 0;
}

static int tok_is_name(const Token *t)
{
    return t->kind == TK_QIDENT || (t->kind == TK_IDENT && !kw_reserved(t->kw));
}

static int tok_is_string(const Token *t)
{
    return t->kind == TK_STRING || t->kind == TK_NSTRING || t->kind == TK_QSTRING ||
           t->kind == TK_DOLLAR_STRING;
}

/* Terminators that end a statement in every dialect. */
static int hard_end(Parser *p)
{
    int k = ps_cur(p)->kind;
    return k == TK_SEMI || k == TK_DELIM || k == TK_GO || k == TK_EOF || k == TK_SLASH_TERM ||
           k == TK_SQLCMD || k == TK_SQLPLUS || k == TK_DELIMITER_CMD;
}

/* End of the statement inside clauses that may contain words T-SQL also
 * uses to start statements (SET, UPDATE, ...): there only a statement
 * keyword at the start of a line ends the statement, as in
 * ps_skip_to_stmt_end. */
static int line_end(Parser *p)
{
    if (hard_end(p))
        return 1;
    return p->d == DIALECT_TSQL && ps_at_stmt_end(p) && (ps_cur(p)->flags & TF_LINE_START);
}

/* "expected WHAT, found 'token'" */
static void *fail(Parser *p, const char *what)
{
    const Token *t = ps_cur(p);
    if (hard_end(p))
        return ps_error(p, "expected %s, found %s", what, tok_kind_name(t->kind));
    return ps_error(p, "expected %s, found '%.*s'", what, (int)(t->len > 40 ? 40 : t->len),
                    p->src->text + t->off);
}

/* Skips what is left of a statement sqlshift keeps as OTHER_STMT. Guards the
 * first-token rule of ps_skip_to_stmt_end (it never stops at the token it
 * starts on, which could be the terminator itself). */
static void skip_rest(Parser *p)
{
    if (line_end(p))
        return;
    ps_skip_to_stmt_end(p);
}

/* Skips one balanced (...) group at the current '('. */
static int skip_group(Parser *p)
{
    if (!ps_is(p, TK_LPAREN))
        return fail(p, "'('"), 0;
    if (!ps_skip_parens(p))
        return ps_error(p, "unbalanced parentheses"), 0;
    return 1;
}

/* Skips an unknown clause: up to a ',' or ')' at depth 0 or the statement end. */
static int skip_clause(Parser *p)
{
    while (!line_end(p) && !ps_is(p, TK_COMMA) && !ps_is(p, TK_RPAREN)) {
        if (ps_is(p, TK_LPAREN)) {
            if (!skip_group(p))
                return 0;
            continue;
        }
        ps_advance(p);
    }
    return 1;
}

/* Source text from token index `from` to the end of the previous token. */
static const char *text_from(Parser *p, int from)
{
    if (p->pos <= from)
        return NULL;
    SrcSpan s = ps_span_from(p, from);
    return arena_strndup(p->arena, p->src->text + s.off, s.len);
}

static const char *take_upper(Parser *p)
{
    const char *s = ps_tok_upper(p, ps_cur(p));
    ps_advance(p);
    return s;
}

static OptionItem *add_option(Parser *p, NodeList *list, int from, const char *name,
                              const char *value)
{
    OptionItem *o = NODE_NEW(p->arena, OptionItem, OPTION, ps_span_from(p, from));
    o->name = name;
    o->value = value;
    nl_push(p->arena, list, o);
    return o;
}

static Ident ident_of_tok(Parser *p, const Token *t)
{
    Ident id;
    memset(&id, 0, sizeof id);
    id.text = ps_tok_text(p, t);
    id.len = t->len;
    id.span = ps_tok_span(p, t);
    return id;
}

/* IF NOT EXISTS / IF EXISTS; returns 1 if present. */
static int if_not_exists(Parser *p)
{
    if (IS(p, IF) && PEEK(p, 1, NOT) && PEEK(p, 2, EXISTS)) {
        ps_advance(p);
        ps_advance(p);
        ps_advance(p);
        return 1;
    }
    return 0;
}

static int if_exists(Parser *p)
{
    if (IS(p, IF) && PEEK(p, 1, EXISTS)) {
        ps_advance(p);
        ps_advance(p);
        return 1;
    }
    return 0;
}

static Node *name_node(Parser *p, int from, const QName *q)
{
    NameRef *n = NODE_NEW(p->arena, NameRef, NAME, ps_span_from(p, from));
    n->name = *q;
    return &n->h;
}

/* A name whose schema part is irrelevant here (index names): the last part. */
static int last_name(Parser *p, Ident *out)
{
    return ps_qname_last(p, out);
}

/* ---- option values ------------------------------------------------------ */

/* Words that begin a storage / engine / index option. A generic option's
 * value runs up to the next of these, so `PCTFREE 10 NOLOGGING COMPRESS FOR
 * OLTP` gives three options. */
static const char *const option_heads[] = {
    "TABLESPACE", "PCTFREE", "PCTUSED", "INITRANS", "MAXTRANS", "STORAGE", "LOGGING",
    "NOLOGGING", "FILESYSTEM_LIKE_LOGGING", "COMPRESS", "NOCOMPRESS", "CACHE", "NOCACHE",
    "PARALLEL", "NOPARALLEL", "MONITORING", "NOMONITORING", "SEGMENT", "ORGANIZATION", "LOB",
    "NESTED", "ENABLE", "DISABLE", "ON", "PARTITION", "ROWDEPENDENCIES", "NOROWDEPENDENCIES",
    "RESULT_CACHE", "AS", "TEXTIMAGE_ON", "FILESTREAM_ON", "WITH", "WITHOUT", "INMEMORY",
    "NO", "FLASHBACK", "CLUSTER", "XMLTYPE", "VARRAY", "COLUMN", "OIDINDEX", "OBJECT",
    "ROW", "LOCAL", "GLOBAL", "COMPUTE", "ONLINE", "REVERSE", "VISIBLE", "INVISIBLE",
    "INDEXTYPE", "PARAMETERS", "NOSORT", "SORT", "USING", "INCLUDE", "WHERE", "INHERITS",
    "PCTTHRESHOLD", "INCLUDING", "OVERFLOW", "MAPPING", "UNUSABLE", "DEFAULT", "ENGINE",
    "AUTO_INCREMENT", "AVG_ROW_LENGTH", "CHARACTER", "CHARSET", "CHECKSUM", "COLLATE",
    "COMMENT", "COMPRESSION", "CONNECTION", "DATA", "INDEX", "DELAY_KEY_WRITE", "ENCRYPTION",
    "INSERT_METHOD", "KEY_BLOCK_SIZE", "MAX_ROWS", "MIN_ROWS", "PACK_KEYS", "PASSWORD",
    "ROW_FORMAT", "STATS_AUTO_RECALC", "STATS_PERSISTENT", "STATS_SAMPLE_PAGES", "UNION",
    "ALGORITHM", "LOCK", "AUTOEXTEND_SIZE", "SECONDARY_ENGINE", "ENGINE_ATTRIBUTE",
    "MEMOPTIMIZE", "ILM", "SUPPLEMENTAL", "READ", "REJECT", "DEDUPLICATE", "BUILD", "REFRESH",
    "NEVER", "QUERY", "KEY", "SHARING", "ACCESS", "EXTERNAL",
};

static int is_option_head(Parser *p)
{
    const Token *t = ps_cur(p);
    if (t->kind != TK_IDENT)
        return 0;
    const char *s = p->src->text + t->off;
    for (size_t i = 0; i < sizeof option_heads / sizeof option_heads[0]; i++)
        if (strlen(option_heads[i]) == t->len && strncasecmp(s, option_heads[i], t->len) == 0)
            return 1;
    return 0;
}

/* One value: a word, number, string or (...) group, optionally signed or
 * dotted (a.b) and followed by a group (ps(col)). Returns 0 if none. */
static int take_value(Parser *p)
{
    if (ps_is(p, TK_LPAREN))
        return skip_group(p);
    if (ps_is(p, TK_MINUS) || ps_is(p, TK_PLUS))
        ps_advance(p);
    const Token *t = ps_cur(p);
    switch (t->kind) {
    case TK_IDENT: case TK_QIDENT: case TK_STRING: case TK_NSTRING: case TK_QSTRING:
    case TK_INTEGER: case TK_DECIMAL: case TK_HEX: case TK_VAR: case TK_SUBST:
    case TK_XSTRING: case TK_BSTRING: case TK_DOLLAR_STRING:
        break;
    default:
        return 0;
    }
    ps_advance(p);
    while (ps_is(p, TK_DOT) && tok_is_name(ps_peek(p, 1))) {
        ps_advance(p);
        ps_advance(p);
    }
    if (ps_is(p, TK_LPAREN) && !(ps_cur(p)->flags & TF_SPACE_BEFORE))
        return skip_group(p);
    return 1;
}

/* A generic option: WORD [=] value. With multi, the value runs up to the
 * next option head (Oracle and PostgreSQL storage clauses); otherwise it is
 * one value, taken only when it is not itself an option head. */
static OptionItem *generic_option(Parser *p, NodeList *list, int multi)
{
    int from = p->pos;
    const Token *t = ps_cur(p);
    if (t->kind != TK_IDENT && t->kind != TK_QIDENT)
        return fail(p, "an option");
    const char *name = take_upper(p);
    int vfrom = p->pos;
    if (ps_accept(p, TK_EQ)) {
        vfrom = p->pos;
        if (!take_value(p))
            return fail(p, "a value after '='");
    } else if (multi) {
        /* options whose first value word also heads options of its own:
         * ORGANIZATION INDEX, ENABLE ROW MOVEMENT, NO INMEMORY */
        if ((strcmp(name, "ORGANIZATION") == 0 || strcmp(name, "NO") == 0 ||
             ((strcmp(name, "ENABLE") == 0 || strcmp(name, "DISABLE") == 0) && IS(p, ROW))) &&
            ps_is(p, TK_IDENT)) {
            ps_advance(p);
            ps_accept_word(p, "MOVEMENT");
        }
        while (!line_end(p) && !ps_is(p, TK_COMMA) && !ps_is(p, TK_RPAREN)) {
            if (ps_is_word(p, "STORE") && PEEK(p, 1, AS)) { /* LOB/XMLTYPE .. STORE AS */
                ps_advance(p);
                ps_advance(p);
                continue;
            }
            if (is_option_head(p))
                break;
            if (ps_is(p, TK_LPAREN)) {
                if (!skip_group(p))
                    return NULL;
                continue;
            }
            ps_advance(p);
        }
    } else {
        const Token *v = ps_cur(p);
        if (tok_is_string(v) || v->kind == TK_INTEGER || v->kind == TK_DECIMAL ||
            v->kind == TK_QIDENT || v->kind == TK_LPAREN ||
            (v->kind == TK_IDENT && !is_option_head(p) && !ps_at_stmt_end(p)))
            take_value(p);
    }
    return add_option(p, list, from, name, text_from(p, vfrom));
}

/* WITH ( name [= value], ... ): one OPTION per item. Sets *memopt for
 * MEMORY_OPTIMIZED = ON. At '('. */
static int paren_options(Parser *p, NodeList *out, int *memopt)
{
    if (!ps_expect(p, TK_LPAREN))
        return 0;
    if (ps_accept(p, TK_RPAREN))
        return 1;
    do {
        int from = p->pos;
        const Token *t = ps_cur(p);
        if (t->kind != TK_IDENT && t->kind != TK_QIDENT)
            return fail(p, "an option name"), 0;
        const char *name = take_upper(p);
        if (!ps_accept(p, TK_EQ))
            ps_accept(p, TK_ARROW);
        int vfrom = p->pos;
        while (!ps_is(p, TK_COMMA) && !ps_is(p, TK_RPAREN) && !hard_end(p)) {
            if (ps_is(p, TK_LPAREN)) {
                if (!skip_group(p))
                    return 0;
                continue;
            }
            ps_advance(p);
        }
        const char *value = text_from(p, vfrom);
        add_option(p, out, from, name, value);
        if (memopt && strcmp(name, "MEMORY_OPTIMIZED") == 0 && value && strcasecmp(value, "ON") == 0)
            *memopt = 1;
    } while (ps_accept(p, TK_COMMA));
    return ps_expect(p, TK_RPAREN);
}

/* T-SQL ON filegroup / ON scheme(col) / ON "default": value as written. At ON. */
static int on_filegroup(Parser *p, NodeList *out)
{
    int from = p->pos;
    ps_advance(p); /* ON */
    int vfrom = p->pos;
    const Token *t = ps_cur(p);
    if (t->kind != TK_IDENT && t->kind != TK_QIDENT && !tok_is_string(t))
        return fail(p, "a filegroup after ON"), 0;
    ps_advance(p);
    if (ps_is(p, TK_LPAREN) && !skip_group(p))
        return 0;
    add_option(p, out, from, "ON", text_from(p, vfrom));
    return 1;
}

/* Index options written without parentheses (old T-SQL: WITH FILLFACTOR =
 * 90, PAD_INDEX) or WITH (...). At WITH. `more` allows a comma list. */
static int with_options(Parser *p, NodeList *out, int *memopt, int more)
{
    ps_advance(p); /* WITH */
    if (ps_is(p, TK_LPAREN))
        return paren_options(p, out, memopt);
    do {
        if (!generic_option(p, out, 0))
            return 0;
    } while (more && ps_is(p, TK_COMMA) && peek_kind(p, 1, TK_IDENT) &&
             (peek_kind(p, 2, TK_EQ) || peek_word(p, 1, "PAD_INDEX") ||
              peek_word(p, 1, "IGNORE_DUP_KEY") || peek_word(p, 1, "DROP_EXISTING") ||
              peek_word(p, 1, "STATISTICS_NORECOMPUTE") || peek_word(p, 1, "SORT_IN_TEMPDB")) &&
             ps_accept(p, TK_COMMA));
    return 1;
}

/* MySQL DEFINER = user@host | 'u'@'h' | `u`@`h` | CURRENT_USER[()]: the
 * lexer may give the host as '@' + name or as a variable token. */
static void definer_value(Parser *p)
{
    if (ps_is(p, TK_IDENT) || ps_is(p, TK_QIDENT) || tok_is_string(ps_cur(p)))
        ps_advance(p);
    if (ps_is(p, TK_LPAREN) && peek_kind(p, 1, TK_RPAREN)) {
        ps_advance(p);
        ps_advance(p);
    }
    if (ps_is(p, TK_VAR) || ps_is(p, TK_GVAR)) {
        ps_advance(p);
    } else if (ps_is(p, TK_AT)) {
        ps_advance(p);
        if (!hard_end(p))
            ps_advance(p);
    }
}

/* ---- sequence and identity options ------------------------------------- */

/* One sequence generator option, for CREATE SEQUENCE and identity columns.
 * Values are expressions so signed numbers keep their sign. Returns 0 if
 * the current token does not start one, -1 on error. */
static int seq_option(Parser *p, CreateSequence *s)
{
    int from = p->pos;
    Node **slot = NULL;
    if (IS(p, START)) {
        ps_advance(p);
        if (!ACCEPT(p, WITH))
            ps_accept(p, TK_EQ);
        slot = &s->start;
    } else if (IS(p, INCREMENT)) {
        ps_advance(p);
        if (!ACCEPT(p, BY))
            ps_accept(p, TK_EQ);
        slot = &s->increment;
    } else if (IS(p, MINVALUE)) {
        ps_advance(p);
        slot = &s->minvalue;
    } else if (IS(p, MAXVALUE)) {
        ps_advance(p);
        slot = &s->maxvalue;
    } else if (IS(p, CACHE)) {
        ps_advance(p);
        slot = &s->cache;
    } else if (ACCEPT(p, NOMINVALUE)) {
        s->nominvalue = 1;
        return 1;
    } else if (ACCEPT(p, NOMAXVALUE)) {
        s->nomaxvalue = 1;
        return 1;
    } else if (ACCEPT(p, NOCACHE)) {
        s->nocache = 1;
        return 1;
    } else if (ACCEPT(p, CYCLE)) {
        s->cycle = 1;
        return 1;
    } else if (ACCEPT(p, NOCYCLE)) {
        s->cycle = 0;
        return 1;
    } else if (ACCEPT(p, ORDER)) {
        s->order = 1;
        return 1;
    } else if (ACCEPT(p, NOORDER)) {
        s->order = 0;
        return 1;
    } else if (IS(p, NO) && (PEEK(p, 1, MINVALUE) || PEEK(p, 1, MAXVALUE) || PEEK(p, 1, CACHE) ||
                             PEEK(p, 1, CYCLE))) {
        ps_advance(p);
        if (ACCEPT(p, MINVALUE))
            s->nominvalue = 1;
        else if (ACCEPT(p, MAXVALUE))
            s->nomaxvalue = 1;
        else if (ACCEPT(p, CACHE))
            s->nocache = 1;
        else if (ACCEPT(p, CYCLE))
            s->cycle = 0;
        return 1;
    } else if (ps_is_word(p, "KEEP") || ps_is_word(p, "NOKEEP") || ps_is_word(p, "NOSCALE") ||
               IS(p, SESSION) || IS(p, GLOBAL) || ps_is_word(p, "NOSHARD") ||
               ps_is_word(p, "NOEXTEND")) {
        add_option(p, &s->options, from, take_upper(p), NULL);
        return 1;
    } else if (ps_is_word(p, "SCALE") || ps_is_word(p, "SHARD")) {
        const char *name = take_upper(p);
        int vfrom = p->pos;
        if (ps_is_word(p, "EXTEND") || ps_is_word(p, "NOEXTEND"))
            ps_advance(p);
        add_option(p, &s->options, from, name, text_from(p, vfrom));
        return 1;
    } else if (ps_is_word(p, "RESTART")) {
        ps_advance(p);
        int vfrom = p->pos;
        if (ACCEPT(p, WITH) || !line_end(p)) {
            if (!ps_is(p, TK_RPAREN) && !line_end(p) && !ps_expr(p))
                return -1;
        }
        add_option(p, &s->options, from, "RESTART", text_from(p, vfrom));
        return 1;
    } else if (ps_is_word(p, "OWNED") && PEEK(p, 1, BY)) {
        ps_advance(p);
        ps_advance(p);
        int vfrom = p->pos;
        QName q;
        if (!ps_qname(p, &q))
            return -1;
        add_option(p, &s->options, from, "OWNED BY", text_from(p, vfrom));
        return 1;
    } else {
        return 0;
    }
    /* SSMS scripts write a bare CACHE (default size) */
    const Token *t = ps_cur(p);
    if (t->kind != TK_INTEGER && t->kind != TK_DECIMAL && t->kind != TK_MINUS &&
        t->kind != TK_PLUS && t->kind != TK_LPAREN && t->kind != TK_VAR && t->kind != TK_SUBST &&
        t->kind != TK_BIND) {
        add_option(p, &s->options, from, ps_tok_upper(p, &p->toks[p->pos - 1]), NULL);
        return 1;
    }
    *slot = ps_expr(p);
    return *slot ? 1 : -1;
}

/* ---- constraints --------------------------------------------------------- */

static IndexCol *index_col(Parser *p, int fulltext);

/* ( index_col, ... ) into out. At '('. */
static int index_cols(Parser *p, NodeList *out, int fulltext)
{
    if (!ps_expect(p, TK_LPAREN))
        return 0;
    do {
        IndexCol *c = index_col(p, fulltext);
        if (!c)
            return 0;
        nl_push(p->arena, out, c);
    } while (ps_accept(p, TK_COMMA));
    return ps_expect(p, TK_RPAREN);
}

/* One key part: a column, MySQL col(len), or an expression (Oracle
 * function-based index, PostgreSQL expression index), then ASC/DESC. */
static IndexCol *index_col(Parser *p, int fulltext)
{
    int from = p->pos;
    IndexCol *ic = NODE_NEW(p->arena, IndexCol, INDEX_COL, ps_span_from(p, from));
    if (p->d == DIALECT_MYSQL && tok_is_name(ps_cur(p)) && peek_kind(p, 1, TK_LPAREN) &&
        peek_kind(p, 2, TK_INTEGER) && peek_kind(p, 3, TK_RPAREN)) {
        QName q;
        memset(&q, 0, sizeof q);
        ps_ident(p, &q.parts[0]);
        q.n = 1;
        ic->expr = name_node(p, from, &q);
        ic->prefix_len = (int)strtol(p->src->text + ps_peek(p, 1)->off, NULL, 10);
        ps_advance(p);
        ps_advance(p);
        ps_advance(p);
    } else {
        ic->expr = ps_expr(p);
        if (!ic->expr)
            return NULL;
    }
    if (fulltext) { /* T-SQL full-text column: [TYPE COLUMN c] [LANGUAGE n] [STATISTICAL_SEMANTICS] */
        for (;;) {
            if (IS(p, TYPE) && PEEK(p, 1, COLUMN)) {
                ps_advance(p);
                ps_advance(p);
                Ident tc;
                if (!ps_ident(p, &tc))
                    return NULL;
            } else if (IS(p, LANGUAGE)) {
                ps_advance(p);
                if (!take_value(p))
                    return fail(p, "a language after LANGUAGE");
            } else if (ps_accept_word(p, "STATISTICAL_SEMANTICS")) {
            } else {
                break;
            }
        }
    }
    if (p->d == DIALECT_POSTGRES && IS(p, COLLATE)) {
        ps_advance(p);
        Ident coll;
        if (!ps_ident(p, &coll))
            return NULL;
    }
    if (p->d == DIALECT_POSTGRES && tok_is_name(ps_cur(p)) && !IS(p, ASC) && !IS(p, DESC) &&
        !IS(p, NULLS))
        ps_ident(p, &ic->opclass);
    if (ACCEPT(p, DESC))
        ic->desc = 1;
    else
        ACCEPT(p, ASC);
    if (IS(p, NULLS) && (PEEK(p, 1, FIRST) || PEEK(p, 1, LAST))) {
        ps_advance(p);
        ps_advance(p);
    }
    ic->h.span = ps_span_from(p, from);
    return ic;
}

static int ref_action(Parser *p)
{
    if (ACCEPT(p, CASCADE))
        return RA_CASCADE;
    if (ACCEPT(p, RESTRICT))
        return RA_RESTRICT;
    if (IS(p, SET) && PEEK(p, 1, NULL)) {
        ps_advance(p);
        ps_advance(p);
        return RA_SET_NULL;
    }
    if (IS(p, SET) && PEEK(p, 1, DEFAULT)) {
        ps_advance(p);
        ps_advance(p);
        return RA_SET_DEFAULT;
    }
    if (IS(p, NO) && PEEK(p, 1, ACTION)) {
        ps_advance(p);
        ps_advance(p);
        return RA_NO_ACTION;
    }
    fail(p, "CASCADE, SET NULL, SET DEFAULT, NO ACTION or RESTRICT");
    return -1;
}

/* REFERENCES t [(cols)] [MATCH x] [ON DELETE a] [ON UPDATE a]. At REFERENCES. */
static int references(Parser *p, Constraint *c)
{
    ps_advance(p); /* REFERENCES */
    if (!ps_qname(p, &c->ref_table))
        return 0;
    if (ps_is(p, TK_LPAREN) && !ps_ident_list(p, &c->ref_cols))
        return 0;
    for (;;) {
        int from = p->pos;
        if (IS(p, MATCH)) {
            ps_advance(p);
            int vfrom = p->pos;
            if (!ps_is(p, TK_IDENT) && !ps_is_kw(p, KW_FULL))
                return fail(p, "FULL, PARTIAL or SIMPLE after MATCH"), 0;
            ps_advance(p);
            add_option(p, &c->options, from, "MATCH", text_from(p, vfrom));
        } else if (IS(p, ON) && (PEEK(p, 1, DELETE) || PEEK(p, 1, UPDATE))) {
            ps_advance(p);
            int del = IS(p, DELETE);
            ps_advance(p);
            int a = ref_action(p);
            if (a < 0)
                return 0;
            if (del)
                c->on_delete = a;
            else
                c->on_update = a;
        } else {
            return 1;
        }
    }
}

/* Words that end a USING INDEX clause inside a constraint. */
static int constraint_state_word(Parser *p)
{
    return IS(p, ENABLE) || IS(p, DISABLE) || IS(p, VALIDATE) || IS(p, NOVALIDATE) ||
           IS(p, DEFERRABLE) || IS(p, INITIALLY) || IS(p, RELY) || IS(p, NORELY) ||
           ps_is_word(p, "EXCEPTIONS") || IS(p, CONSTRAINT) || IS(p, NOT) || IS(p, NULL) ||
           IS(p, PRIMARY) || IS(p, UNIQUE) || IS(p, CHECK) || IS(p, REFERENCES) || IS(p, DEFAULT);
}

/* The tail every constraint may carry: Oracle state (ENABLE, NOVALIDATE,
 * DEFERRABLE, RELY, USING INDEX ..), T-SQL WITH (..) / ON fg / NOT FOR
 * REPLICATION, MySQL [NOT] ENFORCED / USING BTREE / COMMENT, PostgreSQL
 * NOT VALID / NO INHERIT / INCLUDE. */
static int constraint_tail(Parser *p, Constraint *c, int column_level)
{
    for (;;) {
        int from = p->pos;
        if (ACCEPT(p, ENABLE)) {
            c->disabled = 0;
        } else if (ACCEPT(p, DISABLE)) {
            c->disabled = 1;
        } else if (ACCEPT(p, VALIDATE)) {
            c->novalidate = 0;
        } else if (ACCEPT(p, NOVALIDATE)) {
            c->novalidate = 1;
        } else if (ACCEPT(p, DEFERRABLE)) {
            c->deferrable = 1;
        } else if (IS(p, NOT) && PEEK(p, 1, DEFERRABLE)) {
            ps_advance(p);
            ps_advance(p);
            c->deferrable = 0;
        } else if (IS(p, INITIALLY) && (PEEK(p, 1, DEFERRED) || PEEK(p, 1, IMMEDIATE))) {
            ps_advance(p);
            c->initially_deferred = IS(p, DEFERRED);
            ps_advance(p);
        } else if (IS(p, RELY) || IS(p, NORELY)) {
            const char *w = take_upper(p);
            add_option(p, &c->options, from, w, NULL);
        } else if (ACCEPT(p, ENFORCED)) {
            c->disabled = 0;
        } else if (IS(p, NOT) && PEEK(p, 1, ENFORCED)) {
            ps_advance(p);
            ps_advance(p);
            c->disabled = 1;
        } else if (IS(p, NOT) && PEEK(p, 1, FOR) && PEEK(p, 2, REPLICATION)) {
            ps_advance(p);
            ps_advance(p);
            ps_advance(p);
            c->not_for_replication = 1;
        } else if (IS(p, NOT) && ps_peek(p, 1)->kind == TK_IDENT && peek_word(p, 1, "VALID")) {
            ps_advance(p);
            ps_advance(p);
            c->novalidate = 1;
        } else if (IS(p, NO) && peek_word(p, 1, "INHERIT")) {
            ps_advance(p);
            ps_advance(p);
            add_option(p, &c->options, from, "NO INHERIT", NULL);
        } else if (IS(p, USING) && PEEK(p, 1, INDEX)) {
            ps_advance(p);
            ps_advance(p);
            int vfrom = p->pos;
            while (!line_end(p) && !ps_is(p, TK_COMMA) && !ps_is(p, TK_RPAREN) &&
                   !constraint_state_word(p)) {
                if (ps_is(p, TK_LPAREN)) {
                    if (!skip_group(p))
                        return 0;
                    continue;
                }
                ps_advance(p);
            }
            add_option(p, &c->options, from, "USING INDEX", text_from(p, vfrom));
        } else if (IS(p, USING) && (PEEK(p, 1, BTREE) || PEEK(p, 1, HASH))) {
            ps_advance(p);
            ps_ident(p, &c->using_index);
        } else if (ps_is_word(p, "EXCEPTIONS") && PEEK(p, 1, INTO)) {
            ps_advance(p);
            ps_advance(p);
            int vfrom = p->pos;
            QName q;
            if (!ps_qname(p, &q))
                return 0;
            add_option(p, &c->options, from, "EXCEPTIONS INTO", text_from(p, vfrom));
        } else if (IS(p, WITH) && (peek_kind(p, 1, TK_LPAREN) || peek_word(p, 1, "FILLFACTOR"))) {
            if (!with_options(p, &c->options, NULL, 0))
                return 0;
        } else if (IS(p, ON) && p->d == DIALECT_TSQL && !PEEK(p, 1, DELETE) && !PEEK(p, 1, UPDATE)) {
            if (!on_filegroup(p, &c->options))
                return 0;
        } else if (IS(p, INCLUDE) && peek_kind(p, 1, TK_LPAREN) && p->d == DIALECT_POSTGRES) {
            ps_advance(p);
            int vfrom = p->pos;
            if (!skip_group(p))
                return 0;
            add_option(p, &c->options, from, "INCLUDE", text_from(p, vfrom));
        } else if ((IS(p, COMMENT) || IS(p, KEY_BLOCK_SIZE)) && p->d == DIALECT_MYSQL &&
                   !column_level) { /* a column's COMMENT belongs to the column */
            if (!generic_option(p, &c->options, 0))
                return 0;
        } else {
            return 1;
        }
    }
}

/* T-SQL CLUSTERED / NONCLUSTERED [HASH] after PRIMARY KEY / UNIQUE. */
static void clustered(Parser *p, Constraint *c)
{
    int from = p->pos;
    if (ACCEPT(p, CLUSTERED))
        c->clustered = 1;
    else if (ACCEPT(p, NONCLUSTERED))
        c->clustered = 2;
    if (IS(p, HASH)) {
        ps_advance(p);
        add_option(p, &c->options, from, "HASH", NULL);
    }
}

/* The body of a constraint after [CONSTRAINT name]: PRIMARY KEY, UNIQUE,
 * FOREIGN KEY, REFERENCES (column level), CHECK, DEFAULT (T-SQL ALTER TABLE
 * ADD CONSTRAINT d DEFAULT x FOR c), [NOT] NULL (column level). Column-level
 * constraints have no column list. */
static Constraint *constraint_body(Parser *p, int from, Ident name, int column_level)
{
    Constraint *c = NODE_NEW(p->arena, Constraint, CONSTRAINT, ps_span_from(p, from));
    c->name = name;
    if (IS(p, PRIMARY) && PEEK(p, 1, KEY)) {
        ps_advance(p);
        ps_advance(p);
        c->ck = CK_PRIMARY;
        clustered(p, c);
        if (IS(p, USING) && (PEEK(p, 1, BTREE) || PEEK(p, 1, HASH))) {
            ps_advance(p);
            ps_ident(p, &c->using_index);
        }
        if (ps_is(p, TK_LPAREN) && !index_cols(p, &c->cols, 0))
            return NULL;
        if (column_level && !ACCEPT(p, ASC) && ACCEPT(p, DESC))
            add_option(p, &c->options, from, "DESC", NULL);
    } else if (IS(p, UNIQUE)) {
        ps_advance(p);
        c->ck = CK_UNIQUE;
        if (ACCEPT(p, KEY) || ACCEPT(p, INDEX)) {
        }
        /* MySQL: UNIQUE KEY name (cols): the index name names the constraint */
        if (tok_is_name(ps_cur(p)) && !IS(p, CLUSTERED) && !IS(p, NONCLUSTERED) &&
            !IS(p, USING) && peek_kind(p, 1, TK_LPAREN)) {
            Ident iname;
            ps_ident(p, &iname);
            if (!c->name.text)
                c->name = iname;
        }
        clustered(p, c);
        if (IS(p, USING) && (PEEK(p, 1, BTREE) || PEEK(p, 1, HASH))) {
            ps_advance(p);
            ps_ident(p, &c->using_index);
        }
        if (ps_is(p, TK_LPAREN) && !index_cols(p, &c->cols, 0))
            return NULL;
    } else if (IS(p, FOREIGN) && PEEK(p, 1, KEY)) {
        ps_advance(p);
        ps_advance(p);
        c->ck = CK_FOREIGN;
        if (tok_is_name(ps_cur(p)) && peek_kind(p, 1, TK_LPAREN)) { /* MySQL index name */
            Ident iname;
            ps_ident(p, &iname);
            if (!c->name.text)
                c->name = iname;
        }
        if (ps_is(p, TK_LPAREN) && !index_cols(p, &c->cols, 0))
            return NULL;
        if (!IS(p, REFERENCES))
            return fail(p, "REFERENCES");
        if (!references(p, c))
            return NULL;
    } else if (IS(p, REFERENCES)) {
        c->ck = CK_FOREIGN;
        if (!references(p, c))
            return NULL;
    } else if (IS(p, CHECK)) {
        ps_advance(p);
        c->ck = CK_CHECK;
        if (IS(p, NOT) && PEEK(p, 1, FOR) && PEEK(p, 2, REPLICATION)) {
            ps_advance(p);
            ps_advance(p);
            ps_advance(p);
            c->not_for_replication = 1;
        }
        if (!ps_expect(p, TK_LPAREN))
            return NULL;
        c->expr = ps_expr(p);
        if (!c->expr || !ps_expect(p, TK_RPAREN))
            return NULL;
    } else if (IS(p, DEFAULT)) {
        ps_advance(p);
        c->ck = CK_DEFAULT;
        c->expr = ps_expr(p);
        if (!c->expr)
            return NULL;
        if (ACCEPT(p, FOR)) {
            int cfrom = p->pos;
            IndexCol *ic = NODE_NEW(p->arena, IndexCol, INDEX_COL, ps_span_from(p, cfrom));
            QName q;
            memset(&q, 0, sizeof q);
            if (!ps_ident(p, &q.parts[0]))
                return NULL;
            q.n = 1;
            ic->expr = name_node(p, cfrom, &q);
            ic->h.span = ps_span_from(p, cfrom);
            nl_push(p->arena, &c->cols, ic);
        }
        if (IS(p, WITH) && ps_peek(p, 1)->kind == TK_IDENT && peek_word(p, 1, "VALUES")) {
            ps_advance(p);
            ps_advance(p);
            add_option(p, &c->options, from, "WITH VALUES", NULL);
        }
    } else if (column_level && IS(p, NOT) && PEEK(p, 1, NULL)) {
        ps_advance(p);
        ps_advance(p);
        c->ck = CK_NOT_NULL;
    } else if (column_level && IS(p, NULL)) {
        ps_advance(p);
        c->ck = CK_NULL;
    } else {
        return fail(p, "PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK or DEFAULT");
    }
    if (!constraint_tail(p, c, column_level))
        return NULL;
    c->h.span = ps_span_from(p, from);
    return c;
}

/* [CONSTRAINT name] table constraint. */
Constraint *ps_table_constraint(Parser *p)
{
    int from = p->pos;
    Ident name;
    memset(&name, 0, sizeof name);
    if (ACCEPT(p, CONSTRAINT)) {
        /* T-SQL allows CONSTRAINT without a name before the kind */
        if (!IS(p, PRIMARY) && !IS(p, UNIQUE) && !IS(p, FOREIGN) && !IS(p, CHECK) &&
            !ps_ident(p, &name))
            return NULL;
    }
    return constraint_body(p, from, name, 0);
}

/* ---- columns ------------------------------------------------------------- */

/* Can the column options start right after the name (no type written)?
 * Oracle object tables and ALTER TABLE .. MODIFY leave the type out. */
static int column_options_follow(Parser *p)
{
    return hard_end(p) || ps_is(p, TK_COMMA) || ps_is(p, TK_RPAREN) || IS(p, NOT) ||
           IS(p, NULL) || IS(p, DEFAULT) || IS(p, CONSTRAINT) || IS(p, PRIMARY) ||
           IS(p, UNIQUE) || IS(p, CHECK) || IS(p, REFERENCES) || IS(p, ENABLE) ||
           IS(p, DISABLE) || IS(p, INVISIBLE) || IS(p, VISIBLE) || IS(p, COLLATE) ||
           ps_is_word(p, "ENCRYPT") || ps_is_word(p, "DECRYPT") || ps_is_word(p, "SCOPE");
}

/* Do constraint state words (ENABLE, NOVALIDATE, ..) follow k tokens ahead?
 * They make a NOT NULL a constraint of its own. */
static int constraint_state_follows_at(Parser *p, int k)
{
    return PEEK(p, k, ENABLE) || PEEK(p, k, DISABLE) || PEEK(p, k, VALIDATE) ||
           PEEK(p, k, NOVALIDATE) || PEEK(p, k, DEFERRABLE) || PEEK(p, k, INITIALLY) ||
           PEEK(p, k, RELY) || PEEK(p, k, NORELY) || (PEEK(p, k, NOT) && PEEK(p, k + 1, DEFERRABLE));
}

static void add_column_constraint(Parser *p, ColumnDef *c, Constraint *k)
{
    if (k->ck == CK_NOT_NULL)
        c->nullable = 2;
    else if (k->ck == CK_NULL)
        c->nullable = 1;
    nl_push(p->arena, &c->constraints, k);
}

/* Identity generator options in parentheses: START WITH / INCREMENT BY go
 * to the column, anything else is kept as an IDENTITY option. At '('. */
static int identity_options(Parser *p, ColumnDef *c, int from)
{
    CreateSequence s;
    memset(&s, 0, sizeof s);
    int vfrom = p->pos;
    ps_advance(p); /* ( */
    int other = 0;
    while (!ps_is(p, TK_RPAREN)) {
        int r = seq_option(p, &s);
        if (r < 0)
            return 0;
        if (r == 0)
            return fail(p, "an identity option"), 0;
        ps_accept(p, TK_COMMA);
    }
    ps_advance(p); /* ) */
    c->ident_start = s.start;
    c->ident_incr = s.increment;
    other = s.minvalue || s.maxvalue || s.cache || s.nominvalue || s.nomaxvalue || s.cycle ||
            s.nocache || s.order || s.options.n;
    if (other)
        add_option(p, &c->options, from, "IDENTITY", text_from(p, vfrom));
    return 1;
}

/* GENERATED ALWAYS|BY DEFAULT [ON NULL] AS IDENTITY [(..)] /
 * GENERATED ALWAYS AS (expr) [VIRTUAL|STORED] / T-SQL GENERATED ALWAYS AS ROW
 * START|END [HIDDEN]. At GENERATED. */
static int generated(Parser *p, ColumnDef *c)
{
    int from = p->pos;
    ps_advance(p); /* GENERATED */
    int always = 0;
    if (ACCEPT(p, ALWAYS)) {
        always = 1;
    } else if (IS(p, BY) && PEEK(p, 1, DEFAULT)) {
        ps_advance(p);
        ps_advance(p);
        if (IS(p, ON) && PEEK(p, 1, NULL)) {
            ps_advance(p);
            ps_advance(p);
            add_option(p, &c->options, from, "ON NULL", NULL);
        }
    } else {
        return fail(p, "ALWAYS or BY DEFAULT after GENERATED"), 0;
    }
    if (!ps_expect_kw(p, KW_AS))
        return 0;
    if (ACCEPT(p, IDENTITY)) {
        c->identity = 1;
        c->identity_always = always;
        if (ps_is(p, TK_LPAREN))
            return identity_options(p, c, from);
        /* Oracle also writes the options without parentheses:
         * AS IDENTITY START WITH 100 INCREMENT BY 10 */
        if (IS(p, START) || IS(p, INCREMENT)) {
            CreateSequence sq;
            memset(&sq, 0, sizeof sq);
            int vfrom = p->pos;
            int r;
            while ((IS(p, START) || IS(p, INCREMENT) || IS(p, MINVALUE) || IS(p, MAXVALUE) ||
                    IS(p, CACHE) || IS(p, NOCACHE) || IS(p, CYCLE) || IS(p, NOCYCLE)) &&
                   (r = seq_option(p, &sq)) > 0) {
            }
            if (p->failed)
                return 0;
            c->ident_start = sq.start;
            c->ident_incr = sq.increment;
            if (sq.minvalue || sq.maxvalue || sq.cache || sq.cycle)
                add_option(p, &c->options, from, "IDENTITY", text_from(p, vfrom));
        }
        return 1;
    }
    if (IS(p, ROW) && (peek_word(p, 1, "START") || peek_word(p, 1, "END"))) {
        int vfrom = p->pos;
        ps_advance(p);
        ps_advance(p);
        add_option(p, &c->options, from, "GENERATED ALWAYS AS", text_from(p, vfrom));
        return 1;
    }
    if (!ps_is(p, TK_LPAREN))
        return fail(p, "IDENTITY or '(' after GENERATED .. AS"), 0;
    c->computed = ps_expr(p);
    return c->computed != NULL;
}

/* Oracle ENCRYPT [USING 'alg'] [IDENTIFIED BY pw] ['integrity'] [[NO] SALT]. */
static int encrypt_option(Parser *p, ColumnDef *c)
{
    int from = p->pos;
    ps_advance(p); /* ENCRYPT */
    int vfrom = p->pos;
    for (;;) {
        if (IS(p, USING) || (IS(p, IDENTIFIED) && PEEK(p, 1, BY))) {
            if (IS(p, IDENTIFIED))
                ps_advance(p);
            ps_advance(p);
            if (!take_value(p))
                return fail(p, "a value"), 0;
        } else if (tok_is_string(ps_cur(p)) || ps_is_word(p, "SALT")) {
            ps_advance(p);
        } else if (IS(p, NO) && peek_word(p, 1, "SALT")) {
            ps_advance(p);
            ps_advance(p);
        } else {
            break;
        }
    }
    add_option(p, &c->options, from, "ENCRYPT", text_from(p, vfrom));
    return 1;
}

/* MySQL CHARACTER SET x / CHARSET x after the type (when ps_type left it). */
static int column_charset(Parser *p, ColumnDef *c)
{
    if (IS(p, CHARACTER))
        ps_advance(p);
    ps_advance(p); /* SET / CHARSET */
    Token t = *ps_cur(p); /* a copy: the token window may move */
    if (!take_value(p))
        return fail(p, "a character set"), 0;
    if (c->type)
        c->type->charset = ps_tok_text(p, &t);
    return 1;
}

/* T-SQL inline column index: INDEX ix [CLUSTERED|NONCLUSTERED|HASH] [WITH (..)]. */
static int column_index_option(Parser *p, ColumnDef *c)
{
    int from = p->pos;
    ps_advance(p); /* INDEX */
    int vfrom = p->pos;
    Ident iname;
    if (!ps_ident(p, &iname))
        return 0;
    while (IS(p, CLUSTERED) || IS(p, NONCLUSTERED) || IS(p, HASH) || IS(p, UNIQUE))
        ps_advance(p);
    if (IS(p, WITH) && peek_kind(p, 1, TK_LPAREN)) {
        ps_advance(p);
        if (!skip_group(p))
            return 0;
    }
    add_option(p, &c->options, from, "INDEX", text_from(p, vfrom));
    return 1;
}

/* Column options in any order, up to ',' / ')' / the statement end. */
static int column_options(Parser *p, ColumnDef *c)
{
    for (;;) {
        int from = p->pos;
        if (IS(p, CONSTRAINT)) {
            ps_advance(p);
            Ident cname;
            if (!ps_ident(p, &cname))
                return 0;
            if (ACCEPT(p, DEFAULT)) { /* T-SQL named default */
                c->default_name = cname;
                c->default_ = ps_expr(p);
                if (!c->default_)
                    return 0;
                continue;
            }
            Constraint *k = constraint_body(p, from, cname, 1);
            if (!k)
                return 0;
            add_column_constraint(p, c, k);
        } else if (IS(p, NOT) && PEEK(p, 1, NULL)) {
            if (constraint_state_follows_at(p, 2)) {
                Ident none;
                memset(&none, 0, sizeof none);
                Constraint *k = constraint_body(p, from, none, 1);
                if (!k)
                    return 0;
                add_column_constraint(p, c, k);
            } else {
                ps_advance(p);
                ps_advance(p);
                c->nullable = 2;
            }
        } else if (ACCEPT(p, NULL)) {
            c->nullable = 1;
        } else if (IS(p, NOT) && PEEK(p, 1, FOR) && PEEK(p, 2, REPLICATION)) {
            ps_advance(p);
            ps_advance(p);
            ps_advance(p);
            c->not_for_replication = 1;
        } else if (IS(p, DEFAULT)) {
            ps_advance(p);
            if (IS(p, ON) && PEEK(p, 1, NULL)) { /* Oracle DEFAULT ON NULL */
                ps_advance(p);
                ps_advance(p);
                add_option(p, &c->options, from, "DEFAULT ON NULL", NULL);
            }
            c->default_ = ps_expr(p);
            if (!c->default_)
                return 0;
        } else if (IS(p, IDENTITY)) {
            ps_advance(p);
            c->identity = 1;
            if (ps_accept(p, TK_LPAREN)) {
                c->ident_start = ps_expr(p);
                if (!c->ident_start)
                    return 0;
                if (ps_accept(p, TK_COMMA)) {
                    c->ident_incr = ps_expr(p);
                    if (!c->ident_incr)
                        return 0;
                }
                if (!ps_expect(p, TK_RPAREN))
                    return 0;
            }
        } else if (IS(p, AUTO_INCREMENT) || ps_is_word(p, "AUTOINCREMENT")) {
            ps_advance(p);
            c->identity = 1;
        } else if (IS(p, GENERATED)) {
            if (!generated(p, c))
                return 0;
        } else if (IS(p, AS) && peek_kind(p, 1, TK_LPAREN)) { /* MySQL/Oracle virtual column */
            ps_advance(p);
            c->computed = ps_expr(p);
            if (!c->computed)
                return 0;
        } else if (IS(p, PRIMARY) || IS(p, UNIQUE) || IS(p, CHECK) || IS(p, REFERENCES) ||
                   (IS(p, FOREIGN) && PEEK(p, 1, KEY))) {
            Ident none;
            memset(&none, 0, sizeof none);
            if (IS(p, FOREIGN)) { /* T-SQL column-level FOREIGN KEY REFERENCES */
                ps_advance(p);
                ps_advance(p);
            }
            Constraint *k = constraint_body(p, from, none, 1);
            if (!k)
                return 0;
            add_column_constraint(p, c, k);
        } else if (IS(p, COLLATE)) {
            ps_advance(p);
            if (tok_is_string(ps_cur(p))) {
                Literal *l = ps_string_literal(p);
                if (!l)
                    return 0;
                c->collate.text = l->value;
                c->collate.len = l->len;
                c->collate.span = l->h.span;
            } else if (!last_name(p, &c->collate)) {
                return 0;
            }
        } else if (IS(p, COMMENT) && tok_is_string(ps_peek(p, 1))) {
            ps_advance(p);
            c->comment = &ps_string_literal(p)->h;
        } else if (IS(p, ON) && PEEK(p, 1, UPDATE)) { /* MySQL ON UPDATE CURRENT_TIMESTAMP */
            ps_advance(p);
            ps_advance(p);
            c->on_update = ps_expr(p);
            if (!c->on_update)
                return 0;
        } else if (ACCEPT(p, ROWGUIDCOL)) {
            c->rowguidcol = 1;
        } else if (ACCEPT(p, SPARSE)) {
            c->sparse = 1;
        } else if (ACCEPT(p, FILESTREAM)) {
            c->filestream = 1;
        } else if (ACCEPT(p, INVISIBLE)) {
            c->invisible = 1;
        } else if (ACCEPT(p, VISIBLE)) {
            c->invisible = 0;
        } else if (ACCEPT(p, PERSISTED) || ACCEPT(p, STORED)) {
            c->persisted = 1;
        } else if (ACCEPT(p, VIRTUAL)) {
            c->virtual_ = 1;
        } else if (IS(p, HIDDEN)) {
            ps_advance(p);
            add_option(p, &c->options, from, "HIDDEN", NULL);
        } else if ((ps_is_word(p, "MASKED") || ps_is_word(p, "ENCRYPTED")) && PEEK(p, 1, WITH)) {
            const char *name = take_upper(p);
            ps_advance(p);
            int vfrom = p->pos;
            if (!skip_group(p))
                return 0;
            add_option(p, &c->options, from, name, text_from(p, vfrom));
        } else if (ps_is_word(p, "ENCRYPT")) {
            if (!encrypt_option(p, c))
                return 0;
        } else if (IS(p, SRID)) {
            ps_advance(p);
            if (!ps_is(p, TK_INTEGER))
                return fail(p, "a number after SRID"), 0;
            int srid = (int)strtol(p->src->text + ps_cur(p)->off, NULL, 10);
            ps_advance(p);
            if (c->type)
                c->type->srid = srid;
            else
                add_option(p, &c->options, from, "SRID", text_from(p, from + 1));
        } else if ((IS(p, CHARACTER) && PEEK(p, 1, SET)) || IS(p, CHARSET)) {
            if (!column_charset(p, c))
                return 0;
        } else if (IS(p, COLUMN_FORMAT) || IS(p, STORAGE) || ps_is_word(p, "AFTER") ||
                   ps_is_word(p, "ENGINE_ATTRIBUTE") || ps_is_word(p, "SECONDARY_ENGINE_ATTRIBUTE")) {
            if (!generic_option(p, &c->options, 0))
                return 0;
        } else if ((IS(p, FIRST) && p->d == DIALECT_MYSQL) || ps_is_word(p, "SORT") ||
                   ps_is_word(p, "NOSORT")) {
            add_option(p, &c->options, from, take_upper(p), NULL);
        } else if (IS(p, INDEX) && p->d == DIALECT_TSQL) {
            if (!column_index_option(p, c))
                return 0;
        } else if (ps_is_word(p, "SCOPE") && PEEK(p, 1, IS)) { /* Oracle REF column scope */
            ps_advance(p);
            ps_advance(p);
            int vfrom = p->pos;
            QName q;
            if (!ps_qname(p, &q))
                return 0;
            add_option(p, &c->options, from, "SCOPE IS", text_from(p, vfrom));
        } else {
            return 1;
        }
    }
}

/* The rest of a column definition after its name. */
static ColumnDef *column_def_rest(Parser *p, int from, Ident name, int no_type_ok)
{
    ColumnDef *c = NODE_NEW(p->arena, ColumnDef, COLUMN_DEF, ps_span_from(p, from));
    c->name = name;
    if (IS(p, AS)) { /* T-SQL computed column / virtual column without a type */
        ps_advance(p);
        c->computed = ps_expr(p);
        if (!c->computed)
            return NULL;
    } else if (IS(p, GENERATED) && PEEK(p, 1, ALWAYS) && PEEK(p, 2, AS) &&
               peek_kind(p, 3, TK_LPAREN)) {
        if (!generated(p, c))
            return NULL;
    } else if (p->d == DIALECT_ORACLE && ps_is_word(p, "REF") && tok_is_name(ps_peek(p, 1))) {
        /* Oracle REF type: a pointer to an object, never the object type itself */
        ps_advance(p);
        c->type = ps_type(p);
        if (!c->type)
            return NULL;
        c->type->upper = arena_printf(p->arena, "REF %s", c->type->upper);
        c->type->h.span = ps_span_from(p, from + 1);
    } else if (!(no_type_ok && column_options_follow(p))) {
        c->type = ps_type(p);
        if (!c->type)
            return NULL;
    }
    if (!column_options(p, c))
        return NULL;
    c->h.span = ps_span_from(p, from);
    return c;
}

static ColumnDef *column_def(Parser *p, int no_type_ok)
{
    int from = p->pos;
    Ident name;
    if (!ps_ident(p, &name))
        return NULL;
    return column_def_rest(p, from, name, no_type_ok);
}

ColumnDef *ps_column_def(Parser *p) { return column_def(p, 0); }

/* ---- indexes ------------------------------------------------------------- */

/* Options after an index's column list, up to ',' / ')' / the statement
 * end: INCLUDE, WHERE, WITH, ON fg, USING, T-SQL XML and full-text clauses,
 * storage options. */
static int index_tail(Parser *p, CreateIndex *ix)
{
    int multi = p->d == DIALECT_ORACLE || p->d == DIALECT_POSTGRES;
    for (;;) {
        if (ps_at_stmt_end(p) || ps_is(p, TK_COMMA) || ps_is(p, TK_RPAREN))
            return 1;
        int from = p->pos;
        if (IS(p, INCLUDE) && peek_kind(p, 1, TK_LPAREN)) {
            ps_advance(p);
            if (!ps_ident_list(p, &ix->include))
                return 0;
        } else if (IS(p, WHERE)) {
            ps_advance(p);
            ix->where = ps_expr(p);
            if (!ix->where)
                return 0;
        } else if (IS(p, WITH) && (peek_kind(p, 1, TK_LPAREN) || p->d == DIALECT_TSQL)) {
            if (!with_options(p, &ix->options, NULL, 1))
                return 0;
        } else if (IS(p, WITH) && peek_word(p, 1, "PARSER")) { /* MySQL full-text parser */
            ps_advance(p);
            ps_advance(p);
            int vfrom = p->pos;
            if (!take_value(p))
                return fail(p, "a parser name"), 0;
            add_option(p, &ix->options, from, "WITH PARSER", text_from(p, vfrom));
        } else if (IS(p, ON) && p->d == DIALECT_TSQL) {
            if (!on_filegroup(p, &ix->options))
                return 0;
        } else if (IS(p, USING) && PEEK(p, 1, XML) && PEEK(p, 2, INDEX)) {
            /* T-SQL secondary XML index: USING XML INDEX x FOR PATH|VALUE|PROPERTY */
            ps_advance(p);
            ps_advance(p);
            ps_advance(p);
            int vfrom = p->pos;
            Ident base;
            if (!ps_ident(p, &base) || !ps_expect_kw(p, KW_FOR))
                return 0;
            if (!ps_is(p, TK_IDENT))
                return fail(p, "PATH, VALUE or PROPERTY"), 0;
            ps_advance(p);
            add_option(p, &ix->options, from, "USING XML INDEX", text_from(p, vfrom));
        } else if (IS(p, USING) && tok_is_name(ps_peek(p, 1)) && !PEEK(p, 1, INDEX)) {
            ps_advance(p);
            ps_ident(p, &ix->using_);
        } else if (IS(p, KEY) && PEEK(p, 1, INDEX)) { /* T-SQL full-text key */
            ps_advance(p);
            ps_advance(p);
            int vfrom = p->pos;
            Ident key;
            if (!ps_ident(p, &key))
                return 0;
            add_option(p, &ix->options, from, "KEY INDEX", text_from(p, vfrom));
        } else if (IS(p, COMMENT) && tok_is_string(ps_peek(p, 1))) {
            if (!generic_option(p, &ix->options, 0))
                return 0;
        } else if (IS(p, PARTITION) && PEEK(p, 1, BY)) { /* Oracle global partitioned index */
            ps_advance(p);
            int vfrom = p->pos;
            while (!ps_at_stmt_end(p) && !is_option_head(p)) {
                if (ps_is(p, TK_LPAREN)) {
                    if (!skip_group(p))
                        return 0;
                    continue;
                }
                ps_advance(p);
            }
            add_option(p, &ix->options, from, "PARTITION", text_from(p, vfrom));
        } else {
            if (!generic_option(p, &ix->options, multi))
                return 0;
        }
    }
}

/* MySQL KEY|INDEX [name] [USING x] (cols) / FULLTEXT|SPATIAL [KEY|INDEX] ...
 * inside CREATE TABLE or ALTER TABLE ADD. */
static int mysql_index_start(Parser *p)
{
    if (IS(p, KEY) || IS(p, INDEX))
        return peek_kind(p, 1, TK_LPAREN) ||
               (tok_is_name(ps_peek(p, 1)) && (peek_kind(p, 2, TK_LPAREN) || PEEK(p, 2, USING))) ||
               PEEK(p, 1, USING);
    if (IS(p, FULLTEXT) || IS(p, SPATIAL))
        return PEEK(p, 1, KEY) || PEEK(p, 1, INDEX) || peek_kind(p, 1, TK_LPAREN) ||
               (tok_is_name(ps_peek(p, 1)) && peek_kind(p, 2, TK_LPAREN));
    return 0;
}

static CreateIndex *mysql_index(Parser *p)
{
    int from = p->pos;
    CreateIndex *ix = NODE_NEW(p->arena, CreateIndex, CREATE_INDEX, ps_span_from(p, from));
    if (ACCEPT(p, FULLTEXT))
        ix->ik = IK_FULLTEXT;
    else if (ACCEPT(p, SPATIAL))
        ix->ik = IK_SPATIAL;
    if (!ACCEPT(p, KEY))
        ACCEPT(p, INDEX);
    if (tok_is_name(ps_cur(p)) && !IS(p, USING))
        ps_ident(p, &ix->name);
    if (ACCEPT(p, USING) && !ps_ident(p, &ix->using_))
        return NULL;
    if (!index_cols(p, &ix->cols, 0) || !index_tail(p, ix))
        return NULL;
    ix->h.span = ps_span_from(p, from);
    return ix;
}

/* T-SQL inline INDEX ix [UNIQUE] [CLUSTERED|NONCLUSTERED] [COLUMNSTORE]
 * [HASH] [(cols)] ... inside CREATE TABLE / CREATE TYPE AS TABLE. */
static CreateIndex *tsql_inline_index(Parser *p)
{
    int from = p->pos;
    CreateIndex *ix = NODE_NEW(p->arena, CreateIndex, CREATE_INDEX, ps_span_from(p, from));
    ps_advance(p); /* INDEX */
    if (!ps_ident(p, &ix->name))
        return NULL;
    for (;;) {
        if (ACCEPT(p, UNIQUE))
            ix->unique = 1;
        else if (ACCEPT(p, CLUSTERED))
            ix->ik = ix->ik == IK_COLUMNSTORE ? IK_COLUMNSTORE : IK_CLUSTERED;
        else if (ACCEPT(p, NONCLUSTERED))
            ix->ik = ix->ik == IK_COLUMNSTORE ? IK_COLUMNSTORE : IK_NONCLUSTERED;
        else if (ACCEPT(p, COLUMNSTORE))
            ix->ik = IK_COLUMNSTORE;
        else if (IS(p, HASH))
            ps_ident(p, &ix->using_);
        else
            break;
    }
    if (ps_is(p, TK_LPAREN) && !index_cols(p, &ix->cols, 0))
        return NULL;
    if (!index_tail(p, ix))
        return NULL;
    ix->h.span = ps_span_from(p, from);
    return ix;
}

/* ---- table elements -------------------------------------------------------- */

/* One element of a column list: column, table constraint, inline index,
 * PERIOD FOR SYSTEM_TIME or LIKE (the last two as OPTION). */
static Node *table_element(Parser *p, int no_type_ok)
{
    int from = p->pos;
    if (IS(p, CONSTRAINT) || IS(p, PRIMARY) || IS(p, FOREIGN) || IS(p, UNIQUE) || IS(p, CHECK) ||
        (IS(p, DEFAULT) && p->d == DIALECT_TSQL)) /* T-SQL ADD DEFAULT x FOR c */
        return (Node *)ps_table_constraint(p);
    if ((p->d == DIALECT_MYSQL || p->d == DIALECT_TSQL) && (IS(p, KEY) || IS(p, INDEX) ||
        IS(p, FULLTEXT) || IS(p, SPATIAL))) {
        if (p->d == DIALECT_MYSQL && mysql_index_start(p))
            return (Node *)mysql_index(p);
        if (p->d == DIALECT_TSQL && IS(p, INDEX) && tok_is_name(ps_peek(p, 1)))
            return (Node *)tsql_inline_index(p);
    }
    if (ps_is_word(p, "PERIOD") && PEEK(p, 1, FOR)) { /* T-SQL system-versioned table */
        ps_advance(p);
        ps_advance(p);
        int vfrom = p->pos;
        Ident what;
        if (!ps_ident(p, &what) || !skip_group(p))
            return NULL;
        NodeList tmp = {0, 0, NULL};
        return &add_option(p, &tmp, from, "PERIOD FOR", text_from(p, vfrom))->h;
    }
    if (ps_is_word(p, "SUPPLEMENTAL") && peek_word(p, 1, "LOG")) { /* Oracle */
        ps_advance(p);
        int vfrom = p->pos;
        if (!skip_clause(p))
            return NULL;
        NodeList tmp = {0, 0, NULL};
        return &add_option(p, &tmp, from, "SUPPLEMENTAL", text_from(p, vfrom))->h;
    }
    if (IS(p, LIKE)) { /* MySQL (LIKE t), PostgreSQL LIKE t INCLUDING .. */
        ps_advance(p);
        int vfrom = p->pos;
        QName q;
        if (!ps_qname(p, &q))
            return NULL;
        while (ps_is_word(p, "INCLUDING") || ps_is_word(p, "EXCLUDING")) {
            ps_advance(p);
            if (!ps_is(p, TK_IDENT))
                return fail(p, "a LIKE option");
            ps_advance(p);
        }
        NodeList tmp = {0, 0, NULL};
        return &add_option(p, &tmp, from, "LIKE", text_from(p, vfrom))->h;
    }
    if (ps_is(p, TK_IDENT) || ps_is(p, TK_QIDENT) || ps_is(p, TK_SUBST))
        return (Node *)column_def(p, no_type_ok);
    return fail(p, "a column or constraint definition");
}

/* ( element, ... ) of CREATE TABLE / CREATE TYPE AS TABLE. */
static int table_elements(Parser *p, NodeList *cols, NodeList *cons, NodeList *idx,
                          NodeList *opts, int no_type_ok)
{
    if (!ps_expect(p, TK_LPAREN))
        return 0;
    if (ps_accept(p, TK_RPAREN))
        return 1;
    do {
        Node *e = table_element(p, no_type_ok);
        if (!e)
            return 0;
        switch (e->kind) {
        case N_COLUMN_DEF: nl_push(p->arena, cols, e); break;
        case N_CONSTRAINT: nl_push(p->arena, cons, e); break;
        case N_CREATE_INDEX: nl_push(p->arena, idx, e); break;
        default: nl_push(p->arena, opts, e); break;
        }
        /* SQL Server accepts a trailing comma before ')' */
    } while (ps_accept(p, TK_COMMA) && !ps_is(p, TK_RPAREN));
    if (!ps_is(p, TK_RPAREN))
        return fail(p, "',' or ')' after a column definition"), 0;
    ps_advance(p);
    return 1;
}

/* ---- CREATE TABLE -------------------------------------------------------- */

/* PARTITION BY ...: the whole clause, subpartitioning and the partition list
 * included, as one span. At PARTITION. */
static int partition_clause(Parser *p, SrcSpan *out)
{
    static const char *const words[] = {
        "BY", "RANGE", "LIST", "HASH", "KEY", "LINEAR", "COLUMNS", "SYSTEM", "REFERENCE",
        "INTERVAL", "STORE", "IN", "SUBPARTITION", "SUBPARTITIONS", "PARTITIONS", "TEMPLATE",
        "AUTOMATIC", "ALGORITHM", "CONSISTENT", "VALUES", "FOR", "AUTOLIST",
    };
    int from = p->pos;
    ps_advance(p); /* PARTITION */
    int after_template = 0;
    for (;;) {
        if (ps_at_stmt_end(p))
            break;
        if (ps_is(p, TK_LPAREN)) {
            /* the list of partitions ends the clause; a SUBPARTITION TEMPLATE list does not */
            int list = PEEK(p, 1, PARTITION) || (PEEK(p, 1, SUBPARTITION) && !after_template);
            if (!skip_group(p))
                return 0;
            if (list && !after_template)
                break;
            after_template = 0;
            continue;
        }
        const Token *t = ps_cur(p);
        int known = t->kind == TK_INTEGER || t->kind == TK_EQ;
        if (t->kind == TK_IDENT)
            for (size_t i = 0; !known && i < sizeof words / sizeof words[0]; i++)
                known = strlen(words[i]) == t->len &&
                        strncasecmp(p->src->text + t->off, words[i], t->len) == 0;
        if (!known) /* a table option after the clause */
            break;
        after_template = ps_is_word(p, "TEMPLATE");
        ps_advance(p);
    }
    *out = ps_span_from(p, from);
    return 1;
}

/* Oracle LOB (c, ..) STORE AS [SECUREFILE|BASICFILE] [segment] [(...)]. */
static int lob_option(Parser *p, NodeList *out)
{
    int from = p->pos;
    ps_advance(p); /* LOB */
    int vfrom = p->pos;
    if (!skip_group(p))
        return 0;
    if (!ps_accept_word(p, "STORE") || !ps_expect_kw(p, KW_AS))
        return fail(p, "STORE AS"), 0;
    if (!ps_accept_word(p, "SECUREFILE"))
        ps_accept_word(p, "BASICFILE");
    if (tok_is_name(ps_cur(p)) && !is_option_head(p))
        ps_advance(p);
    if (ps_is(p, TK_LPAREN) && !skip_group(p))
        return 0;
    add_option(p, out, from, "LOB", text_from(p, vfrom));
    return 1;
}

/* Oracle NESTED TABLE c STORE AS t [(...)] [RETURN [AS] LOCATOR|VALUE]. */
static int nested_table_option(Parser *p, NodeList *out)
{
    int from = p->pos;
    ps_advance(p); /* NESTED */
    ps_advance(p); /* TABLE */
    int vfrom = p->pos;
    while (!(ps_is_word(p, "STORE") && PEEK(p, 1, AS))) {
        if (line_end(p))
            return fail(p, "STORE AS"), 0;
        if (ps_is(p, TK_LPAREN)) {
            if (!skip_group(p))
                return 0;
            continue;
        }
        ps_advance(p);
    }
    ps_advance(p);
    ps_advance(p);
    QName store;
    if (!ps_qname(p, &store))
        return 0;
    for (;;) {
        if (ps_is(p, TK_LPAREN)) {
            if (!skip_group(p))
                return 0;
        } else if (IS(p, RETURN)) {
            ps_advance(p);
            ACCEPT(p, AS);
            if (!ps_is(p, TK_IDENT))
                return fail(p, "LOCATOR or VALUE"), 0;
            ps_advance(p);
        } else {
            break;
        }
    }
    add_option(p, out, from, "NESTED TABLE", text_from(p, vfrom));
    return 1;
}

/* Options after the column list, up to the statement end. */
static int table_options(Parser *p, CreateTable *t)
{
    int multi = p->d == DIALECT_ORACLE || p->d == DIALECT_POSTGRES;
    for (;;) {
        if (ps_at_stmt_end(p))
            return 1;
        if (ps_accept(p, TK_COMMA)) /* MySQL separates options with optional commas */
            continue;
        int from = p->pos;
        if (IS(p, AS) && p->d == DIALECT_TSQL && tok_is_name(ps_peek(p, 1))) {
            ps_advance(p); /* AS FILETABLE / NODE / EDGE */
            int vfrom = p->pos;
            ps_advance(p);
            add_option(p, &t->options, from, "AS", text_from(p, vfrom));
        } else if (IS(p, AS)) {
            ps_advance(p);
            t->as_query = ps_query(p);
            if (!t->as_query)
                return 0;
        } else if (p->d == DIALECT_MYSQL && (IS(p, SELECT) || IS(p, WITH) || IS(p, IGNORE) ||
                                             IS(p, REPLACE) || ps_is(p, TK_LPAREN))) {
            if (!ACCEPT(p, IGNORE))
                ACCEPT(p, REPLACE);
            t->as_query = ps_query(p);
            if (!t->as_query)
                return 0;
        } else if (IS(p, PARTITION) && PEEK(p, 1, BY)) {
            if (!partition_clause(p, &t->partition))
                return 0;
        } else if (IS(p, ON) && PEEK(p, 1, COMMIT)) {
            ps_advance(p);
            ps_advance(p);
            if ((IS(p, DELETE) || IS(p, PRESERVE)) && PEEK(p, 1, ROWS)) {
                t->on_commit = IS(p, DELETE) ? 1 : 2;
                ps_advance(p);
                ps_advance(p);
            } else if (IS(p, DROP)) { /* PostgreSQL */
                ps_advance(p);
                add_option(p, &t->options, from, "ON COMMIT", "DROP");
            } else {
                return fail(p, "DELETE ROWS or PRESERVE ROWS"), 0;
            }
        } else if (IS(p, ON) && p->d == DIALECT_TSQL) {
            if (!on_filegroup(p, &t->options))
                return 0;
        } else if (IS(p, WITH) && peek_kind(p, 1, TK_LPAREN)) {
            ps_advance(p);
            if (!paren_options(p, &t->options, &t->memory_optimized))
                return 0;
        } else if (IS(p, COMMENT)) {
            ps_advance(p);
            ps_accept(p, TK_EQ);
            if (!tok_is_string(ps_cur(p)))
                return fail(p, "a string after COMMENT"), 0;
            t->comment = &ps_string_literal(p)->h;
        } else if (IS(p, LOB) && peek_kind(p, 1, TK_LPAREN)) {
            if (!lob_option(p, &t->options))
                return 0;
        } else if (IS(p, NESTED) && PEEK(p, 1, TABLE)) {
            if (!nested_table_option(p, &t->options))
                return 0;
        } else if (IS(p, SEGMENT) && ps_peek(p, 1)->kind == TK_IDENT && peek_word(p, 1, "CREATION")) {
            ps_advance(p);
            ps_advance(p);
            int vfrom = p->pos;
            if (!ps_is(p, TK_IDENT))
                return fail(p, "IMMEDIATE or DEFERRED"), 0;
            ps_advance(p);
            add_option(p, &t->options, from, "SEGMENT CREATION", text_from(p, vfrom));
        } else if (p->d == DIALECT_MYSQL && IS(p, DEFAULT) &&
                   (PEEK(p, 1, CHARSET) || PEEK(p, 1, CHARACTER) || PEEK(p, 1, COLLATE))) {
            ps_advance(p); /* DEFAULT CHARSET = x is CHARSET = x */
        } else if (p->d == DIALECT_MYSQL && IS(p, CHARACTER) && PEEK(p, 1, SET)) {
            ps_advance(p);
            ps_advance(p);
            ps_accept(p, TK_EQ);
            int vfrom = p->pos;
            if (!take_value(p))
                return fail(p, "a character set"), 0;
            add_option(p, &t->options, from, "CHARSET", text_from(p, vfrom));
        } else if (p->d == DIALECT_MYSQL && (IS(p, DATA) || IS(p, INDEX)) &&
                   PEEK(p, 1, DIRECTORY)) {
            const char *name = IS(p, DATA) ? "DATA DIRECTORY" : "INDEX DIRECTORY";
            ps_advance(p);
            ps_advance(p);
            ps_accept(p, TK_EQ);
            int vfrom = p->pos;
            if (!take_value(p))
                return fail(p, "a directory"), 0;
            add_option(p, &t->options, from, name, text_from(p, vfrom));
        } else {
            if (!generic_option(p, &t->options, multi))
                return 0;
        }
    }
}

typedef struct Prefix {
    int or_replace;
    int temporary;        /* 1 TEMPORARY, 2 GLOBAL TEMPORARY */
    int unique;
    int ik;               /* IndexKind from CLUSTERED, BITMAP, FULLTEXT, ... */
    int primary_xml;
    int public_;
    int force;
    int materialized;
    NodeList options;     /* DEFINER, ALGORITHM, SQL SECURITY, EDITIONABLE, UNLOGGED */
} Prefix;

static Node *create_table(Parser *p, int from, Prefix *pf)
{
    ps_advance(p); /* TABLE */
    CreateTable *t = NODE_NEW(p->arena, CreateTable, CREATE_TABLE, ps_span_from(p, from));
    t->temporary = pf->temporary;
    t->options = pf->options;
    t->if_not_exists = if_not_exists(p);
    if (!ps_qname(p, &t->name))
        return NULL;
    p->defining_kind = "table";
    p->defining_name = t->name;
    const Ident *last = &t->name.parts[t->name.n - 1];
    if (p->d == DIALECT_TSQL && last->len && last->text[0] == '#')
        t->temporary = last->len > 1 && last->text[1] == '#' ? 2 : 1;
    int object_table = 0;
    if (IS(p, OF) && p->d != DIALECT_MYSQL) { /* Oracle object table / PostgreSQL typed table */
        int ofrom = p->pos;
        ps_advance(p);
        QName ty;
        if (!ps_qname(p, &ty))
            return NULL;
        t->object_type = ps_span_from(p, ofrom);
        object_table = 1;
    }
    if (IS(p, LIKE)) { /* CREATE TABLE a LIKE b */
        Node *o = table_element(p, 0);
        if (!o)
            return NULL;
        nl_push(p->arena, &t->options, o);
    } else if (ps_is(p, TK_LPAREN) && (PEEK(p, 1, SELECT) || PEEK(p, 1, WITH))) {
        t->as_query = ps_query(p); /* MySQL CREATE TABLE t (SELECT ..) */
        if (!t->as_query)
            return NULL;
    } else if (ps_is(p, TK_LPAREN)) {
        /* Oracle and PostgreSQL CTAS may name the columns without types:
         * allowed here, checked below once it is known whether AS follows */
        int names_only = object_table || p->d == DIALECT_ORACLE || p->d == DIALECT_POSTGRES;
        if (!table_elements(p, &t->columns, &t->constraints, &t->indexes, &t->options,
                            names_only))
            return NULL;
    } else if (!object_table && !ps_is(p, TK_IDENT)) {
        /* no column list: CTAS, possibly after storage options */
        return fail(p, "'(' or AS after the table name");
    }
    if (!table_options(p, t))
        return NULL;
    for (int i = 0; i < t->columns.n && !t->as_query && !object_table; i++) {
        ColumnDef *c = (ColumnDef *)t->columns.items[i];
        if (!c->type && !c->computed) {
            /* report at the column's name: its token is still in the window */
            int k = from;
            while (k < p->pos && p->toks[k].off != c->name.span.off)
                k++;
            p->pos = k;
            return ps_error(p, "column %.*s has no data type", (int)c->name.len, c->name.text);
        }
    }
    t->h.span = ps_span_from(p, from);
    return &t->h;
}

/* ---- CREATE INDEX ---------------------------------------------------------- */

static Node *create_index(Parser *p, int from, Prefix *pf)
{
    ps_advance(p); /* INDEX */
    CreateIndex *ix = NODE_NEW(p->arena, CreateIndex, CREATE_INDEX, ps_span_from(p, from));
    ix->unique = pf->unique;
    ix->ik = pf->ik;
    ix->primary_xml = pf->primary_xml;
    ix->options = pf->options;
    if (ps_is_word(p, "CONCURRENTLY")) {
        int cfrom = p->pos;
        ps_advance(p);
        add_option(p, &ix->options, cfrom, "CONCURRENTLY", NULL);
    }
    ix->if_not_exists = if_not_exists(p);
    /* T-SQL FULLTEXT INDEX ON t and PostgreSQL INDEX ON t have no name */
    if (!IS(p, ON) && !last_name(p, &ix->name))
        return NULL;
    if (IS(p, USING) && p->d == DIALECT_MYSQL) {
        ps_advance(p);
        if (!ps_ident(p, &ix->using_))
            return NULL;
    }
    if (!ps_expect_kw(p, KW_ON))
        return NULL;
    ACCEPT(p, ONLY);
    if (!ps_qname(p, &ix->table))
        return NULL;
    if (IS(p, USING) && p->d == DIALECT_POSTGRES) {
        ps_advance(p);
        if (!ps_ident(p, &ix->using_))
            return NULL;
    }
    if (ps_is(p, TK_LPAREN)) {
        if (!index_cols(p, &ix->cols, ix->ik == IK_FULLTEXT && p->d == DIALECT_TSQL))
            return NULL;
    } else if (ix->ik != IK_COLUMNSTORE) {
        return fail(p, "'(' and the indexed columns");
    }
    if (!index_tail(p, ix))
        return NULL;
    ix->h.span = ps_span_from(p, from);
    return &ix->h;
}

/* ---- CREATE VIEW ------------------------------------------------------------- */

/* ( col, ... ) after a view name; Oracle may add constraints there, which
 * are skipped (they are never enforced). */
static int view_columns(Parser *p, IdentList *out)
{
    ps_advance(p); /* ( */
    do {
        if (IS(p, CONSTRAINT)) {
            if (!skip_clause(p))
                return 0;
            continue;
        }
        Ident id;
        if (!ps_ident(p, &id))
            return 0;
        il_push(p->arena, out, id);
        if (!ps_is(p, TK_COMMA) && !ps_is(p, TK_RPAREN) && !skip_clause(p))
            return 0;
    } while (ps_accept(p, TK_COMMA));
    return ps_expect(p, TK_RPAREN);
}

/* Everything up to AS at depth 0 as one option (materialized view refresh
 * and storage clauses, Oracle object view clauses). Returns the span. */
static int until_as(Parser *p)
{
    while (!IS(p, AS)) {
        if (line_end(p))
            return fail(p, "AS"), 0;
        if (ps_is(p, TK_LPAREN)) {
            if (!skip_group(p))
                return 0;
            continue;
        }
        ps_advance(p);
    }
    return 1;
}

static Node *create_view(Parser *p, int from, Prefix *pf)
{
    ps_advance(p); /* VIEW */
    CreateView *v = NODE_NEW(p->arena, CreateView, CREATE_VIEW, ps_span_from(p, from));
    v->or_replace = pf->or_replace;
    v->materialized = pf->materialized;
    v->force = pf->force;
    v->options = pf->options;
    if (if_not_exists(p))
        add_option(p, &v->options, p->pos - 3, "IF NOT EXISTS", NULL);
    if (!ps_qname(p, &v->name))
        return NULL;
    p->defining_kind = "view";
    p->defining_name = v->name;
    if (ps_is(p, TK_LPAREN) && !view_columns(p, &v->cols))
        return NULL;
    if (IS(p, OF)) { /* Oracle object view: OF type [UNDER v | WITH OBJECT IDENTIFIER (..)] */
        int ofrom = p->pos;
        if (!until_as(p))
            return NULL;
        v->object_view = ps_span_from(p, ofrom);
    }
    if (IS(p, WITH) && p->d == DIALECT_POSTGRES && peek_kind(p, 1, TK_LPAREN)) {
        ps_advance(p);
        if (!paren_options(p, &v->options, NULL))
            return NULL;
    }
    if (IS(p, WITH) && !peek_kind(p, 1, TK_LPAREN)) { /* T-SQL view attributes */
        ps_advance(p);
        do {
            int ofrom = p->pos;
            if (IS(p, SCHEMABINDING))
                v->schemabinding = 1;
            else if (!IS(p, ENCRYPTION) && !IS(p, VIEW_METADATA))
                return fail(p, "SCHEMABINDING, ENCRYPTION or VIEW_METADATA");
            add_option(p, &v->options, ofrom, take_upper(p), NULL);
        } while (ps_accept(p, TK_COMMA));
    }
    if (!IS(p, AS)) { /* materialized view build/refresh/storage clauses */
        int ofrom = p->pos;
        if (!until_as(p))
            return NULL;
        add_option(p, &v->options, ofrom, pf->materialized ? "MATERIALIZED" : "VIEW OPTIONS",
                   text_from(p, ofrom));
    }
    ps_advance(p); /* AS */
    v->query = ps_query(p);
    if (!v->query)
        return NULL;
    for (;;) {
        int ofrom = p->pos;
        if (IS(p, WITH) && (PEEK(p, 1, CHECK) || ps_peek(p, 1)->kind == TK_IDENT) &&
            (PEEK(p, 1, CHECK) || peek_word(p, 1, "CASCADED") || PEEK(p, 1, LOCAL))) {
            ps_advance(p);
            if (!ACCEPT(p, LOCAL))
                ps_accept_word(p, "CASCADED");
            if (!ps_expect_kw(p, KW_CHECK) || !ps_expect_kw(p, KW_OPTION))
                return NULL;
            v->check_option = 1;
        } else if (IS(p, WITH) && PEEK(p, 1, READ) && PEEK(p, 2, ONLY)) {
            ps_advance(p);
            ps_advance(p);
            ps_advance(p);
            v->read_only = 1;
        } else if (IS(p, CONSTRAINT)) {
            ps_advance(p);
            Ident cn;
            if (!ps_ident(p, &cn))
                return NULL;
        } else if (IS(p, WITH) && (peek_word(p, 1, "DATA") || PEEK(p, 1, NO))) {
            ps_advance(p); /* PostgreSQL WITH [NO] DATA */
            ACCEPT(p, NO);
            if (!ps_accept_word(p, "DATA"))
                return fail(p, "DATA");
            add_option(p, &v->options, ofrom, "WITH DATA", text_from(p, ofrom));
        } else {
            break;
        }
    }
    v->h.span = ps_span_from(p, from);
    return &v->h;
}

/* ---- CREATE TYPE ----------------------------------------------------------- */

static Node *create_type(Parser *p, int from, Prefix *pf)
{
    if (PEEK(p, 1, BODY))
        return ps_routine(p, RK_TYPE_BODY, pf->or_replace, from);
    ps_advance(p); /* TYPE */
    CreateType *ty = NODE_NEW(p->arena, CreateType, CREATE_TYPE, ps_span_from(p, from));
    ty->or_replace = pf->or_replace;
    if (!ps_qname(p, &ty->name))
        return NULL;
    if (ACCEPT(p, FROM)) { /* T-SQL alias type */
        ty->tyk = TYK_ALIAS;
        ty->base = ps_type(p);
        if (!ty->base)
            return NULL;
        if (IS(p, NOT) && PEEK(p, 1, NULL)) {
            ps_advance(p);
            ps_advance(p);
            ty->not_null = 1;
        } else {
            ACCEPT(p, NULL);
        }
        ty->h.span = ps_span_from(p, from);
        return &ty->h;
    }
    /* Oracle clauses before AS: FORCE, OID '..', AUTHID x, ACCESSIBLE BY (..) */
    while (!IS(p, AS) && !IS(p, IS) && !IS(p, UNDER) && !line_end(p) &&
           !(p->d == DIALECT_TSQL && ps_is_word(p, "EXTERNAL"))) {
        if (ps_is(p, TK_LPAREN)) {
            if (!skip_group(p))
                return NULL;
            continue;
        }
        ps_advance(p);
    }
    ty->tyk = TYK_OBJECT;
    if (ACCEPT(p, AS) || ACCEPT(p, IS)) {
        if (IS(p, TABLE) && peek_kind(p, 1, TK_LPAREN) && p->d == DIALECT_TSQL) {
            ps_advance(p); /* T-SQL table type */
            ty->tyk = TYK_TABLE;
            NodeList idx = {0, 0, NULL}, opts = {0, 0, NULL};
            if (!table_elements(p, &ty->columns, &ty->constraints, &idx, &opts, 0))
                return NULL;
            if (IS(p, WITH) && peek_kind(p, 1, TK_LPAREN)) { /* WITH (MEMORY_OPTIMIZED = ON) */
                ps_advance(p);
                if (!skip_group(p))
                    return NULL;
            }
            ty->h.span = ps_span_from(p, from);
            return &ty->h;
        }
        if (IS(p, ENUM) && peek_kind(p, 1, TK_LPAREN)) { /* PostgreSQL: values as ENUM base type */
            ty->tyk = TYK_ENUM;
            ty->base = ps_type(p);
            if (!ty->base)
                return NULL;
            ty->h.span = ps_span_from(p, from);
            return &ty->h;
        }
        if (ps_is(p, TK_LPAREN) && p->d == DIALECT_POSTGRES) { /* composite type */
            NodeList cons = {0, 0, NULL}, idx = {0, 0, NULL}, opts = {0, 0, NULL};
            if (!table_elements(p, &ty->columns, &cons, &idx, &opts, 0))
                return NULL;
            ty->h.span = ps_span_from(p, from);
            return &ty->h;
        }
        if (IS(p, TABLE) || IS(p, VARRAY) || IS(p, VARYING) || ps_is_word(p, "VARYING"))
            ty->tyk = TYK_COLLECTION;
    }
    /* Oracle object and collection types (and T-SQL CLR types) are kept
     * whole: their specifications hold methods sqlshift does not convert */
    skip_rest(p);
    ty->h.span = ps_span_from(p, from);
    return &ty->h;
}

/* ---- CREATE SEQUENCE / SYNONYM / SCHEMA ------------------------------------ */

static Node *create_sequence(Parser *p, int from)
{
    ps_advance(p); /* SEQUENCE */
    CreateSequence *s = NODE_NEW(p->arena, CreateSequence, CREATE_SEQUENCE, ps_span_from(p, from));
    if (if_not_exists(p))
        add_option(p, &s->options, p->pos - 3, "IF NOT EXISTS", NULL);
    if (!ps_qname(p, &s->name))
        return NULL;
    while (!ps_at_stmt_end(p)) {
        if (ps_accept(p, TK_COMMA))
            continue;
        if (IS(p, AS)) {
            ps_advance(p);
            s->as_type = ps_type(p);
            if (!s->as_type)
                return NULL;
            continue;
        }
        int r = seq_option(p, s);
        if (r < 0)
            return NULL;
        if (r == 0 && !generic_option(p, &s->options, 0))
            return NULL;
    }
    s->h.span = ps_span_from(p, from);
    return &s->h;
}

/* CREATE [PUBLIC] SYNONYM name FOR target[@dblink]. A database link is kept
 * as one more target part whose text starts with '@' (e.g. hr.emp.@remote):
 * a synonym for a remote object has no local equivalent, and the '@' makes
 * that impossible to miss downstream. */
static Node *create_synonym(Parser *p, int from, Prefix *pf)
{
    ps_advance(p); /* SYNONYM */
    CreateSynonym *s = NODE_NEW(p->arena, CreateSynonym, CREATE_SYNONYM, ps_span_from(p, from));
    s->public_ = pf->public_;
    s->or_replace = pf->or_replace;
    if (!ps_qname(p, &s->name) || !ps_expect_kw(p, KW_FOR) || !ps_qname(p, &s->target))
        return NULL;
    if (ps_is(p, TK_AT) || ps_is(p, TK_VAR)) {
        int lfrom = p->pos;
        if (ps_accept(p, TK_AT)) {
            QName link;
            if (!ps_qname(p, &link))
                return NULL;
        } else {
            ps_advance(p);
            while (ps_is(p, TK_DOT) && tok_is_name(ps_peek(p, 1))) {
                ps_advance(p);
                ps_advance(p);
            }
        }
        if (s->target.n >= QNAME_MAX)
            return ps_error(p, "synonym target with too many parts");
        Ident *l = &s->target.parts[s->target.n++];
        memset(l, 0, sizeof *l);
        SrcSpan sp = ps_span_from(p, lfrom);
        l->span = sp;
        l->text = text_from(p, lfrom);
        l->len = sp.len;
    }
    s->h.span = ps_span_from(p, from);
    return &s->h;
}

static OtherStmt *other_stmt(Parser *p, int from, int what)
{
    skip_rest(p);
    OtherStmt *o = NODE_NEW(p->arena, OtherStmt, OTHER_STMT, ps_span_from(p, from));
    o->what = what;
    return o;
}

/* A statement kept as OTHER_STMT without a name. */
static Node *misc(Parser *p, int from) { return &other_stmt(p, from, OS_MISC)->h; }

/* Reads the name of an object kept as OTHER_STMT, when one follows. */
static void other_name(Parser *p, QName *out)
{
    if_not_exists(p);
    if (tok_is_name(ps_cur(p)) || ps_is(p, TK_SUBST) || tok_is_string(ps_cur(p))) {
        if (tok_is_string(ps_cur(p))) {
            memset(out, 0, sizeof *out);
            out->parts[0] = ident_of_tok(p, ps_cur(p));
            out->n = 1;
            ps_advance(p);
        } else {
            ps_qname(p, out);
        }
    }
}

static Node *other_named(Parser *p, int from, int what)
{
    QName name;
    memset(&name, 0, sizeof name);
    other_name(p, &name);
    if (p->failed)
        return NULL;
    OtherStmt *o = other_stmt(p, from, what);
    o->name = name;
    return &o->h;
}

static Node *create_schema(Parser *p, int from)
{
    ps_advance(p); /* SCHEMA */
    if (p->d == DIALECT_MYSQL) /* MySQL: CREATE SCHEMA is CREATE DATABASE */
        return other_named(p, from, OS_CREATE_DATABASE);
    if (p->d == DIALECT_ORACLE) /* CREATE SCHEMA AUTHORIZATION u CREATE TABLE ... */
        return misc(p, from);
    CreateSchema *s = NODE_NEW(p->arena, CreateSchema, CREATE_SCHEMA, ps_span_from(p, from));
    s->if_not_exists = if_not_exists(p);
    if (ACCEPT(p, AUTHORIZATION)) { /* schema named after its owner */
        if (!ps_ident(p, &s->authorization))
            return NULL;
        s->name = s->authorization;
    } else {
        if (!ps_ident(p, &s->name))
            return NULL;
        if (ACCEPT(p, AUTHORIZATION) && !ps_ident(p, &s->authorization))
            return NULL;
    }
    s->h.span = ps_span_from(p, from);
    return &s->h;
}

/* ---- CREATE dispatch ----------------------------------------------------------- */

/* The words between CREATE and the object kind. */
static void create_prefix(Parser *p, Prefix *pf)
{
    for (;;) {
        int from = p->pos;
        if (IS(p, OR) && (PEEK(p, 1, REPLACE) || PEEK(p, 1, ALTER))) {
            ps_advance(p);
            ps_advance(p);
            pf->or_replace = 1;
        } else if (IS(p, EDITIONABLE) || IS(p, EDITIONING) || ps_is_word(p, "NONEDITIONABLE") ||
                   ps_is_word(p, "UNLOGGED")) {
            add_option(p, &pf->options, from, take_upper(p), NULL);
        } else if (IS(p, DEFINER)) {
            ps_advance(p);
            ps_accept(p, TK_EQ);
            int vfrom = p->pos;
            definer_value(p);
            add_option(p, &pf->options, from, "DEFINER", text_from(p, vfrom));
        } else if (IS(p, ALGORITHM) && peek_kind(p, 1, TK_EQ)) {
            ps_advance(p);
            ps_advance(p);
            int vfrom = p->pos;
            take_value(p);
            add_option(p, &pf->options, from, "ALGORITHM", text_from(p, vfrom));
        } else if (IS(p, SQL) && PEEK(p, 1, SECURITY)) {
            ps_advance(p);
            ps_advance(p);
            int vfrom = p->pos;
            if (ps_is(p, TK_IDENT))
                ps_advance(p);
            add_option(p, &pf->options, from, "SQL SECURITY", text_from(p, vfrom));
        } else if ((IS(p, GLOBAL) || IS(p, LOCAL) || ps_is_word(p, "PRIVATE")) &&
                   (PEEK(p, 1, TEMPORARY) || PEEK(p, 1, TEMP))) {
            pf->temporary = IS(p, GLOBAL) ? 2 : 1;
            ps_advance(p);
            ps_advance(p);
        } else if (ACCEPT(p, TEMPORARY) || ACCEPT(p, TEMP)) {
            pf->temporary = 1;
        } else if (ACCEPT(p, UNIQUE)) {
            pf->unique = 1;
        } else if (ACCEPT(p, CLUSTERED)) {
            pf->ik = IK_CLUSTERED;
        } else if (ACCEPT(p, NONCLUSTERED)) {
            pf->ik = IK_NONCLUSTERED;
        } else if (ACCEPT(p, BITMAP)) {
            pf->ik = IK_BITMAP;
        } else if (IS(p, FULLTEXT) && (PEEK(p, 1, INDEX))) {
            ps_advance(p);
            pf->ik = IK_FULLTEXT;
        } else if (IS(p, SPATIAL) && (PEEK(p, 1, INDEX))) {
            ps_advance(p);
            pf->ik = IK_SPATIAL;
        } else if (ACCEPT(p, COLUMNSTORE)) {
            pf->ik = IK_COLUMNSTORE;
        } else if (IS(p, PRIMARY) && PEEK(p, 1, XML)) {
            ps_advance(p);
            ps_advance(p);
            pf->ik = IK_XML;
            pf->primary_xml = 1;
        } else if (IS(p, XML) && PEEK(p, 1, INDEX)) {
            ps_advance(p);
            pf->ik = IK_XML;
        } else if (ACCEPT(p, PUBLIC)) {
            pf->public_ = 1;
        } else if (ACCEPT(p, FORCE)) {
            pf->force = 1;
        } else if (IS(p, NO) && PEEK(p, 1, FORCE)) {
            ps_advance(p);
            ps_advance(p);
            pf->force = 0;
        } else if (ps_accept_word(p, "NOFORCE")) {
            pf->force = 0;
        } else if (ACCEPT(p, MATERIALIZED)) {
            pf->materialized = 1;
        } else if (ACCEPT(p, RECURSIVE)) {
        } else {
            return;
        }
    }
}

Node *ps_create(Parser *p)
{
    int from = p->pos;
    ps_advance(p); /* CREATE */
    Prefix pf;
    memset(&pf, 0, sizeof pf);
    create_prefix(p, &pf);
    if (IS(p, TABLE))
        return create_table(p, from, &pf);
    if (IS(p, VIEW)) {
        if (pf.materialized && ps_peek(p, 1)->kind == TK_IDENT && peek_word(p, 1, "LOG"))
            return misc(p, from);
        return create_view(p, from, &pf);
    }
    if (IS(p, INDEX))
        return create_index(p, from, &pf);
    if (IS(p, SEQUENCE))
        return create_sequence(p, from);
    if (IS(p, SYNONYM))
        return create_synonym(p, from, &pf);
    if (IS(p, SCHEMA))
        return create_schema(p, from);
    if (IS(p, TYPE))
        return create_type(p, from, &pf);
    if (IS(p, PROCEDURE) || IS(p, PROC))
        return ps_routine(p, RK_PROCEDURE, pf.or_replace, from);
    if (IS(p, FUNCTION))
        return ps_routine(p, RK_FUNCTION, pf.or_replace, from);
    if (IS(p, TRIGGER))
        return ps_routine(p, RK_TRIGGER, pf.or_replace, from);
    if (IS(p, PACKAGE))
        return ps_routine(p, PEEK(p, 1, BODY) ? RK_PACKAGE_BODY : RK_PACKAGE, pf.or_replace, from);
    if (IS(p, EVENT))
        return ps_routine(p, RK_EVENT, pf.or_replace, from);
    if (IS(p, DATABASE)) {
        if (ps_peek(p, 1)->kind == TK_IDENT && peek_word(p, 1, "LINK")) /* Oracle database link */
            return misc(p, from);
        ps_advance(p);
        return other_named(p, from, OS_CREATE_DATABASE);
    }
    if (IS(p, USER) || IS(p, ROLE) || ps_is_word(p, "LOGIN")) {
        ps_advance(p);
        return other_named(p, from, OS_USER_ROLE);
    }
    if (IS(p, XML) && PEEK(p, 1, SCHEMA) && ps_peek(p, 2)->kind == TK_IDENT &&
        peek_word(p, 2, "COLLECTION")) {
        ps_advance(p);
        ps_advance(p);
        ps_advance(p);
        CreateType *ty = NODE_NEW(p->arena, CreateType, CREATE_TYPE, ps_span_from(p, from));
        ty->tyk = TYK_XMLSCHEMA;
        if (!ps_qname(p, &ty->name))
            return NULL;
        skip_rest(p); /* AS N'<xsd:schema ...>' or a variable */
        ty->h.span = ps_span_from(p, from);
        return &ty->h;
    }
    return misc(p, from);
}

/* ---- ALTER TABLE ----------------------------------------------------------- */

enum { VERB_NONE, VERB_ADD, VERB_DROP };

/* T-SQL lets one ADD / DROP cover a comma list (ADD c1 int, CONSTRAINT x
 * ..., DROP CONSTRAINT a, b); this remembers which one is running. */
typedef struct AlterState {
    int verb;
    int nocheck;          /* WITH NOCHECK before the running ADD */
    int drop_constraint;  /* a bare name after DROP is a constraint (T-SQL) */
} AlterState;

static AlterAction *new_action(Parser *p, AlterTable *at, int from, int ak)
{
    AlterAction *a = NODE_NEW(p->arena, AlterAction, ALTER_ACTION, ps_span_from(p, from));
    a->ak = ak;
    nl_push(p->arena, &at->actions, a);
    return a;
}

/* An action sqlshift does not model: skipped to ',' or the statement end. */
static int other_action(Parser *p, AlterTable *at, int from)
{
    if (p->pos == from)
        ps_advance(p);
    if (!skip_clause(p))
        return 0;
    new_action(p, at, from, AK_OTHER);
    return 1;
}

/* One element after ADD. */
static int add_item(Parser *p, AlterTable *at, int from, int nocheck)
{
    if (IS(p, PARTITION) || IS(p, SUBPARTITION) || ps_is_word(p, "SUPPLEMENTAL") ||
        ps_is_word(p, "OVERFLOW") || ps_is_word(p, "PERIOD") || IS(p, ROWGUIDCOL) ||
        IS(p, PERSISTED) || ps_is_word(p, "MASKED") || IS(p, SPARSE))
        return other_action(p, at, from);
    int column = ACCEPT(p, COLUMN);
    int ine = if_not_exists(p);
    Node *e = column ? (Node *)column_def(p, 0) : table_element(p, 0);
    if (!e)
        return 0;
    AlterAction *a = new_action(p, at, from, AK_OTHER);
    a->def = e;
    a->if_exists = ine; /* ADD .. IF NOT EXISTS */
    if (e->kind == N_COLUMN_DEF) {
        a->ak = AK_ADD_COLUMN;
        a->name = ((ColumnDef *)e)->name;
    } else if (e->kind == N_CONSTRAINT) {
        Constraint *k = (Constraint *)e;
        if (k->ck == CK_DEFAULT && k->cols.n == 1 &&
            NODE_IS(((IndexCol *)k->cols.items[0])->expr, NAME)) {
            /* T-SQL ADD CONSTRAINT d DEFAULT x FOR c: a column default */
            a->ak = AK_SET_DEFAULT;
            a->name = ((NameRef *)((IndexCol *)k->cols.items[0])->expr)->name.parts[0];
            a->expr = k->expr;
        } else {
            a->ak = AK_ADD_CONSTRAINT;
            a->name = k->name;
            if (nocheck) {
                a->nocheck = 1;
                k->novalidate = 1;
            }
        }
    } else if (e->kind == N_CREATE_INDEX) {
        a->ak = AK_ADD_INDEX;
        a->name = ((CreateIndex *)e)->name;
    }
    a->h.span = ps_span_from(p, from);
    return 1;
}

/* ADD item / ADD ( item, ... ) (Oracle, MySQL). After ADD. */
static int add_items(Parser *p, AlterTable *at, int from, int nocheck)
{
    if (IS(p, COLUMN) && peek_kind(p, 1, TK_LPAREN)) /* MySQL ADD COLUMN (a INT, b INT) */
        ps_advance(p);
    if (!ps_is(p, TK_LPAREN))
        return add_item(p, at, from, nocheck);
    ps_advance(p);
    do {
        if (!add_item(p, at, p->pos, nocheck))
            return 0;
    } while (ps_accept(p, TK_COMMA));
    return ps_expect(p, TK_RPAREN);
}

static void drop_tail(Parser *p)
{
    for (;;) {
        if (IS(p, CASCADE)) {
            ps_advance(p);
            ACCEPT(p, CONSTRAINTS);
        } else if (ACCEPT(p, RESTRICT) || ps_accept_word(p, "INVALIDATE") || ACCEPT(p, ONLINE)) {
        } else if ((ps_is_word(p, "KEEP") || IS(p, DROP)) && PEEK(p, 1, INDEX)) {
            ps_advance(p);
            ps_advance(p);
        } else if (ps_is_word(p, "CHECKPOINT") && peek_kind(p, 1, TK_INTEGER)) {
            ps_advance(p);
            ps_advance(p);
        } else {
            return;
        }
    }
}

/* A stub constraint telling what kind DROP PRIMARY KEY / FOREIGN KEY x /
 * UNIQUE (..) / CHECK x drops (AlterAction.def of AK_DROP_CONSTRAINT). */
static Constraint *drop_stub(Parser *p, int from, int ck)
{
    Constraint *k = NODE_NEW(p->arena, Constraint, CONSTRAINT, ps_span_from(p, from));
    k->ck = ck;
    return k;
}

/* One item after DROP. AK_DROP_CONSTRAINT.def says what a keyword form
 * drops: CONSTRAINT (PRIMARY KEY, FOREIGN KEY, UNIQUE, CHECK) or
 * CREATE_INDEX (MySQL DROP INDEX x). */
static int drop_item(Parser *p, AlterTable *at, int from, AlterState *st)
{
    if (ps_is(p, TK_LPAREN) && p->d == DIALECT_ORACLE) { /* DROP (c1, c2) */
        ps_advance(p);
        do {
            int cfrom = p->pos;
            Ident c;
            if (!ps_ident(p, &c))
                return 0;
            new_action(p, at, cfrom, AK_DROP_COLUMN)->name = c;
        } while (ps_accept(p, TK_COMMA));
        if (!ps_expect(p, TK_RPAREN))
            return 0;
        drop_tail(p);
        return 1;
    }
    int ak = -1;
    Node *def = NULL;
    int ie = 0;
    Ident name;
    memset(&name, 0, sizeof name);
    if (ACCEPT(p, COLUMN)) {
        st->drop_constraint = 0;
        ie = if_exists(p);
        ak = AK_DROP_COLUMN;
    } else if (ACCEPT(p, CONSTRAINT)) {
        st->drop_constraint = 1;
        ie = if_exists(p);
        ak = AK_DROP_CONSTRAINT;
    } else if (IS(p, PRIMARY) && PEEK(p, 1, KEY)) {
        ps_advance(p);
        ps_advance(p);
        def = &drop_stub(p, from, CK_PRIMARY)->h;
        ak = AK_DROP_CONSTRAINT;
        drop_tail(p);
        AlterAction *a = new_action(p, at, from, ak);
        a->def = def;
        return 1;
    } else if (IS(p, FOREIGN) && PEEK(p, 1, KEY)) {
        ps_advance(p);
        ps_advance(p);
        def = &drop_stub(p, from, CK_FOREIGN)->h;
        ak = AK_DROP_CONSTRAINT;
    } else if (IS(p, UNIQUE) && peek_kind(p, 1, TK_LPAREN)) {
        ps_advance(p);
        Constraint *k = drop_stub(p, from, CK_UNIQUE);
        if (!index_cols(p, &k->cols, 0))
            return 0;
        drop_tail(p);
        new_action(p, at, from, AK_DROP_CONSTRAINT)->def = &k->h;
        return 1;
    } else if (IS(p, CHECK) && tok_is_name(ps_peek(p, 1))) {
        ps_advance(p);
        def = &drop_stub(p, from, CK_CHECK)->h;
        ak = AK_DROP_CONSTRAINT;
    } else if ((IS(p, INDEX) || IS(p, KEY)) && tok_is_name(ps_peek(p, 1))) {
        ps_advance(p);
        CreateIndex *ix = NODE_NEW(p->arena, CreateIndex, CREATE_INDEX, ps_span_from(p, from));
        def = &ix->h;
        ak = AK_DROP_CONSTRAINT;
    } else if (IS(p, PARTITION) || IS(p, SUBPARTITION) || ps_is_word(p, "UNUSED") ||
               ps_is_word(p, "PERIOD") || IS(p, SYSTEM_VERSIONING) || IS(p, ROWGUIDCOL) ||
               IS(p, DEFAULT) || ps_is_word(p, "SUPPLEMENTAL") || IS(p, PERSISTED)) {
        return other_action(p, at, from);
    } else if (tok_is_name(ps_cur(p))) {
        ak = p->d == DIALECT_TSQL && st->drop_constraint ? AK_DROP_CONSTRAINT : AK_DROP_COLUMN;
    } else {
        return fail(p, "COLUMN, CONSTRAINT or a name after DROP"), 0;
    }
    if (!ps_ident(p, &name))
        return 0;
    if (def && def->kind == N_CONSTRAINT)
        ((Constraint *)def)->name = name;
    else if (def)
        ((CreateIndex *)def)->name = name;
    drop_tail(p);
    AlterAction *a = new_action(p, at, from, ak);
    a->name = name;
    a->def = def;
    a->if_exists = ie;
    return 1;
}

/* ALTER [COLUMN] c ... At ALTER. */
static int alter_column(Parser *p, AlterTable *at, int from)
{
    ps_advance(p); /* ALTER */
    if (p->d == DIALECT_MYSQL && (IS(p, INDEX) || IS(p, CHECK) || IS(p, CONSTRAINT)))
        return other_action(p, at, from);
    ACCEPT(p, COLUMN);
    int cfrom = p->pos;
    Ident name;
    if (!ps_ident(p, &name))
        return 0;
    AlterAction *a;
    if (IS(p, SET) && PEEK(p, 1, DEFAULT)) {
        ps_advance(p);
        ps_advance(p);
        a = new_action(p, at, from, AK_SET_DEFAULT);
        a->expr = ps_expr(p);
        if (!a->expr)
            return 0;
    } else if (IS(p, DROP) && PEEK(p, 1, DEFAULT)) {
        ps_advance(p);
        ps_advance(p);
        a = new_action(p, at, from, AK_DROP_DEFAULT);
    } else if ((IS(p, SET) || IS(p, DROP)) && PEEK(p, 1, NOT) && PEEK(p, 2, NULL)) {
        /* PostgreSQL SET/DROP NOT NULL: a new definition with the type unchanged (NULL) */
        int set = IS(p, SET);
        ps_advance(p);
        ps_advance(p);
        ps_advance(p);
        ColumnDef *c = NODE_NEW(p->arena, ColumnDef, COLUMN_DEF, ps_span_from(p, cfrom));
        c->name = name;
        c->nullable = set ? 2 : 1;
        a = new_action(p, at, from, AK_ALTER_COLUMN);
        a->def = &c->h;
    } else if ((IS(p, SET) && PEEK(p, 1, DATA) && PEEK(p, 2, TYPE)) || IS(p, TYPE)) {
        if (IS(p, SET)) {
            ps_advance(p);
            ps_advance(p);
        }
        ps_advance(p); /* TYPE */
        ColumnDef *c = NODE_NEW(p->arena, ColumnDef, COLUMN_DEF, ps_span_from(p, cfrom));
        c->name = name;
        c->type = ps_type(p);
        if (!c->type)
            return 0;
        if (IS(p, COLLATE)) {
            ps_advance(p);
            if (!last_name(p, &c->collate))
                return 0;
        }
        if (IS(p, USING)) {
            int ufrom = p->pos;
            ps_advance(p);
            int vfrom = p->pos;
            if (!ps_expr(p))
                return 0;
            add_option(p, &c->options, ufrom, "USING", text_from(p, vfrom));
        }
        c->h.span = ps_span_from(p, cfrom);
        a = new_action(p, at, from, AK_ALTER_COLUMN);
        a->def = &c->h;
    } else if (p->d == DIALECT_TSQL && !IS(p, ADD) && !IS(p, DROP)) {
        ColumnDef *c = column_def_rest(p, cfrom, name, 0);
        if (!c)
            return 0;
        a = new_action(p, at, from, AK_ALTER_COLUMN);
        a->def = &c->h;
    } else { /* ADD ROWGUIDCOL, SET STATISTICS, SET VISIBLE, ... */
        return other_action(p, at, from);
    }
    a->name = name;
    a->h.span = ps_span_from(p, from);
    return 1;
}

/* MODIFY [COLUMN] def / Oracle MODIFY (def, ...). At MODIFY. */
static int modify_column(Parser *p, AlterTable *at, int from)
{
    ps_advance(p); /* MODIFY */
    int oracle = p->d == DIALECT_ORACLE;
    if (ps_is(p, TK_LPAREN)) {
        ps_advance(p);
        do {
            int cfrom = p->pos;
            ColumnDef *c = column_def(p, oracle);
            if (!c)
                return 0;
            AlterAction *a = new_action(p, at, cfrom, AK_ALTER_COLUMN);
            a->def = &c->h;
            a->name = c->name;
        } while (ps_accept(p, TK_COMMA));
        return ps_expect(p, TK_RPAREN);
    }
    if (IS(p, CONSTRAINT) || IS(p, PRIMARY) || IS(p, UNIQUE) || IS(p, PARTITION) ||
        IS(p, SUBPARTITION) || IS(p, LOB) || IS(p, NESTED) || IS(p, VARRAY) ||
        (IS(p, DEFAULT) && oracle) || (oracle && IS(p, COLUMN)))
        return other_action(p, at, from);
    ACCEPT(p, COLUMN);
    ColumnDef *c = column_def(p, oracle);
    if (!c)
        return 0;
    AlterAction *a = new_action(p, at, from, AK_ALTER_COLUMN);
    a->def = &c->h;
    a->name = c->name;
    return 1;
}

/* MySQL CHANGE [COLUMN] old new_definition. At CHANGE. */
static int change_column(Parser *p, AlterTable *at, int from)
{
    ps_advance(p);
    ACCEPT(p, COLUMN);
    Ident old;
    if (!ps_ident(p, &old))
        return 0;
    ColumnDef *c = column_def(p, 0);
    if (!c)
        return 0;
    AlterAction *a = new_action(p, at, from, AK_ALTER_COLUMN);
    a->name = old;
    a->def = &c->h;
    return 1;
}

static int rename_action(Parser *p, AlterTable *at, int from)
{
    ps_advance(p); /* RENAME */
    if (IS(p, COLUMN)) {
        ps_advance(p);
        Ident a1, b1;
        if (!ps_ident(p, &a1) || !ps_expect_kw(p, KW_TO) || !ps_ident(p, &b1))
            return 0;
        AlterAction *a = new_action(p, at, from, AK_RENAME_COLUMN);
        a->name = a1;
        a->name2 = b1;
        return 1;
    }
    if (IS(p, INDEX) || IS(p, KEY) || IS(p, CONSTRAINT) || IS(p, PARTITION))
        return other_action(p, at, from);
    if (!ACCEPT(p, TO))
        ACCEPT(p, AS);
    Ident n;
    if (!last_name(p, &n))
        return 0;
    new_action(p, at, from, AK_RENAME_TABLE)->name = n;
    return 1;
}

/* Names after CHECK CONSTRAINT / ENABLE TRIGGER: x | ALL, then further
 * `, y` as long as they are plain names (a comma may also start the next
 * action). */
static int name_list_actions(Parser *p, AlterTable *at, int from, int ak, int nocheck)
{
    for (;;) {
        Ident n;
        if (!ps_ident(p, &n))
            return 0;
        AlterAction *a = new_action(p, at, from, ak);
        a->name = n;
        a->nocheck = nocheck;
        if (!(ps_is(p, TK_COMMA) && tok_is_name(ps_peek(p, 1)) &&
              (peek_kind(p, 2, TK_COMMA) || ps_peek(p, 2)->kind == TK_SEMI ||
               ps_peek(p, 2)->kind == TK_GO || ps_peek(p, 2)->kind == TK_EOF ||
               (ps_peek(p, 2)->flags & TF_LINE_START))))
            return 1;
        ps_advance(p);
        from = p->pos;
    }
}

/* ENABLE|DISABLE TRIGGER x|ALL / ALL TRIGGERS / [NO]VALIDATE CONSTRAINT x. */
static int enable_action(Parser *p, AlterTable *at, int from)
{
    int disable = IS(p, DISABLE);
    ps_advance(p);
    if (ACCEPT(p, TRIGGER))
        return name_list_actions(p, at, from, disable ? AK_DISABLE_TRIGGER : AK_ENABLE_TRIGGER, 0);
    if (IS(p, ALL) && ps_is_word(p, "ALL") && ps_peek(p, 1)->kind == TK_IDENT &&
        peek_word(p, 1, "TRIGGERS")) {
        Ident all = ident_of_tok(p, ps_cur(p));
        ps_advance(p);
        ps_advance(p);
        new_action(p, at, from, disable ? AK_DISABLE_TRIGGER : AK_ENABLE_TRIGGER)->name = all;
        return 1;
    }
    if (!ACCEPT(p, VALIDATE))
        ACCEPT(p, NOVALIDATE);
    if (ACCEPT(p, CONSTRAINT)) {
        Ident n;
        if (!ps_ident(p, &n))
            return 0;
        drop_tail(p);
        AlterAction *a = new_action(p, at, from, AK_CHECK_CONSTRAINT);
        a->name = n;
        a->nocheck = disable;
        return 1;
    }
    return other_action(p, at, from);
}

static int alter_action(Parser *p, AlterTable *at, AlterState *st)
{
    int from = p->pos;
    int nocheck = 0, with = 0;
    if (IS(p, WITH) && (PEEK(p, 1, CHECK) || PEEK(p, 1, NOCHECK))) {
        ps_advance(p);
        nocheck = IS(p, NOCHECK);
        ps_advance(p);
        with = 1;
    }
    if (ACCEPT(p, ADD)) {
        st->verb = VERB_ADD;
        st->nocheck = nocheck;
        return add_items(p, at, from, nocheck);
    }
    if ((IS(p, CHECK) || IS(p, NOCHECK)) && PEEK(p, 1, CONSTRAINT)) {
        int off = IS(p, NOCHECK);
        ps_advance(p);
        ps_advance(p);
        st->verb = VERB_NONE;
        return name_list_actions(p, at, from, AK_CHECK_CONSTRAINT, off);
    }
    if (with)
        return fail(p, "ADD or CHECK CONSTRAINT after WITH CHECK"), 0;
    if (ACCEPT(p, DROP)) {
        st->verb = VERB_DROP;
        st->drop_constraint = p->d == DIALECT_TSQL;
        return drop_item(p, at, from, st);
    }
    if (IS(p, ALTER)) {
        st->verb = VERB_NONE;
        return alter_column(p, at, from);
    }
    if (IS(p, MODIFY)) {
        st->verb = VERB_NONE;
        return modify_column(p, at, from);
    }
    if (IS(p, CHANGE) && p->d == DIALECT_MYSQL) {
        st->verb = VERB_NONE;
        return change_column(p, at, from);
    }
    if (IS(p, RENAME)) {
        st->verb = VERB_NONE;
        return rename_action(p, at, from);
    }
    if ((IS(p, ENABLE) || IS(p, DISABLE)) && !PEEK(p, 1, KEYS)) {
        st->verb = VERB_NONE;
        return enable_action(p, at, from);
    }
    /* T-SQL continues an ADD / DROP list without repeating the verb */
    if (p->d == DIALECT_TSQL && st->verb == VERB_ADD && !IS(p, SET))
        return add_item(p, at, from, st->nocheck);
    if (p->d == DIALECT_TSQL && st->verb == VERB_DROP && !IS(p, SET))
        return drop_item(p, at, from, st);
    st->verb = VERB_NONE;
    return other_action(p, at, from); /* table options, partition maintenance, ... */
}

static Node *alter_table(Parser *p, int from)
{
    ps_advance(p); /* TABLE */
    AlterTable *at = NODE_NEW(p->arena, AlterTable, ALTER_TABLE, ps_span_from(p, from));
    if_exists(p);
    if (ACCEPT(p, ONLY))
        at->only = 1;
    if (!ps_qname(p, &at->name))
        return NULL;
    AlterState st;
    memset(&st, 0, sizeof st);
    while (!line_end(p)) {
        int afrom = p->pos;
        if (!alter_action(p, at, &st))
            return NULL;
        if (p->pos == afrom)
            return fail(p, "an ALTER TABLE action");
        ps_accept(p, TK_COMMA);
    }
    if (at->actions.n == 0)
        return fail(p, "an ALTER TABLE action");
    at->h.span = ps_span_from(p, from);
    return &at->h;
}

/* ---- ALTER ----------------------------------------------------------------- */

Node *ps_alter(Parser *p)
{
    int from = p->pos;
    ps_advance(p); /* ALTER */
    Prefix pf;
    memset(&pf, 0, sizeof pf);
    if (p->d == DIALECT_MYSQL) {
        while (IS(p, IGNORE) || IS(p, ONLINE) || ps_is_word(p, "OFFLINE"))
            ps_advance(p);
        create_prefix(p, &pf); /* ALTER ALGORITHM=.. DEFINER=.. SQL SECURITY .. VIEW */
    }
    if (IS(p, TABLE))
        return alter_table(p, from);
    if (IS(p, VIEW)) {
        if (p->d == DIALECT_TSQL || p->d == DIALECT_MYSQL) {
            pf.or_replace = 1;
            return create_view(p, from, &pf);
        }
        return misc(p, from);
    }
    if (p->d == DIALECT_TSQL) {
        if (IS(p, PROCEDURE) || IS(p, PROC))
            return ps_routine(p, RK_PROCEDURE, 1, from);
        if (IS(p, FUNCTION))
            return ps_routine(p, RK_FUNCTION, 1, from);
        if (IS(p, TRIGGER))
            return ps_routine(p, RK_TRIGGER, 1, from);
    }
    if (IS(p, EVENT) && p->d == DIALECT_MYSQL)
        return ps_routine(p, RK_EVENT, 1, from);
    if (IS(p, SESSION)) {
        ps_advance(p);
        SessionStmt *s = NODE_NEW(p->arena, SessionStmt, SESSION, ps_span_from(p, from));
        s->what = SS_ALTER_SESSION;
        if (ACCEPT(p, SET) && (ps_is(p, TK_IDENT) || ps_is(p, TK_QIDENT)))
            ps_ident(p, &s->name);
        skip_rest(p);
        s->h.span = ps_span_from(p, from);
        return &s->h;
    }
    int what = -1;
    if (IS(p, DATABASE) || (IS(p, SCHEMA) && p->d == DIALECT_MYSQL))
        what = OS_ALTER_DATABASE;
    else if (IS(p, USER) || IS(p, ROLE) || ps_is_word(p, "LOGIN"))
        what = OS_USER_ROLE;
    if (what < 0)
        return misc(p, from);
    ps_advance(p);
    QName name;
    memset(&name, 0, sizeof name);
    if (tok_is_name(ps_cur(p)) || ps_is(p, TK_SUBST) || IS(p, CURRENT) || tok_is_string(ps_cur(p)))
        other_name(p, &name);
    if (p->failed)
        return NULL;
    /* T-SQL ALTER DATABASE x \n SET ..: SET starts a line but belongs here */
    if (IS(p, SET))
        ps_advance(p);
    OtherStmt *o = other_stmt(p, from, what);
    o->name = name;
    return &o->h;
}

/* ---- DROP ------------------------------------------------------------------- */

/* The object kind after DROP; advances past its words, except for kinds
 * sqlshift does not model (OK_OTHER without advancing). */
static int drop_kind(Parser *p)
{
    if (ACCEPT(p, TABLE))
        return OK_TABLE;
    if (ACCEPT(p, VIEW))
        return OK_VIEW;
    if (ACCEPT(p, INDEX))
        return OK_INDEX;
    if (ACCEPT(p, SEQUENCE))
        return OK_SEQUENCE;
    if (ACCEPT(p, SYNONYM))
        return OK_SYNONYM;
    if (IS(p, PUBLIC) && PEEK(p, 1, SYNONYM)) {
        ps_advance(p);
        ps_advance(p);
        return OK_SYNONYM;
    }
    if (ACCEPT(p, SCHEMA))
        return p->d == DIALECT_MYSQL ? OK_DATABASE : OK_SCHEMA;
    if (IS(p, TYPE) || IS(p, PACKAGE)) {
        int pkg = IS(p, PACKAGE);
        ps_advance(p);
        if (ACCEPT(p, BODY)) /* only the body goes: nothing to say in the target */
            return OK_OTHER;
        return pkg ? OK_PACKAGE : OK_TYPE;
    }
    if (ACCEPT(p, PROCEDURE) || ACCEPT(p, PROC))
        return OK_PROCEDURE;
    if (ACCEPT(p, FUNCTION))
        return OK_FUNCTION;
    if (ACCEPT(p, TRIGGER))
        return OK_TRIGGER;
    if (IS(p, DATABASE) && !(ps_peek(p, 1)->kind == TK_IDENT && peek_word(p, 1, "LINK"))) {
        ps_advance(p);
        return OK_DATABASE;
    }
    /* A materialized view is not a view in every target: kept as OTHER so a
     * DROP VIEW is never emitted for it. */
    return OK_OTHER;
}

/* Words that may follow the dropped object's name. */
static int drop_option_word(const Token *t)
{
    return t->kind == TK_IDENT && (t->kw == KW_CASCADE || t->kw == KW_RESTRICT ||
                                   t->kw == KW_FORCE || t->kw == KW_PURGE || t->kw == KW_VALIDATE);
}

/* Skips the kind words of an object kind sqlshift does not model (USER,
 * MATERIALIZED VIEW, FULLTEXT CATALOG, XML SCHEMA COLLECTION, PARTITION
 * FUNCTION, ...) so that the parser stands at the object's name: a word is
 * part of the kind while another word follows it, unless that word ends the
 * name (CASCADE, ...) or is ON / IF after a plain name. */
static void skip_kind_words(Parser *p)
{
    ps_advance(p); /* the first word always names the kind */
    while (ps_is(p, TK_IDENT) && !IS(p, IF) && !IS(p, ON)) {
        const Token *nx = ps_peek(p, 1);
        int kind_word;
        if (nx->kind == TK_QIDENT)
            kind_word = 1;
        else if (nx->kind != TK_IDENT || drop_option_word(nx))
            kind_word = 0;
        else if (nx->kw == KW_ON || nx->kw == KW_IF)
            /* FULLTEXT INDEX ON t, MATERIALIZED VIEW LOG ON t; but EVENT SESSION s ON SERVER */
            kind_word = ps_cur(p)->kw != KW_0 || ps_is_word(p, "LOG");
        else
            kind_word = 1;
        if (!kind_word)
            return;
        ps_advance(p);
    }
}

Node *ps_drop(Parser *p)
{
    int from = p->pos;
    ps_advance(p); /* DROP */
    DropStmt *d = NODE_NEW(p->arena, DropStmt, DROP, ps_span_from(p, from));
    ACCEPT(p, TEMPORARY);
    int kpos = p->pos;
    d->what = drop_kind(p);
    if (d->what == OK_OTHER && p->pos == kpos) { /* a kind sqlshift does not model */
        skip_kind_words(p);
        if (IS(p, ON)) { /* DROP FULLTEXT INDEX ON t, DROP MATERIALIZED VIEW LOG ON t */
            ps_advance(p);
            if (!ps_qname(p, &d->on_table))
                return NULL;
        }
        d->if_exists = if_exists(p);
        if (tok_is_name(ps_cur(p)) && !line_end(p)) {
            int nfrom = p->pos;
            QName q;
            if (!ps_qname(p, &q))
                return NULL;
            nl_push(p->arena, &d->names, name_node(p, nfrom, &q));
        }
        skip_rest(p);
        d->h.span = ps_span_from(p, from);
        return &d->h;
    }
    d->if_exists = if_exists(p);
    do {
        int nfrom = p->pos;
        QName q;
        if (!ps_qname(p, &q))
            return NULL;
        if (ps_is(p, TK_LPAREN) && (d->what == OK_FUNCTION || d->what == OK_PROCEDURE ||
                                    d->what == OK_TYPE) && !skip_group(p))
            return NULL; /* PostgreSQL signature */
        nl_push(p->arena, &d->names, name_node(p, nfrom, &q));
        if (IS(p, ON)) {
            ps_advance(p);
            if (IS(p, DATABASE) || IS(p, ALL)) { /* T-SQL DDL trigger scope */
                ps_advance(p);
                ps_accept_word(p, "SERVER");
            } else if (d->on_table.n == 0) {
                if (!ps_qname(p, &d->on_table))
                    return NULL;
            } else {
                QName more;
                if (!ps_qname(p, &more))
                    return NULL;
            }
        }
    } while (ps_accept(p, TK_COMMA));
    for (;;) {
        if (IS(p, CASCADE)) {
            ps_advance(p);
            ACCEPT(p, CONSTRAINTS);
            d->cascade = 1;
        } else if (ACCEPT(p, PURGE)) {
            d->purge = 1;
        } else if (ACCEPT(p, RESTRICT) || ACCEPT(p, FORCE) || ACCEPT(p, VALIDATE) ||
                   ACCEPT(p, ONLINE)) {
        } else if (IS(p, WITH) && peek_kind(p, 1, TK_LPAREN)) { /* T-SQL DROP INDEX .. WITH (ONLINE = ON) */
            ps_advance(p);
            if (!skip_group(p))
                return NULL;
        } else if ((IS(p, ALGORITHM) || IS(p, LOCK)) && p->d == DIALECT_MYSQL) {
            NodeList tmp = {0, 0, NULL};
            if (!generic_option(p, &tmp, 0))
                return NULL;
        } else {
            break;
        }
    }
    d->h.span = ps_span_from(p, from);
    return &d->h;
}

/* ---- COMMENT ON / extended properties ------------------------------------- */

Node *ps_comment_on(Parser *p)
{
    int from = p->pos;
    ps_advance(p); /* COMMENT */
    if (!ps_expect_kw(p, KW_ON))
        return NULL;
    CommentStmt *c = NODE_NEW(p->arena, CommentStmt, COMMENT, ps_span_from(p, from));
    if (ACCEPT(p, TABLE)) {
        c->target = CT_TABLE;
    } else if (ACCEPT(p, COLUMN)) {
        c->target = CT_COLUMN;
    } else if (ACCEPT(p, VIEW)) {
        c->target = CT_VIEW;
    } else {
        c->target = CT_OTHER;
        if (!ps_is(p, TK_IDENT))
            return fail(p, "an object kind after COMMENT ON");
        ps_advance(p);
        /* two-word kinds: MATERIALIZED VIEW, FOREIGN TABLE, MINING MODEL, ... */
        if (ps_is(p, TK_IDENT) && (tok_is_name(ps_peek(p, 1)) || ps_peek(p, 1)->kind == TK_QIDENT) &&
            !IS(p, IS))
            ps_advance(p);
    }
    if (!ps_qname(p, &c->obj))
        return NULL;
    while (c->target == CT_OTHER && !IS(p, IS) && !line_end(p)) { /* f(args), ON table */
        if (ps_is(p, TK_LPAREN)) {
            if (!skip_group(p))
                return NULL;
            continue;
        }
        ps_advance(p);
    }
    if (!ps_expect_kw(p, KW_IS))
        return NULL;
    if (tok_is_string(ps_cur(p))) {
        c->text = &ps_string_literal(p)->h;
    } else if (!ACCEPT(p, NULL)) {
        return fail(p, "a string or NULL after IS");
    }
    c->h.span = ps_span_from(p, from);
    return &c->h;
}

/* Text of an extended-property argument: a string literal or a name. */
static int prop_arg(Node *n, Ident *out)
{
    memset(out, 0, sizeof *out);
    if (!n)
        return 0;
    if (NODE_IS(n, LITERAL)) {
        Literal *l = (Literal *)n;
        if (l->lk != LIT_STRING && l->lk != LIT_NSTRING)
            return 0;
        out->text = l->value;
        out->len = l->len;
        out->span = n->span;
        return 1;
    }
    if (NODE_IS(n, NAME)) {
        NameRef *r = (NameRef *)n;
        *out = r->name.parts[r->name.n - 1];
        return 1;
    }
    return 0;
}

static int prop_is(Node *n, const char *word)
{
    Ident id;
    return prop_arg(n, &id) && ident_eq(&id, word);
}

Node *ps_extended_property(Parser *p, OtherStmt *exec)
{
    static const char *const params[8] = {
        "@name", "@value", "@level0type", "@level0name",
        "@level1type", "@level1name", "@level2type", "@level2name",
    };
    if (!exec || exec->name.n == 0 ||
        !ident_eq(&exec->name.parts[exec->name.n - 1], "sp_addextendedproperty"))
        return NULL;
    Node *arg[8] = {0};
    int pos = 0;
    for (int i = 0; i < exec->args.n; i++) {
        Node *a = exec->args.items[i];
        if (NODE_IS(a, ASSIGN)) {
            Assignment *as = (Assignment *)a;
            if (!NODE_IS(as->target, VAR))
                return NULL;
            const char *pn = ((VarRef *)as->target)->name;
            int k = 0;
            while (k < 8 && strcasecmp(pn, params[k]) != 0)
                k++;
            if (k == 8)
                return NULL;
            arg[k] = as->value;
        } else if (pos < 8) {
            arg[pos++] = a;
        }
    }
    if (!prop_is(arg[0], "MS_Description") || !prop_is(arg[2], "SCHEMA"))
        return NULL;
    int target;
    if (prop_is(arg[4], "TABLE"))
        target = CT_TABLE;
    else if (prop_is(arg[4], "VIEW"))
        target = CT_VIEW;
    else
        return NULL;
    Ident schema, obj, col;
    if (!prop_arg(arg[3], &schema) || !prop_arg(arg[5], &obj))
        return NULL;
    int has_col = 0;
    if (arg[6] && !(NODE_IS(arg[6], LITERAL) && ((Literal *)arg[6])->lk == LIT_NULL)) {
        if (!prop_is(arg[6], "COLUMN") || !prop_arg(arg[7], &col))
            return NULL; /* constraint, index, trigger, parameter: not a comment target */
        has_col = 1;
    }
    Node *value = arg[1];
    if (value && !(NODE_IS(value, LITERAL) && (((Literal *)value)->lk == LIT_STRING ||
                                               ((Literal *)value)->lk == LIT_NSTRING ||
                                               ((Literal *)value)->lk == LIT_NULL)))
        return NULL;
    CommentStmt *c = NODE_NEW(p->arena, CommentStmt, COMMENT, exec->h.span);
    c->target = has_col ? CT_COLUMN : target;
    c->obj.parts[0] = schema;
    c->obj.parts[1] = obj;
    c->obj.n = 2;
    if (has_col)
        c->obj.parts[c->obj.n++] = col;
    c->text = value && ((Literal *)value)->lk != LIT_NULL ? value : NULL;
    c->from_extprop = 1;
    return &c->h;
}
