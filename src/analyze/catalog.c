/* analyze: the catalogue of the input's own objects (see catalog.h). Tables,
 * views, sequences, synonyms, user types and the names of stored code are
 * recorded as statements go by, with everything copied into the catalogue's
 * arena (statement arenas are reset after each statement). Lookups are by
 * upper-cased "SCHEMA.NAME" or bare "NAME" through an open-addressing hash;
 * types and stored code live in their own namespaces (T-SQL lets a type and a
 * table share a name). A view records the tables and views its query reads,
 * for deps.c. */
#include "analyze/catalog.h"
#include "ast/ast_walk.h"
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ==== hash map ============================================================== */

typedef struct Slot { const char *key; CatTable *t; unsigned h; /* the map's hash of key */ } Slot;
typedef struct Map { Slot *slots; int cap, n; } Map;

static unsigned hash_str(const char *s)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The slot of key (hash h): where it is, or the empty slot where it goes.
 * Keys are compared only when their hashes are equal. */
static Slot *map_slot(const Map *m, const char *key, unsigned h)
{
    unsigned mask = (unsigned)m->cap - 1;
    for (unsigned i = h & mask;; i = (i + 1) & mask) {
        Slot *s = &m->slots[i];
        if (!s->key || (s->h == h && strcmp(s->key, key) == 0))
            return s;
    }
}

static CatTable *map_get_h(const Map *m, const char *key, unsigned h)
{
    if (!m || !m->cap)
        return NULL;
    Slot *s = map_slot(m, key, h);
    return s->key ? s->t : NULL;
}

/* Later definitions replace earlier ones under the same key. The key is
 * the caller's, kept as it is (a catalogue arena string). The slots are
 * malloc'd: outgrown tables are freed, not left in the arena. */
static void map_put_h(Map *m, const char *key, unsigned h, CatTable *t)
{
    /* at most half full: most lookups miss (a bare name after a qualified
     * one, the type and code namespaces after relations), and a miss walks
     * to an empty slot, a long way in a table three quarters full */
    if ((m->n + 1) * 2 > m->cap) {
        int ncap = m->cap ? m->cap * 2 : 64;
        Slot *old = m->slots;
        int ocap = m->cap;
        m->slots = calloc((size_t)ncap, sizeof(Slot));
        if (!m->slots)
            abort();
        m->cap = ncap;
        m->n = 0;
        for (int i = 0; i < ocap; i++)
            if (old[i].key) {
                *map_slot(m, old[i].key, old[i].h) = old[i];
                m->n++;
            }
        free(old);
    }
    Slot *s = map_slot(m, key, h);
    if (!s->key) {
        s->key = key;
        s->h = h;
        m->n++;
    }
    s->t = t;
}

static void map_put(Map *m, const char *key, CatTable *t)
{
    map_put_h(m, key, hash_str(key), t);
}

/* The hash of the n bytes at s, eight at a time: for the types map, whose
 * keys (a few dozen bytes) are hashed for every column recorded. A map's
 * keys all use one hash: the types map uses only this one. */
static unsigned hash_bytes(const char *s, size_t n)
{
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h = (uint64_t)n * k, x;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&x, s, 8);
        h = (h ^ x) * k;
        h ^= h >> 29;
    }
    x = 0;
    memcpy(&x, s, n);
    h = (h ^ x) * k;
    h ^= h >> 32;
    return (unsigned)h;
}

static void map_free(Map *m)
{
    if (m)
        free(m->slots);
}

/* ==== keys ================================================================== */

/* Namespaces: relations (tables, views, sequences, synonyms), types, code. */
enum { NS_REL, NS_TYPE, NS_CODE };

/* The last list resolved: its table, catalogue gen, names (4-byte length
 * and text each, malloc'd) and answer. One list: the INSERTs of a data
 * script come table by table. */
struct CatListMemo {
    const CatTable *table;
    unsigned gen;
    int n, cap;
    const CatColumn **cols;
    signed char *aux;
    char *key;
    size_t key_len, key_cap;
};

/* The last lookup of each namespace and its answer: a data script names
 * the same table in statement after statement. Valid while Catalog.gen is
 * unchanged (what a lookup finds changes only when a statement defines
 * something). */
typedef struct LookupMemo {
    int valid;
    unsigned gen;
    char schema[256], name[256];
    size_t schema_len, name_len;
    CatTable *hit;
} LookupMemo;

static int ns_of(int kind)
{
    switch (kind) {
    case OK_TYPE: return NS_TYPE;
    case OK_PROCEDURE: case OK_FUNCTION: case OK_PACKAGE: case OK_TRIGGER: return NS_CODE;
    default: return NS_REL;
    }
}

static char *upper_dup(Arena *a, const char *s, size_t n)
{
    char *u = arena_strndup(a, s ? s : "", s ? n : 0);
    for (char *c = u; *c; c++)
        *c = (char)toupper((unsigned char)*c);
    return u;
}

/* "SCHEMA.NAME:<ns>" or "NAME:<ns>" in buf (truncated names never match).
 * The namespace comes last so that the bare key is the tail of the
 * qualified one and one string serves both. */
/* toupper in the C locale (sqlshift never changes it), without a call */
static char ascii_upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

static int make_key(char *buf, size_t cap, int ns, const char *schema, const char *name)
{
    size_t need = 2 + (schema && *schema ? strlen(schema) + 1 : 0) + strlen(name) + 1;
    if (need > cap)
        return 0;
    char *p = buf;
    if (schema && *schema) {
        for (const char *s = schema; *s; s++)
            *p++ = ascii_upper(*s);
        *p++ = '.';
    }
    for (const char *s = name; *s; s++)
        *p++ = ascii_upper(*s);
    *p++ = ':';
    *p++ = (char)('0' + ns);
    *p = 0;
    return 1;
}

/* ==== life cycle ============================================================ */

