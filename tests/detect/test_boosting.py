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
