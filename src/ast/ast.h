/* ast: one node set for all dialects. Every node starts with a Node header
 * (kind, flags, span). Nodes live in the arena of the statement being
 * converted; freeing the arena frees the tree. Identifiers keep their
 * original spelling and quoting so each emitter decides folding and quoting.
 * Children are named fields; lists are counted arrays (NodeList). */
#ifndef SQLSHIFT_AST_H
#define SQLSHIFT_AST_H
#include "diag/source.h"
#include "util/arena.h"
#include "util/vec.h"
#include <assert.h>
#include <stdint.h>

typedef enum NodeKind {
    N__NONE = 0,
#define AST_NODE(k, T) N_##k,
#include "ast/ast_nodes.def"
#undef AST_NODE
    N__COUNT
} NodeKind;

/* Node.flags */
#define NF_SYNTHETIC  0x01  /* made by a rewrite (span is that of the node it replaces) */
#define NF_PARENS     0x02  /* written in parentheses in the source */
#define NF_OUTER_JOIN 0x04  /* NAME followed by Oracle (+) */
#define NF_NOT        0x08  /* negated form: NOT IN, NOT LIKE, NOT BETWEEN, IS NOT */
#define NF_OUTPUT     0x10  /* T-SQL EXEC argument passed OUTPUT */

typedef struct Node {
    uint16_t kind;   /* NodeKind */
    uint16_t flags;  /* NF_* */
    SrcSpan span;    /* source text this node came from */
} Node;

typedef struct NodeList { int n; int cap; Node **items; } NodeList;

/* An identifier as written: text is the unquoted value (quotes removed,
 * doubled quote characters undone); quote is 0, '"', '[' or '`'. */
typedef struct Ident {
    const char *text;
    uint32_t len;
    char quote;
    SrcSpan span;
} Ident;
typedef struct IdentList { int n; int cap; Ident *items; } IdentList;

/* A dotted name: up to server.database.schema.object.column. */
#define QNAME_MAX 5
typedef struct QName {
    int n;                   /* parts used */
    Ident parts[QNAME_MAX];  /* parts[n-1] is the object (or column) name */
} QName;

/* ---- script level ---------------------------------------------------- */

typedef struct RawNode {
    Node h;
    const char *code;        /* action code explaining why it is raw (SS0010, SS0011, ...) */
    const char *reason;      /* specific message (arena) or NULL */
    const char *obj_kind;    /* CREATE that failed after its name: "table", "view"; else NULL */
    QName obj_name;
} RawNode;

typedef enum ScriptCmdKind { SC_GO, SC_SQLCMD, SC_SQLPLUS, SC_DELIMITER } ScriptCmdKind;
typedef struct ScriptCmd { Node h; int cmd; /* ScriptCmdKind */ } ScriptCmd;

typedef enum SessionKind {
    SS_SET,            /* SET ANSI_NULLS ON, SET NAMES utf8, SET @x = .. at top level */
    SS_USE,            /* USE db */
    SS_ALTER_SESSION,  /* Oracle ALTER SESSION */
    SS_TRANSACTION     /* BEGIN TRAN, COMMIT, ROLLBACK, START TRANSACTION */
} SessionKind;
typedef struct SessionStmt {
    Node h;
    int what;          /* SessionKind */
    Ident name;        /* USE: the database; SET: the option name */
} SessionStmt;

typedef enum RoutineKind {
    RK_PROCEDURE, RK_FUNCTION, RK_TRIGGER, RK_PACKAGE, RK_PACKAGE_BODY, RK_TYPE_BODY,
    RK_EVENT, RK_BLOCK /* anonymous block / procedural batch */
} RoutineKind;
typedef struct RoutineStmt {
    Node h;
    int rkind;         /* RoutineKind */
    QName name;        /* empty for RK_BLOCK */
    QName on_table;    /* trigger: the table or view (n == 0 if DDL/database trigger) */
    int or_replace;    /* OR REPLACE / OR ALTER / ALTER */
    struct PlRoutine *def; /* T-SQL: header and body parsed (NULL: kept verbatim) */
    SrcSpan fail_span;     /* T-SQL: where the body could not be parsed (len 0 if none) */
    const char *fail_msg;  /* and why */
} RoutineStmt;

