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

/** An error's class name, never its message: messages can carry data. */
const nameOf = (error: unknown): string => (error instanceof Error ? error.name : typeof error);

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
 * before any handler runs, and whatever is thrown on the way, by a handler or by the request's
 * parse itself, leaves as a bare code: a request never takes the core process down.
 */
export function createRouter(handlers: Handlers, log: Logger, hooks: RouterHooks = {}): Router {
  return {
    async handle(channel, request) {
      const result = isChannel(channel) ? await answerOrFail(channel, request) : fail('UNKNOWN_CHANNEL');
      if (!result.ok) tell(result.error.code);
      return result;
    },
  };

  async function answerOrFail(channel: Channel, request: unknown): Promise<Result<unknown>> {
    try {
      return await answer(channel, request);
    } catch (error) {
      return failed(channel, error);
    }
  }

  function tell(code: ErrorCode): void {
    try {
      hooks.onFailure?.(code);
    } catch (error) {
      log('failure_hook_failed', { code, error: nameOf(error) });
    }
  }

  async function answer(channel: Channel, request: unknown): Promise<Result<unknown>> {
    const parsed = contract[channel].request.safeParse(request);
    if (!parsed.success) return fail(invalidInputCode(parsed.error.issues));
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    // Parsing the response drops any field the contract does not declare.
    const checked = contract[channel].response.safeParse(value);
    if (!checked.success) {
      log('response_rejected', { channel });
      return fail('INTERNAL');
    }
    return { ok: true, value: checked.data };
  }

  function failed(channel: Channel, error: unknown): Result<never> {
    const code = errorCodeOf(error);
    // A broken installation is the one failure the adviser cannot fix from the screen: it is logged.
    if (code === 'APP_DAMAGED') log('app_damaged', { channel });
    if (code) return fail(code);
    log('request_failed', { channel, error: nameOf(error) });
    return fail('INTERNAL');
  }
}
