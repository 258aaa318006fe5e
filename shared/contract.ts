import { z } from 'zod';
import { INTAKE_ROUTES } from './taxonomy';
import {
  IDLE_LOCK_MAX_MINUTES,
  IDLE_LOCK_MIN_MINUTES,
  PASSPHRASE_MAX_LENGTH,
  PASSPHRASE_MIN_LENGTH,
} from './limits';

/**
 * The IPC contract: every channel, with a runtime schema for its request and its response.
 * The core validates requests (and its own responses) against it; the renderer's client is
 * typed from it. Objects are strict so an unexpected field is an error, not silently carried.
 */

const Empty = z.object({}).strict();

const Passphrase = z.string().min(PASSPHRASE_MIN_LENGTH).max(PASSPHRASE_MAX_LENGTH);

/** The recovery key as the adviser types it: letters, digits, dashes and spaces, nothing else. */
const RecoveryKeyInput = z
  .string()
  .max(200)
  .regex(/^[0-9A-Za-z\s-]+$/);

/** A local date and time as typed in a form, to the minute: 2026-03-14T09:30. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  .refine((value) => {
    const parsed = new Date(`${value}:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 16) === value;
  }, 'not a real date');

export const Language = z.enum(['nl', 'en']);
export type Language = z.infer<typeof Language>;

export const Settings = z
  .object({
    language: Language,
    idleLockMinutes: z.number().int().min(IDLE_LOCK_MIN_MINUTES).max(IDLE_LOCK_MAX_MINUTES),
    contentProtection: z.boolean(),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const VaultStatus = z.object({ exists: z.boolean(), unlocked: z.boolean() }).strict();
export type VaultStatus = z.infer<typeof VaultStatus>;

export const CaseSummary = z
  .object({
    id: z.number().int().positive(),
    firstContactAt: LocalDateTime,
    intakeRoute: z.enum(INTAKE_ROUTES),
  })
  .strict();
export type CaseSummary = z.infer<typeof CaseSummary>;

export const NewCase = z
  .object({
    firstContactAt: LocalDateTime,
    intakeRoute: z.enum(INTAKE_ROUTES),
  })
  .strict();
export type NewCase = z.infer<typeof NewCase>;

export const contract = {
  'vault.status': { request: Empty, response: VaultStatus },
  'vault.create': {
    request: z.object({ passphrase: Passphrase }).strict(),
    response: z.object({ recoveryKey: z.string() }).strict(),
  },
  'vault.unlock': { request: z.object({ passphrase: Passphrase }).strict(), response: Empty },
  'vault.recover': {
    request: z.object({ recoveryKey: RecoveryKeyInput, newPassphrase: Passphrase }).strict(),
    response: Empty,
  },
  'vault.lock': { request: Empty, response: Empty },
  'settings.get': { request: Empty, response: Settings },
  'settings.update': { request: Settings.partial().strict(), response: Settings },
  'cases.list': { request: Empty, response: z.array(CaseSummary) },
  'cases.create': { request: NewCase, response: CaseSummary },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** The single bridge the preload exposes and the browser harness mirrors. */
export interface VaultBridge {
  invoke(channel: Channel, request: unknown): Promise<unknown>;
}
