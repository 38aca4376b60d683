"""Evaluation against gold annotations (``rasd evaluate``) and the score gate."""

from rasd.eval.run import evaluate_dir, load_gold
from rasd.eval.score import GATED, flat, format_table, score

__all__ = ["evaluate_dir", "load_gold", "score", "flat", "format_table", "GATED"]