typedef enum OtherKind {
    OS_GRANT, OS_CREATE_DATABASE, OS_ALTER_DATABASE, OS_USER_ROLE, OS_EXEC, OS_BULK_LOAD,
    OS_IDENTITY_INSERT, OS_PRINT, OS_CONTROL_FLOW, OS_MISC,
    OS_STATISTICS,   /* UPDATE STATISTICS t / ANALYZE TABLE t, ...: name + args (NameRefs) */
    OS_TRUNCATE,     /* TRUNCATE TABLE t: name */
    OS_MAINTENANCE   /* CHECKPOINT, DBCC, FLUSH, OPTIMIZE TABLE: server housekeeping */
} OtherKind;
typedef struct OtherStmt {
    Node h;
    int what;          /* OtherKind */
    QName name;        /* EXEC: procedure; CREATE DATABASE: name */
    NodeList args;     /* EXEC arguments (positional or ASSIGN for @p = v); OS_STATISTICS tables */
    int has_opts;      /* OS_STATISTICS, OS_TRUNCATE: text after the table names */
} OtherStmt;

/* ---- expressions ----------------------------------------------------- */

typedef struct NameRef { Node h; QName name; } NameRef;
typedef struct StarRef { Node h; QName qual; /* n == 0 for bare * */ } StarRef;

typedef enum LitKind {
    LIT_STRING, LIT_NSTRING, LIT_INTEGER, LIT_DECIMAL, LIT_HEX, LIT_XSTRING, LIT_BSTRING,
    LIT_NULL, LIT_TRUE, LIT_FALSE, LIT_MONEY
} LitKind;
typedef struct Literal {
    Node h;
    int lk;            /* LitKind */
    const char *value; /* strings: the value (unescaped); numbers: the digits as written */
    uint32_t len;      /* bytes in value */
    const char *charset; /* MySQL _utf8mb4'..' introducer, or NULL */
} Literal;

typedef enum VarKind { VK_LOCAL, VK_GLOBAL, VK_BIND, VK_SUBST } VarKind;
typedef struct VarRef { Node h; int vk; const char *name; /* with sigil: @x @@x :x &x $(x) */ } VarRef;
typedef struct ParamRef { Node h; int index; /* $1 = 1; 0 for $* */ } ParamRef;

typedef enum UnaryOp { U_NEG, U_PLUS, U_NOT, U_BITNOT, U_PRIOR, U_CONNECT_BY_ROOT } UnaryOp;
typedef struct UnaryExpr { Node h; int op; Node *arg; } UnaryExpr;

typedef enum BinaryOp {
    B_OR, B_AND, B_XOR,
    B_EQ, B_NE, B_LT, B_LE, B_GT, B_GE, B_NSEQ, B_NOTLT, B_NOTGT,
    B_ADD, B_SUB, B_MUL, B_DIV, B_MOD, B_INTDIV, B_CONCAT,
    B_BITAND, B_BITOR, B_BITXOR, B_SHL, B_SHR,
    B_JSON_GET, B_JSON_GETTEXT
} BinaryOp;
typedef struct BinaryExpr { Node h; int op; Node *l, *r; } BinaryExpr;

typedef struct WindowSpec {
    Node h;
    Ident ref;             /* OVER w / OVER (w ...): named window, text NULL if none */
    NodeList partition;
    NodeList order;        /* ORDER_ITEM */
    const char *frame;     /* frame clause text as written (ROWS BETWEEN ...), or NULL */
} WindowSpec;

typedef struct FuncCall {
    Node h;
    QName name;            /* as written, e.g. dbo.fn or COUNT */
    NodeList args;
    int distinct;          /* COUNT(DISTINCT x) */
    int star;              /* COUNT(*) */
    NodeList order;        /* ORDER BY inside the call (STRING_AGG, GROUP_CONCAT) */
    NodeList within;       /* WITHIN GROUP (ORDER BY ...) */
    Node *separator;       /* GROUP_CONCAT(... SEPARATOR x) */
    Node *filter;          /* FILTER (WHERE ...) */
    WindowSpec *over;      /* OVER (...) */
    const char *keep;      /* Oracle KEEP (DENSE_RANK ...) text, or NULL */
    int nulls;             /* 1 IGNORE NULLS, 2 RESPECT NULLS */
    const char *using_cs;  /* MySQL CONVERT(x USING cs) */
    int noparens;          /* niladic keyword form: CURRENT_TIMESTAMP, SYSDATE, USER, ROWNUM */
    const char *upper;     /* last name part, upper case, for rule lookups */
} FuncCall;

