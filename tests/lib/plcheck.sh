# shellcheck shell=sh
# tests/lib/plcheck.sh: plpgsql_check over every PL/pgSQL function and
# procedure of a PostgreSQL database (used by tests/behaviour.sh and
# tests/routines.sh). Needs a server from tests/lib/servers.sh and the
# Debian package postgresql-15-plpgsql-check.
#
#   plcheck DB OUT     installs the extension in DB (if missing), runs
#                      plpgsql_check_function_tb on each function, and
#                      writes OUT: one line per finding of level "error",
#                      "FUNCTION|LINE|SQLSTATE|MESSAGE" (FUNCTION as
#                      schema-qualified regprocedure text); prints the
#                      number of functions checked. Status 1 if the check
#                      itself could not run (message on stderr).
#
# plpgsql_check reads a routine without running it, so a temporary table
# the routine creates itself (CREATE TEMPORARY TABLE in its body: T-SQL #t
# tables and table variables, SS4142/SS4143) does not exist for it and every
# use would be an error. So the check runs in a session that first runs
# those CREATE TEMP[ORARY] TABLE statements, as written in the bodies (one
# that fails, e.g. because it reads a parameter, is left out: the uses of
# its table stay errors). Two routines that create one name with different
# columns: the first one's definition is used. Temporary tables created by
# dynamic SQL (EXECUTE) are not seen. `plcheck_temp_tables` prints that
# statement (a DO block) for other scripts' sessions.
#
# A trigger function is checked against the first trigger that fires it
# (plpgsql_check needs the relation for NEW/OLD and the names of the
# transition tables, REFERENCING OLD/NEW TABLE AS); one that no trigger uses
# cannot be checked and is not counted. Event trigger functions are left
# out for the same reason.

plcheck_temp_tables() {
    cat <<'EOF'
DO $plc$
DECLARE s text;
BEGIN
    FOR s IN SELECT m[1] FROM pg_proc p
             JOIN pg_language l ON l.oid = p.prolang AND l.lanname = 'plpgsql'
             CROSS JOIN LATERAL regexp_matches(p.prosrc,
                 '(CREATE\s+TEMP(?:ORARY)?\s+TABLE\s+[^;]*);', 'gi') m
             ORDER BY p.oid
    LOOP
        BEGIN
            EXECUTE s;
        EXCEPTION WHEN others THEN
            NULL;
        END;
    END LOOP;
END
$plc$;
EOF
}

plcheck() {
    _plc_db=$1
    _plc_out=$2
    if ! psql -X -q -v ON_ERROR_STOP=1 -d "$_plc_db" \
            -c 'CREATE EXTENSION IF NOT EXISTS plpgsql_check' </dev/null >/dev/null 2>"$_plc_out.psql"; then
        cat "$_plc_out.psql" >&2
        return 1
    fi
    # The functions: plpgsql ones outside the system schemas and not the
    # extension's own (plpgsql_check is written in C, but be safe).
    _plc_from="FROM pg_proc p
        JOIN pg_language l ON l.oid = p.prolang AND l.lanname = 'plpgsql'
        JOIN pg_namespace n ON n.oid = p.pronamespace
        LEFT JOIN LATERAL (SELECT t.tgrelid, t.tgoldtable, t.tgnewtable FROM pg_trigger t
                           WHERE t.tgfoid = p.oid AND NOT t.tgisinternal
                           ORDER BY t.oid LIMIT 1) tr ON true"
    _plc_where="WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\\_%'
          AND p.prorettype <> 'event_trigger'::regtype
          AND (p.prorettype <> 'trigger'::regtype OR tr.tgrelid IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid
                          AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e')"
    if ! psql -X -q -At -v ON_ERROR_STOP=1 -d "$_plc_db" -c "$(plcheck_temp_tables)" -c "
        SELECT p.oid::regprocedure::text || '|' || coalesce(cf.lineno::text, '') || '|' ||
               coalesce(cf.sqlstate, '') || '|' || replace(cf.message, E'\\n', ' ')
        $_plc_from
        CROSS JOIN LATERAL plpgsql_check_function_tb(p.oid, coalesce(tr.tgrelid, 0),
            oldtable => tr.tgoldtable, newtable => tr.tgnewtable) cf
        $_plc_where AND cf.level = 'error'
        ORDER BY 1" </dev/null >"$_plc_out" 2>"$_plc_out.psql"; then
        cat "$_plc_out.psql" >&2
        return 1
    fi
    psql -X -At -d "$_plc_db" -c "SELECT count(*) $_plc_from $_plc_where" </dev/null
}
