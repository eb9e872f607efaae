/* tests: report writers (src/report/). An assessment built in memory with
 * objects of several kinds and statuses, items of every severity, hostile
 * text (a snippet closing <pre> and opening <script>, quotes, commas, line
 * breaks, invalid UTF-8, control characters) and non-ASCII names; written
 * into temporary folders and checked: exact CSV content, JSON syntax and
 * exact JSON for small cases, HTML escaping (also through libxml2's HTML
 * parser), byte-identical repeated runs, temporary files never left
 * behind, errors with the path and the reason, complexity thresholds. */
#include "unit.h"
#include "diag/diag.h"
#include "report/assessment.h"
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- helpers ---------------------------------------------------------- */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    size_t k;
    while (s && (k = fread(s + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n < 2) {
            char *t = realloc(s, cap *= 2);
            if (!t) {
                free(s);
                s = NULL;
            }
            s = t;
        }
    }
    fclose(f);
    if (s)
        s[n] = 0;
    return s;
}

static char *slurp2(const char *dir, const char *name)
{
    char *path;
    if (asprintf(&path, "%s/%s", dir, name) < 0)
        return NULL;
    char *s = slurp(path);
    free(path);
    return s;
}

static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(p);
}

static void rm_rf(const char *dir)
{
    nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static char *make_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *t;
    ck_assert_int_ge(asprintf(&t, "%s/sqlshift-report.XXXXXX", base && *base ? base : "/tmp"), 0);
    ck_assert_ptr_nonnull(mkdtemp(t));
    return t;
}

/* Names in dir (not . and ..), sorted, joined with '|'. */
static char *list_dir(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        ck_assert_int_lt(n, 64);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    size_t len = 1;
    for (int i = 0; i < n; i++)
        len += strlen(names[i]) + 1;
    char *out = calloc(len, 1);
    for (int i = 0; i < n; i++) {
        if (i)
            strcat(out, "|");
        strcat(out, names[i]);
        free(names[i]);
    }
    return out;
}

/* ---- a strict JSON checker (RFC 8259, UTF-8 validated) ------------------ */

static const char *js_value(const char *p, int depth);

static const char *js_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

