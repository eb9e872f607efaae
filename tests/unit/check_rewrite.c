/* tests: the rewrite stage. Statements go through the real parser, catalogue,
 * rule files, rewrite and emitter; the printed SQL is compared as text, and
 * the action codes recorded are compared in the order they were recorded.
 * Also: the catalogue's lookups and type classes, the view dependency order,
 * and that every built-in function template parses. */
#include "unit.h"
#include "parse/parser.h"
#include "rewrite/rewrite.h"
#include "emit/emit.h"
#include "diag/diag.h"
#include "ast/ast_walk.h"
#include "pipeline/objnames.h"
#include "emit/emit_target.h"
#include <stdlib.h>
#include <string.h>

Suite *rewrite_suite(void);
int rw_prepare_templates(RuleSet *rs, Dialect target, char **err);

/* ==== a small pipeline ===================================================== */

static StrBuf out_sql;

static void sink(ConvCtx *cx, int phase, const char *kind, const char *schema, const char *name,
                 const char *sql, size_t len)
{
    (void)cx, (void)phase, (void)kind, (void)schema, (void)name;
    sb_putn(&out_sql, sql, len);
}

typedef struct Result {
    char *sql;      /* converted statements, in input order */
    char *codes;    /* "SS1016 SS3007": codes in the order recorded */
    char *messages; /* one message per line, for failure output */
} Result;

static Result convert(Dialect src, Dialect tgt, const char *input)
{
    Result r;
    SourceFile sf;
    memset(&sf, 0, sizeof sf);
    sf.name = strdup("test.sql");
    sf.text = strdup(input);
    sf.len = strlen(input);
    src_build_lines(&sf);
    RuleSet rs;
    char *err = NULL;
    if (rules_init(&rs, src, tgt, &err) != 0)
        ck_abort_msg("rules_init: %s", err ? err : "?");
    Arena da, sa;
    arena_init(&da, 16384);
    arena_init(&sa, 16384);
    DiagList diags;
    diag_init(&diags, &da);
    Catalog cat;
    cat_init(&cat);
    Parser p;
    ps_init(&p, src, &sf, &sa, &diags);
    ConvCtx cx;
    memset(&cx, 0, sizeof cx);
    cx.source = src;
    cx.target = tgt;
    cx.rules = &rs;
    cx.catalog = &cat;
    cx.src = &sf;
    cx.arena = &sa;
    cx.diags = &diags;
    cx.sink = sink;
    sb_init(&out_sql);
    Stmt st;
    int obj = 0;
    while (ps_next(&p, &st)) {
        if (!st.node)
            continue;
        if (st.node->kind == N_SCRIPT_CMD && ((ScriptCmd *)st.node)->cmd == SC_GO)
            continue;
        cx.object = obj;
        cat_add_statement(&cat, st.node, obj);
        Node *n = rw_statement(&cx, st.node);
        if (n)
            em_statement(&cx, n, "test", "", "test");
        obj++;
    }
    StrBuf codes, msgs;
    sb_init(&codes);
    sb_init(&msgs);
    for (int i = 0; i < diags.v.n; i++) {
        const Diag *d = &diags.v.items[i];
        sb_printf(&codes, "%s%s", i ? " " : "", d->code);
        sb_printf(&msgs, "  %s %s\n", d->code, d->message ? d->message : "");
    }
    r.sql = sb_take(&out_sql);
    sb_free(&out_sql);
    r.codes = sb_take(&codes);
    r.messages = sb_take(&msgs);
    sb_free(&codes);
    sb_free(&msgs);
    ps_free(&p);
    cat_free(&cat);
    arena_free(&sa);
    arena_free(&da);
    rules_free(&rs);
    src_free(&sf);
    return r;
}

static void result_free(Result *r)
{
    free(r->sql);
    free(r->codes);
    free(r->messages);
}

/* Converts and compares the SQL text and the codes recorded. */
static void check(Dialect src, Dialect tgt, const char *input, const char *want_sql,
                  const char *want_codes)
{
    Result r = convert(src, tgt, input);
    ck_assert_msg(want_sql && strcmp(r.sql, want_sql) == 0, "input:\n%s\ngot:\n%s\nwanted:\n%s", input, r.sql, want_sql);
    ck_assert_msg(want_codes && strcmp(r.codes, want_codes) == 0, "input:\n%s\ncodes: %s\nwanted: %s\nitems:\n%s", input,
                  r.codes, want_codes, r.messages);
    result_free(&r);
}

#define TSQL DIALECT_TSQL
#define ORA DIALECT_ORACLE
#define MY DIALECT_MYSQL
#define PG DIALECT_POSTGRES

/* ==== data types ============================================================= */

START_TEST(test_tsql_types)
{
    check(TSQL, PG,
          "CREATE TABLE t (a DATETIME, b NVARCHAR(MAX), c MONEY, d BIT NOT NULL DEFAULT 0, "
          "e UNIQUEIDENTIFIER DEFAULT NEWID(), f DATETIME2(7))",
          "CREATE TABLE t (\n"
          "    a timestamp(3),\n"
          "    b text,\n"
          "    c numeric(19,4),\n"
          "    d boolean DEFAULT FALSE NOT NULL,\n"
          "    e uuid DEFAULT GEN_RANDOM_UUID(),\n"
          "    f timestamp(6)\n"
          ");\n",
          "SS1016 SS1014");
}
END_TEST

START_TEST(test_oracle_types)
{
    /* DATE: one item per table, however many columns */
    check(ORA, PG,
          "CREATE TABLE t (a NUMBER(5), b NUMBER(10,2), c VARCHAR2(20 CHAR), d DATE, e DATE, f NUMBER);",
          "CREATE TABLE t (\n"
          "    a integer,\n"
          "    b numeric(10,2),\n"
          "    c varchar(20),\n"
          "    d timestamp(0),\n"
          "    e timestamp(0),\n"
          "    f numeric\n"
          ");\n",
          "SS1012");
}
END_TEST

START_TEST(test_mysql_types)
{
    check(MY, PG,
          "CREATE TABLE t (a TINYINT(1) NOT NULL DEFAULT 1, b INT UNSIGNED, c ENUM('x','yy') DEFAULT 'x');",
          "CREATE TABLE t (\n"
          "    a boolean DEFAULT TRUE NOT NULL,\n"
          "    b bigint,\n"
          "    c varchar(2) DEFAULT 'x',\n"
          "    CHECK (b >= 0),\n"
          "    CHECK (c IN ('x', 'yy'))\n"
          ");\n",
          "SS1020 SS1005 SS1006");
}
END_TEST

START_TEST(test_alias_type_domain)
{
    /* sp_addtype makes a domain; tid is also a PostgreSQL type: qualified */
    check(TSQL, PG,
          "EXEC sp_addtype tid, 'varchar(6)', 'NOT NULL'\nGO\n"
          "CREATE TABLE t (id tid, flag dbo.Flag)\n",
          "CREATE DOMAIN public.tid AS varchar(6) NOT NULL;\n"
          "CREATE TABLE t (\n"
          "    id public.tid,\n"
          "    flag dbo.flag\n"
          ");\n",
          "SS1019 SS1002");
}
END_TEST

/* ==== tables ================================================================== */

START_TEST(test_identity_storage)
{
    check(TSQL, PG,
          "CREATE TABLE dbo.T (ID int IDENTITY(10,5) NOT NULL, Name nvarchar(20) NOT NULL,\n"
          " CONSTRAINT PK_T PRIMARY KEY CLUSTERED (ID) WITH (FILLFACTOR = 90) ON [PRIMARY]\n"
          ") ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]\n",
          "CREATE TABLE dbo.t (\n"
          "    id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 5) NOT NULL,\n"
          "    name varchar(20) NOT NULL,\n"
          "    CONSTRAINT pk_t PRIMARY KEY (id)\n"
          ");\n",
          "SS3007 SS3002 SS3001");
}
END_TEST

START_TEST(test_computed_columns)
{
    check(TSQL, PG,
          "CREATE TABLE t (Qty int, Price money, Total AS (Qty * Price) PERSISTED, Code AS ('X' + Name), "
          "Name nvarchar(10), Lvl AS Node.GetLevel(), Node hierarchyid)\n",
          "CREATE TABLE t (\n"
          "    qty integer,\n"
          "    price numeric(19,4),\n"
          "    total numeric GENERATED ALWAYS AS ((qty * price)) STORED,\n"
          "    code text GENERATED ALWAYS AS (('X' || name)) STORED,\n"
          "    name varchar(10),\n"
          "    lvl numeric GENERATED ALWAYS AS ((LENGTH(node) - LENGTH(REPLACE(node, '/', '')) - 1)) STORED,\n"
          "    node text\n"
          ");\n",
          "SS1016 SS3006 SS3006 SS3006 SS1008");
}
END_TEST

