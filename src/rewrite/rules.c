/* rewrite: rule sets. Indexes the rules for the rewrite stage: types and
 * functions by upper-case name in hash tables, reserved words sorted (and
 * hashed), name rules compiled with PCRE2; and answers its lookups.
 *
 * Built-in files form layer 0: tools/rules_compile reads them with the
 * loader (rules_xml.c) at build time and rules_init commits the resulting C
 * tables (rules_table.h), so start-up parses no XML and the program does
 * not link libxml2. Each --rules file adds a layer, read by rules_xml.c in
 * the XML module (src/xml/xml_module.h); a lookup returns the first
 * matching rule, in file order, of the highest layer that has one. */
#include "rewrite/rules_int.h"
#include "diag/diag.h"
#include "util/strbuf.h"
#include "xml/xml_module.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ==== hash tables ======================================================= */

static unsigned hash_key(const char *s)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static Bucket *htab_find_h(const HTab *t, const char *key, unsigned h)
{
    if (!t->cap)
        return NULL;
    unsigned mask = (unsigned)t->cap - 1;
    for (unsigned i = h & mask;; i = (i + 1) & mask) {
        Bucket *b = &t->slots[i];
        if (!b->key)
            return NULL;
        if (strcmp(b->key, key) == 0)
            return b;
    }
}

static Bucket *htab_find(const HTab *t, const char *key)
{
    return htab_find_h(t, key, hash_key(key));
}

/* Makes room for n keys in all (load factor under 3/4), so that loading a
 * file's rules does not rehash the table again and again as it grows. */
static void htab_reserve(Arena *a, HTab *t, int n)
{
    if (n * 4 <= t->cap * 3)
        return;
    int ncap = t->cap ? t->cap : 64;
    while (n * 4 > ncap * 3)
        ncap *= 2;
    Bucket *ns = ARENA_NEW_ARRAY(a, Bucket, ncap);
    unsigned mask = (unsigned)ncap - 1;
    for (int i = 0; i < t->cap; i++) {
        if (!t->slots[i].key)
            continue;
        unsigned j = hash_key(t->slots[i].key) & mask;
        while (ns[j].key)
            j = (j + 1) & mask;
        ns[j] = t->slots[i];
    }
    t->slots = ns;
    t->cap = ncap;
}

/* Returns the bucket for key, creating it (key must outlive the table). */
static Bucket *htab_get(Arena *a, HTab *t, const char *key)
{
    unsigned h = hash_key(key);
    Bucket *b = htab_find_h(t, key, h);
    if (b)
        return b;
    htab_reserve(a, t, t->n + 1);
    unsigned mask = (unsigned)t->cap - 1;
    unsigned i = h & mask;
    while (t->slots[i].key)
        i = (i + 1) & mask;
    t->slots[i].key = key;
    t->n++;
    return &t->slots[i];
}

/* Upper-cases s into buf with runs of white space made single spaces and
 * trimmed, as type names are stored. Returns 0, or -1 if it does not fit. */
int rules_norm_name(char *buf, size_t cap, const char *s, size_t len)
{
    size_t o = 0;
    int space = 0;
    for (size_t i = 0; i < len && s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        /* isspace and toupper of the C locale (never changed), without a
         * call into the locale tables per byte */
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            space = o > 0;
            continue;
        }
        if (space) {
            if (o + 1 >= cap)
                return -1;
            buf[o++] = ' ';
            space = 0;
        }
        if (o + 1 >= cap)
            return -1;
        buf[o++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c); /* names are ASCII in rules */
    }
    buf[o] = 0;
    return 0;
}

/* ---- the built-in pair's index (rules_table.h) -------------------------- */

enum { K_ACTION, K_TYPE, K_FUNC, K_WORD };

static const char *base_name(int kind, uint32_t item)
{
    switch (kind) {
    case K_ACTION: return rules_pool + rules_packed_actions[item].code;
    case K_TYPE: return rules_pool + rules_packed_types[item].name;
    case K_FUNC: return rules_pool + rules_packed_funcs[item].name;
    default: return rules_pool + item;
    }
}

/* Position + 1 of the first rule named key (as stored) in k, or 0. */
/* h: rules_hash(key), when the caller has it already */
static unsigned base_find_h(const PackedKind *k, int kind, const char *key, uint32_t h)
{
    unsigned mask = k->cap - 1;
    for (unsigned i = h & mask; k->slots[i]; i = (i + 1) & mask)
        if (strcmp(base_name(kind, k->items[k->slots[i] - 1]), key) == 0)
            return k->slots[i];
    return 0;
}

