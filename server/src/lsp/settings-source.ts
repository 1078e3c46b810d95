// Where the editor settings of a document come from: pulled per document (workspace/configuration) from
// clients that can, else what the client pushed (initializationOptions, didChangeConfiguration). Cached per
// document until the settings change; invalid values are reported once and replaced by their defaults.
import type { Rule } from '../engine/types.js';
import { checkSettings, type EditorSettings } from './settings.js';

export interface SettingsClient {
  /** workspace/configuration for section fazhiLint, or undefined when the client cannot be asked. */
  pull?: (uri: string) => Promise<unknown>;
  /** Tells the user what is wrong with the settings (once per distinct set of problems). */
  warn: (message: string) => void;
}

export class SettingsSource {
  private readonly cache = new Map<string, Promise<EditorSettings>>();
  private pushed: unknown = undefined;
  private lastProblems = '';

  constructor(
    private readonly rules: readonly Rule[],
    private readonly client: SettingsClient,
  ) {}

  /** Settings sent by the client without being asked (null or undefined: none). */
  setPushed(raw: unknown): void {
    this.pushed = raw;
  }

  for(uri: string): Promise<EditorSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      const pull = this.client.pull;
      const raw = pull
        ? pull(uri).then(
            (v) => (v === null || v === undefined ? this.pushed : v),
            () => this.pushed,
          )
        : Promise.resolve(this.pushed);
      settings = raw.then((r) => this.settle(r));
      this.cache.set(uri, settings);
    }
    return settings;
  }

  private settle(raw: unknown): EditorSettings {
    const { settings, problems } = checkSettings(raw, this.rules);
    const key = problems.join('\n');
    if (key !== this.lastProblems) {
      this.lastProblems = key;
      if (problems.length) this.client.warn(`fazhi-lint：设置有误，已改用默认值（invalid settings ignored）：${problems.join('；')}`);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
