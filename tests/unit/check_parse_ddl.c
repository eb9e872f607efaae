/* tests: DDL parsing (src/parse/parse_ddl.c) for T-SQL, Oracle, MySQL and
 * PostgreSQL: tables, columns, constraints, indexes, views, types,
 * sequences, synonyms, ALTER / DROP / COMMENT ON, T-SQL extended
 * properties, and errors turning into RAW with the statement after them
 * still parsed. Assertions look at the AST fields the later stages use. */
#include "unit.h"
#include "parse/parser.h"
#include <stdlib.h>
#include <string.h>

Suite *parse_ddl_suite(void);

#define MAXN 32

typedef struct P {
    Arena run, sa;
    DiagList d;
    SourceFile f;
    int n;              /* statements, script commands excluded */
    Node *nodes[MAXN];
} P;

static void parse_sql(P *r, Dialect dl, const char *sql)
{
    memset(r, 0, sizeof *r);
    arena_init(&r->run, 0);
    arena_init(&r->sa, 0);
    diag_init(&r->d, &r->run);
    r->f.name = strdup("ddl.sql");
    r->f.text = strdup(sql);
    r->f.len = strlen(sql);
    src_build_lines(&r->f);
    Parser p;
    ps_init(&p, dl, &r->f, &r->sa, &r->d);
    Stmt st;
    while (ps_next(&p, &st)) {
        if (!st.node || st.node->kind == N_SCRIPT_CMD)
            continue;
        if (r->n < MAXN)
            r->nodes[r->n++] = st.node;
    }
    ps_free(&p);
}

static void done(P *r)
{
    src_free(&r->f);
    arena_free(&r->sa);
    arena_free(&r->run);
}

/* The i-th statement, which must be of the given kind. */
static void *nth(P *r, int i, int kind)
{
    ck_assert_msg(i < r->n, "statement %d missing (%d parsed)", i, r->n);
    Node *n = r->nodes[i];
    if (n->kind == N_RAW)
        ck_abort_msg("statement %d is RAW: %s", i, ((RawNode *)n)->reason);
    ck_assert_msg(n->kind == kind, "statement %d is %s, want %s", i, ast_kind_name(n->kind),
                  ast_kind_name(kind));
    return n;
}

static void *as(Node *n, int kind)
{
    ck_assert_ptr_nonnull(n);
    ck_assert_msg(n->kind == kind, "node is %s, want %s", ast_kind_name(n->kind), ast_kind_name(kind));
    return n;
}

static const char *lit(Node *n) { return ((Literal *)as(n, N_LITERAL))->value; }

static const char *id(const Ident *i) { return i->text ? i->text : "(null)"; }

/* Value of option `name` in a list; "(none)" if it has no value, NULL if absent. */
static const char *opt(const NodeList *l, const char *name)
{
    for (int i = 0; i < l->n; i++) {
        OptionItem *o = as(l->items[i], N_OPTION);
        if (strcmp(o->name, name) == 0)
            return o->value ? o->value : "(none)";
    }
    return NULL;
}

static char *text(P *r, SrcSpan s)
{
    return arena_strndup(&r->run, r->f.text + s.off, s.len);
}

static void at(P *r, SrcSpan s, int line, int col)
{
    SrcPos p = src_pos(&r->f, s.off);
    ck_assert_msg(p.line == line && p.col == col, "span at %d:%d, want %d:%d", p.line, p.col,
                  line, col);
}

static ColumnDef *col(CreateTable *t, int i) { return as(t->columns.items[i], N_COLUMN_DEF); }
static Constraint *con(const NodeList *l, int i) { return as(l->items[i], N_CONSTRAINT); }
static AlterAction *act(AlterTable *a, int i)
{
    ck_assert_msg(i < a->actions.n, "action %d missing (%d)", i, a->actions.n);
    return as(a->actions.items[i], N_ALTER_ACTION);
}

/* ---- T-SQL ---------------------------------------------------------------- */

START_TEST(tsql_create_table_columns)
{
    P r;
    parse_sql(&r, DIALECT_TSQL,
              "CREATE TABLE [Sales].[SalesOrderHeader](\n"
              "    [SalesOrderID] [int] IDENTITY (1, 1) NOT FOR REPLICATION NOT NULL,\n"
              "    [rowguid] uniqueidentifier ROWGUIDCOL NOT NULL CONSTRAINT [DF_rowguid] DEFAULT (NEWID()),\n"
              "    [SubTotal] [money] NOT NULL CONSTRAINT [DF_SubTotal] DEFAULT (0.00),\n"
              "    [TotalDue] AS ISNULL([SubTotal] + [TaxAmt], 0) PERSISTED NOT NULL,\n"
              "    [Name] [Name] NULL,\n"
              "    [Notes] nvarchar(max) COLLATE Latin1_General_CI_AS SPARSE NULL,\n"
              "    CONSTRAINT [CK_SubTotal] CHECK ([SubTotal] >= 0.00),\n"
              ") ON [PRIMARY] TEXTIMAGE_ON [PRIMARY];\nGO\n");
    ck_assert_int_eq(r.n, 1);
    CreateTable *t = nth(&r, 0, N_CREATE_TABLE);
    ck_assert_int_eq(t->name.n, 2);
    ck_assert_str_eq(id(&t->name.parts[0]), "Sales");
    ck_assert_int_eq(t->name.parts[1].quote, '[');
    ck_assert_int_eq(t->columns.n, 6);
    ColumnDef *c = col(t, 0);
    ck_assert_str_eq(id(&c->name), "SalesOrderID");
    ck_assert_str_eq(c->type->upper, "INT");
    ck_assert_int_eq(c->identity, 1);
    ck_assert_str_eq(lit(c->ident_start), "1");
    ck_assert_str_eq(lit(c->ident_incr), "1");
    ck_assert_int_eq(c->not_for_replication, 1);
    ck_assert_int_eq(c->nullable, 2);
    at(&r, c->h.span, 2, 5);
    c = col(t, 1);
    ck_assert_int_eq(c->rowguidcol, 1);
    ck_assert_str_eq(id(&c->default_name), "DF_rowguid");
    ck_assert_str_eq(((FuncCall *)as(c->default_, N_FUNC))->upper, "NEWID");
    c = col(t, 3);
    ck_assert_ptr_null(c->type);
    as(c->computed, N_FUNC);
    ck_assert_int_eq(c->persisted, 1);
    ck_assert_int_eq(c->nullable, 2);
    c = col(t, 4); /* user-defined type named like the column */
    ck_assert_str_eq(id(&c->type->name.parts[0]), "Name");
    ck_assert_int_eq(c->nullable, 1);
    c = col(t, 5);
    ck_assert_int_eq(c->type->is_max, 1);
    ck_assert_str_eq(id(&c->collate), "Latin1_General_CI_AS");
    ck_assert_int_eq(c->sparse, 1);
    ck_assert_int_eq(t->constraints.n, 1);
    Constraint *k = con(&t->constraints, 0);
    ck_assert_int_eq(k->ck, CK_CHECK);
    ck_assert_str_eq(id(&k->name), "CK_SubTotal");
    as(k->expr, N_BINARY);
    ck_assert_str_eq(opt(&t->options, "ON"), "[PRIMARY]");
    ck_assert_str_eq(opt(&t->options, "TEXTIMAGE_ON"), "[PRIMARY]");
    ck_assert_int_eq(r.d.v.n, 0);
    done(&r);
}
END_TEST

