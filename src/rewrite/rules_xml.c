/* rewrite: reads rule files (the files in rules/ and --rules FILE) with
 * libxml2, validates them against the RELAX NG schema rules/rules.rng,
 * checks what the schema cannot (template slots, contradicting bounds,
 * PCRE2 patterns, action codes that exist) and hands each file's rules to
 * rules.c (rules_commit). The format is documented in sqlshift-rules(5).
 *
 * A file is loaded in two passes so that a broken file changes nothing: the
 * first pass parses, validates and checks everything into pending lists, the
 * second commits them. This file is the only one that needs libxml2 for
 * rules: it is built into the XML module (src/xml/xml_module.h), which the
 * program opens only for --rules files and `rules check`, and into
 * tools/rules_compile, which turns the built-in files into C tables. */
#include "rewrite/rules_int.h"
#include "diag/diag.h"
#include "util/strbuf.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RULES_NS "urn:sqlshift:rules:1"
#define MAX_ERRORS 20   /* messages kept per file; the rest are counted */

/* ==== error collection ================================================== */

typedef struct Errors {
    StrBuf sb;           /* "file:line: message\n" lines */
    int n;               /* messages recorded (also those not kept) */
    const char *file;    /* name used in messages */
    int line;            /* > 0: report libxml2 messages at this line */
    const char *text;    /* the file's bytes, to find where elements start */
    size_t len;
    size_t *line_off;    /* offset of each line's start (built on first use, malloc) */
    int nlines;
} Errors;

/* Offset of the start of line `line` (1-based); the table is built once per
 * file so finding an element's line is not a scan from the top each time. */
