/* placeholder: rules.c is written in a later step */
typedef int sqlshift_placeholder_rules_t;
