-- Drives `gwlint lsp` from Neovim (0.11+) headless: diagnostics and their ranges against
-- `gwlint check`, hover, a quick fix, source.fixAll applied, a burst of 20 edits, shutdown.
-- One line per observation into $NVIM_REPORT. Run by scripts/nvim-lsp.sh.
local gwlint = os.getenv('GWLINT') or 'gwlint'
local out = {}
local function say(...) table.insert(out, (table.concat({...}, ' '):gsub('\n', ' / '))) end

vim.lsp.config('gwlint', {
  cmd = { gwlint, 'lsp' },
  filetypes = { 'text', 'markdown' },
  root_markers = { '.git', 'gwlint.toml' },
})
vim.lsp.enable('gwlint')

local function finish(code)
  local f = io.open(assert(os.getenv('NVIM_REPORT')), 'w')
  f:write(table.concat(out, '\n') .. '\n')
  f:close()
  vim.cmd(code == 0 and 'qa!' or 'cq!')
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local buf = vim.api.nvim_get_current_buf()
  say('filetype', vim.bo[buf].filetype)
  local attached = vim.wait(10000, function() return #vim.lsp.get_clients({ bufnr = buf }) > 0 end, 20)
  say('attached', tostring(attached))
  local t0 = vim.uv.hrtime()
  local got = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 10)
  say('diagnostics', tostring(got), #vim.diagnostic.get(buf), string.format('%.0f ms', (vim.uv.hrtime() - t0) / 1e6))
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  for _, d in ipairs(diags) do
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ''
    local text = (d.end_lnum == d.lnum) and line:sub(d.col + 1, d.end_col) or '<multi-line>'
    say('diag', d.lnum + 1, d.col, d.end_col, tostring(d.code), d.source or '-', '[' .. text .. ']', d.message)
  end
  -- The same findings, as gwlint's command line places them (byte columns, as Neovim
  -- keeps them): every range must agree.
  local file = vim.api.nvim_buf_get_name(buf)
  local cli = vim.system({ gwlint, 'check', '--quiet', '--format', 'json', '--column-unit', 'byte', file }):wait()
  local agree, total = 0, 0
  for _, f in ipairs(vim.json.decode(cli.stdout)) do
    total = total + 1
    for _, d in ipairs(diags) do
      if d.code == f.code and d.lnum + 1 == f.line and d.col + 1 == f.column and d.end_col + 1 == f.end_column then
        agree = agree + 1
        break
      end
    end
  end
  say('ranges agreeing with gwlint check', agree .. '/' .. total)
  local client = vim.lsp.get_clients({ bufnr = buf })[1]
  -- Hover on the first finding.
  local first = diags[1]
  if first then
    local params = { textDocument = vim.lsp.util.make_text_document_params(buf),
      position = { line = first.lnum, character = vim.lsp.util.character_offset(buf, first.lnum, first.col, 'utf-16') } }
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 5000)
    local hover = res and res[client.id] and res[client.id].result
    local value = hover and hover.contents and (hover.contents.value or vim.inspect(hover.contents)) or 'nil'
    say('hover', vim.fn.strcharpart(value, 0, 80))
  end
  for _, d in ipairs(diags) do
    local params = vim.lsp.util.make_range_params(0, 'utf-16')
    params.range = { start = { line = d.lnum, character = vim.lsp.util.character_offset(buf, d.lnum, d.col, 'utf-16') },
      ['end'] = { line = d.end_lnum, character = vim.lsp.util.character_offset(buf, d.end_lnum, d.end_col, 'utf-16') } }
    params.context = { diagnostics = { d.user_data and d.user_data.lsp or {} }, only = { 'quickfix' } }
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000)
    local actions = res and res[client.id] and res[client.id].result or {}
    if #actions > 0 then
      say('codeAction', d.code, #actions, actions[1].title)
      break
    end
  end
  -- source.fixAll over the whole buffer, applied.
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf),
    range = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(buf), character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll' } } }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000)
  local actions = res and res[client.id] and res[client.id].result or {}
  say('fixAll actions', #actions, actions[1] and actions[1].title or '-')
  local before = #vim.diagnostic.get(buf)
  if actions[1] and actions[1].edit then
    vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
  end
  -- The edit is sent as didChange; wait for the new diagnostics.
  local changed = vim.wait(10000, function() return #vim.diagnostic.get(buf) < before end, 10)
  say('after fixAll', tostring(changed), before, '->', #vim.diagnostic.get(buf))
  -- A keystroke burst: 20 edits in a row; the diagnostics must settle on what
  -- `gwlint check` finds in the last text.
  for i = 1, 20 do
    vim.api.nvim_buf_set_lines(buf, 0, 0, false, { '一是测试' .. i .. ':' })
  end
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
  local last = vim.system({ gwlint, 'check', '-', '--stdin-filename', file, '--quiet', '--format', 'json' },
    { stdin = text }):wait()
  local expected = #vim.json.decode(last.stdout)
  local settled = vim.wait(10000, function() return #vim.diagnostic.get(buf) == expected end, 10)
  say('after a burst of 20 edits', tostring(settled), #vim.diagnostic.get(buf), 'findings, gwlint check:', expected)
  local stopped = false
  client:stop()
  stopped = vim.wait(5000, function() return client:is_stopped() end, 20)
  say('stopped', tostring(stopped))
  finish(0)
end })