static size_t line_start(Errors *e, int line)
{
    if (!e->line_off) {
        /* memchr: this runs for every rule file on every start */
        const char *end = e->text + e->len, *p;
        int cap = 1;
        for (p = e->text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
            cap++;
        e->line_off = malloc(sizeof(size_t) * (size_t)(cap + 1));
        if (!e->line_off)
            abort();
        e->nlines = 0;
        e->line_off[e->nlines++] = 0;
        for (p = e->text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
            e->line_off[e->nlines++] = (size_t)(p - e->text) + 1;
    }
    if (line < 1)
        return 0;
    return line <= e->nlines ? e->line_off[line - 1] : e->len;
}

/* libxml2 numbers an element by the line where its start tag ends. A rule
 * whose attributes are wrapped is reported where its tag starts: the
 * nearest "<name" before the end of that line (attribute values cannot
 * hold a literal '<'). */
static int node_line(Errors *e, xmlNode *n)
{
    int line = (int)xmlGetLineNo(n);
    if (!e->text || line <= 0 || n->type != XML_ELEMENT_NODE)
        return line;
    size_t len = e->len, nlen = strlen((const char *)n->name);
    size_t off = line_start(e, line);
    size_t end = off;
    while (end < len && e->text[end] != '\n')
        end++;
    for (size_t i = end; i-- > 0;) {
        if (e->text[i] != '<' || i + 1 + nlen >= len ||
            memcmp(e->text + i + 1, n->name, nlen) != 0 ||
            !(isspace((unsigned char)e->text[i + 1 + nlen]) || e->text[i + 1 + nlen] == '/' ||
              e->text[i + 1 + nlen] == '>'))
            continue;
        int l = line;
        for (size_t k = i; k < off; k++)
            if (e->text[k] == '\n')
                l--;
        return l;
    }
    return line;
}

static void err_add(Errors *e, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void err_add(Errors *e, int line, const char *fmt, ...)
{
    if (e->n++ >= MAX_ERRORS)
        return;
    if (line > 0)
        sb_printf(&e->sb, "%s:%d: ", e->file, line);
    else
        sb_printf(&e->sb, "%s: ", e->file);
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&e->sb, fmt, ap);
    va_end(ap);
    sb_putc(&e->sb, '\n');
}

/* Hands the messages to the caller as one malloc'd string; frees the rest. */
static void err_finish(Errors *e, char **err)
{
    if (e->n > MAX_ERRORS)
        sb_printf(&e->sb, "%s: %d more errors not shown\n", e->file, e->n - MAX_ERRORS);
    sb_rtrim(&e->sb);
    while (e->sb.len && e->sb.s[e->sb.len - 1] == '\n')
        e->sb.s[--e->sb.len] = 0;
    if (err)
        *err = sb_take(&e->sb);
    sb_free(&e->sb);
}

#if LIBXML_VERSION >= 21200
#define XML_ERR_CONST const
#else
#define XML_ERR_CONST
#endif

/* libxml2 reports through this while one of our parses or validations runs,
 * so nothing is printed on stderr behind the caller's back. */
static void xml_error_cb(void *data, XML_ERR_CONST xmlError *x)
{
    Errors *e = data;
    if (!x || x->level == XML_ERR_WARNING)
        return;
    int line = e->line > 0 ? e->line : x->line;
    if (line <= 0 && x->node)
        line = (int)xmlGetLineNo((xmlNode *)x->node);
    char *msg = x->message ? x->message : "unknown XML error";
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    err_add(e, line, "%.*s", (int)n, msg);
}

static void xml_generic_cb(void *data, const char *fmt, ...)
{
    (void)data; /* generic messages duplicate the structured ones */
    (void)fmt;
}

/* Saves libxml2's (thread-local) error handlers and installs ours. */
typedef struct XmlErrGuard {
    xmlStructuredErrorFunc serror;
    void *sctx;
    xmlGenericErrorFunc gerror;
    void *gctx;
} XmlErrGuard;

static void xml_errors_on(XmlErrGuard *g, Errors *e)
{
    g->serror = xmlStructuredError;
    g->sctx = xmlStructuredErrorContext;
    g->gerror = xmlGenericError;
    g->gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(e, xml_error_cb);
    xmlSetGenericErrorFunc(NULL, xml_generic_cb);
}

static void xml_errors_off(const XmlErrGuard *g)
{
    xmlSetStructuredErrorFunc(g->sctx, g->serror);
    xmlSetGenericErrorFunc(g->gctx, g->gerror);
}

/* ==== the schema ======================================================== */

static void free_schema(void *schema)
{
    xmlRelaxNGFree(schema);
}

static xmlRelaxNGPtr load_schema(char **err)
{
    Errors e = {.file = "builtin:rules.rng"};
    sb_init(&e.sb);
    const BuiltinFile *bf = rules_builtin_file("rules.rng");
    xmlRelaxNGPtr schema = NULL;
    if (!bf) {
        err_add(&e, 0, "the schema is not built in");
    } else {
        XmlErrGuard g;
        xml_errors_on(&g, &e);
        xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(bf->text, (int)bf->len);
        if (pc) {
            xmlRelaxNGSetParserStructuredErrors(pc, xml_error_cb, &e);
            schema = xmlRelaxNGParse(pc);
            xmlRelaxNGFreeParserCtxt(pc);
        }
        xml_errors_off(&g);
        if (!schema && e.n == 0)
            err_add(&e, 0, "the schema could not be compiled");
    }
    if (schema) {
        sb_free(&e.sb);
        return schema;
    }
    err_finish(&e, err);
    return NULL;
}
/* ==== reading one file ================================================== */

/* What one file adds, before it is committed. */
typedef struct Pending {
    VEC(ActionDef) actions;
    VEC(TypeRule) types;
    VEC(FuncRule) funcs;
    VEC(NameRule) names;
    VEC(NameExtra) name_extra;      /* parallel to names */
    VEC(const char *) reserved;
    int max_ident_len;              /* 0: not set by this file */
} Pending;

typedef struct Loader {
    RuleSet *rs;
    Index *ix;
    Errors *e;
    const char *file;               /* arena copy, stored in every rule */
    int layer;
    Pending p;
} Loader;

static char *prop(Loader *L, xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = arena_strdup(&L->rs->arena, (const char *)v);
    xmlFree(v);
    return s;
}

static int prop_int(Loader *L, xmlNode *n, const char *name, int dflt)
{
    char *s = prop(L, n, name);
    return s ? (int)strtol(s, NULL, 10) : dflt;
}

static int prop_bool(Loader *L, xmlNode *n, const char *name, int dflt)
{
    char *s = prop(L, n, name);
    return s ? strcmp(s, "true") == 0 : dflt;
}

/* Text of an element with white space runs made single spaces (titles and
 * recommendations are wrapped freely in the files). */
static char *collapse(Arena *a, const char *s)
{
    size_t n = strlen(s), o = 0;
    char *out = arena_alloc(a, n + 1);
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        if (isspace((unsigned char)s[i])) {
            space = o > 0;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = 0;
        out[o++] = s[i];
    }
    out[o] = 0;
    return out;
}

static char *child_text(Loader *L, xmlNode *n, const char *name)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0) {
            xmlChar *v = xmlNodeGetContent(c);
            char *s = collapse(&L->rs->arena, v ? (const char *)v : "");
            xmlFree(v);
            return s;
        }
    }
    return arena_strdup(&L->rs->arena, "");
}

static char *upper_name(Loader *L, const char *s, int line)
{
    char buf[NAME_MAX_LEN];
    if (rules_norm_name(buf, sizeof buf, s, strlen(s)) != 0) {
        err_add(L->e, line, "name '%.40s...' is too long", s);
        return NULL;
    }
    return arena_strdup(&L->rs->arena, buf);
}

/* Checks the $ slots of a template: $1..$9 (at most `avail`, the number of
 * arguments the rule guarantees), $* (only if star_ok) and $$. */