static unsigned base_find(const PackedKind *k, int kind, const char *key)
{
    unsigned mask = k->cap - 1;
    for (unsigned i = rules_hash(key) & mask; k->slots[i]; i = (i + 1) & mask)
        if (strcmp(base_name(kind, k->items[k->slots[i] - 1]), key) == 0)
            return k->slots[i];
    return 0;
}

/* 1 if the counted word, upper-cased (ASCII), is one of the pair's
 * reserved words: folded as it is hashed, so no copy and no length limit. */
static int base_reserved(const PackedKind *k, const char *word, size_t len)
{
    uint32_t h = 2166136261u; /* rules_hash of the folded word */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        h = (h ^ (unsigned char)(c >= 'a' && c <= 'z' ? c - 32 : c)) * 16777619u;
    }
    unsigned mask = k->cap - 1;
    for (unsigned i = h & mask; k->slots[i]; i = (i + 1) & mask) {
        const char *w = rules_pool + k->items[k->slots[i] - 1];
        size_t j = 0;
        for (; j < len && w[j]; j++) {
            unsigned char c = (unsigned char)word[j];
            if ((char)(c >= 'a' && c <= 'z' ? c - 32 : c) != w[j])
                break;
        }
        if (j == len && !w[j])
            return 1;
    }
    return 0;
}

static const char *pool_str(RulesStr off)
{
    return off ? rules_pool + off : NULL;
}

static ActionDef unpack_action(const PackedAction *p)
{
    return (ActionDef){pool_str(p->code), p->sev, pool_str(p->category), p->effort_min,
                       pool_str(p->title), pool_str(p->recommendation)};
}

static TypeRule unpack_type(const PackedType *p)
{
    return (TypeRule){.name = pool_str(p->name), .nargs = p->nargs, .max = p->max,
                      .pmin = p->pmin, .pmax = p->pmax, .scale = p->scale,
                      .is_unsigned = p->is_unsigned, .to = pool_str(p->to),
                      .item = pool_str(p->item), .note = pool_str(p->note),
                      .file = pool_str(p->file), .line = p->line, .layer = 0};
}

static FuncRule unpack_func(const PackedFunc *p)
{
    return (FuncRule){.name = pool_str(p->name), .min_args = p->min_args,
                      .max_args = p->max_args, .to = pool_str(p->to), .tmpl = NULL,
                      .item = pool_str(p->item), .note = pool_str(p->note),
                      .file = pool_str(p->file), .line = p->line, .layer = 0};
}

/* The rule at position pos of a kind of the base, made on first use in the
 * rule set's arena and kept (callers keep the pointers; a function rule
 * caches its parsed template). A lookup is const for its callers: the
 * memo is the Index's, and the arena only grows. */
#define BASE_RULE(rs, memo, kind, packed, unpack, pos)                                  \
    do {                                                                              \
        Index *ix_ = (rs)->index;                                                     \
        Arena *a_ = (Arena *)&(rs)->arena;                                            \
        if (!ix_->memo)                                                               \
            ix_->memo = arena_alloc(a_, sizeof *ix_->memo * ix_->base->kind.n);       \
        if (!ix_->memo[pos]) {                                                        \
            ix_->memo[pos] = arena_alloc(a_, sizeof *ix_->memo[pos]);                 \
            *ix_->memo[pos] = unpack(&packed[ix_->base->kind.items[pos]]);            \
        }                                                                             \
    } while (0)

static const ActionDef *base_action(const RuleSet *rs, unsigned pos)
{
    BASE_RULE(rs, base_actions, actions, rules_packed_actions, unpack_action, pos);
    return ((Index *)rs->index)->base_actions[pos];
}

static const TypeRule *base_type(const RuleSet *rs, unsigned pos)
{
    BASE_RULE(rs, base_types, types, rules_packed_types, unpack_type, pos);
    return ((Index *)rs->index)->base_types[pos];
}

static const FuncRule *base_func(const RuleSet *rs, unsigned pos)
{
    BASE_RULE(rs, base_funcs, funcs, rules_packed_funcs, unpack_func, pos);
    return ((Index *)rs->index)->base_funcs[pos];
}

