import type { z } from 'zod';
import { contract, isChannel, type Channel, type Contract, type ResponseOf } from '../../../shared/contract';
import type { ErrorCode, Result } from '../../../shared/errors';
import { AppError } from '../errors';
import type { Logger } from '../log';

export type Handler<C extends Channel> = (
  request: z.output<Contract[C]['request']>,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type Handlers = { [C in Channel]: Handler<C> };

export interface Router {
  handle(channel: unknown, request: unknown): Promise<Result<unknown>>;
}

export interface RouterHooks {
  /** Told of every refused or failed request, after its code is known and before the answer leaves. */
  onFailure?(code: ErrorCode): void;
}

const fail = (code: ErrorCode): Result<never> => ({ ok: false, error: { code } });

/** Rules of the record whose breach has a code of its own, so the adviser is told which rule. */
const RULE_CODES: Record<string, ErrorCode> = {
  adviceOnlyExclusive: 'CONTRADICTORY_HANDLING',
  natureNeeded: 'NATURE_REQUIRED',
  weakPassphrase: 'WEAK_PASSPHRASE',
};

/** A rule's own code only when that rule is all that is wrong; anything else malformed is INVALID_INPUT. */
function invalidInputCode(issues: readonly { message: string }[]): ErrorCode {
  const codes = new Set(issues.map((issue) => (Object.hasOwn(RULE_CODES, issue.message) ? RULE_CODES[issue.message]! : 'INVALID_INPUT')));
  return codes.size === 1 ? [...codes][0]! : 'INVALID_INPUT';
}

/** SQLite's own codes for a file that is damaged or is not ours. */
const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB']);

function errorCodeOf(error: unknown): ErrorCode | null {
  if (error instanceof AppError) return error.code;
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === 'string' && CORRUPTION_CODES.has(sqliteCode)) return 'CORRUPT_VAULT';
  return null;
}

/**
 * The boundary every request crosses: unknown channels and malformed requests are refused
 * before any handler runs, and whatever a handler throws leaves as a bare code.
 */
export function createRouter(handlers: Handlers, log: Logger, hooks: RouterHooks = {}): Router {
  return {
    async handle(channel, request) {
      const result = await answer(channel, request);
      if (!result.ok) hooks.onFailure?.(result.error.code);
      return result;
    },
  };

  async function answer(channel: unknown, request: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL');
    const parsed = contract[channel].request.safeParse(request);
    if (!parsed.success) return fail(invalidInputCode(parsed.error.issues));
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      // Parsing the response drops any field the contract does not declare.
      const checked = contract[channel].response.safeParse(value);
      if (!checked.success) {
        log('response_rejected', { channel });
        return fail('INTERNAL');
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      const code = errorCodeOf(error);
      // A broken installation is the one failure the adviser cannot fix from the screen: it is logged.
      if (code === 'APP_DAMAGED') log('app_damaged', { channel });
      if (code) return fail(code);
      log('handler_failed', { channel, error: error instanceof Error ? error.name : typeof error });
      return fail('INTERNAL');
    }
  }
}
