#!/bin/sh
# Neovim's own LSP client (headless) with the README's snippet (examples/editors/nvim-lsp.lua):
# it starts `ddlint lsp`, opens a bad file, reads the findings back through vim.diagnostic,
# applies a code action and checks the buffer, then the findings again.
#   sh tests/lsp/nvim.sh DDLINT
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)
. "$root/tests/cli/lib.sh"
command -v nvim >/dev/null 2>&1 || missing_tool lsp-nvim nvim
enter_work
mkdir .git
printf -- '-- é 😀\nCREATE TABLE "naïve_things" (id uuid PRIMARY KEY, payload json NOT NULL, active boolean);\n' > t.sql
{ printf "vim.cmd('filetype on')\n"; cat "$root/examples/editors/nvim-lsp.lua"; } > init.lua
cat > check.lua <<'LUA'
local out = {}
local function say(s) table.insert(out, s) end
local function code(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
vim.cmd('edit t.sql')
local got = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
say('diagnostics: ' .. tostring(got))
local target
for _, d in ipairs(vim.diagnostic.get(0)) do
  say(string.format('diag %d:%d-%d:%d %s %s %s %s', d.lnum, d.col, d.end_lnum, d.end_col, d.severity,
    d.source or '', code(d) or '', d.message))
  if code(d) == 'types/jsonb' then target = d end
end
local client = vim.lsp.get_active_clients()[1]
say('client: ' .. (client and client.name or 'none'))
if target and client then
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(),
    range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
    context = { diagnostics = {} },
  }
  local resp = client.request_sync('textDocument/codeAction', params, 10000, 0)
  for _, a in ipairs(resp and resp.result or {}) do
    say('action: ' .. a.title)
    if a.title == 'Change json to jsonb' then
      vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding)
    end
  end
  for i, l in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do say('line ' .. i .. ': ' .. l) end
  local fixed = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(0)) do if code(d) == 'types/jsonb' then return false end end
    return true
  end, 50)
  say('jsonb finding gone: ' .. tostring(fixed) .. ', ' .. #vim.diagnostic.get(0) .. ' left')
  -- the rename quick fix: a column nothing else uses yet
  local flag
  for _, d in ipairs(vim.diagnostic.get(0)) do if code(d) == 'naming/boolean-prefix' then flag = d end end
  if flag then
    params.range = { start = { line = flag.lnum, character = flag.col }, ['end'] = { line = flag.end_lnum, character = flag.end_col } }
    resp = client.request_sync('textDocument/codeAction', params, 10000, 0)
    for _, a in ipairs(resp and resp.result or {}) do
      if a.title == 'Rename active to is_active' then
        say('action: ' .. a.title)
        vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding)
      end
    end
    say('line 2 now: ' .. vim.api.nvim_buf_get_lines(0, 1, 2, false)[1])
    local renamed = vim.wait(20000, function()
      for _, d in ipairs(vim.diagnostic.get(0)) do if code(d) == 'naming/boolean-prefix' then return false end end
      return true
    end, 50)
    say('boolean-prefix finding gone: ' .. tostring(renamed))
  end
end
vim.fn.writefile(out, 'out.txt')
vim.cmd('qa!')
LUA
PATH="$bin:$PATH" timeout 90 nvim --headless -u init.lua -S check.lua >/dev/null 2>&1 || true
pass=0 fail=0
expect() {   # name, fixed string that out.txt must have
	if grep -qF -- "$2" out.txt 2>/dev/null; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL lsp-nvim: $1 (no '$2' in:)"
		cat out.txt 2>/dev/null | sed 's/^/  /'
	fi
}
expect "the client starts ddlint lsp" "client: ddlint"
expect "findings arrive in vim.diagnostic" "diagnostics: true"
# vim.diagnostic holds byte columns, converted from the server's UTF-16 ones: 'payload' is UTF-16
# character 50 of its line and byte 51 (the ï before it is one unit and two bytes)
expect "a finding at its column, with code and source" "diag 1:51-1:58 2 ddlint types/jsonb column 'naïve_things.payload' is json; use jsonb"
expect "the code actions offered" "action: Disable types/jsonb for this line"
expect "the type fix offered" "action: Change json to jsonb"
expect "the code action edits the buffer" 'line 2: CREATE TABLE "naïve_things" (id uuid PRIMARY KEY, payload jsonb NOT NULL, active boolean);'
expect "the finding goes once fixed" "jsonb finding gone: true"
expect "the rename offered" "action: Rename active to is_active"
expect "the rename edits the buffer" 'line 2 now: CREATE TABLE "naïve_things" (id uuid PRIMARY KEY, payload jsonb NOT NULL, is_active boolean);'
expect "the finding goes once renamed" "boolean-prefix finding gone: true"
echo "lsp-nvim: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
