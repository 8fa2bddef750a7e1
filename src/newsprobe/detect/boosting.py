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
    """Log-odds for each row of ``X``, exactly as the exported model computed them."""
    X = np.asarray(X, dtype=np.float64)
    out = np.full(len(X), exported["baseline"], dtype=np.float64)
    for tree in exported["trees"]:
        nodes = np.asarray(tree, dtype=np.float64)
        idx = np.zeros(len(X), dtype=np.int64)
        for _ in range(len(nodes)):
            feat = nodes[idx, 0].astype(np.int64)
            inner = feat >= 0
            if not inner.any():
                break
            rows = np.nonzero(inner)[0]
            x = X[rows, feat[inner]]
            go_left = np.where(np.isnan(x), nodes[idx[inner], 2] > 0, x <= nodes[idx[inner], 1])
            idx[rows] = np.where(go_left, nodes[idx[inner], 3], nodes[idx[inner], 4]).astype(
                np.int64
            )
        out += nodes[idx, 5]
    return out