static int hexval(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static const char *js_string(const char *p)
{
    if (*p++ != '"')
        return NULL;
    for (;;) {
        unsigned char c = (unsigned char)*p;
        if (c == '"')
            return p + 1;
        if (c < 0x20)
            return NULL; /* also the NUL at the end of the text */
        if (c == '\\') {
            p++;
            if (*p == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (!hexval(p[i]))
                        return NULL;
                p += 5;
            } else if (*p && strchr("\"\\/bfnrt", *p)) {
                p++;
            } else {
                return NULL;
            }
            continue;
        }
        if (c < 0x80) {
            p++;
            continue;
        }
        /* UTF-8: lead byte, continuation count, no overlongs/surrogates */
        int need;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            need = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else
            return NULL;
        p++;
        for (int i = 0; i < need; i++, p++) {
            unsigned b = (unsigned char)*p;
            if (b < lo || b > hi)
                return NULL;
            lo = 0x80;
            hi = 0xBF;
        }
    }
}

static const char *js_number(const char *p)
{
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (*p >= '1' && *p <= '9')
        while (*p >= '0' && *p <= '9')
            p++;
    else
        return NULL;
    if (*p == '.') {
        p++;
        if (!(*p >= '0' && *p <= '9'))
            return NULL;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return NULL;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return p;
}

static const char *js_value(const char *p, int depth)
{
    if (depth > 64)
        return NULL;
    p = js_ws(p);
    if (*p == '{' || *p == '[') {
        char close = *p == '{' ? '}' : ']';
        int obj = *p == '{';
        p = js_ws(p + 1);
        if (*p == close)
            return p + 1;
        for (;;) {
            if (obj) {
                p = js_string(js_ws(p));
                if (!p)
                    return NULL;
                p = js_ws(p);
                if (*p++ != ':')
                    return NULL;
            }
            p = js_value(p, depth + 1);
            if (!p)
                return NULL;
            p = js_ws(p);
            if (*p == ',') {
                p++;
                continue;
            }
            if (*p == close)
                return p + 1;
            return NULL;
        }
    }
    if (*p == '"')
        return js_string(p);
    if (strncmp(p, "true", 4) == 0)
        return p + 4;
    if (strncmp(p, "false", 5) == 0)
        return p + 5;
    if (strncmp(p, "null", 4) == 0)
        return p + 4;
    return js_number(p);
}

static int json_valid(const char *s)
{
    const char *e = js_value(s, 0);
    return e && *js_ws(e) == 0;
}

START_TEST(json_checker_self_test)
{
    ck_assert(json_valid("{\"a\": [1, -2.5e3, true, null, \"x\\u0001\\n\"]}\n"));
    ck_assert(!json_valid("{\"a\": [1,]}"));
    ck_assert(!json_valid("{\"a\": \"\x01\"}"));
    ck_assert(!json_valid("{\"a\": \"\xff\"}"));
    ck_assert(!json_valid("{\"a\": 01}"));
    ck_assert(!json_valid("{\"a\": 1} x"));
    ck_assert(!json_valid("{'a': 1}"));
}
END_TEST

/* ---- the fixture ------------------------------------------------------ */

#define SNIP_PRE "SELECT TOP 5 WITH TIES 'a,b' AS \"x\"\nFROM t -- </pre><script>alert(1)</script>"

typedef struct Fix {
    SourceFile f[2];
    const SourceFile *files[2];
    ObjectRec o[6];
    ItemRec it[7];
    Assessment a;
} Fix;

static ObjectRec obj(const char *kind, const char *schema, const char *name, int file, int l1, int c1, int l2,
                     int c2, ObjStatus st, int n, int max, int eff, const char *validated)
{
    ObjectRec o;
    memset(&o, 0, sizeof o);
    o.kind = kind;
    o.schema = schema;
    o.name = name;
    o.file = file;
    o.start.line = l1;
    o.start.col = c1;
    o.end.line = l2;
    o.end.col = c2;
    o.status = st;
    o.n_items = n;
    o.max_sev = max;
    o.effort_min = eff;
    o.validated = validated;
    return o;
}

static ItemRec item(const char *code, int sev, const char *cat, int object, int file, int l1, int c1, int l2,
                    int c2, const char *snippet, const char *msg, const char *rec, int eff)
{
    ItemRec r;
    memset(&r, 0, sizeof r);
    r.code = code;
    r.sev = sev;
    r.category = cat;
    r.object = object;
    r.file = file;
    r.start.line = l1;
    r.start.col = c1;
    r.end.line = l2;
    r.end.col = c2;
    r.snippet = snippet;
    r.message = msg;
    r.recommendation = rec;
    r.effort_min = eff;
    return r;
}

static void fixture(Fix *x)
{
    memset(x, 0, sizeof *x);
    x->f[0].id = 0;
    x->f[0].name = (char *)"db/orders.sql";
    x->f[0].raw_len = 1200;
    x->f[0].encoding = ENC_UTF8;
    x->f[1].id = 1;
    x->f[1].name = (char *)"db/Bestell\xC3\xBC" "bersicht.sql";
    x->f[1].raw_len = 3000;
    x->f[1].encoding = ENC_UTF16LE;
    x->files[0] = &x->f[0];
    x->files[1] = &x->f[1];
    x->o[0] = obj("table", "dbo", "Customers", 0, 1, 1, 8, 2, OBJ_CONVERTED, 0, -1, 0, "ok on PostgreSQL 15");
    x->o[1] = obj("table", "dbo", "Bestell\xC3\xBC" "bersicht", 1, 10, 1, 20, 2, OBJ_WARNINGS, 2, SEV_MEDIUM, 25, "");
    x->o[2] = obj("view", "", "v_orders", 0, 22, 1, 30, 10, OBJ_MANUAL, 2, SEV_HIGH, 240, "");
    x->o[3] = obj("procedure", "dbo", "Get,Orders", 0, 32, 1, 60, 4, OBJ_MANUAL, 1, SEV_CRITICAL, 480,
                  "failed: syntax error at or near \"@\"");
    x->o[4] = obj("index", "", "ix_a", 0, 62, 1, 62, 30, OBJ_EXCLUDED, 0, -1, 0, "");
    x->o[5] = obj("view", "sales", "v2", 1, 22, 1, 25, 5, OBJ_WARNINGS, 1, SEV_MEDIUM, 15, NULL);
    /* in pipeline order: by file, then position */
    x->it[0] = item("SS0001", SEV_MEDIUM, "input", -1, 0, 2, 7, 2, 7, "-- caf\xC3",
                    "invalid byte \xC3 in a comment", "Check the encoding\x01.", 15);
    x->it[1] = item("SS4001", SEV_HIGH, "code", 2, 0, 22, 1, 30, 10, SNIP_PRE,
                    "view kept verbatim: uses \"TOP\", WITH TIES", "Rewrite with LIMIT.", 240);
    x->it[2] = item("SS6001", SEV_INFO, "query", 2, 0, 25, 1, 25, 10, "ORDER BY 1", "ORDER BY in a view is ignored",
                    "", 0);
    x->it[3] = item("SS4002", SEV_CRITICAL, "code", 3, 0, 32, 1, 60, 4, "CREATE PROCEDURE dbo.[Get,Orders]",
                    "procedure kept verbatim", "Rewrite in PL/pgSQL.", 480);
    x->it[4] = item("SS1001", SEV_LOW, "datatype", 1, 1, 12, 5, 12, 17, "NVARCHAR(MAX)",
                    "type NVARCHAR(MAX) mapped to text", "Check lengths.", 10);
    x->it[5] = item("SS2004", SEV_MEDIUM, "function", 1, 1, 14, 9, 14, 21, " ISNULL(a, b)",
                    "ISNULL mapped to COALESCE", "Check argument types.", 15);
    x->it[6] = item("SS1002", SEV_MEDIUM, "datatype", 5, 1, 23, 3, 23, 14, "DATETIME2(7)",
                    "Bestell\xC3\xBC" "bersicht: DATETIME2(7) \xE2\x86\x92 timestamp(6)", NULL, 15);
    x->a.tool_version = "0.1.0";
    x->a.source = "tsql";
    x->a.target = "postgresql";
    x->a.files = x->files;
    x->a.nfiles = 2;
    x->a.objects = x->o;
    x->a.nobjects = 6;
    x->a.items = x->it;
    x->a.nitems = 7;
}

#define U_FFFD "\xEF\xBF\xBD"

static const char expect_summary[] =
    "kind,total,converted,converted_with_warnings,manual,excluded,action_items,estimated_hours\n"
    "table,2,1,1,0,0,2,0.4\n"
    "index,1,0,0,0,1,0,0.0\n"
    "view,2,0,1,1,0,3,4.3\n"
    "procedure,1,0,0,1,0,1,8.0\n"
    "(no object),0,0,0,0,0,1,0.3\n"
    "TOTAL,6,1,2,2,1,7,12.9\n";

static const char expect_objects[] =
    "kind,schema,name,file,start_line,start_column,end_line,end_column,status,action_items,max_severity,"
    "effort_minutes,validated\n"
    "table,dbo,Customers,db/orders.sql,1,1,8,2,converted,0,,0,ok on PostgreSQL 15\n"
    "table,dbo,Bestell\xC3\xBC" "bersicht,db/Bestell\xC3\xBC" "bersicht.sql,10,1,20,2,warnings,2,medium,25,\n"
    "view,,v_orders,db/orders.sql,22,1,30,10,manual,2,high,240,\n"
    "procedure,dbo,\"Get,Orders\",db/orders.sql,32,1,60,4,manual,1,critical,480,"
    "\"failed: syntax error at or near \"\"@\"\"\"\n"
    "index,,ix_a,db/orders.sql,62,1,62,30,excluded,0,,0,\n"
    "view,sales,v2,db/Bestell\xC3\xBC" "bersicht.sql,22,1,25,5,warnings,1,medium,15,\n";

static const char expect_items[] =
    "code,severity,category,object_kind,object_schema,object_name,file,start_line,start_column,end_line,"
    "end_column,message,recommendation,effort_minutes,snippet\n"
    "SS0001,medium,input,,,,db/orders.sql,2,7,2,7,invalid byte " U_FFFD " in a comment,"
    "Check the encoding" U_FFFD ".,15,-- caf" U_FFFD "\n"
    "SS4001,high,code,view,,v_orders,db/orders.sql,22,1,30,10,"
    "\"view kept verbatim: uses \"\"TOP\"\", WITH TIES\",Rewrite with LIMIT.,240,"
    "\"SELECT TOP 5 WITH TIES 'a,b' AS \"\"x\"\"\nFROM t -- </pre><script>alert(1)</script>\"\n"
    "SS6001,info,query,view,,v_orders,db/orders.sql,25,1,25,10,ORDER BY in a view is ignored,,0,ORDER BY 1\n"
    "SS4002,critical,code,procedure,dbo,\"Get,Orders\",db/orders.sql,32,1,60,4,procedure kept verbatim,"
    "Rewrite in PL/pgSQL.,480,\"CREATE PROCEDURE dbo.[Get,Orders]\"\n"
    "SS1001,low,datatype,table,dbo,Bestell\xC3\xBC" "bersicht,db/Bestell\xC3\xBC" "bersicht.sql,12,5,12,17,"
    "type NVARCHAR(MAX) mapped to text,Check lengths.,10,NVARCHAR(MAX)\n"
    "SS2004,medium,function,table,dbo,Bestell\xC3\xBC" "bersicht,db/Bestell\xC3\xBC" "bersicht.sql,14,9,14,21,"
    "ISNULL mapped to COALESCE,Check argument types.,15,\" ISNULL(a, b)\"\n"
    "SS1002,medium,datatype,view,sales,v2,db/Bestell\xC3\xBC" "bersicht.sql,23,3,23,14,"
    "Bestell\xC3\xBC" "bersicht: DATETIME2(7) \xE2\x86\x92 timestamp(6),,15,DATETIME2(7)\n";

static void write_all_ok(const Assessment *a, const char *dir)
{
    char *err = NULL;
    int rc = report_write_all(a, dir, &err);
    if (rc != 0)
        ck_abort_msg("report_write_all(%s): %s", dir, err ? err : "(no message)");
    ck_assert_ptr_null(err);
}

/* ---- CSV ---------------------------------------------------------------- */

START_TEST(csv_exact_content)
{
    Fix x;
    fixture(&x);
    char *dir = make_tmpdir();
    write_all_ok(&x.a, dir);
    char *s = slurp2(dir, "summary.csv");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, expect_summary);
    free(s);
    s = slurp2(dir, "objects.csv");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, expect_objects);
    free(s);
    s = slurp2(dir, "action_items.csv");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, expect_items);
    free(s);
    rm_rf(dir);
    free(dir);
}
END_TEST

