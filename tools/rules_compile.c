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
const PackedPair rules_packed_pairs[] = {{0}};
const int rules_packed_pair_count = 0;

enum { MAXF = 18 };
static uint32_t *rules_packed_actions_gen, *rules_packed_types_gen, *rules_packed_funcs_gen;

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

/* ---- the pairs: each kind's rules in lookup order, hashed ---- */

enum { K_ACTION, K_TYPE, K_FUNC, K_WORD };

static const char *item_name(int kind, uint32_t item)
{
    switch (kind) {
    case K_ACTION: return pool.text + rules_packed_actions_gen[item];
    case K_TYPE: return pool.text + rules_packed_types_gen[item];
    case K_FUNC: return pool.text + rules_packed_funcs_gen[item];
    default: return pool.text + item;
    }
}

/* Writes one kind's arrays and returns 0, or 1 if it cannot be indexed. */
static int dump_kind(int pair, const char *what, int kind, const uint32_t *items, uint32_t n)
{
    if (n >= 65535) {
        fprintf(stderr, "rules_compile: too many %s in a pair for 16-bit positions\n", what);
        return 1;
    }
    uint32_t cap = 8;
    while (cap < 2 * n + 1)
        cap *= 2;
    uint16_t *slots = calloc(cap, sizeof *slots), *next = calloc(n + 1, sizeof *next);
    if (!slots || !next)
        abort();
    for (uint32_t i = 0; i < n; i++) {
        const char *name = item_name(kind, items[i]);
        int seen = 0;
        for (uint32_t j = i; j-- > 0 && !seen;)
            if (strcmp(item_name(kind, items[j]), name) == 0) {
                next[j] = (uint16_t)(i + 1); /* j was the last of that name so far */
                seen = 1;
            }
        if (seen)
            continue;
        uint32_t h = rules_hash(name) & (cap - 1);
        while (slots[h])
            h = (h + 1) & (cap - 1);
        slots[h] = (uint16_t)(i + 1);
    }
    printf("\nstatic const uint32_t pair%d_%s[] = {", pair, what);
    for (uint32_t i = 0; i < n; i++)
        printf(i % 12 ? " %u," : "\n    %u,", items[i]);
    printf("\n    0\n};\nstatic const uint16_t pair%d_%s_next[] = {", pair, what);
    for (uint32_t i = 0; i < n; i++)
        printf(i % 16 ? " %u," : "\n    %u,", next[i]);
    printf("\n    0\n};\nstatic const uint16_t pair%d_%s_slots[] = {", pair, what);
    for (uint32_t i = 0; i < cap; i++)
        printf(i % 16 ? " %u," : "\n    %u,", slots[i]);
    printf("\n};\n");
    free(slots);
    free(next);
    return 0;
}

static int cmp_pool_word(const void *a, const void *b)
{
    return strcmp(pool.text + *(const uint32_t *)a, pool.text + *(const uint32_t *)b);
}

typedef struct PairSpec {
    Dialect source, target;
    int files[3];          /* indices into the done files */
} PairSpec;

/* Writes rules_packed_pairs: what committing each pair's three files gives
 * (checked against the RuleSet the loader built), hashed. */
