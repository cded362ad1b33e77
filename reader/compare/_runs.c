/* Seeds and exact runs in C: an optional accelerator for reader/compare/anchors.py, which keeps a
 * pure-Python twin of each function with the same results (tests/test_engine_accel.py).
 *
 * Word ids arrive as Python lists of small ints (Document.word_ids) and are copied once into C
 * arrays; pairs and counts go back as bytes of native int64 (array('q').frombytes).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NGRAM 3 /* anchors.NGRAM */

static int64_t *ids_of(PyObject *list, Py_ssize_t *size) {
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "word ids must be a list");
        return NULL;
    }
    const Py_ssize_t n = PyList_GET_SIZE(list);
    int64_t *out = malloc((size_t)(n ? n : 1) * sizeof(int64_t));
    if (!out) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        out[k] = PyLong_AsLongLong(PyList_GET_ITEM(list, k));
        if (out[k] < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "word ids must not be negative");
            free(out);
            return NULL;
        }
    }
    *size = n;
    return out;
}

static int64_t *counts_of(const int64_t *words, Py_ssize_t n, int64_t n_ids) {
    int64_t *counts = calloc((size_t)(n_ids ? n_ids : 1), sizeof(int64_t));
    if (!counts) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++)
        counts[words[k]]++;
    return counts;
}

/* ---- n-grams that occur once in each text: an open-addressing table keyed by the ids ---------- */

typedef struct {
    int32_t key[NGRAM];
    int32_t count_a, count_b, at_a, at_b; /* count_a == 0: empty */
} GramSlot; /* 28 bytes: two million of them stay cheap to clear and to probe */

static uint64_t gram_hash(const int32_t *key) {
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (int k = 0; k < NGRAM; k++) {
        h ^= (uint64_t)key[k] + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ULL;
    }
    return h ^ (h >> 31);
}

/* The slot of `key`, or the empty slot where it would go. */
static GramSlot *gram_slot(GramSlot *slots, size_t mask, const int64_t *words) {
    int32_t key[NGRAM];
    for (int k = 0; k < NGRAM; k++)
        key[k] = (int32_t)words[k];
    size_t at = gram_hash(key) & mask;
    while (slots[at].count_a && memcmp(slots[at].key, key, sizeof(key)) != 0)
        at = (at + 1) & mask;
    if (!slots[at].count_a)
        memcpy(slots[at].key, key, sizeof(key));
    return &slots[at];
}

typedef struct {
    int64_t i, j;
} Pair;

/* unique_seeds(wa, wb, stop) -> (pairs, counts_a, counts_b)
 * pairs: int64 (i, j) of every content word (id not in the set `stop`) and every word trigram that
 * occurs exactly once in each text, sorted; counts: occurrences of each id below the largest + 1,
 * per text. Same pairs as anchors._unique_seeds before its fallback for repetitive texts. */