START_TEST(csv_only_three_files)
{
    Fix x;
    fixture(&x);
    char *dir = make_tmpdir();
    char *err = NULL;
    ck_assert_int_eq(report_write_csv(&x.a, dir, &err), 0);
    ck_assert_ptr_null(err);
    char *l = list_dir(dir);
    ck_assert_str_eq(l, "action_items.csv|objects.csv|summary.csv");
    free(l);
    char *s = slurp2(dir, "summary.csv");
    ck_assert_str_eq(s, expect_summary);
    free(s);
    rm_rf(dir);
    free(dir);
}
END_TEST

START_TEST(summary_of_empty_input)
{
    Assessment a;
    memset(&a, 0, sizeof a);
    a.tool_version = "0.1.0";
    a.source = "oracle";
    a.target = "mysql";
    char *dir = make_tmpdir();
    write_all_ok(&a, dir);
    char *s = slurp2(dir, "summary.csv");
    ck_assert_str_eq(s, "kind,total,converted,converted_with_warnings,manual,excluded,action_items,"
                        "estimated_hours\nTOTAL,0,0,0,0,0,0,0.0\n");
    free(s);
    s = slurp2(dir, "action_items.csv");
    ck_assert_str_eq(s, "code,severity,category,object_kind,object_schema,object_name,file,start_line,"
                        "start_column,end_line,end_column,message,recommendation,effort_minutes,snippet\n");
    free(s);
    s = slurp2(dir, "report.html");
    ck_assert_ptr_nonnull(strstr(s, "No objects."));
    ck_assert_ptr_nonnull(strstr(s, "No action items"));
    free(s);
    rm_rf(dir);
    free(dir);
}
END_TEST

