/* diff-match-patch's diff_main in C, for the word diffs inside aligned blocks: a faithful port of
 * the library's algorithm (common prefix and suffix, containment, Myers' bisection, then
 * cleanupMerge) with no time limit and no line mode, on code points. Containment is found in
 * linear time where the library searches naively; the results are the same.
 */
#include "dmp.h"

#include <stdlib.h>
#include <string.h>

static void diffs_free(Diffs *diffs) {
    for (Py_ssize_t k = 0; k < diffs->size; k++)
        free(diffs->items[k].owned);
    free(diffs->items);
    diffs->items = NULL;
    diffs->size = diffs->capacity = 0;
}

static int diffs_reserve(Diffs *diffs, Py_ssize_t size) {
    if (size <= diffs->capacity)
        return 0;
    Py_ssize_t cap = diffs->capacity ? diffs->capacity : 8;
    while (cap < size)
        cap *= 2;
    Diff *items = realloc(diffs->items, sizeof(Diff) * (size_t)cap);
    if (!items) {
        diffs->failed = 1;
        return -1;
    }
    diffs->items = items;
    diffs->capacity = cap;
    return 0;
}

/* Insert a diff of text[0:length] at position `at`. The text is not copied: it points into the
 * inputs or into buffers that outlive the diff (cleanup_merge copies what it keeps). */
static void diffs_insert(Diffs *diffs, Py_ssize_t at, int op, const Char *text, Py_ssize_t length) {
    if (diffs->failed || diffs_reserve(diffs, diffs->size + 1) < 0)
        return;
    memmove(diffs->items + at + 1, diffs->items + at, sizeof(Diff) * (size_t)(diffs->size - at));
    diffs->items[at] = (Diff){op, text, length, NULL};
    diffs->size++;
}

/* The same with a copy of the text, for text from a scratch buffer. */
static void diffs_insert_copy(Diffs *diffs, Py_ssize_t at, int op, const Char *text, Py_ssize_t length) {
    if (diffs->failed)
        return;
    Char *copy = malloc(sizeof(Char) * (size_t)(length ? length : 1));
    if (!copy) {
        diffs->failed = 1;
        return;
    }
    if (length)
        memcpy(copy, text, sizeof(Char) * (size_t)length);
    diffs_insert(diffs, at, op, copy, length);
    if (diffs->failed)
        free(copy);
    else
        diffs->items[at].owned = copy;
}

static void diffs_append(Diffs *diffs, int op, const Char *text, Py_ssize_t length) {
    diffs_insert(diffs, diffs->size, op, text, length);
}

static void diffs_remove(Diffs *diffs, Py_ssize_t at, Py_ssize_t count) {
    for (Py_ssize_t k = at; k < at + count; k++)
        free(diffs->items[k].owned);
    memmove(diffs->items + at, diffs->items + at + count, sizeof(Diff) * (size_t)(diffs->size - at - count));
    diffs->size -= count;
}

/* diffs[at].text = left[0:nl] + right[0:nr] (either may be the diff's own text) */
static void diffs_set(Diffs *diffs, Py_ssize_t at, const Char *left, Py_ssize_t nl, const Char *right,
                      Py_ssize_t nr) {
    if (diffs->failed)
        return;
    Char *text = malloc(sizeof(Char) * (size_t)(nl + nr ? nl + nr : 1));
    if (!text) {
        diffs->failed = 1;
        return;
    }
    if (nl)
        memcpy(text, left, sizeof(Char) * (size_t)nl);
    if (nr)
        memcpy(text + nl, right, sizeof(Char) * (size_t)nr);
    free(diffs->items[at].owned);
    diffs->items[at].text = diffs->items[at].owned = text;
    diffs->items[at].length = nl + nr;
}

static Py_ssize_t common_prefix(const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny) {
    Py_ssize_t n = nx < ny ? nx : ny, k = 0;
    while (k < n && x[k] == y[k])
        k++;
    return k;
}

static Py_ssize_t common_suffix(const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny) {
    Py_ssize_t n = nx < ny ? nx : ny, k = 0;
    while (k < n && x[nx - 1 - k] == y[ny - 1 - k])
        k++;
    return k;
}

/* The first place `part` occurs in `text`, or -1: Knuth-Morris-Pratt, linear where the library's
 * naive search is quadratic on repetitive text (same answer). Without memory for its table, the
 * naive search. */
