/**
 * The demo workshop's team lead (domain/demo.ts): the demo banner names them and their PIN,
 * so they are in the first bundle without the rest of the demo.
 */
export const DEMO_LEAD = { name: 'Kees Veerman', pin: '1234' } as const;
