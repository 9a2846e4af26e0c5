import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { openScreenFromHash } from './app/useHashRoute';
import { hasHeldEvents, openDeviceData, prefetchMatrix, primeHasDemo, startState, syncIsConfigured } from './data/queries';
import { startSync } from './data/sync';
import { parseFactorySpec } from './domain/factorySpec';
import { DEFAULT_LANGUAGE, isLanguage, loadCatalog, loadMessages, translate } from './i18n';
import { requestPersistence } from './pwa/storage';
import { levelMarkVariables } from './ui/markImage';
import { whenIdle } from './ui/whenIdle';
import { useUi } from './state/ui';
import { HOME_SCREEN } from './app/screens';
import { DESK_METRICS } from './features/matrix/metrics';
import './styles.css';

/** `?lang=en` or `?lang=nl` chooses the language and remembers it. */
function applyLanguageParam() {
  const lang = new URLSearchParams(location.search).get('lang');
  if (isLanguage(lang)) useUi.getState().setLanguage(lang);
}

/**
 * The chosen language's messages before the first paint. The default language's first screen
 * is in the bundle; its whole catalog follows the first screen (loadMessages).
 */
async function loadLanguage() {
  const language = useUi.getState().language;
  if (language !== DEFAULT_LANGUAGE) await loadCatalog(language).catch(() => useUi.getState().setLanguage(DEFAULT_LANGUAGE));
}

/**
 * The whole catalog once someone touches the screen (whatever they open next will need it).
 * The matrix asks for it as soon as it has painted (preloadSignIn); every other screen and
 * dialog waits for it as it loads (withMessages).
 */
function loadMessagesOnFirstTouch() {
  const load = () => {
    removeEventListener('pointerdown', load, true);
    removeEventListener('keydown', load, true);
    void loadMessages();
  };
  addEventListener('pointerdown', load, true);
  addEventListener('keydown', load, true);
}

function applyLevelMarks() {
  for (const [name, value] of Object.entries(levelMarkVariables())) document.documentElement.style.setProperty(name, value);
}

/**
 * `?factory=500x400&seed=1` fills an EMPTY database with a synthetic factory (for trying
 * Vaardig at scale and for `npm run bench`); with data present it does nothing.
 */
async function loadFactoryIfAsked() {
  const params = new URLSearchParams(location.search);
  const spec = parseFactorySpec(params.get('factory'), params.get('seed'), params.get('dense'));
  if (!spec) return;
  const { loadFactory } = await import('./data/commands');
  await loadFactory(spec);
}

/**
 * Opening on the matrix, its first screen is read before the first render (prefetchMatrix):
 * as many rows and columns as this window shows, and a few more.
 */
function prefetchFirstScreen(): Promise<void> {
  const { screen, wallMode } = useUi.getState();
  if (screen !== HOME_SCREEN || wallMode) return Promise.resolve();
  const rows = Math.ceil(window.innerHeight / DESK_METRICS.cellHeight) + 4;
  const columns = Math.ceil(window.innerWidth / DESK_METRICS.cellWidth) + 4;
  // Only a head start: should it fail, the screen's own queries read the same.
  return prefetchMatrix({ rows, columns }).catch(() => undefined);
}

async function start() {
  applyLanguageParam();
  applyLevelMarks();
  const root = createRoot(document.getElementById('root')!);
  try {
    await loadLanguage();
    openScreenFromHash();
    await openDeviceData();
    await loadFactoryIfAsked();
    const [started, prefetched] = await Promise.all([startState(), prefetchFirstScreen()]);
    // Only a first start needs the demo workshop (and the code that writes it, in a worker).
    const demoJustMade = !started && (await (await import('./data/commands/startOffThread')).ensureStartedOffThread()) === 'demo';
    const [syncing, holding] = await Promise.all([syncIsConfigured(), hasHeldEvents(), started ? prefetched : prefetchFirstScreen(), primeHasDemo()]);
    void requestPersistence();
    // A device that was connected before carries on syncing (it asks for the password again
    // after the browser was closed: the password is kept for a session only).
    if (syncing) void startSync();
    if (holding) void import('./data/gate').then((gate) => gate.watchHeld());
    loadMessagesOnFirstTouch();
    // A transition: React renders the first screen in slices, so the page answers a tap meanwhile.
    startTransition(() =>
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
    // The demo's work instructions follow the first paint, when the browser is idle: their
    // drawings are made into photos here (a canvas), which the worker cannot do.
    if (demoJustMade) void whenIdle().then(() => import('./app/demoInstructions').then((demo) => demo.addDemoInstructions()));
  } catch (error) {
    console.error(error);
    const language = useUi.getState().language ?? DEFAULT_LANGUAGE;
    root.render(
      <main className="start-error" role="alert">
        <h1>{translate(language, 'app.name')}</h1>
        <p>{translate(language, 'error.startFailed')}</p>
      </main>,
    );
  }
}

void start();
