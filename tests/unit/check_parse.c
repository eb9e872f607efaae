/* tests: parser core units: statement boundaries per dialect (GO, ';',
 * DELIMITER, '/'), expressions and precedence, queries, DML, routine
 * boundaries, error recovery with positions, nesting limits. */
#include "unit.h"
#include "parse/parser.h"
#include "util/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Parsed {
    Arena run, sa;
    DiagList d;
    SourceFile f;
    StrBuf dump;     /* every statement's dump, without positions */
    int nstmts;
    int kinds[64];   /* kind of each statement */
} Parsed;

/* The arenas, diagnostics and source file of a parse of the len bytes of sql. */
static void parsed_init(Parsed *r, const char *sql, size_t len)
{
    memset(r, 0, sizeof *r);
    arena_init(&r->run, 0);
    arena_init(&r->sa, 0);
    diag_init(&r->d, &r->run);
    r->f.name = strdup("t.sql");
    r->f.text = strndup(sql, len);
    r->f.len = len;
    src_build_lines(&r->f);
    sb_init(&r->dump);
}

static void parse(Parsed *r, Dialect dl, const char *sql)
{
    parsed_init(r, sql, strlen(sql));
    Parser p;
    ps_init(&p, dl, &r->f, &r->sa, &r->d);
    Stmt st;
    while (ps_next(&p, &st) && st.node) {
        if (r->nstmts < 64)
            r->kinds[r->nstmts] = st.node->kind;
        r->nstmts++;
        ast_dump(&r->dump, st.node, NULL, 0);
    }
    ps_free(&p);
}

static void done(Parsed *r)
{
    sb_free(&r->dump);
    src_free(&r->f);
    arena_free(&r->sa);
    arena_free(&r->run);
}

#define HAS(r, want) ck_assert_msg(strstr((r)->dump.s, (want)) != NULL, "missing %s in:\n%s", (want), (r)->dump.s)

/* Every keyword is found in upper, lower and mixed case; near misses
 * (one byte more or less, a byte changed, non-ASCII) are not keywords. */