typedef struct WhenClause { Node h; Node *cond; Node *result; } WhenClause;
typedef struct CaseExpr { Node h; Node *operand; NodeList whens; Node *else_; } CaseExpr;

typedef enum CastSyntax {
    CAST_CAST, CAST_CONVERT, CAST_COLONS, CAST_TRY_CAST, CAST_TRY_CONVERT,
    CAST_TYPED_LITERAL     /* DATE '2020-01-01', TIMESTAMP '...' */
} CastSyntax;
typedef struct TypeName TypeName;
typedef struct CastExpr {
    Node h;
    int syntax;            /* CastSyntax */
    Node *expr;
    TypeName *type;
    Node *style;           /* T-SQL CONVERT style argument, or NULL */
} CastExpr;

typedef struct SubqueryExpr { Node h; Node *query; } SubqueryExpr;
typedef struct ExistsExpr { Node h; Node *query; } ExistsExpr;
typedef struct InExpr { Node h; Node *expr; NodeList list; Node *query; /* NF_NOT */ } InExpr;
typedef struct BetweenExpr { Node h; Node *expr, *lo, *hi; /* NF_NOT */ } BetweenExpr;
typedef enum LikeOp { LK_LIKE, LK_ILIKE, LK_RLIKE, LK_SIMILAR } LikeOp;
typedef struct LikeExpr { Node h; int op; Node *expr, *pattern, *escape; /* NF_NOT */ } LikeExpr;
typedef enum IsWhat { IS_NULL, IS_TRUE, IS_FALSE, IS_UNKNOWN, IS_JSON } IsWhat;
typedef struct IsExpr { Node h; int what; Node *expr; /* NF_NOT */ } IsExpr;
typedef struct CollateExpr { Node h; Node *expr; Ident collation; } CollateExpr;
typedef enum QuantKind { Q_ANY, Q_ALL, Q_SOME } QuantKind;
typedef struct QuantExpr { Node h; int op; /* BinaryOp */ int q; Node *l; Node *query; NodeList list; } QuantExpr;
typedef struct RowExpr { Node h; NodeList items; } RowExpr;
typedef struct IntervalExpr {
    Node h;
    Node *value;           /* '1' or 1 or an expression */
    const char *unit;      /* upper-case unit text as written: DAY, YEAR TO MONTH, DAY(3) TO SECOND */
} IntervalExpr;
typedef struct KeywordExpr { Node h; const char *word; /* upper case: DEFAULT, DAY, ... */ } KeywordExpr;

/* A data type as written. */
struct TypeName {
    Node h;
    QName name;            /* user types may be qualified */
    const char *upper;     /* built-in spelling, upper case, single spaces: "DOUBLE PRECISION" */
    NodeList args;         /* numeric arguments (LITERAL), or NULL entries never */
    int is_max;            /* (MAX) */
    int star_prec;         /* Oracle NUMBER(*, s) */
    int is_unsigned, zerofill;
    const char *char_sem;  /* "CHAR" / "BYTE" (Oracle VARCHAR2(10 CHAR)) or NULL */
    NodeList values;       /* ENUM / SET values (LITERAL) */
    const char *suffix;    /* WITH TIME ZONE, WITH LOCAL TIME ZONE, YEAR TO MONTH ... (upper) */
    const char *charset;   /* CHARACTER SET x */
    Ident collate;         /* COLLATE x (text NULL if none) */
    const char *anchor;    /* %TYPE / %ROWTYPE, or NULL */
    int array;             /* PostgreSQL [] */
    int srid;              /* MySQL SRID n, -1 if none */
    const char *target_text; /* set by the rewrite stage: the target spelling, printed as is */
    int bool_memo;         /* rewrite's memo of the rules' answer to rw_type_is_bool: 0 not asked, 1 no, 2 yes */
};

