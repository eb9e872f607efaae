/* tests: the SQL Server pieces that need no server: identifier and string
 * quoting, the sp_executesql binder with hostile values, column type
 * spelling, every catalogue query read by sqlshift's own T-SQL parser,
 * db-lib value conversion (dates, binary, numbers), the TLS and version
 * helpers, and the reader's handling of a bad row shape and of a failing
 * query. */
#include "unit.h"
#include "db/drv_tds.h"
#include "db/mssql_script.h"
#include "db/mssql_text.h"
#include "parse/parser.h"
#include <sybfront.h>
#include <sybdb.h>
#include <stdlib.h>
#include <string.h>

static char *text_of(StrBuf *b)
{
    static char keep[8192];
    snprintf(keep, sizeof keep, "%s", b->s);
    sb_reset(b);
    return keep;
}

START_TEST(identifiers_and_strings_are_quoted)
{
    StrBuf b;
    sb_init(&b);
    ms_ident(&b, "plain");
    ck_assert_str_eq(text_of(&b), "[plain]");
    ms_ident(&b, "a]b");
    ck_assert_str_eq(text_of(&b), "[a]]b]");
    ms_ident(&b, "]]; DROP TABLE [x]--");
    ck_assert_str_eq(text_of(&b), "[]]]]; DROP TABLE [x]]--]");
    ms_ident2(&b, "s'1", "t\"2");
    ck_assert_str_eq(text_of(&b), "[s'1].[t\"2]");
    ms_ident2(&b, NULL, "t");
    ck_assert_str_eq(text_of(&b), "[t]");
    ms_nstring(&b, "O'Brien");
    ck_assert_str_eq(text_of(&b), "N'O''Brien'");
    ms_nstring(&b, "''");
    ck_assert_str_eq(text_of(&b), "N''''''");
    ms_nstring(&b, NULL);
    ck_assert_str_eq(text_of(&b), "NULL");
    sb_free(&b);
}
END_TEST

/* Parses T-SQL text; returns the number of statements, kind of the first,
 * the number of findings, and the dump. */
typedef struct Parsed {
    int n, kind, ndiag;
    StrBuf dump;
} Parsed;

static void parse_tsql(Parsed *out, const char *sql)
{
    Arena run, sa;
    DiagList d;
    SourceFile f;
    memset(&f, 0, sizeof f);
    memset(out, 0, sizeof *out);
    arena_init(&run, 0);
    arena_init(&sa, 0);
    diag_init(&d, &run);
    f.name = strdup("q.sql");
    f.text = strdup(sql);
    f.len = strlen(sql);
    src_build_lines(&f);
    sb_init(&out->dump);
    Parser p;
    ps_init(&p, DIALECT_TSQL, &f, &sa, &d);
    Stmt st;
    while (ps_next(&p, &st) && st.node) {
        if (!out->n++)
            out->kind = st.node->kind;
        ast_dump(&out->dump, st.node, NULL, 0);
    }
    ps_free(&p);
    out->ndiag = d.v.n;
    src_free(&f);
    arena_free(&sa);
    arena_free(&run);
}

