"""make bench: the language server's time from a didChange to its publishDiagnostics (median of
N edits, each waited for), for a file and for the last migration of a directory (after the first
lint, which is not counted).   python3 tests/bench/lsp_latency.py DDLINT FILE [N]"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lsp"))
from lspclient import Server  # noqa: E402

ddlint, path = sys.argv[1], os.path.abspath(sys.argv[2])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
s = Server([ddlint, "lsp", "--no-config"])
s.call("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
s.notify("initialized", {})
text = open(path, encoding="utf-8").read()
uri = "file://" + path
t0 = time.perf_counter()
s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": text}})
s.diagnostics(uri, 1, timeout=120)
first = time.perf_counter() - t0
times = []
for v in range(2, n + 2):
    # a keystroke: one character typed into a comment on the last line
    edit = {"range": {"start": {"line": text.count("\n"), "character": 0}, "end": {"line": text.count("\n"), "character": 0}},
            "text": " "}
    t = time.perf_counter()
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v}, "contentChanges": [edit]})
    s.diagnostics(uri, v, timeout=60)
    times.append(time.perf_counter() - t)
s.call("shutdown")
s.notify("exit")
s.close()
print("%.1f %.1f %.1f %.1f" % (first * 1000, statistics.median(times) * 1000, min(times) * 1000, max(times) * 1000))