static void check_template(Loader *L, int line, const char *t, int avail, int star_ok)
{
    for (const char *p = t; (p = strchr(p, '$')) != NULL; p++) {
        char c = p[1];
        if (c == '$') {
            p++;
        } else if (c == '*' && star_ok) {
            p++;
        } else if (c >= '1' && c <= '9') {
            if (c - '0' > avail) {
                err_add(L->e, line, "template '%s' uses $%c but the rule guarantees %d argument%s",
                        t, c, avail, avail == 1 ? "" : "s");
                return;
            }
            p++;
        } else {
            err_add(L->e, line, "template '%s': '$' must be followed by 1-9%s or '$'", t,
                    star_ok ? ", '*'" : "");
            return;
        }
    }
}

/* An action code named by a rule must be in the catalogue: this file's
 * actions or those already loaded. */
static int code_known(Loader *L, const char *code)
{
    if (rules_code_known(L->rs, code))
        return 1;
    for (int i = 0; i < L->p.actions.n; i++)
        if (strcmp(L->p.actions.items[i].code, code) == 0)
            return 1;
    return 0;
}

static void read_action(Loader *L, xmlNode *n, int line)
{
    ActionDef a;
    a.code = prop(L, n, "code");
    a.sev = sev_parse(prop(L, n, "severity"));
    a.category = prop(L, n, "category");
    a.effort_min = prop_int(L, n, "effort", 0);
    a.title = child_text(L, n, "title");
    a.recommendation = child_text(L, n, "recommendation");
    for (int i = 0; i < L->p.actions.n; i++)
        if (strcmp(L->p.actions.items[i].code, a.code) == 0) {
            err_add(L->e, line, "action %s is defined twice in this file", a.code);
            return;
        }
    VEC_PUSH(&L->rs->arena, L->p.actions, a);
}

static void read_type(Loader *L, xmlNode *n, int line)
{
    TypeRule r;
    memset(&r, 0, sizeof r);
    r.name = upper_name(L, prop(L, n, "name"), line);
    r.nargs = prop_int(L, n, "args", -1);
    r.max = prop_bool(L, n, "max", 0);
    r.pmin = prop_int(L, n, "pmin", -1);
    r.pmax = prop_int(L, n, "pmax", -1);
    r.scale = prop_int(L, n, "scale", -1);
    char *u = prop(L, n, "unsigned");
    r.is_unsigned = u ? strcmp(u, "true") == 0 : -1;
    r.to = prop(L, n, "to");
    r.item = prop(L, n, "item");
    r.note = prop(L, n, "note");
    r.file = L->file;
    r.line = line;
    r.layer = L->layer;
    if (!r.name)
        return;
    if (r.max && r.nargs != -1 && r.nargs != 1)
        err_add(L->e, line, "max=\"true\" needs exactly one argument, not args=\"%d\"", r.nargs);
    if (r.max && (r.pmin >= 0 || r.pmax >= 0))
        err_add(L->e, line, "max=\"true\" cannot be combined with pmin/pmax");
    if (r.pmin >= 0 && r.pmax >= 0 && r.pmin > r.pmax)
        err_add(L->e, line, "pmin=\"%d\" is greater than pmax=\"%d\"", r.pmin, r.pmax);
    if (r.nargs == 0 && (r.pmin >= 0 || r.pmax >= 0))
        err_add(L->e, line, "args=\"0\" cannot be combined with pmin/pmax (the rule never matches)");
    if (r.to && r.to[0] == 0)
        err_add(L->e, line, "type %s: empty 'to'; leave it out and give an item instead", r.name);
    /* Arguments the rule guarantees: its exact count, or one when a
     * precision bound or MAX is required. */
    int avail = r.nargs >= 0 ? r.nargs : (r.max || r.pmin >= 0 || r.pmax >= 0) ? 1 : 0;
    if (r.to)
        check_template(L, line, r.to, avail, 0);
    VEC_PUSH(&L->rs->arena, L->p.types, r);
}

static void read_function(Loader *L, xmlNode *n, int line)
{
    FuncRule r;
    memset(&r, 0, sizeof r);
    r.name = upper_name(L, prop(L, n, "name"), line);
    int args = prop_int(L, n, "args", -1);
    if (args >= 0) {
        r.min_args = r.max_args = args;
    } else {
        r.min_args = prop_int(L, n, "minargs", 0);
        r.max_args = prop_int(L, n, "maxargs", -1);
    }
    r.to = prop(L, n, "to");
    r.tmpl = NULL; /* parsed by the rewrite stage */
    r.item = prop(L, n, "item");
    r.note = prop(L, n, "note");
    r.file = L->file;
    r.line = line;
    r.layer = L->layer;
    if (!r.name)
        return;
    if (r.max_args >= 0 && r.min_args > r.max_args)
        err_add(L->e, line, "minargs=\"%d\" is greater than maxargs=\"%d\"", r.min_args, r.max_args);
    if (r.to && r.to[0])
        check_template(L, line, r.to, r.min_args, 1);
    VEC_PUSH(&L->rs->arena, L->p.funcs, r);
}

