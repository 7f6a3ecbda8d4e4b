import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, session, type WebContents } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { APP_SCHEME, appFileFor, rendererUrlFor } from './appProtocol';
import { CSP } from './csp';
import { startEmbedded } from './embedded';
import { EVENT_CHANNEL, registerIpc } from './ipc';
import { connectUnasked, consoleLog, createServices, fileSecretStore, fileSettingsStore, lockDataDir, memorySecretStore, type Cipher, type Services } from './services';
import { permissionDecision, windowOptions } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const rendererUrl = rendererUrlFor(app.isPackaged, process.env);

// Before ready: app:// is a standard, secure scheme (its own origin, fetch allowed, like https).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const serveRenderer = () =>
  protocol.handle(APP_SCHEME, (req) => {
    const file = appFileFor(rendererDir, req.url);
    return file ? net.fetch(pathToFileURL(file).href) : new Response('not found', { status: 404 });
  });
const preloadPath = path.join(here, '../preload/index.cjs');
const log = consoleLog;

// Tests and portable installs point Electron at their own profile folder.
if (process.env.ROSTER_USER_DATA) app.setPath('userData', process.env.ROSTER_USER_DATA);

/** Tokens at rest are sealed with the OS keychain through safeStorage. */
const safeCipher: Cipher = {
  seal: (s) => safeStorage.encryptString(s).toString('base64'),
  open: (s) => safeStorage.decryptString(Buffer.from(s, 'base64')),
};

/** A real OS keychain: on Linux without one, safeStorage falls back to a fixed key (basic_text). */
const hasKeychain = (): boolean =>
  safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');

const secretStore = (dataDir: string) => {
  if (hasKeychain()) return fileSecretStore(path.join(dataDir, 'secrets.json'), safeCipher);
  log.warn('no OS keychain available: tokens are kept for this session only');
  return memorySecretStore();
};

const lockDown = (contents: WebContents) => {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
};

const secureSession = () => {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  s.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  s.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
};

const openWindow = async () => {
  const win = new BrowserWindow(windowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  await win.loadURL(rendererUrl);
};

let unlockDataDir = () => {};

const boot = async (): Promise<Services> => {
  const dataDir = app.getPath('userData');
  // requestSingleInstanceLock covers this app only: the browser host (npm run web --data) may hold the same folder.
  unlockDataDir = lockDataDir(dataDir);
  const services = createServices({
    dataDir,
    secrets: secretStore(dataDir),
    settings: fileSettingsStore(path.join(dataDir, 'connection.json')),
    journalFile: path.join(dataDir, 'outbox-journal.json'),
    startEmbedded,
    // The window paints from its own cache first; the platform opens when it asks (or soon after).
    connectAfter: connectUnasked(),
    log,
  });
  services.subscribe((event, payload) => {
    for (const w of BrowserWindow.getAllWindows()) w.webContents.send(EVENT_CHANNEL, event, payload);
  });
  registerIpc(ipcMain, services.handlers, rendererUrl, log);
  return services;
};

app.on('web-contents-created', (_e, contents) => lockDown(contents));

// One app per profile: a second launch would open the same embedded database.
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win?.isMinimized()) win.restore();
  win?.focus();
});

void app.whenReady().then(async () => {
  secureSession();
  serveRenderer();
  const services = await boot();
  await openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow();
  });
  let closing = false;
  app.on('before-quit', (e) => {
    if (closing) return;
    closing = true;
    e.preventDefault();
    void services.close().finally(() => {
      unlockDataDir();
      app.quit();
    });
  });
}).catch((e: unknown) => {
  log.warn(`could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  app.exit(1);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
