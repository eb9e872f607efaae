/* tests: the extraction sink (src/db/extract_write.c) without a server:
 * creation order (kind, same-kind dependencies, cycles, schema and name),
 * file names, the manifest and its escapes, one-script output, patterns,
 * and the temporary-name-then-rename rules (nothing left on failure, a
 * folder of the user's never replaced). */
#include "unit.h"
#include "db/extract.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char base[256];

static void make_base(void)
{
    const char *td = getenv("TMPDIR");
    snprintf(base, sizeof base, "%s/sqlshift-unit-extract.XXXXXX", td && *td ? td : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(base));
}

static void rm_rf(const char *path)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    ck_assert_int_eq(system(cmd), 0);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

/* The names in dir, sorted, joined by spaces. */
static char *listing(const char *dir)
{
    static char out[8192];
    struct dirent **ents;
    int n = scandir(dir, &ents, NULL, alphasort);
    ck_assert_int_ge(n, 0);
    out[0] = 0;
    for (int i = 0; i < n; i++) {
        if (ents[i]->d_name[0] != '.') {
            strcat(out, ents[i]->d_name);
            strcat(out, " ");
        }
        free(ents[i]);
    }
    free(ents);
    return out;
}

static void put(ExtractSink *s, ExtractKind k, const char *schema, const char *name, const char *ddl,
                const char *dep1, const char *dep2)
{
    const char *deps[2] = {dep1, dep2};
    ExtractObject o = {k, schema, name, ddl, deps, dep2 ? 2 : dep1 ? 1 : 0, NULL};
    DbError err;
    ck_assert_int_eq(extract_sink_put(s, &o, &err), 0);
}

START_TEST(order_and_manifest)
{
    make_base();
    char out[300];
    snprintf(out, sizeof out, "%s/x", base);
    ExtractSinkOpts so = {out, NULL, 0, "MySQL"};
    ExtractSink *s;
    DbError err;
    ck_assert_int_eq(extract_sink_open(&so, &s, &err), 0);
    /* handed over in an arbitrary order */
    put(s, EX_PROCEDURE, "db", "p", "CREATE PROCEDURE p() BEGIN END;\n", NULL, NULL);
    put(s, EX_VIEW, "db", "a_top", "CREATE VIEW a_top AS SELECT * FROM m_mid;\n", "db.m_mid", NULL);
    put(s, EX_VIEW, "db", "m_mid", "CREATE VIEW m_mid AS SELECT * FROM z_base;\n", "db.z_base", "db.m_mid");
    put(s, EX_VIEW, "db", "z_base", "CREATE VIEW z_base AS SELECT 1;\n", "other.unknown", NULL);
    put(s, EX_VIEW, "db", "c_cyc", "CREATE VIEW c_cyc AS SELECT * FROM b_cyc;\n", "db.b_cyc", NULL);
    put(s, EX_VIEW, "db", "b_cyc", "CREATE VIEW b_cyc AS SELECT * FROM c_cyc;\n", "db.c_cyc", NULL);
    put(s, EX_TABLE, "db", "T;1 \"x\"", "CREATE TABLE `T;1 \"x\"` (a int);\n", NULL, NULL);
    put(s, EX_TABLE, "a", "tab\tname", "CREATE TABLE t (a int);\n", NULL, NULL);
    ExtractObject unread = {EX_FUNCTION, "db", "f", NULL, NULL, 0, "no privilege"};
    ck_assert_int_eq(extract_sink_put(s, &unread, &err), 0);
    ck_assert_int_eq(extract_sink_count(s), 9);
    ck_assert_int_eq(extract_sink_close(s, 1, &err), 0);

    /* tables by schema and name; views after what they read (a dependency
     * that is not extracted, or on itself, ignored); a cycle is broken at
     * its smallest member (b_cyc) once nothing else is ready; then the
     * procedure */
    /* routines before views: a view may call a function */
    ck_assert_str_eq(listing(out), "0001_table_a.tab_name.sql 0002_table_db.t_1__x_.sql 0003_procedure_db.p.sql "
                                   "0004_view_db.z_base.sql 0005_view_db.m_mid.sql 0006_view_db.a_top.sql "
                                   "0007_view_db.b_cyc.sql 0008_view_db.c_cyc.sql manifest.tsv ");
    char path[400];
    snprintf(path, sizeof path, "%s/0002_table_db.t_1__x_.sql", out);
    ck_assert_str_eq(slurp(path), "CREATE TABLE `T;1 \"x\"` (a int);\n");
    snprintf(path, sizeof path, "%s/manifest.tsv", out);
    const char *m = slurp(path);
    ck_assert_ptr_nonnull(strstr(m, "# sqlshift extract manifest (source: MySQL)"));
    ck_assert_ptr_nonnull(strstr(m, "\nposition\tkind\tschema\tname\tfile\tdependencies\tnote\n"
                                    "1\ttable\ta\ttab\\tname\t0001_table_a.tab_name.sql\t\t\n"
                                    "2\ttable\tdb\tT;1 \"x\"\t0002_table_db.t_1__x_.sql\t\t\n"));
    ck_assert_ptr_nonnull(strstr(m, "5\tview\tdb\tm_mid\t0005_view_db.m_mid.sql\tdb.z_base,db.m_mid\t\n"));
    ck_assert_ptr_nonnull(strstr(m, "3\tprocedure\tdb\tp\t0003_procedure_db.p.sql\t\t\n"));
    ck_assert_ptr_nonnull(strstr(m, "\n-\tfunction\tdb\tf\t\t\tnot extracted: no privilege\n"));
    /* no temporary folder left next to the output */
    ck_assert_str_eq(listing(base), "x ");
    rm_rf(base);
}
END_TEST

