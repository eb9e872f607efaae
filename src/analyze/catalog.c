/* placeholder: catalog.c is written in a later step */
typedef int sqlshift_placeholder_catalog_t;
