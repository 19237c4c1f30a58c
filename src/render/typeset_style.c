/* The typesetter's page style table: size, weight, colour and spacing of each text style. */
#include "render/typeset_parts.h"

const struct style_row styles[S_STYLES] = {
	[S_BODY] = {10, false, false, 0x1F2328, 0, 5, 1.25},
	[S_SMALL] = {8.0, false, false, 0x57606A, 0, 3, 1.2},
	[S_H1] = {19, true, false, 0x0F3C73, 0, 8, 1.1},
	[S_H2] = {15, true, false, 0x0F3C73, 14, 6, 1.1},
	[S_H3] = {12, true, false, 0x0F3C73, 11, 4, 1.1},
	[S_H4] = {10, true, false, 0x0F3C73, 8, 3, 1.1},
	[S_CELL] = {8.0, false, false, 0x1F2328, 0, 0, 1.15},
	[S_CELL_HEAD] = {8.0, true, false, 0x1F2328, 0, 0, 1.15},
	[S_CAPTION] = {8.5, true, false, 0x57606A, 4, 3, 1.2},
	[S_COVER_H1] = {26, true, false, 0x0F3C73, 120, 14, 1.1},
	[S_COVER_H1_LONG] = {21, true, false, 0x0F3C73, 60, 10, 1.1},
};
