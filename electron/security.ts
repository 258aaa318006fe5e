import { normalize, relative, resolve, sep } from 'node:path';

/**
 * Every security setting of the shell in one place, as plain data, so a test can read it and
 * the browser harness can apply the same policy. Nothing here imports Electron.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'confidant';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The app loads nothing but its own files and never connects anywhere, not even to itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function webPreferences(preloadPath: string, isPackaged: boolean) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !isPackaged,
    safeDialogs: true,
  } as const;
}

export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Non-app requests: the renderer may use inline data and DevTools internals, nothing from a network. */
export function isAllowedRequestUrl(url: string): boolean {
  return isAppUrl(url) || url.startsWith('data:') || url.startsWith('devtools:');
}

/** Maps an app:// URL to a file in the renderer build, or null when it is not one of ours. */
export function resolveAppFile(rendererDirectory: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  return resolveBuildPath(rendererDirectory, new URL(url).pathname);
}

/**
 * Maps a URL path to a file inside the renderer build, or null when the path would leave that
 * folder (encoded dots, absolute paths, backslashes, NUL bytes).
 */
export function resolveBuildPath(rendererDirectory: string, urlPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = resolve(rendererDirectory);
  const target = resolve(root, normalize(`.${pathname === '/' ? '/index.html' : pathname}`));
  const fromRoot = relative(root, target);
  if (fromRoot === '' || fromRoot.startsWith('..') || fromRoot.split(sep).includes('..')) return null;
  return target;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentTypeOf(path: string): string {
  const extension = path.slice(path.lastIndexOf('.'));
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

export function responseHeaders(path: string): Record<string, string> {
  return {
    'Content-Type': contentTypeOf(path),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
