/* parse: parser core. Token window over the pull lexer, token predicates,
 * error recording, identifiers and qualified names, and the top-level loop
 * that turns a script into statements (ps_next). Statements the parser does
 * not understand become RAW nodes with an action item; parsing resumes at
 * the next statement boundary. */
#include "parse/parser.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void ps_init(Parser *p, Dialect d, const SourceFile *src, Arena *arena, DiagList *diags)
{
    memset(p, 0, sizeof *p);
    p->d = d;
    p->src = src;
    p->arena = arena;
    p->diags = diags;
    lex_init(&p->lx, d, src, diags);
    p->captoks = 256;
    p->toks = malloc(sizeof(Token) * (size_t)p->captoks);
    if (!p->toks)
        abort();
}

void ps_free(Parser *p)
{
    free(p->toks);
    p->toks = NULL;
    ps_colmemo_free(p);
}

static void grow_window(Parser *p, int idx)
{
    while (idx >= p->captoks)
        p->captoks *= 2;
    p->toks = realloc(p->toks, sizeof(Token) * (size_t)p->captoks);
    if (!p->toks)
        abort();
}

static inline void fill(Parser *p, int idx)
{
    if (idx >= p->captoks)
        grow_window(p, idx);
    while (p->ntoks <= idx) {
        Token *t = &p->toks[p->ntoks];
        if (p->lx.at_eof && p->ntoks > 0)
            *t = t[-1]; /* keep answering EOF without asking the lexer again */
        else
            lex_next(&p->lx, t);
        p->ntoks++;
    }
}

/* Returns token idx, so that ps_peek_fill calls it in a tail call too (and
 * keeps no registers of its own across a call). */
static __attribute__((noinline)) const Token *fill_window(Parser *p, int idx)
{
    fill(p, idx);
    return &p->toks[idx];
}

const Token *ps_peek_fill(Parser *p, int k)
{
    int idx = p->pos + k;
    /* the usual case, kept small: the one token after those read, handed
     * on by the scanner in a tail call (the lexer keeps whether it is at
     * the end) */
    if (idx == p->ntoks && idx < p->captoks && !p->lx.at_eof) {
        p->ntoks = idx + 1;
        return p->lx.scan(&p->lx, &p->toks[idx]);
    }
    return fill_window(p, idx);
}

int ps_accept_kws(Parser *p, int kw1, int kw2)
{
    if (ps_is_kw(p, kw1) && ps_peek_kw(p, 1, kw2)) {
        ps_advance(p);
        ps_advance(p);
        return 1;
    }
    return 0;
}

static const char *tok_desc(Parser *p, const Token *t, char *buf, size_t n)
{
    if (t->kind == TK_EOF)
        return "end of input";
    if (t->kind == TK_GO || t->kind == TK_SLASH_TERM || t->kind == TK_DELIMITER_CMD ||
        t->kind == TK_SQLCMD || t->kind == TK_SQLPLUS)
        return tok_kind_name(t->kind);
    size_t len = t->len > 40 ? 40 : t->len;
    snprintf(buf, n, "'%.*s%s'", (int)len, p->src->text + t->off, t->len > 40 ? "..." : "");
    return buf;
}

void *ps_error(Parser *p, const char *fmt, ...)
{
    if (p->failed)
        return NULL;
    p->failed = 1;
    p->err_pos = p->pos;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err_msg, sizeof p->err_msg, fmt, ap);
    va_end(ap);
    return NULL;
}

static void expected(Parser *p, const char *what)
{
    char buf[64];
    ps_error(p, "expected %s, found %s", what, tok_desc(p, ps_cur(p), buf, sizeof buf));
}

int ps_expect(Parser *p, int kind)
{
    if (ps_accept(p, kind))
        return 1;
    expected(p, tok_kind_name(kind));
    return 0;
}

int ps_expect_kw(Parser *p, int kw)
{
    if (ps_accept_kw(p, kw))
        return 1;
    expected(p, kw_name(kw));
    return 0;
}

int ps_tok_is_word(const Parser *p, const Token *t, const char *w, size_t n)
{
    if (t->kind != TK_IDENT || t->len != n)
        return 0;
    const char *s = p->src->text + t->off;
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)w[i];
        if (a >= 'a' && a <= 'z')
            a = (unsigned char)(a - 32);
        if (b >= 'a' && b <= 'z')
            b = (unsigned char)(b - 32);
        if (a != b)
            return 0;
    }
    return 1;
}

/* Keywords that begin a T-SQL statement: T-SQL needs no terminator, so the
 * next statement's first word ends the current one. */
