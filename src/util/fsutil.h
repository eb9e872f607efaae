/* util: file-system helpers: walking input directories deterministically,
 * creating directories, writing files atomically (temp name + rename). */
#ifndef SQLSHIFT_FSUTIL_H
#define SQLSHIFT_FSUTIL_H
#include <stddef.h>

typedef struct PathList { int n, cap; char **items; } PathList;

/* Adds path, or every matching file below it when it is a directory (sorted
 * by byte order, recursively). Returns 0, or -1 with *err set (malloc'd). */
int fs_collect_inputs(const char *path, PathList *out, char **err);
void fs_pathlist_free(PathList *l);
/* mkdir -p. Returns 0 or -1 with errno set. */
int fs_mkdirs(const char *dir);
/* Writes data to path through path.tmp.<pid> + rename. 0 or -1 (errno). */
int fs_write_atomic(const char *path, const char *data, size_t len);
/* 1 if path is an existing directory. */
int fs_is_dir(const char *path);

#endif
