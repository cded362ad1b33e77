/* One aligned block labelled (the BlockDiffer of the _diff extension, used by
 * reader/compare/worddiff.py): a word diff (dmp.c's port of diff-match-patch) of the block's
 * tokens, then one walk over its operations that labels words same / changed / only, and letters
 * inside short changed stretches. */
#include "blockdiff.h"

#include <stdlib.h>
#include <string.h>

enum { SAME, CHANGED, ONLY };
static PyObject *kind_names[3]; /* "same", "changed", "only" */

/* AlignParams.max_char_diff_tokens, min_spelling_overlap, min_only_words, max_diff_cells */
typedef struct {
    Py_ssize_t max_char_diff_tokens, min_only_words;
    double min_spelling_overlap, max_diff_cells;
} Limits;

typedef struct {
    Py_ssize_t first;
    int kind;
    int in_passage;    /* 0: passage None (an `only` stretch) */
    PyObject *chars;   /* a tuple of (lo, hi) tuples, owned */
} Stretch;

typedef struct {
    Stretch *items;
    Py_ssize_t size, capacity;
} StretchList;

static void stretches_free(StretchList *list) {
    for (Py_ssize_t k = 0; k < list->size; k++)
        Py_XDECREF(list->items[k].chars);
    free(list->items);
}

/* Stretches.add: a stretch labelled like the one before it joins it (its letters added). Steals
 * `chars`. */
static int stretches_add(StretchList *list, Py_ssize_t first, int kind, int in_passage, PyObject *chars) {
    if (list->size) {
        Stretch *last = &list->items[list->size - 1];
        if (last->kind == kind && last->in_passage == in_passage) {
            if (PyTuple_GET_SIZE(chars)) {
                PyObject *joined = PySequence_Concat(last->chars, chars);
                Py_DECREF(chars);
                if (!joined)
                    return -1;
                Py_SETREF(last->chars, joined);
            } else {
                Py_DECREF(chars);
            }
            return 0;
        }
    }
    if (list->size == list->capacity) {
        Py_ssize_t cap = list->capacity ? list->capacity * 2 : 16;
        Stretch *items = realloc(list->items, sizeof(Stretch) * (size_t)cap);
        if (!items) {
            Py_DECREF(chars);
            PyErr_NoMemory();
            return -1;
        }
        list->items = items;
        list->capacity = cap;
    }
    list->items[list->size++] = (Stretch){first, kind, in_passage, chars};
    return 0;
}

static PyObject *empty_tuple(void) { return PyTuple_New(0); }

typedef struct {
    PyObject *text;
    const int64_t *starts, *ends, *words, *content;
    Py_ssize_t n_tokens;
    Char *letters; /* scratch for letter diffs */
} Side;

static Py_ssize_t side_letters(Side *side, Py_ssize_t lo, Py_ssize_t hi, Char **out) {
    const Py_ssize_t from = side->starts[lo], to = side->ends[hi - 1];
    Char *letters = malloc(sizeof(Char) * (size_t)(to - from ? to - from : 1));
    if (!letters)
        return -1;
    const int kind = PyUnicode_KIND(side->text);
    const void *data = PyUnicode_DATA(side->text);
    for (Py_ssize_t k = from; k < to; k++)
        letters[k - from] = PyUnicode_READ(kind, data, k);
    *out = letters;
    return to - from;
}

static int compare_chars(const void *p, const void *q) {
    const Char x = *(const Char *)p, y = *(const Char *)q;
    return (x > y) - (x < y);
}

/* Letters the two bags share (with multiplicity). */
static Py_ssize_t shared_letters(const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny) {
    Char *sx = malloc(sizeof(Char) * (size_t)(nx + ny + 1));
    if (!sx)
        return -1;
    Char *sy = sx + nx;
    memcpy(sx, x, sizeof(Char) * (size_t)nx);
    memcpy(sy, y, sizeof(Char) * (size_t)ny);
    qsort(sx, (size_t)nx, sizeof(Char), compare_chars);
    qsort(sy, (size_t)ny, sizeof(Char), compare_chars);
    Py_ssize_t i = 0, j = 0, shared = 0;
    while (i < nx && j < ny) {
        if (sx[i] == sy[j]) {
            shared++;
            i++;
            j++;
        } else if (sx[i] < sy[j]) {
            i++;
        } else {
            j++;
        }
    }
    free(sx);
    return shared;
}

