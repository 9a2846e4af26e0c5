import { DEMO_LEAD } from './demoLead';
import type { LevelCode, LevelStatus } from './levels';

/**
 * The demo workshop: a joinery modelled on the Veerman example (DESIGN §1). Levels are
 * written one character per skill: upper case = confirmed, lower case = the worker's own
 * claim, '-' = not yet. It is built so the matrix shows something to act on: gaps, one
 * single point of failure (Fineren) and one skill nobody can teach (CNC: frezen instellen).
 * The table is the matrix at install; how it got there is planned in demoHistory.ts.
 */
export interface DemoWorkshop {
  company: string;
  /** Skills (by name) mapped onto the example qualification's werkprocessen, approved by the lead. */
  mappings: { werkproces: string; skill: string; coverage: 'full' | 'partial' }[];
  /** The team whose members work toward the example qualification. */
  qualificationTeam: string;
  /** The team lead: one of the workers, signed in with this PIN (shown in the demo banner). */
  lead: { name: string; pin: string };
  /** Peer coaches, with the date they were trained to teach colleagues. */
  coaches: { name: string; since: string }[];
  teams: { key: string; name: string }[];
  stations: { key: string; name: string; skills: { key: string; name: string; description: string; target?: number; validityMonths?: number }[] }[];
  workers: { name: string; team: string; levels: string }[];
}

