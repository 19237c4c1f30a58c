/* Tests of the heap set-up: the reserved heap is advised for huge pages and still serves malloc. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"

/* The mapping of /proc/self/smaps that holds addr: its header line and
 * whether the kernel would back it with huge pages ("THPeligible: 1"). */
static bool
find_mapping(const void *addr, char *header, size_t size, bool *eligible)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	bool inside = false, found = false;

	if (f == NULL)
		return false;
	while (fgets(line, sizeof line, f) != NULL) {
		unsigned long lo, hi;

		/* Headers start "LOW-HIGH "; field lines "Name: value". */
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2) {
			if (found)
				break;
			inside = (uintptr_t)addr >= lo && (uintptr_t)addr < hi;
			if (inside) {
				found = true;
				*eligible = false;
				snprintf(header, size, "%s", line);
			}
		} else if (inside && strncmp(line, "THPeligible:", 12) == 0) {
			*eligible = atoi(line + 12) == 1;
		}
	}
	fclose(f);
	return found;
}

static bool
huge_pages_offered(void)
{
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	char line[128] = "";

	if (f == NULL)
		return false;
	if (fgets(line, sizeof line, f) == NULL)
		line[0] = '\0';
	fclose(f);
	return strstr(line, "[never]") == NULL && line[0] != '\0';
}

/* Where malloc is glibc's heap, heap_prepare advises it, and where the
 * kernel offers huge pages a block allocated afterwards lies in a mapping
 * the kernel may back with them.  Where malloc is not glibc's heap (under a
 * sanitizer or valgrind) it says it did nothing.  Either way memory works. */
static void
reserved_heap_is_advised(void **state)
{
	char header[512];
	bool eligible = false, glibc_heap, advised;
	char *small = malloc(64), *big;

	(void)state;
	assert_non_null(small);
	glibc_heap = find_mapping(small, header, sizeof header, &eligible) &&
	             strstr(header, "[heap]") != NULL;
	advised = heap_prepare((size_t)64 << 20);
	assert_int_equal(advised, glibc_heap);
	/* 8 MiB: more than the first, unadvised 2 MiB of the heap. */
	big = malloc((size_t)8 << 20);
	assert_non_null(big);
	memset(big, 0xA5, (size_t)8 << 20);
	if (glibc_heap && huge_pages_offered()) {
		assert_true(find_mapping(big + ((size_t)6 << 20), header, sizeof header, &eligible));
		assert_true(eligible);
	}
	assert_int_equal((unsigned char)big[((size_t)8 << 20) - 1], 0xA5);
	free(big);
	free(small);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reserved_heap_is_advised),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
