/* placeholder: fsutil.c is written in a later step */
typedef int sqlshift_placeholder_fsutil_t;
