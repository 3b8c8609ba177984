#!/usr/bin/env python3
"""Differential test: ddlint against squawk and the Postgres Language Server (issue 19).

Both linters run over every migration directory of the corpus: the peer on each up file that
ddlint's plan lists (squawk with its JSON reporter, the Postgres Language Server's `check` with
its JSON reporter and every rule of its safety group on), ddlint on the directory with --format
json. For each mapped pair of rules (tests/safety/mapping.tsv) whose ddlint rule `ddlint rules`
lists, a peer finding agrees with a ddlint finding of the mapped rule in the same file whose line
lies within the peer's range (start line to end line), and the other way round. Every
disagreement must be listed, with its reason, in tests/safety/<tool>.expected.tsv; the test fails
on a disagreement that is not listed, and on a listed one of a compared rule that no longer
occurs (it was fixed: take it out).

  differential.py --ddlint BIN --tools DIR --corpus DIR [--tool squawk|pls]... [--write]

--write rewrites the expectation files: entries that still occur keep their reason, new ones get
the reason the classifier below guesses (marked "auto", to be reviewed before a commit).
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REASONS = {
    "new": "ddlint knows the object is new: the same migration created it, so nothing uses it yet",
    "down": "the line is in a down section: ddlint never judges downs (they undo their own up)",
    "tx": "ddlint follows how the tool runs this file (its transaction, a per-file opt-out, one query, an explicit "
          "BEGIN); the peer decides without knowing it (squawk: one --assume-in-transaction setting per project; "
          "the Postgres Language Server: a fixed assumption per statement kind)",
    "unknown-tool": "numbered files of no known tool: how they run is a guess, and ddlint's retry-safe makes none "
                    "(migration/transaction asks them for BEGIN ... COMMIT)",
    "first": "both ask for lock_timeout in this migration, at different statements: ddlint at the first that locks a "
             "table existing before it (SHARE or stronger), squawk at the first it deems possibly slow, the Language "
             "Server at every one",
    "one-per-tx": "ddlint reports the first long statement a transaction runs after taking ACCESS EXCLUSIVE, once; "
                  "the peer every statement after it",
    "single": "a migration of one statement is atomic: a retry cannot meet half of it",
    "dropped": "IF EXISTS of what does not exist there (never created, or dropped before): nothing is dropped",
    "peer-wider": "the peer's rule reports more than ddlint's rule checks, by design",
    "ddlint-wider": "ddlint's rule reports more than the peer's rule checks, by design",
    "peer-parse": "the peer cannot parse the statement (its syntax error covers the line) and reports nothing there",
    "do-block": "the statement is in the body of a DO block: ddlint reads its static SQL, the peer does not",
    "final": "ddlint's types/ rules judge the schema after the last migration: a later migration changed or dropped "
             "this column (the peer judges each statement)",
    "position": "both report the statement, at lines the range test does not pair",
    "version": "the hazard depends on the server version: ddlint judges safety.postgres_version (15)",
    "model-state": "ddlint knows the state before the statement (the column is NOT NULL already, a validated CHECK "
                   "(col IS NOT NULL) exists, the old type needs no rewrite, the lock taken is not ACCESS EXCLUSIVE): "
                   "the hazard the peer assumes is not there",
    "ddlint-wrong": "ddlint is wrong here and it is not fixed yet (see the note)",
    "pending": "not reviewed yet: listed so that any other disagreement fails the test; its reason is still to be "
               "established (the report of the branch that listed it says how many)",
}
SIDES = ("peer-only", "ddlint-only")
SYNTAX = {}   # (tool, file) -> the line ranges of the peer's syntax errors


def run(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stdout, p.stderr


def load_mapping(tool, listed):
    rows = []
    with open(os.path.join(HERE, "mapping.tsv")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[0] != tool:
                continue
            rows.append({"peer": cols[1], "ddlint": cols[2], "filter": cols[3] if len(cols) > 3 else "",
                         "compared": cols[2] in listed})
    return rows


def plan(ddlint, d):
    code, out, err = run([ddlint, "plan", "--no-config", "--format", "json", d])
    if code != 0:
        sys.exit("differential: ddlint plan %s failed (%d): %s" % (d, code, err))
    return json.loads(out)["directories"]


def rel(corpus, path):
    return os.path.relpath(os.path.realpath(path), os.path.realpath(os.path.join(corpus, "migrations")))


def ddlint_findings(ddlint, d, corpus, turn_on):
    # the compared rules that are off by default are turned on: the peers run theirs
    on = [x for r in turn_on for x in ("--rule", r + "=warning")]
    code, out, err = run([ddlint, "--no-config", "--no-color", "--no-baseline", "-j", "1", "--fail-on", "never",
                          "--format", "json"] + on + [d])
    if code != 0:
        sys.exit("differential: ddlint %s failed (%d): %s" % (d, code, err))
    res = []
    for x in json.loads(out)["diagnostics"]:
        if x.get("suppressed"):
            continue
        res.append({"file": rel(corpus, x["file"]), "line": x["line"], "rule": x["rule"], "message": x["message"]})
    return res


def squawk_findings(tools, files, assume_tx, corpus):
    exe = os.path.join(os.path.abspath(tools), "node_modules", ".bin", "squawk")
    res = []
    # an empty config in a scratch directory: no .squawk.toml of the corpus or of this repository
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, ".squawk.toml")
        open(cfg, "w").close()
        for i in range(0, len(files), 200):
            cmd = [exe, "--config", cfg, "--reporter", "json", "--pg-version", "15.0"]
            if assume_tx:
                cmd.append("--assume-in-transaction")
            code, out, err = run(cmd + [os.path.abspath(f) for f in files[i:i + 200]], cwd=tmp)
            if code not in (0, 1) or not out.strip().startswith("["):
                sys.exit("differential: squawk failed (%d): %s%s" % (code, out[:500], err[:500]))
            for x in json.loads(out):
                if x["rule_name"] == "syntax-error":
                    SYNTAX.setdefault(("squawk", rel(corpus, x["file"])), []).append((x["line"] + 1, x["line_end"] + 1))
                res.append({"file": rel(corpus, x["file"]), "line": x["line"] + 1, "end": x["line_end"] + 1,
                            "rule": x["rule_name"], "message": x["message"]})
    return res


PLS_CONFIG = {
    "vcs": {"enabled": False},
    "files": {"maxSize": 20000000},
    "linter": {"enabled": True, "rules": {"recommended": False, "safety": {"all": True}}},
    "splinter": {"enabled": False},
    "typecheck": {"enabled": False},
    "plpgsqlCheck": {"enabled": False},
    "db": {"disableConnection": True},
}


def pls_findings(tools, files, corpus):
    exe = os.path.join(os.path.abspath(tools), "node_modules", ".bin", "postgres-language-server")
    res = []
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "postgres-language-server.jsonc"), "w") as f:
            json.dump(PLS_CONFIG, f)
        env_cmd = [exe, "check", "--config-path", tmp, "--disable-db", "--reporter=json", "--max-diagnostics=none",
                   "--colors=off"]
        for i in range(0, len(files), 200):
            code, out, err = run(env_cmd + [os.path.abspath(f) for f in files[i:i + 200]], cwd=tmp)
            start = out.find("{")
            if start < 0:
                sys.exit("differential: postgres-language-server failed (%d): %s%s" % (code, out[:500], err[:500]))
            doc = json.JSONDecoder().raw_decode(out[start:])[0]
            for x in doc.get("diagnostics", []):
                cat = x.get("category") or ""
                loc = x.get("location") or {}
                if not loc.get("path") or not loc.get("start"):
                    continue
                path = loc["path"]
                if not os.path.isabs(path):
                    path = os.path.join(tmp, path)
                if cat == "syntax":
                    SYNTAX.setdefault(("pls", rel(corpus, path)), []).append((loc["start"]["line"], loc["end"]["line"]))
                if not cat.startswith("lint/"):
                    continue
                res.append({"file": rel(corpus, path), "line": loc["start"]["line"], "end": loc["end"]["line"],
                            "rule": cat.split("/")[-1], "message": x.get("message", "")})
    return res


# ---- the classifier behind --write (a guess, reviewed before a commit) ----------------------

DOWN_MARK = re.compile(r"^\s*--\s*(\+goose\s+down|migrate:down|\+migrate\s+down)", re.I)
NAME = r"((?:\"[^\"]+\"|[\w$]+)(?:\.(?:\"[^\"]+\"|[\w$]+))?)"
TARGET = re.compile(r"(?:alter\s+table|drop\s+table|truncate(?:\s+table)?|update|delete\s+from|alter\s+type|drop\s+schema|"
                    r"create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(?:\S+\s+)?on|"
                    r"drop\s+index|reindex\s+(?:index|table)|vacuum\s*(?:\([^)]*\)|full)?|cluster)"
                    r"\s+(?:concurrently\s+)?(?:if\s+exists\s+)?(?:only\s+)?" + NAME, re.I)


def file_lines(corpus, f, cache={}):
    if f not in cache:
        with open(os.path.join(corpus, "migrations", f), errors="replace") as fh:
            cache[f] = fh.read().split("\n")
    return cache[f]


def in_down(corpus, f, line):
    for i, text in enumerate(file_lines(corpus, f)[:line - 1]):
        if DOWN_MARK.match(text):
            return True
    return False


def statement_at(corpus, f, line):
    """The text of the statement that line `line` is part of: from the ';' before it to the one after."""
    lines = file_lines(corpus, f)
    before = "\n".join(lines[:line - 1])
    start = before.rfind(";") + 1
    rest = "\n".join(lines[line - 1:])
    end = rest.find(";")
    stmt = before[start:] + "\n" + (rest[:end] if end >= 0 else rest)
    # comments out
    return re.sub(r"--[^\n]*", " ", stmt), before[:start]


def created_before(corpus, f, line):
    """The object the statement at `line` names, when the text of the file before it creates it."""
    stmt, before = statement_at(corpus, f, line)
    m = TARGET.search(stmt)
    if not m:
        return None
    name = m.group(1).split(".")[-1].strip('"')
    pat = re.compile(r"create\s+(?:(?:unlogged|temp|temporary)\s+)?(?:table|type|schema|(?:unique\s+)?index|materialized\s+view)"
                     r"\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(?:[\w\"]+\.)?\"?%s\"?[\s(;]" % re.escape(name), re.I)
    return name if pat.search(before) else None


def stmt_text(corpus, f, line):
    return " ".join(statement_at(corpus, f, line)[0].split()).lower()


# the rules that judge only what exists before the migration
NEW_EXEMPT = {"safety/drop-column", "safety/drop-table", "safety/rename-column", "safety/rename-table",
              "safety/truncate", "safety/unbounded-dml", "safety/drop-schema", "safety/index-concurrently",
              "safety/constraint-not-valid", "safety/unique-using-index", "safety/set-not-null",
              "safety/exclude-constraint", "safety/column-type-change", "safety/add-column-rewrite",
              "safety/table-rewrite", "safety/lock-timeout", "safety/exclusive-lock-held", "safety/many-tables-locked"}
LONG = ("create index", "create unique index", "update ", "delete ", "vacuum", "cluster", "reindex", "refresh")
# what squawk's prefer-robust-stmts (and the Language Server's port of it) asks IF [NOT] EXISTS of
PEER_ROBUST = ("CREATE TABLE ", "CREATE INDEX ", "CREATE INDEX CONCURRENTLY ", "DROP TABLE ", "DROP INDEX ",
               "DROP INDEX CONCURRENTLY ", "DROP TYPE ", "ADD COLUMN ", "DROP COLUMN ", "DROP CONSTRAINT ")


def in_dollar_body(corpus, f, line):
    text = "\n".join(file_lines(corpus, f)[:line - 1])
    return len(re.findall(r"\$[A-Za-z_]*\$", text)) % 2 == 1


def classify(e, corpus, ctx):
    f, line, rule, side = e["file"], e["line"], e["ddlint_rule"], e["side"]
    if in_down(corpus, f, line):
        return "down", "auto"
    if side == "ddlint-only" and any(a <= line <= b for a, b in ctx["syntax"].get((e["tool"], f), [])):
        return "peer-parse", "auto"
    if side == "ddlint-only" and in_dollar_body(corpus, f, line):
        return "do-block", "auto"
    tx_differs = ctx["file_tx"].get(f) != ctx["dir_assume"].get(f) or e["tool"] == "pls"
    if rule in NEW_EXEMPT and side == "peer-only":
        name = created_before(corpus, f, line)
        if name:
            return "new", "auto: %s is created earlier in the migration" % name
    text = stmt_text(corpus, f, line)
    mine_in_file = [d for d in ctx["mine"] if d["file"] == f and d["rule"] == rule]
    peer_in_file = [p for p in ctx["peer"][e["tool"]] if p["file"] == f and p["rule"] in ctx["peer_names"][e["tool"]][rule]]
    if rule == "safety/lock-timeout":
        if side == "peer-only":
            if mine_in_file:
                return "first", "auto"
            return "peer-wider", "auto: no lock ddlint counts (SHARE or stronger on a table that exists before)"
        return ("first", "auto") if peer_in_file else ("ddlint-wider", "auto: the peer does not count this statement")
    if rule == "safety/exclusive-lock-held" and side == "peer-only" and any(d["line"] < line for d in mine_in_file):
        return "one-per-tx", "auto: ddlint reported an earlier statement of the file"
    if rule == "safety/exclusive-lock-held" and side == "peer-only" and not text.startswith(LONG):
        return "peer-wider", "auto: not a long statement"
    if rule == "safety/many-tables-locked":
        return ("peer-wider", "auto: a second table") if side == "peer-only" else ("position", "auto")
    if rule == "safety/add-column-rewrite" and side == "peer-only":
        dm = re.search(r"default\s+(.*)", text)
        if dm and re.match(r"(\(?\'[^\']*\'\)?(::[\w ]+)?|-?[\d.]+|true|false|null|now\(\)|current_timestamp|current_date|\'\{\}\'::jsonb?|array\[\])", dm.group(1).strip()):
            return "peer-wider", "auto: a constant default, stored once since PostgreSQL 11"
    if rule == "safety/constraint-not-valid" and side == "peer-only" and re.search(r"\b(primary key|unique)\b", text) \
            and not re.search(r"\b(references|foreign key|check)\b", text):
        return "peer-wider", "auto: PRIMARY KEY or UNIQUE, which cannot be NOT VALID (ddlint: safety/unique-using-index)"
    if rule == "safety/column-type-change" and side == "peer-only" and \
            re.search(r"alter column \"?(\w+)\"? type [\w ()]+, alter column \"?\1\"? (drop|set) not null", text):
        return "peer-wider", "auto: pop's fizz restates the column's own type beside a NOT NULL change: no rewrite"
    if rule == "safety/column-type-change" and side == "peer-only" and re.search(r"type\s+(text|varchar|character varying|citext)\b", text):
        return "peer-wider", "auto: a type change PostgreSQL makes without a rewrite"
    if rule == "safety/retry-safe":
        if ctx["file_tool"].get(f) == "plain":
            return "unknown-tool", "auto"
        if side == "peer-only":
            if "Missing transaction" in e["message"]:
                return "peer-wider", "auto: squawk asks a transaction of every other ALTER TABLE action"
            if ctx["file_tx"].get(f) == "transaction" and tx_differs:
                return "tx", "auto: the tool runs it in a transaction"
        else:
            if not e["message"].startswith(PEER_ROBUST):
                return "ddlint-wider", "auto: " + e["message"].split(" without")[0]
            if tx_differs:
                return "tx", "auto: the tool runs it statement by statement"
    if rule in ("migration/transaction", "migration/concurrently-in-transaction") and tx_differs:
        return "tx", "auto: the tool runs it as %s" % ctx["file_tx"].get(f)
    if rule == "safety/enum-add-value" and side == "peer-only":
        return "version", "auto: refused in a transaction only before PostgreSQL 12"
    if rule == "types/timestamptz":
        if side == "peer-only" and (f, line) not in ctx["final_cols"]:
            return "final", "auto"
        if side == "ddlint-only":
            return "position", "auto: ddlint reports at the column's definition, the peer at the statement that made it timestamp"
    if rule == "naming/identifier-length":
        return ("peer-wider", "auto: a name the statement does not define (policy, referenced)") if side == "peer-only" \
            else ("ddlint-wider", "auto: a name PostgreSQL generates and cuts")
    return "unreviewed", "auto"


# ---- comparison ------------------------------------------------------------------------------

def compare(tool, peer, mine, mapping):
    """Disagreements as dicts with tool, file, line, rule, side, ddlint_rule."""
    out = []
    for row in mapping:
        if not row["compared"]:
            continue
        flt = re.compile(row["filter"]) if row["filter"] else None
        P = [p for p in peer if p["rule"] == row["peer"]]
        D = [d for d in mine if d["rule"] == row["ddlint"] and (not flt or flt.search(d["message"]))]
        byfile = collections.defaultdict(list)
        for d in D:
            byfile[d["file"]].append(d)
        for p in P:
            if not any(p["line"] <= d["line"] <= p["end"] for d in byfile.get(p["file"], [])):
                out.append({"tool": tool, "file": p["file"], "line": p["line"], "rule": p["rule"], "side": "peer-only",
                            "ddlint_rule": row["ddlint"], "message": p["message"]})
    # a ddlint finding of a compared rule that no peer finding of a rule mapped to it covers
    by_ddlint = collections.defaultdict(list)
    for row in mapping:
        if row["compared"]:
            by_ddlint[row["ddlint"]].append(row)
    for rule, rows in by_ddlint.items():
        for d in mine:
            if d["rule"] != rule:
                continue
            rows_d = [r for r in rows if not r["filter"] or re.search(r["filter"], d["message"])]
            if not rows_d:
                continue
            names = {r["peer"] for r in rows_d}
            if not any(p["rule"] in names and p["file"] == d["file"] and p["line"] <= d["line"] <= p["end"] for p in peer):
                out.append({"tool": tool, "file": d["file"], "line": d["line"], "rule": rule, "side": "ddlint-only",
                            "ddlint_rule": rule, "message": d["message"]})
    return out


def key(e):
    return (e["tool"], e["file"], int(e["line"]), e["rule"], e["side"])


def load_expected(path):
    entries = collections.OrderedDict()
    if not os.path.exists(path):
        return entries
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 6 or cols[4] not in SIDES or (cols[5] not in REASONS and cols[5] != "unreviewed"):
                sys.exit("differential: %s:%d: expected tool, file, line, rule, side (%s), reason (%s), note"
                         % (path, n, "|".join(SIDES), "|".join(REASONS)))
            e = {"tool": cols[0], "file": cols[1], "line": int(cols[2]), "rule": cols[3], "side": cols[4],
                 "reason": cols[5], "note": cols[6] if len(cols) > 6 else ""}
            entries[key(e)] = e
    return entries


def write_expected(path, tool, entries):
    with open(path, "w") as f:
        f.write("# Every disagreement between ddlint and %s on ../shared/corpus/migrations, for the rules both\n" % tool)
        f.write("# have (tests/safety/mapping.tsv), with its reason; tests/safety/differential.py fails on any other.\n")
        f.write("# Columns: tool, file (under corpus/migrations), line, rule (the peer's for peer-only, ddlint's for\n")
        f.write("# ddlint-only), side, reason, note. Reasons:\n")
        for k, v in REASONS.items():
            f.write("#   %-12s %s\n" % (k, v))
        for e in sorted(entries.values(), key=lambda e: (e["file"], e["line"], e["rule"], e["side"])):
            f.write("\t".join([e["tool"], e["file"], str(e["line"]), e["rule"], e["side"], e["reason"], e["note"]]) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ddlint", required=True)
    ap.add_argument("--tools", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--tool", action="append", choices=["squawk", "pls"])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--counts", help="write per-rule counts of both sides to this file")
    a = ap.parse_args()
    tools = a.tool or ["squawk", "pls"]
    code, out, err = run([a.ddlint, "rules"])
    listed = {l.split()[0]: l.split()[1] for l in out.splitlines() if l.strip()}
    mapped = set()
    for t in tools:
        mapped |= {r["ddlint"] for r in load_mapping(t, listed) if r["compared"]}
    turn_on = sorted(r for r in mapped if listed[r] == "off")
    migdir = os.path.join(a.corpus, "migrations")
    if not os.path.isdir(migdir):
        print("safety-diff: no corpus migrations at %s: the differential runs over the corpus "
              "(set CORPUS=DIR, the directory holding migrations/)" % migdir, file=sys.stderr)
        return 1
    dirs = sorted(os.path.join(migdir, d) for d in os.listdir(migdir) if os.path.isdir(os.path.join(migdir, d)))
    ups, assume, file_tx, dir_assume, file_tool = {}, {}, {}, {}, {}
    mine = []
    for d in dirs:
        files = []
        modes = collections.Counter()
        for D in plan(a.ddlint, d):
            for m in D["migrations"]:
                if m.get("up"):
                    file_tool[rel(a.corpus, m["up"])] = D.get("tool")
                    files.append(m["up"])
                    modes[m.get("up_transaction")] += 1
                    file_tx[rel(a.corpus, m["up"])] = m.get("up_transaction")
        # the peer's setting is one per project: what most of its migrations do
        assume[d] = bool(modes) and modes.most_common(1)[0][0] != "no transaction"
        for f in files:
            dir_assume[rel(a.corpus, f)] = "transaction" if assume[d] else "no transaction"
        ups[d] = sorted(set(files))
        mine += ddlint_findings(a.ddlint, d, a.corpus, turn_on)
    upset = {rel(a.corpus, f) for d in dirs for f in ups[d]}
    mine = [x for x in mine if x["file"] in upset]
    final_cols = set()
    if a.write:
        for d in dirs:
            code, out, err = run([a.ddlint, "model", "--no-config", d])
            for t in json.loads(out).get("tables", []):
                for c in t.get("columns", []):
                    if "timestamp without" in (c.get("type") or "") and c.get("location"):
                        final_cols.add((rel(a.corpus, c["location"]["file"]), c["location"]["line"]))
    ctx = {"mine": mine, "peer": {}, "peer_names": {}, "file_tool": file_tool, "syntax": SYNTAX, "final_cols": final_cols, "file_tx": {f: ("no transaction" if v == "no transaction" else "transaction") for f, v in file_tx.items()},
           "dir_assume": dir_assume}
    failed = 0
    report = []
    for tool in tools:
        mapping = load_mapping(tool, listed)
        peer = []
        for d in dirs:
            if not ups[d]:
                continue
            peer += squawk_findings(a.tools, ups[d], assume[d], a.corpus) if tool == "squawk" else \
                pls_findings(a.tools, ups[d], a.corpus)
        compared = {r["ddlint"] for r in mapping if r["compared"]}
        ctx["peer"][tool] = peer
        ctx["peer_names"][tool] = collections.defaultdict(set)
        for r in mapping:
            ctx["peer_names"][tool][r["ddlint"]].add(r["peer"])
        peer_rules = {r["peer"] for r in mapping if r["compared"]}
        dis = compare(tool, peer, mine, mapping)
        path = os.path.join(HERE, "%s.expected.tsv" % tool)
        expected = load_expected(path)
        seen = {}
        for e in dis:
            seen.setdefault(key(e), e)

        def is_compared(k):
            rule, side = k[3], k[4]
            return rule in compared if side == "ddlint-only" else rule in peer_rules
        unlisted = [e for k, e in seen.items() if k not in expected]
        stale = [e for k, e in expected.items() if k not in seen and is_compared(k)]
        # counts per mapped pair
        report.append("%s: %d findings of mapped rules, ddlint %d; %d disagreements (%d listed), compared: %s"
                      % (tool, sum(1 for p in peer if p["rule"] in peer_rules),
                         sum(1 for x in mine if x["rule"] in compared), len(seen), len(seen) - len(unlisted),
                         ", ".join(sorted(compared))))
        reasons = collections.Counter(expected[k]["reason"] for k in seen if k in expected)
        report.append("  by reason: " + ", ".join("%s %d" % kv for kv in sorted(reasons.items())))
        if a.counts:
            with open(a.counts, "a") as f:
                for r in sorted(peer_rules):
                    f.write("%s\t%s\t%d\n" % (tool, r, sum(1 for p in peer if p["rule"] == r)))
                for r in sorted(compared):
                    f.write("ddlint\t%s\t%d\n" % (r, sum(1 for x in mine if x["rule"] == r)))
                for k in seen:
                    if k in expected:
                        f.write("reason\t%s\t%s\t%s\t%s\n" % (tool, k[3], k[4], expected[k]["reason"]))
        if a.write:
            new = collections.OrderedDict((k, v) for k, v in expected.items() if k in seen or not is_compared(k))
            for e in unlisted:
                e["reason"], e["note"] = classify(e, a.corpus, ctx)
                new[key(e)] = e
            write_expected(path, tool, new)
            report.append("  %s written: %d entries (%d new, %d stale dropped)" % (path, len(new), len(unlisted), len(stale)))
            continue
        for e in unlisted[:40]:
            print("FAIL %s: %s:%d %s (%s) is not in %s: %s" % (tool, e["file"], e["line"], e["rule"], e["side"],
                                                              os.path.basename(path), e["message"][:160]))
        for e in stale[:40]:
            print("FAIL %s: %s:%d %s (%s) is listed in %s but no longer occurs: take it out"
                  % (tool, e["file"], e["line"], e["rule"], e["side"], os.path.basename(path)))
        bad = [e for k, e in expected.items() if k in seen and e["reason"] == "unreviewed"]
        for e in bad[:20]:
            print("FAIL %s: %s:%d %s has no reviewed reason" % (tool, e["file"], e["line"], e["rule"]))
        failed += len(unlisted) + len(stale) + len(bad)
    for line in report:
        print(line)
    if failed:
        print("differential: %d failed" % failed)
        return 1
    print("differential: %s agree with ddlint but for the listed disagreements" % " and ".join(tools))
    return 0


if __name__ == "__main__":
    sys.exit(main())