static Py_ssize_t find(const Char *text, Py_ssize_t n, const Char *part, Py_ssize_t m) {
    if (m == 0)
        return 0;
    if (m > n)
        return -1;
    Py_ssize_t *border = malloc(sizeof(Py_ssize_t) * (size_t)m);
    if (!border) {
        for (Py_ssize_t at = 0; at + m <= n; at++)
            if (memcmp(text + at, part, sizeof(Char) * (size_t)m) == 0)
                return at;
        return -1;
    }
    border[0] = 0;
    for (Py_ssize_t k = 1, b = 0; k < m; k++) {
        while (b > 0 && part[k] != part[b])
            b = border[b - 1];
        if (part[k] == part[b])
            b++;
        border[k] = b;
    }
    Py_ssize_t found = -1;
    for (Py_ssize_t k = 0, matched = 0; k < n; k++) {
        while (matched > 0 && text[k] != part[matched])
            matched = border[matched - 1];
        if (text[k] == part[matched])
            matched++;
        if (matched == m) {
            found = k - m + 1;
            break;
        }
    }
    free(border);
    return found;
}

static void diff_main(Diffs *out, const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny);

static void bisect_split(Diffs *out, const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny,
                         Py_ssize_t i, Py_ssize_t j) {
    diff_main(out, x, i, y, j);
    diff_main(out, x + i, nx - i, y + j, ny - j);
}

/* Myers' middle snake, as diff_match_patch.diff_bisect (with no deadline). */
static void bisect(Diffs *out, const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny) {
    const Py_ssize_t max_d = (nx + ny + 1) / 2, v_offset = max_d, v_length = 2 * max_d;
    Py_ssize_t *v1 = malloc(sizeof(Py_ssize_t) * (size_t)(2 * v_length + 2));
    if (!v1) {
        out->failed = 1;
        return;
    }
    Py_ssize_t *v2 = v1 + v_length + 1;
    for (Py_ssize_t k = 0; k < v_length; k++)
        v1[k] = v2[k] = -1;
    v1[v_offset + 1] = 0;
    v2[v_offset + 1] = 0;
    const Py_ssize_t delta = nx - ny;
    const int front = delta % 2 != 0;
    Py_ssize_t k1start = 0, k1end = 0, k2start = 0, k2end = 0;
    for (Py_ssize_t d = 0; d < max_d; d++) {
        for (Py_ssize_t k1 = -d + k1start; k1 < d + 1 - k1end; k1 += 2) {
            const Py_ssize_t k1_offset = v_offset + k1;
            Py_ssize_t x1;
            if (k1 == -d || (k1 != d && v1[k1_offset - 1] < v1[k1_offset + 1]))
                x1 = v1[k1_offset + 1];
            else
                x1 = v1[k1_offset - 1] + 1;
            Py_ssize_t y1 = x1 - k1;
            while (x1 < nx && y1 < ny && x[x1] == y[y1]) {
                x1++;
                y1++;
            }
            v1[k1_offset] = x1;
            if (x1 > nx) {
                k1end += 2;
            } else if (y1 > ny) {
                k1start += 2;
            } else if (front) {
                const Py_ssize_t k2_offset = v_offset + delta - k1;
                if (k2_offset >= 0 && k2_offset < v_length && v2[k2_offset] != -1) {
                    const Py_ssize_t x2 = nx - v2[k2_offset];
                    if (x1 >= x2) {
                        free(v1);
                        bisect_split(out, x, nx, y, ny, x1, y1);
                        return;
                    }
                }
            }
        }
        for (Py_ssize_t k2 = -d + k2start; k2 < d + 1 - k2end; k2 += 2) {
            const Py_ssize_t k2_offset = v_offset + k2;
            Py_ssize_t x2;
            if (k2 == -d || (k2 != d && v2[k2_offset - 1] < v2[k2_offset + 1]))
                x2 = v2[k2_offset + 1];
            else
                x2 = v2[k2_offset - 1] + 1;
            Py_ssize_t y2 = x2 - k2;
            while (x2 < nx && y2 < ny && x[nx - x2 - 1] == y[ny - y2 - 1]) {
                x2++;
                y2++;
            }
            v2[k2_offset] = x2;
            if (x2 > nx) {
                k2end += 2;
            } else if (y2 > ny) {
                k2start += 2;
            } else if (!front) {
                const Py_ssize_t k1_offset = v_offset + delta - k2;
                if (k1_offset >= 0 && k1_offset < v_length && v1[k1_offset] != -1) {
                    const Py_ssize_t x1 = v1[k1_offset];
                    const Py_ssize_t y1 = v_offset + x1 - k1_offset;
                    if (x1 >= nx - x2) {
                        free(v1);
                        bisect_split(out, x, nx, y, ny, x1, y1);
                        return;
                    }
                }
            }
        }
    }
    free(v1);
    diffs_append(out, DELETE, x, nx);
    diffs_append(out, INSERT, y, ny);
}

