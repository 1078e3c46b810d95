// Checking open documents: which are reports (selection), with what configuration (editor settings and the
// nearest .fazhi-lint.json), and how — in the check thread (worker.ts): a whole check of an ordinary report;
// for a large one, after an edit, the editor's changes, answered at once with a partial result (the local rules
// around the change) and then with the complete one (lsp/incremental.ts, engine/incremental.ts).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ConfigObject } from '../engine/config.js';
import type { Finding, Rule } from '../engine/types.js';
import { analyze, resolveCached, type Analysis } from './analysis.js';
import { countSeverities } from '../engine/severity.js';
import { filePath, type Checked, type Counts, type DocState, type Documents } from './documents.js';
import type { CheckResult } from './incremental.js';
import type { Scheduler } from './scheduling.js';
import { ConfigFiles, effectiveConfig, selectDocument, type EditorSettings, type Selection } from './settings.js';
import { previousReportText } from './previous-report.js';
import type { SettingsSource } from './settings-source.js';
import { CheckTimeout, Superseded, type FullChecker } from './worker.js';
import { fixAll, type FixAllResult } from './fix-all.js';
import { RULES } from '../rules/index.js';
import { describeConfigLookup } from '../node/config-files.js';

/** From this many UTF-16 units on, a document is re-checked incrementally after edits (partial result, then complete). */
export const LARGE_DOCUMENT = Number(process.env.FAZHI_LINT_LARGE_DOCUMENT ?? 200_000);
/** Above this many UTF-16 units a document is not checked at all (a full check of 1 MB takes seconds; 5 MB is no report). */
export const MAX_DOCUMENT = Number(process.env.FAZHI_LINT_MAX_DOCUMENT ?? 5_000_000);
/** FAZHI_LINT_TRACE=1 logs how long each check took. */
const TRACE = process.env.FAZHI_LINT_TRACE === '1';

/** What the checker needs of the connection. */
export interface CheckerHost {
  /** Publishes the findings of the document's current version (undefined: not checked), with the counts of all its findings. */
  publish(st: DocState, findings: readonly Finding[] | undefined, maxProblems?: number, counts?: Counts): void;
  log(message: string): void;
  error(message: string): void;
  /** Tells the user (a broken config file). */
  showError(message: string): void;
}

/** What the check thread holds of a large document: the version and configuration of the last job sent. */
interface Sent {
  version: number;
  configKey: string;
}

export class DocumentChecker {
  readonly configFiles = new ConfigFiles();
  /** Per-document choices of the "toggle checking" command: true check, false never. */
  readonly overrides = new Map<string, boolean>();
  /** Workspace folders, for the settings' globs and for where a new config file goes. */
  roots: string[] = [];
  private readonly reportedConfigErrors = new Set<string>();
  /** Documents whose config files (applied, passed over) have been logged since the last config change. */
  private readonly loggedConfigs = new Set<string>();
  private readonly loggedRuleErrors = new Set<string>();
  private readonly ruleIds: ReadonlySet<string>;
  /** The registry's rules run in the worker; rules a test injects (functions) cannot be sent there. */
  private readonly inWorker: boolean;
  /** The whole check under way per document, and what it checks. */
  private readonly inflight = new Map<string, { version: number; key: string; generation: number; done: Promise<void> }>();
  /** Bumped when settings, config files or the toggle change: a check under way is then not good enough. */
  private generation = 0;
  private readonly timedOut = new Set<string>();
  /** Large documents: what the check thread holds (its incremental checker's version and configuration). */
  private readonly sent = new Map<string, Sent>();

  constructor(
    private readonly docs: Documents,
    private readonly settings: SettingsSource,
    private readonly scheduler: Scheduler,
    readonly rules: readonly Rule[],
    private readonly host: CheckerHost,
    private readonly full: FullChecker,
    /** Prefix of this server's job keys in a check thread shared by several servers (tests). */
    private readonly jobPrefix = '',
    /** From this length on, a document is re-checked incrementally (tests lower it). */
    private readonly largeDocument = LARGE_DOCUMENT,
  ) {
    this.ruleIds = new Set(rules.map((r) => r.id));
    this.inWorker = rules === RULES;
  }