/* ---- JSON --------------------------------------------------------------- */

static const char expect_json_empty[] =
    "{\n"
    "  \"tool\": \"sqlshift\",\n"
    "  \"version\": \"0.1.0\",\n"
    "  \"source\": \"oracle\",\n"
    "  \"target\": \"mysql\",\n"
    "  \"summary\": {\n"
    "    \"kinds\": [],\n"
    "    \"total\": {\n"
    "      \"kind\": \"TOTAL\",\n"
    "      \"total\": 0,\n"
    "      \"converted\": 0,\n"
    "      \"converted_with_warnings\": 0,\n"
    "      \"manual\": 0,\n"
    "      \"excluded\": 0,\n"
    "      \"action_items\": 0,\n"
    "      \"effort_minutes\": 0,\n"
    "      \"estimated_hours\": 0.0\n"
    "    }\n"
    "  },\n"
    "  \"complexity\": \"low\",\n"
    "  \"total_effort_minutes\": 0,\n"
    "  \"files\": [],\n"
    "  \"objects\": [],\n"
    "  \"action_items\": []\n"
    "}\n";

START_TEST(json_exact_empty)
{
    Assessment a;
    memset(&a, 0, sizeof a);
    a.tool_version = "0.1.0";
    a.source = "oracle";
    a.target = "mysql";
    char *dir = make_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/r.json", dir);
    char *err = NULL;
    ck_assert_int_eq(report_write_json(&a, path, &err), 0);
    char *s = slurp(path);
    ck_assert_str_eq(s, expect_json_empty);
    ck_assert(json_valid(s));
    free(s);
    rm_rf(dir);
    free(dir);
}
END_TEST

static const char expect_json_one[] =
    "{\n"
    "  \"tool\": \"sqlshift\",\n"
    "  \"version\": \"0.1.0\",\n"
    "  \"source\": \"tsql\",\n"
    "  \"target\": \"postgresql\",\n"
    "  \"summary\": {\n"
    "    \"kinds\": [\n"
    "      {\n"
    "        \"kind\": \"procedure\",\n"
    "        \"total\": 1,\n"
    "        \"converted\": 0,\n"
    "        \"converted_with_warnings\": 0,\n"
    "        \"manual\": 1,\n"
    "        \"excluded\": 0,\n"
    "        \"action_items\": 1,\n"
    "        \"effort_minutes\": 45,\n"
    "        \"estimated_hours\": 0.8\n"
    "      }\n"
    "    ],\n"
    "    \"total\": {\n"
    "      \"kind\": \"TOTAL\",\n"
    "      \"total\": 1,\n"
    "      \"converted\": 0,\n"
    "      \"converted_with_warnings\": 0,\n"
    "      \"manual\": 1,\n"
    "      \"excluded\": 0,\n"
    "      \"action_items\": 1,\n"
    "      \"effort_minutes\": 45,\n"
    "      \"estimated_hours\": 0.8\n"
    "    }\n"
    "  },\n"
    "  \"complexity\": \"low\",\n"
    "  \"total_effort_minutes\": 45,\n"
    "  \"files\": [\n"
    "    {\n"
    "      \"name\": \"a.sql\",\n"
    "      \"bytes\": 42,\n"
    "      \"encoding\": \"utf-8-bom\"\n"
    "    }\n"
    "  ],\n"
    "  \"objects\": [\n"
    "    {\n"
    "      \"id\": 1,\n"
    "      \"kind\": \"procedure\",\n"
    "      \"schema\": \"\",\n"
    "      \"name\": \"p\\\"q\\\\\",\n"
    "      \"file\": \"a.sql\",\n"
    "      \"start_line\": 1,\n"
    "      \"start_column\": 1,\n"
    "      \"end_line\": 3,\n"
    "      \"end_column\": 4,\n"
    "      \"status\": \"manual\",\n"
    "      \"action_items\": 1,\n"
    "      \"max_severity\": \"high\",\n"
    "      \"effort_minutes\": 45,\n"
    "      \"validated\": \"\",\n"
    "      \"items\": [1]\n"
    "    }\n"
    "  ],\n"
    "  \"action_items\": [\n"
    "    {\n"
    "      \"id\": 1,\n"
    "      \"code\": \"SS4001\",\n"
    "      \"severity\": \"high\",\n"
    "      \"category\": \"code\",\n"
    "      \"object\": 1,\n"
    "      \"object_kind\": \"procedure\",\n"
    "      \"object_schema\": \"\",\n"
    "      \"object_name\": \"p\\\"q\\\\\",\n"
    "      \"file\": \"a.sql\",\n"
    "      \"start_line\": 1,\n"
    "      \"start_column\": 1,\n"
    "      \"end_line\": 3,\n"
    "      \"end_column\": 4,\n"
    "      \"message\": \"tab\\there\\r\\nbell\\u0007 del\\u007f ls\\u2028 bad" U_FFFD U_FFFD "x\",\n"
    "      \"recommendation\": \"</script> stays as is\",\n"
    "      \"effort_minutes\": 45,\n"
    "      \"snippet\": \"CREATE PROCEDURE p\\nAS\\n\\tSELECT 1\\b\\f\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

