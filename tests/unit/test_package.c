/* Tests of zip packages: the same parts and date give the same bytes, mimetype stored first, dates clamped, names once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>

#include "render/package.h"

/* 2023-11-14T22:13:20Z */
#define DATE 1700000000

static const char content[] = "<?xml version=\"1.0\"?><doc>text text text text text</doc>";

/* The bytes of a package of a mimetype entry and one XML part dated
 * date, written through an output file. */
static GBytes *
package_bytes(time_t date, const char *part)
{
	char dir[] = "/tmp/package-test-XXXXXX", *path, *bytes;
	struct package *p;
	struct output *o;
	struct diag d;
	gsize len;

	assert_non_null(mkdtemp(dir));
	diag_init(&d, stderr, false, false);
	path = g_build_filename(dir, "x.odt", NULL);
	p = package_new(date);
	assert_true(package_add(p, "mimetype", "application/vnd.oasis.opendocument.text", 39, true));
	assert_true(package_add(p, part, content, sizeof content - 1, false));
	o = output_open(path, NULL, NULL, 0, &d);
	assert_non_null(o);
	assert_true(package_write(p, o, &d));
	assert_true(g_file_get_contents(path, &bytes, &len, NULL));
	unlink(path);
	rmdir(dir);
	g_free(path);
	return g_bytes_new_take(bytes, len);
}

static unsigned
u16(const unsigned char *b)
{
	return b[0] | b[1] << 8;
}

static void
same_parts_same_bytes(void **state)
{
	GBytes *a = package_bytes(DATE, "content.xml"), *b = package_bytes(DATE, "content.xml");
	GBytes *later = package_bytes(DATE + 86400, "content.xml");
	GBytes *other = package_bytes(DATE, "styles.xml");

	(void)state;
	assert_true(g_bytes_equal(a, b));
	assert_false(g_bytes_equal(a, later));
	assert_false(g_bytes_equal(a, other));
	g_bytes_unref(a);
	g_bytes_unref(b);
	g_bytes_unref(later);
	g_bytes_unref(other);
}

/* The date written is the UTC date, whatever the time zone. */
static void
time_zone_does_not_matter(void **state)
{
	const char *tz = getenv("TZ");
	char *saved = tz != NULL ? g_strdup(tz) : NULL;
	GBytes *utc, *far;

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	utc = package_bytes(DATE, "content.xml");
	setenv("TZ", "Pacific/Kiritimati", 1);
	tzset();
	far = package_bytes(DATE, "content.xml");
	if (saved != NULL)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	assert_true(g_bytes_equal(utc, far));
	g_bytes_unref(utc);
	g_bytes_unref(far);
	g_free(saved);
}

/* An ODF reader finds the mimetype at offset 38: the first entry, its
 * name without extra field, stored as it is; the DOS date of the header
 * reads 2023-11-14 22:13:20. */
static void
mimetype_first_and_stored(void **state)
{
	GBytes *z = package_bytes(DATE, "content.xml");
	gsize len;
	const unsigned char *b = g_bytes_get_data(z, &len);

	(void)state;
	assert_true(len > 80);
	assert_memory_equal(b, "PK\003\004", 4);
	assert_int_equal(u16(b + 8), 0);           /* stored */
	assert_int_equal(u16(b + 26), 8);          /* name length */
	assert_int_equal(u16(b + 28), 0);          /* no extra field */
	assert_memory_equal(b + 30, "mimetype", 8);
	assert_memory_equal(b + 38, "application/vnd.oasis.opendocument.text", 39);
	assert_int_equal(u16(b + 10), 22 << 11 | 13 << 5 | 20 / 2);
	assert_int_equal(u16(b + 12), (2023 - 1980) << 9 | 11 << 5 | 14);
	g_bytes_unref(z);
}

/* A zip entry cannot be dated before 1980. */
static void
early_dates_clamped(void **state)
{
	GBytes *z = package_bytes(0, "content.xml");
	const unsigned char *b = g_bytes_get_data(z, NULL);

	(void)state;
	assert_int_equal(u16(b + 10), 0);
	assert_int_equal(u16(b + 12), 0 << 9 | 1 << 5 | 1);
	g_bytes_unref(z);
}

static void
name_given_twice_refused(void **state)
{
	struct package *p = package_new(DATE);

	(void)state;
	assert_true(package_add(p, "a.xml", "x", 1, false));
	assert_false(package_add(p, "a.xml", "y", 1, false));
	assert_true(package_add(p, "b.xml", "y", 1, false));
	package_free(p);
	package_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_parts_same_bytes),
		cmocka_unit_test(time_zone_does_not_matter),
		cmocka_unit_test(mimetype_first_and_stored),
		cmocka_unit_test(early_dates_clamped),
		cmocka_unit_test(name_given_twice_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
