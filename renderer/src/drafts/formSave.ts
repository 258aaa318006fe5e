import { FORM_SAVE_CHANNELS, type Channel, type FormSaveChannel } from '../../../shared/contract';

/** The form whose save is starting, while its first request is made. */
let starting: { key: string; sent: boolean } | null = null;

const isFormSave = (channel: Channel): channel is FormSaveChannel => (FORM_SAVE_CHANNELS as readonly Channel[]).includes(channel);

/**
 * Runs a form's save so that its request names the form's draft: the core then removes the draft
 * in the save's own transaction. Every form's save makes that request as its first step (before
 * any await), which is when the client asks `routeFormSave`. Resolves true when the save went that
 * way; false for a save of several requests (the report texts), whose form removes its draft after.
 */
export async function saveWithDraft(key: string, save: () => Promise<void>): Promise<boolean> {
  const context = { key, sent: false };
  starting = context;
  let running: Promise<void>;
  try {
    running = save();
  } finally {
    starting = null;
  }
  await running;
  return context.sent;
}

/** The client's one question: a form's save on a form-save channel goes as `drafts.saveForm` with its draft's key. */
export function routeFormSave(channel: Channel, request: unknown): [Channel, unknown] {
  if (!starting || starting.sent || !isFormSave(channel)) return [channel, request];
  starting.sent = true;
  return ['drafts.saveForm', { draftKey: starting.key, channel, request }];
}
