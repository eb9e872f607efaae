/* db: T-SQL quoting, the sp_executesql parameter binder and column type
 * spelling (see mssql_text.h). */
#include "db/mssql_text.h"
#include <string.h>
#include <strings.h>

void ms_ident(StrBuf *b, const char *name)
{
    sb_putc(b, '[');
    for (const char *p = name ? name : ""; *p; p++) {
        if (*p == ']')
            sb_putc(b, ']');
        sb_putc(b, *p);
    }
    sb_putc(b, ']');
}

void ms_ident2(StrBuf *b, const char *schema, const char *name)
{
    if (schema && *schema) {
        ms_ident(b, schema);
        sb_putc(b, '.');
    }
    ms_ident(b, name);
}

/* 'text' with quotes doubled, without the N prefix. */
static void quote_body(StrBuf *b, const char *s)
{
    sb_putc(b, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '\'')
            sb_putc(b, '\'');
        sb_putc(b, *p);
    }
    sb_putc(b, '\'');
}

void ms_nstring(StrBuf *b, const char *s)
{
    if (!s) {
        sb_puts(b, "NULL");
        return;
    }
    sb_putc(b, 'N');
    quote_body(b, s);
}

void ms_bind_sql(StrBuf *b, const char *sql, const char *const *params, int nparams)
{
    sb_puts(b, "EXEC sp_executesql ");
    ms_nstring(b, sql);
    if (nparams <= 0)
        return;
    /* The declaration list holds only names we generate: no quoting needed
     * inside it beyond the N'' around it. */
    sb_puts(b, ", N'");
    for (int i = 0; i < nparams; i++)
        sb_printf(b, "%s@p%d nvarchar(max)", i ? ", " : "", i + 1);
    sb_putc(b, '\'');
    for (int i = 0; i < nparams; i++) {
        sb_printf(b, ", @p%d = ", i + 1);
        ms_nstring(b, params[i]);
    }
}

static int is(const char *a, const char *b)
{
    return a && !strcasecmp(a, b);
}

void ms_type_text(StrBuf *b, const char *type_schema, const char *type_name, int is_user,
                  long max_length, int precision, int scale)
{
    if (is_user) {
        ms_ident2(b, type_schema, type_name);
        return;
    }
    for (const char *p = type_name ? type_name : "sql_variant"; *p; p++)
        sb_putc(b, (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p);
    if (is(type_name, "nvarchar") || is(type_name, "nchar")) {
        if (max_length < 0)
            sb_puts(b, "(max)");
        else
            sb_printf(b, "(%ld)", max_length / 2);
    } else if (is(type_name, "varchar") || is(type_name, "char") || is(type_name, "varbinary") ||
               is(type_name, "binary")) {
        if (max_length < 0)
            sb_puts(b, "(max)");
        else
            sb_printf(b, "(%ld)", max_length);
    } else if (is(type_name, "decimal") || is(type_name, "numeric")) {
        sb_printf(b, "(%d, %d)", precision, scale);
    } else if (is(type_name, "datetime2") || is(type_name, "datetimeoffset") || is(type_name, "time")) {
        sb_printf(b, "(%d)", scale);
    }
}