/* Append (lo, hi) to a list of ranges, joined to the last one when they touch. */
static int add_range(PyObject *ranges, Py_ssize_t lo, Py_ssize_t hi) {
    const Py_ssize_t n = PyList_GET_SIZE(ranges);
    if (n) {
        PyObject *last = PyList_GET_ITEM(ranges, n - 1);
        if (PyLong_AsSsize_t(PyTuple_GET_ITEM(last, 1)) == lo) {
            PyObject *joined = Py_BuildValue("(On)", PyTuple_GET_ITEM(last, 0), hi);
            return joined ? PyList_SetItem(ranges, n - 1, joined) : -1;
        }
    }
    PyObject *range = Py_BuildValue("(nn)", lo, hi);
    int failed = !range || PyList_Append(ranges, range) < 0;
    Py_XDECREF(range);
    return failed ? -1 : 0;
}

/* worddiff.char_differences: the letters that differ between two short token stretches, as
 * (chars_a, chars_b) tuples of absolute ranges, or two empty tuples when they are different words. */
static int char_differences(const Limits *limits, Side *a, Side *b, Py_ssize_t a0, Py_ssize_t a1, Py_ssize_t b0, Py_ssize_t b1,
                            PyObject **chars_a, PyObject **chars_b) {
    Char *x = NULL, *y = NULL;
    PyObject *ranges_a = NULL, *ranges_b = NULL;
    Diffs ops = {0};
    int status = -1;
    const Py_ssize_t nx = side_letters(a, a0, a1, &x);
    const Py_ssize_t ny = nx < 0 ? -1 : side_letters(b, b0, b1, &y);
    if (nx < 0 || ny < 0) {
        PyErr_NoMemory();
        goto done;
    }
    const double needed = limits->min_spelling_overlap * (double)(nx > ny ? nx : ny);
    if ((double)(nx < ny ? nx : ny) < needed) {
        status = 0;
        goto done;
    }
    const Py_ssize_t shared = shared_letters(x, nx, y, ny);
    if (shared < 0) {
        PyErr_NoMemory();
        goto done;
    }
    if ((double)shared < needed) {
        status = 0;
        goto done;
    }
    if (nx == ny && memcmp(x, y, sizeof(Char) * (size_t)nx) == 0) {
        if (nx)
            dmp_diffs_append(&ops, EQUAL, x, nx);
    } else {
        dmp_diff_main(&ops, x, nx, y, ny);
    }
    if (ops.failed) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t common = 0;
    for (Py_ssize_t k = 0; k < ops.size; k++)
        if (ops.items[k].op == EQUAL)
            common += ops.items[k].length;
    if ((double)common < needed) {
        status = 0;
        goto done;
    }
    ranges_a = PyList_New(0);
    ranges_b = PyList_New(0);
    if (!ranges_a || !ranges_b)
        goto done;
    const Py_ssize_t start_a = a->starts[a0], start_b = b->starts[b0];
    Py_ssize_t ia = 0, ib = 0;
    for (Py_ssize_t k = 0; k < ops.size; k++) {
        const Py_ssize_t n = ops.items[k].length;
        if (ops.items[k].op == EQUAL) {
            ia += n;
            ib += n;
        } else if (ops.items[k].op == DELETE) {
            if (add_range(ranges_a, start_a + ia, start_a + ia + n) < 0)
                goto done;
            ia += n;
        } else {
            if (add_range(ranges_b, start_b + ib, start_b + ib + n) < 0)
                goto done;
            ib += n;
        }
    }
    status = 1;
done:
    free(x);
    free(y);
    dmp_diffs_free(&ops);
    if (status == 1) {
        *chars_a = PyList_AsTuple(ranges_a);
        *chars_b = PyList_AsTuple(ranges_b);
    } else if (status == 0) {
        *chars_a = empty_tuple();
        *chars_b = empty_tuple();
    }
    Py_XDECREF(ranges_a);
    Py_XDECREF(ranges_b);
    if (status >= 0 && (!*chars_a || !*chars_b)) {
        Py_CLEAR(*chars_a);
        Py_CLEAR(*chars_b);
        return -1;
    }
    return status < 0 ? -1 : 0;
}

