/* tools: build-time generator of src/rewrite/rules_tables.c. Loads every
 * built-in rule file with the loader of src/rewrite/rules.c, as rules_init
 * once did at each start (well-formedness, the RELAX NG schema, template
 * slots, action codes, the pair's source and target), each pair in turn
 * (actions.xml, then the target's file, then the pair's), and writes what
 * each file added as static C tables (rules_table.h). A file that fails
 * fails the build with the loader's message. */
#include "rewrite/rules_table.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The generator is what makes the compiled tables, so it has none. */
const char rules_pool[] = "";
const PackedAction rules_packed_actions[] = {{0}};
const PackedType rules_packed_types[] = {{0}};
const PackedFunc rules_packed_funcs[] = {{0}};
const RulesStr rules_packed_reserved[] = {0};
const PackedFile rules_packed_files[] = {{0}};
const int rules_packed_file_count = 0;

/* ---- the string pool: each distinct string once, offset 0 is NULL ---- */

static struct {
    char *text;
    size_t len, cap;
    uint32_t *slots;   /* open addressing: offset + 1, 0 = empty */
    size_t nslots, used;
} pool;

static unsigned long hash_str(const char *s)
{
    unsigned long h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

static void pool_append(const char *s, size_t n)
{
    if (pool.len + n > pool.cap) {
        pool.cap = (pool.len + n) * 2;
        pool.text = realloc(pool.text, pool.cap);
        if (!pool.text)
            abort();
    }
    memcpy(pool.text + pool.len, s, n);
    pool.len += n;
}

static void pool_rehash(size_t nslots)
{
    uint32_t *old = pool.slots;
    size_t oldn = pool.nslots;
    pool.slots = calloc(nslots, sizeof *pool.slots);
    if (!pool.slots)
        abort();
    pool.nslots = nslots;
    for (size_t i = 0; i < oldn; i++)
        if (old[i]) {
            size_t j = hash_str(pool.text + old[i] - 1) & (nslots - 1);
            while (pool.slots[j])
                j = (j + 1) & (nslots - 1);
            pool.slots[j] = old[i];
        }
    free(old);
}

static RulesStr intern(const char *s)
{
    if (!s)
        return 0;
    if (!pool.len)
        pool_append("", 1); /* offset 0: NULL */
    if ((pool.used + 1) * 2 > pool.nslots)
        pool_rehash(pool.nslots ? pool.nslots * 2 : 1024);
    size_t j = hash_str(s) & (pool.nslots - 1);
    for (; pool.slots[j]; j = (j + 1) & (pool.nslots - 1))
        if (strcmp(pool.text + pool.slots[j] - 1, s) == 0)
            return pool.slots[j] - 1;
    uint32_t off = (uint32_t)pool.len;
    pool_append(s, strlen(s) + 1);
    pool.slots[j] = off + 1;
    pool.used++;
    return off;
}

/* Writes s as C string literal text (no quotes). */
static void cchars(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == '"')
            printf("\\%c", c);
        else if (c == '?')
            fputs("\\?", stdout); /* no trigraphs */
        else if (c < 32 || c >= 127)
            printf("\\%03o", c); /* three digits: a digit after it stays a character */
        else
            putchar(c);
    }
}

static void dump_pool(void)
{
    printf("\nconst char rules_pool[] =\n");
    for (size_t off = 0; off < pool.len;) {
        size_t n = strlen(pool.text + off) + 1;
        printf("    \"");
        cchars(pool.text + off, n);
        printf("\" /* %zu */\n", off);
        off += n;
    }
    printf("    ;\n");
}

/* Interns every string of t (a first pass, so that the pool can be written
 * before the arrays that hold its offsets). */
static void intern_all(const RulesTable *t)
{
    intern(t->name);
    for (int i = 0; i < t->nactions; i++) {
        const ActionDef *a = &t->actions[i];
        intern(a->code), intern(a->category), intern(a->title), intern(a->recommendation);
    }
    for (int i = 0; i < t->ntypes; i++) {
        const TypeRule *r = &t->types[i];
        intern(r->name), intern(r->to), intern(r->item), intern(r->note), intern(r->file);
    }
    for (int i = 0; i < t->nfuncs; i++) {
        const FuncRule *r = &t->funcs[i];
        intern(r->name), intern(r->to), intern(r->item), intern(r->note), intern(r->file);
    }
    for (int i = 0; i < t->nreserved; i++)
        intern(t->reserved[i]);
}

/* Built-in rules are layer 0 and hold no name rules (rules_read_builtin
 * refuses those); anything else could not be represented. */
static int check_layers(const RulesTable *t)
{
    int bad = 0;
    for (int i = 0; i < t->ntypes; i++)
        bad |= t->types[i].layer != 0;
    for (int i = 0; i < t->nfuncs; i++)
        bad |= t->funcs[i].layer != 0;
    if (bad)
        fprintf(stderr, "rules_compile: %s: rules outside layer 0\n", t->name);
    return bad;
}