/* ---- queries --------------------------------------------------------- */

typedef struct TargetItem { Node h; Node *expr; Ident alias; int has_as; int tsql_eq; /* alias = expr */ } TargetItem;
typedef struct OrderItem { Node h; Node *expr; int desc; int nulls; /* 0, 1 FIRST, 2 LAST */ } OrderItem;
typedef enum GroupingKind { GK_ROLLUP, GK_CUBE, GK_SETS, GK_EMPTY } GroupingKind;
typedef struct GroupingSet { Node h; int gk; NodeList items; } GroupingSet;

typedef struct SelectStmt {
    Node h;
    int distinct;          /* 1 DISTINCT, 2 DISTINCTROW/UNIQUE */
    Node *top;             /* T-SQL TOP (n) */
    int top_percent, top_ties;
    NodeList targets;      /* TARGET */
    QName into;            /* SELECT ... INTO t (n == 0 if none) */
    NodeList into_vars;    /* SELECT ... INTO @a, @b / :x (MySQL/PLSQL) */
    NodeList from;         /* TABLE_REF, DERIVED, TABLE_FUNC, JOIN */
    Node *where;
    NodeList group_by;     /* expressions and GROUPING nodes */
    int with_rollup;       /* MySQL GROUP BY ... WITH ROLLUP */
    Node *having;
    NodeList windows;      /* WINDOW w AS (...): WINDOW nodes with ref = name */
    Node *start_with, *connect_by;
    int nocycle;
    NodeList order_by;     /* ORDER_ITEM */
    Node *limit, *offset;  /* LIMIT n OFFSET m, OFFSET m ROWS FETCH NEXT n ROWS ONLY */
    int fetch_ties;        /* FETCH ... WITH TIES */
    int fetch_syntax;      /* 1 if written as OFFSET/FETCH */
    const char *for_clause;/* FOR XML/JSON/UPDATE/BROWSE text, or NULL */
    SrcSpan for_span;
    const char *option;    /* OPTION (...) text, or NULL */
} SelectStmt;

typedef enum SetOpKind { SO_UNION, SO_INTERSECT, SO_EXCEPT } SetOpKind;
typedef struct SetOpStmt {
    Node h;
    int op, all;
    int minus;             /* written MINUS (Oracle) */
    Node *l, *r;
    NodeList order_by;
    Node *limit, *offset;
    int fetch_syntax;
} SetOpStmt;

typedef struct CteDef { Node h; Ident name; IdentList cols; Node *query; } CteDef;
typedef struct WithStmt { Node h; int recursive; NodeList ctes; Node *body; } WithStmt;

typedef struct TableRef {
    Node h;
    QName name;
    Ident alias;           /* text NULL if none */
    IdentList col_aliases;
    NodeList hints;        /* WITH (NOLOCK), MySQL USE INDEX: KEYWORD_EXPR with the text */
    int only;              /* ONLY (t) */
    SrcSpan pivot_span;    /* PIVOT/UNPIVOT clause after it (len 0 if none) */
} TableRef;

typedef struct DerivedTable {
    Node h;
    Node *query;           /* SELECT/SETOP/WITH/VALUES */
    int lateral;
    Ident alias;
    IdentList col_aliases;
    SrcSpan pivot_span;
} DerivedTable;

struct CatTable;
typedef struct TableFunc {
    Node h; FuncCall *call; Ident alias; IdentList col_aliases;
    struct CatTable *row_table; /* set by the rewrite: the columns of its rows (unnest of a
                                   table-valued parameter), for column lookups; NULL if unknown */
} TableFunc;

typedef enum JoinKind {
    JK_INNER, JK_LEFT, JK_RIGHT, JK_FULL, JK_CROSS, JK_CROSS_APPLY, JK_OUTER_APPLY, JK_COMMA
} JoinKind;
typedef struct JoinExpr {
    Node h;
    int jk;
    int natural;
    int straight;          /* MySQL STRAIGHT_JOIN */
    Node *l, *r;
    Node *on;
    IdentList using_cols;
} JoinExpr;

