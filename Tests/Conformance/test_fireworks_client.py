#!/usr/bin/env python3
"""Conformance of `sparkler serve` with the official Fireworks Python client (fireworks-ai 0.15.15).

Starts `sparkler serve` on a free port with a temporary XDG home and a key, points the client at it,
and runs each check, printing `PASS name` or `FAIL name: reason`. The last line of output is always
`N passed, M failed`; the exit status is 1 when any check failed.

Run it with scripts/conformance.sh (which makes the venv), or with any Python that has
Tests/Conformance/requirements.txt installed:

    python Tests/Conformance/test_fireworks_client.py [-k SUBSTRING] [-v]

Environment: SPARKLER_BINARY (default .build/debug/sparkler, relative to the repository root).

How the client (0.15.15) is pointed at the server: the base URL comes from the `base_url=` argument
of ImageInference, else `fireworks.client.base_url`, which is read from FIREWORKS_API_BASE when
`fireworks.client` is first imported; the key from `api_key=`, else `fireworks.client.api_key`
(FIREWORKS_API_KEY at import). The model page example below uses the environment route, so its text
stays as Fireworks prints it; the other checks pass base_url= and api_key=.
"""

import argparse
import base64
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
KEY = "conformance-key-7f3a"
LISTENING = re.compile(r"^sparkler serve: listening on (http://127\.0\.0\.1:(\d+)/inference/v1)$")
START_TIMEOUT_S = 30
STOP_TIMEOUT_S = 15
SUITE_TIMEOUT_S = 300
REQUEST_TIMEOUT_S = 60

PLAYGROUND = "accounts/fireworks/models/playground-v2-1024px-aesthetic"
TINY = "accounts/sparkler/models/sparkler-tiny"
FLUX = "accounts/fireworks/models/flux-1-schnell-fp8"
SAMPLERS = [
    "K_EULER", "K_EULER_ANCESTRAL", "K_HEUN", "K_DPM_2", "K_DPM_2_ANCESTRAL",
    "K_DPMPP_2M", "K_DPMPP_2S_ANCESTRAL", "K_LMS", "DDIM", "DDPM",
]

# The example on https://fireworks.ai/models/fireworks/playground-v2-1024px-aesthetic, word for word,
# with the page's `undefined` placeholders filled in (cfg_scale=7, steps=30). Only $API_KEY is
# substituted; the base URL comes from FIREWORKS_API_BASE.
MODEL_PAGE_EXAMPLE = '''
# pip install 'fireworks-ai'
import fireworks.client
from fireworks.client.image import ImageInference, Answer

# Initialize the ImageInference client
fireworks.client.api_key = "$API_KEY"
inference_client = ImageInference(model="accounts/fireworks/models/playground-v2-1024px-aesthetic")

# Generate an image using the text_to_image method
answer : Answer = inference_client.text_to_image(
    prompt="A beautiful sunset over the ocean",
    cfg_scale=7,
    height=1024,
    width=1024,
    sampler=None,
    steps=30,
    seed=0,
    safety_check=False,
    output_image_format="JPG",
    # Add additional parameters here
)

if answer.image is None:
  raise RuntimeError(f"No return image, {answer.finish_reason}")
else:
  answer.image.save("output.jpg")
'''


class CheckFailed(Exception):
    pass


def require(condition, message):
    if not condition:
        raise CheckFailed(message)


class Exchanges:
    """Every request the client sends and the answer it gets, recorded from httpx.

    The client's Answer carries only the picture and the finish reason; the seed the server used
    travels in the `Seed` header, which the client drops, so the checks read it from here.
    """

    def __init__(self):
        self.items = []
        self._lock = threading.Lock()

    def install(self):
        import httpx

        original = httpx.AsyncClient.send
        exchanges = self

        async def recording_send(client, request, *args, **kwargs):
            response = await original(client, request, *args, **kwargs)
            with exchanges._lock:
                exchanges.items.append((request, response))
            return response

        httpx.AsyncClient.send = recording_send

    def mark(self):
        with self._lock:
            return len(self.items)

    def since(self, mark):
        with self._lock:
            return self.items[mark:]

    def last(self):
        with self._lock:
            require(self.items, "the client sent no request")
            return self.items[-1]