  /** Checks after the document's debounce delay (each change restarts it). */
  async schedule(uri: string): Promise<void> {
    const s = await this.settings.for(uri);
    if (this.docs.get(uri)) this.scheduler.schedule(uri, s.debounce, () => void this.check(uri));
  }

  /** Checks the document's current version now; the result is dropped if a newer version arrives meanwhile. */
  async check(uri: string): Promise<void> {
    const st = this.docs.get(uri);
    if (!st) return;
    this.scheduler.cancel(uri);
    const version = st.doc.version;
    const settings = await this.settings.for(uri);
    if (this.docs.get(uri) !== st || st.doc.version !== version) return;
    const text = st.doc.getText();
    if (text.length > MAX_DOCUMENT) {
      if (st.selection?.reason !== 'too-large') this.host.log(`${uri} 过大（${text.length} 字符），不予检查（document too large to check）`);
      this.unchecked(st, { check: false, reason: 'too-large' });
      return;
    }
    if (!st.selection || st.selection.reason === 'too-large' || text.length < this.largeDocument) st.selection = this.select(st, settings);
    if (!st.selection.check) {
      this.unchecked(st, st.selection);
      return;
    }
    const { config, key } = this.configFor(uri, settings);
    // A check of this very version and configuration already under way: wait for it rather than queue another.
    const same = this.inflight.get(uri);
    if (same && same.version === version && same.key === key && same.generation === this.generation) return await same.done;
    const t0 = performance.now();
    if (TRACE) this.host.log(`check of ${uri} v${version} starts ${t0.toFixed(0)} ms after the process started`);
    const checking = this.inWorker ? this.inThread(st, text, config, key, settings.maxProblems) : this.onMainThread(st, text, config, key, settings.maxProblems);
    const done = checking.then(
      () => {
        if (TRACE) this.host.log(`check of ${uri} v${version}: ${(performance.now() - t0).toFixed(1)} ms${st.changedAt ? `, ${(performance.now() - st.changedAt).toFixed(1)} ms after didChange` : ''}`);
      },
      (error) => this.failed(st, error),
    );
    this.inflight.set(uri, { version, key, generation: this.generation, done });
    await done;
    if (this.inflight.get(uri)?.done === done) this.inflight.delete(uri);
  }

  /**
   * Checks in the thread; resolves once the first result of this version is published. For a large document
   * whose thread-side checker holds the previous version with this configuration, that is the partial result of
   * the changes since, and the complete result is published when it comes (unless a newer version came first).
   */
  private async inThread(st: DocState, text: string, config: ConfigObject, key: string, maxProblems: number): Promise<void> {
    const uri = st.doc.uri;
    const version = st.doc.version;
    const doc = this.jobPrefix + uri;
    const large = text.length >= this.largeDocument;
    const sent = this.sent.get(uri);
    const changes = st.changes;
    st.changes = [];
    let pending: Promise<CheckResult>;
    if (large && sent && sent.configKey === key && sent.version !== version && changes.length) {
      pending = this.full.edit({ doc, fromVersion: sent.version, version, changes, config, configKey: key, maxProblems }, text);
    } else pending = this.full.check({ doc, version, text, config, configKey: key, maxProblems, large });
    if (large) this.sent.set(uri, { version, configKey: key });
    else this.sent.delete(uri);
    let result: CheckResult;
    try {
      result = await pending;
    } catch (error) {
      // Superseded: the newer job carries these changes. Failed: the thread's checker is gone or unknown.
      if (!(error instanceof Superseded) && this.sent.get(uri)?.version === version) this.sent.delete(uri);
      throw error;
    }
    // Both sides apply the same changes: a thread whose text differs from the editor's after them is a bug.
    if (result.resynced === 'out of step') this.host.error(`检查线程的文本与编辑器的不一致，已重新检查全文（check thread out of step with the editor）：${uri} v${version}`);
    if (TRACE && result.timing) this.host.log(`${uri} v${version} in the check thread: ${result.timing}; result ${performance.now().toFixed(0)} ms after the process started`);
    if (!this.isCurrent(st, version)) return;
    this.accept(st, version, key, result, maxProblems);
    if (result.complete) return;
    const t0 = performance.now();
    this.full.complete(doc, version, maxProblems).then(
      (full) => {
        if (TRACE) this.host.log(`complete check of ${uri} v${version}: ${(performance.now() - t0).toFixed(1)} ms after the partial one; in the check thread: ${full?.timing}`);
        if (full && this.isCurrent(st, version)) this.accept(st, version, key, full, maxProblems);
      },
      (error) => {
        if (!(error instanceof Superseded) && this.sent.get(uri)?.version === version) this.sent.delete(uri);
        this.failed(st, error);
      },
    );
  }

