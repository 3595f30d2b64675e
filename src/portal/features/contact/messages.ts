/** Polish texts of "Skontaktuj się z nami" in one place. */
export const contactMessages = {
  title: 'Skontaktuj się z nami',
  nameRequired: 'Wpisz imię i nazwisko',
  nameTooLong: 'Imię i nazwisko może mieć najwyżej 120 znaków',
  emailRequired: 'Wpisz adres e-mail',
  emailInvalid: 'Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl',
  topicRequired: 'Wybierz temat wiadomości',
  messageRequired: 'Wpisz treść wiadomości',
  messageTooShort: 'Treść wiadomości musi mieć co najmniej 10 znaków',
  messageTooLong: 'Treść wiadomości może mieć najwyżej 4000 znaków',
  sentTitle: 'Wiadomość została wysłana',
  formExpired: 'Formularz wygasł. Sprawdź dane i wyślij wiadomość ponownie',
} as const;

export const CONTACT_TOPICS = [
  { value: 'logowanie', label: 'Logowanie i konto (Profil Zaufany, aktywacja konta)' },
  { value: 'profil', label: 'Profil i wnioski o role' },
  { value: 'sprawozdania', label: 'Sprawozdania statystyczne' },
  { value: 'dostepnosc', label: 'Dostępność serwisu' },
  { value: 'inne', label: 'Inne' },
] as const;