class Server:
    def __init__(self, binary, workdir):
        self.binary = binary
        self.workdir = workdir
        self.process = None
        self.base_url = None
        self.port = None
        self.stderr_path = workdir / "server.stderr"
        self.extra_stdout = []

    def start(self):
        home = self.workdir / "xdg"
        env = dict(os.environ)
        for name in ("FIREWORKS_API_KEY", "FIREWORKS_API_BASE", "SPARKLER_SERVE_KEY"):
            env.pop(name, None)
        for name, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                          ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
            (home / sub).mkdir(parents=True, exist_ok=True)
            env[name] = str(home / sub)
        command = [str(self.binary), "serve", "--host", "127.0.0.1", "--port", "0", "--key", KEY]
        self.stderr_file = open(self.stderr_path, "wb")
        self.process = subprocess.Popen(
            command, cwd=self.workdir, env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=self.stderr_file,
        )
        first = []
        got_line = threading.Event()

        def read_stdout():
            line = self.process.stdout.readline()
            first.append(line)
            got_line.set()
            for more in self.process.stdout:  # keep the pipe drained
                self.extra_stdout.append(more)

        threading.Thread(target=read_stdout, daemon=True).start()
        if not got_line.wait(START_TIMEOUT_S):
            raise CheckFailed(f"no line on stdout within {START_TIMEOUT_S} s; {self.stderr_tail()}")
        line = first[0].decode("utf-8", "replace").rstrip("\r\n")
        if not line:
            try:
                code = self.process.wait(2)
            except subprocess.TimeoutExpired:
                code = "none yet"
            raise CheckFailed(f"stdout closed before the listening line (exit status {code}); {self.stderr_tail()}")
        match = LISTENING.match(line)
        require(match, f"first stdout line is {line!r}, expected "
                       "'sparkler serve: listening on http://127.0.0.1:PORT/inference/v1'")
        self.base_url, self.port = match.group(1), int(match.group(2))
        require(self.port != 0, "the server printed port 0 instead of the port it bound")

    def stderr_tail(self, limit=1500):
        try:
            text = self.stderr_path.read_bytes().decode("utf-8", "replace").strip()
        except OSError:
            return "no stderr"
        if not text:
            return "stderr empty"
        return "stderr: " + text[-limit:]

    def stop(self):
        """SIGTERM; returns the exit status, or None when it had to be killed."""
        if self.process is None or self.process.poll() is not None:
            return None if self.process is None else self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None