static void read_reserved(Loader *L, xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const char *s = v ? (const char *)v : "";
    while (*s) {
        while (*s && isspace((unsigned char)*s))
            s++;
        const char *w = s;
        while (*s && !isspace((unsigned char)*s))
            s++;
        if (s > w) {
            char *word = arena_strndup(&L->rs->arena, w, (size_t)(s - w));
            for (char *c = word; *c; c++)
                *c = (char)toupper((unsigned char)*c);
            VEC_PUSH(&L->rs->arena, L->p.reserved, (const char *)word);
        }
    }
    xmlFree(v);
}

/* Compiles a name pattern; the code is owned by the Index from here on. */
static pcre2_code *compile_pattern(Loader *L, const char *pat, const char *what, int line)
{
    int ec;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                                   &ec, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        err_add(L->e, line, "bad %s pattern '%s' at offset %zu: %s", what, pat, (size_t)off,
                (const char *)msg);
        return NULL;
    }
    HVEC_PUSH(L->ix->codes, re);
    return re;
}

/* Checks the group references of a PCRE2_SUBSTITUTE_EXTENDED replacement
 * ($n, ${n}, ${name}, ${n:+a:b}) against the pattern, since pcre2_substitute
 * would only fail when a name is renamed. */
static void check_replacement(Loader *L, pcre2_code *re, const char *rep, int line)
{
    uint32_t ngroups = 0;
    pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &ngroups);
    for (const char *p = rep; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (*p != '$')
            continue;
        p++;
        if (*p == '$' || *p == 0)
            continue;
        int brace = *p == '{';
        if (brace)
            p++;
        if (*p == '*') { /* $*MARK */
            continue;
        }
        const char *s = p;
        while (*p && (isalnum((unsigned char)*p) || *p == '_'))
            p++;
        if (p == s) {
            err_add(L->e, line, "replacement '%s': '$' must be followed by a group number or name", rep);
            return;
        }
        char ref[64];
        snprintf(ref, sizeof ref, "%.*s", (int)(p - s), s);
        if (isdigit((unsigned char)ref[0])) {
            long g = strtol(ref, NULL, 10);
            if (g < 0 || (uint32_t)g > ngroups) {
                err_add(L->e, line, "replacement '%s' refers to group %ld; the pattern has %u",
                        rep, g, ngroups);
                return;
            }
        } else if (pcre2_substring_number_from_name(re, (PCRE2_SPTR)ref) < 0) {
            err_add(L->e, line, "replacement '%s' refers to unknown group '%s'", rep, ref);
            return;
        }
        p--; /* the loop's p++ steps past the reference */
    }
}

static void read_name_rule(Loader *L, xmlNode *n, NameRuleKind kind, int line)
{
    NameRule r;
    NameExtra x = {NULL, 0};
    memset(&r, 0, sizeof r);
    r.kind = kind;
    r.object = prop(L, n, "object");
    r.pattern = prop(L, n, "pattern");
    r.file = L->file;
    r.line = line;
    r.layer = L->layer;
    if (kind == NR_RENAME)
        r.value = prop(L, n, "replace");
    else if (kind == NR_PREFIX || kind == NR_SUFFIX)
        r.value = prop(L, n, "value");
    if (r.pattern) {
        r.re = compile_pattern(L, r.pattern, "name", line);
        if (!r.re)
            return;
        if (kind == NR_RENAME)
            check_replacement(L, r.re, r.value ? r.value : "", line);
    }
    if (kind == NR_RENAME)
        x.global = prop_bool(L, n, "global", 0);
    if (kind == NR_INCLUDE || kind == NR_EXCLUDE) {
        char *sp = prop(L, n, "schema");
        if (sp && !(x.schema_re = compile_pattern(L, sp, "schema", line)))
            return;
    }
    VEC_PUSH(&L->rs->arena, L->p.names, r);
    VEC_PUSH(&L->rs->arena, L->p.name_extra, x);
}