typedef struct ValuesList { Node h; NodeList rows; /* ROW */ } ValuesList;

/* ---- DML ------------------------------------------------------------- */

typedef struct Assignment { Node h; Node *target; Node *value; int op; /* 0 '=', else BinaryOp of a compound += */ } Assignment;

typedef struct InsertStmt {
    Node h;
    QName table;
    Ident alias;
    IdentList cols;
    Node *source;          /* VALUES, a query, or NULL with default_values */
    int default_values;
    int ignore;            /* MySQL INSERT IGNORE */
    int replace;           /* MySQL REPLACE INTO */
    NodeList on_dup;       /* MySQL ON DUPLICATE KEY UPDATE: ASSIGN */
    Node *top;
    const char *output;    /* OUTPUT/RETURNING clause text, or NULL */
} InsertStmt;

typedef struct UpdateStmt {
    Node h;
    Node *table;           /* TABLE_REF (or JOIN for MySQL multi-table update) */
    NodeList sets;         /* ASSIGN */
    NodeList from;
    Node *where;
    Node *top;
    NodeList order_by;
    Node *limit;
    const char *output;
} UpdateStmt;

typedef struct DeleteStmt {
    Node h;
    Node *table;           /* TABLE_REF */
    NodeList from;         /* T-SQL second FROM / MySQL USING */
    Node *where;
    Node *top;
    NodeList order_by;
    Node *limit;
    const char *output;
} DeleteStmt;

/* ---- DDL ------------------------------------------------------------- */

typedef struct OptionItem {
    Node h;
    const char *name;      /* upper case: ENGINE, TABLESPACE, ON (filegroup), PCTFREE, ... */
    const char *value;     /* as written, or NULL */
} OptionItem;

typedef enum RefAction { RA_NONE, RA_NO_ACTION, RA_RESTRICT, RA_CASCADE, RA_SET_NULL, RA_SET_DEFAULT } RefAction;
typedef enum ConKind {
    CK_PRIMARY, CK_UNIQUE, CK_FOREIGN, CK_CHECK, CK_DEFAULT, CK_NOT_NULL, CK_NULL
} ConKind;
typedef struct IndexCol {
    Node h;
    Node *expr;            /* NAME for a plain column, else an expression */
    int desc;              /* 1 DESC, 0 ASC/none */
    int prefix_len;        /* MySQL col(10), 0 if none */
    Ident opclass;
} IndexCol;

typedef struct Constraint {
    Node h;
    int ck;                /* ConKind */
    Ident name;            /* CONSTRAINT name, text NULL if unnamed */
    NodeList cols;         /* INDEX_COL (PK, UNIQUE, FK local columns) */
    QName ref_table;       /* FK */
    IdentList ref_cols;
    int on_delete, on_update; /* RefAction */
    Node *expr;            /* CHECK condition / DEFAULT value */
    int clustered;         /* 1 CLUSTERED, 2 NONCLUSTERED, 0 unspecified */
    int deferrable, initially_deferred;
    int disabled;          /* DISABLE / NOCHECK / NOT ENFORCED */
    int novalidate;        /* Oracle NOVALIDATE / T-SQL WITH NOCHECK */
    int not_for_replication;
    NodeList options;      /* OPTION: WITH (...), ON filegroup, USING INDEX ... */
    Ident using_index;     /* MySQL USING BTREE/HASH */
} Constraint;

typedef struct ColumnDef {
    Node h;
    Ident name;
    TypeName *type;        /* NULL for a T-SQL computed column */
    Node *computed;        /* AS (expr) / GENERATED ALWAYS AS (expr) */
    int persisted;         /* PERSISTED / STORED */
    int virtual_;          /* VIRTUAL written explicitly */
    int identity;          /* IDENTITY / AUTO_INCREMENT / GENERATED .. AS IDENTITY */
    int identity_always;   /* GENERATED ALWAYS AS IDENTITY */
    Node *ident_start, *ident_incr;
    Node *default_;        /* DEFAULT expr */
    Ident default_name;    /* T-SQL CONSTRAINT name DEFAULT .. */
    int nullable;          /* 0 unspecified, 1 NULL, 2 NOT NULL */
    NodeList constraints;  /* column-level CONSTRAINT nodes (PK, UNIQUE, FK, CHECK) */
    Ident collate;
    Node *comment;         /* MySQL COMMENT '..' (LITERAL) */
    Node *on_update;       /* MySQL ON UPDATE CURRENT_TIMESTAMP */
    int rowguidcol, sparse, filestream, invisible, not_for_replication;
    NodeList options;      /* other column options, for info items */
} ColumnDef;

