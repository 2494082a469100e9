"""PyTorch half of `workbench bench train`: the same CNN, batch, input size and thread count as the DL4J half.

Used only by the benchmark, never by training. It builds the workbench's CnnSpec (blocks of conv3x3 without bias ->
batch norm -> ReLU -> max pool 2x2, then dense ReLU, dropout, a linear output with softmax cross-entropy, He init for
convs and dense, Adam 1e-3), trains it on a preloaded random tensor set for a fixed number of minibatches and prints
one JSON line: images per second, images per CPU-second and the peak resident set size of this process.

Run by the Java benchmark with Debian's /usr/bin/python3 and python3-torch (environment/install-deps.sh --bench).
"""
import argparse
import json
import resource
import sys
import time

import torch
import torch.nn as nn


def build(size, channels, blocks, bn, dense, dropout, classes):
    layers = []
    c = channels
    s = size
    for f in blocks:
        layers.append(nn.Conv2d(c, f, 3, padding=1, bias=not bn))
        if bn:
            layers.append(nn.BatchNorm2d(f))
        layers.append(nn.ReLU(inplace=True))
        layers.append(nn.MaxPool2d(2, 2))
        c = f
        s //= 2
    layers += [nn.Flatten(), nn.Linear(c * s * s, dense), nn.ReLU(inplace=True)]
    if dropout > 0:
        layers.append(nn.Dropout(dropout))
    layers.append(nn.Linear(dense, classes))
    net = nn.Sequential(*layers)
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)) and m is not layers[-1]:
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
    return net


def peak_rss_mb():
    """This process's high-water RSS. ru_maxrss would also count the JVM this process was forked from."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def reset_peak_rss():
    """Resets VmHWM to the current RSS (Linux: write 5 to clear_refs), so a later peak belongs to what ran since."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=128)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--iters", type=int, default=20)
    p.add_argument("--images", type=int, default=256, help="preloaded images cycled through")
    p.add_argument("--blocks", default="16,32,64,128")
    p.add_argument("--bn", type=int, default=1)
    p.add_argument("--dense", type=int, default=128)
    p.add_argument("--dropout", type=float, default=0.5)
    p.add_argument("--classes", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--predict-batch", type=int, default=64)
    p.add_argument("--predict-iters", type=int, default=0, help="timed eval() + no_grad() minibatches; 0: none")
    p.add_argument("--rss-batches", default="", help="comma-separated batch sizes: peak RSS while training each")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(a.seed)
    blocks = [int(x) for x in a.blocks.split(",")]
    net = build(a.size, 1, blocks, bool(a.bn), a.dense, a.dropout, a.classes)
    net.train()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.rand(a.images, 1, a.size, a.size)
    y = torch.randint(0, a.classes, (a.images,))
    per_pass = a.images // a.batch

    def step(i):
        j = (i % per_pass) * a.batch
        xb, yb = x[j:j + a.batch], y[j:j + a.batch]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        return loss

    for i in range(a.warmup):
        step(i)
    c0 = time.process_time()
    t0 = time.perf_counter()
    for i in range(a.iters):
        step(i)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    images = a.iters * a.batch
    train_peak = peak_rss_mb()
    result = {}
    if a.predict_iters > 0:
        net.eval()
        pb = min(a.predict_batch, a.images)
        starts = [j * pb for j in range(a.images // pb)]
        with torch.no_grad():
            for i in range(2):
                net(x[starts[i % len(starts)]:starts[i % len(starts)] + pb])
            t1 = time.perf_counter()
            for i in range(a.predict_iters):
                j = starts[i % len(starts)]
                net(x[j:j + pb])
            result["predict_images_per_s"] = a.predict_iters * pb / (time.perf_counter() - t1)
        net.train()
    rss = {}
    for b in [int(v) for v in a.rss_batches.split(",") if v]:
        xb = torch.rand(b, 1, a.size, a.size)
        yb = torch.randint(0, a.classes, (b,))
        reset_peak_rss()
        for _ in range(3):
            opt.zero_grad(set_to_none=True)
            loss_fn(net(xb), yb).backward()
            opt.step()
        rss[str(b)] = peak_rss_mb()
        del xb, yb
    result["rss_mb_by_batch"] = rss
    print(json.dumps({**result,
        "framework": "pytorch " + torch.__version__,
        "images_per_s": images / wall,
        "images_per_cpu_s": images / cpu,
        "peak_rss_mb": train_peak,
        "threads": torch.get_num_threads(),
        "trainable_params": sum(p.numel() for p in net.parameters() if p.requires_grad),
        "mkldnn": torch.backends.mkldnn.is_available(),
    }))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
