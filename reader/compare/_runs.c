/* Seeds, exact runs, chains and grid clusters: the per-word loops of reader/compare/anchors.py.
 *
 * Word ids arrive as Python lists of small ints (Document.word_ids) and are copied once into C
 * arrays; pairs and counts go back as bytes of native int64 (array('q').frombytes).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>


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

/* ---- seeds: words and word n-grams rare in both texts, keyed by their ids ---------------------- */

#define MAX_SEED_COUNT 4 /* AlignParams.max_rare_count is checked against this */

typedef struct {
    uint64_t hash;
    int32_t count_a, count_b; /* count_a == 0: empty (n-grams of B alone are never entered) */
    int32_t at_a[MAX_SEED_COUNT], at_b[MAX_SEED_COUNT]; /* the first occurrences, in order */
} GramSlot;

static uint64_t gram_hash(const int64_t *words, int n) {
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (int k = 0; k < n; k++) {
        h ^= (uint64_t)words[k] + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ULL;
    }
    return (h ^ (h >> 31)) | 1; /* never 0 */
}

/* The slot of the n-gram at `words` (compared word by word with the slot's first occurrence in
 * A, so a hash collision never pairs two different n-grams), or the empty slot where it goes. */
static GramSlot *gram_slot(GramSlot *slots, size_t mask, const int64_t *wa, const int64_t *words, int n,
                           uint64_t hash) {
    size_t at = hash & mask;
    while (slots[at].count_a &&
           (slots[at].hash != hash || memcmp(wa + slots[at].at_a[0], words, sizeof(int64_t) * (size_t)n) != 0))
        at = (at + 1) & mask;
    return &slots[at];
}

typedef struct {
    int64_t i, j;
    int64_t unique; /* 1: the seed's word or n-gram occurs once in each text */
} Pair; /* (int64 i, j, unique) triples cross to Python as bytes */

typedef struct {
    Pair *data;
    Py_ssize_t size, capacity;
} PairVec;

static int pair_push(PairVec *v, int64_t i, int64_t j, int64_t unique) {
    if (v->size == v->capacity) {
        Py_ssize_t cap = v->capacity ? v->capacity * 2 : 1024;
        Pair *grown = realloc(v->data, (size_t)cap * sizeof(Pair));
        if (!grown)
            return -1;
        v->data = grown;
        v->capacity = cap;
    }
    v->data[v->size++] = (Pair){i, j, unique};
    return 0;
}

/* Pair the occurrences of every n-gram (n = 1: a content word) that is rare in both texts: with
 * as many occurrences in each (at most max_count), the k-th of A with the k-th of B, in order
 * (formulaic copy repeats a sentence per paragraph: the paragraphs pair in order); once in one
 * text and a few times in the other, the one with each (a passage reused twice). */
static int seed_ngrams(const int64_t *wa, Py_ssize_t na, const int64_t *wb, Py_ssize_t nb, int n,
                       const unsigned char *is_stop, int max_count, PairVec *out) {
    const Py_ssize_t grams_a = na >= n ? na - n + 1 : 0, grams_b = nb >= n ? nb - n + 1 : 0;
    size_t capacity = 1024;
    while (capacity < 2 * (size_t)grams_a)
        capacity *= 2;
    GramSlot *slots = calloc(capacity, sizeof(GramSlot));
    if (!slots)
        return -1;
    for (Py_ssize_t i = 0; i < grams_a; i++) {
        if (n == 1 && is_stop[wa[i]])
            continue;
        const uint64_t hash = gram_hash(wa + i, n);
        GramSlot *slot = gram_slot(slots, capacity - 1, wa, wa + i, n, hash);
        if (slot->count_a < MAX_SEED_COUNT)
            slot->at_a[slot->count_a] = (int32_t)i;
        slot->hash = hash;
        slot->count_a++;
    }
    for (Py_ssize_t j = 0; j < grams_b; j++) {
        if (n == 1 && is_stop[wb[j]])
            continue;
        GramSlot *slot = gram_slot(slots, capacity - 1, wa, wb + j, n, gram_hash(wb + j, n));
        if (!slot->count_a)
            continue;
        if (slot->count_b < MAX_SEED_COUNT)
            slot->at_b[slot->count_b] = (int32_t)j;
        slot->count_b++;
    }
    int failed = 0;
    for (size_t k = 0; k < capacity && !failed; k++) {
        const GramSlot *slot = &slots[k];
        const int ca = slot->count_a, cb = slot->count_b;
        if (!ca || !cb || ca > max_count || cb > max_count)
            continue;
        if (ca == cb) {
            for (int m = 0; m < ca && !failed; m++)
                failed = pair_push(out, slot->at_a[m], slot->at_b[m], ca == 1) < 0;
        } else if (ca == 1 || cb == 1) {
            for (int x = 0; x < ca && !failed; x++)
                for (int y = 0; y < cb && !failed; y++)
                    failed = pair_push(out, slot->at_a[x], slot->at_b[y], 0) < 0;
        }
    }
    free(slots);
    return failed ? -1 : 0;
}

