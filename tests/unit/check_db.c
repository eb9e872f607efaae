/* tests: src/db without a server: URL parsing (db_url_parse), password
 * sources (db_password: environment, password file as one line or .pgpass
 * lines), and how apply splits converted output into statements per object. */
#include "unit.h"
#include "db/apply.h"
#include "db/db.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- db_url_parse ---- */

START_TEST(url_postgres_uri)
{
    DbUrl u;
    DbError e;
    ck_assert_int_eq(db_url_parse("postgresql://alice@db.example:6543/sales?sslmode=verify-full&sslrootcert=/ca.pem", &u, &e), 0);
    ck_assert_int_eq(u.engine, DB_POSTGRES);
    ck_assert_str_eq(u.user, "alice");
    ck_assert_str_eq(u.host, "db.example");
    ck_assert_int_eq(u.port, 6543);
    ck_assert_str_eq(u.dbname, "sales");
    ck_assert_str_eq(u.tls, "verify-full");
    ck_assert_str_eq(u.tls_ca, "/ca.pem");
    /* libpq gets the text unchanged */
    ck_assert_str_eq(u.conninfo, "postgresql://alice@db.example:6543/sales?sslmode=verify-full&sslrootcert=/ca.pem");
    db_url_free(&u);
}
END_TEST

START_TEST(url_postgres_keyvalue_socket)
{
    DbUrl u;
    DbError e;
    ck_assert_int_eq(db_url_parse("host=/tmp/pg dbname='my db' user=bob", &u, &e), 0);
    ck_assert_int_eq(u.engine, DB_POSTGRES);
    ck_assert_str_eq(u.socket, "/tmp/pg");
    ck_assert_str_eq(u.dbname, "my db");
    ck_assert_str_eq(u.user, "bob");
    db_url_free(&u);
}
END_TEST

START_TEST(url_password_refused)
{
    static const char *const bad[] = {
        "postgresql://bob:secret@host/db", "host=h password=secret",
        "mysql://bob:secret@host/db", "mysql://bob@host/db?password=secret",
        "mssql://sa:secret@host/db",
    };
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        DbUrl u;
        DbError e;
        ck_assert_int_eq(db_url_parse(bad[i], &u, &e), -1);
        ck_assert_int_eq(e.kind, DBE_URL);
        ck_assert_ptr_nonnull(strstr(e.msg, "password"));
        /* the refused secret is not repeated in the message */
        ck_assert_ptr_null(strstr(e.msg, "secret"));
    }
}
END_TEST

START_TEST(url_mysql)
{
    DbUrl u;
    DbError e;
    ck_assert_int_eq(db_url_parse("mysql://root@localhost:3307/sakila?socket=%2Ftmp%2Fm.sock&tls=required&tls-ca=/c.pem", &u, &e), 0);
    ck_assert_int_eq(u.engine, DB_MYSQL);
    ck_assert_str_eq(u.user, "root");
    ck_assert_str_eq(u.host, "localhost");
    ck_assert_int_eq(u.port, 3307);
    ck_assert_str_eq(u.dbname, "sakila");
    ck_assert_str_eq(u.socket, "/tmp/m.sock");
    ck_assert_str_eq(u.tls, "required");
    ck_assert_str_eq(u.tls_ca, "/c.pem");
    ck_assert_ptr_null(u.conninfo);
    db_url_free(&u);
    ck_assert_int_eq(db_url_parse("mariadb://[::1]:3306/x", &u, &e), 0);
    ck_assert_int_eq(u.engine, DB_MYSQL);
    ck_assert_str_eq(u.host, "::1");
    ck_assert_ptr_null(u.user);
    db_url_free(&u);
}
END_TEST

START_TEST(url_mssql)
{
    DbUrl u;
    DbError e;
    ck_assert_int_eq(db_url_parse("mssql://sa@sql1/AdventureWorks", &u, &e), 0);
    ck_assert_int_eq(u.engine, DB_MSSQL);
    ck_assert_str_eq(u.user, "sa");
    ck_assert_str_eq(u.host, "sql1");
    ck_assert_int_eq(u.port, 0);
    ck_assert_str_eq(u.dbname, "AdventureWorks");
    ck_assert_str_eq(u.display, "mssql://sa@sql1/AdventureWorks");
    db_url_free(&u);
}
END_TEST

