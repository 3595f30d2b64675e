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
