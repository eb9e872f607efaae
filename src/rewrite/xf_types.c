/* placeholder: xf_types.c is written in a later step */
typedef int sqlshift_placeholder_xf_types_t;
