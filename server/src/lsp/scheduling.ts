// When documents are checked: one debounce timer per document, reset by every keystroke.
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Runs `job` for `uri` after `delay` ms, replacing a job already waiting for it. */
  schedule(uri: string, delay: number, job: () => void): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        job();
      }, delay),
    );
  }

  /** Drops the waiting job of `uri`, if any; true when there was one. */
  cancel(uri: string): boolean {
    const timer = this.timers.get(uri);
    if (!timer) return false;
    clearTimeout(timer);
    this.timers.delete(uri);
    return true;
  }

  pending(uri: string): boolean {
    return this.timers.has(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