START_TEST(tsql_column_constraints_pubs)
{
    P r;
    parse_sql(&r, DIALECT_TSQL,
              "CREATE TABLE employee\n(\n"
              "   emp_id empid\n"
              "         CONSTRAINT PK_emp_id PRIMARY KEY NONCLUSTERED\n"
              "         CONSTRAINT CK_emp_id CHECK (emp_id LIKE '[A-Z]%'),\n"
              "   job_id smallint NOT NULL DEFAULT 1 REFERENCES jobs(job_id),\n"
              "   pub_id char(4) NOT NULL UNIQUE\n"
              ")\nGO\n");
    CreateTable *t = nth(&r, 0, N_CREATE_TABLE);
    ck_assert_int_eq(t->columns.n, 3);
    ColumnDef *c = col(t, 0);
    ck_assert_int_eq(c->constraints.n, 2);
    Constraint *k = con(&c->constraints, 0);
    ck_assert_int_eq(k->ck, CK_PRIMARY);
    ck_assert_str_eq(id(&k->name), "PK_emp_id");
    ck_assert_int_eq(k->clustered, 2);
    ck_assert_int_eq(k->cols.n, 0);
    ck_assert_int_eq(con(&c->constraints, 1)->ck, CK_CHECK);
    c = col(t, 1);
    ck_assert_str_eq(lit(c->default_), "1");
    k = con(&c->constraints, 0);
    ck_assert_int_eq(k->ck, CK_FOREIGN);
    ck_assert_str_eq(id(&k->ref_table.parts[0]), "jobs");
    ck_assert_int_eq(k->ref_cols.n, 1);
    ck_assert_str_eq(id(&k->ref_cols.items[0]), "job_id");
    ck_assert_int_eq(con(&col(t, 2)->constraints, 0)->ck, CK_UNIQUE);
    done(&r);
}
END_TEST

START_TEST(tsql_memory_optimized_and_temp)
{
    P r;
    parse_sql(&r, DIALECT_TSQL,
              "CREATE TABLE [InMemory].[OrderLines_CCI] (\n"
              "    [OrderLineID] [int] NOT NULL IDENTITY(1,1) PRIMARY KEY NONCLUSTERED,\n"
              "    [LastEditedWhen] [datetime2](7) NOT NULL DEFAULT(sysdatetime()),\n"
              "    INDEX t_orderlines_cci CLUSTERED COLUMNSTORE,\n"
              "    INDEX ix_hash HASH (OrderLineID) WITH (BUCKET_COUNT = 1024)\n"
              ") WITH (MEMORY_OPTIMIZED=ON, DURABILITY=SCHEMA_AND_DATA);\nGO\n"
              "CREATE TABLE #work (id int)\nCREATE TABLE ##shared (id int)\n");
    CreateTable *t = nth(&r, 0, N_CREATE_TABLE);
    ck_assert_int_eq(t->memory_optimized, 1);
    ck_assert_str_eq(opt(&t->options, "DURABILITY"), "SCHEMA_AND_DATA");
    ck_assert_int_eq(t->indexes.n, 2);
    CreateIndex *ix = as(t->indexes.items[0], N_CREATE_INDEX);
    ck_assert_str_eq(id(&ix->name), "t_orderlines_cci");
    ck_assert_int_eq(ix->ik, IK_COLUMNSTORE);
    ck_assert_int_eq(ix->cols.n, 0);
    ck_assert_int_eq(ix->table.n, 0);
    ix = as(t->indexes.items[1], N_CREATE_INDEX);
    ck_assert_str_eq(id(&ix->using_), "HASH");
    ck_assert_str_eq(opt(&ix->options, "BUCKET_COUNT"), "1024");
    ck_assert_int_eq(con(&col(t, 0)->constraints, 0)->clustered, 2);
    ck_assert_int_eq(((CreateTable *)nth(&r, 1, N_CREATE_TABLE))->temporary, 1);
    ck_assert_int_eq(((CreateTable *)nth(&r, 2, N_CREATE_TABLE))->temporary, 2);
    done(&r);
}
END_TEST

START_TEST(tsql_temporal_table)
{
    P r;
    parse_sql(&r, DIALECT_TSQL,
              "CREATE TABLE dbo.Emp (\n"
              "  id int NOT NULL PRIMARY KEY CLUSTERED,\n"
              "  ValidFrom datetime2 GENERATED ALWAYS AS ROW START HIDDEN NOT NULL,\n"
              "  ValidTo datetime2 GENERATED ALWAYS AS ROW END NOT NULL,\n"
              "  PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo)\n"
              ") WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.EmpHistory), DATA_COMPRESSION = PAGE)\n"
              "GO\n");
    CreateTable *t = nth(&r, 0, N_CREATE_TABLE);
    ck_assert_int_eq(t->columns.n, 3);
    ColumnDef *c = col(t, 1);
    ck_assert_str_eq(opt(&c->options, "GENERATED ALWAYS AS"), "ROW START");
    ck_assert_str_eq(opt(&c->options, "HIDDEN"), "(none)");
    ck_assert_int_eq(c->nullable, 2);
    ck_assert_ptr_null(c->computed);
    ck_assert_str_eq(opt(&t->options, "PERIOD FOR"), "SYSTEM_TIME (ValidFrom, ValidTo)");
    ck_assert_str_eq(opt(&t->options, "SYSTEM_VERSIONING"), "ON (HISTORY_TABLE = dbo.EmpHistory)");
    ck_assert_str_eq(opt(&t->options, "DATA_COMPRESSION"), "PAGE");
    ck_assert_int_eq(t->memory_optimized, 0);
    done(&r);
}
END_TEST

START_TEST(tsql_alter_table_actions)
{
    P r;
    parse_sql(&r, DIALECT_TSQL,
              "ALTER TABLE [dbo].[ErrorLog] WITH CHECK ADD\n"
              "    CONSTRAINT [PK_ErrorLog] PRIMARY KEY CLUSTERED ( [ErrorLogID] ) ON [PRIMARY];\n"
              "ALTER TABLE [Production].[BillOfMaterials] WITH NOCHECK ADD\n"
              "    CONSTRAINT [FK_1] FOREIGN KEY ([ProductAssemblyID]) REFERENCES [Production].[Product]([ProductID]),\n"
              "    CONSTRAINT [FK_2] FOREIGN KEY ([ComponentID]) REFERENCES [Production].[Product]([ProductID])\n"
              "    ON DELETE CASCADE ON UPDATE NO ACTION NOT FOR REPLICATION;\n"
              "ALTER TABLE t ADD CONSTRAINT [DF_t_x] DEFAULT (0) FOR [x]\n"
              "ALTER TABLE \"Categories\" NOCHECK CONSTRAINT ALL\n"
              "ALTER TABLE t WITH CHECK CHECK CONSTRAINT FK_a, FK_b\n"
              "ALTER TABLE t ALTER COLUMN c nvarchar(100) NOT NULL\n"
              "ALTER TABLE t DROP CONSTRAINT a, b, COLUMN c\n"
              "ALTER TABLE t ADD c1 int NULL, c2 varchar(10)\n"
              "ALTER TABLE t DISABLE TRIGGER ALL\n"
              "ALTER TABLE t SET (LOCK_ESCALATION = AUTO)\n"
              "ALTER TABLE dbo.T ADD DEFAULT ((0)) FOR [uid]\n"
              "CREATE SEQUENCE [dbo].[S]\n AS [bigint]\n START WITH 1\n INCREMENT BY 1\n"
              " MINVALUE -9223372036854775808\n CACHE \nGO\n");
    ck_assert_int_eq(r.n, 12);
    AlterTable *a = nth(&r, 0, N_ALTER_TABLE);
    ck_assert_int_eq(a->actions.n, 1);
    AlterAction *x = act(a, 0);
    ck_assert_int_eq(x->ak, AK_ADD_CONSTRAINT);
    ck_assert_int_eq(x->nocheck, 0);
    Constraint *k = as(x->def, N_CONSTRAINT);
    ck_assert_int_eq(k->ck, CK_PRIMARY);
    ck_assert_int_eq(k->clustered, 1);
    ck_assert_int_eq(k->cols.n, 1);
    ck_assert_str_eq(opt(&k->options, "ON"), "[PRIMARY]");
    at(&r, x->h.span, 1, 30);
    a = nth(&r, 1, N_ALTER_TABLE);
    ck_assert_int_eq(a->actions.n, 2);
    ck_assert_int_eq(act(a, 1)->nocheck, 1);
    k = as(act(a, 1)->def, N_CONSTRAINT);
    ck_assert_int_eq(k->ck, CK_FOREIGN);
    ck_assert_int_eq(k->novalidate, 1);
    ck_assert_int_eq(k->on_delete, RA_CASCADE);
    ck_assert_int_eq(k->on_update, RA_NO_ACTION);
    ck_assert_int_eq(k->not_for_replication, 1);
    ck_assert_int_eq(k->ref_table.n, 2);
    x = act(nth(&r, 2, N_ALTER_TABLE), 0);
    ck_assert_int_eq(x->ak, AK_SET_DEFAULT);
    ck_assert_str_eq(id(&x->name), "x");
    ck_assert_str_eq(lit(x->expr), "0");
    ck_assert_str_eq(id(&((Constraint *)x->def)->name), "DF_t_x");
    x = act(nth(&r, 3, N_ALTER_TABLE), 0);
    ck_assert_int_eq(x->ak, AK_CHECK_CONSTRAINT);
    ck_assert_int_eq(x->nocheck, 1);
    ck_assert_str_eq(id(&x->name), "ALL");
    a = nth(&r, 4, N_ALTER_TABLE);
    ck_assert_int_eq(a->actions.n, 2);
    ck_assert_int_eq(act(a, 1)->ak, AK_CHECK_CONSTRAINT);
    ck_assert_int_eq(act(a, 1)->nocheck, 0);
    ck_assert_str_eq(id(&act(a, 1)->name), "FK_b");
    x = act(nth(&r, 5, N_ALTER_TABLE), 0);
    ck_assert_int_eq(x->ak, AK_ALTER_COLUMN);
    ColumnDef *c = as(x->def, N_COLUMN_DEF);
    ck_assert_str_eq(c->type->upper, "NVARCHAR");
    ck_assert_int_eq(c->nullable, 2);
    a = nth(&r, 6, N_ALTER_TABLE);
    ck_assert_int_eq(a->actions.n, 3);
    ck_assert_int_eq(act(a, 0)->ak, AK_DROP_CONSTRAINT);
    ck_assert_int_eq(act(a, 1)->ak, AK_DROP_CONSTRAINT);
    ck_assert_str_eq(id(&act(a, 1)->name), "b");
    ck_assert_int_eq(act(a, 2)->ak, AK_DROP_COLUMN);
    a = nth(&r, 7, N_ALTER_TABLE);
    ck_assert_int_eq(a->actions.n, 2);
    ck_assert_int_eq(act(a, 1)->ak, AK_ADD_COLUMN);
    ck_assert_str_eq(id(&act(a, 1)->name), "c2");
    x = act(nth(&r, 8, N_ALTER_TABLE), 0);
    ck_assert_int_eq(x->ak, AK_DISABLE_TRIGGER);
    ck_assert_str_eq(id(&x->name), "ALL");
    ck_assert_int_eq(act(nth(&r, 9, N_ALTER_TABLE), 0)->ak, AK_OTHER);
    x = act(nth(&r, 10, N_ALTER_TABLE), 0);
    ck_assert_int_eq(x->ak, AK_SET_DEFAULT);
    ck_assert_str_eq(id(&x->name), "uid");
    ck_assert_ptr_null(((Constraint *)x->def)->name.text);
    CreateSequence *s = nth(&r, 11, N_CREATE_SEQUENCE);
    ck_assert_str_eq(s->as_type->upper, "BIGINT");
    as(s->minvalue, N_UNARY);
    ck_assert_ptr_null(s->cache); /* bare CACHE: the default size */
    ck_assert_str_eq(opt(&s->options, "CACHE"), "(none)");
    done(&r);
}
END_TEST