/* worddiff._label_edit: tokens [a0, a1) of A replaced by [b0, b1) of B inside a passage. */
static int label_edit(const Limits *limits, Side *a, Side *b, Py_ssize_t a0, Py_ssize_t a1, Py_ssize_t b0, Py_ssize_t b1,
                      int reordered, StretchList *out_a, StretchList *out_b) {
    if (a0 == a1 || b0 == b1) {
        Side *side = a0 == a1 ? b : a;
        StretchList *out = a0 == a1 ? out_b : out_a;
        const Py_ssize_t lo = a0 == a1 ? b0 : a0, hi = a0 == a1 ? b1 : a1;
        PyObject *none = empty_tuple();
        if (!none)
            return -1;
        if (side->words[hi] - side->words[lo] >= limits->min_only_words && !reordered)
            return stretches_add(out, lo, ONLY, 0, none);
        return stretches_add(out, lo, CHANGED, 1, none);
    }
    PyObject *chars_a = NULL, *chars_b = NULL;
    if (a1 - a0 <= limits->max_char_diff_tokens && b1 - b0 <= limits->max_char_diff_tokens) {
        if (char_differences(limits, a, b, a0, a1, b0, b1, &chars_a, &chars_b) < 0)
            return -1;
    } else {
        chars_a = empty_tuple();
        chars_b = empty_tuple();
        if (!chars_a || !chars_b) {
            Py_XDECREF(chars_a);
            Py_XDECREF(chars_b);
            return -1;
        }
    }
    if (stretches_add(out_a, a0, CHANGED, 1, chars_a) < 0) {
        Py_DECREF(chars_b);
        return -1;
    }
    return stretches_add(out_b, b0, CHANGED, 1, chars_b);
}

static PyObject *stretch_lists(const StretchList *list, PyObject *passage) {
    PyObject *firsts = PyList_New(list->size), *kinds = PyList_New(list->size),
             *passages = PyList_New(list->size), *chars = PyList_New(list->size);
    if (!firsts || !kinds || !passages || !chars)
        goto fail;
    for (Py_ssize_t k = 0; k < list->size; k++) {
        const Stretch *stretch = &list->items[k];
        PyObject *first = PyLong_FromSsize_t(stretch->first);
        if (!first)
            goto fail;
        PyList_SET_ITEM(firsts, k, first);
        PyObject *kind = kind_names[stretch->kind], *number = stretch->in_passage ? passage : Py_None;
        Py_INCREF(kind);
        PyList_SET_ITEM(kinds, k, kind);
        Py_INCREF(number);
        PyList_SET_ITEM(passages, k, number);
        Py_INCREF(stretch->chars);
        PyList_SET_ITEM(chars, k, stretch->chars);
    }
    return Py_BuildValue("(NNNN)", firsts, kinds, passages, chars);
fail:
    Py_XDECREF(firsts);
    Py_XDECREF(kinds);
    Py_XDECREF(passages);
    Py_XDECREF(chars);
    return NULL;
}

