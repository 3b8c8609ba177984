"""A small LSP client for the tests: starts `ddlint lsp`, frames messages (Content-Length),
collects what the server sends, and waits for answers and notifications. Standard library only."""
import json
import os
import select
import subprocess
import time


class Server:
    def __init__(self, argv, cwd=None, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.buf = b""
        self.inbox = []      # every message received, in order
        self.seen = 0        # how many of inbox the waits have looked at
        self.next_id = 0
        os.set_blocking(self.proc.stdout.fileno(), False)

    # ---- sending ----
    def raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    @staticmethod
    def frame(obj):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def send(self, obj):
        self.raw(self.frame(obj))

    def request(self, method, params=None, send=True):
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            msg["params"] = params
        if send:
            self.send(msg)
        return self.next_id if send else msg

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    # ---- receiving ----
    def _pump(self, timeout):
        r, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not r:
            return False
        chunk = self.proc.stdout.read()
        if not chunk:
            return False
        self.buf += chunk
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                break
            headers = self.buf[:end].decode("ascii").split("\r\n")
            n = None
            for h in headers:
                name, _, value = h.partition(":")
                if name.lower() == "content-length":
                    n = int(value.strip())
            assert n is not None, "server sent a header block without Content-Length: %r" % headers
            if len(self.buf) < end + 4 + n:
                break
            body = self.buf[end + 4:end + 4 + n]
            self.buf = self.buf[end + 4 + n:]
            self.inbox.append(json.loads(body.decode("utf-8")))
        return True

    def wait(self, pred, timeout=10.0, what="a message"):
        """The first message not yet looked at that pred accepts (earlier ones stay in inbox)."""
        deadline = time.time() + timeout
        i = 0
        while True:
            while i < len(self.inbox):
                m = self.inbox[i]
                i += 1
                if pred(m):
                    self.inbox.remove(m)
                    return m
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError("timed out waiting for %s; received: %s" % (what, json.dumps(self.inbox)[:3000]))
            if self.proc.poll() is not None and not self._pump(0):
                raise AssertionError("server exited (%s) while waiting for %s; stderr: %s"
                                     % (self.proc.returncode, what, self.proc.stderr.read().decode()[:2000]))
            self._pump(min(left, 0.5))

    def response(self, rid, timeout=10.0):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout, "the response to %r" % rid)

    def call(self, method, params=None, timeout=10.0):
        return self.response(self.request(method, params), timeout)

    def notification(self, method, pred=lambda p: True, timeout=10.0):
        return self.wait(lambda m: m.get("method") == method and "id" not in m and pred(m.get("params")),
                         timeout, method)["params"]

    def diagnostics(self, uri, version=None, timeout=10.0):
        def ok(p):
            return p["uri"] == uri and (version is None or p.get("version") == version)
        return self.notification("textDocument/publishDiagnostics", ok, timeout)["diagnostics"]

    def drain(self, seconds=0.2):
        end = time.time() + seconds
        while time.time() < end:
            self._pump(max(0, end - time.time()))

    def close(self, timeout=10):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        return self.proc.wait(timeout)


def utf16_units(s):
    return len(s.encode("utf-16-le")) // 2


def lsp_position(text, line, column):
    """ddlint's 1-based line and column (Unicode characters) as an LSP position (UTF-16)."""
    lines = text.split("\n")
    ln = lines[line - 1] if line - 1 < len(lines) else ""
    return {"line": line - 1, "character": utf16_units(ln[:column - 1])}


def offset_of(text, pos):
    """The index in a Python string of an LSP position (UTF-16 units)."""
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[:pos["line"]])
    ln = lines[pos["line"]] if pos["line"] < len(lines) else ""
    units = 0
    for i, ch in enumerate(ln):
        if units >= pos["character"]:
            return start + i
        units += utf16_units(ch)
    return start + len(ln)


def apply_edits(text, edits):
    """Apply TextEdits (LSP ranges) to text, last first."""
    spans = sorted(((offset_of(text, e["range"]["start"]), offset_of(text, e["range"]["end"]), e["newText"])
                    for e in edits), reverse=True)
    for a, b, new in spans:
        text = text[:a] + new + text[b:]
    return text