static int tsql_stmt_keyword(int kw)
{
    switch (kw) {
    case KW_CREATE: case KW_ALTER: case KW_DROP: case KW_INSERT: case KW_UPDATE:
    case KW_DELETE: case KW_SELECT: case KW_SET: case KW_EXEC: case KW_EXECUTE:
    case KW_IF: case KW_PRINT: case KW_DECLARE: case KW_BEGIN: case KW_USE: case KW_GRANT:
    case KW_REVOKE: case KW_DENY: case KW_RETURN: case KW_WHILE: case KW_RAISERROR:
    case KW_THROW: case KW_TRUNCATE: case KW_MERGE: case KW_COMMIT: case KW_ROLLBACK:
    case KW_BULK: case KW_WAITFOR: case KW_BREAK: case KW_CONTINUE: case KW_GOTO:
    case KW_FETCH: case KW_OPEN: case KW_CLOSE: case KW_DEALLOCATE: case KW_SAVE:
    case KW_CHECKPOINT: case KW_KILL: case KW_RECONFIGURE: case KW_DBCC:
        return 1;
    default:
        return 0;
    }
}

static int hard_end(int kind)
{
    return kind == TK_SEMI || kind == TK_DELIM || kind == TK_GO || kind == TK_EOF ||
           kind == TK_SLASH_TERM || kind == TK_SQLCMD || kind == TK_SQLPLUS ||
           kind == TK_DELIMITER_CMD;
}

int ps_at_stmt_end(Parser *p)
{
    const Token *t = ps_cur(p);
    if (hard_end(t->kind))
        return 1;
    if (p->d == DIALECT_TSQL && t->kind == TK_IDENT && tsql_stmt_keyword(t->kw))
        return 1;
    return 0;
}

SrcSpan ps_span_from_fill(Parser *p, int from)
{
    fill(p, from);
    return ps_span_from(p, from);
}

const char *ps_tok_text(Parser *p, const Token *t)
{
    return arena_strndup(p->arena, p->src->text + t->off, t->len);
}