static int side_of(PyObject *doc, Py_buffer buffers[4], Side *side) {
    static const char *names[] = {"starts", "ends", "words_before", "content_before"};
    memset(buffers, 0, sizeof(Py_buffer) * 4);
    side->text = PyObject_GetAttrString(doc, "text");
    if (!side->text)
        return -1;
    Py_DECREF(side->text); /* the Document keeps it */
    if (!PyUnicode_Check(side->text)) {
        PyErr_SetString(PyExc_TypeError, "Document.text must be str");
        return -1;
    }
    for (int k = 0; k < 4; k++) {
        PyObject *values = PyObject_GetAttrString(doc, names[k]);
        if (!values)
            return -1;
        int failed = PyObject_GetBuffer(values, &buffers[k], PyBUF_FORMAT | PyBUF_C_CONTIGUOUS);
        Py_DECREF(values);
        if (failed < 0)
            return -1;
        if (buffers[k].itemsize != 8 || !buffers[k].format || strcmp(buffers[k].format, "q") != 0) {
            PyErr_Format(PyExc_TypeError, "Document.%s must be an array('q')", names[k]);
            return -1;
        }
    }
    side->starts = buffers[0].buf;
    side->ends = buffers[1].buf;
    side->words = buffers[2].buf;
    side->content = buffers[3].buf;
    side->n_tokens = buffers[0].len / 8;
    if (buffers[1].len / 8 != side->n_tokens || buffers[2].len / 8 != side->n_tokens + 1 ||
        buffers[3].len / 8 != side->n_tokens + 1) {
        PyErr_SetString(PyExc_ValueError, "a Document's arrays disagree in length");
        return -1;
    }
    return 0;
}

/* BlockDiffer(da, db, weak, max_char_diff_tokens, min_spelling_overlap, min_only_words,
 * max_diff_cells): the
 * labelling of the blocks of one pair of Documents, with the Documents' arrays looked up once
 * rather than per block. `weak`: a byte per id, nonzero for function words and punctuation
 * (Vocabulary.flags). The word diff runs on the token ids themselves, so any number of distinct
 * words fits. */
typedef struct {
    int op;
    Py_ssize_t length;
} Op;

typedef struct {
    PyObject_HEAD
    PyObject *da, *db, *ids, *ids_b;
    Py_buffer buffers_a[4], buffers_b[4], weak;
    Side a, b;
    Limits limits;
    int ready;
    /* the word diff of the last token ranges: the engine labels one block up to three times
     * (in order, then order-free), and a block over a whole shuffled text costs seconds */
    Py_ssize_t cached[4];
    Op *ops;
    Py_ssize_t n_ops;
} BlockDiffer;

/* The word diff of tokens [a0, a1) of A and [b0, b1) of B in self->ops (reused when it is the
 * last one asked for); -1 with a Python error. */
static int word_diff(BlockDiffer *self, Py_ssize_t a0, Py_ssize_t a1, Py_ssize_t b0, Py_ssize_t b1) {
    const Py_ssize_t range[4] = {a0, a1, b0, b1};
    if (self->ops && memcmp(range, self->cached, sizeof range) == 0)
        return 0;
    free(self->ops);
    self->ops = NULL;
    Diffs diffs = {0};
    int status = -1;
    Char *x = malloc(sizeof(Char) * (size_t)(a1 - a0 + 1));
    Char *y = malloc(sizeof(Char) * (size_t)(b1 - b0 + 1));
    if (!x || !y) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = a0; k < a1; k++)
        x[k - a0] = (Char)PyLong_AsUnsignedLong(PyList_GET_ITEM(self->ids, k));
    for (Py_ssize_t k = b0; k < b1; k++)
        y[k - b0] = (Char)PyLong_AsUnsignedLong(PyList_GET_ITEM(self->ids_b, k));
    if (PyErr_Occurred())
        goto done;
    dmp_diff_bounded(&diffs, x, a1 - a0, y, b1 - b0, self->limits.max_diff_cells);
    Op *ops = diffs.failed ? NULL : malloc(sizeof(Op) * (size_t)(diffs.size ? diffs.size : 1));
    if (!ops) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < diffs.size; k++)
        ops[k] = (Op){diffs.items[k].op, diffs.items[k].length};
    self->ops = ops;
    self->n_ops = diffs.size;
    memcpy(self->cached, range, sizeof range);
    status = 0;