START_TEST(tsql_indexes)
{
    P r;
    parse_sql(&r, DIALECT_TSQL,
              "CREATE UNIQUE NONCLUSTERED INDEX [AK_x] ON [dbo].[T]([a] ASC, [b] DESC)\n"
              "  INCLUDE (c, d) WHERE IsActive = 1 WITH (PAD_INDEX = OFF, FILLFACTOR = 90) ON [PRIMARY];\n"
              "CREATE PRIMARY XML INDEX [PXML] ON [Person].[Person]([Demographics]);\n"
              "CREATE XML INDEX [XPATH] ON [Person].[Person]([Demographics])\n"
              "USING XML INDEX [PXML] FOR PATH;\n"
              "CREATE FULLTEXT INDEX ON Production.Document(Document TYPE COLUMN FileExtension, DocumentSummary)"
              " KEY INDEX PK_Document;\n"
              "CREATE CLUSTERED INDEX employee_ind ON employee(lname, fname, minit)\nGO\n");
    ck_assert_int_eq(r.n, 5);
    CreateIndex *ix = nth(&r, 0, N_CREATE_INDEX);
    ck_assert_int_eq(ix->unique, 1);
    ck_assert_int_eq(ix->ik, IK_NONCLUSTERED);
    ck_assert_str_eq(id(&ix->name), "AK_x");
    ck_assert_int_eq(ix->table.n, 2);
    ck_assert_int_eq(ix->cols.n, 2);
    ck_assert_int_eq(((IndexCol *)ix->cols.items[1])->desc, 1);
    ck_assert_int_eq(ix->include.n, 2);
    as(ix->where, N_BINARY);
    ck_assert_str_eq(opt(&ix->options, "FILLFACTOR"), "90");
    ck_assert_str_eq(opt(&ix->options, "ON"), "[PRIMARY]");
    ix = nth(&r, 1, N_CREATE_INDEX);
    ck_assert_int_eq(ix->ik, IK_XML);
    ck_assert_int_eq(ix->primary_xml, 1);
    ix = nth(&r, 2, N_CREATE_INDEX);
    ck_assert_int_eq(ix->primary_xml, 0);
    ck_assert_str_eq(opt(&ix->options, "USING XML INDEX"), "[PXML] FOR PATH");
    ix = nth(&r, 3, N_CREATE_INDEX);
    ck_assert_int_eq(ix->ik, IK_FULLTEXT);
    ck_assert_ptr_null(ix->name.text);
    ck_assert_int_eq(ix->cols.n, 2);
    ck_assert_str_eq(opt(&ix->options, "KEY INDEX"), "PK_Document");
    ix = nth(&r, 4, N_CREATE_INDEX);
    ck_assert_int_eq(ix->ik, IK_CLUSTERED);
    ck_assert_int_eq(ix->cols.n, 3);
    done(&r);
}
END_TEST

START_TEST(tsql_types_schemas_views)
{
    P r;
    parse_sql(&r, DIALECT_TSQL,
              "CREATE TYPE [Flag] FROM bit NOT NULL;\n"
              "CREATE TYPE [Name] FROM nvarchar(50) NULL;\n"
              "CREATE TYPE dbo.OrderList AS TABLE (OrderID int NOT NULL PRIMARY KEY NONCLUSTERED, Qty int)\n"
              "GO\n"
              "CREATE XML SCHEMA COLLECTION [Person].[InfoSchema] AS N'<xsd:schema xmlns:xsd=\"x\"/>';\n"
              "GO\n"
              "CREATE SCHEMA [Sales] AUTHORIZATION [dbo];\n"
              "GO\n"
              "CREATE VIEW [Production].[vProduct]\nWITH SCHEMABINDING\nAS\n"
              "SELECT p.Name FROM [Production].[Product] p\nWITH CHECK OPTION;\nGO\n"
              "ALTER VIEW v AS SELECT 1 AS one\nGO\n");
    ck_assert_int_eq(r.n, 7);
    CreateType *ty = nth(&r, 0, N_CREATE_TYPE);
    ck_assert_int_eq(ty->tyk, TYK_ALIAS);
    ck_assert_str_eq(ty->base->upper, "BIT");
    ck_assert_int_eq(ty->not_null, 1);
    ty = nth(&r, 1, N_CREATE_TYPE);
    ck_assert_str_eq(lit(ty->base->args.items[0]), "50");
    ck_assert_int_eq(ty->not_null, 0);
    ty = nth(&r, 2, N_CREATE_TYPE);
    ck_assert_int_eq(ty->tyk, TYK_TABLE);
    ck_assert_int_eq(ty->columns.n, 2);
    ty = nth(&r, 3, N_CREATE_TYPE);
    ck_assert_int_eq(ty->tyk, TYK_XMLSCHEMA);
    ck_assert_str_eq(id(&ty->name.parts[1]), "InfoSchema");
    CreateSchema *s = nth(&r, 4, N_CREATE_SCHEMA);
    ck_assert_str_eq(id(&s->name), "Sales");
    ck_assert_str_eq(id(&s->authorization), "dbo");
    CreateView *v = nth(&r, 5, N_CREATE_VIEW);
    ck_assert_int_eq(v->schemabinding, 1);
    ck_assert_int_eq(v->check_option, 1);
    as(v->query, N_SELECT);
    v = nth(&r, 6, N_CREATE_VIEW);
    ck_assert_int_eq(v->or_replace, 1);
    done(&r);
}
END_TEST

