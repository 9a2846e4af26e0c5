import type { QualificationFile } from './qualificationSchema';

/** The illustrative fragment from DESIGN.md §3: invented codes and crebo, so always "voorbeeld". */
export const EXAMPLE_QUALIFICATION: QualificationFile = {
  crebo: '99998',
  title: 'Machinaal houtbewerker',
  niveau: 2,
  version: '2017-08-01',
  example: true,
  parts: [
    {
      code: 'B1',
      kind: 'basis',
      title: 'Basisdeel houtbewerking',
      kerntaken: [
        {
          code: 'B1-K1',
          title: 'Produceren, controleren en optimaliseren',
          werkprocessen: [
            { code: 'B1-K1-W1', title: 'Productie voorbereiden', description: 'Leest de werkopdracht, zet materiaal en gereedschap klaar en stelt de machine in.' },
            { code: 'B1-K1-W2', title: 'Starten en bedienen van de apparatuur', description: 'Start de machine veilig, voert de eerste stukken in en bedient de machine tijdens de productie.' },
            { code: 'B1-K1-W3', title: 'Procesverloop bewaken', description: 'Let tijdens de productie op maat, kwaliteit en storingen en grijpt in als het nodig is.' },
            { code: 'B1-K1-W4', title: 'Afronden van het (deel)productieproces', description: 'Zet de machine stil, ruimt de werkplek op en meldt wat er gemaakt is.' },
            { code: 'B1-K1-W5', title: 'Uitvoeren van kwaliteitscontroles', description: 'Meet en bekijkt de producten, vergelijkt ze met de tekening en legt de uitkomst vast.' },
            { code: 'B1-K1-W6', title: 'Onderhoud van apparatuur', description: 'Maakt de machine schoon, vervangt onderdelen die slijten en meldt gebreken.' },
          ],
        },
      ],
    },
  ],
};
