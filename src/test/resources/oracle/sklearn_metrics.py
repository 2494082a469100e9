"""Reference values from scikit-learn for org.mriworkbench.eval tests.

Usage: sklearn_metrics.py FILE.csv [FILE.csv ...]
Each CSV has a header "label,p0,...,p{k-1}" and one row per sample. Prints one JSON object mapping each
file name to its metrics. Only numpy and scikit-learn are used; values the Java side defines differently
(e.g. the multiclass Brier score) are computed here from their textbook formula and labelled as such.
"""
import csv
import json
import sys

import numpy as np
import sklearn
from sklearn import metrics as m


def curves(y, s):
    fpr, tpr, thr = m.roc_curve(y, s, drop_intermediate=False)
    prec, rec, pthr = m.precision_recall_curve(y, s)
    return {
        "roc_auc": m.roc_auc_score(y, s),
        "average_precision": m.average_precision_score(y, s),
        "brier": m.brier_score_loss(y, s),
        "roc_fpr": fpr.tolist(), "roc_tpr": tpr.tolist(), "roc_thresholds": thr.tolist(),
        "pr_precision": prec.tolist(), "pr_recall": rec.tolist(), "pr_thresholds": pthr.tolist(),
    }


def evaluate(path):
    with open(path) as f:
        rows = list(csv.reader(f))[1:]
    y = np.array([int(r[0]) for r in rows])
    p = np.array([[float(v) for v in r[1:]] for r in rows])
    k = p.shape[1]
    labels = list(range(k))
    pred = p.argmax(axis=1)
    prec, rec, f1, support = m.precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    out = {
        "k": k,
        "accuracy": m.accuracy_score(y, pred),
        "balanced_accuracy": m.balanced_accuracy_score(y, pred),
        "f1_macro": m.f1_score(y, pred, average="macro"),
        "f1_weighted": m.f1_score(y, pred, average="weighted"),
        "cohen_kappa": m.cohen_kappa_score(y, pred),
        "confusion_matrix": m.confusion_matrix(y, pred, labels=labels).tolist(),
        "precision": prec.tolist(), "recall": rec.tolist(), "f1": f1.tolist(), "support": support.tolist(),
        "log_loss": m.log_loss(y, p, labels=labels),
        "numpy_multiclass_brier": float(np.mean(np.sum((p - np.eye(k)[y]) ** 2, axis=1))),
    }
    if k == 2:
        out["binary"] = curves(y, p[:, 1])
    else:
        out["roc_auc_ovr_macro"] = m.roc_auc_score(y, p, multi_class="ovr", average="macro", labels=labels)
        out["ovr_auc"] = [m.roc_auc_score(y == c, p[:, c]) for c in labels]
        out["ovr_average_precision"] = [m.average_precision_score(y == c, p[:, c]) for c in labels]
    if k == 4:
        no_tumor = 2
        out["tumour"] = curves((y != no_tumor).astype(int), 1 - p[:, no_tumor])
    return out


if __name__ == "__main__":
    result = {"sklearn_version": sklearn.__version__}
    for path in sys.argv[1:]:
        result[path.rsplit("/", 1)[-1]] = evaluate(path)
    print(json.dumps(result))
