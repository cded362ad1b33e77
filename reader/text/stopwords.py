"""Arabic (and a few English) function words: they match everywhere, so they never seed a passage.

Spelled as `fold_word` leaves them under the default options (hamza and alef forms folded).
"""

from __future__ import annotations

from functools import lru_cache

from reader.text.normalize import DEFAULT_OPTIONS, NormalizeOptions, fold_word

_RAW = """
في من على الى إلى عن أن إن ان أنه انه أنها إنه لأن لان كان كانت يكون تكون كانوا قد لقد لا لم لن ما ماذا
هذا هذه ذلك تلك هؤلاء هناك هنا الذي التي الذين اللذين اللتين اللاتي و أو او ثم بل حتى كل كما مع بين بعد قبل
عند عندما حين حيث منذ خلال ضمن نحو لدى غير سوى أي اي أيضا ايضا إذ اذ إذا اذا لو لكن ولكن فقد وقد وفي ومن
وعلى وإلى وعن وأن وإن وكان وكانت ولا ولم ولن وما وهذا وهذه وذلك والتي والذي فيه فيها منه منها عليه عليها
اليه إليه إليها اليها به بها له لها لهم هو هي هم هن نحن أنا انا أنت انت وهو وهي وهم عام يوم أمس اليوم
وقال قال وأضاف اضاف وأكد أكد وأشار أشار مشيرا مشيرة وفق وفقا حسب بحسب وبحسب ب ل ك ف
the a an of to in and or is are was were for on at by with from that this as be it its
"""


@lru_cache(maxsize=16)
def stopword_keys(options: NormalizeOptions = DEFAULT_OPTIONS) -> frozenset[str]:
    """The function words as `fold_word` spells them under `options`."""
    return frozenset(fold_word(w, options) for w in _RAW.split())
