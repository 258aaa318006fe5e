import type { AppView } from '../../../shared/contract';
import { invoke } from '../api/client';
import { useNavigationStore } from '../stores/navigationStore';

/** A draft is at most this far behind the typing: a crash loses at most this much. */
export const DRAFT_LAG_MS = 1000;
/** A pause in typing this long writes the draft sooner. */
const PAUSE_MS = 300;

export interface KeptForm {
  key: string;
  caseId: number | null;
  /** Whether the form holds something not saved. */
  isDirty(): boolean;
  /** The form's state and caret as a draft's content. */
  content(): string;
}

/** What the vault holds for the form is not known (a request failed): the next keep writes again. */
const UNKNOWN = Symbol('unknown');

/**
 * Keeps one form's draft in the vault while the adviser types: written at most DRAFT_LAG_MS
 * after a change (sooner after a pause, at once when a field is left), removed once the form
 * holds nothing unsaved. Its requests go one after another, so an older content never lands
 * after a newer one, and a form's save waits for them (`settle`) so none lands after the save.
 */
export class DraftKeeper {
  /** The content the vault holds or is being sent; null: no draft. */
  private held: string | null | typeof UNKNOWN;
  private timer: number | undefined;
  private due = Infinity;
  private paused = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly form: KeptForm,
    held: string | null,
  ) {
    this.held = held;
  }

  /** The form changed: its draft follows soon. */
  changed(): void {
    if (this.paused) return;
    const now = Date.now();
    this.due = Math.min(this.due, now + DRAFT_LAG_MS);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.keep(), Math.min(this.due, now + PAUSE_MS) - now);
  }

  /** Whether a change waits to be written. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** Writes the form's draft now, or removes it when nothing is unsaved; resolves once the vault has it. */
  keep(view: AppView = useNavigationStore.getState().view): Promise<void> {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.due = Infinity;
    if (this.paused) return this.queue;
    if (this.form.isDirty()) {
      const content = this.form.content();
      if (content !== this.held) this.send(content, () => invoke('drafts.save', { key: this.form.key, caseId: this.form.caseId, view, content }));
    } else if (this.held !== null) {
      this.send(null, () => invoke('drafts.discard', { key: this.form.key }));
    }
    return this.queue;
  }

  /** Before the form's save: every draft request has landed, and none is made until `resume`. */
  async settle(): Promise<void> {
    this.paused = true;
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.due = Infinity;
    await this.queue;
  }

  /** After the form's save; `removed`: the save took the draft with it. */
  resume(removed: boolean): void {
    if (removed) this.held = null;
    this.paused = false;
    void this.keep();
  }

  /** The form leaves the screen: what waits is written now. */
  dispose(): void {
    if (this.pending) void this.keep();
  }

  private send(held: string | null, request: () => Promise<unknown>): void {
    this.held = held;
    this.queue = this.queue.then(request).then(
      () => undefined,
      // Locked, or the core restarting: the lock's own keep, or the next change, writes again.
      () => {
        this.held = UNKNOWN;
      },
    );
  }
}