void cat_init(Catalog *c)
{
    memset(c, 0, sizeof *c);
    arena_init(&c->arena, 64 * 1024);
    c->index = ARENA_NEW(&c->arena, Map);
    c->memo = ARENA_NEW_ARRAY(&c->arena, LookupMemo, NS_CODE + 1);
    intern_init(&c->strings, &c->arena);
}

void cat_free(Catalog *c)
{
    if (c->list_memo) {
        free(c->list_memo->cols);
        free(c->list_memo->aux);
        free(c->list_memo->key);
        free(c->list_memo);
    }
    map_free(c->index);
    map_free(c->types);
    intern_free(&c->strings);
    arena_free(&c->arena);
    memset(c, 0, sizeof *c);
}

/* ==== classification ======================================================== */

enum { TC_STRING = 1, TC_NUMERIC, TC_DATETIME };

typedef struct TypeClass {
    const char *name;
    int cls;
} TypeClass;

static int type_class_cmp(const void *key, const void *e)
{
    return strcmp(key, ((const TypeClass *)e)->name);
}

void cat_classify_type(const char *u, CatColumn *out)
{
    /* sorted by name (byte order) for bsearch: asked for every column */
    static const TypeClass classes[] = {
        {"BIGINT", TC_NUMERIC}, {"BIGSERIAL", TC_NUMERIC}, {"BINARY_DOUBLE", TC_NUMERIC},
        {"BINARY_FLOAT", TC_NUMERIC}, {"BINARY_INTEGER", TC_NUMERIC}, {"BIT", TC_NUMERIC},
        {"BPCHAR", TC_STRING}, {"CHAR", TC_STRING}, {"CHAR VARYING", TC_STRING},
        {"CHARACTER", TC_STRING}, {"CHARACTER LARGE OBJECT", TC_STRING},
        {"CHARACTER VARYING", TC_STRING}, {"CITEXT", TC_STRING}, {"CLOB", TC_STRING},
        {"DATE", TC_DATETIME}, {"DATETIME", TC_DATETIME}, {"DATETIME2", TC_DATETIME},
        {"DATETIMEOFFSET", TC_DATETIME}, {"DEC", TC_NUMERIC}, {"DECIMAL", TC_NUMERIC},
        {"DOUBLE", TC_NUMERIC}, {"DOUBLE PRECISION", TC_NUMERIC}, {"ENUM", TC_STRING},
        {"FIXED", TC_NUMERIC}, {"FLOAT", TC_NUMERIC}, {"FLOAT4", TC_NUMERIC},
        {"FLOAT8", TC_NUMERIC}, {"INT", TC_NUMERIC}, {"INT2", TC_NUMERIC}, {"INT4", TC_NUMERIC},
        {"INT8", TC_NUMERIC}, {"INTEGER", TC_NUMERIC}, {"LONG", TC_STRING},
        {"LONG VARCHAR", TC_STRING}, {"LONGTEXT", TC_STRING}, {"MEDIUMINT", TC_NUMERIC},
        {"MEDIUMTEXT", TC_STRING}, {"MONEY", TC_NUMERIC}, {"NATIONAL CHAR", TC_STRING},
        {"NATIONAL CHAR VARYING", TC_STRING}, {"NATIONAL CHARACTER", TC_STRING},
        {"NATIONAL CHARACTER VARYING", TC_STRING}, {"NATURAL", TC_NUMERIC}, {"NCHAR", TC_STRING},
        {"NCHAR VARYING", TC_STRING}, {"NCLOB", TC_STRING}, {"NTEXT", TC_STRING},
        {"NUMBER", TC_NUMERIC}, {"NUMERIC", TC_NUMERIC}, {"NVARCHAR", TC_STRING},
        {"NVARCHAR2", TC_STRING}, {"PLS_INTEGER", TC_NUMERIC}, {"POSITIVE", TC_NUMERIC},
        {"REAL", TC_NUMERIC}, {"SERIAL", TC_NUMERIC}, {"SET", TC_STRING}, {"SIGNTYPE", TC_NUMERIC},
        {"SIMPLE_INTEGER", TC_NUMERIC}, {"SMALLDATETIME", TC_DATETIME}, {"SMALLINT", TC_NUMERIC},
        {"SMALLMONEY", TC_NUMERIC}, {"SMALLSERIAL", TC_NUMERIC}, {"STRING", TC_STRING},
        {"SYSNAME", TC_STRING}, {"TEXT", TC_STRING}, {"TIME", TC_DATETIME},
        {"TIMESTAMP", TC_DATETIME}, {"TIMESTAMPTZ", TC_DATETIME}, {"TIMETZ", TC_DATETIME},
        {"TINYINT", TC_NUMERIC}, {"TINYTEXT", TC_STRING}, {"VARCHAR", TC_STRING},
        {"VARCHAR2", TC_STRING}, {"YEAR", TC_NUMERIC},
    };
    out->is_string = out->is_numeric = out->is_datetime = 0;
    if (!u)
        return;
    const TypeClass *c = bsearch(u, classes, sizeof classes / sizeof classes[0], sizeof classes[0],
                                 type_class_cmp);
    if (!c)
        return;
    out->is_string = c->cls == TC_STRING;
    out->is_numeric = c->cls == TC_NUMERIC;
    out->is_datetime = c->cls == TC_DATETIME;
}

/* ==== copies into the catalogue arena ======================================= */

static Ident copy_ident(Arena *a, const Ident *id)
{
    Ident r = *id;
    if (id->text)
        r.text = arena_strndup(a, id->text, id->len);
    return r;
}