/* seed_ngrams for n = 1, by id rather than by hash: the counts are known, and the first
 * occurrences of each id sit in two small arrays (no hashing, no comparing). */
static int seed_words(const int64_t *wa, Py_ssize_t na, const int64_t *wb, Py_ssize_t nb, int64_t n_ids,
                      const int64_t *count_a, const int64_t *count_b, const unsigned char *is_stop,
                      int max_count, PairVec *out) {
    int32_t *at_a = malloc(sizeof(int32_t) * MAX_SEED_COUNT * (size_t)(n_ids ? n_ids : 1));
    int32_t *at_b = malloc(sizeof(int32_t) * MAX_SEED_COUNT * (size_t)(n_ids ? n_ids : 1));
    int32_t *seen = calloc((size_t)(n_ids ? n_ids : 1), sizeof(int32_t));
    int failed = !at_a || !at_b || !seen;
    for (Py_ssize_t i = 0; i < na && !failed; i++) {
        const int64_t w = wa[i];
        if (!is_stop[w] && count_a[w] <= max_count && count_b[w] && count_b[w] <= max_count)
            at_a[MAX_SEED_COUNT * w + seen[w]++] = (int32_t)i;
    }
    if (!failed)
        memset(seen, 0, sizeof(int32_t) * (size_t)(n_ids ? n_ids : 1));
    for (Py_ssize_t j = 0; j < nb && !failed; j++) {
        const int64_t w = wb[j];
        if (!is_stop[w] && count_b[w] <= max_count && count_a[w] && count_a[w] <= max_count)
            at_b[MAX_SEED_COUNT * w + seen[w]++] = (int32_t)j;
    }
    for (Py_ssize_t i = 0; i < na && !failed; i++) {
        const int64_t w = wa[i];
        const int64_t ca = count_a[w], cb = count_b[w];
        if (is_stop[w] || !ca || !cb || ca > max_count || cb > max_count || at_a[MAX_SEED_COUNT * w] != i)
            continue; /* each id once, at its first occurrence in A */
        const int32_t *xa = at_a + MAX_SEED_COUNT * w, *xb = at_b + MAX_SEED_COUNT * w;
        if (ca == cb) {
            for (int m = 0; m < ca && !failed; m++)
                failed = pair_push(out, xa[m], xb[m], ca == 1) < 0;
        } else if (ca == 1 || cb == 1) {
            for (int x = 0; x < ca && !failed; x++)
                for (int y = 0; y < cb && !failed; y++)
                    failed = pair_push(out, xa[x], xb[y], 0) < 0;
        }
    }
    free(at_a);
    free(at_b);
    free(seen);
    return failed ? -1 : 0;
}

/* The pairs sorted by (i, j), each once: a counting sort on i (a few pairs share an i, and those
 * are put in order of j by insertion), linear where a general sort of a million pairs is not. */
static Pair *sort_pairs(const PairVec *pairs, Py_ssize_t na, Py_ssize_t *distinct) {
    Py_ssize_t *first = calloc((size_t)na + 2, sizeof(Py_ssize_t)); /* bucket i: [first[i], first[i+1]) */
    Py_ssize_t *filled = malloc(sizeof(Py_ssize_t) * ((size_t)na + 1));
    Pair *out = malloc(sizeof(Pair) * (size_t)(pairs->size ? pairs->size : 1));
    if (!first || !filled || !out) {
        free(first);
        free(filled);
        free(out);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < pairs->size; k++)
        first[pairs->data[k].i + 1]++;
    for (Py_ssize_t i = 0; i < na; i++)
        first[i + 1] += first[i];
    memcpy(filled, first, sizeof(Py_ssize_t) * ((size_t)na + 1));
    for (Py_ssize_t k = 0; k < pairs->size; k++) {
        const Pair p = pairs->data[k];
        const Py_ssize_t start = first[p.i];
        Py_ssize_t at = filled[p.i]++;
        while (at > start && out[at - 1].j > p.j) {
            out[at] = out[at - 1];
            at--;
        }
        out[at] = p;
    }
    free(first);
    free(filled);
    Py_ssize_t n = 0;
    for (Py_ssize_t k = 0; k < pairs->size; k++) {
        if (n && out[k].i == out[n - 1].i && out[k].j == out[n - 1].j)
            out[n - 1].unique |= out[k].unique;
        else
            out[n++] = out[k];
    }
    *distinct = n;
    return out;
}

