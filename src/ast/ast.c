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

/* Out of line: the parser pushes onto lists ~40K times per MB of T-SQL and
 * grows one only every few pushes. Same capacities as VEC_PUSH (4, then
 * doubling). */
static __attribute__((noinline)) void nl_grow(Arena *a, NodeList *l)
{
    int nc = l->cap ? l->cap * 2 : 4;
    l->items = l->items ? arena_realloc(a, l->items, sizeof(Node *) * (size_t)l->cap,
                                        sizeof(Node *) * (size_t)nc)
                        : arena_alloc(a, sizeof(Node *) * (size_t)nc);
    l->cap = nc;
}

void nl_push(Arena *a, NodeList *l, void *n)
{
    if (l->n == l->cap)
        nl_grow(a, l);
    l->items[l->n++] = (Node *)n;
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
