import { z } from 'zod';
import { CONVERSATION_MODES } from '../taxonomy';
import { Id, LocalDateTime, Note, ShortText } from './primitives';

export const ConversationInput = z
  .object({
    heldAt: LocalDateTime,
    durationMinutes: z.number().int().min(1).max(24 * 60),
    mode: z.enum(CONVERSATION_MODES),
    participants: ShortText,
    notes: Note,
  })
  .strict();
export type ConversationInput = z.infer<typeof ConversationInput>;

export const Conversation = ConversationInput.extend({ id: Id, caseId: Id }).strict();
export type Conversation = z.infer<typeof Conversation>;
