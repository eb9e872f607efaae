/* db: the throwaway PostgreSQL server (pg_throwaway.h). The server programs
 * run as the `postgres` user when we are root (initdb refuses root): fork,
 * drop privileges, exec. One server at a time per process: the signal
 * handler must find it, hence the one static pointer below. */
#include "db/pg_throwaway.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct PgThrowaway {
    char *bindir;
    char dir[128];      /* the temporary folder: data/, the socket, logs */
    char conninfo[256];
    uid_t uid;          /* who runs the server programs */
    gid_t gid;
    int as_other;       /* 1 when that is not us (we are root) */
    pid_t postmaster;   /* from postmaster.pid, for the signal handler */
    struct sigaction old_int, old_term, old_hup;
};

/* The server a signal must clean up (set while one runs). */
static PgThrowaway *volatile live_server;

static int is_prog(const char *dir, const char *name)
{
    char p[4096];
    int n = snprintf(p, sizeof p, "%s/%s", dir, name);
    return n > 0 && (size_t)n < sizeof p && access(p, X_OK) == 0; /* (too long: not found) */
}

static int has_server(const char *dir)
{
    return is_prog(dir, "initdb") && is_prog(dir, "pg_ctl") && is_prog(dir, "postgres");
}

char *pg_throwaway_find_bindir(void)
{
    const char *env = getenv("PG_BINDIR");
    if (env && *env)
        return has_server(env) ? strdup(env) : NULL;
    FILE *p = popen("pg_config --bindir 2>/dev/null", "r");
    if (p) {
        char line[4096] = "";
        if (!fgets(line, sizeof line, p))
            line[0] = 0;
        pclose(p);
        line[strcspn(line, "\r\n")] = 0;
        if (line[0] && has_server(line))
            return strdup(line);
    }
    /* Debian's layout: /usr/lib/postgresql/<major>/bin, newest first */
    DIR *d = opendir("/usr/lib/postgresql");
    if (!d)
        return NULL;
    int best = -1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char *end;
        long v = strtol(e->d_name, &end, 10);
        if (end == e->d_name || *end || v <= best)
            continue;
        char bin[4096];
        snprintf(bin, sizeof bin, "/usr/lib/postgresql/%s/bin", e->d_name);
        if (has_server(bin))
            best = (int)v;
    }
    closedir(d);
    if (best < 0)
        return NULL;
    char *out;
    if (asprintf(&out, "/usr/lib/postgresql/%d/bin", best) < 0)
        return NULL;
    return out;
}

/* Runs bindir/prog argv... as the server user, stdout and stderr to log;
 * returns the exit status (-1 if it could not run). */
