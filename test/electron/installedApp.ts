import { resolve } from 'node:path';

/**
 * The installed app's binary, as the release workflow names it after building and installing the
 * installers (CONFIDANT_INSTALLED_APP); null on a developer's machine without installers, where
 * that run is skipped and says why. On GitHub's runners it must be named (globalSetup).
 */
export const INSTALLED_APP_VARIABLE = 'CONFIDANT_INSTALLED_APP';

/** A relative path (the workflow's dist/… on macOS and Windows) is the project's. */
export function installedApp(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env[INSTALLED_APP_VARIABLE];
  return named ? resolve(__dirname, '../..', named) : null;
}

export const NO_INSTALLED_APP_MESSAGE =
  `No installed app: set ${INSTALLED_APP_VARIABLE} to the binary \`npm run dist\` built and you installed ` +
  '(/opt/Confidant/confidant from the .deb, dist/mac*/Confidant.app/Contents/MacOS/Confidant, dist/win*-unpacked/Confidant.exe).';
