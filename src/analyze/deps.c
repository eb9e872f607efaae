/* analyze: dependency order of views and synonyms. Output phases already put
 * tables before views; among views, one that reads another must come after
 * it. deps_view_order is a depth-first post-order over the references each
 * view recorded (catalog.c), started from each view in input order: a view
 * comes out right after everything it needs, so unrelated views keep their
 * input order. A cycle (invalid in every source, but input is not to be
 * trusted) is cut where the walk meets a view already on its path. The walk
 * uses an explicit stack, so a long chain of views cannot overflow the C
 * stack. */
#include "analyze/catalog.h"
#include <stdlib.h>
#include <string.h>

static int is_view_like(const CatTable *t)
{
    return t && (t->kind == OK_VIEW || t->kind == OK_SYNONYM);
}

/* Position in c->tables of the view/synonym a dependency name refers to, or -1. */
static int resolve(const Catalog *c, const char *dep)
{
    char schema[256] = "";
    const char *name = dep;
    const char *dot = strrchr(dep, '.');
    if (dot) {
        size_t n = (size_t)(dot - dep);
        if (n >= sizeof schema)
            return -1;
        memcpy(schema, dep, n);
        schema[n] = 0;
        name = dot + 1;
    }
    CatTable *t = cat_find_text(c, schema, name);
    if (!is_view_like(t))
        return -1;
    for (int i = 0; i < c->tables.n; i++)
        if (c->tables.items[i] == t)
            return i;
    return -1;
}

enum { WHITE = 0, GREY = 1, BLACK = 2 };

typedef struct Frame { int t; int next_dep; } Frame;

int deps_view_order(const Catalog *c, int *objects_out)
{
    int n = c->tables.n, out = 0;
    if (n == 0)
        return 0;
    unsigned char *state = calloc((size_t)n, 1);
    Frame *stack = malloc(sizeof(Frame) * (size_t)n);
    if (!state || !stack)
        abort();
    for (int root = 0; root < n; root++) {
        if (!is_view_like(c->tables.items[root]) || state[root] != WHITE)
            continue;
        int sp = 0;
        stack[sp++] = (Frame){root, 0};
        state[root] = GREY;
        while (sp > 0) {
            Frame *f = &stack[sp - 1];
            const CatTable *t = c->tables.items[f->t];
            if (f->next_dep < t->deps.n) {
                int d = resolve(c, t->deps.items[f->next_dep++]);
                /* GREY: on the current path, a cycle; BLACK: already placed */
                if (d >= 0 && d != f->t && state[d] == WHITE) {
                    state[d] = GREY;
                    stack[sp++] = (Frame){d, 0};
                }
                continue;
            }
            state[f->t] = BLACK;
            objects_out[out++] = t->object;
            sp--;
        }
    }
    free(stack);
    free(state);
    return out;
}