START_TEST(sp_executesql_binds_hostile_values)
{
    StrBuf b;
    sb_init(&b);
    const char *params[] = {"it's", "a]b; DROP TABLE t; --", "\xc3\xa9t\xc3\xa9 \xe2\x82\xac 'x'", NULL};
    ms_bind_sql(&b, "SELECT name FROM sys.objects WHERE name = @p1 OR name = @p2 OR name = @p3 OR @p4 IS NULL",
                params, 4);
    ck_assert_str_eq(b.s,
                     "EXEC sp_executesql N'SELECT name FROM sys.objects WHERE name = @p1 OR name = @p2 OR "
                     "name = @p3 OR @p4 IS NULL', N'@p1 nvarchar(max), @p2 nvarchar(max), @p3 nvarchar(max), "
                     "@p4 nvarchar(max)', @p1 = N'it''s', @p2 = N'a]b; DROP TABLE t; --', "
                     "@p3 = N'\xc3\xa9t\xc3\xa9 \xe2\x82\xac ''x''', @p4 = NULL");
    /* the T-SQL front end sees one EXEC with each value a single literal */
    Parsed r;
    parse_tsql(&r, b.s);
    ck_assert_int_eq(r.n, 1);
    ck_assert_int_eq(r.kind, N_OTHER_STMT);
    ck_assert_int_eq(r.ndiag, 0);
    ck_assert_msg(strstr(r.dump.s, "(LITERAL 1 'a]b; DROP TABLE t; --'") != NULL, "%s", r.dump.s);
    sb_free(&r.dump);

    /* a query text with quotes of its own is quoted too */
    sb_reset(&b);
    ms_bind_sql(&b, "SELECT 'x' WHERE @p1 = N'y'", (const char *const[]){"';--"}, 1);
    ck_assert_str_eq(b.s, "EXEC sp_executesql N'SELECT ''x'' WHERE @p1 = N''y''', N'@p1 nvarchar(max)', "
                          "@p1 = N''';--'");
    parse_tsql(&r, b.s);
    ck_assert_int_eq(r.n, 1);
    ck_assert_int_eq(r.ndiag, 0);
    sb_free(&r.dump);

    sb_reset(&b);
    ms_bind_sql(&b, "SELECT 1", NULL, 0);
    ck_assert_str_eq(b.s, "EXEC sp_executesql N'SELECT 1'");
    sb_free(&b);
}
END_TEST

START_TEST(column_types_are_spelled_exactly)
{
    static const struct {
        const char *schema, *name;
        int user;
        long maxlen;
        int prec, scale;
        const char *want;
    } cases[] = {
        {"sys", "nvarchar", 0, -1, 0, 0, "nvarchar(max)"},
        {"sys", "nvarchar", 0, 200, 0, 0, "nvarchar(100)"},
        {"sys", "nchar", 0, 2, 0, 0, "nchar(1)"},
        {"sys", "varchar", 0, 8000, 0, 0, "varchar(8000)"},
        {"sys", "varbinary", 0, -1, 0, 0, "varbinary(max)"},
        {"sys", "binary", 0, 16, 0, 0, "binary(16)"},
        {"sys", "decimal", 0, 9, 12, 2, "decimal(12, 2)"},
        {"sys", "numeric", 0, 17, 38, 0, "numeric(38, 0)"},
        {"sys", "datetime2", 0, 8, 27, 7, "datetime2(7)"},
        {"sys", "datetimeoffset", 0, 10, 34, 7, "datetimeoffset(7)"},
        {"sys", "time", 0, 5, 16, 3, "time(3)"},
        {"sys", "datetime", 0, 8, 23, 3, "datetime"},
        {"sys", "INT", 0, 4, 10, 0, "int"},
        {"sys", "uniqueidentifier", 0, 16, 0, 0, "uniqueidentifier"},
        {"sys", "xml", 0, -1, 0, 0, "xml"},
        {"dbo", "Phone", 1, 40, 0, 0, "[dbo].[Phone]"},
        {"odd]s", "t'y", 1, 4, 0, 0, "[odd]]s].[t'y]"},
    };
    StrBuf b;
    sb_init(&b);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ms_type_text(&b, cases[i].schema, cases[i].name, cases[i].user, cases[i].maxlen, cases[i].prec,
                     cases[i].scale);
        ck_assert_str_eq(text_of(&b), cases[i].want);
    }
    sb_free(&b);
}
END_TEST

START_TEST(catalogue_queries_are_valid_tsql)
{
    for (int i = 0; i < MSQ_N; i++) {
        Parsed r;
        parse_tsql(&r, ms_catalog[i].sql);
        ck_assert_msg(r.n == 1 && r.ndiag == 0, "query %s: %d statements, %d findings", ms_catalog[i].name, r.n,
                      r.ndiag);
        ck_assert_msg(r.kind == N_SELECT || r.kind == N_SETOP || r.kind == N_WITH, "query %s: kind %d",
                      ms_catalog[i].name, r.kind);
        sb_free(&r.dump);
        /* and through sp_executesql, as the driver sends it */
        StrBuf b;
        sb_init(&b);
        ms_bind_sql(&b, ms_catalog[i].sql, NULL, 0);
        parse_tsql(&r, b.s);
        ck_assert_msg(r.n == 1 && r.ndiag == 0 && r.kind == N_OTHER_STMT, "query %s via sp_executesql",
                      ms_catalog[i].name);
        sb_free(&r.dump);
        sb_free(&b);
    }
}
END_TEST

