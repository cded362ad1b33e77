"""Numbers as the window writes them: one style of digits throughout, Arabic-Indic (٠١٢٣) or Latin
(0123), a setting. Qt-free, so the list model, the status line and the descriptions of passages
share the rule. The article texts are never touched: only the numbers Qarin itself shows.
"""

from __future__ import annotations

from dataclasses import dataclass

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_ARABIC_NUMBER = str.maketrans("0123456789,.%", "٠١٢٣٤٥٦٧٨٩٬٫٪")  # with the Arabic separators and sign


@dataclass(frozen=True)
class Digits:
    arabic_indic: bool = False

    def number(self, value: int) -> str:
        """A whole number with thousands grouped: 12,345 or ١٢٬٣٤٥."""
        text = f"{value:,}"
        return text.translate(_ARABIC_NUMBER) if self.arabic_indic else text

    def percent(self, share: float) -> str:
        """A share (0..1) as a whole percentage: 45% or ٤٥٪."""
        text = f"{round(share * 100)}%"
        return text.translate(_ARABIC_NUMBER) if self.arabic_indic else text

    def of(self, text: str) -> str:
        """The digits of `text` (a date, a sentence Qarin made) in this style, nothing else changed."""
        return text.translate(_ARABIC_INDIC) if self.arabic_indic else text


LATIN = Digits(False)
ARABIC_INDIC = Digits(True)
