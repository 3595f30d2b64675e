import { z } from 'zod';

/** "Zaktualizuj informacje konta": login, e-mail twice, the terms. */
export const UpdateForm = z.object({
  login: z
    .string({ error: 'Wpisz login' })
    .trim()
    .min(1, 'Wpisz login')
    .regex(/^[A-Za-z0-9._-]{3,50}$/, 'Login może mieć od 3 do 50 znaków: litery, cyfry, kropkę, podkreślenie lub myślnik'),
  email: z
    .string({ error: 'Wpisz adres e-mail' })
    .trim()
    .min(1, 'Wpisz adres e-mail')
    .max(254, 'Adres e-mail jest za długi')
    .pipe(z.email('Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl')),
  email2: z.string({ error: 'Powtórz adres e-mail' }).trim().min(1, 'Powtórz adres e-mail'),
  terms: z.literal('tak', { error: 'Zaznacz, że znasz Warunki korzystania z serwisu' }),
});

export const UPDATE_LABELS = { login: 'Login', email: 'E-mail', email2: 'Powtórz e-mail', terms: 'Znam Warunki korzystania z serwisu' } as const;

export const updateMessages = {
  emailsDiffer: 'Adresy e-mail muszą być takie same',
} as const;
