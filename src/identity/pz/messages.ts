// Polish texts of the simulated Profil Zaufany (demo mode): login, SMS code, "Załącz profil".
import { contactMessages } from '../../domain/contact.ts';

/** Code validity and limits, shared by the service and the texts so they never disagree. */
export const PZ_LIMITS = {
  attemptMinutes: 15,
  codeMinutes: 5,
  maxWrongPasswords: 5,
  lockoutMinutes: 15,
  maxWrongCodeEntries: 3,
  maxCodesPerAttempt: 5,
  maxCodesPerAccountPerHour: 10,
} as const;

export const pzMessages = {
  invalid: 'Nieprawidłowa nazwa użytkownika lub hasło',
  attemptExpired: 'Sesja logowania wygasła. Zaloguj się ponownie.',
  codeExpired: 'Kod autoryzacyjny wygasł. Wyślij nowy kod.',
  tooManyWrong: `Wpisano ${PZ_LIMITS.maxWrongCodeEntries} razy nieprawidłowy kod. Wyślij nowy kod.`,
  tooManyCodes: 'Wysłano zbyt wiele kodów. Spróbuj ponownie później.',
  noCode: 'Brak ważnego kodu autoryzacyjnego. Wyślij nowy kod.',
  codeSent: (phoneMasked: string) => `Kod autoryzacyjny został wysłany na numer telefonu ${phoneMasked}.`,
  codeResent: 'Wysłaliśmy nowy kod autoryzacyjny.',
  registered: 'Konto Profilu Zaufanego zostało utworzone. Zaloguj się.',
} as const;

const hhmm = new Intl.DateTimeFormat('pl-PL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Warsaw' });

/** "Spróbuj ponownie po godzinie HH:MM" — Polish local time. */
export function lockedMessage(lockedUntil: Date): string {
  return (
    `Konto zostało czasowo zablokowane po ${PZ_LIMITS.maxWrongPasswords} nieudanych próbach logowania. ` +
    `Spróbuj ponownie po godzinie ${hhmm.format(lockedUntil)}.`
  );
}

export function wrongCodeMessage(attemptsLeft: number): string {
  return `Nieprawidłowy kod autoryzacyjny. Pozostało prób: ${attemptsLeft}`;
}

/** The SMS itself (demo: shown in the demo mailbox, never sent to a real phone). */
export function smsCodeText(code: string): string {
  return `Kod autoryzacyjny Profilu Zaufanego (demo): ${code}. Kod jest ważny ${PZ_LIMITS.codeMinutes} minut. Nie przekazuj go nikomu.`;
}

/** Message for a failed checkPassword(). */
export function passwordFailureMessage(r: { reason: 'invalid' | 'locked' | 'attempt_expired'; lockedUntil?: Date }): string {
  switch (r.reason) {
    case 'invalid':
      return pzMessages.invalid;
    case 'locked':
      return r.lockedUntil ? lockedMessage(r.lockedUntil) : pzMessages.invalid;
    case 'attempt_expired':
      return pzMessages.attemptExpired;
  }
}

/** Message for a failed sendCode(). */
export function sendCodeFailureMessage(reason: 'attempt_expired' | 'too_many_codes'): string {
  return reason === 'too_many_codes' ? pzMessages.tooManyCodes : pzMessages.attemptExpired;
}

/** Message for a failed verifyCode(). */
export function verifyCodeFailureMessage(r: { reason: 'wrong' | 'expired' | 'too_many_wrong' | 'no_code' | 'attempt_expired'; attemptsLeft?: number }): string {
  switch (r.reason) {
    case 'wrong':
      return wrongCodeMessage(r.attemptsLeft ?? 0);
    case 'expired':
      return pzMessages.codeExpired;
    case 'too_many_wrong':
      return pzMessages.tooManyWrong;
    case 'no_code':
      return pzMessages.noCode;
    case 'attempt_expired':
      return pzMessages.attemptExpired;
  }
}

/** "Załącz profil" form: one message per field and problem. */
export const pzRegisterMessages = {
  firstNameRequired: 'Wpisz imię',
  firstNameTooLong: 'Imię może mieć najwyżej 100 znaków',
  lastNameRequired: 'Wpisz nazwisko',
  lastNameTooLong: 'Nazwisko może mieć najwyżej 100 znaków',
  peselRequired: 'Wpisz numer PESEL',
  peselFormat: 'Numer PESEL musi składać się z 11 cyfr',
  peselDate: 'Numer PESEL zawiera nieprawidłową datę urodzenia',
  peselChecksum: 'Nieprawidłowy numer PESEL — sprawdź, czy nie ma w nim literówki',
  peselTaken: 'Konto Profilu Zaufanego z tym numerem PESEL już istnieje',
  emailRequired: contactMessages.emailRequired,
  emailInvalid: contactMessages.emailInvalid,
  emailTaken: 'Konto Profilu Zaufanego z tym adresem e-mail już istnieje',
  phoneRequired: 'Wpisz numer telefonu komórkowego',
  phoneInvalid: contactMessages.phoneInvalid,
  phoneNotMobile: 'Wpisz numer telefonu komórkowego — na ten numer wyślemy kody autoryzacyjne',
  usernameRequired: 'Wpisz nazwę użytkownika',
  usernameFormat: 'Nazwa użytkownika musi mieć od 3 do 50 znaków: małe litery a–z, cyfry, kropka, podkreślenie lub myślnik',
  usernameTaken: 'Ta nazwa użytkownika jest już zajęta',
  passwordRequired: 'Wpisz hasło',
  passwordWeak: 'Hasło musi mieć co najmniej 12 znaków i zawierać litery oraz cyfry',
  passwordTooLong: 'Hasło może mieć najwyżej 128 znaków',
} as const;
