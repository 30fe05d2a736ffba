#!/usr/bin/env bash
# The README's curl examples for `sparkler serve`, exactly as a user copies them.
# Tests/Conformance/test_fireworks_client.py runs this file against a live server and checks the
# pictures it writes (sunset.jpg, watercolour.jpg, flux.jpg) in the current directory.
#
# Start the server first, in another terminal:
#   export SPARKLER_SERVE_KEY=change-me
#   sparkler serve --port 8000
# then set SPARKLER_SERVE_KEY to the same key here. SPARKLER_SERVE_URL is the address the server
# printed on its first line.
set -euo pipefail
: "${SPARKLER_SERVE_KEY:?set SPARKLER_SERVE_KEY to the key the server was started with}"
SPARKLER_SERVE_URL=${SPARKLER_SERVE_URL:-http://127.0.0.1:8000/inference/v1}

# Text to image with Playground v2 1024: a JSON request, a 1024x1024 JPEG back.
curl -sS -H "Authorization: Bearer $SPARKLER_SERVE_KEY" -H "Accept: image/jpeg" -H "Content-Type: application/json" \
  -d '{"prompt": "A beautiful sunset over the ocean", "cfg_scale": 7, "height": 1024, "width": 1024, "steps": 30, "seed": 0}' \
  "$SPARKLER_SERVE_URL/image_generation/accounts/fireworks/models/playground-v2-1024px-aesthetic" -o sunset.jpg

# Image to image: start from sunset.jpg (multipart form, the picture in the init_image part).
curl -sS -H "Authorization: Bearer $SPARKLER_SERVE_KEY" -H "Accept: image/jpeg" \
  -F init_image=@sunset.jpg -F "prompt=A beautiful sunset over the ocean, watercolour" \
  -F init_image_mode=IMAGE_STRENGTH -F image_strength=0.35 -F height=1024 -F width=1024 -F steps=30 -F seed=7 \
  "$SPARKLER_SERVE_URL/image_generation/accounts/fireworks/models/playground-v2-1024px-aesthetic/image_to_image" -o watercolour.jpg

# FLUX models use the workflow route: aspect_ratio instead of height and width.
curl -sS -H "Authorization: Bearer $SPARKLER_SERVE_KEY" -H "Accept: image/jpeg" -H "Content-Type: application/json" \
  -d '{"prompt": "A beautiful sunset over the ocean", "aspect_ratio": "1:1", "num_inference_steps": 4, "seed": 42}' \
  "$SPARKLER_SERVE_URL/workflows/accounts/fireworks/models/flux-1-schnell-fp8/text_to_image" -o flux.jpg
