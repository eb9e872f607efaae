/* placeholder: cmd_rules.c is written in a later step */
typedef int sqlshift_placeholder_cmd_rules_t;
