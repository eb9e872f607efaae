/* placeholder: rewrite.c is written in a later step */
typedef int sqlshift_placeholder_rewrite_t;
