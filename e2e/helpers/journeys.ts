import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations } from './browser.ts';

interface Mail {
  to: string;
  text: string;
}

/** The newest message to `to` in the demo mailbox that matches `re`, waiting for the worker. */
export async function mail(base: string, to: string, re: RegExp): Promise<RegExpExecArray> {
  for (let i = 0; i < 100; i++) {
    const list = (await (await fetch(`${base}/dev/poczta.json?to=${encodeURIComponent(to)}`)).json()) as Mail[];
    for (const m of list) {
      const hit = re.exec(m.text);
      if (hit) return hit;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no message to ${to} matching ${re}`);
}

export async function clean(page: Page, label: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe on ${label}`);
}

/** "Zaloguj się/ Zarejestruj" → UEOZ → Profil Zaufany → SMS code from the demo mailbox. */
/** codes already typed, per phone: the mailbox may still show the previous one until the new SMS is delivered */
const usedCodes = new Map<string, Set<string>>();

export async function signIn(page: Page, base: string, login: string, phone: string, opts: { axe: boolean }): Promise<void> {
  await page.goto(base + '/');
  await page.getByRole('link', { name: 'Zaloguj się/ Zarejestruj' }).first().click();
  await page.waitForSelector('[data-qa="page-ueoz-login"]');
  if (opts.axe) await clean(page, 'UEOZ login');
  await page.getByRole('link', { name: 'Profil Zaufany' }).click();
  await page.waitForSelector('[data-qa="page-pz-login"]');
  if (opts.axe) await clean(page, 'PZ login');
  await page.getByLabel('Nazwa użytkownika lub adres e-mail').fill(login);
  await page.getByLabel('Hasło').fill('Demo-2026!');
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.waitForSelector('[data-qa="page-pz-code"]');
  if (opts.axe) await clean(page, 'PZ code');
  const seen = usedCodes.get(phone) ?? new Set<string>();
  usedCodes.set(phone, seen);
  let code = '';
  for (let i = 0; i < 50 && !code; i++) {
    const c = (await mail(base, phone, /Kod autoryzacyjny Profilu Zaufanego \(demo\): (\d{6})/))[1] ?? '';
    if (!seen.has(c)) code = c;
    else await new Promise((r) => setTimeout(r, 150));
  }
  seen.add(code);
  await page.getByLabel('Kod autoryzacyjny').fill(code);
  await page.getByRole('button', { name: 'Potwierdź' }).click();
}

export async function logout(page: Page): Promise<void> {
  await page.locator('[data-qa="user-menu"] summary').click();
  await page.getByRole('button', { name: 'Wyloguj się' }).click();
  // the portal ends the UEOZ session itself: no confirmation step, with or without JavaScript
  await page.waitForURL(/\/wylogowano/);
  assert.match((await page.locator('[data-qa="landing-notice"]').textContent()) ?? '', /Wylogowano z systemu SSOZ II/);
}

/** The link from the activation e-mail: its page shows "Aktywuj konto" (opening it spends nothing). */
export async function activateByLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.waitForSelector('[data-qa="page-activation-link"]');
  await page.getByRole('button', { name: 'Aktywuj konto' }).click();
}
