/* The _bags extension: word bags of stretches of two texts, counted in C for reader/compare/bags.py
 * and edges.py. Words are the int ids of Document.word_ids (Python lists); a bag is a small open
 * addressing table of id -> count, made per call (no state: compares may run in threads).
 *
 * shared(x, x0, x1, y, y0, y1): how many words x[x0:x1] and y[y0:y1] share, as multisets.
 * tighten(wa, wb, a0, a1, b0, b1, edge_search): edges.tighten's edge search, -> (a0, a1, b0, b1, dice).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int64_t key; /* word id + 1; 0: an empty slot */
    Py_ssize_t count[2];
} Slot;

typedef struct {
    Slot *slots;
    size_t mask;
    Slot local[64]; /* small bags need no allocation */
} Bag;

static int bag_init(Bag *bag, Py_ssize_t words) {
    size_t capacity = 16;
    while (capacity < 2 * (size_t)words)
        capacity *= 2;
    if (capacity <= sizeof bag->local / sizeof bag->local[0]) {
        bag->slots = bag->local;
        memset(bag->slots, 0, sizeof(Slot) * capacity);
    } else if (!(bag->slots = calloc(capacity, sizeof(Slot)))) {
        PyErr_NoMemory();
        return -1;
    }
    bag->mask = capacity - 1;
    return 0;
}

static void bag_free(Bag *bag) {
    if (bag->slots != bag->local)
        free(bag->slots);
}

/* The slot of `id`, made empty-counted when new (the table has room: sized for every word). */
static Slot *bag_slot(Bag *bag, int64_t id) {
    const int64_t key = id + 1;
    size_t at = (size_t)((uint64_t)key * 0x9E3779B97F4A7C15ULL >> 20) & bag->mask;
    while (bag->slots[at].key && bag->slots[at].key != key)
        at = (at + 1) & bag->mask;
    bag->slots[at].key = key;
    return &bag->slots[at];
}

/* Its slot if `id` is in the bag, else NULL. */
static Slot *bag_find(const Bag *bag, int64_t id) {
    const int64_t key = id + 1;
    size_t at = (size_t)((uint64_t)key * 0x9E3779B97F4A7C15ULL >> 20) & bag->mask;
    while (bag->slots[at].key) {
        if (bag->slots[at].key == key)
            return &bag->slots[at];
        at = (at + 1) & bag->mask;
    }
    return NULL;
}

/* words[lo:hi] of a list of ints, its bounds adjusted as a slice's are (-1 with a Python error when
 * `words` is no list). */
static int slice_of(PyObject *words, Py_ssize_t *lo, Py_ssize_t *hi) {
    if (!PyList_Check(words)) {
        PyErr_SetString(PyExc_TypeError, "word ids must be a list");
        return -1;
    }
    PySlice_AdjustIndices(PyList_GET_SIZE(words), lo, hi, 1);
    if (*hi < *lo)
        *hi = *lo;
    return 0;
}

/* The same for a block's edges, which must lie inside the list. */
static int check_range(PyObject *words, Py_ssize_t lo, Py_ssize_t hi) {
    if (!PyList_Check(words)) {
        PyErr_SetString(PyExc_TypeError, "word ids must be a list");
        return -1;
    }
    if (lo < 0 || hi < lo || hi > PyList_GET_SIZE(words)) {
        PyErr_SetString(PyExc_IndexError, "word range outside the list");
        return -1;
    }
    return 0;
}

static int64_t word_at(PyObject *words, Py_ssize_t k) { return PyLong_AsLongLong(PyList_GET_ITEM(words, k)); }

static PyObject *shared(PyObject *self, PyObject *args) {
    PyObject *x, *y;
    Py_ssize_t x0, x1, y0, y1;
    if (!PyArg_ParseTuple(args, "OnnOnn", &x, &x0, &x1, &y, &y0, &y1))
        return NULL;
    if (slice_of(x, &x0, &x1) < 0 || slice_of(y, &y0, &y1) < 0)
        return NULL;
    Bag bag;
    if (bag_init(&bag, x1 - x0) < 0)
        return NULL;
    for (Py_ssize_t k = x0; k < x1; k++)
        bag_slot(&bag, word_at(x, k))->count[0]++;
    Py_ssize_t common = 0;
    for (Py_ssize_t k = y0; k < y1; k++) {
        Slot *slot = bag_find(&bag, word_at(y, k));
        if (slot && slot->count[0] > 0) {
            slot->count[0]--;
            common++;
        }
    }
    bag_free(&bag);
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(common);
}

