/* Large blocks that libkpi fills once (1M results are hundreds of
 * megabytes, a report of them more) cost more to fault in 4 KiB pages than
 * to fill: on a virtual machine every first touch of a page traps into the
 * hypervisor. Where the kernel gives huge pages on request (transparent
 * huge pages in "madvise" mode), asking for them makes the fill run at
 * memory speed. */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include "util/pages.h"

#include <stdint.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

/* 2 MiB: the huge page of x86-64 and of most arm64 systems. */
#define HUGE_PAGE ((uintptr_t)2 << 20)

void kpi__pages_advise_huge(void *block, size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    uintptr_t begin = ((uintptr_t)block + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    uintptr_t end = ((uintptr_t)block + size) & ~(HUGE_PAGE - 1);
    if (end > begin)
        (void)madvise((void *)begin, end - begin, MADV_HUGEPAGE);
#else
    (void)block, (void)size;
#endif
}
