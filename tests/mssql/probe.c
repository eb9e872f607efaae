/* tests: connects to a SQL Server URL through the FreeTDS driver as the
 * extract command does, and reports the outcome the way the CLI does:
 * one line "sqlshift: <URL>: <cause>" and the exit status of cli.h
 * (2 bad URL, 5 connection problem, 4 other), or "connected: <version>".
 * The word PORT in the URL is replaced by a local port prepared first:
 *
 *   mssql_probe URL [--connect-timeout N] [--query-timeout N]
 *               [--port closed|close|silent|fake:MODE] [--extract]
 *
 *   closed     a port nothing listens on (bound, then released);
 *   close      a listener that accepts and closes at once (server gone);
 *   silent     a listener that accepts and never answers (login timeout);
 *   fake:MODE  a minimal TDS server (fake_tds.c; MODE ok, badlogin, nodb,
 *              oldversion, hang, drop).
 * --extract runs the catalogue reader on the connection and prints the
 * objects (as mssql_replay does).
 * The password comes from SQLSHIFT_PASSWORD (db_password, never prompting). */
#include "db/db.h"
#include "db/mssql_script.h"
#include "cli/cli.h"
#include "fake_tds.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t child;

/* A socket on 127.0.0.1 with a free port; listening unless `closed`. */
static int local_port(const char *mode)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) || getsockname(s, (struct sockaddr *)&a, &len)) {
        perror("mssql_probe: socket");
        exit(4);
    }
    int port = ntohs(a.sin_port);
    if (!strcmp(mode, "closed")) {
        close(s);
        return port;
    }
    if (listen(s, 4)) {
        perror("mssql_probe: listen");
        exit(4);
    }
    child = fork();
    if (child == 0) {
        alarm(60); /* never outlive the test */
        if (!strncmp(mode, "fake:", 5)) {
            fake_tds_serve(s, mode + 5);
            _exit(0);
        }
        for (;;) {
            int c = accept(s, NULL, NULL);
            if (c < 0)
                _exit(0);
            if (!strcmp(mode, "close"))
                close(c);
            /* silent: keep it open and say nothing */
        }
    }
    close(s);
    return port;
}

static int print_object(void *ctx, const ExtractObject *o, DbError *err)
{
    (void)ctx, (void)err;
    printf("-- object: %d %s.%s\n%s", (int)o->kind, o->schema, o->name, o->ddl);
    return 0;
}

static int select_all(void *ctx, const char *schema, const char *name)
{
    (void)ctx, (void)schema, (void)name;
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: mssql_probe URL [--connect-timeout N] [--port closed|close|silent]\n");
        return EXIT_USAGE;
    }
    DbOpts o = {NULL, 0, 0, 1};
    const char *mode = NULL;
    int extract = 0;
    for (int i = 2; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : "";
        if (!strcmp(argv[i], "--extract"))
            extract = 1;
        else if (!strcmp(argv[i], "--connect-timeout"))
            o.connect_timeout = atoi(v), i++;
        else if (!strcmp(argv[i], "--query-timeout"))
            o.query_timeout = atoi(v), i++;
        else if (!strcmp(argv[i], "--port"))
            mode = v, i++;
    }
    char url[1024];
    snprintf(url, sizeof url, "%s", argv[1]);
    char *ph = strstr(url, "PORT");
    if (ph && mode) {
        char rest[1024];
        snprintf(rest, sizeof rest, "%s", ph + 4);
        snprintf(ph, sizeof url - (size_t)(ph - url), "%d%s", local_port(mode), rest);
    }
    DbUrl u;
    DbError err;
    int status = EXIT_DONE;
    if (db_url_parse(url, &u, &err)) {
        printf("sqlshift: %s: %s\n", url, err.msg);
        status = EXIT_USAGE;
    } else {
        const DbDriver *d = db_driver(u.engine);
        if (!d) {
            printf("sqlshift: this build has no driver for %s\n", u.display);
            status = EXIT_INTERNAL;
        } else {
            char *pw = db_password(&u, &o, &err);
            DbConn *c = d->connect(&u, pw, &o, &err);
            free(pw);
            if (!c) {
                printf("sqlshift: %s: %s\n", u.display, err.msg);
                status = err.kind == DBE_URL ? EXIT_USAGE
                         : err.kind >= DBE_CONNECT && err.kind <= DBE_VERSION ? EXIT_CONNECT : EXIT_INTERNAL;
            } else {
                printf("connected: %s %s\n", d->name, d->server_version(c));
                MsOut out = {print_object, select_all, NULL, NULL};
                if (extract && ms_extract_run(d, c, &out, &err)) {
                    printf("sqlshift: %s: %s\n", u.display, err.msg);
                    status = err.kind >= DBE_CONNECT && err.kind <= DBE_VERSION ? EXIT_CONNECT : EXIT_INTERNAL;
                }
                d->close(c);
            }
        }
        db_url_free(&u);
    }
    if (child > 0) {
        kill(child, SIGTERM);
        waitpid(child, NULL, 0);
    }
    return status;
}
