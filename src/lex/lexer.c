/* lex: dialect dispatch, token flags and keyword lookup (see lexer.h). */
#include "lex/lexer.h"
#include <string.h>

static const char *const kind_names[] = {
#define X(name, desc) desc,
    TOKEN_KINDS(X)
#undef X
};

const char *tok_kind_name(int kind)
{
    return kind >= 0 && kind < TK__COUNT ? kind_names[kind] : "?";
}

static const char *const kw_names[] = {
    "",
#define KW(w, r) #w,
#include "lex/keywords.def"
#undef KW
};

static const unsigned char kw_res[] = {
    0,
#define KW(w, r) r,
#include "lex/keywords.def"
#undef KW
};

const char *kw_name(int kw) { return kw > 0 && kw < KW__COUNT ? kw_names[kw] : ""; }
int kw_reserved(int kw) { return kw > 0 && kw < KW__COUNT ? kw_res[kw] : 0; }

/* ASCII upper case of every byte (other bytes unchanged). */
static const unsigned char kw_upper[256] = {
#define R16(b) b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, \
               b + 11, b + 12, b + 13, b + 14, b + 15
    R16(0x00), R16(0x10), R16(0x20), R16(0x30), R16(0x40), R16(0x50),
    0x60, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
    R16(0x80), R16(0x90), R16(0xA0), R16(0xB0), R16(0xC0), R16(0xD0), R16(0xE0), R16(0xF0)
#undef R16
};

int kw_tail_equal(int k, const char *s, uint32_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    const char *n = kw_names[k];
    uint32_t i = 8;
    while (i < len && kw_upper[u[i]] == (unsigned char)n[i])
        i++;
    return i >= len;
}

int kw_lookup_in(const char *s, uint32_t len, size_t avail)
{
    return kw_find(&kw_table, s, len, avail);
}

int kw_lookup(const char *s, uint32_t len)
{
    return kw_lookup_in(s, len, len);
}

void lex_init(LexCtx *cx, Dialect d, const SourceFile *src, DiagList *diags)
{
    memset(cx, 0, sizeof *cx);
    cx->dialect = d;
    cx->src = src;
    cx->diags = diags;
    cx->stmt_start = 1;
    cx->delim[0] = ';';
    cx->delim_len = 1;
    cx->nl_end = cx->sp_end = UINT32_MAX;
    switch (d) {
    case DIALECT_TSQL: cx->scan = lex_scan_tsql; cx->skim = lex_skim_tsql; break;
    case DIALECT_ORACLE: cx->scan = lex_scan_oracle; cx->skim = lex_skim_oracle; break;
    case DIALECT_MYSQL: cx->scan = lex_scan_mysql; cx->skim = lex_skim_mysql; break;
    default: cx->scan = lex_scan_postgres; cx->skim = lex_skim_postgres; break;
    }
    cx->kw = &kw_table;
}
