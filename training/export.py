"""Export a checkpoint's EMA weights for the Swift engine, with parity fixtures and a preview.

    cd training && .venv/bin/python export.py --ckpt runs/main/ckpt.pt --out ../models/sparkler-tiny

Writes into --out:
  model.safetensors  EMA weights as float16, named exactly as the PyTorch state dict (see TENSORS.md)
  tokenizer.json     vocabulary and rules (see tokenizer.py)
  config.json        architecture, schedule, prediction type, sampler defaults, scene vocabulary, training run
  TENSORS.md         every tensor: name, shape, what it is
  preview.png        the preview grid (sample.py) drawn from the exported float16 weights
  fixtures/          parity fixtures (fixtures/README.md), computed in float32 from the float16 weights
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from safetensors.torch import save_file

import scenes
from model import T, SparklerUNet, cosine_alphas_cumprod, timestep_embedding
from sample import ddim, ddim_timesteps, load, preview, to_uint8
from tokenizer import Tokenizer

FIXTURE_CAPTION = "a red circle on a blue background"
FIXTURE_T = 500
FIXTURE_X_SEED = 1234
DDIM_CAPTION = "a beautiful sunset over the ocean"
DDIM_NOISE_SEED = 42
DDIM_STEPS, DDIM_CFG = 20, 5.0
# Intermediate activations saved by the fixtures (module name -> what its output is).
PROBES = {
    "conv_in": "conv_in output, (1, C0, 32, 32)",
    "down0": "after down0 ResBlock = skip0, (1, C0, 32, 32)",
    "down1_attn": "after down1 ResBlock + cross-attention = skip1, (1, C1, 16, 16)",
    "mid_attn": "after mid1 ResBlock + mid cross-attention, (1, C2, 8, 8)",
    "up1_attn": "after up1 ResBlock + cross-attention (before upsampling), (1, C1, 16, 16)",
    "up0": "after up0 ResBlock (before norm_out), (1, C0, 32, 32)",
}


def describe(name: str) -> str:
    """What a tensor is, from its name (weights of Linear are (out, in); of Conv2d (out, in, kh, kw))."""
    leaf = name.rsplit(".", 1)[-1]
    parent = name.rsplit(".", 1)[0] if "." in name else name
    if name == "text.tok_emb.weight":
        return "token embedding table (vocab, text_dim), row = token id"
    if name == "text.pos_emb":
        return "learned position embedding (max_length, text_dim), added to token embeddings"
    if ".qkv." in name:
        return f"Linear {leaf}: fused q, k, v projection, output rows [0:d]=q, [d:2d]=k, [2d:3d]=v"
    kinds = {"norm": "GroupNorm" if not name.startswith("text.") else "LayerNorm", "conv": "Conv2d",
             "skip": "Conv2d 1x1 skip", "temb": "Linear time-embedding -> channels"}
    for key, kind in kinds.items():
        if parent.rsplit(".", 1)[-1].startswith(key):
            return f"{kind} {leaf}"
    return f"Linear {leaf}"


def write_tensors_md(path: Path, tensors: dict[str, torch.Tensor]) -> None:
    lines = ["# model.safetensors: every tensor", "",
             "All float16 (convert to float32 on load). Linear weights are (out, in), y = x W^T + b; Conv2d "
             "weights are (out, in, 3, 3) or (out, in, 1, 1), PyTorch cross-correlation layout. "
             "GroupNorm/LayerNorm: y = (x - mean) / sqrt(var + 1e-5) * weight + bias (biased variance).", "",
             "| name | shape | what |", "|---|---|---|"]
    for name, tensor in tensors.items():
        lines.append(f"| `{name}` | {tuple(tensor.shape)} | {describe(name)} |")
    lines.append(f"\n{len(tensors)} tensors, {sum(t.numel() for t in tensors.values()):,} parameters.\n")
    path.write_text("\n".join(lines))


def save(dir_: Path, name: str, array: torch.Tensor | np.ndarray) -> None:
    a = array.detach().numpy() if isinstance(array, torch.Tensor) else array
    np.save(dir_ / f"{name}.npy", a)


@torch.no_grad()
def write_fixtures(model: SparklerUNet, tok: Tokenizer, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    abar = cosine_alphas_cumprod()
    save(out, "alphas_cumprod", abar.numpy())  # float64
    save(out, "ddim_timesteps", np.array(ddim_timesteps(DDIM_STEPS), np.int32))

    ids = torch.tensor([tok.encode(FIXTURE_CAPTION).ids])
    empty = torch.zeros_like(ids)
    x = torch.randn(1, 3, 32, 32, generator=torch.Generator().manual_seed(FIXTURE_X_SEED))
    t = torch.tensor([FIXTURE_T])
    save(out, "tokens", ids.int())
    save(out, "text_ctx", model.encode_text(ids))
    save(out, "text_ctx_empty", model.encode_text(empty))
    save(out, "x", x)
    save(out, "t", t.int())
    save(out, "temb", model.time_fc2(torch.nn.functional.silu(model.time_fc1(timestep_embedding(t, 64)))))

    captured: dict[str, torch.Tensor] = {}
    hooks = [getattr(model, n).register_forward_hook(lambda m, i, o, n=n: captured.__setitem__(n, o))
             for n in PROBES]
    save(out, "unet_out", model(x, t, model.encode_text(ids)))
    for h in hooks:
        h.remove()
    for name, act in captured.items():
        save(out, f"act_{name}", act)
    save(out, "unet_out_empty", model(x, t, model.encode_text(empty)))

    ddim_ids = torch.tensor([tok.encode(DDIM_CAPTION).ids])
    noise = torch.randn(1, 3, 32, 32, generator=torch.Generator().manual_seed(DDIM_NOISE_SEED))
    trace: list[torch.Tensor] = []
    final = ddim(model, ddim_ids, noise, DDIM_STEPS, DDIM_CFG, trace)
    save(out, "ddim_tokens", ddim_ids.int())
    save(out, "ddim_noise", noise)
    save(out, "ddim_trace", torch.stack(trace))
    save(out, "ddim_final", final)
    Image.fromarray(to_uint8(final)[0]).save(out / "ddim_final.png")


def config_json(model: SparklerUNet, state: dict, tok: Tokenizer) -> dict:
    cfg = model.cfg.to_dict()
    hist = state["history"]
    return {
        "name": "sparkler-tiny",
        "architecture": cfg | {"in_channels": 5, "image_channels": 3, "coordinate_channels": "x then y, "
                               "linspace(-1, 1) over width / height, concatenated after RGB",
                               "cross_attention_heads": {str(c): c // cfg["head_dim"] for c in cfg["channels"][1:]},
                               "text_activation": "silu", "attention_mask": "none"},
        "native_size": [cfg["image_size"], cfg["image_size"]],
        "fully_convolutional": True,
        "pixel_range": "model space [-1, 1]; pixels = clamp((x + 1) / 2, 0, 1)",
        "schedule": {"type": "cosine", "train_steps": T, "s": 0.008, "beta_max": 0.999,
                     "formula": "beta_i = min(1 - f((i+1)/T)/f(i/T), 0.999), f(u) = cos((u+s)/(1+s)*pi/2)^2, "
                                "alphas_cumprod[t] = prod_{i<=t}(1 - beta_i), t = 0..999",
                     "timestep_input": "integer t in 0..999 fed to the sinusoidal embedding"},
        "prediction": "v",
        "prediction_formula": "v = sqrt(abar_t) * eps - sqrt(1 - abar_t) * x0; x_t = sqrt(abar_t) x0 + "
                              "sqrt(1 - abar_t) eps",
        "cfg_dropout": state["args"]["cfg_dropout"],
        "unconditional_caption": "all pad ids (id 0)",
        "vocab_size": len(tok.vocab),
        "max_length": tok.max_length,
        "weights_dtype": "float16",
        "sampler_defaults": {"sampler": "DDIM", "steps": DDIM_STEPS, "cfg": DDIM_CFG},
        "scene_vocabulary": {"times": scenes.TIMES, "grounds": scenes.GROUNDS, "shapes": scenes.SHAPES,
                             "colors": scenes.COLORS, "sizes": scenes.SIZES, "positions": scenes.POSITIONS},
        "training": {"parameters": state["parameters"],
                     "stages": state.get("stages") or [{"steps": state["step"], "seed": state["args"]["seed"],
                                                        "batch": state["args"]["batch"], "lr": state["args"]["lr"],
                                                        "wall_seconds": round(state["wall_seconds"]),
                                                        "final_loss": hist[-1]["loss"] if hist else None}]},
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ckpt", type=Path, required=True)
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "models" / "sparkler-tiny")
    args = p.parse_args()
    torch.set_num_threads(2)
    model, tok, state = load(args.ckpt)
    args.out.mkdir(parents=True, exist_ok=True)

    # Ship float16, and compute every fixture from the float16-rounded weights so Swift can match exactly.
    half = {k: v.detach().to(torch.float16).contiguous() for k, v in model.state_dict().items()}
    save_file(half, str(args.out / "model.safetensors"), metadata={"format": "pt", "dtype": "float16"})
    model.load_state_dict({k: v.float() for k, v in half.items()})
    write_tensors_md(args.out / "TENSORS.md", half)
    tok.save(args.out / "tokenizer.json")
    (args.out / "config.json").write_text(json.dumps(config_json(model, state, tok), indent=2) + "\n")
    write_fixtures(model, tok, args.out / "fixtures")
    shutil.copy(Path(__file__).parent / "FIXTURES.md", args.out / "fixtures" / "README.md")
    preview(model, tok).save(args.out / "preview.png", optimize=True)
    print(f"exported step {state['step']} to {args.out}")


if __name__ == "__main__":
    main()
