"""Shallow boosted trees as plain JSON, so a fitted detector stays a small, readable file.

The boosted combiner is fitted with scikit-learn's ``HistGradientBoostingClassifier`` (with
monotonic constraints where a feature's direction is known), then exported to nested
lists and evaluated here with numpy: loading a detector never unpickles anything and
does not depend on scikit-learn's private tree layout at run time.
"""

from __future__ import annotations

from typing import Any

import numpy as np

# One node: [feature, threshold, missing_goes_left, left, right, leaf_value]; a leaf has
# feature -1 and only its value matters.
Node = list[float]


def export_trees(model: Any) -> dict[str, Any]:
    """The trees and baseline of a fitted binary ``HistGradientBoostingClassifier``."""
    trees: list[list[Node]] = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        trees.append(
            [
                [
                    -1 if n["is_leaf"] else int(n["feature_idx"]),
                    float(n["num_threshold"]),
                    int(n["missing_go_to_left"]),
                    int(n["left"]),
                    int(n["right"]),
                    float(n["value"]),
                ]
                for n in nodes
            ]
        )
    return {"baseline": float(np.ravel(model._baseline_prediction)[0]), "trees": trees}


def tree_decision(exported: dict[str, Any], X: np.ndarray) -> np.ndarray:
    """Log-odds for each row of ``X``, exactly as the exported model computed them.

    All trees are walked together, one level per step (shallow trees: a few steps), and
    their leaves are added in tree order, as the model adds them.
    """
    X = np.asarray(X, dtype=np.float64)
    trees = exported["trees"]
    width = max((len(t) for t in trees), default=1)
    # Shorter trees are padded with leaves that are never reached.
    leaf = [-1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    nodes = np.asarray([t + [leaf] * (width - len(t)) for t in trees], dtype=np.float64)
    nodes = nodes.reshape(len(trees), width, len(leaf))
    tree = np.arange(len(trees))[:, None]
    row = np.arange(len(X))[None, :]
    idx = np.zeros((len(trees), len(X)), dtype=np.int64)
    for _ in range(width):
        node = nodes[tree, idx]
        feat = node[..., 0].astype(np.int64)
        inner = feat >= 0
        if not inner.any():
            break
        x = X[row, np.where(inner, feat, 0)]
        go_left = np.where(np.isnan(x), node[..., 2] > 0, x <= node[..., 1])
        step = np.where(go_left, node[..., 3], node[..., 4]).astype(np.int64)
        idx = np.where(inner, step, idx)
    leaves = nodes[tree, idx, 5]
    baseline = np.full((1, len(X)), exported["baseline"], dtype=np.float64)
    # cumsum adds in order, so the sum is the sequential one of the model, bit for bit.
    return np.cumsum(np.concatenate([baseline, leaves]), axis=0)[-1]