static const char *copy_str(Arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

static Node *copy_literal(Arena *a, const Node *n)
{
    if (!n || n->kind != N_LITERAL) {
        /* only literal arguments matter for type lookups; others become unknown */
        return NULL;
    }
    const Literal *l = (const Literal *)n;
    Literal *c = ARENA_NEW(a, Literal);
    *c = *l;
    c->value = l->value ? arena_strndup(a, l->value, l->len) : NULL;
    c->charset = copy_str(a, l->charset);
    return &c->h;
}

static void copy_literals(Arena *a, NodeList *dst, const NodeList *src)
{
    memset(dst, 0, sizeof *dst);
    for (int i = 0; i < src->n; i++) {
        Node *x = copy_literal(a, src->items[i]);
        if (x)
            nl_push(a, dst, x);
    }
}

/* A copy of t in c, its texts in a. */
static TypeName *copy_type_to(Arena *a, TypeName *c, const TypeName *t)
{
    *c = *t;
    for (int i = 0; i < t->name.n; i++)
        c->name.parts[i] = copy_ident(a, &t->name.parts[i]);
    c->upper = copy_str(a, t->upper);
    copy_literals(a, &c->args, &t->args);
    copy_literals(a, &c->values, &t->values);
    c->char_sem = copy_str(a, t->char_sem);
    c->suffix = copy_str(a, t->suffix);
    c->charset = copy_str(a, t->charset);
    c->collate = copy_ident(a, &t->collate);
    c->anchor = copy_str(a, t->anchor);
    c->target_text = NULL;
    return c;
}

static TypeName *copy_type(Arena *a, const TypeName *t)
{
    return t ? copy_type_to(a, ARENA_NEW(a, TypeName), t) : NULL;
}

/* ==== lookups ================================================================ */

static const char *ident_upper(Arena *a, const Ident *id)
{
    return upper_dup(a, id->text, id->len);
}

/* Schema names and column names recur from table to table: one copy each. */
static const char *intern_upper(Catalog *c, const Ident *id)
{
    char buf[256];
    if (!id->text || id->len >= sizeof buf)
        return ident_upper(&c->arena, id);
    for (uint32_t i = 0; i < id->len; i++)
        buf[i] = (char)toupper((unsigned char)id->text[i]);
    return intern(&c->strings, buf, id->len);
}

static Ident intern_ident(Catalog *c, const Ident *id)
{
    Ident r = *id;
    if (id->text)
        r.text = intern(&c->strings, id->text, id->len);
    return r;
}

/* The object named name[0..nl) in schema[0..sl) (sl 0: unqualified) of
 * namespace ns. The texts are taken up to a NUL byte, as C strings would be. */
static CatTable *find_ns_n(const Catalog *c, int ns, const char *schema, size_t sl, const char *name,
                           size_t nl)
{
    char key[600];
    if (!c || !c->index || !name)
        return NULL;
    if (2 + nl + 1 > sizeof key)
        return NULL;
    int qualified = sl && 2 + sl + 1 + nl + 1 <= sizeof key;
    /* make_key's keys, "SCHEMA.NAME:ns" and the bare "NAME:ns" (its tail),
     * written once, both hashed as they are written */
    char *p = key;
    unsigned hq = 2166136261u, hb = 2166136261u; /* hash_str of each */
    if (qualified) {
        for (size_t i = 0; i < sl && schema[i]; i++) {
            *p = ascii_upper(schema[i]);
            hq = (hq ^ (unsigned char)*p++) * 16777619u;
        }
        qualified = p > key;
        if (qualified) {
            *p = '.';
            hq = (hq ^ (unsigned char)*p++) * 16777619u;
        }
    }
    const char *bare = p;
    for (size_t i = 0; i < nl && name[i]; i++) {
        *p = ascii_upper(name[i]);
        hq = (hq ^ (unsigned char)*p) * 16777619u;
        hb = (hb ^ (unsigned char)*p++) * 16777619u;
    }
    p[0] = ':';
    p[1] = (char)('0' + ns);
    for (int i = 0; i < 2; i++) {
        hq = (hq ^ (unsigned char)*p) * 16777619u;
        hb = (hb ^ (unsigned char)*p++) * 16777619u;
    }
    *p = 0;
    const Map *m = c->index;
    if (!m->cap)
        return NULL;
    if (qualified) {
        Slot *s = map_slot(m, key, hq);
        if (s->key && s->t)
            return s->t;
    }
    /* a qualified reference to an object defined without schema (or in the
     * default schema) still finds it by its bare name */
    Slot *s = map_slot(m, bare, hb);
    return s->key ? s->t : NULL;
}

static CatTable *find_ns(const Catalog *c, int ns, const char *schema, const char *name)
{
    if (!name)
        return NULL;
    return find_ns_n(c, ns, schema, schema ? strlen(schema) : 0, name, strlen(name));
}

static CatTable *find_qname_ns(const Catalog *c, const QName *q, int ns)
{
    if (!q || q->n < 1)
        return NULL;
    const Ident *id = &q->parts[q->n - 1];
    if (!id->text || id->len >= sizeof ((LookupMemo *)0)->name)
        return NULL;
    const Ident *s = q->n >= 2 ? &q->parts[q->n - 2] : NULL;
    size_t slen = s && s->text && s->len < sizeof ((LookupMemo *)0)->schema ? s->len : 0;
    LookupMemo *m = c && c->memo ? &((LookupMemo *)c->memo)[ns] : NULL;
    if (m && m->valid && m->gen == c->gen && m->name_len == id->len && m->schema_len == slen &&
        !memcmp(m->name, id->text, id->len) && (!slen || !memcmp(m->schema, s->text, slen)))
        return m->hit;
    /* the parts are read where they are (no NUL-ended copies to measure) */
    CatTable *t = find_ns_n(c, ns, slen ? s->text : "", slen, id->text, id->len);
    if (m) {
        m->valid = 1;
        m->gen = c->gen;
        memcpy(m->name, id->text, id->len);
        if (slen)
            memcpy(m->schema, s->text, slen);
        m->name_len = id->len;
        m->schema_len = slen;
        m->hit = t;
    }
    return t;
}

CatTable *cat_find(const Catalog *c, const QName *name)
{
    CatTable *t = find_qname_ns(c, name, NS_REL);
    if (!t)
        t = find_qname_ns(c, name, NS_TYPE);
    if (!t)
        t = find_qname_ns(c, name, NS_CODE);
    return t;
}

CatTable *cat_find_kind(const Catalog *c, const QName *name, int kind)
{
    CatTable *t = find_qname_ns(c, name, ns_of(kind));
    return t && (t->kind == kind || ns_of(kind) == NS_CODE) ? t : NULL;
}

CatTable *cat_find_text(const Catalog *c, const char *schema, const char *name)
{
    CatTable *t = find_ns(c, NS_REL, schema, name);
    if (!t)
        t = find_ns(c, NS_TYPE, schema, name);
    if (!t)
        t = find_ns(c, NS_CODE, schema, name);
    return t;
}

/* 1 if the NUL-terminated name is s[0..len) in any case: what
 * strlen(name) == len && strncasecmp(name, s, len) == 0 says, but it stops
 * at the first byte that differs (column lookups are on hot paths: every
 * value of every INSERT into a table with boolean or date columns). */
static int ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c; /* strncasecmp in the C locale (never changed) */
}

