" ddlint in Vim or Neovim with ALE (https://github.com/dense-analysis/ale; Debian: vim-ale).
" Lints the buffer as you type and on save; --stdin-filename makes ddlint use the
" .ddlint.yml and the migration directory of the file being edited.
call ale#linter#Define('sql', {
\   'name': 'ddlint',
\   'executable': 'ddlint',
\   'command': 'ddlint --no-color --stdin-filename %s -',
\   'callback': 'ale#handlers#gcc#HandleGCCFormat',
\})
let g:ale_linters = get(g:, 'ale_linters', {})
let g:ale_linters.sql = ['ddlint']