START_TEST(url_malformed)
{
    static const char *const bad[] = {
        "oracle://x@h/db", "just-a-name", "mysql://u@h:99999/db", "mysql://u@h:12x/db",
        "mysql://u@h/db?colour=red", "mysql://u@[::1/db", "mysql:///db", "mysql://u@h/d%zzb",
        "host=h port",
    };
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        DbUrl u;
        DbError e;
        ck_assert_msg(db_url_parse(bad[i], &u, &e) == -1, "accepted: %s", bad[i]);
        ck_assert_int_eq(e.kind, DBE_URL);
        ck_assert(e.msg[0] != 0);
    }
}
END_TEST

/* ---- db_password ---- */

static char *write_tmp(const char *text)
{
    char *path = strdup("/tmp/sqlshift-unit-pw.XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

static char *pw_for(const char *url, const char *file_text, DbError *e)
{
    DbUrl u;
    ck_assert_int_eq(db_url_parse(url, &u, e), 0);
    char *path = file_text ? write_tmp(file_text) : NULL;
    DbOpts o = {path, 0, 0, 1};
    char *pw = db_password(&u, &o, e);
    if (path) {
        unlink(path);
        free(path);
    }
    db_url_free(&u);
    return pw;
}

START_TEST(password_env)
{
    DbError e;
    unsetenv("MYSQL_PWD");
    unsetenv("PGPASSWORD");
    unsetenv("SQLSHIFT_PASSWORD");
    setenv("MYSQL_PWD", "from-env", 1);
    char *pw = pw_for("mysql://u@h/db", "ignored-when-env-set\n", &e);
    ck_assert_str_eq(pw, "from-env");
    free(pw);
    unsetenv("MYSQL_PWD");
    setenv("SQLSHIFT_PASSWORD", "tds-env", 1);
    pw = pw_for("mssql://sa@h/db", NULL, &e);
    ck_assert_str_eq(pw, "tds-env");
    free(pw);
    unsetenv("SQLSHIFT_PASSWORD");
    /* PostgreSQL without any source: NULL, so that libpq reads ~/.pgpass */
    pw = pw_for("postgresql://u@h/db", NULL, &e);
    ck_assert_ptr_null(pw);
    ck_assert_int_eq(e.kind, DBE_NONE);
}
END_TEST

START_TEST(password_file_one_line)
{
    DbError e;
    unsetenv("MYSQL_PWD");
    char *pw = pw_for("mysql://u@h/db", "s3cr:et with spaces\n", &e);
    ck_assert_str_eq(pw, "s3cr:et with spaces");
    free(pw);
    pw = pw_for("mysql://u@h/db", "# a comment\n\nno-newline-at-end", &e);
    ck_assert_str_eq(pw, "no-newline-at-end");
    free(pw);
}
END_TEST

START_TEST(password_file_pgpass)
{
    DbError e;
    unsetenv("PGPASSWORD");
    unsetenv("MYSQL_PWD");
    const char *file = "# host:port:database:user:password\n"
                       "other:5432:sales:alice:wrong-host\n"
                       "db1:5432:sales:bob:wrong-user\n"
                       "db1:6000:*:alice:wrong-port\n"
                       "db1:*:sales:alice:pa\\:ss\\\\word\n"
                       "*:*:*:*:fallback\n";
    char *pw = pw_for("postgresql://alice@db1:5432/sales", file, &e);
    ck_assert_str_eq(pw, "pa:ss\\word");
    free(pw);
    pw = pw_for("postgresql://carol@elsewhere/x", file, &e);
    ck_assert_str_eq(pw, "fallback");
    free(pw);
    /* no host in the URL: .pgpass calls that localhost */
    pw = pw_for("mysql://u@localhost/db", "localhost:*:db:u:local\n", &e);
    ck_assert_str_eq(pw, "local");
    free(pw);
    /* .pgpass lines but none for this server: an error naming the file */
    pw = pw_for("postgresql://alice@db9/sales", "db1:*:sales:alice:x\ndb2:*:sales:alice:y\n", &e);
    ck_assert_ptr_null(pw);
    ck_assert_int_eq(e.kind, DBE_URL);
    ck_assert_ptr_nonnull(strstr(e.msg, "has no line for this server"));
}
END_TEST

START_TEST(password_file_missing)
{
    DbUrl u;
    DbError e;
    unsetenv("MYSQL_PWD");
    ck_assert_int_eq(db_url_parse("mysql://u@h/db", &u, &e), 0);
    DbOpts o = {"/nonexistent/sqlshift-pw", 0, 0, 1};
    ck_assert_ptr_null(db_password(&u, &o, &e));
    ck_assert_int_eq(e.kind, DBE_URL);
    ck_assert_ptr_nonnull(strstr(e.msg, "/nonexistent/sqlshift-pw"));
    db_url_free(&u);
}
END_TEST

/* ---- apply_load: statements per object ---- */

START_TEST(apply_split_statements)
{
    const char *text =
        "-- sqlshift 0.1.0: tsql -> postgresql\n"
        "CREATE SCHEMA IF NOT EXISTS s1;\n"
        "\n"
        "-- table dbo.A;B (in.sql:3:1)\n"
        "CREATE TABLE \"a;b\" (x text DEFAULT 'it''s; here', y text DEFAULT E'\\';');\n"
        "COMMENT ON TABLE \"a;b\" IS 'semi;colon'; -- trailing; comment\n"
        "\n"
        "-- function dbo.F (in.sql:10:5)\n"
        "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$\n"
        "BEGIN\n"
        "-- table not.A (header.sql:1:1)\n"
        "  RETURN 1; /* ; */\n"
        "END;\n"
        "$fn$;\n"
        "\n"
        "-- foreign keys dbo.A;B (in.sql:3:1)\n"
        "/* a ; block comment */ ALTER TABLE \"a;b\" ADD PRIMARY KEY (x);\n"
        "\n"
        "-- procedure dbo.P (in.sql:20:1)\n"
        "-- SS4001 high: kept verbatim\n"
        "-- | CREATE PROCEDURE P AS SELECT 1;\n";
    char *path = write_tmp(text);
    ApplyPlan p;
    char *err = NULL;
    ck_assert_int_eq(apply_load(path, DB_POSTGRES, &p, &err), 0);
    ck_assert_int_eq(p.n, 5);
    ck_assert_int_eq(p.nstmts, 5);
    /* statements before the first header: an object of their own */
    ck_assert_str_eq(p.objs[0].kind, "");
    ck_assert_ptr_null(p.objs[0].src_file);
    ck_assert_str_eq(p.objs[0].stmts[0].sql, "CREATE SCHEMA IF NOT EXISTS s1");
    ck_assert_int_eq(p.objs[0].stmts[0].line, 2);

    ck_assert_str_eq(p.objs[1].kind, "table");
    ck_assert_str_eq(p.objs[1].name, "dbo.A;B");
    ck_assert_str_eq(p.objs[1].src_file, "in.sql");
    ck_assert_int_eq(p.objs[1].src_line, 3);
    ck_assert_int_eq(p.objs[1].nstmts, 2);
    ck_assert_str_eq(p.objs[1].stmts[0].sql,
                     "CREATE TABLE \"a;b\" (x text DEFAULT 'it''s; here', y text DEFAULT E'\\';')");
    ck_assert_str_eq(p.objs[1].stmts[1].sql, "COMMENT ON TABLE \"a;b\" IS 'semi;colon'");
    ck_assert_int_eq(p.objs[1].stmts[1].line, 6);

    ck_assert_str_eq(p.objs[2].kind, "function");
    ck_assert_int_eq(p.objs[2].src_col, 5);
    ck_assert_int_eq(p.objs[2].nstmts, 1);
    ck_assert_ptr_nonnull(strstr(p.objs[2].stmts[0].sql, "RETURN 1; /* ; */\nEND;\n$fn$"));

    ck_assert_str_eq(p.objs[3].kind, "foreign keys");
    ck_assert_str_eq(p.objs[3].name, "dbo.A;B");
    ck_assert_str_eq(p.objs[3].stmts[0].sql, "ALTER TABLE \"a;b\" ADD PRIMARY KEY (x)");

    ck_assert_str_eq(p.objs[4].kind, "procedure");
    ck_assert_int_eq(p.objs[4].nstmts, 0);
    apply_plan_free(&p);
    unlink(path);
    free(path);
}
END_TEST

START_TEST(apply_install_includes)
{
    char dir[] = "/tmp/sqlshift-unit-split.XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char p1[128], p2[128], pi[128];
    snprintf(p1, sizeof p1, "%s/0001_table_t.sql", dir);
    snprintf(p2, sizeof p2, "%s/0002_view_v.sql", dir);
    snprintf(pi, sizeof pi, "%s/install.sql", dir);
    FILE *f = fopen(p1, "w");
    fputs("-- table t (a.sql:1:1)\nCREATE TABLE t (x int);\n", f);
    fclose(f);
    f = fopen(p2, "w");
    fputs("-- view v (a.sql:4:1)\nCREATE VIEW v AS SELECT x FROM t;\n", f);
    fclose(f);
    f = fopen(pi, "w");
    fputs("-- install script\n\\ir 0001_table_t.sql\n\\set ON_ERROR_STOP on\n\\ir 0002_view_v.sql\n", f);
    fclose(f);
    ApplyPlan p;
    char *err = NULL;
    ck_assert_int_eq(apply_load(dir, DB_POSTGRES, &p, &err), 0);
    ck_assert_int_eq(p.n, 2);
    ck_assert_str_eq(p.objs[0].name, "t");
    ck_assert_str_eq(p.objs[1].name, "v");
    ck_assert_str_eq(p.objs[1].stmts[0].file, p2);
    ck_assert_int_eq(p.objs[1].stmts[0].line, 2);
    apply_plan_free(&p);
    unlink(pi);
    /* a folder without install.sql is not a --split folder */
    ck_assert_int_eq(apply_load(dir, DB_POSTGRES, &p, &err), -1);
    ck_assert_ptr_nonnull(strstr(err, "install.sql"));
    free(err);
    apply_plan_free(&p);
    unlink(p1);
    unlink(p2);
    rmdir(dir);
}
END_TEST

START_TEST(apply_mysql_delimiters)
{
    const char *text =
        "-- table t (m.sql:1:1)\n"
        "CREATE TABLE `t;1` (x varchar(5) DEFAULT 'a;b');\n"
        "-- procedure p (m.sql:3:1)\n"
        "DELIMITER $$\n"
        "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$\n"
        "DELIMITER ;\n";
    char *path = write_tmp(text);
    ApplyPlan p;
    char *err = NULL;
    ck_assert_int_eq(apply_load(path, DB_MYSQL, &p, &err), 0);
    ck_assert_int_eq(p.n, 2);
    ck_assert_str_eq(p.objs[0].stmts[0].sql, "CREATE TABLE `t;1` (x varchar(5) DEFAULT 'a;b')");
    ck_assert_int_eq(p.objs[1].nstmts, 1);
    ck_assert_str_eq(p.objs[1].stmts[0].sql, "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END");
    apply_plan_free(&p);
    unlink(path);
    free(path);
}
END_TEST

Suite *db_suite(void)
{
    Suite *s = suite_create("db");
    TCase *t = tcase_create("url");
    tcase_add_test(t, url_postgres_uri);
    tcase_add_test(t, url_postgres_keyvalue_socket);
    tcase_add_test(t, url_password_refused);
    tcase_add_test(t, url_mysql);
    tcase_add_test(t, url_mssql);
    tcase_add_test(t, url_malformed);
    suite_add_tcase(s, t);
    t = tcase_create("password");
    tcase_add_test(t, password_env);
    tcase_add_test(t, password_file_one_line);
    tcase_add_test(t, password_file_pgpass);
    tcase_add_test(t, password_file_missing);
    suite_add_tcase(s, t);
    t = tcase_create("apply");
    tcase_add_test(t, apply_split_statements);
    tcase_add_test(t, apply_install_includes);
    tcase_add_test(t, apply_mysql_delimiters);
    suite_add_tcase(s, t);
    return s;
}
