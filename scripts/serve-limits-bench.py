#!/usr/bin/env python3
"""sparkler serve under hostile load (issue #15): memory under six decompression bombs and six maximal
uploads at once, a normal request's latency while 250 idle connections are held open, and while a flood of
20,000 connections (the issue's attack) is opened and held.
Usage: scripts/serve-limits-bench.py [path to sparkler, default .build/release/sparkler] [flood size, default 20000]"""
import sys
BINARY = sys.argv[1] if len(sys.argv) > 1 else '.build/release/sparkler'
FLOOD = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
import errno, os, resource, socket, struct, subprocess, tempfile, threading, time, urllib.request, zlib
def png(w, h, data=None):
    raw = data if data is not None else b'\0' * ((w + 1) * h)
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
bomb = png(8192, 8192)
big_ok = png(1024, 1024, b''.join(b'\0' + bytes((x * 7 + y) & 0xFF for x in range(1024)) for y in range(1024)))
home = tempfile.mkdtemp()
env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home + '/c', XDG_DATA_HOME=home + '/d')
p = subprocess.Popen([BINARY, 'serve', '--port', '0'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
url = p.stdout.readline().strip().split('listening on ')[1]
port = int(url.split(':')[2].split('/')[0])
def rss(): return int([l for l in open(f'/proc/{p.pid}/status') if l.startswith('VmRSS')][0].split()[1]) // 1024
def hwm(): return int([l for l in open(f'/proc/{p.pid}/status') if l.startswith('VmHWM')][0].split()[1]) // 1024
def upload(img, out):
    b = 'xxBOUNDARYxx'
    body = (f'--{b}\r\nContent-Disposition: form-data; name="prompt"\r\n\r\na red circle\r\n--{b}\r\nContent-Disposition: form-data; name="image_strength"\r\n\r\n0.5\r\n--{b}\r\nContent-Disposition: form-data; name="steps"\r\n\r\n1\r\n'
            f'--{b}\r\nContent-Disposition: form-data; name="init_image"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n').encode() + img + f'\r\n--{b}--\r\n'.encode()
    req = urllib.request.Request(url + '/image_generation/accounts/fireworks/models/playground-v2-1024px-aesthetic/image_to_image', data=body, headers={'Content-Type': f'multipart/form-data; boundary={b}', 'Accept': 'application/json'})
    try:
        with urllib.request.urlopen(req, timeout=600) as r: out.append(r.status)
    except urllib.error.HTTPError as e: out.append((e.code, e.read()[:200]))
time.sleep(1)
print('bomb file bytes', len(bomb), 'admitted 1024x1024 png bytes', len(big_ok))
print('idle RSS MB', rss())
out = []; ts = [threading.Thread(target=upload, args=(bomb, out)) for _ in range(6)]
t0 = time.time(); [t.start() for t in ts]; [t.join() for t in ts]
print('6 bombs:', out[0], 'in %.2fs' % (time.time() - t0), 'RSS MB', rss(), 'peak MB', hwm())
out = []; ts = [threading.Thread(target=upload, args=(big_ok, out)) for _ in range(6)]
t0 = time.time(); [t.start() for t in ts]; [t.join() for t in ts]
print('6 maximal admitted uploads:', out, 'in %.1fs' % (time.time() - t0), 'RSS MB', rss(), 'peak MB', hwm())
# idle connections, then a normal request's latency
idle = []
for i in range(250):
    s = socket.socket(); s.bind((f'127.0.{i // 200}.{i % 200 + 2}', 0)); s.connect(('127.0.0.1', port)); idle.append(s)
time.sleep(1)
lat = []
for _ in range(5):
    t0 = time.time(); urllib.request.urlopen(url + '/models', timeout=60).read(); lat.append(time.time() - t0)
print('250 idle connections open; GET /models latency ms', [round(x * 1000, 1) for x in lat])
time.sleep(12)
t0 = time.time(); urllib.request.urlopen(url + '/models', timeout=60).read()
print('after the 10 s header timeout, the idle ones were closed:', sum(1 for s in idle if s.recv(1) == b''), 'of', len(idle), '; GET ms', round((time.time()-t0)*1000,1))
for s in idle: s.close()
# The flood: FLOOD connections from as many loopback addresses (so the client's ports never run out), opened
# as fast as the kernel takes them and held by four processes (a process may hold 20,000 descriptors here); the
# server admits 256 and closes the rest as they open.
def hold(first, count, ready, release):
    resource.setrlimit(resource.RLIMIT_NOFILE, (count + 256, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    held = []
    for i in range(first, first + count):
        s = socket.socket(); s.setblocking(False); s.bind((f'127.{1 + i // 60000}.{(i // 250) % 240}.{i % 250 + 2}', 0))
        if s.connect_ex(('127.0.0.1', port)) in (0, errno.EINPROGRESS): held.append(s)
        else: s.close()
    os.write(ready, struct.pack('>I', len(held)))
    os.read(release, 1)
    os._exit(0)
workers, t0 = [], time.time()
for w in range(4):
    ready_r, ready_w = os.pipe(); release_r, release_w = os.pipe()
    pid = os.fork()
    if pid == 0: hold(w * (FLOOD // 4), FLOOD // 4, ready_w, release_r)
    workers.append((pid, ready_r, release_w))
opened = sum(struct.unpack('>I', os.read(r, 4))[0] for _, r, _ in workers)
took = time.time() - t0
# The admitted 256 fill every place until the header timeout closes them: a new client is refused until then.
t1, refused = time.time(), 0
while True:
    try:
        urllib.request.urlopen(url + '/models', timeout=60).read(); break
    except (ConnectionError, urllib.error.URLError):
        refused += 1; time.sleep(0.1)
served_after = time.time() - t1
lat = []
for _ in range(5):
    t1 = time.time(); urllib.request.urlopen(url + '/models', timeout=60).read(); lat.append(time.time() - t1)
print(f'{opened} connections opened in {took:.1f} s and held; a new client was refused {refused} times and served '
      f'{served_after:.1f} s after the flood; then GET /models latency ms', [round(x * 1000, 1) for x in lat],
      'server RSS MB', rss(), 'peak MB', hwm(), 'server descriptors', len(os.listdir(f'/proc/{p.pid}/fd')))
for pid, _, release in workers:
    os.write(release, b'x'); os.waitpid(pid, 0)
time.sleep(2)
t1 = time.time(); urllib.request.urlopen(url + '/models', timeout=60).read()
print('flood released: GET ms', round((time.time() - t1) * 1000, 1), 'server RSS MB', rss())
p.terminate(); p.wait()