START_TEST(db_lib_values_become_text)
{
    StrBuf b;
    sb_init(&b);
    DBINT i4 = -42;
    ck_assert_int_eq(tds_value_text(&b, SYBINT4, (const unsigned char *)&i4, 4), 0);
    ck_assert_str_eq(text_of(&b), "-42");
    DBBIT bit = 1;
    ck_assert_int_eq(tds_value_text(&b, SYBBIT, &bit, 1), 0);
    ck_assert_str_eq(text_of(&b), "1");
    DBSMALLINT i2 = 32767;
    ck_assert_int_eq(tds_value_text(&b, SYBINT2, (const unsigned char *)&i2, 2), 0);
    ck_assert_str_eq(text_of(&b), "32767");
    DBBIGINT i8 = 9223372036854775807LL;
    ck_assert_int_eq(tds_value_text(&b, SYBINT8, (const unsigned char *)&i8, 8), 0);
    ck_assert_str_eq(text_of(&b), "9223372036854775807");
    const unsigned char bin[] = {0x00, 0xff, 0x10, 0xab};
    ck_assert_int_eq(tds_value_text(&b, SYBVARBINARY, bin, 4), 0);
    ck_assert_str_eq(text_of(&b), "0x00FF10AB");
    ck_assert_int_eq(tds_value_text(&b, SYBBINARY, bin, 0), 0);
    ck_assert_str_eq(text_of(&b), "0x");
    ck_assert_int_eq(tds_value_text(&b, SYBNVARCHAR, (const unsigned char *)"\xc3\xa9t\xc3\xa9!", 5), 0);
    ck_assert_str_eq(text_of(&b), "\xc3\xa9t\xc3\xa9");

    /* datetime: days since 1900-01-01 and 1/300 s since midnight */
    DBDATETIME dt = {45411, (13 * 3600 + 45 * 60 + 30) * 300 + 150};
    ck_assert_int_eq(tds_value_text(&b, SYBDATETIME, (const unsigned char *)&dt, sizeof dt), 0);
    ck_assert_str_eq(text_of(&b), "2024-05-01 13:45:30.500");
    /* date / time / datetime2 / datetimeoffset share DBDATETIMEALL */
    DBDATETIMEALL all;
    memset(&all, 0, sizeof all);
    all.date = 45411; /* 2024-05-01, days since 1900-01-01 */
    all.time = ((13ULL * 3600 + 45 * 60) * 10000000ULL) + 1234567;
    all.time_prec = 7;
    all.has_date = 1;
    all.has_time = 1;
    ck_assert_int_eq(tds_value_text(&b, SYBMSDATETIME2, (const unsigned char *)&all, sizeof all), 0);
    ck_assert_str_eq(text_of(&b), "2024-05-01 13:45:00.1234567");
    /* datetimeoffset travels as UTC plus the offset: shown as local time */
    all.offset = 120;
    all.has_offset = 1;
    ck_assert_int_eq(tds_value_text(&b, SYBMSDATETIMEOFFSET, (const unsigned char *)&all, sizeof all), 0);
    ck_assert_str_eq(text_of(&b), "2024-05-01 15:45:00.1234567 +02:00");
    all.offset = -330;
    ck_assert_int_eq(tds_value_text(&b, SYBMSDATETIMEOFFSET, (const unsigned char *)&all, sizeof all), 0);
    ck_assert_str_eq(text_of(&b), "2024-05-01 08:15:00.1234567 -05:30");
    all.has_offset = 0;
    all.has_time = 0;
    ck_assert_int_eq(tds_value_text(&b, SYBMSDATE, (const unsigned char *)&all, sizeof all), 0);
    ck_assert_str_eq(text_of(&b), "2024-05-01");
    all.has_time = 1;
    all.has_date = 0;
    all.time = 10000000ULL * 61;
    ck_assert_int_eq(tds_value_text(&b, SYBMSTIME, (const unsigned char *)&all, sizeof all), 0);
    ck_assert_str_eq(text_of(&b), "00:01:01");
    sb_free(&b);
}
END_TEST

