import { OPERATION_PHASES, type LongOperation, type PhaseOf, type ProgressEvent, type VaultEvent } from '../../shared/events';

export type EventListener = (event: VaultEvent) => void;

/** Reports the next phase of one running operation. */
export type ReportPhase<O extends LongOperation> = (phase: PhaseOf<O>) => void;

/** The core's outgoing events: the shell relays them to the window, the harness to its page. */
export class CoreEvents {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether anyone (a window) is listening, and so could answer a "locking". */
  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  emit(event: VaultEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Runs a long operation, announcing each phase it reaches and its end (success or not), so the
   * window can show where it is and when it is over.
   */
  async withProgress<O extends LongOperation, T>(operation: O, run: (report: ReportPhase<O>) => T | Promise<T>): Promise<T> {
    const phases: readonly PhaseOf<O>[] = OPERATION_PHASES[operation];
    let current: PhaseOf<O> = phases[0]!;
    const send = (done: boolean) =>
      this.emit({ type: 'progress', operation, phase: current, step: phases.indexOf(current) + 1, steps: phases.length, done } as ProgressEvent);
    try {
      return await run((phase) => {
        current = phase;
        send(false);
      });
    } finally {
      send(true);
    }
  }
}