START_TEST(json_exact_one_item)
{
    SourceFile f;
    memset(&f, 0, sizeof f);
    f.name = (char *)"a.sql";
    f.raw_len = 42;
    f.encoding = ENC_UTF8_BOM;
    const SourceFile *files[1] = {&f};
    ObjectRec o = obj("procedure", "", "p\"q\\", 0, 1, 1, 3, 4, OBJ_MANUAL, 1, SEV_HIGH, 45, "");
    /* \xC0\xAF: an overlong '/', two invalid bytes -> two U+FFFD */
    ItemRec it = item("SS4001", SEV_HIGH, "code", 0, 0, 1, 1, 3, 4, "CREATE PROCEDURE p\nAS\n\tSELECT 1\b\f",
                      "tab\there\r\nbell\a del\x7f ls\xE2\x80\xA8 bad\xC0\xAFx", "</script> stays as is", 45);
    Assessment a = {"0.1.0", "tsql", "postgresql", files, 1, &o, 1, &it, 1, NULL, NULL};
    char *dir = make_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/one.json", dir);
    char *err = NULL;
    ck_assert_int_eq(report_write_json(&a, path, &err), 0);
    char *s = slurp(path);
    ck_assert_str_eq(s, expect_json_one);
    ck_assert(json_valid(s));
    free(s);
    rm_rf(dir);
    free(dir);
}
END_TEST

START_TEST(json_fixture_valid)
{
    Fix x;
    fixture(&x);
    char *dir = make_tmpdir();
    write_all_ok(&x.a, dir);
    char *s = slurp2(dir, "report.json");
    ck_assert_ptr_nonnull(s);
    ck_assert(json_valid(s));
    ck_assert_ptr_nonnull(strstr(s, "\"name\": \"Bestell\xC3\xBC" "bersicht\""));
    ck_assert_ptr_nonnull(strstr(s, "\"recommendation\": \"Check the encoding\\u0001.\""));
    ck_assert_ptr_nonnull(strstr(s, "\"snippet\": \"-- caf" U_FFFD "\""));
    ck_assert_ptr_nonnull(strstr(s, "\"complexity\": \"medium\""));
    ck_assert_ptr_nonnull(strstr(s, "\"total_effort_minutes\": 775"));
    ck_assert_ptr_nonnull(strstr(s, "\"validated\": \"failed: syntax error at or near \\\"@\\\"\""));
    /* object 3 (v_orders) lists items 2 and 3; the file-level item has no object */
    ck_assert_ptr_nonnull(strstr(s, "\"items\": [2, 3]"));
    ck_assert_ptr_nonnull(strstr(s, "\"object\": null"));
    free(s);
    rm_rf(dir);
    free(dir);
}
END_TEST

/* ---- HTML --------------------------------------------------------------- */

/* Walks a parsed tree: counts <script> elements, finds the <pre> whose
 * text is want, and the element with the given id. */
typedef struct Walk {
    int scripts;
    int pre_found;
    int svgs;
    const char *want;
} Walk;

static void walk(xmlNodePtr n, Walk *w)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            if (xmlStrcasecmp(n->name, (const xmlChar *)"script") == 0)
                w->scripts++;
            if (xmlStrcasecmp(n->name, (const xmlChar *)"svg") == 0)
                w->svgs++;
            if (xmlStrcasecmp(n->name, (const xmlChar *)"pre") == 0) {
                xmlChar *t = xmlNodeGetContent(n);
                if (t && strcmp((const char *)t, w->want) == 0)
                    w->pre_found++;
                xmlFree(t);
            }
        }
        walk(n->children, w);
    }
}

