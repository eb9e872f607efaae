/* placeholder: parse_script.c is written in a later step */
typedef int sqlshift_placeholder_parse_script_t;