static int name_is(const char *name, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char a = (unsigned char)name[i], b = (unsigned char)s[i];
        if (a == b) { /* mostly: the same spelling */
            if (!a)
                return 0;
        } else if (ascii_lower(a) != ascii_lower(b)) {
            return 0; /* (also where name ends first: a NUL matches no other byte) */
        }
    }
    return name[len] == 0;
}

/* name_is for a column; its length, known when the name is its Ident's
 * text, rules out most other columns at once (table loading looks every
 * new column up among the previous ones). */
static int col_is(const CatColumn *c, const char *s, size_t len)
{
    if (c->name == c->ident.text && c->name) {
        if (c->ident.len < len)
            return 0; /* strlen(name) <= ident.len */
        if (c->ident.len > len && c->name[len])
            return 0; /* strlen(name) > len */
        /* the same length: name_is, which stops at the first byte that
         * differs (most columns asked about are other columns) */
    }
    return name_is(c->name, s, len);
}

const CatColumn *cat_column(const CatTable *t, const char *name, size_t len)
{
    if (!t || !name)
        return NULL;
    for (int i = 0; i < t->cols.n; i++) {
        const CatColumn *c = &t->cols.items[i];
        if (col_is(c, name, len))
            return c;
    }
    return NULL;
}

const CatColumn *cat_column_near(const CatTable *t, const char *name, size_t len, int hint)
{
    if (t && name && !t->dup_cols && hint >= 0 && hint < t->cols.n &&
        col_is(&t->cols.items[hint], name, len))
        return &t->cols.items[hint]; /* the only column of that name */
    return cat_column(t, name, len);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        abort(); /* as the arena does when memory runs out */
    return p;
}

static int list_memo_hit(const struct CatListMemo *m, const CatTable *t, unsigned gen, const IdentList *l)
{
    if (!m || m->table != t || m->gen != gen || m->n != l->n)
        return 0;
    const char *p = m->key, *end = m->key + m->key_len;
    for (int i = 0; i < l->n; i++) {
        uint32_t len;
        if (end - p < 4)
            return 0;
        memcpy(&len, p, 4);
        if (len != l->items[i].len || (size_t)(end - p - 4) < len ||
            (len && memcmp(p + 4, l->items[i].text, len) != 0))
            return 0;
        p += 4 + len;
    }
    return p == end;
}

CatListColumns cat_list_columns(Catalog *c, CatTable *t, const IdentList *l)
{
    struct CatListMemo *m = c->list_memo;
    if (!m) {
        m = c->list_memo = xrealloc(NULL, sizeof *m);
        memset(m, 0, sizeof *m);
    }
    if (!list_memo_hit(m, t, c->gen, l)) {
        if (l->n > m->cap) {
            m->cap = l->n;
            m->cols = xrealloc(m->cols, sizeof *m->cols * (size_t)m->cap);
            m->aux = xrealloc(m->aux, (size_t)m->cap);
        }
        size_t need = 0;
        for (int i = 0; i < l->n; i++)
            need += 4 + (l->items[i].text ? l->items[i].len : 0);
        if (need > m->key_cap) {
            m->key_cap = need;
            m->key = xrealloc(m->key, need);
        }
        m->key_len = 0;
        for (int i = 0, next = 0; i < l->n; i++) {
            const Ident *id = &l->items[i];
            uint32_t len = id->text ? id->len : 0;
            memcpy(m->key + m->key_len, &len, 4);
            if (len)
                memcpy(m->key + m->key_len + 4, id->text, len);
            m->key_len += 4 + len;
            m->cols[i] = cat_column_near(t, id->text, id->len, next);
            if (m->cols[i])
                next = (int)(m->cols[i] - t->cols.items) + 1;
            m->aux[i] = -1;
        }
        m->table = t;
        m->gen = c->gen;
        m->n = l->n;
    }
    CatListColumns r = {m->cols, m->aux};
    return r;
}

/* ==== recording ============================================================== */

static CatTable *add_object(Catalog *c, const QName *q, int kind, int object)
{
    if (!q || q->n < 1 || !q->parts[q->n - 1].text)
        return NULL;
    Arena *a = &c->arena;
    CatTable *t = ARENA_NEW(a, CatTable);
    t->kind = kind;
    t->object = object;
    t->name = ident_upper(a, &q->parts[q->n - 1]);
    t->schema = q->n >= 2 ? intern_upper(c, &q->parts[q->n - 2]) : "";
    VEC_PUSH(a, c->tables, t);
    c->gen++; /* lookups may find it now (LookupMemo) */
    char key[600];
    int ns = ns_of(kind);
    if (make_key(key, sizeof key, ns, t->schema, t->name)) {
        const char *k = arena_strdup(a, key);
        map_put(c->index, k, t);
        if (*t->schema) /* the bare key is the tail of the qualified one */
            map_put(c->index, k + strlen(t->schema) + 1, t);
    } else if (make_key(key, sizeof key, ns, NULL, t->name)) {
        map_put(c->index, arena_strdup(a, key), t);
    }
    return t;
}