/* diff_compute with no half-match (off without a time limit) and no line mode. */
static void compute(Diffs *out, const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny) {
    if (!nx) {
        diffs_append(out, INSERT, y, ny);
        return;
    }
    if (!ny) {
        diffs_append(out, DELETE, x, nx);
        return;
    }
    const int x_longer = nx > ny;
    const Char *longer = x_longer ? x : y, *shorter = x_longer ? y : x;
    const Py_ssize_t n_long = x_longer ? nx : ny, n_short = x_longer ? ny : nx;
    const Py_ssize_t at = find(longer, n_long, shorter, n_short);
    if (at != -1) {
        const int op = x_longer ? DELETE : INSERT;
        diffs_append(out, op, longer, at);
        diffs_append(out, EQUAL, shorter, n_short);
        diffs_append(out, op, longer + at + n_short, n_long - at - n_short);
        return;
    }
    if (n_short == 1) {
        diffs_append(out, DELETE, x, nx);
        diffs_append(out, INSERT, y, ny);
        return;
    }
    bisect(out, x, nx, y, ny);
}

static void cleanup_merge(Diffs *diffs);

/* diff_main: appends the diffs of x against y to `out`. */
static void diff_main(Diffs *out, const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny) {
    if (nx == ny && memcmp(x, y, sizeof(Char) * (size_t)nx) == 0) {
        if (nx)
            diffs_append(out, EQUAL, x, nx);
        return;
    }
    Diffs local = {0};
    const Py_ssize_t prefix = common_prefix(x, nx, y, ny);
    const Py_ssize_t suffix = common_suffix(x + prefix, nx - prefix, y + prefix, ny - prefix);
    compute(&local, x + prefix, nx - prefix - suffix, y + prefix, ny - prefix - suffix);
    if (prefix)
        diffs_insert(&local, 0, EQUAL, x, prefix);
    if (suffix)
        diffs_append(&local, EQUAL, x + nx - suffix, suffix);
    cleanup_merge(&local);
    if (local.failed || out->failed || diffs_reserve(out, out->size + local.size) < 0) {
        out->failed = 1;
        diffs_free(&local);
        return;
    }
    memcpy(out->items + out->size, local.items, sizeof(Diff) * (size_t)local.size);
    out->size += local.size;
    free(local.items); /* the texts now belong to `out` */
}

/* diff_match_patch.diff_cleanupMerge, step for step, in linear time: the library splices its list
 * in place (each removal moves the rest of the list: quadratic on the long diffs of big blocks);
 * here each pass reads the diffs once, the first writing them anew, the second closing up the
 * removed entries as it goes. */
static int merge_edits(Diffs *diffs);
static int shift_edits(Diffs *diffs);

static void cleanup_merge(Diffs *diffs) {
    while (!diffs->failed && merge_edits(diffs) == 0 && shift_edits(diffs))
        ;
}

/* Moves diffs->items[k] to the end of `out` (its text with it). */
static void diffs_move(Diffs *out, Diffs *diffs, Py_ssize_t k) {
    if (out->failed || diffs_reserve(out, out->size + 1) < 0)
        return;
    out->items[out->size++] = diffs->items[k];
    diffs->items[k].owned = NULL;
}

/* First pass: runs of edits merged into one deletion and one insertion, their common prefix and
 * suffix moved into the equalities around them; equalities that meet are joined. */