START_TEST(tsql_extended_properties)
{
    P r;
    parse_sql(&r, DIALECT_TSQL,
              "EXECUTE [sys].[sp_addextendedproperty] N'MS_Description', N'Street address.', "
              "N'SCHEMA', [Person], N'TABLE', [Address], NULL, NULL;\n"
              "EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Primary key.', "
              "@level0type=N'SCHEMA',@level0name=N'Person', @level1type=N'TABLE',@level1name=N'Address', "
              "@level2type=N'COLUMN',@level2name=N'AddressID'\n"
              "EXECUTE sp_addextendedproperty N'MS_Description', N'View.', N'SCHEMA', dbo, N'VIEW', vX\n"
              "EXEC sys.sp_addextendedproperty @name=N'microsoft_database_tools_support', @value=1, "
              "@level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'sysdiagrams'\n"
              "EXECUTE sp_addextendedproperty N'MS_Description', N'Check.', N'SCHEMA', [Sales], "
              "N'TABLE', [T], N'CONSTRAINT', [CK_x];\n"
              "GO\n");
    ck_assert_int_eq(r.n, 5);
    CommentStmt *c = nth(&r, 0, N_COMMENT);
    ck_assert_int_eq(c->target, CT_TABLE);
    ck_assert_int_eq(c->from_extprop, 1);
    ck_assert_int_eq(c->obj.n, 2);
    ck_assert_str_eq(id(&c->obj.parts[0]), "Person");
    ck_assert_str_eq(id(&c->obj.parts[1]), "Address");
    ck_assert_str_eq(lit(c->text), "Street address.");
    at(&r, c->h.span, 1, 1);
    c = nth(&r, 1, N_COMMENT);
    ck_assert_int_eq(c->target, CT_COLUMN);
    ck_assert_int_eq(c->obj.n, 3);
    ck_assert_str_eq(id(&c->obj.parts[2]), "AddressID");
    ck_assert_str_eq(lit(c->text), "Primary key.");
    c = nth(&r, 2, N_COMMENT);
    ck_assert_int_eq(c->target, CT_VIEW);
    /* another property, and a comment on a constraint: stay EXEC statements */
    ck_assert_int_eq(((OtherStmt *)nth(&r, 3, N_OTHER_STMT))->what, OS_EXEC);
    ck_assert_int_eq(((OtherStmt *)nth(&r, 4, N_OTHER_STMT))->what, OS_EXEC);
    done(&r);
}
END_TEST

START_TEST(tsql_drop_and_other)
{
    P r;
    parse_sql(&r, DIALECT_TSQL,
              "DROP INDEX t.ix_a\nDROP INDEX ix_b ON dbo.t WITH (ONLINE = ON)\n"
              "DROP TABLE IF EXISTS [OnDisk].[OrderLines], dbo.x;\n"
              "DROP PROCEDURE IF EXISTS [InMemory].[InsertCustomerOrders]\n"
              "DROP TRIGGER ddlLog ON DATABASE\n"
              "CREATE DATABASE $(DatabaseName);\n"
              "ALTER DATABASE $(DatabaseName)\nSET RECOVERY SIMPLE,\n    ANSI_NULLS ON;\nGO\n"
              "CREATE FULLTEXT CATALOG AWCatalog AS DEFAULT;\n"
              "CREATE LOGIN bob WITH PASSWORD = 'x'\n");
    ck_assert_int_eq(r.n, 9);
    DropStmt *d = nth(&r, 0, N_DROP);
    ck_assert_int_eq(d->what, OK_INDEX);
    ck_assert_int_eq(((NameRef *)d->names.items[0])->name.n, 2);
    d = nth(&r, 1, N_DROP);
    ck_assert_str_eq(id(&d->on_table.parts[1]), "t");
    d = nth(&r, 2, N_DROP);
    ck_assert_int_eq(d->what, OK_TABLE);
    ck_assert_int_eq(d->if_exists, 1);
    ck_assert_int_eq(d->names.n, 2);
    ck_assert_int_eq(((DropStmt *)nth(&r, 3, N_DROP))->what, OK_PROCEDURE);
    d = nth(&r, 4, N_DROP);
    ck_assert_int_eq(d->what, OK_TRIGGER);
    ck_assert_int_eq(d->on_table.n, 0);
    OtherStmt *o = nth(&r, 5, N_OTHER_STMT);
    ck_assert_int_eq(o->what, OS_CREATE_DATABASE);
    ck_assert_str_eq(id(&o->name.parts[0]), "$(DatabaseName)");
    o = nth(&r, 6, N_OTHER_STMT);
    ck_assert_int_eq(o->what, OS_ALTER_DATABASE);
    ck_assert_msg(strstr(text(&r, o->h.span), "ANSI_NULLS ON") != NULL, "ALTER DATABASE cut short");
    ck_assert_int_eq(((OtherStmt *)nth(&r, 7, N_OTHER_STMT))->what, OS_MISC);
    ck_assert_int_eq(((OtherStmt *)nth(&r, 8, N_OTHER_STMT))->what, OS_USER_ROLE);
    done(&r);
}
END_TEST

/* ---- Oracle ----------------------------------------------------------------- */

START_TEST(oracle_table_storage_partition)
{
    P r;
    parse_sql(&r, DIALECT_ORACLE,
              "CREATE TABLE sales\n(\n"
              "   prod_id   NUMBER(6)    CONSTRAINT sales_prod_nn NOT NULL,\n"
              "   time_id   DATE         NOT NULL ENABLE,\n"
              "   amount    NUMBER(10,2) DEFAULT 0 NOT NULL,\n"
              "   name      VARCHAR2(255 CHAR),\n"
              "   CONSTRAINT sales_fk FOREIGN KEY (prod_id) REFERENCES products (prod_id)\n"
              "      ON DELETE SET NULL ENABLE NOVALIDATE\n"
              ")\n"
              " TABLESPACE users PCTFREE 10 STORAGE (INITIAL 64K NEXT 1M) NOLOGGING COMPRESS FOR OLTP\n"
              " PARTITION BY RANGE (time_id)\n"
              " (PARTITION s_2018 VALUES LESS THAN (TO_DATE('2019-01-01','YYYY-MM-DD')),\n"
              "  PARTITION s_max VALUES LESS THAN (MAXVALUE))\n"
              " ENABLE ROW MOVEMENT;\n");
    ck_assert_int_eq(r.n, 1);
    CreateTable *t = nth(&r, 0, N_CREATE_TABLE);
    ck_assert_int_eq(t->columns.n, 4);
    ColumnDef *c = col(t, 0);
    ck_assert_int_eq(c->nullable, 2);
    ck_assert_int_eq(c->constraints.n, 1);
    ck_assert_int_eq(con(&c->constraints, 0)->ck, CK_NOT_NULL);
    ck_assert_str_eq(id(&con(&c->constraints, 0)->name), "sales_prod_nn");
    ck_assert_int_eq(col(t, 1)->nullable, 2);
    c = col(t, 2);
    ck_assert_str_eq(lit(c->default_), "0");
    ck_assert_int_eq(c->nullable, 2);
    ck_assert_str_eq(col(t, 3)->type->char_sem, "CHAR");
    Constraint *k = con(&t->constraints, 0);
    ck_assert_int_eq(k->on_delete, RA_SET_NULL);
    ck_assert_int_eq(k->novalidate, 1);
    ck_assert_int_eq(k->disabled, 0);
    ck_assert_str_eq(opt(&t->options, "TABLESPACE"), "users");
    ck_assert_str_eq(opt(&t->options, "PCTFREE"), "10");
    ck_assert_str_eq(opt(&t->options, "STORAGE"), "(INITIAL 64K NEXT 1M)");
    ck_assert_str_eq(opt(&t->options, "NOLOGGING"), "(none)");
    ck_assert_str_eq(opt(&t->options, "COMPRESS"), "FOR OLTP");
    ck_assert_str_eq(opt(&t->options, "ENABLE"), "ROW MOVEMENT");
    char *part = text(&r, t->partition);
    ck_assert_msg(strncmp(part, "PARTITION BY RANGE (time_id)", 28) == 0, "partition: %s", part);
    ck_assert_msg(part[strlen(part) - 1] == ')' && strstr(part, "s_max") != NULL, "partition: %s", part);
    at(&r, t->partition, 11, 2);
    done(&r);
}
END_TEST

