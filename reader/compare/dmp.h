/* diff-match-patch's diff_main in C (dmp.c): the types and the three functions the rest of the
 * _diff extension uses. */
#ifndef QARIN_DMP_H
#define QARIN_DMP_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

typedef uint32_t Char;

enum { DELETE = -1, EQUAL = 0, INSERT = 1 };

typedef struct {
    int op;
    const Char *text; /* into the inputs, or `owned` when cleanup made it */
    Py_ssize_t length;
    Char *owned;
} Diff;

typedef struct {
    Diff *items;
    Py_ssize_t size, capacity;
    int failed; /* out of memory somewhere: the result is void */
} Diffs;

/* Append the diffs of x against y to `out` (on failure out->failed is set, no Python error). */
void dmp_diff_main(Diffs *out, const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny);
/* The same, with the work bounded: past max_cells (nx * ny) the stretch is cut at anchors unique
 * to both sides, and a piece with none is one deletion and one insertion. */
void dmp_diff_bounded(Diffs *out, const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny, double max_cells);
void dmp_diffs_append(Diffs *diffs, int op, const Char *text, Py_ssize_t length);
void dmp_diffs_free(Diffs *diffs);

#endif
