/* parse: the recursive-descent parser shared by all dialects. The core asks
 * the dialect (Parser.d) where syntax differs; dialect-only syntax lives in
 * the parse_<concern>.c files behind small checks. The parser never reads
 * rules or knows the target. It pulls tokens from the lexer one statement at
 * a time, so memory stays bounded by the largest statement. */
#ifndef SQLSHIFT_PARSER_H
#define SQLSHIFT_PARSER_H
#include "ast/ast.h"
#include "lex/lexer.h"
#include <string.h>

#define PARSE_MAX_DEPTH 400   /* deeper nesting becomes SS0012, not a stack overflow */

/* The last INSERT column list of bare names (parse_colmemo.c): its bytes
 * from '(' to ')', its names (NUL-separated, in order) and Idents (spans
 * from the '('), the ')' token's flags, and the lexer state it was read in.
 * malloc'd: it outlives the statement arena. */
typedef struct ColMemo {
    char *text;
    uint32_t len, text_cap;
    char *names;
    uint32_t names_len, names_cap;
    Ident *cols;
    int n;
    uint32_t cols_cap;
    uint16_t close_flags;
    int in_version_comment, plsql_mode, delim_len;
    char delim[16];
    unsigned hits;         /* lists taken from here (tests look) */
} ColMemo;

typedef struct Parser {
    Dialect d;
    const SourceFile *src;
    LexCtx lx;
    Arena *arena;          /* statement arena: nodes of the current statement */
    DiagList *diags;
    Token *toks;           /* token window (malloc): toks[0..ntoks) */
    int ntoks, captoks;
    int pos;               /* current token index in toks */
    int stmt_first;        /* index of the first token of the current statement */
    uint32_t prev_stmt_end;/* byte offset where the previous statement ended */
    int depth;             /* recursion depth (expressions, subqueries) */
    int failed;            /* a syntax error was recorded in this statement */
    int err_pos;           /* token index of the first error */
    int row_width;         /* items in the last VALUES row: the next row's list
                            * starts at that size (data scripts repeat a shape) */
    char err_msg[200];     /* its message */
    /* The object a CREATE statement was defining when it failed, so that a
     * statement kept verbatim still reports as "view v", not "unparsed". */
    const char *defining_kind;
    QName defining_name;
    ColMemo colmemo;       /* INSERT column lists repeated (data scripts) */
} Parser;

/* One top-level statement of the script. */
typedef struct Stmt {
    Node *node;            /* NULL for the trailing comments at end of input */
    SrcSpan span;          /* the statement text (without its terminator) */
    SrcSpan lead;          /* text between the previous statement and this one (comments) */
} Stmt;

void ps_init(Parser *p, Dialect d, const SourceFile *src, Arena *arena, DiagList *diags);
void ps_free(Parser *p);
/* Parses the next top-level statement. Returns 0 at end of input (after
 * delivering a last Stmt with node NULL if trailing comments exist). The
 * arena may be reset by the caller between calls. */
int ps_next(Parser *p, Stmt *out);

/* ---- token access (parser.c) ---- */
/* The parser asks these for nearly every token, several times: inline,
 * with the lexer called (ps_peek_fill) only for tokens not yet read. */
const Token *ps_peek_fill(Parser *p, int k);
/* The token predicates below run several times per token: always inline
 * (gcc otherwise keeps out-of-line copies in the larger files, whose calls
 * cost more than the test). */
