// The open documents as the server keeps them: the editor's text (updated by incremental changes), the changes
// made since the text was last sent to the check thread (which re-checks a large document from them), and the
// last published check.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextChange } from '../engine/incremental.js';
import type { SeverityCounts } from '../engine/severity.js';
import type { Analysis } from './analysis.js';
import type { Selection } from './settings.js';

/** How many findings of each severity a check found (all of them, not only those published). */
export type Counts = SeverityCounts;

export interface Checked {
  version: number;
  /** Its findings: at most maxProblems of them when checked in the check thread (see `counts` for all). */
  analysis: Analysis;
  counts: Counts;
  /** The configuration it was checked with (JSON). */
  configKey: string;
  /** False for the partial result of a large document (the local rules around the edit), until the complete one. */
  complete: boolean;
}

export interface DocState {
  doc: TextDocument;
  selection?: Selection;
  /** The last published check. */
  current?: Checked;
  /** Changes made since the text was last sent to the check thread, each to the text the previous one left. */
  changes: TextChange[];
  /** When the last didChange arrived (for FAZHI_LINT_TRACE). */
  changedAt?: number;
  /** Whether the document would be checked without a per-file override (for the toggle command). */
  checkedByDefault?: boolean;
}

export class Documents {
  private readonly byUri = new Map<string, DocState>();

  open(uri: string, languageId: string, version: number, text: string): DocState {
    const st: DocState = { doc: TextDocument.create(uri, languageId, version, text), changes: [] };
    this.byUri.set(uri, st);
    return st;
  }

  /** Applies the editor's changes in order, recording each as an offset change; undefined for a document not open. */
  change(uri: string, version: number | null | undefined, changes: readonly TextDocumentContentChangeEvent[]): DocState | undefined {
    const st = this.byUri.get(uri);
    if (!st) return undefined;
    const doc = st.doc;
    for (const change of changes) {
      if ('range' in change) {
        // A range given end first is applied as its start-to-end (as TextDocument.update does).
        const a = doc.offsetAt(change.range.start);
        const b = doc.offsetAt(change.range.end);
        st.changes.push({ start: Math.min(a, b), end: Math.max(a, b), newText: change.text });
      } else st.changes.push({ start: 0, end: doc.getText().length, newText: change.text });
      // Updated in place, one change at a time: the next change's positions refer to this text.
      TextDocument.update(doc, [change], version ?? doc.version + 1);
    }
    st.changedAt = performance.now();
    return st;
  }

  close(uri: string): boolean {
    return this.byUri.delete(uri);
  }

  get(uri: string): DocState | undefined {
    return this.byUri.get(uri);
  }

  uris(): string[] {
    return [...this.byUri.keys()];
  }
}

/** The file of a `file:` URI, or undefined (untitled documents, other schemes). */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
