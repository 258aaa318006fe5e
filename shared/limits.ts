/** Bounds shared by the renderer's form checks and the core's validation. */
export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 1024;
export const IDLE_LOCK_MIN_MINUTES = 1;
export const IDLE_LOCK_MAX_MINUTES = 240;
/** Labels, names, units, "with whom": a line, not a document. */
export const SHORT_TEXT_MAX = 300;
/** Notes of a conversation or session: long enough for a verbatim account, far below what would bloat IPC. */
export const NOTE_MAX = 50_000;
export const MAX_REPORTERS = 50;
export const MAX_LIST_ITEMS = 100;
export const CASE_PAGE_MAX = 500;
/** The rows the window asks for at a time: a search's first page is what the adviser sees of it. */
export const CASE_LIST_PAGE = 50;
export const SEARCH_MAX = 200;
/** A first response later than this after first contact breaks the team's promise. */
export const FIRST_RESPONSE_PROMISE_HOURS = 24;
/**
 * The largest request main passes on to the core, as the structured clone carries it (two bytes a
 * character). The largest legitimate one is a team import of a 2,000,000-character export, 4 MB at
 * most; anything past twice that is refused before the core reads a byte of it.
 */
export const REQUEST_MAX_BYTES = 8 * 1024 * 1024;