static PyObject *unique_seeds(PyObject *self, PyObject *args) {
    PyObject *list_a, *list_b, *stop;
    if (!PyArg_ParseTuple(args, "OOO!", &list_a, &list_b, &PySet_Type, &stop))
        return NULL;
    PyObject *result = NULL;
    Py_ssize_t na = 0, nb = 0, n_pairs = 0;
    int64_t n_ids = 0;
    unsigned char *is_stop = NULL;
    int64_t *wa = NULL, *wb = NULL, *count_a = NULL, *count_b = NULL, *where_b = NULL, *gram_at_b = NULL;
    GramSlot *slots = NULL;
    Pair *pairs = NULL;
    if (!(wa = ids_of(list_a, &na)) || !(wb = ids_of(list_b, &nb)))
        goto done;
    for (Py_ssize_t k = 0; k < na; k++)
        n_ids = wa[k] >= n_ids ? wa[k] + 1 : n_ids;
    for (Py_ssize_t k = 0; k < nb; k++)
        n_ids = wb[k] >= n_ids ? wb[k] + 1 : n_ids;
    if (n_ids > INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "word ids must fit in 32 bits");
        goto done;
    }
    if (!(is_stop = calloc((size_t)(n_ids ? n_ids : 1), 1))) {
        PyErr_NoMemory();
        goto done;
    }
    {
        Py_ssize_t pos = 0;
        PyObject *item;
        Py_hash_t hash;
        while (_PySet_NextEntry(stop, &pos, &item, &hash)) {
            const long long id = PyLong_AsLongLong(item);
            if (id == -1 && PyErr_Occurred())
                goto done;
            if (id >= 0 && id < n_ids)
                is_stop[id] = 1;
        }
    }
    if (!(count_a = counts_of(wa, na, n_ids)) || !(count_b = counts_of(wb, nb, n_ids)))
        goto done;
    const Py_ssize_t grams_a = na >= NGRAM ? na - NGRAM + 1 : 0;
    const Py_ssize_t grams_b = nb >= NGRAM ? nb - NGRAM + 1 : 0;
    pairs = malloc(sizeof(Pair) * (size_t)(na + grams_a + 1));
    where_b = malloc(sizeof(int64_t) * (size_t)(n_ids ? n_ids : 1));
    size_t capacity = 1024;
    while (capacity < 2 * (size_t)grams_a)
        capacity *= 2;
    slots = calloc(capacity, sizeof(GramSlot));
    if (!pairs || !where_b || !slots) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t j = 0; j < nb; j++)
        where_b[wb[j]] = j;
    for (Py_ssize_t i = 0; i < grams_a; i++) {
        GramSlot *slot = gram_slot(slots, capacity - 1, wa + i);
        slot->count_a++;
        slot->at_a = (int32_t)i;
    }
    for (Py_ssize_t j = 0; j < grams_b; j++) {
        GramSlot *slot = gram_slot(slots, capacity - 1, wb + j);
        if (slot->count_a) { /* n-grams of B alone are never entered */
            slot->count_b++;
            slot->at_b = (int32_t)j;
        }
    }
    /* gram_at_b[i]: where in B the n-gram starting at word i of A is, when unique to both; the
     * pairs then come out in order of i with no sort */
    gram_at_b = malloc(sizeof(int64_t) * (size_t)(grams_a ? grams_a : 1));
    if (!gram_at_b) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < grams_a; i++)
        gram_at_b[i] = -1;
    for (size_t k = 0; k < capacity; k++)
        if (slots[k].count_a == 1 && slots[k].count_b == 1)
            gram_at_b[slots[k].at_a] = slots[k].at_b;
    for (Py_ssize_t i = 0; i < na; i++) {
        const int64_t w = wa[i];
        const int64_t word_j = (count_a[w] == 1 && count_b[w] == 1 && !is_stop[w]) ? where_b[w] : -1;
        const int64_t gram_j = i < grams_a ? gram_at_b[i] : -1;
        /* both kinds at one i: sorted by j, as anchors._unique_seeds' sort leaves them */
        const int64_t first = (word_j >= 0 && (gram_j < 0 || word_j <= gram_j)) ? word_j : gram_j;
        const int64_t second = first == word_j ? gram_j : word_j;
        if (first >= 0)
            pairs[n_pairs++] = (Pair){i, first};
        if (second >= 0)
            pairs[n_pairs++] = (Pair){i, second};
    }
    result = Py_BuildValue("(NNN)", PyBytes_FromStringAndSize((const char *)pairs, n_pairs * (Py_ssize_t)sizeof(Pair)),
                           PyBytes_FromStringAndSize((const char *)count_a, n_ids * 8),
                           PyBytes_FromStringAndSize((const char *)count_b, n_ids * 8));
done:
    free(is_stop);
    free(wa);
    free(wb);
    free(count_a);
    free(count_b);
    free(where_b);
    free(gram_at_b);
    free(slots);
    free(pairs);
    return result;
}

/* exact_runs(wa, wb, seeds) -> [(i0, j0, length, True)]: anchors._exact_runs. Each seed (sorted
 * int64 pairs) grows both ways while the words agree; a seed inside a run already grown on its
 * diagonal is skipped. */
