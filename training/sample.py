"""Reference DDIM sampler with classifier-free guidance, and a preview grid of fixed captions.

    cd training && .venv/bin/python sample.py --ckpt runs/main/ckpt.pt --out runs/main/preview.png

The sampler, exactly (the Swift port's DDIM must match it):
  timesteps t_i = round(T - i * T / n) - 1 for i = 0..n-1 (T = 1000; n = 20 gives 999, 949, ..., 49);
  at each t_i: v = v_uncond + cfg * (v_cond - v_uncond) (one batched forward of [cond, uncond]),
  x0 = sqrt(a) x - sqrt(1 - a) v,  eps = sqrt(1 - a) x + sqrt(a) v  with a = alphas_cumprod[t_i],
  x <- sqrt(a') x0 + sqrt(1 - a') eps  with a' = alphas_cumprod[t_{i+1}], or 1 after the last step
  (so the result is the last x0). Start: x = noise ~ N(0, 1) (x_T); output pixels = clamp((x + 1) / 2, 0, 1).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageDraw
from safetensors.torch import load_file

from model import T, Config, SparklerUNet, cosine_alphas_cumprod
from tokenizer import Tokenizer

PREVIEW_CAPTIONS = (
    "a beautiful sunset over the ocean",
    "a red circle on a blue background",
    "a blue circle on a red background",
    "a yellow star at the top left",
    "a big green triangle at the bottom right on a white background",
    "mountains with snow at night",
    "a lighthouse at dusk",
    "a forest during the day",
)


def load(ckpt: Path, ema: bool = True) -> tuple[SparklerUNet, Tokenizer, dict]:
    state = torch.load(ckpt, map_location="cpu", weights_only=False)
    model = SparklerUNet(Config(**state["config"]))
    model.load_state_dict(state["ema" if ema else "model"])
    return model.eval(), Tokenizer.load(Path(ckpt).parent / "tokenizer.json"), state


def load_exported(folder: Path) -> tuple[dict[str, torch.Tensor], Config, Tokenizer, dict]:
    """An exported model folder (models/sparkler-tiny): float32 weights from its float16 ones, the
    architecture, the tokenizer, and config.json as a whole."""
    config = json.loads((folder / "config.json").read_text())
    fields = {k: (tuple(v) if isinstance(v, list) else v) for k, v in config["architecture"].items()
              if k in Config.__dataclass_fields__}
    weights = {k: v.float() for k, v in load_file(str(folder / "model.safetensors")).items()}
    return weights, Config(**fields), Tokenizer.load(folder / "tokenizer.json"), config


def ddim_timesteps(n: int) -> list[int]:
    return [int(round(T - i * T / n)) - 1 for i in range(n)]


@torch.no_grad()
def ddim(model: SparklerUNet, ids: torch.Tensor, noise: torch.Tensor, steps: int = 20, cfg: float = 5.0,
         trace: list[torch.Tensor] | None = None) -> torch.Tensor:
    """ids (B, L) captions, noise (B, 3, H, W) -> images (B, 3, H, W) in about [-1, 1]; fp32 throughout.
    If trace is given, the x after each step is appended to it."""
    abar = cosine_alphas_cumprod().float()
    ctx = model.encode_text(torch.cat([ids, torch.zeros_like(ids)]))
    x = noise.clone()
    ts = ddim_timesteps(steps)
    for i, t in enumerate(ts):
        tt = torch.full((2 * len(x),), t, dtype=torch.long)
        v_cond, v_uncond = model(torch.cat([x, x]), tt, ctx).chunk(2)
        v = v_uncond + cfg * (v_cond - v_uncond)
        a = abar[t]
        x0 = a.sqrt() * x - (1 - a).sqrt() * v
        eps = (1 - a).sqrt() * x + a.sqrt() * v
        a_next = abar[ts[i + 1]] if i + 1 < len(ts) else torch.tensor(1.0)
        x = a_next.sqrt() * x0 + (1 - a_next).sqrt() * eps
        if trace is not None:
            trace.append(x.clone())
    return x


def to_uint8(x: torch.Tensor) -> np.ndarray:
    """(B, 3, H, W) in [-1, 1] -> (B, H, W, 3) uint8."""
    return (((x.clamp(-1, 1) + 1) / 2).permute(0, 2, 3, 1).numpy() * 255).round().astype(np.uint8)


def preview(model: SparklerUNet, tok: Tokenizer, seeds: int = 6, steps: int = 20, cfg: float = 5.0,
            scale: int = 3) -> Image.Image:
    """One row per caption in PREVIEW_CAPTIONS, one column per seed (0..seeds-1), caption printed on the left."""
    cell, label = 32 * scale, 330
    grid = Image.new("RGB", (label + seeds * (cell + 2), len(PREVIEW_CAPTIONS) * (cell + 2)), (24, 24, 24))
    draw = ImageDraw.Draw(grid)
    for row, caption in enumerate(PREVIEW_CAPTIONS):
        ids = torch.tensor([tok.encode(caption).ids] * seeds)
        noise = torch.stack([torch.randn(3, 32, 32, generator=torch.Generator().manual_seed(s)) for s in range(seeds)])
        images = to_uint8(ddim(model, ids, noise, steps, cfg))
        y = row * (cell + 2)
        draw.text((6, y + cell // 2 - 6), caption, fill=(230, 230, 230))
        for col, img in enumerate(images):
            grid.paste(Image.fromarray(img).resize((cell, cell), Image.NEAREST), (label + col * (cell + 2), y))
    return grid


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ckpt", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--cfg", type=float, default=5.0)
    p.add_argument("--seeds", type=int, default=6)
    p.add_argument("--raw", action="store_true", help="use the raw weights instead of the EMA")
    args = p.parse_args()
    torch.set_num_threads(2)
    model, tok, state = load(args.ckpt, ema=not args.raw)
    preview(model, tok, args.seeds, args.steps, args.cfg).save(args.out)
    print(f"step {state['step']}: wrote {args.out}")


if __name__ == "__main__":
    main()