int rules_code_known(const RuleSet *rs, const char *code)
{
    const Index *ix = rs->index;
    if (ix && ix->base)
        return base_find(&ix->base->actions, K_ACTION, code) != 0;
    return ix && htab_find(&ix->actions, code) != NULL;
}

const BuiltinFile *rules_builtin_file(const char *name)
{
    for (int i = 0; i < builtin_rule_files_count; i++)
        if (builtin_rule_files[i].name && strcmp(builtin_rule_files[i].name, name) == 0)
            return &builtin_rule_files[i];
    return NULL;
}

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Room for `more` items in v at once: pushing a file's rules one by one
 * doubled (copied) the rule arrays again and again at every start-up. */
#define VEC_RESERVE(arena, v, more)                                                 \
    do {                                                                            \
        int want_ = (v).n + (more);                                                 \
        if (want_ > (v).cap) {                                                      \
            (v).items = arena_realloc((arena), (v).items,                           \
                                      sizeof(*(v).items) * (size_t)(v).cap,        \
                                      sizeof(*(v).items) * (size_t)want_);         \
            (v).cap = want_;                                                        \
        }                                                                           \
    } while (0)

void rules_commit(RuleSet *rs, const RulesTable *t, const NameRule *names, const NameExtra *extra,
                  int nnames)
{
    Index *ix = rs->index;
    Arena *a = &rs->arena;
    rules_expand(rs); /* a file on top of the built-in pair: the general tables */
    VEC_RESERVE(a, rs->actions, t->nactions);
    VEC_RESERVE(a, rs->types, t->ntypes);
    VEC_RESERVE(a, rs->funcs, t->nfuncs);
    VEC_RESERVE(a, rs->names, nnames);
    VEC_RESERVE(a, ix->name_extra, nnames);
    VEC_RESERVE(a, rs->reserved, t->nreserved);
    htab_reserve(a, &ix->actions, ix->actions.n + t->nactions);
    htab_reserve(a, &ix->types, ix->types.n + t->ntypes);
    htab_reserve(a, &ix->funcs, ix->funcs.n + t->nfuncs);
    for (int i = 0; i < t->nactions; i++) {
        const ActionDef *d = &t->actions[i];
        Bucket *b = htab_get(a, &ix->actions, d->code);
        if (b->idx.n) { /* an override replaces the definition in place */
            rs->actions.items[b->idx.items[0]] = *d;
        } else {
            VEC_PUSH(a, rs->actions, *d);
            VEC_PUSH(a, b->idx, rs->actions.n - 1);
        }
    }
    for (int i = 0; i < t->ntypes; i++) {
        VEC_PUSH(a, rs->types, t->types[i]);
        Bucket *b = htab_get(a, &ix->types, t->types[i].name);
        VEC_PUSH(a, b->idx, rs->types.n - 1);
    }
    for (int i = 0; i < t->nfuncs; i++) {
        VEC_PUSH(a, rs->funcs, t->funcs[i]);
        Bucket *b = htab_get(a, &ix->funcs, t->funcs[i].name);
        VEC_PUSH(a, b->idx, rs->funcs.n - 1);
    }
    for (int i = 0; i < nnames; i++) {
        VEC_PUSH(a, rs->names, names[i]);
        VEC_PUSH(a, ix->name_extra, extra[i]);
    }
    if (t->nreserved) {
        for (int i = 0; i < t->nreserved; i++)
            VEC_PUSH(a, rs->reserved, t->reserved[i]);
        /* the built-in lists come sorted (tools/rules_compile) */
        int sorted = 1;
        for (int i = 1; i < rs->reserved.n && sorted; i++)
            sorted = strcmp(rs->reserved.items[i - 1], rs->reserved.items[i]) < 0;
        if (!sorted)
            qsort(rs->reserved.items, (size_t)rs->reserved.n, sizeof(const char *), cmp_word);
        int o = 0;
        for (int i = 0; i < rs->reserved.n; i++)
            if (o == 0 || strcmp(rs->reserved.items[o - 1], rs->reserved.items[i]) != 0)
                rs->reserved.items[o++] = rs->reserved.items[i];
        rs->reserved.n = o;
        memset(&ix->reserved, 0, sizeof ix->reserved); /* rebuilt: few layers, small */
        htab_reserve(a, &ix->reserved, rs->reserved.n);
        for (int i = 0; i < rs->reserved.n; i++)
            htab_get(a, &ix->reserved, rs->reserved.items[i]);
    }
    if (t->max_ident_len > 0)
        rs->max_ident_len = t->max_ident_len;
}