static int merge_edits(Diffs *diffs) {
    diffs_append(diffs, EQUAL, NULL, 0); /* a dummy entry at the end */
    Diffs out = {0};
    if (diffs->failed || diffs_reserve(&out, diffs->size + 1) < 0) {
        diffs->failed = 1;
        return -1;
    }
    Py_ssize_t run = 0, count_delete = 0, count_insert = 0; /* the edits since the last equality */
    Char *text_delete = NULL, *text_insert = NULL;
    Py_ssize_t n_delete = 0, n_insert = 0, cap_delete = 0, cap_insert = 0;
    for (Py_ssize_t k = 0; k < diffs->size && !out.failed; k++) {
        Diff *here = &diffs->items[k];
        if (here->op == INSERT || here->op == DELETE) {
            Char **text = here->op == INSERT ? &text_insert : &text_delete;
            Py_ssize_t *n = here->op == INSERT ? &n_insert : &n_delete;
            Py_ssize_t *cap = here->op == INSERT ? &cap_insert : &cap_delete;
            if (*n + here->length > *cap) {
                Py_ssize_t grown_cap = (*n + here->length) * 2 + 8;
                Char *grown = realloc(*text, sizeof(Char) * (size_t)grown_cap);
                if (!grown) {
                    out.failed = 1;
                    break;
                }
                *text = grown;
                *cap = grown_cap;
            }
            if (here->length)
                memcpy(*text + *n, here->text, sizeof(Char) * (size_t)here->length);
            *n += here->length;
            if (!count_delete && !count_insert)
                run = k;
            if (here->op == INSERT)
                count_insert++;
            else
                count_delete++;
            continue;
        }
        /* an equality: check for prior redundancies */
        if (count_delete + count_insert > 1) {
            Py_ssize_t ins_start = 0, del_start = 0; /* text_insert[ins_start: n_insert], the same for delete */
            if (count_delete != 0 && count_insert != 0) {
                Py_ssize_t common = common_prefix(text_insert, n_insert, text_delete, n_delete);
                if (common != 0) {
                    /* (the entry before the edits is an equality, or there is none) */
                    if (out.size && out.items[out.size - 1].op == EQUAL) {
                        Diff *last = &out.items[out.size - 1];
                        diffs_set(&out, out.size - 1, last->text, last->length, text_insert, common);
                    } else {
                        diffs_insert_copy(&out, 0, EQUAL, text_insert, common);
                    }
                    ins_start = del_start = common;
                }
                common = common_suffix(text_insert + ins_start, n_insert - ins_start, text_delete + del_start,
                                       n_delete - del_start);
                if (common != 0) {
                    diffs_set(diffs, k, text_insert + n_insert - common, common, here->text, here->length);
                    n_insert -= common;
                    n_delete -= common;
                }
            }
            /* the offending records go, the merged ones come */
            for (Py_ssize_t e = run; e < k; e++) {
                free(diffs->items[e].owned);
                diffs->items[e].owned = NULL;
            }
            if (n_delete - del_start != 0)
                diffs_insert_copy(&out, out.size, DELETE, text_delete + del_start, n_delete - del_start);
            if (n_insert - ins_start != 0)
                diffs_insert_copy(&out, out.size, INSERT, text_insert + ins_start, n_insert - ins_start);
            diffs_move(&out, diffs, k);
        } else if (!count_delete && !count_insert && out.size && out.items[out.size - 1].op == EQUAL) {
            /* merge this equality with the previous one (where they lie side by side in the
             * inputs, by its length alone) */
            Diff *last = &out.items[out.size - 1];
            if (!last->owned && !here->owned && last->text + last->length == here->text)
                last->length += here->length;
            else
                diffs_set(&out, out.size - 1, last->text, last->length, here->text, here->length);
            free(here->owned);
            here->owned = NULL;
        } else {
            for (Py_ssize_t e = count_delete + count_insert ? run : k; e <= k; e++)
                diffs_move(&out, diffs, e);
        }
        count_insert = count_delete = 0;
        n_insert = n_delete = 0;
    }
    free(text_delete);
    free(text_insert);
    const int failed = out.failed || diffs->failed;
    diffs_free(diffs); /* (what was moved is out's: no longer owned here) */
    *diffs = out;
    if (failed) {
        diffs->failed = 1;
        return -1;
    }
    if (diffs->size && diffs->items[diffs->size - 1].length == 0)
        diffs_remove(diffs, diffs->size - 1, 1); /* the dummy entry */
    return 0;
}