/* seeds(wa, wb, stop_flags, ngrams, max_count) -> (pairs, counts_a, counts_b)
 * pairs: int64 (i, j), sorted and distinct, of the n-grams of each length in `ngrams` (1: content
 * words, ids whose byte in stop_flags is 0) rare in both texts (see seed_ngrams); counts:
 * occurrences of each id below the largest + 1, per text. */
static PyObject *seeds(PyObject *self, PyObject *args) {
    PyObject *list_a, *list_b, *ngrams;
    Py_buffer stop;
    int max_count;
    if (!PyArg_ParseTuple(args, "OOy*O!i", &list_a, &list_b, &stop, &PyTuple_Type, &ngrams, &max_count))
        return NULL;
    PyObject *result = NULL;
    Py_ssize_t na = 0, nb = 0;
    int64_t n_ids = 0;
    unsigned char *is_stop = NULL;
    int64_t *wa = NULL, *wb = NULL, *count_a = NULL, *count_b = NULL;
    PairVec pairs = {NULL, 0, 0};
    Pair *sorted = NULL;
    Py_ssize_t distinct = 0;
    if (max_count < 1 || max_count > MAX_SEED_COUNT) {
        PyErr_Format(PyExc_ValueError, "max_count must be 1..%d", MAX_SEED_COUNT);
        goto done;
    }
    if (!(wa = ids_of(list_a, &na)) || !(wb = ids_of(list_b, &nb)))
        goto done;
    for (Py_ssize_t k = 0; k < na; k++)
        n_ids = wa[k] >= n_ids ? wa[k] + 1 : n_ids;
    for (Py_ssize_t k = 0; k < nb; k++)
        n_ids = wb[k] >= n_ids ? wb[k] + 1 : n_ids;
    if (na > INT32_MAX || nb > INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "texts must hold fewer than 2**31 words");
        goto done;
    }
    if (!(is_stop = calloc((size_t)(n_ids ? n_ids : 1), 1))) {
        PyErr_NoMemory();
        goto done;
    }
    memcpy(is_stop, stop.buf, (size_t)(stop.len < n_ids ? stop.len : n_ids));
    if (!(count_a = counts_of(wa, na, n_ids)) || !(count_b = counts_of(wb, nb, n_ids)))
        goto done;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(ngrams); k++) {
        const long n = PyLong_AsLong(PyTuple_GET_ITEM(ngrams, k));
        if (n < 1 || n > 64) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "n-gram lengths must be 1..64");
            goto done;
        }
        const int status = n == 1 ? seed_words(wa, na, wb, nb, n_ids, count_a, count_b, is_stop, max_count, &pairs)
                                  : seed_ngrams(wa, na, wb, nb, (int)n, is_stop, max_count, &pairs);
        if (status < 0) {
            PyErr_NoMemory();
            goto done;
        }
    }
    if (!(sorted = sort_pairs(&pairs, na, &distinct))) {
        PyErr_NoMemory();
        goto done;
    }
    result = Py_BuildValue("(NNN)",
                           PyBytes_FromStringAndSize((const char *)sorted, distinct * (Py_ssize_t)sizeof(Pair)),
                           PyBytes_FromStringAndSize((const char *)count_a, n_ids * 8),
                           PyBytes_FromStringAndSize((const char *)count_b, n_ids * 8));
done:
    PyBuffer_Release(&stop);
    free(is_stop);
    free(wa);
    free(wb);
    free(count_a);
    free(count_b);
    free(pairs.data);
    free(sorted);
    return result;
}

/* exact_runs(wa, wb, seeds) -> [(i0, j0, length, unique)]. Each seed ((i, j, unique) int64
 * triples, sorted) grows both ways while the words agree; a seed inside a run already grown on
 * its diagonal is skipped, but makes that run unique if it is (the run's words then occur once
 * in each text). */
typedef struct {
    int64_t i0, j0, length, unique;
} Run;

