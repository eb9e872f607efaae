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

/* Open-addressing table built on first use; keys are the upper-case names.
 * ASCII-only folding so the locale cannot change the result. */
#define KW_TABLE_SIZE 2048
static uint16_t kw_table[KW_TABLE_SIZE];
static int kw_table_ready;

static uint32_t kw_hash_upper(const char *s, uint32_t len)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z')
            c -= 32;
        h = (h ^ c) * 16777619u;
    }
    return h;
}

static void kw_build(void)
{
    for (int k = 1; k < KW__COUNT; k++) {
        uint32_t h = kw_hash_upper(kw_names[k], (uint32_t)strlen(kw_names[k])) & (KW_TABLE_SIZE - 1);
        while (kw_table[h])
            h = (h + 1) & (KW_TABLE_SIZE - 1);
        kw_table[h] = (uint16_t)k;
    }
    kw_table_ready = 1;
}

int kw_lookup(const char *s, uint32_t len)
{
    if (len == 0 || len > 40)
        return KW_0;
    if (!kw_table_ready)
        kw_build();
    uint32_t h = kw_hash_upper(s, len) & (KW_TABLE_SIZE - 1);
    while (kw_table[h]) {
        const char *n = kw_names[kw_table[h]];
        uint32_t i = 0;
        for (; i < len; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 'a' && c <= 'z')
                c -= 32;
            if (c != (unsigned char)n[i])
                break;
        }
        if (i == len && n[len] == 0)
            return kw_table[h];
        h = (h + 1) & (KW_TABLE_SIZE - 1);
    }
    return KW_0;
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
    if (!kw_table_ready)
        kw_build();
}

void lex_next(LexCtx *cx, Token *t)
{
    uint32_t before = cx->prev_end;
    memset(t, 0, sizeof *t);
    switch (cx->dialect) {
    case DIALECT_TSQL: lex_scan_tsql(cx, t); break;
    case DIALECT_ORACLE: lex_scan_oracle(cx, t); break;
    case DIALECT_MYSQL: lex_scan_mysql(cx, t); break;
    default: lex_scan_postgres(cx, t); break;
    }
    if (t->off > before) {
        t->flags |= TF_SPACE_BEFORE;
        const char *s = cx->src->text;
        for (uint32_t i = before; i < t->off; i++)
            if (s[i] == '\n') {
                t->flags |= TF_NL_BEFORE;
                break;
            }
    }
    if (t->off == 0 || cx->src->text[t->off - 1] == '\n') {
        t->flags |= TF_LINE_START;
    } else {
        /* first token on its line if only blanks precede it on the line */
        uint32_t i = t->off;
        while (i > 0 && (cx->src->text[i - 1] == ' ' || cx->src->text[i - 1] == '\t' ||
                         cx->src->text[i - 1] == '\r'))
            i--;
        if (i == 0 || cx->src->text[i - 1] == '\n')
            t->flags |= TF_LINE_START;
    }
    if (t->kind == TK_IDENT)
        t->kw = (uint16_t)kw_lookup(cx->src->text + t->off, t->len);
    cx->prev_end = t->off + t->len;
}
