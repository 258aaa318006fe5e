/** The access dossier's print route, `#/print?dossier=<token>`: the token of a dossier the core holds ready. */
export function dossierTokenFrom(hash: string): string | null {
  if (!hash.startsWith('#/print?')) return null;
  const token = new URLSearchParams(hash.slice('#/print?'.length)).get('dossier');
  return token !== null && /^[a-f0-9]{32}$/.test(token) ? token : null;
}
