/**
 * When the state file is written. Every change bumps a version; `flush()` resolves once a file
 * holding that version is renamed into place and its directory entry fsynced. Writes are grouped:
 * while one write is in flight, every request that changed something waits for the next, which
 * snapshots all of them at once, so a storm of writes costs a few file writes, not one each.
 */
import type { SavedState, StateFile } from './persistence';

export class Persister {
  private changed = 0;
  private renamed = 0;
  private durable = 0;
  private held = 0;
  private lastWork = '';
  private writing: Promise<void> | null = null;

  /** `work` fingerprints the queue, which changes as work runs without anything marking it. */
  constructor(private readonly file: StateFile, private readonly snapshot: () => SavedState, private readonly work: () => string) {
    this.lastWork = work();
  }

  markChanged(): void {
    this.changed++;
  }

  hold(): void {
    this.held++;
  }

  release(): void {
    this.held--;
    this.changed++;
  }

  /** After the file was deleted (reset): nothing is pending, and a write in flight is discarded. */
  forget(): void {
    this.noteWork();
    this.renamed = this.changed;
    this.durable = this.changed;
  }

  /** Resolves once every change made before the call is durable (immediately while held). */
  async flush(): Promise<void> {
    this.noteWork();
    const target = this.changed;
    while (this.durable < target && this.held === 0) {
      this.writing ??= this.writeOnce().finally(() => { this.writing = null; });
      await this.writing;
    }
  }

  /** The same, synchronously: for shutdown and tests. Skipped while held. */
  flushSync(): void {
    this.noteWork();
    if (this.held > 0 || this.renamed >= this.changed) return;
    const version = this.changed;
    this.file.write(this.snapshot());
    this.renamed = version;
    this.durable = version;
  }

  private noteWork(): void {
    const work = this.work();
    if (work !== this.lastWork) { this.lastWork = work; this.changed++; }
  }

  private async writeOnce(): Promise<void> {
    const version = this.changed;
    const temp = await this.file.writeTemp(JSON.stringify(this.snapshot()));
    // A synchronous flush may have put a newer file in place meanwhile: never roll it back.
    if (version <= this.renamed) return this.file.discard(temp);
    this.file.commit(temp);
    this.renamed = version;
    await this.file.syncDirectory();
    this.durable = Math.max(this.durable, version);
  }
}
