/*
 * kpi-bench --scaling: how the cost of each path of libkpi grows with its
 * input. Each path is timed at n and at 4n on inputs built in memory, and
 * the exponent log(t(4n) / t(n)) / log 4 is printed with a verdict: "ok",
 * or "SUPERLINEAR" above 1.2. See tests/bench/README.md.
 *
 * scaling.c is the driver (options, timing, the table, the Markdown
 * section), scaling_paths.c the paths, scaling_inputs.c the inputs they
 * are timed on. Only the public API (kpi.h) is used.
 */
#ifndef KPI_BENCH_SCALING_H
#define KPI_BENCH_SCALING_H

#include <kpi.h>

#include <stddef.h>
#include <stdio.h>

/* What kpi-bench knows of the build and the machine, for the header. */
struct scaling_info {
    const char *build_type; /* CMAKE_BUILD_TYPE, or a warning when none */
    const char *compiler;
    const char *machine; /* CPU and cores, one line */
};

/* Whether --scaling is among the arguments. */
int scaling_wanted(int argc, char **argv);

/* The scaling mode: parses its own options, returns the exit status. */
int scaling_main(int argc, char **argv, const struct scaling_info *info);

/* Appends the "## Scaling" section of the Markdown file at @p path, when
 * there is one, to @p out: the main mode rewrites docs/performance.md and
 * keeps the section the scaling mode wrote. */
void scaling_copy_section(const char *path, FILE *out);

/* ---- between the driver and the paths ---- */

/* One input, built before timing; each path fills what it needs. */
struct scaling_path;

/* One input, built before timing; each path fills what it needs. */
struct scaling_input {
    const struct scaling_path *path;
    long n;
    char *text;      /* a cell, a phrase, a text (malloc) */
    size_t size;     /* its length in bytes */
    char *structure; /* a structure file (libkpi's, kpi_free) */
    size_t structure_size;
    char *progress; /* a progress file (libkpi's, kpi_free) */
    size_t progress_size;
    kpi_plan *plan;     /* a plan */
    kpi_evaluation *ev; /* its evaluation */
};

struct scaling_path {
    const char *area; /* what the issue calls the path: "text wrapping", ... */
    const char *name; /* the operation and the shape of its input */
    const char *unit; /* what n counts: "bytes", "targets", ... */
    long n;           /* the default n; 4n is timed too */
    long max;         /* the largest n the API accepts (4n at most); 0: none */
    int shape;        /* a huge cell's enum scaling_shape */
    kpi_format format;
    int width;                  /* text width in cells; 0 for the default */
    const char *pattern;        /* a text path's pattern, repeated to n bytes */
    const char *suffix;         /* ... then this */
    kpi_plan *(*build)(long n); /* a plan path's plan */
    int (*prepare)(struct scaling_input *in);   /* untimed; KPI_OK or an error */
    int (*run)(const struct scaling_input *in); /* timed; KPI_OK or an error */
};

extern const struct scaling_path scaling_paths[];
extern const size_t scaling_path_count;

/* Frees what prepare() built. */
void scaling_input_free(struct scaling_input *in);

/* ---- the inputs (scaling_inputs.c) ---- */

/* The shapes of a huge cell. */
enum scaling_shape {
    SHAPE_MIXED,     /* Japanese, ASCII words and every character a format escapes */
    SHAPE_BREAKS,    /* only break characters: blanks, 、 and 。 */
    SHAPE_WORD,      /* one ASCII word with no break in it */
    SHAPE_COMBINING, /* "e" then a run of U+0301 COMBINING ACUTE ACCENT */
    SHAPE_INVISIBLE  /* a run of U+200B ZERO WIDTH SPACE */
};

/* A NUL-terminated cell of @p shape, at most @p bytes long (whole
 * characters), which the caller frees with free(). */
char *scaling_cell(enum scaling_shape shape, size_t bytes);

/* A repeated pattern cut at a character boundary to at most @p bytes. */
char *scaling_repeat(const char *pattern, size_t bytes);

/* A plan of one goal and one target whose goal title, target label and
 * one update's text are @p cell. */
kpi_plan *scaling_cell_plan(const char *cell);

/* A plan shaped like a city's: goals of 30 targets under top-level goals
 * of 10, mixed kinds, six monthly figures, updates and directives. */
kpi_plan *scaling_big_plan(long targets);

/* One goal with @p targets targets. */
kpi_plan *scaling_wide_plan(long targets);

/* One goal with @p goals child goals of one target each. */
kpi_plan *scaling_goals_plan(long goals);

/* 32 nested goals (the deepest allowed) with @p targets spread over the
 * levels. */
kpi_plan *scaling_deep_plan(long targets);

/* One target with @p updates updates, or with @p updates measurements. */
kpi_plan *scaling_updates_plan(long updates);
kpi_plan *scaling_measurements_plan(long measurements);

/* One target with @p n assessments; one goal with @p n notes; one
 * directive addressed to @p n goals; @p n directives addressed to one
 * goal; one directive with @p n updates. */
kpi_plan *scaling_assessments_plan(long n);
kpi_plan *scaling_notes_plan(long n);
kpi_plan *scaling_directive_goals_plan(long n);
kpi_plan *scaling_directives_plan(long n);
kpi_plan *scaling_directive_updates_plan(long n);

/* The evaluation every path renders from: as of 2017-09-30. */
int scaling_evaluate(kpi_evaluation **out, const kpi_plan *plan);

/* The plan's two files into in->structure and in->progress. */
int scaling_write_files(struct scaling_input *in, const kpi_plan *plan);

#endif /* KPI_BENCH_SCALING_H */