START_TEST(tls_values_and_versions)
{
    ck_assert_str_eq(tds_encryption(NULL, NULL), "request");
    ck_assert_str_eq(tds_encryption(NULL, "/etc/ca.pem"), "require");
    ck_assert_str_eq(tds_encryption("disable", NULL), "off");
    ck_assert_str_eq(tds_encryption("REQUIRE", NULL), "require");
    ck_assert_str_eq(tds_encryption("verify-full", "/ca"), "require");
    ck_assert_str_eq(tds_encryption("prefer", NULL), "request");
    ck_assert_ptr_null(tds_encryption("maybe", NULL));
    ck_assert_int_eq(tds_major_version("11.0.7001.0"), 11);
    ck_assert_int_eq(tds_major_version("10.50.6000.34"), 10);
    ck_assert_int_eq(tds_major_version("16.0.4003.1"), 16);
    ck_assert_int_eq(tds_major_version("Adaptive Server"), 0);
    ck_assert_int_eq(tds_major_version(NULL), 0);
}
END_TEST

/* ---- the reader against drivers that misbehave ---- */

static int wrong_shape(DbConn *c, const char *sql, const char *const *p, int np, DbRowFn fn, void *ctx,
                       DbError *err)
{
    (void)c, (void)p, (void)np, (void)err;
    if (strcmp(sql, ms_catalog[MSQ_SCHEMAS].sql))
        return 0;
    const char *row[] = {"a", "b"};
    size_t lens[] = {1, 1};
    return fn(ctx, 2, row, lens);
}

static int failing_query(DbConn *c, const char *sql, const char *const *p, int np, DbRowFn fn, void *ctx,
                         DbError *err)
{
    (void)c, (void)p, (void)np, (void)fn, (void)ctx;
    if (strcmp(sql, ms_catalog[MSQ_TABLE_PARTS].sql))
        return 0;
    err->kind = DBE_LOST;
    snprintf(err->msg, sizeof err->msg, "lost the connection to h port 1");
    return -1;
}

static int never_put(void *ctx, const ExtractObject *o, DbError *err)
{
    (void)o, (void)err;
    ++*(int *)ctx;
    return 0;
}

static int all(void *ctx, const char *s, const char *n)
{
    (void)ctx, (void)s, (void)n;
    return 1;
}

START_TEST(reader_reports_bad_rows_and_failed_queries)
{
    int puts = 0;
    MsOut out = {never_put, all, NULL, &puts};
    DbError err;
    memset(&err, 0, sizeof err);
    DbDriver d = {DB_MSSQL, "test", NULL, NULL, wrong_shape, NULL, NULL};
    ck_assert_int_eq(ms_extract_run(&d, NULL, &out, &err), -1);
    ck_assert_int_eq(err.kind, DBE_INTERNAL);
    ck_assert_str_eq(err.msg, "catalogue query 'schemas' returned 2 columns, expected 1");
    ck_assert_int_eq(puts, 0);

    memset(&err, 0, sizeof err);
    d.query_each = failing_query;
    ck_assert_int_eq(ms_extract_run(&d, NULL, &out, &err), -1);
    ck_assert_int_eq(err.kind, DBE_LOST);
    ck_assert_str_eq(err.msg, "lost the connection to h port 1");
}
END_TEST

Suite *mssql_suite(void)
{
    Suite *s = suite_create("mssql");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, identifiers_and_strings_are_quoted);
    tcase_add_test(tc, sp_executesql_binds_hostile_values);
    tcase_add_test(tc, column_types_are_spelled_exactly);
    tcase_add_test(tc, catalogue_queries_are_valid_tsql);
    tcase_add_test(tc, db_lib_values_become_text);
    tcase_add_test(tc, tls_values_and_versions);
    tcase_add_test(tc, reader_reports_bad_rows_and_failed_queries);
    suite_add_tcase(s, tc);
    return s;
}