START_TEST(html_escapes_and_links)
{
    Fix x;
    fixture(&x);
    char *dir = make_tmpdir();
    write_all_ok(&x.a, dir);
    char *s = slurp2(dir, "report.html");
    ck_assert_ptr_nonnull(s);
    ck_assert(strncmp(s, "<!DOCTYPE html>\n", 16) == 0);
    ck_assert_ptr_nonnull(strstr(s, "<meta charset=\"utf-8\">"));
    ck_assert_ptr_nonnull(strstr(s, "<title>sqlshift assessment: tsql -&gt; postgresql</title>"));
    /* the page has no script at all, and the snippet's stays text */
    ck_assert_ptr_null(strstr(s, "<script"));
    ck_assert_ptr_null(strstr(s, "</pre><script>"));
    ck_assert_ptr_nonnull(strstr(s, "-- &lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    ck_assert_ptr_nonnull(strstr(s, "Bestell\xC3\xBC" "bersicht"));
    /* no network: nothing is loaded from elsewhere */
    ck_assert_ptr_null(strstr(s, "<link"));
    ck_assert_ptr_null(strstr(s, "src="));
    ck_assert_ptr_null(strstr(s, "@import"));
    ck_assert_ptr_null(strstr(s, "url("));
    /* totals, complexity, charts */
    ck_assert_ptr_nonnull(strstr(s, "<span class=\"value\">12.9 h</span>"));
    ck_assert_ptr_nonnull(strstr(s, "<span class=\"value\">medium</span>"));
    ck_assert_ptr_nonnull(strstr(s, "id=\"chart-status\""));
    ck_assert_ptr_nonnull(strstr(s, "id=\"chart-effort\""));
    /* cross links: object 3 (v_orders) <-> items 2 and 3 */
    ck_assert_ptr_nonnull(strstr(s, "<tr id=\"obj-3\">"));
    ck_assert_ptr_nonnull(strstr(s, "href=\"#item-2\""));
    ck_assert_ptr_nonnull(strstr(s, "href=\"#item-3\""));
    ck_assert_ptr_nonnull(strstr(s, "id=\"item-2\""));
    ck_assert_ptr_nonnull(strstr(s, "href=\"#obj-3\""));
    ck_assert_ptr_nonnull(strstr(s, "db/orders.sql<span class=\"range\">:22:1\xE2\x80\x93" "30:10</span>"));
    /* severity groups, most severe first */
    const char *c = strstr(s, "badge sev-critical\">critical</span> 1 item");
    const char *h = strstr(s, "badge sev-high\">high</span> 1 item");
    const char *i = strstr(s, "badge sev-info\">info</span> 1 item");
    ck_assert(c && h && i && c < h && h < i);

    /* and through an HTML parser: no script element, the snippet intact */
    htmlDocPtr doc = htmlReadMemory(s, (int)strlen(s), "report.html", "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    ck_assert_ptr_nonnull(doc);
    Walk w = {0, 0, 0, SNIP_PRE};
    walk(xmlDocGetRootElement(doc), &w);
    ck_assert_int_eq(w.scripts, 0);
    ck_assert_int_eq(w.pre_found, 1);
    ck_assert_int_eq(w.svgs, 2);
    xmlFreeDoc(doc);
    free(s);
    rm_rf(dir);
    free(dir);
}
END_TEST

/* A snippet starting with a line break keeps it: an HTML5 parser drops the
 * first newline right after <pre>, so the writer doubles it (libxml2's own
 * parser does not drop it, hence a check on the text). */
START_TEST(html_pre_leading_newline)
{
    Fix x;
    fixture(&x);
    x.it[2].snippet = "\nORDER BY 1";
    char *dir = make_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/p.html", dir);
    char *err = NULL;
    ck_assert_int_eq(report_write_html(&x.a, path, &err), 0);
    char *s = slurp(path);
    ck_assert_ptr_nonnull(strstr(s, "<pre class=\"snippet\">\n\nORDER BY 1</pre>"));
    free(s);
    rm_rf(dir);
    free(dir);
}
END_TEST

/* Embedded source lines: with the input text at hand, each object with
 * items shows its lines with an anchor per line, an item's location links
 * to its first line, that line links back, markup stays text; a routine is
 * listed in #routines; a long object shows its head and the lines around
 * its items only. */
START_TEST(html_source_lines_and_links)
{
    Fix x;
    fixture(&x);
    /* file 0 gets a text: line 32 opens the procedure (object 4, items 4) */
    static char text[64 * 1024];
    size_t n = 0;
    for (int l = 1; l <= 700; l++) {
        const char *t = l == 32 ? "CREATE PROCEDURE dbo.[Get,Orders] AS" : l == 33 ? "SELECT '<b>&</b>';" : "-- filler";
        n += (size_t)snprintf(text + n, sizeof text - n, "%s\n", t);
    }
    x.f[0].text = text;
    x.f[0].len = n;
    src_build_lines(&x.f[0]);
    /* the view (object 3) spans 22..30; the procedure now spans 32..600 */
    x.o[3].end.line = 600;
    x.it[3].end.line = 600;
    char *dir = make_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/s.html", dir);
    char *err = NULL;
    ck_assert_int_eq(report_write_html(&x.a, path, &err), 0);
    char *s = slurp(path);
    /* item 4 (the procedure's) links to line 32 of object 4 */
    ck_assert_ptr_nonnull(strstr(s, "<a class=\"range\" href=\"#src-4-32\""));
    ck_assert_ptr_nonnull(strstr(s, "<span class=\"line hit\" id=\"src-4-32\"><a class=\"no\" href=\"#item-4\""));
    ck_assert_ptr_nonnull(strstr(s, "> 32</a> CREATE PROCEDURE dbo.[Get,Orders] AS\n</span>"));
    ck_assert_ptr_nonnull(strstr(s, "id=\"src-4-33\"><span class=\"no\"> 33</span> SELECT '&lt;b&gt;&amp;&lt;/b&gt;';"));
    /* the view's item 2 at 22:1 and item 3 at 25:1 */
    ck_assert_ptr_nonnull(strstr(s, "href=\"#src-3-22\""));
    ck_assert_ptr_nonnull(strstr(s, "href=\"#src-3-25\""));
    /* the item without object gets its own block */
    ck_assert_ptr_nonnull(strstr(s, "href=\"#isrc-1-2\""));
    ck_assert_ptr_nonnull(strstr(s, "id=\"isrc-1-2\""));
    /* file 1 has no text: its items keep a plain range */
    ck_assert_ptr_nonnull(strstr(s, "<span class=\"range\">:12:5"));
    ck_assert_ptr_null(strstr(s, "id=\"src-2-"));
    /* the long procedure: its first 400 lines, then a gap; 600 is not shown */
    ck_assert_ptr_nonnull(strstr(s, "id=\"src-4-431\""));
    ck_assert_ptr_null(strstr(s, "id=\"src-4-432\""));
    ck_assert_ptr_nonnull(strstr(s, "<span class=\"gap\">"));
    ck_assert_ptr_null(strstr(s, "id=\"src-4-600\""));
    /* the Routines table lists the procedure with its status, item, effort */
    const char *r = strstr(s, "<section id=\"routines\">");
    ck_assert_ptr_nonnull(r);
    ck_assert_ptr_nonnull(strstr(r, "<a href=\"#obj-4\">"));
    ck_assert_ptr_nonnull(strstr(r, "badge st-manual\">manual</span>"));
    ck_assert_ptr_nonnull(strstr(r, "href=\"#item-4\""));
    ck_assert_ptr_nonnull(strstr(r, "<td class=\"num\">480</td>"));
    ck_assert_ptr_nonnull(strstr(r, "href=\"#src-4-32\">db/orders.sql:32</a>"));
    free(s);
    free(x.f[0].lines);
    rm_rf(dir);
    free(dir);
}
END_TEST

/* ---- files: determinism, temporary names, errors ------------------------- */

static const char *const report_files[] = {"summary.csv", "action_items.csv", "objects.csv", "report.html",
                                           "report.json"};

START_TEST(deterministic_and_no_temp_files)
{
    Fix x;
    fixture(&x);
    char *d1 = make_tmpdir(), *d2 = make_tmpdir();
    write_all_ok(&x.a, d1);
    write_all_ok(&x.a, d2);
    for (int i = 0; i < 5; i++) {
        char *s1 = slurp2(d1, report_files[i]), *s2 = slurp2(d2, report_files[i]);
        ck_assert_ptr_nonnull(s1);
        ck_assert_ptr_nonnull(s2);
        ck_assert_msg(strcmp(s1, s2) == 0, "%s differs between two runs", report_files[i]);
        free(s1);
        free(s2);
    }
    /* writing again over an existing report replaces it, leaves nothing else */
    write_all_ok(&x.a, d1);
    char *l = list_dir(d1);
    ck_assert_str_eq(l, "action_items.csv|objects.csv|report.html|report.json|summary.csv");
    free(l);
    rm_rf(d1);
    rm_rf(d2);
    free(d1);
    free(d2);
}
END_TEST

START_TEST(creates_missing_parents)
{
    Fix x;
    fixture(&x);
    char *dir = make_tmpdir();
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/a/b/c/", dir);
    write_all_ok(&x.a, sub);
    char *s = slurp2(sub, "summary.csv");
    ck_assert_str_eq(s, expect_summary);
    free(s);
    rm_rf(dir);
    free(dir);
}
END_TEST

START_TEST(unwritable_directory)
{
    Fix x;
    fixture(&x);
    char *dir = make_tmpdir();
    char file[4096], under[4096];
    snprintf(file, sizeof file, "%s/plain", dir);
    FILE *f = fopen(file, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    /* a regular file where a directory should be: fails even as root */
    snprintf(under, sizeof under, "%s/plain/rep", dir);
    char *err = NULL;
    ck_assert_int_eq(report_write_all(&x.a, under, &err), -1);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, under));
    ck_assert_ptr_nonnull(strstr(err, strerror(ENOTDIR)));
    free(err);
    err = NULL;
    /* CSV only: the directory is not created, the message names the file */
    snprintf(under, sizeof under, "%s/missing", dir);
    ck_assert_int_eq(report_write_csv(&x.a, under, &err), -1);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, "missing/summary.csv"));
    ck_assert_ptr_nonnull(strstr(err, strerror(ENOENT)));
    free(err);
    err = NULL;
    ck_assert_int_eq(report_write_html(&x.a, file, &err) == 0, 1); /* a file path is fine */
    ck_assert_int_eq(report_write_all(&x.a, "", &err), -1);
    ck_assert_ptr_nonnull(err);
    free(err);
    rm_rf(dir);
    free(dir);
}
END_TEST

