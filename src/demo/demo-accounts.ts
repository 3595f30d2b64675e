/** The demo accounts of shared/spec/demo-data.md, as data. Every PZ password is DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'Demo-2026!';
export const DEMO_LEGACY_PASSWORD = 'Ssoz1-Demo!';

export interface DemoPerson {
  login: string;
  firstName: string;
  lastName: string;
  pesel: string;
  phone: string;
  /** activated UEOZ account with a verified e-mail <login>@example.pl */
  activated: boolean;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { login: 'anna.nowak', firstName: 'Anna', lastName: 'Nowak', pesel: '85031401244', phone: '+48 600 100 200', activated: false },
  { login: 'piotr.zielinski', firstName: 'Piotr', lastName: 'Zieliński', pesel: '78110507838', phone: '+48 600 100 201', activated: false },
  { login: 'jan.kowalski', firstName: 'Jan', lastName: 'Kowalski', pesel: '65022802359', phone: '+48 600 100 202', activated: true },
  { login: 'maria.wisniewska', firstName: 'Maria', lastName: 'Wiśniewska', pesel: '88121205667', phone: '+48 600 100 203', activated: true },
  { login: 'tomasz.lewandowski', firstName: 'Tomasz', lastName: 'Lewandowski', pesel: '77041506716', phone: '+48 600 100 204', activated: true },
  { login: 'ewa.kaminska', firstName: 'Ewa', lastName: 'Kamińska', pesel: '92090903482', phone: '+48 600 100 205', activated: true },
  { login: 'katarzyna.dabrowska', firstName: 'Katarzyna', lastName: 'Dąbrowska', pesel: '83010190220', phone: '+48 600 100 206', activated: true },
  // reporting (issue 10): a filler whose unit's current-year ankieta is unanswered, and the voivodeship office's verifier
  { login: 'robert.szymanski', firstName: 'Robert', lastName: 'Szymański', pesel: '82061403514', phone: '+48 600 100 207', activated: true },
  { login: 'zofia.nowicka', firstName: 'Zofia', lastName: 'Nowicka', pesel: '79032204623', phone: '+48 600 100 208', activated: true },
];

/** ePŁOZ accounts that the first-login migration finds. */
export const DEMO_EPLOZ = [{ pesel: '78110507838', login: 'pzielinski', email: 'piotr.zielinski@example.pl' }] as const;

export interface DemoRequest {
  number: string;
  roleCode: string;
  status: 'zatwierdzony' | 'oczekujacy';
  /** ISO date of submission (and of approval for approved ones) */
  date: string;
}

export interface DemoProfile {
  login: string;
  unitKey: string;
  requests: readonly DemoRequest[];
}

/** Profiles and requests; numbers from the manual and demo-data.md. */
export const DEMO_PROFILES: readonly DemoProfile[] = [
  { login: 'jan.kowalski', unitKey: 'cez', requests: [{ number: 'U000101/2023', roleCode: 'ADMIN_CEZ', status: 'zatwierdzony', date: '2023-10-02' }] },
  {
    login: 'maria.wisniewska',
    unitKey: 'starostwo-aleksandrow-kujawski',
    requests: [
      { number: 'U000573/2023', roleCode: 'WYP_NIEFIN', status: 'zatwierdzony', date: '2023-11-28' },
      { number: 'U000574/2023', roleCode: 'WYP_FIN', status: 'zatwierdzony', date: '2023-11-28' },
    ],
  },
  { login: 'maria.wisniewska', unitKey: 'cez', requests: [{ number: 'U000575/2023', roleCode: 'PRACOWNIK_CEZ', status: 'zatwierdzony', date: '2023-11-28' }] },
  {
    login: 'maria.wisniewska',
    unitKey: 'k-dent',
    requests: [
      { number: 'U000593/2023', roleCode: 'WYP_NIEFIN', status: 'oczekujacy', date: '2023-11-29' },
      { number: 'U000594/2023', roleCode: 'WYP_FIN', status: 'oczekujacy', date: '2023-11-29' },
    ],
  },
  { login: 'tomasz.lewandowski', unitKey: 'uw-04', requests: [{ number: 'U000102/2023', roleCode: 'ADMIN_UW', status: 'zatwierdzony', date: '2023-10-02' }] },
  { login: 'ewa.kaminska', unitKey: 'wsse-gdansk', requests: [{ number: 'U006653/2024', roleCode: 'NADZ_FIN', status: 'zatwierdzony', date: '2024-05-09' }] },
  { login: 'katarzyna.dabrowska', unitKey: 'ipin', requests: [{ number: 'U000103/2023', roleCode: 'ADMIN_IPIN', status: 'zatwierdzony', date: '2023-10-02' }] },
  {
    login: 'robert.szymanski',
    unitKey: 'przychodnia-torun',
    requests: [{ number: 'U000576/2023', roleCode: 'WYP_NIEFIN', status: 'zatwierdzony', date: '2023-11-28' }],
  },
  { login: 'zofia.nowicka', unitKey: 'uw-04', requests: [{ number: 'U000577/2023', roleCode: 'NADZ_NIEFIN', status: 'zatwierdzony', date: '2023-11-28' }] },
];

