/*
 * The peers: what a user would pick instead of libkpi, each computing the
 * same ratings from the same files (docs/evaluation.md) and writing them
 * as `code,rating` lines for the agreement check.
 *
 *   pandas          peer_pandas.py, Debian's python3-pandas
 *   SQLite          peer_sqlite.py, the sqlite3 shell
 *   DuckDB          peer_duckdb.mjs, Node and the npm package
 *                   @duckdb/node-api, installed with npm ci from this
 *                   directory's package-lock.json into the work directory
 *   Python binding  peer_binding.py, bindings/python over this libkpi
 *
 * The first two and the binding are required by the agreement check;
 * DuckDB is optional (its package comes from the network), and says why
 * when it is not run.
 */
#define _POSIX_C_SOURCE 200809L

#include "bench.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef KPI_BENCH_PRELOAD
#define KPI_BENCH_PRELOAD ""
#endif

static const char *const names[PEER_COUNT] = {"pandas", "SQLite", "DuckDB", "binding"};
static const char *const labels[PEER_COUNT] = {
    "pandas", "SQLite (sqlite3 shell)", "DuckDB (Node)", "libkpi's Python binding"};
static const char *const scripts[PEER_COUNT] = {"peer_pandas.py", "peer_sqlite.py",
                                                "peer_duckdb.mjs", "peer_binding.py"};

const char *bench_peer_name(int peer)
{
    return names[peer];
}

const char *bench_peer_label(int peer)
{
    return labels[peer];
}

/* Finds a Python that imports pandas, for the Python peers. */
void bench_find_python(const struct bench_options *o, struct bench_env *e)
{
    const char *candidates[] = {o->python, "python3", "/usr/bin/python3"};
    e->have_pandas = 0;
    snprintf(e->python, sizeof e->python, "%s", o->python ? o->python : "python3");
    snprintf(e->pandas_why, sizeof e->pandas_why, "no python3 found");
    for (size_t i = o->python ? 0 : 1; i < (o->python ? 1 : BENCH_COUNT(candidates));
         i++) {
        char *argv[] = {(char *)candidates[i], (char *)"-c",
                        (char *)"import pandas, numpy; print(pandas.__version__)", NULL};
        struct bench_spec spec = {argv, NULL, NULL, 1};
        struct bench_run r;
        bench_run_child(&spec, &r);
        if (r.ok) {
            snprintf(e->python, sizeof e->python, "%s", candidates[i]);
            e->have_pandas = 1;
            char line[128];
            snprintf(e->pandas_version, sizeof e->pandas_version, "%s",
                     bench_last_line(r.out, line, sizeof line));
            bench_run_free(&r);
            return;
        }
        char line[400];
        snprintf(e->pandas_why, sizeof e->pandas_why, "%s cannot import pandas (%s)",
                 candidates[i], bench_last_line(r.err ? r.err : "", line, sizeof line));
        bench_run_free(&r);
    }
}

/* ---- DuckDB's package ---- */

static int same_file(const char *a, const char *b)
{
    if (access(a, R_OK) != 0 || access(b, R_OK) != 0)
        return 0;
    size_t na, nb;
    char *x = bench_read_whole(a, &na), *y = bench_read_whole(b, &nb);
    int same = na == nb && memcmp(x, y, na) == 0;
    free(x);
    free(y);
    return same;
}

static int copy_file(const char *from, const char *to)
{
    size_t n;
    char *data = bench_read_whole(from, &n);
    FILE *f = fopen(to, "wb");
    int ok = f && fwrite(data, 1, n, f) == n;
    if (f && fclose(f) != 0)
        ok = 0;
    free(data);
    return ok;
}

/* The line of npm's errors that says what went wrong: the first after
 * its "code", "syscall", "errno" and "path" lines (the last says where
 * its log is), else the last line. */
