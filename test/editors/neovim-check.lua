-- Headless Neovim (0.7+) as a second, independent LSP client of fazhi-lint:
-- starts `node dist/server.cjs --stdio`, attaches it to the seed report given
-- on the command line, waits for diagnostics and checks them against
-- expectations passed in FAZHI_NVIM_EXPECT (rule|line|match, one per line).
-- Neovim reports columns in bytes (UTF-8), the server in UTF-16 code units:
-- the byte column of each expected match is computed here and must agree.
local server = os.getenv('FAZHI_SERVER')
local expect_file = os.getenv('FAZHI_NVIM_EXPECT')
local out = {}
local function say(s) table.insert(out, s) end
local function finish(code)
  io.stdout:write(table.concat(out, '\n') .. '\n')
  vim.cmd((code == 0) and 'qall!' or 'cquit! ' .. code)
end

local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'fazhi-lint',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  settings = { fazhiLint = { debounce = 0 } },
})
if not client_id then
  say('FAIL could not start the server')
  return finish(1)
end
vim.lsp.buf_attach_client(buf, client_id)

local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
if not ok then
  say('FAIL no diagnostics within 20 s')
  return finish(1)
end

local diags = vim.diagnostic.get(buf)
local by_rule = {}
for _, d in ipairs(diags) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  by_rule[code] = (by_rule[code] or 0) + 1
end
local names = {}
for k, n in pairs(by_rule) do table.insert(names, k .. '=' .. n) end
table.sort(names)
say('diagnostics: ' .. #diags .. ' (' .. table.concat(names, ', ') .. ')')

local failures = 0
for spec in io.lines(expect_file) do
  local rule, line, match = spec:match('^([^|]+)|(%d+)|(.*)$')
  if rule then
    line = tonumber(line)
    local text = vim.api.nvim_buf_get_lines(buf, line - 1, line, false)[1] or ''
    -- Byte columns (0-based) of the match on its line, as Neovim counts them.
    local s = text:find(match, 1, true)
    local found = false
    if s then
      local bs, be = s - 1, s - 1 + #match
      for _, d in ipairs(diags) do
        local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
        if code == rule and d.lnum <= line - 1 and d.end_lnum >= line - 1 then
          local ds = (d.lnum < line - 1) and -1 or d.col
          local de = (d.end_lnum > line - 1) and math.huge or d.end_col
          -- The pinyin annotation itself, "(zhèn)", must be the exact byte range: UTF-16 → UTF-8 conversion check.
          local exact = true
          if rule == 'pinyin-residue' then
            local paren = match:find('(', 1, true)
            exact = paren ~= nil and d.col == bs + paren - 1 and d.end_col == be and d.lnum == line - 1
          end
          if exact and ds <= be and de >= bs then
            found = true
            say(string.format('ok   %s line %d bytes %d-%d (match "%s" at bytes %d-%d)', rule, line, d.col, d.end_col, match, bs, be))
            break
          end
        end
      end
    end
    if not found then
      failures = failures + 1
      say(string.format('FAIL %s line %d "%s": no diagnostic at the match\'s byte columns', rule, line, match))
    end
  end
end
-- The hover: Neovim shows only what the server sends (no diagnostics), so it must carry the message.
local hovered = false
for _, d in ipairs(diags) do
  if not d.message:find('[\\`*_%[%]<>]') then
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), 10000) or {}
    local value = ''
    for _, r in pairs(res) do
      if r.result and r.result.contents then value = value .. (r.result.contents.value or '') end
    end
    if value:find(d.message, 1, true) then
      say('ok   hover at line ' .. (d.lnum + 1) .. ' carries the message "' .. d.message .. '"')
    else
      failures = failures + 1
      say('FAIL hover at line ' .. (d.lnum + 1) .. ' lacks the message "' .. d.message .. '": ' .. value:sub(1, 200))
    end
    hovered = true
    break
  end
end
if not hovered then
  failures = failures + 1
  say('FAIL no diagnostic to hover')
end
vim.lsp.stop_client(client_id)
finish(failures == 0 and 0 or 1)
