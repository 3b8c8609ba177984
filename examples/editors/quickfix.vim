" ddlint as the compiler of SQL buffers: :make fills the quickfix list.
autocmd FileType sql setlocal makeprg=ddlint\ --no-color\ %
autocmd FileType sql setlocal errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tnfo:\ %m
