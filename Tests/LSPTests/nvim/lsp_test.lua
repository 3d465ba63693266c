-- End-to-end test of `planlint lsp` with Neovim's built-in LSP client (Neovim 0.7+).
--
-- Run by scripts/nvim-lsp-test inside a copy of Tests/LSPTests/Fixtures/workspace:
--   PLANLINT=/path/to/planlint RESULTS=results.txt OUT=dir \
--     nvim --headless --clean -c "luafile Tests/LSPTests/nvim/lsp_test.lua"
--
-- It opens Plans/plan.yaml, waits for planlint's diagnostics, compares them with
-- `planlint check --format json` (codes and exact positions; Neovim 0.7 speaks UTF-16),
-- applies a quick fix, edits Japanese lines with nvim_buf_set_text, saves and compares again,
-- edits a rule file in another buffer and watches the plan's findings change, asks for a
-- hover, then stops the server and checks its exit status. Each check writes a line
-- "PASS name" or "FAIL name: why" to $RESULTS; "INFO" lines carry timings.

local planlint = assert(os.getenv("PLANLINT"), "PLANLINT is not set")
local results_path = assert(os.getenv("RESULTS"), "RESULTS is not set")
local out_dir = os.getenv("OUT") or "."
local workspace = vim.fn.getcwd()
local timeout = 20000

local lines = {}
local function check(name, ok, detail)
  table.insert(lines, (ok and "PASS " or "FAIL ") .. name .. ((not ok and detail) and (": " .. detail) or ""))
  return ok
end
local function info(text) table.insert(lines, "INFO " .. text) end

local function finish()
  local f = assert(io.open(results_path, "w"))
  f:write(table.concat(lines, "\n") .. "\n")
  f:close()
  vim.cmd("qa!")
end

local function write_json(name, value)
  local f = io.open(out_dir .. "/" .. name, "w")
  if f then
    f:write(vim.fn.json_encode(value))
    f:close()
  end
end

-- Every publishDiagnostics as the server sent it (UTF-16 ranges), by URI.
local published = {}
local default_publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  published[result.uri] = published[result.uri] or {}
  table.insert(published[result.uri], result)
  return default_publish(err, result, ctx, config)
end