/* A file that cannot be put in place (a directory in the way) fails the
 * run with its name before any file is replaced, and no temporary file is
 * left behind. */
START_TEST(failure_leaves_no_temp_files)
{
    Fix x;
    fixture(&x);
    char *dir = make_tmpdir();
    char p[4096];
    snprintf(p, sizeof p, "%s/report.json", dir);
    ck_assert_int_eq(mkdir(p, 0777), 0);
    snprintf(p, sizeof p, "%s/report.json/keep", dir);
    FILE *f = fopen(p, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    snprintf(p, sizeof p, "%s/summary.csv", dir);
    f = fopen(p, "w");
    ck_assert_ptr_nonnull(f);
    fputs("old\n", f);
    fclose(f);
    char *err = NULL;
    ck_assert_int_eq(report_write_all(&x.a, dir, &err), -1);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, "report.json"));
    ck_assert_ptr_nonnull(strstr(err, strerror(EISDIR)));
    free(err);
    /* nothing was replaced, nothing temporary is left */
    char *l = list_dir(dir);
    ck_assert_str_eq(l, "report.json|summary.csv");
    free(l);
    char *s = slurp(p);
    ck_assert_str_eq(s, "old\n");
    free(s);
    rm_rf(dir);
    free(dir);
}
END_TEST

/* ---- the documented contract (reports/columns.md) ----------------------- */

static char *columns_md(void)
{
    const char *top = getenv("top_srcdir");
    char *path;
    ck_assert_int_ge(asprintf(&path, "%s/reports/columns.md", top && *top ? top : "."), 0);
    char *md = slurp(path);
    if (!md)
        ck_abort_msg("cannot read %s (run from the source tree or set top_srcdir)", path);
    free(path);
    return md;
}