/* The key being built by type_key: k counts every byte asked for, so
 * k >= n says it did not fit (as snprintf's count would). */
typedef struct TypeKey {
    char *buf;
    size_t n, k;
} TypeKey;

static void key_part(TypeKey *tk, const char *s, size_t len)
{
    if (tk->k + 1 + len < tk->n) {
        tk->buf[tk->k] = '|';
        if (len)
            memcpy(tk->buf + tk->k + 1, s, len);
        tk->buf[tk->k + 1 + len] = 0;
    }
    tk->k += 1 + len;
}

static void key_str(TypeKey *tk, const char *s)
{
    key_part(tk, s ? s : "", s ? strlen(s) : 0);
}

static void key_int(TypeKey *tk, int v)
{
    char d[16];
    size_t i = sizeof d;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do
        d[--i] = (char)('0' + u % 10);
    while ((u /= 10) && i > 1);
    if (v < 0)
        d[--i] = '-';
    key_part(tk, d + i, sizeof d - i);
}

/* The type's spelling, enough to tell two types apart for the catalogue,
 * and its length (0: not shared, or too long for buf).
 * Built by hand, not with snprintf: it is made for every column recorded. */
static size_t type_key(char *buf, size_t n, const TypeName *t)
{
    TypeKey tk = {buf, n, 0};
    buf[0] = 0;
    key_str(&tk, t->upper);
    key_int(&tk, t->is_max);
    key_int(&tk, t->star_prec);
    key_int(&tk, t->is_unsigned);
    key_str(&tk, t->char_sem);
    key_str(&tk, t->suffix);
    key_str(&tk, t->charset);
    key_str(&tk, t->anchor);
    key_int(&tk, t->name.n);
    for (int i = 0; i < t->name.n && tk.k < n; i++)
        key_part(&tk, t->name.parts[i].text, t->name.parts[i].len);
    for (int i = 0; i < t->args.n && tk.k < n; i++) {
        const Node *x = t->args.items[i];
        if (x->kind != N_LITERAL)
            return 0;
        key_part(&tk, ((const Literal *)x)->value, ((const Literal *)x)->len);
    }
    if (t->values.n || t->collate.text)
        return 0; /* ENUM/SET values, collations: not shared */
    return tk.k < n ? tk.k : 0;
}

/* An interned column type with its class (cat_classify_type), found once
 * for all the columns of that type (a bsearch of strcmp calls each). */
typedef struct InternedType {
    TypeName t; /* first: the map's pointer is the type's */
    unsigned char is_string, is_numeric, is_datetime;
} InternedType;

static void set_class(CatColumn *col, const InternedType *it)
{
    col->is_string = it->is_string;
    col->is_numeric = it->is_numeric;
    col->is_datetime = it->is_datetime;
}

/* Column types are interned: a schema with thousands of columns has a few
 * dozen distinct types, and copying each would cost memory in proportion
 * to the input (the 3 x input bound of large scripts). The column's
 * type, type_upper and class are set from ty. */
static void intern_type(Catalog *c, const TypeName *ty, CatColumn *col)
{
    char key[512];
    size_t klen = ty ? type_key(key, sizeof key, ty) : 0;
    if (!klen) {
        col->type = copy_type(&c->arena, ty);
        col->type_upper = col->type && col->type->upper ? col->type->upper : "";
        cat_classify_type(col->type_upper, col);
        return;
    }
    if (!c->types)
        c->types = ARENA_NEW(&c->arena, Map);
    /* the map holds CatTable pointers; here it holds InternedType pointers */
    unsigned h = hash_bytes(key, klen);
    InternedType *it = (InternedType *)(void *)map_get_h(c->types, key, h);
    if (!it) {
        it = ARENA_NEW(&c->arena, InternedType);
        copy_type_to(&c->arena, &it->t, ty);
        CatColumn cls;
        cat_classify_type(it->t.upper ? it->t.upper : "", &cls);
        it->is_string = cls.is_string;
        it->is_numeric = cls.is_numeric;
        it->is_datetime = cls.is_datetime;
        map_put_h(c->types, arena_strdup(&c->arena, key), h, (CatTable *)(void *)it);
    }
    col->type = &it->t;
    col->type_upper = it->t.upper ? it->t.upper : "";
    set_class(col, it);
}

/* Column from a type: user alias types classify by their base type. */
static void set_column_type(Catalog *c, CatColumn *col, const TypeName *ty)
{
    intern_type(c, ty, col);
    if (ty && !col->is_string && !col->is_numeric && !col->is_datetime) {
        CatTable *ut = find_qname_ns(c, &ty->name, NS_TYPE);
        if (ut && ut->alias_of && ut->alias_of->upper)
            cat_classify_type(ut->alias_of->upper, col);
    }
}

static CatColumn *find_col_mut(CatTable *t, const Ident *id)
{
    for (int i = 0; i < t->cols.n; i++) {
        CatColumn *c = &t->cols.items[i];
        if (id->text && col_is(c, id->text, id->len))
            return c;
    }
    return NULL;
}

static void add_column(Catalog *c, CatTable *t, const ColumnDef *d)
{
    if (!d || d->h.kind != N_COLUMN_DEF || !d->name.text)
        return;
    CatColumn *old = find_col_mut(t, &d->name);
    CatColumn col;
    memset(&col, 0, sizeof col);
    /* one copy of the name: lookups are case-insensitive */
    col.ident = intern_ident(c, &d->name);
    col.name = col.ident.text;
    set_column_type(c, &col, d->type);
    col.identity = d->identity;
    col.not_null = d->nullable == 2 || d->identity;
    for (int i = 0; i < d->constraints.n; i++) {
        const Constraint *k = (const Constraint *)d->constraints.items[i];
        if (k->h.kind == N_CONSTRAINT && (k->ck == CK_PRIMARY || k->ck == CK_NOT_NULL))
            col.not_null = 1;
    }
    /* (the first letter first: this runs for every column defined) */
    const char *tu = d->type ? d->type->upper : NULL;
    col.generated = d->identity || d->computed ||
                    (tu && ((tu[0] == 'R' && !strcmp(tu, "ROWVERSION")) ||
                            (tu[0] == 'T' && !strcmp(tu, "TIMESTAMP"))));
    if (old)
        *old = col;
    else
        VEC_PUSH(&c->arena, t->cols, col);
}