const char *ps_tok_upper(Parser *p, const Token *t)
{
    char *s = arena_strndup(p->arena, p->src->text + t->off, t->len);
    for (char *c = s; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            *c -= 32;
    return s;
}

int ps_skip_parens(Parser *p)
{
    if (!ps_is(p, TK_LPAREN))
        return 0;
    int depth = 0;
    for (;;) {
        const Token *t = ps_cur(p);
        if (t->kind == TK_EOF || t->kind == TK_GO || t->kind == TK_SLASH_TERM ||
            t->kind == TK_DELIM)
            return 0;
        if (t->kind == TK_LPAREN)
            depth++;
        else if (t->kind == TK_RPAREN) {
            depth--;
            if (depth == 0) {
                ps_advance(p);
                return 1;
            }
        }
        ps_advance(p);
    }
}

void ps_skip_to_stmt_end(Parser *p)
{
    int depth = 0;
    int first = 1;
    for (;;) {
        const Token *t = ps_cur(p);
        if (t->kind == TK_EOF || t->kind == TK_GO || t->kind == TK_SLASH_TERM ||
            t->kind == TK_DELIM || t->kind == TK_DELIMITER_CMD)
            return;
        if (!first) {
            /* a ';' ends a statement even inside unbalanced parentheses */
            if (t->kind == TK_SEMI || t->kind == TK_SQLCMD || t->kind == TK_SQLPLUS)
                return;
            /* T-SQL has no terminator: a statement keyword at the start of a
             * line is taken as the next statement (inside parentheses only the
             * DDL words, since subqueries often start a line with SELECT). */
            if (p->d == DIALECT_TSQL && t->kind == TK_IDENT && (t->flags & TF_LINE_START) &&
                tsql_stmt_keyword(t->kw) &&
                (depth <= 0 || t->kw == KW_CREATE || t->kw == KW_ALTER || t->kw == KW_DROP))
                return;
        }
        if (t->kind == TK_LPAREN)
            depth++;
        else if (t->kind == TK_RPAREN)
            depth--;
        first = 0;
        ps_advance(p);
    }
}

int ps_depth_error(Parser *p)
{
    if (!p->failed) {
        p->failed = 1;
        p->err_pos = p->pos;
        snprintf(p->err_msg, sizeof p->err_msg, "nesting deeper than %d levels",
                 PARSE_MAX_DEPTH);
    }
    return 0;
}

/* ---- identifiers ---- */

int ps_is_name(Parser *p)
{
    const Token *t = ps_cur(p);
    if (t->kind == TK_QIDENT)
        return 1;
    return t->kind == TK_IDENT && !kw_reserved(t->kw);
}

/* Fills *id from a name token (written in place: every field set). */
static void make_ident(Parser *p, const Token *t, Ident *id)
{
    const char *s = p->src->text + t->off;
    id->span = ps_tok_span(p, t);
    if (t->kind == TK_QIDENT && t->len >= 1) {
        char open = s[0];
        char close = open == '[' ? ']' : open;
        id->quote = open;
        uint32_t n = t->len >= 2 && s[t->len - 1] == close ? t->len - 2 : t->len - 1;
        if (t->flags & TF_PLAIN) { /* the lexer saw no doubled quote */
            id->text = arena_strndup(p->arena, s + 1, n);
            id->len = n;
        } else {
            size_t len;
            id->text = arena_undouble(p->arena, s + 1, n, close, &len);
            id->len = (uint32_t)len;
        }
    } else {
        id->quote = 0;
        id->text = arena_strndup(p->arena, s, t->len);
        id->len = t->len;
    }
}

int ps_ident(Parser *p, Ident *out)
{
    const Token *t = ps_cur(p);
    if (t->kind == TK_IDENT || t->kind == TK_QIDENT) {
        make_ident(p, t, out);
        ps_advance(p);
        return 1;
    }
    /* Oracle/sqlcmd names may contain substitution variables: keep them */
    if (t->kind == TK_SUBST) {
        make_ident(p, t, out);
        ps_advance(p);
        return 1;
    }
    expected(p, "a name");
    memset(out, 0, sizeof *out);
    return 0;
}

int ps_qname(Parser *p, QName *out)
{
    memset(out, 0, sizeof *out);
    /* T-SQL allows empty parts: db..table */
    if (!ps_ident(p, &out->parts[0]))
        return 0;
    out->n = 1;
    while (ps_is(p, TK_DOT)) {
        const Token *nx = ps_peek(p, 1);
        if (nx->kind == TK_STAR)
            break; /* t.* : caller handles */
        ps_advance(p);
        if (ps_is(p, TK_DOT)) { /* db..t */
            if (out->n < QNAME_MAX) {
                memset(&out->parts[out->n], 0, sizeof(Ident));
                out->parts[out->n].text = "";
                out->n++;
            }
            continue;
        }
        if (out->n >= QNAME_MAX) {
            ps_error(p, "name with more than %d parts", QNAME_MAX);
            return 0;
        }
        if (!ps_ident(p, &out->parts[out->n]))
            return 0;
        out->n++;
    }
    return 1;
}

int ps_qname_last(Parser *p, Ident *out)
{
    /* a name token not followed by '.': ps_qname would read it alone (the
     * token after it is looked at only when the name itself is there) */
    const Token *t = ps_cur(p);
    if ((t->kind == TK_IDENT || t->kind == TK_QIDENT) && ps_peek(p, 1)->kind != TK_DOT)
        return ps_ident(p, out);
    QName q;
    if (!ps_qname(p, &q))
        return 0;
    *out = q.parts[q.n - 1];
    return 1;
}

int ps_alias(Parser *p, Ident *out, int *has_as)
{
    int as = ps_accept_kw(p, KW_AS);
    if (has_as)
        *has_as = as;
    const Token *t = ps_cur(p);
    if (t->kind == TK_QIDENT || (t->kind == TK_IDENT && (as || !kw_reserved(t->kw)))) {
        /* words that continue the statement are not aliases */
        if (!as && t->kind == TK_IDENT &&
            (t->kw == KW_WITH || t->kw == KW_PIVOT || t->kw == KW_UNPIVOT ||
             t->kw == KW_OUTER || t->kw == KW_CROSS || t->kw == KW_NATURAL ||
             t->kw == KW_STRAIGHT_JOIN || t->kw == KW_USE || t->kw == KW_IGNORE ||
             t->kw == KW_FORCE || t->kw == KW_PARTITION || t->kw == KW_CONNECT ||
             t->kw == KW_START || t->kw == KW_MODEL || t->kw == KW_WINDOW ||
             t->kw == KW_RETURNING || t->kw == KW_LOCK || t->kw == KW_TABLESAMPLE ||
             t->kw == KW_OPTION || t->kw == KW_OFFSET || t->kw == KW_FETCH ||
             t->kw == KW_LIMIT || t->kw == KW_INTO || t->kw == KW_VALUES))
            return 0;
        if (p->d == DIALECT_TSQL && t->kind == TK_IDENT && tsql_stmt_keyword(t->kw))
            return 0;
        make_ident(p, t, out);
        ps_advance(p);
        return 1;
    }
    if (t->kind == TK_STRING && (p->d == DIALECT_TSQL || p->d == DIALECT_MYSQL)) {
        Literal *l = ps_string_literal(p);
        memset(out, 0, sizeof *out);
        out->text = l->value;
        out->len = l->len;
        out->quote = '"';
        out->span = l->h.span;
        return 1;
    }
    if (as)
        expected(p, "an alias");
    return 0;
}

int ps_ident_list(Parser *p, IdentList *out)
{
    if (!ps_expect(p, TK_LPAREN))
        return 0;
    do {
        Ident id;
        if (!ps_ident(p, &id))
            return 0;
        /* MySQL prefix length / ASC in key lists are handled by callers that need them */
        il_push(p->arena, out, id);
    } while (ps_accept(p, TK_COMMA));
    return ps_expect(p, TK_RPAREN);
}

/* ---- top level ---- */

static void compact(Parser *p)
{
    if (p->pos == 0)
        return;
    memmove(p->toks, p->toks + p->pos, sizeof(Token) * (size_t)(p->ntoks - p->pos));
    p->ntoks -= p->pos;
    p->pos = 0;
}

static int has_text(const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 1;
    return 0;
}

static Node *script_cmd(Parser *p, int cmd)
{
    int from = p->pos;
    ps_advance(p);
    ScriptCmd *c = NODE_NEW(p->arena, ScriptCmd, SCRIPT_CMD, ps_span_from(p, from));
    c->cmd = cmd;
    return &c->h;
}

int ps_next(Parser *p, Stmt *out)
{
    memset(out, 0, sizeof *out);
    compact(p);
    p->failed = 0;
    p->depth = 0;
    p->err_msg[0] = 0;
    /* stray terminators between statements belong to no statement */
    while (ps_is(p, TK_SEMI) || ps_is(p, TK_DELIM)) {
        ps_advance(p);
        p->prev_stmt_end = p->toks[p->pos - 1].off + p->toks[p->pos - 1].len;
        compact(p);
    }
    const Token *t = ps_cur(p);
    out->lead.file = (uint32_t)p->src->id;
    out->lead.off = p->prev_stmt_end;
    out->lead.len = t->off > p->prev_stmt_end ? t->off - p->prev_stmt_end : 0;
    if (t->kind == TK_EOF) {
        if (out->lead.len && has_text(p->src->text + out->lead.off, out->lead.len)) {
            p->prev_stmt_end = t->off;
            return 1;
        }
        return 0;
    }
    int from = p->pos;
    Node *n = NULL;
    p->defining_kind = NULL;
    switch (t->kind) {
    case TK_GO: n = script_cmd(p, SC_GO); break;
    case TK_SQLCMD: n = script_cmd(p, SC_SQLCMD); break;
    case TK_SQLPLUS: n = script_cmd(p, SC_SQLPLUS); break;
    case TK_SLASH_TERM: n = script_cmd(p, SC_SQLPLUS); break;
    case TK_DELIMITER_CMD: n = script_cmd(p, SC_DELIMITER); break;
    default:
        n = ps_statement(p);
        if (n && !p->failed && !ps_at_stmt_end(p)) {
            char buf[64];
            ps_error(p, "unexpected %s after the end of the statement",
                     tok_desc(p, ps_cur(p), buf, sizeof buf));
        }
        if (!n || p->failed) {
            int err_pos = p->failed ? p->err_pos : p->pos;
            if (err_pos < from)
                err_pos = from;
            fill(p, err_pos);
            Token et = p->toks[err_pos];
            p->pos = from;
            ps_skip_to_stmt_end(p);
            if (p->pos == from)
                ps_advance(p);
            SrcSpan all = ps_span_from(p, from);
            RawNode *r = NODE_NEW(p->arena, RawNode, RAW, all);
            if (p->defining_kind && p->toks[from].kind == TK_IDENT && p->toks[from].kw == KW_CREATE) {
                r->obj_kind = p->defining_kind;
                r->obj_name = p->defining_name;
            }
            int too_deep = strstr(p->err_msg, "nesting deeper") != NULL;
            r->code = too_deep ? "SS0012" : "SS0011";
            r->reason = arena_strdup(p->arena, p->err_msg[0] ? p->err_msg : "statement not understood");
            SrcSpan es = {(uint32_t)p->src->id, et.off,
                          all.off + all.len > et.off ? all.off + all.len - et.off : et.len};
            if (et.off < all.off || et.off >= all.off + all.len)
                es = all;
            diag_add(p->diags, r->code, es, -1, "%s; statement kept verbatim", r->reason);
            n = &r->h;
        }
        break;
    }
    out->node = n;
    out->span = ps_span_from(p, from);
    if (n && n->kind != N_RAW && n->span.len == 0)
        n->span = out->span;
    p->prev_stmt_end = out->span.off + out->span.len;
    /* the terminator belongs to the statement */
    if (ps_is(p, TK_SEMI) || ps_is(p, TK_DELIM)) {
        ps_advance(p);
        p->prev_stmt_end = p->toks[p->pos - 1].off + p->toks[p->pos - 1].len;
    }
    return 1;
}

const char *ps_arena_strdup(Parser *p, const char *s)
{
    return arena_strndup(p->arena, s, strlen(s));
}
