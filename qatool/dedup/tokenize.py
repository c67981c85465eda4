"""Chinese word segmentation for dedup: jieba's dictionary and algorithm, with a domain user
dictionary so that terms such as 预训练模型 stay one token.

The segmenter uses `rjieba` (jieba-rs, the same dictionary and algorithm, ~100x faster) when it is
installed *and* gives the same tokens as jieba on a probe text with the same user words; otherwise
it falls back to pure-Python jieba. `backend` says which one is in use.

>>> Segmenter().cut("预训练模型可以缓解过拟合（Fine-tuning）")
['预训练模型', '可以', '缓解', '过拟合', 'fine', 'tuning']
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jieba

jieba.setLogLevel(logging.WARNING)

PROBE = (
    "预训练模型通过知识蒸馏缓解过拟合，梯度消失和微调是常见问题。BERT模型的预训练需要大规模语料，"
    "而 Fine-tuning 只需要少量标注数据。精确率和召回率的调和平均是F1分数；长短时记忆网络缓解了梯度消失。"
    "南京市长江大桥上的研究生命科学起源，结婚的和尚未结婚的都参加了。"
)


def domain_words(extra: tuple[Path, ...] = ()) -> list[str]:
    """The shipped domain dictionary plus user dictionaries (jieba format: word [freq] [tag])."""
    texts = [resources.files("qatool.dedup").joinpath("userdict.txt").read_text(encoding="utf-8")]
    texts += [Path(p).read_text(encoding="utf-8") for p in extra]
    words = []
    for text in texts:
        for line in text.splitlines():
            parts = line.split()
            if parts and not parts[0].startswith("#"):
                words.append(parts[0])
    return words


_ALNUM_RUN = re.compile(r"[a-z]+|[0-9]+")
_NOT_WORD = re.compile(r"[^\u3400-\u9fffa-z0-9\x00]+")


def normalise_tokens(raw: list[str]) -> list[str]:
    """Lower-case, split Latin words on anything but letters and digits, split CJK from Latin, drop
    punctuation and spaces. Whole-string regex passes, no per-token Python work beyond the filter."""
    joined = _NOT_WORD.sub("\x00", _ALNUM_RUN.sub("\x00\\g<0>\x00", "\x00".join(raw).lower()))
    return [t for t in joined.split("\x00") if t]


class Segmenter:
    def __init__(self, user_dicts: tuple[Path, ...] = (), backend: str = "auto"):
        """backend: "auto" (rjieba if it agrees with jieba on a probe text, else jieba), "jieba", or
        "rjieba" (trusted without the probe: what worker processes get once the parent has checked)."""
        words = domain_words(user_dicts)
        self._words = words
        self._jieba_tok: jieba.Tokenizer | None = None
        self._fast = None
        self.backend = "jieba"
        if backend in ("auto", "rjieba"):
            try:
                import rjieba
            except ImportError:
                rjieba = None  # type: ignore[assignment]  # where rjieba cannot be installed, jieba alone
            if rjieba is not None:
                fast = rjieba.Jieba()
                for w in words:
                    fast.add_word(w, None, None)
                agree = backend == "rjieba" or normalise_tokens(fast.cut(PROBE, True)) == normalise_tokens(self._jieba.lcut(PROBE, HMM=True))
                if backend == "rjieba" or agree:
                    self._fast = fast
                    self.backend = "rjieba"
        elif backend != "jieba":
            raise ValueError(f"unknown segmenter backend {backend!r}; use auto, jieba or rjieba")

    @property
    def _jieba(self) -> jieba.Tokenizer:
        """Pure-Python jieba, loaded only when needed (its dictionary takes ~1.5 s to load)."""
        if self._jieba_tok is None:
            tok = jieba.Tokenizer()
            for w in self._words:
                tok.add_word(w)
            self._jieba_tok = tok
        return self._jieba_tok

    def raw_cut(self, text: str) -> list[str]:
        """The segmenter's own tokens, not normalised (punctuation and spaces included)."""
        return self._fast.cut(text, True) if self._fast is not None else self._jieba.lcut(text, HMM=True)

    def cut(self, text: str) -> list[str]:
        """Normalised tokens of `text` (see `normalise_tokens`)."""
        return normalise_tokens(self.raw_cut(text))

    def cut_jieba(self, text: str) -> list[str]:
        """Always pure-Python jieba (the reference the fast backend is checked against)."""
        return normalise_tokens(self._jieba.lcut(text, HMM=True))


@lru_cache(maxsize=4)
def get_segmenter(user_dicts: tuple[Path, ...] = (), backend: str = "auto") -> Segmenter:
    return Segmenter(user_dicts, backend)
