/*
 * Starting and timing kpi-bench's child processes, and reading what they
 * print. Every measurement runs in a process of its own, started with fork
 * and exec and reaped with wait4(), so that its peak RSS is its own.
 */
#define _DEFAULT_SOURCE /* wait4 */
#define _POSIX_C_SOURCE 200809L

#include "bench.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void bench_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("kpi-bench: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

void *bench_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        bench_die("out of memory (%zu bytes)", size);
    return p;
}

char *bench_read_whole(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        bench_die("cannot open %s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0)
        bench_die("cannot stat %s: %s", path, strerror(errno));
    char *data = bench_xmalloc((size_t)st.st_size + 1);
    *size = fread(data, 1, (size_t)st.st_size, f);
    if (*size != (size_t)st.st_size)
        bench_die("short read of %s", path);
    data[*size] = '\0';
    fclose(f);
    return data;
}

static void read_fd(int fd, char **out)
{
    size_t size = 0, capacity = 4096;
    char *buf = bench_xmalloc(capacity);
    for (;;) {
        if (size + 1024 > capacity) {
            capacity *= 2;
            char *grown = realloc(buf, capacity);
            if (!grown)
                bench_die("out of memory");
            buf = grown;
        }
        ssize_t n = read(fd, buf + size, capacity - size - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        size += (size_t)n;
    }
    buf[size] = '\0';
    *out = buf;
}

/* In the child, between fork and exec: the parent has one thread, so
 * putenv and open are safe here. */
static void exec_child(const struct bench_spec *spec, int out_fd, FILE *err)
{
    if (spec->stdout_path) {
        int fd = open(spec->stdout_path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (fd < 0) {
            fprintf(stderr, "cannot write %s: %s\n", spec->stdout_path, strerror(errno));
            _exit(127);
        }
        dup2(fd, 1);
        close(fd);
    } else {
        dup2(out_fd, 1);
    }
    if (err)
        dup2(fileno(err), 2);
    for (const char *const *e = spec->env; e && *e; e++)
        putenv((char *)*e);
    execvp(spec->argv[0], spec->argv);
    fprintf(stderr, "cannot run %s: %s\n", spec->argv[0], strerror(errno));
    _exit(127);
}

/* Runs the child with stdout captured (or sent to a file), and stderr too
 * when asked (into a temporary file, so that a chatty child cannot block
 * on a full pipe); otherwise its stderr is ours. */
void bench_run_child(const struct bench_spec *spec, struct bench_run *r)
{
    int out[2];
    FILE *err = spec->capture_err ? tmpfile() : NULL;
    if (pipe(out) != 0 || (spec->capture_err && !err))
        bench_die("pipe: %s", strerror(errno));
    fflush(stdout);
    fflush(stderr);
    double t0 = bench_now();
    pid_t pid = fork();
    if (pid < 0)
        bench_die("fork: %s", strerror(errno));
    if (pid == 0) {
        close(out[0]);
        exec_child(spec, out[1], err);
    }
    close(out[1]);
    read_fd(out[0], &r->out);
    close(out[0]);
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0)
        if (errno != EINTR)
            bench_die("wait4: %s", strerror(errno));
    r->wall = bench_now() - t0;
    r->max_rss_kb = ru.ru_maxrss;
    r->ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    r->err = NULL;
    if (err) {
        rewind(err);
        read_fd(fileno(err), &r->err);
        fclose(err);
    }
}

void bench_run_free(struct bench_run *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

double bench_kv(const char *text, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (!strncmp(p, key, n) && p[n] == '=')
            return strtod(p + n + 1, NULL);
    return NAN;
}

const char *bench_kv_text(const char *text, const char *key, char *buf, size_t size)
{
    size_t n = strlen(key);
    buf[0] = '\0';
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (!strncmp(p, key, n) && p[n] == '=') {
            p += n + 1;
            size_t len = strcspn(p, "\n");
            snprintf(buf, size, "%.*s", (int)(len < size ? len : size - 1), p);
            break;
        }
    return buf;
}

const char *bench_last_line(const char *text, char *buf, size_t size)
{
    const char *end = text + strlen(text);
    while (end > text && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
        end--;
    const char *start = end;
    while (start > text && start[-1] != '\n')
        start--;
    size_t n = (size_t)(end - start);
    if (n >= size)
        n = size - 1;
    memcpy(buf, start, n);
    buf[n] = '\0';
    return buf;
}

int bench_have_program(const char *name)
{
    if (strchr(name, '/'))
        return access(name, X_OK) == 0;
    const char *path = getenv("PATH");
    if (!path)
        return 0;
    for (const char *p = path; *p;) {
        size_t len = strcspn(p, ":");
        char full[4096];
        snprintf(full, sizeof full, "%.*s/%s", (int)len, len ? p : ".", name);
        if (access(full, X_OK) == 0)
            return 1;
        p += len;
        if (*p == ':')
            p++;
    }
    return 0;
}

void bench_progress(const char *what, int run, int runs)
{
    if (!isatty(2))
        return;
    fprintf(stderr, "\r  measuring %s (run %d of %d)...%20s\r", what, run + 1, runs, "");
    fflush(stderr);
}

void bench_progress_done(void)
{
    if (isatty(2))
        fprintf(stderr, "\r%78s\r", "");
}

void bench_sample(struct bench_samples *s, double value)
{
    if (s->n < BENCH_MAX_RUNS && !isnan(value))
        s->v[s->n++] = value;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double bench_median(const struct bench_samples *s)
{
    if (s->n == 0)
        return NAN;
    double v[BENCH_MAX_RUNS];
    memcpy(v, s->v, (size_t)s->n * sizeof v[0]);
    qsort(v, (size_t)s->n, sizeof v[0], cmp_double);
    return s->n % 2 ? v[s->n / 2] : (v[s->n / 2 - 1] + v[s->n / 2]) / 2.0;
}
