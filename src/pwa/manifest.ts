import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest; the app name is not translated (it is a name). */
export const THEME_COLOUR = '#1d4ed8';

export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Vaardig — vaardighedenmatrix',
  short_name: 'Vaardig',
  description: 'Vaardighedenmatrix voor de werkvloer: wie kan wat, wie leert wat, van wie.',
  lang: 'nl',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  background_color: '#ffffff',
  theme_color: THEME_COLOUR,
  categories: ['business', 'education', 'productivity'],
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
