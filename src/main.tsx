import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { openScreenFromHash } from './app/useHashRoute';
import { ensureStartedOffThread, hasHeldEvents, openDeviceData, primeHasDemo, startState, syncIsConfigured } from './data/queries';
import { startSync } from './data/sync';
import { parseFactorySpec } from './domain/factorySpec';
import { DEFAULT_LANGUAGE, isLanguage, loadCatalog, loadMessages, translate } from './i18n';
import { requestPersistence } from './pwa/storage';
import { levelMarkVariables } from './ui/markImage';
import { whenIdle } from './ui/whenIdle';
import { useUi } from './state/ui';
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

async function start() {
  applyLanguageParam();
  applyLevelMarks();
  const root = createRoot(document.getElementById('root')!);
  try {
    await loadLanguage();
    openScreenFromHash();
    await openDeviceData();
    await loadFactoryIfAsked();
    // Only a first start needs the demo workshop (and the code that writes it, in a worker).
    const demoJustMade = !(await startState()) && (await ensureStartedOffThread()) === 'demo';
    void requestPersistence();
    // A device that was connected before carries on syncing (it asks for the password again
    // after the browser was closed: the password is kept for a session only).
    if (await syncIsConfigured()) void startSync();
    if (await hasHeldEvents()) void import('./data/gate').then((gate) => gate.watchHeld());
    await primeHasDemo();
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
