/** Polish texts of the home page. */
export const homeMessages = {
  transferred: 'Profil został utworzony z uprawnień SSOZ I. Możesz od razu pracować w systemie.',
} as const;