START_TEST(keyword_lookup_every_word)
{
    char buf[64];
    for (int k = 1; k < KW__COUNT; k++) {
        const char *w = kw_name(k);
        size_t n = strlen(w);
        ck_assert_uint_gt(n, 0);
        ck_assert_int_eq(kw_lookup(w, (uint32_t)n), k);
        for (size_t i = 0; i < n; i++)
            buf[i] = (char)((i % 2 && w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
        ck_assert_int_eq(kw_lookup(buf, (uint32_t)n), k);
        for (size_t i = 0; i < n; i++)
            buf[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
        ck_assert_int_eq(kw_lookup(buf, (uint32_t)n), k);
        memcpy(buf, w, n);
        buf[n] = 'X';
        int longer = kw_lookup(buf, (uint32_t)n + 1);
        ck_assert(longer != k);
        if (longer) { /* only when the longer word is a keyword itself (MA, MAX) */
            buf[n + 1] = 0;
            ck_assert_str_eq(kw_name(longer), buf);
        }
        buf[n - 1] = (char)0xC3; /* non-ASCII: never a keyword */
        ck_assert_int_eq(kw_lookup(buf, (uint32_t)n), KW_0);
    }
    ck_assert_int_eq(kw_lookup("SELECTED", 8), KW_0);
    ck_assert_int_eq(kw_lookup("SELEC", 5), KW_0);
    ck_assert_int_eq(kw_lookup("", 0), KW_0);
    ck_assert_int_eq(kw_lookup("SELECT_", 7), KW_0);
    ck_assert_int_eq(kw_lookup("sElEcT", 6), KW_SELECT);
    ck_assert_int_eq(kw_lookup("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 49), KW_0);
}
END_TEST

/* kw_lookup_in reads a word's first eight bytes at once when the text goes
 * on: the answer must not depend on the bytes after the word or on how many
 * may be read, and only letters fold (bytes that differ from a keyword's by
 * 0x20 but are no letters, like '_' and DEL, '1' and 0x11, do not match). */
START_TEST(keyword_lookup_in_text)
{
    static const char follow[] = {' ', 'X', '_', '@', '(', (char)0xC3, 0, '1'};
    char buf[80];
    for (int k = 1; k < KW__COUNT; k++) {
        const char *w = kw_name(k);
        size_t n = strlen(w);
        for (size_t f = 0; f < sizeof follow; f++) {
            memset(buf, follow[f], sizeof buf);
            for (size_t i = 0; i < n; i++) /* lower case from the third byte on */
                buf[i] = (char)(i >= 2 && w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
            for (size_t avail = n; avail <= n + 9; avail++)
                ck_assert_int_eq(kw_lookup_in(buf, (uint32_t)n, avail), k);
            for (size_t i = 0; i < n; i++) {
                char c = buf[i];
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
                    continue;
                buf[i] = (char)(c ^ 0x20);
                ck_assert_int_eq(kw_lookup_in(buf, (uint32_t)n, sizeof buf), KW_0);
                buf[i] = c;
            }
        }
    }
    ck_assert_int_eq(kw_lookup_in("select * from t", 6, 15), KW_SELECT);
    ck_assert_int_eq(kw_lookup_in("selectx", 6, 7), KW_SELECT);
    ck_assert_int_eq(kw_lookup_in("CONSTRAINTS", 10, 11), KW_CONSTRAINT);
    ck_assert_int_eq(kw_lookup_in("CONSTRAINX", 10, 10), KW_0);
    ck_assert_int_eq(kw_lookup_in("CONSTRAIN\xC3", 10, 10), KW_0);
}
END_TEST

START_TEST(tsql_batches_without_semicolons)
{
    Parsed r;
    parse(&r, DIALECT_TSQL,
          "SET NOCOUNT ON\nGO\nSELECT TOP (5) a, b = c + 1 FROM dbo.t WITH (NOLOCK) WHERE x = N'y'\n"
          "SELECT 1\nGO 3\nPRINT 'done'\n");
    ck_assert_int_eq(r.nstmts, 6);
    ck_assert_int_eq(r.kinds[0], N_SESSION);
    ck_assert_int_eq(r.kinds[1], N_SCRIPT_CMD);
    ck_assert_int_eq(r.kinds[2], N_SELECT);
    ck_assert_int_eq(r.kinds[3], N_SELECT);
    ck_assert_int_eq(r.kinds[4], N_SCRIPT_CMD);
    ck_assert_int_eq(r.kinds[5], N_OTHER_STMT);
    HAS(&r, "(TARGET as b)");
    HAS(&r, "(TABLE_REF dbo.t hints=1)");
    ck_assert_int_eq(r.d.v.n, 0);
    done(&r);
}
END_TEST

START_TEST(precedence_and_predicates)
{
    Parsed r;
    parse(&r, DIALECT_ORACLE,
          "SELECT a + b * c, NOT x = 1 AND y BETWEEN 1 AND 2 OR z IS NOT NULL FROM t;");
    ck_assert_int_eq(r.nstmts, 1);
    /* a + (b * c) */
    HAS(&r, "(BINARY +)\n        (NAME a)\n        (BINARY *)\n          (NAME b)\n          (NAME c)");
    /* ((NOT (x = 1)) AND (y BETWEEN ..)) OR (z IS NOT NULL) */
    HAS(&r, "(BINARY OR)\n        (BINARY AND)\n          (UNARY NOT)\n            (BINARY =)");
    HAS(&r, "(IS what=0 not)");
    done(&r);
}
END_TEST

START_TEST(mysql_delimiter_and_routines)
{
    Parsed r;
    parse(&r, DIALECT_MYSQL,
          "CREATE TABLE a (x INT);\nDELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND//\n"
          "DELIMITER ;\nSELECT x || y FROM a;\n");
    /* table, DELIMITER, procedure, DELIMITER, select */
    ck_assert_int_eq(r.nstmts, 5);
    ck_assert_int_eq(r.kinds[2], N_ROUTINE);
    HAS(&r, "(ROUTINE PROCEDURE p)");
    HAS(&r, "(BINARY OR)"); /* || is OR in MySQL's default mode */
    done(&r);
}
END_TEST

START_TEST(oracle_blocks_end_at_slash)
{
    Parsed r;
    parse(&r, DIALECT_ORACLE,
          "CREATE OR REPLACE TRIGGER trg BEFORE INSERT ON emp FOR EACH ROW\nBEGIN\n  :new.id := 1;\nEND;\n/\n"
          "BEGIN\n  NULL;\nEND;\n/\nSELECT e.id FROM emp e, dept d WHERE e.d = d.id(+);\n");
    ck_assert_int_eq(r.kinds[0], N_ROUTINE);
    HAS(&r, "(ROUTINE TRIGGER trg on=emp)");
    HAS(&r, "(ROUTINE BLOCK -)");
    HAS(&r, "(NAME d.id (+))");
    done(&r);
}
END_TEST

START_TEST(queries_cte_setops_windows)
{
    Parsed r;
    parse(&r, DIALECT_TSQL,
          "WITH c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3)\n"
          "SELECT n, ROW_NUMBER() OVER (PARTITION BY n ORDER BY n DESC) AS rn,\n"
          "  STRING_AGG(x, ',') WITHIN GROUP (ORDER BY x) FROM c CROSS APPLY f(n) AS g\n"
          "ORDER BY n OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY;");
    ck_assert_int_eq(r.nstmts, 1);
    HAS(&r, "(WITH)");
    HAS(&r, "(CTE c cols=(n))");
    HAS(&r, "(SETOP op=0 all)");
    HAS(&r, "(WINDOW -)");
    HAS(&r, "within:");
    HAS(&r, "(JOIN CROSS APPLY)");
    HAS(&r, "limit:");
    HAS(&r, "offset:");
    done(&r);
}
END_TEST

START_TEST(dml_forms)
{
    Parsed r;
    parse(&r, DIALECT_MYSQL,
          "INSERT IGNORE INTO t (a, b) VALUES (1, 'x'), (2, DEFAULT) ON DUPLICATE KEY UPDATE b = VALUES(b);\n"
          "UPDATE t SET a = a + 1 WHERE b LIKE 'x%' ORDER BY a LIMIT 10;\n"
          "DELETE FROM t WHERE a IN (SELECT a FROM u);\n");
    ck_assert_int_eq(r.nstmts, 3);
    ck_assert_int_eq(r.kinds[0], N_INSERT);
    ck_assert_int_eq(r.kinds[1], N_UPDATE);
    ck_assert_int_eq(r.kinds[2], N_DELETE);
    HAS(&r, "(INSERT t cols=(a,b) ignore)");
    HAS(&r, "on_duplicate:");
    HAS(&r, "(KEYWORD_EXPR DEFAULT)");
    done(&r);
}
END_TEST

/* VALUES rows start at the previous row's width (Parser.row_width): rows
 * wider, narrower and empty, in one statement and the next, keep every item
 * in order. */
START_TEST(values_rows_of_changing_width)
{
    static const int widths[3][5] = {{6, 9, 2, 20, 0}, {5, 5, -1}, {0, 1, 33, -1}};
    StrBuf sql;
    sb_init(&sql);
    for (int s = 0; s < 3; s++) {
        sb_puts(&sql, "INSERT INTO t VALUES ");
        for (int r = 0; r < 5 && widths[s][r] >= 0; r++) {
            sb_puts(&sql, r ? ", (" : "(");
            for (int i = 0; i < widths[s][r]; i++)
                sb_printf(&sql, "%s%d", i ? ", " : "", s * 10000 + r * 100 + i);
            sb_puts(&sql, ")");
        }
        sb_puts(&sql, ";\n");
    }
    Parsed r;
    parsed_init(&r, sql.s, sql.len);
    Parser p;
    ps_init(&p, DIALECT_TSQL, &r.f, &r.sa, &r.d);
    Stmt st;
    int s = 0;
    while (ps_next(&p, &st) && st.node) {
        ck_assert_int_lt(s, 3);
        ck_assert_int_eq(st.node->kind, N_INSERT);
        const ValuesList *v = (const ValuesList *)((const InsertStmt *)st.node)->source;
        ck_assert_ptr_nonnull(v);
        ck_assert_int_eq(v->h.kind, N_VALUES);
        int nrows = 0;
        while (nrows < 5 && widths[s][nrows] >= 0)
            nrows++;
        ck_assert_int_eq(v->rows.n, nrows);
        for (int rw = 0; rw < nrows; rw++) {
            const RowExpr *row = (const RowExpr *)v->rows.items[rw];
            ck_assert_int_eq(row->items.n, widths[s][rw]);
            ck_assert_int_ge(row->items.cap, row->items.n);
            for (int i = 0; i < row->items.n; i++) {
                const Literal *l = (const Literal *)row->items.items[i];
                char want[16];
                snprintf(want, sizeof want, "%d", s * 10000 + rw * 100 + i);
                ck_assert_int_eq(l->h.kind, N_LITERAL);
                ck_assert_str_eq(l->value, want);
            }
        }
        s++;
    }
    ck_assert_int_eq(s, 3);
    ps_free(&p);
    sb_free(&sql);
    done(&r);
}
END_TEST

START_TEST(tsql_if_exists_drop_becomes_drop_if_exists)
{
    Parsed r;
    parse(&r, DIALECT_TSQL,
          "if exists (select * from sysobjects where id = object_id('dbo.Orders') and sysstat & 0xf = 3)\n"
          "\tdrop table \"dbo\".\"Orders\"\nGO\n"
          "IF OBJECT_ID('dbo.Other') IS NOT NULL DROP TABLE dbo.Orders\n");
    ck_assert_int_eq(r.kinds[0], N_DROP);
    HAS(&r, "(DROP TABLE if_exists)");
    /* the guard names another object: kept as procedural code */
    ck_assert_int_eq(r.kinds[2], N_OTHER_STMT);
    done(&r);
}
END_TEST

START_TEST(error_recovery_reports_position_and_continues)
{
    Parsed r;
    parse(&r, DIALECT_ORACLE, "SELECT a FROM t;\nSELECT (1 + FROM t;\nSELECT b FROM u;\n");
    ck_assert_int_eq(r.nstmts, 3);
    ck_assert_int_eq(r.kinds[0], N_SELECT);
    ck_assert_int_eq(r.kinds[1], N_RAW);
    ck_assert_int_eq(r.kinds[2], N_SELECT);
    ck_assert_int_eq(r.d.v.n, 1);
    ck_assert_str_eq(r.d.v.items[0].code, "SS0011");
    SrcPos pos = src_pos(&r.f, r.d.v.items[0].span.off);
    ck_assert_int_eq(pos.line, 2);
    ck_assert_int_eq(pos.col, 13); /* at FROM */
    ck_assert_ptr_nonnull(strstr(r.d.v.items[0].message, "expected an expression, found 'FROM'"));
    done(&r);
}
END_TEST

START_TEST(deep_nesting_is_an_error_not_a_crash)
{
    size_t depth = 10000;
    char *sql = malloc(depth * 2 + 32);
    strcpy(sql, "SELECT ");
    size_t n = strlen(sql);
    for (size_t i = 0; i < depth; i++)
        sql[n++] = '(';
    sql[n++] = '1';
    for (size_t i = 0; i < depth; i++)
        sql[n++] = ')';
    strcpy(sql + n, ";\nSELECT 2;\n");
    Parsed r;
    parse(&r, DIALECT_MYSQL, sql);
    ck_assert_int_eq(r.nstmts, 2);
    ck_assert_int_eq(r.kinds[0], N_RAW);
    ck_assert_int_eq(r.kinds[1], N_SELECT);
    ck_assert_str_eq(r.d.v.items[0].code, "SS0012");
    done(&r);
    free(sql);
}
END_TEST

START_TEST(types_and_casts)
{
    Parsed r;
    parse(&r, DIALECT_TSQL, "SELECT CAST(x AS NVARCHAR(MAX)), CONVERT(varchar(10), d, 112), TRY_CAST(y AS DECIMAL(10, 2))");
    HAS(&r, "(TYPE NVARCHAR MAX)");
    HAS(&r, "(CAST syntax=1)");
    HAS(&r, "style:");
    HAS(&r, "(CAST syntax=3)");
    done(&r);
    parse(&r, DIALECT_ORACLE, "SELECT CAST(a AS VARCHAR2(20 CHAR)), DATE '2020-01-01', CAST(t AS TIMESTAMP(6) WITH LOCAL TIME ZONE) FROM dual;");
    HAS(&r, "(TYPE VARCHAR2 CHAR)");
    HAS(&r, "(CAST syntax=5)");
    HAS(&r, "(TYPE TIMESTAMP WITH LOCAL TIME ZONE)");
    done(&r);
}
END_TEST

START_TEST(tsql_select_assignment_is_procedural)
{
    Parsed r;
    parse(&r, DIALECT_TSQL, "declare @d varchar(55)\nselect  @d=convert(varchar,getdate(),113)\nGO\nSELECT 1\n");
    ck_assert_int_eq(r.nstmts, 4);
    ck_assert_int_eq(r.kinds[0], N_OTHER_STMT);
    ck_assert_int_eq(r.kinds[1], N_OTHER_STMT);
    ck_assert_int_eq(r.kinds[3], N_SELECT);
    ck_assert_int_eq(r.d.v.n, 0); /* no error, no runaway nesting */
    done(&r);
}
END_TEST


/* One parse of sql: every statement's dump with positions, its spans, and
 * each INSERT's column names (text, quote, span); with forget, the column
 * list memo is dropped before every statement (every list read token by
 * token). Returns the memo's hits. */
static unsigned parse_cols(StrBuf *out, Dialect dl, const char *sql, int forget)
{
    Parsed r;
    parsed_init(&r, sql, strlen(sql));
    Parser p;
    ps_init(&p, dl, &r.f, &r.sa, &r.d);
    Stmt st;
    for (;;) {
        if (forget)
            ps_colmemo_free(&p);
        if (!ps_next(&p, &st))
            break;
        sb_printf(out, "stmt %u+%u lead %u+%u\n", st.span.off, st.span.len, st.lead.off, st.lead.len);
        if (!st.node)
            continue;
        ast_dump(out, st.node, &r.f, 0);
        uint32_t skip_from = 0, skip_to = 0;
        if (st.node->kind == N_INSERT) {
            const IdentList *c = &((const InsertStmt *)st.node)->cols;
            for (int i = 0; i < c->n; i++)
                sb_printf(out, " col [%.*s] %u q%d %u+%u\n", (int)c->items[i].len, c->items[i].text,
                          c->items[i].len, c->items[i].quote, c->items[i].span.off, c->items[i].span.len);
            if (c->n) {
                skip_from = c->items[0].span.off;
                skip_to = c->items[c->n - 1].span.off + c->items[c->n - 1].span.len;
            }
        }
        /* the statement's tokens and the one after it (ps_next compacts the
         * window when it starts), but those inside a column list, which the
         * memo does not read */
        for (int i = 0; i < p.ntoks && st.node->kind != N_RAW; i++) {
            const Token *t = &p.toks[i];
            if (t->off >= skip_from && t->off < skip_to)
                continue;
            sb_printf(out, " tok %u+%u k%d kw%d f%d a%d\n", t->off, t->len, t->kind, t->kw, t->flags, t->aux);
        }
        arena_reset(&r.sa);
    }
    for (int i = 0; i < r.d.v.n; i++)
        sb_printf(out, "diag %s %u\n", r.d.v.items[i].code, r.d.v.items[i].span.off);
    unsigned hits = p.colmemo.hits;
    ps_free(&p);
    done(&r);
    return hits;
}

/* A repeated INSERT column list taken from the memo gives the statement
 * what reading it token by token gives: names, quotes, spans, the nodes
 * after it, the diagnostics; lists with comments, dotted names, another
 * lexer state (MySQL delimiter, version comment) or other bytes are read
 * again. */
START_TEST(insert_column_lists_repeated)
{
    static const struct { Dialect d; unsigned min_hits; const char *sql; } cases[] = {
        {DIALECT_TSQL, 5,
         "INSERT [t] ([a], b, \"c\"\"d\", [e]]f]) VALUES (1, 'x', N'y', NULL)\n"
         "INSERT [t] ([a], b, \"c\"\"d\", [e]]f]) VALUES (2, 'x', N'y', 0x1F)\n"
         "INSERT t ([a], b, \"c\"\"d\", [e]]f])\nVALUES (3, 'x', N'y', NULL)\n"
         "INSERT t ([a], b, \"c\"\"d\", [e]]f]) /* c */ VALUES (4, -1, 2 + 3, $5)\n"
         "INSERT t ([a], b /* c */, \"c\"\"d\", [e]]f]) VALUES (5, 1, 2, 3)\n"
         "INSERT t ([a], b /* c */, \"c\"\"d\", [e]]f]) VALUES (6, 1, 2, 3)\n"
         "INSERT t (x.[a], b) VALUES (7, 1)\nINSERT t (x.[a], b) VALUES (8, 1)\n"
         "INSERT t ([a], b,\n  c) VALUES (9, 1, 2)\nGO\n"
         "INSERT t ([a], b,\n  c) SELECT 1, 2, 3\n"
         "INSERT t ([a], b,\n  c)\n"
         "INSERT t ([a], b,\n  c) VALUES (1, 2 3)\nINSERT t ([a], b,\n  c) VALUES (1, 2, 3)\n"
         "INSERT t ([a], b,\n  c) VALUES (1, 2, 3)\n"
         "INSERT t (a,\ncreate) VALUES (1, 2)\nINSERT t (a,\ncreate) VALUES (1, 2 3)\n"
         "INSERT t (a,\n create) VALUES (1, 2)\nINSERT t (a,\n create) VALUES (1, 2 3)\n"
         "INSERT t (a, b)VALUES(1, 2)\nINSERT t (a, b)VALUES(1, 2)\n"},
        {DIALECT_MYSQL, 2,
         "INSERT INTO t (`a`, b) VALUES (1, 2);\n"
         "/*!40000 INSERT INTO t (`a`, b) VALUES (1, 2) */;\n"
         "INSERT INTO t (`a`, b) VALUES (1, 2);\n"
         "DELIMITER b)\nINSERT INTO t (`a`, b) VALUES (1, 2)b)\nDELIMITER ;\n"
         "INSERT INTO t (`a`, b) VALUES (1, 'it''s');\nINSERT INTO t (`a`, b) VALUES (1, 'x')"},
        {DIALECT_ORACLE, 2,
         "INSERT INTO t (a, \"B\", c) VALUES (1, 2, 3);\nINSERT INTO t (a, \"B\", c) VALUES (1, 2, 3);\n"
         "BEGIN\nINSERT INTO t (a, \"B\", c) VALUES (1, 2, 3);\nEND;\n/\n"
         "INSERT INTO t (a, \"B\", c) VALUES (1, 2, 3);\nINSERT INTO t (a, \"B\", c)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        StrBuf memo, plain;
        sb_init(&memo);
        sb_init(&plain);
        unsigned hits = parse_cols(&memo, cases[i].d, cases[i].sql, 0);
        ck_assert_uint_eq(parse_cols(&plain, cases[i].d, cases[i].sql, 1), 0);
        ck_assert_uint_ge(hits, cases[i].min_hits);
        ck_assert_ptr_nonnull(strstr(plain.s, " col ["));
        size_t at = 0;
        while (memo.s[at] && memo.s[at] == plain.s[at])
            at++;
        size_t from = at > 80 ? at - 80 : 0;
        ck_assert_msg(memo.s[at] == 0 && plain.s[at] == 0,
                      "case %zu differs at %zu:\nmemo: %.160s\nplain: %.160s", i, at,
                      memo.s + from, plain.s + from);
        sb_free(&memo);
        sb_free(&plain);
    }
}
END_TEST


/* A routine kept verbatim is skipped without keeping its tokens: the
 * window stays at its first size however long the body, and the statement
 * still spans it from its first token to its end (package body, PL/SQL
 * block starting the statement, T-SQL procedure that does not parse). */
START_TEST(skipped_bodies_keep_the_window_small)
{
    static const struct { Dialect d; const char *head, *line, *tail, *next; } cases[] = {
        {DIALECT_ORACLE, "CREATE OR REPLACE PACKAGE BODY pk AS\n", "  v := v + 1;\n",
         "END pk;\n/\n", "SELECT 1 FROM dual;\n"},
        {DIALECT_ORACLE, "DECLARE\n  v NUMBER;\nBEGIN\n", "  v := v + 1;\n", "END;\n/\n",
         "SELECT 2 FROM dual;\n"},
        {DIALECT_TSQL, "CREATE PROCEDURE p AS\nBEGIN\n", "  SET @v = @v + 1 +;\n", "END\nGO\n",
         "SELECT 3\n"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        StrBuf sql;
        sb_init(&sql);
        sb_puts(&sql, "  ");
        sb_puts(&sql, cases[c].head);
        for (int i = 0; i < 3000; i++)
            sb_puts(&sql, cases[c].line);
        sb_puts(&sql, cases[c].tail);
        size_t next_at = sql.len;
        sb_puts(&sql, cases[c].next);
        Parsed r;
        parsed_init(&r, sql.s, sql.len);
        Parser p;
        ps_init(&p, cases[c].d, &r.f, &r.sa, &r.d);
        int cap0 = p.captoks;
        Stmt st;
        ck_assert(ps_next(&p, &st));
        ck_assert_int_eq(st.node->kind, N_ROUTINE);
        ck_assert_int_le(p.captoks, cap0);
        ck_assert_uint_eq(st.span.off, 2);
        /* through END ...; (Oracle) or END (T-SQL): the / or GO line is the next statement */
        const char *end = strstr(sql.s + 2 + strlen(cases[c].head) + 3000 * strlen(cases[c].line), "END");
        size_t end_len = cases[c].d == DIALECT_TSQL ? 3 : strcspn(end, ";") + 1;
        ck_assert_uint_eq(st.span.off + st.span.len, (size_t)(end - sql.s) + end_len);
        /* the body's last token is whole, its keyword too, though the body
         * was skimmed without keyword lookups */
        const Token *last = &p.toks[p.pos - 1];
        ck_assert_uint_eq(last->off + last->len, st.span.off + st.span.len);
        if (cases[c].d == DIALECT_TSQL) {
            ck_assert_int_eq(last->kind, TK_IDENT);
            ck_assert_int_eq(last->kw, KW_END);
            ck_assert(last->flags & TF_LINE_START);
        } else {
            ck_assert_int_eq(last->kind, TK_SEMI);
        }
        arena_reset(&r.sa);
        ck_assert(ps_next(&p, &st)); /* '/' or GO */
        arena_reset(&r.sa);
        ck_assert(ps_next(&p, &st));
        ck_assert_int_eq(st.node->kind, N_SELECT);
        ck_assert_uint_eq(st.span.off, next_at);
        ps_free(&p);
        done(&r);
        sb_free(&sql);
    }
}
END_TEST

Suite *parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, keyword_lookup_every_word);
    tcase_add_test(tc, keyword_lookup_in_text);
    tcase_add_test(tc, tsql_batches_without_semicolons);
    tcase_add_test(tc, precedence_and_predicates);
    tcase_add_test(tc, mysql_delimiter_and_routines);
    tcase_add_test(tc, oracle_blocks_end_at_slash);
    tcase_add_test(tc, queries_cte_setops_windows);
    tcase_add_test(tc, dml_forms);
    tcase_add_test(tc, tsql_if_exists_drop_becomes_drop_if_exists);
    tcase_add_test(tc, error_recovery_reports_position_and_continues);
    tcase_add_test(tc, deep_nesting_is_an_error_not_a_crash);
    tcase_add_test(tc, types_and_casts);
    tcase_add_test(tc, tsql_select_assignment_is_procedural);
    tcase_add_test(tc, values_rows_of_changing_width);
    tcase_add_test(tc, insert_column_lists_repeated);
    tcase_add_test(tc, skipped_bodies_keep_the_window_small);
    suite_add_tcase(s, tc);
    return s;
}
