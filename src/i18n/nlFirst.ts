import type { Message } from './plural';

/**
 * The Dutch messages of what the first paint shows: the frame (header, menus, banners), the
 * matrix, and the rules and checks the first bundle holds. Only these are in the first bundle;
 * the whole catalog (nl.ts, which begins with these) loads once the first screen is there, or
 * before any other screen or dialog opens. src/i18n/firstMessages.test.ts says which keys must
 * be here: those the first bundle's code names. Same rules as nl.ts (B1, "je").
 */
export const nlFirst = {
  'app.name': 'Vaardig',
  'app.tagline': 'Wie kan wat op de werkvloer',
  'app.loading': 'Even geduld…',
  'app.skipToContent': 'Naar de inhoud',

  'nav.label': 'Hoofdmenu',
  'nav.matrix': 'Matrix',
  'nav.people': 'Mensen',
  'nav.skills': 'Vaardigheden',
  'nav.settings': 'Instellingen',
  'nav.wallOn': 'Wandmodus',
  'nav.wallOff': 'Wandmodus uit',
  'nav.language': 'Taal',
  'nav.more': 'Meer',
  'nav.waiting': { one: '1 wacht op jou', other: '{count} wachten op jou' },

  'level.none.label': 'nog niet',
  'level.learning.label': 'leert het',
  'level.withHelp.label': 'kan het met hulp',
  'level.independent.label': 'kan het zelfstandig',
  'level.teaches.label': 'kan het anderen leren',
  'level.named': '{label} ({letter})',
  'level.choice': '{letter} — {label}',

  'status.claimed': 'zelf aangegeven, nog niet bevestigd',
  'status.confirmed': 'bevestigd',
  'status.expired': 'bevestigd, maar verlopen',

  'demo.banner': 'Dit is een voorbeeld-werkplaats. Probeer alles uit: het is niet echt.',
  'demo.bannerShort': 'Voorbeeld, niet echt.',
  'demo.bannerLabel': 'Voorbeeld',
  'demo.remove': 'Voorbeeld weghalen',
  'demo.startEmpty': 'Leeg beginnen',
  'demo.confirmRemove': 'Het voorbeeld weghalen? Wat je zelf hebt toegevoegd, blijft staan.',
  'demo.confirmEmpty': 'Alles wissen en leeg beginnen? Dit kun je niet terugdraaien.',

  'matrix.title': 'Vaardighedenmatrix',
  'matrix.gridLabel': 'Vaardighedenmatrix: medewerkers en wat ze kunnen',
  'matrix.filterTeam': 'Team',
  'matrix.filterStation': 'Station',
  'matrix.allTeams': 'Alle teams',
  'matrix.allStations': 'Alle stations',
  'matrix.worker': 'Medewerker',
  'matrix.coverage': 'Kunnen het',
  'matrix.capableCount': '{count} zelfstandig',
  'matrix.capableCountLabel': { one: '{name}: kan 1 vaardigheid zelfstandig', other: '{name}: kan {count} vaardigheden zelfstandig' },
  'matrix.cellLabel': '{worker}, {skill}: {level}, {status}',
  'matrix.cellEmptyLabel': '{worker}, {skill}: {level}',
  'matrix.coverageLabel': '{skill}: {capable}/{target}. Zelfstandig: {capable}, nodig: {target}. {status}',
  'matrix.emptyTitle': 'Nog geen matrix',
  'matrix.emptyNoPeople': 'Voeg eerst mensen toe.',
  'matrix.emptyNoSkills': 'Voeg eerst vaardigheden toe.',
  'matrix.emptyFiltered': 'Niemand in dit team.',
  'matrix.summary': '{people}, {skills}',
  'matrix.keyboardHelp': 'Pijltjestoetsen om te bewegen, Enter om te kiezen.',

  'coverage.nobody': 'Niemand kan het',
  'coverage.singlePoint': 'Maar 1 persoon',
  'coverage.gap': 'Te weinig mensen',
  'coverage.ok': 'Genoeg mensen',
  'coverage.noTeacher': 'Niemand kan het anderen leren',
  'coverage.claimedWaiting': { one: '1 wacht op bevestiging', other: '{count} wachten op bevestiging' },

  'attention.button': 'Aandachtspunten',
  'attention.title': 'Waar zijn te weinig mensen voor?',
  'attention.none': 'Alles is goed gedekt.',
  'attention.count': 'Zelfstandig: {capable}, nodig: {target}',
  'attention.plan': 'Plan iemand in',
  'attention.planFor': 'Plan iemand in voor {skill}',

  'legend.title': 'Uitleg',
  'legend.claimed': 'Stippellijn: zelf aangegeven',
  'legend.confirmed': 'Dichte rand: bevestigd',

  'people.membersCount': { one: '1 persoon', other: '{count} mensen' },
  'people.former': 'Oud-medewerker',
  'people.nameComing': '(naam komt nog)',

  'skills.skillCount': { one: '1 vaardigheid', other: '{count} vaardigheden' },

  'action.close': 'Sluiten',
  'action.yes': 'Ja',
  'action.no': 'Nee',

  'pwa.updateReady': 'Er is een nieuwe versie van Vaardig.',
  'pwa.updateNow': 'Nu bijwerken',
  'pwa.updateLater': 'Later',
  'pwa.offlineReady': 'Vaardig werkt nu ook zonder internet.',

  'error.required': 'Vul dit in.',
  'error.tooLong': 'Dit is te lang (hoogstens {max} tekens).',
  'error.number': 'Vul een getal in.',
  'error.wholeNumber': 'Vul een heel getal in.',
  'error.targetRange': 'Kies een getal van 1 tot 50.',
  'error.validityRange': 'Kies een getal van 1 tot 240, of laat het leeg.',
  'error.invalid': 'Dit klopt niet.',
  'error.startFailed': 'Vaardig kan de opslag van deze browser niet openen. Staat privé-browsen aan? Probeer een gewoon venster.',

  'nav.mine': 'Mijn vaardigheden',
  'nav.confirm': 'Bevestigen',
  'nav.audit': 'Logboek',

  'demo.lead': 'Teamleider: {name}, pincode {pin}.',

  'kiosk.signIn': 'Aanmelden',
  'kiosk.signOut': 'Afmelden',
  'kiosk.signedInAs': 'Aangemeld als',
  'kiosk.idleWarning': { one: 'Je wordt over 1 seconde afgemeld.', other: 'Je wordt over {count} seconden afgemeld.' },
  'kiosk.stay': 'Ik ben er nog',
  'kiosk.leadOnly': 'Dit is voor de teamleider. Meld je aan als teamleider.',

  'error.signInFirst': 'Meld je eerst aan.',
  'error.confirmOwn': 'Je kunt niet je eigen niveau bevestigen. Vraag een collega of de teamleider.',
  'error.notQualified': 'Alleen de teamleider of iemand die dit anderen kan leren (O) mag dit bevestigen.',
  'error.date': 'Vul een datum in.',

  'nav.board': 'Wie leert wat',
  'nav.plan': 'Plan de week',
  'nav.overview': 'Overzicht',

  'instruction.saved': 'Werkinstructie opgeslagen (versie {version})',
  'instruction.error.noSteps': 'Een werkinstructie heeft minstens één stap.',
  'instruction.error.tooManySteps': 'Een werkinstructie heeft hoogstens {max} stappen. Maak er minder, grotere stappen van.',

  'error.minutesRange': 'Kies een getal van 1 tot 600.',

  'nav.data': 'Gegevens',

  'data.print': 'Afdrukken op A3',

  'backup.title': 'Reservekopie',
  'backup.never': 'Er is nog nooit een reservekopie gemaakt.',
  'backup.make': 'Reservekopie maken',
  'backup.old': 'De laatste reservekopie is meer dan 30 dagen oud.',

  'nav.qualifications': 'Certificaten',

  'qualification.version': 'versie {version}',
  'qualification.imported': 'Kwalificatie ingelezen',
  'qualification.required': 'Dit mag niet leeg zijn.',
  'qualification.tooLong': 'Dit is te lang.',
  'qualification.crebo': 'Een crebonummer heeft 5 cijfers.',
  'qualification.partCode': 'Een deel heet B1, P1, P2 …',
  'qualification.kind': 'Soort is "basis" of "profiel".',
  'qualification.kerntaakCode': 'Een kerntaak heet bijvoorbeeld B1-K1.',
  'qualification.werkprocesCode': 'Een werkproces heet bijvoorbeeld B1-K1-W1.',
  'qualification.noParts': 'Er staan geen delen in.',
  'qualification.noKerntaken': 'Een deel heeft geen kerntaken.',
  'qualification.noWerkprocessen': 'Er staan geen werkprocessen in.',
  'qualification.codesNested': 'De code {code} past niet bij de code erboven (B1-K1-W1 hoort bij B1-K1 en B1).',
  'qualification.duplicateCode': 'Werkproces {code} staat er twee keer in.',

  'mapping.approved': 'goedgekeurd',

  'consent.given': 'Toestemming gegeven',
  'consent.withdrawn': 'Toestemming ingetrokken',

  'device.enrolled': 'Het apparaat doet nu mee.',

  'qualification.tooBig': 'Dit bestand is te groot voor één kwalificatie: hoogstens {max} werkprocessen, en alle tekst samen hoogstens {kb} kB. Er is niets ingelezen.',
  'qualification.niveauRange': 'Het niveau is 1, 2, 3 of 4.',

  'nav.manage': 'Beheer',

  'manage.planHint': 'Wie leert wat van wie, deze week',
  'manage.overviewHint': 'Uren coaching en dekking in de tijd',
  'manage.peopleHint': 'Mensen, teams, rollen, pincodes',
  'manage.skillsHint': 'Stations, vaardigheden, doelen',
  'manage.qualificationsHint': 'MBO-werkprocessen, bewijs, fondsrapport',
  'manage.dataHint': 'Excel inlezen, uitvoeren, afdrukken, reservekopie',
  'manage.auditHint': 'Elke wijziging: wie, wat, wanneer',
} satisfies Record<string, Message>;