START_TEST(test_hierarchyid_methods)
{
    /* methods on the text path; a CLR type's GetLevel() is not hierarchyid's */
    check(TSQL, PG,
          "CREATE TABLE e (Id int, Node hierarchyid, Geo dbo.Tree)\n"
          "GO\n"
          "CREATE VIEW v AS SELECT x.Node.ToString() AS p, x.Node.GetAncestor(2) AS a, "
          "x.Node.IsDescendantOf('/1/') AS d FROM e AS x WHERE x.Node < '/3/'\n"
          "GO\n"
          "CREATE VIEW w AS SELECT x.Geo.GetLevel() AS l FROM e AS x\n",
          "CREATE TABLE e (\n"
          "    id integer,\n"
          "    node text,\n"
          "    geo dbo.tree\n"
          ");\n"
          "CREATE VIEW v AS\n"
          "SELECT x.node AS p, CASE WHEN 2 > (LENGTH(x.node) - LENGTH(REPLACE(x.node, '/', '')) - 1) THEN NULL "
          "ELSE REGEXP_REPLACE(x.node, '([^/]+/){2}$', '') END AS a, CAST(STARTS_WITH(x.node, '/1/') AS integer) AS d\n"
          "FROM e AS x\n"
          "WHERE x.node < '/3/';\n"
          "-- SS2001 high: method call x.Geo.GetLevel() on column x.Geo has no PostgreSQL equivalent: statement "
          "kept verbatim (xml: xpath()/XMLTABLE; hierarchyid: ltree)\n"
          "-- | CREATE VIEW w AS SELECT x.Geo.GetLevel() AS l FROM e AS x\n",
          "SS1008 SS1002 SS2040 SS2001");
}
END_TEST

START_TEST(test_computed_reads_auto_increment)
{
    /* MySQL refuses a generated column over the AUTO_INCREMENT column: a
     * plain column with SS3034; one over other columns stays generated */
    check(TSQL, MY,
          "CREATE TABLE o (Id int IDENTITY(1,1) NOT NULL, Num AS ISNULL(N'SO' + CONVERT(nvarchar(23), [Id]), N'*'), "
          "Qty int, Twice AS (Qty * 2))\n",
          "CREATE TABLE o (\n"
          "    id int AUTO_INCREMENT NOT NULL,\n"
          "    num varchar(4000),\n"
          "    qty int,\n"
          "    twice decimal(38,10) AS ((qty * 2)),\n"
          "    KEY (id)\n"
          ");\n",
          "SS3007 SS3034 SS3006 SS3007");
}
END_TEST

START_TEST(test_mysql_table)
{
    check(MY, PG,
          "CREATE TABLE film (\n"
          "  film_id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,\n"
          "  title VARCHAR(128) NOT NULL,\n"
          "  updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n"
          "  PRIMARY KEY (film_id),\n"
          "  KEY idx_title (title(10)),\n"
          "  FULLTEXT KEY ft (title)\n"
          ") ENGINE=InnoDB AUTO_INCREMENT=1001 DEFAULT CHARSET=utf8mb4;",
          "CREATE TABLE film (\n"
          "    film_id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 1001) NOT NULL,\n"
          "    title varchar(128) NOT NULL,\n"
          "    updated timestamptz(0) DEFAULT LOCALTIMESTAMP NOT NULL,\n"
          "    PRIMARY KEY (film_id),\n"
          "    CHECK (film_id >= 0)\n"
          ");\n"
          "CREATE INDEX IF NOT EXISTS idx_title ON film ((SUBSTR(title, 1, 10)));\n"
          "CREATE INDEX IF NOT EXISTS ft ON film USING gin ((TO_TSVECTOR('simple', COALESCE(title, ''))));\n",
          "SS1005 SS3007 SS1026 SS2030 SS3015 SS3012 SS3003 SS3027 SS3001");
}
END_TEST

START_TEST(test_oracle_fk_types)
{
    /* NUMBER and NUMBER(6) cannot be compared by a PostgreSQL foreign key */
    check(ORA, PG,
          "CREATE TABLE p (id NUMBER(6) PRIMARY KEY);\n"
          "CREATE TABLE c (pid NUMBER, CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id));\n",
          "CREATE TABLE p (\n"
          "    id integer PRIMARY KEY\n"
          ");\n"
          "CREATE TABLE c (\n"
          "    pid integer\n"
          ");\n"
          "ALTER TABLE c ADD CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id);\n",
          "SS1001");
}
END_TEST

START_TEST(test_synonyms)
{
    check(ORA, PG,
          "CREATE TABLE emp (id NUMBER(5));\n"
          "CREATE SYNONYM staff FOR emp;\n"
          "CREATE SYNONYM remote_t FOR t@dblink;\n",
          "CREATE TABLE emp (\n"
          "    id integer\n"
          ");\n"
          "CREATE VIEW staff AS\n"
          "SELECT *\n"
          "FROM emp;\n"
          "-- SS3010 high: synonym remote_t for remote object t.@dblink kept verbatim: use a foreign table "
          "(postgres_fdw / oracle_fdw / tds_fdw)\n"
          "-- | CREATE SYNONYM remote_t FOR t@dblink\n",
          "SS3009 SS3010");
}
END_TEST

/* ==== functions ================================================================ */

START_TEST(test_tsql_functions)
{
    check(TSQL, PG,
          "CREATE TABLE dbo.P (ID int, FirstName nvarchar(50), Born datetime)\nGO\n"
          "CREATE VIEW dbo.v AS SELECT ISNULL(p.FirstName, '') AS a, CHARINDEX('x', p.FirstName) AS b,\n"
          " LEN(p.FirstName) AS c, GETDATE() AS d, DATEADD(month, 3, p.Born) AS e,\n"
          " DATEDIFF(day, p.Born, GETDATE()) AS f, DATEDIFF(year, p.Born, '20200101') AS g\n"
          "FROM dbo.P p\n",
          "CREATE TABLE dbo.p (\n"
          "    id integer,\n"
          "    firstname varchar(50),\n"
          "    born timestamp(3)\n"
          ");\n"
          "CREATE VIEW dbo.v AS\n"
          "SELECT COALESCE(p.firstname, '') AS a,\n"
          "       STRPOS(p.firstname, 'x') AS b,\n"
          "       LENGTH(RTRIM(p.firstname)) AS c,\n"
          "       LOCALTIMESTAMP AS d,\n"
          "       p.born + CAST('3 months' AS interval) AS e,\n"
          "       CAST(LOCALTIMESTAMP AS date) - CAST(p.born AS date) AS f,\n"
          "       CAST(DATE_PART('year', CAST('20200101' AS timestamp)) - DATE_PART('year', p.born) AS integer) AS g\n"
          "FROM dbo.p AS p;\n",
          "SS2020 SS2030");
}
END_TEST

START_TEST(test_convert_styles)
{
    check(TSQL, PG,
          "CREATE TABLE o (d datetime, c nchar(5))\nGO\n"
          "CREATE VIEW v AS SELECT CONVERT(varchar(10), d, 120) AS a, CONVERT(datetime, '04/07/1996', 101) AS b,\n"
          " CONVERT(varchar(30), d, 113) AS c, TRY_CAST(c AS int) AS n, IIF(c = 'x', 1, 0) AS i,\n"
          " CHOOSE(2, 'a', 'b') AS ch FROM o\n",
          "CREATE TABLE o (\n"
          "    d timestamp(3),\n"
          "    c char(5)\n"
          ");\n"
          "CREATE VIEW v AS\n"
          "SELECT CAST(TO_CHAR(d, 'YYYY-MM-DD HH24:MI:SS') AS varchar(10)) AS a,\n"
          "       CAST(TO_TIMESTAMP('04/07/1996', 'MM/DD/YYYY') AS timestamp(3)) AS b,\n"
          "       CAST(d AS varchar(30)) AS c,\n"
          "       CAST(c AS integer) AS n,\n"
          "       CASE WHEN c = 'x' THEN 1 ELSE 0 END AS i,\n"
          "       CASE 2 WHEN 1 THEN 'a' WHEN 2 THEN 'b' END AS ch\n"
          "FROM o;\n",
          "SS2015 SS2019 SS2020");
}
END_TEST

START_TEST(test_decode_nvl2)
{
    check(ORA, PG,
          "CREATE TABLE e (b NUMBER(10,2), k VARCHAR2(5));\n"
          "CREATE VIEW v AS SELECT DECODE(b, NULL, 'none', 0, 'zero', 'some') AS x,\n"
          " DECODE(k, 'A', 1, 'B', 2) AS y, DECODE(b, k, 1) AS z, NVL2(b, 'y', 'n') AS w FROM e;\n",
          "CREATE TABLE e (\n"
          "    b numeric(10,2),\n"
          "    k varchar(5)\n"
          ");\n"
          "CREATE VIEW v AS\n"
          "SELECT CASE WHEN b IS NULL THEN 'none' WHEN b = 0 THEN 'zero' ELSE 'some' END AS x, "
          "CASE k WHEN 'A' THEN 1 WHEN 'B' THEN 2 END AS y, "
          "CASE WHEN b IS NOT DISTINCT FROM k THEN 1 END AS z, "
          "CASE WHEN b IS NOT NULL THEN 'y' ELSE 'n' END AS w\n"
          "FROM e;\n",
          "");
}
END_TEST

START_TEST(test_oracle_misc)
{
    check(ORA, PG,
          "CREATE TABLE e (id NUMBER(10), name VARCHAR2(20), hired DATE);\n"
          "CREATE SEQUENCE s;\n"
          "INSERT INTO e (id, name, hired) VALUES (s.NEXTVAL, '', TO_DATE('2020-01-31 10:00', 'YYYY-MM-DD HH24:MI'));\n"
          "CREATE VIEW v AS SELECT name || ' (' || id || ')' AS label FROM e WHERE name = '';\n",
          "CREATE TABLE e (\n"
          "    id bigint,\n"
          "    name varchar(20),\n"
          "    hired timestamp(0)\n"
          ");\n"
          "CREATE SEQUENCE s;\n"
          "INSERT INTO e (id, name, hired) VALUES (NEXTVAL('s'), NULL, "
          "CAST(TO_TIMESTAMP('2020-01-31 10:00', 'YYYY-MM-DD HH24:MI') AS timestamp(0)));\n"
          "CREATE VIEW v AS\n"
          "SELECT CONCAT(name, ' (', id, ')') AS label\n"
          "FROM e\n"
          "WHERE name = '';\n",
          "SS1012 SS2017 SS2009");
}
END_TEST