export const DEMO_WORKSHOP: DemoWorkshop = {
  company: 'Timmerfabriek Veerman (voorbeeld)',
  mappings: [
    { werkproces: 'B1-K1-W1', skill: 'Maatvoering meten', coverage: 'full' },
    { werkproces: 'B1-K1-W2', skill: 'Afkorten', coverage: 'full' },
    { werkproces: 'B1-K1-W2', skill: 'Lengtezagen', coverage: 'full' },
    { werkproces: 'B1-K1-W3', skill: 'Afwijkingen melden', coverage: 'partial' },
    { werkproces: 'B1-K1-W3', skill: 'Vlakken en vandikte', coverage: 'full' },
    { werkproces: 'B1-K1-W4', skill: 'Verlijmen', coverage: 'full' },
    { werkproces: 'B1-K1-W5', skill: 'Eindcontrole', coverage: 'full' },
    { werkproces: 'B1-K1-W6', skill: 'Gereedschap wisselen', coverage: 'full' },
  ],
  qualificationTeam: 'machinaal',
  lead: DEMO_LEAD,
  coaches: [
    { name: 'Fatima El Amrani', since: '2025-03-12' },
    { name: 'Piotr Nowak', since: '2025-03-12' },
    { name: 'Lotte Jansen', since: '2025-09-30' },
    { name: 'Ruud Visser', since: '2025-09-30' },
  ],
  teams: [
    { key: 'machinaal', name: 'Machinale afdeling' },
    { key: 'montage', name: 'Montage & afwerking' },
  ],
  stations: [
    {
      key: 'zagen',
      name: 'Zagen',
      skills: [
        { key: 'afkorten', name: 'Afkorten', description: 'Balken op lengte zagen met de afkortzaag.' },
        { key: 'lengtezagen', name: 'Lengtezagen', description: 'Delen in de lengte zagen op de cirkelzaag.' },
        { key: 'formaatzagen', name: 'Formaatzagen', description: 'Platen op maat zagen met de formaatzaag.' },
      ],
    },
    {
      key: 'schaven',
      name: 'Schaven',
      skills: [
        { key: 'vlakken', name: 'Vlakken en vandikte', description: 'Hout vlak en op dikte schaven.' },
        { key: 'profiel', name: 'Profielschaven', description: 'Profielen maken op de vierzijdige schaafbank.' },
        { key: 'schuren', name: 'Breedbandschuren', description: 'Delen schuren op de breedbandschuurmachine.' },
      ],
    },
    {
      key: 'cnc',
      name: 'CNC',
      skills: [
        { key: 'cnc-laden', name: 'Programma laden', description: 'Een CNC-programma kiezen, laden en starten.' },
        { key: 'cnc-instellen', name: 'Frezen instellen', description: 'De CNC-freesmachine instellen voor een nieuwe order.' },
        { key: 'cnc-gereedschap', name: 'Gereedschap wisselen', description: 'Frezen wisselen en gereedschap meten.' },
      ],
    },
    {
      key: 'lijmen',
      name: 'Lijmen en persen',
      skills: [
        { key: 'verlijmen', name: 'Verlijmen', description: 'Delen lijmen en klemmen.' },
        { key: 'persen', name: 'Persen', description: 'De hydraulische pers bedienen.' },
        { key: 'fineren', name: 'Fineren', description: 'Fineer opbrengen en persen.', target: 2 },
      ],
    },
    {
      key: 'montage',
      name: 'Montage',
      skills: [
        { key: 'kozijnen', name: 'Kozijnen monteren', description: 'Kozijnen in elkaar zetten.' },
        { key: 'deuren', name: 'Deuren afhangen', description: 'Deuren passend maken en afhangen.' },
        { key: 'beslag', name: 'Hang- en sluitwerk', description: 'Scharnieren en sloten monteren.' },
      ],
    },
    {
      key: 'spuiten',
      name: 'Afwerken en spuiten',
      skills: [
        { key: 'grondverf', name: 'Grondverf spuiten', description: 'Grondverf spuiten in de spuitcabine.' },
        { key: 'aflakken', name: 'Aflakken', description: 'De laklaag spuiten.' },
        { key: 'cabine', name: 'Spuitcabine onderhouden', description: 'Filters wisselen en de cabine schoonmaken.', target: 2 },
      ],
    },
    {
      key: 'kwaliteit',
      name: 'Kwaliteitscontrole',
      skills: [
        { key: 'meten', name: 'Maatvoering meten', description: 'Maten controleren met rolmaat en schuifmaat.' },
        { key: 'eindcontrole', name: 'Eindcontrole', description: 'Een product controleren voor het de deur uit gaat.' },
        { key: 'afwijkingen', name: 'Afwijkingen melden', description: 'Fouten vastleggen en doorgeven.' },
      ],
    },
    {
      key: 'heftruck',
      name: 'Heftruck',
      skills: [
        { key: 'heftruck-rijden', name: 'Heftruck rijden', description: 'Veilig rijden met de heftruck (certificaat).', validityMonths: 60 },
        { key: 'laden', name: 'Laden en lossen', description: 'Vrachtwagens laden en lossen.' },
        { key: 'stapelen', name: 'Pallets stapelen', description: 'Pallets stapelen en zekeren.' },
      ],
    },
  ],
  //                                             zag sch cnc lij mon spu kwa hef
  workers: [
    { name: 'Jan de Vries', team: 'machinaal', levels: 'OUU UOL UUI UL- --- --- UU- ULL' },
    { name: 'Fatima El Amrani', team: 'machinaal', levels: 'UUL OUU OUL LUI --- --- UUU --I' },
    { name: 'Piotr Nowak', team: 'machinaal', levels: 'UOU ULU UUO -L- --- --- LUL UUU' },
    { name: 'Sanne Bakker', team: 'machinaal', levels: 'LIL ULU LIL ULL --- --- UOU ---' },
    { name: 'Mehmet Yılmaz', team: 'machinaal', levels: 'UUU UUL ULU LL- --- --- UL- OOU' },
    { name: 'Kees Veerman', team: 'machinaal', levels: 'OOO OOO OLU OOO UUL --- OUO ULU' },
    { name: 'Ioana Popescu', team: 'machinaal', levels: 'ILL LIu uIL --l --- --- LLI --I' },
    { name: 'Ahmed Benali', team: 'montage', levels: 'L-- --- --- U-- OUU UL- UUU U--' },
    { name: 'Lotte Jansen', team: 'montage', levels: '--- --- --- L-- UOU OOU OUU ---' },
    { name: 'Tomasz Kowalski', team: 'montage', levels: 'U-- L-- --- U-- UUO LLL UUL UUO' },
    { name: 'Ruud Visser', team: 'montage', levels: '--- --- --- --- ULU UUO ULU OUU' },
    { name: 'Emma de Boer', team: 'montage', levels: '--- --- --- I-- LIL LIu LU- ---' },
    { name: 'Daan Smit', team: 'montage', levels: 'I-- --- --- L-- UUL UL- UUL uL-' },
    { name: 'Youssef Haddad', team: 'montage', levels: '--- --- --- --- LLU IL- LLI UUL' },
  ],
};

/** Decodes one level character of the demo table. */
export function decodeDemoLevel(ch: string): { level: LevelCode; status: LevelStatus } | null {
  if (ch === '-') return null;
  const upper = ch.toUpperCase() as LevelCode;
  return { level: upper, status: ch === upper ? 'confirmed' : 'claimed' };
}

export function demoLevelChars(levels: string): string[] {
  return levels.replace(/\s+/g, '').split('');
}
