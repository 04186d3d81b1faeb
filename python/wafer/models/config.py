"""Small config dataclasses for the model builders (defaults are tiny)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class ModelConfig:
    layers: int = 2
    hidden: int = 64
    heads: int = 4
    kv_heads: int | None = None  # None -> same as heads
    ffn: int = 256
    vocab: int = 256
    max_pos: int = 64
    seed: int = 0
    eps: float = 1e-5

    @property
    def head_dim(self) -> int:
        return self.hidden // self.heads

    @property
    def n_kv_heads(self) -> int:
        return self.heads if self.kv_heads is None else self.kv_heads

    def validate(self) -> None:
        if min(self.layers, self.hidden, self.heads, self.ffn, self.vocab, self.max_pos) < 1:
            raise ValueError(f"all sizes must be positive: {self}")
        if self.hidden % self.heads:
            raise ValueError(f"hidden {self.hidden} not divisible by heads {self.heads}")
        if self.heads % self.n_kv_heads:
            raise ValueError(f"heads {self.heads} not divisible by kv_heads {self.n_kv_heads}")

    def replace(self, **kw):
        return dataclasses.replace(self, **kw)


@dataclass(frozen=True)
class GPT2Config(ModelConfig):
    """GPT-2 style decoder (kv_heads must equal heads)."""

    def validate(self) -> None:
        super().validate()
        if self.n_kv_heads != self.heads:
            raise ValueError("GPT-2 has no grouped-query attention; kv_heads must equal heads")


@dataclass(frozen=True)
class BertConfig(ModelConfig):
    """BERT style encoder.  ``token_type_ids=True`` adds a third graph input;
    otherwise the token types are zeros built with ConstantOfShape (as HF does
    when the caller passes none)."""

    eps: float = 1e-12
    type_vocab: int = 2
    token_type_ids: bool = False

    def validate(self) -> None:
        super().validate()
        if self.n_kv_heads != self.heads:
            raise ValueError("BERT has no grouped-query attention; kv_heads must equal heads")


@dataclass(frozen=True)
class LlamaConfig(ModelConfig):
    """Llama style decoder with grouped-query attention."""

    kv_heads: int | None = 2
    ffn: int = 176
    eps: float = 1e-6
    rope_theta: float = 10000.0

    def validate(self) -> None:
        super().validate()
        if self.head_dim % 2:
            raise ValueError("rotary embedding needs an even head_dim")