START_TEST(test_mysql_functions)
{
    check(MY, PG,
          "CREATE TABLE f (t VARCHAR(10), a TINYINT(1), u DATETIME, d DATE);\n"
          "CREATE VIEW v AS SELECT GROUP_CONCAT(DISTINCT t ORDER BY t SEPARATOR '; ') AS ts,\n"
          " IF(a, 'yes', 'no') AS y, DATE_ADD(u, INTERVAL 2 DAY) AS l,\n"
          " DATE_SUB(u, INTERVAL '1:30' HOUR_MINUTE) AS e, u + INTERVAL 1 MONTH AS m,\n"
          " DATE_ADD(d, INTERVAL 7 DAY) AS w FROM f GROUP BY a, u, d WITH ROLLUP;\n",
          "CREATE TABLE f (\n"
          "    t varchar(10),\n"
          "    a boolean,\n"
          "    u timestamp(0),\n"
          "    d date\n"
          ");\n"
          "CREATE VIEW v AS\n"
          "SELECT STRING_AGG(DISTINCT t, '; ' ORDER BY t NULLS FIRST) AS ts,\n"
          "       CASE WHEN a THEN 'yes' ELSE 'no' END AS y,\n"
          "       u + CAST('2 day' AS interval) AS l,\n"
          "       u - CAST('1 hour 30 minute' AS interval) AS e,\n"
          "       u + CAST('1 month' AS interval) AS m,\n"
          "       d + 7 AS w\n"
          "FROM f\n"
          "GROUP BY ROLLUP (a, u, d);\n",
          "SS1020 SS2032");
}
END_TEST

START_TEST(test_tsql_plus)
{
    /* typed by the catalogue: strings concatenate; unknown operands are reported */
    check(TSQL, PG,
          "CREATE TABLE dbo.P (First nvarchar(20), Last nvarchar(20), N int)\nGO\n"
          "CREATE VIEW v AS SELECT p.First + ' ' + p.Last AS a, p.N + 1 AS b, x.a + x.b AS c\n"
          "FROM dbo.P p, dbo.Other x\n",
          "CREATE TABLE dbo.p (\n"
          "    first varchar(20),\n"
          "    last varchar(20),\n"
          "    n integer\n"
          ");\n"
          "CREATE VIEW v AS\n"
          "SELECT p.first || ' ' || p.last AS a, p.n + 1 AS b, x.a + x.b AS c\n"
          "FROM dbo.p AS p, dbo.other AS x;\n",
          "SS2004");
}
END_TEST

START_TEST(test_tsql_like_bool_insert)
{
    /* LIKE classes become a regular expression; 0/1 into bit columns become
     * booleans; a T-SQL INSERT without columns skips the identity column */
    check(TSQL, PG,
          "CREATE TABLE t (id int IDENTITY, c nchar(5), f bit)\nGO\n"
          "INSERT INTO t VALUES ('ALFKI', 1)\nGO\n"
          "DELETE FROM t WHERE c LIKE '[A-C]%' AND f = 0\n",
          "CREATE TABLE t (\n"
          "    id integer GENERATED BY DEFAULT AS IDENTITY NOT NULL,\n"
          "    c char(5),\n"
          "    f boolean\n"
          ");\n"
          "INSERT INTO t (c, f) VALUES ('ALFKI', TRUE);\n"
          "DELETE FROM t\n"
          "WHERE c ~ '^[A-C].*$' AND f = FALSE;\n",
          "SS3007 SS2020");
}
END_TEST

START_TEST(test_tsql_typing)
{
    /* ISNULL converts its replacement to the first argument's type (cut to
     * the length, truncated to int, rounded to the scale); a fraction cast to
     * int is truncated; char(n) against a literal without letters compares
     * the same, BETWEEN on a string column is reported */
    check(TSQL, PG,
          "CREATE TABLE t (code char(4), name varchar(10), qty int, price decimal(6,2))\nGO\n"
          "CREATE VIEW v AS SELECT CAST(price AS int) AS a, CONVERT(bigint, price * 2) AS b,\n"
          "CAST(qty AS int) AS c, ISNULL(name, 'unknown name') AS d, ISNULL(code, name) AS e,\n"
          "ISNULL(qty, price) AS f, ISNULL(price, 1.234) AS g, ISNULL(name, 'abc') AS h\n"
          "FROM t WHERE code = '0877' AND name BETWEEN 'a' AND 'b'\n",
          "CREATE TABLE t (\n"
          "    code char(4),\n"
          "    name varchar(10),\n"
          "    qty integer,\n"
          "    price numeric(6,2)\n"
          ");\n"
          "CREATE VIEW v AS\n"
          "SELECT CAST(TRUNC(price) AS integer) AS a,\n"
          "       CAST(TRUNC(price * 2) AS bigint) AS b,\n"
          "       CAST(qty AS integer) AS c,\n"
          "       COALESCE(name, CAST('unknown name' AS varchar(10))) AS d,\n"
          "       COALESCE(code, CAST(name AS char(4))) AS e,\n"
          "       COALESCE(qty, CAST(TRUNC(price) AS integer)) AS f,\n"
          "       COALESCE(price, CAST(1.234 AS numeric(6,2))) AS g,\n"
          "       COALESCE(name, 'abc') AS h\n"
          "FROM t\n"
          "WHERE code = '0877' AND name BETWEEN 'a' AND 'b';\n",
          "SS2020");
    /* MySQL's CAST(x AS SIGNED) rounds as well */
    check(TSQL, MY,
          "CREATE TABLE t (p decimal(6,2), q int)\nGO\n"
          "CREATE VIEW v AS SELECT CAST(p AS int) AS a, CAST(q AS int) AS c FROM t\n",
          "CREATE TABLE t (\n"
          "    p decimal(6,2),\n"
          "    q int\n"
          ");\n"
          "CREATE VIEW v AS\n"
          "SELECT CAST(TRUNCATE(p, 0) AS SIGNED) AS a, CAST(q AS SIGNED) AS c\n"
          "FROM t;\n",
          "");
}
END_TEST

START_TEST(test_tsql_routine_strings)
{
    /* in stored code: one SS2020 per statement that compares string
     * variables (not for char(n) = '123'), SS2034 where char(n) and varchar
     * results mix (not for ISNULL of a char(n) first argument) */
    Result r = convert(TSQL, PG,
                       "CREATE FUNCTION dbo.f (@a varchar(5), @c char(3), @n int) RETURNS varchar(20)\n"
                       "AS\nBEGIN\n"
                       "    DECLARE @r varchar(20)\n"
                       "    IF @c = '123' SET @r = 'x'\n"
                       "    IF @a = 'abc' OR @c = 'abc' SET @r = 'y'\n"
                       "    IF @a IN ('p', 'q') SET @r = 'z'\n"
                       "    IF @n = 1 SET @r = IIF(@n = 1, @c, 'long text')\n"
                       "    SET @r = COALESCE(@c, @a) + ISNULL(@c, @a) + ISNULL(@a, 'toolong')\n"
                       "    RETURN @r\n"
                       "END\n");
    ck_assert_msg(strcmp(r.codes, "SS2020 SS2020 SS2034 SS2034") == 0, "codes: %s\n%s", r.codes, r.messages);
    ck_assert_msg(strstr(r.sql, "v_r := CASE WHEN p_n = 1 THEN p_c ELSE 'long text' END;"), "%s", r.sql);
    ck_assert_msg(strstr(r.sql, "COALESCE(p_c, p_a) || COALESCE(p_c, CAST(p_a AS char(3))) || "
                                "COALESCE(p_a, CAST('toolong' AS varchar(5)))"), "%s", r.sql);
    result_free(&r);
    /* CAST(x AS varchar) is varchar(30): ISNULL cuts its replacement to 30 */
    r = convert(TSQL, PG,
                "CREATE FUNCTION dbo.g (@x int) RETURNS varchar(40)\nAS\nBEGIN\n"
                "    RETURN ISNULL(CAST(@x AS varchar), 'abcdefghijklmnopqrstuvwxyz0123456789')\nEND\n");
    ck_assert_msg(strstr(r.sql, "RETURN COALESCE(CAST(p_x AS varchar), "
                                "CAST('abcdefghijklmnopqrstuvwxyz0123456789' AS varchar(30)));"), "%s", r.sql);
    result_free(&r);
}
END_TEST

/* ==== queries ==================================================================== */

START_TEST(test_outer_join)
{
    check(ORA, PG,
          "CREATE TABLE emp (id NUMBER(5), dept_id NUMBER(5), name VARCHAR2(10));\n"
          "CREATE TABLE dept (id NUMBER(5), loc VARCHAR2(10));\n"
          "CREATE VIEW v AS SELECT e.name, d.loc FROM emp e, dept d\n"
          " WHERE e.dept_id = d.id(+) AND d.loc(+) = 'NY' AND e.id > 10;\n",
          "CREATE TABLE emp (\n"
          "    id integer,\n"
          "    dept_id integer,\n"
          "    name varchar(10)\n"
          ");\n"
          "CREATE TABLE dept (\n"
          "    id integer,\n"
          "    loc varchar(10)\n"
          ");\n"
          "CREATE VIEW v AS\n"
          "SELECT e.name, d.loc\n"
          "FROM emp AS e\n"
          "    LEFT JOIN dept AS d ON e.dept_id = d.id AND d.loc = 'NY'\n"
          "WHERE e.id > 10;\n",
          "SS2005");
}
END_TEST

