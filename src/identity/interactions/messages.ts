// Polish texts shared by the UEOZ interaction pages (the flows' own texts live beside their routes).

export const identityFormMessages = {
  formUnreadable: 'Nie udało się odczytać formularza. Wypełnij go ponownie i wyślij.',
  notText: (label: string) => `Pole „${label}” ma nieprawidłową wartość. Wpisz ją ponownie.`,
  forbiddenCharacters: (label: string) => `Pole „${label}” zawiera niedozwolone znaki (np. znaki sterujące). Usuń je i wpisz wartość ponownie.`,
} as const;