/* Move each edge inward (up to edge_search words) to where Dice is highest, edges a0, a1, b0, b1
 * in turn, each seeing the bags as the edges before it left them (edges.tighten says why). */
static PyObject *tighten(PyObject *self, PyObject *args) {
    PyObject *sides[2];
    Py_ssize_t edges[4], edge_search;
    if (!PyArg_ParseTuple(args, "OOnnnnn", &sides[0], &sides[1], &edges[0], &edges[1], &edges[2], &edges[3],
                          &edge_search))
        return NULL;
    if (check_range(sides[0], edges[0], edges[1]) < 0 || check_range(sides[1], edges[2], edges[3]) < 0)
        return NULL;
    Bag bag;
    if (bag_init(&bag, (edges[1] - edges[0]) + (edges[3] - edges[2])) < 0)
        return NULL;
    for (int side = 0; side < 2; side++)
        for (Py_ssize_t k = edges[2 * side]; k < edges[2 * side + 1]; k++)
            bag_slot(&bag, word_at(sides[side], k))->count[side]++;
    if (PyErr_Occurred()) { /* (a word that is no int: every later look-up finds its slot) */
        bag_free(&bag);
        return NULL;
    }
    Py_ssize_t inter = 0;
    for (size_t k = 0; k <= bag.mask; k++)
        if (bag.slots[k].key)
            inter += bag.slots[k].count[0] < bag.slots[k].count[1] ? bag.slots[k].count[0] : bag.slots[k].count[1];
    Py_ssize_t total = (edges[1] - edges[0]) + (edges[3] - edges[2]);
    Slot **removed = malloc(sizeof(Slot *) * (size_t)(edge_search > 0 ? edge_search : 1));
    char *was_shared = malloc((size_t)(edge_search > 0 ? edge_search : 1));
    if (!removed || !was_shared) {
        free(removed);
        free(was_shared);
        bag_free(&bag);
        return PyErr_NoMemory();
    }
    for (int edge = 0; edge < 4; edge++) {
        const int side = edge / 2, step = edge % 2 == 0 ? 1 : -1;
        PyObject *words = sides[side];
        const Py_ssize_t origin = edges[edge], length = edges[2 * side + 1] - edges[2 * side];
        double best = total ? 2.0 * (double)inter / (double)total : 0.0;
        Py_ssize_t best_shift = 0, shifts = length - 2 < edge_search ? length - 2 : edge_search;
        for (Py_ssize_t shift = 1; shift <= shifts; shift++) {
            Slot *slot = bag_find(&bag, word_at(words, step == 1 ? origin + shift - 1 : origin - shift));
            /* (every word inside the block is in the bag) */
            const int is_shared = slot->count[side] <= slot->count[1 - side];
            slot->count[side]--;
            removed[shift - 1] = slot;
            was_shared[shift - 1] = (char)is_shared;
            inter -= is_shared;
            const double score = 2.0 * (double)inter / (double)(total - shift);
            if (score > best) {
                best = score;
                best_shift = shift;
            }
        }
        for (Py_ssize_t k = best_shift; k < (shifts > 0 ? shifts : 0); k++) { /* put back what the cut keeps */
            removed[k]->count[side]++;
            inter += was_shared[k];
        }
        total -= best_shift;
        edges[edge] = origin + step * best_shift;
    }
    free(removed);
    free(was_shared);
    bag_free(&bag);
    if (PyErr_Occurred())
        return NULL;
    const double dice = total ? 2.0 * (double)inter / (double)total : 0.0;
    return Py_BuildValue("(nnnnd)", edges[0], edges[1], edges[2], edges[3], dice);
}

static PyMethodDef methods[] = {
    {"shared", shared, METH_VARARGS, "shared(x, x0, x1, y, y0, y1): words x[x0:x1] and y[y0:y1] share (bags)."},
    {"tighten", tighten, METH_VARARGS, "tighten(wa, wb, a0, a1, b0, b1, edge_search) -> (a0, a1, b0, b1, dice)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_bags", NULL, -1, methods};

PyMODINIT_FUNC PyInit__bags(void) { return PyModule_Create(&module); }
