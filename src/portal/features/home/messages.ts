/** Polish texts of the home page. */
export const homeMessages = {
  waitingRequests: 'Wnioski oczekujące na weryfikację:',
  transferred: 'Profil został utworzony z uprawnień SSOZ I. Możesz od razu pracować w systemie.',
} as const;