static char *msgf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *msgf(const char *fmt, ...)
{
    char *s = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        s = NULL;
    va_end(ap);
    return s;
}

/* Adds a built-in file's compiled tables (rules_table.h) to layer 0. */
static void load_packed(RuleSet *rs, const PackedFile *f)
{
    /* Scratch arrays in the form rules_commit takes; it copies them. */
    ActionDef *acts = malloc(sizeof *acts * (f->nactions + 1));
    TypeRule *types = malloc(sizeof *types * (f->ntypes + 1));
    FuncRule *funcs = malloc(sizeof *funcs * (f->nfuncs + 1));
    const char **words = malloc(sizeof *words * (f->nreserved + 1));
    if (!acts || !types || !funcs || !words)
        abort(); /* as the arena does when memory runs out */
    for (uint32_t i = 0; i < f->nactions; i++)
        acts[i] = unpack_action(&rules_packed_actions[f->action0 + i]);
    for (uint32_t i = 0; i < f->ntypes; i++)
        types[i] = unpack_type(&rules_packed_types[f->type0 + i]);
    for (uint32_t i = 0; i < f->nfuncs; i++)
        funcs[i] = unpack_func(&rules_packed_funcs[f->func0 + i]);
    for (uint32_t i = 0; i < f->nreserved; i++)
        words[i] = pool_str(rules_packed_reserved[f->reserved0 + i]);
    RulesTable t = {
        .name = rules_pool + f->name, .actions = acts, .nactions = (int)f->nactions,
        .types = types, .ntypes = (int)f->ntypes, .funcs = funcs, .nfuncs = (int)f->nfuncs,
        .reserved = words, .nreserved = (int)f->nreserved, .max_ident_len = f->max_ident_len,
    };
    rules_commit(rs, &t, NULL, NULL, 0);
    free(acts);
    free(types);
    free(funcs);
    free(words);
}

static int load_builtin(RuleSet *rs, const char *name, char **err)
{
    for (int i = 0; i < rules_packed_file_count; i++)
        if (strcmp(rules_pool + rules_packed_files[i].name, name) == 0) {
            load_packed(rs, &rules_packed_files[i]);
            return 0;
        }
    if (err)
        *err = msgf("builtin:%s: no such built-in rule file", name);
    return -1;
}

void rules_expand(RuleSet *rs)
{
    Index *ix = rs->index;
    if (!ix || !ix->base)
        return;
    const PackedPair *p = ix->base;
    ix->base = NULL; /* before committing: rules_commit expands */
    for (int i = 0; i < 3; i++)
        load_packed(rs, &rules_packed_files[p->files[i]]);
}

/* Reads a whole file into malloc'd memory. Returns NULL with errno set. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    StrBuf b;
    sb_init(&b);
    char chunk[16384];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_putn(&b, chunk, n);
    int bad = ferror(f);
    int saved = errno;
    fclose(f);
    if (bad) {
        sb_free(&b);
        errno = saved ? saved : EIO;
        return NULL;
    }
    *len = b.len;
    char *text = sb_take(&b);
    sb_free(&b); /* sb_take leaves a fresh empty buffer behind */
    return text;
}

static char *io_error(const char *path)
{
    const char *why = strerror(errno);
    size_t n = strlen(path) + strlen(why) + 32;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s: cannot read: %s", path, why);
    return s;
}

/* ==== public API ======================================================== */

/* An empty RuleSet, no catalogue. */
static void init_empty(RuleSet *rs, Dialect source, Dialect target, int any_pair)
{
    memset(rs, 0, sizeof *rs);
    arena_init(&rs->arena, 0);
    rs->source = source;
    rs->target = target;
    rs->max_ident_len = 63;
    Index *ix = ARENA_NEW(&rs->arena, Index);
    ix->any_pair = any_pair;
    rs->index = ix;
}

/* Sets up a RuleSet with the catalogue loaded. */
static int init_base(RuleSet *rs, Dialect source, Dialect target, int any_pair, char **err)
{
    init_empty(rs, source, target, any_pair);
    return load_builtin(rs, "actions.xml", err);
}

void rules_begin(RuleSet *rs, Dialect source, Dialect target)
{
    init_empty(rs, source, target, 0);
}


