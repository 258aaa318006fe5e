import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedRequestUrl,
  isAppUrl,
  resolveAppFile,
  resolveBuildPath,
  responseHeaders,
  webPreferences,
} from './security';

describe('window security settings', () => {
  it('isolate and sandbox the renderer, without Node', () => {
    const preferences = webPreferences('/app/preload.js', true);
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(webPreferences('/app/preload.js', false).devTools).toBe(true);
  });

  it('allow only the app’s own scripts and no connection anywhere', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
        const [name, ...values] = directive.split(' ');
        return [name, values.join(' ')];
      }),
    );
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['connect-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
    expect(responseHeaders('/x/index.html')['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('block every request that is not the app’s own', () => {
    expect(isAllowedRequestUrl('app://confidant/assets/index.js')).toBe(true);
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'ws://localhost/']) {
      expect(isAllowedRequestUrl(url)).toBe(false);
    }
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('serve files only from inside the renderer build', () => {
    const root = '/opt/confidant/renderer';
    expect(resolveAppFile(root, 'app://confidant/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://confidant/assets/a.js')).toBe(join(root, 'assets', 'a.js'));
    expect(resolveBuildPath(root, '/../main/main.js')).toBeNull();
    expect(resolveBuildPath(root, '/assets/../../main/main.js')).toBeNull();
    // The URL parser folds encoded dots before we see them, so they stay inside the build.
    expect(resolveAppFile(root, 'app://confidant/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    for (const escape of [ 'app://confidant/assets/..%5c..%5cx', 'app://confidant/a%00.js', 'app://confidant/%E0%A4%A']) {
      expect(resolveAppFile(root, escape)).toBeNull();
    }
  });
});
