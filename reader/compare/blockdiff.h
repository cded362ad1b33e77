/* worddiff.diff_block in C (blockdiff.c): the BlockDiffer type of the _diff extension. */
#ifndef QARIN_BLOCKDIFF_H
#define QARIN_BLOCKDIFF_H

#include "dmp.h"

extern PyTypeObject BlockDifferType;

/* Ready the type and its interned strings; -1 with a Python error on failure. */
int blockdiff_ready(void);

#endif