int rules_init(RuleSet *rs, Dialect source, Dialect target, char **err)
{
    if (err)
        *err = NULL;
    init_empty(rs, source, target, 0);
    if (source == DIALECT_POSTGRES || (unsigned)source >= DIALECT_COUNT ||
        (target != DIALECT_POSTGRES && target != DIALECT_MYSQL)) {
        if (err) {
            *err = malloc(96);
            if (*err)
                snprintf(*err, 96, "no built-in rules to convert from %s to %s",
                         dialect_name(source), dialect_name(target));
        }
        rules_free(rs);
        return -1;
    }
    const PackedPair *p = NULL;
    for (int i = 0; i < rules_packed_pair_count && !p; i++)
        if (rules_packed_pairs[i].source == (int32_t)source &&
            rules_packed_pairs[i].target == (int32_t)target)
            p = &rules_packed_pairs[i];
    if (!p) { /* every supported pair is compiled in (tools/rules_compile) */
        if (err)
            *err = msgf("builtin: no compiled rules for %s to %s", dialect_name(source),
                        dialect_name(target));
        rules_free(rs);
        return -1;
    }
    Index *ix = rs->index;
    ix->base = p;
    if (p->max_ident_len > 0)
        rs->max_ident_len = p->max_ident_len;
    rs->nlayers = 1;
    return 0;
}

int rules_load_file(RuleSet *rs, const char *path, char **err)
{
    if (err)
        *err = NULL;
    size_t len = 0;
    char *text = read_file(path, &len);
    if (!text) {
        if (err)
            *err = io_error(path);
        return -2; /* unreadable, as opposed to invalid (-1) */
    }
    const XmlModule *m = xml_module_get();
    int rc = -1;
    if (m)
        rc = m->rules_load(rs, path, text, len, rs->nlayers, NULL, err);
    else if (err)
        *err = msgf("%s: cannot read rule files: %s", path, xml_module_error());
    free(text);
    if (rc == 0)
        rs->nlayers++;
    return rc;
}

int rules_check_file(const char *path, char **err)
{
    if (err)
        *err = NULL;
    RuleSet rs;
    if (init_base(&rs, DIALECT_COUNT, DIALECT_COUNT, 1, err) != 0) {
        rules_free(&rs);
        return -1;
    }
    rs.nlayers = 1;
    int rc = rules_load_file(&rs, path, err);
    rules_free(&rs);
    return rc;
}

void rules_free(RuleSet *rs)
{
    Index *ix = rs->index;
    if (ix) {
        for (int i = 0; i < ix->codes.n; i++)
            pcre2_code_free(ix->codes.items[i]);
        free(ix->codes.items);
        if (ix->schema)
            ix->schema_free(ix->schema);
    }
    arena_free(&rs->arena);
    memset(rs, 0, sizeof *rs);
}

/* ---- lookups ---------------------------------------------------------- */

const ActionDef *rules_action(const RuleSet *rs, const char *code)
{
    const Index *ix = rs->index;
    char buf[32];
    if (!ix || !code || rules_norm_name(buf, sizeof buf, code, strlen(code)) != 0)
        return NULL;
    if (ix->base) {
        unsigned pos = base_find(&ix->base->actions, K_ACTION, buf);
        return pos ? base_action(rs, pos - 1) : NULL;
    }
    const Bucket *b = htab_find(&ix->actions, buf);
    return b && b->idx.n ? &rs->actions.items[b->idx.items[0]] : NULL;
}

static int type_matches(const TypeRule *r, int nargs, int is_max, int precision, int scale,
                        int is_unsigned)
{
    if (r->nargs >= 0 && r->nargs != nargs)
        return 0;
    if (r->max != (is_max != 0))
        return 0;
    if (r->pmin >= 0 && (precision < 0 || precision < r->pmin))
        return 0;
    if (r->pmax >= 0 && (precision < 0 || precision > r->pmax))
        return 0;
    if (r->scale != -1 && r->scale != scale)
        return 0;
    if (r->is_unsigned >= 0 && r->is_unsigned != (is_unsigned != 0))
        return 0;
    return 1;
}

