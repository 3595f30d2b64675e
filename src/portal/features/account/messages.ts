import type { NoticeFlag } from './schema.ts';

/** Polish texts of "Moje konto" (labels as in the manual). */
export const accountMessages = {
  title: 'Moje konto',
  lead: 'Wybierz aktywny profil, w którym chcesz pracować',
  newProfile: 'Utwórz nowy profil',
  transfer: 'Przenieś uprawnienia z SSOZ I',

  activeProfiles: 'Aktywne profile',
  unfinishedRequests: 'Niezakończone wnioski',
  unfinishedLead: 'Te wnioski zostały zapisane, ale nie zakończone. Skorzystaj z opcji Zakończ, aby wniosek uzyskał status oczekującego.',
  requestedRoles: 'Wnioskowane role',
  requestNumbers: 'Numery wniosków',
  savedOn: 'Data zapisania',
  finishRequest: 'Dokończ wniosek',
  pendingRequests: 'Oczekujące wnioski',
  otherProfiles: 'Pozostałe profile',

  unitName: 'Nazwa jednostki',
  kind: 'Rodzaj',
  status: 'Status',
  workInProfile: 'Pracuj w profilu',
  profileDetails: 'Szczegóły profilu',

  tabRoles: 'Aktywne role',
  tabUnit: 'Dane jednostki',
  tabContact: 'Dane kontaktowe użytkownika',
  tabRequests: 'Złożone wnioski',
  tabsLabel: 'Sekcje profilu',

  roleInUnit: 'Rola w jednostce',
  assignedFrom: 'Przypisana od',
  requestNumber: 'Numer wniosku',
  requestedRole: 'Wnioskowana rola',
  submittedOn: 'Data złożenia',
  decisionDue: 'Termin decyzji',
  requestStatus: 'Status wniosku',
  rejectReason: 'Powód odrzucenia:',
  noActiveRoles: 'W tym profilu nie masz jeszcze zatwierdzonych ról.',
  noRequests: 'W tym profilu nie złożono wniosków.',
  requestOtherRoles: 'Wnioskuj o inne role',

  nip: 'NIP',
  regon: 'REGON',
  registryBookNo: 'Numer księgi rejestrowej',
  voivodeship: 'Województwo',
  powiat: 'Powiat',
  gmina: 'Gmina',
  locality: 'Miejscowość',
  postalCode: 'Kod pocztowy',
  street: 'Ulica',
  buildingNo: 'Numer budynku',

  phone: 'Telefon',
  email: 'Adres e-mail',
  editContact: 'Edytuj dane kontaktowe',

  sortBy: 'Sortuj:',
  sortNumber: 'Numer wniosku',
  sortUnit: 'Nazwa jednostki',
  sortStatusChange: 'Data ostatniej zmiany statusu',
  ascending: 'rosnąco',
  descending: 'malejąco',

  noAttachments: 'Brak załączników',
  requestDetails: 'Szczegóły wniosku',
  confirmation: 'Potwierdzenie uprawnień',
  fileDownload: 'Pobierz',
  fileDelete: 'Usuń',
  optOut: 'Plik został wysłany mailem lub wydruk pocztą — nie przypominaj mi o braku załącznika do tego wniosku',
  optOutSave: 'Zapisz wybór',
  attachSigned: 'Załącz podpisany wniosek',
  downloadPdf: 'Pobierz wygenerowany wniosek (PDF)',
  showInstructions: 'Pokaż instrukcję',
  instructionsIntro: 'Pobrany wniosek musisz przekazać do weryfikacji. Wymagane są pieczęć jednostki, twój podpis i podpis kierownika jednostki.',
  instructionsHow: 'Pobrany i podpisany wniosek przekaż do weryfikacji w następujący sposób:',
  instructions: [
    'Załącz do systemu wniosek z pieczęcią podpisaną elektronicznie, lub',
    'Załącz do systemu skan lub zdjęcie wydrukowanego wniosku z pieczęcią jednostki i z podpisami ręcznymi, lub',
    'Wyślij mailem na wskazany adres e-mail wniosek podpisany elektronicznie, lub skan lub zdjęcie wniosku z pieczęcią i z podpisami ręcznymi — adres e-mail znajdziesz w sekcji „Miejsce przekazania wniosku”, lub',
    'Jeśli nie masz możliwości przekazania podpisanego wniosku drogą elektroniczną, wyślij wydrukowany dokument pocztą na adres wskazany w sekcji „Miejsce przekazania wniosku”.',
  ] as const,
  instructionsFormats: 'Załączony plik mogą stanowić skany, zdjęcia dokumentu. Dopuszczalny format załączanych plików to pdf oraz jpg.',
  unsafeRemovedTitle: 'Niebezpieczne pliki zostały usunięte z wniosku',
  unsafeRemovedBody: 'Informacje o plikach, które zostały negatywnie zweryfikowane pod kątem bezpieczeństwa, zostały przesłane drogą mailową.',
  pendingScanFiles: 'Pliki oczekujące na skanowanie pod kątem bezpieczeństwa',
  cleanFiles: 'Bezpieczne pliki załączone do wniosku',
  contactInUnit: 'Twoje dane kontaktowe w jednostce',
  withdraw: 'Wycofaj wniosek',

  createdOn: 'Data utworzenia',
  profileRequests: 'Wnioski',
  noDecidedRequests: 'Brak rozpatrzonych wniosków',

  emptyActive: 'Nie masz aktywnych profili.',
  emptyPending: 'Nie masz oczekujących wniosków.',
  emptyOther: 'Nie masz innych profili.',
} as const;

/** Confirmation of the action that led to Moje konto, by the query flag it set. */
export const accountNotices: Readonly<Record<NoticeFlag, string>> = {
  wycofano: 'Wniosek został wycofany. Ma status „Odrzucony” z powodem „Wycofany przez wnioskującego”.',
  zapisano: 'Dane kontaktowe zostały zapisane.',
  'zapisano-przypomnienie': 'Zapisano wybór dotyczący przypomnień o braku załącznika.',
  zlozono:
    'Wniosek ma status oczekującego i jest widoczny dla osób uprawnionych do jego weryfikacji. O akceptacji lub odrzuceniu poinformujemy Cię wiadomością e-mail.',
  wybierz: 'Masz kilka aktywnych profili. Wybierz profil, w którym chcesz pracować.',
};
