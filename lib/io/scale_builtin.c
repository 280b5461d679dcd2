/* The scales built into libkpi: the files of scales/ (one per row of the
 * contract's table), compiled in as bytes by cmake/KpiEmbed.cmake and read
 * with the same reader as any scale file, so that a built-in scale and its
 * shipped file cannot differ. */
#include "io/scale_read.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

#define BUILTIN(name)                                                                    \
    extern const unsigned char kpi__scale_file_##name[];                                 \
    extern const size_t kpi__scale_file_##name##_size;
BUILTIN(ueda)
BUILTIN(akiruno)
BUILTIN(kakamigahara)
BUILTIN(nagayo)
BUILTIN(manifesto_abcd)
BUILTIN(sano_points)
BUILTIN(chiho_sosei)
BUILTIN(fukuoka)
BUILTIN(seisaku_hyoka)
#undef BUILTIN

static const struct builtin {
    const char *id;
    const char *file; /* the name messages give it */
    const unsigned char *bytes;
    const size_t *size;
} builtins[] = {
#define ROW(id, name)                                                                    \
    {                                                                                    \
        id, "scales/" id ".csv", kpi__scale_file_##name, &kpi__scale_file_##name##_size  \
    }
    ROW("ueda", ueda),
    ROW("akiruno", akiruno),
    ROW("kakamigahara", kakamigahara),
    ROW("nagayo", nagayo),
    ROW("manifesto-abcd", manifesto_abcd),
    ROW("sano-points", sano_points),
    ROW("chiho-sosei", chiho_sosei),
    ROW("fukuoka", fukuoka),
    ROW("seisaku-hyoka", seisaku_hyoka),
#undef ROW
};

#define BUILTIN_COUNT (sizeof builtins / sizeof *builtins)
#define IDS                                                                              \
    "ueda, akiruno, kakamigahara, nagayo, manifesto-abcd, sano-points, chiho-sosei, "    \
    "fukuoka or seisaku-hyoka"

size_t kpi_scale_builtin_count(void)
{
    return BUILTIN_COUNT;
}

const char *kpi_scale_builtin_id_at(size_t index)
{
    return index < BUILTIN_COUNT ? builtins[index].id : "";
}

int kpi_scale_builtin(kpi_scale **out, const char *id)
{
    if (!out)
        return kpi__error_null("kpi_scale_builtin", "out");
    *out = NULL;
    if (!id)
        return kpi__error_null("kpi_scale_builtin", "id");
    for (size_t i = 0; i < BUILTIN_COUNT; i++)
        if (strcmp(builtins[i].id, id) == 0)
            return kpi__scale_read_bytes(out, (const char *)builtins[i].bytes,
                                         *builtins[i].size, builtins[i].file);
    char clipped[KPI__CLIP_SIZE];
    return kpi__error(KPI_ERR_NOT_FOUND,
                      "kpi_scale_builtin: \"%s\" is no built-in scale: expected " IDS,
                      kpi__clip(clipped, id));
}

/* A path relative to the directory of base (a file path), or path itself
 * when it is absolute or base has no directory. */
static char *beside(const char *path, const char *base)
{
    const char *slash = base && path[0] != '/' ? strrchr(base, '/') : NULL;
    size_t dir = slash ? (size_t)(slash - base) + 1 : 0;
    char *out = kpi__malloc(dir + strlen(path) + 1);
    if (out) {
        if (dir) /* (base may be NULL when there is no directory) */
            memcpy(out, base, dir);
        strcpy(out + dir, path);
    }
    return out;
}

int kpi__scale_open(kpi_scale **out, const char *name, const char *base)
{
    *out = NULL;
    for (size_t i = 0; i < BUILTIN_COUNT; i++)
        if (strcmp(builtins[i].id, name) == 0)
            return kpi_scale_builtin(out, name);
    /* A word that is no id and names no file is most likely a mistyped id. */
    char clipped[KPI__CLIP_SIZE];
    if (!strpbrk(name, "/.\\"))
        return kpi__error(KPI_ERR_NOT_FOUND,
                          "\"%s\" is no built-in scale (" IDS ") and no scale file",
                          kpi__clip(clipped, name));
    char *path = beside(name, base);
    if (!path)
        return kpi__error_nomem();
    int rc = kpi_scale_read_file(out, path);
    kpi__free(path);
    return rc;
}