#define PS_INLINE static inline __attribute__((always_inline))
PS_INLINE const Token *ps_peek(Parser *p, int k) /* k tokens ahead (0 = current) */
{
    int i = p->pos + k;
    return i < p->ntoks ? &p->toks[i] : ps_peek_fill(p, k);
}
#define ps_cur(p) ps_peek((p), 0)
PS_INLINE void ps_advance(Parser *p)           /* next token (stays at EOF) */
{
    if (ps_cur(p)->kind != TK_EOF)
        p->pos++;
}
PS_INLINE int ps_is(Parser *p, int kind)       /* current token kind */
{
    return ps_cur(p)->kind == kind;
}
PS_INLINE int ps_is_kw(Parser *p, int kw)      /* current token is keyword kw */
{
    const Token *t = ps_cur(p);
    return t->kind == TK_IDENT && t->kw == kw;
}
PS_INLINE int ps_peek_kw(Parser *p, int k, int kw) /* token k ahead is keyword kw */
{
    const Token *t = ps_peek(p, k);
    return t->kind == TK_IDENT && t->kw == kw;
}
PS_INLINE int ps_accept(Parser *p, int kind)   /* consume if kind */
{
    if (ps_is(p, kind)) {
        ps_advance(p);
        return 1;
    }
    return 0;
}
PS_INLINE int ps_accept_kw(Parser *p, int kw)  /* consume if keyword */
{
    if (ps_is_kw(p, kw)) {
        ps_advance(p);
        return 1;
    }
    return 0;
}
int ps_accept_kws(Parser *p, int kw1, int kw2);    /* consume two keywords in sequence */
int ps_expect(Parser *p, int kind);                /* consume or record an error */
int ps_expect_kw(Parser *p, int kw);
/* Is token t the word w of n bytes (ASCII case-insensitive), keyword or not. */
int ps_tok_is_word(const Parser *p, const Token *t, const char *w, size_t n);
/* Is the current token the word w (case-insensitive), keyword or not. Inline
 * so that strlen of the literal w is a constant. */