static int dump_pairs(const RulesTable *files, int nfiles, const PairSpec *pairs,
                      const RuleSet *sets, int npairs)
{
    uint32_t a0[MAXF], t0[MAXF], f0[MAXF];
    uint32_t na = 0, nt = 0, nf = 0;
    for (int k = 0; k < nfiles; k++) {
        a0[k] = na, t0[k] = nt, f0[k] = nf;
        na += (uint32_t)files[k].nactions, nt += (uint32_t)files[k].ntypes,
            nf += (uint32_t)files[k].nfuncs;
    }
    /* name offsets of every packed rule, as item_name reads them */
    rules_packed_actions_gen = calloc(na + 1, sizeof(uint32_t));
    rules_packed_types_gen = calloc(nt + 1, sizeof(uint32_t));
    rules_packed_funcs_gen = calloc(nf + 1, sizeof(uint32_t));
    uint32_t *v = calloc(na + nt + nf + 4096, sizeof *v);
    if (!rules_packed_actions_gen || !rules_packed_types_gen || !rules_packed_funcs_gen || !v)
        abort();
    for (int k = 0; k < nfiles; k++) {
        for (int i = 0; i < files[k].nactions; i++)
            rules_packed_actions_gen[a0[k] + i] = intern(files[k].actions[i].code);
        for (int i = 0; i < files[k].ntypes; i++)
            rules_packed_types_gen[t0[k] + i] = intern(files[k].types[i].name);
        for (int i = 0; i < files[k].nfuncs; i++)
            rules_packed_funcs_gen[f0[k] + i] = intern(files[k].funcs[i].name);
    }
    int bad = 0;
    for (int p = 0; p < npairs && !bad; p++) {
        const PairSpec *ps = &pairs[p];
        uint32_t n = 0;
        /* actions: a code defined again replaces the definition in place */
        for (int f = 0; f < 3; f++) {
            int d = ps->files[f];
            for (int i = 0; i < files[d].nactions; i++) {
                uint32_t g = a0[d] + (uint32_t)i, j = 0;
                while (j < n && strcmp(item_name(K_ACTION, v[j]), item_name(K_ACTION, g)) != 0)
                    j++;
                v[j] = g;
                n += j == n;
            }
        }
        bad |= (int)n != sets[p].actions.n || dump_kind(p, "actions", K_ACTION, v, n);
        n = 0;
        for (int f = 0; f < 3; f++)
            for (int i = 0; i < files[ps->files[f]].ntypes; i++)
                v[n++] = t0[ps->files[f]] + (uint32_t)i;
        bad |= (int)n != sets[p].types.n || dump_kind(p, "types", K_TYPE, v, n);
        n = 0;
        for (int f = 0; f < 3; f++)
            for (int i = 0; i < files[ps->files[f]].nfuncs; i++)
                v[n++] = f0[ps->files[f]] + (uint32_t)i;
        bad |= (int)n != sets[p].funcs.n || dump_kind(p, "funcs", K_FUNC, v, n);
        /* reserved words: one sorted set, as rules_commit merges them */
        n = 0;
        for (int f = 0; f < 3; f++)
            for (int i = 0; i < files[ps->files[f]].nreserved; i++)
                v[n++] = intern(files[ps->files[f]].reserved[i]);
        qsort(v, n, sizeof *v, cmp_pool_word);
        uint32_t o = 0;
        for (uint32_t i = 0; i < n; i++)
            if (o == 0 || v[o - 1] != v[i])
                v[o++] = v[i];
        bad |= (int)o != sets[p].reserved.n || dump_kind(p, "reserved", K_WORD, v, o);
        for (uint32_t i = 0; i < o && !bad; i++)
            bad |= strcmp(pool.text + v[i], sets[p].reserved.items[i]) != 0;
    }
    if (bad) {
        fprintf(stderr, "rules_compile: a pair's index does not match what its files commit\n");
        return 1;
    }
    printf("\nconst PackedPair rules_packed_pairs[] = {\n");
    for (int p = 0; p < npairs; p++) {
        const PairSpec *ps = &pairs[p];
        printf("    {%d, %d, {%d, %d, %d},\n", (int)ps->source, (int)ps->target, ps->files[0],
               ps->files[1], ps->files[2]);
        static const char *const kinds[] = {"actions", "types", "funcs", "reserved"};
        const int ns[] = {sets[p].actions.n, sets[p].types.n, sets[p].funcs.n, sets[p].reserved.n};
        for (int k = 0; k < 4; k++) {
            uint32_t cap = 8;
            while (cap < 2 * (uint32_t)ns[k] + 1)
                cap *= 2;
            printf("     {pair%d_%s, pair%d_%s_next, pair%d_%s_slots, %d, %u},\n", p, kinds[k], p,
                   kinds[k], p, kinds[k], ns[k], cap);
        }
        printf("     %d}, /* %s-%s */\n", sets[p].max_ident_len, dialect_name(ps->source),
               dialect_name(ps->target));
    }
    printf("};\nconst int rules_packed_pair_count = %d;\n", npairs);
    free(rules_packed_actions_gen);
    free(rules_packed_types_gen);
    free(rules_packed_funcs_gen);
    free(v);
    return 0;
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
    enum { NPAIRS = 6, MAXFILES = MAXF };
    RuleSet sets[NPAIRS];
    RulesTable done[MAXFILES];
    PairSpec pairs[NPAIRS];
    int ndone = 0, nsets = 0;

    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++) {
            PairSpec *ps = &pairs[nsets];
            RuleSet *rs = &sets[nsets++];
            ps->source = sources[i], ps->target = targets[j];
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
                    if (strcmp(done[k].name, t.name) == 0) {
                        seen = 1;
                        ps->files[f] = k;
                    }
                if (!seen) {
                    ps->files[f] = ndone;
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
    if (dump_pairs(done, ndone, pairs, sets, nsets))
        return 1;
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