static PyObject *exact_runs(PyObject *self, PyObject *args) {
    PyObject *list_a, *list_b;
    Py_buffer seeds;
    if (!PyArg_ParseTuple(args, "OOy*", &list_a, &list_b, &seeds))
        return NULL;
    PyObject *result = NULL;
    Py_ssize_t na = 0, nb = 0, n_runs = 0;
    int64_t *wa = NULL, *wb = NULL, *reach = NULL;
    const Pair *pairs = seeds.buf;
    const Py_ssize_t n_seeds = seeds.len / (Py_ssize_t)sizeof(Pair);
    Run *runs = malloc(sizeof(Run) * (size_t)(n_seeds ? n_seeds : 1));
    if (!runs) {
        PyErr_NoMemory();
        goto done;
    }
    if (!(wa = ids_of(list_a, &na)) || !(wb = ids_of(list_b, &nb)))
        goto done;
    /* reach[2 (d + na)]: 1 + end in A of the last run grown on diagonal d = j - i, 0 for none, and
     * beside it that run's index. calloc maps zero pages lazily: only the few diagonals that hold
     * runs cost memory and page faults */
    if (!(reach = calloc(2 * (size_t)(na + nb + 1), sizeof(int64_t)))) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < n_seeds; k++) {
        const int64_t i = pairs[k].i, j = pairs[k].j;
        if (i < 0 || j < 0 || i >= na || j >= nb) {
            PyErr_SetString(PyExc_ValueError, "seed outside the texts");
            goto done;
        }
        int64_t *diagonal = &reach[2 * (j - i + na)];
        if (diagonal[0] - 1 > i) {
            runs[diagonal[1]].unique |= pairs[k].unique;
            continue;
        }
        int64_t i0 = i, j0 = j, i1 = i + 1, j1 = j + 1;
        while (i0 > 0 && j0 > 0 && wa[i0 - 1] == wb[j0 - 1]) {
            i0--;
            j0--;
        }
        while (i1 < na && j1 < nb && wa[i1] == wb[j1]) {
            i1++;
            j1++;
        }
        diagonal[0] = i1 + 1;
        diagonal[1] = n_runs;
        runs[n_runs++] = (Run){i0, j0, i1 - i0, pairs[k].unique};
    }
    if (!(result = PyList_New(n_runs)))
        goto done;
    for (Py_ssize_t k = 0; k < n_runs; k++) {
        PyObject *run = Py_BuildValue("(LLLO)", (long long)runs[k].i0, (long long)runs[k].j0,
                                      (long long)runs[k].length, runs[k].unique ? Py_True : Py_False);
        if (!run) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, k, run);
    }
done:
    free(wa);
    free(wb);
    free(reach);
    free(runs);
    PyBuffer_Release(&seeds);
    return result;
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

/* cluster(anchors, grid, min_count=1) -> [[anchor, ...], ...]. Anchors (i, j, length, unique)
 * fall in cells of grid x grid positions; cells holding at least min_count anchors that touch
 * (8 ways) form one cluster. Clusters come in the order of their first cell, each cell's anchors
 * in their order, cells in the order their first anchor came. */
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
    long long grid, min_count = 1;
    if (!PyArg_ParseTuple(args, "O!L|L", &PyList_Type, &anchors, &grid, &min_count))
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
    int64_t *members = calloc((size_t)(n + 1), sizeof(int64_t));   /* per cell: its anchors */
    PyObject *groups = PyList_New(0), *result = NULL;
    if (!slots || !cell_of || !keys || !parent || !group_of || !members || !groups) {
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
        members[slots[at].cell]++;
    }
    static const int64_t steps[4][2] = {{1, -1}, {1, 0}, {1, 1}, {0, 1}};
    /* a cell with fewer than min_count anchors is left out (a coarse grid keeps only dense cells) */
    for (int64_t c = 0; c < n_cells; c++) {
        if (members[c] < min_count)
            continue;
        for (int s = 0; s < 4; s++) {
            const int64_t other = cell_find(slots, capacity - 1, keys[2 * c] + steps[s][0], keys[2 * c + 1] + steps[s][1]);
            if (other >= 0 && members[other] >= min_count) {
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
        if (members[c] < min_count) {
            first_cell_group[c] = -1;
            continue;
        }
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
        if (first_cell_group[c] < 0)
            continue;
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
    free(members);
    Py_XDECREF(groups);
    return result;
}

static PyMethodDef methods[] = {
    {"cluster", cluster, METH_VARARGS, "Anchors clustered on a grid of cells that touch."},
    {"chain_runs", chain_runs, METH_VARARGS, "Chain runs that follow each other in both texts."},
    {"seeds", seeds, METH_VARARGS, "Positions of words and n-grams rare in both texts, paired."},
    {"exact_runs", exact_runs, METH_VARARGS, "Grow seeds into runs of equal words."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_runs", NULL, -1, methods};

PyMODINIT_FUNC PyInit__runs(void) { return PyModule_Create(&module); }
