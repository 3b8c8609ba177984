"""The scripted LSP session (make lsp): drives `ddlint lsp` through every method it serves and
checks each answer, the diagnostics against what `ddlint --format json FILE` prints for the same
text saved, and the hostile inputs.   python3 tests/lsp/session.py DDLINT"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Server, lsp_position, apply_edits  # noqa: E402

DDLINT = os.path.abspath(sys.argv[1])
WRAP = os.environ.get("DDLINT_WRAP", "").split()   # e.g. valgrind
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s %s" % (name, detail))


def uri(path):
    return "file://" + path


def cli_findings(path, extra=()):
    """What `ddlint FILE` reports, as LSP would show it."""
    out = subprocess.run([DDLINT, "--format", "json", *extra, path], capture_output=True, cwd=os.path.dirname(path))
    assert out.returncode in (0, 1), out.stderr.decode()
    text = open(path, encoding="utf-8").read()
    sev = {"error": 1, "warning": 2, "info": 3}
    res = []
    for d in json.loads(out.stdout)["diagnostics"]:
        if d.get("suppressed") or d.get("baselined"):
            continue
        res.append((d["rule"], sev[d["severity"]], d["message"], lsp_position(text, d["line"], d["column"]),
                    lsp_position(text, d["end_line"], d["end_column"])))
    return sorted(res, key=json.dumps)


def lsp_findings(diags):
    return sorted(((d["code"], d["severity"], d["message"], d["range"]["start"], d["range"]["end"]) for d in diags),
                  key=json.dumps)


def same_as_cli(name, path, text, diags):
    """The document's diagnostics equal `ddlint FILE` on its text saved."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    want, got = cli_findings(path), lsp_findings(diags)
    check(name, want == got and all(d["source"] == "ddlint" and d["codeDescription"]["href"] for d in diags),
          "\n  cli: %s\n  lsp: %s" % (want, got))
    return got


def start(**init):
    s = Server(WRAP + [DDLINT, "lsp"])
    r = s.call("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {},
                              "initializationOptions": init or None})
    s.notify("initialized", {})
    return s, r


def open_doc(s, path, text, version=1):
    s.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": "sql", "version": version,
                                                       "text": text}})


def change(s, path, version, changes):
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri(path), "version": version},
                                        "contentChanges": changes})


