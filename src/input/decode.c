/* placeholder: decode.c is written in a later step */
typedef int sqlshift_placeholder_decode_t;