typedef enum IndexKind {
    IK_PLAIN, IK_CLUSTERED, IK_NONCLUSTERED, IK_BITMAP, IK_FULLTEXT, IK_SPATIAL, IK_XML,
    IK_COLUMNSTORE
} IndexKind;
typedef struct CreateIndex {
    Node h;
    Ident name;
    QName table;           /* n == 0 inside CREATE TABLE (MySQL KEY) until moved out */
    int unique, ik;        /* IndexKind */
    int if_not_exists;
    NodeList cols;         /* INDEX_COL */
    IdentList include;     /* INCLUDE (...) */
    Node *where;           /* filtered index */
    Ident using_;          /* USING BTREE/HASH/GIN */
    NodeList options;
    int primary_xml;
} CreateIndex;

typedef struct CreateTable {
    Node h;
    QName name;
    int temporary;         /* 1 TEMPORARY/#temp, 2 GLOBAL TEMPORARY/##temp */
    int if_not_exists;
    NodeList columns;      /* COLUMN_DEF */
    NodeList constraints;  /* table-level CONSTRAINT */
    NodeList indexes;      /* MySQL inline KEY / INDEX / FULLTEXT / SPATIAL: CREATE_INDEX */
    Node *as_query;        /* CREATE TABLE .. AS SELECT */
    NodeList options;      /* OPTION: storage, engine, filegroup, tablespace ... */
    Node *comment;         /* MySQL COMMENT='..' */
    SrcSpan partition;     /* PARTITION BY ... clause (len 0 if none) */
    int memory_optimized;
    int on_commit;         /* 0 none, 1 DELETE ROWS, 2 PRESERVE ROWS */
    SrcSpan object_type;   /* Oracle OF type / object table (len 0 if none) */
} CreateTable;

typedef struct CreateView {
    Node h;
    QName name;
    IdentList cols;
    Node *query;
    int or_replace;        /* OR REPLACE / OR ALTER */
    int materialized, force, check_option, read_only, schemabinding;
    NodeList options;      /* ALGORITHM, DEFINER, SQL SECURITY, WITH ... */
    SrcSpan object_view;   /* Oracle OF type WITH OBJECT IDENTIFIER (len 0 if none) */
} CreateView;

typedef struct CreateSequence {
    Node h;
    QName name;
    TypeName *as_type;
    Node *start, *increment, *minvalue, *maxvalue, *cache;
    int nominvalue, nomaxvalue, cycle, nocache, order;
    NodeList options;
} CreateSequence;

typedef struct CreateSynonym { Node h; QName name; QName target; int public_, or_replace; } CreateSynonym;
typedef struct CreateSchema { Node h; Ident name; Ident authorization; int if_not_exists; } CreateSchema;

typedef enum TypeKind { TYK_ALIAS, TYK_TABLE, TYK_OBJECT, TYK_COLLECTION, TYK_ENUM, TYK_XMLSCHEMA } TypeKind;
typedef struct CreateType {
    Node h;
    QName name;
    int tyk;               /* TypeKind */
    TypeName *base;        /* ALIAS: FROM base */
    int not_null;
    NodeList columns;      /* TABLE: COLUMN_DEF */
    NodeList constraints;
    int or_replace;
} CreateType;

typedef enum CommentTarget { CT_TABLE, CT_COLUMN, CT_VIEW, CT_OTHER } CommentTarget;
typedef struct CommentStmt {
    Node h;
    int target;            /* CommentTarget */
    QName obj;             /* table / view, or table.column */
    Node *text;            /* LITERAL, or NULL for COMMENT .. IS NULL */
    int from_extprop;      /* came from sp_addextendedproperty */
} CommentStmt;