static const char *npm_error(const char *err, char *buf, size_t size)
{
    static const char *const skip[] = {"code ", "syscall ", "errno ",
                                       "path ", " ",        "A complete log"};
    for (const char *line = err; line && *line;) {
        const char *end = line + strcspn(line, "\n");
        if (!strncmp(line, "npm error ", 10)) {
            const char *text = line + 10;
            size_t i = 0;
            while (i < BENCH_COUNT(skip) && strncmp(text, skip[i], strlen(skip[i])))
                i++;
            if (i == BENCH_COUNT(skip)) {
                snprintf(buf, size, "%.*s", (int)(end - line), line);
                return buf;
            }
        }
        line = *end ? end + 1 : NULL;
    }
    return bench_last_line(err, buf, size);
}

/* npm ci of this directory's package-lock.json into e->packages. */
static int npm_ci(const struct bench_options *o, const struct bench_env *e, char *why,
                  size_t size)
{
    static const char *const files[] = {"package.json", "package-lock.json"};
    bench_make_dirs(e->packages);
    for (size_t i = 0; i < BENCH_COUNT(files); i++) {
        char from[4200], to[4200];
        snprintf(from, sizeof from, "%s/%s", o->peers_dir, files[i]);
        snprintf(to, sizeof to, "%s/%s", e->packages, files[i]);
        if (!copy_file(from, to)) {
            snprintf(why, size, "cannot copy %s to %s", from, to);
            return 0;
        }
    }
    printf("installing the DuckDB peer's package: npm ci --prefix %s\n", e->packages);
    char *argv[] = {(char *)"npm",
                    (char *)"ci",
                    (char *)"--prefix",
                    (char *)e->packages,
                    (char *)"--no-audit",
                    (char *)"--no-fund",
                    (char *)"--loglevel=error",
                    NULL};
    struct bench_spec spec = {argv, NULL, NULL, 1};
    struct bench_run r;
    bench_run_child(&spec, &r);
    int ok = r.ok;
    if (!ok) {
        char line[400];
        snprintf(why, size, "npm ci in %s failed: %s", e->packages,
                 npm_error(r.err ? r.err : "", line, sizeof line));
    }
    bench_run_free(&r);
    return ok;
}

int bench_duckdb_ready(const struct bench_options *o, const struct bench_env *e,
                       int install, char *why, size_t size)
{
    char marker[4200], lock[4200], installed_lock[4200];
    snprintf(marker, sizeof marker, "%s/node_modules/@duckdb/node-api/package.json",
             e->packages);
    snprintf(lock, sizeof lock, "%s/package-lock.json", o->peers_dir);
    snprintf(installed_lock, sizeof installed_lock, "%s/package-lock.json", e->packages);
    if (!bench_have_program("node")) {
        snprintf(why, size,
                 "node not found: install Node.js 18 or later and npm (Debian's nodejs "
                 "and npm)");
        return 0;
    }
    int installed = access(marker, R_OK) == 0;
    /* A timed run installs again when the pinned version changed. */
    if (installed && (!install || same_file(lock, installed_lock)))
        return 1;
    if (!install) {
        snprintf(why, size,
                 "@duckdb/node-api is not installed in %s: kpi-bench --install-peers "
                 "(or any timed run) installs it there with npm ci",
                 e->packages);
        return 0;
    }
    if (!bench_have_program("npm")) {
        snprintf(why, size, "npm not found: install Debian's npm");
        return 0;
    }
    if (!npm_ci(o, e, why, size))
        return 0;
    if (access(marker, R_OK) != 0) {
        snprintf(why, size, "npm ci gave no @duckdb/node-api in %s", e->packages);
        return 0;
    }
    return 1;
}

/* ---- running a peer ---- */

/* Why the peer cannot run at all, or NULL. */
static const char *unavailable(const struct bench_env *e, int peer, char *why,
                               size_t size)
{
    if (peer == PEER_PANDAS && !e->have_pandas)
        snprintf(why, size, "%s: install Debian's python3-pandas", e->pandas_why);
    else if (peer == PEER_DUCKDB && !e->have_duckdb)
        snprintf(why, size, "%s", e->duckdb_why);
    else
        return NULL;
    return why;
}

/* The binding peer's environment. The binding finds libkpi through
 * KPI_LIBRARY; a sanitizer build's libkpi needs its runtime loaded first,
 * without leak checks of the interpreter (as the binding's own tests run).
 * Its bytecode goes to the work directory: the source tree stays as it was. */