START_TEST(test_outer_join_not_convertible)
{
    Result r = convert(ORA, PG,
                       "CREATE VIEW v AS SELECT * FROM a, b WHERE a.x = b.x(+) OR a.y = 1;\n");
    ck_assert_str_eq(r.codes, "SS2006");
    ck_assert_msg(strstr(r.sql, "-- | CREATE VIEW v AS SELECT * FROM a, b WHERE a.x = b.x(+) OR a.y = 1") != NULL,
                  "kept verbatim: %s", r.sql);
    result_free(&r);
}
END_TEST

START_TEST(test_top_limit)
{
    check(TSQL, PG,
          "CREATE VIEW v1 AS SELECT TOP 10 Name FROM t ORDER BY Name\nGO\n"
          "CREATE VIEW v2 AS SELECT TOP (100) PERCENT Name FROM t ORDER BY Name\nGO\n",
          "CREATE VIEW v1 AS\n"
          "SELECT name\n"
          "FROM t\n"
          "ORDER BY name NULLS FIRST\n"
          "LIMIT 10;\n"
          "CREATE VIEW v2 AS\n"
          "SELECT name\n"
          "FROM t\n"
          "ORDER BY name NULLS FIRST;\n",
          "SS2007 SS2007");
}
END_TEST

START_TEST(test_top_percent_verbatim)
{
    Result r = convert(TSQL, PG, "SELECT TOP 5 PERCENT Name FROM t ORDER BY Name\n");
    ck_assert_str_eq(r.codes, "SS6007 SS2008");
    ck_assert_msg(strstr(r.sql, "-- | SELECT TOP 5 PERCENT Name FROM t ORDER BY Name") != NULL, "%s", r.sql);
    result_free(&r);
}
END_TEST

START_TEST(test_rownum)
{
    check(ORA, PG,
          "CREATE VIEW top5 AS SELECT * FROM (SELECT name FROM emp ORDER BY bonus DESC) WHERE ROWNUM <= 5;\n",
          "CREATE VIEW top5 AS\n"
          "SELECT *\n"
          "FROM (SELECT name\n"
          "FROM emp\n"
          "ORDER BY bonus DESC) AS sub1\n"
          "LIMIT 5;\n",
          "SS2007");
    /* ROWNUM applies before ORDER BY: no LIMIT form */
    Result r = convert(ORA, PG, "SELECT name FROM emp WHERE ROWNUM < 3 ORDER BY name;\n");
    ck_assert_str_eq(r.codes, "SS6007 SS2008");
    result_free(&r);
}
END_TEST

START_TEST(test_hints_apply_xml)
{
    Result r = convert(TSQL, PG,
                       "SELECT o.id, x.n FROM dbo.o o WITH (NOLOCK) "
                       "CROSS APPLY (SELECT TOP 1 q AS n FROM dbo.i i WHERE i.id = o.id) x\nGO\n"
                       "SELECT * FROM dbo.o FOR XML AUTO\nGO\n");
    ck_assert_str_eq(r.codes, "SS6007 SS2013 SS2007 SS2018 SS6007 SS2012");
    ck_assert_msg(strstr(r.sql, "CROSS JOIN LATERAL") != NULL, "%s", r.sql);
    ck_assert_msg(strstr(r.sql, "-- | SELECT * FROM dbo.o FOR XML AUTO") != NULL, "%s", r.sql);
    result_free(&r);
}
END_TEST

/* ==== statements kept whole ======================================================= */

START_TEST(test_statement_items)
{
    Result r = convert(TSQL, PG,
                       "SET ANSI_NULLS ON\nGO\nUSE pubs\nGO\n"
                       "CREATE PROCEDURE dbo.p AS SELECT 1\nGO\n"
                       "CREATE TRIGGER ddl ON DATABASE FOR CREATE_TABLE AS PRINT 'x'\nGO\n"
                       "GRANT SELECT ON t TO u\nGO\n");
    /* the procedure returns rows: a table function (SS4135) */
    ck_assert_str_eq(r.codes, "SS7001 SS7002 SS4135 SS3025 SS6005");
    result_free(&r);
    r = convert(ORA, PG, "REM comment\nPROMPT hello\nSET ECHO ON\n@other.sql\n");
    ck_assert_str_eq(r.codes, "SS7010 SS7005 SS7006");
    result_free(&r);
}
END_TEST

START_TEST(test_kept_and_dropped)
{
    Result r = convert(TSQL, PG,
                       "CREATE TABLE dbo.M (id int NOT NULL PRIMARY KEY NONCLUSTERED, "
                       "v nvarchar(10) COLLATE Latin1_General_CI_AS) "
                       "WITH (MEMORY_OPTIMIZED = ON, DURABILITY = SCHEMA_ONLY)\nGO\n"
                       "CREATE TABLE ##g (id int)\nGO\n"
                       "CREATE VIEW pv AS SELECT * FROM (SELECT id, v FROM dbo.M) s "
                       "PIVOT (COUNT(id) FOR v IN ([a], [b])) p\nGO\n"
                       "CREATE CLUSTERED INDEX ix ON dbo.M (v) WITH (ONLINE = ON) ON [PRIMARY]\nGO\n"
                       "CREATE TABLE dbo.P (a int, b int) ON ps_date(a)\nGO\n");
    ck_assert_str_eq(r.codes, "SS2014 SS3014 SS3021 SS2011 SS3002 SS3001 SS3008");
    ck_assert_msg(strstr(r.sql, "-- | CREATE VIEW pv AS") != NULL, "%s", r.sql);
    result_free(&r);
    r = convert(ORA, PG,
                "CREATE VIEW lv AS SELECT LISTAGG(last_name, ', ') WITHIN GROUP (ORDER BY last_name) AS names "
                "FROM emp;\n"
                "CREATE VIEW cv AS SELECT employee_id, LEVEL AS l FROM emp START WITH manager_id IS NULL "
                "CONNECT BY PRIOR employee_id = manager_id;\n"
                "CREATE GLOBAL TEMPORARY TABLE gt (id NUMBER) ON COMMIT DELETE ROWS;\n"
                "CREATE BITMAP INDEX bx ON emp (dept_id) NOLOGGING;\n"
                "CREATE TABLE pt (id NUMBER(5), v VARCHAR2(5)) PARTITION BY RANGE (id) "
                "(PARTITION p1 VALUES LESS THAN (10));\n");
    ck_assert_str_eq(r.codes, "SS2010 SS3021 SS3005 SS3001 SS3008");
    ck_assert_msg(strstr(r.sql, "SELECT STRING_AGG(CAST(last_name AS text), ', ' ORDER BY last_name) AS names") != NULL,
                  "%s", r.sql);
    ck_assert_msg(strstr(r.sql, "CREATE TEMPORARY TABLE gt (\n    id numeric\n) ON COMMIT DELETE ROWS;") != NULL,
                  "%s", r.sql);
    result_free(&r);
}
END_TEST

/* ==== MySQL target ================================================================= */

START_TEST(test_to_mysql)
{
    check(ORA, MY,
          "CREATE TABLE e (id NUMBER(10), name VARCHAR2(20));\n"
          "CREATE VIEW v AS SELECT DECODE(id, NULL, 'none', 'some') AS d FROM e WHERE ROWNUM <= 3;\n",
          "CREATE TABLE e (\n"
          "    id bigint,\n"
          "    name varchar(20)\n"
          ");\n"
          "CREATE VIEW v AS\n"
          "SELECT CASE WHEN id IS NULL THEN 'none' ELSE 'some' END AS d\n"
          "FROM e\n"
          "LIMIT 3;\n",
          "SS2007");
}
END_TEST

/* ==== catalogue, order, templates =================================================== */