typedef enum ObjKind {
    OK_TABLE, OK_VIEW, OK_INDEX, OK_SEQUENCE, OK_SYNONYM, OK_SCHEMA, OK_TYPE, OK_PROCEDURE,
    OK_FUNCTION, OK_TRIGGER, OK_PACKAGE, OK_CONSTRAINT, OK_DATABASE, OK_OTHER
} ObjKind;
typedef struct DropStmt {
    Node h;
    int what;              /* ObjKind */
    NodeList names;        /* NAME */
    QName on_table;        /* DROP INDEX ix ON t */
    int if_exists, cascade, purge;
} DropStmt;

typedef enum AlterKind {
    AK_ADD_COLUMN, AK_ADD_CONSTRAINT, AK_ADD_INDEX, AK_DROP_COLUMN, AK_DROP_CONSTRAINT,
    AK_ALTER_COLUMN,       /* T-SQL ALTER COLUMN / MySQL MODIFY / Oracle MODIFY: new definition */
    AK_SET_DEFAULT, AK_DROP_DEFAULT, AK_RENAME_TABLE, AK_RENAME_COLUMN,
    AK_CHECK_CONSTRAINT,   /* T-SQL [WITH CHECK] CHECK CONSTRAINT x / NOCHECK */
    AK_ENABLE_TRIGGER, AK_DISABLE_TRIGGER, AK_OTHER
} AlterKind;
typedef struct AlterAction {
    Node h;
    int ak;                /* AlterKind */
    Node *def;             /* COLUMN_DEF / CONSTRAINT / CREATE_INDEX */
    Ident name;            /* column / constraint / new name */
    Ident name2;           /* RENAME COLUMN a TO b: b */
    Node *expr;            /* SET DEFAULT expr */
    int if_exists;
    int nocheck;           /* WITH NOCHECK before ADD */
} AlterAction;

typedef struct AlterTable { Node h; QName name; NodeList actions; int only; } AlterTable;


/* ---- T-SQL stored code (procedural statements) ------------------------ */

typedef struct PlParam {
    Node h;
    const char *var;       /* @name as written (with the sigil) */
    TypeName *type;
    Node *def;             /* = default, or NULL */
    int output;            /* OUTPUT / OUT */
    int readonly;          /* READONLY (table-valued parameter) */
} PlParam;

typedef enum PlRet { PR_NONE, PR_SCALAR, PR_INLINE_TABLE, PR_TABLE_VAR } PlRet;
typedef enum PlTrigTiming { TT_AFTER, TT_INSTEAD_OF } PlTrigTiming;
#define TE_INSERT 1
#define TE_UPDATE 2
#define TE_DELETE 4

typedef struct PlRoutine {
    Node h;
    NodeList params;       /* PL_PARAM */
    int ret;               /* PlRet (functions) */
    TypeName *ret_type;    /* PR_SCALAR */
    const char *ret_var;   /* PR_TABLE_VAR: @t */
    NodeList ret_cols;     /* PR_TABLE_VAR: COLUMN_DEF */
    Node *ret_query;       /* PR_INLINE_TABLE: the query of RETURN (...) */
    NodeList options;      /* OPTION: WITH SCHEMABINDING, EXECUTE AS, ... (name upper, value) */
    int timing, events;    /* triggers: PlTrigTiming, TE_* */
    Node *body;            /* PL_BLOCK (NULL for an inline table-valued function) */
    /* decided by the rewrite (xf_proc.c) */
    int result_sets;       /* procedure: queries that return rows to the caller */
    const char *rs_cols;   /* one result set: "name type, ..." of RETURNS TABLE, or NULL (refcursor) */
    int uses_rowcount, uses_fetch_status, uses_error;
    int has_catch;
    const char *extra_decls; /* declarations the rewrite adds ("    name type;\n" lines), or NULL */
    const char *prelude;   /* statements the rewrite puts before the routine (a composite
                              type it declares), or NULL */
    int row_level;         /* trigger: FOR EACH ROW (INSTEAD OF), else statement-level */
    int on_view;           /* trigger on a view */
    int self_dml;          /* trigger: the body modifies the trigger's own table */
    Node *event_body[3];   /* trigger: the body for INSERT, UPDATE, DELETE (NULL if not an event) */
    int my_access;         /* MySQL function: 0 NO SQL, 1 READS SQL DATA, 2 MODIFIES SQL DATA */
    int my_nondet;         /* MySQL function: calls something not deterministic (NOW(), RAND()) */
} PlRoutine;