static PyObject *exact_runs(PyObject *self, PyObject *args) {
    PyObject *list_a, *list_b;
    Py_buffer seeds;
    if (!PyArg_ParseTuple(args, "OOy*", &list_a, &list_b, &seeds))
        return NULL;
    PyObject *runs = NULL;
    Py_ssize_t na = 0, nb = 0;
    int64_t *wa = NULL, *wb = NULL, *reach = NULL;
    if (!(wa = ids_of(list_a, &na)) || !(wb = ids_of(list_b, &nb)))
        goto done;
    /* reach[d + na]: 1 + end in A of the last run grown on diagonal d = j - i, 0 for none. calloc
     * maps zero pages lazily: only the few diagonals that hold runs cost memory and page faults */
    reach = calloc((size_t)(na + nb + 1), sizeof(int64_t));
    runs = PyList_New(0);
    if (!reach || !runs) {
        if (!reach)
            PyErr_NoMemory();
        goto fail;
    }
    const Pair *pairs = seeds.buf;
    const Py_ssize_t n_seeds = seeds.len / (Py_ssize_t)sizeof(Pair);
    for (Py_ssize_t k = 0; k < n_seeds; k++) {
        const int64_t i = pairs[k].i, j = pairs[k].j;
        if (i < 0 || j < 0 || i >= na || j >= nb) {
            PyErr_SetString(PyExc_ValueError, "seed outside the texts");
            goto fail;
        }
        int64_t *diagonal_reach = &reach[j - i + na];
        if (*diagonal_reach - 1 > i)
            continue;
        int64_t i0 = i, j0 = j, i1 = i + 1, j1 = j + 1;
        while (i0 > 0 && j0 > 0 && wa[i0 - 1] == wb[j0 - 1]) {
            i0--;
            j0--;
        }
        while (i1 < na && j1 < nb && wa[i1] == wb[j1]) {
            i1++;
            j1++;
        }
        *diagonal_reach = i1 + 1;
        PyObject *run = Py_BuildValue("(LLLO)", (long long)i0, (long long)j0, (long long)(i1 - i0), Py_True);
        if (!run || PyList_Append(runs, run) < 0) {
            Py_XDECREF(run);
            goto fail;
        }
        Py_DECREF(run);
    }
    goto done;
fail:
    Py_CLEAR(runs);
done:
    free(wa);
    free(wb);
    free(reach);
    PyBuffer_Release(&seeds);
    return runs;
}

/* chain_runs(runs, chain_gap, slack) -> [(a0, a1, b0, b1, exact, [run, ...]), ...]: the chains of
 * anchors._chain_runs (runs already sorted), each with its bounding box and its words in runs. Each run joins the open chain it follows most closely in both texts (gaps within
 * chain_gap, overlaps within slack); chains left behind by more than chain_gap words close. */
typedef struct {
    PyObject *list;
    int64_t end_i, end_j;               /* of the last run: where the next one must follow */
    int64_t a0, a1, b0, b1, exact;      /* bounding box, words in runs */
} OpenChain;

static int close_chain(PyObject *done, OpenChain *chain) {
    PyObject *item = Py_BuildValue("(LLLLLO)", (long long)chain->a0, (long long)chain->a1,
                                   (long long)chain->b0, (long long)chain->b1, (long long)chain->exact,
                                   chain->list);
    int failed = !item || PyList_Append(done, item) < 0;
    Py_XDECREF(item);
    Py_CLEAR(chain->list);
    return failed ? -1 : 0;
}

static PyObject *chain_runs(PyObject *self, PyObject *args) {
    PyObject *runs;
    long long chain_gap, slack;
    if (!PyArg_ParseTuple(args, "O!LL", &PyList_Type, &runs, &chain_gap, &slack))
        return NULL;
    const Py_ssize_t n = PyList_GET_SIZE(runs);
    OpenChain *open = malloc(sizeof(OpenChain) * (size_t)(n ? n : 1));
    Py_ssize_t n_open = 0;
    PyObject *done = PyList_New(0);
    if (!open || !done) {
        if (!open)
            PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *run = PyList_GET_ITEM(runs, k);
        long long i0, j0, length;
        PyObject *unique;
        if (!PyArg_ParseTuple(run, "LLLO", &i0, &j0, &length, &unique))
            goto fail;
        Py_ssize_t best = -1, kept = 0;
        long long best_cost = 0;
        for (Py_ssize_t c = 0; c < n_open; c++) {
            const long long gap_i = i0 - open[c].end_i, gap_j = j0 - open[c].end_j;
            if (gap_i > chain_gap) {
                if (close_chain(done, &open[c]) < 0)
                    goto fail;
                continue;
            }
            open[kept] = open[c];
            if (kept != c)
                open[c].list = NULL;
            if (-slack <= gap_i && -slack <= gap_j && gap_j <= chain_gap) {
                const long long cost = (gap_i > 0 ? gap_i : 0) + (gap_j < 0 ? -gap_j : gap_j);
                if (best < 0 || cost < best_cost) {
                    best = kept;
                    best_cost = cost;
                }
            }
            kept++;
        }
        n_open = kept;
        if (best < 0) {
            PyObject *chain = PyList_New(1);
            if (!chain)
                goto fail;
            Py_INCREF(run);
            PyList_SET_ITEM(chain, 0, run);
            open[n_open++] = (OpenChain){chain, i0 + length, j0 + length, i0, i0 + length, j0, j0 + length, length};
        } else {
            OpenChain *chain = &open[best];
            if (PyList_Append(chain->list, run) < 0)
                goto fail;
            chain->end_i = i0 + length;
            chain->end_j = j0 + length;
            chain->a0 = i0 < chain->a0 ? i0 : chain->a0;
            chain->a1 = i0 + length > chain->a1 ? i0 + length : chain->a1;
            chain->b0 = j0 < chain->b0 ? j0 : chain->b0;
            chain->b1 = j0 + length > chain->b1 ? j0 + length : chain->b1;
            chain->exact += length;
        }
    }
    for (Py_ssize_t c = 0; c < n_open; c++)
        if (close_chain(done, &open[c]) < 0)
            goto fail;
    free(open);
    return done;
fail:
    for (Py_ssize_t c = 0; open && c < n_open; c++)
        Py_XDECREF(open[c].list);
    free(open);
    Py_XDECREF(done);
    return NULL;
}

