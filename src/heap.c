/* Heap set-up for a short-lived process: few, large page faults. */
#include "heap.h"

#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

/* Why: every product run builds and frees tens of MiB of small objects
 * (documents, layouts, fonts), and on a virtual machine a 4 KiB page fault
 * costs tens of microseconds.  A statement took 3,000 faults, a quarter of
 * its time; in huge pages it takes about 1,100 (the rest are the shared
 * libraries' own). */
#define HUGE_PAGE ((uintptr_t)2 << 20)

bool
heap_prepare(size_t reserve)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
	void *volatile probe;
	uintptr_t before, after, start;
	int advised = -1;

	if (reserve > INT32_MAX)
		reserve = INT32_MAX;
	/* Blocks up to 32 MiB from the heap, which is in huge pages, rather
	 * than from a mapping of their own in 4 KiB pages; nothing given back
	 * to the kernel below 256 MiB, so the advised range stays whole. */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_TOP_PAD, (int)reserve);
	before = (uintptr_t)sbrk(0);
	/* One block the top of the heap cannot hold moves the break up by the
	 * pad: the whole reserve at once, as one range to advise. */
	probe = malloc((size_t)1 << 20);
	after = (uintptr_t)sbrk(0);
	start = (before + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	if (probe != NULL && start < after && after - start >= HUGE_PAGE)
		advised = madvise((void *)start, after - start, MADV_HUGEPAGE);
	free(probe);
	/* Later growth in ordinary steps. */
	mallopt(M_TOP_PAD, 128 << 10);
	return advised == 0;
#else
	(void)reserve;
	return false;
#endif
}
