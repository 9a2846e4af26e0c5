/**
 * The demo's work instructions: three skills taught in small steps, each step with a simple
 * drawing made for the demo (SVG, drawn here; the app turns each into a JPEG photo when the
 * demo is installed, see app/demoInstructions). No words in the drawings: they serve every language.
 */
export interface DemoStep {
  title: string;
  keyPoints: string;
  reasons: string;
  drawing: string;
}

const W = 400;
const H = 300;
const WOOD = '#d6a25c';
const GRAIN = '#a8742f';
const STEEL = '#6b7280';
const ACCENT = '#1d4ed8';
const OK = '#15803d';
const WARN = '#b91c1c';

const svg = (...parts: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W * 2}" height="${H * 2}"><rect width="${W}" height="${H}" fill="#f8fafc"/>${parts.join('')}</svg>`;
const beam = (x: number, y: number, w: number, h: number) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="${WOOD}" stroke="${GRAIN}" stroke-width="3"/><path d="M${x + 10} ${y + h / 3}h${w - 20}M${x + 20} ${y + (2 * h) / 3}h${w - 40}" stroke="${GRAIN}" stroke-width="2" fill="none"/>`;
const tape = (x: number, y: number, w: number) =>
  `<rect x="${x}" y="${y}" width="${w}" height="14" fill="#facc15" stroke="#a16207" stroke-width="2"/>${Array.from({ length: Math.floor(w / 20) }, (_, i) => `<path d="M${x + 10 + i * 20} ${y}v${i % 5 === 0 ? 10 : 6}" stroke="#422006" stroke-width="2"/>`).join('')}`;
const arrow = (x1: number, y1: number, x2: number, y2: number, colour = ACCENT) => {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const head = (a: number) => `${x2 - 16 * Math.cos(angle + a)} ${y2 - 16 * Math.sin(angle + a)}`;
  return `<path d="M${x1} ${y1}L${x2} ${y2}" stroke="${colour}" stroke-width="6" stroke-linecap="round"/><path d="M${head(0.5)}L${x2} ${y2}L${head(-0.5)}" stroke="${colour}" stroke-width="6" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
};
const mark = (x: number, y: number, h: number) => `<path d="M${x} ${y}v${h}" stroke="${WARN}" stroke-width="4" stroke-dasharray="8 5"/>`;
const check = (x: number, y: number) =>
  `<circle cx="${x}" cy="${y}" r="28" fill="${OK}"/><path d="M${x - 13} ${y}l9 10 17-20" stroke="#fff" stroke-width="7" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
const blade = (x: number, y: number, r: number) =>
  `<circle cx="${x}" cy="${y}" r="${r}" fill="#d1d5db" stroke="${STEEL}" stroke-width="4"/>${Array.from({ length: 16 }, (_, i) => {
    const a = (i / 16) * 2 * Math.PI;
    return `<path d="M${x + r * Math.cos(a)} ${y + r * Math.sin(a)}L${x + (r + 10) * Math.cos(a + 0.1)} ${y + (r + 10) * Math.sin(a + 0.1)}" stroke="${STEEL}" stroke-width="4"/>`;
  }).join('')}<circle cx="${x}" cy="${y}" r="8" fill="${STEEL}"/>`;
const pencil = (x: number, y: number) =>
  `<g transform="rotate(35 ${x} ${y})"><rect x="${x - 6}" y="${y - 90}" width="12" height="80" fill="#f59e0b" stroke="#78350f" stroke-width="2"/><path d="M${x - 6} ${y - 10}L${x} ${y + 6}L${x + 6} ${y - 10}z" fill="#fde68a" stroke="#78350f" stroke-width="2"/></g>`;
const fence = (x: number, y: number, h: number) => `<rect x="${x}" y="${y}" width="16" height="${h}" fill="${STEEL}"/>`;
const table = (y: number) => `<rect x="20" y="${y}" width="360" height="20" fill="#9ca3af"/><path d="M50 ${y + 20}v60M350 ${y + 20}v60" stroke="#4b5563" stroke-width="8"/>`;
const glue = (x: number, y: number) =>
  `<g transform="rotate(-30 ${x} ${y})"><rect x="${x - 18}" y="${y - 70}" width="36" height="60" rx="6" fill="#f8fafc" stroke="${ACCENT}" stroke-width="4"/><path d="M${x - 6} ${y - 10}h12l-6 16z" fill="${ACCENT}"/></g>`;
const clamp = (x: number, y: number, h: number) =>
  `<path d="M${x} ${y - 20}h40v${h + 40}h-40" stroke="${STEEL}" stroke-width="10" fill="none" stroke-linejoin="round"/><path d="M${x + 20} ${y + h + 20}v-16" stroke="${ACCENT}" stroke-width="10"/><rect x="${x + 4}" y="${y + h + 24}" width="32" height="10" fill="${ACCENT}"/>`;

export const DEMO_INSTRUCTIONS: readonly { skill: string; steps: DemoStep[] }[] = [
  {
    skill: 'Afkorten',
    steps: [
      {
        title: 'Meet en zet een streep',
        keyPoints: 'Meet vanaf het rechte eind. Zet een scherpe streep met een potlood.',
        reasons: 'Een dikke streep geeft een millimeter verschil.',
        drawing: svg(beam(30, 150, 340, 60), tape(30, 120, 250), mark(280, 100, 130), pencil(280, 150)),
      },
      {
        title: 'Leg de balk tegen de aanslag',
        keyPoints: 'Balk plat op de tafel en helemaal tegen de aanslag. Houd je handen ver van het zaagblad.',
        reasons: 'Een balk die beweegt, zaagt scheef en kan terugslaan.',
        drawing: svg(table(210), fence(40, 130, 80), beam(56, 150, 300, 60), arrow(360, 110, 300, 150)),
      },
      {
        title: 'Zaag in één rustige beweging',
        keyPoints: 'Laat de zaag eerst op toeren komen. Zaag rechts naast de streep.',
        reasons: 'Zo blijft de maat goed en de zaagsnede schoon.',
        drawing: svg(table(210), beam(40, 150, 320, 60), mark(250, 120, 110), blade(270, 90, 55), arrow(340, 40, 320, 110)),
      },
      {
        title: 'Controleer de lengte',
        keyPoints: 'Meet het stuk na. Klopt de maat niet: meld het, en zaag niet verder.',
        reasons: 'Een fout die je nu ziet, kost geen hele serie.',
        drawing: svg(beam(30, 150, 260, 60), tape(30, 120, 260), check(340, 90)),
      },
    ],
  },
  {
    skill: 'Maatvoering meten',
    steps: [
      {
        title: 'Zet de duimstok recht',
        keyPoints: 'Leg de duimstok plat en recht langs het werkstuk.',
        reasons: 'Schuin meten geeft een te lange maat.',
        drawing: svg(beam(30, 150, 340, 60), tape(30, 130, 340), arrow(200, 60, 200, 120)),
      },
      {
        title: 'Lees recht van boven af',
        keyPoints: 'Kijk recht van boven op de maat, niet van opzij.',
        reasons: 'Van opzij lees je er makkelijk een millimeter naast.',
        drawing: svg(
          tape(60, 200, 280),
          `<circle cx="200" cy="70" r="30" fill="#fff" stroke="${ACCENT}" stroke-width="5"/><circle cx="200" cy="70" r="10" fill="${ACCENT}"/>`,
          arrow(200, 110, 200, 190),
        ),
      },
      {
        title: 'Schrijf de maat op',
        keyPoints: 'Noteer de maat meteen op de werkbon.',
        reasons: 'Zo hoef je niet te onthouden en niet opnieuw te meten.',
        drawing: svg(
          `<rect x="110" y="50" width="180" height="220" rx="8" fill="#fff" stroke="${STEEL}" stroke-width="4"/>`,
          `<path d="M140 100h120M140 140h120M140 180h80" stroke="#9ca3af" stroke-width="6"/>`,
          pencil(260, 200),
        ),
      },
    ],
  },
  {
    skill: 'Verlijmen',
    steps: [
      {
        title: 'Smeer een dunne, gelijke laag lijm',
        keyPoints: 'Op één kant, van rand tot rand. Niet te dik.',
        reasons: 'Te veel lijm loopt eruit, te weinig houdt niet.',
        drawing: svg(beam(40, 170, 320, 50), `<path d="M60 165h280" stroke="#e0f2fe" stroke-width="10"/>`, glue(250, 150)),
      },
      {
        title: 'Zet de delen op elkaar en klem ze',
        keyPoints: 'Lijn de randen uit. Klem om de 30 centimeter.',
        reasons: 'Gelijke druk geeft een sterke, dichte naad.',
        drawing: svg(beam(40, 130, 320, 45), beam(40, 175, 320, 45), clamp(100, 130, 90), clamp(260, 130, 90)),
      },
      {
        title: 'Veeg de lijm weg en laat drogen',
        keyPoints: 'Veeg uitgelopen lijm meteen weg. Laat de klemmen er een uur op.',
        reasons: 'Droge lijm is lastig te schuren en geeft vlekken.',
        drawing: svg(
          beam(40, 130, 320, 45),
          beam(40, 175, 320, 45),
          clamp(180, 130, 90),
          `<circle cx="330" cy="70" r="40" fill="#fff" stroke="${STEEL}" stroke-width="5"/><path d="M330 70v-25M330 70h18" stroke="${STEEL}" stroke-width="5" stroke-linecap="round"/>`,
        ),
      },
    ],
  },
];
