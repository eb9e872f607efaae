/* pipeline: one run of sqlshift over its inputs: decode, lex, parse, record
 * objects, rewrite, emit, order the output, write it, build the assessment.
 * Used by the convert and assess commands. */
#ifndef SQLSHIFT_PIPELINE_H
#define SQLSHIFT_PIPELINE_H
#include "dialect/dialect.h"

/* convert --validate: once the output is written, the pipeline calls
 * validate(ctx, output, put, pctx); the callee reports, per object of the
 * output (named by the source location of its header comment), the value of
 * the report's `validated` column (code NULL) and its findings (code set).
 * It returns 0, or an exit status (the message already printed). */
typedef void (*PipelinePutFn)(void *pctx, const char *src_file, int line, int col,
                              const char *code, const char *text);
typedef int (*PipelineValidateFn)(void *ctx, const char *output, PipelinePutFn put, void *pctx);

typedef struct PipelineOpts {
    Dialect source, target;
    const char **rules_files;   /* --rules, in order */
    int nrules;
    int keep_case;              /* --keep-case */
    int quiet;                  /* -q: no per-item messages on stderr */
    int verbose;                /* -v: every item on stderr */
    int fail_on;                /* Severity, or -1 */
    const char *output;         /* -o: file or directory (--split); NULL = stdout */
    int split;                  /* --split */
    const char *report_dir;     /* --report / assess -o */
    int write_sql;              /* 0 for assess */
    PipelineValidateFn validate; /* convert --validate, or NULL */
    void *validate_ctx;
    /* convert/assess --from: inputs read from a private temporary folder
     * are named after the server instead ("<input_label>/<file>"), so the
     * output does not depend on the temporary path. NULL otherwise. */
    const char *input_root, *input_label;
} PipelineOpts;

/* Runs and returns the exit status (EXIT_* in cli/cli.h). */
int pipeline_run(const PipelineOpts *o, char **inputs, int ninputs);

#endif