const TypeRule *rules_find_type(const RuleSet *rs, const char *name, int nargs, int is_max,
                                int precision, int scale, int is_unsigned)
{
    const Index *ix = rs->index;
    char buf[NAME_MAX_LEN];
    if (!ix || !name || rules_norm_name(buf, sizeof buf, name, strlen(name)) != 0)
        return NULL;
    if (ix->base) { /* one layer: the first match in file order */
        const PackedKind *k = &ix->base->types;
        for (unsigned pos = base_find(k, K_TYPE, buf); pos; pos = k->next[pos - 1]) {
            const TypeRule *r = base_type(rs, pos - 1);
            if (type_matches(r, nargs, is_max, precision, scale, is_unsigned))
                return r;
        }
        return NULL;
    }
    const Bucket *b = htab_find(&ix->types, buf);
    if (!b)
        return NULL;
    /* Candidates are in load order (layer, then file order): try the
     * highest layer's group first, in file order, then the next lower. */
    for (int end = b->idx.n; end > 0;) {
        int layer = rs->types.items[b->idx.items[end - 1]].layer, start = end - 1;
        while (start > 0 && rs->types.items[b->idx.items[start - 1]].layer == layer)
            start--;
        for (int k = start; k < end; k++) {
            const TypeRule *r = &rs->types.items[b->idx.items[k]];
            if (type_matches(r, nargs, is_max, precision, scale, is_unsigned))
                return r;
        }
        end = start;
    }
    return NULL;
}

const FuncRule *rules_find_func(const RuleSet *rs, const char *name, int nargs)
{
    const Index *ix = rs->index;
    char buf[NAME_MAX_LEN];
    if (!ix || !name || rules_norm_name(buf, sizeof buf, name, strlen(name)) != 0)
        return NULL;
    if (ix->base) { /* one layer: the first match in file order */
        const PackedKind *k = &ix->base->funcs;
        for (unsigned pos = base_find(k, K_FUNC, buf); pos; pos = k->next[pos - 1]) {
            const FuncRule *r = base_func(rs, pos - 1);
            if (r->min_args <= nargs && (r->max_args < 0 || nargs <= r->max_args))
                return r;
        }
        return NULL;
    }
    const Bucket *b = htab_find(&ix->funcs, buf);
    if (!b)
        return NULL;
    /* Candidates are in load order (layer, then file order): try the
     * highest layer's group first, in file order, then the next lower. */
    for (int end = b->idx.n; end > 0;) {
        int layer = rs->funcs.items[b->idx.items[end - 1]].layer, start = end - 1;
        while (start > 0 && rs->funcs.items[b->idx.items[start - 1]].layer == layer)
            start--;
        for (int k = start; k < end; k++) {
            const FuncRule *r = &rs->funcs.items[b->idx.items[k]];
            if (r->min_args <= nargs && (r->max_args < 0 || nargs <= r->max_args))
                return r;
        }
        end = start;
    }
    return NULL;
}

int rules_is_reserved_upper_h(const RuleSet *rs, const char *up, size_t len, uint32_t hash)
{
    const Index *ix = rs->index;
    if (ix && ix->base)
        return base_find_h(&ix->base->reserved, K_WORD, up, hash) != 0;
    return rules_is_reserved_upper(rs, up, len);
}

int rules_is_reserved_upper(const RuleSet *rs, const char *up, size_t len)
{
    const Index *ix = rs->index;
    if (ix && ix->base)
        return base_find(&ix->base->reserved, K_WORD, up) != 0;
    if (rs->index)
        return htab_find(&((const Index *)rs->index)->reserved, up) != NULL;
    return rules_is_reserved(rs, up, len);
}

int rules_is_reserved(const RuleSet *rs, const char *word, size_t len)
{
    const Index *ix = rs->index;
    if (ix && ix->base)
        return base_reserved(&ix->base->reserved, word, len);
    char up[64];
    if (len < sizeof up && rs->index) {
        for (size_t i = 0; i < len; i++)
            up[i] = (char)toupper((unsigned char)word[i]);
        up[len] = 0;
        if (memchr(word, 0, len)) /* no reserved word holds a NUL */
            return 0;
        return htab_find(&((const Index *)rs->index)->reserved, up) != NULL;
    }
    int lo = 0, hi = rs->reserved.n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const char *w = rs->reserved.items[mid];
        /* compare counted `word` case-insensitively with upper-case w */
        int c = 0;
        size_t i = 0;
        for (; i < len && w[i]; i++) {
            c = toupper((unsigned char)word[i]) - (unsigned char)w[i];
            if (c)
                break;
        }
        if (c == 0)
            c = (i < len) ? 1 : (w[i] ? -1 : 0);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return 0;
}

/* ---- names ------------------------------------------------------------ */

