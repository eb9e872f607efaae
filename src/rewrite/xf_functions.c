/* placeholder: xf_functions.c is written in a later step */
typedef int sqlshift_placeholder_xf_functions_t;