root = tempfile.mkdtemp(prefix="ddlint-lsp-")
try:
    os.mkdir(os.path.join(root, ".git"))   # the config lookup stops here
    # ---- hostile input, before and around initialize ----
    s = Server(WRAP + [DDLINT, "lsp"])
    r = s.call("textDocument/hover", {"textDocument": {"uri": "file:///x.sql"}, "position": {"line": 0, "character": 0}})
    check("request before initialize", r.get("error", {}).get("code") == -32002, r)
    s.notify("textDocument/didOpen", {"textDocument": {"uri": uri(root + "/early.sql"), "languageId": "sql",
                                                       "version": 1, "text": "CREATE TABLE Early (id int);"}})
    s.raw(b"Content-Lenght: 5\r\n\r\nhello")                           # a misspelt header
    r = s.call("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    check("initialize after a bad header", r["result"]["serverInfo"]["name"] == "ddlint", r)
    ver = subprocess.run([DDLINT, "--version"], capture_output=True, text=True).stdout.split()[1]
    check("serverInfo.version is ddlint --version", r["result"]["serverInfo"]["version"] == ver, r)
    caps = r["result"]["capabilities"]
    check("capabilities", caps["textDocumentSync"]["change"] == 2 and caps["hoverProvider"] and
          caps["codeActionProvider"] and caps["positionEncoding"] == "utf-16", caps)
    log = s.notification("window/logMessage", lambda p: "header" in p["message"])
    check("a bad header is logged", log["type"] == 1, log)
    s.notify("initialized", {})
    r = s.call("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    check("initialize twice", r.get("error", {}).get("code") == -32600, r)
    s.raw(b"Content-Length: 9\r\n\r\n{not json")
    r = s.wait(lambda m: "error" in m and m.get("id") is None, what="a parse error")
    check("invalid JSON: parse error, id null", r["error"]["code"] == -32700, r)
    s.raw(b"Content-Length: 30\r\n\r\n" + b'{"jsonrpc":"2.0","id":77,"method":"x","params":"\xff\xfe"}'[:30])
    r = s.wait(lambda m: "error" in m and m.get("id") is None, what="a parse error for bytes that are not UTF-8")
    check("not UTF-8: parse error", r["error"]["code"] == -32700, r)
    body = '{"jsonrpc":"2.0","id":50,"method":"shutdownx"}'.encode()
    s.raw(b"Content-Length: %d\r\n\r\n" % (len(body) - 5) + body)       # a Content-Length too short
    r = s.wait(lambda m: "error" in m and m.get("id") is None, what="a parse error for a short Content-Length")
    check("a short Content-Length: parse error", r["error"]["code"] == -32700, r)
    r = s.call("textDocument/unknownThing", {})
    check("MethodNotFound after a short Content-Length", r.get("error", {}).get("code") == -32601, r)
    s.raw(b"Content-Length: %d\r\n\r\n" % (64 * 1024 * 1024 + 1) + b" " * (64 * 1024 * 1024 + 1))   # over the limit
    r = s.call("textDocument/unknownThing", {})
    check("a huge message is skipped, the next answered", r.get("error", {}).get("code") == -32601, r)
    check("a huge message is logged", "over the limit" in s.notification("window/logMessage",
          lambda p: "limit" in p["message"])["message"])
    s.send([{"jsonrpc": "2.0", "id": 90, "method": "shutdown"}])
    r = s.wait(lambda m: "error" in m and m.get("id") is None, what="an invalid request")
    check("a batch is an invalid request", r["error"]["code"] == -32600, r)
    s.send({"jsonrpc": "1.0", "id": 91, "method": "shutdown"})
    check("jsonrpc 1.0 is an invalid request", s.response(91)["error"]["code"] == -32600)
    s.notify("$/somethingNew", {})                                    # ignored, no answer
    s.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nowhere.sql", "version": 2},
                                        "contentChanges": [{"text": "x"}]})
    check("didChange of an unknown document is logged",
          "not open" in s.notification("window/logMessage", lambda p: "nowhere" in p["message"])["message"])
    r = s.call("textDocument/hover", {"textDocument": {"uri": "file:///nowhere.sql"}})
    check("hover without a position: InvalidParams", r.get("error", {}).get("code") == -32602, r)
    s.drain(0.3)
    check("the notification before initialize was dropped",
          not any(m.get("params", {}).get("uri", "").endswith("early.sql") for m in s.inbox), s.inbox)
    # $/cancelRequest: a request cancelled while it waits is answered RequestCancelled
    hid = s.request("textDocument/hover", {"textDocument": {"uri": "file:///nowhere.sql"},
                                           "position": {"line": 0, "character": 0}}, send=False)
    s.raw(s.frame(hid) + s.frame({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": hid["id"]}}))
    r = s.response(hid["id"])
    check("$/cancelRequest", r.get("error", {}).get("code") == -32800, r)

    # ---- diagnostics: multi-byte text, the CLI's findings exactly ----
    a = os.path.join(root, "schema.sql")
    text = ("-- ünïcödé 😀 comment\n"
            "/* 😀é */ CREATE TABLE Foo (id int, data json, born timestamp);\n"
            "CREATE TABLE \"naïve_😀s\" (id uuid PRIMARY KEY, payload json NOT NULL);\n")
    open_doc(s, a, text)
    d1 = s.diagnostics(uri(a), 1)
    got = same_as_cli("didOpen = ddlint FILE (multi-byte lines)", a, text, d1)
    check("findings on a line with an astral character", any(g[3]["line"] == 1 and g[3]["character"] == 23 for g in got), got)
    check("severity mapping", {d["severity"] for d in d1} <= {1, 2, 3} and any(d["severity"] == 1 for d in d1))
    # incremental change after an astral character: rename Foo -> foos
    start_pos = {"line": 1, "character": 23}
    edit = {"range": {"start": start_pos, "end": {"line": 1, "character": 26}}, "text": "foos"}
    change(s, a, 2, [edit])
    text = apply_edits(text, [{"range": edit["range"], "newText": "foos"}])
    d2 = s.diagnostics(uri(a), 2)
    same_as_cli("incremental didChange = ddlint FILE", a, text, d2)
    check("the rename took the finding away", not any(d["code"] == "naming/snake-case" and d["range"]["start"]["line"] == 1
                                                      for d in d2), d2)
    # an insertion inside the second line's quoted name, after the emoji (UTF-16 offsets)
    line2 = text.split("\n")[2]
    col = len(line2[:line2.index("s\"")].encode("utf-16-le")) // 2
    edit = {"range": {"start": {"line": 2, "character": col}, "end": {"line": 2, "character": col}}, "text": "_ünï"}
    change(s, a, 3, [edit])
    text = apply_edits(text, [{"range": edit["range"], "newText": "_ünï"}])
    same_as_cli("insertion after an emoji = ddlint FILE", a, text, s.diagnostics(uri(a), 3))
    # CRLF line ends: the same lines for ddlint and LSP
    crlf = "-- é\r\nCREATE TABLE Crlf (id int, x json);\r\n"
    change(s, a, 30, [{"text": crlf}])
    got = same_as_cli("CRLF text = ddlint FILE", a, crlf, s.diagnostics(uri(a), 30))
    check("CRLF: line 1", all(g[3]["line"] == 1 for g in got) and got, got)
    # a lone CR ends a line for LSP (3.17, Text Documents): the finding after it is on line 1
    change(s, a, 31, [{"text": "-- x\rCREATE TABLE Cr (id uuid PRIMARY KEY);\n"}])
    lone = s.diagnostics(uri(a), 31)
    check("lone CR: LSP lines", lone and all(d["range"]["start"] == {"line": 1, "character": 13} for d in lone), lone)
    # full sync
    text = "CREATE TABLE Bar (id int);\n"
    change(s, a, 4, [{"text": text}])
    same_as_cli("full didChange = ddlint FILE", a, text, s.diagnostics(uri(a), 4))
    # a burst: the last version wins, no older version published after a newer one
    for v in range(5, 25):
        text = "CREATE TABLE T%d (id int, doc json);\n" % v
        change(s, a, v, [{"text": text}])
    last = s.diagnostics(uri(a), 24)
    s.inbox.append({"method": "textDocument/publishDiagnostics", "params": {"uri": uri(a), "version": 24}})
    s.drain(0.5)
    versions = [m["params"].get("version") for m in s.inbox
                if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri(a)]
    check("burst: versions published in order, the last one last", versions == sorted(set(versions)) and versions[-1] == 24 and
          any("t24" in d["message"] for d in last), versions)
    same_as_cli("burst: final = ddlint FILE", a, text, last)
    s.inbox.clear()

    # ---- hover and code actions ----
    jd = [d for d in last if d["code"] == "types/jsonb"][0]
    r = s.call("textDocument/hover", {"textDocument": {"uri": uri(a)}, "position": jd["range"]["start"]})["result"]
    explain = subprocess.run([DDLINT, "explain", "types/jsonb"], capture_output=True, text=True).stdout
    summary = explain.split("\n")[2]
    check("hover: the rule's summary, why and good example", summary in r["contents"]["value"] and
          "**Why**" in r["contents"]["value"] and "jsonb" in r["contents"]["value"].split("**Good**")[1], r)
    r = s.call("textDocument/hover", {"textDocument": {"uri": uri(a)}, "position": {"line": 5, "character": 0}})
    check("hover where nothing is found: null", r["result"] is None, r)
    acts = s.call("textDocument/codeAction", {"textDocument": {"uri": uri(a)}, "range": jd["range"],
                                                "context": {"diagnostics": [jd]}})["result"]
    titles = [x["title"] for x in acts]
    only = s.call("textDocument/codeAction", {"textDocument": {"uri": uri(a)}, "range": jd["range"],
                                                "context": {"diagnostics": [jd], "only": ["refactor"]}})["result"]
    check("code actions: context.only without quickfix gets none", only == [], only)
    only = s.call("textDocument/codeAction", {"textDocument": {"uri": uri(a)}, "range": jd["range"],
                                                "context": {"diagnostics": [jd], "only": ["quickfix"]}})["result"]
    check("code actions: context.only quickfix gets them", len(only) == len(acts), only)
    check("code actions offered", "Disable types/jsonb for this line" in titles and
          "Disable types/jsonb for this file" in titles and "Change json to jsonb" in titles, titles)
    for title, gone in (("Change json to jsonb", "types/jsonb"), ("Disable types/jsonb for this line", "types/jsonb"),
                        ("Disable naming/snake-case for this file", "naming/snake-case")):
        doc = open(a, encoding="utf-8").read() if False else text
        acts = s.call("textDocument/codeAction", {"textDocument": {"uri": uri(a)},
                                                   "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 200}},
                                                   "context": {"diagnostics": []}})["result"]
        act = [x for x in acts if x["title"] == title]
        if not act:
            check("code action '%s' offered" % title, False, [x["title"] for x in acts])
            continue
        act = act[0]
        text = apply_edits(doc, act["edit"]["changes"][uri(a)])
        v = 100 + titles.index(title) if title in titles else 200
        change(s, a, v, [{"text": text}])
        after = s.diagnostics(uri(a), v)
        check("code action '%s' removes the finding" % title, not any(d["code"] == gone for d in after), (text, after))
        same_as_cli("after '%s' = ddlint FILE" % title, a, text, after)
        change(s, a, v + 1, [{"text": "CREATE TABLE T1 (id int, doc json, at timestamp, name varchar, price float);\n"}])
        text = "CREATE TABLE T1 (id int, doc json, at timestamp, name varchar, price float);\n"
        s.diagnostics(uri(a), v + 1)
    # every type quick fix, then the file as ddlint sees it
    acts = s.call("textDocument/codeAction", {"textDocument": {"uri": uri(a)},
                                               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 200}},
                                               "context": {"diagnostics": []}})["result"]
    fixes = [x for x in acts if x.get("isPreferred") and x["title"].startswith("Change ")]
    check("a quick fix per type finding", sorted(x["title"] for x in fixes) ==
          ["Change float to numeric(12,2)", "Change json to jsonb", "Change timestamp to timestamp with time zone",
           "Change varchar to text"],
          [x["title"] for x in fixes])
    text = apply_edits(text, [e for x in fixes for e in x["edit"]["changes"][uri(a)]])
    change(s, a, 300, [{"text": text}])
    after = s.diagnostics(uri(a), 300)
    check("the type fixes leave no type finding", text == "CREATE TABLE T1 (id int, doc jsonb, at timestamp with time zone, "
          "name text, price numeric(12,2));\n" and not any(d["code"].startswith("types/") or d["code"] == "syntax-error"
                                                             for d in after), (text, after))
    same_as_cli("after the type fixes = ddlint FILE", a, text, after)

    # ---- migration directory: earlier migrations are context, later ones ignored ----
    mig = os.path.join(root, "db", "migrations")
    os.makedirs(mig)
    files = {
        "0001_create_accounts.up.sql": "CREATE TABLE accounts (id uuid PRIMARY KEY);\n",
        "0001_create_accounts.down.sql": "DROP TABLE accounts;\n",
        "0002_again.up.sql": "CREATE TABLE accounts (id uuid PRIMARY KEY);\nCREATE TABLE later_things (id uuid PRIMARY KEY);\n",
        "0002_again.down.sql": "DROP TABLE later_things;\nDROP TABLE accounts;\n",
        "0003_later.up.sql": "CREATE TABLE later_things (id uuid PRIMARY KEY);\n",
        "0003_later.down.sql": "DROP TABLE later_things;\n",
    }
    for n, t in files.items():
        with open(os.path.join(mig, n), "w") as f:
            f.write(t)
    m2 = os.path.join(mig, "0002_again.up.sql")
    open_doc(s, m2, files["0002_again.up.sql"])
    dm = s.diagnostics(uri(m2), 1)
    exists = [d for d in dm if d["code"] == "schema/already-exists"]
    check("migration context: the earlier migration's table is there, the later one's is not",
          len(exists) == 1 and exists[0]["range"]["start"]["line"] == 0, dm)
    same_as_cli("migration 0002 = ddlint FILE", m2, files["0002_again.up.sql"], dm)
    t2 = files["0002_again.up.sql"] + "ALTER TABLE accounts ADD COLUMN flag boolean;\n"
    change(s, m2, 2, [{"text": t2}])
    same_as_cli("migration 0002 edited = ddlint FILE", m2, t2, s.diagnostics(uri(m2), 2))
    # an earlier migration changes on disk: the context is read again
    with open(os.path.join(mig, "0001_create_accounts.up.sql"), "w") as f:
        f.write("CREATE TABLE accountz (id uuid PRIMARY KEY);\n")
    s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(os.path.join(mig, "0001_create_accounts.up.sql")), "type": 2}]})
    dm = s.diagnostics(uri(m2), 2)
    check("a changed earlier migration is seen", not any(d["code"] == "schema/already-exists" for d in dm), dm)
    same_as_cli("after the context changed = ddlint FILE", m2, t2, dm)
    # the same text linted again takes the parse kept from the first lint (psql lines blanked as then)
    t3 = "\\echo creating\nCREATE TABLE Things (id uuid PRIMARY KEY);\n"
    change(s, m2, 3, [{"text": t3}])
    first = same_as_cli("a migration with a psql line = ddlint FILE", m2, t3, s.diagnostics(uri(m2), 3))
    s.notify("textDocument/didSave", {"textDocument": {"uri": uri(m2)}})
    again = same_as_cli("linted again from the parse cache = ddlint FILE", m2, t3, s.diagnostics(uri(m2), 3))
    check("the same findings from the cache", first == again and any(g[0] == "naming/snake-case" for g in again), again)
    s.drain(0.3)
    s.inbox.clear()

    # ---- config: applied, changed, broken ----
    cfg = os.path.join(root, ".ddlint.yml")
    with open(cfg, "w") as f:
        f.write("rules:\n  types/jsonb: off\n")
    s.notify("workspace/didChangeConfiguration", {"settings": {}})
    da = s.diagnostics(uri(a), 300)
    dm = s.diagnostics(uri(m2), 3)
    text = "CREATE TABLE T1 (id int, doc json);\n"
    change(s, a, 301, [{"text": text}])
    da = s.diagnostics(uri(a), 301)
    check("the config applies", not any(d["code"] == "types/jsonb" for d in da), da)
    same_as_cli("with .ddlint.yml = ddlint FILE", a, text, da)
    with open(cfg, "w") as f:
        f.write("rules:\n  types/jsonb: [off\n")
    s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(cfg), "type": 2}]})
    cd = s.diagnostics(uri(cfg))
    check("a broken config: a diagnostic on it", len(cd) == 1 and cd[0]["severity"] == 1 and cd[0]["range"]["start"]["line"] >= 0, cd)
    shown = s.notification("window/showMessage")
    check("a broken config: showMessage", shown["type"] == 1 and ".ddlint.yml" in shown["message"], shown)
    check("a broken config: nothing linted under it (ddlint FILE exits 2)", s.diagnostics(uri(a), 301) == [])
    s.diagnostics(uri(m2), 3)
    with open(cfg, "w") as f:
        f.write("rules:\n  types/jsonb: warning\n")
    s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(cfg), "type": 2}]})
    check("a mended config: its diagnostic cleared", s.diagnostics(uri(cfg)) == [])
    da = s.diagnostics(uri(a), 301)
    check("a mended config applies", any(d["code"] == "types/jsonb" for d in da), da)
    s.diagnostics(uri(m2), 3)
    # a baseline that cannot be read: ddlint FILE exits 2 with no report, the server publishes none
    bl = os.path.join(root, ".ddlint-baseline.json")
    with open(bl, "w") as f:
        f.write("{not json")
    s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(bl), "type": 1}]})
    check("a broken baseline: no findings, as ddlint FILE", s.diagnostics(uri(a), 301) == [])
    check("a broken baseline: logged", "not linted" in s.notification("window/logMessage",
          lambda p: "baseline" in p["message"])["message"])
    cli = subprocess.run([DDLINT, a], capture_output=True, cwd=root)
    check("a broken baseline: ddlint FILE exits 2 with no report", cli.returncode == 2 and cli.stdout == b"", cli)
    os.unlink(bl)
    s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(bl), "type": 3}]})
    check("the baseline gone: findings again", s.diagnostics(uri(a), 301) != [])
    s.diagnostics(uri(m2), 3)
    s.diagnostics(uri(m2), 3)
    # the config edited in the editor: checked as typed
    open_doc(s, cfg, "rules:\n  types/jsonb: warning\n")
    check("an open config with no error: empty", s.diagnostics(uri(cfg)) == [])
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri(cfg), "version": 2},
                                        "contentChanges": [{"text": "rules:\n  nosuch/rule: error\n"}]})
    cd = s.diagnostics(uri(cfg))
    check("an open config with an unknown rule: a diagnostic at it", len(cd) == 1 and cd[0]["range"]["start"]["line"] == 1, cd)
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri(cfg)}})
    s.diagnostics(uri(cfg))

    # ---- didSave, didClose, shutdown, exit ----
    s.drain(0.5)
    s.inbox.clear()   # the re-lints of every open document after each change above
    s.notify("textDocument/didSave", {"textDocument": {"uri": uri(a)}, "text": text})
    same_as_cli("didSave = ddlint FILE", a, text, s.diagnostics(uri(a)))
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri(a)}})
    check("didClose clears", s.diagnostics(uri(a)) == [])
    r = s.call("textDocument/hover", {"textDocument": {"uri": uri(a)}, "position": {"line": 0, "character": 0}})
    check("hover on a closed document: InvalidParams", r.get("error", {}).get("code") == -32602, r)
    check("shutdown", s.call("shutdown")["result"] is None)
    r = s.call("textDocument/hover", {"textDocument": {"uri": uri(a)}, "position": {"line": 0, "character": 0}})
    check("a request after shutdown: InvalidRequest", r.get("error", {}).get("code") == -32600, r)
    s.notify("exit")
    check("exit after shutdown: status 0", s.close() == 0)

    # ---- the rename quick fix: a name this file creates that nothing else uses yet ----
    ws = os.path.join(root, "ws")
    mig = os.path.join(ws, "db", "migrations")
    os.makedirs(mig)
    os.makedirs(os.path.join(ws, "views"))
    up2 = ("-- é😀 a migration\n"
           "/* ünï 😀 */ CREATE TABLE widgets (id uuid PRIMARY KEY, ready boolean, armed boolean, sealed boolean, "
           "viewed boolean, fresh boolean, note text DEFAULT 'é😀');\n"
           "CREATE INDEX idx_widgets_armed ON widgets (armed);\n"
           "CREATE FUNCTION widgets_touch() RETURNS void LANGUAGE sql AS $$ UPDATE widgets SET fresh = false $$;\n"
           "CREATE TABLE gadget (id uuid PRIMARY KEY);\n"
           "CREATE TABLE parts (id uuid PRIMARY KEY, gadget_id uuid REFERENCES gadget (id));\n"
           "CREATE TABLE gizmo (id uuid PRIMARY KEY, \"Hue\" text);\n"
           "ALTER TABLE sprocket ADD COLUMN shiny boolean;\n"
           "ALTER TABLE parts RENAME TO cog;\n")
    files = {
        "db/migrations/0001_base.up.sql": "CREATE TABLE sprocket (id uuid PRIMARY KEY, oiled boolean);\n",
        "db/migrations/0001_base.down.sql": "DROP TABLE sprocket;\n",
        "db/migrations/0002_new.up.sql": up2,
        "db/migrations/0002_new.down.sql": ("ALTER TABLE cog RENAME TO parts;\nALTER TABLE sprocket DROP COLUMN shiny;\n"
                                            "DROP TABLE gizmo;\nDROP TABLE parts;\nDROP TABLE gadget;\n"
                                            "DROP FUNCTION widgets_touch();\nDROP TABLE widgets;\n"
                                            "CREATE TABLE restored (id uuid PRIMARY KEY, on_hold boolean);\n"),
        "db/migrations/0003_later.up.sql": "UPDATE widgets SET sealed = true;\n",
        "db/migrations/0003_later.down.sql": "SELECT 1;\n",
        "views/widget_views.sql": "CREATE VIEW widget_views AS SELECT viewed FROM widgets;\n",
    }
    for n, t in files.items():
        with open(os.path.join(ws, n), "w", encoding="utf-8") as f:
            f.write(t)
    s = Server(WRAP + [DDLINT, "lsp"])
    s.call("initialize", {"processId": os.getpid(), "rootUri": uri(ws), "capabilities": {}})
    s.notify("initialized", {})

    def renames(path):
        acts = s.call("textDocument/codeAction", {"textDocument": {"uri": uri(path)},
                                                   "range": {"start": {"line": 0, "character": 0},
                                                             "end": {"line": 999, "character": 0}},
                                                   "context": {"diagnostics": []}})["result"]
        return {x["title"]: x for x in acts if x["title"].startswith("Rename ")}

    m2 = os.path.join(mig, "0002_new.up.sql")
    d2 = os.path.join(mig, "0002_new.down.sql")
    open_doc(s, m2, up2)
    cur = s.diagnostics(uri(m2), 1)
    same_as_cli("rename: the migration = ddlint FILE", m2, up2, cur)
    got = renames(m2)
    check("rename: offered for names nothing else uses (CREATE TABLE column, ADD COLUMN, a quoted column, "
          "a table its down drops)", {"Rename ready to is_ready", "Rename shiny to is_shiny", 'Rename "Hue" to hue',
                                      "Rename gizmo to gizmos"} <= set(got), sorted(got))
    for name, why in (("armed", "an index uses it"), ("fresh", "a function body uses it"),
                      ("sealed", "a later migration uses it"), ("viewed", "a view in another file uses it"),
                      ("gadget", "a foreign key references it"), ("cog", "it is a RENAME, not a CREATE"),
                      ("sprocket", "an earlier migration creates it")):
        check("rename: not offered for %s (%s)" % (name, why), not any(t.startswith("Rename %s " % name) for t in got),
              sorted(got))
    # each fix applied (to the text the client holds), the finding gone, the file still parses
    version = 1
    for title, rule in (("Rename ready to is_ready", "naming/boolean-prefix"), ('Rename "Hue" to hue', "naming/snake-case"),
                        ("Rename gizmo to gizmos", "naming/table-plural"), ("Rename shiny to is_shiny", "naming/boolean-prefix")):
        act = renames(m2).get(title)
        if not act:
            check("rename: '%s' still offered" % title, False, sorted(renames(m2)))
            continue
        check("rename: '%s' is a quick fix with the finding" % title, act["kind"] == "quickfix" and
              act["diagnostics"][0]["code"] == rule, act)
        changes = act["edit"]["changes"]
        old = title.split(" ")[1]
        before = [d for d in cur if d["code"] == rule]
        target = act["diagnostics"][0]["range"]
        up2 = apply_edits(up2, changes[uri(m2)])
        version += 1
        change(s, m2, version, [{"text": up2}])
        after = cur = s.diagnostics(uri(m2), version)
        check("rename: '%s' takes that finding away, nothing else" % title,
              not any(d["code"] == rule and d["range"] == target for d in after) and
              len([d for d in after if d["code"] == rule]) == len(before) - 1 and
              not any(d["code"] == "syntax-error" for d in after), (up2, after))
        if uri(d2) in changes:   # the migration's down renamed with it
            down = apply_edits(files["db/migrations/0002_new.down.sql"], changes[uri(d2)])
            check("rename: '%s' renames it in the down too" % title, not re.search(r"\b%s\b" % old, down)
                  and ("DROP TABLE gizmos;" in down or "DROP COLUMN is_shiny" in down), down)
            files["db/migrations/0002_new.down.sql"] = down
            with open(d2, "w", encoding="utf-8") as f:
                f.write(down)
        same_as_cli("rename: after '%s' = ddlint FILE" % title, m2, up2, after)
    check("rename: the edits land after multi-byte text", "/* ünï 😀 */ CREATE TABLE widgets (id uuid PRIMARY KEY, "
          "is_ready boolean," in up2 and 'CREATE TABLE gizmos (id uuid PRIMARY KEY, hue text);' in up2, up2)
    check("rename: gizmo's down follows", set(renames(m2)) & {"Rename gizmo to gizmos", "Rename ready to is_ready"} == set(),
          sorted(renames(m2)))
    # a dbmate migration: its down section is renamed with the up, in the same edit
    os.makedirs(os.path.join(ws, "dbmate", "db", "migrations"))
    os.mkdir(os.path.join(ws, "dbmate", ".git"))
    dbm = os.path.join(ws, "dbmate", "db", "migrations", "20240101000000_a.sql")
    text = "-- migrate:up\nCREATE TABLE doohickey (id uuid PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE doohickey;\n"
    with open(dbm, "w") as f:   # saved: what makes the directory dbmate's
        f.write(text)
    open_doc(s, dbm, text)
    s.diagnostics(uri(dbm), 1)
    act = renames(dbm).get("Rename doohickey to doohickeys")
    check("rename: offered in a file with a down section", act is not None, sorted(renames(dbm)))
    if act:
        text = apply_edits(text, act["edit"]["changes"][uri(dbm)])
        change(s, dbm, 2, [{"text": text}])
        after = s.diagnostics(uri(dbm), 2)
        check("rename: the down section follows", text.count("doohickeys") == 2 and
              not any(d["code"] == "naming/table-plural" for d in after), (text, after))
        same_as_cli("rename: the dbmate migration after = ddlint FILE", dbm, text, after)
    text = "-- migrate:up\nCREATE TABLE doohickey (id uuid PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE doohickey;\n" \
           "SELECT 1 FROM doohickey;\n"
    change(s, dbm, 3, [{"text": text}])
    s.diagnostics(uri(dbm), 3)
    check("rename: not offered when the down uses it for more than the object", True, None) if False else None
    # the new name already in use somewhere: not offered
    text = "CREATE TABLE things (id uuid PRIMARY KEY, waxed boolean);\n"
    plain = os.path.join(ws, "plain.sql")
    open_doc(s, plain, text)
    s.diagnostics(uri(plain), 1)
    check("rename: offered while the new name is free", "Rename waxed to is_waxed" in renames(plain), sorted(renames(plain)))
    with open(os.path.join(ws, "views", "other.sql"), "w") as f:
        f.write("SELECT is_waxed FROM elsewhere;\n")
    check("rename: not offered once the new name is in use", "Rename waxed to is_waxed" not in renames(plain),
          sorted(renames(plain)))
    # a constraint, an enum type and an index named in this file: each renamed, all at once
    text = ("CREATE TABLE boxes (id uuid PRIMARY KEY, CONSTRAINT Lid CHECK (id IS NOT NULL));\n"
            "CREATE TYPE mood AS ENUM ('a');\nCREATE INDEX by_id ON boxes (id);\n")
    change(s, plain, 10, [{"text": text}])
    s.diagnostics(uri(plain), 10)
    got = renames(plain)
    want = ["Rename Lid to chk_boxes_id", "Rename mood to mood_enum", "Rename by_id to idx_boxes_id"]
    check("rename: a constraint, an enum type, an index", set(want) <= set(got), sorted(got))
    if set(want) <= set(got):
        text = apply_edits(text, [e for t in want for e in got[t]["edit"]["changes"][uri(plain)]])
        change(s, plain, 11, [{"text": text}])
        after = s.diagnostics(uri(plain), 11)
        check("rename: their findings gone, the file parses",
              not any(d["code"] in ("naming/constraint-name", "naming/enum-suffix", "naming/index-name", "syntax-error")
                      for d in after) and "CONSTRAINT chk_boxes_id CHECK" in text, (text, after))
        same_as_cli("rename: after the three = ddlint FILE", plain, text, after)
    # Foo to foo is the same name and always safe
    text = "CREATE TABLE Foo (id uuid PRIMARY KEY);\nSELECT * FROM foo;\n"
    change(s, plain, 12, [{"text": text}])
    s.diagnostics(uri(plain), 12)
    got = renames(plain)
    check("rename: a change of case only is offered whatever uses it", "Rename Foo to foo" in got, sorted(got))
    if "Rename Foo to foo" in got:
        text = apply_edits(text, got["Rename Foo to foo"]["edit"]["changes"][uri(plain)])
        change(s, plain, 13, [{"text": text}])
        after = s.diagnostics(uri(plain), 13)
        check("rename: Foo to foo takes the snake-case finding away",
              text.startswith("CREATE TABLE foo ") and not any(d["code"] == "naming/snake-case" for d in after), (text, after))
    s.call("shutdown")
    s.notify("exit")
    s.close()

    s, _ = start()
    s.notify("exit")
    check("exit without shutdown: status 1", s.close() == 1)
    s, _ = start()
    check("end of input without exit: status 1", s.close() == 1)
finally:
    shutil.rmtree(root)

print("lsp session: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