START_TEST(one_file_and_discard)
{
    make_base();
    char out[300];
    snprintf(out, sizeof out, "%s/sub/one.sql", base); /* parent created */
    ExtractSinkOpts so = {out, NULL, 0, "MySQL"};
    ExtractSink *s;
    DbError err;
    ck_assert_int_eq(extract_sink_open(&so, &s, &err), 0);
    put(s, EX_VIEW, "db", "v", "CREATE VIEW v AS SELECT 1;\n", NULL, NULL);
    put(s, EX_TABLE, "db", "t", "CREATE TABLE t (a int);\n", NULL, NULL);
    ck_assert_int_eq(extract_sink_close(s, 1, &err), 0);
    ck_assert_str_eq(slurp(out), "CREATE TABLE t (a int);\nCREATE VIEW v AS SELECT 1;\n");
    char sub[300];
    snprintf(sub, sizeof sub, "%s/sub", base);
    ck_assert_str_eq(listing(sub), "one.sql ");

    /* a failed run (commit = 0) leaves the earlier output and nothing else */
    ck_assert_int_eq(extract_sink_open(&so, &s, &err), 0);
    put(s, EX_TABLE, "db", "other", "CREATE TABLE other (a int);\n", NULL, NULL);
    ck_assert_int_eq(extract_sink_close(s, 0, &err), 0);
    ck_assert_str_eq(slurp(out), "CREATE TABLE t (a int);\nCREATE VIEW v AS SELECT 1;\n");
    ck_assert_str_eq(listing(sub), "one.sql ");
    rm_rf(base);
}
END_TEST

START_TEST(folder_replacement_rules)
{
    make_base();
    char out[300], path[400];
    snprintf(out, sizeof out, "%s/mine", base);
    mkdir(out, 0777);
    snprintf(path, sizeof path, "%s/notes.txt", out);
    FILE *f = fopen(path, "w");
    fputs("keep\n", f);
    fclose(f);
    ExtractSinkOpts so = {out, NULL, 0, "MySQL"};
    ExtractSink *s;
    DbError err;
    /* a folder of the user's: refused before anything is read */
    ck_assert_int_eq(extract_sink_open(&so, &s, &err), -1);
    ck_assert_int_eq(err.kind, DBE_URL);
    ck_assert_ptr_nonnull(strstr(err.msg, "not an earlier extract"));
    ck_assert_str_eq(listing(out), "notes.txt ");
    ck_assert_str_eq(listing(base), "mine ");

    /* an earlier extract is replaced as a whole */
    snprintf(out, sizeof out, "%s/ex", base); /* so.output points to out */
    ck_assert_int_eq(extract_sink_open(&so, &s, &err), 0);
    put(s, EX_TABLE, "db", "old", "CREATE TABLE old (a int);\n", NULL, NULL);
    ck_assert_int_eq(extract_sink_close(s, 1, &err), 0);
    ck_assert_int_eq(extract_sink_open(&so, &s, &err), 0);
    put(s, EX_TABLE, "db", "new", "CREATE TABLE new (a int);\n", NULL, NULL);
    ck_assert_int_eq(extract_sink_close(s, 1, &err), 0);
    ck_assert_str_eq(listing(out), "0001_table_db.new.sql manifest.tsv ");
    ck_assert_str_eq(listing(base), "ex mine ");
    rm_rf(base);
}
END_TEST

START_TEST(patterns_anchored)
{
    const char *sch[] = {"shop_.*"};
    const char *inc[] = {"film.*", "db\\.actor"};
    const char *exc[] = {"film_text"};
    ExtractFilter flt = {sch, 1, inc, 2, exc, 1};
    make_base();
    char out[300];
    snprintf(out, sizeof out, "%s/p", base);
    ExtractSinkOpts so = {out, &flt, 0, "MySQL"};
    ExtractSink *s;
    DbError err;
    ck_assert_int_eq(extract_sink_open(&so, &s, &err), 0);
    ck_assert_int_eq(extract_sink_has_schema_patterns(s), 1);
    ck_assert_int_eq(extract_sink_selects_schema(s, "shop_eu"), 1);
    ck_assert_int_eq(extract_sink_selects_schema(s, "myshop_eu"), 0); /* anchored at the start */
    ck_assert_int_eq(extract_sink_selects(s, "db", "film"), 1);
    ck_assert_int_eq(extract_sink_selects(s, "db", "film_actor"), 1);
    ck_assert_int_eq(extract_sink_selects(s, "db", "film_text"), 0);  /* excluded */
    ck_assert_int_eq(extract_sink_selects(s, "db", "a_film"), 0);     /* anchored */
    ck_assert_int_eq(extract_sink_selects(s, "db", "actor"), 1);      /* schema.name */
    ck_assert_int_eq(extract_sink_selects(s, "other", "actor"), 0);
    ck_assert_int_eq(extract_sink_selects(s, "db", "actors"), 0);     /* anchored at the end */
    extract_sink_close(s, 0, &err);

    const char *bad[] = {"("};
    ExtractFilter fb = {NULL, 0, bad, 1, NULL, 0};
    so.filter = &fb;
    ck_assert_int_eq(extract_sink_open(&so, &s, &err), -1);
    ck_assert_int_eq(err.kind, DBE_URL);
    ck_assert_ptr_nonnull(strstr(err.msg, "--include '(': bad pattern"));
    ck_assert_str_eq(listing(base), "");
    rm_rf(base);
}
END_TEST

Suite *extract_suite(void)
{
    Suite *s = suite_create("extract");
    TCase *t = tcase_create("sink");
    tcase_add_test(t, order_and_manifest);
    tcase_add_test(t, one_file_and_discard);
    tcase_add_test(t, folder_replacement_rules);
    tcase_add_test(t, patterns_anchored);
    suite_add_tcase(s, t);
    return s;
}