class Suite:
    def __init__(self, server, workdir, pattern, verbose):
        self.server = server
        self.workdir = workdir
        self.pattern = pattern
        self.verbose = verbose
        self.passed = 0
        self.failed = 0
        self.exchanges = Exchanges()

    # --- bookkeeping -----------------------------------------------------------------------------

    def run(self, name, function, *args):
        if self.pattern and self.pattern not in name:
            return
        started = time.monotonic()
        mark = self.exchanges.mark()
        try:
            function(*args)
        except CheckFailed as failure:
            self.fail(name, f"{failure}{self.last_exchange(mark)}")
        except TimeoutError:
            raise
        except Exception as error:  # the client raised where it should not have, or a bug here
            detail = f"{type(error).__name__}: {describe(error)}{self.last_exchange(mark)}"
            if self.verbose:
                detail += "\n" + traceback.format_exc()
            self.fail(name, detail)
        else:
            self.passed += 1
            extra = f" ({time.monotonic() - started:.1f} s)" if self.verbose else ""
            print(f"PASS {name}{extra}", flush=True)

    def last_exchange(self, mark):
        exchanges = self.exchanges.since(mark)
        if not exchanges:
            return ""
        request, response = exchanges[-1]
        return f" [client: {request.method} {request.url.path} -> HTTP {response.status_code}]"

    def fail(self, name, reason):
        self.failed += 1
        print(f"FAIL {name}: {reason}", flush=True)

    # --- helpers -------------------------------------------------------------------------------------

    def client(self, model="playground-v2-1024px-aesthetic", account="fireworks", api_key=KEY):
        from fireworks.client.image import ImageInference

        # The client builds {base_url}/image_generation/accounts/{account}/models/{model}: a short
        # model name with its account gives the canonical path.
        return ImageInference(account=account, model=model, api_key=api_key,
                              base_url=self.server.base_url, request_timeout=REQUEST_TIMEOUT_S)

    def tiny(self):
        return self.client(account="sparkler", model="sparkler-tiny")

    def answer_headers(self, mark):
        exchanges = self.exchanges.since(mark)
        require(exchanges, "the client sent no request")
        return exchanges[-1]

    def check_binary_answer(self, answer, mark, fmt, size, seed=None):
        """An Answer from a samples=1 call: picture, finish reason, and the recorded response.

        size None accepts any size; seed None means a random seed was asked for (any non-zero seed).
        """
        request, response = self.answer_headers(mark)
        require(response.status_code == 200, f"HTTP {response.status_code}")
        require(answer.finish_reason == "SUCCESS", f"finish_reason {answer.finish_reason!r}")
        require(answer.image is not None, "no image")
        require(answer.image.format == fmt, f"image format {answer.image.format}, expected {fmt}")
        if size is not None:
            require(answer.image.size == size, f"image size {answer.image.size}, expected {size}")
        content_type = response.headers.get("content-type", "")
        expected_type = {"JPEG": "image/jpeg", "PNG": "image/png"}[fmt]
        require(content_type.split(";")[0].strip() == expected_type,
                f"Content-Type {content_type!r}, expected {expected_type}")
        reported = response.headers.get("seed")
        require(reported is not None, "no Seed header in the answer")
        require(re.fullmatch(r"\d+", reported.strip()), f"Seed header {reported!r} is not an integer")
        reported = int(reported)
        if seed is None:
            require(reported != 0, "Seed header is 0 for a random seed; it must report the seed used")
        else:
            require(reported == seed, f"Seed header {reported}, expected the requested {seed}")
        return request, response, reported

    def post(self, path, body, accept, key=KEY, content_type="application/json"):
        """A request outside the client: returns (status, headers, body bytes)."""
        data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
        request = urllib.request.Request(self.server.base_url + path, data=data, method="POST")
        if key is not None:
            request.add_header("Authorization", f"Bearer {key}")
        request.add_header("Accept", accept)
        request.add_header("Content-Type", content_type)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=REQUEST_TIMEOUT_S) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    # --- checks --------------------------------------------------------------------------------------

    def model_page_example(self):
        mark = self.exchanges.mark()
        namespace = {"__name__": "model_page_example"}
        cwd = os.getcwd()
        os.chdir(self.workdir)
        try:
            exec(compile(MODEL_PAGE_EXAMPLE.replace("$API_KEY", KEY), "model_page_example", "exec"), namespace)
        except TimeoutError:
            raise
        except Exception as error:
            raise CheckFailed(f"{type(error).__name__}: {describe(error)}") from error
        finally:
            os.chdir(cwd)
        answer = namespace["answer"]
        request, _, _ = self.check_binary_answer(answer, mark, "JPEG", (1024, 1024))
        require(request.headers.get("accept") == "image/jpeg", f"client sent Accept {request.headers.get('accept')}")
        from PIL import Image

        with Image.open(self.workdir / "output.jpg") as saved:
            require(saved.format == "JPEG" and saved.size == (1024, 1024),
                    f"output.jpg is {saved.format} {saved.size}")

    def short_model_name(self):
        mark = self.exchanges.mark()
        answer = self.client().text_to_image(
            prompt="A lighthouse at dusk", height=1024, width=1024, steps=4, seed=11, output_image_format="JPG")
        request, _, _ = self.check_binary_answer(answer, mark, "JPEG", (1024, 1024), seed=11)
        expected = "/inference/v1/image_generation/accounts/fireworks/models/playground-v2-1024px-aesthetic"
        require(request.url.path == expected, f"client posted to {request.url.path}")

    def png_output(self):
        mark = self.exchanges.mark()
        answer = self.tiny().text_to_image(prompt="a red fox in the snow", height=256, width=256, steps=4,
                                           seed=5, output_image_format="PNG")
        request, _, _ = self.check_binary_answer(answer, mark, "PNG", (256, 256), seed=5)
        require(request.headers.get("accept") == "image/png", f"client sent Accept {request.headers.get('accept')}")

    def seeds(self):
        client = self.tiny()

        def make(seed):
            mark = self.exchanges.mark()
            answer = client.text_to_image(prompt="a lighthouse by the sea", height=256, width=256, steps=6,
                                          seed=seed, output_image_format="PNG")
            self.check_binary_answer(answer, mark, "PNG", (256, 256), seed=seed)
            return answer.image.convert("RGB").tobytes()

        first, again, other = make(1234), make(1234), make(1235)
        return first, again, other

    def fixed_seed_repeats(self, pictures):
        first, again, _ = pictures
        require(first == again, "seed 1234 gave different pixels on the second request")

    def other_seed_differs(self, pictures):
        first, _, other = pictures
        require(first != other, "seeds 1234 and 1235 gave identical pixels")

    def tiny_full_model_id(self):
        # ImageInference(model="accounts/sparkler/models/sparkler-tiny") with the default account
        # posts to .../accounts/fireworks/models/accounts/sparkler/models/sparkler-tiny.
        mark = self.exchanges.mark()
        answer = self.client(model=TINY).text_to_image(prompt="a red fox", height=512, width=512, steps=4,
                                                       seed=3, output_image_format="JPG")
        self.check_binary_answer(answer, mark, "JPEG", (512, 512), seed=3)

    def tiny_account_and_model(self):
        mark = self.exchanges.mark()
        answer = self.tiny().text_to_image(prompt="a red fox", height=768, width=768, steps=4, seed=4,
                                           output_image_format="JPG")
        request, _, _ = self.check_binary_answer(answer, mark, "JPEG", (768, 768), seed=4)
        require(request.url.path == "/inference/v1/image_generation/" + TINY, f"client posted to {request.url.path}")

    def per_call_model(self):
        # text_to_image(model=...) replaces the client's model for one call.
        mark = self.exchanges.mark()
        answer = self.client(model="playground-v2-1024px-aesthetic", account="sparkler").text_to_image(
            prompt="a red fox", height=256, width=256, steps=4, seed=8, output_image_format="PNG",
            model="sparkler-tiny")
        self.check_binary_answer(answer, mark, "PNG", (256, 256), seed=8)

    def sampler(self, name):
        mark = self.exchanges.mark()
        answer = self.tiny().text_to_image(prompt="a beautiful sunset over the ocean", height=256, width=256,
                                           steps=4, seed=21, sampler=name, cfg_scale=3, output_image_format="PNG")
        request, _, _ = self.check_binary_answer(answer, mark, "PNG", (256, 256), seed=21)
        sent = json.loads(request.content)
        require(sent.get("sampler") == name, f"client sent sampler {sent.get('sampler')!r}")

    def samples_json(self):
        mark = self.exchanges.mark()
        answers = self.tiny().text_to_image(prompt="a lighthouse", height=256, width=256, steps=4, samples=2,
                                            seed=77, output_image_format="PNG")
        request, response = self.answer_headers(mark)
        require(request.headers.get("accept") == "application/json",
                f"client sent Accept {request.headers.get('accept')}")
        require(isinstance(answers, list) and len(answers) == 2, f"got {answers!r}")
        for answer in answers:
            require(answer.finish_reason == "SUCCESS", f"finish_reason {answer.finish_reason!r}")
            require(answer.image.size == (256, 256), f"image size {answer.image.size}")
        artifacts = response.json()
        seeds = [artifact.get("seed") for artifact in artifacts]
        require(all(isinstance(seed, int) for seed in seeds), f"artifact seeds {seeds}")
        require(answers[0].image.tobytes() != answers[1].image.tobytes(), "the two samples are identical")

    def init_picture(self, size):
        from PIL import Image

        picture = Image.new("RGB", size)
        width, height = size
        picture.putdata([(x * 255 // width, y * 255 // height, 128) for y in range(height) for x in range(width)])
        return picture

    def image_strength(self):
        mark = self.exchanges.mark()
        answer = self.tiny().image_to_image(
            init_image=self.init_picture((256, 256)), prompt="a watercolour sunset", init_image_mode="IMAGE_STRENGTH",
            image_strength=0.35, height=256, width=256, steps=8, seed=9, output_image_format="JPG")
        request, _, _ = self.check_binary_answer(answer, mark, "JPEG", (256, 256), seed=9)
        require(request.url.path.endswith("/image_to_image"), f"client posted to {request.url.path}")
        require(request.headers.get("content-type", "").startswith("multipart/form-data"),
                f"client sent Content-Type {request.headers.get('content-type')}")

    def step_schedule(self):
        mark = self.exchanges.mark()
        answer = self.tiny().image_to_image(
            init_image=self.init_picture((512, 512)), prompt="a watercolour sunset", init_image_mode="STEP_SCHEDULE",
            step_schedule_start=0.5, step_schedule_end=1.0, height=512, width=512, steps=8, seed=10,
            output_image_format="PNG")
        self.check_binary_answer(answer, mark, "PNG", (512, 512), seed=10)

    def image_to_image_from_file(self):
        # init_image as a path; height and width left out, so the client sends them as empty fields.
        path = self.workdir / "init.png"
        self.init_picture((512, 512)).save(path)
        mark = self.exchanges.mark()
        answer = self.tiny().image_to_image(init_image=str(path), prompt="a watercolour sunset",
                                            image_strength=0.5, steps=4, seed=12, output_image_format="PNG")
        self.check_binary_answer(answer, mark, "PNG", None, seed=12)

    def playground_image_to_image(self):
        mark = self.exchanges.mark()
        answer = self.client().image_to_image(
            init_image=self.init_picture((1024, 1024)), prompt="a watercolour sunset", image_strength=0.35,
            height=1024, width=1024, steps=4, seed=13, output_image_format="JPG")
        self.check_binary_answer(answer, mark, "JPEG", (1024, 1024), seed=13)

    def control_net(self):
        from fireworks.client.error import InvalidRequestError

        mark = self.exchanges.mark()
        try:
            self.client().control_net(control_image=self.init_picture((1024, 1024)), control_net_name="canny",
                                      prompt="a watercolour sunset", height=1024, width=1024, steps=4)
        except InvalidRequestError as error:
            _, response = self.answer_headers(mark)
            require(response.status_code == 400, f"HTTP {response.status_code}, expected 400")
            text = describe(error).lower()
            require(any(word in text for word in ("controlnet", "control_net", "control net", "not supported")),
                    f"the error does not say ControlNet is unsupported: {describe(error)}")
            check_error_body(error)
        else:
            raise CheckFailed("control_net returned a picture; expected a 400 InvalidRequestError")

    def wrong_key(self):
        from fireworks.client.error import AuthenticationError

        mark = self.exchanges.mark()
        try:
            self.client(api_key="not-the-key").text_to_image(prompt="a red fox", height=1024, width=1024, steps=4)
        except AuthenticationError as error:
            _, response = self.answer_headers(mark)
            require(response.status_code == 401, f"HTTP {response.status_code}, expected 401")
            check_error_body(error)
        else:
            raise CheckFailed("a wrong key was accepted; expected a 401 AuthenticationError")

    def missing_key(self):
        status, _, body = self.post("/image_generation/" + PLAYGROUND, {"prompt": "a red fox"}, "image/jpeg", key=None)
        require(status == 401, f"HTTP {status} without an Authorization header, expected 401: {body[:200]!r}")

    def unknown_model(self):
        from fireworks.client.error import InvalidRequestError

        mark = self.exchanges.mark()
        try:
            self.client(model="no-such-model").text_to_image(prompt="a red fox", height=1024, width=1024, steps=4)
        except InvalidRequestError as error:
            _, response = self.answer_headers(mark)
            require(response.status_code == 404, f"HTTP {response.status_code}, expected 404")
            check_error_body(error)
        else:
            raise CheckFailed("an unknown model answered with a picture; expected a 404")

    def unsupported_size(self):
        from fireworks.client.error import InvalidRequestError

        mark = self.exchanges.mark()
        try:
            self.client().text_to_image(prompt="a red fox", height=1000, width=1000, steps=4)
        except InvalidRequestError as error:
            _, response = self.answer_headers(mark)
            require(response.status_code == 400, f"HTTP {response.status_code}, expected 400")
            check_error_body(error)
        else:
            raise CheckFailed("1000x1000 for an SDXL-class model was accepted; expected a 400")

    def flux_json(self):
        status, headers, body = self.post(
            f"/workflows/{FLUX}/text_to_image",
            {"prompt": "A beautiful sunset over the ocean", "aspect_ratio": "1:1", "guidance_scale": 3.5,
             "num_inference_steps": 4, "seed": 42},
            "application/json")
        require(status == 200, f"HTTP {status}: {body[:300]!r}")
        require(headers.get("Content-Type", "").startswith("application/json"),
                f"Content-Type {headers.get('Content-Type')!r}")
        answer = json.loads(body)
        require(isinstance(answer, dict), f"answer is a {type(answer).__name__}, expected an object")
        require(isinstance(answer.get("id"), str) and answer["id"], f"id {answer.get('id')!r}")
        require(answer.get("finishReason") == "SUCCESS", f"finishReason {answer.get('finishReason')!r}")
        require(answer.get("seed") == 42, f"seed {answer.get('seed')!r}, expected 42")
        pictures = answer.get("base64")
        require(isinstance(pictures, list) and len(pictures) >= 1 and all(isinstance(p, str) for p in pictures),
                f"base64 is {type(pictures).__name__}, expected a list of strings")
        for encoded in pictures:
            picture = decode_picture(re.sub(r"^data:image/[a-z]+;base64,", "", encoded))
            require(picture.format == "PNG", f"base64 picture is {picture.format}, expected PNG")
            require(picture.size[0] == picture.size[1], f"aspect_ratio 1:1 gave {picture.size}")

    def flux_jpeg(self):
        status, headers, body = self.post(
            f"/workflows/{FLUX}/text_to_image",
            {"prompt": "A beautiful sunset over the ocean", "aspect_ratio": "16:9", "seed": 7},
            "image/jpeg")
        require(status == 200, f"HTTP {status}: {body[:300]!r}")
        picture = decode_picture(body)
        require(picture.format == "JPEG", f"picture is {picture.format}")
        width, height = picture.size
        require(abs(width / height - 16 / 9) < 0.1, f"aspect_ratio 16:9 gave {picture.size}")
        require(headers.get("Seed") == "7", f"Seed header {headers.get('Seed')!r}, expected 7")

    def curl_examples(self):
        require(shutil.which("curl"), "curl is not installed (Debian package curl)")
        # The commands run here must be the README's, word for word.
        readme = (REPO_ROOT / "README.md").read_text()
        script = (HERE / "curl_examples.sh").read_text()
        commands = script[script.index("# Text to image with Playground v2 1024"):].strip()
        require(commands in readme, "README.md's curl examples differ from Tests/Conformance/curl_examples.sh")
        folder = self.workdir / "curl"
        folder.mkdir(exist_ok=True)
        env = dict(os.environ, SPARKLER_SERVE_URL=self.server.base_url, SPARKLER_SERVE_KEY=KEY)
        run = subprocess.run(["bash", str(HERE / "curl_examples.sh")], cwd=folder, env=env,
                             capture_output=True, timeout=120)
        output = (run.stdout + run.stderr).decode("utf-8", "replace").strip()
        require(run.returncode == 0, f"curl_examples.sh exited {run.returncode}: {output[-500:]}")
        for name, fmt, size in (("sunset.jpg", "JPEG", (1024, 1024)), ("watercolour.jpg", "JPEG", (1024, 1024)),
                                ("flux.jpg", "JPEG", None)):
            path = folder / name
            require(path.exists(), f"{name} was not written")
            data = path.read_bytes()
            try:
                picture = decode_picture(data)
            except CheckFailed:
                raise CheckFailed(f"{name} is not a picture: {data[:300]!r}") from None
            require(picture.format == fmt, f"{name} is {picture.format}, expected {fmt}")
            if size:
                require(picture.size == size, f"{name} is {picture.size}, expected {size}")
            else:
                require(picture.size[0] == picture.size[1], f"{name} (aspect_ratio 1:1) is {picture.size}")

    def sigterm(self):
        # A long request (2 samples, 40 two-evaluation steps: seconds) is in flight when SIGTERM arrives.
        outcome = {}

        def long_request():
            try:
                outcome["answer"] = self.post(
                    "/image_generation/" + TINY,
                    {"prompt": "a lighthouse at dusk", "height": 1024, "width": 1024, "samples": 2, "steps": 40,
                     "sampler": "K_HEUN", "seed": 99},
                    "application/json")
            except Exception as error:
                outcome["error"] = error

        thread = threading.Thread(target=long_request)
        thread.start()
        time.sleep(0.3)
        status = self.server.stop()
        thread.join(REQUEST_TIMEOUT_S)
        require(status is not None, f"no exit within {STOP_TIMEOUT_S} s of SIGTERM; it had to be killed")
        require(status == 0, f"exit status {status} after SIGTERM")
        require("error" not in outcome, f"the request in flight failed: {outcome.get('error')!r}")
        code, _, body = outcome.get("answer", (None, None, b""))
        require(code == 200, f"the request in flight got HTTP {code}: {body[:200]!r}")
        artifacts = json.loads(body)
        require(isinstance(artifacts, list) and len(artifacts) == 2, f"expected 2 artifacts, got {body[:200]!r}")

    def run_all(self):
        self.exchanges.install()
        self.run("model page example (FIREWORKS_API_BASE, full model id, JPG 1024x1024, seed reported)",
                 self.model_page_example)
        self.run("short model name with account", self.short_model_name)
        self.run("PNG output", self.png_output)
        pictures = []
        self.run("three pictures for seeds 1234, 1234, 1235", lambda: pictures.extend(self.seeds()))
        if pictures:
            self.run("fixed seed gives the same pixels twice", self.fixed_seed_repeats, pictures)
            self.run("another seed gives different pixels", self.other_seed_differs, pictures)
        self.run("sparkler-tiny by its full id as the client's model", self.tiny_full_model_id)
        self.run("sparkler-tiny as account sparkler, model sparkler-tiny", self.tiny_account_and_model)
        self.run("per-call model= argument", self.per_call_model)
        for name in SAMPLERS:
            self.run(f"sampler {name}", self.sampler, name)
        self.run("samples=2 as a JSON list", self.samples_json)
        self.run("image_to_image IMAGE_STRENGTH 0.35, PIL init image", self.image_strength)
        self.run("image_to_image STEP_SCHEDULE 0.5..1.0, PIL init image", self.step_schedule)
        self.run("image_to_image from a file path, size fields empty", self.image_to_image_from_file)
        self.run("image_to_image on the Playground stand-in at 1024x1024", self.playground_image_to_image)
        self.run("control_net is refused with 400", self.control_net)
        self.run("wrong key raises AuthenticationError (401)", self.wrong_key)
        self.run("no Authorization header gets 401", self.missing_key)
        self.run("unknown model raises InvalidRequestError (404)", self.unknown_model)
        self.run("size outside the model's set raises InvalidRequestError (400)", self.unsupported_size)
        self.run("FLUX workflow route, Accept application/json", self.flux_json)
        self.run("FLUX workflow route, Accept image/jpeg", self.flux_jpeg)
        self.run("README curl examples", self.curl_examples)


def describe(error):
    """The client raises with the server's parsed JSON body (a dict) as its argument."""
    if error.args and isinstance(error.args[0], dict):
        return json.dumps(error.args[0])
    return str(error)


def check_error_body(error):
    body = error.args[0] if error.args else None
    require(isinstance(body, dict), f"error body is not JSON: {body!r}")
    message = (body.get("error") or {}).get("message") if isinstance(body.get("error"), dict) else None
    require(isinstance(message, str) and message, f"error body lacks error.message: {json.dumps(body)}")


def decode_picture(data):
    from PIL import Image

    if isinstance(data, str):
        try:
            data = base64.b64decode(data, validate=True)
        except ValueError as error:
            raise CheckFailed(f"not base64: {error}") from None
    try:
        picture = Image.open(io.BytesIO(data))
        picture.load()
    except Exception as error:
        raise CheckFailed(f"not a picture ({error}): {data[:100]!r}") from None
    return picture


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", dest="pattern", help="run only the checks whose name contains this")
    parser.add_argument("-v", dest="verbose", action="store_true", help="timings and tracebacks")
    options = parser.parse_args()

    binary = Path(os.environ.get("SPARKLER_BINARY", ".build/debug/sparkler"))
    if not binary.is_absolute():
        binary = REPO_ROOT / binary
    # The server is on loopback: keep any proxy settings out of the way (httpx, urllib and curl).
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"

    workdir = Path(tempfile.mkdtemp(prefix="sparkler-conformance-"))
    server = Server(binary, workdir)
    passed = failed = 0
    keep = False

    def on_timeout(signum, frame):
        raise TimeoutError(f"the suite ran past {SUITE_TIMEOUT_S} s")

    signal.signal(signal.SIGALRM, on_timeout)
    signal.alarm(SUITE_TIMEOUT_S)
    try:
        if not binary.exists():
            print(f"FAIL start the server: {binary} does not exist; build it with "
                  "`swift build --product sparkler` or set SPARKLER_BINARY", flush=True)
            failed += 1
        else:
            try:
                server.start()
            except CheckFailed as failure:
                print(f"FAIL start the server: {failure}", flush=True)
                failed += 1
            else:
                print(f"PASS start the server ({server.base_url})", flush=True)
                passed += 1
                # The model page example reads the base URL from here when fireworks.client is imported.
                os.environ["FIREWORKS_API_BASE"] = server.base_url
                os.environ["FIREWORKS_API_KEY"] = KEY
                suite = Suite(server, workdir, options.pattern, options.verbose)
                try:
                    suite.run_all()
                except TimeoutError as error:
                    suite.fail("suite", str(error))
                suite.run("SIGTERM during a request: the request completes, exit status 0", suite.sigterm)
                passed += suite.passed
                failed += suite.failed
                if suite.failed:
                    keep = True
    except TimeoutError as error:
        print(f"FAIL suite: {error}", flush=True)
        failed += 1
    finally:
        signal.alarm(0)
        server.stop()
    if keep:
        print(f"server {server.stderr_tail(3000)}", flush=True)
        print(f"work folder kept: {workdir}", flush=True)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"{passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