/* Second pass: single edits surrounded on both sides by equalities that can be shifted sideways to
 * eliminate an equality (A<ins>BA</ins>C -> <ins>AB</ins>AC). The list is items[0, w) followed by
 * items[r, size): entries are drawn forward as the pointer needs them, so a removal moves two. */
static int shift_edits(Diffs *diffs) {
    int changes = 0;
    Diff *items = diffs->items;
    const Py_ssize_t size = diffs->size;
    Py_ssize_t w = 0, r = 0, pointer = 1;
    while (pointer < w + (size - r) - 1 && !diffs->failed) {
        while (w <= pointer + 1)
            items[w++] = items[r++];
        Diff *before = &items[pointer - 1], *edit = &items[pointer], *after = &items[pointer + 1];
        if (before->op == EQUAL && after->op == EQUAL) {
            if (edit->length >= before->length &&
                memcmp(edit->text + edit->length - before->length, before->text,
                       sizeof(Char) * (size_t)before->length) == 0) {
                /* shift the edit over the previous equality */
                if (before->length != 0) {
                    const Py_ssize_t n = before->length;
                    diffs_set(diffs, pointer + 1, before->text, n, after->text, after->length);
                    diffs_set(diffs, pointer, before->text, n, edit->text, edit->length - n);
                }
                free(items[pointer - 1].owned);
                items[pointer - 1] = items[pointer];
                items[pointer] = items[pointer + 1];
                w--;
                changes = 1;
            } else if (edit->length >= after->length &&
                       memcmp(edit->text, after->text, sizeof(Char) * (size_t)after->length) == 0) {
                /* shift the edit over the next equality */
                const Py_ssize_t n = after->length;
                diffs_set(diffs, pointer - 1, before->text, before->length, after->text, n);
                diffs_set(diffs, pointer, edit->text + n, edit->length - n, after->text, n);
                free(items[pointer + 1].owned);
                w--;
                changes = 1;
            }
        }
        pointer++;
    }
    if (r > w)
        memmove(items + w, items + r, sizeof(Diff) * (size_t)(size - r));
    diffs->size = w + (size - r);
    return changes && !diffs->failed;
}

void dmp_diff_main(Diffs *out, const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny) {
    diff_main(out, x, nx, y, ny);
}

/* ---- a diff with bounded work, for blocks of any size ------------------------------------------
 * Myers' diff costs (n + m) x d: on two long stretches that share words in another order (one block
 * covering a whole shuffled text) that is quadratic. Past max_cells (n x m), the stretch is cut at
 * anchors, as patience diff does: the symbols that occur once in each side, the longest chain of
 * them in the same order in both (an increasing subsequence), each an equal; the pieces between
 * are diffed the same way. A piece with no anchor that is still too big is one deletion and one
 * insertion: linear, and inside a passage the word labelling finds its reordered words by bags. */

typedef struct {
    Char symbol;
    int32_t count_x, count_y;
    Py_ssize_t at_x, at_y;
} Unique;

