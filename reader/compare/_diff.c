/* The _diff extension: diff-match-patch's diff (dmp.c) and the labelling of aligned blocks
 * (blockdiff.c) for reader/compare/worddiff.py, which falls back on the library and on its own
 * Python when the extension is not built.
 *
 * diff(x, y) gives the same operations as fast_diff_match_patch.diff(x, y, timelimit=0,
 * checklines=False, cleanup="No") (tests/test_engine_accel.py checks that on random and real
 * inputs), without the C++ wrapper's per-call conversions, which cost several times the diff
 * itself on blocks of a few dozen words.
 */
#include "blockdiff.h"
#include "dmp.h"

#include <stdlib.h>

static PyObject *symbols[3]; /* "-", "=", "+": one object each, shared by every result */

static Char *chars_of(PyObject *text, Py_ssize_t *length) {
    *length = PyUnicode_GET_LENGTH(text);
    Char *out = malloc(sizeof(Char) * (size_t)(*length ? *length : 1));
    if (!out) {
        PyErr_NoMemory();
        return NULL;
    }
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t k = 0; k < *length; k++)
        out[k] = PyUnicode_READ(kind, data, k);
    return out;
}

/* diff(x, y, max_cells=-1) -> [(op, length)], op one of "=", "-", "+"; with max_cells >= 0 the
 * bounded diff of the block labelling (cut at unique anchors past max_cells). */
static PyObject *diff(PyObject *self, PyObject *args) {
    PyObject *text_x, *text_y;
    double max_cells = -1; /* < 0: no bound, diff-match-patch's own result */
    if (!PyArg_ParseTuple(args, "UU|d", &text_x, &text_y, &max_cells))
        return NULL;
    Py_ssize_t nx, ny;
    Char *x = chars_of(text_x, &nx);
    Char *y = x ? chars_of(text_y, &ny) : NULL;
    if (!y) {
        free(x);
        return NULL;
    }
    Diffs diffs = {0};
    Py_BEGIN_ALLOW_THREADS;
    if (max_cells < 0)
        dmp_diff_main(&diffs, x, nx, y, ny);
    else
        dmp_diff_bounded(&diffs, x, nx, y, ny, max_cells);
    Py_END_ALLOW_THREADS;
    free(x);
    free(y);
    PyObject *result = NULL;
    if (diffs.failed) {
        PyErr_NoMemory();
        goto done;
    }
    if (!(result = PyList_New(diffs.size)))
        goto done;
    for (Py_ssize_t k = 0; k < diffs.size; k++) {
        PyObject *item = Py_BuildValue("(On)", symbols[diffs.items[k].op + 1], diffs.items[k].length);
        if (!item) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, k, item);
    }
done:
    dmp_diffs_free(&diffs);
    return result;
}

static PyMethodDef methods[] = {
    {"diff", diff, METH_VARARGS, "diff-match-patch's diff_main (no time limit): [(op, length)]."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_diff", NULL, -1, methods};

PyMODINIT_FUNC PyInit__diff(void) {
    const char *names[] = {"-", "=", "+"};
    for (int k = 0; k < 3; k++)
        if (!symbols[k] && !(symbols[k] = PyUnicode_InternFromString(names[k])))
            return NULL;
    if (blockdiff_ready() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    Py_INCREF(&BlockDifferType);
    if (PyModule_AddObject(m, "BlockDiffer", (PyObject *)&BlockDifferType) < 0) {
        Py_DECREF(&BlockDifferType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
