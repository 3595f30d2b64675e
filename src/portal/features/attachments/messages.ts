/** Polish texts of "Załącz podpisany wniosek" and the file actions ("Pobierz", "Usuń"). */
export const attachmentMessages = {
  pageTitle: 'Załącz podpisany wniosek',
  pageLead:
    'Wymagane są pieczęć jednostki, twój podpis i podpis kierownika jednostki. Załączony plik mogą stanowić skany, zdjęcia dokumentu. Dopuszczalny format załączanych plików to pdf oraz jpg.',
  requestsCaption: 'Wnioski, których dotyczy plik',
  decided: 'Wnioski zostały już rozpatrzone: pliku nie można już zmienić.',
  backToAccount: 'Wróć do widoku Moje konto',
  backToWizard: 'Wróć do kroku „Pobranie wniosku”, aby zakończyć wnioskowanie',
  summaryTitle: 'Nie wszystkie pliki zostały załączone',
  noFile: 'Wybierz plik z podpisanym wnioskiem (PDF lub JPG).',
  tooManyAtOnce: 'Nie udało się odebrać wszystkich plików (najwyżej 10 naraz). Spróbuj ponownie.',
  notReceived: 'Nie udało się odebrać wszystkich plików. Spróbuj ponownie.',
  storageFull: 'Pliku nie załączono: na serwerze zabrakło miejsca na pliki. Spróbuj ponownie później; jeśli problem się powtarza, napisz do nas (Kontakt).',
  tooLarge: (name: string, maxMb: number) => `Plik „${name}” jest za duży. Największy dopuszczalny rozmiar to ${maxMb} MB.`,
  empty: (name: string) => `Plik „${name}” jest pusty. Wybierz plik z podpisanym wnioskiem.`,
  badFormat: (name: string) => `Plik „${name}” ma niedozwolony format. Dopuszczalne formaty to PDF i JPG (zawartość pliku musi odpowiadać rozszerzeniu).`,
  closed: (name: string, max: number) => `Plik „${name}” nie został załączony: wniosek został już rozpatrzony albo ma już ${max} plików.`,
  deleteTitle: 'Usuń plik',
  deleteQuestion: (name: string) => `Czy na pewno chcesz usunąć plik „${name}”?`,
  deleteYes: 'Tak, usuń plik',
  deleteNo: 'Nie',
  deleteBadRequest: 'Nie udało się odczytać formularza. Wybierz „Tak, usuń plik” ponownie.',
} as const;
