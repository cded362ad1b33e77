"""The facts room: the facts panel beside the comparison, and the comparison report exported as
HTML or PDF or printed (the same document as `qarin compare --format html|pdf`)."""
