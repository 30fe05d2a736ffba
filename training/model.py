"""sparkler-tiny: a small text-conditioned UNet for 32x32 RGB, plus its noise schedule.

Every op is one a Swift port can write with im2col + GEMM: conv 3x3 (stride 1, padding 1), conv 1x1, 2x2
average pooling, nearest 2x upsampling, GroupNorm, LayerNorm, SiLU, linear layers and softmax attention.
No attention masks: pad tokens are ordinary tokens with a learned embedding.

Data flow (C = (32, 64, 128) channels at 32x32, 16x16, 8x8):

    text:  ids (B, L) -> tok_emb + pos_emb -> 2 pre-LN transformer layers -> final LayerNorm -> ctx (B, L, 128)
    time:  t (B,) -> sinusoidal(64) -> linear 256 -> SiLU -> linear 256 = temb
    unet:  cat(x, coords) (B, 5, 32, 32) -> conv_in -> down0 [skip0] -> pool -> down1 + xattn1 [skip1]
           -> pool -> down2 + xattn2 [skip2] -> mid1, mid_attn, mid2
           -> up2(cat skip2) + up2_attn -> upsample -> up1(cat skip1) + up1_attn -> upsample
           -> up0(cat skip0) -> GroupNorm, SiLU, conv_out -> v (B, 3, 32, 32)
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn


@dataclass
class Config:
    vocab_size: int
    max_length: int = 20
    image_size: int = 32
    channels: tuple[int, int, int] = (32, 64, 128)
    text_dim: int = 128
    text_layers: int = 2
    text_heads: int = 4
    text_mlp: int = 256
    head_dim: int = 32
    time_freq_dim: int = 64
    time_dim: int = 256
    groups: int = 16
    norm_eps: float = 1e-5

    def to_dict(self) -> dict:
        return asdict(self)


# ------------------------------------------------------------------------------------------------- schedule

T = 1000


def cosine_alphas_cumprod(steps: int = T, s: float = 0.008) -> torch.Tensor:
    """Nichol & Dhariwal's cosine schedule, discretised like diffusers' "squaredcos_cap_v2":
    beta_i = min(1 - f((i+1)/T) / f(i/T), 0.999) with f(u) = cos((u + s) / (1 + s) * pi/2)^2,
    alphas_cumprod[t] = prod_{i<=t} (1 - beta_i) for t = 0..T-1 (computed in float64)."""
    f = lambda u: math.cos((u + s) / (1 + s) * math.pi / 2) ** 2  # noqa: E731
    betas = torch.tensor([min(1 - f((i + 1) / steps) / f(i / steps), 0.999) for i in range(steps)],
                         dtype=torch.float64)
    return torch.cumprod(1 - betas, 0)


# ------------------------------------------------------------------------------------------------- blocks


def timestep_embedding(t: torch.Tensor, dim: int) -> torch.Tensor:
    """[cos(t * f_i), sin(t * f_i)] with f_i = 10000^(-i / (dim/2)), i = 0..dim/2-1; t is the integer step."""
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32, device=t.device) / half)
    args = t.float()[:, None] * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=1)


class ResBlock(nn.Module):
    """GN-SiLU-conv3x3, + linear(SiLU(temb)) per channel, GN-SiLU-conv3x3, + skip (conv1x1 if channels change)."""

    def __init__(self, cin: int, cout: int, cfg: Config):
        super().__init__()
        self.norm1 = nn.GroupNorm(cfg.groups, cin, eps=cfg.norm_eps)
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.temb = nn.Linear(cfg.time_dim, cout)
        self.norm2 = nn.GroupNorm(cfg.groups, cout, eps=cfg.norm_eps)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else nn.Identity()

    def forward(self, x: torch.Tensor, temb: torch.Tensor) -> torch.Tensor:
        h = self.conv1(F.silu(self.norm1(x)))
        h = h + self.temb(F.silu(temb))[:, :, None, None]
        h = self.conv2(F.silu(self.norm2(h)))
        return h + self.skip(x)


def attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, heads: int) -> torch.Tensor:
    """Multi-head softmax(q k^T / sqrt(d)) v; q (B, N, C), k and v (B, M, C); heads split C contiguously."""
    b, n, c = q.shape
    d = c // heads
    q, k, v = (z.reshape(b, -1, heads, d).transpose(1, 2) for z in (q, k, v))
    w = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d), dim=-1)
    return (w @ v).transpose(1, 2).reshape(b, n, c)


class CrossAttention(nn.Module):
    """Image features attend to the caption tokens: x + out(attn(q(GN(x)), k(ctx), v(ctx)))."""

    def __init__(self, channels: int, cfg: Config):
        super().__init__()
        self.heads = channels // cfg.head_dim
        self.norm = nn.GroupNorm(cfg.groups, channels, eps=cfg.norm_eps)
        self.q = nn.Linear(channels, channels, bias=False)
        self.k = nn.Linear(cfg.text_dim, channels, bias=False)
        self.v = nn.Linear(cfg.text_dim, channels, bias=False)
        self.out = nn.Linear(channels, channels)

    def forward(self, x: torch.Tensor, ctx: torch.Tensor) -> torch.Tensor:
        b, c, h, w = x.shape
        q = self.q(self.norm(x).flatten(2).transpose(1, 2))  # (B, HW, C), pixels in row-major order
        o = self.out(attention(q, self.k(ctx), self.v(ctx), self.heads))
        return x + o.transpose(1, 2).reshape(b, c, h, w)


class TextLayer(nn.Module):
    """Pre-LN transformer layer: x + attn(LN(x)); x + fc2(SiLU(fc1(LN(x))))."""

    def __init__(self, cfg: Config):
        super().__init__()
        d = cfg.text_dim
        self.heads = cfg.text_heads
        self.norm1 = nn.LayerNorm(d, eps=cfg.norm_eps)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.norm2 = nn.LayerNorm(d, eps=cfg.norm_eps)
        self.fc1 = nn.Linear(d, cfg.text_mlp)
        self.fc2 = nn.Linear(cfg.text_mlp, d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        q, k, v = self.qkv(self.norm1(x)).chunk(3, dim=-1)  # output features [q | k | v]
        x = x + self.proj(attention(q, k, v, self.heads))
        return x + self.fc2(F.silu(self.fc1(self.norm2(x))))


class TextEncoder(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.tok_emb = nn.Embedding(cfg.vocab_size, cfg.text_dim)
        self.pos_emb = nn.Parameter(torch.zeros(cfg.max_length, cfg.text_dim))
        self.layers = nn.ModuleList(TextLayer(cfg) for _ in range(cfg.text_layers))
        self.norm = nn.LayerNorm(cfg.text_dim, eps=cfg.norm_eps)
        nn.init.normal_(self.pos_emb, std=0.02)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.tok_emb(ids) + self.pos_emb[None]
        for layer in self.layers:
            x = layer(x)
        return self.norm(x)


# --------------------------------------------------------------------------------------------------- model


def coordinate_channels(b: int, h: int, w: int, device: torch.device) -> torch.Tensor:
    """Two extra input channels: x then y, each linspace(-1, 1) over the pixel centres' index (inclusive).
    They tell the net where "top left" is without relying on padding effects."""
    ys = torch.linspace(-1, 1, h, device=device)[:, None].expand(h, w)
    xs = torch.linspace(-1, 1, w, device=device)[None, :].expand(h, w)
    return torch.stack([xs, ys])[None].expand(b, 2, h, w)


class SparklerUNet(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        c0, c1, c2 = cfg.channels
        self.text = TextEncoder(cfg)
        self.time_fc1 = nn.Linear(cfg.time_freq_dim, cfg.time_dim)
        self.time_fc2 = nn.Linear(cfg.time_dim, cfg.time_dim)
        self.conv_in = nn.Conv2d(5, c0, 3, padding=1)
        self.down0 = ResBlock(c0, c0, cfg)
        self.down1 = ResBlock(c0, c1, cfg)
        self.down1_attn = CrossAttention(c1, cfg)
        self.down2 = ResBlock(c1, c2, cfg)
        self.down2_attn = CrossAttention(c2, cfg)
        self.mid1 = ResBlock(c2, c2, cfg)
        self.mid_attn = CrossAttention(c2, cfg)
        self.mid2 = ResBlock(c2, c2, cfg)
        self.up2 = ResBlock(c2 + c2, c2, cfg)
        self.up2_attn = CrossAttention(c2, cfg)
        self.up1 = ResBlock(c2 + c1, c1, cfg)
        self.up1_attn = CrossAttention(c1, cfg)
        self.up0 = ResBlock(c1 + c0, c0, cfg)
        self.norm_out = nn.GroupNorm(cfg.groups, c0, eps=cfg.norm_eps)
        self.conv_out = nn.Conv2d(c0, 3, 3, padding=1)
        nn.init.zeros_(self.conv_out.weight)
        nn.init.zeros_(self.conv_out.bias)

    def encode_text(self, ids: torch.Tensor) -> torch.Tensor:
        return self.text(ids)

    def forward(self, x: torch.Tensor, t: torch.Tensor, ctx: torch.Tensor) -> torch.Tensor:
        """x (B, 3, H, W) noisy image, t (B,) integer timesteps 0..999, ctx (B, L, text_dim) -> v (B, 3, H, W)."""
        temb = self.time_fc2(F.silu(self.time_fc1(timestep_embedding(t, self.cfg.time_freq_dim))))
        b, _, h, w = x.shape
        h0 = self.down0(self.conv_in(torch.cat([x, coordinate_channels(b, h, w, x.device).to(x.dtype)], 1)), temb)
        h1 = self.down1_attn(self.down1(F.avg_pool2d(h0, 2), temb), ctx)
        h2 = self.down2_attn(self.down2(F.avg_pool2d(h1, 2), temb), ctx)
        m = self.mid2(self.mid_attn(self.mid1(h2, temb), ctx), temb)
        u = self.up2_attn(self.up2(torch.cat([m, h2], 1), temb), ctx)
        u = F.interpolate(u, scale_factor=2, mode="nearest")
        u = self.up1_attn(self.up1(torch.cat([u, h1], 1), temb), ctx)
        u = F.interpolate(u, scale_factor=2, mode="nearest")
        u = self.up0(torch.cat([u, h0], 1), temb)
        return self.conv_out(F.silu(self.norm_out(u)))