export const DEMO_LEGACY_ACCOUNTS = [
  {
    login: 'goz.piotrowice',
    unitKey: 'goz-piotrowice',
    legacyRoles: [
      'Administrator jednostki sprawozdawczej',
      'Autor sprawozdań finansowych jednostki sprawozdawczej',
      'Obserwator sprawozdań standardowych jednostki sprawozdawczej',
    ],
    createdOn: '2019-03-01',
  },
  {
    login: 'stare.konto',
    unitKey: 'ani-med',
    legacyRoles: ['Autor sprawozdań standardowych jednostki sprawozdawczej'],
    createdOn: '2009-01-01',
  },
] as const;

export const DEMO_ANNOUNCEMENT = {
  title: 'Instancja demonstracyjna SSOZ II',
  body:
    'To jest instancja demonstracyjna Systemu Statystyki w Ochronie Zdrowia. Wszystkie dane są fikcyjne, ' +
    'a wiadomości e-mail i SMS trafiają do skrzynki demonstracyjnej pod adresem /dev/poczta.',
  publishedAt: '2026-11-02T08:00:00Z',
} as const;

/**
 * Pending requests waiting for the verifiers, so that every administrator has a queue on first start
 * ("Zarządzanie → Wnioski o role"). The applicants are portal users only (no Profil Zaufany account:
 * nobody signs in as them). Dates are days before the seeding; past REQUEST_DECISION_DAYS (14 by
 * default) a request is overdue ("eskalowany"). The signed application is a safe file (the seed writes
 * the clean attachment row; demo/demo-files.ts writes its bytes to storage at start), "sent by post"
 * (reminder opt-out: the verifier confirms the paper copy when approving), or missing.
 */
export interface DemoQueueRequest {
  key: string;
  /** `pesel`: fictitious, with a valid checksum and a birth date and sex that fit the name (masked for verifiers, in full for Administrator CeZ) */
  applicant: { login: string; firstName: string; lastName: string; phone: string; pesel: string };
  /** a named unit, or the n-th generated unit of a kind in a voivodeship (by key: deterministic); `addiction`: an addiction-care unit */
  unit: { key: string } | { kindCode: string; voivodeshipCode: string; nth: number; addiction?: boolean };
  roleCode: string;
  daysAgo: number;
  /** the signed application: a safe (scanned, clean) PDF in storage, "sent by post" (reminder opt-out), or missing */
  signed: 'post' | 'missing' | 'file';
}

const applicant = (login: string, firstName: string, lastName: string, n: number, pesel: string) => ({
  login,
  firstName,
  lastName,
  phone: `+48 600 100 3${String(n).padStart(2, '0')}`,
  pesel,
});

