import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from newsprobe.detect.boosting import export_trees, tree_decision


def test_exported_trees_reproduce_sklearn_exactly_including_missing_values():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(600, 4))
    y = (X[:, 0] + X[:, 1] ** 2 + rng.normal(size=600) > 1).astype(int)
    X[rng.random(X.shape) < 0.05] = np.nan
    model = HistGradientBoostingClassifier(
        max_iter=40, max_depth=3, monotonic_cst=[1, 0, 0, -1], random_state=0
    ).fit(X, y)
    exported = export_trees(model)
    np.testing.assert_allclose(tree_decision(exported, X), model.decision_function(X))
    # Plain lists and numbers only: the detector file stays JSON.
    assert isinstance(exported["trees"][0][0], list)


def test_trees_of_different_sizes_add_their_leaves_in_tree_order_bit_for_bit():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(300, 3))
    y = (X[:, 0] - X[:, 2] + rng.normal(size=300) > 0).astype(int)
    X[rng.random(X.shape) < 0.1] = np.nan
    model = HistGradientBoostingClassifier(
        max_iter=30, max_leaf_nodes=6, min_samples_leaf=40, random_state=0
    )
    exported = export_trees(model.fit(X, y))
    assert len({len(t) for t in exported["trees"]}) > 1  # padding is exercised
    # The plain walk, one tree after another.
    expected = np.full(len(X), exported["baseline"])
    for tree in exported["trees"]:
        for r, x in enumerate(X):
            node = tree[0]
            while node[0] >= 0:
                v = x[int(node[0])]
                left = node[2] > 0 if np.isnan(v) else v <= node[1]
                node = tree[int(node[3] if left else node[4])]
            expected[r] += node[5]
    np.testing.assert_array_equal(tree_decision(exported, X), expected)
    assert tree_decision(exported, X[:0]).shape == (0,)