done:
    dmp_diffs_free(&diffs);
    free(x);
    free(y);
    return status;
}

static void differ_dealloc(BlockDiffer *self) {
    for (int k = 0; k < 4; k++) {
        if (self->buffers_a[k].obj)
            PyBuffer_Release(&self->buffers_a[k]);
        if (self->buffers_b[k].obj)
            PyBuffer_Release(&self->buffers_b[k]);
    }
    if (self->weak.obj)
        PyBuffer_Release(&self->weak);
    Py_XDECREF(self->da);
    Py_XDECREF(self->db);
    Py_XDECREF(self->ids);
    Py_XDECREF(self->ids_b);
    free(self->ops);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int differ_init(BlockDiffer *self, PyObject *args, PyObject *kwargs) {
    PyObject *da, *db;
    if (self->ready) {
        PyErr_SetString(PyExc_TypeError, "a BlockDiffer is made once");
        return -1;
    }
    if (!PyArg_ParseTuple(args, "OOy*ndnd", &da, &db, &self->weak, &self->limits.max_char_diff_tokens,
                          &self->limits.min_spelling_overlap, &self->limits.min_only_words,
                          &self->limits.max_diff_cells))
        return -1;
    Py_INCREF(da);
    Py_INCREF(db);
    self->da = da;
    self->db = db;
    if (side_of(da, self->buffers_a, &self->a) < 0 || side_of(db, self->buffers_b, &self->b) < 0)
        return -1;
    self->ids = PyObject_GetAttrString(da, "ids");
    self->ids_b = PyObject_GetAttrString(db, "ids");
    if (!self->ids || !self->ids_b)
        return -1;
    if (!PyList_Check(self->ids) || PyList_GET_SIZE(self->ids) != self->a.n_tokens || !PyList_Check(self->ids_b) ||
        PyList_GET_SIZE(self->ids_b) != self->b.n_tokens) {
        PyErr_SetString(PyExc_TypeError, "a Document's ids do not fit its tokens");
        return -1;
    }
    self->ready = 1;
    return 0;
}

/* differ.diff(a0, a1, b0, b1, passage, reordered)
 *   -> (stretches_a, stretches_b, span_a, span_b, equal, equal_content, longest, words_a, words_b)
 * worddiff.diff_block on tokens [a0, a1) of A and [b0, b1) of B. Each stretches_x is the lists
 * (firsts, kinds, passages, chars) of worddiff.Stretches; no equal word gives empty lists and
 * spans (a0, a0), (b0, b0). */
static PyObject *differ_diff(BlockDiffer *self, PyObject *args) {
    PyObject *passage;
    Py_ssize_t a0, a1, b0, b1;
    int reordered;
    if (!self->ready) {
        PyErr_SetString(PyExc_TypeError, "BlockDiffer not initialised");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "nnnnO!p", &a0, &a1, &b0, &b1, &PyLong_Type, &passage, &reordered))
        return NULL;
    Side *a = &self->a, *b = &self->b;
    StretchList out_a = {0}, out_b = {0};
    PyObject *result = NULL, *ids = self->ids;
    if (a0 < 0 || a0 > a1 || a1 > a->n_tokens || b0 < 0 || b0 > b1 || b1 > b->n_tokens) {
        PyErr_SetString(PyExc_ValueError, "token range outside the document");
        goto done;
    }
    if (word_diff(self, a0, a1, b0, b1) < 0)
        goto done;
    const Op *ops = self->ops;
    const Py_ssize_t n_ops = self->n_ops;
    const unsigned char *is_weak = self->weak.buf;
    const Py_ssize_t n_weak = self->weak.len;
    Py_ssize_t ia = a0, ib = b0, start_a = -1, start_b = -1, edit_a = -1, edit_b = -1;
    int64_t equal = 0, equal_content = 0, longest = 0;
    for (Py_ssize_t k = 0; k < n_ops; k++) {
        const int op = ops[k].op;
        const Py_ssize_t n = ops[k].length;
        if (op != EQUAL) {
            if (edit_a < 0) {
                edit_a = ia;
                edit_b = ib;
            }
            if (op == DELETE)
                ia += n;
            else
                ib += n;
            continue;
        }
        if (edit_a >= 0) {
            /* one or two function words equal between two edits belong to one rewording */
            if (n <= 2 && k < n_ops - 1 && ops[k + 1].op != EQUAL) {
                int all_weak = 1;
                for (Py_ssize_t t = ia; t < ia + n && all_weak; t++) {
                    const long long id = PyLong_AsLongLong(PyList_GET_ITEM(ids, t));
                    all_weak = id >= 0 && id < n_weak && is_weak[id];
                }
                if (all_weak) {
                    ia += n;
                    ib += n;
                    continue;
                }
            }
            /* a one-sided edit at the start is not aligned material */
            if (start_a >= 0 || reordered || (edit_a < ia && edit_b < ib)) {
                if (label_edit(&self->limits, a, b, edit_a, ia, edit_b, ib, reordered, &out_a, &out_b) < 0)
                    goto done;
                if (start_a < 0) {
                    start_a = edit_a;
                    start_b = edit_b;
                }
            }
            edit_a = -1;
        }
        if (start_a < 0) {
            start_a = ia;
            start_b = ib;
        }
        PyObject *none_a = empty_tuple(), *none_b = empty_tuple();
        if (!none_a || !none_b) {
            Py_XDECREF(none_a);
            Py_XDECREF(none_b);
            goto done;
        }
        if (stretches_add(&out_a, ia, SAME, 1, none_a) < 0) {
            Py_DECREF(none_b);
            goto done;
        }
        if (stretches_add(&out_b, ib, SAME, 1, none_b) < 0)
            goto done;
        const int64_t run = a->words[ia + n] - a->words[ia];
        equal += run;
        longest = run > longest ? run : longest;
        equal_content += a->content[ia + n] - a->content[ia];
        ia += n;
        ib += n;
    }
    if (start_a < 0) {
        result = Py_BuildValue("(((),(),(),()),((),(),(),()),(nn),(nn),iiiii)", a0, a0, b0, b0, 0, 0, 0, 0, 0);
        goto done;
    }
    if (edit_a >= 0) {
        if (reordered || (edit_a < ia && edit_b < ib)) {
            if (label_edit(&self->limits, a, b, edit_a, ia, edit_b, ib, reordered, &out_a, &out_b) < 0)
                goto done;
        } else { /* ...nor is one at the end */
            ia = edit_a;
            ib = edit_b;
        }
    }
    result = Py_BuildValue("(NN(nn)(nn)LLLLL)", stretch_lists(&out_a, passage), stretch_lists(&out_b, passage),
                           start_a, ia, start_b, ib, (long long)equal, (long long)equal_content, (long long)longest,
                           (long long)(a->words[ia] - a->words[start_a]), (long long)(b->words[ib] - b->words[start_b]));
done:
    stretches_free(&out_a);
    stretches_free(&out_b);
    return result;
}

static PyMethodDef differ_methods[] = {
    {"diff", (PyCFunction)differ_diff, METH_VARARGS, "The labelled stretches of one block."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject BlockDifferType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "reader.compare._diff.BlockDiffer",
    .tp_basicsize = sizeof(BlockDiffer),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "worddiff.diff_block for the blocks of one pair of Documents.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)differ_init,
    .tp_dealloc = (destructor)differ_dealloc,
    .tp_methods = differ_methods,
};

int blockdiff_ready(void) {
    const char *kinds[] = {"same", "changed", "only"};
    for (int k = 0; k < 3; k++)
        if (!kind_names[k] && !(kind_names[k] = PyUnicode_InternFromString(kinds[k])))
            return -1;
    return PyType_Ready(&BlockDifferType);
}