START_TEST(oracle_identity_virtual_temp)
{
    P r;
    parse_sql(&r, DIALECT_ORACLE,
              "CREATE TABLE customers (\n"
              "  customer_id INTEGER GENERATED BY DEFAULT ON NULL AS IDENTITY,\n"
              "  order_no NUMBER GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5 CACHE 20),\n"
              "  total AS (qty * price) VIRTUAL,\n"
              "  created DATE DEFAULT sysdate NOT NULL\n"
              ") ORGANIZATION INDEX NO INMEMORY;\n"
              "CREATE GLOBAL TEMPORARY TABLE gtt (id NUMBER) ON COMMIT PRESERVE ROWS;\n"
              "CREATE TABLE copy_t NOLOGGING AS SELECT * FROM customers;\n"
              "CREATE TABLE c2 (a, b NOT NULL) AS SELECT x, y FROM t;\n"
              "CREATE TABLE refs (id NUMBER, cust REF customer_typ SCOPE IS customers_tab,\n"
              "  SUPPLEMENTAL LOG DATA (ALL) COLUMNS);\n");
    ck_assert_int_eq(r.n, 5);
    CreateTable *t = nth(&r, 0, N_CREATE_TABLE);
    ColumnDef *c = col(t, 0);
    ck_assert_int_eq(c->identity, 1);
    ck_assert_int_eq(c->identity_always, 0);
    ck_assert_str_eq(opt(&c->options, "ON NULL"), "(none)");
    c = col(t, 1);
    ck_assert_int_eq(c->identity_always, 1);
    ck_assert_str_eq(lit(c->ident_start), "10");
    ck_assert_str_eq(lit(c->ident_incr), "5");
    ck_assert_ptr_nonnull(opt(&c->options, "IDENTITY"));
    c = col(t, 2);
    ck_assert_ptr_null(c->type);
    as(c->computed, N_BINARY);
    ck_assert_int_eq(c->virtual_, 1);
    c = col(t, 3);
    ck_assert_str_eq(((FuncCall *)as(c->default_, N_FUNC))->upper, "SYSDATE");
    ck_assert_int_eq(c->nullable, 2);
    ck_assert_str_eq(opt(&t->options, "ORGANIZATION"), "INDEX");
    ck_assert_str_eq(opt(&t->options, "NO"), "INMEMORY");
    t = nth(&r, 1, N_CREATE_TABLE);
    ck_assert_int_eq(t->temporary, 2);
    ck_assert_int_eq(t->on_commit, 2);
    t = nth(&r, 2, N_CREATE_TABLE);
    as(t->as_query, N_SELECT);
    ck_assert_int_eq(t->columns.n, 0);
    ck_assert_str_eq(opt(&t->options, "NOLOGGING"), "(none)");
    t = nth(&r, 3, N_CREATE_TABLE);
    ck_assert_int_eq(t->columns.n, 2);
    ck_assert_ptr_null(col(t, 0)->type);
    ck_assert_int_eq(col(t, 1)->nullable, 2);
    as(t->as_query, N_SELECT);
    t = nth(&r, 4, N_CREATE_TABLE);
    ck_assert_str_eq(col(t, 1)->type->upper, "REF CUSTOMER_TYP");
    ck_assert_str_eq(opt(&col(t, 1)->options, "SCOPE IS"), "customers_tab");
    ck_assert_str_eq(opt(&t->options, "SUPPLEMENTAL"), "LOG DATA (ALL) COLUMNS");
    done(&r);
}
END_TEST

START_TEST(oracle_object_types_and_tables)
{
    P r;
    parse_sql(&r, DIALECT_ORACLE,
              "CREATE TYPE warehouse_typ\n OID '82A4AF6A4CD3656DE034080020E0EE3D'\n AS OBJECT\n"
              "    ( warehouse_id NUMBER(3)\n    , warehouse_name VARCHAR2(35)\n    ) ;\n/\n"
              "CREATE TYPE phone_list_typ AS VARRAY(5) OF VARCHAR2(25);\n/\n"
              "CREATE TYPE inventory_list_typ AS TABLE OF inventory_typ;\n/\n"
              "CREATE TYPE customer_typ OID '82A4AF6A4CD9656DE034080020E0EE3D';\n/\n"
              "CREATE TYPE corporate_customer_typ UNDER customer_typ (account_mgr_id NUMBER(6));\n/\n"
              "CREATE TABLE categories_tab OF category_typ\n    ( category_id PRIMARY KEY)\n"
              "  NESTED TABLE TREAT (OBJECT_VALUE AS leaf_category_typ).product_ref_list\n"
              "    STORE AS product_ref_list_nestedtab;\n"
              "CREATE TABLE print_media (product_id NUMBER(6), ad_textdocs_ntab textdoc_tab,\n"
              "  ad_photo BLOB) NESTED TABLE ad_textdocs_ntab STORE AS textdocs_nestedtab\n"
              "  LOB (ad_photo) STORE AS SECUREFILE photo_seg (TABLESPACE users);\n");
    ck_assert_int_eq(r.n, 7);
    ck_assert_int_eq(((CreateType *)nth(&r, 0, N_CREATE_TYPE))->tyk, TYK_OBJECT);
    ck_assert_int_eq(((CreateType *)nth(&r, 1, N_CREATE_TYPE))->tyk, TYK_COLLECTION);
    ck_assert_int_eq(((CreateType *)nth(&r, 2, N_CREATE_TYPE))->tyk, TYK_COLLECTION);
    CreateType *ty = nth(&r, 3, N_CREATE_TYPE);
    ck_assert_int_eq(ty->tyk, TYK_OBJECT);
    ck_assert_str_eq(id(&ty->name.parts[0]), "customer_typ");
    ck_assert_int_eq(((CreateType *)nth(&r, 4, N_CREATE_TYPE))->tyk, TYK_OBJECT);
    CreateTable *t = nth(&r, 5, N_CREATE_TABLE);
    ck_assert_str_eq(text(&r, t->object_type), "OF category_typ");
    ck_assert_int_eq(t->columns.n, 1);
    ck_assert_ptr_null(col(t, 0)->type);
    ck_assert_int_eq(con(&col(t, 0)->constraints, 0)->ck, CK_PRIMARY);
    ck_assert_msg(strstr(opt(&t->options, "NESTED TABLE"), "STORE AS product_ref_list_nestedtab") != NULL,
                  "nested table option");
    t = nth(&r, 6, N_CREATE_TABLE);
    ck_assert_str_eq(opt(&t->options, "NESTED TABLE"), "ad_textdocs_ntab STORE AS textdocs_nestedtab");
    ck_assert_str_eq(opt(&t->options, "LOB"), "(ad_photo) STORE AS SECUREFILE photo_seg (TABLESPACE users)");
    done(&r);
}
END_TEST

