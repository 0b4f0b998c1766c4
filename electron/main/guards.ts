/**
 * The window's guards: no navigation away from the app, no new windows (allowlisted https: links
 * and mailto: go to the OS), no webviews, every permission request denied except desktop
 * notifications from the app's own page.
 */
import { app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl, isOwnAppUrl } from '../host/security';
import { log } from './log';

function openOutside(url: string): void {
  if (isAllowedExternalUrl(url)) {
    shell.openExternal(url).catch((err: unknown) => log.error('openExternal failed:', err));
  }
}

function guardContents(contents: WebContents, devUrl: string | null): void {
  // The app is one page: every navigation is refused (reloads are not navigations). An
  // allowlisted link clicked without target=_blank still opens in the system browser.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (!isOwnAppUrl(url, devUrl)) openOutside(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

/** Installs the guards on every web contents the app ever creates and denies all permissions. */
export function installGuards(devUrl: string | null): void {
  app.on('web-contents-created', (_e, contents) => guardContents(contents, devUrl));
  const s = session.defaultSession;
  // Denied, with one exception: the app's own page may show desktop notifications (balance alerts).
  const allowed = (permission: string, url: string | undefined) =>
    permission === 'notifications' && isOwnAppUrl(url, devUrl);
  s.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl)),
  );
  s.setPermissionCheckHandler((_wc, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  s.setDevicePermissionHandler(() => false);
  s.setDisplayMediaRequestHandler((_req, callback) => callback({}));
  s.on('will-download', (event) => event.preventDefault());
}