/* Walks the root's children in document order. */
static void read_rules(Loader *L, xmlNode *root)
{
    for (xmlNode *n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || n->_private) /* _private: failed the schema */
            continue;
        int line = node_line(L->e, n);
        const char *nm = (const char *)n->name;
        if (!strcmp(nm, "action"))
            read_action(L, n, line);
        else if (!strcmp(nm, "type"))
            read_type(L, n, line);
        else if (!strcmp(nm, "function"))
            read_function(L, n, line);
        else if (!strcmp(nm, "reserved"))
            read_reserved(L, n);
        else if (!strcmp(nm, "identifier"))
            L->p.max_ident_len = prop_int(L, n, "max-length", 0);
        else if (!strcmp(nm, "rename"))
            read_name_rule(L, n, NR_RENAME, line);
        else if (!strcmp(nm, "prefix"))
            read_name_rule(L, n, NR_PREFIX, line);
        else if (!strcmp(nm, "suffix"))
            read_name_rule(L, n, NR_SUFFIX, line);
        else if (!strcmp(nm, "lowercase"))
            read_name_rule(L, n, NR_LOWER, line);
        else if (!strcmp(nm, "uppercase"))
            read_name_rule(L, n, NR_UPPER, line);
        else if (!strcmp(nm, "include"))
            read_name_rule(L, n, NR_INCLUDE, line);
        else if (!strcmp(nm, "exclude"))
            read_name_rule(L, n, NR_EXCLUDE, line);
        else /* the schema allows nothing else */
            err_add(L->e, line, "unexpected element <%s>", nm);
    }
    /* Items are checked once the whole file is read, so that a rule may
     * name an <action> defined further down in the same file. */
    for (int i = 0; i < L->p.types.n; i++)
        if (L->p.types.items[i].item && !code_known(L, L->p.types.items[i].item))
            err_add(L->e, L->p.types.items[i].line, "unknown action code %s",
                    L->p.types.items[i].item);
    for (int i = 0; i < L->p.funcs.n; i++)
        if (L->p.funcs.items[i].item && !code_known(L, L->p.funcs.items[i].item))
            err_add(L->e, L->p.funcs.items[i].line, "unknown action code %s",
                    L->p.funcs.items[i].item);
}


/* Validates doc against the schema; messages go to e (NULL: dropped). */
static int validate(xmlRelaxNGPtr schema, xmlDoc *doc, Errors *e)
{
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    if (!vc)
        return -1;
    Errors sink = {.file = ""};
    sb_init(&sink.sb);
    xmlRelaxNGSetValidStructuredErrors(vc, xml_error_cb, e ? e : &sink);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    sb_free(&sink.sb);
    return rc;
}

/* ---- explaining schema errors ------------------------------------------
 * libxml2's RELAX NG messages for an element that fails a choice say only
 * "has extra content". The table below mirrors rules.rng closely enough to
 * name the attribute that is missing, unknown or malformed; the schema
 * stays the authority (when this finds nothing, libxml2's message is
 * reported). Keep both in step. */

typedef struct AttrSpec {
    const char *name;
    char kind;      /* n count, p precision, i scale, b boolean, c code, t text,
                       s string (may be empty), T type name, F function name,
                       o object, v severity, g category */
    int required;
} AttrSpec;

typedef struct ElemSpec {
    const char *name;
    AttrSpec attrs[12];
} ElemSpec;

static const ElemSpec elem_specs[] = {
    {"action", {{"code", 'c', 1}, {"severity", 'v', 1}, {"category", 'g', 1}, {"effort", 'p', 1}}},
    {"type", {{"name", 'T', 1}, {"args", 'n', 0}, {"max", 'b', 0}, {"pmin", 'p', 0}, {"pmax", 'p', 0},
              {"scale", 'i', 0}, {"unsigned", 'b', 0}, {"to", 's', 0}, {"item", 'c', 0},
              {"note", 't', 0}}},
    {"function", {{"name", 'F', 1}, {"args", 'n', 0}, {"minargs", 'n', 0}, {"maxargs", 'n', 0},
                  {"to", 's', 0}, {"item", 'c', 0}, {"note", 't', 0}}},
    {"reserved", {{NULL, 0, 0}}},
    {"identifier", {{"max-length", 'p', 1}}},
    {"rename", {{"object", 'o', 1}, {"pattern", 't', 1}, {"replace", 's', 1}, {"global", 'b', 0}}},
    {"prefix", {{"object", 'o', 1}, {"value", 't', 1}, {"pattern", 't', 0}}},
    {"suffix", {{"object", 'o', 1}, {"value", 't', 1}, {"pattern", 't', 0}}},
    {"lowercase", {{"object", 'o', 1}, {"pattern", 't', 0}}},
    {"uppercase", {{"object", 'o', 1}, {"pattern", 't', 0}}},
    {"include", {{"object", 'o', 1}, {"pattern", 't', 1}, {"schema", 't', 0}}},
    {"exclude", {{"object", 'o', 1}, {"pattern", 't', 1}, {"schema", 't', 0}}},
};

static const char *const objects[] = {"schema", "table", "column", "view", "index", "constraint",
                                      "sequence", "procedure", "function", "trigger", "type",
                                      "synonym", "*", NULL};
static const char *const severities[] = {"info", "low", "medium", "high", "critical", NULL};
static const char *const categories[] = {"input", "syntax", "datatype", "function", "expression",
                                         "query", "ddl", "storage", "index", "constraint", "code",
                                         "identifier", "dml", "security", "session", "script",
                                         "validation", NULL};

