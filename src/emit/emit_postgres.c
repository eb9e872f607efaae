/* emit: PostgreSQL specifics: operator precedence and spelling, literals
 * (hex to bytea, no backslash escapes in standard strings). */
#include "emit/emit_target.h"
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* PostgreSQL 15 precedence, loosest first: OR, AND, NOT, IS, comparison,
 * LIKE/IN/BETWEEN, "other operators" (|| & | # << >>), + -, * / %, ^. */
static int pg_prec(int op)
{
    switch (op) {
    case B_OR: case B_XOR: return 1;
    case B_AND: return 2;
    case B_EQ: case B_NE: case B_LT: case B_LE: case B_GT: case B_GE: case B_NSEQ:
    case B_NOTLT: case B_NOTGT: return 5;
    case B_CONCAT: case B_BITAND: case B_BITOR: case B_BITXOR: case B_SHL: case B_SHR:
    case B_JSON_GET: case B_JSON_GETTEXT: return 6;
    case B_ADD: case B_SUB: return 7;
    case B_MUL: case B_DIV: case B_MOD: case B_INTDIV: return 8;
    default: return 9;
    }
}

static const char *pg_text(int op)
{
    switch (op) {
    case B_OR: return "OR";
    case B_AND: return "AND";
    case B_XOR: return "IS DISTINCT FROM"; /* logical XOR of booleans */
    case B_EQ: return "=";
    case B_NE: return "<>";
    case B_LT: return "<";
    case B_LE: return "<=";
    case B_GT: return ">";
    case B_GE: return ">=";
    case B_NSEQ: return "IS NOT DISTINCT FROM";
    case B_NOTLT: return ">=";
    case B_NOTGT: return "<=";
    case B_ADD: return "+";
    case B_SUB: return "-";
    case B_MUL: return "*";
    case B_DIV: return "/";
    case B_MOD: return "%";
    case B_CONCAT: return "||";
    case B_BITAND: return "&";
    case B_BITOR: return "|";
    case B_BITXOR: return "#";
    case B_SHL: return "<<";
    case B_SHR: return ">>";
    case B_JSON_GET: return "->";
    case B_JSON_GETTEXT: return "->>";
    default: return NULL; /* B_INTDIV: div(a, b) */
    }
}

static void hex_bytea(StrBuf *b, const char *digits, size_t n)
{
    sb_putn(b, "'\\x", 3);
    /* binary columns of data scripts hold long literals: the digits are
     * copied in place, lower-cased, not appended one byte at a time */
    sb_grow(b, n);
    char *o = b->s + b->len;
    size_t i = 0;
    /* eight ASCII bytes at a time: in each byte the top bit of x + 0x3F
     * says byte >= 'A', that of x + 0x39 says byte >= 'G'; those between
     * get 0x20 added (lower case). No carry crosses a byte when all are
     * below 0x80. */
#ifdef __SSE2__
    /* sixteen at a time: bytes between 'A' and 'F' get 0x20 (signed
     * compares leave non-ASCII bytes, negative, as they are) */
    const __m128i below_a = _mm_set1_epi8('A' - 1), f = _mm_set1_epi8('F'),
                  case_bit = _mm_set1_epi8(0x20);
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(digits + i));
        __m128i up = _mm_andnot_si128(_mm_cmpgt_epi8(x, f), _mm_cmpgt_epi8(x, below_a));
        _mm_storeu_si128((__m128i *)(void *)(o + i), _mm_or_si128(x, _mm_and_si128(up, case_bit)));
    }
#endif
    const uint64_t ones = 0x0101010101010101ull, top = 0x8080808080808080ull;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, digits + i, 8);
        if (x & top)
            break; /* not ASCII: the byte loop below does the rest */
        x += ((x + 0x3F * ones) & ~(x + 0x39 * ones) & top) >> 2;
        memcpy(o + i, &x, 8);
    }
    for (; i < n; i++) {
        char c = digits[i];
        o[i] = c >= 'A' && c <= 'F' ? (char)(c + 32) : c;
    }
    b->len += n;
    b->s[b->len] = 0;
    sb_putn(b, "'::bytea", 8); /* an odd digit count is rejected by PostgreSQL: rare, and visible */
}

static void pg_literal(ConvCtx *cx, StrBuf *b, const Literal *l)
{
    (void)cx;
    switch (l->lk) {
    case LIT_HEX: /* 0xABCD */
        hex_bytea(b, l->value + 2, l->len >= 2 ? l->len - 2 : 0);
        return;
    case LIT_XSTRING: { /* X'AB' */
        const char *q = memchr(l->value, '\'', l->len);
        size_t n = q ? l->len - (size_t)(q - l->value) - 2 : 0;
        hex_bytea(b, q ? q + 1 : "", n);
        return;
    }
    case LIT_BSTRING: { /* b'0101' / 0b0101 -> B'0101' */
        const char *v = l->value;
        size_t n = l->len;
        if (n >= 2 && v[0] == '0') {
            sb_puts(b, "B'");
            sb_putn(b, v + 2, n - 2);
            sb_putc(b, '\'');
        } else {
            sb_putc(b, 'B');
            const char *q = memchr(v, '\'', n);
            sb_putn(b, q ? q : v, q ? n - (size_t)(q - v) : n);
        }
        return;
    }
    default:
        em_string_literal(b, l->value, l->len, 0);
        return;
    }
}

static void pg_cast_type(ConvCtx *cx, StrBuf *b, const TypeName *t)
{
    em_type(cx, b, t);
}

const EmitTarget em_target_postgres = {pg_prec, pg_text, pg_literal, pg_cast_type};