  /** Rules a test injects (functions cannot be sent to the thread): a whole check here, all findings kept. */
  private async onMainThread(st: DocState, text: string, config: ConfigObject, key: string, maxProblems: number): Promise<void> {
    const version = st.doc.version;
    st.changes = [];
    const analysis = await new Promise<Analysis>((resolve) => resolve(analyze(text, config, this.rules)));
    if (this.isCurrent(st, version)) this.accept(st, version, key, { ...analysis, counts: countSeverities(analysis.findings), complete: true }, maxProblems);
  }

  /** Whether a result for `version` may be published: still open, still that version, still to be checked (not toggled off meanwhile). */
  private isCurrent(st: DocState, version: number): boolean {
    return this.docs.get(st.doc.uri) === st && st.doc.version === version && !!st.selection?.check;
  }

  /** The document was closed: the check thread forgets it. */
  closed(uri: string): void {
    this.inflight.delete(uri);
    this.sent.delete(uri);
    if (this.inWorker) this.full.forget(this.jobPrefix + uri);
  }

  /** Fix-all of a text as --fix does it; in the worker thread for the registry's rules (`findings` then unused). */
  fixAll(uri: string, text: string, config: ConfigObject, findings?: readonly Finding[]): Promise<FixAllResult> {
    if (this.inWorker) return this.full.fixAll(this.jobPrefix + uri, text, config);
    return new Promise((resolve) => resolve(fixAll(text, config, this.rules, findings)));
  }

  private failed(st: DocState, error: unknown): void {
    if (error instanceof Superseded) return;
    if (error instanceof CheckTimeout) {
      // Stopped: nothing is published for this version; told once per document.
      if (!this.timedOut.has(st.doc.uri)) {
        this.timedOut.add(st.doc.uri);
        this.host.showError(`fazhi-lint：${st.doc.uri} 的${error.message}。`);
      }
      this.host.error(`${st.doc.uri}: ${error.message}`);
      return;
    }
    this.host.error(`检查失败（check failed）${st.doc.uri}：${(error as Error).stack ?? error}`);
    this.host.publish(st, []);
  }

  /** The document and its check for its current version (checking now if one is pending); checked is undefined when it is not a report. */
  async current(uri: string): Promise<{ st: DocState; checked?: Checked } | undefined> {
    const st = this.docs.get(uri);
    if (!st) return undefined;
    if (!st.current || st.current.version !== st.doc.version || this.scheduler.pending(uri)) await this.check(uri);
    const now = this.docs.get(uri);
    if (!now) return undefined;
    return { st: now, checked: now.selection?.check && now.current?.version === now.doc.version ? now.current : undefined };
  }

