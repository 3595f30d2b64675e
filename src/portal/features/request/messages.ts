/** Polish texts of "Wniosek o nowy profil w SSOZ II" and "Wniosek o nowe role do profilu". */
export const requestMessages = {
  newProfileTitle: 'Wniosek o nowy profil w SSOZ II',
  newRolesTitle: 'Wniosek o nowe role do profilu',
  newProfileSteps: ['Wybór jednostki', 'Wybór ról i dane kontaktowe', 'Podsumowanie i zapisanie wniosku', 'Pobranie wniosku'] as const,
  newRolesSteps: ['Wybór ról i dane kontaktowe', 'Podsumowanie i zapisanie wniosku', 'Pobranie wniosku'] as const,
  rolesRequired: 'Wybierz co najmniej jedną rolę',
  rolesUnavailable: 'Wybrane role nie są już dostępne w tej jednostce. Wybierz role ponownie',
  noRolesLeft: 'Pełnisz już wszystkie role dostępne w tej jednostce albo czekasz na ich zatwierdzenie.',
  statementRequired: 'Zaznacz oświadczenie o zgodności danych ze stanem faktycznym',
  pdfRequired: 'Aby zakończyć, najpierw pobierz wniosek (plik PDF)',
  fileRequired: 'Załącz plik z podpisanym wnioskiem albo wybierz „Później załączę plik lub wyślę go mailem”',
  deliveryRequired: 'Wybierz, kiedy chcesz przekazać podpisany wniosek',
  searchHint: 'Wybierz „Rodzaj” i wypełnij dowolne pole w wyszukiwarce',
} as const;