export const DEMO_QUEUE: readonly DemoQueueRequest[] = [
  // Administrator UW kujawsko-pomorskie (tomasz.lewandowski): reporting units of the voivodeship
  {
    key: 'uw04-1',
    applicant: applicant('adam.malinowski', 'Adam', 'Malinowski', 1, '80031213738'),
    unit: { kindCode: 'PODM', voivodeshipCode: '04', nth: 0 },
    roleCode: 'WYP_NIEFIN',
    daysAgo: 3,
    signed: 'missing',
  },
  {
    key: 'uw04-2',
    applicant: applicant('beata.krawczyk', 'Beata', 'Krawczyk', 2, '86071917447'),
    unit: { kindCode: 'PODM', voivodeshipCode: '04', nth: 1 },
    roleCode: 'WYP_FIN',
    daysAgo: 6,
    signed: 'post',
  },
  {
    key: 'uw04-3',
    applicant: applicant('cezary.wojcik', 'Cezary', 'Wójcik', 3, '75020421173'),
    unit: { kindCode: 'PODM', voivodeshipCode: '04', nth: 2 },
    roleCode: 'WYP_NIEFIN',
    daysAgo: 24,
    signed: 'post',
  },
  {
    key: 'uw04-4',
    applicant: applicant('dorota.kaczmarek', 'Dorota', 'Kaczmarek', 4, '91082724881'),
    unit: { key: 'starostwo-aleksandrow-kujawski' },
    roleCode: 'WYP_FIN',
    daysAgo: 31,
    signed: 'missing',
  },
  // Administrator IPIN (katarzyna.dabrowska): psychiatric cards, nationwide
  {
    key: 'ipin-1',
    applicant: applicant('edyta.mazur', 'Edyta', 'Mazur', 5, '83061528502'),
    unit: { kindCode: 'PODM', voivodeshipCode: '04', nth: 3 },
    roleCode: 'WYP_KARTY_PSY',
    daysAgo: 2,
    signed: 'post',
  },
  {
    key: 'ipin-2',
    applicant: applicant('filip.pawlak', 'Filip', 'Pawlak', 6, '94110332234'),
    unit: { key: 'pulsantis-max' },
    roleCode: 'WYP_KARTY_PSY',
    daysAgo: 22,
    signed: 'missing',
  },
  // Administrator CeZ (jan.kowalski): a supervising role, and a unit whose Urząd Wojewódzki has no active administrator
  {
    key: 'cez-1',
    applicant: applicant('grazyna.zajac', 'Grażyna', 'Zając', 7, '69093035946'),
    unit: { key: 'wsse-gdansk' },
    roleCode: 'NADZ_NIEFIN',
    daysAgo: 4,
    signed: 'post',
  },
  {
    key: 'cez-2',
    applicant: applicant('henryk.krol', 'Henryk', 'Król', 8, '72051839678'),
    unit: { key: 'ani-med' },
    roleCode: 'WYP_FIN',
    daysAgo: 26,
    signed: 'missing',
  },
  // safe files: Administrator CeZ can approve these two in one step ("Zatwierdź zaznaczone")
  {
    key: 'cez-3',
    applicant: applicant('irena.wieczorek', 'Irena', 'Wieczorek', 9, '88012143382'),
    unit: { key: 'wsse-gdansk' },
    roleCode: 'NADZ_FIN',
    daysAgo: 5,
    signed: 'file',
  },
  {
    key: 'cez-4',
    applicant: applicant('jerzy.adamczyk', 'Jerzy', 'Adamczyk', 10, '66040947019'),
    unit: { key: 'wsse-gdansk' },
    roleCode: 'NADZ_KARTY_PSY',
    daysAgo: 16,
    signed: 'file',
  },
  // Administrator UW kujawsko-pomorskie: one with a safe file
  {
    key: 'uw04-5',
    applicant: applicant('kamil.dudek', 'Kamil', 'Dudek', 11, '95081150739'),
    unit: { kindCode: 'PODM', voivodeshipCode: '04', nth: 4 },
    roleCode: 'WYP_NIEFIN',
    daysAgo: 8,
    signed: 'file',
  },
  // Administrator IPIN: one with a safe file
  {
    key: 'ipin-3',
    applicant: applicant('lucyna.szymanska', 'Lucyna', 'Szymańska', 12, '79022654441'),
    unit: { kindCode: 'PODM', voivodeshipCode: '14', nth: 0 },
    roleCode: 'WYP_KARTY_PSY',
    daysAgo: 1,
    signed: 'file',
  },
  // KCPU routing: non-financial reports of an addiction-care unit go to KCPU; with no active KCPU
  // administrator in the demo they fall back to CeZ (the detail page says so)
  {
    key: 'kcpu-1',
    applicant: applicant('marek.olszewski', 'Marek', 'Olszewski', 13, '84070758177'),
    unit: { kindCode: 'PODM', voivodeshipCode: '14', nth: 0, addiction: true },
    roleCode: 'WYP_NIEFIN',
    daysAgo: 18,
    signed: 'post',
  },
];