START_TEST(columns_md_matches_output)
{
    Fix x;
    fixture(&x);
    char *dir = make_tmpdir();
    write_all_ok(&x.a, dir);
    char *md = columns_md();
    ck_assert_ptr_nonnull(strstr(md, "columns v1"));
    /* each CSV header row stands in the page as it is written */
    static const char *const csvs[] = {"summary.csv", "action_items.csv", "objects.csv"};
    for (int i = 0; i < 3; i++) {
        char *s = slurp2(dir, csvs[i]);
        char *nl = strchr(s, '\n');
        ck_assert_ptr_nonnull(nl);
        nl[1] = 0;
        char *want;
        ck_assert_int_ge(asprintf(&want, "```\n%s```", s), 0);
        ck_assert_msg(strstr(md, want) != NULL, "columns.md lacks the header of %s: %s", csvs[i], s);
        free(want);
        free(s);
    }
    /* every key of report.json is listed as `key` */
    char *js = slurp2(dir, "report.json");
    int keys = 0;
    for (const char *p = js; (p = strstr(p, "\": ")) != NULL; p += 3) {
        if (p > js && p[-1] == '\\')
            continue; /* an escaped quote inside a value */
        const char *q = p;
        while (q > js && q[-1] != '"')
            q--;
        char key[64];
        size_t n = (size_t)(p - q);
        ck_assert_uint_lt(n, sizeof key - 2);
        key[0] = '`';
        memcpy(key + 1, q, n);
        key[n + 1] = '`';
        key[n + 2] = 0;
        ck_assert_msg(strstr(md, key) != NULL, "columns.md lacks the JSON key %s", key);
        keys++;
    }
    ck_assert_int_gt(keys, 50);
    free(js);
    free(md);
    rm_rf(dir);
    free(dir);
}
END_TEST

/* ---- complexity and effort ---------------------------------------------- */

static const char *rate(int nobj, int nmanual, int nexcluded, int effort)
{
    static ObjectRec o[40];
    static ItemRec it;
    memset(o, 0, sizeof o);
    for (int i = 0; i < nobj; i++)
        o[i].status = i < nmanual ? OBJ_MANUAL : i < nmanual + nexcluded ? OBJ_EXCLUDED : OBJ_CONVERTED;
    memset(&it, 0, sizeof it);
    it.effort_min = effort;
    Assessment a;
    memset(&a, 0, sizeof a);
    a.objects = o;
    a.nobjects = nobj;
    a.items = &it;
    a.nitems = 1;
    return assess_complexity(&a);
}

START_TEST(complexity_thresholds)
{
    ck_assert_str_eq(rate(0, 0, 0, 0), "low");
    ck_assert_str_eq(rate(5, 0, 0, 8 * 60 - 1), "low");
    ck_assert_str_eq(rate(5, 0, 0, 8 * 60), "medium");
    ck_assert_str_eq(rate(5, 0, 0, 40 * 60 - 1), "medium");
    ck_assert_str_eq(rate(5, 0, 0, 40 * 60), "high");
    ck_assert_str_eq(rate(5, 0, 0, 160 * 60 - 1), "high");
    ck_assert_str_eq(rate(5, 0, 0, 160 * 60), "very high");
    /* the manual share counts from 10 objects on */
    ck_assert_str_eq(rate(9, 9, 0, 0), "low");
    ck_assert_str_eq(rate(20, 1, 0, 0), "low");        /* 5 % */
    ck_assert_str_eq(rate(10, 1, 0, 0), "medium");     /* 10 % */
    ck_assert_str_eq(rate(20, 5, 0, 0), "high");       /* 25 % */
    ck_assert_str_eq(rate(20, 10, 0, 0), "very high"); /* 50 % */
    /* excluded objects are not counted: 9 considered, share ignored */
    ck_assert_str_eq(rate(12, 9, 3, 0), "low");
    /* the higher of the two levels wins */
    ck_assert_str_eq(rate(20, 1, 0, 200 * 60), "very high");
}
END_TEST

START_TEST(total_effort)
{
    Fix x;
    fixture(&x);
    ck_assert_int_eq(assess_total_effort(&x.a), 775);
    ck_assert_str_eq(assess_complexity(&x.a), "medium");
    x.a.nitems = 0;
    ck_assert_int_eq(assess_total_effort(&x.a), 0);
}
END_TEST

Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("report");
    tcase_add_test(tc, json_checker_self_test);
    tcase_add_test(tc, csv_exact_content);
    tcase_add_test(tc, csv_only_three_files);
    tcase_add_test(tc, summary_of_empty_input);
    tcase_add_test(tc, json_exact_empty);
    tcase_add_test(tc, json_exact_one_item);
    tcase_add_test(tc, json_fixture_valid);
    tcase_add_test(tc, html_escapes_and_links);
    tcase_add_test(tc, html_pre_leading_newline);
    tcase_add_test(tc, html_source_lines_and_links);
    tcase_add_test(tc, deterministic_and_no_temp_files);
    tcase_add_test(tc, creates_missing_parents);
    tcase_add_test(tc, unwritable_directory);
    tcase_add_test(tc, failure_leaves_no_temp_files);
    tcase_add_test(tc, columns_md_matches_output);
    tcase_add_test(tc, complexity_thresholds);
    tcase_add_test(tc, total_effort);
    suite_add_tcase(s, tc);
    return s;
}