static int object_matches(const char *rule_obj, const char *object)
{
    if (strcmp(rule_obj, "*") == 0)
        return 1;
    return object && strcasecmp(rule_obj, object) == 0;
}

/* 1 if re matches anywhere in s (unanchored, as PCRE2 users expect). */
static int re_match(const pcre2_code *re, const char *s)
{
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    if (!md)
        return 0;
    int rc = pcre2_match(re, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, 0, md, NULL);
    pcre2_match_data_free(md);
    return rc >= 0;
}

/* Runs a rename rule; returns a malloc'd result, or NULL when the pattern
 * does not match (or the substitution fails). */
static char *re_substitute(const NameRule *r, int global, const char *s)
{
    uint32_t opts = PCRE2_SUBSTITUTE_EXTENDED | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH |
                    PCRE2_SUBSTITUTE_UNSET_EMPTY;
    if (global)
        opts |= PCRE2_SUBSTITUTE_GLOBAL;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(r->re, NULL);
    if (!md)
        return NULL;
    PCRE2_SIZE cap = strlen(s) + strlen(r->value) + 64;
    char *out = NULL;
    for (int tries = 0; tries < 2; tries++) {
        out = malloc(cap);
        if (!out)
            break;
        PCRE2_SIZE outlen = cap;
        int rc = pcre2_substitute(r->re, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, opts, md, NULL,
                                  (PCRE2_SPTR)r->value, PCRE2_ZERO_TERMINATED,
                                  (PCRE2_UCHAR *)out, &outlen);
        if (rc > 0)
            break;
        free(out);
        out = NULL;
        if (rc != PCRE2_ERROR_NOMEMORY)
            break;
        cap = outlen + 1; /* the length it needs, then try once more */
    }
    pcre2_match_data_free(md);
    return out;
}

const char *rules_rename(const RuleSet *rs, const char *object, const char *name,
                         Arena *out_arena)
{
    const Index *ix = rs->index;
    char *cur = NULL; /* malloc'd working copy once something applied */
    for (int i = 0; ix && i < rs->names.n; i++) {
        const NameRule *r = &rs->names.items[i];
        if (r->kind == NR_INCLUDE || r->kind == NR_EXCLUDE || !object_matches(r->object, object))
            continue;
        const char *s = cur ? cur : name;
        if (r->kind != NR_RENAME && r->re && !re_match(r->re, s))
            continue;
        char *next = NULL;
        switch (r->kind) {
        case NR_RENAME:
            next = re_substitute(r, ix->name_extra.items[i].global, s);
            break;
        case NR_PREFIX:
        case NR_SUFFIX: {
            size_t a = strlen(s), b = strlen(r->value);
            next = malloc(a + b + 1);
            if (!next)
                break;
            if (r->kind == NR_PREFIX) {
                memcpy(next, r->value, b);
                memcpy(next + b, s, a + 1);
            } else {
                memcpy(next, s, a);
                memcpy(next + a, r->value, b + 1);
            }
            break;
        }
        case NR_LOWER:
        case NR_UPPER:
            next = strdup(s);
            if (next) /* ASCII only: folding other letters depends on locale */
                for (char *c = next; *c; c++)
                    *c = (char)(r->kind == NR_LOWER ? tolower((unsigned char)*c)
                                                    : toupper((unsigned char)*c));
            break;
        default:
            break;
        }
        if (next) {
            free(cur);
            cur = next;
        }
    }
    if (!cur)
        return name;
    const char *res = strcmp(cur, name) == 0 ? name : arena_strdup(out_arena, cur);
    free(cur);
    return res;
}

int rules_selected(const RuleSet *rs, const char *object, const char *schema, const char *name)
{
    const Index *ix = rs->index;
    int have_include = 0, included = 0;
    for (int pass = 0; ix && pass < 2; pass++) {
        for (int i = 0; i < rs->names.n; i++) {
            const NameRule *r = &rs->names.items[i];
            if (r->kind != (pass == 0 ? NR_INCLUDE : NR_EXCLUDE) ||
                !object_matches(r->object, object))
                continue;
            const pcre2_code *nre = r->re, *sre = ix->name_extra.items[i].schema_re;
            int hit = re_match(nre, name ? name : "") &&
                      (!sre || re_match(sre, schema ? schema : ""));
            if (pass == 0) {
                have_include = 1;
                included |= hit;
            } else if (hit) {
                return 0;
            }
        }
        if (pass == 0 && have_include && !included)
            return 0;
    }
    return 1;
}