START_TEST(test_catalog)
{
    Catalog c;
    cat_init(&c);
    Arena a;
    arena_init(&a, 4096);
    DiagList d;
    diag_init(&d, &a);
    const char *sql = "CREATE TABLE Sales.Orders (Id int, Note nvarchar(10), At datetime)\n"
                      "GO\nCREATE VIEW Sales.v AS SELECT o.Note FROM Sales.Orders o\nGO\n";
    SourceFile sf;
    memset(&sf, 0, sizeof sf);
    sf.text = strdup(sql);
    sf.len = strlen(sql);
    sf.name = strdup("c.sql");
    src_build_lines(&sf);
    Parser p;
    ps_init(&p, DIALECT_TSQL, &sf, &a, &d);
    Stmt st;
    int obj = 0;
    while (ps_next(&p, &st))
        if (st.node)
            cat_add_statement(&c, st.node, obj++);
    CatTable *t = cat_find_text(&c, "sales", "orders");
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_eq(cat_find_text(&c, "", "ORDERS"), t);
    ck_assert_int_eq(t->kind, OK_TABLE);
    const CatColumn *col = cat_column(t, "note", 4);
    ck_assert_ptr_nonnull(col);
    ck_assert_int_eq(col->is_string, 1);
    ck_assert_int_eq(cat_column(t, "AT", 2)->is_datetime, 1);
    CatTable *v = cat_find_text(&c, "SALES", "V");
    ck_assert_ptr_nonnull(v);
    /* known tables are not dependencies that order views */
    ck_assert_int_eq(v->deps.n, 0);
    ck_assert_int_eq(cat_column(v, "NOTE", 4)->is_string, 1);
    /* column lists: resolved like cat_column_near, kept for the same names */
    Ident ids[3];
    memset(ids, 0, sizeof ids);
    ids[0].text = "at", ids[0].len = 2;
    ids[1].text = "NOTE", ids[1].len = 4;
    ids[2].text = "nope", ids[2].len = 4;
    IdentList l = {3, 3, ids};
    CatListColumns lc = cat_list_columns(&c, t, &l);
    ck_assert_ptr_eq(lc.cols[0], cat_column(t, "At", 2));
    ck_assert_ptr_eq(lc.cols[1], cat_column(t, "Note", 4));
    ck_assert_ptr_null(lc.cols[2]);
    ck_assert_int_eq(lc.aux[0], -1);
    lc.aux[0] = 1;
    ck_assert_int_eq(cat_list_columns(&c, t, &l).aux[0], 1); /* the same names: kept */
    ids[2].text = "Id";
    ids[2].len = 2;
    lc = cat_list_columns(&c, t, &l); /* one name differs: made anew */
    ck_assert_int_eq(lc.aux[0], -1);
    ck_assert_ptr_eq(lc.cols[2], cat_column(t, "ID", 2));
    lc.aux[0] = 1;
    ck_assert_int_eq(cat_list_columns(&c, v, &l).aux[0], -1); /* another table */
    ck_assert_ptr_null(cat_list_columns(&c, v, &l).cols[0]);
    lc = cat_list_columns(&c, t, &l);
    lc.aux[0] = 1;
    c.gen++; /* the catalogue changed */
    ck_assert_int_eq(cat_list_columns(&c, t, &l).aux[0], -1);
    l.n = 2; /* one name fewer */
    lc = cat_list_columns(&c, t, &l);
    ck_assert_ptr_eq(lc.cols[1], cat_column(t, "NOTE", 4));
    ps_free(&p);
    src_free(&sf);
    arena_free(&a);
    cat_free(&c);
}
END_TEST

START_TEST(test_view_order)
{
    /* v3 reads v2 which reads v1; v4 and v5 form a cycle: no crash, each once */
    const char *sql = "CREATE VIEW v3 AS SELECT * FROM v2;\nCREATE VIEW v1 AS SELECT * FROM t;\n"
                      "CREATE VIEW v2 AS SELECT * FROM v1 JOIN t ON 1 = 1;\n"
                      "CREATE VIEW v4 AS SELECT * FROM v5;\nCREATE VIEW v5 AS SELECT * FROM v4;\n"
                      "CREATE VIEW v6 AS WITH v1 AS (SELECT 1 AS x) SELECT * FROM v1;\n";
    Catalog c;
    cat_init(&c);
    Arena a;
    arena_init(&a, 4096);
    DiagList d;
    diag_init(&d, &a);
    SourceFile sf;
    memset(&sf, 0, sizeof sf);
    sf.text = strdup(sql);
    sf.len = strlen(sql);
    sf.name = strdup("o.sql");
    src_build_lines(&sf);
    Parser p;
    ps_init(&p, DIALECT_ORACLE, &sf, &a, &d);
    Stmt st;
    int obj = 0;
    while (ps_next(&p, &st))
        if (st.node)
            cat_add_statement(&c, st.node, obj++);
    int order[16];
    int n = deps_view_order(&c, order);
    ck_assert_int_eq(n, 6);
    /* objects: v3=0 v1=1 v2=2 v4=3 v5=4 v6=5 */
    int want[] = {1, 2, 0, 4, 3, 5};
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(order[i], want[i]);
    ps_free(&p);
    src_free(&sf);
    arena_free(&a);
    cat_free(&c);
}
END_TEST

START_TEST(test_templates_parse)
{
    /* every built-in function template parses in its target dialect */
    static const int pairs[][2] = {{DIALECT_TSQL, DIALECT_POSTGRES}, {DIALECT_ORACLE, DIALECT_POSTGRES},
                                   {DIALECT_MYSQL, DIALECT_POSTGRES}, {DIALECT_TSQL, DIALECT_MYSQL},
                                   {DIALECT_ORACLE, DIALECT_MYSQL}, {DIALECT_MYSQL, DIALECT_MYSQL}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        RuleSet rs;
        char *err = NULL;
        ck_assert_msg(rules_init(&rs, pairs[i][0], pairs[i][1], &err) == 0, "%s", err ? err : "");
        int r = rw_prepare_templates(&rs, pairs[i][1], &err);
        ck_assert_msg(r == 0, "%s -> %s: %s", dialect_name(pairs[i][0]), dialect_name(pairs[i][1]),
                      err ? err : "");
        rules_free(&rs);
    }
}
END_TEST

/* Findings' messages: the %s-only path copies pieces; other conversions
 * go through printf; both must give what printf gives. (A NULL argument
 * prints "(null)" as glibc does; not tested: the compiler warns.) */