static uint64_t symbol_hash(Char c) {
    uint64_t h = (uint64_t)c * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

/* Anchors of x and y: pairs (i, j) of symbols unique to each side, in a chain increasing in both.
 * Returns how many were written to `anchor_x`/`anchor_y` (sized min(nx, ny)), or -1 without memory. */
static Py_ssize_t unique_anchors(const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny, Py_ssize_t *anchor_x,
                                 Py_ssize_t *anchor_y) {
    size_t capacity = 16;
    while (capacity < 2 * (size_t)nx)
        capacity *= 2;
    Unique *table = calloc(capacity, sizeof(Unique));
    Py_ssize_t *pair_y = malloc(sizeof(Py_ssize_t) * (size_t)(nx ? nx : 1)); /* per i: j, or -1 */
    Py_ssize_t *tails = malloc(sizeof(Py_ssize_t) * (size_t)(nx + 1));       /* LIS: index of tail */
    Py_ssize_t *previous = malloc(sizeof(Py_ssize_t) * (size_t)(nx ? nx : 1));
    Py_ssize_t found = -1;
    if (!table || !pair_y || !tails || !previous)
        goto done;
    const size_t mask = capacity - 1;
    for (Py_ssize_t i = 0; i < nx; i++) {
        size_t at = symbol_hash(x[i]) & mask;
        while (table[at].count_x && table[at].symbol != x[i])
            at = (at + 1) & mask;
        table[at].symbol = x[i];
        table[at].count_x++;
        table[at].at_x = i;
    }
    for (Py_ssize_t j = 0; j < ny; j++) {
        size_t at = symbol_hash(y[j]) & mask;
        while (table[at].count_x && table[at].symbol != y[j])
            at = (at + 1) & mask;
        if (table[at].count_x) {
            table[at].count_y++;
            table[at].at_y = j;
        }
    }
    for (Py_ssize_t i = 0; i < nx; i++)
        pair_y[i] = -1;
    for (size_t k = 0; k < capacity; k++)
        if (table[k].count_x == 1 && table[k].count_y == 1)
            pair_y[table[k].at_x] = table[k].at_y;
    /* the longest chain increasing in y, over i in order (patience sorting) */
    Py_ssize_t length = 0;
    for (Py_ssize_t i = 0; i < nx; i++) {
        const Py_ssize_t j = pair_y[i];
        if (j < 0)
            continue;
        Py_ssize_t lo = 0, hi = length;
        while (lo < hi) {
            const Py_ssize_t mid = (lo + hi) / 2;
            if (pair_y[tails[mid]] < j)
                lo = mid + 1;
            else
                hi = mid;
        }
        previous[i] = lo ? tails[lo - 1] : -1;
        tails[lo] = i;
        if (lo == length)
            length++;
    }
    Py_ssize_t i = length ? tails[length - 1] : -1;
    for (Py_ssize_t k = length - 1; k >= 0; k--) {
        anchor_x[k] = i;
        anchor_y[k] = pair_y[i];
        i = previous[i];
    }
    found = length;
done:
    free(table);
    free(pair_y);
    free(tails);
    free(previous);
    return found;
}

static void diff_bounded(Diffs *out, const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny, double max_cells) {
    if ((double)nx * (double)ny <= max_cells || !nx || !ny) {
        diff_main(out, x, nx, y, ny);
        return;
    }
    const Py_ssize_t prefix = common_prefix(x, nx, y, ny);
    const Py_ssize_t suffix = common_suffix(x + prefix, nx - prefix, y + prefix, ny - prefix);
    if (prefix)
        diffs_append(out, EQUAL, x, prefix);
    const Char *cx = x + prefix, *cy = y + prefix;
    const Py_ssize_t mx = nx - prefix - suffix, my = ny - prefix - suffix;
    const Py_ssize_t most = mx < my ? mx : my;
    Py_ssize_t *anchor_x = malloc(sizeof(Py_ssize_t) * (size_t)(most ? most : 1));
    Py_ssize_t *anchor_y = malloc(sizeof(Py_ssize_t) * (size_t)(most ? most : 1));
    const Py_ssize_t anchors = anchor_x && anchor_y && most ? unique_anchors(cx, mx, cy, my, anchor_x, anchor_y) : 0;
    if (anchors < 0) {
        out->failed = 1;
    } else if (anchors == 0) {
        if (mx)
            diffs_append(out, DELETE, cx, mx);
        if (my)
            diffs_append(out, INSERT, cy, my);
    } else {
        Py_ssize_t from_x = 0, from_y = 0;
        for (Py_ssize_t k = 0; k <= anchors && !out->failed; k++) {
            const Py_ssize_t to_x = k < anchors ? anchor_x[k] : mx, to_y = k < anchors ? anchor_y[k] : my;
            diff_bounded(out, cx + from_x, to_x - from_x, cy + from_y, to_y - from_y, max_cells);
            if (k < anchors)
                diffs_append(out, EQUAL, cx + to_x, 1);
            from_x = to_x + 1;
            from_y = to_y + 1;
        }
    }
    free(anchor_x);
    free(anchor_y);
    if (suffix)
        diffs_append(out, EQUAL, x + nx - suffix, suffix);
}

void dmp_diff_bounded(Diffs *out, const Char *x, Py_ssize_t nx, const Char *y, Py_ssize_t ny, double max_cells) {
    diff_bounded(out, x, nx, y, ny, max_cells);
    cleanup_merge(out);
}

void dmp_diffs_append(Diffs *diffs, int op, const Char *text, Py_ssize_t length) {
    diffs_append(diffs, op, text, length);
}

void dmp_diffs_free(Diffs *diffs) { diffs_free(diffs); }
