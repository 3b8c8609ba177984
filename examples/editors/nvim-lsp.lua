-- ddlint's language server (`ddlint lsp`) in Neovim's built-in client, Neovim 0.7 or later
-- (in init.lua): findings as you type, hover on a finding, code actions.
local ddlint_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'sql', 'yaml' },
  callback = function(args)
    local name = vim.api.nvim_buf_get_name(args.buf)
    if vim.bo[args.buf].filetype == 'yaml' and not name:match('/%.ddlint%.yml$') then
      return
    end
    if not ddlint_client or vim.lsp.client_is_stopped(ddlint_client) then
      ddlint_client = vim.lsp.start_client({ name = 'ddlint', cmd = { 'ddlint', 'lsp' }, root_dir = vim.fn.getcwd() })
    end
    vim.lsp.buf_attach_client(args.buf, ddlint_client)
  end,
})