START_TEST(oracle_alter_table)
{
    P r;
    parse_sql(&r, DIALECT_ORACLE,
              "ALTER TABLE employees\n"
              "ADD ( CONSTRAINT emp_emp_id_pk PRIMARY KEY (employee_id)\n"
              "    , CONSTRAINT emp_dept_fk FOREIGN KEY (department_id) REFERENCES departments\n"
              "      ON DELETE SET NULL enable novalidate\n"
              "    ) ;\n"
              "ALTER TABLE t MODIFY (c NOT NULL, d VARCHAR2(20) DEFAULT 'x');\n"
              "alter table logger_logs modify id not null;\n"
              "ALTER TABLE t DROP CONSTRAINT ck_1 CASCADE;\n"
              "ALTER TABLE t RENAME COLUMN a TO b;\n"
              "ALTER TABLE t DISABLE CONSTRAINT fk_1;\n"
              "ALTER TABLE t ADD (x NUMBER, y DATE);\n");
    ck_assert_int_eq(r.n, 7);
    AlterTable *a = nth(&r, 0, N_ALTER_TABLE);
    ck_assert_int_eq(a->actions.n, 2);
    ck_assert_int_eq(act(a, 0)->ak, AK_ADD_CONSTRAINT);
    Constraint *k = as(act(a, 1)->def, N_CONSTRAINT);
    ck_assert_int_eq(k->ck, CK_FOREIGN);
    ck_assert_int_eq(k->ref_cols.n, 0);
    ck_assert_int_eq(k->on_delete, RA_SET_NULL);
    ck_assert_int_eq(k->novalidate, 1);
    a = nth(&r, 1, N_ALTER_TABLE);
    ck_assert_int_eq(a->actions.n, 2);
    ColumnDef *c = as(act(a, 0)->def, N_COLUMN_DEF);
    ck_assert_ptr_null(c->type);
    ck_assert_int_eq(c->nullable, 2);
    c = as(act(a, 1)->def, N_COLUMN_DEF);
    ck_assert_str_eq(c->type->upper, "VARCHAR2");
    ck_assert_str_eq(lit(c->default_), "x");
    c = as(act(nth(&r, 2, N_ALTER_TABLE), 0)->def, N_COLUMN_DEF);
    ck_assert_int_eq(c->nullable, 2);
    AlterAction *x = act(nth(&r, 3, N_ALTER_TABLE), 0);
    ck_assert_int_eq(x->ak, AK_DROP_CONSTRAINT);
    ck_assert_str_eq(id(&x->name), "ck_1");
    x = act(nth(&r, 4, N_ALTER_TABLE), 0);
    ck_assert_int_eq(x->ak, AK_RENAME_COLUMN);
    ck_assert_str_eq(id(&x->name2), "b");
    x = act(nth(&r, 5, N_ALTER_TABLE), 0);
    ck_assert_int_eq(x->ak, AK_CHECK_CONSTRAINT);
    ck_assert_int_eq(x->nocheck, 1);
    a = nth(&r, 6, N_ALTER_TABLE);
    ck_assert_int_eq(a->actions.n, 2);
    ck_assert_int_eq(act(a, 1)->ak, AK_ADD_COLUMN);
    done(&r);
}
END_TEST

START_TEST(oracle_views_sequences_synonyms_comments)
{
    P r;
    parse_sql(&r, DIALECT_ORACLE,
              "CREATE OR REPLACE FORCE EDITIONABLE VIEW emp_v (id, name) AS SELECT a, b FROM t\n"
              "WITH READ ONLY;\n"
              "CREATE MATERIALIZED VIEW cal_mv\n   BUILD IMMEDIATE REFRESH COMPLETE ON DEMAND\n"
              "   ENABLE QUERY REWRITE\n   AS SELECT 1 AS x FROM dual;\n"
              "CREATE OR REPLACE VIEW oc_orders OF order_typ WITH OBJECT OID (order_id)\n"
              " AS SELECT o.order_id FROM orders o;\n"
              "CREATE SEQUENCE locations_seq\n START WITH 3300\n INCREMENT BY -100\n MAXVALUE 9900\n"
              " NOCACHE\n NOCYCLE ORDER KEEP;\n"
              "CREATE OR REPLACE PUBLIC SYNONYM coe_tools FOR xdb.coe_tools@remote_db\n/\n"
              "COMMENT ON COLUMN times.week_ending_day\nIS 'date of last day in week';\n"
              "COMMENT ON TABLE t IS '';\n"
              "COMMENT ON MATERIALIZED VIEW cal_mv IS 'mv';\n"
              "ALTER SESSION SET current_schema = XDB\n/\n");
    ck_assert_int_eq(r.n, 9);
    CreateView *v = nth(&r, 0, N_CREATE_VIEW);
    ck_assert_int_eq(v->or_replace, 1);
    ck_assert_int_eq(v->force, 1);
    ck_assert_int_eq(v->read_only, 1);
    ck_assert_int_eq(v->cols.n, 2);
    ck_assert_str_eq(opt(&v->options, "EDITIONABLE"), "(none)");
    v = nth(&r, 1, N_CREATE_VIEW);
    ck_assert_int_eq(v->materialized, 1);
    ck_assert_msg(strstr(opt(&v->options, "MATERIALIZED"), "ENABLE QUERY REWRITE") != NULL, "mv options");
    v = nth(&r, 2, N_CREATE_VIEW);
    ck_assert_str_eq(text(&r, v->object_view), "OF order_typ WITH OBJECT OID (order_id)");
    CreateSequence *s = nth(&r, 3, N_CREATE_SEQUENCE);
    ck_assert_str_eq(lit(s->start), "3300");
    as(s->increment, N_UNARY);
    ck_assert_str_eq(lit(s->maxvalue), "9900");
    ck_assert_int_eq(s->nocache, 1);
    ck_assert_int_eq(s->cycle, 0);
    ck_assert_int_eq(s->order, 1);
    ck_assert_str_eq(opt(&s->options, "KEEP"), "(none)");
    CreateSynonym *sy = nth(&r, 4, N_CREATE_SYNONYM);
    ck_assert_int_eq(sy->public_, 1);
    ck_assert_int_eq(sy->or_replace, 1);
    ck_assert_int_eq(sy->target.n, 3);
    ck_assert_str_eq(id(&sy->target.parts[1]), "coe_tools");
    ck_assert_str_eq(id(&sy->target.parts[2]), "@remote_db");
    CommentStmt *c = nth(&r, 5, N_COMMENT);
    ck_assert_int_eq(c->target, CT_COLUMN);
    ck_assert_int_eq(c->obj.n, 2);
    ck_assert_str_eq(lit(c->text), "date of last day in week");
    c = nth(&r, 6, N_COMMENT);
    ck_assert_int_eq(c->target, CT_TABLE);
    ck_assert_str_eq(lit(c->text), "");
    ck_assert_int_eq(((CommentStmt *)nth(&r, 7, N_COMMENT))->target, CT_OTHER);
    SessionStmt *ss = nth(&r, 8, N_SESSION);
    ck_assert_int_eq(ss->what, SS_ALTER_SESSION);
    ck_assert_str_eq(id(&ss->name), "current_schema");
    done(&r);
}
END_TEST

START_TEST(oracle_indexes_and_drops)
{
    P r;
    parse_sql(&r, DIALECT_ORACLE,
              "CREATE INDEX cust_upper_name_ix\nON customers (UPPER(cust_last_name), UPPER(cust_first_name));\n"
              "CREATE BITMAP INDEX sales_prod_bix ON sales (prod_id) LOCAL NOLOGGING COMPUTE STATISTICS;\n"
              "CREATE UNIQUE INDEX hr.emp_pk ON hr.employees (employee_id) TABLESPACE idx PCTFREE 5;\n"
              "DROP TABLE t CASCADE CONSTRAINTS PURGE;\n"
              "DROP MATERIALIZED VIEW cal_mv;\n"
              "DROP PACKAGE BODY pkg;\n"
              "DROP TYPE customer_typ FORCE;\n");
    ck_assert_int_eq(r.n, 7);
    CreateIndex *ix = nth(&r, 0, N_CREATE_INDEX);
    ck_assert_int_eq(ix->cols.n, 2);
    FuncCall *f = as(((IndexCol *)ix->cols.items[0])->expr, N_FUNC);
    ck_assert_str_eq(f->upper, "UPPER");
    ix = nth(&r, 1, N_CREATE_INDEX);
    ck_assert_int_eq(ix->ik, IK_BITMAP);
    ck_assert_str_eq(opt(&ix->options, "LOCAL"), "(none)");
    ck_assert_str_eq(opt(&ix->options, "COMPUTE"), "STATISTICS");
    ix = nth(&r, 2, N_CREATE_INDEX);
    ck_assert_int_eq(ix->unique, 1);
    ck_assert_str_eq(id(&ix->name), "emp_pk");
    ck_assert_str_eq(opt(&ix->options, "TABLESPACE"), "idx");
    DropStmt *d = nth(&r, 3, N_DROP);
    ck_assert_int_eq(d->cascade, 1);
    ck_assert_int_eq(d->purge, 1);
    d = nth(&r, 4, N_DROP);
    ck_assert_int_eq(d->what, OK_OTHER);
    ck_assert_int_eq(d->names.n, 1);
    ck_assert_int_eq(((DropStmt *)nth(&r, 5, N_DROP))->what, OK_OTHER);
    ck_assert_int_eq(((DropStmt *)nth(&r, 6, N_DROP))->what, OK_TYPE);
    done(&r);
}
END_TEST

/* ---- MySQL ------------------------------------------------------------------- */

