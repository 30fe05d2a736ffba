"""The PyTorch reference for `make bench`: the shipped weights (models/sparkler-tiny/model.safetensors),
the same sampler as the Swift engine's default picture (DDIM, 20 steps, guidance 3, conditional and
unconditional in one batch of 2), float32, two threads.

    .venv/bin/python bench_reference.py --runs 20     # in process: median and min per picture
    .venv/bin/python bench_reference.py --once        # one picture, for whole-process timing
    .venv/bin/python bench_reference.py --batches 1,2,4,8   # pictures per second when N are drawn at once
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import torch

from model import SparklerUNet
from sample import ddim, load_exported
from tokenizer import Tokenizer

MODEL = Path(__file__).resolve().parent.parent / "models" / "sparkler-tiny"
PROMPT = "a beautiful sunset over the ocean"


def load() -> tuple[SparklerUNet, Tokenizer]:
    weights, config, tok, _ = load_exported(MODEL)
    model = SparklerUNet(config)
    model.load_state_dict(weights)
    return model.eval(), tok


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--once", action="store_true")
    p.add_argument("--batches", type=str, default=None, help="comma-separated picture counts drawn in one batch")
    args = p.parse_args()
    torch.set_num_threads(2)
    model, tok = load()
    ids = torch.tensor([tok.encode(PROMPT).ids])
    noise = torch.randn(1, 3, 32, 32, generator=torch.Generator().manual_seed(42))
    if args.once:
        ddim(model, ids, noise, 20, 3.0)
        return
    if args.batches:
        print_batch_scaling(model, ids, [int(n) for n in args.batches.split(",")], args.runs)
        return
    ddim(model, ids, noise, 20, 3.0)  # warm-up
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        ddim(model, ids, noise, 20, 3.0)
        times.append(time.perf_counter() - start)
    print(f"| PyTorch {torch.__version__}, same picture, in process | {statistics.median(times) * 1000:.1f} ms "
          f"| {min(times) * 1000:.1f} ms | 20 x batch 2 | {20 * 2 * 2 * 214e6 / statistics.median(times) / 1e9:.1f} |")


def print_batch_scaling(model: SparklerUNet, ids: torch.Tensor, batches: list[int], runs: int) -> None:
    """How much a framework gains from drawing N pictures at once on these cores (issue #16's question)."""
    print("| pictures per batch | median per batch | pictures/s | vs 1 |")
    print("|---:|---:|---:|---:|")
    rate_of_one = None
    for n in batches:
        noise = torch.randn(n, 3, 32, 32, generator=torch.Generator().manual_seed(42))
        ddim(model, ids.repeat(n, 1), noise, 20, 3.0)  # warm-up
        times = []
        for _ in range(max(3, runs // n)):
            start = time.perf_counter()
            ddim(model, ids.repeat(n, 1), noise, 20, 3.0)
            times.append(time.perf_counter() - start)
        rate = n / statistics.median(times)
        rate_of_one = rate_of_one or rate
        print(f"| {n} | {statistics.median(times) * 1000:.1f} ms | {rate:.2f} | {rate / rate_of_one:.2f}x |")


if __name__ == "__main__":
    main()
