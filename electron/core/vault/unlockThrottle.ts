import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { writeFileAtomic } from '../storage/atomicWrite';

const Attempts = z.object({ failures: z.number().int().min(0), blockedUntil: z.number().int().min(0) }).strict();
type Attempts = z.infer<typeof Attempts>;

/** How many attempts are free, and the longest wait the doubling reaches. */
export interface ThrottleRule {
  freeAttempts: number;
  maxDelaySeconds: number;
}

/** The passphrase: three free attempts, then the wait doubles per failure, up to five minutes. */
export const PASSPHRASE_RULE: ThrottleRule = { freeAttempts: 3, maxDelaySeconds: 300 };
/**
 * The recovery key holds 256 random bits, so guessing it is hopeless at any speed; its own count
 * only slows a script down, and a passphrase lockout never stands between an adviser and it.
 */
export const RECOVERY_RULE: ThrottleRule = { freeAttempts: 5, maxDelaySeconds: 300 };

export function delaySecondsAfter(failures: number, rule: ThrottleRule = PASSPHRASE_RULE): number {
  if (failures < rule.freeAttempts) return 0;
  return Math.min(2 ** (failures - rule.freeAttempts + 1), rule.maxDelaySeconds);
}

/**
 * Slows down guessing: every wrong attempt lengthens the wait before the next try. The count
 * lives in a file beside the vault, so quitting the app does not reset it. No wait is ever longer
 * than the rule's maximum: a "blocked until" further ahead than that was written under a wrong
 * clock (set years ahead, then corrected), and is brought back to the rule's wait from now.
 */
export class UnlockThrottle {
  constructor(
    private readonly path: string,
    private readonly clock: Clock,
    private readonly rule: ThrottleRule = PASSPHRASE_RULE,
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
    this.write({ failures, blockedUntil: this.clock().getTime() + delaySecondsAfter(failures, this.rule) * 1000 });
  }

  recordSuccess(): void {
    rmSync(this.path, { force: true });
  }

  private write(attempts: Attempts): void {
    writeFileAtomic(this.path, JSON.stringify(attempts));
  }

  /**
   * A damaged count file is treated as the strictest plausible state rather than as a reset, and
   * that state is written down, so the wait it starts ends like any other.
   */
  private read(): Attempts {
    if (!existsSync(this.path)) return { failures: 0, blockedUntil: 0 };
    const now = this.clock().getTime();
    const longest = now + this.rule.maxDelaySeconds * 1000;
    let attempts: Attempts;
    try {
      attempts = Attempts.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      attempts = { failures: this.rule.freeAttempts + 8, blockedUntil: longest };
      this.write(attempts);
      return attempts;
    }
    if (attempts.blockedUntil > longest) {
      attempts = { failures: attempts.failures, blockedUntil: now + delaySecondsAfter(attempts.failures, this.rule) * 1000 };
      this.write(attempts);
    }
    return attempts;
  }
}
