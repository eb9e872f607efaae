/* emit: MySQL 8 specifics: operator precedence and spelling, literals
 * (backslash escapes in strings), the restricted CAST target types. */
#include "emit/emit_target.h"
#include <string.h>
#include <strings.h>

/* MySQL 8 precedence, loosest first: OR/||, XOR, AND/&&, NOT, comparison,
 * |, &, << >>, + -, * / DIV %, ^, unary. Concatenation is printed as
 * CONCAT(), so it needs no level. */
static int my_prec(int op)
{
    switch (op) {
    case B_OR: return 1;
    case B_XOR: return 2;
    case B_AND: return 3;
    case B_EQ: case B_NE: case B_LT: case B_LE: case B_GT: case B_GE: case B_NSEQ:
    case B_NOTLT: case B_NOTGT: return 5;
    case B_BITOR: return 6;
    case B_BITAND: return 7;
    case B_SHL: case B_SHR: return 8;
    case B_ADD: case B_SUB: return 9;
    case B_MUL: case B_DIV: case B_MOD: case B_INTDIV: return 10;
    case B_BITXOR: return 11;
    default: return 12;
    }
}

static const char *my_text(int op)
{
    switch (op) {
    case B_OR: return "OR";
    case B_AND: return "AND";
    case B_XOR: return "XOR";
    case B_EQ: return "=";
    case B_NE: return "<>";
    case B_LT: return "<";
    case B_LE: return "<=";
    case B_GT: return ">";
    case B_GE: return ">=";
    case B_NSEQ: return "<=>";
    case B_NOTLT: return ">=";
    case B_NOTGT: return "<=";
    case B_ADD: return "+";
    case B_SUB: return "-";
    case B_MUL: return "*";
    case B_DIV: return "/";
    case B_MOD: return "%";
    case B_INTDIV: return "DIV";
    case B_BITAND: return "&";
    case B_BITOR: return "|";
    case B_BITXOR: return "^";
    case B_SHL: return "<<";
    case B_SHR: return ">>";
    case B_JSON_GET: return "->";
    case B_JSON_GETTEXT: return "->>";
    default: return NULL; /* B_CONCAT: CONCAT(a, b) */
    }
}

static void my_literal(ConvCtx *cx, StrBuf *b, const Literal *l)
{
    (void)cx;
    switch (l->lk) {
    case LIT_HEX:
        if (l->len <= 2)
            sb_puts(b, "''");
        else
            sb_putn(b, l->value, l->len);
        return;
    case LIT_XSTRING: case LIT_BSTRING:
        sb_putn(b, l->value, l->len);
        return;
    default:
        em_string_literal(b, l->value, l->len, 1);
        return;
    }
}

static int starts(const char *s, const char *w)
{
    return strncasecmp(s, w, strlen(w)) == 0;
}

static void my_cast_type(ConvCtx *cx, StrBuf *b, const TypeName *t)
{
    StrBuf tmp;
    sb_init(&tmp);
    em_type(cx, &tmp, t);
    const char *s = tmp.s;
    const char *paren = strchr(s, '(');
    if (starts(s, "varchar") || starts(s, "char") || starts(s, "nvarchar") || starts(s, "nchar")) {
        sb_puts(b, "CHAR");
        if (paren)
            sb_puts(b, paren);
    } else if (starts(s, "text") || starts(s, "longtext") || starts(s, "mediumtext") || starts(s, "tinytext")) {
        sb_puts(b, "CHAR");
    } else if (starts(s, "tinyint") || starts(s, "smallint") || starts(s, "mediumint") ||
               starts(s, "int") || starts(s, "bigint") || starts(s, "integer")) {
        sb_puts(b, strstr(s, "unsigned") ? "UNSIGNED" : "SIGNED");
    } else if (starts(s, "decimal") || starts(s, "numeric")) {
        sb_puts(b, "DECIMAL");
        if (paren)
            sb_puts(b, paren);
    } else if (starts(s, "datetime") || starts(s, "timestamp")) {
        sb_puts(b, "DATETIME");
        if (paren)
            sb_puts(b, paren);
    } else if (starts(s, "date")) {
        sb_puts(b, "DATE");
    } else if (starts(s, "time")) {
        sb_puts(b, "TIME");
    } else if (starts(s, "double") || starts(s, "real")) {
        sb_puts(b, "DOUBLE");
    } else if (starts(s, "float")) {
        sb_puts(b, "FLOAT");
    } else if (starts(s, "json")) {
        sb_puts(b, "JSON");
    } else if (starts(s, "binary") || starts(s, "varbinary") || strstr(s, "blob")) {
        sb_puts(b, "BINARY");
    } else {
        sb_puts(b, s);
    }
    sb_free(&tmp);
}

const EmitTarget em_target_mysql = {my_prec, my_text, my_literal, my_cast_type};
