/* db: where a password comes from. Never the command line: the engine's
 * conventional environment variable, a password file, libpq's own ~/.pgpass,
 * or a prompt on the terminal with echo off. */
#include "db/db.h"
#include "db/db_open.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const char *env_name(DbEngine e)
{
    switch (e) {
    case DB_POSTGRES: return "PGPASSWORD";
    case DB_MYSQL: return "MYSQL_PWD";
    case DB_MSSQL: return "SQLSHIFT_PASSWORD";
    }
    return "SQLSHIFT_PASSWORD";
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = 0;
}

/* Split a .pgpass line into its 5 fields (\: and \\ escapes); 1 if it has
 * exactly five. Fields point into line, which is unescaped in place. */
static int pgpass_fields(char *line, char *f[5])
{
    int k = 0;
    char *o = line;
    f[0] = o;
    for (char *p = line; *p; p++) {
        if (*p == '\\' && p[1]) {
            *o++ = *++p;
        } else if (*p == ':' && k < 4) {
            *o++ = 0;
            f[++k] = o;
        } else
            *o++ = *p;
    }
    *o = 0;
    return k == 4;
}

static int field_match(const char *pat, const char *val, const char *dflt)
{
    if (!strcmp(pat, "*"))
        return 1;
    return !strcmp(pat, val ? val : dflt);
}

static char *from_file(const DbUrl *u, const char *path, DbError *err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        err->kind = DBE_URL;
        snprintf(err->msg, sizeof err->msg, "cannot read the password file %s: %s", path, strerror(errno));
        return NULL;
    }
    char line[1024];
    char *found = NULL;
    int nlines = 0, first_plain = 0;
    char first[1024] = "";
    while (fgets(line, sizeof line, f)) {
        chomp(line);
        if (!line[0] || line[0] == '#')
            continue;
        nlines++;
        if (nlines == 1)
            snprintf(first, sizeof first, "%s", line);
        char copy[1024], *fl[5];
        snprintf(copy, sizeof copy, "%s", line);
        if (!pgpass_fields(copy, fl)) {
            if (nlines == 1)
                first_plain = 1;
            continue;
        }
        char port[16];
        snprintf(port, sizeof port, "%d", u->port);
        if (field_match(fl[0], u->host, "localhost") && (!strcmp(fl[1], "*") || !u->port || !strcmp(fl[1], port)) &&
            field_match(fl[2], u->dbname, "") && field_match(fl[3], u->user, "")) {
            found = strdup(fl[4]);
            break;
        }
    }
    fclose(f);
    if (!found && first_plain && nlines == 1)
        found = strdup(first); /* a file holding just the password */
    memset(line, 0, sizeof line);
    memset(first, 0, sizeof first);
    if (!found) {
        err->kind = DBE_URL;
        snprintf(err->msg, sizeof err->msg,
                 "the password file %s has no line for this server (host:port:database:user:password)", path);
    }
    return found;
}

static char *prompt(const DbUrl *u)
{
    FILE *tty = fopen("/dev/tty", "r+");
    if (!tty)
        return NULL;
    struct termios old, quiet;
    int fd = fileno(tty);
    if (tcgetattr(fd, &old) != 0) {
        fclose(tty);
        return NULL;
    }
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    fprintf(tty, "Password for %s: ", u->display ? u->display : "the server");
    fflush(tty);
    tcsetattr(fd, TCSAFLUSH, &quiet);
    char buf[512];
    char *r = fgets(buf, sizeof buf, tty);
    tcsetattr(fd, TCSAFLUSH, &old);
    fputc('\n', tty);
    fclose(tty);
    if (!r)
        return NULL;
    chomp(buf);
    char *pw = strdup(buf);
    memset(buf, 0, sizeof buf);
    return pw;
}

/* db_open.h: libpq found no password for a server that wants one. */
char *db_password_prompt(const DbUrl *u, const DbOpts *o)
{
    if ((o && o->no_prompt) || !isatty(STDIN_FILENO))
        return NULL;
    return prompt(u);
}

char *db_password(const DbUrl *u, const DbOpts *o, DbError *err)
{
    memset(err, 0, sizeof *err);
    const char *env = getenv(env_name(u->engine));
    if (env)
        return strdup(env);
    if (o && o->password_file)
        return from_file(u, o->password_file, err);
    if (u->engine == DB_POSTGRES)
        return NULL; /* libpq reads ~/.pgpass (and PGPASSFILE) itself */
    if ((o && o->no_prompt) || !isatty(STDIN_FILENO))
        return NULL; /* the server decides whether no password is enough */
    return prompt(u);
}
