;; ddlint in Emacs with Flycheck: lints the buffer (through stdin) on save and as you type.
(require 'flycheck)
(flycheck-define-checker sql-ddlint
  "A PostgreSQL schema and migration linter; see ddlint --help."
  :command ("ddlint" "--no-color" "--stdin-filename" source-original "-")
  :standard-input t
  :error-patterns
  ((error line-start (file-name) ":" line ":" column ": error: " (message) line-end)
   (warning line-start (file-name) ":" line ":" column ": warning: " (message) line-end)
   (info line-start (file-name) ":" line ":" column ": info: " (message) line-end))
  :modes (sql-mode))
(add-to-list 'flycheck-checkers 'sql-ddlint)