/* cluster(anchors, grid) -> [[anchor, ...], ...]: anchors._cluster. Anchors (i, j, length,
 * unique) fall in cells of grid x grid positions; cells that touch (8 ways) form one cluster.
 * Clusters come in the order of their first cell, each cell's anchors in their order, cells in
 * the order their first anchor came: the Python twin's order, whatever union-find does inside. */
typedef struct {
    int64_t ci, cj;
    int64_t cell; /* -1: empty slot */
} CellSlot;

static uint64_t cell_hash(int64_t ci, int64_t cj) {
    uint64_t h = (uint64_t)ci * 0x9E3779B97F4A7C15ULL ^ ((uint64_t)cj + 0x632BE59BD9B4E019ULL);
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 31);
}

static int64_t cell_find(const CellSlot *slots, size_t mask, int64_t ci, int64_t cj) {
    for (size_t at = cell_hash(ci, cj) & mask; slots[at].cell >= 0; at = (at + 1) & mask)
        if (slots[at].ci == ci && slots[at].cj == cj)
            return slots[at].cell;
    return -1;
}

static int64_t root_of(int64_t *parent, int64_t cell) {
    while (parent[cell] != cell) {
        parent[cell] = parent[parent[cell]];
        cell = parent[cell];
    }
    return cell;
}

