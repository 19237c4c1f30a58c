/* A checked sheet's ratings put into the template's tree in place of its own. */
#ifndef SSECMM_SHEET_MERGE_H
#define SSECMM_SHEET_MERGE_H

#include "load/sheet_check.h"
#include "load/sheet_frame.h"

/* Replace the <ratings> of f's document with those ck gathered (a sound
 * sheet: no errors), sorted in model order; the claimed levels of the
 * template are kept. */
void sheet_merge(struct sheet_frame *f, struct sheet_check *ck);

#endif
