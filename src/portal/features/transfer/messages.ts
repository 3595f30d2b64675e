/** Polish texts of "Przeniesienie uprawnień z SSOZ I do profilu w SSOZ II". */
export const transferMessages = {
  title: 'Przeniesienie uprawnień z SSOZ I do profilu w SSOZ II',
  steps: ['Login i hasło konta SSOZ I', 'Podsumowanie i aktywacja profilu'] as const,
  fieldInvalid: 'Wpisz poprawne dane',
  summaryInvalid: 'Zabrakło wymaganych danych lub dane niepoprawne',
  locked: (until: string) => `Zbyt wiele nieudanych prób. Przeniesienie z tego konta SSOZ I jest zablokowane do godziny ${until}.`,
  tooOld: (cutoff: string) => `Konto SSOZ I zostało utworzone przed ${cutoff} i nie może zostać przeniesione. Złóż wniosek o nowy profil w SSOZ II.`,
  transferred: 'Uprawnienia z tego konta SSOZ I zostały już przeniesione do profilu w SSOZ II. Konto można przenieść tylko raz.',
  noRoles: 'Żadna z ról tego konta SSOZ I nie ma odpowiednika w SSOZ II. Złóż wniosek o nowy profil w SSOZ II.',
  expired: 'Dane konta SSOZ I trzeba podać ponownie: minęło zbyt dużo czasu od ich sprawdzenia.',
} as const;
