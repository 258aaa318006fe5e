import { z } from 'zod';
import { CONVERSATION_KINDS, CONVERSATION_MODES } from '../taxonomy';
import { Id, LocalDateTime, Note, ShortText } from './primitives';

/**
 * An entry of a case, written in one place: a conversation, or a session of the case's mediation.
 * A session records who attended (`participants`) and its notes; its mode and duration were never
 * asked, so they may stay empty, where a conversation needs both. An entry sent without a kind is
 * a conversation.
 */
const ConversationFields = z
  .object({
    kind: z.enum(CONVERSATION_KINDS).default('conversation'),
    heldAt: LocalDateTime,
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .nullable(),
    mode: z.enum(CONVERSATION_MODES).nullable(),
    participants: ShortText,
    notes: Note,
  })
  .strict();

export const ConversationInput = ConversationFields.superRefine((entry, context) => {
  if (entry.kind !== 'conversation') return;
  if (entry.durationMinutes === null) context.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'required' });
  if (entry.mode === null) context.addIssue({ code: 'custom', path: ['mode'], message: 'required' });
});
export type ConversationInput = z.infer<typeof ConversationInput>;

export const Conversation = ConversationFields.extend({ id: Id, caseId: Id }).strict();
export type Conversation = z.infer<typeof Conversation>;