/* Sizes a table's column array exactly: growing it by doubling inside the
 * arena would leave the outgrown arrays behind (memory in proportion to
 * the input). */
static void reserve_cols(Catalog *c, CatTable *t, int more)
{
    int want = t->cols.n + more;
    if (want <= t->cols.cap)
        return;
    CatColumn *a = ARENA_NEW_ARRAY(&c->arena, CatColumn, want);
    if (t->cols.n)
        memcpy(a, t->cols.items, sizeof(CatColumn) * (size_t)t->cols.n);
    t->cols.items = a;
    t->cols.cap = want;
}

static void add_named_column(Catalog *c, CatTable *t, const Ident *id, const CatColumn *like)
{
    if (!id || !id->text)
        return;
    CatColumn col;
    memset(&col, 0, sizeof col);
    if (like)
        col = *like;
    col.ident = intern_ident(c, id);
    col.name = col.ident.text;
    if (!col.type_upper)
        col.type_upper = "";
    if (find_col_mut(t, id))
        t->dup_cols = 1;
    VEC_PUSH(&c->arena, t->cols, col);
}

/* ---- query walk: the tables and views a query reads (view dependencies) ---- */

typedef struct DepWalk {
    AstVisit v;
    Catalog *c;
    CatTable *view;
    const NodeList *ctes[32];   /* CTE lists in effect (names are not dependencies) */
    int nctes;
    int depth;
} DepWalk;

static int is_cte_name(const DepWalk *d, const QName *q)
{
    if (q->n != 1)
        return 0;
    for (int k = 0; k < d->nctes; k++)
        for (int i = 0; i < d->ctes[k]->n; i++) {
            const CteDef *cte = (const CteDef *)d->ctes[k]->items[i];
            if (cte->h.kind == N_CTE && cte->name.text && cte->name.len == q->parts[0].len &&
                strncasecmp(cte->name.text, q->parts[0].text, cte->name.len) == 0)
                return 1;
        }
    return 0;
}

static void add_dep(Catalog *c, CatTable *v, const QName *q)
{
    if (!q || q->n < 1)
        return;
    /* Only views matter for the order of views, and tables are created
     * before any view: a name already known as a table is not recorded.
     * Unknown names are (a view defined further down the script). This keeps
     * the catalogue small for scripts with thousands of views over tables. */
    const CatTable *known = cat_find(c, q);
    if (v->kind == OK_VIEW && known && known->kind == OK_TABLE)
        return;
    Arena *a = &c->arena;
    /* schema.name as written (the last two parts): deps.c resolves it */
    char *s;
    const Ident *nm = &q->parts[q->n - 1];
    if (q->n >= 2) {
        const Ident *sc = &q->parts[q->n - 2];
        s = arena_alloc(a, sc->len + nm->len + 2);
        memcpy(s, sc->text, sc->len);
        s[sc->len] = '.';
        memcpy(s + sc->len + 1, nm->text, nm->len);
        s[sc->len + 1 + nm->len] = 0;
    } else {
        s = arena_strndup(a, nm->text, nm->len);
    }
    for (char *p = s; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    for (int i = 0; i < v->deps.n; i++)
        if (strcmp(v->deps.items[i], s) == 0)
            return;
    VEC_PUSH(a, v->deps, (const char *)s);
}

static void dep_slot(AstVisit *v, Node **slot)
{
    DepWalk *d = (DepWalk *)v;
    const Node *n = *slot;
    if (d->depth > 400)
        return;
    int pushed = 0;
    if (n->kind == N_TABLE_REF) {
        const TableRef *t = (const TableRef *)n;
        if (!is_cte_name(d, &t->name))
            add_dep(d->c, d->view, &t->name);
    } else if (n->kind == N_WITH && d->nctes < 32) {
        d->ctes[d->nctes++] = &((const WithStmt *)n)->ctes;
        pushed = 1;
    }
    d->depth++;
    ast_children(*slot, v); /* read only: nothing is replaced */
    d->depth--;
    if (pushed)
        d->nctes--;
}

static void dep_list(AstVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i])
            dep_slot(v, &l->items[i]);
}

/* The body SELECT of a query (left-most branch of set operations). */
static const SelectStmt *body_select(const Node *q)
{
    for (int guard = 0; q && guard < 64; guard++) {
        if (q->kind == N_SELECT)
            return (const SelectStmt *)q;
        if (q->kind == N_WITH)
            q = ((const WithStmt *)q)->body;
        else if (q->kind == N_SETOP)
            q = ((const SetOpStmt *)q)->l;
        else
            return NULL;
    }
    return NULL;
}

