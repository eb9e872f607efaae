/* placeholder: dump.c is written in a later step */
typedef int sqlshift_placeholder_dump_t;
