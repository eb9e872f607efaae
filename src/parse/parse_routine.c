/* placeholder: parse_routine.c is written in a later step */
typedef int sqlshift_placeholder_parse_routine_t;