/* A view column that is a plain column reference takes that column's type. */
static const CatColumn *view_source_column(Catalog *c, const SelectStmt *s, const NameRef *n)
{
    const QName *q = &n->name;
    const Ident *col = &q->parts[q->n - 1];
    const Ident *qual = q->n >= 2 ? &q->parts[q->n - 2] : NULL;
    /* flatten the FROM items (joins) into table references */
    const Node *stack[64];
    int sp = 0;
    for (int i = s->from.n - 1; i >= 0 && sp < 64; i--)
        stack[sp++] = s->from.items[i];
    while (sp > 0) {
        const Node *f = stack[--sp];
        if (f->kind == N_JOIN) {
            if (sp < 63) {
                stack[sp++] = ((const JoinExpr *)f)->r;
                stack[sp++] = ((const JoinExpr *)f)->l;
            }
            continue;
        }
        if (f->kind != N_TABLE_REF)
            continue;
        const TableRef *t = (const TableRef *)f;
        if (qual) {
            const Ident *al = t->alias.text ? &t->alias : &t->name.parts[t->name.n - 1];
            if (!(al->text && al->len == qual->len && strncasecmp(al->text, qual->text, al->len) == 0))
                continue;
        }
        CatTable *tt = find_qname_ns(c, &t->name, NS_REL);
        const CatColumn *cc = tt ? cat_column(tt, col->text, col->len) : NULL;
        if (cc || qual)
            return cc;
    }
    return NULL;
}

static void add_view(Catalog *c, const CreateView *v, int object)
{
    CatTable *t = add_object(c, &v->name, OK_VIEW, object);
    if (!t)
        return;
    DepWalk d;
    memset(&d, 0, sizeof d);
    d.v.node = dep_slot;
    d.v.list = dep_list;
    d.c = c;
    d.view = t;
    if (v->query) {
        Node *q = (Node *)v->query;
        dep_slot(&d.v, &q);
    }
    const SelectStmt *s = body_select(v->query);
    if (!s)
        return;
    reserve_cols(c, t, s->targets.n);
    for (int i = 0; i < s->targets.n; i++) {
        const TargetItem *ti = (const TargetItem *)s->targets.items[i];
        if (ti->h.kind != N_TARGET || !ti->expr)
            continue;
        const Ident *name = NULL;
        const CatColumn *like = NULL;
        if (i < v->cols.n)
            name = &v->cols.items[i];
        else if (ti->alias.text)
            name = &ti->alias;
        if (ti->expr->kind == N_NAME) {
            const NameRef *nr = (const NameRef *)ti->expr;
            if (!name)
                name = &nr->name.parts[nr->name.n - 1];
            like = view_source_column(c, s, nr);
        }
        if (name)
            add_named_column(c, t, name, like);
    }
}

static void add_table(Catalog *c, const CreateTable *ct, int object)
{
    CatTable *t = add_object(c, &ct->name, OK_TABLE, object);
    if (!t)
        return;
    reserve_cols(c, t, ct->columns.n);
    for (int i = 0; i < ct->columns.n; i++)
        add_column(c, t, (const ColumnDef *)ct->columns.items[i]);
    /* PRIMARY KEY (a, b): its columns are NOT NULL */
    for (int i = 0; i < ct->constraints.n; i++) {
        const Constraint *k = (const Constraint *)ct->constraints.items[i];
        if (k->h.kind != N_CONSTRAINT || k->ck != CK_PRIMARY)
            continue;
        for (int j = 0; j < k->cols.n; j++) {
            const IndexCol *ic = (const IndexCol *)k->cols.items[j];
            if (ic->h.kind != N_INDEX_COL || !ic->expr || ic->expr->kind != N_NAME)
                continue;
            const QName *q = &((const NameRef *)ic->expr)->name;
            CatColumn *col = find_col_mut(t, &q->parts[q->n - 1]);
            if (col)
                col->not_null = 1;
        }
    }
    if (ct->as_query && ct->columns.n == 0) {
        const SelectStmt *s = body_select(ct->as_query);
        for (int i = 0; s && i < s->targets.n; i++) {
            const TargetItem *ti = (const TargetItem *)s->targets.items[i];
            if (ti->h.kind != N_TARGET)
                continue;
            if (ti->alias.text)
                add_named_column(c, t, &ti->alias, NULL);
            else if (ti->expr && ti->expr->kind == N_NAME) {
                const NameRef *nr = (const NameRef *)ti->expr;
                add_named_column(c, t, &nr->name.parts[nr->name.n - 1],
                                 view_source_column(c, s, nr));
            }
        }
    }
}

static void alter_table(Catalog *c, const AlterTable *a, int object)
{
    CatTable *t = find_qname_ns(c, &a->name, NS_REL);
    if (!t)
        t = add_object(c, &a->name, OK_TABLE, object); /* defined elsewhere: still learn columns */
    if (!t)
        return;
    for (int i = 0; i < a->actions.n; i++) {
        const AlterAction *x = (const AlterAction *)a->actions.items[i];
        if (x->h.kind != N_ALTER_ACTION)
            continue;
        if ((x->ak == AK_ADD_COLUMN || x->ak == AK_ALTER_COLUMN) && x->def &&
            x->def->kind == N_COLUMN_DEF) {
            const ColumnDef *d = (const ColumnDef *)x->def;
            if (x->ak == AK_ALTER_COLUMN && !d->type)
                continue;
            add_column(c, t, d);
        } else if (x->ak == AK_RENAME_COLUMN && x->name.text && x->name2.text) {
            CatColumn *col = find_col_mut(t, &x->name);
            if (col && find_col_mut(t, &x->name2))
                t->dup_cols = 1;
            if (col) {
                col->name = ident_upper(&c->arena, &x->name2);
                col->ident = intern_ident(c, &x->name2);
            }
        }
    }
}

