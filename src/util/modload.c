/* util: opening a loadable module (modload.h). */
#include "util/modload.h"
#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef PKGLIBDIR
#define PKGLIBDIR "/usr/local/lib/sqlshift"
#endif

/* Tries one file: 1 loaded (*table set), 0 no such file, -1 failed (err set). */
static int try_open(const ModSpec *s, const char *path, const void **table, char *err, size_t errsz)
{
    if (access(path, F_OK) != 0)
        return 0;
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(err, errsz, "cannot load the %s %s: %s", s->what, path, dlerror());
        return -1;
    }
    const int *t = dlsym(h, s->symbol);
    if (!t || *t != s->abi) {
        snprintf(err, errsz, "the %s %s does not belong to this sqlshift (%s%s); reinstall sqlshift",
                 s->what, path, t ? "other interface version" : "no ", t ? "" : s->symbol);
        dlclose(h);
        return -1;
    }
    *table = t;
    return 1;
}

const void *mod_load(const ModSpec *s, char *err, size_t errsz)
{
    const void *table = NULL;
    const char *env = getenv(s->env);
    if (env && *env) {
        if (try_open(s, env, &table, err, errsz) == 0)
            snprintf(err, errsz, "the %s %s (%s) does not exist", s->what, env, s->env);
        return table;
    }
    /* Next to the program: the build tree keeps libtool's output in .libs. */
    char dir[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
    if (n > 0) {
        dir[n] = 0;
        char *slash = strrchr(dir, '/');
        if (slash) {
            *slash = 0;
            char path[PATH_MAX + 64];
            snprintf(path, sizeof path, "%s/.libs/%s", dir, s->file);
            if (try_open(s, path, &table, err, errsz))
                return table;
            snprintf(path, sizeof path, "%s/%s", dir, s->file);
            if (try_open(s, path, &table, err, errsz))
                return table;
        }
    }
    char path[sizeof PKGLIBDIR + 64];
    snprintf(path, sizeof path, "%s/%s", PKGLIBDIR, s->file);
    if (try_open(s, path, &table, err, errsz) == 0)
        snprintf(err, errsz, "the %s %s is not installed (it %s); reinstall sqlshift", s->what, path,
                 s->holds);
    return table;
}
