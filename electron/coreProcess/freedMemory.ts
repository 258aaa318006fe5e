/**
 * glibc keeps a freed block as it was: the database's decrypted pages, a note's text, the team
 * identity would stay readable in the core process after a lock until the bytes are reused. These
 * tunables have it overwrite every block it frees (perturb), and keep no per-thread cache of small
 * freed blocks, which would skip that. glibc reads them only at process start, so main passes them
 * when it starts the core; other C libraries ignore them.
 */
export function coreProcessEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const tunables = [env.GLIBC_TUNABLES, 'glibc.malloc.perturb=165', 'glibc.malloc.tcache_count=0'].filter(Boolean).join(':');
  return { ...env, GLIBC_TUNABLES: tunables };
}