static int in_list(const char *const *list, const char *v)
{
    for (; *list; list++)
        if (strcmp(*list, v) == 0)
            return 1;
    return 0;
}

static int is_uint(const char *v, long max)
{
    if (!*v)
        return 0;
    for (const char *p = v; *p; p++)
        if (!isdigit((unsigned char)*p))
            return 0;
    errno = 0;
    long n = strtol(v, NULL, 10);
    return errno == 0 && n <= max;
}

/* Words separated by single spaces (types) or dots (functions), each a
 * letter or '_' followed by letters, digits, '_' (and '$' '#' in functions). */
static int is_name(const char *v, char sep)
{
    const char *p = v;
    for (;;) {
        if (!(isalpha((unsigned char)*p) || *p == '_'))
            return 0;
        p++;
        while (isalnum((unsigned char)*p) || *p == '_' || (sep == '.' && (*p == '$' || *p == '#')))
            p++;
        if (*p == 0)
            return 1;
        if (*p != sep)
            return 0;
        p++;
    }
}

/* Why an attribute value is wrong, or NULL if it is fine. */
static const char *bad_value(char kind, const char *v)
{
    switch (kind) {
    case 'n': return is_uint(v, 255) ? NULL : "a whole number from 0 to 255";
    case 'p': return is_uint(v, 2147483647L) ? NULL : "a whole number from 0 to 2147483647";
    case 'i': return is_uint(v[0] == '-' ? v + 1 : v, 255) && !(v[0] == '-' && strtol(v, NULL, 10) < -127)
                         ? NULL : "a whole number from -127 to 255";
    case 'b': return !strcmp(v, "true") || !strcmp(v, "false") ? NULL : "true or false";
    case 'c': return strlen(v) == 6 && isupper((unsigned char)v[0]) && isupper((unsigned char)v[1]) &&
                             is_uint(v + 2, 9999) ? NULL : "an action code such as SS1001";
    case 't': return *v ? NULL : "not empty";
    case 'T': return is_name(v, ' ') ? NULL : "a type name: words of letters, digits and _ separated by single spaces";
    case 'F': return is_name(v, '.') ? NULL : "a function name: letters, digits, _, $ and #, parts separated by dots";
    case 'o': return in_list(objects, v) ? NULL : "one of schema, table, column, view, index, constraint, sequence, procedure, function, trigger, type, synonym, *";
    case 'v': return in_list(severities, v) ? NULL : "one of info, low, medium, high, critical";
    case 'g': return in_list(categories, v) ? NULL : "one of input, syntax, datatype, function, expression, query, ddl, storage, index, constraint, code, identifier, dml, security, session, script, validation";
    default: return NULL;
    }
}

/* Reports what is wrong with one child of <rules>; returns the number of
 * messages (0: nothing found, let libxml2 speak). */
static int explain_invalid(Errors *e, xmlNode *n, int line)
{
    int before = e->n;
    const char *nm = (const char *)n->name;
    if (!n->ns || strcmp((const char *)n->ns->href, RULES_NS) != 0) {
        err_add(e, line, "<%s> is not in the namespace " RULES_NS, nm);
        return e->n - before;
    }
    const ElemSpec *spec = NULL;
    for (size_t i = 0; i < sizeof elem_specs / sizeof elem_specs[0]; i++)
        if (strcmp(elem_specs[i].name, nm) == 0)
            spec = &elem_specs[i];
    if (!spec) {
        err_add(e, line, "unknown element <%s> (expected action, type, function, reserved, "
                         "identifier, rename, prefix, suffix, lowercase, uppercase, include or exclude)", nm);
        return e->n - before;
    }
    for (xmlAttr *a = n->properties; a; a = a->next) {
        const AttrSpec *as = NULL;
        for (const AttrSpec *s = spec->attrs; s->name; s++)
            if (strcmp(s->name, (const char *)a->name) == 0)
                as = s;
        if (!as) {
            err_add(e, line, "<%s> has no attribute '%s'", nm, (const char *)a->name);
            continue;
        }
        xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
        const char *why = bad_value(as->kind, v ? (const char *)v : "");
        if (why)
            err_add(e, line, "<%s %s=\"%s\">: must be %s", nm, as->name, v ? (const char *)v : "", why);
        xmlFree(v);
    }
    for (const AttrSpec *s = spec->attrs; s->name; s++)
        if (s->required && !xmlHasProp(n, (const xmlChar *)s->name))
            err_add(e, line, "<%s> needs the attribute '%s'", nm, s->name);
    int is_type = !strcmp(nm, "type"), is_func = !strcmp(nm, "function");
    if ((is_type || is_func) && !xmlHasProp(n, (const xmlChar *)"to") &&
        !xmlHasProp(n, (const xmlChar *)"item"))
        err_add(e, line, "<%s> needs 'to' (the target template) or 'item' (the action code "
                         "recorded when there is no equivalent)", nm);
    if (is_func && xmlHasProp(n, (const xmlChar *)"args") &&
        (xmlHasProp(n, (const xmlChar *)"minargs") || xmlHasProp(n, (const xmlChar *)"maxargs")))
        err_add(e, line, "<function>: give either args or minargs/maxargs");
    int titles = 0, recs = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            const char *cn = (const char *)c->name;
            if (!strcmp(nm, "action") && !strcmp(cn, "title"))
                titles++;
            else if (!strcmp(nm, "action") && !strcmp(cn, "recommendation"))
                recs++;
            else
                err_add(e, line, "<%s> cannot contain <%s>", nm, cn);
        } else if (c->type == XML_TEXT_NODE && strcmp(nm, "action") && strcmp(nm, "reserved")) {
            for (const xmlChar *p = c->content; p && *p; p++)
                if (!isspace(*p)) {
                    err_add(e, line, "<%s> cannot contain text", nm);
                    break;
                }
        }
    }
    if (!strcmp(nm, "action") && (titles != 1 || recs != 1))
        err_add(e, line, "<action> needs one <title> followed by one <recommendation>");
    return e->n - before;
}

