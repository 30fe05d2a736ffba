"""Train sparkler-tiny on procedural scenes generated on the fly (CPU, bf16 autocast).

    cd training && .venv/bin/python train.py --steps 5000 --seed 0 --out runs/model
    cd training && .venv/bin/python train.py --init runs/model/ckpt.pt --steps 15000 --seed 1 --lr 5e-4 \
        --warmup 200 --shape-fraction 0.75 --out runs/model-shapes      (the two stages `make model` runs)

v-prediction with the cosine schedule, MSE on v, caption dropout to the empty caption (all pads) for
classifier-free guidance, AdamW with linear warm-up then cosine decay to 10%, EMA of the weights.
A checkpoint (out/ckpt.pt: config, weights, EMA weights, step, loss log) is written every --ckpt-minutes
and at the end, atomically, so the latest one is always usable. --max-minutes stops early (the schedule
still assumes --steps: for a reproducible run, let it reach --steps). --init continues from another run's
EMA weights with a fresh optimiser and schedule (the second stage, which spends more of its scenes on shapes).
--init also takes an exported model folder (models/sparkler-tiny: float16 weights, tokenizer, config), and
grows the vocabulary when the caption grammar has new words: known words keep their embedding rows, a new
word starts from the row of the scene word it stands for ("ball" from "circle", phrasing.concept_words),
others from <unk>'s (the third stage: new wordings taught to a trained model).
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

import phrasing
import scenes
from model import Config, SparklerUNet, cosine_alphas_cumprod
from sample import load_exported
from tokenizer import Tokenizer


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=5000)
    p.add_argument("--max-minutes", type=float, default=None, help="stop early after this wall time")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--warmup", type=int, default=300)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--ema", type=float, default=0.999)
    p.add_argument("--cfg-dropout", type=float, default=0.1)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--init", type=Path, default=None, help="start from this checkpoint's EMA weights")
    p.add_argument("--shape-fraction", type=float, default=0.6, help="share of shape scenes in each batch")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--ckpt-minutes", type=float, default=3.0)
    p.add_argument("--log-every", type=int, default=25)
    p.add_argument("--out", type=Path, required=True)
    return p.parse_args()


def lr_at(step: int, args: argparse.Namespace) -> float:
    if step < args.warmup:
        return args.lr * (step + 1) / args.warmup
    progress = (step - args.warmup) / max(1, args.steps - args.warmup)
    return args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(progress, 1.0))))


def stage_record(state: dict) -> dict:
    """What the model card reports of one training run."""
    args, history = state["args"], state["history"]
    return {"steps": state["step"], "seed": args["seed"], "batch": args["batch"], "lr": args["lr"],
            "shape_fraction": args.get("shape_fraction", 0.6), "init": args.get("init"),
            "wall_seconds": round(state["wall_seconds"]), "final_loss": history[-1]["loss"] if history else None}


def load_start(path: Path) -> tuple[dict, dict, list[str], list[dict]]:
    """Weights, configuration, vocabulary and training stages of a checkpoint or an exported model folder."""
    if path.is_dir():
        weights, config, tok, everything = load_exported(path)
        return weights, config.to_dict(), tok.vocab, everything["training"]["stages"]
    state = torch.load(path, map_location="cpu")
    stages = state.get("stages") or [stage_record(state)]
    return state["ema"], state["config"], Tokenizer.load(path.parent / "tokenizer.json").vocab, stages


def grown_embedding(rows: torch.Tensor, old_vocab: list[str], new_vocab: list[str]) -> torch.Tensor:
    old_index = {w: i for i, w in enumerate(old_vocab)}
    missing = [w for w in old_vocab if w not in new_vocab]
    if missing:
        raise SystemExit(f"the caption grammar lost words the model knows: {missing}")
    concepts = phrasing.concept_words()
    grown = torch.empty(len(new_vocab), rows.shape[1])
    for i, word in enumerate(new_vocab):
        source = word if word in old_index else concepts.get(word, "<unk>")
        grown[i] = rows[old_index.get(source, old_index["<unk>"])]
    return grown


def save_checkpoint(path: Path, **state) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)


def main() -> None:
    args = parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    tok = Tokenizer.from_scenes()
    tok.save(args.out / "tokenizer.json")
    cfg = Config(vocab_size=len(tok.vocab), max_length=tok.max_length)
    model = SparklerUNet(cfg)
    if args.init is not None:
        weights, config, vocab, earlier_stages = load_start(args.init)
        if json.loads(json.dumps(config | {"vocab_size": cfg.vocab_size})) != json.loads(json.dumps(cfg.to_dict())):
            raise SystemExit(f"{args.init}: its model configuration differs from this one")
        weights["text.tok_emb.weight"] = grown_embedding(weights["text.tok_emb.weight"], vocab, tok.vocab)
        model.load_state_dict(weights)
    else:
        earlier_stages = []
    ema = copy.deepcopy(model).requires_grad_(False)
    params = sum(p.numel() for p in model.parameters())
    print(f"vocab {len(tok.vocab)}, parameters {params:,}", flush=True)
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2 and "emb" not in n]
    no_decay = [p for n, p in model.named_parameters() if not (p.ndim >= 2 and "emb" not in n)]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                             {"params": no_decay, "weight_decay": 0.0}], lr=args.lr, betas=(0.9, 0.99))
    abar = cosine_alphas_cumprod().float()
    gen = torch.Generator().manual_seed(args.seed)

    # Scenes are drawn in this process, between steps: a separate data process makes the two torch
    # threads fight it for the two cores, which measured slower (0.9 s/step against 0.44 s/step).
    rng = np.random.default_rng(args.seed)

    log = open(args.out / "log.jsonl", "a")
    losses: list[float] = []
    history: list[dict] = []
    start = last_ckpt = time.time()
    step = 0

    def checkpoint() -> None:
        state = dict(config=cfg.to_dict(), model=model.state_dict(), ema=ema.state_dict(), step=step,
                     history=history, args=vars(args) | {"out": str(args.out), "init": args.init and str(args.init)},
                     wall_seconds=time.time() - start, parameters=params)
        save_checkpoint(args.out / "ckpt.pt", **state, stages=earlier_stages + [stage_record(state)])

    while step < args.steps:
        if args.max_minutes is not None and time.time() - start > args.max_minutes * 60:
            print("time budget reached", flush=True)
            break
        images, captions = scenes.make_batch(rng, args.batch, args.shape_fraction)
        x0, ids = torch.from_numpy(images), torch.from_numpy(tok.encode_batch(captions))
        drop = torch.rand(len(ids), generator=gen) < args.cfg_dropout
        ids[drop] = 0
        t = torch.randint(0, len(abar), (len(x0),), generator=gen)
        noise = torch.randn(x0.shape, generator=gen)
        a = abar[t].sqrt()[:, None, None, None]
        s = (1 - abar[t]).sqrt()[:, None, None, None]
        xt, v = a * x0 + s * noise, a * noise - s * x0

        for g in opt.param_groups:
            g["lr"] = lr_at(step, args)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            pred = model(xt, t, model.encode_text(ids))
        loss = F.mse_loss(pred.float(), v)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        d = min(args.ema, (1 + step) / (10 + step))
        with torch.no_grad():
            for pe, pm in zip(ema.parameters(), model.parameters()):
                pe.lerp_(pm, 1 - d)
        step += 1
        losses.append(loss.item())

        if step % args.log_every == 0 or step == args.steps:
            elapsed = time.time() - start
            entry = {"step": step, "loss": float(np.mean(losses)), "lr": lr_at(step - 1, args),
                     "elapsed_s": round(elapsed, 1), "s_per_step": round(elapsed / step, 3)}
            history.append(entry)
            log.write(json.dumps(entry) + "\n")
            log.flush()
            print(entry, flush=True)
            losses.clear()
        if time.time() - last_ckpt > args.ckpt_minutes * 60:
            checkpoint()
            last_ckpt = time.time()
    checkpoint()
    print(f"done: {step} steps in {time.time() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main()