START_TEST(test_diag_messages)
{
    Arena a;
    arena_init(&a, 0);
    DiagList d;
    diag_init(&d, &a);
    SrcSpan sp = {0};
    diag_add(&d, "SS0001", sp, -1, "plain text, no conversion");
    diag_add(&d, "SS0001", sp, -1, "%s", "just one");
    diag_add(&d, "SS0001", sp, -1, "column %s.%s (%s) became %s", "t", "c", "INT", "");
    diag_add(&d, "SS0001", sp, -1, "%s%s%s", "a", "", "b");
    diag_add(&d, "SS0001", sp, -1, "%s is %d%% done", "x", 50);
    diag_add(&d, "SS0001", sp, -1, "%.*s|", 3, "abcdef");
    diag_add(&d, "SS0001", sp, -1, "%s%s%s%s%s%s%s%s%s", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    diag_addh(&d, "SS0001", sp, 4, "do this", "trailing %s", "end");
    ck_assert_int_eq(d.v.n, 8);
    ck_assert_str_eq(d.v.items[0].message, "plain text, no conversion");
    ck_assert_str_eq(d.v.items[1].message, "just one");
    ck_assert_str_eq(d.v.items[2].message, "column t.c (INT) became ");
    ck_assert_str_eq(d.v.items[3].message, "ab");
    ck_assert_str_eq(d.v.items[4].message, "x is 50% done");
    ck_assert_str_eq(d.v.items[5].message, "abc|");
    ck_assert_str_eq(d.v.items[6].message, "123456789");
    ck_assert_str_eq(d.v.items[7].message, "trailing end");
    ck_assert_str_eq(d.v.items[7].hint, "do this");
    ck_assert_int_eq(d.v.items[7].object, 4);
    ck_assert_ptr_null(d.v.items[0].hint);
    arena_free(&a);
}
END_TEST



/* T-SQL m/d/y date strings going into a datetime column become ISO dates
 * (two-digit years by SQL Server's 2049 cutoff); anything else is kept. */
START_TEST(test_tsql_insert_dates)
{
    Result r = convert(TSQL, PG,
                       "CREATE TABLE t (d datetime, n int);\n"
                       "INSERT INTO t VALUES ('9/17/1996', 1), ('1/2/49 10:00', 2), ('12/31/0099', 3),\n"
                       "  ('13/1/2000', 4), ('7/4/50', 5), ('1/1/0000', 6), ('02/29/2000x', 7);\n");
    ck_assert_msg(strstr(r.sql, "INSERT INTO t VALUES ('1996-09-17', 1),\n"
                                "       ('2049-01-02 10:00', 2),\n"
                                "       ('0099-12-31', 3),\n"
                                "       ('13/1/2000', 4),\n"
                                "       ('1950-07-04', 5),\n"
                                "       ('0000-01-01', 6),\n"
                                "       ('02/29/2000x', 7);\n") != NULL, "%s", r.sql);
    result_free(&r);
    /* every kind of VALUES item: literals of each sort, parenthesized,
     * negative, expressions, NULL, and a row of one item */
    r = convert(TSQL, PG,
                "CREATE TABLE u (a int, b varchar(9), c varbinary(4), d money, e bit, f float);\n"
                "INSERT INTO u VALUES (1, 'it''s', 0xABcd, $5.25, 1, 1.5e3), ((2), ('x'), NULL, -1, 0, 2 + 3);\n"
                "INSERT INTO u (a) VALUES (7);\n");
    ck_assert_msg(strstr(r.sql, "INSERT INTO u VALUES (1, 'it''s', '\\xabcd'::bytea, 5.25, TRUE, 1.5e3),\n"
                                "       ((2), ('x'), NULL, -1, FALSE, 2 + 3);\n"
                                "INSERT INTO u (a) VALUES (7);\n") != NULL, "%s", r.sql);
    result_free(&r);
    /* binary literals of every length 1..80 in both cases: lower-cased
     * digits in '\x...'::bytea (sixteen, eight and one at a time) */
    for (int n = 1; n <= 80; n++) {
        char hex[96], low[96], in[160], want[160];
        for (int k = 0; k < n; k++) {
            hex[k] = "0123456789ABCDEFabcdef"[(n * 5 + k * 3) % 22];
            low[k] = (char)(hex[k] >= 'A' && hex[k] <= 'F' ? hex[k] + 32 : hex[k]);
        }
        hex[n] = low[n] = 0;
        snprintf(in, sizeof in, "CREATE TABLE h (b varbinary(max));\nINSERT INTO h VALUES (0x%s);\n", hex);
        snprintf(want, sizeof want, "INSERT INTO h VALUES ('\\x%s'::bytea);\n", low);
        r = convert(TSQL, PG, in);
        ck_assert_msg(strstr(r.sql, want) != NULL, "%d: %s", n, r.sql);
        result_free(&r);
    }
    /* Oracle '' is NULL in every position, also past the table's columns */
    r = convert(ORA, PG, "CREATE TABLE o (a varchar2(5), b number);\n"
                         "INSERT INTO o VALUES ('', 1, '', 'x');\n");
    ck_assert_msg(strstr(r.sql, "INSERT INTO o VALUES (NULL, 1, NULL, 'x');\n") != NULL, "%s", r.sql);
    result_free(&r);
}
END_TEST

/* ==== walk and spelling cache ================================================= */

static void count_slot(AstVisit *v, Node **slot) { (void)slot; (*(int *)v->data)++; }
static void count_list(AstVisit *v, NodeList *l) { (void)l; (*(int *)v->data)++; }

/* ast_kind_is_leaf (the walk skips those kinds) agrees with ast_children:
 * a node of every kind, its child pointers all non-NULL, is visited. */
START_TEST(test_leaf_kinds)
{
    int leaves = 0;
    for (int k = 1; k < N__COUNT; k++) {
        size_t size = ast_node_size(k);
        ck_assert_uint_gt(size, 0);
        Node *n = malloc(size);
        memset(n, 1, size);
        n->kind = k;
        int visits = 0;
        AstVisit v = {count_slot, count_list, &visits};
        ast_children(n, &v);
        ck_assert_msg(ast_kind_is_leaf(k) == (visits == 0), "kind %d: %d visits, leaf %d", k, visits,
                      ast_kind_is_leaf(k));
        leaves += visits == 0;
        free(n);
    }
    ck_assert_int_ge(leaves, 10); /* literals, names, variables ... */
    ck_assert(ast_kind_is_leaf(N_LITERAL));
    ck_assert(!ast_kind_is_leaf(N_ROW));
}
END_TEST

/* The run's spelling cache answers exactly what spelling anew does, for
 * names that differ in one byte at any place of any length (the cache
 * hashes eight bytes at a time), in every quote, asked twice; and across
 * its growth and its restart past NAME_CACHE_MAX names. */
START_TEST(test_spelling_cache)
{
    Arena a;
    arena_init(&a, 16384);
    ConvCtx plain, cached;
    memset(&plain, 0, sizeof plain);
    plain.source = DIALECT_TSQL;
    plain.target = DIALECT_POSTGRES;
    plain.arena = &a;
    cached = plain;
    cached.names = nm_cache_new();
    static const char quotes[] = {0, '[', '"'};
    char text[48];
    for (int round = 0; round < 2; round++)
        for (int len = 1; len <= 40; len++)
            for (int at = 0; at < len; at++)
                for (int q = 0; q < 3; q++) {
                    for (int i = 0; i < len; i++)
                        text[i] = (char)("SelectOrder_Id"[i % 14]);
                    text[at] = (char)('A' + (at + len) % 26);
                    Ident id;
                    memset(&id, 0, sizeof id);
                    id.text = text;
                    id.len = (uint32_t)len;
                    id.quote = quotes[q];
                    const char *want = nm_spell(&plain, &id);
                    const char *got = nm_spell(&cached, &id);
                    ck_assert_msg(strcmp(want, got) == 0, "%.*s (quote %d): %s, wanted %s", len, text, q, got,
                                  want);
                }
    /* past the cache's limit of names it starts afresh: 40000 distinct
     * names, then the first ones again (spelled anew, still right) */
    for (int round = 0; round < 2; round++)
        for (int k = 0; k < (round ? 100 : 40000); k++) {
            int len = snprintf(text, sizeof text, "%sCol%d", k % 2 ? "select" : "Order", k);
            Ident id;
            memset(&id, 0, sizeof id);
            id.text = text;
            id.len = (uint32_t)len;
            id.quote = quotes[k % 3];
            const char *want = nm_spell(&plain, &id);
            const char *got = nm_spell(&cached, &id);
            ck_assert_msg(strcmp(want, got) == 0, "%s: %s, wanted %s", text, got, want);
        }
    /* what one pass over a name decides: plain or quoted, folded or
     * kept, script variables printed as written */
    static const struct { const char *in, *out; } forms[] = {
        {"Order_Id", "order_id"}, {"a$b", "a$b"},      {"$ab", "\"$ab\""},
        {"1ab", "\"1ab\""},         {"_x1", "_x1"},      {"a-b", "\"a-b\""},
        {"x$(v)", "x$(v)"},       {"&v", "&v"},        {"ab$", "ab$"},
        {"\xc3\xa9T", "\xc3\xa9t"}, {"a b", "\"a b\""}, {"$(v)x", "$(v)x"},
        {"a$b(c", "\"a$b(c\""},   {"a(b$", "\"a(b$\""}, {"9", "\"9\""},
        {"ab9$", "ab9$"},           {"ORDER", "\"order\""}, {"Customers", "customers"},
        {"current_timestamp", "\"current_timestamp\""}, {"ab\x01", "\"ab\x01\""},
    };
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        StrBuf out;
        sb_init(&out);
        Ident id;
        memset(&id, 0, sizeof id);
        id.text = forms[k].in;
        id.len = (uint32_t)strlen(forms[k].in);
        nm_put_ident(&cached, &out, &id);
        ck_assert_msg(strcmp(out.s, forms[k].out) == 0, "%s printed as %s, wanted %s", forms[k].in,
                      out.s, forms[k].out);
        sb_free(&out);
    }
    Ident sel = {"select", 6, 0, {0, 0, 0}};
    ck_assert_str_eq(nm_spell(&cached, &sel), "select");
    StrBuf b;
    sb_init(&b);
    nm_put_ident(&cached, &b, &sel);
    ck_assert_msg(b.len == 8 && memcmp(b.s, "\"select\"", 8) == 0, "reserved word printed as %.*s",
                  (int)b.len, b.s);
    sb_free(&b);
    nm_cache_free(cached.names);
    arena_free(&a);
}
END_TEST


/* Column lists: the list printed last is kept and printed again for the
 * same names; any other list (one quote, one byte, one name more) is
 * spelled anew, and a name with a finding (too long: SS5001) records it
 * every time. */
START_TEST(test_ident_list_memo)
{
    Arena a, da;
    arena_init(&a, 16384);
    arena_init(&da, 16384);
    DiagList diags;
    diag_init(&diags, &da);
    ConvCtx cx;
    memset(&cx, 0, sizeof cx);
    cx.source = DIALECT_TSQL;
    cx.target = DIALECT_POSTGRES;
    cx.arena = &a;
    cx.diags = &diags;
    cx.names = nm_cache_new();
    static const char *const names[] = {"OrderID", "Order Date", "select", "Qty"};
    Ident ids[5];
    memset(ids, 0, sizeof ids);
    for (int i = 0; i < 4; i++) {
        ids[i].text = names[i];
        ids[i].len = (uint32_t)strlen(names[i]);
    }
    ids[1].quote = '[';
    IdentList l = {4, 4, ids};
    StrBuf b;
    sb_init(&b);
    const char *want = "orderid, \"Order Date\", \"select\", qty";
    for (int round = 0; round < 2; round++) {
        sb_reset(&b);
        nm_put_ident_list(&cx, &b, &l);
        ck_assert_str_eq(b.s, want);
    }
    ids[3].text = "Qtz"; /* one byte */
    sb_reset(&b);
    nm_put_ident_list(&cx, &b, &l);
    ck_assert_str_eq(b.s, "orderid, \"Order Date\", \"select\", qtz");
    ids[2].quote = '"'; /* one quote: a T-SQL "select" folds too, still reserved */
    ids[2].text = "Select";
    sb_reset(&b);
    nm_put_ident_list(&cx, &b, &l);
    ck_assert_str_eq(b.s, "orderid, \"Order Date\", \"select\", qtz");
    l.n = 3; /* one name fewer */
    sb_reset(&b);
    nm_put_ident_list(&cx, &b, &l);
    ck_assert_str_eq(b.s, "orderid, \"Order Date\", \"select\"");
    /* a name longer than 63 bytes: shortened, SS5001 each time */
    char longname[80];
    memset(longname, 'c', 70);
    ids[3].text = longname;
    ids[3].len = 70;
    ids[3].quote = 0;
    l.n = 4;
    for (int round = 0; round < 2; round++) {
        cx.object = round; /* another statement: recorded again (once per statement) */
        int before = diags.v.n;
        sb_reset(&b);
        nm_put_ident_list(&cx, &b, &l);
        ck_assert_int_eq(diags.v.n, before + 1);
        ck_assert_str_eq(diags.v.items[before].code, "SS5001");
        ck_assert_msg(strstr(b.s, ", ccccc") != NULL && b.len < 40 + 64, "%s", b.s);
    }
    /* dotted names: empty parts (T-SQL db..t) are left out, memo or not */
    Ident path[3];
    memset(path, 0, sizeof path);
    path[0].text = "Sales";
    path[0].len = 5;
    path[1].text = "";
    path[2].text = "Order";
    path[2].len = 5;
    path[2].quote = '[';
    for (int round = 0; round < 2; round++) {
        sb_reset(&b);
        nm_put_ident_path(&cx, &b, path, 3);
        ck_assert_str_eq(b.s, "sales.\"order\"");
    }
    path[1].text = NULL;
    sb_reset(&b);
    nm_put_ident_path(&cx, &b, path, 3);
    ck_assert_str_eq(b.s, "sales.\"order\"");
    sb_reset(&b);
    nm_put_ident_path(&cx, &b, path + 2, 1);
    ck_assert_str_eq(b.s, "\"order\"");
    path[2].text = "Orders";
    path[2].len = 6;
    sb_reset(&b);
    nm_put_ident_path(&cx, &b, path, 3);
    ck_assert_str_eq(b.s, "sales.orders");
    sb_free(&b);
    nm_cache_free(cx.names);
    arena_free(&a);
    arena_free(&da);
}
END_TEST