static void dump_arrays(const RulesTable *files, int n)
{
    printf("\nconst PackedAction rules_packed_actions[] = {\n");
    for (int k = 0; k < n; k++)
        for (int i = 0; i < files[k].nactions; i++) {
            const ActionDef *a = &files[k].actions[i];
            printf("    {%u, %u, %u, %u, %d, %d}, /* %s */\n", intern(a->code), intern(a->category),
                   intern(a->title), intern(a->recommendation), a->sev, a->effort_min, a->code);
        }
    printf("    {0, 0, 0, 0, 0, 0}\n};\n");
    printf("\nconst PackedType rules_packed_types[] = {\n");
    for (int k = 0; k < n; k++)
        for (int i = 0; i < files[k].ntypes; i++) {
            const TypeRule *r = &files[k].types[i];
            printf("    {%u, %u, %u, %u, %u, %d, %d, %d, %d, %d, %d, %d}, /* %s */\n", intern(r->name),
                   intern(r->to), intern(r->item), intern(r->note), intern(r->file), r->nargs, r->max,
                   r->pmin, r->pmax, r->scale, r->is_unsigned, r->line, r->name);
        }
    printf("    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}\n};\n");
    printf("\nconst PackedFunc rules_packed_funcs[] = {\n");
    for (int k = 0; k < n; k++)
        for (int i = 0; i < files[k].nfuncs; i++) {
            const FuncRule *r = &files[k].funcs[i];
            printf("    {%u, %u, %u, %u, %u, %d, %d, %d}, /* %s */\n", intern(r->name), intern(r->to),
                   intern(r->item), intern(r->note), intern(r->file), r->min_args, r->max_args,
                   r->line, r->name);
        }
    printf("    {0, 0, 0, 0, 0, 0, 0, 0}\n};\n");
    printf("\nconst RulesStr rules_packed_reserved[] = {");
    int col = 0;
    for (int k = 0; k < n; k++)
        for (int i = 0; i < files[k].nreserved; i++)
            printf(col++ % 10 ? " %u," : "\n    %u,", intern(files[k].reserved[i]));
    printf("\n    0\n};\n");
    printf("\nconst PackedFile rules_packed_files[] = {\n");
    unsigned a0 = 0, t0 = 0, f0 = 0, r0 = 0;
    for (int k = 0; k < n; k++) {
        const RulesTable *t = &files[k];
        printf("    {%u, %u, %d, %u, %d, %u, %d, %u, %d, %d}, /* %s */\n", intern(t->name), a0,
               t->nactions, t0, t->ntypes, f0, t->nfuncs, r0, t->nreserved, t->max_ident_len, t->name);
        a0 += (unsigned)t->nactions, t0 += (unsigned)t->ntypes, f0 += (unsigned)t->nfuncs,
            r0 += (unsigned)t->nreserved;
    }
    printf("};\nconst int rules_packed_file_count = %d;\n", n);
}

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Reserved words are a set (rules_commit sorts and merges them): written
 * sorted and unique, so that committing them needs no sort at start-up. */
static void sort_words(Arena *a, RulesTable *t)
{
    if (!t->nreserved)
        return;
    const char **w = arena_alloc(a, sizeof *w * (size_t)(t->nreserved + 1));
    memcpy(w, t->reserved, sizeof *w * (size_t)t->nreserved);
    qsort(w, (size_t)t->nreserved, sizeof *w, cmp_word);
    int o = 0;
    for (int i = 0; i < t->nreserved; i++)
        if (o == 0 || strcmp(w[o - 1], w[i]) != 0)
            w[o++] = w[i];
    t->reserved = w;
    t->nreserved = o;
}

int main(void)
{
    static const Dialect sources[] = {DIALECT_TSQL, DIALECT_ORACLE, DIALECT_MYSQL};
    static const Dialect targets[] = {DIALECT_POSTGRES, DIALECT_MYSQL};
    enum { NPAIRS = 6, MAXFILES = 3 * NPAIRS };
    RuleSet sets[NPAIRS];
    RulesTable done[MAXFILES];
    int ndone = 0, nsets = 0;

    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++) {
            RuleSet *rs = &sets[nsets++];
            rules_begin(rs, sources[i], targets[j]);
            char files[3][64];
            snprintf(files[0], sizeof files[0], "actions.xml");
            snprintf(files[1], sizeof files[1], "%s.xml", dialect_name(targets[j]));
            snprintf(files[2], sizeof files[2], "%s-%s.xml", dialect_name(sources[i]),
                     dialect_name(targets[j]));
            for (int f = 0; f < 3; f++) {
                RulesTable t;
                char *err = NULL;
                if (rules_read_builtin(rs, files[f], &t, &err) != 0) {
                    fprintf(stderr, "rules_compile: %s\n", err ? err : files[f]);
                    return 1;
                }
                free(err);
                int seen = 0;
                for (int k = 0; k < ndone; k++)
                    seen |= strcmp(done[k].name, t.name) == 0;
                if (!seen) {
                    if (check_layers(&t))
                        return 1;
                    sort_words(&rs->arena, &t);
                    done[ndone++] = t;
                }
            }
        }
    for (int k = 0; k < ndone; k++)
        intern_all(&done[k]);
    printf("/* generated by tools/rules_compile from the files in rules/; do not edit.\n"
           " * The layout is described in src/rewrite/rules_table.h. */\n");
    printf("#include \"rewrite/rules_table.h\"\n");
    dump_pool();
    dump_arrays(done, ndone);
    for (int k = 0; k < nsets; k++)
        rules_free(&sets[k]);
    free(pool.text);
    free(pool.slots);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("rules_compile");
        return 1;
    }
    return 0;
}
