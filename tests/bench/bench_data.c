/*
 * The plan files kpi-bench measures: written by kpi-gen into the work
 * directory, reused by later runs when the meta file says they are whole
 * and of the same generator version, and read once before measuring so
 * that every tool finds them in the page cache.
 */
#define _POSIX_C_SOURCE 200809L

#include "bench.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#ifndef KPI_GEN_VERSION
#define KPI_GEN_VERSION 1
#endif

void bench_path(char *buf, size_t size, const struct bench_options *o, long long n,
                const char *what)
{
    snprintf(buf, size, "%s/kpi-%lld-s%llu-%s", o->work, n, o->seed, what);
}

void bench_make_dirs(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0777);
            *p = '/';
        }
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
        bench_die("cannot create %s: %s", path, strerror(errno));
}

static int meta_read(struct bench_meta *m, const char *path, const char *structure,
                     const char *progress)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char text[2048];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    if (bench_kv(text, "generator") != KPI_GEN_VERSION)
        return -1;
    m->plans = (long long)bench_kv(text, "plans");
    m->goals = (long long)bench_kv(text, "goals");
    m->targets = (long long)bench_kv(text, "targets");
    m->measurements = (long long)bench_kv(text, "measurements");
    m->assessments = (long long)bench_kv(text, "assessments");
    m->structure_bytes = (long long)bench_kv(text, "structure_bytes");
    m->progress_bytes = (long long)bench_kv(text, "progress_bytes");
    struct stat s, p;
    if (stat(structure, &s) != 0 || stat(progress, &p) != 0 ||
        s.st_size != m->structure_bytes || p.st_size != m->progress_bytes)
        return -1;
    return 0;
}

/* About 500 bytes a target for both files, 150 for the ratings files,
 * and while kpi-report is measured its JSON report (1.8 KB a target) and
 * the copy cat makes of it. */
static void check_disk(const char *dir, long long n)
{
    struct statvfs vfs;
    double need = (double)n * 4300.0;
    if (statvfs(dir, &vfs) != 0)
        return;
    double free_bytes = (double)vfs.f_bavail * (double)vfs.f_frsize;
    if (free_bytes < need * 1.2) {
        char a[32], b[32];
        bench_die("%s has %s free; N = %lld needs about %s", dir,
                  bench_fmt_mb(a, sizeof a, free_bytes), n,
                  bench_fmt_mb(b, sizeof b, need));
    }
}

void bench_generate(const struct bench_options *o, const struct bench_env *e, long long n,
                    struct bench_meta *m)
{
    char s[4096], p[4096], mp[4096];
    bench_path(s, sizeof s, o, n, "structure.csv");
    bench_path(p, sizeof p, o, n, "progress.csv");
    bench_path(mp, sizeof mp, o, n, "meta");
    if (meta_read(m, mp, s, p) == 0) {
        printf("  data: reusing %s (and -progress.csv)\n", s);
        return;
    }
    check_disk(o->work, n);
    char targets[32], seed[32];
    snprintf(targets, sizeof targets, "%lld", n);
    snprintf(seed, sizeof seed, "%llu", o->seed);
    char *argv[] = {(char *)e->gen,
                    (char *)"--targets",
                    targets,
                    (char *)"--seed",
                    seed,
                    (char *)"--structure",
                    s,
                    (char *)"--progress",
                    p,
                    (char *)"--meta",
                    mp,
                    NULL};
    struct bench_spec spec = {argv, NULL, NULL, 0};
    struct bench_run r;
    bench_run_child(&spec, &r);
    if (!r.ok || meta_read(m, mp, s, p) != 0)
        bench_die("kpi-gen failed for N = %lld", n);
    char t[32];
    printf("  data: generated in %s by kpi-gen\n", bench_fmt_s(t, sizeof t, r.wall));
    bench_run_free(&r);
}

void bench_warm(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    static char buf[1 << 20];
    while (fread(buf, 1, sizeof buf, f) == sizeof buf)
        ;
    fclose(f);
}
