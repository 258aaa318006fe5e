import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { writeFileAtomic } from '../storage/atomicWrite';

const Attempts = z.object({ failures: z.number().int().min(0), blockedUntil: z.number().int().min(0) }).strict();
type Attempts = z.infer<typeof Attempts>;

/** Free attempts before any delay; after them the wait doubles per failure, up to five minutes. */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_SECONDS = 300;

export function delaySecondsAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_SECONDS);
}

/**
 * Slows down guessing: every wrong passphrase or recovery key lengthens the wait before the next
 * try. The count lives in a file beside the vault, so quitting the app does not reset it.
 */
export class UnlockThrottle {
  constructor(
    private readonly path: string,
    private readonly clock: Clock,
  ) {}

  secondsToWait(): number {
    const remaining = this.read().blockedUntil - this.clock().getTime();
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  assertMayTry(): void {
    if (this.secondsToWait() > 0) throw new AppError('TOO_MANY_ATTEMPTS');
  }

  recordFailure(): void {
    const failures = this.read().failures + 1;
    const blockedUntil = this.clock().getTime() + delaySecondsAfter(failures) * 1000;
    writeFileAtomic(this.path, JSON.stringify({ failures, blockedUntil }));
  }

  recordSuccess(): void {
    rmSync(this.path, { force: true });
  }

  /** A damaged count file is treated as the strictest plausible state rather than as a reset. */
  private read(): Attempts {
    if (!existsSync(this.path)) return { failures: 0, blockedUntil: 0 };
    try {
      return Attempts.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      return { failures: FREE_ATTEMPTS + 8, blockedUntil: this.clock().getTime() + MAX_DELAY_SECONDS * 1000 };
    }
  }
}
