/* placeholder: parser.c is written in a later step */
typedef int sqlshift_placeholder_parser_t;
