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
            { code: 'B1-K1-W1', title: 'Productie voorbereiden', description: '' },
            { code: 'B1-K1-W2', title: 'Starten en bedienen van de apparatuur', description: '' },
            { code: 'B1-K1-W3', title: 'Procesverloop bewaken', description: '' },
            { code: 'B1-K1-W4', title: 'Afronden van het (deel)productieproces', description: '' },
            { code: 'B1-K1-W5', title: 'Uitvoeren van kwaliteitscontroles', description: '' },
            { code: 'B1-K1-W6', title: 'Onderhoud van apparatuur', description: '' },
          ],
        },
      ],
    },
  ],
};