/* libxml2 blames the first child of <rules> when any later child is
 * invalid (its choice-in-zeroOrMore matching gives up at the start), so
 * the messages of a failed document are useless for finding the mistake.
 * Each child is therefore validated alone, inside a copy of the root, and
 * reported at its own line; if no child fails alone, the root itself is
 * wrong and the whole-document messages are reported. */
static void explain_root(Errors *e, xmlNode *root, int line)
{
    static const char *const sources[] = {"tsql", "oracle", "mysql", "*", NULL};
    static const char *const targets[] = {"postgresql", "mysql", "*", NULL};
    if (strcmp((const char *)root->name, "rules") != 0 || !root->ns ||
        strcmp((const char *)root->ns->href, RULES_NS) != 0) {
        err_add(e, line, "the root element must be <rules xmlns=\"" RULES_NS "\">");
        return;
    }
    for (xmlAttr *a = root->properties; a; a = a->next) {
        const char *an = (const char *)a->name;
        xmlChar *v = xmlNodeListGetString(root->doc, a->children, 1);
        const char *val = v ? (const char *)v : "";
        if (!strcmp(an, "source") && !in_list(sources, val))
            err_add(e, line, "<rules source=\"%s\">: must be one of tsql, oracle, mysql, *", val);
        else if (!strcmp(an, "target") && !in_list(targets, val))
            err_add(e, line, "<rules target=\"%s\">: must be one of postgresql, mysql, *", val);
        else if (strcmp(an, "source") && strcmp(an, "target"))
            err_add(e, line, "<rules> has no attribute '%s'", an);
        xmlFree(v);
    }
}

/* Validates doc (rc: xmlRelaxNGValidateDoc's) into x, a scratch list. */
static int validate_into(xmlRelaxNGPtr schema, xmlDoc *doc, Errors *x)
{
    sb_init(&x->sb);
    return validate(schema, doc, x);
}

/* libxml2 blames the first child of <rules> when any later child is
 * invalid (its choice-in-zeroOrMore matching gives up at the start), so
 * the messages of a failed document do not locate the mistake. The root
 * is therefore validated alone, then each child alone inside a copy of the
 * root, and each failure is explained at its own line (with our words when
 * explain_invalid can tell what is wrong, else libxml2's). Failed children
 * are marked (_private) so that reading skips them but still checks the
 * rest. Returns 0 if the root itself is fine. */
static int locate_invalid(xmlRelaxNGPtr schema, xmlDoc *doc, Errors *e)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    int before = e->n;
    if (!root) {
        err_add(e, 0, "no root element");
        return -1;
    }
    xmlDoc *bare = xmlNewDoc((const xmlChar *)"1.0");
    xmlDocSetRootElement(bare, xmlDocCopyNode(root, bare, 2)); /* attributes, no children */
    Errors x = {.file = e->file, .line = node_line(e, root)};
    int bad_root = validate_into(schema, bare, &x) != 0;
    xmlFreeDoc(bare);
    if (bad_root) {
        explain_root(e, root, x.line);
        if (e->n == before) {
            sb_puts(&e->sb, x.sb.s);
            e->n += x.n ? x.n : 1;
        }
        sb_free(&x.sb);
        return -1;
    }
    sb_free(&x.sb);
    for (xmlNode *c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) {
            continue;
        }
        xmlDoc *one = xmlNewDoc((const xmlChar *)"1.0");
        xmlNode *r = xmlDocCopyNode(root, one, 2);
        xmlDocSetRootElement(one, r);
        xmlAddChild(r, xmlDocCopyNode(c, one, 1));
        Errors y = {.file = e->file, .line = node_line(e, c)};
        if (validate_into(schema, one, &y) != 0) {
            c->_private = c; /* skipped by read_rules */
            if (explain_invalid(e, c, y.line) == 0) {
                if (y.n == 0)
                    err_add(e, y.line, "<%s> does not match the rules schema",
                            (const char *)c->name);
                sb_puts(&e->sb, y.sb.s);
                e->n += y.n;
            }
        }
        sb_free(&y.sb);
        xmlFreeDoc(one);
    }
    if (e->n == before) /* every part is fine alone: report the whole */
        validate(schema, doc, e);
    if (e->n == before)
        err_add(e, 0, "does not match the rules schema");
    return 0;
}