/* objnames: a name refers to an object kept verbatim whatever its case
 * (ASCII folding), only when the whole last part matches. */
static const char *dep_of_insert(ObjNames *o, const char *schema, const char *name)
{
    InsertStmt ins;
    memset(&ins, 0, sizeof ins);
    ins.h.kind = N_INSERT;
    if (schema)
        ins.table.parts[ins.table.n++] = (Ident){.text = schema, .len = (uint32_t)strlen(schema)};
    ins.table.parts[ins.table.n++] = (Ident){.text = name, .len = (uint32_t)strlen(name)};
    return on_unconverted_dependency(o, &ins.h);
}

START_TEST(test_objnames_unconverted)
{
    ObjNames o;
    on_init(&o);
    ck_assert_ptr_null(dep_of_insert(&o, NULL, "orders")); /* empty set */
    on_mark_unconverted_named(&o, "table", "Order_Details9");
    on_mark_unconverted_named(&o, "view", "v");
    on_mark_unconverted_named(&o, "index", "ignored"); /* not a kind that is read */
    for (int i = 0; i < 300; i++) { /* the set grows past its first size */
        char nm[32];
        snprintf(nm, sizeof nm, "t%03d", i);
        on_mark_unconverted_named(&o, "table", nm);
    }
    ck_assert_str_eq(dep_of_insert(&o, NULL, "order_details9"), "Order_Details9");
    ck_assert_str_eq(dep_of_insert(&o, "dbo", "ORDER_DETAILS9"), "Order_Details9");
    ck_assert_str_eq(dep_of_insert(&o, NULL, "oRdEr_DeTaIlS9"), "Order_Details9");
    ck_assert_ptr_null(dep_of_insert(&o, NULL, "order_details"));
    ck_assert_ptr_null(dep_of_insert(&o, NULL, "order_details99"));
    ck_assert_ptr_null(dep_of_insert(&o, NULL, "order-details9"));
    ck_assert_str_eq(dep_of_insert(&o, NULL, "V"), "v");
    ck_assert_ptr_null(dep_of_insert(&o, NULL, "ignored"));
    ck_assert_str_eq(dep_of_insert(&o, NULL, "T299"), "t299");
    ck_assert_str_eq(dep_of_insert(&o, NULL, "t000"), "t000");
    ck_assert_ptr_null(dep_of_insert(&o, NULL, "t300"));
    ck_assert_ptr_null(dep_of_insert(&o, NULL, ""));
    /* the same name asked again, before and after the set changes (the
     * last answer is kept while the set is unchanged) */
    ck_assert_ptr_null(dep_of_insert(&o, NULL, "t300"));
    ck_assert_ptr_null(dep_of_insert(&o, "x", "t300"));
    on_mark_unconverted_named(&o, "view", "T300");
    ck_assert_str_eq(dep_of_insert(&o, NULL, "t300"), "T300");
    ck_assert_str_eq(dep_of_insert(&o, NULL, "t300"), "T300");
    ck_assert_str_eq(dep_of_insert(&o, NULL, "T300"), "T300");
    ck_assert_ptr_null(dep_of_insert(&o, NULL, "t30"));
    ck_assert_str_eq(dep_of_insert(&o, NULL, "t030"), "t030");
    on_mark_unconverted_named(&o, "table", "t030"); /* already there: no change */
    ck_assert_str_eq(dep_of_insert(&o, NULL, "T030"), "t030");
    on_free(&o);
}
END_TEST

/* em_string_literal against the byte-by-byte rule: quotes doubled, with
 * backslash escapes backslashes doubled and NUL as \0 (else dropped);
 * random strings of every short length, appended to a buffer that already
 * holds text (the source malloc'd to size: ASan sees any over-read). */
static void literal_by_bytes(StrBuf *b, const char *s, size_t n, int bs)
{
    sb_putc(b, '\'');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == 0) {
            if (bs)
                sb_putn(b, "\\0", 2);
        } else if (s[i] == '\'' || (bs && s[i] == '\\')) {
            sb_putc(b, s[i]);
            sb_putc(b, s[i]);
        } else {
            sb_putc(b, s[i]);
        }
    }
    sb_putc(b, '\'');
}

START_TEST(test_string_literal_escapes)
{
    static const char alphabet[] = "ab'\\\0xyz\xc3";
    unsigned seed = 12345;
    for (int round = 0; round < 4000; round++) {
        size_t n = (size_t)(round % 41);
        char *s = malloc(n ? n : 1);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            /* mostly plain bytes, so the 8-byte paths are taken too */
            unsigned r = (seed >> 16) % 64;
            s[i] = r < 56 ? (char)('a' + r % 26) : alphabet[r % (sizeof alphabet - 1)];
        }
        for (int bs = 0; bs < 2; bs++) {
            StrBuf got, want;
            sb_init(&got);
            sb_init(&want);
            sb_puts(&got, "x = ");
            sb_puts(&want, "x = ");
            em_string_literal(&got, s, n, bs);
            literal_by_bytes(&want, s, n, bs);
            ck_assert_msg(got.len == want.len && memcmp(got.s, want.s, got.len) == 0 && got.s[got.len] == 0,
                          "round %d (%zu bytes, backslashes %d): %.*s, wanted %.*s", round, n, bs,
                          (int)got.len, got.s, (int)want.len, want.s);
            sb_free(&got);
            sb_free(&want);
        }
        free(s);
    }
}
END_TEST

/* Catalogue lookups over many objects (the index grows several times):
 * qualified and bare names in any case, the bare name of a qualified
 * object, types in their own namespace, misses. */
START_TEST(test_catalog_many_lookups)
{
    Catalog c;
    cat_init(&c);
    Arena a;
    arena_init(&a, 4096);
    DiagList d;
    diag_init(&d, &a);
    StrBuf sql;
    sb_init(&sql);
    for (int i = 0; i < 300; i++)
        sb_printf(&sql, "CREATE TABLE s1.T%d (a int)\nGO\nCREATE TABLE U%d (b int)\nGO\n", i, i);
    sb_puts(&sql, "CREATE TYPE dbo.Phone FROM varchar(20)\nGO\n");
    /* column classes, found once per interned type: types repeated (also
     * spelled in another case), an alias type, a type of no class */
    sb_puts(&sql, "CREATE TABLE K (a int, b varchar(20), c datetime, d VARCHAR(20), e Phone, f image, g INT,\n"
                  "  h datetime, i Phone, j varchar(20))\nGO\n");
    SourceFile sf;
    memset(&sf, 0, sizeof sf);
    sf.text = strdup(sql.s);
    sf.len = sql.len;
    sf.name = strdup("m.sql");
    src_build_lines(&sf);
    Parser p;
    ps_init(&p, DIALECT_TSQL, &sf, &a, &d);
    Stmt st;
    int obj = 0;
    while (ps_next(&p, &st))
        if (st.node)
            cat_add_statement(&c, st.node, obj++);
    for (int i = 0; i < 300; i += 7) {
        char t[16], u[16];
        snprintf(t, sizeof t, "t%d", i);
        snprintf(u, sizeof u, "U%d", i);
        CatTable *x = cat_find_text(&c, "S1", t);
        ck_assert_ptr_nonnull(x);
        ck_assert_ptr_eq(cat_find_text(&c, "s1", t), x);
        ck_assert_ptr_eq(cat_find_text(&c, "", t), x);      /* bare */
        ck_assert_ptr_eq(cat_find_text(&c, "other", t), x); /* by its bare name */
        CatTable *y = cat_find_text(&c, NULL, u);
        ck_assert_ptr_nonnull(y);
        ck_assert_ptr_ne(x, y);
        ck_assert_ptr_eq(cat_find_text(&c, "dbo", u), y);
        QName q;
        memset(&q, 0, sizeof q);
        q.n = 2;
        q.parts[0] = (Ident){.text = "S1", .len = 2};
        q.parts[1] = (Ident){.text = t, .len = (uint32_t)strlen(t)};
        ck_assert_ptr_eq(cat_find(&c, &q), x);
        ck_assert_ptr_eq(cat_find(&c, &q), x); /* from the lookup memo */
        /* the parts as the parser leaves them: inside a text, not NUL-ended */
        char buf[32];
        int bl = snprintf(buf, sizeof buf, "s1.%s]", t);
        q.parts[0] = (Ident){.text = buf, .len = 2};
        q.parts[1] = (Ident){.text = buf + 3, .len = (uint32_t)(bl - 4)};
        ck_assert_ptr_eq(cat_find(&c, &q), x);
        q.parts[0] = (Ident){.text = "nowhere", .len = 7}; /* by the bare name */
        ck_assert_ptr_eq(cat_find(&c, &q), x);
        q.parts[1].len--; /* a prefix of the name is another name: t14 of t147 */
        char pre[16];
        snprintf(pre, sizeof pre, "t%d", i / 10);
        CatTable *px = i >= 10 ? cat_find_text(&c, "s1", pre) : NULL;
        ck_assert(i < 10 || px != NULL);
        ck_assert_ptr_eq(cat_find(&c, &q), px);
    }
    ck_assert_ptr_null(cat_find_text(&c, "s1", "t300"));
    ck_assert_ptr_null(cat_find_text(&c, "", "u300"));
    QName ph;
    memset(&ph, 0, sizeof ph);
    ph.n = 1;
    ph.parts[0] = (Ident){.text = "PHONE", .len = 5};
    CatTable *ty = cat_find(&c, &ph);
    ck_assert_ptr_nonnull(ty);
    ck_assert_int_eq(ty->kind, OK_TYPE);
    ck_assert_ptr_eq(cat_find_text(&c, "dbo", "phone"), ty); /* after the relations */
    ck_assert_ptr_null(cat_find_kind(&c, &ph, OK_TABLE));
    const CatTable *k = cat_find_text(&c, NULL, "k");
    ck_assert_ptr_nonnull(k);
    static const struct { const char *col; int s, n, d; } want[] = {
        {"a", 0, 1, 0}, {"b", 1, 0, 0}, {"c", 0, 0, 1}, {"d", 1, 0, 0}, {"e", 1, 0, 0},
        {"f", 0, 0, 0}, {"g", 0, 1, 0}, {"h", 0, 0, 1}, {"i", 1, 0, 0}, {"j", 1, 0, 0}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const CatColumn *col = cat_column(k, want[i].col, 1);
        ck_assert_msg(col && col->is_string == want[i].s && col->is_numeric == want[i].n &&
                          col->is_datetime == want[i].d,
                      "column %s", want[i].col);
    }
    ck_assert_ptr_eq(cat_column(k, "b", 1)->type, cat_column(k, "j", 1)->type); /* one interned type */
    ps_free(&p);
    src_free(&sf);
    sb_free(&sql);
    cat_free(&c);
    arena_free(&a);
}
END_TEST

