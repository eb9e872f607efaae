/* parse: INSERT column lists repeated from one statement to the next. Data
 * scripts write the same "(a, b, c)" before every row; the parser keeps the
 * last plain list it read (its bytes and names) and, when the next INSERT's
 * list has the same bytes, moves the lexer past it and copies the names
 * into the statement instead of lexing and reading them again. Only lists
 * of bare names (no dots, nothing but blanks between the tokens) are kept:
 * their tokens then depend on nothing but their bytes and the lexer state
 * recorded with them. */
#include "parse/parser.h"
#include <stdlib.h>
#include <string.h>

void ps_colmemo_free(Parser *p)
{
    unsigned hits = p->colmemo.hits;
    free(p->colmemo.text);
    free(p->colmemo.names);
    free(p->colmemo.cols);
    memset(&p->colmemo, 0, sizeof p->colmemo);
    p->colmemo.hits = hits;
}

/* Lexer state that decides how the list's bytes are tokenised. */
static int same_lexer_state(const Parser *p)
{
    const ColMemo *m = &p->colmemo;
    return p->lx.in_version_comment == m->in_version_comment &&
           p->lx.plsql_mode == m->plsql_mode && p->lx.delim_len == m->delim_len &&
           memcmp(p->lx.delim, m->delim, sizeof m->delim) == 0;
}

static int only_blanks(const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

static int grow(void **buf, uint32_t *cap, uint32_t need, size_t size)
{
    if (need <= *cap)
        return 1;
    uint32_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    void *b = realloc(*buf, (size_t)c * size);
    if (!b)
        return 0;
    *buf = b;
    *cap = c;
    return 1;
}

void ps_colmemo_keep(Parser *p, int lp, const IdentList *cols)
{
    ColMemo *m = &p->colmemo;
    int rp = p->pos - 1; /* the ')' just read */
    const Token *t = p->toks;
    const char *text = p->src->text;
    if (rp <= lp || t[rp].kind != TK_RPAREN || cols->n != (rp - lp) / 2 || cols->n == 0)
        return;
    /* '(' name (',' name)* ')' with blanks only between them */
    for (int i = lp + 1; i <= rp; i++) {
        int want_name = (i - lp) % 2 == 1 && i < rp;
        int k = t[i].kind;
        if (want_name ? k != TK_IDENT && k != TK_QIDENT : k != (i == rp ? TK_RPAREN : TK_COMMA))
            return;
        /* T-SQL error recovery ends a statement at these words first on a
         * line even inside parentheses (ps_skip_to_stmt_end): keep them */
        if (p->d == DIALECT_TSQL && k == TK_IDENT && (t[i].flags & TF_LINE_START) &&
            (t[i].kw == KW_CREATE || t[i].kw == KW_ALTER || t[i].kw == KW_DROP))
            return;
        uint32_t gap = t[i - 1].off + t[i - 1].len;
        if (!only_blanks(text + gap, t[i].off - gap))
            return;
    }
    uint32_t start = t[lp].off, len = t[rp].off + 1 - start, names = 0;
    for (int i = 0; i < cols->n; i++)
        names += cols->items[i].len + 1;
    if (!grow((void **)&m->text, &m->text_cap, len, 1) ||
        !grow((void **)&m->names, &m->names_cap, names, 1) ||
        !grow((void **)&m->cols, &m->cols_cap, (uint32_t)cols->n, sizeof(Ident))) {
        m->len = 0;
        return;
    }
    memcpy(m->text, text + start, len);
    m->len = len;
    m->names_len = names;
    m->n = cols->n;
    char *o = m->names;
    for (int i = 0; i < cols->n; i++) {
        Ident id = cols->items[i];
        memcpy(o, id.text, id.len);
        o[id.len] = 0;
        id.text = NULL; /* the names follow one another in m->names */
        id.span.off -= start;
        m->cols[i] = id;
        o += id.len + 1;
    }
    m->close_flags = t[rp].flags;
    m->in_version_comment = p->lx.in_version_comment;
    m->plsql_mode = p->lx.plsql_mode;
    m->delim_len = p->lx.delim_len;
    memcpy(m->delim, p->lx.delim, sizeof m->delim);
}

int ps_colmemo_use(Parser *p, IdentList *out)
{
    ColMemo *m = &p->colmemo;
    int lp = p->pos;
    if (!m->len || p->failed)
        return 0;
    uint32_t start = p->toks[lp].off;
    if (m->len > p->src->len - start || !same_lexer_state(p))
        return 0;
    /* the tokens read after '(' must lie inside the list: they are dropped
     * (read again they would give the same tokens, but no diagnostics
     * twice and no token past it) */
    const Token *last = &p->toks[p->ntoks - 1];
    if (p->ntoks <= lp + 1 || last->kind == TK_EOF || last->off + last->len > start + m->len)
        return 0;
    if (memcmp(p->src->text + start, m->text, m->len) != 0)
        return 0;
    char *names = arena_alloc_raw(p->arena, m->names_len);
    memcpy(names, m->names, m->names_len);
    Ident *cols = ARENA_NEW_ARRAY(p->arena, Ident, m->n);
    for (int i = 0; i < m->n; i++) {
        cols[i] = m->cols[i];
        cols[i].text = names;
        cols[i].span.file = (uint32_t)p->src->id;
        cols[i].span.off += start;
        names += cols[i].len + 1;
    }
    out->items = cols;
    out->n = out->cap = m->n;
    /* the ')' becomes the token after '(', and the lexer goes on after it */
    uint32_t end = start + m->len;
    Token *rp = &p->toks[lp + 1];
    memset(rp, 0, sizeof *rp);
    rp->kind = TK_RPAREN;
    rp->off = end - 1;
    rp->len = 1;
    rp->flags = m->close_flags;
    p->ntoks = lp + 2;
    p->pos = lp + 1;
    p->lx.cur = end;
    p->lx.prev_end = end;
    p->lx.stmt_start = 0;
    m->hits++;
    return 1;
}
