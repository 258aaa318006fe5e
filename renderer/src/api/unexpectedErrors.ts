import type { ErrorCode } from '../../../shared/errors';
import { createResettableStore } from '../stores/resettable';
import { errorCodeOf } from './client';

/**
 * The one path for a failure no screen handled: its code (never a message or data) is shown at
 * the top of the window instead of disappearing into the console.
 */
export const useUnexpectedError = createResettableStore<{ code: ErrorCode | null }>(() => ({ code: null }));

export function listenForUnexpectedErrors(): () => void {
  const onRejection = (event: PromiseRejectionEvent) => {
    event.preventDefault();
    useUnexpectedError.setState({ code: errorCodeOf(event.reason) });
  };
  window.addEventListener('unhandledrejection', onRejection);
  return () => window.removeEventListener('unhandledrejection', onRejection);
}