static PyObject *cluster(PyObject *self, PyObject *args) {
    PyObject *anchors;
    long long grid;
    if (!PyArg_ParseTuple(args, "O!L", &PyList_Type, &anchors, &grid))
        return NULL;
    if (grid <= 0) {
        PyErr_SetString(PyExc_ValueError, "grid must be positive");
        return NULL;
    }
    const Py_ssize_t n = PyList_GET_SIZE(anchors);
    size_t capacity = 16;
    while (capacity < 2 * (size_t)n + 2)
        capacity *= 2;
    CellSlot *slots = malloc(sizeof(CellSlot) * capacity);
    int64_t *cell_of = malloc(sizeof(int64_t) * (size_t)(n + 1)); /* per anchor */
    int64_t *keys = malloc(sizeof(int64_t) * 2 * (size_t)(n + 1));  /* per cell: ci, cj */
    int64_t *parent = malloc(sizeof(int64_t) * (size_t)(n + 1));
    int64_t *group_of = malloc(sizeof(int64_t) * (size_t)(n + 1)); /* per root cell */
    PyObject *groups = PyList_New(0), *result = NULL;
    if (!slots || !cell_of || !keys || !parent || !group_of || !groups) {
        if (groups)
            PyErr_NoMemory();
        goto done;
    }
    for (size_t k = 0; k < capacity; k++)
        slots[k].cell = -1;
    int64_t n_cells = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *anchor = PyList_GET_ITEM(anchors, k);
        if (!PyTuple_Check(anchor) || PyTuple_GET_SIZE(anchor) < 2) {
            PyErr_SetString(PyExc_TypeError, "anchors must be tuples (i, j, length, unique)");
            goto done;
        }
        const long long i = PyLong_AsLongLong(PyTuple_GET_ITEM(anchor, 0));
        const long long j = PyLong_AsLongLong(PyTuple_GET_ITEM(anchor, 1));
        if ((i == -1 || j == -1) && PyErr_Occurred())
            goto done;
        if (i < 0 || j < 0) {
            PyErr_SetString(PyExc_ValueError, "anchor positions must not be negative");
            goto done;
        }
        const int64_t ci = i / grid, cj = j / grid;
        size_t at = cell_hash(ci, cj) & (capacity - 1);
        while (slots[at].cell >= 0 && !(slots[at].ci == ci && slots[at].cj == cj))
            at = (at + 1) & (capacity - 1);
        if (slots[at].cell < 0) {
            slots[at] = (CellSlot){ci, cj, n_cells};
            keys[2 * n_cells] = ci;
            keys[2 * n_cells + 1] = cj;
            parent[n_cells] = n_cells;
            n_cells++;
        }
        cell_of[k] = slots[at].cell;
    }
    static const int64_t steps[4][2] = {{1, -1}, {1, 0}, {1, 1}, {0, 1}};
    for (int64_t c = 0; c < n_cells; c++) {
        for (int s = 0; s < 4; s++) {
            const int64_t other = cell_find(slots, capacity - 1, keys[2 * c] + steps[s][0], keys[2 * c + 1] + steps[s][1]);
            if (other >= 0) {
                const int64_t ra = root_of(parent, c), rb = root_of(parent, other);
                if (ra != rb)
                    parent[rb] = ra;
            }
        }
    }
    /* group index of each root, in the order of the first cell of each group */
    for (int64_t c = 0; c < n_cells; c++)
        group_of[c] = -1;
    int64_t *first_cell_group = malloc(sizeof(int64_t) * (size_t)(n_cells + 1));
    if (!first_cell_group) {
        PyErr_NoMemory();
        goto done;
    }
    int64_t n_groups = 0;
    for (int64_t c = 0; c < n_cells; c++) {
        const int64_t r = root_of(parent, c);
        if (group_of[r] < 0)
            group_of[r] = n_groups++;
        first_cell_group[c] = group_of[r];
    }
    /* members: cell by cell in cell order, each cell's anchors in their order */
    int64_t *cell_head = malloc(sizeof(int64_t) * 2 * (size_t)(n_cells + 1) + sizeof(int64_t) * (size_t)(n + 1));
    if (!cell_head) {
        free(first_cell_group);
        PyErr_NoMemory();
        goto done;
    }
    int64_t *cell_tail = cell_head + n_cells + 1, *next = cell_tail + n_cells + 1;
    for (int64_t c = 0; c < n_cells; c++)
        cell_head[c] = cell_tail[c] = -1;
    for (Py_ssize_t k = 0; k < n; k++) {
        const int64_t c = cell_of[k];
        next[k] = -1;
        if (cell_tail[c] < 0)
            cell_head[c] = k;
        else
            next[cell_tail[c]] = k;
        cell_tail[c] = k;
    }
    int failed = 0;
    for (int64_t g = 0; g < n_groups && !failed; g++) {
        PyObject *group = PyList_New(0);
        if (!group || PyList_Append(groups, group) < 0)
            failed = 1;
        Py_XDECREF(group);
    }
    for (int64_t c = 0; c < n_cells && !failed; c++) {
        PyObject *group = PyList_GET_ITEM(groups, first_cell_group[c]);
        for (int64_t k = cell_head[c]; k >= 0 && !failed; k = next[k])
            failed = PyList_Append(group, PyList_GET_ITEM(anchors, k)) < 0;
    }
    free(cell_head);
    free(first_cell_group);
    if (!failed) {
        result = groups;
        groups = NULL;
    }
done:
    free(slots);
    free(cell_of);
    free(keys);
    free(parent);
    free(group_of);
    Py_XDECREF(groups);
    return result;
}

static PyMethodDef methods[] = {
    {"cluster", cluster, METH_VARARGS, "Anchors clustered on a grid of cells that touch."},
    {"chain_runs", chain_runs, METH_VARARGS, "Chain runs that follow each other in both texts."},
    {"unique_seeds", unique_seeds, METH_VARARGS, "Positions of words and trigrams unique to both texts."},
    {"exact_runs", exact_runs, METH_VARARGS, "Grow seeds into runs of equal words."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_runs", NULL, -1, methods};

PyMODINIT_FUNC PyInit__runs(void) { return PyModule_Create(&module); }
