import { addConversation, deleteConversation, updateConversation } from '../cases/conversations';
import type { Handlers } from '../ipc/router';
import { done, type CoreContext } from './context';

type ConversationChannel = 'conversations.add' | 'conversations.update' | 'conversations.delete';

export function conversationHandlers({ db, clock }: CoreContext) {
  return {
    'conversations.add': ({ caseId, conversation }) => addConversation(db(), caseId, conversation, clock),
    'conversations.update': ({ id, conversation }) => updateConversation(db(), id, conversation, clock),
    'conversations.delete': ({ id }) => {
      deleteConversation(db(), id);
      return done;
    },
  } satisfies Pick<Handlers, ConversationChannel>;
}