static inline int ps_is_word_at(Parser *p, int k, const char *w) /* token k ahead is the word w */
{
    /* kind and length first, inline: most tokens fail there without a call */
    const Token *t = ps_peek(p, k);
    size_t n = strlen(w);
    return t->kind == TK_IDENT && t->len == n && ps_tok_is_word(p, t, w, n);
}
#define ps_is_word(p, w) ps_is_word_at((p), 0, (w))
static inline int ps_accept_word(Parser *p, const char *w)
{
    if (ps_is_word(p, w)) {
        ps_advance(p);
        return 1;
    }
    return 0;
}
int ps_at_stmt_end(Parser *p);                     /* ; / GO / DELIM / EOF ... */
/* Records a syntax error at the current token (first one wins); returns NULL. */
void *ps_error(Parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Span from token index `from` to the end of the previous token. Inline
 * when token `from` is read already (nearly always: it was the current one). */
SrcSpan ps_span_from_fill(Parser *p, int from);
static inline SrcSpan ps_span_from(Parser *p, int from)
{
    if (from >= p->ntoks)
        return ps_span_from_fill(p, from);
    SrcSpan s = {(uint32_t)p->src->id, p->toks[from].off, 0};
    if (p->pos > from) {
        const Token *last = &p->toks[p->pos - 1];
        s.len = last->off + last->len - s.off;
    }
    return s;
}
static inline SrcSpan ps_tok_span(Parser *p, const Token *t)
{
    SrcSpan s = {(uint32_t)p->src->id, t->off, t->len};
    return s;
}
/* Text of a token (arena copy) / upper-case copy. */
const char *ps_tok_text(Parser *p, const Token *t);
const char *ps_tok_upper(Parser *p, const Token *t);
/* Skips a balanced parenthesised group starting at '('; returns 0 if unbalanced. */
int ps_skip_parens(Parser *p);
/* Skips tokens up to the end of the statement (not consuming the terminator). */
void ps_skip_to_stmt_end(Parser *p);
int ps_depth_error(Parser *p);                     /* records SS0012's message; 0 */
static inline int ps_depth_enter(Parser *p)        /* 0 if too deep (error recorded) */
{
    return ++p->depth <= PARSE_MAX_DEPTH || ps_depth_error(p);
}
static inline void ps_depth_leave(Parser *p) { p->depth--; }

/* ---- identifiers (parser.c) ---- */
/* Can the current token serve as a name here? (identifier, quoted identifier,
 * or a non-reserved keyword) */
int ps_is_name(Parser *p);
int ps_ident(Parser *p, Ident *out);               /* 0 + error if no name */
int ps_qname(Parser *p, QName *out);               /* a.b.c, 0 + error if none */
/* The last part of a qualified name (t.c -> c), as ps_qname reads it; a
 * one-part name without filling a QName. */
int ps_qname_last(Parser *p, Ident *out);
/* Optional alias: [AS] name (T-SQL also 'string'). Returns 1 if one was read. */
int ps_alias(Parser *p, Ident *out, int *has_as);
int ps_ident_list(Parser *p, IdentList *out);      /* (a, b, c) including the parens */

/* ---- repeated INSERT column lists (parse_colmemo.c) ---- */
/* At the '(' of a column list: if its bytes are those of the list kept,
 * fills *out with its names (statement arena), moves past them to the ')'
 * and returns 1; else 0 with nothing read. */
int ps_colmemo_use(Parser *p, IdentList *out);
/* After a column list read token by token from index lp ('(') to the ')'
 * just consumed: keeps it if it holds bare names only. */
void ps_colmemo_keep(Parser *p, int lp, const IdentList *cols);
void ps_colmemo_free(Parser *p);

/* ---- expressions (parse_expr.c) ---- */
Node *ps_expr(Parser *p);
Node *ps_expr_prec(Parser *p, int min_prec);
TypeName *ps_type(Parser *p);
WindowSpec *ps_window_body(Parser *p);             /* after '(' of OVER ( ... ) */
Literal *ps_string_literal(Parser *p);             /* current token must be a string */

/* ---- queries and DML (parse_query.c) ---- */
Node *ps_query(Parser *p);                         /* WITH / SELECT / ( query ) / VALUES */
int ps_starts_query(Parser *p);
int ps_order_by(Parser *p, NodeList *out);         /* after ORDER BY */
Node *ps_insert(Parser *p);
Node *ps_update(Parser *p);
Node *ps_delete(Parser *p);
Node *ps_table_ref(Parser *p);                     /* one FROM item with its joins */

/* ---- DDL (parse_ddl.c) ---- */
/* Called at CREATE/ALTER/DROP/COMMENT; NULL + ps_error if not understood. */
Node *ps_create(Parser *p);
int ps_exec_args(Parser *p, NodeList *args, int in_block);
Node *ps_alter(Parser *p);
Node *ps_drop(Parser *p);
Node *ps_comment_on(Parser *p);
Node *ps_extended_property(Parser *p, OtherStmt *exec); /* sp_addextendedproperty -> COMMENT or NULL */
ColumnDef *ps_column_def(Parser *p);
Constraint *ps_table_constraint(Parser *p);

/* ---- stored code boundaries (parse_routine.c) ---- */
/* At CREATE [OR REPLACE] PROCEDURE/FUNCTION/TRIGGER/PACKAGE/TYPE BODY/EVENT
 * (after the prefix words, at the kind keyword): finds the end of the routine
 * (T-SQL: end of batch; Oracle: '/' line; MySQL: the client delimiter),
 * consumes it, returns a ROUTINE node. */
Node *ps_routine(Parser *p, int rkind, int or_replace, int from);
/* T-SQL: parses a procedure/function/trigger header and body (after the
 * name) into r->def; 0 with p->failed set if they do not parse
 * (parse_tsql_body.c). */
int ps_tsql_routine_def(Parser *p, RoutineStmt *r);
/* Arena copy of a C string. */
const char *ps_arena_strdup(Parser *p, const char *s);
/* Procedural code at script level (T-SQL IF/DECLARE/WHILE..., PL/SQL anonymous
 * block): consumed to its end, returned as RK_BLOCK. */
Node *ps_block(Parser *p, int from);

/* ---- script level (parse_script.c) ---- */
Node *ps_statement(Parser *p);                     /* one statement, or NULL on error */

#endif
