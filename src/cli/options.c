/* placeholder: options.c is written in a later step */
typedef int sqlshift_placeholder_options_t;
