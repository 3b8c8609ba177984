;; ddlint's language server in Emacs with eglot (built in from Emacs 29; a package before).
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(sql-mode . ("ddlint" "lsp"))))
(add-hook 'sql-mode-hook #'eglot-ensure)