struct binding_env {
    char library[4200], path[4200], pycache[4200], preload[600];
    const char *list[8];
};

static void binding_env_init(struct binding_env *b, const struct bench_options *o)
{
    snprintf(b->library, sizeof b->library, "KPI_LIBRARY=%s", o->library);
    snprintf(b->path, sizeof b->path, "PYTHONPATH=%s", o->binding);
    snprintf(b->pycache, sizeof b->pycache, "PYTHONPYCACHEPREFIX=%s/pycache", o->work);
    snprintf(b->preload, sizeof b->preload, "LD_PRELOAD=%s", KPI_BENCH_PRELOAD);
    const char *list[] = {b->library,
                          b->path,
                          b->pycache,
                          "PYTHONDONTWRITEBYTECODE=", /* empty: bytecode is written */
                          "ASAN_OPTIONS=detect_leaks=0:abort_on_error=1",
                          *KPI_BENCH_PRELOAD ? b->preload : NULL,
                          NULL};
    memcpy(b->list, list, sizeof list);
}

/* Compiles the binding's package before the timed runs, as pip compiles a
 * package it installs: the runs time the binding, not the compiling of its
 * source. A failure only leaves the first run to compile it. */
static void compile_binding(const struct bench_options *o, const struct bench_env *e,
                            const struct binding_env *b)
{
    char package[4200];
    snprintf(package, sizeof package, "%s/kpi", o->binding);
    char *argv[] = {(char *)e->python, (char *)"-m", (char *)"compileall",
                    (char *)"-q",      package,      NULL};
    struct bench_spec spec = {argv, b->list, NULL, 1};
    struct bench_run r;
    bench_run_child(&spec, &r);
    bench_run_free(&r);
}

void bench_run_peer(const struct bench_options *o, const struct bench_env *e, int peer,
                    struct bench_peer_result *res, const char *structure,
                    const char *progress, const char *out, int runs)
{
    char script[4096], threads[16];
    snprintf(script, sizeof script, "%s/%s", o->peers_dir, scripts[peer]);
    res->optional = peer == PEER_DUCKDB;
    if (unavailable(e, peer, res->why, sizeof res->why))
        return;
    char *argv[12] = {peer == PEER_DUCKDB ? (char *)"node" : (char *)e->python,
                      script,
                      (char *)structure,
                      (char *)progress,
                      (char *)"--as-of",
                      (char *)o->as_of,
                      (char *)"--out",
                      (char *)out,
                      NULL,
                      NULL,
                      NULL};
    snprintf(threads, sizeof threads, "%d", o->threads);
    if (peer == PEER_DUCKDB) {
        argv[8] = (char *)"--modules";
        argv[9] = (char *)e->packages;
    } else if (peer == PEER_BINDING) {
        argv[8] = (char *)"--threads"; /* as libkpi's own runs read */
        argv[9] = threads;
    }
    struct binding_env b;
    if (peer == PEER_BINDING) {
        binding_env_init(&b, o);
        compile_binding(o, e, &b);
    }
    struct bench_spec spec = {argv, peer == PEER_BINDING ? b.list : NULL, NULL, 1};
    for (int i = 0; i < runs; i++) {
        remove(out);
        char what[64];
        snprintf(what, sizeof what, "the %s peer", names[peer]);
        bench_progress(what, i, runs);
        struct bench_run r;
        bench_run_child(&spec, &r);
        if (!r.ok) {
            char line[400];
            snprintf(res->why, sizeof res->why, "%s failed: %s", scripts[peer],
                     bench_last_line(r.err ? r.err : "", line, sizeof line));
            if (r.err)
                fputs(r.err, stderr);
            bench_run_free(&r);
            res->ran = 0;
            return;
        }
        res->ran = 1;
        bench_sample(&res->wall, r.wall);
        if (r.max_rss_kb > res->rss_kb)
            res->rss_kb = r.max_rss_kb;
        bench_kv_text(r.out, "version", res->version, sizeof res->version);
        bench_run_free(&r);
    }
}
