/* util: file-system helpers: walking input directories deterministically,
 * creating directories, writing files atomically (temp name + rename). */
#ifndef SQLSHIFT_FSUTIL_H
#define SQLSHIFT_FSUTIL_H
#include <stddef.h>
#include <stdio.h>

typedef struct PathList {
    int n, cap;
    char **items;
    size_t bytes;   /* sum of the sizes of the regular files among them */
} PathList;

/* Adds path, or every matching file below it when it is a directory (sorted
 * by byte order, recursively), and adds the sizes of the regular files to
 * out->bytes. Returns 0, or -1 with *err set (malloc'd). */
int fs_collect_inputs(const char *path, PathList *out, char **err);
void fs_pathlist_free(PathList *l);
/* mkdir -p. Returns 0 or -1 with errno set. */
int fs_mkdirs(const char *dir);
/* An output file written under path.tmp.<pid> and renamed over path when
 * complete, so nobody sees half a file. A path that exists and is not a
 * regular file (/dev/null, /dev/stdout, a FIFO) is written in place:
 * renaming over it would replace the device. */
typedef struct FsOut {
    FILE *f;
    char *tmp;          /* NULL when written in place */
    const char *path;
} FsOut;
/* 0, or -1 with errno set. */
int fs_out_open(FsOut *o, const char *path);
/* Closes and renames into place. 0, or -1 with errno set (temp removed). */
int fs_out_commit(FsOut *o);
/* Closes and removes the temp file (after a failed write). */
void fs_out_abort(FsOut *o);
/* 1 if path exists and is not a regular file (written in place). */
int fs_is_special(const char *path);
/* Writes data to path through fs_out_*. 0 or -1 (errno). */
int fs_write_atomic(const char *path, const char *data, size_t len);
/* 1 if path is an existing directory. */
int fs_is_dir(const char *path);

#endif