START_TEST(mysql_sakila_tables)
{
    P r;
    parse_sql(&r, DIALECT_MYSQL,
              "CREATE TABLE address (\n"
              "  address_id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,\n"
              "  /*!50705 location GEOMETRY */ /*!80003 SRID 0 */ /*!50705 NOT NULL,*/\n"
              "  rating ENUM('G','PG','R') DEFAULT 'G' COMMENT 'film rating',\n"
              "  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n"
              "  PRIMARY KEY  (address_id),\n"
              "  KEY idx_fk_city_id (city_id),\n"
              "  UNIQUE KEY  (rental_date,inventory_id),\n"
              "  UNIQUE KEY idx_unique_manager (manager_staff_id),\n"
              "  /*!50705 SPATIAL KEY `idx_location` (location),*/\n"
              "  FULLTEXT KEY idx_title_description (title,description),\n"
              "  KEY idx_prefix (name(10) DESC) USING BTREE COMMENT 'prefix',\n"
              "  CONSTRAINT `fk_address_city` FOREIGN KEY (city_id) REFERENCES city (city_id)"
              " ON DELETE RESTRICT ON UPDATE CASCADE\n"
              ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='addresses' AUTO_INCREMENT=5;\n");
    ck_assert_int_eq(r.n, 1);
    CreateTable *t = nth(&r, 0, N_CREATE_TABLE);
    ck_assert_int_eq(t->columns.n, 4);
    ColumnDef *c = col(t, 0);
    ck_assert_int_eq(c->identity, 1);
    ck_assert_int_eq(c->type->is_unsigned, 1);
    c = col(t, 1);
    ck_assert_str_eq(c->type->upper, "GEOMETRY");
    ck_assert_int_eq(c->type->srid, 0);
    ck_assert_int_eq(c->nullable, 2);
    c = col(t, 2);
    ck_assert_int_eq(c->type->values.n, 3);
    ck_assert_str_eq(lit(c->comment), "film rating");
    c = col(t, 3);
    ck_assert_str_eq(((FuncCall *)as(c->on_update, N_FUNC))->upper, "CURRENT_TIMESTAMP");
    ck_assert_int_eq(t->constraints.n, 4);
    ck_assert_int_eq(con(&t->constraints, 0)->ck, CK_PRIMARY);
    Constraint *k = con(&t->constraints, 1);
    ck_assert_int_eq(k->ck, CK_UNIQUE);
    ck_assert_ptr_null(k->name.text);
    ck_assert_int_eq(k->cols.n, 2);
    ck_assert_str_eq(id(&con(&t->constraints, 2)->name), "idx_unique_manager");
    k = con(&t->constraints, 3);
    ck_assert_str_eq(id(&k->name), "fk_address_city");
    ck_assert_int_eq(k->name.quote, '`');
    ck_assert_int_eq(k->on_delete, RA_RESTRICT);
    ck_assert_int_eq(k->on_update, RA_CASCADE);
    ck_assert_int_eq(t->indexes.n, 4);
    CreateIndex *ix = as(t->indexes.items[0], N_CREATE_INDEX);
    ck_assert_int_eq(ix->ik, IK_PLAIN);
    ck_assert_int_eq(ix->table.n, 0);
    ck_assert_int_eq(((CreateIndex *)t->indexes.items[1])->ik, IK_SPATIAL);
    ck_assert_int_eq(((CreateIndex *)t->indexes.items[2])->ik, IK_FULLTEXT);
    ix = as(t->indexes.items[3], N_CREATE_INDEX);
    IndexCol *ic = as(ix->cols.items[0], N_INDEX_COL);
    ck_assert_int_eq(ic->prefix_len, 10);
    ck_assert_int_eq(ic->desc, 1);
    ck_assert_str_eq(id(&ix->using_), "BTREE");
    ck_assert_str_eq(opt(&ix->options, "COMMENT"), "'prefix'");
    ck_assert_str_eq(opt(&t->options, "ENGINE"), "InnoDB");
    ck_assert_str_eq(opt(&t->options, "CHARSET"), "utf8mb4");
    ck_assert_str_eq(opt(&t->options, "AUTO_INCREMENT"), "5");
    ck_assert_str_eq(lit(t->comment), "addresses");
    done(&r);
}
END_TEST

START_TEST(mysql_views_alter_partition)
{
    P r;
    parse_sql(&r, DIALECT_MYSQL,
              "CREATE DEFINER=CURRENT_USER SQL SECURITY INVOKER VIEW actor_info AS SELECT 1 AS a;\n"
              "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` VIEW v2 AS SELECT 2 AS b;\n"
              "ALTER TABLE t ADD COLUMN c INT NOT NULL AFTER b, DROP INDEX ix_old, "
              "CHANGE COLUMN a a2 VARCHAR(10), MODIFY d BIGINT NOT NULL, ADD UNIQUE KEY uk (c), "
              "ADD INDEX ix_new (d), DROP FOREIGN KEY fk_1, ENGINE=InnoDB, RENAME TO t2;\n"
              "CREATE TABLE titles (emp_no INT NOT NULL, from_date DATE NOT NULL)\n"
              "PARTITION BY RANGE COLUMNS(from_date)\n"
              "(PARTITION p01 VALUES LESS THAN ('1985-12-31'), PARTITION p19 VALUES LESS THAN (MAXVALUE));\n"
              "CREATE TABLE t3 LIKE titles;\n"
              "CREATE TEMPORARY TABLE tmp AS SELECT emp_no FROM titles;\n"
              "ALTER TABLE t ADD COLUMN (p INT, q INT), ADD r INT FIRST;\n");
    ck_assert_int_eq(r.n, 7);
    CreateView *v = nth(&r, 0, N_CREATE_VIEW);
    ck_assert_str_eq(opt(&v->options, "DEFINER"), "CURRENT_USER");
    ck_assert_str_eq(opt(&v->options, "SQL SECURITY"), "INVOKER");
    v = nth(&r, 1, N_CREATE_VIEW);
    ck_assert_str_eq(opt(&v->options, "ALGORITHM"), "UNDEFINED");
    ck_assert_str_eq(opt(&v->options, "DEFINER"), "`root`@`localhost`");
    AlterTable *a = nth(&r, 2, N_ALTER_TABLE);
    ck_assert_int_eq(a->actions.n, 9);
    ck_assert_int_eq(act(a, 0)->ak, AK_ADD_COLUMN);
    ck_assert_str_eq(opt(&((ColumnDef *)act(a, 0)->def)->options, "AFTER"), "b");
    ck_assert_int_eq(act(a, 1)->ak, AK_DROP_CONSTRAINT);
    as(act(a, 1)->def, N_CREATE_INDEX);
    AlterAction *x = act(a, 2);
    ck_assert_int_eq(x->ak, AK_ALTER_COLUMN);
    ck_assert_str_eq(id(&x->name), "a");
    ck_assert_str_eq(id(&((ColumnDef *)x->def)->name), "a2");
    ck_assert_int_eq(act(a, 3)->ak, AK_ALTER_COLUMN);
    ck_assert_int_eq(act(a, 4)->ak, AK_ADD_CONSTRAINT);
    ck_assert_int_eq(act(a, 5)->ak, AK_ADD_INDEX);
    ck_assert_int_eq(((Constraint *)act(a, 6)->def)->ck, CK_FOREIGN);
    ck_assert_int_eq(act(a, 7)->ak, AK_OTHER);
    ck_assert_int_eq(act(a, 8)->ak, AK_RENAME_TABLE);
    ck_assert_str_eq(id(&act(a, 8)->name), "t2");
    CreateTable *t = nth(&r, 3, N_CREATE_TABLE);
    char *part = text(&r, t->partition);
    ck_assert_msg(strncmp(part, "PARTITION BY RANGE COLUMNS(from_date)", 37) == 0 &&
                  strstr(part, "(MAXVALUE))") != NULL, "partition: %s", part);
    t = nth(&r, 4, N_CREATE_TABLE);
    ck_assert_str_eq(opt(&t->options, "LIKE"), "titles");
    t = nth(&r, 5, N_CREATE_TABLE);
    ck_assert_int_eq(t->temporary, 1);
    as(t->as_query, N_SELECT);
    a = nth(&r, 6, N_ALTER_TABLE);
    ck_assert_int_eq(a->actions.n, 3);
    ck_assert_str_eq(id(&act(a, 1)->name), "q");
    ck_assert_str_eq(opt(&((ColumnDef *)act(a, 2)->def)->options, "FIRST"), "(none)");
    done(&r);
}
END_TEST

START_TEST(mysql_database_and_drops)
{
    P r;
    parse_sql(&r, DIALECT_MYSQL,
              "DROP SCHEMA IF EXISTS sakila;\nCREATE SCHEMA sakila;\n"
              "CREATE DATABASE IF NOT EXISTS employees;\n"
              "DROP TABLE IF EXISTS dept_emp,\n  dept_manager,\n  titles;\n"
              "DROP INDEX ix ON t ALGORITHM=INPLACE;\n"
              "CREATE TABLE c (a INT, CONSTRAINT c_chk CHECK (a > 0) NOT ENFORCED);\n"
              "DELIMITER //\ndrop function if exists emp_name //\nDELIMITER ;\n");
    ck_assert_int_eq(r.n, 7);
    DropStmt *d = nth(&r, 0, N_DROP);
    ck_assert_int_eq(d->what, OK_DATABASE);
    ck_assert_int_eq(d->if_exists, 1);
    OtherStmt *o = nth(&r, 1, N_OTHER_STMT);
    ck_assert_int_eq(o->what, OS_CREATE_DATABASE);
    ck_assert_str_eq(id(&o->name.parts[0]), "sakila");
    o = nth(&r, 2, N_OTHER_STMT);
    ck_assert_str_eq(id(&o->name.parts[0]), "employees");
    d = nth(&r, 3, N_DROP);
    ck_assert_int_eq(d->names.n, 3);
    ck_assert_str_eq(id(&((NameRef *)d->names.items[2])->name.parts[0]), "titles");
    d = nth(&r, 4, N_DROP);
    ck_assert_str_eq(id(&d->on_table.parts[0]), "t");
    CreateTable *t = nth(&r, 5, N_CREATE_TABLE);
    ck_assert_int_eq(con(&t->constraints, 0)->disabled, 1);
    d = nth(&r, 6, N_DROP);
    ck_assert_int_eq(d->what, OK_FUNCTION);
    done(&r);
}
END_TEST

/* ---- PostgreSQL ----------------------------------------------------------------- */

START_TEST(postgres_round_trip_ddl)
{
    P r;
    parse_sql(&r, DIALECT_POSTGRES,
              "CREATE TABLE IF NOT EXISTS s.t (\n"
              "  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
              "  name text NOT NULL DEFAULT 'x',\n"
              "  CONSTRAINT t_name_u UNIQUE (name) DEFERRABLE INITIALLY DEFERRED\n"
              ");\n"
              "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n"
              "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_ix ON s.t USING gin (name) WHERE id > 0;\n"
              "ALTER TABLE s.t ALTER COLUMN id TYPE bigint, ALTER COLUMN name SET NOT NULL,"
              " ALTER COLUMN name SET DEFAULT 'y', ALTER COLUMN name DROP DEFAULT;\n"
              "CREATE SCHEMA IF NOT EXISTS app AUTHORIZATION owner;\n");
    ck_assert_int_eq(r.n, 5);
    CreateTable *t = nth(&r, 0, N_CREATE_TABLE);
    ck_assert_int_eq(t->if_not_exists, 1);
    ck_assert_int_eq(col(t, 0)->identity_always, 1);
    ck_assert_int_eq(con(&col(t, 0)->constraints, 0)->ck, CK_PRIMARY);
    Constraint *k = con(&t->constraints, 0);
    ck_assert_int_eq(k->deferrable, 1);
    ck_assert_int_eq(k->initially_deferred, 1);
    CreateType *ty = nth(&r, 1, N_CREATE_TYPE);
    ck_assert_int_eq(ty->tyk, TYK_ENUM);
    ck_assert_int_eq(ty->base->values.n, 3);
    CreateIndex *ix = nth(&r, 2, N_CREATE_INDEX);
    ck_assert_int_eq(ix->if_not_exists, 1);
    ck_assert_str_eq(id(&ix->using_), "gin");
    ck_assert_ptr_nonnull(ix->where);
    ck_assert_str_eq(opt(&ix->options, "CONCURRENTLY"), "(none)");
    AlterTable *a = nth(&r, 3, N_ALTER_TABLE);
    ck_assert_int_eq(a->actions.n, 4);
    ck_assert_str_eq(((ColumnDef *)act(a, 0)->def)->type->upper, "BIGINT");
    ColumnDef *c = as(act(a, 1)->def, N_COLUMN_DEF);
    ck_assert_ptr_null(c->type);
    ck_assert_int_eq(c->nullable, 2);
    ck_assert_int_eq(act(a, 2)->ak, AK_SET_DEFAULT);
    ck_assert_int_eq(act(a, 3)->ak, AK_DROP_DEFAULT);
    CreateSchema *s = nth(&r, 4, N_CREATE_SCHEMA);
    ck_assert_int_eq(s->if_not_exists, 1);
    ck_assert_str_eq(id(&s->authorization), "owner");
    done(&r);
}
END_TEST

/* ---- errors --------------------------------------------------------------------- */

START_TEST(errors_become_raw_and_parsing_resumes)
{
    P r;
    parse_sql(&r, DIALECT_ORACLE,
              "CREATE TABLE t (a NUMBER,, b NUMBER);\n"
              "CREATE INDEX ix ON t;\n"
              "ALTER TABLE t ADD CONSTRAINT c FOREIGN KEY (a) REFERENCES u ON DELETE EXPLODE;\n"
              "CREATE TABLE v (a NUMBER, b, c DATE);\n"
              "CREATE TABLE u (x NUMBER);\n");
    ck_assert_int_eq(r.n, 5);
    for (int i = 0; i < 3; i++) {
        RawNode *raw = as(r.nodes[i], N_RAW);
        ck_assert_str_eq(raw->code, "SS0011");
    }
    ck_assert_msg(strstr(((RawNode *)r.nodes[0])->reason, "expected a column or constraint definition") != NULL,
                  "%s", ((RawNode *)r.nodes[0])->reason);
    ck_assert_msg(strstr(((RawNode *)r.nodes[2])->reason, "CASCADE") != NULL, "%s",
                  ((RawNode *)r.nodes[2])->reason);
    /* a column without a type is only allowed before AS SELECT */
    RawNode *raw = as(r.nodes[3], N_RAW);
    ck_assert_msg(strstr(raw->reason, "column b has no data type") != NULL, "%s", raw->reason);
    ck_assert_int_eq(r.d.v.n, 4);
    at(&r, r.d.v.items[0].span, 1, 26); /* the second ',' */
    at(&r, r.d.v.items[3].span, 4, 27); /* b */
    CreateTable *t = nth(&r, 4, N_CREATE_TABLE);
    ck_assert_str_eq(id(&t->name.parts[0]), "u");
    done(&r);
}
END_TEST

Suite *parse_ddl_suite(void)
{
    Suite *s = suite_create("parse_ddl");
    TCase *tc = tcase_create("tsql");
    tcase_add_test(tc, tsql_create_table_columns);
    tcase_add_test(tc, tsql_column_constraints_pubs);
    tcase_add_test(tc, tsql_memory_optimized_and_temp);
    tcase_add_test(tc, tsql_temporal_table);
    tcase_add_test(tc, tsql_alter_table_actions);
    tcase_add_test(tc, tsql_indexes);
    tcase_add_test(tc, tsql_types_schemas_views);
    tcase_add_test(tc, tsql_extended_properties);
    tcase_add_test(tc, tsql_drop_and_other);
    suite_add_tcase(s, tc);
    tc = tcase_create("oracle");
    tcase_add_test(tc, oracle_table_storage_partition);
    tcase_add_test(tc, oracle_identity_virtual_temp);
    tcase_add_test(tc, oracle_object_types_and_tables);
    tcase_add_test(tc, oracle_alter_table);
    tcase_add_test(tc, oracle_views_sequences_synonyms_comments);
    tcase_add_test(tc, oracle_indexes_and_drops);
    suite_add_tcase(s, tc);
    tc = tcase_create("mysql");
    tcase_add_test(tc, mysql_sakila_tables);
    tcase_add_test(tc, mysql_views_alter_partition);
    tcase_add_test(tc, mysql_database_and_drops);
    suite_add_tcase(s, tc);
    tc = tcase_create("postgres");
    tcase_add_test(tc, postgres_round_trip_ddl);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, errors_become_raw_and_parsing_resumes);
    suite_add_tcase(s, tc);
    return s;
}