TypeName *cat_type_from_text(Arena *a, const char *text, SrcSpan span)
{
    if (!text)
        return NULL;
    const char *p = text;
    while (isspace((unsigned char)*p))
        p++;
    /* the name: words up to '(' with single spaces */
    char name[128];
    size_t n = 0;
    int space = 0;
    for (; *p && *p != '(' && n + 2 < sizeof name; p++) {
        if (isspace((unsigned char)*p)) {
            space = n > 0;
            continue;
        }
        if (!isalnum((unsigned char)*p) && *p != '_')
            return NULL;
        if (space)
            name[n++] = ' ';
        space = 0;
        name[n++] = (char)toupper((unsigned char)*p);
    }
    name[n] = 0;
    if (!n)
        return NULL;
    TypeName *t = ARENA_NEW(a, TypeName);
    t->h.kind = N_TYPE;
    t->h.span = span;
    t->srid = -1;
    t->upper = arena_strdup(a, name);
    t->name.n = 1;
    t->name.parts[0].text = t->upper;
    t->name.parts[0].len = (uint32_t)n;
    t->name.parts[0].span = span;
    if (*p == '(') {
        p++;
        for (;;) {
            while (isspace((unsigned char)*p))
                p++;
            if (!strncasecmp(p, "max", 3)) {
                t->is_max = 1;
                p += 3;
            } else if (isdigit((unsigned char)*p)) {
                const char *d = p;
                while (isdigit((unsigned char)*p))
                    p++;
                Literal *l = ARENA_NEW(a, Literal);
                l->h.kind = N_LITERAL;
                l->h.span = span;
                l->lk = LIT_INTEGER;
                l->len = (uint32_t)(p - d);
                l->value = arena_strndup(a, d, l->len);
                nl_push(a, &t->args, l);
            } else {
                return NULL;
            }
            while (isspace((unsigned char)*p))
                p++;
            if (*p == ',') {
                p++;
                continue;
            }
            if (*p != ')')
                return NULL;
            break;
        }
    }
    return t;
}

static const char *arg_text(const Node *a, size_t *len)
{
    if (!a)
        return NULL;
    if (a->kind == N_LITERAL && (((const Literal *)a)->lk == LIT_STRING || ((const Literal *)a)->lk == LIT_NSTRING)) {
        *len = ((const Literal *)a)->len;
        return ((const Literal *)a)->value;
    }
    if (a->kind == N_NAME && ((const NameRef *)a)->name.n >= 1) {
        const QName *q = &((const NameRef *)a)->name;
        *len = q->parts[q->n - 1].len;
        return q->parts[q->n - 1].text;
    }
    return NULL;
}

int cat_sp_addtype(const Node *stmt, const char **name, size_t *name_len, const char **base,
                   int *not_null)
{
    if (!stmt || stmt->kind != N_OTHER_STMT)
        return 0;
    const OtherStmt *o = (const OtherStmt *)stmt;
    if (o->what != OS_EXEC || o->name.n < 1 || !ident_eq(&o->name.parts[o->name.n - 1], "sp_addtype") ||
        o->args.n < 2)
        return 0;
    size_t bl = 0, nl = 0;
    const char *nm = arg_text(o->args.items[0], &nl);
    const char *b = arg_text(o->args.items[1], &bl);
    if (!nm || !b)
        return 0;
    *name = nm;
    *name_len = nl;
    *base = b;
    *not_null = 0;
    if (o->args.n >= 3) {
        size_t l3 = 0;
        const char *t3 = arg_text(o->args.items[2], &l3);
        *not_null = t3 && l3 >= 8 && !strncasecmp(t3, "NOT NULL", 8);
    }
    return 1;
}

void cat_add_statement(Catalog *c, const Node *stmt, int object)
{
    if (!c || !c->index || !stmt)
        return;
    switch (stmt->kind) {
    case N_INSERT: case N_UPDATE: case N_DELETE: case N_SELECT: case N_SETOP: case N_WITH:
    case N_VALUES: case N_SCRIPT_CMD: case N_SESSION:
        return; /* defines nothing */
    default:
        c->gen++; /* may define or change something: memos of earlier answers expire */
        break;
    }
    switch (stmt->kind) {
    case N_CREATE_TABLE:
        add_table(c, (const CreateTable *)stmt, object);
        break;
    case N_CREATE_VIEW:
        add_view(c, (const CreateView *)stmt, object);
        break;
    case N_CREATE_SEQUENCE:
        add_object(c, &((const CreateSequence *)stmt)->name, OK_SEQUENCE, object);
        break;
    case N_CREATE_SYNONYM: {
        const CreateSynonym *s = (const CreateSynonym *)stmt;
        CatTable *t = add_object(c, &s->name, OK_SYNONYM, object);
        if (t)
            add_dep(c, t, &s->target);
        break;
    }
    case N_CREATE_TYPE: {
        const CreateType *ty = (const CreateType *)stmt;
        CatTable *t = add_object(c, &ty->name, OK_TYPE, object);
        if (!t)
            break;
        if (ty->tyk == TYK_ALIAS && ty->base)
            t->alias_of = copy_type(&c->arena, ty->base);
        for (int i = 0; i < ty->columns.n; i++)
            add_column(c, t, (const ColumnDef *)ty->columns.items[i]);
        break;
    }
    case N_ROUTINE: {
        const RoutineStmt *r = (const RoutineStmt *)stmt;
        int kind = r->rkind == RK_PROCEDURE ? OK_PROCEDURE
                 : r->rkind == RK_FUNCTION ? OK_FUNCTION
                 : r->rkind == RK_TRIGGER ? OK_TRIGGER
                 : (r->rkind == RK_PACKAGE || r->rkind == RK_PACKAGE_BODY) ? OK_PACKAGE : -1;
        if (kind >= 0 && r->name.n > 0)
            add_object(c, &r->name, kind, object);
        break;
    }
    case N_ALTER_TABLE:
        alter_table(c, (const AlterTable *)stmt, object);
        break;
    case N_OTHER_STMT: {
        /* T-SQL EXEC sp_addtype name, 'base': an alias type */
        const char *nm, *base;
        size_t nl;
        int nn;
        if (!cat_sp_addtype(stmt, &nm, &nl, &base, &nn))
            break;
        QName q;
        memset(&q, 0, sizeof q);
        q.n = 1;
        q.parts[0].text = nm;
        q.parts[0].len = (uint32_t)nl;
        CatTable *t = add_object(c, &q, OK_TYPE, object);
        if (t)
            t->alias_of = cat_type_from_text(&c->arena, base, stmt->span);
        break;
    }
    default:
        break;
    }
}
