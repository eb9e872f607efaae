/* util: file-system helpers (see fsutil.h). */
#include "util/fsutil.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static void push(PathList *l, char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = realloc(l->items, sizeof(char *) * (size_t)l->cap);
        if (!l->items)
            abort();
    }
    l->items[l->n++] = s;
}

void fs_pathlist_free(PathList *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
    l->bytes = 0;
}

int fs_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Script file extensions picked up when walking a directory. */
static int wanted(const char *name)
{
    static const char *const ext[] = {".sql", ".pks", ".pkb", ".pls", ".plb", ".ddl", ".tab",
                                      ".vw", ".prc", ".fnc", ".trg", NULL};
    const char *dot = strrchr(name, '.');
    if (!dot)
        return 0;
    for (int i = 0; ext[i]; i++)
        if (strcasecmp(dot, ext[i]) == 0)
            return 1;
    return 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(const char *dir, PathList *out, char **err)
{
    DIR *d = opendir(dir);
    if (!d) {
        if (asprintf(err, "%s: cannot read directory: %s", dir, strerror(errno)) < 0)
            *err = NULL;
        return -1;
    }
    PathList names = {0, 0, NULL, 0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        push(&names, strdup(e->d_name));
    }
    closedir(d);
    qsort(names.items, (size_t)names.n, sizeof(char *), cmp);
    int rc = 0;
    for (int i = 0; i < names.n && rc == 0; i++) {
        char *p;
        if (asprintf(&p, "%s/%s", dir, names.items[i]) < 0)
            abort();
        struct stat st;
        int have = stat(p, &st) == 0;
        if (have && S_ISDIR(st.st_mode)) {
            rc = walk(p, out, err);
            free(p);
        } else if (wanted(names.items[i])) {
            push(out, p);
            if (have && S_ISREG(st.st_mode))
                out->bytes += (size_t)st.st_size;
        } else {
            free(p);
        }
    }
    fs_pathlist_free(&names);
    return rc;
}

int fs_collect_inputs(const char *path, PathList *out, char **err)
{
    struct stat st;
    int have = strcmp(path, "-") != 0 && stat(path, &st) == 0;
    if (have && S_ISDIR(st.st_mode))
        return walk(path, out, err);
    push(out, strdup(path));
    if (have && S_ISREG(st.st_mode))
        out->bytes += (size_t)st.st_size;
    return 0;
}

int fs_mkdirs(const char *dir)
{
    char *p = strdup(dir);
    if (!p)
        return -1;
    for (char *s = p + 1; *s; s++) {
        if (*s == '/') {
            *s = 0;
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = '/';
        }
    }
    int rc = mkdir(p, 0777) != 0 && errno != EEXIST ? -1 : 0;
    if (rc == 0 && !fs_is_dir(p)) {
        errno = ENOTDIR;
        rc = -1;
    }
    free(p);
    return rc;
}

int fs_is_special(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

int fs_out_open(FsOut *o, const char *path)
{
    o->path = path;
    o->tmp = NULL;
    if (!fs_is_special(path) && asprintf(&o->tmp, "%s.tmp.%ld", path, (long)getpid()) < 0) {
        o->tmp = NULL;
        errno = ENOMEM;
        return -1;
    }
    o->f = fopen(o->tmp ? o->tmp : path, "wb");
    if (!o->f) {
        int e = errno;
        free(o->tmp);
        o->tmp = NULL;
        errno = e;
        return -1;
    }
    return 0;
}

void fs_out_abort(FsOut *o)
{
    if (o->f)
        fclose(o->f);
    o->f = NULL;
    if (o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
}

int fs_out_commit(FsOut *o)
{
    int bad = ferror(o->f) != 0;
    int e = bad ? EIO : 0;
    if (fclose(o->f) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->f = NULL;
    /* Renaming over an existing file makes ext4 (auto_da_alloc) start
     * writing the new file out before rename returns: about 2 ms per file,
     * more than converting a small script, and per object with --split. The
     * old file is removed first instead: a reader still never sees a
     * half-written file, only, for a moment, none. */
    if (!bad && o->tmp && unlink(o->path) != 0 && errno != ENOENT) {
        bad = 1;
        e = errno;
    }
    if (!bad && o->tmp && rename(o->tmp, o->path) != 0) {
        bad = 1;
        e = errno;
    }
    if (bad)
        fs_out_abort(o);
    free(o->tmp);
    o->tmp = NULL;
    errno = e;
    return bad ? -1 : 0;
}

int fs_write_atomic(const char *path, const char *data, size_t len)
{
    FsOut o;
    if (fs_out_open(&o, path) != 0)
        return -1;
    if (fwrite(data, 1, len, o.f) != len) {
        int e = errno;
        fs_out_abort(&o);
        errno = e;
        return -1;
    }
    return fs_out_commit(&o);
}