  /** Re-checks every open document (settings or a config file changed); `reselect` decides anew which are reports. */
  recheckAll(reselect: boolean): void {
    this.generation++;
    for (const uri of this.docs.uris()) {
      const st = this.docs.get(uri)!;
      if (reselect) st.selection = undefined;
      void this.check(uri);
    }
  }

  /** A config file changed: read them again, report their errors again. */
  configChanged(): void {
    this.generation++;
    this.configFiles.clear();
    this.reportedConfigErrors.clear();
    this.loggedConfigs.clear();
  }

  /** The configuration of a document: editor settings, then its config file over them. */
  configFor(uri: string, settings: EditorSettings): { config: ConfigObject; key: string } {
    const file = filePath(uri);
    const fileConfig = file ? this.configFiles.forFile(file) : { config: {} };
    // Which config applies, and which were passed over and why (another user's): in the output channel, once.
    if (file && !this.loggedConfigs.has(uri)) {
      this.loggedConfigs.add(uri);
      this.host.log(`${file}：${describeConfigLookup(path.dirname(file))}`);
    }
    if (fileConfig.error) this.reportConfigError(`fazhi-lint：${fileConfig.error}（已忽略该配置文件）`);
    let config = effectiveConfig(settings, fileConfig);
    if (settings.previousReport) {
      const previous = previousReportText(settings.previousReport, file, this.roots);
      if ('text' in previous) config = { ...config, previous: previous.text };
      else this.reportConfigError(previous.error);
    }
    try {
      resolveCached(config, this.rules);
    } catch (error) {
      this.reportConfigError(`fazhi-lint：${(error as Error).message}`);
      config = {};
    }
    return { config, key: JSON.stringify(config) };
  }

  private reportConfigError(message: string): void {
    if (this.reportedConfigErrors.has(message)) return;
    this.reportedConfigErrors.add(message);
    this.host.showError(message);
  }

  /** Whether to check the document; also records whether it would be checked without the per-file toggle. */
  private select(st: DocState, settings: EditorSettings): Selection {
    const file = filePath(st.doc.uri);
    const opts = {
      languageId: st.doc.languageId,
      file,
      text: st.doc.getText(),
      settings,
      fileConfig: file ? this.configFiles.forFile(file) : { config: {} },
      roots: this.roots,
      ruleIds: this.ruleIds,
    };
    const override = this.overrides.get(st.doc.uri);
    const byDefault = selectDocument(opts);
    const selection = override === undefined ? byDefault : selectDocument({ ...opts, override });
    st.checkedByDefault = byDefault.check;
    return selection;
  }

  private unchecked(st: DocState, selection: Selection): void {
    st.selection = selection;
    if (selection.reason === 'too-large') st.checkedByDefault = false;
    st.current = undefined;
    st.changes = [];
    if (this.sent.delete(st.doc.uri) && this.inWorker) this.full.forget(this.jobPrefix + st.doc.uri);
    this.host.publish(st, undefined);
  }

  private accept(st: DocState, version: number, configKey: string, r: CheckResult, maxProblems: number): void {
    // A partial result has no outline of its own: that of the last complete result holds until the next one.
    const analysis: Analysis = {
      findings: r.findings,
      errors: r.errors,
      sections: r.sections ?? st.current?.analysis.sections ?? [],
      meta: r.meta ?? st.current?.analysis.meta ?? {},
    };
    st.current = { version, analysis, counts: r.counts, configKey, complete: r.complete };
    this.logRuleErrors(analysis);
    this.host.publish(st, analysis.findings, maxProblems, r.counts);
  }

  private logRuleErrors(analysis: Analysis): void {
    for (const e of analysis.errors) {
      if (this.loggedRuleErrors.has(e.rule)) continue;
      this.loggedRuleErrors.add(e.rule);
      this.host.error(`规则 ${e.rule} 运行出错，已跳过（rule threw; other rules still ran）：${e.message}`);
    }
  }
}
