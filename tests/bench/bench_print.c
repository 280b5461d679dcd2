/*
 * kpi-bench's tables on the terminal: the figures of each size as it is
 * measured, then a summary and the verdicts. Times are the medians of the
 * runs.
 */
#include "bench.h"

#include <math.h>
#include <string.h>

const char *bench_fmt_count(char *buf, size_t size, long long n)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", n);
    size_t len = strlen(digits), o = 0;
    for (size_t i = 0; i < len && o + 2 < size; i++) {
        if (i && (len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return buf;
}

const char *bench_fmt_mb(char *buf, size_t size, double bytes)
{
    if (bytes >= 1e9)
        snprintf(buf, size, "%.2f GB", bytes / 1e9);
    else
        snprintf(buf, size, "%.1f MB", bytes / 1e6);
    return buf;
}

const char *bench_fmt_s(char *buf, size_t size, double s)
{
    if (isnan(s))
        snprintf(buf, size, "-");
    else if (s < 0.1)
        snprintf(buf, size, "%.4f s", s);
    else if (s < 10)
        snprintf(buf, size, "%.3f s", s);
    else
        snprintf(buf, size, "%.1f s", s);
    return buf;
}

const char *bench_fmt_rate(char *buf, size_t size, double bytes_per_s)
{
    if (isnan(bytes_per_s))
        snprintf(buf, size, "-");
    else if (bytes_per_s >= 1e9)
        snprintf(buf, size, "%.2f GB/s", bytes_per_s / 1e9);
    else
        snprintf(buf, size, "%.0f MB/s", bytes_per_s / 1e6);
    return buf;
}

static void print_libkpi(const struct bench_result *r)
{
    char a[64], b[64], c[64], d[64];
    double floor = bench_floor_s(r), load = bench_median(&r->load);
    double eval = bench_median(&r->eval), le = bench_load_eval_s(r);
    printf("  %-46s %10s %10s  read %s + parse %s\n",
           "libcsv floor (read + parse both files)", bench_fmt_s(a, sizeof a, floor),
           bench_fmt_mb(b, sizeof b, r->floor_kb * 1024.0),
           bench_fmt_s(c, sizeof c, bench_median(&r->floor_read)),
           bench_fmt_s(d, sizeof d, bench_median(&r->floor_parse)));
    char label[80];
    snprintf(label, sizeof label, "libkpi load (both files, %d thread%s)", r->threads,
             r->threads == 1 ? "" : "s");
    printf("  %-46s %10s %10s  %.2f× floor, %.0f MB/s\n", label,
           bench_fmt_s(a, sizeof a, load),
           bench_fmt_mb(b, sizeof b, r->hwm_load_kb * 1024.0), load / floor,
           bench_input_bytes(r) / load / 1e6);
    printf("  %-46s %10s %10s\n", "libkpi evaluate", bench_fmt_s(a, sizeof a, eval),
           bench_fmt_mb(b, sizeof b, r->hwm_eval_kb * 1024.0));
    printf("  %-46s %10s %10s  %.2f× floor, %s targets/s\n", "libkpi load + evaluate",
           bench_fmt_s(a, sizeof a, le), "", le / floor,
           bench_fmt_count(c, sizeof c, (long long)((double)r->targets / le)));
    if (r->load1.n) {
        double load1 = bench_median(&r->load1), eval1 = bench_median(&r->eval1);
        printf("  %-46s %10s %10s  load %s + evaluate %s, %.2f× floor\n",
               "libkpi load + evaluate on 1 thread",
               bench_fmt_s(a, sizeof a, load1 + eval1), "",
               bench_fmt_s(b, sizeof b, load1), bench_fmt_s(c, sizeof c, eval1),
               (load1 + eval1) / floor);
    }
    double render = bench_median(&r->render);
    printf("  %-46s %10s %10s  %s of JSON, %s\n", "libkpi render JSON (in the process)",
           bench_fmt_s(a, sizeof a, render),
           bench_fmt_mb(b, sizeof b, r->hwm_render_kb * 1024.0),
           bench_fmt_mb(c, sizeof c, r->json_bytes),
           bench_fmt_rate(d, sizeof d, r->json_bytes / render));
    printf("  %-46s %10s\n", "libkpi free (evaluation, plan, JSON)",
           bench_fmt_s(a, sizeof a, bench_median(&r->free_s)));
}

static void print_processes(const struct bench_result *r)
{
    char a[64], b[64], c[64], d[64], label[80];
    double floor = bench_floor_s(r), e2e = bench_median(&r->e2e);
    printf("  whole processes:\n");
    printf("  %-46s %10s %10s  %.2f× floor\n", "libkpi ratings program",
           bench_fmt_s(a, sizeof a, e2e), bench_fmt_mb(b, sizeof b, r->e2e_kb * 1024.0),
           e2e / floor);
    for (int f = 0; f < FORMAT_COUNT; f++) {
        const struct bench_render *rr = &r->report[f];
        snprintf(label, sizeof label, "kpi-report --format %s -o FILE",
                 bench_format_name(f));
        if (!rr->ran) {
            printf("  %-46s %10s %10s\n", label, "-", "-");
            continue;
        }
        double s = bench_median(&rr->wall), cat = bench_median(&rr->cat);
        char e[64], g[64];
        printf("  %-46s %10s %10s  %.2f× floor, %s at %s; cat %s at %s\n", label,
               bench_fmt_s(a, sizeof a, s),
               bench_fmt_mb(b, sizeof b, rr->rss_kb * 1024.0), s / floor,
               bench_fmt_mb(c, sizeof c, rr->bytes),
               bench_fmt_rate(d, sizeof d, rr->bytes / s), bench_fmt_s(e, sizeof e, cat),
               bench_fmt_rate(g, sizeof g, rr->bytes / cat));
    }
    for (int k = 0; k < PEER_COUNT; k++) {
        const struct bench_peer_result *p = &r->peers[k];
        snprintf(label, sizeof label, "%s peer", bench_peer_label(k));
        if (!p->ran) {
            printf("  %-46s %10s %10s  not run: %s\n", label, "-", "-", p->why);
            continue;
        }
        double s = bench_median(&p->wall);
        printf("  %-46s %10s %10s  %.2f× floor; ratings program %.1f× faster\n", label,
               bench_fmt_s(a, sizeof a, s), bench_fmt_mb(b, sizeof b, p->rss_kb * 1024.0),
               s / floor, s / e2e);
    }
}

void bench_print_size(const struct bench_result *r)
{
    char a[64], b[64], c[64], d[64], e[64];
    printf("  %s plans, %s goals, %s targets, %s measurements, %s assessments\n",
           bench_fmt_count(a, sizeof a, r->meta.plans),
           bench_fmt_count(b, sizeof b, r->meta.goals),
           bench_fmt_count(c, sizeof c, r->meta.targets),
           bench_fmt_count(d, sizeof d, r->meta.measurements),
           bench_fmt_count(e, sizeof e, r->meta.assessments));
    printf("  bytes read: %s (structure %s + progress %s); times: median of %d\n",
           bench_fmt_mb(a, sizeof a, bench_input_bytes(r)),
           bench_fmt_mb(b, sizeof b, (double)r->meta.structure_bytes),
           bench_fmt_mb(c, sizeof c, (double)r->meta.progress_bytes), r->runs);
    printf("  %-46s %10s %10s\n", "", "time", "peak RSS");
    print_libkpi(r);
    print_processes(r);
    if (r->warnings)
        printf("  libkpi warned %lld times while reading, e.g. %s\n", r->warnings,
               r->first_warning);
    double memory = bench_memory_bytes(r);
    printf("  memory: peak after evaluate %s above an empty process (%s): %.0f B/target, "
           "%.1f B/measurement;\n          budget 250 B/target + 32 B/measurement = %s "
           "(%.2f× of it used)\n",
           bench_fmt_mb(a, sizeof a, memory),
           bench_fmt_mb(b, sizeof b, r->baseline_kb * 1024.0),
           memory / (double)r->targets, memory / (double)r->measurements,
           bench_fmt_mb(c, sizeof c, bench_budget_bytes(r)),
           memory / bench_budget_bytes(r));
}

void bench_print_summary(const struct bench_result *res, size_t count)
{
    printf("\n== summary (medians, seconds; end to end: whole processes)\n");
    printf("  %10s %7s %7s %7s %7s %8s %8s %7s", "targets", "floor", "load", "eval",
           "÷floor", "ratings", "rep.csv", "r.json");
    for (int k = 0; k < PEER_COUNT; k++)
        printf(" %7s", bench_peer_name(k));
    printf("\n");
    for (size_t i = 0; i < count; i++) {
        const struct bench_result *r = &res[i];
        char a[32];
        printf("  %10s %7.3f %7.3f %7.4f %7.2f %8.3f", bench_fmt_count(a, sizeof a, r->n),
               bench_floor_s(r), bench_median(&r->load), bench_median(&r->eval),
               bench_load_eval_s(r) / bench_floor_s(r), bench_median(&r->e2e));
        for (int f = 0; f < FORMAT_COUNT; f++)
            printf(f ? " %7.3f" : " %8.3f",
                   r->report[f].ran ? bench_median(&r->report[f].wall) : NAN);
        for (int k = 0; k < PEER_COUNT; k++)
            printf(" %7.3f", bench_peer_s(r, k));
        printf("\n");
    }
}

void bench_print_verdicts(const struct bench_verdict *rows, size_t n)
{
    printf(
        "\n== targets (issues 16 and 17; in parentheses: below the sizes they judge)\n");
    for (size_t i = 0; i < n; i++)
        printf("  %-62s %10s  %-34s limit %-9s %s\n", rows[i].what, rows[i].size,
               rows[i].measured, rows[i].limit, rows[i].verdict);
}
