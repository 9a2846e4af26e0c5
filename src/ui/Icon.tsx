/**
 * The app's icons, drawn once. Every core label has one (DESIGN §2); icons are decorative
 * next to their text, so they are hidden from screen readers.
 */
const PATHS = {
  matrix: 'M3 3h8v8H3zM13 3h8v8h-8zM3 13h8v8H3zM13 13h8v8h-8z',
  people: 'M8 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm8 1a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM1 21c0-4 3-7 7-7s7 3 7 7zm15 0c0-2-1-4-2-5 4-1 8 1 9 5z',
  tools: 'M14 2l3 3-2 2 2 2 3-3 2 2-5 5-7-7zM3 17l8-8 4 4-8 8H3z',
  settings:
    'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm9 5v-2l-2.3-.6-.7-1.7 1.2-2-1.4-1.4-2 1.2-1.7-.7L13 3h-2l-.6 2.3-1.7.7-2-1.2-1.4 1.4 1.2 2-.7 1.7L3 11v2l2.3.6.7 1.7-1.2 2 1.4 1.4 2-1.2 1.7.7L11 21h2l.6-2.3 1.7-.7 2 1.2 1.4-1.4-1.2-2 .7-1.7z',
  wall: 'M2 4h20v13H2zM8 20h8v2H8zM11 17h2v3h-2z',
  warning: 'M12 2L1 21h22zM11 9h2v6h-2zm0 8h2v2h-2z',
  single: 'M12 4a4 4 0 1 1 0 8 4 4 0 0 1 0-8zM4 21c0-4 4-7 8-7s8 3 8 7z',
  noTeacher: 'M12 3L1 9l11 6 9-5v7h2V9zM5 13v4l7 4 7-4v-4l-7 4zM3 3l18 18-1.4 1.4L1.6 4.4z',
  check: 'M9 16.2L4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  nobody: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm5 13.6L15.6 17 12 13.4 8.4 17 7 15.6 10.6 12 7 8.4 8.4 7 12 10.6 15.6 7 17 8.4 13.4 12z',
  plus: 'M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z',
  edit: 'M3 17.2V21h3.8L18 9.8 14.2 6zM20.7 7a1 1 0 0 0 0-1.4l-2.3-2.3a1 1 0 0 0-1.4 0L15.2 5 19 8.8z',
  archive: 'M3 3h18v5H3zm1 6h16v12H4zm5 3v2h6v-2z',
  restore: 'M13 3a9 9 0 0 0-9 9H1l4 4 4-4H6a7 7 0 1 1 2 5l-1.4 1.4A9 9 0 1 0 13 3z',
  up: 'M12 5l-7 7 1.4 1.4L11 8.8V20h2V8.8l4.6 4.6L19 12z',
  down: 'M12 19l7-7-1.4-1.4-4.6 4.6V4h-2v11.2l-4.6-4.6L5 12z',
  close: 'M19 6.4L17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z',
  language:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-3a15 15 0 0 0-1.3-3.9A8 8 0 0 1 18.9 8zM12 4c.8 1.2 1.5 2.5 1.9 4h-3.8c.4-1.5 1.1-2.8 1.9-4zM4.3 14a8 8 0 0 1 0-4h3.4a16 16 0 0 0 0 4zm.8 2h3a15 15 0 0 0 1.3 3.9A8 8 0 0 1 5.1 16zm3-8h-3a8 8 0 0 1 4.3-3.9A15 15 0 0 0 8.1 8zM12 20c-.8-1.2-1.5-2.5-1.9-4h3.8c-.4 1.5-1.1 2.8-1.9 4zm2.3-6H9.7a14 14 0 0 1 0-4h4.6a14 14 0 0 1 0 4zm.3 5.9a15 15 0 0 0 1.3-3.9h3a8 8 0 0 1-4.3 3.9zm1.7-5.9a16 16 0 0 0 0-4h3.4a8 8 0 0 1 0 4z',
  backspace: 'M22 3H7c-.7 0-1.2.4-1.6.9L0 12l5.4 8.1c.4.5.9.9 1.6.9h15a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm-3 12.6L17.6 17 14 13.4 10.4 17 9 15.6 12.6 12 9 8.4 10.4 7 14 10.6 17.6 7 19 8.4 15.4 12z',
  person: 'M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-5 0-9 2.5-9 6v2h18v-2c0-3.5-4-6-9-6z',
  star: 'M12 17.3l6.2 3.7-1.6-7L22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7z',
  starOutline: 'M22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7 6.2-3.7 6.2 3.7-1.6-7zm-10 6.2l-3.8 2.3 1-4.3-3.3-2.9 4.4-.4L12 6.1l1.7 4 4.4.4-3.3 2.9 1 4.3z',
  list: 'M3 5h2v2H3zm4 0h14v2H7zM3 11h2v2H3zm4 0h14v2H7zm-4 6h2v2H3zm4 0h14v2H7z',
  clock: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 10.4V6h-2v7.4l5 3 1-1.7z',
  logout: 'M10 17l1.4 1.4L17.8 12l-6.4-6.4L10 7l4 4H2v2h12zM20 3h-8v2h8v14h-8v2h8a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2z',
  storage: 'M4 4h16v5H4zm0 6h16v5H4zm0 6h16v4H4zM6 6v1h2V6zm0 6v1h2v-1zm0 6v1h2v-1z',
  pause: 'M6 4h4v16H6zm8 0h4v16h-4z',
  next: 'M9 5l7 7-7 7-1.5-1.5 5.5-5.5-5.5-5.5z',
  play: 'M7 4v16l13-8z',
  more: 'M5 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm7 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm7 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
  sync: 'M12 4V1L8 5l4 4V6a6 6 0 0 1 5.7 7.9l1.5 1.5A8 8 0 0 0 12 4zm0 14a6 6 0 0 1-5.7-7.9L4.8 8.6A8 8 0 0 0 12 20v3l4-4-4-4z',
  party: 'M2 22l5-14 9 9zm9-17l1-3 1 3 3 1-3 1-1 3-1-3-3-1zm7 5l.7-2 .7 2 2 .7-2 .7-.7 2-.7-2-2-.7z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 24, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg className={className} width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
