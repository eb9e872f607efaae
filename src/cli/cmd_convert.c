/* placeholder: cmd_convert.c is written in a later step */
typedef int sqlshift_placeholder_cmd_convert_t;