/* Parses, validates, checks and (if all is well) commits one file.
 * capture: set to what the file added (arena), for tools/rules_compile. */
int rules_xml_load(RuleSet *rs, const char *name, const char *text, size_t len, int layer,
                   RulesTable *capture, char **err)
{
    Index *ix = rs->index;
    Errors e = {.file = name, .text = text, .len = len};
    sb_init(&e.sb);
    XmlErrGuard g;
    xml_errors_on(&g, &e);
    xmlDoc *doc = NULL;
    int readable = 0; /* 1: the root is fine, its valid children can be read */
    if (len > (size_t)0x7fffffff)
        err_add(&e, 0, "file too large");
    else
        /* COMPACT: short text nodes without a separate allocation (the
         * tree is only read, never changed) */
        doc = xmlReadMemory(text, (int)len, name, NULL,
                            XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING |
                                XML_PARSE_COMPACT);
    if (doc && e.n == 0 && !ix->schema) {
        char *serr = NULL;
        ix->schema = load_schema(&serr);
        ix->schema_free = free_schema;
        if (!ix->schema)
            err_add(&e, 0, "%s", serr ? serr : "the RELAX NG schema did not load");
        free(serr);
    }
    if (doc && e.n == 0) {
        readable = validate(ix->schema, doc, NULL) == 0 || locate_invalid(ix->schema, doc, &e) == 0;
    } else if (!doc && e.n == 0) {
        err_add(&e, 0, "not a well-formed XML document");
    }
    xml_errors_off(&g);

    /* Even when some elements failed the schema, the others are read so
     * that one run reports every problem; nothing is committed then. */
    if (readable && doc) {
        xmlNode *root = xmlDocGetRootElement(doc);
        Loader L;
        memset(&L, 0, sizeof L);
        L.rs = rs;
        L.ix = ix;
        L.e = &e;
        L.file = arena_strdup(&rs->arena, name);
        L.layer = layer;
        if (!ix->any_pair) {
            char *src = prop(&L, root, "source"), *tgt = prop(&L, root, "target");
            int line = node_line(&e, root);
            if (src && strcmp(src, "*") && strcmp(src, dialect_name(rs->source)))
                err_add(&e, line, "rules for source '%s' cannot be used to convert from %s", src,
                        dialect_name(rs->source));
            if (tgt && strcmp(tgt, "*") && strcmp(tgt, dialect_name(rs->target)))
                err_add(&e, line, "rules for target '%s' cannot be used to convert to %s", tgt,
                        dialect_name(rs->target));
        }
        read_rules(&L, root);
        if (e.n == 0) {
            RulesTable t = {
                .name = L.file, .actions = L.p.actions.items, .nactions = L.p.actions.n,
                .types = L.p.types.items, .ntypes = L.p.types.n,
                .funcs = L.p.funcs.items, .nfuncs = L.p.funcs.n,
                .reserved = L.p.reserved.items, .nreserved = L.p.reserved.n,
                .max_ident_len = L.p.max_ident_len,
            };
            rules_commit(rs, &t, L.p.names.items, L.p.name_extra.items, L.p.names.n);
            if (capture)
                *capture = t;
            if (capture && L.p.names.n)
                err_add(&e, 0, "a built-in rule file cannot hold name rules");
        }
    }
    if (doc)
        xmlFreeDoc(doc);
    free(e.line_off);
    if (e.n) {
        err_finish(&e, err);
        return -1;
    }
    sb_free(&e.sb);
    return 0;
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

int rules_read_builtin(RuleSet *rs, const char *name, RulesTable *out, char **err)
{
    if (err)
        *err = NULL;
    const BuiltinFile *bf = rules_builtin_file(name);
    if (!bf) {
        if (err)
            *err = msgf("builtin:%s: no such built-in rule file", name);
        return -1;
    }
    char label[128];
    snprintf(label, sizeof label, "builtin:%s", name);
    int rc = rules_xml_load(rs, label, bf->text, bf->len, 0, out, err);
    if (rc == 0)
        out->name = bf->name;
    return rc;
}