local function count(uri) return published[uri] and #published[uri] or 0 end
local function latest(uri) return published[uri] and published[uri][#published[uri]] end

--- Waits for a publication for `uri` computed for the buffer's current text.
local function wait_current(uri, bufnr)
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  return vim.wait(timeout, function()
    local last = latest(uri)
    return last ~= nil and last.version == tick
  end, 10)
end

--- Waits for a publication for `uri` after the `before`-th.
local function wait_after(uri, before)
  return vim.wait(timeout, function() return count(uri) > before end, 10)
end

local severities = { error = 1, warning = 2, info = 3 }

--- "code line:col-line:col severity first-message-line" for each LSP diagnostic, sorted.
local function describe_lsp(diagnostics)
  local out = {}
  for _, d in ipairs(diagnostics) do
    table.insert(out, string.format("%s %d:%d-%d:%d %d %s", d.code, d.range.start.line, d.range.start.character,
      d.range["end"].line, d.range["end"].character, d.severity, d.message:match("^[^\n]*")))
  end
  table.sort(out)
  return out
end

--- The same for `planlint check --format json FILE` (its 1-based UTF-16 columns made 0-based).
local function describe_cli(file)
  local output = vim.fn.system({ planlint, "check", "--format", "json", file })
  local ok, decoded = pcall(vim.fn.json_decode, output)
  if not ok or type(decoded) ~= "table" then return nil, "planlint check printed no JSON: " .. output end
  local out = {}
  for _, d in ipairs(decoded.diagnostics) do
    if d.path == file then
      local r = d.range
      table.insert(out, string.format("%s %d:%d-%d:%d %d %s", d.code, r.start.line - 1, r.start.utf16Column - 1,
        r["end"].line - 1, r["end"].utf16Column - 1, severities[d.severity], d.message))
    end
  end
  table.sort(out)
  return out
end

local function same(a, b)
  return vim.deep_equal(a, b), "server: " .. vim.inspect(a) .. "\n  planlint check: " .. vim.inspect(b)
end

local function codes(params)
  local out = {}
  for _, d in ipairs(params and params.diagnostics or {}) do table.insert(out, d.code) end
  return out
end

local function has_code(params, code)
  return vim.tbl_contains(codes(params), code)
end

local function main()
  local exit_code = nil
  local client_id = vim.lsp.start_client({
    name = "planlint",
    cmd = { planlint, "lsp" },
    root_dir = workspace,
    on_exit = function(code, _) exit_code = code end,
  })
  if not check("server starts", client_id ~= nil) then return end

  -- Open the plan; its findings arrive.
  local started = vim.loop.hrtime()
  vim.cmd("edit Plans/plan.yaml")
  local plan = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(plan, client_id)
  local uri = vim.uri_from_bufnr(plan)
  if not check("diagnostics arrive after opening the plan", wait_after(uri, 0), "none within " .. timeout .. " ms") then
    return
  end
  info(string.format("first diagnostics %.0f ms after opening (server start included)", (vim.loop.hrtime() - started) / 1e6))
  write_json("opened.json", latest(uri))
  check("opened: codes", vim.deep_equal(codes(latest(uri)), { "budget-within-limit", "schema/enum" }),
    vim.inspect(codes(latest(uri))))
  check("opened: same findings and positions as planlint check", same(describe_lsp(latest(uri).diagnostics), describe_cli("Plans/plan.yaml")))

  -- Neovim turned the UTF-16 columns into byte columns on the Japanese lines: `120` at
  -- byte 56 of line 3, `〇` at byte 38 of line 4 (after 観光アプリ🍣).
  local by_code = {}
  for _, d in ipairs(vim.diagnostic.get(plan)) do by_code[d.code] = d end
  local budget, mark = by_code["budget-within-limit"], by_code["schema/enum"]
  check("opened: Neovim places the budget finding at byte 56-59 of line 3",
    budget and budget.lnum == 3 and budget.col == 56 and budget.end_col == 59, vim.inspect(budget))
  check("opened: Neovim places the mark finding at byte 38-41 of line 4",
    mark and mark.lnum == 4 and mark.col == 38 and mark.end_col == 41, vim.inspect(mark))

  -- Hover over the ○ of line 3 (byte 45).
  vim.api.nvim_win_set_cursor(0, { 4, 45 })
  local hovers = vim.lsp.buf_request_sync(plan, "textDocument/hover", vim.lsp.util.make_position_params(), timeout) or {}
  local hover = hovers[client_id] and hovers[client_id].result
  check("hover explains the mark ○", hover and hover.contents and hover.contents.value:find("計画どおり実施", 1, true) ~= nil,
    vim.inspect(hovers))

  -- Quick fix for the look-alike 〇, asked for as :lua vim.lsp.buf.code_action() asks.
  vim.api.nvim_win_set_cursor(0, { 5, 38 })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(plan) }
  local responses = vim.lsp.buf_request_sync(plan, "textDocument/codeAction", params, timeout) or {}
  local actions = responses[client_id] and responses[client_id].result or {}
  write_json("code-actions.json", actions)
  -- The mark's quick fix, and (issue 24) "fix all" with the same one safe edit.
  local fix = actions[1]
  local all = actions[2]
  check("code action: a fix-all action with the one safe fix", #actions == 2 and all.kind == "source.fixAll.planlint"
      and all.title == "Fix all planlint findings with safe fixes (1)" and all.edit ~= nil
      and vim.deep_equal(all.edit, fix and fix.edit), vim.inspect(actions))
  if check("code action: one quick fix for the mark", fix ~= nil and fix.kind == "quickfix"
      and fix.title == 'replace with "○"', vim.inspect(actions)) then
    vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")
    check("code action: the edit replaced 〇 with ○",
      vim.api.nvim_buf_get_lines(plan, 4, 5, false)[1] == "  - {name: 観光アプリ🍣, mark: ○, budget: 50}",
      vim.api.nvim_buf_get_lines(plan, 4, 5, false)[1])
    check("code action: diagnostics update", wait_current(uri, plan), "no publication for the edited text")
    check("code action: the mark finding is gone", not has_code(latest(uri), "schema/enum"), vim.inspect(codes(latest(uri))))
  end

  -- Edit Japanese lines: budget 80 → 180 on line 5 (bytes 44-46), and 改🍣 inserted after
  -- 防災情報システム on line 3 (byte 35), which moves `120` by 3 UTF-16 units.
  started = vim.loop.hrtime()
  vim.api.nvim_buf_set_text(plan, 5, 44, 5, 46, { "180" })
  vim.api.nvim_buf_set_text(plan, 3, 35, 3, 35, { "改🍣" })
  check("edit: diagnostics update", wait_current(uri, plan), "no publication for the edited text")
  info(string.format("diagnostics %.0f ms after the edit (Neovim delays didChange by up to 150 ms)", (vim.loop.hrtime() - started) / 1e6))
  write_json("edited.json", latest(uri))
  local edited = describe_lsp(latest(uri).diagnostics)
  check("edit: the findings moved and appeared where expected", vim.deep_equal(edited, {
    "budget-within-limit 3:41-3:44 2 防災情報システム改🍣 の予算 120 は上限 100 を超えています",
    "budget-within-limit 5:34-5:37 2 電子申請 の予算 180 は上限 100 を超えています",
  }), vim.inspect(edited))
  vim.cmd("write")
  check("saved: same findings and positions as planlint check on the saved file", same(edited, describe_cli("Plans/plan.yaml")))

  -- Edit the rule in another buffer (unsaved): `<= 100` → `<= 150`; the plan's findings
  -- follow as it is typed.
  local rules = vim.fn.bufadd(workspace .. "/Rules/budget.yaml")
  vim.fn.bufload(rules)
  vim.lsp.buf_attach_client(rules, client_id)
  local rules_uri = vim.uri_from_bufnr(rules)
  check("rule file: its diagnostics arrive (none)", wait_after(rules_uri, 0) and #latest(rules_uri).diagnostics == 0,
    vim.inspect(latest(rules_uri)))
  local before = count(uri)
  vim.api.nvim_buf_set_text(rules, 9, 27, 9, 30, { "150" })
  check("rule file: the plan is checked again", wait_after(uri, before), "no publication after the rule edit")
  local after_rule = describe_lsp(latest(uri).diagnostics)
  check("rule file: only the budget over 150 is left", vim.deep_equal(after_rule, {
    "budget-within-limit 5:34-5:37 2 電子申請 の予算 180 は上限 100 を超えています",
  }), vim.inspect(after_rule))
  -- Break the rule: the rule buffer shows the error exactly; the plan says rules are missing.
  before = count(uri)
  vim.api.nvim_buf_set_text(rules, 9, 26, 9, 26, { ">" })
  check("broken rule: the rule file shows the error", wait_current(rules_uri, rules), "no publication")
  local rule_error = describe_lsp(latest(rules_uri).diagnostics)
  check("broken rule: at the `>` (line 9, 26-27)", #rule_error == 1 and rule_error[1]:find("^rule%-file/expr%-syntax 9:26%-9:27 1 ") ~= nil,
    vim.inspect(rule_error))
  check("broken rule: the plan is told", wait_after(uri, before) and has_code(latest(uri), "rule-file/expr-syntax"),
    vim.inspect(codes(latest(uri))))

  -- Stop: shutdown, exit, status 0.
  vim.lsp.stop_client(client_id)
  check("shutdown: the server exits with status 0", vim.wait(timeout, function() return exit_code ~= nil end, 10) and exit_code == 0,
    "exit status " .. tostring(exit_code))
end

local ok, err = xpcall(main, debug.traceback)
if not ok then check("the test script ran to the end", false, tostring(err)) end
finish()
