/* placeholder: xf_joins.c is written in a later step */
typedef int sqlshift_placeholder_xf_joins_t;
