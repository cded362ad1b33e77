/* The engine's per-token loops in C: an optional accelerator for reader/compare/prepare.py and
 * reader/compare/anchors.py. Each function has a pure-Python twin there that gives the same
 * result (tests/test_engine_accel.py checks that they agree); this file only makes them fast on
 * a million words, where Python's per-token overhead is the whole cost.
 *
 * Integers cross the boundary as bytes of native int64 (array('q').frombytes / tobytes), so no
 * Python int is made per token unless the caller asks for a list.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What GCC and Clang spell with built-ins, spelled for any C11 compiler too. */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(QARIN_PORTABLE_C)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define LOAD_ACQUIRE(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define STORE_RELAXED(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define STORE_RELEASE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#elif defined(_MSC_VER)
#include <intrin.h>
#define ALWAYS_INLINE __forceinline
/* x86 and x64 keep the order of plain stores and loads; the barrier stops the compiler's */
#define LOAD_ACQUIRE(p) (_ReadWriteBarrier(), *(volatile unsigned char *)(p))
#define STORE_RELAXED(p, v) (*(volatile unsigned char *)(p) = (v))
#define STORE_RELEASE(p, v) (_ReadWriteBarrier(), *(volatile unsigned char *)(p) = (v))
#else
#include <stdatomic.h>
#define ALWAYS_INLINE inline
#define LOAD_ACQUIRE(p) atomic_load_explicit((_Atomic unsigned char *)(p), memory_order_acquire)
#define STORE_RELAXED(p, v) atomic_store_explicit((_Atomic unsigned char *)(p), (v), memory_order_relaxed)
#define STORE_RELEASE(p, v) atomic_store_explicit((_Atomic unsigned char *)(p), (v), memory_order_release)
#endif

/* ---- tokenising: the same tokens as reader.text.tokens.TOKEN_RE ------------------------------- */

static int is_mark(Py_UCS4 c) {
    /* reader.text.normalize.MARKS */
    return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
           (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 ||
           c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED);
}

static int is_word_char(Py_UCS4 c) {
    /* `\w` of Python's re on str (alnum or underscore), marks, tatweel, ZWNJ, ZWJ */
    return Py_UNICODE_ISALNUM(c) || c == '_' || is_mark(c) || c == 0x0640 || c == 0x200C ||
           c == 0x200D;
}

static int is_invisible(Py_UCS4 c) {
    /* reader.text.normalize.INVISIBLE */
    return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF ||
           c == 0x061C;
}

static int is_number_separator(Py_UCS4 c) { return c == '.' || c == ',' || c == 0x066B || c == 0x066C; }

/* Character classes, looked up in a table for the Basic Multilingual Plane: the Unicode database
 * calls behind Py_UNICODE_ISALNUM cost more than the rest of the scan together. */
enum { WORD = 1, DECIMAL = 2, SKIP = 4, SEPARATOR = 8 };
static unsigned char bmp_classes[0x10000];

static unsigned char classify(Py_UCS4 c) {
    unsigned char cls = 0;
    if (is_word_char(c))
        cls |= WORD;
    if (Py_UNICODE_ISDECIMAL(c))
        cls |= DECIMAL;
    if (Py_UNICODE_ISSPACE(c) || is_invisible(c))
        cls |= SKIP;
    if (is_number_separator(c))
        cls |= SEPARATOR;
    return cls;
}

/* Filled a page of 256 at first use (a full table costs 65 ms at import, a page 0.3 ms). Two
 * tokenisers may fill one page at once without the GIL: they write the same values, and the flag
 * is published with release/acquire order so no reader sees it before the page's values. */
static unsigned char bmp_page_ready[0x100];

static inline unsigned char class_of(Py_UCS4 c) {
    if (c >= 0x10000)
        return classify(c);
    if (!LOAD_ACQUIRE(&bmp_page_ready[c >> 8])) {
        for (Py_UCS4 k = c & ~(Py_UCS4)0xFF; k <= (c | 0xFF); k++)
            STORE_RELAXED(&bmp_classes[k], classify(k));
        STORE_RELEASE(&bmp_page_ready[c >> 8], 1);
    }
    return bmp_classes[c];
}

/* Growable arrays and tables below report running out of memory by returning -1 and setting no
 * Python error: tokenising runs with the GIL released, and the caller raises once it holds it. */
typedef struct {
    int64_t *data;
    Py_ssize_t size, capacity;
} Int64Vec;

static int vec_push(Int64Vec *v, int64_t x) {
    if (v->size == v->capacity) {
        Py_ssize_t cap = v->capacity ? v->capacity * 2 : 1024;
        int64_t *grown = realloc(v->data, (size_t)cap * sizeof(int64_t));
        if (!grown)
            return -1;
        v->data = grown;
        v->capacity = cap;
    }
    v->data[v->size++] = x;
    return 0;
}

static PyObject *vec_to_bytes(const Int64Vec *v) {
    return PyBytes_FromStringAndSize((const char *)v->data, v->size * (Py_ssize_t)sizeof(int64_t));
}

/* The distinct tokens of one text, numbered 0, 1, 2... in order of first sight, in a table keyed
 * by their code points. The slots are 8 bytes (a hash fingerprint and the id) and the tokens'
 * letters sit side by side in one arena: a lookup touches a few cache lines of dense memory, not
 * Python objects spread over the heap (measured: those misses were half the scan). */
typedef struct {
    uint32_t fingerprint;
    int32_t id; /* -1: empty slot */
} Slot;

typedef struct {
    Slot *slots;
    size_t mask, used;
    int64_t *offset; /* per id: where its letters start in `letters` */
    int32_t *length; /* per id: how many letters */
    Py_ssize_t ids, id_capacity;
    Py_UCS4 *letters;
    Py_ssize_t n_letters, letter_capacity;
} TokenTable;

static void table_free(TokenTable *table) {
    free(table->slots);
    free(table->offset);
    free(table->length);
    free(table->letters);
}

#define FNV_SEED 1469598103934665603ULL
#define FNV(h, c) (((h) ^ (uint64_t)(c)) * 1099511628211ULL)
#define FNV_FINISH(h) ((h) ^ ((h) >> 29))

static uint64_t table_hash_of(const TokenTable *table, int32_t id) {
    uint64_t h = FNV_SEED;
    const Py_UCS4 *letters = table->letters + table->offset[id];
    for (int32_t k = 0; k < table->length[id]; k++)
        h = FNV(h, letters[k]);
    return FNV_FINISH(h);
}

static int table_grow(TokenTable *table, size_t capacity) {
    Slot *slots = malloc(capacity * sizeof(Slot));
    if (!slots)
        return -1;
    for (size_t k = 0; k < capacity; k++)
        slots[k].id = -1;
    free(table->slots);
    table->slots = slots;
    table->mask = capacity - 1;
    table->used = 0;
    return 0;
}

static void table_place(TokenTable *table, uint64_t hash, int32_t id) {
    size_t at = hash & table->mask;
    while (table->slots[at].id >= 0)
        at = (at + 1) & table->mask;
    table->slots[at] = (Slot){(uint32_t)(hash >> 32), id};
    table->used++;
}

/* Enter the next token (its letters text[start:end]); returns its id, or -1 out of memory. */
static ALWAYS_INLINE int32_t
table_add(TokenTable *table, uint64_t hash, const int kind, const void *data, Py_ssize_t start,
          Py_ssize_t end) {
    const int32_t id = (int32_t)table->ids;
    if (table->ids == table->id_capacity) {
        Py_ssize_t cap = table->id_capacity ? table->id_capacity * 2 : 4096;
        int64_t *offset = realloc(table->offset, (size_t)cap * sizeof(int64_t));
        if (offset)
            table->offset = offset;
        int32_t *length = realloc(table->length, (size_t)cap * sizeof(int32_t));
        if (length)
            table->length = length;
        if (!offset || !length || cap > INT32_MAX)
            return -1;
        table->id_capacity = cap;
    }
    while (table->n_letters + (end - start) > table->letter_capacity) {
        Py_ssize_t cap = table->letter_capacity ? table->letter_capacity * 2 : 16384;
        Py_UCS4 *letters = realloc(table->letters, (size_t)cap * sizeof(Py_UCS4));
        if (!letters)
            return -1;
        table->letters = letters;
        table->letter_capacity = cap;
    }
    table->offset[id] = table->n_letters;
    table->length[id] = (int32_t)(end - start);
    for (Py_ssize_t k = start; k < end; k++)
        table->letters[table->n_letters++] = PyUnicode_READ(kind, data, k);
    table->ids++;
    if ((table->used + 1) * 2 > table->mask + 1) {
        if (table_grow(table, (table->mask + 1) * 2) < 0)
            return -1;
        for (int32_t other = 0; other < id; other++)
            table_place(table, table_hash_of(table, other), other);
    }
    table_place(table, hash, id);
    return id;
}

static ALWAYS_INLINE int32_t
table_get(const TokenTable *table, uint64_t hash, const int kind, const void *data, Py_ssize_t start,
          Py_ssize_t end) {
    const uint32_t fingerprint = (uint32_t)(hash >> 32);
    for (size_t at = hash & table->mask; table->slots[at].id >= 0; at = (at + 1) & table->mask) {
        const Slot slot = table->slots[at];
        if (slot.fingerprint != fingerprint || table->length[slot.id] != end - start)
            continue;
        const Py_UCS4 *letters = table->letters + table->offset[slot.id];
        Py_ssize_t k = 0;
        while (k < end - start && PyUnicode_READ(kind, data, start + k) == letters[k])
            k++;
        if (k == end - start)
            return slot.id;
    }
    return -1;
}

typedef struct {
    Int64Vec starts, ends, ids, firsts; /* firsts[id]: the token where id is first seen */
    char *newline;
    Py_ssize_t newline_capacity;
} Tokens;

static void tokens_free(Tokens *tokens) {
    free(tokens->starts.data);
    free(tokens->ends.data);
    free(tokens->ids.data);
    free(tokens->firsts.data);
    free(tokens->newline);
}

static inline int tokens_push(Tokens *tokens, Py_ssize_t start, Py_ssize_t end, int64_t id, int newline) {
    if (vec_push(&tokens->starts, start) < 0 || vec_push(&tokens->ends, end) < 0 ||
        vec_push(&tokens->ids, id) < 0)
        return -1;
    if (tokens->ids.size > tokens->newline_capacity) {
        char *grown = realloc(tokens->newline, (size_t)tokens->ids.capacity);
        if (!grown)
            return -1;
        tokens->newline = grown;
        tokens->newline_capacity = tokens->ids.capacity;
    }
    tokens->newline[tokens->ids.size - 1] = (char)newline;
    return 0;
}

/* The tokens of `text` (TOKEN_RE's), numbered in order of first sight. Touches no Python object
 * (it runs without the GIL) and is inlined per string kind, so that reading a character is a
 * plain load (measured: a third faster than PyUnicode_READ's switch at every character). */
/* The first words of compound names (reader.text.tokens.NAME_PREFIXES): عبد، أبو، ابو */
static const Py_UCS4 name_prefixes[][3] = {{0x639, 0x628, 0x62F}, {0x623, 0x628, 0x648}, {0x627, 0x628, 0x648}};

static ALWAYS_INLINE int is_name_prefix(const int kind, const void *data, Py_ssize_t start, Py_ssize_t end) {
    if (end - start != 3)
        return 0;
    for (size_t k = 0; k < sizeof(name_prefixes) / sizeof(name_prefixes[0]); k++)
        if (PyUnicode_READ(kind, data, start) == name_prefixes[k][0] &&
            PyUnicode_READ(kind, data, start + 1) == name_prefixes[k][1] &&
            PyUnicode_READ(kind, data, start + 2) == name_prefixes[k][2])
            return 1;
    return 0;
}

static ALWAYS_INLINE int tokenize_kind(const int kind, const void *data, Py_ssize_t n, TokenTable *table,
                                       Tokens *tokens, const int join_names) {
    int seen_newline = 0;
    Py_ssize_t i = 0;
    while (i < n) {
        const Py_UCS4 c = PyUnicode_READ(kind, data, i);
        const unsigned char cls = class_of(c);
        const Py_ssize_t start = i;
        uint64_t h = FNV(FNV_SEED, c);
        i++;
        if (cls & WORD) {
            Py_UCS4 d;
            while (i < n && (class_of(d = PyUnicode_READ(kind, data, i)) & WORD)) {
                h = FNV(h, d);
                i++;
            }
            /* (?:(?<=\d)[.,٫٬]\d+)* : a number keeps its separators whole */
            while (i + 1 < n && (class_of(PyUnicode_READ(kind, data, i - 1)) & DECIMAL) &&
                   (class_of(PyUnicode_READ(kind, data, i)) & SEPARATOR) &&
                   (class_of(PyUnicode_READ(kind, data, i + 1)) & DECIMAL)) {
                h = FNV(h, PyUnicode_READ(kind, data, i));
                i++;
                while (i < n && (class_of(d = PyUnicode_READ(kind, data, i)) & DECIMAL)) {
                    h = FNV(h, d);
                    i++;
                }
            }
            /* a name written split (عبد الله, أبو ظبي) is one token, as it is written joined */
            if (join_names && i + 1 < n && PyUnicode_READ(kind, data, i) == ' ' &&
                is_name_prefix(kind, data, start, i)) {
                const unsigned char next = class_of(PyUnicode_READ(kind, data, i + 1));
                if ((next & WORD) && !(next & DECIMAL)) {
                    h = FNV(h, ' ');
                    i++;
                    while (i < n && (class_of(d = PyUnicode_READ(kind, data, i)) & WORD)) {
                        h = FNV(h, d);
                        i++;
                    }
                }
            }
        } else if (cls & SKIP) {
            seen_newline |= c == '\n';
            continue;
        }
        const uint64_t hash = FNV_FINISH(h);
        int32_t id = table_get(table, hash, kind, data, start, i);
        if (id < 0) {
            id = table_add(table, hash, kind, data, start, i);
            if (id < 0 || vec_push(&tokens->firsts, tokens->ids.size) < 0)
                return -1;
        }
        if (tokens_push(tokens, start, i, id, seen_newline) < 0)
            return -1;
        seen_newline = 0;
    }
    return 0;
}

/* tokenize(text, join_names=False) -> (starts, ends, ids, newline_before, firsts, token_chars)
 * The tokens of reader.text.tokens.TOKEN_RE; with join_names, a compound name written split
 * (reader.text.tokens.join_names) is one token.
 * starts/ends/ids: int64 bytes per token, ids numbering the distinct tokens of this text in order
 * of first sight; newline_before: one byte per token, 1 when the gap before it holds a newline;
 * firsts: int64 bytes per id, the token where it is first seen; token_chars: the characters
 * of all tokens (whitespace and invisible marks left out). Releases the GIL: the two sides
 * of a comparison are tokenised at the same time. */
static PyObject *tokenize(PyObject *self, PyObject *args) {
    PyObject *text;
    int join_names = 0;
    if (!PyArg_ParseTuple(args, "U|p", &text, &join_names))
        return NULL;
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Tokens tokens = {0};
    TokenTable table = {0};
    PyObject *result = NULL;
    int failed;
    Py_BEGIN_ALLOW_THREADS;
    failed = table_grow(&table, 4096);
    if (!failed) {
        switch (kind) {
        case PyUnicode_1BYTE_KIND:
            failed = tokenize_kind(PyUnicode_1BYTE_KIND, data, n, &table, &tokens, join_names);
            break;
        case PyUnicode_2BYTE_KIND:
            failed = tokenize_kind(PyUnicode_2BYTE_KIND, data, n, &table, &tokens, join_names);
            break;
        default:
            failed = tokenize_kind(PyUnicode_4BYTE_KIND, data, n, &table, &tokens, join_names);
        }
    }
    Py_END_ALLOW_THREADS;
    if (failed)
        PyErr_NoMemory();
    else {
        Py_ssize_t token_chars = 0;
        for (Py_ssize_t k = 0; k < tokens.starts.size; k++)
            token_chars += tokens.ends.data[k] - tokens.starts.data[k];
        result = Py_BuildValue("(NNNNNn)", vec_to_bytes(&tokens.starts), vec_to_bytes(&tokens.ends),
                               vec_to_bytes(&tokens.ids),
                               PyBytes_FromStringAndSize(tokens.newline ? tokens.newline : "", tokens.ids.size),
                               vec_to_bytes(&tokens.firsts), token_chars);
    }
    table_free(&table);
    tokens_free(&tokens);
    return result;
}

/* number(text, starts, ends, ids, firsts, index) -> raw_ids
 * The ids of tokenize() renumbered through `index` (token text -> raw id; tokens not in it are
 * added with the next id, len(index)), so one dict shared by both sides numbers equal tokens
 * equally. Only the distinct tokens make a Python string. */
static PyObject *number(PyObject *self, PyObject *args) {
    PyObject *text, *index;
    Py_buffer starts, ends, ids, firsts;
    if (!PyArg_ParseTuple(args, "Uy*y*y*y*O!", &text, &starts, &ends, &ids, &firsts, &PyDict_Type, &index))
        return NULL;
    PyObject *result = NULL;
    const int64_t *start = starts.buf, *end = ends.buf, *local = ids.buf, *first = firsts.buf;
    const Py_ssize_t n_tokens = ids.len / 8, n_ids = firsts.len / 8, length = PyUnicode_GET_LENGTH(text);
    int64_t *global = malloc(sizeof(int64_t) * (size_t)(n_ids ? n_ids : 1));
    int64_t *raw = malloc(sizeof(int64_t) * (size_t)(n_tokens ? n_tokens : 1));
    if (!global || !raw) {
        PyErr_NoMemory();
        goto done;
    }
    if (starts.len != ids.len || ends.len != ids.len) {
        PyErr_SetString(PyExc_ValueError, "starts, ends and ids must have one entry per token");
        goto done;
    }
    for (Py_ssize_t k = 0; k < n_ids; k++) {
        const int64_t t = first[k];
        if (t < 0 || t >= n_tokens || start[t] < 0 || start[t] > end[t] || end[t] > length) {
            PyErr_SetString(PyExc_ValueError, "a token outside the text");
            goto done;
        }
        PyObject *token = PyUnicode_Substring(text, start[t], end[t]);
        if (!token)
            goto done;
        PyObject *id = PyDict_GetItemWithError(index, token); /* borrowed */
        if (id) {
            global[k] = PyLong_AsLongLong(id);
        } else if (!PyErr_Occurred()) {
            global[k] = PyDict_GET_SIZE(index);
            PyObject *fresh = PyLong_FromLongLong(global[k]);
            if (!fresh || PyDict_SetItem(index, token, fresh) < 0) {
                Py_XDECREF(fresh);
                Py_DECREF(token);
                goto done;
            }
            Py_DECREF(fresh);
        }
        Py_DECREF(token);
        if (PyErr_Occurred())
            goto done;
    }
    for (Py_ssize_t t = 0; t < n_tokens; t++) {
        if (local[t] < 0 || local[t] >= n_ids) {
            PyErr_SetString(PyExc_ValueError, "a token id without a first token");
            goto done;
        }
        raw[t] = global[local[t]];
    }
    result = PyBytes_FromStringAndSize((const char *)raw, n_tokens * 8);
done:
    free(global);
    free(raw);
    PyBuffer_Release(&starts);
    PyBuffer_Release(&ends);
    PyBuffer_Release(&ids);
    PyBuffer_Release(&firsts);
    return result;
}

/* ---- derived arrays of one side ------------------------------------------------------------- */

#define FLAG_PUNCT 1
#define FLAG_STOP 2

/* One code point per key id, skipping the surrogates; the ids beyond what Unicode holds (over
 * 1,111,807 distinct words) all share its last code point, U+10FFFF, a noncharacter. key_text
 * serves searches for marks of few, early ids; the word diff compares the ids themselves. */
#define KEY_LIMIT (0x10FFFF - 0x900)

static Py_UCS4 key_code_point(int64_t id) {
    if (id >= KEY_LIMIT)
        return 0x10FFFF;
    return (Py_UCS4)(id < 0xD700 ? id + 0x100 : id + 0x900);
}

/* key_point(id) -> the code point that stands for key id `id` in key_text */
static PyObject *key_point(PyObject *self, PyObject *arg) {
    const long long id = PyLong_AsLongLong(arg);
    if (id == -1 && PyErr_Occurred())
        return NULL;
    if (id < 0) {
        PyErr_SetString(PyExc_ValueError, "key ids are not negative");
        return NULL;
    }
    return PyLong_FromUnsignedLong(key_code_point(id));
}

/* derive(raw_ids, raw_to_key, key_flags, newline_before)
 *   -> (ids, word_tokens, word_ids, content, words_before, content_before, key_text, paragraph_ends)
 * ids, word_ids, content, paragraph_ends: lists; word_tokens, words_before, content_before: int64
 * bytes; key_text: str. Same values as the pure-Python path of prepare.prepare. */
static PyObject *derive(PyObject *self, PyObject *args) {
    Py_buffer raw_buf, map_buf, flags_buf, newline_buf;
    if (!PyArg_ParseTuple(args, "y*y*y*y*", &raw_buf, &map_buf, &flags_buf, &newline_buf))
        return NULL;
    PyObject *result = NULL, *ids = NULL, *word_ids = NULL, *content = NULL, *ends = NULL,
             *key_text = NULL;
    int64_t *word_tokens = NULL, *words_before = NULL, *content_before = NULL;
    const int64_t *raw = raw_buf.buf, *to_key = map_buf.buf;
    const unsigned char *flags = flags_buf.buf, *newline = newline_buf.buf;
    const Py_ssize_t n = raw_buf.len / (Py_ssize_t)sizeof(int64_t);
    const Py_ssize_t n_raw = map_buf.len / (Py_ssize_t)sizeof(int64_t);
    if (newline_buf.len != n) {
        PyErr_SetString(PyExc_ValueError, "newline_before must hold one byte per token");
        goto done;
    }
    ids = PyList_New(n);
    word_tokens = malloc((size_t)(n + 1) * sizeof(int64_t));
    words_before = malloc((size_t)(n + 1) * sizeof(int64_t));
    content_before = malloc((size_t)(n + 1) * sizeof(int64_t));
    Py_UCS4 max_code = 0;
    if (!ids || !word_tokens || !words_before || !content_before) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t n_words = 0, n_content = 0;
    words_before[0] = content_before[0] = 0;
    for (Py_ssize_t t = 0; t < n; t++) {
        if (raw[t] < 0 || raw[t] >= n_raw) {
            PyErr_SetString(PyExc_ValueError, "raw id out of range");
            goto done;
        }
        int64_t id = to_key[raw[t]];
        if (id < 0 || id >= flags_buf.len) {
            PyErr_SetString(PyExc_ValueError, "key id without flags");
            goto done;
        }
        PyObject *value = PyLong_FromLongLong(id);
        if (!value)
            goto done;
        PyList_SET_ITEM(ids, t, value);
        if (key_code_point(id) > max_code)
            max_code = key_code_point(id);
        if (!(flags[id] & FLAG_PUNCT)) {
            word_tokens[n_words++] = t;
            if (!(flags[id] & FLAG_STOP))
                n_content++;
        }
        words_before[t + 1] = n_words;
        content_before[t + 1] = n_content;
    }
    word_ids = PyList_New(n_words);
    content = PyList_New(n_words);
    ends = PyList_New(0);
    key_text = PyUnicode_New(n, n ? max_code : 0);
    if (!word_ids || !content || !ends || !key_text)
        goto done;
    for (Py_ssize_t w = 0; w < n_words; w++) {
        PyObject *id = PyList_GET_ITEM(ids, word_tokens[w]);
        Py_INCREF(id);
        PyList_SET_ITEM(word_ids, w, id);
        PyObject *is_content = (flags[PyLong_AsLongLong(id)] & FLAG_STOP) ? Py_False : Py_True;
        Py_INCREF(is_content);
        PyList_SET_ITEM(content, w, is_content);
    }
    /* paragraph ends: the last word before each newline (prepare._paragraph_ends) */
    const int out_kind = PyUnicode_KIND(key_text);
    void *out = PyUnicode_DATA(key_text);
    int64_t last_word = -1, last_end = -2; /* -2: none yet */
    for (Py_ssize_t t = 0; t < n; t++) {
        int64_t id = to_key[raw[t]];
        PyUnicode_WRITE(out_kind, out, t, key_code_point(id));
        if (newline[t] && last_word >= 0 && last_word != last_end) {
            PyObject *value = PyLong_FromLongLong(last_word);
            if (!value || PyList_Append(ends, value) < 0) {
                Py_XDECREF(value);
                goto done;
            }
            Py_DECREF(value);
            last_end = last_word;
        }
        if (words_before[t + 1] != words_before[t])
            last_word = words_before[t];
    }
    if (n_words - 1 != last_end) {
        PyObject *value = PyLong_FromSsize_t(n_words - 1);
        if (!value || PyList_Append(ends, value) < 0) {
            Py_XDECREF(value);
            goto done;
        }
        Py_DECREF(value);
    }
    result = Py_BuildValue(
        "(ONOONNOO)", ids, PyBytes_FromStringAndSize((const char *)word_tokens, n_words * 8), word_ids,
        content, PyBytes_FromStringAndSize((const char *)words_before, (n + 1) * 8),
        PyBytes_FromStringAndSize((const char *)content_before, (n + 1) * 8), key_text, ends);
done:
    Py_XDECREF(ids);
    Py_XDECREF(word_ids);
    Py_XDECREF(content);
    Py_XDECREF(ends);
    Py_XDECREF(key_text);
    free(word_tokens);
    free(words_before);
    free(content_before);
    PyBuffer_Release(&raw_buf);
    PyBuffer_Release(&map_buf);
    PyBuffer_Release(&flags_buf);
    PyBuffer_Release(&newline_buf);
    return result;
}

static PyMethodDef methods[] = {
    {"key_point", key_point, METH_O, "The code point of a key id in key_text."},
    {"tokenize", tokenize, METH_VARARGS, "Tokens of a text: offsets, ids, newline flags (no GIL)."},
    {"number", number, METH_VARARGS, "Renumber a text's token ids through a shared index."},
    {"derive", derive, METH_VARARGS, "The per-side arrays the aligner works on."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scan", NULL, -1, methods};

PyMODINIT_FUNC PyInit__scan(void) {
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddIntConstant(m, "KEY_LIMIT", KEY_LIMIT) < 0)
        Py_CLEAR(m);
    return m;
}