static int run_prog(const PgThrowaway *t, const char *prog, const char *const *args, const char *log)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", t->bindir, prog);
    const char *argv[16];
    int n = 0;
    argv[n++] = path;
    for (; args[n - 1] && n < 15; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
        int nul = open("/dev/null", O_RDONLY);
        if (fd < 0 || nul < 0)
            _exit(127);
        dup2(nul, 0);
        dup2(fd, 1);
        dup2(fd, 2);
        /* the server must not die with our terminal's ^C before we stop it */
        setsid();
        if (t->as_other && (setgroups(0, NULL) != 0 || setgid(t->gid) != 0 || setuid(t->uid) != 0))
            _exit(126);
        /* the server user may not be allowed into our working directory */
        if (chdir(t->dir) != 0)
            _exit(126);
        execv(path, (char *const *)argv);
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The last non-empty line of a log file, for an error message. */
static void last_line(const char *path, char *out, size_t cap)
{
    out[0] = 0;
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (line[0])
            snprintf(out, cap, "%.400s", line);
    }
    fclose(f);
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

static void remove_tree(const char *dir)
{
    nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* SIGINT/SIGTERM/SIGHUP while a server runs: immediate shutdown, remove the
 * folder (by exec'ing rm: only async-signal-safe calls here), then die of the
 * same signal. */
static void on_signal(int sig)
{
    PgThrowaway *t = live_server;
    if (t) {
        if (t->postmaster > 0)
            kill(t->postmaster, SIGQUIT);
        for (int i = 0; i < 50 && t->postmaster > 0 && kill(t->postmaster, 0) == 0; i++) {
            struct timespec ts = {0, 100 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
        pid_t pid = fork();
        if (pid == 0) {
            const char *argv[] = {"rm", "-rf", t->dir, NULL};
            execv("/bin/rm", (char *const *)argv);
            _exit(127);
        }
        if (pid > 0)
            waitpid(pid, NULL, 0);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static pid_t read_postmaster_pid(const PgThrowaway *t)
{
    char p[256];
    snprintf(p, sizeof p, "%s/data/postmaster.pid", t->dir);
    FILE *f = fopen(p, "r");
    if (!f)
        return 0;
    long v = 0;
    if (fscanf(f, "%ld", &v) != 1)
        v = 0;
    fclose(f);
    return (pid_t)v;
}

static int fail(PgThrowaway *t, char **err, const char *what, const char *log)
{
    char tail[512] = "";
    if (log)
        last_line(log, tail, sizeof tail);
    if (asprintf(err, "throwaway PostgreSQL (%s): %s%s%s", t->bindir ? t->bindir : "?", what,
                 tail[0] ? ": " : "", tail) < 0)
        *err = NULL;
    return -1;
}

static void chown_to(const PgThrowaway *t, const char *path)
{
    if (t->as_other && chown(path, t->uid, t->gid) != 0) {
        /* the server then fails to write there and says so in its log */
    }
}

PgThrowaway *pg_throwaway_start(int verbose, char **err)
{
    *err = NULL;
    PgThrowaway *t = calloc(1, sizeof *t);
    if (!t)
        abort();
    t->bindir = pg_throwaway_find_bindir();
    if (!t->bindir) {
        const char *env = getenv("PG_BINDIR");
        if (asprintf(err, "no PostgreSQL server installation found (%s%s%s); install the "
                     "PostgreSQL server package, set PG_BINDIR, or give --to URL",
                     env && *env ? "PG_BINDIR=" : "looked at $PG_BINDIR, pg_config --bindir and /usr/lib/postgresql/*/bin",
                     env && *env ? env : "", env && *env ? " has no initdb, pg_ctl and postgres" : "") < 0)
            *err = NULL;
        free(t);
        return NULL;
    }
    t->uid = getuid();
    t->gid = getgid();
    if (geteuid() == 0) {
        struct passwd *pw = getpwnam("postgres");
        if (!pw) {
            fail(t, err, "running as root and there is no 'postgres' user to run initdb as", NULL);
            free(t->bindir);
            free(t);
            return NULL;
        }
        t->uid = pw->pw_uid;
        t->gid = pw->pw_gid;
        t->as_other = 1;
    }
    /* unix socket paths are limited to about 100 bytes: a short folder */
    const char *tmpdir = getenv("TMPDIR");
    if (!tmpdir || !*tmpdir || strlen(tmpdir) > 60 || t->as_other)
        tmpdir = "/tmp";
    snprintf(t->dir, sizeof t->dir, "%s/sqlshift-pg.XXXXXX", tmpdir);
    if (!mkdtemp(t->dir)) {
        if (asprintf(err, "cannot create a temporary folder in %s: %s", tmpdir, strerror(errno)) < 0)
            *err = NULL;
        free(t->bindir);
        free(t);
        return NULL;
    }
    chown_to(t, t->dir);
    live_server = t;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &t->old_int);
    sigaction(SIGTERM, &sa, &t->old_term);
    sigaction(SIGHUP, &sa, &t->old_hup);

    char data[192], log[192], conf[224], srvlog[192];
    snprintf(data, sizeof data, "%s/data", t->dir);
    snprintf(log, sizeof log, "%s/initdb.log", t->dir);
    snprintf(srvlog, sizeof srvlog, "%s/server.log", t->dir);
    if (verbose)
        fprintf(stderr, "validate: initdb in %s (%s)\n", t->dir, t->bindir);
    const char *init_args[] = {"-D", data, "--username=postgres", "--auth=trust", "--encoding=UTF8",
                               "--locale=C", "--no-sync", "--no-instructions", NULL};
    if (run_prog(t, "initdb", init_args, log) != 0) {
        fail(t, err, "initdb failed", log);
        pg_throwaway_stop(t);
        return NULL;
    }
    snprintf(conf, sizeof conf, "%s/postgresql.conf", data);
    FILE *f = fopen(conf, "a");
    if (!f) {
        fail(t, err, "cannot write postgresql.conf", NULL);
        pg_throwaway_stop(t);
        return NULL;
    }
    /* socket only, in our folder; durability off: the data is thrown away */
    fprintf(f, "\n# sqlshift throwaway server\nlisten_addresses = ''\nunix_socket_directories = '%s'\n"
               "port = 5432\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
               "max_connections = 10\nshared_buffers = 32MB\nlogging_collector = off\n"
               "log_min_messages = warning\nmax_locks_per_transaction = 1024\n",
            t->dir);
    fclose(f);
    if (verbose)
        fprintf(stderr, "validate: starting PostgreSQL\n");
    const char *start_args[] = {"-D", data, "-l", srvlog, "-w", "-t", "60", "start", NULL};
    if (run_prog(t, "pg_ctl", start_args, log) != 0) {
        fail(t, err, "the server did not start", srvlog);
        pg_throwaway_stop(t);
        return NULL;
    }
    t->postmaster = read_postmaster_pid(t);
    snprintf(t->conninfo, sizeof t->conninfo, "host=%s port=5432 user=postgres dbname=postgres", t->dir);
    return t;
}

const char *pg_throwaway_conninfo(const PgThrowaway *t)
{
    return t->conninfo;
}

const char *pg_throwaway_bindir(const PgThrowaway *t)
{
    return t->bindir;
}

void pg_throwaway_stop(PgThrowaway *t)
{
    if (!t)
        return;
    char data[192], log[192], pidf[224];
    snprintf(data, sizeof data, "%s/data", t->dir);
    snprintf(log, sizeof log, "%s/stop.log", t->dir);
    snprintf(pidf, sizeof pidf, "%s/postmaster.pid", data);
    if (access(pidf, F_OK) == 0) {
        /* immediate: no checkpoint, the data is about to be deleted */
        const char *args[] = {"-D", data, "-m", "immediate", "-w", "-t", "30", "stop", NULL};
        if (run_prog(t, "pg_ctl", args, log) != 0 && t->postmaster > 0)
            kill(t->postmaster, SIGQUIT);
    }
    remove_tree(t->dir);
    if (live_server == t) {
        sigaction(SIGINT, &t->old_int, NULL);
        sigaction(SIGTERM, &t->old_term, NULL);
        sigaction(SIGHUP, &t->old_hup, NULL);
        live_server = NULL;
    }
    free(t->bindir);
    free(t);
}