typedef struct PlBlock { Node h; NodeList stmts; } PlBlock;

typedef struct PlDeclare {
    Node h;
    const char *var;       /* @v, or the cursor name */
    TypeName *type;        /* NULL for a table variable / cursor */
    Node *init;            /* = expr, or NULL */
    int is_table;          /* @t TABLE (cols): cols below */
    NodeList cols;         /* COLUMN_DEF / CONSTRAINT */
    int is_cursor;         /* DECLARE c CURSOR [options] FOR query */
    Node *query;           /* cursor query */
    const char *options;   /* cursor options as written (upper), or NULL */
} PlDeclare;

typedef struct PlSet { Node h; const char *var; int op; /* 0 '=', else BinaryOp */ Node *value; } PlSet;
typedef struct PlIf { Node h; Node *cond, *then_, *else_; } PlIf;
typedef struct PlWhile { Node h; Node *cond, *body; } PlWhile;
typedef struct PlTry { Node h; Node *try_, *catch_; } PlTry;

typedef enum PlWhat {
    PW_BREAK, PW_CONTINUE, PW_RETURN, PW_PRINT, PW_RAISERROR, PW_THROW, PW_GOTO, PW_LABEL,
    PW_WAITFOR, PW_BEGIN_TRAN, PW_COMMIT, PW_ROLLBACK, PW_SAVE, PW_OPEN, PW_CLOSE,
    PW_DEALLOCATE, PW_FETCH, PW_EXEC, PW_EXEC_SQL, PW_SET_OPTION, PW_UNSUPPORTED
} PlWhat;
typedef struct PlStmt {
    Node h;
    int what;              /* PlWhat */
    Node *expr;            /* RETURN value, PRINT text, WAITFOR time, EXEC (@sql) text */
    NodeList args;         /* RAISERROR/THROW arguments, FETCH INTO vars, EXEC arguments
                              (expressions, or ASSIGN for @p = v; NF_OUTPUT marks OUTPUT) */
    QName name;            /* EXEC procedure; cursor, label, savepoint, option name */
    const char *ret_var;   /* EXEC @rc = proc: @rc */
    const char *word;      /* WAITFOR DELAY/TIME; FETCH direction; SET option value; RAISERROR WITH */
    int form;              /* set by the rewrite: EXEC callee CodeForm; 1 = statement dropped */
    int result_set;        /* (queries are not PlStmt: see PlRoutine.result_sets) */
} PlStmt;

/* ---- construction and access ----------------------------------------- */

/* Inline so that the zeroing of a node of constant size is a few stores,
 * not a memset call: the parser makes a node for nearly every token. */
static inline void *ast_new_node(Arena *a, int kind, size_t size, SrcSpan span)
{
    Node *n = arena_alloc(a, size);
    n->kind = (uint16_t)kind;
    n->span = span;
    return n;
}
#define NODE_NEW(arena, T, KIND, span) ((T *)ast_new_node((arena), N_##KIND, sizeof(T), (span)))
#define NODE_IS(n, KIND) ((n) && ((Node *)(n))->kind == N_##KIND)
#define NODE_AS(T, KIND, n) (assert(NODE_IS((n), KIND)), (T *)(n))

const char *ast_kind_name(int kind);
void nl_push(Arena *a, NodeList *l, void *n);
void il_push(Arena *a, IdentList *l, Ident id);

/* Case-insensitive comparison of an identifier with an ASCII word. */
int ident_eq(const Ident *id, const char *word);
/* Ident from a C string (synthetic). */
Ident ident_make(Arena *a, const char *s);
/* "a.b.c" as written (unquoted parts). */
const char *qname_text(Arena *a, const QName *q);

/* Deterministic S-expression dump for tests (sqlshift parse). Spans are
 * printed as line:col when src is given. */
struct StrBuf;
void ast_dump(struct StrBuf *out, const Node *n, const SourceFile *src, int indent);

#endif
