/* placeholder: xf_names.c is written in a later step */
typedef int sqlshift_placeholder_xf_names_t;
