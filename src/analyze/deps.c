/* placeholder: deps.c is written in a later step */
typedef int sqlshift_placeholder_deps_t;
