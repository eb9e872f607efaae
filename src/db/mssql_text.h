/* db: T-SQL text helpers shared by the FreeTDS driver and the SQL Server
 * catalogue reader: identifier and string quoting, the sp_executesql call
 * that binds parameters (db-lib has no bound parameters for ad-hoc SQL),
 * and the exact spelling of a column type from sys.columns / sys.types.
 * No FreeTDS here, so the unit tests reach all of it without a server. */
#ifndef SQLSHIFT_MSSQL_TEXT_H
#define SQLSHIFT_MSSQL_TEXT_H
#include "util/strbuf.h"

/* [name] with every ] doubled: safe for any identifier text. */
void ms_ident(StrBuf *b, const char *name);
/* [schema].[name]; schema may be NULL (then [name] alone). */
void ms_ident2(StrBuf *b, const char *schema, const char *name);
/* N'text' with every ' doubled; NULL gives NULL. */
void ms_nstring(StrBuf *b, const char *s);

/* The batch that runs `sql` with params bound as @p1..@pN (nvarchar(max)):
 *   EXEC sp_executesql N'<sql>', N'@p1 nvarchar(max), ...', @p1 = N'<v1>', ...
 * A NULL value is passed as NULL. With no parameters the batch still goes
 * through sp_executesql, so both paths run the same way. */
void ms_bind_sql(StrBuf *b, const char *sql, const char *const *params, int nparams);

/* The declared type of a column as T-SQL spells it, from the catalogue:
 * type_name from sys.types; max_length in bytes as sys.columns gives it
 * (-1 = max; n(var)char counts 2 bytes per character); precision and scale
 * as sys.columns gives them. A user-defined type (is_user != 0) is written
 * [schema].[name]; system types in lower case, unquoted. Strings may be NULL
 * where they do not apply. */
void ms_type_text(StrBuf *b, const char *type_schema, const char *type_name, int is_user,
                  long max_length, int precision, int scale);

#endif