/* em_verbatim: every line as "-- | " and its text without trailing blanks
 * ("-- |" for an empty one), each ended by a line break, appended to what
 * the buffer holds; compared with the rule applied line by line. */
START_TEST(test_verbatim_lines)
{
    static const char *const texts[] = {
        "", "a", "a\n", "\n", "\n\n", "x  \t\r\ny\r\n\r\n  z", "  lead\n\t\n", "end without break  ",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        const char *t = texts[k];
        size_t len = strlen(t);
        StrBuf got, want;
        sb_init(&got);
        sb_init(&want);
        sb_puts(&got, "head\n");
        sb_puts(&want, "head\n");
        em_verbatim(&got, t, len);
        for (size_t i = 0; i < len;) {
            size_t e = i;
            while (e < len && t[e] != '\n')
                e++;
            size_t z = e;
            while (z > i && strchr(" \t\r", t[z - 1]))
                z--;
            sb_puts(&want, z > i ? "-- | " : "-- |");
            sb_putn(&want, t + i, z - i);
            sb_putc(&want, '\n');
            i = e + 1;
        }
        ck_assert_msg(got.len == want.len && strcmp(got.s, want.s) == 0, "text %zu: [%s], wanted [%s]", k, got.s,
                      want.s);
        sb_free(&got);
        sb_free(&want);
    }
    /* lines of every length 0..70 (each way a line is copied), each byte
     * telling its place, with and without trailing blanks and a last line
     * without a break */
    for (int tail = 0; tail < 3; tail++) {
        StrBuf in, got, want;
        sb_init(&in);
        sb_init(&got);
        sb_init(&want);
        for (int n = 0; n <= 70; n++) {
            for (int k = 0; k < n; k++)
                sb_putc(&in, (char)('!' + (n * 7 + k) % 90));
            if (tail == 1)
                sb_puts(&in, " \t ");
            if (n < 70 || tail != 2)
                sb_putc(&in, '\n');
        }
        em_verbatim(&got, in.s, in.len);
        for (size_t i = 0; i < in.len;) {
            size_t e = i;
            while (e < in.len && in.s[e] != '\n')
                e++;
            size_t z = e;
            while (z > i && strchr(" \t\r", in.s[z - 1]))
                z--;
            sb_puts(&want, z > i ? "-- | " : "-- |");
            sb_putn(&want, in.s + i, z - i);
            sb_putc(&want, '\n');
            i = e + 1;
        }
        ck_assert_msg(got.len == want.len && memcmp(got.s, want.s, got.len) == 0, "tail %d: [%s], wanted [%s]",
                      tail, got.s, want.s);
        sb_free(&in);
        sb_free(&got);
        sb_free(&want);
    }
    /* random texts of blanks, breaks and letters (blank runs and breaks
     * at every place in and across the sixteen-byte moves), each in a
     * buffer of exactly its size (a read past the text is an ASan error),
     * appended to outputs of every length (growth on the way) */
    unsigned seed = 12345;
    static const char alphabet[] = " \t\r\nab\x80\n  ";
    for (int round = 0; round < 600; round++) {
        seed = seed * 1103515245u + 12345u;
        size_t len = (seed >> 8) % 300;
        char *t = malloc(len ? len : 1);
        ck_assert_ptr_nonnull(t);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            t[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        StrBuf got, want;
        sb_init(&got);
        sb_init(&want);
        for (int h = 0; h < round % 300; h++) {
            sb_putc(&got, 'h');
            sb_putc(&want, 'h');
        }
        em_verbatim(&got, t, len);
        for (size_t i = 0; i < len;) {
            size_t e = i;
            while (e < len && t[e] != '\n')
                e++;
            size_t z = e;
            while (z > i && (t[z - 1] == ' ' || t[z - 1] == '\t' || t[z - 1] == '\r'))
                z--;
            sb_puts(&want, z > i ? "-- | " : "-- |");
            sb_putn(&want, t + i, z - i);
            sb_putc(&want, '\n');
            i = e + 1;
        }
        ck_assert_msg(got.len == want.len && memcmp(got.s, want.s, got.len) == 0 && got.s[got.len] == 0,
                      "random text %d", round);
        free(t);
        sb_free(&got);
        sb_free(&want);
    }
    /* a long text in a buffer that must grow on the way */
    StrBuf big;
    sb_init(&big);
    StrBuf text;
    sb_init(&text);
    for (int i = 0; i < 5000; i++)
        sb_puts(&text, i % 3 ? "word\n" : "\n");
    em_verbatim(&big, text.s, text.len);
    ck_assert_int_eq((int)big.len, 1667 * 5 + 3333 * 10); /* "-- |\n", "-- | word\n" */
    ck_assert_int_eq((int)strlen(big.s), (int)big.len);
    sb_free(&big);
    sb_free(&text);
}
END_TEST

Suite *rewrite_suite(void)
{
    Suite *s = suite_create("rewrite");
    TCase *tc = tcase_create("types");
    tcase_add_test(tc, test_tsql_types);
    tcase_add_test(tc, test_oracle_types);
    tcase_add_test(tc, test_mysql_types);
    tcase_add_test(tc, test_alias_type_domain);
    suite_add_tcase(s, tc);
    tc = tcase_create("tables");
    tcase_add_test(tc, test_identity_storage);
    tcase_add_test(tc, test_computed_columns);
    tcase_add_test(tc, test_computed_reads_auto_increment);
    tcase_add_test(tc, test_hierarchyid_methods);
    tcase_add_test(tc, test_mysql_table);
    tcase_add_test(tc, test_oracle_fk_types);
    tcase_add_test(tc, test_synonyms);
    suite_add_tcase(s, tc);
    tc = tcase_create("functions");
    tcase_add_test(tc, test_tsql_functions);
    tcase_add_test(tc, test_convert_styles);
    tcase_add_test(tc, test_decode_nvl2);
    tcase_add_test(tc, test_oracle_misc);
    tcase_add_test(tc, test_mysql_functions);
    tcase_add_test(tc, test_tsql_plus);
    tcase_add_test(tc, test_tsql_like_bool_insert);
    tcase_add_test(tc, test_tsql_insert_dates);
    tcase_add_test(tc, test_tsql_typing);
    tcase_add_test(tc, test_tsql_routine_strings);
    suite_add_tcase(s, tc);
    tc = tcase_create("queries");
    tcase_add_test(tc, test_outer_join);
    tcase_add_test(tc, test_outer_join_not_convertible);
    tcase_add_test(tc, test_top_limit);
    tcase_add_test(tc, test_top_percent_verbatim);
    tcase_add_test(tc, test_rownum);
    tcase_add_test(tc, test_hints_apply_xml);
    tcase_add_test(tc, test_statement_items);
    tcase_add_test(tc, test_kept_and_dropped);
    tcase_add_test(tc, test_to_mysql);
    suite_add_tcase(s, tc);
    tc = tcase_create("catalog");
    tcase_add_test(tc, test_catalog);
    tcase_add_test(tc, test_view_order);
    tcase_add_test(tc, test_templates_parse);
    tcase_add_test(tc, test_diag_messages);
    tcase_add_test(tc, test_leaf_kinds);
    tcase_add_test(tc, test_spelling_cache);
    tcase_add_test(tc, test_ident_list_memo);
    tcase_add_test(tc, test_objnames_unconverted);
    tcase_add_test(tc, test_string_literal_escapes);
    tcase_add_test(tc, test_catalog_many_lookups);
    tcase_add_test(tc, test_verbatim_lines);
    suite_add_tcase(s, tc);
    return s;
}
