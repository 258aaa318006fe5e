import { z } from 'zod';
import { Id } from './primitives';

/** The screens a draft can return the adviser to; the renderer's navigation uses the same type. */
export const AppView = z.discriminatedUnion('name', [
  z.object({ name: z.literal('today') }).strict(),
  z.object({ name: z.literal('cases') }).strict(),
  z.object({ name: z.literal('case'), id: Id }).strict(),
  z.object({ name: z.literal('newCase') }).strict(),
  z.object({ name: z.literal('capture') }).strict(),
  z.object({ name: z.literal('editCase'), id: Id }).strict(),
  z.object({ name: z.literal('outreach') }).strict(),
  z.object({ name: z.literal('export') }).strict(),
  z.object({ name: z.literal('team') }).strict(),
  z.object({ name: z.literal('retention') }).strict(),
  z.object({ name: z.literal('settings') }).strict(),
  z.object({ name: z.literal('help') }).strict(),
]);
export type AppView = z.infer<typeof AppView>;

/** Which form a draft belongs to, e.g. `case:new`, `case:12`, `conversation:new:12`, `mediation:12`. */
export const DraftKey = z
  .string()
  .max(80)
  .regex(/^[a-z][a-zA-Z]*(:(new|\d{1,12}))*$/);

/** A form's whole state: a case form with every list full, or a mediation with all its notes. */
export const DRAFT_MAX = 1_000_000;

export const DraftInput = z
  .object({
    key: DraftKey,
    /** The case the draft is about: destroying or deleting the case destroys its drafts. */
    caseId: Id.nullable(),
    view: AppView,
    /** The form's state and where its caret was, as JSON; only the window's draft layer reads it back. */
    content: z.string().max(DRAFT_MAX),
  })
  .strict();
export type DraftInput = z.infer<typeof DraftInput>;

export const Draft = DraftInput.extend({ savedAt: z.string() }).strict();
export type Draft = z.infer<typeof Draft>;

export const DraftDiscard = z.object({ key: DraftKey }).strict();

/**
 * The channels a form saves through that can take its draft away in the same transaction
 * (`drafts.saveForm`). Each is one synchronous write in the core; a form whose save takes several
 * requests (the report texts) removes its draft after the last one instead.
 */
export const FORM_SAVE_CHANNELS = [
  'cases.create',
  'cases.createIncomplete',
  'cases.capture',
  'cases.update',
  'cases.updateIncomplete',
  'conversations.add',
  'conversations.update',
  'followUps.add',
  'mediation.save',
  'signals.create',
  'signals.update',
  'activities.create',
  'activities.update',
  'boardAdvices.create',
  'boardAdvices.update',
  'team.saveGroupings',
] as const;
export type FormSaveChannel = (typeof FORM_SAVE_CHANNELS)[number];

/** A form's save and the key of its draft; the contract checks `request` against the channel's own schema. */
export const FormSave = z.object({ draftKey: DraftKey, channel: z.enum(FORM_SAVE_CHANNELS), request: z.unknown() }).strict();
