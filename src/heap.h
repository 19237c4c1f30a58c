/* Heap set-up for a short-lived process: few, large page faults. */
#ifndef SSECMM_HEAP_H
#define SSECMM_HEAP_H

#include <stdbool.h>
#include <stddef.h>

/* Reserves reserve bytes of heap address space (not memory: pages are
 * touched only when used) and asks the kernel to back it with transparent
 * huge pages, so that a run takes one page fault per 2 MiB it uses rather
 * than one per 4 KiB.  Large blocks then come from this heap too instead of
 * separate mappings, and freed memory is kept for reuse.  Call first in
 * main(), before the process allocates much.  Does nothing where malloc is
 * not glibc's heap (sanitizers, valgrind) or the kernel offers no huge pages.
 * Returns true when the advice was taken. */
bool heap_prepare(size_t reserve);

#endif
