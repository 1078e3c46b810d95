// What a user does in the VS Code workbench, as Playwright actions on its DOM.
// Every wait is on a selector or a condition of the page, never a fixed delay.

export const EDITOR = '.editor-group-container.active .monaco-editor';
const QUICK_INPUT = '.quick-input-widget';
const QUICK_ROWS = `${QUICK_INPUT} .monaco-list-row`;

/** The workbench is there and the explorer lists the workspace. */
export async function waitWorkbench(page, { explorer = true } = {}) {
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  if (explorer) await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
}

/** Opens a workspace file by clicking its row in the explorer, and waits for its editor. */
export async function openFromExplorer(page, name) {
  await focusExplorer(page);
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  await waitActiveTab(page, name);
  await page.waitForSelector(`${EDITOR} .view-lines`, { timeout: 15_000 });
  await page.locator(`${EDITOR} textarea, ${EDITOR} .native-edit-context`).first().focus();
}

export async function focusExplorer(page) {
  if (await page.locator('.explorer-folders-view').isVisible()) return;
  await runCommand(page, 'workbench.view.explorer', /Show Explorer|显示资源管理器/);
  await page.waitForSelector('.explorer-folders-view', { timeout: 10_000 });
}

export async function waitActiveTab(page, name) {
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
}

/** Puts the keyboard focus in the active editor. */
export async function focusEditor(page) {
  await page.locator(`${EDITOR} .view-lines`).first().click({ position: { x: 5, y: 5 } });
}

/**
 * Runs a command from the command palette, as a user would: F1, type, pick the row.
 * `label` (string or RegExp) selects the row; `query` is what is typed.
 */
export async function runCommand(page, query, label = query) {
  await page.keyboard.press('F1');
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${query}`);
  const row = page.locator(QUICK_ROWS, { hasText: label }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    const seen = await page.locator(QUICK_ROWS).allInnerTexts().catch(() => []);
    await page.keyboard.press('Escape');
    throw new Error(`command palette has no entry ${label} for "${query}"; rows seen: ${JSON.stringify(seen.slice(0, 10))}`);
  }
  await row.click();
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
}

/** The text of the lines the active editor currently renders (only the visible ones). */
export async function visibleText(page) {
  return page.locator(`${EDITOR} .view-lines`).first().innerText();
}

/** Squiggle counts of the active editor (rendered part of the document only). */
export async function squiggles(page) {
  return page.evaluate((sel) => {
    const ed = document.querySelector(sel);
    const n = (c) => (ed ? ed.querySelectorAll(c).length : 0);
    return { error: n('.squiggly-error'), warning: n('.squiggly-warning'), info: n('.squiggly-info'), hint: n('.squiggly-hint') };
  }, EDITOR);
}

/** Waits until `fn()` (async, in Node) returns a truthy value; polls the page's state, fails with `what` and the last value. */
export async function until(what, fn, { timeout = 20_000, interval = 150 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last && (last.ok === undefined || last.ok)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

// ---------------------------------------------------------------- Problems panel

export const PROBLEMS = '.markers-panel';

export async function openProblems(page) {
  if (!(await page.locator(PROBLEMS).isVisible())) {
    await page.keyboard.press('Control+Shift+M');
  }
  await page.locator(PROBLEMS).waitFor({ state: 'visible', timeout: 10_000 });
}

function problemsFilter(page) {
  // The filter box lives in the panel's title bar (not inside .markers-panel).
  return page.locator('.panel .viewpane-filter input, .part.panel .markers-panel-action-filter input').first();
}

/** Types `text` into the Problems filter (matches message, source and code = rule id). */
export async function filterProblems(page, text) {
  await openProblems(page);
  const box = problemsFilter(page);
  await box.waitFor({ state: 'visible', timeout: 10_000 });
  await box.fill(text);
  // The tree refreshes after a short debounce: wait until what it shows reflects the filter.
  const glob = /[*/!@]/.test(text);
  await until(`the Problems filter "${text}" to apply`, async () => {
    const badge = await page.evaluate(() => {
      const b = document.querySelector('.part.panel .viewpane-filter-badge');
      return b ? { hidden: b.classList.contains('hidden'), text: b.textContent } : undefined;
    });
    if (!badge) return { ok: false, badge };
    if (text === '') return { ok: badge.hidden, badge };
    const rows = (await problemRows(page)).filter((r) => r.kind === 'marker');
    // No badge when the workspace has no problems at all (nothing to filter).
    if (badge.hidden) return { ok: rows.length === 0, badge, rows: rows.length };
    if (glob) return true;
    return { ok: rows.every((r) => r.text.includes(text)), badge, rows: rows.length };
  }, { timeout: 10_000 });
}

/** The rendered rows of the Problems tree: {kind: 'file'|'marker', severity, text}. */
export async function problemRows(page) {
  return page.evaluate((sel) => {
    const rows = [...document.querySelectorAll(`${sel} .monaco-list-row`)];
    return rows.map((r) => {
      const icon = r.querySelector('.marker-icon, .codicon-error, .codicon-warning, .codicon-info');
      const cls = icon ? icon.className : '';
      const severity = /error/.test(cls) ? 'error' : /warning/.test(cls) ? 'warning' : /info/.test(cls) ? 'info' : undefined;
      const isFile = !!r.querySelector('.file-icon, .monaco-icon-label.file-icon') && !r.querySelector('.marker-message-details, .marker-source, .marker-code');
      return { kind: isFile ? 'file' : 'marker', severity, text: r.innerText.replace(/\s+/g, ' ').trim(), aria: r.getAttribute('aria-label') || '' };
    });
  }, PROBLEMS);
}
