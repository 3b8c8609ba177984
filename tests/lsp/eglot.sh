#!/bin/sh
# Emacs's eglot (Debian 12: emacs-nox and elpa-eglot), batch mode, with the README's snippet
# (examples/editors/eglot.el): it starts `ddlint lsp` for a bad file, reads the findings back
# through flymake, applies the json -> jsonb code action and checks the buffer and the findings.
#   sh tests/lsp/eglot.sh DDLINT
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)
. "$root/tests/cli/lib.sh"
if ! command -v emacs >/dev/null 2>&1 || ! ls -d /usr/share/emacs/site-lisp/elpa-src/eglot-* >/dev/null 2>&1; then
	missing_tool lsp-eglot "emacs-nox and elpa-eglot"
fi
enter_work
mkdir .git
# an astral character before the finding: LSP counts it as two UTF-16 units, Emacs as one character
printf -- '-- é\nCREATE TABLE "naïve_😀s" (id uuid PRIMARY KEY, payload json NOT NULL);\n' > t.sql
cp "$root/examples/editors/eglot.el" init.el
cat > check.el <<'ELISP'
(package-initialize)
(load (expand-file-name "init.el"))
(defvar out nil)
(defun say (s) (push s out))
(defun diags-now ()
  (flymake-start)
  (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
(defun wait-diags (pred)
  (let ((deadline (+ (float-time) 30)) ok)
    (while (and (< (float-time) deadline) (not ok))
      (accept-process-output nil 0.2)
      (setq ok (funcall pred (diags-now))))
    ok))
(find-file "t.sql")
(run-hooks 'post-command-hook)   ; eglot-ensure connects from there
(say (format "managed: %s" (bound-and-true-p eglot--managed-mode)))
(say (format "diagnostics: %s" (and (wait-diags (lambda (ds) ds)) t)))
(let (target)
  (dolist (d (diags-now))
    (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
      (when (string-match-p "types/jsonb" (flymake-diagnostic-text d)) (setq target d))
      ;; characters from the line's start (current-column would count display width)
      (say (format "diag %d:%d-%d %s %s" (line-number-at-pos beg) (- beg (save-excursion (goto-char beg) (line-beginning-position)))
                   (- end (save-excursion (goto-char end) (line-beginning-position))) (flymake-diagnostic-type d)
                   (flymake-diagnostic-text d)))))
  (when target
    (let* ((server (eglot--current-server-or-lose))
           (range (list :start (eglot--pos-to-lsp-position (flymake-diagnostic-beg target))
                        :end (eglot--pos-to-lsp-position (flymake-diagnostic-end target))))
           (actions (jsonrpc-request server :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier) :range range
                                           :context (list :diagnostics [])))))
      (seq-doseq (a actions)
        (say (format "action: %s" (plist-get a :title)))
        (when (equal (plist-get a :title) "Change json to jsonb")
          (eglot--apply-workspace-edit (plist-get a :edit))
          ;; eglot sends the change from an idle timer, which batch mode never runs
          (eglot--signal-textDocument/didChange)))
      (say (format "line 2: %s" (save-excursion (goto-char (point-min)) (forward-line 1)
                                                 (buffer-substring (point) (line-end-position)))))
      (say (format "jsonb finding gone: %s"
                   (and (wait-diags (lambda (ds) (and ds (not (seq-some (lambda (d) (string-match-p "types/jsonb" (flymake-diagnostic-text d))) ds)))))
                        t))))))
(with-temp-file "out.txt" (insert (mapconcat #'identity (reverse out) "\n") "\n"))
(kill-emacs 0)
ELISP
PATH="$bin:$PATH" HOME="$work" timeout 90 emacs --batch -l check.el >emacs.log 2>&1 || true
pass=0 fail=0
expect() {   # name, fixed string that out.txt must have
	if grep -qF -- "$2" out.txt 2>/dev/null; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL lsp-eglot: $1 (no '$2' in:)"
		sed 's/^/  /' out.txt 2>/dev/null || tail -5 emacs.log
	fi
}
expect "eglot manages the buffer" "managed: t"
expect "findings arrive in flymake" "diagnostics: t"
# 'payload' is UTF-16 character 47 of its line and Emacs character 46 (the emoji is one)
expect "a finding at its column after an astral character" "diag 2:46-53 eglot-warning ddlint [types/jsonb]: column 'naïve_😀s.payload' is json; use jsonb"
expect "the code actions offered" "action: Disable types/jsonb for this line"
expect "the type fix offered" "action: Change json to jsonb"
expect "the code action edits the buffer" 'line 2: CREATE TABLE "naïve_😀s" (id uuid PRIMARY KEY, payload jsonb NOT NULL);'
expect "the finding goes once fixed" "jsonb finding gone: t"
echo "lsp-eglot: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
