/* emit: layout helpers shared by the stored-code printers (emit_plpgsql.c,
 * emit_mysqlproc.c): indentation, SQL and expressions from the generic
 * printer placed at a body's indentation, dropped source text as comments. */
#include "emit/emit.h"

void emc_pad(StrBuf *b, int ind)
{
    for (int i = 0; i < ind; i++)
        sb_puts(b, "    ");
}

void emc_indented(StrBuf *b, const char *s, size_t n, int ind)
{
    emc_pad(b, ind);
    for (size_t i = 0; i < n; i++) {
        sb_putc(b, s[i]);
        if (s[i] == '\n' && i + 1 < n)
            emc_pad(b, ind);
    }
}

void emc_sql(ConvCtx *cx, StrBuf *b, const Node *n, int ind)
{
    StrBuf t;
    sb_init(&t);
    if (!em_sql_stmt(cx, &t, n)) {
        sb_reset(&t);
        sb_puts(&t, "-- (statement not printed)\n");
    }
    emc_indented(b, t.s, t.len, ind);
    sb_free(&t);
}

void emc_expr(ConvCtx *cx, StrBuf *b, const Node *e, int ind)
{
    StrBuf t;
    sb_init(&t);
    em_expr(cx, &t, e);
    for (size_t i = 0; i < t.len; i++) {
        sb_putc(b, t.s[i]);
        if (t.s[i] == '\n')
            emc_pad(b, ind + 1);
    }
    sb_free(&t);
}

void emc_dropped(ConvCtx *cx, StrBuf *b, const Node *n, int ind)
{
    const SourceFile *f = cx->src;
    uint32_t off = n->span.off, len = n->span.len;
    if (off > f->len)
        off = (uint32_t)f->len;
    if (off + len > f->len)
        len = (uint32_t)(f->len - off);
    StrBuf t;
    sb_init(&t);
    em_verbatim(&t, f->text + off, len);
    emc_indented(b, t.s, t.len, ind);
    sb_free(&t);
}
