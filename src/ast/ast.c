/* ast: node construction and small helpers (see ast.h). */
#include "ast/ast.h"
#include <string.h>
#include <strings.h>

static const char *const kind_names[] = {
    "NONE",
#define AST_NODE(k, T) #k,
#include "ast/ast_nodes.def"
#undef AST_NODE
};

const char *ast_kind_name(int kind)
{
    return kind >= 0 && kind < N__COUNT ? kind_names[kind] : "?";
}

void nl_push(Arena *a, NodeList *l, void *n)
{
    VEC_PUSH(a, *l, (Node *)n);
}

void il_push(Arena *a, IdentList *l, Ident id)
{
    VEC_PUSH(a, *l, id);
}

int ident_eq(const Ident *id, const char *word)
{
    size_t n = strlen(word);
    return id->text && id->len == n && strncasecmp(id->text, word, n) == 0;
}

Ident ident_make(Arena *a, const char *s)
{
    Ident id;
    memset(&id, 0, sizeof id);
    id.len = (uint32_t)strlen(s);
    id.text = arena_strndup(a, s, id.len);
    return id;
}

const char *qname_text(Arena *a, const QName *q)
{
    size_t n = 0;
    for (int i = 0; i < q->n; i++)
        n += q->parts[i].len + 1;
    char *s = arena_alloc(a, n + 1), *p = s;
    for (int i = 0; i < q->n; i++) {
        if (i)
            *p++ = '.';
        if (q->parts[i].len)
            memcpy(p, q->parts[i].text, q->parts[i].len);
        p += q->parts[i].len;
    }
    *p = 0;
    return s;
}
